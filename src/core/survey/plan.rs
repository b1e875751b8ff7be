//! A survey plan: the plain file beside a set (`NAME.survey.ron`) that says
//! why customers are asked (a purpose from the method's table), whom, how
//! many, who runs it and when; how the questionnaire words a factor where
//! the generated question will not do; and how an online tool's column names
//! map to the questionnaire's question IDs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::model::Language;
use crate::core::storage::evidence::{self, EvidenceIssue};
use crate::core::storage::{self, Document, STANDARDS_EXTENSION};

/// The plan file format this build reads and writes.
pub const PLAN_FORMAT: u32 = 1;

/// The name ending of survey plans (beside their set).
pub const PLAN_EXTENSION: &str = ".survey.ron";

/// Below this many answers a factor is placed by inspection, not by the
/// customers: with fewer, one unhappy guest moves a factor across the line
/// (at 30 answers the 95 % interval of a 1–5 mean is about ±0.4).
pub const DEFAULT_MIN_ANSWERS: u32 = 30;

/// Who is asked what: the method's table of purposes and respondents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Purpose {
    /// Overall satisfaction, the current service level: a sample of all customers.
    Overall,
    /// Staff satisfaction with their own work: all staff.
    Staff,
    /// Immediate feedback on service: customers on their way out.
    Immediate,
    /// What most needs improving: customers who left.
    Improve,
    /// What works best: loyal customers.
    WorksBest,
    /// Relative strengths against competitors: competitors' customers.
    Competitors,
}

impl Purpose {
    /// The method's table, in its order.
    pub const ALL: [Self; 6] = [
        Self::Overall,
        Self::Staff,
        Self::Immediate,
        Self::Improve,
        Self::WorksBest,
        Self::Competitors,
    ];

    /// Its row in the method's table, counted from 0.
    #[must_use]
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// One group of respondents: a row of the method's table made concrete.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// What the `GROUP` column of the responses says for this group, e.g. "exit".
    pub id: String,
    pub purpose: Purpose,
    /// Who answers, in the plan's words: "guests leaving after dinner".
    #[serde(default)]
    pub respondents: String,
    /// How many answers are wanted.
    #[serde(default)]
    pub size: u32,
    /// Who hands out the questionnaire or sends the link.
    #[serde(default)]
    pub run_by: String,
    /// When: "every Friday in November".
    #[serde(default)]
    pub when: String,
}

/// The survey plan of one set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyPlan {
    /// Always [`PLAN_FORMAT`] when written by this build.
    pub format: u32,
    /// The respondent groups; at least one.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// A second language printed beside the set's, for foreign customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_language: Option<Language>,
    /// Factors placed by the customers' answers from this many on.
    #[serde(default = "default_min_answers")]
    pub min_answers: u32,
    /// A factor's question in the customer's words, where the generated one
    /// will not do: factor ID → language tag → text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub wording: BTreeMap<String, BTreeMap<String, String>>,
    /// An online tool's column names → the questionnaire's question IDs
    /// (`KF-3.sat`, `NPS`, ...): mapped once, used by every import.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, String>,
    /// Response files imported, relative to the plan, oldest first: what the
    /// window reads again when the set is opened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<String>,
}

fn default_min_answers() -> u32 {
    DEFAULT_MIN_ANSWERS
}

impl Default for SurveyPlan {
    /// The method's first row: a sample of all customers.
    fn default() -> Self {
        Self {
            format: PLAN_FORMAT,
            groups: vec![Group {
                id: "all".to_owned(),
                purpose: Purpose::Overall,
                respondents: String::new(),
                size: 100,
                run_by: String::new(),
                when: String::new(),
            }],
            second_language: None,
            min_answers: DEFAULT_MIN_ANSWERS,
            wording: BTreeMap::new(),
            columns: BTreeMap::new(),
            responses: Vec::new(),
        }
    }
}

impl Document for SurveyPlan {
    const WHAT: &'static str = "survey plan";
    const CURRENT_FORMAT: u32 = PLAN_FORMAT;

    fn format(&self) -> u32 {
        self.format
    }

    fn migrate(&mut self) {
        self.format = PLAN_FORMAT;
    }
}

