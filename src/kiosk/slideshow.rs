//! The presenter's slideshow: a fixed order of slides, clicker keys, optional auto-advance
//! that pauses while the presenter is driving, and a blank screen.

/// How long auto-advance waits after the presenter pressed a key, in seconds.
pub const PAUSE_AFTER_KEY_SECS: f64 = 60.0;

/// The slideshow state machine.
#[derive(Debug, Clone, PartialEq)]
pub struct Slideshow {
    count: usize,
    current: usize,
    interval_secs: Option<f64>,
    /// When the current slide was shown.
    shown_at: f64,
    /// Auto-advance waits until then.
    paused_until: f64,
    blank: bool,
}

impl Slideshow {
    /// `count` slides, the first shown at `now`; auto-advance every `interval_secs` if given.
    pub fn new(count: usize, interval_secs: Option<f64>, now: f64) -> Self {
        Self {
            count: count.max(1),
            current: 0,
            interval_secs: interval_secs.filter(|s| *s > 0.0).map(|s| s.max(1.0)),
            shown_at: now,
            paused_until: now,
            blank: false,
        }
    }

    /// The content changed and now has `count` slides; stays on the same slide if it still
    /// exists.
    pub fn set_count(&mut self, count: usize) {
        self.count = count.max(1);
        self.current = self.current.min(self.count - 1);
    }

    /// The slide shown, from 0.
    pub fn current(&self) -> usize {
        self.current
    }

    /// How many slides there are.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Whether the screen is blanked.
    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// Whether auto-advance is waiting for the presenter.
    pub fn is_paused(&self, now: f64) -> bool {
        self.interval_secs.is_some() && now < self.paused_until
    }

    fn show(&mut self, index: usize, now: f64) {
        self.current = index;
        self.shown_at = now;
    }

    /// The presenter moves on (Page Down, Right, Space, Enter); stops at the last slide.
    pub fn next(&mut self, now: f64) {
        self.presenter_acted(now);
        self.show((self.current + 1).min(self.count - 1), now);
    }

    /// The presenter goes back (Page Up, Left, Backspace); stops at the first slide.
    pub fn previous(&mut self, now: f64) {
        self.presenter_acted(now);
        self.show(self.current.saturating_sub(1), now);
    }

    /// The presenter goes to the first slide (Home).
    pub fn first(&mut self, now: f64) {
        self.presenter_acted(now);
        self.show(0, now);
    }

    /// Shows slide `index` (a swipe or a tap on the progress).
    pub fn go(&mut self, index: usize, now: f64) {
        self.presenter_acted(now);
        self.show(index.min(self.count - 1), now);
    }

    /// Blanks the screen to black, or brings it back ("." or "b").
    pub fn toggle_blank(&mut self, now: f64) {
        self.presenter_acted(now);
        self.blank = !self.blank;
    }

    /// Any other key: pauses auto-advance for a while.
    pub fn presenter_acted(&mut self, now: f64) {
        self.paused_until = now + PAUSE_AFTER_KEY_SECS;
    }

    /// Whether auto-advance is due at `now`: the interval is up, the screen is not blank
    /// and the presenter has not pressed a key for a while.
    pub fn is_due(&self, now: f64) -> bool {
        self.interval_secs.is_some_and(|interval| {
            !self.blank && now >= self.paused_until && now - self.shown_at >= interval
        })
    }

    /// Auto-advance: the next slide, or the first after the last, without pausing.
    pub fn advance(&mut self, now: f64) {
        self.show((self.current + 1) % self.count, now);
    }

    /// Seconds from `now` until auto-advance next acts, if it will.
    pub fn secs_until_change(&self, now: f64) -> Option<f64> {
        let interval = self.interval_secs?;
        if self.blank {
            return None;
        }
        let due = (self.shown_at + interval).max(self.paused_until);
        Some((due - now).max(0.001))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicker_moves_and_stops_at_the_ends() {
        let mut s = Slideshow::new(3, None, 0.0);
        s.previous(1.0);
        assert_eq!(s.current(), 0);
        s.next(2.0);
        s.next(3.0);
        s.next(4.0);
        assert_eq!(s.current(), 2);
        s.first(5.0);
        assert_eq!(s.current(), 0);
        assert!(!s.is_due(1_000.0), "no auto-advance without an interval");
    }

    #[test]
    fn auto_advance_loops() {
        let mut s = Slideshow::new(3, Some(10.0), 0.0);
        assert!(!s.is_due(9.9));
        assert!(s.is_due(10.0));
        s.advance(10.0);
        assert_eq!(s.current(), 1);
        assert!(!s.is_due(19.9));
        s.advance(20.0);
        s.advance(30.0);
        assert_eq!(s.current(), 0);
        assert!((s.secs_until_change(35.0).unwrap_or_default() - 5.0).abs() < 1e-9);
    }

    #[test]
    fn a_key_pauses_auto_advance_for_a_while() {
        let mut s = Slideshow::new(5, Some(10.0), 0.0);
        s.next(5.0);
        assert!(s.is_paused(6.0));
        assert!(!s.is_due(20.0));
        assert!(!s.is_due(5.0 + PAUSE_AFTER_KEY_SECS - 0.1));
        assert!(s.is_due(5.0 + PAUSE_AFTER_KEY_SECS));
    }

    #[test]
    fn blank_holds_the_show() {
        let mut s = Slideshow::new(5, Some(10.0), 0.0);
        s.toggle_blank(1.0);
        assert!(s.is_blank());
        assert!(!s.is_due(500.0));
        assert_eq!(s.secs_until_change(500.0), None);
        s.toggle_blank(501.0);
        assert!(!s.is_blank());
        assert_eq!(s.current(), 0);
    }
}
