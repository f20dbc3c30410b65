//! The data model: indicators, sources, observations, events, countries, and the
//! qualifiers, bounds and statuses every figure carries.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::period::Period;

/// How a figure was worded: "over 102,000", "around 59,000", "nearly 150".
///
/// ```
/// use bilateral::Qualifier;
///
/// assert_eq!(Qualifier::from_words("more than")?, Qualifier::Over);
/// assert_eq!(Qualifier::from_words("Approximately")?, Qualifier::Approx);
/// assert!(Qualifier::from_words("roughly speaking").is_err());
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// The figure as stated, with no hedge.
    #[default]
    Exact,
    /// "approximately", "about", "around": within half a unit of the last digit.
    Approx,
    /// "over", "more than", "exceeding": at least the figure, less than one unit more.
    Over,
    /// "nearly", "almost": at most the figure, less than one unit below.
    Nearly,
    /// "under", "less than": below the figure, within one unit.
    Under,
}

impl Qualifier {
    /// Every qualifier, in the order of the documentation.
    pub const ALL: [Qualifier; 5] = [
        Qualifier::Exact,
        Qualifier::Approx,
        Qualifier::Over,
        Qualifier::Nearly,
        Qualifier::Under,
    ];

    /// Reads a qualifier from its code (`"over"`) or the words a text uses for it
    /// (`"more than"`, `"around"`, `"almost"` …), ignoring case and extra spaces.
    pub fn from_words(words: &str) -> Result<Qualifier> {
        let normal = words
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        Ok(match normal.as_str() {
            "exact" | "exactly" | "" => Qualifier::Exact,
            "approx" | "approximately" | "about" | "around" | "some" | "roughly" => {
                Qualifier::Approx
            }
            "over" | "more than" | "exceeding" | "above" => Qualifier::Over,
            "nearly" | "almost" => Qualifier::Nearly,
            "under" | "less than" | "below" => Qualifier::Under,
            _ => {
                return Err(Error::invalid(
                    "qualifier",
                    words,
                    "is not a qualifier: expected exact, approx (about, around, approximately), \
                     over (more than, exceeding), nearly (almost) or under (less than)",
                ))
            }
        })
    }

    /// The code stored in the database: `exact`, `approx`, `over`, `nearly`, `under`.
    pub fn code(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::Under => "under",
        }
    }

    /// The word put before a number in prose ("over 102,000"); empty for exact figures.
    pub fn prose(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::Approx => "around",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::Under => "under",
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Qualifier {
    type Err = Error;
    fn from_str(s: &str) -> Result<Qualifier> {
        Qualifier::from_words(s)
    }
}

/// The interval a figure is known to lie in: `low <= value <= high`.
///
/// ```
/// use bilateral::{Bounds, Qualifier};
///
/// // "over 102,000": the last significant digit is the thousands.
/// assert_eq!(Bounds::from_qualifier(102_000.0, Qualifier::Over, None), Bounds::new(102_000.0, 103_000.0));
/// // "around 59,000"
/// assert_eq!(Bounds::from_qualifier(59_000.0, Qualifier::Approx, None), Bounds::new(58_500.0, 59_500.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    /// The smallest value the figure can stand for.
    pub low: f64,
    /// The largest value the figure can stand for.
    pub high: f64,
}

impl Bounds {
    /// Bounds from `low` to `high`.
    pub fn new(low: f64, high: f64) -> Bounds {
        Bounds { low, high }
    }

    /// Zero-width bounds: the value is exact.
    pub fn exact(value: f64) -> Bounds {
        Bounds::new(value, value)
    }

    /// The bounds a qualifier implies for `value`, given the unit `u` of its last
    /// significant digit (`precision`, or else [`last_digit_unit`] of the value):
    /// exact `[v, v]`, approx `[v − u/2, v + u/2]`, over `[v, v + u]`, nearly and
    /// under `[v − u, v]`.
    pub fn from_qualifier(value: f64, qualifier: Qualifier, precision: Option<f64>) -> Bounds {
        let u = precision.unwrap_or_else(|| last_digit_unit(value));
        match qualifier {
            Qualifier::Exact => Bounds::exact(value),
            Qualifier::Approx => Bounds::new(value - u / 2.0, value + u / 2.0),
            Qualifier::Over => Bounds::new(value, value + u),
            Qualifier::Nearly | Qualifier::Under => Bounds::new(value - u, value),
        }
    }

