//! The records a store keeps: indicators, sources, countries, observations and events,
//! as a caller writes them (`New…`) and as the store gives them back.

use serde::{Deserialize, Serialize};

use super::{Bounds, Kind, Qualifier, Status, Topic};
use crate::period::Period;

/// What is measured: trade turnover in USD, tourists in persons, cargo in tonnes.
///
/// In a data file the topic may be left out: it is then inferred from the code and
/// name ([`Topic::infer`]), as [`Indicator::new`] does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "IndicatorFields")]
pub struct Indicator {
    /// Short code used everywhere: `trade_turnover`, `tourists`.
    pub code: String,
    /// Readable name: "Trade turnover".
    pub name: String,
    /// Unit of the stored values: `USD`, `t`, `TEU`, `persons`, `count`, `km` …
    pub unit: String,
    /// Flow or stock.
    pub kind: Kind,
    /// True when origin → destination matters (exports, tourists, investment).
    pub directed: bool,
    /// True when values may be negative (net flows, balances).
    #[serde(default)]
    pub signed: bool,
    /// A sentence saying what exactly is counted.
    #[serde(default)]
    pub description: Option<String>,
    /// The report section it belongs to.
    pub topic: Topic,
    /// How a figure of it reads as the subject of a sentence, where "name from origin to
    /// destination" would mislead: a template with `{origin}`, `{destination}` and
    /// `{product}` ("{product} exports by volume from {origin} to {destination}"), and
    /// for a route that passes through the destination on its way elsewhere `{via}` in
    /// place of `{destination}` and `{to:Name}` for its end ("Oil from {origin} shipped
    /// through {via} to {to:Türkiye} via the Baku–Tbilisi–Ceyhan pipeline"), which a
    /// report's tables show as "to" and "via". `None` reads as the name, the product
    /// and, for a directed indicator, "from origin to destination".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
}

/// An indicator as a data file writes it, the topic optional.
#[derive(Deserialize)]
struct IndicatorFields {
    code: String,
    name: String,
    unit: String,
    kind: Kind,
    directed: bool,
    #[serde(default)]
    signed: bool,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    topic: Option<Topic>,
    #[serde(default)]
    phrase: Option<String>,
}

impl From<IndicatorFields> for Indicator {
    fn from(fields: IndicatorFields) -> Indicator {
        Indicator {
            topic: fields
                .topic
                .unwrap_or_else(|| Topic::infer(&fields.code, &fields.name)),
            code: fields.code,
            name: fields.name,
            unit: fields.unit,
            kind: fields.kind,
            directed: fields.directed,
            signed: fields.signed,
            description: fields.description,
            phrase: fields.phrase,
        }
    }
}

impl Indicator {
    /// An unsigned indicator without description, in the topic its code and name
    /// suggest ([`Topic::infer`]); set `topic` to choose another.
    ///
    /// ```
    /// use bilateral::{Indicator, Kind, Topic};
    ///
    /// let tourists = Indicator::new("tourists", "Tourists", "persons", Kind::Flow, true);
    /// assert_eq!(tourists.topic, Topic::PEOPLE);
    /// ```
    pub fn new(code: &str, name: &str, unit: &str, kind: Kind, directed: bool) -> Indicator {
        Indicator {
            code: code.to_owned(),
            name: name.to_owned(),
            unit: unit.to_owned(),
            kind,
            directed,
            signed: false,
            description: None,
            topic: Topic::infer(code, name),
            phrase: None,
        }
    }
}

/// Where figures come from: a statistics office, an agency, an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Short id used by observations: `customs-az`.
    pub id: String,
    /// Title of the publication.
    pub title: String,
    /// Who published it.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Where to find it.
    #[serde(default)]
    pub url: Option<String>,
    /// When it was published (a day, or a coarser period when only that is known).
    #[serde(default)]
    pub published: Option<Period>,
}

/// A product figures are stored under: its code, and what a report calls it.
///
/// The name is written as the classification or the user writes it ("Ferro-alloys");
/// the classification is the family its code belongs to (`HS`, `SITC` …), written
/// before the code so that "7202" reads as "HS 7202". A code met only in figures has
/// neither.
///
/// ```
/// let product = bilateral::Product::new("7202", "Ferro-alloys").classified("HS");
/// assert_eq!(product.classification.as_deref(), Some("HS"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// The code figures use: `7202`, `wheat`.
    pub code: String,
    /// Its name: "Ferro-alloys".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The classification of the code: `HS` (the Harmonized System, whatever its
    /// revision), `SITC`, `BEC`, `CN` …, upper case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
}

impl Product {
    /// A product with a name and no classification.
    pub fn new(code: &str, name: &str) -> Product {
        Product {
            code: code.to_owned(),
            name: Some(name.to_owned()),
            classification: None,
        }
    }

    /// The same product with its code's classification.
    pub fn classified(mut self, classification: &str) -> Product {
        self.classification = Some(classification.to_owned());
        self
    }
}

