//! A face embedded as a subset: the CFF outlines of the glyphs a document
//! uses (allsorts' subsetter, called on the font read in place), their widths
//! from the face's advances (what layout measured with), and the `ToUnicode`
//! map that gives text extraction the characters back.
//!
//! The font is a `Type0` font with `Identity-H` encoding over a
//! `CIDFontType0` whose program is the bare CID-keyed CFF (`CIDFontType0C`):
//! the codes in the page streams are the glyphs' CIDs, which the subset keeps,
//! so every viewer resolves them through the same charset.

use std::fmt::Write as _;
use std::iter::once;

use allsorts::binary::write::{WriteBinary, WriteBuffer};
use allsorts::cff::CFF;
use lopdf::{Dictionary, Object, ObjectId, Stream, dictionary};
use sha2::{Digest, Sha256};

use super::content;
use super::font::Face;

/// A PDF font's widths and glyph space are in thousandths of an em.
const GLYPH_SPACE: f32 = 1000.0;
/// The width of a code the `W` array does not list.
const DEFAULT_WIDTH: i64 = 1000;

/// One face's subset, ready to be written into a document.
pub(super) struct Subset {
    /// `ABCDEF+Name`: the tag marks a subset (ISO 32000-1, 9.6.4).
    base_font: String,
    /// The bare CFF table of the subset, deflated.
    program: Stream,
    /// The `W` array: runs of consecutive codes and their widths.
    widths: Vec<Object>,
    /// The `ToUnicode` map, deflated.
    to_unicode: Stream,
    descriptor: Dictionary,
}

/// The CID of any glyph of `face` (its CID-keyed outlines' charset, a
/// table: one look-up): the code the page streams show for it, which the
/// subset keeps, so the streams need not know which glyphs the document
/// uses; none when the outlines are not CID-keyed (the bundled faces are).
pub(super) fn cid_table(face: &'static Face) -> Option<impl Fn(u16) -> Option<u16> + Sync> {
    let cff = face.cff()?;
    let [font] = cff.fonts.as_slice() else {
        return None;
    };
    font.is_cid_keyed()
        .then_some(move |gid| font.charset.id_for_glyph(gid))
}

impl Subset {
    /// Adds the font's objects to `pdf`; the font dictionary's ID.
    pub(super) fn add_to(self, pdf: &mut lopdf::Document) -> ObjectId {
        let program = pdf.add_object(self.program);
        let mut descriptor = self.descriptor;
        descriptor.set("FontFile3", program);
        let descriptor = pdf.add_object(descriptor);
        let to_unicode = pdf.add_object(self.to_unicode);
        let name = || Object::Name(self.base_font.clone().into_bytes());
        let cid_font = dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType0",
            "BaseFont" => name(),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "DW" => DEFAULT_WIDTH,
            "W" => self.widths,
        };
        pdf.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => name(),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Dictionary(cid_font)],
            "ToUnicode" => to_unicode,
        })
    }
}

/// The subset of `face` that draws `glyphs` (glyph ID and the character it
/// stands for, ascending), coded by their CIDs ([`cid_table`]); none when
/// the face's CFF is not CID-keyed (the bundled faces are) or cannot be
/// subset.
pub(super) fn subset(face: &'static Face, glyphs: &[(u16, char)]) -> Option<Subset> {
    let cid = cid_table(face)?;
    let cff = face.cff()?;
    // Glyph 0 first, as allsorts requires; the subset keeps each glyph's CID.
    let ids: Vec<u16> = once(0)
        .chain(glyphs.iter().map(|(gid, _)| *gid).filter(|gid| *gid != 0))
        .collect();
    let table: CFF<'_> = cff.subset(&ids, false).ok()?.into();
    let mut program = WriteBuffer::new();
    CFF::write(&mut program, &table).ok()?;
    // The subset keeps each glyph's CID: the codes are known from the face.
    let mut coded: Vec<(u16, u16, char)> = glyphs
        .iter()
        .map(|&(gid, c)| Some((cid(gid)?, gid, c)))
        .collect::<Option<_>>()?;
    coded.sort_unstable();
    let scale = GLYPH_SPACE / f32::from(face.units_per_em().max(1));
    let widths = widths(coded.iter().map(|(code, gid, _)| {
        let advance = crate::export::layout::Glyphs::advance(face, *gid);
        // Truncated, as printpdf wrote them.
        #[allow(clippy::cast_possible_truncation)]
        (*code, (f32::from(advance) * scale) as i64)
    }));
    let tag = subset_tag(&coded);
    let name = &face.postscript_name;
    // Deflated here, on this face's core, as the pages are, by one deflater.
    let mut compress = content::deflater();
    let mut deflated = |mut dictionary: Dictionary, bytes: Vec<u8>| match content::deflate(
        &mut compress,
        &bytes,
    ) {
        Some(deflated) if deflated.len() < bytes.len() => {
            dictionary.set("Filter", "FlateDecode");
            Stream::new(dictionary, deflated).with_compression(false)
        }
        _ => Stream::new(dictionary, bytes).with_compression(false),
    };
    Some(Subset {
        base_font: format!("{tag}+{name}"),
        program: deflated(
            dictionary! { "Subtype" => "CIDFontType0C" },
            program.into_inner(),
        ),
        widths,
        to_unicode: deflated(
            Dictionary::new(),
            to_unicode(coded.iter().map(|(code, _, c)| (*code, *c))),
        ),
        descriptor: descriptor(face, &format!("{tag}+{name}"), scale),
    })
}

