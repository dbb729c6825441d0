//! The careers page of the content file: values, how to apply and open vacancies.

use serde::Deserialize;

use super::{RawCard, RawPageHeader, RawSection, RawText};

/// An open position.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Vacancy")]
pub struct RawVacancy {
    /// The job title.
    pub title: RawText,
    /// Where the job is.
    pub location: RawText,
    /// The last day to apply, as an ISO 8601 date: "2026-12-15". The kiosk shows it in each
    /// language's long form and hides the vacancy from the day after.
    pub closing: String,
    /// The vacancy notice's reference, if any.
    #[serde(default)]
    pub reference: Option<String>,
    /// The address of the vacancy notice, shown as a QR code beside it.
    #[serde(default)]
    pub url: Option<String>,
}

/// The careers page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "CareersPage")]
pub struct RawCareersPage {
    /// Navigation label, title, summary, icon and lead.
    pub header: RawPageHeader,
    /// Heading above the values cards.
    #[serde(default)]
    pub cards_heading: Option<RawText>,
    /// What IOM asks of its staff, as cards.
    #[serde(default)]
    pub cards: Vec<RawCard>,
    /// Sections of running text: equal opportunity, how to apply.
    #[serde(default)]
    pub sections: Vec<RawSection>,
    /// Heading of the vacancy list.
    pub vacancies_heading: RawText,
    /// Open positions; may be empty.
    #[serde(default)]
    pub vacancies: Vec<RawVacancy>,
    /// Shown when there are no vacancies: where to look instead.
    pub no_vacancies: RawText,
    /// Labels for a vacancy's closing date and reference.
    pub closing_label: RawText,
    /// Label before a vacancy's reference.
    pub reference_label: RawText,
}
