//! What changed between two revisions of a set. Items are matched by ID at
//! every level, so a renamed, reordered or moved item is that change, not a
//! removal and an addition (which matching lists by position would report).
//! Changes inside a text are shown word by word in English and character by
//! character in Chinese.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffTag, TextDiff, capture_diff_slices};

use crate::core::model::{Factor, Language, Standard, StandardsSet};

/// The level of an item, as `diff --format json` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Set,
    ContactPoint,
    Step,
    Factor,
    Standard,
}

/// One piece of an inline diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// "equal", "delete" or "insert".
    pub op: &'static str,
    pub text: String,
}

/// A field whose value changed. Texts carry their inline diff.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's name in the file: `text`, `target`, `name`…
    pub field: &'static str,
    pub old: String,
    pub new: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inline: Vec<Piece>,
}

/// What happened to an item.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum What {
    /// New in the new set (its contents with it).
    Added,
    /// Gone from the new set (its contents with it).
    Removed,
    /// In both: moved to another parent, reordered among its siblings, and/or
    /// fields changed.
    Modified {
        /// The parent it was under in the old set, when it moved.
        #[serde(skip_serializing_if = "Option::is_none")]
        moved_from: Option<String>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        reordered: bool,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        fields: Vec<FieldChange>,
    },
}

/// One item's change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub level: Level,
    /// The item's ID; empty for the set itself.
    pub id: String,
    /// Its name (a standard's text), as in the new set or, removed, the old.
    pub name: String,
    /// Its parent's ID in the set it is shown from (the new one, or the old
    /// one when removed); none for a contact point or the set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(flatten)]
    pub what: What,
}

impl Change {
    #[must_use]
    pub fn is_standard(&self) -> bool {
        self.level == Level::Standard
    }
}

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

/// Every item of a set by (level, ID), and the IDs in document order.
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
    let mut out_of_place: std::collections::HashSet<(Level, &str)> =
        std::collections::HashSet::new();
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

/// A field's name in `lang` (the file's key when unknown).
#[must_use]
pub fn field_name(field: &str, lang: Language) -> &str {
    crate::core::i18n::messages(lang)
        .diff_fields
        .get(field)
        .unwrap_or(field)
}

/// The name of a level in `lang`.
#[must_use]
pub fn level_name(level: Level, lang: Language) -> &'static str {
    let m = crate::core::i18n::messages(lang);
    match level {
        Level::Set => m.diff.the_set,
        Level::ContactPoint => m.level.contact_point,
        Level::Step => m.level.step,
        Level::Factor => m.level.factor,
        Level::Standard => m.level.standard,
    }
}

/// How a change is written: inline pieces marked the way each output marks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `[-deleted-]{+inserted+}`, as `git diff --word-diff` does.
    Text,
    /// `~~deleted~~**inserted**`.
    Markdown,
}

fn marked(pieces: &[Piece], style: Style) -> String {
    pieces
        .iter()
        .map(|p| match (p.op, style) {
            ("delete", Style::Text) => format!("[-{}-]", p.text),
            ("insert", Style::Text) => format!("{{+{}+}}", p.text),
            ("delete", Style::Markdown) => format!("~~{}~~", p.text.trim()),
            ("insert", Style::Markdown) => format!("**{}**", p.text.trim()),
            _ => p.text.clone(),
        })
        .collect()
}

/// One field's change on one line, its name in `lang`: its inline diff, or "old → new".
#[must_use]
pub fn field_line(field: &FieldChange, style: Style, lang: Language) -> String {
    let name = field_name(field.field, lang);
    let sep = if lang == Language::En { ": " } else { "：" };
    if field.inline.is_empty() {
        let shown = |v: &str| {
            if v.is_empty() {
                "—".to_owned()
            } else {
                v.to_owned()
            }
        };
        format!("{name}{sep}{} → {}", shown(&field.old), shown(&field.new))
    } else {
        format!("{name}{sep}{}", marked(&field.inline, style))
    }
}

/// A change's first line: what happened to which item.
#[must_use]
pub fn headline(change: &Change, lang: Language) -> String {
    let w = &crate::core::i18n::messages(lang).diff;
    let what = match &change.what {
        What::Added => w.added.to_owned(),
        What::Removed => w.removed.to_owned(),
        What::Modified {
            moved_from,
            reordered,
            ..
        } => match (moved_from, reordered) {
            (Some(from), _) => crate::core::i18n::fill(w.moved_from, &[("from", from)]),
            (None, true) => w.reordered.to_owned(),
            (None, false) => w.changed.to_owned(),
        },
    };
    let item = if change.level == Level::Set {
        level_name(Level::Set, lang).to_owned()
    } else {
        format!(
            "{} {} “{}”",
            level_name(change.level, lang),
            change.id,
            change.name
        )
    };
    let sep = if lang == Language::En { ": " } else { "：" };
    format!("{item}{sep}{what}")
}

/// The changes as plain text (`Style::Text`) or a Markdown list.
#[must_use]
pub fn render(changes: &[Change], lang: Language, style: Style) -> String {
    let w = &crate::core::i18n::messages(lang).diff;
    if changes.is_empty() {
        return format!("{}\n", w.no_differences);
    }
    let mut out = String::new();
    for change in changes {
        let mark = match (&change.what, style) {
            (What::Added, Style::Text) => "+",
            (What::Modified { .. }, Style::Text) => "~",
            (What::Removed, Style::Text) | (_, Style::Markdown) => "-",
        };
        let _ = writeln!(out, "{mark} {}", headline(change, lang));
        if let What::Modified { fields, .. } = &change.what {
            let bullet = if style == Style::Markdown { "- " } else { "" };
            for field in fields {
                let _ = writeln!(out, "    {bullet}{}", field_line(field, style, lang));
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        crate::core::i18n::fill(w.changes, &[("count", &changes.len().to_string())])
    );
    out
}
