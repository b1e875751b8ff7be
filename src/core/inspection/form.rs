//! A checklist filled in as a PDF form and read back: the names of its
//! fields (one contract for the layout that places them and the reader that
//! finds them), what a filled form says, and turning it into an inspection
//! record checked against the set it was made from. No PDF here: the
//! reader (`export::pdf::form_read`) hands over the fields as plain data.

use std::path::Path;

use jiff::civil::{Date, DateTime, Time};

use super::{Inspection, Verdict};
use crate::core::i18n::{Language, fill, messages, report_words};
use crate::core::model::StandardsSet;

/// The form format this build writes and reads, in the hidden [`FORMAT`] field.
pub const FORM_FORMAT: u32 = 1;

/// A verdict button's state names.
pub const PASS: &str = "Pass";
pub const FAIL: &str = "Fail";
pub const NOT_APPLICABLE: &str = "NA";

/// The visible text fields of the header.
pub const SITE: &str = "site";
pub const INSPECTOR: &str = "inspector";
pub const DATE: &str = "date";
pub const TIME: &str = "time";

/// The hidden read-only fields: what the form was made from.
pub const FORMAT: &str = "servstd:form";
pub const SET_FILE: &str = "servstd:set";
pub const TITLE: &str = "servstd:title";
pub const REVISION: &str = "servstd:revision";
pub const FINGERPRINT: &str = "servstd:fingerprint";
/// `ID=hash ID=hash …`: each standard on the form with a short hash of its
/// text, so an import can say which standards changed since.
pub const STANDARDS: &str = "servstd:standards";

/// A standard's verdict field: its ID. A period separates the parts of a
/// PDF field's name, so the one character an ID may have that a field name
/// may not is written as `~` (which no ID has).
#[must_use]
pub fn verdict_field(id: &str) -> String {
    id.replace('.', "~")
}

/// A standard's note field.
#[must_use]
pub fn note_field(id: &str) -> String {
    format!("note:{}", verdict_field(id))
}

/// The standard ID a verdict field name stands for.
fn id_of(field: &str) -> String {
    field.replace('~', ".")
}

/// A short hash of a standard's text: enough to tell that it changed.
fn text_hash(text: &str) -> String {
    crate::core::text::sha256_hex(text.as_bytes())[..8].to_owned()
}

/// The hidden fields of a form of `shown` (the set, or a selection of its
/// contact points), made from `whole`, stored as `set_file`.
#[must_use]
pub fn hidden_fields(
    whole: &StandardsSet,
    shown: &StandardsSet,
    set_file: &str,
) -> Vec<(String, String)> {
    let standards = shown
        .standards()
        .map(|(_, s)| format!("{}={}", s.id, text_hash(&s.text)))
        .collect::<Vec<_>>()
        .join(" ");
    [
        (FORMAT, FORM_FORMAT.to_string()),
        (SET_FILE, set_file.to_owned()),
        (TITLE, whole.title.clone()),
        (REVISION, whole.revision.clone()),
        (FINGERPRINT, whole.fingerprint()),
        (STANDARDS, standards),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect()
}

/// One field as the reader found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// A text field's value.
    Text(String),
    /// A radio group: the group's value (`/V`) and the state of each of its
    /// buttons that is on (`/AS`). Apple Preview writes the buttons only.
    Choice {
        value: Option<String>,
        buttons: Vec<String>,
    },
}

/// The fields of a filled form, by full name, in the form's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields(pub Vec<(String, FieldValue)>);

impl Fields {
    fn text(&self, name: &str) -> Option<&str> {
        self.0.iter().find_map(|(n, v)| match v {
            FieldValue::Text(t) if n == name => Some(t.as_str()),
            _ => None,
        })
    }
}

