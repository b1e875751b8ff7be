//! The printed customer questionnaire: a short intro, then per contact point
//! (in journey order) one row a key factor with two scales of five tick
//! boxes (how important, how satisfied), the likelihood to recommend on
//! eleven boxes (0–10) and a box for the open question. Boxes are 5 mm, big
//! enough for a pen. With two languages, every text stands in two columns
//! side by side, the set's language first.
//!
//! As a fillable form (`questionnaire_form`) the same sheet has larger
//! boxes (7 mm, for a finger on a tablet or a pen), each scale a radio
//! group named by its question ID, a respondent number and a date to type,
//! the respondent group as buttons when the plan has several, and the open
//! question as a text field; the names are `core::survey::form`'s.

use super::page::{ACCENT, BLACK, GREY, RULE, SHADE, Writer};
use super::{Document, Faces, Field, FieldKind, Meta, Paper, Weight, render};
use crate::core::i18n::{SurveyWords, survey_words};
use crate::core::model::Language;
use crate::core::survey::form::{self, STATES};
use crate::core::survey::questionnaire::{GROUP, IMPORTANCE, NPS, OPEN, RESPONDENT, SATISFACTION};
use crate::core::survey::{Questionnaire, SurveyPlan};

/// A tick box's side: 5 mm in points.
pub const BOX: f32 = 14.5;
/// A button's side on the fillable form: 7 mm, for a finger or a pen.
pub const FORM_BOX: f32 = 20.0;
/// Between two boxes of a scale.
const BOX_GAP: f32 = 4.5;
/// Between the importance and the satisfaction scales.
const SCALE_GAP: f32 = 14.0;
const TEXT: f32 = 9.5;

/// The sheet's boxes: printed or fillable; for a form, the plan whose
/// groups it offers.
#[derive(Clone, Copy)]
struct Sheet<'a> {
    side: f32,
    gap: f32,
    form: Option<&'a SurveyPlan>,
}

impl Sheet<'_> {
    /// The width of a scale of `n` boxes.
    fn scale_width(self, n: u8) -> f32 {
        f32::from(n) * self.side + f32::from(n.saturating_sub(1)) * self.gap
    }
}

/// Puts a form field on the page under way.
fn field(w: &mut Writer<'_>, field: Field) {
    if let Some(page) = w.pages.last_mut() {
        page.fields.push(field);
    }
}

/// One button of radio group `name`, over the box at (`x`, `top`).
fn button(
    w: &mut Writer<'_>,
    name: &str,
    tooltip: &str,
    state: &'static str,
    x: f32,
    top: f32,
    side: f32,
) {
    field(
        w,
        Field {
            name: name.to_owned(),
            tooltip: tooltip.to_owned(),
            kind: FieldKind::Choice(state),
            x,
            top,
            width: side,
            height: side,
        },
    );
}

/// Lays out `q` on `paper` to print and tick by pen.
#[must_use]
pub fn questionnaire(q: &Questionnaire, paper: Paper, faces: Faces<'_>) -> Document {
    let sheet = Sheet {
        side: BOX,
        gap: BOX_GAP,
        form: None,
    };
    lay_out(q, paper, faces, sheet)
}

/// Lays out `q` on `paper` as a fillable form offering `plan`'s groups;
/// its hidden fields say what it was made from.
#[must_use]
pub fn questionnaire_form(
    q: &Questionnaire,
    plan: &SurveyPlan,
    paper: Paper,
    faces: Faces<'_>,
) -> Document {
    let sheet = Sheet {
        side: FORM_BOX,
        gap: 5.0,
        form: Some(plan),
    };
    let mut document = lay_out(q, paper, faces, sheet);
    document.hidden = form::hidden_fields(q, plan);
    document
}

