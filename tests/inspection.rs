//! Inspection records end to end: validate, report as PDF/CSV/XLSX, parsed back.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tempfile::TempDir;

mod run;
use run::servstd;

fn samples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("standards");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".inspection.ron"))
        .collect();
    files.sort();
    files
}

/// A copy of the restaurant set and one sample inspection in a temporary folder.
fn copy_pair(dir: &Path) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("standards");
    fs::copy(
        root.join("restaurant.standards.ron"),
        dir.join("restaurant.standards.ron"),
    )
    .unwrap();
    let record = dir.join("visit.inspection.ron");
    fs::copy(&samples()[0], &record).unwrap();
    record
}

#[test]
fn the_sample_inspections_validate_and_are_canonical() {
    let files = samples();
    assert!(files.len() >= 3);
    servstd()
        .arg("validate")
        .arg("--strict")
        .args(&files)
        .assert()
        .success()
        .stdout(predicate::str::contains("score 92%").and(predicate::str::contains("Pass;")))
        .stdout(predicate::str::contains("Fail: a critical standard failed"));
    servstd()
        .arg("fmt")
        .arg("--check")
        .args(&files)
        .assert()
        .success();
}

#[test]
fn a_verdict_for_an_unknown_standard_is_reported_by_id_with_its_line() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let text = fs::read_to_string(&record).unwrap();
    let text = text.replacen("standard: \"S-2\"", "standard: \"S-404\"", 1);
    fs::write(&record, &text).unwrap();
    let line = text.lines().position(|l| l.contains("S-404")).unwrap() + 1;
    servstd()
        .arg("validate")
        .arg(&record)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "visit.inspection.ron:{line}:"
        )))
        .stdout(predicate::str::contains(
            "error: S-404: the set has no standard with this ID; the verdict is not scored",
        ));
}

#[test]
fn a_changed_revision_is_noted_and_a_missing_set_is_unreadable() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let set = dir.path().join("restaurant.standards.ron");
    let text = fs::read_to_string(&set).unwrap();
    fs::write(
        &set,
        text.replacen("revision: \"2.1\"", "revision: \"2.2\"", 1),
    )
    .unwrap();
    servstd()
        .arg("validate")
        .arg(&record)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning: inspected against revision 2.1; the set is now revision 2.2",
        ));
    servstd()
        .args(["validate", "--strict"])
        .arg(&record)
        .assert()
        .code(1);

    // With the set gone the record cannot be checked, even though a built-in
    // template has the same title: never a quiet fallback.
    fs::remove_file(&set).unwrap();
    servstd()
        .arg("validate")
        .arg(&record)
        .assert()
        .code(2)
        .stdout(predicate::str::is_match(r"visit\.inspection\.ron:\d+:\d+: error: the standards set “悦味餐厅服务标准” is not at restaurant\.standards\.ron").unwrap());
    servstd()
        .args(["report", "-o", "-"])
        .arg(&record)
        .assert()
        .code(2);
}

#[test]
fn a_record_never_opens_a_set_outside_its_world() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let text = fs::read_to_string(&record).unwrap();
    for (path, says) in [
        ("/etc/shadow", "is absolute"),
        ("/proc/self/environ", "is absolute"),
        ("../../../etc/passwd", "does not name a .standards.ron file"),
        ("notes.txt", "does not name a .standards.ron file"),
    ] {
        fs::write(
            &record,
            text.replacen(
                "path: \"restaurant.standards.ron\"",
                &format!("path: \"{path}\""),
                1,
            ),
        )
        .unwrap();
        let out = servstd().arg("validate").arg(&record).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{path}: {stdout}");
        assert!(stdout.contains(says), "{path}: {stdout}");
        assert!(!stdout.contains("root:"), "nothing of the file is shown");
    }
}

#[test]
fn a_broken_record_gives_file_line_and_column_and_is_left_alone() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let text = fs::read_to_string(&record).unwrap();
    let broken = text.replacen("verdict: Pass", "verdict: Maybe", 1);
    fs::write(&record, &broken).unwrap();
    servstd()
        .arg("fmt")
        .arg(&record)
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"visit\.inspection\.ron:\d+:\d+: error: ").unwrap());
    assert_eq!(fs::read_to_string(&record).unwrap(), broken);
}

fn pdf_text(bytes: &[u8]) -> (usize, String) {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    (pages.len(), doc.extract_text(&pages).unwrap_or_default())
}

