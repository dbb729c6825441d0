//! The attract loop's headline-figure and chart screens, each filling the space above the
//! invitation to touch.

use eframe::egui::{self, Color32, FontId, Rect};

use super::figure;
use crate::pages::PageCtx;
use crate::pages::title::{self, Line, column_height, column_ui};
use crate::theme::{Theme, size, space};
use crate::widgets::bar_chart::BarChart;
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
    let gap = space::XL;
    // Landscape with other figures: the spotlight on the left, the others in a column on
    // the right.
    let wide = area.width() > area.height() * 1.3 && facts.len() > 1;
    let right = (area.width() * 0.36).max(space::FACT_MIN_WIDTH);
    let width = if wide {
        area.width() - right - gap
    } else {
        area.width()
    }
    .min(FIGURE_WIDTH);
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
                width,
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
    let others: Vec<_> = facts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, f)| f)
        .take(OTHERS)
        .collect();
    let source = cx.t(&content.labels.source);
    // Each of the others with its value, label, year and source, as every figure is shown.
    let other = |ui: &egui::Ui, f: &crate::content::Fact, width: f32| -> Vec<Line> {
        let value = cx.t(&f.value);
        let value_size = title::fit_size(
            ui,
            value,
            Theme::bold,
            (size::HIGHLIGHT, size::SECTION),
            (width, 1),
        );
        let footnote = format!("{} · {source}: {}", f.year, cx.t(&f.source));
        vec![
            centred(ui, value, Theme::bold(value_size), theme.primary, width),
            Line::Gap(space::XS),
            centred(
                ui,
                cx.t(&f.label),
                Theme::font(size::BODY),
                theme.text,
                width,
            ),
            Line::Gap(space::XS),
            centred(
                ui,
                &footnote,
                Theme::font(size::SMALL),
                theme.text_muted,
                width,
            ),
        ]
    };
    if wide && !others.is_empty() {
        // Each part centred in its height.
        let left = Rect::from_min_max(
            area.min,
            egui::pos2(area.right() - right - gap, area.bottom()),
        );
        let spotlight = fit_spotlight(&mut lines, left.height(), &mut figure_size, &spotlight);
        let column: Vec<Vec<Line>> = others.iter().map(|f| other(ui, f, right)).collect();
        let top = (left.center().y - spotlight / 2.0).max(left.top());
        column_ui(ui, theme.accent, lines, (left.center().x, top), true);
        let height = column.iter().map(|l| column_height(l)).sum::<f32>()
            + gap * (column.len() as f32 - 1.0);
        let x = area.right() - right / 2.0;
        let mut y = (area.center().y - height / 2.0).max(area.top());
        ui.painter().vline(
            left.right() + gap / 2.0,
            area.y_range().shrink(area.height() * 0.1),
            egui::Stroke::new(2.0, theme.gridline),
        );
        for lines in column {
            let h = column_height(&lines);
            if y + h > area.bottom() {
                break;
            }
            y = column_ui(ui, theme.accent, lines, (x, y), true) + gap;
        }
        return;
    }
    // Portrait (or no others): the spotlight in the upper part of the height, the others in
    // rows under it, spread over the rest.
    let spotlight_room = if others.is_empty() {
        area.height()
    } else {
        area.height() * 0.55
    };
    let spotlight = fit_spotlight(&mut lines, spotlight_room, &mut figure_size, &spotlight);
    let columns = if area.width() >= 2.0 * space::FACT_MIN_WIDTH + gap {
        2
    } else {
        1
    };
    let column = (area.width() - gap * (columns as f32 - 1.0)) / columns as f32;
    let rows: Vec<Vec<Vec<Line>>> = others
        .chunks(columns)
        .map(|row| row.iter().map(|f| other(ui, f, column)).collect())
        .collect();
    let top = (area.top() + (spotlight_room - spotlight) / 2.0).max(area.top());
    column_ui(ui, theme.accent, lines, (area.center().x, top), true);
    if others.is_empty() {
        return;
    }
    let heights: Vec<f32> = rows
        .iter()
        .map(|row| row.iter().map(|l| column_height(l)).fold(0.0, f32::max))
        .collect();
    let rest = Rect::from_min_max(
        egui::pos2(area.left(), area.top() + spotlight_room),
        area.max,
    );
    let total = heights.iter().sum::<f32>() + gap * (rows.len() as f32 - 1.0);
    let mut y = (rest.center().y - total / 2.0).max(rest.top());
    ui.painter().hline(
        area.x_range(),
        rest.top(),
        egui::Stroke::new(2.0, theme.gridline),
    );
    for (row, height) in rows.into_iter().zip(heights) {
        if y + height > area.bottom() {
            break;
        }
        let row_width = column * row.len() as f32 + gap * (row.len() as f32 - 1.0);
        let left = area.center().x - row_width / 2.0;
        for (i, lines) in row.into_iter().enumerate() {
            let x = left + (column + gap) * i as f32 + column / 2.0;
            column_ui(ui, theme.accent, lines, (x, y), true);
        }
        y += height + gap;
    }
}

/// Takes the spotlight's figure size down until its lines fit `room`; returns their height.
fn fit_spotlight(
    lines: &mut Vec<Line>,
    room: f32,
    figure_size: &mut f32,
    spotlight: &dyn Fn(f32) -> Vec<Line>,
) -> f32 {
    while column_height(lines) > room && *figure_size > size::SECTION {
        *figure_size -= 8.0;
        *lines = spotlight(*figure_size);
    }
    column_height(lines)
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
