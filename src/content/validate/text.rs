//! Checks on texts: every declared language present and not blank, no language given
//! twice, nothing over the length limit, and no `{placeholder}` the kiosk does not fill in.

use std::collections::HashMap;

use super::super::builtin::Label;
use super::super::error::ProblemKind;
use super::super::limits::{MAX_LINE_BREAKS, MAX_LINE_CHARS, MAX_LIST_ITEMS, MAX_TEXT_CHARS};
use super::super::model::Text;
use super::super::raw::RawText;
use super::Validator;
use crate::content::locate::CHAR_AT;

/// The one text with a placeholder, and the placeholder it has.
const COUNTDOWN_PATH: &str = "labels.idle_countdown";
const COUNTDOWN_PLACEHOLDER: &str = "{seconds}";

/// How a text is laid out: on one line (a title, a label, a name, a figure) or in lines
/// of their own (a paragraph).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Line,
    Lines,
}

impl Validator<'_> {
    /// A text in every declared language; an empty string counts as missing.
    /// While the language list itself is broken, texts are not checked against it: one
    /// mistake there would otherwise be reported once for every text.
    pub(super) fn text(&mut self, raw: &RawText, path: &str) -> Text {
        self.shaped(raw, path, Shape::Lines)
    }

    /// A text that takes one line: a title, a heading, a label, a name, a figure. As
    /// [`Validator::text`], without line breaks and within [`MAX_LINE_CHARS`].
    pub(super) fn line(&mut self, raw: &RawText, path: &str) -> Text {
        self.shaped(raw, path, Shape::Line)
    }

    fn shaped(&mut self, raw: &RawText, path: &str, shape: Shape) -> Text {
        if let RawText::PerLanguage(pairs) = raw
            && pairs.len() > MAX_LIST_ITEMS
        {
            self.problem(
                path,
                ProblemKind::TooManyItems {
                    path: path.to_owned(),
                    count: pairs.len(),
                    max: MAX_LIST_ITEMS,
                },
            );
            return Text::new(vec![String::new(); self.codes.len().max(1)]);
        }
        self.lengths_and_placeholders(raw, path, shape);
        if self.languages_broken {
            return Text::new(match raw {
                RawText::Same(s) => vec![s.clone(); self.codes.len().max(1)],
                RawText::PerLanguage(_) => self
                    .codes
                    .iter()
                    .map(|c| raw.get(c).unwrap_or_default().to_owned())
                    .collect(),
            });
        }
        match raw {
            RawText::Same(s) => {
                if s.trim().is_empty() {
                    for code in self.codes.clone() {
                        self.problem(path, missing(path, &code));
                    }
                }
                Text::new(vec![s.clone(); self.codes.len().max(1)])
            }
            RawText::PerLanguage(pairs) => {
                let mut seen: HashMap<&str, usize> = HashMap::new();
                for (code, _) in pairs {
                    let count = seen.entry(code).or_default();
                    *count += 1;
                    if *count > 1 {
                        self.problem(
                            key_path(path, code, *count),
                            ProblemKind::DuplicateTranslation {
                                path: path.to_owned(),
                                language: code.clone(),
                            },
                        );
                    } else if !self.codes.contains(code) {
                        self.problem(
                            format!("{path}.{code}"),
                            ProblemKind::UndeclaredLanguage {
                                path: path.to_owned(),
                                language: code.clone(),
                            },
                        );
                    }
                }
                let mut out = Vec::with_capacity(self.codes.len());
                for code in self.codes.clone() {
                    match raw.get(&code) {
                        Some(s) if !s.trim().is_empty() => out.push(s.to_owned()),
                        Some(_) => {
                            self.problem(format!("{path}.{code}"), missing(path, &code));
                            out.push(String::new());
                        }
                        None => {
                            self.problem(path, missing(path, &code));
                            out.push(String::new());
                        }
                    }
                }
                Text::new(out)
            }
        }
    }

    /// Every string of `raw` within the length limit for its shape, with only characters
    /// that can be shown and no unknown placeholder.
    fn lengths_and_placeholders(&mut self, raw: &RawText, path: &str, shape: Shape) {
        let strings: Vec<(String, &str, &str)> = match raw {
            RawText::Same(s) => vec![(path.to_owned(), "every language", s.as_str())],
            RawText::PerLanguage(pairs) => {
                let mut seen: HashMap<&str, usize> = HashMap::new();
                pairs
                    .iter()
                    .map(|(code, s)| {
                        let count = seen.entry(code).or_default();
                        *count += 1;
                        (key_path(path, code, *count), code.as_str(), s.as_str())
                    })
                    .collect()
            }
        };
        for (at, language, s) in strings {
            let length = s.chars().count();
            if shape == Shape::Line && length > MAX_LINE_CHARS {
                self.problem(
                    at.clone(),
                    ProblemKind::LineTooLong {
                        path: path.to_owned(),
                        language: language.to_owned(),
                        length,
                        max: MAX_LINE_CHARS,
                    },
                );
            } else if length > MAX_TEXT_CHARS {
                self.problem(
                    at.clone(),
                    ProblemKind::TextOverLimit {
                        path: path.to_owned(),
                        language: language.to_owned(),
                        length,
                        max: MAX_TEXT_CHARS,
                    },
                );
            }
            self.characters(s, &at, path, language, shape);
            let mut reported: Vec<&str> = Vec::new();
            for placeholder in placeholders(s) {
                let known = path == COUNTDOWN_PATH && placeholder == COUNTDOWN_PLACEHOLDER;
                if known || reported.contains(&placeholder) {
                    continue;
                }
                reported.push(placeholder);
                self.problem(
                    at.clone(),
                    ProblemKind::UnknownPlaceholder {
                        path: path.to_owned(),
                        language: language.to_owned(),
                        placeholder: placeholder.to_owned(),
                    },
                );
            }
        }
    }

    /// The characters of `s` (at `at`, part of the text at `path`): every character that
    /// cannot be shown is named once, at its own place; a line break in a line, or too many
    /// in a text, too.
    fn characters(&mut self, s: &str, at: &str, path: &str, language: &str, shape: Shape) {
        let mut named: Vec<char> = Vec::new();
        let mut breaks = 0;
        for (i, c) in s.chars().enumerate() {
            if c == '\n' {
                breaks += 1;
                if shape == Shape::Line && breaks == 1 {
                    self.problem(
                        format!("{at}{CHAR_AT}{i}"),
                        ProblemKind::LineBreakInLine {
                            path: path.to_owned(),
                            language: language.to_owned(),
                        },
                    );
                }
                continue;
            }
            let Some(what) = invisible(c) else {
                continue;
            };
            if named.contains(&c) {
                continue;
            }
            named.push(c);
            self.problem(
                format!("{at}{CHAR_AT}{i}"),
                ProblemKind::InvisibleCharacter {
                    path: path.to_owned(),
                    language: language.to_owned(),
                    character: c,
                    what,
                },
            );
        }
        if shape == Shape::Lines && breaks > MAX_LINE_BREAKS {
            self.problem(
                at,
                ProblemKind::TooManyLineBreaks {
                    path: path.to_owned(),
                    language: language.to_owned(),
                    count: breaks,
                    max: MAX_LINE_BREAKS,
                },
            );
        }
    }

    /// A plain string the kiosk shows or uses (a code, a name, an address), within the
    /// length limit, on one line, with only characters that can be shown.
    pub(super) fn plain(&mut self, s: &str, path: &str) {
        self.characters(s, path, path, "every language", Shape::Line);
        let length = s.chars().count();
        if length > MAX_TEXT_CHARS {
            self.problem(
                path,
                ProblemKind::TextOverLimit {
                    path: path.to_owned(),
                    language: "every language".to_owned(),
                    length,
                    max: MAX_TEXT_CHARS,
                },
            );
        }
    }

    /// An interface label that files written before it existed may lack: the built-in text
    /// then, with a warning.
    pub(super) fn label(&mut self, raw: Option<&RawText>, label: Label) -> Text {
        let path = format!("labels.{}", label.field());
        if let Some(raw) = raw {
            return self.line(raw, &path);
        }
        self.warnings.push((
            "labels".to_owned(),
            ProblemKind::MissingLabel {
                path,
                builtin: label.text("en").to_owned(),
            },
        ));
        Text::new(
            self.codes
                .iter()
                .map(|c| label.text(c).to_owned())
                .collect(),
        )
    }

    pub(super) fn opt_text(&mut self, raw: Option<&RawText>, path: &str) -> Option<Text> {
        raw.map(|t| self.text(t, path))
    }

    pub(super) fn texts(&mut self, raw: &[RawText], path: &str) -> Vec<Text> {
        self.within_limit(raw, path)
            .iter()
            .enumerate()
            .map(|(i, t)| self.text(t, &format!("{path}[{i}]")))
            .collect()
    }

    /// A page title: a text, and not blank in any language.
    pub(super) fn title(&mut self, raw: &RawText, path: &str, page: &str) -> Text {
        let blank = match raw {
            RawText::Same(s) => s.trim().is_empty(),
            RawText::PerLanguage(pairs) => pairs.iter().all(|(_, s)| s.trim().is_empty()),
        };
        if blank {
            self.problem(path, ProblemKind::MissingTitle(page.to_owned()));
            return Text::new(vec![String::new(); self.codes.len()]);
        }
        self.line(raw, path)
    }
}

