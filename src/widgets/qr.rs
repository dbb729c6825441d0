//! QR codes visitors take away on their phones: generated at run time, black on white with
//! a quiet zone of four modules in every theme, every module [`MODULE`] points wide so a
//! phone reads it from half a metre, with its caption under it.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Vec2, accesskit::Role};
use qrcode::{Color, EcLevel, QrCode};

use super::text;
use crate::theme::{Theme, space};

/// One module of a code, in design points: 6 pixels on a 1080p screen, read by a phone
/// camera from 50 cm.
pub const MODULE: f32 = 6.0;

/// The smallest a module is drawn, so that codes side by side can share one size: 4 pixels
/// on a 1080p screen (about 1.1 mm on a 24-inch screen), read by a phone from 30 cm.
pub const MIN_MODULE: f32 = 4.0;

/// The light border a reader needs around a code, in modules.
pub const QUIET_ZONE: usize = 4;

/// How many codes [`Code::shared`] keeps.
pub const CACHED: usize = 64;

/// A code ready to draw.
pub struct Code {
    modules: usize,
    colors: Vec<Color>,
}

impl Code {
    /// The code for `payload`, with the lowest error correction (so the fewest modules: the
    /// screen is clean and flat), or `None` when the payload does not fit a QR code.
    /// A text that is not plain ASCII says it is UTF-8 (an ECI segment), so a reader shows
    /// "ó" as "ó" without guessing the character set.
    pub fn new(payload: &str) -> Option<Self> {
        let code = if payload.is_ascii() {
            QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::L).ok()?
        } else {
            utf8_code(payload)?
        };
        Some(Self {
            modules: code.width(),
            colors: code.to_colors(),
        })
    }

    /// The code for `payload`, made once and kept: making one (error correction, choosing
    /// the best of eight masks) costs milliseconds, too much for every frame. At most
    /// [`CACHED`] payloads are kept; past that the cache starts over (content reloaded many
    /// times with new addresses).
    pub fn shared(payload: &str) -> Option<Arc<Self>> {
        static CACHE: LazyLock<Mutex<HashMap<String, Option<Arc<Code>>>>> =
            LazyLock::new(Mutex::default);
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(code) = cache.get(payload) {
            return code.clone();
        }
        if cache.len() >= CACHED {
            cache.clear();
        }
        let code = Self::new(payload).map(Arc::new);
        cache.insert(payload.to_owned(), code.clone());
        code
    }

    /// Modules along a side, without the quiet zone.
    pub fn modules(&self) -> usize {
        self.modules
    }

    /// The side of the drawn code with its quiet zone, in points, at [`MODULE`] a module.
    pub fn side(&self) -> f32 {
        self.side_at(MODULE)
    }

    /// The side with its quiet zone at `module` points a module.
    pub fn side_at(&self, module: f32) -> f32 {
        (self.modules + 2 * QUIET_ZONE) as f32 * module
    }
}

/// The smallest code (lowest error correction) holding `payload` as UTF-8 bytes after an
/// ECI designator for UTF-8 (26).
fn utf8_code(payload: &str) -> Option<QrCode> {
    /// The ECI assignment number of UTF-8.
    const UTF8: u32 = 26;
    (1..=40).find_map(|version| {
        let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(version));
        bits.push_eci_designator(UTF8).ok()?;
        bits.push_byte_data(payload.as_bytes()).ok()?;
        bits.push_terminator(EcLevel::L).ok()?;
        QrCode::with_bits(bits, EcLevel::L).ok()
    })
}

/// Draws `code` with `caption` under it, `spoken` being what a screen reader says of it.
pub fn code_ui(ui: &mut egui::Ui, theme: &Theme, code: &Code, caption: &str, spoken: &str) {
    code_sized_ui(ui, theme, code, code.side(), (caption, false), spoken);
}

/// Draws `code` `side` points wide (its modules as large as that allows) with `caption`
/// under it, at the body size when `large` (else as secondary text); `spoken` is what a
/// screen reader says of it.
pub fn code_sized_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    code: &Code,
    side: f32,
    (caption, large): (&str, bool),
    spoken: &str,
) {
    let layout = egui::Layout::top_down(egui::Align::Min);
    ui.allocate_ui_with_layout(Vec2::new(side, 0.0), layout, |ui| {
        ui.set_width(side);
        ui.spacing_mut().item_spacing.y = space::XS;
        let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Image, true, spoken));
        if ui.is_rect_visible(rect) {
            paint(ui.painter(), theme, code, rect);
        }
        if large {
            text::paragraph(ui, theme, caption);
        } else {
            text::small(ui, theme, caption);
        }
    });
}

/// Paints the modules into `rect`, snapped to whole pixels so no seam shows between them.
fn paint(painter: &egui::Painter, theme: &Theme, code: &Code, rect: Rect) {
    // Always dark on white, whatever the theme: phones read that best.
    painter.rect_filled(rect, 0, Color32::WHITE);
    painter.rect_stroke(rect, 0, theme.card_stroke(), egui::StrokeKind::Outside);
    // Whole pixels a module, so every module is alike and a phone's decoder finds its grid;
    // what is left over widens the quiet zone.
    let ppp = painter.ctx().pixels_per_point();
    let total = (code.modules + 2 * QUIET_ZONE) as f32;
    let module = ((rect.width() * ppp / total).floor().max(1.0)) / ppp;
    let margin = (rect.width() - code.modules as f32 * module) / 2.0;
    let snap = |v: f32| (v * ppp).round() / ppp;
    let origin = Pos2::new(snap(rect.min.x + margin), snap(rect.min.y + margin));
    // One rectangle for each run of dark modules along a row: a third of the shapes.
    for (y, row) in code.colors.chunks(code.modules).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
            let min = Pos2::new(
                snap(origin.x + x as f32 * module),
                snap(origin.y + y as f32 * module),
            );
            let max = Pos2::new(
                snap(origin.x + (x + run) as f32 * module),
                snap(origin.y + (y + 1) as f32 * module),
            );
            painter.rect_filled(Rect::from_min_max(min, max), 0, Color32::BLACK);
            x += run;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_made_once_for_its_payload() {
        let first = Code::shared("mailto:someone@example.org").expect("fits");
        let again = Code::shared("mailto:someone@example.org").expect("fits");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(Code::shared(&"x".repeat(8000)).is_none());
    }

    #[test]
    fn codes_grow_with_their_payload_and_refuse_what_cannot_fit() {
        let short = Code::new("mailto:iombelize@iom.int").expect("fits");
        let long = Code::new(&"x".repeat(250)).expect("fits");
        assert!(long.modules() > short.modules());
        assert!((short.side() - (short.modules() + 8) as f32 * MODULE).abs() < f32::EPSILON);
        assert!(Code::new(&"x".repeat(8000)).is_none());
    }
}
