//! The customer survey end to end: a plan beside the set, the questionnaire
//! (every factor, in journey order, in three languages, boxes for a pen),
//! the response template, 1,000 generated responses whose figures are
//! computed by hand here, a malformed file named row by row, and the
//! report's survey section.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use servstd::core::model::{Language, StandardsSet};
use servstd::core::storage;
use servstd::core::survey::{Questionnaire, SurveyPlan};
use servstd::export::layout::Item;
use tempfile::TempDir;

mod run;
use run::servstd;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("standards")
        .join(name)
}

/// A copy of a sample set in a fresh folder (the plan is written beside it).
fn set_in(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    fs::copy(sample(name), &to).unwrap();
    to
}

fn load(path: &Path) -> StandardsSet {
    storage::load::<StandardsSet>(path).unwrap().document
}

fn factor_ids(set: &StandardsSet) -> Vec<String> {
    set.contact_points
        .iter()
        .flat_map(|cp| &cp.steps)
        .flat_map(|s| &s.factors)
        .map(|f| f.id.clone())
        .collect()
}

/// Respondent `i`'s answers, chosen so that the figures can be worked out
/// by hand (see the test below).
fn answers(i: usize, factors: &[String]) -> Vec<String> {
    let group = if i.is_multiple_of(4) {
        "immediate"
    } else {
        "overall"
    };
    let period = if i < 500 { "2026-10" } else { "2026-11" };
    let mut row = vec![format!("R{i:04}"), group.to_owned(), period.to_owned()];
    for (k, _) in factors.iter().enumerate() {
        let (imp, sat) = if k == 0 {
            // KF-1: importance 5 or 3 alternately; satisfaction 5, 4, 3
            // or 1 in the proportions 4 : 3 : 2 : 1.
            let sat = match i % 10 {
                0..=3 => 5,
                4..=6 => 4,
                7 | 8 => 3,
                _ => 1,
            };
            (if i.is_multiple_of(2) { 5 } else { 3 }, sat)
        } else {
            // Every other factor: 1, 2, 3, 4, 5 in turn.
            (4, 1 + i % 5)
        };
        row.push(imp.to_string());
        row.push(sat.to_string());
    }
    let nps = if i < 500 {
        match i % 20 {
            0..=8 => 9 + i % 2,
            9..=13 => 7 + i % 2,
            _ => i % 7,
        }
    } else {
        match i % 20 {
            0..=11 => 10,
            12..=15 => 8,
            _ => 3,
        }
    };
    row.push(nps.to_string());
    row.push(if i.is_multiple_of(100) {
        format!("\"Note, from {i}\"")
    } else {
        String::new()
    });
    row
}

fn responses_csv(set: &StandardsSet, n: usize) -> String {
    let q = Questionnaire::new(set, &SurveyPlan::default(), &[]);
    let factors: Vec<String> = q.factors().map(|f| f.factor.clone()).collect();
    let mut text = q.column_ids().join(",");
    text.push('\n');
    for i in 0..n {
        let _ = writeln!(text, "{}", answers(i, &factors).join(","));
    }
    text
}

