//! Recognises a horizontal swipe from where a press started and ended.

/// The shortest horizontal travel that counts as a swipe, in points.
pub const MIN_DISTANCE: f32 = 160.0;
/// The longest a swipe may take, in seconds.
pub const MAX_SECS: f64 = 1.0;

/// Which way the finger moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwipeDirection {
    /// Right to left: show the next page.
    Left,
    /// Left to right: show the previous page.
    Right,
}

/// Tracks one press at a time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Swipe {
    start: Option<(f32, f32, f64)>,
}

impl Swipe {
    /// A press began at (`x`, `y`).
    pub fn press(&mut self, x: f32, y: f32, now: f64) {
        self.start = Some((x, y, now));
    }

    /// The press ended at (`x`, `y`): a swipe if it travelled far and fast enough, mostly
    /// sideways (a mostly vertical drag is a scroll).
    pub fn release(&mut self, x: f32, y: f32, now: f64) -> Option<SwipeDirection> {
        let (x0, y0, t0) = self.start.take()?;
        let (dx, dy) = (x - x0, y - y0);
        if now - t0 > MAX_SECS || dx.abs() < MIN_DISTANCE || dy.abs() * 2.0 > dx.abs() {
            return None;
        }
        Some(if dx < 0.0 {
            SwipeDirection::Left
        } else {
            SwipeDirection::Right
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_sideways_moves_are_swipes() {
        let mut s = Swipe::default();
        s.press(800.0, 500.0, 0.0);
        assert_eq!(s.release(500.0, 520.0, 0.3), Some(SwipeDirection::Left));
        s.press(500.0, 500.0, 1.0);
        assert_eq!(s.release(800.0, 480.0, 1.2), Some(SwipeDirection::Right));
    }

    #[test]
    fn taps_scrolls_and_slow_drags_are_not() {
        let mut s = Swipe::default();
        s.press(500.0, 500.0, 0.0);
        assert_eq!(s.release(505.0, 500.0, 0.1), None, "a tap");
        s.press(500.0, 500.0, 0.0);
        assert_eq!(
            s.release(700.0, 900.0, 0.3),
            None,
            "mostly vertical: a scroll"
        );
        s.press(500.0, 500.0, 0.0);
        assert_eq!(s.release(900.0, 500.0, 2.0), None, "too slow");
        assert_eq!(s.release(900.0, 500.0, 2.0), None, "no press");
    }
}
