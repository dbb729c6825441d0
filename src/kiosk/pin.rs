//! The admin PIN: stored only as a salted, stretched SHA-256 hash, never as the PIN.
//!
//! File format, one line: `v1$ITERATIONS$SALT_HEX$HASH_HEX`.

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest as _, Sha256};

/// How many rounds of SHA-256 stretch a PIN: slow enough to make guessing a stolen file
/// costly, fast enough (well under a second) for the pad.
pub const ITERATIONS: u32 = 200_000;

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
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
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
        let mut file = std::fs::File::open(path).map_err(|source| PinError::Io {
            path: path.into(),
            source,
        })?;
        std::io::Read::read_exact(&mut file, &mut salt).map_err(|source| PinError::Io {
            path: path.into(),
            source,
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

    /// Reads a PIN file.
    ///
    /// # Errors
    /// When the file cannot be read or is not a PIN file.
    pub fn load(path: &Path) -> Result<Self, PinError> {
        let text = std::fs::read_to_string(path).map_err(|source| PinError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_line(&text).ok_or_else(|| PinError::BadFile {
            path: path.display().to_string(),
        })
    }

    /// Writes a PIN file, readable by its owner only.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), PinError> {
        let io = |source| PinError::Io {
            path: path.display().to_string(),
            source,
        };
        std::fs::write(path, format!("{}\n", self.to_line())).map_err(io)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
        }
        Ok(())
    }
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

    #[test]
    fn salts_make_equal_pins_hash_differently() {
        let a = PinHash::new("1234", [1; 16], 10).expect("valid pin");
        let b = PinHash::new("1234", [2; 16], 10).expect("valid pin");
        assert_ne!(a.to_line(), b.to_line());
    }
}
