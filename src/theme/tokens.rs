//! The design tokens that are numbers: type sizes, spacing and target sizes, and the
//! timings of motion, in design points and seconds.

/// Type sizes, in design points.
pub mod size {
    /// Body text.
    pub const BODY: f32 = 28.0;
    /// The opening paragraph of a page.
    pub const LEAD: f32 = 32.0;
    /// Years, sources, captions, labels: never smaller (24 pixels on a 1080-pixel screen).
    pub const SMALL: f32 = 24.0;
    /// Navigation and button labels.
    pub const BUTTON: f32 = 26.0;
    /// Card titles.
    pub const CARD_TITLE: f32 = 32.0;
    /// Section headings.
    pub const SECTION: f32 = 44.0;
    /// Page titles.
    pub const PAGE_TITLE: f32 = 60.0;
    /// Big numbers on fact cards.
    pub const BIG_NUMBER: f32 = 88.0;
    /// The office's name as a display line on welcome screens and slides.
    pub const DISPLAY: f32 = 96.0;
    /// The office's name and the headline figure on the attract loop and the title slide:
    /// at least a tenth of a 1080-pixel screen's height, to stop a passer-by.
    pub const SHOWCASE: f32 = 128.0;
    /// The attract loop's invitation to touch, meant to be read from three metres: its
    /// lines are more than 54 pixels tall on a 1080-pixel screen.
    pub const INVITE: f32 = 56.0;
    /// The office's name at the top of the navigation.
    pub const WORDMARK: f32 = 36.0;
    /// Contact details, large enough to copy down from a step away.
    pub const CONTACT: f32 = 36.0;
    /// Highlight figures on text pages.
    pub const HIGHLIGHT: f32 = 64.0;
    /// Icons in navigation.
    pub const NAV_ICON: f32 = 36.0;
    /// Icons on tiles and cards.
    pub const TILE_ICON: f32 = 64.0;
    /// Icons beside contact details.
    pub const CONTACT_ICON: f32 = 48.0;
    /// The arrow in a tile's corner.
    pub const TILE_ARROW: f32 = 36.0;
}

/// Spacing on the 8-point grid, in design points.
pub mod space {
    /// 8
    pub const XS: f32 = 8.0;
    /// 16
    pub const S: f32 = 16.0;
    /// 24
    pub const M: f32 = 24.0;
    /// 32
    pub const L: f32 = 32.0;
    /// 48: page margins.
    pub const XL: f32 = 48.0;
    /// Corner radius of cards and buttons.
    pub const RADIUS: u8 = 16;
    /// Width of the navigation rail in landscape.
    pub const RAIL_WIDTH: f32 = 300.0;
    /// The smallest touch target, either way (KIOSK-UX: primary targets 64 or more).
    pub const TOUCH_MIN: f32 = 64.0;
    /// Height of a navigation button.
    pub const NAV_BUTTON_HEIGHT: f32 = 80.0;
    /// The strip of primary colour along a home tile's top edge.
    pub const TILE_STRIP: f32 = 8.0;
    /// The marker beside (rail) or above (bar) the current page's navigation button.
    pub const MARKER: f32 = 6.0;
    /// A key of the admin PIN pad.
    pub const PIN_KEY: [f32; 2] = [128.0, 96.0];
    /// The height of a big overlay button.
    pub const BIG_BUTTON_HEIGHT: f32 = 96.0;
    /// The presenter's progress line.
    pub const PROGRESS_LINE: f32 = 6.0;
    /// The width of a scroll bar: as wide as a fingertip can find, and it takes room from
    /// the page when shown.
    pub const SCROLL_BAR: f32 = 12.0;
    /// How far a keyboard focus ring lies inside its target.
    pub const FOCUS_INSET: f32 = 3.0;
    /// Height of the portrait bottom bar's buttons.
    pub const BOTTOM_BAR_HEIGHT: f32 = 120.0;
    /// The narrowest a fact card may be before a row takes fewer.
    pub const FACT_MIN_WIDTH: f32 = 300.0;
    /// The narrowest an icon card may be.
    pub const CARD_MIN_WIDTH: f32 = 300.0;
    /// The narrowest a highlight figure may be.
    pub const HIGHLIGHT_MIN_WIDTH: f32 = 220.0;
    /// The narrowest a chart card may be before the charts go one to a row.
    pub const CHART_MIN_WIDTH: f32 = 640.0;
    /// The longest line of running text.
    pub const MAX_TEXT_WIDTH: f32 = 1040.0;
    /// The longest line of a page title: a title is read at a glance, not line by line.
    pub const MAX_TITLE_WIDTH: f32 = 1480.0;
    /// The narrowest a headline figure under Home's tiles may be.
    pub const FIGURE_MIN_WIDTH: f32 = 300.0;
    /// A modal's width (the idle warning): readable lines, room for a big button.
    pub const MODAL_WIDTH: f32 = 900.0;
    /// The admin corner, held to open the PIN pad: a square at the top left of the screen.
    pub const ADMIN_CORNER: f32 = 120.0;
    /// The admin screen's column of choices on a landscape screen.
    pub const ADMIN_MENU_WIDTH: f32 = 440.0;
    /// The admin screen's Close button.
    pub const ADMIN_CLOSE_WIDTH: f32 = 240.0;
    /// The widest an admin screen's action button (Install, Look again) grows.
    pub const ADMIN_ACTION_MAX_WIDTH: f32 = 480.0;
    /// The height of a usage chart on the admin screen.
    pub const ADMIN_CHART_HEIGHT: f32 = 320.0;
}

/// How long things move, in seconds (DESIGN.md: page changes 200-300 ms, bars about 600 ms;
/// the attract loop slower, to be watched). Less motion turns all of it off.
pub mod motion {
    /// A page or slide fading in.
    pub const PAGE_FADE_SECS: f32 = 0.25;
    /// How opaque a page is in its first frame: already readable in the frame of the tap
    /// that opened it, settling to full over [`PAGE_FADE_SECS`].
    pub const PAGE_FADE_FROM: f32 = 0.35;
    /// A page's bars growing once when it opens; also how long a page's opening lasts.
    pub const BARS_GROW_SECS: f32 = 0.6;
    /// The attract loop's map settling in.
    pub const ATTRACT_PAN_SECS: f32 = 4.0;
    /// The attract loop's headline figure counting up.
    pub const ATTRACT_COUNT_SECS: f32 = 1.6;
    /// The attract loop's chart growing, drawn large: slower than a page's bars.
    pub const ATTRACT_GROW_SECS: f32 = 1.2;
}
