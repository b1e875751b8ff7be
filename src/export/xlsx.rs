//! One row per standard in an Excel workbook: header row, column widths,
//! frozen header, wrapped text.

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::ExportError;
use super::csv::{TARGET_COLUMN, rows};
use crate::core::i18n::labels;
use crate::core::model::{Language, StandardsSet};

/// Column widths in characters, matching the set's column headings.
const WIDTHS: [f64; 14] = [
    9.0, 10.0, 16.0, 9.0, 16.0, 10.0, 22.0, 10.0, 60.0, 8.0, 8.0, 22.0, 16.0, 8.0,
];

pub fn xlsx(set: &StandardsSet, lang: Language) -> Result<Vec<u8>, ExportError> {
    let err = ExportError::Xlsx;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let name: String = set
        .title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if !name.trim().is_empty() {
        sheet.set_name(name.trim()).map_err(err)?;
    }
    let wrap = wrapped();
    header_row(sheet, &labels(lang).set_headers, &WIDTHS).map_err(err)?;
    for (r, row) in rows(set, lang).iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            if usize::from(c) == TARGET_COLUMN
                && !cell.is_empty()
                && let Ok(number) = cell.parse::<f64>()
            {
                sheet
                    .write_number_with_format(r, c, number, &wrap)
                    .map_err(err)?;
                continue;
            }
            sheet
                .write_string_with_format(r, c, cell, &wrap)
                .map_err(err)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    sheet
        .autofilter(0, 0, u32::try_from(set.counts().standards).unwrap_or(0), 13)
        .map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}

/// One sheet named `name`: a header row, then `rows` as wrapped text, with
/// the header frozen and a filter on every column.
pub fn table<R: AsRef<[String]>>(
    name: &str,
    headers: &[&str],
    widths: &[f64],
    rows: &[R],
) -> Result<Vec<u8>, ExportError> {
    let err = ExportError::Xlsx;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(name).map_err(err)?;
    let wrap = wrapped();
    header_row(sheet, headers, widths).map_err(err)?;
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.as_ref().iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet
                .write_string_with_format(r, c, cell, &wrap)
                .map_err(err)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    let last = u16::try_from(headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    sheet
        .autofilter(0, 0, u32::try_from(rows.len()).unwrap_or(u32::MAX), last)
        .map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}

/// How [`typed_sheets`] writes a numeric column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numeric {
    /// A whole number.
    Integer,
    /// A share from 0 to 1, shown as a percentage.
    Percent,
}

/// One workbook of several sheets with the same columns: each `(name,
/// rows)` a sheet with the header row, frozen, filtered; the columns
/// `numeric` names written as numbers (an empty cell stays empty, and text
/// that is not a number stays text), the rest as wrapped text.
///
/// # Errors
/// When the workbook refuses a sheet, a cell or a width.
pub fn typed_sheets(
    sheets: &[(&str, &Vec<Vec<String>>)],
    headers: &[&str],
    widths: &[f64],
    numeric: impl Fn(usize) -> Option<Numeric>,
) -> Result<Vec<u8>, ExportError> {
    let err = ExportError::Xlsx;
    let mut workbook = Workbook::new();
    let wrap = wrapped();
    let percent = Format::new()
        .set_num_format("0%")
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let integer = Format::new()
        .set_num_format("0")
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let last = u16::try_from(headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).map_err(err)?;
        header_row(sheet, headers, widths).map_err(err)?;
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let col = u16::try_from(c).unwrap_or(u16::MAX);
                if cell.is_empty() {
                    continue;
                }
                let number = numeric(c).and_then(|kind| Some((kind, cell.parse::<f64>().ok()?)));
                match number {
                    Some((Numeric::Percent, n)) => {
                        sheet.write_number_with_format(r, col, n, &percent)
                    }
                    Some((Numeric::Integer, n)) => {
                        sheet.write_number_with_format(r, col, n, &integer)
                    }
                    None => sheet.write_string_with_format(r, col, cell, &wrap),
                }
                .map_err(err)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(err)?;
        sheet
            .autofilter(0, 0, u32::try_from(rows.len()).unwrap_or(u32::MAX), last)
            .map_err(err)?;
    }
    workbook.save_to_buffer().map_err(err)
}

/// The cell format of the rows: wrapped text, aligned to the top.
#[must_use]
pub fn wrapped() -> Format {
    Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
}

/// The bold, shaded header row and the column widths (in characters).
///
/// # Errors
/// When the sheet refuses a cell or a width.
pub fn header_row(
    sheet: &mut Worksheet,
    headers: &[&str],
    widths: &[f64],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_background_color("DDE8EC")
        .set_text_wrap();
    for (col, (title, width)) in headers.iter().zip(widths).enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, *title, &header)?;
        sheet.set_column_width(col, *width)?;
    }
    Ok(())
}

/// The survey's response template as a workbook: a sheet of responses with
/// the question IDs as its frozen header (one row a respondent), and a sheet
/// saying what each ID asks, in the questionnaire's languages.
pub fn survey_template(
    q: &crate::core::survey::Questionnaire,
    questions: &[Vec<String>],
) -> Result<Vec<u8>, ExportError> {
    let err = ExportError::Xlsx;
    let words = crate::core::i18n::survey_words(q.languages.first().copied().unwrap_or_default());
    let mut workbook = Workbook::new();
    let ids = q.column_ids();
    let headers: Vec<&str> = ids.iter().map(String::as_str).collect();
    let widths: Vec<f64> = ids
        .iter()
        .map(|id| if id == "OPEN" { 40.0 } else { 11.0 })
        .collect();
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.sheet.responses_sheet).map_err(err)?;
    header_row(sheet, &headers, &widths).map_err(err)?;
    sheet.set_freeze_panes(1, 1).map_err(err)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(words.sheet.questions_sheet).map_err(err)?;
    let mut heads = vec![words.sheet.id];
    heads.extend(
        q.languages
            .iter()
            .map(|&l| crate::core::i18n::survey_words(l).sheet.question),
    );
    let mut widths = vec![14.0];
    widths.extend(q.languages.iter().map(|_| 60.0));
    header_row(sheet, &heads, &widths).map_err(err)?;
    let wrap = wrapped();
    for (r, row) in questions.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet
                .write_string_with_format(r, c, cell, &wrap)
                .map_err(err)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}
