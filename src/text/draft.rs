//! The reader's result: a draft of figures, claims and events, each with the sentence
//! it came from, the words that decided each field and a confidence, for a person to
//! review before anything is stored.

use serde::Serialize;

use crate::columns::{Column, Columns};
use crate::error::{Error, Result};
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
    /// Whether the text gave every field the item needs to be stored: a figure its
    /// indicator, countries, period and value; a claim its indicator, countries, period
    /// and relation; an event its countries, date and kind.
    pub fn is_complete(&self) -> bool {
        let placed = self.origin.is_some() && self.destination.is_some() && self.period.is_some();
        placed
            && match self.kind {
                ItemKind::Figure => self.indicator.is_some() && self.value.is_some(),
                ItemKind::Claim => self.indicator.is_some() && self.relation.is_some(),
                ItemKind::Event => self.event_kind.is_some(),
            }
    }

    /// The reasons in one line: `field: words; field: words`.
    pub fn reasons_text(&self) -> String {
        self.reasons
            .iter()
            .map(|r| format!("{}: {}", r.field, r.text))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The note an item carries into the store: that the reader read it, how sure it
    /// was, and why each field has its value.
    pub fn note(&self) -> String {
        format!(
            "Read by read_text (confidence {:.2}): {}",
            self.confidence,
            self.reasons_text()
        )
    }

    /// True when `self` and `other` are the same figure stated twice: the same series,
    /// period, status, value and qualifier.
    fn restates(&self, other: &Item) -> bool {
        self.kind == ItemKind::Figure
            && other.kind == ItemKind::Figure
            && self.indicator == other.indicator
            && self.origin == other.origin
            && self.destination == other.destination
            && self.product == other.product
            && self.period == other.period
            && self.status == other.status
            && self.value == other.value
            && self.qualifier == other.qualifier
    }

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

    /// The positions of the items to accept: those `chosen` (positions in `items`), or
    /// by default every complete item ([`Item::is_complete`]), less a figure the text
    /// states again (the same series, period, status, value and qualifier as one
    /// before it: the first statement, with its quote, is kept). A position past the
    /// last item is a validation error on `items`.
    pub fn to_accept(&self, chosen: Option<&[usize]>) -> Result<Vec<usize>> {
        let chosen: Vec<usize> = match chosen {
            Some(chosen) => chosen.to_vec(),
            None => (0..self.items.len())
                .filter(|&k| self.items[k].is_complete())
                .collect(),
        };
        let mut kept: Vec<usize> = Vec::with_capacity(chosen.len());
        for k in chosen {
            let item = self.items.get(k).ok_or_else(|| {
                Error::invalid(
                    "items",
                    k.to_string(),
                    format!(
                        "is not the position of an item (the draft has {})",
                        self.items.len()
                    ),
                )
            })?;
            if !kept.iter().any(|&j| item.restates(&self.items[j])) {
                kept.push(k);
            }
        }
        Ok(kept)
    }
}

/// The columns of [`Columns::of_draft_items`], in order: the kind, the fields a figure,
/// claim or event is stored with, then where each item came from and why.
pub const DRAFT_COLUMNS: [&str; 20] = [
    "kind",
    "indicator",
    "origin",
    "destination",
    "product",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
    "relation",
    "reference",
    "event_kind",
    "words",
    "source",
    "quote",
    "start",
    "end",
    "reason",
    "confidence",
];

impl Columns {
    /// Items of a draft, one row each, in the [`DRAFT_COLUMNS`]: codes for the kinds,
    /// periods as their canonical text, `value` NaN where the text gave none, `start`
    /// and `end` the quote's character offsets, `reason` the reasons as `field: words;
    /// …`.
    pub fn of_draft_items(items: &[&Item]) -> Columns {
        let mut columns = Columns::default();
        for name in DRAFT_COLUMNS {
            columns.push(name, item_column(items, name));
        }
        columns
    }
}

