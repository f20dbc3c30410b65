//! Periods and dates as news text writes them: "in 2024", "the first eight months of
//! 2025", "January–August 2025", "from January through August", "the first quarter of
//! 2025", "March 2025", "May 17", "since 2005", "by 2030", "last year", "the same
//! period in 2024". Each mention is found in one sentence; the year a mention leaves
//! out is filled in afterwards ([`fill_years`]) with the reason shown.

use time::Date;

use super::tokens::{Token, TokenKind};
use crate::period::Period;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const ORDINALS: &[&str] = &["first", "second", "third", "fourth"];

const COUNTS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
];

/// What a mention says beside its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// A period as stated ("in 2024", "March 2025").
    Plain,
    /// "since 2005": from the start of that year to a later end the text gives.
    Since,
    /// "by 2030": the year something is to be reached.
    By,
    /// "the same period", "the same timeframe": the period of the sentence before.
    SameAsBefore,
    /// "the same period in 2024": the claim's months in another year (a reference).
    SameMonthsIn(i32),
    /// "the previous year", "a year earlier": the year before the figure's (a reference).
    PreviousYear,
    /// A year in a name ("Caspian Breeze 2025"): no date of anything.
    InName,
}

/// The part of a year a mention names, before its year is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Span {
    Year,
    Months(u8, u8),
    Quarter(u8),
    Half(u8),
    Day(u8, u8),
}

/// A period or date found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// First and last token (inclusive), as indices into the sentence's tokens.
    pub first: usize,
    pub last: usize,
    pub kind: MentionKind,
    pub span: Span,
    /// The year as written, if it was.
    pub year: Option<i32>,
    /// Years relative to the date of publication ("last year" is −1).
    pub relative: Option<i32>,
    /// The period, once its year is known.
    pub period: Option<Period>,
    /// Why the period is what it is, when the text did not state all of it.
    pub reason: Option<String>,
    /// The period is a base of comparison ("compared to January–April 2022", "a 9%
    /// decline from 2022", "than in 2023"), not the period of a figure.
    pub compared: bool,
}

impl Mention {
    fn new(first: usize, last: usize, span: Span, year: Option<i32>) -> Mention {
        Mention {
            first,
            last,
            kind: MentionKind::Plain,
            span,
            year,
            relative: None,
            period: None,
            reason: None,
            compared: false,
        }
    }

    /// True for a mention that states a period of its own (not a reference to
    /// another, nor a name).
    pub fn is_own(&self) -> bool {
        !self.compared
            && matches!(
                self.kind,
                MentionKind::Plain | MentionKind::Since | MentionKind::By
            )
    }
}

/// The period `span` of `year`.
pub(crate) fn period_of(span: Span, year: i32) -> Option<Period> {
    let text = match span {
        Span::Year => format!("{year:04}"),
        Span::Months(a, b) if a == b => format!("{year:04}-{a:02}"),
        Span::Months(a, b) => format!("{year:04}-{a:02}/{year:04}-{b:02}"),
        Span::Quarter(q) => format!("{year:04}-Q{q}"),
        Span::Half(h) => format!("{year:04}-H{h}"),
        Span::Day(m, d) => format!("{year:04}-{m:02}-{d:02}"),
    };
    Period::parse(&text).ok()
}

fn month_of(token: &Token) -> Option<u8> {
    if !token.is_capitalized() {
        return None;
    }
    let lower = token.lower.as_str();
    MONTHS
        .iter()
        .position(|m| {
            *m == lower
                || (lower.len() == 3 && m.starts_with(lower))
                || lower == "sept" && *m == "september"
        })
        .map(|i| i as u8 + 1)
}

