//! What findings say, in English and Chinese. Traditional-Chinese sets get
//! the simplified messages: the window's languages are 中文 and English.

use super::{Category, Level, Problem, Vagueness};
use crate::core::model::Language;

fn zh(lang: Language) -> bool {
    lang != Language::En
}

impl Level {
    #[must_use]
    pub fn name(self, lang: Language) -> &'static str {
        match (self, zh(lang)) {
            (Self::ContactPoint, true) => "接触点",
            (Self::ContactPoint, false) => "contact point",
            (Self::Step, true) => "步骤",
            (Self::Step, false) => "step",
            (Self::Factor, true) => "关键要素",
            (Self::Factor, false) => "key factor",
            (Self::Standard, true) => "标准",
            (Self::Standard, false) => "standard",
        }
    }
}

impl Category {
    /// How to turn a vague word of this category into a criterion, with an example.
    #[must_use]
    pub fn suggestion(self, lang: Language) -> &'static str {
        match (self, zh(lang)) {
            (Self::Time, false) => {
                "add a time limit, e.g. “within 10 minutes” or “before the third ring”"
            }
            (Self::Time, true) => "加上时限，例如“10分钟内”或“铃响三声内”",
            (Self::Manner, false) => {
                "say what an inspector would see or hear, e.g. “makes eye contact and greets within 10 seconds”"
            }
            (Self::Manner, true) => "写出检查员能看到或听到的行为，例如“10秒内目光接触并问候”",
            (Self::Quality, false) => {
                "state the condition to check, e.g. “no stains or crumbs, checked every 30 minutes”"
            }
            (Self::Quality, true) => "写出可检查的状态，例如“无污渍、无碎屑，每30分钟检查一次”",
            (Self::Effort, false) => {
                "describe the act, not the effort, e.g. “offers at least 2 options”"
            }
            (Self::Effort, true) => "写出具体做法而不是态度，例如“至少提供2种方案”",
            (Self::Frequency, false) => {
                "give the frequency, e.g. “every 2 hours” or “at the start of each shift”"
            }
            (Self::Frequency, true) => "写明频率，例如“每2小时一次”或“每班开始时”",
            (Self::Amount, false) => {
                "give a count or a threshold, e.g. “at least 3” or “no more than 5”"
            }
            (Self::Amount, true) => "写明数量或界限，例如“不少于3个”或“不超过5人”",
        }
    }
}

impl Vagueness {
    /// Names the word or what is missing, and suggests a fix.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        match (self, zh(lang)) {
            (Self::Empty, false) => "the standard has no text".to_owned(),
            (Self::Empty, true) => "标准没有内容".to_owned(),
            (Self::VagueWord { word, category }, false) => {
                format!("vague word “{word}”: {}", category.suggestion(lang))
            }
            (Self::VagueWord { word, category }, true) => {
                format!("含糊用语“{word}”：{}", category.suggestion(lang))
            }
            (Self::Decorative { text }, false) => format!(
                "“{text}” decorates a wish instead of stating what to check: give a time limit, a count or an observable act"
            ),
            (Self::Decorative { text }, true) => {
                format!("“{text}”只是修饰口号，没有说明检查什么：写出时限、数量或可观察的行为")
            }
            (Self::NoCriterion, false) => {
                "nothing an inspector could check: add a time limit, a count, a frequency, a range or an observable act"
                    .to_owned()
            }
            (Self::NoCriterion, true) => "没有检查员可以核对的标准：加上时限、数量、频率、范围或可观察的行为".to_owned(),
        }
    }
}

impl Problem {
    /// The sentence a user reads, saying what is wrong and what to do.
    #[must_use]
    pub fn message(&self, lang: Language) -> String {
        let z = zh(lang);
        match self {
            Self::EmptyTitle if z => "标准集没有标题：填写标题".to_owned(),
            Self::EmptyTitle => "the set has no title: give it one".to_owned(),
            Self::NoContactPoints if z => "还没有接触点：按顾客接触公司的顺序添加接触点".to_owned(),
            Self::NoContactPoints => {
                "the set has no contact points: add them in the order the customer meets you".to_owned()
            }
            Self::DuplicateId { id } if z => format!("编号“{id}”重复：每一项需要唯一编号，请修改其中一个"),
            Self::DuplicateId { id } => format!("ID “{id}” is used more than once: give each item its own ID"),
            Self::InvalidId { id } if z => {
                format!("编号“{id}”无效：只能使用英文字母、数字、“-”“_”“.”，例如 S-12")
            }
            Self::InvalidId { id } => {
                format!("ID “{id}” is not valid: use ASCII letters, digits, “-”, “_” or “.”, e.g. S-12")
            }
            Self::EmptyName { level } if z => format!("{}没有名称：填写名称", level.name(lang)),
            Self::EmptyName { level: Level::Standard } => "the standard has no text: write what is checked".to_owned(),
            Self::EmptyName { level } => format!("the {} has no name: give it one", level.name(lang)),
            Self::NoChildren { level } if z => match level {
                Level::ContactPoint => "接触点没有步骤：把它分解为具体服务步骤".to_owned(),
                Level::Step => "步骤没有关键要素：从顾客角度问“这一步什么能提高我的满意度？”".to_owned(),
                _ => "关键要素没有标准：把它转化为至少一条明确、可衡量的标准".to_owned(),
            },
            Self::NoChildren { level } => match level {
                Level::ContactPoint => "the contact point has no steps: break it into concrete service steps".to_owned(),
                Level::Step => {
                    "the step has no key factors: ask “in this step, what would raise my satisfaction?”".to_owned()
                }
                _ => "the key factor has no standards: turn it into at least one specific, measurable standard"
                    .to_owned(),
            },
            Self::ScoreOutOfRange { field, value } if z => {
                format!("{}为 {value}，超出范围：使用 1 到 5", if *field == "importance" { "重要性" } else { "满意度" })
            }
            Self::ScoreOutOfRange { field, value } => format!("{field} is {value}, out of range: use 1 to 5"),
            Self::BadTarget if z => "目标值无效：填写一个数字和单位，例如 3 声".to_owned(),
            Self::BadTarget => "the target is not usable: give a number and a unit, e.g. 3 rings".to_owned(),
            Self::NoMonitoring if z => "没有说明如何检查：选择至少一种监控方式".to_owned(),
            Self::NoMonitoring => "no monitoring method: say how it is checked (patrol, mystery shopping, data, survey)"
                .to_owned(),
            Self::NoOwnerRole if z => "没有负责岗位：填写对这条标准负责的岗位".to_owned(),
            Self::NoOwnerRole => "no owner role: name the role that answers for this standard".to_owned(),
            Self::NoReviewDate if z => "没有下次审核日期：标准需要定期审核，请填写日期".to_owned(),
            Self::NoReviewDate => "no next review date: standards are reviewed periodically, set a date".to_owned(),
            Self::ReviewOverdue { date } if z => format!("审核已过期（{date}）：审核后更新修订版本和下次审核日期"),
            Self::ReviewOverdue { date } => {
                format!("review overdue since {date}: review it, then update the revision and the next review date")
            }
            Self::Vague { vagueness } => vagueness.message(lang),
        }
    }
}
