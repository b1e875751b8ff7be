//! Fuzzes the measurability checker: any text gives an answer whose ranges
//! lie on character boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let a = servstd::core::check::assess(text);
    for w in &a.vague_words {
        assert!(text.get(w.range.clone()).is_some());
    }
    for e in &a.elements {
        assert!(text.get(e.range.clone()).is_some());
    }
});
