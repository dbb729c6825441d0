//! Reusable widgets, each unaware of which page uses it.

pub mod bar_chart;
pub mod cards;
pub mod icon;
pub mod language_switch;
pub mod nav;
pub mod overlay;
pub mod picture;
pub mod qr;
pub mod text;
pub mod tile;

use eframe::egui::{self, Response};

use crate::theme::Theme;

/// Paints the shared pressed / selected / focused states of a touch button into `rect`.
fn paint_button_state(ui: &egui::Ui, response: &Response, theme: &Theme, selected: bool) {
    let rect = response.rect;
    let radius = crate::theme::space::RADIUS;
    let fill = if response.is_pointer_button_down_on() {
        Some(theme.surface_pressed)
    } else if selected {
        Some(theme.primary_soft)
    } else {
        None
    };
    if let Some(fill) = fill {
        ui.painter().rect_filled(rect, radius, fill);
    }
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect.shrink(2.0),
            radius,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
}
