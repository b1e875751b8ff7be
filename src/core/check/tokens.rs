//! The one tokenizer every rule of the checker reads through: a standard's
//! checked text lowercased, its words, its clauses and its quotes, so that
//! the measurability rule, the specific and customer-based hints and the
//! word matcher agree on where a word or a clause begins and ends.

use std::ops::Range;

/// A standard's text as the rules read it.
pub struct Tokens<'a> {
    /// The checked part of the text (see `model::limits::checked_part`).
    pub text: &'a str,
    /// `text` ASCII-lowercased: byte offsets are the same in both.
    pub lower: String,
    /// The clauses, in order, covering the whole text (see [`clauses`]).
    pub clauses: Vec<Range<usize>>,
    /// The Latin words (see [`words`]).
    pub words: Vec<Range<usize>>,
    /// The quoted stretches, quotes included (see [`quotes`]).
    pub quotes: Vec<Range<usize>>,
}

impl<'a> Tokens<'a> {
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        // A standard past its length is a validation error of its own; the
        // checker reads its first part only, so that its time stays bounded.
        let text = crate::core::model::limits::checked_part(text);
        let lower = text.to_ascii_lowercase();
        let clauses = clauses(&lower);
        let words = words(&lower);
        let quotes = quotes(text);
        Self {
            text,
            lower,
            clauses,
            words,
            quotes,
        }
    }

    /// The index of the clause that holds byte `at`.
    #[must_use]
    pub fn clause_of(&self, at: usize) -> usize {
        self.clauses.partition_point(|c| c.end <= at)
    }

    /// Whether a colon outside quotes stands between bytes `from` and `to`:
    /// what follows it defines what comes before (礼貌：…; "polite: …").
    #[must_use]
    pub fn gloss_colon(&self, from: usize, to: usize) -> bool {
        from < to
            && self.lower[from..to].char_indices().any(|(i, c)| {
                let at = from + i;
                matches!(c, ':' | '：') && !self.quotes.iter().any(|q| q.contains(&at))
            })
    }

    /// The clause that holds byte `at`, without its closing punctuation
    /// (a full stop included).
    #[must_use]
    pub fn clause_around(&self, at: usize) -> Range<usize> {
        let clause = self
            .clauses
            .get(self.clause_of(at))
            .cloned()
            .unwrap_or(at..at);
        let body = self.lower[clause.clone()].trim_end_matches(|c| is_clause_end(c) || c == '.');
        clause.start..clause.start + body.len()
    }
}

/// Whether `c` belongs to a Latin word for matching: letters, digits and
/// the apostrophe (guest's).
#[must_use]
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\''
}

/// The ranges of Latin words in `lower`: ASCII letters and digits, with
/// inner hyphens and apostrophes (check-in, guest's, 24-hour).
#[must_use]
pub fn words(lower: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        let inner = matches!(c, '-' | '\'') && start.is_some();
        match (c.is_ascii_alphanumeric() || inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lower.len());
    }
    for r in &mut out {
        while lower[r.clone()].ends_with(['-', '\'']) {
            r.end -= 1;
        }
    }
    out
}

/// Whether `c` ends a clause wherever it stands (a full stop needs a look
/// at what follows: see [`clauses`]).
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '、' | '；' | ';' | '。' | '！' | '!' | '？' | '?' | '\n'
    )
}

