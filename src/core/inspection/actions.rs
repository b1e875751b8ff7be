//! Corrective actions: what a failed standard turns into. Each inspection
//! record `X.inspection.ron` may have an actions file `X.actions.ron` beside
//! it; the record is never rewritten to hold them, so saving a record (or
//! `fmt`) can never drop an action. An action names its standard by ID and
//! stays in its file when the standard or the verdict goes away: `validate`
//! reports it, nothing deletes it.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Inspection, Verdict};
use crate::core::i18n::{fill, messages};
use crate::core::model::limits::{self, TextField};
use crate::core::model::{Language, Standard, StandardsSet};
use crate::core::storage::{self, Document};

/// The actions file format this build reads and writes.
pub const ACTIONS_FORMAT: u32 = 1;

/// The file name ending of actions files.
pub const EXTENSION: &str = crate::core::storage::ACTIONS_EXTENSION;

/// Days to fix a failure by default: a critical standard sooner.
pub const DUE_DAYS: i32 = 14;
pub const DUE_DAYS_CRITICAL: i32 = 3;

/// The actions raised from one inspection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actions {
    pub format: u32,
    /// The record's file name, beside this file.
    pub record: String,
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// One corrective action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// `A-1`, `A-2`…: a new action's number follows the highest of every
    /// actions file in its folder, so IDs do not repeat across the visits
    /// of a set and site (files written before keep theirs).
    pub id: String,
    /// The standard that failed, by ID.
    pub standard: String,
    /// What to do.
    pub what: String,
    /// A person or a role.
    pub owner: String,
    pub due: Date,
    pub priority: Priority,
    pub status: Status,
    /// Why it cannot be done (status `CantDo`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Photos of the fix taken while the action is still open (relative to
    /// this file): written here as each is attached, so a closed window or
    /// a crash before "done" loses none; marking it done moves them into
    /// [`Done::photos`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
    /// When and how it was done, with photos of the fix (relative to this file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Done>,
    /// Who checked the fix, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<Verified>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Done {
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verified {
    pub by: String,
    pub date: Date,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    Critical,
    High,
    Medium,
    Low,
}

/// Open → in progress → done → verified, or can't do (with a reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Open,
    InProgress,
    Done,
    Verified,
    CantDo,
}

impl Priority {
    pub const ALL: [Self; 4] = [Self::Critical, Self::High, Self::Medium, Self::Low];

    /// A critical standard gives a critical action.
    #[must_use]
    pub fn for_standard(standard: &Standard) -> Self {
        if standard.critical {
            Self::Critical
        } else {
            Self::High
        }
    }

    /// Its name in `lang`.
    #[must_use]
    pub fn label(self, lang: crate::core::model::Language) -> &'static str {
        let i = Self::ALL.iter().position(|p| *p == self).unwrap_or(0);
        crate::core::i18n::messages(lang).action_priority[i]
    }

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }
}

impl Status {
    pub const ALL: [Self; 5] = [
        Self::Open,
        Self::InProgress,
        Self::Done,
        Self::Verified,
        Self::CantDo,
    ];

    /// Still to be done: open or in progress.
    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }

    /// Its name in `lang`.
    #[must_use]
    pub fn label(self, lang: crate::core::model::Language) -> &'static str {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        crate::core::i18n::messages(lang).action_status[i]
    }

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in-progress",
            Self::Done => "done",
            Self::Verified => "verified",
            Self::CantDo => "cant-do",
        }
    }
}

impl Action {
    /// Every photo of its fix: those of its completion, then those still
    /// waiting for it to be marked done.
    pub fn fix_photos(&self) -> impl Iterator<Item = &String> {
        self.done.iter().flat_map(|d| &d.photos).chain(&self.photos)
    }

