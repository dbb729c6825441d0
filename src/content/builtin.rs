//! Interface labels the kiosk has built in, for content files written before a label
//! existed: such a file still loads (with a warning naming the label to add), so a kiosk
//! keeps running after an upgrade.

/// A label a content file may lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Display,
    LargerText,
    HighContrast,
    LessMotion,
    ShowTable,
    ShowChart,
    IdleCountdownOne,
}

impl Label {
    /// The label's field in `labels`.
    pub fn field(self) -> &'static str {
        match self {
            Self::Display => "display",
            Self::LargerText => "larger_text",
            Self::HighContrast => "high_contrast",
            Self::LessMotion => "less_motion",
            Self::ShowTable => "show_table",
            Self::ShowChart => "show_chart",
            Self::IdleCountdownOne => "idle_countdown_one",
        }
    }

    /// The built-in text in the language with `code`: Spanish for `es`, English otherwise.
    pub fn text(self, code: &str) -> &'static str {
        let spanish =
            code.eq_ignore_ascii_case("es") || code.to_ascii_lowercase().starts_with("es-");
        match (self, spanish) {
            (Self::Display, false) => "Read better",
            (Self::Display, true) => "Leer mejor",
            (Self::LargerText, false) => "Larger text",
            (Self::LargerText, true) => "Texto más grande",
            (Self::HighContrast, false) => "High contrast",
            (Self::HighContrast, true) => "Alto contraste",
            (Self::LessMotion, false) => "Less motion",
            (Self::LessMotion, true) => "Menos movimiento",
            (Self::ShowTable, false) => "Show as table",
            (Self::ShowTable, true) => "Mostrar como tabla",
            (Self::ShowChart, false) => "Show as chart",
            (Self::ShowChart, true) => "Mostrar como gráfico",
            (Self::IdleCountdownOne, false) => "Returning to the start screen in 1 second",
            (Self::IdleCountdownOne, true) => "La pantalla volverá al inicio en 1 segundo",
        }
    }
}
