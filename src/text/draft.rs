//! The reader's result: a draft of figures, claims and events, each with the sentence
//! it came from, the words that decided each field and a confidence, for a person to
//! review before anything is stored.

use serde::Serialize;

use crate::model::{Qualifier, Relation, Status};
use crate::period::Period;

/// What a draft item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// A figure: a value with its unit, period, direction and status.
    Figure,
    /// A claim about a figure against another ("more than tripling", "a 2% increase").
    Claim,
    /// A dated happening ("signed on 12 March").
    Event,
}

impl ItemKind {
    /// `figure`, `claim` or `event`.
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Figure => "figure",
            ItemKind::Claim => "claim",
            ItemKind::Event => "event",
        }
    }
}

/// Why a field of an item has its value: the words of the text that decided it
/// (quoted), or the rule that filled it in when the text did not say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The field: `value`, `unit`, `qualifier`, `period`, `indicator`, `origin`,
    /// `destination`, `status`, `relation`, `reference`, `date`, `product`.
    pub field: String,
    /// The words, or the rule.
    pub text: String,
}

/// One figure, claim or event read from the text. The fields are those
/// [`Store::add_many`](crate::Store) (figures), `add_claim` and `add_event` take;
/// a field the text does not give is `None`, with a reason saying so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Figure, claim or event.
    pub kind: ItemKind,
    /// Indicator code (figures and claims), from the words around the number.
    pub indicator: Option<String>,
    /// Origin country, ISO alpha-3 (for an undirected indicator, the first of the pair).
    pub origin: Option<String>,
    /// Destination country, ISO alpha-3.
    pub destination: Option<String>,
    /// Product code, for trade figures that name one ("wheat"); `None` for the total.
    pub product: Option<String>,
    /// The period of a figure or claim; the date of an event (a day, month, quarter or
    /// year: its precision is the period's length).
    pub period: Option<Period>,
    /// The value in base units: 547.6 million USD is `547600000` (no scale to apply).
    /// For a claim, the number of its relation (3 for "tripling", 2 for "2%").
    pub value: Option<f64>,
    /// The unit: a currency code, `t`, `TEU`, `persons`, `count` … (figures).
    pub unit: Option<String>,
    /// The hedge on the number ("over", "nearly").
    pub qualifier: Option<Qualifier>,
    /// Actual, target or projection (figures).
    pub status: Option<Status>,
    /// How a claim relates its figure to the reference.
    pub relation: Option<Relation>,
    /// What a claim's figure is set against: a period, or `record`.
    pub reference: Option<String>,
    /// Event kind: `signing`, `meeting`, `summit`, `call`, `visit`, `exercise`,
    /// `forum`, `milestone`.
    pub event_kind: Option<String>,
    /// The item's own words: the amount as written, the claim's words, or the
    /// sentence's words for an event.
    pub words: String,
    /// The source id the item cites: [`ReadOptions::source`](super::ReadOptions).
    pub source: Option<String>,
    /// The sentence it came from, exactly as in the text.
    pub quote: String,
    /// Where the quote starts in the text, in characters (Unicode scalar values, as
    /// Python counts them), from 0.
    pub start: usize,
    /// Where the quote ends (exclusive), in characters.
    pub end: usize,
    /// Why each field has its value.
    pub reasons: Vec<Reason>,
    /// How sure the reader is, from 0 to 1: lower for every field it had to fill in
    /// rather than read.
    pub confidence: f64,
}

impl Item {
    /// The reason given for `field`, if any.
    pub fn reason(&self, field: &str) -> Option<&str> {
        self.reasons
            .iter()
            .find(|r| r.field == field)
            .map(|r| r.text.as_str())
    }
}

/// What [`read_text`](super::read_text) found, in text order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Draft {
    /// Every item: figures, then claims, then events, each in text order.
    pub items: Vec<Item>,
}

impl Draft {
    /// The items of one kind.
    pub fn of_kind(&self, kind: ItemKind) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.kind == kind)
    }

    /// The figures.
    pub fn figures(&self) -> impl Iterator<Item = &Item> {
        self.of_kind(ItemKind::Figure)
    }

    /// The claims.
    pub fn claims(&self) -> impl Iterator<Item = &Item> {
        self.of_kind(ItemKind::Claim)
    }

    /// The events.
    pub fn events(&self) -> impl Iterator<Item = &Item> {
        self.of_kind(ItemKind::Event)
    }
}
