//! Characters the kiosk cannot draw: those its bundled fonts lack (drawn as empty boxes),
//! and text written right to left, which egui lays out left to right. Every string in the
//! file is read as the parser reads it, so each character is named at its own line and
//! column.

use std::collections::HashSet;

use eframe::egui;

use crate::content::{Locations, Position, ProblemKind};

/// Strings the kiosk never draws: image paths.
fn undrawn(path: &str) -> bool {
    path.rsplit('.').next() == Some("path")
}

/// The right-to-left script `c` belongs to, if it does.
pub(crate) fn right_to_left(c: char) -> Option<&'static str> {
    Some(match u32::from(c) {
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => "Hebrew",
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            "Arabic"
        }
        0x0700..=0x074F => "Syriac",
        0x0780..=0x07BF => "Thaana",
        0x07C0..=0x07FF => "N'Ko",
        0x0800..=0x086F | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF => "a right-to-left script",
        _ => return None,
    })
}

/// Every character of `locations`' strings that the fonts installed in `ui` lack, and
/// every string written right to left, at its line and column.
pub(crate) fn problems(ui: &egui::Ui, locations: &Locations) -> Vec<(Position, ProblemKind)> {
    let skip: HashSet<Position> = locations.starts_where(undrawn).collect();
    let font = egui::FontId::proportional(16.0);
    let mut found = Vec::new();
    ui.ctx().fonts_mut(|fonts| {
        for string in locations.strings() {
            let Some(&(_, start)) = string.first() else {
                continue;
            };
            // A string's position is its opening quote's, one before its first character.
            let quote = Position {
                line: start.line,
                column: start.column.saturating_sub(1),
            };
            if skip.contains(&quote) || skip.contains(&start) {
                continue;
            }
            let mut named = Vec::new();
            let mut rtl = false;
            for &(c, at) in &string {
                if c.is_whitespace() || named.contains(&c) {
                    continue;
                }
                if let Some(script) = right_to_left(c) {
                    if !rtl {
                        rtl = true;
                        found.push((at, ProblemKind::RightToLeft { script }));
                    }
                    continue;
                }
                if !fonts.has_glyph(&font, c) {
                    named.push(c);
                    found.push((at, ProblemKind::MissingGlyph { character: c }));
                }
            }
        }
    });
    found
}
