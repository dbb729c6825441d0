//! Fuzzes the content loader: any bytes give content or positioned errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use office_kiosk::content::{LoadError, Source, parse};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match parse(&text, "fuzz.ron", &Source::embedded().headers_only()) {
        Ok(_) | Err(LoadError::Unreadable { .. }) => {}
        Err(LoadError::Invalid(problems)) => {
            assert!(!problems.is_empty());
            assert!(problems.iter().all(|p| p.position.is_some()));
        }
    }
});
