//! Cards: a headline fact, a highlight figure, and an icon card with a short text.

use eframe::egui::{self, Vec2};

use super::{icon, text};
use crate::content::Icon;
use crate::theme::{Theme, size, space};

/// What a fact card shows.
pub struct FactCard<'a> {
    /// The figure, written large.
    pub value: &'a str,
    /// What it measures.
    pub label: &'a str,
    /// Year and source.
    pub footnote: &'a str,
    /// The figure's size, shared by a row of cards (see [`fact_value_size`]).
    pub value_size: f32,
}

/// A fact card: the big value, its label, then year and source in small text;
/// `width` wide and at least `min_height` tall, so the cards of one row are equal.
pub fn fact_card(
    ui: &mut egui::Ui,
    theme: &Theme,
    width: f32,
    min_height: f32,
    card: &FactCard<'_>,
) -> egui::Response {
    let FactCard {
        value,
        label,
        footnote,
        value_size,
    } = *card;
    let inner = inner_width(width);
    theme
        .card_frame()
        .show(ui, |ui| {
            ui.set_width(inner);
            ui.set_min_height((min_height - 2.0 * space::M).max(0.0));
            ui.spacing_mut().item_spacing.y = space::XS;
            text::wrapped(ui, value, Theme::bold(value_size), theme.primary);
            text::wrapped(ui, label, Theme::font(size::BODY), theme.text);
            ui.add_space(space::XS);
            text::small(ui, theme, footnote);
        })
        .response
}

/// The largest size, from [`size::BIG_NUMBER`] down to [`size::SECTION`], at which every
/// one of `values` fits a fact card `width` wide in at most two lines with no word cut;
/// one size for all keeps a row of cards even.
pub fn fact_value_size(ui: &egui::Ui, width: f32, values: &[&str]) -> f32 {
    let inner = inner_width(width);
    // Every value on one line where it can be, so the labels under them line up across a
    // row; two lines only where even the smallest size cannot hold one.
    let fits = |value: &str, size: f32, rows: usize| {
        let galley = ui.painter().layout(
            value.to_owned(),
            Theme::bold(size),
            egui::Color32::BLACK,
            inner,
        );
        galley.rows.len() <= rows && galley.size().x <= inner + 0.5
    };
    for rows in [1, 2] {
        let mut value_size = size::BIG_NUMBER;
        while value_size > size::SECTION && values.iter().any(|v| !fits(v, value_size, rows)) {
            value_size -= 4.0;
        }
        if values.iter().all(|v| fits(v, value_size, rows)) {
            return value_size;
        }
    }
    size::SECTION
}

/// A highlight: a big figure over what it means.
pub fn highlight(ui: &mut egui::Ui, theme: &Theme, width: f32, value: &str, label: &str) {
    ui.allocate_ui(Vec2::new(width, 0.0), |ui| {
        ui.set_width(width);
        ui.spacing_mut().item_spacing.y = space::XS;
        text::wrapped(ui, value, Theme::bold(size::HIGHLIGHT), theme.primary);
        text::wrapped(ui, label, Theme::font(size::BODY), theme.text);
    });
}

/// A card with an icon, a title and a short text.
pub fn icon_card(
    ui: &mut egui::Ui,
    theme: &Theme,
    width: f32,
    min_height: f32,
    card_icon: Icon,
    title: &str,
    body: &str,
) -> egui::Response {
    theme
        .card_frame()
        .show(ui, |ui| {
            ui.set_width(inner_width(width));
            ui.set_min_height((min_height - 2.0 * space::M).max(0.0));
            ui.spacing_mut().item_spacing.y = space::S;
            let (rect, _) =
                ui.allocate_exact_size(Vec2::splat(size::TILE_ICON), egui::Sense::hover());
            icon::paint(
                ui.painter(),
                rect.center(),
                card_icon,
                size::TILE_ICON,
                theme.primary,
            );
            text::wrapped(ui, title, Theme::bold(size::CARD_TITLE), theme.text);
            text::wrapped(ui, body, Theme::font(size::BODY), theme.text);
        })
        .response
}

/// The width of one of `columns` equal columns across the available width.
pub fn column_width(ui: &egui::Ui, columns: usize) -> f32 {
    columns_width(ui.available_width(), columns)
}

/// The width of one of `columns` equal columns across `width`, with the grid's gaps.
pub fn columns_width(width: f32, columns: usize) -> f32 {
    let columns = columns.max(1) as f32;
    ((width - space::M * (columns - 1.0)) / columns).max(1.0)
}

/// The width inside a card `width` wide, within its padding.
pub fn inner_width(width: f32) -> f32 {
    width - 2.0 * space::M
}

/// Lays out `count` items in rows of at most `columns`, the items of a row equally tall.
///
/// `item(ui, index, width, min_height)` draws one item; it is called once in an invisible
/// sizing pass (with `min_height` 0) to measure it, then for real at the row's height.
pub fn grid(
    ui: &mut egui::Ui,
    columns: usize,
    count: usize,
    mut item: impl FnMut(&mut egui::Ui, usize, f32, f32),
) {
    let columns = columns.max(1);
    let gap = space::M;
    let width = column_width(ui, columns);
    let mut index = 0;
    while index < count {
        let row_end = (index + columns).min(count);
        let mut row_height: f32 = 0.0;
        for i in index..row_end {
            let mut sizing = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(egui::Rect::from_min_size(
                        ui.next_widget_position(),
                        Vec2::new(width, f32::INFINITY),
                    ))
                    .sizing_pass()
                    .invisible()
                    .id_salt(("grid-measure", i)),
            );
            item(&mut sizing, i, width, 0.0);
            row_height = row_height.max(sizing.min_rect().height());
        }
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for i in index..row_end {
                ui.allocate_ui_with_layout(
                    Vec2::new(width, row_height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| item(ui, i, width, row_height),
                );
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
        index = row_end;
    }
}
