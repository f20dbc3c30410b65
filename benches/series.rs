//! Reads over every series at once, in Rust alone: a file store of generated yearly
//! figures shaped like the peers benchmark (`benches/peers.py`: 200 countries, 8,000
//! directed pairs, 5 indicators, 25 years), then the bulk read as a table, the same
//! rows written out as observations, and year-on-year growth of every series, keyed and
//! written out. Each is timed several times; the median is printed.
//!
//! `cargo bench --bench series` (or `make bench`); `-- 100000` sets the row count.

use std::time::{Duration, Instant};

use bilateral::{
    Indicator, Kind, NewObservation, ObservationFilter, OnDuplicate, SeriesFilter, Store,
};

const INDICATORS: [&str; 5] = ["exports", "imports", "fdi_stock", "tourists", "cargo"];
const YEARS: usize = 25;
const ROUNDS: usize = 3;

/// A timed read: its name, and the call, which gives how many rows it read.
type Task<'a> = (&'static str, Box<dyn Fn() -> usize + 'a>);

/// Alpha-3 codes of the first `n` countries the store knows, in code order.
fn countries(store: &Store, n: usize) -> Vec<String> {
    store
        .countries()
        .into_iter()
        .take(n)
        .map(|c| c.alpha3)
        .collect()
}

/// A store in `path` with `rows` figures: year-major (as annual releases arrive), then
/// indicator, then pair.
fn store(path: &std::path::Path, rows: usize) -> Store {
    let mut store = Store::open(path).expect("store");
    for code in INDICATORS {
        store
            .add_indicator(&Indicator::new(code, code, "USD", Kind::Flow, true))
            .expect("indicator");
    }
    let countries = countries(&store, 200);
    let pairs: Vec<(&str, &str)> = (0..8_000)
        .map(|i| {
            let origin = i % countries.len();
            let destination = (origin + 1 + i / countries.len()) % countries.len();
            (countries[origin].as_str(), countries[destination].as_str())
        })
        .collect();
    let per_year = (rows / YEARS).max(1);
    let mut records = Vec::with_capacity(rows);
    'fill: for year in 0..YEARS {
        let period = (2000 + year).to_string();
        for (i, indicator) in INDICATORS.iter().enumerate() {
            for (p, (origin, destination)) in pairs.iter().enumerate() {
                if records.len() == per_year * (year + 1) {
                    continue 'fill;
                }
                let value = 1_000.0 * (1 + (p * 31 + year * 7 + i) % 997) as f64;
                records.push(NewObservation::new(
                    indicator,
                    origin,
                    destination,
                    &period,
                    value,
                ));
            }
        }
    }
    store
        .add_many(&records, OnDuplicate::Error)
        .expect("add_many");
    store
}

/// The median of `ROUNDS` runs of `task`, and how many rows it gave.
fn median(mut task: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        rows = task();
        times.push(started.elapsed());
    }
    times.sort();
    (times[ROUNDS / 2], rows)
}

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("series.db");
    let started = Instant::now();
    drop(store(&path, rows));
    println!(
        "every series at once, release build, file store of {rows} rows (built in {:.1} s)\n",
        started.elapsed().as_secs_f64()
    );
    let store = Store::open(&path).expect("open");
    let every = ObservationFilter::default();
    let series = SeriesFilter::default();
    println!("| task | median of {ROUNDS} | rows |");
    println!("|---|---|---|");
    let tasks: [Task; 6] = [
        (
            "observation_table()",
            Box::new(|| store.observation_table(&every).expect("table").len()),
        ),
        (
            "observations()",
            Box::new(|| store.observations(&every).expect("observations").len()),
        ),
        (
            "growth_table()",
            Box::new(|| store.growth_table(&series).expect("growth").1.len()),
        ),
        (
            "growth_table() → Columns (as Python and Arrow take it)",
            Box::new(|| {
                let (table, rows) = store.growth_table(&series).expect("growth");
                bilateral::Columns::of_growth(&table, &rows).rows()
            }),
        ),
        (
            "observation_table() → Columns",
            Box::new(|| {
                let table = store.observation_table(&every).expect("table");
                bilateral::Columns::of_observations(&table).rows()
            }),
        ),
        (
            "growth_of_every()",
            Box::new(|| store.growth_of_every(&series).expect("growth").len()),
        ),
    ];
    for (name, task) in tasks {
        let (time, n) = median(task);
        println!("| {name} | {:.3} s | {n} |", time.as_secs_f64());
    }
}
