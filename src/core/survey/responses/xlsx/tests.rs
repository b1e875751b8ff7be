//! The XLSX reader on workbooks written by hand, part by part: the forms
//! cells take (shared and inline strings, numbers as numbers and as text,
//! empty cells, sparse rows, cells and rows without references), the
//! quick pass and the full XML reader agreeing on every one, and broken or
//! hostile workbooks refused with their file, sheet and cell.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use super::cell::{Sink, Stop};
use super::sheet;
use super::{ResponsesError, parse_xlsx};
use crate::core::model::StandardsSet;
use crate::core::survey::plan::SurveyPlan;
use crate::core::survey::questionnaire::Questionnaire;
use crate::core::survey::responses::{Problem, Responses};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A zip of `parts` (name, text), deflated.
fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The parts of a workbook whose one sheet, “Responses”, has `data`
/// inside its `<sheetData>`, with the shared strings `strings`.
fn parts(data: &str, strings: &[&str]) -> Vec<(&'static str, String)> {
    let mut items = String::new();
    for s in strings {
        let _ = write!(items, "<si><t xml:space=\"preserve\">{s}</t></si>");
    }
    vec![
        (
            "_rels/.rels",
            format!(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/>\
                 </Relationships>"
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                "<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets>\
                 <sheet name=\"Responses\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
                 <Relationship Id=\"rId2\" Type=\"{REL}/sharedStrings\" Target=\"sharedStrings.xml\"/>\
                 </Relationships>"
            ),
        ),
        (
            "xl/sharedStrings.xml",
            format!(
                "<sst xmlns=\"{MAIN}\" count=\"{0}\" uniqueCount=\"{0}\">{items}</sst>",
                strings.len()
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
                 <worksheet xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><dimension ref=\"A1:C3\"/>\
                 <sheetData>{data}</sheetData></worksheet>"
            ),
        ),
    ]
}

fn book(data: &str, strings: &[&str]) -> Vec<u8> {
    zip_of(&parts(data, strings))
}

fn questionnaire() -> (Questionnaire, SurveyPlan) {
    let set: StandardsSet = crate::core::storage::parse(include_str!(
        "../../../../../standards/restaurant.standards.ron"
    ))
    .unwrap();
    let plan = SurveyPlan::default();
    (Questionnaire::new(&set, &plan, &[]), plan)
}

fn read(bytes: &[u8]) -> Result<Responses, ResponsesError> {
    let (q, plan) = questionnaire();
    parse_xlsx(bytes, Path::new("answers.xlsx"), &q, &plan)
}

fn error(bytes: &[u8]) -> String {
    match read(bytes) {
        Ok(r) => panic!("read: {r:?}"),
        Err(e) => e.to_string(),
    }
}

/// Cells as `(row, column, text)`.
type Grid = Vec<(u32, u32, String)>;

/// The cells as the sheet walk hands them on.
#[derive(Default)]
struct Cells(Vec<(u32, u32, String)>, usize);

impl Sink for Cells {
    fn cell(&mut self, row: u32, column: u32, text: &mut String) -> Result<(), Stop> {
        self.0.push((row, column, std::mem::take(text)));
        Ok(())
    }
    fn restart(&mut self) {
        self.0.clear();
        self.1 += 1;
    }
}

/// The cells of `data` with the shared strings `strings`, and whether the
/// quick pass took them (no restart).
fn cells(data: &str, strings: &[&str]) -> (Result<Grid, Stop>, bool) {
    let xml = format!("<worksheet xmlns=\"{MAIN}\"><sheetData>{data}</sheetData></worksheet>");
    let strings: Vec<String> = strings.iter().map(|s| (*s).to_owned()).collect();
    let mut sink = Cells::default();
    let got = sheet::cells(
        xml.as_bytes(),
        "sheet1.xml",
        "Responses",
        &strings,
        &mut sink,
    );
    (got.map(|()| sink.0), sink.1 == 0)
}

/// The cells of `data`, checked to be the same by the quick pass and the
/// full reader (a comment first sends the sheet to the full reader).
fn agreed(data: &str, strings: &[&str]) -> (Grid, bool) {
    let (quick, took) = cells(data, strings);
    let (full, full_took) = cells(&format!("<!-- full -->{data}"), strings);
    assert!(!full_took, "a comment is for the full reader");
    assert_eq!(quick, full, "{data}");
    (quick.unwrap(), took)
}

fn cell(row: u32, column: u32, text: &str) -> (u32, u32, String) {
    (row, column, text.to_owned())
}

