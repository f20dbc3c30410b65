//! Events: a date of the text (a day, month, quarter or year) in a sentence with a
//! word for a happening ("signed", "summit", "talks", "set to commence") that is not
//! the period of a figure beside it.

use super::draft::{Item, ItemKind, Reason};
use super::figures::Figure;
use super::periods::MentionKind;
use super::tokens::{words_at, Token};
use super::{Context, Parsed};

/// Words allowed before a date that opens a sentence ("In March 2025, …").
const OPENERS: &[&str] = &[
    "in", "on", "most", "recently", ",", "the", "during", "since", "by", "early", "late", "mid",
    "-",
];

/// The event words in `tokens[from..to]`: (token, kind, last token).
fn event_words(
    tokens: &[Token],
    from: usize,
    to: usize,
    cx: &Context,
) -> Vec<(usize, String, usize)> {
    let mut found = Vec::new();
    for at in from..to {
        for (kind, words) in &cx.lexicon.events {
            for w in words {
                let w = super::lexicon::phrase_words(w);
                if words_at(tokens, at, &w) && at + w.len() <= to {
                    found.push((at, kind.clone(), at + w.len() - 1));
                }
            }
        }
    }
    found
}

/// The clauses of a sentence that each tell a happening of their own: split at
/// ", while", ";" and "and … took place".
fn clauses(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    for k in 1..tokens.len() {
        let w = tokens[k].lower.as_str();
        let split = (w == "while" && tokens[k - 1].text == ",")
            || w == ";"
            || (w == "and"
                && tokens[k + 1..]
                    .windows(2)
                    .any(|p| p[0].lower == "took" && p[1].lower == "place"));
        if split {
            cuts.push(k);
        }
    }
    cuts.push(tokens.len());
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Reads every event of the text.
pub(crate) fn read_events(parsed: &[Parsed], figures: &[Figure], cx: &Context) -> Vec<Item> {
    let mut out = Vec::new();
    for (si, p) in parsed.iter().enumerate() {
        for (k, m) in p.mentions.iter().enumerate() {
            if !matches!(
                m.kind,
                MentionKind::Plain | MentionKind::Since | MentionKind::By
            ) {
                continue;
            }
            let Some(date) = m.period else { continue };
            let dates_a_figure = figures
                .iter()
                .any(|f| f.sentence == si && f.mention == Some(k) && f.adjacent);
            if dates_a_figure {
                continue;
            }
            let opens = p.tokens[..m.first]
                .iter()
                .all(|t| OPENERS.contains(&t.lower.as_str()));
            // An opening date dates every clause; another, its own clause.
            let parts: Vec<(usize, usize)> = if opens {
                clauses(&p.tokens)
            } else {
                let all = clauses(&p.tokens);
                all.into_iter()
                    .filter(|&(a, b)| m.first >= a && m.first < b)
                    .collect()
            };
            let said = cx.words(&p.tokens, m.first, m.last);
            for (a, b) in parts {
                let found = event_words(&p.tokens, a, b, cx);
                // The event word nearest the date.
                let Some((at, kind, last)) = found
                    .into_iter()
                    .min_by_key(|(at, _, _)| at.abs_diff(m.first))
                else {
                    continue;
                };
                let mut reasons = vec![
                    Reason {
                        field: "date".to_owned(),
                        text: match &m.reason {
                            Some(why) => format!("“{said}”; {why}"),
                            None => format!("“{said}”"),
                        },
                    },
                    Reason {
                        field: "event_kind".to_owned(),
                        text: format!("“{}”", cx.words(&p.tokens, at, last)),
                    },
                ];
                let mut confidence: f64 = 0.8;
                if m.reason.is_some() {
                    confidence -= 0.2;
                }
                if cx.pair.is_some() {
                    reasons.push(Reason {
                        field: "origin".to_owned(),
                        text: format!("the pair ({})", cx.pair_reason),
                    });
                }
                let (quote, start, end) = cx.quote(&p.sentence);
                let last_word = b.min(p.tokens.len()) - 1;
                let mut first_word = a;
                while first_word < last_word
                    && matches!(
                        p.tokens[first_word].lower.as_str(),
                        "," | ";" | "while" | "and"
                    )
                {
                    first_word += 1;
                }
                out.push(Item {
                    kind: ItemKind::Event,
                    indicator: None,
                    origin: cx.pair.as_ref().map(|p| p.0.clone()),
                    destination: cx.pair.as_ref().map(|p| p.1.clone()),
                    product: None,
                    period: Some(date),
                    value: None,
                    unit: None,
                    qualifier: None,
                    status: None,
                    relation: None,
                    reference: None,
                    event_kind: Some(kind),
                    words: cx
                        .words(&p.tokens, first_word, last_word)
                        .trim_end_matches(['.', ','])
                        .to_owned(),
                    source: cx.source.clone(),
                    quote,
                    start,
                    end,
                    reasons,
                    confidence,
                });
            }
        }
    }
    out
}
