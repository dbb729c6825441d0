//! Home: under its title and welcome, a hint and a large tile for every section; under
//! the tiles, where the screen has room left (landscape), the content's headline figures.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use super::title::{self, Line, column_height, column_ui};
use crate::navigation::{Header, Page};
use crate::theme::{Theme, size, space, tile_width};
use crate::widgets::{icon, text, tile};

/// Draws the home page with its title block (Home draws its own: where larger text leaves
/// too little height for everything, the tiles go compact and then the lead is left out,
/// so every section stays in sight without scrolling); returns the section whose tile was
/// tapped.
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
    let full = sections
        .iter()
        .map(|(_, h)| tile::height_for(ui, theme, width, cx.t(h.nav_label), summary(h)))
        .fold(tile::MIN_SIZE.y, f32::max);
    let compact_h = sections
        .iter()
        .map(|(_, h)| tile::compact_height_for(ui, theme, width, cx.t(h.nav_label)))
        .fold(space::TOUCH_MIN, f32::max);

    // What each part takes, to choose what fits.
    let text_width = ui.available_width().min(space::MAX_TEXT_WIDTH);
    let spacing = ui.spacing().item_spacing.y;
    let height_of = |text: &str, font| {
        ui.painter()
            .layout(text.to_owned(), font, theme.text, text_width)
            .size()
            .y
            + spacing
    };
    let title_h = height_of(title, Theme::bold(size::PAGE_TITLE));
    let lead_h = lead.map_or(0.0, |l| height_of(l, Theme::font(size::LEAD)));
    let hint_h = space::S + height_of(hint, Theme::bold(size::BODY)).max(size::NAV_ICON) + space::L;
    let rows = sections.len().div_ceil(columns) as f32;
    let tiles_h = |height: f32| rows * height + (rows - 1.0) * gap;
    let budget = visible_height_left(ui, cx);
    let fits = |with_lead: bool, height: f32| {
        title_h + if with_lead { lead_h } else { 0.0 } + hint_h + tiles_h(height) <= budget
    };
    // Compact tiles only with larger text: drawn larger, they are as large on the screen
    // as full tiles without it.
    let (compact, with_lead) = if fits(true, full) || !cx.larger_text {
        (false, true)
    } else {
        (true, fits(true, compact_h))
    };
    let height = if compact { compact_h } else { full };

    text::title_block(ui, theme, title, lead.filter(|_| with_lead));
    ui.add_space(space::S);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(
            Vec2::splat(size::NAV_ICON + space::XS / 2.0),
            egui::Sense::hover(),
        );
        icon::paint_touch(ui.painter(), rect.center(), size::NAV_ICON, theme.accent);
        text::wrapped(ui, hint, Theme::bold(size::BODY), theme.accent);
    });
    ui.add_space(space::L);

    let mut chosen = None;
    for row in sections.chunks(columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (page, header) in row {
                let draw = if compact {
                    tile::compact_tile
                } else {
                    tile::tile
                };
                let response = draw(
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
    figures_ui(ui, cx);
    chosen
}

/// The headline facts in one row under the tiles, as many as fit (four down to one) in the
/// height the screen has left, each with its label, year and source; none on a screen
/// with no room left, so Home never scrolls for them.
fn figures_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let (content, theme) = (cx.content, cx.theme);
    let facts = &content.facts.facts;
    let left = visible_height_left(ui, cx);
    let source = cx.t(&content.labels.source);
    let lines = |width: f32, count: usize| -> Vec<Vec<Line>> {
        // One size for the row's figures: the largest at which each takes one line.
        let value_size = facts
            .iter()
            .take(count)
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
        facts
            .iter()
            .take(count)
            .map(|fact| {
                let value = cx.t(&fact.value);
                let footnote = format!("{} · {source}: {}", fact.year, cx.t(&fact.source));
                let line = |text: &str, font, color| {
                    title::laid_out(ui, text, font, color, (width, false))
                };
                vec![
                    line(value, Theme::bold(value_size), theme.primary),
                    line(cx.t(&fact.label), Theme::font(size::SMALL), theme.text),
                    Line::Gap(space::XS / 2.0),
                    line(&footnote, Theme::font(size::SMALL), theme.text_muted),
                ]
            })
            .collect()
    };
    let gap = space::XL;
    let fits = (1..=facts.len().min(4)).rev().find_map(|columns| {
        let width = (ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32;
        if width < tile::MIN_SIZE.x {
            return None;
        }
        let shown = lines(width, columns);
        let height = shown.iter().map(|l| column_height(l)).fold(0.0, f32::max);
        (height <= left).then_some((width, height, shown))
    });
    let Some((width, height, shown)) = fits else {
        return;
    };
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), height),
        egui::Sense::hover(),
    );
    ui.painter().hline(
        rect.x_range(),
        rect.top() - space::XS,
        egui::Stroke::new(2.0, theme.gridline),
    );
    for (i, lines) in shown.into_iter().enumerate() {
        let x = rect.left() + (width + gap) * i as f32;
        column_ui(ui, theme.accent, lines, (x, rect.top()), false);
    }
}

/// The height left in sight under what is drawn so far, above the page's bottom margin.
fn visible_height_left(ui: &egui::Ui, cx: &PageCtx<'_>) -> f32 {
    let margin = crate::theme::page_margin(cx.portrait);
    ui.clip_rect().bottom() - margin - ui.cursor().top()
}
