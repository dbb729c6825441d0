//! The wall clock: the local date and time, known offline from the system clock and the
//! system's time zone (`jiff` reads `TZ` or `/etc/localtime` itself), or set by a test. A
//! kiosk may be offline with a wrong clock: a date before the program was built is not
//! trusted.

use std::sync::{Arc, Mutex, Once, PoisonError};

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// The day this program was built (see `build.rs`): no true clock shows an earlier one.
pub fn build_date() -> Date {
    env!("OFFICE_KIOSK_BUILD_DATE")
        .parse()
        .unwrap_or(jiff::civil::date(2026, 1, 1))
}

/// The local wall clock, from the system or set by hand (in tests).
#[derive(Debug, Clone, Default)]
pub struct WallClock {
    set: Option<Arc<Mutex<DateTime>>>,
}

impl WallClock {
    /// The system's clock in the system's time zone (UTC when the zone cannot be read).
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that shows `at` until [`WallClock::set`] moves it.
    pub fn fixed(at: DateTime) -> Self {
        Self {
            set: Some(Arc::new(Mutex::new(at))),
        }
    }

    /// Moves a fixed clock to `at` (a system clock cannot be moved: nothing happens).
    pub fn set(&self, at: DateTime) {
        if let Some(set) = &self.set {
            *set.lock().unwrap_or_else(PoisonError::into_inner) = at;
        }
    }

    /// The local date and time now.
    pub fn now(&self) -> DateTime {
        static WARNED: Once = Once::new();
        if let Some(set) = &self.set {
            return *set.lock().unwrap_or_else(PoisonError::into_inner);
        }
        let zone = TimeZone::try_system().unwrap_or_else(|e| {
            WARNED.call_once(|| {
                tracing::warn!("cannot tell the local time zone ({e}); using UTC");
            });
            TimeZone::UTC
        });
        zone.to_datetime(jiff::Timestamp::now())
    }

    /// Today, if the clock can be trusted: not before the day the program was built (a day
    /// of slack for time zones behind UTC). A clock that cannot is logged once.
    pub fn trusted_today(&self) -> Option<Date> {
        static WARNED: Once = Once::new();
        let today = self.now().date();
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
