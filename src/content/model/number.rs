//! Numbers on charts, written with a language's separators.

use super::Language;

/// Writes `value` with `decimals` digits and the language's separators: `30,404`, `46.1`.
pub fn format_number(value: f64, decimals: u8, lang: &Language) -> String {
    let formatted = format!("{:.*}", usize::from(decimals), value.abs());
    let (int_part, frac_part) = formatted
        .split_once('.')
        .map_or((formatted.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    if value < 0.0 && formatted.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push_str(&lang.thousands_separator);
        }
        out.push(c);
    }
    if let Some(frac) = frac_part {
        out.push_str(&lang.decimal_separator);
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Language {
        Language {
            code: "en".into(),
            name: "English".into(),
            decimal_separator: ".".into(),
            thousands_separator: ",".into(),
        }
    }

    #[test]
    fn numbers_get_thousands_separators() {
        let en = english();
        assert_eq!(format_number(30_404.0, 0, &en), "30,404");
        assert_eq!(format_number(462.0, 0, &en), "462");
        assert_eq!(format_number(1_234_567.0, 0, &en), "1,234,567");
        assert_eq!(format_number(46.1, 1, &en), "46.1");
        assert_eq!(format_number(0.0, 0, &en), "0");
    }

    #[test]
    fn numbers_use_the_languages_separators() {
        let de = Language {
            decimal_separator: ",".into(),
            thousands_separator: ".".into(),
            ..english()
        };
        assert_eq!(format_number(62_043.5, 1, &de), "62.043,5");
    }
}
