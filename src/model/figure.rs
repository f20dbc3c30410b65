//! How a figure was worded and what it can stand for: the qualifier ("over",
//! "around"), the bounds it implies, and the unit of a figure's last significant digit.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

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
                return Err(Error::invalid_as(
                    ErrorKind::BadQualifier,
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
        // An exact figure needs no unit, and finding one may format the value as text.
        if qualifier == Qualifier::Exact {
            return Bounds::exact(value);
        }
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
    // A whole number of at most 15 digits (most figures an import reads) is exact in
    // a double and keeps its digits in the text below: its trailing zeros, counted
    // without formatting, give the same unit.
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let mut whole = value.abs() as u64;
        let mut unit = 1.0;
        while whole.is_multiple_of(10) {
            whole /= 10;
            unit *= 10.0;
        }
        return unit;
    }
    // Rust prints the shortest decimal that reads back as the same f64, never in
    // scientific notation, so the digits are the ones the caller wrote; rounding to
    // fifteen significant digits first drops float noise such as 0.1 + 0.2.
    // (f64::MAX rounds up beyond the largest double, to infinity: it keeps its digits.)
    let rounded: f64 = format!("{:.14e}", value.abs())
        .parse()
        .ok()
        .filter(|r: &f64| r.is_finite())
        .unwrap_or(value.abs());
    let text = rounded.to_string();
    // At most 324 decimals (the smallest subnormal) or 308 zeros: the counts fit.
    let exponent = match text.split_once('.') {
        Some((_, fraction)) => -(fraction.len() as i32),
        None => text.bytes().rev().take_while(|&b| b == b'0').count() as i32,
    };
    power_of_ten(exponent)
}

/// 10 to the power `exponent`, read from its decimal text: `10f64.powi(-310)` is 0
/// (10³¹⁰ overflows before it is inverted), where 1e-310 is a subnormal double. Never
/// zero, so that a unit of a subnormal value still divides and has a logarithm: below
/// the smallest subnormal it is the smallest subnormal.
fn power_of_ten(exponent: i32) -> f64 {
    let power: f64 = format!("1e{exponent}").parse().unwrap_or(1.0);
    power.max(f64::from_bits(1))
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
        // the largest whole numbers counted without formatting, and the first one past
        assert_eq!(last_digit_unit(999_999_999_999_990.0), 10.0);
        assert_eq!(last_digit_unit(1e15), 1e15);
        // subnormal values have a unit of their own, never zero
        assert_eq!(last_digit_unit(1e-310), 1e-310);
        assert_eq!(last_digit_unit(3.5e-320), 1e-321);
        assert_eq!(last_digit_unit(f64::from_bits(1)), f64::from_bits(1));
        assert_eq!(last_digit_unit(f64::MAX), 1e292);
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
}
