//! The SQLite store: opening and migrating files, validated writes, typed reads.
//!
//! All SQL text of the crate lives in this folder; the layout itself is `schema.sql`.
//! `schema.rs` creates and migrates files, `countries.rs` finds countries and their
//! population, `write.rs` has the write calls (each one transaction), `insert.rs` checks
//! and inserts one record of each kind, `read.rs` queries, `dataset.rs` gives the whole
//! store as a dataset (which `files/` writes to a file), `sql.rs` says how the domain types are written to and
//! read from SQLite, and `watch.rs` has the progress reports and interrupt checks of
//! long writes. `portable/` writes the analyses as SQL for other engines (DuckDB,
//! Spark) over the store's Parquet export.

mod claims;
mod countries;
mod dataset;
mod ingest;
mod insert;
mod layout;
pub mod portable;
mod read;
mod schema;
mod sql;
mod table;
mod watch;
mod write;

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

pub(crate) use countries::CountryFinder;
pub(crate) use insert::product_code;
pub use read::{ObservationFilter, PairFilter};
pub use schema::SCHEMA_VERSION;
pub(crate) use watch::Watch;
pub use watch::{Progress, Stage, ROWS_BETWEEN_REPORTS};
pub(crate) use write::BatchSource;
pub use write::{LoadSummary, OnDuplicate};

pub use crate::error::BUSY_TIMEOUT;
use crate::error::{Error, Result};
use countries::Countries;

/// A store of bilateral observations in one SQLite database (a file or memory).
///
/// ```
/// use bilateral::{NewObservation, ObservationFilter, Store};
///
/// let mut store = Store::in_memory()?;
/// store.load_dataset("azerbaijan-kazakhstan-2025")?;
/// let trade = store.observations(&ObservationFilter::indicator("trade_turnover").pair("KAZ", "AZE"))?;
/// let latest = trade.iter().find(|o| o.period.to_string() == "2025-01/2025-08").unwrap();
/// assert_eq!(latest.value, 547_600_000.0);
///
/// let mut mine = NewObservation::new("tourists", "Kazakhstan", "AZ", "2025-H1", 40_000.0);
/// mine.qualifier = Some("about".into());
/// store.add(&mine)?;
/// # Ok::<(), bilateral::Error>(())
/// ```
///
/// # Threads
///
/// A `Store` is [`Send`] but not [`Sync`]: it owns one SQLite connection, which may
/// move to another thread but must not be used by two at once. Give each thread its
/// own `Store` (opened on the same file: SQLite's write-ahead log lets them read at the
/// same time, and writers queue for up to [`BUSY_TIMEOUT`]), or share one behind a
/// [`Mutex`](std::sync::Mutex) (`Arc<Mutex<Store>>`), which makes calls take turns. A
/// store in memory cannot be opened twice, so share it behind a mutex.
///
/// ```
/// use std::sync::{Arc, Mutex};
///
/// let store = Arc::new(Mutex::new(bilateral::Store::demo()?));
/// let shared = Arc::clone(&store);
/// let count = std::thread::spawn(move || shared.lock().unwrap().observation_count())
///     .join()
///     .unwrap()?;
/// assert_eq!(count, store.lock().unwrap().observation_count()?);
/// # Ok::<(), bilateral::Error>(())
/// ```
///
/// Shared without a mutex, it does not compile:
///
/// ```compile_fail
/// fn shared_between_threads<T: Sync>() {}
/// shared_between_threads::<bilateral::Store>();
/// ```
pub struct Store {
    conn: Connection,
    countries: Countries,
    interrupt: Option<InterruptCheck>,
    /// The source of a figure added without one: see [`Store::set_default_source`].
    default_source: Option<String>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish_non_exhaustive()
    }
}

/// Opens the file at `path` as a plain file name (no URI).
fn open_file(path: &Path) -> Result<Connection> {
    // The bundled SQLite reads any name starting with `file:` as a URI, whatever the open
    // flags say (it is built with SQLITE_USE_URI); an absolute path never starts so.
    crate::error::check_path(path)?;
    let io_error = |source| crate::error::io_error(path, source);
    // SQLite would say only "unable to open database file".
    if path.is_dir() {
        return Err(io_error(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory, not a store file",
        )));
    }
    let path = std::path::absolute(path).map_err(io_error)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(&path, flags).map_err(|error| match error {
        // SQLite's message ends with the whole path, however long.
        rusqlite::Error::SqliteFailure(code, Some(message))
            if code.code == rusqlite::ErrorCode::CannotOpen =>
        {
            let cause = message.split(": ").next().unwrap_or_default();
            let message = format!(
                "{cause}: {}",
                crate::error::shortened(&path.to_string_lossy())
            );
            Error::from(rusqlite::Error::SqliteFailure(code, Some(message)))
        }
        error => Error::from(error),
    })
}

