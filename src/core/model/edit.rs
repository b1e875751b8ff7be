//! Structural edits of the tree: add, delete, move and duplicate items.
//! Pure functions over the set, used by the window and testable without it.

use super::{ContactPoint, Factor, IdKind, ItemPath, Standard, StandardKind, StandardsSet, Step};

impl StandardsSet {
    /// Adds an empty contact point at the end of the journey.
    pub fn add_contact_point(&mut self, name: &str) -> ItemPath {
        let id = self.next_id(IdKind::ContactPoint);
        self.contact_points.push(ContactPoint::new(id, name));
        ItemPath::ContactPoint(self.contact_points.len() - 1)
    }

    /// Adds an empty child at the end of the item at `parent` (a standard has none).
    pub fn add_child(&mut self, parent: ItemPath, name: &str) -> Option<ItemPath> {
        Some(match parent {
            ItemPath::ContactPoint(c) => {
                let id = self.next_id(IdKind::Step);
                let steps = &mut self.contact_points.get_mut(c)?.steps;
                steps.push(Step::new(id, name));
                ItemPath::Step(c, steps.len() - 1)
            }
            ItemPath::Step(c, s) => {
                let id = self.next_id(IdKind::Factor);
                let factors = &mut self.contact_points.get_mut(c)?.steps.get_mut(s)?.factors;
                factors.push(Factor::new(id, name));
                ItemPath::Factor(c, s, factors.len() - 1)
            }
            ItemPath::Factor(c, s, f) => {
                let id = self.next_id(IdKind::Standard);
                let standards = &mut self
                    .contact_points
                    .get_mut(c)?
                    .steps
                    .get_mut(s)?
                    .factors
                    .get_mut(f)?
                    .standards;
                standards.push(Standard::new(id, name, StandardKind::Procedure));
                ItemPath::Standard(c, s, f, standards.len() - 1)
            }
            ItemPath::Standard(..) => return None,
        })
    }

    /// Removes the item at `path` with everything below it.
    pub fn delete(&mut self, path: ItemPath) -> bool {
        fn remove<T>(v: &mut Vec<T>, i: usize) -> bool {
            (i < v.len()).then(|| v.remove(i)).is_some()
        }
        match path {
            ItemPath::ContactPoint(c) => remove(&mut self.contact_points, c),
            ItemPath::Step(c, s) => self
                .contact_points
                .get_mut(c)
                .is_some_and(|cp| remove(&mut cp.steps, s)),
            ItemPath::Factor(c, s, f) => self
                .contact_points
                .get_mut(c)
                .and_then(|cp| cp.steps.get_mut(s))
                .is_some_and(|st| remove(&mut st.factors, f)),
            ItemPath::Standard(c, s, f, i) => self
                .contact_points
                .get_mut(c)
                .and_then(|cp| cp.steps.get_mut(s))
                .and_then(|st| st.factors.get_mut(f))
                .is_some_and(|fa| remove(&mut fa.standards, i)),
        }
    }

    /// Moves the item among its siblings by `delta` places; returns its new path.
    pub fn move_by(&mut self, path: ItemPath, delta: isize) -> Option<ItemPath> {
        fn shift<T>(v: &mut [T], i: usize, delta: isize) -> Option<usize> {
            let to = i.checked_add_signed(delta).filter(|t| *t < v.len())?;
            if i >= v.len() {
                return None;
            }
            if to < i {
                v[to..=i].rotate_right(1);
            } else {
                v[i..=to].rotate_left(1);
            }
            Some(to)
        }
        let to = match path {
            ItemPath::ContactPoint(c) => shift(&mut self.contact_points, c, delta)?,
            ItemPath::Step(c, s) => shift(&mut self.contact_points.get_mut(c)?.steps, s, delta)?,
            ItemPath::Factor(c, s, f) => shift(
                &mut self.contact_points.get_mut(c)?.steps.get_mut(s)?.factors,
                f,
                delta,
            )?,
            ItemPath::Standard(c, s, f, i) => shift(
                &mut self
                    .contact_points
                    .get_mut(c)?
                    .steps
                    .get_mut(s)?
                    .factors
                    .get_mut(f)?
                    .standards,
                i,
                delta,
            )?,
        };
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
        let item = self.take(from)?;
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
        self.put(parent, index, item);
        self.locate(&id)
    }

