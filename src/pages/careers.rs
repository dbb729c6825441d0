//! Careers: what working at IOM asks, equal opportunity, how to apply, and open vacancies.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use crate::content::Icon;
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, text};

/// Draws the careers page.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let theme = cx.theme;
    let page = &cx.content.careers;

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

    super::sections_ui(ui, cx, &page.sections);

    text::heading(ui, theme, cx.t(&page.vacancies_heading));
    if page.vacancies.is_empty() {
        theme.card_frame().show(ui, |ui| {
            ui.set_width(ui.available_width().min(space::MAX_TEXT_WIDTH));
            ui.horizontal_top(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(Vec2::splat(size::TILE_ICON), egui::Sense::hover());
                icon::paint(
                    ui.painter(),
                    rect.center(),
                    Icon::Calendar,
                    size::TILE_ICON,
                    theme.primary,
                );
                ui.add_space(space::S);
                ui.vertical(|ui| text::paragraph(ui, theme, cx.t(&page.no_vacancies)));
            });
        });
    }
    for vacancy in &page.vacancies {
        theme.card_frame().show(ui, |ui| {
            ui.set_width(ui.available_width().min(space::MAX_TEXT_WIDTH));
            ui.spacing_mut().item_spacing.y = space::XS;
            text::wrapped(
                ui,
                cx.t(&vacancy.title),
                Theme::bold(size::CARD_TITLE),
                theme.text,
            );
            text::paragraph(ui, theme, cx.t(&vacancy.location));
            let mut details = format!("{}: {}", cx.t(&page.closing_label), cx.t(&vacancy.closing));
            if let Some(reference) = &vacancy.reference {
                let label = cx.t(&page.reference_label);
                details = format!("{details} · {label}: {reference}");
            }
            text::small(ui, theme, &details);
        });
    }
}
