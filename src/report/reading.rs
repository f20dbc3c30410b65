//! "How to read this report": what brackets, estimates, targets, projections and plans
//! mean, and the period of the most recent measured figures, so that a reader of a
//! published report need not guess.

use crate::model::{Kind, Observation, Status};
use crate::period::Period;
use crate::words::period_words;

use super::gather::Gathered;

/// The paragraphs of the note; the last names the period of the most recent measured
/// figures, when there are any.
pub(super) fn how_to_read(data: &Gathered) -> Vec<String> {
    let mut text = vec![
        "Figures are given with the words their source used (“over”, “around”, “nearly”); \
         such a figure stands for a range, shown in brackets in the tables: “over 102,000” \
         as [102,000 – 103,000]. Brackets after a computed figure (a change, a ratio, a \
         figure per 1,000 residents) hold every value its inputs allow, rounded outwards; \
         “at least” and “at most” mark a computed figure at one end of its range."
            .to_owned(),
        "An estimate is a figure worked out rather than measured; a target is a goal \
         someone set; a projection is a forecast; a plan is a planned project’s \
         specification or budget, as the plan stood at its date. Targets, projections and \
         plans never count as measurements: growth and comparisons are computed from \
         measured and estimated figures, and a sentence calls an estimate one."
            .to_owned(),
    ];
    if let Some(latest) = latest_measured(&data.observations, |code| data.indicator(code).kind) {
        text.push(format!(
            "The most recent measured figures are for {}; each figure’s note gives its \
             source, its period and the sentence it came from.",
            period_words(&latest)
        ));
    }
    text
}

/// The period of the measured figure (not a target, a projection or a plan) that ends
/// last; of those ending together, the shortest, the one most precisely dated.
fn latest_measured(observations: &[Observation], kind: impl Fn(&str) -> Kind) -> Option<Period> {
    observations
        .iter()
        .filter(|o| !matches!(o.status, Status::Target | Status::Projection))
        .filter(|o| kind(&o.indicator) != Kind::Plan)
        .map(|o| o.period)
        .max_by_key(|p| (p.end(), p.start()))
}
