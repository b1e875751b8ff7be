//! RON text without what a parser skips between tokens, for a faster parse.
//!
//! The `ron` crate skips white space a character at a time through a
//! function pointer: in a short manual's set (117 KB, seven tenths of it
//! indentation) that was half of the parse. One pass over the bytes drops
//! the indentation and comments first, and the parse reads a third as much.
//!
//! Only what lies between tokens goes: strings, raw strings and characters
//! are copied as written. A run of white space or comments next to
//! punctuation (`( ) [ ] { } , :`) becomes nothing; anywhere else it
//! becomes one space, so two words never run together. Anything the pass
//! does not know for certain (a byte outside ASCII between tokens, which may
//! be Unicode white space, or a string or comment left open) gives `None`.
//!
//! Positions in the compacted text are not those of the file: a caller
//! parses the compacted text, and on any error parses the text as written
//! again, so the message names the file's own line and column.

/// `text` with the white space and comments between tokens dropped, or
/// `None` when it holds something this pass does not know for certain.
#[must_use]
pub fn compact(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() / 2);
    let mut gap = false;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match CLASS[usize::from(byte)] {
            Class::Space => {
                gap = true;
                i += 1;
                // Indentation eight spaces at a time, then byte by byte.
                while let Some(eight) = bytes.get(i..i + 8)
                    && eight == b"        "
                {
                    i += 8;
                }
                while bytes
                    .get(i)
                    .is_some_and(|&b| CLASS[usize::from(b)] == Class::Space)
                {
                    i += 1;
                }
            }
            Class::Slash if bytes.get(i + 1) == Some(&b'/') => {
                gap = true;
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n + 1);
            }
            Class::Slash if bytes.get(i + 1) == Some(&b'*') => {
                gap = true;
                i = block_comment_end(bytes, i)?;
            }
            Class::Other => return None,
            class => {
                if std::mem::take(&mut gap)
                    && !out.last().is_some_and(|&last| is_punct(last))
                    && !is_punct(byte)
                    && !out.is_empty()
                {
                    out.push(b' ');
                }
                let end = match class {
                    Class::Quote => string_end(bytes, i)?,
                    Class::Apostrophe => char_end(bytes, i)?,
                    Class::RawStart => raw_or_word_end(bytes, i, out.last().copied())?,
                    // A run of bytes that are tokens whatever comes next.
                    _ => {
                        i + 1
                            + bytes[i + 1..]
                                .iter()
                                .take_while(|&&b| CLASS[usize::from(b)] == Class::Plain)
                                .count()
                    }
                };
                out.extend_from_slice(&bytes[i..end]);
                i = end;
            }
        }
    }
    // Only ASCII between tokens was dropped, at ASCII boundaries: still UTF-8.
    String::from_utf8(out).ok()
}

/// What a byte between tokens may start.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Part of a token, and never the start of a string or comment.
    Plain,
    Space,
    /// A comment's start, or a division sign.
    Slash,
    Quote,
    Apostrophe,
    /// `r` or `b`: maybe a raw or byte string.
    RawStart,
    /// Outside ASCII, or a control character: maybe white space to RON.
    Other,
}

static CLASS: [Class; 256] = {
    let mut class = [Class::Other; 256];
    let mut b = 0x20;
    while b < 0x7F {
        class[b] = Class::Plain;
        b += 1;
    }
    class[b' ' as usize] = Class::Space;
    class[b'\t' as usize] = Class::Space;
    class[b'\n' as usize] = Class::Space;
    class[b'\r' as usize] = Class::Space;
    class[b'/' as usize] = Class::Slash;
    class[b'"' as usize] = Class::Quote;
    class[b'\'' as usize] = Class::Apostrophe;
    class[b'r' as usize] = Class::RawStart;
    class[b'b' as usize] = Class::RawStart;
    class
};

fn is_punct(byte: u8) -> bool {
    matches!(byte, b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':')
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Just past the `"` that closes the string opening at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', bytes.get(i..)?)?;
        match bytes[i] {
            b'"' => return Some(i + 1),
            _ => i += 2,
        }
    }
}

/// Just past the `'` that closes the character opening at `start`.
fn char_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        match bytes.get(i)? {
            b'\'' if i > start + 1 => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// A raw string (`r"…"`, `r#"…"#`, `br"…"`) is copied whole; an `r` or `b`
/// that starts or continues a word is one byte like any other.
fn raw_or_word_end(bytes: &[u8], start: usize, before: Option<u8>) -> Option<usize> {
    if before.is_some_and(is_word) {
        return Some(start + 1);
    }
    let mut i = start;
    if bytes[i] == b'b' {
        i += 1;
        if bytes.get(i) == Some(&b'"') {
            return string_end(bytes, i);
        }
        if bytes.get(i) != Some(&b'r') {
            return Some(start + 1);
        }
    }
    i += 1; // the `r`
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    if bytes.get(i + hashes) != Some(&b'"') {
        // `r#type` (a raw identifier) or a word such as `rate`.
        return Some(start + 1);
    }
    let body = i + hashes + 1;
    let closing: Vec<u8> = std::iter::once(b'"')
        .chain(std::iter::repeat_n(b'#', hashes))
        .collect();
    bytes[body..]
        .windows(closing.len())
        .position(|w| w == closing.as_slice())
        .map(|n| body + n + closing.len())
}

/// Just past the `*/` that closes the block comment opening at `start`
/// (block comments nest in RON).
fn block_comment_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        match (bytes.get(i)?, bytes.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_lies_between_tokens_goes() {
        let text = "#![enable(implicit_some)]\n// a comment: \"not a string\n\
            Set(\n    title: \"a  b // not a comment\",\n    /* one /* nested */ */ n: -1,\n\
            \x20   raw: r##\"x \"# y\"##, c: ' ', d: '\\'', e: Some (1),\n    r#type: rate,\n)\n";
        assert_eq!(
            compact(text).unwrap(),
            "#![enable(implicit_some)]Set(title:\"a  b // not a comment\",n:-1,\
             raw:r##\"x \"# y\"##,c:' ',d:'\\'',e:Some(1),r#type:rate,)"
        );
    }

    #[test]
    fn words_apart_stay_apart() {
        assert_eq!(compact("a  b\n\tc").unwrap(), "a b c");
        assert_eq!(compact("- 1").unwrap(), "- 1");
    }

    #[test]
    fn what_it_cannot_be_sure_of_is_left_to_the_parser() {
        assert_eq!(compact("a:\u{2028}1"), None, "Unicode white space");
        assert_eq!(compact("a: \"open"), None);
        assert_eq!(compact("a /* open"), None);
        assert_eq!(compact("a: r#\"open\""), None);
        // Text in strings is copied whatever it is.
        assert_eq!(
            compact("a: \"中文\u{2028}\"").unwrap(),
            "a:\"中文\u{2028}\""
        );
    }
}
