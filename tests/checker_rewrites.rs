//! The checker's rewrites (`assets/checker-rewrites.ron`, issue 27) over
//! the corpus: every vague standard of the development corpus gets a
//! rewrite which, with its slots filled by their defaults, the checker
//! judges measurable, which keeps the standard's language and script, and
//! which is at most twice as long. `SERVSTD_REWRITES_OUT=FILE` writes every
//! rewrite to FILE (standard, rewrite) for reading.

use std::fmt::Write as _;

use servstd::core::check::lexicon::Lexicon;
use servstd::core::check::rewrite::Rewrites;
use servstd::core::check::{assess, rewrite};
use servstd::core::i18n::script::{SIMPLIFIED_ONLY, TRADITIONAL_ONLY};
use servstd::core::model::Language;

/// The development corpus: (language, text) of every row.
fn corpus() -> Vec<(Language, &'static str)> {
    let mut out = Vec::new();
    for (file, lang_col, text_col) in [
        (include_str!("data/checker-corpus.tsv"), 0, 4),
        (include_str!("data/checker-holdout.tsv"), 0, 4),
        (include_str!("data/labelled-standards.tsv"), 1, 2),
    ] {
        for line in file
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let lang = Language::from_tag(cols[lang_col]).expect("a language");
            out.push((lang, cols[text_col]));
        }
    }
    out
}

#[test]
fn the_files_test_pairs_all_hold() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/checker-rewrites.ron");
    let text = std::fs::read_to_string(path).expect("the rewrites file");
    let rewrites = Rewrites::parse_untested(path, &text).unwrap_or_else(|e| panic!("{e}"));
    let failing = rewrites.failing_pairs(Lexicon::builtin());
    assert!(failing.is_empty(), "{}", failing.join("\n"));
}

#[test]
fn every_vague_standard_of_the_corpus_gets_a_measurable_rewrite() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/checker-rewrites.ron");
    let text = std::fs::read_to_string(path).expect("the rewrites file");
    let rewrites = Rewrites::parse_untested(path, &text).unwrap_or_else(|e| panic!("{e}"));
    let lexicon = Lexicon::builtin();
    let mut failures = Vec::new();
    let mut listed = String::new();
    let mut vague = 0;
    for (lang, standard) in corpus() {
        if assess(standard).is_measurable() {
            continue;
        }
        vague += 1;
        let Some(s) = rewrites.suggest_with(lexicon, standard, lang, None) else {
            failures.push(format!("no rewrite: {standard}"));
            continue;
        };
        let _ = writeln!(listed, "{}\t{standard}\t{}", lang.tag(), s.marked);
        let other = match lang {
            Language::ZhCn => TRADITIONAL_ONLY,
            Language::ZhTw => SIMPLIFIED_ONLY,
            Language::En => "",
        };
        let foreign = s
            .filled
            .chars()
            .any(|c| other.contains(c) && !standard.contains(c));
        let too_long = s.filled.chars().count() > 2 * standard.chars().count();
        let still_vague = !assess(&s.filled).is_measurable();
        let english_has_han = lang == Language::En && s.filled.chars().any(|c| c > '\u{2E80}');
        if still_vague
            || foreign
            || too_long
            || english_has_han
            || s.slots.is_empty() && s.filled.is_empty()
        {
            let why = [
                (still_vague, "still vague"),
                (foreign, "other script"),
                (too_long, "over twice as long"),
                (english_has_han, "Chinese in English"),
            ]
            .iter()
            .filter(|(b, _)| *b)
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(", ");
            failures.push(format!("{why}: {standard} → {}", s.marked));
        }
    }
    if let Ok(out) = std::env::var("SERVSTD_REWRITES_OUT") {
        std::fs::write(out, listed).expect("write the list");
    }
    eprintln!("{vague} vague standards, {} failures", failures.len());
    assert!(vague > 300, "{vague}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_shipped_rewrite_is_the_files() {
    let s = rewrite::suggest("Reply promptly", Language::En, None).expect("a rewrite");
    assert_eq!(s.marked, "Reply within [1] working day");
}
