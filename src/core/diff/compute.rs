//! Finding the changes between two sets. Items are matched by ID at every
//! level, so a renamed, reordered or moved item is that change, not a
//! removal and an addition (which matching lists by position would report).
//! Changes inside a text are found word by word in English and character by
//! character in Chinese.

use std::collections::{HashMap, HashSet};

use similar::{Algorithm, ChangeTag, DiffTag, TextDiff, capture_diff_slices};

use super::{Change, FieldChange, Level, Piece, What};
use crate::core::model::{Factor, Language, Standard, StandardsSet};

/// A node of either tree, flattened: where it is and what it holds.
struct Node<'a> {
    level: Level,
    parent: Option<&'a str>,
    name: &'a str,
    fields: Vec<(&'static str, String, bool)>,
    children: Vec<&'a str>,
}

fn text_field(name: &'static str, value: &str) -> (&'static str, String, bool) {
    (name, value.to_owned(), true)
}

fn value_field(name: &'static str, value: String) -> (&'static str, String, bool) {
    (name, value, false)
}

fn factor_fields(f: &Factor) -> Vec<(&'static str, String, bool)> {
    vec![
        text_field("name", &f.name),
        text_field("why", &f.why),
        value_field("importance", f.importance.to_string()),
        value_field(
            "satisfaction",
            f.satisfaction.map(|s| s.to_string()).unwrap_or_default(),
        ),
    ]
}

fn standard_fields(s: &Standard) -> Vec<(&'static str, String, bool)> {
    let list = |items: Vec<String>| items.join(", ");
    vec![
        text_field("text", &s.text),
        value_field("kind", format!("{:?}", s.kind)),
        value_field(
            "target",
            s.target
                .as_ref()
                .map(|t| format!("{} {}", t.value, t.unit))
                .unwrap_or_default(),
        ),
        value_field(
            "monitoring",
            list(s.monitoring.iter().map(|m| format!("{m:?}")).collect()),
        ),
        text_field("owner_role", &s.owner_role),
        value_field("critical", s.critical.to_string()),
        value_field(
            "dimensions",
            list(s.dimensions.iter().map(|d| format!("{d:?}")).collect()),
        ),
        text_field("rationale", s.rationale.as_deref().unwrap_or_default()),
        value_field(
            "review",
            s.review.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ]
}

/// A set's items by (level, ID), and those keys in document order.
type Nodes<'a> = (HashMap<(Level, &'a str), Node<'a>>, Vec<(Level, &'a str)>);

fn nodes(set: &StandardsSet) -> Nodes<'_> {
    let mut map = HashMap::new();
    let mut order = Vec::new();
    let mut add = |level, id, node| {
        order.push((level, id));
        map.insert((level, id), node);
    };
    for cp in &set.contact_points {
        add(
            Level::ContactPoint,
            cp.id.as_str(),
            Node {
                level: Level::ContactPoint,
                parent: None,
                name: &cp.name,
                fields: vec![
                    text_field("name", &cp.name),
                    text_field("description", &cp.description),
                ],
                children: cp.steps.iter().map(|s| s.id.as_str()).collect(),
            },
        );
        for step in &cp.steps {
            add(
                Level::Step,
                step.id.as_str(),
                Node {
                    level: Level::Step,
                    parent: Some(&cp.id),
                    name: &step.name,
                    fields: vec![text_field("name", &step.name)],
                    children: step.factors.iter().map(|f| f.id.as_str()).collect(),
                },
            );
            for factor in &step.factors {
                add(
                    Level::Factor,
                    factor.id.as_str(),
                    Node {
                        level: Level::Factor,
                        parent: Some(&step.id),
                        name: &factor.name,
                        fields: factor_fields(factor),
                        children: factor.standards.iter().map(|s| s.id.as_str()).collect(),
                    },
                );
                for standard in &factor.standards {
                    add(
                        Level::Standard,
                        standard.id.as_str(),
                        Node {
                            level: Level::Standard,
                            parent: Some(&factor.id),
                            name: &standard.text,
                            fields: standard_fields(standard),
                            children: Vec::new(),
                        },
                    );
                }
            }
        }
    }
    (map, order)
}

