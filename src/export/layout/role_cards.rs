//! Pocket cards per role: each employee gets the standards of their own role
//! (waiter, cashier, technician) in journey order on a card they can carry.
//! Four cards to a sheet (A6 on A4; a quarter sheet on Letter, since A6 is
//! taller than half a Letter page), with dashed cut lines. A card that
//! overflows continues on another card of the same role; text never shrinks.

use super::page::{ACCENT, BLACK, GREY, PRINTABLE, RULE, STAMP, Writer};
use super::{continued, tag};
use crate::core::i18n::Labels;
use crate::core::model::{Language, Standard, StandardsSet};
use crate::export::layout::items::{Paint, Weight};

/// Inner margin of a card: as wide as the sheet's printable margin, so the
/// cards at the sheet's edge print whole (and all four cut alike).
const PAD: f32 = PRINTABLE;
/// The smallest text on a card: a standard's words.
const BODY: f32 = 8.0;

/// One role's standards, in journey order, with where each one sits.
pub(super) struct RoleStandards<'a> {
    pub role: String,
    pub items: Vec<Item<'a>>,
}

pub(super) struct Item<'a> {
    /// "1. 电话预订", "1.1 接听来电".
    pub contact_point: String,
    pub step: String,
    pub standard: &'a Standard,
}

/// Every role with its standards, roles in order of first appearance;
/// standards with no role come last under "(no role)". `only` keeps the
/// named roles, in the order given.
pub(super) fn by_role<'a>(
    set: &'a StandardsSet,
    l: &Labels,
    only: &[String],
) -> Vec<RoleStandards<'a>> {
    let mut out: Vec<RoleStandards<'a>> = Vec::new();
    for (c, cp) in set.contact_points.iter().enumerate() {
        for (s, step) in cp.steps.iter().enumerate() {
            for standard in step.factors.iter().flat_map(|f| &f.standards) {
                let role = standard.owner_role.trim();
                let role = if role.is_empty() { l.unassigned } else { role };
                let item = Item {
                    contact_point: format!("{}. {}", c + 1, cp.name),
                    step: format!("{}.{} {}", c + 1, s + 1, step.name),
                    standard,
                };
                match out.iter_mut().find(|r| r.role == role) {
                    Some(group) => group.items.push(item),
                    None => out.push(RoleStandards {
                        role: role.to_owned(),
                        items: vec![item],
                    }),
                }
            }
        }
    }
    // "(no role)" last.
    out.sort_by_key(|r| r.role == l.unassigned);
    if only.is_empty() {
        return out;
    }
    only.iter()
        .filter_map(|name| {
            let at = out.iter().position(|r| r.role == name.trim())?;
            Some(out.remove(at))
        })
        .collect()
}

/// What a standard's line says about the revision: new, changed, or nothing.
pub(super) fn mark(
    id: &str,
    added: &[String],
    changed: &[String],
    l: &Labels,
) -> Option<&'static str> {
    if added.iter().any(|a| a == id) {
        Some(l.new_mark)
    } else if changed.iter().any(|c| c == id) {
        Some(l.changed_mark)
    } else {
        None
    }
}

/// A line on a card: what it is drawn as.
#[derive(Clone)]
enum Line {
    ContactPoint(String),
    Step(String),
    /// The first line of a standard carries its bullet and mark.
    Standard {
        bullet: &'static str,
        mark: Option<&'static str>,
        text: String,
        first: bool,
        bold: bool,
    },
}

impl Line {
    fn height(&self) -> f32 {
        match self {
            Self::ContactPoint(_) => 9.5 * 1.45 + 4.0,
            Self::Step(_) => 8.5 * 1.45 + 1.0,
            Self::Standard { .. } => BODY * 1.45,
        }
    }
}

/// Where card `k` lies on its sheet: its left and top, in points.
fn card_origin(w: &Writer<'_>, k: usize) -> (f32, f32) {
    let (cw, ch) = (w.width / 2.0, w.height / 2.0);
    let q = k % 4;
    (
        if q.is_multiple_of(2) { 0.0 } else { cw },
        if q < 2 { 0.0 } else { ch },
    )
}

