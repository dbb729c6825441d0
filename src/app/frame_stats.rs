//! For the benchmark: with `OFFICE_KIOSK_FRAME_STATS` set, the CPU time of the slowest frame
//! so far is logged.

/// The frames seen and the slowest so far.
#[derive(Debug, Default)]
pub(crate) struct FrameStats {
    frames: u64,
    slowest: f32,
}

impl FrameStats {
    /// Frame statistics when `OFFICE_KIOSK_FRAME_STATS` is set.
    pub fn from_env() -> Option<Self> {
        std::env::var_os("OFFICE_KIOSK_FRAME_STATS").map(|_| Self::default())
    }

    /// Logs the CPU time of the slowest frame so far, past start-up.
    pub fn record(&mut self, frame: &eframe::Frame) {
        self.frames += 1;
        let last = frame.info().cpu_usage.unwrap_or(0.0);
        if self.frames > 3 && last > self.slowest {
            self.slowest = last;
            tracing::info!(
                "KIOSK_SLOWEST_FRAME ms={:.1} frame={}",
                last * 1000.0,
                self.frames
            );
        }
    }
}