fn import_json(responses: &Path, set: &Path) -> serde_json::Value {
    let out = servstd()
        .args(["survey", "import"])
        .arg(responses)
        .arg("--set")
        .arg(set)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn close(a: &serde_json::Value, b: f64) {
    let a = a.as_f64().unwrap_or(f64::NAN);
    assert!((a - b).abs() < 1e-6, "{a} is not {b}");
}

/// The figures of the 1,000 responses, worked out by hand.
fn check_thousand(json: &serde_json::Value) {
    assert_eq!(json["respondents"], 1000);
    // NPS. First 500: of each 20, 9 promoters (0–8), 5 passives (9–13),
    // 6 detractors (14–19): 225, 125, 150. Last 500: 12, 4, 4 of each 20:
    // 300, 100, 100. Together 525, 225, 250: (525 − 250) / 1000 = 27.5.
    let nps = &json["nps"];
    assert_eq!(
        (&nps["promoters"], &nps["passives"], &nps["detractors"]),
        (&525.into(), &225.into(), &250.into())
    );
    close(&nps["score"], 27.5);
    // The trend: 2026-10 (225 − 150) / 500 = 15, 2026-11 (300 − 100) / 500 = 40.
    let trend = json["trend"].as_array().unwrap();
    assert_eq!(trend.len(), 2);
    assert_eq!(trend[0]["period"], "2026-10");
    close(&trend[0]["nps"]["score"], 15.0);
    close(&trend[1]["nps"]["score"], 40.0);
    // Groups: every fourth is "immediate": 250, the rest 750.
    let groups = json["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["group"], "overall");
    assert_eq!(groups[0]["respondents"], 750);
    assert_eq!(groups[1]["respondents"], 250);
    // KF-1: 400 fives, 300 fours, 200 threes, 100 ones.
    let kf1 = &json["factors"][0];
    assert_eq!(kf1["n"], 1000);
    close(
        &kf1["satisfaction"],
        (400.0 * 5.0 + 300.0 * 4.0 + 200.0 * 3.0 + 100.0) / 1000.0,
    );
    close(&kf1["top_box"], 0.4);
    close(&kf1["share_4"], 0.3);
    close(&kf1["importance"], 4.0);
    // Squares about 3.9: 400 × 1.21 + 300 × 0.01 + 200 × 0.81 + 100 × 8.41
    // = 1490; over 999; t for 999 degrees of freedom by its first
    // Cornish–Fisher term: 1.959964 + (1.959964³ + 1.959964) / 3996.
    let sd = (1490.0f64 / 999.0).sqrt();
    let z = 1.959_964f64;
    let t = z + (z * z * z + z) / (4.0 * 999.0);
    let half = t * sd / 1000f64.sqrt();
    close(&kf1["ci95"][0], 3.9 - half);
    close(&kf1["ci95"][1], 3.9 + half);
    assert!((half - 0.0758).abs() < 0.0005, "{half}");
    // Every other factor: 200 of each score 1–5: mean 3, 20 % top box.
    let kf2 = &json["factors"][1];
    close(&kf2["satisfaction"], 3.0);
    close(&kf2["top_box"], 0.2);
    close(&kf2["share_4"], 0.2);
    close(&kf2["importance"], 4.0);
    // The satisfaction index: KF-1 (importance 4, satisfaction 3.9 → 72.5)
    // and 20 factors at importance 4, satisfaction 3 (50), all weighted
    // alike: (72.5 + 20 × 50) / 21.
    close(&json["csi"], (72.5 + 20.0 * 50.0) / 21.0);
    assert!(json["issues"].as_array().unwrap().is_empty(), "{json}");
}

#[test]
fn a_thousand_responses_give_the_figures_worked_out_by_hand_from_csv_and_xlsx() {
    let dir = TempDir::new().unwrap();
    let set_path = set_in(dir.path(), "restaurant.standards.ron");
    servstd()
        .args(["survey", "plan"])
        .arg(&set_path)
        .args(["--purpose", "overall", "--purpose", "immediate"])
        .assert()
        .success();
    let set = load(&set_path);
    let csv = dir.path().join("responses.csv");
    fs::write(&csv, responses_csv(&set, 1000)).unwrap();
    check_thousand(&import_json(&csv, &set_path));

    // The same answers in a workbook, numbers as numbers.
    let q = Questionnaire::new(&set, &SurveyPlan::default(), &[]);
    let factors: Vec<String> = q.factors().map(|f| f.factor.clone()).collect();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, id) in q.column_ids().iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(c).unwrap(), id)
            .unwrap();
    }
    for i in 0..1000 {
        for (c, cell) in answers(i, &factors).iter().enumerate() {
            let (r, c) = (u32::try_from(i + 1).unwrap(), u16::try_from(c).unwrap());
            match cell.parse::<f64>() {
                Ok(v) => sheet.write_number(r, c, v).unwrap(),
                Err(_) => sheet.write_string(r, c, cell.trim_matches('"')).unwrap(),
            };
        }
    }
    let xlsx = dir.path().join("responses.xlsx");
    fs::write(&xlsx, book.save_to_buffer().unwrap()).unwrap();
    check_thousand(&import_json(&xlsx, &set_path));
}

