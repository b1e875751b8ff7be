//! What stopped the auditor and the manager in a real window (issue 23),
//! each through `egui_kittest` as they met it: a visit counted twice, a
//! record not offered to resume, results opening on an empty record, the
//! site and inspector typed again on every visit.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servstd::core::inspection::Inspection;
use servstd::core::model::StandardKind;
use servstd::gui::app::ServstdApp;
use servstd::gui::state::{AppState, Command, Modal, View};

mod common;
use common::{english, finish_jobs, harness_sized, step_until};

fn harness(app: ServstdApp) -> Harness<'static, ServstdApp> {
    harness_sized(app, 1800.0)
}

fn type_into(h: &mut Harness<'static, ServstdApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// The restaurant sample with its records and actions copied into `dir`;
/// the set's path.
fn restaurant_in(dir: &std::path::Path) -> std::path::PathBuf {
    for entry in std::fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            std::fs::copy(&path, dir.join(&name)).unwrap();
        }
    }
    dir.join("restaurant.standards.ron")
}

/// Steps until the results view has read the records beside the set.
fn settle_results(h: &mut Harness<'static, ServstdApp>) {
    step_until(h, "reading the records beside the set", |app| {
        !app.results.gathering()
    });
    h.run();
}

/// Starts a visit from the start form with `site` and `inspector`, the
/// record at `record` (or where the form proposes).
fn start_visit(
    h: &mut Harness<'static, ServstdApp>,
    site: &str,
    inspector: &str,
    record: Option<&std::path::Path>,
) {
    h.state_mut().run(Command::StartInspection);
    h.run();
    type_into(h, Role::TextInput, "Site", site);
    type_into(h, Role::TextInput, "Inspector", inspector);
    if let Some(record) = record {
        type_into(
            h,
            Role::TextInput,
            "Record file (.inspection.ron)",
            &record.display().to_string(),
        );
    }
    h.get_by_label("Start inspection").click();
    h.run();
    assert!(
        h.state().inspect.session.is_some(),
        "the visit started: {:?}",
        h.state().inspect.start.as_ref().map(|f| &f.error)
    );
}

fn answer(h: &mut Harness<'static, ServstdApp>, n: usize) {
    for _ in 0..n {
        h.key_press(Key::Num1);
        h.run();
    }
}

#[test]
fn a_visit_just_finished_is_counted_once_in_the_trend_and_the_report() {
    // The set opened by a relative path, as `servstd standards/x.standards.ron`
    // does: the records beside it are found by relative paths, while the
    // record started in the window is named absolutely.
    std::fs::create_dir_all("target/tmp").unwrap();
    let dir = tempfile::tempdir_in("target/tmp").unwrap();
    let cwd = std::env::current_dir().unwrap();
    let relative = dir.path().strip_prefix(&cwd).unwrap_or(dir.path());
    assert!(relative.is_relative());
    let set = restaurant_in(relative);
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set);
    let mut h = harness(app);
    h.run();
    start_visit(&mut h, "徐汇店", "李娜", None);
    let total = h.state().inspect.session.as_ref().unwrap().order.len();
    answer(&mut h, total);
    h.get_by_role_and_label(Role::Button, "Finish").click();
    h.run();
    h.get_by_label("Show results").click();
    h.step();
    settle_results(&mut h);
    // Three records beside the set, and today's: four, once each.
    let inspections = &h.state().results.inspections;
    assert_eq!(
        inspections.len(),
        4,
        "{:?}",
        inspections.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    // Opened again later (the report is made from the same list): still four.
    h.state_mut().run(Command::ShowView(View::Standards));
    h.state_mut().results.gathered_for = None;
    h.state_mut().run(Command::ShowView(View::Results));
    settle_results(&mut h);
    assert_eq!(h.state().results.inspections.len(), 4);
    // And it opens on the visit just finished.
    let shown = h.state().results.current().unwrap();
    assert_eq!(shown.site, "徐汇店");
    assert!(shown.finished.is_some());
}

