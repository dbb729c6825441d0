//! Finds where each value of a well-formed RON file starts, by its path.
//!
//! serde tells us *what* is wrong with a value only while parsing. Checks that run after
//! parsing (a missing translation, a negative bar) know the value's path, such as
//! `facts.charts[1].bars[3].value`; this module maps such paths back to a line and column.
//! It is a small, forgiving scanner: on anything it does not understand it stops, and the
//! paths it has seen so far still resolve. A key given twice in one map is found by its
//! occurrence: the second `"en"` of `home.title` is `home.title.en#2`.

mod strings;

use std::collections::HashMap;

use strings::{decode_string, string_literal};

/// A 1-based line and column in a text file (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
}

/// Where each value of a RON document starts, by path.
#[derive(Debug, Default)]
pub struct Locations {
    starts: HashMap<String, Position>,
    /// The text, and where each line and each string literal starts in it.
    chars: Vec<char>,
    line_starts: Vec<usize>,
    string_starts: Vec<usize>,
}

/// Marks a character of a string in a path: `home.title.en@@3` is the fourth character of
/// that text, counted as the parser reads it (an escape such as `\u{200B}` is one).
pub const CHAR_AT: &str = "@@";

impl Locations {
    /// Scans `source` and records the start of every value.
    pub fn scan(source: &str) -> Self {
        let tokens = tokenize(source);
        let mut parser = Parser {
            tokens: &tokens,
            at: 0,
            starts: HashMap::new(),
        };
        parser.value(String::new());
        let chars: Vec<char> = source.chars().collect();
        let mut line_starts = vec![0];
        line_starts.extend(
            chars
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == '\n')
                .map(|(i, _)| i + 1),
        );
        let mut locations = Self {
            starts: parser.starts,
            chars,
            line_starts,
            string_starts: Vec::new(),
        };
        locations.string_starts = tokens
            .iter()
            .filter(|(t, _)| matches!(t, Tok::Str(_)))
            .filter_map(|(_, pos)| locations.index_of(*pos))
            .collect();
        locations
    }

    /// Every string literal in the text: each character as the parser reads it, with its
    /// position.
    pub fn strings(&self) -> impl Iterator<Item = Vec<(char, Position)>> + '_ {
        self.string_starts.iter().map(|&start| {
            decode_string(&self.chars[start..])
                .into_iter()
                .map(|(c, offset)| (c, self.position_of(start + offset)))
                .collect()
        })
    }

    /// The starts of the values whose paths `keep` accepts.
    pub fn starts_where(&self, keep: impl Fn(&str) -> bool) -> impl Iterator<Item = Position> {
        self.starts
            .iter()
            .filter(move |(path, _)| keep(path))
            .map(|(_, pos)| *pos)
    }

    /// The index in the text of the character at `pos`.
    fn index_of(&self, pos: Position) -> Option<usize> {
        let line = *self.line_starts.get(pos.line.checked_sub(1)?)?;
        let index = line + pos.column.checked_sub(1)?;
        (index < self.chars.len()).then_some(index)
    }

    /// The position of the character at `index` in the text.
    fn position_of(&self, index: usize) -> Position {
        let line = self
            .line_starts
            .partition_point(|&start| start <= index)
            .max(1);
        Position {
            line,
            column: index - self.line_starts[line - 1] + 1,
        }
    }

    /// The `index`th character of the string literal starting at `start`.
    fn char_in_string(&self, start: Position, index: usize) -> Option<Position> {
        let at = self.index_of(start)?;
        let (_, offset) = *decode_string(&self.chars[at..]).get(index)?;
        Some(self.position_of(at + offset))
    }

    /// The start of the value at `path`, or of its nearest ancestor that was seen (at
    /// worst the whole document's).
    /// A path ending in `@@` and a number is that character of the string there.
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut path = path;
        if let Some((base, index)) = path.rsplit_once(CHAR_AT) {
            path = base;
            if let (Ok(index), Some(start)) = (index.parse::<usize>(), self.starts.get(base))
                && let Some(pos) = self.char_in_string(*start, index)
            {
                return Some(pos);
            }
        }
        loop {
            if let Some(pos) = self.starts.get(path) {
                return Some(*pos);
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None if !path.is_empty() => path = "",
                None => return None,
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Literal,
    Punct(char),
}

fn tokenize(source: &str) -> Vec<(Tok, Position)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut column) = (0, 1, 1);
    // Moves past `n` characters, keeping line and column.
    let advance = |i: &mut usize, line: &mut usize, column: &mut usize, n: usize| {
        for _ in 0..n {
            if chars.get(*i) == Some(&'\n') {
                *line += 1;
                *column = 1;
            } else {
                *column += 1;
            }
            *i += 1;
        }
    };
    while let Some(&c) = chars.get(i) {
        let pos = Position { line, column };
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            advance(&mut i, &mut line, &mut column, 1);
        } else if c == '/' && next == Some('/') {
            let len = chars[i..].iter().take_while(|&&c| c != '\n').count();
            advance(&mut i, &mut line, &mut column, len);
        } else if c == '/' && next == Some('*') {
            let mut len = 2;
            while i + len < chars.len() && !(chars[i + len - 1] == '*' && chars[i + len] == '/') {
                len += 1;
            }
            let n = (len + 1).min(chars.len() - i);
            advance(&mut i, &mut line, &mut column, n);
        } else if c == 'r'
            && next == Some('#')
            && chars
                .get(i + 2)
                .is_some_and(|c| c.is_alphabetic() || *c == '_')
        {
            // A raw identifier, `r#name`: the name is the field.
            let len = chars[i + 2..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .count();
            out.push((Tok::Ident(chars[i + 2..i + 2 + len].iter().collect()), pos));
            advance(&mut i, &mut line, &mut column, len + 2);
        } else if c == '"' || (c == 'r' && matches!(next, Some('"' | '#'))) {
            let (text, len) = string_literal(&chars[i..]);
            out.push((Tok::Str(text), pos));
            advance(&mut i, &mut line, &mut column, len.max(1));
        } else if c == '\'' {
            let mut len = 1;
            while i + len < chars.len() && chars[i + len] != '\'' {
                len += if chars[i + len] == '\\' { 2 } else { 1 };
            }
            out.push((Tok::Literal, pos));
            let n = (len + 1).min(chars.len() - i);
            advance(&mut i, &mut line, &mut column, n);
        } else if c.is_alphabetic() || c == '_' {
            let len = chars[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .count();
            out.push((Tok::Ident(chars[i..i + len].iter().collect()), pos));
            advance(&mut i, &mut line, &mut column, len);
        } else if c.is_ascii_digit()
            || ((c == '-' || c == '+' || c == '.') && next.is_some_and(|n| n.is_ascii_digit()))
            // A signed `inf` or `NaN` is one number too, as RON reads it.
            || ((c == '-' || c == '+') && next.is_some_and(char::is_alphabetic))
        {
            let len = chars[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
                .count();
            out.push((Tok::Literal, pos));
            advance(&mut i, &mut line, &mut column, len);
        } else {
            out.push((Tok::Punct(c), pos));
            advance(&mut i, &mut line, &mut column, 1);
        }
    }
    out
}

struct Parser<'t> {
    tokens: &'t [(Tok, Position)],
    at: usize,
    starts: HashMap<String, Position>,
}

