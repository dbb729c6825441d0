//! Checks on the language list: every language named once, with separators that keep
//! numbers readable.

use super::super::error::ProblemKind;
use super::super::limits::{DECIMAL_SEPARATORS, THOUSANDS_SEPARATORS};
use super::super::model::Language;
use super::super::raw::{RawContent, RawLanguage};
use super::Validator;

impl Validator<'_> {
    pub(super) fn languages(&mut self, raw: &RawContent) -> Vec<Language> {
        if raw.languages.is_empty() {
            self.problem("languages", ProblemKind::NoLanguages);
        }
        let mut languages: Vec<Language> = Vec::new();
        let declared = self.within_limit(&raw.languages, "languages");
        for (i, lang) in declared.iter().enumerate() {
            let path = format!("languages[{i}]");
            self.plain(&lang.code, &format!("{path}.code"));
            self.plain(&lang.name, &format!("{path}.name"));
            if lang.code.trim().is_empty() || lang.name.trim().is_empty() {
                self.problem(path, ProblemKind::EmptyLanguage);
                continue;
            }
            // `--lang` finds a code whatever its case, so `EN` would hide `en`.
            if languages
                .iter()
                .any(|l| l.code.eq_ignore_ascii_case(&lang.code))
            {
                self.problem(
                    format!("{path}.code"),
                    ProblemKind::DuplicateLanguage(lang.code.clone()),
                );
                continue;
            }
            languages.push(Language {
                code: lang.code.clone(),
                name: lang.name.clone(),
                decimal_separator: lang.decimal_separator.clone().unwrap_or_else(|| ".".into()),
                thousands_separator: lang
                    .thousands_separator
                    .clone()
                    .unwrap_or_else(|| ",".into()),
            });
        }
        self.codes = languages.iter().map(|l| l.code.clone()).collect();
        self.languages_broken = !self.problems.is_empty();
        for (i, lang) in declared.iter().enumerate() {
            self.separators(lang, &format!("languages[{i}]"));
        }
        languages
    }

    /// Number separators that keep numbers readable: one character each, not a digit,
    /// and different from each other.
    fn separators(&mut self, lang: &RawLanguage, path: &str) {
        let decimal = lang.decimal_separator.as_deref().unwrap_or(".");
        let thousands = lang.thousands_separator.as_deref().unwrap_or(",");
        for (field, separator) in [
            ("decimal_separator", decimal),
            ("thousands_separator", thousands),
        ] {
            let allowed: &[&str] = if field == "decimal_separator" {
                &DECIMAL_SEPARATORS
            } else {
                &THOUSANDS_SEPARATORS
            };
            let reason = if separator.chars().count() != 1 {
                "a separator is one character, such as \".\", \",\" or \" \""
            } else if separator.chars().any(char::is_numeric) {
                "a separator cannot be a digit"
            } else if !allowed.contains(&separator) {
                if field == "decimal_separator" {
                    "a decimal separator is a point (\".\") or a comma (\",\")"
                } else {
                    "a thousands separator is a comma, a point, an apostrophe (' or \u{2019}), \
                     a space, a no-break space (\\u{a0}) or a narrow no-break space \
                     (\\u{202f}); a minus or a line break would misread the number"
                }
            } else if field == "thousands_separator" && thousands == decimal {
                "the thousands separator must differ from the decimal separator"
            } else {
                continue;
            };
            self.problem(
                format!("{path}.{field}"),
                ProblemKind::BadSeparator {
                    path: format!("{path}.{field}"),
                    separator: separator.to_owned(),
                    reason,
                },
            );
        }
    }
}
