//! "How to read this report": what a qualified figure's brackets, a computed figure's
//! brackets and "at least" / "at most", estimates, targets, projections and plans mean,
//! and the period of the most recent measured figures, so that a reader of a published
//! report need not guess. Each explanation is there only when the report has what it
//! explains: a report of exact measured figures gets the last paragraph alone.

use crate::model::{Kind, Observation, Qualifier, Status};
use crate::period::Period;
use crate::words::numbers::describe_observation_in;
use crate::words::period_words;
use crate::words::phrases::capitalise;

use super::gather::Gathered;

/// The paragraphs of the note for a report on `data` whose sentences are `sentences`
/// and whose tables' text cells are `cells`; the last names the period of the most
/// recent measured figures, when there are any.
pub(super) fn how_to_read(data: &Gathered, sentences: &[&str], cells: &[&str]) -> Vec<String> {
    let mut text = Vec::new();
    let brackets = [
        qualified(data),
        computed_brackets(sentences),
        ends_of_ranges(sentences.iter().chain(cells)),
    ];
    let brackets: Vec<String> = brackets.into_iter().flatten().collect();
    if !brackets.is_empty() {
        text.push(brackets.join(" "));
    }
    text.extend(statuses(data));
    if let Some(latest) = latest_measured(&data.observations, |code| data.indicator(code).kind) {
        text.push(format!(
            "The most recent measured figures are for {}; each figure’s note gives its \
             source and its period, and the sentence it came from where one was recorded.",
            period_words(&latest)
        ));
    }
    text
}

/// What the words "over", "around", "nearly", "under" stand for, with the report's
/// first figure of the first of them as the example: `None` when every figure is
/// exact.
fn qualified(data: &Gathered) -> Option<String> {
    const ORDER: [Qualifier; 4] = [
        Qualifier::Over,
        Qualifier::Approx,
        Qualifier::Nearly,
        Qualifier::Under,
    ];
    let used: Vec<Qualifier> = ORDER
        .into_iter()
        .filter(|q| {
            data.observations
                .iter()
                .any(|o| o.qualifier == *q && o.low != o.high)
        })
        .collect();
    let first = *used.first()?;
    let example = data
        .observations
        .iter()
        .find(|o| o.qualifier == first && o.low != o.high)?;
    let described = describe_observation_in(example, data.digits);
    let (figure, range) = described.split_once(" [")?;
    let range = range.split_once(']').map_or(range, |(r, _)| r);
    let words: Vec<String> = used.iter().map(|q| format!("“{}”", q.prose())).collect();
    Some(format!(
        "Figures are given with the words their source used ({}); such a figure stands \
         for a range, shown in brackets in the tables: “{figure}” as [{range}].",
        words.join(", ")
    ))
}

/// The note on brackets after a computed figure ("1.7 [1.7, 1.8] times"), when a
/// sentence has one.
fn computed_brackets(texts: &[&str]) -> Option<String> {
    let bracketed = |t: &&str| {
        t.match_indices('[')
            .any(|(i, _)| t[i + 1..].starts_with(|c: char| c.is_ascii_digit() || c == '$'))
    };
    texts.iter().any(bracketed).then(|| {
        "Brackets after a computed figure (a change, a ratio, a figure per 1,000 \
         residents) hold every value its inputs allow, rounded outwards."
            .to_owned()
    })
}

/// The note on "at least" and "at most", when a sentence or cell uses them.
fn ends_of_ranges<'a>(mut texts: impl Iterator<Item = &'a &'a str>) -> Option<String> {
    texts
        .any(|t| t.contains("at least ") || t.contains("at most "))
        .then(|| {
            "“At least” and “at most” mark a computed figure at one end of its range.".to_owned()
        })
}

/// What estimates, targets, projections and plans are, and what the report does with
/// them: only those the report has.
fn statuses(data: &Gathered) -> Option<String> {
    let has = |status| data.observations.iter().any(|o| o.status == status);
    let plans = data
        .observations
        .iter()
        .any(|o| data.indicator(&o.indicator).kind == Kind::Plan);
    let estimates = has(Status::Estimate);
    let mut definitions = Vec::new();
    let mut forward = Vec::new();
    if estimates {
        definitions.push("an estimate is a figure worked out rather than measured");
    }
    if has(Status::Target) {
        definitions.push("a target is a goal someone set");
        forward.push("targets");
    }
    if has(Status::Projection) {
        definitions.push("a projection is a forecast");
        forward.push("projections");
    }
    if plans {
        definitions.push(
            "a plan is a planned project’s specification or budget, as the plan stood at \
             its date",
        );
        forward.push("plans");
    }
    if definitions.is_empty() {
        return None;
    }
    let mut text = format!("{}.", capitalise(&definitions.join("; ")));
    if !forward.is_empty() {
        let last = forward.pop().unwrap_or_default();
        let list = if forward.is_empty() {
            last.to_owned()
        } else {
            format!("{} and {last}", forward.join(", "))
        };
        text.push_str(&format!(
            " {} never count as measurements: growth and comparisons are computed from \
             measured{} figures{}.",
            capitalise(&list),
            if estimates { " and estimated" } else { "" },
            if estimates {
                ", and a sentence calls an estimate one"
            } else {
                ""
            }
        ));
    } else {
        text.push_str(" A sentence that uses an estimate calls it one.");
    }
    Some(text)
}

/// The period of the measured figure (not a target, a projection or a plan) that ends
/// last; of those ending together, the shortest, the one most precisely dated.
fn latest_measured(observations: &[Observation], kind: impl Fn(&str) -> Kind) -> Option<Period> {
    observations
        .iter()
        // An estimate was worked out, not measured.
        .filter(|o| {
            !matches!(
                o.status,
                Status::Target | Status::Projection | Status::Estimate
            )
        })
        .filter(|o| kind(&o.indicator) != Kind::Plan)
        .map(|o| o.period)
        .max_by_key(|p| (p.end(), p.start()))
}
