//! Design tokens: colours, type sizes, spacing and radii, and applying them to egui.
//!
//! Every size is in design points for a screen whose short side is 1080 points;
//! [`zoom_for_screen`] maps that design onto the real screen.

use eframe::egui::{
    self, Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle,
    Vec2, epaint::Shadow,
};

/// The short side of the screen the design is drawn for, in points.
pub const DESIGN_SHORT_SIDE: f32 = 1080.0;

/// Which set of colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeKind {
    /// Off-white background, near-black text: the default for bright receptions.
    #[default]
    Light,
    /// Dark background for dark halls and projectors.
    Dark,
    /// Pure black on white, heavier outlines.
    HighContrast,
}

/// The colours of a theme: the one place they are defined, one field per colour token (the
/// type sizes and spacing are the [`size`] and [`space`] tokens).
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Which variant this is.
    pub kind: ThemeKind,
    /// Page background.
    pub background: Color32,
    /// Cards and panels.
    pub surface: Color32,
    /// A surface while pressed.
    pub surface_pressed: Color32,
    /// Body text.
    pub text: Color32,
    /// Secondary text: years, sources, captions.
    pub text_muted: Color32,
    /// Navigation, headings, bars.
    pub primary: Color32,
    /// Text and icons on `primary`.
    pub on_primary: Color32,
    /// A tint of `primary` for the current page and selected items.
    pub primary_soft: Color32,
    /// The warm accent: the current page's marker, highlights.
    pub accent: Color32,
    /// Hairline borders.
    pub border: Color32,
    /// Chart gridlines.
    pub gridline: Color32,
    /// Dimmed backdrop under overlays.
    pub scrim: Color32,
}

mod geometry;
mod reading;
mod tokens;

pub use geometry::{page_margin, page_width, tile_width};
pub use reading::{LARGE_TEXT_SCALE, Setting, Settings, apply_motion};
pub use tokens::{motion, size, space};

/// Font family names for the bold face.
pub const BOLD: &str = "bold";

impl Theme {
    /// The theme of `kind`.
    pub fn new(kind: ThemeKind) -> Self {
        match kind {
            ThemeKind::Light => Self::light(),
            ThemeKind::Dark => Self::dark(),
            ThemeKind::HighContrast => Self::high_contrast(),
        }
    }

    /// Off-white, near-black text, deep blue, warm accent.
    pub fn light() -> Self {
        Self {
            kind: ThemeKind::Light,
            background: Color32::from_rgb(0xF6, 0xF4, 0xEF),
            surface: Color32::WHITE,
            surface_pressed: Color32::from_rgb(0xDD, 0xE7, 0xF3),
            text: Color32::from_rgb(0x1A, 0x1C, 0x20),
            text_muted: Color32::from_rgb(0x4A, 0x4F, 0x57),
            primary: Color32::from_rgb(0x0B, 0x4A, 0x8B),
            on_primary: Color32::WHITE,
            primary_soft: Color32::from_rgb(0xE3, 0xEC, 0xF6),
            accent: Color32::from_rgb(0xA6, 0x53, 0x00),
            border: Color32::from_rgb(0xD9, 0xD4, 0xCA),
            gridline: Color32::from_rgb(0xE4, 0xE0, 0xD8),
            scrim: Color32::from_black_alpha(150),
        }
    }

    /// The same tokens for dark rooms.
    pub fn dark() -> Self {
        Self {
            kind: ThemeKind::Dark,
            background: Color32::from_rgb(0x12, 0x16, 0x1C),
            surface: Color32::from_rgb(0x1D, 0x23, 0x2C),
            surface_pressed: Color32::from_rgb(0x2A, 0x3A, 0x52),
            text: Color32::from_rgb(0xF2, 0xF2, 0xF0),
            text_muted: Color32::from_rgb(0xB8, 0xBD, 0xC6),
            primary: Color32::from_rgb(0x7C, 0xB4, 0xF0),
            on_primary: Color32::from_rgb(0x0A, 0x1A, 0x2E),
            primary_soft: Color32::from_rgb(0x24, 0x33, 0x48),
            accent: Color32::from_rgb(0xF2, 0xA6, 0x3B),
            border: Color32::from_rgb(0x36, 0x3E, 0x4A),
            gridline: Color32::from_rgb(0x2E, 0x35, 0x40),
            scrim: Color32::from_black_alpha(190),
        }
    }

