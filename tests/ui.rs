//! The window through `egui_kittest`, as a user drives it: find widgets by
//! role and label, click, type, and check the document.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use servstd::core::model::{ItemPath, Language, StandardsSet};
use servstd::gui::app::ServstdApp;
use servstd::gui::state::Modal;

mod common;
use common::{draft_sample, english, finish_jobs, harness_sized};

fn harness(app: ServstdApp) -> Harness<'static, ServstdApp> {
    harness_sized(app, 820.0)
}

#[test]
fn opens_on_the_sample_with_the_first_contact_point_selected() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("CP-1"));
    h.get_by_label_contains("电话预订 (7)");
    assert!(h.state().title().starts_with("servstd — 悦味餐厅服务标准"));
    h.get_by_label_contains("Measurable 100%");
    // The sample's one hint is listed, and marks nothing in the tree.
    h.get_by_label_contains("○ “例会” is an internal routine");
    assert_eq!(h.query_all_by_label_contains("▲").count(), 0);
}

#[test]
fn add_a_contact_point_type_its_name_then_undo_and_redo() {
    let mut h = harness(draft_sample());
    h.run();
    h.get_by_label_contains("Add contact point").click();
    h.run();
    assert_eq!(h.state().doc.set().contact_points.len(), 8);
    assert_eq!(h.state().selected.as_deref(), Some("CP-8"));
    let name = h.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    name.type_text(" 售后");
    h.run();
    assert_eq!(
        h.state().doc.set().contact_points[7].name,
        "New contact point 售后"
    );
    assert!(
        h.state().title().ends_with(" •"),
        "unsaved marker: {}",
        h.state().title()
    );

    // Undo from the Edit menu: the whole edit goes away, then comes back.
    h.state_mut().run(servstd::gui::state::Command::Undo);
    h.run();
    h.state_mut().run(servstd::gui::state::Command::Undo);
    h.run();
    assert_eq!(h.state().doc.set().contact_points.len(), 7);
    assert!(!h.state().doc.is_dirty());
    h.state_mut().run(servstd::gui::state::Command::Redo);
    h.run();
    assert_eq!(h.state().doc.set().contact_points.len(), 8);
}

/// Selects all of the selected standard's text and types `text` over it.
fn replace_standard_text(h: &mut Harness<'static, ServstdApp>, text: &str) {
    let field = h.get_by_role_and_label(Role::MultilineTextInput, "Standard");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::MultilineTextInput, "Standard")
        .type_text(text);
    h.run();
}

#[test]
fn a_vague_standard_shows_a_finding_that_selects_it() {
    let mut h = harness(draft_sample());
    h.run();
    h.state_mut().selected = Some("S-1".into());
    h.run();
    replace_standard_text(&mut h, "热情接听电话");
    assert_eq!(
        h.state().doc.set().contact_points[0].steps[0].factors[0].standards[0].text,
        "热情接听电话"
    );
    // Once under the text field, once in the findings panel.
    assert_eq!(
        h.query_all_by_label_contains("vague word “热情”").count(),
        2
    );
    // Select something else, then click the finding: the standard is selected again.
    h.state_mut().selected = Some("CP-3".into());
    h.run();
    h.get_by_label_contains("— 电话预订 › 接听来电 › 电话很快有人接 › 热情接听电话")
        .click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("S-1"));
}

#[test]
fn move_the_selected_contact_point_with_alt_down() {
    let mut h = harness(draft_sample());
    h.run();
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();
    let set = h.state().doc.set();
    assert_eq!(set.contact_points[1].id, "CP-1");
    assert_eq!(set.locate("CP-1"), Some(ItemPath::ContactPoint(1)));
    assert_eq!(h.state().selected.as_deref(), Some("CP-1"));
}

#[test]
fn switch_the_window_language_to_chinese() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("简体中文").click();
    h.run();
    assert_eq!(h.state().state.ui_language, Language::ZhCn);
    h.get_by_label("文件");
    h.get_by_label_contains("添加接触点");
}

