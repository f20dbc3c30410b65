//! Claims: what a text says about a figure relative to another ("more than tripling",
//! "a 2% increase", "slightly below the 2023 record"), as the store keeps them, and the
//! reading of claim words into a relation, a number and a qualifier.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::figure::{Bounds, Qualifier};
use crate::error::{Error, Result};
use crate::period::Period;

/// How a claim relates its figure to the reference figure.
///
/// Numbers follow the library's units: a `Ratio` is a multiple (3 is "tripled"), `Pct`
/// and `Share` are percentages (2 is 2 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The figure is a multiple of the reference: "tripled" (3), "sixfold" (6).
    Ratio,
    /// The figure changed by a percentage on the reference: "a 2% increase" (2),
    /// "fell 4%" (−4).
    Pct,
    /// The figure is larger than the reference: "up from", "increasing".
    Greater,
    /// The figure is smaller than the reference: "slightly below", "down from".
    Less,
    /// The figure is the highest of its series: "a record".
    RecordHigh,
    /// The figure is the lowest of its series.
    RecordLow,
    /// The figure is a percentage of the whole (the total product): "a fifth of" (20).
    Share,
}

impl Relation {
    /// Every relation, in the order of the documentation.
    pub const ALL: [Relation; 7] = [
        Relation::Ratio,
        Relation::Pct,
        Relation::Greater,
        Relation::Less,
        Relation::RecordHigh,
        Relation::RecordLow,
        Relation::Share,
    ];

