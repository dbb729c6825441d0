//! What a content folder on a USB stick may hold, written once for the admin screen's check
//! ([`crate::maintenance::usb::check`]) and for the install, which copies exactly what
//! [`survey`] lists: regular files and folders only (a symbolic link, a named pipe or a
//! device anywhere is refused, so that nothing read from a stick leads off it), at most
//! [`MAX_ENTRIES`] of them, [`MAX_FOLDER_BYTES`] in all, [`MAX_DEPTH`] folders deep. Hidden
//! files and folders (names starting with a dot: `.DS_Store`, `.Trashes`) and Windows'
//! `System Volume Information` are left out of both: never copied, never counted, and the
//! check refuses content that shows an image among them.

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};

use crate::content::describe;
use crate::content::limits::human_bytes;

/// The most bytes a content folder may hold: far more than any office's content.
pub const MAX_FOLDER_BYTES: u64 = 1 << 30;

/// The most files and folders a content folder may hold.
pub const MAX_ENTRIES: usize = 5_000;

/// How deep folders may nest in a content folder.
pub const MAX_DEPTH: usize = 8;

/// Why a folder cannot be installed as it is.
#[derive(Debug, thiserror::Error)]
pub enum FolderProblem {
    /// A symbolic link, a named pipe, a device or a socket in the folder.
    #[error(
        "{} is {what}; a content folder may hold only files and folders",
        path.display()
    )]
    NotAFile {
        /// Where, inside the folder.
        path: PathBuf,
        /// What it is, in words.
        what: &'static str,
    },
    /// More files and folders than [`MAX_ENTRIES`].
    #[error("the folder holds more than {MAX_ENTRIES} files and folders")]
    TooMany,
    /// More bytes than [`MAX_FOLDER_BYTES`].
    #[error("the folder holds more than {}", human_bytes(MAX_FOLDER_BYTES))]
    TooLarge,
    /// Folders nested deeper than [`MAX_DEPTH`].
    #[error("{} is more than {MAX_DEPTH} folders deep", path.display())]
    TooDeep {
        /// The folder, inside the folder.
        path: PathBuf,
    },
    /// Something could not be read (was the stick pulled out?).
    #[error("cannot read {}: {source} (was the USB stick removed?)", path.display())]
    Unreadable {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// What a content folder holds that is installed: its folders and files, each relative to
/// it, in the order they are copied (a folder before what it holds).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Survey {
    /// The folders, relative.
    pub folders: Vec<PathBuf>,
    /// The regular files, relative, with their sizes.
    pub files: Vec<(PathBuf, u64)>,
    /// The files' sizes added up.
    pub bytes: u64,
}

impl Survey {
    /// Whether `relative` (as a content file writes an image's path: `images/map.png`,
    /// `./images/map.png`) is one of the files installed.
    pub fn has_file(&self, relative: &str) -> bool {
        let wanted: PathBuf = Path::new(relative)
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect();
        self.files.iter().any(|(path, _)| *path == wanted)
    }
}

/// Whether an entry of that name is left out of a content folder.
pub fn is_left_out(name: &OsStr) -> bool {
    name.to_string_lossy().starts_with('.') || name == "System Volume Information"
}

/// What the content folder `folder` holds, by the rule above; links are not followed.
///
/// # Errors
/// The first thing found that breaks the rule.
pub fn survey(folder: &Path) -> Result<Survey, FolderProblem> {
    let mut survey = Survey::default();
    walk(folder, Path::new(""), 0, &mut survey)?;
    Ok(survey)
}

