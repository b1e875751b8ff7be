//! The one PDF emitter: laid-out pages (`export::layout`) in, PDF bytes out.
//! The only code that knows printpdf and lopdf: the bundled CJK font embedded
//! as a subset, the document language, bookmarks, metadata and reproducible
//! dates (`SOURCE_DATE_EPOCH`, through `Options::created`), and the form
//! fields of a fillable checklist (`form`, read back by `form_read`).

mod content;
mod font;
mod form;
pub mod form_read;
pub mod image;

use std::collections::HashMap;

use printpdf::{
    Codepoint, FontId, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem,
};

pub use font::{Fonts, fonts};

use super::ExportError;
use crate::export::layout::text::Metrics;
use crate::export::layout::{Document, Page};

/// The PDF structure could not be assembled (a bug: the pages are ours).
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct AssemblyError(#[from] lopdf::Error);

/// What the PDF needs beyond the pages.
pub struct Options<'a> {
    /// The creation and modification date; none writes no date at all
    /// rather than printpdf's 1970.
    pub created: Option<jiff::Timestamp>,
    /// The images the pages draw, in [`crate::export::layout::ImageId`] order.
    pub images: &'a [image::Embedded],
}

/// Writes `document` as a PDF.
///
/// printpdf makes the document around the pages: the fonts, subset to the
/// glyphs used, the images, bookmarks and metadata. The pages' drawing is
/// written here, straight to deflated content streams, on every core: for
/// the font subset it hands printpdf one page that shows every glyph used, and
/// reads the codes the subset gave them back from that page's stream.
///
/// # Errors
/// When the bundled font cannot be read (a broken build) or the PDF cannot be written.
pub fn pdf(document: &Document, options: &Options<'_>) -> Result<Vec<u8>, ExportError> {
    // The faces the layout measured with: the document's language picks them.
    let fonts = fonts(document.lang)?;
    let mut doc = PdfDocument::new(&document.title);
    let regular_id = doc.add_font(&fonts.regular);
    let bold_id = doc.add_font(&fonts.bold);
    let images: Vec<String> = options
        .images
        .iter()
        .map(|image| doc.add_xobject(&image.xobject).0)
        .collect();
    let mut regular = content::Used::new(Metrics::new(&fonts.regular));
    let mut bold = content::Used::new(Metrics::new(&fonts.bold));
    content::collect(&document.pages, &mut regular, &mut bold);
    let (width, height) = document.paper.size_pt();
    // Every page empty but the first, which shows each face's glyphs once.
    let mut pages: Vec<PdfPage> = (0..document.pages.len().max(1))
        .map(|_| PdfPage::new(Pt(width).into(), Pt(height).into(), Vec::new()))
        .collect();
    pages[0].ops = [(&regular, &regular_id), (&bold, &bold_id)]
        .into_iter()
        .flat_map(|(used, id)| glyph_sheet(used, id))
        .collect();
    document
        .title
        .clone_into(&mut doc.metadata.info.document_title);
    document.author.clone_into(&mut doc.metadata.info.author);
    doc.metadata.info.creator = format!("servstd {}", env!("CARGO_PKG_VERSION"));
    document.subject.clone_into(&mut doc.metadata.info.subject);
    for (name, page) in &document.bookmarks {
        doc.add_bookmark(name, *page);
    }
    let mut warnings = Vec::new();
    let save = PdfSaveOptions::default();
    // printpdf writes no /Lang; set it on its lopdf document before saving,
    // rather than saving, parsing the bytes back and saving again.
    let mut pdf = doc
        .with_pages(pages)
        .to_lopdf_document(&save, &mut warnings);
    let page_ids: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    let sheet = page_ids
        .first()
        .map(|id| page_stream(&pdf, *id))
        .transpose()
        .map_err(AssemblyError)?
        .unwrap_or_default();
    let codes = font_codes(&sheet).map_err(AssemblyError)?;
    let face = |used: &content::Used<'_>, id: &FontId| {
        // The sheet showed the glyphs ascending: its codes are theirs in that order.
        let mut by_gid = vec![None; 0x1_0000];
        let sheet = codes.get(&id.0).map_or(&[][..], Vec::as_slice);
        for ((gid, _), code) in used.glyphs().zip(sheet) {
            by_gid[usize::from(gid)] = Some(*code);
        }
        content::Face {
            codes: used.codes(|gid| by_gid[usize::from(gid)]),
            name: id.0.clone(),
        }
    };
    let regular = face(&regular, &regular_id);
    let bold = face(&bold, &bold_id);
    let writer = content::Writer {
        height,
        regular: &regular,
        bold: &bold,
        images: &images,
    };
    let streams = page_streams(&writer, &document.pages);
    for (page_id, (bytes, deflated)) in page_ids.iter().zip(streams) {
        let contents = pdf
            .get_dictionary(*page_id)
            .and_then(|page| page.get(b"Contents"))
            .and_then(lopdf::Object::as_reference)
            .map_err(AssemblyError)?;
        let mut dict = lopdf::Dictionary::new();
        if deflated {
            dict.set("Filter", "FlateDecode");
        }
        let stream = lopdf::Stream::new(dict, bytes).with_compression(false);
        pdf.objects.insert(contents, lopdf::Object::Stream(stream));
    }
    pdf.catalog_mut()
        .map_err(AssemblyError)?
        .set("Lang", lopdf::Object::string_literal(document.lang.tag()));
    tidy_catalog_and_info(&mut pdf, options.created).map_err(AssemblyError)?;
    form::add(&mut pdf, document).map_err(AssemblyError)?;
    if save.optimize {
        compress(&mut pdf);
    }
    let mut out = Vec::new();
    pdf.save_to(&mut out)?;
    Ok(out)
}

