//! Stable, readable item IDs and index paths into the tree.
//!
//! IDs are a level prefix and a number: `CP-3` (contact point), `ST-12`
//! (step), `KF-20` (key factor), `S-41` (standard). An ID is made once, when
//! the item is created, as one more than the highest number of its level in
//! the set; renaming, reordering or moving never changes it, so inspection
//! records can refer to standards by ID across revisions.

use super::{Item, StandardsSet};

/// The four levels of the tree below the set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    ContactPoint,
    Step,
    Factor,
    Standard,
}

impl IdKind {
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Self::ContactPoint => "CP",
            Self::Step => "ST",
            Self::Factor => "KF",
            Self::Standard => "S",
        }
    }
}

/// An ID as it appears in files: a non-empty token of ASCII letters, digits, `-`, `_` or `.`.
pub type ItemId = String;

/// Whether `id` is usable as an item ID (the app makes `PREFIX-N`, hand-written files may differ).
#[must_use]
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The number in a `PREFIX-N` ID of the given level, if it has that form.
fn number_of(id: &str, kind: IdKind) -> Option<u64> {
    id.strip_prefix(kind.prefix())?
        .strip_prefix('-')?
        .parse()
        .ok()
}

/// Where an item sits in the tree, by position. Valid only until the tree changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemPath {
    ContactPoint(usize),
    Step(usize, usize),
    Factor(usize, usize, usize),
    Standard(usize, usize, usize, usize),
}

impl ItemPath {
    #[must_use]
    pub fn kind(self) -> IdKind {
        match self {
            Self::ContactPoint(..) => IdKind::ContactPoint,
            Self::Step(..) => IdKind::Step,
            Self::Factor(..) => IdKind::Factor,
            Self::Standard(..) => IdKind::Standard,
        }
    }

    /// The path of the item's parent, or `None` for a contact point.
    #[must_use]
    pub fn parent(self) -> Option<Self> {
        match self {
            Self::ContactPoint(_) => None,
            Self::Step(c, _) => Some(Self::ContactPoint(c)),
            Self::Factor(c, s, _) => Some(Self::Step(c, s)),
            Self::Standard(c, s, f, _) => Some(Self::Factor(c, s, f)),
        }
    }

    /// The item's position among its siblings.
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Self::ContactPoint(i)
            | Self::Step(_, i)
            | Self::Factor(_, _, i)
            | Self::Standard(_, _, _, i) => i,
        }
    }

    /// The same level and parent, another position.
    #[must_use]
    pub fn with_index(self, i: usize) -> Self {
        match self {
            Self::ContactPoint(_) => Self::ContactPoint(i),
            Self::Step(c, _) => Self::Step(c, i),
            Self::Factor(c, s, _) => Self::Factor(c, s, i),
            Self::Standard(c, s, f, _) => Self::Standard(c, s, f, i),
        }
    }
}

impl StandardsSet {
    /// A fresh ID for a new item of the given level: one above the highest in use.
    #[must_use]
    pub fn next_id(&self, kind: IdKind) -> ItemId {
        format!("{}-{}", kind.prefix(), self.highest_number(kind) + 1)
    }

    /// The highest N of the `PREFIX-N` IDs of a level, 0 when there are none.
    #[must_use]
    pub fn highest_number(&self, kind: IdKind) -> u64 {
        self.all_ids()
            .filter_map(|(k, id)| (k == kind).then(|| number_of(id, kind)).flatten())
            .max()
            .unwrap_or(0)
    }

    /// Every item ID in document order, with its level.
    pub fn all_ids(&self) -> impl Iterator<Item = (IdKind, &str)> {
        self.items().into_iter().map(|(path, id)| (path.kind(), id))
    }

    /// Every item's path and ID in document order, in one walk of the tree.
    #[must_use]
    pub fn items(&self) -> Vec<(ItemPath, &str)> {
        let mut out = Vec::new();
        for (c, cp) in self.contact_points.iter().enumerate() {
            out.push((ItemPath::ContactPoint(c), cp.id.as_str()));
            for (s, st) in cp.steps.iter().enumerate() {
                out.push((ItemPath::Step(c, s), st.id.as_str()));
                for (f, factor) in st.factors.iter().enumerate() {
                    out.push((ItemPath::Factor(c, s, f), factor.id.as_str()));
                    for (i, standard) in factor.standards.iter().enumerate() {
                        out.push((ItemPath::Standard(c, s, f, i), standard.id.as_str()));
                    }
                }
            }
        }
        out
    }