    /// Black on white with strong outlines.
    pub fn high_contrast() -> Self {
        Self {
            kind: ThemeKind::HighContrast,
            background: Color32::WHITE,
            surface: Color32::WHITE,
            surface_pressed: Color32::from_rgb(0xD0, 0xD0, 0xD0),
            text: Color32::BLACK,
            text_muted: Color32::BLACK,
            primary: Color32::from_rgb(0x00, 0x2F, 0x6C),
            on_primary: Color32::WHITE,
            primary_soft: Color32::from_rgb(0xD6, 0xE4, 0xF5),
            accent: Color32::from_rgb(0x8A, 0x3B, 0x00),
            border: Color32::BLACK,
            gridline: Color32::from_rgb(0x80, 0x80, 0x80),
            scrim: Color32::from_black_alpha(200),
        }
    }

    /// The regular face at `size` design points.
    pub fn font(size: f32) -> FontId {
        FontId::new(size, FontFamily::Proportional)
    }

    /// The bold face at `size` design points.
    pub fn bold(size: f32) -> FontId {
        FontId::new(size, FontFamily::Name(BOLD.into()))
    }

    /// The icon font at `size` design points.
    pub fn icon_font(size: f32) -> FontId {
        FontId::new(
            size,
            FontFamily::Name(egui_material_icons::FONT_FAMILY.into()),
        )
    }

    /// A card's hairline border.
    pub fn card_stroke(&self) -> Stroke {
        let width = if self.kind == ThemeKind::HighContrast {
            2.0
        } else {
            1.0
        };
        Stroke::new(width, self.border)
    }

    /// A card frame: surface, hairline, rounded, padded.
    pub fn card_frame(&self) -> egui::Frame {
        egui::Frame::new()
            .fill(self.surface)
            .stroke(self.card_stroke())
            .corner_radius(CornerRadius::same(space::RADIUS))
            .inner_margin(egui::Margin::same(space::M as i8))
    }

