//! Agreement of the measurability checker with a hand-labelled set of
//! standards in simplified Chinese, traditional Chinese and English.
//! `cargo test --test checker_agreement -- --nocapture` prints the figures.
//!
//! The figures are gated: agreement on the sealed test part of the corpus
//! and on the regression set may not drop more than one point below the
//! figures the checker reached when the gate was set (issue 28).

/// Agreement when the gate was set: (agreeing, of).
const SEALED_AT: (usize, usize) = (188, 189);
const REGRESSION_AT: (usize, usize) = (169, 169);

/// Whether `now` is no more than one percentage point below `then`.
fn holds((agree, all): (usize, usize), (was, of): (usize, usize)) -> bool {
    // In whole numbers: agree/all >= was/of - 1/100.
    100 * agree * of + all * of >= 100 * was * all
}

#[test]
fn the_gate_allows_one_point_and_no_more() {
    assert!(holds((188, 189), SEALED_AT));
    assert!(holds((187, 189), SEALED_AT));
    assert!(!holds((186, 189), SEALED_AT));
    assert!(holds((168, 169), REGRESSION_AT));
    assert!(!holds((167, 169), REGRESSION_AT));
}

use servstd::core::check::assess;

struct Case<'a> {
    measurable: bool,
    lang: &'a str,
    text: &'a str,
}

fn cases() -> Vec<Case<'static>> {
    include_str!("data/labelled-standards.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            let label = parts.next().expect("label");
            let lang = parts.next().expect("language");
            let text = parts.next().expect("text");
            assert!(label == "ok" || label == "vague", "bad label in {line}");
            Case {
                measurable: label == "ok",
                lang,
                text,
            }
        })
        .collect()
}

#[test]
fn checker_agrees_with_the_labelled_set() {
    let cases = cases();
    assert!(
        cases.len() >= 150,
        "the labelled set needs at least 150 standards"
    );
    let mut disagreements = Vec::new();
    for lang in ["zh-CN", "zh-TW", "en"] {
        let of_lang: Vec<_> = cases.iter().filter(|c| c.lang == lang).collect();
        let agree = of_lang
            .iter()
            .filter(|c| assess(c.text).is_measurable() == c.measurable)
            .count();
        println!(
            "{lang}: {agree}/{} agree ({:.1}%)",
            of_lang.len(),
            100.0 * agree as f64 / of_lang.len() as f64
        );
    }
    let mut counts = [[0usize; 2]; 2]; // [labelled measurable][checker measurable]
    for case in &cases {
        let got = assess(case.text).is_measurable();
        counts[usize::from(case.measurable)][usize::from(got)] += 1;
        if got != case.measurable {
            disagreements.push(format!(
                "  labelled {}, checker says {}: {}",
                if case.measurable { "ok" } else { "vague" },
                if got { "ok" } else { "vague" },
                case.text
            ));
        }
    }
    let agree = cases.len() - disagreements.len();
    let share = agree as f64 / cases.len() as f64;
    println!(
        "overall: {agree}/{} agree ({:.1}%); vague caught {}/{}, measurable passed {}/{}",
        cases.len(),
        share * 100.0,
        counts[0][0],
        counts[0][0] + counts[0][1],
        counts[1][1],
        counts[1][0] + counts[1][1]
    );
    for d in &disagreements {
        println!("{d}");
    }
    assert!(
        holds((agree, cases.len()), REGRESSION_AT),
        "agreement {agree}/{} fell more than a point below {}/{}:\n{}",
        cases.len(),
        REGRESSION_AT.0,
        REGRESSION_AT.1,
        disagreements.join("\n")
    );
}

/// One standard of the corpus nobody tuned the checker on.
struct Labelled<'a> {
    lang: &'a str,
    measurable: bool,
    kind: &'a str,
    source: &'a str,
    text: &'a str,
}

const KINDS: [&str; 9] = [
    "plain",
    "governs",
    "decorative",
    "judgement-act",
    "customer",
    "prohibition",
    "plain-act",
    "vague-amount",
    "taiwan",
];

