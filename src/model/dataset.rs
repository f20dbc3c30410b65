//! A dataset: sources, topics, indicators, products, observations, events, claims and
//! populations to load together, as the built-in datasets and the JSON dataset files
//! hold them.

use serde::{Deserialize, Serialize};

use super::{Indicator, NewClaim, NewEvent, NewObservation, Product, Source, Topic};

/// A dataset file: sources, indicators, observations, events and claims to load together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Name used to load it.
    pub name: String,
    /// A title for people.
    pub title: String,
    /// What it contains.
    #[serde(default)]
    pub description: Option<String>,
    /// Sources its figures cite.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Report topics with their section titles (added unless the store already has
    /// them; before the indicators, which may name them).
    #[serde(default)]
    pub topics: Vec<DatasetTopic>,
    /// Indicators it uses (added unless the store already has them).
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Names (and classifications) of the products its figures use, as
    /// [`crate::Store::add_products`] adds them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<Product>,
    /// The figures.
    #[serde(default)]
    pub observations: Vec<NewObservation>,
    /// Dated events.
    #[serde(default)]
    pub events: Vec<NewEvent>,
    /// What the texts say about the figures ("more than tripling"), kept as claims.
    #[serde(default)]
    pub claims: Vec<NewClaim>,
    /// Populations to set, as [`crate::Store::set_population`] does (replacing any stored
    /// value for the country and year).
    #[serde(default)]
    pub populations: Vec<DatasetPopulation>,
}

/// A report topic in a dataset file: its code and the title of its section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetTopic {
    /// The topic's code.
    pub code: Topic,
    /// The title of its section.
    pub title: String,
}

/// A population figure in a dataset file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetPopulation {
    /// The country: alpha-3, alpha-2 or English name.
    pub country: String,
    /// The year.
    pub year: i32,
    /// How many people.
    pub value: i64,
    /// Source id (must exist).
    #[serde(default)]
    pub source: Option<String>,
}
