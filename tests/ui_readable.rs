//! What a fresh walk of the window at 1024 × 768 still found after issue 23
//! was closed: dialogs and their choices too small to touch, a results view
//! that would not fit, text drawn over text, names that collide. Each
//! through `egui_kittest`, widgets found by role and label.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use servstd::gui::app::ServstdApp;
use servstd::gui::state::Command;

mod common;
use common::{english, harness_sized};

/// The app in a window of 1024 × 768, the smallest the walk used.
fn small(app: ServstdApp) -> Harness<'static, ServstdApp> {
    let mut h = harness_sized(app, 768.0);
    h.set_size(egui::vec2(1024.0, 768.0));
    h.run();
    h
}

/// Fails unless every widget of `role` labelled `label` is touch-sized.
fn touch_sized(h: &Harness<'static, ServstdApp>, role: Role, label: &str) {
    let found: Vec<_> = h.get_all_by_role_and_label(role, label).collect();
    assert!(!found.is_empty(), "no {role:?} {label}");
    for node in found {
        let r = node.rect();
        assert!(
            r.height() >= 48.0,
            "{role:?} {label} is {} px high",
            r.height()
        );
    }
}

#[test]
fn the_export_dialogs_buttons_radio_buttons_and_checkboxes_are_touch_sized() {
    let mut h = small(ServstdApp::with_sample(english()));
    h.state_mut().run(Command::Export);
    h.run();
    for label in ["Export", "Cancel", "Count pages"] {
        touch_sized(&h, Role::Button, label);
    }
    for label in [
        "PDF",
        "CSV",
        "XLSX",
        "Checklist (auditors)",
        "A4",
        "US Letter",
    ] {
        touch_sized(&h, Role::RadioButton, label);
    }
    for label in [
        "Open after export",
        "Fillable form (filled in a PDF viewer, imported back)",
    ] {
        touch_sized(&h, Role::CheckBox, label);
    }
}

#[test]
fn the_approve_unsaved_and_path_dialogs_buttons_are_touch_sized() {
    let mut set = servstd::core::templates::default_sample();
    set.history.clear();
    let app = ServstdApp::with_document(english(), servstd::gui::state::Document::new(set, None));
    let mut h = small(app);
    h.state_mut().run(Command::Approve);
    h.run();
    touch_sized(&h, Role::Button, "Approve");
    touch_sized(&h, Role::Button, "Cancel");
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    // An edit, then New: save, discard or cancel.
    h.get_by_label_contains("Add contact point").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    for label in ["Save", "Discard", "Cancel"] {
        touch_sized(&h, Role::Button, label);
    }
    h.get_by_label("Cancel").click();
    h.run();
    h.state_mut().modal = Some(servstd::gui::state::Modal::About);
    h.run();
    touch_sized(&h, Role::Button, "Close");
}

/// The open set (revision 2.1) compared with `old` written beside it.
fn compare_with(
    old: &servstd::core::model::StandardsSet,
    open: servstd::core::model::StandardsSet,
) -> Harness<'static, ServstdApp> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.standards.ron");
    servstd::core::storage::save(&path, old).unwrap();
    let app = ServstdApp::with_document(english(), servstd::gui::state::Document::new(open, None));
    let mut h = small(app);
    h.state_mut().answer(servstd::gui::state::Reply::PathChosen(
        servstd::gui::state::Purpose::Compare,
        path,
    ));
    h.run();
    h
}

#[test]
fn an_english_inline_diff_keeps_a_space_between_the_word_struck_out_and_the_word_put_in() {
    let mut old = servstd::core::templates::default_sample();
    old.language = servstd::core::model::Language::En;
    old.contact_points[0].steps[0].factors[0].standards[0].text =
        "Offer a menu and water within 2 minutes".into();
    let mut new = old.clone();
    new.contact_points[0].steps[0].factors[0].standards[0].text =
        "Offer the menu and water within 3 minutes".into();
    let h = compare_with(&old, new);
    let line = h.get_by_label_contains("text: Offer");
    let node = line.accesskit_node();
    let text = node.label().or_else(|| node.value()).unwrap_or_default();
    assert!(text.contains("Offer a the menu"), "{text}");
    assert!(text.contains("within 2 3 minutes"), "{text}");
}

#[test]
fn comparing_a_revision_with_itself_says_there_is_nothing_to_compare() {
    let set = servstd::core::templates::default_sample();
    let h = compare_with(&set, set.clone());
    h.get_by_label(
        "old.standards.ron is revision 2.1, the same as the open set, and nothing differs: nothing to compare",
    );
    assert!(h.query_by_label_contains("2.1 to").is_none());
}

