//! Report speed: `Store::report` on generated pairs of growing size (products × years,
//! both directions, beside a yearly trade total), and its Markdown and HTML renderings,
//! timed side by side; then the same for one long daily series. The report reads the
//! pair once and composes from memory, so its time should grow with the rows, not with
//! their square, whether they are many short series or one long one.
//!
//! `cargo bench --bench report` (or `make bench`); `-- 1000 10000` picks the sizes.

use std::time::{Duration, Instant};

use bilateral::{Indicator, Kind, NewObservation, OnDuplicate, Store, Topic};

const YEARS: usize = 25;

/// A store with one pair (Georgia–Armenia) holding about `rows` observations: yearly
/// exports of `rows / 50` products in each direction over 25 years, and trade turnover.
fn store(rows: usize) -> Store {
    let mut store = Store::in_memory().expect("store");
    let mut exports = Indicator::new("exports", "Exports", "USD", Kind::Flow, true);
    exports.topic = Topic::TRADE;
    let mut turnover = Indicator::new("trade_turnover", "Trade turnover", "USD", Kind::Flow, false);
    turnover.topic = Topic::TRADE;
    store.add_indicator(&exports).expect("indicator");
    store.add_indicator(&turnover).expect("indicator");
    let products = (rows / (YEARS * 2)).max(1);
    let mut records = Vec::with_capacity(products * YEARS * 2 + YEARS);
    for year in 0..YEARS {
        let period = (2000 + year).to_string();
        let turnover = 1e9 * (1.0 + year as f64 / 10.0);
        records.push(NewObservation::new(
            "trade_turnover",
            "GEO",
            "ARM",
            &period,
            turnover,
        ));
        for product in 0..products {
            for (origin, destination) in [("GEO", "ARM"), ("ARM", "GEO")] {
                let value = 1_000.0 * (1 + (product * 31 + year * 7) % 997) as f64;
                let mut obs = NewObservation::new("exports", origin, destination, &period, value);
                obs.product = Some(format!("hs{product:06}"));
                records.push(obs);
            }
        }
    }
    store
        .add_many(&records, OnDuplicate::Error)
        .expect("add_many");
    store
}

/// A store with one daily series of `rows` days of rail cargo between Georgia and
/// Armenia, from 1 January 1900.
fn daily_store(rows: usize) -> Store {
    let mut store = Store::in_memory().expect("store");
    let cargo = Indicator::new("rail_cargo", "Rail cargo", "t", Kind::Flow, false);
    store.add_indicator(&cargo).expect("indicator");
    let first = time::Date::from_calendar_date(1900, time::Month::January, 1).expect("date");
    let records: Vec<NewObservation> = (0..rows)
        .map(|day| {
            let date = first + time::Duration::days(day as i64);
            let value = 1_000.0 * (1 + (day * 7) % 997) as f64;
            NewObservation::new("rail_cargo", "GEO", "ARM", &date.to_string(), value)
        })
        .collect();
    store
        .add_many(&records, OnDuplicate::Error)
        .expect("add_many");
    store
}

fn seconds(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn main() {
    let sizes: Vec<usize> = {
        let given: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if given.is_empty() {
            vec![1_000, 10_000, 100_000]
        } else {
            given
        }
    };
    println!("report on one pair, release build, in-memory store");
    for (shape, make) in [
        (
            "products × 25 years, both directions",
            store as fn(usize) -> Store,
        ),
        ("one daily series", daily_store),
    ] {
        println!("\n{shape}\n");
        println!("| rows | report() | rows/s | to_markdown() | to_html() | sentences | notes |");
        println!("|---|---|---|---|---|---|---|");
        for &size in &sizes {
            time_report(make(size));
        }
    }
}

/// Times the report on the store's one pair and its renderings, and prints a row.
fn time_report(store: Store) {
    let rows = store
        .observations(&bilateral::ObservationFilter::default())
        .expect("observations")
        .len();
    let started = Instant::now();
    let report = store.report("GEO", "ARM").expect("report");
    let built = started.elapsed();
    let started = Instant::now();
    let markdown = report.to_markdown();
    let md = started.elapsed();
    let started = Instant::now();
    let html = report.to_html();
    let page = started.elapsed();
    let sentences: usize = report.sections.iter().map(|s| s.sentences.len()).sum();
    assert!(markdown.len() > 1_000 && html.len() > markdown.len());
    println!(
        "| {rows} | {} | {:.0} | {} | {} | {sentences} | {} |",
        seconds(built),
        rows as f64 / built.as_secs_f64(),
        seconds(md),
        seconds(page),
        report.notes.len()
    );
}
