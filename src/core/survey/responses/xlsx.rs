//! Responses from the first sheet of an XLSX workbook: its cells streamed a
//! row at a time into the same [`Reader`] the CSV uses.

use std::path::Path;

use super::{MAX_CELLS, MAX_UNPACKED_BYTES, Reader, Responses, ResponsesError};
use crate::core::survey::plan::SurveyPlan;
use crate::core::survey::questionnaire::Questionnaire;

/// Reads responses from the first sheet of an XLSX workbook.
///
/// The sheet's cells are streamed, a row at a time, straight into the
/// reader: no grid of the whole sheet is built and a cell's text is written
/// into a buffer its column keeps. Cells come in row order in every
/// workbook Excel and the usual libraries write; a sheet whose rows come
/// out of order is read again as a whole grid, with the same result.
///
/// # Errors
/// The workbook cannot be opened, or its sheet is past [`MAX_CELLS`]
/// (counted over the rectangle of its non-empty cells, as a grid of them
/// would be; refused as soon as the rectangle read so far is past it).
pub fn parse_xlsx(
    bytes: &[u8],
    path: &Path,
    q: &Questionnaire,
    plan: &SurveyPlan,
) -> Result<Responses, ResponsesError> {
    use calamine::{Reader as _, ReaderRef as _, Xlsx, XlsxError};
    let workbook_error = |message: String| ResponsesError::Workbook {
        path: path.to_owned(),
        message,
    };
    let unpacked = unpacked_size(bytes).map_err(|e| workbook_error(e.to_string()))?;
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(ResponsesError::TooLargeUnpacked {
            path: path.to_owned(),
            bytes: unpacked,
        });
    }
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: XlsxError| workbook_error(e.to_string()))?;
    let Some(name) = workbook.sheet_names().first().cloned() else {
        return Err(workbook_error("the workbook has no sheet".to_owned()));
    };
    let no_header = || ResponsesError::NoHeader {
        path: path.to_owned(),
    };
    let streamed = {
        let mut cells = match workbook.worksheet_cells_reader(&name) {
            Ok(cells) => cells,
            // A chart sheet first: no cells, so no header (as a grid of it).
            Err(XlsxError::NotAWorksheet(_)) => return Err(no_header()),
            Err(e) => return Err(workbook_error(e.to_string())),
        };
        let mut rows = SheetRows::new(q, plan);
        loop {
            let cell = match cells.next_cell() {
                Ok(Some(cell)) => cell,
                Ok(None) => break Some(rows),
                Err(e) => return Err(workbook_error(e.to_string())),
            };
            let value = cell.get_value();
            if matches!(value, calamine::DataRef::Empty) {
                continue;
            }
            let (row, column) = cell.get_position();
            if let Some(cells) = rows.grows_past(row, column, MAX_CELLS) {
                return Err(ResponsesError::TooManyCells {
                    path: path.to_owned(),
                    cells,
                });
            }
            if !rows.cell(row, column, value) {
                break None;
            }
        }
    };
    match streamed {
        Some(rows) => rows.finish().ok_or_else(no_header),
        None => {
            let range = workbook
                .worksheet_range_ref(&name)
                .map_err(|e| workbook_error(e.to_string()))?;
            parse_range(&range, path, q, plan)
        }
    }
}

/// A sheet read as a whole grid: for the rare sheet whose rows do not come
/// in order (the streamed read needs them in order).
fn parse_range(
    range: &calamine::Range<calamine::DataRef<'_>>,
    path: &Path,
    q: &Questionnaire,
    plan: &SurveyPlan,
) -> Result<Responses, ResponsesError> {
    let (rows, cols) = range.get_size();
    if rows.saturating_mul(cols) > MAX_CELLS {
        return Err(ResponsesError::TooManyCells {
            path: path.to_owned(),
            cells: rows.saturating_mul(cols),
        });
    }
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut sheet = SheetRows::new(q, plan);
    for (i, row) in range.rows().enumerate() {
        let number = first_row.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        for (j, value) in row.iter().enumerate() {
            let column = first_col.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
            if !matches!(value, calamine::DataRef::Empty) {
                sheet.cell(number, column, value);
            }
        }
    }
    sheet.finish().ok_or_else(|| ResponsesError::NoHeader {
        path: path.to_owned(),
    })
}

