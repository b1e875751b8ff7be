//! The one PDF emitter: laid-out pages (`export::layout`) in, PDF bytes out.
//! The only code that knows printpdf and lopdf: the bundled CJK font embedded
//! as a subset, the document language, bookmarks, metadata and reproducible
//! dates (`SOURCE_DATE_EPOCH`, through `Options::created`), and the form
//! fields of a fillable checklist (`form`, read back by `form_read`).

mod content;
mod embed;
mod font;
mod form;
pub mod form_read;
pub mod image;

use std::sync::atomic::{AtomicUsize, Ordering};

use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt};

pub use font::{Face, Fonts, fonts};

use super::ExportError;
use crate::core::threads;
use crate::export::layout::{Document, Page, Weight};

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
/// printpdf makes the document around the pages: the images, bookmarks and
/// metadata. The fonts are embedded here (`embed`: each face subset to the
/// glyphs used, on a core of its own), and the pages' drawing is written
/// here, straight to deflated content streams, on every core.
///
/// # Errors
/// When the bundled font cannot be read (a broken build) or the PDF cannot be written.
pub fn pdf(document: &Document, options: &Options<'_>) -> Result<Vec<u8>, ExportError> {
    // The faces the layout measured with: the document's language picks them.
    let fonts = fonts(document.lang)?;
    // The codes are the glyphs' CIDs, known from the faces: the page streams
    // need not wait for the glyphs used to be found, nor for the subsets.
    let regular_cid = embed::cid_table(&fonts.regular).ok_or(ExportError::Font)?;
    let bold_cid = embed::cid_table(&fonts.bold).ok_or(ExportError::Font)?;
    let regular = content::Face {
        codes: content::Codes::new(&fonts.regular, &regular_cid),
        name: REGULAR.to_owned(),
    };
    let bold = content::Face {
        codes: content::Codes::new(&fonts.bold, &bold_cid),
        name: BOLD.to_owned(),
    };
    // A face's subset: the glyphs its text uses, found on its own core.
    let subset = |face: &'static font::Face, weight: Weight| {
        let mut used = content::Used::new(face);
        content::collect(&document.pages, weight, &mut used);
        let glyphs = used.glyphs();
        if glyphs.is_empty() {
            return Ok(None);
        }
        embed::subset(face, &glyphs)
            .map(Some)
            .ok_or(ExportError::Font)
    };
    let (_, height) = document.paper.size_pt();
    // Each face subset on a core of its own while printpdf makes the rest
    // and the page streams are written.
    let ([regular_subset, bold_subset], (mut pdf, streams)) = std::thread::scope(|scope| {
        let handles = [
            (&fonts.regular, Weight::Regular),
            (&fonts.bold, Weight::Bold),
        ]
        .map(|(face, weight)| threads::spawn(scope, move || subset(face, weight)));
        let (pdf, images) = around(document, options);
        let writer = content::Writer {
            height,
            regular: &regular,
            bold: &bold,
            images: &images,
        };
        let streams = page_streams(&writer, &document.pages);
        let subsets = handles.map(threads::Task::wait);
        (subsets, (pdf, streams))
    });
    let (regular_subset, bold_subset) = (regular_subset?, bold_subset?);
    let page_ids: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    let mut font_resources = lopdf::Dictionary::new();
    for (name, subset) in [(REGULAR, regular_subset), (BOLD, bold_subset)] {
        if let Some(subset) = subset {
            font_resources.set(name, subset.add_to(&mut pdf));
        }
    }
    let font_resources = pdf.add_object(font_resources);
    for page_id in &page_ids {
        page_resources(&mut pdf, *page_id)
            .map_err(AssemblyError)?
            .set("Font", font_resources);
    }
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
    // printpdf writes no /Lang; set on its lopdf document before saving,
    // rather than saving, parsing the bytes back and saving again.
    pdf.catalog_mut()
        .map_err(AssemblyError)?
        .set("Lang", lopdf::Object::string_literal(document.lang.tag()));
    tidy_catalog_and_info(&mut pdf, options.created).map_err(AssemblyError)?;
    form::add(&mut pdf, document).map_err(AssemblyError)?;
    if PdfSaveOptions::default().optimize {
        compress(&mut pdf);
    }
    let mut out = Vec::new();
    pdf.save_to(&mut out)?;
    Ok(out)
}

