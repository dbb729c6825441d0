//! What the kiosk's screens can hold beyond single texts: the language switch beside the
//! reading settings' button on the narrowest screen it supports, and each vertical chart's
//! labels and values under and over their bars.

use eframe::egui::{self, Vec2};

use crate::content::{Chart, Content, LangId, Orientation, ProblemKind, format_number};
use crate::theme::{LARGE_TEXT_SCALE, Theme, page_margin, page_width, size, space};
use crate::widgets::{cards, language_switch, settings_panel};

/// The narrowest landscape screen the kiosk supports, in its design points: 1024x768 drawn
/// with a short side of 1080 points.
const NARROWEST_LANDSCAPE: Vec2 = Vec2::new(1440.0, 1080.0);
/// The portrait screen, in design points.
const PORTRAIT: Vec2 = Vec2::new(1080.0, 1920.0);
/// The room a vertical chart leaves left of its bars for its gridlines' values.
const TICK_WIDTH: f32 = 96.0;

/// The screens measured: their name, their size in design points, and whether the
/// controls sit in a landscape top bar beside the rail.
fn screens() -> [(&'static str, Vec2, bool); 4] {
    [
        ("1024x768 landscape", NARROWEST_LANDSCAPE, true),
        (
            "1024x768 landscape with larger text",
            NARROWEST_LANDSCAPE / LARGE_TEXT_SCALE,
            true,
        ),
        ("1080x1920 portrait", PORTRAIT, false),
        (
            "1080x1920 portrait with larger text",
            PORTRAIT / LARGE_TEXT_SCALE,
            false,
        ),
    ]
}

/// Errors: the language switch and the reading settings' button wider than a screen's bar,
/// in any language (the button's label changes with it).
pub(crate) fn switch(ui: &egui::Ui, content: &Content) -> Vec<(String, ProblemKind)> {
    let switch = language_switch::switch_width(ui, &content.languages);
    let mut found = Vec::new();
    for (i, _) in content.languages.iter().enumerate() {
        let display = content.labels.display.get(LangId(i));
        let width = settings_panel::button_width(ui, display) + space::S + switch;
        for (screen, shape, landscape) in screens() {
            let room = if landscape {
                shape.x - space::RAIL_WIDTH - 2.0 * space::XL
            } else {
                shape.x - 2.0 * page_margin(true)
            };
            if width > room {
                found.push((
                    "languages".to_owned(),
                    ProblemKind::LanguageSwitchTooWide {
                        display: display.to_owned(),
                        width,
                        screen: screen.to_owned(),
                        room,
                    },
                ));
                // The narrowest screen that fails is enough to say.
                return found;
            }
        }
    }
    found
}

/// Warnings: a vertical chart's bar label or value wider than its bar's share of the chart
/// on a portrait screen (the narrowest chart).
pub(crate) fn charts(ui: &egui::Ui, content: &Content) -> Vec<(String, ProblemKind)> {
    let mut found = Vec::new();
    for (c, chart) in content.facts.charts.iter().enumerate() {
        if chart.orientation != Orientation::Vertical {
            continue;
        }
        for (i, language) in content.languages.iter().enumerate() {
            for (screen, shape, landscape) in screens() {
                if landscape {
                    continue;
                }
                if let Some((bar, detail)) = chart_misfit(ui, chart, LangId(i), language, shape) {
                    found.push((
                        format!("facts.charts[{c}].bars[{bar}]"),
                        ProblemKind::TextTooLong {
                            path: format!("facts.charts[{c}].bars[{bar}]"),
                            language: language.code.clone(),
                            screen: screen.to_owned(),
                            detail,
                        },
                    ));
                    break;
                }
            }
        }
    }
    found
}

/// The first bar of `chart` whose label or value is wider than its slot, and what is.
fn chart_misfit(
    ui: &egui::Ui,
    chart: &Chart,
    lang: LangId,
    language: &crate::content::Language,
    shape: Vec2,
) -> Option<(usize, String)> {
    let plot = cards::inner_width(page_width(shape)) - TICK_WIDTH;
    let slot = plot / chart.bars.len().max(1) as f32;
    let width = |text: String, font: egui::FontId| {
        ui.painter()
            .layout_no_wrap(text, font, egui::Color32::BLACK)
            .size()
            .x
    };
    chart.bars.iter().enumerate().find_map(|(i, bar)| {
        let label = width(bar.label.get(lang).to_owned(), Theme::font(size::SMALL));
        let value = width(
            format_number(bar.value, chart.decimals, language),
            Theme::bold(size::SMALL),
        );
        let widest = label.max(value);
        (widest > slot).then(|| {
            let what = if label >= value { "label" } else { "value" };
            (
                i,
                format!(
                    "its {what} takes {widest:.0} points where each of the chart's {} bars \
                     has {slot:.0}: use fewer bars, shorter labels or a horizontal chart",
                    chart.bars.len()
                ),
            )
        })
    })
}
