//! Where a content file and its images come from: the embedded default, or a folder.
//! Image paths are checked to stay inside the content folder; images are checked by their
//! header (cheap) or fully decoded (for `check`), and decoded at the size they are shown.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Component, Path, PathBuf};

use super::error::ProblemKind;
use super::model::{ImageData, Pixels};

/// The default content file, embedded in the binary.
pub const EMBEDDED_RON: &str = include_str!("../../content/belize.ron");

/// The name the embedded content file is reported under.
pub const EMBEDDED_NAME: &str = "content/belize.ron";

/// Images embedded with the default content, by the path the content file uses.
pub const EMBEDDED_FILES: &[(&str, &[u8])] = &[(
    "images/belize-map.png",
    include_bytes!("../../content/images/belize-map.png"),
)];

/// The largest width or height of an image the loader accepts. JPEGs are decoded scaled
/// down, so even this size costs little memory.
pub const MAX_IMAGE_SIDE: u32 = 20_000;

/// The most pixels a PNG may have: PNGs are decoded at full size before scaling.
pub const MAX_PNG_PIXELS: u64 = 24_000_000;

/// Larger than any screen the kiosk supports: such an image works, but is only scaled
/// down, so `check` warns about the wasted space and time.
pub const LARGE_IMAGE_SIDE: u32 = 4096;

/// An image that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedImage {
    /// Where its bytes are.
    pub data: ImageData,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Where a content file's images are read from.
#[derive(Debug)]
pub struct Source {
    kind: SourceKind,
    /// Decode every image fully while checking (slow, finds broken data), or only read
    /// headers (fast: the app decodes in the background and shows a placeholder if broken).
    full_decode: bool,
    checked: RefCell<HashMap<String, Result<CheckedImage, ProblemKind>>>,
}

#[derive(Debug)]
enum SourceKind {
    Embedded,
    Folder(PathBuf),
}

impl Source {
    /// The images embedded in the binary.
    pub fn embedded() -> Self {
        Self::new(SourceKind::Embedded)
    }

    /// Images in `folder`, the folder of the content file.
    pub fn folder(folder: impl Into<PathBuf>) -> Self {
        Self::new(SourceKind::Folder(folder.into()))
    }

    fn new(kind: SourceKind) -> Self {
        Self {
            kind,
            full_decode: true,
            checked: RefCell::default(),
        }
    }

    /// Checks images by their headers only; broken image data then shows up when the app
    /// decodes the image, as a placeholder, instead of here.
    pub fn headers_only(mut self) -> Self {
        self.full_decode = false;
        self
    }

    /// Checks the image at `rel`, a path relative to the content folder.
    ///
    /// # Errors
    /// The problem that makes the image unusable: it leaves the folder, is missing, is not
    /// a PNG or JPEG, is too large, or (with full decoding) has broken data.
    pub fn image(&self, rel: &str) -> Result<CheckedImage, ProblemKind> {
        if let Some(done) = self.checked.borrow().get(rel) {
            return done.clone();
        }
        let outcome = self.check(rel);
        self.checked
            .borrow_mut()
            .insert(rel.to_owned(), outcome.clone());
        outcome
    }

    fn check(&self, rel: &str) -> Result<CheckedImage, ProblemKind> {
        let data = self.locate(rel)?;
        let bytes = read(&data).map_err(|e| ProblemKind::ImageUnreadable {
            path: rel.to_owned(),
            reason: e.to_string(),
        })?;
        let (width, height) = header(rel, &bytes)?;
        if self.full_decode {
            decode_bytes(rel, &bytes, 256)?;
        }
        Ok(CheckedImage {
            data,
            width,
            height,
        })
    }

    /// Resolves `rel` inside the content folder, refusing paths that lead out of it.
    fn locate(&self, rel: &str) -> Result<ImageData, ProblemKind> {
        let relative = Path::new(rel);
        let escapes = rel.is_empty()
            || relative
                .components()
                .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
        if escapes {
            return Err(ProblemKind::PathEscapes(rel.to_owned()));
        }
        match &self.kind {
            SourceKind::Embedded => EMBEDDED_FILES
                .iter()
                .find(|(name, _)| Path::new(name) == relative)
                .map(|(_, bytes)| ImageData::Embedded(bytes))
                .ok_or_else(|| ProblemKind::ImageUnreadable {
                    path: rel.to_owned(),
                    reason: "no such file is embedded".into(),
                }),
            SourceKind::Folder(folder) => {
                let unreadable = |e: std::io::Error| ProblemKind::ImageUnreadable {
                    path: rel.to_owned(),
                    reason: e.to_string(),
                };
                let root = folder.canonicalize().map_err(unreadable)?;
                let file = root.join(relative).canonicalize().map_err(unreadable)?;
                // A symbolic link may still lead out of the folder.
                if !file.starts_with(&root) {
                    return Err(ProblemKind::PathEscapes(rel.to_owned()));
                }
                let meta = std::fs::metadata(&file).map_err(unreadable)?;
                // Size and modification time tell a changed file from the same one.
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                let stamp = (modified as u64) ^ meta.len().rotate_left(32);
                Ok(ImageData::File { path: file, stamp })
            }
        }
    }
}

