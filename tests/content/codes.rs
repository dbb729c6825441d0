//! QR codes in the content: links a phone opens, codes built from details the page has,
//! payloads short enough to scan, and the older `qr` field still read with a warning.

use office_kiosk::content::{CodeKind, ProblemKind, Severity, Source, parse_with_warnings};

use crate::{EN, edited, only_problem, position_of, problems};

const FACEBOOK: &str = r#"kind: Link("https://www.facebook.com/iom.belize/"),"#;

#[test]
fn a_link_a_phone_cannot_open_is_an_error_at_its_place() {
    for bad in [
        "javascript:alert(1)",
        "",
        "www.example.org",
        "ftp://example.org/x",
        // A character of three bytes where the scheme's colon is expected (found by the
        // fuzzer: it panicked, cutting the text inside the character).
        "https€//www.iom.int",
        "tel€123",
    ] {
        let text = edited(&[(FACEBOOK, &format!("kind: Link({bad:?}),"))]);
        let problem = only_problem(&text);
        assert!(
            matches!(&problem.kind, ProblemKind::UnopenableLink { path, .. } if path == "contact.codes[2].kind"),
            "{bad:?}: {problem}"
        );
        assert_eq!(
            problem.position.map(|p| p.line),
            Some(position_of(&text, &format!("kind: Link({bad:?})")).line)
        );
    }
}

#[test]
fn a_link_longer_than_a_readable_code_is_an_error() {
    let long = format!("https://www.iom.int/{}", "a".repeat(400));
    let text = edited(&[(FACEBOOK, &format!("kind: Link({long:?}),"))]);
    let problem = only_problem(&text);
    assert!(
        matches!(problem.kind, ProblemKind::CodeTooLong { bytes, max, .. } if bytes == long.len() && max == 321),
        "{problem}"
    );
}

#[test]
fn a_contact_card_too_long_to_scan_is_an_error() {
    // Many phone lines make the contact card longer than a code a phone reads.
    let phones = (0..30)
        .map(|i| format!("\"+501 223 95{i:02}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let text = edited(&[(
        r#"lines: ["+501 223 9500", "+501 822 2023"],"#,
        &format!("lines: [{phones}],"),
    )]);
    let found = problems(&text);
    assert!(
        found.iter().any(|p| matches!(&p.kind, ProblemKind::CodeTooLong { path, .. } if path == "contact.codes[0]")),
        "{found:#?}"
    );
}

#[test]
fn an_email_code_needs_an_email_address() {
    let text = edited(&[(
        r#"kind: Email,
                label: {"en": "Email", "es": "Correo electrónico"},"#,
        r#"kind: Web,
                label: {"en": "Email", "es": "Correo electrónico"},"#,
    )]);
    let problem = only_problem(&text);
    assert!(
        matches!(&problem.kind, ProblemKind::CodeWithoutDetail { path, .. } if path == "contact.codes[1]"),
        "{problem}"
    );
}

#[test]
fn the_older_qr_field_still_works_with_a_warning() {
    let text = edited(&[(
        "        codes: [",
        r#"        qr: Some(Qr(url: "https://www.iom.int", caption: "IOM")),
        codes: ["#,
    )]);
    let loaded = parse_with_warnings(&text, "x.ron", &Source::embedded().headers_only())
        .expect("still valid");
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.severity == Severity::Warning && matches!(w.kind, ProblemKind::OlderQr)),
        "{:#?}",
        loaded.warnings
    );
    let last = loaded.content.contact.codes.last().expect("a code");
    assert_eq!(last.kind, CodeKind::Link("https://www.iom.int".into()));
    assert_eq!(last.caption.get(EN), "IOM");
}