    /// The code stored and shown: `ratio`, `pct`, `greater`, `less`, `record_high`,
    /// `record_low`, `share`.
    pub fn code(self) -> &'static str {
        match self {
            Relation::Ratio => "ratio",
            Relation::Pct => "pct",
            Relation::Greater => "greater",
            Relation::Less => "less",
            Relation::RecordHigh => "record_high",
            Relation::RecordLow => "record_low",
            Relation::Share => "share",
        }
    }

    /// The relation whose code is `code`, if any.
    pub fn from_code(code: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.code() == code)
    }

    /// True for the relations stated with a number (ratio, pct, share).
    pub fn takes_a_number(self) -> bool {
        matches!(self, Relation::Ratio | Relation::Pct | Relation::Share)
    }

    /// True for the relations that compare the figure with every other of its series.
    pub fn is_record(self) -> bool {
        matches!(self, Relation::RecordHigh | Relation::RecordLow)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a claim's figure is set against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "period")]
pub enum Reference {
    /// The figure of another period of the same series (by default the same period one
    /// year earlier).
    Period(Period),
    /// Every other figure of the series over a period of the same length (for records;
    /// for `greater` and `less`, the highest of those before the claim's period).
    Record,
    /// The target set for the claim's period.
    Target,
    /// The whole: the same indicator, pair and period for the total product (for shares).
    Whole,
}

impl Reference {
    /// Reads a reference: `record`, `target`, `whole`, or a period; `None` gives the
    /// relation's default (the same period a year earlier; the whole for a share; the
    /// record for records).
    pub fn parse(text: Option<&str>, relation: Relation, period: &Period) -> Result<Reference> {
        let text = text.map(str::trim).filter(|t| !t.is_empty());
        let reference = match text.map(str::to_lowercase).as_deref() {
            None if relation.is_record() => Reference::Record,
            None if relation == Relation::Share => Reference::Whole,
            None => Reference::Period(period.previous_year().ok_or_else(|| {
                Error::invalid(
                    "period",
                    period.to_string(),
                    "has no year before it to compare with",
                )
            })?),
            Some("record") => Reference::Record,
            Some("target") => Reference::Target,
            Some("whole") | Some("total") => Reference::Whole,
            Some(_) => Reference::Period(Period::parse(text.unwrap_or_default()).map_err(|e| {
                let v = e.validation().cloned();
                match v {
                    Some(v) => Error::invalid(
                        "reference",
                        v.text,
                        format!("is not record, target, whole or a period: {}", v.reason),
                    ),
                    None => e,
                }
            })?),
        };
        if relation.is_record() && reference != Reference::Record {
            return Err(Error::invalid(
                "reference",
                text.unwrap_or_default(),
                format!(
                    "cannot be the reference of a {relation} claim, which compares the figure with \
                     every other of its series (leave reference out)"
                ),
            ));
        }
        if let Reference::Period(other) = reference {
            if other == *period {
                return Err(Error::invalid(
                    "reference",
                    text.unwrap_or_default(),
                    "is the claim's own period",
                ));
            }
        }
        Ok(reference)
    }

    /// The text stored and shown: `record`, `target`, `whole`, or the period's
    /// canonical form.
    pub fn code(&self) -> String {
        match self {
            Reference::Period(p) => p.to_string(),
            Reference::Record => "record".to_owned(),
            Reference::Target => "target".to_owned(),
            Reference::Whole => "whole".to_owned(),
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

/// A claim to add, as a caller or a dataset file writes it.
///
/// `relation` is a relation code (`ratio`, `pct`, `greater`, `less`, `record_high`,
/// `record_low`, `share`) or the claim's own words ("more than tripling", "sixfold",
/// "a 2% increase", "slightly below"), which then give the number and qualifier;
/// `value` and `qualifier`, when given, take precedence over the words'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewClaim {
    /// The words of the claim, as the text has them ("more than tripling").
    pub text: String,
    /// Indicator code (must exist).
    pub indicator: String,
    /// Origin country.
    pub origin: String,
    /// Destination country.
    pub destination: String,
    /// The period the claim is about (the later one of a comparison).
    pub period: String,
    /// Relation code or claim words.
    pub relation: String,
    /// The number: a multiple for `ratio`, a percentage for `pct` and `share`.
    #[serde(default)]
    pub value: Option<f64>,
    /// What the figure is set against: a period, `record`, `target` or `whole`.
    #[serde(default)]
    pub reference: Option<String>,
    /// How the number was worded (over, nearly …).
    #[serde(default)]
    pub qualifier: Option<String>,
    /// Product code; `total` when absent.
    #[serde(default)]
    pub product: Option<String>,
    /// Source id (must exist).
    #[serde(default)]
    pub source: Option<String>,
    /// The sentence the claim came from.
    #[serde(default)]
    pub quote: Option<String>,
    /// Anything a reader should know.
    #[serde(default)]
    pub note: Option<String>,
}

impl NewClaim {
    /// A claim of the total product, its number and qualifier read from `relation`
    /// (codes or words); set other fields directly.
    ///
    /// ```
    /// let claim = bilateral::NewClaim::new(
    ///     "more than tripling", "trade_turnover", "AZE", "KAZ", "2025-01/2025-08", "more than tripling",
    /// );
    /// assert_eq!(claim.reference, None); // the same months of 2024
    /// ```
    pub fn new(
        text: &str,
        indicator: &str,
        origin: &str,
        destination: &str,
        period: &str,
        relation: &str,
    ) -> NewClaim {
        NewClaim {
            text: text.to_owned(),
            indicator: indicator.to_owned(),
            origin: origin.to_owned(),
            destination: destination.to_owned(),
            period: period.to_owned(),
            relation: relation.to_owned(),
            ..NewClaim::default()
        }
    }
}

/// A stored claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The words of the claim.
    pub text: String,
    /// Indicator code.
    pub indicator: String,
    /// Origin country, alpha-3 (for undirected indicators, the first of the pair in
    /// alphabetical order).
    pub origin: String,
    /// Destination country, alpha-3.
    pub destination: String,
    /// Product code.
    pub product: String,
    /// The period the claim is about.
    pub period: Period,
    /// What the figure is set against.
    pub reference: Reference,
    /// How the two relate.
    pub relation: Relation,
    /// The number, for ratio, pct and share.
    pub value: Option<f64>,
    /// How the number was worded.
    pub qualifier: Qualifier,
    /// What the number allows (from the qualifier, by the significant-digit rule).
    pub allowed: Option<Bounds>,
    /// Source id.
    pub source: Option<String>,
    /// The sentence the claim came from.
    pub quote: Option<String>,
    /// Notes.
    pub note: Option<String>,
}

/// A relation, number and qualifier as claim words state them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimWords {
    /// The relation.
    pub relation: Relation,
    /// The number, for ratio, pct and share.
    pub value: Option<f64>,
    /// The hedge on the number.
    pub qualifier: Qualifier,
    /// The unit of the number's last significant digit, where the words fix it (a
    /// fraction, "a fifth", is read to within 5 percentage points).
    pub precision: Option<f64>,
}

/// How far below its multiple a `ratio` claim qualified `nearly` reaches, as a fraction
/// of the multiple: "nearly doubling" allows 1.8 to 2 times, "nearly tripling" 2.7 to
/// 3, rather than the 1 to 2 the significant-digit rule gives a bare "nearly 2".
/// Closer than a tenth is what "nearly" says; further, a writer would round down
/// ("up 70 %") rather than up to the next multiple. See [`allowed_for`].
pub const NEARLY: f64 = 0.1;

/// Multiples a word states: "doubling" is 2.
const MULTIPLE_WORDS: &[(&str, f64)] = &[
    ("doubl", 2.0),
    ("twofold", 2.0),
    ("tripl", 3.0),
    ("trebl", 3.0),
    ("threefold", 3.0),
    ("quadrupl", 4.0),
    ("fourfold", 4.0),
    ("fivefold", 5.0),
    ("sixfold", 6.0),
    ("sevenfold", 7.0),
    ("eightfold", 8.0),
    ("ninefold", 9.0),
    ("tenfold", 10.0),
];

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("twenty", 20.0),
];

