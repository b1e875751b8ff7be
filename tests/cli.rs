//! The command line end to end: every subcommand, every exit code, bad files.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

mod run;
use run::servstd;

const SAMPLE: &str = include_str!("../standards/restaurant.standards.ron");

fn write(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    // A copy of the restaurant sample keeps its logo beside it.
    if String::from_utf8_lossy(bytes.as_ref()).contains("logo: \"restaurant-logo.png\"") {
        fs::copy(
            "standards/restaurant-logo.png",
            dir.path().join("restaurant-logo.png"),
        )
        .unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

/// The sample's first `bytes` bytes, or fewer: cut where a character ends.
fn cut(bytes: usize) -> &'static str {
    let end = (0..=bytes)
        .rev()
        .find(|&i| SAMPLE.is_char_boundary(i))
        .unwrap();
    &SAMPLE[..end]
}

fn sample_path() -> &'static Path {
    Path::new("standards/restaurant.standards.ron")
}

#[test]
fn validate_passes_the_sample_strictly() {
    servstd()
        .args(["validate", "--strict"])
        .arg(sample_path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "restaurant.standards.ron: 7 contact points, 21 steps, 21 factors, 55 standards, 0 errors, 0 warnings",
        ));
}

#[test]
fn validate_reports_errors_with_line_and_column_and_exits_1() {
    let dir = TempDir::new().unwrap();
    // Empty the text of standard S-5 and duplicate an ID: two errors.
    let broken = SAMPLE.replacen("id: \"S-2\"", "id: \"S-1\"", 1);
    let path = write(&dir, "dup.standards.ron", broken);
    let out = servstd().arg("validate").arg(&path).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let line = stdout
        .lines()
        .find(|l| l.contains("used more than once"))
        .expect("duplicate reported");
    let expected_line = SAMPLE
        .lines()
        .position(|l| l.contains("id: \"S-2\""))
        .unwrap()
        + 1;
    assert!(
        line.starts_with(&format!("{}:{expected_line}:", path.display())),
        "{line}"
    );
    assert!(line.contains(": error: "), "{line}");
    // The edit also changes the approved content: one warning says so.
    assert!(stdout.contains("1 errors, 1 warnings"), "{stdout}");
    assert!(stdout.contains("revision 2.1 was approved, but the set has changed since"));
}

#[test]
fn vague_standards_warn_and_fail_only_with_strict() {
    let dir = TempDir::new().unwrap();
    let vague = SAMPLE.replacen("电话铃响三声内接听", "及时接听电话", 1);
    let path = write(&dir, "vague.standards.ron", vague);
    servstd()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning: vague word “及时”: add a time limit",
        ));
    servstd()
        .args(["validate", "--strict"])
        .arg(&path)
        .assert()
        .code(1);
}

#[test]
fn validate_json_is_machine_readable() {
    let out = servstd()
        .args(["validate", "--json"])
        .arg(sample_path())
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json[0]["readable"], true);
    assert_eq!(json[0]["counts"]["standards"], 55);
    assert_eq!(json[0]["counts"]["warnings"], 0);
    // The sample keeps one customer-based hint (S-55, the monthly meeting) to show what one is.
    assert_eq!(json[0]["counts"]["hints"], 1);
    let findings = json[0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["severity"], "hint");
    assert_eq!(findings[0]["problem"]["code"], "not-customer-based");
    assert_eq!(findings[0]["item"], "S-55");
}

