//! What the loader once took without a word: a language given twice, separators that make
//! numbers unreadable, too many decimals, impossible years, placeholders nobody fills in.

use office_kiosk::content::{
    EMBEDDED_RON, LIKELY_YEARS, MAX_DECIMALS, Position, ProblemKind, Severity, Source,
    parse_with_warnings,
};

use crate::{FILE, edited, only_problem, position_at, position_of, problems};

/// The problem's position moved right by `skip` characters from where `needle` starts.
fn after(text: &str, needle: &str, skip: usize) -> Position {
    let at = position_of(text, needle);
    Position {
        column: at.column + skip,
        ..at
    }
}

#[test]
fn a_language_given_twice_in_a_text_is_reported_at_the_second() {
    let text = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
        r#"acronym: {"en": "IOM", "es": "OIM", "en": "IOM!"}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::DuplicateTranslation {
            path: "identity.acronym".into(),
            language: "en".into(),
        }
    );
    // At the second text, as every problem with a translation is.
    assert_eq!(
        problem.position,
        Some(after(&text, r#""en": "IOM!""#, r#""en": "#.len()))
    );
    assert_eq!(
        problem.kind.to_string(),
        "`identity.acronym` has two texts in `en`; keep one and delete the other"
    );
}

#[test]
fn a_third_copy_is_reported_too_each_at_its_own_place() {
    let text = edited(&[(
        r#"source: {"en": "Source", "es": "Fuente"}"#,
        "source: {\"en\": \"Source\", \"es\": \"Fuente\",\n  \"es\": \"F2\", \"es\": \"F3\"}",
    )]);
    let positions: Vec<_> = problems(&text).iter().map(|p| p.position).collect();
    assert_eq!(
        positions,
        [
            Some(after(&text, r#""es": "F2""#, 6)),
            Some(after(&text, r#""es": "F3""#, 6))
        ]
    );
}

/// The embedded file with the Spanish separators replaced.
fn spanish_separators(decimal: &str, thousands: &str) -> String {
    edited(&[(
        "// Same separators as Belize's neighbours Mexico and Guatemala: 30,404.5\n            decimal_separator: Some(\".\"),\n            thousands_separator: Some(\",\"),",
        &format!(
            "// Changed.\n            decimal_separator: Some({decimal:?}),\n            thousands_separator: Some({thousands:?}),"
        ),
    )])
}

#[test]
fn separators_that_make_numbers_unreadable_are_errors() {
    for (decimal, thousands, field, reason) in [
        (".", "5", "thousands_separator", "cannot be a digit"),
        ("٣", " ", "decimal_separator", "cannot be a digit"),
        (".", "", "thousands_separator", "is one character"),
        ("", ",", "decimal_separator", "is one character"),
        (".", " .", "thousands_separator", "is one character"),
        (",", ",", "thousands_separator", "must differ"),
    ] {
        let text = spanish_separators(decimal, thousands);
        let problem = only_problem(&text);
        let ProblemKind::BadSeparator {
            path, separator, ..
        } = &problem.kind
        else {
            panic!("{decimal:?}/{thousands:?}: {problem:?}");
        };
        assert_eq!(path, &format!("languages[1].{field}"));
        let written = if field == "decimal_separator" {
            decimal
        } else {
            thousands
        };
        assert_eq!(separator, written);
        assert!(problem.to_string().contains(reason), "{problem}");
        let changed = text.find("// Changed.").expect("the edit");
        let value = format!("{field}: Some(");
        let at = changed + text[changed..].find(&value).expect("the field") + value.len();
        assert_eq!(problem.position, Some(position_at(&text, at)), "{problem}");
    }
    // A space or a non-breaking space as thousands separator and a comma as decimal
    // separator are how much of the world writes numbers.
    for (decimal, thousands) in [(",", " "), (",", "\u{a0}"), (",", ".")] {
        let text = spanish_separators(decimal, thousands);
        let loaded = parse_with_warnings(&text, FILE, &Source::embedded().headers_only());
        assert!(loaded.is_ok(), "{decimal:?}/{thousands:?}: {loaded:?}");
    }
}

#[test]
fn more_decimals_than_charts_show_is_an_error() {
    let text = edited(&[("decimals: 1,", "decimals: 9,")]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::TooManyDecimals {
            path: "facts.charts[3].decimals".into(),
            decimals: 9,
            max: MAX_DECIMALS,
        }
    );
    assert_eq!(problem.position, Some(after(&text, "decimals: 9", 10)));
    // Six is still fine, and shown as written.
    let six = edited(&[("decimals: 1,", "decimals: 6,")]);
    let loaded = parse_with_warnings(&six, FILE, &Source::embedded().headers_only())
        .expect("six decimals are fine");
    assert_eq!(loaded.content.facts.charts[3].decimals, 6);
}

/// The embedded file with the third fact's year replaced.
fn fact_year(year: &str) -> String {
    edited(&[(
        "year: 2021,\n                source: {\n                    \"en\": \"IOM Belize office page (World Bank data)\"",
        &format!(
            "year: {year},\n                source: {{\n                    \"en\": \"IOM Belize office page (World Bank data)\""
        ),
    )])
}

#[test]
fn a_year_of_zero_or_below_is_an_error() {
    for year in ["0", "-2021"] {
        let text = fact_year(year);
        let problem = only_problem(&text);
        assert_eq!(
            problem.kind,
            ProblemKind::BadYear {
                path: "facts.facts[2].year".into(),
                year: year.parse().expect("a number"),
            }
        );
        assert_eq!(
            problem.position,
            Some(after(&text, &format!("year: {year},\n"), "year: ".len())),
            "{problem}"
        );
    }
}

#[test]
fn a_year_far_from_today_is_a_warning() {
    for year in [21, 20211] {
        let text = fact_year(&year.to_string());
        let loaded = parse_with_warnings(&text, FILE, &Source::embedded().headers_only())
            .expect("a warning only");
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        let warning = &loaded.warnings[0];
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!(
            warning.kind,
            ProblemKind::UnlikelyYear {
                path: "facts.facts[2].year".into(),
                year,
                earliest: *LIKELY_YEARS.start(),
                latest: *LIKELY_YEARS.end(),
            }
        );
        assert_eq!(
            warning.position,
            Some(after(&text, &format!("year: {year},\n"), "year: ".len()))
        );
    }
}

#[test]
fn a_placeholder_the_kiosk_does_not_fill_in_is_an_error() {
    let text = edited(&[(
        r#"hint: {"en": "Touch a topic to begin""#,
        r#"hint: {"en": "Touch a {topic} to begin, {name}""#,
    )]);
    let found = problems(&text);
    let kinds: Vec<_> = found.iter().map(|p| &p.kind).collect();
    let unknown = |placeholder: &str| ProblemKind::UnknownPlaceholder {
        path: "home.hint".into(),
        language: "en".into(),
        placeholder: placeholder.into(),
    };
    assert_eq!(kinds, [&unknown("{topic}"), &unknown("{name}")]);
    let at = after(&text, r#"hint: {"en": "#, r#"hint: {"en": "#.len());
    assert!(found.iter().all(|p| p.position == Some(at)), "{found:#?}");
    assert!(
        found[0].to_string().contains("`{topic}`") && found[0].to_string().contains("{seconds}"),
        "{}",
        found[0]
    );
}

#[test]
fn a_translated_placeholder_is_both_unknown_and_missing() {
    let text = edited(&[("en {seconds} segundos", "en {segundos} segundos")]);
    let kinds: Vec<_> = problems(&text).into_iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::MissingPlaceholder("labels.idle_countdown".into(), "es".into()),
            ProblemKind::UnknownPlaceholder {
                path: "labels.idle_countdown".into(),
                language: "es".into(),
                placeholder: "{segundos}".into(),
            },
        ]
    );
    // `{seconds}` belongs to the countdown only: anywhere else it would show as written.
    let elsewhere = edited(&[(
        r#"idle_title: {"en": "Are you still there?""#,
        r#"idle_title: {"en": "Still there? {seconds}""#,
    )]);
    let problem = only_problem(&elsewhere);
    assert!(
        matches!(&problem.kind, ProblemKind::UnknownPlaceholder { path, placeholder, .. }
            if path == "labels.idle_title" && placeholder == "{seconds}"),
        "{problem:?}"
    );
}

#[test]
fn braces_that_are_not_a_placeholder_are_text() {
    let text = edited(&[(
        r#"hint: {"en": "Touch a topic to begin""#,
        r#"hint: {"en": "Touch a topic {} { to } begin {2}""#,
    )]);
    let loaded = parse_with_warnings(&text, FILE, &Source::embedded().headers_only());
    assert!(loaded.is_ok(), "{loaded:?}");
}

#[test]
fn a_language_code_declared_twice_in_another_case_is_a_duplicate() {
    let text = edited(&[(r#"code: "es","#, r#"code: "EN","#)]);
    let problem = only_problem(&text);
    assert_eq!(problem.kind, ProblemKind::DuplicateLanguage("EN".into()));
    let at = text.find(r#"code: "EN","#).expect("edited") + "code: ".len();
    assert_eq!(problem.position, Some(position_at(&text, at)));
    assert!(EMBEDDED_RON.contains(r#"code: "es","#));
}
