//! A worksheet's cells in one pass over its XML, as text: the value of
//! every cell that has one, with its row and column (from 0), in the
//! order the sheet stores them.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::cell::{MAX_COLUMNS, MAX_ROWS, Sink, Stop, cell_reference, number_text};
use super::package::{element_text, rich_text, unescape_ooxml, unexpected_eof};
use crate::core::survey::responses::column_name;

/// Walks the cells of the worksheet `xml` (part `part`, tab `sheet`),
/// handing each that holds a value to `sink`, in the order the sheet
/// stores them. Shared strings come from `strings`. The sheet data is read
/// by [`super::fast`] when it is in the form it takes, else in full.
pub(super) fn cells(
    xml: &[u8],
    part: &str,
    sheet: &str,
    strings: &[String],
    sink: &mut impl Sink,
) -> Result<(), Stop> {
    let mut walk = Walk {
        reader: Reader::from_reader(xml),
        part,
        sheet,
        strings,
        row: 0,
        column: 0,
        at: None,
        text: String::new(),
        raw: String::new(),
    };
    if !walk.find_sheet_data()? {
        return Ok(());
    }
    let data = usize::try_from(walk.reader.buffer_position()).unwrap_or(usize::MAX);
    if let Some(data) = xml.get(data..) {
        if super::fast::cells(data, strings, sink)? == super::fast::Pass::Done {
            return Ok(());
        }
        sink.restart();
    }
    loop {
        let event = walk.reader.read_event().map_err(|e| walk.broken_xml(&e))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                let (row, column, kind) = walk.cell_start(&e)?;
                walk.at = Some((row, column));
                if walk.cell_value(e.name().as_ref(), kind)? {
                    sink.cell(row, column, &mut walk.text)?;
                }
                walk.column = column.saturating_add(1);
            }
            Event::Empty(e) if e.local_name().as_ref() == "c" => {
                let (row, column, _) = walk.cell_start(&e)?;
                walk.at = Some((row, column));
                walk.column = column.saturating_add(1);
            }
            Event::Start(e) if e.local_name().as_ref() == "row" => walk.row_start(&e)?,
            Event::Empty(e) if e.local_name().as_ref() == "row" => {
                walk.row_start(&e)?;
                walk.row_end();
            }
            Event::End(e) if e.local_name().as_ref() == "row" => walk.row_end(),
            Event::End(e) if e.local_name().as_ref() == "sheetData" => return Ok(()),
            Event::Eof => {
                return Err(walk.broken("the sheet ends inside its <sheetData>"));
            }
            _ => {}
        }
    }
}

/// What a cell's `t` attribute says its value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `n` or none: a number (or, with no `t`, text that is not one).
    Number {
        typed: bool,
    },
    Shared,
    Inline,
    /// `str` (a formula's text), `d` (an ISO date) or `e` (an error such as #N/A).
    Text,
    Bool,
}

struct Walk<'x, 'a> {
    reader: Reader<&'x [u8]>,
    part: &'a str,
    sheet: &'a str,
    strings: &'a [String],
    /// The row being read and the column the next cell without a
    /// reference is in (from 0).
    row: u32,
    column: u32,
    /// The last cell met, for messages.
    at: Option<(u32, u32)>,
    /// The cell's text, handed on.
    text: String,
    /// A `<v>` as written.
    raw: String,
}

impl Walk<'_, '_> {
    /// Reads up to `<sheetData>`: whether cells follow (not so after an
    /// empty `<sheetData/>`). A sheet whose root is no `<worksheet>` (a
    /// chart sheet) has no cells.
    fn find_sheet_data(&mut self) -> Result<bool, Stop> {
        let mut root = true;
        loop {
            let event = self.reader.read_event().map_err(|e| self.broken_xml(&e))?;
            match event {
                Event::Start(e) | Event::Empty(e) if root => {
                    if e.local_name().as_ref() != "worksheet" {
                        return Err(Stop::NotAWorksheet);
                    }
                    root = false;
                }
                Event::Start(e) if e.local_name().as_ref() == "sheetData" => return Ok(true),
                Event::Empty(e) if e.local_name().as_ref() == "sheetData" => return Ok(false),
                Event::Eof if root => return Err(self.broken("the part is empty")),
                Event::Eof => return Err(Stop::NotAWorksheet),
                _ => {}
            }
        }
    }

