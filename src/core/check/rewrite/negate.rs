//! Whether a word of a standard is negated (不得推诿, 拒推诿, "never be
//! rude"), for the rewrite rules written for what may not be done.

use super::Rewrites;
use super::text::has_word;
use crate::core::model::Language;

impl Rewrites {
    /// Whether a negator stands in `lead` (the word's clause before it).
    /// The second flag: a bare 不 makes a word no negated rule names its
    /// opposite (不礼貌): the 不 goes with the word, and the negated rule
    /// says the act (禁止…不礼貌的言行 → 禁止…提高音量或打断说话的言行).
    pub(super) fn negates(&self, lead: &str, word: &str, lang: Language) -> (bool, bool) {
        let lead = lead.to_lowercase();
        // 不推诿: a bare 不 right before a word a negated rule names negates
        // it too; before any other word it makes a word of its own (不礼貌
        // is rude, 不断 and 不定期 are words), and anywhere else in the
        // clause it is no negator.
        let named = || {
            self.rules.iter().any(|r| {
                r.negated
                    && r.lang == lang
                    && r.words
                        .iter()
                        .chain(&r.after)
                        .any(|w| word.starts_with(w.as_str()))
            })
        };
        // 拒推诿 refuses what a negated rule names, as 不推诿 does.
        let bare = lead.ends_with('不');
        // 不能马上办理的耐心说明: the cases that cannot be done at once, and
        // what is done in them, unnegated.
        let cases = |n: &String| {
            self.unable.contains(n)
                && lead
                    .rfind(n.as_str())
                    .is_some_and(|at| lead[at..].trim_end().ends_with('的'))
        };
        let negator = self
            .negators
            .iter()
            .any(|n| has_word(&lead, n, true) && !cases(n));
        let named = (bare || lead.ends_with('拒')) && named();
        // 不文明行为 with no negator is the act done (a complaint's topic,
        // a trigger): the 不 goes with the word, the negated rule names it.
        let opposite = bare && !named;
        (named || negator || opposite, opposite)
    }

    /// Whether the word is in the case a sanction follows (推诿甚至刁难服务对象,
    /// 产生不良后果的,给予批评教育): what is punished is what may not be
    /// done, as if a negator stood before it. `rest` is the text after the
    /// word; the case ends in 的 and a sanction word comes after it.
    pub(super) fn sanctioned(&self, rest: &str) -> bool {
        let Some(at) = ["的,", "的，", "的;", "的；"]
            .iter()
            .filter_map(|end| rest.find(end))
            .min()
        else {
            return false;
        };
        self.sanctions
            .iter()
            .any(|w| rest[at..].contains(w.as_str()))
    }
}
