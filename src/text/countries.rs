//! Countries named in a sentence: by name ("Kazakhstan", "the United States"), alias
//! ("Turkey", "UK") or demonym ("Azerbaijani", "Kazakh"), with the words around them
//! that say which end of a flow they are.

use super::lexicon::Lexicon;
use super::tokens::{words_at, Token};

/// A country named in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct CountryMention {
    /// First and last token, as indices into the sentence's tokens.
    pub first: usize,
    pub last: usize,
    pub alpha3: String,
    /// Named by its demonym ("Kazakh enterprises").
    pub demonym: bool,
    /// The word before it (lowercase): "to", "from", "in", "visited" …
    pub before: String,
    /// Written with a possessive ("Kazakhstan’s exports").
    pub possessive: bool,
}

/// Every country named in the tokens, in order.
pub(crate) fn find_countries(tokens: &[Token], lexicon: &Lexicon) -> Vec<CountryMention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !t.is_capitalized() && !t.text.chars().all(|c| c.is_ascii_uppercase()) {
            i += 1;
            continue;
        }
        let before = if i == 0 {
            String::new()
        } else {
            tokens[i - 1].lower.clone()
        };
        if let Some(alpha3) = lexicon.demonyms.get(&t.text) {
            found.push(CountryMention {
                first: i,
                last: i,
                alpha3: alpha3.clone(),
                demonym: true,
                before,
                possessive: false,
            });
            i += 1;
            continue;
        }
        // "the Republic of Azerbaijan" reads from its first capital.
        let named = lexicon
            .countries
            .iter()
            .find(|(words, _)| words_at(tokens, i, words));
        if let Some((words, alpha3)) = named {
            let last = i + words.len() - 1;
            found.push(CountryMention {
                first: i,
                last,
                alpha3: alpha3.clone(),
                demonym: false,
                before,
                possessive: tokens[last].possessive,
            });
            i = last + 1;
            continue;
        }
        i += 1;
    }
    found
}