/// A country of ISO 3166-1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    /// Alpha-3 code: `AZE`.
    pub alpha3: String,
    /// Alpha-2 code: `AZ`.
    pub alpha2: String,
    /// Short English name: `Azerbaijan`.
    pub name: String,
    /// Official name, where ISO gives one.
    #[serde(default)]
    pub official_name: Option<String>,
    /// The name in common use where the ISO name reads badly in a sentence
    /// (`Iran` for "Iran, Islamic Republic of").
    #[serde(default)]
    pub common_name: Option<String>,
}

impl Country {
    /// The name to write in a sentence: the common name, else the ISO short name.
    pub fn display_name(&self) -> &str {
        self.common_name.as_deref().unwrap_or(&self.name)
    }
}

/// A figure to add, as a caller or a data file writes it: text fields are checked and
/// turned into typed values by the store, which names the field of any bad one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewObservation {
    /// Indicator code (must exist).
    pub indicator: String,
    /// Origin country: alpha-3, alpha-2 or English name.
    pub origin: String,
    /// Destination country.
    pub destination: String,
    /// Product code; `total` when absent.
    #[serde(default)]
    pub product: Option<String>,
    /// The product's name ("Ferro-alloys"), kept with the product as
    /// [`Store::add_product`](crate::Store::add_product) keeps it: a name other than
    /// the one stored is a validation error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// Period in the grammar of [`Period`].
    pub period: String,
    /// The value in base units (547.6 million USD is `547600000`).
    pub value: f64,
    /// Qualifier code or words; `exact` when absent.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// Status; `actual` when absent.
    #[serde(default)]
    pub status: Option<String>,
    /// Source id (must exist).
    #[serde(default)]
    pub source: Option<String>,
    /// The sentence the figure came from.
    #[serde(default)]
    pub quote: Option<String>,
    /// Explicit lower bound (else derived from the qualifier).
    #[serde(default)]
    pub low: Option<f64>,
    /// Explicit upper bound (else derived from the qualifier).
    #[serde(default)]
    pub high: Option<f64>,
    /// Unit of the last significant digit, overriding the one read from `value`.
    #[serde(default)]
    pub precision: Option<f64>,
    /// Anything a reader should know.
    #[serde(default)]
    pub note: Option<String>,
    /// The unit the value is in; when given it must be the indicator's unit (a guard
    /// against values in the wrong scale or currency).
    #[serde(default)]
    pub unit: Option<String>,
}

impl NewObservation {
    /// An exact, actual figure of the total product, to refine with the typed setters
    /// below ([`qualifier`](NewObservation::qualifier), [`status`](NewObservation::status),
    /// [`source`](NewObservation::source) …): the same as [`Observation::builder`].
    ///
    /// ```
    /// use bilateral::{NewObservation, Qualifier, Status};
    ///
    /// let h1 = NewObservation::builder("tourists", "KAZ", "AZE", "2025-H1", 40_000.0)
    ///     .qualifier(Qualifier::Approx)
    ///     .status(Status::Provisional);
    /// assert_eq!(h1.qualifier.as_deref(), Some("approx"));
    /// assert_eq!(h1.status.as_deref(), Some("provisional"));
    /// ```
    pub fn builder(
        indicator: &str,
        origin: &str,
        destination: &str,
        period: impl Into<String>,
        value: f64,
    ) -> NewObservation {
        NewObservation {
            indicator: indicator.to_owned(),
            origin: origin.to_owned(),
            destination: destination.to_owned(),
            period: period.into(),
            value,
            ..NewObservation::default()
        }
    }

    /// How the figure was worded ("about" is [`Qualifier::Approx`]).
    pub fn qualifier(mut self, qualifier: Qualifier) -> NewObservation {
        self.qualifier = Some(qualifier.code().to_owned());
        self
    }

    /// Whether the figure is a measurement, an estimate, a target ….
    pub fn status(mut self, status: Status) -> NewObservation {
        self.status = Some(status.code().to_owned());
        self
    }

    /// The id of the source (stored already); without it, the store's default source
    /// ([`Store::set_default_source`](crate::Store::set_default_source)), if any.
    pub fn source(mut self, source: &str) -> NewObservation {
        self.source = Some(source.to_owned());
        self
    }

    /// The sentence the figure came from.
    pub fn quote(mut self, quote: &str) -> NewObservation {
        self.quote = Some(quote.to_owned());
        self
    }

    /// The product (`total` when not given).
    pub fn product(mut self, product: &str) -> NewObservation {
        self.product = Some(product.to_owned());
        self
    }

    /// Explicit bounds, in place of the ones the qualifier implies.
    pub fn bounds(mut self, low: f64, high: f64) -> NewObservation {
        self.low = Some(low);
        self.high = Some(high);
        self
    }

    /// The unit of the last significant digit, in place of the one read from the value
    /// (`40_000` read alone says thousands; `.precision(100.0)` says hundreds).
    pub fn precision(mut self, precision: f64) -> NewObservation {
        self.precision = Some(precision);
        self
    }

