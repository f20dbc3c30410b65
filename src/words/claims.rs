//! The words of claim checks: what a claim's number allows ("3 to 4 times"), a figure
//! with its period, an implied range rounded outwards ("between $136.9 million and
//! $182.6 million"), a change between two figures ("between 9.0 % lower and 1.8 %
//! higher"), each end of a shown interval rounded outwards.

use super::numbers::{format_derived_toward, round_toward, Rounding};
use super::{format_derived, format_value, period_words};
use crate::model::{Claim, Observation, Relation};

/// What a claim's number allows, in words: "3 to 4 times", "+2 %", "17.5 % to 22.5 %".
pub(crate) fn allowed_words(claim: &Claim) -> String {
    let Some(a) = claim.allowed else {
        return String::new();
    };
    let show = |v: f64| match claim.relation {
        Relation::Ratio => trim(v),
        Relation::Pct => signed(trim(v)),
        _ => format!("{} %", trim(v)),
    };
    let range = if a.low == a.high {
        show(a.low)
    } else {
        format!("{} to {}", show(a.low), show(a.high))
    };
    match claim.relation {
        Relation::Ratio => format!("{range} times"),
        Relation::Pct if a.low == a.high => format!("{range} %"),
        Relation::Pct => format!("{} % to {} %", signed(trim(a.low)), signed(trim(a.high))),
        _ => range,
    }
}

/// "$547.6 million in January–August 2025".
pub(crate) fn figure_words(o: &Observation, unit: &str) -> String {
    format!(
        "{} in {}",
        format_value(o.value, unit, o.qualifier),
        period_words(&o.period)
    )
}

/// An implied interval in words, each end rounded outwards as derived figures are read:
/// "between $136.9 million and $182.6 million", "below $182.6 million", "about 2.549
/// million t" when the ends meet.
pub(crate) fn implied_words(low: Option<f64>, high: Option<f64>, unit: &str) -> String {
    let down = |v: f64| format_derived_toward(v, unit, Rounding::Down);
    let up = |v: f64| format_derived_toward(v, unit, Rounding::Up);
    match (low, high) {
        (Some(l), Some(h)) if format_derived(l, unit) == format_derived(h, unit) => {
            format!("about {}", format_derived(l, unit))
        }
        (Some(l), Some(h)) => format!("between {} and {}", down(l), up(h)),
        (Some(l), None) => format!("at least {}", down(l)),
        (None, Some(h)) => format!("at most {}", up(h)),
        (None, None) => "not bounded".to_owned(),
    }
}

/// "up 71.4 % to 76.1 %", "between 8.9 % lower and 1.8 % higher", "unchanged": a change
/// with its ends rounded outwards to one decimal.
pub(crate) fn change_range_words(point: f64, low: f64, high: f64) -> String {
    let lo = round_toward(low, 1, Rounding::Down);
    let hi = round_toward(high, 1, Rounding::Up);
    let pct = |v: f64| format!("{:.1} %", v.abs());
    if lo == hi || is_point(low, high) {
        let p = round_toward(point, 1, Rounding::Nearest);
        return match p {
            p if p > 0.0 => format!("up {}", pct(p)),
            p if p < 0.0 => format!("down {}", pct(p)),
            _ => "unchanged".to_owned(),
        };
    }
    if lo >= 0.0 {
        format!("up {} to {}", pct(lo), pct(hi))
    } else if hi <= 0.0 {
        format!("down {} to {}", pct(hi), pct(lo))
    } else {
        format!("between {} lower and {} higher", pct(lo), pct(hi))
    }
}

/// "5.625", or "between 2.9 and 3.2" when the interval reads wider than the point.
pub(crate) fn range_words(
    point: f64,
    low: f64,
    high: f64,
    show: impl Fn(f64, Rounding) -> String,
) -> String {
    let (l, h) = (show(low, Rounding::Down), show(high, Rounding::Up));
    if l == h || is_point(low, high) {
        show(point, Rounding::Nearest)
    } else {
        format!("between {l} and {h}")
    }
}

/// True when an interval is one value but for the float noise of its arithmetic.
pub(crate) fn is_point(low: f64, high: f64) -> bool {
    (high - low).abs() <= 1e-9 * low.abs().max(1.0)
}