#[test]
fn the_report_pdf_has_scores_failures_notes_and_the_quadrant() {
    let out = servstd()
        .arg("report")
        .args(samples())
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (pages, text) = pdf_text(&out.stdout);
    assert!(pages >= 5, "{pages} pages");
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for expected in [
        "历次检查汇总",
        "检查报告",
        "70%",
        "77%",
        "92%",
        "不合格：有关键标准不合格",
        "各接触点合格率",
        "C区招手约45秒才到桌",
        "应优先重视",
        "督导李娜",
    ] {
        assert!(
            compact.contains(expected),
            "{expected} missing from the report"
        );
    }

    // English labels on request; one record gives no summary page.
    let out = servstd()
        .arg("report")
        .arg(&samples()[2])
        .args(["--lang", "en", "--paper", "letter", "-o", "-"])
        .output()
        .unwrap();
    let (_, text) = pdf_text(&out.stdout);
    assert!(text.contains("Inspection report") && text.contains("Pass rate by contact point"));
    assert!(!text.contains("Summary of inspections"));
}

#[test]
fn the_report_spreadsheets_have_one_row_per_verdict() {
    let dir = TempDir::new().unwrap();
    let csv = dir.path().join("r.csv");
    servstd()
        .arg("report")
        .args(samples())
        .args(["--format", "csv", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let text = fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    // 55 standards in scope in each of three inspections, plus the header.
    assert_eq!(text.lines().count(), 3 * 55 + 1);
    assert!(text.contains("2026-10-23 12:15,悦味餐厅 徐汇店,督导 李娜"));
    assert!(text.contains(",S-1,电话铃响三声内接听,程序,,不合格,"));

    let xlsx = dir.path().join("r.xlsx");
    servstd()
        .arg("report")
        .args(samples())
        .args(["--format", "xlsx", "-o"])
        .arg(&xlsx)
        .assert()
        .success();
    assert!(fs::read(&xlsx).unwrap().starts_with(b"PK"));
}

#[test]
fn survey_scores_feed_the_quadrant_and_bad_lines_are_named() {
    let dir = TempDir::new().unwrap();
    let survey = dir.path().join("survey.csv");
    fs::write(&survey, "factor,score\nKF-2,1.5\n").unwrap();
    let out = servstd()
        .arg("report")
        .arg(&samples()[2])
        .arg("--survey")
        .arg(&survey)
        .args(["--lang", "en", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let (_, text) = pdf_text(&out.stdout);
    let fix_first = text.split("Fix first").last().unwrap_or_default();
    assert!(
        fix_first.contains("KF-2"),
        "KF-2 is not in the fix-first list"
    );

    fs::write(&survey, "KF-2,1.5\nKF-3,lots\n").unwrap();
    servstd()
        .arg("report")
        .arg(&samples()[2])
        .arg("--survey")
        .arg(&survey)
        .args(["-o", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("survey.csv:2:1: error: "));
}

#[test]
fn report_page_breaks_inside_the_matrix_and_the_bar_chart_drop_no_contact_point() {
    use servstd::core::inspection::{Entry, Inspection, Verdict};
    use servstd::export::report::{Reported, pdf};
    // 60 contact points: the pass-rate matrix and each bar chart run over pages.
    let mut set = servstd::core::synth::generated_set(6000);
    for (i, cp) in set.contact_points.iter_mut().enumerate() {
        cp.name = format!("Zone{i:02}x");
        cp.steps.truncate(1);
        cp.steps[0].factors.truncate(1);
        cp.steps[0].factors[0].standards.truncate(2);
    }
    assert_eq!(set.contact_points.len(), 60);
    let records: Vec<Inspection> = (1..=2)
        .map(|day| {
            let when = jiff::civil::date(2026, 10, day).at(9, 0, 0, 0);
            let mut r = Inspection::new(&set, None, std::path::Path::new("x.inspection.ron"), when);
            r.site = "Site".into();
            r.inspector = "Ann".into();
            r.verdicts = set
                .standards()
                .map(|(_, s)| Entry {
                    standard: s.id.clone(),
                    verdict: Verdict::Pass,
                    note: String::new(),
                    evidence: None,
                    photos: Vec::new(),
                })
                .collect();
            r
        })
        .collect();
    let reports: Vec<_> = records
        .iter()
        .map(|inspection| Reported {
            set: &set,
            inspection,
            actions: &[],
            photos: &[],
        })
        .collect();
    let bytes = pdf(
        &reports,
        &std::collections::HashMap::new(),
        &[],
        servstd::export::Paper::A4,
        servstd::core::model::Language::En,
        None,
    )
    .unwrap();
    let (_, text) = pdf_text(&bytes);
    let counts: Vec<usize> = (0..60)
        .map(|i| text.matches(&format!("Zone{i:02}x")).count())
        .collect();
    // Once in the matrix and once in each inspection's bar chart.
    assert!(
        counts.iter().all(|&c| c == 3),
        "each contact point should appear 3 times: {counts:?}"
    );
}

#[test]
fn report_fails_the_run_when_a_record_has_errors_but_still_writes() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let text = fs::read_to_string(&record).unwrap();
    fs::write(
        &record,
        text.replacen("standard: \"S-1\"", "standard: \"S-999\"", 1),
    )
    .unwrap();
    let out = dir.path().join("report.csv");
    servstd()
        .args(["report", "--format", "csv", "-o"])
        .arg(&out)
        .arg(&record)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("S-999"));
    assert!(out.exists());
}

/// A JPEG of the sample photos, that prints.
fn sample_photo() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("standards/photos");
    let mut jpegs: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    jpegs.sort();
    jpegs.remove(0)
}

/// The record of `copy_pair` with evidence `path` on its first verdict.
fn with_evidence(record: &Path, path: &str) {
    let text = fs::read_to_string(record).unwrap();
    let text = text.replacen(
        "verdict: Pass,",
        &format!("verdict: Pass,\n            evidence: \"{path}\","),
        1,
    );
    fs::write(record, text).unwrap();
}

#[test]
fn evidence_outside_the_records_folder_is_an_error_at_its_line_and_never_read() {
    let dir = TempDir::new().unwrap();
    let outside = TempDir::new().unwrap();
    fs::write(outside.path().join("secret.txt"), "root:x:0:0").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("link.jpg"),
    )
    .unwrap();
    let cases = [
        ("/etc/passwd", "is absolute"),
        ("../../etc/passwd", "climbs out of the record's folder"),
        ("link.jpg", "is a link that leads out"),
        ("photos", "is not a regular file"),
    ];
    fs::create_dir(dir.path().join("photos")).unwrap();
    for (path, says) in cases {
        let record = copy_pair(dir.path());
        with_evidence(&record, path);
        let line = fs::read_to_string(&record)
            .unwrap()
            .lines()
            .position(|l| l.contains("evidence:"))
            .unwrap()
            + 1;
        let out = servstd().arg("validate").arg(&record).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{path}: {stdout}");
        assert!(stdout.contains(says), "{path}: {stdout}");
        assert!(
            stdout.contains(&format!("visit.inspection.ron:{line}:13: error: ")),
            "{path} at line {line}: {stdout}"
        );
        assert!(!stdout.contains("root:x"), "nothing of the file is shown");
        // The report refuses to count such a record as clean, too.
        let report = servstd()
            .arg("report")
            .arg(&record)
            .args(["-o", "-"])
            .output()
            .unwrap();
        assert_ne!(report.status.code(), Some(0), "{path}");
    }
}

#[test]
fn each_evidence_error_points_at_its_own_entry() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let text = fs::read_to_string(&record).unwrap();
    // The same escaping path on every passed standard.
    fs::write(
        &record,
        text.replace(
            "verdict: Pass,",
            "verdict: Pass,\n            evidence: \"../x.jpg\",",
        ),
    )
    .unwrap();
    let written = fs::read_to_string(&record).unwrap();
    let lines: Vec<usize> = written
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("evidence:"))
        .map(|(i, _)| i + 1)
        .collect();
    let out = servstd().arg("validate").arg(&record).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let reported: Vec<usize> = stdout
        .lines()
        .filter(|l| l.contains("climbs out"))
        .map(|l| l.split(':').nth(1).unwrap().parse().unwrap())
        .collect();
    assert!(lines.len() > 10);
    assert_eq!(reported, lines, "{stdout}");
}

