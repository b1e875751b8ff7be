//! Measuring and breaking text for the page: CJK text breaks between any two
//! characters, Latin text between words (inside a word only when the word is
//! longer than the line), and no line starts with closing punctuation or ends
//! with opening punctuation (禁则).

/// What layout needs to know of a font: its glyphs and their advances. The
/// emitter's parsed font answers, so the font is parsed once for both.
pub trait Glyphs: Sync {
    /// Font units per em (1000 for the bundled font).
    fn units_per_em(&self) -> u16;
    /// The glyph that draws `c`, none when the font lacks it.
    fn glyph_index(&self, c: char) -> Option<u16>;
    /// The advance width of `glyph`, in font units.
    fn advance(&self, glyph: u16) -> u16;
    /// The glyph that draws `c` (0, the missing glyph, when the font lacks
    /// it) and its advance: what layout asks of every character it sets, so a
    /// font may answer from a table of its own.
    fn glyph(&self, c: char) -> (u16, u16) {
        let glyph = self.glyph_index(c).unwrap_or(0);
        (glyph, self.advance(glyph))
    }
}

/// The two faces a document is set in.
#[derive(Clone, Copy)]
pub struct Faces<'a> {
    pub regular: &'a dyn Glyphs,
    pub bold: &'a dyn Glyphs,
}

/// Widths of a font, in points at a given size.
pub struct Metrics<'a> {
    font: &'a dyn Glyphs,
    units_per_em: f32,
}

impl<'a> Metrics<'a> {
    #[must_use]
    pub fn new(font: &'a dyn Glyphs) -> Self {
        Self {
            font,
            units_per_em: f32::from(font.units_per_em().max(1)),
        }
    }

    /// The glyph ID and advance of `c` (glyph 0, the missing glyph, when the font lacks it).
    #[must_use]
    pub fn glyph(&self, c: char) -> (u16, u16) {
        self.font.glyph(c)
    }

    fn advance(&self, c: char) -> u16 {
        self.glyph(c).1
    }

    /// The advance width of `text` at `size` points.
    #[must_use]
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.advance(c))).sum();
        units as f32 / self.units_per_em * size
    }

    /// Whether the font can draw `c` (whitespace always counts as drawable).
    #[must_use]
    pub fn has_glyph(&self, c: char) -> bool {
        c.is_whitespace() || self.font.glyph_index(c).is_some_and(|g| g != 0)
    }
}

/// Room for a line's text before it grows: a line of the widest column in
/// 8-point Latin text.
const LINE_BYTES: usize = 128;

/// Characters that may not start a line.
const NO_START: &str = "，。、；：？！）」』】》〉’”·…—–%％,.;:?!)]}>、々ー～";
/// Characters that may not end a line.
const NO_END: &str = "（「『【《〈‘“([{<";

