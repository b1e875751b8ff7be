//! Agreement of the measurability checker with a hand-labelled set of
//! standards in simplified Chinese, traditional Chinese and English.
//! `cargo test --test checker_agreement -- --nocapture` prints the figures.

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
        share >= 0.95,
        "agreement {:.1}% is below 95%:\n{}",
        share * 100.0,
        disagreements.join("\n")
    );
}
