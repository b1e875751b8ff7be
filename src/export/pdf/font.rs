//! The bundled fonts read for the PDF, once per process, straight from the
//! bytes compiled into the program: nothing is copied, and only the tables
//! layout and embedding need are read (character map, advances, the metrics
//! a font descriptor states). Layout measures text through [`Glyphs`]; the
//! emitter subsets the CFF outlines ([`super::embed`]).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use allsorts::binary::read::{ReadArrayCow, ReadScope};
use allsorts::cff::{CFF, CFFVariant, Charset, CustomCharset, FDSelect};
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
    /// Parses both faces' outlines now (each face parses them once), so a
    /// thread can do it while the layout, which only measures, runs.
    pub fn parse_outlines(&self) {
        let _ = (self.regular.cff(), self.bold.cff());
    }

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
    /// The character map: a format 4 or 12 subtable searched by halves
    /// (allsorts searches its segments one by one), or another format through allsorts.
    cmap: CharMap,
    /// Each character of the Basic Multilingual Plane (every one the bundled
    /// font has) once looked up, shared by layout and emitter on every
    /// thread: bit 31 set, the advance in bits 16 to 30, the glyph below; 0
    /// when not looked up yet. In blocks of 256 characters made on first
    /// use: a document touches a few dozen, where one table of all 65,536
    /// was 256 KB per face to clear in every process.
    known: Box<[OnceLock<Box<[AtomicU32; 256]>>]>,
    hmtx: HmtxTable<'static>,
    /// The `CFF ` table, parsed when first subset.
    cff_data: &'static [u8],
    cff: OnceLock<Option<CFF<'static>>>,
    pub(super) descriptor: Descriptor,
    /// The PostScript name (`name` 6), what the PDF calls the font.
    pub(super) postscript_name: String,
}

