//! The report's charts: what each shows and the points to draw (rendered as SVG by
//! [`crate::render`], or with matplotlib from Python).

use serde::{Deserialize, Serialize};

use super::notes::Notes;
use crate::analysis::Series;
use crate::model::Observation;
use crate::period::Period;
use crate::words::format_value;

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
    /// The date as written.
    pub date: String,
    /// Kind of event.
    pub kind: String,
    /// What happened.
    pub title: String,
}

/// A line over the calendar years, with targets and projections dashed; only when
/// there are at least two points to join.
pub(super) fn series_chart(
    notes: &mut Notes,
    series: &Series,
    forward: &[&Series],
    subject: &str,
) -> Option<Chart> {
    let years: Vec<&Observation> = series
        .observations
        .iter()
        .filter(|o| o.period.is_calendar_year())
        .collect();
    let ahead: Vec<&Observation> = forward
        .iter()
        .flat_map(|s| s.observations.iter())
        .filter(|o| o.period.is_calendar_year())
        .collect();
    if years.is_empty()
        || years.len() + ahead.len() < 2
        || series.indicator.directed && ahead.is_empty()
    {
        return None;
    }
    let mut lines = vec![ChartSeries {
        label: "actual".to_owned(),
        dashed: false,
        points: years
            .iter()
            .map(|o| chart_point(o, Some(notes.cite(subject, o))))
            .collect(),
    }];
    if !ahead.is_empty() {
        let last = *years.last()?;
        let mut points = vec![chart_point(last, Some(notes.cite(subject, last)))];
        for o in &ahead {
            points.push(chart_point(o, Some(notes.cite(subject, o))));
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

/// A stored figure as a point of a chart, with the number of its note.
pub(super) fn chart_point(obs: &Observation, note: Option<usize>) -> ChartPoint {
    ChartPoint {
        label: obs.period.to_string(),
        x: middle(&obs.period),
        value: obs.value,
        low: obs.low,
        high: obs.high,
        note,
        text: format_value(obs.value, &obs.unit, obs.qualifier),
    }
}

/// The middle of a period in decimal years.
pub(super) fn middle(period: &Period) -> f64 {
    let decimal = |d: time::Date| f64::from(d.year()) + f64::from(d.ordinal() - 1) / 365.25;
    (decimal(period.start()) + decimal(period.end()) + 1.0 / 365.25) / 2.0
}
