//! Where the scrolling part of the screen was shown: the page's (or slide's, or admin
//! screen's panel's) scroll area, recorded each frame, so that checks can tell text a
//! visitor scrolls to from text cut off.

use eframe::egui;

fn viewport_id() -> egui::Id {
    egui::Id::unique("page-viewport")
}

/// Records where the page, slide or panel that scrolls is shown this frame (see [`shown`]);
/// the last recorded in a frame, the one on top, wins.
pub fn record(ctx: &egui::Context, rect: egui::Rect) {
    ctx.data_mut(|d| d.insert_temp(viewport_id(), rect));
}

/// Where the scrolling part was shown in the last frame: the part of the screen its scroll
/// area shows. A page's texts may run past its top and bottom, where the visitor scrolls to
/// them; a slide's may not, as nobody scrolls a slide.
pub fn shown(ctx: &egui::Context) -> Option<egui::Rect> {
    ctx.data(|d| d.get_temp(viewport_id()))
}
