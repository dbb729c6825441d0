//! Images that decode to far more than their size, built here byte by byte: a PNG whose
//! colour profile or text unpacks to a gigabyte, huge hidden chunks, an animated PNG, a
//! JPEG with hundreds of scans or megabytes of markers, an image with no pixels. Each
//! either checks within the decoders' bounded memory or is refused in an author's words.

use office_kiosk::content::{ImageData, ProblemKind, check_image, decode};

/// `data` as a PNG chunk of `kind`, with its length and checksum.
fn chunk(kind: [u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len())
        .expect("a chunk's length")
        .to_be_bytes()
        .to_vec();
    out.extend_from_slice(&kind);
    out.extend_from_slice(data);
    let crc = crc32(&[kind.as_slice(), data].concat());
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

/// The CRC-32 PNG chunks end with (ISO 3309, as the PNG specification gives it).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zlib stream that unpacks to `len` zero bytes (at least 259): one literal zero, then
/// copies of 258 bytes at distance 1 in deflate's fixed codes, 13 bits each, so a
/// gigabyte takes about 6 MB.
fn zeros_zlib(len: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u32,
        count: u32,
    }
    impl Bits {
        /// `n` bits of `value`, least significant first.
        fn put(&mut self, value: u32, n: u32) {
            for i in 0..n {
                self.acc |= ((value >> i) & 1) << self.count;
                self.count += 1;
                if self.count == 8 {
                    self.out.push(self.acc as u8);
                    self.acc = 0;
                    self.count = 0;
                }
            }
        }
        /// A Huffman code of `n` bits, most significant first.
        fn code(&mut self, code: u32, n: u32) {
            for i in (0..n).rev() {
                self.put((code >> i) & 1, 1);
            }
        }
    }
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        count: 0,
    };
    // The last block, with fixed codes.
    bits.put(1, 1);
    bits.put(1, 2);
    // The literal 0: code 0x30, 8 bits.
    bits.code(0x30, 8);
    let copies = (len - 1) / 258;
    for _ in 0..copies {
        // Length 258: symbol 285, code 0xC5 in 8 bits; distance 1: code 0 in 5 bits.
        bits.code(0xC5, 8);
        bits.code(0, 5);
    }
    let rest = len - 1 - copies * 258;
    for _ in 0..rest {
        bits.code(0x30, 8);
    }
    // End of block: symbol 256, code 0 in 7 bits.
    bits.code(0, 7);
    bits.put(0, 7);
    let mut out = bits.out;
    // Adler-32 of zeros: a stays 1, b adds 1 per byte.
    let b = (len % 65_521) as u32;
    out.extend_from_slice(&((b << 16) | 1).to_be_bytes());
    out
}

/// A 16x16 grey PNG with `extra` chunks before its image data.
fn png_with(extra: &[Vec<u8>]) -> Vec<u8> {
    let mut image = Vec::new();
    image::codecs::png::PngEncoder::new(&mut image)
        .write_image(&[128; 16 * 16], 16, 16, image::ExtendedColorType::L8)
        .expect("encodes");
    // After the signature (8) and IHDR (25).
    let mut out = image[..33].to_vec();
    for chunk in extra {
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&image[33..]);
    out
}

use image::ImageEncoder as _;

/// Decodes `bytes` as the kiosk does, to at most 64 pixels a side.
fn decoded(bytes: Vec<u8>) -> Result<office_kiosk::content::Pixels, ProblemKind> {
    decode("images/x.png", &ImageData::Embedded(bytes.leak()), 64)
}

const GIGABYTE: usize = 1 << 30;

#[test]
fn a_colour_profile_or_text_that_unpacks_to_a_gigabyte_is_not_unpacked() {
    let bomb = zeros_zlib(GIGABYTE);
    let profile = chunk(*b"iCCP", &[b"icc\0\0".as_slice(), &bomb].concat());
    let text = chunk(*b"zTXt", &[b"Comment\0\0".as_slice(), &bomb].concat());
    let international = chunk(
        *b"iTXt",
        &[b"Comment\0\x01\0\0\0".as_slice(), &bomb].concat(),
    );
    for (what, extra) in [("iCCP", profile), ("zTXt", text), ("iTXt", international)] {
        let bytes = png_with(&[extra]);
        assert_eq!(check_image("images/x.png", &bytes), Ok((16, 16)), "{what}");
        let pixels = decoded(bytes).expect(what);
        assert_eq!(pixels.rgba[..4], [128, 128, 128, 255], "{what}");
    }
}

