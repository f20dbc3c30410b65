//! The plain-text summary of a whole store: each indicator with its observations, then
//! the events and the sources.

use std::fmt::Write as _;

use crate::error::Result;
use crate::model::Observation;
use crate::store::{ObservationFilter, PairFilter, Store};
use crate::words::describe_observation;

/// A readable text summary of everything in the store: each indicator with its
/// observations, then the events and the sources.
pub fn summary(store: &Store) -> Result<String> {
    let observations = store.observations(&ObservationFilter::default())?;
    let indicators = store.indicators()?;
    let events = store.events_of(&PairFilter::any())?;
    let sources = store.sources()?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} observations of {} indicators, {} events, {} sources\n",
        observations.len(),
        indicators
            .iter()
            .filter(|i| observations.iter().any(|o| o.indicator == i.code))
            .count(),
        events.len(),
        sources.len()
    );
    for indicator in &indicators {
        let rows: Vec<&Observation> = observations
            .iter()
            .filter(|o| o.indicator == indicator.code)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{} ({}; {}, {}, {})",
            indicator.name,
            indicator.code,
            indicator.unit,
            indicator.kind,
            if indicator.directed {
                "directed"
            } else {
                "undirected"
            }
        );
        for obs in rows {
            let arrow = if indicator.directed { "→" } else { "–" };
            let product = if obs.product == "total" {
                String::new()
            } else {
                format!(" {}", obs.product)
            };
            let _ = writeln!(
                out,
                "  {}{arrow}{}{product:<14} {:<16} {:<58} {}",
                obs.origin,
                obs.destination,
                obs.period.to_string(),
                describe_observation(obs),
                obs.source.as_deref().unwrap_or("")
            );
        }
        out.push('\n');
    }
    if !events.is_empty() {
        out.push_str("Events\n");
        for e in &events {
            let place = e
                .place
                .as_deref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<10} {:<10} {}{place}",
                e.date.to_string(),
                e.kind,
                e.title
            );
        }
        out.push('\n');
    }
    out.push_str("Sources\n");
    for s in &sources {
        let publisher = s
            .publisher
            .as_deref()
            .map(|p| format!("{p}: "))
            .unwrap_or_default();
        let _ = writeln!(out, "  {:<22} {publisher}{}", s.id, s.title);
    }
    Ok(out)
}
