//! The contact page: its details, and the QR codes visitors take away, whose payloads are
//! built from those details (no second copy to keep in step).

use std::fmt::Write as _;

use super::{ContactKind, Content, Image, LangId, PageHeader, Section, Text};

/// The most bytes a code may hold: what fits a QR code of version 11 at the lowest error
/// correction (61 modules; 414 points with its quiet zone at 6 points a module), as large as
/// a page shows a code a phone reads from half a metre.
pub const MAX_CODE_BYTES: usize = 321;

/// A contact detail.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactItem {
    /// Kind.
    pub kind: ContactKind,
    /// Label.
    pub label: Text,
    /// Lines.
    pub lines: Vec<Text>,
}

/// What a QR code holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeKind {
    /// The office as a contact card (vCard).
    Contact,
    /// A new email to the office (`mailto:`).
    Email,
    /// An address a phone opens.
    Link(String),
}

/// A QR code and the line under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// What it holds.
    pub kind: CodeKind,
    /// What scanning it does.
    pub caption: Text,
}

/// The contact page.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactPage {
    /// Header.
    pub header: PageHeader,
    /// Contact details.
    pub items: Vec<ContactItem>,
    /// QR codes to take away.
    pub codes: Vec<Code>,
    /// Map.
    pub map: Option<Image>,
    /// Running text.
    pub sections: Vec<Section>,
}

impl ContactPage {
    /// Every line of the details of `kind`, in `lang`.
    fn lines(&self, kind: ContactKind, lang: LangId) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .filter(move |item| item.kind == kind)
            .flat_map(move |item| item.lines.iter().map(move |line| line.get(lang)))
    }
}

impl Content {
    /// What `code` holds in `lang`: the text a phone reads from it.
    pub fn code_payload(&self, code: &Code, lang: LangId) -> String {
        match &code.kind {
            CodeKind::Contact => self.vcard(lang),
            CodeKind::Email => self
                .contact
                .lines(ContactKind::Email, lang)
                .next()
                .map_or_else(String::new, |email| format!("mailto:{}", email.trim())),
            CodeKind::Link(url) => url.clone(),
        }
    }

    /// The office as a vCard 3.0 in `lang`: its name and organisation, and the contact page's
    /// address, phones, emails and web addresses. Address lines that only repeat the
    /// organisation's or the office's name are left out of the address.
    pub fn vcard(&self, lang: LangId) -> String {
        let page = &self.contact;
        let organization = self.identity.organization.get(lang);
        let office = self.identity.office_name.get(lang);
        let address: Vec<&str> = page
            .lines(ContactKind::Address, lang)
            .filter(|line| !line.contains(organization) && !line.contains(office))
            .collect();
        let mut card = String::from("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        let mut field = |name: &str, value: &str| {
            let _ = write!(card, "{name}:{value}\r\n");
        };
        field("N", &format!("{};;;;", escape(office)));
        field("FN", &escape(office));
        field("ORG", &escape(organization));
        if !address.is_empty() {
            field("ADR", &format!(";;{};;;;", escape(&address.join(", "))));
        }
        for phone in page.lines(ContactKind::Phone, lang) {
            field("TEL", phone.trim());
        }
        for email in page.lines(ContactKind::Email, lang) {
            field("EMAIL", email.trim());
        }
        for web in page.lines(ContactKind::Web, lang) {
            field("URL", &web_address(web));
        }
        card.push_str("END:VCARD\r\n");
        card
    }
}

/// A web address as a phone opens it: `www.iom.int` becomes `https://www.iom.int`.
fn web_address(line: &str) -> String {
    let line = line.trim();
    if line.contains("://") {
        line.to_owned()
    } else {
        format!("https://{line}")
    }
}

/// A vCard text value: commas, semicolons and backslashes escaped (RFC 2426).
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, ',' | ';' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
