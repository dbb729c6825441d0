//! The admin PIN: stored only as a salted, stretched SHA-256 hash, never as the PIN.
//!
//! File format, one line: `v1$ITERATIONS$SALT_HEX$HASH_HEX`. The file is written
//! atomically and readable by its owner only from the moment it exists; it is read only if
//! it is a small regular file.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use crate::content::{FileError, read_regular};

/// How many rounds of SHA-256 stretch a PIN: slow enough to make guessing a stolen file
/// costly, fast enough (well under a second) for the pad.
pub const ITERATIONS: u32 = 200_000;

/// The largest PIN file read, in bytes. A PIN file is one line of about 110 bytes.
pub const MAX_PIN_FILE_BYTES: u64 = 1024;

/// Why a PIN or PIN file is not usable.
#[derive(Debug, thiserror::Error)]
pub enum PinError {
    /// The PIN is not 4 to 12 digits.
    #[error("a PIN is 4 to 12 digits")]
    BadPin,
    /// The file is not in the expected format.
    #[error("{path} is not a PIN file written by `office-kiosk set-pin`")]
    BadFile {
        /// The file.
        path: String,
    },
    /// Nothing is at the path.
    #[error("there is no PIN file at {path}; write one with `office-kiosk set-pin {path}`")]
    Missing {
        /// The path given.
        path: String,
    },
    /// Something is at the path that cannot be a PIN file (a folder, a named pipe, a large
    /// file), or it cannot be read.
    #[error("cannot read the PIN file {path}: {reason}")]
    Unreadable {
        /// The path given.
        path: String,
        /// Why (part of the message, so not a separate source: it is said once).
        reason: FileError,
    },
    /// The file could not be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error (part of the message, so not a separate source).
        reason: std::io::Error,
    },
}

/// A salted PIN hash.
#[derive(Clone, PartialEq, Eq)]
pub struct PinHash {
    iterations: u32,
    salt: [u8; 16],
    hash: [u8; 32],
}

impl std::fmt::Debug for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PinHash(..)")
    }
}

