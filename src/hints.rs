//! Hints that error messages add for common slips: "did you mean …" with the known name
//! closest to a misspelled one (by edit distance), numbers written with thousands
//! separators, and the marks statistics offices write where a value is missing.

use crate::error::Error;

/// The number of single-character insertions, deletions and substitutions that turn
/// `a` into `b` (Levenshtein), counted in characters, not bytes.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the distance table at a time: row[j] is the distance from the part of
    // `a` read so far to the first j characters of `b`.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// The candidate closest to `text` (ignoring case), when it is close enough to be a
/// slip rather than another name: at most two edits, and at most one edit per three
/// characters, so that short codes do not suggest each other. Ties go to the candidate
/// that comes first.
pub(crate) fn closest<'a>(
    text: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let text = text.trim().to_lowercase();
    let length = text.chars().count();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        // Two edits change the length by at most two: a longer or shorter candidate is
        // passed over without the table, which for a long text (a megabyte pasted into
        // a country) would take minutes.
        if candidate.chars().count().abs_diff(length) > 2 {
            continue;
        }
        let distance = edit_distance(&text, &candidate.to_lowercase());
        if distance <= 2 && distance * 3 <= length && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// `" (did you mean X?)"` for the closest candidate, or nothing.
pub(crate) fn did_you_mean<'a>(
    text: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    closest(text, candidates)
        .map(|c| format!(" (did you mean {c}?)"))
        .unwrap_or_default()
}

/// What to do with a number written with thousands separators, in general terms: the
/// Python layer says it in pandas' words (`thousands=","`) for
/// [`ErrorKind::ThousandsSeparators`](crate::ErrorKind::ThousandsSeparators).
// Numbers arrive as text only through Arrow and Python (the `arrow` feature).
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) const READ_WITH_THOUSANDS: &str = "read the file with its thousands separator set";

/// The reason a text with thousands separators given as a number is rejected.
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) fn thousands_separators_reason() -> String {
    format!("is not a number: it has thousands separators; {READ_WITH_THOUSANDS}, or remove them")
}

/// The error for `text`, a number with thousands separators, in a `field` column: of
/// kind [`ErrorKind::ThousandsSeparators`](crate::ErrorKind::ThousandsSeparators), with
/// the separator as the suggestion.
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) fn thousands_separators(field: &str, text: &str) -> Error {
    Error::invalid_as(
        crate::error::ErrorKind::ThousandsSeparators,
        field,
        text,
        thousands_separators_reason(),
    )
    .suggesting(separator_in(text))
}

/// The thousands separator of `text`, a number written with one: a comma or a plain,
/// no-break or thin space.
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) fn separator_in(text: &str) -> Option<String> {
    text.trim()
        .chars()
        .find(|c| [',', ' ', '\u{a0}', '\u{202f}'].contains(c))
        .map(String::from)
}

/// True for text such as `1,234`, `12 345.6` or `-1,234,567`: a number whose thousands
/// are set apart by commas or spaces (a plain, no-break or thin space), as a CSV read
/// without its thousands separator set leaves it.
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) fn has_thousands_separators(text: &str) -> bool {
    let text = text.trim();
    let text = text.strip_prefix(['-', '+']).unwrap_or(text);
    let whole = text.split('.').next().unwrap_or_default();
    let mut groups = whole.split([',', ' ', '\u{a0}', '\u{202f}']);
    let first = groups.next().unwrap_or_default();
    let is_digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let rest: Vec<&str> = groups.collect();
    is_digits(first)
        && first.len() <= 3
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && is_digits(g))
        && text[whole.len()..]
            .strip_prefix('.')
            .is_none_or(|fraction| fraction.bytes().all(|b| b.is_ascii_digit()))
}

