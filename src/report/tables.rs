//! The section tables: every figure of a topic with its note, and growth on the same
//! period a year earlier.

use super::gather::{report_order, Gathered};
use super::notes::Notes;
use super::{Cell, Column, Table};
use crate::analysis::{GrowthRow, Series};
use crate::model::{Kind, Observation, Topic};
use crate::period::Period;
use crate::words::numbers::describe_observation_in;
use crate::words::period_short;

/// A period as a table shows it, in the short words of the sentences ("Jan–Aug 2025"),
/// and in its canonical form ("2025-01/2025-08") for the hidden column named
/// `"{name} code"` beside it, so a DataFrame can still be filtered by the code.
pub(super) fn period_cells(period: &Period) -> [Cell; 2] {
    [
        Cell::Text(period_short(period)),
        Cell::Text(period.to_string()),
    ]
}

/// Every figure of `topic` between the two countries that `shown` keeps, with the number
/// of its note; and the `implied` rows of its indicators in their places, when the
/// caller asked for them.
pub(super) fn figures(
    data: &Gathered,
    notes: &mut Notes,
    topic: &Topic,
    implied: &[Observation],
    shown: impl Fn(&Observation) -> bool,
) -> Table {
    figures_where(data, notes, "Figures", implied, |obs| {
        &data.indicator(&obs.indicator).topic == topic && shown(obs)
    })
}

/// Every figure between the two countries that `shown` keeps (and the `implied` rows it
/// keeps), with the number of its note, as a table titled `title`.
pub(super) fn figures_where(
    data: &Gathered,
    notes: &mut Notes,
    title: &str,
    implied: &[Observation],
    shown: impl Fn(&Observation) -> bool,
) -> Table {
    let pair = &data.pair;
    let columns = [
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
    ];
    let mut rows = Vec::new();
    let mut rows_shown: Vec<&Observation> = data
        .observations
        .iter()
        .chain(implied)
        .filter(|o| shown(o))
        .collect();
    if !implied.is_empty() {
        rows_shown.sort_by(|x, y| report_order(x).cmp(&report_order(y)));
    }
    for obs in rows_shown {
        let indicator = data.indicator(&obs.indicator).clone();
        let series_subject = {
            let series = Series {
                indicator: indicator.clone(),
                origin: obs.origin.clone(),
                destination: obs.destination.clone(),
                product: obs.product.clone(),
                observations: Vec::new(),
            };
            pair.subject(&series)
        };
        let note = notes.cite(&series_subject, obs);
        let [period, period_code] = period_cells(&obs.period);
        let (from, to, via) = pair.route_words(&indicator, &obs.origin, &obs.destination);
        rows.push(vec![
            Cell::Text(indicator.name.clone()),
            Cell::Text(from),
            Cell::Text(to),
            via.map_or(Cell::Empty, Cell::Text),
            Cell::Text(pair.product_label(&obs.product)),
            period,
            period_code,
            Cell::Text(describe_observation_in(obs, data.digits)),
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
    let mut columns = Column::list(&columns);
    columns[3].visible = rows.iter().any(|row| row[3] != Cell::Empty);
    Table {
        title: title.to_owned(),
        columns,
        rows,
    }
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
                    r.pct.map_or(Cell::Empty, Cell::Number),
                    r.pct_low.map_or(Cell::Empty, Cell::Number),
                    r.pct_high.map_or(Cell::Empty, Cell::Number),
                ]
            })
            .collect(),
    }
}
