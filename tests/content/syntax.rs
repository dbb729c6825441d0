//! Syntax and schema errors: reported by the parser, at the place to look.

use crate::{EMBEDDED_RON, FILE, edited, only_problem, position_at, position_of, syntax_message};

#[test]
fn missing_comma_is_a_syntax_error_at_the_next_field() {
    let text = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"},"#,
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(syntax_message(&problem), "Expected a comma");
    // RON notices the missing comma at the token that follows it: the next field.
    let next = position_of(&text, "office_name:");
    assert_eq!(problem.position, Some(next));
    assert_eq!(problem.file, FILE);
}

#[test]
fn missing_colon_is_a_syntax_error_on_its_line() {
    let text = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
        r#"acronym: {"en": "IOM", "es" "OIM"}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(syntax_message(&problem), "Expected a colon");
    let line = position_of(&text, r#""es" "OIM""#).line;
    assert_eq!(problem.position.map(|p| p.line), Some(line));
}

#[test]
fn missing_closing_paren_is_a_syntax_error() {
    let text = edited(&[(
        r#"Bar(label: "1995", value: 33446.0),"#,
        r#"Bar(label: "1995", value: 33446.0,"#,
    )]);
    let problem = only_problem(&text);
    // Without the `)`, the next bar reads as a field of this one.
    let message = syntax_message(&problem);
    assert!(
        message.contains("Unexpected field named `Bar`"),
        "{message}"
    );
    let next_bar = position_of(&text, r#"Bar(label: "2000", value: 36488.0)"#);
    assert_eq!(problem.position, Some(next_bar));
}

#[test]
fn unknown_field_names_it_and_lists_the_expected_ones() {
    let text = edited(&[(
        r#"nav_label: {"en": "Home", "es": "Inicio"}"#,
        r#"nav_lable: {"en": "Home", "es": "Inicio"}"#,
    )]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(message.contains("`nav_lable`"), "{message}");
    assert!(message.contains("HomePage"), "{message}");
    for expected in ["`nav_label`", "`title`", "`welcome`", "`hint`"] {
        assert!(message.contains(expected), "{message} lacks {expected}");
    }
    assert_eq!(problem.position, Some(position_of(&text, "nav_lable")));
}

#[test]
fn unknown_enum_variant_lists_the_variants() {
    let text = edited(&[("icon: Globe,", "icon: Glob,")]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(message.contains("`Glob`"), "{message}");
    assert!(
        message.contains("`Globe`") && message.contains("`Place`"),
        "{message}"
    );
    assert_eq!(problem.position, Some(position_of(&text, "Glob,")));
}

#[test]
fn missing_field_is_reported_at_the_end_of_its_struct() {
    let hint = r#"        hint: {"en": "Touch a topic to begin", "es": "Toque un tema para comenzar"},
"#;
    let text = edited(&[(hint, "")]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(
        message.contains("missing field named `hint`") && message.contains("HomePage"),
        "{message}"
    );
    // The parser finds out at the `)` that closes `HomePage(`.
    let home = position_of(&text, "home: HomePage(").line;
    let close = text
        .lines()
        .enumerate()
        .skip(home)
        .find(|(_, line)| *line == "    ),")
        .map(|(i, _)| i + 1)
        .expect("HomePage closes");
    assert_eq!(problem.position.map(|p| p.line), Some(close));
}

#[test]
fn a_wrong_type_is_a_syntax_error_on_its_line() {
    let text = edited(&[(
        "year: 2021,\n                source: {\n                    \"en\": \"IOM Belize office page (World Bank data)\"",
        "year: \"2021\",\n                source: {\n                    \"en\": \"IOM Belize office page (World Bank data)\"",
    )]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(message.contains("whole number"), "{message}");
    let line = position_of(&text, "year: \"2021\"").line;
    assert_eq!(problem.position.map(|p| p.line), Some(line));
}

#[test]
fn a_text_of_the_wrong_shape_is_reported_at_its_value() {
    let text = edited(&[(r#"acronym: {"en": "IOM", "es": "OIM"}"#, r"acronym: 5")]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(message.contains("Expected a text"), "{message}");
    assert!(message.contains("the number `5`"), "{message}");
    assert!(
        message.contains(r#"{"en": "...""#),
        "shows the form: {message}"
    );
    assert_eq!(
        problem.position.map(|p| p.line),
        Some(position_of(&text, "acronym: 5").line)
    );
}

// ---------------------------------------------------------------------------------------
// Positions: at the first character that is wrong, however the parser got there
// ---------------------------------------------------------------------------------------

#[test]
fn garbage_at_the_start_of_a_line_is_reported_where_it_is_not_on_the_line_above() {
    for (from, to, garbage) in [
        (
            "    identity: Identity(\n",
            "    ?oops\n    identity: Identity(\n",
            "?oops",
        ),
        (
            r#"acronym: {"en": "IOM", "es": "OIM"}"#,
            "acronym:\n            5",
            "5,\n        office_name",
        ),
        (
            r#"acronym: {"en": "IOM", "es": "OIM"}"#,
            "acronym:\n            ?{\"en\": \"IOM\", \"es\": \"OIM\"}",
            "?{",
        ),
        (
            "                    Bar(label: \"1995\", value: 33446.0)",
            "                    -Bar(label: \"1995\", value: 33446.0)",
            "-Bar",
        ),
    ] {
        let text = edited(&[(from, to)]);
        let problem = only_problem(&text);
        assert_eq!(
            problem.position,
            Some(position_of(&text, garbage)),
            "{garbage}: {problem}"
        );
    }
}

#[test]
fn something_after_the_end_is_reported_where_it_is() {
    let text = format!("{EMBEDDED_RON}\n  // a comment\n  junk\n");
    let problem = only_problem(&text);
    assert_eq!(problem.position, Some(position_of(&text, "junk")));
    let message = syntax_message(&problem);
    assert!(
        message.contains("follows the end of the content"),
        "{message}"
    );
}

#[test]
fn an_unclosed_comment_is_reported_at_its_opening_not_at_the_end_of_the_file() {
    let text = edited(&[(
        "    identity: Identity(\n",
        "    /* note: check the names\n    identity: Identity(\n",
    )]);
    let problem = only_problem(&text);
    assert_eq!(problem.position, Some(position_of(&text, "/* note")));
    assert_eq!(
        syntax_message(&problem),
        "this `/*` comment is never closed; end it with `*/`"
    );
}

#[test]
fn old_mac_line_endings_count_lines_as_an_editor_does() {
    // A syntax error and, separately, a validation error: both on their own line.
    let garbage = edited(&[(
        "    identity: Identity(\n",
        "    ?oops\n    identity: Identity(\n",
    )]);
    let negative = edited(&[("value: 46390.0", "value: -46390.0")]);
    for text in [garbage, negative] {
        let expected = only_problem(&text).position;
        assert!(expected.is_some_and(|p| p.line > 20));
        for line_end in ["\r", "\r\n"] {
            let other = text.replace('\n', line_end);
            assert_eq!(only_problem(&other).position, expected, "{line_end:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Words an author can act on, not the parser's
// ---------------------------------------------------------------------------------------

/// No words only a programmer knows.
fn assert_plain(message: &str) {
    for jargon in [
        "r#",
        "raw identifier",
        "serde",
        "recursion_limit",
        "Raw",
        "ron::",
    ] {
        assert!(!message.contains(jargon), "`{jargon}` in: {message}");
    }
}

#[test]
fn a_number_with_a_thousands_separator_says_so() {
    for (from, to) in [
        ("value: 33446.0", "value: 33,446.0"),
        ("value: 36488.0", "value: 36,488"),
    ] {
        let text = edited(&[(from, to)]);
        let problem = only_problem(&text);
        let message = syntax_message(&problem);
        assert_plain(message);
        assert!(
            message.contains("without thousands separators (33446, not 33,446)"),
            "{message}"
        );
        // At the digits after the comma, which the parser took for a field name.
        let at = text.find(to).expect("the edit") + to.find(',').expect("a comma") + 1;
        assert_eq!(problem.position, Some(position_at(&text, at)));
    }
}

#[test]
fn deep_nesting_and_huge_numbers_are_told_plainly() {
    let deep = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
        &format!("acronym: {}{}", "[".repeat(300), "]".repeat(300)),
    )]);
    let message = syntax_message(&only_problem(&deep)).to_owned();
    assert_plain(&message);
    assert!(message.contains("Expected a text"), "{message}");

    let huge = edited(&[("decimals: 1,", "decimals: 99999999999,")]);
    let problem = only_problem(&huge);
    assert_eq!(
        syntax_message(&problem),
        "this number is too large or too small for this field"
    );
    assert_eq!(problem.position, Some(position_of(&huge, "99999999999")));
}

#[test]
fn the_enums_are_named_as_the_file_names_them() {
    for (from, to, name) in [
        ("icon: Globe,", "icon: Glob,", "`Icon`"),
        (
            "orientation: Vertical,\n                bars: [\n                    Bar(label: \"1990\"",
            "orientation: Upright,\n                bars: [\n                    Bar(label: \"1990\"",
            "`Orientation`",
        ),
    ] {
        let text = edited(&[(from, to)]);
        let message = syntax_message(&only_problem(&text)).to_owned();
        assert_plain(&message);
        assert!(message.contains(&format!("for {name}")), "{message}");
    }
    let text = edited(&[("kind: Phone,", "kind: Fax,")]);
    let message = syntax_message(&only_problem(&text)).to_owned();
    assert!(message.contains("for `ContactKind`"), "{message}");
}
