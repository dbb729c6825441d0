//! PNG decoding with the `png` crate, its memory bounded: colour profiles (`iCCP`) and text
//! chunks (`tEXt`, `zTXt`, `iTXt`), which the kiosk never uses, are skipped without being
//! decompressed, and everything else the decoder holds counts against a budget set from
//! the image's own size. Of an animated PNG, the still image is shown.

use std::io::Cursor;

use super::{CUT_SHORT, DAMAGED, too_large, undecodable};
use crate::content::error::ProblemKind;
use crate::content::limits::{
    DECODER_HEADROOM_BYTES, MAX_FULL_SIZE_PIXELS, MAX_PNG_BYTES_PER_PIXEL,
};

/// A decoder of `bytes` that may hold at most `budget` bytes.
fn decoder(bytes: &[u8], budget: u64) -> png::Decoder<Cursor<&[u8]>> {
    let budget = usize::try_from(budget).unwrap_or(usize::MAX);
    let mut decoder =
        png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: budget });
    decoder.set_ignore_iccp_chunk(true);
    decoder.set_ignore_text_chunk(true);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    decoder
}

/// The words for an error of the PNG decoder.
fn png_error(rel: &str, error: &png::DecodingError) -> ProblemKind {
    let reason = match error {
        png::DecodingError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            CUT_SHORT
        }
        png::DecodingError::LimitsExceeded => {
            "it needs more memory to decode than the kiosk allows (it may hold a huge hidden \
             part, such as a colour profile or text); save it again as an ordinary PNG of \
             about 2000 pixels on the long side"
        }
        _ => DAMAGED,
    };
    undecodable(rel, reason)
}

/// Reads the header up to the image data, as the decoder will, within the decoder's
/// headroom: a PNG whose header alone would take more is refused here.
pub(super) fn check_header(rel: &str, bytes: &[u8]) -> Result<(), ProblemKind> {
    decoder(bytes, DECODER_HEADROOM_BYTES)
        .read_info()
        .map(|_| ())
        .map_err(|e| png_error(rel, &e))
}

/// Decodes a PNG (the still image of an animated one) at full size into 8-bit RGBA.
pub(super) fn decode(
    rel: &str,
    bytes: &[u8],
    (width, height): (u32, u32),
) -> Result<image::RgbaImage, ProblemKind> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_FULL_SIZE_PIXELS {
        return Err(too_large(rel, width, height));
    }
    let budget = pixels * MAX_PNG_BYTES_PER_PIXEL + DECODER_HEADROOM_BYTES;
    let mut reader = decoder(bytes, budget)
        .read_info()
        .map_err(|e| png_error(rel, &e))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| too_large(rel, width, height))?;
    let mut buffer = vec![0; size];
    let frame = reader
        .next_frame(&mut buffer)
        .map_err(|e| png_error(rel, &e))?;
    buffer.truncate(frame.buffer_size());
    let channels = match frame.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err(undecodable(rel, DAMAGED)),
    };
    let count = u64::from(frame.width) * u64::from(frame.height);
    if frame.bit_depth != png::BitDepth::Eight || buffer.len() as u64 != count * channels {
        return Err(undecodable(rel, DAMAGED));
    }
    let rgba = if channels == 4 {
        buffer
    } else {
        let mut rgba = Vec::with_capacity(usize::try_from(count * 4).unwrap_or(0));
        for px in buffer.chunks_exact(channels as usize) {
            let pixel = match *px {
                [l] => [l, l, l, 255],
                [l, a] => [l, l, l, a],
                [r, g, b] => [r, g, b, 255],
                _ => return Err(undecodable(rel, DAMAGED)),
            };
            rgba.extend_from_slice(&pixel);
        }
        rgba
    };
    image::RgbaImage::from_raw(frame.width, frame.height, rgba)
        .ok_or_else(|| undecodable(rel, DAMAGED))
}
