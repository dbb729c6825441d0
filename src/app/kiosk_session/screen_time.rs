//! When the kiosk's screen is lit: the screen hours (black outside them, woken for a while by
//! a touch), read on the wall clock, and the mouse cursor hidden once the window exists.

use crate::clock::WallClock;
use crate::command::Command;
use crate::kiosk::hours::{HoursMachine, ScreenHours};
use crate::stats::HourKey;

/// The screen's time.
pub(crate) struct ScreenTime {
    hours: HoursMachine,
    clock: WallClock,
    /// The cursor is still to be hidden (on the first frame, once the window exists).
    hide_cursor: bool,
    /// Whether the screen was black when last observed: outside the hours, not woken.
    dark: bool,
}

impl ScreenTime {
    /// The screen on during `hours` (always, when `None`), woken for `wake_secs` by a touch
    /// outside them; the cursor hidden unless `show_cursor`.
    pub fn new(
        hours: Option<ScreenHours>,
        wake_secs: f64,
        clock: WallClock,
        show_cursor: bool,
    ) -> Self {
        if let Some(hours) = hours {
            tracing::info!("screen hours: {hours}");
        }
        Self {
            hours: HoursMachine::new(hours, wake_secs),
            clock,
            hide_cursor: !show_cursor,
            dark: false,
        }
    }

    /// The hours in force.
    pub fn hours(&self) -> Option<ScreenHours> {
        self.hours.hours()
    }

    /// Whether the wall clock can be trusted.
    pub fn clock_trusted(&self) -> bool {
        self.clock.trusted_today().is_some()
    }

    /// The wall clock's hour, for the usage figures; `None` when the clock is wrong.
    pub fn hour(&self) -> Option<HourKey> {
        self.clock_trusted().then(|| HourKey::of(self.clock.now()))
    }

    /// Feeds this frame to the hours: `input` when a person touched or typed. Asks for the
    /// cursor to be hidden on the first frame; when a touch woke a black screen, asks for the
    /// start screen with the touch held off it, and returns true (the touch does nothing
    /// else).
    pub fn observe(&mut self, input: bool, now: f64, commands: &mut Vec<Command>) -> bool {
        if self.hide_cursor {
            commands.push(Command::HideCursor);
        }
        let (at, trusted) = (self.clock.now(), self.clock_trusted());
        let woke = input && self.hours.input(at, trusted, now);
        if woke {
            commands.push(Command::Reset);
            commands.push(Command::BlockTouches);
        }
        self.dark = !self.hours.screen(at, trusted, now).is_lit();
        woke
    }

    /// The cursor is hidden now.
    pub fn cursor_hidden(&mut self) {
        self.hide_cursor = false;
    }

    /// Whether the screen is black (outside the hours and not woken) this frame.
    pub fn is_dark(&self) -> bool {
        self.dark
    }

    /// Changes the hours (staff's setting; keeping them is the admin screen's job).
    pub fn set_hours(&mut self, hours: Option<ScreenHours>) {
        self.hours.set_hours(hours);
    }

    /// Seconds from `now` until the screen may change by itself.
    pub fn secs_until_change(&self, now: f64) -> Option<f64> {
        let (at, trusted) = (self.clock.now(), self.clock_trusted());
        self.hours.secs_until_change(at, trusted, now)
    }
}
