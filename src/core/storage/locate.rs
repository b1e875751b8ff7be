//! Where a value is written in a document's text, for pointing messages at
//! a line and column.

use super::Position;
use super::lex::{Lexer, Token};

/// Where `id: "ID"` is written in the text, for pointing findings at a line.
#[must_use]
pub fn locate_id(text: &str, id: &str) -> Option<Position> {
    locate_values(text, "id", id).into_iter().next()
}

/// Every place `FIELD: "VALUE"` is written, in order (e.g. a verdict's
/// `standard: "S-3"` in an inspection record), however the file is laid out:
/// a field in a comment or inside another string is not a field, and
/// `id:"S-3"` or `id :\n "S-3"` is.
#[must_use]
pub fn locate_values(text: &str, field: &str, value: &str) -> Vec<Position> {
    fields(text, field)
        .filter(|(_, found)| found == value)
        .map(|(at, _)| at)
        .collect()
}

/// Every `FIELD: "VALUE"` of `field` in `text`: where the field's name is
/// written, and the string's value.
fn fields<'a>(text: &'a str, field: &'a str) -> impl Iterator<Item = (Position, String)> + 'a {
    let mut tokens = Lexer::new(text).peekable();
    std::iter::from_fn(move || {
        while let Some((at, token)) = tokens.next() {
            if token != Token::Ident(field) {
                continue;
            }
            if tokens.next_if(|(_, t)| *t == Token::Punct(':')).is_none() {
                continue;
            }
            if let Some((_, Token::Str(value))) =
                tokens.next_if(|(_, t)| matches!(t, Token::Str(_)))
            {
                return Some((at, value));
            }
        }
        None
    })
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
        let mut places: std::collections::HashMap<String, Vec<Position>> =
            std::collections::HashMap::new();
        for (at, value) in fields(text, field) {
            places.entry(value).or_default().push(at);
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

    /// Laid out by hand: a commented-out line, no space after the colon, a
    /// line break between field and value, and a field name inside a string.
    /// A search for `id: "S-1"` found the comment and missed the rest.
    #[test]
    fn a_hand_formatted_file_is_located_by_its_tokens() {
        let text = "StandardsSet( /* id: \"S-1\" was here */\n  // id: \"S-1\",\n  title: \"id: \\\"S-2\\\"\",\n  items: [(id:\"S-1\"), (id\n   :\n \"S-2\"), (r#id: r\"S-3\")],\n)";
        assert_eq!(locate_id(text, "S-1"), Some(Position { line: 4, col: 12 }));
        assert_eq!(
            locate_values(text, "id", "S-2"),
            vec![Position { line: 4, col: 24 }]
        );
        assert_eq!(locate_id(text, "S-3"), Some(Position { line: 6, col: 11 }));
        let index = ValueIndex::new(text, "id");
        assert_eq!(index.get("S-2"), &[Position { line: 4, col: 24 }]);
    }
}