#[test]
fn unreadable_files_exit_2_with_a_clear_message() {
    let dir = TempDir::new().unwrap();
    let truncated = write(&dir, "truncated.standards.ron", cut(SAMPLE.len() / 2));
    let garbage = write(
        &dir,
        "garbage.standards.ron",
        b"\x00\x01\x02 not ron at all {{{",
    );
    let mut latin1 = SAMPLE.as_bytes()[..200].to_vec();
    latin1.extend_from_slice(b"\xff\xfe caf\xe9");
    let invalid_utf8 = write(&dir, "latin1.standards.ron", latin1);
    let empty = write(&dir, "empty.standards.ron", b"");
    let nested = write(&dir, "nested.standards.ron", "[".repeat(100_000));
    let missing = dir.path().join("missing.standards.ron");
    let huge = dir.path().join("huge.standards.ron");
    fs::File::create(&huge)
        .unwrap()
        .set_len(33 * 1024 * 1024)
        .unwrap();

    let cases: [(&Path, &str); 8] = [
        (&truncated, "ends too early"),
        (&garbage, "error:"),
        (&invalid_utf8, "not UTF-8 text"),
        (&empty, ":1:1: error: the file is empty"),
        (&nested, "error: “StandardsSet(” expected here"),
        (dir.path(), "this is a folder"),
        (&missing, "cannot read the file"),
        (
            &huge,
            ":1:1: error: the file is 34603008 bytes and servstd reads files up to 32 MB",
        ),
    ];
    for (path, message) in cases {
        let out = servstd().arg("validate").arg(path).assert().code(2);
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(
            stdout.contains(message),
            "{}: expected “{message}” in {stdout}",
            path.display()
        );
        assert!(stdout.starts_with(&path.display().to_string()), "{stdout}");
    }
}

#[test]
fn invalid_utf8_reports_its_line() {
    let dir = TempDir::new().unwrap();
    let mut bytes = b"StandardsSet(\n    format: 1,\n    title: \"".to_vec();
    bytes.extend_from_slice(b"\xe9t\xe9\",\n)");
    let path = write(&dir, "bad.standards.ron", bytes);
    servstd()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(format!(
            "{}:3:13: error: the file is not UTF-8",
            path.display()
        )));
}

#[test]
fn a_newer_format_asks_for_a_newer_servstd() {
    let dir = TempDir::new().unwrap();
    let newer =
        SAMPLE
            .replacen("format: 1", "format: 9", 1)
            .replacen("journey:", "journey_map:", 1);
    let path = write(&dir, "newer.standards.ron", newer);
    servstd()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(format!(
            "{}:2:5: error: written by a newer servstd (format 9); this one reads up to 1",
            path.display()
        )));
}

#[test]
fn check_prints_one_line_per_input_line() {
    let input =
        "电话铃响三声内接听\n热情接待每一位顾客\n\nReply promptly, within 2 hours\r\nBe friendly\n";
    let out = servstd().arg("check").write_stdin(input).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<_> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    assert!(lines[0].starts_with("ok\t"));
    assert!(lines[1].starts_with("vague\t含糊用语“热情”"));
    assert!(lines[2].starts_with("vague\t"));
    assert!(lines[3].starts_with("ok\t"));
    assert!(lines[4].starts_with("vague\tvague word “friendly”"));
}

#[test]
fn check_exits_0_when_all_are_measurable_and_reads_files() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "list.txt",
        "\u{feff}Answer before the third ring\n两小时内回复\n",
    );
    servstd()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::is_match("^ok\t.*\nok\t.*\n$").unwrap());
    servstd()
        .arg("check")
        .arg(dir.path().join("none.txt"))
        .assert()
        .code(2);
    servstd()
        .arg("check")
        .write_stdin(b"\xff\xfe\n".to_vec())
        .assert()
        .code(2);
}

#[test]
fn fmt_rewrites_canonically_and_check_detects_drift() {
    let dir = TempDir::new().unwrap();
    let messy = SAMPLE.replace("    ", "  ").replace('\n', "\r\n");
    let path = write(&dir, "messy.standards.ron", &messy);
    servstd()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .code(1);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        messy,
        "--check changes nothing"
    );
    servstd().arg("fmt").arg(&path).assert().code(0);
    assert_eq!(fs::read_to_string(&path).unwrap(), SAMPLE);
    servstd()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .code(0);
}

#[test]
fn fmt_leaves_a_file_it_cannot_parse_byte_for_byte() {
    let dir = TempDir::new().unwrap();
    let broken = format!("{}\u{0}garbage", cut(1000));
    let path = write(&dir, "broken.standards.ron", &broken);
    servstd()
        .arg("fmt")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error:"));
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    assert_eq!(
        fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name() != "restaurant-logo.png")
            .count(),
        1,
        "no temporary file is left behind"
    );
}