/// Fractions a share states, as percentages.
const FRACTION_WORDS: &[(&str, f64)] = &[
    ("three quarters", 75.0),
    ("two thirds", 200.0 / 3.0),
    ("half", 50.0),
    ("a third", 100.0 / 3.0),
    ("one third", 100.0 / 3.0),
    ("a quarter", 25.0),
    ("one quarter", 25.0),
    ("a fifth", 20.0),
    ("one fifth", 20.0),
    ("a tenth", 10.0),
    ("one tenth", 10.0),
];

/// Words that say a figure went down.
const FALL_WORDS: &[&str] = &[
    "fell",
    "fall",
    "falling",
    "down",
    "decrease",
    "decreased",
    "decreasing",
    "decline",
    "declined",
    "declining",
    "drop",
    "dropped",
    "lower",
    "below",
    "less",
    "shrank",
    "shrink",
    "contracted",
    "contraction",
    "slipped",
    "lost",
];

/// Words that say a figure went up.
const RISE_WORDS: &[&str] = &[
    "rose",
    "rise",
    "rising",
    "up",
    "increase",
    "increased",
    "increasing",
    "grew",
    "grow",
    "growing",
    "growth",
    "higher",
    "above",
    "more",
    "gain",
    "gained",
    "surged",
    "jumped",
    "climbed",
    "expanded",
];