/// The marks statistics offices put in a value's cell instead of a number, each with
/// who writes it (a dash is also written for nil, a true zero: see [`DASH`]).
/// Letters are matched in any case (`N/A`, `NA`, `X`). The offices' own legends:
/// Statistics Canada's standard table symbols, the German statistical offices'
/// explanation of symbols, the UK Government Statistical Service's shorthand.
const MISSING_MARKERS: [(&str, &str); 23] = [
    (
        "..",
        "as the World Bank, the OECD and Statistics Canada write it",
    ),
    (
        "...",
        "as UN tables write it; Statistics Canada: not applicable",
    ),
    (
        "…",
        "as UN tables write it; German offices: available later",
    ),
    (":", "as Eurostat writes it"),
    (".", "as Statistics Canada writes one never published"),
    ("·", "as German offices write one unknown or kept secret"),
    ("-", DASH),
    ("–", DASH),
    ("—", DASH),
    (
        "x",
        "as Statistics Canada marks one kept confidential, German offices one blocked",
    ),
    (
        "f",
        "as Statistics Canada marks one too unreliable to publish",
    ),
    ("/", "as German offices mark one not reliable enough"),
    ("[x]", "as UK statistics mark one not available"),
    ("[c]", "as UK statistics mark a confidential one"),
    ("[z]", "as UK statistics mark one that does not apply"),
    (
        "np",
        "as the Australian Bureau of Statistics marks one not published",
    ),
    ("n/a", "not available"),
    ("na", "not available"),
    ("n.a.", "not available"),
    ("#n/a", "as Excel writes a lookup that found nothing"),
    ("nan", "as pandas writes a missing number"),
    ("null", "as databases write it"),
    ("none", "as Python writes it"),
];

/// How a message names the choice to pass over rows without a value, the Rust way:
/// the Python binding puts its own spelling (`missing="skip"`) in its place.
pub(crate) const SKIP_MISSING: &str = "OnMissing::Skip";

/// Who writes a dash: for it, "missing" may be wrong, for they mean exactly zero.
const DASH: &str = "or nil: German offices and UN tables write a dash for exactly zero";

/// What a message says of an empty value (a CSV's empty cell, Python's None, NaN).
const EMPTY: &str = "is missing (an empty cell, None or NaN)";

/// What a message says of `text` as a missing value, and whether it may mean nil;
/// `None` when it is not a mark of one. Surrounding spaces do not count.
fn missing_marker(text: &str) -> Option<(String, bool)> {
    if text.trim().is_empty() {
        return Some((EMPTY.to_owned(), false));
    }
    who_writes(text).map(|who| (format!("marks a missing value ({who})"), who == DASH))
}

/// Who writes `text` (spaces around it and the case of its letters aside) for a
/// missing value, if it is one of [`MISSING_MARKERS`]. Asked of every value cell of a
/// file, so it allocates nothing.
fn who_writes(text: &str) -> Option<&'static str> {
    let text = text.trim();
    MISSING_MARKERS
        .iter()
        .find(|(marker, _)| marker.eq_ignore_ascii_case(text))
        .map(|&(_, who)| who)
}

/// True for a cell that holds no value: empty, or one of the marks offices write for a
/// missing value (`..`, `:`, `-`, `x`, `n/a` …).
pub(crate) fn is_missing_marker(text: &str) -> bool {
    text.trim().is_empty() || who_writes(text).is_some()
}

/// The error for a `field` whose cell holds `text`, a missing value (see
/// [`is_missing_marker`]): it names the mark and who writes it, and says what to do (for
/// the value, drop the row or skip such rows; a bound or precision may be left empty).
pub(crate) fn missing_value(field: &str, text: &str) -> Error {
    let (says, nil) = missing_marker(text).unwrap_or((EMPTY.to_owned(), false));
    let what_to_do = if field != "value" {
        format!("leave the cell empty ({field} may be)")
    } else if nil {
        format!("write 0 where it means zero, else drop the row or pass {SKIP_MISSING}")
    } else {
        format!("drop the row or pass {SKIP_MISSING}")
    };
    Error::invalid(field, text, format!("{says}: {what_to_do}"))
}

