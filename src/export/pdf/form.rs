//! The form of a fillable checklist, added to the PDF where the emitter
//! finishes it: printpdf writes no form fields, so the fields the layout
//! placed (`Page::fields`) become `AcroForm` fields with lopdf. A standard's
//! Pass / Fail / N/A buttons are one radio group named by its ID, each with
//! its own on and off appearances (a tick drawn as a path, so it needs no
//! font and prints in every viewer); text fields ask the viewer to draw them
//! (`NeedAppearances`), since a typed note may be Chinese.

use std::collections::HashMap;

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat, dictionary};

use crate::export::layout::{Document, FieldKind};

/// Field flags (PDF 32000-1, 12.7.3.1 and 12.7.4).
const READ_ONLY: i64 = 1;
const MULTILINE: i64 = 1 << 12;
const RADIO: i64 = 1 << 15;
/// Annotation flags (12.5.3): printed; hidden.
const PRINT: i64 = 4;
const HIDDEN: i64 = 2;

/// The font resource text fields are set in: Helvetica needs no embedding,
/// and a viewer asked to draw the appearance picks a font that has the
/// characters typed (see the README on Chinese in notes).
const TEXT_FONT: &str = "Helv";
/// The font of a tick a viewer draws itself: character `4` is a tick.
const TICK_FONT: &str = "ZaDb";

