//! Numbers for people: `$547.6 million`, `570,400 t`, `over 102,000`.

use std::fmt::Write as _;

use crate::model::{last_digit_unit, Observation, Qualifier, Status};

/// A value with its unit, in the words a report would use.
///
/// Millions, billions and trillions are spelled out when the figure's significant
/// digits fit in three decimals of them (four for billions and trillions); US dollars take a `$`, other currencies their code; counts
/// and persons go bare.
///
/// ```
/// use bilateral::format_amount;
///
/// assert_eq!(format_amount(547_600_000.0, "USD"), "$547.6 million");
/// assert_eq!(format_amount(570_400.0, "t"), "570,400 t");
/// assert_eq!(format_amount(4_500_000.0, "t"), "4.5 million t");
/// assert_eq!(format_amount(22_000_000_000.0, "KZT"), "22 billion KZT");
/// assert_eq!(format_amount(40_200.0, "TEU"), "40,200 TEU");
/// assert_eq!(format_amount(102_000.0, "persons"), "102,000");
/// ```
pub fn format_amount(value: f64, unit: &str) -> String {
    with_unit(format_number(value), unit)
}

/// A formatted number with its unit: `$` before US dollars, other units after it.
fn with_unit(number: String, unit: &str) -> String {
    match unit {
        "USD" => match number.strip_prefix('-') {
            Some(positive) => format!("-${positive}"),
            None => format!("${number}"),
        },
        "persons" | "count" => number,
        // Other currencies, like every other unit, follow the number: "22 billion KZT".
        _ => format!("{number} {unit}"),
    }
}

/// A value with its unit and the qualifier's word: `over 102,000`, `around 0.9 million t`.
///
/// ```
/// use bilateral::{format_value, Qualifier};
///
/// assert_eq!(format_value(102_000.0, "persons", Qualifier::Over), "over 102,000");
/// assert_eq!(format_value(547_600_000.0, "USD", Qualifier::Exact), "$547.6 million");
/// ```
pub fn format_value(value: f64, unit: &str, qualifier: Qualifier) -> String {
    with_qualifier(format_amount(value, unit), qualifier)
}

/// The significant digits a report's prose shows by default (see
/// [`crate::report::ReportOptions::digits`]).
pub const PROSE_DIGITS: u32 = 3;

/// The most significant digits prose ever shows. A figure published with at most this
/// many ("$547.6 million", "over 102,000") is quoted as published; a figure with more (a
/// statistics office's 334,201.7 thousand) is rounded to the digits asked for.
pub const MOST_PROSE_DIGITS: u32 = 4;

/// A fraction (`0.25`) as the percentage shown (`25.0`): the analyses give ratios as
/// fractions, and only where a number is shown (a sentence, a report table, the Python
/// columns kept in percent) does it become a percentage. One multiplication, always
/// this one, so that a percentage has the same bits wherever it is shown.
pub(crate) fn percent(fraction: f64) -> f64 {
    fraction * 100.0
}

/// `value` rounded to the nearest with at most `digits` significant digits.
pub(crate) fn round_to_digits(value: f64, digits: u32) -> f64 {
    round_toward(
        value,
        decimals_within(value, digits, MOST_DECIMALS as i32),
        Rounding::Nearest,
    )
}

/// A stored figure as prose shows it: as published when it has at most
/// [`MOST_PROSE_DIGITS`] significant digits, else rounded to `digits`; and how many
/// significant digits it was rounded to (`None` when shown as published).
pub(crate) fn prose_figure(value: f64, digits: u32) -> (f64, Option<u32>) {
    let published = significant_digits(value, value, value).unwrap_or(0);
    if published <= MOST_PROSE_DIGITS.max(digits) {
        (value, None)
    } else {
        let digits = digits.clamp(1, MOST_PROSE_DIGITS);
        (round_to_digits(value, digits), Some(digits))
    }
}

/// The scale a number of `magnitude` is written in: million, billion or trillion.
fn scale_of(magnitude: f64) -> Option<(f64, &'static str)> {
    SCALES
        .iter()
        .find(|(scale, _, _)| magnitude >= *scale)
        .map(|&(scale, word, _)| (scale, word))
}

/// The number of a stored figure as prose writes it ([`prose_figure`]), in `scale`
/// when one is given. A rounded figure keeps its trailing zeros ("$24.0 million", three
/// digits), so that it reads as precisely as it was rounded.
fn prose_number(value: f64, digits: u32, scale: Option<(f64, &str)>) -> String {
    let (shown, rounded_to) = prose_figure(value, digits);
    let Some(digits) = rounded_to else {
        return match scale {
            Some((scale, word)) => {
                let decimals = decimals_for(last_digit_unit(shown) / scale);
                format!(
                    "{} {word}",
                    group(&format!("{:.*}", decimals, shown / scale))
                )
            }
            None => format_number(shown),
        };
    };
    let scale = scale.or_else(|| scale_of(shown.abs()));
    let (divisor, word) = scale.map_or((1.0, ""), |(s, w)| (s, w));
    let scaled = shown / divisor;
    let place = if scaled == 0.0 {
        0
    } else {
        (scaled.abs().log10() + 1e-9).floor() as i32
    };
    let decimals = (digits as i32 - 1 - place).clamp(0, MOST_DECIMALS as i32) as usize;
    let number = group(&format!("{scaled:.decimals$}"));
    if word.is_empty() {
        number
    } else {
        format!("{number} {word}")
    }
}

