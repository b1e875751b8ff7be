//! Inspect mode and the results view through `egui_kittest`: an auditor
//! answers with the keyboard, closes, resumes and finishes; a manager reads
//! the results and writes the report.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servstd::core::inspection::{Inspection, Verdict};
use servstd::gui::app::ServstdApp;
use servstd::gui::state::{BINDINGS, Command, Modal, Reply, Scope, View};
use servstd::gui::views::inspect::Session;

mod common;
use common::{english, finish_jobs, harness_sized, step_until};

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
        .inspect
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
    h.get_by_role_and_label(Role::MultilineTextInput, "Note (what you saw)")
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
    h.get_by_role_and_label(Role::MultilineTextInput, "Note (what you saw)")
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

    // Close, then resume: the record in progress is offered (the folder it
    // was started in is remembered) and picks up at the first gap (S-4).
    h.state_mut().run(Command::CloseInspection);
    h.run();
    assert!(h.state().inspect.session.is_none());
    h.state_mut().run(Command::ResumeInspection);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::Resume(_))));
    h.get_by_label_contains("徐汇店 · 李娜").click();
    h.run();
    assert_eq!(current(&h), "S-4");
    assert_eq!(h.state().view, View::Inspect);

    // Answer everything left with the keyboard: pass, or a fail with a note.
    let mut guard = 0;
    while h
        .state()
        .inspect
        .session
        .as_ref()
        .is_some_and(|s| s.answered() < s.order.len())
    {
        guard += 1;
        assert!(guard < 200, "the inspection does not end");
        let id = current(&h);
        if h.state()
            .inspect
            .session
            .as_ref()
            .unwrap()
            .record
            .verdict(&id)
            != Verdict::NotChecked
        {
            press(&mut h, Key::U);
            continue;
        }
        if id == "S-24" {
            press(&mut h, Key::Num2);
            h.get_by_role_and_label(Role::MultilineTextInput, "Note (what you saw)")
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
    app.inspect.session = Some(Session::new(record, path, app.doc.set()));
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
        let help = binding.command.tooltip(words).unwrap();
        assert!(
            h.query_all_by_label(help).next().is_some(),
            "Help does not list “{help}”"
        );
    }
}

/// The share of the progress bar that is painted filled: the bar's fill
/// (the selection colour) over the bar's width.
fn progress_filled(h: &Harness<'static, ServstdApp>) -> f32 {
    let bar = h.get_by_role(Role::ProgressIndicator).rect();
    let fill = h.ctx.global_style().visuals.selection.bg_fill;
    let filled = h
        .output()
        .shapes
        .iter()
        .find_map(|clipped| match &clipped.shape {
            egui::Shape::Rect(r) if r.fill == fill && (r.rect.min - bar.min).length() < 0.5 => {
                Some(r.rect.width().min(clipped.clip_rect.width()))
            }
            _ => None,
        })
        .expect("the progress bar paints its fill");
    filled / bar.width()
}

#[test]
fn the_progress_bar_fills_only_the_share_answered() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(inspecting(dir.path()));
    h.run();
    let total = h.state().inspect.session.as_ref().unwrap().order.len();
    for _ in 0..3 {
        press(&mut h, Key::Num1);
    }
    let share = progress_filled(&h);
    let expected = 3.0 / total as f32;
    assert!(
        (share - expected).abs() < 0.02,
        "3 of {total} answered: the bar is {:.0}% filled",
        share * 100.0
    );
    // And at 1024 × 768, a tablet in landscape.
    h.set_size(egui::vec2(1024.0, 768.0));
    h.run();
    let share = progress_filled(&h);
    assert!((share - expected).abs() < 0.02, "{share}");
}