/// Qualifier phrases that open a number, longest first.
const HEDGES: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::Over),
    ("less than", Qualifier::Under),
    ("almost", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("over", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("above", Qualifier::Over),
    ("under", Qualifier::Under),
    ("about", Qualifier::Approx),
    ("around", Qualifier::Approx),
    ("approximately", Qualifier::Approx),
    ("roughly", Qualifier::Approx),
    ("some", Qualifier::Approx),
];

impl ClaimWords {
    /// Reads a relation code or claim words.
    ///
    /// A multiple in words ("tripling", "sixfold", "3 times") is a round number, read as
    /// about that number unless a hedge says otherwise; a percentage in digits ("a 2%
    /// increase") is read as stated. A hedge before either ("more than", "nearly")
    /// is its qualifier.
    ///
    /// ```
    /// use bilateral::{ClaimWords, Qualifier, Relation};
    ///
    /// let words = ClaimWords::parse("more than tripling")?;
    /// assert_eq!((words.relation, words.value, words.qualifier), (Relation::Ratio, Some(3.0), Qualifier::Over));
    /// let words = ClaimWords::parse("surged sixfold")?;
    /// assert_eq!((words.value, words.qualifier), (Some(6.0), Qualifier::Approx));
    /// let words = ClaimWords::parse("fell 4%")?;
    /// assert_eq!((words.relation, words.value, words.qualifier), (Relation::Pct, Some(-4.0), Qualifier::Exact));
    /// assert_eq!(ClaimWords::parse("slightly below")?.relation, Relation::Less);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<ClaimWords> {
        let normal = text
            .to_lowercase()
            .replace(['-', '–', '—', ','], " ")
            .replace("per cent", "%")
            .replace("percent", "%");
        let words: Vec<&str> = normal.split_whitespace().collect();
        let joined = words.join(" ");
        if let Some(relation) = Relation::from_code(&joined) {
            return Ok(ClaimWords {
                relation,
                value: None,
                qualifier: Qualifier::Exact,
                precision: None,
            });
        }
        let bad = || {
            Error::invalid(
                "relation",
                text,
                "is neither a relation (ratio, pct, greater, less, record_high, record_low, \
                 share) nor claim words it can read (\"more than tripling\", \"sixfold\", \
                 \"a 2% increase\", \"fell 4%\", \"slightly below\", \"a fifth of\", \"a record\")",
            )
        };
        let hedge = hedge_in(&joined);
        // "more than" and "less than" hedge a number; they say nothing of its direction.
        let unhedged = format!(" {joined} ")
            .replace(" more than ", " ")
            .replace(" less than ", " ");
        let direction = |list: &[&str]| unhedged.split_whitespace().any(|w| list.contains(&w));
        let (falls, rises) = (direction(FALL_WORDS), direction(RISE_WORDS));
        // A percentage: "a 2% increase", "fell 4 %", "up 2.5%"; "20% of" is a share.
        if let Some(number) = percentage_in(&joined) {
            if joined.contains("% of") || joined.contains("share") {
                return Ok(ClaimWords::numbered(Relation::Share, number, hedge, None));
            }
            let signed = if falls && !rises { -number } else { number };
            return Ok(ClaimWords::numbered(Relation::Pct, signed, hedge, None));
        }
        if let Some(multiple) = multiple_in(&words) {
            let qualifier = hedge.unwrap_or(Qualifier::Approx);
            return Ok(ClaimWords::numbered(
                Relation::Ratio,
                multiple,
                Some(qualifier),
                None,
            ));
        }
        if let Some(&(_, share)) = FRACTION_WORDS.iter().find(|(w, _)| joined.contains(w)) {
            let qualifier = hedge.unwrap_or(Qualifier::Approx);
            return Ok(ClaimWords::numbered(
                Relation::Share,
                share,
                Some(qualifier),
                Some(5.0),
            ));
        }
        // "slightly below the 2023 record" sets the figure against the record; "a record"
        // says the figure is one.
        if (rises == falls)
            && (joined.contains("record")
                || joined.contains("highest")
                || joined.contains("lowest"))
        {
            let low = joined.contains("low");
            return Ok(ClaimWords {
                relation: if low {
                    Relation::RecordLow
                } else {
                    Relation::RecordHigh
                },
                value: None,
                qualifier: Qualifier::Exact,
                precision: None,
            });
        }
        let relation = match (rises, falls) {
            (true, false) => Relation::Greater,
            (false, true) => Relation::Less,
            (false, false) if joined.contains("more than") => Relation::Greater,
            (false, false) if joined.contains("less than") => Relation::Less,
            _ => return Err(bad()),
        };
        Ok(ClaimWords {
            relation,
            value: None,
            qualifier: Qualifier::Exact,
            precision: None,
        })
    }

    fn numbered(
        relation: Relation,
        value: f64,
        qualifier: Option<Qualifier>,
        precision: Option<f64>,
    ) -> ClaimWords {
        ClaimWords {
            relation,
            value: Some(value),
            qualifier: qualifier.unwrap_or(Qualifier::Exact),
            precision,
        }
    }
}

