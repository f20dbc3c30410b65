//! The SQLite store: opening and migrating files, validated writes, typed reads.
//!
//! All SQL text of the crate lives in this folder; the layout itself is `schema.sql`.
//! `schema.rs` creates and migrates files, `countries.rs` finds countries and their
//! population, `write.rs` has the write calls (each one transaction), `insert.rs` checks
//! and inserts one record of each kind, `read.rs` queries, `dataset.rs` gives the whole
//! store as a dataset (which `files/` writes to a file), `sql.rs` says how the domain types are written to and
//! read from SQLite, and `watch.rs` has the progress reports and interrupt checks of
//! long writes.

mod claims;
mod countries;
mod dataset;
mod ingest;
mod insert;
mod layout;
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
pub use read::ObservationFilter;
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
pub struct Store {
    conn: Connection,
    countries: Countries,
    interrupt: Option<InterruptCheck>,
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
