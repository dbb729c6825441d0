//! Content folders on USB sticks: the folders under the places removable media are mounted
//! (`/media`, `/run/media`, or the roots a test gives) that hold a content file, each with
//! its office name and languages, and the full check of one of them, by the same rule of
//! what a content folder holds as the install ([`install::survey`]): nothing read from a
//! stick leads off it. And the usage figures written to the first stick that takes them
//! ([`export()`]).

use std::path::{Path, PathBuf};

mod export;

pub use export::{Exported, Refusal, StickFailure, export, failures_text, write_file};

use super::install;
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
mod tests;
