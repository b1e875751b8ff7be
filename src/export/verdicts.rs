//! One row per verdict of a chain's visits, for data tools past one machine
//! (duckdb, Spark, Power BI): the columns and their types, the rows of one
//! visit, and the CSV form. The Parquet form is `export::parquet`.
//!
//! Column names and coded values (`pass`, `follow-up`, `procedure`) are a
//! data schema, the same whatever the language of the person exporting, so
//! a query written once works on every chain's file; the texts (standard,
//! contact point, note) stay as written in the set and the record.

use std::io::{self, Write};

use jiff::civil::Date;

use crate::core::inspection::actions::Action;
use crate::core::inspection::{Inspection, Verdict};
use crate::core::model::{Monitoring, StandardKind, StandardsSet};

/// The type a column has in Parquet (CSV writes every one as text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text, never null.
    Text,
    /// UTF-8 text or null (no region, no note, no action).
    OptionalText,
    /// A calendar date (Parquet's DATE: days since 1970-01-01), never null.
    Date,
    /// A date or null (no action).
    OptionalDate,
    Boolean,
}

/// The columns, in order: name and type.
pub const COLUMNS: [(&str, ColumnType); 22] = [
    ("set", ColumnType::Text),
    ("revision", ColumnType::Text),
    ("site_id", ColumnType::OptionalText),
    ("site_name", ColumnType::Text),
    ("region", ColumnType::OptionalText),
    ("inspector", ColumnType::Text),
    ("visit_date", ColumnType::Date),
    ("visit_kind", ColumnType::Text),
    ("method", ColumnType::Text),
    ("contact_point_id", ColumnType::OptionalText),
    ("contact_point", ColumnType::OptionalText),
    ("step", ColumnType::OptionalText),
    ("factor", ColumnType::OptionalText),
    ("standard_id", ColumnType::Text),
    ("standard", ColumnType::OptionalText),
    ("kind", ColumnType::OptionalText),
    ("critical", ColumnType::Boolean),
    ("verdict", ColumnType::Text),
    ("note", ColumnType::OptionalText),
    ("action_status", ColumnType::OptionalText),
    ("action_due", ColumnType::OptionalDate),
    ("record", ColumnType::Text),
];

/// The site of a visit as the register has it; `id` and `region` are
/// `None` for a record that names no registered site (the name is then the
/// record's own text).
#[derive(Clone, Copy, Debug, Default)]
pub struct SiteColumns<'a> {
    pub id: Option<&'a str>,
    pub name: &'a str,
    pub region: Option<&'a str>,
}

/// One visit, with what its rows need beside the record.
#[derive(Clone, Copy, Debug)]
pub struct Visit<'a> {
    pub set: &'a StandardsSet,
    pub inspection: &'a Inspection,
    /// The record's corrective actions (its actions file).
    pub actions: &'a [Action],
    pub site: SiteColumns<'a>,
    /// The record's file, relative to the folder exported (forward slashes).
    pub record: &'a str,
}

/// A cell: what a column holds in one row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    Text(Option<&'a str>),
    Date(Option<Date>),
    Boolean(bool),
}

/// One row, in the order of [`COLUMNS`].
pub type Row<'a> = [Cell<'a>; COLUMNS.len()];

/// `Verdict` as the file codes it: `pass`, `fail`, `n/a`, `not checked`.
#[must_use]
pub fn verdict_code(verdict: Verdict) -> &'static str {
    verdict.code()
}

#[must_use]
pub fn kind_code(kind: StandardKind) -> &'static str {
    match kind {
        StandardKind::Product => "product",
        StandardKind::Procedure => "procedure",
        StandardKind::Personal => "personal",
    }
}

#[must_use]
pub fn method_code(method: Monitoring) -> &'static str {
    match method {
        Monitoring::SupervisorPatrol => "supervisor-patrol",
        Monitoring::MysteryShopping => "mystery-shopping",
        Monitoring::OperationalData => "operational-data",
        Monitoring::CustomerSurvey => "customer-survey",
    }
}

