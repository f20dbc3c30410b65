//! Ingest speed: `Store::add_many` (every record checked, ids looked up, bounds derived)
//! against the floor under it, plain prepared INSERTs of the same rows with their ids
//! already known, into a database of the same `schema.sql`, in the same run.
//!
//! `cargo bench --bench ingest` (or `make bench`); `-- 500000` sets the row count.

use std::time::{Duration, Instant};

use bilateral::{Indicator, Kind, NewObservation, OnDuplicate, Store};

const COUNTRIES: [&str; 8] = ["AZE", "KAZ", "GEO", "ARM", "TUR", "UZB", "TKM", "RUS"];

/// `n` distinct observations: 56 ordered pairs × products × months.
fn records(n: usize) -> Vec<NewObservation> {
    let mut out = Vec::with_capacity(n);
    let qualifiers = ["exact", "over", "around", "nearly"];
    'fill: for product in 0.. {
        for month in 0..12 * 50 {
            for (i, origin) in COUNTRIES.iter().enumerate() {
                for (j, destination) in COUNTRIES.iter().enumerate() {
                    if i == j {
                        continue;
                    }
                    if out.len() == n {
                        break 'fill;
                    }
                    let period = format!("{}-{:02}", 1990 + month / 12, month % 12 + 1);
                    let mut obs = NewObservation::new(
                        "exports",
                        origin,
                        destination,
                        &period,
                        1_000.0 * (1 + out.len() % 997) as f64,
                    );
                    obs.product = Some(format!("hs{product:04}"));
                    obs.qualifier = Some(qualifiers[out.len() % 4].to_owned());
                    obs.source = Some("bench".to_owned());
                    out.push(obs);
                }
            }
        }
    }
    out
}

fn store() -> Store {
    let mut store = Store::in_memory().expect("store");
    store
        .add_indicator(&Indicator::new(
            "exports",
            "Exports",
            "USD",
            Kind::Flow,
            true,
        ))
        .expect("indicator");
    store
        .add_source(&bilateral::Source {
            id: "bench".into(),
            title: "Benchmark".into(),
            publisher: None,
            url: None,
            published: None,
        })
        .expect("source");
    store
}

/// The floor: the same rows as prepared INSERTs with every id and day number already
/// resolved, into a database made from the same `schema.sql` (same tables, indexes and
/// foreign keys), without any check of the library's own; `in_key_order` sorts them by
/// the table's key beforehand (untimed), as `add_many` does (timed).
fn plain_inserts(n: usize, in_key_order: bool) -> Duration {
    let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
    conn.pragma_update(None, "foreign_keys", true)
        .expect("pragma");
    conn.execute_batch(include_str!("../schema.sql"))
        .expect("schema");
    // The schema's own steps add a country (Kosovo, see schema.sql) to the empty table:
    // the bench's nine take ids 1 to 9 in its place.
    conn.execute_batch(
        "DELETE FROM country;
         INSERT INTO country (id, alpha3, alpha2, name) VALUES
             (1, 'AAA', 'AA', 'A'), (2, 'BBB', 'BB', 'B'), (3, 'CCC', 'CC', 'C'),
             (4, 'DDD', 'DD', 'D'), (5, 'EEE', 'EE', 'E'), (6, 'FFF', 'FF', 'F'),
             (7, 'GGG', 'GG', 'G'), (8, 'HHH', 'HH', 'H'), (9, 'III', 'II', 'I');
         INSERT INTO indicator (id, code, name, unit, kind, directed, topic_id)
             SELECT 1, 'exports', 'Exports', 'USD', 'flow', 1, id FROM topic WHERE code = 'trade';
         INSERT INTO source (id, code, title) VALUES (1, 'bench', 'Benchmark');",
    )
    .expect("reference rows");
    for product in 2..=(n / (56 * 600) + 2) as i64 {
        conn.execute(
            "INSERT INTO product (id, code) VALUES (?1, ?2)",
            rusqlite::params![product, format!("p{product}")],
        )
        .expect("product");
    }
    let mut rows: Vec<(i64, i64, i64, i64, i64, String, f64)> = (0..n)
        .map(|k| {
            let pair = (k % 56) as i64;
            let month = (k / 56 % 600) as i64;
            let product = (k / (56 * 600)) as i64;
            (
                pair / 7 + 1,
                // The seven countries other than the origin.
                pair % 7 + 1 + i64::from(pair % 7 >= pair / 7),
                product + 2,
                2_447_893 + month * 30,
                2_447_893 + month * 30 + 29,
                format!("{}-{:02}", 1990 + month / 12, month % 12 + 1),
                1_000.0 * (1 + k % 997) as f64,
            )
        })
        .collect();
    if in_key_order {
        // Origin, destination, (one indicator,) product, start day.
        rows.sort_by_key(|r| (r.0, r.1, r.2, r.3));
    }
    let started = Instant::now();
    let tx = conn.unchecked_transaction().expect("transaction");
    {
        let mut stmt = tx
            .prepare(
                // Schema version 5 stores qualifier exact as 1, status actual as 0, and
                // the source in the key (source_key) besides the foreign key.
                "INSERT INTO observation (origin_id, destination_id, indicator_id, product_id,
                     start_day, end_day, status, source_key, period_text, value, qualifier, low,
                     high, source_id)
                 VALUES (?1, ?2, 1, ?3, ?4, ?5, 0, 1, ?6, ?7, 1, ?7, ?7, 1)",
            )
            .expect("prepare");
        for (origin, destination, product, start, end, period, value) in &rows {
            stmt.execute(rusqlite::params![
                origin,
                destination,
                product,
                start,
                end,
                period,
                value
            ])
            .expect("insert");
        }
    }
    tx.commit().expect("commit");
    started.elapsed()
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(200_000);
    let rows = records(n);
    let mut store = store();
    let started = Instant::now();
    store.add_many(&rows, OnDuplicate::Error).expect("add_many");
    let checked = started.elapsed();
    let floor = plain_inserts(n, false);
    let sorted_floor = plain_inserts(n, true);
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!("ingest of {n} observations into an in-memory store, one transaction");
    println!("| path | time | rows/s |");
    println!("|---|---|---|");
    println!(
        "| `Store::add_many` (checked: countries, period, qualifier, bounds, ids) | {:.2} s | {:.0} |",
        checked.as_secs_f64(),
        rate(checked)
    );
    println!(
        "| plain prepared INSERT, ids resolved beforehand, no checks | {:.2} s | {:.0} |",
        floor.as_secs_f64(),
        rate(floor)
    );
    println!(
        "| plain prepared INSERT as above, rows sorted by key beforehand (sort untimed) | {:.2} s | {:.0} |",
        sorted_floor.as_secs_f64(),
        rate(sorted_floor)
    );
    println!(
        "add_many takes {:.2}× the time of the plain inserts, {:.2}× that of the sorted ones",
        checked.as_secs_f64() / floor.as_secs_f64(),
        checked.as_secs_f64() / sorted_floor.as_secs_f64()
    );
}
