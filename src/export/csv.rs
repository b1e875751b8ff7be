//! One row per standard, UTF-8 with a byte-order mark so Excel reads Chinese.

use crate::core::i18n::labels;
use crate::core::model::{Language, StandardsSet};

/// A cell a spreadsheet will not run as a formula: text starting with
/// `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, as OWASP
/// recommends against CSV injection. Plain numbers (`-5`, `+3.5`) stay
/// numbers.
#[must_use]
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && text.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The column of the target's value, which spreadsheets write as a number.
pub const TARGET_COLUMN: usize = 9;

/// The rows of a set, one per standard, as text cells, in the order of
/// [`crate::core::i18n::Labels::set_headers`].
#[must_use]
pub fn rows(set: &StandardsSet, lang: Language) -> Vec<[String; 14]> {
    let yes = crate::core::i18n::words(lang).vocab.yes;
    set.standards()
        .map(|(at, s)| {
            [
                s.id.clone(),
                at.contact_point.id.clone(),
                at.contact_point.name.clone(),
                at.step.id.clone(),
                at.step.name.clone(),
                at.factor.id.clone(),
                at.factor.name.clone(),
                s.kind.label(lang).to_owned(),
                s.text.clone(),
                s.target
                    .as_ref()
                    .map(|t| format_number(t.value))
                    .unwrap_or_default(),
                s.target
                    .as_ref()
                    .map(|t| t.unit.clone())
                    .unwrap_or_default(),
                s.monitoring
                    .iter()
                    .map(|m| m.label(lang))
                    .collect::<Vec<_>>()
                    .join("; "),
                s.owner_role.clone(),
                if s.critical {
                    yes.to_owned()
                } else {
                    String::new()
                },
            ]
        })
        .collect()
}

/// A number without a needless `.0`.
#[must_use]
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

#[must_use]
pub fn csv(set: &StandardsSet, lang: Language) -> Vec<u8> {
    table(&labels(lang).set_headers, &rows(set, lang))
}

/// A CSV file: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF
/// line ends, fields quoted where they must be (by the `csv` crate), and
/// every cell [`neutralise`]d.
#[must_use]
pub fn table<R: AsRef<[String]>>(headers: &[&str], rows: &[R]) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut out);
    // Writing to a Vec cannot fail.
    writer
        .write_record(headers.iter().map(|h| neutralise(h).into_owned()))
        .expect("writing to memory");
    for row in rows {
        writer
            .write_record(row.as_ref().iter().map(|c| neutralise(c).into_owned()))
            .expect("writing to memory");
    }
    writer.flush().expect("writing to memory");
    drop(writer);
    out
}

/// The survey's response template: a header of question IDs
/// (`RESPONDENT`, `GROUP`, `PERIOD`, `KF-1.imp`, `KF-1.sat`, …, `NPS`,
/// `OPEN`) and no rows: one row a respondent is filled in, by hand or by an
/// online tool mirroring the columns.
#[must_use]
pub fn survey_template(q: &crate::core::survey::Questionnaire) -> Vec<u8> {
    let ids = q.column_ids();
    let headers: Vec<&str> = ids.iter().map(String::as_str).collect();
    table::<Vec<String>>(&headers, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_bom_a_header_and_a_row_per_standard() {
        let set = crate::core::templates::default_sample();
        let bytes = csv(&set, Language::ZhCn);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("\u{feff}标准编号,"));
        assert_eq!(text.lines().count(), 1 + set.counts().standards);
        assert!(text.contains(
            "S-1,CP-1,电话预订,ST-1,接听来电,KF-1,电话很快有人接,程序,电话铃响三声内接听,3,声"
        ));
    }

    fn cells(bytes: &[u8]) -> Vec<Vec<String>> {
        ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[3..])
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn fields_with_commas_quotes_and_line_breaks_read_back_whole() {
        let row = [
            "a,b".to_owned(),
            "say \"hi\"".to_owned(),
            "two\nlines".to_owned(),
        ];
        let bytes = table(&["x", "y", "z"], std::slice::from_ref(&row));
        assert_eq!(cells(&bytes)[1], row.to_vec());
    }

    #[test]
    fn formulas_are_neutralised_in_every_text_column_and_numbers_stay_numbers() {
        for text in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise(text), format!("'{text}"), "{text:?}");
        }
        for number in ["-5", "+3.5", "42", "0.25"] {
            assert_eq!(neutralise(number), number);
        }
        assert_eq!(neutralise("Greets within 10 s"), "Greets within 10 s");
        // Through a whole set: a standard, a name and an owner role.
        let mut set = crate::core::templates::default_sample();
        set.contact_points[0].name = "=cmd|' /C calc'!A0".to_owned();
        set.contact_points[0].steps[0].factors[0].standards[0].text = "@SUM(1+1)".to_owned();
        set.contact_points[0].steps[0].factors[0].standards[0].owner_role = "-role".to_owned();
        let rows = cells(&csv(&set, Language::En));
        assert!(
            rows[1].iter().all(|c| !c.starts_with(['=', '+', '-', '@'])),
            "{:?}",
            rows[1]
        );
        assert_eq!(rows[1][9], "3", "the target stays a number");
    }
}
