//! The bundled fonts read for the PDF, once per process, straight from the
//! bytes compiled into the program: nothing is copied, and only the tables
//! layout and embedding need are read (character map, advances, the metrics
//! a font descriptor states). Layout measures text through [`Glyphs`]; the
//! emitter subsets the CFF outlines ([`super::embed`]).

use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::cff::CFF;
use allsorts::tables::cmap::{Cmap, CmapSubtable, EncodingId, PlatformId};
use allsorts::tables::os2::Os2;
use allsorts::tables::{
    HeadTable, HheaTable, HmtxTable, MaxpTable, NameTable, OffsetTable, OpenTypeData, OpenTypeFont,
};
use allsorts::tag;

use crate::core::model::Language;
use crate::export::ExportError;
use crate::export::fonts::{CJK_BOLD, CJK_REGULAR, CJK_TC_BOLD, CJK_TC_REGULAR};
use crate::export::layout::{Faces, Glyphs};

/// The regular and bold faces of the bundled CJK font.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
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

/// What a PDF font descriptor says of a face, in its own units.
pub(super) struct Descriptor {
    pub(super) ascent: i16,
    pub(super) descent: i16,
    /// OS/2's capital height when it has one, else the ascent.
    pub(super) cap_height: i16,
    /// `head`'s bounding box: x min, y min, x max, y max.
    pub(super) bbox: [i16; 4],
    /// hhea's caret slope, rise and run: upright when the run is 0.
    pub(super) caret: (i16, i16),
    /// OS/2's weight class (400 regular, 700 bold); 0 when absent.
    pub(super) weight: u16,
}

/// One face of the bundled font, its tables borrowed from the program's own bytes.
pub struct Face {
    units_per_em: u16,
    /// The character map: a format 12 subtable's groups, searched by halves
    /// (allsorts searches them one by one), or another format through allsorts.
    cmap: CharMap,
    hmtx: HmtxTable<'static>,
    /// The `CFF ` table, parsed when first subset.
    cff_data: &'static [u8],
    cff: OnceLock<Option<CFF<'static>>>,
    pub(super) descriptor: Descriptor,
    /// The PostScript name (`name` 6), what the PDF calls the font.
    pub(super) postscript_name: String,
}

