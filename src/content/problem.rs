//! Problems found in a content file, each with the place it was found, and why content
//! could not be loaded.

use std::fmt;

use super::error::ProblemKind;
use super::file::FileError;
use super::locate::Position;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The content works, but something should be fixed.
    Warning,
    /// The content cannot be shown.
    Error,
}

/// One problem, with the file and position it was found at.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The content file, as given.
    pub file: String,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.position {
            Some(Position { line, column }) => {
                write!(
                    f,
                    "{}:{line}:{column}: {severity}: {}",
                    self.file, self.kind
                )
            }
            None => write!(f, "{}: {severity}: {}", self.file, self.kind),
        }
    }
}

/// Why content could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The content file itself could not be read.
    #[error("cannot read content file {path}: {reason}")]
    Unreadable {
        /// The path given.
        path: String,
        /// Why: missing, not a regular file, too large, or refused by the system. It is
        /// part of the message, so not a separate source: a chain of errors says it once.
        reason: FileError,
    },
    /// The file was read but has problems; every one found is listed.
    #[error("{}", list(.0))]
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// The problems found, empty when the file could not be read at all.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Unreadable { .. } => &[],
            Self::Invalid(problems) => problems,
        }
    }
}

fn list(problems: &[Problem]) -> String {
    let count = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let mut out = format!(
        "{count} problem{} in content:",
        if count == 1 { "" } else { "s" }
    );
    for problem in problems {
        out.push_str("\n  ");
        out.push_str(&problem.to_string());
    }
    out
}

/// A number short enough for a message: in full up to 15 digits, else `1.5e300`.
pub(super) fn short(value: f64) -> String {
    if value == 0.0 || (1e-6..1e15).contains(&value.abs()) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

/// The largest chart value with `decimals` within `max_digits`, written in English.
pub(super) fn largest(max_digits: u32, decimals: u8) -> String {
    let whole = max_digits.saturating_sub(u32::from(decimals)).max(1);
    let nines = "9".repeat(whole as usize);
    let mut grouped = String::new();
    for (i, c) in nines.chars().enumerate() {
        if i > 0 && (nines.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if decimals > 0 {
        grouped.push('.');
        grouped.push_str(&"9".repeat(usize::from(decimals)));
    }
    grouped
}

/// A character's code point as Unicode writes it: `U+200B`.
pub(crate) fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}
