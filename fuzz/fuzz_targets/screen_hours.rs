//! Fuzzes the screen-hours file's reader (`screen-hours` in the state folder, written by the
//! admin screen): any bytes are hours, "always", or a reason, never a panic; what it accepts
//! writes back to a file that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use office_kiosk::maintenance::saved::{hours_text, parse_hours};

fuzz_target!(|data: &[u8]| {
    if let Ok(hours) = parse_hours(data) {
        assert_eq!(parse_hours(hours_text(hours).as_bytes()), Ok(hours));
    }
});
