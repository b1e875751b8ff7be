//! Fuzzes the actions file reader: any bytes give an actions file or an
//! error, never a panic; one that loads saves to text that loads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use servstd::core::inspection::actions::Actions;
use servstd::core::storage::{self, FileKind};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(actions) = storage::parse::<Actions>(text) {
        let canonical = storage::to_canonical(&actions);
        let back: Actions = storage::parse(&canonical).expect("canonical text parses");
        assert_eq!(storage::to_canonical(&back), canonical);
        assert_eq!(
            FileKind::by_content(canonical.as_bytes()),
            Some(FileKind::Actions)
        );
    }
});