#[test]
fn excel_rows_are_read_by_the_quick_pass() {
    // As Excel writes them: spans, a prefixed attribute, styles, shared strings.
    let data = "<row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\">\
                <c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"2\" t=\"s\"><v>1</v></c></row>\
                <row r=\"2\" spans=\"1:3\"><c r=\"A2\" t=\"s\"><v>2</v></c>\
                <c r=\"B2\" s=\"1\"><v>4</v></c><c r=\"C2\"><v>4.0</v></c></row>";
    let (got, took) = agreed(data, &["RESPONDENT", "KF-1.imp", "R1"]);
    assert!(took, "the quick pass took Excel's form");
    assert_eq!(
        got,
        [
            cell(0, 0, "RESPONDENT"),
            cell(0, 1, "KF-1.imp"),
            cell(1, 0, "R1"),
            cell(1, 1, "4"),
            cell(1, 2, "4"),
        ]
    );
}

#[test]
fn every_form_of_cell_reads_the_same_by_both_readers() {
    let strings = ["a", "b & c", "4"];
    for (data, expected) in [
        // Numbers stored as numbers, whole or not, and as text.
        (
            "<row r=\"3\"><c r=\"B3\"><v>5</v></c><c r=\"C3\"><v>4.5</v></c>\
             <c r=\"D3\" t=\"n\"><v>1E1</v></c><c r=\"E3\" t=\"s\"><v>2</v></c>\
             <c r=\"F3\" t=\"str\"><v>3</v></c><c r=\"G3\" t=\"inlineStr\"><is><t>2</t></is></c></row>",
            vec![
                cell(2, 1, "5"),
                cell(2, 2, "4.5"),
                cell(2, 3, "10"),
                cell(2, 4, "4"),
                cell(2, 5, "3"),
                cell(2, 6, "2"),
            ],
        ),
        // Empty cells and cells with no value are no cells; sparse rows keep their numbers.
        (
            "<row r=\"1\"><c r=\"A1\"/><c r=\"B1\" s=\"3\"></c><c r=\"C1\"><v></v></c></row>\
             <row r=\"7\"><c r=\"AA7\" t=\"s\"><v>0</v></c></row><row r=\"9\"/>",
            vec![cell(6, 26, "a")],
        ),
        // Rows and cells without references follow the ones before.
        (
            "<row><c><v>1</v></c><c><v>2</v></c></row><row><c r=\"C2\"><v>3</v></c><c><v>4</v></c></row>",
            vec![
                cell(0, 0, "1"),
                cell(0, 1, "2"),
                cell(1, 2, "3"),
                cell(1, 3, "4"),
            ],
        ),
        // Entities, a CDATA section, rich and phonetic runs, OOXML escapes.
        (
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"B1\" t=\"str\"><v>x &amp; y</v></c>\
             <c r=\"C1\" t=\"inlineStr\"><is><r><t>ric</t></r><r><t xml:space=\"preserve\">h </t></r>\
             <rPh><t>ふりがな</t></rPh></is></c><c r=\"D1\" t=\"str\"><v><![CDATA[<5>]]></v></c>\
             <c r=\"E1\" t=\"str\"><v>a_x000D_b</v></c></row>",
            vec![
                cell(0, 0, "b & c"),
                cell(0, 1, "x & y"),
                cell(0, 2, "rich "),
                cell(0, 3, "<5>"),
                cell(0, 4, "a\rb"),
            ],
        ),
        // Formulas by their cached value; booleans, errors, dates as text.
        (
            "<row r=\"1\"><c r=\"A1\"><f>2+2</f><v>4</v></c><c r=\"B1\" t=\"b\"><v>1</v></c>\
             <c r=\"C1\" t=\"e\"><v>#N/A</v></c><c r=\"D1\" t=\"d\"><v>2026-09-01</v></c></row>",
            vec![
                cell(0, 0, "4"),
                cell(0, 1, "true"),
                cell(0, 2, "#N/A"),
                cell(0, 3, "2026-09-01"),
            ],
        ),
        // A namespace prefix on every element (some writers use x:).
        (
            "<x:row r=\"2\"><x:c r=\"B2\"><x:v>3</x:v></x:c></x:row>",
            vec![cell(1, 1, "3")],
        ),
        // Text where a number is expected, with no type: kept as text.
        (
            "<row r=\"1\"><c r=\"A1\"><v>four</v></c></row>",
            vec![cell(0, 0, "four")],
        ),
    ] {
        let (got, _) = agreed(data, &strings);
        assert_eq!(got, expected, "{data}");
    }
}

