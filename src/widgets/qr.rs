//! QR codes visitors take away on their phones: generated at run time, black on white with
//! a quiet zone of four modules in every theme, every module [`MODULE`] points wide so a
//! phone reads it from half a metre, with its caption under it.

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Vec2, accesskit::Role};
use qrcode::{Color, EcLevel, QrCode};

use super::text;
use crate::theme::{Theme, space};

/// One module of a code, in design points: 6 pixels on a 1080p screen, read by a phone
/// camera from 50 cm.
pub const MODULE: f32 = 6.0;

/// The light border a reader needs around a code, in modules.
pub const QUIET_ZONE: usize = 4;

/// A code ready to draw.
pub struct Code {
    modules: usize,
    colors: Vec<Color>,
}

impl Code {
    /// The code for `payload`, with the lowest error correction (so the fewest modules: the
    /// screen is clean and flat), or `None` when the payload does not fit a QR code.
    pub fn new(payload: &str) -> Option<Self> {
        let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::L).ok()?;
        Some(Self {
            modules: code.width(),
            colors: code.to_colors(),
        })
    }

    /// Modules along a side, without the quiet zone.
    pub fn modules(&self) -> usize {
        self.modules
    }

    /// The side of the drawn code with its quiet zone, in points.
    pub fn side(&self) -> f32 {
        (self.modules + 2 * QUIET_ZONE) as f32 * MODULE
    }
}

/// Draws `code` with `caption` under it, `spoken` being what a screen reader says of it.
pub fn code_ui(ui: &mut egui::Ui, theme: &Theme, code: &Code, caption: &str, spoken: &str) {
    let side = code.side();
    let layout = egui::Layout::top_down(egui::Align::Min);
    ui.allocate_ui_with_layout(Vec2::new(side, 0.0), layout, |ui| {
        ui.set_width(side);
        ui.spacing_mut().item_spacing.y = space::XS;
        let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Image, true, spoken));
        if ui.is_rect_visible(rect) {
            paint(ui.painter(), theme, code, rect);
        }
        text::small(ui, theme, caption);
    });
}

/// Paints the modules into `rect`, snapped to whole pixels so no seam shows between them.
fn paint(painter: &egui::Painter, theme: &Theme, code: &Code, rect: Rect) {
    // Always dark on white, whatever the theme: phones read that best.
    painter.rect_filled(rect, 0, Color32::WHITE);
    painter.rect_stroke(rect, 0, theme.card_stroke(), egui::StrokeKind::Outside);
    let origin = rect.min + Vec2::splat(QUIET_ZONE as f32 * MODULE);
    let ppp = painter.ctx().pixels_per_point();
    let snap = |v: f32| (v * ppp).round() / ppp;
    for (i, color) in code.colors.iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = ((i % code.modules) as f32, (i / code.modules) as f32);
            let min = Pos2::new(snap(origin.x + x * MODULE), snap(origin.y + y * MODULE));
            let max = Pos2::new(
                snap(origin.x + (x + 1.0) * MODULE),
                snap(origin.y + (y + 1.0) * MODULE),
            );
            painter.rect_filled(Rect::from_min_max(min, max), 0, Color32::BLACK);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_grow_with_their_payload_and_refuse_what_cannot_fit() {
        let short = Code::new("mailto:iombelize@iom.int").expect("fits");
        let long = Code::new(&"x".repeat(250)).expect("fits");
        assert!(long.modules() > short.modules());
        assert!((short.side() - (short.modules() + 8) as f32 * MODULE).abs() < f32::EPSILON);
        assert!(Code::new(&"x".repeat(8000)).is_none());
    }
}