    /// Open past its due date.
    #[must_use]
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_open() && self.due < today
    }

    /// Its first text longer than the field allows, with its length: an
    /// action of 30 MB made the actions list and the report take gigabytes,
    /// and a workbook fail with the spreadsheet library's own words.
    #[must_use]
    pub fn overlong(&self) -> Option<(TextField, usize)> {
        let done_note = self.done.as_ref().map_or("", |d| d.note.as_str());
        let verified_by = self.verified.as_ref().map_or("", |v| v.by.as_str());
        [
            (self.what.as_str(), TextField::What),
            (self.owner.as_str(), TextField::Owner),
            (self.reason.as_str(), TextField::Note),
            (done_note, TextField::Note),
            (verified_by, TextField::Inspector),
        ]
        .into_iter()
        .find_map(|(text, field)| limits::over(text, field).map(|chars| (field, chars)))
    }
}

impl Document for Actions {
    const WHAT: &'static str = "actions file";
    const CURRENT_FORMAT: u32 = ACTIONS_FORMAT;

    fn format(&self) -> u32 {
        self.format
    }

    fn migrate(&mut self) {
        // Format 1 is the first.
        self.format = ACTIONS_FORMAT;
    }
}

/// The actions file of the record at `record`: `X.inspection.ron` → `X.actions.ron`.
#[must_use]
pub fn path_for(record: &Path) -> PathBuf {
    let name = record
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(super::EXTENSION)
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name);
    record.with_file_name(format!("{stem}{EXTENSION}"))
}

/// The actions of the record at `record`: none when it has no actions file.
///
/// # Errors
/// An actions file that exists but cannot be read.
pub fn load_for(record: &Path) -> Result<Option<storage::Loaded<Actions>>, storage::LoadError> {
    let path = path_for(record);
    if !path.exists() {
        return Ok(None);
    }
    storage::load::<Actions>(&path).map(Some)
}

impl Actions {
    /// An empty actions file for the record at `record`.
    #[must_use]
    pub fn new(record: &Path) -> Self {
        Self {
            format: ACTIONS_FORMAT,
            record: record
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            actions: Vec::new(),
        }
    }

    /// The highest `A-N` number in this file; 0 when it has none.
    #[must_use]
    pub fn highest_number(&self) -> u32 {
        self.actions
            .iter()
            .filter_map(|a| number_of(&a.id))
            .max()
            .unwrap_or(0)
    }

    /// The next free ID: one more than the highest `A-N` in this file and
    /// than `taken` (the highest beside it, see [`highest_number_beside`]).
    #[must_use]
    pub fn next_id(&self, taken: u32) -> String {
        format!("A-{}", self.highest_number().max(taken).saturating_add(1))
    }

    /// Adds the action for a failed standard, prefilled the way a manager
    /// would fill it: a fix phrased from the standard in `lang` (the set's)
    /// as what to do, not the problem (the note stays with the verdict),
    /// its owner role, a due date by its priority. Its number follows
    /// `taken`, the highest beside it. Returns its ID.
    pub fn raise(
        &mut self,
        standard: &Standard,
        lang: Language,
        today: Date,
        taken: u32,
    ) -> String {
        let priority = Priority::for_standard(standard);
        let days = if priority == Priority::Critical {
            DUE_DAYS_CRITICAL
        } else {
            DUE_DAYS
        };
        let what = fill(
            messages(lang).action_what,
            &[("standard", standard.text.trim())],
        );
        let id = self.next_id(taken);
        self.actions.push(Action {
            id: id.clone(),
            standard: standard.id.clone(),
            what,
            owner: standard.owner_role.clone(),
            due: today
                .checked_add(jiff::Span::new().days(days))
                .unwrap_or(today),
            priority,
            status: Status::Open,
            reason: String::new(),
            photos: Vec::new(),
            done: None,
            verified: None,
        });
        id
    }
}

/// The number of an `A-N` ID.
fn number_of(id: &str) -> Option<u32> {
    id.strip_prefix("A-")?.parse().ok()
}

/// The highest `A-N` number among the actions files in the folder of the
/// record at `record` (where the records of a set and site are kept, and
/// where the Actions view gathers them); 0 when there are none. A file that
/// cannot be read counts for nothing: its IDs are reported by `validate`.
#[must_use]
pub fn highest_number_beside(record: &Path) -> u32 {
    let Ok(entries) = std::fs::read_dir(storage::evidence::folder_of(record)) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(EXTENSION))
        .filter_map(|p| storage::load::<Actions>(&p).ok())
        .map(|loaded| loaded.document.highest_number())
        .max()
        .unwrap_or(0)
}

