//! Figures made of arbitrary bytes (values over the whole range of floats, periods
//! over the grammar) drawn into a report with charts: no panic, no runaway allocation.
#![no_main]

use bilateral::{NewObservation, Store};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

mod shared;

/// A store with nothing but the reference tables.
static EMPTY: OnceLock<Vec<u8>> = OnceLock::new();

const PERIODS: [&str; 8] = [
    "2024",
    "2024-Q1",
    "2024-08",
    "2024-H2",
    "2024-03-15",
    "1000",
    "9999",
    "Jan–Aug 2025",
];

fuzz_target!(|data: &[u8]| {
    let (_dir, path) = shared::store_file(shared::template(&EMPTY, |_| {}));
    let mut store = Store::open(&path).unwrap();
    // Each 10-byte chunk: a period choice, a year shift, and the value's 8 bytes.
    for chunk in data.chunks_exact(10) {
        let period = PERIODS[usize::from(chunk[0]) % PERIODS.len()];
        let period = match chunk[1] {
            0..=127 => period.to_owned(),
            shift => period.replacen("2024", &(1000 + u32::from(shift) * 35).to_string(), 1),
        };
        let value = f64::from_le_bytes(chunk[2..10].try_into().unwrap());
        let figure = NewObservation::new("exports", "GEO", "ARM", &period, value);
        let _ = store.add(&figure);
    }
    if let Ok(report) = store.report("GEO", "ARM") {
        let _ = report.to_html();
        let _ = report.to_markdown();
    }
});
