//! Units as tables publish them: "million USD" is a multiple of the indicator's unit
//! `USD`, and a figure given in it is stored in `USD`.

use crate::error::{short_number, Error, Result};

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

/// The multiple a unit names by its first word ("thousand USD": 1000, "mn t": 10⁶),
/// whatever its base; `None` for a unit without such a word ("USD", "t").
pub(crate) fn multiple_named(unit: &str) -> Option<(f64, &str)> {
    let (word, rest) = unit.trim().split_once(char::is_whitespace)?;
    if rest.trim().is_empty() {
        return None;
    }
    MULTIPLES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, multiple)| (multiple, word))
}

/// Refuses `scale` beside a unit that is already a multiple ("thousand USD" with
/// `scale=1000`): both would multiply the figures, a thousand times too large. `row`
/// is the record the unit belongs to.
pub(crate) fn check_scale_beside_unit(scale: f64, unit: &str, row: Option<usize>) -> Result<()> {
    if scale == 1.0 {
        return Ok(());
    }
    let Some((multiple, word)) = multiple_named(unit) else {
        return Ok(());
    };
    let error = Error::invalid(
        "unit",
        unit,
        format!(
            "names a multiple ({word}, {}) and scale={} multiplies the figures too, so they \
             would be scaled twice: give the unit without the multiple, or leave scale out",
            short_number(multiple),
            short_number(scale)
        ),
    );
    Err(match row {
        Some(row) => error.at_record(row),
        None => error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_multiple_unit_beside_a_scale_is_refused_naming_both() {
        assert!(check_scale_beside_unit(1000.0, "USD", None).is_ok());
        assert!(check_scale_beside_unit(1.0, "thousand USD", None).is_ok());
        let error = check_scale_beside_unit(1000.0, "thousand USD", Some(3)).unwrap_err();
        let text = error.to_string();
        assert!(text.contains("thousand USD"), "{text}");
        assert!(text.contains("scaled twice"), "{text}");
        // "thousand" is 1e3, written as a message writes numbers; the scale too.
        assert!(text.contains("(thousand, 1000) and scale=1000 "), "{text}");
        assert_eq!(multiple_named("mn t"), Some((1e6, "mn")));
        assert_eq!(multiple_named("t"), None);
    }
}
