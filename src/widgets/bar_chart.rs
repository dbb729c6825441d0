//! A bar chart painted with egui's painter: vertical bars for years, horizontal bars for
//! categories with long names. Every value is written at its bar's end, bars are one colour,
//! and the chart's title and values are exposed to screen readers and tests.

use eframe::egui::{self, Align2, Color32, Pos2, Rect, Sense, Stroke, Vec2};

use crate::content::{Chart, LangId, Language, Orientation, format_number};
use crate::theme::{Theme, size, space};

/// A chart ready to draw in one language.
pub struct BarChart<'a> {
    /// The data.
    pub chart: &'a Chart,
    /// The language shown.
    pub lang: LangId,
    /// Its number format.
    pub language: &'a Language,
    /// Colours and type.
    pub theme: &'a Theme,
    /// How far the bars have grown, 0 to 1.
    pub progress: f32,
    /// The plot's height; the default suits a page that scrolls.
    pub height: Option<f32>,
    /// Columns fill all of `height` (the attract loop's chart, drawn large); otherwise it
    /// caps the natural height.
    pub fill: bool,
}

impl BarChart<'_> {
    /// What a screen reader says: the title, the unit, every bar with its value, and the
    /// source after `source_label` ("Source").
    pub fn accessible_label(&self, source_label: &str) -> String {
        let values: Vec<String> = self
            .chart
            .bars
            .iter()
            .map(|bar| {
                format!(
                    "{}: {}",
                    bar.label.get(self.lang),
                    self.value_text(bar.value)
                )
            })
            .collect();
        format!(
            "{} ({}): {}. {source_label}: {}",
            self.chart.title.get(self.lang),
            self.chart.unit.get(self.lang),
            values.join("; "),
            self.chart.source.get(self.lang),
        )
    }

    /// `value` written in the chart's language with its decimals.
    pub fn value_text(&self, value: f64) -> String {
        format_number(value, self.chart.decimals, self.language)
    }

    /// Draws the plot into the full available width; `source_label` ("Source") is for its
    /// accessible description.
    pub fn ui(&self, ui: &mut egui::Ui, source_label: &str) -> egui::Response {
        let width = ui.available_width();
        let natural = match self.chart.orientation {
            Orientation::Vertical => 440.0,
            Orientation::Horizontal => self.chart.bars.len() as f32 * ROW_HEIGHT,
        };
        let fills = self.fill && self.chart.orientation == Orientation::Vertical;
        let height = self.height.map_or(natural, |h| {
            if fills { h } else { h.min(natural) }.max(160.0)
        });
        let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
        let label = self.accessible_label(source_label);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        if ui.is_rect_visible(rect) {
            match self.chart.orientation {
                Orientation::Vertical => self.paint_vertical(ui, rect),
                Orientation::Horizontal => self.paint_horizontal(ui, rect),
            }
        }
        response
    }

    fn eased(&self) -> f32 {
        let t = self.progress.clamp(0.0, 1.0);
        1.0 - (1.0 - t).powi(3)
    }

    fn paint_vertical(&self, ui: &egui::Ui, rect: Rect) {
        let theme = self.theme;
        let painter = ui.painter();
        let max = chart_max(self.chart);
        let value_font = Theme::bold(size::SMALL);
        let label_font = Theme::font(size::SMALL);
        let top = rect.top() + 40.0;
        let baseline = rect.bottom() - 44.0;
        let plot_height = baseline - top;
        // Light gridlines at round values; the values themselves are written on the bars.
        let step = nice_step(max / 4.0);
        let tick_width = 96.0;
        // Round steps need no decimals unless the step itself is a fraction.
        let tick_decimals = if step >= 1.0 { 0 } else { self.chart.decimals };
        let plot = Rect::from_x_y_ranges(rect.left() + tick_width..=rect.right(), top..=baseline);
        // At most MAX_TICKS gridlines, whatever the values: a step that overflows or that
        // adding cannot move (values near the largest number) ends the loop all the same.
        for k in 1..=MAX_TICKS {
            let tick = step * f64::from(k);
            if !tick.is_finite() || tick > max * 1.0001 {
                break;
            }
            let y = baseline - share(tick, max) * plot_height;
            painter.line_segment(
                [Pos2::new(plot.left(), y), Pos2::new(plot.right(), y)],
                Stroke::new(1.0, theme.gridline),
            );
            painter.text(
                Pos2::new(plot.left() - space::XS, y),
                Align2::RIGHT_CENTER,
                format_number(tick, tick_decimals, self.language),
                Theme::font(size::SMALL),
                theme.text_muted,
            );
        }
        painter.line_segment(
            [
                Pos2::new(plot.left(), baseline),
                Pos2::new(plot.right(), baseline),
            ],
            Stroke::new(2.0, theme.text_muted),
        );
        let count = self.chart.bars.len().max(1) as f32;
        let slot = plot.width() / count;
        let bar_width = (slot * 0.62).min(140.0);
        let grown = self.eased();
        let value_color = fade(theme.text, grown);
        for (i, bar) in self.chart.bars.iter().enumerate() {
            let center_x = plot.left() + slot * (i as f32 + 0.5);
            let h = share(bar.value, max) * plot_height * grown;
            let bar_rect = Rect::from_min_max(
                Pos2::new(center_x - bar_width / 2.0, baseline - h),
                Pos2::new(center_x + bar_width / 2.0, baseline),
            );
            painter.rect_filled(
                bar_rect,
                egui::CornerRadius {
                    nw: 6,
                    ne: 6,
                    sw: 0,
                    se: 0,
                },
                theme.primary,
            );
            painter.text(
                Pos2::new(center_x, bar_rect.top() - space::XS),
                Align2::CENTER_BOTTOM,
                self.value_text(bar.value),
                value_font.clone(),
                value_color,
            );
            painter.text(
                Pos2::new(center_x, baseline + space::S),
                Align2::CENTER_TOP,
                bar.label.get(self.lang),
                label_font.clone(),
                theme.text,
            );
        }
    }

    fn paint_horizontal(&self, ui: &egui::Ui, rect: Rect) {
        let theme = self.theme;
        let painter = ui.painter();
        let max = chart_max(self.chart);
        let label_font = Theme::font(size::SMALL);
        let value_font = Theme::bold(size::SMALL);
        let label_width = self
            .chart
            .bars
            .iter()
            .map(|b| {
                painter
                    .layout_no_wrap(
                        b.label.get(self.lang).to_owned(),
                        label_font.clone(),
                        theme.text,
                    )
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
            .min(rect.width() * 0.4);
        let value_width = self
            .chart
            .bars
            .iter()
            .map(|b| {
                painter
                    .layout_no_wrap(self.value_text(b.value), value_font.clone(), theme.text)
                    .size()
                    .x
            })
            .fold(0.0, f32::max);
        let bar_left = rect.left() + label_width + space::S;
        let bar_span = (rect.right() - value_width - space::S - bar_left).max(1.0);
        painter.line_segment(
            [
                Pos2::new(bar_left, rect.top()),
                Pos2::new(bar_left, rect.bottom()),
            ],
            Stroke::new(2.0, theme.text_muted),
        );
        let grown = self.eased();
        let value_color = fade(theme.text, grown);
        let row_height = rect.height() / self.chart.bars.len().max(1) as f32;
        let thickness = (row_height * BAR_THICKNESS / ROW_HEIGHT).min(BAR_THICKNESS);
        for (i, bar) in self.chart.bars.iter().enumerate() {
            let row_top = rect.top() + i as f32 * row_height;
            let center_y = row_top + row_height / 2.0;
            let w = share(bar.value, max) * bar_span * grown;
            let bar_rect = Rect::from_min_size(
                Pos2::new(bar_left, center_y - thickness / 2.0),
                Vec2::new(w.max(2.0), thickness),
            );
            painter.rect_filled(
                bar_rect,
                egui::CornerRadius {
                    nw: 0,
                    ne: 6,
                    sw: 0,
                    se: 6,
                },
                theme.primary,
            );
            let label = painter.layout(
                bar.label.get(self.lang).to_owned(),
                label_font.clone(),
                theme.text,
                label_width,
            );
            painter.galley(
                Pos2::new(
                    bar_left - space::S - label.size().x,
                    center_y - label.size().y / 2.0,
                ),
                label,
                theme.text,
            );
            painter.text(
                Pos2::new(bar_rect.right() + space::XS, center_y),
                Align2::LEFT_CENTER,
                self.value_text(bar.value),
                value_font.clone(),
                value_color,
            );
        }
    }
}

/// Height of one row of a horizontal chart.
const ROW_HEIGHT: f32 = 50.0;
/// Thickness of a horizontal bar.
const BAR_THICKNESS: f32 = 34.0;

fn fade(color: Color32, alpha: f32) -> Color32 {
    color.gamma_multiply(alpha.clamp(0.0, 1.0))
}

/// The most gridlines a vertical chart draws.
const MAX_TICKS: u32 = 10;

/// The longest bar's value, as the scale of the bars: positive and finite whatever the
/// chart holds (the validator refuses the rest, but drawing never depends on it).
fn chart_max(chart: &Chart) -> f64 {
    let max = chart
        .bars
        .iter()
        .map(|b| b.value)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    if max > 0.0 { max } else { 1.0 }
}

/// How much of the scale `value` fills, 0 to 1 (0 for a value that is not a number).
fn share(value: f64, max: f64) -> f32 {
    let share = value / max;
    if share.is_finite() {
        share.clamp(0.0, 1.0) as f32
    } else {
        0.0
    }
}

/// A round step near `raw`: 1, 2 or 5 times a power of ten; positive and finite for any
/// input.
pub fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    if magnitude <= 0.0 || !magnitude.is_finite() {
        return raw;
    }
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    let step = nice * magnitude;
    if step.is_finite() { step } else { raw }
}

#[cfg(test)]
mod tests {
    use super::nice_step;

    #[test]
    fn nice_steps_are_round() {
        assert!((nice_step(15_510.0) - 20_000.0).abs() < 1e-9);
        assert!((nice_step(12.4) - 20.0).abs() < 1e-9);
        assert!((nice_step(0.3) - 0.5).abs() < 1e-9);
        assert!((nice_step(0.0) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn nice_steps_are_finite_at_the_extremes() {
        for raw in [
            f64::MAX,
            f64::MAX / 4.0,
            f64::MIN_POSITIVE,
            5e-324,
            1e-310,
            f64::NAN,
        ] {
            let step = nice_step(raw);
            assert!(step.is_finite() && step > 0.0, "{raw}: {step}");
        }
    }
}
