//! Structural edits of the tree: add, delete, move and duplicate items.
//! Pure functions over the set, used by the window and testable without it.

use super::tree::Node;
use super::{ContactPoint, IdKind, ItemMut, ItemPath, StandardsSet};

impl StandardsSet {
    /// Adds an empty contact point at the end of the journey.
    pub fn add_contact_point(&mut self, name: &str) -> ItemPath {
        let id = self.next_id(IdKind::ContactPoint);
        self.contact_points.push(ContactPoint::new(id, name));
        ItemPath::ContactPoint(self.contact_points.len() - 1)
    }

    /// Adds an empty child at the end of the item at `parent` (a standard has none).
    pub fn add_child(&mut self, parent: ItemPath, name: &str) -> Option<ItemPath> {
        let kind = parent.child(0)?.kind();
        let node = Node::new(kind, self.next_id(kind), name);
        let at = self.children_mut(Some(parent))?.insert(usize::MAX, node)?;
        parent.child(at)
    }

    /// Removes the item at `path` with everything below it.
    pub fn delete(&mut self, path: ItemPath) -> bool {
        self.siblings_mut(path)
            .and_then(|mut v| v.remove(path.index()))
            .is_some()
    }

    /// Moves the item among its siblings by `delta` places; returns its new path.
    pub fn move_by(&mut self, path: ItemPath, delta: isize) -> Option<ItemPath> {
        let to = self.siblings_mut(path)?.shift(path.index(), delta)?;
        Some(path.with_index(to))
    }

    /// Moves an item by drag and drop: onto an item of its own level it takes
    /// that item's place (under that item's parent); onto an item one level up
    /// it becomes that item's last child. Returns the item's new path.
    pub fn move_onto(&mut self, from: ItemPath, onto: ItemPath) -> Option<ItemPath> {
        if from == onto {
            return Some(from);
        }
        let same_level = from.kind() == onto.kind();
        let into_parent = from.parent().map(ItemPath::kind) == Some(onto.kind());
        if !same_level && !into_parent {
            return None;
        }
        let id = self.id_at(from)?.to_owned();
        let onto_id = self.id_at(onto)?.to_owned();
        let item = self.siblings_mut(from)?.remove(from.index())?;
        // Positions after `from` shifted when it was taken out: find `onto` again by ID.
        let onto = self.locate(&onto_id).expect("the target is still there");
        let (parent, index) = if same_level {
            (
                onto.parent(),
                onto.index()
                    + usize::from(from.parent() == onto.parent() && from.index() <= onto.index()),
            )
        } else {
            (Some(onto), usize::MAX)
        };
        let placed = self
            .children_mut(parent)
            .map(|mut v| v.insert(index, item).is_some());
        assert_eq!(
            placed,
            Some(true),
            "move_onto pairs every item with a parent of the level above"
        );
        self.locate(&id)
    }

    /// Copies the item (with everything below it, all with fresh IDs) right after itself.
    pub fn duplicate(&mut self, path: ItemPath) -> Option<ItemPath> {
        let mut copy = self.item(path)?.to_node();
        Ids::of(self).renumber(copy.item_mut());
        let at = self.siblings_mut(path)?.insert(path.index() + 1, copy)?;
        Some(path.with_index(at))
    }
}

/// Hands out fresh IDs for a subtree: each one above every ID in the set and
/// every ID handed out before.
struct Ids {
    next: [u64; 4],
}

impl Ids {
    fn of(set: &StandardsSet) -> Self {
        let kinds = [
            IdKind::ContactPoint,
            IdKind::Step,
            IdKind::Factor,
            IdKind::Standard,
        ];
        Self {
            next: kinds.map(|k| set.highest_number(k) + 1),
        }
    }

    fn take(&mut self, kind: IdKind) -> String {
        let slot = match kind {
            IdKind::ContactPoint => 0,
            IdKind::Step => 1,
            IdKind::Factor => 2,
            IdKind::Standard => 3,
        };
        let n = self.next[slot];
        self.next[slot] += 1;
        format!("{}-{n}", kind.prefix())
    }

