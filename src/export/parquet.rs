//! Verdict rows (`export::verdicts`) as a Parquet file with typed columns:
//! text as UTF-8 strings, the visit date and an action's due date as DATE,
//! `critical` as a boolean, absent values as null; Snappy-compressed, with
//! dictionaries (a chain's set, sites and standards repeat on every row).
//!
//! The `parquet` crate's low-level column writers are used, not its Arrow
//! layer, so no Arrow crates are built. Rows are buffered per column and
//! written as a row group every [`ROW_GROUP_ROWS`] rows: memory stays
//! bounded however many visits a chain has.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::verdicts::{COLUMNS, Cell, ColumnType, Row};

/// Rows per row group: large enough for readers to scan quickly, small
/// enough that a group's buffered cells take some tens of megabytes.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// The Parquet schema of [`COLUMNS`], as Parquet's message syntax.
#[must_use]
pub fn schema_text() -> String {
    let mut text = String::from("message verdict {\n");
    for (name, kind) in COLUMNS {
        let field = match kind {
            ColumnType::Text => "required binary {} (STRING);",
            ColumnType::OptionalText => "optional binary {} (STRING);",
            ColumnType::Date => "required int32 {} (DATE);",
            ColumnType::OptionalDate => "optional int32 {} (DATE);",
            ColumnType::Boolean => "required boolean {};",
        };
        text.push_str("  ");
        text.push_str(&field.replace("{}", name));
        text.push('\n');
    }
    text.push('}');
    text
}

fn schema() -> Result<Type, ParquetError> {
    parquet::schema::parser::parse_message_type(&schema_text())
}

/// The buffered cells of one column in the row group being filled.
enum Buffer {
    Text {
        /// The texts present, one after another (a text repeated from the
        /// row before is not copied again): one allocation for the group,
        /// not one per cell.
        text: Vec<u8>,
        /// Each present value's start and length in `text`.
        spans: Vec<(usize, usize)>,
        /// Definition levels (1 present, 0 null) for a column that may be null.
        levels: Option<Vec<i16>>,
    },
    Date {
        days: Vec<i32>,
        levels: Option<Vec<i16>>,
    },
    Boolean(Vec<bool>),
}

impl Buffer {
    fn new(kind: ColumnType) -> Self {
        let levels = || Some(Vec::new());
        match kind {
            ColumnType::Text => Self::Text {
                text: Vec::new(),
                spans: Vec::new(),
                levels: None,
            },
            ColumnType::OptionalText => Self::Text {
                text: Vec::new(),
                spans: Vec::new(),
                levels: levels(),
            },
            ColumnType::Date => Self::Date {
                days: Vec::new(),
                levels: None,
            },
            ColumnType::OptionalDate => Self::Date {
                days: Vec::new(),
                levels: levels(),
            },
            ColumnType::Boolean => Self::Boolean(Vec::new()),
        }
    }

    fn push(&mut self, cell: &Cell<'_>) {
        fn level(levels: Option<&mut Vec<i16>>, present: bool) {
            if let Some(levels) = levels {
                levels.push(i16::from(present));
            }
        }
        match (self, cell) {
            (
                Self::Text {
                    text: all,
                    spans,
                    levels,
                },
                Cell::Text(text),
            ) => {
                // A required column given no text writes an empty string.
                let present = text.is_some() || levels.is_none();
                if present {
                    let bytes = text.unwrap_or_default().as_bytes();
                    let span = match spans.last() {
                        Some(&(start, len)) if &all[start..start + len] == bytes => (start, len),
                        _ => {
                            all.extend_from_slice(bytes);
                            (all.len() - bytes.len(), bytes.len())
                        }
                    };
                    spans.push(span);
                }
                level(levels.as_mut(), present);
            }
            (Self::Date { days, levels }, Cell::Date(date)) => {
                match date {
                    Some(d) => days.push(days_since_epoch(*d)),
                    None if levels.is_none() => days.push(0),
                    None => {}
                }
                level(levels.as_mut(), date.is_some());
            }
            (Self::Boolean(values), Cell::Boolean(b)) => values.push(*b),
            // COLUMNS and the rows are made together; a mismatch is a bug.
            _ => unreachable!("a cell of the wrong type for its column"),
        }
    }