#[test]
fn in_the_chain_view_the_status_bar_counts_the_overdue_actions_the_table_lists() {
    let mut app = ServstdApp::with_sample(english());
    app.run(Command::OpenSampleChain);
    let mut h = small(app);
    common::step_until(&mut h, "reading the chain", |a| !a.chain.reading());
    h.run();
    let listed: usize = h
        .state()
        .chain
        .chain
        .sites
        .iter()
        .map(|r| r.overdue_actions)
        .sum();
    assert!(listed > 0);
    h.get_by_label(&format!("{listed} actions overdue"));
}

#[test]
fn the_chain_views_sites_register_line_is_at_least_12_points() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&dir.path().join("restaurant.standards.ron"));
    app.run(Command::ShowView(servstd::gui::state::View::Chain));
    let mut h = harness_sized(app, 768.0);
    h.set_size(egui::vec2(1024.0, 768.0));
    common::step_until(&mut h, "reading the chain", |a| !a.chain.reading());
    h.run();
    let line = h.get_by_label_contains("Sites: ");
    // A line of 12-point text is about 15 px high; of egui's 9-point small, 12.
    assert!(line.rect().height() >= 14.0, "{} px", line.rect().height());
}

fn type_into(h: &mut Harness<'static, ServstdApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// A visit started from the start form at 1024 × 768, its record in `dir`.
fn visit_at_1024(dir: &std::path::Path) -> Harness<'static, ServstdApp> {
    let mut h = small(ServstdApp::with_sample(english()));
    h.get_by_label("Inspect").click();
    h.run();
    type_into(&mut h, Role::TextInput, "Site", "徐汇店");
    type_into(&mut h, Role::TextInput, "Inspector", "李娜");
    let record = dir.join("xuhui.inspection.ron");
    type_into(
        &mut h,
        Role::TextInput,
        "Record file (.inspection.ron)",
        &record.display().to_string(),
    );
    h.get_by_label("Start inspection").click();
    h.run();
    assert!(h.state().inspect.session.is_some());
    h
}

#[test]
fn the_progress_count_and_the_saved_line_are_not_drawn_over() {
    let dir = tempfile::tempdir().unwrap();
    let h = visit_at_1024(dir.path());
    let total = h.state().inspect.session.as_ref().unwrap().order.len();
    let label = format!("0/{total} answered");
    let count = h.get_by_role_and_label(Role::Label, &label);
    let bar = h.get_by_role(Role::ProgressIndicator);
    assert!(
        !count.rect().intersects(bar.rect()),
        "the count {:?} is drawn over the bar {:?}",
        count.rect(),
        bar.rect()
    );
    let saved = h.get_by_label_contains("Saved to");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 768.0));
    assert!(window.contains_rect(saved.rect()), "{:?}", saved.rect());
    for b in h.get_all_by_role(Role::Button) {
        assert!(
            !b.rect().intersects(saved.rect()),
            "{:?} covers the saved line",
            b.accesskit_node().label()
        );
    }
}

#[test]
fn at_1024_by_768_the_record_file_field_is_above_the_fold() {
    let mut h = small(ServstdApp::with_sample(english()));
    h.get_by_label("Inspect").click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Record file (.inspection.ron)");
    let start = h.get_by_role_and_label(Role::Button, "Start inspection");
    assert!(
        field.rect().max.y <= start.rect().min.y,
        "the field {:?} is under the Start bar {:?}",
        field.rect(),
        start.rect()
    );
}

#[test]
fn a_visit_started_when_its_proposed_record_name_was_taken_meanwhile_gets_the_next_name() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("shop.standards.ron");
    std::fs::copy("standards/restaurant.standards.ron", &set).unwrap();
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&set);
    let mut h = small(app);
    h.get_by_label("Inspect").click();
    h.run();
    let proposed = h.state().inspect.start.as_ref().unwrap().path.clone();
    // Another visit took the name in the meantime.
    std::fs::write(&proposed, "another visit").unwrap();
    type_into(&mut h, Role::TextInput, "Site", "徐汇店");
    type_into(&mut h, Role::TextInput, "Inspector", "李娜");
    h.get_by_label("Start inspection").click();
    h.run();
    let session = h
        .state()
        .inspect
        .session
        .as_ref()
        .expect("the visit started");
    assert_ne!(session.path, std::path::PathBuf::from(&proposed));
    assert!(session.path.exists());
    assert_eq!(std::fs::read_to_string(&proposed).unwrap(), "another visit");
}

