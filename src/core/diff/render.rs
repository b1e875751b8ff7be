//! Wording the changes in a language: each change's headline, each field's
//! line ("old → new", or the text with its deletions and insertions marked),
//! and the whole list as text or Markdown.

use std::fmt::Write as _;

use super::{Change, FieldChange, Level, Piece, What};
use crate::core::i18n::{fill, messages};
use crate::core::model::{Dimension, Language, Monitoring, StandardKind};

/// The name of a level in `lang`.
#[must_use]
pub fn level_name(level: Level, lang: Language) -> &'static str {
    let m = messages(lang);
    match level {
        Level::Set => m.diff.the_set,
        Level::ContactPoint => m.level.contact_point,
        Level::Step => m.level.step,
        Level::Factor => m.level.factor,
        Level::Standard => m.level.standard,
    }
}

/// A field's name in `lang` (the file's key when unknown).
#[must_use]
pub fn field_name(field: &str, lang: Language) -> &str {
    messages(lang).diff_fields.get(field).unwrap_or(field)
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

/// A field's value as a reader sees it in `lang`. The change keeps the
/// file's own values (`true`, `Personal`, `MysteryShopping`), which
/// `diff --format json` prints; a person reads "yes", "个人接触", "神秘顾客".
fn value(field: &str, value: &str, lang: Language) -> String {
    /// The label of the item of `all` whose name in the file is `key`.
    fn label<T: std::fmt::Debug + Copy>(
        all: &[T],
        key: &str,
        name: impl Fn(T) -> &'static str,
    ) -> Option<&'static str> {
        all.iter()
            .find(|item| format!("{item:?}") == key)
            .map(|item| name(*item))
    }
    let list = |all: &dyn Fn(&str) -> Option<&'static str>| {
        let sep = crate::core::i18n::report_words(lang).list_separator;
        value
            .split(", ")
            .map(|key| all(key).unwrap_or(key))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let vocab = &crate::core::i18n::words(lang).vocab;
    match (field, value) {
        (_, "") => "—".to_owned(),
        ("critical", "true") => vocab.yes.to_owned(),
        ("critical", "false") => vocab.no.to_owned(),
        ("kind", _) => label(&StandardKind::ALL, value, |k| k.label(lang))
            .unwrap_or(value)
            .to_owned(),
        ("monitoring", _) => list(&|key| label(&Monitoring::ALL, key, |m| m.label(lang))),
        ("dimensions", _) => list(&|key| label(&Dimension::ALL, key, |d| d.label(lang))),
        _ => value.to_owned(),
    }
}

/// One field's change on one line, its name in `lang`: its inline diff, or "old → new".
#[must_use]
pub fn field_line(field: &FieldChange, style: Style, lang: Language) -> String {
    let name = field_name(field.field, lang);
    let sep = if lang == Language::En { ": " } else { "：" };
    if field.inline.is_empty() {
        format!(
            "{name}{sep}{} → {}",
            value(field.field, &field.old, lang),
            value(field.field, &field.new, lang)
        )
    } else {
        format!("{name}{sep}{}", marked(&field.inline, style))
    }
}

