//! The user's language from the environment, read as the C library reads it:
//! `LC_ALL`, then `LC_MESSAGES`, then `LANG`; the first one set and not empty
//! wins. `zh_TW`, `zh_HK`, `zh_MO` and `zh_Hant` mean traditional Chinese;
//! any other `zh` simplified; everything else English.

use super::Language;

/// The language the environment asks for.
#[must_use]
pub fn from_env() -> Language {
    from_vars(|name| std::env::var(name).ok())
}

/// The language that `get` (an environment lookup) asks for.
#[must_use]
pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Language {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| get(name).filter(|v| !v.is_empty()))
        .unwrap_or_default();
    from_locale(&value)
}

/// The language of a POSIX locale name such as `zh_TW.UTF-8` or `en_GB`.
#[must_use]
pub fn from_locale(locale: &str) -> Language {
    // Drop the codeset and modifier: zh_TW.UTF-8@stroke → zh_TW.
    let name = locale.split(['.', '@']).next().unwrap_or("");
    let lower = name.to_ascii_lowercase().replace('-', "_");
    if !(lower == "zh" || lower.starts_with("zh_")) {
        return Language::En;
    }
    let traditional = ["zh_tw", "zh_hk", "zh_mo", "zh_hant"]
        .iter()
        .any(|t| lower == *t || lower.starts_with(&format!("{t}_")));
    if traditional {
        Language::ZhTw
    } else {
        Language::ZhCn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn an_empty_variable_does_not_hide_the_next_one() {
        let vars = [("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(from_vars(env(&vars)), Language::ZhCn);
    }

    #[test]
    fn lc_all_wins_over_lc_messages_and_lang() {
        let vars = [
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "zh_TW"),
            ("LANG", "zh_CN"),
        ];
        assert_eq!(from_vars(env(&vars)), Language::En);
        let vars = [("LC_MESSAGES", "zh_TW.UTF-8"), ("LANG", "en_US")];
        assert_eq!(from_vars(env(&vars)), Language::ZhTw);
    }

    #[test]
    fn taiwan_hong_kong_and_hant_are_traditional() {
        for l in ["zh_TW.UTF-8", "zh_HK", "zh_MO.Big5", "zh_Hant_TW", "zh-TW"] {
            assert_eq!(from_locale(l), Language::ZhTw, "{l}");
        }
        for l in ["zh_CN.UTF-8", "zh_SG", "zh", "zh_Hans"] {
            assert_eq!(from_locale(l), Language::ZhCn, "{l}");
        }
        for l in ["", "C", "POSIX", "en_GB.UTF-8", "fr_FR", "zhx"] {
            assert_eq!(from_locale(l), Language::En, "{l}");
        }
    }
}
