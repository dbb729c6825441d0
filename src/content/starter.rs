//! The starter content folder: the embedded content, its images and the authoring guide,
//! written into a new or empty folder whole or not at all (`office-kiosk init`, and test
//! fixtures standing in for USB sticks).

use std::path::{Path, PathBuf};

use super::io_words::io_words;

use super::{EMBEDDED_FILES, EMBEDDED_RON};

/// The authoring guide, written next to the content.
pub const AUTHORING_GUIDE: &str = include_str!("../../content/README.md");

/// Writes the embedded content as `content.ron`, its images and the guide as `README.md`
/// into `dir` (new or empty) and returns the files written, relative to `dir`. Everything is
/// written into a temporary folder first, so a full disk or an interruption leaves no half
/// folder behind: a new folder is that temporary folder renamed into place; an empty
/// folder that exists (perhaps a mount point, which cannot be renamed over) gets the
/// temporary folder inside it, whose entries are then moved up, `content.ron` last.
///
/// # Errors
/// When `dir` is not empty or cannot be written.
pub fn write_starter(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let files = starter_files();
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)
            .map_err(|e| failed(&format!("cannot read {}", dir.display()), &e))?;
        anyhow::ensure!(
            entries.next().is_none(),
            "{} is not empty; choose a new or empty folder",
            dir.display()
        );
        return write_into_empty(dir, &files);
    }
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)
        .map_err(|e| failed(&format!("cannot create {}", parent.display()), &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".office-kiosk-init-")
        .tempdir_in(parent)
        .map_err(|e| failed(&format!("cannot write in {}", parent.display()), &e))?;
    write_files(staging.path(), dir, &files)?;
    // A directory may be renamed over an empty one; the staging folder is removed on error.
    std::fs::rename(staging.path(), dir)
        .map_err(|e| failed(&format!("cannot create {}", dir.display()), &e))?;
    // It has moved: nothing is left to clean up.
    let _moved = staging.keep();
    Ok(files.into_iter().map(|(name, _)| name).collect())
}

/// `what` failed, and why in an office user's words.
fn failed(what: &str, error: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!("{what}: {}", io_words(error))
}

/// The starter's files: their paths relative to the folder, and their bytes.
fn starter_files() -> Vec<(PathBuf, &'static [u8])> {
    let mut files: Vec<(PathBuf, &[u8])> = vec![
        (PathBuf::from("content.ron"), EMBEDDED_RON.as_bytes()),
        (PathBuf::from("README.md"), AUTHORING_GUIDE.as_bytes()),
    ];
    files.extend(
        EMBEDDED_FILES
            .iter()
            .map(|(name, bytes)| (PathBuf::from(name), *bytes)),
    );
    files
}

/// Writes `files` into `staging`; errors name the place each file is for, in `dir`.
fn write_files(staging: &Path, dir: &Path, files: &[(PathBuf, &[u8])]) -> anyhow::Result<()> {
    for (name, bytes) in files {
        let path = staging.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| failed(&format!("cannot create {}", dir.join(name).display()), &e))?;
        }
        std::fs::write(&path, bytes)
            .map_err(|e| failed(&format!("cannot write {}", dir.join(name).display()), &e))?;
    }
    Ok(())
}

/// Writes `files` into the empty folder `dir` whole or not at all: into a hidden folder
/// inside it, then each of its entries moved up (renames within one file system), the
/// content file last; should a move fail, those done are moved back and `dir` is left
/// empty.
fn write_into_empty(dir: &Path, files: &[(PathBuf, &[u8])]) -> anyhow::Result<Vec<PathBuf>> {
    let staging = tempfile::Builder::new()
        .prefix(".office-kiosk-init-")
        .tempdir_in(dir)
        .map_err(|e| failed(&format!("cannot write in {}", dir.display()), &e))?;
    write_files(staging.path(), dir, files)?;
    let mut entries: Vec<PathBuf> = Vec::new();
    for (name, _) in files {
        if let Some(std::path::Component::Normal(first)) = name.components().next() {
            let first = PathBuf::from(first);
            if !entries.contains(&first) {
                entries.push(first);
            }
        }
    }
    // The content file last: whoever sees it sees its images too.
    entries.sort_by_key(|entry| entry == Path::new("content.ron"));
    let mut moved: Vec<&PathBuf> = Vec::new();
    for entry in &entries {
        if let Err(e) = std::fs::rename(staging.path().join(entry), dir.join(entry)) {
            for back in moved {
                // Best effort: the staging folder and what is in it go when it is dropped.
                let _undone = std::fs::rename(dir.join(back), staging.path().join(back));
            }
            return Err(failed(
                &format!("cannot create {}", dir.join(entry).display()),
                &e,
            ));
        }
        moved.push(entry);
    }
    Ok(files.iter().map(|(name, _)| name.clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_folder_that_exists_is_filled_with_nothing_left_over() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let written = write_starter(dir.path()).expect("written");
        assert!(written.contains(&PathBuf::from("content.ron")));
        for name in &written {
            assert!(dir.path().join(name).is_file(), "{}", name.display());
        }
        let hidden: Vec<_> = std::fs::read_dir(dir.path())
            .expect("a folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.starts_with('.'))
            .collect();
        assert!(hidden.is_empty(), "{hidden:?}");
        crate::content::load(&dir.path().join("content.ron")).expect("the starter loads");
    }

    #[test]
    fn a_folder_that_is_not_empty_is_left_as_it_was() {
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dir.path().join("notes.txt"), "mine").expect("a file");
        let error = write_starter(dir.path()).expect_err("not empty");
        assert!(error.to_string().contains("not empty"), "{error}");
        assert_eq!(std::fs::read_dir(dir.path()).expect("a folder").count(), 1);
    }
}
