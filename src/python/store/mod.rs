//! The native `bilateral._core.Store`: the crate's [`Store`] behind a lock, every call
//! made with the GIL released. It answers with native objects (tables as a native
//! `Table`, one-answer reports as native results, the report as a native `Report`);
//! `bilateral.Store` (Python) wraps it.
//!
//! This file holds the class and how a call reaches the store (the lock, Ctrl-C, a
//! child after `fork`); its methods are split by concern, one `#[pymethods]` block per
//! file (PyO3's `multiple-pymethods`), as polars splits its `PyDataFrame`:
//!
//! - [`open`]: the constructor, `close`, the schema version and counts;
//! - [`exchange`]: imports and exports, datasets and files;
//! - [`writes`]: `add`, `add_many` and the other writes;
//! - [`reads`]: observations and the listings;
//! - [`claims`]: claims and the checks of a text;
//! - [`analyses`]: one method per analysis, each taking a filter;
//! - [`reports`]: the report.

mod analyses;
mod claims;
mod exchange;
mod open;
mod reads;
mod reports;
mod writes;

use std::cell::RefCell;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use pyo3::prelude::*;

use super::convert::{text_of, Unread};
use super::errors::{forked_store, store_in_use, IntoPyResult};
use crate::error::Error;
use crate::store::{PairFilter, Store};

/// A store of bilateral observations in SQLite: in memory, or in the file at `path`.
#[pyclass(name = "Store", module = "bilateral._core", frozen)]
pub(crate) struct PyStore {
    inner: Mutex<Option<Store>>,
    path: Option<String>,
    raised_by_signal: RaisedBySignal,
    /// The process that opened the store. A child made by `fork` inherits the store's
    /// memory but neither its own connection (SQLite's file locks belong to the parent)
    /// nor the threads that may be inside a call, holding `inner`'s lock, at the fork.
    opened_by: u32,
}

/// How often a long call asks Python whether Ctrl-C was pressed: asking takes the GIL,
/// which another thread may hold for a while, so not on every check the store makes.
const CTRL_C_EVERY: Duration = Duration::from_millis(100);

/// The exception a signal handler raised during a call (KeyboardInterrupt for Ctrl-C),
/// kept until the call has stopped and can raise it.
type RaisedBySignal = Arc<Mutex<Option<PyErr>>>;

/// An interrupt check for the store that says stop once a Python signal handler raises
/// (Ctrl-C's raises KeyboardInterrupt); handlers run in `check_signals` on the main
/// thread, and elsewhere it is a no-op. The exception is kept in `raised`.
fn signal_check(raised: RaisedBySignal) -> crate::store::InterruptCheck {
    let last = Mutex::new(Instant::now());
    Arc::new(move || {
        let mut last = last.lock().unwrap_or_else(|p| p.into_inner());
        if last.elapsed() < CTRL_C_EVERY {
            return false;
        }
        *last = Instant::now();
        match Python::attach(|py| py.check_signals()) {
            Ok(()) => false,
            Err(error) => {
                *raised.lock().unwrap_or_else(|p| p.into_inner()) = Some(error);
                true
            }
        }
    })
}

