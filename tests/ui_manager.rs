//! What still stopped the manager and the trainer in the window (issue 23,
//! second round), through `egui_kittest`: File › Approve… lists what stands
//! in the way and asks for a reason before approving anyway.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use servstd::core::approval;
use servstd::core::model::{Despite, Language, StandardsSet};
use servstd::gui::app::ServstdApp;
use servstd::gui::state::{AppState, Command};

mod common;
use common::{english, harness_sized};

fn type_into(h: &mut Harness<'static, ServstdApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// A template as a draft never approved, with one standard made vague and
/// another left with no owner role, saved in `dir`.
fn flawed(
    dir: &std::path::Path,
    template: &str,
    vague: &str,
) -> (std::path::PathBuf, StandardsSet) {
    let mut set = servstd::core::templates::find(template).unwrap().set();
    set.history.clear();
    set.approved_by.clear();
    let mut standards = set
        .contact_points
        .iter_mut()
        .flat_map(|cp| &mut cp.steps)
        .flat_map(|step| &mut step.factors)
        .flat_map(|factor| &mut factor.standards);
    vague.clone_into(&mut standards.next().unwrap().text);
    standards.next().unwrap().owner_role.clear();
    let path = dir.join("flawed.standards.ron");
    servstd::core::storage::save(&path, &set).unwrap();
    (path, set)
}

#[test]
fn the_windows_approve_lists_what_stands_in_the_way_and_needs_a_reason_to_approve_anyway() {
    let dir = tempfile::tempdir().unwrap();
    let (path, set) = flawed(dir.path(), "restaurant", "服务员态度热情周到");
    let today = servstd::core::dates::today();
    let blockers = approval::blockers(&set, today);
    assert_eq!(blockers.len(), 2, "{blockers:?}");

    let mut app = ServstdApp::with_sample(english());
    app.open_path(&path);
    let mut h = harness_sized(app, 1000.0);
    h.run();
    h.state_mut().run(Command::Approve);
    h.run();
    // Every finding is listed, with its item, in the window's language.
    h.get_by_label_contains("2 findings stand in the way");
    for finding in &blockers {
        let id = finding.item.as_deref().unwrap();
        h.get_by_label_contains(&format!("{id}: {}", finding.problem.message(Language::En)));
    }
    // No plain Approve: approving anyway needs a reason.
    assert!(h.query_by_label("Approve").is_none());
    type_into(&mut h, Role::TextInput, "Approved by", "总经理 陈立");
    let button = "Approve despite 2 findings";
    assert!(h.get_by_label(button).accesskit_node().is_disabled());
    h.get_by_label(button).click();
    h.run();
    assert!(h.state().modal.is_some(), "not approved without a reason");
    assert!(!h.state().doc.set().is_approved());

    type_into(
        &mut h,
        Role::TextInput,
        "Approve anyway, because (kept in the revision history)",
        "pilot branch only",
    );
    assert!(!h.get_by_label(button).accesskit_node().is_disabled());
    h.get_by_label(button).click();
    h.run();
    assert!(h.state().modal.is_none(), "approved");
    h.get_by_label_contains("approved despite 2 findings: pilot branch only");
    let saved: StandardsSet = servstd::core::storage::load(&path).unwrap().document;
    assert!(saved.is_approved());
    assert_eq!(
        saved.history.last().unwrap().despite,
        Some(Despite {
            findings: 2,
            reason: "pilot branch only".into()
        })
    );
}

#[test]
fn the_findings_before_approving_speak_traditional_chinese_to_a_traditional_chinese_user() {
    let dir = tempfile::tempdir().unwrap();
    let (path, set) = flawed(dir.path(), "field-repair", "技師應以熱情的態度服務");
    let blockers = approval::blockers(&set, servstd::core::dates::today());
    assert_eq!(blockers.len(), 2, "{blockers:?}");
    let state = AppState {
        ui_language: Language::ZhTw,
        ..AppState::default()
    };
    let mut app = ServstdApp::with_sample(state);
    app.open_path(&path);
    let mut h = harness_sized(app, 1000.0);
    h.run();
    h.state_mut().run(Command::Approve);
    h.run();
    h.get_by_label_contains("有 2 個問題妨礙核准");
    for finding in &blockers {
        let id = finding.item.as_deref().unwrap();
        h.get_by_label_contains(&format!(
            "{id}: {}",
            finding.problem.message(Language::ZhTw)
        ));
    }
    h.get_by_label("在有 2 個問題的情況下核准");
}

/// Twenty-one factor names of an English set, as long as real ones are.
const ENGLISH_FACTORS: [&str; 21] = [
    "Call answered quickly",
    "Booking taken down right",
    "Reminder before the visit",
    "Noticed on arrival at the door",
    "Booking found without fuss",
    "Shown to a suitable table",
    "Menu and water brought promptly",
    "Dishes explained and suggested",
    "Order read back correctly",
    "Dishes come out on time",
    "Served without spills or mistakes",
    "Help near the table when needed",
    "Restroom clean and dry",
    "Supplies always stocked",
    "Safe and accessible for everyone",
    "Bill correct and clearly explained",
    "Paying is quick and easy",
    "Receipt and invoice on request",
    "Thanked and seen off at the door",
    "Complaints handled on the spot",
    "Follow-up after a complaint",
];

#[test]
fn at_1024_px_english_factor_names_label_the_quadrant_not_their_ids() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    let path = dir.path().join("restaurant.standards.ron");
    let mut set: StandardsSet = servstd::core::storage::load(&path).unwrap().document;
    let factors = set
        .contact_points
        .iter_mut()
        .flat_map(|cp| &mut cp.steps)
        .flat_map(|step| &mut step.factors);
    for (factor, name) in factors.zip(ENGLISH_FACTORS) {
        name.clone_into(&mut factor.name);
    }
    servstd::core::storage::save(&path, &set).unwrap();

    let mut app = ServstdApp::with_sample(english());
    app.open_path(&path);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(|ui, app: &mut ServstdApp| app.ui(ui), app);
    h.run();
    h.get_by_label("Results").click();
    common::step_until(&mut h, "reading the records", |app| {
        !app.results.gathering()
    });
    h.run();
    h.run();
    let labels: Vec<String> = h
        .query_all_by_role(Role::Label)
        // A label's text is its accesskit value.
        .filter_map(|node| node.accesskit_node().value())
        .collect();
    let ids: Vec<&String> = labels
        .iter()
        .filter(|l| l.starts_with("KF-") && l[3..].chars().all(|c| c.is_ascii_digit()))
        .collect();
    let names: Vec<&String> = labels
        .iter()
        .filter(|l| {
            ENGLISH_FACTORS
                .iter()
                .any(|n| n.starts_with(l.trim_end_matches('…')))
        })
        .collect();
    // Every factor is labelled by its name, none by its ID alone.
    assert_eq!(
        names.len(),
        ENGLISH_FACTORS.len(),
        "names: {names:?}, IDs: {ids:?}"
    );
    assert!(ids.is_empty(), "names: {names:?}, IDs: {ids:?}");
}

