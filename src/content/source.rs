//! Where a content file and its images come from: the embedded default, or a folder.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::error::ProblemKind;
use super::model::Pixels;

/// The default content file, embedded in the binary.
pub const EMBEDDED_RON: &str = include_str!("../../content/belize.ron");

/// The name the embedded content file is reported under.
pub const EMBEDDED_NAME: &str = "content/belize.ron";

/// Images embedded with the default content, by the path the content file uses.
pub const EMBEDDED_FILES: &[(&str, &[u8])] = &[(
    "images/belize-map.png",
    include_bytes!("../../content/images/belize-map.png"),
)];

/// The largest width or height of an image the loader decodes.
pub const MAX_IMAGE_SIDE: u32 = 8192;

/// Images are scaled down to fit this many pixels on their longer side: no screen the
/// kiosk supports shows them larger.
pub const SHOWN_IMAGE_SIDE: u32 = 2048;

/// Where a content file's images are read from.
#[derive(Debug)]
pub struct Source {
    kind: SourceKind,
    decoded: RefCell<HashMap<String, ImageOutcome>>,
}

#[derive(Debug)]
enum SourceKind {
    Embedded,
    Folder(PathBuf),
}

/// A decoded image, or why it could not be.
#[derive(Debug, Clone)]
pub enum ImageOutcome {
    /// Decoded, and scaled to at most [`SHOWN_IMAGE_SIDE`].
    Ok(Arc<Pixels>),
    /// What went wrong.
    Problem(ProblemKind),
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
            decoded: RefCell::default(),
        }
    }

    /// Reads and decodes the image at `rel`, a path relative to the content folder.
    pub fn image(&self, rel: &str) -> ImageOutcome {
        if let Some(done) = self.decoded.borrow().get(rel) {
            return done.clone();
        }
        let outcome = match self.read(rel) {
            Ok(bytes) => match decode(rel, &bytes) {
                Ok(pixels) => ImageOutcome::Ok(Arc::new(pixels)),
                Err(kind) => ImageOutcome::Problem(kind),
            },
            Err(kind) => ImageOutcome::Problem(kind),
        };
        self.decoded
            .borrow_mut()
            .insert(rel.to_owned(), outcome.clone());
        outcome
    }

    fn read(&self, rel: &str) -> Result<Cow<'static, [u8]>, ProblemKind> {
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
                .map(|(_, bytes)| Cow::Borrowed(*bytes))
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
                std::fs::read(&file).map(Cow::Owned).map_err(unreadable)
            }
        }
    }
}

/// Decodes a PNG or JPEG, refusing images too large to decode safely, and scales it down
/// to [`SHOWN_IMAGE_SIDE`].
pub fn decode(rel: &str, bytes: &[u8]) -> Result<Pixels, ProblemKind> {
    let undecodable = |e: &dyn std::fmt::Display| ProblemKind::ImageUndecodable {
        path: rel.to_owned(),
        reason: e.to_string(),
    };
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| undecodable(&e))?;
    if reader.format().is_none() {
        return Err(undecodable(&"the file's contents are not an image"));
    }
    let (width, height) = reader.into_dimensions().map_err(|e| undecodable(&e))?;
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(ProblemKind::ImageTooLarge {
            path: rel.to_owned(),
            width,
            height,
            max: MAX_IMAGE_SIDE,
        });
    }
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| undecodable(&e))?;
    reader.no_limits();
    let mut decoded = reader.decode().map_err(|e| undecodable(&e))?;
    if width > SHOWN_IMAGE_SIDE || height > SHOWN_IMAGE_SIDE {
        decoded = decoded.resize(
            SHOWN_IMAGE_SIDE,
            SHOWN_IMAGE_SIDE,
            image::imageops::FilterType::Triangle,
        );
    }
    let rgba = decoded.into_rgba8();
    Ok(Pixels {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}
