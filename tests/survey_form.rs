//! The fillable questionnaire end to end: `survey questionnaire --fillable`
//! lays out a radio group per scale (buttons of 7 mm), NPS 0–10, the open
//! question, a respondent number and the plan's groups; forms filled by
//! pypdf (as most viewers fill them) or as Apple Preview does (the buttons
//! only) are read back by `survey import` from a folder or one file, the
//! figures worked out by hand here, every bad form named by its file.
//!
//! The pypdf test skips with a message when `python3 -c 'import pypdf'`
//! fails, unless `SERVSTD_REQUIRE_PYPDF=1` (CI sets it): then it fails.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use servstd::core::model::{Language, StandardsSet};
use servstd::core::storage;
use servstd::core::survey::{Questionnaire, form};
use servstd::export::layout::FieldKind;
use tempfile::TempDir;

mod run;
use run::servstd;

fn have_pypdf() -> bool {
    let ok = std::process::Command::new("python3")
        .args(["-c", "import pypdf"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("SERVSTD_REQUIRE_PYPDF").is_none_or(|v| v != "1"),
            "SERVSTD_REQUIRE_PYPDF=1 but `python3 -c 'import pypdf'` fails: pip install pypdf"
        );
        eprintln!("skipped: pypdf is not installed (pip install pypdf) to fill the form with");
    }
    ok
}

/// The restaurant sample in a new folder with a plan of three groups.
fn set_with_plan(dir: &Path) -> (PathBuf, StandardsSet) {
    let set_path = dir.join("restaurant.standards.ron");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("standards/restaurant.standards.ron"),
        &set_path,
    )
    .unwrap();
    let out = servstd()
        .args(["survey", "plan"])
        .arg(&set_path)
        .args([
            "--purpose",
            "immediate",
            "--purpose",
            "improve",
            "--purpose",
            "works-best",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let set = storage::load::<StandardsSet>(&set_path).unwrap().document;
    (set_path, set)
}

#[test]
fn the_form_has_a_radio_group_per_scale_big_buttons_and_what_it_was_made_from() {
    let dir = TempDir::new().unwrap();
    let (set_path, set) = set_with_plan(dir.path());
    let plan = servstd::core::survey::plan::load_for(&set_path)
        .unwrap()
        .unwrap()
        .document;
    for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
        let q = Questionnaire::new(&set, &plan, &[lang]);
        let doc =
            servstd::export::survey::form_document(&q, &plan, servstd::export::Paper::A4).unwrap();
        let mut buttons: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        let mut texts = Vec::new();
        let (width, height) = doc.paper.size_pt();
        for page in &doc.pages {
            for f in &page.fields {
                assert!(f.x >= 0.0 && f.x + f.width <= width, "{f:?}");
                assert!(f.top >= 0.0 && f.top + f.height <= height, "{f:?}");
                match f.kind {
                    FieldKind::Choice(state) => {
                        // 7 mm: a finger or a pen.
                        assert!(f.width >= 19.8 && f.height >= 19.8, "{f:?}");
                        buttons.entry(f.name.clone()).or_default().push(state);
                    }
                    FieldKind::Text | FieldKind::Note => texts.push(f.name.clone()),
                }
            }
        }
        for item in q.factors() {
            for suffix in [".imp", ".sat"] {
                let name = form::field(&format!("{}{suffix}", item.factor));
                assert_eq!(buttons[&name], ["1", "2", "3", "4", "5"], "{name}");
            }
        }
        let nps: Vec<String> = (0..=10).map(|n| n.to_string()).collect();
        assert_eq!(buttons["NPS"], nps);
        assert_eq!(buttons["GROUP"], ["1", "2", "3"]);
        assert_eq!(buttons.len(), 2 * q.factors().count() + 2);
        texts.sort();
        assert_eq!(texts, ["DATE", "OPEN", "RESPONDENT"]);
        let hidden: BTreeMap<_, _> = doc.hidden.iter().cloned().collect();
        assert_eq!(hidden[form::FORMAT], "1");
        assert_eq!(hidden[form::GROUPS], "immediate\nimprove\nworksbest");
        let ids: Vec<&str> = q.factors().map(|f| f.factor.as_str()).collect();
        assert_eq!(hidden[form::FACTORS], ids.join(" "));
    }
    // One group: no question of the group.
    let mut one = plan.clone();
    one.groups.truncate(1);
    let q = Questionnaire::new(&set, &one, &[]);
    let doc = servstd::export::survey::form_document(&q, &one, servstd::export::Paper::A4).unwrap();
    assert!(
        doc.pages
            .iter()
            .flat_map(|p| &p.fields)
            .all(|f| f.name != "GROUP")
    );
}