fn add(h: &mut Harness<'static, ServstdApp>, label: &str, text: &str) {
    let field = h.get_by_role_and_label(Role::TextInput, label);
    field.focus();
    field.type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn at_1024_px_the_wizards_owner_role_stays_on_the_row_of_its_field() {
    for lang in [Language::En, Language::ZhCn, Language::ZhTw] {
        let t = servstd::core::i18n::texts(lang);
        let state = AppState {
            ui_language: lang,
            ..AppState::default()
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(1024.0, 768.0))
            .build_ui_state(
                |ui, app: &mut ServstdApp| app.ui(ui),
                ServstdApp::with_sample(state),
            );
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::N);
        h.run();
        add(&mut h, t.new_contact_point, "进店");
        h.get_by_label(t.next).click();
        h.run();
        add(&mut h, &format!("{} 进店", t.new_step_for), "迎宾");
        h.get_by_label(t.next).click();
        h.run();
        add(&mut h, &format!("{} 迎宾", t.new_factor_for), "被注意到");
        h.get_by_label(t.next).click();
        h.run();
        add(
            &mut h,
            &format!("{} 被注意到", t.new_standard_for),
            "顾客进门10秒内目光接触并问候",
        );
        let label = h.get_by_role_and_label(Role::Label, t.owner_role).rect();
        let field = h
            .get_by_role_and_label(Role::TextInput, t.owner_role)
            .rect();
        assert!(
            (label.center().y - field.center().y).abs() < 4.0 && label.right() <= field.left(),
            "{lang:?}: the label {label:?} and its field {field:?} are on different rows"
        );
        assert!(
            field.right() <= 1016.0,
            "{lang:?}: the field {field:?} runs off the window"
        );
    }
}

