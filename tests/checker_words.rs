//! A user's own checker words, without rebuilding: the file in the
//! configuration folder and `--words FILE`, merged over the shipped rules,
//! and a mistake in either reported with its file, line and column.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

/// `servstd` with its configuration folder in `config` (and nowhere else).
fn servstd(config: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("servstd").expect("the binary is built");
    cmd.env("LC_ALL", "C")
        .env("XDG_CONFIG_HOME", config.path())
        .env("HOME", config.path())
        .env("APPDATA", config.path());
    cmd
}

const LINES: &str = "窗口服务要灵敏周到地给出答复\nGive every guest a heartfelt welcome.\n";

/// The config folder's words file, where the platform looks for it.
fn user_file(config: &TempDir) -> std::path::PathBuf {
    let dir = if cfg!(target_os = "macos") {
        config.path().join("Library/Application Support/servstd")
    } else {
        config.path().join("servstd")
    };
    fs::create_dir_all(&dir).unwrap();
    dir.join("checker-words.ron")
}

#[test]
fn words_from_a_file_make_a_standard_vague_without_rebuilding() {
    let config = TempDir::new().unwrap();
    // Without the words: the second line passes (no listed vague word).
    let out = servstd(&config).arg("check").write_stdin(LINES).assert();
    let before = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        before.lines().nth(1).is_some_and(|l| l.starts_with("ok\t")),
        "{before}"
    );

    let words = config.path().join("mine.ron");
    fs::write(
        &words,
        "// made-up words of an organisation\n(vague: [(category: manner, words: [\"heartfelt\"])])\n",
    )
    .unwrap();
    servstd(&config)
        .args(["check", "--words"])
        .arg(&words)
        .write_stdin(LINES)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("vague\tvague word “heartfelt”"));

    // The same words in the configuration folder apply to every command.
    fs::copy(&words, user_file(&config)).unwrap();
    servstd(&config)
        .arg("check")
        .write_stdin(LINES)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("vague\tvague word “heartfelt”"));
}

#[test]
fn a_mistake_in_a_words_file_names_its_line_and_column() {
    let config = TempDir::new().unwrap();
    let words = config.path().join("mine.ron");
    fs::write(
        &words,
        "(\n  vague: [\n    (category: sometimes),\n  ],\n)\n",
    )
    .unwrap();
    let shown = format!("{}:3:16: ", words.display());
    servstd(&config)
        .args(["check", "--words"])
        .arg(&words)
        .write_stdin(LINES)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(shown));
    servstd(&config)
        .args(["validate", "--words"])
        .arg(config.path().join("missing.ron"))
        .arg("standards/restaurant.standards.ron")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.ron"));
    fs::write(user_file(&config), "(act: [\"\"])").unwrap();
    servstd(&config)
        .arg("check")
        .write_stdin(LINES)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("an empty word in `act`"));
}

/// An export reads the words on its check thread, beside the layout: a
/// broken words file still stops it before anything is written, and a good
/// one still names the standards it makes vague.
#[test]
fn an_export_stops_on_a_broken_words_file_and_warns_with_a_good_one() {
    let config = TempDir::new().unwrap();
    let out = config.path().join("manual.pdf");
    fs::write(user_file(&config), "(act: [\"\"])").unwrap();
    servstd(&config)
        .args([
            "export",
            "standards/restaurant.standards.ron",
            "--layout",
            "manual",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("an empty word in `act`"));
    assert!(!out.exists(), "nothing is written");
    // The sample has no vague standard; a word of the user's makes one so.
    fs::remove_file(user_file(&config)).unwrap();
    servstd(&config)
        .args(["export", "standards/restaurant.standards.ron", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").not());
    fs::write(
        user_file(&config),
        "(vague: [(category: manner, words: [\"订位系统\"])])",
    )
    .unwrap();
    servstd(&config)
        .args(["export", "standards/restaurant.standards.ron", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("not measurable yet"));
}
