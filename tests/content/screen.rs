//! What the kiosk's screens cannot show is refused where it is written: chart values too
//! long to be a bar's label, too many bars, titles with line breaks or the length of a
//! paragraph, paragraphs that are lists of line breaks, characters nobody can see,
//! separators that misread numbers.

use office_kiosk::content::limits::{MAX_CHART_DIGITS, MAX_LINE_BREAKS, MAX_LINE_CHARS};
use office_kiosk::content::{Position, ProblemKind, Source, parse_with_warnings};

use crate::{FILE, edited, only_problem, position_of, problems};

/// The first bar of chart A with `value`, and the chart's decimals set to `decimals`.
fn chart_a(value: &str, decimals: u8) -> String {
    edited(&[(
        "bars: [\n                    Bar(label: \"1990\", value: 30404.0)",
        &format!(
            "decimals: {decimals},\n                bars: [\n                    Bar(label: \"1990\", value: {value})"
        ),
    )])
}

fn accepted(text: &str) -> bool {
    parse_with_warnings(text, FILE, &Source::embedded().headers_only()).is_ok()
}

#[test]
fn a_chart_value_has_at_most_fifteen_digits_with_its_decimals() {
    assert_eq!(MAX_CHART_DIGITS, 15);
    assert!(accepted(&chart_a("999999999999999.0", 0)));
    assert!(accepted(&chart_a("999999999.5", 6)));
    assert!(accepted(&chart_a("0.000001", 6)));
    assert!(accepted(&chart_a("1e-300", 6)));
    assert!(accepted(&chart_a("0.0", 0)));
    for (value, decimals) in [
        ("1e15", 0),
        ("1000000000.0", 6),
        ("1.7976931348623157e308", 0),
        ("1e300", 2),
    ] {
        let text = chart_a(value, decimals);
        let problem = only_problem(&text);
        assert!(
            matches!(
                &problem.kind,
                ProblemKind::ChartValueTooLarge { path, decimals: d, .. }
                    if path == "facts.charts[0].bars[0].value" && *d == decimals
            ),
            "{value}: {problem:?}"
        );
        let bar = position_of(&text, &format!("value: {value})"));
        assert_eq!(
            problem.position,
            Some(Position {
                column: bar.column + "value: ".len(),
                ..bar
            }),
            "{value}"
        );
        let message = problem.to_string();
        assert!(message.contains("at most 15 digits"), "{message}");
        // Short enough to read: no 309-digit number in the message.
        assert!(message.len() < 400, "{message}");
    }
}

/// The embedded file with the English Careers title written as `title` (RON source).
fn careers_title(title: &str) -> String {
    edited(&[(
        r#"title: {"en": "Work with us""#,
        &format!(r#"title: {{"en": "{title}""#),
    )])
}

#[test]
fn a_title_is_one_line_of_at_most_a_hundred_characters() {
    // A line break, at the column of its escape; once however many there are.
    let text = careers_title(r"Work\nwith\nus");
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::LineBreakInLine {
            path: "careers.header.title".into(),
            language: "en".into(),
        }
    );
    assert_eq!(problem.position, Some(position_of(&text, r"\nwith")));
    // Thirty line breaks and nothing else: a title that says nothing, and breaks a line.
    let found = problems(&careers_title(&r"\n".repeat(30)));
    assert!(
        found
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::LineBreakInLine { .. })),
        "{found:#?}"
    );

    assert!(accepted(&careers_title(&"W".repeat(MAX_LINE_CHARS))));
    for length in [MAX_LINE_CHARS + 1, 1_999] {
        let problem = only_problem(&careers_title(&"W".repeat(length)));
        assert_eq!(
            problem.kind,
            ProblemKind::LineTooLong {
                path: "careers.header.title".into(),
                language: "en".into(),
                length,
                max: MAX_LINE_CHARS,
            }
        );
    }
}

#[test]
fn a_paragraph_may_break_lines_but_is_not_a_list_of_them() {
    let hint = |hint: &str| {
        edited(&[(
            r#""es": "Toque un tema para comenzar""#,
            &format!(r#""es": "{hint}""#),
        )])
    };
    assert!(accepted(&hint(&r"una\n".repeat(MAX_LINE_BREAKS))));
    let text = hint(&r"una\n".repeat(MAX_LINE_BREAKS + 1));
    assert_eq!(
        only_problem(&text).kind,
        ProblemKind::TooManyLineBreaks {
            path: "home.hint".into(),
            language: "es".into(),
            count: MAX_LINE_BREAKS + 1,
            max: MAX_LINE_BREAKS,
        }
    );
}

#[test]
fn characters_nobody_can_see_are_named_at_their_column() {
    for (escape, character, what) in [
        (r"\u{200B}", '\u{200b}', "a zero-width space"),
        (r"\u{7}", '\u{7}', "a control character"),
        (r"\t", '\t', "a tab"),
        (r"\u{202E}", '\u{202e}', "a direction mark"),
        (r"\u{E000}", '\u{e000}', "a private-use character"),
        (r"\u{AD}", '\u{ad}', "a soft hyphen"),
    ] {
        // Twice in one text: named once, at the first.
        let text = careers_title(&format!("Work{escape}with{escape}us"));
        let problem = only_problem(&text);
        assert_eq!(
            problem.kind,
            ProblemKind::InvisibleCharacter {
                path: "careers.header.title".into(),
                language: "en".into(),
                character,
                what,
            },
            "{escape}"
        );
        let at = position_of(&text, &format!("{escape}with"));
        assert_eq!(problem.position, Some(at), "{escape}");
        assert!(problem.to_string().contains("U+"), "{problem}");
    }
    // Written as itself, not escaped, it is found just as well.
    let text = careers_title("Work\u{200b}with us");
    let at = position_of(&text, "\u{200b}");
    assert_eq!(only_problem(&text).position, Some(at));
}

#[test]
fn a_label_of_only_spaces_is_missing() {
    for blank in ["   ", "\u{a0}\u{a0}", "\u{3000}"] {
        let text = edited(&[(
            r#"Bar(label: "1990", value: 30404.0)"#,
            &format!(r#"Bar(label: "{blank}", value: 30404.0)"#),
        )]);
        let found = problems(&text);
        assert!(
            found
                .iter()
                .all(|p| matches!(p.kind, ProblemKind::MissingTranslation { .. })),
            "{found:#?}"
        );
        assert!(!found.is_empty());
    }
}

#[test]
fn separators_that_would_misread_numbers_are_refused() {
    for (thousands, decimal) in [(r"\n", "."), ("-", "."), ("_", "."), (",", ","), (".", ";")] {
        let text = edited(&[(
            "            name: \"English\",\n            decimal_separator: Some(\".\"),\n            thousands_separator: Some(\",\"),",
            &format!(
                "            name: \"English\",\n            decimal_separator: Some(\"{decimal}\"),\n            thousands_separator: Some(\"{thousands}\"),"
            ),
        )]);
        let problem = only_problem(&text);
        assert!(
            matches!(problem.kind, ProblemKind::BadSeparator { .. }),
            "{thousands:?} {decimal:?}: {problem:?}"
        );
    }
    for thousands in [" ", r"\u{a0}", r"\u{202F}", "'", "’", "."] {
        let text = edited(&[(
            "            name: \"English\",\n            decimal_separator: Some(\".\"),\n            thousands_separator: Some(\",\"),",
            &format!(
                "            name: \"English\",\n            decimal_separator: Some(\",\"),\n            thousands_separator: Some(\"{thousands}\"),"
            ),
        )]);
        assert!(accepted(&text), "{thousands:?}");
    }
}