    /// True when `value` lies within the bounds (ends included).
    pub fn contains(&self, value: f64) -> bool {
        self.low <= value && value <= self.high
    }

    /// True when the bounds have zero width.
    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }

    /// Bounds of `self / denominator` by interval arithmetic: for positive intervals
    /// `[a₁/b₂, a₂/b₁]`. `None` when the denominator's interval includes zero, where
    /// the quotient is unbounded.
    ///
    /// ```
    /// use bilateral::Bounds;
    ///
    /// // "over 102,000" against "around 59,000"
    /// let ratio = Bounds::new(102_000.0, 103_000.0).ratio(Bounds::new(58_500.0, 59_500.0)).unwrap();
    /// assert_eq!(ratio, Bounds::new(102_000.0 / 59_500.0, 103_000.0 / 58_500.0));
    /// assert!(Bounds::new(1.0, 2.0).ratio(Bounds::new(0.0, 1.0)).is_none());
    /// ```
    pub fn ratio(self, denominator: Bounds) -> Option<Bounds> {
        if denominator.low <= 0.0 && denominator.high >= 0.0 {
            return None;
        }
        Some(Bounds::hull([
            self.low / denominator.low,
            self.low / denominator.high,
            self.high / denominator.low,
            self.high / denominator.high,
        ]))
    }

    /// Bounds of `self − other`: `[a₁ − b₂, a₂ − b₁]`.
    pub fn difference(self, other: Bounds) -> Bounds {
        Bounds::new(self.low - other.high, self.high - other.low)
    }

    /// Bounds of `self × factor` (a negative factor swaps the ends).
    pub fn scale(self, factor: f64) -> Bounds {
        Bounds::hull([self.low * factor, self.high * factor])
    }

    /// Bounds of `self + shift`.
    pub fn shift(self, shift: f64) -> Bounds {
        Bounds::new(self.low + shift, self.high + shift)
    }

    /// Bounds of `self ^ exponent` for an interval of non-negative numbers and a
    /// positive exponent, where the power grows with its base; `None` if the interval
    /// reaches below zero.
    pub fn powf(self, exponent: f64) -> Option<Bounds> {
        (self.low >= 0.0 && exponent > 0.0)
            .then(|| Bounds::new(self.low.powf(exponent), self.high.powf(exponent)))
    }

    /// The smallest bounds holding every value given.
    fn hull<const N: usize>(values: [f64; N]) -> Bounds {
        let low = values.iter().copied().fold(f64::INFINITY, f64::min);
        let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Bounds::new(low, high)
    }
}

/// The unit of the last significant digit of `value` as written in decimal: trailing
/// zeros of a whole number are not significant.
///
/// ```
/// use bilateral::last_digit_unit;
///
/// assert_eq!(last_digit_unit(1_500.0), 100.0);
/// assert_eq!(last_digit_unit(102_000.0), 1_000.0);
/// assert_eq!(last_digit_unit(547_600_000.0), 100_000.0); // $547.6 million
/// assert_eq!(last_digit_unit(0.9), 0.1);
/// assert_eq!(last_digit_unit(7.0), 1.0);
/// ```
pub fn last_digit_unit(value: f64) -> f64 {
    if !value.is_finite() || value == 0.0 {
        return 1.0;
    }
    // Rust prints the shortest decimal that reads back as the same f64, never in
    // scientific notation, so the digits are the ones the caller wrote; rounding to
    // fifteen significant digits first drops float noise such as 0.1 + 0.2.
    let rounded: f64 = format!("{:.14e}", value.abs())
        .parse()
        .unwrap_or(value.abs());
    let text = rounded.to_string();
    match text.split_once('.') {
        Some((_, fraction)) => 10f64.powi(-(fraction.len() as i32)),
        None => {
            let zeros = text.bytes().rev().take_while(|&b| b == b'0').count();
            10f64.powi(zeros as i32)
        }
    }
}

