//! The checklist layout: one form for one visit. The header block once, the
//! standards grouped by contact point and step in one table whose header row
//! repeats on every page, a Notes column wide enough to write in, a score line
//! per contact point, the overall total and one signature block.

use super::page::{ACCENT, BLACK, GREY, RULE, SHADE, Writer};
use super::{compound, continued, labelled, monitoring_text};
use crate::core::i18n::Labels;
use crate::core::inspection::form as names;
use crate::core::model::{Language, Standard, StandardsSet};
use crate::export::layout::items::{Field, FieldKind, Paint, Weight};

/// Column layout, as fractions of the content width: No., Standard, How
/// checked, Pass, Fail, N/A, Notes. Notes takes a third of the table in
/// Chinese; English words ("Mystery shopping, Operational data") need a
/// wider How checked column, or it wraps one word to a line.
fn columns(lang: Language) -> [f32; 7] {
    match lang {
        Language::En => [0.06, 0.28, 0.20, 0.06, 0.06, 0.06, 0.28],
        Language::ZhCn | Language::ZhTw => [0.06, 0.30, 0.125, 0.06, 0.06, 0.06, 0.335],
    }
}
const TABLE_SIZE: f32 = 8.5;
const PAD: f32 = 4.0;
/// A tick box: 12 pt is 4.2 mm, big enough to tick with a pen.
const BOX: f32 = 12.0;
const LEADING: f32 = TABLE_SIZE * 1.4;
/// The height of a contact point's score line.
const SCORE_LINE: f32 = 26.0;
/// The height the total box and the signatures need.
const TOTAL_BLOCK: f32 = 140.0;

fn column_x(w: &Writer<'_>, lang: Language) -> [f32; 8] {
    let columns = columns(lang);
    let mut xs = [w.left(); 8];
    for i in 0..7 {
        xs[i + 1] = xs[i] + columns[i] * w.content_width();
    }
    xs
}

/// The tick-box columns are narrow: their titles (不合格) get less padding.
fn pad(column: usize) -> f32 {
    if (3..6).contains(&column) { 2.0 } else { PAD }
}

fn table_header(w: &mut Writer<'_>, l: &Labels, lang: Language) {
    let xs = column_x(w, lang);
    let titles = [
        l.no,
        l.standard,
        l.how_checked,
        l.pass,
        l.fail,
        l.na,
        l.notes,
    ];
    let lines: Vec<Vec<String>> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            w.wrap(
                t,
                TABLE_SIZE,
                Weight::Bold,
                xs[i + 1] - xs[i] - 2.0 * pad(i),
            )
        })
        .collect();
    let rows = lines.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let h = rows * TABLE_SIZE * 1.35 + 2.0 * PAD;
    let top = w.y;
    w.rect(xs[0], top, xs[7] - xs[0], h, Paint::Fill, SHADE);
    for (i, col) in lines.iter().enumerate() {
        for (j, line) in col.iter().enumerate() {
            w.text_at(
                xs[i] + pad(i),
                top + PAD + j as f32 * TABLE_SIZE * 1.35,
                line,
                TABLE_SIZE,
                Weight::Bold,
                BLACK,
            );
        }
    }
    w.line(xs[0], top + h, xs[7], top + h, 0.8, BLACK);
    w.y += h;
}

/// Puts a form field on the page under way (a fillable checklist).
fn field(w: &mut Writer<'_>, field: Field) {
    if let Some(page) = w.pages.last_mut() {
        page.fields.push(field);
    }
}

