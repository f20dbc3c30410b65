//! Targets and projections: how far a year's actuals are towards its target (with a
//! chart), and the growth a target or projection needs from the latest actual year.

use super::charts::{Chart, ChartKind, ChartPoint, ChartSeries};
use super::notes::Notes;
use super::Sentence;
use crate::analysis::{self, Series};
use crate::model::Observation;
use crate::words::numbers::{digits_from, format_derived_digits, ShownInterval};
use crate::words::phrases::{is_plural, pct_words, share_words};
use crate::words::{period_phrase, period_words, prose_value};

/// Progress towards each calendar-year target: a sentence and a chart each, or only
/// the target when there is no actual for its year.
pub(super) fn progress(
    notes: &mut Notes,
    series: &Series,
    targets: &Series,
    subject: &str,
    digits: u32,
) -> (Vec<Sentence>, Vec<Chart>) {
    let unit = series.indicator.unit.clone();
    let mut sentences = Vec::new();
    let mut charts = Vec::new();
    for target in targets
        .observations
        .iter()
        .filter(|t| t.period.is_calendar_year())
    {
        let year = target.period.start().year();
        let target_note = notes.cite(subject, target);
        let Ok(p) = analysis::target_progress(series, targets, year) else {
            sentences.push(Sentence {
                text: format!(
                    "{subject}: the {year} target is {}.",
                    prose_value(target.value, &unit, target.qualifier, digits)
                ),
                notes: vec![target_note],
            });
            continue;
        };
        let Some(actual) = series.get(&p.actual_period) else {
            continue;
        };
        let actual_note = notes.cite(subject, actual);
        // The run rate and the pace so far come from the actual alone (the months
        // are exact); the share of the target and what the rest of the year needs
        // from the actual and the target.
        let (from_actual, from_both) = (
            digits_from(&[actual]).min(digits),
            digits_from(&[actual, target]).min(digits),
        );
        let derived = |value: f64, low: f64, high: f64, digits: u32| {
            ShownInterval::new(value, low, high, |v, way| {
                format_derived_digits(v, &unit, digits, way)
            })
            .words("")
        };
        let run_rate = derived(p.run_rate, p.run_rate_low, p.run_rate_high, from_actual);
        let months = f64::from(p.months_elapsed);
        let required = match (
            p.required_monthly,
            p.required_monthly_low,
            p.required_monthly_high,
        ) {
            (Some(r), Some(low), Some(high)) => format!(
                "; the remaining months need {} a month, against {} a month so far",
                derived(r, low, high, from_both),
                derived(
                    p.actual_monthly,
                    p.actual_low / months,
                    p.actual_high / months,
                    from_actual
                )
            ),
            _ => String::new(),
        };
        sentences.push(Sentence {
            text: format!(
                "{subject}: the {year} target is {}; the {} of {} is {} of it after {} {} of \
                 the year. At that pace, assuming an even spread over the year, the year would \
                 reach {run_rate} ({} of the target){required}.",
                prose_value(p.target, &unit, target.qualifier, digits),
                prose_value(p.actual, &unit, actual.qualifier, digits),
                period_words(&p.actual_period),
                share_words(
                    p.share_of_target,
                    p.share_of_target_low,
                    p.share_of_target_high,
                    from_both
                ),
                p.months_elapsed,
                if p.months_elapsed == 1 {
                    "month"
                } else {
                    "months"
                },
                share_words(
                    p.run_rate_share,
                    p.run_rate_share_low,
                    p.run_rate_share_high,
                    from_both
                ),
            ),
            notes: vec![target_note, actual_note],
        });
        let point =
            |label: &str, value: f64, low: f64, high: f64, note: Option<usize>, text: String| {
                ChartPoint {
                    label: label.to_owned(),
                    x: 0.0,
                    value,
                    low,
                    high,
                    note,
                    gap_before: false,
                    text,
                }
            };
        charts.push(Chart {
            kind: ChartKind::Progress,
            indicator: Some(series.indicator.code.clone()),
            product: Some(series.product.clone()),
            origin: Some(series.origin.clone()),
            destination: Some(series.destination.clone()),
            title: format!("{subject}: progress towards the {year} target"),
            unit: unit.clone(),
            series: vec![
                ChartSeries {
                    label: format!("actual, {}", p.actual_period),
                    dashed: false,
                    points: vec![point(
                        "actual",
                        p.actual,
                        p.actual_low,
                        p.actual_high,
                        Some(actual_note),
                        prose_value(p.actual, &unit, actual.qualifier, digits),
                    )],
                },
                ChartSeries {
                    label: "run rate, spread evenly over the year".to_owned(),
                    dashed: false,
                    points: vec![point(
                        "run rate",
                        p.run_rate,
                        p.run_rate_low,
                        p.run_rate_high,
                        None,
                        run_rate.clone(),
                    )],
                },
                ChartSeries {
                    label: format!("{year} target"),
                    dashed: true,
                    points: vec![point(
                        "target",
                        p.target,
                        target.low,
                        target.high,
                        Some(target_note),
                        prose_value(p.target, &unit, target.qualifier, digits),
                    )],
                },
            ],
            events: Vec::new(),
        });
    }
    (sentences, charts)
}

