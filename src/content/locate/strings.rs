//! String literals as the parser reads them: their text, their length in the file, and
//! where each of their characters is.

/// The characters of the string literal (plain or raw) at the start of `chars` as the
/// parser reads them (escapes decoded), each with its offset in `chars`.
pub(super) fn decode_string(chars: &[char]) -> Vec<(char, usize)> {
    let mut out = Vec::new();
    if chars.first() == Some(&'r') {
        let hashes = chars[1..].iter().take_while(|&&c| c == '#').count();
        let (_, len) = string_literal(chars);
        let body_end = len.saturating_sub(1 + hashes);
        let start = hashes + 2;
        out.extend(
            chars
                .iter()
                .enumerate()
                .take(body_end)
                .skip(start)
                .map(|(j, &c)| (c, j)),
        );
        return out;
    }
    let mut j = 1;
    while let Some(&c) = chars.get(j) {
        match c {
            '"' => break,
            '\\' => {
                let (decoded, len) = escape(&chars[j + 1..]);
                out.push((decoded, j));
                j += 1 + len;
            }
            c => {
                out.push((c, j));
                j += 1;
            }
        }
    }
    out
}

/// The character an escape stands for, read after its backslash, and the escape's length
/// after the backslash.
fn escape(chars: &[char]) -> (char, usize) {
    let hex = |digits: &[char]| {
        u32::from_str_radix(&digits.iter().collect::<String>(), 16)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or(char::REPLACEMENT_CHARACTER)
    };
    match chars.first() {
        Some('n') => ('\n', 1),
        Some('r') => ('\r', 1),
        Some('t') => ('\t', 1),
        Some('0') => ('\0', 1),
        Some('x') => (hex(chars.get(1..3).unwrap_or_default()), 3.min(chars.len())),
        Some('u') if chars.get(1) == Some(&'{') => {
            let close = chars
                .iter()
                .position(|&c| c == '}')
                .unwrap_or(chars.len() - 1);
            (hex(chars.get(2..close).unwrap_or_default()), close + 1)
        }
        Some(&c) => (c, 1),
        None => ('\\', 0),
    }
}

/// Reads a string literal (plain or raw) at the start of `chars`; returns its text and length.
pub(super) fn string_literal(chars: &[char]) -> (String, usize) {
    if chars.first() == Some(&'r') {
        let hashes = chars[1..].iter().take_while(|&&c| c == '#').count();
        let body_start = 1 + hashes + 1;
        let mut j = body_start;
        while j < chars.len() {
            if chars[j] == '"'
                && chars[j + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&c| c == '#')
                    .count()
                    == hashes
            {
                return (chars[body_start..j].iter().collect(), j + 1 + hashes);
            }
            j += 1;
        }
        return (String::new(), chars.len());
    }
    let mut text = String::new();
    let mut j = 1;
    while j < chars.len() {
        match chars[j] {
            '"' => return (text, j + 1),
            '\\' => {
                if let Some(&c) = chars.get(j + 1) {
                    text.push(c);
                }
                j += 2;
            }
            c => {
                text.push(c);
                j += 1;
            }
        }
    }
    (text, chars.len())
}
