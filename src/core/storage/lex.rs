//! A small tokenizer for RON text: enough to find where a field's value is
//! written, and what kind of document a file is, in a file formatted by
//! hand (comments, strings with escapes, raw strings, line breaks anywhere).
//! It never fails: anything it does not know is one `Other` character, and a
//! string or comment cut off at the end of the text simply ends there.

use super::Position;

/// One token of RON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `StandardsSet`, `title`, `true`, `r#type` (without the `r#`).
    Ident(&'a str),
    /// A string's value, escapes resolved (`"a\"b"` is `a"b`).
    Str(String),
    /// One punctuation character: `( ) [ ] { } : , # !`.
    Punct(char),
    /// A number, a char literal or any other run of text, as written.
    Other(&'a str),
}

/// Tokens of `text` with where each starts.
pub struct Lexer<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    col: usize,
}

impl<'a> Lexer<'a> {
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            line: 1,
            col: 1,
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.text[self.at..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn here(&self) -> Position {
        Position {
            line: self.line,
            col: self.col,
        }
    }

    /// Skips blanks only.
    fn skip_blanks(&mut self) {
        while self
            .peek()
            .is_some_and(|c| c.is_whitespace() || c == '\u{feff}')
        {
            self.bump();
        }
    }

    /// Skips blanks and comments (`//` to the end of the line, `/* */`
    /// nested, as RON allows).
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() || c == '\u{feff}' => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    let mut depth = 1usize;
                    while depth > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => return,
                            (Some('*'), Some('/')) => {
                                self.bump();
                                depth -= 1;
                            }
                            (Some('/'), Some('*')) => {
                                self.bump();
                                depth += 1;
                            }
                            _ => {}
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// A quoted string's value; the opening quote is next.
    fn string(&mut self) -> String {
        self.bump();
        let mut value = String::new();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => match self.bump() {
                    Some('n') => value.push('\n'),
                    Some('t') => value.push('\t'),
                    Some('r') => value.push('\r'),
                    Some('0') => value.push('\0'),
                    Some('u') if self.peek() == Some('{') => {
                        self.bump();
                        let mut hex = String::new();
                        while let Some(h) = self.bump() {
                            if h == '}' {
                                break;
                            }
                            hex.push(h);
                        }
                        let decoded = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or(char::REPLACEMENT_CHARACTER);
                        value.push(decoded);
                    }
                    Some('x') => {
                        let hex: String =
                            [self.bump(), self.bump()].into_iter().flatten().collect();
                        let decoded = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or(char::REPLACEMENT_CHARACTER);
                        value.push(decoded);
                    }
                    // A backslash before a line break continues the string.
                    Some('\n') => {
                        while self.peek().is_some_and(char::is_whitespace) {
                            self.bump();
                        }
                    }
                    Some(other) => value.push(other),
                    None => break,
                },
                other => value.push(other),
            }
        }
        value
    }

    /// `r"…"` or `r#"…"#` (any number of `#`); the `r` is next.
    fn raw_string(&mut self) -> String {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.bump(); // the quote
        let close: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        let rest = &self.text[self.at..];
        let len = rest.find(&close).unwrap_or(rest.len());
        let value = rest[..len].to_owned();
        let end = (self.at + len + close.len()).min(self.text.len());
        while self.at < end {
            self.bump();
        }
        value
    }

    /// Whether a raw string (`r"`, `r#"`, `r##"` …) starts `skip` bytes on.
    fn at_raw_string(&self, skip: usize) -> bool {
        let rest = self.text.get(self.at + skip..).unwrap_or("");
        rest.strip_prefix('r')
            .is_some_and(|r| r.trim_start_matches('#').starts_with('"'))
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = (Position, Token<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.skip_trivia();
        let at = self.here();
        let start = self.at;
        let c = self.peek()?;
        let token = match c {
            '"' => Token::Str(self.string()),
            'b' if self.peek_at(1) == Some('"') => {
                self.bump();
                Token::Str(self.string())
            }
            'r' if self.at_raw_string(0) => Token::Str(self.raw_string()),
            'b' if self.at_raw_string(1) => {
                self.bump();
                Token::Str(self.raw_string())
            }
            '\'' => {
                // A char literal: '"' must not open a string.
                self.bump();
                if self.bump() == Some('\\') {
                    self.bump();
                }
                while let Some(c) = self.bump() {
                    if c == '\'' {
                        break;
                    }
                }
                Token::Other(&self.text[start..self.at])
            }
            c if c.is_alphabetic() || c == '_' => {
                let raw = self.text[self.at..].starts_with("r#")
                    && self
                        .peek_at(2)
                        .is_some_and(|c| c.is_alphabetic() || c == '_');
                if raw {
                    self.bump();
                    self.bump();
                }
                let start = self.at;
                while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    self.bump();
                }
                Token::Ident(&self.text[start..self.at])
            }
            '(' | ')' | '[' | ']' | '{' | '}' | ':' | ',' | '#' | '!' => {
                self.bump();
                Token::Punct(c)
            }
            _ => {
                // A number or anything else: up to the next separator.
                self.bump();
                while self
                    .peek()
                    .is_some_and(|c| !(c.is_whitespace() || "()[]{}:,\"'/".contains(c)))
                {
                    self.bump();
                }
                Token::Other(&self.text[start..self.at])
            }
        };
        Some((at, token))
    }
}

/// Whether `text` has a comment (`//` or `/* */`) outside its strings:
/// writing a document back in canonical form would drop it.
#[must_use]
pub fn has_comments(text: &str) -> bool {
    let mut lexer = Lexer::new(text);
    loop {
        lexer.skip_blanks();
        let rest = &lexer.text[lexer.at..];
        if rest.starts_with("//") || rest.starts_with("/*") {
            return true;
        }
        if lexer.next().is_none() {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token<'_>> {
        Lexer::new(text).map(|(_, t)| t).collect()
    }

    #[test]
    fn comments_strings_and_raw_strings_are_tokens_not_text() {
        let text = "/* a /* nested */ comment */ X( // id: \"no\"\n a: \"q\\\"\\u{4e2d}\", b: r#\"x\"y\"#, c: '\"', d: -1.5e3)";
        assert_eq!(
            tokens(text),
            vec![
                Token::Ident("X"),
                Token::Punct('('),
                Token::Ident("a"),
                Token::Punct(':'),
                Token::Str("q\"中".to_owned()),
                Token::Punct(','),
                Token::Ident("b"),
                Token::Punct(':'),
                Token::Str("x\"y".to_owned()),
                Token::Punct(','),
                Token::Ident("c"),
                Token::Punct(':'),
                Token::Other("'\"'"),
                Token::Punct(','),
                Token::Ident("d"),
                Token::Punct(':'),
                Token::Other("-1.5e3"),
                Token::Punct(')'),
            ]
        );
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments("X(\n  // a note\n)"));
        assert!(has_comments("X(a: 1, /* b */)"));
        assert!(!has_comments("X(url: \"http://x/*y*/\")"));
    }

    #[test]
    fn cut_off_text_ends_quietly() {
        for text in ["\"abc", "/* open", "r##\"x", "'", "\"\\u{12", "\"\\"] {
            let _ = tokens(text);
        }
        let at: Vec<_> = Lexer::new("a\n  é: b").map(|(p, _)| p).collect();
        // Columns count characters: `é` is two bytes and one column.
        assert_eq!(at[1], Position { line: 2, col: 3 });
        assert_eq!(at[3], Position { line: 2, col: 6 });
    }
}