#[test]
fn huge_hidden_chunks_are_skipped_or_refused_within_the_limits() {
    // Plain text and an unknown chunk are skipped, however large.
    let words = chunk(
        *b"tEXt",
        &[b"Comment\0".as_slice(), &vec![b'a'; 30 << 20]].concat(),
    );
    let private = chunk(*b"prVt", &vec![0; 30 << 20]);
    for extra in [words, private] {
        assert_eq!(
            check_image("images/x.png", &png_with(&[extra])),
            Ok((16, 16))
        );
    }
    // Exif data is kept by the decoder: past its room, the image is refused in words.
    let exif = chunk(*b"eXIf", &vec![0; 30 << 20]);
    match check_image("images/x.png", &png_with(&[exif])) {
        Err(ProblemKind::ImageUndecodable { reason, .. }) => {
            assert!(reason.contains("more memory"), "{reason}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn an_animated_png_shows_its_still_image() {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 8, 8);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_animated(3, 0).expect("animated");
    let mut writer = encoder.write_header().expect("a header");
    for colour in [[200, 10, 10, 255], [10, 200, 10, 255], [10, 10, 200, 255]] {
        writer
            .write_image_data(&colour.repeat(64))
            .expect("a frame");
    }
    writer.finish().expect("written");
    assert_eq!(check_image("images/x.png", &bytes), Ok((8, 8)));
    assert_eq!(
        decoded(bytes).expect("decodes").rgba[..4],
        [200, 10, 10, 255]
    );
}

#[test]
fn an_image_without_pixels_says_so() {
    let mut bytes = png_with(&[]);
    // IHDR's width, then its checksum made right.
    bytes[16..20].copy_from_slice(&0u32.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    let problem = check_image("images/x.png", &bytes).expect_err("no pixels");
    assert_eq!(
        problem,
        ProblemKind::ImageWithoutPixels {
            path: "images/x.png".into(),
            width: 0,
            height: 16,
        }
    );
    assert!(problem.to_string().contains("nothing to show"), "{problem}");
}

/// A 64x48 JPEG.
fn jpeg() -> Vec<u8> {
    let image = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&image)
        .expect("encodes");
    out
}

fn refused(bytes: &[u8]) -> String {
    match check_image("images/x.jpg", bytes) {
        Err(ProblemKind::ImageUndecodable { reason, .. }) => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_jpeg_of_hundreds_of_scans_is_refused_before_decoding() {
    let bytes = jpeg();
    let sos = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xDA])
        .expect("a scan");
    let end = bytes.len() - 2;
    let scan = &bytes[sos..end];
    let mut many = bytes[..end].to_vec();
    for _ in 0..300 {
        many.extend_from_slice(scan);
    }
    many.extend_from_slice(&[0xFF, 0xD9]);
    let reason = refused(&many);
    assert!(reason.contains("301 scans"), "{reason}");
    assert!(check_image("images/x.jpg", &bytes).is_ok());
}

#[test]
fn a_jpeg_with_megabytes_of_markers_is_refused_and_a_camera_s_is_not() {
    let with_markers = |count: usize| {
        let bytes = jpeg();
        let mut out = bytes[..2].to_vec();
        for _ in 0..count {
            out.extend_from_slice(&[0xFF, 0xE1, 0xFF, 0xFF]);
            out.extend_from_slice(&vec![0x20; 0xFFFD]);
        }
        out.extend_from_slice(&bytes[2..]);
        out
    };
    // A camera's Exif and a colour profile: well under a megabyte.
    assert_eq!(check_image("images/x.jpg", &with_markers(10)), Ok((64, 48)));
    let reason = refused(&with_markers(300));
    assert!(reason.contains("hidden data"), "{reason}");
}

#[test]
fn check_decodes_a_colour_profile_bomb_in_little_memory() {
    // `check` on a folder whose office image holds a profile that unpacks to a gigabyte,
    // with its address space capped at 300 MB: an unpacked profile would not fit.
    let folder = crate::Folder::new(&crate::office_image("images/bomb.png"));
    let bomb = zeros_zlib(GIGABYTE);
    let profile = chunk(*b"iCCP", &[b"icc\0\0".as_slice(), &bomb].concat());
    folder.write("images/bomb.png", &png_with(&[profile]));
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 300000 && exec "$0" check "$1""#)
        .arg(env!("CARGO_BIN_EXE_office-kiosk"))
        .arg(folder.file())
        .output()
        .expect("check runs");
    assert!(
        output.status.success(),
        "{:?}\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
