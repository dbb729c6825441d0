//! Usage figures: sessions per day, pages viewed and languages chosen over the last 7 or 30
//! days, drawn with the kiosk's own chart card, and Export to a USB stick as CSV.

use eframe::egui;

use super::AdminView;
use crate::command::AdminCommand;
use crate::maintenance::usage::SPANS;
use crate::maintenance::words::{Counted, Word};
use crate::theme::{Theme, space};
use crate::widgets::bar_chart::BarChart;
use crate::widgets::chart_card::{CardView, chart_card};
use crate::widgets::choice_button::choice_button;
use crate::widgets::text;

/// The usage panel.
pub(super) fn usage_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    view: &AdminView<'_>,
    command: &mut Option<AdminCommand>,
) {
    let width = ui.available_width().min(space::MAX_TEXT_WIDTH);
    text::heading(ui, theme, view.word(Word::UsageFigures));
    let Some(usage) = &view.admin.usage else {
        return;
    };
    let charts = match usage {
        Ok(charts) => charts,
        Err(why) => {
            text::paragraph(ui, theme, &why.message(view.code));
            return;
        }
    };
    let third = (width - 2.0 * space::S) / 3.0;
    ui.horizontal(|ui| {
        for span in SPANS {
            let label = Counted::LastDays(span).text(view.code);
            if choice_button(ui, theme, &label, third, charts.span_days == span).clicked() {
                *command = Some(AdminCommand::UsageSpan(span));
            }
        }
        if choice_button(ui, theme, view.word(Word::Export), third, false).clicked() {
            *command = Some(AdminCommand::ExportUsage);
        }
    });
    text::paragraph(
        ui,
        theme,
        &format!(
            "{} {}: {} {}",
            view.word(Word::Since),
            charts.since,
            charts.total_sessions,
            view.word(Word::SessionsTotal),
        ),
    );
    text::small(ui, theme, view.word(Word::UsageNote));
    if charts.total_sessions == 0 && charts.pages.bars.is_empty() {
        text::paragraph(ui, theme, view.word(Word::UsageNone));
    }
    for chart in [&charts.sessions, &charts.pages, &charts.languages] {
        // A chart of nothing but zeros says nothing the sentence above does not.
        if chart.bars.iter().all(|bar| bar.value == 0.0) {
            continue;
        }
        let bars = BarChart {
            chart,
            lang: crate::content::LangId(0),
            language: view.language,
            theme,
            progress: 1.0,
            height: Some(space::ADMIN_CHART_HEIGHT),
            fill: false,
        };
        ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
            chart_card(
                ui,
                &bars,
                CardView {
                    source_label: view.word(Word::Source),
                    min_height: 0.0,
                    toggle: None,
                },
            );
        });
    }
}