/// A text string as PDF wants it: plain when it is printable ASCII, else
/// UTF-16BE after a byte order mark.
pub(super) fn text_string(text: &str) -> Object {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Object::String(text.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn name(text: &str) -> Object {
    Object::Name(text.as_bytes().to_vec())
}

fn rect(x: f32, bottom: f32, width: f32, height: f32) -> Object {
    Object::Array(vec![
        x.into(),
        bottom.into(),
        (x + width).into(),
        (bottom + height).into(),
    ])
}

/// An appearance: a form `XObject` of `width` × `height` drawing `content`.
fn appearance(pdf: &mut lopdf::Document, width: f32, height: f32, content: &str) -> ObjectId {
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => rect(0.0, 0.0, width, height),
        "Resources" => Dictionary::new(),
    };
    pdf.add_object(Stream::new(dict, content.as_bytes().to_vec()))
}

/// A tick in a box of `width` × `height`, as a stroked path.
fn tick(width: f32, height: f32) -> String {
    let (w, h) = (width, height);
    format!(
        "q 0 0 0 RG {:.2} w 1 J 1 j {:.2} {:.2} m {:.2} {:.2} l {:.2} {:.2} l S Q",
        w.min(h) * 0.14,
        w * 0.2,
        h * 0.52,
        w * 0.42,
        h * 0.24,
        w * 0.82,
        h * 0.8,
    )
}

/// Adds the form: every page's fields as widgets on that page, the hidden
/// fields on the first, and the catalog's `/AcroForm`. Nothing happens for
/// a document with no fields.
///
/// # Errors
/// When printpdf's document lacks its catalog or pages (a bug).
pub(super) fn add(pdf: &mut lopdf::Document, document: &Document) -> Result<(), lopdf::Error> {
    let has_fields = document.pages.iter().any(|p| !p.fields.is_empty());
    if !has_fields && document.hidden.is_empty() {
        return Ok(());
    }
    let (_, height) = document.paper.size_pt();
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let font = pdf.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let dingbats = pdf.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "ZapfDingbats",
    });
    let text_da = Object::string_literal(format!("/{TEXT_FONT} 9 Tf 0 g"));
    let mut fields: Vec<Object> = Vec::new();
    // Radio groups by name, in the order first met: their widgets come
    // first, the group is made once all its buttons are known.
    let mut groups: Vec<(String, String, Vec<ObjectId>)> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let mut ticks: HashMap<(u32, u32), (ObjectId, ObjectId)> = HashMap::new();
    let mut annots: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for (page_at, page) in document.pages.iter().enumerate() {
        let Some(&page_id) = pages.get(page_at) else {
            continue;
        };
        for field in &page.fields {
            let bottom = height - field.top - field.height;
            let mut widget = dictionary! {
                "Type" => "Annot",
                "Subtype" => "Widget",
                "Rect" => rect(field.x, bottom, field.width, field.height),
                "F" => PRINT,
                "P" => page_id,
            };
            match field.kind {
                FieldKind::Choice(state) => {
                    // Boxes of one size share their appearances.
                    let key = (field.width.to_bits(), field.height.to_bits());
                    let (on, off) = match ticks.get(&key) {
                        Some(pair) => *pair,
                        None => {
                            let on = appearance(
                                pdf,
                                field.width,
                                field.height,
                                &tick(field.width, field.height),
                            );
                            let off = appearance(pdf, field.width, field.height, "");
                            ticks.insert(key, (on, off));
                            (on, off)
                        }
                    };
                    let mut normal = Dictionary::new();
                    normal.set(state, on);
                    normal.set("Off", off);
                    widget.set("AP", dictionary! { "N" => normal });
                    widget.set("AS", name("Off"));
                    // A viewer that draws the buttons itself (poppler does,
                    // when asked to by NeedAppearances) draws this tick.
                    widget.set("MK", dictionary! { "CA" => Object::string_literal("4") });
                    widget.set(
                        "DA",
                        Object::string_literal(format!("/{TICK_FONT} 0 Tf 0 g")),
                    );
                    widget.set("TU", text_string(&field.tooltip));
                    let at = *group_of.entry(field.name.clone()).or_insert_with(|| {
                        groups.push((field.name.clone(), field.tooltip.clone(), Vec::new()));
                        groups.len() - 1
                    });
                    let id = pdf.new_object_id();
                    groups[at].2.push(id);
                    pdf.objects.insert(id, Object::Dictionary(widget));
                    annots[page_at].push(Object::Reference(id));
                }
                FieldKind::Text | FieldKind::Note => {
                    widget.set("FT", "Tx");
                    widget.set("T", text_string(&field.name));
                    widget.set("TU", text_string(&field.tooltip));
                    widget.set("DA", text_da.clone());
                    widget.set("V", text_string(""));
                    if field.kind == FieldKind::Note {
                        widget.set("Ff", MULTILINE);
                    }
                    let id = pdf.add_object(widget);
                    fields.push(Object::Reference(id));
                    annots[page_at].push(Object::Reference(id));
                }
            }
        }
    }
    for (name_, tooltip, kids) in groups {
        // The tooltip of the group names the standard alone.
        let standard = tooltip.split(" · ").next().unwrap_or_default().to_owned();
        let group = pdf.add_object(dictionary! {
            "FT" => "Btn",
            "Ff" => RADIO,
            "T" => text_string(&name_),
            "TU" => text_string(&standard),
            "V" => name("Off"),
            "Kids" => kids.iter().map(|k| Object::Reference(*k)).collect::<Vec<_>>(),
        });
        for kid in kids {
            if let Ok(Object::Dictionary(widget)) = pdf.get_object_mut(kid) {
                widget.set("Parent", group);
            }
        }
        fields.push(Object::Reference(group));
    }
    // What the form was made from: hidden, read-only, on the first page.
    if let Some(&first) = pages.first() {
        for (field, value) in &document.hidden {
            let id = pdf.add_object(dictionary! {
                "Type" => "Annot",
                "Subtype" => "Widget",
                "Rect" => rect(0.0, 0.0, 0.0, 0.0),
                "F" => HIDDEN,
                "P" => first,
                "FT" => "Tx",
                "Ff" => READ_ONLY,
                "T" => text_string(field),
                "V" => text_string(value),
                "DA" => text_da.clone(),
            });
            fields.push(Object::Reference(id));
            annots[0].push(Object::Reference(id));
        }
    }
    for (page_id, list) in pages.iter().zip(annots) {
        if list.is_empty() {
            continue;
        }
        let page = pdf.get_dictionary_mut(*page_id)?;
        let mut all = page
            .get(b"Annots")
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        all.extend(list);
        page.set("Annots", all);
    }
    let form = pdf.add_object(dictionary! {
        "Fields" => fields,
        "NeedAppearances" => true,
        "DA" => text_da,
        "DR" => dictionary! { "Font" => dictionary! { TEXT_FONT => font, TICK_FONT => dingbats } },
    });
    pdf.catalog_mut()?.set("AcroForm", form);
    Ok(())
}