#[test]
fn a_record_left_unfinished_in_another_folder_is_offered_under_resume_after_a_restart() {
    let sets = tempfile::tempdir().unwrap();
    let records = tempfile::tempdir().unwrap();
    let set = restaurant_in(sets.path());
    let record = records.path().join("visit.inspection.ron");
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set);
    let mut h = harness(app);
    h.run();
    start_visit(&mut h, "静安店", "王芳", Some(&record));
    answer(&mut h, 3);
    h.state_mut().run(Command::CloseInspection);
    h.run();
    let offered = |h: &Harness<'static, ServstdApp>| match &h.state().modal {
        Some(Modal::Resume(lines)) => lines.iter().any(|(p, _)| *p == record),
        _ => false,
    };
    h.state_mut().run(Command::ResumeInspection);
    h.run();
    assert!(offered(&h), "{:?}", h.state().modal);

    // The window closed and opened again on the same set.
    let state: AppState = h.state().state.clone();
    let mut app = ServstdApp::with_sample(state);
    app.open_path(&set);
    let mut h = harness(app);
    h.run();
    h.state_mut().run(Command::ResumeInspection);
    h.run();
    assert!(offered(&h), "{:?}", h.state().modal);
    h.get_by_label_contains("静安店 · 王芳").click();
    h.run();
    assert_eq!(h.state().view, View::Inspect);
    assert_eq!(h.state().inspect.session.as_ref().unwrap().path, record);
}

#[test]
fn results_open_on_the_latest_visit_with_answers_not_on_an_abandoned_empty_record() {
    let dir = tempfile::tempdir().unwrap();
    let set = restaurant_in(dir.path());
    // A visit started after the last one and left without an answer.
    let latest: Inspection =
        servstd::core::storage::load(&dir.path().join("restaurant-2026-10.inspection.ron"))
            .unwrap()
            .document;
    let empty_path = dir.path().join("restaurant-2026-11.inspection.ron");
    let mut empty = Inspection::new(
        &servstd::core::templates::default_sample(),
        Some(&set),
        &empty_path,
        jiff::civil::date(2026, 11, 30).at(9, 0, 0, 0),
    );
    "空店".clone_into(&mut empty.site);
    servstd::core::storage::save(&empty_path, &empty).unwrap();

    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Results").click();
    h.step();
    settle_results(&mut h);
    assert_eq!(h.state().results.inspections.len(), 4);
    let shown = h.state().results.current().unwrap();
    assert_eq!(shown.when, latest.when, "opened on {}", shown.site);
    h.get_by_label("92%");
}

#[test]
fn the_site_and_inspector_of_the_last_visit_of_a_set_are_offered_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("Inspect").click();
    h.run();
    // The message asking for both goes once both are filled.
    h.get_by_label("Start inspection").click();
    h.run();
    h.get_by_label("Fill in the site and the inspector.");
    type_into(&mut h, Role::TextInput, "Site", "徐汇店");
    type_into(&mut h, Role::TextInput, "Inspector", "李娜");
    assert!(
        h.query_by_label("Fill in the site and the inspector.")
            .is_none()
    );
    type_into(
        &mut h,
        Role::TextInput,
        "Record file (.inspection.ron)",
        &dir.path().join("a.inspection.ron").display().to_string(),
    );
    h.get_by_label("Start inspection").click();
    h.run();
    h.state_mut().run(Command::CloseInspection);
    h.run();

    // The next visit, after a restart: both are there already.
    let state = h.state().state.clone();
    let mut h = harness(ServstdApp::with_sample(state));
    h.run();
    h.state_mut().run(Command::StartInspection);
    h.run();
    let form = h.state().inspect.start.as_ref().unwrap();
    assert_eq!(
        (form.site.as_str(), form.inspector.as_str()),
        ("徐汇店", "李娜")
    );
    h.get_by_role_and_label(Role::TextInput, "Site");
    h.get_by_label("Start inspection").click();
    h.run();
    assert!(h.state().inspect.session.is_some());
    // Another set does not get them.
    let mut other = servstd::core::templates::default_sample();
    other.title = "Another set".into();
    let mut h = harness(ServstdApp::with_document(
        h.state().state.clone(),
        servstd::gui::state::Document::new(other, None),
    ));
    h.run();
    h.state_mut().run(Command::StartInspection);
    h.run();
    assert!(h.state().inspect.start.as_ref().unwrap().site.is_empty());
}