    /// Applies colours, text sizes, touch-sized widgets and the input tuning a kiosk needs.
    pub fn apply(&self, ctx: &egui::Context) {
        let dark = self.kind == ThemeKind::Dark;
        ctx.set_theme(if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let theme = self.clone();
        ctx.all_styles_mut(move |style| theme.style(style));
        ctx.options_mut(|o| {
            // Unsteady or hurried fingers: a press may last longer and wander further.
            o.input_options.max_click_duration = 3.0;
            o.input_options.max_click_dist = 24.0;
            o.reduce_texture_memory = true;
        });
    }

    fn style(&self, style: &mut egui::Style) {
        use TextStyle::{Body, Button, Heading, Monospace, Small};
        style.text_styles = [
            (Heading, Self::bold(size::SECTION)),
            (Body, Self::font(size::BODY)),
            (Button, Self::font(size::BUTTON)),
            (Small, Self::font(size::SMALL)),
            (Monospace, Self::font(size::BODY)),
        ]
        .into();
        style.spacing.item_spacing = Vec2::new(space::S, space::S);
        style.spacing.button_padding = Vec2::new(space::M, space::S);
        style.spacing.interact_size = Vec2::splat(space::TOUCH_MIN);
        style.spacing.scroll.bar_width = space::SCROLL_BAR;
        style.spacing.scroll.floating = false;
        style.interaction.selectable_labels = false;
        style.visuals.panel_fill = self.background;
        style.visuals.window_fill = self.surface;
        style.visuals.extreme_bg_color = self.surface;
        style.visuals.override_text_color = Some(self.text);
        style.visuals.hyperlink_color = self.primary;
        style.visuals.selection.bg_fill = self.primary_soft;
        style.visuals.selection.stroke = Stroke::new(2.0, self.primary);
        style.visuals.popup_shadow = Shadow::NONE;
        style.visuals.window_shadow = Shadow::NONE;
        let widgets = &mut style.visuals.widgets;
        widgets.noninteractive.bg_stroke = self.card_stroke();
        widgets.noninteractive.fg_stroke = Stroke::new(1.0, self.text);
        for state in [
            &mut widgets.inactive,
            &mut widgets.hovered,
            &mut widgets.active,
            &mut widgets.open,
        ] {
            state.corner_radius = CornerRadius::same(space::RADIUS);
            state.fg_stroke = Stroke::new(2.0, self.text);
            state.expansion = 0.0;
        }
        widgets.inactive.weak_bg_fill = self.surface;
        widgets.inactive.bg_fill = self.surface;
        widgets.hovered.weak_bg_fill = self.surface;
        widgets.hovered.bg_fill = self.surface;
        widgets.active.weak_bg_fill = self.surface_pressed;
        widgets.active.bg_fill = self.surface_pressed;
        widgets.inactive.bg_stroke = self.card_stroke();
        widgets.hovered.bg_stroke = self.card_stroke();
        widgets.active.bg_stroke = Stroke::new(2.0, self.primary);
        // Keyboard focus must be plain to see.
        style.visuals.selection.stroke = Stroke::new(4.0, self.accent);
    }
}

/// The zoom that maps the design's 1080-point short side onto a screen of `native` points.
pub fn zoom_for_screen(native: Vec2) -> f32 {
    let short = native.x.min(native.y);
    if short <= 0.0 {
        return 1.0;
    }
    (short / DESIGN_SHORT_SIDE).clamp(0.4, 4.0)
}

/// Loads the bundled fonts: Noto Sans regular and bold, and the Material Symbols icons.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::empty();
    fonts.font_data.insert(
        "noto-sans".into(),
        FontData::from_static(include_bytes!("../../assets/fonts/NotoSans-Regular.ttf")).into(),
    );
    fonts.font_data.insert(
        "noto-sans-bold".into(),
        FontData::from_static(include_bytes!("../../assets/fonts/NotoSans-Bold.ttf")).into(),
    );
    fonts
        .families
        .insert(FontFamily::Proportional, vec!["noto-sans".into()]);
    fonts
        .families
        .insert(FontFamily::Monospace, vec!["noto-sans".into()]);
    fonts.families.insert(
        FontFamily::Name(BOLD.into()),
        vec!["noto-sans-bold".into(), "noto-sans".into()],
    );
    ctx.set_fonts(fonts);
    ctx.add_font(egui_material_icons::font_insert());
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_meets_wcag_contrast() {
        // What the pages draw, from the tokens: (what, colour, on, the ratio it needs
        // outside high contrast). Every text drawn is also measured against what is under
        // it in tests/readability.rs; this covers the tokens and the graphics.
        for kind in [ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast] {
            let t = Theme::new(kind);
            let pairs = [
                ("body text", t.text, t.background, 4.5),
                ("body text on cards", t.text, t.surface, 4.5),
                ("sources and captions", t.text_muted, t.background, 4.5),
                ("sources on cards", t.text_muted, t.surface, 4.5),
                ("titles and figures", t.primary, t.background, 4.5),
                ("figures on cards", t.primary, t.surface, 4.5),
                ("the home hint", t.accent, t.background, 4.5),
                ("the current page", t.primary, t.primary_soft, 4.5),
                ("table rows", t.text, t.primary_soft, 4.5),
                ("a selected language", t.on_primary, t.primary, 4.5),
                ("a pressed target", t.text, t.surface_pressed, 4.5),
                ("a pressed language", t.primary, t.surface_pressed, 4.5),
                ("a pressed action", t.on_primary, t.text, 4.5),
                ("chart bars", t.primary, t.surface, 3.0),
                ("focus ring on the page", t.accent, t.background, 3.0),
                ("focus ring on cards", t.accent, t.surface, 3.0),
                ("current page marker", t.accent, t.primary_soft, 3.0),
                ("a switch that is off", t.text_muted, t.surface, 3.0),
                ("a switch's knob", t.on_primary, t.primary, 3.0),
            ];
            for (what, fg, bg, needed) in pairs {
                // AAA for text in high contrast; graphics need 3:1 everywhere.
                let needed = if kind == ThemeKind::HighContrast && needed > 3.0 {
                    7.0
                } else {
                    needed
                };
                let ratio = contrast_ratio(fg, bg);
                assert!(
                    ratio >= needed,
                    "{kind:?} {what}: {ratio:.2}:1 < {needed}:1"
                );
            }
        }
    }

    #[test]
    fn zoom_maps_the_short_side_to_the_design() {
        assert!((zoom_for_screen(Vec2::new(1920.0, 1080.0)) - 1.0).abs() < 1e-6);
        assert!((zoom_for_screen(Vec2::new(1080.0, 1920.0)) - 1.0).abs() < 1e-6);
        let laptop = zoom_for_screen(Vec2::new(1366.0, 768.0));
        // Body text stays at least 18 pixels on a 1366x768 laptop.
        assert!(size::BODY * laptop >= 18.0);
    }
}
