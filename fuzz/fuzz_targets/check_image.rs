//! Fuzzes the content loader's image path: header checks and limits, then a full decode,
//! as `check` does for every image. Any bytes give a size or a problem, never a panic,
//! and never more memory than the limits allow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use office_kiosk::content::limits::MAX_IMAGE_SIDE;
use office_kiosk::content::check_image;

fuzz_target!(|data: &[u8]| {
    if let Ok((width, height)) = check_image("fuzz.png", data) {
        assert!(width >= 1 && height >= 1);
        assert!(width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE);
    }
});
