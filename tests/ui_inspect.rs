//! Inspect mode and the results view through `egui_kittest`: an auditor
//! answers with the keyboard, closes, resumes and finishes; a manager reads
//! the results and writes the report.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servstd::core::inspection::{Inspection, Verdict};
use servstd::gui::app::{BINDINGS, Command, Modal, Scope, ServstdApp, Session, View};

mod common;
use common::{english, finish_jobs, harness_sized};

fn harness(app: ServstdApp) -> Harness<'static, ServstdApp> {
    harness_sized(app, 900.0)
}

fn type_into(h: &mut Harness<'static, ServstdApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn press(h: &mut Harness<'static, ServstdApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn current(h: &Harness<'static, ServstdApp>) -> String {
    h.state()
        .session
        .as_ref()
        .and_then(|s| s.current_id())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn an_auditor_answers_with_the_keyboard_closes_resumes_and_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("xuhui.inspection.ron");
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("Inspect").click();
    h.run();
    assert_eq!(h.state().view, View::Inspect);

    // The form refuses to start without a site and an inspector.
    h.get_by_label("Start inspection").click();
    h.run();
    h.get_by_label("Fill in the site and the inspector.");
    type_into(&mut h, Role::TextInput, "Site", "徐汇店");
    type_into(&mut h, Role::TextInput, "Inspector", "李娜");
    type_into(
        &mut h,
        Role::TextInput,
        "Record file (.inspection.ron)",
        &record.display().to_string(),
    );
    h.get_by_label("Start inspection").click();
    h.run();
    assert!(record.exists(), "the record is written at the start");
    assert_eq!(current(&h), "S-1");

    // Keyboard only from here: 1 pass, 2 fail (then the note and Enter), 3 N/A.
    press(&mut h, Key::Num1);
    assert_eq!(current(&h), "S-2");
    press(&mut h, Key::Num2);
    assert_eq!(current(&h), "S-2", "a fail stays for its note");
    h.get_by_role_and_label(Role::TextInput, "Note (what you saw)")
        .type_text("问候语漏了店名");
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(current(&h), "S-3");
    press(&mut h, Key::Num3);
    assert_eq!(current(&h), "S-4");
    // Arrows move without answering; U jumps back to the gap.
    press(&mut h, Key::ArrowDown);
    assert_eq!(current(&h), "S-5");
    press(&mut h, Key::ArrowDown);
    assert_eq!(current(&h), "S-6");
    press(&mut h, Key::ArrowUp);
    assert_eq!(current(&h), "S-5");
    // Tab and Shift+Tab move too.
    press(&mut h, Key::Tab);
    assert_eq!(current(&h), "S-6");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(current(&h), "S-5");
    press(&mut h, Key::Num1);
    assert_eq!(current(&h), "S-6");
    // U goes to the next standard without an answer.
    for _ in 0..3 {
        press(&mut h, Key::ArrowUp);
    }
    assert_eq!(current(&h), "S-3");
    press(&mut h, Key::U);
    assert_eq!(current(&h), "S-4");
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowDown);
    assert_eq!(current(&h), "S-6");
    // N writes a note on a pass too.
    press(&mut h, Key::N);
    h.get_by_role_and_label(Role::TextInput, "Note (what you saw)")
        .type_text("SMS sent at 17:40");
    h.run();
    press(&mut h, Key::Escape);
    press(&mut h, Key::Num1);
    assert_eq!(current(&h), "S-7");

    let saved: Inspection = servstd::core::storage::load(&record).unwrap().document;
    assert_eq!(saved.verdict("S-1"), Verdict::Pass);
    assert_eq!(saved.verdict("S-2"), Verdict::Fail);
    assert_eq!(saved.entry("S-2").unwrap().note, "问候语漏了店名");
    assert_eq!(saved.verdict("S-3"), Verdict::NotApplicable);
    assert_eq!(saved.verdict("S-4"), Verdict::NotChecked);
    assert_eq!(saved.entry("S-6").unwrap().note, "SMS sent at 17:40");

    // Close, then resume from the file: it picks up at the first gap (S-4).
    h.state_mut().run(Command::CloseInspection);
    h.run();
    assert!(h.state().session.is_none());
    h.state_mut().run(Command::ResumeInspection);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::Path { .. })));
    type_into(
        &mut h,
        Role::TextInput,
        "File path",
        &record.display().to_string(),
    );
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(current(&h), "S-4");
    assert_eq!(h.state().view, View::Inspect);

    // Answer everything left with the keyboard: pass, or a fail with a note.
    let mut guard = 0;
    while h
        .state()
        .session
        .as_ref()
        .is_some_and(|s| s.answered() < s.order.len())
    {
        guard += 1;
        assert!(guard < 200, "the inspection does not end");
        let id = current(&h);
        if h.state().session.as_ref().unwrap().record.verdict(&id) != Verdict::NotChecked {
            press(&mut h, Key::U);
            continue;
        }
        if id == "S-24" {
            press(&mut h, Key::Num2);
            h.get_by_role_and_label(Role::TextInput, "Note (what you saw)")
                .type_text("first dish after 22 minutes");
            h.run();
            press(&mut h, Key::Enter);
        } else {
            press(&mut h, Key::Num1);
        }
    }
    h.get_by_label("Finish").click();
    h.run();
    h.get_by_label("Inspection summary");
    h.get_by_label("Fail: a critical standard failed");

    let saved: Inspection = servstd::core::storage::load(&record).unwrap().document;
    let order = servstd::core::inspection::standard_order(h.state().doc.set());
    assert_eq!(
        saved.verdicts.len(),
        order.len(),
        "every standard has its verdict"
    );
    assert!(
        saved
            .verdicts
            .iter()
            .all(|e| e.verdict != Verdict::NotChecked)
    );
    assert_eq!(saved.verdict("S-24"), Verdict::Fail);
    assert_eq!(saved.site, "徐汇店");
    let checked = servstd::core::inspection::check::check(&saved, h.state().doc.set());
    assert!(checked.is_empty(), "{checked:?}");
}