/// Dashed cut lines along the middle of the sheet, both ways, inside the
/// printable margin: the cutter carries them to the edge.
fn cut_lines(w: &mut Writer<'_>) {
    let (width, height) = (w.width, w.height);
    let dash = 6.0;
    let mut x = PRINTABLE;
    while x < width - PRINTABLE {
        w.line(
            x,
            height / 2.0,
            (x + dash).min(width - PRINTABLE),
            height / 2.0,
            0.4,
            RULE,
        );
        x += 2.0 * dash;
    }
    let mut y = PRINTABLE;
    while y < height - PRINTABLE {
        w.line(
            width / 2.0,
            y,
            width / 2.0,
            (y + dash).min(height - PRINTABLE),
            0.4,
            RULE,
        );
        y += 2.0 * dash;
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the set, its role groups and how to mark them"
)]
pub(super) fn role_cards(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    only: &[String],
    since: (&[String], &[String]),
    draft: Option<&str>,
    bookmarks: &mut Vec<(String, usize)>,
) {
    let mut k = 0;
    for group in by_role(set, l, only) {
        let cards = lay_out(w, &group, l, lang, since);
        let count = cards.len();
        for (n, lines) in cards.into_iter().enumerate() {
            if k % 4 == 0 {
                w.new_page();
                cut_lines(w);
            }
            if n == 0 {
                bookmarks.push((group.role.clone(), w.page_number()));
            }
            let origin = card_origin(w, k);
            draw_card(
                w,
                origin,
                set,
                l,
                lang,
                &group.role,
                (n, count),
                &lines,
                draft,
            );
            k += 1;
        }
    }
    if k == 0 {
        w.new_page();
    }
}

/// The card's usable width and the height left for lines under its heading.
fn card_box(w: &Writer<'_>) -> (f32, f32) {
    let inner_w = w.width / 2.0 - 2.0 * PAD;
    let inner_h = w.height / 2.0 - 2.0 * PAD;
    // Heading (role, set line) above and the legend below.
    (inner_w, inner_h - 44.0 - 16.0)
}

/// Breaks a role's standards into cards: a heading is never the last line
/// of a card, and a card that goes on repeats the contact point it is in.
fn lay_out(
    w: &Writer<'_>,
    group: &RoleStandards<'_>,
    l: &Labels,
    lang: Language,
    (added, changed): (&[String], &[String]),
) -> Vec<Vec<Line>> {
    let (width, height) = card_box(w);
    let mut lines: Vec<Line> = Vec::new();
    let (mut cp, mut step) = (String::new(), String::new());
    for item in &group.items {
        if item.contact_point != cp {
            cp.clone_from(&item.contact_point);
            step.clear();
            lines.push(Line::ContactPoint(cp.clone()));
        }
        if item.step != step {
            step.clone_from(&item.step);
            lines.push(Line::Step(step.clone()));
        }
        let s = item.standard;
        let bullet = if s.critical { "★" } else { "•" };
        let mark = mark(&s.id, added, changed, l);
        let prefix = mark.map(|m| tag(lang, m)).unwrap_or_default();
        let weight = if s.critical {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let text = format!("{prefix}{}", s.text);
        for (i, part) in w
            .wrap(&text, BODY, weight, width - 12.0)
            .into_iter()
            .enumerate()
        {
            lines.push(Line::Standard {
                bullet,
                mark,
                text: part,
                first: i == 0,
                bold: s.critical,
            });
        }
    }
    let mut cards: Vec<Vec<Line>> = vec![Vec::new()];
    let mut used = 0.0;
    let mut current_cp = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if let Line::ContactPoint(name) = line {
            current_cp.clone_from(name);
        }
        // A standard's lines stay on one card, and a heading needs the
        // standard after it on the same card.
        let mut need = 0.0;
        let mut in_standard = false;
        for next in &lines[i..] {
            let goes_on = matches!(next, Line::Standard { first: false, .. });
            if in_standard && !goes_on {
                break;
            }
            in_standard |= matches!(next, Line::Standard { .. });
            need += next.height();
        }
        let card_is_empty = cards.last().is_none_or(Vec::is_empty);
        if used + need > height && !card_is_empty {
            cards.push(Vec::new());
            used = 0.0;
            if !matches!(line, Line::ContactPoint(_)) {
                let heading = Line::ContactPoint(continued(lang, &current_cp));
                used += heading.height();
                cards.last_mut().expect("a card").push(heading);
            }
        }
        used += line.height();
        let line = line.clone();
        cards.last_mut().expect("a card").push(line);
        i += 1;
    }
    cards
}

