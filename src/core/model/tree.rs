//! One way into the tree: the item at any [`ItemPath`], whatever its level,
//! and the list of siblings it sits in. Everything else that reads or edits
//! an item by path (names, counts, IDs, adding, moving, deleting) goes
//! through here instead of walking contact point → step → factor → standard
//! by hand.

use super::{ContactPoint, Factor, IdKind, ItemPath, Standard, StandardKind, StandardsSet, Step};

/// An item of the tree, borrowed.
#[derive(Clone, Copy, Debug)]
pub enum Item<'a> {
    ContactPoint(&'a ContactPoint),
    Step(&'a Step),
    Factor(&'a Factor),
    Standard(&'a Standard),
}

/// An item of the tree, borrowed to be edited.
#[derive(Debug)]
pub enum ItemMut<'a> {
    ContactPoint(&'a mut ContactPoint),
    Step(&'a mut Step),
    Factor(&'a mut Factor),
    Standard(&'a mut Standard),
}

/// An item taken out of the tree (to move it) or made to go in.
#[derive(Clone, Debug)]
pub(super) enum Node {
    ContactPoint(ContactPoint),
    Step(Step),
    Factor(Factor),
    Standard(Standard),
}

/// The items under one parent: the journey's contact points, a contact
/// point's steps, a step's factors or a factor's standards.
pub(super) enum Siblings<'a> {
    ContactPoints(&'a mut Vec<ContactPoint>),
    Steps(&'a mut Vec<Step>),
    Factors(&'a mut Vec<Factor>),
    Standards(&'a mut Vec<Standard>),
}

impl<'a> Item<'a> {
    #[must_use]
    pub fn id(self) -> &'a str {
        match self {
            Self::ContactPoint(cp) => &cp.id,
            Self::Step(st) => &st.id,
            Self::Factor(f) => &f.id,
            Self::Standard(s) => &s.id,
        }
    }

    /// Its name; a standard's text.
    #[must_use]
    pub fn name(self) -> &'a str {
        match self {
            Self::ContactPoint(cp) => &cp.name,
            Self::Step(st) => &st.name,
            Self::Factor(f) => &f.name,
            Self::Standard(s) => &s.text,
        }
    }

    /// Its `i`th child, none for a standard.
    #[must_use]
    pub fn child(self, i: usize) -> Option<Self> {
        match self {
            Self::ContactPoint(cp) => cp.steps.get(i).map(Self::Step),
            Self::Step(st) => st.factors.get(i).map(Self::Factor),
            Self::Factor(f) => f.standards.get(i).map(Self::Standard),
            Self::Standard(_) => None,
        }
    }

    /// How many items it holds directly.
    #[must_use]
    pub fn children(self) -> usize {
        match self {
            Self::ContactPoint(cp) => cp.steps.len(),
            Self::Step(st) => st.factors.len(),
            Self::Factor(f) => f.standards.len(),
            Self::Standard(_) => 0,
        }
    }

    /// How many standards it is or holds, at any depth.
    #[must_use]
    pub fn standards(self) -> usize {
        match self {
            Self::Standard(_) => 1,
            item => (0..item.children())
                .filter_map(|i| item.child(i))
                .map(Item::standards)
                .sum(),
        }
    }

    /// A copy of it, with everything under it.
    pub(super) fn to_node(self) -> Node {
        match self {
            Self::ContactPoint(cp) => Node::ContactPoint(cp.clone()),
            Self::Step(st) => Node::Step(st.clone()),
            Self::Factor(f) => Node::Factor(f.clone()),
            Self::Standard(s) => Node::Standard(s.clone()),
        }
    }
}

impl<'a> ItemMut<'a> {
    /// Its `i`th child, none for a standard.
    #[must_use]
    pub fn child(self, i: usize) -> Option<Self> {
        match self {
            Self::ContactPoint(cp) => cp.steps.get_mut(i).map(Self::Step),
            Self::Step(st) => st.factors.get_mut(i).map(Self::Factor),
            Self::Factor(f) => f.standards.get_mut(i).map(Self::Standard),
            Self::Standard(_) => None,
        }
    }

    /// The list of its children, none for a standard.
    pub(super) fn children(self) -> Option<Siblings<'a>> {
        Some(match self {
            Self::ContactPoint(cp) => Siblings::Steps(&mut cp.steps),
            Self::Step(st) => Siblings::Factors(&mut st.factors),
            Self::Factor(f) => Siblings::Standards(&mut f.standards),
            Self::Standard(_) => return None,
        })
    }
}

impl Node {
    /// A new, empty item of `kind`; a standard starts as a procedure.
    pub(super) fn new(kind: IdKind, id: String, name: &str) -> Self {
        match kind {
            IdKind::ContactPoint => Self::ContactPoint(ContactPoint::new(id, name)),
            IdKind::Step => Self::Step(Step::new(id, name)),
            IdKind::Factor => Self::Factor(Factor::new(id, name)),
            IdKind::Standard => Self::Standard(Standard::new(id, name, StandardKind::Procedure)),
        }
    }

    pub(super) fn item_mut(&mut self) -> ItemMut<'_> {
        match self {
            Self::ContactPoint(cp) => ItemMut::ContactPoint(cp),
            Self::Step(st) => ItemMut::Step(st),
            Self::Factor(f) => ItemMut::Factor(f),
            Self::Standard(s) => ItemMut::Standard(s),
        }
    }
}

impl Siblings<'_> {
    pub(super) fn len(&self) -> usize {
        match self {
            Self::ContactPoints(v) => v.len(),
            Self::Steps(v) => v.len(),
            Self::Factors(v) => v.len(),
            Self::Standards(v) => v.len(),
        }
    }

    /// Takes out the `i`th item, if there is one.
    pub(super) fn remove(&mut self, i: usize) -> Option<Node> {
        (i < self.len()).then(|| match self {
            Self::ContactPoints(v) => Node::ContactPoint(v.remove(i)),
            Self::Steps(v) => Node::Step(v.remove(i)),
            Self::Factors(v) => Node::Factor(v.remove(i)),
            Self::Standards(v) => Node::Standard(v.remove(i)),
        })
    }

    /// Puts `node` at `i` (at the end when `i` is past it) and says where;
    /// none, and the node dropped, when it is not of this list's level.
    pub(super) fn insert(&mut self, i: usize, node: Node) -> Option<usize> {
        let at = i.min(self.len());
        match (self, node) {
            (Self::ContactPoints(v), Node::ContactPoint(x)) => v.insert(at, x),
            (Self::Steps(v), Node::Step(x)) => v.insert(at, x),
            (Self::Factors(v), Node::Factor(x)) => v.insert(at, x),
            (Self::Standards(v), Node::Standard(x)) => v.insert(at, x),
            _ => return None,
        }
        Some(at)
    }

    /// Moves the `i`th item by `delta` places; its new index, or none when
    /// that would leave the list.
    pub(super) fn shift(&mut self, i: usize, delta: isize) -> Option<usize> {
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
        match self {
            Self::ContactPoints(v) => shift(v, i, delta),
            Self::Steps(v) => shift(v, i, delta),
            Self::Factors(v) => shift(v, i, delta),
            Self::Standards(v) => shift(v, i, delta),
        }
    }
}

impl ItemPath {
    /// The path of its `i`th child, none for a standard.
    #[must_use]
    pub fn child(self, i: usize) -> Option<Self> {
        Some(match self {
            Self::ContactPoint(c) => Self::Step(c, i),
            Self::Step(c, s) => Self::Factor(c, s, i),
            Self::Factor(c, s, f) => Self::Standard(c, s, f, i),
            Self::Standard(..) => return None,
        })
    }
}

impl StandardsSet {
    /// The item at `path`, if the path is still valid.
    #[must_use]
    pub fn item(&self, path: ItemPath) -> Option<Item<'_>> {
        match path.parent() {
            None => self
                .contact_points
                .get(path.index())
                .map(Item::ContactPoint),
            Some(parent) => self.item(parent)?.child(path.index()),
        }
    }

    /// The item at `path`, to edit, if the path is still valid.
    pub fn item_mut(&mut self, path: ItemPath) -> Option<ItemMut<'_>> {
        match path.parent() {
            None => self
                .contact_points
                .get_mut(path.index())
                .map(ItemMut::ContactPoint),
            Some(parent) => self.item_mut(parent)?.child(path.index()),
        }
    }

    /// The children of the item at `parent`, or the contact points for none.
    pub(super) fn children_mut(&mut self, parent: Option<ItemPath>) -> Option<Siblings<'_>> {
        match parent {
            None => Some(Siblings::ContactPoints(&mut self.contact_points)),
            Some(parent) => self.item_mut(parent)?.children(),
        }
    }

    /// The list the item at `path` sits in (the item itself may be past its end).
    pub(super) fn siblings_mut(&mut self, path: ItemPath) -> Option<Siblings<'_>> {
        self.children_mut(path.parent())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Language;

    fn set() -> StandardsSet {
        let mut set = StandardsSet::new("t", Language::En);
        let mut cp = ContactPoint::new("CP-1", "Arrival");
        let mut st = Step::new("ST-1", "Greeting");
        let mut f = Factor::new("KF-1", "Noticed");
        f.standards
            .push(Standard::new("S-1", "Greets", StandardKind::Personal));
        f.standards
            .push(Standard::new("S-2", "Smiles", StandardKind::Personal));
        st.factors.push(f);
        cp.steps.push(st);
        set.contact_points.push(cp);
        set
    }

    #[test]
    fn item_reaches_every_level_and_refuses_a_stale_path() {
        let set = set();
        let ids: Vec<_> = [
            ItemPath::ContactPoint(0),
            ItemPath::Step(0, 0),
            ItemPath::Factor(0, 0, 0),
            ItemPath::Standard(0, 0, 0, 1),
        ]
        .into_iter()
        .map(|p| set.item(p).map(Item::id))
        .collect();
        assert_eq!(ids, [Some("CP-1"), Some("ST-1"), Some("KF-1"), Some("S-2")]);
        assert!(set.item(ItemPath::Standard(0, 0, 0, 2)).is_none());
        assert!(set.item(ItemPath::Factor(0, 1, 0)).is_none());
        assert!(set.item(ItemPath::ContactPoint(1)).is_none());
        let cp = set.item(ItemPath::ContactPoint(0)).unwrap();
        assert_eq!((cp.children(), cp.standards()), (1, 2));
    }

    #[test]
    fn item_mut_edits_in_place() {
        let mut set = set();
        if let Some(ItemMut::Standard(s)) = set.item_mut(ItemPath::Standard(0, 0, 0, 0)) {
            s.text = "Greets within 10 s".into();
        }
        assert_eq!(
            set.contact_points[0].steps[0].factors[0].standards[0].text,
            "Greets within 10 s"
        );
        assert!(set.item_mut(ItemPath::Step(0, 3)).is_none());
    }

    #[test]
    fn siblings_refuse_an_item_of_another_level() {
        let mut set = set();
        let node = Node::new(IdKind::Step, "ST-2".into(), "x");
        let mut factors = set.children_mut(Some(ItemPath::Step(0, 0))).unwrap();
        assert!(factors.insert(0, node).is_none());
    }
}
