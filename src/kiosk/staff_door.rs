//! The staff door: a long press on a fixed corner opens a PIN pad; five wrong PINs lock
//! the pad for a minute.

use crate::pin::PinHash;

/// How long the corner must be held, in seconds.
pub const HOLD_SECS: f64 = 5.0;
/// Wrong PINs allowed before the pad locks.
pub const MAX_FAILURES: u32 = 5;
/// How long the pad stays locked, in seconds.
pub const LOCKOUT_SECS: f64 = 60.0;

/// A key of the admin PIN pad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PadKey {
    /// A digit, 0 to 9.
    Digit(u8),
    /// Remove the last digit.
    Backspace,
    /// Check the PIN.
    Submit,
}

/// The longest PIN the pad takes.
pub const MAX_DIGITS: usize = 12;

/// Tracks a press held on the admin corner.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CornerHold {
    since: Option<f64>,
}

impl CornerHold {
    /// Feeds whether the corner is pressed at `now`; true once the hold reaches
    /// [`HOLD_SECS`] (then the hold starts over).
    pub fn update(&mut self, pressed: bool, now: f64) -> bool {
        match (pressed, self.since) {
            (false, _) => {
                self.since = None;
                false
            }
            (true, None) => {
                self.since = Some(now);
                false
            }
            (true, Some(since)) if now - since >= HOLD_SECS => {
                self.since = None;
                true
            }
            (true, Some(_)) => false,
        }
    }

    /// Seconds until a held press completes, while one is held.
    pub fn secs_until_done(&self, now: f64) -> Option<f64> {
        self.since.map(|since| (since + HOLD_SECS - now).max(0.001))
    }
}

/// What happened when a PIN was entered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PinOutcome {
    /// The right PIN: leave the kiosk.
    Correct,
    /// A wrong PIN; this many tries are left before the lockout.
    Wrong {
        /// Tries left.
        tries_left: u32,
    },
    /// The pad is locked for this many more seconds.
    Locked {
        /// Seconds left.
        secs_left: f64,
    },
}

/// The PIN pad's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PinPad {
    entered: String,
    failures: u32,
    locked_until: Option<f64>,
}

impl PinPad {
    /// How many digits are entered (the pad shows dots, never digits).
    pub fn entered_len(&self) -> usize {
        self.entered.len()
    }

    /// Seconds the pad stays locked from `now`, if locked.
    pub fn locked_for(&self, now: f64) -> Option<f64> {
        self.locked_until
            .map(|until| until - now)
            .filter(|left| *left > 0.0)
    }

    /// Adds a digit (ignored while locked or full).
    pub fn digit(&mut self, digit: u8, now: f64) {
        if self.locked_for(now).is_none() && digit <= 9 && self.entered.len() < MAX_DIGITS {
            self.entered.push(char::from(b'0' + digit));
        }
    }

    /// Removes the last digit.
    pub fn backspace(&mut self) {
        self.entered.pop();
    }

    /// Clears the entry (the pad was closed).
    pub fn clear(&mut self) {
        self.entered.clear();
    }

    /// Checks the entered PIN against `hash` and clears the entry.
    pub fn submit(&mut self, hash: &PinHash, now: f64) -> PinOutcome {
        if let Some(secs_left) = self.locked_for(now) {
            self.entered.clear();
            return PinOutcome::Locked { secs_left };
        }
        let entered = std::mem::take(&mut self.entered);
        if hash.verify(&entered) {
            self.failures = 0;
            self.locked_until = None;
            return PinOutcome::Correct;
        }
        self.failures += 1;
        if self.failures >= MAX_FAILURES {
            self.failures = 0;
            self.locked_until = Some(now + LOCKOUT_SECS);
            return PinOutcome::Locked {
                secs_left: LOCKOUT_SECS,
            };
        }
        PinOutcome::Wrong {
            tries_left: MAX_FAILURES - self.failures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash() -> PinHash {
        PinHash::new("1379", [9; 16], 10).expect("valid pin")
    }

    fn enter(pad: &mut PinPad, pin: &str, now: f64) {
        for b in pin.bytes() {
            pad.digit(b - b'0', now);
        }
    }

    #[test]
    fn the_corner_must_be_held_five_seconds() {
        let mut hold = CornerHold::default();
        assert!(!hold.update(true, 0.0));
        assert!(!hold.update(true, 4.9));
        assert!(hold.update(true, 5.0));
        // Letting go starts over.
        assert!(!hold.update(true, 6.0));
        assert!(!hold.update(false, 7.0));
        assert!(!hold.update(true, 8.0));
        assert!(!hold.update(true, 12.9));
        assert!(hold.update(true, 13.0));
    }

    #[test]
    fn the_right_pin_opens() {
        let mut pad = PinPad::default();
        enter(&mut pad, "1379", 0.0);
        assert_eq!(pad.entered_len(), 4);
        assert_eq!(pad.submit(&hash(), 0.0), PinOutcome::Correct);
        assert_eq!(pad.entered_len(), 0);
    }

    #[test]
    fn five_wrong_pins_lock_the_pad_for_a_minute() {
        let mut pad = PinPad::default();
        for tries_left in (1..MAX_FAILURES).rev() {
            enter(&mut pad, "0000", 1.0);
            assert_eq!(pad.submit(&hash(), 1.0), PinOutcome::Wrong { tries_left });
        }
        enter(&mut pad, "0000", 2.0);
        assert!(matches!(
            pad.submit(&hash(), 2.0),
            PinOutcome::Locked { .. }
        ));
        // Even the right PIN is refused while locked, and digits are ignored.
        enter(&mut pad, "1379", 30.0);
        assert_eq!(pad.entered_len(), 0);
        assert!(matches!(
            pad.submit(&hash(), 30.0),
            PinOutcome::Locked { .. }
        ));
        assert!(pad.locked_for(61.9).is_some());
        assert!(pad.locked_for(62.0).is_none());
        enter(&mut pad, "1379", 62.0);
        assert_eq!(pad.submit(&hash(), 62.0), PinOutcome::Correct);
    }

    #[test]
    fn backspace_and_length_limit() {
        let mut pad = PinPad::default();
        enter(&mut pad, "1234567890123", 0.0);
        assert_eq!(pad.entered_len(), MAX_DIGITS);
        pad.backspace();
        assert_eq!(pad.entered_len(), MAX_DIGITS - 1);
        pad.clear();
        assert_eq!(pad.entered_len(), 0);
    }
}