/// The column `name` of `items`: a field of [`Item`], or `reason`.
pub(crate) fn item_column(items: &[&Item], name: &str) -> Column {
    let texts = |text: fn(&Item) -> Option<&str>| Column::of_texts(items.iter().map(|i| text(i)));
    let owned = |text: fn(&Item) -> Option<String>| {
        let texts: Vec<Option<String>> = items.iter().map(|i| text(i)).collect();
        Column::of_texts(texts.iter().map(Option::as_deref))
    };
    let number = |n: fn(&Item) -> f64| Column::Float(items.iter().map(|i| n(i)).collect());
    let offset = |n: fn(&Item) -> usize| {
        Column::Int(items.iter().map(|i| i64::try_from(n(i)).ok()).collect())
    };
    match name {
        "kind" => texts(|i| Some(i.kind.code())),
        "indicator" => texts(|i| i.indicator.as_deref()),
        "origin" => texts(|i| i.origin.as_deref()),
        "destination" => texts(|i| i.destination.as_deref()),
        "product" => texts(|i| i.product.as_deref()),
        "period" => owned(|i| i.period.map(|p| p.to_string())),
        "value" => number(|i| i.value.unwrap_or(f64::NAN)),
        "unit" => texts(|i| i.unit.as_deref()),
        "qualifier" => texts(|i| i.qualifier.map(Qualifier::code)),
        "status" => texts(|i| i.status.map(Status::code)),
        "relation" => texts(|i| i.relation.map(Relation::code)),
        "reference" => texts(|i| i.reference.as_deref()),
        "event_kind" => texts(|i| i.event_kind.as_deref()),
        "words" => texts(|i| Some(&i.words)),
        "source" => texts(|i| i.source.as_deref()),
        "quote" => texts(|i| Some(&i.quote)),
        "start" => offset(|i| i.start),
        "end" => offset(|i| i.end),
        "reason" => owned(|i| Some(i.reasons_text())),
        "confidence" => number(|i| i.confidence),
        _ => unreachable!("{name} is not a column of draft items"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Draft, Item, ItemKind, Reason};
    use crate::period::Period;

    fn figure(value: f64) -> Item {
        Item {
            kind: ItemKind::Figure,
            indicator: Some("exports".to_owned()),
            origin: Some("KAZ".to_owned()),
            destination: Some("AZE".to_owned()),
            product: None,
            period: Some(Period::parse("2024").unwrap()),
            value: Some(value),
            unit: Some("USD".to_owned()),
            qualifier: None,
            status: None,
            relation: None,
            reference: None,
            event_kind: None,
            words: "$1 million".to_owned(),
            source: None,
            quote: "Exports reached $1 million.".to_owned(),
            start: 0,
            end: 27,
            reasons: vec![
                Reason {
                    field: "value".to_owned(),
                    text: "\"$1 million\"".to_owned(),
                },
                Reason {
                    field: "period".to_owned(),
                    text: "\"2024\"".to_owned(),
                },
            ],
            confidence: 0.875,
        }
    }

    #[test]
    fn a_figure_without_its_period_is_incomplete_and_not_accepted_by_default() {
        let mut undated = figure(2e6);
        undated.period = None;
        let draft = Draft {
            items: vec![figure(1e6), undated],
        };
        assert!(draft.items[0].is_complete() && !draft.items[1].is_complete());
        assert_eq!(draft.to_accept(None).unwrap(), vec![0]);
        // chosen by hand, it is accepted as it is (for a person to complete)
        assert_eq!(draft.to_accept(Some(&[1])).unwrap(), vec![1]);
    }

    #[test]
    fn a_figure_stated_twice_is_accepted_once_with_its_first_quote() {
        // items 0 and 2 are the same figure (1 million in 2024); item 1 is another value
        let draft = Draft {
            items: vec![figure(1e6), figure(2e6), figure(1e6)],
        };
        assert_eq!(draft.to_accept(None).unwrap(), vec![0, 1]);
        assert_eq!(draft.to_accept(Some(&[2, 0])).unwrap(), vec![2]);
        assert!(draft.to_accept(Some(&[3])).is_err());
    }

    #[test]
    fn the_note_gives_the_confidence_and_the_reasons() {
        // 0.875 to two decimals, half to even: 0.88
        assert_eq!(
            figure(1e6).note(),
            "Read by read_text (confidence 0.88): value: \"$1 million\"; period: \"2024\""
        );
    }
}
