//! IOM in Belize: the country office's profile, its projects and the map.

use eframe::egui;

use super::{PageCtx, article};

/// Draws the office page.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let page = &cx.content.office;
    article::ui(ui, cx, page);
}