/// The growth each projection, and each target beyond the years with actuals, needs
/// from the latest calendar year before it.
pub(super) fn growth_needed(
    notes: &mut Notes,
    series: &Series,
    targets: &Series,
    projections: &Series,
    subject: &str,
    digits: u32,
) -> Vec<Sentence> {
    let unit = series.indicator.unit.clone();
    let mut sentences = Vec::new();
    let years: Vec<&Observation> = series
        .observations
        .iter()
        .filter(|o| o.period.is_calendar_year())
        .collect();
    for goal in projections
        .observations
        .iter()
        .filter(|o| o.period.is_calendar_year())
    {
        let goal_note = notes.cite(subject, goal);
        let base = years
            .iter()
            .filter(|o| o.period.start() < goal.period.start())
            .max_by_key(|o| o.period.start());
        let mut text = format!(
            "{subject}: a projection puts {} at {} {}",
            if is_plural(subject) { "them" } else { "it" },
            prose_value(goal.value, &unit, goal.qualifier, digits),
            period_phrase(&goal.period)
        );
        let mut cited = vec![goal_note];
        if let Some(base) = base {
            if let Ok(r) =
                analysis::required_growth(series, projections, &base.period, &goal.period)
            {
                cited.push(notes.cite(subject, base));
                text.push_str(&format!(
                    ", which needs {} a year from {} in {}",
                    pct_words(
                        r.required_cagr * 100.0,
                        Some(r.required_cagr_low * 100.0),
                        Some(r.required_cagr_high * 100.0),
                        digits_from(&[goal, base]).min(digits)
                    ),
                    prose_value(r.base_value, &unit, base.qualifier, digits),
                    r.base_period
                ));
                if let (Some(h), Some(start)) = (r.historical_cagr, r.historical_start) {
                    let inputs: Vec<&Observation> = [series.get(&start), Some(*base)]
                        .into_iter()
                        .flatten()
                        .collect();
                    text.push_str(&format!(
                        ", against {} a year since {start}",
                        pct_words(
                            h * 100.0,
                            r.historical_cagr_low.map(|l| l * 100.0),
                            r.historical_cagr_high.map(|h| h * 100.0),
                            digits_from(&inputs).min(digits)
                        )
                    ));
                }
            }
        }
        text.push('.');
        sentences.push(Sentence { text, notes: cited });
    }
    // Targets beyond the years with actuals: the growth they need.
    for goal in targets
        .observations
        .iter()
        .filter(|o| o.period.is_calendar_year())
    {
        let base = years
            .iter()
            .filter(|o| o.period.start() < goal.period.start())
            .max_by_key(|o| o.period.start());
        let Some(base) = base else { continue };
        if let Ok(r) = analysis::required_growth(series, targets, &base.period, &goal.period) {
            let cited = vec![notes.cite(subject, goal), notes.cite(subject, base)];
            sentences.push(Sentence {
                text: format!(
                    "Reaching the {} target from {} in {} needs {} a year.",
                    r.target_period,
                    prose_value(r.base_value, &unit, base.qualifier, digits),
                    r.base_period,
                    pct_words(
                        r.required_cagr * 100.0,
                        Some(r.required_cagr_low * 100.0),
                        Some(r.required_cagr_high * 100.0),
                        digits_from(&[goal, *base]).min(digits)
                    ),
                ),
                notes: cited,
            });
        }
    }
    sentences
}
