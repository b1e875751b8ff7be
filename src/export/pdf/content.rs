//! Page content streams written straight from laid-out items as PDF bytes,
//! deflated as soon as each page is written: no printpdf operation, no lopdf
//! object per glyph, and no page's drawing kept uncompressed beside the
//! others. The operators are those printpdf wrote for the same items, with
//! the same numbers, so a page reads and renders as before; a text run is one
//! hex string (`Tj`) rather than an array of one string per glyph, and a
//! colour or font already set is not set again.

use std::io::Write as _;

use libdeflater::{CompressionLvl, Compressor};

use crate::export::layout::Glyphs;
use crate::export::layout::{Colour, Item, Page, Paint, Weight};

/// How hard pages, font programs and `ToUnicode` maps are deflated, by
/// libdeflate. At 6 a short manual's streams come out 0.7% smaller than
/// zlib's level 6 made them, in 72% of its time; higher levels gain a few
/// hundred bytes for a third more time, and 10 and up (optimal parsing) cost
/// six times as much. CFF outlines are dense: a 36 KB subset deflates to
/// 32.3 KB at any level.
const LEVEL: i32 = 6;

/// The characters one face sets, found before the font is subset: which
/// glyph each character is (the face knows), and which character each glyph
/// stands for in the `ToUnicode` map (the last one seen, as printpdf kept it).
pub(super) struct Used<'f> {
    face: &'f dyn Glyphs,
    /// For each glyph ID, one more than its place in `list` (0: unused), in
    /// blocks of 256 IDs made as a glyph in them is met. One flat table of
    /// all 65,536 was a quarter of a megabyte of fresh pages, each read and
    /// then written: two page faults and a cross-core TLB flush apiece.
    slot: Vec<Option<Box<[u32; 256]>>>,
    /// The glyphs used, in the order first met, each with its character
    /// (the last one met, when several share a glyph).
    list: Vec<(u16, char)>,
}

impl<'f> Used<'f> {
    pub(super) fn new(face: &'f dyn Glyphs) -> Self {
        Self {
            face,
            slot: vec![None; 256],
            list: Vec::new(),
        }
    }

    fn add(&mut self, text: &str) {
        for c in text.chars() {
            let (glyph, _) = self.face.glyph(c);
            let [high, low] = glyph.to_be_bytes();
            let block = self.slot[usize::from(high)].get_or_insert_with(|| Box::new([0; 256]));
            let slot = &mut block[usize::from(low)];
            match *slot {
                0 => {
                    self.list.push((glyph, c));
                    *slot = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
                }
                n => self.list[n as usize - 1].1 = c,
            }
        }
    }

    /// The glyphs used, ascending, each with its character.
    pub(super) fn glyphs(&self) -> Vec<(u16, char)> {
        let mut glyphs = self.list.clone();
        glyphs.sort_unstable_by_key(|&(glyph, _)| glyph);
        glyphs
    }
}

/// Every character `pages` set in `weight`.
pub(super) fn collect(pages: &[Page], weight: Weight, used: &mut Used<'_>) {
    for item in pages.iter().flat_map(|page| &page.items) {
        if let Item::Text {
            weight: w, text, ..
        } = item
            && *w == weight
        {
            used.add(text);
        }
    }
}

/// A face's code for each character: its glyph's CID, which the subset
/// keeps, so the streams are written while the subset is made.
pub(super) struct Codes<'f> {
    face: &'f dyn Glyphs,
    cid: &'f (dyn Fn(u16) -> Option<u16> + Sync),
}

impl<'f> Codes<'f> {
    pub(super) fn new(face: &'f dyn Glyphs, cid: &'f (dyn Fn(u16) -> Option<u16> + Sync)) -> Self {
        Self { face, cid }
    }

    fn code(&self, c: char) -> u16 {
        // 0, the missing glyph's CID, for a character the face lacks.
        (self.cid)(self.face.glyph(c).0).unwrap_or(0)
    }
}

/// A face as the page streams use it: its resource name and its codes.
pub(super) struct Face<'f> {
    pub(super) name: String,
    pub(super) codes: Codes<'f>,
}

/// What every page stream shares.
pub(super) struct Writer<'a> {
    pub(super) height: f32,
    pub(super) regular: &'a Face<'a>,
    pub(super) bold: &'a Face<'a>,
    /// The resource name of each image, in [`crate::export::layout::ImageId`] order.
    pub(super) images: &'a [String],
}

/// What a thread writing pages keeps from one page to the next: the text
/// buffer, and the deflater, whose tables cost more to set up than a short
/// page costs to deflate.
pub(super) struct Scratch {
    text: Vec<u8>,
    deflate: Deflater,
}

