//! The bundled fonts parsed for the PDF, once per process: the emitter embeds
//! them as subsets, and layout measures text with the same parse through
//! [`Glyphs`].

use std::sync::{Arc, OnceLock};

use printpdf::{AzulParsedFont, ParsedFont};
use rust_fontconfig::FontBytes;

use crate::core::model::Language;
use crate::export::ExportError;
use crate::export::fonts::{CJK_BOLD, CJK_REGULAR, CJK_TC_BOLD, CJK_TC_REGULAR};
use crate::export::layout::{Faces, Glyphs};

/// The regular and bold faces of the bundled CJK font.
pub struct Fonts {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
}

impl Fonts {
    /// The faces as layout measures them.
    #[must_use]
    pub fn faces(&self) -> Faces<'_> {
        Faces {
            regular: &self.regular,
            bold: &self.bold,
        }
    }
}

impl Glyphs for ParsedFont {
    fn units_per_em(&self) -> u16 {
        self.pdf_font_metrics.units_per_em
    }

    fn glyph_index(&self, c: char) -> Option<u16> {
        self.lookup_glyph_index(u32::from(c))
    }

    fn advance(&self, glyph: u16) -> u16 {
        self.get_horizontal_advance(glyph)
    }
}

/// One face, its bytes copied once into the buffer the parse keeps for the
/// subset: printpdf's `from_bytes` copies the 4.6 MB twice (a `Vec`, then an
/// `Arc` of it), which was a third of a short manual's time.
fn parse(bytes: &[u8]) -> Option<ParsedFont> {
    let shared = Arc::new(FontBytes::Owned(Arc::from(bytes)));
    let face = AzulParsedFont::from_bytes_shared(shared, 0, &mut Vec::new())?;
    Some(ParsedFont::from_azul(face))
}

/// Both faces, each parsed on a core of its own.
fn parse_both(regular: &'static [u8], bold: &'static [u8]) -> Option<Fonts> {
    let bold = std::thread::spawn(move || parse(bold));
    let regular = parse(regular);
    Some(Fonts {
        regular: regular?,
        bold: bold.join().ok()??,
    })
}

/// The bundled fonts for a document in `lang`, parsed on first use: a window
/// that counts pages on every change, or a command that writes several PDFs,
/// parses them once. Traditional Chinese gets the TC faces (Taiwan's glyph
/// forms and centred punctuation), every other language the SC faces.
///
/// # Errors
/// When the bundled font does not parse (a broken build).
pub fn fonts(lang: Language) -> Result<&'static Fonts, ExportError> {
    static SC: OnceLock<Option<Fonts>> = OnceLock::new();
    static TC: OnceLock<Option<Fonts>> = OnceLock::new();
    let (cell, regular, bold) = match lang {
        Language::ZhTw => (&TC, CJK_TC_REGULAR, CJK_TC_BOLD),
        Language::ZhCn | Language::En => (&SC, CJK_REGULAR, CJK_BOLD),
    };
    cell.get_or_init(|| parse_both(regular, bold))
        .as_ref()
        .ok_or(ExportError::Font)
}
