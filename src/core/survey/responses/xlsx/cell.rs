//! What a sheet's cells are, for both readers of them ([`super::sheet`]
//! and [`super::fast`]): where a cell is, how a number is written as text,
//! what takes the cells and why a pass stops.

/// The most rows and columns a sheet has (Excel's own limits, XFD1048576):
/// a cell reference past them is a broken file, not a reason to allocate.
pub(super) const MAX_ROWS: u32 = 1_048_576;
pub(super) const MAX_COLUMNS: u32 = 16_384;

/// Why a pass over the cells stopped.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// The consumer cannot take the cells in the order they come.
    OutOfOrder,
    /// The rectangle of the cells read is past the limit: that many cells.
    TooManyCells(usize),
    /// The sheet is not a worksheet (a chart sheet stored as one, say).
    NotAWorksheet,
    /// The sheet's XML or a cell is broken: said with the cell it is in or after.
    Broken(String),
}

/// What takes a sheet's cells.
pub(super) trait Sink {
    /// A cell that holds a value, as `(row, column, text)`; it may take
    /// the text's buffer.
    fn cell(&mut self, row: u32, column: u32, text: &mut String) -> Result<(), Stop>;
    /// Forget the cells so far: they come again from the first.
    fn restart(&mut self);
}

/// A cell reference (`B7`) as (row, column) from 0, within Excel's limits.
pub(super) fn cell_reference(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut column: u32 = 0;
    for b in &r[..letters] {
        column = column * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    let digits = &r[letters..];
    if digits.is_empty() || digits.len() > 7 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let row = digits
        .iter()
        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    ((1..=MAX_ROWS).contains(&row) && column <= MAX_COLUMNS).then(|| (row - 1, column - 1))
}

/// A number cell's `<v>` as the reader takes it, into `out`: whole
/// numbers without a decimal point (a score typed as 4 is stored as 4 or
/// 4.0), others as Rust writes the f64. `false` when it is no number.
pub(super) fn number_text(raw: &str, out: &mut String) -> bool {
    use std::fmt::Write as _;
    let b = raw.as_bytes();
    // The common case, a short whole number as written: already so.
    if !b.is_empty()
        && b.len() <= 15
        && b.iter().all(u8::is_ascii_digit)
        && (b[0] != b'0' || b.len() == 1)
    {
        out.push_str(raw);
        return true;
    }
    let Ok(f) = raw.trim().parse::<f64>() else {
        return false;
    };
    // Writing to a String cannot fail.
    let _ = if f.fract() == 0.0 && f.abs() < 1e15 {
        // Whole and below 1e15: exact as an integer.
        #[expect(clippy::cast_possible_truncation, reason = "whole and below 1e15")]
        let whole = f as i64;
        if whole == 0 && f.is_sign_negative() {
            out.push_str("-0");
            Ok(())
        } else {
            write!(out, "{whole}")
        }
    } else {
        write!(out, "{f}")
    };
    true
}
