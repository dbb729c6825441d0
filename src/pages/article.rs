//! The shared body of the text pages under their title block: highlight figures, cards,
//! sections and an image beside the text (landscape) or under it (portrait).

use eframe::egui::{self, Vec2};

use super::PageCtx;
use crate::content::ArticlePage;
use crate::theme::space;
use crate::widgets::text;

/// Draws an article page.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, page: &ArticlePage) {
    let theme = cx.theme;
    if !page.highlights.is_empty() {
        ui.add_space(space::M);
        let columns = cx.columns(
            ui,
            page.highlights.len().min(4),
            2,
            space::HIGHLIGHT_MIN_WIDTH,
        );
        super::highlights_ui(ui, cx, page, columns);
    }

    if !page.cards.is_empty() {
        if let Some(heading) = &page.cards_heading {
            text::heading(ui, theme, cx.t(heading));
        }
        let columns = cx.columns(
            ui,
            super::card_columns(page.cards.len()),
            1,
            space::CARD_MIN_WIDTH,
        );
        super::cards_ui(ui, cx, &page.cards, columns);
    }

    let sections = |ui: &mut egui::Ui, cx: &PageCtx<'_>| super::sections_ui(ui, cx, &page.sections);

    match &page.image {
        Some(image) if !cx.portrait => {
            // Text on the left at reading width, the image on the right.
            let text_width = (ui.available_width() * 0.6).min(space::MAX_TEXT_WIDTH);
            ui.horizontal_top(|ui| {
                ui.allocate_ui(Vec2::new(text_width, 0.0), |ui| {
                    ui.vertical(|ui| sections(ui, cx));
                });
                ui.add_space(space::XL);
                ui.vertical(|ui| {
                    ui.add_space(space::M);
                    let width = ui.available_width();
                    super::figure_ui(ui, cx, image, Vec2::new(width, 900.0));
                });
            });
        }
        Some(image) => {
            sections(ui, cx);
            ui.add_space(space::M);
            let max = Vec2::new(ui.available_width(), 900.0);
            super::figure_ui(ui, cx, image, max);
        }
        None => sections(ui, cx),
    }
}
