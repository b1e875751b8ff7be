//! Two labellers, one holdout: how far two careful people who apply the
//! same labelling rule agree, and how the checker does on the standards
//! they agree on.
//!
//! A second helper session, which saw only the texts and the rule, labelled
//! holdouts 21 to 28 again by hand (`checker-holdout-NN.second.tsv`). The
//! first labeller's figures are the holdout gates (`tests/checker_holdout.rs`);
//! this file prints the ceiling those figures should be read against, and
//! gates the checker on the rows both labellers agree on, where a
//! disagreement is the checker's and not the rule's.

use servstd::core::check::assess;

struct Row<'a> {
    lang: &'a str,
    first: bool,
    second: bool,
    checker: bool,
}

fn rows(holdout: &'static str, second: &'static str) -> Vec<Row<'static>> {
    let firsts: Vec<(&str, bool, &str)> = holdout
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let p: Vec<&str> = l.split('\t').collect();
            assert_eq!(p.len(), 5, "five columns: {l}");
            (p[0], p[1] == "vague", p[4])
        })
        .collect();
    let seconds: Vec<(usize, bool)> = second
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("id\t") && !l.trim().is_empty())
        .map(|l| {
            let p: Vec<&str> = l.split('\t').collect();
            assert_eq!(p.len(), 3, "id, label, confidence: {l}");
            assert!(["ok", "vague"].contains(&p[1]), "{l}");
            assert!(["sure", "unsure"].contains(&p[2]), "{l}");
            (p[0].parse().expect("a row number"), p[1] == "vague")
        })
        .collect();
    assert_eq!(firsts.len(), seconds.len(), "one second label a row");
    firsts
        .into_iter()
        .zip(seconds)
        .enumerate()
        .map(|(i, ((lang, first, text), (id, second)))| {
            assert_eq!(id, i + 1, "second labels in row order");
            Row {
                lang,
                first,
                second,
                checker: !assess(text).is_measurable(),
            }
        })
        .collect()
}

/// Precision, recall, agreement and Cohen's kappa of `got` against `truth`.
fn figures(pairs: &[(bool, bool)]) -> (f64, f64, f64, f64) {
    let n = pairs.len() as f64;
    let count = |f: &dyn Fn(&(bool, bool)) -> bool| pairs.iter().filter(|p| f(p)).count() as f64;
    let tp = count(&|&(t, g)| t && g);
    let fp = count(&|&(t, g)| !t && g);
    let fnn = count(&|&(t, g)| t && !g);
    let agree = count(&|&(t, g)| t == g) / n;
    let (pt, pg) = (count(&|p| p.0) / n, count(&|p| p.1) / n);
    let chance = pt * pg + (1.0 - pt) * (1.0 - pg);
    let kappa = if chance < 1.0 {
        (agree - chance) / (1.0 - chance)
    } else {
        1.0
    };
    (
        tp / (tp + fp).max(1.0),
        tp / (tp + fnn).max(1.0),
        agree,
        kappa,
    )
}

