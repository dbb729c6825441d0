//! The careers page: values, how to apply, and the open vacancies.

use jiff::civil::Date;

use super::{Card, PageHeader, Section, Text};

/// An open position.
#[derive(Debug, Clone, PartialEq)]
pub struct Vacancy {
    /// Job title.
    pub title: Text,
    /// Where.
    pub location: Text,
    /// Last day to apply: the kiosk hides the vacancy from the day after.
    pub closing: Date,
    /// Reference.
    pub reference: Option<String>,
    /// The vacancy notice, shown as a QR code.
    pub url: Option<String>,
}

impl Vacancy {
    /// Whether the vacancy is still open on `today`: it closes at the end of its closing day.
    pub fn is_open(&self, today: Date) -> bool {
        today <= self.closing
    }
}

/// `date` in the long form of the language with `code`: "15 December 2026" in English,
/// "15 de diciembre de 2026" in Spanish; the ISO form ("2026-12-15") for other languages,
/// which everyone reads.
pub fn long_date(date: Date, code: &str) -> String {
    const ENGLISH: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const SPANISH: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    let month = usize::try_from(date.month() - 1).unwrap_or(0);
    let base = code
        .split(['-', '_'])
        .next()
        .unwrap_or(code)
        .to_ascii_lowercase();
    match base.as_str() {
        "en" => format!("{} {} {}", date.day(), ENGLISH[month], date.year()),
        "es" => format!("{} de {} de {}", date.day(), SPANISH[month], date.year()),
        _ => date.to_string(),
    }
}

/// The careers page.
#[derive(Debug, Clone, PartialEq)]
pub struct CareersPage {
    /// Header.
    pub header: PageHeader,
    /// Heading above the cards.
    pub cards_heading: Option<Text>,
    /// Values cards.
    pub cards: Vec<Card>,
    /// Running text.
    pub sections: Vec<Section>,
    /// Heading of the vacancy list.
    pub vacancies_heading: Text,
    /// Open positions.
    pub vacancies: Vec<Vacancy>,
    /// Shown when there are none.
    pub no_vacancies: Text,
    /// "Apply by".
    pub closing_label: Text,
    /// "Reference".
    pub reference_label: Text,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_languages_long_form() {
        let date = jiff::civil::date(2026, 12, 15);
        assert_eq!(long_date(date, "en"), "15 December 2026");
        assert_eq!(long_date(date, "es"), "15 de diciembre de 2026");
        assert_eq!(long_date(date, "es-BZ"), "15 de diciembre de 2026");
        assert_eq!(long_date(date, "bzj"), "2026-12-15");
        assert_eq!(
            long_date(jiff::civil::date(2027, 1, 3), "en"),
            "3 January 2027"
        );
    }
}
