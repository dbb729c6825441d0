//! The raw content file: serde structs that mirror `content/*.ron` one to one.
//!
//! Nothing here is checked beyond what serde checks (field names, types, enum variants).
//! `validate` turns these into the rich, checked [`super::model`] types. Each type is
//! named for serde as the file names it (`HomePage`, not `RawHomePage`), so parser messages use
//! the author's words. The choices by name (icons, kinds of contact detail, orientations)
//! need no checking and are the model's own enums.

use serde::Deserialize;

use super::model::{Icon, Orientation};

mod careers;
mod contact;
mod text;

pub use careers::{RawCareersPage, RawVacancy};
pub use contact::{RawCode, RawCodeKind, RawContactItem, RawContactPage, RawQr};
pub use text::RawText;

/// The whole content file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Content")]
pub struct RawContent {
    /// Every language the file has texts in, in the order the language switch shows them.
    pub languages: Vec<RawLanguage>,
    /// The code of the language the kiosk starts in and returns to.
    pub default_language: String,
    /// Who the office is.
    pub identity: RawIdentity,
    /// Interface labels that belong to no page.
    pub labels: RawLabels,
    /// The start page.
    pub home: RawHomePage,
    /// About the organisation as a whole.
    pub about: RawArticlePage,
    /// The country office's own profile.
    pub office: RawArticlePage,
    /// Headline facts and charts.
    pub facts: RawFactsPage,
    /// Working for the organisation, and open vacancies.
    pub careers: RawCareersPage,
    /// How to reach the office.
    pub contact: RawContactPage,
}

/// A language the content is written in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Language")]
pub struct RawLanguage {
    /// A short code such as `en` or `es`, used as the key of every [`RawText`].
    pub code: String,
    /// The language's name in itself: "English", "Español".
    pub name: String,
    /// Decimal separator for numbers on charts; `.` unless given.
    #[serde(default)]
    pub decimal_separator: Option<String>,
    /// Thousands separator for numbers on charts; `,` unless given.
    #[serde(default)]
    pub thousands_separator: Option<String>,
}

/// The office's names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Identity")]
pub struct RawIdentity {
    /// The organisation's full name.
    pub organization: RawText,
    /// The organisation's acronym (IOM, OIM).
    pub acronym: RawText,
    /// The office's name as shown at the top of every page.
    pub office_name: RawText,
}

/// Interface labels used across pages: one field per word of the interface, so the list is
/// long by nature.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Labels")]
pub struct RawLabels {
    /// Name of the navigation area, for screen readers.
    pub navigation: RawText,
    /// Name of the language switch.
    pub language: RawText,
    /// The word before a source: "Source".
    pub source: RawText,
    /// Heading of the idle warning: "Are you still there?".
    pub idle_title: RawText,
    /// Countdown line; `{seconds}` is replaced with the seconds left.
    pub idle_countdown: RawText,
    /// The big button on the idle warning.
    pub touch_to_continue: RawText,
    /// The invitation shown by the attract loop.
    pub attract_invite: RawText,
    /// The button beside the language switch that opens the reading settings ("Read better").
    /// This and the labels below may be missing from files written before they existed:
    /// the kiosk then uses its built-in texts, and `check` warns.
    #[serde(default)]
    pub display: Option<RawText>,
    /// The setting that draws text and controls larger ("Larger text").
    #[serde(default)]
    pub larger_text: Option<RawText>,
    /// The setting that switches to the high-contrast colours ("High contrast").
    #[serde(default)]
    pub high_contrast: Option<RawText>,
    /// The setting that stops fades and growing bars ("Less motion").
    #[serde(default)]
    pub less_motion: Option<RawText>,
    /// The button that shows a chart as a table ("Show as table").
    #[serde(default)]
    pub show_table: Option<RawText>,
    /// The button that shows the chart again ("Show as chart").
    #[serde(default)]
    pub show_chart: Option<RawText>,
    /// The countdown's sentence when one second is left ("... in 1 second"), for languages
    /// whose noun changes with the number; the built-in one when missing.
    #[serde(default)]
    pub idle_countdown_one: Option<RawText>,
}

