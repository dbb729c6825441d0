//! Vacancies: a closing day that exists, written YYYY-MM-DD; a notice a phone opens; a
//! vacancy whose day has passed is a warning. The embedded content has none (its sources
//! list none), so each test writes its own.

use office_kiosk::content::{ProblemKind, Severity, Source, parse_with_warnings};

use crate::{EN, ES, edited, only_problem, position_of};

/// The embedded content with one vacancy closing on `closing`, with the notice `url`.
fn with_vacancy(closing: &str, url: &str) -> String {
    edited(&[(
        "        vacancies: [],",
        &format!(
            r#"        vacancies: [
            (
                title: {{"en": "Project Assistant", "es": "Asistente de proyecto"}},
                location: {{"en": "Belize City", "es": "Ciudad de Belice"}},
                closing: "{closing}",
                reference: Some("VN 2031/001"),
                url: Some("{url}"),
            ),
        ],"#
        ),
    )])
}

#[test]
fn a_vacancy_reads_with_its_day_and_notice() {
    let text = with_vacancy("2031-12-15", "https://www.iom.int/careers");
    let loaded = parse_with_warnings(&text, "x.ron", &Source::embedded().headers_only())
        .expect("a valid vacancy");
    let vacancy = &loaded.content.careers.vacancies[0];
    assert_eq!(vacancy.closing, jiff::civil::date(2031, 12, 15));
    assert_eq!(vacancy.url.as_deref(), Some("https://www.iom.int/careers"));
    assert_eq!(vacancy.title.get(ES), "Asistente de proyecto");
    assert_eq!(vacancy.location.get(EN), "Belize City");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
}

#[test]
fn a_day_that_does_not_exist_is_an_error_at_its_place() {
    for bad in [
        "2026-02-30",
        "15 December 2026",
        "2026-13-01",
        "",
        "2026/12/15",
    ] {
        let text = with_vacancy(bad, "https://www.iom.int/careers");
        let problem = only_problem(&text);
        assert!(
            matches!(&problem.kind, ProblemKind::NotADate { path, written } if path == "careers.vacancies[0].closing" && written == bad),
            "{bad:?}: {problem}"
        );
        assert_eq!(
            problem.position.map(|p| p.line),
            Some(position_of(&text, &format!("closing: \"{bad}\"")).line),
            "{bad:?}"
        );
        assert!(problem.to_string().contains("YYYY-MM-DD"), "{problem}");
    }
}

#[test]
fn a_notice_a_phone_cannot_open_is_an_error() {
    let problem = only_problem(&with_vacancy("2031-12-15", "javascript:alert(1)"));
    assert!(
        matches!(&problem.kind, ProblemKind::UnopenableLink { path, .. } if path == "careers.vacancies[0].url"),
        "{problem}"
    );
}

#[test]
fn a_vacancy_that_has_closed_is_a_warning_not_an_error() {
    // Long past on any clock this program trusts (none is before its build date).
    let text = with_vacancy("2020-01-31", "https://www.iom.int/careers");
    let loaded = parse_with_warnings(&text, "x.ron", &Source::embedded().headers_only())
        .expect("a closed vacancy is still valid content");
    let warning = loaded
        .warnings
        .iter()
        .find(|w| matches!(&w.kind, ProblemKind::VacancyClosed { path, closing } if path == "careers.vacancies[0].closing" && closing == "2020-01-31"))
        .unwrap_or_else(|| panic!("no closed-vacancy warning in {:#?}", loaded.warnings));
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.position.map(|p| p.line),
        Some(position_of(&text, "closing: \"2020-01-31\"").line)
    );
}

#[test]
fn a_closing_day_in_a_year_no_vacancy_closes_in_is_an_error() {
    for (closing, year) in [
        ("-009999-12-31", -9999),
        ("9999-12-31", 9999),
        ("1999-12-31", 1999),
    ] {
        let text = with_vacancy(closing, "https://www.iom.int/careers");
        let problem = only_problem(&text);
        assert_eq!(
            problem.kind,
            ProblemKind::DateOutOfRange {
                path: "careers.vacancies[0].closing".into(),
                year,
                earliest: 2000,
                latest: 2100,
            },
            "{closing}"
        );
        let at = position_of(&text, &format!("\"{closing}\""));
        assert_eq!(problem.position, Some(at), "{closing}");
    }
    let text = with_vacancy("2100-12-31", "https://www.iom.int/careers");
    assert!(parse_with_warnings(&text, "x.ron", &Source::embedded().headers_only()).is_ok());
}
