//! Files a careless or hostile colleague might send: each is refused with
//! `Error::Schema` before the library reads or writes it, and is left byte for byte as
//! it was.

use std::path::{Path, PathBuf};

use bilateral::{Error, NewObservation, Store};

/// A store file with the built-in dataset, closed.
fn store_file(dir: &Path) -> PathBuf {
    let path = dir.join("shared.db");
    let mut store = Store::open(&path).unwrap();
    store.load_dataset("azerbaijan-kazakhstan-2025").unwrap();
    drop(store);
    path
}

/// `sql` run on the file by another program (the colleague's).
fn tamper(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// Opening the file is a schema error whose message contains `says`, and the file's
/// bytes are the same after.
fn assert_refused(path: &Path, says: &str) {
    let before = std::fs::read(path).unwrap();
    let error = Store::open(path).unwrap_err();
    assert!(matches!(error, Error::Schema(_)), "{error:?}");
    assert!(error.to_string().contains(says), "{error}");
    assert!(std::fs::read(path).unwrap() == before, "the file changed");
}

#[test]
fn a_trigger_that_would_swallow_inserts_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    tamper(
        &path,
        "CREATE TRIGGER quiet BEFORE INSERT ON observation BEGIN SELECT RAISE(IGNORE); END;",
    );
    assert_refused(&path, "trigger quiet of its own");
}

#[test]
fn a_trigger_that_would_change_values_or_delete_rows_is_refused() {
    for trigger in [
        "CREATE TRIGGER inflate AFTER INSERT ON observation BEGIN
             UPDATE observation SET value = value * 1000; END;",
        "CREATE TRIGGER wipe AFTER INSERT ON observation BEGIN DELETE FROM observation; END;",
        "CREATE TRIGGER on_event AFTER INSERT ON event BEGIN DELETE FROM event; END;",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = store_file(dir.path());
        tamper(&path, trigger);
        assert_refused(&path, "of its own");
    }
}

#[test]
fn a_view_of_its_own_or_a_redefined_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    tamper(&path, "CREATE VIEW extra AS SELECT 1;");
    assert_refused(&path, "view extra of its own");

    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    // The view users read with sqlite3, with origin and destination swapped.
    tamper(
        &path,
        "DROP VIEW observation_view;
         CREATE VIEW observation_view AS SELECT destination_id AS origin, origin_id AS destination
         FROM observation;",
    );
    assert_refused(
        &path,
        "view observation_view is not defined as this version defines it",
    );
}

#[test]
fn a_table_rebuilt_without_its_checks_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    // The documented way to change a table: a copy without the CHECKs under the old name.
    tamper(
        &path,
        "PRAGMA foreign_keys = OFF;
         CREATE TABLE population_copy AS SELECT * FROM population;
         DROP TABLE population;
         ALTER TABLE population_copy RENAME TO population;",
    );
    assert_refused(
        &path,
        "table population is not defined as this version defines it",
    );
}

#[test]
fn a_dropped_view_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    tamper(&path, "DROP VIEW event_view;");
    assert_refused(&path, "event_view is missing");
}

#[test]
fn a_schema_version_from_the_future_below_zero_or_not_its_own_is_refused() {
    for (version, says) in [
        (bilateral::SCHEMA_VERSION + 1, "upgrade bilateral"),
        (u32::MAX, "no version of bilateral writes"),
        (5, "says it is a bilateral store of schema version 5, but"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = store_file(dir.path());
        // PRAGMA user_version is a signed 32-bit number: u32::MAX is stored as -1.
        tamper(&path, &format!("PRAGMA user_version = {};", version as i32));
        let before = std::fs::read(&path).unwrap();
        let error = Store::open(&path).unwrap_err();
        assert!(matches!(error, Error::Schema(_)), "{version}: {error:?}");
        assert!(error.to_string().contains(says), "{version}: {error}");
        assert!(
            std::fs::read(&path).unwrap() == before,
            "{version}: the file changed"
        );
    }
}

#[test]
fn a_truncated_or_bit_flipped_file_is_a_schema_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    let whole = std::fs::read(&path).unwrap();
    // Cut in the middle of a page, and cut to the first page alone.
    for cut in [whole.len() / 2 + 100, 4096] {
        std::fs::write(&path, &whole[..cut]).unwrap();
        let outcome = Store::open(&path).and_then(|s| s.report("AZE", "KAZ").map(drop));
        let error = outcome.unwrap_err();
        assert!(matches!(error, Error::Schema(_)), "cut at {cut}: {error:?}");
    }
    // Every 97th byte after the header flipped.
    let mut flipped = whole.clone();
    for byte in flipped.iter_mut().skip(100).step_by(97) {
        *byte ^= 0xff;
    }
    std::fs::write(&path, &flipped).unwrap();
    let outcome = Store::open(&path).and_then(|s| s.report("AZE", "KAZ").map(drop));
    let error = outcome.unwrap_err();
    assert!(matches!(error, Error::Schema(_)), "{error:?}");
}

