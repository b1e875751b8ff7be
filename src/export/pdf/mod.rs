//! The PDF stage: checklists for auditors, training cards for trainers and the
//! full manual, in the bundled CJK font, embedded as a subset.

pub mod page;
pub mod text;

use printpdf::{PaintMode, ParsedFont, PdfDocument, PdfPage, PdfSaveOptions, Pt};

use self::page::{ACCENT, BLACK, Fonts, GREY, Paper, RULE, SHADE, Weight, Writer};
use super::{ExportError, Layout};
use crate::core::i18n::{Labels, labels};
use crate::core::model::{ContactPoint, Language, Standard, StandardKind, StandardsSet};
use crate::export::fonts::{CJK_BOLD, CJK_REGULAR};

fn parse_font(bytes: &[u8]) -> Result<ParsedFont, ExportError> {
    ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(ExportError::Font)
}

/// What a PDF says about itself: metadata, the running header, paper and language.
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Printed at the top of every page after the first `skip_header` of them.
    pub header: String,
    pub paper: Paper,
    pub lang: Language,
}

/// Lays out a PDF: `body` draws the pages with the writer, collects bookmarks
/// (title, page) and returns how many leading pages go without the running
/// header. Adds "page X of Y", the metadata and the document language.
///
/// # Errors
/// When the bundled font cannot be read (a broken build) or the PDF cannot be written.
pub fn render(
    meta: &Meta,
    body: impl FnOnce(&mut Writer<'_>, &mut Vec<(String, usize)>) -> usize,
) -> Result<Vec<u8>, ExportError> {
    let l = labels(meta.lang);
    let mut doc = PdfDocument::new(&meta.title);
    let regular = parse_font(CJK_REGULAR)?;
    let bold = parse_font(CJK_BOLD)?;
    let fonts = Fonts {
        regular_id: doc.add_font(&regular),
        bold_id: doc.add_font(&bold),
        regular,
        bold,
    };
    let mut w = Writer::new(&fonts, meta.paper, meta.header.clone());
    let mut bookmarks = Vec::new();
    let skip_header = body(&mut w, &mut bookmarks);
    if w.pages.is_empty() {
        w.new_page();
    }
    w.finish(|x, y| l.page_x_of_y(x, y), skip_header);

    let (width, height) = meta.paper.size_pt();
    let pages = std::mem::take(&mut w.pages)
        .into_iter()
        .map(|ops| PdfPage::new(Pt(width).into(), Pt(height).into(), ops))
        .collect();
    meta.title.clone_into(&mut doc.metadata.info.document_title);
    meta.author.clone_into(&mut doc.metadata.info.author);
    doc.metadata.info.creator = format!("servstd {}", env!("CARGO_PKG_VERSION"));
    meta.subject.clone_into(&mut doc.metadata.info.subject);
    for (name, page) in bookmarks {
        doc.add_bookmark(&name, page);
    }
    let mut warnings = Vec::new();
    let options = PdfSaveOptions::default();
    // printpdf writes no /Lang; set it on its lopdf document before saving,
    // rather than saving, parsing the bytes back and saving again.
    let mut pdf = doc
        .with_pages(pages)
        .to_lopdf_document(&options, &mut warnings);
    pdf.catalog_mut()?
        .set("Lang", lopdf::Object::string_literal(meta.lang.tag()));
    if options.optimize {
        pdf.compress();
    }
    let mut out = Vec::new();
    pdf.save_to(&mut out)?;
    Ok(out)
}

/// Makes the PDF of `set` in `layout`, labels in `lang`.
///
/// # Errors
/// When the bundled font cannot be read (a broken build).
pub fn pdf(
    set: &StandardsSet,
    layout: Layout,
    paper: Paper,
    lang: Language,
) -> Result<Vec<u8>, ExportError> {
    let l = labels(lang);
    let kind_label = match layout {
        Layout::Checklist => l.checklist,
        Layout::Cards => l.cards,
        Layout::Manual => l.manual,
    };
    let header = if set.revision.is_empty() {
        format!("{} · {kind_label}", set.title)
    } else {
        format!(
            "{} · {kind_label} · {} {}",
            set.title, l.revision, set.revision
        )
    };
    let meta = Meta {
        title: format!("{} · {kind_label}", set.title),
        author: if set.organisation.is_empty() {
            set.owner.clone()
        } else {
            set.organisation.clone()
        },
        subject: kind_label.to_owned(),
        header,
        paper,
        lang,
    };
    render(&meta, |w, bookmarks| match layout {
        Layout::Checklist => {
            checklist(w, set, l, lang, bookmarks);
            0
        }
        Layout::Cards => {
            cards(w, set, l, lang, bookmarks);
            0
        }
        Layout::Manual => {
            manual(w, set, l, lang, bookmarks);
            1
        }
    })
}

fn monitoring_text(s: &Standard, lang: Language) -> String {
    let sep = if lang == Language::En { ", " } else { "、" };
    s.monitoring
        .iter()
        .map(|m| m.label(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

fn target_text(s: &Standard) -> Option<String> {
    s.target
        .as_ref()
        .map(|t| format!("{} {}", super::csv::format_number(t.value), t.unit))
}

// ---------------------------------------------------------------- checklist

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

fn checklist(
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

// ---------------------------------------------------------------- cards

fn dots(importance: u8) -> String {
    (1..=5)
        .map(|i| if i <= importance { '●' } else { '○' })
        .collect()
}

/// The colon after a label: full-width in Chinese.
fn colon(lang: Language) -> &'static str {
    if lang == Language::En { ": " } else { "：" }
}

fn kind_tag(kind: StandardKind, lang: Language) -> String {
    format!("［{}］", kind.label(lang))
}

fn cards(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    bookmarks: &mut Vec<(String, usize)>,
) {
    for (c, cp) in set.contact_points.iter().enumerate() {
        w.new_page();
        bookmarks.push((format!("{}. {}", c + 1, cp.name), w.page_number()));
        let title = format!("{} · {}. {}", l.training_card, c + 1, cp.name);
        w.paragraph(0.0, &title, 16.0, Weight::Bold, ACCENT);
        if !cp.description.is_empty() {
            w.paragraph(0.0, &cp.description, 9.5, Weight::Regular, GREY);
        }
        w.gap(6.0);
        contact_point_body(w, cp, l, lang, false);
    }
}

/// Steps, factors and standards of a contact point; `full` adds the details the manual prints.
fn contact_point_body(
    w: &mut Writer<'_>,
    cp: &ContactPoint,
    l: &Labels,
    lang: Language,
    full: bool,
) {
    for (s, step) in cp.steps.iter().enumerate() {
        w.ensure(60.0);
        w.gap(6.0);
        let y = w.y;
        w.rect(w.left(), y, 3.0, 15.0, PaintMode::Fill, ACCENT);
        w.text_at(
            w.left() + 9.0,
            y + 1.0,
            &format!("{} {} · {}", l.step, s + 1, step.name),
            12.0,
            Weight::Bold,
            BLACK,
        );
        w.y += 20.0;
        for factor in &step.factors {
            w.ensure(48.0);
            let head = format!("{}{}{}", l.key_factor, colon(lang), factor.name);
            w.paragraph(8.0, &head, 10.5, Weight::Bold, BLACK);
            w.paragraph(
                8.0,
                &format!("{} {}", l.importance, dots(factor.importance)),
                8.5,
                Weight::Regular,
                GREY,
            );
            if !factor.why.is_empty() {
                w.paragraph(
                    8.0,
                    &format!("{}{}{}", l.why, colon(lang), factor.why),
                    9.0,
                    Weight::Regular,
                    GREY,
                );
            }
            w.paragraph(
                8.0,
                &format!("{}{}", l.what_good_looks_like, colon(lang).trim_end()),
                9.0,
                Weight::Bold,
                ACCENT,
            );
            for standard in &factor.standards {
                let star = if standard.critical { " ★" } else { "" };
                let id = if full {
                    format!("{} ", standard.id)
                } else {
                    String::new()
                };
                let line = format!(
                    "• {id}{}{}{star}",
                    kind_tag(standard.kind, lang),
                    standard.text
                );
                let weight = if standard.critical {
                    Weight::Bold
                } else {
                    Weight::Regular
                };
                w.paragraph(16.0, &line, 9.5, weight, BLACK);
                if full {
                    let mut details = Vec::new();
                    if let Some(target) = target_text(standard) {
                        details.push(format!("{}{}{target}", l.target, colon(lang)));
                    }
                    if !standard.monitoring.is_empty() {
                        details.push(format!(
                            "{}{}{}",
                            l.monitoring,
                            colon(lang),
                            monitoring_text(standard, lang)
                        ));
                    }
                    if !standard.owner_role.is_empty() {
                        details.push(format!(
                            "{}{}{}",
                            l.owner_role,
                            colon(lang),
                            standard.owner_role
                        ));
                    }
                    if !standard.dimensions.is_empty() {
                        let sep = if lang == Language::En { ", " } else { "、" };
                        let dims: Vec<_> =
                            standard.dimensions.iter().map(|d| d.label(lang)).collect();
                        details.push(format!("{}{}{}", l.dimensions, colon(lang), dims.join(sep)));
                    }
                    if !details.is_empty() {
                        w.paragraph(26.0, &details.join(" · "), 8.0, Weight::Regular, GREY);
                    }
                    if let Some(rationale) = &standard.rationale {
                        w.paragraph(
                            26.0,
                            &format!("{}{}{rationale}", l.rationale, colon(lang)),
                            8.0,
                            Weight::Regular,
                            GREY,
                        );
                    }
                }
            }
            w.gap(6.0);
        }
    }
}

// ---------------------------------------------------------------- manual

/// One line per standard: ID, text and the contact point it belongs to.
fn standard_lines(
    w: &mut Writer<'_>,
    standards: &[(crate::core::model::StandardRef<'_>, &Standard)],
) {
    for (at, s) in standards {
        let line = format!("{}  {}  （{}）", s.id, s.text, at.contact_point.name);
        w.paragraph(10.0, &line, 9.0, Weight::Regular, BLACK);
    }
}

fn manual(
    w: &mut Writer<'_>,
    set: &StandardsSet,
    l: &Labels,
    lang: Language,
    bookmarks: &mut Vec<(String, usize)>,
) {
    // Cover.
    w.new_page();
    w.y = w.height * 0.28;
    w.paragraph(0.0, l.manual, 13.0, Weight::Regular, ACCENT);
    w.gap(6.0);
    w.paragraph(0.0, &set.title, 26.0, Weight::Bold, BLACK);
    w.gap(10.0);
    w.line(w.left(), w.y, w.left() + 120.0, w.y, 2.0, ACCENT);
    w.gap(20.0);
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows = [
        (l.organisation, set.organisation.clone()),
        (l.revision, set.revision.clone()),
        (l.owner, set.owner.clone()),
        (l.approved_by, set.approved_by.clone()),
        (l.effective, date(set.effective)),
        (l.next_review, date(set.next_review)),
    ];
    for (label, value) in rows {
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
    let entry_count = set.contact_points.len() + 3;
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
    w.paragraph(0.0, l.journey_at_a_glance, 16.0, Weight::Bold, ACCENT);
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
        let sep = if lang == Language::En { ", " } else { "、" };
        w.ensure(40.0);
        w.paragraph(
            0.0,
            &format!(
                "{}. {}  ({standards} {})",
                c + 1,
                cp.name,
                l.standards_count
            ),
            11.0,
            Weight::Bold,
            BLACK,
        );
        w.paragraph(14.0, &steps.join(sep), 9.0, Weight::Regular, GREY);
        w.gap(4.0);
    }

    // Every contact point in full.
    for (c, cp) in set.contact_points.iter().enumerate() {
        w.new_page();
        let name = format!("{}. {}", c + 1, cp.name);
        entries.push((name.clone(), w.page_number()));
        bookmarks.push((name.clone(), w.page_number()));
        w.paragraph(
            0.0,
            &format!("{} {name}", l.contact_point),
            16.0,
            Weight::Bold,
            ACCENT,
        );
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
    w.paragraph(0.0, l.appendix_by_kind, 16.0, Weight::Bold, ACCENT);
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
        standard_lines(w, &of_kind);
    }

    // Appendix B: by owner role, roles in order of first appearance.
    w.new_page();
    entries.push((l.appendix_by_role.to_owned(), w.page_number()));
    bookmarks.push((l.appendix_by_role.to_owned(), w.page_number()));
    w.paragraph(0.0, l.appendix_by_role, 16.0, Weight::Bold, ACCENT);
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
        standard_lines(w, &of_role);
    }

    // Now the contents, on the reserved pages.
    let mut toc = Writer::new(w.fonts, Paper::A4, String::new());
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
