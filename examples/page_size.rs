//! The size of a report's page on a pair with many figures: builds a pair of about
//! `rows` figures in memory, makes the report and its HTML page, and prints the page's
//! size and how long each step took. Peak memory is the caller's to measure:
//!
//! ```text
//! cargo build --release --example page_size
//! /usr/bin/time -v target/release/examples/page_size products 1000000
//! /usr/bin/time -v target/release/examples/page_size daily 1000000
//! ```
//!
//! `products`: yearly exports of `rows / 50` products each way over 25 years, beside a
//! yearly trade turnover (the shape of `benches/report.rs`); `daily`: one daily series.

use std::time::Instant;

use bilateral::{Indicator, Kind, NewObservation, OnDuplicate, Store, Topic};

const YEARS: usize = 25;

fn products_store(rows: usize) -> bilateral::Result<Store> {
    let mut store = Store::in_memory()?;
    let mut exports = Indicator::new("exports", "Exports", "USD", Kind::Flow, true);
    exports.topic = Topic::TRADE;
    let mut turnover = Indicator::new("trade_turnover", "Trade turnover", "USD", Kind::Flow, false);
    turnover.topic = Topic::TRADE;
    store.add_indicator(&exports)?;
    store.add_indicator(&turnover)?;
    let products = (rows / (YEARS * 2)).max(1);
    let mut records = Vec::with_capacity(products * YEARS * 2 + YEARS);
    for year in 0..YEARS {
        let period = (2000 + year).to_string();
        records.push(NewObservation::new(
            "trade_turnover",
            "GEO",
            "ARM",
            &period,
            1e9 * (1.0 + year as f64 / 10.0),
        ));
        for product in 0..products {
            for (origin, destination) in [("GEO", "ARM"), ("ARM", "GEO")] {
                let value = 1_000.0 * (1 + (product * 31 + year * 7) % 997) as f64;
                let mut obs = NewObservation::new("exports", origin, destination, &period, value);
                obs.product = Some(format!("{product:06}"));
                records.push(obs);
            }
        }
    }
    store.add_many(&records, OnDuplicate::Error)?;
    Ok(store)
}

fn daily_store(rows: usize) -> bilateral::Result<Store> {
    let mut store = Store::in_memory()?;
    store.add_indicator(&Indicator::new(
        "rail_cargo",
        "Rail cargo",
        "t",
        Kind::Flow,
        false,
    ))?;
    let first = time::Date::from_calendar_date(1900, time::Month::January, 1).expect("date");
    let records: Vec<NewObservation> = (0..rows)
        .map(|day| {
            let date = first + time::Duration::days(day as i64);
            let value = 1_000.0 * (1 + (day * 7) % 997) as f64;
            NewObservation::new("rail_cargo", "GEO", "ARM", &date.to_string(), value)
        })
        .collect();
    store.add_many(&records, OnDuplicate::Error)?;
    Ok(store)
}

fn main() -> bilateral::Result<()> {
    let mut args = std::env::args().skip(1);
    let shape = args.next().unwrap_or_else(|| "products".to_owned());
    let rows: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let started = Instant::now();
    let store = match shape.as_str() {
        "daily" => daily_store(rows)?,
        _ => products_store(rows)?,
    };
    let stored = store.observation_count()?;
    let built = started.elapsed();
    let started = Instant::now();
    let report = store.report("GEO", "ARM")?;
    let composed = started.elapsed();
    let started = Instant::now();
    let html = report.to_html();
    let rendered = started.elapsed();
    let table_rows: usize = report
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .map(|t| t.rows.len())
        .sum();
    println!(
        "{shape}: {stored} figures; store {:.2} s, report {:.2} s, to_html {:.2} s; \
         HTML {:.1} MB; {table_rows} table rows, {} notes",
        built.as_secs_f64(),
        composed.as_secs_f64(),
        rendered.as_secs_f64(),
        html.len() as f64 / 1e6,
        report.notes.len()
    );
    if std::env::var_os("PAGE_SIZE_OUT").is_some() {
        std::fs::write("/tmp/page_size.html", &html).expect("write");
        std::fs::write("/tmp/page_size.json", report.to_json()).expect("write");
    }
    Ok(())
}