#[test]
fn a_directory_is_not_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let error = Store::open(dir.path()).unwrap_err();
    assert!(matches!(error, Error::Io { .. }), "{error:?}");
}

#[test]
fn a_path_with_a_nul_byte_is_a_validation_error_on_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a\0b.db");
    let error = Store::open(&path).unwrap_err();
    let Error::Validation(invalid) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(invalid.field, "path");
    assert_eq!(invalid.reason, "holds a NUL byte, which no file name can");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_path_too_long_to_open_is_quoted_to_80_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x".repeat(5_000));
    let shown = path.display().to_string();
    let message = Store::open(&path).unwrap_err().to_string();
    let start = format!("{}… ({} characters)", &shown[..80], shown.len());
    assert!(message.contains(&start), "{message}");
    assert!(message.len() < 400, "{message}");
}

#[test]
fn an_empty_file_becomes_a_new_store_as_sqlite_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let mut store = Store::open(&path).unwrap();
    store
        .add(&NewObservation::new("tourists", "GEO", "ARM", "2024", 1.0))
        .unwrap();
    assert_eq!(store.observation_count().unwrap(), 1);
}

#[test]
fn a_stored_value_another_program_changed_is_a_schema_error_on_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    // A qualifier number no version writes, past the CHECK that would refuse it.
    tamper(
        &path,
        "PRAGMA ignore_check_constraints = ON;
         UPDATE observation SET qualifier = 9;",
    );
    let store = Store::open(&path).unwrap();
    let error = store
        .observations(&bilateral::ObservationFilter::default())
        .unwrap_err();
    assert!(matches!(error, Error::Schema(_)), "{error:?}");
    assert!(
        error.to_string().contains("changed by another program"),
        "{error}"
    );

    // An infinite value (SQLite reads 1e400 as one), which no write lets through.
    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    tamper(
        &path,
        "PRAGMA ignore_check_constraints = ON;
         UPDATE observation SET value = 1e400;",
    );
    let store = Store::open(&path).unwrap();
    let error = store.report("AZE", "KAZ").unwrap_err();
    assert!(matches!(error, Error::Schema(_)), "{error:?}");
    assert!(
        error.to_string().contains("inf is not a finite number"),
        "{error}"
    );
}

#[test]
fn a_trigger_still_in_the_write_ahead_log_is_refused_and_the_log_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_file(dir.path());
    let wal = dir.path().join("shared.db-wal");
    // The colleague's program planted the trigger and never checkpointed: the file
    // arrives with its log, and the trigger is only in the log.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA wal_autocheckpoint = 0;
         CREATE TRIGGER quiet BEFORE INSERT ON observation BEGIN SELECT RAISE(IGNORE); END;",
    )
    .unwrap();
    let (main_before, wal_before) = (std::fs::read(&path).unwrap(), std::fs::read(&wal).unwrap());
    let received = tempfile::tempdir().unwrap();
    let (copy, copy_wal) = (
        received.path().join("shared.db"),
        received.path().join("shared.db-wal"),
    );
    std::fs::write(&copy, &main_before).unwrap();
    std::fs::write(&copy_wal, &wal_before).unwrap();
    drop(conn);

    let error = Store::open(&copy).unwrap_err();
    assert!(
        error.to_string().contains("trigger quiet of its own"),
        "{error}"
    );
    // Closing the refused file did not copy the log into it, nor delete the log.
    assert!(
        std::fs::read(&copy).unwrap() == main_before,
        "the file changed"
    );
    assert!(
        std::fs::read(&copy_wal).unwrap() == wal_before,
        "the log changed"
    );
}
