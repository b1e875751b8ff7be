//! Text helpers that respect what a reader sees as one character: a
//! grapheme cluster (an emoji with its modifiers, a letter with its accents),
//! not a `char`.

use unicode_segmentation::UnicodeSegmentation;

/// `text` cut to at most `max` grapheme clusters, with an ellipsis when cut.
#[must_use]
pub fn shorten(text: &str, max: usize) -> String {
    let mut graphemes = text.grapheme_indices(true);
    match graphemes.nth(max) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

/// FNV-1a, 64 bits: a hash stable across builds and platforms (the standard
/// library's is not), for fingerprints of content and names made from it.
#[must_use]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_between_graphemes_never_inside_one() {
        assert_eq!(shorten("电话铃响三声内接听", 4), "电话铃响…");
        assert_eq!(shorten("short", 10), "short");
        // A family emoji is one grapheme of seven chars; e + combining acute is one of two.
        assert_eq!(shorten("👨‍👩‍👧‍👦 ok", 1), "👨‍👩‍👧‍👦…");
        assert_eq!(shorten("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}e\u{301}…");
    }
}