/// A year written as four digits (1900–2100).
pub(crate) fn year_of(token: &Token) -> Option<i32> {
    if token.kind != TokenKind::Number || token.text.len() != 4 {
        return None;
    }
    token
        .text
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

fn day_of(token: &Token) -> Option<u8> {
    (token.kind == TokenKind::Number && token.text.len() <= 2)
        .then(|| token.text.parse::<u8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn count_of(token: &Token) -> Option<u8> {
    COUNTS
        .iter()
        .position(|c| *c == token.lower)
        .map(|i| i as u8 + 1)
        .or_else(|| {
            (token.kind == TokenKind::Number)
                .then(|| token.text.parse().ok())
                .flatten()
        })
}

fn is_dash(token: &Token) -> bool {
    matches!(token.text.as_str(), "-" | "–" | "—")
        || matches!(
            token.lower.as_str(),
            "to" | "through" | "until" | "till" | "thru"
        )
}

/// The word before token `i`, lowercase.
fn before(tokens: &[Token], i: usize) -> &str {
    if i == 0 {
        ""
    } else {
        tokens[i - 1].lower.as_str()
    }
}

/// A year after token `last` ("of 2025", "in 2025", ", 2025", "2025"): the year and
/// the last token of the mention.
fn year_after(tokens: &[Token], last: usize) -> Option<(i32, usize)> {
    let next = tokens.get(last + 1)?;
    if let Some(y) = year_of(next) {
        return Some((y, last + 1));
    }
    if matches!(next.lower.as_str(), "of" | "in" | ",") {
        let y = year_of(tokens.get(last + 2)?)?;
        return Some((y, last + 2));
    }
    None
}

/// Every period and date mentioned in a sentence, in order, none overlapping.
pub(crate) fn find_mentions(tokens: &[Token]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(mut m) = mention_at(tokens, i) {
            i = m.last + 1;
            m.compared = is_compared(tokens, m.first);
            found.push(m);
        } else {
            i += 1;
        }
    }
    found
}

/// Words of growth or comparison after which "from 2022" names a base.
const CHANGE_WORDS: &[&str] = &[
    "%", "percent", "cent", "increase", "decrease", "decline", "rise", "growth", "drop", "fall",
    "up", "down", "doubling", "tripling", "doubled", "tripled", "higher", "lower", "more", "less",
];

/// True when the words before token `at` make the mention a base of comparison.
fn is_compared(tokens: &[Token], at: usize) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let mut k = at;
    while k > 0 && matches!(word(k - 1), "the" | "in" | "of" | "a") {
        k -= 1;
    }
    if k == 0 {
        return false;
    }
    let before = word(k - 1);
    if matches!(before, "than" | "against" | "versus" | "vs") {
        return true;
    }
    if matches!(before, "to" | "with") && k >= 2 && word(k - 2) == "compared" {
        return true;
    }
    matches!(before, "from" | "over" | "on") && k >= 2 && CHANGE_WORDS.contains(&word(k - 2))
}

fn mention_at(tokens: &[Token], i: usize) -> Option<Mention> {
    let t = &tokens[i];
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    // "the same period in 2024", "the same timeframe", "over the same period"
    if t.lower == "same" && matches!(word(i + 1), "period" | "timeframe" | "months" | "time") {
        let mut last = i + 1;
        if word(last) == "time" && word(last + 1) == "frame" {
            last += 1;
        }
        let mut m = Mention::new(i, last, Span::Year, None);
        if let Some((y, end)) = year_after(tokens, last) {
            m.kind = MentionKind::SameMonthsIn(y);
            m.last = end;
        } else if word(last + 1) == "last" && word(last + 2) == "year" {
            m.kind = MentionKind::PreviousYear;
            m.last = last + 2;
        } else {
            m.kind = MentionKind::SameAsBefore;
        }
        return Some(m);
    }
    // "over the period", "during the period": the period of the sentence before.
    if t.lower == "the"
        && word(i + 1) == "period"
        && i > 0
        && matches!(word(i - 1), "over" | "during" | "in" | "for")
        && !matches!(word(i + 2), "of" | "from" | "between")
    {
        let mut m = Mention::new(i, i + 1, Span::Year, None);
        m.kind = MentionKind::SameAsBefore;
        return Some(m);
    }
    if (t.lower == "previous" && word(i + 1) == "year")
        || (t.lower == "a"
            && word(i + 1) == "year"
            && matches!(word(i + 2), "earlier" | "ago" | "before"))
        || (t.lower == "year" && word(i + 1) == "on" && word(i + 2) == "year")
        || (t.lower == "year" && word(i + 1) == "-" && word(i + 2) == "on")
    {
        let last = if t.lower == "previous" { i + 1 } else { i + 2 };
        let mut m = Mention::new(i, last, Span::Year, None);
        m.kind = MentionKind::PreviousYear;
        return Some(m);
    }
    if matches!(t.lower.as_str(), "last" | "this" | "next" | "current") {
        let mut k = i + 1;
        if word(k) == "academic" || word(k) == "calendar" {
            k += 1;
        }
        if word(k) == "year" {
            let mut m = Mention::new(i, k, Span::Year, None);
            m.relative = Some(match t.lower.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            });
            return Some(m);
        }
    }
    // "the first quarter of 2025", "the second half of 2024", "the first eight months of 2025"
    if let Some(ord) = ORDINALS.iter().position(|o| *o == t.lower) {
        let ord = ord as u8 + 1;
        let (span, last) = match word(i + 1) {
            "quarter" => (Span::Quarter(ord), i + 1),
            "half" if ord <= 2 => (Span::Half(ord), i + 1),
            _ if ord == 1 && matches!(word(i + 2), "months" | "month") => {
                let n = count_of(tokens.get(i + 1)?)?;
                if !(1..=12).contains(&n) {
                    return None;
                }
                (Span::Months(1, n), i + 2)
            }
            _ => return None,
        };
        let mut m = Mention::new(i, last, span, None);
        if let Some((y, end)) = year_after(tokens, last) {
            m.year = Some(y);
            m.last = end;
        }
        return Some(m);
    }
    // "Q1 2025", "H1 2025"
    if t.kind == TokenKind::Word && t.lower.len() == 2 {
        let (letter, digit) = (t.lower.as_bytes()[0], t.lower.as_bytes()[1]);
        let span = match (letter, digit) {
            (b'q', b'1'..=b'4') => Some(Span::Quarter(digit - b'0')),
            (b'h', b'1'..=b'2') => Some(Span::Half(digit - b'0')),
            _ => None,
        };
        if let (Some(span), Some(y)) = (span, tokens.get(i + 1).and_then(year_of)) {
            return Some(Mention::new(i, i + 1, span, Some(y)));
        }
    }
    // Months: "March 2025", "May 17", "12 March", "January–August 2025", "from January through August"
    if let Some(day) = day_of(t) {
        if let Some(month) = tokens.get(i + 1).and_then(month_of) {
            let mut m = Mention::new(i, i + 1, Span::Day(month, day), None);
            if let Some((y, end)) = year_after(tokens, i + 1) {
                m.year = Some(y);
                m.last = end;
            }
            return Some(m);
        }
    }
    if let Some(month) = month_of(t) {
        // "May" is also a verb: a month only beside a day, a year or a preposition.
        let next_is_date = tokens
            .get(i + 1)
            .is_some_and(|n| day_of(n).is_some() || year_of(n).is_some());
        if t.lower == "may"
            && !next_is_date
            && !matches!(
                before(tokens, i),
                "in" | "on" | "since" | "from" | "by" | "until" | "of" | "through" | "–" | "-"
            )
        {
            return None;
        }
        let mut span = Span::Months(month, month);
        let mut last = i;
        if tokens.get(i + 1).is_some_and(is_dash) {
            if let Some(second) = tokens.get(i + 2).and_then(month_of) {
                if second > month {
                    span = Span::Months(month, second);
                    last = i + 2;
                }
            }
        } else if let Some(day) = tokens.get(i + 1).and_then(day_of) {
            span = Span::Day(month, day);
            last = i + 1;
        }
        let mut m = Mention::new(i, last, span, None);
        if let Some((y, end)) = year_after(tokens, last) {
            m.year = Some(y);
            m.last = end;
        }
        if before(tokens, i) == "since" {
            m.kind = MentionKind::Since;
        }
        return Some(m);
    }
    // A year.
    let year = year_of(t)?;
    if t.glued && i > 0 && tokens[i - 1].kind != TokenKind::Sign {
        return None;
    }
    if tokens
        .get(i + 1)
        .is_some_and(|n| n.glued && n.kind == TokenKind::Word)
    {
        return None;
    }
    let mut m = Mention::new(i, i, Span::Year, Some(year));
    match before(tokens, i) {
        "since" => m.kind = MentionKind::Since,
        "by" | "until" | "till" => m.kind = MentionKind::By,
        _ if i > 0
            && tokens[i - 1].is_capitalized()
            && month_of(&tokens[i - 1]).is_none()
            && i > 1 =>
        {
            m.kind = MentionKind::InName
        }
        _ => {}
    }
    Some(m)
}

