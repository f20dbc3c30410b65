//! The events between the two countries: a sentence that counts them, a table and a
//! chart.

use super::charts::{middle, Chart, ChartEvent, ChartKind};
use super::tables::period_cells;
use super::{Cell, Column, Sentence, Table};
use crate::model::Event;
use crate::words::phrases::{event_date, plural};
use crate::words::{period_phrase, period_short, period_words};

/// How many events the timeline holds, from when to when, and of which kinds.
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

fn events_sentence(events: &[Event]) -> String {
    let (first, last) = (&events[0], &events[events.len() - 1]);
    if events.len() == 1 {
        return format!(
            "The timeline holds one event, {}: {}.",
            period_phrase(&first.date),
            first.title
        );
    }
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for e in events {
        match kinds.iter_mut().find(|(k, _)| *k == e.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((e.kind.clone(), 1)),
        }
    }
    let counts: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    format!(
        "The timeline holds {} {} from {} to {}; by kind: {}.",
        events.len(),
        plural("event", events.len()),
        period_words(&first.date),
        period_words(&last.date),
        counts.join(", ")
    )
}
