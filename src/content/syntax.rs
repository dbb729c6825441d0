//! Syntax errors: the parser's message in an author's words, at the place to look.
//!
//! RON's parser reports an error as a span from where it stood before its last step to
//! where it gave up. Before a token it skips whitespace and comments in one step, so the
//! span of a bad token after a line break starts at the end of the line above; an unclosed
//! `/*` is reported wherever the parser ran out of text. Both are corrected here: past
//! whitespace and comments to the first character that is wrong, and back to the opening
//! of an unclosed comment.

use std::borrow::Cow;

use ron::error::{Error, SpannedError};

use super::locate::Position;

/// The text as the parser and the position finder read it: without a byte-order mark
/// (editors on Windows may start a file with one; it is not content), and with old Mac
/// line ends (a CR alone) read as line ends, as an editor shows them. Each CR stays one
/// character, so columns do not move.
pub(crate) fn normalise(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Where to point for a parser error in `text` (as given to the parser), and what to say.
pub(crate) fn locate(text: &str, error: &SpannedError) -> (Position, String) {
    let start = offset(text, error.span.start.line, error.span.start.col);
    let end = offset(text, error.span.end.line, error.span.end.col).max(start);
    let at = match &error.code {
        // The end of the last thing written is the place to add what is missing.
        Error::Eof => start,
        Error::UnclosedBlockComment => unclosed_comment(text).unwrap_or(start),
        _ => {
            let next = skip_blank(text, start);
            if next <= end { next } else { start }
        }
    };
    (position(text, at), explain(&error.code))
}

/// The byte offset of a 1-based line and column (in characters), clamped to the text.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut line_start = 0;
    for _ in 1..line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// The 1-based line and column (in characters) of byte `at`.
fn position(text: &str, at: usize) -> Position {
    // Inside a character (never expected), count from the character's start.
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Whitespace as RON reads it.
fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The first byte at or after `at` that is neither whitespace nor in a comment.
fn skip_blank(text: &str, mut at: usize) -> usize {
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches(is_blank);
        at += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if trimmed.starts_with("/*") {
            match block_comment_end(trimmed) {
                Some(len) => at += len,
                None => return at,
            }
        } else {
            return at;
        }
    }
}

/// The length of the (nested) block comment at the start of `text`, if it is closed.
fn block_comment_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if rest.starts_with("/*") {
            depth += 1;
            i += 2;
        } else if rest.starts_with("*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// The opening `/*` of the block comment the text ends in, reading comments and strings
/// as RON does.
fn unclosed_comment(text: &str) -> Option<usize> {
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            match block_comment_end(rest) {
                Some(len) => i += len,
                None => return Some(i),
            }
        } else if rest.starts_with('"') {
            i += string_end(rest)?;
        } else if starts_raw_string(rest) {
            i += raw_string_end(rest)?;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// The length of the quoted string at the start of `text`, if it is closed.
fn string_end(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(i + 1),
            _ => escaped = false,
        }
    }
    None
}

/// Whether `text` starts with a raw string, `r"..."` or `r#"..."#`.
fn starts_raw_string(text: &str) -> bool {
    text.strip_prefix('r')
        .is_some_and(|rest| rest.trim_start_matches('#').starts_with('"'))
}

/// The length of the raw string at the start of `text`, if it is closed.
fn raw_string_end(text: &str) -> Option<usize> {
    let after_r = text.strip_prefix('r')?;
    let hashes = after_r.len() - after_r.trim_start_matches('#').len();
    let body = after_r[hashes..].strip_prefix('"')?;
    let close = format!("\"{}", "#".repeat(hashes));
    let opening = 1 + hashes + 1;
    body.find(&close).map(|end| opening + end + close.len())
}

/// The parser's message, with the words only a programmer knows replaced.
fn explain(code: &Error) -> String {
    match code {
        Error::SuggestRawIdentifier(found) | Error::InvalidIdentifier(found)
            if found.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            format!(
                "found the number `{found}` where a field name belongs; numbers are written \
                 without thousands separators (33446, not 33,446)"
            )
        }
        Error::SuggestRawIdentifier(found) | Error::InvalidIdentifier(found) => {
            format!(
                "`{found}` is not a field name: a field name is written in letters, digits and `_`"
            )
        }
        Error::ExceededRecursionLimit => "brackets are nested too deeply; a `(`, `[` or `{` \
                                          is probably not closed where it should be"
            .to_owned(),
        Error::UnclosedBlockComment => {
            "this `/*` comment is never closed; end it with `*/`".to_owned()
        }
        Error::ExpectedStringEnd => "this text is never closed; end it with `\"`".to_owned(),
        Error::IntegerOutOfBounds => {
            "this number is too large or too small for this field".to_owned()
        }
        Error::TrailingCharacters => "something follows the end of the content (its last \
                                      `)`); delete it, or the `)` too many before it"
            .to_owned(),
        other => in_words(&other.to_string()),
    }
}