fn lay_out(q: &Questionnaire, paper: Paper, faces: Faces<'_>, sheet: Sheet<'_>) -> Document {
    let langs = if q.languages.is_empty() {
        vec![Language::En]
    } else {
        q.languages.clone()
    };
    let words: Vec<&SurveyWords> = langs.iter().map(|&l| survey_words(l)).collect();
    let first = words[0];
    let title = format!("{} · {}", q.title, first.sheet.title);
    let meta = Meta {
        title: title.clone(),
        author: String::new(),
        subject: first.plan.questionnaire.to_owned(),
        header: title,
        paper,
        lang: langs[0],
        stamp: None,
        logo: None,
        images: Vec::new(),
    };
    render(meta, faces, |w, bookmarks| {
        w.new_page();
        bookmarks.push((first.sheet.title.to_owned(), 1));
        head(w, q, &words, sheet);
        for section in &q.sections {
            let names: Vec<&str> = section.name.iter().map(String::as_str).collect();
            // A contact point's heading never stands alone at a page's foot.
            if w.ensure(22.0 + row_height(w, &section.items[0].wording, &words, sheet)) {
                scale_heads(w, &words, sheet);
            }
            let y = w.y;
            let h = columns(
                w,
                w.left(),
                y,
                question_width(w, sheet),
                &names,
                10.5,
                Weight::Bold,
                ACCENT,
            );
            w.y += h + 3.0;
            for (i, item) in section.items.iter().enumerate() {
                let texts: Vec<&str> = item.wording.iter().map(String::as_str).collect();
                let h = row_height(w, &item.wording, &words, sheet);
                if w.ensure(h) {
                    scale_heads(w, &words, sheet);
                }
                let top = w.y;
                if i % 2 == 1 {
                    let (x, width) = (w.left() - 4.0, w.content_width() + 8.0);
                    w.rect(x, top - 2.0, width, h, super::Paint::Fill, SHADE);
                }
                let tw = question_width(w, sheet);
                columns(
                    w,
                    w.left(),
                    top + 1.0,
                    tw,
                    &texts,
                    TEXT,
                    Weight::Regular,
                    BLACK,
                );
                let side = sheet.side;
                let box_top = top + (h - 4.0 - side) / 2.0;
                let (imp, sat) = scale_x(w, sheet);
                for (x, suffix, asked) in [
                    (imp, IMPORTANCE, words[0].sheet.importance),
                    (sat, SATISFACTION, words[0].sheet.satisfaction),
                ] {
                    let name = form::field(&format!("{}{suffix}", item.factor));
                    let tooltip = format!("{} ({asked})", texts[0]);
                    for n in 0..5u8 {
                        let bx = x + f32::from(n) * (side + sheet.gap);
                        w.tick_box(bx, box_top, side);
                        if sheet.form.is_some() {
                            let state = STATES[usize::from(n) + 1];
                            button(w, &name, &tooltip, state, bx, box_top, side);
                        }
                    }
                }
                w.y += h;
            }
            w.y += 6.0;
        }
        nps(w, &words, sheet);
        open(w, &words, sheet);
        0
    })
}

/// Width of the question column: what the two scales leave.
fn question_width(w: &Writer<'_>, sheet: Sheet<'_>) -> f32 {
    w.content_width() - 2.0 * sheet.scale_width(5) - SCALE_GAP - 12.0
}

/// Left edges of the importance and satisfaction scales.
fn scale_x(w: &Writer<'_>, sheet: Sheet<'_>) -> (f32, f32) {
    let sat = w.right() - sheet.scale_width(5);
    (sat - SCALE_GAP - sheet.scale_width(5), sat)
}

/// A factor's row: its wrapped text, at least a box and its margin.
fn row_height(w: &Writer<'_>, texts: &[String], words: &[&SurveyWords], sheet: Sheet<'_>) -> f32 {
    let n = texts.len().min(words.len()).max(1);
    let width = column_width(question_width(w, sheet), n);
    let lines = texts
        .iter()
        .map(|t| w.wrap(t, TEXT, Weight::Regular, width).len())
        .max()
        .unwrap_or(1);
    (lines as f32 * TEXT * 1.45 + 4.0).max(sheet.side + 8.0)
}

fn column_width(width: f32, n: usize) -> f32 {
    if n > 1 { (width - 10.0) / 2.0 } else { width }
}

/// Draws one text per language side by side within `width`; returns the
/// height of the tallest.
#[expect(
    clippy::too_many_arguments,
    reason = "position, width, texts and their style"
)]
fn columns(
    w: &mut Writer<'_>,
    x: f32,
    top: f32,
    width: f32,
    texts: &[&str],
    size: f32,
    weight: Weight,
    colour: super::Colour,
) -> f32 {
    let n = texts.len().max(1);
    let cw = column_width(width, n);
    let mut tallest: f32 = 0.0;
    for (i, text) in texts.iter().enumerate() {
        let cx = x + i as f32 * (cw + 10.0);
        let colour = if i == 0 { colour } else { GREY };
        tallest = tallest.max(w.paragraph_at(cx, top, cw, text, size, weight, colour));
    }
    tallest
}

