//! A full disk at every step of a write: the store's page limit (`max_page_count`) is
//! set to each size between the file's own and the one the write needs, so that the
//! write runs out of room at each page it allocates. Every time: `Error::Full`, the
//! same observations as before, a file that passes SQLite's integrity check, and a
//! store that takes a write once there is room again.

use std::path::{Path, PathBuf};

use bilateral::files::ImportOptions;
use bilateral::{Error, NewObservation, Observation, ObservationFilter, OnDuplicate, Store};

/// Figures of one product, a month each from January 1900.
fn figures(product: &str, count: usize) -> Vec<NewObservation> {
    (0..count)
        .map(|i| {
            let period = format!("{}-{:02}", 1900 + i / 12, i % 12 + 1);
            let mut figure = NewObservation::new("exports", "GEO", "ARM", &period, i as f64);
            figure.product = Some(product.to_owned());
            figure
        })
        .collect()
}

/// A closed store file holding 2,000 figures (so no WAL file beside it: a copy of the
/// file is the whole store).
fn filled_store(dir: &Path) -> PathBuf {
    let path = dir.join("filled.db");
    let mut store = Store::open(&path).unwrap();
    store
        .add_many(&figures("old", 2_000), OnDuplicate::Error)
        .unwrap();
    path
}

fn everything(store: &Store) -> Vec<Observation> {
    store.observations(&ObservationFilter::default()).unwrap()
}

fn integrity(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A fresh copy of the filled store at `path`.
fn copy_of(filled: &Path, path: &Path) -> Store {
    for leftover in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{leftover}", path.display()));
    }
    std::fs::copy(filled, path).unwrap();
    Store::open(path).unwrap()
}

/// Runs `write` on copies of the filled store with every page limit from the pages it
/// needs minus one down to none beyond the file's size; returns how many limits it
/// tried. Each must fail with `Error::Full` and leave the store as it was and usable.
fn full_at_every_step(write: impl Fn(&mut Store) -> bilateral::Result<()>) -> u32 {
    let dir = tempfile::tempdir().unwrap();
    let filled = filled_store(dir.path());
    let step = dir.path().join("step.db");

    // The pages the write needs, on a copy without a limit; `1` gives the size.
    let mut trial = copy_of(&filled, &step);
    let size = trial.set_max_page_count(1).unwrap();
    trial.set_max_page_count(u32::MAX).unwrap();
    write(&mut trial).unwrap();
    let needed = trial.set_max_page_count(1).unwrap() - size;
    drop(trial);
    assert!(needed >= 10, "the write needs only {needed} pages");

    let before = everything(&Store::open(&filled).unwrap());
    for extra in (0..needed).rev() {
        let mut store = copy_of(&filled, &step);
        assert_eq!(store.set_max_page_count(1).unwrap(), size);
        assert_eq!(
            store.set_max_page_count(size + extra).unwrap(),
            size + extra
        );
        let result = write(&mut store);
        assert!(
            matches!(result, Err(Error::Full)),
            "{extra} pages: {result:?}"
        );
        assert_eq!(everything(&store), before, "{extra} pages");
        assert_eq!(integrity(&step), "ok", "{extra} pages");
        // Room again: a small write lands.
        store.set_max_page_count(u32::MAX).unwrap();
        store
            .add(&figures("after", 1)[0])
            .unwrap_or_else(|e| panic!("{extra} pages: {e}"));
        assert_eq!(everything(&store).len(), before.len() + 1);
    }
    needed
}

#[test]
fn a_full_disk_at_every_step_of_a_csv_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("new.csv");
    let mut text = String::from("indicator,origin,destination,product,period,value\n");
    for (i, figure) in figures("new", 3_000).iter().enumerate() {
        text += &format!("exports,GEO,ARM,new,{},{i}\n", figure.period);
    }
    std::fs::write(&csv, text).unwrap();
    let steps =
        full_at_every_step(|store| store.import_csv(&csv, &ImportOptions::default()).map(drop));
    // 3,000 rows of about 40 bytes, in pages of 4,096 bytes, and their index entries.
    assert!((20..200).contains(&steps), "{steps} steps");
}

#[test]
fn a_full_disk_at_every_step_of_add_many_changes_nothing() {
    let batch = figures("new", 3_000);
    full_at_every_step(|store| store.add_many(&batch, OnDuplicate::Error).map(drop));
}

#[test]
fn a_full_disk_is_an_error_that_says_so_and_that_nothing_was_written() {
    assert_eq!(
        Error::Full.to_string(),
        "the disk is full (SQLite could not grow the store's file); nothing was written"
    );
}
