//! Amounts in a sentence: a number with its hedge ("over", "nearly"), currency sign,
//! scale word and unit ("$547.6 million", "22 billion tenge", "1,5 million tons",
//! "40,200 TEUs", "nearly 150 Kazakh enterprises", "three decades"), or a percentage
//! ("a 2% increase"), which is claim material rather than a figure.

use super::lexicon::Lexicon;
use super::tokens::{words_at, Token, TokenKind};
use crate::model::Qualifier;

/// A number found in a sentence, with what the words around it say of it.
#[derive(Debug, Clone)]
pub(crate) struct Amount {
    /// First token of the amount (the hedge or the currency sign).
    pub first: usize,
    /// Last token (the scale word or the unit).
    pub last: usize,
    /// The value in base units (547.6 million is 547 600 000).
    pub value: f64,
    /// The unit: a currency code, `t`, `TEU`, `persons`, `count` …; `None` when the
    /// words give none.
    pub unit: Option<String>,
    /// The words that gave the unit.
    pub unit_words: Option<String>,
    /// The hedge.
    pub qualifier: Qualifier,
    /// The words of the hedge.
    pub qualifier_words: Option<String>,
    /// A percentage ("2%", "16.4 percent").
    pub percent: bool,
}

/// Hedges that open a number, as lowercase words, longest first.
const HEDGES: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["just", "over"],
    &["just", "under"],
    &["over"],
    &["nearly"],
    &["almost"],
    &["around"],
    &["about"],
    &["approximately"],
    &["roughly"],
    &["some"],
    &["exceeding"],
    &["exceeded"],
    &["exceeds"],
    &["surpassed"],
    &["topped"],
    &["above"],
    &["under"],
    &["approx"],
];

/// Reads a number as news text writes it: `570,400` and `1,500` (thousands),
/// `547.6`, `1,5` (a decimal comma: a group of other than three digits after the
/// comma), `1.234,5` and `1,234.5` (the later sign is the decimal one).
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    let commas = text.matches(',').count();
    let dots = text.matches('.').count();
    let normal = match (commas, dots) {
        (0, 0) => text.to_owned(),
        (_, 0) => {
            let groups: Vec<&str> = text.split(',').collect();
            if groups[1..].iter().all(|g| g.len() == 3) {
                text.replace(',', "")
            } else if commas == 1 {
                text.replace(',', ".")
            } else {
                return None;
            }
        }
        (0, 1) => text.to_owned(),
        (0, _) => {
            let groups: Vec<&str> = text.split('.').collect();
            if groups[1..].iter().all(|g| g.len() == 3) {
                text.replace('.', "")
            } else {
                return None;
            }
        }
        _ => {
            let comma = text.rfind(',')?;
            let dot = text.rfind('.')?;
            if dot > comma {
                text.replace(',', "")
            } else {
                text.replace('.', "").replace(',', ".")
            }
        }
    };
    normal.parse().ok()
}

/// Every amount in the tokens; `taken` marks tokens that are part of a date.
pub(crate) fn find_amounts(tokens: &[Token], taken: &[bool], lexicon: &Lexicon) -> Vec<Amount> {
    (0..tokens.len())
        .filter(|&i| !taken[i])
        .filter_map(|i| amount_at(tokens, i, lexicon))
        .collect()
}

