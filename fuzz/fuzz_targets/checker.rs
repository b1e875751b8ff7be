//! Fuzzes the checker: any text gives an assessment whose ranges lie on
//! character boundaries inside the text, whose governing criteria exist,
//! and the method's other rules, the `--explain` reading and the reader
//! of a user's rules file never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use servstd::core::check::{self, lexicon::Lexicon, rulebook::RuleFile};
use servstd::core::model::Language;

fuzz_target!(|text: &str| {
    let a = check::assess(text);
    for w in &a.vague_words {
        assert!(text.get(w.range.clone()).is_some());
        if let Some(i) = w.governed_by {
            assert!(i < a.elements.len());
        }
    }
    for e in &a.elements {
        assert!(text.get(e.range.clone()).is_some());
    }
    let lexicon = Lexicon::builtin();
    let _ = check::rules::split(lexicon, text);
    let _ = check::rules::internal_routine(lexicon, text);
    let _ = check::rules::rate(lexicon, text);
    for lang in Language::ALL {
        let _ = check::reading(text, lang);
    }
    // A user's words file is read from the disk: any text is an error or rules.
    if let Ok(rules) = RuleFile::parse("fuzz.ron", text) {
        let _ = Lexicon::from_rules("fuzz.ron", rules);
    }
});
