//! Usage figures, private by design: how often the kiosk is used, counted per day and hour
//! and kept on the machine. Nothing personal and nothing finer than the hour is counted:
//! page views per page, language choices, reading settings turned on, visitor sessions
//! and their lengths (in bands, and in total).
//!
//! This module is the model and knows nothing of egui or of the app: pages, languages and
//! settings are named by the keys the app gives (`"careers"`, `"es"`, `"larger_text"`).
//!
//! - [`Usage`] holds the counts keyed by [`HourKey`] (a date and an hour); it merges with
//!   another, forgets the oldest days up to today, never later ones ([`Usage::prune`]),
//!   and sums them per day
//!   ([`Usage::days`]) or over a span ([`Usage::total`]), both from a `since` date.
//! - [`store`] keeps it in one small file, written whole and atomically; [`Usage::load`]
//!   reads that file for the `stats` command and the admin screen.
//! - [`table`] and [`csv`] write the figures for people and for spreadsheets.
//!
//! ```no_run
//! # fn main() -> Result<(), office_kiosk::stats::StatsError> {
//! use office_kiosk::stats::{self, Usage};
//! let usage = Usage::load(std::path::Path::new("/var/lib/office-kiosk/usage.ron"))?;
//! let since = jiff::civil::date(2026, 11, 1);
//! for day in usage.days(Some(since)) {
//!     println!("{}: {} sessions", day.date, day.figures.sessions);
//! }
//! let spreadsheet = stats::csv(&usage, Some(since));
//! # Ok(()) }
//! ```

mod file;
mod report;
pub mod store;

use std::collections::BTreeMap;

use jiff::civil::{Date, DateTime};

pub use file::{StatsError, parse, to_ron};
pub use report::{csv, table};

/// How many days with figures are kept: the oldest are forgotten, so the file stays small
/// (days dated after today are kept besides; see [`Usage::prune`]).
pub const KEEP_DAYS: i32 = 400;

/// The bands session lengths are counted in: each band holds lengths below its bound, in
/// seconds; the last holds every longer one.
pub const LENGTH_BANDS: [LengthBand; 5] = [
    LengthBand {
        below_secs: Some(30),
        label: "under 30 s",
    },
    LengthBand {
        below_secs: Some(60),
        label: "30 s to 1 min",
    },
    LengthBand {
        below_secs: Some(180),
        label: "1 to 3 min",
    },
    LengthBand {
        below_secs: Some(600),
        label: "3 to 10 min",
    },
    LengthBand {
        below_secs: None,
        label: "10 min or more",
    },
];

/// A band of session lengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LengthBand {
    /// Lengths below this many seconds fall in the band (unless an earlier band took them);
    /// `None` for the last band, which has no upper bound.
    pub below_secs: Option<u64>,
    /// The band in words, for tables and charts: `"1 to 3 min"`.
    pub label: &'static str,
}

/// The index in [`LENGTH_BANDS`] of a session `secs` long.
pub fn length_band(secs: u64) -> usize {
    LENGTH_BANDS
        .iter()
        .position(|band| band.below_secs.is_none_or(|below| secs < below))
        .unwrap_or(LENGTH_BANDS.len() - 1)
}

/// An hour of a day, the finest time the figures know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HourKey {
    /// The local date.
    pub date: Date,
    /// The local hour, 0 to 23.
    pub hour: u8,
}

impl HourKey {
    /// The hour `at` falls in.
    pub fn of(at: DateTime) -> Self {
        Self {
            date: at.date(),
            hour: u8::try_from(at.hour()).unwrap_or(0),
        }
    }
}

/// The counts of one hour, or summed over several.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// Visitor sessions (kiosk mode): from the first touch after the attract loop (or after
    /// the kiosk started) to the idle reset. Filed under the hour the session started.
    pub sessions: u32,
    /// The sessions' lengths added up, in seconds: from the first touch to the last one.
    pub session_secs: u64,
    /// How many sessions fell in each band of [`LENGTH_BANDS`].
    pub session_lengths: [u32; LENGTH_BANDS.len()],
    /// How often each page was opened, by the page's name (`"careers"`).
    pub page_views: BTreeMap<String, u32>,
    /// How often each language was chosen, by its code (`"es"`).
    pub languages: BTreeMap<String, u32>,
    /// How often each reading setting was turned on, by its key (`"larger_text"`).
    pub settings: BTreeMap<String, u32>,
}

impl Figures {
    /// Whether nothing is counted.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// All page views.
    pub fn page_view_total(&self) -> u64 {
        self.page_views.values().map(|&n| u64::from(n)).sum()
    }

    /// All language choices.
    pub fn language_total(&self) -> u64 {
        self.languages.values().map(|&n| u64::from(n)).sum()
    }

    /// All settings turned on.
    pub fn setting_total(&self) -> u64 {
        self.settings.values().map(|&n| u64::from(n)).sum()
    }

    /// The mean session length in whole seconds, if there was a session.
    pub fn mean_session_secs(&self) -> Option<u64> {
        (self.sessions > 0).then(|| self.session_secs / u64::from(self.sessions))
    }

    /// Adds `other`'s counts to these (counts stop at their largest value).
    pub fn merge(&mut self, other: &Self) {
        self.sessions = self.sessions.saturating_add(other.sessions);
        self.session_secs = self.session_secs.saturating_add(other.session_secs);
        for (mine, theirs) in self.session_lengths.iter_mut().zip(other.session_lengths) {
            *mine = mine.saturating_add(theirs);
        }
        for (mine, theirs) in [
            (&mut self.page_views, &other.page_views),
            (&mut self.languages, &other.languages),
            (&mut self.settings, &other.settings),
        ] {
            for (key, count) in theirs {
                bump(mine, key, *count);
            }
        }
    }
}