#[test]
fn the_results_view_shows_the_sample_inspections_and_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    // Tall enough that the failures under the charts are on screen.
    let mut h = harness_sized(ServstdApp::with_sample(english()), 1800.0);
    h.run();
    h.get_by_label("Results").click();
    h.run();
    assert_eq!(h.state().results.inspections.len(), 3);
    h.get_by_label("92%");
    h.get_by_label("Pass rate by contact point");
    h.get_by_label("Weak links: importance × satisfaction");
    // The failures of the latest inspection link to their standards.
    h.get_by_label_contains("S-44 顾客对账单有疑问时").click();
    h.run();
    assert_eq!(h.state().view, View::Standards);
    assert_eq!(h.state().selected.as_deref(), Some("S-44"));

    h.state_mut().run(Command::Report);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::Report(_))));
    type_into(
        &mut h,
        Role::TextInput,
        "Save to",
        &out.display().to_string(),
    );
    h.get_by_role_and_label(Role::Button, "Report").click();
    h.step();
    finish_jobs(&mut h);
    assert!(h.state().modal.is_none());
    let bytes = std::fs::read(&out).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    assert!(doc.get_pages().len() >= 5);
}

/// An app with an inspection of the sample under way, in inspect mode.
fn inspecting(dir: &std::path::Path) -> ServstdApp {
    let mut app = ServstdApp::with_sample(english());
    let path = dir.join("keys.inspection.ron");
    let when = jiff::civil::date(2026, 11, 23).at(10, 0, 0, 0);
    let record = Inspection::new(app.doc.set(), None, &path, when);
    app.session = Some(Session::new(record, path, app.doc.set()));
    app.view = View::Inspect;
    app
}

#[test]
fn every_key_listed_in_help_runs_its_command() {
    let dir = tempfile::tempdir().unwrap();
    for binding in &BINDINGS {
        for key in binding.keys {
            let app = if binding.scope == Scope::Inspecting {
                inspecting(dir.path())
            } else {
                ServstdApp::with_sample(english())
            };
            let mut h = harness(app);
            h.run();
            h.key_press_modifiers(key.modifiers, key.logical_key);
            // Some commands (Open's file chooser) keep repainting: a few frames are enough.
            h.run_steps(3);
            assert!(
                h.state().history().any(|c| c == &binding.command),
                "{key:?} did not run {:?}; ran {:?}",
                binding.command,
                h.state().history().collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn help_lists_every_binding_with_its_keys() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.key_press(Key::F1);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::Shortcuts)));
    let words = servstd::core::i18n::words(servstd::core::model::Language::En);
    for binding in &BINDINGS {
        let help = (binding.help)(words);
        assert!(
            h.query_all_by_label(help).next().is_some(),
            "Help does not list “{help}”"
        );
    }
}