/// A stored value with its unit for a report's prose and tables: as published when it
/// has at most [`MOST_PROSE_DIGITS`] significant digits, else rounded to `digits`.
///
/// ```
/// use bilateral::words::prose_amount;
///
/// // an office's table in thousand USD with one decimal: three digits
/// assert_eq!(prose_amount(334_201_700.0, "USD", 3), "$334 million");
/// assert_eq!(prose_amount(582_756_110_047.0, "USD", 3), "$583 billion");
/// assert_eq!(prose_amount(334_201_700.0, "USD", 4), "$334.2 million");
/// assert_eq!(prose_amount(24_011_000.0, "USD", 3), "$24.0 million");
/// assert_eq!(prose_amount(1_795_533.0, "persons", 3), "1.80 million");
/// // a rounded figure prints as published
/// assert_eq!(prose_amount(547_600_000.0, "USD", 3), "$547.6 million");
/// assert_eq!(prose_amount(102_000.0, "persons", 3), "102,000");
/// ```
pub fn prose_amount(value: f64, unit: &str, digits: u32) -> String {
    with_unit(prose_number(value, digits, None), unit)
}

/// [`prose_amount`] with the qualifier's word: "over 102,000".
pub fn prose_value(value: f64, unit: &str, qualifier: Qualifier, digits: u32) -> String {
    with_qualifier(prose_amount(value, unit, digits), qualifier)
}

/// Stored values that one sentence gives, each as [`prose_value`] would, but never a
/// bare number beside a scaled one: a value below a million of at least a tenth of the
/// largest's scale is written in that scale, so that a sentence reads "from 0.8 million
/// t to 4.5 million t" rather than "from 800,000 t to 4.5 million t". Values with a
/// scale word of their own keep it ("$308 million … $1.47 billion"); a value far
/// smaller than the largest keeps its own form.
///
/// ```
/// use bilateral::words::prose_values_alike;
/// use bilateral::Qualifier;
///
/// let exact = Qualifier::Exact;
/// assert_eq!(
///     prose_values_alike(&[(800_000.0, exact), (4_500_000.0, exact)], "t", 3),
///     ["0.8 million t", "4.5 million t"]
/// );
/// assert_eq!(
///     prose_values_alike(&[(307_948_300.0, exact), (1_471_295_000.0, exact)], "USD", 3),
///     ["$308 million", "$1.47 billion"]
/// );
/// assert_eq!(
///     prose_values_alike(&[(712_004.0, exact), (1_021_455.0, exact)], "persons", 3),
///     ["0.712 million", "1.02 million"]
/// );
/// // a small figure beside a large one keeps its own form
/// assert_eq!(
///     prose_values_alike(&[(24_000.0, exact), (4_500_000.0, exact)], "t", 3),
///     ["24,000 t", "4.5 million t"]
/// );
/// ```
pub fn prose_values_alike(values: &[(f64, Qualifier)], unit: &str, digits: u32) -> Vec<String> {
    let largest = values
        .iter()
        .map(|(v, _)| prose_figure(*v, digits).0.abs())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let scale = scale_of(largest);
    values
        .iter()
        .map(|&(value, qualifier)| {
            let shown = prose_figure(value, digits).0.abs();
            let in_scale = scale.filter(|(scale, _)| shown >= scale / 10.0 && shown < 1e6);
            with_qualifier(
                with_unit(prose_number(value, digits, in_scale), unit),
                qualifier,
            )
        })
        .collect()
}

/// `amount` after the qualifier's word, if any.
fn with_qualifier(amount: String, qualifier: Qualifier) -> String {
    match qualifier.prose() {
        "" => amount,
        word => format!("{word} {amount}"),
    }
}