#[test]
fn a_workbook_of_responses_reads_with_its_problems_on_their_rows() {
    let (q, _) = questionnaire();
    let ids = q.column_ids();
    let mut strings: Vec<&str> = ids.iter().map(String::as_str).collect();
    let base = strings.len();
    strings.extend(["R1", "R2", "good"]);
    let mut header = String::new();
    for i in 0..ids.len() {
        let column = crate::core::survey::responses::column_name(i);
        let _ = write!(header, "<c r=\"{column}1\" t=\"s\"><v>{i}</v></c>");
    }
    // Row 2: R1, KF-1.imp 4 as a number, KF-1.sat "4" as an inline string.
    // Row 3 is empty; row 5: R2, KF-1.imp "good", KF-1.sat 9.
    let data = format!(
        "<row r=\"1\">{header}</row>\
         <row r=\"2\"><c r=\"A2\" t=\"s\"><v>{base}</v></c><c r=\"D2\"><v>4</v></c>\
         <c r=\"E2\" t=\"inlineStr\"><is><t>4</t></is></c></row><row r=\"3\"/>\
         <row r=\"5\"><c r=\"A5\" t=\"s\"><v>{}</v></c><c r=\"D5\" t=\"s\"><v>{}</v></c>\
         <c r=\"E5\"><v>9</v></c></row>",
        base + 1,
        base + 2
    );
    let got = read(&book(&data, &strings)).unwrap();
    let rows: Vec<(usize, &str)> = got
        .rows
        .iter()
        .map(|r| (r.row, r.respondent.as_str()))
        .collect();
    assert_eq!(rows, [(2, "R1"), (5, "R2")]);
    assert_eq!(
        (got.rows[0].importance[0], got.rows[0].satisfaction[0]),
        (4, 4)
    );
    let lost: Vec<(usize, Option<usize>, Problem)> = got
        .losses()
        .map(|i| (i.row, i.column, i.problem.clone()))
        .collect();
    assert_eq!(
        lost,
        [
            (
                5,
                Some(3),
                Problem::NotAScore {
                    value: "good".into()
                }
            ),
            (
                5,
                Some(4),
                Problem::OutOfRange {
                    value: "9".into(),
                    min: 1,
                    max: 5
                }
            ),
        ]
    );
    // The same rows stored last first read the same.
    let reversed = format!(
        "<row r=\"5\">{}</row><row r=\"2\">{}</row><row r=\"1\">{header}</row>",
        data.split("<row r=\"5\">")
            .nth(1)
            .unwrap()
            .trim_end_matches("</row>"),
        data.split("<row r=\"2\">")
            .nth(1)
            .unwrap()
            .split("</row>")
            .next()
            .unwrap(),
    );
    let again = read(&book(&reversed, &strings)).unwrap();
    assert_eq!((again.rows, again.issues), (got.rows, got.issues));
}

#[test]
fn a_broken_sheet_is_said_with_its_file_sheet_and_cell() {
    let strings = ["a"];
    for (data, said) in [
        (
            "<row r=\"1\"><c r=\"B2\"><v>1</v></c><c r=\"C2\"><v>2</c></row>",
            "cell C2",
        ),
        (
            "<row r=\"1\"><c r=\"B2\" t=\"s\"><v>7</v></c></row>",
            "cell B2: shared string 7 is not in the table of 1",
        ),
        (
            "<row r=\"1\"><c r=\"B0\"><v>1</v></c></row>",
            "“B0” is no cell reference",
        ),
        (
            "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>",
            "“XFE1” is no cell reference",
        ),
        ("<row r=\"0\"><c><v>1</v></c></row>", "row number “0”"),
        (
            "<row r=\"1\"><c r=\"A1\" t=\"n\"><v>four</v></c></row>",
            "cell A1: “four” is not a number",
        ),
        (
            "<row r=\"1\"><c r=\"A1\" t=\"q\"><v>1</v></c></row>",
            "cell A1: unknown cell type t=“q”",
        ),
        (
            "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>&lol;</v></c></row>",
            "cell A1",
        ),
        (
            "<row r=\"1\"><c r=\"A1\"><v>1</v></c>",
            "the sheet ends inside its <sheetData>",
        ),
    ] {
        // The sheet data is cut where it is broken: no </sheetData> after it.
        let bytes = if said.contains("ends inside") {
            let mut p = parts("", &strings);
            p[4].1 = format!("<worksheet xmlns=\"{MAIN}\"><sheetData>{data}");
            zip_of(&p)
        } else {
            book(data, &strings)
        };
        let message = error(&bytes);
        assert!(
            message.starts_with("answers.xlsx: sheet “Responses”"),
            "{message}"
        );
        assert!(message.contains(said), "{said}\n{message}");
    }
}

