//! Figures: each amount with a unit becomes a figure, with the indicator named nearest
//! to it, its period, direction and status, and the words that decided each.

use std::collections::{HashMap, HashSet};

use super::amounts::Amount;
use super::directions::direction;
use super::draft::{Item, ItemKind, Reason};
use super::indicators::choose_indicator;
use super::periods::{period_of, Mention, MentionKind, Span};
use super::tokens::{words_at, Token, TokenKind};
use super::{Context, Parsed};
use crate::model::Status;
use crate::period::Period;

/// A figure with where it was found.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    /// Index of its sentence.
    pub sentence: usize,
    /// Index of its amount in the sentence.
    pub amount: usize,
    /// The mention its period came from, if one of its own sentence.
    pub mention: Option<usize>,
    /// The mention is right beside the number ("4.5 million tons in 2024"), so it
    /// dates the figure, not a happening.
    pub adjacent: bool,
    /// The period runs "since" a year (a cumulative figure).
    pub cumulative: bool,
    /// The draft item.
    pub item: Item,
}

/// Words that, just before an amount, say it is part of the one before ("including").
const PART_WORDS: &[&str] = &["including", "of", "which"];

/// Words allowed at the start of a sentence before the period that opens it.
const OPENERS: &[&str] = &[
    "in",
    "the",
    "over",
    "during",
    "since",
    "by",
    "for",
    "from",
    "throughout",
    "as",
    "of",
    "at",
];

/// True when the tokens between hold no number and no clause break, and at most
/// `most` words.
fn close(tokens: &[Token], from: usize, to: usize, most: usize, comma: bool) -> bool {
    if from > to {
        return true;
    }
    let between = &tokens[from..to];
    between.iter().all(|t| t.kind != TokenKind::Number)
        && between
            .iter()
            .all(|t| !matches!(t.text.as_str(), ";" | ":" | "(") && (comma || t.text != ","))
        && between.iter().filter(|t| t.kind == TokenKind::Word).count() <= most
}

/// The mention that gives the amount its period, and the rule that chose it.
fn attach(p: &Parsed, amount: &Amount) -> Option<(usize, &'static str)> {
    let usable = |m: &Mention| m.is_own() || m.kind == MentionKind::SameAsBefore;
    // Just after: "4.5 million tons in 2024", "102,000 tourists visited Kazakhstan in 2024".
    for (k, m) in p.mentions.iter().enumerate() {
        if usable(m)
            && m.first > amount.last
            && close(&p.tokens, amount.last + 1, m.first, 5, false)
        {
            return Some((k, "the period just after the number"));
        }
    }
    // Just before: "in 2024 was $533.4 million", "a 2025 target of 5.2 million tons".
    for (k, m) in p.mentions.iter().enumerate().rev() {
        if usable(m) && m.last < amount.first && close(&p.tokens, m.last + 1, amount.first, 2, true)
        {
            return Some((k, "the period just before the number"));
        }
    }
    // The period that opens the sentence: "In the first seven months of 2025, …".
    if let Some((k, m)) = p.mentions.iter().enumerate().find(|(_, m)| usable(m)) {
        let opens = p.tokens[..m.first]
            .iter()
            .all(|t| OPENERS.contains(&t.lower.as_str()))
            && p.tokens.get(m.last + 1).is_some_and(|t| t.text == ",");
        if opens && m.last < amount.first {
            return Some((k, "the period that opens the sentence"));
        }
    }
    let own: Vec<usize> = (0..p.mentions.len())
        .filter(|&k| usable(&p.mentions[k]))
        .collect();
    if own.len() == 1 {
        return Some((own[0], "the only period in the sentence"));
    }
    None
}

/// The period of a "since" mention: from its start to the end of the latest other
/// period of the sentence, else to the month of publication.
fn since_period(p: &Parsed, k: usize, cx: &Context) -> (Option<Period>, String) {
    let m = &p.mentions[k];
    let Some(start) = m.year.and_then(|y| period_of(m.span, y)) else {
        return (None, "a start with no year".to_owned());
    };
    let later = p
        .mentions
        .iter()
        .enumerate()
        .filter(|&(j, o)| j != k && o.kind == MentionKind::Plain)
        .filter_map(|(_, o)| o.period)
        .filter(|o| o.end() > start.end())
        .max_by_key(|o| o.end());
    let words = cx.words(&p.tokens, m.first.saturating_sub(1), m.last);
    if let Some(later) = later {
        if let Ok(period) = Period::new(start.start(), later.end()) {
            return (
                Some(period),
                format!(
                    "“{words}”, up to the end of the latest period the sentence names ({later})"
                ),
            );
        }
    }
    if let Some(date) = cx.published {
        if let Some(end) = period_of(
            Span::Months(date.month() as u8, date.month() as u8),
            date.year(),
        ) {
            if let Ok(period) = Period::new(start.start(), end.end()) {
                return (
                    Some(period),
                    format!("“{words}”, up to the month of publication ({date})"),
                );
            }
        }
    }
    (None, format!("“{words}”: the text gives no end"))
}