/// A change's first line: what happened to which item.
#[must_use]
pub fn headline(change: &Change, lang: Language) -> String {
    let w = &messages(lang).diff;
    let what = match &change.what {
        What::Added => w.added.to_owned(),
        What::Removed => w.removed.to_owned(),
        What::Modified {
            moved_from,
            reordered,
            ..
        } => match (moved_from, reordered) {
            (Some(from), _) => fill(w.moved_from, &[("from", from)]),
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
    let w = &messages(lang).diff;
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
        fill(w.changes, &[("count", &changes.len().to_string())])
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diff::diff;
    use crate::core::model::StandardsSet;

    /// A sample set and the same set with its first standard made critical,
    /// of another kind and checked another way.
    fn pair() -> (StandardsSet, StandardsSet) {
        let mut old = crate::core::templates::default_sample();
        let standard = &mut old.contact_points[0].steps[0].factors[0].standards[0];
        standard.critical = false;
        standard.kind = StandardKind::Product;
        standard.monitoring = vec![Monitoring::SupervisorPatrol];
        let mut new = old.clone();
        let standard = &mut new.contact_points[0].steps[0].factors[0].standards[0];
        standard.critical = true;
        standard.kind = StandardKind::Personal;
        standard.monitoring = vec![Monitoring::SupervisorPatrol, Monitoring::MysteryShopping];
        (old, new)
    }

    #[test]
    fn values_are_words_of_the_language_not_the_file_s_keys() {
        for lang in Language::ALL {
            let (old, new) = pair();
            let shown = render(&diff(&old, &new), lang, Style::Text);
            // "Personal" and "Product" are English words too.
            let keys: &[&str] = match lang {
                Language::En => &["true", "false", "MysteryShopping"],
                _ => &["true", "false", "Personal", "Product", "MysteryShopping"],
            };
            for key in keys {
                assert!(!shown.contains(key), "{lang:?} shows {key}:\n{shown}");
            }
            let w = &crate::core::i18n::words(lang).vocab;
            let critical = field_name("critical", lang);
            assert!(
                shown.contains(&format!("{critical}{}{} → {}", sep(lang), w.no, w.yes)),
                "{shown}"
            );
            assert!(
                shown.contains(StandardKind::Personal.label(lang)),
                "{shown}"
            );
            assert!(
                shown.contains(Monitoring::MysteryShopping.label(lang)),
                "{shown}"
            );
        }
        let (old, new) = pair();
        let shown = render(&diff(&old, &new), Language::ZhCn, Style::Text);
        assert!(shown.contains("关键标准：否 → 是"), "{shown}");
    }

    #[test]
    fn json_keeps_the_file_s_values() {
        let (old, new) = pair();
        let json = serde_json::to_string(&diff(&old, &new)).unwrap();
        assert!(json.contains(r#""old":"false","new":"true""#), "{json}");
    }

    #[test]
    fn every_field_a_diff_makes_has_a_name_in_every_language() {
        let old = crate::core::templates::default_sample();
        let mut new = old.clone();
        let date = jiff::civil::date(2031, 1, 2);
        new.title.push('!');
        new.organisation.push('!');
        new.language = Language::En;
        new.revision.push('!');
        new.owner.push('!');
        new.approved_by.push('!');
        new.effective = Some(date);
        new.next_review = Some(date);
        new.journey.push('!');
        let cp = &mut new.contact_points[0];
        cp.name.push('!');
        cp.description.push('!');
        let step = &mut cp.steps[0];
        step.name.push('!');
        let factor = &mut step.factors[0];
        factor.why.push('!');
        factor.importance = factor.importance % 5 + 1;
        factor.satisfaction = Some(factor.satisfaction.map_or(1, |s| s % 5 + 1));
        let standard = &mut factor.standards[0];
        standard.text.push('!');
        standard.kind = if standard.kind == StandardKind::Product {
            StandardKind::Personal
        } else {
            StandardKind::Product
        };
        standard.target = None;
        standard.monitoring.clear();
        standard.owner_role.push('!');
        standard.critical = !standard.critical;
        standard.dimensions = vec![Dimension::Courtesy, Dimension::Contact];
        standard.rationale = Some("!".to_owned());
        standard.review = Some(date);
        let changes = diff(&old, &new);
        let mut fields: Vec<&str> = changes
            .iter()
            .flat_map(|c| match &c.what {
                What::Modified { fields, .. } => fields.as_slice(),
                _ => &[],
            })
            .map(|f| f.field)
            .collect();
        fields.sort_unstable();
        fields.dedup();
        assert_eq!(fields.len(), 23, "{fields:?}");
        for field in fields {
            for lang in Language::ALL {
                assert!(messages(lang).diff_fields.get(field).is_some(), "{field}");
            }
        }
    }

    fn sep(lang: Language) -> &'static str {
        if lang == Language::En { ": " } else { "：" }
    }
}
