//! A large home-page tile: icon, title and one line; the whole tile is the target.

use eframe::egui::{self, Align2, Pos2, Rect, Sense, Vec2};

use super::icon;
use crate::content::Icon;
use crate::theme::{Theme, size, space};

/// Draws a tile of `size` and returns its response; it is clicked like a button.
pub fn tile(
    ui: &mut egui::Ui,
    theme: &Theme,
    size_pts: Vec2,
    tile_icon: Icon,
    title: &str,
    summary: &str,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size_pts, Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{title}. {summary}"))
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter();
    let radius = space::RADIUS;
    let fill = if response.is_pointer_button_down_on() {
        theme.surface_pressed
    } else {
        theme.surface
    };
    painter.rect_filled(rect, radius, fill);
    painter.rect_stroke(rect, radius, theme.card_stroke(), egui::StrokeKind::Inside);
    // A strip of the primary colour along the top edge says "this is a way in".
    let strip = Rect::from_min_size(rect.min, Vec2::new(rect.width(), 8.0));
    painter.rect_filled(
        strip,
        egui::CornerRadius {
            nw: radius,
            ne: radius,
            sw: 0,
            se: 0,
        },
        theme.primary,
    );
    let pad = space::M;
    let icon_center = Pos2::new(
        rect.left() + pad + size::TILE_ICON / 2.0,
        rect.top() + pad + 8.0 + size::TILE_ICON / 2.0,
    );
    icon::paint(
        painter,
        icon_center,
        tile_icon,
        size::TILE_ICON,
        theme.primary,
    );
    let text_width = rect.width() - 2.0 * pad;
    let title_galley = painter.layout(
        title.to_owned(),
        Theme::bold(size::CARD_TITLE),
        theme.text,
        text_width,
    );
    let title_pos = Pos2::new(
        rect.left() + pad,
        icon_center.y + size::TILE_ICON / 2.0 + space::S,
    );
    let title_height = title_galley.size().y;
    painter.galley(title_pos, title_galley, theme.text);
    let summary_galley = painter.layout(
        summary.to_owned(),
        Theme::font(size::SMALL),
        theme.text_muted,
        text_width,
    );
    painter.galley(
        Pos2::new(title_pos.x, title_pos.y + title_height + space::XS),
        summary_galley,
        theme.text_muted,
    );
    // An arrow in the corner: the tile leads somewhere.
    painter.text(
        rect.right_bottom() - Vec2::splat(pad),
        Align2::RIGHT_BOTTOM,
        egui_material_icons::icons::ICON_ARROW_FORWARD.codepoint,
        Theme::icon_font(36.0),
        theme.primary,
    );
    if response.has_focus() {
        painter.rect_stroke(
            rect.shrink(2.0),
            radius,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    response
}

/// The height a tile needs for its texts at `width`.
pub fn height_for(ui: &egui::Ui, width: f32, title: &str, summary: &str) -> f32 {
    let text_width = width - 2.0 * space::M;
    let painter = ui.painter();
    let title_h = painter
        .layout(
            title.to_owned(),
            Theme::bold(size::CARD_TITLE),
            egui::Color32::BLACK,
            text_width,
        )
        .size()
        .y;
    let summary_h = painter
        .layout(
            summary.to_owned(),
            Theme::font(size::SMALL),
            egui::Color32::BLACK,
            text_width,
        )
        .size()
        .y;
    (space::M
        + 8.0
        + size::TILE_ICON
        + space::S
        + title_h
        + space::XS
        + summary_h
        + space::M
        + 36.0)
        .max(200.0)
}
