//! Reading English news text into a draft of figures, claims and events
//! ([`read_text`]), each with the sentence it came from, the words that decided each
//! field and a confidence.
//!
//! The reader is a set of rules over the library's own grammars (periods, qualifiers,
//! claim words) and the word lists of `data/text_synonyms.json`; it downloads nothing
//! and gives the same draft for the same text. It reads one sentence at a time:
//!
//! - **figures**: every number with a unit ("$547.6 million", "1,5 million tons",
//!   "40,200 TEUs", "nearly 150 Kazakh enterprises"), its hedge, the period next to
//!   it, the indicator named nearest to it, the direction from the countries around it
//!   ("Kazakh tourists traveling to Azerbaijan") and its status ("a 2025 target of",
//!   "is expected to");
//! - **claims**: growth and comparison words ("more than tripling", "a 2% increase",
//!   "up from", "slightly below the 2023 record"), tied to the figure they speak of
//!   and the period they compare it with;
//! - **events**: dated happenings ("signed in March 2025", "on May 17", "set to
//!   commence in 2026").
//!
//! What it cannot do: read tables (a table's cells are not sentences), read any
//! language but English, or join a figure whose value, unit and period are spread over
//! several sentences ("Exports grew. They reached $5 million.") beyond the few
//! carries it states (a period or direction taken from the sentence before, "the same
//! period", "including"). It invents nothing: no figure without a number in the
//! sentence, no period the text does not give (a period taken from the sentence
//! before, or counted from the date of publication, says so in its reason; one that
//! cannot be known is left empty), no base for a claim the text does not name (the
//! claim's reference is then the same period a year earlier, as `add_claim` takes
//! it, and the reason says so).

mod accept;
mod amounts;
mod check;
mod claims;
mod countries;
mod directions;
mod draft;
mod events;
mod fact_check;
mod figures;
mod indicators;
mod lexicon;
mod periods;
mod sentences;
mod tokens;

use time::Date;

pub use accept::indicator_definition;
pub use check::{TextCheck, CHECK_COLUMNS};
pub use draft::{Draft, Item, ItemKind, Reason, DRAFT_COLUMNS};
pub use sentences::{split_sentences, Sentence};

use amounts::Amount;
use countries::CountryMention;
use lexicon::Lexicon;
use periods::Mention;
use tokens::Token;

/// What the reader may know beside the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The pair the text is about, as alpha-3 codes (`("AZE", "KAZ")`): an undirected
    /// figure takes it as origin and destination, and a figure that names one end of
    /// its flow takes the other end from it. Without it, the two countries the text
    /// names most often (first named first).
    pub pair: Option<(String, String)>,
    /// The source id the items will cite (kept for the dataset a draft becomes).
    pub source: Option<String>,
    /// When the text was published: "last year" and "this year" are counted from it,
    /// and a count the text gives without a period ("over 170 agreements") is taken
    /// as of its year, the reason saying so.
    pub published: Option<Date>,
}

/// One sentence with everything found in it.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub sentence: Sentence,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub countries: Vec<CountryMention>,
    pub amounts: Vec<Amount>,
}

/// What every part of the reader shares.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub lexicon: &'static Lexicon,
    pub pair: Option<(String, String)>,
    pub pair_reason: String,
    pub published: Option<Date>,
    pub source: Option<String>,
    /// Character offset of every byte offset (for the items' `start` and `end`).
    chars_at: Vec<usize>,
}

impl Context<'_> {
    /// The other country of the pair, if `alpha3` is one of it.
    pub fn other(&self, alpha3: &str) -> Option<String> {
        let (a, b) = self.pair.as_ref()?;
        if a == alpha3 {
            Some(b.clone())
        } else if b == alpha3 {
            Some(a.clone())
        } else {
            None
        }
    }

    /// The quote of a sentence and its character offsets.
    pub fn quote(&self, sentence: &Sentence) -> (String, usize, usize) {
        (
            self.text[sentence.start..sentence.end].to_owned(),
            self.chars_at[sentence.start],
            self.chars_at[sentence.end],
        )
    }

    /// The text from token `first` to token `last` of a sentence, as written.
    pub fn words(&self, tokens: &[Token], first: usize, last: usize) -> String {
        self.text[tokens[first].start..tokens[last].end].to_owned()
    }
}