#[test]
fn switch_the_window_language_to_traditional_chinese() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("繁體中文").click();
    h.run();
    assert_eq!(h.state().state.ui_language, Language::ZhTw);
    h.get_by_label("檔案");
    h.get_by_label_contains("新增接觸點");
    // The embedded sample is simplified; its findings stay in the interface's script.
    h.get_by_label_contains("發現的問題");
}

#[test]
fn save_as_through_the_path_field_and_reopen_gives_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.standards.ron");
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(
        matches!(h.state().modal, Some(Modal::Path { .. })),
        "Save on the sample asks for a path"
    );
    let field = h.get_by_role_and_label(Role::TextInput, "File path");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().modal.is_none());
    let saved: StandardsSet = servstd::core::storage::load(&path).unwrap().document;
    assert_eq!(&saved, h.state().doc.set());
    assert_eq!(h.state().title(), "servstd — mine.standards.ron");
    let reopened = ServstdApp::with_file(english(), &path);
    assert_eq!(reopened.doc.set(), &saved);
}

#[test]
fn new_with_unsaved_changes_asks_first_and_cancel_keeps_them() {
    let mut h = harness(draft_sample());
    h.run();
    h.get_by_label_contains("Add contact point").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::Unsaved(_))));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().doc.set().contact_points.len(), 8);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(
        h.state().wizard.is_some(),
        "New goes on to the guided start"
    );
}

/// Types into the labelled field and presses Enter, as a user adds an item.
fn add(h: &mut Harness<'static, ServstdApp>, label: &str, text: &str) {
    let field = h.get_by_role_and_label(Role::TextInput, label);
    field.focus();
    field.type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

#[test]
fn the_wizard_builds_a_set_that_saves_and_reopens_as_typed() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("1 Service sequence");
    assert!(
        h.get_by_label("Next").accesskit_node().is_disabled(),
        "no Next from an empty page"
    );

    // Page 1: two contact points, in the order the customer meets the shop.
    add(&mut h, "New contact point", "进店");
    add(&mut h, "New contact point", "Paying");
    h.get_by_label("Next").click();
    h.run();
    // Page 2: steps.
    add(&mut h, "New step for 进店", "点菜");
    add(&mut h, "New step for 进店", "迎宾");
    add(&mut h, "New step for Paying", "Handing over change");
    // Steps come in the customer's order: 迎宾 before 点菜, then 点菜 goes.
    h.get_by_label("↑ 迎宾").click();
    h.run();
    let steps: Vec<_> = h.state().wizard.as_ref().unwrap().set.contact_points[0]
        .steps
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(steps, ["迎宾", "点菜"]);
    h.get_by_label("Remove 点菜").click();
    h.run();
    h.get_by_label("Next").click();
    h.run();
    // Page 3: key factors.
    add(&mut h, "New key factor for 迎宾", "一进门就被注意到");
    add(
        &mut h,
        "New key factor for Handing over change",
        "Correct change",
    );
    h.get_by_label("Next").click();
    h.run();
    // Page 4: standards, checked as they are added.
    add(
        &mut h,
        "New standard for 一进门就被注意到",
        "顾客进门10秒内目光接触并问候",
    );
    add(&mut h, "New standard for Correct change", "Be friendly");
    h.get_by_label_contains("vague word “friendly”");
    h.get_by_label("Back").click();
    h.run();
    h.get_by_label("Next").click();
    h.run();
    h.get_by_label("Finish").click();
    h.run();

    assert!(h.state().wizard.is_none());
    let set = h.state().doc.set().clone();
    let names: Vec<_> = set.contact_points.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["进店", "Paying"]);
    assert_eq!(
        set.contact_points[0].steps[0].factors[0].standards[0].text,
        "顾客进门10秒内目光接触并问候"
    );
    assert_eq!(
        set.contact_points[1].steps[0].factors[0].standards[0].text,
        "Be friendly"
    );
    assert_eq!(set.counts().standards, 2);
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().selected.as_deref(), Some("CP-1"));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.standards.ron");
    assert!(h.state_mut().save_to(&path));
    let reopened = ServstdApp::with_file(english(), &path);
    assert_eq!(reopened.doc.set(), &set);
}