    fn take(&mut self, path: ItemPath) -> Option<Taken> {
        let cps = &mut self.contact_points;
        Some(match path {
            ItemPath::ContactPoint(c) => {
                Taken::ContactPoint((c < cps.len()).then(|| cps.remove(c))?)
            }
            ItemPath::Step(c, s) => {
                let v = &mut cps.get_mut(c)?.steps;
                Taken::Step((s < v.len()).then(|| v.remove(s))?)
            }
            ItemPath::Factor(c, s, f) => {
                let v = &mut cps.get_mut(c)?.steps.get_mut(s)?.factors;
                Taken::Factor((f < v.len()).then(|| v.remove(f))?)
            }
            ItemPath::Standard(c, s, f, i) => {
                let v = &mut cps
                    .get_mut(c)?
                    .steps
                    .get_mut(s)?
                    .factors
                    .get_mut(f)?
                    .standards;
                Taken::Standard((i < v.len()).then(|| v.remove(i))?)
            }
        })
    }

    fn put(&mut self, parent: Option<ItemPath>, index: usize, item: Taken) {
        fn insert<T>(v: &mut Vec<T>, index: usize, item: T) {
            v.insert(index.min(v.len()), item);
        }
        let cps = &mut self.contact_points;
        match (parent, item) {
            (None, Taken::ContactPoint(cp)) => insert(cps, index, cp),
            (Some(ItemPath::ContactPoint(c)), Taken::Step(st)) => {
                insert(&mut cps[c].steps, index, st);
            }
            (Some(ItemPath::Step(c, s)), Taken::Factor(f)) => {
                insert(&mut cps[c].steps[s].factors, index, f);
            }
            (Some(ItemPath::Factor(c, s, f)), Taken::Standard(st)) => {
                insert(&mut cps[c].steps[s].factors[f].standards, index, st);
            }
            _ => unreachable!("move_onto pairs every item with a parent of the level above"),
        }
    }

    /// Copies the item (with everything below it, all with fresh IDs) right after itself.
    pub fn duplicate(&mut self, path: ItemPath) -> Option<ItemPath> {
        let at = path.index() + 1;
        let mut ids = Ids::of(self);
        match path {
            ItemPath::ContactPoint(c) => {
                let mut copy = self.contact_points.get(c)?.clone();
                copy.id = ids.take(IdKind::ContactPoint);
                copy.steps.iter_mut().for_each(|s| ids.renumber_step(s));
                self.contact_points.insert(at, copy);
            }
            ItemPath::Step(c, s) => {
                let mut copy = self.contact_points.get(c)?.steps.get(s)?.clone();
                ids.renumber_step(&mut copy);
                self.contact_points[c].steps.insert(at, copy);
            }
            ItemPath::Factor(c, s, f) => {
                let mut copy = self
                    .contact_points
                    .get(c)?
                    .steps
                    .get(s)?
                    .factors
                    .get(f)?
                    .clone();
                ids.renumber_factor(&mut copy);
                self.contact_points[c].steps[s].factors.insert(at, copy);
            }
            ItemPath::Standard(c, s, f, i) => {
                let mut copy = self
                    .contact_points
                    .get(c)?
                    .steps
                    .get(s)?
                    .factors
                    .get(f)?
                    .standards
                    .get(i)?
                    .clone();
                copy.id = ids.take(IdKind::Standard);
                self.contact_points[c].steps[s].factors[f]
                    .standards
                    .insert(at, copy);
            }
        }
        Some(path.with_index(at))
    }
}

/// An item taken out of the tree while it moves.
enum Taken {
    ContactPoint(ContactPoint),
    Step(Step),
    Factor(Factor),
    Standard(Standard),
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

    fn renumber_step(&mut self, step: &mut Step) {
        step.id = self.take(IdKind::Step);
        step.factors
            .iter_mut()
            .for_each(|f| self.renumber_factor(f));
    }

    fn renumber_factor(&mut self, factor: &mut Factor) {
        factor.id = self.take(IdKind::Factor);
        for standard in &mut factor.standards {
            standard.id = self.take(IdKind::Standard);
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
