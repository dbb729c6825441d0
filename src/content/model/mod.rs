//! The validated content model: what the pages draw from.
//!
//! Every [`Text`] here has a string for every declared language, within the length limit;
//! every list is within its limit; every chart has 1 to 100 bars with finite, non-negative
//! values and at most 6 decimals; every image lies inside the content folder and was
//! checked (its header, or fully decoded for `check`), and is decoded at its drawn size
//! only when shown. Nothing here knows about egui or about how the file is parsed.

use std::path::PathBuf;

mod careers;
mod contact;
mod kinds;
mod number;

pub use careers::{CareersPage, Vacancy, long_date};
pub use contact::{
    Code, CodeKind, ContactItem, ContactPage, MAX_CODE_BYTES, MAX_CODE_BYTES_UTF8, code_budget,
};
pub use kinds::{ContactKind, Icon, Orientation};
pub use number::format_number;

/// Index of a declared language in [`Content::languages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct LangId(pub usize);

/// A declared language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The code used in the content file: `en`.
    pub code: String,
    /// The language's name in itself: "English".
    pub name: String,
    /// Decimal separator for numbers.
    pub decimal_separator: String,
    /// Thousands separator for numbers.
    pub thousands_separator: String,
}

/// A text with one string per declared language, indexed by [`LangId`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<String>);

impl Text {
    /// A text from its translations, one per language in [`Content::languages`] order.
    pub fn new(translations: Vec<String>) -> Self {
        Self(translations)
    }

    /// The text in `lang`, falling back to the first language.
    pub fn get(&self, lang: LangId) -> &str {
        self.0
            .get(lang.0)
            .or_else(|| self.0.first())
            .map_or("", String::as_str)
    }
}

/// Decoded RGBA pixels of an image, shared between content versions.
#[derive(Clone, PartialEq, Eq)]
pub struct Pixels {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes, unpremultiplied sRGBA.
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for Pixels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pixels({}x{})", self.width, self.height)
    }
}

/// Where an image's bytes are.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum ImageData {
    /// Embedded in the binary.
    Embedded(&'static [u8]),
    /// A file inside the content folder.
    File {
        /// Its full path.
        path: PathBuf,
        /// Changes when the file changes (size and modification time).
        stamp: u64,
    },
}

impl std::fmt::Debug for ImageData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Embedded(bytes) => write!(f, "Embedded({} bytes)", bytes.len()),
            Self::File { path, stamp } => write!(f, "File({}, {stamp:x})", path.display()),
        }
    }
}

/// An image from the content folder: checked, and decoded only when shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The path as written in the content file.
    pub path: String,
    /// Where its bytes are.
    pub data: ImageData,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// What it shows, for screen readers.
    pub alt: Text,
    /// The caption under it.
    pub caption: Option<Text>,
}

/// The whole validated content.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// Declared languages, in switch order. Never empty.
    pub languages: Vec<Language>,
    /// The language the kiosk starts in.
    pub default_language: LangId,
    /// The office's names.
    pub identity: Identity,
    /// Interface labels.
    pub labels: Labels,
    /// The start page.
    pub home: HomePage,
    /// About the organisation.
    pub about: ArticlePage,
    /// The country office's profile.
    pub office: ArticlePage,
    /// Facts and figures.
    pub facts: FactsPage,
    /// Careers.
    pub careers: CareersPage,
    /// Contact.
    pub contact: ContactPage,
}

impl Content {
    /// The language with this code, if declared.
    pub fn language_by_code(&self, code: &str) -> Option<LangId> {
        self.languages
            .iter()
            .position(|l| l.code.eq_ignore_ascii_case(code))
            .map(LangId)
    }

    /// The declared language at `lang` (the default if out of range).
    pub fn language(&self, lang: LangId) -> &Language {
        self.languages
            .get(lang.0)
            .or_else(|| self.languages.get(self.default_language.0))
            .unwrap_or(&self.languages[0])
    }

    /// Every image the content shows, for preloading.
    pub fn images(&self) -> impl Iterator<Item = &Image> {
        [
            self.about.image.as_ref(),
            self.office.image.as_ref(),
            self.contact.map.as_ref(),
        ]
        .into_iter()
        .flatten()
    }
}

