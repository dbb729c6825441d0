//! Screen hours: the kiosk's screen is on only between two times of day (`08:00-17:00`, or
//! across midnight as `22:00-06:00`). Outside them the screen is black and nothing is drawn;
//! a touch wakes it for a while (the idle timeout). A wall clock set before the program was
//! built is wrong, and a wrong clock keeps the screen on: a dark kiosk in opening hours is
//! worse than a lit one at night.
//!
//! Pure: the wall-clock time and the monotonic time are passed in.

use std::fmt;

use jiff::civil::{DateTime, Time};

/// Seconds in a day.
const DAY_SECS: i64 = 24 * 60 * 60;

/// The hours the screen is on: from `start` (included) to `end` (excluded), local time. When
/// `end` is earlier than `start` the hours run across midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenHours {
    /// The first minute on, as minutes after midnight.
    start_min: u16,
    /// The first minute off, as minutes after midnight.
    end_min: u16,
}

/// Why screen hours could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// Not `HH:MM-HH:MM`.
    #[error("`{0}` is not screen hours like 08:00-17:00 (24-hour clock, local time)")]
    Format(String),
    /// The start and the end are the same minute.
    #[error("`{0}`: the screen would never be on; the start and the end must differ")]
    Empty(String),
}

impl ScreenHours {
    /// Hours from `start` to `end`, as minutes after midnight (each below 1440).
    ///
    /// # Errors
    /// When the two are equal or out of range.
    pub fn new(start_min: u16, end_min: u16) -> Result<Self, HoursError> {
        let text = format!("{}-{}", hhmm(start_min), hhmm(end_min));
        if start_min >= 1440 || end_min >= 1440 {
            return Err(HoursError::Format(text));
        }
        if start_min == end_min {
            return Err(HoursError::Empty(text));
        }
        Ok(Self { start_min, end_min })
    }

    /// Reads `HH:MM-HH:MM`.
    ///
    /// # Errors
    /// When `s` is not in that form, or the start equals the end.
    pub fn parse(s: &str) -> Result<Self, HoursError> {
        let format = || HoursError::Format(s.to_owned());
        let (start, end) = s.trim().split_once('-').ok_or_else(format)?;
        let minutes = |t: &str| -> Option<u16> {
            let (h, m) = t.trim().split_once(':')?;
            let (h, m) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
            // Computed only once in range: `06817:00` would overflow.
            (h < 24 && m < 60 && t.trim().len() == 5).then(|| h * 60 + m)
        };
        let (start, end) = (
            minutes(start).ok_or_else(format)?,
            minutes(end).ok_or_else(format)?,
        );
        if start == end {
            return Err(HoursError::Empty(s.to_owned()));
        }
        Ok(Self {
            start_min: start,
            end_min: end,
        })
    }

    /// The first minute on, as minutes after midnight.
    pub fn start_min(self) -> u16 {
        self.start_min
    }

    /// The first minute off, as minutes after midnight.
    pub fn end_min(self) -> u16 {
        self.end_min
    }

    /// Whether the screen is on at the time of day `at`.
    pub fn contains(self, at: Time) -> bool {
        let minute = u16::from(at.hour() as u8) * 60 + u16::from(at.minute() as u8);
        if self.start_min < self.end_min {
            (self.start_min..self.end_min).contains(&minute)
        } else {
            minute >= self.start_min || minute < self.end_min
        }
    }

    /// Seconds from `at` to the next start or end of the hours (at least 1).
    pub fn secs_until_edge(self, at: Time) -> f64 {
        let now =
            i64::from(at.hour()) * 3600 + i64::from(at.minute()) * 60 + i64::from(at.second());
        let until = |min: u16| {
            let edge = i64::from(min) * 60;
            (edge - now).rem_euclid(DAY_SECS)
        };
        let next = [until(self.start_min), until(self.end_min)]
            .into_iter()
            .map(|s| if s == 0 { DAY_SECS } else { s })
            .min()
            .unwrap_or(DAY_SECS);
        // Minus what is already gone of this second, so the change is not a second late.
        let into_second = f64::from(at.subsec_nanosecond()) / 1e9;
        (next as f64 - into_second).max(1.0)
    }
}