/// Six capitals from the glyphs used: the same subset gets the same tag, so
/// the file is the same from run to run.
fn subset_tag(coded: &[(u16, u16, char)]) -> String {
    let mut hash = Sha256::new();
    for (code, _, _) in coded {
        hash.update(code.to_be_bytes());
    }
    hash.finalize()
        .iter()
        .take(6)
        .map(|byte| char::from(b'A' + byte % 26))
        .collect()
}

/// `W`: each run of consecutive codes as its first code and its widths.
fn widths(coded: impl Iterator<Item = (u16, i64)>) -> Vec<Object> {
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut first = 0u16;
    let mut next = None;
    for (code, width) in coded {
        if next != Some(code) && !run.is_empty() {
            out.push(Object::Integer(i64::from(first)));
            out.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            first = code;
        }
        run.push(Object::Integer(width));
        next = code.checked_add(1);
    }
    if !run.is_empty() {
        out.push(Object::Integer(i64::from(first)));
        out.push(Object::Array(run));
    }
    out
}

/// The `ToUnicode` map (a `CMap`): each code's character, in UTF-16 as the format asks,
/// at most 100 to a block as the format allows.
fn to_unicode(coded: impl Iterator<Item = (u16, char)>) -> Vec<u8> {
    let pairs: Vec<(u16, char)> = coded.collect();
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // Writing into a String does not fail: the results below are ignored.
    for block in pairs.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for (code, c) in block {
            let _ = write!(out, "<{code:04X}> <");
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "{unit:04X}");
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

/// The font descriptor, in glyph space: what a viewer needs to substitute
/// the face, were it to (the outlines are embedded).
fn descriptor(face: &Face, name: &str, scale: f32) -> Dictionary {
    let d = &face.descriptor;
    #[allow(clippy::cast_possible_truncation)]
    let scaled = |v: i16| (f32::from(v) * scale).round() as i64;
    let (rise, run) = d.caret;
    // Degrees counter-clockwise from upright: an italic leans right, so negative.
    #[allow(clippy::cast_possible_truncation)]
    let italic_angle = if rise == 0 {
        0
    } else {
        (-f32::from(run).atan2(f32::from(rise)).to_degrees()).round() as i64
    };
    // Non-symbolic (the standard Latin characters), italic when it leans.
    let flags = (1 << 5) | if italic_angle == 0 { 0 } else { 1 << 6 };
    // No table states the stem width: estimated from the weight class, as
    // producers do (88 at 400, 166 at 700).
    #[allow(clippy::cast_possible_truncation)]
    let stem_v = if d.weight == 0 {
        80
    } else {
        50 + (f32::from(d.weight) / 65.0).powi(2).round() as i64
    };
    dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(name.as_bytes().to_vec()),
        "Ascent" => scaled(d.ascent),
        "Descent" => scaled(d.descent),
        "CapHeight" => scaled(d.cap_height),
        "ItalicAngle" => italic_angle,
        "Flags" => flags,
        "StemV" => stem_v,
        "FontBBox" => d.bbox.iter().map(|v| Object::Integer(scaled(*v))).collect::<Vec<_>>(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_group_consecutive_codes() {
        let w = widths([(1, 224), (14, 347), (15, 278), (17, 555)].into_iter());
        let expected = vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(224)]),
            Object::Integer(14),
            Object::Array(vec![Object::Integer(347), Object::Integer(278)]),
            Object::Integer(17),
            Object::Array(vec![Object::Integer(555)]),
        ];
        assert_eq!(w, expected);
    }

    #[test]
    fn to_unicode_writes_surrogate_pairs() {
        let cmap = String::from_utf8(to_unicode([(1, ' '), (2, '𠀀')].into_iter())).unwrap();
        assert!(cmap.contains("2 beginbfchar\n<0001> <0020>\n<0002> <D840DC00>\n"));
    }

    #[test]
    fn the_bundled_faces_subset() {
        let fonts = super::super::fonts(crate::core::model::Language::ZhCn).unwrap();
        let face = &fonts.regular;
        let glyphs: Vec<(u16, char)> = "服务标准 Service"
            .chars()
            .map(|c| {
                (
                    crate::export::layout::Glyphs::glyph_index(face, c).unwrap_or(0),
                    c,
                )
            })
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .collect();
        let subset = subset(face, &glyphs).unwrap();
        assert!(
            subset.program.content.len() < 100_000,
            "{}",
            subset.program.content.len()
        );
        // The codes the page streams write (the face's CIDs) are the CIDs
        // the subset keeps: glyph n of the subset is the nth glyph asked for
        // (glyph 0 first), under its CID.
        let cid = cid_table(face).unwrap();
        let ids: Vec<u16> = once(0)
            .chain(glyphs.iter().map(|(gid, _)| *gid).filter(|gid| *gid != 0))
            .collect();
        let table: CFF<'_> = face.cff().unwrap().subset(&ids, false).unwrap().into();
        let charset = &table.fonts[0].charset;
        for (new, gid) in (0..).zip(&ids).skip(1) {
            assert_eq!(charset.id_for_glyph(new), cid(*gid), "glyph {gid}");
        }
        assert_eq!(face.postscript_name, "NotoSansCJKsc-Regular");
        assert!(subset.base_font.ends_with("+NotoSansCJKsc-Regular"));
    }
}
