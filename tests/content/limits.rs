//! Nothing the content asks for is unbounded: texts have a length limit and lists an item
//! limit, each reported where the content first goes over it.

use std::fmt::Write as _;

use office_kiosk::content::limits::{MAX_BARS, MAX_LIST_ITEMS, MAX_TEXT_CHARS};
use office_kiosk::content::{Position, ProblemKind, Source, parse_with_warnings};

use crate::{FILE, edited, only_problem, position_at, position_of};

/// The embedded file with the Spanish home hint replaced by `hint`.
fn spanish_hint(hint: &str) -> String {
    edited(&[(
        r#""es": "Toque un tema para comenzar""#,
        &format!(r#""es": "{hint}""#),
    )])
}

#[test]
fn a_text_over_the_length_limit_is_an_error_at_its_language() {
    // Characters count, not bytes: `ñ` is two bytes in UTF-8.
    let at_limit = spanish_hint(&"ñ".repeat(MAX_TEXT_CHARS));
    assert!(parse_with_warnings(&at_limit, FILE, &Source::embedded().headers_only()).is_ok());

    let text = spanish_hint(&"ñ".repeat(MAX_TEXT_CHARS + 1));
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::TextOverLimit {
            path: "home.hint".into(),
            language: "es".into(),
            length: MAX_TEXT_CHARS + 1,
            max: MAX_TEXT_CHARS,
        }
    );
    let es = position_of(&text, r#""es": "ññ"#);
    assert_eq!(
        problem.position,
        Some(Position {
            column: es.column + r#""es": "#.len(),
            ..es
        })
    );
    assert!(problem.to_string().contains("at most 2000"), "{problem}");
}

#[test]
fn plain_strings_have_the_length_limit_too() {
    let name = "E".repeat(MAX_TEXT_CHARS + 1);
    let text = edited(&[(r#"name: "English","#, &format!("name: {name:?},"))]);
    let problem = only_problem(&text);
    assert!(
        matches!(&problem.kind, ProblemKind::TextOverLimit { path, .. } if path == "languages[0].name"),
        "{problem:?}"
    );
    let at = text.find(&name).expect("the name") - 1;
    assert_eq!(problem.position, Some(position_at(&text, at)));
}

/// The embedded file with `extra` bars inserted before the last bar of chart A (which
/// has 7), the last of them with `last_extra` as its value.
fn chart_a_with_extra_bars(extra: usize, last_extra: &str) -> String {
    let mut bars = String::new();
    for i in 0..extra {
        let value = if i + 1 == extra { last_extra } else { "1.0" };
        let _ = writeln!(
            bars,
            "                    Bar(label: \"x{i}\", value: {value}),"
        );
    }
    edited(&[(
        "                    Bar(label: \"2020\", value: 62043.0),\n",
        &format!("{bars}                    Bar(label: \"2020\", value: 62043.0),\n"),
    )])
}

#[test]
fn a_list_at_its_limit_is_fine() {
    let text = chart_a_with_extra_bars(MAX_BARS - 7, "1.0");
    let loaded = parse_with_warnings(&text, FILE, &Source::embedded().headers_only())
        .expect("12 bars are allowed");
    assert_eq!(loaded.content.facts.charts[0].bars.len(), MAX_BARS);
}

#[test]
fn a_list_over_its_limit_is_reported_at_the_first_item_too_many() {
    // 13 bars; the 12th (the last extra one) is negative, the 13th is the last.
    let text = chart_a_with_extra_bars(MAX_BARS - 6, "-1.0");
    let found = office_kiosk::content::parse(&text, FILE, &Source::embedded())
        .expect_err("too many bars")
        .problems()
        .to_vec();
    let kinds: Vec<_> = found.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        [
            &ProblemKind::NegativeValue {
                path: "facts.charts[0].bars[11].value".into(),
                value: -1.0,
            },
            &ProblemKind::TooManyItems {
                path: "facts.charts[0].bars".into(),
                count: MAX_BARS + 1,
                max: MAX_BARS,
            },
        ]
    );
    assert_eq!(
        found[1].position,
        Some(position_of(&text, r#"Bar(label: "2020", value: 62043.0)"#))
    );
}

#[test]
fn items_past_the_limit_are_not_checked_one_by_one() {
    // 150 extra bars after the first 6, all negative: one problem for the list and one
    // for each negative bar up to the limit (6 of them), none past it.
    let text = chart_a_with_extra_bars(150, "-1.0").replace("value: 1.0)", "value: -1.0)");
    let found = office_kiosk::content::parse(&text, FILE, &Source::embedded())
        .expect_err("too many bars")
        .problems()
        .to_vec();
    let negative = found
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::NegativeValue { .. }))
        .count();
    assert_eq!(negative, MAX_BARS - 6, "bars 7 to 12, the first 12 checked");
    assert_eq!(found.len(), MAX_BARS - 6 + 1, "{:?}", found.last());
}

#[test]
fn a_text_with_too_many_languages_is_one_problem() {
    let many = (0..=MAX_LIST_ITEMS).fold(String::new(), |mut out, i| {
        let _ = write!(out, "\"l{i}\": \"x\", ");
        out
    });
    let text = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
        &format!("acronym: {{{many}}}"),
    )]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::TooManyItems {
            path: "identity.acronym".into(),
            count: MAX_LIST_ITEMS + 1,
            max: MAX_LIST_ITEMS,
        }
    );
    let at = position_of(&text, "acronym: {\"l0\"");
    assert_eq!(
        problem.position,
        Some(Position {
            column: at.column + "acronym: ".len(),
            ..at
        })
    );
}