#[test]
fn the_windows_survey_import_and_report_say_what_they_leave_out() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    std::fs::create_dir(dir.path().join("photos")).unwrap();
    for entry in std::fs::read_dir("standards/photos").unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.path().join("photos").join(entry.file_name()),
        )
        .unwrap();
    }
    // A photo of the latest visit cut off, as a copy stopped early.
    let photo = dir.path().join("photos/2026-10-s36-bin.jpg");
    let bytes = std::fs::read(&photo).unwrap();
    std::fs::write(&photo, &bytes[..bytes.len() / 2]).unwrap();
    // A survey giving KF-1 twice and a factor the set lacks.
    let survey = dir.path().join("survey.csv");
    std::fs::write(&survey, "factor,score\nKF-1,4.5\nKF-1,4.0\nKF-99,3\n").unwrap();
    let set = dir.path().join("restaurant.standards.ron");

    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set);
    let mut h = harness_sized(app, 1800.0);
    h.run();
    h.get_by_label("Results").click();
    common::step_until(&mut h, "reading the records", |app| {
        !app.results.gathering()
    });
    h.run();
    h.state_mut()
        .path_chosen(servstd::gui::state::Purpose::ImportSurvey, &survey);
    h.run();
    h.get_by_label("Survey rows not used as written");
    h.get_by_label_contains("KF-99 is not a factor of the set");
    h.get_by_label_contains("KF-1 is given again (first on line 2)");

    let out = dir.path().join("report.pdf");
    h.state_mut().run(Command::Report);
    h.run();
    type_into(
        &mut h,
        Role::TextInput,
        "Save to",
        &out.display().to_string(),
    );
    h.get_by_role_and_label(Role::Button, "Report").click();
    h.step();
    common::finish_jobs(&mut h);
    let doc = lopdf::Document::load(&out).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc
        .extract_text(&pages)
        .unwrap_or_default()
        .replace('\n', "");
    for said in ["KF-99", "survey.csv:4:1", "2026-10-s36-bin.jpg"] {
        assert!(text.contains(said), "the report names {said}");
    }
}

/// The CJK faces egui has been given, in the order it falls back to them.
fn cjk_faces(h: &Harness<'static, ServstdApp>) -> Vec<String> {
    h.ctx.fonts(|f| {
        f.definitions().families[&egui::FontFamily::Proportional]
            .iter()
            .filter(|name| name.starts_with("noto-sans-cjk"))
            .cloned()
            .collect()
    })
}

#[test]
fn a_traditional_chinese_interface_draws_with_taiwans_glyph_forms_and_follows_a_language_change() {
    let state = AppState {
        ui_language: Language::ZhTw,
        ..AppState::default()
    };
    let mut h = harness_sized(ServstdApp::with_sample(state), 1000.0);
    h.run();
    assert_eq!(cjk_faces(&h), ["noto-sans-cjk-tc"]);
    h.state_mut().run(Command::SetLanguage(Language::ZhCn));
    h.run();
    assert_eq!(cjk_faces(&h), ["noto-sans-cjk-sc"]);
    h.state_mut().run(Command::SetLanguage(Language::En));
    h.run();
    assert_eq!(
        cjk_faces(&h),
        ["noto-sans-cjk-sc"],
        "Chinese in an English window"
    );
}

#[test]
fn approve_on_an_approved_unchanged_revision_says_why_and_offers_a_draft() {
    let mut h = harness_sized(ServstdApp::with_sample(english()), 1000.0);
    h.run();
    let revision = h.state().doc.set().revision.clone();
    h.state_mut().run(Command::Approve);
    h.run();
    h.get_by_label_contains("there is nothing to approve");
    let next = servstd::core::model::next_revision(&revision);
    // The banner over the editor has the same button; the dialog's is drawn last.
    let label = format!("Edit as draft {next}…");
    let buttons: Vec<_> = h.get_all_by_role_and_label(Role::Button, &label).collect();
    assert_eq!(buttons.len(), 2, "the banner's and the dialog's");
    buttons.last().unwrap().click();
    h.run();
    match &h.state().modal {
        Some(servstd::gui::state::Modal::Approve(_)) | None => {
            panic!("the draft was not offered: {:?}", h.state().modal)
        }
        Some(_) => {}
    }
    h.get_by_label_contains(&format!("Start a draft of revision {next}?"));
}