/// The header block, once: what is inspected, where, when and by whom; on a
/// fillable form each blank is a text field over its line.
fn visit_header(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    fillable: bool,
) {
    // The logo at the top right; the title keeps clear of it.
    let logo_w = w.draw_logo(w.right(), w.y, 120.0, 40.0);
    let width = w.content_width() - if logo_w > 0.0 { logo_w + 12.0 } else { 0.0 };
    let h = w.paragraph_at(
        w.left(),
        w.y,
        width,
        l.checklist,
        16.0,
        Weight::Bold,
        ACCENT,
    );
    w.y += h;
    let mut sub = set.title.clone();
    if !set.revision.is_empty() {
        sub = format!("{sub} · {} {}", l.revision, set.revision);
    }
    if !set.organisation.is_empty() {
        sub = format!("{sub} · {}", set.organisation);
    }
    let h = w.paragraph_at(w.left(), w.y, width, &sub, 9.5, Weight::Regular, GREY);
    w.y += h + 10.0;
    let width = w.content_width();
    // Site and inspector on one line, date and time on the next.
    let half = width / 2.0;
    let named = [
        [(l.site, names::SITE), (l.inspector, names::INSPECTOR)],
        [(l.date, names::DATE), (l.time, names::TIME)],
    ];
    for pair in named {
        let y = w.y;
        for (i, (label, name)) in pair.into_iter().enumerate() {
            let (x, width) = if i == 0 {
                (w.left(), half - 16.0)
            } else {
                (w.left() + half, half)
            };
            let label = labelled(lang, label);
            w.blank(x, y, &label, width, 10.0);
            if fillable {
                // Over the line `blank` draws after the label.
                let start = x + w.text_width(&label, 10.0, Weight::Regular) + 6.0;
                field(
                    w,
                    Field {
                        name: name.to_owned(),
                        tooltip: label.trim_end_matches([':', '：']).to_owned(),
                        kind: FieldKind::Text,
                        x: start,
                        top: y - 3.0,
                        width: x + width - start,
                        height: 14.5,
                    },
                );
            }
        }
        w.y += 24.0;
    }
    w.text_at(w.left(), w.y, l.critical_note, 8.0, Weight::Regular, GREY);
    w.y += 16.0;
}

/// A band across the table naming a contact point (or a step, `level` 1).
fn band(w: &mut Writer<'_>, text: &str, level: u8, lang: Language) {
    let xs = column_x(w, lang);
    let (size, weight, color, fill) = if level == 0 {
        (10.0, Weight::Bold, ACCENT, true)
    } else {
        (TABLE_SIZE + 0.5, Weight::Bold, BLACK, false)
    };
    let lines = w.wrap(text, size, weight, xs[7] - xs[0] - 2.0 * PAD);
    let h = lines.len() as f32 * size * 1.4 + 2.0 * PAD - if fill { 0.0 } else { 2.0 };
    let top = w.y;
    if fill {
        w.rect(xs[0], top, xs[7] - xs[0], h, Paint::Fill, SHADE);
    }
    for (j, line) in lines.iter().enumerate() {
        w.text_at(
            xs[0] + PAD,
            top + PAD + j as f32 * size * 1.4,
            line,
            size,
            weight,
            color,
        );
    }
    w.line(xs[0], top + h, xs[7], top + h, 0.4, RULE);
    w.y += h;
}

/// Makes room for `h` below the cursor; on a new page, the table's header
/// row comes first, then the contact point's heading (continued) when the
/// page goes on with one.
fn room(w: &mut Writer<'_>, h: f32, l: &Labels, going_on: Option<&str>, lang: Language) {
    if w.y + h > w.bottom() {
        w.new_page();
        table_header(w, l, lang);
        if let Some(heading) = going_on {
            band(w, &continued(lang, heading), 0, lang);
        }
    }
}

/// "passed ____ / applicable ____" on one line, at `x`; returns its width.
fn score_blanks(w: &mut Writer<'_>, x: f32, top: f32, l: &Labels, size: f32) -> f32 {
    let passed = format!("{} ", l.passed);
    let pw = w.text_width(&passed, size, Weight::Regular);
    w.text_at(x, top, &passed, size, Weight::Regular, BLACK);
    let x1 = x + pw;
    w.line(
        x1,
        top + size + 2.0,
        x1 + 40.0,
        top + size + 2.0,
        0.8,
        BLACK,
    );
    let of = format!(" / {} ", l.applicable);
    w.text_at(x1 + 40.0, top, &of, size, Weight::Regular, BLACK);
    let x2 = x1 + 40.0 + w.text_width(&of, size, Weight::Regular);
    w.line(
        x2,
        top + size + 2.0,
        x2 + 40.0,
        top + size + 2.0,
        0.8,
        BLACK,
    );
    x2 + 40.0 - x
}