/// `full`, `partial` (standards in scope left unchecked) or `follow-up`.
#[must_use]
pub fn visit_kind(set: &StandardsSet, inspection: &Inspection) -> &'static str {
    if inspection.is_follow_up() {
        return "follow-up";
    }
    let entries = inspection.entries();
    let unchecked = set.standards().any(|(at, s)| {
        inspection.in_scope(&at.contact_point.id)
            && inspection.checks(&s.id)
            && entries
                .get(s.id.as_str())
                .is_none_or(|e| e.verdict == Verdict::NotChecked)
    });
    if unchecked { "partial" } else { "full" }
}

fn some(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// Calls `each` with every row of one visit: one per standard the visit
/// checks (in scope, and among those a follow-up checks), in the set's
/// order, a standard without a verdict as `not checked`; then one per
/// verdict on an ID the set lacks, with the set's columns null.
pub fn visit_rows<E>(
    visit: &Visit<'_>,
    mut each: impl FnMut(&Row<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let i = visit.inspection;
    let entries = i.entries();
    let kind = visit_kind(visit.set, i);
    let date = i.when.date();
    // The latest action raised on a standard is the one whose status counts.
    let action_of = |standard: &str| visit.actions.iter().rev().find(|a| a.standard == standard);
    let mut emit = |cp: [Option<&str>; 4],
                    standard_id: &str,
                    text: Option<&str>,
                    kind_cell: Option<&str>,
                    critical: bool|
     -> Result<(), E> {
        let entry = entries.get(standard_id);
        let verdict = entry.map_or(Verdict::NotChecked, |e| e.verdict);
        let action = action_of(standard_id);
        let row: Row<'_> = [
            Cell::Text(Some(&i.standards.title)),
            Cell::Text(Some(&i.standards.revision)),
            Cell::Text(visit.site.id),
            Cell::Text(Some(visit.site.name)),
            Cell::Text(visit.site.region),
            Cell::Text(Some(&i.inspector)),
            Cell::Date(Some(date)),
            Cell::Text(Some(kind)),
            Cell::Text(Some(method_code(i.method))),
            Cell::Text(cp[0]),
            Cell::Text(cp[1]),
            Cell::Text(cp[2]),
            Cell::Text(cp[3]),
            Cell::Text(Some(standard_id)),
            Cell::Text(text),
            Cell::Text(kind_cell),
            Cell::Boolean(critical),
            Cell::Text(Some(verdict_code(verdict))),
            Cell::Text(entry.and_then(|e| some(&e.note))),
            Cell::Text(action.map(|a| a.status.key())),
            Cell::Date(action.map(|a| a.due)),
            Cell::Text(Some(visit.record)),
        ];
        each(&row)
    };
    for (at, s) in visit.set.standards() {
        if !i.in_scope(&at.contact_point.id) || !i.checks(&s.id) {
            continue;
        }
        emit(
            [
                Some(&at.contact_point.id),
                Some(&at.contact_point.name),
                Some(&at.step.name),
                Some(&at.factor.name),
            ],
            &s.id,
            Some(&s.text),
            Some(kind_code(s.kind)),
            s.critical,
        )?;
    }
    let known: std::collections::HashSet<&str> =
        visit.set.standards().map(|(_, s)| s.id.as_str()).collect();
    for e in &i.verdicts {
        if !known.contains(e.standard.as_str()) {
            emit([None; 4], &e.standard, None, None, false)?;
        }
    }
    Ok(())
}

/// A CSV writer of verdict rows: UTF-8 with a byte-order mark (so Excel
/// reads Chinese), a header of the column names, CRLF line ends, dates as
/// `YYYY-MM-DD`, booleans as `true`/`false`, null as an empty cell, and
/// every text cell neutralised against formulas as the other CSV exports.
/// Rows are written as they come, so a million of them never sit in memory.
pub struct CsvWriter<W: Write> {
    writer: ::csv::Writer<W>,
    rows: usize,
}

impl<W: Write> CsvWriter<W> {
    /// Writes the byte-order mark and the header.
    ///
    /// # Errors
    /// Any I/O error of `out`.
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(COLUMNS.iter().map(|(name, _)| name))?;
        Ok(Self { writer, rows: 0 })
    }

    /// Appends one row.
    ///
    /// # Errors
    /// Any I/O error.
    pub fn push(&mut self, row: &Row<'_>) -> io::Result<()> {
        let mut date = String::new();
        for cell in row {
            match cell {
                Cell::Text(text) => self
                    .writer
                    .write_field(super::csv::neutralise(text.unwrap_or_default()).as_bytes())?,
                Cell::Date(d) => {
                    date.clear();
                    if let Some(d) = d {
                        date.push_str(&d.to_string());
                    }
                    self.writer.write_field(&date)?;
                }
                Cell::Boolean(b) => self.writer.write_field(if *b { "true" } else { "false" })?,
            }
        }
        self.writer.write_record(None::<&[u8]>)?;
        self.rows += 1;
        Ok(())
    }

    /// The rows written so far.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Flushes and gives the output back.
    ///
    /// # Errors
    /// Any I/O error.
    pub fn finish(self) -> io::Result<W> {
        self.writer
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::inspection::{Entry, sample_inspections};

    fn rows_of(set: &StandardsSet, i: &Inspection) -> Vec<Vec<String>> {
        let visit = Visit {
            set,
            inspection: i,
            actions: &[],
            site: SiteColumns {
                id: Some("SH-01"),
                name: "悦味餐厅 徐汇店",
                region: Some("上海"),
            },
            record: "a.inspection.ron",
        };
        let mut out = Vec::new();
        visit_rows(&visit, |row| {
            out.push(
                row.iter()
                    .map(|c| match c {
                        Cell::Text(t) => t.unwrap_or("∅").to_owned(),
                        Cell::Date(d) => d.map_or("∅".to_owned(), |d| d.to_string()),
                        Cell::Boolean(b) => b.to_string(),
                    })
                    .collect(),
            );
            Ok::<(), ()>(())
        })
        .unwrap();
        out
    }

    #[test]
    fn a_row_per_standard_checked_then_per_unknown_id_with_the_visit_kind() {
        let set = crate::core::templates::default_sample();
        let mut record = sample_inspections().remove(0);
        let all = rows_of(&set, &record);
        assert_eq!(all.len(), record.standards_in_scope(&set).len());
        assert!(all.iter().all(|r| r.len() == COLUMNS.len()));
        // A verdict on an ID the set lacks is a row with the set's columns null.
        record.verdicts.push(Entry {
            standard: "S-999".into(),
            verdict: Verdict::Fail,
            note: "=HYPERLINK(\"x\")".into(),
            evidence: None,
            photos: Vec::new(),
        });
        let rows = rows_of(&set, &record);
        let last = rows.last().unwrap();
        assert_eq!(last[13], "S-999");
        assert_eq!(last[9], "∅", "no contact point");
        assert_eq!(last[17], "fail");
        // A follow-up checks only what it names.
        record.check_only(&["S-1".to_owned(), "S-2".to_owned()]);
        let follow_up = rows_of(&set, &record);
        assert_eq!(follow_up.len(), 3, "two standards and the unknown ID");
        assert!(follow_up.iter().all(|r| r[7] == "follow-up"));
        // A full visit with a standard left unchecked is partial.
        let mut partial = sample_inspections().remove(0);
        partial.verdicts.remove(0);
        assert_eq!(visit_kind(&set, &partial), "partial");
    }

    #[test]
    fn csv_rows_have_the_header_dates_booleans_and_no_formulas() {
        let set = crate::core::templates::default_sample();
        let mut record = sample_inspections().remove(0);
        record.verdicts[0].note = "=cmd|' /C calc'!A0".into();
        let mut csv = CsvWriter::new(Vec::new()).unwrap();
        let visit = Visit {
            set: &set,
            inspection: &record,
            actions: &[],
            site: SiteColumns::default(),
            record: "a.inspection.ron",
        };
        visit_rows(&visit, |row| csv.push(row)).unwrap();
        let rows = csv.rows();
        let text = String::from_utf8(csv.finish().unwrap()).unwrap();
        assert!(text.starts_with("\u{feff}set,revision,site_id,"));
        assert_eq!(text.lines().count(), rows + 1);
        let first = text.lines().nth(1).unwrap();
        assert!(first.contains(&record.when.date().to_string()), "{first}");
        assert!(first.contains(",true,") || first.contains(",false,"));
        assert!(text.contains("'=cmd"), "a formula is neutralised");
    }
}
