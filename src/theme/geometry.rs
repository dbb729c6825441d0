//! Page geometry that both the layout and the fit check need: margins, the width a page's
//! content has on a screen, the width of a home tile.

use eframe::egui::Vec2;

use super::space;

/// The page margin at the sides: less in portrait, where width is scarce.
pub fn page_margin(portrait: bool) -> f32 {
    if portrait { space::L } else { space::XL }
}

/// The width a page's content has on a screen of `screen` points, when it scrolls.
pub fn page_width(screen: Vec2) -> f32 {
    let portrait = screen.y > screen.x;
    let beside = if portrait { 0.0 } else { space::RAIL_WIDTH };
    screen.x - beside - space::SCROLL_BAR - 2.0 * page_margin(portrait)
}

/// The width of a home tile in `columns` across `width`.
pub fn tile_width(width: f32, columns: usize) -> f32 {
    let columns = columns.max(1) as f32;
    (width - space::M * (columns - 1.0)) / columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_narrower_beside_the_rail_than_on_a_portrait_screen_of_its_width() {
        let landscape = page_width(Vec2::new(1920.0, 1080.0));
        assert!((landscape - (1920.0 - 300.0 - 12.0 - 96.0)).abs() < 0.01);
        let portrait = page_width(Vec2::new(1080.0, 1920.0));
        assert!((portrait - (1080.0 - 12.0 - 64.0)).abs() < 0.01);
    }

    #[test]
    fn tiles_share_the_width_less_their_gaps() {
        assert!((tile_width(1000.0, 2) - 488.0).abs() < 0.01);
        assert!((tile_width(1000.0, 0) - 1000.0).abs() < 0.01);
    }
}
