//! A chain of sites end to end on the command line: `export-verdicts` as
//! Parquet (read back with the `parquet` crate's reader: row count, column
//! types, values) and CSV, `report --by-site` as PDF in three languages and
//! as CSV/XLSX, and unreadable records listed, never skipped in silence.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use parquet::basic::{LogicalType, Type as PhysicalType};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::{Field, RowAccessor};
use predicates::prelude::*;
use servstd::core::synth::{ChainSpec, chain::SET_FILE, generated_chain};
use tempfile::TempDir;

mod run;

/// The binary with English messages, its "today" fixed at 2027-01-01.
fn servstd() -> Command {
    let mut cmd = run::servstd();
    cmd.env("SOURCE_DATE_EPOCH", "1798761600");
    cmd
}

/// A small generated chain written to a folder: 18 sites, three in each of
/// six regions, 3 monthly visits each of a 30-standard set.
fn chain_folder() -> (TempDir, usize, usize) {
    let chain = generated_chain(ChainSpec {
        sites: 18,
        visits: 3,
        standards: 30,
    });
    let dir = tempfile::tempdir().unwrap();
    chain.write(dir.path()).unwrap();
    // One row per standard each visit checks (a partial visit's unchecked
    // ones as `not checked`, a follow-up's only those it checks).
    let rows = chain
        .records
        .iter()
        .map(|(_, r, _)| r.standards_in_scope(&chain.set).len())
        .sum();
    (dir, chain.records.len(), rows)
}

fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    doc.get_pages()
        .keys()
        .map(|&p| doc.extract_text(&[p]).unwrap_or_default())
        .collect()
}

fn column_index(reader: &SerializedFileReader<fs::File>, name: &str) -> usize {
    let schema = reader.metadata().file_metadata().schema_descr();
    (0..schema.num_columns())
        .find(|&i| schema.column(i).name() == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn verdicts_export_as_parquet_with_typed_columns_and_read_back() {
    let (dir, records, verdicts) = chain_folder();
    let out = dir.path().join("verdicts.parquet");
    servstd()
        .args(["export-verdicts"])
        .arg(dir.path())
        .args(["--format", "parquet", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{verdicts} rows from {records} records"
        )));
    let reader = SerializedFileReader::try_from(out.as_path()).unwrap();
    let meta = reader.metadata().file_metadata();
    assert_eq!(usize::try_from(meta.num_rows()).unwrap(), verdicts);
    let schema = meta.schema_descr();
    let date = schema.column(column_index(&reader, "visit_date"));
    assert_eq!(date.physical_type(), PhysicalType::INT32);
    assert_eq!(date.logical_type_ref(), Some(&LogicalType::Date));
    let due = schema.column(column_index(&reader, "action_due"));
    assert_eq!(due.logical_type_ref(), Some(&LogicalType::Date));
    let critical = schema.column(column_index(&reader, "critical"));
    assert_eq!(critical.physical_type(), PhysicalType::BOOLEAN);
    for name in ["site_id", "region", "standard", "verdict", "visit_kind"] {
        let c = schema.column(column_index(&reader, name));
        assert_eq!(c.physical_type(), PhysicalType::BYTE_ARRAY, "{name}");
        assert_eq!(c.logical_type_ref(), Some(&LogicalType::String), "{name}");
    }
    // Values: the register's site and region, the date as a date.
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let first = &rows[0];
    let site_id = first.get_string(column_index(&reader, "site_id")).unwrap();
    let region = first.get_string(column_index(&reader, "region")).unwrap();
    assert_eq!(
        site_id, "BJ-005",
        "records in path order: inspections/BJ-005/… first"
    );
    assert_eq!(region, "华北");
    let visit = first
        .get_column_iter()
        .nth(column_index(&reader, "visit_date"));
    assert!(
        matches!(visit, Some((_, Field::Date(days))) if *days == 20_397),
        "2025-11-05 is day 20397: {visit:?}"
    );
    let verdict_at = column_index(&reader, "verdict");
    let codes: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r.get_string(verdict_at).unwrap().as_str())
        .collect();
    assert!(
        codes.contains("pass") && codes.contains("fail"),
        "{codes:?}"
    );
    let kinds: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| {
            r.get_string(column_index(&reader, "visit_kind"))
                .unwrap()
                .as_str()
        })
        .collect();
    assert!(kinds.contains("full"), "{kinds:?}");
    let critical_at = column_index(&reader, "critical");
    assert!(rows.iter().any(|r| r.get_bool(critical_at).unwrap()));
    assert!(rows.iter().any(|r| !r.get_bool(critical_at).unwrap()));
    // An action's status is there on the standards that raised one, null elsewhere.
    let status_at = column_index(&reader, "action_status");
    assert!(rows.iter().any(|r| r.get_string(status_at).is_ok()));
    assert!(rows.iter().any(|r| r.get_string(status_at).is_err()));
}