/// Whether a figure is a measurement or a plan, with the SDMX `OBS_STATUS` code of each.
///
/// | status        | SDMX | meaning                                  |
/// |---------------|------|------------------------------------------|
/// | `actual`      | A    | a published measurement                  |
/// | `estimate`    | E    | estimated, or implied by other figures   |
/// | `provisional` | P    | published, may still be revised          |
/// | `target`      | F    | a goal someone set                       |
/// | `projection`  | F    | a forecast                               |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A published measurement.
    #[default]
    Actual,
    /// An estimate, or a figure implied by other figures.
    Estimate,
    /// Published but subject to revision.
    Provisional,
    /// A goal.
    Target,
    /// A forecast.
    Projection,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 5] = [
        Status::Actual,
        Status::Estimate,
        Status::Provisional,
        Status::Target,
        Status::Projection,
    ];

    /// Reads a status from its name, ignoring case.
    pub fn from_code(code: &str) -> Result<Status> {
        Status::ALL
            .into_iter()
            .find(|s| s.code().eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    "status",
                    code,
                    "is not a status: expected actual, estimate, provisional, target or projection",
                )
            })
    }

    /// The name stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Estimate => "estimate",
            Status::Provisional => "provisional",
            Status::Target => "target",
            Status::Projection => "projection",
        }
    }

    /// The SDMX `OBS_STATUS` code: `A`, `E`, `P`, or `F` for targets and projections.
    pub fn sdmx_code(self) -> char {
        match self {
            Status::Actual => 'A',
            Status::Estimate => 'E',
            Status::Provisional => 'P',
            Status::Target | Status::Projection => 'F',
        }
    }

    /// Preference when one period has figures of several statuses: a measurement
    /// beats a provisional figure, which beats an estimate.
    pub fn rank(self) -> u8 {
        match self {
            Status::Actual => 0,
            Status::Provisional => 1,
            Status::Estimate => 2,
            Status::Target => 3,
            Status::Projection => 4,
        }
    }

    /// True for targets and projections: figures about a future that has not happened.
    pub fn is_forward_looking(self) -> bool {
        matches!(self, Status::Target | Status::Projection)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Status {
    type Err = Error;
    fn from_str(s: &str) -> Result<Status> {
        Status::from_code(s)
    }
}

/// Whether an indicator adds up over time (a flow) or is a level at a date (a stock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Adds up over time: trade, cargo, tourists.
    Flow,
    /// A level at a date: cumulative investment, companies, agreements.
    Stock,
}

impl Kind {
    /// Reads `flow` or `stock`.
    pub fn from_code(code: &str) -> Result<Kind> {
        match code.trim().to_ascii_lowercase().as_str() {
            "flow" => Ok(Kind::Flow),
            "stock" => Ok(Kind::Stock),
            _ => Err(Error::invalid(
                "kind",
                code,
                "is not a kind: expected flow or stock",
            )),
        }
    }

    /// `flow` or `stock`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Flow => "flow",
            Kind::Stock => "stock",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The part of a relationship an indicator describes; a report has a section for each.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    /// Trade turnover, exports and imports.
    Trade,
    /// Investment and companies.
    Investment,
    /// Transport corridors, pipelines, cables.
    Transport,
    /// Tourism and people.
    People,
    /// Agreements, defence, education, culture.
    Cooperation,
    /// Anything else.
    #[default]
    Other,
}

impl Topic {
    /// Every topic, in the order of a report's sections.
    pub const ALL: [Topic; 6] = [
        Topic::Trade,
        Topic::Investment,
        Topic::Transport,
        Topic::People,
        Topic::Cooperation,
        Topic::Other,
    ];

    /// Reads a topic code.
    pub fn from_code(code: &str) -> Result<Topic> {
        Topic::ALL
            .into_iter()
            .find(|t| t.code().eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    "topic",
                    code,
                    "is not a topic: expected trade, investment, transport, people, cooperation or other",
                )
            })
    }

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Topic::Trade => "trade",
            Topic::Investment => "investment",
            Topic::Transport => "transport",
            Topic::People => "people",
            Topic::Cooperation => "cooperation",
            Topic::Other => "other",
        }
    }

    /// The title of the report section for this topic.
    pub fn title(self) -> &'static str {
        match self {
            Topic::Trade => "Trade",
            Topic::Investment => "Investment and business presence",
            Topic::Transport => "Transport and energy",
            Topic::People => "Tourism and people",
            Topic::Cooperation => "Cooperation and timeline",
            Topic::Other => "Other indicators",
        }
    }
}

