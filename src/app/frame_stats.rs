//! For the benchmark (`scripts/bench.sh`): with `OFFICE_KIOSK_FRAME_STATS` set, the CPU
//! time of the slowest frame so far, past start-up, is logged.

/// The frames seen and the slowest so far, when asked for.
pub(crate) struct FrameStats(Option<(u64, f32)>);

impl FrameStats {
    /// Kept only when `OFFICE_KIOSK_FRAME_STATS` is set.
    pub fn from_env() -> Self {
        Self(std::env::var_os("OFFICE_KIOSK_FRAME_STATS").map(|_| (0, 0.0)))
    }

    /// Logs `frame`'s CPU time if it is the slowest so far.
    pub fn record(&mut self, frame: &eframe::Frame) {
        let Some((frames, slowest)) = &mut self.0 else {
            return;
        };
        *frames += 1;
        let last = frame.info().cpu_usage.unwrap_or(0.0);
        if *frames > 3 && last > *slowest {
            *slowest = last;
            tracing::info!("KIOSK_SLOWEST_FRAME ms={:.1} frame={frames}", last * 1000.0);
        }
    }
}