/// The significant digits a figure was written with: from its first digit to the
/// digit its precision reaches. The precision is the width of its bounds where they
/// differ ("over 102,000" is [102,000, 103,000]: the thousands), or else the last
/// digit written ([`last_digit_unit`]: "2.6 million" reaches the hundred thousands).
/// `None` for zero or a non-finite value, which bound nothing.
///
/// ```
/// use bilateral::words::significant_digits;
///
/// assert_eq!(significant_digits(2_600_000.0, 2_600_000.0, 2_600_000.0), Some(2));
/// assert_eq!(significant_digits(102_000.0, 102_000.0, 103_000.0), Some(3));
/// assert_eq!(significant_digits(547_600_000.0, 547_600_000.0, 547_600_000.0), Some(4));
/// assert_eq!(significant_digits(150.0, 140.0, 150.0), Some(2)); // "nearly 150"
/// assert_eq!(significant_digits(800_000.0, 800_000.0, 800_000.0), Some(1));
/// ```
pub fn significant_digits(value: f64, low: f64, high: f64) -> Option<u32> {
    if !value.is_finite() || value == 0.0 {
        return None;
    }
    let unit = if high > low && (high - low).is_finite() {
        high - low
    } else {
        last_digit_unit(value)
    };
    // The width of bounds is a power of ten give or take float noise (0.3 − 0.2).
    let place = |v: f64| (v.abs().log10() + 1e-9).floor() as i64;
    let digits = place(value) - place(unit) + 1;
    Some(digits.max(1) as u32)
}

/// The fewest significant digits a derived figure may print: the fewest among its
/// inputs (each counted by [`significant_digits`]), but never fewer than
/// [`FEWEST_DERIVED_DIGITS`], so that "1 million" does not turn every ratio on it into
/// one digit. Inputs that bound nothing (zeros, counts of months) are left out; with
/// no input left, `u32::MAX`, which leaves each formatter its own limit.
///
/// This is the report's one rule for the precision of derived figures: run rates,
/// monthly paces, progress towards a target, shares, per-capita figures, ratios,
/// growth, average yearly growth (CAGR) and required growth all print at most this
/// many significant digits, rounded to the nearest for a value and outwards for
/// bounds.
///
/// ```
/// use bilateral::words::justified_digits;
///
/// // 2.6 million t (two digits) against a target of 5.2 million t (two)
/// assert_eq!(justified_digits([(2.6e6, 2.6e6, 2.6e6), (5.2e6, 5.2e6, 5.2e6)]), 2);
/// // "over 102,000" (three digits) and a population of 10,202,830 (eight)
/// assert_eq!(justified_digits([(102e3, 102e3, 103e3), (10_202_830.0, 10_202_830.0, 10_202_830.0)]), 3);
/// // 800,000 has one digit; the floor is two
/// assert_eq!(justified_digits([(8e5, 8e5, 8e5), (4.5e6, 4.5e6, 4.5e6)]), 2);
/// ```
pub fn justified_digits(inputs: impl IntoIterator<Item = (f64, f64, f64)>) -> u32 {
    inputs
        .into_iter()
        .filter_map(|(value, low, high)| significant_digits(value, low, high))
        .min()
        .map_or(u32::MAX, |d| d.max(FEWEST_DERIVED_DIGITS))
}

/// The floor of [`justified_digits`].
pub const FEWEST_DERIVED_DIGITS: u32 = 2;

/// The significant digits stored observations justify in a figure derived from them.
pub(crate) fn digits_from(inputs: &[&Observation]) -> u32 {
    justified_digits(inputs.iter().map(|o| (o.value, o.low, o.high)))
}

/// Decimals that show `value` with at most `digits` significant digits and at most
/// `most` decimals (negative: round to tens, hundreds …). Zero keeps `most`.
pub(crate) fn decimals_within(value: f64, digits: u32, most: i32) -> i32 {
    if !value.is_finite() || value == 0.0 {
        return most;
    }
    let place = value.abs().log10().floor() as i32;
    let digits = i32::try_from(digits).unwrap_or(i32::MAX).min(40);
    most.min(digits - 1 - place)
}

/// A derived amount with its unit, rounded `way` to at most `digits` significant digits
/// (see [`justified_digits`]) and never to more than [`format_derived`] shows.
pub(crate) fn format_derived_digits(value: f64, unit: &str, digits: u32, way: Rounding) -> String {
    let reading = round_for_reading_toward(value, way);
    if !value.is_finite() || value == 0.0 {
        return format_amount(reading, unit);
    }
    let magnitude = value.abs();
    let most = if (1_000.0..1e6).contains(&magnitude) {
        0
    } else {
        4 - 1 - magnitude.log10().floor() as i32
    };
    format_amount(
        round_toward(value, decimals_within(value, digits, most), way),
        unit,
    )
}

/// A derived value (a run rate, an average) rounded for reading, with its unit: four
/// significant digits, but whole units between 1,000 and a million.
///
/// ```
/// use bilateral::words::format_derived;
///
/// assert_eq!(format_derived(2_600_000.0 * 12.0 / 7.0, "t"), "4.457 million t");
/// assert_eq!(format_derived(40_200.0 * 12.0 / 7.0, "TEU"), "68,914 TEU");
/// assert_eq!(format_derived(9.997_226, "persons"), "9.997");
/// ```
pub fn format_derived(value: f64, unit: &str) -> String {
    format_amount(round_for_reading(value), unit)
}

