//! Every word the program says, in simplified Chinese, traditional Chinese
//! and English: the window's texts, the labels printed on exports, the
//! inspection report, and the checker's and validation's messages.
//!
//! One table per language ([`en`], [`zh_cn`], [`zh_tw`]) fills the same
//! structs, so the compiler refuses a word missing from any language.

pub mod chain;
pub mod chain_report;
pub mod en;
mod errors;
mod files;
pub mod locale;
pub mod messages;
pub mod script;
pub mod survey;
mod vocab;
mod window;
pub mod zh_cn;
pub mod zh_tw;

pub use crate::core::model::Language;
pub use chain_report::{ChainReportWords, chain_report};
pub use messages::{
    ActionProblems, ActionWords, ApproveErrors, CriterionKinds, DiffFields, DiffWords, Explain,
    FileMessages, FormMessages, Levels, Messages, NoChildren, PathIssues, RewriteWords,
    SurveyProblems, fill, messages,
};
pub use survey::{SurveyWords, survey_words};
pub use window::{ActionTexts, InspectTexts, RevisionTexts, TemplateKinds, Texts};

/// All the words of one language.
pub struct Words {
    pub window: Texts,
    pub inspect: InspectTexts,
    pub labels: Labels,
    pub report: ReportWords,
    pub messages: Messages,
    pub vocab: Vocab,
    /// A whole chain of sites (its own table, [`chain`]).
    pub chain: &'static chain::ChainWords,
}