    /// Where the item with this ID is, if it exists.
    #[must_use]
    pub fn locate(&self, id: &str) -> Option<ItemPath> {
        for (c, cp) in self.contact_points.iter().enumerate() {
            if cp.id == id {
                return Some(ItemPath::ContactPoint(c));
            }
            for (s, st) in cp.steps.iter().enumerate() {
                if st.id == id {
                    return Some(ItemPath::Step(c, s));
                }
                for (f, factor) in st.factors.iter().enumerate() {
                    if factor.id == id {
                        return Some(ItemPath::Factor(c, s, f));
                    }
                    if let Some(i) = factor.standards.iter().position(|x| x.id == id) {
                        return Some(ItemPath::Standard(c, s, f, i));
                    }
                }
            }
        }
        None
    }

    /// The ID of the item at `path`, if the path is still valid.
    #[must_use]
    pub fn id_at(&self, path: ItemPath) -> Option<&str> {
        self.item(path).map(Item::id)
    }

    /// How many items the item at `path` holds directly (0 for a standard or
    /// a path that does not exist).
    #[must_use]
    pub fn children_at(&self, path: ItemPath) -> usize {
        self.item(path).map_or(0, Item::children)
    }

    /// How many standards are at or below `path`.
    #[must_use]
    pub fn standards_under(&self, path: ItemPath) -> usize {
        self.item(path).map_or(0, Item::standards)
    }

    /// The display name of the item at `path` (a standard's text), if the path is valid.
    #[must_use]
    pub fn name_at(&self, path: ItemPath) -> Option<&str> {
        self.item(path).map(Item::name)
    }

    /// The names from the contact point down to the item, joined by ` › `.
    #[must_use]
    pub fn trail(&self, path: ItemPath) -> String {
        let mut parts = Vec::new();
        let mut at = Some(path);
        while let Some(p) = at {
            parts.push(self.name_at(p).unwrap_or("?").to_owned());
            at = p.parent();
        }
        parts.reverse();
        parts.join(" › ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{ContactPoint, Factor, Language, Standard, StandardKind, Step};

    fn set() -> StandardsSet {
        let mut set = StandardsSet::new("t", Language::En);
        let mut cp = ContactPoint::new("CP-1", "Arrival");
        let mut st = Step::new("ST-7", "Greeting");
        let mut f = Factor::new("KF-2", "Noticed");
        f.standards.push(Standard::new(
            "S-9",
            "Greets within 10 s",
            StandardKind::Personal,
        ));
        f.standards
            .push(Standard::new("custom.id", "x", StandardKind::Product));
        st.factors.push(f);
        cp.steps.push(st);
        set.contact_points.push(cp);
        set
    }

    #[test]
    fn next_id_is_one_above_the_highest_of_its_level() {
        let set = set();
        assert_eq!(set.next_id(IdKind::ContactPoint), "CP-2");
        assert_eq!(set.next_id(IdKind::Step), "ST-8");
        assert_eq!(set.next_id(IdKind::Factor), "KF-3");
        assert_eq!(set.next_id(IdKind::Standard), "S-10");
    }

    #[test]
    fn locate_and_trail() {
        let set = set();
        let path = set.locate("S-9").unwrap();
        assert_eq!(path, ItemPath::Standard(0, 0, 0, 0));
        assert_eq!(
            set.trail(path),
            "Arrival › Greeting › Noticed › Greets within 10 s"
        );
        assert_eq!(set.id_at(path), Some("S-9"));
        assert_eq!(set.locate("nope"), None);
    }

    #[test]
    fn valid_ids() {
        assert!(is_valid_id("S-41"));
        assert!(is_valid_id("custom.id_2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("S 41"));
        assert!(!is_valid_id("标准1"));
    }
}
