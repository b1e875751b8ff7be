//! The questionnaire drawn from a set's key factors: one question a factor,
//! in the customer's words, grouped by contact point in the journey's order;
//! each asked twice (how important, how satisfied, both 1–5); then the
//! likelihood to recommend (0–10) and one open question. Also the stable
//! question IDs every template, online tool and import shares.

use crate::core::model::{Language, StandardsSet};

use super::plan::SurveyPlan;

/// The column of the respondent's own ID (a number on the sheet, an online
/// tool's response ID).
pub const RESPONDENT: &str = "RESPONDENT";
/// The column of the respondent group (a group ID of the plan).
pub const GROUP: &str = "GROUP";
/// The column of the period the answer belongs to (e.g. `2026-11`): NPS
/// has a trend across periods.
pub const PERIOD: &str = "PERIOD";
/// Likelihood to recommend, 0–10.
pub const NPS: &str = "NPS";
/// The open question.
pub const OPEN: &str = "OPEN";
/// The ending of a factor's importance column: `KF-3.imp`.
pub const IMPORTANCE: &str = ".imp";
/// The ending of a factor's satisfaction column: `KF-3.sat`.
pub const SATISFACTION: &str = ".sat";

/// What a column of a responses file holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    Respondent,
    Group,
    Period,
    /// The importance of the factor at this index of [`Questionnaire::factors`].
    Importance(usize),
    /// Its satisfaction.
    Satisfaction(usize),
    Nps,
    Open,
}

/// One factor as the customer is asked about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The factor's ID, the stem of its question IDs.
    pub factor: String,
    /// The question in each of the questionnaire's languages, in order.
    pub wording: Vec<String>,
}

/// The factors of one contact point.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub contact_point: String,
    /// The contact point's name in each language.
    pub name: Vec<String>,
    pub items: Vec<Item>,
}

/// A questionnaire: the set's title, its languages (one, or two side by
/// side) and its sections in journey order.
#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    pub title: String,
    pub languages: Vec<Language>,
    pub sections: Vec<Section>,
}