/// The method's vocabulary: kinds of standard, ways of checking, quality
/// dimensions, verdicts and quadrants, each list in its type's `ALL` order.
pub struct Vocab {
    /// The three kinds of standard, in `StandardKind::ALL` order.
    pub kinds: [&'static str; 3],
    /// What each kind is about, as the method defines it; same order.
    pub kind_meanings: [&'static str; 3],
    /// The four ways of checking, in `Monitoring::ALL` order.
    pub monitoring: [&'static str; 4],
    /// The quality dimensions, in `Dimension::ALL` order.
    pub dimensions: [&'static str; 14],
    /// Pass, fail, not applicable, not checked: a verdict.
    pub verdicts: [&'static str; 4],
    /// The same four, counted: "12 passed · 1 failed…".
    pub tally: TallyWords,
    /// The quadrants of importance × satisfaction, in `Quadrant::ALL` order.
    pub quadrants: [&'static str; 4],
    /// The result of an inspection in one line: a critical standard failed,
    /// nothing scored yet, passed, below the pass mark.
    pub result_critical: &'static str,
    pub result_unscored: &'static str,
    pub result_pass: &'static str,
    pub result_below: &'static str,
    /// A partial inspection, wherever it is shown; {unchecked} and {total} are counts.
    pub partial: &'static str,
    /// The same in a table cell or a list.
    pub partial_short: &'static str,
    /// A follow-up visit, wherever it is shown: `{checked}` standards it
    /// checks (those with corrective actions).
    pub follow_up: &'static str,
    /// The same in a table cell or a list.
    pub follow_up_short: &'static str,
    /// The quadrant's legend: a filled marker, satisfaction measured
    /// (an inspection's pass rate or a survey).
    pub point_measured: &'static str,
    /// A hollow marker: satisfaction only from the score written in the set.
    pub point_from_set: &'static str,
    /// Under a trend: the partial inspections and follow-up visits it leaves
    /// out; `{dates}`.
    pub trend_leaves_out: &'static str,
    /// A yes-or-no value (a critical standard) in a spreadsheet cell or a
    /// comparison of revisions.
    pub yes: &'static str,
    pub no: &'static str,
}

/// A verdict's four outcomes as counted in a tally.
pub struct TallyWords {
    pub passed: &'static str,
    pub failed: &'static str,
    pub na: &'static str,
    pub not_checked: &'static str,
}

/// Where a factor's satisfaction came from, on the report's quadrant.
pub struct Sources {
    pub survey: &'static str,
    pub pass_rate: &'static str,
    /// The score written in the set.
    pub set: &'static str,
}

/// `text` in brackets after what it qualifies, as each language writes it:
/// " (partial)" in English, "（不完整）" in Chinese.
#[must_use]
pub fn aside(lang: Language, text: &str) -> String {
    match lang {
        Language::En => format!(" ({text})"),
        Language::ZhCn | Language::ZhTw => format!("（{text}）"),
    }
}

/// The table for a language.
#[must_use]
pub fn words(lang: Language) -> &'static Words {
    match lang {
        Language::ZhCn => &zh_cn::WORDS,
        Language::ZhTw => &zh_tw::WORDS,
        Language::En => &en::WORDS,
    }
}

/// The language to state a set's findings in: the interface's, except that a
/// Chinese interface speaks of a traditional-Chinese set in traditional
/// characters, so a message never mixes two scripts with the words it quotes.
#[must_use]
pub fn for_set(interface: Language, set: Language) -> Language {
    match (interface, set) {
        (Language::En, _) => Language::En,
        (_, Language::ZhTw) => Language::ZhTw,
        (chinese, _) => chinese,
    }
}

/// The window's texts.
#[must_use]
pub fn texts(lang: Language) -> &'static Texts {
    &words(lang).window
}

/// The texts of inspect mode and the results view.
#[must_use]
pub fn inspect_texts(lang: Language) -> &'static InspectTexts {
    &words(lang).inspect
}

/// Labels printed on exports.
#[must_use]
pub fn labels(lang: Language) -> &'static Labels {
    &words(lang).labels
}

/// Words of the inspection report.
#[must_use]
pub fn report_words(lang: Language) -> &'static ReportWords {
    &words(lang).report
}

/// Printed labels in one language.
pub struct Labels {
    /// Column headings of a set exported as CSV or XLSX.
    pub set_headers: [&'static str; 14],
    pub checklist: &'static str,
    pub cards: &'static str,
    pub manual: &'static str,
    pub revision: &'static str,
    pub contact_point: &'static str,
    pub site: &'static str,
    pub date: &'static str,
    pub inspector: &'static str,
    pub manager: &'static str,
    pub signature: &'static str,
    pub no: &'static str,
    pub standard: &'static str,
    pub kind: &'static str,
    pub how_checked: &'static str,
    pub pass: &'static str,
    pub fail: &'static str,
    pub na: &'static str,
    pub notes: &'static str,
    pub critical_note: &'static str,
    pub score: &'static str,
    pub passed: &'static str,
    pub applicable: &'static str,
    pub page_of: &'static str,
    pub training_card: &'static str,
    pub step: &'static str,
    pub key_factor: &'static str,
    pub why: &'static str,
    pub importance: &'static str,
    pub what_good_looks_like: &'static str,
    pub organisation: &'static str,
    pub owner: &'static str,
    pub approved_by: &'static str,
    pub effective: &'static str,
    pub next_review: &'static str,
    pub contents: &'static str,
    pub journey_at_a_glance: &'static str,
    pub appendix_by_kind: &'static str,
    pub appendix_by_role: &'static str,
    pub target: &'static str,
    pub monitoring: &'static str,
    pub owner_role: &'static str,
    pub dimensions: &'static str,
    pub rationale: &'static str,
    pub standards_count: &'static str,
    pub unassigned: &'static str,
    /// After a heading carried onto the next page: "(continued)".
    pub continued: &'static str,
    /// The time of a visit, on the checklist.
    pub time: &'static str,
    /// The checklist's overall total.
    pub total: &'static str,
    /// Stamped on every page of a draft's PDF.
    pub draft: &'static str,
    /// Marks on role cards for standards new or changed since a revision.
    pub new_mark: &'static str,
    pub changed_mark: &'static str,
    /// The legend of ★ on a card.
    pub critical_short: &'static str,
    pub role_cards: &'static str,
    pub signoff: &'static str,
    /// `{revision}`: what an employee's signature confirms.
    pub signoff_statement: &'static str,
    pub name: &'static str,
    pub trainer: &'static str,
    /// Before a standard's old text in "changes since".
    pub was: &'static str,
    /// A draft's cover: the revision approved last, named only as such.
    pub last_approved: &'static str,
    /// `{revision}`, `{by}`, `{date}`: what the cover says of it.
    pub last_approved_value: &'static str,
}

/// Words of the inspection report, its spreadsheets included.
pub struct ReportWords {
    pub report: &'static str,
    pub standards_set: &'static str,
    pub site: &'static str,
    pub inspector: &'static str,
    pub when: &'static str,
    pub method: &'static str,
    pub scope: &'static str,
    pub all: &'static str,
    pub score: &'static str,
    pub result: &'static str,
    pub by_contact_point: &'static str,
    pub by_kind: &'static str,
    pub pass_mark: &'static str,
    pub trend: &'static str,
    pub quadrant: &'static str,
    pub importance: &'static str,
    pub satisfaction: &'static str,
    pub sources: Sources,
    pub fix_first_list: &'static str,
    pub failures: &'static str,
    pub no_failures: &'static str,
    pub standard: &'static str,
    pub verdict: &'static str,
    pub note: &'static str,
    pub critical: &'static str,
    pub summary: &'static str,
    pub inspections: &'static str,
    pub revision: &'static str,
    pub unknown: &'static str,
    /// Column headings of the report's CSV and XLSX.
    pub headers: [&'static str; 17],
    /// Between items of a list written in a sentence.
    pub list_separator: &'static str,
    /// After a failure that failed at the last inspection of the site too.
    pub repeat: &'static str,
    /// The report's section of corrective actions; `{id}`, `{owner}`, `{due}`,
    /// `{status}`: one action's line.
    pub actions: &'static str,
    pub action_line: &'static str,
    pub no_actions: &'static str,
}

impl Labels {
    /// "Page X of Y" in the label's language.
    #[must_use]
    pub fn page_x_of_y(&self, x: usize, y: usize) -> String {
        fill(
            self.page_of,
            &[("page", &x.to_string()), ("pages", &y.to_string())],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::script::{SIMPLIFIED_ONLY, TRADITIONAL_ONLY};
    use super::*;

    /// The string literals of a table's source file.
    fn literals(source: &str) -> Vec<&str> {
        source.split('"').skip(1).step_by(2).collect()
    }

    #[test]
    fn traditional_table_has_no_simplified_only_character() {
        for text in literals(include_str!("zh_tw.rs")) {
            let bad: String = text
                .chars()
                .filter(|c| SIMPLIFIED_ONLY.contains(*c))
                .collect();
            assert!(bad.is_empty(), "zh-TW text “{text}” has simplified {bad}");
        }
    }

    #[test]
    fn simplified_table_has_no_traditional_only_character() {
        for text in literals(include_str!("zh_cn.rs")) {
            let bad: String = text
                .chars()
                .filter(|c| TRADITIONAL_ONLY.contains(*c))
                .collect();
            assert!(bad.is_empty(), "zh-CN text “{text}” has traditional {bad}");
        }
    }

    #[test]
    fn findings_follow_a_traditional_set_in_a_chinese_interface() {
        assert_eq!(for_set(Language::ZhCn, Language::ZhTw), Language::ZhTw);
        assert_eq!(for_set(Language::ZhCn, Language::ZhCn), Language::ZhCn);
        assert_eq!(for_set(Language::ZhTw, Language::ZhCn), Language::ZhTw);
        assert_eq!(for_set(Language::En, Language::ZhTw), Language::En);
    }

    #[test]
    fn every_language_names_the_page_numbers() {
        for lang in Language::ALL {
            let page = labels(lang).page_x_of_y(2, 5);
            assert!(page.contains('2') && page.contains('5'), "{page}");
        }
    }
}
