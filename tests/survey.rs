//! Survey files (`FACTOR-ID,SCORE`): no row is dropped without a word. A
//! factor given twice or an ID the set lacks is a warning with its line in
//! `validate --survey`, on stderr from `report` and in the PDF; a bad first
//! row is data (an error at line 1), not a header skipped.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tempfile::TempDir;

mod run;
use run::servstd;

/// A sample record whose set has factors KF-2 and KF-3 (and no KF-99).
fn record() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("standards");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".inspection.ron"))
        .collect();
    files.sort();
    files.swap_remove(2)
}

/// `factor,score`, KF-2 twice (lines 2 and 3) and the unknown KF-99 (line 4).
fn survey_with_problems(dir: &Path) -> PathBuf {
    let survey = dir.join("survey.csv");
    fs::write(
        &survey,
        "factor,score\nKF-2,1.5\nKF-2,4\nKF-99,3\nKF-3,80%\n",
    )
    .unwrap();
    survey
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap_or_default()
}

#[test]
fn report_names_duplicate_and_unknown_survey_rows_on_stderr_and_in_the_pdf() {
    let dir = TempDir::new().unwrap();
    let survey = survey_with_problems(dir.path());
    let out = servstd()
        .arg("report")
        .arg(record())
        .arg("--survey")
        .arg(&survey)
        .args(["--lang", "en", "-o", "-"])
        .output()
        .unwrap();
    // Warnings: the report is still made.
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("survey.csv:3:1: warning: KF-2 is given again (first on line 2)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("survey.csv:4:1: warning: KF-99 is not a factor of the set"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("warning").count(), 2, "{stderr}");
    let text = pdf_text(&out.stdout);
    let notes = text
        .split("Survey rows not used as written")
        .nth(1)
        .unwrap_or_default();
    assert!(notes.contains("KF-99"), "{text}");
    assert!(notes.contains("given again"), "{text}");
}

#[test]
fn validate_warns_of_duplicate_and_unknown_survey_rows_by_line() {
    let dir = TempDir::new().unwrap();
    let survey = survey_with_problems(dir.path());
    servstd()
        .arg("validate")
        .arg(record())
        .arg("--survey")
        .arg(&survey)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "survey.csv:3:1: warning: KF-2 is given again",
        ))
        .stdout(predicate::str::contains(
            "survey.csv:4:1: warning: KF-99 is not a factor",
        ));
    // Warnings fail a strict run, and JSON stays JSON with the lines.
    servstd()
        .args(["validate", "--strict"])
        .arg(record())
        .arg("--survey")
        .arg(&survey)
        .assert()
        .code(1);
    let out = servstd()
        .args(["validate", "--json"])
        .arg(record())
        .arg("--survey")
        .arg(&survey)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let entry = json
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["file"]
                .as_str()
                .unwrap_or_default()
                .ends_with("survey.csv")
        })
        .expect("an entry for the survey");
    let lines: Vec<_> = entry["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3, 4]);

    // A clean survey gives no warning.
    fs::write(&survey, "KF-2,4\nKF-3,3\n").unwrap();
    servstd()
        .args(["validate", "--strict"])
        .arg(record())
        .arg("--survey")
        .arg(&survey)
        .assert()
        .success()
        .stdout(predicate::str::contains("survey.csv").not());
}

#[test]
fn survey_warnings_speak_the_users_language() {
    let dir = TempDir::new().unwrap();
    let survey = survey_with_problems(dir.path());
    for (lang, word) in [("zh_CN.UTF-8", "重复出现"), ("zh_TW.UTF-8", "重複出現")] {
        servstd()
            .env("LC_ALL", lang)
            .arg("validate")
            .arg(record())
            .arg("--survey")
            .arg(&survey)
            .assert()
            .success()
            .stdout(predicate::str::contains(word));
    }
}

#[test]
fn a_bad_first_row_is_data_and_an_error_not_a_header() {
    let dir = TempDir::new().unwrap();
    let survey = dir.path().join("survey.csv");
    // A score that is not a number, and a decimal comma under `;`.
    for text in ["KF-2,nine\nKF-3,4\n", "KF-2;4,5\nKF-3;4\n"] {
        fs::write(&survey, text).unwrap();
        servstd()
            .arg("report")
            .arg(record())
            .arg("--survey")
            .arg(&survey)
            .args(["-o", "-"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("survey.csv:1:1: error: "));
        servstd()
            .arg("validate")
            .arg(record())
            .arg("--survey")
            .arg(&survey)
            .assert()
            .code(2)
            .stdout(predicate::str::contains("survey.csv:1:1: error: "));
    }
    // A real header is still skipped, in any language.
    for header in ["factor,score", "Factor ID;Score (1-5)", "要素,分数"] {
        let delimiter = if header.contains(';') { ';' } else { ',' };
        fs::write(&survey, format!("{header}\nKF-2{delimiter}4\n")).unwrap();
        servstd()
            .args(["validate", "--strict"])
            .arg(record())
            .arg("--survey")
            .arg(&survey)
            .assert()
            .success();
    }
}
