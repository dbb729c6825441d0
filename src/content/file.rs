//! Reading and writing files without ever waiting, reading without end, or following a link
//! where none is expected.
//!
//! **Reading.** Only regular files are read: a named pipe (FIFO) would wait for a writer for
//! ever, and `/dev/zero` never ends. The type and the size are looked at before anything is
//! read, the file is opened without waiting, and what was opened is looked at again (the
//! path may have been replaced in between). Reading stops one byte past the limit, so a file
//! that grows while it is read is refused too. [`read_regular`] follows a symbolic link (a
//! path a person gives, such as `--content`, may be one); [`read_own`] refuses one (the
//! kiosk's own files, and everything on a USB stick, which must not lead off it).
//! [`look`] applies the same rules without reading, for files a dependency reads itself.
//!
//! **Writing.** [`replace_whole`] writes a file whole or not at all: a new temporary file
//! beside it (created anew, so never through a link), flushed to the disk, then renamed over
//! the file, and the folder flushed. What is at the path must be a regular file or nothing:
//! a link, a device or a folder there is refused, not replaced or written through.

use std::io::{Read as _, Write as _};
use std::path::Path;

use super::limits::human_bytes;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Nothing is at the path.
    #[error("there is no such file (check the path and its spelling)")]
    Missing,
    /// Something is at the path, but not a regular file: a folder, a named pipe, a device.
    #[error("it is {0}, not a file")]
    NotAFile(&'static str),
    /// A symbolic link, where none is followed.
    #[error("it is a symbolic link, which is not followed here")]
    Link,
    /// The file is larger than such a file may be.
    #[error("it is {}, larger than the {} allowed", human_bytes(*.size), human_bytes(*.max))]
    TooLarge {
        /// Its size in bytes (at least; it may still be growing).
        size: u64,
        /// The largest size allowed.
        max: u64,
    },
    /// The operating system refused (permissions, a disk error).
    #[error("{0}")]
    Io(std::io::Error),
}

impl FileError {
    fn from_io(error: std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::NotFound {
            Self::Missing
        } else if is_loop(&error) {
            // Opening with O_NOFOLLOW meets a link.
            Self::Link
        } else {
            Self::Io(error)
        }
    }
}

#[cfg(unix)]
fn is_loop(error: &std::io::Error) -> bool {
    error.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_loop(_error: &std::io::Error) -> bool {
    false
}

/// Whether a symbolic link at the path itself is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Follow it: a path a person gave, which may be a link on purpose.
    Follow,
    /// Refuse it: the kiosk's own files, and files on a USB stick.
    Refuse,
}

/// Reads the regular file at `path` (following a link), refusing anything else and anything
/// over `max` bytes.
///
/// # Errors
/// When nothing is at `path`, when it is not a regular file, when it is larger than `max`
/// (before or while being read), or when it cannot be read.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, FileError> {
    read_file(path, max, Links::Follow).map(|(bytes, _)| bytes)
}

/// Reads the regular file at `path` as [`read_regular`] does, but refuses a symbolic link:
/// for the kiosk's own files and for files on a USB stick.
///
/// # Errors
/// As [`read_regular`], and [`FileError::Link`] for a link.
pub fn read_own(path: &Path, max: u64) -> Result<Vec<u8>, FileError> {
    read_file(path, max, Links::Refuse).map(|(bytes, _)| bytes)
}

/// Reads the regular file at `path`, following a link at it or not as `links` says; returns
/// its bytes and what the opened file is (its permissions, its owner).
///
/// # Errors
/// As [`read_regular`] and [`read_own`].
pub fn read_file(
    path: &Path,
    max: u64,
    links: Links,
) -> Result<(Vec<u8>, std::fs::Metadata), FileError> {
    // Look before opening: opening a named pipe waits for a writer.
    look(path, max, links)?;
    let file = open_without_waiting(path, links).map_err(FileError::from_io)?;
    // The path may have been replaced since it was looked at: look at what was opened.
    let meta = file.metadata().map_err(FileError::Io)?;
    check(&meta, max)?;
    let expected = usize::try_from(meta.len().min(max)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FileError::Io)?;
    let read = bytes.len() as u64;
    if read > max {
        return Err(FileError::TooLarge { size: read, max });
    }
    Ok((bytes, meta))
}