#[test]
fn a_follow_up_offers_verifying_at_once_says_it_is_verified_and_shows_what_failed() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("follow-up.inspection.ron");
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("Actions").click();
    h.run();
    h.get_by_label("Re-inspect open actions at 悦味餐厅 徐汇店")
        .click();
    h.run();
    type_into(&mut h, Role::TextInput, "Inspector", "李娜");
    type_into(
        &mut h,
        Role::TextInput,
        "Record file (.inspection.ron)",
        &record.display().to_string(),
    );
    h.get_by_label("Start inspection").click();
    h.run();
    // The failure being followed up, as the last visit saw it.
    h.get_by_label_contains("Failed at the visit of 2026-10-");
    h.get_by_label("C区招手约45秒才到桌");
    // A pass offers to verify there and then, without moving on.
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(
        h.state().inspect.session.as_ref().unwrap().current_id(),
        Some("S-31")
    );
    h.get_by_label_contains("A-10 is open for this standard, and it passed");
    h.get_by_role_and_label(Role::Button, "Verify").click();
    h.run();
    h.get_by_label("✓ A-10 verified by 李娜: closed.");
    assert!(h.query_by_label_contains("A-10 is open").is_none());

    // S-41's actions include one overdue since October: offered and closed too.
    let today = servstd::core::dates::today();
    let overdue_before = h.state().board.overdue(today);
    let overdue_here = h
        .state()
        .board
        .all()
        .into_iter()
        .filter(|(_, a)| a.standard == "S-41" && a.is_overdue(today))
        .count();
    assert!(overdue_here > 0, "the sample has an overdue action on S-41");
    h.state_mut().run(Command::InspectGoTo(2));
    h.run();
    h.key_press(Key::Num1);
    h.run();
    let mut verified = 0;
    while h
        .query_all_by_role_and_label(Role::Button, "Verify")
        .next()
        .is_some()
    {
        if let Some(verify) = h.query_all_by_role_and_label(Role::Button, "Verify").next() {
            verify.click();
        }
        h.run();
        verified += 1;
        assert!(verified < 10);
    }
    assert!(verified >= 2, "both of S-41's open actions were offered");
    assert_eq!(
        h.state().board.overdue(today),
        overdue_before - overdue_here
    );
}

#[test]
fn at_1024_by_768_the_priority_drop_down_and_the_confirmation_buttons_are_touch_sized() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("Inspect").click();
    h.run();
    for label in ["Start inspection", "Resume inspection…"] {
        let r = h.get_by_role_and_label(Role::Button, label).rect();
        assert!(r.height() >= 48.0, "{label} is {} px high", r.height());
    }
    start_visit(
        &mut h,
        "徐汇店",
        "李娜",
        Some(&dir.path().join("t.inspection.ron")),
    );
    h.set_size(egui::vec2(1024.0, 768.0));
    h.run();
    h.key_press(Key::Num2);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.state_mut().run(Command::AddAction);
    h.run();
    let priority = h.get_by_role_and_label(Role::ComboBox, "Priority").rect();
    assert!(priority.height() >= 48.0, "priority: {priority:?}");
    let what = h
        .get_by_role_and_label(Role::TextInput, "What to do")
        .rect();
    assert!(what.height() >= 48.0, "what: {what:?}");
    h.get_by_role_and_label(Role::Button, "Finish").click();
    h.run();
    for label in ["Keep inspecting", "Finish as partial"] {
        let r = h.get_by_role_and_label(Role::Button, label).rect();
        assert!(r.height() >= 48.0, "{label} is {} px high", r.height());
    }
}

