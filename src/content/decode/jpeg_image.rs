//! JPEG decoding with `jpeg-decoder`, scaled down while decoding; the file's markers are
//! walked first, so that a JPEG with more scans or more hidden data (metadata, colour
//! profiles, comments) than any photo has is refused before the decoder spends its time
//! and memory on it; CMYK and YCCK JPEGs are turned into the colours they print as.

use std::io::Cursor;

use super::{CUT_SHORT, DAMAGED, undecodable};
use crate::content::error::ProblemKind;
use crate::content::limits::{MAX_JPEG_METADATA_BYTES, MAX_JPEG_SCANS};

/// What a JPEG's markers say before any pixel is decoded.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Markers {
    /// Start-of-scan markers: an ordinary JPEG has one to four, a progressive one about ten.
    pub scans: usize,
    /// Bytes of application segments (Exif, XMP, colour profiles) and comments.
    pub metadata_bytes: usize,
    /// Whether an Adobe segment (`APP14`) is there: its CMYK is stored inverted.
    pub adobe: bool,
}

/// Walks the markers of a JPEG (after its first two bytes), skipping the coded data.
pub(crate) fn markers(bytes: &[u8]) -> Markers {
    let mut found = Markers::default();
    let mut i = 2;
    while i + 1 < bytes.len() {
        if bytes[i] != 0xFF {
            // Coded data between markers.
            i += 1;
            continue;
        }
        let marker = bytes[i + 1];
        match marker {
            // Fill bytes, a stuffed 0xFF in coded data, restart markers, markers without a
            // length.
            0xFF => i += 1,
            0x00 | 0x01 | 0xD0..=0xD8 => i += 2,
            0xD9 => break,
            _ => {
                let Some(&[high, low]) = bytes.get(i + 2..i + 4) else {
                    break;
                };
                let length = usize::from(u16::from_be_bytes([high, low]));
                match marker {
                    0xDA => found.scans += 1,
                    0xE0..=0xEF | 0xFE => found.metadata_bytes += length,
                    _ => {}
                }
                if marker == 0xEE && bytes.get(i + 4..i + 9) == Some(b"Adobe".as_slice()) {
                    found.adobe = true;
                }
                i += 2 + length.max(2);
            }
        }
    }
    found
}

/// The words for an error of the JPEG decoder.
pub(super) fn jpeg_error(rel: &str, error: &jpeg_decoder::Error) -> ProblemKind {
    let reason = match error {
        jpeg_decoder::Error::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => CUT_SHORT,
        jpeg_decoder::Error::Unsupported(_) => {
            "it uses a kind of JPEG the kiosk cannot read; open it in an image editor and \
             save it again as an ordinary JPEG"
        }
        _ => DAMAGED,
    };
    undecodable(rel, reason)
}

/// Refuses a JPEG whose markers show more than a photo has.
pub(super) fn check_markers(rel: &str, bytes: &[u8]) -> Result<(), ProblemKind> {
    let found = markers(bytes);
    if found.scans > MAX_JPEG_SCANS {
        return Err(undecodable(
            rel,
            format!(
                "it is made of {} scans, where a photo has at most about ten (the kiosk \
                 reads up to {MAX_JPEG_SCANS}); save it again as an ordinary JPEG",
                found.scans
            ),
        ));
    }
    if found.metadata_bytes > MAX_JPEG_METADATA_BYTES {
        return Err(undecodable(
            rel,
            format!(
                "it holds {} MB of hidden data (metadata, colour profiles or comments), more \
                 than the {} MB the kiosk reads; save it again without them (\"export\" or \
                 \"save for web\" in an image editor)",
                found.metadata_bytes >> 20,
                MAX_JPEG_METADATA_BYTES >> 20
            ),
        ));
    }
    Ok(())
}

/// Decodes a JPEG with the decoder's own scaling (1/2, 1/4, 1/8), so a photo far larger
/// than the screen never exists at full size in memory.
pub(super) fn decode(
    rel: &str,
    bytes: &[u8],
    max_side: u32,
) -> Result<image::RgbaImage, ProblemKind> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(|e| jpeg_error(rel, &e))?;
    let info = decoder.info().ok_or_else(|| undecodable(rel, DAMAGED))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let scale = (f64::from(max_side) / f64::from(w.max(h).max(1))).min(1.0);
    let want_w = ((f64::from(w) * scale).ceil() as u16).max(1);
    let want_h = ((f64::from(h) * scale).ceil() as u16).max(1);
    let (out_w, out_h) = decoder
        .scale(want_w, want_h)
        .map_err(|e| jpeg_error(rel, &e))?;
    let raw = decoder.decode().map_err(|e| jpeg_error(rel, &e))?;
    let count = usize::from(out_w) * usize::from(out_h);
    let mut rgba = Vec::with_capacity(count * 4);
    match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => {
            for px in raw.chunks_exact(3) {
                rgba.extend_from_slice(&[px[0], px[1], px[2], 255]);
            }
        }
        jpeg_decoder::PixelFormat::L8 => {
            for &l in &raw {
                rgba.extend_from_slice(&[l, l, l, 255]);
            }
        }
        jpeg_decoder::PixelFormat::L16 => {
            for px in raw.chunks_exact(2) {
                rgba.extend_from_slice(&[px[0], px[0], px[0], 255]);
            }
        }
        jpeg_decoder::PixelFormat::CMYK32 => {
            let adobe = markers(bytes).adobe;
            for px in raw.chunks_exact(4) {
                let [red, green, blue] = cmyk_to_rgb([px[0], px[1], px[2], px[3]], adobe);
                rgba.extend_from_slice(&[red, green, blue, 255]);
            }
        }
    }
    if rgba.len() != count * 4 {
        return Err(undecodable(rel, CUT_SHORT));
    }
    image::RgbaImage::from_raw(u32::from(out_w), u32::from(out_h), rgba)
        .ok_or_else(|| undecodable(rel, CUT_SHORT))
}

/// The colour a CMYK pixel as `jpeg-decoder` gives it prints as. The decoder inverts what
/// the file stores (and turns YCCK into CMYK the same way), as for Adobe's files, which
/// store ink inverted: with an Adobe segment it gives the ink (255 full), without one the
/// file stored plain ink and it gives 255 less the ink.
pub(crate) fn cmyk_to_rgb([c, m, y, k]: [u8; 4], adobe: bool) -> [u8; 3] {
    // What is left of white after the ink: 255 none, 0 all.
    let left = |ink: u8| if adobe { 255 - ink } else { ink };
    let channel = |ink: u8| {
        let lit = u16::from(left(ink)) * u16::from(left(k));
        ((lit + 127) / 255) as u8
    };
    [channel(c), channel(m), channel(y)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ink_prints_as_its_colour() {
        // Adobe's files: the decoder gives the ink itself.
        assert_eq!(cmyk_to_rgb([255, 0, 0, 0], true), [0, 255, 255]);
        assert_eq!(cmyk_to_rgb([0, 0, 0, 0], true), [255, 255, 255]);
        assert_eq!(cmyk_to_rgb([0, 0, 0, 255], true), [0, 0, 0]);
        // Plain files: the decoder gives 255 less the ink.
        assert_eq!(cmyk_to_rgb([0, 255, 255, 255], false), [0, 255, 255]);
        assert_eq!(cmyk_to_rgb([128, 128, 128, 255], false), [128, 128, 128]);
    }
}
