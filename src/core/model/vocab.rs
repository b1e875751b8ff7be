//! The method's fixed vocabularies: languages, kinds of standard, monitoring
//! methods and quality dimensions. Their names in each language are
//! `core::i18n`'s (`StandardKind::label` and the like are defined there);
//! only a language's own name for itself is here.

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

    /// How a standard of this kind is usually checked, the default for a new
    /// one: a supervisor sees a product on a patrol; procedures leave data
    /// (times, counts) as well; personal contact is best seen by a mystery
    /// shopper, whom staff do not know.
    #[must_use]
    pub fn default_monitoring(self) -> Vec<Monitoring> {
        match self {
            Self::Product => vec![Monitoring::SupervisorPatrol],
            Self::Procedure => vec![Monitoring::SupervisorPatrol, Monitoring::OperationalData],
            Self::Personal => vec![Monitoring::SupervisorPatrol, Monitoring::MysteryShopping],
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
}
