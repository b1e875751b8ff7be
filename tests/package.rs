//! What the installable app ships besides the binary: completions and man
//! pages written from the clap definitions, the desktop entry, the MIME
//! types and the icons under assets/. (`.ci/package` builds, installs and
//! checks the real package; `desktop-file-validate` runs there.)

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use quick_xml::events::Event;
use servstd::core::storage::{INSPECTION_EXTENSION, STANDARDS_EXTENSION};

mod run;
use run::servstd;

/// The subcommands a user sees; each must be completed and have a page.
const SUBCOMMANDS: [&str; 14] = [
    "validate",
    "check",
    "fmt",
    "new",
    "export",
    "report",
    "approve",
    "diff",
    "actions",
    "import",
    "completions",
    "survey",
    "export-verdicts",
    "help",
];

#[test]
fn completions_for_bash_zsh_and_fish_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish"] {
        let out = servstd().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8(out.stdout).unwrap();
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell}: {sub} is not completed");
        }
    }
}

#[test]
fn completions_refuse_an_unknown_shell() {
    let out = servstd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bash"));
}

#[test]
fn man_pages_are_written_for_servstd_and_each_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("man1");
    let written = servstd::cli::man::write_pages(&out_dir).unwrap();
    assert_eq!(written[0], out_dir.join("servstd.1"));
    let main = fs::read_to_string(out_dir.join("servstd.1")).unwrap();
    assert!(main.contains(".TH servstd 1"), "{main}");
    for sub in SUBCOMMANDS.iter().filter(|s| **s != "help") {
        // roff writes a hyphen in a name as `\-`.
        let listed = main.contains(sub) || main.contains(&sub.replace('-', "\\-"));
        assert!(listed, "servstd.1 does not list {sub}");
        let page = fs::read_to_string(out_dir.join(format!("servstd-{sub}.1")))
            .unwrap_or_else(|e| panic!("servstd-{sub}.1: {e}"));
        assert!(page.contains(&format!(".TH servstd-{sub} 1")), "{page}");
    }
    // Nested subcommands get pages of their own: `servstd survey plan`, ….
    let nested = ["plan", "questionnaire", "template", "import"];
    for sub in nested {
        assert!(out_dir.join(format!("servstd-survey-{sub}.1")).is_file());
    }
    // One page each, help aside (it is `--help`), and servstd.1.
    assert_eq!(
        written.len(),
        SUBCOMMANDS.len() + nested.len(),
        "{written:?}"
    );
    // Options and their help come through: `validate --strict`.
    let validate = fs::read_to_string(out_dir.join("servstd-validate.1")).unwrap();
    assert!(validate.contains("strict"), "{validate}");
}

/// A desktop entry as groups of `key=value` (the format is INI-like; the
/// full rules are desktop-file-validate's, run in CI).
fn desktop_entry(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut groups: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut group = None;
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            assert!(
                groups.insert(name.to_owned(), BTreeMap::new()).is_none(),
                "line {}: group {name} twice",
                n + 1
            );
            group = Some(name.to_owned());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("line {}: not key=value: {line}", n + 1));
        let group = group.as_ref().expect("a key before any group");
        let keys = groups.get_mut(group).unwrap();
        assert!(
            keys.insert(key.to_owned(), value.to_owned()).is_none(),
            "line {}: {key} twice",
            n + 1
        );
    }
    groups
}

/// The MIME types of a shared-mime-info file: type → (glob, weight).
fn mime_globs(xml: &str) -> BTreeMap<String, Vec<(String, u32)>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut types: BTreeMap<String, Vec<(String, u32)>> = BTreeMap::new();
    let mut current = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &str| {
                    e.try_get_attribute(name).unwrap().map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                match e.name().as_ref() {
                    "mime-type" => {
                        let name = attr("type").expect("a mime-type has a type");
                        types.entry(name.clone()).or_default();
                        current = Some(name);
                    }
                    "glob" => {
                        let pattern = attr("pattern").expect("a glob has a pattern");
                        let weight = attr("weight").map_or(50, |w| w.parse().unwrap());
                        let on = current.as_ref().expect("a glob inside a mime-type");
                        types.get_mut(on).unwrap().push((pattern, weight));
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.name().as_ref() == "mime-type" => current = None,
            Event::Eof => break,
            _ => {}
        }
    }
    types
}

#[test]
fn the_desktop_entry_opens_servstds_files_in_three_languages() {
    let text = fs::read_to_string("assets/linux/servstd.desktop").unwrap();
    let groups = desktop_entry(&text);
    let entry = &groups["Desktop Entry"];
    assert_eq!(entry["Type"], "Application");
    assert_eq!(entry["Icon"], "servstd");
    assert_eq!(entry["Exec"], "servstd %f", "one file per window");
    assert!(entry["Categories"].split(';').any(|c| c == "Office"));
    for key in ["Name", "Comment", "GenericName"] {
        for lang in ["", "[zh_CN]", "[zh_TW]"] {
            let value = entry.get(&format!("{key}{lang}"));
            assert!(value.is_some_and(|v| !v.is_empty()), "{key}{lang}");
        }
    }
    // The types it opens are exactly the ones the MIME file defines.
    let xml = fs::read_to_string("assets/linux/servstd.xml").unwrap();
    let defined: BTreeSet<String> = mime_globs(&xml).into_keys().collect();
    let opened: BTreeSet<String> = entry["MimeType"]
        .split(';')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(opened, defined);
}

#[test]
fn the_mime_types_claim_servstds_extensions_over_generic_text() {
    let xml = fs::read_to_string("assets/linux/servstd.xml").unwrap();
    let types = mime_globs(&xml);
    let globs: BTreeMap<&str, u32> = types
        .values()
        .flatten()
        .map(|(pattern, weight)| (pattern.as_str(), *weight))
        .collect();
    for ext in [STANDARDS_EXTENSION, INSPECTION_EXTENSION] {
        let weight = globs
            .get(format!("*{ext}").as_str())
            .unwrap_or_else(|| panic!("no glob for {ext}: {globs:?}"));
        // freedesktop.org.xml's own globs weigh 50.
        assert!(*weight > 50, "{ext} weighs {weight}");
    }
}

#[test]
fn the_icon_is_there_at_every_size_and_is_the_window_icon() {
    for size in [16u32, 22, 24, 32, 48, 64, 128, 256, 512] {
        let path = format!("assets/icons/{size}x{size}/servstd.png");
        let icon = image::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!((icon.width(), icon.height()), (size, size), "{path}");
    }
    let window = fs::read("assets/icon.png").unwrap();
    let large = fs::read("assets/icons/256x256/servstd.png").unwrap();
    assert!(window == large, "assets/icon.png is not the 256 px icon");
    let svg = fs::read_to_string("assets/icons/servstd.svg").unwrap();
    assert!(svg.contains("<svg") && svg.contains("viewBox"));
}