/// Flows one text per language across the full width, side by side.
fn flow(w: &mut Writer<'_>, texts: &[&str], size: f32, weight: Weight, colour: super::Colour) {
    let width = w.content_width();
    let n = texts.len().max(1);
    let lines = texts
        .iter()
        .map(|t| w.wrap(t, size, weight, column_width(width, n)).len())
        .max()
        .unwrap_or(1);
    w.ensure(lines as f32 * size * 1.45);
    let y = w.y;
    let h = columns(w, w.left(), y, width, texts, size, weight, colour);
    w.y += h;
}

/// The title, the date blank, the intro and the scales' headings.
fn head(w: &mut Writer<'_>, q: &Questionnaire, words: &[&SurveyWords], sheet: Sheet<'_>) {
    let titles: Vec<&str> = words.iter().map(|s| s.sheet.title).collect();
    flow(w, &titles, 17.0, Weight::Bold, ACCENT);
    w.y += 2.0;
    let y = w.y;
    w.text_at(w.left(), y, &q.title, 10.0, Weight::Regular, GREY);
    let date = words
        .iter()
        .map(|s| s.sheet.date)
        .collect::<Vec<_>>()
        .join(" / ");
    let right = w.right();
    let lang = q.languages.first().copied().unwrap_or_default();
    let date = super::labelled(lang, &date);
    w.blank(right - 170.0, y, &date, 170.0, 10.0);
    if let Some(plan) = sheet.form {
        text_field(w, form::DATE, &date, right - 170.0, y, 170.0);
        w.y += 20.0;
        let y = w.y;
        let number = words
            .iter()
            .map(|s| s.sheet.respondent_no)
            .collect::<Vec<_>>()
            .join(" / ");
        let number = super::labelled(lang, &number);
        w.blank(w.left(), y, &number, 260.0, 10.0);
        let left = w.left();
        text_field(w, RESPONDENT, &number, left, y, 260.0);
        groups(w, words, plan, sheet);
    }
    w.y += 20.0;
    let intros: Vec<&str> = words.iter().map(|s| s.sheet.intro).collect();
    flow(w, &intros, 9.5, Weight::Regular, BLACK);
    w.y += 8.0;
    scale_heads(w, words, sheet);
}

/// A text field over the line of the blank labelled `label` at (`x`, `top`).
fn text_field(w: &mut Writer<'_>, name: &str, label: &str, x: f32, top: f32, width: f32) {
    let start = x + w.text_width(label, 10.0, Weight::Regular) + 6.0;
    field(
        w,
        Field {
            name: name.to_owned(),
            tooltip: label.trim_end_matches([':', '：']).to_owned(),
            kind: FieldKind::Text,
            x: start,
            top: top - 3.0,
            width: x + width - start,
            height: 16.0,
        },
    );
}

/// The respondent group as one button a group, each named by who answers
/// in the plan's words (else its purpose's respondents); none when the plan
/// has fewer than two groups.
fn groups(w: &mut Writer<'_>, words: &[&SurveyWords], plan: &SurveyPlan, sheet: Sheet<'_>) {
    let offered = form::groups_offered(plan);
    if offered.is_empty() {
        return;
    }
    w.y += 22.0;
    let question = words
        .iter()
        .map(|s| s.sheet.group_question)
        .collect::<Vec<_>>()
        .join(" / ");
    let y = w.y;
    w.text_at(w.left(), y, &question, 10.0, Weight::Bold, BLACK);
    w.y += 16.0;
    let side = sheet.side;
    let (mut x, right) = (w.left(), w.right());
    for (at, g) in offered.iter().enumerate() {
        let label = if g.respondents.trim().is_empty() {
            words[0].respondents[g.purpose.index()].to_owned()
        } else {
            g.respondents.trim().to_owned()
        };
        let width = side + 6.0 + w.text_width(&label, 9.5, Weight::Regular) + 18.0;
        if x > w.left() && x + width > right {
            x = w.left();
            w.y += side + 8.0;
        }
        let top = w.y;
        w.tick_box(x, top, side);
        button(w, GROUP, &question, STATES[at + 1], x, top, side);
        w.text_at(
            x + side + 6.0,
            top + (side - 9.5) / 2.0 - 1.0,
            &label,
            9.5,
            Weight::Regular,
            BLACK,
        );
        x += width;
    }
    w.y += side;
}

