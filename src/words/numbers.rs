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
    let number = format_number(value);
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
    let amount = format_amount(value, unit);
    match qualifier.prose() {
        "" => amount,
        word => format!("{word} {amount}"),
    }
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

fn round_for_reading(value: f64) -> f64 {
    let magnitude = value.abs();
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    if (1_000.0..1e6).contains(&magnitude) {
        return value.round();
    }
    let digits = 4 - 1 - magnitude.log10().floor() as i32;
    let factor = 10f64.powi(digits);
    // Dividing by a power of ten is exact for the factors that matter here, where
    // multiplying by its reciprocal is not.
    if digits >= 0 {
        (value * factor).round() / factor
    } else {
        let divisor = 10f64.powi(-digits);
        (value / divisor).round() * divisor
    }
}

/// A number with thousands separators, or in millions or billions when its significant
/// digits allow: `570,400`, `547.6 million`, `2.549 million`, `0.9`.
pub fn format_number(value: f64) -> String {
    // No "-0": a zero has no sign worth printing.
    let value = if value == 0.0 { 0.0 } else { value };
    let magnitude = value.abs();
    let unit = last_digit_unit(value);
    for (scale, word, decimals) in [
        (1e12, "trillion", 1e4),
        (1e9, "billion", 1e4),
        (1e6, "million", 1e3),
    ] {
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

/// Decimals needed to show a digit of size `unit` (0 for 1 and above).
fn decimals_for(unit: f64) -> usize {
    if unit >= 1.0 {
        0
    } else {
        (-unit.log10()).round().max(0.0) as usize
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
