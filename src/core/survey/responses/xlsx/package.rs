//! The parts of an XLSX workbook around its cells: the zip entries, read
//! within what the zip says they unpack to; the relationships that lead to
//! the first sheet; the shared strings; and the text rules of OOXML (rich
//! runs, phonetic runs, `_xHHHH_` escapes) that the sheet's inline strings
//! share.

use std::io::Read as _;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// A workbook's zip, over the bytes read (storage's bounded read).
pub(super) type Archive<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// The whole of part `name` (found whatever its case, as Excel does), or
/// `None` when the zip has no such part. A part is read no further than
/// the size its zip entry declares: the declared sizes, checked together
/// before anything is unpacked, bound the whole read, even for a zip that
/// lies about them.
pub(super) fn read_part(archive: &mut Archive<'_>, name: &str) -> Result<Option<Vec<u8>>, String> {
    let name = name.trim_start_matches('/');
    let index = archive.index_for_name(name).or_else(|| {
        (0..archive.len()).find(|&i| {
            archive
                .name_for_index(i)
                .and_then(Result::ok)
                .is_some_and(|n| n.trim_start_matches('/').eq_ignore_ascii_case(name))
        })
    });
    let Some(index) = index else {
        return Ok(None);
    };
    let file = archive
        .by_index(index)
        .map_err(|e| format!("{name}: {e}"))?;
    let declared = file.size();
    let mut out = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
    file.take(declared.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("{name}: {e}"))?;
    if u64::try_from(out.len()).unwrap_or(u64::MAX) > declared {
        return Err(format!(
            "{name} unpacks past the {declared} bytes its zip entry declares"
        ));
    }
    Ok(Some(out))
}

/// Where the first sheet is, and what it is.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct FirstSheet {
    /// Its name on its tab, for messages.
    pub name: String,
    /// Its part in the zip.
    pub part: String,
    /// A worksheet (not a chart sheet or dialog sheet).
    pub worksheet: bool,
    /// The shared strings' part, if the workbook names one.
    pub strings: Option<String>,
}

/// Finds the first sheet by the package's relationships, as Excel does:
/// `_rels/.rels` names the workbook part, the workbook lists its sheets in
/// tab order, and the workbook's relationships give each sheet's part.
pub(super) fn first_sheet(archive: &mut Archive<'_>) -> Result<FirstSheet, String> {
    let workbook = match read_part(archive, "_rels/.rels")? {
        Some(rels) => relationships("_rels/.rels", &rels)?
            .into_iter()
            .find(|r| r.kind.ends_with("/officeDocument"))
            .map(|r| resolve("", &r.target))
            .ok_or("_rels/.rels names no workbook (no officeDocument relationship)")?,
        None => "xl/workbook.xml".to_owned(),
    };
    let xml = read_part(archive, &workbook)?
        .ok_or_else(|| format!("the zip has no {workbook}: this is no XLSX workbook"))?;
    let (name, id) = first_sheet_entry(&workbook, &xml)?;
    let (dir, file) = workbook.rsplit_once('/').unwrap_or(("", &workbook));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let rels = read_part(archive, &rels_name)?
        .ok_or_else(|| format!("the zip has no {rels_name}: the sheets cannot be found"))?;
    let rels = relationships(&rels_name, &rels)?;
    let sheet = rels
        .iter()
        .find(|r| r.id == id)
        .ok_or_else(|| format!("{rels_name} has no relationship {id} for sheet “{name}”"))?;
    let strings = rels
        .iter()
        .find(|r| r.kind.ends_with("/sharedStrings"))
        .map(|r| resolve(dir, &r.target));
    Ok(FirstSheet {
        name,
        part: resolve(dir, &sheet.target),
        worksheet: !sheet.kind.ends_with("/chartsheet") && !sheet.kind.ends_with("/dialogsheet"),
        strings,
    })
}

/// A relationship of a `.rels` part.
struct Relationship {
    id: String,
    kind: String,
    target: String,
}

fn relationships(part: &str, xml: &[u8]) -> Result<Vec<Relationship>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let attr = |key: &str| attribute(&e, key).unwrap_or_default();
                out.push(Relationship {
                    id: attr("Id"),
                    kind: attr("Type"),
                    target: attr("Target"),
                });
            }
            Ok(Event::Eof) => return Ok(out),
            Ok(_) => {}
            Err(e) => return Err(xml_error(part, reader.error_position(), &e)),
        }
    }
}

/// The name and relationship ID of the workbook's first `<sheet>`.
fn first_sheet_entry(part: &str, xml: &[u8]) -> Result<(String, String), String> {
    let mut reader = Reader::from_reader(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                let name = attribute(&e, "name").unwrap_or_default();
                return match attribute(&e, "id") {
                    Some(id) => Ok((name, id)),
                    None => Err(format!("{part}: sheet “{name}” has no r:id")),
                };
            }
            Ok(Event::Eof) => return Err("the workbook has no sheet".to_owned()),
            Ok(_) => {}
            Err(e) => return Err(xml_error(part, reader.error_position(), &e)),
        }
    }
}

