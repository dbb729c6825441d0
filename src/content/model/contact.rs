//! The contact page: its details, and the QR codes visitors take away, whose payloads are
//! built from those details (no second copy to keep in step).

use super::{ContactKind, Content, Image, LangId, PageHeader, Section, Text};

/// The most bytes a code may hold: what fits a QR code of version 11 at the lowest error
/// correction (61 modules; 414 points with its quiet zone at 6 points a module), as large as
/// a page shows a code a phone reads from half a metre.
pub const MAX_CODE_BYTES: usize = 321;

/// The most bytes a code may hold when its text is not plain ASCII: the UTF-8 designator
/// (an ECI segment, 12 bits) takes a byte and a half of the same room.
pub const MAX_CODE_BYTES_UTF8: usize = 320;

/// The most bytes `payload` may have in a code.
pub fn code_budget(payload: &str) -> usize {
    if payload.is_ascii() {
        MAX_CODE_BYTES
    } else {
        MAX_CODE_BYTES_UTF8
    }
}

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

    /// The office as a vCard 3.0 in `lang` (the version Android's contacts import and every
    /// phone read): its name and organisation, and the contact page's address (structured:
    /// the lines before the last two as the street, the one before the last as the place,
    /// the last as the country), phones (work, voice), emails and web addresses. Address
    /// lines that only repeat the organisation's or the office's name are left out of the
    /// address. Every value is escaped and every line folded at 75 octets (RFC 2426).
    pub fn vcard(&self, lang: LangId) -> String {
        let page = &self.contact;
        let organization = self.identity.organization.get(lang);
        let office = self.identity.office_name.get(lang);
        let address: Vec<&str> = page
            .lines(ContactKind::Address, lang)
            .map(str::trim)
            .filter(|line| !line.contains(organization) && !line.contains(office))
            .collect();
        let mut card = String::new();
        let mut field = |name: &str, value: &str| fold_into(&mut card, &format!("{name}:{value}"));
        field("BEGIN", "VCARD");
        field("VERSION", "3.0");
        field("N", &format!("{};;;;", escape(office)));
        field("FN", &escape(office));
        field("ORG", &escape(organization));
        if let Some(adr) = structured_address(&address) {
            field("ADR;TYPE=WORK", &adr);
        }
        for phone in page.lines(ContactKind::Phone, lang) {
            field("TEL;TYPE=WORK,VOICE", &escape(phone.trim()));
        }
        for email in page.lines(ContactKind::Email, lang) {
            field("EMAIL", &escape(email.trim()));
        }
        for web in page.lines(ContactKind::Web, lang) {
            field("URL", &escape(&web_address(web)));
        }
        field("END", "VCARD");
        card
    }
}

/// The ADR value for `lines` (post office box and extended address empty): the lines
/// before the last two as the street, the one before the last as the place, the last as
/// the country; one line is the street alone. The content's own words, never split further
/// (a postal code written into the place stays there).
fn structured_address(lines: &[&str]) -> Option<String> {
    let (street, place, country): (Vec<&str>, &str, &str) = match lines {
        [] => return None,
        [street] => (vec![*street], "", ""),
        [street, country] => (vec![*street], "", *country),
        [street @ .., place, country] => (street.to_vec(), *place, *country),
    };
    let street: Vec<String> = street.iter().map(|s| escape(s)).collect();
    Some(format!(
        ";;{};{};;;{}",
        street.join("\\n"),
        escape(place),
        escape(country)
    ))
}

/// Appends `line` to `card` folded at 75 octets, each continuation starting with a space,
/// never inside a character; then CRLF.
fn fold_into(card: &mut String, line: &str) {
    const OCTETS: usize = 75;
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > OCTETS {
            card.push_str("\r\n ");
            width = 1;
        }
        card.push(c);
        width += c.len_utf8();
    }
    card.push_str("\r\n");
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

/// A vCard text value: backslashes, commas and semicolons escaped, a line break written
/// `\n`, any other control character left out (RFC 2426; `check` refuses them anyway).
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            ',' | ';' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