/// Splits text into units that stay together: a CJK character, a Latin word,
/// or a run of spaces.
fn units(text: &str) -> Vec<&str> {
    // A unit is about three bytes on average in either script.
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut start = None::<usize>;
    for (i, c) in text.char_indices() {
        let alone = crate::core::i18n::script::is_cjk(c) || c.is_whitespace();
        if alone {
            if let Some(s) = start.take() {
                out.push(&text[s..i]);
            }
            out.push(&text[i..i + c.len_utf8()]);
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Breaks `text` into lines no wider than `max_width` points at `size`.
/// Explicit newlines are kept. Closing punctuation hangs past the margin
/// rather than starting a line.
#[must_use]
pub fn wrap(metrics: &Metrics<'_>, text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(metrics, paragraph, size, max_width, &mut lines);
    }
    lines
}

fn wrap_paragraph(
    metrics: &Metrics<'_>,
    text: &str,
    size: f32,
    max_width: f32,
    lines: &mut Vec<String>,
) {
    let first = lines.len();
    break_lines(metrics, text, size, max_width, lines);
    if lines.len() - first >= 2 {
        no_lone_last_character(lines);
    }
}

/// A paragraph's last line that holds one CJK character alone (神秘／客)
/// takes one more character from the line above, with the punctuation that
/// must stay with it, when the line above keeps at least two characters and
/// does not then end on an opening bracket.
fn no_lone_last_character(lines: &mut [String]) {
    let [.., above, last] = lines else {
        return;
    };
    let mut chars = last.chars();
    let lone = match (chars.next(), chars.next(), chars.next()) {
        (Some(c), None, _) => crate::core::i18n::script::is_cjk(c),
        (Some(c), Some(p), None) => crate::core::i18n::script::is_cjk(c) && NO_START.contains(p),
        _ => false,
    };
    if !lone {
        return;
    }
    let mut moved = String::new();
    let mut rest = above.clone();
    while let Some(c) = rest.pop() {
        moved.insert(0, c);
        if !NO_START.contains(c) {
            if !crate::core::i18n::script::is_cjk(c) {
                return; // a Latin word or a space: leave the lines as they are
            }
            break;
        }
    }
    let kept = rest.chars().count();
    if kept < 2 || rest.chars().last().is_some_and(|c| NO_END.contains(c)) {
        return;
    }
    *above = rest;
    last.insert_str(0, &moved);
}

fn break_lines(
    metrics: &Metrics<'_>,
    text: &str,
    size: f32,
    max_width: f32,
    lines: &mut Vec<String>,
) {
    let mut line = String::with_capacity(LINE_BYTES);
    let mut width = 0.0;
    // Latin words longer than a line are cut into line-sized pieces first;
    // the rest are borrowed, not copied (a CJK paragraph is a unit a
    // character). Each piece is measured once, here.
    let units = units(text);
    let mut pieces: Vec<(std::borrow::Cow<'_, str>, f32)> = Vec::with_capacity(units.len());
    for unit in units {
        let w = metrics.width(unit, size);
        if w > max_width && unit.chars().count() > 1 {
            let mut piece = String::new();
            for c in unit.chars() {
                let mut next = piece.clone();
                next.push(c);
                if !piece.is_empty() && metrics.width(&next, size) > max_width {
                    let done = std::mem::take(&mut piece);
                    let w = metrics.width(&done, size);
                    pieces.push((done.into(), w));
                }
                piece.push(c);
            }
            let w = metrics.width(&piece, size);
            pieces.push((piece.into(), w));
        } else {
            pieces.push((unit.into(), w));
        }
    }
    for (unit, w) in pieces {
        let first = unit.chars().next().unwrap_or(' ');
        let fits = width + w <= max_width + 0.01;
        // Asked only of what does not fit: most units do.
        let hangs = || unit.chars().count() == 1 && NO_START.contains(first);
        if fits || line.is_empty() || hangs() {
            if line.is_empty() && first.is_whitespace() {
                continue; // no leading spaces on a wrapped line
            }
            line.push_str(&unit);
            width += w;
            continue;
        }
        // Break before `unit`; an opening bracket at the end of the line moves down with it.
        let mut carry = String::new();
        while let Some(last) = line.chars().last() {
            if NO_END.contains(last) && line.chars().count() > 1 {
                carry.insert(0, last);
                line.pop();
            } else {
                break;
            }
        }
        let carried = !carry.is_empty();
        let kept = line.trim_end().len();
        line.truncate(kept);
        let mut next = String::with_capacity(LINE_BYTES.max(carry.len() + unit.len()));
        next.push_str(&carry);
        lines.push(std::mem::replace(&mut line, next));
        if !first.is_whitespace() {
            line.push_str(&unit);
        }
        // The new line's width: the unit's own when it starts the line alone
        // (the same sum, so the same float); measured again only with a carry.
        width = if carried {
            metrics.width(&line, size)
        } else if first.is_whitespace() {
            0.0
        } else {
            w
        };
    }
    let kept = line.trim_end().len();
    line.truncate(kept);
    lines.push(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> &'static dyn Glyphs {
        crate::export::faces()
            .expect("the bundled font parses")
            .regular
    }

    #[test]
    fn cjk_breaks_between_characters_and_punctuation_never_starts_a_line() {
        let font = font();
        let m = Metrics::new(font);
        let text = "顾客进门10秒内，迎宾员目光接触并说“欢迎光临”，然后引领顾客入座。";
        for width in [40.0, 55.0, 70.0, 90.0, 120.0] {
            let lines = wrap(&m, text, 10.0, width);
            assert_eq!(
                lines.concat(),
                text,
                "no character is lost at width {width}"
            );
            for line in &lines[1..] {
                let first = line.chars().next().unwrap();
                assert!(
                    !NO_START.contains(first),
                    "line starts with {first} at width {width}: {lines:?}"
                );
            }
            for line in &lines {
                let last = line.chars().last().unwrap();
                assert!(!NO_END.contains(last), "line ends with {last}: {lines:?}");
            }
        }
    }

    #[test]
    fn no_cjk_character_is_left_alone_on_a_last_line() {
        let font = font();
        let m = Metrics::new(font);
        let text = "每月安排一次神秘客";
        let mut seen_wrapped = 0;
        for tenths in 300..900 {
            let width = tenths as f32 / 10.0;
            let lines = wrap(&m, text, 10.0, width);
            assert_eq!(lines.concat(), text);
            if lines.len() > 1 {
                seen_wrapped += 1;
                let last = lines.last().unwrap();
                assert!(last.chars().count() >= 2, "{lines:?} at {width}");
            }
        }
        assert!(seen_wrapped > 100);
        // Punctuation that may not start a line moves with its character.
        let lines = wrap(&m, "请在两分钟内上菜，谢谢。", 10.0, 100.0);
        assert_eq!(lines.concat(), "请在两分钟内上菜，谢谢。");
        assert!(lines.last().unwrap().chars().count() >= 2, "{lines:?}");
    }

    #[test]
    fn latin_breaks_between_words_and_long_words_are_cut() {
        let font = font();
        let m = Metrics::new(font);
        let lines = wrap(
            &m,
            "The phone is answered before the third ring",
            10.0,
            80.0,
        );
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(!line.starts_with(' ') && !line.ends_with(' '));
            assert!(m.width(line, 10.0) <= 80.5, "{line}");
        }
        assert_eq!(
            lines.join(" "),
            "The phone is answered before the third ring"
        );
        let long = wrap(&m, "Supercalifragilisticexpialidocious", 10.0, 40.0);
        assert!(long.len() > 1);
        assert_eq!(long.concat(), "Supercalifragilisticexpialidocious");
    }

    #[test]
    fn widths_are_positive_and_cjk_is_one_em() {
        let font = font();
        let m = Metrics::new(font);
        assert!((m.width("中", 10.0) - 10.0).abs() < 0.5);
        assert!(m.width("abc", 10.0) > 0.0);
        assert!(m.has_glyph('顧') && m.has_glyph('★'));
    }
}
