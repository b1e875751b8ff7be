//! Exports of a standards set: PDF checklists, training cards and the manual,
//! and spreadsheets (CSV, XLSX). Every export is a pure function from the set
//! and options to bytes; the caller writes the file.

pub mod csv;
pub mod fonts;
pub mod layout;
pub mod parquet;
pub mod pdf;
pub mod report;
pub mod survey;
pub mod verdicts;
pub mod xlsx;

use crate::core::model::{Language, StandardsSet};

pub use layout::Paper;

/// What kind of file to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Csv,
    Xlsx,
}

impl Format {
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
}

/// Which PDF layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// For auditors: a table of tick boxes per contact point.
    Checklist,
    /// For trainers: one card per contact point, "what good looks like".
    Cards,
    /// The whole set: cover, contents, every contact point, appendices.
    Manual,
    /// For staff: per owner role, its standards on pocket cards, four to a sheet.
    RoleCards,
    /// For trainers: per role, the revision's standards and rows to sign.
    Signoff,
}

/// Choices for an export.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub format: Format,
    pub layout: Layout,
    pub paper: Paper,
    /// Contact points to include, by ID; empty means all.
    pub contact_points: Vec<String>,
    /// Language of the printed labels; `None` uses the set's language.
    pub language: Option<Language>,
    /// The PDF's creation date (`core::dates::export_time`); none writes no date.
    pub created: Option<jiff::Timestamp>,
    /// Role cards and sign-off sheets of these owner roles only; empty means all.
    pub roles: Vec<String>,
    /// An older revision: the manual adds what changed since, role cards and
    /// sign-off sheets mark new and changed standards.
    pub since: Option<StandardsSet>,
    /// The logo's bytes (JPEG or PNG), read by the caller with
    /// `core::storage::logo::read`: exports do no file I/O.
    pub logo: Option<Vec<u8>>,
    /// The checklist as a PDF form to fill in on a tablet and read back with
    /// `servstd import` (see `pdf::form`); other layouts and formats ignore it.
    pub fillable: bool,
    /// The set's file name, written into a fillable form so that its import
    /// finds the set beside it; empty for a set never saved.
    pub set_file: String,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            format: Format::Pdf,
            layout: Layout::Checklist,
            paper: Paper::A4,
            contact_points: Vec::new(),
            language: None,
            created: None,
            roles: Vec::new(),
            since: None,
            logo: None,
            fillable: false,
            set_file: String::new(),
        }
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no contact point has the ID “{0}”; the set has: {1}")]
    UnknownContactPoint(String, String),
    #[error("no standard has the owner role “{0}”; the set's roles are: {1}")]
    UnknownRole(String, String),
    #[error("the set has no contact points to export")]
    Empty,
    #[error("cannot write the spreadsheet")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot assemble the PDF")]
    PdfObject(#[from] pdf::AssemblyError),
    #[error("cannot write the PDF")]
    PdfWrite(#[from] std::io::Error),
    #[error("the logo cannot be printed: {0}")]
    Logo(#[from] pdf::image::ImageError),
    #[error("the bundled font does not parse")]
    Font,
    #[error("there is no inspection to report")]
    NoInspection,
    /// A text past its documented length: exporting it would take memory
    /// out of all proportion to the set.
    #[error(
        "the {field} of {item} is {chars} characters long, over the {max} allowed: shorten it (`servstd validate` lists every such text)"
    )]
    TooLong {
        item: String,
        field: &'static str,
        chars: usize,
        max: usize,
    },
}

/// The set narrowed to the chosen contact points, in their journey order.
///
/// # Errors
/// An unknown contact point ID, or nothing left to export.
pub fn select(set: &StandardsSet, ids: &[String]) -> Result<StandardsSet, ExportError> {
    for id in ids {
        if !set.contact_points.iter().any(|cp| &cp.id == id) {
            let known: Vec<_> = set.contact_points.iter().map(|cp| cp.id.as_str()).collect();
            return Err(ExportError::UnknownContactPoint(
                id.clone(),
                known.join(", "),
            ));
        }
    }
    let mut out = set.clone();
    if !ids.is_empty() {
        out.contact_points.retain(|cp| ids.contains(&cp.id));
    }
    if out.contact_points.is_empty() {
        return Err(ExportError::Empty);
    }
    Ok(out)
}

