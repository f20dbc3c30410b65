//! The section tables: the figures of a topic with their notes (what the text cites
//! and each series' latest periods; the rest stay in the report's full record), and
//! growth on the same period a year earlier.

use std::fmt::Write as _;

use super::gather::{report_order, Gathered};
use super::notes::{cited_key, Notes};
use super::{Cell, Column, Table};
use crate::analysis::GrowthRow;
use crate::model::{last_digit_unit, Kind, Observation, Status, Topic};
use crate::period::Period;
use crate::words::numbers::{
    describe_observation_in, group, percent, prose_bound, prose_figure, Rounding,
};
use crate::words::period_short;
use crate::words::phrases::plural;

/// A period as a table shows it, in the short words of the sentences ("Jan–Aug 2025"),
/// and in its canonical form ("2025-01/2025-08") for the hidden column named
/// `"{name} code"` beside it, so a DataFrame can still be filtered by the code.
pub(super) fn period_cells(period: &Period) -> [Cell; 2] {
    [
        Cell::Text(period_short(period)),
        Cell::Text(period.to_string()),
    ]
}

/// How many of each series' latest periods a figures table lists by default, beside
/// every figure the report's text and charts cite ([`super::ReportOptions::table_periods`]):
/// enough for the last decade of a yearly series, and a page that stays a few
/// megabytes however many figures the pair has. The rest are in [`super::Report::figures`].
pub const TABLE_PERIODS: usize = 10;

/// Where a table's left-out figures are: said below every table that leaves some out.
pub(super) const FULL_RECORD: &str =
    "Every figure is in the report's full record: report.figures, \
     or the appendix file write_appendix (or --appendix) writes.";

/// At most this many series are named one by one below a table; more are counted.
const SERIES_NAMED_BELOW: usize = 3;

/// What a figures table lists of each series: its latest `periods` periods and every
/// figure cited so far, by the text and charts (`notes`) or by the findings, which are
/// made after the tables (`findings`).
pub(super) struct Listing<'a> {
    /// How many of each series' latest periods.
    pub(super) periods: usize,
    /// The figures the findings cite (their numbers are handed out later).
    pub(super) findings: &'a Notes,
}

/// The figures of `topic` between the two countries that `shown` keeps, as `listing`
/// abridges them, with the number of each one's note; and the `implied` rows of its
/// indicators in their places, when the caller asked for them.
pub(super) fn figures(
    data: &Gathered,
    notes: &mut Notes,
    topic: &Topic,
    implied: &[Observation],
    listing: &Listing,
    shown: impl Fn(&Observation) -> bool,
) -> Table {
    figures_where(data, notes, "Figures", implied, listing, |obs| {
        &data.indicator(&obs.indicator).topic == topic && shown(obs)
    })
}

/// The figures between the two countries that `shown` keeps, as `listing` abridges
/// them (and the `implied` rows `shown` keeps, every one), with the number of each
/// one's note, as a table titled `title`; a footnote counts what it leaves out. Where
/// every figure listed has one unit, the header says it with one scale ("figure
/// (million USD)") and the cells are bare numbers, right-aligned.
pub(super) fn figures_where(
    data: &Gathered,
    notes: &mut Notes,
    title: &str,
    implied: &[Observation],
    listing: &Listing,
    shown: impl Fn(&Observation) -> bool,
) -> Table {
    let pair = &data.pair;
    // The figure's column, after indicator, from, to, via, product, period and its code.
    const FIGURE_COLUMN: usize = 7;
    let mut columns = Column::list(&[
        ("indicator", true),
        ("from", true),
        ("to", true),
        ("via", false),
        ("product", true),
        ("period", true),
        ("period code", false),
        ("figure", true),
        ("value", false),
        ("low", false),
        ("high", false),
        ("unit", false),
        ("status", true),
        ("source", true),
        ("note", true),
    ]);
    let candidates: Vec<&Observation> = data.observations.iter().filter(|o| shown(o)).collect();
    let (mut listed, left_out) = abridge(&candidates, notes, listing);
    let implied: Vec<&Observation> = implied.iter().filter(|o| shown(o)).collect();
    if !implied.is_empty() {
        listed.extend(implied);
        listed.sort_by(|x, y| report_order(x).cmp(&report_order(y)));
    }
    let scale = column_scale(&listed, data.digits);
    if let Some(scale) = &scale {
        let figure = &mut columns[FIGURE_COLUMN];
        figure.unit = scale.header.clone();
        figure.numeric = true;
    }
    let mut rows = Vec::with_capacity(listed.len());
    for obs in listed {
        let indicator = data.indicator(&obs.indicator).clone();
        let series_subject =
            pair.subject_of(&indicator, &obs.origin, &obs.destination, &obs.product);
        let note = notes.cite(&series_subject, obs);
        let [period, period_code] = period_cells(&obs.period);
        let (from, to, via) = pair.route_words(&indicator, &obs.origin, &obs.destination);
        let figure = match &scale {
            Some(scale) => figure_in(obs, data.digits, scale.divisor),
            None => describe_observation_in(obs, data.digits),
        };
        rows.push(vec![
            Cell::Text(indicator.name.clone()),
            Cell::Text(from),
            Cell::Text(to),
            via.map_or(Cell::Empty, Cell::Text),
            Cell::Text(pair.product_label(&obs.product)),
            period,
            period_code,
            Cell::Text(figure),
            Cell::Number(obs.value),
            Cell::Number(obs.low),
            Cell::Number(obs.high),
            Cell::Text(obs.unit.clone()),
            // A plan's figure is what was planned, whatever status its source gave it.
            Cell::Text(if indicator.kind == Kind::Plan {
                "plan".to_owned()
            } else {
                obs.status.to_string()
            }),
            obs.source.clone().map_or(Cell::Empty, Cell::Text),
            Cell::Integer(note as i64),
        ]);
    }
    // "via" shows where a route passes through a country of the pair on its way on.
    columns[3].visible = rows.iter().any(|row| row[3] != Cell::Empty);
    Table {
        title: title.to_owned(),
        columns,
        rows,
        footnote: left_out_footnote(data, &left_out, listing.periods),
    }
}