/// Adds `count` to `key` in `map`.
fn bump(map: &mut BTreeMap<String, u32>, key: &str, count: u32) {
    match map.get_mut(key) {
        Some(n) => *n = n.saturating_add(count),
        None => {
            map.insert(key.to_owned(), count);
        }
    }
}

/// One day's figures: its total and each of its hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySummary {
    /// The local date.
    pub date: Date,
    /// The whole day's counts.
    pub figures: Figures,
    /// The counts of each hour of the day, 0 to 23 (empty where nothing was counted).
    pub by_hour: [Figures; 24],
}

/// Usage figures, by hour.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    hours: BTreeMap<HourKey, Figures>,
}

impl Usage {
    /// No figures.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the usage file at `path`; no file yet reads as no figures.
    ///
    /// # Errors
    /// When the file cannot be read, or is not a usage file (see [`StatsError`]).
    pub fn load(path: &std::path::Path) -> Result<Self, StatsError> {
        store::load(path)
    }

    /// Whether nothing is counted.
    pub fn is_empty(&self) -> bool {
        self.hours.is_empty()
    }

    /// Every hour with figures, oldest first.
    pub fn hours(&self) -> impl Iterator<Item = (HourKey, &Figures)> {
        self.hours.iter().map(|(key, figures)| (*key, figures))
    }

    /// The figures of `hour`, to count into.
    pub fn at(&mut self, hour: HourKey) -> &mut Figures {
        self.hours.entry(hour).or_default()
    }

    /// Counts a view of `page` in `hour`.
    pub fn page_view(&mut self, hour: HourKey, page: &str) {
        bump(&mut self.at(hour).page_views, page, 1);
    }

    /// Counts a choice of the language `code` in `hour`.
    pub fn language(&mut self, hour: HourKey, code: &str) {
        bump(&mut self.at(hour).languages, code, 1);
    }

    /// Counts the reading setting `key` turned on in `hour`.
    pub fn setting(&mut self, hour: HourKey, key: &str) {
        bump(&mut self.at(hour).settings, key, 1);
    }

    /// Counts a session that started in `hour` and lasted `secs` seconds.
    pub fn session(&mut self, hour: HourKey, secs: u64) {
        let figures = self.at(hour);
        figures.sessions = figures.sessions.saturating_add(1);
        figures.session_secs = figures.session_secs.saturating_add(secs);
        let band = &mut figures.session_lengths[length_band(secs)];
        *band = band.saturating_add(1);
    }

    /// Adds `other`'s figures to these.
    pub fn merge(&mut self, other: &Self) {
        for (key, figures) in &other.hours {
            self.at(*key).merge(figures);
        }
    }

    /// Takes the figures out, leaving none.
    pub fn take(&mut self) -> Self {
        std::mem::take(self)
    }

    /// The last day with figures.
    pub fn last_day(&self) -> Option<Date> {
        self.hours.keys().next_back().map(|key| key.date)
    }

    /// Forgets the oldest days: keeps the last `keep_days` days with figures up to `today`,
    /// and every day after `today`.
    ///
    /// Only `today` decides what is old, never the newest date in the figures: figures
    /// counted under a clock that was ahead (dated after today) are kept, and they never
    /// push real days out. Days are counted by the days that have figures, so a wrong
    /// clock that is ahead but plausible cannot forget days either: a day goes only once
    /// `keep_days` later days have figures. With a clock that was behind (`today` before
    /// every day in the figures), nothing is forgotten.
    pub fn prune(&mut self, keep_days: i32, today: Date) {
        let keep = usize::try_from(keep_days.max(1)).unwrap_or(1);
        let mut seen = 0;
        let mut first_kept = None;
        for key in self.hours.keys().rev().filter(|key| key.date <= today) {
            if first_kept != Some(key.date) {
                if seen == keep {
                    break;
                }
                seen += 1;
                first_kept = Some(key.date);
            }
        }
        if let Some(first_kept) = first_kept {
            self.hours.retain(|key, _| key.date >= first_kept);
        }
    }

    /// How many days have figures dated after `today` (counted under a clock that was
    /// ahead, or while the clock is now behind).
    pub fn days_after(&self, today: Date) -> usize {
        let from = HourKey {
            date: today,
            hour: u8::MAX,
        };
        let mut days = 0;
        let mut last = None;
        for (key, _) in self.hours.range(from..) {
            if key.date > today && last != Some(key.date) {
                days += 1;
                last = Some(key.date);
            }
        }
        days
    }

    /// Each day with figures from `since` on (every day when `None`), oldest first.
    pub fn days(&self, since: Option<Date>) -> Vec<DaySummary> {
        let mut days: Vec<DaySummary> = Vec::new();
        for (key, figures) in self.since(since) {
            if days.last().is_none_or(|day| day.date != key.date) {
                days.push(DaySummary {
                    date: key.date,
                    figures: Figures::default(),
                    by_hour: std::array::from_fn(|_| Figures::default()),
                });
            }
            let Some(day) = days.last_mut() else {
                continue;
            };
            day.figures.merge(figures);
            if let Some(hour) = day.by_hour.get_mut(usize::from(key.hour)) {
                hour.merge(figures);
            }
        }
        days
    }

    /// Every figure from `since` on (every one when `None`) added up.
    pub fn total(&self, since: Option<Date>) -> Figures {
        let mut total = Figures::default();
        for (_, figures) in self.since(since) {
            total.merge(figures);
        }
        total
    }

    /// The hours from `since` on.
    fn since(&self, since: Option<Date>) -> impl Iterator<Item = (&HourKey, &Figures)> {
        let from = HourKey {
            date: since.unwrap_or(Date::MIN),
            hour: 0,
        };
        self.hours.range(from..)
    }
}

#[cfg(test)]
mod tests;
