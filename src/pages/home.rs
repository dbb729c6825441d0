//! Home: its title and welcome, a hint and a large tile for every section, and under the
//! tiles the content's headline figures, each with its label, year and source. Every
//! language and larger text show the same content: where the screen is too short for the
//! welcome above the tiles, the welcome follows them, so the tiles stay in sight; what does
//! not fit scrolls.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use super::title::{self, Line, column_height, column_ui};
use crate::navigation::{Header, Page};
use crate::theme::{Theme, size, space, tile_width};
use crate::widgets::{icon, text, tile};

/// Draws the home page with its title block; returns the section whose tile was tapped.
pub fn ui<'a>(ui: &mut egui::Ui, cx: &PageCtx<'a>) -> Option<Page> {
    let theme = cx.theme;
    let content = cx.content;
    let header = Page::Home.header(content);
    let (title, lead) = (cx.t(header.title), header.lead.map(|l| cx.t(l)));
    let hint = cx.t(&content.home.hint);

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

    // Whether the welcome fits above the tiles with the tiles still in sight.
    let spacing = ui.spacing().item_spacing.y;
    let height_of = |text: &str, font, max_width: f32| {
        let width = ui.available_width().min(max_width);
        ui.painter()
            .layout(text.to_owned(), font, theme.text, width)
            .size()
            .y
            + spacing
    };
    let title_h = height_of(title, Theme::bold(size::PAGE_TITLE), space::MAX_TITLE_WIDTH);
    let lead_h = lead.map_or(0.0, |l| {
        height_of(l, Theme::font(size::LEAD), space::MAX_TEXT_WIDTH)
    });
    let hint_h = space::S
        + height_of(hint, Theme::bold(size::BODY), space::MAX_TEXT_WIDTH).max(size::NAV_ICON)
        + space::M;
    let rows = sections.len().div_ceil(columns) as f32;
    let tiles_h = rows * height + (rows - 1.0) * gap;
    let lead_first = title_h + lead_h + hint_h + tiles_h <= visible_height_left(ui, cx);

    text::page_title(ui, theme, title);
    if lead_first && let Some(lead) = lead {
        text::lead(ui, theme, lead);
    }
    // A short screen: the hint close to the tiles, to keep the tiles in sight.
    let gap_after_hint = if lead_first { space::M } else { space::XS };
    if lead_first {
        ui.add_space(space::S);
    }
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(
            Vec2::splat(size::NAV_ICON + space::XS / 2.0),
            egui::Sense::hover(),
        );
        icon::paint_touch(ui.painter(), rect.center(), size::NAV_ICON, theme.accent);
        text::wrapped(ui, hint, Theme::bold(size::BODY), theme.accent);
    });
    ui.add_space(gap_after_hint);

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
    if !lead_first && let Some(lead) = lead {
        ui.add_space(space::S);
        text::lead(ui, theme, lead);
        ui.add_space(space::M);
    }
    figures_ui(ui, cx);
    chosen
}

/// Every headline fact in rows under the tiles, as many to a row as the width holds (at most
/// four), each with its label, year and source; the values of a row at one size, each on one
/// line.
fn figures_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let (content, theme) = (cx.content, cx.theme);
    let facts = &content.facts.facts;
    if facts.is_empty() {
        return;
    }
    let source = cx.t(&content.labels.source);
    let gap = space::XL;
    let columns = (1..=facts.len().min(4))
        .rev()
        .find(|&columns| {
            let width = (ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32;
            width >= space::FIGURE_MIN_WIDTH
        })
        .unwrap_or(1);
    let width = (ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32;
    // One size for every figure: the largest at which each takes one line.
    let value_size = facts
        .iter()
        .map(|fact| {
            title::fit_size(
                ui,
                cx.t(&fact.value),
                Theme::bold,
                (size::SECTION, size::BODY),
                (width, 1),
            )
        })
        .fold(size::SECTION, f32::min);
    let column = |ui: &egui::Ui, fact: &crate::content::Fact| -> Vec<Line> {
        let footnote = format!("{} · {source}: {}", fact.year, cx.t(&fact.source));
        let line = |text: &str, font, color| title::laid_out(ui, text, font, color, (width, false));
        vec![
            line(cx.t(&fact.value), Theme::bold(value_size), theme.primary),
            line(cx.t(&fact.label), Theme::font(size::SMALL), theme.text),
            Line::Gap(space::XS / 2.0),
            line(&footnote, Theme::font(size::SMALL), theme.text_muted),
        ]
    };
    for (row, facts) in facts.chunks(columns).enumerate() {
        let shown: Vec<Vec<Line>> = facts.iter().map(|fact| column(ui, fact)).collect();
        let height = shown.iter().map(|l| column_height(l)).fold(0.0, f32::max);
        if row > 0 {
            ui.add_space(space::M);
        }
        let (rect, _) = ui.allocate_exact_size(
            Vec2::new(ui.available_width(), height + space::S),
            egui::Sense::hover(),
        );
        if row == 0 {
            ui.painter().hline(
                rect.x_range(),
                rect.top(),
                egui::Stroke::new(2.0, theme.gridline),
            );
        }
        for (i, lines) in shown.into_iter().enumerate() {
            let x = rect.left() + (width + gap) * i as f32;
            column_ui(ui, theme.accent, lines, (x, rect.top() + space::S), false);
        }
    }
}

/// The height left in sight under what is drawn so far, above the page's bottom margin.
fn visible_height_left(ui: &egui::Ui, cx: &PageCtx<'_>) -> f32 {
    let margin = crate::theme::page_margin(cx.portrait);
    ui.clip_rect().bottom() - margin - ui.cursor().top()
}
