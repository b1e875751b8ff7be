//! The training sign-off sheet: per role, the revision and its standards,
//! then rows for each employee's name, date and signature: the trainer's
//! proof that staff were trained on this revision.

use super::page::{ACCENT, BLACK, GREY, RULE, SHADE, Writer};
use super::role_cards::{by_role, mark};
use super::{compound, continued, labelled, tag};
use crate::core::i18n::{Labels, fill};
use crate::core::model::{Language, StandardsSet};
use crate::export::layout::items::{Paint, Weight};

/// Rows to sign on, at least; the sheet fills its last page with more.
const MIN_ROWS: usize = 12;
const ROW: f32 = 26.0;

fn table_header(w: &mut Writer<'_>, l: &Labels, xs: &[f32; 5]) {
    let top = w.y;
    let h = 18.0;
    w.rect(xs[0], top, xs[4] - xs[0], h, Paint::Fill, SHADE);
    for (i, title) in [l.no, l.name, l.date, l.signature].iter().enumerate() {
        w.text_at(xs[i] + 4.0, top + 5.0, title, 8.5, Weight::Bold, BLACK);
    }
    w.y += h;
}

pub(super) fn signoff(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    only: &[String],
    (added, changed): (&[String], &[String]),
    bookmarks: &mut Vec<(String, usize)>,
) {
    for group in by_role(set, l, only) {
        w.new_page();
        bookmarks.push((group.role.clone(), w.page_number()));
        let heading = format!("{} · {}", l.signoff, group.role);
        w.continued = None;
        w.paragraph(0.0, &heading, 15.0, Weight::Bold, ACCENT);
        w.continued = Some(continued(lang, &heading));
        let mut sub = set.title.clone();
        if !set.revision.is_empty() {
            sub = format!("{sub} · {} {}", l.revision, set.revision);
        }
        if let Some(date) = set.effective {
            sub = format!("{sub} · {} {date}", l.effective);
        }
        w.paragraph(0.0, &sub, 9.0, Weight::Regular, GREY);
        w.gap(6.0);
        let mut cp = "";
        for (n, item) in group.items.iter().enumerate() {
            if item.contact_point != cp {
                cp = &item.contact_point;
                w.ensure(30.0);
                w.gap(3.0);
                w.paragraph(0.0, cp, 9.5, Weight::Bold, BLACK);
            }
            let s = item.standard;
            let prefix = mark(&s.id, added, changed, l)
                .map(|m| tag(lang, m))
                .unwrap_or_default();
            let number = if s.critical {
                format!("★{}", n + 1)
            } else {
                format!("{}", n + 1)
            };
            let weight = if s.critical {
                Weight::Bold
            } else {
                Weight::Regular
            };
            w.bullet(
                6.0,
                &number,
                &format!("{prefix}{}", s.text),
                8.5,
                weight,
                BLACK,
            );
        }
        w.gap(10.0);
        let statement = fill(l.signoff_statement, &[("revision", &set.revision)]);
        w.ensure(60.0);
        w.paragraph(0.0, &statement, 9.5, Weight::Bold, BLACK);
        w.gap(6.0);

        let width = w.content_width();
        let left = w.left();
        let xs = [
            left,
            left + 0.07 * width,
            left + 0.47 * width,
            left + 0.67 * width,
            left + width,
        ];
        // Room for the trainer's line after the last row.
        let trainer_space = 50.0;
        // Pages the table runs onto name the role (the continued heading):
        // a loose sheet must say whose it is.
        if w.y + 18.0 + 3.0 * ROW + trainer_space > w.bottom() {
            w.break_page();
        }
        table_header(w, l, &xs);
        let mut row = 0;
        loop {
            let page_full = w.y + ROW + trainer_space > w.bottom();
            if row >= MIN_ROWS && page_full {
                break;
            }
            if page_full {
                w.break_page();
                table_header(w, l, &xs);
            }
            row += 1;
            let top = w.y;
            w.text_at(
                xs[0] + 4.0,
                top + 9.0,
                &row.to_string(),
                8.5,
                Weight::Regular,
                GREY,
            );
            for x in &xs[1..4] {
                w.line(*x, top, *x, top + ROW, 0.3, RULE);
            }
            w.line(xs[0], top + ROW, xs[4], top + ROW, 0.4, RULE);
            w.y += ROW;
        }
        w.gap(22.0);
        let half = width / 2.0;
        let y = w.y;
        w.blank(
            left,
            y,
            &labelled(lang, &compound(lang, l.trainer, l.signature)),
            half - 16.0,
            10.0,
        );
        w.blank(left + half, y, &labelled(lang, l.date), half, 10.0);
        w.y += 24.0;
    }
    w.continued = None;
    if w.pages.is_empty() {
        w.new_page();
    }
}