fn gate(name: &str, holdout: &'static str, second: &'static str, floors: &[(&str, f64, f64)]) {
    let rows = rows(holdout, second);
    let mut failures = Vec::new();
    for &(lang, min_precision, min_recall) in floors {
        let of: Vec<&Row<'_>> = rows
            .iter()
            .filter(|r| lang == "all" || r.lang == lang)
            .collect();
        let humans: Vec<(bool, bool)> = of.iter().map(|r| (r.first, r.second)).collect();
        let (hp, hr, ha, hk) = figures(&humans);
        let agreed: Vec<(bool, bool)> = of
            .iter()
            .filter(|r| r.first == r.second)
            .map(|r| (r.first, r.checker))
            .collect();
        let (p, r, a, k) = figures(&agreed);
        println!(
            "{name} {lang}: second labeller against the first: precision {:.1}%, recall {:.1}%, \
             agreement {:.1}%, kappa {hk:.2} ({} standards); checker on the {} both agree on: \
             precision {:.1}%, recall {:.1}%, agreement {:.1}%, kappa {k:.2}",
            100.0 * hp,
            100.0 * hr,
            100.0 * ha,
            humans.len(),
            agreed.len(),
            100.0 * p,
            100.0 * r,
            100.0 * a,
        );
        for (what, got, floor) in [("precision", p, min_precision), ("recall", r, min_recall)] {
            if got < floor {
                failures.push(format!(
                    "{name} {lang}: the checker's {what} on agreed rows {:.1}% under the floor {:.0}%",
                    100.0 * got,
                    100.0 * floor
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Holdout 21 (read since its blind score): the two labellers agree on 209
/// of 228 (91.7%, kappa 0.83). On those rows the checker scored, at commit
/// 90a10b8, zh-CN 55.3 / 95.5, zh-TW 74.1 / 76.9, en 90.6 / 82.9, all
/// 72.2 / 84.3, and at b739fb6 zh-TW 76.9 / 76.9, en 93.8 / 85.7, all
/// 74.0 / 85.5. Floors: today's less one point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_21_agree_on() {
    gate(
        "21",
        include_str!("data/checker-holdout-21.tsv"),
        include_str!("data/checker-holdout-21.second.tsv"),
        &[
            ("zh-CN", 0.54, 0.94),
            ("zh-TW", 0.75, 0.75),
            ("en", 0.92, 0.84),
            ("all", 0.73, 0.84),
        ],
    );
}

/// Holdout 22 (sealed): the two labellers agree on 192 of 198 (97.0%,
/// kappa 0.94). On those rows, scored once at commit 90a10b8, the checker
/// scores zh-CN 46.7 / 70.0, zh-TW 35.7 / 62.5, en 83.3 / 75.5, all
/// 67.5 / 73.2. Floors: those less one point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_22_agree_on() {
    gate(
        "22",
        include_str!("data/checker-holdout-22.tsv"),
        include_str!("data/checker-holdout-22.second.tsv"),
        &[
            ("zh-CN", 0.45, 0.69),
            ("zh-TW", 0.34, 0.61),
            ("en", 0.82, 0.74),
            ("all", 0.66, 0.72),
        ],
    );
}

/// Holdout 23 (sealed, collected after this stop's rules were set): the two
/// labellers agree on 187 of 197 (94.9%, kappa 0.87). On those rows, scored
/// once at commit 5d685c6, the checker scores zh-CN 73.3 / 73.3, zh-TW
/// 75.0 / 90.0, en 71.0 / 91.7, all 72.4 / 85.7. Floors: those less one
/// point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_23_agree_on() {
    gate(
        "23",
        include_str!("data/checker-holdout-23.tsv"),
        include_str!("data/checker-holdout-23.second.tsv"),
        &[
            ("zh-CN", 0.72, 0.72),
            ("zh-TW", 0.74, 0.89),
            ("en", 0.70, 0.90),
            ("all", 0.71, 0.84),
        ],
    );
}

/// Holdout 24 (sealed, collected after this stop's checker rule was set):
/// the two labellers agree on 214 of 222 (96.4%, kappa 0.92; zh-CN 96.9%,
/// zh-TW 98.1%, en 95.1%). On those rows, scored once at commit 715b80d,
/// the checker scores zh-CN 82.4 / 87.5, zh-TW 70.8 / 85.0, en 82.9 /
/// 79.1, all 79.3 / 82.3. Floors: those less one point; raise them, never
/// lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_24_agree_on() {
    gate(
        "24",
        include_str!("data/checker-holdout-24.tsv"),
        include_str!("data/checker-holdout-24.second.tsv"),
        &[
            ("zh-CN", 0.81, 0.86),
            ("zh-TW", 0.69, 0.84),
            ("en", 0.81, 0.78),
            ("all", 0.78, 0.81),
        ],
    );
}

/// Holdout 25 (sealed, collected after this stop's rewrite work, on the
/// same checker rules as holdout 24): the two labellers agree on 212 of
/// 221 (95.9%, kappa 0.90; zh-CN 98.4%, zh-TW 96.6%, en 93.9%). On those
/// rows, scored once at commit a5bba4f, the checker scores zh-CN 54.5 /
/// 54.5 (11 vague rows), zh-TW 0.0 / 0.0 (3 vague rows, none found, 2
/// false findings), en 84.6 / 76.7, all 75.0 / 68.4. Floors: those less
/// one point; raise them, never lower. One exception, on 2026-12-07: once
/// 自然灾害 stopped being read as the manner word 自然, one zh-CN vague row
/// 自然 had found by chance was no longer found (zh-CN 50.0 / 45.5, all
/// 74.5 / 66.7 since), and those floors follow, less one point.
#[test]
fn on_the_rows_both_labellers_of_holdout_25_agree_on() {
    gate(
        "25",
        include_str!("data/checker-holdout-25.tsv"),
        include_str!("data/checker-holdout-25.second.tsv"),
        &[
            ("zh-CN", 0.49, 0.44),
            ("zh-TW", 0.0, 0.0),
            ("en", 0.83, 0.75),
            ("all", 0.73, 0.65),
        ],
    );
}

/// Holdout 26 (read once scored, collected on the checker rules of
/// b73db14): the two labellers agree on 164 of 169 (97.0%, kappa 0.94;
/// zh-CN 98.1%, zh-TW 94.7%, en 98.3%). On those rows, scored once at
/// commit 258419c, the checker scores zh-CN 72.2 / 86.7, zh-TW 73.7 /
/// 87.5, en 96.9 / 77.5, all 84.1 / 81.7. Its disagreements then taught
/// the next stop's rules: 73.7 / 93.3, 77.8 / 87.5, 100.0 / 90.0, all
/// 87.7 / 90.1. Floors: those less one point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_26_agree_on() {
    gate(
        "26",
        include_str!("data/checker-holdout-26.tsv"),
        include_str!("data/checker-holdout-26.second.tsv"),
        &[
            ("zh-CN", 0.72, 0.92),
            ("zh-TW", 0.76, 0.86),
            ("en", 0.99, 0.89),
            ("all", 0.86, 0.89),
        ],
    );
}

/// Holdout 27 (read once scored, collected on the checker rules of
/// b73db14): the two labellers agree on 180 of 183 (98.4%, kappa 0.97;
/// zh-CN 98.4%, zh-TW 98.1%, en 98.6%). On those rows, scored once at
/// commit f0334e7, the checker scores zh-CN 73.7 / 87.5, zh-TW 52.2 /
/// 75.0, en 87.1 / 75.0, all 72.6 / 77.9. Its disagreements then taught
/// the next stop's rules: 82.4 / 87.5, 60.0 / 75.0, 94.1 / 88.9, all
/// 81.7 / 85.3. Floors: those less one point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_27_agree_on() {
    gate(
        "27",
        include_str!("data/checker-holdout-27.tsv"),
        include_str!("data/checker-holdout-27.second.tsv"),
        &[
            ("zh-CN", 0.81, 0.86),
            ("zh-TW", 0.59, 0.74),
            ("en", 0.93, 0.87),
            ("all", 0.80, 0.84),
        ],
    );
}

