//! Words, numbers and signs of a sentence, each with its byte offsets in the text.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (with inner apostrophes): `Kazakhstan`, `TEUs`.
    Word,
    /// Digits with inner `,` or `.` between digits: `547.6`, `570,400`, `1,5`.
    Number,
    /// Any other character: `$`, `%`, `,`, `-`, `“`.
    Sign,
}

/// One token.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Byte offset of the first character in the text.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    pub kind: TokenKind,
    /// The token as written (a possessive `’s` left out).
    pub text: String,
    /// `text` in lower case.
    pub lower: String,
    /// The word was written with a possessive `’s` (`Kazakhstan’s`).
    pub possessive: bool,
    /// No space between this token and the one before.
    pub glued: bool,
}

impl Token {
    /// True for a word that starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The tokens of `text`, whose first byte is at `offset` in the whole text.
pub(crate) fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            while i < chars.len() {
                let d = chars[i].1;
                let next_digit = chars.get(i + 1).is_some_and(|n| n.1.is_ascii_digit());
                if d.is_ascii_digit() || ((d == ',' || d == '.') && next_digit) {
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphabetic() {
            i += 1;
            while i < chars.len() {
                let d = chars[i].1;
                let next_alpha = chars.get(i + 1).is_some_and(|n| n.1.is_alphabetic());
                if d.is_alphanumeric() || (is_apostrophe(d) && next_alpha) {
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else {
            i += 1;
            TokenKind::Sign
        };
        let end = chars.get(i).map_or(text.len(), |&(e, _)| e);
        let mut word = &text[at..end];
        let mut possessive = false;
        if kind == TokenKind::Word {
            for suffix in ["'s", "’s"] {
                if let Some(stem) = word.strip_suffix(suffix) {
                    word = stem;
                    possessive = true;
                }
            }
        }
        tokens.push(Token {
            start: offset + at,
            end: offset + end,
            kind,
            text: word.to_owned(),
            lower: word.to_lowercase(),
            possessive,
            glued: last_end == at && start > 0,
        });
        last_end = end;
    }
    tokens
}

/// True when the lowercase words of `tokens` from `at` are `words`.
pub(crate) fn words_at(tokens: &[Token], at: usize, words: &[String]) -> bool {
    !words.is_empty()
        && at + words.len() <= tokens.len()
        && words.iter().zip(&tokens[at..]).all(|(w, t)| *w == t.lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_separators_and_words_their_possessive() {
        let tokens = tokenize("Kazakhstan’s 570,400 tons, $547.6 and 1,5 (2%)", 0);
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Kazakhstan",
                "570,400",
                "tons",
                ",",
                "$",
                "547.6",
                "and",
                "1,5",
                "(",
                "2",
                "%",
                ")"
            ]
        );
        assert!(tokens[0].possessive);
        assert_eq!(
            (tokens[1].start, tokens[1].end),
            ("Kazakhstan’s ".len(), "Kazakhstan’s 570,400".len())
        );
        assert!(tokens[5].glued && !tokens[4].glued);
    }
}
