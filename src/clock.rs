//! The wall clock: the local date and time, known offline from the system clock and the
//! system's time zone (`jiff` reads `TZ` or `/etc/localtime` itself), or set by a test. A
//! kiosk may be offline with a wrong clock: a date before the program was built, or after
//! [`LATEST_TRUSTED`], is not trusted. Any time the system can report is read without a
//! panic, including times no date can be written for (past the year 9999, or before the
//! year -9999).

use std::sync::{Arc, Mutex, Once, PoisonError};
use std::time::SystemTime;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// The day this program was built (see `build.rs`): no true clock shows an earlier one.
pub fn build_date() -> Date {
    env!("OFFICE_KIOSK_BUILD_DATE")
        .parse()
        .unwrap_or(jiff::civil::date(2026, 1, 1))
}

/// The last day a true clock of this program shows: it will not be running in 2200.
pub const LATEST_TRUSTED: Date = jiff::civil::date(2199, 12, 31);

/// The earliest reading taken as it is; anything earlier (or later than
/// [`LATEST_TRUSTED`]) reads as the build day, so that nothing computes with it.
const EARLIEST_READ: Date = jiff::civil::date(1970, 1, 1);

/// Where a clock's time comes from.
#[derive(Debug, Clone, Default)]
enum Reading {
    /// The system's clock in the system's time zone.
    #[default]
    System,
    /// A local date and time set by hand.
    Fixed(Arc<Mutex<DateTime>>),
    /// An instant as the system's clock would report it, read in UTC.
    Instant(Arc<Mutex<SystemTime>>),
}

/// The local wall clock, from the system or set by hand (in tests).
#[derive(Debug, Clone, Default)]
pub struct WallClock {
    reading: Reading,
}

impl WallClock {
    /// The system's clock in the system's time zone (UTC when the zone cannot be read).
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that shows `at` until [`WallClock::set`] moves it.
    pub fn fixed(at: DateTime) -> Self {
        Self {
            reading: Reading::Fixed(Arc::new(Mutex::new(at))),
        }
    }

    /// A clock read as the system's is, but showing the instant `at` (in UTC) until
    /// [`WallClock::set_instant`] moves it: any instant a system clock can report, also
    /// those no date can be written for.
    pub fn at_instant(at: SystemTime) -> Self {
        Self {
            reading: Reading::Instant(Arc::new(Mutex::new(at))),
        }
    }

    /// Moves a fixed clock to `at` (other clocks cannot be moved: nothing happens).
    pub fn set(&self, at: DateTime) {
        if let Reading::Fixed(set) = &self.reading {
            *set.lock().unwrap_or_else(PoisonError::into_inner) = at;
        }
    }

    /// Moves a clock made by [`WallClock::at_instant`] to `at` (others: nothing happens).
    pub fn set_instant(&self, at: SystemTime) {
        if let Reading::Instant(set) = &self.reading {
            *set.lock().unwrap_or_else(PoisonError::into_inner) = at;
        }
    }

    /// The local date and time the clock shows, when it is a date between 1970 and
    /// [`LATEST_TRUSTED`]; `None` for any other reading (logged once).
    pub fn reading(&self) -> Option<DateTime> {
        static WARNED: Once = Once::new();
        let at = match &self.reading {
            Reading::Fixed(set) => Ok(*set.lock().unwrap_or_else(PoisonError::into_inner)),
            Reading::Instant(set) => {
                let at = *set.lock().unwrap_or_else(PoisonError::into_inner);
                local(at, &TimeZone::UTC)
            }
            Reading::System => local(SystemTime::now(), &system_zone()),
        };
        match at {
            Ok(at) if (EARLIEST_READ..=LATEST_TRUSTED).contains(&at.date()) => Some(at),
            Ok(at) => {
                WARNED.call_once(|| {
                    tracing::warn!(
                        "the clock says {at}, which no kiosk's clock can truly say: it is \
                         wrong; dated content such as vacancies is shown as if no day had \
                         passed, and nothing is counted"
                    );
                });
                None
            }
            Err(seconds) => {
                WARNED.call_once(|| {
                    tracing::warn!(
                        "the clock says {seconds} seconds since 1970, beyond any date: it \
                         is wrong; dated content such as vacancies is shown as if no day \
                         had passed, and nothing is counted"
                    );
                });
                None
            }
        }
    }

    /// The local date and time now; a clock whose reading is not a date between 1970 and
    /// [`LATEST_TRUSTED`] (see [`WallClock::reading`]) shows the start of the build day
    /// instead, so that nothing computes with a date at the end of the calendar.
    pub fn now(&self) -> DateTime {
        self.reading()
            .unwrap_or_else(|| build_date().to_datetime(jiff::civil::Time::midnight()))
    }

