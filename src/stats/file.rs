//! The usage file's format: RON, one line per hour with figures, and only the figures that
//! are not zero. Read in two stages: serde structs that mirror the file, then checked into
//! [`Usage`] (real dates, hours 0 to 23, each hour once, short names, session counts that
//! agree: the bands add up to the sessions, and the seconds fit the bands).
//!
//! ```text
//! (
//!     version: 1,
//!     hours: [
//!         (date: "2026-11-29", hour: 10, sessions: 2, session_secs: 190, session_lengths: [0, 1, 0, 1, 0], page_views: {"careers": 2, "home": 3}, languages: {"es": 1}),
//!         (date: "2026-11-29", hour: 11, page_views: {"home": 1}),
//!     ],
//! )
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Figures, HourKey, LENGTH_BANDS, Usage};
use crate::content::FileError;

/// The format's version, written in the file.
const VERSION: u32 = 1;

/// The longest name of a page, language or setting a file may hold, in bytes.
const MAX_NAME_BYTES: usize = 64;

/// The most names one hour may count in one list.
const MAX_NAMES: usize = 64;

/// Why usage figures could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    /// The file could not be read (permissions, not a regular file, far too large).
    #[error("cannot read the usage file {path}: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: FileError,
    },
    /// The file is not a usage file this program can read: damaged, or from a newer
    /// version.
    #[error("the usage file {path} is damaged: {reason}")]
    Corrupt {
        /// The file.
        path: String,
        /// What is wrong, in words.
        reason: String,
    },
}

/// The file, as serde sees it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: u32,
    hours: Vec<RawHour>,
}

/// One hour's line.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHour {
    date: String,
    hour: u8,
    #[serde(default, skip_serializing_if = "is_zero")]
    sessions: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    session_secs: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    session_lengths: Vec<u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    page_views: BTreeMap<String, u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    languages: BTreeMap<String, u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    settings: BTreeMap<String, u32>,
}

fn is_zero<T: Default + PartialEq>(n: &T) -> bool {
    *n == T::default()
}

/// Reads usage figures from the text of a usage file.
///
/// # Errors
/// When `text` is not a usage file: bad syntax, a date that does not exist, an hour past
/// 23, an hour twice, a name that is empty or too long, session counts that disagree, a
/// version this program does not know.
pub fn parse(text: &str) -> Result<Usage, String> {
    let raw: RawFile = ron::from_str(text).map_err(|e| e.to_string())?;
    if raw.version != VERSION {
        return Err(format!(
            "it is of version {}, and this program reads version {VERSION}",
            raw.version
        ));
    }
    let mut usage = Usage::new();
    for (i, hour) in raw.hours.into_iter().enumerate() {
        let (key, figures) = checked(hour).map_err(|e| format!("hour {}: {e}", i + 1))?;
        if usage.hours.contains_key(&key) {
            return Err(format!(
                "hour {}: {} hour {} is in the file twice",
                i + 1,
                key.date,
                key.hour
            ));
        }
        usage.hours.insert(key, figures);
    }
    Ok(usage)
}

/// Whether the session counts of one hour agree: the bands add up to the sessions, and the
/// seconds are what sessions in those bands can last. A count that reached its largest
/// value has stopped counting, and is not held to that.
fn sessions_agree(figures: &Figures) -> Result<(), String> {
    let saturated = figures.sessions == u32::MAX
        || figures.session_secs == u64::MAX
        || figures.session_lengths.contains(&u32::MAX);
    if saturated {
        return Ok(());
    }
    let in_bands: u64 = figures.session_lengths.iter().map(|&n| u64::from(n)).sum();
    if in_bands != u64::from(figures.sessions) {
        return Err(format!(
            "its session length bands hold {in_bands} sessions, not its {}",
            figures.sessions
        ));
    }
    // Each band holds lengths from the bound of the band before it, below its own.
    let (mut shortest, mut longest) = (0u128, Some(0u128));
    let mut from = 0u64;
    for (band, &count) in LENGTH_BANDS.iter().zip(&figures.session_lengths) {
        let count = u128::from(count);
        shortest += count * u128::from(from);
        longest = match (longest, band.below_secs) {
            (Some(total), Some(below)) => Some(total + count * u128::from(below - 1)),
            (Some(total), None) if count == 0 => Some(total),
            _ => None,
        };
        from = band.below_secs.unwrap_or(from);
    }
    let secs = u128::from(figures.session_secs);
    if secs < shortest || longest.is_some_and(|longest| secs > longest) {
        return Err(format!(
            "its sessions last {} s in all, which its length bands do not allow",
            figures.session_secs
        ));
    }
    Ok(())
}

