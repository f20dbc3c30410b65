//! Several connections on one file at once: writers queue instead of failing, and
//! opening a new or old file together creates or migrates it once. (The same with
//! processes, and threads sharing one store, is in tests/python/process/test_concurrency.py.)

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::thread;

use bilateral::{NewObservation, ObservationFilter, Store, SCHEMA_VERSION};

/// `BILATERAL_STRESS` multiplies the work (CI runs it at 1).
fn stress() -> usize {
    std::env::var("BILATERAL_STRESS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

/// Runs `work(i)` on `n` threads that start together; the results in thread order.
fn together<T: Send + 'static>(
    n: usize,
    work: impl Fn(usize) -> T + Send + Sync + 'static,
) -> Vec<T> {
    let start = Arc::new(Barrier::new(n));
    let work = Arc::new(work);
    let threads: Vec<_> = (0..n)
        .map(|i| {
            let (start, work) = (Arc::clone(&start), Arc::clone(&work));
            thread::spawn(move || {
                start.wait();
                work(i)
            })
        })
        .collect();
    threads.into_iter().map(|t| t.join().unwrap()).collect()
}

fn open_all_at_once(path: &Path, n: usize) -> Vec<Result<u32, String>> {
    let path = path.to_owned();
    together(n, move |_| {
        Store::open(&path)
            .and_then(|s| s.schema_version())
            .map_err(|e| e.to_string())
    })
}

#[test]
fn eight_connections_opening_a_new_file_at_once_all_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let opened = open_all_at_once(&path, 8);
    assert_eq!(opened, vec![Ok(SCHEMA_VERSION); 8]);
    // The reference data went in once: each country once.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.country("KAZ").unwrap().alpha3, "KAZ");
}

#[test]
fn eight_connections_opening_an_old_file_at_once_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    Store::create_with_schema_version(&path, 1).unwrap();
    let opened = open_all_at_once(&path, 8);
    assert_eq!(opened, vec![Ok(SCHEMA_VERSION); 8]);
}

#[test]
fn writers_on_their_own_connections_queue_and_every_write_lands_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    Store::open(&path).unwrap();
    let (writers, each) = (8, 100 * stress());
    let shared = path.clone();
    let failures = together(writers, move |writer| {
        let mut store = Store::open(&shared).unwrap();
        let mut failed = Vec::new();
        for i in 0..each {
            // Each writer its own product; one figure a month from January 1900.
            let period = format!("{}-{:02}", 1900 + i / 12, i % 12 + 1);
            let mut figure = NewObservation::new("exports", "GEO", "ARM", &period, i as f64);
            figure.product = Some(format!("w{writer}"));
            if let Err(e) = store.add(&figure) {
                failed.push(e.to_string());
            }
            // A read between writes: readers never block the writer, nor fail.
            if let Err(e) = store.observation_count() {
                failed.push(e.to_string());
            }
        }
        failed
    });
    assert!(failures.iter().all(Vec::is_empty), "{failures:?}");
    let store = Store::open(&path).unwrap();
    let stored = store
        .observations(&ObservationFilter::indicator("exports"))
        .unwrap();
    assert_eq!(stored.len(), writers * each);
}