/// The score line under a contact point's standards.
fn contact_point_score(w: &mut Writer<'_>, l: &Labels, heading: &str, lang: Language) {
    let xs = column_x(w, lang);
    let h = 26.0;
    let top = w.y;
    let label = labelled(lang, heading);
    let size = 9.0;
    let lw = w.text_width(&label, size, Weight::Bold);
    w.text_at(xs[0] + PAD, top + 8.0, &label, size, Weight::Bold, BLACK);
    score_blanks(w, xs[0] + PAD + lw + 8.0, top + 8.0, l, size);
    w.line(xs[0], top + h, xs[7], top + h, 0.8, BLACK);
    w.y += h;
}

/// The usual height of a band, to keep one with the row it heads.
const BAND: f32 = 22.0;

/// One standard's row, wrapped into its cells.
struct Row {
    /// The standard's ID: the name of its fields on a fillable form.
    id: String,
    cells: [Vec<String>; 3],
    /// The columns' edges, which depend on the language.
    xs: [f32; 8],
    weight: Weight,
    height: f32,
}

impl Row {
    fn new(w: &Writer<'_>, standard: &Standard, number: usize, lang: Language) -> Self {
        let xs = column_x(w, lang);
        let weight = if standard.critical {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let no = if standard.critical {
            format!("★{number}")
        } else {
            number.to_string()
        };
        // In English each way of checking gets its own line: the column
        // is narrow, and "Mystery / shopping" broken across lines misreads.
        let ways = if lang == Language::En {
            standard
                .monitoring
                .iter()
                .map(|m| m.label(lang))
                .collect::<Vec<_>>()
                .join(",\n")
        } else {
            monitoring_text(standard, lang)
        };
        let how = format!("{}\n{ways}", standard.kind.label(lang));
        let cells = [
            w.wrap(&no, TABLE_SIZE, weight, xs[1] - xs[0] - 2.0 * PAD),
            w.wrap(
                &standard.text,
                TABLE_SIZE,
                weight,
                xs[2] - xs[1] - 2.0 * PAD,
            ),
            w.wrap(
                how.trim_end(),
                TABLE_SIZE - 1.0,
                Weight::Regular,
                xs[3] - xs[2] - 2.0 * PAD,
            ),
        ];
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32;
        let height = (lines * LEADING + 2.0 * PAD).max(BOX + 2.0 * PAD + 6.0);
        Self {
            id: standard.id.clone(),
            cells,
            xs,
            weight,
            height,
        }
    }

    fn draw(&self, w: &mut Writer<'_>, fillable: Option<&Labels>) {
        let xs = self.xs;
        let top = w.y;
        for (i, cell) in self.cells.iter().enumerate() {
            let (size, weight, color) = match i {
                2 => (TABLE_SIZE - 1.0, Weight::Regular, GREY),
                _ => (TABLE_SIZE, self.weight, BLACK),
            };
            for (j, line) in cell.iter().enumerate() {
                w.text_at(
                    xs[i] + PAD,
                    top + PAD + j as f32 * LEADING,
                    line,
                    size,
                    weight,
                    color,
                );
            }
        }
        for col in 3..6 {
            let bx = f32::midpoint(xs[col], xs[col + 1]) - BOX / 2.0;
            w.tick_box(bx, top + PAD, BOX);
        }
        if let Some(l) = fillable {
            self.fields(w, l, top);
        }
        // The tick boxes' columns and the table's right edge, so the
        // Notes column is closed.
        for x in &xs[3..8] {
            w.line(*x, top, *x, top + self.height, 0.3, RULE);
        }
        w.line(
            xs[0],
            top + self.height,
            xs[7],
            top + self.height,
            0.4,
            RULE,
        );
        w.y += self.height;
    }

    /// The row's form fields: a radio button on each tick box (one group,
    /// named by the standard's ID) and a note over the Notes cell.
    fn fields(&self, w: &mut Writer<'_>, l: &Labels, top: f32) {
        let xs = self.xs;
        let choices = [
            (names::PASS, l.pass),
            (names::FAIL, l.fail),
            (names::NOT_APPLICABLE, l.na),
        ];
        for (col, (choice, label)) in (3..6).zip(choices) {
            let bx = f32::midpoint(xs[col], xs[col + 1]) - BOX / 2.0;
            field(
                w,
                Field {
                    name: names::verdict_field(&self.id),
                    tooltip: format!("{} · {label}", self.id),
                    kind: FieldKind::Choice(choice),
                    x: bx,
                    top: top + PAD,
                    width: BOX,
                    height: BOX,
                },
            );
        }
        field(
            w,
            Field {
                name: names::note_field(&self.id),
                tooltip: format!("{} · {}", self.id, l.notes),
                kind: FieldKind::Note,
                x: xs[6] + 1.5,
                top: top + 1.5,
                width: xs[7] - xs[6] - 3.0,
                height: self.height - 3.0,
            },
        );
    }
}

pub(super) fn checklist(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    fillable: bool,
    bookmarks: &mut Vec<(String, usize)>,
) {
    w.new_page();
    visit_header(w, set, l, lang, fillable);
    table_header(w, l, lang);
    let mut number = 0;
    let count = set
        .contact_points
        .iter()
        .flat_map(|cp| &cp.steps)
        .flat_map(|s| &s.factors)
        .map(|f| f.standards.len())
        .sum::<usize>();
    for (c, cp) in set.contact_points.iter().enumerate() {
        let heading = format!("{}. {}", c + 1, cp.name);
        // A contact point's band never ends a page alone: it needs its first step and row.
        let first = cp
            .steps
            .iter()
            .flat_map(|s| &s.factors)
            .flat_map(|f| &f.standards)
            .next()
            .map_or(0.0, |standard| {
                Row::new(w, standard, number + 1, lang).height
            });
        room(w, first + 3.0 * BAND, l, None, lang);
        bookmarks.push((heading.clone(), w.page_number()));
        band(w, &heading, 0, lang);
        for (s, step) in cp.steps.iter().enumerate() {
            let step_heading = format!("{}.{} {}", c + 1, s + 1, step.name);
            let mut standards = step.factors.iter().flat_map(|f| &f.standards).peekable();
            // A step's band never ends a page alone: it needs its first row.
            let first = standards.peek().map_or(0.0, |standard| {
                Row::new(w, standard, number + 1, lang).height
            });
            room(w, first + 2.0 * BAND, l, Some(&heading), lang);
            band(w, &step_heading, 1, lang);
            for standard in standards {
                number += 1;
                let row = Row::new(w, standard, number, lang);
                // A row is never split: if it does not fit, it starts the
                // next page. The last row keeps its score line and the total
                // box with it, so no page holds the total alone.
                let keep = if number == count {
                    SCORE_LINE + TOTAL_BLOCK
                } else {
                    0.0
                };
                room(w, row.height + keep, l, Some(&heading), lang);
                row.draw(w, fillable.then_some(l));
            }
        }
        room(w, SCORE_LINE, l, Some(&heading), lang);
        contact_point_score(w, l, &heading, lang);
    }
    total_and_signatures(w, l, lang);
}

/// The overall total and the one signature block of the visit.
fn total_and_signatures(w: &mut Writer<'_>, l: &Labels, lang: Language) {
    if w.y + TOTAL_BLOCK > w.bottom() {
        w.new_page();
    }
    w.gap(16.0);
    let top = w.y;
    let h = 40.0;
    w.rect(w.left(), top, w.content_width(), h, Paint::Stroke, BLACK);
    let label = labelled(lang, l.total);
    w.text_at(
        w.left() + 8.0,
        top + 13.0,
        &label,
        11.0,
        Weight::Bold,
        BLACK,
    );
    let lw = w.text_width(&label, 11.0, Weight::Bold);
    let used = score_blanks(w, w.left() + 16.0 + lw, top + 14.0, l, 9.5);
    let score = labelled(lang, l.score);
    let x = w.left() + 32.0 + lw + used;
    w.text_at(x, top + 14.0, &score, 9.5, Weight::Bold, BLACK);
    let sx = x + w.text_width(&score, 9.5, Weight::Bold) + 4.0;
    w.line(sx, top + 25.5, sx + 40.0, top + 25.5, 0.8, BLACK);
    w.text_at(sx + 42.0, top + 14.0, "%", 9.5, Weight::Regular, BLACK);
    w.y += h + 28.0;
    let half = w.content_width() / 2.0;
    for who in [l.inspector, l.manager] {
        let y = w.y;
        w.blank(
            w.left(),
            y,
            &labelled(lang, &compound(lang, who, l.signature)),
            half - 16.0,
            10.0,
        );
        w.blank(w.left() + half, y, &labelled(lang, l.date), half, 10.0);
        w.y += 26.0;
    }
}