    /// The unit the value is in, checked against the indicator's.
    pub fn unit(mut self, unit: &str) -> NewObservation {
        self.unit = Some(unit.to_owned());
        self
    }

    /// Anything a reader should know.
    pub fn note(mut self, note: &str) -> NewObservation {
        self.note = Some(note.to_owned());
        self
    }

    /// An exact, actual observation of the total product; set other fields directly.
    ///
    /// ```
    /// let mut obs = bilateral::NewObservation::new("tourists", "AZE", "KAZ", "2024", 102_000.0);
    /// obs.qualifier = Some("over".into());
    /// ```
    pub fn new(
        indicator: &str,
        origin: &str,
        destination: &str,
        period: &str,
        value: f64,
    ) -> NewObservation {
        NewObservation {
            indicator: indicator.to_owned(),
            origin: origin.to_owned(),
            destination: destination.to_owned(),
            period: period.to_owned(),
            value,
            ..NewObservation::default()
        }
    }

    /// Multiplies the value, bounds and precision by `scale`, as
    /// [`ObservationBatch::scale`](crate::model::ObservationBatch::scale) does.
    pub fn scale(&mut self, scale: f64) -> crate::error::Result<()> {
        let factor = crate::model::check_scale(scale)?;
        if let Some(unit) = &self.unit {
            crate::model::check_scale_beside_unit(factor, unit, None)?;
        }
        self.value *= factor;
        for n in [&mut self.low, &mut self.high, &mut self.precision]
            .into_iter()
            .flatten()
        {
            *n *= factor;
        }
        Ok(())
    }
}

/// A stored figure with everything needed to use and cite it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// Indicator code.
    pub indicator: String,
    /// Origin country, alpha-3 (for undirected indicators, the first of the pair
    /// in alphabetical order).
    pub origin: String,
    /// Destination country, alpha-3.
    pub destination: String,
    /// Product code (`total` for the whole).
    pub product: String,
    /// The period covered.
    pub period: Period,
    /// The period as the caller wrote it.
    pub period_text: String,
    /// The value in base units.
    pub value: f64,
    /// How the figure was worded.
    pub qualifier: Qualifier,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// Measurement, estimate, target …
    pub status: Status,
    /// Unit of the indicator.
    pub unit: String,
    /// Source id.
    pub source: Option<String>,
    /// The sentence the figure came from.
    pub quote: Option<String>,
    /// Notes.
    pub note: Option<String>,
}

impl Observation {
    /// A figure to add, with its qualifier, status and period as types and its other
    /// fields set by name: see the setters of [`NewObservation`]. The period is a
    /// [`Period`] or its text (parsed once, by the store, which names the field of a
    /// bad one).
    ///
    /// ```
    /// use bilateral::{Observation, Qualifier, Status, Store};
    ///
    /// let mut store = Store::demo()?;
    /// let figure = Observation::builder("tourists", "KAZ", "AZE", "2025-H1", 40_000.0)
    ///     .qualifier(Qualifier::Approx)
    ///     .status(Status::Provisional)
    ///     .source("kazakhtourism")
    ///     .quote("About 40,000 Kazakh tourists visited Azerbaijan in the first half.");
    /// store.add(&figure)?;
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn builder(
        indicator: &str,
        origin: &str,
        destination: &str,
        period: impl Into<String>,
        value: f64,
    ) -> NewObservation {
        NewObservation::builder(indicator, origin, destination, period, value)
    }

    /// The bounds as one value.
    pub fn bounds(&self) -> Bounds {
        Bounds::new(self.low, self.high)
    }
}

/// A dated event to add: a call, a meeting, an exercise, a signing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewEvent {
    /// When: a day, or a month or year when the day is not known.
    pub date: String,
    /// One country of the pair.
    pub a: String,
    /// The other country of the pair.
    pub b: String,
    /// `call`, `meeting`, `summit`, `visit`, `exercise`, `signing`, `forum`, `milestone` …
    pub kind: String,
    /// What happened, in a few words.
    pub title: String,
    /// Where it happened.
    #[serde(default)]
    pub place: Option<String>,
    /// Source id (must exist).
    #[serde(default)]
    pub source: Option<String>,
    /// The sentence it came from.
    #[serde(default)]
    pub quote: Option<String>,
    /// Notes.
    #[serde(default)]
    pub note: Option<String>,
}

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When it happened.
    pub date: Period,
    /// The first country of the pair, alphabetically by alpha-3 code.
    pub a: String,
    /// The second country of the pair.
    pub b: String,
    /// What kind of event.
    pub kind: String,
    /// What happened.
    pub title: String,
    /// Where.
    pub place: Option<String>,
    /// Source id.
    pub source: Option<String>,
    /// The sentence it came from.
    pub quote: Option<String>,
    /// Notes.
    pub note: Option<String>,
}
