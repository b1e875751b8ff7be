//! The sentences the core says: findings of the checker and of validation,
//! problems in records, actions files and surveys, error messages, the words
//! of a comparison of revisions and of corrective actions. Templates have
//! named `{holes}`, filled in by [`fill`]; every sentence is a named field.
//! The tables are in each language's file beside this one.

use super::{Language, words};
use crate::core::storage::evidence::EvidenceIssue;

/// Findings and verdict problems in one language. Every sentence has a name;
/// the few arrays left are lists named by an enum's `ALL` order and read
/// only through a method taking that enum (`Category::name`,
/// `Status::label`, `too_long`), or rows of column headings written whole.
pub struct Messages {
    /// The levels of the tree, as a finding names them.
    pub level: Levels,
    /// `servstd diff`, File › Compare with… and the manual's changes since.
    pub diff: DiffWords,
    /// The fields a diff names; see [`DiffFields::get`].
    pub diff_fields: DiffFields,
    /// How to fix a vague word, by category: time, manner, quality, effort,
    /// frequency, amount, judgement, feeling, approximate.
    pub suggestion: [&'static str; 10],
    /// The categories' names, in the same order, for `check --explain`.
    pub category_names: [&'static str; 10],
    pub empty_standard: &'static str,
    /// `{word}`, `{suggestion}`.
    pub vague_word: &'static str,
    /// `{text}`.
    pub decorative: &'static str,
    pub no_criterion: &'static str,
    pub customer_duty: &'static str,
    /// `{act}`: a generic act with nothing that says what passes.
    pub generic_act: &'static str,
    /// A measurable standard with no named criterion: a concrete act, no vague word.
    pub measurable_plain: &'static str,
    /// `check --explain`, one line per point of the checker's reading.
    pub explain: Explain,
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
    /// An item with nothing under it, by its level.
    pub no_children: NoChildren,
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
    /// The set's logo `{path}` cannot be used.
    pub logo: PathIssues,
    /// A survey plan's responses file that cannot be read where it is named.
    pub plan_responses: PathIssues,
    /// The logo `{path}` is there but not an image servstd prints.
    pub logo_not_an_image: &'static str,
    /// What is wrong in an actions file.
    pub action_problems: ActionProblems,
    /// An action's status, in `Status::ALL` order; its priority, in `Priority::ALL` order.
    pub action_status: [&'static str; 5],
    pub action_priority: [&'static str; 4],
    /// `servstd actions`, the actions board and the report.
    pub action_words: ActionWords,
    /// The actions workbook's column headings, in the CSV's column order.
    pub action_headers: [&'static str; 16],
    /// The actions workbook's sheet name.
    pub actions_sheet: &'static str,
    /// `{revision}`: approved, then changed.
    pub changed_since_approval: &'static str,
    /// What makes a standard measurable, by kind of criterion.
    pub criterion_kinds: CriterionKinds,
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
    /// A verdict's evidence `{path}` cannot be used; `{id}` is the standard's.
    pub evidence: PathIssues,
    /// A photo `{path}` on standard `{id}` that the report leaves out.
    pub photo_left_out: &'static str,
    /// The heading of the report's list of photos left out.
    pub photos_left_out: &'static str,
    /// What is wrong with a line of a survey file.
    pub survey: SurveyProblems,
    /// `fmt` of a file not in canonical form: `{file}`.
    pub not_canonical: &'static str,
    /// `fmt` wrote the file.
    pub formatted: &'static str,
    /// Why a set cannot be approved; see `ApproveError::message`.
    pub approve_errors: ApproveErrors,
    /// `{revision}`, `{by}`: the set is now approved.
    pub approved: &'static str,
    /// A revision approved despite findings, as its history says it:
    /// `{count}`, `{reason}`.
    pub approved_despite: &'static str,
    /// What a corrective action prefills as what to do: a fix phrased from
    /// the failed `{standard}`'s text.
    pub action_what: &'static str,
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
    pub text_fields: [&'static str; 17],
    /// `servstd export` of vague standards: `{count}`, `{ids}`, `{file}`.
    pub vague_in_export: &'static str,
    /// `servstd check` of a record or an actions file: `{file}`.
    pub check_not_a_set: &'static str,
    /// `fmt` or `approve` of a file with comments, which its canonical form
    /// cannot keep: the file is left as it was.
    pub keeps_comments: &'static str,
    /// The checker's rewrites and the words of a finding (issue 27).
    pub rewrite: RewriteWords,
    /// Reading, parsing and writing files.
    pub files: FileMessages,
    /// `servstd import` and Inspection › Import filled checklist….
    pub form: FormMessages,
}

/// A filled checklist read back (see `core::inspection::form`): why it is
/// refused, what differs from the set, what was written.
pub struct FormMessages {
    pub not_pdf: &'static str,
    /// `{detail}`: the parser's words.
    pub damaged: &'static str,
    /// `{mb}`, `{max}` in MB.
    pub too_large: &'static str,
    /// `{count}`, `{max}`.
    pub too_many_objects: &'static str,
    /// `{max}` levels.
    pub too_deep: &'static str,
    /// `{max}` fields.
    pub too_many_fields: &'static str,
    pub not_a_form: &'static str,
    /// `{format}`.
    pub newer_format: &'static str,
    /// `{form}`, `{set}`: the sets' titles.
    pub other_set: &'static str,
    /// `{ids}`, `{form}`, `{set}`: revisions.
    pub unknown_standards: &'static str,
    /// `{field}`, `{value}`.
    pub bad_choice: &'static str,
    /// `{form}`, `{set}`: revisions.
    pub revision_differs: &'static str,
    /// `{count}`, `{ids}`.
    pub changed_since: &'static str,
    /// `{count}`, `{ids}`.
    pub not_on_form: &'static str,
    /// `{count}`, `{ids}`.
    pub gone_from_set: &'static str,
    pub content_differs: &'static str,
    /// `{id}`, `{value}`, `{ticked}`.
    pub value_and_box: &'static str,
    /// `{id}`, `{ticked}`.
    pub several_ticked: &'static str,
    /// `{when}`.
    pub no_date: &'static str,
    /// `{value}`, `{when}`.
    pub bad_date: &'static str,
    pub no_site: &'static str,
    /// `{file}`: the set file the form names is not beside the PDF.
    pub set_not_found: &'static str,
    /// `{record}`, `{answered}`, `{total}`.
    pub imported: &'static str,
}

/// What the checker says about its rewrites, and how a finding lists its words.
#[derive(Debug)]
pub struct RewriteWords {
    /// A finding with more than one vague word: `{words}`, `{suggestion}`.
    pub vague_words: &'static str,
    /// One word in a list of them: `{word}`.
    pub word: &'static str,
    /// Between two words of the list.
    pub separator: &'static str,
    /// `check --suggest` and the editor: `{text}` is the rewrite.
    pub suggested: &'static str,
    /// The button that puts the rewrite in.
    pub apply: &'static str,
    /// Its tooltip.
    pub apply_hover: &'static str,
    /// `check --explain`: a term the set defines, `{term}`, `{meaning}`.
    pub defined: &'static str,
    /// `check --explain`: a word the set calls fine, `{word}`.
    pub fine: &'static str,
    /// `check --explain`: a word the set calls vague, `{word}`.
    pub set_vague: &'static str,
    /// A standard accepted as is: `{reason}`.
    pub accepted: &'static str,
    /// The editor's offer to accept a vague standard as it is.
    pub fine_here: &'static str,
    /// The label of the reason's field.
    pub reason: &'static str,
    /// The button that accepts the standard with the reason.
    pub accept: &'static str,
    /// The button that takes the exception back.
    pub withdraw: &'static str,
    /// The manual's appendix of the set's words and exceptions.
    pub appendix: &'static str,
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
    /// `{error}`: the parser's words (English only quotes them).
    pub other_syntax: &'static str,
    /// `{what}`: one of `expected_words`, what the parser expected here.
    pub expected: &'static str,
    /// In `storage::parse::Expected` order: comma, colon, list, list end,
    /// structure, structure end, text, number, true/false, name.
    pub expected_words: [&'static str; 10],
    /// `{name}`: the structure expected here, as `StandardsSet`.
    pub expected_struct: &'static str,
    pub bad_escape: &'static str,
    pub out_of_range: &'static str,
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

/// The levels of the tree: contact point, step, key factor, standard.
pub struct Levels {
    pub contact_point: &'static str,
    pub step: &'static str,
    pub factor: &'static str,
    pub standard: &'static str,
}

/// The words of a comparison of two revisions.
pub struct DiffWords {
    pub added: &'static str,
    pub removed: &'static str,
    /// `{from}`: the parent it was under.
    pub moved_from: &'static str,
    pub reordered: &'static str,
    pub changed: &'static str,
    /// The set itself, as the item whose fields changed.
    pub the_set: &'static str,
    pub no_differences: &'static str,
    /// `{count}` changes.
    pub changes: &'static str,
    /// The manual's heading: changes since revision `{revision}`.
    pub changes_since: &'static str,
}

/// The name of every field a diff compares, by the key the file gives it.
pub struct DiffFields {
    pub title: &'static str,
    pub organisation: &'static str,
    pub language: &'static str,
    pub revision: &'static str,
    pub owner: &'static str,
    pub approved_by: &'static str,
    pub effective: &'static str,
    pub next_review: &'static str,
    pub journey: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub why: &'static str,
    pub importance: &'static str,
    pub satisfaction: &'static str,
    pub text: &'static str,
    pub kind: &'static str,
    pub target: &'static str,
    pub monitoring: &'static str,
    pub owner_role: &'static str,
    pub critical: &'static str,
    pub dimensions: &'static str,
    pub rationale: &'static str,
    pub review: &'static str,
}

impl DiffFields {
    /// The name of the field the file calls `key`; none for a key no diff makes.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&'static str> {
        Some(match key {
            "title" => self.title,
            "organisation" => self.organisation,
            "language" => self.language,
            "revision" => self.revision,
            "owner" => self.owner,
            "approved_by" => self.approved_by,
            "effective" => self.effective,
            "next_review" => self.next_review,
            "journey" => self.journey,
            "name" => self.name,
            "description" => self.description,
            "why" => self.why,
            "importance" => self.importance,
            "satisfaction" => self.satisfaction,
            "text" => self.text,
            "kind" => self.kind,
            "target" => self.target,
            "monitoring" => self.monitoring,
            "owner_role" => self.owner_role,
            "critical" => self.critical,
            "dimensions" => self.dimensions,
            "rationale" => self.rationale,
            "review" => self.review,
            _ => return None,
        })
    }
}

/// `check --explain`: the lines of the checker's reading of a standard.
pub struct Explain {
    /// A criterion `{text}` of kind `{what}`.
    pub criterion: &'static str,
    /// A criterion `{text}` of kind `{what}` that states the vague `{word}`.
    pub criterion_states: &'static str,
    /// A vague `{word}` of `{category}` that nothing states.
    pub not_stated: &'static str,
    /// An act `{text}` done by `{who}`: one of the two below.
    pub act: &'static str,
    pub by_staff: &'static str,
    /// The customer's act is an occasion, not a criterion.
    pub by_customer: &'static str,
}

/// What an item with nothing under it lacks, by the item's level.
pub struct NoChildren {
    /// A contact point with no steps.
    pub contact_point: &'static str,
    /// A step with no key factors.
    pub step: &'static str,
    /// A key factor with no standards.
    pub factor: &'static str,
}

/// Why a path to a file beside a set, record or actions file (`{path}`)
/// cannot be used; one sentence per `EvidenceIssue`.
pub struct PathIssues {
    pub absolute: &'static str,
    pub climbs: &'static str,
    pub links_out: &'static str,
    pub not_a_file: &'static str,
    pub missing: &'static str,
}

impl PathIssues {
    /// The sentence for `issue`.
    #[must_use]
    pub fn get(&self, issue: EvidenceIssue) -> &'static str {
        match issue {
            EvidenceIssue::Absolute => self.absolute,
            EvidenceIssue::Climbs => self.climbs,
            EvidenceIssue::LinksOut => self.links_out,
            EvidenceIssue::NotAFile => self.not_a_file,
            EvidenceIssue::Missing => self.missing,
        }
    }
}

/// What is wrong in an actions file. `{action}` is the action's ID.
pub struct ActionProblems {
    /// `{record}` beside the actions file cannot be read.
    pub no_record: &'static str,
    pub duplicate_id: &'static str,
    /// The set has no `{standard}`.
    pub unknown_standard: &'static str,
    /// The record has no failed verdict on `{standard}`.
    pub not_failed: &'static str,
    /// No text saying what is to be done.
    pub empty_what: &'static str,
    /// Done or verified with no date.
    pub no_done_date: &'static str,
    /// Verified by no one.
    pub no_verifier: &'static str,
    /// Can't do, with no reason.
    pub no_reason: &'static str,
    /// A photo `{path}` that cannot be used.
    pub photo: PathIssues,
}

/// The words around corrective actions in lists.
pub struct ActionWords {
    pub due: &'static str,
    pub overdue: &'static str,
    /// A failure seen at the last inspection of the site too.
    pub repeat: &'static str,
    /// `{count}` actions.
    pub count: &'static str,
}

/// What makes a standard measurable, by kind of criterion.
pub struct CriterionKinds {
    pub figure: &'static str,
    /// A time limit or a frequency.
    pub time: &'static str,
    /// Words to be said.
    pub words: &'static str,
    /// An observable act.
    pub act: &'static str,
    /// The customer's act that sets the moment: an occasion.
    pub occasion: &'static str,
}

/// What is wrong with a line of a survey file.
pub struct SurveyProblems {
    /// Not `FACTOR-ID,SCORE`.
    pub shape: &'static str,
    /// A score `{value}` outside the scale.
    pub out_of_range: &'static str,
    /// `{value}` is not a number.
    pub not_a_number: &'static str,
    /// `{id}` given again; `{first}` is the line of its earlier score.
    pub duplicate: &'static str,
    /// `{id}` names no factor of the set.
    pub unknown: &'static str,
    /// The heading of the report's list of such rows.
    pub heading: &'static str,
}

/// Why a set cannot be approved.
pub struct ApproveErrors {
    pub no_revision: &'static str,
    pub no_approver: &'static str,
    /// `{revision}` was approved before.
    pub already_approved: &'static str,
    /// `{count}` findings stand in the way of approval (see `core::approval`).
    pub blocked: &'static str,
    /// What `servstd approve` can do about them: fix, or approve anyway.
    pub blocked_cli: &'static str,
    /// Approving despite findings, with no reason given.
    pub no_reason: &'static str,
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
