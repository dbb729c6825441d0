//! A chart in a card: its title and unit, the plot or the same figures as a table (the
//! visitor's choice, with a button in the card), then the "Source:" line and any note.

use eframe::egui::{self, Align2, Pos2, Sense, Vec2, accesskit::Role};
use egui_extras::{Column, TableBuilder};

use super::bar_chart::BarChart;
use super::{text, touch};
use crate::theme::{Theme, size, space};

/// The button that switches between the chart and its table.
#[derive(Debug, Clone, Copy)]
pub struct TableToggle<'a> {
    /// Whether the table is shown.
    pub as_table: bool,
    /// "Show as table".
    pub show_table: &'a str,
    /// "Show as chart".
    pub show_chart: &'a str,
}

/// What frames the chart.
#[derive(Debug, Clone, Copy)]
pub struct CardView<'a> {
    /// "Source".
    pub source_label: &'a str,
    /// The card's least height, so the cards of one row are even.
    pub min_height: f32,
    /// The chart/table switch; `None` shows the chart alone (slides, the attract loop).
    pub toggle: Option<TableToggle<'a>>,
}

/// Draws `chart` in a card; true when the visitor asked to switch between chart and table.
pub fn chart_card(ui: &mut egui::Ui, chart: &BarChart<'_>, view: CardView<'_>) -> bool {
    let theme = chart.theme;
    let (lang, data) = (chart.lang, chart.chart);
    let mut switched = false;
    theme
        .card_frame()
        .inner_margin(egui::Margin::same(space::L as i8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_min_height((view.min_height - 2.0 * space::L).max(0.0));
            ui.spacing_mut().item_spacing.y = space::XS;
            let title = data.title.get(lang);
            let as_table = view.toggle.is_some_and(|t| t.as_table);
            match view.toggle {
                Some(toggle) => {
                    let label = if as_table {
                        toggle.show_chart
                    } else {
                        toggle.show_table
                    };
                    let button = toggle_width(ui, label);
                    // The button beside the title when both fit, under it otherwise.
                    if ui.available_width() - button - space::M >= button {
                        ui.horizontal_top(|ui| {
                            // The one gap is explicit, so the row is as wide as the card.
                            ui.spacing_mut().item_spacing.x = 0.0;
                            let title_width = ui.available_width() - button - space::M;
                            ui.allocate_ui(Vec2::new(title_width, 0.0), |ui| {
                                ui.set_width(title_width);
                                title_ui(ui, theme, title);
                            });
                            ui.add_space(space::M);
                            switched = toggle_ui(ui, theme, label, as_table).clicked();
                        });
                    } else {
                        title_ui(ui, theme, title);
                        switched = toggle_ui(ui, theme, label, as_table).clicked();
                    }
                }
                None => title_ui(ui, theme, title),
            }
            text::small(ui, theme, data.unit.get(lang));
            ui.add_space(space::M);
            if as_table {
                table_ui(ui, chart);
            } else {
                chart.ui(ui, view.source_label);
            }
            ui.add_space(space::M);
            text::source_line(ui, theme, view.source_label, data.source.get(lang));
            if let Some(note) = &data.note {
                text::small(ui, theme, note.get(lang));
            }
        });
    switched
}

fn title_ui(ui: &mut egui::Ui, theme: &Theme, title: &str) {
    text::wrapped(ui, title, Theme::bold(size::CARD_TITLE), theme.text);
}

/// The glyph of the switch: a table to go to, or a chart to go back to.
fn toggle_glyph(as_table: bool) -> &'static str {
    if as_table {
        egui_material_icons::icons::ICON_BAR_CHART.codepoint
    } else {
        egui_material_icons::icons::ICON_TABLE_ROWS.codepoint
    }
}

fn toggle_width(ui: &egui::Ui, label: &str) -> f32 {
    let text = ui
        .painter()
        .layout_no_wrap(
            label.to_owned(),
            Theme::bold(size::SMALL),
            egui::Color32::BLACK,
        )
        .size()
        .x;
    space::S + size::NAV_ICON + space::XS + text + space::S
}

/// The chart/table switch: an outlined button with an icon and `label`.
fn toggle_ui(ui: &mut egui::Ui, theme: &Theme, label: &str, as_table: bool) -> egui::Response {
    let size = Vec2::new(toggle_width(ui, label), space::TOUCH_MIN);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, label));
    if ui.is_rect_visible(rect) {
        touch::paint_fill(ui, &response, rect, touch::Look::choice(theme, false));
        let painter = ui.painter();
        let icon = Pos2::new(
            rect.left() + space::S + size::NAV_ICON / 2.0,
            rect.center().y,
        );
        painter.text(
            icon,
            Align2::CENTER_CENTER,
            toggle_glyph(as_table),
            Theme::icon_font(size::NAV_ICON),
            theme.primary,
        );
        painter.text(
            Pos2::new(icon.x + size::NAV_ICON / 2.0 + space::XS, rect.center().y),
            Align2::LEFT_CENTER,
            label,
            Theme::bold(size::SMALL),
            theme.primary,
        );
        touch::paint_focus(ui, &response, rect);
    }
    response
}

/// The chart's figures as a table: what each bar is, and its value in the chart's unit.
fn table_ui(ui: &mut egui::Ui, chart: &BarChart<'_>) {
    let (theme, lang, data) = (chart.theme, chart.lang, chart.chart);
    let font = Theme::font(size::BODY);
    let row_height = ui.fonts_mut(|f| f.row_height(&font)) + 2.0 * space::XS;
    let category = data.category.as_ref().map_or("", |c| c.get(lang));
    let unit = data.unit.get(lang);
    let group = egui::UiBuilder::new()
        .accessibility_role(Role::Group)
        .accessibility_label(data.title.get(lang));
    ui.scope_builder(group, |ui| {
        ui.visuals_mut().faint_bg_color = theme.primary_soft;
        // Tables keep their state by id: one of their own for each chart.
        TableBuilder::new(ui)
            .id_salt(("chart-table", data.title.get(lang), data.bars.len()))
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::remainder())
            .column(Column::auto().at_least(space::TOUCH_MIN * 2.0))
            .header(row_height, |mut header| {
                header.col(|ui| cell(ui, category, Theme::bold(size::BODY), theme.text));
                header.col(|ui| cell(ui, unit, Theme::bold(size::BODY), theme.text));
            })
            .body(|mut body| {
                for bar in &data.bars {
                    body.row(row_height, |mut row| {
                        row.col(|ui| cell(ui, bar.label.get(lang), font.clone(), theme.text));
                        row.col(|ui| {
                            let value = chart.value_text(bar.value);
                            cell(ui, &value, Theme::bold(size::BODY), theme.text);
                        });
                    });
                }
            });
    });
}

fn cell(ui: &mut egui::Ui, text: &str, font: egui::FontId, color: egui::Color32) {
    ui.add(
        egui::Label::new(egui::RichText::new(text).font(font).color(color))
            .wrap()
            .selectable(false),
    );
}
