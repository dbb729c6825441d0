//! Image checks and decoding: the format and size from the header, then the pixels at the
//! size they are drawn. Every failure is put in words an author can act on; the decoders'
//! own messages (chunk types, checksums, allocation limits) never reach them.

mod jpeg_image;
mod png_image;

use std::io::Cursor;

use super::error::ProblemKind;
use super::limits::{MAX_FULL_SIZE_PIXELS, MAX_IMAGE_SIDE};
use super::model::Pixels;

/// What went wrong in an author's words.
const DAMAGED: &str = "the image data is damaged (cut short, or changed by a bad copy); \
                       export or copy the image again";
const CUT_SHORT: &str = "the file is cut short; export or copy the image again";

fn undecodable(rel: &str, reason: impl Into<String>) -> ProblemKind {
    ProblemKind::ImageUndecodable {
        path: rel.to_owned(),
        reason: reason.into(),
    }
}

fn too_large(rel: &str, width: u32, height: u32) -> ProblemKind {
    ProblemKind::ImageTooLarge {
        path: rel.to_owned(),
        width,
        height,
        max: MAX_IMAGE_SIDE,
    }
}

/// Reads an image's format and size from its header, and refuses what is too large to
/// decode: over [`MAX_IMAGE_SIDE`] a side, or over [`MAX_FULL_SIZE_PIXELS`] for an image
/// that must be decoded at full size (a PNG, or a progressive or lossless JPEG).
pub(crate) fn header(rel: &str, bytes: &[u8]) -> Result<(u32, u32), ProblemKind> {
    if bytes.is_empty() {
        return Err(undecodable(rel, "the file is empty"));
    }
    let format = match image::guess_format(bytes) {
        Ok(format @ (image::ImageFormat::Png | image::ImageFormat::Jpeg)) => format,
        Ok(other) => {
            let name = other.extensions_str().first().unwrap_or(&"such");
            return Err(undecodable(
                rel,
                format!(
                    "{} images are not supported; save it as PNG or JPEG",
                    name.to_uppercase()
                ),
            ));
        }
        Err(_) => return Err(undecodable(rel, "the file's contents are not an image")),
    };
    let (width, height, full_size) = if format == image::ImageFormat::Jpeg {
        jpeg_image::check_markers(rel, bytes)?;
        let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
        decoder
            .read_info()
            .map_err(|e| jpeg_image::jpeg_error(rel, &e))?;
        let info = decoder.info().ok_or_else(|| undecodable(rel, DAMAGED))?;
        // Only an ordinary (sequential) JPEG is decoded scaled down.
        let scalable = info.coding_process == jpeg_decoder::CodingProcess::DctSequential;
        (u32::from(info.width), u32::from(info.height), !scalable)
    } else {
        let (width, height) = png_size(rel, bytes)?;
        (width, height, true)
    };
    if width == 0 || height == 0 {
        return Err(ProblemKind::ImageWithoutPixels {
            path: rel.to_owned(),
            width,
            height,
        });
    }
    let too_big = width > MAX_IMAGE_SIDE
        || height > MAX_IMAGE_SIDE
        || (full_size && u64::from(width) * u64::from(height) > MAX_FULL_SIZE_PIXELS);
    if too_big {
        return Err(too_large(rel, width, height));
    }
    if format == image::ImageFormat::Png {
        // The rest of the header, up to the image data, as the decoder will read it.
        png_image::check_header(rel, bytes)?;
    }
    Ok((width, height))
}

/// A PNG's size from its first chunk, which is always `IHDR`: 24 bytes suffice to refuse
/// an image far too large, before any decoder reads further.
fn png_size(rel: &str, bytes: &[u8]) -> Result<(u32, u32), ProblemKind> {
    let Some(header) = bytes.get(12..24) else {
        return Err(undecodable(rel, CUT_SHORT));
    };
    let (kind, size) = header.split_at(4);
    let (width, height) = size.split_at(4);
    match (kind, width.try_into(), height.try_into()) {
        (b"IHDR", Ok(width), Ok(height)) => {
            Ok((u32::from_be_bytes(width), u32::from_be_bytes(height)))
        }
        _ => Err(undecodable(rel, DAMAGED)),
    }
}

/// Checks image bytes as `check` does: the header and its limits, then a full decode.
/// Returns the image's width and height. (The image path of the content loader, for
/// fuzzing and tools.)
///
/// # Errors
/// The problem found, as `check` reports it.
pub fn check_image(rel: &str, bytes: &[u8]) -> Result<(u32, u32), ProblemKind> {
    let size = header(rel, bytes)?;
    decode_bytes(rel, bytes, 256)?;
    Ok(size)
}

/// Decodes image bytes whose header passed [`header`], scaled to fit `max_side`.
pub(crate) fn decode_bytes(rel: &str, bytes: &[u8], max_side: u32) -> Result<Pixels, ProblemKind> {
    let max_side = max_side.max(1);
    let rgba = match image::guess_format(bytes) {
        Ok(image::ImageFormat::Jpeg) => jpeg_image::decode(rel, bytes, max_side)?,
        Ok(image::ImageFormat::Png) => png_image::decode(rel, bytes, png_size(rel, bytes)?)?,
        _ => return Err(undecodable(rel, "the file's contents are not an image")),
    };
    let rgba = fit(rgba, max_side);
    Ok(Pixels {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

/// Scales `image` down to fit `max_side` on its longer side.
fn fit(image: image::RgbaImage, max_side: u32) -> image::RgbaImage {
    let (w, h) = image.dimensions();
    if w <= max_side && h <= max_side {
        return image;
    }
    let scale = f64::from(max_side) / f64::from(w.max(h));
    let new_w = ((f64::from(w) * scale).round() as u32).max(1);
    let new_h = ((f64::from(h) * scale).round() as u32).max(1);
    image::imageops::resize(&image, new_w, new_h, image::imageops::FilterType::Triangle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
            .encode_image(&image)
            .expect("encodes");
        out
    }

    #[test]
    fn large_jpegs_are_decoded_scaled_down() {
        let bytes = jpeg(1600, 1200);
        let pixels = decode_bytes("a.jpg", &bytes, 400).expect("decodes");
        assert_eq!((pixels.width, pixels.height), (400, 300));
        assert_eq!(pixels.rgba.len(), 400 * 300 * 4);
    }

    #[test]
    fn small_images_are_not_enlarged() {
        let bytes = jpeg(120, 80);
        let pixels = decode_bytes("a.jpg", &bytes, 2048).expect("decodes");
        assert_eq!((pixels.width, pixels.height), (120, 80));
    }

    #[test]
    fn truncated_jpegs_fail_cleanly() {
        let bytes = jpeg(640, 480);
        let cut = &bytes[..bytes.len() / 3];
        assert!(header("a.jpg", cut).is_ok(), "the header survives");
        // The decoder either refuses or fills in the missing part; it never panics and
        // never returns a buffer of the wrong size.
        if let Ok(pixels) = decode_bytes("a.jpg", cut, 256) {
            assert_eq!(
                pixels.rgba.len(),
                (pixels.width * pixels.height * 4) as usize
            );
        }
    }
}
