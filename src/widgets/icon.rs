//! The content's [`Icon`]s, drawn from the bundled Material Symbols font.

use eframe::egui::{self, Align2, Color32, Pos2};
use egui_material_icons::icons;

use crate::content::{ContactKind, Icon};
use crate::theme::Theme;

/// The glyph that draws `icon`.
pub fn glyph(icon: Icon) -> &'static str {
    let material = match icon {
        Icon::Home => icons::ICON_HOME,
        Icon::Globe => icons::ICON_PUBLIC,
        Icon::Place => icons::ICON_LOCATION_ON,
        Icon::Chart => icons::ICON_BAR_CHART,
        Icon::Work => icons::ICON_WORK,
        Icon::Phone => icons::ICON_CALL,
        Icon::Email => icons::ICON_MAIL,
        Icon::Web => icons::ICON_LANGUAGE,
        Icon::Passport => icons::ICON_PASSPORT,
        Icon::Shield => icons::ICON_SHIELD,
        Icon::Building => icons::ICON_ACCOUNT_BALANCE,
        Icon::People => icons::ICON_GROUPS,
        Icon::Handshake => icons::ICON_HANDSHAKE,
        Icon::Calendar => icons::ICON_CALENDAR_MONTH,
        Icon::Star => icons::ICON_STAR,
        Icon::Balance => icons::ICON_BALANCE,
        Icon::Heart => icons::ICON_FAVORITE,
        Icon::School => icons::ICON_SCHOOL,
        Icon::Chat => icons::ICON_CHAT,
        Icon::Idea => icons::ICON_LIGHTBULB,
        Icon::Share => icons::ICON_SHARE,
    };
    material.codepoint
}

/// The icon for a kind of contact detail.
pub fn contact_icon(kind: ContactKind) -> Icon {
    match kind {
        ContactKind::Address => Icon::Place,
        ContactKind::Phone => Icon::Phone,
        ContactKind::Email => Icon::Email,
        ContactKind::Web => Icon::Web,
        // Not the people of the cards about teams and migrants: a page to share.
        ContactKind::Social => Icon::Share,
    }
}

/// Paints `icon` centred on `center`, `size` points tall.
pub fn paint(painter: &egui::Painter, center: Pos2, icon: Icon, size: f32, color: Color32) {
    paint_glyph(painter, center, glyph(icon), size, color);
}

/// Paints the pointing hand that invites a touch, centred on `center`.
pub fn paint_touch(painter: &egui::Painter, center: Pos2, size: f32, color: Color32) {
    paint_glyph(
        painter,
        center,
        egui_material_icons::icons::ICON_TOUCH_APP.codepoint,
        size,
        color,
    );
}

fn paint_glyph(painter: &egui::Painter, center: Pos2, glyph: &str, size: f32, color: Color32) {
    painter.text(
        center,
        Align2::CENTER_CENTER,
        glyph,
        Theme::icon_font(size),
        color,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_contact_detail_has_an_icon_of_its_own() {
        let kinds = [
            ContactKind::Address,
            ContactKind::Phone,
            ContactKind::Email,
            ContactKind::Web,
            ContactKind::Social,
        ];
        let icons: std::collections::HashSet<_> = kinds.into_iter().map(contact_icon).collect();
        assert_eq!(icons.len(), kinds.len());
        // The social page is not drawn like a group of people (the cards' icon).
        assert_ne!(contact_icon(ContactKind::Social), Icon::People);
    }
}
