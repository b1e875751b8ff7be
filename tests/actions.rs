//! Corrective actions end to end: the files beside the records, `validate`,
//! `servstd actions`, repeat failures and the report's actions.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

mod run;
use run::servstd;

/// The restaurant sample with its records, actions and photos, in a folder of its own.
fn samples() -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("photos")).unwrap();
    for entry in fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    for entry in fs::read_dir("standards/photos").unwrap() {
        let path = entry.unwrap().path();
        fs::copy(
            &path,
            dir.path().join("photos").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

fn at(dir: &TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

fn records(dir: &TempDir) -> Vec<PathBuf> {
    ["08", "09", "10"]
        .iter()
        .map(|m| at(dir, &format!("restaurant-2026-{m}.inspection.ron")))
        .collect()
}

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn the_sample_actions_are_valid_canonical_and_survive_formatting_their_records() {
    let dir = samples();
    for m in ["08", "09", "10"] {
        let actions = at(&dir, &format!("restaurant-2026-{m}.actions.ron"));
        servstd()
            .args(["validate", "--strict"])
            .arg(&actions)
            .assert()
            .code(0);
        servstd()
            .args(["fmt", "--check"])
            .arg(&actions)
            .assert()
            .code(0);
    }
    let before = fs::read(at(&dir, "restaurant-2026-10.actions.ron")).unwrap();
    // Re-saving a record (fmt rewrites it) never touches its actions.
    let record = at(&dir, "restaurant-2026-10.inspection.ron");
    let text = fs::read_to_string(&record).unwrap();
    fs::write(&record, text.replace("    ", "  ")).unwrap();
    servstd().arg("fmt").arg(&record).assert().code(0);
    assert_eq!(
        fs::read(at(&dir, "restaurant-2026-10.actions.ron")).unwrap(),
        before
    );
}

#[test]
fn a_missing_photo_an_escaping_path_and_an_unknown_standard_are_reported_at_their_line() {
    let dir = samples();
    let path = at(&dir, "restaurant-2026-08.actions.ron");
    let text = fs::read_to_string(&path).unwrap();
    let broken = text
        .replacen("standard: \"S-30\"", "standard: \"S-300\"", 1)
        .replacen("photos/2026-08-a1-phone-light.jpg", "../../etc/passwd", 1)
        .replacen("photos/2026-08-a2-kitchen-board.jpg", "photos/gone.jpg", 1);
    fs::write(&path, &broken).unwrap();
    let line_of = |needle: &str| broken.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let out = stdout(servstd().arg("validate").arg(&path), 1);
    let file = path.display().to_string();
    assert!(
        out.contains(&format!(
            "{file}:{}:13: error: A-3: the set has no standard S-300; the action is kept",
            line_of("S-300")
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{file}:{}:17: error: A-1: the photo “../../etc/passwd” climbs out",
            line_of("photos: [")
        )),
        "{out}"
    );
    assert!(
        out.contains("warning: A-2: the photo “photos/gone.jpg” is not there"),
        "{out}"
    );
    // The unknown standard's action is still in the file, and still listed.
    let listed = stdout(
        servstd()
            .args(["actions", "--format", "json"])
            .arg(&records(&dir)[0]),
        0,
    );
    assert!(listed.contains("\"standard\": \"S-300\""));
}

#[test]
fn open_and_overdue_actions_are_listed_with_repeat_failures() {
    let dir = samples();
    let all = records(&dir);
    let out = stdout(
        servstd()
            .args([
                "actions",
                "--overdue",
                "--on",
                "2026-12-01",
                "--format",
                "json",
            ])
            .args(&all),
        0,
    );
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let listed: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            let record = Path::new(r["record"].as_str().unwrap())
                .file_name()
                .unwrap();
            (
                record.to_string_lossy().into_owned(),
                r["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("restaurant-2026-09.inspection.ron".into(), "A-7".into()),
            ("restaurant-2026-09.inspection.ron".into(), "A-8".into()),
            ("restaurant-2026-10.inspection.ron".into(), "A-10".into()),
            ("restaurant-2026-10.inspection.ron".into(), "A-12".into()),
        ]
    );
    // S-41 failed in September and again in October at the same site.
    assert!(rows.iter().all(|r| r["repeat"] == true), "{out}");
    let open = stdout(
        servstd()
            .args(["actions", "--open", "--on", "2026-12-01"])
            .args(&all),
        0,
    );
    assert!(open.contains("5 actions"), "{open}");
    let csv = stdout(servstd().args(["actions", "--format", "csv"]).args(&all), 0);
    assert_eq!(
        csv.lines().count(),
        1 + 12,
        "a header and the 12 sample actions"
    );
    assert!(csv.starts_with("\u{feff}record,site,"));
}

#[test]
fn a_what_that_starts_like_a_formula_is_neutralised_in_csv() {
    let dir = samples();
    let path = at(&dir, "restaurant-2026-10.actions.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("what: \"顾客招手", "what: \"=HYPERLINK(1)顾客招手", 1),
    )
    .unwrap();
    let csv = stdout(
        servstd()
            .args(["actions", "--format", "csv"])
            .arg(&records(&dir)[2]),
        0,
    );
    assert!(csv.contains("'=HYPERLINK(1)"), "{csv}");
}

#[test]
fn the_report_marks_repeat_failures_and_lists_the_actions() {
    let dir = samples();
    let out = at(&dir, "report.pdf");
    servstd()
        .env("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
        .args(["report", "--lang", "en", "-o"])
        .arg(&out)
        .args(records(&dir))
        .assert()
        .code(0);
    let doc = lopdf::Document::load_mem(&fs::read(&out).unwrap()).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    assert!(text.contains("Corrective actions"), "{text}");
    assert!(text.contains("(repeat)"));
    assert!(
        text.contains("A-12 · 收银员 · due 2026-11-06 · open (OVERDUE)"),
        "{text}"
    );
    // Earlier inspections' actions still open are listed under their date.
    assert!(text.contains("2026-09-18 19:00 · 悦味餐厅 徐汇店"));
    // The latest inspection's two evidence photos, embedded as the JPEGs they are.
    let jpegs: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Filter").and_then(lopdf::Object::as_name).ok() == Some(b"DCTDecode")
        })
        .collect();
    assert_eq!(jpegs.len(), 2);
    let on_disk = fs::read(at(&dir, "photos/2026-10-s36-bin.jpg")).unwrap();
    assert!(
        jpegs.iter().any(|s| s.content == on_disk),
        "the bytes as they are"
    );
}

#[test]
fn a_photo_outside_the_folder_is_never_embedded() {
    let dir = samples();
    let outside = TempDir::new().unwrap();
    let secret = outside.path().join("secret.jpg");
    // A photo no record of the folder names: only a read of the secret path could embed it.
    fs::copy(at(&dir, "photos/2026-08-a1-phone-light.jpg"), &secret).unwrap();
    let record = at(&dir, "restaurant-2026-10.inspection.ron");
    let text = fs::read_to_string(&record).unwrap();
    fs::write(
        &record,
        text.replace("photos/2026-10-s36-bin.jpg", &secret.display().to_string()),
    )
    .unwrap();
    let out = at(&dir, "report.pdf");
    // An absolute evidence path is a record error: the report refuses or
    // leaves it out, and never reads it.
    let _ = servstd()
        .args(["report", "-o"])
        .arg(&out)
        .args(records(&dir))
        .assert();
    if out.exists() {
        let bytes = fs::read(&out).unwrap();
        let secret_bytes = fs::read(&secret).unwrap();
        let middle = &secret_bytes[2000..2064];
        assert!(!bytes.windows(64).any(|w| w == middle));
    }
}

#[test]
fn a_damaged_actions_file_stops_the_report_rather_than_dropping_its_actions() {
    let dir = samples();
    fs::write(
        at(&dir, "restaurant-2026-10.actions.ron"),
        "Actions(format: 1, record: ",
    )
    .unwrap();
    servstd()
        .args(["report", "-o"])
        .arg(at(&dir, "r.pdf"))
        .args(records(&dir))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "restaurant-2026-10.actions.ron:1:",
        ));
    assert!(!at(&dir, "r.pdf").exists());
}