#[test]
fn a_malformed_file_names_every_bad_row_and_column() {
    let dir = TempDir::new().unwrap();
    let set_path = set_in(dir.path(), "restaurant.standards.ron");
    let bad = dir.path().join("bad.csv");
    // Row 1 the header (a Timestamp column no question has, no KF-2.imp);
    // row 3 a satisfaction of 7, row 4 "good", row 5 no respondent, row 6
    // R1 again, row 7 an NPS of 11.
    fs::write(
        &bad,
        "Timestamp,RESPONDENT,KF-1.imp,KF-1.sat,KF-2.sat,NPS\n\
         x,R1,5,5,4,10\n\
         x,R2,4,7,4,9\n\
         x,R3,4,good,4,9\n\
         x,,4,4,4,9\n\
         x,R1,3,3,3,3\n\
         x,R4,4,4,4,11\n",
    )
    .unwrap();
    let out = servstd()
        .args(["survey", "import"])
        .arg(&bad)
        .arg("--set")
        .arg(&set_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "answers were lost: exit 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "bad.csv:1:1: warning: row 1, column A (Timestamp): “Timestamp” is no question",
        "bad.csv:1:1: warning: row 1: no column for KF-2.imp",
        "bad.csv:3:4: error: row 3, column D (KF-1.sat): “7” is outside 1–5",
        "bad.csv:4:4: error: row 4, column D (KF-1.sat): “good” is not a whole number",
        "bad.csv:5:2: error: row 5, column B (RESPONDENT): no respondent ID",
        "bad.csv:6:2: error: row 6, column B (RESPONDENT): respondent R1 already answered on row 2",
        "bad.csv:7:6: error: row 7, column F (NPS): “11” is outside 0–10",
        "4 respondents read",
        "5 answers or rows not used",
    ] {
        assert!(stderr.contains(expected), "{expected}\n---\n{stderr}");
    }
    // Four respondents counted: R1, R2, R3, R4 (R2's and R3's other answers count).
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Respondents: 4"), "{stdout}");
}

