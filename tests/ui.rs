//! The window through `egui_kittest`, as a user drives it: find widgets by
//! role and label, click, type, and check the document.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servstd::app::{AppState, Modal, ServstdApp};
use servstd::model::{ItemPath, Language, StandardsSet};

fn harness(app: ServstdApp) -> Harness<'static, ServstdApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_context_setup(servstd::ui::fonts::install)
        .build_ui_state(|ui, app: &mut ServstdApp| app.ui(ui), app)
}

fn english() -> AppState {
    AppState {
        ui_language: Language::En,
        ..AppState::default()
    }
}

#[test]
fn opens_on_the_sample_with_the_first_contact_point_selected() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("CP-1"));
    h.get_by_label_contains("电话预订 (7)");
    assert!(h.state().title().starts_with("servstd — 悦味餐厅服务标准"));
    h.get_by_label_contains("Measurable 100%");
}

#[test]
fn add_a_contact_point_type_its_name_then_undo_and_redo() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label_contains("Add contact point").click();
    h.run();
    assert_eq!(h.state().doc.set.contact_points.len(), 8);
    assert_eq!(h.state().selected.as_deref(), Some("CP-8"));
    let name = h.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    name.type_text(" 售后");
    h.run();
    assert_eq!(
        h.state().doc.set.contact_points[7].name,
        "New contact point 售后"
    );
    assert!(
        h.state().title().ends_with(" •"),
        "unsaved marker: {}",
        h.state().title()
    );

    // Undo from the Edit menu: the whole edit goes away, then comes back.
    h.state_mut().run(servstd::app::Command::Undo);
    h.run();
    h.state_mut().run(servstd::app::Command::Undo);
    h.run();
    assert_eq!(h.state().doc.set.contact_points.len(), 7);
    assert!(!h.state().doc.is_dirty());
    h.state_mut().run(servstd::app::Command::Redo);
    h.run();
    assert_eq!(h.state().doc.set.contact_points.len(), 8);
}

#[test]
fn a_vague_standard_shows_a_finding_that_selects_it() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.state_mut().selected = Some("S-1".into());
    h.run();
    let text = h.get_by_role_and_label(Role::MultilineTextInput, "Standard");
    text.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::MultilineTextInput, "Standard")
        .type_text("热情接听电话");
    h.run();
    assert_eq!(
        h.state().doc.set.contact_points[0].steps[0].factors[0].standards[0].text,
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
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();
    let set = &h.state().doc.set;
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
    h.get_by_label("中文").click();
    h.run();
    assert_eq!(h.state().state.ui_language, Language::ZhCn);
    h.get_by_label("文件");
    h.get_by_label_contains("添加接触点");
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
    let saved: StandardsSet = servstd::storage::load(&path).unwrap().document;
    assert_eq!(saved, h.state().doc.set);
    assert_eq!(h.state().title(), "servstd — mine.standards.ron");
    let reopened = ServstdApp::with_file(english(), &path);
    assert_eq!(reopened.doc.set, saved);
}

#[test]
fn new_with_unsaved_changes_asks_first_and_cancel_keeps_them() {
    let mut h = harness(ServstdApp::with_sample(english()));
    h.run();
    h.get_by_label_contains("Add contact point").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::Unsaved(_))));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().doc.set.contact_points.len(), 8);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().doc.set.contact_points.len(), 0);
    assert_eq!(h.state().doc.set.title, "New standards set");
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
