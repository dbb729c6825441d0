//! The reading settings a visitor can change from the screen: larger text, high contrast and
//! less motion. The idle reset returns them to how the app started; a laptop remembers them.

use eframe::egui;

use super::ThemeKind;

/// How much larger everything is drawn with larger text: text and controls alike.
pub const LARGE_TEXT_SCALE: f32 = 1.4;

/// One of the visitor's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setting {
    /// Text and controls drawn [`LARGE_TEXT_SCALE`] times larger.
    LargerText,
    /// The high-contrast theme.
    HighContrast,
    /// No fades, growing bars or other motion.
    LessMotion,
}

impl Setting {
    /// Every setting, in the order the panel shows them.
    pub const ALL: [Self; 3] = [Self::LargerText, Self::HighContrast, Self::LessMotion];

    /// The key the laptop remembers the setting under.
    pub fn storage_key(self) -> &'static str {
        match self {
            Self::LargerText => "larger_text",
            Self::HighContrast => "high_contrast",
            Self::LessMotion => "less_motion",
        }
    }
}

/// The settings in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The theme when high contrast is off: light or dark.
    pub base_theme: ThemeKind,
    /// Larger text and controls.
    pub larger_text: bool,
    /// The high-contrast theme.
    pub high_contrast: bool,
    /// No motion.
    pub less_motion: bool,
}

impl Settings {
    /// Settings starting from `theme` (the high-contrast theme turns high contrast on).
    pub fn new(theme: ThemeKind, larger_text: bool, less_motion: bool) -> Self {
        let high_contrast = theme == ThemeKind::HighContrast;
        Self {
            base_theme: if high_contrast {
                ThemeKind::Light
            } else {
                theme
            },
            larger_text,
            high_contrast,
            less_motion,
        }
    }

    /// Whether `setting` is on.
    pub fn get(&self, setting: Setting) -> bool {
        match setting {
            Setting::LargerText => self.larger_text,
            Setting::HighContrast => self.high_contrast,
            Setting::LessMotion => self.less_motion,
        }
    }

    /// Turns `setting` on or off.
    pub fn set(&mut self, setting: Setting, on: bool) {
        match setting {
            Setting::LargerText => self.larger_text = on,
            Setting::HighContrast => self.high_contrast = on,
            Setting::LessMotion => self.less_motion = on,
        }
    }

    /// The theme to draw with.
    pub fn theme(&self) -> ThemeKind {
        if self.high_contrast {
            ThemeKind::HighContrast
        } else {
            self.base_theme
        }
    }

    /// How much larger than the design everything is drawn.
    pub fn scale(&self) -> f32 {
        if self.larger_text {
            LARGE_TEXT_SCALE
        } else {
            1.0
        }
    }
}

/// egui's own motion (scroll bars fading in, smooth scrolling) on, or off for less motion;
/// the app's own (fades, growing bars) follows [`Settings::less_motion`] where it is drawn.
pub fn apply_motion(ctx: &egui::Context, less_motion: bool) {
    let default = egui::Style::default();
    ctx.all_styles_mut(|style| {
        if less_motion {
            style.animation_time = 0.0;
            style.scroll_animation = egui::style::ScrollAnimation::none();
        } else {
            style.animation_time = default.animation_time;
            style.scroll_animation = default.scroll_animation;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_contrast_goes_back_to_the_theme_it_replaced() {
        let mut dark = Settings::new(ThemeKind::Dark, false, false);
        dark.set(Setting::HighContrast, true);
        assert_eq!(dark.theme(), ThemeKind::HighContrast);
        dark.set(Setting::HighContrast, false);
        assert_eq!(dark.theme(), ThemeKind::Dark);
        // Started in high contrast: it is on, and off is the light theme.
        let mut started = Settings::new(ThemeKind::HighContrast, false, false);
        assert!(started.get(Setting::HighContrast));
        started.set(Setting::HighContrast, false);
        assert_eq!(started.theme(), ThemeKind::Light);
    }

    #[test]
    fn larger_text_scales_only_while_it_is_on() {
        let mut settings = Settings::new(ThemeKind::Light, false, false);
        assert!((settings.scale() - 1.0).abs() < f32::EPSILON);
        settings.set(Setting::LargerText, true);
        assert!(settings.get(Setting::LargerText));
        assert!((settings.scale() - LARGE_TEXT_SCALE).abs() < f32::EPSILON);
        settings.set(Setting::LargerText, false);
        assert!((settings.scale() - 1.0).abs() < f32::EPSILON);
    }
}