/// A derived bound rounded for reading as [`format_derived`] rounds, but outwards: a
/// low end `Rounding::Down`, a high end `Rounding::Up`, so that the text never claims
/// more precision than the computation had.
pub(crate) fn format_derived_toward(value: f64, unit: &str, way: Rounding) -> String {
    format_amount(round_for_reading_toward(value, way), unit)
}

fn round_for_reading(value: f64) -> f64 {
    round_for_reading_toward(value, Rounding::Nearest)
}

/// `value` rounded `way` to the digits [`format_derived`] shows.
pub(crate) fn round_for_reading_toward(value: f64, way: Rounding) -> f64 {
    let magnitude = value.abs();
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    if (1_000.0..1e6).contains(&magnitude) {
        return round_toward(value, 0, way);
    }
    round_toward(value, 4 - 1 - magnitude.log10().floor() as i32, way)
}

/// Which way a number is rounded for display: a point value to the nearest, the low
/// end of an interval down and the high end up, so that a shown interval always holds
/// the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rounding {
    /// To the nearest (a point value).
    Nearest,
    /// Towards minus infinity (a lower bound).
    Down,
    /// Towards plus infinity (an upper bound).
    Up,
}

/// `value` rounded `way` to `decimals` decimals (a negative count rounds to tens,
/// hundreds …). The result is the double nearest to the rounded decimal, so printing
/// it shows exactly that decimal.
///
/// A value within a few units in the last place of the rounded decimal counts as that
/// decimal: arithmetic on bounds leaves such noise (547.6 / 136.9 is 4.000…04 in
/// doubles), and stepping a whole digit outwards for it would show "+300.1 %" where
/// the bound is +300 %.
pub(crate) fn round_toward(value: f64, decimals: i32, way: Rounding) -> f64 {
    if !value.is_finite() {
        return value;
    }
    // Dividing by a power of ten is exact for the factors that matter here, where
    // multiplying by its reciprocal is not.
    let factor = 10f64.powi(decimals.abs());
    // Beyond the range of doubles (a subnormal to 310 decimals, 1e308 to the next
    // 1e305): the value is already as precise as a double can say, and is its own
    // rounding, outwards included.
    if !factor.is_finite() || (decimals >= 0 && !(value * factor).is_finite()) {
        return value;
    }
    let to_steps = |v: f64| {
        if decimals >= 0 {
            v * factor
        } else {
            v / factor
        }
    };
    let from_steps = |n: f64| {
        if decimals >= 0 {
            n / factor
        } else {
            n * factor
        }
    };
    let steps = to_steps(value).round();
    let nearest = from_steps(steps);
    let noise = 4.0 * f64::EPSILON * value.abs();
    let stepped = |by: f64| from_steps(steps + by);
    let rounded = match way {
        Rounding::Nearest => nearest,
        Rounding::Down if nearest <= value + noise => nearest,
        Rounding::Up if nearest >= value - noise => nearest,
        Rounding::Down => stepped(-1.0),
        Rounding::Up => stepped(1.0),
    };
    // f64::MAX rounded up to the next 1e305 overflows: it is its own bound.
    if rounded.is_finite() {
        rounded
    } else {
        value
    }
}

/// Where a computed value sits in its interval, when it sits at one end: an "over"
/// input makes a growth its lowest possible value, an "under" one its highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// The value is the lowest the bounds allow.
    Low,
    /// The value is the highest the bounds allow.
    High,
}

/// A computed value and its bounds as text: the value rounded to the nearest, the low
/// end down and the high end up (by `show`, given the way to round), so that the shown
/// interval always holds the computed one; and which end, if any, the value sits at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShownInterval {
    pub(crate) value: String,
    pub(crate) low: String,
    pub(crate) high: String,
    /// `None` when the value lies inside, or when the bounds read alike.
    pub(crate) end: Option<End>,
}

impl ShownInterval {
    /// `value` in `[low, high]` through `show`.
    pub(crate) fn new(
        value: f64,
        low: f64,
        high: f64,
        show: impl Fn(f64, Rounding) -> String,
    ) -> ShownInterval {
        // Equal up to float noise: the value and its bounds come from the same inputs
        // by different sequences of operations.
        let same = |a: f64, b: f64| (a - b).abs() <= 1e-12 * a.abs().max(b.abs());
        let value_text = show(value, Rounding::Nearest);
        // Exact inputs give an exact result: rounding its two equal ends apart would
        // invent an interval.
        if same(low, high) {
            return ShownInterval {
                low: value_text.clone(),
                high: value_text.clone(),
                value: value_text,
                end: None,
            };
        }
        let (low_text, high_text) = (show(low, Rounding::Down), show(high, Rounding::Up));
        let end = if low_text == high_text {
            None
        } else if same(value, low) {
            Some(End::Low)
        } else if same(value, high) {
            Some(End::High)
        } else {
            None
        };
        ShownInterval {
            value: value_text,
            low: low_text,
            high: high_text,
            end,
        }
    }

