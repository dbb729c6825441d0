//! Content folders on USB sticks: the folders under the places removable media are mounted
//! (`/media`, `/run/media`, or the roots a test gives) that hold a content file, each with
//! its office name and languages, and the full check of one of them.

use std::path::{Path, PathBuf};

use crate::check::Report;

/// The name of the content file a folder must hold, as `office-kiosk init` writes it.
pub const CONTENT_FILE: &str = "content.ron";

/// Where desktop systems mount USB sticks (udisks: `/media/USER/LABEL` on Debian,
/// `/run/media/USER/LABEL` elsewhere; plain `/media/LABEL` with other mounters).
pub const DEFAULT_ROOTS: [&str; 2] = ["/media", "/run/media"];

/// How deep below a root a content folder is looked for: root, user, stick, folder.
const MAX_DEPTH: usize = 3;

/// The most folders looked into, so a stick full of folders cannot stall the screen.
const MAX_FOLDERS: usize = 400;

/// A content folder found on a stick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StickFolder {
    /// The folder.
    pub folder: PathBuf,
    /// Its content file.
    pub file: PathBuf,
    /// The office's name in the content's default language, when the content loads.
    pub office: Option<String>,
    /// The language codes, when the content loads.
    pub languages: Vec<String>,
}

/// The content folders under `roots`, in the order of their paths. A folder counts when it
/// holds a [`CONTENT_FILE`]; folders within one are not looked into.
pub fn find(roots: &[PathBuf]) -> Vec<StickFolder> {
    let mut found = Vec::new();
    let mut looked = 0;
    for root in roots {
        look(root, 0, &mut looked, &mut found);
    }
    found.sort_by(|a, b| a.folder.cmp(&b.folder));
    found
}

fn look(dir: &Path, depth: usize, looked: &mut usize, found: &mut Vec<StickFolder>) {
    if *looked >= MAX_FOLDERS {
        return;
    }
    *looked += 1;
    let file = dir.join(CONTENT_FILE);
    if file.is_file() {
        found.push(summary(dir, file));
        return;
    }
    if depth >= MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    dirs.sort();
    for sub in dirs {
        look(&sub, depth + 1, looked, found);
    }
}

/// The folder with its office name and languages, read quickly (images by their headers).
fn summary(folder: &Path, file: PathBuf) -> StickFolder {
    let (office, languages) = match crate::content::load_with(&file, false) {
        Ok(loaded) => {
            let c = &loaded.content;
            (
                Some(c.identity.office_name.get(c.default_language).to_owned()),
                c.languages.iter().map(|l| l.code.clone()).collect(),
            )
        }
        Err(_) => (None, Vec::new()),
    };
    StickFolder {
        folder: folder.to_path_buf(),
        file,
        office,
        languages,
    }
}

/// The USB sticks mounted under `roots`: the folders one or two levels down (`/media/LABEL`,
/// `/media/USER/LABEL`) that are mount points.
pub fn sticks(roots: &[PathBuf]) -> Vec<PathBuf> {
    sticks_where(roots, &is_mount_point)
}

/// [`sticks`], with `is_mount` telling a mount point (tests stand a folder in for a stick).
pub fn sticks_where(roots: &[PathBuf], is_mount: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let dirs = |dir: &Path| -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        dirs.sort();
        dirs
    };
    let mut found = Vec::new();
    for root in roots {
        for first in dirs(root) {
            if is_mount(&first) {
                found.push(first);
            } else {
                found.extend(dirs(&first).into_iter().filter(|d| is_mount(d)));
            }
        }
    }
    found
}

/// Whether `dir` is on another file system than its parent.
fn is_mount_point(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let parent = dir.parent().unwrap_or(dir);
        match (std::fs::metadata(dir), std::fs::metadata(parent)) {
            (Ok(d), Ok(p)) => d.dev() != p.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        dir.is_dir()
    }
}

/// Writes `text` into the file `name` at the top of the stick `stick`, whole or not at all
/// (a temporary file beside it, flushed, then renamed); returns its path.
///
/// # Errors
/// When the stick cannot be written (full, read-only, pulled out).
pub fn write_file(stick: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    use std::io::Write as _;
    let path = stick.join(name);
    let mut file = tempfile::NamedTempFile::new_in(stick)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// The full check of `office-kiosk check` on the folder's content file: every problem with
/// its line and column.
pub fn check(folder: &StickFolder) -> Report {
    crate::check::inspect(&folder.file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_content_folders_on_sticks_with_their_office_and_languages() {
        let tmp = tempfile::tempdir().expect("tmp");
        let media = tmp.path().join("media");
        // A stick mounted by udisks with content one folder down, and one with content
        // at its top; a stick without content; a broken content folder.
        crate::content::write_starter(&media.join("kiosk/STICK/belize")).expect("content");
        crate::content::write_starter(&media.join("OTHER")).expect("content");
        std::fs::create_dir_all(media.join("kiosk/EMPTY/photos")).expect("dirs");
        std::fs::create_dir_all(media.join("kiosk/BROKEN")).expect("dirs");
        std::fs::write(media.join("kiosk/BROKEN").join(CONTENT_FILE), "(").expect("write");

        let roots = [media.clone(), tmp.path().join("run/media")];
        let found = find(&roots);
        let folders: Vec<_> = found.iter().map(|f| f.folder.clone()).collect();
        assert_eq!(
            folders,
            vec![
                media.join("OTHER"),
                media.join("kiosk/BROKEN"),
                media.join("kiosk/STICK/belize")
            ]
        );
        assert_eq!(found[0].languages, vec!["en", "es"]);
        assert!(found[0].office.as_deref().is_some_and(|o| !o.is_empty()));
        assert_eq!(found[1].office, None, "broken content has no name yet");
    }

    #[test]
    fn sticks_are_the_mounted_folders_and_take_a_file_whole() {
        let tmp = tempfile::tempdir().expect("tmp");
        let media = tmp.path().join("media");
        for dir in ["kiosk/STICK", "kiosk/OTHER", "LABEL", "run"] {
            std::fs::create_dir_all(media.join(dir)).expect("dirs");
        }
        let mounted = |p: &Path| p.ends_with("STICK") || p.ends_with("LABEL");
        let found = sticks_where(std::slice::from_ref(&media), &mounted);
        assert_eq!(found, vec![media.join("LABEL"), media.join("kiosk/STICK")]);
        let path = write_file(&found[0], "figures.csv", "a,b\n").expect("written");
        assert_eq!(std::fs::read_to_string(path).expect("read"), "a,b\n");
        assert_eq!(std::fs::read_dir(&found[0]).expect("list").count(), 1);
        // Nothing here is really mounted.
        assert!(sticks(&[media]).is_empty());
    }

    #[test]
    fn the_check_is_the_check_commands() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("stick");
        crate::content::write_starter(&dir).expect("content");
        let folder = &find(&[tmp.path().to_path_buf()])[0];
        assert!(check(folder).is_valid());
        let text = std::fs::read_to_string(&folder.file).expect("read");
        std::fs::write(&folder.file, text.replacen("office_name", "ofice_name", 1)).expect("w");
        let report = check(folder);
        assert!(!report.is_valid());
        assert!(report.problems.iter().all(|p| p.position.is_some()));
    }
}
