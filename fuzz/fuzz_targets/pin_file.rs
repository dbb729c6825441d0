//! Fuzzes the PIN file parser: any line is a PIN hash or a reason, never a panic; what it
//! accepts is within the file's bounds (so checking a PIN on the pad takes bounded time) and
//! writes back to a line that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use office_kiosk::pin::{MAX_FILE_ITERATIONS, MIN_FILE_ITERATIONS, PinHash};

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        // `PinHash::load` refuses a file that is not UTF-8 before parsing it.
        return;
    };
    if let Ok(hash) = PinHash::parse_line(line) {
        let written = hash.to_line();
        let iterations: u32 = written
            .split('$')
            .nth(1)
            .and_then(|n| n.parse().ok())
            .expect("the iterations field");
        assert!((MIN_FILE_ITERATIONS..=MAX_FILE_ITERATIONS).contains(&iterations));
        assert_eq!(PinHash::parse_line(&written), Ok(hash));
    }
});