/// The malformed answers above in a workbook whose table starts at B3,
/// under a cell of blanks, with an empty row inside it.
fn malformed_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "   ").unwrap();
    let rows: [(u32, [&str; 6]); 7] = [
        (
            2,
            [
                "Timestamp",
                "RESPONDENT",
                "KF-1.imp",
                "KF-1.sat",
                "KF-2.sat",
                "NPS",
            ],
        ),
        (3, ["x", "R1", "5", "5", "4", "10"]),
        (5, ["x", "R2", "4", "7", "4", "9"]),
        (6, ["x", "R3", "4", "good", "4", "9"]),
        (7, ["x", "", "4", "4", "4", "9"]),
        (8, ["x", "R1", "3", "3", "3", "3"]),
        (9, ["x", "R4", "4.0", "4", "4.5", "11"]),
    ];
    for (r, cells) in rows {
        for (c, cell) in cells.iter().enumerate() {
            let c = u16::try_from(c + 1).unwrap();
            match cell.parse::<f64>() {
                _ if cell.is_empty() => continue,
                Ok(v) => sheet.write_number(r, c, v).unwrap(),
                Err(_) => sheet.write_string(r, c, *cell).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

/// `xlsx` with the rows of its first sheet stored last first (as no
/// spreadsheet writes them, but a file may hold them).
fn rows_reversed(xlsx: &[u8]) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut text = Vec::new();
        file.read_to_end(&mut text).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(text).unwrap();
            let start = xml.find("<row ").unwrap();
            let end = xml.find("</sheetData>").unwrap();
            let mut rows: Vec<String> = xml[start..end]
                .split_inclusive("</row>")
                .map(str::to_owned)
                .collect();
            rows.reverse();
            text = format!("{}{}{}", &xml[..start], rows.concat(), &xml[end..]).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_workbook_names_every_bad_row_and_column_wherever_its_table_starts() {
    use servstd::core::survey::{Problem, responses};
    let set = load(&sample("restaurant.standards.ron"));
    let plan = SurveyPlan::default();
    let q = Questionnaire::new(&set, &plan, &[]);
    let dir = TempDir::new().unwrap();
    let book = malformed_workbook();
    let mut read = Vec::new();
    for (name, bytes) in [
        ("in-order.xlsx", book.clone()),
        ("reversed.xlsx", rows_reversed(&book)),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let got = responses::load(&path, &q, &plan).unwrap();
        // Rows and columns as the sheet numbers them: the header on row 3,
        // Timestamp in column B.
        let respondents: Vec<(usize, &str)> = got
            .rows
            .iter()
            .map(|r| (r.row, r.respondent.as_str()))
            .collect();
        assert_eq!(
            respondents,
            [(4, "R1"), (6, "R2"), (7, "R3"), (10, "R4")],
            "{name}"
        );
        assert_eq!(got.rows[3].importance[0], 4, "4.0 is a score of 4");
        assert_eq!(got.rows[0].nps, Some(10));
        let lost: Vec<(usize, Option<usize>, Problem)> = got
            .losses()
            .map(|i| (i.row, i.column, i.problem.clone()))
            .collect();
        let out_of_range = |value: &str, max| Problem::OutOfRange {
            value: value.to_owned(),
            min: u8::from(max == 5),
            max,
        };
        assert_eq!(
            lost,
            [
                (6, Some(4), out_of_range("7", 5)),
                (
                    7,
                    Some(4),
                    Problem::NotAScore {
                        value: "good".into()
                    }
                ),
                (8, Some(2), Problem::NoRespondent),
                (
                    9,
                    Some(2),
                    Problem::Duplicate {
                        id: "R1".into(),
                        first_row: 4
                    }
                ),
                (
                    10,
                    Some(5),
                    Problem::NotAScore {
                        value: "4.5".into()
                    }
                ),
                (10, Some(6), out_of_range("11", 10)),
            ],
            "{name}"
        );
        // The header's own issues are said on row 1 whatever row it is on,
        // as the reader always has (CSV and workbooks alike).
        assert!(got.issues.iter().any(|i| i.row == 1
            && i.column == Some(1)
            && i.problem
                == Problem::UnknownColumn {
                    header: "Timestamp".into()
                }));
        read.push((got.rows, got.issues));
    }
    assert_eq!(read[0], read[1], "rows stored out of order read the same");
}

/// The texts of a laid-out document, page by page, top to bottom.
fn texts(doc: &servstd::export::layout::Document) -> Vec<String> {
    doc.pages
        .iter()
        .flat_map(|p| {
            let mut items: Vec<(f32, f32, String)> = p
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { x, top, text, .. } => Some((*top, *x, text.clone())),
                    _ => None,
                })
                .collect();
            items.sort_by(|a, b| a.partial_cmp(b).unwrap());
            items.into_iter().map(|(_, _, t)| t)
        })
        .collect()
}

#[test]
fn the_questionnaire_asks_every_factor_in_journey_order_in_three_languages() {
    for (name, lang) in [
        ("restaurant.standards.ron", Language::ZhCn),
        ("field-repair.standards.ron", Language::ZhTw),
        ("hotel-front-office.standards.ron", Language::En),
    ] {
        let set = load(&sample(name));
        assert_eq!(set.language, lang);
        let q =
            servstd::export::survey::questionnaire_of(&set, &SurveyPlan::default(), &[]).unwrap();
        let doc = servstd::export::survey::document(&q, servstd::export::Paper::A4).unwrap();
        assert!(
            (1..=2).contains(&doc.pages.len()),
            "{name}: {} pages",
            doc.pages.len()
        );
        // Every factor's question, each after the one before it.
        let all = texts(&doc);
        let mut at = 0;
        let factors: Vec<_> = set
            .contact_points
            .iter()
            .flat_map(|cp| &cp.steps)
            .flat_map(|s| &s.factors)
            .collect();
        assert_eq!(factors.len(), q.factors().count());
        for f in factors {
            let first_line: String = q
                .factors()
                .find(|i| i.factor == f.id)
                .map(|i| i.wording[0].chars().take(6).collect())
                .unwrap();
            let found = all[at..]
                .iter()
                .position(|t| t.contains(&first_line))
                .unwrap_or_else(|| {
                    panic!("{name}: {} ({first_line}) missing or out of order", f.id)
                });
            at += found + 1;
        }
        // Tick boxes big enough for a pen: 5 mm or more.
        let boxes = doc
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, Item::Rect { width, height, .. } if (*width - *height).abs() < 0.01 && *width < 20.0))
            .count();
        let ids = factor_ids(&set).len();
        assert!(boxes >= ids * 10 + 11, "{name}: {boxes} boxes");
        for item in doc.pages.iter().flat_map(|p| &p.items) {
            if let Item::Rect { width, height, .. } = item
                && (*width - *height).abs() < 0.01
                && *width < 20.0
            {
                assert!(*width >= 5.0 / 25.4 * 72.0, "{name}: a box of {width} pt");
            }
        }
        // The PDF's text comes back, Chinese included.
        let bytes = servstd::export::survey::export(
            &q,
            servstd::export::Format::Pdf,
            servstd::export::Paper::A4,
            None,
        )
        .unwrap();
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
        let text = pdf.extract_text(&pages).unwrap_or_default();
        let first = &q.factors().next().unwrap().wording[0];
        assert!(
            text.replace(char::is_whitespace, "")
                .contains(&first.replace(char::is_whitespace, "")),
            "{name}: {first} not in the PDF's text"
        );
    }
}