/// What is measured: trade turnover in USD, tourists in persons, cargo in tonnes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    #[serde(default)]
    pub topic: Topic,
}

impl Indicator {
    /// An unsigned indicator without description.
    pub fn new(code: &str, name: &str, unit: &str, kind: Kind, directed: bool) -> Indicator {
        Indicator {
            code: code.to_owned(),
            name: name.to_owned(),
            unit: unit.to_owned(),
            kind,
            directed,
            signed: false,
            description: None,
            topic: Topic::Other,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(value: f64, qualifier: &str) -> (f64, f64) {
        let b = Bounds::from_qualifier(value, Qualifier::from_words(qualifier).unwrap(), None);
        (b.low, b.high)
    }

    #[test]
    fn bounds_follow_the_article_examples() {
        assert_eq!(bounds(102_000.0, "over"), (102_000.0, 103_000.0));
        assert_eq!(bounds(59_000.0, "around"), (58_500.0, 59_500.0));
        assert_eq!(bounds(1_500.0, "approximately"), (1_450.0, 1_550.0));
        assert_eq!(bounds(1_000_000.0, "more than"), (1_000_000.0, 2_000_000.0));
        assert_eq!(bounds(150.0, "nearly"), (140.0, 150.0));
    }

    #[test]
    fn bounds_for_each_qualifier() {
        assert_eq!(
            bounds(547_600_000.0, "exact"),
            (547_600_000.0, 547_600_000.0)
        );
        assert_eq!(
            bounds(547_600_000.0, "about"),
            (547_550_000.0, 547_650_000.0)
        );
        assert_eq!(bounds(900_000.0, "around"), (850_000.0, 950_000.0));
        assert_eq!(bounds(20.0, "more than"), (20.0, 30.0));
        assert_eq!(bounds(150.0, "almost"), (140.0, 150.0));
        assert_eq!(bounds(150.0, "less than"), (140.0, 150.0));
        assert_eq!(bounds(1.4, "over"), (1.4, 1.5));
        let given = Bounds::from_qualifier(900_000.0, Qualifier::Approx, Some(10_000.0));
        assert_eq!((given.low, given.high), (895_000.0, 905_000.0));
    }

    #[test]
    fn last_digit_unit_ignores_trailing_zeros_of_whole_numbers() {
        assert_eq!(last_digit_unit(102_000.0), 1_000.0);
        assert_eq!(last_digit_unit(900_000.0), 100_000.0);
        assert_eq!(last_digit_unit(570_400.0), 100.0);
        assert_eq!(last_digit_unit(71_500.0), 100.0);
        assert_eq!(last_digit_unit(-3_000.0), 1_000.0);
        assert_eq!(last_digit_unit(0.25), 0.01);
        assert_eq!(last_digit_unit(0.0), 1.0);
        assert_eq!(last_digit_unit(0.1 + 0.2), 0.1);
    }

    #[test]
    fn qualifier_words_are_read_in_any_case_and_spacing() {
        assert_eq!(
            Qualifier::from_words(" More   THAN ").unwrap(),
            Qualifier::Over
        );
        assert_eq!(Qualifier::from_words("exceeding").unwrap(), Qualifier::Over);
        assert_eq!(Qualifier::from_words("almost").unwrap(), Qualifier::Nearly);
        assert_eq!(Qualifier::from_words("about").unwrap(), Qualifier::Approx);
        let err = Qualifier::from_words("circa-ish").unwrap_err();
        assert_eq!(err.validation().unwrap().field, "qualifier");
    }

    #[test]
    fn status_maps_to_sdmx_codes() {
        let codes: String = Status::ALL.iter().map(|s| s.sdmx_code()).collect();
        assert_eq!(codes, "AEPFF");
        assert_eq!(Status::from_code("Target").unwrap(), Status::Target);
        assert_eq!(
            Status::from_code("guess")
                .unwrap_err()
                .validation()
                .unwrap()
                .field,
            "status"
        );
    }
}