    fn write(&mut self, writer: &mut ColumnWriter<'_>) -> Result<(), ParquetError> {
        match (self, writer) {
            (
                Self::Text {
                    text,
                    spans,
                    levels,
                },
                ColumnWriter::ByteArrayColumnWriter(w),
            ) => {
                // One buffer for the group; each value a view into it.
                let all = ByteArray::from(std::mem::take(text));
                let values: Vec<ByteArray> = spans
                    .iter()
                    .map(|&(start, len)| all.slice(start, len))
                    .collect();
                w.write_batch(&values, levels.as_deref(), None)?;
                spans.clear();
                if let Some(l) = levels {
                    l.clear();
                }
            }
            (Self::Date { days, levels }, ColumnWriter::Int32ColumnWriter(w)) => {
                w.write_batch(days, levels.as_deref(), None)?;
                days.clear();
                if let Some(l) = levels {
                    l.clear();
                }
            }
            (Self::Boolean(values), ColumnWriter::BoolColumnWriter(w)) => {
                w.write_batch(values, None, None)?;
                values.clear();
            }
            _ => {
                return Err(ParquetError::General(
                    "a column's writer does not match its type".into(),
                ));
            }
        }
        Ok(())
    }
}

/// Days from 1970-01-01 to `date`, as Parquet's DATE counts them.
#[must_use]
pub fn days_since_epoch(date: jiff::civil::Date) -> i32 {
    let epoch = jiff::civil::date(1970, 1, 1);
    // Both dates are in jiff's range, so the difference always exists.
    date.since((jiff::Unit::Day, epoch))
        .map_or(0, |span| span.get_days())
}

/// Writes verdict rows to a Parquet file as they come.
pub struct ParquetWriter<W: Write + Send> {
    file: SerializedFileWriter<W>,
    buffers: Vec<Buffer>,
    buffered: usize,
    rows: usize,
}

impl<W: Write + Send> ParquetWriter<W> {
    /// Starts a file on `out`.
    ///
    /// # Errors
    /// The schema cannot be made (a bug) or `out` fails.
    pub fn new(out: W) -> Result<Self, ParquetError> {
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("servstd {}", env!("CARGO_PKG_VERSION")))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build();
        let file = SerializedFileWriter::new(out, Arc::new(schema()?), Arc::new(properties))?;
        Ok(Self {
            file,
            buffers: COLUMNS.iter().map(|(_, kind)| Buffer::new(*kind)).collect(),
            buffered: 0,
            rows: 0,
        })
    }

    /// Appends a row; every [`ROW_GROUP_ROWS`] rows a row group is written.
    ///
    /// # Errors
    /// Writing a row group failed.
    pub fn push(&mut self, row: &Row<'_>) -> Result<(), ParquetError> {
        for (buffer, cell) in self.buffers.iter_mut().zip(row) {
            buffer.push(cell);
        }
        self.buffered += 1;
        self.rows += 1;
        if self.buffered >= ROW_GROUP_ROWS {
            self.flush_group()?;
        }
        Ok(())
    }

    /// The rows pushed so far.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows
    }

    fn flush_group(&mut self) -> Result<(), ParquetError> {
        if self.buffered == 0 {
            return Ok(());
        }
        let mut group = self.file.next_row_group()?;
        let mut buffers = self.buffers.iter_mut();
        while let Some(mut column) = group.next_column()? {
            let Some(buffer) = buffers.next() else {
                return Err(ParquetError::General("more columns than buffers".into()));
            };
            buffer.write(column.untyped())?;
            column.close()?;
        }
        group.close()?;
        self.buffered = 0;
        Ok(())
    }

    /// Writes the last row group and the footer, and gives the output back.
    ///
    /// # Errors
    /// Writing failed.
    pub fn finish(mut self) -> Result<W, ParquetError> {
        self.flush_group()?;
        self.file.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_from_1970() {
        assert_eq!(days_since_epoch(jiff::civil::date(1970, 1, 1)), 0);
        assert_eq!(days_since_epoch(jiff::civil::date(1970, 2, 1)), 31);
        assert_eq!(days_since_epoch(jiff::civil::date(2026, 12, 4)), 20_791);
        assert_eq!(days_since_epoch(jiff::civil::date(1969, 12, 31)), -1);
    }

    #[test]
    fn the_schema_parses_with_every_column() {
        let schema = schema().unwrap();
        assert_eq!(schema.get_fields().len(), COLUMNS.len());
    }
}
