//! Image checks and decoding: the format and size from the header, then the pixels at the
//! size they are drawn. Every failure is put in words an author can act on; the decoders'
//! own messages (chunk types, checksums, allocation limits) never reach them.

use std::io::Cursor;

use image::error::{ImageError, LimitErrorKind};

use super::error::ProblemKind;
use super::limits::{
    DECODER_HEADROOM_BYTES, MAX_FULL_SIZE_PIXELS, MAX_IMAGE_SIDE, MAX_PNG_BYTES_PER_PIXEL,
};
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

/// The words for an error of the `image` crate (PNG headers and decoding).
fn image_error(rel: &str, error: &ImageError) -> ProblemKind {
    let reason = match error {
        ImageError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => CUT_SHORT,
        ImageError::Limits(limit) if matches!(limit.kind(), LimitErrorKind::DimensionError) => {
            "its width or height is too large to load"
        }
        ImageError::Limits(_) => {
            "it needs more memory to decode than the kiosk allows; save it smaller (about \
             2000 pixels on the long side is plenty)"
        }
        ImageError::Unsupported(_) => {
            "it uses a kind of PNG or JPEG the kiosk cannot read; open it in an image editor \
             and save it again as an ordinary PNG or JPEG"
        }
        _ => DAMAGED,
    };
    undecodable(rel, reason)
}

/// The words for an error of the JPEG decoder.
fn jpeg_error(rel: &str, error: &jpeg_decoder::Error) -> ProblemKind {
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
        let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
        decoder.read_info().map_err(|e| jpeg_error(rel, &e))?;
        let info = decoder.info().ok_or_else(|| undecodable(rel, DAMAGED))?;
        // Only an ordinary (sequential) JPEG is decoded scaled down.
        let scalable = info.coding_process == jpeg_decoder::CodingProcess::DctSequential;
        (u32::from(info.width), u32::from(info.height), !scalable)
    } else {
        let (width, height) = png_size(rel, bytes)?;
        (width, height, true)
    };
    let too_large = width > MAX_IMAGE_SIDE
        || height > MAX_IMAGE_SIDE
        || (full_size && u64::from(width) * u64::from(height) > MAX_FULL_SIZE_PIXELS);
    if too_large || width == 0 || height == 0 {
        return Err(ProblemKind::ImageTooLarge {
            path: rel.to_owned(),
            width,
            height,
            max: MAX_IMAGE_SIDE,
        });
    }
    if format == image::ImageFormat::Png {
        // The rest of the header, up to the image data, as the decoder will read it.
        png_reader(bytes)
            .into_dimensions()
            .map_err(|e| image_error(rel, &e))?;
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
        Ok(image::ImageFormat::Jpeg) => decode_jpeg(rel, bytes, max_side)?,
        Ok(image::ImageFormat::Png) => decode_png(rel, bytes)?,
        _ => return Err(undecodable(rel, "the file's contents are not an image")),
    };
    let rgba = fit(rgba, max_side);
    Ok(Pixels {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

fn png_reader(bytes: &[u8]) -> image::ImageReader<Cursor<&[u8]>> {
    image::ImageReader::with_format(Cursor::new(bytes), image::ImageFormat::Png)
}

/// Decodes a PNG at full size. The decoder may hold up to 8 bytes a pixel (16-bit RGBA)
/// before the conversion to 8-bit RGBA, so its memory limit is set from the image's own
/// size: any PNG within [`MAX_FULL_SIZE_PIXELS`] decodes, nothing larger is attempted.
fn decode_png(rel: &str, bytes: &[u8]) -> Result<image::RgbaImage, ProblemKind> {
    let (width, height) = png_reader(bytes)
        .into_dimensions()
        .map_err(|e| image_error(rel, &e))?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_FULL_SIZE_PIXELS {
        return Err(ProblemKind::ImageTooLarge {
            path: rel.to_owned(),
            width,
            height,
            max: MAX_IMAGE_SIDE,
        });
    }
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(pixels * MAX_PNG_BYTES_PER_PIXEL + DECODER_HEADROOM_BYTES);
    let mut reader = png_reader(bytes);
    reader.limits(limits);
    Ok(reader
        .decode()
        .map_err(|e| image_error(rel, &e))?
        .into_rgba8())
}

/// Decodes a JPEG with the decoder's own scaling (1/2, 1/4, 1/8), so a photo far larger
/// than the screen never exists at full size in memory.
fn decode_jpeg(rel: &str, bytes: &[u8], max_side: u32) -> Result<image::RgbaImage, ProblemKind> {
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
            for px in raw.chunks_exact(4) {
                let k = u16::from(px[3]);
                let channel = |c: u8| ((u16::from(c) * k) / 255) as u8;
                rgba.extend_from_slice(&[channel(px[0]), channel(px[1]), channel(px[2]), 255]);
            }
        }
    }
    if rgba.len() != count * 4 {
        return Err(undecodable(rel, CUT_SHORT));
    }
    image::RgbaImage::from_raw(u32::from(out_w), u32::from(out_h), rgba)
        .ok_or_else(|| undecodable(rel, CUT_SHORT))
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
