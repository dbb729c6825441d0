//! The usage figures for the admin screen: the counts of the last 7 or 30 days as charts
//! (sessions per day, pages viewed, languages chosen) and as CSV for a USB stick. Built from
//! `stats::Usage`; nothing here knows egui.

use jiff::civil::Date;

use crate::content::{Bar, Chart, Content, LangId, Orientation, Text};
use crate::navigation::Page;
use crate::stats::Usage;

/// The spans offered, in days.
pub const SPANS: [u16; 2] = [7, 30];

/// The figures of one span, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageCharts {
    /// Days in the span.
    pub span_days: u16,
    /// The first day counted.
    pub since: Date,
    /// Sessions per day, one bar per day of the span (days without visitors at 0).
    pub sessions: Chart,
    /// Page views per page.
    pub pages: Chart,
    /// Languages chosen.
    pub languages: Chart,
    /// Sessions in the span.
    pub total_sessions: u64,
}

fn text(s: impl Into<String>) -> Text {
    Text::new(vec![s.into()])
}

fn chart(title: &str, unit: &str, orientation: Orientation, bars: Vec<Bar>, source: &str) -> Chart {
    Chart {
        title: text(title),
        unit: text(unit),
        category: None,
        orientation,
        decimals: 0,
        bars,
        source: text(source),
        note: None,
    }
}

impl UsageCharts {
    /// The last `span_days` days up to `today` of `usage`, labelled in `lang` of `content`,
    /// with `words` (title, unit) in the screen's language.
    pub fn new(
        usage: &Usage,
        today: Date,
        span_days: u16,
        content: &Content,
        lang: LangId,
        words: &Words<'_>,
    ) -> Self {
        let since = today
            .checked_sub(jiff::Span::new().days(i64::from(span_days.max(1)) - 1))
            .unwrap_or(today);
        let days = usage.days(Some(since));
        let mut sessions = Vec::new();
        let mut day = since;
        while day <= today {
            let count = days
                .iter()
                .find(|d| d.date == day)
                .map_or(0, |d| d.figures.sessions);
            let label = if span_days <= 7 {
                format!("{}/{}", day.day(), day.month())
            } else {
                day.day().to_string()
            };
            sessions.push(Bar {
                label: text(label),
                value: f64::from(count),
            });
            let Some(next) = day.tomorrow().ok() else {
                break;
            };
            day = next;
        }
        let total = usage.total(Some(since));
        let pages = total
            .page_views
            .iter()
            .map(|(slug, n)| Bar {
                label: text(
                    Page::from_slug(slug)
                        .map_or_else(|| slug.clone(), |page| page_name(content, page, lang)),
                ),
                value: f64::from(*n),
            })
            .collect();
        let languages = total
            .languages
            .iter()
            .map(|(code, n)| Bar {
                label: text(
                    content
                        .language_by_code(code)
                        .map_or_else(|| code.clone(), |l| content.language(l).name.clone()),
                ),
                value: f64::from(*n),
            })
            .collect();
        Self {
            span_days,
            since,
            sessions: chart(
                words.sessions,
                words.unit_sessions,
                Orientation::Vertical,
                sessions,
                words.source,
            ),
            pages: chart(
                words.pages,
                words.unit_views,
                Orientation::Horizontal,
                pages,
                words.source,
            ),
            languages: chart(
                words.languages,
                words.unit_choices,
                Orientation::Horizontal,
                languages,
                words.source,
            ),
            total_sessions: u64::from(total.sessions),
        }
    }
}

/// A page's navigation label in `lang`.
fn page_name(content: &Content, page: Page, lang: LangId) -> String {
    page.header(content).nav_label.get(lang).to_owned()
}

/// The words the charts carry, in the screen's language.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    /// Title of the sessions chart.
    pub sessions: &'a str,
    /// Title of the pages chart.
    pub pages: &'a str,
    /// Title of the languages chart.
    pub languages: &'a str,
    /// Unit of sessions.
    pub unit_sessions: &'a str,
    /// Unit of page views.
    pub unit_views: &'a str,
    /// Unit of language choices.
    pub unit_choices: &'a str,
    /// Where the figures come from.
    pub source: &'a str,
}

/// The name of the CSV file Export writes: `office-kiosk-usage-DATE.csv`.
pub fn export_name(today: Date) -> String {
    format!("office-kiosk-usage-{today}.csv")
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::stats::HourKey;

    fn words() -> Words<'static> {
        Words {
            sessions: "Sessions per day",
            pages: "Pages viewed",
            languages: "Languages chosen",
            unit_sessions: "sessions",
            unit_views: "views",
            unit_choices: "choices",
            source: "this kiosk",
        }
    }

    #[test]
    fn the_last_seven_days_one_bar_a_day_pages_and_languages_by_name() {
        let content = crate::content::embedded().expect("valid content");
        let mut usage = Usage::new();
        let today = date(2026, 11, 30);
        let hour = |d: Date| HourKey { date: d, hour: 10 };
        usage.session(hour(today), 40);
        usage.session(hour(today), 70);
        usage.session(hour(date(2026, 11, 24)), 10);
        // Eight days ago: outside the week.
        usage.session(hour(date(2026, 11, 22)), 10);
        usage.page_view(hour(today), "careers");
        usage.page_view(hour(today), "careers");
        usage.page_view(hour(today), "no-such-page");
        usage.language(hour(today), "es");
        let charts = UsageCharts::new(&usage, today, 7, &content, LangId(0), &words());
        assert_eq!(charts.since, date(2026, 11, 24));
        let values: Vec<f64> = charts.sessions.bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
        assert_eq!(charts.total_sessions, 3);
        let careers = Page::Careers
            .header(&content)
            .nav_label
            .get(LangId(0))
            .to_owned();
        let pages: Vec<(String, f64)> = charts
            .pages
            .bars
            .iter()
            .map(|b| (b.label.get(LangId(0)).to_owned(), b.value))
            .collect();
        assert_eq!(pages, [(careers, 2.0), ("no-such-page".to_owned(), 1.0)]);
        assert_eq!(charts.languages.bars[0].label.get(LangId(0)), "Español");
        let month = UsageCharts::new(&usage, today, 30, &content, LangId(0), &words());
        assert_eq!(month.sessions.bars.len(), 30);
        assert_eq!(month.total_sessions, 4);
        assert_eq!(export_name(today), "office-kiosk-usage-2026-11-30.csv");
    }
}
