//! `office-kiosk init DIR`: a complete, valid starter content folder for another office,
//! written whole or not at all.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::content;

/// The authoring guide, written next to the content by `init`.
pub const AUTHORING_GUIDE: &str = include_str!("../../content/README.md");

/// Runs `office-kiosk init DIR`: writes the Belize content, its images and the authoring
/// guide into `dir` (new or empty), as a starting point for another office, and returns
/// what to print. Everything is written into a temporary folder beside `dir` and renamed
/// into place, so a full disk or an interruption leaves no half folder behind.
///
/// # Errors
/// When `dir` is not empty or cannot be written.
pub fn init(dir: &Path) -> anyhow::Result<String> {
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
        (
            PathBuf::from("content.ron"),
            content::EMBEDDED_RON.as_bytes(),
        ),
        (PathBuf::from("README.md"), AUTHORING_GUIDE.as_bytes()),
    ];
    files.extend(
        content::EMBEDDED_FILES
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
    let mut out: Vec<String> = files
        .iter()
        .map(|(name, _)| format!("wrote {}", dir.join(name).display()))
        .collect();
    out.push(format!(
        "Edit {} (see README.md beside it), then: office-kiosk check {0}",
        dir.join("content.ron").display()
    ));
    Ok(out.join("\n"))
}
