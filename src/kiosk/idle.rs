//! Idle reset and attract loop.
//!
//! After `timeout_secs` without input the kiosk resets to Home; during the last
//! `warning_secs` before that a countdown invites a touch. After the reset the attract loop
//! runs, stepping every `attract_step_secs`, until the next input wakes the kiosk.

/// Timing of the idle behaviour, in seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IdleConfig {
    /// Seconds without input before the reset.
    pub timeout_secs: f64,
    /// The last seconds before the reset during which the warning shows.
    pub warning_secs: f64,
    /// Seconds between the attract loop's steps.
    pub attract_step_secs: f64,
}

impl Default for IdleConfig {
    fn default() -> Self {
        Self {
            timeout_secs: 60.0,
            warning_secs: 20.0,
            attract_step_secs: 10.0,
        }
    }
}

/// The idle timeouts a person may ask for, in seconds: from a few seconds (a test) to a day.
pub const TIMEOUT_RANGE_SECS: std::ops::RangeInclusive<f64> = 5.0..=86_400.0;

/// Why idle timings asked for cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum IdleError {
    /// The timeout is outside [`TIMEOUT_RANGE_SECS`].
    #[error(
        "an idle timeout of {0} s is not from {min} to {max} s",
        min = TIMEOUT_RANGE_SECS.start(),
        max = TIMEOUT_RANGE_SECS.end()
    )]
    Timeout(f64),
    /// The warning is negative, or not shorter than the timeout.
    #[error(
        "a countdown of {warning_secs} s does not fit in an idle timeout of {timeout_secs} s: \
         it must be from 0 to less than the timeout"
    )]
    Warning {
        /// The warning asked for.
        warning_secs: f64,
        /// The timeout it must fit in.
        timeout_secs: f64,
    },
}

impl IdleConfig {
    /// The config a person asked for, refused rather than changed when it makes no sense:
    /// a timeout in [`TIMEOUT_RANGE_SECS`], a warning shorter than it.
    ///
    /// # Errors
    /// Which of the two is wrong, with the range it must be in.
    pub fn checked(
        timeout_secs: f64,
        warning_secs: f64,
        attract_step_secs: f64,
    ) -> Result<Self, IdleError> {
        if !TIMEOUT_RANGE_SECS.contains(&timeout_secs) {
            return Err(IdleError::Timeout(timeout_secs));
        }
        if !(0.0..timeout_secs).contains(&warning_secs) {
            return Err(IdleError::Warning {
                warning_secs,
                timeout_secs,
            });
        }
        Ok(Self::new(timeout_secs, warning_secs, attract_step_secs))
    }

    /// A config with sane bounds, for the app's own timings and tests: a timeout of at
    /// least a second, a warning no longer than it, attract steps of at least a second.
    /// What a person asks for goes through [`IdleConfig::checked`], which refuses instead.
    pub fn new(timeout_secs: f64, warning_secs: f64, attract_step_secs: f64) -> Self {
        let timeout_secs = timeout_secs.max(1.0);
        Self {
            timeout_secs,
            warning_secs: warning_secs.clamp(0.0, timeout_secs),
            attract_step_secs: attract_step_secs.max(1.0),
        }
    }
}

/// What the screen should show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleState {
    /// Someone is using the kiosk.
    Active,
    /// The countdown before the reset, with whole seconds left (at least 1).
    Warning {
        /// Seconds left, rounded up.
        seconds_left: u32,
    },
    /// Nobody is there: the attract loop, at this step.
    Attract {
        /// Counts from 0 at the reset.
        step: u64,
    },
}

/// A change the app must act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleEvent {
    /// The timeout ran out: go Home, in the default language, scrolled to the top.
    Reset,
    /// Input during the attract loop: show Home and do not act on that input.
    Woke,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Active { last_input: f64 },
    Attract { since: f64 },
}

/// The idle state machine.
#[derive(Debug, Clone, PartialEq)]
pub struct IdleMachine {
    config: IdleConfig,
    phase: Phase,
}

impl IdleMachine {
    /// Starts active at `now`.
    pub fn new(config: IdleConfig, now: f64) -> Self {
        Self {
            config,
            phase: Phase::Active { last_input: now },
        }
    }

    /// A touch, key or pointer move at `now`: restarts the timer; wakes the attract loop.
    pub fn input(&mut self, now: f64) -> Option<IdleEvent> {
        let woke = matches!(self.phase, Phase::Attract { .. });
        self.phase = Phase::Active { last_input: now };
        woke.then_some(IdleEvent::Woke)
    }

    /// Advances to `now`; returns [`IdleEvent::Reset`] once when the timeout runs out.
    pub fn update(&mut self, now: f64) -> Option<IdleEvent> {
        match self.phase {
            Phase::Active { last_input } if now - last_input >= self.config.timeout_secs => {
                self.phase = Phase::Attract { since: now };
                Some(IdleEvent::Reset)
            }
            _ => None,
        }
    }

    /// What to show at `now`.
    pub fn state(&self, now: f64) -> IdleState {
        match self.phase {
            Phase::Active { last_input } => {
                let left = self.config.timeout_secs - (now - last_input);
                if left <= self.config.warning_secs && left > 0.0 {
                    IdleState::Warning {
                        seconds_left: left.ceil().max(1.0) as u32,
                    }
                } else {
                    IdleState::Active
                }
            }
            Phase::Attract { since } => IdleState::Attract {
                step: ((now - since).max(0.0) / self.config.attract_step_secs).floor() as u64,
            },
        }
    }

