//! What the system said about a file or a folder, in an office user's words: never an
//! `os error` number.

use std::io::{Error, ErrorKind};

/// Why `error` happened, as an office user would say it.
pub(crate) fn io_words(error: &Error) -> &'static str {
    match error.kind() {
        ErrorKind::NotFound => "it does not exist",
        ErrorKind::PermissionDenied => "permission denied (this user may not write there)",
        ErrorKind::StorageFull => "the disk is full",
        ErrorKind::QuotaExceeded => "the disk quota is used up",
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        ErrorKind::ResourceBusy => "the system is using it (a mount point, for instance)",
        ErrorKind::AlreadyExists => "something of that name is already there",
        ErrorKind::DirectoryNotEmpty => "it is not empty",
        ErrorKind::NotADirectory => "a file is in the way where a folder should be",
        ErrorKind::IsADirectory => "a folder is in the way where a file should be",
        ErrorKind::CrossesDevices => "it is on another disk",
        ErrorKind::InvalidFilename => "the name is not allowed there",
        _ => "the system refused it",
    }
}

/// Why a folder cannot be watched, as an office user would say it.
pub(crate) fn watch_words(error: &notify::Error) -> &'static str {
    match &error.kind {
        notify::ErrorKind::Io(e) => io_words(e),
        notify::ErrorKind::PathNotFound | notify::ErrorKind::WatchNotFound => "it does not exist",
        notify::ErrorKind::MaxFilesWatch => {
            "the system watches too many folders already (raise fs.inotify.max_user_watches)"
        }
        notify::ErrorKind::Generic(_) | notify::ErrorKind::InvalidConfig(_) => {
            "the system cannot watch it"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_error_numbers() {
        for kind in [
            ErrorKind::ResourceBusy,
            ErrorKind::StorageFull,
            ErrorKind::Other,
        ] {
            let words = io_words(&Error::from(kind));
            assert!(!words.contains("os error"), "{words}");
        }
        let busy = Error::from_raw_os_error(16);
        assert_eq!(
            io_words(&busy),
            "the system is using it (a mount point, for instance)"
        );
    }
}
