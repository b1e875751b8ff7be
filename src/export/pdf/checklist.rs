//! The checklist layout: a table of tick boxes per contact point, for auditors.

use printpdf::PaintMode;

use super::monitoring_text;
use super::page::{ACCENT, BLACK, GREY, RULE, SHADE, Weight, Writer};
use crate::core::i18n::Labels;
use crate::core::model::{ContactPoint, Language, StandardsSet};

/// Column layout of the checklist table, as fractions of the content width.
const COLUMNS: [f32; 8] = [0.06, 0.37, 0.115, 0.135, 0.075, 0.075, 0.075, 0.095];
const TABLE_SIZE: f32 = 8.5;
const PAD: f32 = 4.0;

fn column_x(w: &Writer<'_>) -> [f32; 9] {
    let mut xs = [w.left(); 9];
    for i in 0..8 {
        xs[i + 1] = xs[i] + COLUMNS[i] * w.content_width();
    }
    xs
}

fn table_header(w: &mut Writer<'_>, l: &Labels) {
    let xs = column_x(w);
    let titles = [
        l.no,
        l.standard,
        l.kind,
        l.how_checked,
        l.pass,
        l.fail,
        l.na,
        l.notes,
    ];
    let lines: Vec<Vec<String>> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| w.wrap(t, TABLE_SIZE, Weight::Bold, xs[i + 1] - xs[i] - 2.0 * PAD))
        .collect();
    let rows = lines.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let h = rows * TABLE_SIZE * 1.35 + 2.0 * PAD;
    let top = w.y;
    w.rect(xs[0], top, xs[8] - xs[0], h, PaintMode::Fill, SHADE);
    for (i, col) in lines.iter().enumerate() {
        for (j, line) in col.iter().enumerate() {
            w.text_at(
                xs[i] + PAD,
                top + PAD + j as f32 * TABLE_SIZE * 1.35,
                line,
                TABLE_SIZE,
                Weight::Bold,
                BLACK,
            );
        }
    }
    w.line(xs[0], top + h, xs[8], top + h, 0.8, BLACK);
    w.y += h;
}

fn checklist_heading(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    n: usize,
    cp: &ContactPoint,
    continued: bool,
) {
    let title = format!(
        "{} · {n}. {}{}",
        l.checklist,
        cp.name,
        if continued { " …" } else { "" }
    );
    let width = w.content_width();
    let h = w.paragraph_at(w.left(), w.y, width, &title, 14.0, Weight::Bold, ACCENT);
    w.y += h + 2.0;
    if continued {
        w.gap(4.0);
        return;
    }
    let sub = format!("{} · {} {}", set.title, l.revision, set.revision);
    w.text_at(w.left(), w.y, &sub, 9.0, Weight::Regular, GREY);
    w.y += 18.0;
    let third = w.content_width() / 3.0;
    let y = w.y;
    w.blank(w.left(), y, &format!("{}:", l.site), third - 12.0, 9.5);
    w.blank(
        w.left() + third,
        y,
        &format!("{}:", l.date),
        third - 12.0,
        9.5,
    );
    w.blank(
        w.left() + 2.0 * third,
        y,
        &format!("{}:", l.inspector),
        third,
        9.5,
    );
    w.y += 22.0;
}