#[test]
fn finishing_with_standards_unchecked_asks_and_marks_the_inspection_partial() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(inspecting(dir.path()));
    h.run();
    press(&mut h, Key::Num1);
    press(&mut h, Key::Num1);
    let total = h.state().inspect.session.as_ref().unwrap().order.len();

    // Finish asks; keeping on inspecting changes nothing.
    h.get_by_label("Finish").click();
    h.run();
    h.get_by_label("Finish with standards not checked?");
    h.get_by_label_contains(&format!(
        "{} of {total} standards are not checked",
        total - 2
    ));
    h.get_by_label("Keep inspecting").click();
    h.run();
    assert!(h.state().modal.is_none());
    assert!(!h.state().inspect.session.as_ref().unwrap().finished);

    // Finish as partial: the summary says so, and the record is finished.
    h.get_by_label("Finish").click();
    h.run();
    h.get_by_label("Finish as partial").click();
    h.run();
    h.get_by_label("Inspection summary");
    h.get_by_label(&format!("Partial: {} of {total} not checked", total - 2));
    let path = h.state().inspect.session.as_ref().unwrap().path.clone();
    let saved: Inspection = servstd::core::storage::load(&path).unwrap().document;
    assert!(saved.finished.is_some(), "a finished record says when");

    // In the results it is marked partial, and Resume no longer offers it.
    h.state_mut().run(Command::CloseInspection);
    h.run();
    h.get_by_label("Results").click();
    h.run();
    h.get_by_label(&format!("Partial: {} of {total} not checked", total - 2));
    h.state_mut().run(Command::ResumeInspection);
    h.run();
    h.get_by_label("No inspection in progress beside this set.");
}

#[test]
fn finishing_with_every_standard_answered_asks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(inspecting(dir.path()));
    h.run();
    let total = h.state().inspect.session.as_ref().unwrap().order.len();
    for _ in 0..total {
        press(&mut h, Key::Num1);
    }
    h.get_by_label("Finish").click();
    h.run();
    assert!(h.state().modal.is_none());
    h.get_by_label("Inspection summary");
    assert!(h.query_by_label_contains("Partial").is_none());
}

#[test]
fn at_1024_by_768_the_standard_wraps_and_the_answer_buttons_are_touch_sized() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(inspecting(dir.path()));
    h.set_size(egui::vec2(1024.0, 768.0));
    h.run();
    // The longest standard of the sample, judged on a tablet.
    let longest = {
        let set = h.state().doc.set();
        let order = &h.state().inspect.session.as_ref().unwrap().order;
        let (at, _) = order
            .iter()
            .enumerate()
            .max_by_key(|(_, id)| set.standard(id).map_or(0, |(_, s)| s.text.chars().count()))
            .unwrap();
        at
    };
    h.state_mut().inspect.session.as_mut().unwrap().current = longest;
    h.run();
    let id = current(&h);
    let text = h.state().doc.set().standard(&id).unwrap().1.text.clone();
    let heading = h.get_by_label(&text);
    assert!(
        heading.rect().right() <= 1024.0,
        "the standard runs off the screen: {:?}",
        heading.rect()
    );
    for label in [
        "✓ Pass  [1]",
        "× Fail  [2]",
        "N/A  [3]",
        "↑ Previous",
        "↓ Next",
        "Finish",
    ] {
        let r = h.get_by_label(label).rect();
        assert!(r.height() >= 48.0, "{label} is {} px high", r.height());
        assert!(
            r.right() <= 1024.0 && r.bottom() <= 768.0,
            "{label} at {r:?}"
        );
    }
    // Finish stands apart from Next.
    let next = h.get_by_label("↓ Next").rect();
    let finish = h.get_by_label("Finish").rect();
    assert!(finish.left() - next.right() > 200.0, "{next:?} {finish:?}");
    // The list is hidden on a tablet, and can be shown.
    assert!(h.query_by_label_contains("S-1 ").is_none());
    h.get_by_label("≡ List").click();
    h.run();
    h.get_by_label_contains("S-1 ");
}

