//! Which end of a flow a country is: "Kazakh tourists", "exports to Azerbaijan",
//! "imports from Türkiye", "Kazakhstan has invested", each cue weighed by its
//! distance from the number and kept to its clause; a figure without a cue takes the
//! country of the sentence before or the direction of the figure before, and an
//! undirected indicator the pair, each saying so.

use super::figures::Figure;
use super::indicators::clauses;
use super::{Context, Parsed};

/// Words before a country that make it the destination of a flow.
const TO_WORDS: &[&str] = &["to", "in", "into", "visited", "visiting", "visit", "for"];

/// Words before a country that make it the origin of a flow.
const FROM_WORDS: &[&str] = &["from", "by"];

/// Words before a country that make it neither end (it is not the subject).
const OTHER_WORDS: &[&str] = &[
    "with", "between", "of", "via", "through", "and", "at", "across", "along", "on",
];

/// A country mention's role for a flow: `Some(true)` origin, `Some(false)`
/// destination.
pub(crate) fn role(p: &Parsed, k: usize, indicator: Option<&str>, cx: &Context) -> Option<bool> {
    let c = &p.countries[k];
    let imports = indicator.is_some_and(|i| i.starts_with("imports"));
    if c.demonym {
        return Some(true);
    }
    let before = c.before.as_str();
    if TO_WORDS.contains(&before) {
        return Some(imports && before == "for");
    }
    if FROM_WORDS.contains(&before) {
        return Some(true);
    }
    if c.possessive {
        // "Kazakhstan’s exports": only when a word naming a flow follows.
        let follows = p.tokens[c.last + 1..(c.last + 4).min(p.tokens.len())]
            .iter()
            .any(|t| {
                cx.lexicon
                    .indicators
                    .iter()
                    .any(|e| e.phrases.iter().any(|ph| ph == &t.lower))
            });
        return follows.then_some(!imports);
    }
    if OTHER_WORDS.contains(&before) {
        return None;
    }
    // A country that is the subject: "Kazakhstan has invested".
    let verb = p.tokens[c.last + 1..(c.last + 3).min(p.tokens.len())]
        .iter()
        .any(|t| {
            cx.lexicon
                .indicators
                .iter()
                .any(|e| e.phrases.iter().any(|ph| ph == &t.lower))
        });
    verb.then_some(!imports)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn direction(
    parsed: &[Parsed],
    si: usize,
    ai: usize,
    directed: bool,
    indicator: Option<&str>,
    before: &[Figure],
    cx: &Context,
    reason: &mut impl FnMut(&str, String),
    confidence: &mut f64,
) -> (Option<String>, Option<String>) {
    let p = &parsed[si];
    let amount = &p.amounts[ai];
    let pair = cx.pair.clone();
    if !directed {
        return match pair {
            Some((a, b)) => {
                reason(
                    "origin",
                    format!("an indicator without direction: {}", cx.pair_reason),
                );
                (Some(a), Some(b))
            }
            None => {
                reason(
                    "origin",
                    "an indicator without direction, and no pair".to_owned(),
                );
                *confidence -= 0.3;
                (None, None)
            }
        };
    }
    let clause = clauses(&p.tokens);
    let distance = |k: usize| {
        let c = &p.countries[k];
        let apart = if c.last < amount.first {
            amount.first - c.last
        } else {
            c.first.saturating_sub(amount.last)
        };
        apart
            + if clause[c.first] != clause[amount.first] {
                40
            } else {
                0
            }
    };
    let mut origin: Option<(usize, usize)> = None;
    let mut destination: Option<(usize, usize)> = None;
    for k in 0..p.countries.len() {
        let Some(is_origin) = role(p, k, indicator, cx) else {
            continue;
        };
        let slot = if is_origin {
            &mut origin
        } else {
            &mut destination
        };
        let d = distance(k);
        if slot.is_none_or(|(_, best)| d < best) {
            *slot = Some((k, d));
        }
    }
    let said = |k: usize| {
        let c = &p.countries[k];
        let from = if c.demonym || c.first == 0 {
            c.first
        } else {
            c.first - 1
        };
        cx.words(&p.tokens, from, c.last)
    };
    let mut o = origin.map(|(k, _)| p.countries[k].alpha3.clone());
    let mut d = destination.map(|(k, _)| p.countries[k].alpha3.clone());
    // One country named as both ends ("imports from A …, exports to A"): the nearer
    // cue decides which end it is.
    if o.is_some() && o == d {
        let (Some((_, od)), Some((_, dd))) = (origin, destination) else {
            unreachable!()
        };
        if dd < od {
            o = None;
            origin = None;
        } else {
            d = None;
            destination = None;
        }
    }
    if let Some((k, _)) = origin {
        reason("origin", format!("“{}”", said(k)));
    }
    if let Some((k, _)) = destination {
        reason("destination", format!("“{}”", said(k)));
    }
    match (&o, &d) {
        (Some(_), Some(_)) => {}
        (Some(a), None) => {
            d = cx.other(a);
            reason(
                "destination",
                format!(
                    "not named: the other country of the pair ({})",
                    cx.pair_reason
                ),
            );
            *confidence -= 0.1;
        }
        (None, Some(b)) => {
            o = cx.other(b);
            reason(
                "origin",
                format!(
                    "not named: the other country of the pair ({})",
                    cx.pair_reason
                ),
            );
            *confidence -= 0.1;
        }
        (None, None) if previous_cue(parsed, si, indicator, cx).is_some() => {
            let (k, alpha3, is_origin) =
                previous_cue(parsed, si, indicator, cx).unwrap_or_default();
            let prev = &parsed[si - 1];
            let said = cx.words(
                &prev.tokens,
                prev.countries[k].first,
                prev.countries[k].last,
            );
            let other = cx.other(&alpha3);
            let (field, other_field) = if is_origin {
                ("origin", "destination")
            } else {
                ("destination", "origin")
            };
            reason(
                field,
                format!("no country named: “{said}” in the sentence before"),
            );
            reason(
                other_field,
                format!("the other country of the pair ({})", cx.pair_reason),
            );
            *confidence -= 0.2;
            if is_origin {
                o = Some(alpha3);
                d = other;
            } else {
                o = other;
                d = Some(alpha3);
            }
        }
        (None, None) => {
            let carried = before.iter().rev().find(|f| {
                f.item.origin.is_some() && f.item.destination.is_some() && (si - f.sentence) <= 3
            });
            match carried {
                Some(f) => {
                    o = f.item.origin.clone();
                    d = f.item.destination.clone();
                    reason(
                        "origin",
                        format!(
                            "no country named: the direction of the figure before ({})",
                            f.item.words
                        ),
                    );
                    *confidence -= 0.2;
                }
                None => {
                    if let Some((a, b)) = pair {
                        o = Some(a);
                        d = Some(b);
                    }
                    reason(
                        "origin",
                        format!(
                            "no country named: the pair in its order ({})",
                            cx.pair_reason
                        ),
                    );
                    *confidence -= 0.35;
                }
            }
        }
    }
    (o, d)
}

/// The country the sentence before names as one end of a flow (same paragraph): its
/// index there, code and whether it is the origin.
fn previous_cue(
    parsed: &[Parsed],
    si: usize,
    indicator: Option<&str>,
    cx: &Context,
) -> Option<(usize, String, bool)> {
    let prev = parsed.get(si.checked_sub(1)?)?;
    if prev.sentence.paragraph != parsed[si].sentence.paragraph {
        return None;
    }
    let mut cues = (0..prev.countries.len()).filter_map(|k| {
        role(prev, k, indicator, cx).map(|r| (k, prev.countries[k].alpha3.clone(), r))
    });
    let first = cues.next()?;
    // Two ends named: the sentence before is about another flow; carry nothing.
    cues.next().is_none().then_some(first)
}