    /// Today, if the clock can be trusted: not before the day the program was built (a day
    /// of slack for time zones behind UTC) and not after [`LATEST_TRUSTED`]. A clock that
    /// cannot is logged once.
    pub fn trusted_today(&self) -> Option<Date> {
        static WARNED: Once = Once::new();
        let today = self.reading()?.date();
        // The build date is UTC's: a kiosk west of Greenwich may still be on the day
        // before, so only a day earlier than that is surely wrong.
        let earliest = build_date().yesterday().unwrap_or_else(|_| build_date());
        if today >= earliest {
            return Some(today);
        }
        WARNED.call_once(|| {
            tracing::warn!(
                "the clock says {today}, before this program was built ({}): it is wrong; \
                 dated content such as vacancies is shown as if no day had passed",
                build_date()
            );
        });
        None
    }
}

/// The system's time zone, or UTC (logged once) when it cannot be read.
fn system_zone() -> TimeZone {
    static WARNED: Once = Once::new();
    TimeZone::try_system().unwrap_or_else(|e| {
        WARNED.call_once(|| {
            tracing::warn!("cannot tell the local time zone ({e}); using UTC");
        });
        TimeZone::UTC
    })
}

/// `at` as a local date and time in `zone`, or, when no date can be written for it, its
/// seconds since 1970 (for the log).
fn local(at: SystemTime, zone: &TimeZone) -> Result<DateTime, i128> {
    jiff::Timestamp::try_from(at)
        .map(|timestamp| zone.to_datetime(timestamp))
        .map_err(|_| match at.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(after) => i128::from(after.as_secs()),
            Err(before) => -i128::from(before.duration().as_secs()),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_clock_before_the_build_is_not_trusted() {
        let built = build_date();
        let clock = WallClock::fixed(built.at(9, 0, 0, 0));
        assert_eq!(clock.trusted_today(), Some(built));
        // The day before the build may be a time zone behind UTC; the one before it is not.
        let yesterday = built.yesterday().expect("a day before");
        clock.set(yesterday.at(23, 59, 0, 0));
        assert_eq!(clock.trusted_today(), Some(yesterday));
        clock.set(
            yesterday
                .yesterday()
                .expect("two days before")
                .at(23, 59, 0, 0),
        );
        assert_eq!(clock.trusted_today(), None);
        let later = built
            .checked_add(jiff::Span::new().days(400))
            .expect("a later day");
        clock.set(later.at(0, 0, 0, 0));
        assert_eq!(clock.trusted_today(), Some(later));
    }

    #[test]
    fn the_build_date_is_a_real_day() {
        assert!(build_date() >= jiff::civil::date(2026, 1, 1));
    }

    /// `secs` seconds from 1970 (negative: before), if a system time can hold it.
    fn instant(secs: i64) -> Option<SystemTime> {
        let span = Duration::from_secs(secs.unsigned_abs());
        if secs >= 0 {
            SystemTime::UNIX_EPOCH.checked_add(span)
        } else {
            SystemTime::UNIX_EPOCH.checked_sub(span)
        }
    }

    #[test]
    fn any_instant_a_system_clock_reports_reads_without_a_panic() {
        let midnight = build_date().to_datetime(jiff::civil::Time::midnight());
        // Year 1, 1969, the last second of 9999, the first of 10000, the i64 extremes.
        let untrusted = [
            -62_135_596_800,
            -1,
            253_402_300_799,
            253_402_300_800,
            i64::MAX,
            i64::MIN + 1,
            i64::MIN,
        ];
        let clock = WallClock::at_instant(SystemTime::UNIX_EPOCH);
        for secs in untrusted {
            let Some(at) = instant(secs) else {
                continue;
            };
            clock.set_instant(at);
            assert_eq!(clock.reading(), None, "{secs}");
            assert_eq!(clock.trusted_today(), None, "{secs}");
            assert_eq!(clock.now(), midnight, "{secs}");
        }
        // The last day trusted, and the first after it.
        let last = LATEST_TRUSTED.to_datetime(jiff::civil::Time::midnight());
        let secs = TimeZone::UTC.to_timestamp(last).expect("a timestamp");
        clock.set_instant(instant(secs.as_second()).expect("an instant"));
        assert_eq!(clock.trusted_today(), Some(LATEST_TRUSTED));
        clock.set_instant(instant(secs.as_second() + 86_400).expect("an instant"));
        assert_eq!(clock.trusted_today(), None);
        // Now is trusted.
        clock.set_instant(SystemTime::now());
        assert!(clock.trusted_today().is_some());
    }

    #[test]
    fn a_fixed_clock_at_the_end_of_the_calendar_is_not_trusted() {
        let clock = WallClock::fixed(DateTime::MAX);
        assert_eq!(clock.trusted_today(), None);
        assert_eq!(clock.now().date(), build_date());
        clock.set(jiff::civil::date(1, 1, 1).at(0, 0, 0, 0));
        assert_eq!(clock.trusted_today(), None);
        clock.set(DateTime::MIN);
        assert_eq!(clock.now().date(), build_date());
    }
}