#[test]
fn a_failed_standard_becomes_an_action_that_is_done_and_verified_from_the_actions_view() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("jingan.inspection.ron");
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("Inspect").click();
    h.run();
    type_into(&mut h, Role::TextInput, "Site", "静安店");
    type_into(&mut h, Role::TextInput, "Inspector", "李娜");
    type_into(
        &mut h,
        Role::TextInput,
        "Record file (.inspection.ron)",
        &record.display().to_string(),
    );
    h.get_by_label("Start inspection").click();
    h.run();

    // Fail S-1 with a note, move on, come back, and press A: an action,
    // prefilled with a fix phrased from the standard (the note is the
    // problem, kept with the verdict), owned by its role.
    press(&mut h, Key::Num2);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note (what you saw)")
        .type_text("响了五声才接");
    h.run();
    press(&mut h, Key::Enter);
    press(&mut h, Key::ArrowUp);
    assert_eq!(current(&h), "S-1");
    press(&mut h, Key::A);
    let actions_file = dir.path().join("jingan.actions.ron");
    assert!(actions_file.exists(), "saved at once beside the record");
    let saved: servstd::core::inspection::actions::Actions =
        servstd::core::storage::load(&actions_file)
            .unwrap()
            .document;
    let action = &saved.actions[0];
    assert_eq!(action.standard, "S-1");
    assert_eq!(action.owner, "预订员");
    assert_eq!(action.what, "确保：电话铃响三声内接听");
    h.get_by_role_and_label(Role::TextInput, "What to do");

    // Close and resume: the action is still there.
    h.state_mut().run(Command::CloseInspection);
    h.run();
    h.state_mut().answer(Reply::PathChosen(
        servstd::gui::state::Purpose::ResumeInspection,
        record.clone(),
    ));
    h.run();
    assert_eq!(
        h.state()
            .inspect
            .session
            .as_ref()
            .unwrap()
            .actions
            .actions
            .len(),
        1
    );

    // The actions view lists it with the sample's; only its site, then done and verified.
    h.get_by_label("Actions").click();
    h.run();
    assert_eq!(h.state().view, View::Actions);
    type_into(&mut h, Role::TextInput, "Site", "静安店");
    type_into(
        &mut h,
        Role::TextInput,
        "Completion note / Reason",
        "预订台加装来电闪灯",
    );
    // A photo of the fix, through the path field (no desktop chooser here):
    // it waits with the action until it is marked done, named in the
    // actions file at once (a crash before "done" loses nothing).
    h.get_by_role_and_label(Role::Button, "Add photos…").click();
    h.run();
    let Some(Modal::Path { purpose, .. }) = h.state().modal.clone() else {
        panic!("the path field asks for the photo");
    };
    assert!(matches!(
        purpose,
        servstd::gui::state::Purpose::AttachPhoto(servstd::gui::state::PhotoFor::Action(_, 0))
    ));
    h.state_mut().modal = None;
    let elsewhere = tempfile::tempdir().unwrap();
    let photo = elsewhere.path().join("IMG_3001.jpg");
    image::RgbImage::from_pixel(2400, 1800, image::Rgb([40, 120, 60]))
        .save(&photo)
        .unwrap();
    h.state_mut()
        .answer(Reply::PathChosen(purpose, photo.clone()));
    settle_board_photos(&mut h);
    h.get_by_label_contains("saved with the action; they join its completion");
    let saved: servstd::core::inspection::actions::Actions =
        servstd::core::storage::load(&actions_file)
            .unwrap()
            .document;
    let waiting = &saved.actions[0];
    assert!(waiting.status.is_open() && waiting.done.is_none());
    assert_eq!(
        waiting.photos.len(),
        1,
        "the open action's photo is named in its file as soon as it is attached"
    );
    assert!(dir.path().join(&waiting.photos[0]).is_file());
    h.get_by_role_and_label(Role::Button, "Done").click();
    h.run();
    let saved: servstd::core::inspection::actions::Actions =
        servstd::core::storage::load(&actions_file)
            .unwrap()
            .document;
    let done = saved.actions[0].done.as_ref().unwrap();
    assert_eq!(done.photos.len(), 1, "the fix's photo joined the action");
    assert_eq!(done.photos, waiting.photos, "moved, not copied");
    assert!(saved.actions[0].photos.is_empty());
    assert!(
        dir.path().join(&done.photos[0]).is_file(),
        "stored beside the record"
    );
    assert!(
        h.query_by_label_contains("saved with the action").is_none(),
        "nothing waits any more"
    );
    type_into(&mut h, Role::TextInput, "Verified by", "督导 王磊");
    h.get_by_role_and_label(Role::Button, "Verify").click();
    h.run();
    let saved: servstd::core::inspection::actions::Actions =
        servstd::core::storage::load(&actions_file)
            .unwrap()
            .document;
    let action = &saved.actions[0];
    assert_eq!(
        action.status,
        servstd::core::inspection::actions::Status::Verified
    );
    assert_eq!(action.done.as_ref().unwrap().note, "预订台加装来电闪灯");
    assert_eq!(action.done.as_ref().unwrap().photos.len(), 1);
    assert_eq!(action.verified.as_ref().unwrap().by, "督导 王磊");

    // Back in the inspection, an edit of the action starts from the file:
    // it keeps what the Actions view did.
    h.get_by_label("Inspect").click();
    h.run();
    h.state_mut().run(Command::InspectGoTo(0));
    h.run();
    assert_eq!(current(&h), "S-1");
    type_into(&mut h, Role::TextInput, "Owner", "领班 张伟");
    let saved: servstd::core::inspection::actions::Actions =
        servstd::core::storage::load(&actions_file)
            .unwrap()
            .document;
    assert_eq!(saved.actions[0].owner, "领班 张伟");
    assert_eq!(
        saved.actions[0].status,
        servstd::core::inspection::actions::Status::Verified,
        "the edit in inspect mode kept the verification"
    );
    h.get_by_label("Actions").click();
    h.run();

    // From the action back to the verdict it came from.
    h.get_by_role_and_label(Role::Button, "Open the verdict")
        .click();
    h.run();
    assert_eq!(h.state().view, View::Inspect);
    assert_eq!(current(&h), "S-1");
    let session = h.state().inspect.session.as_ref().unwrap();
    assert_eq!(session.path, record);
    assert!(
        session
            .record
            .entry("S-1")
            .unwrap()
            .note
            .contains("响了五声才接")
    );
}

