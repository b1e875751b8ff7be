//! The sample library in `standards/`: every set is complete, strict-clean,
//! canonical and embedded as a template, and every template starts a valid set.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use servstd::core::check::{Severity, validate};
use servstd::core::model::{Language, StandardKind};
use servstd::core::{storage, templates};
use tempfile::TempDir;

/// The day the samples were last reviewed. Validation is pinned to it so a
/// sample's review date passing does not turn the build red; the dates
/// themselves are checked to lie after it.
fn reviewed_on() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 22)
}

fn sample_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("standards");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("standards/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".standards.ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_sample_is_complete_strict_clean_and_canonical() {
    let files = sample_files();
    assert!(
        files.len() >= 6,
        "at least six sample sets, found {}",
        files.len()
    );
    let mut languages = BTreeSet::new();
    for path in &files {
        let name = path.display();
        let loaded = storage::load::<servstd::core::model::StandardsSet>(path)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            loaded.is_canonical(),
            "{name} is not canonical: run servstd fmt"
        );
        let set = &loaded.document;
        languages.insert(set.language.tag());

        let findings = validate(set, reviewed_on());
        let worst: Vec<_> = findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| format!("{:?} {:?}", f.item, f.problem))
            .collect();
        assert!(worst.is_empty(), "{name} is not strict-clean: {worst:#?}");
        assert!(
            set.next_review.is_some_and(|d| d > reviewed_on()),
            "{name}: next review"
        );

        assert!(set.contact_points.len() >= 5, "{name}: contact points");
        for cp in &set.contact_points {
            assert!(cp.steps.len() >= 3, "{name} {}: steps", cp.id);
        }
        let standards: Vec<_> = set.standards().map(|(_, s)| s).collect();
        assert!(
            standards.len() >= 40,
            "{name}: {} standards",
            standards.len()
        );
        for kind in StandardKind::ALL {
            assert!(
                standards.iter().any(|s| s.kind == kind),
                "{name}: no {kind:?}"
            );
        }
        assert!(
            standards.iter().any(|s| s.critical),
            "{name}: nothing critical"
        );
        assert!(
            standards
                .iter()
                .all(|s| !s.monitoring.is_empty() && !s.owner_role.is_empty())
        );
    }
    for language in [Language::ZhCn, Language::ZhTw, Language::En] {
        assert!(
            languages.contains(language.tag()),
            "no sample in {language:?}"
        );
    }
}

#[test]
fn every_sample_is_a_template_and_every_template_a_sample() {
    let on_disk: BTreeSet<String> = sample_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let embedded: BTreeSet<String> = templates::TEMPLATES
        .iter()
        .map(|t| t.file.to_owned())
        .collect();
    assert_eq!(on_disk, embedded);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("standards");
    for t in templates::TEMPLATES {
        let file = fs::read_to_string(dir.join(t.file)).expect("readable");
        assert_eq!(file, t.text, "{} differs from the embedded copy", t.file);
        assert_eq!(t.title(), t.set().title);
    }
}

#[test]
fn every_template_creates_a_valid_new_set() {
    let dir = TempDir::new().unwrap();
    for t in templates::TEMPLATES {
        let out = dir.path().join(format!("{}.standards.ron", t.name));
        Command::cargo_bin("servstd")
            .unwrap()
            .args(["new", "--template", t.name, "-o"])
            .arg(&out)
            .assert()
            .success();
        Command::cargo_bin("servstd")
            .unwrap()
            .args(["validate", "--strict"])
            .arg(&out)
            .assert()
            .success();
        Command::cargo_bin("servstd")
            .unwrap()
            .args(["fmt", "--check"])
            .arg(&out)
            .assert()
            .success();
    }
    let list = Command::cargo_bin("servstd")
        .unwrap()
        .args(["new", "--list"])
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    for t in templates::TEMPLATES {
        assert!(list.contains(t.name) && list.contains(t.title()), "{list}");
    }
}
