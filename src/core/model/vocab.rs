//! The method's fixed vocabularies: languages, kinds of standard, monitoring
//! methods and quality dimensions, with their names in the three languages.

use serde::{Deserialize, Serialize};

/// The language a set is written in; also picks labels for exports.
///
/// Written in files as its BCP 47 tag in a string: `language: "zh-CN"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    ZhCn,
    ZhTw,
    En,
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Self::from_tag(&tag).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown language \"{tag}\"; use \"zh-CN\", \"zh-TW\" or \"en\""
            ))
        })
    }
}

impl Language {
    pub const ALL: [Self; 3] = [Self::ZhCn, Self::ZhTw, Self::En];

    /// The BCP 47 tag, as written in files and accepted by `--lang`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::ZhCn => "zh-CN",
            Self::ZhTw => "zh-TW",
            Self::En => "en",
        }
    }

    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        match tag.as_str() {
            "zh-cn" | "zh-hans" | "zh-sg" | "zh" => Some(Self::ZhCn),
            "zh-tw" | "zh-hant" | "zh-hk" | "zh-mo" => Some(Self::ZhTw),
            "en" | "en-us" | "en-gb" => Some(Self::En),
            _ => None,
        }
    }

    /// The language's own name for itself.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::ZhCn => "简体中文",
            Self::ZhTw => "繁體中文",
            Self::En => "English",
        }
    }

    /// Picks one of three spellings: simplified, traditional, English.
    #[must_use]
    pub fn pick(self, zh_cn: &'static str, zh_tw: &'static str, en: &'static str) -> &'static str {
        match self {
            Self::ZhCn => zh_cn,
            Self::ZhTw => zh_tw,
            Self::En => en,
        }
    }
}

/// The three starting points for a standard (制订服务标准的三个着手点).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StandardKind {
    /// The quality of the thing delivered or its setting (产品).
    Product,
    /// Speed and flow: time limits, no needless steps, short feedback (程序).
    Procedure,
    /// Observable behaviour, words, appearance (个人接触).
    Personal,
}

impl StandardKind {
    pub const ALL: [Self; 3] = [Self::Product, Self::Procedure, Self::Personal];

    #[must_use]
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            Self::Product => lang.pick("产品", "產品", "Product"),
            Self::Procedure => lang.pick("程序", "程序", "Procedure"),
            Self::Personal => lang.pick("个人接触", "個人接觸", "Personal"),
        }
    }

    /// What a standard of this kind is about, as the method defines it.
    #[must_use]
    pub fn meaning(self, lang: Language) -> &'static str {
        match self {
            Self::Product => lang.pick(
                "交付之物及其环境的质量：清洁、完好、温度、齐全",
                "交付之物及其環境的品質：清潔、完好、溫度、齊全",
                "the quality of what is delivered or its setting: clean, intact, at temperature, complete",
            ),
            Self::Procedure => lang.pick(
                "速度与流程：合理时限、没有多余步骤、反馈回路短",
                "速度與流程：合理時限、沒有多餘步驟、回饋迴路短",
                "speed and flow: a reasonable time limit, no unnecessary steps, a short feedback loop",
            ),
            Self::Personal => lang.pick(
                "可观察的行为、用语和仪表",
                "可觀察的行為、用語和儀表",
                "observable behaviour, words and appearance",
            ),
        }
    }
}

/// The four ways of checking that a standard is met (调查和监控).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Monitoring {
    SupervisorPatrol,
    MysteryShopping,
    OperationalData,
    CustomerSurvey,
}

impl Monitoring {
    pub const ALL: [Self; 4] = [
        Self::SupervisorPatrol,
        Self::MysteryShopping,
        Self::OperationalData,
        Self::CustomerSurvey,
    ];

    #[must_use]
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            Self::SupervisorPatrol => lang.pick("督导巡查", "督導巡查", "Supervisor patrol"),
            Self::MysteryShopping => lang.pick("神秘顾客", "神秘客", "Mystery shopping"),
            Self::OperationalData => lang.pick("运营数据", "營運數據", "Operational data"),
            Self::CustomerSurvey => lang.pick("顾客调查", "顧客調查", "Customer survey"),
        }
    }
}

/// The C's of excellent service: the quality dimensions a standard serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dimension {
    Commitment,
    Consistency,
    Competence,
    Comprehension,
    Communication,
    Compassion,
    Courtesy,
    Composure,
    Credibility,
    Confidence,
    Contact,
    Cooperation,
    Capability,
    Criticalness,
}

impl Dimension {
    pub const ALL: [Self; 14] = [
        Self::Commitment,
        Self::Consistency,
        Self::Competence,
        Self::Comprehension,
        Self::Communication,
        Self::Compassion,
        Self::Courtesy,
        Self::Composure,
        Self::Credibility,
        Self::Confidence,
        Self::Contact,
        Self::Cooperation,
        Self::Capability,
        Self::Criticalness,
    ];

    #[must_use]
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            Self::Commitment => lang.pick("承诺", "承諾", "Commitment"),
            Self::Consistency => lang.pick("一致性", "一致性", "Consistency"),
            Self::Competence => lang.pick("专业能力", "專業能力", "Competence"),
            Self::Comprehension => lang.pick("理解力", "理解力", "Comprehension"),
            Self::Communication => lang.pick("沟通", "溝通", "Communication"),
            Self::Compassion => lang.pick("同理心", "同理心", "Compassion"),
            Self::Courtesy => lang.pick("礼仪", "禮儀", "Courtesy"),
            Self::Composure => lang.pick("冷静", "冷靜", "Composure"),
            Self::Credibility => lang.pick("信任性", "信任性", "Credibility"),
            Self::Confidence => lang.pick("信心", "信心", "Confidence"),
            Self::Contact => lang.pick("接近性", "接近性", "Contact"),
            Self::Cooperation => lang.pick("配合性", "配合性", "Cooperation"),
            Self::Capability => lang.pick("能力", "能力", "Capability"),
            Self::Criticalness => lang.pick("决断力", "決斷力", "Criticalness"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_round_trip() {
        for lang in Language::ALL {
            assert_eq!(Language::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(
            Language::from_tag("zh_TW.UTF-8".split('.').next().unwrap()),
            Some(Language::ZhTw)
        );
        assert_eq!(Language::from_tag("fr"), None);
    }

    #[test]
    fn every_label_is_filled_in_every_language() {
        for lang in Language::ALL {
            for kind in StandardKind::ALL {
                assert!(!kind.label(lang).is_empty() && !kind.meaning(lang).is_empty());
            }
            for m in Monitoring::ALL {
                assert!(!m.label(lang).is_empty());
            }
            for d in Dimension::ALL {
                assert!(!d.label(lang).is_empty());
            }
        }
    }
}