/// Why a PDF cannot be imported as a filled checklist. Nothing is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    /// Not a PDF at all.
    NotPdf,
    /// A PDF that does not parse: `detail` from the parser.
    Damaged(String),
    TooLarge {
        bytes: u64,
        max: u64,
    },
    TooManyObjects {
        count: usize,
        max: usize,
    },
    /// The form's fields nest deeper than a checklist's ever do.
    TooDeep {
        max: usize,
    },
    TooManyFields {
        max: usize,
    },
    /// No servstd form fields: another PDF, or a plain checklist.
    NotAForm,
    /// Made by a newer servstd.
    NewerFormat(String),
    /// A checklist of another set.
    OtherSet {
        form: String,
        set: String,
    },
    /// Answers to standards the set does not have.
    UnknownStandards {
        ids: Vec<String>,
        form_revision: String,
        set_revision: String,
    },
    /// A verdict field holds a value no checklist writes.
    BadChoice {
        field: String,
        value: String,
    },
}

fn list(lang: Language, ids: &[String]) -> String {
    let sep = report_words(lang).list_separator;
    if ids.len() > 12 {
        format!("{}{sep}…", ids[..12].join(sep))
    } else {
        ids.join(sep)
    }
}

impl FormError {
    /// What went wrong and what to do, in `lang`.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).form;
        match self {
            Self::NotPdf => m.not_pdf.to_owned(),
            Self::Damaged(detail) => fill(m.damaged, &[("detail", detail)]),
            Self::TooLarge { bytes, max } => fill(
                m.too_large,
                &[
                    ("mb", &(bytes / 1024 / 1024).to_string()),
                    ("max", &(max / 1024 / 1024).to_string()),
                ],
            ),
            Self::TooManyObjects { count, max } => fill(
                m.too_many_objects,
                &[("count", &count.to_string()), ("max", &max.to_string())],
            ),
            Self::TooDeep { max } => fill(m.too_deep, &[("max", &max.to_string())]),
            Self::TooManyFields { max } => fill(m.too_many_fields, &[("max", &max.to_string())]),
            Self::NotAForm => m.not_a_form.to_owned(),
            Self::NewerFormat(format) => fill(m.newer_format, &[("format", format)]),
            Self::OtherSet { form, set } => fill(m.other_set, &[("form", form), ("set", set)]),
            Self::UnknownStandards {
                ids,
                form_revision,
                set_revision,
            } => fill(
                m.unknown_standards,
                &[
                    ("ids", &list(lang, ids)),
                    ("form", form_revision),
                    ("set", set_revision),
                ],
            ),
            Self::BadChoice { field, value } => {
                fill(m.bad_choice, &[("field", field), ("value", value)])
            }
        }
    }
}

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for FormError {}

/// What an import says without refusing: each a difference between the
/// form and the set, or a field read one way of two.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    RevisionDiffers {
        form: String,
        set: String,
    },
    /// Standards whose text changed since the form was made.
    Changed(Vec<String>),
    /// Standards of the set (in the form's contact points) not on the form.
    NotOnForm(Vec<String>),
    /// Standards on the form, not answered, that the set no longer has.
    Gone(Vec<String>),
    /// The fingerprint differs, though no standard's text does.
    ContentDiffers,
    /// The group's value and the ticked box disagree; the box is taken.
    ValueAndBox {
        id: String,
        value: String,
        ticked: String,
    },
    /// More than one box of a standard is ticked: not checked.
    SeveralTicked {
        id: String,
        ticked: Vec<String>,
    },
    /// The date field is empty or not a date: the import's time is used.
    NoDate {
        value: String,
        when: DateTime,
    },
    NoSite,
}

impl Warning {
    /// The warning in `lang`.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let m = &messages(lang).form;
        let count = |ids: &[String]| ids.len().to_string();
        match self {
            Self::RevisionDiffers { form, set } => {
                fill(m.revision_differs, &[("form", form), ("set", set)])
            }
            Self::Changed(ids) => fill(
                m.changed_since,
                &[("count", &count(ids)), ("ids", &list(lang, ids))],
            ),
            Self::NotOnForm(ids) => fill(
                m.not_on_form,
                &[("count", &count(ids)), ("ids", &list(lang, ids))],
            ),
            Self::Gone(ids) => fill(
                m.gone_from_set,
                &[("count", &count(ids)), ("ids", &list(lang, ids))],
            ),
            Self::ContentDiffers => m.content_differs.to_owned(),
            Self::ValueAndBox { id, value, ticked } => fill(
                m.value_and_box,
                &[("id", id), ("value", value), ("ticked", ticked)],
            ),
            Self::SeveralTicked { id, ticked } => fill(
                m.several_ticked,
                &[("id", id), ("ticked", &ticked.join(", "))],
            ),
            Self::NoDate { value, when } => fill(
                if value.trim().is_empty() {
                    m.no_date
                } else {
                    m.bad_date
                },
                &[
                    ("value", value),
                    ("when", &when.strftime("%Y-%m-%d %H:%M").to_string()),
                ],
            ),
            Self::NoSite => m.no_site.to_owned(),
        }
    }
}

