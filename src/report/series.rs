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
use crate::words::numbers::{digits_from, ShownInterval};
use crate::words::phrases::{
    amount_change_words, capitalise, change_on, change_words, counts_things, is_duration,
    lower_first, pct_words, ratio_words, share_words, status_words, times_as, trim_number_toward,
};
use crate::words::{
    format_number, format_value, justified_digits, level_phrase, period_phrase, period_words,
};

/// The sentences about a series, its line in the report's summary, and its growth rows
/// for the section's growth table.
pub(super) struct Paragraph {
    pub(super) sentences: Vec<Sentence>,
    pub(super) headline: Sentence,
    /// The latest figure the headline gives, for the summary's ranking.
    pub(super) latest: Observation,
    /// Each row with its series' subject and its change in words.
    pub(super) growth_rows: Vec<(String, GrowthRow, String)>,
    /// Whether a sentence uses a population figure, whose source the report must list.
    pub(super) uses_population: bool,
}

/// The latest figure and its comparisons, earlier growth, the long-run change, the
/// share of a whole, and per-capita figures; `None` for a series without figures.
/// Notes are cited in the order the sentences use them.
pub(super) fn describe(
    data: &Gathered,
    notes: &mut Notes,
    series: &Series,
    subject: &str,
) -> Result<Option<Paragraph>> {
    let Some(latest) = series
        .observations
        .iter()
        .max_by_key(|o| (o.period.end(), o.period.start()))
    else {
        return Ok(None);
    };
    let mut first = Latest::describe(notes, series, latest, subject)?;
    // A plan's figures are what it said at different times, not a series that grew.
    let plan = series.indicator.kind == Kind::Plan;
    let (earlier, growth_rows) = if plan {
        (Vec::new(), Vec::new())
    } else {
        growth(notes, series, latest.period, &mut first, subject)
    };
    let latest_note = first.cited[0];
    let long = if plan {
        None
    } else {
        long_run(notes, series, subject)
    };
    // The long run says how the latest figure came about when it ends there and no
    // growth on a year earlier says it already.
    if let Some((sentence, change, last_period)) = &long {
        if *last_period == latest.period && !first.changed {
            first.headline_text.push_str(&format!(", {change}"));
            first.headline_notes.push(sentence.notes[0]);
        }
    }
    let (sentence, headline) = first.finish();
    let mut sentences = vec![sentence];
    sentences.extend(super::periodic::year_to_date_sentence(
        notes, series, latest, subject,
    ));
    sentences.extend(earlier);
    sentences.extend(long.map(|(sentence, ..)| sentence));
    if series.product != "total" {
        sentences.extend(shares_of_whole(data, notes, series, subject)?);
    }
    let per_capita = per_1000_residents(data, series, latest, latest_note);
    let uses_population = per_capita.is_some();
    sentences.extend(per_capita);
    Ok(Some(Paragraph {
        sentences,
        headline,
        latest: latest.clone(),
        growth_rows,
        uses_population,
    }))
}

/// The sentence on the latest figure and its line in the summary, while growth on a
/// year earlier is still to be added to both.
struct Latest {
    text: String,
    cited: Vec<usize>,
    headline_text: String,
    headline_notes: Vec<usize>,
    /// True once growth on a year earlier is in the summary line.
    changed: bool,
}