pub(super) fn checklist(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    bookmarks: &mut Vec<(String, usize)>,
) {
    let mut number = 0;
    for (c, cp) in set.contact_points.iter().enumerate() {
        w.new_page();
        bookmarks.push((format!("{}. {}", c + 1, cp.name), w.page_number()));
        checklist_heading(w, set, l, c + 1, cp, false);
        let has_critical = cp
            .steps
            .iter()
            .flat_map(|s| &s.factors)
            .flat_map(|f| &f.standards)
            .any(|s| s.critical);
        if has_critical {
            w.text_at(w.left(), w.y, l.critical_note, 8.0, Weight::Regular, GREY);
            w.y += 14.0;
        }
        table_header(w, l);
        let xs = column_x(w);
        for step in &cp.steps {
            for factor in &step.factors {
                for s in &factor.standards {
                    number += 1;
                    let weight = if s.critical {
                        Weight::Bold
                    } else {
                        Weight::Regular
                    };
                    let no = if s.critical {
                        format!("★{number}")
                    } else {
                        number.to_string()
                    };
                    let cells = [
                        w.wrap(&no, TABLE_SIZE, weight, xs[1] - xs[0] - 2.0 * PAD),
                        w.wrap(&s.text, TABLE_SIZE, weight, xs[2] - xs[1] - 2.0 * PAD),
                        w.wrap(
                            s.kind.label(lang),
                            TABLE_SIZE,
                            Weight::Regular,
                            xs[3] - xs[2] - 2.0 * PAD,
                        ),
                        w.wrap(
                            &monitoring_text(s, lang),
                            TABLE_SIZE - 0.5,
                            Weight::Regular,
                            xs[4] - xs[3] - 2.0 * PAD,
                        ),
                    ];
                    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32;
                    let h = (lines * TABLE_SIZE * 1.4 + 2.0 * PAD).max(24.0);
                    // A row is never split: if it does not fit, it starts the next page.
                    if w.y + h > w.bottom() {
                        w.new_page();
                        checklist_heading(w, set, l, c + 1, cp, true);
                        table_header(w, l);
                    }
                    let top = w.y;
                    for (i, cell) in cells.iter().enumerate() {
                        let size = if i == 3 { TABLE_SIZE - 0.5 } else { TABLE_SIZE };
                        let weight = if i < 2 { weight } else { Weight::Regular };
                        let color = if i >= 2 { GREY } else { BLACK };
                        for (j, line) in cell.iter().enumerate() {
                            w.text_at(
                                xs[i] + PAD,
                                top + PAD + j as f32 * TABLE_SIZE * 1.4,
                                line,
                                size,
                                weight,
                                color,
                            );
                        }
                    }
                    for col in 4..7 {
                        let bx = f32::midpoint(xs[col], xs[col + 1]) - 5.0;
                        w.tick_box(bx, top + PAD + 1.0, 10.0);
                    }
                    w.line(xs[0], top + h, xs[8], top + h, 0.4, RULE);
                    w.y += h;
                }
            }
        }
        score_box(w, l);
    }
}

fn score_box(w: &mut Writer<'_>, l: &Labels) {
    let needed = 120.0;
    if w.y + needed > w.bottom() {
        w.new_page();
    }
    w.gap(14.0);
    let top = w.y;
    let h = 34.0;
    w.rect(
        w.left(),
        top,
        w.content_width(),
        h,
        PaintMode::Stroke,
        BLACK,
    );
    w.text_at(
        w.left() + 8.0,
        top + 11.0,
        &format!("{}:", l.score),
        11.0,
        Weight::Bold,
        BLACK,
    );
    let x = w.left() + 70.0;
    w.line(x, top + 24.0, x + 50.0, top + 24.0, 0.8, BLACK);
    w.text_at(
        x + 54.0,
        top + 13.0,
        &format!("{} /", l.passed),
        9.5,
        Weight::Regular,
        BLACK,
    );
    let x2 = x + 54.0 + w.text_width(&format!("{} /", l.passed), 9.5, Weight::Regular) + 8.0;
    w.line(x2, top + 24.0, x2 + 50.0, top + 24.0, 0.8, BLACK);
    w.text_at(
        x2 + 54.0,
        top + 13.0,
        l.applicable,
        9.5,
        Weight::Regular,
        BLACK,
    );
    w.y += h + 26.0;
    let half = w.content_width() / 2.0;
    let y = w.y;
    w.blank(
        w.left(),
        y,
        &format!("{} {}:", l.inspector, l.signature),
        half - 16.0,
        9.5,
    );
    w.blank(
        w.left() + half,
        y,
        &format!("{} {}:", l.manager, l.signature),
        half,
        9.5,
    );
    w.y += 22.0;
    let y = w.y;
    w.blank(w.left(), y, &format!("{}:", l.date), half - 16.0, 9.5);
    w.blank(w.left() + half, y, &format!("{}:", l.date), half, 9.5);
    w.y += 22.0;
}
