//! The figures written out: [`table`], a day a row and the totals broken down, for people;
//! [`csv`], an hour a row with a column for every count, for spreadsheets.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use jiff::civil::Date;

use super::{Figures, LENGTH_BANDS, Usage};

/// The figures from `since` on (all when `None`) as a table: one row per day with use,
/// a total row, then the totals by page, language, setting, session length and hour.
pub fn table(usage: &Usage, since: Option<Date>) -> String {
    let days = usage.days(since);
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return match since {
            Some(since) => format!("No usage figures since {since}."),
            None => "No usage figures yet.".to_owned(),
        };
    };
    let mut out = format!(
        "Usage figures from {} to {} ({} with use)\n\n",
        first.date,
        last.date,
        plural(days.len(), "day")
    );
    let header = [
        "date",
        "sessions",
        "mean length",
        "page views",
        "languages",
        "settings",
    ];
    let row = |label: String, f: &Figures| {
        [
            label,
            f.sessions.to_string(),
            f.mean_session_secs()
                .map_or_else(|| "-".to_owned(), minutes),
            f.page_view_total().to_string(),
            f.language_total().to_string(),
            f.setting_total().to_string(),
        ]
    };
    let total = usage.total(since);
    let mut rows = vec![header.map(str::to_owned)];
    rows.extend(
        days.iter()
            .map(|day| row(day.date.to_string(), &day.figures)),
    );
    rows.push(row("all".to_owned(), &total));
    let widths: Vec<usize> = (0..header.len())
        .map(|col| rows.iter().map(|r| r[col].len()).max().unwrap_or(0))
        .collect();
    for cells in &rows {
        let mut line = format!("{:<w$}", cells[0], w = widths[0]);
        for (cell, width) in cells.iter().zip(&widths).skip(1) {
            let _ = write!(line, "  {cell:>width$}");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }

    let lengths: Vec<(String, u32)> = LENGTH_BANDS
        .iter()
        .zip(total.session_lengths)
        .map(|(band, n)| (band.label.to_owned(), n))
        .collect();
    let mut by_hour: BTreeMap<String, u32> = BTreeMap::new();
    for day in &days {
        for (hour, figures) in day.by_hour.iter().enumerate() {
            let views = u32::try_from(figures.page_view_total()).unwrap_or(u32::MAX);
            if views > 0 {
                let count = by_hour.entry(format!("{hour:02}:00")).or_default();
                *count = count.saturating_add(views);
            }
        }
    }
    out.push('\n');
    let listed = |map: &BTreeMap<String, u32>| -> Vec<(String, u32)> {
        map.iter().map(|(k, n)| (k.clone(), *n)).collect()
    };
    for (title, counts, by_count) in [
        ("Page views", listed(&total.page_views), true),
        ("Languages chosen", listed(&total.languages), true),
        ("Settings turned on", listed(&total.settings), true),
        ("Session lengths", lengths, false),
        ("Page views by hour", listed(&by_hour), false),
    ] {
        let _ = writeln!(out, "{title}: {}", breakdown(counts, by_count));
    }
    out.trim_end().to_owned()
}

