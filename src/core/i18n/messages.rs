//! The sentences of the checker, validation and inspection checks: templates
//! with named `{holes}`, filled in by [`fill`]. The tables are in each
//! language's file beside this one.

use super::{Language, words};

/// Findings and verdict problems in one language. Arrays follow the order of
/// the enums they name (`Level`, `Category`, `ElementKind`).
pub struct Messages {
    /// Contact point, step, key factor, standard.
    pub level: [&'static str; 4],
    /// `servstd diff` and File › Compare with…: added, removed, moved from
    /// `{from}`, reordered, changed, the set, no differences, `{count}` changes,
    /// changes since revision `{revision}`.
    pub diff_words: [&'static str; 9],
    /// The fields a diff names, in `core::diff::FIELDS` order.
    pub diff_fields: [&'static str; 23],
    /// How to fix a vague word, by category: time, manner, quality, effort,
    /// frequency, amount, judgement, feeling, approximate.
    pub suggestion: [&'static str; 9],
    /// The categories' names, in the same order, for `check --explain`.
    pub category_names: [&'static str; 9],
    pub empty_standard: &'static str,
    /// `{word}`, `{suggestion}`.
    pub vague_word: &'static str,
    /// `{text}`.
    pub decorative: &'static str,
    pub no_criterion: &'static str,
    /// `{act}`: a generic act with nothing that says what passes.
    pub generic_act: &'static str,
    /// A measurable standard with no named criterion: a concrete act, no vague word.
    pub measurable_plain: &'static str,
    /// `check --explain`: a criterion `{text}` of kind `{what}`; one that
    /// governs `{word}`; a vague word `{word}` of `{category}` not governed;
    /// an act `{text}` by `{who}`.
    pub explain: [&'static str; 4],
    /// Who does an act: the staff, the customer (an occasion, not a criterion).
    pub explain_who: [&'static str; 2],
    /// The specific rule: `{first}` and `{second}` are two acts in one standard.
    pub split_hint: &'static str,
    /// The customer-based rule: `{routine}` is an internal routine.
    pub not_customer_based: &'static str,
    /// A rate over time `{rate}` whose monitoring has no operational data.
    pub rate_needs_data: &'static str,
    pub empty_title: &'static str,
    pub no_contact_points: &'static str,
    /// `{id}`.
    pub duplicate_id: &'static str,
    /// `{id}`.
    pub invalid_id: &'static str,
    /// `{level}`.
    pub empty_name: &'static str,
    pub empty_standard_text: &'static str,
    /// A contact point with no steps, a step with no factors, a factor with no standards.
    pub no_children: [&'static str; 3],
    /// `{field}`, `{value}`.
    pub score_out_of_range: &'static str,
    pub importance: &'static str,
    pub satisfaction: &'static str,
    pub bad_target: &'static str,
    pub no_monitoring: &'static str,
    pub no_owner_role: &'static str,
    pub no_review_date: &'static str,
    /// `{date}`.
    pub review_overdue: &'static str,
    /// The logo `{path}`, by `EvidenceIssue::ALL`, then not an image.
    pub logo: [&'static str; 6],
    /// An actions file: no record `{record}`; for action `{action}`: a
    /// duplicate ID, an unknown `{standard}`, a standard not failed, no
    /// text, done with no date, verified by no one, can't do with no reason;
    /// then a photo `{path}` by `EvidenceIssue::ALL`.
    pub actions: [&'static str; 13],
    /// An action's status, in `Status::ALL` order; its priority, in `Priority::ALL` order.
    pub action_status: [&'static str; 5],
    pub action_priority: [&'static str; 4],
    /// `servstd actions`: due, overdue, repeat, `{count}` actions.
    pub action_words: [&'static str; 4],
    /// The actions workbook's column headings, in the CSV's column order.
    pub action_headers: [&'static str; 16],
    /// The actions workbook's sheet name.
    pub actions_sheet: &'static str,
    /// `{revision}`: approved, then changed.
    pub changed_since_approval: &'static str,
    /// What makes a standard measurable: a figure, a time, words to say, an
    /// act; then the customer's act that sets the moment (an occasion).
    pub criterion_kinds: [&'static str; 5],
    /// `{what}`, `{text}`.
    pub measurable_because: &'static str,
    /// `{id}` in each of the verdict problems below.
    pub unknown_standard: &'static str,
    pub duplicate_verdict: &'static str,
    pub unknown_contact_point: &'static str,
    pub out_of_scope: &'static str,
    /// `{then}`, `{now}`.
    pub revision_changed: &'static str,
    /// `{then}`, `{now}`.
    pub title_changed: &'static str,
    pub fail_without_note: &'static str,
    pub no_site: &'static str,
    pub no_inspector: &'static str,
    /// An evidence path, by `EvidenceIssue::ALL`: absolute, climbing out,
    /// a link out, not a file, missing. `{id}`, `{path}`.
    pub evidence: [&'static str; 5],
    /// A survey line: not FACTOR-ID,SCORE; a score out of range (`{value}`);
    /// not a number (`{value}`).
    pub survey: [&'static str; 3],
    /// `fmt` of a file not in canonical form: `{file}`.
    pub not_canonical: &'static str,
    /// `fmt` wrote the file.
    pub formatted: &'static str,
    /// Why a set cannot be approved: no revision, no approver, `{revision}`
    /// approved before.
    pub approve_errors: [&'static str; 3],
    /// `{revision}`, `{by}`: the set is now approved.
    pub approved: &'static str,
    /// An export or report written: `{bytes}`.
    pub bytes_written: &'static str,
    /// `validate`'s last line for a set: `{contact_points}`, `{steps}`,
    /// `{factors}`, `{standards}`, `{errors}`, `{warnings}`.
    pub set_summary: &'static str,
    /// Its last line for a record: `{verdicts}`, `{title}`, `{score}`,
    /// `{passed}`, `{failed}`, `{na}`, `{unchecked}`, `{result}`, `{errors}`,
    /// `{warnings}`.
    pub record_summary: &'static str,
    /// A text past its length: `{field}`, `{chars}`, `{max}`.
    pub too_long: &'static str,
    /// The fields named in `too_long`, in `TextField::ALL` order.
    pub text_fields: [&'static str; 16],
    /// `servstd export` of vague standards: `{count}`, `{ids}`, `{file}`.
    pub vague_in_export: &'static str,
    /// `fmt` or `approve` of a file with comments, which its canonical form
    /// cannot keep: the file is left as it was.
    pub keeps_comments: &'static str,
    /// Reading, parsing and writing files.
    pub files: FileMessages,
}

/// Messages about reading, parsing and writing files (`core::storage` and
/// the commands that write documents), by name.
pub struct FileMessages {
    /// The kinds of file, with their article, for sentences.
    pub kind_standards_set: &'static str,
    pub kind_inspection: &'static str,
    pub kind_actions: &'static str,
    pub kind_photo: &'static str,
    pub kind_image: &'static str,
    pub kind_survey: &'static str,
    /// A file that is none of servstd's.
    pub kind_unknown: &'static str,
    /// What a path that is not a regular file is.
    pub special_fifo: &'static str,
    pub special_device: &'static str,
    pub special_socket: &'static str,
    pub special_other: &'static str,
    /// The file is not there.
    pub not_found: &'static str,
    /// Any other read error: `{error}`, in the system's words.
    pub cannot_read: &'static str,
    pub is_folder: &'static str,
    /// `{kind}`: one of the `special_*`.
    pub not_a_file: &'static str,
    /// `{size}` bytes, `{max}` MB.
    pub too_large: &'static str,
    pub not_utf8: &'static str,
    /// `{found}` and `{expected}`: kinds.
    pub link_to_other: &'static str,
    /// `{what}`: a kind; `{root}`, `{current}`.
    pub empty: &'static str,
    /// `{found}`, `{supported}`.
    pub newer_format: &'static str,
    /// `{found}`.
    pub unknown_format: &'static str,
    pub ends_early: &'static str,
    /// `{max}`.
    pub too_deep: &'static str,
    /// `{found}`, `{outer}` (a struct name or `an_item`), `{expected}`.
    pub unknown_field: &'static str,
    /// `{outer}`, `{field}`.
    pub missing_field: &'static str,
    /// `{field}`, `{outer}`.
    pub duplicate_field: &'static str,
    /// What `{outer}` is when the parser does not say.
    pub an_item: &'static str,
    /// `{found}`, `{expected}`.
    pub not_allowed: &'static str,
    /// `{expected}`, `{found}`: kinds; `{expected_root}`, `{found_root}`.
    pub wrong_kind: &'static str,
    /// `{expected}`: a kind; `{expected_root}`.
    pub not_servstd: &'static str,
    pub trailing: &'static str,
    /// `{error}`: the parser's words.
    pub other_syntax: &'static str,
    pub output_is_input: &'static str,
    /// `{kind}`.
    pub output_is_document: &'static str,
    /// `{error}`.
    pub cannot_write: &'static str,
    pub changed_on_disk: &'static str,
    pub busy: &'static str,
    pub read_only: &'static str,
    /// `{size}`, `{max}`.
    pub save_too_large: &'static str,
    pub file_exists: &'static str,
    pub new_not_regular: &'static str,
    /// `{kind}`.
    pub new_not_a_set: &'static str,
    /// `{name}`, `{names}`.
    pub no_template: &'static str,
    /// `{template}`, `{file}`.
    pub new_set_written: &'static str,
}

/// The messages for a language.
#[must_use]
pub fn messages(lang: Language) -> &'static Messages {
    &words(lang).messages
}

/// Fills the `{name}` holes of a template. A hole with no value stays as it
/// is, so a missing argument shows up in tests rather than vanishing.
#[must_use]
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after[..end];
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..=start + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_named_holes_and_keeps_unknown_ones() {
        assert_eq!(
            fill("{id}: two for {id}, {x}", &[("id", "S-1")]),
            "S-1: two for S-1, {x}"
        );
        assert_eq!(fill("no holes", &[]), "no holes");
        assert_eq!(fill("open {brace", &[]), "open {brace");
    }
}
