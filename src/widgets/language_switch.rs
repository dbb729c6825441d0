//! The language switch: each language by its own name ("English", "Español"), never a flag.

use eframe::egui::{self, Sense, Vec2};

use crate::content::{LangId, Language};
use crate::theme::{Theme, size, space};

/// The width [`language_switch_ui`] takes for `languages`.
pub fn switch_width(ui: &egui::Ui, languages: &[Language]) -> f32 {
    let buttons: f32 = languages
        .iter()
        .map(|l| button_width(ui, &l.name, Theme::bold(size::BUTTON)))
        .sum();
    buttons + space::XS * languages.len().saturating_sub(1) as f32
}

fn button_width(ui: &egui::Ui, name: &str, font: egui::FontId) -> f32 {
    let text = ui
        .painter()
        .layout_no_wrap(name.to_owned(), font, egui::Color32::BLACK)
        .size()
        .x;
    (text + 2.0 * space::M).max(120.0)
}

/// One button per language, the current one filled. Returns the language tapped, if any.
pub fn language_switch_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    languages: &[Language],
    current: LangId,
) -> Option<LangId> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = space::XS;
        for (i, language) in languages.iter().enumerate() {
            let id = LangId(i);
            let selected = id == current;
            let font = if selected {
                Theme::bold(size::BUTTON)
            } else {
                Theme::font(size::BUTTON)
            };
            let (text_color, fill) = if selected {
                (theme.on_primary, theme.primary)
            } else {
                (theme.primary, theme.surface)
            };
            let galley = ui
                .painter()
                .layout_no_wrap(language.name.clone(), font, text_color);
            // Bold and regular names take the same room, so nothing moves on a switch.
            let width = button_width(ui, &language.name, Theme::bold(size::BUTTON));
            let desired = Vec2::new(width, 64.0);
            let (rect, response) = ui.allocate_exact_size(desired, Sense::click());
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &language.name)
            });
            if ui.is_rect_visible(rect) {
                let fill = if response.is_pointer_button_down_on() {
                    theme.surface_pressed
                } else {
                    fill
                };
                let painter = ui.painter();
                painter.rect_filled(rect, space::RADIUS, fill);
                painter.rect_stroke(
                    rect,
                    space::RADIUS,
                    egui::Stroke::new(2.0, theme.primary),
                    egui::StrokeKind::Inside,
                );
                let text_color = if response.is_pointer_button_down_on() {
                    theme.primary
                } else {
                    text_color
                };
                painter.galley(rect.center() - galley.size() / 2.0, galley, text_color);
                if response.has_focus() {
                    painter.rect_stroke(
                        rect.expand(3.0),
                        space::RADIUS,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Outside,
                    );
                }
            }
            if response.clicked() {
                chosen = Some(id);
            }
        }
    });
    chosen
}
