//! "How to read this report": what brackets, estimates, targets, projections and plans
//! mean, and the date the figures run to, so that a reader of a published report need
//! not guess.

use crate::model::{Kind, Observation, Status};
use crate::period::Period;
use crate::words::period_words;

use super::gather::Gathered;

/// The paragraphs of the note; the last names the month the measured figures run to,
/// when there are any.
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
    if let Some(end) = measured_until(&data.observations, |code| data.indicator(code).kind) {
        text.push(format!(
            "The measured figures run to {}, the end of the latest period with one. Each \
             figure’s note gives its source, its period and the sentence it came from.",
            period_words(&end)
        ));
    }
    text
}

/// The month in which the latest period of a measured figure ends: not a target, a
/// projection or a plan.
fn measured_until(observations: &[Observation], kind: impl Fn(&str) -> Kind) -> Option<Period> {
    let end = observations
        .iter()
        .filter(|o| !matches!(o.status, Status::Target | Status::Projection))
        .filter(|o| kind(&o.indicator) != Kind::Plan)
        .map(|o| o.period.end())
        .max()?;
    Period::parse(&format!("{:04}-{:02}", end.year(), u8::from(end.month()))).ok()
}
