//! Validation problems: found after parsing, located by path; several at once, sorted.

use office_kiosk::content::{EMBEDDED_RON, ProblemKind, Source, parse};

use crate::{FILE, Position, edit, edited, only, only_problem, position_at, position_of, problems};

#[test]
fn missing_translation_names_the_text_and_its_line() {
    let es = "            \"es\": \"Aquí puede conocer quiénes somos";
    let start = EMBEDDED_RON.find(es).expect("the Spanish welcome");
    let end = start + EMBEDDED_RON[start..].find('\n').expect("ends its line") + 1;
    let text = edit(EMBEDDED_RON, &EMBEDDED_RON[start..end], "");
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::MissingTranslation {
            path: "home.welcome".into(),
            language: "es".into(),
        }
    );
    // At the `{` that opens the text.
    let welcome = position_of(&text, "welcome: {");
    assert_eq!(
        problem.position,
        Some(Position {
            line: welcome.line,
            column: welcome.column + "welcome: ".len(),
        })
    );
    assert_eq!(
        problem.to_string(),
        format!(
            "{FILE}:{}:{}: error: `home.welcome` has no text in `es`",
            welcome.line,
            welcome.column + 9
        )
    );
}

#[test]
fn an_empty_translation_is_missing_and_located_at_the_empty_string() {
    let text = edited(&[(
        r#"closing_label: {"en": "Apply by", "es": "Postúlese hasta"}"#,
        r#"closing_label: {"en": "Apply by", "es": ""}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::MissingTranslation {
            path: "careers.closing_label".into(),
            language: "es".into(),
        }
    );
    assert_eq!(
        problem.position,
        Some(position_of(&text, r#""es": """#)).map(|p| Position {
            column: p.column + r#""es": "#.len(),
            ..p
        })
    );
}

#[test]
fn a_blank_plain_string_is_missing_in_every_language() {
    let text = edited(&[(r#"value: "1951","#, r#"value: "  ","#)]);
    let problems = problems(&text);
    let at = position_of(&text, r#""  ""#);
    let kinds: Vec<_> = problems.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        [
            &ProblemKind::MissingTranslation {
                path: "about.highlights[0].value".into(),
                language: "en".into(),
            },
            &ProblemKind::MissingTranslation {
                path: "about.highlights[0].value".into(),
                language: "es".into(),
            },
        ]
    );
    assert!(problems.iter().all(|p| p.position == Some(at)));
}

#[test]
fn undeclared_language_key_is_reported_at_its_text() {
    let text = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
        r#"acronym: {"en": "IOM", "es": "OIM", "fr": "OIM"}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::UndeclaredLanguage {
            path: "identity.acronym".into(),
            language: "fr".into(),
        }
    );
    let fr = position_of(&text, r#""fr": "OIM""#);
    assert_eq!(
        problem.position,
        Some(Position {
            column: fr.column + r#""fr": "#.len(),
            ..fr
        })
    );
}

#[test]
fn a_chart_without_bars_is_empty() {
    let first_bar =
        r#"Bar(label: {"en": "United States", "es": "Estados Unidos"}, value: 42970.0)"#;
    let bar_at = EMBEDDED_RON.find(first_bar).expect("chart C's first bar");
    let start = EMBEDDED_RON[..bar_at]
        .rfind("bars: [")
        .expect("chart C's bars");
    let end = bar_at + EMBEDDED_RON[bar_at..].find("],").expect("bars close") + 2;
    let text = edit(EMBEDDED_RON, &EMBEDDED_RON[start..end], "bars: [],");
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::EmptyChart("facts.charts[2]".into())
    );
    let bars = position_of(&text, "bars: [],");
    assert_eq!(
        problem.position,
        Some(Position {
            column: bars.column + "bars: ".len(),
            ..bars
        })
    );
    assert_eq!(
        problem.to_string(),
        format!(
            "{FILE}:{}:{}: error: chart `facts.charts[2]` has no bars",
            bars.line,
            bars.column + 6
        )
    );
}

#[test]
fn a_negative_bar_is_reported_at_its_value() {
    let text = edited(&[("value: 46390.0", "value: -46390.0")]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::NegativeValue {
            path: "facts.charts[0].bars[4].value".into(),
            value: -46_390.0,
        }
    );
    assert_eq!(problem.position, Some(position_of(&text, "-46390.0")));
    assert!(
        problem
            .to_string()
            .ends_with("`facts.charts[0].bars[4].value` is -46390; a bar cannot be negative"),
        "{problem}"
    );
}

/// RON 0.12 reads `inf`, `-inf` and `NaN` as `f64` values, so the loader must refuse them.
#[test]
fn non_finite_bars_are_reported_at_their_values() {
    let text = edited(&[
        ("value: 36488.0", "value: inf"),
        ("value: 10016.0", "value: -inf"),
        ("value: 2146.0", "value: NaN"),
        // A later problem, to show positions after `-inf` are still found.
        (
            r#"closing_label: {"en": "Apply by", "es": "Postúlese hasta"}"#,
            r#"closing_label: {"en": "Apply by"}"#,
        ),
    ]);
    let problems = problems(&text);
    let found: Vec<_> = problems.iter().map(|p| (&p.kind, p.position)).collect();
    let closing = position_of(&text, r"closing_label: {");
    assert_eq!(
        found,
        [
            (
                &ProblemKind::NonFiniteValue("facts.charts[0].bars[2].value".into()),
                Some(position_of(&text, "value: inf)")).map(|p| Position {
                    column: p.column + 7,
                    ..p
                }),
            ),
            (
                &ProblemKind::NonFiniteValue("facts.charts[1].bars[1].value".into()),
                Some(position_of(&text, "-inf")),
            ),
            (
                &ProblemKind::NonFiniteValue("facts.charts[2].bars[1].value".into()),
                Some(position_of(&text, "NaN")),
            ),
            (
                &ProblemKind::MissingTranslation {
                    path: "careers.closing_label".into(),
                    language: "es".into(),
                },
                Some(Position {
                    column: closing.column + "closing_label: ".len(),
                    ..closing
                }),
            ),
        ]
    );
}

#[test]
fn a_page_without_title_is_missing_its_title() {
    let text = edited(&[(
        r#"title: {"en": "Belize in figures", "es": "Belice en cifras"}"#,
        r#"title: {"en": "", "es": " "}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(problem.kind, ProblemKind::MissingTitle("facts".into()));
    let title = position_of(&text, r#"title: {"en": "", "es": " "}"#);
    assert_eq!(
        problem.position,
        Some(Position {
            column: title.column + "title: ".len(),
            ..title
        })
    );
}

#[test]
fn home_title_as_an_empty_plain_string_is_missing() {
    let title_at =
        EMBEDDED_RON.find("        title: {\n            \"en\": \"Welcome to IOM in Belize\"");
    let title_at = title_at.expect("the home title");
    let end = title_at + EMBEDDED_RON[title_at..].find("},").expect("closes") + 2;
    let text = edit(
        EMBEDDED_RON,
        &EMBEDDED_RON[title_at..end],
        r#"        title: "","#,
    );
    let problem = only_problem(&text);
    assert_eq!(problem.kind, ProblemKind::MissingTitle("home".into()));
    assert_eq!(
        problem.position.map(|p| p.line),
        Some(position_of(&text, r#"title: "","#).line)
    );
}

#[test]
fn an_undeclared_default_language_is_reported() {
    let text = edited(&[(r#"default_language: "en","#, r#"default_language: "fr","#)]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::UnknownDefaultLanguage("fr".into())
    );
    assert_eq!(problem.position, Some(position_of(&text, r#""fr""#)));
}

#[test]
fn idle_countdown_needs_its_placeholder() {
    let text = edited(&[("en {seconds} segundos", "en unos segundos")]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::MissingPlaceholder("labels.idle_countdown".into(), "es".into())
    );
    let countdown = position_of(&text, "idle_countdown: {");
    assert_eq!(
        problem.position,
        Some(Position {
            column: countdown.column + "idle_countdown: ".len(),
            ..countdown
        })
    );
    assert!(problem.to_string().contains("{seconds}"), "{problem}");
}

#[test]
fn languages_must_be_declared_once_and_named() {
    let none = edited(&[(
        EMBEDDED_RON
            .split_once("languages: [")
            .and_then(|(_, rest)| rest.split_once("\n    ],"))
            .map(|(list, _)| list)
            .expect("the language list"),
        "",
    )]);
    // Only the list itself is reported, not every text that then lacks a language.
    let kinds: Vec<_> = problems(&none).into_iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ProblemKind::NoLanguages]);

    let twice = edited(&[(r#"code: "es","#, r#"code: "en","#)]);
    let first = twice.find(r#"code: "en","#).expect("the first");
    let second = first
        + 1
        + twice[first + 1..]
            .find(r#"code: "en","#)
            .expect("the second");
    let duplicate = only(problems(&twice));
    assert_eq!(duplicate.kind, ProblemKind::DuplicateLanguage("en".into()));
    let at = position_at(&twice, second + "code: ".len());
    assert_eq!(duplicate.position, Some(at));
}

// ---------------------------------------------------------------------------------------
// Several problems at once
// ---------------------------------------------------------------------------------------

#[test]
fn every_problem_is_reported_sorted_by_position() {
    // Validation visits the facts page's charts before its header, so the order found
    // differs from the order in the file.
    let text = edited(&[
        (
            r#"acronym: {"en": "IOM", "es": "OIM"}"#,
            r#"acronym: {"en": "IOM"}"#,
        ),
        (
            r#""es": "Cifras clave sobre población y migración en Belice","#,
            "",
        ),
        ("value: 54615.0", "value: -54615.0"),
    ]);
    let error = parse(&text, FILE, &Source::embedded()).expect_err("three problems");
    let problems = error.problems();
    assert_eq!(problems.len(), 3, "{problems:#?}");

    let acronym = position_of(&text, "acronym: {");
    let acronym = Position {
        column: acronym.column + "acronym: ".len(),
        ..acronym
    };
    let summary = position_of(&text, "summary: {\n                \"en\": \"Key numbers");
    let summary = Position {
        column: summary.column + "summary: ".len(),
        ..summary
    };
    let negative = position_of(&text, "-54615.0");

    assert_eq!(
        problems[0].kind,
        ProblemKind::MissingTranslation {
            path: "identity.acronym".into(),
            language: "es".into()
        }
    );
    assert_eq!(problems[0].position, Some(acronym));
    assert_eq!(
        problems[1].kind,
        ProblemKind::MissingTranslation {
            path: "facts.header.summary".into(),
            language: "es".into()
        }
    );
    assert_eq!(problems[1].position, Some(summary));
    assert_eq!(
        problems[2].kind,
        ProblemKind::NegativeValue {
            path: "facts.charts[0].bars[5].value".into(),
            value: -54_615.0
        }
    );
    assert_eq!(problems[2].position, Some(negative));
    let positions: Vec<_> = problems.iter().map(|p| p.position).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);

    assert_eq!(
        error.to_string(),
        format!(
            "3 problems in content:\n  \
             {FILE}:{}:{}: error: `identity.acronym` has no text in `es`\n  \
             {FILE}:{}:{}: error: `facts.header.summary` has no text in `es`\n  \
             {FILE}:{}:{}: error: `facts.charts[0].bars[5].value` is -54615; a bar cannot be negative",
            acronym.line,
            acronym.column,
            summary.line,
            summary.column,
            negative.line,
            negative.column,
        )
    );
}

#[test]
fn one_problem_is_listed_in_the_singular() {
    let text = edited(&[("value: 46390.0", "value: -46390.0")]);
    let error = parse(&text, FILE, &Source::embedded()).expect_err("one problem");
    let at = position_of(&text, "-46390.0");
    assert_eq!(
        error.to_string(),
        format!(
            "1 problem in content:\n  {FILE}:{}:{}: error: `facts.charts[0].bars[4].value` is -46390; a bar cannot be negative",
            at.line, at.column
        )
    );
}

/// Every page's title, as the embedded file writes it.
const PAGE_TITLES: [(&str, &str); 5] = [
    (
        "about",
        r#"title: {"en": "Who we are", "es": "Quiénes somos"}"#,
    ),
    (
        "office",
        r#"title: {"en": "IOM in Belize", "es": "La OIM en Belice"}"#,
    ),
    (
        "facts",
        r#"title: {"en": "Belize in figures", "es": "Belice en cifras"}"#,
    ),
    (
        "careers",
        r#"title: {"en": "Work with us", "es": "Trabaje con nosotros"}"#,
    ),
    (
        "contact",
        r#"title: {"en": "Contact us", "es": "Contáctenos"}"#,
    ),
];

#[test]
fn every_section_page_needs_a_title() {
    for (page, title) in PAGE_TITLES {
        let text = edited(&[(title, r#"title: """#)]);
        let problem = only_problem(&text);
        assert_eq!(problem.kind, ProblemKind::MissingTitle(page.into()));
        let at = text.find(r#"title: """#).expect("the edit") + "title: ".len();
        assert_eq!(problem.position, Some(position_at(&text, at)), "{page}");
    }
}

#[test]
fn every_page_title_needs_every_language() {
    for (page, title) in PAGE_TITLES {
        let english_only = title
            .split(", \"es\"")
            .next()
            .expect("English first")
            .to_owned()
            + "}";
        let text = edited(&[(title, &english_only)]);
        let problem = only_problem(&text);
        assert_eq!(
            problem.kind,
            ProblemKind::MissingTranslation {
                path: format!("{page}.header.title"),
                language: "es".into(),
            }
        );
        let at = text.find(&english_only).expect("the edit") + "title: ".len();
        assert_eq!(problem.position, Some(position_at(&text, at)), "{page}");
    }
}