impl Scratch {
    pub(super) fn new() -> Self {
        Self {
            text: Vec::new(),
            deflate: deflater(),
        }
    }
}

/// Deflaters put down by the threads done with them. A deflater's match
/// finder is a quarter of a megabyte of tables that libdeflate clears on
/// each use; a new one clears fresh pages, each a page fault, so one put
/// down by a thread that has written its pages serves a face's subset next
/// (and the next export, in the window).
static SPARE: std::sync::Mutex<Vec<Compressor>> = std::sync::Mutex::new(Vec::new());

/// A deflater at [`LEVEL`] writing zlib streams, to be used for several,
/// taken from those put down if there is one, and put down when dropped.
pub(super) struct Deflater(Option<Compressor>);

impl std::ops::Deref for Deflater {
    type Target = Compressor;
    fn deref(&self) -> &Compressor {
        self.0
            .as_ref()
            .unwrap_or_else(|| unreachable!("taken only in drop"))
    }
}

impl std::ops::DerefMut for Deflater {
    fn deref_mut(&mut self) -> &mut Compressor {
        self.0
            .as_mut()
            .unwrap_or_else(|| unreachable!("taken only in drop"))
    }
}

impl Drop for Deflater {
    fn drop(&mut self) {
        if let (Some(compressor), Ok(mut spare)) = (self.0.take(), SPARE.lock()) {
            spare.push(compressor);
        }
    }
}

pub(super) fn deflater() -> Deflater {
    let spare = SPARE.lock().ok().and_then(|mut spare| spare.pop());
    Deflater(Some(spare.unwrap_or_else(|| {
        Compressor::new(CompressionLvl::new(LEVEL).unwrap_or_default())
    })))
}

/// `input` as a zlib stream (what `FlateDecode` reads); none on a deflater error.
pub(super) fn deflate(compress: &mut Compressor, input: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![0; compress.zlib_compress_bound(input.len())];
    let written = compress.zlib_compress(input, &mut out).ok()?;
    out.truncate(written);
    Some(out)
}

/// The graphics state a stream has set, so that it is not set again, and
/// the text object it is in.
#[derive(Default)]
struct State {
    fill: Option<Colour>,
    stroke: Option<Colour>,
    width: Option<f32>,
    font: Option<(Weight, f32)>,
    text: TextObject,
}

/// Whether the stream is in a text object (`BT`): runs in a row share one.
#[derive(Default, Clone, Copy)]
enum TextObject {
    #[default]
    Closed,
    /// Open, with the start of its current line as the stream wrote it (in
    /// billionths of a point), the next run's `Td` moving from there; none
    /// when that position had no exact decimal.
    Open(Option<(i64, i64)>),
}

impl State {
    /// Ends the text object, if one is open, before a path or an image
    /// (which may not be drawn inside one) or the end of the page.
    fn end_text(&mut self, out: &mut Vec<u8>) {
        if let TextObject::Open(_) = std::mem::take(&mut self.text) {
            out.extend_from_slice(b"ET\n");
        }
    }

    fn fill(&mut self, colour: Colour, out: &mut Vec<u8>) {
        if self.fill != Some(colour) {
            let (r, g, b) = colour;
            let _ = writeln!(out, "{r} {g} {b} rg");
            self.fill = Some(colour);
        }
    }

    fn stroke(&mut self, colour: Colour, width: f32, out: &mut Vec<u8>) {
        if self.stroke != Some(colour) {
            let (r, g, b) = colour;
            let _ = writeln!(out, "{r} {g} {b} RG");
            self.stroke = Some(colour);
        }
        if self.width != Some(width) {
            let _ = writeln!(out, "{width} w");
            self.width = Some(width);
        }
    }
}

/// Billionths in one: the finest a position is kept to.
const NANO: i64 = 1_000_000_000;

/// `v` as `Display` writes it, in billionths; none when that has an
/// exponent or more than nine decimals (never a page position).
///
/// The shortest digits come from ryu, which agrees with `Display` except
/// where two shortest forms tie (`v` exactly halfway between them): there
/// ryu rounds half to even and `Display` half up (0.016601562 against
/// …563), so a tie is written by `Display` and read back.
fn decimal(v: f32) -> Option<i64> {
    if !v.is_finite() {
        return None;
    }
    let mut buffer = ryu::Buffer::new();
    let quick = buffer.format_finite(v);
    let decimals = quick.split_once('.').map_or(0, |(_, f)| f.len());
    if !halfway(v, decimals) {
        return parse_decimal(quick);
    }
    let mut text = [0u8; 48];
    let mut cursor = std::io::Cursor::new(&mut text[..]);
    write!(cursor, "{v}").ok()?;
    let end = usize::try_from(cursor.position()).ok()?;
    parse_decimal(std::str::from_utf8(&text[..end]).ok()?)
}