/// A sheet's cells gathered into rows, each row handed to the [`Reader`]
/// once complete; the first row with any text is the header.
struct SheetRows<'a> {
    q: &'a Questionnaire,
    plan: &'a SurveyPlan,
    reader: Option<Reader<'a>>,
    /// The row being gathered (from 0), if any.
    row: Option<u32>,
    /// The row's cells by column, as text; kept between rows so that
    /// their buffers are reused. Columns past `width` are stale.
    cells: Vec<String>,
    width: usize,
    /// The rectangle of the non-empty cells so far: first and last row, first and last column.
    bounds: Option<(u32, u32, u32, u32)>,
}

impl<'a> SheetRows<'a> {
    fn new(q: &'a Questionnaire, plan: &'a SurveyPlan) -> Self {
        Self {
            q,
            plan,
            reader: None,
            row: None,
            cells: Vec::new(),
            width: 0,
            bounds: None,
        }
    }

    /// Takes in the non-empty cell at `(row, column)` and says how many
    /// cells the sheet's rectangle has if that is now past `max`.
    fn grows_past(&mut self, row: u32, column: u32, max: usize) -> Option<usize> {
        let (r0, c0, r1, c1) = self.bounds.unwrap_or((row, column, row, column));
        let bounds = (r0.min(row), c0.min(column), r1.max(row), c1.max(column));
        self.bounds = Some(bounds);
        let rows = usize::try_from(bounds.2 - bounds.0).unwrap_or(usize::MAX);
        let cols = usize::try_from(bounds.3 - bounds.1).unwrap_or(usize::MAX);
        let cells = rows
            .saturating_add(1)
            .saturating_mul(cols.saturating_add(1));
        (cells > max).then_some(cells)
    }

    /// Puts a non-empty cell in its row, handing the row before on to the
    /// reader when this one starts a new row; `false` when the cell is in
    /// a row already handed on (rows out of order).
    fn cell(&mut self, row: u32, column: u32, value: &calamine::DataRef<'_>) -> bool {
        match self.row {
            Some(current) if row < current => return false,
            Some(current) if row == current => {}
            _ => {
                self.flush();
                self.row = Some(row);
            }
        }
        let at = usize::try_from(column).unwrap_or(usize::MAX);
        if at >= self.width {
            for stale in self.cells.iter_mut().take(at).skip(self.width) {
                stale.clear();
            }
            if self.cells.len() <= at {
                self.cells.resize_with(at + 1, String::new);
            }
            self.width = at + 1;
        }
        cell_text(&mut self.cells[at], value);
        true
    }

    /// Hands the row gathered on to the reader.
    fn flush(&mut self) {
        let Some(row) = self.row.take() else {
            return;
        };
        let cells = &self.cells[..self.width];
        let number = usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1);
        match &mut self.reader {
            None => {
                if !cells.iter().all(|c| c.trim().is_empty()) {
                    let header: Vec<&str> = cells.iter().map(String::as_str).collect();
                    self.reader = Some(Reader::new(self.q, self.plan, &header));
                }
            }
            Some(r) => r.row(number, cells.iter().map(String::as_str)),
        }
        self.width = 0;
    }

    /// The responses read, or `None` when no row had any text (no header).
    fn finish(mut self) -> Option<Responses> {
        self.flush();
        self.reader.map(Reader::finish)
    }
}

/// A cell's text as the reader takes it, written into `out`: whole numbers
/// without a decimal point (a score typed as 4 is stored as 4.0).
fn cell_text(out: &mut String, cell: &calamine::DataRef<'_>) {
    use calamine::DataRef;
    use std::fmt::Write as _;
    out.clear();
    // Writing to a String cannot fail.
    let _ = match cell {
        DataRef::Empty => Ok(()),
        DataRef::SharedString(s) => {
            out.push_str(s);
            Ok(())
        }
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            out.push_str(s);
            Ok(())
        }
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            // As `{f:.0}` writes it, without the float formatting: whole
            // and below 1e15, the value is exact as an integer.
            #[expect(clippy::cast_possible_truncation, reason = "whole and below 1e15")]
            let whole = *f as i64;
            if whole == 0 && f.is_sign_negative() {
                out.push_str("-0");
                Ok(())
            } else {
                write!(out, "{whole}")
            }
        }
        DataRef::Float(f) => write!(out, "{f}"),
        DataRef::Int(i) => write!(out, "{i}"),
        DataRef::Bool(b) => write!(out, "{b}"),
        DataRef::DateTime(d) => write!(out, "{d}"),
        DataRef::Error(e) => write!(out, "#{e:?}"),
    };
}

/// What a zip's parts unpack to, together, by its central directory.
fn unpacked_size(bytes: &[u8]) -> zip::result::ZipResult<u64> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(i)?.size());
    }
    Ok(total)
}
