//! The window's words: its texts, the inspect screen's, the actions
//! board's, the revisions dialog's and the templates' names, each a struct
//! of named sentences that every language table fills.

/// The embedded templates named in the interface's language, by template.
#[derive(Debug)]
pub struct TemplateKinds {
    /// `{kind}`, `{title}`: a template's choice in the wizard.
    pub choice: &'static str,
    pub restaurant: &'static str,
    pub bank_branch: &'static str,
    pub hotel_front_office: &'static str,
    pub call_centre: &'static str,
    pub field_repair: &'static str,
    pub online_shop: &'static str,
}

impl TemplateKinds {
    /// The name of the template called `name` (its file's stem), if known.
    #[must_use]
    pub fn of(&self, name: &str) -> Option<&'static str> {
        Some(match name {
            "restaurant" => self.restaurant,
            "bank-branch" => self.bank_branch,
            "hotel-front-office" => self.hotel_front_office,
            "call-centre" => self.call_centre,
            "field-repair" => self.field_repair,
            "online-shop" => self.online_shop,
            _ => return None,
        })
    }
}

/// The window's own texts in one language.
#[allow(clippy::struct_field_names)]
pub struct Texts {
    pub approachability_list: [&'static str; 8],
    pub staff_skills_list: [&'static str; 7],
    pub seven_aspects_list: [&'static str; 7],
    pub file: &'static str,
    pub new: &'static str,
    pub new_from_template: &'static str,
    pub open: &'static str,
    pub open_recent: &'static str,
    /// File › the built-in sample, in the interface's language.
    pub open_sample: &'static str,
    pub no_recent: &'static str,
    pub save: &'static str,
    pub save_as: &'static str,
    pub quit: &'static str,
    pub edit: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub view: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub theme_system: &'static str,
    pub help: &'static str,
    pub the_method: &'static str,
    pub shortcuts: &'static str,
    pub about: &'static str,
    pub add_contact_point: &'static str,
    pub add_step: &'static str,
    pub add_factor: &'static str,
    pub add_standard: &'static str,
    pub delete: &'static str,
    pub duplicate: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub journey: &'static str,
    pub filter: &'static str,
    pub findings: &'static str,
    /// The names of a step and a key factor just added.
    pub new_step: &'static str,
    pub new_factor: &'static str,
    /// The paper size "US Letter" in the export dialog.
    pub us_letter: &'static str,
    /// The tree's filter matched nothing; `{filter}` is what was typed.
    pub no_match: &'static str,
    pub no_findings: &'static str,
    pub set_details: &'static str,
    pub title: &'static str,
    pub organisation: &'static str,
    pub set_language: &'static str,
    pub revision: &'static str,
    pub owner: &'static str,
    pub approved_by: &'static str,
    pub effective: &'static str,
    pub next_review: &'static str,
    pub date_hint: &'static str,
    pub bad_date: &'static str,
    pub journey_description: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub why: &'static str,
    pub importance: &'static str,
    pub satisfaction: &'static str,
    pub not_measured: &'static str,
    pub text: &'static str,
    pub kind: &'static str,
    pub target: &'static str,
    pub target_value: &'static str,
    pub target_unit: &'static str,
    pub no_target: &'static str,
    pub monitoring: &'static str,
    pub owner_role: &'static str,
    pub critical: &'static str,
    pub critical_hint: &'static str,
    pub dimensions: &'static str,
    pub rationale: &'static str,
    pub review: &'static str,
    pub measurable: &'static str,
    /// The standard editor's fold with the checker's reading of the text.
    pub checker_reading: &'static str,
    /// Quotation marks of the language around `{text}`.
    pub quoted: &'static str,
    pub q_contact_points: &'static str,
    pub q_steps: &'static str,
    pub q_factors: &'static str,
    pub q_standards: &'static str,
    pub approachability: &'static str,
    pub staff_skills: &'static str,
    pub seven_aspects: &'static str,
    pub kinds_meaning: &'static str,
    pub unsaved: &'static str,
    pub saved: &'static str,
    pub sample: &'static str,
    /// A set made in the wizard or from a template, not saved to a file yet.
    pub new_unsaved: &'static str,
    pub unsaved_title: &'static str,
    pub unsaved_body: &'static str,
    pub discard: &'static str,
    pub cancel: &'static str,
    pub ok: &'static str,
    pub path_title: &'static str,
    pub path_no_portal: &'static str,
    pub waiting_for_chooser: &'static str,
    pub type_path_instead: &'static str,
    pub cannot_open: &'static str,
    pub cannot_save: &'static str,
    pub saved_to: &'static str,
    pub contact_points: &'static str,
    pub steps: &'static str,
    pub factors: &'static str,
    pub standards: &'static str,
    /// The same words after a count of one ("1 contact point").
    pub contact_point: &'static str,
    pub step: &'static str,
    pub factor: &'static str,
    pub standard: &'static str,
    pub close: &'static str,
    pub method_body: &'static [(&'static str, &'static str)],
    pub help_new_set: &'static str,
    pub help_find: &'static str,
    pub help_move_up: &'static str,
    pub help_move_down: &'static str,
    pub help_delete: &'static str,
    pub about_body: &'static str,
    pub select_hint: &'static str,
    pub changed_on_disk: &'static str,
    pub overwrite: &'static str,
    pub wizard_title: &'static str,
    /// The title a blank new set starts with.
    pub new_set_title: &'static str,
    pub wizard_pages: [&'static str; 4],
    pub wizard_start: &'static str,
    pub wizard_blank: &'static str,
    /// What each embedded template is, in the interface's language, shown
    /// before its title (which is in the template's own language).
    pub template_kinds: TemplateKinds,
    pub back: &'static str,
    pub next: &'static str,
    pub finish: &'static str,
    pub wizard_empty: &'static str,
    pub new_contact_point: &'static str,
    pub new_step_for: &'static str,
    pub new_factor_for: &'static str,
    pub new_standard_for: &'static str,
    pub add: &'static str,
    pub remove: &'static str,
    pub recovery_title: &'static str,
    pub recovery_body: &'static str,
    pub restore: &'static str,
    pub find: &'static str,
    pub dropped_here: &'static str,
    pub export: &'static str,
    pub format: &'static str,
    pub layout: &'static str,
    pub paper: &'static str,
    pub layouts: [&'static str; 5],
    pub count_pages: &'static str,
    pub pages: &'static str,
    pub export_path: &'static str,
    /// The export dialog's choices the command line has too: which contact
    /// point, which role, the labels' language, an earlier revision.
    pub export_contact_point: &'static str,
    pub export_role: &'static str,
    pub export_all: &'static str,
    pub export_language: &'static str,
    pub export_set_language: &'static str,
    pub export_since: &'static str,
    pub export_since_hint: &'static str,
    pub exported: &'static str,
    /// Shown while an export or report is being written.
    pub writing: &'static str,
    /// Delete of an item that holds others: the question.
    pub confirm_delete_title: &'static str,
    /// Its body; {name} is the item, {standards} the standards under it.
    pub confirm_delete_body: &'static str,
    /// The export dialog: vague standards will be printed; {count} is how many.
    pub vague_in_export: &'static str,
    /// The export dialog: the checklist as a PDF form, and its hint.
    pub fillable_form: &'static str,
    pub fillable_form_tip: &'static str,
    /// Wizard page 4: the owner role given to each new standard.
    pub wizard_owner: &'static str,
    /// Its hint.
    pub wizard_owner_hint: &'static str,
    /// Approval, drafts and comparing revisions.
    pub revisions: RevisionTexts,
    /// Corrective actions: the board and inspect mode.
    pub actions: ActionTexts,
}

/// The texts of inspect mode and the results view.
pub struct InspectTexts {
    pub menu: &'static str,
    pub tab_standards: &'static str,
    pub tab_inspect: &'static str,
    pub tab_results: &'static str,
    pub new_inspection: &'static str,
    pub resume_inspection: &'static str,
    pub results: &'static str,
    pub start_title: &'static str,
    pub start_intro: &'static str,
    pub site: &'static str,
    pub inspector: &'static str,
    pub method: &'static str,
    pub scope: &'static str,
    pub record_file: &'static str,
    pub start: &'static str,
    pub need_site_and_inspector: &'static str,
    pub need_inspection_name: &'static str,
    pub need_scope: &'static str,
    pub file_exists: &'static str,
    pub save_first: &'static str,
    pub error_title: &'static str,
    pub pass: &'static str,
    pub fail: &'static str,
    pub na: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub evidence: &'static str,
    pub evidence_hint: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub next_unanswered: &'static str,
    pub close: &'static str,
    pub answered: &'static str,
    pub keys_title: &'static str,
    pub key_pass: &'static str,
    pub key_fail: &'static str,
    pub key_na: &'static str,
    pub key_note: &'static str,
    pub key_next: &'static str,
    pub key_previous: &'static str,
    pub key_unanswered: &'static str,
    pub keys_label: &'static str,
    pub saved_to: &'static str,
    pub not_saved: &'static str,
    pub critical: &'static str,
    pub how_checked: &'static str,
    pub summary: &'static str,
    pub score: &'static str,
    pub result: &'static str,
    pub failures: &'static str,
    pub no_failures: &'static str,
    pub show_results: &'static str,
    pub back_to_inspection: &'static str,
    pub nothing_in_scope: &'static str,
    /// The results view while the records beside the set are read.
    pub reading_records: &'static str,
    pub no_inspections: &'static str,
    pub inspection: &'static str,
    pub add_inspection: &'static str,
    pub import_survey: &'static str,
    /// Inspection › Import filled checklist…, and the title of what it has
    /// to say when the form and the set differ.
    pub import_form: &'static str,
    pub imported_with_warnings: &'static str,
    pub survey_from: &'static str,
    pub report: &'static str,
    pub pass_rate_by_cp: &'static str,
    pub trend: &'static str,
    pub quadrant: &'static str,
    pub importance: &'static str,
    pub satisfaction: &'static str,
    pub pass_mark: &'static str,
    pub review_due: &'static str,
    pub no_review_due: &'static str,
    pub unreadable_records: &'static str,
    pub open_after: &'static str,
    pub written: &'static str,
    pub path: &'static str,
    /// The button that shows or hides the list of standards in inspect mode.
    pub list_toggle: &'static str,
    /// Finish pressed with standards not checked: the question.
    pub finish_partial_title: &'static str,
    /// Its body; {unchecked} and {total} are counts.
    pub finish_partial_body: &'static str,
    /// Finish a partial inspection.
    pub finish_anyway: &'static str,
    /// Go back to the inspection.
    pub keep_inspecting: &'static str,
    /// Resume: no record in progress beside the set.
    pub no_records_beside: &'static str,
    /// Resume: the heading of the list of records in progress.
    pub in_progress: &'static str,
    /// Resume: choose a record elsewhere.
    pub other_record: &'static str,
}

/// The window's words for corrective actions.
pub struct ActionTexts {
    pub tab: &'static str,
    pub status: &'static str,
    pub all: &'static str,
    pub contact_point: &'static str,
    pub overdue_only: &'static str,
    pub none: &'static str,
    pub start: &'static str,
    pub done: &'static str,
    pub verify: &'static str,
    pub cant_do: &'static str,
    pub note: &'static str,
    pub verified_by: &'static str,
    pub reason: &'static str,
    pub add: &'static str,
    pub heading: &'static str,
    pub what: &'static str,
    pub due: &'static str,
    pub priority: &'static str,
    /// `{count}`: the status bar.
    pub overdue_count: &'static str,
    pub sample_note: &'static str,
    pub show_standard: &'static str,
    pub photos: &'static str,
    pub add_photos: &'static str,
    pub storing: &'static str,
    pub drop_hint: &'static str,
    /// `{site}`: a follow-up visit checking only the open actions there.
    pub reinspect: &'static str,
    /// `{id}`: on a follow-up visit, the open action of a standard that passed.
    pub follow_up_passed: &'static str,
    /// `{id}`, `{by}`: the open action just verified on a follow-up visit.
    pub follow_up_verified: &'static str,
    /// `{date}`: on a follow-up visit, what the visit that failed the
    /// standard saw (its note and photos follow).
    pub follow_up_earlier: &'static str,
    /// The failed verdict's photos, then the fix's, on the actions board.
    pub failure_photos: &'static str,
    pub fix_photos: &'static str,
    /// Photos added to an action still open.
    pub photos_wait: &'static str,
    /// The embedded sample's actions have no folder to store photos in.
    pub photos_need_file: &'static str,
    /// Opens the record at the failed standard.
    pub open_verdict: &'static str,
    /// The results view: a failure's corrective action, raised or shown.
    pub action_button: &'static str,
}

/// The window's words for revisions: File › Approve…, the approved set's
/// banner, the question before the first edit, File › Compare with….
pub struct RevisionTexts {
    pub approve: &'static str,
    /// After approving a set never saved: the approval is in the window
    /// only until the set is saved.
    pub approved_save_now: &'static str,
    pub approve_title: &'static str,
    /// `{revision}`: the approval of a set changed since its revision was approved.
    pub approve_changed: &'static str,
    /// `{revision}`: Approve… on a revision approved and unchanged since:
    /// why there is nothing to approve, and the way to a next revision.
    pub approve_already: &'static str,
    pub summary: &'static str,
    pub approve_button: &'static str,
    /// `{revision}`, `{by}`, `{date}`.
    pub approved_banner: &'static str,
    /// `{revision}`: the button that starts the next revision.
    pub edit_as_draft: &'static str,
    /// `{revision}`: the question before the first edit of an approved set.
    pub draft_title: &'static str,
    /// `{approved}`, `{revision}`.
    pub draft_body: &'static str,
    /// Status bar: `{revision}`.
    pub status_approved: &'static str,
    pub status_draft: &'static str,
    pub status_changed: &'static str,
    /// History in the set's details: `{revision}`, `{date}`, `{by}`, `{summary}`.
    pub history_line: &'static str,
    pub history: &'static str,
    pub compare_with: &'static str,
    /// `{old}`, `{new}`: the compare dialog's heading.
    pub compare_title: &'static str,
    /// `{revision}`, `{old}`: the heading when the file compared is the
    /// open set's own revision and nothing differs.
    pub compare_same: &'static str,
    /// `{revision}`, `{old}`: the heading when the file compared has the
    /// open set's revision number but differs from it.
    pub compare_same_revision: &'static str,
    /// `{count}`: above the findings that stand in the way of approving.
    pub approve_findings: &'static str,
    /// The required reason to approve despite the findings.
    pub despite_reason: &'static str,
    /// `{count}`: the button that approves despite the findings.
    pub approve_despite: &'static str,
}
