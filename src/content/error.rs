//! Problems found in a content file, each with the place it was found.

use std::fmt;

use super::locate::Position;

/// What is wrong, without where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    /// The file is not valid RON, or does not match the schema (unknown or missing field,
    /// wrong type). The message is the parser's.
    #[error("{0}")]
    Syntax(String),
    /// No languages are declared.
    #[error("no languages are declared; add at least one `Language(code: .., name: ..)`")]
    NoLanguages,
    /// A language code is declared twice.
    #[error("language `{0}` is declared twice")]
    DuplicateLanguage(String),
    /// A language code or name is empty.
    #[error("a language needs a code and a name")]
    EmptyLanguage,
    /// `default_language` names an undeclared language.
    #[error("default language `{0}` is not one of the declared languages")]
    UnknownDefaultLanguage(String),
    /// A text lacks a declared language.
    #[error("`{path}` has no text in `{language}`")]
    MissingTranslation {
        /// Path of the text in the file.
        path: String,
        /// Language code.
        language: String,
    },
    /// A text has a language that is not declared.
    #[error("`{path}` has a text in `{language}`, which is not a declared language")]
    UndeclaredLanguage {
        /// Path of the text in the file.
        path: String,
        /// Language code.
        language: String,
    },
    /// A page has an empty title.
    #[error("page `{0}` has no title")]
    MissingTitle(String),
    /// A chart has no bars.
    #[error("chart `{0}` has no bars")]
    EmptyChart(String),
    /// A bar's value is negative.
    #[error("`{path}` is {value}; a bar cannot be negative")]
    NegativeValue {
        /// Path of the value.
        path: String,
        /// The value.
        value: f64,
    },
    /// A bar's value is NaN or infinite.
    #[error("`{0}` is not a finite number")]
    NonFiniteValue(String),
    /// An image path leaves the content folder.
    #[error(
        "image `{0}` is not inside the content folder (an absolute path, `..`, an empty path \
         or a link leading out); use a path inside it, such as `images/map.png`"
    )]
    PathEscapes(String),
    /// An image file is missing or unreadable.
    #[error("image `{path}` cannot be read: {reason}")]
    ImageUnreadable {
        /// Path as written.
        path: String,
        /// Why.
        reason: String,
    },
    /// An image file is not a decodable image.
    #[error("image `{path}` is not a readable PNG or JPEG image: {reason}")]
    ImageUndecodable {
        /// Path as written.
        path: String,
        /// Why.
        reason: String,
    },
    /// An image is too large to decode safely.
    #[error(
        "image `{path}` is {width}x{height} pixels, too large to load: at most {max} pixels \
         a side, and 24 megapixels for a PNG"
    )]
    ImageTooLarge {
        /// Path as written.
        path: String,
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// Largest allowed side.
        max: u32,
    },
    /// An image is far larger than any screen (a warning: it works, scaled down).
    #[error(
        "image `{path}` is {width}x{height} pixels, larger than any screen; \
         at most {max} pixels a side starts faster and uses less memory"
    )]
    ImageLargerThanScreens {
        /// Path as written.
        path: String,
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// The suggested largest side.
        max: u32,
    },
    /// A text is too long for its place on the smallest supported screen (a warning).
    #[error("`{path}` ({language}) is too long for its place on a {screen} screen: {detail}")]
    TextTooLong {
        /// Path of the text.
        path: String,
        /// Language code.
        language: String,
        /// The screen, e.g. "1080x1920 portrait".
        screen: String,
        /// What does not fit.
        detail: String,
    },
    /// An interface label added after the file was written is missing (a warning).
    #[error(
        "`{path}` is missing: the kiosk shows its built-in text (\"{builtin}\" in English); \
         add `{path}` in every language"
    )]
    MissingLabel {
        /// Path of the label.
        path: String,
        /// The built-in English text.
        builtin: String,
    },
    /// The idle countdown lacks its `{seconds}` placeholder.
    #[error("`{0}` in `{1}` must contain `{{seconds}}` where the countdown goes")]
    MissingPlaceholder(String, String),
}

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
    #[error("cannot read content file {path}: {source}")]
    Unreadable {
        /// The path given.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
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