#[test]
fn new_lists_templates_and_never_overwrites_without_force() {
    servstd()
        .args(["new", "--list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("restaurant"));
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("mine.standards.ron");
    servstd()
        .args(["new", "--template", "restaurant", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    servstd().args(["validate"]).arg(&out).assert().code(0);
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.contains("revision: \"0.1\""));
    fs::write(&out, "mine").unwrap();
    servstd()
        .args(["new", "--template", "restaurant", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "mine");
    servstd()
        .args(["new", "--template", "restaurant", "--force", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    servstd()
        .args(["new", "--template", "nope", "-o"])
        .arg(dir.path().join("x"))
        .assert()
        .code(2);
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["validate", "check", "fmt", "new", "export"] {
        servstd()
            .args([sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Usage"));
    }
    servstd().arg("--help").assert().code(0);
    servstd().arg("frobnicate").arg("--nope").assert().code(2);
}

#[test]
fn export_writes_every_format_and_reports_bad_input() {
    let dir = TempDir::new().unwrap();
    for (format, layout, name) in [
        ("pdf", "checklist", "c.pdf"),
        ("pdf", "cards", "k.pdf"),
        ("pdf", "manual", "m.pdf"),
        ("csv", "checklist", "s.csv"),
        ("xlsx", "checklist", "s.xlsx"),
    ] {
        let out = dir.path().join(name);
        servstd()
            .args(["export"])
            .arg(sample_path())
            .args([
                "--format", format, "--layout", layout, "--paper", "letter", "--lang", "zh-TW",
                "-o",
            ])
            .arg(&out)
            .assert()
            .code(0);
        assert!(fs::metadata(&out).unwrap().len() > 1000, "{name}");
    }
    let stdout = servstd()
        .args(["export"])
        .arg(sample_path())
        .args(["--format", "csv", "-o", "-"])
        .assert()
        .code(0);
    assert!(
        stdout
            .get_output()
            .stdout
            .starts_with("\u{feff}".as_bytes())
    );
    servstd()
        .args(["export"])
        .arg(sample_path())
        .args(["--contact-point", "CP-42", "-o"])
        .arg(dir.path().join("x.pdf"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("CP-42"));
    servstd()
        .args(["export", "missing.standards.ron", "-o", "x.pdf"])
        .assert()
        .code(2);
}

#[test]
fn validate_speaks_the_locale_and_the_sets_script() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tw.standards.ron");
    servstd()
        .args(["new", "--template", "field-repair", "-o"])
        .arg(&path)
        .assert()
        .success();
    // An empty title is a finding whatever the language.
    let text = std::fs::read_to_string(&path).unwrap();
    let title_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("title:"))
        .unwrap();
    std::fs::write(&path, text.replacen(title_line, "    title: \"\",", 1)).unwrap();
    for (locale, expected) in [
        ("zh_CN.UTF-8", "標準集沒有標題"),
        ("zh_TW.UTF-8", "標準集沒有標題"),
        ("en_GB.UTF-8", "the set has no title"),
    ] {
        let out = Command::cargo_bin("servstd")
            .unwrap()
            .env_remove("LC_ALL")
            .env("LC_MESSAGES", "")
            .env("LANG", locale)
            .arg("validate")
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(expected), "{locale}: {stdout}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    use std::io::Write as _;
    use std::process::Stdio;
    // Many lines, so the writer outlives a reader that stops at once.
    let lines = "热情接待每一位顾客\n".repeat(200_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lines.txt");
    std::fs::write(&path, lines).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("servstd"))
        .env("LC_ALL", "C")
        .arg("check")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe, as `| head -1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let _ = std::io::stderr().flush();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs servstd with `args`, failing the test if it has not ended within 2 seconds.
#[cfg(unix)]
fn run_within_2_s(args: &[&std::ffi::OsStr]) -> std::process::Output {
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("servstd"))
        .env("LC_ALL", "C")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(2) {
            let _ = child.kill();
            panic!("servstd {args:?} still runs after 2 seconds");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn every_command_refuses_a_fifo_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.standards.ron");
    let record = dir.path().join("pipe.inspection.ron");
    for path in [&fifo, &record] {
        assert!(
            std::process::Command::new("mkfifo")
                .arg(path)
                .status()
                .unwrap()
                .success()
        );
    }
    let sample = Path::new("standards/restaurant-2026-10.inspection.ron");
    let out = dir.path().join("out.pdf");
    let cases: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["validate".as_ref(), fifo.as_os_str()],
        vec!["validate".as_ref(), record.as_os_str()],
        vec!["fmt".as_ref(), fifo.as_os_str()],
        vec!["check".as_ref(), fifo.as_os_str()],
        vec![
            "export".as_ref(),
            fifo.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
        vec![
            "report".as_ref(),
            record.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
        vec![
            "report".as_ref(),
            sample.as_os_str(),
            "--survey".as_ref(),
            fifo.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
    ];
    for args in cases {
        let output = run_within_2_s(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stdout}{stderr}");
        assert!(
            format!("{stdout}{stderr}").contains("named pipe (FIFO)"),
            "{args:?}: {stdout}{stderr}"
        );
    }
}

#[test]
fn an_export_never_replaces_its_input_or_any_standards_file() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("shop.standards.ron");
    fs::copy("standards/restaurant.standards.ron", &set).unwrap();
    let before = fs::read(&set).unwrap();
    // Onto itself, onto another set, and onto a set renamed without its extension.
    let other = dir.path().join("other.standards.ron");
    fs::copy("standards/bank-branch.standards.ron", &other).unwrap();
    let renamed = dir.path().join("backup.txt");
    fs::copy("standards/restaurant.standards.ron", &renamed).unwrap();
    for target in [&set, &other, &renamed] {
        servstd()
            .arg("export")
            .arg(&set)
            .arg("-o")
            .arg(target)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("error:"));
    }
    assert_eq!(fs::read(&set).unwrap(), before, "the set is untouched");
    assert!(
        fs::read_to_string(&renamed)
            .unwrap()
            .contains("StandardsSet(")
    );
    // An earlier export is replaced: that is what exporting again means.
    let pdf = dir.path().join("shop.pdf");
    fs::write(&pdf, "an earlier export").unwrap();
    servstd()
        .arg("export")
        .arg(&set)
        .arg("-o")
        .arg(&pdf)
        .assert()
        .success();
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

#[cfg(unix)]
#[test]
fn a_report_written_to_dev_null_leaves_the_device_a_device() {
    use std::os::unix::fs::FileTypeExt;
    servstd()
        .args([
            "report",
            "standards/restaurant-2026-10.inspection.ron",
            "-o",
            "/dev/null",
        ])
        .assert()
        .success();
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn json_messages_match_the_text_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.standards.ron");
    fs::write(&path, "StandardsSet(format: 1, title: ").unwrap();
    let text = servstd().arg("validate").arg(&path).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let json = servstd()
        .args(["validate", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let error = &json[0]["error"];
    let expected = format!(
        "{}:{}:{}: error: {}",
        path.display(),
        error["line"],
        error["col"],
        error["message"].as_str().unwrap()
    );
    assert_eq!(text.trim_end(), expected);
}

#[test]
fn a_title_or_standard_past_its_length_is_an_error_at_its_line_and_export_refuses() {
    let dir = TempDir::new().unwrap();
    let title = "长".repeat(servstd::core::model::limits::NAME_CHARS + 1);
    let standard = "x".repeat(5_000_000);
    let text = SAMPLE
        .replacen(
            "title: \"悦味餐厅服务标准\"",
            &format!("title: \"{title}\""),
            1,
        )
        .replacen("text: \"", &format!("text: \"{standard}"), 1);
    let path = write(&dir, "long.standards.ron", &text);
    let title_line = text.lines().position(|l| l.contains(&title)).unwrap() + 1;
    let out = servstd().arg("validate").arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("The title is 201 characters long; at most 200 are allowed"),
        "{stdout}"
    );
    assert!(stdout.contains("The standard text is 5000"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{}:{title_line}:5: error: The title",
            path.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{}:32:37: error: The standard text",
            path.display()
        )),
        "{stdout}"
    );
    let pdf = dir.path().join("long.pdf");
    let out = servstd()
        .arg("export")
        .arg(&path)
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("characters long, over the"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!pdf.exists(), "nothing is written");
}

#[test]
fn export_warns_when_it_prints_standards_that_are_not_measurable() {
    let dir = TempDir::new().unwrap();
    let text = SAMPLE.replacen("电话铃响三声内接听", "热情接待每一位来电顾客", 1);
    let path = write(&dir, "vague.standards.ron", &text);
    let out = servstd()
        .arg("export")
        .arg(&path)
        .arg("-o")
        .arg(dir.path().join("v.pdf"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: 1 standards exported are not measurable yet (S-1)"),
        "{stderr}"
    );
    // The sample itself is measurable throughout: no warning.
    let out = servstd()
        .arg("export")
        .arg(sample_path())
        .arg("-o")
        .arg(dir.path().join("s.pdf"))
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
}

#[test]
fn a_pdf_is_dated_by_source_date_epoch_and_has_no_empty_or_false_metadata() {
    let dir = TempDir::new().unwrap();
    let make = |name: &str| {
        let out = dir.path().join(name);
        servstd()
            .env("SOURCE_DATE_EPOCH", "1796000000")
            .args(["export", "--layout", "manual", "-o"])
            .arg(&out)
            .arg(sample_path())
            .assert()
            .code(0);
        fs::read(out).unwrap()
    };
    let first = make("a.pdf");
    assert_eq!(first, make("b.pdf"), "the same epoch makes the same bytes");
    let doc = lopdf::Document::load_mem(&first).unwrap();
    let info_id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info_id).unwrap();
    // 1796000000 s after 1970 is 2026-11-30 00:53:20 UTC.
    for key in [&b"CreationDate"[..], b"ModDate"] {
        assert_eq!(
            info.get(key).unwrap().as_str().unwrap(),
            b"D:20261130005320+00'00'"
        );
    }
    assert!(info.get(b"GTS_PDFXVersion").is_err(), "not a PDF/X file");
    for (key, value) in info {
        if let Ok(text) = value.as_str() {
            assert!(
                !text.is_empty() && text != b"\xfe\xff",
                "empty {}",
                String::from_utf8_lossy(key)
            );
        }
    }
    let catalog = doc.catalog().unwrap();
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines",
        "a name, so viewers open the bookmarks"
    );
}

fn pdf_words(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

#[test]
fn approving_records_the_revision_and_a_later_edit_is_a_draft_until_approved_again() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "cc.standards.ron",
        include_str!("../standards/call-centre.standards.ron"),
    );
    let export = |name: &str| {
        let out = dir.path().join(name);
        servstd()
            .args(["export", "-o"])
            .arg(&out)
            .arg(&path)
            .assert()
            .code(0);
        pdf_words(&fs::read(out).unwrap())
    };
    // The sample is approved as it is: no draft stamp, no warning.
    assert!(!export("approved.pdf").contains("DRAFT"));
    servstd()
        .args(["validate", "--strict"])
        .arg(&path)
        .assert()
        .code(0);

    // Edited in a text editor: validate says so at the revision line, and every page says DRAFT.
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("Lines are staffed 8:00", "Lines are staffed 7:30"),
    )
    .unwrap();
    let revision_line = text
        .lines()
        .position(|l| l.trim_start().starts_with("revision:"))
        .unwrap()
        + 1;
    servstd()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "cc.standards.ron:{revision_line}:5: warning: revision 2.3 was approved, but the set has changed since"
        )));
    let draft = export("draft.pdf");
    let pages = lopdf::Document::load_mem(&fs::read(dir.path().join("draft.pdf")).unwrap())
        .unwrap()
        .get_pages()
        .len();
    assert_eq!(draft.matches("DRAFT, not approved").count(), pages);

    // 2.3 cannot be approved twice; as 2.4 it can, and the history holds both.
    servstd()
        .args(["approve", "--by", "Alan Brooks"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--new-revision"));
    servstd()
        .args([
            "approve",
            "--by",
            "Alan Brooks",
            "--summary",
            "Lines open at 7:30",
            "--date",
            "2026-12-01",
            "--new-revision",
        ])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "approved as revision 2.4 by Alan Brooks",
        ));
    let saved = fs::read_to_string(&path).unwrap();
    assert_eq!(saved.matches("Revision(").count(), 2, "{saved}");
    assert!(saved.contains("summary: \"Lines open at 7:30\""));
    assert!(!export("again.pdf").contains("DRAFT"));
    servstd()
        .args(["validate", "--strict"])
        .arg(&path)
        .assert()
        .code(0);
}

#[test]
fn diff_exits_0_when_equal_1_when_different_and_2_on_a_bad_file() {
    let dir = TempDir::new().unwrap();
    servstd()
        .arg("diff")
        .arg(sample_path())
        .arg(sample_path())
        .assert()
        .code(0)
        .stdout("no differences\n");
    let new = write(
        &dir,
        "new.standards.ron",
        SAMPLE
            .replace("电话铃响三声内接听", "电话铃响两声内接听")
            .replace("revision: \"2.1\"", "revision: \"2.2\""),
    );
    let out = servstd()
        .arg("diff")
        .arg(sample_path())
        .arg(&new)
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("revision: 2.1 → 2.2"), "{text}");
    assert!(
        text.contains("text: 电话铃响[-三-]{+两+}声内接听"),
        "{text}"
    );
    let out = servstd()
        .args(["diff", "--format", "json"])
        .arg(sample_path())
        .arg(&new)
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[1]["id"], "S-1");
    assert_eq!(changes[1]["change"], "modified");
    assert_eq!(changes[1]["fields"][0]["field"], "text");
    let out = servstd()
        .args(["diff", "--format", "markdown"])
        .arg(sample_path())
        .arg(&new)
        .assert()
        .code(1);
    assert!(
        String::from_utf8_lossy(&out.get_output().stdout).contains("电话铃响~~三~~**两**声内接听")
    );
    let broken = write(&dir, "broken.standards.ron", "StandardsSet(");
    servstd()
        .arg("diff")
        .arg(sample_path())
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.standards.ron:1:"));
}

#[test]
fn the_manual_since_an_old_revision_says_what_changed_and_role_cards_mark_it() {
    let dir = TempDir::new().unwrap();
    let new = write(
        &dir,
        "new.standards.ron",
        SAMPLE
            .replace("电话铃响三声内接听", "电话铃响两声内接听")
            .replace("revision: \"2.1\"", "revision: \"2.2\""),
    );
    let export = |layout: &str, name: &str| {
        let out = dir.path().join(name);
        servstd()
            .args(["export", "--layout", layout, "--since"])
            .arg(sample_path())
            .arg("-o")
            .arg(&out)
            .arg(&new)
            .assert()
            .code(0);
        pdf_words(&fs::read(out).unwrap())
    };
    let manual = export("manual", "manual.pdf");
    assert!(
        manual.contains("自修订版本 2.1 以来的改动"),
        "a section and its contents entry"
    );
    assert!(manual.contains("原为：电话铃响三声内接听"));
    // A draft of 2.2: every page says so.
    assert!(manual.contains("草稿，未批准"));
    let cards = export("role-cards", "cards.pdf");
    assert!(cards.contains("［修改］电话铃响两声内接听"), "{cards}");
    let signoff = export("signoff", "signoff.pdf");
    assert!(signoff.contains("［修改］电话铃响两声内接听"));
    servstd()
        .args(["export", "--layout", "role-cards", "--role", "宇航员", "-o"])
        .arg(dir.path().join("none.pdf"))
        .arg(&new)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "no standard has the owner role “宇航员”",
        ));
    assert!(!dir.path().join("none.pdf").exists(), "nothing written");
}

#[test]
fn the_logo_beside_the_set_is_printed_and_one_outside_is_never_read() {
    let dir = TempDir::new().unwrap();
    fs::copy(
        "standards/restaurant-logo.png",
        dir.path().join("restaurant-logo.png"),
    )
    .unwrap();
    let set = write(&dir, "r.standards.ron", SAMPLE);
    let out = dir.path().join("c.pdf");
    servstd()
        .args(["export", "-o"])
        .arg(&out)
        .arg(&set)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning").not());
    let doc = lopdf::Document::load_mem(&fs::read(&out).unwrap()).unwrap();
    let images: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(b"Image"))
        .collect();
    // The logo and its transparency (a soft mask).
    assert_eq!(images.len(), 2, "the PNG and its soft mask");
    assert!(images.iter().any(|s| s.dict.has(b"SMask")));

    let outside = write(
        &dir,
        "outside.standards.ron",
        SAMPLE.replace(
            "logo: \"restaurant-logo.png\"",
            "logo: \"../../etc/passwd\"",
        ),
    );
    let logo_line = SAMPLE
        .lines()
        .position(|l| l.trim_start().starts_with("logo:"))
        .unwrap()
        + 1;
    servstd()
        .arg("validate")
        .arg(&outside)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "outside.standards.ron:{logo_line}:5: error: the logo “../../etc/passwd” climbs out of the set’s folder"
        )));
    // The export goes ahead without it, and says so.
    servstd()
        .args(["export", "-o"])
        .arg(dir.path().join("d.pdf"))
        .arg(&outside)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "warning: the logo “../../etc/passwd” climbs out",
        ));
}

/// The two `check --explain` examples in README.md are what the command prints:
/// the reading of a Chinese and an English pair, governed and not.
#[test]
fn check_explain_prints_the_readme_examples() {
    let readme = include_str!("../README.md");
    let mut examples = 0;
    for block in readme.split("$ printf '").skip(1) {
        let Some((input, rest)) = block.split_once("' | servstd check --explain\n") else {
            continue;
        };
        let mut expected = String::new();
        for line in rest
            .lines()
            .take_while(|l| !l.is_empty() && !l.starts_with("```"))
        {
            expected.push_str(line);
            expected.push('\n');
        }
        let stdin = input.replace("\\n", "\n");
        let out = servstd()
            .args(["check", "--explain"])
            .write_stdin(stdin)
            .assert()
            .code(1);
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert_eq!(stdout, expected, "README example for {input}");
        examples += 1;
    }
    assert_eq!(examples, 2, "one Chinese and one English example");
}

#[test]
fn check_explain_names_the_governing_criterion_and_who_acts() {
    let out = servstd()
        .args(["check", "--explain"])
        .write_stdin("顧客起身時熱情相送\n至少提前24小時通知顧客並提供2個新時段\n")
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    // 起身 is the customer's act: it states nothing about 熱情.
    assert!(lines[0].starts_with("vague\t含糊用語「熱情」"), "{stdout}");
    assert!(lines.contains(&"\t未說明：「熱情」（態度）"), "{stdout}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("顧客起身時") && l.contains("由顧客")),
        "{stdout}"
    );
    // Two criteria in one standard: measurable, with the specific rule's hint.
    let second = lines
        .iter()
        .position(|l| l.starts_with("ok\t"))
        .expect("ok line");
    assert!(
        lines[second..]
            .iter()
            .any(|l| l.contains("一條標準裡有兩個動作")),
        "{stdout}"
    );
}

/// The call-centre sample with S-1 made vague and S-2 owned by no role.
fn call_centre_with_findings(dir: &TempDir) -> PathBuf {
    let text = include_str!("../standards/call-centre.standards.ron")
        .replacen(
            "The main menu offers no more than 4 options, and no caller passes through more than 2 menu levels",
            "The menu is friendly and quick",
            1,
        )
        .replacen("owner_role: \"Workforce planner\",", "", 1);
    write(dir, "cc.standards.ron", text)
}

#[test]
fn approve_refuses_a_set_with_findings_names_them_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let path = call_centre_with_findings(&dir);
    let before = fs::read(&path).unwrap();
    let out = servstd()
        .args(["approve", "--by", "Alan Brooks", "--new-revision"])
        .arg(&path)
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("cc.standards.ron: error: not approved: 2 findings stand in the way"),
        "{stderr}"
    );
    // Each finding at its place, with the standard's ID.
    let s1_line = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l.contains("id: \"S-1\""))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("cc.standards.ron:{s1_line}:")) && stderr.contains(": S-1: "),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches(": S-1: ").count(),
        2,
        "vague, and no owner role: {stderr}"
    );
    assert!(stderr.contains("--despite-findings"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before, "nothing written");

    // An empty reason is none.
    servstd()
        .args([
            "approve",
            "--by",
            "Alan Brooks",
            "--new-revision",
            "--despite-findings",
            " ",
        ])
        .arg(&path)
        .assert()
        .code(1);
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn approve_despite_findings_records_how_many_and_why_in_the_history() {
    let dir = TempDir::new().unwrap();
    let path = call_centre_with_findings(&dir);
    servstd()
        .args([
            "approve",
            "--by",
            "Alan Brooks",
            "--new-revision",
            "--despite-findings",
            "menu rewrite due in January",
        ])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "approved as revision 2.4 by Alan Brooks",
        ))
        .stdout(predicate::str::contains(
            "approved despite 2 findings: menu rewrite due in January",
        ));
    let set: servstd::core::model::StandardsSet =
        servstd::core::storage::load(&path).unwrap().document;
    let last = set.history.last().unwrap();
    assert_eq!(last.revision, "2.4");
    assert_eq!(
        last.despite,
        Some(servstd::core::model::Despite {
            findings: 2,
            reason: "menu rewrite due in January".into()
        })
    );
}

#[test]
fn approve_speaks_the_users_language_and_needs_an_approver_named() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "bank.standards.ron",
        include_str!("../standards/bank-branch.standards.ron").replacen(
            "owner_role: \"大堂经理\",",
            "",
            1,
        ),
    );
    let before = fs::read(&path).unwrap();
    servstd()
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["approve", "--by", "行长", "--new-revision"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("未批准：有 1 个问题妨碍批准"))
        .stderr(predicate::str::contains(": S-1: "));
    // The approver is never taken from the set's owner: it must be given.
    servstd()
        .args(["approve", "--new-revision"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--by"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn check_of_a_set_file_checks_its_standards_by_id_as_the_export_warning_says() {
    let dir = TempDir::new().unwrap();
    let path = call_centre_with_findings(&dir);
    let out = servstd()
        .args(["export", "-o"])
        .arg(dir.path().join("cc.pdf"))
        .arg(&path)
        .assert()
        .code(0);
    let warning = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let command = format!("`servstd check {}`", path.display());
    assert!(warning.contains(&command), "{warning}");
    // The command it names checks the set's standards, one line each, by ID.
    let out = servstd().arg("check").arg(&path).assert().code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let set: servstd::core::model::StandardsSet =
        servstd::core::storage::load(&path).unwrap().document;
    assert_eq!(text.lines().count(), set.counts().standards, "{text}");
    assert!(
        text.lines().next().unwrap().starts_with("vague\tS-1\t"),
        "{text}"
    );
    assert!(
        text.lines().nth(1).unwrap().starts_with("ok\tS-2\t"),
        "{text}"
    );
    assert!(!text.contains("StandardsSet("), "{text}");
    // By content, under any name; a record is pointed to validate.
    let renamed = write(&dir, "cc.txt", fs::read(&path).unwrap());
    servstd()
        .arg("check")
        .arg(&renamed)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("vague\tS-1\t"));
    let record = write(
        &dir,
        "r.inspection.ron",
        include_str!("../standards/restaurant-2026-10.inspection.ron"),
    );
    servstd()
        .arg("check")
        .arg(&record)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("servstd validate"));
}

