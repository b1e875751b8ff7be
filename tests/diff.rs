//! `core::diff` on pairs made by the edit functions: each edit is reported as
//! exactly that change, and a set compared with itself has none.

use proptest::prelude::*;
use servstd::core::diff::{Change, Level, What, diff};
use servstd::core::model::{ItemPath, StandardsSet, Target};
use servstd::core::templates::TEMPLATES;

fn restaurant() -> StandardsSet {
    TEMPLATES[0].set()
}

fn only(changes: &[Change]) -> &Change {
    assert_eq!(changes.len(), 1, "exactly one change: {changes:#?}");
    &changes[0]
}

fn modified(change: &Change) -> (Option<&str>, bool, Vec<&str>) {
    match &change.what {
        What::Modified {
            moved_from,
            reordered,
            fields,
        } => (
            moved_from.as_deref(),
            *reordered,
            fields.iter().map(|f| f.field).collect(),
        ),
        other => panic!("not a modification: {other:?}"),
    }
}

#[test]
fn a_rename_is_one_changed_name_with_its_inline_diff() {
    let old = restaurant();
    let mut new = old.clone();
    new.contact_points[1].steps[0].name = "门口迎接与问候".into();
    let changes = diff(&old, &new);
    let change = only(&changes);
    assert_eq!((change.level, change.id.as_str()), (Level::Step, "ST-4"));
    assert_eq!(modified(change), (None, false, vec!["name"]));
    let What::Modified { fields, .. } = &change.what else {
        unreachable!()
    };
    let inserted: String = fields[0]
        .inline
        .iter()
        .filter(|p| p.op == "insert")
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(inserted, "与问候");
}

#[test]
fn a_reorder_is_the_one_item_that_moved_not_every_item_after_it() {
    let old = restaurant();
    let mut new = old.clone();
    // The last contact point moves to the front: one item changed place.
    let last = new.contact_points.len() - 1;
    new.move_onto(ItemPath::ContactPoint(last), ItemPath::ContactPoint(0))
        .unwrap();
    let changes = diff(&old, &new);
    let change = only(&changes);
    assert_eq!(change.level, Level::ContactPoint);
    assert_eq!(change.id, old.contact_points[last].id);
    assert_eq!(modified(change), (None, true, vec![]));
}

#[test]
fn a_step_moved_to_another_contact_point_is_a_move_from_its_old_parent() {
    let old = restaurant();
    let mut new = old.clone();
    let step_id = old.contact_points[0].steps[1].id.clone();
    new.move_onto(ItemPath::Step(0, 1), ItemPath::ContactPoint(2))
        .unwrap();
    let changes = diff(&old, &new);
    let change = only(&changes);
    assert_eq!(
        (change.level, change.id.as_str()),
        (Level::Step, step_id.as_str())
    );
    assert_eq!(
        change.parent.as_deref(),
        Some(old.contact_points[2].id.as_str())
    );
    assert_eq!(
        modified(change),
        (Some(old.contact_points[0].id.as_str()), false, vec![])
    );
}

#[test]
fn a_changed_target_is_that_field() {
    let old = restaurant();
    let mut new = old.clone();
    let standard = &mut new.contact_points[0].steps[0].factors[0].standards[0];
    standard.target = Some(Target {
        value: 2.0,
        unit: "声".into(),
    });
    let id = standard.id.clone();
    let changes = diff(&old, &new);
    let change = only(&changes);
    assert_eq!(
        (change.level, change.id.as_str()),
        (Level::Standard, id.as_str())
    );
    assert_eq!(modified(change), (None, false, vec!["target"]));
}

#[test]
fn an_added_and_a_deleted_item_are_reported_once_with_their_contents() {
    let old = restaurant();
    let mut new = old.clone();
    let step = new.add_child(ItemPath::ContactPoint(0), "新步骤").unwrap();
    new.add_child(step, "新因素").unwrap();
    let changes = diff(&old, &new);
    let change = only(&changes);
    assert_eq!((change.level, &change.what), (Level::Step, &What::Added));

    let mut new = old.clone();
    let gone = new.contact_points[3].id.clone();
    assert!(new.delete(ItemPath::ContactPoint(3)));
    let changes = diff(&old, &new);
    let change = only(&changes);
    assert_eq!(
        (change.level, change.id.as_str()),
        (Level::ContactPoint, gone.as_str())
    );
    assert_eq!(change.what, What::Removed);

    let mut new = old.clone();
    assert!(new.delete(ItemPath::Standard(0, 0, 0, 0)));
    let change = only(&diff(&old, &new)).clone();
    assert_eq!(
        (change.level, change.what),
        (Level::Standard, What::Removed)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_set_compared_with_itself_has_no_change(template in 0..TEMPLATES.len(), cut in 0usize..40) {
        let mut set = TEMPLATES[template].set();
        // Also on smaller sets: drop some standards first.
        for _ in 0..cut {
            if set.standards().count() <= 1 { break; }
            let path = set.items().into_iter().rev().find(|(p, _)| matches!(p, ItemPath::Standard(..))).unwrap().0;
            set.delete(path);
        }
        prop_assert!(diff(&set, &set.clone()).is_empty());
    }

    #[test]
    fn a_text_change_is_found_wherever_it_is(template in 0..TEMPLATES.len(), pick in 0usize..1000, extra in "[a-z]{1,5}") {
        let old = TEMPLATES[template].set();
        let mut new = old.clone();
        let ids: Vec<String> = old.standards().map(|(_, s)| s.id.clone()).collect();
        let id = &ids[pick % ids.len()];
        let path = new.locate(id).unwrap();
        let ItemPath::Standard(c, s, f, i) = path else { unreachable!() };
        new.contact_points[c].steps[s].factors[f].standards[i].text.push_str(&extra);
        let changes = diff(&old, &new);
        prop_assert_eq!(changes.len(), 1);
        prop_assert_eq!(&changes[0].id, id);
    }
}
