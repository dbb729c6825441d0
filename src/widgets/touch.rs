//! The one look of a touch target: its fill (darker while pressed, within the same frame),
//! its outline, and the keyboard focus ring. Every button-like widget paints through
//! [`paint`], so a press and a focus look the same everywhere.

use eframe::egui::{self, Color32, Rect, Response, Stroke};

use crate::theme::{Theme, space};

/// How a touch target is filled and outlined.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    /// The fill at rest, if any.
    pub fill: Option<Color32>,
    /// The fill while a finger or the mouse is down on it.
    pub pressed: Color32,
    /// The outline, if any.
    pub stroke: Option<Stroke>,
}

impl Look {
    /// A navigation entry: no fill at rest, tinted when `selected`.
    pub fn entry(theme: &Theme, selected: bool) -> Self {
        Self {
            fill: selected.then_some(theme.primary_soft),
            pressed: theme.surface_pressed,
            stroke: None,
        }
    }

    /// A card-like target (a home tile): the surface with a hairline.
    pub fn card(theme: &Theme) -> Self {
        Self {
            fill: Some(theme.surface),
            pressed: theme.surface_pressed,
            stroke: Some(theme.card_stroke()),
        }
    }

    /// A key: tinted, no outline.
    pub fn key(theme: &Theme) -> Self {
        Self {
            fill: Some(theme.primary_soft),
            pressed: theme.surface_pressed,
            stroke: None,
        }
    }

    /// An outlined choice (a language), filled with the primary colour when `selected`.
    pub fn choice(theme: &Theme, selected: bool) -> Self {
        Self {
            fill: Some(if selected {
                theme.primary
            } else {
                theme.surface
            }),
            pressed: theme.surface_pressed,
            stroke: Some(Stroke::new(2.0, theme.primary)),
        }
    }

    /// A way out that leaves what staff were doing (Leave the kiosk): outlined in the warm
    /// accent, never mistaken for the other choices.
    pub fn leave(theme: &Theme) -> Self {
        Self {
            fill: Some(theme.surface),
            pressed: theme.surface_pressed,
            stroke: Some(Stroke::new(3.0, theme.accent)),
        }
    }

    /// The one action of an overlay: filled with the primary colour.
    pub fn action(theme: &Theme) -> Self {
        Self {
            fill: Some(theme.primary),
            pressed: theme.text,
            stroke: None,
        }
    }
}

/// Whether `response`'s target is held down this frame.
pub fn is_pressed(response: &Response) -> bool {
    response.is_pointer_button_down_on()
}

/// Paints `look` into `rect` for `response`: the pressed fill while held, the outline, and
/// the focus ring when the keyboard is on it.
pub fn paint(ui: &egui::Ui, response: &Response, rect: Rect, look: Look) {
    paint_fill(ui, response, rect, look);
    paint_focus(ui, response, rect);
}

/// The fill and outline of [`paint`] alone, for a widget that draws over them before its
/// focus ring ([`paint_focus`]).
pub fn paint_fill(ui: &egui::Ui, response: &Response, rect: Rect, look: Look) {
    let painter = ui.painter();
    let fill = if is_pressed(response) {
        Some(look.pressed)
    } else {
        look.fill
    };
    if let Some(fill) = fill {
        painter.rect_filled(rect, space::RADIUS, fill);
    }
    if let Some(stroke) = look.stroke {
        painter.rect_stroke(rect, space::RADIUS, stroke, egui::StrokeKind::Inside);
    }
}

/// The focus ring of [`paint`] alone, painted last so nothing covers it.
pub fn paint_focus(ui: &egui::Ui, response: &Response, rect: Rect) {
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect.shrink(space::FOCUS_INSET),
            space::RADIUS,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
}
