//! What the report says about one series: its latest figure (set against the whole
//! of the year before when it covers part of a year) and its growth, earlier growth,
//! the long-run change, its share of a whole, and per-capita figures.

use super::gather::Gathered;
use super::notes::Notes;
use super::Sentence;
use crate::analysis::{self, whole_for, GrowthRow, Series};
use crate::error::Result;
use crate::model::{Indicator, Kind, Observation, Status};
use crate::period::Period;
use crate::words::phrases::{
    amount_change_words, capitalise, change_words, lower_first, pct_words, ratio_words,
    share_words, status_words, trim_number,
};
use crate::words::{format_number, format_value, level_phrase, period_phrase, period_words};

/// The sentences about a series, its line in the report's summary, and its growth rows
/// for the section's growth table.
pub(super) struct Paragraph {
    pub(super) sentences: Vec<Sentence>,
    pub(super) headline: Sentence,
    pub(super) growth_rows: Vec<(String, GrowthRow)>,
}

/// The latest figure and its comparisons, earlier growth, the long-run change, the
/// share of a whole, and per-capita figures; `None` for a series without figures.
pub(super) fn describe(
    data: &Gathered,
    notes: &mut Notes,
    series: &Series,
    subject: &str,
) -> Result<Option<Paragraph>> {
    let pair = &data.pair;
    let Some(latest) = series
        .observations
        .iter()
        .max_by_key(|o| (o.period.end(), o.period.start()))
    else {
        return Ok(None);
    };
    let mut sentences = Vec::new();
    let mut growth_rows = Vec::new();
    let unit = series.indicator.unit.clone();
    let growth = analysis::growth(series).unwrap_or_default();
    let latest_note = notes.cite(subject, latest);
    // A net outflow "was" a negative figure; nothing "reaches" one.
    let verb = match series.indicator.kind {
        _ if latest.value < 0.0 => "was",
        Kind::Flow => "reached",
        Kind::Stock => "stood at",
    };
    let mut text = format!(
        "{subject} {verb} {} {}{}",
        format_value(latest.value, &unit, latest.qualifier),
        level_phrase(series.indicator.kind, &latest.period),
        status_words(latest.status)
    );
    let mut cited = vec![latest_note];
    let mut headline_notes = vec![latest_note];
    let mut headline_text = format!(
        "{subject}: {} {}{}",
        format_value(latest.value, &unit, latest.qualifier),
        level_phrase(series.indicator.kind, &latest.period),
        status_words(latest.status)
    );
    // A partial year set against the whole of the year before.
    if latest.period.months().is_some_and(|m| m < 12) {
        let previous_year = Period::year(latest.period.start().year() - 1)?;
        if let Some(whole) = series.get(&previous_year) {
            cited.push(notes.cite(subject, whole));
            let figure = format_value(whole.value, &unit, whole.qualifier);
            if latest.value > whole.value {
                text.push_str(&format!(
                    ", more than in the whole of {previous_year} ({figure})"
                ));
            } else {
                text.push_str(&format!(
                    ", against {figure} in the whole of {previous_year}"
                ));
            }
        }
    }
    text.push('.');
    let mut extra = Vec::new();
    for row in &growth {
        let (Some(base_period), Some(base_value), Some(change)) =
            (row.base_period, row.base_value, row.change)
        else {
            continue;
        };
        let Some(base) = series.get(&base_period) else {
            continue;
        };
        let base_note = notes.cite(subject, base);
        let change = match row.pct {
            Some(pct) => change_words(pct, row.pct_low, row.pct_high),
            None => amount_change_words(change, &unit),
        };
        let estimated = if base.status == Status::Estimate {
            "an estimated "
        } else {
            ""
        };
        let base_figure = format_value(base_value, &unit, base.qualifier);
        if row.period == latest.period {
            text.push_str(&format!(
                " That is {change} on {estimated}{base_figure} {}.",
                period_phrase(&base_period)
            ));
            cited.push(base_note);
            headline_text.push_str(&format!(", {change} on {}", period_words(&base_period)));
            headline_notes.push(base_note);
        } else if let Some(obs) = series.get(&row.period) {
            let note = notes.cite(subject, obs);
            extra.push(Sentence {
                text: format!(
                    "{} it was {}, {change} on {estimated}{base_figure} {}.",
                    capitalise(&period_phrase(&row.period)),
                    format_value(row.value, &unit, obs.qualifier),
                    period_phrase(&base_period)
                ),
                notes: vec![note, base_note],
            });
        }
        growth_rows.push((subject.to_owned(), row.clone()));
    }
    sentences.push(Sentence {
        text,
        notes: cited.clone(),
    });
    let headline = Sentence {
        text: format!("{headline_text}."),
        notes: headline_notes,
    };
    sentences.extend(extra);
    // The long run: first and last calendar years at least two years apart.
    let years: Vec<&Observation> = series
        .observations
        .iter()
        .filter(|o| o.period.is_calendar_year())
        .collect();
    if let (Some(first), Some(last)) = (years.first(), years.last()) {
        if last.period.start().year() - first.period.start().year() >= 2 {
            if let Ok(c) = analysis::change(series, &first.period, &last.period) {
                let cited = vec![notes.cite(subject, first), notes.cite(subject, last)];
                let rate = c
                    .cagr
                    .map(|g| {
                        format!(
                            " ({} a year)",
                            pct_words(
                                g * 100.0,
                                c.cagr_low.map(|l| l * 100.0),
                                c.cagr_high.map(|h| h * 100.0)
                            )
                        )
                    })
                    .unwrap_or_default();
                // "Times as much" only for a rise between positive figures; a fall
                // reads better as a percentage.
                let times = if c.ratio_low > 0.0 && c.ratio < 1.0 {
                    format!(
                        ", {}",
                        change_words(c.pct, Some(c.pct_low), Some(c.pct_high))
                    )
                } else if c.ratio_low > 0.0 {
                    format!(
                        ", {} times as much{rate}",
                        ratio_words(c.ratio, c.ratio_low, c.ratio_high)
                    )
                } else {
                    format!(", {}", amount_change_words(c.change, &unit))
                };
                sentences.push(Sentence {
                    text: format!(
                        "From {} to {} it went from {} to {}{times}.",
                        first.period,
                        last.period,
                        format_value(first.value, &unit, first.qualifier),
                        format_value(last.value, &unit, last.qualifier),
                    ),
                    notes: cited,
                });
            }
        }
    }
    if series.product != "total" {
        let total = |indicator: &Indicator| {
            Ok(data.series(
                indicator,
                &series.origin,
                &series.destination,
                "total",
                None,
            ))
        };
        if let Some(whole) = whole_for(series, &data.indicators, total)? {
            for row in
                analysis::shares(std::slice::from_ref(series), &whole, None).unwrap_or_default()
            {
                let (Some(part), Some(total)) = (series.get(&row.period), whole.get(&row.period))
                else {
                    continue;
                };
                let whole_subject = pair.subject(&whole);
                let cited = vec![notes.cite(subject, part), notes.cite(&whole_subject, total)];
                sentences.push(Sentence {
                    text: format!(
                        "{} made up {} of {} {}.",
                        capitalise(&series.product.replace('_', " ")),
                        share_words(row.share, row.low, row.high),
                        lower_first(&whole_subject),
                        period_phrase(&row.period)
                    ),
                    notes: cited,
                });
            }
        }
    }
    if series.indicator.directed && unit == "persons" {
        let population = data.population(&series.origin);
        if let Some(row) = analysis::per_capita(series, &series.origin, population, 1000.0)
            .unwrap_or_default()
            .into_iter()
            .find(|r| r.period == latest.period)
        {
            sentences.push(Sentence {
                text: format!(
                    "{}, that is {} per 1,000 residents of {} ({} population {}).",
                    capitalise(&period_phrase(&row.period)),
                    trim_number(row.per_capita, 3),
                    pair.name(&row.country),
                    row.population_year,
                    format_number(row.population as f64)
                ),
                notes: vec![latest_note],
            });
        }
    }
    Ok(Some(Paragraph {
        sentences,
        headline,
        growth_rows,
    }))
}