/// The set as an export sees it: narrowed to the chosen contact points,
/// checked for overlong texts and unknown roles; with the label language and
/// whether it is a draft.
fn prepare(
    set: &StandardsSet,
    options: &Options,
) -> Result<(StandardsSet, Language, bool), ExportError> {
    // Asked of the whole set: a selection of it has another fingerprint.
    let draft = !set.is_approved();
    let set = select(set, &options.contact_points)?;
    if let Some(long) = crate::core::model::limits::overlong(&set).first() {
        return Err(ExportError::TooLong {
            item: long
                .at
                .and_then(|at| set.id_at(at))
                .map_or_else(|| "the set".to_owned(), str::to_owned),
            field: long.field.key(),
            chars: long.chars,
            max: long.field.max_chars(),
        });
    }
    let roles = set.roles();
    for role in &options.roles {
        if !roles.contains(&role.trim()) {
            return Err(ExportError::UnknownRole(role.clone(), roles.join(", ")));
        }
    }
    let lang = options.language.unwrap_or(set.language);
    Ok((set, lang, draft))
}

/// Makes the export's bytes.
///
/// # Errors
/// See [`ExportError`].
pub fn export(set: &StandardsSet, options: &Options) -> Result<Vec<u8>, ExportError> {
    let whole = set;
    let (set, lang, draft) = prepare(set, options)?;
    match options.format {
        Format::Pdf => {
            let fonts = pdf::fonts(lang)?;
            // The outlines the subsets need are parsed beside the layout,
            // which only measures (a twentieth of a short manual's time).
            let (mut document, logo) = std::thread::scope(|scope| {
                let outlines = crate::core::threads::spawn(scope, || fonts.parse_outlines());
                let laid_out = laid_out(&set, options, lang, draft);
                outlines.wait();
                laid_out
            })?;
            if options.fillable && options.layout == Layout::Checklist {
                document.hidden =
                    crate::core::inspection::form::hidden_fields(whole, &set, &options.set_file);
            }
            pdf::pdf(
                &document,
                &pdf::Options {
                    created: options.created,
                    images: logo.as_slice(),
                },
            )
        }
        Format::Csv => Ok(csv::csv(&set, lang)),
        Format::Xlsx => xlsx::xlsx(&set, lang),
    }
}

/// How many pages the PDF of `set` with `options` would have, from its
/// layout alone: no PDF is written.
///
/// # Errors
/// What [`export`] would refuse: see [`ExportError`].
pub fn page_count(set: &StandardsSet, options: &Options) -> Result<usize, ExportError> {
    let (set, lang, draft) = prepare(set, options)?;
    Ok(laid_out(&set, options, lang, draft)?.0.pages.len())
}

/// The laid-out pages of the PDF of `set` with `options`: where every mark
/// sits, for callers (and tests) that ask about positions rather than bytes.
///
/// # Errors
/// What [`export`] would refuse: see [`ExportError`].
pub fn document(
    set: &StandardsSet,
    options: &Options,
) -> Result<layout::items::Document, ExportError> {
    let (set, lang, draft) = prepare(set, options)?;
    Ok(laid_out(&set, options, lang, draft)?.0)
}

/// The set laid out as pages, with the logo embedded once (the emitter needs
/// its bytes, the layout only its size): what [`export`] emits and
/// [`page_count`] counts.
fn laid_out(
    set: &StandardsSet,
    options: &Options,
    lang: Language,
    draft: bool,
) -> Result<(layout::items::Document, Option<pdf::image::Embedded>), ExportError> {
    let logo = options.logo.as_deref().map(pdf::image::embed).transpose()?;
    let fonts = pdf::fonts(lang)?;
    let document = layout::set(
        set,
        options,
        lang,
        draft,
        fonts.faces(),
        logo.as_ref().map(pdf::image::Embedded::picture),
    );
    Ok((document, logo))
}

/// The bundled font's faces as layout measures them, for a document in
/// simplified Chinese or English; see [`faces_for`].
///
/// # Errors
/// When the bundled font does not parse (a broken build).
pub fn faces() -> Result<layout::Faces<'static>, ExportError> {
    faces_for(Language::ZhCn)
}

/// The faces a PDF in `lang` is laid out and printed with: traditional
/// Chinese has its own (`export::fonts::CJK_TC_REGULAR`).
///
/// # Errors
/// When the bundled font does not parse (a broken build).
pub fn faces_for(lang: Language) -> Result<layout::Faces<'static>, ExportError> {
    Ok(pdf::fonts(lang)?.faces())
}