/// Fills in the year of every mention that leaves it out, in text order: a month or
/// quarter without a year takes the year named last before it (references such as
/// "the same period in 2024", "compared to 2022", "by 2030" do not count), else the
/// year of `published`; "last year"
/// and "this year" are counted from `published`. A mention whose year cannot be known
/// keeps no period and says why.
pub(crate) fn fill_years(mentions: &mut [&mut Mention], published: Option<Date>) {
    let mut last_year: Option<i32> = None;
    for m in mentions.iter_mut() {
        if matches!(
            m.kind,
            MentionKind::SameAsBefore | MentionKind::PreviousYear | MentionKind::InName
        ) {
            continue;
        }
        if let MentionKind::SameMonthsIn(_) = m.kind {
            continue;
        }
        if let Some(rel) = m.relative {
            match published {
                Some(date) => {
                    let year = date.year() + rel;
                    m.period = period_of(m.span, year);
                    m.reason = Some(format!(
                        "counted from the date of publication ({date}): {year}"
                    ));
                }
                None => {
                    m.reason = Some(
                        "a year counted from the date of publication, which was not given"
                            .to_owned(),
                    )
                }
            }
            continue;
        }
        match m.year {
            Some(y) => {
                m.period = period_of(m.span, y);
                if !m.compared && m.kind != MentionKind::By {
                    last_year = Some(y);
                }
            }
            None => match (last_year, published) {
                (Some(y), _) => {
                    m.period = period_of(m.span, y);
                    m.reason = Some(format!(
                        "the year is not stated: {y}, the year named last before it"
                    ));
                }
                (None, Some(date)) => {
                    m.period = period_of(m.span, date.year());
                    m.reason = Some(format!(
                        "the year is not stated: {}, the year of publication",
                        date.year()
                    ));
                }
                (None, None) => m.reason = Some("the year is not stated".to_owned()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn periods(text: &str) -> Vec<String> {
        let tokens = tokenize(text, 0);
        let mut found = find_mentions(&tokens);
        let mut refs: Vec<&mut Mention> = found.iter_mut().collect();
        fill_years(&mut refs, None);
        found
            .iter()
            .map(|m| m.period.map_or("?".to_owned(), |p| p.to_string()))
            .collect()
    }

    #[test]
    fn news_periods_read_as_the_period_grammar_writes_them() {
        assert_eq!(
            periods("in the first eight months of 2025"),
            ["2025-01/2025-08"]
        );
        assert_eq!(
            periods("in January–April 2022 and the first quarter of 2025"),
            ["2022-01/2022-04", "2025-Q1"]
        );
        assert_eq!(
            periods("In March 2025, then on May 17 and 12 June"),
            ["2025-03", "2025-05-17", "2025-06-12"]
        );
        assert_eq!(periods("from January through August"), ["?"]);
        assert_eq!(
            periods("In 2023 and 2024, from January through August"),
            ["2023", "2024", "2024-01/2024-08"]
        );
    }

    #[test]
    fn may_the_verb_is_no_month() {
        assert!(periods("documents May be signed").is_empty());
        assert_eq!(periods("talks in May"), ["?"]);
    }
}
