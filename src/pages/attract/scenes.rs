//! The attract loop's headline-figure and chart screens, each filling the space above the
//! invitation to touch.

use eframe::egui::{self, Color32, FontId, Rect};

use super::figure;
use crate::pages::PageCtx;
use crate::pages::title::{self, Line, column_height, column_ui};
use crate::theme::{Theme, size, space};
use crate::widgets::bar_chart::BarChart;
use crate::widgets::cards;
use crate::widgets::chart_card::{CardView, chart_card};

/// The largest a headline figure is drawn, in design points.
const FIGURE_MAX: f32 = 160.0;

/// The widest a headline figure's lines run, in design points.
const FIGURE_WIDTH: f32 = 1500.0;

/// How many of the other headline facts show under the one in the spotlight.
const OTHERS: usize = 3;

/// `text` laid out centred, `width` wide.
fn centred(ui: &egui::Ui, text: &str, font: FontId, color: Color32, width: f32) -> Line {
    title::laid_out(ui, text, font, color, (width, true))
}

/// Headline fact `index` at showcase size, counted up as far as `count` (0 to 1), with its
/// label, year and source; under it the other headline facts, smaller.
pub fn fact_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, area: Rect, index: usize, count: f32) {
    let (content, theme) = (cx.content, cx.theme);
    let facts = &content.facts.facts;
    let Some(fact) = facts.get(index) else {
        return;
    };
    let width = area.width().min(FIGURE_WIDTH);
    let shown = figure::counted(cx.t(&fact.value), count, content.language(cx.lang));
    let footnote = format!(
        "{} · {}: {}",
        fact.year,
        cx.t(&content.labels.source),
        cx.t(&fact.source)
    );
    let spotlight = |figure_size: f32| {
        vec![
            centred(
                ui,
                cx.t(&fact.label),
                Theme::bold(size::SECTION),
                theme.text,
                width,
            ),
            Line::Gap(space::S),
            centred(ui, &shown, Theme::bold(figure_size), theme.primary, width),
            Line::Gap(space::M),
            Line::Rule(space::XL * 3.0),
            Line::Gap(space::M),
            centred(
                ui,
                &footnote,
                Theme::font(size::LEAD),
                theme.text_muted,
                area.width(),
            ),
        ]
    };
    // The size that fits the figure as written keeps it still while it counts; a short
    // screen (larger text on a laptop) takes it down until the whole fits.
    let mut figure_size = title::fit_size(
        ui,
        cx.t(&fact.value),
        Theme::bold,
        (FIGURE_MAX, size::SECTION),
        (width, 2),
    );
    let mut lines = spotlight(figure_size);
    while column_height(&lines) > area.height() && figure_size > size::SECTION {
        figure_size -= 8.0;
        lines = spotlight(figure_size);
    }
    let others: Vec<_> = facts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, f)| f)
        .collect();
    let gap = space::XL;
    let spotlight = column_height(&lines);
    // As many of the others as fit under it, in a row; fewer are wider and so shorter.
    let row = (1..=others.len().min(OTHERS)).rev().find_map(|count| {
        let column = cards::columns_width(area.width(), count);
        if column < space::FACT_MIN_WIDTH {
            return None;
        }
        let row: Vec<Vec<Line>> = others[..count]
            .iter()
            .map(|f| {
                let value_size = title::fit_size(
                    ui,
                    cx.t(&f.value),
                    Theme::bold,
                    (size::HIGHLIGHT, size::SECTION),
                    (column, 1),
                );
                let value = cx.t(&f.value);
                vec![
                    centred(ui, value, Theme::bold(value_size), theme.primary, column),
                    Line::Gap(space::XS),
                    centred(
                        ui,
                        cx.t(&f.label),
                        Theme::font(size::BODY),
                        theme.text,
                        column,
                    ),
                ]
            })
            .collect();
        let height = row.iter().map(|l| column_height(l)).fold(0.0, f32::max);
        (spotlight + gap + height <= area.height()).then_some((column, height, row))
    });
    let height = spotlight + row.as_ref().map_or(0.0, |(_, h, _)| gap + h);
    let top = (area.center().y - height / 2.0).max(area.top());
    let bottom = column_ui(ui, theme.accent, lines, (area.center().x, top), true);
    let Some((column, _, row)) = row else {
        return;
    };
    let row_top = bottom + gap;
    ui.painter().hline(
        area.x_range(),
        row_top - gap / 2.0,
        egui::Stroke::new(2.0, theme.gridline),
    );
    let count = row.len() as f32;
    let row_width = column * count + space::M * (count - 1.0);
    let row_left = area.center().x - row_width * 0.5;
    for (i, lines) in row.into_iter().enumerate() {
        let x = row_left + (column + space::M) * i as f32 + column / 2.0;
        column_ui(ui, theme.accent, lines, (x, row_top), true);
    }
}

/// Chart `index` filling `area`, its bars grown as far as `grow` (0 to 1).
pub fn chart_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, area: Rect, index: usize, grow: f32) {
    /// The plot's height in the pass that measures the card around it.
    const TRIAL: f32 = 300.0;
    let content = cx.content;
    let Some(chart) = content.facts.charts.get(index) else {
        return;
    };
    let view = |height: f32| BarChart {
        chart,
        lang: cx.lang,
        language: content.language(cx.lang),
        theme: cx.theme,
        progress: grow,
        height: Some(height),
        fill: true,
    };
    let card = CardView {
        source_label: cx.t(&content.labels.source),
        min_height: 0.0,
        toggle: None,
    };
    let builder = || {
        egui::UiBuilder::new()
            .max_rect(area)
            .layout(egui::Layout::top_down(egui::Align::Min))
    };
    // What the card takes around its plot (title, unit, source, note; wrapped as they
    // are at this width), measured in an invisible pass.
    let mut sizing = ui.new_child(builder().sizing_pass().invisible().id_salt("chart-measure"));
    sizing.spacing_mut().item_spacing.y = space::XS;
    let _switched = chart_card(&mut sizing, &view(TRIAL), card);
    let chrome = sizing.min_rect().height() - TRIAL;
    let mut child = ui.new_child(builder());
    child.spacing_mut().item_spacing.y = space::XS;
    // The chart alone: there is nothing to switch.
    let _switched = chart_card(&mut child, &view(area.height() - chrome), card);
}
