//! Content folders on USB sticks: the folders under the places removable media are mounted
//! (`/media`, `/run/media`, or the roots a test gives) that hold a content file, each with
//! its office name and languages, and the full check of one of them, by the same rule of
//! what a content folder holds as the install ([`install::survey`]): nothing read from a
//! stick leads off it. And the usage figures written to the first stick that takes them.

use std::path::{Path, PathBuf};

use super::install;
use super::words::Word;
use crate::check::Report;
use crate::content::{Problem, ProblemKind, Severity};

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
    // Looked at, not followed: a link is listed, and refused by the check.
    if std::fs::symlink_metadata(&file).is_ok_and(|m| !m.is_dir()) {
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

/// The folder with its office name and languages, read quickly (images by their headers);
/// a folder that breaks the rule of what a content folder holds is not read at all.
fn summary(folder: &Path, file: PathBuf) -> StickFolder {
    let loaded = install::survey(folder)
        .ok()
        .and_then(|_| crate::content::load_with(&file, false).ok());
    let (office, languages) = match loaded {
        Some(loaded) => {
            let c = &loaded.content;
            (
                Some(c.identity.office_name.get(c.default_language).to_owned()),
                c.languages.iter().map(|l| l.code.clone()).collect(),
            )
        }
        None => (None, Vec::new()),
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
/// (a new temporary file beside it, flushed, then renamed); returns its path.
///
/// # Errors
/// When the stick cannot be written (full, read-only, pulled out).
pub fn write_file(stick: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    let path = stick.join(name);
    crate::content::replace_whole(&path, text.as_bytes())?;
    Ok(path)
}

/// Why a stick did not take a file, in the words staff read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Write-protected, or mounted read-only.
    ReadOnly,
    /// No room left.
    Full,
    /// The kiosk may not write there.
    Denied,
    /// Pulled out, or it cannot be read.
    Gone,
    /// Anything else (the log has the system's words).
    Other,
}

impl Refusal {
    fn of(error: &std::io::Error) -> Self {
        use std::io::ErrorKind as Kind;
        match error.kind() {
            Kind::ReadOnlyFilesystem => Self::ReadOnly,
            Kind::StorageFull | Kind::QuotaExceeded | Kind::FileTooLarge => Self::Full,
            Kind::PermissionDenied => Self::Denied,
            Kind::NotFound | Kind::NotADirectory => Self::Gone,
            _ if is_gone(error) => Self::Gone,
            _ => Self::Other,
        }
    }

    fn word(self) -> Word {
        match self {
            Self::ReadOnly => Word::StickReadOnly,
            Self::Full => Word::StickFull,
            Self::Denied => Word::StickDenied,
            Self::Gone => Word::StickGone,
            Self::Other => Word::StickOther,
        }
    }
}

/// Whether the error is the one of a stick that was pulled out: an input/output error, or
/// no device.
fn is_gone(error: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(error.raw_os_error(), Some(libc::EIO | libc::ENODEV))
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

/// A stick that did not take the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StickFailure {
    /// The stick (its mount point).
    pub stick: PathBuf,
    /// Why, in words.
    pub why: Refusal,
}

impl StickFailure {
    /// "KINGSTON: it is write-protected or read-only", in the language with `code`.
    pub fn text(&self, code: &str) -> String {
        let label = self.stick.file_name().map_or_else(
            || self.stick.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!("{label}: {}", self.why.word().text(code))
    }
}

/// Every stick's failure in one sentence, in the language with `code`.
pub fn failures_text(failed: &[StickFailure], code: &str) -> String {
    failed
        .iter()
        .map(|f| f.text(code))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The file written, and the sticks tried before that did not take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file written.
    pub path: PathBuf,
    /// The sticks that were tried first and failed.
    pub failed: Vec<StickFailure>,
}

impl Exported {
    /// The file, and the sticks that did not take it, in the language with `code`.
    pub fn text(&self, code: &str) -> String {
        if self.failed.is_empty() {
            return self.path.display().to_string();
        }
        format!(
            "{} ({} {})",
            self.path.display(),
            Word::NotWrittenTo.text(code),
            failures_text(&self.failed, code)
        )
    }
}

/// Writes `text` as the file `name` on the first of `sticks` that takes it, trying each in
/// turn; each failure is logged with the system's words.
///
/// # Errors
/// Every stick's failure, when none took it (none when there were no sticks).
pub fn export(sticks: &[PathBuf], name: &str, text: &str) -> Result<Exported, Vec<StickFailure>> {
    let mut failed = Vec::new();
    for stick in sticks {
        match write_file(stick, name, text) {
            Ok(path) => return Ok(Exported { path, failed }),
            Err(e) => {
                tracing::warn!("cannot write {name} to {}: {e}", stick.display());
                failed.push(StickFailure {
                    stick: stick.clone(),
                    why: Refusal::of(&e),
                });
            }
        }
    }
    Err(failed)
}

/// The full check of `office-kiosk check` on the folder's content file: every problem with
/// its line and column; first the rule of what a content folder holds, as the install
/// applies it, so that a folder said to be valid is one the install takes.
pub fn check(folder: &StickFolder) -> Report {
    let file = folder.file.display().to_string();
    let problem = |message: String| Problem {
        severity: Severity::Error,
        file: file.clone(),
        position: None,
        kind: ProblemKind::Syntax(message),
    };
    let survey = match install::survey(&folder.folder) {
        Ok(survey) => survey,
        Err(refused) => {
            return Report {
                file: file.clone(),
                readable: true,
                languages: None,
                problems: vec![problem(format!("{}: {refused}", folder.folder.display()))],
                pin_problem: None,
            };
        }
    };
    let mut report = crate::check::inspect(&folder.file);
    if report.is_valid()
        && let Ok(loaded) = crate::content::load_with(&folder.file, false)
    {
        // What the install leaves out (hidden files) cannot be shown.
        for image in loaded.content.images() {
            if !survey.has_file(&image.path) {
                report.problems.push(problem(format!(
                    "image `{}` is a hidden file or in a hidden folder (its name starts with \
                     a dot), which is not installed from a stick; rename it",
                    image.path
                )));
            }
        }
    }
    report
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

    #[cfg(unix)]
    #[test]
    fn nothing_read_from_a_stick_leads_off_it() {
        let tmp = tempfile::tempdir().expect("tmp");
        let secret = tmp.path().join("shadow");
        std::fs::write(&secret, "SECRETWORD:$6$salt$hash\n").expect("write");
        let folder = tmp.path().join("media/STICK/content");
        crate::content::write_starter(&folder).expect("content");
        std::fs::remove_file(folder.join(CONTENT_FILE)).expect("remove");
        std::os::unix::fs::symlink(&secret, folder.join(CONTENT_FILE)).expect("link");
        let found = find(&[tmp.path().join("media")]);
        assert_eq!(found.len(), 1, "listed, to be refused with its reason");
        assert_eq!(found[0].office, None);
        let report = check(&found[0]);
        assert!(!report.is_valid());
        let said: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert!(
            said.iter()
                .any(|p| p.contains("content.ron is a symbolic link")),
            "{said:?}"
        );
        assert!(said.iter().all(|p| !p.contains("SECRETWORD")), "{said:?}");
    }

    #[test]
    fn what_the_check_calls_valid_the_install_takes() {
        let tmp = tempfile::tempdir().expect("tmp");
        let media = tmp.path().join("media");
        // An image in a hidden folder: found by the content check, left out by the install.
        let hidden = media.join("HIDDEN/content");
        crate::content::write_starter(&hidden).expect("content");
        std::fs::rename(hidden.join("images"), hidden.join(".images")).expect("rename");
        let file = hidden.join(CONTENT_FILE);
        let text = std::fs::read_to_string(&file).expect("read");
        std::fs::write(&file, text.replace("\"images/", "\".images/")).expect("write");
        assert!(
            crate::check::inspect(&file).is_valid(),
            "the content itself is fine"
        );
        // And a good one, with a stray hidden file beside it.
        let good = media.join("GOOD/content");
        crate::content::write_starter(&good).expect("content");
        std::fs::write(good.join(".DS_Store"), "junk").expect("write");

        let place = install::ContentPlace::new(tmp.path().join("state/content/content.ron"));
        for folder in find(std::slice::from_ref(&media)) {
            let report = check(&folder);
            let installed = place.install(&folder.folder, &folder.file);
            assert_eq!(
                report.is_valid(),
                installed.is_ok(),
                "{}: {:?} / {installed:?}",
                folder.folder.display(),
                report.problems
            );
            if folder.folder == hidden {
                assert!(
                    report
                        .problems
                        .iter()
                        .any(|p| p.to_string().contains("hidden")),
                    "{:?}",
                    report.problems
                );
            }
        }
        assert!(!place.folder().join(".DS_Store").exists(), "left out");
    }

    #[test]
    fn export_tries_each_stick_and_says_which_failed_and_why() {
        let tmp = tempfile::tempdir().expect("tmp");
        let gone = tmp.path().join("GONE");
        let good = tmp.path().join("GOOD");
        std::fs::create_dir_all(&good).expect("stick");
        let done = export(&[gone.clone(), good.clone()], "figures.csv", "a,b\n").expect("written");
        assert_eq!(done.path, good.join("figures.csv"));
        assert_eq!(done.failed[0].why, Refusal::Gone);
        assert_eq!(
            done.text("en"),
            format!(
                "{} (not written to GONE: it was removed, or cannot be read)",
                done.path.display()
            )
        );
        assert!(done.text("es").contains("no se guardó en GONE: se retiró"));
        let failed = export(std::slice::from_ref(&gone), "figures.csv", "x").expect_err("none");
        assert_eq!(
            failures_text(&failed, "en"),
            "GONE: it was removed, or cannot be read"
        );
        assert!(
            export(&[], "figures.csv", "x")
                .expect_err("no sticks")
                .is_empty()
        );
        // What the system says, in staff's words.
        for (error, why) in [
            (
                std::io::ErrorKind::ReadOnlyFilesystem.into(),
                Refusal::ReadOnly,
            ),
            (std::io::ErrorKind::StorageFull.into(), Refusal::Full),
            (std::io::ErrorKind::PermissionDenied.into(), Refusal::Denied),
            (std::io::Error::other("odd"), Refusal::Other),
        ] {
            assert_eq!(Refusal::of(&error), why, "{error}");
        }
        #[cfg(unix)]
        assert_eq!(
            Refusal::of(&std::io::Error::from_raw_os_error(libc::EROFS)),
            Refusal::ReadOnly
        );
        let read_only = StickFailure {
            stick: tmp.path().join("KINGSTON"),
            why: Refusal::ReadOnly,
        };
        assert_eq!(
            read_only.text("en"),
            "KINGSTON: it is write-protected or read-only (check the switch on its side)"
        );
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
