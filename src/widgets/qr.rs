//! A QR code, painted module by module, so visitors can take an address away on a phone.

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Vec2};
use qrcode::{Color, QrCode};

use crate::theme::Theme;

/// Draws a QR code for `data`, `side` points square including its quiet zone.
/// Nothing is drawn when `data` does not fit in a QR code.
pub fn qr_ui(ui: &mut egui::Ui, theme: &Theme, data: &str, side: f32) -> Option<egui::Response> {
    let code = QrCode::new(data.as_bytes()).ok()?;
    let modules = code.width();
    let colors = code.to_colors();
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, format!("QR code: {data}"))
    });
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        // Always dark on white, whatever the theme: phones read that best.
        painter.rect_filled(rect, 8, Color32::WHITE);
        painter.rect_stroke(rect, 8, theme.card_stroke(), egui::StrokeKind::Inside);
        let quiet = 4.0;
        let module = side / (modules as f32 + 2.0 * quiet);
        let origin = rect.min + Vec2::splat(quiet * module);
        for (i, color) in colors.iter().enumerate() {
            if *color == Color::Dark {
                let (x, y) = ((i % modules) as f32, (i / modules) as f32);
                let min = Pos2::new(origin.x + x * module, origin.y + y * module);
                // A hair of overlap hides seams between neighbouring modules.
                painter.rect_filled(
                    Rect::from_min_size(min, Vec2::splat(module + 0.5)),
                    0,
                    Color32::BLACK,
                );
            }
        }
    }
    Some(response)
}