/// The hedge that opens the number, if any: the first hedge phrase in the words.
fn hedge_in(joined: &str) -> Option<Qualifier> {
    let padded = format!(" {joined} ");
    HEDGES
        .iter()
        .filter_map(|&(phrase, q)| padded.find(&format!(" {phrase} ")).map(|at| (at, q)))
        .min_by_key(|&(at, _)| at)
        .map(|(_, q)| q)
}

/// The number before a `%` sign, if any.
fn percentage_in(joined: &str) -> Option<f64> {
    let at = joined.find('%')?;
    let before = joined[..at].trim_end();
    // Just after the last character that is not part of the number (which may take
    // more than one byte: found by the fuzzer with "ƥ2%").
    let start = before
        .char_indices()
        .rfind(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].parse().ok()
}

/// The multiple the words state: "tripling", "sixfold", "six fold", "3 times", "6x".
fn multiple_in(words: &[&str]) -> Option<f64> {
    for (i, word) in words.iter().enumerate() {
        if let Some(&(_, n)) = MULTIPLE_WORDS.iter().find(|(w, _)| word.starts_with(w)) {
            return Some(n);
        }
        let number = |w: &str| {
            w.parse::<f64>()
                .ok()
                .or_else(|| NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v))
        };
        if let Some(stem) = word.strip_suffix("fold").or_else(|| word.strip_suffix('x')) {
            if let Some(n) = number(stem) {
                return Some(n);
            }
        }
        if matches!(words.get(i + 1), Some(&"fold") | Some(&"times")) {
            if let Some(n) = number(word) {
                return Some(n);
            }
        }
    }
    None
}

/// What a claim of `relation` allows its number `value` to be: for a `ratio` qualified
/// `nearly`, from [`NEARLY`] below the multiple up to it (nearly 3 is 3 × 0.9 = 2.7 to
/// 3); otherwise [`allowed_by`] with the `precision` the words fix. It holds however
/// the claim was given (words, or a relation code with a value and qualifier), so a
/// claim reads back from an exported store as it was stored.
///
/// ```
/// use bilateral::model::allowed_for;
/// use bilateral::{Bounds, Qualifier, Relation};
///
/// assert_eq!(allowed_for(Relation::Ratio, 2.0, Qualifier::Nearly, None), Bounds::new(1.8, 2.0));
/// assert_eq!(allowed_for(Relation::Ratio, 3.0, Qualifier::Over, None), Bounds::new(3.0, 4.0));
/// assert_eq!(allowed_for(Relation::Pct, 5.0, Qualifier::Nearly, None), Bounds::new(4.0, 5.0));
/// ```
pub fn allowed_for(
    relation: Relation,
    value: f64,
    qualifier: Qualifier,
    precision: Option<f64>,
) -> Bounds {
    if relation == Relation::Ratio && qualifier == Qualifier::Nearly && value > 0.0 {
        // a product, not value − value × NEARLY: 3 × 0.9 is 2.7, 3 − 0.3 is 2.6999…
        Bounds::new(value * (1.0 - NEARLY), value)
    } else {
        allowed_by(value, qualifier, precision)
    }
}

