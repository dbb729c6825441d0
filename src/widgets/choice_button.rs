//! A large outlined button for staff screens: one line or two of text, filled with the
//! primary colour when it is the current choice. Its text is its accessible name.

use eframe::egui::{self, Sense, Vec2};

use super::touch;
use crate::theme::{Theme, size, space};

/// A button `width` wide and at least [`space::NAV_BUTTON_HEIGHT`] high showing `label`,
/// marked when `selected`.
pub fn choice_button(
    ui: &mut egui::Ui,
    theme: &Theme,
    label: &str,
    width: f32,
    selected: bool,
) -> egui::Response {
    let (color, look) = if selected {
        (theme.on_primary, touch::Look::choice(theme, true))
    } else {
        (theme.primary, touch::Look::choice(theme, false))
    };
    button(ui, label, width, selected, (color, look))
}

/// A button like [`choice_button`] that leaves (Leave the kiosk): outlined and written in
/// the warm accent, apart from the other choices.
pub fn leave_button(ui: &mut egui::Ui, theme: &Theme, label: &str, width: f32) -> egui::Response {
    button(
        ui,
        label,
        width,
        false,
        (theme.accent, touch::Look::leave(theme)),
    )
}

fn button(
    ui: &mut egui::Ui,
    label: &str,
    width: f32,
    selected: bool,
    (color, look): (egui::Color32, touch::Look),
) -> egui::Response {
    let galley = ui.painter().layout(
        label.to_owned(),
        Theme::bold(size::BUTTON),
        color,
        width - 2.0 * space::M,
    );
    let height = (galley.size().y + 2.0 * space::S).max(space::NAV_BUTTON_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, label));
    if ui.is_rect_visible(rect) {
        touch::paint_fill(ui, &response, rect, look);
        let pos = egui::pos2(
            rect.left() + space::M,
            rect.center().y - galley.size().y / 2.0,
        );
        ui.painter().galley(pos, galley, color);
        touch::paint_focus(ui, &response, rect);
    }
    response
}