#[test]
fn quit_then_save_on_a_new_set_saves_where_typed_with_enter_and_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.standards.ron");
    let mut h = harness(common::draft_sample());
    h.run();
    h.get_by_label_contains("Add contact point").click();
    h.run();
    assert!(h.state().doc.path.is_none() && h.state().doc.is_dirty());
    h.state_mut().run(Command::Quit);
    h.run();
    h.get_by_role_and_label(Role::Button, "Save").click();
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::Path { .. })));
    // The typed path is confirmed with Enter, as any field.
    type_into(
        &mut h,
        Role::TextInput,
        "File path",
        &path.display().to_string(),
    );
    h.key_press(Key::Enter);
    // Closing keeps frames coming in the harness: step, don't settle.
    h.step();
    h.step();
    assert!(path.exists(), "Enter saves: {:?}", h.state().modal);
    assert!(h.state().closing(), "saved, so the window closes");
}

/// Types into the labelled field and presses Enter, as a user adds an item.
fn add(h: &mut Harness<'static, ServstdApp>, label: &str, text: &str) {
    let field = h.get_by_role_and_label(Role::TextInput, label);
    field.focus();
    field.type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn the_wizards_last_page_keeps_its_field_still_guesses_the_kind_and_edits_in_place() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    add(&mut h, "New contact point", "进店");
    h.get_by_label("Next").click();
    h.run();
    add(&mut h, "New step for 进店", "迎宾");
    h.get_by_label("Next").click();
    h.run();
    add(&mut h, "New key factor for 迎宾", "被注意到");
    // Typed, not added with Enter, and Next pressed: kept all the same.
    let field = h.get_by_role_and_label(Role::TextInput, "New key factor for 迎宾");
    field.focus();
    field.type_text("环境舒适");
    h.run();
    h.get_by_label("Next").click();
    h.run();
    let factors: Vec<String> = h.state().wizard.as_ref().unwrap().set.contact_points[0].steps[0]
        .factors
        .iter()
        .map(|f| f.name.clone())
        .collect();
    assert_eq!(factors, ["被注意到", "环境舒适"]);

    let label = "New standard for 被注意到";
    let before = h.get_by_role_and_label(Role::TextInput, label).rect();
    add(&mut h, label, "顾客进门10秒内目光接触并问候");
    add(&mut h, label, "下单后15分钟内上齐主菜");
    add(&mut h, "New standard for 环境舒适", "桌面无污渍、无水渍");
    let after = h.get_by_role_and_label(Role::TextInput, label).rect();
    assert!(
        (after.top() - before.top()).abs() < 1.0,
        "the field moved: {before:?} → {after:?}"
    );
    let kinds = |h: &Harness<'static, ServstdApp>| -> Vec<(String, StandardKind)> {
        h.state()
            .wizard
            .as_ref()
            .unwrap()
            .set
            .standards()
            .map(|(_, s)| (s.text.clone(), s.kind))
            .collect()
    };
    let got = kinds(&h);
    assert_eq!(
        got.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
        [
            StandardKind::Personal,
            StandardKind::Procedure,
            StandardKind::Product
        ],
        "{got:?}"
    );

    // A typed standard is corrected where it stands.
    let text = "下单后15分钟内上齐主菜";
    h.get_by_role_and_label(Role::TextInput, text).focus();
    h.run();
    h.key_press(Key::End);
    h.get_by_role_and_label(Role::TextInput, text)
        .type_text("和饮料");
    h.run();
    let got = kinds(&h);
    assert_eq!(got[1].0, "下单后15分钟内上齐主菜和饮料", "{got:?}");
}

#[test]
fn started_with_no_file_the_window_reopens_the_last_one_or_shows_the_sample_in_the_users_language()
{
    use servstd::core::model::Language;
    // A manager who saved a set last time gets it back.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.standards.ron");
    let mut h = harness(common::draft_sample());
    h.run();
    h.state_mut().answer(servstd::gui::state::Reply::PathChosen(
        servstd::gui::state::Purpose::SaveAs,
        path.clone(),
    ));
    h.run();
    assert!(path.exists());
    let state = h.state().state.clone();
    let mut h = harness(ServstdApp::at_start(state));
    h.run();
    assert_eq!(
        h.state()
            .doc
            .path
            .as_deref()
            .map(servstd::core::storage::scan::canonical),
        Some(servstd::core::storage::scan::canonical(&path))
    );
    // File › Open the sample is the way back to it.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open the sample").click();
    h.run();
    assert!(h.state().doc.path.is_none());
    assert_eq!(h.state().doc.set().language, Language::En);

    // A newcomer sees the sample written in the language of the interface.
    for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
        let app = ServstdApp::at_start(AppState {
            ui_language: lang,
            ..AppState::default()
        });
        assert_eq!(app.doc.set().language, lang, "{lang:?}");
        assert!(app.doc.path.is_none());
        // Only the restaurant sample comes with actions: another sample
        // shows none of them (nor counts them overdue).
        let restaurant = app.doc.set().title == servstd::core::templates::TEMPLATES[0].title();
        assert_eq!(app.board.files.is_empty(), !restaurant, "{lang:?}");
    }
}

