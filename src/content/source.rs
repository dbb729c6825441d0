//! Where a content file and its images come from: the embedded default, or a folder.
//! Image paths are checked to stay inside the content folder; each image is read once,
//! within [`MAX_IMAGE_BYTES`](super::limits::MAX_IMAGE_BYTES), and checked by its header
//! (cheap) or fully decoded from the bytes read (for `check`).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::decode::{decode_bytes, header};
use super::error::ProblemKind;
use super::file::{FileError, read_regular};
use super::limits::MAX_IMAGE_BYTES;
use super::model::ImageData;

/// The default content file, embedded in the binary.
pub const EMBEDDED_RON: &str = include_str!("../../content/belize.ron");

/// The name the embedded content file is reported under.
pub const EMBEDDED_NAME: &str = "content/belize.ron";

/// Images embedded with the default content, by the path the content file uses.
pub const EMBEDDED_FILES: &[(&str, &[u8])] = &[(
    "images/belize-map.png",
    include_bytes!("../../content/images/belize-map.png"),
)];

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

    /// Checks the image at `rel`, a path relative to the content folder. An image named
    /// twice is read and checked once.
    ///
    /// # Errors
    /// The problem that makes the image unusable: it leaves the folder, is missing, is not
    /// a regular file, is too large, is not a PNG or JPEG, or (with full decoding) has
    /// broken data.
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
        let bytes = read(&data).map_err(|e| unreadable(rel, &e))?;
        let (width, height) = header(rel, &bytes)?;
        if self.full_decode {
            // From the bytes already read: the file is read once.
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
                let io = |e: std::io::Error| {
                    let e = if e.kind() == std::io::ErrorKind::NotFound {
                        FileError::Missing
                    } else {
                        FileError::Io(e)
                    };
                    unreadable(rel, &e)
                };
                let root = folder.canonicalize().map_err(io)?;
                let file = root.join(relative).canonicalize().map_err(io)?;
                // A symbolic link may still lead out of the folder.
                if !file.starts_with(&root) {
                    return Err(ProblemKind::PathEscapes(rel.to_owned()));
                }
                // Looking does not open: a named pipe here is refused when it is read.
                let meta = std::fs::metadata(&file).map_err(io)?;
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

fn unreadable(rel: &str, error: &FileError) -> ProblemKind {
    ProblemKind::ImageUnreadable {
        path: rel.to_owned(),
        reason: error.to_string(),
    }
}

/// The bytes of an image: at most [`MAX_IMAGE_BYTES`] of a regular file, read without
/// waiting on anything else (a named pipe, a device).
///
/// # Errors
/// When the file cannot be read, is not a regular file or is too large.
pub(crate) fn read(data: &ImageData) -> Result<Cow<'static, [u8]>, FileError> {
    match data {
        ImageData::Embedded(bytes) => Ok(Cow::Borrowed(bytes)),
        ImageData::File { path, .. } => read_regular(path, MAX_IMAGE_BYTES).map(Cow::Owned),
    }
}

/// Decodes an image scaled to fit `max_side` pixels (never enlarged). The app's image
/// decoder calls this from its own thread, long after loading: the file is read again,
/// with the same care (a file swapped for a named pipe is refused, not waited on).
///
/// # Errors
/// When the file cannot be read or its data is broken.
pub fn decode(
    rel: &str,
    data: &ImageData,
    max_side: u32,
) -> Result<super::model::Pixels, ProblemKind> {
    let bytes = read(data).map_err(|e| unreadable(rel, &e))?;
    header(rel, &bytes)?;
    decode_bytes(rel, &bytes, max_side)
}
