//! The events between the two countries: a sentence on when they fell, a table and a
//! chart.
//!
//! Events come in the order of their dates (the store's [`Store::events`] order): by
//! the end of the date, and of dates ending together the coarser last. An event known
//! only by its year ("in 2022") therefore comes after every event dated within that
//! year ("Nov 2022"): its month is unknown, and listing it first would say it came
//! first. It comes before them only when its source says so, and the source says so
//! through the date it gives: "before November 2022" is stored as `2022-01/2022-10`
//! (written "Jan–Oct 2022"), "early 2022" as `2022-H1`, which end before November and
//! sort there.
//!
//! [`Store::events`]: crate::store::Store::events

use super::charts::{middle, Chart, ChartEvent, ChartKind};
use super::tables::period_cells;
use super::{Cell, Column, Sentence, Table};
use crate::model::Event;
use crate::words::phrases::event_date;
use crate::words::{period_phrase, period_short};

/// When the events fell: how many, from when to when, and the year most of them fell
/// in (see [`events_sentence`]).
pub(super) fn sentence(events: &[Event]) -> Sentence {
    Sentence {
        text: events_sentence(events),
        notes: Vec::new(),
    }
}

/// The events as a table.
pub(super) fn table(events: &[Event]) -> Table {
    let columns = [
        ("date", true),
        ("date code", false),
        ("kind", true),
        ("event", true),
        ("place", true),
        ("source", true),
        ("quote", false),
    ];
    Table {
        title: "Timeline".to_owned(),
        columns: Column::list(&columns),
        footnote: None,
        rows: events
            .iter()
            .map(|e| {
                let [_, date_code] = period_cells(&e.date);
                vec![
                    Cell::Text(event_date(&e.date)),
                    date_code,
                    Cell::Text(e.kind.clone()),
                    Cell::Text(e.title.clone()),
                    e.place.clone().map_or(Cell::Empty, Cell::Text),
                    e.source.clone().map_or(Cell::Empty, Cell::Text),
                    e.quote.clone().map_or(Cell::Empty, Cell::Text),
                ]
            })
            .collect(),
    }
}

/// The events on a time line.
pub(super) fn chart(events: &[Event]) -> Chart {
    Chart {
        kind: ChartKind::Timeline,
        indicator: None,
        product: None,
        origin: events.first().map(|e| e.a.clone()),
        destination: events.first().map(|e| e.b.clone()),
        title: "Timeline".to_owned(),
        unit: String::new(),
        series: Vec::new(),
        events: events
            .iter()
            .map(|e| ChartEvent {
                x: middle(&e.date),
                date: period_short(&e.date),
                kind: e.kind.clone(),
                title: e.title.clone(),
            })
            .collect(),
    }
}

/// "Of the 21 events from 2005 to 2026, 16 fall in 2025": the years the events span
/// and the year with more of them than any other, in the words an analyst uses for
/// them (their kinds are in the table beside it); "The 3 events all fall in 2025." for
/// one year, "One event, in 2005: Treaty on Strategic Partnership." for one event. The
/// span is in years, since one event known only by its year may precede the first
/// dated one.
fn events_sentence(events: &[Event]) -> String {
    if let [only] = events {
        return format!("One event, {}: {}.", period_phrase(&only.date), only.title);
    }
    let mut years: Vec<(i32, usize)> = Vec::new();
    for e in events {
        let year = e.date.end().year();
        match years.iter_mut().find(|(y, _)| *y == year) {
            Some((_, n)) => *n += 1,
            None => years.push((year, 1)),
        }
    }
    let first = events.iter().map(|e| e.date.start().year()).min();
    let last = events.iter().map(|e| e.date.end().year()).max();
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let n = events.len();
    if first == last {
        return format!("The {n} events all fall in {first}.");
    }
    let most = years.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let busiest: Vec<i32> = years
        .iter()
        .filter(|(_, n)| *n == most)
        .map(|(y, _)| *y)
        .collect();
    match busiest.as_slice() {
        [year] if most > 1 => {
            format!("Of the {n} events from {first} to {last}, {most} fall in {year}.")
        }
        _ => format!("The {n} events range from {first} to {last}."),
    }
}
