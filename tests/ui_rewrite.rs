//! The checker's rewrite in the window (issue 27): under a vague standard
//! the editor offers a measurable rewrite; one click puts it in with its
//! first slot selected, so typing replaces the default figure.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servstd::gui::app::ServstdApp;

mod common;
use common::{draft_sample, harness_sized};

fn harness(app: ServstdApp) -> Harness<'static, ServstdApp> {
    harness_sized(app, 900.0)
}

/// The sample's draft with its first standard selected and replaced by
/// `text`, typed as a manager would.
fn typed_into_the_first_standard(text: &str) -> Harness<'static, ServstdApp> {
    let mut h = harness(draft_sample());
    h.run();
    h.state_mut().selected = Some("S-1".into());
    h.run();
    let field = h.get_by_role_and_label(Role::MultilineTextInput, "Standard");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::MultilineTextInput, "Standard")
        .type_text(text);
    h.run();
    h
}

fn first_standard(h: &Harness<'static, ServstdApp>) -> String {
    h.state().doc.set().contact_points[0].steps[0].factors[0].standards[0]
        .text
        .clone()
}

#[test]
fn one_click_puts_the_rewrite_in_with_the_first_slot_selected() {
    let mut h = typed_into_the_first_standard("及时回复顾客的留言，热情问候");
    // Both vague words are named in the one finding.
    assert_eq!(
        h.query_all_by_label_contains("vague words “及时”, “热情”")
            .count(),
        2
    );
    h.get_by_label_contains("在[2]小时内回复顾客的留言");
    h.get_by_label("Use the rewrite").click();
    h.run();
    h.run();
    assert_eq!(first_standard(&h), "在2小时内回复顾客的留言，面带微笑问候");
    // The first slot (the 2) is selected: typing replaces it.
    h.get_by_role_and_label(Role::MultilineTextInput, "Standard")
        .type_text("4");
    h.run();
    assert_eq!(first_standard(&h), "在4小时内回复顾客的留言，面带微笑问候");
    assert!(
        h.query_by_label("Use the rewrite").is_none(),
        "measurable now"
    );
}

#[test]
fn a_rewrite_without_slots_puts_the_standard_in_without_the_words() {
    let mut h = typed_into_the_first_standard("门卫礼貌问好，询问来访事由，并请来访人员填写登记表");
    h.get_by_label_contains("门卫问好，询问来访事由");
    h.get_by_label("Use the rewrite").click();
    h.run();
    h.run();
    assert_eq!(
        first_standard(&h),
        "门卫问好，询问来访事由，并请来访人员填写登记表"
    );
    assert!(
        h.query_by_label("Use the rewrite").is_none(),
        "measurable now"
    );
    // Typing goes on at the cursor, with nothing selected to replace.
    h.get_by_role_and_label(Role::MultilineTextInput, "Standard")
        .type_text("。");
    h.run();
    assert!(
        first_standard(&h).starts_with("门卫问好"),
        "{}",
        first_standard(&h)
    );
}

#[test]
fn this_is_fine_here_accepts_the_standard_with_its_reason() {
    let mut h = typed_into_the_first_standard("让顾客有宾至如归的感觉");
    h.get_by_label("This is fine here…").click();
    h.run();
    let reason = "店长每月做一次顾客调查";
    h.get_by_role_and_label(Role::TextInput, "Reason (who checks it, and how)")
        .focus();
    h.get_by_role_and_label(Role::TextInput, "Reason (who checks it, and how)")
        .type_text(reason);
    h.run();
    h.get_by_label("Accept as is").click();
    h.run();
    let standard = &h.state().doc.set().contact_points[0].steps[0].factors[0].standards[0];
    assert_eq!(standard.accepted.as_deref(), Some(reason));
    // Said under the text and in the checker's reading.
    assert_eq!(
        h.query_all_by_label_contains("accepted as is: 店长每月做一次顾客调查")
            .count(),
        2
    );
    h.get_by_label("Withdraw the exception").click();
    h.run();
    let standard = &h.state().doc.set().contact_points[0].steps[0].factors[0].standards[0];
    assert_eq!(standard.accepted, None);
}