#[test]
fn drag_a_contact_point_onto_another_to_reorder() {
    let mut h = harness(draft_sample());
    h.run();
    let from = h.get_by_label_contains("3. 点菜").rect().center();
    let onto = h.get_by_label_contains("1. 电话预订").rect().center();
    h.drag_at(from);
    h.run();
    h.hover_at(onto);
    h.run();
    h.drop_at(onto);
    h.run();
    let ids: Vec<_> = h
        .state()
        .doc
        .set()
        .contact_points
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(&ids[..3], ["CP-3", "CP-1", "CP-2"]);
}

#[test]
fn unsaved_work_is_autosaved_and_offered_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = servstd::gui::state::Recovery::new(dir.path().to_owned());
    let mut app = draft_sample();
    app.use_recovery(recovery.clone());
    let mut h = harness(app);
    h.run();
    h.get_by_label_contains("Add contact point").click();
    h.run();
    // Let more than 30 seconds pass.
    h.input_mut().time = Some(40.0);
    h.run();
    assert!(recovery.find().is_some(), "autosaved after 30 s");

    // The next start offers it; Restore brings it back, still unsaved.
    let mut next = draft_sample();
    next.use_recovery(recovery.clone());
    let mut h = harness(next);
    h.run();
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().doc.set().contact_points.len(), 8);
    assert!(h.state().doc.is_dirty());
}

#[test]
fn ctrl_f_moves_the_focus_to_the_journey_filter() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Filter")
            .is_focused()
    );
    h.get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("洗手");
    h.run();
    h.get_by_label_contains("5. 洗手间");
    assert!(h.query_by_label_contains("1. 电话预订").is_none());
}

#[test]
fn a_file_that_cannot_be_read_is_reported_and_nothing_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.standards.ron");
    std::fs::write(&path, "StandardsSet(format: 1, title: ").unwrap();
    let mut h = harness(ServstdApp::with_file(english(), &path));
    h.run();
    h.get_by_label_contains("Cannot open the file");
    assert_eq!(
        h.state().doc.path,
        None,
        "the sample stays open, not bound to the bad file"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "StandardsSet(format: 1, title: "
    );
}

#[test]
fn export_a_checklist_from_the_window_with_ctrl_e() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("Count pages").click();
    h.run();
    h.get_by_label("5 pages");
    let field = h.get_by_role_and_label(Role::TextInput, "Export to");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Export to")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.step();
    finish_jobs(&mut h);
    assert!(h.state().modal.is_none());
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));
}

/// The document is marked unsaved by its revision number: every kind of field
/// in the editor must give it a new one, and drawing alone must not.
#[test]
fn every_kind_of_editor_field_marks_the_set_unsaved_and_drawing_does_not() {
    let mut h = harness(draft_sample());
    h.run();
    h.state_mut().selected = Some("S-1".into());
    h.run();
    h.run();
    assert!(
        !h.state().doc.is_dirty(),
        "drawing the editor changed nothing"
    );
    let standard = |h: &Harness<'static, ServstdApp>| {
        h.state().doc.set().contact_points[0].steps[0].factors[0].standards[0].clone()
    };
    let before = standard(&h);
    let mut changes = 0;
    // A kind button, a toggle, a checkbox: none is a text field.
    let other_kind = if before.kind == servstd::core::model::StandardKind::Personal {
        "Product"
    } else {
        "Personal"
    };
    for label in [other_kind, "Courtesy", "Critical"] {
        h.get_by_label(label).click();
        h.run();
        assert!(
            h.state().doc.is_dirty(),
            "{label} did not mark the set unsaved"
        );
        changes += 1;
        // Undo each change back to the saved set: nothing unsaved then.
        for _ in 0..changes {
            h.state_mut().run(servstd::gui::state::Command::Undo);
            h.run();
        }
        assert_eq!(standard(&h), before, "{label}: undo did not restore");
        assert!(!h.state().doc.is_dirty(), "{label}: undo to saved is clean");
        changes = 0;
    }
    // The set's own fields, with the journey set aside while they are drawn.
    h.state_mut().run(servstd::gui::state::Command::SelectSet);
    h.run();
    let owner = h.get_by_role_and_label(Role::TextInput, "Owner");
    owner.focus();
    owner.type_text("X");
    h.run();
    assert!(h.state().doc.is_dirty());
    assert!(h.state().doc.set().owner.ends_with('X'));
    assert_eq!(h.state().doc.set().contact_points.len(), 7, "journey kept");
}