enum CharMap {
    /// A format 4 subtable (the Basic Multilingual Plane in segments).
    Segments(&'static [u8]),
    /// The groups of a format 12 subtable, 12 bytes each: first and last
    /// character, first glyph.
    Groups(&'static [u8]),
    Other(CmapSubtable<'static>),
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_be_bytes([b[0], b[1]]))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

impl CharMap {
    fn glyph(&self, c: u32) -> Option<u16> {
        match self {
            Self::Segments(table) => {
                let c = u16::try_from(c).ok()?;
                // Four arrays of segments: last characters, then (after a
                // pad) first characters, deltas and range offsets.
                let segments = usize::from(be16(table, 6)? / 2);
                let ends = 14;
                let starts = ends + 2 * segments + 2;
                let deltas = starts + 2 * segments;
                let ranges = deltas + 2 * segments;
                // The first segment that ends at or after `c`.
                let (mut lo, mut hi) = (0, segments);
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if be16(table, ends + 2 * mid)? < c {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                let i = lo;
                let start = be16(table, starts + 2 * i)?;
                if i == segments || c < start {
                    return None;
                }
                let delta = be16(table, deltas + 2 * i)?;
                let range = be16(table, ranges + 2 * i)?;
                if range == 0 {
                    return Some(c.wrapping_add(delta));
                }
                // The offset counts from the range offset's own place.
                let at = ranges + 2 * i + usize::from(range) + 2 * usize::from(c - start);
                match be16(table, at)? {
                    0 => None,
                    glyph => Some(glyph.wrapping_add(delta)),
                }
            }
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
        if subtable.get(..2) == Some(&[0, 4]) {
            let length = usize::from(be16(subtable, 2)?);
            return Some(Self::Segments(subtable.get(..length)?));
        }
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
            known: std::iter::repeat_with(OnceLock::new).take(256).collect(),
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

    /// The face's outlines, parsed on first use, with their charset as a
    /// table ([`charset_as_table`]).
    pub(super) fn cff(&self) -> Option<&CFF<'static>> {
        self.cff
            .get_or_init(|| {
                let mut cff = ReadScope::new(self.cff_data).read::<CFF<'static>>().ok()?;
                for font in &mut cff.fonts {
                    charset_as_table(&mut font.charset);
                    if let CFFVariant::CID(cid) = &mut font.data {
                        fd_select_as_table(&mut cid.fd_select);
                    }
                }
                Some(cff)
            })
            .as_ref()
    }
}

/// A charset of ranges rewritten as a table of each glyph's ID (CID or
/// SID), read off in one walk: allsorts looks a glyph up in ranges by
/// walking them from the first, and the subsetter does it for every glyph
/// kept, a tenth of a subset's time on the bundled faces' ranges. The
/// subset writes its own charset, so the file is the same.
fn charset_as_table(charset: &mut Charset<'static>) {
    let ranges: Vec<(u16, usize)> = match &*charset {
        Charset::Custom(CustomCharset::Format1 { ranges }) => ranges
            .iter()
            .map(|r| (r.first, usize::from(r.n_left) + 1))
            .collect(),
        Charset::Custom(CustomCharset::Format2 { ranges }) => ranges
            .iter()
            .map(|r| (r.first, usize::from(r.n_left) + 1))
            .collect(),
        _ => return,
    };
    let mut ids = Vec::with_capacity(ranges.iter().map(|(_, n)| n).sum());
    for (first, n) in ranges {
        ids.extend((0..n).map_while(|i| u16::try_from(usize::from(first) + i).ok()));
    }
    *charset = Charset::Custom(CustomCharset::Format0 {
        glyphs: ReadArrayCow::Owned(ids),
    });
}

/// An `FDSelect` of ranges rewritten as a table of each glyph's font DICT,
/// as [`charset_as_table`] does for the charset: allsorts finds a glyph's
/// range by walking the ranges from the first, for every glyph a subset
/// keeps (the bundled faces have hundreds). The subset writes its own
/// `FDSelect` from the same answers, so the file is the same.
fn fd_select_as_table(fd_select: &mut FDSelect<'static>) {
    let FDSelect::Format3 { ranges, sentinel } = &*fd_select else {
        return;
    };
    let ranges: Vec<(u16, u8)> = ranges.iter().map(|r| (r.first, r.n_left)).collect();
    let mut table = vec![0u8; usize::from(*sentinel)];
    for (i, &(first, index)) in ranges.iter().enumerate() {
        let end = ranges.get(i + 1).map_or(*sentinel, |&(next, _)| next);
        if let Some(glyphs) = table.get_mut(usize::from(first)..usize::from(end)) {
            glyphs.fill(index);
        }
    }
    *fd_select = FDSelect::Format0 {
        glyph_font_dict_indices: ReadArrayCow::Owned(table),
    };
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

    fn glyph(&self, c: char) -> (u16, u16) {
        let look_up = || {
            let glyph = self.glyph_index(c).unwrap_or(0);
            (glyph, self.advance(glyph))
        };
        let code = u32::from(c) as usize;
        let Some(block) = self.known.get(code >> 8) else {
            return look_up();
        };
        let slot = &block.get_or_init(|| Box::new(std::array::from_fn(|_| AtomicU32::new(0))))
            [code & 0xFF];
        let known = slot.load(Ordering::Relaxed);
        if known != 0 {
            #[allow(clippy::cast_possible_truncation)]
            return (known as u16, ((known >> 16) & 0x7FFF) as u16);
        }
        let (glyph, advance) = look_up();
        // An advance too wide for 15 bits is looked up each time.
        if advance <= 0x7FFF {
            slot.store(
                1 << 31 | u32::from(advance) << 16 | u32::from(glyph),
                Ordering::Relaxed,
            );
        }
        (glyph, advance)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The charset as a table gives each glyph the ID its ranges give, for
    /// every glyph of the four bundled faces.
    #[test]
    fn the_charset_as_a_table_agrees_with_its_ranges() {
        for bytes in [CJK_REGULAR, CJK_BOLD, CJK_TC_REGULAR, CJK_TC_BOLD] {
            let face = Face::read(bytes).expect("the bundled font reads");
            let ranges = ReadScope::new(face.cff_data).read::<CFF<'_>>().unwrap();
            let ranges = &ranges.fonts[0].charset;
            assert!(matches!(
                ranges,
                Charset::Custom(CustomCharset::Format1 { .. } | CustomCharset::Format2 { .. })
            ));
            let table = &face.cff().unwrap().fonts[0].charset;
            assert!(matches!(
                table,
                Charset::Custom(CustomCharset::Format0 { .. })
            ));
            let mut glyph = 0;
            while let Some(id) = ranges.id_for_glyph(glyph) {
                assert_eq!(table.id_for_glyph(glyph), Some(id), "glyph {glyph}");
                glyph += 1;
            }
            assert!(glyph > 1000);
            assert_eq!(table.id_for_glyph(glyph), None);
        }
    }

    /// The character map searched by halves finds what allsorts finds one
    /// by one, for every character of the Basic Multilingual Plane.
    #[test]
    fn the_character_map_agrees_with_allsorts() {
        for bytes in [CJK_REGULAR, CJK_TC_BOLD] {
            let face = Face::read(bytes).expect("the bundled font reads");
            let font = ReadScope::new(bytes).read::<OpenTypeFont<'_>>().unwrap();
            let OpenTypeData::Single(tables) = &font.data else {
                panic!("one face");
            };
            let data = tables
                .read_table(&font.scope, tag::CMAP)
                .unwrap()
                .unwrap()
                .data();
            let cmap = ReadScope::new(data).read::<Cmap<'_>>().unwrap();
            let record = cmap
                .find_subtable(PlatformId::WINDOWS, EncodingId::WINDOWS_UNICODE_BMP_UCS2)
                .unwrap();
            let subtable = ReadScope::new(&data[record.offset as usize..])
                .read::<CmapSubtable<'_>>()
                .unwrap();
            assert!(matches!(face.cmap, CharMap::Segments(_)));
            let mut found = 0;
            for c in 0..=0xFFFF_u32 {
                let theirs = subtable.map_glyph(c).unwrap().filter(|g| *g != 0);
                assert_eq!(face.cmap.glyph(c).filter(|g| *g != 0), theirs, "U+{c:04X}");
                found += usize::from(theirs.is_some());
            }
            assert!(found > 8_000, "{found}");
        }
    }

    #[test]
    fn a_glyph_looked_up_twice_is_the_same() {
        let face = Face::read(CJK_REGULAR).unwrap();
        for c in ['中', 'A', '，', '★'] {
            let first = face.glyph(c);
            assert_ne!(first.0, 0);
            assert_eq!(face.glyph(c), first);
            assert_eq!(first.1, face.advance(first.0));
        }
    }
}