/// Steps frames until the actions board has stored its photos and made
/// their thumbnails (both on threads of their own).
fn settle_board_photos(h: &mut Harness<'static, ServstdApp>) {
    h.step();
    h.step();
    step_until(h, "storing the action's photos", |app| {
        !app.board.is_attaching() && !format!("{:?}", app.board.thumbs).contains("pending: 1")
    });
    h.step();
}

#[test]
fn the_sample_actions_view_filters_overdue_and_counts_them_in_the_status_bar() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label_contains("actions overdue");
    h.get_by_label("Actions").click();
    h.run();
    let all = h
        .get_all_by_role_and_label(Role::Button, "Show the standard")
        .count();
    assert_eq!(all, 12, "the three sample inspections' actions");
    h.get_by_label("Overdue only").click();
    h.run();
    let overdue = h
        .get_all_by_role_and_label(Role::Button, "Show the standard")
        .count();
    let expected = h.state().board.overdue(servstd::core::dates::today());
    assert_eq!(overdue, expected);
    assert!(
        overdue >= 4,
        "four sample actions were overdue on 2026-12-01"
    );
}

/// Steps frames until the session has stored its photos and their
/// thumbnails are made (both on threads of their own).
fn settle_photos(h: &mut Harness<'static, ServstdApp>) {
    // The command that starts the work runs after the frame that queued it.
    h.step();
    h.step();
    step_until(h, "storing the verdict's photos", |app| {
        let session = app.inspect.session.as_ref().unwrap();
        session.attaching.is_empty() && !format!("{:?}", session.thumbs).contains("pending: 1")
    });
    h.step();
}