#[test]
fn the_wizard_keeps_the_focus_in_the_add_field_after_enter_and_after_add() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.state_mut().run(servstd::gui::state::Command::New);
    h.run();
    // The page opens ready for typing: no click into the field first.
    let field = h.get_by_role_and_label(Role::TextInput, "New contact point");
    assert!(field.is_focused(), "a new page focuses its first field");
    field.type_text("预订");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "New contact point")
            .is_focused(),
        "after Enter the field keeps the focus"
    );
    // Typed straight away, without clicking the field again.
    h.get_by_role_and_label(Role::TextInput, "New contact point")
        .type_text("到店");
    h.run();
    h.get_by_label("Add").click();
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "New contact point")
            .is_focused(),
        "after Add the field keeps the focus"
    );
    h.get_by_role_and_label(Role::TextInput, "New contact point")
        .type_text("结账");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let names: Vec<String> = h
        .state()
        .wizard
        .as_ref()
        .unwrap()
        .set
        .contact_points
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(names, ["预订", "到店", "结账"], "no keystroke lost");
    // The next page opens with its first field focused, too.
    h.get_by_label("Next").click();
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "New step for 预订")
            .is_focused()
    );
}

#[test]
fn a_set_made_in_the_wizard_asks_how_each_standard_is_checked_and_by_whom() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.state_mut().run(servstd::gui::state::Command::New);
    h.run();
    add(&mut h, "New contact point", "Arrival");
    h.get_by_label("Next").click();
    h.run();
    add(&mut h, "New step for Arrival", "Greeting");
    h.get_by_label("Next").click();
    h.run();
    add(&mut h, "New key factor for Greeting", "Noticed at once");
    h.get_by_label("Next").click();
    h.run();
    let owner = h.get_by_role_and_label(Role::TextInput, "Owner role of new standards");
    owner.focus();
    owner.type_text("host");
    h.run();
    add(
        &mut h,
        "New standard for Noticed at once",
        "Greet each guest within 10 seconds of entering",
    );
    h.get_by_label("Personal").click();
    h.run();
    h.get_by_label("Finish").click();
    h.run();
    let set = h.state().doc.set();
    let standard = &set.contact_points[0].steps[0].factors[0].standards[0];
    assert_eq!(standard.owner_role, "host");
    assert!(!standard.monitoring.is_empty(), "{standard:?}");
    let warnings: Vec<_> = servstd::core::check::validate(set, jiff::civil::date(2026, 12, 1))
        .into_iter()
        .filter(|f| f.item.as_deref() == Some(standard.id.as_str()))
        .collect();
    assert!(warnings.is_empty(), "the wizard left: {warnings:?}");
    // The title says what the set is: new and not saved, not the sample.
    assert!(
        h.state().title().contains("new set, not saved yet"),
        "{}",
        h.state().title()
    );
    assert!(!h.state().title().contains("embedded sample"));
}

#[test]
fn deleting_a_contact_point_with_standards_asks_first_and_undo_brings_it_back() {
    let mut h = harness(draft_sample());
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("CP-1"));
    let before = h.state().doc.set().clone();
    h.key_press(egui::Key::Delete);
    h.run();
    h.get_by_label("Delete with everything under it?");
    assert_eq!(
        h.state().doc.set(),
        &before,
        "nothing is deleted before the answer"
    );
    // Enter answers the safe way: Cancel has the focus.
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().modal.is_none());
    assert_eq!(h.state().doc.set(), &before);

    h.key_press(egui::Key::Delete);
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert_eq!(
        h.state().doc.set().contact_points.len(),
        before.contact_points.len() - 1
    );
    h.state_mut().run(servstd::gui::state::Command::Undo);
    h.run();
    assert_eq!(h.state().doc.set(), &before);
}