/// The parser's own message with a programmer's words (types, `enum`, `struct`, the
/// kiosk's internal names) put as an author would say them.
fn in_words(message: &str) -> String {
    const WORDS: [(&str, &str); 26] = [
        ("Expected float", "Expected a number (such as 12 or 12.5)"),
        ("Expected integer", "Expected a whole number (such as 12)"),
        ("Expected boolean", "Expected `true` or `false`"),
        (
            "Expected string",
            "Expected a text in quotes (such as \"Belize\")",
        ),
        ("Expected option", "Expected `Some(...)` or `None`"),
        ("Expected char", "Expected one character in single quotes"),
        ("Expected unit", "Expected `()`"),
        ("Expected identifier", "Expected a name"),
        ("Expected comma", "Expected a comma"),
        ("Expected colon", "Expected a colon"),
        ("the floating point number", "the number"),
        ("the unsigned integer", "the number"),
        ("the signed integer", "the number"),
        ("a sequence", "a list in `[...]`"),
        ("a map", "texts by language in `{...}`"),
        ("a newtype struct", "a value in `(...)`"),
        ("a unit variant", "a name"),
        ("a newtype variant", "a name with a value in `(...)`"),
        ("a tuple variant", "a name with values in `(...)`"),
        ("a struct variant", "a name with fields in `(...)`"),
        ("an enum", "a name"),
        (" in enum ", " for "),
        ("enum variant", "choice"),
        ("variant named", "choice"),
        ("for struct ", "for "),
        ("struct ", ""),
    ];
    let mut out = message.to_owned();
    for (from, to) in WORDS {
        out = out.replace(from, to);
    }
    // The loader's own names for the file's parts: `RawChart` is `Chart` in the file.
    out = out.replace("`Raw", "`");
    for (from, to) in [
        ("u8", "a whole number"),
        ("u16", "a whole number"),
        ("u32", "a whole number"),
        ("u64", "a whole number"),
        ("i32", "a whole number"),
        ("i64", "a whole number"),
        ("f32", "a number"),
        ("f64", "a number"),
        ("usize", "a whole number"),
    ] {
        out = out
            .split(' ')
            .map(|word| {
                if word.trim_end_matches([',', '.']) == from {
                    to
                } else {
                    word
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parsers_words_are_put_as_an_author_says_them() {
        for (message, words) in [
            ("Expected float", "Expected a number (such as 12 or 12.5)"),
            (
                "Unexpected variant named `Diagonal` in enum `Orientation`",
                "Unexpected choice `Diagonal` for `Orientation`",
            ),
            (
                "Expected struct `RawChart` but found `Chrt`",
                "Expected `Chart` but found `Chrt`",
            ),
            (
                "Expected u32 but found a sequence",
                "Expected a whole number but found a list in `[...]`",
            ),
        ] {
            assert_eq!(in_words(message), words);
        }
    }

    #[test]
    fn old_mac_line_ends_become_line_ends_and_columns_stay() {
        assert_eq!(normalise("a\rb\r\nc\n"), "a\nb\r\nc\n");
        assert_eq!(normalise("\u{feff}a"), "a");
        assert!(matches!(normalise("plain\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn offsets_and_positions_agree() {
        let text = "ab\ncdé\nf";
        for at in [0, 1, 3, 5, 8, text.len()] {
            let p = position(text, at);
            assert_eq!(offset(text, p.line, p.column), at, "{p:?}");
        }
    }

    #[test]
    fn blanks_and_comments_are_skipped() {
        let text = "a,  // note\n  /* x /* y */ */ b";
        assert_eq!(skip_blank(text, 2), text.find('b').expect("b"));
    }

    #[test]
    fn the_opening_of_an_unclosed_comment_is_found() {
        let text = "a: \"/* not a comment\", // nor /* this\n/* closed */ r#\"/*\"# /* open /* */";
        assert_eq!(unclosed_comment(text), text.rfind("/* open"));
        assert_eq!(unclosed_comment("a /* b */ c"), None);
    }
}