impl Latest {
    /// "… reached $547.6 million in January–August 2025, more than in the whole of
    /// 2024 ($533.4 million)": a partial year set against the whole of the year before.
    fn describe(
        notes: &mut Notes,
        series: &Series,
        latest: &Observation,
        subject: &str,
    ) -> Result<Latest> {
        let unit = &series.indicator.unit;
        let latest_note = notes.cite(subject, latest);
        let value = format!(
            "{}{}",
            format_value(latest.value, unit, latest.qualifier),
            status_words(latest.status)
        );
        let when = level_phrase(series.indicator.kind, &latest.period);
        // A verb only for what was measured, and the verb that fits what it measures.
        let (mut text, figure) = match series.indicator.kind {
            // A plan reached nothing: its figure is what the plan said at the time.
            Kind::Plan => {
                let figure = format!("{value} (the plan as of {})", period_words(&latest.period));
                (format!("{subject}: {figure}"), figure)
            }
            // A net outflow "was" a negative figure; nothing "reaches" one.
            _ if latest.value < 0.0 => {
                let figure = format!("{value} {when}");
                (format!("{subject} was {figure}"), figure)
            }
            // Things that happened in the period (memoranda signed, activities held),
            // and lengths of time, are counted, not reached.
            Kind::Flow if unit == "count" => (
                format!("{subject} {when}: {value}"),
                format!("{value} {when}"),
            ),
            _ if is_duration(unit) => (
                format!("{subject} {when}: {value}"),
                format!("{value} {when}"),
            ),
            Kind::Stock if counts_things(unit) => {
                let figure = format!("{value} {when}");
                (format!("{subject} numbered {figure}"), figure)
            }
            Kind::Flow => {
                let figure = format!("{value} {when}");
                (format!("{subject} reached {figure}"), figure)
            }
            Kind::Stock => {
                let figure = format!("{value} {when}");
                (format!("{subject} stood at {figure}"), figure)
            }
        };
        let mut cited = vec![latest_note];
        let mut whole_year = String::new();
        if latest.period.months().is_some_and(|m| m < 12) {
            // A year before the first a date can have, or the grammar's first, holds
            // nothing to compare with.
            let previous_year = Period::year(latest.period.start().year() - 1).ok();
            if let Some((previous_year, whole)) =
                previous_year.and_then(|year| Some((year, series.get(&year)?)))
            {
                cited.push(notes.cite(subject, whole));
                let figure = format_value(whole.value, unit, whole.qualifier);
                whole_year = if latest.value > whole.value {
                    format!(", more than in the whole of {previous_year} ({figure})")
                } else {
                    format!(", against {figure} in the whole of {previous_year}")
                };
                text.push_str(&whole_year);
            }
        }
        text.push('.');
        Ok(Latest {
            text,
            cited: cited.clone(),
            headline_text: format!("{subject}: {figure}{whole_year}"),
            headline_notes: cited,
            changed: false,
        })
    }

    /// The sentence and the summary line.
    fn finish(self) -> (Sentence, Sentence) {
        (
            Sentence {
                text: self.text,
                notes: self.cited,
            },
            Sentence {
                text: format!("{}.", self.headline_text),
                notes: self.headline_notes,
            },
        )
    }
}

/// Growth on the same period a year earlier: for the latest period added to its
/// sentence and summary line, for earlier periods a sentence each; and the rows of
/// the section's growth table.
fn growth(
    notes: &mut Notes,
    series: &Series,
    latest_period: Period,
    latest: &mut Latest,
    subject: &str,
) -> (Vec<Sentence>, Vec<(String, GrowthRow, String)>) {
    let unit = &series.indicator.unit;
    let mut sentences = Vec::new();
    let mut rows = Vec::new();
    for row in analysis::growth(series).unwrap_or_default() {
        let (Some(base_period), Some(base_value), Some(change)) =
            (row.base_period, row.base_value, row.change)
        else {
            continue;
        };
        let Some(base) = series.get(&base_period) else {
            continue;
        };
        // Of a monthly or quarterly series only the latest period is told; the year
        // to date says the rest.
        if row.period != latest_period && super::periodic::is_told_by_its_latest(&row.period) {
            continue;
        }
        let base_note = notes.cite(subject, base);
        let inputs: Vec<&Observation> = [Some(base), series.get(&row.period)]
            .into_iter()
            .flatten()
            .collect();
        let digits = digits_from(&inputs);
        let change = match row.pct {
            Some(pct) => change_words(pct, row.pct_low, row.pct_high, digits),
            None => amount_change_words(change, unit, digits),
        };
        let estimated = if base.status == Status::Estimate {
            "an estimated "
        } else {
            ""
        };
        let base_figure = format_value(base_value, unit, base.qualifier);
        if row.period == latest_period {
            latest.text.push_str(&format!(
                " That is {} {estimated}{base_figure} {}.",
                change_on(&change),
                period_phrase(&base_period)
            ));
            latest.cited.push(base_note);
            latest.headline_text.push_str(&if change == "unchanged" {
                format!(", the same as in {}", period_words(&base_period))
            } else {
                format!(", {change} on {}", period_words(&base_period))
            });
            latest.headline_notes.push(base_note);
            latest.changed = true;
        } else if let Some(obs) = series.get(&row.period) {
            let note = notes.cite(subject, obs);
            sentences.push(Sentence {
                text: format!(
                    "{} it was {}, {} {estimated}{base_figure} {}.",
                    capitalise(&period_phrase(&row.period)),
                    format_value(row.value, unit, obs.qualifier),
                    change_on(&change),
                    period_phrase(&base_period)
                ),
                notes: vec![note, base_note],
            });
        }
        rows.push((subject.to_owned(), row, change));
    }
    (sentences, rows)
}