#[test]
fn at_1024_px_a_long_status_message_stays_on_screen_whole_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir
        .path()
        .join("a-folder-with-a-rather-long-name-for-the-standards-of-the-shop")
        .join("and-another-one-inside-it-named-after-the-region-and-the-year");
    std::fs::create_dir_all(&deep).unwrap();
    let path = deep.join("mine.standards.ron");
    let mut h = harness(common::draft_sample());
    h.set_size(egui::vec2(1024.0, 768.0));
    h.run();
    h.state_mut().answer(servstd::gui::state::Reply::PathChosen(
        servstd::gui::state::Purpose::SaveAs,
        path.clone(),
    ));
    h.run();
    let notice = h.get_by_label_contains("and-another-one-inside-it");
    let r = notice.rect();
    assert!(
        r.right() <= 1024.0,
        "the message runs off the screen: {r:?}"
    );
}

#[test]
fn approving_in_the_window_saves_and_the_approver_is_not_the_owner() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.standards.ron");
    let mut set = servstd::core::templates::default_sample();
    set.history.clear();
    set.approved_by.clear();
    "店长 王明".clone_into(&mut set.owner);
    servstd::core::storage::save(&path, &set).unwrap();
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    h.state_mut().run(Command::Approve);
    h.run();
    let by = h.get_by_role_and_label(Role::TextInput, "Approved by");
    assert_eq!(by.value().as_deref().unwrap_or(""), "", "not the owner");
    type_into(&mut h, Role::TextInput, "Approved by", "总经理 陈立");
    h.get_by_role_and_label(Role::Button, "Approve").click();
    h.run();
    assert!(h.state().modal.is_none(), "approved");
    assert!(!h.state().doc.is_dirty(), "approving saves");
    h.get_by_label("Saved");
    let saved: servstd::core::model::StandardsSet =
        servstd::core::storage::load(&path).unwrap().document;
    assert!(saved.is_approved());
    assert_eq!(saved.approved_by, "总经理 陈立");

    // A set never saved cannot be: the window says plainly it must be.
    let mut h = harness(common::draft_sample());
    h.run();
    h.state_mut().run(Command::Approve);
    h.run();
    type_into(&mut h, Role::TextInput, "Approved by", "总经理 陈立");
    h.get_by_role_and_label(Role::Button, "Approve").click();
    h.run();
    h.get_by_label_contains("save the set (File › Save as) to keep the approval");
}

#[test]
fn the_english_wizard_says_what_each_template_is_in_english() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Restaurant: 悦味餐厅服务标准");
    h.get_by_label("Home repair visits: 到府維修服務標準");
}

fn pdf_pages(path: &std::path::Path) -> usize {
    lopdf::Document::load(path).unwrap().get_pages().len()
}

/// Picks `option` in the drop-down labelled `label`.
fn pick(h: &mut Harness<'static, ServstdApp>, label: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, label).click();
    h.run();
    h.get_by_label(option).click();
    h.run();
}

