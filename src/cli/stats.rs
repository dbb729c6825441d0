//! `office-kiosk stats`: the usage figures the kiosk counted ([`crate::stats`]), as a table
//! for people or CSV for spreadsheets.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use jiff::civil::Date;

use crate::clock::WallClock;
use crate::paths::Dirs;
use crate::stats::{self, Usage};

/// How `stats` writes the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum StatsFormat {
    /// A day a row, then the totals broken down, for people.
    #[default]
    Table,
    /// An hour a row with a column for every count, for spreadsheets.
    Csv,
}

/// Runs `office-kiosk stats`: the figures in `file` (by default the usage file in the
/// state folder) from `since` on, in `format`. Figures dated after today are shown too,
/// with a line saying how many days have them.
///
/// # Errors
/// When no usage file is given and the state folder is unknown, the file given does not
/// exist (the state folder's may not exist yet: no figures), or the file cannot be read or
/// is damaged.
pub fn stats(
    file: Option<&Path>,
    since: Option<Date>,
    format: StatsFormat,
) -> anyhow::Result<String> {
    let path: PathBuf = match file {
        // A path given may be a link: where it leads is read (and must be there).
        Some(file) => std::fs::canonicalize(file).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => anyhow::anyhow!(
                "--file {}: there is no such file (check the path and its spelling)",
                file.display()
            ),
            _ => anyhow::anyhow!("--file {}: {e}", file.display()),
        })?,
        None => Dirs::from_env().map(|dirs| dirs.usage_file()).context(
            "cannot tell where the state folder is (no HOME); give the file with --file",
        )?,
    };
    let usage = Usage::load(&path)?;
    Ok(match format {
        StatsFormat::Table if usage.is_empty() => {
            format!("No usage figures yet in {}.", path.display())
        }
        StatsFormat::Table => {
            let today = WallClock::system().now().date();
            let mut table = stats::table(&usage, since);
            let ahead = usage.days_after(today);
            if ahead > 0 {
                let days = if ahead == 1 {
                    "1 day is".to_owned()
                } else {
                    format!("{ahead} days are")
                };
                table = format!(
                    "{table}\n\nNote: {days} dated after today ({today}): the clock was ahead \
                     when they were counted, or is behind now. They are kept."
                );
            }
            table
        }
        StatsFormat::Csv => stats::csv(&usage, since).trim_end().to_owned(),
    })
}

/// Parses `--since`: a date like 2026-11-29.
pub(super) fn parse_date(s: &str) -> Result<Date, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a date like 2026-11-29 (year-month-day)"))
}