/// An imported form: the record to write and what the import has to say.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub record: Inspection,
    pub warnings: Vec<Warning>,
    /// The set file the form names (its file name), to find it beside the PDF.
    pub set_file: String,
}

/// Where an imported record goes unless told: the PDF's name ending in
/// `.inspection.ron`, in the set's folder.
#[must_use]
pub fn record_beside(pdf: &Path, set: &Path) -> std::path::PathBuf {
    let stem = pdf
        .file_stem()
        .map_or_else(|| "checklist".into(), |s| s.to_string_lossy().into_owned());
    set.with_file_name(format!("{stem}{}", super::EXTENSION))
}

/// The set file a filled form names, to look for beside the PDF; `None`
/// when the form is not servstd's or names none.
#[must_use]
pub fn named_set_file(fields: &Fields) -> Option<String> {
    fields
        .text(FORMAT)
        .and(fields.text(SET_FILE))
        .filter(|name| !name.trim().is_empty())
        .map(str::to_owned)
}

/// A standard's answer as the form holds it.
fn verdict_of(
    id: &str,
    field: &str,
    value: Option<&String>,
    buttons: &[String],
    warnings: &mut Vec<Warning>,
) -> Result<Verdict, FormError> {
    let parse = |state: &str| match state {
        PASS => Ok(Verdict::Pass),
        FAIL => Ok(Verdict::Fail),
        NOT_APPLICABLE => Ok(Verdict::NotApplicable),
        other => Err(FormError::BadChoice {
            field: field.to_owned(),
            value: other.to_owned(),
        }),
    };
    // Some writers (pypdf) store the group's value as the string "/Pass"
    // rather than the name: the same choice.
    let bare = |state: &str| state.trim().trim_start_matches('/').to_owned();
    let value = value
        .map(|v| bare(v))
        .filter(|v| v != "Off" && !v.is_empty());
    let value = value.as_ref();
    let mut ticked: Vec<String> = buttons
        .iter()
        .map(|b| bare(b))
        .filter(|b| b != "Off" && !b.is_empty())
        .collect();
    ticked.dedup();
    for state in ticked.iter().chain(value) {
        parse(state)?;
    }
    match (value, ticked.as_slice()) {
        (None, []) => Ok(Verdict::NotChecked),
        (Some(v), []) => parse(v),
        (value, [one]) => {
            if let Some(v) = value.filter(|v| *v != one) {
                warnings.push(Warning::ValueAndBox {
                    id: id.to_owned(),
                    value: v.clone(),
                    ticked: one.clone(),
                });
            }
            parse(one)
        }
        (_, several) => {
            warnings.push(Warning::SeveralTicked {
                id: id.to_owned(),
                ticked: several.to_vec(),
            });
            Ok(Verdict::NotChecked)
        }
    }
}

/// The visit's time from the form's date and time fields: `2026-12-04`,
/// `2026/12/4`, `2026.12.04` or `2026年12月4日`, and `14:30`; none when the
/// date is not one.
fn when_of(date: &str, time: &str) -> Option<DateTime> {
    let numbers: Vec<i64> = date
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let [year, month, day] = numbers[..] else {
        return None;
    };
    let date = Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    let clock: Vec<i8> = time
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    let at = match clock[..] {
        [hour, minute, ..] => Time::new(hour, minute, 0, 0).unwrap_or(Time::midnight()),
        [hour] => Time::new(hour, 0, 0, 0).unwrap_or(Time::midnight()),
        [] => Time::midnight(),
    };
    Some(date.to_datetime(at))
}

