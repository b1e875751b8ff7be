//! The sheet data as Excel and the usual libraries write it, read without
//! an XML event per tag: `<row r="2">`, `<c r="B2" s="1" t="s">`,
//! `<v>7</v>`, `</c>`, `</row>` and nothing else. It takes only that
//! narrow, unambiguous form, and says [`Pass::Unsure`] at the first thing
//! outside it (an entity, a comment, an inline string, a formula, a
//! namespace prefix, a broken reference…): the sheet is then read again
//! from the start by the full XML reader ([`super::sheet`]), which also
//! says what is wrong with a broken one. Both give the same cells; the
//! tests check that on every form this one takes.

use super::cell::{MAX_COLUMNS, MAX_ROWS, Sink, Stop, cell_reference, number_text};

/// How far the quick pass went.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Pass {
    /// Every cell was handed on, up to `</sheetData>`.
    Done,
    /// Something outside the narrow form: read the sheet again in full.
    Unsure,
}

/// Reads the sheet data `xml` (what follows `<sheetData>`), handing each
/// cell with a value to `sink` as [`super::sheet::cells`] does.
pub(super) fn cells(xml: &[u8], strings: &[String], sink: &mut impl Sink) -> Result<Pass, Stop> {
    let mut at = 0;
    let mut row: u32 = 0;
    let mut column: u32 = 0;
    // Inside a `<row>`: the tags must nest as the full reader checks them.
    let mut in_row = false;
    let mut text = String::new();
    loop {
        // Between tags: white space only.
        let Some(lt) = memchr(b'<', &xml[at..]) else {
            return Ok(Pass::Unsure);
        };
        if !xml[at..at + lt].iter().all(u8::is_ascii_whitespace) {
            return Ok(Pass::Unsure);
        }
        at += lt;
        let rest = &xml[at..];
        if rest.starts_with(b"</row>") {
            if !in_row {
                return Ok(Pass::Unsure);
            }
            in_row = false;
            row = row.saturating_add(1);
            column = 0;
            at += 6;
        } else if rest.starts_with(b"</sheetData>") {
            return Ok(if in_row { Pass::Unsure } else { Pass::Done });
        } else if let Some(tag) = start_tag(rest, b"row") {
            if in_row {
                return Ok(Pass::Unsure);
            }
            in_row = !tag.empty;
            let Some(attrs) = Attributes::of(tag.attributes) else {
                return Ok(Pass::Unsure);
            };
            if let Some(r) = attrs.r {
                match std::str::from_utf8(r)
                    .ok()
                    .and_then(|r| r.parse::<u32>().ok())
                {
                    Some(n) if (1..=MAX_ROWS).contains(&n) => row = n - 1,
                    _ => return Ok(Pass::Unsure),
                }
            }
            column = 0;
            if tag.empty {
                row = row.saturating_add(1);
            }
            at += tag.len;
        } else if let Some(tag) = start_tag(rest, b"c") {
            if !in_row {
                return Ok(Pass::Unsure);
            }
            let Some(attrs) = Attributes::of(tag.attributes) else {
                return Ok(Pass::Unsure);
            };
            let (r, c) = match attrs.r {
                Some(reference) => match cell_reference(reference) {
                    Some(place) => place,
                    None => return Ok(Pass::Unsure),
                },
                None => (row, column),
            };
            if r >= MAX_ROWS || c >= MAX_COLUMNS {
                return Ok(Pass::Unsure);
            }
            at += tag.len;
            if !tag.empty {
                // `<v>…</v></c>` or `</c>`.
                let rest = &xml[at..];
                if rest.starts_with(b"</c>") {
                    at += 4;
                } else if rest.starts_with(b"<v>") {
                    let Some(end) = memchr(b'<', &rest[3..]) else {
                        return Ok(Pass::Unsure);
                    };
                    let raw = &rest[3..3 + end];
                    if !rest[3 + end..].starts_with(b"</v></c>") {
                        return Ok(Pass::Unsure);
                    }
                    at += 3 + end + 8;
                    let Ok(raw) = std::str::from_utf8(raw) else {
                        return Ok(Pass::Unsure);
                    };
                    text.clear();
                    match value(raw, attrs.t, strings, &mut text) {
                        Some(true) => sink.cell(r, c, &mut text)?,
                        Some(false) => {}
                        None => return Ok(Pass::Unsure),
                    }
                } else {
                    return Ok(Pass::Unsure);
                }
            }
            column = c.saturating_add(1);
        } else {
            return Ok(Pass::Unsure);
        }
    }
}

