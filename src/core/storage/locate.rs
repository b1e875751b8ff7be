//! Where a value is written in a document's text, for pointing messages at
//! a line and column.

use super::Position;

/// Where `id: "ID"` is written in the text, for pointing findings at a line.
#[must_use]
pub fn locate_id(text: &str, id: &str) -> Option<Position> {
    locate_ids(text, id).into_iter().next()
}

/// Every place `id: "ID"` is written, in order.
#[must_use]
pub fn locate_ids(text: &str, id: &str) -> Vec<Position> {
    locate_values(text, "id", id)
}

/// Every place `FIELD: "VALUE"` is written, in order (e.g. a verdict's
/// `standard: "S-3"` in an inspection record).
#[must_use]
pub fn locate_values(text: &str, field: &str, value: &str) -> Vec<Position> {
    let needle = format!("{field}: \"{value}\"");
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            line.find(&needle).map(|byte| Position {
                line: i + 1,
                col: line[..byte].chars().count() + 1,
            })
        })
        .collect()
}