fn corpus() -> Vec<Labelled<'static>> {
    parse(include_str!("data/checker-corpus.tsv"))
}

/// The holdouts: sources read only after the rules were rebuilt, in the
/// order they were collected (split at `# second holdout`, `# third
/// holdout` and `# fourth holdout`). Only the last is blind to the rules as
/// they stand.
fn holdouts() -> Vec<Vec<Labelled<'static>>> {
    let mut rest = include_str!("data/checker-holdout.tsv");
    let mut parts = Vec::new();
    for marker in [
        "# second holdout\n",
        "# third holdout\n",
        "# fourth holdout\n",
    ] {
        let (part, after) = rest
            .split_once(marker)
            .expect("the holdout file has its parts");
        parts.push(parse(part));
        rest = after;
    }
    parts.push(parse(rest));
    parts
}

fn parse(tsv: &'static str) -> Vec<Labelled<'static>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let parts: Vec<&str> = line.split('\t').collect();
            assert_eq!(parts.len(), 5, "five columns: {line}");
            assert!(["zh-CN", "zh-TW", "en"].contains(&parts[0]), "{line}");
            assert!(["ok", "vague"].contains(&parts[1]), "{line}");
            assert!(KINDS.contains(&parts[2]), "unknown kind in {line}");
            assert!(
                parts[3] == "written" || parts[3].starts_with("http"),
                "a source is an address or `written`: {line}"
            );
            Labelled {
                lang: parts[0],
                measurable: parts[1] == "ok",
                kind: parts[2],
                source: parts[3],
                text: parts[4],
            }
        })
        .collect()
}

/// The fixed split: the sealed test part is 30% of the texts by hash.
fn is_test_part(text: &str) -> bool {
    servstd::core::text::fnv1a(text.as_bytes()) % 10 >= 7
}

