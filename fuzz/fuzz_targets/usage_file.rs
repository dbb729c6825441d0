//! Fuzzes the usage file's reader: any text is usage figures or a reason, never a panic;
//! what it accepts writes back to a file that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use office_kiosk::stats;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        // `Usage::load` refuses a file that is not UTF-8 before parsing it.
        return;
    };
    if let Ok(usage) = stats::parse(text) {
        assert_eq!(stats::parse(&stats::to_ron(&usage)), Ok(usage));
    }
});