#[test]
fn a_missing_evidence_file_is_a_warning_and_one_inside_is_fine() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    with_evidence(&record, "photos/s-2.jpg");
    let out = servstd().arg("validate").arg(&record).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("warning: S-2: the evidence file"),
        "{stdout}"
    );
    fs::create_dir(dir.path().join("photos")).unwrap();
    // A real photo: a truncated one is a warning of its own (the report
    // leaves it out).
    fs::copy(sample_photo(), dir.path().join("photos/s-2.jpg")).unwrap();
    let out = servstd()
        .args(["validate", "--strict"])
        .arg(&record)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn records_kept_apart_find_their_set_with_sets_dir() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let sets = dir.path().join("sets");
    let records = dir.path().join("site-a");
    fs::create_dir(&sets).unwrap();
    fs::create_dir(&records).unwrap();
    fs::rename(
        dir.path().join("restaurant.standards.ron"),
        sets.join("restaurant.standards.ron"),
    )
    .unwrap();
    let moved = records.join("visit.inspection.ron");
    fs::rename(&record, &moved).unwrap();
    // Without --sets the set is missing: exit 2, never a quiet fallback.
    servstd().arg("validate").arg(&moved).assert().code(2);
    servstd()
        .arg("validate")
        .arg("--sets")
        .arg(&sets)
        .arg(&moved)
        .assert()
        .code(0);
    servstd()
        .arg("report")
        .arg("--sets")
        .arg(&sets)
        .arg(&moved)
        .args(["-o", "-"])
        .assert()
        .code(0);
}