#[test]
fn verdicts_export_as_csv_from_a_list_of_records_with_the_same_columns() {
    let (dir, _, _) = chain_folder();
    let site = dir.path().join("inspections/SH-001");
    let mut files: Vec<PathBuf> = fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".inspection.ron"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 3);
    let out = dir.path().join("verdicts.csv");
    servstd()
        .arg("export-verdicts")
        .args(&files)
        .args(["--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = fs::read_to_string(&out).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers[0], "set");
    assert!(headers.contains(&"visit_date".to_owned()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Every standard of each of the three visits, the first a partial one
    // whose unchecked standards are rows too.
    assert_eq!(rows.len(), 90);
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][at("site_id")], "SH-001");
    assert_eq!(&rows[0][at("region")], "华东");
    assert_eq!(&rows[0][at("visit_date")], "2025-11-01");
    assert!(["true", "false"].contains(&&rows[0][at("critical")]));
    assert_eq!(
        &rows[0][at("record")],
        files[0].to_string_lossy().as_ref(),
        "records given by name are named as given"
    );
}

#[test]
fn an_unreadable_record_is_listed_and_the_rest_exported() {
    let (dir, records, verdicts) = chain_folder();
    let broken = dir
        .path()
        .join("inspections/SH-001/2026-02-30.inspection.ron");
    fs::write(&broken, "Inspection(format: 1, standards: (").unwrap();
    let out = dir.path().join("verdicts.parquet");
    servstd()
        .arg("export-verdicts")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-02-30.inspection.ron:1:"))
        .stderr(predicate::str::contains(format!(
            "{verdicts} rows from {records} records"
        )));
    let reader = SerializedFileReader::try_from(out.as_path()).unwrap();
    let rows = reader.metadata().file_metadata().num_rows();
    assert_eq!(usize::try_from(rows).unwrap(), verdicts);
}

#[test]
fn an_output_that_cannot_be_written_leaves_the_old_file() {
    let (dir, _, _) = chain_folder();
    let out = dir.path().join("verdicts.csv");
    fs::write(&out, "old").unwrap();
    // The set is one of the inputs' documents: never overwritten.
    servstd()
        .arg("export-verdicts")
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join(SET_FILE))
        .assert()
        .code(2);
    assert!(
        fs::read_to_string(dir.path().join(SET_FILE))
            .unwrap()
            .starts_with("StandardsSet(")
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "old");
}

fn by_site(dir: &Path, lang: &str, format: &str) -> Vec<u8> {
    let out = dir.join(format!("chain-{lang}.{format}"));
    servstd()
        .arg("report")
        .arg(dir)
        .args(["--by-site", "--lang", lang, "--format", format, "-o"])
        .arg(&out)
        .assert()
        .success();
    fs::read(&out).unwrap()
}

#[test]
fn the_chain_report_pdf_has_the_league_table_heat_map_and_regions_in_each_language() {
    let (dir, _, _) = chain_folder();
    for (lang, words) in [
        (
            "en",
            [
                "League table",
                "Pass rate by site and contact point",
                "Trend per region",
                "Sites of 华东",
            ],
        ),
        (
            "zh-CN",
            [
                "门店排行榜",
                "各门店各接触点合格率",
                "各区域趋势",
                "华东的门店",
            ],
        ),
        // The region's name is the register's own text.
        (
            "zh-TW",
            [
                "門市排行榜",
                "各門市各接觸點合格率",
                "各區域趨勢",
                "华东的門市",
            ],
        ),
    ] {
        let pages = pdf_pages(&by_site(dir.path(), lang, "pdf"));
        let all: String = pages.concat();
        for word in words {
            assert!(all.contains(word), "{lang}: “{word}” missing");
        }
        // The league table lists every site, on its own page.
        let league = pages.iter().find(|p| p.contains(words[0])).unwrap();
        for id in ["SH-001", "XA-017", "LZ-018"] {
            assert!(league.contains(id), "{lang}: {id} not in the league table");
        }
    }
}

#[test]
fn the_chain_report_as_csv_has_a_row_per_site_and_per_site_and_contact_point() {
    let (dir, _, _) = chain_folder();
    let bytes = by_site(dir.path(), "en", "csv");
    let text = String::from_utf8(bytes).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let sites = rows.iter().filter(|r| &r[0] == "site").count();
    let cps = rows.iter().filter(|r| &r[0] == "contact point").count();
    assert_eq!(sites, 18);
    // 30 standards, 25 to a contact point: two contact points.
    assert_eq!(cps, 36, "two contact points per site");
    let sh = rows
        .iter()
        .find(|r| &r[0] == "site" && &r[1] == "SH-001")
        .unwrap();
    assert_eq!(&sh[3], "华东");
    assert_eq!(&sh[7], "3", "three visits");
    let rate: f64 = sh[11].parse().unwrap();
    assert!((0.0..=1.0).contains(&rate));
    let xlsx = by_site(dir.path(), "zh-CN", "xlsx");
    assert_eq!(&xlsx[..2], b"PK");
}

#[test]
fn the_chain_report_lists_what_it_could_not_use() {
    let (dir, _, _) = chain_folder();
    let broken = dir.path().join("inspections/GZ-007/broken.inspection.ron");
    fs::write(&broken, "not a record").unwrap();
    let out = dir.path().join("chain.pdf");
    servstd()
        .arg("report")
        .arg(dir.path())
        .args(["--by-site", "--lang", "en", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.inspection.ron:1:"));
    let pages = pdf_pages(&fs::read(&out).unwrap());
    let last = pages.last().unwrap();
    assert!(last.contains("Files not used"), "{last}");
    assert!(last.contains("broken.inspection.ron"));
}