    /// True when the bounds read alike, so that the value alone says it all.
    pub(crate) fn reads_as_one(&self) -> bool {
        self.low == self.high
    }

    /// "about 10 [9.99 – 10.1] per 1,000 residents" (`after` being " per 1,000
    /// residents"): a derived figure whose input the same sentence gives with its
    /// qualifier ("over 102,000"), so that the value is read as approximate and the
    /// bounds as the table writes them; the value alone where the bounds read alike.
    pub(crate) fn about(&self, after: &str) -> String {
        if self.reads_as_one() {
            format!("{}{after}", self.value)
        } else {
            format!("about {} [{} – {}]{after}", self.value, self.low, self.high)
        }
    }

    /// "10 [9.666, 11.072]"; "at least 1.426 (at most 1.441)" for a value at its low
    /// end and "at most 40 (at least -30)" at its high end, so that an end of the range
    /// never reads as a central measurement; the value alone where the bounds read
    /// alike. `after` ("times as much") follows the brackets, but comes before the
    /// parenthesis, which belongs to the whole phrase.
    pub(crate) fn words(&self, after: &str) -> String {
        match self.end {
            _ if self.reads_as_one() => format!("{}{after}", self.value),
            Some(End::Low) => format!("at least {}{after} (at most {})", self.low, self.high),
            Some(End::High) => format!("at most {}{after} (at least {})", self.high, self.low),
            None => format!("{} [{}, {}]{after}", self.value, self.low, self.high),
        }
    }
}

/// A number with thousands separators, or in millions or billions when its significant
/// digits allow: `570,400`, `547.6 million`, `2.549 million`, `0.9`.
pub fn format_number(value: f64) -> String {
    // No "-0": a zero has no sign worth printing.
    let value = if value == 0.0 { 0.0 } else { value };
    let magnitude = value.abs();
    let unit = last_digit_unit(value);
    for (scale, word, decimals) in SCALES {
        if magnitude >= scale && unit >= scale / decimals {
            let decimals = decimals_for(unit / scale);
            return format!(
                "{} {word}",
                group(&format!("{:.*}", decimals, value / scale))
            );
        }
    }
    group(&format!("{:.*}", decimals_for(unit), value))
}

/// The scales numbers are written in, largest first, with how small a last digit each
/// may show: a thousandth of a million, a ten-thousandth of a billion or trillion.
const SCALES: [(f64, &str, f64); 3] = [
    (1e12, "trillion", 1e4),
    (1e9, "billion", 1e4),
    (1e6, "million", 1e3),
];

/// Decimals needed to show a digit of size `unit` (0 for 1 and above), at most
/// [`MOST_DECIMALS`]: a format precision above 65,535 panics, and a unit of zero would
/// ask for infinitely many.
fn decimals_for(unit: f64) -> usize {
    if unit >= 1.0 {
        0
    } else {
        let decimals = (-unit.log10()).round();
        if decimals.is_nan() {
            return 0;
        }
        (decimals.max(0.0) as usize).min(MOST_DECIMALS)
    }
}

/// The decimals of the smallest positive double, 4.9e-324, with one to spare: no
/// finite value needs more to show its last digit.
const MOST_DECIMALS: usize = 325;

