//! The one PDF emitter: laid-out pages (`export::layout`) in, PDF bytes out.
//! The only code that knows printpdf and lopdf: the bundled CJK font embedded
//! as a subset, the document language, bookmarks, metadata and reproducible
//! dates (`SOURCE_DATE_EPOCH`, through `Options::created`), and the form
//! fields of a fillable checklist (`form`, read back by `form_read`).

mod font;
mod form;
pub mod form_read;
pub mod image;

use printpdf::{
    Codepoint, Color, FontId, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, XObjectId,
};

pub use font::{Fonts, fonts};

use super::ExportError;
use crate::export::layout::text::Metrics;
use crate::export::layout::{Colour, Document, Item, Page, Paint, Weight};

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
/// # Errors
/// When the bundled font cannot be read (a broken build) or the PDF cannot be written.
pub fn pdf(document: &Document, options: &Options<'_>) -> Result<Vec<u8>, ExportError> {
    // The faces the layout measured with: the document's language picks them.
    let fonts = fonts(document.lang)?;
    let mut doc = PdfDocument::new(&document.title);
    let regular = Face::new(&fonts.regular, doc.add_font(&fonts.regular));
    let bold = Face::new(&fonts.bold, doc.add_font(&fonts.bold));
    let images: Vec<XObjectId> = options
        .images
        .iter()
        .map(|image| doc.add_xobject(&image.xobject))
        .collect();
    let (width, height) = document.paper.size_pt();
    let mut emitter = Emitter {
        height,
        regular,
        bold,
        images,
    };
    let pages = document
        .pages
        .iter()
        .map(|page| PdfPage::new(Pt(width).into(), Pt(height).into(), emitter.ops(page)))
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

/// A face of the font as the PDF names it, with glyph IDs kept per
/// character: the font's character map is slow to search, and a page
/// repeats its characters.
struct Face<'f> {
    glyphs: Metrics<'f>,
    id: FontId,
}

impl<'f> Face<'f> {
    fn new(font: &'f ParsedFont, id: FontId) -> Self {
        Self {
            glyphs: Metrics::new(font),
            id,
        }
    }

    fn glyph(&self, c: char) -> u16 {
        self.glyphs.glyph(c).0
    }
}

/// Turns items into printpdf operations, positions flipped to the PDF's
/// bottom-left origin.
struct Emitter<'f> {
    height: f32,
    regular: Face<'f>,
    bold: Face<'f>,
    images: Vec<XObjectId>,
}

fn rgb((r, g, b): Colour) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

impl Emitter<'_> {
    fn ops(&mut self, page: &Page) -> Vec<Op> {
        let mut ops = Vec::new();
        for item in &page.items {
            self.item(item, &mut ops);
        }
        ops
    }

    fn item(&mut self, item: &Item, ops: &mut Vec<Op>) {
        let h = self.height;
        match item {
            Item::Text {
                x,
                top,
                size,
                weight,
                colour,
                text,
            } => {
                let face = match weight {
                    Weight::Regular => &self.regular,
                    Weight::Bold => &self.bold,
                };
                let baseline = h - top - size * 0.88;
                // Glyph IDs from our cached character map, each with its
                // character for the ToUnicode map: printpdf would otherwise
                // search the font's cmap for every character twice, which was
                // most of the time of a long PDF.
                let glyphs: Vec<Codepoint> = text
                    .chars()
                    .map(|c| Codepoint {
                        gid: face.glyph(c),
                        offset: 0.0,
                        cid: Some(c.to_string()),
                    })
                    .collect();
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor { col: rgb(*colour) });
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(face.id.clone()),
                    size: Pt(*size),
                });
                ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(*x),
                        y: Pt(baseline),
                    },
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(glyphs)],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Line {
                from,
                to,
                thickness,
                colour,
            } => {
                let point = |(x, y): (f32, f32)| LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: Pt(h - y),
                    },
                    bezier: false,
                };
                ops.push(Op::SetOutlineColor { col: rgb(*colour) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*thickness) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*from), point(*to)],
                        is_closed: false,
                    },
                });
            }
            Item::Rect {
                x,
                top,
                width,
                height,
                paint,
                colour,
            } => {
                let mode = match paint {
                    Paint::Fill => {
                        ops.push(Op::SetFillColor { col: rgb(*colour) });
                        PaintMode::Fill
                    }
                    Paint::Stroke => {
                        ops.push(Op::SetOutlineColor { col: rgb(*colour) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(0.8) });
                        PaintMode::Stroke
                    }
                };
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(h - top - height),
                        width: Pt(*width),
                        height: Pt(*height),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
            }
            Item::Image {
                image,
                x,
                top,
                width,
                height,
            } => {
                let Some(id) = self.images.get(image.0) else {
                    return;
                };
                ops.push(Op::UseXobject {
                    id: id.clone(),
                    transform: printpdf::XObjectTransform {
                        translate_x: Some(Pt(*x)),
                        translate_y: Some(Pt(h - top - height)),
                        scale_x: Some(*width),
                        scale_y: Some(*height),
                        no_auto_scale: true,
                        ..printpdf::XObjectTransform::default()
                    },
                });
            }
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
