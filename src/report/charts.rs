//! The report's charts: what each shows and the points to draw (rendered as SVG by
//! [`crate::render`], or with matplotlib from Python).

use serde::{Deserialize, Serialize};

use super::notes::Notes;
use super::periodic::is_short;
use crate::analysis::Series;
use crate::model::Observation;
use crate::period::Period;
use crate::words::prose_value;

/// What a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// A series over time (forward-looking points dashed).
    Series,
    /// The two directions side by side, period by period.
    Directions,
    /// A year's actual and run rate against its target.
    Progress,
    /// Events on a time line.
    Timeline,
}

/// A chart: its kind and the points to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// What it shows.
    pub kind: ChartKind,
    /// The indicator it draws (none for a timeline).
    pub indicator: Option<String>,
    /// The product it draws.
    pub product: Option<String>,
    /// Origin of the series drawn (for directions and timelines: the report's first
    /// country).
    pub origin: Option<String>,
    /// Destination of the series drawn.
    pub destination: Option<String>,
    /// Title.
    pub title: String,
    /// Unit of the values.
    pub unit: String,
    /// The series to draw.
    pub series: Vec<ChartSeries>,
    /// Events, for a timeline.
    pub events: Vec<ChartEvent>,
}

/// One line or set of bars of a chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartSeries {
    /// Legend label.
    pub label: String,
    /// True for targets and projections, drawn dashed.
    pub dashed: bool,
    /// The points.
    pub points: Vec<ChartPoint>,
}

/// One point of a chart series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartPoint {
    /// Label on the axis: the period's canonical form or a short name.
    pub label: String,
    /// Position on a time axis: the middle of the period in decimal years.
    pub x: f64,
    /// The value.
    pub value: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// Note number of the figure, if it is a stored figure.
    pub note: Option<usize>,
    /// True where the period just before this point's has no figure (2020, then 2024):
    /// a line leaves a gap here instead of joining across the years nobody measured.
    #[serde(default)]
    pub gap_before: bool,
    /// The figure as the report's sentences write it ("nearly 150", "4.5 million t"):
    /// what a tooltip shows, so that the chart never reads more precise, or less
    /// hedged, than the text.
    pub text: String,
}

/// An event on a timeline chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartEvent {
    /// When (the middle of the event's period in decimal years).
    pub x: f64,
    /// The date in the short words of a table cell ("Q4 2025", "17 May 2025").
    pub date: String,
    /// Kind of event.
    pub kind: String,
    /// What happened.
    pub title: String,
}

/// A line over the calendar years (over the months or quarters, for a monthly or
/// quarterly series), with targets and projections dashed; only when there are at least
/// two points to join. A product's series gets one here only with a target or
/// projection (a report may name many products), and a directed series without them
/// only when the two-directions chart, which shows the periods `back` (the other
/// direction) also has (of months and quarters only the latest), leaves some of its
/// points out. The others get theirs when their line makes the Summary
/// ([`SummaryCharts`]).
pub(super) fn series_chart(
    notes: &mut Notes,
    series: &Series,
    forward: &[&Series],
    subject: &str,
    back: &Series,
    digits: u32,
) -> Option<Chart> {
    let history = history(series);
    let latest = history.last()?;
    // Targets and projections are for years: a year's target beside months would
    // read as twelve times too high.
    let ahead: Vec<&Observation> = if latest.period.is_calendar_year() {
        forward
            .iter()
            .flat_map(|s| s.observations.iter())
            .filter(|o| o.period.is_calendar_year())
            .collect()
    } else {
        Vec::new()
    };
    // The two-directions chart draws only the latest months or quarters.
    let shown_by_directions = series.indicator.directed
        && latest.period.is_calendar_year()
        && history.iter().all(|o| back.get(&o.period).is_some());
    if history.len() + ahead.len() < 2
        || ahead.is_empty() && (series.product != "total" || shown_by_directions)
    {
        return None;
    }
    line_chart(notes, series, &history, &ahead, subject, digits)
}

/// The figures a series' line joins, oldest first: those of the latest figure's kind
/// (its months, or its quarters, for a monthly or quarterly series; else the calendar
/// years), or the calendar years when the latest figure's kind has fewer than two and
/// the years have two (ten years and this year's first quarter draw the years).
fn history(series: &Series) -> Vec<&Observation> {
    let Some(latest) = series
        .observations
        .iter()
        .max_by_key(|o| (o.period.end(), o.period.start()))
    else {
        return Vec::new();
    };
    let of_kind = |keep: &dyn Fn(&Period) -> bool| {
        let mut figures: Vec<&Observation> = series
            .observations
            .iter()
            .filter(|o| keep(&o.period))
            .collect();
        figures.sort_by_key(|o| o.period.start());
        figures
    };
    let years = of_kind(&|p: &Period| p.is_calendar_year());
    if !is_short(&latest.period) {
        return years;
    }
    let short = of_kind(&|p: &Period| is_short(p) && p.months() == latest.period.months());
    if short.len() < 2 && years.len() >= 2 {
        years
    } else {
        short
    }
}