/// The operations that show each glyph `used` once, ascending, with its
/// character: what printpdf subsets the face to.
fn glyph_sheet(used: &content::Used<'_>, id: &FontId) -> Vec<Op> {
    let glyphs: Vec<Codepoint> = used
        .glyphs()
        .map(|(gid, c)| Codepoint {
            gid,
            offset: 0.0,
            cid: Some(c.to_string()),
        })
        .collect();
    if glyphs.is_empty() {
        return Vec::new();
    }
    vec![
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(id.clone()),
            size: Pt(10.0),
        },
        Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        },
        Op::EndTextSection,
    ]
}

/// The decoded content stream of the page `id`.
fn page_stream(pdf: &lopdf::Document, id: lopdf::ObjectId) -> Result<Vec<u8>, lopdf::Error> {
    let contents = pdf.get_dictionary(id)?.get(b"Contents")?.as_reference()?;
    let stream = pdf.get_object(contents)?.as_stream()?;
    stream
        .decompressed_content()
        .or_else(|_| Ok(stream.content.clone()))
}

/// The codes the glyph sheet shows, per font resource, in the order shown:
/// its `TJ` shows each face's glyphs ascending, one string each.
fn font_codes(sheet: &[u8]) -> Result<HashMap<String, Vec<u16>>, lopdf::Error> {
    use lopdf::Object;
    let mut codes: HashMap<String, Vec<u16>> = HashMap::new();
    let mut font: Option<String> = None;
    for op in lopdf::content::Content::decode(sheet)?.operations {
        match (op.operator.as_str(), op.operands.as_slice()) {
            ("Tf", [Object::Name(name), ..]) => {
                font = Some(String::from_utf8_lossy(name).into_owned());
            }
            ("TJ", [Object::Array(items)]) => {
                let shown = codes.entry(font.clone().unwrap_or_default()).or_default();
                shown.extend(items.iter().filter_map(|item| match item {
                    Object::String(bytes, _) => match bytes.as_slice() {
                        [hi, lo] => Some(u16::from_be_bytes([*hi, *lo])),
                        _ => None,
                    },
                    _ => None,
                }));
            }
            _ => {}
        }
    }
    Ok(codes)
}
/// A PDF date, `D:20261201204900+00'00'`, in UTC.
fn pdf_date(at: jiff::Timestamp) -> String {
    format!("D:{}+00'00'", at.strftime("%Y%m%d%H%M%S"))
}

/// What printpdf writes wrongly: `/PageMode` as a string (viewers ignore it,
/// so the bookmarks never open), 1970 dates, and empty Producer, Keywords,
/// Identifier and `GTS_PDFXVersion` entries (the last makes viewers call the
/// file PDF/X, which it is not).
fn tidy_catalog_and_info(
    pdf: &mut lopdf::Document,
    created: Option<jiff::Timestamp>,
) -> Result<(), lopdf::Error> {
    use lopdf::Object;
    let catalog = pdf.catalog_mut()?;
    let mode = if catalog.has(b"Outlines") {
        "UseOutlines"
    } else {
        "UseNone"
    };
    catalog.set("PageMode", Object::Name(mode.as_bytes().to_vec()));
    let info_id = pdf.trailer.get(b"Info").and_then(Object::as_reference)?;
    let info = pdf.get_dictionary_mut(info_id)?;
    info.remove(b"GTS_PDFXVersion");
    let empty: Vec<Vec<u8>> = info
        .iter()
        .filter(|(_, v)| matches!(v, Object::String(bytes, _) if bytes.is_empty() || bytes == b"\xfe\xff"))
        .map(|(k, _)| k.clone())
        .collect();
    for key in empty {
        info.remove(&key);
    }
    info.set(
        "Producer",
        Object::string_literal(format!("servstd {} (printpdf)", env!("CARGO_PKG_VERSION"))),
    );
    match created {
        Some(at) => {
            info.set("CreationDate", Object::string_literal(pdf_date(at)));
            info.set("ModDate", Object::string_literal(pdf_date(at)));
        }
        None => {
            info.remove(b"CreationDate");
            info.remove(b"ModDate");
        }
    }
    Ok(())
}

/// Every page's content stream, written on every core: pages dealt out in
/// runs, one run per thread, in order. A document of no pages has one, blank.
fn page_streams(writer: &content::Writer<'_>, pages: &[Page]) -> Vec<(Vec<u8>, bool)> {
    if pages.is_empty() {
        return vec![(Vec::new(), false)];
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(pages.len());
    let run = pages.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = pages
            .chunks(run)
            .map(|chunk| {
                scope.spawn(move || {
                    let mut scratch = content::Scratch::new();
                    chunk
                        .iter()
                        .map(|page| writer.page(page, &mut scratch))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    })
}
/// What `lopdf::Document::compress` does, on every core: each stream is
/// deflated on its own at the same level, so the bytes are the same, and
/// deflate was a tenth of a long manual's time on one core.
fn compress(pdf: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = pdf
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream) if stream.allows_compression => Some(stream),
            _ => None,
        })
        .collect();
    // Largest first, dealt round the threads, so none is left with the font alone.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(streams.len().max(1));
    let mut shares: Vec<Vec<&mut lopdf::Stream>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, stream) in streams.into_iter().enumerate() {
        shares[i % threads].push(stream);
    }
    std::thread::scope(|scope| {
        for share in shares {
            scope.spawn(move || {
                for stream in share {
                    // As lopdf does: a stream that cannot be compressed stays as it is.
                    let _ = stream.compress();
                }
            });
        }
    });
}
