//! Broken and unusual images, each reported in words an author can act on: never a
//! decoder's chunk types, checksums or allocation limits.

use office_kiosk::content::limits::MAX_IMAGE_SIDE;
use office_kiosk::content::{ProblemKind, check_image};

use crate::map_png;

/// The reason `check` gives for `bytes`, which must be refused as undecodable.
fn undecodable(bytes: &[u8]) -> String {
    match check_image("images/x.png", bytes) {
        Err(ProblemKind::ImageUndecodable { reason, .. }) => reason,
        other => panic!("expected an undecodable image, got {other:?}"),
    }
}

/// No library words: what an office user could not act on.
fn assert_plain(reason: &str) {
    for jargon in [
        "ChunkType",
        "CRC",
        "crc",
        "Memory limit",
        "IHDR",
        "IDAT",
        "Format error",
        "buffer",
        "os error",
        "Decoding",
        "decoder",
    ] {
        assert!(!reason.contains(jargon), "`{jargon}` in: {reason}");
    }
}

/// The byte offset of the first chunk of `kind` in a PNG, at its length field.
fn chunk(png: &[u8], kind: [u8; 4]) -> usize {
    png.windows(4).position(|w| w == kind).expect("the chunk") - 4
}

#[test]
fn a_png_with_a_bad_checksum_is_damaged() {
    let mut png = map_png();
    // Change one byte of the image data; its chunk's CRC no longer matches.
    let idat = chunk(&png, *b"IDAT");
    png[idat + 8 + 10] ^= 0x55;
    let reason = undecodable(&png);
    assert_plain(&reason);
    assert!(reason.contains("damaged"), "{reason}");
    // A bad checksum in the header chunk too.
    let mut png = map_png();
    let ihdr = chunk(&png, *b"IHDR");
    png[ihdr + 8 + 12] ^= 0x01; // the interlace byte
    let reason = undecodable(&png);
    assert_plain(&reason);
}

#[test]
fn a_cut_png_says_it_is_cut_short() {
    let png = map_png();
    for cut in [40, 200, png.len() / 2, png.len() - 12] {
        let reason = undecodable(&png[..cut]);
        assert_plain(&reason);
        assert!(
            reason.contains("cut short") || reason.contains("damaged"),
            "{cut}: {reason}"
        );
    }
}

#[test]
fn other_formats_are_named_and_refused() {
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    assert_eq!(
        undecodable(gif),
        "GIF images are not supported; save it as PNG or JPEG"
    );
    assert_eq!(
        undecodable(b"hello"),
        "the file's contents are not an image"
    );
    assert_eq!(undecodable(b""), "the file is empty");
}

fn png(image: &image::DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encodes");
    out
}

#[test]
fn a_16_bit_png_within_the_documented_limit_loads() {
    // 16.7 megapixels at 8 bytes a pixel: 134 MB for the decoder, under 24 megapixels.
    let image = image::DynamicImage::ImageRgba16(image::ImageBuffer::from_pixel(
        4096,
        4096,
        image::Rgba([40_000, 20_000, 10_000, 65_535]),
    ));
    let bytes = png(&image);
    assert_eq!(check_image("images/deep.png", &bytes), Ok((4096, 4096)));
}

#[test]
fn a_png_over_24_megapixels_is_too_large_before_decoding() {
    // Only the header is needed to refuse it: a 5000x5000 PNG cut after its header.
    let image = image::DynamicImage::ImageLuma8(image::ImageBuffer::new(5000, 5000));
    let bytes = png(&image);
    let idat = chunk(&bytes, *b"IDAT");
    assert_eq!(
        check_image("images/big.png", &bytes[..idat]),
        Err(ProblemKind::ImageTooLarge {
            path: "images/big.png".into(),
            width: 5000,
            height: 5000,
            max: MAX_IMAGE_SIDE,
        })
    );
}

/// A JPEG header with a start-of-frame of `marker` (0xC0 sequential, 0xC2 progressive)
/// and the given size, and no image data.
fn jpeg_header(marker: u8, width: u16, height: u16) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    // A quantisation table, all ones.
    out.extend_from_slice(&[0xFF, 0xDB, 0x00, 0x43, 0x00]);
    out.extend_from_slice(&[1; 64]);
    out.extend_from_slice(&[0xFF, marker, 0x00, 0x0B, 0x08]);
    out.extend_from_slice(&height.to_be_bytes());
    out.extend_from_slice(&width.to_be_bytes());
    out.extend_from_slice(&[0x01, 0x01, 0x11, 0x00]);
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

#[test]
fn a_progressive_jpeg_is_held_to_the_full_size_limit() {
    // Decoded at full size, unlike an ordinary JPEG: 20000x20000 would take gigabytes.
    let too_large = check_image("images/p.jpg", &jpeg_header(0xC2, 20_000, 20_000));
    assert!(
        matches!(
            too_large,
            Err(ProblemKind::ImageTooLarge { width: 20_000, .. })
        ),
        "{too_large:?}"
    );
    // An ordinary JPEG of the same size gets as far as its (missing) data.
    let sequential = check_image("images/s.jpg", &jpeg_header(0xC0, 20_000, 20_000));
    assert!(
        matches!(sequential, Err(ProblemKind::ImageUndecodable { .. })),
        "{sequential:?}"
    );
}
