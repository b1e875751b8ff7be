//! The manual layout: cover, contents, every contact point, appendices by kind and role.

use super::cards::contact_point_body;
use super::page::{ACCENT, BLACK, GREY, Paper, RULE, Writer};
use super::{continued, labelled};
use crate::core::i18n::Labels;
use crate::core::i18n::aside;
use crate::core::model::{Language, Standard, StandardKind, StandardsSet};
use crate::export::layout::items::Weight;

/// One line per standard: ID, text and the contact point it belongs to.
fn standard_lines(
    w: &mut Writer<'_>,
    standards: &[(crate::core::model::StandardRef<'_>, &Standard)],
    lang: Language,
) {
    for (at, s) in standards {
        let line = format!("{}{}", s.text, aside(lang, &at.contact_point.name));
        w.bullet(10.0, &s.id, &line, 9.0, Weight::Regular, BLACK);
    }
}

/// Starts a section: its heading, and the same with "(continued)" on the pages it runs onto.
fn section(w: &mut Writer<'_>, heading: &str, lang: Language) {
    w.continued = None;
    w.paragraph(0.0, heading, 16.0, Weight::Bold, ACCENT);
    w.continued = Some(continued(lang, heading));
}

/// The old revision a manual is compared with, and the standards added and
/// changed since (see `core::diff::retrain`).
pub(super) type Since<'a> = (&'a StandardsSet, (&'a [String], &'a [String]));

/// "Changes since revision X": what staff must be retrained on, first the
/// standards added and changed, then every other change to the tree.
fn changes_since(w: &mut Writer<'_>, set: &StandardsSet, old: &StandardsSet, lang: Language) {
    use crate::core::diff::{self, Level, What};
    let changes = diff::diff(old, set);
    let words = &crate::core::i18n::messages(lang).diff;
    if changes.is_empty() {
        w.paragraph(0.0, words.no_differences, 10.0, Weight::Regular, GREY);
        return;
    }
    let standards_first = changes
        .iter()
        .filter(|c| c.is_standard())
        .chain(changes.iter().filter(|c| !c.is_standard()));
    for change in standards_first {
        w.ensure(30.0);
        let weight = if change.is_standard() {
            Weight::Bold
        } else {
            Weight::Regular
        };
        w.bullet(0.0, "•", &diff::headline(change, lang), 9.0, weight, BLACK);
        if let What::Modified { fields, .. } = &change.what {
            for field in fields {
                if change.level == Level::Standard && field.field == "text" {
                    let l = crate::core::i18n::labels(lang);
                    let was = format!("{}{}", labelled(lang, l.was), field.old);
                    w.paragraph(14.0, &was, 8.5, Weight::Regular, GREY);
                } else {
                    w.paragraph(
                        14.0,
                        &diff::field_line(field, diff::Style::Text, lang),
                        8.5,
                        Weight::Regular,
                        GREY,
                    );
                }
            }
        }
    }
}

/// The room a contact point needs at the foot of a page to start there
/// rather than on the next: its heading, a line of description, its first
/// step and a standard or two.
const CONTACT_POINT_ROOM: f32 = 170.0;

/// The cover's rows of label and value. A draft's cover says draft beside
/// its revision, and names the last approval only as such: the approver and
/// date of 1.0 beside "draft 1.1" would read as the draft's own.
fn cover_rows(
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    draft: bool,
) -> Vec<(&'static str, String)> {
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let revision = if draft && !set.revision.is_empty() {
        format!("{}{}", set.revision, aside(lang, l.draft))
    } else {
        set.revision.clone()
    };
    let mut rows = vec![
        (l.organisation, set.organisation.clone()),
        (l.revision, revision),
        (l.owner, set.owner.clone()),
    ];
    if !draft {
        rows.push((l.approved_by, set.approved_by.clone()));
        rows.push((l.effective, date(set.effective)));
    } else if let Some(last) = set.history.last() {
        let value = crate::core::i18n::fill(
            l.last_approved_value,
            &[
                ("revision", &last.revision),
                ("by", &last.approved_by),
                ("date", &last.date.to_string()),
            ],
        );
        rows.push((l.last_approved, value));
    }
    rows.push((l.next_review, date(set.next_review)));
    rows
}

pub(super) fn manual(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    (l, lang): (&Labels, Language),
    draft: bool,
    since: Option<Since<'_>>,
    bookmarks: &mut Vec<(String, usize)>,
) {
    // Cover.
    w.new_page();
    let right = w.right();
    let top = w.top();
    w.draw_logo(right, top, 160.0, 60.0);
    w.y = w.height * 0.28;
    w.paragraph(0.0, l.manual, 13.0, Weight::Regular, ACCENT);
    w.gap(6.0);
    w.paragraph(0.0, &set.title, 26.0, Weight::Bold, BLACK);
    w.gap(10.0);
    w.line(w.left(), w.y, w.left() + 120.0, w.y, 2.0, ACCENT);
    w.gap(20.0);
    for (label, value) in cover_rows(set, l, lang, draft) {
        if value.is_empty() {
            continue;
        }
        let y = w.y;
        w.text_at(w.left(), y, label, 10.5, Weight::Regular, GREY);
        w.text_at(w.left() + 110.0, y, &value, 10.5, Weight::Regular, BLACK);
        w.y += 20.0;
    }

    // Contents: reserve its pages now, fill them in once page numbers are known.
    let mut entries: Vec<(String, usize)> = Vec::new();
    let entry_count = set.contact_points.len() + 3 + usize::from(since.is_some());
    // Whole lines of 20 pt that fit on a page: a small positive number.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small positive count"
    )]
    let per_page = ((w.bottom() - w.top() - 40.0) / 20.0).floor().max(1.0) as usize;
    let toc_pages = entry_count.div_ceil(per_page);
    let toc_first = w.page_number() + 1;
    for _ in 0..toc_pages {
        w.new_page();
    }

    // The journey at a glance.
    w.new_page();
    entries.push((l.journey_at_a_glance.to_owned(), w.page_number()));
    section(w, l.journey_at_a_glance, lang);
    w.gap(4.0);
    if !set.journey.is_empty() {
        w.paragraph(0.0, &set.journey, 10.0, Weight::Regular, BLACK);
        w.gap(8.0);
    }
    for (c, cp) in set.contact_points.iter().enumerate() {
        let standards: usize = cp
            .steps
            .iter()
            .flat_map(|s| &s.factors)
            .map(|f| f.standards.len())
            .sum();
        let steps: Vec<_> = cp.steps.iter().map(|s| s.name.as_str()).collect();
        let sep = crate::core::i18n::report_words(lang).list_separator;
        w.ensure(40.0);
        w.paragraph(
            0.0,
            &format!(
                "{}. {}{}",
                c + 1,
                cp.name,
                aside(lang, &format!("{standards} {}", l.standards_count))
            ),
            11.0,
            Weight::Bold,
            BLACK,
        );
        w.paragraph(14.0, &steps.join(sep), 9.0, Weight::Regular, GREY);
        w.gap(4.0);
    }

    // What changed since the revision staff were last trained on.
    if let Some((old, _)) = since {
        w.new_page();
        let heading = crate::core::i18n::fill(
            crate::core::i18n::messages(lang).diff.changes_since,
            &[("revision", &old.revision)],
        );
        entries.push((heading.clone(), w.page_number()));
        bookmarks.push((heading.clone(), w.page_number()));
        section(w, &heading, lang);
        changes_since(w, set, old, lang);
    }

    // Every contact point in full: the first on a page of its own, the
    // others straight after the one before while its heading, description
    // and first standards fit, so no page is left half empty without need.
    for (c, cp) in set.contact_points.iter().enumerate() {
        if c == 0 {
            w.new_page();
        } else {
            // The page that breaks here continues no section: no "(continued)".
            w.continued = None;
            if !w.ensure(CONTACT_POINT_ROOM) {
                w.gap(22.0);
            }
        }
        let name = format!("{}. {}", c + 1, cp.name);
        entries.push((name.clone(), w.page_number()));
        bookmarks.push((name.clone(), w.page_number()));
        section(w, &format!("{} {name}", l.contact_point), lang);
        if !cp.description.is_empty() {
            w.paragraph(0.0, &cp.description, 9.5, Weight::Regular, GREY);
        }
        w.gap(4.0);
        contact_point_body(w, cp, l, lang, true);
    }

    // Appendix A: by kind.
    w.new_page();
    entries.push((l.appendix_by_kind.to_owned(), w.page_number()));
    bookmarks.push((l.appendix_by_kind.to_owned(), w.page_number()));
    section(w, l.appendix_by_kind, lang);
    for kind in StandardKind::ALL {
        let of_kind: Vec<_> = set.standards().filter(|(_, s)| s.kind == kind).collect();
        w.ensure(50.0);
        w.gap(6.0);
        w.paragraph(
            0.0,
            &format!(
                "{} · {} {}",
                kind.label(lang),
                of_kind.len(),
                l.standards_count
            ),
            12.0,
            Weight::Bold,
            BLACK,
        );
        w.paragraph(0.0, kind.meaning(lang), 8.5, Weight::Regular, GREY);
        standard_lines(w, &of_kind, lang);
    }

    // Appendix B: by owner role, roles in order of first appearance.
    w.new_page();
    entries.push((l.appendix_by_role.to_owned(), w.page_number()));
    bookmarks.push((l.appendix_by_role.to_owned(), w.page_number()));
    section(w, l.appendix_by_role, lang);
    let mut roles: Vec<&str> = Vec::new();
    for (_, s) in set.standards() {
        if !roles.contains(&s.owner_role.as_str()) {
            roles.push(&s.owner_role);
        }
    }
    for role in roles {
        let of_role: Vec<_> = set
            .standards()
            .filter(|(_, s)| s.owner_role == role)
            .collect();
        w.ensure(40.0);
        w.gap(6.0);
        let name = if role.is_empty() { l.unassigned } else { role };
        w.paragraph(
            0.0,
            &format!("{name} · {} {}", of_role.len(), l.standards_count),
            12.0,
            Weight::Bold,
            BLACK,
        );
        standard_lines(w, &of_role, lang);
    }

    w.continued = None;

    // Now the contents, on the reserved pages.
    let mut toc = Writer::new(w.faces, Paper::A4, String::new());
    toc.width = w.width;
    toc.height = w.height;
    toc.new_page();
    toc.paragraph(0.0, l.contents, 18.0, Weight::Bold, ACCENT);
    toc.gap(10.0);
    for (name, page) in &entries {
        toc.ensure(20.0);
        let y = toc.y;
        let number = page.to_string();
        let nw = toc.text_width(&number, 10.5, Weight::Regular);
        let name_w = toc.text_width(name, 10.5, Weight::Regular);
        toc.text_at(toc.left(), y, name, 10.5, Weight::Regular, BLACK);
        toc.text_at(toc.right() - nw, y, &number, 10.5, Weight::Regular, BLACK);
        let dots_from = toc.left() + name_w + 6.0;
        let dots_to = toc.right() - nw - 6.0;
        if dots_to > dots_from {
            toc.line(dots_from, y + 9.0, dots_to, y + 9.0, 0.4, RULE);
        }
        toc.y += 20.0;
    }
    let toc_ops = std::mem::take(&mut toc.pages);
    for (i, ops) in toc_ops.into_iter().enumerate().take(toc_pages) {
        w.pages[toc_first - 1 + i] = ops;
    }
}
