//! The fillable checklist end to end: `export --fillable`, filled by pypdf
//! (as most viewers fill it) or as Apple Preview fills it (the buttons
//! only), `import` back, and the record scored as the window would score the
//! same answers; unfilled, mismatched and hostile PDFs.
//!
//! The pypdf tests skip with a message when `python3 -c 'import pypdf'`
//! fails, unless `SERVSTD_REQUIRE_PYPDF=1` (CI sets it): then they fail.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use lopdf::{Document, Object, dictionary};
use servstd::core::inspection::{Inspection, Verdict, score};
use servstd::core::model::StandardsSet;
use servstd::core::storage;
use tempfile::TempDir;

mod run;
use run::servstd;

#[cfg(feature = "gui")]
mod common;

fn run(args: &[&str], dir: &Path) -> Output {
    servstd().current_dir(dir).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Whether pypdf is there to fill forms with; in CI it must be.
fn have_pypdf() -> bool {
    let ok = std::process::Command::new("python3")
        .args(["-c", "import pypdf"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("SERVSTD_REQUIRE_PYPDF").is_none_or(|v| v != "1"),
            "SERVSTD_REQUIRE_PYPDF=1 but `python3 -c 'import pypdf'` fails: pip install pypdf"
        );
        eprintln!("skipped: pypdf is not installed (pip install pypdf) to fill the form with");
    }
    ok
}

/// The restaurant sample saved as `shop.standards.ron` in a new folder,
/// and its fillable checklist beside it as `form.pdf`.
fn set_and_form() -> (TempDir, StandardsSet) {
    let dir = tempfile::tempdir().unwrap();
    let set = servstd::core::templates::default_sample();
    storage::save(&dir.path().join("shop.standards.ron"), &set).unwrap();
    let out = run(
        &[
            "export",
            "shop.standards.ron",
            "--layout",
            "checklist",
            "--fillable",
            "-o",
            "form.pdf",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, set)
}

/// The answers every filled form in these tests gives: a mix of verdicts,
/// notes in Chinese and English, and standards left blank.
struct Answers {
    site: &'static str,
    inspector: &'static str,
    verdicts: Vec<(String, Verdict)>,
    notes: Vec<(String, &'static str)>,
}

fn answers(set: &StandardsSet) -> Answers {
    let ids: Vec<String> = set.standards().map(|(_, s)| s.id.clone()).collect();
    let mut verdicts = Vec::new();
    // Every fourth left blank (not checked); fails and N/As among the rest.
    for (i, id) in ids.iter().enumerate() {
        let verdict = match i % 4 {
            0 | 1 => Verdict::Pass,
            2 if i % 3 == 0 => Verdict::Fail,
            2 => Verdict::NotApplicable,
            _ => continue,
        };
        verdicts.push((id.clone(), verdict));
    }
    let failed = verdicts
        .iter()
        .find(|(_, v)| *v == Verdict::Fail)
        .map(|(id, _)| id.clone())
        .unwrap();
    Answers {
        site: "人民路店",
        inspector: "Li Wei",
        verdicts,
        notes: vec![
            (failed, "没有说“您好”，等了两分钟"),
            (ids[0].clone(), "rang twice"),
        ],
    }
}

fn state(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Pass => "Pass",
        Verdict::Fail => "Fail",
        Verdict::NotApplicable => "NA",
        Verdict::NotChecked => "Off",
    }
}

/// Fills `form` into `filled` with tests/data/fill-form.py, in `mode`.
fn fill_with_pypdf(dir: &Path, form: &str, filled: &str, mode: &str, a: &Answers) {
    let json = serde_json::json!({
        "fields": {"site": a.site, "inspector": a.inspector, "date": "2026-12-03", "time": "14:30"},
        "verdicts": a.verdicts.iter().map(|(id, v)| (id.clone(), state(*v))).collect::<BTreeMap<_, _>>(),
        "notes": a.notes.iter().cloned().collect::<BTreeMap<_, _>>(),
    });
    fs::write(dir.join("answers.json"), json.to_string()).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fill-form.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .args([form, filled, mode, "answers.json"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pypdf: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn load(path: &Path) -> Inspection {
    storage::load::<Inspection>(path).unwrap().document
}

/// The same answers entered as the window enters them: its start form, its
/// inspect session answering one standard at a time, Finish.
#[cfg(feature = "gui")]
fn entered_in_the_window(dir: &Path, set: &StandardsSet, a: &Answers) -> PathBuf {
    use servstd::gui::views::inspect::{Session, StartForm};
    let set_path = dir.join("shop.standards.ron");
    let path = dir.join("window.inspection.ron");
    let when = jiff::civil::date(2026, 12, 3).at(14, 30, 0, 0);
    let mut form = StartForm::new(set, Some(&set_path), dir, when);
    a.site.clone_into(&mut form.site);
    a.inspector.clone_into(&mut form.inspector);
    let record = form.record(set, Some(&set_path), &path, when);
    let mut session = Session::new(record, path.clone(), set);
    for (id, verdict) in &a.verdicts {
        session.current = session.order.iter().position(|o| o == id).unwrap();
        session.answer(set, *verdict);
    }
    for (id, note) in &a.notes {
        session.current = session.order.iter().position(|o| o == id).unwrap();
        session.set_note(set, (*note).to_owned());
    }
    session.record.finished = Some(when);
    session.save();
    assert_eq!(session.save_error, None);
    path
}

/// The score `servstd report` prints for a record: the first percentage
/// after "Score" in the report's text.
#[cfg(feature = "gui")]
fn reported_score(dir: &Path, record: &str) -> String {
    let pdf = format!("{record}.pdf");
    let out = run(&["report", record, "--lang", "en", "-o", &pdf], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .args([pdf.as_str(), "-"])
        .current_dir(dir)
        .output()
        .expect("pdftotext (poppler-utils) reads the report");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let after = &text[text.find("Score").expect("the report has a score")..];
    after
        .split_whitespace()
        .find(|w| w.ends_with('%'))
        .expect("a percentage")
        .to_owned()
}

#[cfg(feature = "gui")]
#[test]
fn a_form_filled_by_pypdf_scores_as_the_same_answers_entered_in_the_window() {
    if !have_pypdf() {
        return;
    }
    let (dir, set) = set_and_form();
    let a = answers(&set);
    fill_with_pypdf(dir.path(), "form.pdf", "filled.pdf", "pypdf", &a);
    let out = run(&["import", "filled.pdf"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("written to"), "{}", stderr(&out));
    let imported = load(&dir.path().join("filled.inspection.ron"));
    let window = load(&entered_in_the_window(dir.path(), &set, &a));
    assert_eq!(imported.site, "人民路店");
    assert_eq!(imported.inspector, "Li Wei");
    assert_eq!(imported.standards, window.standards);
    assert_eq!(imported.when, window.when);
    // The same answers, notes (Chinese too) and all.
    assert_eq!(imported.verdicts, window.verdicts);
    assert_eq!(score(&set, &imported), score(&set, &window));
    let imported_score = reported_score(dir.path(), "filled.inspection.ron");
    let window_score = reported_score(dir.path(), "window.inspection.ron");
    assert_eq!(imported_score, window_score);
    // Something was scored: not 0% of nothing.
    assert_ne!(imported_score, "0%");
}

#[test]
fn a_form_filled_as_preview_fills_it_buttons_only_imports_the_same() {
    if !have_pypdf() {
        return;
    }
    let (dir, set) = set_and_form();
    let a = answers(&set);
    fill_with_pypdf(dir.path(), "form.pdf", "pypdf.pdf", "pypdf", &a);
    fill_with_pypdf(dir.path(), "form.pdf", "preview.pdf", "preview", &a);
    // The Preview fill really has no group values: only buttons are on.
    let off = Object::Name(b"Off".to_vec());
    let doc = Document::load(dir.path().join("preview.pdf")).unwrap();
    let group_values = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"FT").is_ok_and(|t| t.as_name().ok() == Some(b"Btn")))
        .filter(|d| d.get(b"V").is_ok_and(|v| *v != off))
        .count();
    assert_eq!(group_values, 0);
    for file in ["pypdf.pdf", "preview.pdf"] {
        let out = run(&["import", file], dir.path());
        assert!(out.status.success(), "{file}: {}", stderr(&out));
    }
    let by_pypdf = load(&dir.path().join("pypdf.inspection.ron"));
    let by_preview = load(&dir.path().join("preview.inspection.ron"));
    assert_eq!(by_preview.verdicts, by_pypdf.verdicts);

    assert_eq!(
        by_preview.verdict(&a.verdicts[0].0),
        a.verdicts[0].1,
        "the first answer"
    );
}

#[test]
fn an_unfilled_form_imports_as_a_partial_visit_with_nothing_checked() {
    let (dir, set) = set_and_form();
    let out = run(
        &["import", "form.pdf", "-o", "blank.inspection.ron"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // No date, no site: said, not silently made up.
    assert!(stderr(&out).contains("no date"), "{}", stderr(&out));
    assert!(stderr(&out).contains("names no site"), "{}", stderr(&out));
    let record = load(&dir.path().join("blank.inspection.ron"));
    assert!(record.finished.is_some(), "a visit done");
    assert!(record.scope.is_empty(), "of every contact point");
    let scores = score(&set, &record);
    assert_eq!(scores.overall.answered(), 0);
    assert_eq!(
        scores.overall.not_checked,
        set.standards().count(),
        "every standard not checked"
    );
    // A second import never replaces the record, unless asked.
    let again = run(
        &["import", "form.pdf", "-o", "blank.inspection.ron"],
        dir.path(),
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("exists"), "{}", stderr(&again));
    let forced = run(
        &[
            "import",
            "form.pdf",
            "-o",
            "blank.inspection.ron",
            "--force",
        ],
        dir.path(),
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
}

/// Ticks `verdicts` on the form at `path` (as a viewer would: the group's
/// value and the button's state) and sets the text fields `texts`.
fn fill_with_lopdf(path: &Path, verdicts: &[(&str, &str)], texts: &[(&str, &str)]) {
    let mut doc = Document::load(path).unwrap();
    let ids: Vec<lopdf::ObjectId> = doc.objects.keys().copied().collect();
    for id in ids {
        let Ok(Object::Dictionary(dict)) = doc.get_object(id) else {
            continue;
        };
        let name = dict
            .get(b"T")
            .ok()
            .and_then(|t| t.as_str().ok())
            .map(|t| String::from_utf8_lossy(t).into_owned());
        let Some(name) = name else { continue };
        let kids: Vec<lopdf::ObjectId> = dict
            .get(b"Kids")
            .and_then(Object::as_array)
            .map(|a| a.iter().filter_map(|k| k.as_reference().ok()).collect())
            .unwrap_or_default();
        if let Some((_, state)) = verdicts.iter().find(|(id, _)| *id == name) {
            let dict = doc.get_dictionary_mut(id).unwrap();
            dict.set("V", Object::Name(state.as_bytes().to_vec()));
            for kid in kids {
                let widget = doc.get_dictionary_mut(kid).unwrap();
                let on = widget
                    .get(b"AP")
                    .and_then(Object::as_dict)
                    .and_then(|ap| ap.get(b"N"))
                    .and_then(Object::as_dict)
                    .is_ok_and(|n| n.has(state.as_bytes()));
                let shown = if on { *state } else { "Off" };
                widget.set("AS", Object::Name(shown.as_bytes().to_vec()));
            }
        } else if let Some((_, value)) = texts.iter().find(|(n, _)| *n == name) {
            let dict = doc.get_dictionary_mut(id).unwrap();
            dict.set("V", Object::string_literal(*value));
        }
    }
    doc.save(path).unwrap();
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Imports `file` and expects a clear refusal saying `says`, and nothing
/// written.
fn refused(dir: &Path, args: &[&str], says: &str) {
    let before = files_in(dir);
    let out = run(args, dir);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error:"), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?} should say “{says}”: {err}");
    assert_eq!(files_in(dir), before, "{args:?} wrote something");
}

#[test]
fn a_form_of_another_revision_says_what_differs_and_never_loses_an_answer() {
    let (dir, mut set) = set_and_form();
    let ids: Vec<String> = set.standards().map(|(_, s)| s.id.clone()).collect();
    fill_with_lopdf(
        &dir.path().join("form.pdf"),
        &[(&ids[0], "Pass"), (&ids[1], "Fail")],
        &[("site", "Shop 1"), ("date", "2026/12/3")],
    );
    // The set moves on: one standard reworded, the second one removed.
    set.revision = "9.0".into();
    let first = ids[0].clone();
    let second = ids[1].clone();
    for cp in &mut set.contact_points {
        for step in &mut cp.steps {
            for factor in &mut step.factors {
                for s in &mut factor.standards {
                    if s.id == first {
                        s.text.push_str(" (reworded)");
                    }
                }
                factor.standards.retain(|s| s.id != second);
            }
        }
    }
    storage::save(&dir.path().join("next.standards.ron"), &set).unwrap();
    // An answered standard the set no longer has: refused, naming it.
    refused(
        dir.path(),
        &["import", "form.pdf", "--set", "next.standards.ron"],
        &second,
    );
    // Only reworded: imported, with a warning that lists what differs.
    let mut reworded = servstd::core::templates::default_sample();
    reworded.revision = "2.2".into();
    for cp in &mut reworded.contact_points {
        for step in &mut cp.steps {
            for factor in &mut step.factors {
                for s in &mut factor.standards {
                    if s.id == first {
                        s.text.push_str(" (reworded)");
                    }
                }
            }
        }
    }
    storage::save(&dir.path().join("reworded.standards.ron"), &reworded).unwrap();
    let out = run(
        &["import", "form.pdf", "--set", "reworded.standards.ron"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("revision 2.1, the set is revision 2.2"),
        "{err}"
    );
    assert!(err.contains("changed since the form was made"), "{err}");
    assert!(err.contains(&first), "{err}");
    let record = load(&dir.path().join("form.inspection.ron"));
    assert_eq!(record.verdict(&first), Verdict::Pass);
    assert_eq!(record.verdict(&second), Verdict::Fail);
    assert_eq!(record.site, "Shop 1");
    assert_eq!(record.when, jiff::civil::date(2026, 12, 3).at(0, 0, 0, 0));
}

#[test]
fn hostile_and_wrong_pdfs_are_refused_clearly_and_nothing_is_written() {
    let (dir, _) = set_and_form();
    let d = dir.path();
    // Not a PDF at all.
    fs::write(d.join("notes.pdf"), "just some text").unwrap();
    refused(
        d,
        &["import", "notes.pdf", "--set", "shop.standards.ron"],
        "not a PDF",
    );
    // A PDF cut short.
    let form = fs::read(d.join("form.pdf")).unwrap();
    fs::write(d.join("cut.pdf"), &form[..form.len() / 3]).unwrap();
    refused(
        d,
        &["import", "cut.pdf", "--set", "shop.standards.ron"],
        "error:",
    );
    // Huge: refused before it is read.
    let huge = fs::File::create(d.join("huge.pdf")).unwrap();
    huge.set_len(storage::MAX_FILE_BYTES + 1).unwrap();
    drop(huge);
    refused(
        d,
        &["import", "huge.pdf", "--set", "shop.standards.ron"],
        "more than the 32 MB a filled checklist can be",
    );
    fs::remove_file(d.join("huge.pdf")).unwrap();
    // A plain checklist: no form.
    let out = run(
        &[
            "export",
            "shop.standards.ron",
            "--layout",
            "checklist",
            "-o",
            "plain.pdf",
        ],
        d,
    );
    assert!(out.status.success());
    refused(
        d,
        &["import", "plain.pdf", "--set", "shop.standards.ron"],
        "not a fillable servstd checklist",
    );
    // Somebody else's form: fields, but none of ours.
    let mut other = Document::with_version("1.7");
    let field = other.add_object(dictionary! {
        "FT" => "Tx", "T" => Object::string_literal("Name"), "V" => Object::string_literal("x"),
    });
    let form_id = other.add_object(dictionary! { "Fields" => vec![field.into()] });
    let pages = other.add_object(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
    let catalog = other.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages, "AcroForm" => form_id,
    });
    other.trailer.set("Root", catalog);
    other.save(d.join("other.pdf")).unwrap();
    refused(
        d,
        &["import", "other.pdf", "--set", "shop.standards.ron"],
        "not a fillable servstd checklist",
    );
    // Fields nested far deeper than any checklist's.
    let mut deep = Document::with_version("1.7");
    let mut kid =
        deep.add_object(dictionary! { "FT" => "Tx", "T" => Object::string_literal("leaf") });
    for level in 0..40 {
        kid = deep.add_object(dictionary! {
            "T" => Object::string_literal(format!("l{level}")),
            "Kids" => vec![kid.into()],
        });
    }
    let form_id = deep.add_object(dictionary! { "Fields" => vec![kid.into()] });
    let pages = deep.add_object(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
    let catalog = deep.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages, "AcroForm" => form_id,
    });
    deep.trailer.set("Root", catalog);
    deep.save(d.join("deep.pdf")).unwrap();
    refused(
        d,
        &["import", "deep.pdf", "--set", "shop.standards.ron"],
        "levels deep",
    );
    // Arrays nested past the parser's limit, in a PDF whose cross-reference
    // table is right, so the nesting is what stops it.
    let head = "%PDF-1.7\n";
    let object = format!(
        "1 0 obj\n<< /Type /Catalog /AcroForm << /Fields {}{} >> >>\nendobj\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let xref = head.len() + object.len();
    let nested = format!(
        "{head}{object}xref\n0 2\n0000000000 65535 f \n{:010} 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        head.len()
    );
    fs::write(d.join("nested.pdf"), nested).unwrap();
    refused(
        d,
        &["import", "nested.pdf", "--set", "shop.standards.ron"],
        "error:",
    );
    // A checklist of another set.
    let bank = servstd::core::templates::TEMPLATES
        .iter()
        .find(|t| t.title() != servstd::core::templates::default_sample().title)
        .unwrap()
        .set();
    storage::save(&d.join("bank.standards.ron"), &bank).unwrap();
    let out = run(
        &[
            "export",
            "bank.standards.ron",
            "--fillable",
            "-o",
            "bank-form.pdf",
        ],
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    refused(
        d,
        &["import", "bank-form.pdf", "--set", "shop.standards.ron"],
        "import it with its own set",
    );
    // The form names its set beside it; without that file it says so.
    fs::rename(d.join("bank.standards.ron"), d.join("bank.moved")).unwrap();
    refused(d, &["import", "bank-form.pdf"], "name the set with --set");
}

#[test]
fn the_form_has_a_radio_group_per_standard_and_hidden_fields_of_its_set() {
    let (dir, set) = set_and_form();
    let doc = Document::load(dir.path().join("form.pdf")).unwrap();
    let catalog = doc.catalog().unwrap();
    let form = doc
        .get_dictionary(catalog.get(b"AcroForm").unwrap().as_reference().unwrap())
        .unwrap();
    assert!(form.get(b"NeedAppearances").unwrap().as_bool().unwrap());
    let fields =
        servstd::export::pdf::form_read::read(&fs::read(dir.path().join("form.pdf")).unwrap())
            .unwrap();
    let names: Vec<&str> = fields.0.iter().map(|(n, _)| n.as_str()).collect();
    for (_, s) in set.standards() {
        assert!(
            names.contains(&s.id.as_str()),
            "{} has its verdict group",
            s.id
        );
        assert!(names.contains(&format!("note:{}", s.id).as_str()));
    }
    for name in [
        "site",
        "inspector",
        "date",
        "servstd:fingerprint",
        "servstd:revision",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    let fingerprint = fields
        .0
        .iter()
        .find(|(n, _)| n == "servstd:fingerprint")
        .unwrap();
    assert_eq!(
        fingerprint.1,
        servstd::core::inspection::form::FieldValue::Text(set.fingerprint())
    );
    // Every page's buttons have a tick to show when on, and none when off.
    let widgets = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has(b"Parent") && d.has(b"AP"))
        .count();
    assert_eq!(widgets, 3 * set.standards().count());
    // Printed, the form has the plain checklist's pages.
    let plain = run(
        &["export", "shop.standards.ron", "-o", "plain.pdf"],
        dir.path(),
    );
    assert!(plain.status.success());
    let plain = Document::load(dir.path().join("plain.pdf")).unwrap();
    assert_eq!(plain.get_pages().len(), doc.get_pages().len());
    // --fillable is for checklists only.
    let out = run(
        &[
            "export",
            "shop.standards.ron",
            "--layout",
            "cards",
            "--fillable",
            "-o",
            "cards.pdf",
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("--layout checklist"),
        "{}",
        stderr(&out)
    );
}

/// The window: the Export dialog's fillable form, then Inspection › Import
/// filled checklist… on it once filled, and the visit in the results at once.
#[cfg(feature = "gui")]
#[test]
fn the_window_exports_a_fillable_form_and_imports_it_filled_into_the_results() {
    use egui_kittest::kittest::Queryable;
    use servstd::gui::app::ServstdApp;
    use servstd::gui::state::{Command, Modal, Purpose, Reply, View};
    let (dir, set) = set_and_form();
    let set_path = dir.path().join("shop.standards.ron");
    let mut app = ServstdApp::with_sample(common::english());
    app.open_path(&set_path);
    let mut h = common::harness_sized(app, 800.0);
    h.run();
    h.state_mut().run(Command::Export);
    h.run();
    let Some(Modal::Export(mut choice)) = h.state().modal.clone() else {
        panic!("the Export dialog is open");
    };
    // The dialog offers the form for the checklist.
    h.get_by_label_contains("Fillable form");
    choice.fillable = true;
    let pdf = dir.path().join("window-form.pdf");
    choice.path = pdf.display().to_string();
    h.state_mut().answer(Reply::WriteExport(choice));
    common::finish_jobs(&mut h);
    let written = Document::load(&pdf).expect("the form is written");
    assert!(written.catalog().unwrap().has(b"AcroForm"), "a PDF form");
    let ids: Vec<String> = set.standards().map(|(_, s)| s.id.clone()).collect();
    fill_with_lopdf(
        &pdf,
        &[(&ids[0], "Pass"), (&ids[1], "Fail"), (&ids[2], "NA")],
        &[
            ("site", "Shop 1"),
            ("inspector", "Ann"),
            ("date", "2026-12-03"),
        ],
    );
    h.state_mut().modal = None;
    h.state_mut().run(Command::ImportFilledChecklist);
    h.run();
    assert!(
        matches!(
            h.state().modal,
            Some(Modal::Path {
                purpose: Purpose::ImportFilledChecklist,
                ..
            })
        ) || h.state().waiting_for_chooser(),
        "a file is asked for"
    );
    h.state_mut().modal = None;
    h.state_mut()
        .path_chosen(Purpose::ImportFilledChecklist, &pdf);
    common::step_until(&mut h, "the results", |app| !app.results.gathering());
    assert_eq!(h.state().view, View::Results);
    let record_path = dir.path().join("window-form.inspection.ron");
    assert!(record_path.is_file(), "written beside the set");
    let shown: Vec<&Inspection> = h
        .state()
        .results
        .inspections
        .iter()
        .map(|(_, i)| i)
        .filter(|i| i.site == "Shop 1")
        .collect();
    assert_eq!(shown.len(), 1, "the visit is in the results once");
    assert_eq!(shown[0].verdict(&ids[1]), Verdict::Fail);
    // Imported again: a new record beside the first, never over it.
    h.state_mut()
        .path_chosen(Purpose::ImportFilledChecklist, &pdf);
    assert!(dir.path().join("window-form-2.inspection.ron").is_file());
}