/// The error for a mark of a missing value, `text`, in a `field` column that holds
/// text because of it (pandas reads a column of numbers with a `..` in it as text):
/// it says how to read the file so that the mark is a missing number, and, when
/// `missing_is_an_error` (`OnMissing::Error`), what to do with the rows then.
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) fn missing_value_made_text(field: &str, text: &str, missing_is_an_error: bool) -> Error {
    let (says, _) = missing_marker(text).unwrap_or((EMPTY.to_owned(), false));
    let mark = text.trim();
    let then = if missing_is_an_error && field == "value" {
        format!(", then drop the rows or pass {SKIP_MISSING}")
    } else {
        " so that the other cells are numbers".to_owned()
    };
    Error::invalid_as(
        crate::error::ErrorKind::MissingMarkAsText,
        field,
        text,
        format!("{says}, which made the column text: {READ_WITH_MARK_AS_MISSING}{then}"),
    )
    .suggesting(Some(mark.to_owned()))
}

/// What to do with a mark of a missing value that made a column text, in general
/// terms: the Python layer says it in pandas' and polars' words (`na_values=[".."]`)
/// for [`ErrorKind::MissingMarkAsText`](crate::ErrorKind::MissingMarkAsText).
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) const READ_WITH_MARK_AS_MISSING: &str =
    "read the file with that mark as a missing value";

/// The reason an import gives for rows it passed over because their value cell held
/// `text`, a missing value: "value is missing (`..`)".
pub(crate) fn missing_value_reason(text: &str) -> String {
    match text.trim() {
        "" => "value is missing (empty cell)".to_owned(),
        mark => format!("value is missing (`{mark}`)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_thousands_separators_are_recognised() {
        for text in [
            "1,234",
            "12 345",
            "1,234,567.5",
            "-1,234",
            "1\u{a0}000",
            " 999,000 ",
        ] {
            assert!(has_thousands_separators(text), "{text}");
        }
        for text in [
            "1234", "1,23", "12,3456", "abc", "1,234x", ",123", "1.234,5", "",
        ] {
            assert!(!has_thousands_separators(text), "{text}");
        }
    }

    #[test]
    fn the_marks_offices_write_for_a_missing_value_are_named_and_numbers_are_not() {
        for text in [
            "..", " : ", "-", "–", "x", "X", "N/A", "NA", "n.a.", "…", "[c]", "", "·", "F", "/",
            "None",
        ] {
            assert!(is_missing_marker(text), "{text:?}");
        }
        for text in ["0", "1.5", "-1", "x1", "nab", "....", "–0"] {
            assert!(!is_missing_marker(text), "{text:?}");
        }
        let error = missing_value("value", "..").to_string();
        assert_eq!(
            error,
            "field \"value\": \"..\" marks a missing value (as the World Bank, the OECD and \
             Statistics Canada write it): drop the row or pass OnMissing::Skip"
        );
        assert!(missing_value("value", "-")
            .to_string()
            .contains("write 0 where it means zero"));
        assert!(missing_value("low", ":")
            .to_string()
            .ends_with("leave the cell empty (low may be)"));
        assert_eq!(missing_value_reason(" : "), "value is missing (`:`)");
        assert_eq!(missing_value_reason(""), "value is missing (empty cell)");
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("tourist", "tourists"), 1);
        assert_eq!(edit_distance("exprots", "exports"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("Türkiye", "Turkiye"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
    }

    #[test]
    fn a_text_far_longer_than_every_name_suggests_none() {
        let long = "q".repeat(100_000);
        assert_eq!(closest(&long, ["Kazakhstan", "Azerbaijan"]), None);
        // Two characters longer is still a slip.
        assert_eq!(closest("Kazakhstanxx", ["Kazakhstan"]), Some("Kazakhstan"));
    }

    #[test]
    fn only_a_close_enough_name_is_suggested() {
        let names = ["exports", "imports", "tourists"];
        assert_eq!(closest("tourist", names), Some("tourists"));
        assert_eq!(closest("Exprts", names), Some("exports"));
        assert_eq!(closest("cargo", names), None);
        // Two edits in five characters is another word, not a slip.
        assert_eq!(closest("Malta", ["Mali"]), None);
        assert_eq!(
            closest("Kazakstan", ["Kazakhstan", "Pakistan"]),
            Some("Kazakhstan")
        );
        assert_eq!(
            did_you_mean("touristss", names),
            " (did you mean tourists?)"
        );
        assert_eq!(did_you_mean("flights", names), "");
    }
}