/// The office's names.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// The organisation's full name.
    pub organization: Text,
    /// The organisation's acronym.
    pub acronym: Text,
    /// The office's name.
    pub office_name: Text,
}

/// Interface labels used across pages: one field per word of the interface, as the content
/// file names them, so the list is long by nature.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    /// Name of the navigation area.
    pub navigation: Text,
    /// Name of the language switch.
    pub language: Text,
    /// "Source".
    pub source: Text,
    /// Heading of the idle warning.
    pub idle_title: Text,
    /// Countdown line with a `{seconds}` placeholder.
    pub idle_countdown: Text,
    /// The button on the idle warning.
    pub touch_to_continue: Text,
    /// The attract loop's invitation.
    pub attract_invite: Text,
    /// The button that opens the reading settings.
    pub display: Text,
    /// The larger-text setting.
    pub larger_text: Text,
    /// The high-contrast setting.
    pub high_contrast: Text,
    /// The less-motion setting.
    pub less_motion: Text,
    /// The button that shows a chart as a table.
    pub show_table: Text,
    /// The button that shows the chart again.
    pub show_chart: Text,
    /// The countdown's sentence when one second is left.
    pub idle_countdown_one: Text,
}

/// The start page.
#[derive(Debug, Clone, PartialEq)]
pub struct HomePage {
    /// Navigation label.
    pub nav_label: Text,
    /// Greeting.
    pub title: Text,
    /// Welcome text.
    pub welcome: Text,
    /// Invitation to touch a tile.
    pub hint: Text,
}

/// What every section page has.
#[derive(Debug, Clone, PartialEq)]
pub struct PageHeader {
    /// Navigation label.
    pub nav_label: Text,
    /// Heading.
    pub title: Text,
    /// One line for the home tile.
    pub summary: Text,
    /// Icon.
    pub icon: Icon,
    /// Opening paragraph.
    pub lead: Option<Text>,
}

/// A heading with paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Heading.
    pub heading: Text,
    /// Paragraphs.
    pub paragraphs: Vec<Text>,
    /// A QR code beside the text.
    pub code: Option<Code>,
}

/// An icon, a title and a short text.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Icon.
    pub icon: Icon,
    /// Title.
    pub title: Text,
    /// Text.
    pub text: Text,
}

/// A big figure and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    /// The figure.
    pub value: Text,
    /// Its meaning.
    pub label: Text,
}

/// A page of text.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticlePage {
    /// Header.
    pub header: PageHeader,
    /// Big figures.
    pub highlights: Vec<Highlight>,
    /// Their source.
    pub highlights_source: Option<Text>,
    /// Heading above the cards.
    pub cards_heading: Option<Text>,
    /// Cards.
    pub cards: Vec<Card>,
    /// Running text.
    pub sections: Vec<Section>,
    /// An image.
    pub image: Option<Image>,
}

/// A headline fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// The figure with its unit.
    pub value: Text,
    /// What it measures.
    pub label: Text,
    /// The year it refers to.
    pub year: i32,
    /// Where it comes from.
    pub source: Text,
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Category.
    pub label: Text,
    /// Finite, non-negative value.
    pub value: f64,
}

/// A bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Title.
    pub title: Text,
    /// What the values count.
    pub unit: Text,
    /// What the bars are: the heading of their column in the chart's table.
    pub category: Option<Text>,
    /// Which way the bars run.
    pub orientation: Orientation,
    /// Digits after the decimal point.
    pub decimals: u8,
    /// At least one bar.
    pub bars: Vec<Bar>,
    /// Where the data comes from.
    pub source: Text,
    /// A note under the chart.
    pub note: Option<Text>,
}

impl Chart {
    /// The largest value, the top of the scale.
    pub fn max_value(&self) -> f64 {
        self.bars.iter().map(|b| b.value).fold(0.0, f64::max)
    }
}

/// The facts and figures page.
#[derive(Debug, Clone, PartialEq)]
pub struct FactsPage {
    /// Header.
    pub header: PageHeader,
    /// Headline facts.
    pub facts: Vec<Fact>,
    /// Charts.
    pub charts: Vec<Chart>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_to_the_first_language() {
        let text = Text::new(vec!["Home".into()]);
        assert_eq!(text.get(LangId(3)), "Home");
    }
}