#[test]
fn bilingual_sheets_word_factors_from_the_plan_and_templates_carry_stable_ids() {
    let dir = TempDir::new().unwrap();
    let set_path = set_in(dir.path(), "restaurant.standards.ron");
    let set = load(&set_path);
    let mut plan = SurveyPlan {
        second_language: Some(Language::En),
        ..SurveyPlan::default()
    };
    plan.wording.insert(
        "KF-1".into(),
        [("en".to_owned(), "The phone is answered quickly".to_owned())].into(),
    );
    storage::save(&servstd::core::survey::plan::path_for(&set_path), &plan).unwrap();
    let out = servstd()
        .args(["survey", "questionnaire"])
        .arg(&set_path)
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no English wording in the plan for"),
        "{stderr}"
    );
    let pdf = lopdf::Document::load_mem(&out.stdout).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap_or_default();
    assert!(text.contains("The phone is answered quickly"), "{text}");
    assert!(text.contains("How did we do?"), "{text}");

    let template = dir.path().join("t.csv");
    servstd()
        .args(["survey", "template"])
        .arg(&set_path)
        .arg("-o")
        .arg(&template)
        .assert()
        .success();
    // A template is never written over collected answers.
    let answers = dir.path().join("answers.csv");
    fs::write(&answers, "RESPONDENT,KF-1.imp,KF-1.sat,NPS\nR1,4,5,9\n").unwrap();
    let out = servstd()
        .args(["survey", "template"])
        .arg(&set_path)
        .arg("-o")
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("holds 1 responses: it is not replaced"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(&answers).unwrap(),
        "RESPONDENT,KF-1.imp,KF-1.sat,NPS\nR1,4,5,9\n"
    );
    let header = fs::read_to_string(&template).unwrap();
    let header = header
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .to_owned();
    let mut expected = vec!["RESPONDENT".to_owned(), "GROUP".into(), "PERIOD".into()];
    for id in factor_ids(&set) {
        expected.push(format!("{id}.imp"));
        expected.push(format!("{id}.sat"));
    }
    expected.extend(["NPS".to_owned(), "OPEN".into()]);
    assert_eq!(header, expected.join(","));
}

#[test]
fn an_online_tools_columns_are_mapped_once_in_the_plan() {
    let dir = TempDir::new().unwrap();
    let set_path = set_in(dir.path(), "restaurant.standards.ron");
    let mut plan = SurveyPlan::default();
    plan.columns
        .insert("Response ID".into(), "RESPONDENT".into());
    plan.columns
        .insert("How satisfied: phone".into(), "KF-1.sat".into());
    plan.columns.insert("Recommend?".into(), "NPS".into());
    storage::save(&servstd::core::survey::plan::path_for(&set_path), &plan).unwrap();
    let export = dir.path().join("export.csv");
    fs::write(
        &export,
        "Response ID;How satisfied: phone;Recommend?\n1;5;10\n2;4;6\n",
    )
    .unwrap();
    let json = import_json(&export, &set_path);
    assert_eq!(json["respondents"], 2);
    close(&json["factors"][0]["satisfaction"], 4.5);
    close(&json["nps"]["score"], 0.0);
}

