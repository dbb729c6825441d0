//! A large home-page tile: icon, title and one line; the whole tile is the target.

use eframe::egui::{self, Pos2, Rect, Sense, Vec2};

use super::{icon, touch};
use crate::content::Icon;
use crate::theme::{Theme, size, space};

/// The smallest tile (DESIGN.md: at least 280 x 200 points).
pub const MIN_SIZE: Vec2 = Vec2::new(280.0, 200.0);

/// The padding inside a tile.
const PAD: f32 = space::M;

/// The width a tile's texts may take in a tile `width` wide.
pub fn text_width(width: f32) -> f32 {
    width - 2.0 * PAD
}

fn title_galley(
    ui: &egui::Ui,
    theme: &Theme,
    title: &str,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    ui.painter().layout(
        title.to_owned(),
        Theme::bold(size::CARD_TITLE),
        theme.text,
        text_width(width),
    )
}

fn summary_galley(
    ui: &egui::Ui,
    theme: &Theme,
    summary: &str,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    ui.painter().layout(
        summary.to_owned(),
        Theme::font(size::SMALL),
        theme.text_muted,
        text_width(width),
    )
}

/// Where the title starts below the tile's top: under the strip and the icon.
const TITLE_TOP: f32 = PAD + space::TILE_STRIP + size::TILE_ICON + space::S;

/// The arrow in a tile's corner.
fn arrow_galley(ui: &egui::Ui, theme: &Theme) -> std::sync::Arc<egui::Galley> {
    ui.painter().layout_no_wrap(
        egui_material_icons::icons::ICON_ARROW_FORWARD
            .codepoint
            .to_owned(),
        Theme::icon_font(size::TILE_ARROW),
        theme.primary,
    )
}

/// A tile's card of `size_pts`, clicked like a button and named "title. summary" for screen
/// readers; its rect when it is on screen (and painted), else `None`.
fn card(
    ui: &mut egui::Ui,
    theme: &Theme,
    size_pts: Vec2,
    title: &str,
    summary: &str,
) -> (Option<egui::Rect>, egui::Response) {
    let (rect, response) = ui.allocate_exact_size(size_pts, Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{title}. {summary}"))
    });
    if !ui.is_rect_visible(rect) {
        return (None, response);
    }
    paint_card(ui, theme, &response, rect);
    (Some(rect), response)
}

/// The height a tile needs for its texts at `width`.
pub fn height_for(ui: &egui::Ui, theme: &Theme, width: f32, title: &str, summary: &str) -> f32 {
    let title_h = title_galley(ui, theme, title, width).size().y;
    let summary_h = summary_galley(ui, theme, summary, width).size().y;
    (TITLE_TOP + title_h + space::XS + summary_h + PAD).max(MIN_SIZE.y)
}

/// Draws a tile of `size_pts` and returns its response; it is clicked like a button.
pub fn tile(
    ui: &mut egui::Ui,
    theme: &Theme,
    size_pts: Vec2,
    tile_icon: Icon,
    title: &str,
    summary: &str,
) -> egui::Response {
    let (rect, response) = card(ui, theme, size_pts, title, summary);
    let Some(rect) = rect else {
        return response;
    };
    let painter = ui.painter();
    let icon_center = Pos2::new(
        rect.left() + PAD + size::TILE_ICON / 2.0,
        rect.top() + PAD + space::TILE_STRIP + size::TILE_ICON / 2.0,
    );
    icon::paint(
        painter,
        icon_center,
        tile_icon,
        size::TILE_ICON,
        theme.primary,
    );
    let title_pos = Pos2::new(rect.left() + PAD, rect.top() + TITLE_TOP);
    let title = title_galley(ui, theme, title, rect.width());
    let summary_top = title_pos.y + title.size().y + space::XS;
    painter.galley(title_pos, title, theme.text);
    let summary = summary_galley(ui, theme, summary, rect.width());
    painter.galley(
        Pos2::new(title_pos.x, summary_top),
        summary,
        theme.text_muted,
    );
    // An arrow in the corner across from the icon: the tile leads somewhere.
    let arrow = arrow_galley(ui, theme);
    let arrow_pos = Pos2::new(
        rect.right() - PAD - arrow.size().x,
        icon_center.y - arrow.size().y / 2.0,
    );
    painter.galley(arrow_pos, arrow, theme.primary);
    touch::paint_focus(ui, &response, rect);
    response
}

/// A tile's card: its pressed look and the strip of the primary colour along its top edge,
/// which says "this is a way in".
fn paint_card(ui: &egui::Ui, theme: &Theme, response: &egui::Response, rect: Rect) {
    touch::paint_fill(ui, response, rect, touch::Look::card(theme));
    let radius = space::RADIUS;
    let strip = Rect::from_min_size(rect.min, Vec2::new(rect.width(), space::TILE_STRIP));
    let top_corners = egui::CornerRadius {
        nw: radius,
        ne: radius,
        sw: 0,
        se: 0,
    };
    ui.painter().rect_filled(strip, top_corners, theme.primary);
}