/// The clauses of a text: the stretches between commas, enumeration
/// commas, semicolons and sentence ends, each with its closing mark. A
/// colon does not end a clause: what follows it states what precedes it
/// (整洁：无污渍). A full stop ends one; a decimal point (1.5) or "e.g." not.
#[must_use]
pub fn clauses(lower: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // Words to say hold their own commas (说「我將幫您轉接，請稍候」等用語):
    // no clause ends inside a pair of curly or corner quotes that closes.
    let mut closing: Option<char> = None;
    let mut chars = lower.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(close) = closing {
            if c == close {
                closing = None;
            }
            continue;
        }
        if let Some(&(_, close)) = [('“', '”'), ('「', '」'), ('『', '』')]
            .iter()
            .find(|(open, close)| c == *open && lower[i..].contains(*close))
        {
            closing = Some(close);
            continue;
        }
        let ends =
            is_clause_end(c) || c == '.' && chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if ends {
            out.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    if start < lower.len() || out.is_empty() {
        out.push(start..lower.len());
    }
    out
}

/// The pairs of quotation marks that enclose words to be said.
pub const QUOTE_PAIRS: [(char, char); 5] = [
    ('“', '”'),
    ('"', '"'),
    ('「', '」'),
    ('‘', '’'),
    ('『', '』'),
];

/// Whether `c` is one of the marks of [`QUOTE_PAIRS`].
#[must_use]
pub fn is_quote_mark(c: char) -> bool {
    QUOTE_PAIRS.iter().any(|(o, e)| c == *o || c == *e)
}

/// Ranges of quoted words, quotes included: the paired quotes of
/// [`QUOTE_PAIRS`], and ASCII single quotes that open at a word's start and
/// close at a word's end ('How may I help?'), not an apostrophe (guest's).
#[must_use]
pub fn quotes(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut open = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'\'' {
            continue;
        }
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 1).copied();
        let word = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        match open {
            None if !word(before) && word(after) => open = Some(i),
            Some(start) if !word(after) && i > start + 1 => {
                found.push(start..i + 1);
                open = None;
            }
            _ => {}
        }
    }
    for (open, close) in QUOTE_PAIRS {
        found.extend(paired(text, open, close));
    }
    found
}

/// Ranges of what stands between `open` and the next `close`, marks
/// included, left to right; an empty pair is none.
#[must_use]
pub fn paired(text: &str, open: char, close: char) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(o) = text[from..].find(open) {
        let start = from + o;
        let after = start + open.len_utf8();
        let Some(c) = text[after..].find(close) else {
            break;
        };
        let end = after + c + close.len_utf8();
        if c > 0 {
            found.push(start..end);
        }
        from = end;
    }
    found
}

/// Whether `text` begins with the whole word `word`, a space after it
/// ("after the service" leads with "after"; "afterwards" does not).
#[must_use]
pub fn leads_with(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|rest| rest.starts_with(' '))
}

/// Whether `text` ends with `word` (ignoring ASCII case), which in Latin
/// script must start a word ("are " does not end "silverware ").
#[must_use]
pub fn ends_with_word(text: &str, word: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    if !lower.ends_with(word) {
        return false;
    }
    let before = lower[..lower.len() - word.len()].chars().next_back();
    let latin = word.starts_with(|c: char| c.is_ascii_alphabetic());
    !latin || !before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '\'')
}

/// An Arabic or full-width digit.
#[must_use]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether `outer` contains `inner` (equal ranges included).
#[must_use]
pub fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Whether two ranges share a byte.
#[must_use]
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let lower = "the guest's check-in, 24-hour- desk'";
        let got: Vec<&str> = words(lower).into_iter().map(|r| &lower[r]).collect();
        assert_eq!(got, ["the", "guest's", "check-in", "24-hour", "desk"]);
    }

    #[test]
    fn clauses_end_at_punctuation_but_not_at_a_decimal_point_or_colon() {
        let lower = "整洁：无污渍，1.5 m. next";
        let got: Vec<&str> = clauses(lower).into_iter().map(|r| &lower[r]).collect();
        assert_eq!(got, ["整洁：无污渍，", "1.5 m.", " next"]);
        // Words to say keep their own commas.
        let lower = "并说「我将帮您转接，请稍候」等用语，再转接";
        let got: Vec<&str> = clauses(lower).into_iter().map(|r| &lower[r]).collect();
        assert_eq!(got, ["并说「我将帮您转接，请稍候」等用语，", "再转接"]);
        let tokens = Tokens::new("先问好，再说“请稍等”。");
        let around = tokens.clause_around(0);
        assert_eq!(&tokens.text[around], "先问好");
    }

    #[test]
    fn quotes_are_paired_and_an_apostrophe_is_none() {
        let text = "say 'How may I help?' to the guest's friend, 说“您好”";
        let got: Vec<&str> = quotes(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["'How may I help?'", "“您好”"]);
    }
}
