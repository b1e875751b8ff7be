//! Reads the fields of a filled PDF form (a fillable checklist after a
//! viewer has had it) into plain data for `core::inspection::form`. The PDF
//! comes from anywhere, so every step is bounded: its size, the parser's
//! nesting (lopdf stops at 100 levels), what a stream may inflate to, the
//! number of objects, how deep the field tree goes and how many fields it
//! has; references are followed once each, so a loop in the tree ends.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::core::inspection::form::{FieldValue, Fields, FormError};

/// A filled checklist of a few hundred standards is well under a megabyte;
/// beyond this it is no checklist of ours.
pub const MAX_FORM_BYTES: u64 = crate::core::storage::MAX_FILE_BYTES;
/// What one stream may inflate to while loading.
const MAX_INFLATED_BYTES: usize = 64 * 1024 * 1024;
/// A checklist of the longest set has some tens of thousands.
pub const MAX_OBJECTS: usize = 200_000;
/// A checklist's fields are one level deep, a viewer may add one or two.
pub const MAX_FIELD_DEPTH: usize = 16;
/// Four fields a standard (three buttons, a note), a set of at most a few
/// thousand standards.
pub const MAX_FIELDS: usize = 50_000;

/// Reads the form fields of the PDF in `bytes`.
///
/// # Errors
/// Not a PDF, a damaged one, one past the limits above, or one with no form.
pub fn read(bytes: &[u8]) -> Result<Fields, FormError> {
    if bytes.len() as u64 > MAX_FORM_BYTES {
        return Err(FormError::TooLarge {
            bytes: bytes.len() as u64,
            max: MAX_FORM_BYTES,
        });
    }
    // The header may follow some junk, but within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(FormError::NotPdf);
    }
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_INFLATED_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options)
        .map_err(|e| FormError::Damaged(e.to_string()))?;
    if doc.objects.len() > MAX_OBJECTS {
        return Err(FormError::TooManyObjects {
            count: doc.objects.len(),
            max: MAX_OBJECTS,
        });
    }
    let catalog = doc
        .catalog()
        .map_err(|e| FormError::Damaged(e.to_string()))?;
    let Some(form) = catalog
        .get(b"AcroForm")
        .ok()
        .and_then(|o| dictionary(&doc, o))
    else {
        return Err(FormError::NotAForm);
    };
    let Some(roots) = form
        .get(b"Fields")
        .ok()
        .and_then(|o| resolve(&doc, o).as_array().ok())
    else {
        return Err(FormError::NotAForm);
    };
    let mut walk = Walk {
        doc: &doc,
        seen: HashSet::new(),
        fields: Vec::new(),
        visited: 0,
    };
    for root in roots {
        walk.field(root, "", None, 0)?;
    }
    Ok(Fields(walk.fields))
}

/// The object a reference leads to (a direct object is itself).
fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(&Object::Null),
        other => other,
    }
}

fn dictionary<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    resolve(doc, object).as_dict().ok()
}

/// A text string: UTF-16BE after its byte order mark (what viewers write
/// for Chinese), UTF-8 after its mark, else `PDFDocEncoding`, read as Latin-1
/// (the same for every printable ASCII character).
fn text(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(b"\xfe\xff") {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|b| char::from(*b)).collect()
}

/// A name or a string as text: a button's state is a name, a text field's
/// value a string (some writers use a name for either).
fn value_text(doc: &Document, object: &Object) -> Option<String> {
    match resolve(doc, object) {
        Object::Name(name) => Some(String::from_utf8_lossy(name).into_owned()),
        Object::String(bytes, _) => Some(text(bytes)),
        _ => None,
    }
}

struct Walk<'a> {
    doc: &'a Document,
    /// Objects already visited: a loop of /Kids is walked once.
    seen: HashSet<ObjectId>,
    fields: Vec<(String, FieldValue)>,
    visited: usize,
}

impl Walk<'_> {
    /// Reads the field `object` under the field named `parent`, with the
    /// field type inherited from above.
    fn field(
        &mut self,
        object: &Object,
        parent: &str,
        inherited_type: Option<&[u8]>,
        depth: usize,
    ) -> Result<(), FormError> {
        if depth > MAX_FIELD_DEPTH {
            return Err(FormError::TooDeep {
                max: MAX_FIELD_DEPTH,
            });
        }
        self.visited += 1;
        if self.visited > MAX_FIELDS {
            return Err(FormError::TooManyFields { max: MAX_FIELDS });
        }
        if let Object::Reference(id) = object
            && !self.seen.insert(*id)
        {
            return Ok(());
        }
        let doc = self.doc;
        let Some(dict) = dictionary(doc, object) else {
            return Ok(());
        };
        let partial = dict.get(b"T").ok().and_then(|t| value_text(doc, t));
        let name = match (&partial, parent.is_empty()) {
            (None, _) => parent.to_owned(),
            (Some(t), true) => t.clone(),
            (Some(t), false) => format!("{parent}.{t}"),
        };
        let kind = dict
            .get(b"FT")
            .ok()
            .and_then(|o| resolve(doc, o).as_name().ok())
            .or(inherited_type);
        let kids: Vec<&Object> = dict
            .get(b"Kids")
            .ok()
            .and_then(|o| resolve(doc, o).as_array().ok())
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        // Kids with names are fields of their own; kids without are this
        // field's widgets (a radio group's buttons).
        let named_kids: Vec<&Object> = kids
            .iter()
            .copied()
            .filter(|k| dictionary(doc, k).is_some_and(|d| d.has(b"T")))
            .collect();
        for kid in &named_kids {
            self.field(kid, &name, kind, depth + 1)?;
        }
        if partial.is_none() || (!named_kids.is_empty() && named_kids.len() == kids.len()) {
            return Ok(());
        }
        let value = dict.get(b"V").ok().and_then(|v| value_text(doc, v));
        let found = match kind {
            Some(b"Btn") => {
                let widgets: Vec<&Dictionary> = if kids.is_empty() {
                    vec![dict]
                } else {
                    kids.iter().filter_map(|k| dictionary(doc, k)).collect()
                };
                let buttons = widgets
                    .iter()
                    .filter_map(|w| w.get(b"AS").ok().and_then(|s| value_text(doc, s)))
                    .filter(|state| state != "Off")
                    .collect();
                FieldValue::Choice { value, buttons }
            }
            _ => FieldValue::Text(value.unwrap_or_default()),
        };
        self.fields.push((name, found));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_in_each_encoding() {
        assert_eq!(text(b"\xfe\xff\x95\xe8\x5e\x97"), "门店");
        assert_eq!(text(b"\xef\xbb\xbf\xe9\x97\xa8"), "门");
        assert_eq!(text(b"Shop 1"), "Shop 1");
    }

    #[test]
    fn a_pdf_of_too_many_objects_is_refused() {
        let mut doc = Document::with_version("1.7");
        for i in 0..=MAX_OBJECTS {
            doc.add_object(Object::Integer(i64::try_from(i).unwrap_or(0)));
        }
        let pages = doc
            .add_object(lopdf::dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
        let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        assert!(matches!(
            read(&bytes),
            Err(FormError::TooManyObjects { .. })
        ));
    }

    #[test]
    fn what_is_not_a_form_says_so() {
        assert_eq!(read(b"hello"), Err(FormError::NotPdf));
        assert!(matches!(
            read(b"%PDF-1.7\n garbage"),
            Err(FormError::Damaged(_))
        ));
    }
}