impl Questionnaire {
    /// Draws the questionnaire from `set`, worded by `plan` where it says,
    /// in the set's language and the plan's second language, if any (or
    /// `languages` when given, for a print in another language).
    #[must_use]
    pub fn new(set: &StandardsSet, plan: &SurveyPlan, languages: &[Language]) -> Self {
        let mut langs: Vec<Language> = if languages.is_empty() {
            std::iter::once(set.language)
                .chain(plan.second_language)
                .collect()
        } else {
            languages.to_vec()
        };
        langs.dedup();
        let sections = set
            .contact_points
            .iter()
            .map(|cp| Section {
                contact_point: cp.id.clone(),
                name: langs
                    .iter()
                    .map(|&l| {
                        plan.wording_of(&cp.id, l)
                            .map_or_else(|| translated(&cp.name, set.language, l), str::to_owned)
                    })
                    .collect(),
                items: cp
                    .steps
                    .iter()
                    .flat_map(|s| &s.factors)
                    .map(|f| Item {
                        factor: f.id.clone(),
                        wording: langs
                            .iter()
                            .map(|&l| {
                                plan.wording_of(&f.id, l).map_or_else(
                                    || translated(&f.name, set.language, l),
                                    str::to_owned,
                                )
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .filter(|s: &Section| !s.items.is_empty())
            .collect();
        Self {
            title: set.title.clone(),
            languages: langs,
            sections,
        }
    }

    /// The factors (and contact points) with no wording in a language of
    /// the questionnaire other than the set's: (ID, language). Their
    /// column stays blank on the sheet until the plan words them.
    #[must_use]
    pub fn untranslated(&self) -> Vec<(String, Language)> {
        let mut out = Vec::new();
        for s in &self.sections {
            for (id, texts) in std::iter::once((&s.contact_point, &s.name))
                .chain(s.items.iter().map(|i| (&i.factor, &i.wording)))
            {
                for (lang, text) in self.languages.iter().zip(texts) {
                    if text.is_empty() {
                        out.push((id.clone(), *lang));
                    }
                }
            }
        }
        out
    }

    /// Every factor asked about, in journey order.
    pub fn factors(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| &s.items)
    }

    /// The template's columns: respondent, group, period, each factor's
    /// importance and satisfaction in journey order, NPS, the open question.
    #[must_use]
    pub fn column_ids(&self) -> Vec<String> {
        let mut out = vec![RESPONDENT.to_owned(), GROUP.to_owned(), PERIOD.to_owned()];
        for item in self.factors() {
            out.push(format!("{}{IMPORTANCE}", item.factor));
            out.push(format!("{}{SATISFACTION}", item.factor));
        }
        out.push(NPS.to_owned());
        out.push(OPEN.to_owned());
        out
    }

    /// What the question ID `id` asks (case aside), if it is one of this
    /// questionnaire's.
    #[must_use]
    pub fn question(&self, id: &str) -> Option<Question> {
        let id = id.trim();
        let upper = id.to_ascii_uppercase();
        match upper.as_str() {
            RESPONDENT => return Some(Question::Respondent),
            GROUP => return Some(Question::Group),
            PERIOD => return Some(Question::Period),
            NPS => return Some(Question::Nps),
            OPEN => return Some(Question::Open),
            _ => {}
        }
        let lower = id.to_ascii_lowercase();
        let (stem, imp) = if let Some(stem) = lower.strip_suffix(IMPORTANCE) {
            (stem, true)
        } else {
            (lower.strip_suffix(SATISFACTION)?, false)
        };
        let at = self
            .factors()
            .position(|item| item.factor.eq_ignore_ascii_case(stem))?;
        Some(if imp {
            Question::Importance(at)
        } else {
            Question::Satisfaction(at)
        })
    }
}

/// A set's text in `lang`: as written in the set's own language; between
/// simplified and traditional Chinese, converted character by character
/// (the common characters whose forms differ); in any other language
/// nothing, since only the plan can translate it.
fn translated(name: &str, set: Language, lang: Language) -> String {
    use crate::core::i18n::script::{SIMPLIFIED_ONLY, TRADITIONAL_ONLY};
    let map = |from: &str, to: &str| -> String {
        let (from, to): (Vec<char>, Vec<char>) = (
            from.chars().filter(|c| !c.is_whitespace()).collect(),
            to.chars().filter(|c| !c.is_whitespace()).collect(),
        );
        name.chars()
            .map(|c| {
                from.iter()
                    .position(|f| *f == c)
                    .and_then(|i| to.get(i))
                    .copied()
                    .unwrap_or(c)
            })
            .collect()
    };
    let text = match (set, lang) {
        (a, b) if a == b => name.to_owned(),
        (Language::ZhCn, Language::ZhTw) => map(SIMPLIFIED_ONLY, TRADITIONAL_ONLY),
        (Language::ZhTw, Language::ZhCn) => map(TRADITIONAL_ONLY, SIMPLIFIED_ONLY),
        _ => return String::new(),
    };
    customer_words(&text, lang)
}

/// A factor's name as the customer reads it on the sheet: its own words,
/// without a closing full stop, capitalised in English. The set's factors
/// are already phrased from the customer's side ("being noticed at once",
/// 「一进门就被注意到」); a print in another language than the set's keeps
/// them as written, since only the plan can translate them.
#[must_use]
pub fn customer_words(name: &str, lang: Language) -> String {
    let name = name
        .trim()
        .trim_end_matches(['.', '。', '!', '！', ';', '；']);
    match lang {
        Language::En => {
            let mut chars = name.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
        Language::ZhCn | Language::ZhTw => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_follow_the_journey_and_ids_read_back() {
        let set = crate::core::templates::default_sample();
        let mut plan = SurveyPlan::default();
        let first = set.contact_points[0].steps[0].factors[0].id.clone();
        plan.wording.insert(
            first.clone(),
            [("zh-CN".to_owned(), "电话响几声就有人接？".to_owned())].into(),
        );
        let q = Questionnaire::new(&set, &plan, &[]);
        let ids: Vec<_> = set
            .contact_points
            .iter()
            .flat_map(|cp| &cp.steps)
            .flat_map(|s| &s.factors)
            .map(|f| f.id.clone())
            .collect();
        let asked: Vec<_> = q.factors().map(|i| i.factor.clone()).collect();
        assert_eq!(asked, ids);
        assert_eq!(
            q.factors().next().unwrap().wording[0],
            "电话响几声就有人接？"
        );
        let columns = q.column_ids();
        assert_eq!(columns.len(), 3 + 2 * ids.len() + 2);
        assert_eq!(q.question(&columns[3]), Some(Question::Importance(0)));
        assert_eq!(
            q.question(&format!("{}.SAT", ids[2].to_lowercase())),
            Some(Question::Satisfaction(2))
        );
        assert_eq!(q.question("nps"), Some(Question::Nps));
        assert_eq!(q.question("KF-999.sat"), None);
        assert_eq!(
            customer_words("being noticed at once.", Language::En),
            "Being noticed at once"
        );
    }
}
