//! Fuzzes the content loader: any bytes give content or errors that each say where they
//! are, inside the text; never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use office_kiosk::content::{LoadError, Source, parse_with_warnings};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Lines as the loader counts them: a CR alone ends a line too.
    let lines = text.replace("\r\n", "\n").replace('\r', "\n").lines().count().max(1);
    let problems = match parse_with_warnings(&text, "fuzz.ron", &Source::embedded().headers_only()) {
        Ok(loaded) => {
            assert!(!loaded.content.languages.is_empty());
            loaded.warnings
        }
        Err(LoadError::Unreadable { .. }) => unreachable!("parsing reads no file"),
        Err(LoadError::Invalid(problems)) => {
            assert!(!problems.is_empty());
            problems
        }
    };
    for problem in &problems {
        let position = problem.position.expect("every problem has a position");
        assert!(position.line >= 1 && position.line <= lines + 1, "{problem}");
        assert!(position.column >= 1, "{problem}");
        let _ = problem.to_string();
    }
});
