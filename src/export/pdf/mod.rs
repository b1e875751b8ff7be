//! The PDF stage: checklists for auditors, training cards for trainers and the
//! full manual, in the bundled CJK font, embedded as a subset.

mod cards;
mod checklist;
pub mod image;
mod manual;
pub mod page;
mod role_cards;
mod signoff;
pub mod text;

use printpdf::{ParsedFont, PdfDocument, PdfPage, PdfSaveOptions, Pt};

use self::cards::cards;
use self::checklist::checklist;
use self::manual::manual;
use self::page::{Fonts, Paper, Writer};
use self::role_cards::role_cards;
use self::signoff::signoff;
use super::{ExportError, Layout, Options};
use crate::core::i18n::labels;
use crate::core::model::{Language, Standard, StandardsSet};
use crate::export::fonts::{CJK_BOLD, CJK_REGULAR};

fn parse_font(bytes: &[u8]) -> Result<ParsedFont, ExportError> {
    ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(ExportError::Font)
}

/// What a PDF says about itself: metadata, the running header, paper and language.
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Printed at the top of every page after the first `skip_header` of them.
    pub header: String,
    pub paper: Paper,
    pub lang: Language,
    /// The creation and modification date; none writes no date at all
    /// rather than printpdf's 1970.
    pub created: Option<jiff::Timestamp>,
    /// Stamped at the top of every page: a draft says so.
    pub stamp: Option<String>,
    /// The set's logo, ready to embed.
    pub logo: Option<image::Embedded>,
    /// Other images (a report's photos), by the name the body draws them with.
    pub images: Vec<(String, image::Embedded)>,
}