thread_local! {
    /// The stores this thread is in a call of. A signal handler runs on the thread of
    /// the call it interrupts, while that call holds the store's lock; if it used the
    /// same store, it would wait for that lock forever.
    static IN_CALL: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// This thread's mark on a store for the length of one call.
struct InCall(usize);

impl InCall {
    /// Marks `store` as in a call of this thread; `None` if it already is.
    fn enter(store: &PyStore) -> Option<InCall> {
        let id = std::ptr::from_ref(store) as usize;
        IN_CALL.with(|calls| {
            let mut calls = calls.borrow_mut();
            if calls.contains(&id) {
                return None;
            }
            calls.push(id);
            Some(InCall(id))
        })
    }
}

impl Drop for InCall {
    fn drop(&mut self) {
        IN_CALL.with(|calls| calls.borrow_mut().retain(|&id| id != self.0));
    }
}

/// A period the call cannot do without: missing (None) is a validation error naming
/// `field`.
fn required_period(field: &str, value: &Bound<'_, PyAny>) -> Result<String, Unread> {
    text_of(field, None, value)?
        .ok_or_else(|| Unread::from(Error::invalid(field, "None", "is missing")))
}

/// The pair `check` and `check_claims` take as `origin` and `destination`, as the
/// [`PairFilter`] it is: either country on either side.
fn origin_destination(origin: Option<&str>, destination: Option<&str>) -> PairFilter {
    PairFilter {
        a: origin.map(str::to_owned),
        b: destination.map(str::to_owned),
    }
}

/// An error about [`origin_destination`]'s filter, its field `a` or `b` renamed to the
/// argument the country came from.
fn named_as_origin_destination(err: Error) -> Error {
    match err.validation().map(|v| v.field.as_str()) {
        Some(crate::error::field::A) => err.for_field(crate::error::field::ORIGIN),
        Some(crate::error::field::B) => err.for_field(crate::error::field::DESTINATION),
        _ => err,
    }
}

impl PyStore {
    /// Wraps an open store, which from now on stops long calls on Ctrl-C.
    pub(crate) fn new_open(
        py: Python<'_>,
        mut store: Store,
        path: Option<String>,
    ) -> PyResult<PyStore> {
        let raised_by_signal = RaisedBySignal::default();
        store
            .set_interrupt_check(Some(signal_check(Arc::clone(&raised_by_signal))))
            .py(py)?;
        Ok(PyStore {
            inner: Mutex::new(Some(store)),
            path,
            raised_by_signal,
            opened_by: std::process::id(),
        })
    }

    /// An error in a process other than the one that opened the store (a child after
    /// `fork`): checked before the lock is taken, which may be held for ever there.
    fn check_process(&self, py: Python<'_>) -> PyResult<()> {
        if std::process::id() == self.opened_by {
            Ok(())
        } else {
            Err(forked_store(py))
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Store>> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the open store with the GIL released; a closed store is
    /// [`Error::Closed`]. A call a signal handler stopped raises what the handler
    /// raised (KeyboardInterrupt for Ctrl-C).
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Store) -> crate::error::Result<T> + Send,
    ) -> PyResult<T> {
        self.check_process(py)?;
        let Some(_in_call) = InCall::enter(self) else {
            return Err(store_in_use(py));
        };
        let (result, raised) = py.detach(|| {
            let mut store = self.lock();
            let result = match store.as_mut() {
                Some(store) => f(store),
                None => Err(Error::Closed),
            };
            // Taken while the lock is held: what a handler raised during this call
            // belongs to this call, not to another thread's that ends meanwhile.
            let raised = self
                .raised_by_signal
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take();
            (result, raised)
        });
        match (result, raised) {
            (Err(Error::Interrupted), Some(raised)) => Err(raised),
            (Ok(done), _) => {
                // A Ctrl-C that came once the call could no longer stop (while a write
                // committed) would otherwise raise as soon as Python resumes, as if the
                // call had been stopped: it is raised here, saying the call finished.
                if let Err(late) = py.check_signals() {
                    let note = "bilateral: the call had already finished when the interrupt \
                                came; what it wrote is stored";
                    let _ = late.value(py).call_method1("add_note", (note,));
                    return Err(late);
                }
                Ok(done)
            }
            (result, _) => result.py(py),
        }
    }
}

/// In a child process after `fork`, the connection is left open and its memory leaked
/// on purpose: closing it would run SQLite's cleanup (a checkpoint, the WAL file's
/// removal, lock releases) on files the parent is still using.
impl Drop for PyStore {
    fn drop(&mut self) {
        if std::process::id() != self.opened_by {
            let inherited = self
                .inner
                .get_mut()
                .unwrap_or_else(|p| p.into_inner())
                .take();
            std::mem::forget(inherited);
        }
    }
}
