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
/// library's is not), for names made from content (a photo stored once).
/// Not for anything that must resist a forger: see [`sha256_hex`].
#[must_use]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// SHA-256 of `bytes` as 64 lowercase hex digits: a fingerprint no one can
/// match with other content on purpose, as an approval's must be.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    use std::fmt::Write;
    sha2::Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
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

    #[test]
    fn sha256_is_the_standard_one() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
