//! Fuzzes the PIN file parser: any line is a PIN hash or nothing, never a panic; what it
//! accepts writes back to a line that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use office_kiosk::pin::PinHash;

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        // `PinHash::load` refuses a file that is not UTF-8 before parsing it.
        return;
    };
    if let Some(hash) = PinHash::from_line(line) {
        assert_eq!(PinHash::from_line(&hash.to_line()), Some(hash));
    }
});