/// How many of `actions` are overdue on `today`: the one count the
/// status bar, the actions board and the chain's sites all give, so a
/// manager never reads two numbers for the same actions.
#[must_use]
pub fn count_overdue<'a>(actions: impl IntoIterator<Item = &'a Action>, today: Date) -> usize {
    actions.into_iter().filter(|a| a.is_overdue(today)).count()
}

/// The sample inspections' actions files, embedded: the window shows them
/// on the embedded sample, which has no folder.
pub const SAMPLE_ACTIONS: &[(&str, &str)] = &[
    (
        "restaurant-2026-08.actions.ron",
        include_str!("../../../standards/restaurant-2026-08.actions.ron"),
    ),
    (
        "restaurant-2026-09.actions.ron",
        include_str!("../../../standards/restaurant-2026-09.actions.ron"),
    ),
    (
        "restaurant-2026-10.actions.ron",
        include_str!("../../../standards/restaurant-2026-10.actions.ron"),
    ),
];

/// The embedded sample actions, parsed.
///
/// # Panics
/// When an embedded file does not parse (a broken build; a test checks it).
#[must_use]
pub fn sample_actions() -> Vec<Actions> {
    SAMPLE_ACTIONS
        .iter()
        .map(|(name, text)| {
            storage::parse(text).unwrap_or_else(|e| panic!("embedded {name} does not parse: {e}"))
        })
        .collect()
}

/// The standards failed in `record` that also failed in the latest earlier
/// inspection of the same site among `records`: the same problem again,
/// which the method asks to stamp out (杜绝同一问题的重复发生).
#[must_use]
pub fn repeats<'a>(record: &'a Inspection, records: &[&Inspection]) -> Vec<&'a str> {
    let previous = records
        .iter()
        .filter(|r| r.site.trim() == record.site.trim() && r.when < record.when)
        .max_by_key(|r| r.when);
    let Some(previous) = previous else {
        return Vec::new();
    };
    record
        .verdicts
        .iter()
        .filter(|e| e.verdict == Verdict::Fail)
        .filter(|e| {
            previous
                .verdicts
                .iter()
                .any(|p| p.standard == e.standard && p.verdict == Verdict::Fail)
        })
        .map(|e| e.standard.as_str())
        .collect()
}

/// The largest photo a report reads; a bigger file is left out.
pub const MAX_PHOTO_BYTES: u64 = 15 * 1024 * 1024;

/// Every photo path a record's verdicts and actions name, in order, once.
#[must_use]
pub fn photo_paths(inspection: &Inspection, actions: &[Action]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let named = inspection
        .verdicts
        .iter()
        .flat_map(super::Entry::files)
        .chain(actions.iter().flat_map(Action::fix_photos));
    for path in named {
        if !out.contains(path) {
            out.push(path.clone());
        }
    }
    out
}