/// The text of a part of a workbook (a zip of XML parts).
fn workbook_part(path: &Path, part: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(part)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn actions_go_to_a_workbook_in_the_sets_language_and_only_with_a_file_named() {
    let dir = samples();
    let all = records(&dir);
    // A workbook is not written to a terminal: it needs -o, and nothing is written.
    servstd()
        .current_dir(dir.path())
        .args(["actions", "--format", "xlsx"])
        .args(&all)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output"));
    let out = at(&dir, "actions.xlsx");
    servstd()
        .args(["actions", "--format", "xlsx", "--on", "2026-12-01", "-o"])
        .arg(&out)
        .args(&all)
        .assert()
        .success();
    let strings = workbook_part(&out, "xl/sharedStrings.xml");
    // Headings, status, priority and flags in the set's language (zh-CN).
    for word in [
        "整改内容",
        "负责人",
        "已验证",
        "无法完成",
        "紧急",
        "已逾期",
        "重复发生",
    ] {
        assert!(strings.contains(word), "{word} in the workbook");
    }
    let sheet = workbook_part(&out, "xl/worksheets/sheet1.xml");
    assert_eq!(
        sheet.matches("<row ").count(),
        1 + 12,
        "a heading row and the 12 sample actions"
    );
    assert!(workbook_part(&out, "xl/workbook.xml").contains("name=\"整改\""));
    // The same rows as the CSV, which keeps the keys for scripts.
    let csv = stdout(servstd().args(["actions", "--format", "csv"]).args(&all), 0);
    assert!(csv.contains(",verified,") && !csv.contains("已验证"));
}

#[test]
fn the_actions_workbook_speaks_english_when_asked() {
    let dir = samples();
    let out = at(&dir, "actions-en.xlsx");
    servstd()
        .args(["actions", "--format", "xlsx", "--lang", "en", "-o"])
        .arg(&out)
        .args(records(&dir))
        .assert()
        .success();
    let strings = workbook_part(&out, "xl/sharedStrings.xml");
    assert!(strings.contains("What to do"));
    assert!(strings.contains("can't do") || strings.contains("can&apos;t do"));
    assert!(!strings.contains("整改内容"));
}
