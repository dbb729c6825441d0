//! Home: the welcome and a large tile for every section.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use crate::navigation::Page;
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, text, tile};

/// Draws the home page; returns the section whose tile was tapped.
pub fn ui(ui: &mut egui::Ui, cx: &mut PageCtx<'_>) -> Option<Page> {
    let theme = cx.theme;
    let content = cx.content;
    text::page_title(ui, theme, cx.t(&content.home.title));
    text::lead(ui, theme, cx.t(&content.home.welcome));
    ui.add_space(space::S);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(40.0), egui::Sense::hover());
        icon::paint_touch(ui.painter(), rect.center(), 36.0, theme.accent);
        text::wrapped(
            ui,
            cx.t(&content.home.hint),
            Theme::bold(size::BODY),
            theme.accent,
        );
    });
    ui.add_space(space::L);

    let sections = crate::navigation::section_headers(content);
    // Landscape: every section in one row, all in sight at once.
    let columns = cx.columns(ui, sections.len(), 2, 280.0);
    let gap = space::M;
    let width = (ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32;
    let height = sections
        .iter()
        .map(|(_, h)| tile::height_for(ui, width, cx.t(&h.nav_label), cx.t(&h.summary)))
        .fold(200.0, f32::max);
    let mut chosen = None;
    for row in sections.chunks(columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (page, header) in row {
                let response = tile::tile(
                    ui,
                    theme,
                    Vec2::new(width, height),
                    header.icon,
                    cx.t(&header.nav_label),
                    cx.t(&header.summary),
                );
                if response.clicked() {
                    chosen = Some(*page);
                }
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
    }
    chosen
}