#[expect(clippy::too_many_arguments, reason = "a card and what it shows")]
fn draw_card(
    w: &mut Writer<'_>,
    (x0, y0): (f32, f32),
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    role: &str,
    (n, count): (usize, usize),
    lines: &[Line],
    draft: Option<&str>,
) {
    let (width, _) = card_box(w);
    let x = x0 + PAD;
    let mut y = y0 + PAD;
    let title = if n == 0 {
        role.to_owned()
    } else {
        continued(lang, role)
    };
    // The draft stamp sits at the right of the title's row, not above it:
    // above is outside what a printer prints at the sheet's edge.
    let stamp_width = draft.map_or(0.0, |stamp| w.text_width(stamp, 7.5, Weight::Bold) + 8.0);
    if let Some(stamp) = draft {
        let sx = x + width - stamp_width;
        w.rect(sx, y + 1.0, stamp_width, 11.0, Paint::Stroke, STAMP);
        w.text_at(sx + 4.0, y + 2.8, stamp, 7.5, Weight::Bold, STAMP);
    }
    let title_room = if draft.is_some() {
        width - stamp_width - 6.0
    } else {
        width
    };
    let title = w.wrap(&title, 13.0, Weight::Bold, title_room).remove(0);
    w.text_at(x, y, &title, 13.0, Weight::Bold, ACCENT);
    y += 19.0;
    let mut sub = format!("{} · {}", l.role_cards, set.title);
    if !set.revision.is_empty() {
        sub = format!("{sub} · {} {}", l.revision, set.revision);
    }
    let sub = w.wrap(&sub, 7.0, Weight::Regular, width).remove(0);
    w.text_at(x, y, &sub, 7.0, Weight::Regular, GREY);
    y += 12.0;
    w.line(x, y, x + width, y, 0.6, ACCENT);
    y += 8.0;
    for line in lines {
        match line {
            Line::ContactPoint(name) => {
                y += 3.0;
                w.text_at(x, y, name, 9.5, Weight::Bold, ACCENT);
            }
            Line::Step(name) => w.text_at(x + 2.0, y, name, 8.5, Weight::Bold, BLACK),
            Line::Standard {
                bullet,
                mark,
                text,
                first,
                bold,
            } => {
                let weight = if *bold { Weight::Bold } else { Weight::Regular };
                if *first {
                    let color = if *bold { STAMP } else { BLACK };
                    w.text_at(x + 3.0, y, bullet, BODY, weight, color);
                }
                let color = if mark.is_some() && *first {
                    ACCENT
                } else {
                    BLACK
                };
                w.text_at(x + 12.0, y, text, BODY, weight, color);
            }
        }
        y += line.height()
            - if matches!(line, Line::ContactPoint(_)) {
                3.0
            } else {
                0.0
            };
    }
    // The legend and the card's number at the foot.
    let foot = y0 + w.height / 2.0 - PAD - 8.0;
    let legend = format!("★ {}", l.critical_short);
    w.text_at(x, foot, &legend, 6.5, Weight::Regular, GREY);
    if count > 1 {
        let number = format!("{}/{count}", n + 1);
        let nw = w.text_width(&number, 7.0, Weight::Regular);
        w.text_at(x + width - nw, foot, &number, 7.0, Weight::Regular, GREY);
    }
}
