//! For the benchmarks (`bench/run`, `bench/soak`): with `OFFICE_KIOSK_FRAME_STATS` set, the
//! CPU time of the slowest frame so far, past start-up, is logged, and the size of egui's
//! font atlas each time it changes (it holds every glyph drawn so far, at every size).

use eframe::egui;

/// The frames seen, the slowest so far and the font atlas's last size, when asked for.
pub(crate) struct FrameStats(Option<Seen>);

#[derive(Default)]
struct Seen {
    frames: u64,
    slowest: f32,
    atlas: [usize; 2],
}

impl FrameStats {
    /// Kept only when `OFFICE_KIOSK_FRAME_STATS` is set.
    pub fn from_env() -> Self {
        Self(std::env::var_os("OFFICE_KIOSK_FRAME_STATS").map(|_| Seen::default()))
    }

    /// Logs `frame`'s CPU time if it is the slowest so far, and the font atlas if it grew or
    /// was cleared.
    pub fn record(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let Some(seen) = &mut self.0 else {
            return;
        };
        seen.frames += 1;
        let last = frame.info().cpu_usage.unwrap_or(0.0);
        if seen.frames > 3 && last > seen.slowest {
            seen.slowest = last;
            let frames = seen.frames;
            tracing::info!("KIOSK_SLOWEST_FRAME ms={:.1} frame={frames}", last * 1000.0);
        }
        let (atlas, fill) = ctx.fonts(|f| (f.font_image_size(), f.font_atlas_fill_ratio()));
        if atlas != seen.atlas {
            seen.atlas = atlas;
            let mb = (atlas[0] * atlas[1] * 4) as f64 / 1e6;
            tracing::info!(
                "KIOSK_FONT_ATLAS size={}x{} mb={mb:.1} fill={:.0}%",
                atlas[0],
                atlas[1],
                fill * 100.0
            );
        }
    }
}
