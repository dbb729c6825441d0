//! Facts and figures: the headline facts as large cards, then the bar charts.

use eframe::egui;

use super::PageCtx;
use crate::widgets::bar_chart::{BarChart, chart_card};
use crate::widgets::cards;

/// Draws the facts page.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let theme = cx.theme;
    let content = cx.content;
    let page = &content.facts;
    let source_label = cx.t(&content.labels.source);
    ui.add_space(crate::theme::space::M);

    let columns = cx.columns(ui, 4, 2, 300.0);
    super::facts_ui(ui, cx, &page.facts, columns);

    let language = content.language(cx.lang);
    let columns = cx.columns(ui, 2, 1, 640.0);
    let progress = cx.progress;
    let lang = cx.lang;
    cards::grid(
        ui,
        columns,
        page.charts.len(),
        |ui, i, _width, min_height| {
            let chart = BarChart {
                chart: &page.charts[i],
                lang,
                language,
                theme,
                progress,
                height: None,
            };
            chart_card(ui, chart, source_label, min_height);
        },
    );
}