/// The restaurant sample with its three records, its results 1024 px wide.
fn results_at_1024(dir: &std::path::Path, height: f32) -> Harness<'static, ServstdApp> {
    for entry in std::fs::read_dir("standards").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("restaurant") {
            std::fs::copy(&path, dir.join(&name)).unwrap();
        }
    }
    let mut app = ServstdApp::with_sample(english());
    app.open_path(&dir.join("restaurant.standards.ron"));
    app.run(Command::ShowView(servstd::gui::state::View::Results));
    let mut h = harness_sized(app, height);
    h.set_size(egui::vec2(1024.0, height));
    common::step_until(&mut h, "reading the records", |a| !a.results.gathering());
    h.run();
    h
}

#[test]
fn at_1024_by_768_the_failed_standards_show_without_scrolling() {
    let dir = tempfile::tempdir().unwrap();
    let h = results_at_1024(dir.path(), 768.0);
    let failed = &h.state().results.computed().unwrap().failed;
    assert!(!failed.is_empty());
    let label = format!("{} {}", failed[0].id, failed[0].text);
    let first = h.get_by_label_contains(&label);
    assert!(
        first.rect().max.y <= 740.0,
        "the first failure is at {:?}",
        first.rect()
    );
}

#[test]
fn the_quadrants_names_cover_no_marker_and_no_label() {
    let dir = tempfile::tempdir().unwrap();
    // Tall enough to show the whole quadrant, 1024 px wide as the walk's.
    let h = results_at_1024(dir.path(), 1600.0);
    let markers: Vec<egui::Rect> = h.get_all_by_role(Role::Image).map(|n| n.rect()).collect();
    assert!(markers.len() > 10, "{} markers", markers.len());
    let labels: Vec<(String, egui::Rect)> = h
        .get_all_by_role(Role::Label)
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect();
    for name in [
        "Fix first",
        "Current strength",
        "Low priority",
        "Unnecessary strength",
    ] {
        let rect = h.get_by_label(name).rect();
        for m in &markers {
            assert!(
                !rect.intersects(*m),
                "{name} {rect:?} covers a marker at {m:?}"
            );
        }
        for (text, r) in &labels {
            assert!(
                text.is_empty() || text == name || !rect.intersects(*r),
                "{name} {rect:?} covers the label {text} at {r:?}"
            );
        }
    }
}

#[test]
fn at_1024_by_768_the_standards_form_ends_above_the_findings_panel() {
    let mut h = small(ServstdApp::with_sample(english()));
    h.state_mut().selected = Some("S-1".into());
    h.run();
    let findings = h.get_by_label_contains("Findings (").rect();
    let last = h
        .get_by_role_and_label(Role::TextInput, "Review date")
        .rect();
    assert!(
        last.max.y + 8.0 <= findings.min.y,
        "the form's last field {last:?} runs under the findings {findings:?}"
    );
}

#[test]
fn the_tree_shows_a_long_standard_whole_on_hover() {
    let mut set = servstd::core::templates::default_sample();
    set.history.clear();
    let long = "Greet every guest who comes in within ten seconds, with eye contact, a smile and the words of the house, even while serving another table";
    set.contact_points[0].steps[0].factors[0].standards[0].text = long.into();
    let app = ServstdApp::with_document(english(), servstd::gui::state::Document::new(set, None));
    let mut h = harness_sized(app, 1080.0);
    h.set_size(egui::vec2(1920.0, 1080.0));
    h.state_mut().selected = Some("S-1".into());
    h.run();
    h.get_by_label_contains("• Greet every guest").hover();
    h.run();
    h.get_by_label(long);
}

#[test]
fn a_quadrant_marker_names_its_factor_and_standards_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = results_at_1024(dir.path(), 1600.0);
    let first = h.get_all_by_role(Role::Image).next().expect("a marker");
    let name = first.accesskit_node().label().unwrap_or_default();
    first.hover();
    h.run();
    let line = format!("{name}\n");
    let tips: Vec<String> = h
        .query_all_by_label_contains(&line)
        .map(|n| {
            format!(
                "{:?} {}",
                n.accesskit_node().role(),
                n.accesskit_node().label().unwrap_or_default()
            )
        })
        .collect();
    assert!(tips.iter().any(|t| t.contains("Importance")), "{tips:?}");
}
