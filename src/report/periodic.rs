//! Monthly and quarterly series: a sentence on the latest period (written by
//! `series.rs`), one on the year to date set against the same months a year earlier,
//! and a chart, instead of one sentence per month (twenty years of months would make
//! 228 sentences).

use super::notes::Notes;
use super::Sentence;
use crate::analysis::Series;
use crate::model::{Kind, Observation, Status};
use crate::period::Period;
use crate::words::numbers::{digits_from, format_derived_digits, ShownInterval};
use crate::words::period_phrase;
use crate::words::phrases::{capitalise, change_on, change_words, is_plural};

/// True for a single calendar month or quarter: the periods of a monthly or quarterly
/// series, which the report sums to the year to date rather than describe one by one.
pub(super) fn is_short(period: &Period) -> bool {
    let first = u8::from(period.start().month());
    match period.months() {
        Some(1) => true,
        Some(3) => first % 3 == 1,
        _ => false,
    }
}

/// True for the periods of a series told by its latest figure alone: a month or a
/// quarter (whose year to date the report sums), or a week or less (a daily series),
/// where one sentence a period would bury the section.
pub(super) fn is_told_by_its_latest(period: &Period) -> bool {
    is_short(period) || period.days() <= 7
}

/// The figures of `series` as long as `latest` (a month or a quarter) that cover the
/// year of `year_end` from January to `year_end`'s month, one each; `None` when one is
/// missing, since a sum with a gap would understate the year.
fn year_to_date<'a>(
    series: &'a Series,
    latest: &Period,
    year_end: &Period,
) -> Option<Vec<&'a Observation>> {
    let months = latest.months()?;
    let year = year_end.end().year();
    let wanted = u32::from(u8::from(year_end.end().month())) / months;
    let figures: Vec<&Observation> = series
        .observations
        .iter()
        .filter(|o| {
            o.period.months() == Some(months)
                && is_short(&o.period)
                && o.period.start().year() == year
                && o.period.end() <= year_end.end()
        })
        .collect();
    (figures.len() as u32 == wanted).then_some(figures)
}

/// "In January–November 2024 it came to $1.23 billion, up 4.0 % on $1.18 billion in
/// January–November 2023": the latest month or quarter summed with the earlier ones of
/// its year, and against the same months a year earlier when those are all stored.
/// Bounds of a sum are the sums of the bounds. `None` for a stock (levels do not add
/// up), for a first month or quarter (the latest sentence says it already), or when a
/// month of the year is missing.
pub(super) fn year_to_date_sentence(
    notes: &mut Notes,
    series: &Series,
    latest: &Observation,
    subject: &str,
    most_digits: u32,
) -> Option<Sentence> {
    if series.indicator.kind != Kind::Flow || !is_short(&latest.period) {
        return None;
    }
    let months = latest.period.months()?;
    if u32::from(u8::from(latest.period.end().month())) == months {
        return None;
    }
    let this_year = year_to_date(series, &latest.period, &latest.period)?;
    let start = this_year.first()?.period.start();
    let span = Period::new(start, latest.period.end()).ok()?;
    let unit = &series.indicator.unit;
    let sum = |figures: &[&Observation]| {
        (
            figures.iter().map(|o| o.value).sum::<f64>(),
            figures.iter().map(|o| o.low).sum::<f64>(),
            figures.iter().map(|o| o.high).sum::<f64>(),
        )
    };
    let digits = digits_from(&this_year).min(most_digits);
    let shown = |(value, low, high): (f64, f64, f64)| {
        ShownInterval::new(value, low, high, |v, way| {
            format_derived_digits(v, unit, digits, way)
        })
        .words("")
    };
    let (value, low, high) = sum(&this_year);
    let mut cited: Vec<usize> = this_year.iter().map(|o| notes.cite(subject, o)).collect();
    let mut text = format!(
        "{} {} came to {}{}",
        capitalise(&period_phrase(&span)),
        if is_plural(subject) { "they" } else { "it" },
        shown((value, low, high)),
        sum_status_words(&this_year)
    );
    // Nothing to compare with before the first year a date can have.
    let earlier = span.previous_year().zip(latest.period.previous_year());
    if let Some((earlier_span, last_year)) = earlier.and_then(|(earlier_span, earlier_latest)| {
        Some((
            earlier_span,
            year_to_date(series, &earlier_latest, &earlier_latest)?,
        ))
    }) {
        let (v0, l0, h0) = sum(&last_year);
        if l0 > 0.0 && low >= 0.0 {
            // For positive sums, a / b − 1 lies in [a₁ / b₂ − 1, a₂ / b₁ − 1].
            let pct = (value / v0 - 1.0) * 100.0;
            let (pct_low, pct_high) = ((low / h0 - 1.0) * 100.0, (high / l0 - 1.0) * 100.0);
            let inputs: Vec<&Observation> = this_year.iter().chain(&last_year).copied().collect();
            let change = change_words(
                pct,
                Some(pct_low),
                Some(pct_high),
                digits_from(&inputs).min(most_digits),
            );
            text.push_str(&format!(
                ", {} {}{} {}",
                change_on(&change),
                shown((v0, l0, h0)),
                sum_status_words(&last_year),
                period_phrase(&earlier_span)
            ));
            cited.extend(last_year.iter().map(|o| notes.cite(subject, o)));
        }
    }
    text.push('.');
    Some(Sentence { text, notes: cited })
}

/// What a sum says of the figures it adds that were not measured: a sentence that uses
/// an estimate calls it one, and a sum with one estimate in it is in part an estimate.
fn sum_status_words(figures: &[&Observation]) -> &'static str {
    let all = |status: Status| figures.iter().all(|o| o.status == status);
    let any = |status: Status| figures.iter().any(|o| o.status == status);
    if any(Status::Estimate) {
        if all(Status::Estimate) {
            " (an estimate)"
        } else {
            " (in part an estimate)"
        }
    } else if any(Status::Provisional) {
        if all(Status::Provisional) {
            " (provisional)"
        } else {
            " (in part provisional)"
        }
    } else {
        ""
    }
}