/// One respondent's answers as fill-form.py takes them.
struct Answers {
    respondent: Option<String>,
    date: &'static str,
    group: Option<usize>,
    scores: Vec<(String, String)>,
    nps: Option<u8>,
    open: &'static str,
}

fn fill(dir: &Path, form: &Path, out: &Path, mode: &str, a: &Answers) {
    let mut fields = BTreeMap::new();
    if let Some(r) = &a.respondent {
        fields.insert("RESPONDENT".to_owned(), r.clone());
    }
    fields.insert("DATE".to_owned(), a.date.to_owned());
    if !a.open.is_empty() {
        fields.insert("OPEN".to_owned(), a.open.to_owned());
    }
    let mut verdicts: BTreeMap<String, String> = a.scores.iter().cloned().collect();
    if let Some(n) = a.nps {
        verdicts.insert("NPS".to_owned(), n.to_string());
    }
    if let Some(g) = a.group {
        verdicts.insert("GROUP".to_owned(), g.to_string());
    }
    let json = serde_json::json!({ "fields": fields, "verdicts": verdicts });
    let answers = dir.join("answers.json");
    fs::write(&answers, json.to_string()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fill-form.py");
    let status = std::process::Command::new("python3")
        .arg(script)
        .arg(form)
        .arg(out)
        .arg(mode)
        .arg(&answers)
        .status()
        .unwrap();
    assert!(status.success());
}

fn close(a: &serde_json::Value, b: f64) {
    let a = a.as_f64().unwrap_or(f64::NAN);
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn filled_forms_come_back_as_respondents_and_bad_ones_are_named_by_file() {
    if !have_pypdf() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (set_path, set) = set_with_plan(dir.path());
    let blank = dir.path().join("form.pdf");
    let out = servstd()
        .args(["survey", "questionnaire"])
        .arg(&set_path)
        .args(["--fillable", "-o"])
        .arg(&blank)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = servstd::core::survey::plan::load_for(&set_path)
        .unwrap()
        .unwrap()
        .document;
    let q = Questionnaire::new(&set, &plan, &[]);
    let ids: Vec<String> = q.factors().map(|f| f.factor.clone()).collect();
    let forms = dir.path().join("forms");
    fs::create_dir(&forms).unwrap();
    // Ten respondents, i = 0..10: every factor importance 4, satisfaction
    // 5 for even i and 3 for odd; KF-1's satisfaction left out by i = 9;
    // NPS 10 for i < 6, 8 for 6 and 7, 2 for 8 and 9; i < 5 in November
    // (group 1, immediate), the rest in December (group 2, improve).
    // Even forms filled as pypdf does, odd ones as Apple Preview does.
    for i in 0..10usize {
        let sat = if i % 2 == 0 { "5" } else { "3" };
        let scores = ids
            .iter()
            .flat_map(|id| {
                let mut v = vec![(format!("{id}.imp"), "4".to_owned())];
                if !(i == 9 && id == &ids[0]) {
                    v.push((format!("{id}.sat"), sat.to_owned()));
                }
                v
            })
            .collect();
        let a = Answers {
            respondent: Some(format!("{}", 100 + i)),
            date: if i < 5 { "2026-11-03" } else { "2026-12-01" },
            group: Some(if i < 5 { 1 } else { 2 }),
            scores,
            nps: Some(match i {
                0..6 => 10,
                6 | 7 => 8,
                _ => 2,
            }),
            open: if i == 0 { "上菜太慢" } else { "" },
        };
        let mode = if i % 2 == 0 { "pypdf" } else { "preview" };
        fill(
            dir.path(),
            &blank,
            &forms.join(format!("r{i:02}.pdf")),
            mode,
            &a,
        );
    }
    // Bad ones: a score no button has (written as pypdf writes any value),
    // a respondent number already met, a form left blank, and a PDF that
    // is no questionnaire form.
    let bad = Answers {
        respondent: Some("X1".into()),
        date: "2026-12-02",
        group: None,
        scores: vec![(format!("{}.sat", ids[1]), "7".into())],
        nps: Some(9),
        open: "",
    };
    fill(
        dir.path(),
        &blank,
        &forms.join("z-out-of-range.pdf"),
        "pypdf",
        &bad,
    );
    let again = Answers {
        respondent: Some("103".into()),
        date: "2026-12-02",
        group: None,
        scores: vec![(format!("{}.sat", ids[0]), "1".into())],
        nps: Some(0),
        open: "",
    };
    fill(
        dir.path(),
        &blank,
        &forms.join("z-twice.pdf"),
        "pypdf",
        &again,
    );
    fs::copy(&blank, forms.join("z-blank.pdf")).unwrap();
    let printed = forms.join("z-printed.pdf");
    let out = servstd()
        .args(["survey", "questionnaire"])
        .arg(&set_path)
        .arg("-o")
        .arg(&printed)
        .output()
        .unwrap();
    assert!(out.status.success());

    let out = servstd()
        .args(["survey", "import"])
        .arg(&forms)
        .arg("--set")
        .arg(&set_path)
        .arg("--json")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Answers were lost: the exit code says so.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Ten and the out-of-range one; the twice-answered, the blank and the
    // printed sheet are no respondents.
    assert_eq!(json["respondents"], 11, "{json:#}");
    let kf1 = &json["factors"][0];
    assert_eq!(kf1["id"], ids[0].as_str());
    close(&kf1["importance"], 4.0);
    // KF-1: 5 × 5 and 4 × 3 (i = 9 left it out): (25 + 12) / 9.
    close(&kf1["satisfaction"], 37.0 / 9.0);
    assert_eq!(kf1["n"], 9);
    close(&kf1["top_box"], 5.0 / 9.0);
    // KF-2: the out-of-range answer is not used: 5 × 5 and 5 × 3 = 40 / 10.
    close(&json["factors"][1]["satisfaction"], 4.0);
    assert_eq!(json["factors"][1]["n"], 10);
    // NPS: 6 + the 9 promoters, 2 passives, 2 detractors of 11: (7 − 2) / 11.
    assert_eq!(json["nps"]["promoters"], 7);
    assert_eq!(json["nps"]["passives"], 2);
    assert_eq!(json["nps"]["detractors"], 2);
    // By period: November 5 promoters (100); December 2 promoters (i = 5
    // and the out-of-range form), 2 passives, 2 detractors of 6 (0).
    let trend = json["trend"].as_array().unwrap();
    assert_eq!(trend[0]["period"], "2026-11");
    close(&trend[0]["nps"]["score"], 100.0);
    assert_eq!(trend[1]["period"], "2026-12");
    close(&trend[1]["nps"]["score"], 0.0);
    let groups: Vec<(&str, u64)> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["group"].as_str().unwrap(),
                g["respondents"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(groups, [("immediate", 5), ("improve", 5)]);
    // Every bad form by its file, nothing else.
    let issues: Vec<(String, String)> = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["form"].as_str().unwrap_or("").to_owned(),
                i["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(issues.len(), 3, "{issues:#?}");
    assert_eq!(issues[0].0, "z-out-of-range.pdf");
    assert!(issues[0].1.contains("“7” is outside 1–5"), "{issues:#?}");
    assert!(
        issues[0].1.contains(&format!("{}.sat", ids[1])),
        "{issues:#?}"
    );
    // In the files' order (by name).
    assert_eq!(issues[1].0, "z-printed.pdf");
    assert!(
        issues[1].1.contains("not a fillable questionnaire"),
        "{issues:#?}"
    );
    assert_eq!(issues[2].0, "z-twice.pdf");
    assert!(
        issues[2].1.contains("already answered in r03.pdf"),
        "{issues:#?}"
    );
    for (file, _) in &issues {
        assert!(stderr.contains(file.as_str()), "{stderr}");
    }
    // One form alone, its open answer in Chinese.
    let one = servstd()
        .args(["survey", "import"])
        .arg(forms.join("r00.pdf"))
        .arg("--set")
        .arg(&set_path)
        .arg("--json")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert_eq!(json["respondents"], 1);
    close(&json["nps"]["score"], 100.0);
    let read = servstd::export::survey::load_responses(&forms.join("r00.pdf"), &q, &plan).unwrap();
    assert_eq!(read.rows[0].open, "上菜太慢");
    assert_eq!(read.rows[0].respondent, "100");
    assert_eq!(read.rows[0].group, "immediate");
    assert_eq!(read.rows[0].period, "2026-11");
}
