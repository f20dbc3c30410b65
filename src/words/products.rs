//! How a product reads: "ferro-alloys (HS 7202)" in a sentence, "Ferro-alloys (HS
//! 7202)" in a table, "HS 7202" for a code without a name, and a word code as words
//! ("oil products" for `oil_products`). A bare number never stands for a product.

use crate::model::Product;

/// The code with its classification, "HS 7202", where one is known: the stored
/// classification, else `HS` for a code of 2, 4 or 6 digits (a chapter, heading or
/// subheading of the Harmonized System, which every trade statistics office and UN
/// Comtrade use).
fn classified_code(code: &str, product: Option<&Product>) -> Option<String> {
    let classification = product.and_then(|p| p.classification.as_deref());
    match classification {
        Some(classification) => Some(format!("{classification} {code}")),
        None if looks_like_hs(code) => Some(format!("HS {code}")),
        None => None,
    }
}

/// Whether `code` has the shape of an HS code: 2, 4 or 6 digits.
fn looks_like_hs(code: &str) -> bool {
    matches!(code.len(), 2 | 4 | 6) && code.bytes().all(|b| b.is_ascii_digit())
}

/// `name` as running text writes it: the first letter in lower case when the second
/// is lower case ("Ferro-alloys" → "ferro-alloys"), so that an acronym ("LNG carriers")
/// or a proper name written in capitals keeps its capital. A proper name of mixed case
/// ("Portland cement") is lowered too: the rule stays simple.
fn in_running_text(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => first
            .to_lowercase()
            .chain(name[first.len_utf8()..].chars())
            .collect(),
        _ => name.to_owned(),
    }
}

/// The product `code` (stored as `product`, when the store has it) as a sentence names
/// it: "ferro-alloys (HS 7202)", "HS 7202" without a name, "oil products" for a word
/// code; a name beside a code of words stands alone ("wheat and meslin"). A sentence
/// takes a classification's long name only up to its first semicolon, where the HS
/// puts its qualifications ("Cigars, cheroots, cigarillos and cigarettes; of tobacco or
/// of tobacco substitutes" reads "cigars, cheroots, cigarillos and cigarettes"); the
/// table keeps the whole name.
pub(crate) fn product_in_text(code: &str, product: Option<&Product>) -> String {
    named(code, product, |name| in_running_text(short_name(name)))
}

/// A classification's name up to its first semicolon, trimmed.
fn short_name(name: &str) -> &str {
    let head = name.split(';').next().unwrap_or(name).trim();
    if head.is_empty() {
        name
    } else {
        head
    }
}

/// [`product_in_text`] as a table cell writes it: the name as stored ("Ferro-alloys
/// (HS 7202)").
pub(crate) fn product_in_table(code: &str, product: Option<&Product>) -> String {
    named(code, product, str::to_owned)
}

fn named(code: &str, product: Option<&Product>, name_as: impl Fn(&str) -> String) -> String {
    let classified = classified_code(code, product);
    let words = || code.replace('_', " ");
    match (product.and_then(|p| p.name.as_deref()), classified) {
        (Some(name), Some(classified)) => format!("{} ({classified})", name_as(name)),
        (Some(name), None) if code.bytes().any(|b| b.is_ascii_alphabetic()) => name_as(name),
        (Some(name), None) => format!("{} ({code})", name_as(name)),
        (None, Some(classified)) => classified,
        (None, None) => words(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(code: &str, name: Option<&str>, classification: Option<&str>) -> Product {
        Product {
            code: code.to_owned(),
            name: name.map(str::to_owned),
            classification: classification.map(str::to_owned),
        }
    }

    #[test]
    fn a_sentence_takes_an_hs_name_up_to_its_first_semicolon_and_a_table_all_of_it() {
        let cigars = product(
            "2402",
            Some(
                "Cigars, cheroots, cigarillos and cigarettes; of tobacco or of tobacco substitutes",
            ),
            Some("HS"),
        );
        assert_eq!(
            product_in_text("2402", Some(&cigars)),
            "cigars, cheroots, cigarillos and cigarettes (HS 2402)"
        );
        assert_eq!(
            product_in_table("2402", Some(&cigars)),
            "Cigars, cheroots, cigarillos and cigarettes; of tobacco or of tobacco substitutes (HS 2402)"
        );
    }

    #[test]
    fn a_named_hs_code_reads_as_its_name_in_lower_case_then_the_classified_code() {
        let ferro = product("7202", Some("Ferro-alloys"), None);
        assert_eq!(
            product_in_text("7202", Some(&ferro)),
            "ferro-alloys (HS 7202)"
        );
        assert_eq!(
            product_in_table("7202", Some(&ferro)),
            "Ferro-alloys (HS 7202)"
        );
    }

    #[test]
    fn a_code_without_a_name_reads_with_its_classification_never_bare() {
        assert_eq!(product_in_text("7202", None), "HS 7202");
        assert_eq!(product_in_text("0101", None), "HS 0101");
        assert_eq!(product_in_text("27", None), "HS 27");
        assert_eq!(product_in_text("720211", None), "HS 720211");
        let sitc = product("671", None, Some("SITC"));
        assert_eq!(product_in_text("671", Some(&sitc)), "SITC 671");
    }

    #[test]
    fn a_word_code_reads_as_words_and_a_code_that_is_no_hs_shape_as_written() {
        assert_eq!(product_in_text("wheat", None), "wheat");
        assert_eq!(product_in_text("oil_products", None), "oil products");
        // 3 and 8 digits are not HS shapes (an SITC group, a CN subheading).
        assert_eq!(product_in_text("671", None), "671");
        assert_eq!(product_in_text("39199080", None), "39199080");
        let wheat = product("wheat", Some("Wheat and meslin"), None);
        assert_eq!(product_in_text("wheat", Some(&wheat)), "wheat and meslin");
        let cn = product("39199080", Some("Plastic film"), None);
        assert_eq!(
            product_in_text("39199080", Some(&cn)),
            "plastic film (39199080)"
        );
    }

    #[test]
    fn an_acronym_or_a_one_letter_name_keeps_its_capitals() {
        let lng = product("271111", Some("LNG"), None);
        assert_eq!(product_in_text("271111", Some(&lng)), "LNG (HS 271111)");
        let x = product("99", Some("X"), None);
        assert_eq!(product_in_text("99", Some(&x)), "X (HS 99)");
        let etat = product("01", Some("Équipement"), None);
        assert_eq!(product_in_text("01", Some(&etat)), "équipement (HS 01)");
    }
}
