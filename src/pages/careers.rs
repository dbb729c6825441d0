//! Careers: what working at IOM asks, equal opportunity, how to apply, and open vacancies.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use crate::content::{Icon, Vacancy, long_date};
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, qr, text};

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
    // A vacancy shows until the end of its closing day; with a clock that cannot be
    // trusted, every vacancy shows.
    let open: Vec<&Vacancy> = page
        .vacancies
        .iter()
        .filter(|v| cx.today.is_none_or(|today| v.is_open(today)))
        .collect();
    if !open.is_empty() {
        // A kiosk left on this page past midnight still hides what closed: look again now
        // and then (a frame a minute costs nothing).
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_mins(1));
    }
    if open.is_empty() {
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
    for vacancy in open {
        theme.card_frame().show(ui, |ui| {
            ui.set_width(ui.available_width().min(space::MAX_TEXT_WIDTH));
            ui.horizontal_top(|ui| {
                let code = vacancy.url.as_deref().and_then(qr::Code::shared);
                let text_width =
                    ui.available_width() - code.as_ref().map_or(0.0, |c| c.side() + space::M);
                ui.allocate_ui(Vec2::new(text_width, 0.0), |ui| {
                    ui.vertical(|ui| vacancy_ui(ui, cx, vacancy));
                });
                if let (Some(code), Some(url)) = (code, &vacancy.url) {
                    // The code at the card's right edge, where every vacancy's code lines up.
                    ui.add_space((ui.available_width() - code.side()).max(space::M));
                    let caption = cx.t(&vacancy.title);
                    qr::code_ui(ui, theme, &code, url, &format!("{caption}: {url}"));
                }
            });
        });
    }
}

/// A vacancy's title, place, closing day in the language's long form and reference.
fn vacancy_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, vacancy: &Vacancy) {
    let (theme, page) = (cx.theme, &cx.content.careers);
    ui.spacing_mut().item_spacing.y = space::XS;
    text::wrapped(
        ui,
        cx.t(&vacancy.title),
        Theme::bold(size::CARD_TITLE),
        theme.text,
    );
    text::paragraph(ui, theme, cx.t(&vacancy.location));
    let code = &cx.content.language(cx.lang).code;
    let closing = long_date(vacancy.closing, code);
    let mut details = format!("{}: {closing}", cx.t(&page.closing_label));
    if let Some(reference) = &vacancy.reference {
        let label = cx.t(&page.reference_label);
        details = format!("{details} · {label}: {reference}");
    }
    text::small(ui, theme, &details);
}