#[test]
fn the_export_dialog_has_the_command_lines_scope_and_remembers_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let set_path = dir.path().join("restaurant.standards.ron");
    let older = dir.path().join("older.standards.ron");
    let mut set = servstd::core::templates::default_sample();
    servstd::core::storage::save(&set_path, &set).unwrap();
    set.contact_points[0].steps[0].factors[0].standards[0].text = "电话铃响四声内接听".into();
    servstd::core::storage::save(&older, &set).unwrap();
    let role = set.roles()[0].to_owned();
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set_path);
    let mut h = harness(app);
    h.run();

    let write = |h: &mut Harness<'static, ServstdApp>, path: &std::path::Path| {
        type_into(h, Role::TextInput, "Export to", &path.display().to_string());
        h.get_by_role_and_label(Role::Button, "Export").click();
        h.step();
        finish_jobs(h);
        assert!(h.state().modal.is_none(), "{:?}", h.state().modal);
    };
    // All roles' cards, then one role's, in English, marked against the older revision.
    let all = out.path().join("all.pdf");
    h.state_mut().run(Command::Export);
    h.run();
    h.get_by_label("Role cards (staff)").click();
    h.run();
    write(&mut h, &all);
    let one = out.path().join("one.pdf");
    h.state_mut().run(Command::Export);
    h.run();
    // The folder of the last export is proposed again.
    let Some(Modal::Export(choice)) = &h.state().modal else {
        panic!("no export dialog");
    };
    assert_eq!(
        std::path::Path::new(&choice.path).parent(),
        Some(out.path()),
        "{}",
        choice.path
    );
    h.get_by_label("Role cards (staff)").click();
    h.run();
    pick(&mut h, "Role", &role);
    pick(&mut h, "Labels in", "English");
    type_into(
        &mut h,
        Role::TextInput,
        "Changes since",
        &older.display().to_string(),
    );
    write(&mut h, &one);
    assert!(
        pdf_pages(&one) < pdf_pages(&all),
        "one role's cards are fewer: {} vs {}",
        pdf_pages(&one),
        pdf_pages(&all)
    );
    // One contact point's checklist is shorter than the whole set's.
    let cp = out.path().join("cp.pdf");
    h.state_mut().run(Command::Export);
    h.run();
    let first = h.state().doc.set().contact_points[0].clone();
    pick(
        &mut h,
        "Contact point",
        &format!("{} {}", first.id, first.name),
    );
    write(&mut h, &cp);
    let whole = out.path().join("whole.pdf");
    h.state_mut().run(Command::Export);
    h.run();
    write(&mut h, &whole);
    assert!(pdf_pages(&cp) < pdf_pages(&whole));
}

#[test]
fn the_fill_in_site_and_inspector_message_goes_once_both_are_filled() {
    let dir = tempfile::tempdir().unwrap();
    let set = restaurant_in(dir.path());
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set);
    let mut h = harness(app);
    h.run();
    h.state_mut().run(Command::StartInspection);
    h.run();
    type_into(&mut h, Role::TextInput, "Site", "");
    type_into(&mut h, Role::TextInput, "Inspector", "");
    h.get_by_label("Start inspection").click();
    h.run();
    let message = "Fill in the site and the inspector.";
    assert!(h.query_by_label(message).is_some(), "asked for both");
    assert!(h.state().inspect.session.is_none());
    // One filled: the message still stands.
    type_into(&mut h, Role::TextInput, "Site", "静安店");
    assert!(
        h.query_by_label(message).is_some(),
        "the inspector is missing"
    );
    // Both filled: it goes without pressing Start again.
    type_into(&mut h, Role::TextInput, "Inspector", "王芳");
    h.run();
    assert!(
        h.query_by_label(message).is_none(),
        "a stale message stayed"
    );
}

#[test]
fn at_1024_by_768_the_actions_views_buttons_are_touch_sized() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.set_size(egui::vec2(1024.0, 768.0));
    h.run();
    h.get_by_label("Actions").click();
    h.run();
    // "Open the verdict" shows only for records on disk, not the embedded sample.
    for label in ["Start", "Done", "Show the standard", "Add photos…"] {
        let buttons: Vec<_> = h.get_all_by_role_and_label(Role::Button, label).collect();
        assert!(!buttons.is_empty(), "no {label} button");
        for b in buttons {
            let r = b.rect();
            assert!(r.height() >= 48.0, "{label} is {} px high", r.height());
        }
    }
}
