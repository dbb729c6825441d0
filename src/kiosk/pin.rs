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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_only_the_right_pin() {
        let hash = PinHash::new("2468", [7; 16], 10).expect("valid pin");
        assert!(hash.verify("2468"));
        assert!(!hash.verify("2469"));
        assert!(!hash.verify(""));
        assert!(!hash.verify("24680"));
    }

    #[test]
    fn rejects_pins_that_are_not_4_to_12_digits() {
        for bad in ["123", "1234567890123", "12a4", " 1234", ""] {
            assert!(PinHash::new(bad, [0; 16], 1).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_file_form_round_trips_and_holds_no_pin() {
        let hash = PinHash::new("13579", [3; 16], 10).expect("valid pin");
        let line = hash.to_line();
        assert!(!line.contains("13579"));
        assert_eq!(PinHash::from_line(&line), Some(hash));
        assert_eq!(PinHash::from_line("v2$1$00$00"), None);
        assert_eq!(PinHash::from_line("1234"), None);
    }

    fn hash() -> PinHash {
        PinHash::new("2468", [5; 16], 10).expect("valid pin")
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn a_saved_file_loads_back_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("admin.pin");
        hash().save(&path).expect("saves");
        assert_eq!(PinHash::load(&path).expect("loads"), hash());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["admin.pin"]);
        // Saving again replaces the file.
        let other = PinHash::new("97531", [6; 16], 10).expect("valid pin");
        other.save(&path).expect("saves again");
        assert_eq!(PinHash::load(&path).expect("loads"), other);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_from_the_moment_it_exists() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("a temp dir");
        // Created, before anything is written or changed: already owner-only.
        let (temporary, _file) = create_private(dir.path(), "admin.pin").expect("creates");
        assert_eq!(mode(&temporary), 0o600);
        // A file that was readable by all is replaced by a private one, not widened.
        let path = dir.path().join("admin.pin");
        std::fs::write(&path, "old").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        hash().save(&path).expect("saves");
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn a_failed_save_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("a temp dir");
        // The target is a folder that is not empty: the rename fails.
        let path = dir.path().join("admin.pin");
        std::fs::create_dir_all(path.join("inside")).expect("mkdir");
        assert!(matches!(hash().save(&path), Err(PinError::Io { .. })));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["admin.pin"]);
    }

    #[test]
    fn a_missing_file_is_told_apart_from_a_wrong_one() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let missing = dir.path().join("none.pin");
        let error = PinHash::load(&missing).expect_err("missing");
        assert!(matches!(error, PinError::Missing { .. }), "{error:?}");
        assert!(
            error.to_string().contains("office-kiosk set-pin"),
            "{error}"
        );

        let wrong = dir.path().join("notes.txt");
        for bytes in [&b"my pin is 1234\n"[..], b"", b"v1$10$\xff\xfe"] {
            std::fs::write(&wrong, bytes).expect("write");
            let error = PinHash::load(&wrong).expect_err("not a PIN file");
            assert!(matches!(error, PinError::BadFile { .. }), "{error:?}");
        }
    }

    #[test]
    fn folders_devices_pipes_and_large_files_are_refused_at_once() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let error = PinHash::load(dir.path()).expect_err("a folder");
        assert!(
            matches!(
                error,
                PinError::Unreadable {
                    reason: FileError::NotAFile("a folder"),
                    ..
                }
            ),
            "{error:?}"
        );
        let large = dir.path().join("large.pin");
        std::fs::write(&large, vec![b'0'; 4096]).expect("write");
        let error = PinHash::load(&large).expect_err("too large");
        assert!(
            matches!(
                error,
                PinError::Unreadable {
                    reason: FileError::TooLarge { size: 4096, .. },
                    ..
                }
            ),
            "{error:?}"
        );
        #[cfg(unix)]
        {
            let error = PinHash::load(Path::new("/dev/zero")).expect_err("a device");
            assert!(error.to_string().contains("a device"), "{error}");
            let fifo = dir.path().join("pipe.pin");
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .expect("mkfifo runs");
            assert!(made.success());
            let error = PinHash::load(&fifo).expect_err("a pipe");
            assert!(error.to_string().contains("named pipe"), "{error}");
        }
    }

    #[test]
    fn salts_make_equal_pins_hash_differently() {
        let a = PinHash::new("1234", [1; 16], 10).expect("valid pin");
        let b = PinHash::new("1234", [2; 16], 10).expect("valid pin");
        assert_ne!(a.to_line(), b.to_line());
    }
}