impl SurveyPlan {
    /// The plan's own wording of factor `id` in `lang`, if it has one.
    #[must_use]
    pub fn wording_of(&self, id: &str, lang: Language) -> Option<&str> {
        let by_lang = self.wording.get(id)?;
        by_lang
            .iter()
            .find(|(tag, _)| Language::from_tag(tag) == Some(lang))
            .map(|(_, text)| text.as_str())
            .filter(|text| !text.trim().is_empty())
    }

    /// The group whose ID is `id` (case and spaces aside).
    #[must_use]
    pub fn group(&self, id: &str) -> Option<&Group> {
        let id = id.trim();
        self.groups.iter().find(|g| g.id.eq_ignore_ascii_case(id))
    }

    /// Adds a row of the method's table as a new group, with an ID no other
    /// group has.
    pub fn add_group(&mut self, purpose: Purpose) {
        let base = format!("{purpose:?}").to_lowercase();
        let mut id = base.clone();
        let mut n = 2;
        while self.group(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.groups.push(Group {
            id,
            purpose,
            respondents: String::new(),
            size: 100,
            run_by: String::new(),
            when: String::new(),
        });
    }

    /// The files of [`SurveyPlan::responses`], each as written and where it
    /// is beside the plan at `plan_path`: found the way evidence is, so a
    /// name that is absolute, climbs out of the plan's folder or links out
    /// of it is never opened.
    #[must_use]
    pub fn response_paths(&self, plan_path: &Path) -> Vec<(&str, Result<PathBuf, EvidenceIssue>)> {
        self.responses
            .iter()
            .map(|r| (r.as_str(), evidence::locate(plan_path, r)))
            .collect()
    }

    /// Records `file` as imported (once), named relative to the plan.
    pub fn add_responses(&mut self, plan_path: &Path, file: &Path) {
        // A plan named without a folder is in the current one.
        let folder = plan_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = crate::core::inspection::relative_path(folder, file);
        if !self.responses.contains(&name) {
            self.responses.push(name);
        }
    }
}

/// The plan's path beside the set at `set_path`: `NAME.standards.ron` →
/// `NAME.survey.ron`.
#[must_use]
pub fn path_for(set_path: &Path) -> PathBuf {
    let name = set_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(STANDARDS_EXTENSION)
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name);
    set_path.with_file_name(format!("{stem}{PLAN_EXTENSION}"))
}

/// The plan beside the set at `set_path`: `Ok(None)` when there is none yet.
///
/// # Errors
/// A plan that exists but cannot be read or parsed (with its position).
pub fn load_for(
    set_path: &Path,
) -> Result<Option<storage::Loaded<SurveyPlan>>, storage::LoadError> {
    let path = path_for(set_path);
    if !path.exists() {
        return Ok(None);
    }
    storage::load(&path).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_sits_beside_the_set_and_round_trips() {
        assert_eq!(
            path_for(Path::new("a/restaurant.standards.ron")),
            Path::new("a/restaurant.survey.ron")
        );
        let mut plan = SurveyPlan::default();
        plan.add_group(Purpose::Overall);
        plan.add_group(Purpose::Overall);
        assert_eq!(plan.groups[1].id, "overall");
        assert_eq!(plan.groups[2].id, "overall-2");
        plan.wording.insert(
            "KF-1".into(),
            BTreeMap::from([("en".into(), "Was the phone answered quickly?".into())]),
        );
        let text = storage::to_canonical(&plan);
        let back: SurveyPlan = storage::parse(&text).unwrap();
        assert_eq!(back, plan);
        assert_eq!(
            back.wording_of("KF-1", Language::En),
            Some("Was the phone answered quickly?")
        );
        assert_eq!(back.wording_of("KF-1", Language::ZhCn), None);
        // An older, shorter plan still reads: everything but format defaults.
        let short: SurveyPlan = storage::parse("SurveyPlan(format: 1)").unwrap();
        assert_eq!(short.min_answers, DEFAULT_MIN_ANSWERS);
        // Responses are kept relative to the plan, whether or not its path has a folder.
        let mut plan = SurveyPlan::default();
        plan.add_responses(Path::new("shop.survey.ron"), Path::new("answers.csv"));
        plan.add_responses(Path::new("a/shop.survey.ron"), Path::new("a/b/more.csv"));
        assert_eq!(plan.responses, ["answers.csv", "b/more.csv"]);
    }
}
