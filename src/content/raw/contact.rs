//! The contact page of the content file: contact details and the QR codes built from them.

use serde::Deserialize;

use super::super::model::ContactKind;
use super::{RawImage, RawPageHeader, RawSection, RawText};

/// One contact detail.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "ContactItem")]
pub struct RawContactItem {
    /// Which kind of detail this is.
    pub kind: ContactKind,
    /// What it is: "Telephone".
    pub label: RawText,
    /// The detail itself, one line each.
    pub lines: Vec<RawText>,
}

/// What a QR code holds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "CodeKind")]
pub enum RawCodeKind {
    /// The office as a contact card (vCard), built from the contact page's details.
    Contact,
    /// A new email to the contact page's email address (`mailto:`).
    Email,
    /// An address a phone opens: `https://...`, `mailto:...` or `tel:...`.
    Link(String),
}

/// A QR code visitors scan to take something away on their phone.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Code")]
pub struct RawCode {
    /// What it holds.
    pub kind: RawCodeKind,
    /// The line under the code: what scanning it does.
    pub caption: RawText,
}

/// The older way to write one link code on the contact page (`qr: Some(Qr(url, caption))`),
/// still read: it is shown as a `Link` code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Qr")]
pub struct RawQr {
    /// The address the code holds.
    pub url: String,
    /// The line under the code.
    pub caption: RawText,
}

/// The contact page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "ContactPage")]
pub struct RawContactPage {
    /// Navigation label, title, summary, icon and lead.
    pub header: RawPageHeader,
    /// Address, phones, email, web.
    pub items: Vec<RawContactItem>,
    /// QR codes visitors take away: the office's contact card, an email, a page.
    #[serde(default)]
    pub codes: Vec<RawCode>,
    /// One link code, written the older way; `codes` replaces it.
    #[serde(default)]
    pub qr: Option<RawQr>,
    /// A map locating the office.
    #[serde(default)]
    pub map: Option<RawImage>,
    /// More text: the regional office.
    #[serde(default)]
    pub sections: Vec<RawSection>,
}
