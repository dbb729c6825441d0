//! The starter content folder: the embedded content, its images and the authoring guide,
//! written into a new or empty folder whole or not at all (`office-kiosk init`, and test
//! fixtures standing in for USB sticks).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{EMBEDDED_FILES, EMBEDDED_RON};

/// The authoring guide, written next to the content.
pub const AUTHORING_GUIDE: &str = include_str!("../../content/README.md");

/// Writes the embedded content as `content.ron`, its images and the guide as `README.md`
/// into `dir` (new or empty) and returns the files written, relative to `dir`. Everything is
/// written into a temporary folder beside `dir` and renamed into place, so a full disk or an
/// interruption leaves no half folder behind.
///
/// # Errors
/// When `dir` is not empty or cannot be written.
pub fn write_starter(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        anyhow::ensure!(
            entries.next().is_none(),
            "{} is not empty; choose a new or empty folder",
            dir.display()
        );
    }
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".office-kiosk-init-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot write in {}", parent.display()))?;
    let mut files: Vec<(PathBuf, &[u8])> = vec![
        (PathBuf::from("content.ron"), EMBEDDED_RON.as_bytes()),
        (PathBuf::from("README.md"), AUTHORING_GUIDE.as_bytes()),
    ];
    files.extend(
        EMBEDDED_FILES
            .iter()
            .map(|(name, bytes)| (PathBuf::from(name), *bytes)),
    );
    for (name, bytes) in &files {
        let path = staging.path().join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", dir.join(name).display()))?;
        }
        std::fs::write(&path, bytes)
            .with_context(|| format!("cannot write {}", dir.join(name).display()))?;
    }
    // A directory may be renamed over an empty one; the staging folder is removed on error.
    std::fs::rename(staging.path(), dir)
        .with_context(|| format!("cannot create {}", dir.display()))?;
    // It has moved: nothing is left to clean up.
    let _moved = staging.keep();
    Ok(files.into_iter().map(|(name, _)| name).collect())
}
