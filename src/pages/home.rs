//! Home: under its title and welcome, a hint and a large tile for every section.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use crate::navigation::{Header, Page};
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, text, tile};

/// Draws the home page; returns the section whose tile was tapped.
pub fn ui<'a>(ui: &mut egui::Ui, cx: &PageCtx<'a>) -> Option<Page> {
    let theme = cx.theme;
    let content = cx.content;
    ui.add_space(space::S);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(
            Vec2::splat(size::NAV_ICON + space::XS / 2.0),
            egui::Sense::hover(),
        );
        icon::paint_touch(ui.painter(), rect.center(), size::NAV_ICON, theme.accent);
        text::wrapped(
            ui,
            cx.t(&content.home.hint),
            Theme::bold(size::BODY),
            theme.accent,
        );
    });
    ui.add_space(space::L);

    let sections = Page::SECTIONS.map(|page| (page, page.header(content)));
    // Landscape: every section in one row, all in sight at once.
    let columns = cx.columns(ui, sections.len(), 2, tile::MIN_SIZE.x);
    let gap = space::M;
    let width = tile_width(ui.available_width(), columns);
    let summary = |h: &Header<'a>| -> &'a str { h.summary.map_or("", |s| s.get(cx.lang)) };
    let height = sections
        .iter()
        .map(|(_, h)| tile::height_for(ui, theme, width, cx.t(h.nav_label), summary(h)))
        .fold(tile::MIN_SIZE.y, f32::max);
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
                    cx.t(header.nav_label),
                    summary(header),
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

/// The width of a home tile in `columns` across `width`.
pub fn tile_width(width: f32, columns: usize) -> f32 {
    let columns = columns.max(1) as f32;
    (width - space::M * (columns - 1.0)) / columns
}