/// A transaction for a write call: it takes the write lock at once (`BEGIN IMMEDIATE`),
/// waiting in line behind other writers for up to [`BUSY_TIMEOUT`]. A deferred one
/// would take it only at its first write, and when another writer got there first, fail
/// at once without waiting (SQLite cannot wait there without risking a deadlock).
pub(crate) fn write_transaction(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    Ok(conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
}

/// A check that says whether a long call should stop: see [`Store::set_interrupt_check`].
pub type InterruptCheck = Arc<dyn Fn() -> bool + Send + Sync>;

/// SQLite virtual-machine steps between two calls of the interrupt check: a few
/// thousand steps take well under a millisecond.
const STEPS_BETWEEN_CHECKS: i32 = 10_000;

impl Store {
    /// Opens the store in the file at `path`: creates it with the schema if new,
    /// migrates it if an older version of the library wrote it, and refuses a file
    /// written by a newer version ([`Error::Schema`]).
    ///
    /// `path` is a file name, never an SQLite URI: `file:x.db?mode=memory` names a
    /// file of that name. The file is put in write-ahead-log mode, so that readers
    /// never block the writer; where the file system cannot do that (WAL needs shared
    /// memory, which network file systems may lack), SQLite keeps its rollback
    /// journal and writers still queue. Another process's write makes a call wait
    /// (up to [`BUSY_TIMEOUT`]) rather than fail.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::init(open_file(path.as_ref())?, SCHEMA_VERSION)
    }

    /// A new store in memory, gone when dropped.
    pub fn in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, SCHEMA_VERSION)
    }

    /// A store in memory with the built-in Azerbaijan–Kazakhstan dataset loaded.
    pub fn demo() -> Result<Store> {
        let mut store = Store::in_memory()?;
        store.load_dataset("azerbaijan-kazakhstan-2025")?;
        Ok(store)
    }

    /// Creates (or migrates) the file at `path` only up to schema `version`: for testing
    /// migrations from older versions.
    #[doc(hidden)]
    pub fn create_with_schema_version(path: impl AsRef<Path>, version: u32) -> Result<()> {
        Store::init(open_file(path.as_ref())?, version).map(drop)
    }

    fn init(mut conn: Connection, version: u32) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Defensive mode refuses writes that could corrupt the file (writable_schema,
        // direct page writes); an untrusted schema may not call functions with side
        // effects from views or triggers; and the store's own schema has no trigger, so
        // none a file brings runs on the library's writes.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
        // A file that arrives with its write-ahead log (another program's writes not yet
        // checkpointed) would have the log copied into it when a refused connection
        // closes: no checkpoint on close until the file is known to be a store.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        schema::migrate(&mut conn, version)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        // Only once the file is known to be a store, so that a foreign file is left as
        // it was. Answers the mode now in force: "wal", "memory" in memory, or the
        // rollback journal's where the file system cannot do WAL; writes stay atomic and
        // queue either way.
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let countries = Countries::load(&conn)?;
        Ok(Store {
            conn,
            countries,
            interrupt: None,
            default_source: None,
        })
    }

    /// Caps the database at `pages` pages (`PRAGMA max_page_count`, of this connection
    /// only) and answers the cap in force, which SQLite never sets below the pages in
    /// use: `1` sets it to the current size. For tests that fill the disk at every step
    /// of a write ([`Error::Full`]); `u32::MAX` lifts the cap.
    #[doc(hidden)]
    pub fn set_max_page_count(&self, pages: u32) -> Result<u32> {
        Ok(self
            .conn
            .pragma_update_and_check(None, "max_page_count", pages, |r| r.get(0))?)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Installs `check`, which long calls ask now and then (every few thousand SQLite
    /// steps, and between the series of a report) whether to stop; when it says yes,
    /// the call ends with [`Error::Interrupted`] and changes nothing. `None` removes it.
    /// The Python binding installs one that checks for Ctrl-C.
    ///
    /// ```
    /// use std::sync::Arc;
    ///
    /// let mut store = bilateral::Store::demo()?;
    /// store.set_interrupt_check(Some(Arc::new(|| true)))?;
    /// assert!(matches!(store.report("AZE", "KAZ"), Err(bilateral::Error::Interrupted)));
    /// store.set_interrupt_check(None)?;
    /// assert!(store.report("AZE", "KAZ").is_ok());
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn set_interrupt_check(&mut self, check: Option<InterruptCheck>) -> Result<()> {
        match &check {
            Some(check) => {
                let check = Arc::clone(check);
                self.conn
                    .progress_handler(STEPS_BETWEEN_CHECKS, Some(move || check()))?;
            }
            None => self.conn.progress_handler(0, None::<fn() -> bool>)?,
        }
        self.interrupt = check;
        Ok(())
    }

    /// Makes `source` the source of every figure added from now on without one (by
    /// [`Store::add`], [`Store::add_one`], [`Store::replace`], [`Store::add_many`] and
    /// [`Store::add_batch`]; imports name their own sources); `None` goes back to
    /// storing such figures without a source. The source must be stored already
    /// ([`Store::add_source`]), else a validation error of kind
    /// [`ErrorKind::UnknownSource`](crate::ErrorKind::UnknownSource) on
    /// [`field::SOURCE`](crate::error::field::SOURCE).
    ///
    /// ```
    /// use bilateral::{NewObservation, ObservationFilter, Source, Store};
    ///
    /// let mut store = Store::demo()?;
    /// store.add_source(&Source {
    ///     id: "stat-kz".into(),
    ///     title: "Bureau of National Statistics".into(),
    ///     publisher: None,
    ///     url: None,
    ///     published: None,
    /// })?;
    /// store.set_default_source(Some("stat-kz"))?;
    /// store.add(&NewObservation::builder("tourists", "KAZ", "AZE", "2025-H1", 40_000.0))?;
    /// let added = store.observations(&ObservationFilter::indicator("tourists").pair("KAZ", "AZE"))?;
    /// let h1 = added.iter().find(|o| o.period_text == "2025-H1").unwrap();
    /// assert_eq!(h1.source.as_deref(), Some("stat-kz"));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn set_default_source(&mut self, source: Option<&str>) -> Result<()> {
        if let Some(id) = source {
            if !self.sources()?.iter().any(|s| s.id == id) {
                return Err(Error::invalid_as(
                    crate::error::ErrorKind::UnknownSource,
                    crate::error::field::SOURCE,
                    id,
                    "is not a known source (add it with add_source)",
                ));
            }
        }
        self.default_source = source.map(str::to_owned);
        Ok(())
    }

    /// The source given to figures added without one, if set
    /// ([`Store::set_default_source`]).
    pub fn default_source(&self) -> Option<&str> {
        self.default_source.as_deref()
    }

    /// The interrupt check set by [`Store::set_interrupt_check`], for a call that asks
    /// it as it goes.
    pub(crate) fn interrupt_check(&self) -> Option<&InterruptCheck> {
        self.interrupt.as_ref()
    }

    /// [`Error::Interrupted`] when the interrupt check says to stop.
    pub(crate) fn check_interrupt(&self) -> Result<()> {
        match &self.interrupt {
            Some(check) if check() => Err(Error::Interrupted),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{field, ErrorKind};
    use crate::model::{NewObservation, Observation, Qualifier, Source, Status};

    fn source(id: &str) -> Source {
        Source {
            id: id.to_owned(),
            title: "Statistics".to_owned(),
            publisher: None,
            url: None,
            published: None,
        }
    }

    fn h1(store: &Store) -> Vec<crate::model::Observation> {
        let filter = ObservationFilter::indicator("tourists").pair("KAZ", "AZE");
        let mut rows = store.observations(&filter).unwrap();
        rows.retain(|o| o.period_text == "2025-H1");
        rows
    }

    #[test]
    fn a_figure_without_a_source_takes_the_default_and_one_naming_its_own_keeps_it() {
        let mut store = Store::demo().unwrap();
        store.add_source(&source("stat")).unwrap();
        store.set_default_source(Some("stat")).unwrap();
        assert_eq!(store.default_source(), Some("stat"));
        let figure = Observation::builder("tourists", "KAZ", "AZE", "2025-H1", 40_000.0)
            .qualifier(Qualifier::Approx)
            .status(Status::Provisional);
        store.add(&figure).unwrap();
        let own = figure
            .clone()
            .source("kazakhtourism")
            .status(Status::Estimate);
        store.add_many(&[own], OnDuplicate::Error).unwrap();
        let mut sources: Vec<_> = h1(&store)
            .iter()
            .map(|o| (o.source.clone().unwrap(), o.status, o.qualifier))
            .collect();
        sources.sort_by_key(|s| s.0.clone());
        assert_eq!(
            sources,
            [
                (
                    "kazakhtourism".to_owned(),
                    Status::Estimate,
                    Qualifier::Approx
                ),
                ("stat".to_owned(), Status::Provisional, Qualifier::Approx),
            ]
        );
        // "about 40,000": the last significant digit is the ten thousands, so
        // 40,000 ± 5,000.
        let stored = &h1(&store)[0];
        assert_eq!((stored.low, stored.high), (35_000.0, 45_000.0));
        // Unset, a figure without a source is stored without one.
        store.set_default_source(None).unwrap();
        store
            .add(&NewObservation::builder(
                "tourists", "KAZ", "AZE", "2025-H1", 40_000.0,
            ))
            .unwrap();
        assert!(h1(&store).iter().any(|o| o.source.is_none()));
    }

    /// Whether `T` is `Sync`, decided at compile time: the trait below has one
    /// implementation for every type and a second for `Sync` ones, so naming its
    /// function is ambiguous (a compile error) exactly when `T` is `Sync`.
    trait NotSync<A> {
        fn check() {}
    }
    impl<T: ?Sized> NotSync<()> for T {}
    #[allow(dead_code)]
    struct IsSync;
    impl<T: ?Sized + Sync> NotSync<IsSync> for T {}

    #[test]
    fn a_store_may_move_to_another_thread_but_is_not_shared_without_a_lock() {
        fn send<T: Send>() {}
        send::<Store>();
        send::<std::sync::Mutex<Store>>();
        fn sync<T: Sync>() {}
        sync::<std::sync::Mutex<Store>>();
        // Compiles only while `Store` is not `Sync`.
        <Store as NotSync<_>>::check();
    }

    #[test]
    fn an_unknown_default_source_is_refused_by_kind_and_field() {
        let mut store = Store::demo().unwrap();
        let error = store.set_default_source(Some("nobody")).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::UnknownSource);
        assert_eq!(error.validation().unwrap().field, field::SOURCE);
        assert_eq!(store.default_source(), None);
    }

    #[test]
    fn bad_figures_are_told_apart_by_kind_with_the_suggestion_as_data() {
        let mut store = Store::demo().unwrap();
        let cases = [
            // "Kazakstan" is one letter from "Kazakhstan".
            (
                NewObservation::builder("tourists", "Kazakstan", "AZE", "2024", 1.0),
                ErrorKind::UnknownCountry,
                field::ORIGIN,
                Some("KAZ"),
            ),
            (
                NewObservation::builder("tourists", "KAZ", "Narnia", "2024", 1.0),
                ErrorKind::UnknownCountry,
                field::DESTINATION,
                None,
            ),
            (
                NewObservation::builder("tourists", "KAZ", "Kazakhstan", "2024", 1.0),
                ErrorKind::SameCountry,
                field::DESTINATION,
                None,
            ),
            // "tourist" is one letter short of "tourists".
            (
                NewObservation::builder("tourist", "KAZ", "AZE", "2024", 1.0),
                ErrorKind::UnknownIndicator,
                field::INDICATOR,
                Some("tourists"),
            ),
            (
                NewObservation::builder("tourists", "KAZ", "AZE", "2024-H3", 1.0),
                ErrorKind::BadPeriod,
                field::PERIOD,
                None,
            ),
            (
                NewObservation::builder("tourists", "KAZ", "AZE", "2024", -1.0),
                ErrorKind::BadValue,
                field::VALUE,
                None,
            ),
            (
                NewObservation::builder("tourists", "KAZ", "AZE", "2024", 1.0).source("nobody"),
                ErrorKind::UnknownSource,
                field::SOURCE,
                None,
            ),
        ];
        for (figure, kind, field, suggestion) in cases {
            let error = store.add(&figure).unwrap_err();
            let invalid = error.validation().expect("a validation error");
            assert_eq!(
                (
                    invalid.kind,
                    invalid.field.as_str(),
                    invalid.suggestion.as_deref()
                ),
                (kind, field, suggestion),
                "{error}"
            );
        }
    }

    #[test]
    fn a_duplicate_is_of_kind_duplicate_and_its_message_names_the_rust_choice() {
        let mut store = Store::demo().unwrap();
        let figure = NewObservation::builder("tourists", "KAZ", "AZE", "2025-H1", 40_000.0);
        store.add(&figure).unwrap();
        let error = store.add(&figure).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Duplicate);
        let message = error.to_string();
        assert!(
            message.contains("OnDuplicate::Replace would replace it"),
            "{message}"
        );
        assert!(!message.contains("on_duplicate="), "{message}");
    }
}