impl fmt::Display for ScreenHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", hhmm(self.start_min), hhmm(self.end_min))
    }
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Whether the screen shows anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Inside the hours (or no hours, or a clock that cannot be trusted).
    On,
    /// Outside the hours, woken by a touch for a while.
    Woken,
    /// Outside the hours: black, nothing drawn.
    Off,
}

impl Screen {
    /// Whether anything is drawn.
    pub fn is_lit(self) -> bool {
        self != Self::Off
    }
}

/// The screen-hours state machine.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursMachine {
    hours: Option<ScreenHours>,
    /// How long a touch keeps the screen on outside the hours, in seconds.
    wake_secs: f64,
    /// Monotonic time until which a touch keeps the screen on.
    woken_until: Option<f64>,
}

impl HoursMachine {
    /// The screen on during `hours` (always, when `None`); a touch outside them wakes it for
    /// `wake_secs`.
    pub fn new(hours: Option<ScreenHours>, wake_secs: f64) -> Self {
        Self {
            hours,
            wake_secs: wake_secs.max(1.0),
            woken_until: None,
        }
    }

    /// The hours in force.
    pub fn hours(&self) -> Option<ScreenHours> {
        self.hours
    }

    /// Changes the hours (the staff's setting).
    pub fn set_hours(&mut self, hours: Option<ScreenHours>) {
        self.hours = hours;
    }

    /// The screen at wall-clock time `at` and monotonic time `now`; `trusted` is false when
    /// the wall clock is known to be wrong (then the screen stays on).
    pub fn screen(&self, at: DateTime, trusted: bool, now: f64) -> Screen {
        match self.hours {
            None => Screen::On,
            Some(_) if !trusted => Screen::On,
            Some(hours) if hours.contains(at.time()) => Screen::On,
            Some(_) if self.woken_until.is_some_and(|until| now < until) => Screen::Woken,
            Some(_) => Screen::Off,
        }
    }

    /// A touch or key at monotonic time `now`: keeps the screen on for the wake time from
    /// now. Returns true when it woke a black screen (the touch does nothing else).
    pub fn input(&mut self, at: DateTime, trusted: bool, now: f64) -> bool {
        let was = self.screen(at, trusted, now);
        if was != Screen::On {
            self.woken_until = Some(now + self.wake_secs);
        }
        was == Screen::Off
    }

