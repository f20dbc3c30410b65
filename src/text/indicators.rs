//! The indicator a number speaks of: the phrase of the word list named nearest to it,
//! among the indicators whose unit fits the number's and whose needed words are in
//! the paragraph ("cargo" near "corridor" is the corridor's cargo).

use std::collections::HashSet;

use super::amounts::Amount;
use super::lexicon::IndicatorWords;
use super::tokens::{words_at, Token};
use super::{Context, Parsed};
use crate::builtin::is_currency;

pub(crate) struct Scored<'a> {
    pub entry: &'a IndicatorWords,
    pub words: String,
    score: i64,
}

fn same_unit_class(entry_unit: &str, unit: Option<&str>) -> bool {
    match unit {
        None => true,
        Some(u) if is_currency(u) => entry_unit == "USD" || is_currency(entry_unit),
        Some(u) => entry_unit == u,
    }
}

/// The indicator named nearest to the amount, among those whose unit fits it and
/// whose needed words are in the paragraph.
pub(crate) fn choose_indicator<'a>(
    p: &Parsed,
    amount: &Amount,
    cx: &'a Context,
    nearby: &HashSet<String>,
) -> Option<Scored<'a>> {
    let mut best: Option<Scored> = None;
    let clause = clauses(&p.tokens);
    for entry in &cx.lexicon.indicators {
        if !same_unit_class(&entry.unit, amount.unit.as_deref()) {
            continue;
        }
        let needs = !entry.needs.is_empty();
        if needs && !entry.needs.iter().any(|w| nearby.contains(w.as_str())) {
            continue;
        }
        for phrase in &entry.phrases {
            let words = super::lexicon::phrase_words(phrase);
            for at in 0..p.tokens.len() {
                if !words_at(&p.tokens, at, &words) {
                    continue;
                }
                let end = at + words.len() - 1;
                let distance = if end < amount.first {
                    amount.first - end
                } else {
                    at.saturating_sub(amount.last)
                } as i64;
                let other_clause = if clause[at] != clause[amount.first] {
                    40
                } else {
                    0
                };
                let score =
                    distance * 2 + other_clause - words.len() as i64 - if needs { 6 } else { 0 };
                if best.as_ref().is_none_or(|b| score < b.score) {
                    best = Some(Scored {
                        entry,
                        words: cx.words(&p.tokens, at, end),
                        score,
                    });
                }
            }
        }
    }
    best
}

/// The clause of every token: a new clause starts at ", while", ", whereas", ", but"
/// and ";", where a sentence turns to another flow.
pub(crate) fn clauses(tokens: &[Token]) -> Vec<usize> {
    let mut clause = 0;
    let mut out = Vec::with_capacity(tokens.len());
    for (k, t) in tokens.iter().enumerate() {
        let turn = t.text == ";"
            || (k > 0
                && tokens[k - 1].text == ","
                && matches!(t.lower.as_str(), "while" | "whereas" | "but"));
        if turn {
            clause += 1;
        }
        out.push(clause);
    }
    out
}