/// The chart of `history` (at least one figure), and of `ahead` dashed from its last.
fn line_chart(
    notes: &mut Notes,
    series: &Series,
    history: &[&Observation],
    ahead: &[&Observation],
    subject: &str,
    digits: u32,
) -> Option<Chart> {
    let mut points: Vec<ChartPoint> = Vec::new();
    for (i, o) in history.iter().enumerate() {
        let mut point = chart_point(o, Some(notes.cite(subject, o)), digits);
        point.gap_before = i > 0 && !follows_on(&history[i - 1].period, &o.period);
        points.push(point);
    }
    let mut lines = vec![ChartSeries {
        label: "actual".to_owned(),
        dashed: false,
        points,
    }];
    if !ahead.is_empty() {
        let last = *history.last()?;
        let mut points = vec![chart_point(last, Some(notes.cite(subject, last)), digits)];
        for o in ahead {
            points.push(chart_point(o, Some(notes.cite(subject, o)), digits));
        }
        points.sort_by(|p, q| p.x.total_cmp(&q.x));
        lines.push(ChartSeries {
            label: "target or projection".to_owned(),
            dashed: true,
            points,
        });
    }
    Some(Chart {
        kind: ChartKind::Series,
        indicator: Some(series.indicator.code.clone()),
        product: Some(series.product.clone()),
        origin: Some(series.origin.clone()),
        destination: Some(series.destination.clone()),
        title: subject.to_owned(),
        unit: series.indicator.unit.clone(),
        series: lines,
        events: Vec::new(),
    })
}

/// The line charts of series that [`series_chart`] leaves out (a product, a direction
/// the two-directions chart shows whole) but whose line makes the Summary: every series
/// the Summary names gets a line of its history, once the Summary is chosen. Products
/// are bounded by the Summary itself (at most [`super::headline::MOST_LINES`]).
#[derive(Default)]
pub(super) struct SummaryCharts {
    waiting: Vec<Waiting>,
}

/// A series waiting for the Summary, and where its chart goes.
struct Waiting {
    /// Position of its section among the report's sections, and of the chart among
    /// the section's charts.
    section: usize,
    at: usize,
    /// The series' Summary line, as [`super::headline::lead`] returns it when chosen.
    line: String,
    series: Series,
    subject: String,
}

impl SummaryCharts {
    /// Keeps the series with its candidate Summary `line` (none when it has no line), to
    /// be drawn at `at` (the section's position, the chart's position) if the line is
    /// chosen.
    pub(super) fn wait(
        &mut self,
        line: Option<String>,
        series: &Series,
        subject: &str,
        at: (usize, usize),
    ) {
        if let Some(line) = line {
            self.waiting.push(Waiting {
                section: at.0,
                at: at.1,
                line,
                series: series.clone(),
                subject: subject.to_owned(),
            });
        }
    }

    /// Draws the charts of the series whose line is in `summary`, each where it waited,
    /// when it has two figures of a kind to join. The figures were cited already (by
    /// the series' sentences or the figures table), so their notes keep their numbers.
    pub(super) fn place(
        self,
        sections: &mut [super::Section],
        summary: &[super::Sentence],
        notes: &mut Notes,
        digits: u32,
    ) {
        let mut placed: Vec<usize> = vec![0; sections.len()];
        for w in self.waiting {
            if !summary.iter().any(|s| s.text == w.line) {
                continue;
            }
            let history = history(&w.series);
            if history.len() < 2 {
                continue;
            }
            let (Some(section), Some(chart)) = (
                sections.get_mut(w.section),
                line_chart(notes, &w.series, &history, &[], &w.subject, digits),
            ) else {
                continue;
            };
            let at = (w.at + placed[w.section]).min(section.charts.len());
            section.charts.insert(at, chart);
            placed[w.section] += 1;
        }
    }
}

/// True when `next` starts the day after `previous` ends: no period is missing
/// between them.
fn follows_on(previous: &Period, next: &Period) -> bool {
    previous.end().next_day() == Some(next.start())
}

/// A stored figure as a point of a chart, with the number of its note.
pub(super) fn chart_point(obs: &Observation, note: Option<usize>, digits: u32) -> ChartPoint {
    ChartPoint {
        label: obs.period.to_string(),
        x: middle(&obs.period),
        value: obs.value,
        low: obs.low,
        high: obs.high,
        note,
        gap_before: false,
        text: prose_value(obs.value, &obs.unit, obs.qualifier, digits),
    }
}

/// The middle of a period in decimal years.
pub(super) fn middle(period: &Period) -> f64 {
    let decimal = |d: time::Date| f64::from(d.year()) + f64::from(d.ordinal() - 1) / 365.25;
    (decimal(period.start()) + decimal(period.end()) + 1.0 / 365.25) / 2.0
}
