//! A text in the content file, read by hand so that nothing in it is lost: a language
//! given twice stays twice (a map would keep only the last), for validation to report.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// A text a visitor reads.
///
/// Either one text per declared language, `{"en": "Home", "es": "Inicio"}`, or one plain
/// string that reads the same in every language (a phone number, a year, a name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawText {
    /// The same text in every language.
    Same(String),
    /// `(language code, text)` pairs in the order written, repeated codes included.
    PerLanguage(Vec<(String, String)>),
}

impl RawText {
    /// The text in language `code`: the plain string, or the first one given for `code`.
    pub fn get(&self, code: &str) -> Option<&str> {
        match self {
            Self::Same(text) => Some(text),
            Self::PerLanguage(pairs) => pairs
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, text)| text.as_str()),
        }
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = RawText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a text, written \"...\" (the same in every language) or \
             {\"en\": \"...\", \"es\": \"...\"} (one per language),",
        )
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<RawText, E> {
        Ok(RawText::Same(text.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<RawText, E> {
        Ok(RawText::Same(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
        let mut pairs = Vec::new();
        while let Some(pair) = map.next_entry::<String, String>()? {
            pairs.push(pair);
        }
        Ok(RawText::PerLanguage(pairs))
    }
}
