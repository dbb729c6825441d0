//! The careers page: values, how to apply, and the open vacancies.

use super::{Card, PageHeader, Section, Text};

/// An open position.
#[derive(Debug, Clone, PartialEq)]
pub struct Vacancy {
    /// Job title.
    pub title: Text,
    /// Where.
    pub location: Text,
    /// Last day to apply.
    pub closing: Text,
    /// Reference.
    pub reference: Option<String>,
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