fn child_level(level: Level) -> Level {
    match level {
        Level::Set => Level::ContactPoint,
        Level::ContactPoint => Level::Step,
        Level::Step => Level::Factor,
        Level::Factor | Level::Standard => Level::Standard,
    }
}

/// The inline diff of two texts: by words in English, by characters in Chinese.
#[must_use]
pub fn inline(old: &str, new: &str, lang: Language) -> Vec<Piece> {
    let diff = match lang {
        Language::En => TextDiff::configure()
            .algorithm(Algorithm::Patience)
            .diff_words(old, new),
        Language::ZhCn | Language::ZhTw => TextDiff::configure()
            .algorithm(Algorithm::Patience)
            .diff_chars(old, new),
    };
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        let text = change.value();
        match pieces.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => pieces.push(Piece {
                op,
                text: text.to_owned(),
            }),
        }
    }
    pieces
}

/// An inline diff that keeps less than a third of the text says less than
/// "old → new": it is dropped.
fn worth_inline(pieces: Vec<Piece>) -> Vec<Piece> {
    let count = |op: &str| -> usize {
        pieces
            .iter()
            .filter(|p| p.op == op)
            .map(|p| p.text.chars().count())
            .sum()
    };
    let kept = count("equal");
    if kept * 3 < kept + count("delete").max(count("insert")) {
        Vec::new()
    } else {
        pieces
    }
}