/// Of `candidates` (in report order, so each series' figures are together), those a
/// table lists: each series' latest `listing.periods` periods, and every figure cited
/// already or by the findings. And the series that lose some, with how many.
fn abridge<'o>(
    candidates: &[&'o Observation],
    notes: &Notes,
    listing: &Listing,
) -> (Vec<&'o Observation>, Vec<(&'o Observation, usize)>) {
    let cited = notes.cited();
    let cited_by_findings = listing.findings.cited();
    let is_cited = |o: &Observation| {
        let key = cited_key(o);
        cited.contains(&key) || cited_by_findings.contains(&key)
    };
    let same_series = |x: &Observation, y: &Observation| {
        x.indicator == y.indicator
            && x.origin == y.origin
            && x.destination == y.destination
            && x.product == y.product
    };
    let mut listed = Vec::new();
    let mut left_out = Vec::new();
    for series in candidates.chunk_by(|x, y| same_series(x, y)) {
        let mut periods: Vec<Period> = series.iter().map(|o| o.period).collect();
        periods.sort_by_key(|p| (p.end(), p.start()));
        periods.dedup();
        let latest = &periods[periods.len().saturating_sub(listing.periods)..];
        let before = listed.len();
        listed.extend(
            series
                .iter()
                .copied()
                .filter(|o| latest.contains(&o.period) || is_cited(o)),
        );
        let kept = listed.len() - before;
        if kept < series.len() {
            left_out.push((series[0], series.len() - kept));
        }
    }
    (listed, left_out)
}

