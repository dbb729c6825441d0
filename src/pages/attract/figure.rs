//! A headline figure counting up: the number in a fact's text runs from zero to its value,
//! written with the same decimals and the language's separators, the words around it as
//! they are. At the end the text is exactly the content's.

use crate::content::{Language, format_number};

/// The first number in a text: where it is, its value and its decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Number {
    start: usize,
    end: usize,
    value: f64,
    decimals: u8,
}

/// The first number in `text`, read with `language`'s separators: "USD 139.5 million" has
/// 139.5 with one decimal.
fn find_number(text: &str, language: &Language) -> Option<Number> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let (decimal, thousands) = (
        language.decimal_separator.as_str(),
        language.thousands_separator.as_str(),
    );
    // A separator belongs to the number only with a digit right after it.
    let separator_at = |at: usize, sep: &str| {
        !sep.is_empty()
            && rest[at..].starts_with(sep)
            && rest[at + sep.len()..].starts_with(|c: char| c.is_ascii_digit())
    };
    let mut digits = String::new();
    let mut decimals: Option<u8> = None;
    let mut at = 0;
    while at < rest.len() {
        if rest[at..].starts_with(|c: char| c.is_ascii_digit()) {
            digits.push_str(&rest[at..=at]);
            decimals = decimals.map(|d| d.saturating_add(1));
            at += 1;
        } else if decimals.is_none() && separator_at(at, decimal) {
            digits.push('.');
            decimals = Some(0);
            at += decimal.len();
        } else if decimals.is_none() && separator_at(at, thousands) {
            at += thousands.len();
        } else {
            break;
        }
    }
    Some(Number {
        start,
        end: start + at,
        value: digits.parse().ok()?,
        decimals: decimals.unwrap_or(0),
    })
}

/// `text` with its number at `progress` (0 to 1, eased) of its value; `text` itself at 1 or
/// when it holds no number.
pub fn counted(text: &str, progress: f32, language: &Language) -> String {
    let Some(number) = find_number(text, language).filter(|_| progress < 1.0) else {
        return text.to_owned();
    };
    let eased = 1.0 - (1.0 - f64::from(progress.clamp(0.0, 1.0))).powi(3);
    format!(
        "{}{}{}",
        &text[..number.start],
        format_number(number.value * eased, number.decimals, language),
        &text[number.end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(decimal: &str, thousands: &str) -> Language {
        Language {
            code: "xx".into(),
            name: "X".into(),
            decimal_separator: decimal.into(),
            thousands_separator: thousands.into(),
        }
    }

    #[test]
    fn the_number_counts_up_in_its_own_format_and_ends_as_written() {
        let en = language(".", ",");
        assert_eq!(counted("USD 139.5 million", 0.0, &en), "USD 0.0 million");
        assert_eq!(counted("USD 139.5 million", 1.0, &en), "USD 139.5 million");
        assert_eq!(counted("30,833 people", 0.0, &en), "0 people");
        let half = counted("30,833 people", 0.5, &en);
        assert!(half.ends_with(" people") && half.contains(','), "{half}");
        assert_eq!(counted("49.7 %", 0.999_999, &en), "49.7 %");
        // The sentence's full stop is not a decimal point; a text without a number stays.
        assert_eq!(counted("Since 1951.", 0.0, &en), "Since 0.");
        assert_eq!(counted("Many", 0.2, &en), "Many");
        // Other separators: a decimal comma and a thin space.
        let es = language(",", "\u{2009}");
        assert_eq!(
            find_number("12\u{2009}345,25 personas", &es).map(|n| (n.value, n.decimals)),
            Some((12_345.25, 2))
        );
        assert_eq!(counted("12\u{2009}345,25", 0.0, &es), "0,00");
    }
}
