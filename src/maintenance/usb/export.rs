//! Writing a file to a USB stick, whole or not at all, on the first of the sticks that
//! takes it; why each other stick did not, in the words staff read.

use std::path::{Path, PathBuf};

use crate::maintenance::words::Word;

/// Writes `text` into the file `name` at the top of the stick `stick`, whole or not at all
/// (a new temporary file beside it, flushed, then renamed); returns its path.
///
/// # Errors
/// When the stick cannot be written (full, read-only, pulled out).
pub fn write_file(stick: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    let path = stick.join(name);
    // What an export cut short by a kill left on the stick.
    crate::content::remove_leftovers(&path);
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
    /// Why, from what the system said.
    pub fn of(error: &std::io::Error) -> Self {
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