#[test]
fn deleting_a_standard_asks_nothing() {
    let mut h = harness(draft_sample());
    h.run();
    let id = h.state().doc.set().contact_points[0].steps[0].factors[0].standards[0]
        .id
        .clone();
    h.state_mut().selected = Some(id.clone());
    h.run();
    h.key_press(egui::Key::Delete);
    h.run();
    assert!(h.state().modal.is_none());
    assert!(h.state().doc.set().standard(&id).is_none());
}

#[test]
fn approving_editing_and_re_approving_in_the_window_leaves_a_history_of_two_revisions() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    // The sample is approved: its editor is read only, and says who approved it.
    h.get_by_label_contains("Approved as revision 2.1 by 总经理 陈立");
    h.get_by_label("Approved 2.1");
    let before = h.state().doc.set().clone();
    // Editing asks first; Cancel changes nothing.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();
    h.get_by_label("Start a draft of revision 2.2?");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().doc.set(), &before);
    // Asked once: the move goes ahead in draft 2.2.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();
    h.get_by_label("Edit as draft 2.2").click();
    h.run();
    let set = h.state().doc.set().clone();
    assert_eq!(set.revision, "2.2");
    assert_eq!(
        set.contact_points[1].id, before.contact_points[0].id,
        "moved"
    );
    h.get_by_label("Draft 2.2");
    // Further edits of the draft ask nothing.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    h.run();
    assert!(h.state().modal.is_none());
    assert_eq!(
        h.state().doc.set().contact_points[0].id,
        before.contact_points[0].id
    );
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();

    // File › Approve…: approver prefilled, a summary typed.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Approve…").click();
    h.run();
    h.get_by_label("Approve this revision");
    let summary = h.get_by_role_and_label(Role::TextInput, "What this revision changes (one line)");
    summary.focus();
    summary.type_text("到店迎宾排在电话预订之前");
    h.run();
    h.get_by_role_and_label(Role::Button, "Approve").click();
    h.run();
    assert!(h.state().modal.is_none(), "approved");
    let set = h.state().doc.set();
    assert!(set.is_approved());
    assert_eq!(set.history.len(), 2);
    assert_eq!(set.history[1].revision, "2.2");
    assert_eq!(set.history[1].approved_by, "总经理 陈立");
    assert_eq!(set.history[1].summary, "到店迎宾排在电话预订之前");
    h.get_by_label("Approved 2.2");
    // Approved again: the next edit asks again, for 2.3.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    h.run();
    h.get_by_label("Start a draft of revision 2.3?");
}

#[test]
fn compare_with_an_older_revision_lists_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.standards.ron");
    let mut set = servstd::core::templates::default_sample();
    set.contact_points[0].steps[0].factors[0].standards[0].text = "电话铃响四声内接听".into();
    servstd::core::storage::save(&old, &set).unwrap();
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.state_mut().answer(servstd::gui::state::Reply::PathChosen(
        servstd::gui::state::Purpose::Compare,
        old,
    ));
    h.run();
    h.get_by_label("Changes from old.standards.ron to the open set (both are revision 2.1)");
    h.get_by_label("1 changes");
    h.get_by_label_contains("standard S-1 “电话铃响三声内接听”: changed");
    h.get_by_label_contains("text: 电话铃响");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().modal.is_none());
}

