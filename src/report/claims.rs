//! The section "What the figures say about the claims": each claim the store holds for
//! the pair, quoted, with its verdict and one line on why, citing the figures it was
//! checked against; and a table of the same. An implied figure is shown as a range
//! labelled implied, never as a figure and never as a base for growth.

use super::gather::Gathered;
use super::notes::Notes;
use super::tables::period_cells;
use super::{Cell, Column, Section, Sentence, Table};
use crate::analysis::{check_claim, implied_observation, ClaimCheck, Verdict};
use crate::model::{Claim, Observation, Reference};
use crate::words::{period_short, period_words};

/// The id of the claims section (its heading is [`TITLE`]).
pub(super) const ID: &str = "claims";

/// The heading of the claims section.
pub(super) const TITLE: &str = "What the figures say about the claims";

/// Every claim of the pair checked against its figures, in the order of the report's
/// sections and series, then by period.
pub(super) fn checks(data: &Gathered) -> Vec<ClaimCheck> {
    let mut claims: Vec<&Claim> = data.claims.iter().collect();
    claims.sort_by_key(|c| {
        let indicator = data.indicator(&c.indicator);
        (
            data.topic_position(&indicator.topic),
            c.product != "total",
            indicator.directed,
            &c.indicator,
            c.origin != data.pair.a.alpha3,
            &c.product,
            c.period.end(),
            c.period.start(),
        )
    });
    claims
        .into_iter()
        .map(|claim| check_claim(claim, data.indicator(&claim.indicator), &data.observations))
        .collect()
}

/// The ranges the claims imply for figures nobody published, as estimate rows.
pub(super) fn implied_rows(data: &Gathered, checks: &[ClaimCheck]) -> Vec<Observation> {
    checks
        .iter()
        .filter_map(|c| implied_observation(c, data.indicator(&c.claim.indicator)))
        .collect()
}

/// The claims section, or `None` when the store holds no claim for the pair.
pub(super) fn section(
    data: &Gathered,
    notes: &mut Notes,
    checks: &[ClaimCheck],
) -> Option<Section> {
    if checks.is_empty() {
        return None;
    }
    let mut sentences = vec![Sentence {
        text: tally(checks),
        notes: Vec::new(),
    }];
    let mut rows = Vec::new();
    for check in checks {
        let claim = &check.claim;
        let subject = data.pair.subject_of(
            data.indicator(&claim.indicator),
            &claim.origin,
            &claim.destination,
            &claim.product,
        );
        let cited = check
            .figures
            .iter()
            .map(|figure| notes.cite(&subject, figure))
            .collect();
        let against = against_words(claim);
        sentences.push(Sentence {
            text: format!(
                "“{}” ({subject}, {} against {against}): {}. {}",
                claim.text,
                period_words(&claim.period),
                check.verdict.code(),
                check.explanation
            ),
            notes: cited,
        });
        let number = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
        let [period, period_code] = period_cells(&claim.period);
        rows.push(vec![
            Cell::Text(claim.text.clone()),
            Cell::Text(subject),
            period,
            period_code,
            Cell::Text(match claim.reference {
                Reference::Period(p) => period_short(&p),
                _ => against,
            }),
            Cell::Text(check.verdict.code().to_owned()),
            Cell::Text(claim.relation.code().to_owned()),
            number(check.computed),
            number(check.computed_low),
            number(check.computed_high),
            number(check.implied.as_ref().and_then(|i| i.low)),
            number(check.implied.as_ref().and_then(|i| i.high)),
            Cell::Text(check.explanation.clone()),
            claim.source.clone().map_or(Cell::Empty, Cell::Text),
            claim.quote.clone().map_or(Cell::Empty, Cell::Text),
        ]);
    }
    let columns = [
        ("claim", true),
        ("series", true),
        ("period", true),
        ("period code", false),
        ("against", true),
        ("verdict", true),
        ("relation", false),
        ("computed", false),
        ("computed_low", false),
        ("computed_high", false),
        ("implied_low", false),
        ("implied_high", false),
        ("explanation", false),
        ("source", false),
        ("quote", false),
    ];
    Some(Section {
        id: ID.to_owned(),
        title: TITLE.to_owned(),
        sentences,
        tables: vec![Table {
            title: "Claims".to_owned(),
            columns: Column::list(&columns),
            rows,
        }],
        charts: Vec::new(),
    })
}

/// What a claim sets its figure against, in words.
fn against_words(claim: &Claim) -> String {
    match claim.reference {
        Reference::Period(p) => period_words(&p),
        Reference::Record if claim.period.is_calendar_year() => "the other years stored".to_owned(),
        Reference::Record => format!("the other periods of {} stored", claim.period.length_text()),
        Reference::Target => "its target".to_owned(),
        Reference::Whole => "the total".to_owned(),
    }
}

/// "Of the 10 claims, the figures support 6, allow 2 without showing them, contradict
/// none, and cannot check 2, for want of a figure."
fn tally(checks: &[ClaimCheck]) -> String {
    let count = |verdict| checks.iter().filter(|c| c.verdict == verdict).count();
    let number = |n: usize| match n {
        0 => "none".to_owned(),
        n => n.to_string(),
    };
    let total = match checks.len() {
        1 => "the one claim".to_owned(),
        n => format!("the {n} claims"),
    };
    format!(
        "Of {total} stored for the pair, the figures support {}, allow {} without showing \
         {}, contradict {}, and cannot check {}, for want of a figure.",
        number(count(Verdict::Supported)),
        number(count(Verdict::Plausible)),
        if count(Verdict::Plausible) == 1 {
            "it"
        } else {
            "them"
        },
        number(count(Verdict::Contradicted)),
        number(count(Verdict::Unverifiable)),
    )
}
