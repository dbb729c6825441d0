//! `check` refuses what the kiosk cannot draw: each character its fonts lack, at its own
//! line and column; each text written right to left; a language switch wider than the
//! narrowest screen. The kiosk's own loader takes them (a box for a character is better
//! than a reception screen left black), so these are `check`'s, run on a folder.

use office_kiosk::check::inspect;
use office_kiosk::content::{EMBEDDED_RON, Problem, ProblemKind, Severity};

use crate::{Folder, edited, position_of};

/// `check`'s errors for the embedded content edited by `edits`.
fn errors(edits: &[(&str, &str)]) -> (String, Vec<Problem>) {
    let text = edited(edits);
    let folder = Folder::new(&text);
    let report = inspect(&folder.file());
    let errors = report
        .problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    (text, errors)
}

/// The Careers title in English written `title`.
fn careers_title(title: &str) -> [(&'static str, String); 1] {
    [(
        r#"title: {"en": "Work with us""#,
        format!(r#"title: {{"en": "{title}""#),
    )]
}

fn titled(title: &str) -> (String, Vec<Problem>) {
    let [(from, to)] = careers_title(title);
    errors(&[(from, &to)])
}

#[test]
fn the_embedded_content_draws() {
    let folder = Folder::new(EMBEDDED_RON);
    let report = inspect(&folder.file());
    assert!(report.is_valid(), "{:#?}", report.problems);
}

#[test]
fn each_character_the_fonts_lack_is_named_at_its_place() {
    // Chinese, Devanagari and an emoji; Latin, Greek and Cyrillic draw.
    for (word, missing) in [("中文", '中'), ("हिन्दी", 'ह'), ("Hi 👋", '👋')] {
        let (text, found) = titled(&format!("Work with us {word}"));
        let first = found.first().unwrap_or_else(|| panic!("{word}: no error"));
        assert_eq!(
            first.kind,
            ProblemKind::MissingGlyph { character: missing },
            "{word}"
        );
        let at = position_of(&text, &missing.to_string());
        assert_eq!(first.position, Some(at), "{word}");
        assert!(first.to_string().contains("cannot be drawn"), "{first}");
        assert!(
            found
                .iter()
                .all(|p| matches!(p.kind, ProblemKind::MissingGlyph { .. })),
            "{found:#?}"
        );
    }
    // Written as an escape, it is found at the escape.
    let (text, found) = titled(r"Work \u{4E2D} with us");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].position, Some(position_of(&text, r"\u{4E2D}")));
    let (_, found) = titled("Trabajo, Εργασία, Работа");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn right_to_left_text_is_refused_once_a_text() {
    for (word, script) in [("עבודה איתנו", "Hebrew"), ("اعمل معنا", "Arabic")] {
        let (text, found) = titled(&format!("Work with us: {word}"));
        assert_eq!(found.len(), 1, "{word}: {found:#?}");
        assert_eq!(found[0].kind, ProblemKind::RightToLeft { script });
        assert_eq!(found[0].position, Some(position_of(&text, word)));
    }
}

#[test]
fn a_language_switch_wider_than_the_narrowest_screen_is_refused() {
    // Languages by long names: the switch, with the reading settings' button, is wider
    // than the top bar of a 1024x768 screen.
    let long = "English, as written and spoken at the International Organization for Migration";
    let (text, found) = errors(&[(r#"name: "English","#, &format!("name: {long:?},"))]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        matches!(found[0].kind, ProblemKind::LanguageSwitchTooWide { .. }),
        "{found:#?}"
    );
    let list = position_of(&text, "languages: [");
    assert_eq!(
        found[0].position,
        Some(office_kiosk::content::Position {
            column: list.column + "languages: ".len(),
            ..list
        })
    );
    assert!(found[0].to_string().contains("1024x768"), "{}", found[0]);
}
