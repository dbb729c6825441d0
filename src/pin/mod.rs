//! The admin PIN: stored only as a salted, stretched SHA-256 hash, never as the PIN.
//!
//! File format, one line: `v1$ITERATIONS$SALT_HEX$HASH_HEX`, every field bounded (the
//! iterations from [`MIN_FILE_ITERATIONS`] to [`MAX_FILE_ITERATIONS`], so checking a PIN
//! takes well under a second; the salt and hash of their exact lengths in lowercase or
//! uppercase hex). The file is written atomically and readable by its owner only from the
//! moment it exists, only where nothing or a PIN file is (never through a link, onto a
//! device or over another file); it is read only if it is a small regular file that not
//! every user may change.

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest as _, Sha256};

use crate::content::{FileError, Links, read_file};

/// How many rounds of SHA-256 stretch a PIN: slow enough to make guessing a stolen file
/// costly, fast enough (well under a second) for the pad.
pub const ITERATIONS: u32 = 200_000;

/// The fewest iterations a PIN file may ask for: fewer would make guessing a stolen file
/// cheap. `set-pin` writes [`ITERATIONS`].
pub const MIN_FILE_ITERATIONS: u32 = 10_000;

/// The most iterations a PIN file may ask for: two and a half times what `set-pin` writes,
/// so that checking a PIN on the pad stays well under a second (1,000,000 took 1.2 s in a
/// test build on the shared development machine; more would hold the screen).
pub const MAX_FILE_ITERATIONS: u32 = 500_000;

/// The largest PIN file read, in bytes. A PIN file is one line of about 110 bytes.
pub const MAX_PIN_FILE_BYTES: u64 = 1024;