/// `counts` as `name 3, other 1` (most first when `by_count`, else in their order), with
/// `_` in names read as spaces; `none` when empty or all zero.
fn breakdown(counts: Vec<(String, u32)>, by_count: bool) -> String {
    let mut items: Vec<(String, u32)> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
    if items.is_empty() {
        return "none".to_owned();
    }
    if by_count {
        items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    let items: Vec<String> = items
        .iter()
        .map(|(name, n)| format!("{} {n}", name.replace('_', " ")))
        .collect();
    items.join(", ")
}

/// `secs` as minutes and seconds: `1:05`.
fn minutes(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

/// The figures from `since` on (all when `None`) as CSV: a header, then one row per hour
/// with figures: `date`, `hour`, `sessions`, `session_secs`, a column per session length
/// band (`sessions_under_30s`, ...), then `views_<page>`, `language_<code>` and
/// `setting_<key>` for every page, language and setting counted in those hours.
pub fn csv(usage: &Usage, since: Option<Date>) -> String {
    let hours: Vec<_> = usage
        .hours()
        .filter(|(key, _)| since.is_none_or(|since| key.date >= since))
        .collect();
    let names = |pick: Counts| -> Vec<String> {
        let set: BTreeSet<&String> = hours.iter().flat_map(|(_, f)| pick(f).keys()).collect();
        set.into_iter().cloned().collect()
    };
    let lists: [(&str, Counts); 3] = [
        ("views_", |f| &f.page_views),
        ("language_", |f| &f.languages),
        ("setting_", |f| &f.settings),
    ];
    let columns: Vec<(usize, Vec<String>)> = lists
        .iter()
        .enumerate()
        .map(|(i, (_, pick))| (i, names(*pick)))
        .collect();

    let mut header: Vec<String> = ["date", "hour", "sessions", "session_secs"]
        .map(str::to_owned)
        .to_vec();
    header.extend(LENGTH_BANDS.iter().map(|band| {
        let words = band.label.replace(" s", "s").replace(" min", "min");
        format!("sessions_{}", words.replace(' ', "_"))
    }));
    for (i, keys) in &columns {
        header.extend(keys.iter().map(|k| format!("{}{k}", lists[*i].0)));
    }
    let mut out = String::new();
    push_row(&mut out, &header);
    for (key, figures) in hours {
        let mut row = vec![
            key.date.to_string(),
            key.hour.to_string(),
            figures.sessions.to_string(),
            figures.session_secs.to_string(),
        ];
        row.extend(figures.session_lengths.iter().map(ToString::to_string));
        for (i, keys) in &columns {
            let counts = (lists[*i].1)(figures);
            row.extend(
                keys.iter()
                    .map(|k| counts.get(k).copied().unwrap_or(0).to_string()),
            );
        }
        push_row(&mut out, &row);
    }
    out
}

/// Picks one list of counts out of an hour's figures.
type Counts = fn(&Figures) -> &BTreeMap<String, u32>;

/// Appends one CSV row, quoting the fields that need it.
fn push_row(out: &mut String, fields: &[String]) {
    let fields: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    out.push_str(&fields.join(","));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::stats::HourKey;

    fn sample() -> Usage {
        let mut usage = Usage::new();
        let at = |day, hour| HourKey {
            date: date(2026, 11, day),
            hour,
        };
        usage.page_view(at(28, 9), "home");
        usage.page_view(at(28, 9), "careers");
        usage.page_view(at(28, 9), "careers");
        usage.session(at(28, 9), 65);
        usage.language(at(28, 9), "es");
        usage.page_view(at(29, 14), "home");
        usage.setting(at(29, 14), "larger_text");
        usage.session(at(29, 14), 20);
        usage
    }

    #[test]
    fn the_table_has_a_row_per_day_and_the_totals() {
        let table = table(&sample(), None);
        let expected = "\
Usage figures from 2026-11-28 to 2026-11-29 (2 days with use)

date        sessions  mean length  page views  languages  settings
2026-11-28         1         1:05           3          1         0
2026-11-29         1         0:20           1          0         1
all                2         0:42           4          1         1

Page views: careers 2, home 2
Languages chosen: es 1
Settings turned on: larger text 1
Session lengths: under 30 s 1, 1 to 3 min 1
Page views by hour: 09:00 3, 14:00 1";
        assert_eq!(table, expected);
    }

    #[test]
    fn an_empty_table_says_so() {
        assert_eq!(table(&Usage::new(), None), "No usage figures yet.");
        assert_eq!(
            table(&sample(), Some(date(2026, 12, 1))),
            "No usage figures since 2026-12-01."
        );
    }

    #[test]
    fn the_csv_has_a_row_per_hour_and_a_column_per_count() {
        let csv = csv(&sample(), Some(date(2026, 11, 29)));
        let expected = "\
date,hour,sessions,session_secs,sessions_under_30s,sessions_30s_to_1min,sessions_1_to_3min,sessions_3_to_10min,sessions_10min_or_more,views_home,setting_larger_text
2026-11-29,14,1,20,1,0,0,0,0,1,1
";
        assert_eq!(csv, expected);
        assert_eq!(csv.lines().count(), 2);
        let all = super::csv(&sample(), None);
        assert!(all.lines().next().is_some_and(|h| {
            h.ends_with("views_careers,views_home,language_es,setting_larger_text")
        }));
        assert!(
            all.contains("\n2026-11-28,9,1,65,0,0,1,0,0,2,1,1,0\n"),
            "{all}"
        );
    }

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        let mut out = String::new();
        push_row(&mut out, &["a,b".to_owned(), "say \"hi\"".to_owned()]);
        assert_eq!(out, "\"a,b\",\"say \"\"hi\"\"\"\n");
    }
}