/// Holdout 28 (read once scored, collected at the end of a stop on the checker
/// rules of b73db14): the two labellers agree on 159 of 169 (94.1%, kappa
/// 0.86; zh-CN 94.8%, zh-TW 96.2%, en 91.4%; the second calls more vague:
/// a rule or law referred to but not given). On those rows, scored once at
/// commit 0257477, the checker scores zh-CN 76.9 / 90.9, zh-TW 33.3 /
/// 71.4, en 80.6 / 86.2, all 67.8 / 85.1. Its disagreements then taught
/// the next rules: 83.3 / 90.9, 35.7 / 71.4, 86.2 / 86.2, all 72.7 /
/// 85.1. Floors: those less one point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_28_agree_on() {
    gate(
        "28",
        include_str!("data/checker-holdout-28.tsv"),
        include_str!("data/checker-holdout-28.second.tsv"),
        &[
            ("zh-CN", 0.82, 0.89),
            ("zh-TW", 0.34, 0.70),
            ("en", 0.85, 0.85),
            ("all", 0.71, 0.84),
        ],
    );
}

/// Holdout 29 (collected while the rules of 87c5ced were set; read once
/// scored, after which the checker scores zh-CN 50.0 / 100, zh-TW 33.3 /
/// 50.0, en 100 / 100, all 78.3 / 90.0 on the rows both agree on):
/// the two labellers agree on 192 of 195 (98.5%, kappa 0.92; zh-CN 98.3%,
/// zh-TW 98.4%, en 98.6%; each of the three rows is one the second calls
/// vague). On those rows, scored once at commit 0d8df6d, the checker
/// scores zh-CN 16.7 / 100 (1 vague row), zh-TW 12.5 / 25.0 (4 vague
/// rows), en 100 / 73.3, all 52.0 / 65.0. Floors: those less one point;
/// raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_29_agree_on() {
    gate(
        "29",
        include_str!("data/checker-holdout-29.tsv"),
        include_str!("data/checker-holdout-29.second.tsv"),
        &[
            ("zh-CN", 0.49, 0.99),
            ("zh-TW", 0.32, 0.49),
            ("en", 0.99, 0.99),
            ("all", 0.77, 0.89),
        ],
    );
}

