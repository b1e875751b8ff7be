//! A chain end to end: the sample chain's records read from a folder by
//! `report` and `actions` (unreadable ones listed, the run marked), and
//! `validate` pointing a record at the registered site it most likely means.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

mod run;
use run::servstd;

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// The restaurant set, its register and the sample chain, in a folder of
/// their own; the set's path.
fn sample_chain() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    for entry in fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    copy_tree(Path::new("standards/photos"), &dir.path().join("photos"));
    copy_tree(Path::new("standards/chain"), &dir.path().join("chain"));
    let set = dir.path().join("restaurant.standards.ron");
    (dir, set)
}

fn records_under(dir: &Path) -> usize {
    let mut n = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            n += records_under(&path);
        } else if path.to_string_lossy().ends_with(".inspection.ron") {
            n += 1;
        }
    }
    n
}

#[test]
fn report_reads_every_record_under_a_folder_and_names_the_ones_it_could_not() {
    let (dir, _) = sample_chain();
    let all = records_under(dir.path());
    assert!(all > 20, "{all}");
    let csv = dir.path().join("out.csv");
    servstd()
        .args(["report", "-f", "csv", "-o"])
        .arg(&csv)
        .arg(dir.path())
        .assert()
        .code(0);
    let text = fs::read_to_string(&csv).unwrap();
    for site in ["徐汇店", "静安店", "浦东店", "西湖店", "滨江店", "拱墅店"] {
        assert!(text.contains(site), "{site} is in the report");
    }
    // A broken record and a record of another set, deep in the folder.
    let deep = dir.path().join("chain/HZ-01/old");
    fs::create_dir_all(&deep).unwrap();
    fs::write(
        deep.join("broken.inspection.ron"),
        "Inspection(\n  format: 1,\n  oops",
    )
    .unwrap();
    let other = fs::read_to_string(dir.path().join("restaurant-2026-08.inspection.ron"))
        .unwrap()
        .replace(
            "restaurant.standards.ron",
            "../../../bank-branch.standards.ron",
        );
    fs::write(deep.join("bank.inspection.ron"), other).unwrap();
    let pdf = dir.path().join("out.pdf");
    let out = servstd()
        .args(["report", "-o"])
        .arg(&pdf)
        .arg(dir.path())
        .args(["--set"])
        .arg(dir.path().join("restaurant.standards.ron"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("broken.inspection.ron:3:"), "{stderr}");
    assert!(
        stderr.contains("bank.inspection.ron: note: a record of another set"),
        "{stderr}"
    );
    assert!(
        fs::read(&pdf).unwrap().starts_with(b"%PDF"),
        "still written"
    );
}

#[test]
fn actions_of_a_folder_are_every_site_s() {
    let (dir, _) = sample_chain();
    let out = servstd()
        .args([
            "actions",
            "--format",
            "json",
            "--open",
            "--on",
            "2026-12-04",
        ])
        .arg(dir.path().join("chain"))
        .assert()
        .code(0);
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.len() > 5, "{rows:?}");
    let sites: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["site"].as_str().unwrap()).collect();
    assert!(sites.len() >= 4, "{sites:?}");
    assert!(
        rows.iter()
            .all(|r| r["status"] == "open" || r["status"] == "in-progress")
    );
    assert!(rows.iter().any(|r| r["overdue"] == true));
}

#[test]
fn validate_suggests_the_registered_site_a_record_most_likely_means() {
    let (dir, _) = sample_chain();
    let record = dir.path().join("restaurant-2026-10.inspection.ron");
    let text = fs::read_to_string(&record)
        .unwrap()
        .replace("悦味餐厅 徐汇店", "悦味餐厅徐匯店");
    fs::write(&record, &text).unwrap();
    let line = text.lines().position(|l| l.contains("site:")).unwrap() + 1;
    let out = servstd().arg("validate").arg(&record).assert().code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains(&format!(
            ":{line}:5: warning: the site “悦味餐厅徐匯店” is not in the register"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("site_id: \"SH-01\""), "{stdout}");
    servstd()
        .args(["validate", "--strict"])
        .arg(&record)
        .assert()
        .code(1);

    // A register with an ID twice: said at its line and column.
    let sites = dir.path().join("restaurant.sites.ron");
    let register = fs::read_to_string(&sites)
        .unwrap()
        .replace("\"SH-02\"", "\"SH-01\"");
    fs::write(&sites, &register).unwrap();
    let second = register
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("id: \"SH-01\""))
        .nth(1)
        .unwrap()
        .0
        + 1;
    let out = servstd().arg("validate").arg(&record).assert().code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains(&format!(
            "restaurant.sites.ron:{second}:13: the site ID “SH-01” is used twice"
        )),
        "{stdout}"
    );
}