/// Lays out a PDF: `body` draws the pages with the writer, collects bookmarks
/// (title, page) and returns how many leading pages go without the running
/// header. Adds "page X of Y", the metadata and the document language.
///
/// # Errors
/// When the bundled font cannot be read (a broken build) or the PDF cannot be written.
pub fn render(
    meta: &Meta,
    body: impl FnOnce(&mut Writer<'_>, &mut Vec<(String, usize)>) -> usize,
) -> Result<Vec<u8>, ExportError> {
    let l = labels(meta.lang);
    let mut doc = PdfDocument::new(&meta.title);
    let regular = parse_font(CJK_REGULAR)?;
    let bold = parse_font(CJK_BOLD)?;
    let fonts = Fonts {
        regular_id: doc.add_font(&regular),
        bold_id: doc.add_font(&bold),
        regular,
        bold,
    };
    let mut w = Writer::new(&fonts, meta.paper, meta.header.clone());
    w.stamp.clone_from(&meta.stamp);
    if let Some(logo) = &meta.logo {
        w.logo = Some((doc.add_xobject(&logo.xobject), logo.width, logo.height));
    }
    for (name, image) in &meta.images {
        let id = doc.add_xobject(&image.xobject);
        w.images
            .insert(name.clone(), (id, image.width, image.height));
    }
    let mut bookmarks = Vec::new();
    let skip_header = body(&mut w, &mut bookmarks);
    if w.pages.is_empty() {
        w.new_page();
    }
    w.finish(|x, y| l.page_x_of_y(x, y), skip_header);

    let (width, height) = meta.paper.size_pt();
    let pages = std::mem::take(&mut w.pages)
        .into_iter()
        .map(|ops| PdfPage::new(Pt(width).into(), Pt(height).into(), ops))
        .collect();
    meta.title.clone_into(&mut doc.metadata.info.document_title);
    meta.author.clone_into(&mut doc.metadata.info.author);
    doc.metadata.info.creator = format!("servstd {}", env!("CARGO_PKG_VERSION"));
    meta.subject.clone_into(&mut doc.metadata.info.subject);
    for (name, page) in bookmarks {
        doc.add_bookmark(&name, page);
    }
    let mut warnings = Vec::new();
    let options = PdfSaveOptions::default();
    // printpdf writes no /Lang; set it on its lopdf document before saving,
    // rather than saving, parsing the bytes back and saving again.
    let mut pdf = doc
        .with_pages(pages)
        .to_lopdf_document(&options, &mut warnings);
    pdf.catalog_mut()?
        .set("Lang", lopdf::Object::string_literal(meta.lang.tag()));
    tidy_catalog_and_info(&mut pdf, meta.created)?;
    if options.optimize {
        pdf.compress();
    }
    let mut out = Vec::new();
    pdf.save_to(&mut out)?;
    Ok(out)
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

/// Makes the PDF of `set` in `layout`, labels in `lang`.
///
/// # Errors
/// When the bundled font cannot be read (a broken build).
/// A `draft` says so on every page.
pub fn pdf(
    set: &StandardsSet,
    options: &Options,
    lang: Language,
    draft: bool,
) -> Result<Vec<u8>, ExportError> {
    let layout = options.layout;
    let l = labels(lang);
    let kind_label = match layout {
        Layout::Checklist => l.checklist,
        Layout::Cards => l.cards,
        Layout::Manual => l.manual,
        Layout::RoleCards => l.role_cards,
        Layout::Signoff => l.signoff,
    };
    // What staff must be retrained on since an older revision.
    let (added, changed) = options
        .since
        .as_ref()
        .map(|old| crate::core::diff::retrain(old, set))
        .unwrap_or_default();
    let since = (added.as_slice(), changed.as_slice());
    let stamp = draft.then(|| format!("{} · {} {}", l.draft, l.revision, set.revision));
    let header = if set.revision.is_empty() {
        format!("{} · {kind_label}", set.title)
    } else {
        format!(
            "{} · {kind_label} · {} {}",
            set.title, l.revision, set.revision
        )
    };
    let meta = Meta {
        title: format!("{} · {kind_label}", set.title),
        author: if set.organisation.is_empty() {
            set.owner.clone()
        } else {
            set.organisation.clone()
        },
        subject: kind_label.to_owned(),
        header,
        paper: options.paper,
        lang,
        created: options.created,
        stamp: stamp.clone(),
        logo: options.logo.as_deref().map(image::embed).transpose()?,
        images: Vec::new(),
    };
    render(&meta, |w, bookmarks| match layout {
        Layout::Checklist => {
            checklist(w, set, l, lang, bookmarks);
            0
        }
        Layout::Cards => {
            cards(w, set, l, lang, bookmarks);
            0
        }
        Layout::Manual => {
            let since = options.since.as_ref().map(|old| (old, since));
            manual(w, set, l, lang, since, bookmarks);
            1
        }
        Layout::RoleCards => {
            // Cards fill the sheet: no running header or footer; each card
            // carries its own draft stamp.
            w.bare = true;
            role_cards(
                w,
                set,
                l,
                lang,
                &options.roles,
                since,
                stamp.as_deref(),
                bookmarks,
            );
            0
        }
        Layout::Signoff => {
            signoff(w, set, l, lang, &options.roles, since, bookmarks);
            0
        }
    })
}

/// `label:` as each script writes it: "Site:" in English, "场地：" in Chinese.
pub(super) fn labelled(lang: Language, label: &str) -> String {
    match lang {
        Language::En => format!("{label}:"),
        Language::ZhCn | Language::ZhTw => format!("{label}："),
    }
}

/// The colon between a label and its value: ": " in English, "：" in Chinese.
pub(super) fn colon(lang: Language) -> &'static str {
    if lang == Language::En { ": " } else { "：" }
}

/// Two labels as one: "Inspector signature" in English, "检查员签名" in Chinese.
pub(super) fn compound(lang: Language, first: &str, second: &str) -> String {
    match lang {
        Language::En => format!("{first} {}", second.to_lowercase()),
        Language::ZhCn | Language::ZhTw => format!("{first}{second}"),
    }
}

/// A tag in brackets: "[Procedure]" in English, "［程序］" in Chinese.
pub(super) fn tag(lang: Language, text: &str) -> String {
    match lang {
        Language::En => format!("[{text}] "),
        Language::ZhCn | Language::ZhTw => format!("［{text}］"),
    }
}

/// A heading carried onto the next page.
pub(super) fn continued(lang: Language, heading: &str) -> String {
    format!(
        "{heading}{}",
        crate::core::i18n::aside(lang, labels(lang).continued)
    )
}

pub(super) fn monitoring_text(s: &Standard, lang: Language) -> String {
    let sep = crate::core::i18n::report_words(lang).list_separator;
    s.monitoring
        .iter()
        .map(|m| m.label(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

pub(super) fn target_text(s: &Standard) -> Option<String> {
    s.target
        .as_ref()
        .map(|t| format!("{} {}", super::csv::format_number(t.value), t.unit))
}