fn amount_at(tokens: &[Token], i: usize, lexicon: &Lexicon) -> Option<Amount> {
    let t = &tokens[i];
    let (mut value, in_words) = match t.kind {
        TokenKind::Number => (parse_number(&t.text)?, false),
        TokenKind::Word => (*lexicon.number_words.get(&t.lower)?, true),
        TokenKind::Sign => return None,
    };
    // "media1459", "12th", "A4": not amounts.
    if t.glued && i > 0 && tokens[i - 1].kind == TokenKind::Word {
        return None;
    }
    if tokens.get(i + 1).is_some_and(|n| {
        n.glued
            && n.kind == TokenKind::Word
            && matches!(n.lower.as_str(), "st" | "nd" | "rd" | "th")
    }) {
        return None;
    }
    let mut first = i;
    let mut unit = None;
    let mut unit_words = None;
    // A currency sign or code before the number: "$547.6", "US$ 10", "USD 10".
    if i > 0 {
        if let Some(code) = lexicon.currency_signs.get(&tokens[i - 1].text) {
            unit = Some(code.clone());
            unit_words = Some(tokens[i - 1].text.clone());
            first = i - 1;
            if first > 0 && tokens[first - 1].text == "US" && tokens[i - 1].text == "$" {
                first -= 1;
            }
        }
    }
    let mut j = i + 1;
    if let Some(scale) = tokens.get(j).and_then(|n| lexicon.scales.get(&n.lower)) {
        value *= scale;
        j += 1;
    }
    let mut last = j - 1;
    let mut percent = false;
    match tokens.get(j).map(|n| n.lower.as_str()) {
        Some("%") | Some("percent") | Some("pct") => {
            percent = true;
            last = j;
        }
        Some("per") if tokens.get(j + 1).is_some_and(|n| n.lower == "cent") => {
            percent = true;
            last = j + 1;
        }
        _ => {}
    }
    let mut unit_times = 1.0;
    if !percent && unit.is_none() {
        // "380-kilometer": a hyphen may join the number and its unit.
        let at = if tokens.get(j).is_some_and(|n| n.text == "-") {
            j + 1
        } else {
            j
        };
        if let Some((words, u)) = lexicon.units.iter().find(|(w, _)| words_at(tokens, at, w)) {
            value *= u.times;
            unit_times = u.times;
            unit = Some(u.unit.clone());
            last = at + words.len() - 1;
            unit_words = Some(join(tokens, at, last));
        } else if let Some(code) = tokens
            .get(at)
            .and_then(|n| lexicon.currency_signs.get(&n.text))
        {
            unit = Some(code.clone());
            last = at;
            unit_words = Some(tokens[at].text.clone());
        } else {
            // A counted noun within a few words: "150 Kazakh enterprises".
            for n in tokens.iter().skip(at).take(4) {
                if n.kind == TokenKind::Number || (n.kind == TokenKind::Sign && n.text != "-") {
                    break;
                }
                if let Some(u) = lexicon.count_nouns.get(&n.lower) {
                    unit = Some(u.clone());
                    unit_words = Some(n.text.clone());
                    break;
                }
            }
        }
    }
    // A number in words counts only with a scale or a unit that multiplies
    // ("two million", "three decades"): "two nations", "five years" are not figures.
    if in_words && !(j > i + 1 || unit_times != 1.0) {
        return None;
    }
    // "over the past five years", "the last 10 years": a span, not a figure.
    if i > 0
        && matches!(
            tokens[i - 1].lower.as_str(),
            "past" | "last" | "next" | "first"
        )
    {
        return None;
    }
    // The hedge just before the number (or its currency sign).
    let mut qualifier = Qualifier::Exact;
    let mut qualifier_words = None;
    for hedge in HEDGES {
        if first >= hedge.len()
            && hedge
                .iter()
                .zip(&tokens[first - hedge.len()..first])
                .all(|(w, t)| *w == t.lower)
        {
            let words = hedge.join(" ");
            let base = match words.trim_start_matches("just ") {
                "exceeded" | "exceeds" | "surpassed" | "topped" => "exceeding",
                "fewer than" => "less than",
                other => other,
            };
            if let Ok(q) = Qualifier::from_words(base) {
                qualifier = q;
                qualifier_words = Some(words.clone());
                first -= hedge.len();
                break;
            }
        }
    }
    Some(Amount {
        first,
        last,
        value,
        unit,
        unit_words,
        qualifier,
        qualifier_words,
        percent,
    })
}

fn join(tokens: &[Token], first: usize, last: usize) -> String {
    tokens[first..=last]
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn amounts(text: &str) -> Vec<(f64, Option<String>, Qualifier, bool)> {
        let tokens = tokenize(text, 0);
        let taken = vec![false; tokens.len()];
        find_amounts(&tokens, &taken, Lexicon::get())
            .into_iter()
            .map(|a| (a.value, a.unit, a.qualifier, a.percent))
            .collect()
    }

    #[test]
    fn separators_read_as_english_and_decimal_comma_news_write_them() {
        assert_eq!(parse_number("570,400"), Some(570_400.0));
        assert_eq!(parse_number("1,5"), Some(1.5));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("1,23,4"), None);
    }

    #[test]
    fn amounts_carry_hedge_scale_and_unit() {
        let usd = Some("USD".to_owned());
        // 547.6 × 1,000,000 = 547,600,000
        assert_eq!(
            amounts("reached $547.6 million"),
            [(547_600_000.0, usd, Qualifier::Exact, false)]
        );
        // 22 × 10⁹ tenge, "exceeding" is over
        assert_eq!(amounts("a cost exceeding 22 billion tenge")[0].0, 22e9);
        assert_eq!(
            amounts("a cost exceeding 22 billion tenge")[0].2,
            Qualifier::Over
        );
        assert_eq!(amounts("1,5 million tons")[0].0, 1_500_000.0);
        assert_eq!(
            amounts("nearly 150 Kazakh enterprises")[0].1.as_deref(),
            Some("count")
        );
        assert_eq!(amounts("a 380-kilometer line")[0].1.as_deref(), Some("km"));
        // three decades = 3 × 10 years
        assert_eq!(amounts("more than three decades")[0].0, 30.0);
        assert!(amounts("a 2% increase")[0].3);
        assert!(amounts("the 12th summit and two nations").is_empty());
    }
}