/// What the number of a claim allows, by the significant-digit rule every figure
/// follows ("over 3" allows 3 to 4, "about 6" 5.5 to 6.5); a hedge on a fall applies
/// to its size ("more than 4% down" allows −5 to −4).
pub fn allowed_by(value: f64, qualifier: Qualifier, precision: Option<f64>) -> Bounds {
    if value < 0.0 {
        let size = Bounds::from_qualifier(-value, qualifier, precision);
        Bounds::new(-size.high, -size.low)
    } else {
        Bounds::from_qualifier(value, qualifier, precision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_after_a_letter_of_two_bytes_is_read() {
        // The fuzzer's case: the number starts after a two-byte letter.
        assert_eq!(percentage_in("ƥ2%"), Some(2.0));
        assert_eq!(percentage_in("up 4.5%"), Some(4.5));
    }

    fn read(text: &str) -> (Relation, Option<f64>, Qualifier) {
        let w = ClaimWords::parse(text).unwrap();
        (w.relation, w.value, w.qualifier)
    }

    #[test]
    fn the_article_claims_read_as_relations_with_numbers() {
        use Qualifier::*;
        use Relation::*;
        assert_eq!(read("more than tripling"), (Ratio, Some(3.0), Over));
        assert_eq!(read("nearly doubling"), (Ratio, Some(2.0), Nearly));
        // within a tenth of doubling: 2 × 0.9 = 1.8
        assert_eq!(allowed_for(Ratio, 2.0, Nearly, None), Bounds::new(1.8, 2.0));
        assert_eq!(allowed_for(Ratio, 3.0, Nearly, None), Bounds::new(2.7, 3.0));
        assert_eq!(read("surged sixfold"), (Ratio, Some(6.0), Approx));
        assert_eq!(read("a 2% increase"), (Pct, Some(2.0), Exact));
        assert_eq!(read("slightly below"), (Less, None, Exact));
        assert_eq!(read("increasing steadily"), (Greater, None, Exact));
        assert_eq!(read("up from"), (Greater, None, Exact));
        assert_eq!(read("slightly below the 2023 record"), (Less, None, Exact));
        assert_eq!(read("the 2023 record"), (RecordHigh, None, Exact));
    }

    #[test]
    fn other_claim_words() {
        use Qualifier::*;
        use Relation::*;
        assert_eq!(read("fell 4%"), (Pct, Some(-4.0), Exact));
        assert_eq!(read("down more than 4 per cent"), (Pct, Some(-4.0), Over));
        assert_eq!(read("3 times"), (Ratio, Some(3.0), Approx));
        assert_eq!(read("six-fold"), (Ratio, Some(6.0), Approx));
        assert_eq!(read("a fifth of"), (Share, Some(20.0), Approx));
        assert_eq!(read("about 20% of"), (Share, Some(20.0), Approx));
        assert_eq!(read("a record low"), (RecordLow, None, Exact));
        assert_eq!(read("PCT"), (Pct, None, Exact));
        assert_eq!(read("more than"), (Greater, None, Exact));
    }

    #[test]
    fn words_without_a_relation_are_a_validation_error_on_relation() {
        let err = ClaimWords::parse("remained strong").unwrap_err();
        assert_eq!(err.validation().unwrap().field, "relation");
    }

    #[test]
    fn allowed_interval_follows_the_significant_digit_rule() {
        assert_eq!(
            allowed_by(3.0, Qualifier::Over, None),
            Bounds::new(3.0, 4.0)
        );
        assert_eq!(
            allowed_by(2.0, Qualifier::Nearly, None),
            Bounds::new(1.0, 2.0)
        );
        assert_eq!(
            allowed_by(6.0, Qualifier::Approx, None),
            Bounds::new(5.5, 6.5)
        );
        assert_eq!(
            allowed_by(2.0, Qualifier::Exact, None),
            Bounds::new(2.0, 2.0)
        );
        assert_eq!(
            allowed_by(-4.0, Qualifier::Over, None),
            Bounds::new(-5.0, -4.0)
        );
        assert_eq!(
            allowed_by(20.0, Qualifier::Approx, Some(5.0)),
            Bounds::new(17.5, 22.5)
        );
    }

    #[test]
    fn reference_defaults_to_the_same_period_a_year_earlier() {
        let p = Period::parse("2025-01/2025-08").unwrap();
        assert_eq!(
            Reference::parse(None, Relation::Ratio, &p).unwrap(),
            Reference::Period(Period::parse("2024-01/2024-08").unwrap())
        );
        assert_eq!(
            Reference::parse(None, Relation::Share, &p).unwrap(),
            Reference::Whole
        );
        assert_eq!(
            Reference::parse(None, Relation::RecordHigh, &p).unwrap(),
            Reference::Record
        );
        let err = Reference::parse(Some("2025-01/2025-08"), Relation::Less, &p).unwrap_err();
        assert_eq!(err.validation().unwrap().field, "reference");
        let err = Reference::parse(Some("yesterday"), Relation::Less, &p).unwrap_err();
        assert_eq!(err.validation().unwrap().field, "reference");
    }
}