/// One hour's line checked.
fn checked(raw: RawHour) -> Result<(HourKey, Figures), String> {
    let date = raw
        .date
        .parse()
        .map_err(|_| format!("`{}` is not a date like 2026-11-29", raw.date))?;
    if raw.hour > 23 {
        return Err(format!("hour {} is not from 0 to 23", raw.hour));
    }
    let mut session_lengths = [0; LENGTH_BANDS.len()];
    if !raw.session_lengths.is_empty() {
        session_lengths = raw.session_lengths.try_into().map_err(|bands: Vec<u32>| {
            format!(
                "{} session length bands, not {}",
                bands.len(),
                LENGTH_BANDS.len()
            )
        })?;
    }
    for map in [&raw.page_views, &raw.languages, &raw.settings] {
        if map.len() > MAX_NAMES {
            return Err(format!("more than {MAX_NAMES} names in one hour"));
        }
        if let Some(name) = map
            .keys()
            .find(|k| k.is_empty() || k.len() > MAX_NAME_BYTES)
        {
            return Err(format!(
                "the name `{name}` is empty or longer than {MAX_NAME_BYTES} bytes"
            ));
        }
    }
    let figures = Figures {
        sessions: raw.sessions,
        session_secs: raw.session_secs,
        session_lengths,
        page_views: raw.page_views,
        languages: raw.languages,
        settings: raw.settings,
    };
    sessions_agree(&figures)?;
    Ok((
        HourKey {
            date,
            hour: raw.hour,
        },
        figures,
    ))
}

