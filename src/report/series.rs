//! What the report says about one series, in a few sentences rather than one a period:
//! the latest figure against the comparable one before it (the same months a year
//! earlier, or for part of a year the share of the previous whole year it has already
//! reached); the latest month or quarter beside yearly figures; the long run from the
//! first to the last year; one notable feature (the largest yearly change, the years
//! missing); the share of a whole and per-capita figures where they apply. Every
//! period's growth stays in the section's growth table.

use super::gather::Gathered;
use super::notes::Notes;
use super::periodic::{is_short, is_told_by_its_latest};
use super::Sentence;
use crate::analysis::{self, whole_for, GrowthRow, Series};
use crate::error::Result;
use crate::model::{Indicator, Kind, Observation, Status};
use crate::period::Period;
use crate::words::numbers::{percent, ShownInterval};
use crate::words::phrases::{
    amount_change_words, capitalise, change_on, change_words, counts_things, duration_subject,
    is_duration, is_plural, lower_first, pct_words, ratio_words, share_words, status_words,
    times_as, trim_number_toward,
};
use crate::words::{justified_digits, level_phrase, period_phrase, period_words, prose_amount};

/// Whether a change in words is a rise ("up 8.5 %", "7,200 times as much").
fn rises(change: &str) -> bool {
    change.starts_with("up ") || change.contains(" times as ")
}

/// The ratio from which the long run says a rise as a multiple ("1.57 times as much");
/// below it, as a percentage ("up 1.5 %").
const TIMES_FROM_RATIO: f64 = 1.5;

/// A year-on-year change whose base is below this share of the series' median year is
/// not named as its largest: from $90 to $650,000 is noise, not a feature.
const SMALLEST_BASE_OF_MEDIAN: f64 = 0.1;

/// The growth in percent from which a rise is said as a multiple (tenfold).
const TIMES_FROM_PCT: f64 = 900.0;

/// The fewest yearly changes a series needs before the report names its largest.
const CHANGES_FOR_A_LARGEST: usize = 3;

/// The fewest yearly figures a series needs before the report names a feature of it:
/// fewer are the endpoints an article quotes, whose missing years say nothing.
const YEARS_FOR_A_FEATURE: usize = 4;

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

/// The sentences on a series (see the module's documentation); `None` for a series
/// without figures. Notes are cited in the order the sentences use them.
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
    let mut first = Latest::describe(data, notes, series, latest, subject)?;
    // A plan's figures are what it said at different times, not a series that grew.
    let plan = series.indicator.kind == Kind::Plan;
    let growth_rows = if plan {
        Vec::new()
    } else {
        analysis::growth(series).unwrap_or_default()
    };
    let told = Told::new(data, series, subject);
    if let Some(row) = growth_rows.iter().find(|r| r.period == latest.period) {
        first.add_growth(&told, notes, row);
    }
    if !first.changed {
        first.add_share_of_last_year(data, notes, series, latest, subject);
    }
    let latest_note = first.cited[0];
    let long = if plan { None } else { long_run(&told, notes) };
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
    sentences.extend(latest_short_beside_years(
        &told,
        notes,
        latest,
        &growth_rows,
    ));
    sentences.extend(super::periodic::year_to_date_sentence(
        notes,
        series,
        latest,
        subject,
        data.digits,
    ));
    sentences.extend(long.map(|(sentence, ..)| sentence));
    sentences.extend(notable(&told, notes, &growth_rows, latest));
    if series.product != "total" {
        sentences.extend(share_of_whole(data, notes, series, subject)?);
    }
    let per_capita = per_1000_residents(data, series, latest, latest_note);
    let uses_population = per_capita.is_some();
    sentences.extend(per_capita);
    // Of a monthly, quarterly or daily series the table keeps the latest period, as the
    // sentences do; the year to date says the rest.
    let latest_short = series
        .observations
        .iter()
        .filter(|o| is_told_by_its_latest(&o.period))
        .map(|o| o.period)
        .max_by_key(|p| (p.end(), p.start()));
    let growth_rows = growth_rows
        .into_iter()
        .filter(|row| !is_told_by_its_latest(&row.period) || Some(row.period) == latest_short)
        .filter_map(|row| {
            let change = told.change(&row)?;
            Some((subject.to_owned(), row, change))
        })
        .collect();
    Ok(Some(Paragraph {
        sentences,
        headline,
        latest: latest.clone(),
        growth_rows,
        uses_population,
    }))
}