/// An attribute's value by its local name (any prefix), unescaped.
fn attribute(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

/// A relationship's target as a zip path: relative to `dir` unless it
/// starts with `/`, with `.` and `..` taken out.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let start = if target.starts_with('/') { "" } else { dir };
    for segment in start.split('/').chain(target.split('/')) {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// A broken XML part said with where it broke.
pub(super) fn xml_error(part: &str, at: u64, e: &quick_xml::Error) -> String {
    format!("{part}: broken XML at byte {at}: {e}")
}

/// The shared strings table: one text per `<si>`, in order.
pub(super) fn shared_strings(part: &str, xml: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "sst" => {
                let count = attribute(&e, "uniqueCount").and_then(|c| c.parse::<usize>().ok());
                // A count the part cannot hold is not believed.
                out.reserve(count.unwrap_or(0).min(xml.len() / 8));
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "si" => {
                let mut text = String::new();
                rich_text(&mut reader, e.name().as_ref(), &mut text)
                    .map_err(|e| xml_error(part, reader.error_position(), &e))?;
                out.push(text);
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "si" => out.push(String::new()),
            Ok(Event::Eof) => return Ok(out),
            Ok(_) => {}
            Err(e) => return Err(xml_error(part, reader.error_position(), &e)),
        }
    }
}

/// The text of a string item (`<si>` or a cell's `<is>`), up to its end
/// tag `end`, into `out`: its `<t>` elements, the rich runs' ones joined,
/// phonetic runs (`<rPh>`) left out, each trimmed of ASCII white space
/// unless it keeps it (`xml:space="preserve"`), `_xHHHH_` escapes undone.
pub(super) fn rich_text(
    reader: &mut Reader<&[u8]>,
    end: &str,
    out: &mut String,
) -> Result<(), quick_xml::Error> {
    let mut phonetic = 0usize;
    let mut t = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "rPh" => phonetic += 1,
            Event::End(e) if e.local_name().as_ref() == "rPh" => {
                phonetic = phonetic.saturating_sub(1);
            }
            Event::Start(e) if e.local_name().as_ref() == "t" && phonetic == 0 => {
                let preserve = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "xml:space" && a.value.as_ref() == "preserve");
                t.clear();
                element_text(reader, e.name().as_ref(), &mut t)?;
                let kept = if preserve {
                    t.as_str()
                } else {
                    t.trim_matches([' ', '\t', '\r', '\n'])
                };
                unescape_ooxml(kept, out);
            }
            Event::End(e) if e.name().as_ref() == end => return Ok(()),
            Event::Eof => return Err(unexpected_eof(end)),
            _ => {}
        }
    }
}

/// An element's text up to its end tag `end`, entities resolved, line
/// ends as XML 1.0 reads them; nested elements are passed over.
pub(super) fn element_text(
    reader: &mut Reader<&[u8]>,
    end: &str,
    out: &mut String,
) -> Result<(), quick_xml::Error> {
    let mut depth = 0usize;
    loop {
        match reader.read_event()? {
            Event::Text(t) if depth == 0 => out.push_str(&t.xml10_content()),
            Event::CData(t) if depth == 0 => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if depth == 0 => {
                if let Some(c) = r.resolve_char_ref()? {
                    out.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_xml_entity(&r) {
                    out.push_str(s);
                } else {
                    return Err(quick_xml::Error::Escape(
                        quick_xml::escape::EscapeError::UnrecognizedEntity(
                            0..0,
                            format!("&{};", &*r),
                        ),
                    ));
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(e) if depth == 0 && e.name().as_ref() == end => return Ok(()),
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof => return Err(unexpected_eof(end)),
            _ => {}
        }
    }
}

/// The part ended inside element `end`.
pub(super) fn unexpected_eof(end: &str) -> quick_xml::Error {
    quick_xml::Error::IllFormed(quick_xml::errors::IllFormedError::MissingEndTag(
        end.to_owned(),
    ))
}

/// OOXML's escapes of characters XML cannot hold (`_x000D_`, `_x0001_`)
/// undone, `text` appended to `out`; a lone surrogate becomes U+FFFD.
pub(super) fn unescape_ooxml(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find("_x") {
        let start = at + found;
        let Some(unit) = escape_at(bytes, start) else {
            at = start + 2;
            continue;
        };
        out.push_str(&text[copied..start]);
        let mut next = start + 7;
        let c = match unit {
            0xD800..=0xDBFF => match escape_at(bytes, next) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    next += 7;
                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                }
                _ => None,
            },
            _ => char::from_u32(unit),
        };
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
        copied = next;
        at = next;
    }
    out.push_str(&text[copied..]);
}

/// The code unit of the escape `_xHHHH_` at `start`, if one is there.
fn escape_at(bytes: &[u8], start: usize) -> Option<u32> {
    let escape = bytes.get(start..start + 7)?;
    if &escape[..2] != b"_x" || escape[6] != b'_' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..6]).ok()?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok()
}