#[test]
fn a_broken_workbook_is_refused_with_a_message_not_a_panic() {
    let good = book(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
        &["RESPONDENT"],
    );
    // Not a zip; a zip cut short; a zip of no workbook.
    assert!(error(b"PK\x03\x04 not really").starts_with("answers.xlsx: "));
    assert!(error(&good[..good.len() / 2]).starts_with("answers.xlsx: "));
    let none = zip_of(&[("hello.txt", "hi".to_owned())]);
    assert!(
        error(&none).contains("no xl/workbook.xml"),
        "{}",
        error(&none)
    );
    // Broken XML in the shared strings, the workbook, its relationships.
    for (at, text, said) in [
        (
            3,
            "<sst><si><t>a</si></sst>",
            "xl/sharedStrings.xml: broken XML",
        ),
        (
            1,
            "<workbook><sheets><sheet name=\"S\" r:id=\"rId9\"/></sheets></workbook>",
            "no relationship rId9",
        ),
        (
            1,
            "<workbook><sheets></sheets></workbook>",
            "the workbook has no sheet",
        ),
        (
            2,
            "<Relationships><Relationship Id=\"rId1\" Target=\"a\"></Relationships>",
            "broken XML",
        ),
    ] {
        let mut p = parts("", &[]);
        p[at].1 = text.to_owned();
        let message = error(&zip_of(&p));
        assert!(message.contains(said), "{said}\n{message}");
    }
    // The sheet's part missing.
    let mut p = parts("", &[]);
    p.remove(4);
    assert!(error(&zip_of(&p)).contains("the zip has no xl/worksheets/sheet1.xml"));
    // A chart sheet first, and a sheet with no rows: no header.
    let mut p = parts("", &[]);
    p[4].1 = "<chartsheet xmlns=\"x\"><sheetPr/></chartsheet>".to_owned();
    assert!(matches!(
        read(&zip_of(&p)),
        Err(ResponsesError::NoHeader { .. })
    ));
    let mut p = parts("", &[]);
    p[4].1 = format!("<worksheet xmlns=\"{MAIN}\"><sheetData/></worksheet>");
    assert!(matches!(
        read(&zip_of(&p)),
        Err(ResponsesError::NoHeader { .. })
    ));
}

#[test]
fn parts_are_found_as_the_relationships_say_and_whatever_their_case() {
    let mut p = parts(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>",
        &["RESPONDENT", "R1"],
    );
    // The workbook elsewhere, named by _rels/.rels; the sheet by an absolute target.
    p[0].1 = p[0].1.replace("xl/workbook.xml", "/Book/main.xml");
    p[1].0 = "Book/main.xml";
    p[2].0 = "Book/_rels/main.xml.rels";
    p[2].1 = p[2]
        .1
        .replace("worksheets/sheet1.xml", "/XL/Worksheets/Sheet1.xml")
        .replace("sharedStrings.xml", "../xl/./sharedStrings.xml");
    let got = read(&zip_of(&p)).unwrap();
    assert_eq!(got.rows.len(), 1);
    assert_eq!(got.rows[0].respondent, "R1");
}

#[test]
fn huge_claims_are_refused_before_they_cost_memory() {
    // A cell at the sheet's far corner: a rectangle of 17 billion cells.
    let data = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>\
                <row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>";
    assert!(matches!(
        read(&book(data, &["RESPONDENT"])),
        Err(ResponsesError::TooManyCells { .. })
    ));
    // A row past the sheet's last.
    let message = error(&book("<row r=\"99999999\"><c><v>1</v></c></row>", &[]));
    assert!(
        message.contains("row number “99999999” is not one of 1 to 1048576"),
        "{message}"
    );
    // Deep nesting inside a cell is passed over, not recursed into.
    let deep = format!(
        "<row r=\"1\"><c r=\"A1\"><x>{}{}</x><v>1</v></c></row>",
        "<y>".repeat(10_000),
        "</y>".repeat(10_000)
    );
    let (got, _) = agreed(&deep, &[]);
    assert_eq!(got, [cell(0, 0, "1")]);
}