/// What every sentence on a series needs: the series, how it is named and referred
/// back to, and the gathered data's wording of figures.
struct Told<'a> {
    data: &'a Gathered,
    series: &'a Series,
    subject: &'a str,
    /// "it" or "they", as the subject takes.
    pronoun: &'static str,
}

impl<'a> Told<'a> {
    fn new(data: &'a Gathered, series: &'a Series, subject: &'a str) -> Told<'a> {
        Told {
            data,
            series,
            subject,
            pronoun: if is_plural(subject) { "they" } else { "it" },
        }
    }

    /// A growth row's change in words ("up 8.5 %", "down $15 million"), at the digits
    /// its two figures justify; `None` for a row without a base.
    fn change(&self, row: &GrowthRow) -> Option<String> {
        let (Some(base_period), Some(change)) = (row.base_period, row.change) else {
            return None;
        };
        let base = self.series.get(&base_period)?;
        let inputs: Vec<&Observation> = [Some(base), self.series.get(&row.period)]
            .into_iter()
            .flatten()
            .collect();
        let digits = self.data.digits_from(&inputs);
        let unit = &self.series.indicator.unit;
        let (pct_low, pct_high) = (row.rate_low.map(percent), row.rate_high.map(percent));
        Some(match row.rate.map(percent) {
            // A rise past tenfold reads as a multiple: "7,200 times as much", not "up
            // 720,000 %".
            Some(pct) if pct_low.unwrap_or(pct) >= TIMES_FROM_PCT => {
                let times = |p: f64| 1.0 + p / 100.0;
                ratio_words(
                    times(pct),
                    times(pct_low.unwrap_or(pct)),
                    times(pct_high.unwrap_or(pct)),
                    times_as(unit),
                    digits,
                )
            }
            Some(pct) => change_words(pct, pct_low, pct_high, digits),
            None => amount_change_words(change, unit, digits),
        })
    }
}

/// The sentence on the latest figure and its line in the summary, while its comparison
/// is still to be added to both.
struct Latest {
    text: String,
    cited: Vec<usize>,
    headline_text: String,
    headline_notes: Vec<usize>,
    /// True once growth on a year earlier is in the summary line.
    changed: bool,
    /// True once the comparison shows a rise, so that the figure "reached" its level;
    /// a flow that fell, or has nothing to compare with, "was" its figure.
    rose: bool,
    /// "was" or "were", as the subject takes.
    was: &'static str,
}

impl Latest {
    /// "… reached $547.6 million in January–August 2025": the verb that fits what the
    /// series measures.
    fn describe(
        data: &Gathered,
        notes: &mut Notes,
        series: &Series,
        latest: &Observation,
        subject: &str,
    ) -> Result<Latest> {
        let unit = &series.indicator.unit;
        let latest_note = notes.cite(subject, latest);
        let value = format!("{}{}", data.prose(latest), status_words(latest.status));
        let when = level_phrase(series.indicator.kind, &latest.period);
        let was = if is_plural(subject) { "were" } else { "was" };
        // A verb only for what was measured, and the verb that fits what it measures.
        let (text, figure) = match series.indicator.kind {
            // A plan reached nothing: its figure is what the plan said at the time.
            Kind::Plan => {
                let figure = format!("{value} (the plan as of {})", period_words(&latest.period));
                (format!("{subject}: {figure}"), figure)
            }
            // A net outflow "was" a negative figure; nothing "reaches" one.
            _ if latest.value < 0.0 => {
                let figure = format!("{value} {when}");
                (format!("{subject} {was} {figure}"), figure)
            }
            // Things that happened in the period (memoranda signed, activities held),
            // and lengths of time, are counted, not reached.
            Kind::Flow if unit == "count" => (
                format!("{subject} {when}: {value}"),
                format!("{value} {when}"),
            ),
            // A length of time reads as what lasted and how long: "Diplomatic
            // relations: over 30 years in 2025".
            _ if is_duration(unit) => {
                let figure = format!("{value} {when}");
                let text = format!("{}: {figure}", duration_subject(subject));
                return Ok(Latest {
                    headline_text: text.clone(),
                    text,
                    cited: vec![latest_note],
                    headline_notes: vec![latest_note],
                    changed: false,
                    rose: true,
                    was,
                });
            }
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
        Ok(Latest {
            text,
            cited: vec![latest_note],
            headline_text: format!("{subject}: {figure}"),
            headline_notes: vec![latest_note],
            changed: false,
            rose: false,
            was,
        })
    }

    /// ", up 8.5 % on $308 million in 2023": growth on the same period a year earlier,
    /// the two figures in one scale.
    fn add_growth(&mut self, told: &Told, notes: &mut Notes, row: &GrowthRow) {
        let (Some(base_period), Some(change)) = (row.base_period, told.change(row)) else {
            return;
        };
        let (Some(base), Some(latest)) =
            (told.series.get(&base_period), told.series.get(&row.period))
        else {
            return;
        };
        let base_note = notes.cite(told.subject, base);
        let estimated = if base.status == Status::Estimate {
            "an estimated "
        } else {
            ""
        };
        let shown = told.data.prose_alike(&[latest, base]);
        self.in_scale_of_its_base(told.data.prose(latest), latest.status, &shown[0]);
        self.text.push_str(&format!(
            ", {} {estimated}{} {}",
            change_on(&change),
            shown[1],
            period_phrase(&base_period)
        ));
        self.cited.push(base_note);
        self.headline_text.push_str(&if change == "unchanged" {
            format!(", the same as in {}", period_words(&base_period))
        } else {
            format!(", {} {}", change_on(&change), period_words(&base_period))
        });
        self.headline_notes.push(base_note);
        self.changed = true;
        self.rose = rises(&change);
    }

    /// ", already 103 % of the whole of 2024 ($533.4 million)": part of a year against
    /// the whole of the year before, said as the share it has reached, never as a
    /// comparison of unlike periods.
    fn add_share_of_last_year(
        &mut self,
        data: &Gathered,
        notes: &mut Notes,
        series: &Series,
        latest: &Observation,
        subject: &str,
    ) {
        if series.indicator.kind != Kind::Flow
            || latest.period.months().is_none_or(|m| m >= 12)
            || latest.period.start().year() != latest.period.end().year()
            || latest.low < 0.0
        {
            return;
        }
        // A year before the first a date can have holds nothing to compare with.
        let Some(previous_year) = Period::year(latest.period.start().year() - 1).ok() else {
            return;
        };
        let Some(whole) = series.get(&previous_year) else {
            return;
        };
        if whole.low <= 0.0 {
            return;
        }
        let digits = data.digits_from(&[latest, whole]);
        let share = ShownInterval::new(
            latest.value / whole.value,
            latest.low / whole.high,
            latest.high / whole.low,
            |v, way| format!("{} %", trim_number_toward(v * 100.0, 0, digits, way)),
        )
        .words("");
        let shown = data.prose_alike(&[latest, whole]);
        self.in_scale_of_its_base(data.prose(latest), latest.status, &shown[0]);
        let figure = &shown[1];
        let words = format!(", already {share} of the whole of {previous_year} ({figure})");
        self.rose = latest.low >= whole.high;
        self.cited.push(notes.cite(subject, whole));
        self.text.push_str(&words);
        self.headline_text.push_str(&words);
        self.headline_notes.push(*self.cited.last().unwrap_or(&0));
    }

    /// The latest figure, already written as `written`, rewritten as `alike` (in the
    /// scale of the figure the sentence sets it against: "0.9 million t … (1.6 million
    /// t)").
    fn in_scale_of_its_base(&mut self, written: String, status: Status, alike: &str) {
        let written = format!("{written}{}", status_words(status));
        let alike = format!("{alike}{}", status_words(status));
        if written != alike {
            self.text = self.text.replacen(&written, &alike, 1);
            self.headline_text = self.headline_text.replacen(&written, &alike, 1);
        }
    }

    /// The sentence and the summary line.
    fn finish(self) -> (Sentence, Sentence) {
        // "reached" only for a level climbed to; a fall or a figure alone "was".
        let text = if self.rose {
            self.text
        } else {
            self.text
                .replacen(" reached ", &format!(" {} ", self.was), 1)
        };
        (
            Sentence {
                text: format!("{text}."),
                notes: self.cited,
            },
            Sentence {
                text: format!("{}.", self.headline_text),
                notes: self.headline_notes,
            },
        )
    }
}

/// "In the first quarter of 2024 they reached $45.3 million, up 11.7 % on $40.6 million
/// in the first quarter of 2023": the latest month or quarter of a series whose latest
/// figure is a longer period, so that the quarters keep their own comparison.
fn latest_short_beside_years(
    told: &Told,
    notes: &mut Notes,
    latest: &Observation,
    rows: &[GrowthRow],
) -> Option<Sentence> {
    if is_short(&latest.period) {
        return None;
    }
    let short = told
        .series
        .observations
        .iter()
        .filter(|o| is_short(&o.period))
        .max_by_key(|o| (o.period.end(), o.period.start()))?;
    let mut cited = vec![notes.cite(told.subject, short)];
    let mut text = format!(
        "{} {} {}",
        capitalise(&period_phrase(&short.period)),
        told.pronoun,
        if told.series.indicator.kind == Kind::Stock {
            "stood at"
        } else {
            "reached"
        },
    );
    let was = if told.pronoun == "they" {
        "were"
    } else {
        "was"
    };
    let row = rows.iter().find(|r| r.period == short.period);
    let base = row
        .and_then(|r| r.base_period)
        .and_then(|p| told.series.get(&p));
    match (row.and_then(|r| told.change(r)), base) {
        (Some(change), Some(base)) => {
            if !rises(&change) {
                text = text.replacen(" reached", &format!(" {was}"), 1);
            }
            let shown = told.data.prose_alike(&[short, base]);
            cited.push(notes.cite(told.subject, base));
            text.push_str(&format!(
                " {}, {} {} {}.",
                shown[0],
                change_on(&change),
                shown[1],
                period_phrase(&base.period)
            ));
        }
        _ => {
            text = text.replacen(" reached", &format!(" {was}"), 1);
            text.push_str(&format!(" {}.", told.data.prose(short)));
        }
    }
    Some(Sentence { text, notes: cited })
}

/// The long run: from the first to the last calendar year, at least two years apart;
/// with the change in words for the summary ("1.7 times as much", "down 30 %") and the
/// last year.
fn long_run(told: &Told, notes: &mut Notes) -> Option<(Sentence, String, Period)> {
    let series = told.series;
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
    let cited = vec![
        notes.cite(told.subject, first),
        notes.cite(told.subject, last),
    ];
    let digits = told.data.digits_from(&[first, last]);
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
            change_words(
                percent(c.rate),
                Some(percent(c.rate_low)),
                Some(percent(c.rate_high)),
                digits,
            ),
            String::new(),
            on_first,
        )
    } else if c.ratio_low > 0.0 && c.ratio < TIMES_FROM_RATIO {
        // "up 1.5 %", not "1.01 times as many"
        (
            change_words(
                percent(c.rate),
                Some(percent(c.rate_low)),
                Some(percent(c.rate_high)),
                digits,
            ),
            rate,
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
    let shown = told.data.prose_alike(&[first, last]);
    let sentence = Sentence {
        text: format!(
            "From {} to {} {} went from {} to {}, {change}{rate}.",
            first.period, last.period, told.pronoun, shown[0], shown[1],
        ),
        notes: cited,
    };
    Some((sentence, format!("{change} {since}"), last.period))
}

/// One notable feature of a yearly series with enough years: its largest yearly change
/// (said of the latest figure when it is the one), and the years missing between its
/// first and last.
fn notable(
    told: &Told,
    notes: &mut Notes,
    rows: &[GrowthRow],
    latest: &Observation,
) -> Option<Sentence> {
    let years: Vec<i32> = told
        .series
        .observations
        .iter()
        .filter(|o| o.period.is_calendar_year())
        .map(|o| o.period.start().year())
        .collect();
    if years.len() < YEARS_FOR_A_FEATURE {
        return None;
    }
    let (&first, &last) = (years.first()?, years.last()?);
    let missing: Vec<i32> = (first..=last).filter(|y| !years.contains(y)).collect();
    let median = {
        let mut values: Vec<f64> = told
            .series
            .observations
            .iter()
            .filter(|o| o.period.is_calendar_year())
            .map(|o| o.value.abs())
            .collect();
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(0.0)
    };
    let yearly: Vec<&GrowthRow> = rows
        .iter()
        .filter(|r| r.period.is_calendar_year() && r.rate.is_some())
        .filter(|r| {
            r.base_value
                .is_some_and(|b| b.abs() >= SMALLEST_BASE_OF_MEDIAN * median)
        })
        .collect();
    let mut parts = Vec::new();
    let mut cited = Vec::new();
    if yearly.len() >= CHANGES_FOR_A_LARGEST {
        let largest = yearly
            .iter()
            .max_by(|x, y| {
                let size = |r: &GrowthRow| r.rate.unwrap_or(0.0).abs();
                size(x).total_cmp(&size(y))
            })
            .copied()?;
        let rise = largest.rate.unwrap_or(0.0) >= 0.0;
        let kind = if rise { "rise" } else { "fall" };
        if largest.period == latest.period {
            parts.push(format!(
                "That is the largest yearly {kind} from {first} to {last}"
            ));
        } else {
            let change = told.change(largest)?;
            let base_period = largest.base_period?;
            if let (Some(obs), Some(base)) = (
                told.series.get(&largest.period),
                told.series.get(&base_period),
            ) {
                cited.push(notes.cite(told.subject, obs));
                cited.push(notes.cite(told.subject, base));
            }
            parts.push(format!(
                "The largest yearly change from {first} to {last} came in {}: {} {}{}",
                largest.period,
                change_on(&change),
                // "up 30 % on 2016", "7,200 times as much as in 2012"
                if change_on(&change).ends_with(" as") {
                    "in "
                } else {
                    ""
                },
                base_period
            ));
        }
    }
    if !missing.is_empty() {
        let years: Vec<String> = missing.iter().map(i32::to_string).collect();
        let list = match years.as_slice() {
            [one] => one.clone(),
            [init @ .., end] => format!("{} and {end}", init.join(", ")),
            [] => String::new(),
        };
        let (is, figures, and_or) = if missing.len() == 1 {
            ("is", "figure", list)
        } else {
            ("are", "figures", list.replacen(" and ", " or ", 1))
        };
        parts.push(format!("there {is} no {figures} for {and_or}"));
    }
    if parts.is_empty() {
        return None;
    }
    let mut text = parts.join("; ");
    text = capitalise(&text);
    text.push('.');
    Some(Sentence { text, notes: cited })
}

/// A product's share of its whole (see [`whole_for`]) in the latest period both have.
fn share_of_whole(
    data: &Gathered,
    notes: &mut Notes,
    series: &Series,
    subject: &str,
) -> Result<Option<Sentence>> {
    let total = |indicator: &Indicator| {
        Ok(data.series(
            indicator,
            &series.origin,
            &series.destination,
            "total",
            None,
        ))
    };
    let Some(mut whole) = whole_for(series, &data.indicators, total)? else {
        return Ok(None);
    };
    // Of a period's wholes from several sources, the part's own source's: two
    // measurements of one trade need not add up (a UN Comtrade line over the IMF's total
    // can pass 100 %).
    for total in &mut whole.observations {
        let Some(part) = series.get(&total.period) else {
            continue;
        };
        if part.source != total.source {
            let own = data
                .figures(
                    &whole.indicator,
                    &whole.origin,
                    &whole.destination,
                    &whole.product,
                )
                .find(|o| {
                    o.period == total.period
                        && o.source == part.source
                        && !o.status.is_forward_looking()
                });
            if let Some(own) = own {
                *total = own.clone();
            }
        }
    }
    let rows = analysis::shares(std::slice::from_ref(series), &whole, None).unwrap_or_default();
    // A part over its whole is a contradiction of two figures, not a share.
    let Some((row, part, total)) = rows
        .iter()
        .filter(|row| row.low <= 1.0)
        .filter_map(|row| Some((row, series.get(&row.period)?, whole.get(&row.period)?)))
        .max_by_key(|(row, ..)| (row.period.end(), row.period.start()))
    else {
        return Ok(None);
    };
    let whole_subject = data.pair.subject(&whole);
    let cited = vec![notes.cite(subject, part), notes.cite(&whole_subject, total)];
    Ok(Some(Sentence {
        text: format!(
            "{} made up {} of {} {}{}.",
            capitalise(&data.pair.product_words(&series.product)),
            share_words(
                row.share,
                row.low,
                row.high,
                data.digits_from(&[part, total])
            ),
            lower_first(&whole_subject),
            period_phrase(&row.period),
            // A share of an estimate is one too: the sentence says so.
            if part.status == Status::Estimate || total.status == Status::Estimate {
                " (from an estimate)"
            } else {
                ""
            }
        ),
        notes: cited,
    }))
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
    ])
    .min(data.digits);
    let rate = ShownInterval::new(row.per_capita, row.low, row.high, |v, way| {
        trim_number_toward(v, 3, digits, way)
    });
    Some(Sentence {
        text: format!(
            "{}, {} is {} ({} population {}).",
            capitalise(&period_phrase(&row.period)),
            data.prose(latest),
            rate.about(&format!(
                " per 1,000 residents of {}",
                data.pair.name_in_text(&row.country)
            )),
            row.population_year,
            prose_amount(residents, "persons", data.digits),
        ),
        notes: vec![latest_note],
    })
}