#[test]
fn a_note_past_its_length_is_an_error_and_no_report_is_written() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let text = fs::read_to_string(&record).unwrap();
    let long = "很".repeat(servstd::core::model::limits::TEXT_CHARS + 1);
    let i = text.find("note: \"").unwrap() + "note: \"".len();
    fs::write(&record, format!("{}{long}{}", &text[..i], &text[i..])).unwrap();
    let out = servstd().arg("validate").arg(&record).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("characters long; at most 2000"), "{stdout}");
    let note_line = fs::read_to_string(&record)
        .unwrap()
        .lines()
        .position(|l| l.contains(&long))
        .unwrap()
        + 1;
    assert!(
        stdout.contains(&format!("visit.inspection.ron:{note_line}:13: error: ")),
        "the note's own line {note_line}: {stdout}"
    );
    let report = dir.path().join("report.pdf");
    servstd()
        .arg("report")
        .arg(&record)
        .arg("-o")
        .arg(&report)
        .assert()
        .code(2);
    assert!(!report.exists());
}

#[cfg(unix)]
#[test]
fn a_survey_that_is_a_device_is_refused_at_once_not_read_forever() {
    // /dev/zero never ends: read, it grew to gigabytes in seconds.
    let out = servstd()
        .arg("report")
        .args(samples())
        .args(["--survey", "/dev/zero", "-o", "-"])
        .timeout(std::time::Duration::from_secs(10))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("/dev/zero: error: this is a device"),
        "{stderr}"
    );
}

#[test]
fn photos_the_report_leaves_out_are_warnings_in_validate_and_lines_from_report() {
    let dir = TempDir::new().unwrap();
    let record = copy_pair(dir.path());
    let photos = dir.path().join("photos");
    fs::create_dir(&photos).unwrap();
    let good = fs::read(sample_photo()).unwrap();
    // Truncated, not an image, over the size limit; one that prints.
    let mut png = Vec::new();
    image::RgbImage::from_pixel(64, 64, image::Rgb([200, 30, 30]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    fs::write(photos.join("cut.png"), &png[..png.len() / 2]).unwrap();
    fs::write(photos.join("text.png"), b"not a picture at all").unwrap();
    let big = fs::File::create(photos.join("big.jpg")).unwrap();
    big.set_len(16 * 1024 * 1024).unwrap();
    fs::write(photos.join("good.jpg"), &good).unwrap();
    let text = fs::read_to_string(&record).unwrap();
    let text = text.replacen(
        "verdict: Pass,",
        "verdict: Pass,\n            photos: [\"photos/cut.png\", \"photos/text.png\", \"photos/big.jpg\", \"photos/good.jpg\"],",
        1,
    );
    fs::write(&record, text).unwrap();

    let out = servstd().arg("validate").arg(&record).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    for path in ["photos/cut.png", "photos/text.png", "photos/big.jpg"] {
        assert!(
            stdout.lines().any(|l| l.contains("visit.inspection.ron:")
                && l.contains(": warning: S-")
                && l.contains(&format!("the photo “{path}” cannot be printed"))),
            "{path} is not named: {stdout}"
        );
    }
    assert!(!stdout.contains("photos/good.jpg"), "{stdout}");
    servstd()
        .args(["validate", "--strict"])
        .arg(&record)
        .assert()
        .code(1);

    let out = servstd()
        .arg("report")
        .arg(&record)
        .args(["--lang", "en", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("cannot be printed").count(), 3, "{stderr}");
    assert!(stderr.contains("photos/big.jpg"), "{stderr}");
    let (_, text) = pdf_text(&out.stdout);
    let listed = text.split("Photos left out").nth(1).unwrap_or_default();
    assert!(
        listed.contains("cut.png") && listed.contains("text.png"),
        "{text}"
    );
}