/// "Not listed here: Trade turnover, 13 earlier figures; …" below a table that leaves
/// figures out (with more than [`SERIES_NAMED_BELOW`] such series, their count), and
/// where they are.
fn left_out_footnote(
    data: &Gathered,
    left_out: &[(&Observation, usize)],
    periods: usize,
) -> Option<String> {
    if left_out.is_empty() {
        return None;
    }
    let figures = |n: usize| format!("{} earlier {}", group(&n.to_string()), plural("figure", n));
    let what = if left_out.len() > SERIES_NAMED_BELOW {
        let n = left_out.iter().map(|(_, n)| n).sum();
        format!(
            "{} of {} series",
            figures(n),
            group(&left_out.len().to_string())
        )
    } else {
        left_out
            .iter()
            .map(|(obs, n)| {
                let indicator = data.indicator(&obs.indicator);
                let subject =
                    data.pair
                        .subject_of(indicator, &obs.origin, &obs.destination, &obs.product);
                format!("{subject}, {}", figures(*n))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    Some(format!(
        "Listed: each series' latest {periods} {} and every figure the text and charts cite. \
         Not listed here: {what}. {FULL_RECORD}",
        plural("period", periods)
    ))
}

/// The one unit and scale of a figures column, for its header.
struct ColumnScale {
    /// What the header says: "million USD", "t"; `None` for bare counts.
    header: Option<String>,
    /// What each figure is divided by: 1, a million, a billion or a trillion.
    divisor: f64,
}

/// The scales a column's figures can be written in, largest first.
const COLUMN_SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];

/// The unit and scale of a column of `figures`, when they all have one unit: the largest
/// scale that is no larger than the largest figure and in which the smallest reads at
/// least 0.1, as an analyst's table writes it ($2.24 billion beside $12.0 million share
/// millions: 2,240 and 12.0; 1.85 million persons beside 713,000 share millions: 1.85 and
/// 0.713), else none (the unit alone). `None` for figures of several units, which keep
/// their own.
fn column_scale(figures: &[&Observation], digits: u32) -> Option<ColumnScale> {
    let unit = &figures.first()?.unit;
    if figures.iter().any(|o| &o.unit != unit) {
        return None;
    }
    let magnitudes: Vec<f64> = figures
        .iter()
        .map(|o| prose_figure(o.value, digits).0.abs())
        .filter(|v| v.is_finite() && *v > 0.0)
        .collect();
    let largest = magnitudes.iter().copied().fold(0.0, f64::max);
    let smallest = magnitudes.iter().copied().fold(f64::INFINITY, f64::min);
    let (divisor, word) = COLUMN_SCALES
        .iter()
        .copied()
        .find(|&(scale, _)| largest >= scale && smallest >= scale / 10.0)
        .unwrap_or((1.0, ""));
    let header = match (word, unit.as_str()) {
        ("", "count") => None,
        (word, "count") => Some(word.to_owned()),
        ("", unit) => Some(unit.to_owned()),
        (word, unit) => Some(format!("{word} {unit}")),
    };
    Some(ColumnScale { header, divisor })
}

/// A figure as its column shows it when the header gives the unit and scale: the
/// qualifier's word, the number divided by `divisor` at the precision of the prose, the
/// bounds where they differ (rounded outwards), the status where not actual.
fn figure_in(obs: &Observation, digits: u32, divisor: f64) -> String {
    let (shown, rounded_to) = prose_figure(obs.value, digits);
    let mut text = match obs.qualifier.prose() {
        "" => String::new(),
        word => format!("{word} "),
    };
    text.push_str(&number_in(shown, rounded_to, divisor));
    if obs.low != obs.high {
        let bound = |v: f64, way: Rounding| number_in(prose_bound(v, digits, way), None, divisor);
        let _ = write!(
            text,
            " [{} – {}]",
            bound(obs.low, Rounding::Down),
            bound(obs.high, Rounding::Up)
        );
    }
    if obs.status != Status::Actual {
        let _ = write!(text, " ({})", obs.status);
    }
    text
}

/// The decimals of the smallest positive double with one to spare (as `numbers.rs`).
const MOST_DECIMALS: i32 = 325;

/// `shown` divided by `divisor`, to its last digit; or, when it was rounded to
/// `rounded_to` significant digits, to those, trailing zeros kept ("24.0").
fn number_in(shown: f64, rounded_to: Option<u32>, divisor: f64) -> String {
    // No "-0": a zero has no sign worth printing.
    let shown = if shown == 0.0 { 0.0 } else { shown };
    let scaled = shown / divisor;
    let decimals = match rounded_to {
        None => {
            let unit = last_digit_unit(shown) / divisor;
            if unit >= 1.0 {
                0
            } else {
                (-unit.log10()).round().clamp(0.0, f64::from(MOST_DECIMALS)) as usize
            }
        }
        Some(digits) => {
            let place = if scaled == 0.0 {
                0
            } else {
                (scaled.abs().log10() + 1e-9).floor() as i32
            };
            (digits as i32 - 1 - place).clamp(0, MOST_DECIMALS) as usize
        }
    };
    group(&format!("{scaled:.decimals$}"))
}

/// The growth rows, each with its series' subject and its change in the words the
/// sentences use (an amount where a percentage of a negative base would mislead).
pub(super) fn growth(rows: Vec<(String, GrowthRow, String)>) -> Table {
    let columns = [
        "series",
        "period",
        "period code",
        "base period",
        "base period code",
        "change",
        "pct",
        "pct low",
        "pct high",
    ];
    let shown = |name: &str| !name.starts_with("pct") && !name.ends_with(" code");
    Table {
        title: "Growth on the same period a year earlier".to_owned(),
        columns: Column::list(&columns.map(|name| (name, shown(name)))),
        rows: rows
            .into_iter()
            .map(|(subject, r, change)| {
                let [period, period_code] = period_cells(&r.period);
                let [base, base_code] = r
                    .base_period
                    .as_ref()
                    .map_or([Cell::Empty, Cell::Empty], period_cells);
                vec![
                    Cell::Text(subject),
                    period,
                    period_code,
                    base,
                    base_code,
                    Cell::Text(change),
                    // The table's pct columns are percentages, as shown.
                    r.rate.map_or(Cell::Empty, |v| Cell::Number(percent(v))),
                    r.rate_low.map_or(Cell::Empty, |v| Cell::Number(percent(v))),
                    r.rate_high
                        .map_or(Cell::Empty, |v| Cell::Number(percent(v))),
                ]
            })
            .collect(),
        footnote: None,
    }
}