    /// Seconds from `now` until the screen may change by itself: the next edge of the hours,
    /// or the end of a wake. `None` without hours or with an untrusted clock.
    pub fn secs_until_change(&self, at: DateTime, trusted: bool, now: f64) -> Option<f64> {
        let hours = self.hours.filter(|_| trusted)?;
        let edge = hours.secs_until_edge(at.time());
        let wake = self
            .woken_until
            .map(|until| until - now)
            .filter(|left| *left > 0.0);
        Some(wake.map_or(edge, |wake| wake.min(edge).max(0.001)))
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn at(h: i8, m: i8, s: i8) -> DateTime {
        date(2026, 11, 30).at(h, m, s, 0)
    }

    fn office() -> ScreenHours {
        ScreenHours::parse("08:00-17:00").expect("valid hours")
    }

    #[test]
    fn parses_and_prints() {
        assert_eq!(office().to_string(), "08:00-17:00");
        assert_eq!(
            ScreenHours::parse(" 22:30-06:05 ").map(|h| h.to_string()),
            Ok("22:30-06:05".to_owned())
        );
        for bad in [
            "8:00-17:00",
            "08:00",
            "24:00-05:00",
            "08:60-09:00",
            "a-b",
            "",
        ] {
            assert!(
                matches!(ScreenHours::parse(bad), Err(HoursError::Format(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            ScreenHours::parse("08:00-08:00"),
            Err(HoursError::Empty(_))
        ));
    }

    #[test]
    fn on_from_the_first_minute_off_from_the_last() {
        let m = HoursMachine::new(Some(office()), 60.0);
        assert_eq!(m.screen(at(7, 59, 59), true, 0.0), Screen::Off);
        assert_eq!(m.screen(at(8, 0, 0), true, 0.0), Screen::On);
        assert_eq!(m.screen(at(16, 59, 59), true, 0.0), Screen::On);
        assert_eq!(m.screen(at(17, 0, 0), true, 0.0), Screen::Off);
        // It wakes exactly at the edges.
        let secs = |t| m.secs_until_change(t, true, 0.0).expect("hours");
        assert!((secs(at(7, 59, 0)) - 60.0).abs() < 1e-9);
        assert!((secs(at(16, 0, 0)) - 3600.0).abs() < 1e-9);
    }

    #[test]
    fn the_day_changes_overnight() {
        let m = HoursMachine::new(Some(office()), 60.0);
        assert_eq!(m.screen(at(23, 59, 59), true, 0.0), Screen::Off);
        assert_eq!(
            m.screen(date(2026, 12, 1).at(0, 0, 0, 0), true, 0.0),
            Screen::Off
        );
        // From 17:00 the next change is 08:00 the next day: 15 hours.
        let secs = m.secs_until_change(at(17, 0, 0), true, 0.0).expect("hours");
        assert!((secs - 15.0 * 3600.0).abs() < 1e-9);
    }

    #[test]
    fn hours_across_midnight() {
        let night = ScreenHours::parse("22:00-06:00").expect("valid hours");
        let m = HoursMachine::new(Some(night), 60.0);
        assert_eq!(m.screen(at(21, 59, 0), true, 0.0), Screen::Off);
        assert_eq!(m.screen(at(22, 0, 0), true, 0.0), Screen::On);
        assert_eq!(m.screen(at(0, 0, 0), true, 0.0), Screen::On);
        assert_eq!(m.screen(at(5, 59, 59), true, 0.0), Screen::On);
        assert_eq!(m.screen(at(6, 0, 0), true, 0.0), Screen::Off);
        assert_eq!(m.screen(at(12, 0, 0), true, 0.0), Screen::Off);
        let secs = m.secs_until_change(at(23, 0, 0), true, 0.0).expect("hours");
        assert!((secs - 7.0 * 3600.0).abs() < 1e-9);
    }

    #[test]
    fn a_touch_wakes_the_black_screen_for_a_while() {
        let mut m = HoursMachine::new(Some(office()), 60.0);
        let night = at(20, 0, 0);
        assert!(m.input(night, true, 100.0), "the touch woke it");
        assert_eq!(m.screen(night, true, 100.0), Screen::Woken);
        assert_eq!(m.secs_until_change(night, true, 130.0), Some(30.0));
        // A touch while woken keeps it on, and is not a waking touch.
        assert!(!m.input(night, true, 130.0));
        assert_eq!(m.screen(night, true, 189.0), Screen::Woken);
        assert_eq!(m.screen(night, true, 190.0), Screen::Off);
        // Inside the hours a touch changes nothing.
        assert!(!m.input(at(9, 0, 0), true, 200.0));
    }

    #[test]
    fn a_wrong_clock_keeps_the_screen_on() {
        let m = HoursMachine::new(Some(office()), 60.0);
        assert_eq!(m.screen(at(3, 0, 0), false, 0.0), Screen::On);
        assert_eq!(m.secs_until_change(at(3, 0, 0), false, 0.0), None);
    }

    #[test]
    fn without_hours_always_on() {
        let mut m = HoursMachine::new(None, 60.0);
        assert_eq!(m.screen(at(3, 0, 0), true, 0.0), Screen::On);
        assert!(!m.input(at(3, 0, 0), true, 0.0));
        m.set_hours(Some(office()));
        assert_eq!(m.screen(at(3, 0, 0), true, 0.0), Screen::Off);
    }
}
