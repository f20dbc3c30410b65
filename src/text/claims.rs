//! Claims: the growth and comparison words of a sentence ("more than tripling",
//! "a 2% increase", "up from", "slightly below the 2023 record", "the 2023 record"),
//! read by the claims grammar ([`ClaimWords`]) and tied to the figure they speak of
//! and the period they compare it with.

use super::draft::{Item, ItemKind, Reason};
use super::figures::Figure;
use super::periods::MentionKind;
use super::tokens::{Token, TokenKind};
use super::{Context, Parsed};
use crate::model::{ClaimWords, Qualifier, Reference, Relation};
use crate::period::Period;

/// Words that say a figure went up, and down (as the claims grammar reads them).
const RISE: &[&str] = &[
    "rose",
    "rise",
    "rising",
    "up",
    "increase",
    "increased",
    "increasing",
    "grew",
    "grow",
    "growing",
    "growth",
    "higher",
    "gain",
    "gained",
    "surged",
    "surging",
    "jumped",
    "climbed",
    "expanded",
    "soared",
    "more",
];
const FALL: &[&str] = &[
    "fell",
    "fall",
    "falling",
    "down",
    "decrease",
    "decreased",
    "decreasing",
    "decline",
    "declined",
    "declining",
    "drop",
    "dropped",
    "lower",
    "shrank",
    "contracted",
    "slipped",
    "less",
];
const HEDGE: &[&str] = &[
    "more", "than", "less", "nearly", "almost", "over", "about", "around", "roughly", "some",
];
const MULTIPLES: &[&str] = &["doubl", "tripl", "trebl", "quadrupl"];
/// Adverbs allowed between a growth word and its "from".
const ADVERBS: &[&str] = &[
    "steadily",
    "sharply",
    "significantly",
    "slightly",
    "further",
    "-",
    "by",
];

/// A claim phrase: its first and last token and the tokens of a "to" figure after it.
struct Phrase {
    first: usize,
    last: usize,
}

