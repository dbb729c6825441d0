//! Facts and figures: the headline facts as large cards, then the bar charts, each of which
//! the visitor may see as a table.

use eframe::egui;

use super::PageCtx;
use crate::command::Command;
use crate::theme::space;
use crate::widgets::bar_chart::BarChart;
use crate::widgets::cards;
use crate::widgets::chart_card::{CardView, TableToggle, chart_card};

/// Draws the facts page; returns the chart the visitor switched between chart and table.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) -> Option<Command> {
    let content = cx.content;
    let page = &content.facts;
    let labels = &content.labels;
    ui.add_space(space::M);

    let columns = cx.columns(ui, 4, 2, space::FACT_MIN_WIDTH);
    super::facts_ui(ui, cx, &page.facts, columns);

    let columns = cx.columns(ui, 2, 1, space::CHART_MIN_WIDTH);
    let mut command = None;
    cards::grid(
        ui,
        columns,
        page.charts.len(),
        |ui, i, _width, min_height| {
            let chart = BarChart {
                chart: &page.charts[i],
                lang: cx.lang,
                language: content.language(cx.lang),
                theme: cx.theme,
                progress: cx.progress,
                height: None,
                fill: false,
            };
            let as_table = cx.charts_as_tables.contains(&i);
            let view = CardView {
                source_label: cx.t(&labels.source),
                min_height,
                toggle: Some(TableToggle {
                    as_table,
                    show_table: cx.t(&labels.show_table),
                    show_chart: cx.t(&labels.show_chart),
                }),
            };
            if chart_card(ui, &chart, view) {
                command = Some(Command::ChartView(i, !as_table));
            }
        },
    );
    command
}