#[test]
fn a_photo_typed_in_the_path_field_is_stored_beside_the_record_and_a_fake_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("minhang.inspection.ron");
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("Inspect").click();
    h.run();
    type_into(&mut h, Role::TextInput, "Site", "闵行店");
    type_into(&mut h, Role::TextInput, "Inspector", "李娜");
    type_into(
        &mut h,
        Role::TextInput,
        "Record file (.inspection.ron)",
        &record.display().to_string(),
    );
    h.get_by_label("Start inspection").click();
    h.run();
    press(&mut h, Key::Num2);

    // A 3000 × 2000 photo from elsewhere on the disk, chosen through the path field.
    let elsewhere = tempfile::tempdir().unwrap();
    let photo = elsewhere.path().join("IMG_2041.jpg");
    image::RgbImage::from_pixel(3000, 2000, image::Rgb([180, 40, 40]))
        .save(&photo)
        .unwrap();
    h.state_mut().answer(Reply::PathChosen(
        servstd::gui::state::Purpose::AttachPhoto(servstd::gui::state::PhotoFor::Verdict),
        photo.clone(),
    ));
    settle_photos(&mut h);
    let saved: Inspection = servstd::core::storage::load(&record).unwrap().document;
    let photos = &saved.entry("S-1").unwrap().photos;
    assert_eq!(photos.len(), 1, "attached and saved");
    let stored = image::open(dir.path().join(&photos[0])).unwrap();
    assert_eq!(
        (stored.width(), stored.height()),
        (1600, 1067),
        "downscaled"
    );

    // A text file renamed .jpg: a clear message, nothing attached.
    let fake = elsewhere.path().join("fake.jpg");
    std::fs::write(&fake, "hello").unwrap();
    h.state_mut().answer(Reply::AttachPhotoFiles(
        servstd::gui::state::PhotoFor::Verdict,
        vec![fake],
    ));
    settle_photos(&mut h);
    h.get_by_label_contains("not a JPEG or PNG photo that can be read");
    let saved: Inspection = servstd::core::storage::load(&record).unwrap().document;
    assert_eq!(saved.entry("S-1").unwrap().photos.len(), 1);
}

#[test]
fn a_follow_up_visit_checks_only_the_open_actions_and_a_pass_verifies_them() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("follow-up.inspection.ron");
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("Actions").click();
    h.run();
    h.get_by_label("Re-inspect open actions at 悦味餐厅 徐汇店")
        .click();
    h.run();
    assert_eq!(h.state().view, View::Inspect);
    type_into(&mut h, Role::TextInput, "Inspector", "李娜");
    type_into(
        &mut h,
        Role::TextInput,
        "Record file (.inspection.ron)",
        &record.display().to_string(),
    );
    h.get_by_label("Start inspection").click();
    h.run();
    let session = h.state().inspect.session.as_ref().unwrap();
    // S-31, S-36, S-41 and S-44 have open actions at the site; S-41 has two.
    assert_eq!(session.order, ["S-31", "S-36", "S-41", "S-44"]);
    assert_eq!(session.record.site, "悦味餐厅 徐汇店");
    // S-31 passes this time: the open action is offered for verification.
    press(&mut h, Key::Num1);
    press(&mut h, Key::ArrowUp);
    h.get_by_label_contains("A-10 is open for this standard, and it passed");
    h.get_by_role_and_label(Role::Button, "Verify").click();
    h.run();
    let verified = h
        .state()
        .board
        .all()
        .into_iter()
        .find(|(_, a)| a.standard == "S-31")
        .map(|(_, a)| a.clone())
        .unwrap();
    assert_eq!(
        verified.status,
        servstd::core::inspection::actions::Status::Verified
    );
    assert_eq!(verified.verified.unwrap().by, "李娜");
    // A follow-up scores only what it checked.
    let saved: Inspection = servstd::core::storage::load(&record).unwrap().document;
    assert_eq!(saved.only.len(), 4);
    // It is marked a follow-up in the record, and scored as one.
    assert_eq!(saved.visit, servstd::core::inspection::Visit::FollowUp);
}