/// The bytes of an image.
///
/// # Errors
/// When the file cannot be read.
pub fn read(data: &ImageData) -> std::io::Result<Cow<'static, [u8]>> {
    match data {
        ImageData::Embedded(bytes) => Ok(Cow::Borrowed(bytes)),
        ImageData::File { path, .. } => std::fs::read(path).map(Cow::Owned),
    }
}

fn undecodable(rel: &str, reason: &dyn std::fmt::Display) -> ProblemKind {
    ProblemKind::ImageUndecodable {
        path: rel.to_owned(),
        reason: reason.to_string(),
    }
}

/// Reads an image's format and size from its header.
fn header(rel: &str, bytes: &[u8]) -> Result<(u32, u32), ProblemKind> {
    if bytes.is_empty() {
        return Err(undecodable(rel, &"the file is empty"));
    }
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| undecodable(rel, &e))?;
    let Some(format) = reader.format() else {
        return Err(undecodable(rel, &"the file's contents are not an image"));
    };
    if !matches!(format, image::ImageFormat::Png | image::ImageFormat::Jpeg) {
        return Err(undecodable(
            rel,
            &format!("{format:?} is not supported; use PNG or JPEG"),
        ));
    }
    let (width, height) = reader.into_dimensions().map_err(|e| undecodable(rel, &e))?;
    let too_large = width > MAX_IMAGE_SIDE
        || height > MAX_IMAGE_SIDE
        || (format == image::ImageFormat::Png
            && u64::from(width) * u64::from(height) > MAX_PNG_PIXELS);
    if too_large || width == 0 || height == 0 {
        return Err(ProblemKind::ImageTooLarge {
            path: rel.to_owned(),
            width,
            height,
            max: MAX_IMAGE_SIDE,
        });
    }
    Ok((width, height))
}

/// Decodes an image scaled to fit `max_side` pixels (never enlarged).
///
/// # Errors
/// When the file cannot be read or its data is broken.
pub fn decode(rel: &str, data: &ImageData, max_side: u32) -> Result<Pixels, ProblemKind> {
    let bytes = read(data).map_err(|e| ProblemKind::ImageUnreadable {
        path: rel.to_owned(),
        reason: e.to_string(),
    })?;
    header(rel, &bytes)?;
    decode_bytes(rel, &bytes, max_side)
}

fn decode_bytes(rel: &str, bytes: &[u8], max_side: u32) -> Result<Pixels, ProblemKind> {
    let max_side = max_side.max(1);
    let format = image::guess_format(bytes).map_err(|e| undecodable(rel, &e))?;
    let rgba = if format == image::ImageFormat::Jpeg {
        decode_jpeg(rel, bytes, max_side)?
    } else {
        let mut reader = image::ImageReader::new(Cursor::new(bytes));
        reader.set_format(format);
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(MAX_PNG_PIXELS * 4 + (16 << 20));
        reader.limits(limits);
        reader
            .decode()
            .map_err(|e| undecodable(rel, &e))?
            .into_rgba8()
    };
    let rgba = fit(rgba, max_side);
    Ok(Pixels {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

/// Decodes a JPEG with the decoder's own scaling (1/2, 1/4, 1/8), so a photo far larger
/// than the screen never exists at full size in memory.
fn decode_jpeg(rel: &str, bytes: &[u8], max_side: u32) -> Result<image::RgbaImage, ProblemKind> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(|e| undecodable(rel, &e))?;
    let info = decoder
        .info()
        .ok_or_else(|| undecodable(rel, &"no JPEG header"))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let scale = (f64::from(max_side) / f64::from(w.max(h))).min(1.0);
    let want_w = ((f64::from(w) * scale).ceil() as u16).max(1);
    let want_h = ((f64::from(h) * scale).ceil() as u16).max(1);
    let (out_w, out_h) = decoder
        .scale(want_w, want_h)
        .map_err(|e| undecodable(rel, &e))?;
    let raw = decoder.decode().map_err(|e| undecodable(rel, &e))?;
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
        return Err(undecodable(rel, &"the JPEG data is incomplete"));
    }
    image::RgbaImage::from_raw(u32::from(out_w), u32::from(out_h), rgba)
        .ok_or_else(|| undecodable(rel, &"the JPEG data is incomplete"))
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