    /// Seconds since the attract loop's step on screen at `now` began (0 when the loop is
    /// not running), for the step's opening motion.
    pub fn secs_into_step(&self, now: f64) -> f64 {
        match self.phase {
            Phase::Active { .. } => 0.0,
            Phase::Attract { since } => (now - since).max(0.0) % self.config.attract_step_secs,
        }
    }

    /// Seconds from `now` until the screen next changes by itself: when the warning starts,
    /// when its countdown ticks, when the reset comes, or the attract loop's next step.
    pub fn secs_until_change(&self, now: f64) -> f64 {
        match self.phase {
            Phase::Active { last_input } => {
                let idle = now - last_input;
                let warn_at = self.config.timeout_secs - self.config.warning_secs;
                if idle < warn_at {
                    warn_at - idle
                } else {
                    let left = (self.config.timeout_secs - idle).max(0.0);
                    // The countdown shows whole seconds: wake when the next one starts.
                    let to_tick = left - (left.ceil() - 1.0).max(0.0);
                    to_tick.max(0.001)
                }
            }
            Phase::Attract { since } => {
                let step = self.config.attract_step_secs;
                let into = (now - since).max(0.0) % step;
                (step - into).max(0.001)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn machine() -> IdleMachine {
        IdleMachine::new(IdleConfig::new(60.0, 20.0, 10.0), 0.0)
    }

    #[test]
    fn stays_active_until_the_warning() {
        let mut m = machine();
        assert_eq!(m.update(39.9), None);
        assert_eq!(m.state(39.9), IdleState::Active);
        assert!((m.secs_until_change(30.0) - 10.0).abs() < 1e-9);
    }

    #[test]
    fn warns_with_a_countdown_in_whole_seconds() {
        let m = machine();
        assert_eq!(m.state(40.0), IdleState::Warning { seconds_left: 20 });
        assert_eq!(m.state(40.5), IdleState::Warning { seconds_left: 20 });
        assert_eq!(m.state(41.0), IdleState::Warning { seconds_left: 19 });
        assert_eq!(m.state(59.5), IdleState::Warning { seconds_left: 1 });
        // Wakes exactly when the shown number changes.
        assert!((m.secs_until_change(40.5) - 0.5).abs() < 1e-9);
        assert!((m.secs_until_change(59.25) - 0.75).abs() < 1e-9);
    }

    #[test]
    fn input_cancels_the_warning_and_restarts_the_timer() {
        let mut m = machine();
        assert!(matches!(m.state(50.0), IdleState::Warning { .. }));
        assert_eq!(m.input(50.0), None);
        assert_eq!(m.state(50.0), IdleState::Active);
        assert_eq!(m.update(100.0), None);
        assert_eq!(m.state(100.0), IdleState::Warning { seconds_left: 10 });
    }

    #[test]
    fn resets_once_at_the_timeout_then_attracts() {
        let mut m = machine();
        assert_eq!(m.update(60.0), Some(IdleEvent::Reset));
        assert_eq!(m.update(61.0), None);
        assert_eq!(m.state(60.0), IdleState::Attract { step: 0 });
        assert_eq!(m.state(69.9), IdleState::Attract { step: 0 });
        assert_eq!(m.state(70.0), IdleState::Attract { step: 1 });
        assert_eq!(m.state(95.0), IdleState::Attract { step: 3 });
        assert!((m.secs_until_change(65.0) - 5.0).abs() < 1e-9);
        assert!((m.secs_into_step(65.0) - 5.0).abs() < 1e-9);
        assert!((m.secs_into_step(71.5) - 1.5).abs() < 1e-9);
    }

    #[test]
    fn a_touch_wakes_the_attract_loop() {
        let mut m = machine();
        m.update(60.0);
        assert_eq!(m.input(75.0), Some(IdleEvent::Woke));
        assert_eq!(m.state(75.0), IdleState::Active);
        // And the next timeout counts from the wake.
        assert_eq!(m.update(134.0), None);
        assert_eq!(m.update(135.0), Some(IdleEvent::Reset));
    }

    #[test]
    fn a_late_update_still_resets() {
        // A frame that comes long after the timeout (a suspended machine) resets at once.
        let mut m = machine();
        assert_eq!(m.update(10_000.0), Some(IdleEvent::Reset));
    }

    #[test]
    fn config_is_bounded() {
        let c = IdleConfig::new(6.0, 30.0, 0.0);
        assert!((c.warning_secs - 6.0).abs() < 1e-9);
        assert!(c.attract_step_secs >= 1.0);
        let m = IdleMachine::new(IdleConfig::new(6.0, 3.0, 8.0), 0.0);
        assert_eq!(m.state(3.0), IdleState::Warning { seconds_left: 3 });
    }

    #[test]
    fn what_a_person_asks_for_is_refused_not_changed() {
        assert_eq!(
            IdleConfig::checked(60.0, 20.0, 10.0),
            Ok(IdleConfig::default())
        );
        assert!(IdleConfig::checked(6.0, 3.0, 10.0).is_ok());
        assert!(IdleConfig::checked(60.0, 0.0, 10.0).is_ok());
        // A timeout of 0 became 1 s: back to the attract loop a second after each touch.
        let zero = IdleConfig::checked(0.0, 0.0, 10.0).expect_err("too short");
        assert_eq!(zero, IdleError::Timeout(0.0));
        assert!(zero.to_string().contains("from 5 to 86400 s"), "{zero}");
        assert!(IdleConfig::checked(86_401.0, 0.0, 10.0).is_err());
        let long = IdleConfig::checked(30.0, 40.0, 10.0).expect_err("longer");
        assert!(long.to_string().contains("countdown of 40 s"), "{long}");
        assert!(IdleConfig::checked(30.0, 30.0, 10.0).is_err());
        assert!(IdleConfig::checked(30.0, -1.0, 10.0).is_err());
    }
}