enum CharMap {
    /// The groups of a format 12 subtable, 12 bytes each: first and last
    /// character, first glyph.
    Groups(&'static [u8]),
    Other(CmapSubtable<'static>),
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

impl CharMap {
    fn glyph(&self, c: u32) -> Option<u16> {
        match self {
            Self::Groups(groups) => {
                let count = groups.len() / 12;
                let (mut lo, mut hi) = (0, count);
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    let at = mid * 12;
                    let (first, last) = (be32(groups, at)?, be32(groups, at + 4)?);
                    if c < first {
                        hi = mid;
                    } else if c > last {
                        lo = mid + 1;
                    } else {
                        let glyph = be32(groups, at + 8)? + (c - first);
                        return u16::try_from(glyph).ok();
                    }
                }
                None
            }
            Self::Other(subtable) => subtable.map_glyph(c).ok().flatten(),
        }
    }

    /// The Unicode subtable: full repertoire (3, 10) before the BMP one (3, 1).
    fn read(data: &'static [u8]) -> Option<Self> {
        let cmap = ReadScope::new(data).read::<Cmap<'static>>().ok()?;
        let record = cmap
            .find_subtable(PlatformId::WINDOWS, EncodingId::WINDOWS_UNICODE_UCS4)
            .or_else(|| {
                cmap.find_subtable(PlatformId::WINDOWS, EncodingId::WINDOWS_UNICODE_BMP_UCS2)
            })
            .or_else(|| cmap.find_subtable_for_platform(PlatformId::UNICODE))?;
        let subtable = data.get(usize::try_from(record.offset).ok()?..)?;
        if subtable.get(..2) == Some(&[0, 12]) {
            // format, reserved, length, language, number of groups, then the groups.
            let count = usize::try_from(be32(subtable, 12)?).ok()?;
            return Some(Self::Groups(subtable.get(16..16 + count.checked_mul(12)?)?));
        }
        Some(Self::Other(
            ReadScope::new(subtable)
                .read::<CmapSubtable<'static>>()
                .ok()?,
        ))
    }
}

impl Face {
    /// Reads the face in `bytes` (an OpenType font with CFF outlines).
    fn read(bytes: &'static [u8]) -> Option<Self> {
        let scope = ReadScope::new(bytes);
        let font = scope.read::<OpenTypeFont<'static>>().ok()?;
        let OpenTypeData::Single(tables) = &font.data else {
            return None;
        };
        let table = |t: u32| -> Option<&'static [u8]> {
            OffsetTable::read_table(tables, &scope, t)
                .ok()
                .flatten()
                .map(|s| s.data())
        };
        let head = ReadScope::new(table(tag::HEAD)?).read::<HeadTable>().ok()?;
        let hhea = ReadScope::new(table(tag::HHEA)?).read::<HheaTable>().ok()?;
        let maxp = ReadScope::new(table(tag::MAXP)?).read::<MaxpTable>().ok()?;
        let hmtx = ReadScope::new(table(tag::HMTX)?)
            .read_dep::<HmtxTable<'static>>((
                usize::from(maxp.num_glyphs),
                usize::from(hhea.num_h_metrics),
            ))
            .ok()?;
        let os2 =
            table(tag::OS_2).and_then(|data| ReadScope::new(data).read_dep::<Os2>(data.len()).ok());
        let cap_height = os2
            .as_ref()
            .and_then(|os2| os2.version2to4.as_ref())
            .map_or(hhea.ascender, |v| v.s_cap_height);
        let postscript_name = ReadScope::new(table(tag::NAME)?)
            .read::<NameTable<'_>>()
            .ok()?
            .string_for_id(NameTable::POSTSCRIPT_NAME)?;
        Some(Self {
            postscript_name,
            units_per_em: head.units_per_em,
            cmap: CharMap::read(table(tag::CMAP)?)?,
            hmtx,
            cff_data: table(tag::CFF)?,
            cff: OnceLock::new(),
            descriptor: Descriptor {
                ascent: hhea.ascender,
                descent: hhea.descender,
                cap_height,
                bbox: [head.x_min, head.y_min, head.x_max, head.y_max],
                caret: (hhea.caret_slope_rise, hhea.caret_slope_run),
                weight: os2.map_or(0, |os2| os2.us_weight_class),
            },
        })
    }

    pub(super) fn units_per_em(&self) -> u16 {
        self.units_per_em
    }

    /// The face's outlines, parsed on first use.
    pub(super) fn cff(&self) -> Option<&CFF<'static>> {
        self.cff
            .get_or_init(|| ReadScope::new(self.cff_data).read::<CFF<'static>>().ok())
            .as_ref()
    }
}

impl Glyphs for Face {
    fn units_per_em(&self) -> u16 {
        self.units_per_em
    }

    fn glyph_index(&self, c: char) -> Option<u16> {
        self.cmap.glyph(u32::from(c)).filter(|g| *g != 0)
    }

    fn advance(&self, glyph: u16) -> u16 {
        self.hmtx.horizontal_advance(glyph).unwrap_or(0)
    }
}

/// Both faces.
fn read_both(regular: &'static [u8], bold: &'static [u8]) -> Option<Fonts> {
    Some(Fonts {
        regular: Face::read(regular)?,
        bold: Face::read(bold)?,
    })
}

/// The bundled fonts for a document in `lang`, read on first use: a window
/// that counts pages on every change, or a command that writes several PDFs,
/// reads them once. Traditional Chinese gets the TC faces (Taiwan's glyph
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
    cell.get_or_init(|| read_both(regular, bold))
        .as_ref()
        .ok_or(ExportError::Font)
}