fn agreement(cases: &[&Labelled<'_>]) -> (usize, usize) {
    let agree = cases
        .iter()
        .filter(|c| assess(c.text).is_measurable() == c.measurable)
        .count();
    (agree, cases.len())
}

/// Counts by [labelled measurable][checker says measurable].
fn confusion(cases: &[&Labelled<'_>]) -> [[usize; 2]; 2] {
    let mut counts = [[0usize; 2]; 2];
    for c in cases {
        counts[usize::from(c.measurable)][usize::from(assess(c.text).is_measurable())] += 1;
    }
    counts
}

fn share((agree, all): (usize, usize)) -> String {
    if all == 0 {
        return "-".to_owned();
    }
    format!("{agree}/{all} ({:.0}%)", 100.0 * agree as f64 / all as f64)
}

/// The corpus is well formed and split as documented; the figures by part,
/// language and kind are printed (`-- --nocapture`), and the sealed test
/// part's agreement is gated (its disagreements are never shown, not even
/// when the gate fails).
#[test]
fn the_untuned_corpus_is_well_formed_split_and_measured() {
    let cases: &'static [Labelled<'static>] = Box::leak(corpus().into_boxed_slice());
    let mut texts: Vec<&str> = cases.iter().map(|c| c.text).collect();
    texts.sort_unstable();
    let before = texts.len();
    texts.dedup();
    assert_eq!(texts.len(), before, "a text is in the corpus once");
    for lang in ["zh-CN", "zh-TW", "en"] {
        let of: Vec<_> = cases.iter().filter(|c| c.lang == lang).collect();
        let vague = of.iter().filter(|c| !c.measurable).count();
        let sourced = of.iter().filter(|c| c.source != "written").count();
        assert!(of.len() >= 50, "{lang}: {} standards", of.len());
        assert!(
            (0.35..=0.65).contains(&(vague as f64 / of.len() as f64)),
            "{lang}: about half vague ({vague} of {})",
            of.len()
        );
        assert!(
            2 * sourced >= of.len(),
            "{lang}: half from published standards"
        );
    }
    let test: Vec<_> = cases.iter().filter(|c| is_test_part(c.text)).collect();
    let dev: Vec<_> = cases.iter().filter(|c| !is_test_part(c.text)).collect();
    let test_share = test.len() as f64 / cases.len() as f64;
    assert!(
        (0.2..=0.4).contains(&test_share),
        "the test part is about 30%: {test_share:.2}"
    );
    println!(
        "corpus: {} standards, development {}, sealed test {}",
        cases.len(),
        dev.len(),
        test.len()
    );
    let sealed = agreement(&test);
    println!(
        "development {}, test {}",
        share(agreement(&dev)),
        share(sealed)
    );
    for (name, part) in [("development", &dev), ("test", &test)] {
        let [[vague_vague, vague_ok], [ok_vague, ok_ok]] = confusion(part);
        println!(
            "  {name}: vague caught {vague_vague}/{}, measurable passed {ok_ok}/{}",
            vague_vague + vague_ok,
            ok_ok + ok_vague
        );
    }
    let pick = |part: &[&'static Labelled<'static>], keep: &dyn Fn(&Labelled<'_>) -> bool| {
        part.iter().copied().filter(|c| keep(c)).collect::<Vec<_>>()
    };
    for lang in ["zh-CN", "zh-TW", "en"] {
        let of = |c: &Labelled<'_>| c.lang == lang;
        println!(
            "  {lang}: development {}, test {}",
            share(agreement(&pick(&dev, &of))),
            share(agreement(&pick(&test, &of)))
        );
    }
    // What to tune on: the development part's disagreements only. The test
    // part's are never printed, so no rule is written against them.
    for c in dev
        .iter()
        .filter(|c| assess(c.text).is_measurable() != c.measurable)
    {
        println!(
            "  dev, labelled {} ({}): {}",
            if c.measurable { "ok" } else { "vague" },
            c.kind,
            c.text
        );
    }
    for kind in KINDS {
        let of = |c: &Labelled<'_>| c.kind == kind;
        println!(
            "  {kind}: development {}, test {}",
            share(agreement(&pick(&dev, &of))),
            share(agreement(&pick(&test, &of)))
        );
    }
    assert!(
        holds(sealed, SEALED_AT),
        "agreement on the sealed test part {}/{} fell more than a point below {}/{}",
        sealed.0,
        sealed.1,
        SEALED_AT.0,
        SEALED_AT.1
    );
}

/// The holdouts are scored and never printed line by line. Each was blind
/// once: the first scored 93/107 before the English rules, the second 79/99
/// before the broader lists, the third 93/102 before more of them; the
/// fourth's figure is the one that says how the checker does on standards
/// nobody tuned it to.
#[test]
fn the_holdouts_are_scored_without_showing_their_disagreements() {
    let corpus_texts: Vec<&str> = corpus().iter().map(|c| c.text).collect();
    let names = [
        "first holdout",
        "second holdout",
        "third holdout",
        "fourth holdout",
    ];
    for (name, part) in names.into_iter().zip(holdouts()) {
        let cases: &'static [Labelled<'static>] = Box::leak(part.into_boxed_slice());
        assert!(cases.len() >= 90, "{name}: {} standards", cases.len());
        assert!(
            cases.iter().all(|c| !corpus_texts.contains(&c.text)),
            "the holdout shares no text with the corpus"
        );
        let all: Vec<&Labelled<'_>> = cases.iter().collect();
        println!("{name} {}", share(agreement(&all)));
        for lang in ["zh-CN", "zh-TW", "en"] {
            let of: Vec<_> = all.iter().copied().filter(|c| c.lang == lang).collect();
            println!("  {lang}: {}", share(agreement(&of)));
        }
        let sourced: Vec<_> = all
            .iter()
            .copied()
            .filter(|c| c.source != "written")
            .collect();
        println!(
            "  adapted from published standards: {}",
            share(agreement(&sourced))
        );
        let [[vague_vague, vague_ok], [ok_vague, ok_ok]] = confusion(&all);
        println!(
            "  vague caught {vague_vague}/{}, measurable passed {ok_ok}/{}",
            vague_vague + vague_ok,
            ok_ok + ok_vague
        );
    }
}