/// The central value of a comparison in the claim's terms, for a claim it points
/// against: "a fall of 3.6 %", "a rise of 2.0 %", "no change" (pct, greater and less),
/// "2.9 times" (ratio), "18.4 %" (share).
pub(crate) fn central_words(relation: Relation, value: f64) -> String {
    match relation {
        Relation::Ratio => format!("{} times", trim(round_sig(value, 3, Rounding::Nearest))),
        Relation::Share => format!("{} %", trim(round_toward(value, 1, Rounding::Nearest))),
        _ => change_words(value),
    }
}

/// A change in percent as a noun: "a fall of 3.6 %", "a rise of 2.0 %", "no change".
pub(crate) fn change_words(pct: f64) -> String {
    let p = round_toward(pct, 1, Rounding::Nearest);
    match p {
        p if p > 0.0 => format!("a rise of {p:.1} %"),
        p if p < 0.0 => format!("a fall of {:.1} %", -p),
        _ => "no change".to_owned(),
    }
}

/// An end of what a claim allows that its words do not state, as an assumption:
/// "less than quadrupling" (the cap 4 of "more than tripling"), "a rise of less than
/// 5 %", "a fall of at least 3 %"; `upper` when it is the upper end.
pub(crate) fn unstated_end_words(relation: Relation, end: f64, upper: bool) -> String {
    let bound = if upper { "less than" } else { "at least" };
    match relation {
        Relation::Ratio => {
            let words = [(2.0, "doubling"), (3.0, "tripling"), (4.0, "quadrupling")];
            let word = words
                .iter()
                .find(|(multiple, _)| *multiple == end)
                .map_or_else(|| format!("{} times", trim(end)), |(_, w)| (*w).to_owned());
            format!("{bound} {word}")
        }
        Relation::Share => format!(
            "a share {} {} %",
            if upper { "below" } else { "of at least" },
            trim(end)
        ),
        // A fall's upper end is its smallest size, and its lower end its largest.
        _ if end < 0.0 || (end == 0.0 && upper) => format!(
            "a fall of {} {} %",
            if upper { "at least" } else { "less than" },
            trim(-end)
        ),
        _ => format!("a rise of {bound} {} %", trim(end)),
    }
}

pub(crate) fn quoted(text: &str) -> String {
    format!("“{text}”")
}

fn signed(text: String) -> String {
    if text.starts_with('-') {
        text.replacen('-', "−", 1)
    } else {
        format!("+{text}")
    }
}

/// A number with no trailing zeros.
pub(crate) fn trim(v: f64) -> String {
    let text = format!("{v:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// `v` rounded `way` to `digits` significant digits.
pub(crate) fn round_sig(v: f64, digits: i32, way: Rounding) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    round_toward(v, digits - 1 - v.abs().log10().floor() as i32, way)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unstated_end_reads_as_the_assumption_it_is() {
        // "more than tripling" is [3, 4]: the 4 is unstated
        assert_eq!(
            unstated_end_words(Relation::Ratio, 4.0, true),
            "less than quadrupling"
        );
        // "more than fivefold" is [5, 6]
        assert_eq!(
            unstated_end_words(Relation::Ratio, 6.0, true),
            "less than 6 times"
        );
        // "less than tripling" is [2, 3]: the 2 is unstated
        assert_eq!(
            unstated_end_words(Relation::Ratio, 2.0, false),
            "at least doubling"
        );
        // "more than 4% up" is [4, 5]; "more than 4% down" [−5, −4]; "less than 4%
        // down" [−4, −3]
        assert_eq!(
            unstated_end_words(Relation::Pct, 5.0, true),
            "a rise of less than 5 %"
        );
        assert_eq!(
            unstated_end_words(Relation::Pct, -5.0, false),
            "a fall of less than 5 %"
        );
        assert_eq!(
            unstated_end_words(Relation::Pct, -3.0, true),
            "a fall of at least 3 %"
        );
        assert_eq!(
            unstated_end_words(Relation::Share, 30.0, true),
            "a share below 30 %"
        );
    }

    #[test]
    fn a_central_value_reads_in_the_claims_terms() {
        assert_eq!(central_words(Relation::Greater, -3.571), "a fall of 3.6 %");
        assert_eq!(central_words(Relation::Pct, 2.0), "a rise of 2.0 %");
        assert_eq!(central_words(Relation::Less, 0.01), "no change");
        assert_eq!(central_words(Relation::Ratio, 2.9), "2.9 times");
        assert_eq!(central_words(Relation::Share, 18.44), "18.4 %");
    }
}