/// The start page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "HomePage")]
pub struct RawHomePage {
    /// The label of the page's navigation button.
    pub nav_label: RawText,
    /// The large greeting.
    pub title: RawText,
    /// A few sentences of welcome.
    pub welcome: RawText,
    /// A short line that invites a touch on a tile.
    pub hint: RawText,
}

/// What every section page has in common.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "PageHeader")]
pub struct RawPageHeader {
    /// The label of the page's navigation button (short).
    pub nav_label: RawText,
    /// The page's heading.
    pub title: RawText,
    /// One line saying what is on the page, shown on its home tile.
    pub summary: RawText,
    /// The page's icon in the navigation and on its home tile.
    pub icon: Icon,
    /// The opening paragraph, set larger than the rest.
    #[serde(default)]
    pub lead: Option<RawText>,
}

/// A heading with paragraphs under it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Section")]
pub struct RawSection {
    /// The section's heading.
    pub heading: RawText,
    /// Its paragraphs, each a few sentences.
    pub paragraphs: Vec<RawText>,
    /// A QR code beside the text, such as the careers page's address under "How to apply".
    #[serde(default)]
    pub code: Option<RawCode>,
}

/// A card with an icon, a title and a short text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Card")]
pub struct RawCard {
    /// The card's icon.
    pub icon: Icon,
    /// The card's title.
    pub title: RawText,
    /// One to three sentences.
    pub text: RawText,
}

/// A big figure with what it means: "1951 · founded".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Highlight")]
pub struct RawHighlight {
    /// The figure as it is written: "1951", "175".
    pub value: RawText,
    /// What the figure is.
    pub label: RawText,
}

/// An image file inside the content folder.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Image")]
pub struct RawImage {
    /// Path relative to the content file's folder.
    pub path: String,
    /// What the image shows, for screen readers.
    pub alt: RawText,
    /// A caption shown under the image.
    #[serde(default)]
    pub caption: Option<RawText>,
}

/// A page of text: sections, optional highlight figures, cards and an image.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "ArticlePage")]
pub struct RawArticlePage {
    /// Navigation label, title, summary, icon and lead.
    pub header: RawPageHeader,
    /// Big figures shown in a row under the lead.
    #[serde(default)]
    pub highlights: Vec<RawHighlight>,
    /// Where the highlight figures come from.
    #[serde(default)]
    pub highlights_source: Option<RawText>,
    /// Heading above the cards.
    #[serde(default)]
    pub cards_heading: Option<RawText>,
    /// Cards shown in a grid.
    #[serde(default)]
    pub cards: Vec<RawCard>,
    /// Sections of running text.
    #[serde(default)]
    pub sections: Vec<RawSection>,
    /// An image shown beside (landscape) or under (portrait) the text.
    #[serde(default)]
    pub image: Option<RawImage>,
}

/// One headline fact.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Fact")]
pub struct RawFact {
    /// The figure as written, with its unit: "USD 139.5 million".
    pub value: RawText,
    /// What the figure measures.
    pub label: RawText,
    /// The year the figure refers to.
    pub year: i32,
    /// Where the figure comes from.
    pub source: RawText,
}

/// One bar of a chart.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Bar")]
pub struct RawBar {
    /// The bar's category: a year or a country.
    pub label: RawText,
    /// The bar's value, in the chart's unit.
    pub value: f64,
}

/// A bar chart.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Chart")]
pub struct RawChart {
    /// The chart's title.
    pub title: RawText,
    /// What the values count: "people".
    pub unit: RawText,
    /// What the bars are, as the heading of their column when the chart is shown as a
    /// table: "Year", "Country of origin".
    #[serde(default)]
    pub category: Option<RawText>,
    /// Which way the bars run.
    pub orientation: Orientation,
    /// Digits after the decimal point when values are written; 0 unless given.
    #[serde(default)]
    pub decimals: u32,
    /// The bars, in the order shown.
    pub bars: Vec<RawBar>,
    /// Where the data comes from (shown after "Source:").
    pub source: RawText,
    /// A note under the chart.
    #[serde(default)]
    pub note: Option<RawText>,
}

/// The facts and figures page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "FactsPage")]
pub struct RawFactsPage {
    /// Navigation label, title, summary, icon and lead.
    pub header: RawPageHeader,
    /// Headline facts, shown as large cards.
    pub facts: Vec<RawFact>,
    /// Bar charts.
    pub charts: Vec<RawChart>,
}
