//! The language switch: each language by its own name ("English", "Español"), never a flag,
//! in a group named for screen readers.

use eframe::egui::{self, Sense, Vec2, accesskit::Role};

use super::touch;
use crate::content::{LangId, Language};
use crate::theme::{Theme, size, space};

/// The narrowest language button, in points.
const MIN_BUTTON_WIDTH: f32 = 120.0;

/// The width [`language_switch_ui`] takes for `languages`.
pub fn switch_width(ui: &egui::Ui, languages: &[Language]) -> f32 {
    let buttons: f32 = languages.iter().map(|l| button_width(ui, &l.name)).sum();
    buttons + space::XS * languages.len().saturating_sub(1) as f32
}

/// Bold and regular names take the same room, so nothing moves on a switch.
fn button_width(ui: &egui::Ui, name: &str) -> f32 {
    let text = ui
        .painter()
        .layout_no_wrap(
            name.to_owned(),
            Theme::bold(size::BUTTON),
            egui::Color32::BLACK,
        )
        .size()
        .x;
    (text + 2.0 * space::M).max(MIN_BUTTON_WIDTH)
}

/// One button per language in a group named `name`, the current one filled. Returns the
/// language tapped, if any.
pub fn language_switch_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    name: &str,
    languages: &[Language],
    current: LangId,
) -> Option<LangId> {
    let builder = egui::UiBuilder::new()
        .layout(egui::Layout::left_to_right(egui::Align::Center))
        .accessibility_role(Role::Group)
        .accessibility_label(name);
    ui.scope_builder(builder, |ui| {
        ui.spacing_mut().item_spacing.x = space::XS;
        let mut chosen = None;
        for (i, language) in languages.iter().enumerate() {
            let id = LangId(i);
            let selected = id == current;
            let width = button_width(ui, &language.name);
            let (rect, response) =
                ui.allocate_exact_size(Vec2::new(width, space::TOUCH_MIN), Sense::click());
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, &language.name)
            });
            if ui.is_rect_visible(rect) {
                touch::paint_fill(ui, &response, rect, touch::Look::choice(theme, selected));
                let color = if selected && !touch::is_pressed(&response) {
                    theme.on_primary
                } else {
                    theme.primary
                };
                let font = if selected {
                    Theme::bold(size::BUTTON)
                } else {
                    Theme::font(size::BUTTON)
                };
                let galley = ui
                    .painter()
                    .layout_no_wrap(language.name.clone(), font, color);
                ui.painter()
                    .galley(rect.center() - galley.size() / 2.0, galley, color);
                touch::paint_focus(ui, &response, rect);
            }
            if response.clicked() {
                chosen = Some(id);
            }
        }
        chosen
    })
    .inner
}