/// Whether `pin` is 4 to 12 ASCII digits.
pub fn is_valid_pin(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

fn stretch(pin: &str, salt: &[u8; 16], iterations: u32) -> [u8; 32] {
    let mut digest: [u8; 32] = Sha256::new()
        .chain_update(salt)
        .chain_update(pin.as_bytes())
        .finalize()
        .into();
    for _ in 1..iterations {
        digest = Sha256::new()
            .chain_update(digest)
            .chain_update(salt)
            .finalize()
            .into();
    }
    digest
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn unhex<const N: usize>(s: &str) -> Option<[u8; N]> {
    if s.len() != 2 * N {
        return None;
    }
    let mut out = [0; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

impl PinHash {
    /// Hashes `pin` with `salt`.
    ///
    /// # Errors
    /// [`PinError::BadPin`] unless the PIN is 4 to 12 digits.
    pub fn new(pin: &str, salt: [u8; 16], iterations: u32) -> Result<Self, PinError> {
        if !is_valid_pin(pin) {
            return Err(PinError::BadPin);
        }
        let iterations = iterations.max(1);
        Ok(Self {
            iterations,
            salt,
            hash: stretch(pin, &salt, iterations),
        })
    }

    /// Hashes `pin` with a fresh random salt from the operating system.
    ///
    /// # Errors
    /// A bad PIN, or no randomness available.
    pub fn with_random_salt(pin: &str) -> Result<Self, PinError> {
        let mut salt = [0u8; 16];
        let path = "/dev/urandom";
        let mut file = std::fs::File::open(path).map_err(|reason| PinError::Io {
            path: path.into(),
            reason,
        })?;
        std::io::Read::read_exact(&mut file, &mut salt).map_err(|reason| PinError::Io {
            path: path.into(),
            reason,
        })?;
        Self::new(pin, salt, ITERATIONS)
    }

    /// Whether `pin` is the PIN, compared in constant time.
    pub fn verify(&self, pin: &str) -> bool {
        if !is_valid_pin(pin) {
            return false;
        }
        let candidate = stretch(pin, &self.salt, self.iterations);
        candidate
            .iter()
            .zip(self.hash.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }

    /// The one-line file form.
    pub fn to_line(&self) -> String {
        format!(
            "v1${}${}${}",
            self.iterations,
            hex(&self.salt),
            hex(&self.hash)
        )
    }

    /// Parses the one-line file form.
    pub fn from_line(line: &str) -> Option<Self> {
        let mut parts = line.trim().split('$');
        if parts.next()? != "v1" {
            return None;
        }
        let iterations = parts.next()?.parse().ok().filter(|n| *n > 0)?;
        let salt = unhex::<16>(parts.next()?)?;
        let hash = unhex::<32>(parts.next()?)?;
        parts.next().is_none().then_some(Self {
            iterations,
            salt,
            hash,
        })
    }

    /// Reads a PIN file: a regular file of at most [`MAX_PIN_FILE_BYTES`] holding one
    /// line written by [`PinHash::save`]. A folder, a named pipe or a device is refused at
    /// once, without waiting on it.
    ///
    /// # Errors
    /// [`PinError::Missing`] when nothing is at `path`, [`PinError::Unreadable`] when it is
    /// not a small regular file or cannot be read, [`PinError::BadFile`] when it is not a
    /// PIN file.
    pub fn load(path: &Path) -> Result<Self, PinError> {
        let name = path.display().to_string();
        let bytes = read_regular(path, MAX_PIN_FILE_BYTES).map_err(|reason| match reason {
            FileError::Missing => PinError::Missing { path: name.clone() },
            reason => PinError::Unreadable {
                path: name.clone(),
                reason,
            },
        })?;
        std::str::from_utf8(&bytes)
            .ok()
            .and_then(Self::from_line)
            .ok_or(PinError::BadFile { path: name })
    }

    /// Writes a PIN file atomically, readable by its owner only: the line goes into a new
    /// temporary file in the same folder, created with mode 0600, flushed to disk, then
    /// renamed over `path`. At no moment does a file with wider permissions or half a
    /// line exist at `path`.
    ///
    /// # Errors
    /// When the file cannot be written; the temporary file is then removed.
    pub fn save(&self, path: &Path) -> Result<(), PinError> {
        let io = |reason| PinError::Io {
            path: path.display().to_string(),
            reason,
        };
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        let name = path.file_name().ok_or_else(|| {
            io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the path names no file",
            ))
        })?;
        let (temporary, mut file) = create_private(folder, &name.to_string_lossy()).map_err(io)?;
        let written = file
            .write_all(format!("{}\n", self.to_line()).as_bytes())
            .and_then(|()| file.sync_all())
            .and_then(|()| {
                drop(file);
                std::fs::rename(&temporary, path)
            });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(io(e));
        }
        // Make the rename itself durable; a folder that cannot be synced is no failure.
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// Creates a new, empty file beside `name` in `folder` that only its owner can read or
/// write, from the moment it exists (mode 0600; the umask can only narrow it).
fn create_private(folder: &Path, name: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    for attempt in 0..100 {
        let temporary = folder.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        match options.open(&temporary) {
            Ok(file) => return Ok((temporary, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "no free name for a temporary file",
    ))
}

/// Checks the admin PIN file before the kiosk starts (the unit's `ExecStartPre`, through
/// `office-kiosk check --admin-pin-file`): it must exist, be readable by this user and hold
/// a hash written by `office-kiosk set-pin`.
///
/// # Errors
/// One line naming the file, what is wrong and how to put it right.
pub fn check_file(path: &Path) -> Result<(), String> {
    let file = path.display();
    let Err(problem) = PinHash::load(path) else {
        return Ok(());
    };
    let hint = match &problem {
        PinError::Unreadable {
            reason: FileError::Io(io),
            ..
        } if io.kind() == std::io::ErrorKind::PermissionDenied => {
            format!("; the kiosk runs as the user `kiosk`: `chown kiosk {file}`")
        }
        PinError::BadFile { .. } => format!("; write it again with `office-kiosk set-pin {file}`"),
        _ => String::new(),
    };
    Err(format!("{file}: error: {problem}{hint}"))
}

#[cfg(test)]
mod tests;