#[test]
fn a_part_that_unpacks_past_what_its_zip_entry_declares_is_refused() {
    let mut data = String::new();
    for r in 1..=2000 {
        let _ = write!(data, "<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>");
    }
    let mut bytes = book(&data, &[]);
    // Declare the sheet 100 bytes long, in its local header and in the
    // central directory.
    let name = b"xl/worksheets/sheet1.xml";
    let mut patched = 0;
    for at in 0..bytes.len() - name.len() {
        if &bytes[at..at + name.len()] != name {
            continue;
        }
        let (size_at, header) = if at >= 30 && bytes[at - 30..at - 26] == *b"PK\x03\x04" {
            (at - 30 + 22, true)
        } else if at >= 46 && bytes[at - 46..at - 42] == *b"PK\x01\x02" {
            (at - 46 + 24, false)
        } else {
            continue;
        };
        let _ = header;
        bytes[size_at..size_at + 4].copy_from_slice(&100u32.to_le_bytes());
        patched += 1;
    }
    assert_eq!(patched, 2);
    let message = error(&bytes);
    assert!(message.contains("declared"), "{message}");
}

mod quick_and_full {
    use proptest::prelude::*;

    /// A cell in one of the forms a sheet may hold, right or wrong.
    fn cell() -> impl Strategy<Value = String> {
        let reference = prop_oneof![
            Just(String::new()),
            (0u32..30, 1u32..6).prop_map(|(c, r)| format!(
                " r=\"{}{r}\"",
                crate::core::survey::responses::column_name(c as usize)
            )),
            Just(" r=\"B0\"".to_owned()),
        ];
        let kind = prop_oneof![
            Just(""),
            Just(" t=\"n\""),
            Just(" t=\"s\""),
            Just(" t=\"str\""),
            Just(" t=\"b\""),
            Just(" t=\"e\""),
            Just(" s=\"3\""),
        ];
        let value = prop_oneof![
            Just("<v>4</v>".to_owned()),
            Just("<v>04</v>".to_owned()),
            Just("<v>4.0</v>".to_owned()),
            Just("<v>-0</v>".to_owned()),
            Just("<v>1e400</v>".to_owned()),
            Just("<v>1</v>".to_owned()),
            Just("<v>9</v>".to_owned()),
            Just("<v> 2 </v>".to_owned()),
            Just("<v>abc</v>".to_owned()),
            Just("<v></v>".to_owned()),
            Just("<v>a &amp; b</v>".to_owned()),
            Just(String::new()),
            Just("<f>A1</f><v>3</v>".to_owned()),
            Just("<is><t>x</t></is>".to_owned()),
        ];
        (reference, kind, value, any::<bool>()).prop_map(|(r, t, v, empty)| {
            if empty && v.is_empty() {
                format!("<c{r}{t}/>")
            } else {
                format!("<c{r}{t}>{v}</c>")
            }
        })
    }

    fn row() -> impl Strategy<Value = String> {
        (
            prop_oneof![
                Just(String::new()),
                (1u32..8).prop_map(|r| format!(" r=\"{r}\""))
            ],
            proptest::collection::vec(cell(), 0..5),
            any::<bool>(),
        )
            .prop_map(|(r, cells, space)| {
                let gap = if space { "\n  " } else { "" };
                format!("<row{r} spans=\"1:5\">{gap}{}</row>{gap}", cells.concat())
            })
    }

    /// A row, or now and then a tag out of place.
    fn part() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => row(),
            1 => Just("<row r=\"3\">".to_owned()),
            1 => Just("</row>".to_owned()),
            1 => Just("<c r=\"A1\"><v>1</v></c>".to_owned()),
            1 => Just("<row r=\"4\"/>".to_owned()),
        ]
    }

    proptest! {
        #[test]
        fn the_quick_pass_and_the_full_reader_give_the_same_cells(
            rows in proptest::collection::vec(part(), 0..6)
        ) {
            let data = rows.concat();
            let strings = ["a", "b", "4"];
            let (quick, _) = super::cells(&data, &strings);
            let (full, _) = super::cells(&format!("<!-- full -->{data}"), &strings);
            match (quick, full) {
                (Ok(quick), Ok(full)) => prop_assert_eq!(quick, full),
                (Err(_), Err(_)) => {}
                (quick, full) => prop_assert!(false, "{data}\nquick {quick:?}\nfull {full:?}"),
            }
        }
    }
}
