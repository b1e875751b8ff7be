//! Fuzzes the standards loader: any bytes give a document or an error, never a
//! panic, and a document that loads saves to text that loads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use servstd::core::model::StandardsSet;
use servstd::core::storage;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(set) = storage::parse::<StandardsSet>(text) {
        let canonical = storage::to_canonical(&set);
        let back: StandardsSet = storage::parse(&canonical).expect("canonical text parses");
        assert_eq!(storage::to_canonical(&back), canonical);
        let _ = servstd::core::check::validate(&set, jiff::civil::date(2026, 1, 1));
    }
});
