//! The reader's words, read once from `data/text_synonyms.json` (indicator phrases,
//! units, scales, demonyms, status and event words) and from the countries the store
//! knows (`data/countries.json`, their common names and aliases).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::builtin;

/// An indicator and the phrases that name it.
#[derive(Debug, Deserialize)]
pub(crate) struct IndicatorWords {
    pub indicator: String,
    pub unit: String,
    pub directed: bool,
    pub stock: bool,
    pub phrases: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CountNoun {
    words: Vec<String>,
    unit: String,
}

#[derive(Debug, Deserialize)]
struct UnitWords {
    unit: String,
    words: Vec<String>,
    #[serde(default)]
    times: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct Status {
    target: Vec<String>,
    projection: Vec<String>,
    estimate: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct File {
    indicators: Vec<IndicatorWords>,
    count_nouns: Vec<CountNoun>,
    units: Vec<UnitWords>,
    currency_signs: HashMap<String, String>,
    scales: HashMap<String, f64>,
    number_words: HashMap<String, f64>,
    demonyms: HashMap<String, String>,
    country_aliases: HashMap<String, String>,
    status: Status,
    events: HashMap<String, Vec<String>>,
    products: HashMap<String, String>,
}

/// A unit named by words after a number: the unit code and what it multiplies by.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub unit: String,
    pub times: f64,
}

/// Every list the reader matches, with multi-word entries split into lowercase words.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub indicators: Vec<IndicatorWords>,
    /// Lowercase noun → unit (`persons`, `count`).
    pub count_nouns: HashMap<String, String>,
    /// Unit phrases as lowercase words, longest first.
    pub units: Vec<(Vec<String>, Unit)>,
    pub currency_signs: HashMap<String, String>,
    pub scales: HashMap<String, f64>,
    pub number_words: HashMap<String, f64>,
    /// Demonym (as written) → alpha-3.
    pub demonyms: HashMap<String, String>,
    /// Lowercase country names (as words) → alpha-3, longest first.
    pub countries: Vec<(Vec<String>, String)>,
    pub target_words: Vec<Vec<String>>,
    pub projection_words: Vec<Vec<String>>,
    pub estimate_words: Vec<Vec<String>>,
    /// Event kind and its words.
    pub events: Vec<(String, Vec<String>)>,
    /// Product phrase as lowercase words → product code.
    pub products: Vec<(Vec<String>, String)>,
}

/// A phrase as the lowercase words the tokenizer gives ("baku-tbilisi-ceyhan" is
/// `baku`, `-`, `tbilisi`, …).
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    super::tokens::tokenize(phrase, 0)
        .into_iter()
        .map(|t| t.lower)
        .collect()
}

fn longest_first<T>(mut list: Vec<(Vec<String>, T)>) -> Vec<(Vec<String>, T)> {
    list.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
    list
}

impl Lexicon {
    /// The lexicon, read on first use; the data file ships inside the crate, so a
    /// failure to read it is a defect caught by the tests.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let file: File = serde_json::from_str(include_str!("../../data/text_synonyms.json"))
                .expect("data/text_synonyms.json is valid (checked by the tests)");
            Lexicon::from_file(file)
        })
    }

    fn from_file(file: File) -> Lexicon {
        let mut count_nouns = HashMap::new();
        for noun in file.count_nouns {
            for word in noun.words {
                count_nouns.insert(word.to_lowercase(), noun.unit.clone());
            }
        }
        let units = file
            .units
            .into_iter()
            .flat_map(|u| {
                let unit = Unit {
                    unit: u.unit,
                    times: u.times.unwrap_or(1.0),
                };
                u.words
                    .into_iter()
                    .map(move |w| (phrase_words(&w), unit.clone()))
            })
            .collect();
        let mut countries = Vec::new();
        for country in builtin::countries().unwrap_or_default() {
            for name in [Some(&country.name), country.official_name.as_ref()]
                .into_iter()
                .flatten()
            {
                countries.push((phrase_words(name), country.alpha3.clone()));
            }
        }
        for (alpha3, name) in builtin::COMMON_NAMES {
            countries.push((phrase_words(name), (*alpha3).to_owned()));
        }
        for (alias, alpha3) in builtin::COUNTRY_ALIASES {
            countries.push((phrase_words(alias), (*alpha3).to_owned()));
        }
        for (alias, alpha3) in file.country_aliases {
            countries.push((phrase_words(&alias), alpha3));
        }
        let words = |list: Vec<String>| list.iter().map(|w| phrase_words(w)).collect();
        let mut events: Vec<(String, Vec<String>)> = file.events.into_iter().collect();
        events.sort();
        Lexicon {
            indicators: file.indicators,
            count_nouns,
            units: longest_first(units),
            currency_signs: file.currency_signs,
            scales: file.scales,
            number_words: file.number_words,
            demonyms: file.demonyms,
            countries: longest_first(countries),
            target_words: words(file.status.target),
            projection_words: words(file.status.projection),
            estimate_words: words(file.status.estimate),
            events,
            products: longest_first(
                file.products
                    .into_iter()
                    .map(|(name, code)| (phrase_words(&name), code))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{catalogue, is_currency, Dataset};
    use crate::model::Kind;

    #[test]
    fn every_indicator_of_the_word_list_is_shipped_with_its_unit_direction_and_kind() {
        let mut known = catalogue().unwrap();
        for name in builtin::datasets() {
            known.extend(Dataset::builtin(name).unwrap().indicators);
        }
        for entry in &Lexicon::get().indicators {
            let indicator = known
                .iter()
                .find(|i| i.code == entry.indicator)
                .unwrap_or_else(|| {
                    panic!(
                        "{} is neither in the catalogue nor a dataset",
                        entry.indicator
                    )
                });
            let unit_fits = indicator.unit == entry.unit
                || (entry.unit == "USD" && is_currency(&indicator.unit));
            assert!(
                unit_fits,
                "{}: {} against {}",
                entry.indicator, entry.unit, indicator.unit
            );
            assert_eq!(indicator.directed, entry.directed, "{}", entry.indicator);
            assert_eq!(
                indicator.kind != Kind::Flow,
                entry.stock,
                "{}",
                entry.indicator
            );
        }
    }

    #[test]
    fn every_demonym_and_short_name_is_a_country() {
        let codes: Vec<String> = builtin::countries()
            .unwrap()
            .into_iter()
            .map(|c| c.alpha3)
            .collect();
        let lexicon = Lexicon::get();
        for (word, code) in lexicon
            .demonyms
            .iter()
            .chain(lexicon.countries.iter().map(|(w, c)| (&w[0], c)))
        {
            assert!(codes.contains(code), "{word}: {code}");
        }
    }
}