/// Holdout 30 (sealed, collected while the rules that read holdout 29 were
/// being set): the two labellers agree on 170 of 178 (95.5%, kappa 0.90;
/// zh-CN 94.7%, zh-TW 98.3%, en 93.7%). On those rows, scored once on the
/// rules of its collection, the checker scores zh-CN 86.4 / 79.2, zh-TW
/// 71.4 / 90.9, en 59.4 / 73.1, all 70.6 / 78.7. Read on 2026-12-07; on
/// the rules that read it: zh-CN 100 / 91.7, zh-TW 71.4 / 90.9, en
/// 65.6 / 80.8, all 77.9 / 86.9. Floors: those less one point; raise them,
/// never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_30_agree_on() {
    gate(
        "30",
        include_str!("data/checker-holdout-30.tsv"),
        include_str!("data/checker-holdout-30.second.tsv"),
        &[
            ("zh-CN", 0.99, 0.90),
            ("zh-TW", 0.70, 0.89),
            ("en", 0.64, 0.79),
            ("all", 0.76, 0.85),
        ],
    );
}

/// Holdout 31 (sealed, collected while the rules that read holdout 30 were
/// being set): the two labellers agree on 170 of 177 (96.0%, kappa 0.90;
/// zh-CN 90.7%, zh-TW 98.1%, en 98.6%). On those rows, scored once on the
/// rules of its collection, the checker scores zh-CN 61.9 / 92.9, zh-TW
/// 50.0 / 50.0 (two vague rows), en 75.9 / 71.0, all 69.2 / 76.6. Read on
/// 2026-12-07; on the rules that read it: zh-CN 72.2 / 92.9, zh-TW
/// 50.0 / 50.0, en 84.4 / 87.1, all 78.8 / 87.2. Floors: those less one
/// point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_31_agree_on() {
    gate(
        "31",
        include_str!("data/checker-holdout-31.tsv"),
        include_str!("data/checker-holdout-31.second.tsv"),
        &[
            ("zh-CN", 0.71, 0.91),
            ("zh-TW", 0.49, 0.49),
            ("en", 0.83, 0.86),
            ("all", 0.77, 0.86),
        ],
    );
}

/// Holdout 32 (sealed, collected while the rules that read holdout 31 were
/// being set): the two labellers agree on 179 of 185 (96.8%, kappa 0.92;
/// zh-CN 96.7%, zh-TW 95.1%, en 98.4%). On those rows, scored once on the
/// rules of its collection, the checker scores zh-CN 75.0 / 94.7, zh-TW
/// 16.7 / 50.0 (four vague rows), en 71.9 / 79.3, all 63.2 / 82.7. Read on
/// 2026-12-07; on the rules that read it: zh-CN 79.2 / 100, zh-TW
/// 18.2 / 50.0, en 81.8 / 93.1, all 70.6 / 92.3. Floors: those less one
/// point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_32_agree_on() {
    gate(
        "32",
        include_str!("data/checker-holdout-32.tsv"),
        include_str!("data/checker-holdout-32.second.tsv"),
        &[
            ("zh-CN", 0.78, 0.99),
            ("zh-TW", 0.17, 0.49),
            ("en", 0.80, 0.92),
            ("all", 0.69, 0.91),
        ],
    );
}

