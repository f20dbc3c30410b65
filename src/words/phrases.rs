//! The phrases report sentences are built from: changes (`up 4.2 % [+3.9 %, +4.5 %]`),
//! shares, ratios, statuses, plurals and capitals.

use crate::model::Status;
use crate::words::numbers::{format_derived, group};

pub(crate) fn status_words(status: Status) -> &'static str {
    match status {
        Status::Actual => "",
        Status::Estimate => " (an estimate)",
        Status::Provisional => " (provisional)",
        Status::Target => " (a target)",
        Status::Projection => " (a projection)",
    }
}

/// "up 72.9 % [+71.4 %, +76.1 %]", "down 4.2 %": bounds in brackets where they differ.
pub(crate) fn change_words(pct: f64, low: Option<f64>, high: Option<f64>) -> String {
    if let (Some(l), Some(h)) = (low, high) {
        // Bounds on both sides of zero: neither "up" nor "down" is known.
        if l < 0.0 && h > 0.0 {
            return format!(
                "a change of {} % [{} %, {} %]",
                signed_pct(pct),
                signed_pct(l),
                signed_pct(h)
            );
        }
    }
    if format!("{pct:.1}") == "0.0" || format!("{pct:.1}") == "-0.0" {
        return "unchanged".to_owned();
    }
    let direction = if pct >= 0.0 { "up" } else { "down" };
    let bounds = match (low, high) {
        (Some(l), Some(h)) if format!("{l:.1}") != format!("{h:.1}") => {
            format!(" [{} %, {} %]", signed_pct(l), signed_pct(h))
        }
        _ => String::new(),
    };
    format!("{direction} {} %{bounds}", plain_pct(pct.abs()))
}

/// "up $15 million", "down 200 t": the change in the unit, for bases where a
/// percentage would mislead.
pub(crate) fn amount_change_words(change: f64, unit: &str) -> String {
    let direction = if change >= 0.0 { "up" } else { "down" };
    format!("{direction} {}", format_derived(change.abs(), unit))
}

/// A percentage with one decimal and thousands separators: "1,700.0".
pub(crate) fn plain_pct(pct: f64) -> String {
    group(&format!("{pct:.1}"))
}

/// The same with its sign: "+1,700.0", "-0.4".
pub(crate) fn signed_pct(pct: f64) -> String {
    let text = plain_pct(pct);
    if text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    }
}

/// "54.0 %", "31.5 % [30.9 %, 32.7 %]".
pub(crate) fn pct_words(pct: f64, low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if format!("{l:.1}") != format!("{h:.1}") => {
            format!(
                "{} % [{} %, {} %]",
                plain_pct(pct),
                plain_pct(l),
                plain_pct(h)
            )
        }
        _ => format!("{} %", plain_pct(pct)),
    }
}

/// A fraction as a percentage: "22.19 %", "50 % [48 %, 52 %]".
pub(crate) fn share_words(share: f64, low: f64, high: f64) -> String {
    let show = |v: f64| format!("{} %", trim_number(v * 100.0, 2));
    if show(low) == show(high) {
        show(share)
    } else {
        format!("{} [{}, {}]", show(share), show(low), show(high))
    }
}

/// "1.427", "10 [9.667, 11.07]".
pub(crate) fn ratio_words(ratio: f64, low: f64, high: f64) -> String {
    let (l, h) = (trim_number(low, 3), trim_number(high, 3));
    if l == h {
        trim_number(ratio, 3)
    } else {
        format!("{} [{l}, {h}]", trim_number(ratio, 3))
    }
}

/// A number with at most `decimals` decimals and no trailing zeros; below 1, three
/// significant digits, so that a small figure never reads as zero.
pub(crate) fn trim_number(value: f64, decimals: usize) -> String {
    let magnitude = value.abs();
    let decimals = if magnitude > 0.0 && magnitude < 1.0 {
        decimals.max((2.0 - magnitude.log10().floor()) as usize)
    } else {
        decimals
    };
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

pub(crate) fn plural(word: &str, n: usize) -> String {
    if n == 1 {
        word.to_owned()
    } else if word.ends_with('s') || word.ends_with('h') {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// A text with its bounds in brackets when they read differently.
pub(crate) fn bounded(point: String, low: f64, high: f64, show: impl Fn(f64) -> String) -> String {
    let (l, h) = (show(low), show(high));
    if l == h {
        point
    } else {
        format!("{point} [{l}, {h}]")
    }
}

pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
