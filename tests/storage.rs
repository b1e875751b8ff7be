//! Storage properties: any document saves and loads back equal, saving is
//! deterministic, and a save killed at any moment leaves the old or the new file.

use std::fmt::Write as _;
use std::fs;
use std::process::Command;
use std::time::Instant;

use jiff::civil::Date;
use proptest::prelude::*;
use servstd::core::model::{
    ContactPoint, Dimension, Factor, Language, Monitoring, Standard, StandardKind, StandardsSet,
    Step, Target,
};
use servstd::core::storage;

/// Text with what makes escaping hard: quotes, backslashes, newlines, tabs,
/// `#`, raw-string markers, Chinese in both scripts, emoji and combining marks.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("\t".to_owned()),
            Just("r#\"".to_owned()),
            Just("顾客".to_owned()),
            Just("顧客".to_owned()),
            Just("“欢迎光临”".to_owned()),
            Just("😀".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("\u{feff}".to_owned()),
            "[a-zA-Z0-9 ,.()]{0,8}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

fn date() -> impl Strategy<Value = Option<Date>> {
    proptest::option::of(
        (2000i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| jiff::civil::date(y, m, d)),
    )
}

fn standard() -> impl Strategy<Value = Standard> {
    (
        (
            "[A-Z]{1,2}-[0-9]{1,4}",
            text(),
            0usize..3,
            proptest::option::of((-1e9f64..1e9, text())),
        ),
        (
            proptest::sample::subsequence(Monitoring::ALL.to_vec(), 0..=4),
            text(),
            any::<bool>(),
            proptest::sample::subsequence(Dimension::ALL.to_vec(), 0..=3),
            proptest::option::of(text()),
            date(),
        ),
    )
        .prop_map(
            |(
                (id, text, kind, target),
                (monitoring, owner_role, critical, dimensions, rationale, review),
            )| Standard {
                id,
                text,
                kind: StandardKind::ALL[kind],
                target: target.map(|(value, unit)| Target { value, unit }),
                monitoring,
                owner_role,
                critical,
                dimensions,
                accepted: rationale.clone().filter(|r| r.len() % 2 == 0),
                rationale,
                review,
            },
        )
}

fn set() -> impl Strategy<Value = StandardsSet> {
    let factor = (
        text(),
        text(),
        any::<u8>(),
        proptest::option::of(any::<u8>()),
        proptest::collection::vec(standard(), 0..3),
    )
        .prop_map(|(name, why, importance, satisfaction, standards)| Factor {
            id: "KF-1".into(),
            name,
            why,
            importance,
            satisfaction,
            standards,
        });
    let step = (text(), proptest::collection::vec(factor, 0..3)).prop_map(|(name, factors)| {
        let mut s = Step::new("ST-1", name);
        s.factors = factors;
        s
    });
    let cp = (text(), text(), proptest::collection::vec(step, 0..3)).prop_map(
        |(name, description, steps)| {
            let mut c = ContactPoint::new("CP-1", name);
            c.description = description;
            c.steps = steps;
            c
        },
    );
    (
        (text(), text(), 0usize..3, text(), text(), text()),
        (date(), date(), text(), proptest::collection::vec(cp, 0..3)),
        proptest::collection::vec((text(), text(), text()), 0..3),
    )
        .prop_map(
            |(
                (title, organisation, lang, revision, owner, approved_by),
                (effective, next_review, journey, contact_points),
                history,
            )| {
                StandardsSet {
                    // The set's own words, drawn from the other fields.
                    words: servstd::core::model::SetWords {
                        defines: (owner.len() % 2 == 1)
                            .then(|| servstd::core::model::Definition {
                                term: title.clone(),
                                meaning: owner.clone(),
                            })
                            .into_iter()
                            .collect(),
                        vague: (journey.len() % 2 == 1)
                            .then(|| journey.clone())
                            .into_iter()
                            .collect(),
                        fine: (approved_by.len() % 2 == 1)
                            .then(|| approved_by.clone())
                            .into_iter()
                            .collect(),
                    },
                    format: 1,
                    title,
                    organisation,
                    logo: (revision.len() % 2 == 1).then(|| format!("{owner}.png")),
                    language: Language::ALL[lang],
                    revision,
                    owner,
                    approved_by,
                    effective,
                    next_review,
                    journey,
                    contact_points,
                    history: history
                        .into_iter()
                        .map(
                            |(revision, approved_by, summary)| servstd::core::model::Revision {
                                revision,
                                date: jiff::civil::date(2026, 12, 1),
                                approved_by,
                                summary,
                                content: "0123456789abcdef".into(),
                                despite: None,
                            },
                        )
                        .collect(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_document_loads_back_equal_and_saves_the_same_bytes(set in set()) {
        let text = storage::to_canonical(&set);
        let back: StandardsSet = storage::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &set);
        prop_assert_eq!(storage::to_canonical(&back), text.clone());
        // One field per line: nothing but the document's own newlines.
        prop_assert!(text.lines().all(|l| l.len() < 10_000));
    }

    /// A file formatted by hand (comments, blank lines, indentation of its
    /// own) loads as the canonical one does: the compacted text a load
    /// parses first keeps every token.
    #[test]
    fn a_hand_formatted_document_loads_as_the_canonical_one(
        set in set(),
        gaps in proptest::collection::vec(
            prop_oneof![
                Just("\n"),
                Just("\t\t"),
                Just(" // a comment with \"quotes\" and r#\"\n"),
                Just(" /* a /* nested */ comment */ "),
                Just("\r\n   "),
            ],
            1..40,
        ),
    ) {
        let canonical = storage::to_canonical(&set);
        // Each line's indentation is replaced by a gap of its own.
        let mut gaps = gaps.iter().cycle();
        let mut hand = String::new();
        for line in canonical.lines() {
            let _ = writeln!(hand, "{}{}", gaps.next().unwrap(), line.trim_start());
        }
        prop_assert!(storage::compact(&hand).is_some(), "not compacted:\n{}", hand);
        let back: StandardsSet = storage::parse(&hand).map_err(|e| TestCaseError::fail(format!("{e}\n{hand}")))?;
        prop_assert_eq!(&back, &set);
    }

    #[test]
    fn parse_never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = storage::parse::<StandardsSet>(&text);
    }
}

#[test]
fn chinese_is_written_as_characters() {
    let set = servstd::core::templates::default_sample();
    let text = storage::to_canonical(&set);
    assert!(text.contains("电话铃响三声内接听"));
    assert!(!text.contains("\\u"));
}

/// Kills `servstd fmt` at many moments while it rewrites a large file, and
/// checks that the file is always either the old bytes or the new ones.
#[test]
fn a_killed_save_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.standards.ron");
    let set = servstd::core::synth::generated_set(3000);
    let new = storage::to_canonical(&set);
    let old = new.replace("    ", "  ");
    assert_ne!(old, new);
    let bin = assert_cmd::cargo::cargo_bin("servstd");

    // How long one full run takes, to spread the kills across it.
    fs::write(&path, &old).unwrap();
    let started = Instant::now();
    assert!(
        Command::new(&bin)
            .arg("fmt")
            .arg(&path)
            .status()
            .unwrap()
            .success()
    );
    let full = started.elapsed();
    assert_eq!(fs::read_to_string(&path).unwrap(), new);

    let mut seen_old = 0;
    let mut seen_new = 0;
    // Kills that landed while the temporary file existed: mid-write.
    let mut mid_write = 0;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    // At least 60 kills; more (up to 400) until three have landed mid-write,
    // which is a short window at the end of the run.
    for round in 0..400 {
        if round >= 60 && mid_write >= 3 {
            break;
        }
        fs::write(&path, &old).unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Spread over the run, weighted towards its end where the write is.
        let delay = full.mul_f64(0.3 + (seed % 1000) as f64 / 1000.0 * 0.9);
        let mut child = Command::new(&bin).arg("fmt").arg(&path).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = fs::read_to_string(&path).unwrap();
        if now == old {
            seen_old += 1;
        } else if now == new {
            seen_new += 1;
        } else {
            panic!("after a kill at {delay:?} the file is neither the old nor the new content");
        }
        // Temporary files of killed runs are the only leftovers, never under the real name.
        let mut temp_left = false;
        for entry in fs::read_dir(dir.path()).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                name == "big.standards.ron" || name.starts_with(".big.standards.ron."),
                "{name}"
            );
            if name != "big.standards.ron" {
                temp_left = true;
                fs::remove_file(entry.path()).unwrap();
            }
        }
        mid_write += usize::from(temp_left);
    }
    println!(
        "kills: {seen_old} left the old file, {seen_new} the new one, {mid_write} landed mid-write (full run {full:?})"
    );
    // The kills must have spanned the run, or the test proves nothing.
    assert!(seen_old > 0, "no kill landed before the rename");
    assert!(seen_new > 0, "every kill landed before the rename");
    assert!(
        mid_write > 0,
        "no kill landed while the file was being written"
    );
}

/// Every RON file the repository ships (samples, a chain's records, the
/// checker's rules) reads the same through the compacted text as it is
/// written, value for value.
#[test]
fn every_shipped_ron_file_reads_the_same_compacted() {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() && !name.starts_with('.') && name != "target" {
                dirs.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 40, "{files:?}");
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let compacted =
            storage::compact(&text).unwrap_or_else(|| panic!("{}: not compacted", file.display()));
        assert!(compacted.len() < text.len(), "{}", file.display());
        let written: ron::Value = options.from_str(&text).unwrap();
        let read: ron::Value = options
            .from_str(&compacted)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(read, written, "{}", file.display());
    }
}