#[test]
fn the_report_says_what_customers_say_and_where_they_disagree_with_the_inspection() {
    let dir = TempDir::new().unwrap();
    let set_path = set_in(dir.path(), "restaurant.standards.ron");
    let record = dir.path().join("restaurant-2026-10.inspection.ron");
    fs::copy(sample("restaurant-2026-10.inspection.ron"), &record).unwrap();
    let set = load(&set_path);
    let inspection: servstd::core::inspection::Inspection =
        storage::load(&record).unwrap().document;
    let scores = servstd::core::inspection::score(&set, &inspection);
    let low = scores
        .factors
        .iter()
        .find(|g| g.tally.rate() == Some(1.0))
        .unwrap()
        .id
        .clone();
    // 40 respondents: every factor 4 or 5, but `low` 1 or 2; NPS 10 or 0.
    let q = Questionnaire::new(&set, &SurveyPlan::default(), &[]);
    let mut text = q.column_ids().join(",");
    text.push('\n');
    for i in 0..40u32 {
        let mut row = vec![format!("R{i}"), String::new(), String::new()];
        for item in q.factors() {
            let sat = if item.factor == low {
                1 + i % 2
            } else {
                4 + i % 2
            };
            row.push("5".into());
            row.push(sat.to_string());
        }
        row.push(if i.is_multiple_of(4) { "0" } else { "10" }.into());
        row.push(String::new());
        let _ = writeln!(text, "{}", row.join(","));
    }
    let responses = dir.path().join("answers.csv");
    fs::write(&responses, text).unwrap();
    let out = servstd()
        .arg("report")
        .arg(&record)
        .arg("--responses")
        .arg(&responses)
        .args(["--lang", "en", "-o", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = lopdf::Document::load_mem(&out.stdout).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap_or_default();
    let section = text
        .split("What customers say")
        .nth(1)
        .expect("a survey section");
    // 30 promoters and 10 detractors of 40: NPS 50.
    assert!(section.contains("NPS 50.0"), "{section}");
    let disagree = section
        .split("Where customers and inspections disagree")
        .nth(1)
        .unwrap();
    let first = disagree
        .lines()
        .find(|l| l.contains("KF-"))
        .unwrap_or_default();
    assert!(first.contains(&format!("{low} ")), "{disagree}");
    assert!(
        disagree.contains("passes inspection, customers rate it low"),
        "{disagree}"
    );
}

#[test]
fn the_reports_nps_trend_is_a_chart_on_the_whole_scale_with_its_periods() {
    let dir = TempDir::new().unwrap();
    let set_path = set_in(dir.path(), "restaurant.standards.ron");
    let record = dir.path().join("restaurant-2026-10.inspection.ron");
    fs::copy(sample("restaurant-2026-10.inspection.ron"), &record).unwrap();
    let set = load(&set_path);
    let q = Questionnaire::new(&set, &SurveyPlan::default(), &[]);
    let mut text = q.column_ids().join(",");
    text.push('\n');
    // 2026-09: 20 answers, 15 promoters (10) and 5 detractors (0): NPS 50.
    // 2026-10: 20 answers, 4 promoters, 6 passives (8), 10 detractors (2): −30.
    for i in 0..40u32 {
        let (period, nps) = if i < 20 {
            ("2026-09", if i % 4 == 0 { 0 } else { 10 })
        } else if i < 24 {
            ("2026-10", 10)
        } else if i < 30 {
            ("2026-10", 8)
        } else {
            ("2026-10", 2)
        };
        let mut row = vec![format!("R{i}"), String::new(), period.to_owned()];
        for _ in q.factors() {
            row.push("4".into());
            row.push("4".into());
        }
        row.push(nps.to_string());
        row.push(String::new());
        let _ = writeln!(text, "{}", row.join(","));
    }
    let responses = dir.path().join("answers.csv");
    fs::write(&responses, &text).unwrap();
    // The figures the chart is drawn from.
    let plan = SurveyPlan::default();
    let read = servstd::core::survey::responses::parse_csv(&text, &q, &plan);
    let figures = servstd::core::survey::figures(&[read], &plan);
    let digest = servstd::core::survey::digest(&figures, plan.min_answers);
    assert_eq!(
        digest.trend,
        vec![("2026-09", Some(50.0)), ("2026-10", Some(-30.0))]
    );
    let out = servstd()
        .arg("report")
        .arg(&record)
        .arg("--responses")
        .arg(&responses)
        .args(["--lang", "en", "-o", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = lopdf::Document::load_mem(&out.stdout).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap_or_default();
    let section = text
        .split("What customers say")
        .nth(1)
        .expect("a survey section");
    let chart = section
        .split("NPS over time")
        .nth(1)
        .expect("the trend's heading");
    let chart = chart
        .split("Where customers and inspections disagree")
        .next()
        .unwrap();
    let words: Vec<&str> = chart.split_whitespace().collect();
    // The scale, the periods and each point's value; no arrow of text.
    for label in ["-100", "-50", "0", "50", "100", "2026-09", "2026-10", "-30"] {
        assert!(words.contains(&label), "{label} in {chart}");
    }
    assert!(!section.contains('→'), "{section}");
}

#[test]
fn a_plans_responses_outside_its_folder_are_never_read() {
    let outer = TempDir::new().unwrap();
    let dir = outer.path().join("sets");
    fs::create_dir(&dir).unwrap();
    let set_path = set_in(&dir, "restaurant.standards.ron");
    let record = dir.join("restaurant-2026-10.inspection.ron");
    fs::copy(sample("restaurant-2026-10.inspection.ron"), &record).unwrap();
    let set = load(&set_path);
    // A responses file one folder up, which the plan names by climbing.
    let q = Questionnaire::new(&set, &SurveyPlan::default(), &[]);
    fs::write(
        outer.path().join("answers.csv"),
        format!("{}\n", q.column_ids().join(",")),
    )
    .unwrap();
    let plan_path = servstd::core::survey::plan::path_for(&set_path);
    for named in ["../answers.csv", "/etc/passwd"] {
        let plan = SurveyPlan {
            responses: vec![named.to_owned()],
            ..SurveyPlan::default()
        };
        storage::save(&plan_path, &plan).unwrap();
        let out = servstd()
            .arg("report")
            .arg(&record)
            .arg("-o")
            .arg(dir.join("report.pdf"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{named}: {stderr}");
        assert!(
            stderr.contains(named) && stderr.contains("servstd does not open them"),
            "{named}: {stderr}"
        );
        assert!(!dir.join("report.pdf").exists(), "{named}");
    }
}

/// A file none of whose columns names a question (a system file, a
/// spreadsheet of something else) is refused, not read as respondents with
/// no answers, and `--keep` does not add it to the plan.
#[test]
fn a_table_that_names_no_question_is_refused_and_not_kept() {
    let dir = TempDir::new().unwrap();
    let set = set_in(dir.path(), "restaurant.standards.ron");
    let other = dir.path().join("passwd.csv");
    fs::write(
        &other,
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
    )
    .unwrap();
    let out = servstd()
        .args(["survey", "import"])
        .arg(&other)
        .arg("--set")
        .arg(&set)
        .arg("--keep")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("passwd.csv:1:1: no column of the first row names a question"),
        "{err}"
    );
    assert!(
        out.stdout.is_empty(),
        "no figures: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let plans: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("survey"))
        .collect();
    for plan in plans {
        let text = fs::read_to_string(plan.path()).unwrap();
        assert!(!text.contains("passwd"), "{text}");
    }
    // A table with one question column among others is read as before,
    // its other columns named as not used.
    let loaded = load(&set);
    let q = Questionnaire::new(&loaded, &SurveyPlan::default(), &[]);
    fs::write(&other, format!("{},colour\nR1,blue\n", q.column_ids()[0])).unwrap();
    servstd()
        .args(["survey", "import"])
        .arg(&other)
        .arg("--set")
        .arg(&set)
        .assert()
        .success()
        .stderr(predicates::str::contains("passwd.csv:1:2: warning"));
}
