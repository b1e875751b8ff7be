//! The report as a spreadsheet: one row per verdict (and per standard in
//! scope with none), for CSV and XLSX.

use super::Reported;
use crate::core::i18n::report_words;
use crate::core::inspection::{Entry, Verdict, score};
use crate::core::model::Language;
use crate::export::ExportError;
use crate::export::layout::report::when_text;

/// One row per standard in scope (and per verdict on an unknown ID), for every inspection.
#[must_use]
pub fn rows(reports: &[Reported<'_>], lang: Language) -> Vec<[String; 17]> {
    let yes = crate::core::i18n::words(lang).vocab.yes;
    let mut out = Vec::new();
    for r in reports {
        let i = r.inspection;
        let entries = i.entries();
        // The inspection's columns, then the standard's, then the verdict's.
        let row = |cells: [String; 8], entry: Option<&&Entry>| -> [String; 17] {
            let [a, b, c, d, e, f, g, h] = cells;
            [
                when_text(i),
                i.site.clone(),
                i.inspector.clone(),
                i.method.label(lang).to_owned(),
                i.standards.title.clone(),
                i.standards.revision.clone(),
                a,
                b,
                c,
                d,
                e,
                f,
                g,
                h,
                entry
                    .map_or(Verdict::NotChecked, |e| e.verdict)
                    .label(lang)
                    .to_owned(),
                entry.map(|e| e.note.clone()).unwrap_or_default(),
                entry.and_then(|e| e.evidence.clone()).unwrap_or_default(),
            ]
        };
        for (at, s) in r.set.standards() {
            if !i.in_scope(&at.contact_point.id) {
                continue;
            }
            let entry = entries.get(s.id.as_str());
            out.push(row(
                [
                    at.contact_point.id.clone(),
                    at.contact_point.name.clone(),
                    at.step.name.clone(),
                    at.factor.name.clone(),
                    s.id.clone(),
                    s.text.clone(),
                    s.kind.label(lang).to_owned(),
                    if s.critical {
                        yes.to_owned()
                    } else {
                        String::new()
                    },
                ],
                entry,
            ));
        }
        for id in &score(r.set, i).unknown {
            let entry = entries.get(id.as_str());
            out.push(row(
                [
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    id.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
                entry,
            ));
        }
    }
    out
}

/// CSV, UTF-8 with a byte-order mark.
#[must_use]
pub fn csv(reports: &[Reported<'_>], lang: Language) -> Vec<u8> {
    crate::export::csv::table(&report_words(lang).headers, &rows(reports, lang))
}

/// An Excel workbook: one row per verdict, frozen header, filters, wrapped text.
///
/// # Errors
/// When the workbook cannot be written.
pub fn xlsx(reports: &[Reported<'_>], lang: Language) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::Workbook;
    const WIDTHS: [f64; 17] = [
        16.0, 14.0, 12.0, 12.0, 20.0, 8.0, 9.0, 14.0, 14.0, 18.0, 9.0, 50.0, 10.0, 8.0, 10.0, 40.0,
        24.0,
    ];
    let err = ExportError::Xlsx;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(report_words(lang).inspections)
        .map_err(err)?;
    let wrap = crate::export::xlsx::wrapped();
    let fail = wrap.clone().set_font_color("B03030").set_bold();
    crate::export::xlsx::header_row(sheet, &report_words(lang).headers, &WIDTHS).map_err(err)?;
    let rows = rows(reports, lang);
    let fail_label = Verdict::Fail.label(lang);
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let format = if c == 14 && cell == fail_label {
                &fail
            } else {
                &wrap
            };
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet
                .write_string_with_format(r, c, cell, format)
                .map_err(err)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    sheet
        .autofilter(0, 0, u32::try_from(rows.len()).unwrap_or(0), 16)
        .map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}
