//! Sentences of a text with their byte offsets: a sentence ends at `.`, `!` or `?`
//! (with any closing quote or bracket) before a space and a capital, a digit or an
//! opening quote, and at every line end; a full stop after an abbreviation ("Jan.",
//! "U.S.", "Mr.") or inside a number ("1.5") ends nothing.

/// One sentence: byte offsets into the text (`start..end`, trimmed) and the line
/// (paragraph) it is in, counted from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The paragraph (line) it belongs to.
    pub paragraph: usize,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "inc", "ltd", "co", "corp", "gen", "col",
    "lt", "gov", "sen", "rep", "e.g", "i.e", "approx", "est", "bln", "mln",
];

/// The sentences of `text`, in order.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for (paragraph, line) in text.split('\n').enumerate() {
        split_line(line, line_start, paragraph, &mut sentences);
        line_start += line.len() + 1;
    }
    sentences
}

fn split_line(line: &str, offset: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let space = j < chars.len() && chars[j].1.is_whitespace();
            let next = chars[j..].iter().find(|(_, c)| !c.is_whitespace());
            let opens = next.is_some_and(|&(_, n)| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '(')
            });
            if space && opens && !(c == '.' && after_abbreviation(&line[..at])) {
                let end = chars.get(j).map_or(line.len(), |&(e, _)| e);
                push(line, start, end, offset, paragraph, out);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(line, start, line.len(), offset, paragraph, out);
}

/// True when the text before a full stop ends in an abbreviation or a single letter
/// ("U.S").
fn after_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    let last = lower.rsplit('.').next().unwrap_or_default();
    ABBREVIATIONS.contains(&lower.as_str()) || last.chars().count() == 1
}

fn push(
    line: &str,
    start: usize,
    end: usize,
    offset: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let piece = &line[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = offset + start + lead;
        out.push(Sentence {
            start: s,
            end: s + trimmed.len(),
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_and_decimals_end_no_sentence() {
        assert_eq!(
            texts("Trade rose 1.5 times in Jan. 2024 with the U.S. and China. Exports fell.\nA heading"),
            ["Trade rose 1.5 times in Jan. 2024 with the U.S. and China.", "Exports fell.", "A heading"]
        );
    }

    #[test]
    fn a_closing_quote_stays_with_its_sentence() {
        assert_eq!(
            texts("He said “it grows.” Then 2024 came."),
            ["He said “it grows.”", "Then 2024 came."]
        );
    }
}
