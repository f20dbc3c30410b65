//! Figures: each amount with a unit becomes a figure, with the indicator named nearest
//! to it, its period, direction and status, and the words that decided each.

use std::collections::{HashMap, HashSet};

use super::amounts::Amount;
use super::draft::{Item, ItemKind, Reason};
use super::lexicon::IndicatorWords;
use super::periods::{period_of, Mention, MentionKind, Span};
use super::tokens::{words_at, Token, TokenKind};
use super::{Context, Parsed};
use crate::builtin::is_currency;
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

/// Words before a country that make it the destination of a flow.
const TO_WORDS: &[&str] = &["to", "in", "into", "visited", "visiting", "visit", "for"];

/// Words before a country that make it the origin of a flow.
const FROM_WORDS: &[&str] = &["from", "by"];

/// Words before a country that make it neither end (it is not the subject).
const OTHER_WORDS: &[&str] = &[
    "with", "between", "of", "via", "through", "and", "at", "across", "along", "on",
];

struct Scored<'a> {
    entry: &'a IndicatorWords,
    words: String,
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
fn choose_indicator<'a>(
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
    if let Some((code, words)) = &product {
        reason("product", format!("“{words}”"));
        let _ = code;
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

/// A country mention's role for a flow: `Some(true)` origin, `Some(false)`
/// destination.
fn role(p: &Parsed, k: usize, indicator: Option<&str>, cx: &Context) -> Option<bool> {
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
fn direction(
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
