//! Problems found in a content file, each with the place it was found.

use std::fmt;

use super::file::FileError;
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
         a side, and 24 megapixels for a PNG or a progressive JPEG"
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
    /// A date that is not a day of the calendar, or not written `YYYY-MM-DD`.
    #[error(
        "`{path}` is `{written}`, not a day of the calendar written YYYY-MM-DD, such as \
         2026-12-15"
    )]
    NotADate {
        /// Path of the date.
        path: String,
        /// What was written.
        written: String,
    },
    /// A vacancy whose closing day has passed (a warning from `check`).
    #[error("`{path}` closed on {closing}; the kiosk no longer shows this vacancy: delete it")]
    VacancyClosed {
        /// Path of the closing date.
        path: String,
        /// Its closing day.
        closing: String,
    },
    /// A code holds an address no phone opens from a kiosk's screen.
    #[error(
        "`{path}` holds `{url}`, which a phone cannot open from a code: write an address \
         starting with https://, mailto: or tel:"
    )]
    UnopenableLink {
        /// Path of the address.
        path: String,
        /// The address (its start).
        url: String,
    },
    /// What a code holds is too long to be read from the screen.
    #[error(
        "`{path}` would hold {bytes} bytes; a code a phone reads from the screen holds at most \
         {max}: shorten it"
    )]
    CodeTooLong {
        /// Path of the code.
        path: String,
        /// How many bytes it would hold.
        bytes: usize,
        /// The most it may hold.
        max: usize,
    },
    /// A code is built from details the page lacks.
    #[error("`{path}` is built from {needs}, which the contact page does not have")]
    CodeWithoutDetail {
        /// Path of the code.
        path: String,
        /// What it needs.
        needs: &'static str,
    },
    /// The contact page's code is written the older way (a warning).
    #[error(
        "`contact.qr` is the older way to write a code; it still works, but write it in \
         `codes: [Code(kind: Link(\"...\"), caption: ...)]`"
    )]
    OlderQr,
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
    /// A text has a `{word}` the kiosk does not fill in; visitors would see the braces.
    #[error(
        "`{path}` ({language}) has `{placeholder}`, which the kiosk would show as it is: \
         the only placeholder is `{{seconds}}`, in `labels.idle_countdown`"
    )]
    UnknownPlaceholder {
        /// Path of the text.
        path: String,
        /// Language code.
        language: String,
        /// The placeholder with its braces.
        placeholder: String,
    },
    /// A text gives the same language twice; only one could be shown.
    #[error("`{path}` has two texts in `{language}`; keep one and delete the other")]
    DuplicateTranslation {
        /// Path of the text.
        path: String,
        /// Language code.
        language: String,
    },
    /// A text is longer than any text may be.
    #[error(
        "`{path}` ({language}) has {length} characters; a text may have at most {max}: \
         shorten it or split it into paragraphs"
    )]
    TextOverLimit {
        /// Path of the text.
        path: String,
        /// Language code, or `all` for a plain string.
        language: String,
        /// Its length in characters.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A list has more items than any list may have.
    #[error("`{path}` has {count} items; at most {max} are allowed")]
    TooManyItems {
        /// Path of the list.
        path: String,
        /// How many it has.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A number separator that would make numbers unreadable.
    #[error("`{path}` is {separator:?}: {reason}")]
    BadSeparator {
        /// Path of the separator.
        path: String,
        /// The separator as written.
        separator: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A chart asks for more digits after the decimal point than charts show.
    #[error("`{path}` is {decimals}; charts show at most {max} digits after the decimal point")]
    TooManyDecimals {
        /// Path of `decimals`.
        path: String,
        /// As written.
        decimals: u32,
        /// The most allowed.
        max: u8,
    },
    /// A fact's year is 0 or below.
    #[error("`{path}` is {year}; write the year in full, such as 2021")]
    BadYear {
        /// Path of the year.
        path: String,
        /// As written.
        year: i32,
    },
    /// A fact's year is possible but far from today (a warning): probably a typo.
    #[error(
        "`{path}` is {year}; check it is not a typo (a year between {earliest} and {latest} \
         was expected)"
    )]
    UnlikelyYear {
        /// Path of the year.
        path: String,
        /// As written.
        year: i32,
        /// The earliest year taken without a warning.
        earliest: i32,
        /// The latest year taken without a warning.
        latest: i32,
    },
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
