//! Reading a file the kiosk is given (the content file, an image, the PIN file) without
//! ever waiting or reading without end.
//!
//! Only regular files are read: a named pipe (FIFO) would wait for a writer for ever, and
//! `/dev/zero` never ends. The type and the size are looked at before anything is read,
//! the file is opened without waiting, and what was opened is looked at again (the path may
//! have been replaced in between). Reading stops one byte past the limit, so a file that
//! grows while it is read is refused too.

use std::io::Read as _;
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
        } else {
            Self::Io(error)
        }
    }
}

/// Reads the regular file at `path`, refusing anything else and anything over `max` bytes.
///
/// # Errors
/// When nothing is at `path`, when it is not a regular file, when it is larger than `max`
/// (before or while being read), or when it cannot be read.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, FileError> {
    // Look before opening: opening a named pipe waits for a writer.
    check(&std::fs::metadata(path).map_err(FileError::from_io)?, max)?;
    let file = open_without_waiting(path).map_err(FileError::from_io)?;
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
    Ok(bytes)
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
fn describe(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
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
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // Opening a named pipe put in place since the check would otherwise wait for a writer;
    // for a regular file the flag changes nothing.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_up_to_its_limit() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"12345").expect("write");
        assert_eq!(read_regular(&path, 5).expect("fits"), b"12345");
        assert!(matches!(
            read_regular(&path, 4),
            Err(FileError::TooLarge { size: 5, max: 4 })
        ));
    }

    #[test]
    fn refuses_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(FileError::NotAFile("a folder"))
        ));
        assert!(matches!(
            read_regular(&dir.path().join("none"), 10),
            Err(FileError::Missing)
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(FileError::NotAFile("a device"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        assert!(matches!(
            read_regular(&fifo, 10),
            Err(FileError::NotAFile("a named pipe (FIFO)"))
        ));
        // Opened past the first look (as when a file is swapped for a pipe in between),
        // the pipe does not block either.
        let file = open_without_waiting(&fifo).expect("opens at once");
        assert!(matches!(
            check(&file.metadata().expect("fstat"), 10),
            Err(FileError::NotAFile(_))
        ));
    }
}
