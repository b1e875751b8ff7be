//! Fuzzes the inspection record reader: any bytes give a record or an error,
//! never a panic; a record that loads saves to text that loads back equal;
//! the kind of file and the places of its IDs are found without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use servstd::core::inspection::Inspection;
use servstd::core::storage::{self, FileKind, locate::ValueIndex};

fuzz_target!(|data: &[u8]| {
    let _ = FileKind::by_content(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = ValueIndex::new(text, "standard");
    let _ = storage::has_comments(text);
    if let Ok(record) = storage::parse::<Inspection>(text) {
        let canonical = storage::to_canonical(&record);
        let back: Inspection = storage::parse(&canonical).expect("canonical text parses");
        assert_eq!(storage::to_canonical(&back), canonical);
        assert_eq!(
            FileKind::by_content(canonical.as_bytes()),
            Some(FileKind::Inspection)
        );
    }
});
