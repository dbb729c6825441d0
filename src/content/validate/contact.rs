//! The contact page and QR codes: every link a phone can open, every code built from details
//! the page has, and small enough to scan from the screen.

use super::super::error::ProblemKind;
use super::super::limits::CLOSING_YEARS;
use super::super::model::{
    Code, CodeKind, ContactItem, ContactKind, ContactPage, Content, LangId, MAX_CODE_BYTES,
};
use super::super::raw::{RawCode, RawCodeKind, RawContactPage};
use super::Validator;

/// The schemes a phone opens from a code shown on a kiosk.
const OPENABLE: [&str; 4] = ["https://", "http://", "mailto:", "tel:"];

impl Validator<'_> {
    pub(super) fn contact(&mut self, raw: &RawContactPage) -> ContactPage {
        let items: Vec<ContactItem> = self
            .within_limit(&raw.items, "contact.items")
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let path = format!("contact.items[{i}]");
                ContactItem {
                    kind: item.kind,
                    label: self.line(&item.label, &format!("{path}.label")),
                    // Each line one line: a line break would start a new property of the
                    // contact card a phone reads.
                    lines: item
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(j, line)| self.line(line, &format!("{path}.lines[{j}]")))
                        .collect(),
                }
            })
            .collect();
        let mut codes: Vec<Code> = self
            .within_limit(&raw.codes, "contact.codes")
            .iter()
            .enumerate()
            .map(|(i, code)| self.code(code, &format!("contact.codes[{i}]")))
            .collect();
        if let Some(qr) = &raw.qr {
            self.warnings
                .push(("contact.qr".to_owned(), ProblemKind::OlderQr));
            self.link(&qr.url, "contact.qr.url");
            codes.push(Code {
                kind: CodeKind::Link(qr.url.clone()),
                caption: self.text(&qr.caption, "contact.qr.caption"),
            });
        }
        let has = |kind| items.iter().any(|item: &ContactItem| item.kind == kind);
        for (i, code) in codes.iter().enumerate() {
            let needs = match code.kind {
                CodeKind::Email if !has(ContactKind::Email) => "an `Email` contact item",
                CodeKind::Contact if items.is_empty() => "contact items",
                _ => continue,
            };
            self.problem(
                format!("contact.codes[{i}].kind"),
                ProblemKind::CodeWithoutDetail {
                    path: format!("contact.codes[{i}]"),
                    needs,
                },
            );
        }
        ContactPage {
            header: self.header(&raw.header, "contact"),
            items,
            codes,
            map: self.image(raw.map.as_ref(), "contact.map"),
            sections: self.sections(&raw.sections, "contact.sections"),
        }
    }

    /// A code: a link is checked to be one a phone opens.
    pub(super) fn code(&mut self, raw: &RawCode, path: &str) -> Code {
        let kind = match &raw.kind {
            RawCodeKind::Contact => CodeKind::Contact,
            RawCodeKind::Email => CodeKind::Email,
            RawCodeKind::Link(url) => {
                self.link(url, &format!("{path}.kind"));
                CodeKind::Link(url.clone())
            }
        };
        Code {
            kind,
            caption: self.text(&raw.caption, &format!("{path}.caption")),
        }
    }

    /// A date written `YYYY-MM-DD`; a day that does not exist is an error.
    /// A year outside [`CLOSING_YEARS`] is an error too.
    pub(super) fn date(&mut self, raw: &str, path: &str) -> jiff::civil::Date {
        match raw.trim().parse::<jiff::civil::Date>() {
            Ok(date) if CLOSING_YEARS.contains(&date.year()) => date,
            Ok(date) => {
                self.problem(
                    path,
                    ProblemKind::DateOutOfRange {
                        path: path.to_owned(),
                        year: date.year(),
                        earliest: *CLOSING_YEARS.start(),
                        latest: *CLOSING_YEARS.end(),
                    },
                );
                jiff::civil::Date::MIN
            }
            Err(_) => {
                self.problem(
                    path,
                    ProblemKind::NotADate {
                        path: path.to_owned(),
                        written: raw.chars().take(40).collect(),
                    },
                );
                jiff::civil::Date::MIN
            }
        }
    }

    /// A vacancy's closing day: one that has passed, on a clock that can be trusted, is a
    /// warning (the kiosk no longer shows the vacancy).
    pub(super) fn closing(&mut self, raw: &str, path: &str) -> jiff::civil::Date {
        let closing = self.date(raw, path);
        if closing != jiff::civil::Date::MIN && self.today.is_some_and(|today| closing < today) {
            self.warnings.push((
                path.to_owned(),
                ProblemKind::VacancyClosed {
                    path: path.to_owned(),
                    closing: closing.to_string(),
                },
            ));
        }
        closing
    }

    /// An address a code holds: one a phone opens, short enough to scan.
    pub(super) fn link(&mut self, url: &str, path: &str) {
        let url = url.trim();
        let openable = OPENABLE.iter().any(|scheme| {
            // `get`: a link may hold any character where a scheme's ASCII is expected.
            url.len() > scheme.len()
                && url
                    .get(..scheme.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
        });
        if !openable {
            self.problem(
                path,
                ProblemKind::UnopenableLink {
                    path: path.to_owned(),
                    url: url.chars().take(60).collect(),
                },
            );
        } else if url.len() > MAX_CODE_BYTES {
            self.problem(
                path,
                ProblemKind::CodeTooLong {
                    path: path.to_owned(),
                    bytes: url.len(),
                    max: MAX_CODE_BYTES,
                },
            );
        }
    }
}

/// Every code of the content whose payload, in some language, is too long to scan.
pub(super) fn codes_fit(content: &Content) -> Vec<(String, ProblemKind)> {
    let contact = content
        .contact
        .codes
        .iter()
        .enumerate()
        .map(|(i, code)| (format!("contact.codes[{i}]"), code));
    let mut problems = Vec::new();
    for (path, code) in contact {
        // The payload furthest over its room, in any language.
        let worst = (0..content.languages.len())
            .map(|i| {
                let payload = content.code_payload(code, LangId(i));
                (payload.len(), super::super::model::code_budget(&payload))
            })
            .max_by_key(|(bytes, max)| bytes.cast_signed() - max.cast_signed());
        if let Some((bytes, max)) = worst.filter(|(bytes, max)| bytes > max) {
            problems.push((
                format!("{path}.kind"),
                ProblemKind::CodeTooLong { path, bytes, max },
            ));
        }
    }
    problems
}