/// A `<v>`'s text as the cell's text, by the cell's type: whether there
/// is a value, or `None` for anything the full reader must judge.
fn value(raw: &str, t: Option<&[u8]>, strings: &[String], out: &mut String) -> Option<bool> {
    if raw.contains(['&', '\r']) {
        return None;
    }
    match t {
        Some(b"s") => {
            if raw.trim().is_empty() {
                return Some(false);
            }
            out.push_str(strings.get(raw.trim().parse::<usize>().ok()?)?);
        }
        None | Some(b"n") => {
            if raw.is_empty() {
                return Some(false);
            }
            if !number_text(raw, out) {
                if t.is_some() {
                    return None;
                }
                out.push_str(raw);
            }
        }
        // Booleans, formulas' text, dates, errors, inline strings: the full reader.
        _ => return None,
    }
    Some(true)
}

/// A start tag `<name …>` or `<name …/>` at the start of `xml`.
struct StartTag<'x> {
    attributes: &'x [u8],
    empty: bool,
    /// Its length, `<` to `>`.
    len: usize,
}

fn start_tag<'x>(xml: &'x [u8], name: &[u8]) -> Option<StartTag<'x>> {
    let after = xml.get(1..)?.strip_prefix(name)?;
    match after.first()? {
        b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n' => {}
        _ => return None,
    }
    let end = memchr(b'>', after)?;
    let (attributes, empty) = match after[..end].strip_suffix(b"/") {
        Some(a) => (a, true),
        None => (&after[..end], false),
    };
    Some(StartTag {
        attributes,
        empty,
        len: 1 + name.len() + end + 1,
    })
}

/// The attributes the pass needs. Every attribute must be `name="value"`
/// or `name='value'` with no entity, `<` or quote inside, names without a
/// prefix: else the tag is for the full reader.
#[derive(Default)]
struct Attributes<'x> {
    r: Option<&'x [u8]>,
    t: Option<&'x [u8]>,
}

impl<'x> Attributes<'x> {
    fn of(mut s: &'x [u8]) -> Option<Self> {
        // The full reader takes no tag that is not UTF-8.
        if !s.is_ascii() && std::str::from_utf8(s).is_err() {
            return None;
        }
        let mut out = Self::default();
        loop {
            let start = s.iter().position(|b| !b.is_ascii_whitespace());
            let Some(start) = start else {
                return Some(out);
            };
            s = &s[start..];
            let eq = memchr(b'=', s)?;
            let name = &s[..eq];
            if name.is_empty()
                || !name
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
            {
                return None;
            }
            // `x:r` is `r` to the full reader, which reads names without
            // their prefix: such a name is for it to judge.
            if let Some(colon) = name.iter().rposition(|&b| b == b':')
                && matches!(&name[colon + 1..], b"r" | b"t")
            {
                return None;
            }
            let quote = *s.get(eq + 1)?;
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            let body = &s[eq + 2..];
            let close = memchr(quote, body)?;
            let value = &body[..close];
            if value
                .iter()
                .any(|b| matches!(b, b'&' | b'<' | b'"' | b'\''))
            {
                return None;
            }
            match name {
                b"r" => out.r = Some(value),
                b"t" => out.t = Some(value),
                _ => {}
            }
            s = &body[close + 1..];
            if !s.is_empty() && !s[0].is_ascii_whitespace() {
                return None;
            }
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}