#[test]
fn validate_marks_a_follow_up_visit_as_such() {
    let dir = TempDir::new().unwrap();
    write(&dir, "restaurant.standards.ron", SAMPLE);
    let record = include_str!("../standards/restaurant-2026-10.inspection.ron");
    let follow_up = record.replacen(
        "    verdicts: [",
        "    only: [\"S-1\", \"S-2\"],\n    visit: FollowUp,\n    verdicts: [",
        1,
    );
    let path = write(&dir, "f.inspection.ron", follow_up);
    let out = servstd().arg("validate").arg(&path).assert();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("(follow-up)"), "{text}");
    // A whole visit says nothing of the kind.
    let path = write(&dir, "w.inspection.ron", record);
    let out = servstd().arg("validate").arg(&path).assert();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!text.contains("follow-up"), "{text}");
}

#[test]
fn a_report_marks_a_follow_up_visit_and_leaves_it_out_of_the_trend() {
    let dir = TempDir::new().unwrap();
    write(&dir, "restaurant.standards.ron", SAMPLE);
    let whole = include_str!("../standards/restaurant-2026-10.inspection.ron");
    let earlier = write(
        &dir,
        "a.inspection.ron",
        whole.replace("2026-10-23T", "2026-09-18T"),
    );
    let follow_up = write(
        &dir,
        "b.inspection.ron",
        whole.replace("2026-10-23T", "2026-11-02T").replacen(
            "    verdicts: [",
            "    only: [\"S-1\", \"S-2\"],\n    visit: FollowUp,\n    verdicts: [",
            1,
        ),
    );
    let pdf = dir.path().join("report.pdf");
    servstd()
        .args(["report", "--lang", "en", "-o"])
        .arg(&pdf)
        .arg(&earlier)
        .arg(&follow_up)
        .assert()
        .code(0);
    let words = pdf_words(&fs::read(&pdf).unwrap());
    assert!(words.contains("Follow-up: 2 standards checked"), "{words}");
    assert!(words.contains("(follow-up)"), "{words}");
    assert!(
        words.contains("left out of the trend: 2026-11-02"),
        "{words}"
    );
}