fn field_changes(
    old: &[(&'static str, String, bool)],
    new: &[(&'static str, String, bool)],
    lang: Language,
) -> Vec<FieldChange> {
    old.iter()
        .zip(new)
        .filter(|((_, a, _), (_, b, _))| a != b)
        .map(|((field, a, is_text), (_, b, _))| FieldChange {
            field,
            old: a.clone(),
            new: b.clone(),
            inline: if *is_text && !a.is_empty() && !b.is_empty() {
                worth_inline(inline(a, b, lang))
            } else {
                Vec::new()
            },
        })
        .collect()
}

fn set_fields(set: &StandardsSet) -> Vec<(&'static str, String, bool)> {
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        text_field("title", &set.title),
        text_field("organisation", &set.organisation),
        value_field("language", set.language.tag().to_owned()),
        value_field("revision", set.revision.clone()),
        text_field("owner", &set.owner),
        text_field("approved_by", &set.approved_by),
        value_field("effective", date(set.effective)),
        value_field("next_review", date(set.next_review)),
        text_field("journey", &set.journey),
    ]
}

/// The IDs among `old` and `new` (siblings under one parent in both) that
/// changed place: those outside the longest run kept in order.
fn reordered<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<&'a str> {
    let ops = capture_diff_slices(Algorithm::Myers, old, new);
    let mut out = Vec::new();
    for op in ops {
        if op.tag() == DiffTag::Insert || op.tag() == DiffTag::Replace {
            out.extend(new[op.new_range()].iter().copied());
        }
    }
    out
}

/// Every change from `old` to `new`, in the new set's order, removed items
/// after. The set's history is not compared: it is a record of approvals,
/// not content.
#[must_use]
pub fn diff(old: &StandardsSet, new: &StandardsSet) -> Vec<Change> {
    let lang = new.language;
    let mut changes = Vec::new();
    let fields = field_changes(&set_fields(old), &set_fields(new), lang);
    if !fields.is_empty() {
        changes.push(Change {
            level: Level::Set,
            id: String::new(),
            name: new.title.clone(),
            parent: None,
            what: What::Modified {
                moved_from: None,
                reordered: false,
                fields,
            },
        });
    }
    let (old_nodes, old_order) = nodes(old);
    let (new_nodes, new_order) = nodes(new);

    // Siblings kept under the same parent, to find what changed place among them.
    let mut out_of_place: HashSet<(Level, &str)> = HashSet::new();
    let mut parents: Vec<(Level, Vec<&str>, Vec<&str>)> = vec![(
        Level::ContactPoint,
        old.contact_points.iter().map(|c| c.id.as_str()).collect(),
        new.contact_points.iter().map(|c| c.id.as_str()).collect(),
    )];
    for key in &new_order {
        if let (Some(n), Some(o)) = (new_nodes.get(key), old_nodes.get(key))
            && n.level != Level::Standard
        {
            parents.push((child_level(n.level), o.children.clone(), n.children.clone()));
        }
    }
    for (level, old_children, new_children) in parents {
        // Only those under this parent in both sets compare places.
        let a: Vec<&str> = old_children
            .iter()
            .copied()
            .filter(|id| new_children.contains(id))
            .collect();
        let b: Vec<&str> = new_children
            .iter()
            .copied()
            .filter(|id| old_children.contains(id))
            .collect();
        for id in reordered(&a, &b) {
            out_of_place.insert((level, id));
        }
    }

    for key in &new_order {
        let node = &new_nodes[key];
        match old_nodes.get(key) {
            None => {
                // Reported once, at the top of what was added.
                let parent_is_new = node
                    .parent
                    .is_some_and(|p| !old_nodes.contains_key(&(parent_level(node.level), p)));
                if !parent_is_new {
                    changes.push(Change {
                        level: node.level,
                        id: key.1.to_owned(),
                        name: node.name.to_owned(),
                        parent: node.parent.map(str::to_owned),
                        what: What::Added,
                    });
                }
            }
            Some(was) => {
                let moved_from = (was.parent != node.parent)
                    .then(|| was.parent.map(str::to_owned))
                    .flatten();
                let reordered = moved_from.is_none() && out_of_place.contains(key);
                let fields = field_changes(&was.fields, &node.fields, lang);
                if moved_from.is_some() || reordered || !fields.is_empty() {
                    changes.push(Change {
                        level: node.level,
                        id: key.1.to_owned(),
                        name: node.name.to_owned(),
                        parent: node.parent.map(str::to_owned),
                        what: What::Modified {
                            moved_from,
                            reordered,
                            fields,
                        },
                    });
                }
            }
        }
    }
    for key in &old_order {
        if new_nodes.contains_key(key) {
            continue;
        }
        let node = &old_nodes[key];
        let parent_gone = node
            .parent
            .is_some_and(|p| !new_nodes.contains_key(&(parent_level(node.level), p)));
        if !parent_gone {
            changes.push(Change {
                level: node.level,
                id: key.1.to_owned(),
                name: node.name.to_owned(),
                parent: node.parent.map(str::to_owned),
                what: What::Removed,
            });
        }
    }
    changes
}

fn parent_level(level: Level) -> Level {
    match level {
        Level::Set | Level::ContactPoint => Level::Set,
        Level::Step => Level::ContactPoint,
        Level::Factor => Level::Step,
        Level::Standard => Level::Factor,
    }
}

/// The IDs of the standards added or changed in wording, kind, target or
/// critical flag from `old` to `new`: what staff must be retrained on.
#[must_use]
pub fn retrain(old: &StandardsSet, new: &StandardsSet) -> (Vec<String>, Vec<String>) {
    let was: HashMap<&str, &Standard> = old.standards().map(|(_, s)| (s.id.as_str(), s)).collect();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for (_, s) in new.standards() {
        match was.get(s.id.as_str()) {
            None => added.push(s.id.clone()),
            Some(was) => {
                if was.text != s.text
                    || was.kind != s.kind
                    || was.target != s.target
                    || was.critical != s.critical
                {
                    changed.push(s.id.clone());
                }
            }
        }
    }
    (added, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_is_by_words_in_english_and_by_characters_in_chinese() {
        let en = inline(
            "Greet within 10 seconds",
            "Greet within 5 seconds",
            Language::En,
        );
        assert_eq!(
            en.iter()
                .filter(|p| p.op != "equal")
                .map(|p| (p.op, p.text.as_str()))
                .collect::<Vec<_>>(),
            [("delete", "10"), ("insert", "5")]
        );
        let zh = inline("电话铃响三声内接听", "电话铃响两声内接听", Language::ZhCn);
        assert_eq!(
            zh.iter()
                .filter(|p| p.op != "equal")
                .map(|p| (p.op, p.text.as_str()))
                .collect::<Vec<_>>(),
            [("delete", "三"), ("insert", "两")]
        );
    }
}
