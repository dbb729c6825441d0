//! Logging of the running kiosk: to stderr (the journal under systemd), coloured only on a
//! terminal, and to a daily-rotated file in the logs folder; and a panic hook that logs the
//! panic's message and location before the process exits.
//!
//! The daily file is named by the wall clock ([`WallClock`]), which reads any time the system
//! reports without a panic: a clock that shows no sane date writes to
//! `office-kiosk.clock-wrong.log` until it does.

use std::fs::{File, OpenOptions};
use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::clock::WallClock;

use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// How many daily log files are kept.
const KEEP_FILES: usize = 14;

/// Sets up logging into `logs` (no file when `None` or when it cannot be created); the
/// returned guard flushes the file when dropped, so keep it alive.
pub fn init(logs: Option<&Path>) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    let stderr = tracing_subscriber::fmt::layer()
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let level = tracing_subscriber::filter::LevelFilter::INFO;
    let file = logs.and_then(|dir| DailyFile::new(dir, WallClock::system()).ok());
    let (file_layer, guard) = match file {
        Some(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(writer);
            (Some(layer), Some(guard))
        }
        None => (None, None),
    };
    // Only fails when a subscriber is already set (a test harness): keep that one.
    let _already_set = tracing_subscriber::registry()
        .with(level)
        .with(stderr)
        .with(file_layer)
        .try_init();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let location = info.location().map_or_else(
            || "unknown place".to_owned(),
            |l| format!("{}:{}", l.file(), l.line()),
        );
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!("panic at {location}: {message}");
        default_hook(info);
    }));
    guard
}

/// The start of every log file's name.
const PREFIX: &str = "office-kiosk.";
/// The end of every log file's name.
const SUFFIX: &str = ".log";
/// The day part of the file written while the clock shows no sane date.
const CLOCK_WRONG: &str = "clock-wrong";

/// A log file a day, `office-kiosk.2026-12-04.log`, in a folder that keeps the newest
/// 14; the day is the wall clock's.
pub struct DailyFile {
    dir: PathBuf,
    clock: WallClock,
    /// The file open now and the day it is for (`None`: the clock was wrong).
    open: Option<(Option<Date>, File)>,
}

impl DailyFile {
    /// Log files in `dir` (made if missing), named by `clock`.
    ///
    /// # Errors
    /// When the folder cannot be made.
    pub fn new(dir: &Path, clock: WallClock) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            clock,
            open: None,
        })
    }

    /// The file for `day`.
    fn path(&self, day: Option<Date>) -> PathBuf {
        let day = day.map_or_else(|| CLOCK_WRONG.to_owned(), |d| d.to_string());
        self.dir.join(format!("{PREFIX}{day}{SUFFIX}"))
    }

    /// The file to write now: today's, opened (and the oldest beyond [`KEEP_FILES`]
    /// deleted) when the day changed.
    fn file(&mut self) -> std::io::Result<&mut File> {
        let day = self.clock.reading().map(jiff::civil::DateTime::date);
        if self.open.as_ref().is_none_or(|(open, _)| *open != day) {
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.path(day))?;
            self.open = Some((day, file));
            self.prune();
        }
        match &mut self.open {
            Some((_, file)) => Ok(file),
            None => Err(std::io::Error::other("no log file is open")),
        }
    }

    /// Deletes the oldest dated log files beyond [`KEEP_FILES`].
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut dated: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| {
                name.strip_prefix(PREFIX)
                    .and_then(|rest| rest.strip_suffix(SUFFIX))
                    .is_some_and(|day| day.parse::<Date>().is_ok())
            })
            .collect();
        // Dates written YYYY-MM-DD sort as they follow each other.
        dated.sort();
        let excess = dated.len().saturating_sub(KEEP_FILES);
        for name in &dated[..excess] {
            // A file that cannot be deleted is tried again at the next day's change.
            let _kept = std::fs::remove_file(self.dir.join(name));
        }
    }
}

impl Write for DailyFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file()?.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.open {
            Some((_, file)) => file.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("a folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .into_string()
                    .expect("UTF-8")
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_a_day_and_the_newest_kept() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let day = jiff::civil::date(2030, 1, 1);
        let clock = WallClock::fixed(day.at(10, 0, 0, 0));
        let mut file = DailyFile::new(dir.path(), clock.clone()).expect("a log folder");
        for i in 0..20 {
            let today = day
                .checked_add(jiff::Span::new().days(i))
                .expect("a later day");
            clock.set(today.at(23, 59, 59, 0));
            writeln!(file, "line {i}").expect("written");
        }
        let names = names(dir.path());
        assert_eq!(names.len(), KEEP_FILES, "{names:?}");
        assert_eq!(
            names.last().map(String::as_str),
            Some("office-kiosk.2030-01-20.log")
        );
        let last = std::fs::read_to_string(dir.path().join("office-kiosk.2030-01-20.log"))
            .expect("the last file");
        assert_eq!(last, "line 19\n");
    }

    #[test]
    fn a_clock_beyond_any_date_writes_without_a_panic() {
        let dir = tempfile::tempdir().expect("a temp dir");
        // The last second of 9999, the first of 10000, and the furthest a system time goes.
        let last_second = SystemTime::UNIX_EPOCH + Duration::from_secs(253_402_300_799);
        let clock = WallClock::at_instant(last_second);
        let mut file = DailyFile::new(dir.path(), clock.clone()).expect("a log folder");
        writeln!(file, "at the end of 9999").expect("written");
        clock.set_instant(last_second + Duration::from_secs(1));
        writeln!(file, "in 10000").expect("written");
        if let Some(far) = SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(i64::MAX as u64))
        {
            clock.set_instant(far);
            writeln!(file, "far away").expect("written");
        }
        clock.set_instant(SystemTime::UNIX_EPOCH - Duration::from_secs(1));
        writeln!(file, "in 1969").expect("written");
        assert_eq!(names(dir.path()), ["office-kiosk.clock-wrong.log"]);
        let text = std::fs::read_to_string(dir.path().join("office-kiosk.clock-wrong.log"))
            .expect("the file");
        assert!(text.ends_with("in 1969\n"), "{text}");
        // A clock set right again writes the day's file.
        clock.set_instant(SystemTime::now());
        writeln!(file, "now").expect("written");
        assert_eq!(names(dir.path()).len(), 2);
    }
}
