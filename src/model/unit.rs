//! Units as tables publish them: "million USD" is a multiple of the indicator's unit
//! `USD`, and a figure given in it is stored in `USD`.

use crate::error::{Error, Result};

/// The words that name a multiple, as statistical tables write them (case ignored).
const MULTIPLES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("thous.", 1e3),
    ("th", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mio", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
];

/// How many `base` units one `unit` is: 1 for `base` itself, 1000 for "thousand
/// `base`", 10⁶ for "million `base`" or "mn `base`" …; `None` when `unit` is neither.
///
/// ```
/// use bilateral::unit_multiple;
///
/// assert_eq!(unit_multiple("USD", "USD"), Some(1.0));
/// assert_eq!(unit_multiple("million USD", "USD"), Some(1e6));
/// assert_eq!(unit_multiple("bn USD", "USD"), Some(1e9));
/// assert_eq!(unit_multiple("thousand t", "t"), Some(1e3));
/// assert_eq!(unit_multiple("million EUR", "USD"), None);
/// ```
pub fn unit_multiple(unit: &str, base: &str) -> Option<f64> {
    let unit = unit.trim();
    if unit == base {
        return Some(1.0);
    }
    let (word, rest) = unit.split_once(char::is_whitespace)?;
    if rest.trim() != base {
        return None;
    }
    MULTIPLES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|(_, multiple)| *multiple)
}

/// Checks a factor that figures are multiplied by (`scale=`): finite and positive.
pub(crate) fn check_scale(scale: f64) -> Result<f64> {
    if scale.is_finite() && scale > 0.0 {
        Ok(scale)
    } else {
        Err(Error::invalid(
            "scale",
            scale.to_string(),
            "is not a positive number",
        ))
    }
}
