//! Hints that error messages add for common slips: "did you mean …" with the known name
//! closest to a misspelled one (by edit distance), and numbers written with thousands
//! separators.

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

/// The reason a text with thousands separators given as a number is rejected.
// Numbers arrive as text only through Arrow and Python (the `arrow` feature).
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) const THOUSANDS_SEPARATORS: &str = "is not a number: it has thousands separators; \
     read the CSV with pd.read_csv(..., thousands=\",\") (or thousands=\" \"), or remove them";

/// True for text such as `1,234`, `12 345.6` or `-1,234,567`: a number whose thousands
/// are set apart by commas or spaces (a plain, no-break or thin space), as a CSV read
/// without `thousands=` leaves it.
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