#[test]
fn a_failure_in_the_results_view_raises_its_action_in_the_record() {
    // The restaurant sample with its records and actions, on disk.
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    let set = dir.path().join("restaurant.standards.ron");
    let record = dir.path().join("restaurant-2026-10.inspection.ron");
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set);
    let mut h = harness_sized(app, 1800.0);
    h.run();
    h.get_by_label("Results").click();
    step_until(&mut h, "reading the records beside the set", |app| {
        !app.results.gathering() && !app.results.inspections.is_empty()
    });
    h.run();
    // The failures' thumbnails are made on threads and move the buttons
    // down as they arrive: wait for them, or a click on a busy machine
    // lands where a button was.
    step_until(&mut h, "making the failures' thumbnails", |app| {
        format!("{:?}", app.results.thumbs).contains("pending: 0")
    });
    h.run();
    // The latest record failed S-31, S-36, S-41 and S-44; only S-44 has no action.
    let buttons: Vec<_> = h
        .get_all_by_role_and_label(Role::Button, "Action…")
        .collect();
    assert_eq!(buttons.len(), 4);
    buttons[3].click();
    h.run();
    assert_eq!(h.state().view, View::Inspect);
    assert_eq!(current(&h), "S-44");
    let session = h.state().inspect.session.as_ref().unwrap();
    assert_eq!(session.path, record);
    let saved: servstd::core::inspection::actions::Actions =
        servstd::core::storage::load(&dir.path().join("restaurant-2026-10.actions.ron"))
            .unwrap()
            .document;
    assert_eq!(saved.actions.len(), 4, "the three it had and S-44's");
    assert_eq!(saved.actions[3].standard, "S-44");
    // One with an action already goes to it and adds none.
    h.get_by_label("Results").click();
    h.run();
    let buttons: Vec<_> = h
        .get_all_by_role_and_label(Role::Button, "Action…")
        .collect();
    buttons[0].click();
    h.run();
    assert_eq!(current(&h), "S-31");
    let saved: servstd::core::inspection::actions::Actions =
        servstd::core::storage::load(&dir.path().join("restaurant-2026-10.actions.ron"))
            .unwrap()
            .document;
    assert_eq!(saved.actions.len(), 4);
}

#[test]
fn finishing_early_asks_first_and_the_answer_finishes_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("early.inspection.ron");
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    // The results view's button says its command's label and runs it.
    h.get_by_label("Results").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "New inspection…")
        .click();
    h.run();
    assert_eq!(h.state().view, View::Inspect);
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
    press(&mut h, Key::Num1);
    h.get_by_role_and_label(Role::Button, "Finish").click();
    h.run();
    h.get_by_label("Finish with standards not checked?");
    h.get_by_label("Keep inspecting").click();
    h.run();
    assert!(h.state().modal.is_none());
    assert!(!h.state().inspect.session.as_ref().unwrap().finished);

    h.get_by_role_and_label(Role::Button, "Finish").click();
    h.run();
    h.get_by_label("Finish as partial").click();
    h.run();
    assert!(h.state().inspect.session.as_ref().unwrap().finished);
    h.get_by_label("Show results");
    let saved: Inspection = servstd::core::storage::load(&record).unwrap().document;
    assert!(
        saved.finished.is_some(),
        "the answer saves the record finished"
    );
    let history: Vec<_> = h.state().history().cloned().collect();
    assert!(history.contains(&Command::StartInspection));
    assert!(history.contains(&Command::FinishInspection));
}