    /// Gives the item and everything under it fresh IDs.
    fn renumber(&mut self, item: ItemMut<'_>) {
        match item {
            ItemMut::ContactPoint(cp) => {
                cp.id = self.take(IdKind::ContactPoint);
                cp.steps
                    .iter_mut()
                    .for_each(|st| self.renumber(ItemMut::Step(st)));
            }
            ItemMut::Step(st) => {
                st.id = self.take(IdKind::Step);
                st.factors
                    .iter_mut()
                    .for_each(|f| self.renumber(ItemMut::Factor(f)));
            }
            ItemMut::Factor(f) => {
                f.id = self.take(IdKind::Factor);
                f.standards
                    .iter_mut()
                    .for_each(|s| self.renumber(ItemMut::Standard(s)));
            }
            ItemMut::Standard(s) => s.id = self.take(IdKind::Standard),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Language;

    fn set() -> StandardsSet {
        let mut set = StandardsSet::new("t", Language::En);
        let cp = set.add_contact_point("Arrival");
        let st = set.add_child(cp, "Greeting").unwrap();
        let f = set.add_child(st, "Noticed").unwrap();
        set.add_child(f, "Greets within 10 s").unwrap();
        set.add_child(f, "Says hello").unwrap();
        set.add_contact_point("Paying");
        set
    }

    #[test]
    fn add_children_get_fresh_ids_at_each_level() {
        let set = set();
        let ids: Vec<_> = set.all_ids().map(|(_, id)| id.to_owned()).collect();
        assert_eq!(ids, ["CP-1", "ST-1", "KF-1", "S-1", "S-2", "CP-2"]);
        assert!(
            set.clone()
                .add_child(ItemPath::Standard(0, 0, 0, 0), "x")
                .is_none()
        );
    }

    #[test]
    fn move_keeps_ids_and_stops_at_the_ends() {
        let mut set = set();
        assert_eq!(
            set.move_by(ItemPath::ContactPoint(0), 1),
            Some(ItemPath::ContactPoint(1))
        );
        assert_eq!(set.contact_points[1].id, "CP-1");
        assert_eq!(set.move_by(ItemPath::ContactPoint(1), 1), None);
        assert_eq!(
            set.move_by(ItemPath::Standard(1, 0, 0, 1), -1),
            Some(ItemPath::Standard(1, 0, 0, 0))
        );
        assert_eq!(
            set.contact_points[1].steps[0].factors[0].standards[0].text,
            "Says hello"
        );
    }

    #[test]
    fn duplicate_gives_the_whole_copy_new_ids() {
        let mut set = set();
        let copy = set.duplicate(ItemPath::ContactPoint(0)).unwrap();
        assert_eq!(copy, ItemPath::ContactPoint(1));
        let ids: Vec<_> = set.all_ids().map(|(_, id)| id.to_owned()).collect();
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert_eq!(set.contact_points[1].name, "Arrival");
        assert_eq!(
            set.contact_points[1].steps[0].factors[0].standards[1].id,
            "S-4"
        );
    }

    #[test]
    fn drag_onto_a_sibling_or_into_a_parent() {
        let mut set = set();
        // A standard onto its sibling: they swap places.
        let moved = set.move_onto(
            ItemPath::Standard(0, 0, 0, 0),
            ItemPath::Standard(0, 0, 0, 1),
        );
        assert_eq!(moved, Some(ItemPath::Standard(0, 0, 0, 1)));
        assert_eq!(
            set.contact_points[0].steps[0].factors[0].standards[0].id,
            "S-2"
        );
        // The second contact point onto the first: it comes first.
        assert_eq!(
            set.move_onto(ItemPath::ContactPoint(1), ItemPath::ContactPoint(0)),
            Some(ItemPath::ContactPoint(0))
        );
        assert_eq!(set.contact_points[0].id, "CP-2");
        // The step of CP-1 into CP-2 (now first): it becomes CP-2's last step.
        assert_eq!(
            set.move_onto(ItemPath::Step(1, 0), ItemPath::ContactPoint(0)),
            Some(ItemPath::Step(0, 0))
        );
        assert!(set.contact_points[1].steps.is_empty());
        // A standard onto a contact point is refused.
        assert_eq!(
            set.move_onto(ItemPath::Standard(0, 0, 0, 0), ItemPath::ContactPoint(1)),
            None
        );
        assert_eq!(set.counts().standards, 2);
    }

    #[test]
    fn delete_removes_the_subtree() {
        let mut set = set();
        assert!(set.delete(ItemPath::Step(0, 0)));
        assert_eq!(set.counts().standards, 0);
        assert!(!set.delete(ItemPath::Step(0, 0)));
    }
}