/// Words of the status lists found among `tokens`.
fn status_in(tokens: &[Token], cx: &Context) -> Option<(Status, String)> {
    for (status, lists) in [
        (Status::Target, &cx.lexicon.target_words),
        (Status::Projection, &cx.lexicon.projection_words),
        (Status::Estimate, &cx.lexicon.estimate_words),
    ] {
        for words in lists.iter() {
            if let Some(at) = (0..tokens.len()).find(|&at| words_at(tokens, at, words)) {
                return Some((status, cx.words(tokens, at, at + words.len() - 1)));
            }
        }
    }
    None
}

/// Reads every figure of the text.
pub(crate) fn read_figures(parsed: &[Parsed], cx: &Context) -> Vec<Figure> {
    let mut paragraph_words: HashMap<usize, HashSet<String>> = HashMap::new();
    for p in parsed {
        let set = paragraph_words.entry(p.sentence.paragraph).or_default();
        set.extend(p.tokens.iter().map(|t| t.lower.clone()));
    }
    let mut out: Vec<Figure> = Vec::new();
    for (si, p) in parsed.iter().enumerate() {
        let mut nearby = paragraph_words
            .get(&p.sentence.paragraph)
            .cloned()
            .unwrap_or_default();
        if let Some(before) = p
            .sentence
            .paragraph
            .checked_sub(1)
            .and_then(|k| paragraph_words.get(&k))
        {
            nearby.extend(before.iter().cloned());
        }
        let here_start = out.len();
        let attached: Vec<Option<(usize, &'static str)>> =
            p.amounts.iter().map(|a| attach(p, a)).collect();
        for (ai, amount) in p.amounts.iter().enumerate() {
            if amount.percent {
                continue;
            }
            if let Some(figure) =
                read_figure(parsed, si, ai, &attached, &out, here_start, &nearby, cx)
            {
                out.push(figure);
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn read_figure(
    parsed: &[Parsed],
    si: usize,
    ai: usize,
    attached: &[Option<(usize, &'static str)>],
    before: &[Figure],
    here_start: usize,
    nearby: &HashSet<String>,
    cx: &Context,
) -> Option<Figure> {
    let p = &parsed[si];
    let amount = &p.amounts[ai];
    let mut reasons = Vec::new();
    let mut confidence: f64 = 1.0;
    let mut reason = |field: &str, text: String| {
        reasons.push(Reason {
            field: field.to_owned(),
            text,
        })
    };
    let written = cx.words(&p.tokens, amount.first, amount.last);
    reason("value", format!("“{written}”"));
    // Indicator and unit.
    let indicator = choose_indicator(p, amount, cx, nearby);
    let unit = match (&amount.unit, &indicator) {
        (Some(u), _) => {
            reason(
                "unit",
                format!("“{}”", amount.unit_words.clone().unwrap_or_default()),
            );
            u.clone()
        }
        (None, Some(ind)) if ind.entry.unit != "USD" => {
            reason(
                "unit",
                format!(
                    "no unit beside the number: the unit of {} (“{}”)",
                    ind.entry.indicator, ind.words
                ),
            );
            confidence -= 0.1;
            ind.entry.unit.clone()
        }
        _ => return None,
    };
    let mut indicator_code = None;
    let mut directed = true;
    match &indicator {
        Some(ind) => {
            indicator_code = Some(ind.entry.indicator.clone());
            directed = ind.entry.directed;
            reason("indicator", format!("“{}”", ind.words));
        }
        None => {
            confidence -= 0.3;
            reason("indicator", "no indicator named near the number".to_owned());
        }
    }
    if let Some(q) = &amount.qualifier_words {
        reason("qualifier", format!("“{q}”"));
    }
    // Period.
    let here: Vec<&Figure> = before[here_start..].iter().collect();
    let previous_in_sentence = here.last().copied();
    let mut cumulative = false;
    let mut mention = None;
    let mut adjacent = false;
    let after_part =
        amount.first > 0 && PART_WORDS.contains(&p.tokens[amount.first - 1].lower.as_str());
    let mut period: Option<Period> = None;
    let mut status_from_part = None;
    let from_to = from_to_same_period(parsed, si, ai, attached, before);
    if let Some((carried, why)) = from_to {
        period = Some(carried);
        reason("period", why);
        confidence -= 0.2;
    } else if let (Some(prev), true, None) = (
        previous_in_sentence,
        after_part,
        attached[ai].filter(|(_, rule)| rule.starts_with("the period just")),
    ) {
        period = prev.item.period;
        cumulative = prev.cumulative;
        status_from_part = prev.item.status;
        reason(
            "period",
            format!(
                "“{}”: the period of the figure it is part of",
                p.tokens[amount.first - 1].text
            ),
        );
        confidence -= 0.1;
    } else if let Some((k, rule)) = attached[ai] {
        let m = &p.mentions[k];
        mention = Some(k);
        adjacent = rule.starts_with("the period just");
        let words = cx.words(&p.tokens, m.first, m.last);
        match m.kind {
            MentionKind::Since => {
                let (since, why) = since_period(p, k, cx);
                period = since;
                cumulative = true;
                reason("period", why);
            }
            MentionKind::SameAsBefore => match previous_sentence_figure(parsed, si, before) {
                Some(prev) => {
                    period = prev.item.period;
                    cumulative = prev.cumulative;
                    reason(
                        "period",
                        format!(
                            "“{words}”: the period of the figure before ({})",
                            prev.item.words
                        ),
                    );
                    confidence -= 0.15;
                }
                None => reason(
                    "period",
                    format!("“{words}”: no figure before to take it from"),
                ),
            },
            _ => {
                period = m.period;
                match &m.reason {
                    Some(why) => {
                        reason("period", format!("“{words}” ({rule}); {why}"));
                        confidence -= 0.1;
                    }
                    None => reason("period", format!("“{words}” ({rule})")),
                }
            }
        }
    } else {
        let stock = indicator.as_ref().is_some_and(|i| i.entry.stock);
        let carried = if stock {
            None
        } else {
            previous_figure_nearby(parsed, si, before)
        };
        match (carried, cx.published) {
            (Some(prev), _) => {
                period = prev.item.period;
                cumulative = prev.cumulative;
                reason(
                    "period",
                    format!(
                        "no period in the sentence: the period of the figure before ({})",
                        prev.item.words
                    ),
                );
                confidence -= 0.25;
            }
            (None, Some(date)) => {
                period = Period::year(date.year()).ok();
                reason("period", format!("no period stated: the year of publication ({}), the figure as it stood then", date.year()));
                confidence -= if stock { 0.2 } else { 0.35 };
            }
            (None, None) => {
                reason("period", "no period stated".to_owned());
                confidence -= 0.4;
            }
        }
    }
    if cumulative && indicator_code.as_deref() == Some("investment_flow") {
        indicator_code = Some("investment_stock".to_owned());
        reason(
            "indicator",
            "investment over a period that runs “since” a year: the cumulative stock".to_owned(),
        );
    }
    // Status: the words since the amount before, and after it to the clause's end.
    let from = if ai == 0 {
        0
    } else {
        p.amounts[ai - 1].last + 1
    };
    let mut to = amount.last + 1;
    while to < p.tokens.len()
        && !matches!(p.tokens[to].text.as_str(), "," | ";")
        && !p.amounts.iter().any(|a| a.first == to)
    {
        to += 1;
    }
    let window: Vec<Token> = p.tokens[from..to].to_vec();
    let by_year = mention.is_some_and(|k| p.mentions[k].kind == MentionKind::By);
    let status = match (status_from_part, status_in(&window, cx)) {
        (Some(s), _) => {
            reason(
                "status",
                "the status of the figure it is part of".to_owned(),
            );
            s
        }
        (None, Some((s, words))) => {
            reason("status", format!("“{words}”"));
            s
        }
        (None, None) if by_year => {
            reason(
                "status",
                "a level to be reached “by” a year, with no word of a target: a projection"
                    .to_owned(),
            );
            confidence -= 0.1;
            Status::Projection
        }
        (None, None) => Status::Actual,
    };
    // Direction.
    let (origin, destination) = direction(
        parsed,
        si,
        ai,
        directed,
        indicator_code.as_deref(),
        before,
        cx,
        &mut reason,
        &mut confidence,
    );
    // Product: for trade figures, the product named last before the number in its clause.
    let product = indicator_code
        .as_deref()
        .filter(|c| c.starts_with("exports") || c.starts_with("imports"))
        .and_then(|_| product_before(p, amount, cx));
    if let Some((_, words)) = &product {
        reason("product", format!("“{words}”"));
    }
    let (quote, start, end) = cx.quote(&p.sentence);
    Some(Figure {
        sentence: si,
        amount: ai,
        mention,
        adjacent,
        cumulative,
        item: Item {
            kind: ItemKind::Figure,
            indicator: indicator_code,
            origin,
            destination,
            product: product.map(|(code, _)| code),
            period,
            value: Some(amount.value),
            unit: Some(unit),
            qualifier: Some(amount.qualifier),
            status: Some(status),
            relation: None,
            reference: None,
            event_kind: None,
            words: written,
            source: cx.source.clone(),
            quote,
            start,
            end,
            reasons,
            confidence: confidence.clamp(0.1, 1.0),
        },
    })
}

/// "increased from 24,000 to 71,500 over the same period": when the sentence before
/// gave two periods, the first number takes the earlier and the second the later.
fn from_to_same_period(
    parsed: &[Parsed],
    si: usize,
    ai: usize,
    attached: &[Option<(usize, &'static str)>],
    before: &[Figure],
) -> Option<(Period, String)> {
    let p = &parsed[si];
    let word_before = |a: &Amount| {
        if a.first == 0 {
            ""
        } else {
            p.tokens[a.first - 1].lower.as_str()
        }
    };
    let (from_at, to_at) = if word_before(&p.amounts[ai]) == "from"
        && p.amounts
            .get(ai + 1)
            .is_some_and(|n| word_before(n) == "to")
    {
        (ai, ai + 1)
    } else if ai > 0
        && word_before(&p.amounts[ai]) == "to"
        && word_before(&p.amounts[ai - 1]) == "from"
    {
        (ai - 1, ai)
    } else {
        return None;
    };
    let same = [from_at, to_at].iter().any(|&k| {
        attached[k].is_some_and(|(m, _)| p.mentions[m].kind == MentionKind::SameAsBefore)
    });
    if !same {
        return None;
    }
    let prev = previous_sentence_figure(parsed, si, before)?;
    let periods: Vec<Period> = before
        .iter()
        .filter(|f| f.sentence == prev.sentence)
        .filter_map(|f| f.item.period)
        .collect();
    let earliest = *periods.iter().min()?;
    let latest = *periods.iter().max()?;
    if earliest == latest {
        return None;
    }
    let chosen = if ai == from_at { earliest } else { latest };
    Some((
        chosen,
        format!(
            "“from … to … over the same period”: the {} of the two periods of the sentence before ({earliest} and {latest})",
            if ai == from_at { "first" } else { "second" }
        ),
    ))
}

/// The first figure of the nearest sentence before with figures, in this paragraph
/// or the one before.
fn previous_sentence_figure<'a>(
    parsed: &[Parsed],
    si: usize,
    before: &'a [Figure],
) -> Option<&'a Figure> {
    let paragraph = parsed[si].sentence.paragraph;
    let last = before.iter().rev().find(|f| f.sentence < si)?;
    if paragraph - parsed[last.sentence].sentence.paragraph > 1 {
        return None;
    }
    before.iter().find(|f| f.sentence == last.sentence)
}

/// The last figure of an earlier sentence, in this paragraph or the one before.
fn previous_figure_nearby<'a>(
    parsed: &[Parsed],
    si: usize,
    before: &'a [Figure],
) -> Option<&'a Figure> {
    let paragraph = parsed[si].sentence.paragraph;
    before
        .iter()
        .rev()
        .find(|f| f.sentence < si && paragraph - parsed[f.sentence].sentence.paragraph <= 1)
}

fn product_before(p: &Parsed, amount: &Amount, cx: &Context) -> Option<(String, String)> {
    let mut best = None;
    for at in 0..amount.first {
        for (words, code) in &cx.lexicon.products {
            if words_at(&p.tokens, at, words) && at + words.len() <= amount.first {
                best = Some((code.clone(), cx.words(&p.tokens, at, at + words.len() - 1)));
            }
        }
    }
    best
}