/// Why a PIN or PIN file is not usable.
#[derive(Debug, thiserror::Error)]
pub enum PinError {
    /// The PIN is not 4 to 12 digits.
    #[error("a PIN is 4 to 12 digits")]
    BadPin,
    /// The file is not in the expected format.
    #[error("{path} is not a PIN file written by `office-kiosk set-pin` ({reason})")]
    BadFile {
        /// The file.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Every user of the computer may change the file, and so set their own PIN.
    #[error(
        "{path} may be changed by every user of this computer (mode {mode:04o}), who could \
         then set a PIN of their own; make it writable by its owner only: `chmod o-w {path}`"
    )]
    WorldWritable {
        /// The file.
        path: String,
        /// Its permission bits.
        mode: u32,
    },
    /// Something that is not a PIN file is where one was to be written.
    #[error(
        "{path} is {what}, not a PIN file; nothing was written (give the path of a new file, \
         or of the PIN file to replace)"
    )]
    NotReplaced {
        /// The path given.
        path: String,
        /// What is there, in words.
        what: String,
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
    // Digits only: `from_str_radix` would also take a sign.
    if s.len() != 2 * N || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
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
        Self::parse_line(line).ok()
    }

    /// Parses the one-line file form, saying what is wrong with a line that is not one.
    ///
    /// # Errors
    /// The first field out of its bounds, in words.
    pub fn parse_line(line: &str) -> Result<Self, String> {
        let mut parts = line.trim().split('$');
        if parts.next() != Some("v1") {
            return Err("it does not start with `v1$`".into());
        }
        let iterations = parts.next().unwrap_or_default();
        let iterations = iterations
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| iterations.parse::<u32>().ok())
            .flatten()
            .filter(|n| (MIN_FILE_ITERATIONS..=MAX_FILE_ITERATIONS).contains(n))
            .ok_or_else(|| {
                format!(
                    "its iteration count `{iterations}` is not from {MIN_FILE_ITERATIONS} to \
                     {MAX_FILE_ITERATIONS}"
                )
            })?;
        let salt = unhex::<16>(parts.next().unwrap_or_default())
            .ok_or("its salt is not 32 hexadecimal digits")?;
        let hash = unhex::<32>(parts.next().unwrap_or_default())
            .ok_or("its hash is not 64 hexadecimal digits")?;
        if parts.next().is_some() {
            return Err("it has more than four fields".into());
        }
        Ok(Self {
            iterations,
            salt,
            hash,
        })
    }

    /// Reads a PIN file: a regular file of at most [`MAX_PIN_FILE_BYTES`] holding one
    /// line written by [`PinHash::save`], every field within its bounds, that not every user
    /// may change. A folder, a named pipe or a device is refused at once, without waiting
    /// on it.
    ///
    /// # Errors
    /// [`PinError::Missing`] when nothing is at `path`, [`PinError::Unreadable`] when it is
    /// not a small regular file or cannot be read, [`PinError::WorldWritable`] when every
    /// user may change it, [`PinError::BadFile`] when it is not a PIN file.
    pub fn load(path: &Path) -> Result<Self, PinError> {
        let name = path.display().to_string();
        let (bytes, meta) =
            read_file(path, MAX_PIN_FILE_BYTES, Links::Follow).map_err(|reason| match reason {
                FileError::Missing => PinError::Missing { path: name.clone() },
                reason => PinError::Unreadable {
                    path: name.clone(),
                    reason,
                },
            })?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = meta.permissions().mode() & 0o7777;
            if mode & 0o002 != 0 {
                return Err(PinError::WorldWritable { path: name, mode });
            }
        }
        #[cfg(not(unix))]
        let _ = meta;
        let text = std::str::from_utf8(&bytes).map_err(|_| PinError::BadFile {
            path: name.clone(),
            reason: "it is not text".into(),
        })?;
        Self::parse_line(text).map_err(|reason| PinError::BadFile { path: name, reason })
    }

    /// Writes a PIN file atomically, readable by its owner only: the line goes into a new
    /// temporary file in the same folder, created with mode 0600, flushed to disk, then
    /// renamed over `path`. At no moment does a file with wider permissions or half a
    /// line exist at `path`. Only a new file or a PIN file (perhaps a damaged one) is
    /// replaced: never a link, a device, a folder or another file.
    ///
    /// # Errors
    /// [`PinError::NotReplaced`] when something else is at `path`; [`PinError::Io`] when
    /// the file cannot be written (the temporary file is then removed).
    pub fn save(&self, path: &Path) -> Result<(), PinError> {
        let name = path.display().to_string();
        if let Some(what) = not_a_pin_file(path) {
            return Err(PinError::NotReplaced { path: name, what });
        }
        // A temporary file left by a `set-pin` that was killed while writing.
        crate::content::remove_leftovers(path);
        crate::content::replace_whole(path, format!("{}\n", self.to_line()).as_bytes()).map_err(
            |reason| match reason.kind() {
                std::io::ErrorKind::InvalidInput => PinError::NotReplaced {
                    path: name.clone(),
                    what: "not a file".into(),
                },
                _ => PinError::Io {
                    path: name.clone(),
                    reason,
                },
            },
        )
    }
}

/// What is at `path` in words, unless it is nothing or a PIN file that may be replaced: a
/// regular file (not a link) that is empty or starts as a PIN file does.
fn not_a_pin_file(path: &Path) -> Option<String> {
    let meta = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(format!("unreadable ({e})")),
        Ok(meta) => meta,
    };
    if !meta.is_file() {
        return Some(crate::content::describe(meta.file_type()).to_owned());
    }
    match crate::content::read_own(path, MAX_PIN_FILE_BYTES) {
        Ok(bytes) if bytes.is_empty() || bytes.starts_with(b"v1$") => None,
        Ok(_) => Some("a file of another kind".to_owned()),
        Err(FileError::TooLarge { .. }) => Some("a larger file of another kind".to_owned()),
        Err(e) => Some(format!("a file that cannot be read ({e})")),
    }
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
        PinError::BadFile { .. } if not_a_pin_file(path).is_none() => {
            format!("; write it again with `office-kiosk set-pin {file}`")
        }
        PinError::BadFile { .. } => {
            format!("; move it away, then write one with `office-kiosk set-pin {file}`")
        }
        _ => String::new(),
    };
    Err(format!("{file}: error: {problem}{hint}"))
}

#[cfg(test)]
mod tests;