/// Whether `v` is exactly halfway between two numbers of `decimals`
/// decimals: `v` is m·2^-n with m odd, and 2·v·10^k = m·5^k·2^(k+1-n) is an
/// odd whole number exactly when n = k + 1.
fn halfway(v: f32, decimals: usize) -> bool {
    let bits = v.to_bits();
    let exponent = i32::try_from((bits >> 23) & 0xFF).unwrap_or(0);
    let fraction = bits & 0x7F_FFFF;
    let (mantissa, exponent) = match exponent {
        0 => (fraction, -149),
        e => (fraction | 0x80_0000, e - 150),
    };
    if mantissa == 0 {
        return false;
    }
    let n = -(exponent + i32::try_from(mantissa.trailing_zeros()).unwrap_or(0));
    usize::try_from(n).is_ok_and(|n| n == decimals + 1)
}

/// A plain decimal (ryu's "42.0" as well), in billionths.
fn parse_decimal(written: &str) -> Option<i64> {
    let (negative, digits) = match written.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, written),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() || whole.len() > 9 || fraction.len() > 9 {
        return None;
    }
    let mut value: i64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + i64::from(b - b'0');
    }
    let mut scale = NANO;
    for _ in 0..fraction.len() {
        scale /= 10;
    }
    value *= scale;
    Some(if negative { -value } else { value })
}

/// `x y Td`, the two in billionths.
fn move_to(out: &mut Vec<u8>, x: i64, y: i64) {
    write_decimal(out, x);
    out.push(b' ');
    write_decimal(out, y);
    out.extend_from_slice(b" Td\n");
}

/// A number of billionths as a plain decimal, no trailing zeros.
fn write_decimal(out: &mut Vec<u8>, nano: i64) {
    if nano < 0 {
        out.push(b'-');
    }
    let magnitude = nano.unsigned_abs();
    let scale = NANO.unsigned_abs();
    let mut whole = magnitude / scale;
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + u8::try_from(whole % 10).unwrap_or(0);
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
    let mut fraction = magnitude % scale;
    if fraction != 0 {
        out.push(b'.');
        let mut place = scale / 10;
        while fraction != 0 {
            // The digit at this place, then what is left below it.
            let digit = u8::try_from(fraction / place).unwrap_or(0);
            out.push(b'0' + digit);
            fraction %= place;
            place /= 10;
        }
    }
}