/// What a character that cannot be shown is, if `c` is one: a control character (a line
/// break aside), a zero-width or direction mark, a soft hyphen, a line or paragraph
/// separator, a private-use character (the icon font's, or nothing).
pub(crate) fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\n' => return None,
        '\t' => "a tab",
        c if c.is_control() => "a control character",
        '\u{ad}' => "a soft hyphen",
        '\u{200b}' | '\u{2060}' | '\u{feff}' => "a zero-width space",
        '\u{200c}' | '\u{200d}' => "a zero-width joiner",
        '\u{200e}'
        | '\u{200f}'
        | '\u{061c}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => "a direction mark",
        '\u{2028}' | '\u{2029}' => "a line or paragraph separator",
        '\u{180e}'
        | '\u{2061}'..='\u{2064}'
        | '\u{206a}'..='\u{206f}'
        | '\u{fff9}'..='\u{fffb}' => "an invisible formatting character",
        '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}' => "a private-use character",
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' => "a variation selector",
        '\u{e0000}'..='\u{e007f}' => "a tag character",
        _ => return None,
    })
}

/// Every `{word}` in `s`: a brace, a letter or underscore, letters, digits or
/// underscores, and a closing brace.
fn placeholders(s: &str) -> impl Iterator<Item = &str> {
    s.match_indices('{').filter_map(|(start, _)| {
        let rest = &s[start + 1..];
        let word = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(rest, |end| &rest[..end]);
        let starts_well = word
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_');
        (starts_well && rest[word.len()..].starts_with('}'))
            .then(|| &s[start..=start + 1 + word.len()])
    })
}

/// The path of the `occurrence`th (from 1) entry for `code` in the text at `path`: the
/// position finder names a repeated key `path.code#2`, `path.code#3`...
fn key_path(path: &str, code: &str, occurrence: usize) -> String {
    if occurrence == 1 {
        format!("{path}.{code}")
    } else {
        format!("{path}.{code}#{occurrence}")
    }
}

fn missing(path: &str, code: &str) -> ProblemKind {
    ProblemKind::MissingTranslation {
        path: path.to_owned(),
        language: code.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_are_words_in_braces() {
        let found: Vec<&str> =
            placeholders("in {seconds} s, {x1} {_a} { no } {1x} {é} {} {open").collect();
        assert_eq!(found, ["{seconds}", "{x1}", "{_a}", "{é}"]);
    }
}