/// Holdout 33 (read since, collected while the rules that read holdout 32 were
/// being set): the two labellers agree on 185 of 191 (96.9%, kappa 0.90;
/// zh-CN 96.5%, zh-TW 100%, en 93.4%). On those rows, scored once on the
/// rules of its collection, the checker scores zh-CN 58.3 / 58.3, zh-TW
/// 20.0 / 42.9 (seven vague rows), en 46.7 / 82.4, all 42.1 / 66.7. Read
/// on 2026-12-07; on the rules that read it: zh-CN 66.7 / 66.7, zh-TW
/// 35.3 / 85.7, en 64.0 / 94.1, all 55.6 / 83.3. Floors: those less one
/// point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_33_agree_on() {
    gate(
        "33",
        include_str!("data/checker-holdout-33.tsv"),
        include_str!("data/checker-holdout-33.second.tsv"),
        &[
            ("zh-CN", 0.71, 0.65),
            ("zh-TW", 0.34, 0.84),
            ("en", 0.63, 0.93),
            ("all", 0.55, 0.82),
        ],
    );
}

/// Holdout 34 (read since, collected while the rules that read holdout 33 were
/// being set): the two labellers agree on 207 of 216 (95.8%, kappa 0.90;
/// zh-CN 95.4%, zh-TW 97.1%, en 95.1%). On those rows, scored once on the
/// rules of its collection, the checker scores zh-CN 60.0 / 68.2, zh-TW
/// 40.0 / 88.9 (nine vague rows), en 71.9 / 71.9, all 59.7 / 73.0.
/// Floors: those less one point; raise them, never lower. As in
/// `checker_holdout`'s `FLOOR_34`, the zh-CN and all floors follow the one
/// vague row the manner word 自然 had found by chance before 自然损坏 and
/// its kin became warranty terms (zh-CN 58.3 / 63.6, all 60.0 / 71.4 since).
/// Read on 2026-12-07; on the rules that read it: zh-CN 88.2 / 68.2, zh-TW
/// 44.4 / 88.9, en 81.8 / 84.4, all 73.5 / 79.4.
#[test]
fn on_the_rows_both_labellers_of_holdout_34_agree_on() {
    gate(
        "34",
        include_str!("data/checker-holdout-34.tsv"),
        include_str!("data/checker-holdout-34.second.tsv"),
        &[
            ("zh-CN", 0.87, 0.67),
            ("zh-TW", 0.43, 0.87),
            ("en", 0.80, 0.83),
            ("all", 0.72, 0.78),
        ],
    );
}

/// Holdout 35 (read since, collected while the rules that read holdout 34 were
/// being set): the two labellers agree on 215 of 223 (96.4%, kappa 0.92;
/// zh-CN 97.1%, zh-TW 94.7%, en 97.5%). On those rows, scored once on the
/// rules of its collection, the checker scores zh-CN 83.3 / 60.0, zh-TW
/// 75.0 / 37.5 (sixteen vague rows), en 82.6 / 63.3, all 81.6 / 56.3.
/// Read on 2026-12-07; on the rules that read it: zh-CN 90.9 / 80.0, zh-TW
/// 81.8 / 56.2, en 95.7 / 73.3, all 91.1 / 71.8. Floors: those less one
/// point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_35_agree_on() {
    gate(
        "35",
        include_str!("data/checker-holdout-35.tsv"),
        include_str!("data/checker-holdout-35.second.tsv"),
        &[
            ("zh-CN", 0.89, 0.79),
            ("zh-TW", 0.80, 0.55),
            ("en", 0.94, 0.72),
            ("all", 0.90, 0.70),
        ],
    );
}

