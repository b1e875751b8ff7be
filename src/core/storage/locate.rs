//! Where a value is written in a document's text, for pointing messages at
//! a line and column.

use super::Position;

/// Where `id: "ID"` is written in the text, for pointing findings at a line.
#[must_use]
pub fn locate_id(text: &str, id: &str) -> Option<Position> {
    locate_values(text, "id", id).into_iter().next()
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

/// Every `FIELD: "VALUE"` of one field in a text, found in one pass, so that
/// pointing thousands of findings at their lines takes time in proportion to
/// the text, not to the text times the findings.
#[derive(Debug, Default)]
pub struct ValueIndex {
    places: std::collections::HashMap<String, Vec<Position>>,
}

impl ValueIndex {
    #[must_use]
    pub fn new(text: &str, field: &str) -> Self {
        let prefix = format!("{field}: \"");
        let mut places: std::collections::HashMap<String, Vec<Position>> =
            std::collections::HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let mut from = 0;
            while let Some(found) = line[from..].find(&prefix) {
                let start = from + found;
                let value_start = start + prefix.len();
                let Some(len) = line[value_start..].find('"') else {
                    break;
                };
                places
                    .entry(line[value_start..value_start + len].to_owned())
                    .or_default()
                    .push(Position {
                        line: i + 1,
                        col: line[..start].chars().count() + 1,
                    });
                from = value_start + len + 1;
            }
        }
        Self { places }
    }

    /// Where `value` is written, in order.
    #[must_use]
    pub fn get(&self, value: &str) -> &[Position] {
        self.places.get(value).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let text = "a: 1\n    id: \"S-1\",\n  x: (id: \"S-2\", y: 1), (id: \"S-1\")\nid: \"S-3";
        let index = ValueIndex::new(text, "id");
        for id in ["S-1", "S-2", "S-3", "S-4"] {
            assert_eq!(
                index.get(id),
                locate_values(text, "id", id).as_slice(),
                "{id}"
            );
        }
        assert_eq!(index.get("S-1").len(), 2);
    }
}