/// The long run: from the first to the last calendar year, at least two years apart;
/// with the change in words for the summary ("1.7 times as much", "down 30 %") and the
/// two years.
fn long_run(
    notes: &mut Notes,
    series: &Series,
    subject: &str,
) -> Option<(Sentence, String, Period)> {
    let unit = &series.indicator.unit;
    let years: Vec<&Observation> = series
        .observations
        .iter()
        .filter(|o| o.period.is_calendar_year())
        .collect();
    let (first, last) = (*years.first()?, *years.last()?);
    if last.period.start().year() - first.period.start().year() < 2 {
        return None;
    }
    let c = analysis::change(series, &first.period, &last.period).ok()?;
    let cited = vec![notes.cite(subject, first), notes.cite(subject, last)];
    let digits = digits_from(&[first, last]);
    let rate = c
        .cagr
        .map(|g| {
            format!(
                " ({} a year)",
                pct_words(
                    g * 100.0,
                    c.cagr_low.map(|l| l * 100.0),
                    c.cagr_high.map(|h| h * 100.0),
                    digits
                )
            )
        })
        .unwrap_or_default();
    // "Times as much" only for a rise between positive figures; a fall reads better as
    // a percentage.
    let on_first = format!("on {}", period_words(&first.period));
    let (change, rate, since) = if c.ratio_low > 0.0 && c.ratio < 1.0 {
        (
            change_words(c.pct, Some(c.pct_low), Some(c.pct_high), digits),
            String::new(),
            on_first,
        )
    } else if c.ratio_low > 0.0 {
        (
            ratio_words(c.ratio, c.ratio_low, c.ratio_high, times_as(unit), digits),
            rate,
            format!("as {}", period_phrase(&first.period)),
        )
    } else {
        (
            amount_change_words(c.change, unit, digits),
            String::new(),
            on_first,
        )
    };
    let times = format!(", {change}{rate}");
    let sentence = Sentence {
        text: format!(
            "From {} to {} it went from {} to {}{times}.",
            first.period,
            last.period,
            format_value(first.value, unit, first.qualifier),
            format_value(last.value, unit, last.qualifier),
        ),
        notes: cited,
    };
    Some((sentence, format!("{change} {since}"), last.period))
}

/// A product's share of its whole (see [`whole_for`]) in each period both have.
fn shares_of_whole(
    data: &Gathered,
    notes: &mut Notes,
    series: &Series,
    subject: &str,
) -> Result<Vec<Sentence>> {
    let total = |indicator: &Indicator| {
        Ok(data.series(
            indicator,
            &series.origin,
            &series.destination,
            "total",
            None,
        ))
    };
    let Some(whole) = whole_for(series, &data.indicators, total)? else {
        return Ok(Vec::new());
    };
    let mut sentences = Vec::new();
    for row in analysis::shares(std::slice::from_ref(series), &whole, None).unwrap_or_default() {
        let (Some(part), Some(total)) = (series.get(&row.period), whole.get(&row.period)) else {
            continue;
        };
        let whole_subject = data.pair.subject(&whole);
        let cited = vec![notes.cite(subject, part), notes.cite(&whole_subject, total)];
        sentences.push(Sentence {
            text: format!(
                "{} made up {} of {} {}.",
                capitalise(&data.pair.product_words(&series.product)),
                share_words(row.share, row.low, row.high, digits_from(&[part, total])),
                lower_first(&whole_subject),
                period_phrase(&row.period)
            ),
            notes: cited,
        });
    }
    Ok(sentences)
}

/// People travelling from the origin per 1,000 of its residents, in the latest period:
/// "In 2024, over 102,000 is about 10 [9.99 – 10.1] per 1,000 residents of Azerbaijan",
/// the figure with its qualifier, then the rate to the digits the two justify.
fn per_1000_residents(
    data: &Gathered,
    series: &Series,
    latest: &Observation,
    latest_note: usize,
) -> Option<Sentence> {
    if !(series.indicator.directed && series.indicator.unit == "persons") {
        return None;
    }
    let population = data.population(&series.origin);
    let row = analysis::per_capita(series, &series.origin, population, 1000.0)
        .unwrap_or_default()
        .into_iter()
        .find(|r| r.period == latest.period)?;
    let residents = row.population as f64;
    let digits = justified_digits([
        (latest.value, latest.low, latest.high),
        (residents, residents, residents),
    ]);
    let rate = ShownInterval::new(row.per_capita, row.low, row.high, |v, way| {
        trim_number_toward(v, 3, digits, way)
    });
    Some(Sentence {
        text: format!(
            "{}, {} is {} ({} population {}).",
            capitalise(&period_phrase(&row.period)),
            format_value(latest.value, &latest.unit, latest.qualifier),
            rate.about(&format!(
                " per 1,000 residents of {}",
                data.pair.name(&row.country)
            )),
            row.population_year,
            format_number(residents),
        ),
        notes: vec![latest_note],
    })
}
