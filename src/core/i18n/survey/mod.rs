//! The survey's words (plan, questionnaire, responses, figures) in each
//! language: one table per language beside this file, filling the same
//! struct so that the compiler refuses a word missing from any of them.

mod en;
mod zh_cn;
mod zh_tw;

use super::Language;

/// Every word the survey says.
pub struct SurveyWords {
    /// The method's table: what each purpose asks, in `Purpose::ALL` order.
    pub purposes: [&'static str; 6],
    /// Who answers it, same order.
    pub respondents: [&'static str; 6],
    /// The plan page.
    pub plan: PlanWords,
    /// The printed questionnaire.
    pub sheet: SheetWords,
    /// Figures and their labels (window, report, command line).
    pub figures: FigureWords,
    /// What is wrong with a responses file.
    pub problems: ProblemWords,
}

pub struct PlanWords {
    pub title: &'static str,
    /// What the method says about asking customers, above its table.
    pub intro: &'static str,
    pub purpose: &'static str,
    pub respondents: &'static str,
    pub group_id: &'static str,
    pub size: &'static str,
    pub run_by: &'static str,
    pub when: &'static str,
    pub add_row: &'static str,
    pub remove: &'static str,
    pub groups: &'static str,
    pub second_language: &'static str,
    pub none: &'static str,
    pub min_answers: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub no_file: &'static str,
    pub questionnaire: &'static str,
    pub export_pdf: &'static str,
    pub export_template: &'static str,
    pub import: &'static str,
    pub imported: &'static str,
    pub no_responses: &'static str,
    pub columns_mapped: &'static str,
    /// Texts with no wording in the second language: `{lang}`, `{ids}`.
    pub untranslated: &'static str,
    /// Over the questionnaire's preview: `{count}` key factors.
    pub preview: &'static str,
    /// An export refused over a file of answers: `{file}`, `{rows}`.
    pub would_replace: &'static str,
    /// The button for the questionnaire as a fillable PDF form.
    pub export_fillable: &'static str,
    /// The button importing a folder of filled questionnaire forms.
    pub import_forms: &'static str,
}

pub struct SheetWords {
    pub title: &'static str,
    pub intro: &'static str,
    pub importance: &'static str,
    pub satisfaction: &'static str,
    /// Under the 1–5 scales.
    pub scale_note: &'static str,
    pub nps: &'static str,
    pub nps_low: &'static str,
    pub nps_high: &'static str,
    pub open: &'static str,
    pub thanks: &'static str,
    pub date: &'static str,
    /// The template's second sheet and its headings.
    pub questions_sheet: &'static str,
    pub responses_sheet: &'static str,
    pub id: &'static str,
    pub question: &'static str,
    /// The question of a factor's two columns in the template: `{factor}`.
    pub template_importance: &'static str,
    pub template_satisfaction: &'static str,
    pub template_respondent: &'static str,
    pub template_group: &'static str,
    pub template_period: &'static str,
    /// The fillable form's respondent number blank.
    pub respondent_no: &'static str,
    /// The fillable form's question of the respondent group.
    pub group_question: &'static str,
}

pub struct FigureWords {
    pub heading: &'static str,
    pub respondents: &'static str,
    pub factor: &'static str,
    pub importance: &'static str,
    pub satisfaction: &'static str,
    pub top_box: &'static str,
    pub share_4: &'static str,
    pub n: &'static str,
    pub ci: &'static str,
    pub nps: &'static str,
    /// The customer satisfaction index.
    pub csi: &'static str,
    pub promoters: &'static str,
    pub passives: &'static str,
    pub detractors: &'static str,
    pub trend: &'static str,
    pub weakest: &'static str,
    pub by_group: &'static str,
    pub top_box_note: &'static str,
    /// `{min}` answers: how factors are placed.
    pub placed: &'static str,
    pub by_customers: &'static str,
    pub by_inspection: &'static str,
    /// A factor with some answers, too few: `{id}`, `{n}`, `{min}`.
    pub too_few: &'static str,
    pub differences: &'static str,
    pub no_differences: &'static str,
    pub passes_but_low: &'static str,
    pub fails_but_high: &'static str,
    pub customers: &'static str,
    pub inspection: &'static str,
    pub open_answers: &'static str,
    pub not_used: &'static str,
    /// `{rows}` respondents read from `{file}`, `{lost}` answers or rows not used.
    pub read: &'static str,
}

pub struct ProblemWords {
    /// `row {row}, column {column}`.
    pub at_cell: &'static str,
    pub at_row: &'static str,
    pub out_of_range: &'static str,
    pub not_a_score: &'static str,
    pub no_respondent: &'static str,
    pub duplicate: &'static str,
    pub unknown_group: &'static str,
    pub unknown_column: &'static str,
    pub duplicate_column: &'static str,
    pub missing_question: &'static str,
    pub no_respondent_column: &'static str,
    pub unreadable: &'static str,
    /// A PDF that is no fillable questionnaire of servstd.
    pub not_a_questionnaire: &'static str,
    /// A respondent number already met in another filled form: {id}, {first}.
    pub duplicate_form: &'static str,
}

/// The survey's words in `lang`.
#[must_use]
pub fn survey_words(lang: Language) -> &'static SurveyWords {
    match lang {
        Language::ZhCn => &zh_cn::SURVEY,
        Language::ZhTw => &zh_tw::SURVEY,
        Language::En => &en::SURVEY,
    }
}
