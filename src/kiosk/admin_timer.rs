//! The admin screen's timing: open after the right PIN, on one panel at a time, closing by
//! itself after [`CLOSE_AFTER_SECS`] without a touch, like the visitor side.

/// Seconds without a touch before the admin screen closes.
pub const CLOSE_AFTER_SECS: f64 = 60.0;

/// The panel the admin screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    /// The choices and the content's state.
    #[default]
    Menu,
    /// Content folders on USB sticks, their check, install and undo.
    Update,
    /// Usage figures.
    Usage,
    /// The hours the screen is on.
    Hours,
}

/// The open admin screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdminTimer {
    panel: Panel,
    last_touch: f64,
}

impl AdminTimer {
    /// Opens on the menu at `now`.
    pub fn open(now: f64) -> Self {
        Self {
            panel: Panel::Menu,
            last_touch: now,
        }
    }

    /// The panel shown.
    pub fn panel(&self) -> Panel {
        self.panel
    }

    /// Shows `panel` (a touch) at `now`.
    pub fn show(&mut self, panel: Panel, now: f64) {
        self.panel = panel;
        self.touch(now);
    }

    /// A touch at `now`: the minute starts again.
    pub fn touch(&mut self, now: f64) {
        self.last_touch = self.last_touch.max(now);
    }

    /// Whether the minute without a touch is over at `now`.
    pub fn is_over(&self, now: f64) -> bool {
        now - self.last_touch >= CLOSE_AFTER_SECS
    }

    /// Seconds from `now` until it closes by itself.
    pub fn secs_until_close(&self, now: f64) -> f64 {
        (self.last_touch + CLOSE_AFTER_SECS - now).max(0.001)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closes_a_minute_after_the_last_touch() {
        let mut t = AdminTimer::open(10.0);
        assert_eq!(t.panel(), Panel::Menu);
        assert!(!t.is_over(69.9));
        assert!(t.is_over(70.0));
        t.touch(50.0);
        assert!(!t.is_over(109.9));
        assert!((t.secs_until_close(100.0) - 10.0).abs() < 1e-9);
        t.show(Panel::Hours, 100.0);
        assert_eq!(t.panel(), Panel::Hours);
        assert!(!t.is_over(159.0));
        assert!(t.is_over(160.0));
        // A late, out-of-order touch does not move the minute back.
        t.touch(20.0);
        assert!(t.is_over(160.0));
    }
}