impl Writer<'_> {
    /// One page's content stream, deflated when that makes it smaller (as
    /// lopdf decides): the bytes and whether they are deflated.
    pub(super) fn page(&self, page: &Page, scratch: &mut Scratch) -> (Vec<u8>, bool) {
        let out = &mut scratch.text;
        out.clear();
        let mut state = State::default();
        for item in &page.items {
            self.item(item, &mut state, out);
        }
        state.end_text(out);
        match deflate(&mut scratch.deflate, out) {
            Some(deflated) if deflated.len() + 19 < out.len() => (deflated, true),
            _ => (out.clone(), false),
        }
    }

    fn item(&self, item: &Item, state: &mut State, out: &mut Vec<u8>) {
        let h = self.height;
        // Writing into a Vec does not fail: the results below are ignored.
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
                    Weight::Regular => self.regular,
                    Weight::Bold => self.bold,
                };
                let baseline = h - top - size * 0.88;
                // Td moves from the start of the line before: the runs of a
                // text object are placed as they were one text object each,
                // in fewer bytes (a page's stream deflates a sixth smaller).
                // The move is the exact difference of the decimals the
                // absolute position would have been written as, so a reader
                // adding it up lands where it did before, to the digit.
                let at = decimal(*x).zip(decimal(baseline));
                let from = match (state.text, at) {
                    (TextObject::Open(Some(line)), Some(_)) => Some(line),
                    // A position, or a line start, with no exact decimal: a
                    // text object of its own, placed absolutely.
                    (TextObject::Open(_), _) => {
                        out.extend_from_slice(b"ET\nBT\n");
                        None
                    }
                    (TextObject::Closed, _) => {
                        out.extend_from_slice(b"BT\n");
                        None
                    }
                };
                state.fill(*colour, out);
                if state.font != Some((*weight, *size)) {
                    let _ = writeln!(out, "/{} {size} Tf", face.name);
                    state.font = Some((*weight, *size));
                }
                match (from, at) {
                    (Some((lx, ly)), Some((ax, ay))) => {
                        // T* first: with no leading set (TL 0) it moves
                        // nothing, and a reader that ends a line only at
                        // T* or ET (lopdf's extract_text) still sees each
                        // run apart, as when each had its own text object.
                        out.extend_from_slice(b"T*\n");
                        move_to(out, ax - lx, ay - ly);
                    }
                    (None, Some((ax, ay))) => move_to(out, ax, ay),
                    (_, None) => {
                        let _ = writeln!(out, "{x} {baseline} Td");
                    }
                }
                state.text = TextObject::Open(at);
                // A literal string of the two-byte codes, not a hex one:
                // half the bytes to write and to deflate (a short manual's
                // page streams 143 KB → 95 KB before deflating, and a little
                // smaller after). Only the bytes a literal string reads
                // otherwise are escaped: the delimiters, the backslash, and
                // a carriage return (a reader would take it for a newline).
                out.push(b'(');
                for c in text.chars() {
                    for byte in face.codes.code(c).to_be_bytes() {
                        match byte {
                            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                            b'\r' => out.extend_from_slice(b"\\r"),
                            _ => out.push(byte),
                        }
                    }
                }
                out.extend_from_slice(b") Tj\n");
            }
            Item::Line {
                from,
                to,
                thickness,
                colour,
            } => {
                state.end_text(out);
                state.stroke(*colour, *thickness, out);
                let _ = writeln!(out, "{} {} m", from.0, h - from.1);
                let _ = writeln!(out, "{} {} l\nS", to.0, h - to.1);
            }
            Item::Rect {
                x,
                top,
                width,
                height,
                paint,
                colour,
            } => {
                state.end_text(out);
                let op = match paint {
                    Paint::Fill => {
                        state.fill(*colour, out);
                        "f"
                    }
                    Paint::Stroke => {
                        state.stroke(*colour, 0.8, out);
                        "S"
                    }
                };
                let _ = writeln!(out, "{x} {} {width} {height} re\n{op}", h - top - height);
            }
            Item::Image {
                image,
                x,
                top,
                width,
                height,
            } => {
                let Some(name) = self.images.get(image.0) else {
                    return;
                };
                state.end_text(out);
                let _ = writeln!(
                    out,
                    "q\n{width} 0 0 {height} {x} {} cm\n/{name} Do\nQ",
                    h - top - height
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_kept_in_billionths_is_written_back_as_display_writes_it() {
        let check = |v: f32| {
            let mut out = Vec::new();
            write_decimal(&mut out, decimal(v).expect("a page position"));
            assert_eq!(String::from_utf8(out).unwrap(), v.to_string(), "{v:?}");
        };
        // Every hundredth of a point across an A3 page and either side of
        // zero, and positions a layout computes.
        for i in 0..=120_000 {
            check(i as f32 / 100.0);
        }
        for i in 1..=120_000 {
            check(-(i as f32) / 100.0);
            // Multiples of 1/512, where the shortest forms can tie.
            check(i as f32 / 512.0);
        }
        // And 868,939 f32 bit patterns from 1/1024 to 65536, every 251st:
        // each as Display writes it, or none when that has more than nine
        // decimals (below a tenth of a point only).
        let (low, high) = (0.000_976_562_5_f32.to_bits(), 65_536.0_f32.to_bits());
        for bits in (low..high).step_by(251) {
            let v = f32::from_bits(bits);
            match decimal(v) {
                Some(nano) => {
                    let mut out = Vec::new();
                    write_decimal(&mut out, nano);
                    assert_eq!(String::from_utf8(out).unwrap(), v.to_string(), "{v:?}");
                }
                None => {
                    let decimals = v.to_string().split_once('.').map_or(0, |(_, f)| f.len());
                    assert!(decimals > 9, "{v:?}");
                }
            }
        }
        for v in [841.8906 - 12.0 * 0.88, 707.91504, 0.1 + 0.2, 0.016_601_563] {
            check(v);
        }
        assert_eq!(decimal(1e-12), None, "no exponent");
        assert_eq!(decimal(f32::NAN), None);
    }

    /// Black regular text of size 10 at (`x`, `top`).
    fn text_at(x: f32, top: f32, text: &str) -> Item {
        Item::Text {
            x,
            top,
            size: 10.0,
            weight: Weight::Regular,
            colour: (0.0, 0.0, 0.0),
            text: text.into(),
        }
    }

    #[test]
    fn runs_in_a_row_share_a_text_object_and_move_by_exact_differences() {
        let face = crate::export::pdf::fonts(crate::core::model::Language::En).unwrap();
        let cid = crate::export::pdf::embed::cid_table(&face.regular).unwrap();
        let bold_cid = crate::export::pdf::embed::cid_table(&face.bold).unwrap();
        let regular = Face {
            name: "F1".into(),
            codes: Codes::new(&face.regular, &cid),
        };
        let bold = Face {
            name: "F2".into(),
            codes: Codes::new(&face.bold, &bold_cid),
        };
        let writer = Writer {
            height: 800.0,
            regular: &regular,
            bold: &bold,
            images: &[],
        };
        let text = |x: f32, top: f32| text_at(x, top, "Hi");
        let page = Page {
            items: vec![
                text(42.9, 100.0),
                text(45.0, 113.7),
                Item::Line {
                    from: (42.0, 120.0),
                    to: (200.0, 120.0),
                    thickness: 0.5,
                    colour: (0.0, 0.0, 0.0),
                },
                text(42.9, 130.0),
            ],
            fields: Vec::new(),
        };
        let mut scratch = Scratch::new();
        writer.page(&page, &mut scratch);
        let stream = String::from_utf8_lossy(&scratch.text).into_owned();
        let lines: Vec<&str> = stream.lines().filter(|l| !l.ends_with(" Tj")).collect();
        assert_eq!(
            lines,
            [
                "BT",
                "0 0 0 rg",
                "/F1 10 Tf",
                "42.9 691.2 Td",
                // 45 - 42.9 and (800 - 113.7 - 8.8) - 691.2, as decimals,
                // after a T* that moves nothing (no leading is set).
                "T*",
                "2.1 -13.7 Td",
                "ET",
                "0 0 0 RG",
                "0.5 w",
                "42 680 m",
                "200 680 l",
                "S",
                "BT",
                "42.9 661.2 Td",
                "ET",
            ],
            "{stream}"
        );
    }

    #[test]
    fn codes_that_read_as_delimiters_are_escaped_and_read_back_whole() {
        let fonts = crate::export::pdf::fonts(crate::core::model::Language::En).unwrap();
        // Codes whose bytes are parentheses out of balance, a backslash, a carriage
        // return followed by a line feed (read as one newline unescaped),
        // and a plain letter.
        let tricky: [u16; 4] = [0x2928, 0x5C0D, 0x0D0A, 0x0041];
        let glyphs: Vec<u16> = "abcd".chars().map(|c| fonts.regular.glyph(c).0).collect();
        let cid = move |g: u16| glyphs.iter().position(|&x| x == g).map(|i| tricky[i]);
        let face = Face {
            name: "F1".into(),
            codes: Codes::new(&fonts.regular, &cid),
        };
        let writer = Writer {
            height: 800.0,
            regular: &face,
            bold: &face,
            images: &[],
        };
        let page = Page {
            items: vec![text_at(10.0, 10.0, "abcd")],
            fields: Vec::new(),
        };
        let mut scratch = Scratch::new();
        writer.page(&page, &mut scratch);
        let content = lopdf::content::Content::decode(&scratch.text).unwrap();
        let shown: Vec<&[u8]> = content
            .operations
            .iter()
            .filter(|op| op.operator == "Tj")
            .map(|op| op.operands[0].as_str().unwrap())
            .collect();
        let expected: Vec<u8> = tricky.iter().flat_map(|c| c.to_be_bytes()).collect();
        assert_eq!(shown, [expected.as_slice()]);
    }

    #[test]
    fn a_deflater_put_down_and_taken_again_deflates_as_a_new_one() {
        let long: Vec<u8> = (0..200_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let short = b"BT /F1 10 Tf 72 720 Td <0041> Tj ET".repeat(40);
        let fresh = |input: &[u8]| {
            let mut compressor = Compressor::new(CompressionLvl::new(LEVEL).unwrap());
            let mut out = vec![0; compressor.zlib_compress_bound(input.len())];
            let n = compressor.zlib_compress(input, &mut out).unwrap();
            out.truncate(n);
            out
        };
        // The long input fills the tables; the short one then meets them
        // as a taken deflater would, and must not see what they held. From
        // the second round on, the deflater is the one put down before
        // (unless a test beside this one took it first).
        for _ in 0..3 {
            let mut taken = deflater();
            assert_eq!(deflate(&mut taken, &long).unwrap(), fresh(&long));
            assert_eq!(deflate(&mut taken, &short).unwrap(), fresh(&short));
        }
    }
}
