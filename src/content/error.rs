//! What can be wrong in a content file, in an author's words (where it is, and how bad,
//! is [`problem`](super::problem)'s).

use super::problem::{codepoint, largest, short};

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
    #[error("`{path}` is {}; a bar cannot be negative", short(*.value))]
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
    /// An image whose header says it has no pixels: no width or no height.
    #[error(
        "image `{path}` is {width}x{height} pixels: it has nothing to show; export it again \
         from an image editor"
    )]
    ImageWithoutPixels {
        /// Path as written.
        path: String,
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
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
    /// A chart value with more digits than a chart shows exactly.
    #[error(
        "`{path}` is {}; with `decimals: {decimals}` a chart value has at most {max_digits} \
         digits in all (up to {}): write it in a larger unit, such as thousands or millions",
        short(*.value), largest(*.max_digits, *.decimals)
    )]
    ChartValueTooLarge {
        /// Path of the value.
        path: String,
        /// The value.
        value: f64,
        /// The chart's decimals.
        decimals: u8,
        /// The most digits.
        max_digits: u32,
    },
    /// A text that takes one line (a title, a label, a name) is too long for one line.
    #[error(
        "`{path}` ({language}) has {length} characters; a title, heading, label, name or \
         figure may have at most {max}: shorten it"
    )]
    LineTooLong {
        /// Path of the text.
        path: String,
        /// Language code, or `every language`.
        language: String,
        /// Its length in characters.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A text that takes one line has a line break.
    #[error(
        "`{path}` ({language}) has a line break (`\\n`); a title, heading, label, name or \
         figure is one line: delete it"
    )]
    LineBreakInLine {
        /// Path of the text.
        path: String,
        /// Language code, or `every language`.
        language: String,
    },
    /// A text has more line breaks than a paragraph should.
    #[error(
        "`{path}` ({language}) has {count} line breaks; a text may have at most {max}: \
         write a list as paragraphs or cards instead"
    )]
    TooManyLineBreaks {
        /// Path of the text.
        path: String,
        /// Language code, or `every language`.
        language: String,
        /// How many it has.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A text has a character that is not meant to be seen (a control character, a
    /// zero-width or direction mark, a private-use character).
    #[error(
        "`{path}` ({language}) has {}, {what}, which the kiosk cannot show: delete it \
         (editors often hide it; retype the text around it)",
        codepoint(*.character)
    )]
    InvisibleCharacter {
        /// Path of the text.
        path: String,
        /// Language code, or `every language`.
        language: String,
        /// The character.
        character: char,
        /// What kind of character it is.
        what: &'static str,
    },
    /// A character the kiosk's fonts do not have: it would be drawn as an empty box.
    #[error(
        "`{character}` ({}) cannot be drawn: the kiosk's fonts do not have it (they have \
         Latin, Greek and Cyrillic letters, but not Chinese, Japanese, Korean, Devanagari, \
         emoji or most other scripts); write the text without it",
        codepoint(*.character)
    )]
    MissingGlyph {
        /// The character.
        character: char,
    },
    /// A text written right to left, which the kiosk cannot lay out.
    #[error(
        "this text is in {script}, written right to left; the kiosk cannot lay out \
         right-to-left text yet (its lines would be shown reversed and its letters unjoined)"
    )]
    RightToLeft {
        /// The script, e.g. "Arabic".
        script: &'static str,
    },
    /// A date in a year no vacancy closes in.
    #[error(
        "`{path}` is in the year {year}; a closing date is between {earliest} and {latest}: \
         check the year"
    )]
    DateOutOfRange {
        /// Path of the date.
        path: String,
        /// Its year.
        year: i16,
        /// The earliest year allowed.
        earliest: i16,
        /// The latest year allowed.
        latest: i16,
    },
    /// The language switch and the reading settings' button do not fit a screen.
    #[error(
        "the language switch and the `{display}` button take {width:.0} points, and a \
         {screen} screen has room for {room:.0}: use shorter language names or fewer \
         languages"
    )]
    LanguageSwitchTooWide {
        /// The reading settings' button's label, in the language measured.
        display: String,
        /// The width they take.
        width: f32,
        /// The screen.
        screen: String,
        /// The room there.
        room: f32,
    },
}