/// The photos a report shows, for each of `records` (its file when saved,
/// the record, its actions): those of the latest inspection, the only one
/// shown in full, that can be read inside its folder by the evidence rules
/// (the others are left out, as `validate` reports them); none for the rest.
#[must_use]
pub fn latest_photos(
    records: &[(Option<&Path>, &Inspection, &[Action])],
) -> Vec<Vec<(String, Vec<u8>)>> {
    let latest = records
        .iter()
        .enumerate()
        .max_by_key(|(_, (_, r, _))| r.when)
        .map(|(i, _)| i);
    records
        .iter()
        .enumerate()
        .map(|(i, (file, inspection, actions))| match file {
            Some(file) if Some(i) == latest => photo_paths(inspection, actions)
                .into_iter()
                .filter_map(|path| {
                    storage::evidence::read(file, &path, MAX_PHOTO_BYTES)
                        .ok()
                        .map(|bytes| (path, bytes))
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The set's standard an action is about, if it still has it.
#[must_use]
pub fn standard_of<'s>(set: &'s StandardsSet, action: &Action) -> Option<&'s Standard> {
    set.standard(&action.standard).map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::StandardKind;

    fn day(d: i8) -> Date {
        jiff::civil::date(2026, 12, d)
    }

    #[test]
    fn a_raised_action_is_prefilled_and_a_critical_one_is_due_sooner() {
        let mut actions = Actions::new(Path::new("shop-2026-12.inspection.ron"));
        let mut standard = Standard::new("S-4", "Greet within 10 seconds", StandardKind::Personal);
        standard.owner_role = "Host".into();
        let id = actions.raise(&standard, Language::En, day(1), 0);
        assert_eq!(id, "A-1");
        let a = &actions.actions[0];
        // What to do is a fix, not the problem seen.
        assert_eq!(a.what, "Make sure that: Greet within 10 seconds");
        assert_eq!((a.owner.as_str(), a.priority), ("Host", Priority::High));
        assert_eq!(a.due, day(15));
        standard.critical = true;
        actions.raise(&standard, Language::En, day(1), 0);
        let b = &actions.actions[1];
        assert_eq!(
            (b.id.as_str(), b.priority, b.due),
            ("A-2", Priority::Critical, day(4))
        );
        assert!(b.is_overdue(day(5)) && !b.is_overdue(day(4)));
    }

    #[test]
    fn what_to_do_is_phrased_as_a_fix_in_the_sets_language() {
        let standard = Standard::new("S-1", "顾客示意后3分钟内送上账单", StandardKind::Procedure);
        let mut actions = Actions::new(Path::new("a.inspection.ron"));
        actions.raise(&standard, Language::ZhCn, day(1), 0);
        actions.raise(&standard, Language::ZhTw, day(1), 0);
        assert_eq!(actions.actions[0].what, "确保：顾客示意后3分钟内送上账单");
        assert_eq!(actions.actions[1].what, "確保：顾客示意后3分钟内送上账单");
    }

    #[test]
    fn a_new_action_is_numbered_after_every_actions_file_beside_its_record() {
        let dir = tempfile::TempDir::new().unwrap();
        let standard = Standard::new("S-4", "Greet within 10 seconds", StandardKind::Personal);
        // Two earlier visits of the site, A-1… …A-2 (as files
        // written before numbers followed each other).
        for (name, count) in [("shop-08", 3), ("shop-09", 2)] {
            let record = dir.path().join(format!("{name}.inspection.ron"));
            let mut file = Actions::new(&record);
            for _ in 0..count {
                file.raise(&standard, Language::En, day(1), 0);
            }
            storage::save(&path_for(&record), &file).unwrap();
        }
        let record = dir.path().join("shop-10.inspection.ron");
        let taken = highest_number_beside(&record);
        assert_eq!(taken, 3);
        let mut file = Actions::new(&record);
        assert_eq!(file.raise(&standard, Language::En, day(1), taken), "A-4");
        assert_eq!(file.raise(&standard, Language::En, day(1), taken), "A-5");
        // A folder with none starts at A-1.
        let empty = tempfile::TempDir::new().unwrap();
        assert_eq!(
            highest_number_beside(&empty.path().join("x.inspection.ron")),
            0
        );
    }

    #[test]
    fn no_action_id_repeats_across_the_sample_visits() {
        // A newcomer's Actions tab shows all three visits at once: each ID
        // names one action there, numbered oldest visit first.
        let mut seen: Vec<String> = Vec::new();
        let mut last = 0;
        for (file, (name, _)) in sample_actions().iter().zip(SAMPLE_ACTIONS) {
            for a in &file.actions {
                assert!(!seen.contains(&a.id), "{} repeats in {name}", a.id);
                seen.push(a.id.clone());
            }
            let first = file.actions.iter().filter_map(|a| number_of(&a.id)).min();
            assert!(first > Some(last), "{name} numbers after the visit before");
            last = file.highest_number();
        }
        assert_eq!(seen.len(), 12);
    }

    #[test]
    fn the_actions_file_sits_beside_its_record() {
        assert_eq!(
            path_for(Path::new("dir/shop-2026-12.inspection.ron")),
            Path::new("dir/shop-2026-12.actions.ron")
        );
    }
}