fn walk(
    root: &Path,
    relative: &Path,
    depth: usize,
    survey: &mut Survey,
) -> Result<(), FolderProblem> {
    let here = root.join(relative);
    let unreadable = |source| FolderProblem::Unreadable {
        path: here.clone(),
        source,
    };
    if depth > MAX_DEPTH {
        return Err(FolderProblem::TooDeep {
            path: relative.to_path_buf(),
        });
    }
    let mut entries = std::fs::read_dir(&here)
        .map_err(unreadable)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(unreadable)?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        if is_left_out(&name) {
            continue;
        }
        if survey.folders.len() + survey.files.len() >= MAX_ENTRIES {
            return Err(FolderProblem::TooMany);
        }
        let path = relative.join(&name);
        // Not followed: the entry's own type.
        let meta = std::fs::symlink_metadata(entry.path()).map_err(|source| {
            FolderProblem::Unreadable {
                path: entry.path(),
                source,
            }
        })?;
        if meta.is_dir() {
            survey.folders.push(path.clone());
            walk(root, &path, depth + 1, survey)?;
        } else if meta.is_file() {
            survey.bytes = survey.bytes.saturating_add(meta.len());
            if survey.bytes > MAX_FOLDER_BYTES {
                return Err(FolderProblem::TooLarge);
            }
            survey.files.push((path, meta.len()));
        } else {
            return Err(FolderProblem::NotAFile {
                path,
                what: describe(meta.file_type()),
            });
        }
    }
    Ok(())
}

/// Copies what `survey` lists from `from` into the existing folder `to`, each file flushed
/// to the disk, calling `before_copy` before each file (tests pull the stick out there).
/// The rule holds while copying too: a file that became a link or something else since the
/// survey is refused, and the bytes are counted as they are read.
///
/// # Errors
/// [`CopyError::Read`] when the stick cannot be read (or the rule is broken now),
/// [`CopyError::Write`] when the copy cannot be written.
pub(super) fn copy(
    survey: &Survey,
    from: &Path,
    to: &Path,
    before_copy: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> Result<(), CopyError> {
    for folder in &survey.folders {
        let target = to.join(folder);
        std::fs::create_dir(&target).map_err(|e| CopyError::Write(target, e))?;
    }
    let mut bytes = 0u64;
    for (file, _) in &survey.files {
        let source = from.join(file);
        before_copy(&source).map_err(|e| CopyError::Read(unreadable(&source, e)))?;
        bytes = copy_file(&source, &to.join(file), bytes)?;
    }
    // Each folder's entries flushed, deepest first.
    for folder in survey.folders.iter().rev() {
        let target = to.join(folder);
        super::sync_dir(&target).map_err(|e| CopyError::Write(target, e))?;
    }
    Ok(())
}

/// Why a copy failed: the stick's side, or the kiosk's.
#[derive(Debug)]
pub(super) enum CopyError {
    /// The stick could not be read, or its folder breaks the rule now.
    Read(FolderProblem),
    /// The copy could not be written.
    Write(PathBuf, io::Error),
}

fn unreadable(path: &Path, source: io::Error) -> FolderProblem {
    FolderProblem::Unreadable {
        path: path.to_path_buf(),
        source,
    }
}

/// Copies one file, counting its bytes onto `so_far`; returns the new count.
fn copy_file(from: &Path, to: &Path, so_far: u64) -> Result<u64, CopyError> {
    let mut input = open_here(from).map_err(CopyError::Read)?;
    let mut output = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(|e| CopyError::Write(to.to_path_buf(), e))?;
    let left = MAX_FOLDER_BYTES.saturating_sub(so_far);
    let mut limited = io::Read::take(&mut input, left + 1);
    let mut bytes = so_far;
    // A read error (the stick is gone) and a write error are told apart by trying the read
    // side first, chunk by chunk.
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let n = io::Read::read(&mut limited, &mut buffer)
            .map_err(|e| CopyError::Read(unreadable(from, e)))?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        if bytes > MAX_FOLDER_BYTES {
            return Err(CopyError::Read(FolderProblem::TooLarge));
        }
        io::Write::write_all(&mut output, &buffer[..n])
            .map_err(|e| CopyError::Write(to.to_path_buf(), e))?;
    }
    output
        .sync_all()
        .map_err(|e| CopyError::Write(to.to_path_buf(), e))?;
    Ok(bytes)
}

/// Opens a regular file on the stick: not through a link, not waiting on a named pipe.
fn open_here(path: &Path) -> Result<std::fs::File, FolderProblem> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return FolderProblem::NotAFile {
                path: path.to_path_buf(),
                what: "a symbolic link",
            };
        }
        unreadable(path, e)
    })?;
    let meta = file.metadata().map_err(|e| unreadable(path, e))?;
    if !meta.is_file() {
        return Err(FolderProblem::NotAFile {
            path: path.to_path_buf(),
            what: describe(meta.file_type()),
        });
    }
    Ok(file)
}