fn is_multiple(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    if t.kind != TokenKind::Word {
        return t.kind == TokenKind::Number
            && tokens.get(k + 1).is_some_and(|n| n.lower == "times");
    }
    MULTIPLES.iter().any(|m| t.lower.starts_with(m))
        || (t.lower.ends_with("fold") && t.lower.len() > 4)
        || (t.lower == "fold" && k > 0)
        || (matches!(
            t.lower.as_str(),
            "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        ) && tokens.get(k + 1).is_some_and(|n| n.lower == "times"))
}

/// Multiples ("more than tripling", "surged sixfold") and percentages with a growth
/// word ("a 2% increase", "up 16.4 percent").
fn phrases(p: &Parsed) -> Vec<Phrase> {
    let tokens = &p.tokens;
    let mut found = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if is_multiple(tokens, k) {
            let mut first = k;
            let mut last = k;
            if tokens.get(k + 1).is_some_and(|n| n.lower == "times") {
                last = k + 1;
            }
            if tokens[k].lower == "fold" && k >= 2 && tokens[k - 1].text == "-" {
                first = k - 2;
            }
            while first > 0
                && (HEDGE.contains(&tokens[first - 1].lower.as_str())
                    || RISE.contains(&tokens[first - 1].lower.as_str()))
            {
                first -= 1;
            }
            found.push(Phrase { first, last });
            k = last + 1;
            continue;
        }
        k += 1;
    }
    for a in p.amounts.iter().filter(|a| a.percent) {
        let word = |i: usize| tokens.get(i).map_or("", |t| t.lower.as_str());
        let (mut first, mut last) = (a.first, a.last);
        let grows = |w: &str| RISE.contains(&w) || FALL.contains(&w);
        if grows(word(a.last + 1)) {
            last = a.last + 1;
            if first > 0 && word(first - 1) == "a" {
                first -= 1;
            }
        } else if first > 0 && grows(word(first - 1)) {
            first -= 1;
        } else if first > 1 && matches!(word(first - 1), "by" | "of") && grows(word(first - 2)) {
            // "rose by 5%", "an increase of 6.2%"
            first -= 2;
            if first > 0 && matches!(word(first - 1), "a" | "an") {
                first -= 1;
            }
        } else {
            continue;
        }
        found.push(Phrase { first, last });
    }
    found.sort_by_key(|ph| ph.first);
    found
}

fn figure_reason(field: &str, text: String) -> Reason {
    Reason {
        field: field.to_owned(),
        text,
    }
}

/// Reads every claim of the text.
pub(crate) fn read_claims(parsed: &[Parsed], figures: &[Figure], cx: &Context) -> Vec<Item> {
    let mut out = Vec::new();
    for (si, p) in parsed.iter().enumerate() {
        let here: Vec<&Figure> = figures.iter().filter(|f| f.sentence == si).collect();
        let chains = from_to_chains(p, &here);
        let found = phrases(p);
        let mut chain_used = false;
        for phrase in &found {
            let words = cx.words(&p.tokens, phrase.first, phrase.last);
            let Ok(claim) = ClaimWords::parse(&words) else {
                continue;
            };
            // The figure: the chain's "to" figure, the "to" figure right after ("nearly
            // doubling to 40,200"), else the nearest before, else the first after.
            let chain = chains
                .iter()
                .find(|c| c.0 .0 > phrase.last)
                .filter(|_| !chain_used);
            let (subject, base) = if let Some(&((_, from), (_, to))) = chain {
                chain_used = true;
                (Some(to), Some(from))
            } else {
                let to_after = here.iter().find(|f| {
                    let a = &p.amounts[f.amount];
                    a.first > phrase.last
                        && a.first <= phrase.last + 3
                        && p.tokens[phrase.last + 1].lower == "to"
                });
                let before = here
                    .iter()
                    .rev()
                    .find(|f| p.amounts[f.amount].last < phrase.first);
                let after = here
                    .iter()
                    .find(|f| p.amounts[f.amount].first > phrase.last);
                (to_after.or(before).or(after).copied(), None)
            };
            let Some(subject) = subject else { continue };
            out.push(claim_item(p, subject, base, claim, words, phrase.last, cx));
        }
        // "from X in 2023 to Y in 2024": a claim per step, unless a multiple or a
        // percentage already spoke of the first.
        for (n, &((verb, from), (_, to))) in chains.iter().enumerate() {
            if n == 0 && chain_used {
                continue;
            }
            let falls = FALL.contains(&p.tokens[verb].lower.as_str());
            let claim = ClaimWords {
                relation: if falls {
                    Relation::Less
                } else {
                    Relation::Greater
                },
                value: None,
                qualifier: Qualifier::Exact,
                precision: None,
            };
            let end = p.amounts[to.amount].last.max(p.amounts[from.amount].last);
            let words = cx.words(&p.tokens, verb, end);
            out.push(claim_item(p, to, Some(from), claim, words, end, cx));
        }
        out.extend(records(p, &here, cx));
    }
    out
}

/// Pairs of figures a growth word sets from one to the other: "increased from 24,000
/// to 71,500", "from over 1 million tons in 2023 to 1.4 million tons in 2024, and
/// around 0.9 million tons in …", "up from around 59,000" (the figure before, from
/// the one after). Each pair is (growth word token, from figure), (…, to figure).
#[allow(clippy::type_complexity)]
fn from_to_chains<'a>(
    p: &Parsed,
    here: &[&'a Figure],
) -> Vec<((usize, &'a Figure), (usize, &'a Figure))> {
    let mut chains = Vec::new();
    let word = |i: usize| p.tokens[i].lower.as_str();
    for (n, f) in here.iter().enumerate() {
        let a = &p.amounts[f.amount];
        if a.first == 0 || word(a.first - 1) != "from" {
            continue;
        }
        let mut v = a.first - 1;
        while v > 0 && ADVERBS.contains(&word(v - 1)) {
            v -= 1;
        }
        if v == 0 || !(RISE.contains(&word(v - 1)) || FALL.contains(&word(v - 1))) {
            continue;
        }
        let verb = v - 1;
        // "up from around 59,000": the figure before is the later one.
        if word(verb) == "up" || word(verb) == "down" {
            if let Some(prev) = n.checked_sub(1).map(|k| here[k]) {
                chains.push(((verb, *f), (verb, prev)));
            }
            continue;
        }
        let mut from = *f;
        for next in &here[n + 1..] {
            let b = &p.amounts[next.amount];
            let joined = b.first > 0 && matches!(word(b.first - 1), "to" | "and");
            if !joined {
                break;
            }
            chains.push(((verb, from), (verb, *next)));
            from = next;
        }
    }
    chains
}

/// The claim of `words` about `subject`, set against `base` (a figure) or the period
/// its words name after `after`.
fn claim_item(
    p: &Parsed,
    subject: &Figure,
    base: Option<&Figure>,
    claim: ClaimWords,
    words: String,
    after: usize,
    cx: &Context,
) -> Item {
    let mut reasons = vec![figure_reason("relation", format!("“{words}”"))];
    let mut confidence: f64 = subject.item.confidence.min(0.95);
    let period = subject.item.period;
    let mut reference = None;
    if claim.relation.is_record() {
        reference = Some("record".to_owned());
    } else if let Some(base) = base {
        if let Some(bp) = base.item.period {
            reference = Some(bp.to_string());
            reasons.push(figure_reason(
                "reference",
                format!("the period of “{}”", base.item.words),
            ));
        }
    } else if let Some(m) = p.mentions.iter().find(|m| m.first > after) {
        let said = cx.words(&p.tokens, m.first, m.last);
        match (m.kind, period) {
            (MentionKind::SameMonthsIn(year), Some(own)) => {
                let back = own.start().year() - year;
                reference = own.years_earlier(back).map(|r| r.to_string());
                reasons.push(figure_reason(
                    "reference",
                    format!("“{said}”: the figure's months in {year}"),
                ));
            }
            (MentionKind::PreviousYear, Some(own)) => {
                reference = own.previous_year().map(|r| r.to_string());
                reasons.push(figure_reason("reference", format!("“{said}”")));
            }
            (MentionKind::Plain, _) if m.period.is_some() && m.period != period => {
                reference = m.period.map(|r| r.to_string());
                reasons.push(figure_reason("reference", format!("“{said}”")));
            }
            _ => {}
        }
    }
    if reference.is_none() {
        if let Some(own) = period {
            if let Ok(Reference::Period(r)) = Reference::parse(None, claim.relation, &own) {
                reference = Some(r.to_string());
                reasons.push(figure_reason(
                    "reference",
                    "no base named: the same period a year earlier, as add_claim takes it"
                        .to_owned(),
                ));
                confidence -= 0.15;
            }
        }
    }
    reasons.push(figure_reason(
        "period",
        format!("the period of “{}”", subject.item.words),
    ));
    let (quote, start, end) = cx.quote(&p.sentence);
    Item {
        kind: ItemKind::Claim,
        indicator: subject.item.indicator.clone(),
        origin: subject.item.origin.clone(),
        destination: subject.item.destination.clone(),
        product: subject.item.product.clone(),
        period,
        value: claim.value,
        unit: None,
        qualifier: Some(claim.qualifier),
        status: None,
        relation: Some(claim.relation),
        reference,
        event_kind: None,
        words,
        source: cx.source.clone(),
        quote,
        start,
        end,
        reasons,
        confidence: confidence.clamp(0.1, 1.0),
    }
}

/// "the 2023 record of $556.7 million" (a record high), and "slightly below the 2023
/// record" (less than that year's figure).
fn records(p: &Parsed, here: &[&Figure], cx: &Context) -> Vec<Item> {
    let mut out = Vec::new();
    for (k, t) in p.tokens.iter().enumerate() {
        if t.lower != "record" {
            continue;
        }
        let year_mention = p
            .mentions
            .iter()
            .find(|m| m.last + 1 == k && m.first == m.last);
        let record_period: Option<Period> = year_mention.and_then(|m| m.period);
        // The record figure: the one of that year, else the one right after.
        let record = here
            .iter()
            .find(|f| record_period.is_some() && f.item.period == record_period)
            .or_else(|| {
                here.iter()
                    .find(|f| p.amounts[f.amount].first > k && p.amounts[f.amount].first <= k + 3)
            });
        let start = year_mention.map_or(k, |m| m.first);
        let the = if start > 0 && matches!(p.tokens[start - 1].lower.as_str(), "the" | "a") {
            start - 1
        } else {
            start
        };
        if let Some(record) = record {
            let low = p.tokens.get(k + 1).is_some_and(|n| n.lower == "low");
            let claim = ClaimWords {
                relation: if low {
                    Relation::RecordLow
                } else {
                    Relation::RecordHigh
                },
                value: None,
                qualifier: Qualifier::Exact,
                precision: None,
            };
            let words = cx.words(&p.tokens, the, k);
            out.push(claim_item(p, record, None, claim, words, k, cx));
        }
        // "slightly below the 2023 record": the figure before, against that year.
        let mut c = the;
        while c > 0
            && matches!(
                p.tokens[c - 1].lower.as_str(),
                "slightly"
                    | "just"
                    | "well"
                    | "far"
                    | "below"
                    | "above"
                    | "under"
                    | "than"
                    | "lower"
                    | "higher"
            )
        {
            c -= 1;
        }
        if c < the && record_period.is_some() {
            let words = cx.words(&p.tokens, c, k);
            let Ok(claim) = ClaimWords::parse(&words) else {
                continue;
            };
            let subject = here.iter().rev().find(|f| p.amounts[f.amount].last < c);
            if let (Some(subject), Some(rp)) = (subject, record_period) {
                let mut item = claim_item(p, subject, None, claim, words, k, cx);
                item.reference = Some(rp.to_string());
                item.reasons.retain(|r| r.field != "reference");
                item.reasons
                    .push(figure_reason("reference", format!("“the {rp} record”")));
                out.push(item);
            }
        }
    }
    out
}