/// The headings over the two scales and the numbers over their boxes.
fn scale_heads(w: &mut Writer<'_>, words: &[&SurveyWords], sheet: Sheet<'_>) {
    let (imp, sat) = scale_x(w, sheet);
    let width = sheet.scale_width(5);
    let size = 8.0;
    let mut tallest: f32 = 0.0;
    for (x, pick) in [
        (
            imp,
            (|s: &SurveyWords| s.sheet.importance) as fn(&SurveyWords) -> &'static str,
        ),
        (sat, |s: &SurveyWords| s.sheet.satisfaction),
    ] {
        let mut y = w.y;
        for (i, s) in words.iter().enumerate() {
            let colour = if i == 0 { BLACK } else { GREY };
            let weight = if i == 0 {
                Weight::Bold
            } else {
                Weight::Regular
            };
            y += w.paragraph_at(x, y, width + 6.0, pick(s), size, weight, colour);
        }
        tallest = tallest.max(y - w.y);
    }
    let note: Vec<&str> = words.iter().map(|s| s.sheet.scale_note).collect();
    let y = w.y;
    let tw = question_width(w, sheet);
    let h = columns(w, w.left(), y, tw, &note, 8.0, Weight::Regular, GREY);
    w.y += tallest.max(h) + 2.0;
    let y = w.y;
    for x in [imp, sat] {
        for n in 0..5u8 {
            let label = (n + 1).to_string();
            let cx = x + f32::from(n) * (sheet.side + sheet.gap) + sheet.side / 2.0;
            let lw = w.text_width(&label, 8.5, Weight::Bold);
            w.text_at(cx - lw / 2.0, y, &label, 8.5, Weight::Bold, BLACK);
        }
    }
    w.y += 13.0;
    let y = w.y;
    let (l, r) = (w.left(), w.right());
    w.line(l, y, r, y, 0.6, RULE);
    w.y += 5.0;
}

/// Likelihood to recommend: eleven boxes, 0 to 10, the ends named.
fn nps(w: &mut Writer<'_>, words: &[&SurveyWords], sheet: Sheet<'_>) {
    w.ensure(110.0);
    w.y += 6.0;
    let questions: Vec<&str> = words.iter().map(|s| s.sheet.nps).collect();
    flow(w, &questions, 10.5, Weight::Bold, BLACK);
    w.y += 6.0;
    let (side, gap) = (sheet.side, 9.0);
    let total = 11.0 * side + 10.0 * gap;
    let x0 = w.left() + (w.content_width() - total) / 2.0;
    let y = w.y;
    for n in 0..=10u8 {
        let x = x0 + f32::from(n) * (side + gap);
        let label = n.to_string();
        let lw = w.text_width(&label, 8.5, Weight::Bold);
        w.text_at(x + (side - lw) / 2.0, y, &label, 8.5, Weight::Bold, BLACK);
        w.tick_box(x, y + 13.0, side);
        if sheet.form.is_some() {
            button(
                w,
                NPS,
                questions[0],
                STATES[usize::from(n)],
                x,
                y + 13.0,
                side,
            );
        }
    }
    w.y += 13.0 + side + 4.0;
    let low: Vec<&str> = words.iter().map(|s| s.sheet.nps_low).collect();
    let high: Vec<&str> = words.iter().map(|s| s.sheet.nps_high).collect();
    let y = w.y;
    let mut dy: f32 = 0.0;
    for (i, (l, h)) in low.iter().zip(&high).enumerate() {
        let colour = if i == 0 { GREY } else { RULE };
        w.text_at(x0, y + dy, l, 8.0, Weight::Regular, colour);
        let hw = w.text_width(h, 8.0, Weight::Regular);
        w.text_at(x0 + total - hw, y + dy, h, 8.0, Weight::Regular, colour);
        dy += 11.0;
    }
    w.y += dy + 8.0;
}

/// The open question and room to write.
fn open(w: &mut Writer<'_>, words: &[&SurveyWords], sheet: Sheet<'_>) {
    w.ensure(120.0);
    let questions: Vec<&str> = words.iter().map(|s| s.sheet.open).collect();
    flow(w, &questions, 10.5, Weight::Bold, BLACK);
    w.y += 4.0;
    let (x, top, width) = (w.left(), w.y, w.content_width());
    w.rect(x, top, width, 72.0, super::Paint::Stroke, RULE);
    if sheet.form.is_some() {
        field(
            w,
            Field {
                name: OPEN.to_owned(),
                tooltip: questions[0].to_owned(),
                kind: FieldKind::Note,
                x: x + 1.5,
                top: top + 1.5,
                width: width - 3.0,
                height: 69.0,
            },
        );
    }
    w.y += 80.0;
    let thanks: Vec<&str> = words.iter().map(|s| s.sheet.thanks).collect();
    flow(w, &thanks, 9.5, Weight::Regular, GREY);
}