/// The text of a usage file holding `usage`.
pub fn to_ron(usage: &Usage) -> String {
    let hours = usage
        .hours()
        .map(|(key, figures)| RawHour {
            date: key.date.to_string(),
            hour: key.hour,
            sessions: figures.sessions,
            session_secs: figures.session_secs,
            session_lengths: if figures.session_lengths.iter().all(|&n| n == 0) {
                Vec::new()
            } else {
                figures.session_lengths.to_vec()
            },
            page_views: figures.page_views.clone(),
            languages: figures.languages.clone(),
            settings: figures.settings.clone(),
        })
        .collect();
    let raw = RawFile {
        version: VERSION,
        hours,
    };
    // One hour a line: readable, and hardly larger than one long line.
    let pretty = ron::ser::PrettyConfig::new().depth_limit(2);
    ron::ser::to_string_pretty(&raw, pretty).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn sample() -> Usage {
        let mut usage = Usage::new();
        let ten = HourKey {
            date: date(2026, 11, 29),
            hour: 10,
        };
        usage.page_view(ten, "home");
        usage.page_view(ten, "careers");
        usage.language(ten, "es");
        usage.setting(ten, "high_contrast");
        usage.session(ten, 75);
        usage.page_view(
            HourKey {
                date: date(2026, 11, 30),
                hour: 0,
            },
            "home",
        );
        usage
    }

    #[test]
    fn the_file_reads_back_as_written() {
        let usage = sample();
        let text = to_ron(&usage);
        assert_eq!(parse(&text), Ok(usage));
        assert_eq!(text.lines().count(), 7, "one line per hour:\n{text}");
        assert!(text.contains(r#"(date: "2026-11-30", hour: 0, page_views: {"home": 1})"#));
        assert_eq!(parse(&to_ron(&Usage::new())), Ok(Usage::new()));
    }

    #[test]
    fn an_hour_twice_is_damage() {
        let text = r#"(version: 1, hours: [
            (date: "2026-01-02", hour: 3, page_views: {"home": 1}),
            (date: "2026-01-02", hour: 3, page_views: {"home": 2}),
        ])"#;
        let error = parse(text).expect_err("twice");
        assert!(
            error.contains("2026-01-02 hour 3 is in the file twice"),
            "{error}"
        );
    }

    #[test]
    fn session_counts_that_disagree_are_damage() {
        let hour = |fields: &str| {
            format!(r#"(version: 1, hours: [(date: "2026-02-03", hour: 1, {fields})])"#)
        };
        // As the kiosk writes them: they agree.
        for good in [
            "sessions: 2, session_secs: 95, session_lengths: [1, 0, 1, 0, 0]",
            "sessions: 1, session_secs: 0, session_lengths: [1, 0, 0, 0, 0]",
            "sessions: 1, session_secs: 100000, session_lengths: [0, 0, 0, 0, 1]",
            "sessions: 4294967295, session_lengths: [1, 0, 0, 0, 0]",
        ] {
            assert!(parse(&hour(good)).is_ok(), "{good}");
        }
        for (bad, why) in [
            (
                "sessions: 3, session_secs: 95, session_lengths: [1, 0, 1, 0, 0]",
                "hold 2 sessions, not its 3",
            ),
            ("sessions: 2", "hold 0 sessions"),
            (
                "session_lengths: [0, 1, 0, 0, 0], session_secs: 40",
                "hold 1 sessions, not its 0",
            ),
            ("session_secs: 5", "last 5 s"),
            (
                "sessions: 1, session_secs: 30, session_lengths: [1, 0, 0, 0, 0]",
                "last 30 s",
            ),
            (
                "sessions: 1, session_secs: 599, session_lengths: [0, 0, 0, 0, 1]",
                "last 599 s",
            ),
        ] {
            let error = parse(&hour(bad)).expect_err(bad);
            assert!(error.contains(why), "{bad}: {error}");
        }
    }

    #[test]
    fn what_the_kiosk_counts_always_agrees() {
        let mut usage = Usage::new();
        let ten = HourKey {
            date: date(2026, 11, 29),
            hour: 10,
        };
        for secs in [0, 29, 30, 59, 60, 179, 180, 599, 600, 86_400] {
            usage.session(ten, secs);
        }
        assert_eq!(parse(&to_ron(&usage)), Ok(usage));
    }

    #[test]
    fn damage_is_refused_with_its_reason() {
        let cases = [
            ("", "Expected opening"),
            ("(version: 1, hours: [", ""),
            ("(version: 2, hours: [])", "version 2"),
            (
                r#"(version: 1, hours: [(date: "2026-02-30", hour: 1)])"#,
                "not a date",
            ),
            (
                r#"(version: 1, hours: [(date: "2026-02-03", hour: 24)])"#,
                "0 to 23",
            ),
            (
                r#"(version: 1, hours: [(date: "2026-02-03", hour: 1, session_lengths: [1])])"#,
                "1 session length bands",
            ),
            (
                r#"(version: 1, hours: [(date: "2026-02-03", hour: 1, languages: {"": 1})])"#,
                "empty",
            ),
            (
                r#"(version: 1, hours: [(date: "2026-02-03", hour: 1, visitor: "x")])"#,
                "visitor",
            ),
            (
                r#"(version: 1, hours: [(date: "2026-02-03", hour: 1, sessions: -1)])"#,
                "",
            ),
        ];
        for (text, reason) in cases {
            let error = parse(text).expect_err(text);
            assert!(error.contains(reason), "{text}: {error}");
        }
    }
}
