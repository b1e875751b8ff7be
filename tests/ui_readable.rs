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
