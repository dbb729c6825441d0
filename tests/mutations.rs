//! Property test: whatever an author's editor or a bad copy does to a content file, the
//! loader never panics, and either returns content or errors that each say where they are.

use office_kiosk::content::{EMBEDDED_RON, LoadError, Severity, Source, parse};
use proptest::prelude::*;

/// A change to the content file.
#[derive(Debug, Clone)]
enum Mutation {
    /// XOR one byte (may make the text invalid UTF-8: then it is read lossily).
    FlipByte { at: usize, mask: u8 },
    /// Cut the file short.
    Truncate { at: usize },
    /// Delete a run of bytes.
    Delete { at: usize, len: usize },
    /// Swap two lines (fields out of order, or in the wrong struct).
    SwapLines { a: usize, b: usize },
    /// Repeat a line (a duplicated field).
    DuplicateLine { at: usize },
    /// Insert one character from RON's punctuation and a few others.
    Insert { at: usize, byte: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let len = EMBEDDED_RON.len();
    let lines = EMBEDDED_RON.lines().count();
    prop_oneof![
        (0..len, 1..=255u8).prop_map(|(at, mask)| Mutation::FlipByte { at, mask }),
        (0..len).prop_map(|at| Mutation::Truncate { at }),
        (0..len, 1..200usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (0..lines, 0..lines).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        (0..lines).prop_map(|at| Mutation::DuplicateLine { at }),
        (
            0..len,
            prop::sample::select(b"(){}[]:,\"'#/\\-.0aZ \n".to_vec())
        )
            .prop_map(|(at, byte)| Mutation::Insert { at, byte }),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        match *m {
            Mutation::FlipByte { at, mask } => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= mask;
                }
            }
            Mutation::Truncate { at } => bytes.truncate(at),
            Mutation::Delete { at, len } => {
                let at = at.min(bytes.len());
                let end = (at + len).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::SwapLines { a, b } => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                if a < lines.len() && b < lines.len() {
                    lines.swap(a, b);
                }
                bytes = lines.join("\n").into_bytes();
            }
            Mutation::DuplicateLine { at } => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                if let Some(line) = lines.get(at).copied() {
                    lines.insert(at, line);
                }
                bytes = lines.join("\n").into_bytes();
            }
            Mutation::Insert { at, byte } => bytes.insert(at.min(bytes.len()), byte),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_content_gives_content_or_positioned_errors(
        mutations in prop::collection::vec(mutation(), 1..4)
    ) {
        let text = apply(EMBEDDED_RON, &mutations);
        let source = Source::embedded().headers_only();
        match parse(&text, "mutated.ron", &source) {
            Ok(content) => prop_assert!(!content.languages.is_empty()),
            Err(LoadError::Invalid(problems)) => {
                prop_assert!(problems.iter().any(|p| p.severity == Severity::Error));
                // Lines as an editor counts them: a CR alone (a flipped LF) ends one too.
                let lines = text.replace("\r\n", "\n").replace('\r', "\n").lines().count();
                for problem in &problems {
                    prop_assert!(problem.position.is_some(), "no position: {}", problem);
                    let line = problem.position.map_or(0, |p| p.line);
                    prop_assert!(line >= 1 && line <= lines + 1, "{}", problem);
                }
            }
            Err(other) => prop_assert!(false, "unexpected error: {}", other),
        }
    }
}

/// Found by the fuzzer: a raw identifier (`r#name`, valid RON) once made the position
/// finder read the rest of the file as one string, so later problems had no position.
#[test]
fn problems_after_a_raw_identifier_keep_their_positions() {
    let text = EMBEDDED_RON
        .replacen("decimal_separator:", "r#decimal_separator:", 1)
        .replacen(r#""es": "Inicio""#, r#""esz": "Inicio""#, 1);
    let Err(LoadError::Invalid(problems)) = parse(&text, "raw.ron", &Source::embedded()) else {
        panic!("the edits make the content invalid");
    };
    let line = text
        .lines()
        .position(|l| l.contains("esz"))
        .map(|i| i + 1)
        .expect("the edited line");
    assert!(
        problems.iter().all(|p| p.position.is_some()),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.position.map(|pos| pos.line) == Some(line)),
        "{problems:#?}"
    );
}