/// Inserts thousands separators into the integer part of a formatted number.
pub(crate) fn group(number: &str) -> String {
    let (sign, digits) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (integer, fraction) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut grouped = String::new();
    for (i, ch) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// One observation in words: value, bounds where they differ, status where not actual.
pub fn describe_observation(obs: &Observation) -> String {
    let mut text = format_value(obs.value, &obs.unit, obs.qualifier);
    if obs.low != obs.high {
        let _ = write!(
            text,
            " [{} – {}]",
            format_amount(obs.low, &obs.unit),
            format_amount(obs.high, &obs.unit)
        );
    }
    if obs.status != Status::Actual {
        let _ = write!(text, " ({})", obs.status);
    }
    text
}

/// A stored bound as prose shows it: as published when it has at most
/// [`MOST_PROSE_DIGITS`] significant digits (or `digits`, if more), else rounded `way`
/// (outwards: a low end down, a high end up) to `digits`.
pub(crate) fn prose_bound(value: f64, digits: u32, way: Rounding) -> f64 {
    let published = significant_digits(value, value, value).unwrap_or(0);
    if published <= MOST_PROSE_DIGITS.max(digits) {
        value
    } else {
        round_toward(
            value,
            decimals_within(value, digits, MOST_DECIMALS as i32),
            way,
        )
    }
}

/// [`describe_observation`] at the precision of a report's prose ([`prose_figure`]):
/// a figure published with more than [`MOST_PROSE_DIGITS`] digits rounded to `digits`,
/// its bounds rounded outwards, so that the shown range holds the stored one.
pub(crate) fn describe_observation_in(obs: &Observation, digits: u32) -> String {
    let mut text = prose_value(obs.value, &obs.unit, obs.qualifier, digits);
    if obs.low != obs.high {
        let bound = |v: f64, way: Rounding| format_amount(prose_bound(v, digits, way), &obs.unit);
        let _ = write!(
            text,
            " [{} – {}]",
            bound(obs.low, Rounding::Down),
            bound(obs.high, Rounding::Up)
        );
    }
    if obs.status != Status::Actual {
        let _ = write!(text, " ({})", obs.status);
    }
    text
}

/// `number` with six significant digits, as Python's `format(number, ".6g")` writes it
/// (how a result object of the Python API shows a plain number): trailing zeros
/// dropped, an exponent below −4 or from 6 on in scientific notation.
#[cfg_attr(
    not(feature = "python"),
    allow(dead_code, reason = "used by the Python results")
)]
pub(crate) fn six_digits(number: f64) -> String {
    if number == 0.0 {
        return if number.is_sign_negative() { "-0" } else { "0" }.to_owned();
    }
    if !number.is_finite() {
        return if number.is_nan() {
            "nan".to_owned()
        } else if number > 0.0 {
            "inf".to_owned()
        } else {
            "-inf".to_owned()
        };
    }
    let trimmed = |text: String| -> String {
        if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            text
        }
    };
    // Rounded to six digits first: the rounding may carry into the exponent (999999.5).
    let scientific = format!("{number:.5e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if !(-4..6).contains(&exponent) {
        let sign = if exponent < 0 { '-' } else { '+' };
        return format!(
            "{}e{sign}{:02}",
            trimmed(mantissa.to_owned()),
            exponent.abs()
        );
    }
    let decimals = usize::try_from(5 - exponent).unwrap_or(0);
    trimmed(format!("{number:.decimals$}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn six_digits_writes_numbers_as_pythons_g_format() {
        // format(x, ".6g") in Python: 5.625 → "5.625", 4.0 → "4",
        // 1234567.0 → "1.23457e+06", 0.0001234 → "0.0001234", 0.00001234 → "1.234e-05",
        // 999999.5 rounds up to 1e+06.
        assert_eq!(six_digits(5.625), "5.625");
        assert_eq!(six_digits(4.0), "4");
        assert_eq!(six_digits(1_234_567.0), "1.23457e+06");
        assert_eq!(six_digits(0.000_123_4), "0.0001234");
        assert_eq!(six_digits(0.000_012_34), "1.234e-05");
        assert_eq!(six_digits(999_999.5), "1e+06");
        assert_eq!(six_digits(-2.5), "-2.5");
        assert_eq!(six_digits(1.0 / 3.0), "0.333333");
    }

    /// The number a text from [`format_amount`] with unit "t" stands for.
    fn read_tonnes(text: &str) -> f64 {
        let number = text.strip_suffix(" t").unwrap_or(text).replace(',', "");
        // Read as one decimal ("4.457e6"), so that the scale adds no rounding of its own.
        let (digits, exponent) = match number.split_once(' ') {
            Some((digits, "million")) => (digits.to_owned(), 6),
            Some((digits, "billion")) => (digits.to_owned(), 9),
            Some((digits, "trillion")) => (digits.to_owned(), 12),
            _ => (number, 0),
        };
        format!("{digits}e{exponent}").parse().unwrap()
    }

    #[test]
    fn bounds_round_outwards_and_points_to_the_nearest() {
        // 102,000 / 71,500 = 1.426573…: to the nearest 1.427, but a low end of 1.426
        let ratio = 102_000.0 / 71_500.0;
        assert_eq!(round_toward(ratio, 3, Rounding::Nearest), 1.427);
        assert_eq!(round_toward(ratio, 3, Rounding::Down), 1.426);
        assert_eq!(round_toward(ratio, 3, Rounding::Up), 1.427);
        // 40,200 / 22,340 − 1 = 79.946… %
        let pct = (40_200.0 / 22_340.0 - 1.0) * 100.0;
        assert_eq!(round_toward(pct, 1, Rounding::Down), 79.9);
        assert_eq!(round_toward(pct, 1, Rounding::Up), 80.0);
        assert_eq!(round_toward(-0.041_75, 1, Rounding::Down), -0.1);
        // to hundreds: 123,456 lies between 123,400 and 123,500
        assert_eq!(round_toward(123_456.0, -2, Rounding::Down), 123_400.0);
        assert_eq!(round_toward(123_456.0, -2, Rounding::Up), 123_500.0);
    }

    #[test]
    fn a_bound_already_at_the_shown_precision_is_shown_as_it_is() {
        assert_eq!(round_toward(1.5, 1, Rounding::Down), 1.5);
        assert_eq!(round_toward(1.5, 1, Rounding::Up), 1.5);
        // 547.6 / 136.9 is a hair above 4 in doubles: still +300.0 %, not +300.1 %
        let pct = (547.6 / 136.9 - 1.0) * 100.0;
        assert_eq!(round_toward(pct, 1, Rounding::Up), 300.0);
    }

    #[test]
    fn derived_bounds_keep_four_digits_rounded_outwards() {
        // 4,457,142.86: four significant digits are 4.457 million, the high end 4.458
        let run_rate = 2_600_000.0 * 12.0 / 7.0;
        assert_eq!(
            format_derived_toward(run_rate, "t", Rounding::Down),
            "4.457 million t"
        );
        assert_eq!(
            format_derived_toward(run_rate, "t", Rounding::Up),
            "4.458 million t"
        );
        // whole units between 1,000 and a million: 68,914.29 → [68,914, 68,915]
        let teu = 40_200.0 * 12.0 / 7.0;
        assert_eq!(
            format_derived_toward(teu, "TEU", Rounding::Down),
            "68,914 TEU"
        );
        assert_eq!(
            format_derived_toward(teu, "TEU", Rounding::Up),
            "68,915 TEU"
        );
    }

    #[test]
    fn a_value_at_an_end_of_its_bounds_is_said_to_be_that_end() {
        let show = |v: f64, way: Rounding| format!("{}", round_toward(v, 3, way));
        let (low, high) = (102_000.0 / 71_500.0, 103_000.0 / 71_500.0);
        let shown = ShownInterval::new(low, low, high, show);
        assert_eq!(shown.end, Some(End::Low));
        assert_eq!(
            shown.words(" times as much"),
            "at least 1.426 times as much (at most 1.441)"
        );
        let shown = ShownInterval::new(high, low, high, show);
        assert_eq!(shown.words(""), "at most 1.441 (at least 1.426)");
        let middle = ShownInterval::new(1.43, low, high, show);
        assert_eq!(middle.words("x"), "1.43 [1.426, 1.441]x");
        // exact inputs: no interval to round apart
        let exact = ShownInterval::new(low, low, low, show);
        assert_eq!(exact.words(""), "1.427");
    }

    /// A random figure at a random magnitude (10⁻⁶ to 10¹³, either sign), sometimes
    /// with few digits so that values on the shown precision are covered too.
    fn figure() -> impl Strategy<Value = f64> {
        (1.0f64..10.0, -6i32..13, 0usize..8, any::<bool>()).prop_map(
            |(mantissa, exponent, digits, negative)| {
                let factor = 10f64.powi(digits as i32);
                let mantissa = if digits < 7 {
                    (mantissa * factor).round() / factor
                } else {
                    mantissa
                };
                let value = mantissa * 10f64.powi(exponent);
                if negative {
                    -value
                } else {
                    value
                }
            },
        )
    }

    /// Within the float noise [`round_toward`] lets through.
    fn at_most(shown: f64, bound: f64) -> bool {
        shown <= bound + 8.0 * f64::EPSILON * bound.abs()
    }

    proptest! {
        #[test]
        fn rounded_bounds_never_move_inwards(value in figure(), decimals in -8i32..8) {
            let down = round_toward(value, decimals, Rounding::Down);
            let up = round_toward(value, decimals, Rounding::Up);
            prop_assert!(at_most(down, value), "{down} above {value}");
            prop_assert!(at_most(value, up), "{up} below {value}");
            // and by less than one step of the shown precision, where a double can
            // tell such steps apart
            let step = 10f64.powi(-decimals);
            if step > 16.0 * f64::EPSILON * value.abs() {
                prop_assert!(value - down < step * (1.0 + 1e-9), "{down} for {value}");
                prop_assert!(up - value < step * (1.0 + 1e-9), "{up} for {value}");
            }
        }

        #[test]
        fn displayed_derived_bounds_contain_computed_ones(a in figure(), b in figure()) {
            let (low, high) = (a.min(b), a.max(b));
            let shown_low = read_tonnes(&format_derived_toward(low, "t", Rounding::Down));
            let shown_high = read_tonnes(&format_derived_toward(high, "t", Rounding::Up));
            prop_assert!(at_most(shown_low, low), "{shown_low} above {low}");
            prop_assert!(at_most(high, shown_high), "{shown_high} below {high}");
        }

        #[test]
        fn stored_figures_are_shown_exactly(digits in 1i64..100_000_000, exponent in -12i32..8) {
            // A figure as typed (up to eight significant digits, at any magnitude) reads
            // back as itself: its stored bounds are never rounded for display.
            let value: f64 = format!("{digits}e{exponent}").parse().unwrap();
            prop_assert_eq!(read_tonnes(&format_amount(value, "t")), value);
            prop_assert_eq!(read_tonnes(&format_amount(-value, "t")), -value);
        }
    }

    /// The significant digits a reader counts in a number from [`prose_amount`] with
    /// unit "t": every digit from the first non-zero one, but a whole number's
    /// trailing zeros only up to its last non-zero digit ("308 million" has three,
    /// "24.0 million" three, "102,000" three).
    fn digits_read(text: &str) -> usize {
        let number = text.strip_suffix(" t").unwrap_or(text);
        let number = number
            .split(' ')
            .next()
            .unwrap_or("")
            .replace([',', '-'], "");
        let significant = number.trim_start_matches(['0', '.']);
        if number.contains('.') {
            significant.chars().filter(char::is_ascii_digit).count()
        } else {
            significant.trim_end_matches('0').len()
        }
    }

    proptest! {
        #[test]
        fn prose_shows_at_most_the_digits_asked_of_a_long_figure(
            digits_written in 5u32..10,
            mantissa in 1.0f64..10.0,
            exponent in -2i32..13,
            asked in 1u32..=4,
        ) {
            // a figure written with 5 to 9 significant digits, as an office's table has
            let factor = 10f64.powi(digits_written as i32 - 1);
            let value = (mantissa * factor).round() / factor * 10f64.powi(exponent);
            prop_assume!(significant_digits(value, value, value).unwrap_or(0) > 4);
            let text = prose_amount(value, "t", asked);
            prop_assert!(digits_read(&text) <= asked as usize, "{text} for {value}");
            // and it is the figure rounded to those digits: within half a step of it
            let step = 10f64.powi((value.abs().log10() + 1e-9).floor() as i32 - asked as i32 + 1);
            let shown = read_tonnes(&text);
            prop_assert!((shown - value).abs() <= step / 2.0 * (1.0 + 1e-9), "{text} for {value}");
        }

        #[test]
        fn prose_quotes_a_figure_of_four_digits_or_fewer_as_published(
            digits in 1i64..10_000,
            exponent in -3i32..10,
            asked in 1u32..=4,
        ) {
            let value: f64 = format!("{digits}e{exponent}").parse().unwrap();
            prop_assert_eq!(prose_amount(value, "t", asked), format_amount(value, "t"));
        }
    }

    #[test]
    fn a_rounded_figure_keeps_the_zeros_of_its_digits() {
        assert_eq!(prose_amount(24_011_000.0, "USD", 3), "$24.0 million");
        assert_eq!(prose_amount(2_196_385_900.0, "USD", 3), "$2.20 billion");
        assert_eq!(prose_amount(999_612.0, "t", 3), "1.00 million t");
        assert_eq!(prose_amount(123_456.0, "t", 3), "123,000 t");
        assert_eq!(prose_amount(12.345_67, "t", 3), "12.3 t");
        assert_eq!(prose_amount(-334_201_700.0, "USD", 3), "-$334 million");
    }

    #[test]
    fn numbers_use_the_scale_their_digits_allow() {
        assert_eq!(format_number(547_600_000.0), "547.6 million");
        assert_eq!(format_number(156_000_000.0), "156 million");
        assert_eq!(format_number(182_530_000.0), "182.53 million");
        assert_eq!(format_number(2_549_000.0), "2.549 million");
        assert_eq!(format_number(1_234_567.0), "1,234,567");
        assert_eq!(format_number(1_000_000.0), "1 million");
        assert_eq!(format_number(900_000.0), "900,000");
        assert_eq!(format_number(1_234.5), "1,234.5");
        assert_eq!(format_number(-3_800_000.0), "-3.8 million");
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(2_230_500_000.0), "2.2305 billion");
        assert_eq!(format_number(5e12), "5 trillion");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
    }

    #[test]
    fn derived_values_are_rounded_for_reading() {
        assert_eq!(format_derived(371_428.571_428, "t"), "371,429 t");
        assert_eq!(format_derived(520_000.0, "t"), "520,000 t");
        assert_eq!(format_derived(3.472_13, "persons"), "3.472");
        assert_eq!(format_derived(0.000_123_456, "count"), "0.0001235");
        assert_eq!(format_derived(-4_457_142.9, "USD"), "-$4.457 million");
    }

    #[test]
    fn amounts_carry_their_unit() {
        assert_eq!(format_amount(38_200_000.0, "USD"), "$38.2 million");
        assert_eq!(format_amount(-5_000_000.0, "USD"), "-$5 million");
        assert_eq!(format_amount(380.0, "km"), "380 km");
        assert_eq!(format_amount(150.0, "count"), "150");
        assert_eq!(
            format_value(59_000.0, "persons", Qualifier::Approx),
            "around 59,000"
        );
        assert_eq!(
            format_value(150.0, "count", Qualifier::Nearly),
            "nearly 150"
        );
    }
}