#[test]
fn the_standard_editor_shows_the_checkers_reading() {
    let mut h = harness(draft_sample());
    h.run();
    h.state_mut().selected = Some("S-1".into());
    h.run();
    replace_standard_text(&mut h, "及时回电，2小时内；热情问候");
    // Only the word nothing states is a finding (under the field and in the
    // findings panel): 热情, not 及时.
    assert_eq!(
        h.query_all_by_label_contains("vague word “热情”").count(),
        2
    );
    assert_eq!(
        h.query_all_by_label_contains("vague word “及时”").count(),
        0
    );
    // The reading is open at first, and folds away.
    h.get_by_label_contains("criterion “2小时内” (a time limit or frequency) states “及时”");
    h.get_by_label_contains("not stated: “热情” (manner)");
    h.get_by_label_contains("How the checker reads it").click();
    h.run();
    assert_eq!(
        h.query_all_by_label_contains("not stated: “热情”").count(),
        0
    );
    h.get_by_label_contains("How the checker reads it").click();
    h.run();
    h.get_by_label_contains("not stated: “热情” (manner)");

    // A plain act with no vague word is measurable, and says so.
    replace_standard_text(&mut h, "收银员不在柜台内吃东西");
    h.get_by_label_contains("measurable: a concrete act and no vague word");
    // No finding in the panel names it.
    assert_eq!(
        h.query_all_by_label_contains("› 收银员不在柜台内吃东西")
            .count(),
        0
    );
}

#[test]
fn the_approver_is_never_prefilled_with_the_sets_owner() {
    let mut set = servstd::core::templates::default_sample();
    set.history.clear();
    set.approved_by.clear();
    assert!(!set.owner.is_empty());
    let mut h = harness(ServstdApp::with_document(
        english(),
        servstd::gui::state::Document::new(set, None),
    ));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Approve…").click();
    h.run();
    let Some(Modal::Approve(choice)) = &h.state().modal else {
        panic!("File › Approve… opens its dialog");
    };
    assert_eq!(choice.by, "", "the approver is named by whoever approves");
    // Approving without one is refused in the dialog, and nothing is approved.
    h.get_by_role_and_label(Role::Button, "Approve").click();
    h.run();
    assert!(matches!(&h.state().modal, Some(Modal::Approve(c)) if c.error.is_some()));
    assert!(!h.state().doc.set().is_approved());
}

#[test]
fn comparing_with_a_folder_says_so_in_the_windows_language() {
    let dir = tempfile::tempdir().unwrap();
    let state = servstd::gui::state::AppState {
        ui_language: servstd::core::model::Language::ZhCn,
        ..servstd::gui::state::AppState::default()
    };
    let mut h = harness(ServstdApp::with_sample(state));
    h.run();
    h.state_mut().answer(servstd::gui::state::Reply::PathChosen(
        servstd::gui::state::Purpose::Compare,
        dir.path().to_owned(),
    ));
    h.run();
    match &h.state().modal {
        Some(servstd::gui::state::Modal::Error { body, .. }) => {
            assert!(body.contains("这是一个文件夹"), "{body}");
            assert!(
                body.starts_with(&dir.path().display().to_string()),
                "{body}"
            );
        }
        other => panic!("no error shown: {other:?}"),
    }
}

/// The status bar counts in English as a person writes them: "1 contact
/// point", "7 contact points".
#[test]
fn the_status_bar_says_one_contact_point_and_seven_contact_points() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    let counts = h.state().doc.set().counts();
    h.get_by_label(&format!(
        "{} contact points · {} steps · {} key factors · {} standards",
        counts.contact_points, counts.steps, counts.factors, counts.standards
    ));
    assert!(counts.contact_points > 1 && counts.standards > 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.standards.ron");
    std::fs::write(
        &path,
        r#"StandardsSet(format: 1, title: "One", language: "en", contact_points: [
            ContactPoint(id: "CP-1", name: "Front desk", steps: [
                Step(id: "ST-1", name: "Greeting", factors: [
                    Factor(id: "KF-1", name: "Seen at once", importance: 4, satisfaction: 2, standards: [
                        Standard(id: "S-1", text: "Greet every visitor within 10 seconds", kind: Personal),
                    ]),
                ]),
            ]),
        ])"#,
    )
    .unwrap();
    let mut h = harness(ServstdApp::with_file(english(), &path));
    h.run();
    h.get_by_label("1 contact point · 1 step · 1 key factor · 1 standard");
}
