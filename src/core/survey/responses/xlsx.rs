//! Responses from the first sheet of an XLSX workbook: its cells read in
//! one pass over the sheet's XML and handed, a row at a time, to the same
//! [`Reader`] the CSV uses.
//!
//! The workbook is read with `zip` and `quick-xml` (both maintained, both
//! already in the tree) rather than calamine: calamine builds a generic
//! value for every cell through a buffered XML reader, which took three
//! quarters of the time of an import of 100,000 responses, where a survey
//! needs each cell's text only. The OOXML rules a survey's cells need are
//! in [`package`] (relationships, shared strings, rich and phonetic runs,
//! `_xHHHH_` escapes) and [`sheet`] (cell references, types, numbers).

use std::path::Path;

use super::{MAX_CELLS, MAX_UNPACKED_BYTES, Reader, Responses, ResponsesError};
use crate::core::survey::plan::SurveyPlan;
use crate::core::survey::questionnaire::Questionnaire;

mod cell;
mod fast;
mod package;
mod sheet;
#[cfg(test)]
mod tests;

use cell::{Sink, Stop};

/// Reads responses from the first sheet of an XLSX workbook.
///
/// The sheet's part is unpacked whole while the shared strings are read
/// (two threads; the part is held while read, about 1.3 KB a respondent
/// of 45 answers, within [`MAX_UNPACKED_BYTES`]), then its cells are read
/// in one pass and handed, a row at a time, straight into the reader: no
/// grid of the whole sheet is built.
/// Cells come in row order in every workbook Excel and the usual
/// libraries write; a sheet whose rows come out of order is read again
/// into a grid, sorted, with the same result.
///
/// # Errors
/// The workbook cannot be opened or is broken (said with its part, sheet
/// and cell), unpacks past [`MAX_UNPACKED_BYTES`], or its sheet is past
/// [`MAX_CELLS`] (counted over the rectangle of its non-empty cells, as a
/// grid of them would be; refused as soon as the rectangle read so far is
/// past it).
pub fn parse_xlsx(
    bytes: &[u8],
    path: &Path,
    q: &Questionnaire,
    plan: &SurveyPlan,
) -> Result<Responses, ResponsesError> {
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
    let mut archive = package::Archive::new(std::io::Cursor::new(bytes))
        .map_err(|e| workbook_error(e.to_string()))?;
    let first = package::first_sheet(&mut archive).map_err(workbook_error)?;
    let no_header = || ResponsesError::NoHeader {
        path: path.to_owned(),
    };
    if !first.worksheet {
        // A chart sheet first: no cells, so no header.
        return Err(no_header());
    }
    let (xml, strings) = std::thread::scope(|s| {
        let mut own = archive.clone();
        let part = first.part.as_str();
        let sheet = s.spawn(move || package::read_part(&mut own, part));
        let strings = match &first.strings {
            Some(part) => package::read_part(&mut archive, part).and_then(|xml| {
                xml.map_or_else(|| Ok(Vec::new()), |xml| package::shared_strings(part, &xml))
            }),
            None => Ok(Vec::new()),
        };
        let sheet = sheet
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (sheet, strings)
    });
    let strings = strings.map_err(workbook_error)?;
    let xml = xml.map_err(workbook_error)?.ok_or_else(|| {
        workbook_error(format!(
            "the zip has no {}, the first sheet “{}”",
            first.part, first.name
        ))
    })?;
    let stopped = |stop: Stop| match stop {
        Stop::TooManyCells(cells) => ResponsesError::TooManyCells {
            path: path.to_owned(),
            cells,
        },
        Stop::NotAWorksheet => no_header(),
        Stop::Broken(message) => workbook_error(message),
        Stop::OutOfOrder => workbook_error("rows out of order".to_owned()),
    };
    let mut rows = SheetRows::new(q, plan);
    match sheet::cells(&xml, &first.part, &first.name, &strings, &mut rows) {
        Ok(()) => rows.finish().ok_or_else(no_header),
        Err(Stop::OutOfOrder) => {
            let mut grid = Grid::new(q, plan);
            sheet::cells(&xml, &first.part, &first.name, &strings, &mut grid).map_err(stopped)?;
            // Stable: a cell given twice keeps its last value, as a grid would.
            grid.cells.sort_by_key(|&(row, column, _)| (row, column));
            let mut rows = SheetRows::new(q, plan);
            for (row, column, mut text) in grid.cells {
                rows.cell(row, column, &mut text).map_err(stopped)?;
            }
            rows.finish().ok_or_else(no_header)
        }
        Err(stop) => Err(stopped(stop)),
    }
}

/// A sheet's cells gathered whole, for a sheet whose rows come out of order.
struct Grid<'a> {
    /// The rectangle's bounds, checked as the streamed pass checks them.
    bounds: SheetRows<'a>,
    cells: Vec<(u32, u32, String)>,
}

impl<'a> Grid<'a> {
    fn new(q: &'a Questionnaire, plan: &'a SurveyPlan) -> Self {
        Self {
            bounds: SheetRows::new(q, plan),
            cells: Vec::new(),
        }
    }
}

impl Sink for Grid<'_> {
    fn cell(&mut self, row: u32, column: u32, text: &mut String) -> Result<(), Stop> {
        if let Some(cells) = self.bounds.grows_past(row, column, MAX_CELLS) {
            return Err(Stop::TooManyCells(cells));
        }
        self.cells.push((row, column, std::mem::take(text)));
        Ok(())
    }

    fn restart(&mut self) {
        self.bounds.bounds = None;
        self.cells.clear();
    }
}

impl Sink for SheetRows<'_> {
    fn cell(&mut self, row: u32, column: u32, text: &mut String) -> Result<(), Stop> {
        if let Some(cells) = self.grows_past(row, column, MAX_CELLS) {
            return Err(Stop::TooManyCells(cells));
        }
        SheetRows::cell(self, row, column, text)
    }

    fn restart(&mut self) {
        *self = SheetRows::new(self.q, self.plan);
    }
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

    /// Puts a cell's text in its row (taking the buffer, leaving one to
    /// reuse), handing the row before on to the reader when this one
    /// starts a new row; out of order when the cell is in a row already
    /// handed on.
    fn cell(&mut self, row: u32, column: u32, text: &mut String) -> Result<(), Stop> {
        match self.row {
            Some(current) if row < current => return Err(Stop::OutOfOrder),
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
        std::mem::swap(&mut self.cells[at], text);
        Ok(())
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

/// What a zip's parts unpack to, together, by its central directory.
fn unpacked_size(bytes: &[u8]) -> zip::result::ZipResult<u64> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(i)?.size());
    }
    Ok(total)
}
