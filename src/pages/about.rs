//! About IOM: who the organisation is and what it does.

use eframe::egui;

use super::{PageCtx, article};

/// Draws the About page.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let page = &cx.content.about;
    article::ui(ui, cx, page);
}