/// Reads English news text into a draft of figures, claims and events.
///
/// ```
/// use bilateral::text::{read_text, ReadOptions};
///
/// let draft = read_text(
///     "Trade between Azerbaijan and Kazakhstan reached $547.6 million in the first \
///      eight months of 2025, more than tripling compared to the same period in 2024.",
///     &ReadOptions::default(),
/// );
/// let figure = draft.figures().next().unwrap();
/// assert_eq!(figure.value, Some(547_600_000.0));
/// assert_eq!(figure.period.unwrap().to_string(), "2025-01/2025-08");
/// let claim = draft.claims().next().unwrap();
/// assert_eq!(claim.reference.as_deref(), Some("2024-01/2024-08"));
/// ```
pub fn read_text(text: &str, options: &ReadOptions) -> Draft {
    let lexicon = Lexicon::get();
    let mut parsed: Vec<Parsed> = split_sentences(text)
        .into_iter()
        .map(|sentence| {
            let tokens = tokens::tokenize(&text[sentence.start..sentence.end], sentence.start);
            let mentions = periods::find_mentions(&tokens);
            let mut taken = vec![false; tokens.len()];
            for m in &mentions {
                for t in &mut taken[m.first..=m.last] {
                    *t = true;
                }
            }
            let countries = countries::find_countries(&tokens, lexicon);
            let amounts = amounts::find_amounts(&tokens, &taken, lexicon);
            Parsed {
                sentence,
                tokens,
                mentions,
                countries,
                amounts,
            }
        })
        .collect();
    {
        let mut all: Vec<&mut Mention> = parsed
            .iter_mut()
            .flat_map(|p| p.mentions.iter_mut())
            .collect();
        periods::fill_years(&mut all, options.published);
    }
    let (pair, pair_reason) = match &options.pair {
        Some(pair) => (
            Some(pair.clone()),
            "the pair given to the reader".to_owned(),
        ),
        None => main_pair(&parsed),
    };
    let mut chars_at = vec![0; text.len() + 1];
    let mut count = 0;
    for (at, c) in text.char_indices() {
        for slot in &mut chars_at[at..at + c.len_utf8()] {
            *slot = count;
        }
        count += 1;
    }
    chars_at[text.len()] = count;
    let context = Context {
        text,
        lexicon,
        pair,
        pair_reason,
        published: options.published,
        source: options.source.clone(),
        chars_at,
    };
    let figures = figures::read_figures(&parsed, &context);
    let claims = claims::read_claims(&parsed, &figures, &context);
    let events = events::read_events(&parsed, &figures, &context);
    let mut items: Vec<Item> = figures.into_iter().map(|f| f.item).collect();
    items.extend(claims);
    items.extend(events);
    Draft { items }
}

/// The ISO alpha-3 code of a country given by its code (`AZE`, `az`), its name
/// ("Azerbaijan", "Republic of Türkiye") or a short name news use ("UAE"); `None` for
/// anything else.
///
/// ```
/// use bilateral::text::country_code;
///
/// assert_eq!(country_code("az").as_deref(), Some("AZE"));
/// assert_eq!(country_code("Türkiye").as_deref(), Some("TUR"));
/// assert_eq!(country_code("Atlantis"), None);
/// ```
pub fn country_code(name: &str) -> Option<String> {
    let trimmed = name.trim();
    let upper = trimmed.to_uppercase();
    if let Some(country) = crate::builtin::countries()
        .ok()?
        .into_iter()
        .find(|c| c.alpha3 == upper || c.alpha2 == upper)
    {
        return Some(country.alpha3);
    }
    let words = lexicon::phrase_words(trimmed);
    Lexicon::get()
        .countries
        .iter()
        .find(|(w, _)| *w == words)
        .map(|(_, code)| code.clone())
}

/// The two countries the text names most often, the first named first.
fn main_pair(parsed: &[Parsed]) -> (Option<(String, String)>, String) {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (order, country) in parsed.iter().flat_map(|p| p.countries.iter()).enumerate() {
        match counts.iter_mut().find(|c| c.0 == country.alpha3) {
            Some(c) => c.1 += 1,
            None => counts.push((country.alpha3.clone(), 1, order)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    if counts.len() < 2 {
        return (None, "the text names fewer than two countries".to_owned());
    }
    let (mut a, mut b) = (counts[0].clone(), counts[1].clone());
    if b.2 < a.2 {
        std::mem::swap(&mut a, &mut b);
    }
    let reason = format!(
        "the two countries the text names most often: {} ({} times) and {} ({} times)",
        a.0, a.1, b.0, b.1
    );
    (Some((a.0, b.0)), reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every quote is the text between its character offsets.
    fn quotes_hold(text: &str, draft: &Draft) -> bool {
        let chars: Vec<char> = text.chars().collect();
        draft.items.iter().all(|i| {
            i.start <= i.end
                && i.end <= chars.len()
                && chars[i.start..i.end].iter().collect::<String>() == i.quote
        })
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_without_panic_and_quotes_its_own_sentences(text in "\\PC{0,300}") {
            let draft = read_text(&text, &ReadOptions::default());
            proptest::prop_assert!(quotes_hold(&text, &draft));
        }

        #[test]
        fn news_shaped_text_reads_without_panic(
            text in "((In|in|from|to|by|since|over|nearly|the|first|eight|months|of|January|May|–|-|, |\\. |\\n|\\$|%|million|tons|TEUs|Kazakh|Azerbaijan’s|Kazakhstan|exports|tourists|record|tripling|up|from|same|period|last|year|[0-9]{1,4}|[0-9]{1,3},[0-9]{1,3}|[0-9]\\.[0-9]) ){0,40}"
        ) {
            let options = ReadOptions {
                published: Some(time::macros::date!(2025 - 10 - 01)),
                ..ReadOptions::default()
            };
            let draft = read_text(&text, &options);
            proptest::prop_assert!(quotes_hold(&text, &draft));
        }
    }
}
