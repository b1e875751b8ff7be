//! Fuzzes the survey reader: any text gives scores or a line error, never
//! a panic, and every score read is a share from 0 to 1.
#![no_main]

use libfuzzer_sys::fuzz_target;
use servstd::core::inspection::survey;
use servstd::core::storage::FileKind;

fuzz_target!(|data: &[u8]| {
    let _ = FileKind::by_content(data);
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(scores) = survey::parse(text) {
        for share in scores.values() {
            assert!((0.0..=1.0).contains(share), "{share}");
        }
    }
});