    fn row_start(&mut self, e: &BytesStart<'_>) -> Result<(), Stop> {
        for a in e.attributes().with_checks(false) {
            let a = a.map_err(|e| self.broken_xml(&e.into()))?;
            if a.key.local_name().as_ref() == "r" {
                let number = a
                    .value
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=MAX_ROWS).contains(n));
                let Some(number) = number else {
                    return Err(self.broken(&format!(
                        "row number “{}” is not one of 1 to {MAX_ROWS}",
                        a.value
                    )));
                };
                self.row = number - 1;
            }
        }
        self.column = 0;
        Ok(())
    }

    fn row_end(&mut self) {
        self.row = self.row.saturating_add(1);
        self.column = 0;
    }

    /// A cell's place (by its reference, else next to the cell before)
    /// and what its value is.
    fn cell_start(&mut self, e: &BytesStart<'_>) -> Result<(u32, u32, Kind), Stop> {
        let mut place = (self.row, self.column);
        let mut kind = Kind::Number { typed: false };
        for a in e.attributes().with_checks(false) {
            let a = a.map_err(|e| self.broken_xml(&e.into()))?;
            match a.key.local_name().as_ref() {
                "r" => {
                    place = cell_reference(a.value.as_bytes()).ok_or_else(|| {
                        self.broken(&format!(
                            "“{}” is no cell reference (A1 to XFD{MAX_ROWS})",
                            a.value
                        ))
                    })?;
                }
                "t" => {
                    kind = match a.value.as_ref() {
                        "n" => Kind::Number { typed: true },
                        "s" => Kind::Shared,
                        "inlineStr" | "is" => Kind::Inline,
                        "str" | "d" | "e" => Kind::Text,
                        "b" => Kind::Bool,
                        other => {
                            let other = other.to_owned();
                            self.at = Some(place);
                            return Err(self.broken(&format!("unknown cell type t=“{other}”")));
                        }
                    };
                }
                _ => {}
            }
        }
        if place.0 >= MAX_ROWS || place.1 >= MAX_COLUMNS {
            self.at = None;
            return Err(self.broken(&format!(
                "a cell past the sheet's last row or column (row {}, column {})",
                u64::from(place.0) + 1,
                u64::from(place.1) + 1
            )));
        }
        Ok((place.0, place.1, kind))
    }

    /// Reads the cell's elements up to `</c>` into `self.text`: whether
    /// the cell has a value (formulas count by their cached value).
    fn cell_value(&mut self, end: &str, kind: Kind) -> Result<bool, Stop> {
        let mut value = false;
        self.text.clear();
        loop {
            let event = self.reader.read_event().map_err(|e| self.broken_xml(&e))?;
            match event {
                Event::Start(e) if e.local_name().as_ref() == "v" && kind != Kind::Inline => {
                    self.raw.clear();
                    element_text(&mut self.reader, e.name().as_ref(), &mut self.raw)
                        .map_err(|e| self.broken_xml(&e))?;
                    value = self.value(kind)?;
                }
                Event::Start(e) if e.local_name().as_ref() == "is" => {
                    self.text.clear();
                    rich_text(&mut self.reader, e.name().as_ref(), &mut self.text)
                        .map_err(|e| self.broken_xml(&e))?;
                    value = true;
                }
                Event::Start(e) => {
                    self.reader
                        .read_to_end(e.name())
                        .map_err(|e| self.broken_xml(&e))?;
                }
                Event::End(e) if e.name().as_ref() == end => return Ok(value),
                Event::Eof => return Err(self.broken_xml(&unexpected_eof(end))),
                _ => {}
            }
        }
    }

    /// `self.raw`, a `<v>`, as the cell's text by its kind.
    fn value(&mut self, kind: Kind) -> Result<bool, Stop> {
        self.text.clear();
        match kind {
            Kind::Shared => {
                let raw = self.raw.trim();
                if raw.is_empty() {
                    return Ok(false);
                }
                let s = raw
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| self.strings.get(i))
                    .ok_or_else(|| {
                        self.broken(&format!(
                            "shared string {raw} is not in the table of {}",
                            self.strings.len()
                        ))
                    })?;
                self.text.push_str(s);
            }
            Kind::Number { typed } => {
                if self.raw.is_empty() {
                    return Ok(false);
                }
                if !number_text(&self.raw, &mut self.text) {
                    if typed {
                        return Err(self.broken(&format!("“{}” is not a number", short(&self.raw))));
                    }
                    self.text.push_str(&self.raw);
                }
            }
            Kind::Bool => match self.raw.trim() {
                "" => return Ok(false),
                "0" => self.text.push_str("false"),
                "1" => self.text.push_str("true"),
                other => self.text.push_str(&other.to_ascii_lowercase()),
            },
            Kind::Text => unescape_ooxml(&self.raw, &mut self.text),
            Kind::Inline => return Ok(false),
        }
        Ok(true)
    }

    fn broken_xml(&self, e: &quick_xml::Error) -> Stop {
        // Errors found past the tokenizer (an unknown entity) have no position of their own.
        let at = match self.reader.error_position() {
            0 => self.reader.buffer_position(),
            at => at,
        };
        self.broken(&format!("broken XML at byte {at} of {}: {e}", self.part))
    }

    /// `what` said with the sheet and the cell it is in or after.
    fn broken(&self, what: &str) -> Stop {
        let at = match self.at {
            Some((row, column)) => format!(
                ", cell {}{}",
                column_name(usize::try_from(column).unwrap_or(usize::MAX)),
                u64::from(row) + 1
            ),
            None => String::new(),
        };
        Stop::Broken(format!("sheet “{}”{at}: {what}", self.sheet))
    }
}

/// A value as echoed in a message: a runaway value is cut.
fn short(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX {
        value.to_owned()
    } else {
        value.chars().take(MAX).chain(['…']).collect()
    }
}