/// Holdout 36 (sealed, collected while the rules that read holdout 35 were
/// being set): the two labellers agree on 205 of 213 (96.2%, kappa 0.91;
/// zh-CN 97.3%, zh-TW 97.1%, en 94.3%). On those rows, scored once on the
/// rules of its collection, the checker scores zh-CN 41.7 / 76.9, zh-TW
/// 44.4 / 44.4 (nine vague rows), en 75.8 / 73.5, all 59.1 / 69.6. Read
/// since: on the rules that read it, zh-CN 52.4 / 84.6, zh-TW 75.0 / 66.7,
/// en 82.1 / 94.1, all 72.1 / 87.5. Floors: those less one point; raise
/// them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_36_agree_on() {
    gate(
        "36",
        include_str!("data/checker-holdout-36.tsv"),
        include_str!("data/checker-holdout-36.second.tsv"),
        &[
            ("zh-CN", 0.51, 0.83),
            ("zh-TW", 0.74, 0.65),
            ("en", 0.81, 0.93),
            ("all", 0.71, 0.86),
        ],
    );
}

/// Holdout 37 (read since its blind score, collected while the rules that
/// read holdout 36 were being set): the two labellers agree on 213 of 218
/// (97.7%, kappa 0.95; zh-CN 95.7%, zh-TW 97.4%, en 100%). On those rows,
/// scored once on the rules of its collection, the checker scored zh-CN
/// 66.7 / 42.1, zh-TW 72.2 / 54.2, en 84.2 / 66.7, all 75.5 / 55.2; on the
/// rules that read it, zh-CN 73.3 / 57.9, zh-TW 87.5 / 58.3, en 95.0 /
/// 79.2, all 86.3 / 65.7. Floors: today's less one point; raise them, never
/// lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_37_agree_on() {
    gate(
        "37",
        include_str!("data/checker-holdout-37.tsv"),
        include_str!("data/checker-holdout-37.second.tsv"),
        &[
            ("zh-CN", 0.72, 0.56),
            ("zh-TW", 0.86, 0.57),
            ("en", 0.94, 0.78),
            ("all", 0.85, 0.64),
        ],
    );
}

/// Holdout 38 (read since its blind score, collected while the rules that
/// read holdout 37 were being set): the two labellers agree on 201 of 213
/// (94.4%, kappa 0.84; zh-CN 94.3%, zh-TW 94.5%, en 94.3%). On those rows,
/// scored once on the rules of its collection, the checker scored zh-CN
/// 80.0 / 50.0 (eight vague rows), zh-TW 69.2 / 56.2, en 52.9 / 47.4, all
/// 62.9 / 51.2; on the rules that read it, zh-CN 100 / 75.0, zh-TW 75.0 /
/// 75.0, en 78.9 / 78.9, all 80.5 / 76.7. Floors: today's less one point;
/// raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_38_agree_on() {
    gate(
        "38",
        include_str!("data/checker-holdout-38.tsv"),
        include_str!("data/checker-holdout-38.second.tsv"),
        &[
            ("zh-CN", 0.99, 0.74),
            ("zh-TW", 0.74, 0.74),
            ("en", 0.77, 0.77),
            ("all", 0.79, 0.75),
        ],
    );
}

/// Holdout 39 (sealed, collected while the rules that read holdout 38 were
/// being set): the two labellers agree on 204 of 217 (94.0%, kappa 0.85;
/// zh-CN 95.7%, zh-TW 92.9%, en 93.5%). On those rows, scored once on the
/// rules of its collection, the checker scores zh-CN 62.5 / 65.2, zh-TW 18.2
/// / 28.6 (seven vague rows), en 72.7 / 66.7, all 57.9 / 61.1. Floors: those
/// less one point; raise them, never lower.
#[test]
fn on_the_rows_both_labellers_of_holdout_39_agree_on() {
    gate(
        "39",
        include_str!("data/checker-holdout-39.tsv"),
        include_str!("data/checker-holdout-39.second.tsv"),
        &[
            ("zh-CN", 0.61, 0.64),
            ("zh-TW", 0.17, 0.27),
            ("en", 0.71, 0.65),
            ("all", 0.56, 0.60),
        ],
    );
}