impl Parser<'_> {
    fn peek(&self, ahead: usize) -> Option<&Tok> {
        self.tokens.get(self.at + ahead).map(|(t, _)| t)
    }

    fn eat_punct(&mut self, c: char) -> bool {
        if self.peek(0) == Some(&Tok::Punct(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, path: String) {
        // Skip `#![enable(...)]` extension attributes.
        while self.peek(0) == Some(&Tok::Punct('#')) {
            while let Some(tok) = self.peek(0).cloned() {
                self.at += 1;
                if tok == Tok::Punct(']') {
                    break;
                }
            }
        }
        let Some((tok, pos)) = self.tokens.get(self.at).cloned() else {
            return;
        };
        self.starts.entry(path.clone()).or_insert(pos);
        match tok {
            Tok::Ident(name) => {
                self.at += 1;
                if self.eat_punct('(') {
                    if name == "Some" {
                        self.starts.remove(&path);
                        self.value(path);
                        self.eat_punct(')');
                    } else {
                        self.paren_body(&path);
                    }
                }
            }
            Tok::Punct('(') => {
                self.at += 1;
                self.paren_body(&path);
            }
            Tok::Punct('[') => {
                self.at += 1;
                let mut index = 0;
                while self.peek(0).is_some() && !self.eat_punct(']') {
                    let before = self.at;
                    self.value(format!("{path}[{index}]"));
                    self.eat_punct(',');
                    index += 1;
                    if self.at == before {
                        return;
                    }
                }
            }
            Tok::Punct('{') => {
                self.at += 1;
                let mut seen: HashMap<String, usize> = HashMap::new();
                while self.peek(0).is_some() && !self.eat_punct('}') {
                    let key = match self.peek(0) {
                        Some(Tok::Str(s) | Tok::Ident(s)) => s.clone(),
                        _ => String::from("?"),
                    };
                    let count = seen.entry(key.clone()).or_default();
                    *count += 1;
                    let key = if *count == 1 {
                        key
                    } else {
                        format!("{key}#{count}")
                    };
                    let before = self.at;
                    self.at += 1;
                    if !self.eat_punct(':') {
                        return;
                    }
                    self.value(join(&path, &key));
                    self.eat_punct(',');
                    if self.at == before {
                        return;
                    }
                }
            }
            Tok::Str(_) | Tok::Literal => self.at += 1,
            Tok::Punct(_) => {}
        }
    }

    /// After an opening `(`: struct fields `(a: 1, b: 2)` or tuple items `(1, 2)`.
    fn paren_body(&mut self, path: &str) {
        let is_struct =
            matches!(self.peek(0), Some(Tok::Ident(_))) && self.peek(1) == Some(&Tok::Punct(':'));
        let mut index = 0;
        while self.peek(0).is_some() && !self.eat_punct(')') {
            let before = self.at;
            if is_struct {
                let Some(Tok::Ident(field)) = self.peek(0).cloned() else {
                    return;
                };
                self.at += 1;
                if !self.eat_punct(':') {
                    return;
                }
                self.value(join(path, &field));
            } else {
                self.value(format!("{path}[{index}]"));
                index += 1;
            }
            self.eat_punct(',');
            if self.at == before {
                return;
            }
        }
    }
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"// A comment with "quotes" and (parens).
Content(
    languages: [Language(code: "en", name: "English")],
    home: HomePage(title: {"en": "Hi", "es": r"Hola"}),
    /* block
       comment */
    image: Some(Image(path: "a.png")),
    charts: [
        Chart(bars: [Bar(label: "1990", value: 1.5), Bar(label: "2000", value: -2)]),
    ],
)
"#;

    #[expect(
        clippy::unnecessary_wraps,
        reason = "compared with `find`, which returns an Option"
    )]
    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn finds_fields_list_items_and_map_keys() {
        let locations = Locations::scan(DOC);
        assert_eq!(locations.find("languages[0].name"), at(3, 44));
        assert_eq!(locations.find("home.title"), at(4, 27));
        assert_eq!(locations.find("home.title.es"), at(4, 46));
        assert_eq!(locations.find("image.path"), at(7, 29));
        assert_eq!(locations.find("charts[0].bars[1].value"), at(9, 80));
    }

    #[test]
    fn unknown_paths_fall_back_to_the_nearest_ancestor() {
        let locations = Locations::scan(DOC);
        assert_eq!(
            locations.find("home.title.fr"),
            locations.find("home.title")
        );
        assert_eq!(locations.find("nothing"), at(2, 1), "the whole document");
        assert_eq!(Locations::scan("").find("nothing"), None);
    }

    #[test]
    fn a_path_outside_every_known_one_falls_back_to_the_document() {
        let locations = Locations::scan(DOC);
        assert_eq!(locations.find("facts"), at(2, 1));
        assert_eq!(locations.find("facts.charts[0].source.esz"), at(2, 1));
    }

    #[test]
    fn a_repeated_map_key_is_found_by_its_occurrence() {
        let locations = Locations::scan("T(t: {\"en\": \"a\",\n  \"en\": \"b\", \"en\": \"c\"})");
        assert_eq!(locations.find("t.en"), at(1, 13));
        assert_eq!(locations.find("t.en#2"), at(2, 9));
        assert_eq!(locations.find("t.en#3"), at(2, 20));
    }

    #[test]
    fn raw_identifiers_are_field_names() {
        let locations = Locations::scan("Content(\n  r#title: \"a\",\n  next: 1,\n)");
        assert_eq!(locations.find("title"), at(2, 12));
        assert_eq!(locations.find("next"), at(3, 9));
    }

    #[test]
    fn broken_input_does_not_loop_or_panic() {
        for cut in 0..DOC.len() {
            if DOC.is_char_boundary(cut) {
                let _ = Locations::scan(&DOC[..cut]);
            }
        }
        let _ = Locations::scan("((((]]]]}}:::,,,\"");
    }
}