/// The document printpdf makes around the pages: blank pages of the paper's
/// size, the images (their resource names, in order), bookmarks and metadata.
fn around(document: &Document, options: &Options<'_>) -> (lopdf::Document, Vec<String>) {
    let mut doc = PdfDocument::new(&document.title);
    let images: Vec<String> = options
        .images
        .iter()
        .map(|image| doc.add_xobject(&image.xobject).0)
        .collect();
    let (width, height) = document.paper.size_pt();
    let pages: Vec<PdfPage> = (0..document.pages.len().max(1))
        .map(|_| PdfPage::new(Pt(width).into(), Pt(height).into(), Vec::new()))
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
    let pdf = doc
        .with_pages(pages)
        .to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    (pdf, images)
}

/// The resource names of the two faces in every page's font resources.
const REGULAR: &str = "F1";
const BOLD: &str = "F2";

/// The resource dictionary of the page `id`, its own or the one it refers to.
fn page_resources(
    pdf: &mut lopdf::Document,
    id: lopdf::ObjectId,
) -> Result<&mut lopdf::Dictionary, lopdf::Error> {
    let page = pdf.get_dictionary(id)?;
    match page.get(b"Resources") {
        Ok(lopdf::Object::Reference(resources)) => {
            let resources = *resources;
            pdf.get_dictionary_mut(resources)
        }
        Ok(lopdf::Object::Dictionary(_)) => pdf
            .get_dictionary_mut(id)?
            .get_mut(b"Resources")?
            .as_dict_mut(),
        _ => {
            let page = pdf.get_dictionary_mut(id)?;
            page.set("Resources", lopdf::Dictionary::new());
            page.get_mut(b"Resources")?.as_dict_mut()
        }
    }
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

/// Every page's content stream, written on every core: each thread takes
/// the next page not yet taken, so a helper that starts late (or a page
/// that takes long) leaves the others more to do, not a wait. A document of
/// no pages has one stream, blank.
fn page_streams(writer: &content::Writer<'_>, pages: &[Page]) -> Vec<(Vec<u8>, bool)> {
    if pages.is_empty() {
        return vec![(Vec::new(), false)];
    }
    let threads = threads::available().min(pages.len());
    let next = AtomicUsize::new(0);
    let write = || {
        let mut scratch = content::Scratch::new();
        let mut written = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(page) = pages.get(at) else {
                return written;
            };
            written.push((at, writer.page(page, &mut scratch)));
        }
    };
    let mut streams = vec![(Vec::new(), false); pages.len()];
    std::thread::scope(|scope| {
        // This thread is one of the writers: one thread fewer to start.
        let helpers: Vec<_> = (1..threads).map(|_| threads::spawn(scope, write)).collect();
        let mine = write();
        for (at, stream) in helpers
            .into_iter()
            .flat_map(threads::Task::wait)
            .chain(mine)
        {
            streams[at] = stream;
        }
    });
    streams
}
/// The bytes to deflate below which one core does it alone.
const PARALLEL_FROM: usize = 64 * 1024;

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
    // What is left once the pages and fonts are deflated (metadata, an
    // image) is often too little to be worth a thread.
    if streams.iter().map(|s| s.content.len()).sum::<usize>() < PARALLEL_FROM {
        for stream in streams {
            let _ = stream.compress();
        }
        return;
    }
    let threads = threads::available().min(streams.len().max(1));
    let mut shares: Vec<Vec<&mut lopdf::Stream>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, stream) in streams.into_iter().enumerate() {
        shares[i % threads].push(stream);
    }
    let deflate = |share: Vec<&mut lopdf::Stream>| {
        for stream in share {
            // As lopdf does: a stream that cannot be compressed stays as it is.
            let _ = stream.compress();
        }
    };
    std::thread::scope(|scope| {
        // This thread deflates the first share itself.
        let mut shares = shares.into_iter();
        let mine = shares.next().unwrap_or_default();
        let helpers: Vec<_> = shares
            .map(|share| threads::spawn(scope, move || deflate(share)))
            .collect();
        deflate(mine);
        helpers.into_iter().for_each(threads::Task::wait);
    });
}