/// Looks at `path` without opening it: a regular file of at most `max` bytes passes (a link
/// only when `links` follows it). For files a dependency reads itself, checked before it is
/// handed over.
///
/// # Errors
/// As [`read_file`], without reading.
pub fn look(path: &Path, max: u64, links: Links) -> Result<std::fs::Metadata, FileError> {
    let meta = match links {
        Links::Follow => std::fs::metadata(path),
        Links::Refuse => std::fs::symlink_metadata(path),
    }
    .map_err(FileError::from_io)?;
    if meta.file_type().is_symlink() {
        return Err(FileError::Link);
    }
    check(&meta, max)?;
    Ok(meta)
}

fn check(meta: &std::fs::Metadata, max: u64) -> Result<(), FileError> {
    if !meta.is_file() {
        return Err(FileError::NotAFile(describe(meta.file_type())));
    }
    if meta.len() > max {
        return Err(FileError::TooLarge {
            size: meta.len(),
            max,
        });
    }
    Ok(())
}

/// What a file that is not a regular file is, in an office user's words.
pub fn describe(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
    }
    if kind.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    "something other than a regular file"
}

#[cfg(unix)]
fn open_without_waiting(path: &Path, links: Links) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // Opening a named pipe put in place since the check would otherwise wait for a writer;
    // for a regular file the flag changes nothing. A link put in place since is refused.
    let nofollow = match links {
        Links::Follow => 0,
        Links::Refuse => libc::O_NOFOLLOW,
    };
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | nofollow)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path, _links: Links) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Replaces the file at `path` with `bytes`, whole or not at all, readable and writable by
/// its owner only: see the module's documentation. A temporary file left by a process that
/// was killed while writing is named `.NAME.XXXXXX.tmp` beside it.
///
/// # Errors
/// When something other than a regular file is at `path` (a link, a device, a folder:
/// [`std::io::ErrorKind::InvalidInput`], naming it), or the folder or file cannot be
/// written; the file at `path` is then unchanged.
pub fn replace_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file")
    })?;
    only_a_file_or_nothing(path)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    // Looked at once more right before the rename, which replaces whatever is there.
    only_a_file_or_nothing(path)?;
    temporary.persist(path).map_err(|e| e.error)?;
    // The rename lives in the folder: flush it too (not possible, nor needed, on Windows).
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// The folder a file is in (`.` for a bare name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A free name beside `path` for a file moved aside: `NAME.WHY-<unix seconds>`, with `-2`,
/// `-3`... added when that is taken, so that nothing moved aside before is replaced.
pub fn aside_name(path: &Path, why: &str) -> std::path::PathBuf {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let base = path.with_file_name(format!("{name}.{why}-{secs}"));
    std::iter::once(base.clone())
        .chain((2..1000).map(|n| path.with_file_name(format!("{name}.{why}-{secs}-{n}"))))
        .find(|candidate| std::fs::symlink_metadata(candidate).is_err())
        .unwrap_or(base)
}

/// Whether `name` is a temporary file [`replace_whole`] makes for the file `file_name`.
pub fn is_temporary_of(name: &std::ffi::OsStr, file_name: &str) -> bool {
    name.to_str().is_some_and(|name| {
        name.strip_prefix('.')
            .and_then(|rest| rest.strip_prefix(file_name))
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|random| !random.is_empty() && !random.contains('/'))
    })
}

/// Removes the temporary files [`replace_whole`] left beside `path` when a process was
/// killed while writing: only regular files of that name, never a link's target. Returns
/// how many were removed.
pub fn remove_leftovers(path: &Path) -> usize {
    let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| is_temporary_of(&e.file_name(), file_name))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

fn only_a_file_or_nothing(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "{} is {}, not a file: it is not replaced",
                path.display(),
                describe(meta.file_type())
            ),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests;