/// Turns a filled form's fields into a finished inspection record of `set`
/// (stored at `set_path`) to be written at `record_path`, checking that the
/// form was made from this set. Standards left blank are not checked, so an
/// unfilled form is a partial visit with nothing checked. `now` is the
/// visit's time when the form gives no date.
///
/// # Errors
/// A PDF that is not a servstd form, a form of another set, or answers the
/// set has no standard for: see [`FormError`].
pub fn import(
    fields: &Fields,
    set: &StandardsSet,
    set_path: Option<&Path>,
    record_path: &Path,
    now: DateTime,
) -> Result<Imported, FormError> {
    let Some(format) = fields.text(FORMAT) else {
        return Err(FormError::NotAForm);
    };
    if format
        .trim()
        .parse::<u32>()
        .map_or(true, |f| f > FORM_FORMAT)
    {
        return Err(FormError::NewerFormat(format.to_owned()));
    }
    let text = |name: &str| fields.text(name).unwrap_or_default().trim().to_owned();
    let title = text(TITLE);
    if title != set.title {
        return Err(FormError::OtherSet {
            form: title,
            set: set.title.clone(),
        });
    }
    let on_form: Vec<(String, String)> = text(STANDARDS)
        .split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .map(|(id, hash)| (id.to_owned(), hash.to_owned()))
        .collect();
    let mut warnings = Vec::new();
    let mut answers: Vec<(String, Verdict, String)> = Vec::new();
    for (id, _) in &on_form {
        let field = verdict_field(id);
        let verdict = match fields.0.iter().find(|(name, _)| *name == field) {
            Some((_, FieldValue::Choice { value, buttons })) => {
                verdict_of(id, &field, value.as_ref(), buttons, &mut warnings)?
            }
            Some((_, FieldValue::Text(value))) if !value.trim().is_empty() => {
                return Err(FormError::BadChoice {
                    field,
                    value: value.clone(),
                });
            }
            _ => Verdict::NotChecked,
        };
        let note = fields.text(&note_field(id)).unwrap_or_default().trim();
        answers.push((id_of(&field), verdict, note.to_owned()));
    }
    let known: std::collections::HashMap<&str, &str> = set
        .standards()
        .map(|(_, s)| (s.id.as_str(), s.text.as_str()))
        .collect();
    let answered = |a: &&(String, Verdict, String)| a.1 != Verdict::NotChecked || !a.2.is_empty();
    let unknown: Vec<String> = answers
        .iter()
        .filter(answered)
        .filter(|a| !known.contains_key(a.0.as_str()))
        .map(|a| a.0.clone())
        .collect();
    let form_revision = text(REVISION);
    if !unknown.is_empty() {
        return Err(FormError::UnknownStandards {
            ids: unknown,
            form_revision,
            set_revision: set.revision.clone(),
        });
    }
    // Never a silent mismatch: whatever differs from the set is said.
    if form_revision != set.revision {
        warnings.push(Warning::RevisionDiffers {
            form: form_revision,
            set: set.revision.clone(),
        });
    }
    let changed: Vec<String> = on_form
        .iter()
        .filter(|(id, hash)| {
            known
                .get(id.as_str())
                .is_some_and(|t| text_hash(t) != *hash)
        })
        .map(|(id, _)| id.clone())
        .collect();
    let gone: Vec<String> = on_form
        .iter()
        .filter(|(id, _)| !known.contains_key(id.as_str()))
        .map(|(id, _)| id.clone())
        .collect();
    // The form's contact points: all of the set's, or the ones it printed.
    let mut scope: Vec<String> = Vec::new();
    for (at, s) in set.standards() {
        let cp = &at.contact_point.id;
        if on_form.iter().any(|(id, _)| *id == s.id) && !scope.contains(cp) {
            scope.push(cp.clone());
        }
    }
    if scope.len() == set.contact_points.len() {
        scope.clear();
    }
    let not_on_form: Vec<String> = set
        .standards()
        .filter(|(at, s)| {
            (scope.is_empty() || scope.contains(&at.contact_point.id))
                && !on_form.iter().any(|(id, _)| *id == s.id)
        })
        .map(|(_, s)| s.id.clone())
        .collect();
    if !changed.is_empty() {
        warnings.push(Warning::Changed(changed.clone()));
    }
    if !not_on_form.is_empty() {
        warnings.push(Warning::NotOnForm(not_on_form.clone()));
    }
    if !gone.is_empty() {
        warnings.push(Warning::Gone(gone.clone()));
    }
    if changed.is_empty()
        && not_on_form.is_empty()
        && gone.is_empty()
        && text(FINGERPRINT) != set.fingerprint()
    {
        warnings.push(Warning::ContentDiffers);
    }
    let (date, time) = (text(DATE), text(TIME));
    let when = when_of(&date, &time).unwrap_or_else(|| {
        warnings.push(Warning::NoDate {
            value: date.clone(),
            when: now,
        });
        now
    });
    // Absolute paths, so the set's path is relative to the record's folder
    // whatever the current folder is.
    let set_path = set_path.map(crate::core::storage::scan::absolute);
    let record_path = crate::core::storage::scan::absolute(record_path);
    let mut record = Inspection::new(set, set_path.as_deref(), &record_path, when);
    record.site = text(SITE);
    record.inspector = text(INSPECTOR);
    if record.site.is_empty() {
        warnings.push(Warning::NoSite);
    }
    record.scope = scope;
    for (id, verdict, note) in answers {
        if !known.contains_key(id.as_str()) {
            continue;
        }
        // Blank rows get no entry, as in the window: not checked.
        if verdict != Verdict::NotChecked {
            record.set_verdict(set, &id, verdict);
        }
        if !note.is_empty() {
            record.set_note(set, &id, note);
        }
    }
    // A filled paper form is a visit done: finished, partial where blank.
    record.finished = Some(when);
    Ok(Imported {
        record,
        warnings,
        set_file: text(SET_FILE),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_inspectors_write_them() {
        let at = |d: &str, t: &str| when_of(d, t).map(|w| w.to_string());
        assert_eq!(
            at("2026-12-04", "14:30").as_deref(),
            Some("2026-12-04T14:30:00")
        );
        assert_eq!(at("2026/12/4", "").as_deref(), Some("2026-12-04T00:00:00"));
        assert_eq!(
            at("2026年12月4日", "9时").as_deref(),
            Some("2026-12-04T09:00:00")
        );
        assert_eq!(at("2026.13.01", "10:00"), None);
        assert_eq!(at("yesterday", ""), None);
        assert_eq!(at("", ""), None);
    }

    #[test]
    fn a_choice_from_the_group_or_the_buttons_and_disagreements_said() {
        let mut warnings = Vec::new();
        let mut verdict = |value: Option<&str>, buttons: &[&str]| {
            let value = value.map(str::to_owned);
            let buttons: Vec<String> = buttons.iter().map(|b| (*b).to_owned()).collect();
            verdict_of("S-1", "S-1", value.as_ref(), &buttons, &mut warnings)
        };
        assert_eq!(verdict(None, &[]), Ok(Verdict::NotChecked));
        assert_eq!(verdict(Some("Off"), &["Off"]), Ok(Verdict::NotChecked));
        // pypdf: the group's value as the string "/Pass".
        assert_eq!(verdict(Some("/Pass"), &["Pass"]), Ok(Verdict::Pass));
        // Preview: the button only.
        assert_eq!(verdict(None, &["Fail"]), Ok(Verdict::Fail));
        assert_eq!(verdict(Some("NA"), &[]), Ok(Verdict::NotApplicable));
        assert_eq!(verdict(Some("Pass"), &["Fail"]), Ok(Verdict::Fail));
        assert_eq!(verdict(None, &["Pass", "Fail"]), Ok(Verdict::NotChecked));
        assert!(matches!(
            verdict(Some("Yes"), &[]),
            Err(FormError::BadChoice { .. })
        ));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        for lang in Language::ALL {
            for w in &warnings {
                assert!(w.message(lang).contains("S-1"), "{lang:?}");
            }
        }
    }

    #[test]
    fn field_names_carry_ids_with_periods() {
        assert_eq!(verdict_field("custom.id_2"), "custom~id_2");
        assert_eq!(note_field("S-1"), "note:S-1");
        assert_eq!(id_of(&verdict_field("a.b.c")), "a.b.c");
    }
}
