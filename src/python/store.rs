//! The native `bilateral._core.Store`: the crate's [`Store`] behind a lock, every call
//! made with the GIL released. It answers with plain data (tables as a dict of
//! columns, one-answer reports as dicts); `bilateral.Store` (Python) wraps it.
//!
//! Long because it has one method per store call, each a PyO3 signature and a line or
//! two of conversion; splitting it would scatter one class over several files.

use std::cell::RefCell;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use pyo3::exceptions::PyFileNotFoundError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::arguments::{count, flag, number, optional_flag, optional_text, optional_text_mapping};
use super::arguments::{float_arg, int_arg, optional_text_arg, path_arg, text_arg};
use super::arguments::{optional_texts, path, text, whole};
use super::convert::{
    let_ctrl_c_in, number_of, observation_from_mapping, required_number, series_query, text_of,
    Columns, Unread, PERIOD_TYPES,
};
use super::errors::{forked_store, store_in_use, to_py_err, IntoPyResult};
use super::files::{import_summary_dict, PyProgress};
use super::ingest::{batch_from_arrow, batch_from_columns};
use super::report::PyReport;
use super::results::{PyChange, PyRequiredGrowth, PyTargetProgress};
use super::table::PyTable;
use crate::analysis::{Basis, SeriesFilter, SeriesQuery};
use crate::error::Error;
use crate::files::{Format, ImportOptions};
use crate::model::{
    Indicator, Kind, NewClaim, NewEvent, NewObservation, ObservationBatch, ObservationTable,
    OnMissing, Product, Source, Status, Topic,
};
use crate::period::Period;
use crate::store::{LoadSummary, ObservationFilter, OnDuplicate, Store};

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

/// The series a filter of the Python calls matches: `None` leaves a field open (the
/// product too).
fn series_filter(
    py: Python<'_>,
    indicator: Option<&str>,
    origin: Option<&str>,
    destination: Option<&str>,
    product: Option<&str>,
    status: Option<&str>,
) -> PyResult<SeriesFilter> {
    Ok(SeriesFilter {
        indicator: indicator.map(str::to_owned),
        origin: origin.map(str::to_owned),
        destination: destination.map(str::to_owned),
        product: product.map(str::to_owned),
        status: status.map(Status::from_code).transpose().py(py)?,
    })
}

/// The one series a filter names when it gives every key (a product that is not
/// empty too); `None` when a key is left open, for a call over every series it matches.
fn one_series(filter: &SeriesFilter) -> Option<SeriesQuery> {
    let (Some(indicator), Some(origin), Some(destination), Some(product)) = (
        &filter.indicator,
        &filter.origin,
        &filter.destination,
        &filter.product,
    ) else {
        return None;
    };
    if product.is_empty() {
        return None;
    }
    let query = SeriesQuery::new(indicator, origin, destination).product(product);
    Some(match filter.status {
        Some(status) => query.status(status),
        None => query,
    })
}

/// The answer of an analysis that gives one series a result object and a filter over
/// many series a table.
#[derive(IntoPyObject)]
pub(crate) enum OneOrEvery<T> {
    /// The one series' result.
    One(T),
    /// Every series the filter matches.
    Every(PyTable),
}

/// A period argument that may be left out (`None`) in the signature but is needed: a
/// missing one is a validation error naming `field`.
fn given_period(field: &str, value: Option<&Bound<'_, PyAny>>) -> Result<String, Unread> {
    match value {
        Some(value) => required_period(field, value),
        None => Err(Unread::from(Error::invalid(field, "None", "is missing"))),
    }
}

/// A period the call cannot do without: missing (None) is a validation error naming
/// `field`.
fn required_period(field: &str, value: &Bound<'_, PyAny>) -> Result<String, Unread> {
    text_of(field, None, value)?
        .ok_or_else(|| Unread::from(Error::invalid(field, "None", "is missing")))
}

/// The filter of an export: indicator, origin, destination, product and status.
fn export_filter(
    [indicator, origin, destination, product, status]: [Option<&str>; 5],
) -> ObservationFilter {
    let owned = |text: Option<&str>| text.map(str::to_owned);
    ObservationFilter {
        indicator: owned(indicator),
        origin: owned(origin),
        destination: owned(destination),
        product: owned(product),
        status: owned(status),
    }
}

/// The report options from the Python call's arguments: periods as `add` reads them, a
/// count of products that is not negative.
fn report_options(
    include_implied: bool,
    since: Option<&Bound<'_, PyAny>>,
    until: Option<&Bound<'_, PyAny>>,
    top: i64,
    title: Option<&str>,
    topics: Option<Vec<String>>,
    digits: i64,
) -> Result<crate::report::ReportOptions, Unread> {
    let mut options = crate::report::ReportOptions::default().include_implied(include_implied);
    for (field, value) in [("since", since), ("until", until)] {
        let Some(text) = value
            .map(|v| text_of(field, None, v))
            .transpose()?
            .flatten()
        else {
            continue;
        };
        let period = Period::parse(&text).map_err(|e| e.for_field(field))?;
        options = if field == "since" {
            options.since(period)
        } else {
            options.until(period)
        };
    }
    let top =
        usize::try_from(top).map_err(|_| Error::invalid("top", top.to_string(), "is negative"))?;
    options = options.top(top);
    let digits = u32::try_from(digits)
        .map_err(|_| Error::invalid("digits", digits.to_string(), "is not between 1 and 4"))?;
    options = options.digits(digits);
    if let Some(title) = title {
        options = options.title(title);
    }
    if let Some(topics) = topics {
        options = options.topics(topics);
    }
    Ok(options)
}

/// What a write does with a duplicate: `on_duplicate`, or `replace=True`, its older
/// spelling (kept as an alias; together they must agree).
fn on_duplicate(on_duplicate: &str, replace: Option<bool>) -> crate::error::Result<OnDuplicate> {
    let chosen = OnDuplicate::from_code(on_duplicate)?;
    match (replace, chosen) {
        (None | Some(false), _) => Ok(chosen),
        (Some(true), OnDuplicate::Error | OnDuplicate::Replace) => Ok(OnDuplicate::Replace),
        (Some(true), _) => Err(Error::invalid(
            "replace",
            "True",
            format!("contradicts on_duplicate={on_duplicate:?} (replace=True is on_duplicate=\"replace\")"),
        )),
    }
}

/// What a load added, as a dict of counts.
fn summary_dict(py: Python<'_>, summary: LoadSummary) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);

    dict.set_item("sources", summary.sources)?;
    dict.set_item("indicators", summary.indicators)?;
    dict.set_item("observations", summary.observations)?;
    dict.set_item("events", summary.events)?;
    dict.set_item("claims", summary.claims)?;
    dict.set_item("topics", summary.topics)?;
    dict.set_item("products", summary.products)?;
    dict.set_item("populations", summary.populations)?;
    Ok(dict)
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

impl PyStore {
    /// Adds a batch read from Python, its values (and bounds) first multiplied by
    /// `scale`: the last step of every `add_many` path.
    fn add_scaled(
        &self,
        py: Python<'_>,
        mut batch: ObservationBatch,
        on_duplicate: OnDuplicate,
        scale: f64,
    ) -> PyResult<usize> {
        batch.scale(scale).py(py)?;
        self.with(py, move |s| s.add_batch(&batch, on_duplicate))
    }

    /// Runs an import with the GIL released, a Python `progress(stage, done, total)` told
    /// how far it has got; what that callable raised comes before the import's error.
    fn import<T: Send>(
        &self,
        py: Python<'_>,
        on_duplicate: &str,
        progress: Option<Py<PyAny>>,
        import: impl FnOnce(&mut Store, &ImportOptions) -> crate::error::Result<T> + Send,
    ) -> PyResult<T> {
        self.import_with(py, on_duplicate, "error", progress, import)
    }

    /// [`PyStore::import`], with `missing` ("error" or "skip") saying what to do with a
    /// row without a value.
    fn import_with<T: Send>(
        &self,
        py: Python<'_>,
        on_duplicate: &str,
        missing: &str,
        progress: Option<Py<PyAny>>,
        import: impl FnOnce(&mut Store, &ImportOptions) -> crate::error::Result<T> + Send,
    ) -> PyResult<T> {
        let chosen = OnDuplicate::from_code(on_duplicate).py(py)?;
        let missing = OnMissing::from_code(missing).py(py)?;
        let progress = PyProgress::new(progress);
        let result = self.with(py, |s| progress.run_with(chosen, missing, |o| import(s, o)));
        progress.raised().map_or(result, Err)
    }
}

#[pymethods]
impl PyStore {
    #[new]
    #[pyo3(signature = (path=None))]
    fn new(py: Python<'_>, path: Option<&Bound<'_, PyAny>>) -> PyResult<PyStore> {
        let path = path.map(|p| path_arg("path", p)).transpose()?;
        // SQLite creates the file but not its folder, and says only "unable to open".
        if let Some(folder) = path.as_deref().and_then(std::path::Path::parent) {
            if !folder.as_os_str().is_empty() && !folder.is_dir() {
                return Err(PyFileNotFoundError::new_err((
                    2,
                    "no such directory for the store",
                    folder.display().to_string(),
                )));
            }
        }
        let store = py
            .detach(|| match &path {
                Some(p) => Store::open(p),
                None => Store::in_memory(),
            })
            .py(py)?;
        PyStore::new_open(py, store, path.map(|p| p.display().to_string()))
    }

    /// The file the store is in, or None for a store in memory.
    #[getter]
    fn path(&self) -> Option<String> {
        self.path.clone()
    }

    /// The schema version of the database (`PRAGMA user_version`).
    #[getter]
    fn schema_version(&self, py: Python<'_>) -> PyResult<u32> {
        self.with(py, |s| s.schema_version())
    }

    /// Closes the store; later calls raise ClosedError. Closing twice is harmless. In a
    /// child process after `fork` it does nothing: the connection is the parent's.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        if self.check_process(py).is_err() {
            return Ok(());
        }
        let Some(_in_call) = InCall::enter(self) else {
            return Err(store_in_use(py));
        };
        py.detach(|| {
            self.lock().take();
        });
        Ok(())
    }

    /// Caps the store at `pages` pages and answers the cap in force, which is never below
    /// the pages in use: `1` gives the store's size, `2**32 - 1` lifts the cap. A private
    /// hook for the tests of a full disk (`Store::set_max_page_count`), not part of the API.
    fn _set_max_page_count(&self, py: Python<'_>, pages: u32) -> PyResult<u32> {
        self.with(py, move |s| s.set_max_page_count(pages))
    }

    /// How many observations the store holds.
    fn observation_count(&self, py: Python<'_>) -> PyResult<usize> {
        self.with(py, |s| s.observation_count())
    }

    /// Loads a built-in dataset all or nothing: counts of what it added.
    fn load_dataset<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = text::name)] name: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let name = name.to_owned();
        let summary = self.with(py, move |s| s.load_dataset(&name))?;
        summary_dict(py, summary)
    }

    /// Loads the dataset file at `path` all or nothing: counts of what it added.
    fn load<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
    ) -> PyResult<Bound<'py, PyDict>> {
        let summary = self.with(py, move |s| s.load_file(&path))?;
        summary_dict(py, summary)
    }

    /// Writes the whole store to the dataset file at `path`: counts of what it wrote.
    fn export_json<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
    ) -> PyResult<Bound<'py, PyDict>> {
        let summary = self.with(py, move |s| s.export_json(&path))?;
        summary_dict(py, summary)
    }

    /// Loads the dataset file of a draft (`Draft.to_json`) at `path` all or nothing,
    /// adding the indicators it names that the store lacks: counts of what it added.
    #[pyo3(signature = (path, *, on_duplicate="error"))]
    fn load_draft<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let on_duplicate = OnDuplicate::from_code(on_duplicate);
        let summary = self.with(py, move |s| {
            s.load_draft(crate::model::Dataset::from_path(&path)?, on_duplicate?)
        })?;
        summary_dict(py, summary)
    }

    /// Loads a file `export_json` wrote (any dataset file) all or nothing: counts of
    /// what it added. `on_duplicate` and `progress` as for `import_csv`.
    #[pyo3(signature = (path, *, on_duplicate="error", progress=None))]
    fn import_json<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let summary = self.import(py, on_duplicate, progress, |s, o| {
            s.import_json_with(&path, o)
        })?;
        summary_dict(py, summary)
    }

    /// Writes the observations that match the filters to the CSV file at `path`; returns
    /// how many it wrote.
    #[pyo3(signature = (path, indicator=None, origin=None, destination=None, product=None, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn export_csv(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
        #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
        #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<usize> {
        let filter = export_filter([indicator, origin, destination, product, status]);
        self.with(py, move |s| s.export_csv(&path, &filter))
    }

    /// Writes the observations that match the filters to the folder `path` as Parquet,
    /// one hive-style partition per indicator; returns how many it wrote.
    #[pyo3(signature = (path, indicator=None, origin=None, destination=None, product=None, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn export_parquet(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
        #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
        #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<usize> {
        let filter = export_filter([indicator, origin, destination, product, status]);
        self.with(py, move |s| s.export_parquet(&path, &filter))
    }

    /// Adds the observations of the CSV file at `path` all or nothing; `progress(stage,
    /// done, total)` is told how far it has got; `missing="skip"` passes over rows
    /// without a value. A dict of what it read and wrote.
    #[pyo3(signature = (path, *, on_duplicate="error", missing="error", progress=None))]
    fn import_csv<'py>(
        &self,
        py: Python<'py>,
        path: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = text::missing)] missing: &str,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let path = path_arg("path", path)?;
        let summary = self.import_with(py, on_duplicate, missing, progress, |s, o| {
            s.import_csv(&path, o)
        })?;
        import_summary_dict(py, &summary)
    }

    /// Adds the observations of the SDMX-CSV file at `path` all or nothing, SDMX codes
    /// mapped to indicators through `mapping` (`{"CODE": "indicator"}` or
    /// `"indicator:origin"`, added to the IMF's exports and imports), as `import_csv`
    /// (`missing="skip"` passes over rows whose value is a mark of a missing one).
    #[pyo3(signature = (path, mapping=None, *, on_duplicate="error", missing="error", progress=None))]
    fn import_sdmx_csv<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
        #[pyo3(from_py_with = optional_text_mapping::mapping)] mapping: Option<
            std::collections::BTreeMap<String, String>,
        >,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = text::missing)] missing: &str,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let mapping =
            crate::files::sdmx::SdmxMapping::from_texts(&mapping.unwrap_or_default()).py(py)?;
        let summary = self.import_with(py, on_duplicate, missing, progress, |s, o| {
            s.import_sdmx_csv(&path, &mapping, o)
        })?;
        import_summary_dict(py, &summary)
    }

    /// Adds the trade figures of a UN Comtrade CSV file all or nothing, as `import_csv`.
    #[pyo3(signature = (path, *, on_duplicate="error", progress=None))]
    fn import_comtrade_csv<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let summary = self.import(py, on_duplicate, progress, |s, o| {
            s.import_comtrade_csv(&path, o)
        })?;
        import_summary_dict(py, &summary)
    }

    /// Imports the file at `path` in `format` (`None`: guessed from its beginning) all
    /// or nothing, as `import_csv` (`missing` is for the library's own CSV and marks in
    /// an SDMX file's `OBS_VALUE`).
    #[pyo3(signature = (path, format=None, *, on_duplicate="error", missing="error", progress=None))]
    fn import_file<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
        #[pyo3(from_py_with = optional_text::format)] format: Option<&str>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = text::missing)] missing: &str,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let format = format.map(Format::from_code).transpose().py(py)?;
        let summary = self.import_with(py, on_duplicate, missing, progress, |s, o| {
            s.import_file(&path, format, o)
        })?;
        import_summary_dict(py, &summary)
    }

    /// Adds one observation (`on_duplicate` "error", "skip" or "replace" says what to do
    /// with one of the same identity; `replace=True` is "replace"; `scale` multiplies the
    /// figures).
    // Text arguments are read by `text_arg`, which names them in its errors; the three
    // with defaults are Options underneath, so the signature Python sees is written out.
    #[pyo3(signature = (indicator, origin, destination, period, value, *, qualifier=None,
        status=None, product=None, source=None, quote=None, low=None, high=None,
        precision=None, note=None, unit=None, on_duplicate="error", replace=None, scale=None),
        text_signature = "(self, indicator, origin, destination, period, value, *, \
        qualifier='exact', status='actual', product='total', source=None, quote=None, \
        low=None, high=None, precision=None, note=None, unit=None, on_duplicate='error', \
        replace=None, scale=1.0)")]
    #[allow(clippy::too_many_arguments)]
    fn add(
        &self,
        py: Python<'_>,
        indicator: &Bound<'_, PyAny>,
        origin: &Bound<'_, PyAny>,
        destination: &Bound<'_, PyAny>,
        period: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
        qualifier: Option<&Bound<'_, PyAny>>,
        status: Option<&Bound<'_, PyAny>>,
        product: Option<&Bound<'_, PyAny>>,
        source: Option<&Bound<'_, PyAny>>,
        quote: Option<&Bound<'_, PyAny>>,
        low: Option<&Bound<'_, PyAny>>,
        high: Option<&Bound<'_, PyAny>>,
        precision: Option<&Bound<'_, PyAny>>,
        note: Option<&Bound<'_, PyAny>>,
        unit: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = optional_flag::replace)] replace: Option<bool>,
        scale: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let text = |name: &str, value: &Bound<'_, PyAny>| text_arg(name, value);
        let (indicator, origin, destination) = (
            text("indicator", indicator)?,
            text("origin", origin)?,
            text("destination", destination)?,
        );
        let or = |name: &str, value: Option<&Bound<'_, PyAny>>, default: &str| {
            optional_text_arg(name, value).map(|t| t.unwrap_or_else(|| default.to_owned()))
        };
        let qualifier = or("qualifier", qualifier, "exact")?;
        let status = or("status", status, "actual")?;
        let product = or("product", product, "total")?;
        let (qualifier, status, product) = (qualifier.as_str(), status.as_str(), product.as_str());
        let source = optional_text_arg("source", source)?;
        let quote = optional_text_arg("quote", quote)?;
        let note = optional_text_arg("note", note)?;
        let unit = optional_text_arg("unit", unit)?;
        let scale = scale.map_or(Ok(1.0), |s| float_arg("scale", s))?;
        let optional_number = |name: &str, v: Option<&Bound<'_, PyAny>>| match v {
            Some(v) => number_of(name, None, v),
            None => Ok(None),
        };
        let chosen = self::on_duplicate(on_duplicate, replace).py(py)?;
        // None is not a period (a TypeError); NaN or pandas' NaT is one that is missing.
        if period.is_none() {
            let error = Unread::wrong_type("period", None, period, PERIOD_TYPES, "is missing");
            return Err(error.into_py_err(py));
        }
        let record = (|| -> Result<NewObservation, Unread> {
            let mut record = NewObservation {
                indicator,
                origin,
                destination,
                product: Some(product.to_owned()),
                product_name: None,
                period: required_period("period", period)?,
                value: required_number("value", value)?,
                qualifier: Some(qualifier.to_owned()),
                status: Some(status.to_owned()),
                source,
                quote,
                low: optional_number("low", low)?,
                high: optional_number("high", high)?,
                precision: optional_number("precision", precision)?,
                note,
                unit,
            };
            record.scale(scale)?;
            Ok(record)
        })()
        .py(py)?;
        self.with(py, move |s| s.add_one(&record, chosen).map(drop))
    }

    /// Adds many observations (an iterable of mappings) all or nothing; returns the
    /// number added (`missing="skip"` passes over records without a value).
    #[pyo3(signature = (records, *, on_duplicate="error", replace=None, scale=1.0, missing="error"))]
    fn add_many(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = optional_flag::replace)] replace: Option<bool>,
        #[pyo3(from_py_with = number::scale)] scale: f64,
        #[pyo3(from_py_with = text::missing)] missing: &str,
    ) -> PyResult<usize> {
        let chosen = self::on_duplicate(on_duplicate, replace).py(py)?;
        let on_missing = OnMissing::from_code(missing).py(py)?;
        let mut batch = ObservationBatch {
            on_missing,
            ..ObservationBatch::default()
        };
        for (index, item) in records.try_iter()?.enumerate() {
            let_ctrl_c_in(py, index)?;
            match observation_from_mapping(&item?, index, on_missing).py(py)? {
                Some(record) => batch.push(&record),
                None => batch.push_without_value(),
            }
        }
        self.add_scaled(py, batch, chosen, scale)
    }

    /// Adds many observations given as columns (`name → list`, one value per row) all
    /// or nothing; returns the number added.
    #[pyo3(signature = (columns, *, on_duplicate="error", replace=None, scale=1.0, missing="error"))]
    fn add_columns(
        &self,
        py: Python<'_>,
        columns: &Bound<'_, PyDict>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = optional_flag::replace)] replace: Option<bool>,
        #[pyo3(from_py_with = number::scale)] scale: f64,
        #[pyo3(from_py_with = text::missing)] missing: &str,
    ) -> PyResult<usize> {
        let chosen = self::on_duplicate(on_duplicate, replace).py(py)?;
        let on_missing = OnMissing::from_code(missing).py(py)?;
        let batch = batch_from_columns(py, columns, on_missing)?;
        self.add_scaled(py, batch, chosen, scale)
    }

    /// Adds many observations from an object with `__arrow_c_stream__` (pyarrow,
    /// polars, DuckDB …) all or nothing; returns the number added.
    #[pyo3(signature = (data, *, on_duplicate="error", replace=None, scale=1.0, missing="error"))]
    fn add_arrow(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = optional_flag::replace)] replace: Option<bool>,
        #[pyo3(from_py_with = number::scale)] scale: f64,
        #[pyo3(from_py_with = text::missing)] missing: &str,
    ) -> PyResult<usize> {
        let chosen = self::on_duplicate(on_duplicate, replace).py(py)?;
        let on_missing = OnMissing::from_code(missing).py(py)?;
        let batch = batch_from_arrow(py, data, on_missing)?;
        self.add_scaled(py, batch, chosen, scale)
    }

    /// Adds an indicator; False when an identical one was already stored. Without a
    /// topic, the one its code and name suggest.
    #[pyo3(signature = (code, name, unit, kind, *, directed, signed=false, description=None, topic=None, phrase=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_indicator(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::code)] code: &str,
        #[pyo3(from_py_with = text::name)] name: &str,
        #[pyo3(from_py_with = text::unit)] unit: &str,
        #[pyo3(from_py_with = text::kind)] kind: &str,
        #[pyo3(from_py_with = flag::directed)] directed: bool,
        #[pyo3(from_py_with = flag::signed)] signed: bool,
        #[pyo3(from_py_with = optional_text::description)] description: Option<&str>,
        #[pyo3(from_py_with = optional_text::topic)] topic: Option<&str>,
        #[pyo3(from_py_with = optional_text::phrase)] phrase: Option<&str>,
    ) -> PyResult<bool> {
        let topic = match topic {
            Some(code) => Topic::new(code).py(py)?,
            None => Topic::infer(code, name),
        };
        let indicator = Indicator {
            code: code.to_owned(),
            name: name.to_owned(),
            unit: unit.to_owned(),
            kind: Kind::from_code(kind).py(py)?,
            directed,
            signed,
            description: description.map(str::to_owned),
            topic,
            phrase: phrase.map(str::to_owned),
        };
        self.with(py, move |s| s.add_indicator(&indicator))
    }

    /// Names a product (with the classification of its code, when given); False when
    /// it already had that name.
    #[pyo3(signature = (code, name, *, classification=None))]
    fn add_product(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::code)] code: &str,
        #[pyo3(from_py_with = text::name)] name: &str,
        #[pyo3(from_py_with = optional_text::classification)] classification: Option<&str>,
    ) -> PyResult<bool> {
        let product = Product {
            code: code.to_owned(),
            name: Some(name.to_owned()),
            classification: classification.map(str::to_owned),
        };
        self.with(py, move |s| s.add_one_product(&product))
    }

    /// Products as columns: code, name, classification.
    fn products<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.with(py, |s| s.products())?;
        let r = rows.iter();
        Ok(Columns::new(py)
            .add("code", r.clone().map(|p| &p.code))?
            .add("name", r.clone().map(|p| &p.name))?
            .add("classification", r.map(|p| &p.classification))?
            .into_dict())
    }

    /// Adds a source; False when an identical one was already stored.
    #[pyo3(signature = (id, title, *, publisher=None, url=None, published=None))]
    fn add_source(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::id)] id: &str,
        #[pyo3(from_py_with = text::title)] title: &str,
        #[pyo3(from_py_with = optional_text::publisher)] publisher: Option<&str>,
        #[pyo3(from_py_with = optional_text::url)] url: Option<&str>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        let published = match published {
            Some(p) => text_of("published", None, p)
                .py(py)?
                .as_deref()
                .map(Period::parse)
                .transpose()
                .map_err(|e| e.for_field("published"))
                .py(py)?,
            None => None,
        };
        let source = Source {
            id: id.to_owned(),
            title: title.to_owned(),
            publisher: publisher.map(str::to_owned),
            url: url.map(str::to_owned),
            published,
        };
        self.with(py, move |s| s.add_source(&source))
    }

    /// Adds a dated event between countries `a` and `b`.
    #[pyo3(signature = (date, a, b, kind, title, *, place=None, source=None, quote=None, note=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_event(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::a)] a: &str,
        #[pyo3(from_py_with = text::b)] b: &str,
        #[pyo3(from_py_with = text::kind)] kind: &str,
        #[pyo3(from_py_with = text::title)] title: &str,
        #[pyo3(from_py_with = optional_text::place)] place: Option<&str>,
        #[pyo3(from_py_with = optional_text::source)] source: Option<&str>,
        #[pyo3(from_py_with = optional_text::quote)] quote: Option<&str>,
        #[pyo3(from_py_with = optional_text::note)] note: Option<&str>,
    ) -> PyResult<()> {
        let event = NewEvent {
            date: text_of("date", None, date).py(py)?.unwrap_or_default(),
            a: a.to_owned(),
            b: b.to_owned(),
            kind: kind.to_owned(),
            title: title.to_owned(),
            place: place.map(str::to_owned),
            source: source.map(str::to_owned),
            quote: quote.map(str::to_owned),
            note: note.map(str::to_owned),
        };
        self.with(py, move |s| s.add_event(&event))
    }

    /// Sets the population of `country` in `year`.
    #[pyo3(signature = (country, year, value, source=None))]
    fn set_population(
        &self,
        py: Python<'_>,
        country: &Bound<'_, PyAny>,
        year: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
        source: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let country = text_arg("country", country)?;
        let year: i32 = int_arg("year", year)?;
        let source = optional_text_arg("source", source)?;
        let value = required_number("value", value).py(py)?;
        self.with(py, move |s| {
            s.set_population(&country, year, value, source.as_deref())
        })
    }

    /// `(year, people)` for `country` in `year` or the latest earlier year, or None.
    fn population(
        &self,
        py: Python<'_>,
        country: &Bound<'_, PyAny>,
        year: &Bound<'_, PyAny>,
    ) -> PyResult<Option<(i32, i64)>> {
        let country = text_arg("country", country)?;
        let year: i32 = int_arg("year", year)?;
        self.with(py, move |s| s.population(&country, year))
    }

    /// The country named by `text`, as a dict.
    fn country<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let text = text_arg("text", text)?;
        let c = self.with(py, move |s| s.country(&text))?;
        let dict = PyDict::new(py);
        dict.set_item("alpha3", c.alpha3)?;
        dict.set_item("alpha2", c.alpha2)?;
        dict.set_item("name", c.name)?;
        dict.set_item("official_name", c.official_name)?;
        dict.set_item("common_name", c.common_name)?;
        Ok(dict)
    }

    /// Observations as a native `Table`.
    #[pyo3(signature = (indicator=None, origin=None, destination=None, product=None, status=None))]
    fn observations(
        &self,
        py: Python<'_>,
        indicator: Option<&Bound<'_, PyAny>>,
        origin: Option<&Bound<'_, PyAny>>,
        destination: Option<&Bound<'_, PyAny>>,
        product: Option<&Bound<'_, PyAny>>,
        status: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTable> {
        let filter = ObservationFilter {
            indicator: optional_text_arg("indicator", indicator)?,
            origin: optional_text_arg("origin", origin)?,
            destination: optional_text_arg("destination", destination)?,
            product: optional_text_arg("product", product)?,
            status: optional_text_arg("status", status)?,
        };
        let columns = self.with(py, move |s| {
            Ok(crate::columns::Columns::of_observations(
                &s.observation_table(&filter)?,
            ))
        })?;
        Ok(PyTable::new(columns))
    }

    /// Indicators as columns.
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.with(py, |s| s.indicators())?;
        let r = rows.iter();
        Ok(Columns::new(py)
            .add("code", r.clone().map(|i| &i.code))?
            .add("name", r.clone().map(|i| &i.name))?
            .add("unit", r.clone().map(|i| &i.unit))?
            .add("kind", r.clone().map(|i| i.kind.code()))?
            .add("directed", r.clone().map(|i| i.directed))?
            .add("signed", r.clone().map(|i| i.signed))?
            .add("description", r.clone().map(|i| &i.description))?
            .add("topic", r.clone().map(|i| i.topic.code()))?
            .add("phrase", r.map(|i| &i.phrase))?
            .into_dict())
    }

    /// Adds a report topic with its section title; False when it was already stored
    /// with that title.
    fn add_topic(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::code)] code: &str,
        #[pyo3(from_py_with = text::title)] title: &str,
    ) -> PyResult<bool> {
        let topic = Topic::new(code).map_err(|e| e.for_field("code")).py(py)?;
        self.with(py, move |s| s.add_topic(&topic, title))
    }

    /// The report topics in section order, as columns: code, title.
    fn topics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.with(py, |s| s.topics())?;
        let r = rows.iter();
        Ok(Columns::new(py)
            .add("code", r.clone().map(|t| t.topic.code()))?
            .add("title", r.map(|t| &t.title))?
            .into_dict())
    }

    /// Sources as columns.
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.with(py, |s| s.sources())?;
        let r = rows.iter();
        Ok(Columns::new(py)
            .add("id", r.clone().map(|s| &s.id))?
            .add("title", r.clone().map(|s| &s.title))?
            .add("publisher", r.clone().map(|s| &s.publisher))?
            .add("url", r.clone().map(|s| &s.url))?
            .add("published", r.map(|s| s.published.map(|p| p.to_string())))?
            .into_dict())
    }

    /// Events in date order as columns; `start` and `end` are ISO dates.
    #[pyo3(signature = (a=None, b=None))]
    fn events<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = optional_text::a)] a: Option<&str>,
        #[pyo3(from_py_with = optional_text::b)] b: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let pair = match (a, b) {
            (Some(a), Some(b)) => Some((a.to_owned(), b.to_owned())),
            (None, None) => None,
            (a, b) => {
                let given = a.or(b).unwrap_or_default();
                return Err(to_py_err(
                    py,
                    Error::invalid(
                        "b",
                        given,
                        "events need both countries of a pair, or neither",
                    ),
                ));
            }
        };
        let rows = self.with(py, move |s| {
            s.events(pair.as_ref().map(|(a, b)| (a.as_str(), b.as_str())))
        })?;
        let r = rows.iter();
        Ok(Columns::new(py)
            .add("date", r.clone().map(|e| e.date.to_string()))?
            .add("start", r.clone().map(|e| e.date.start().to_string()))?
            .add("end", r.clone().map(|e| e.date.end().to_string()))?
            .add("a", r.clone().map(|e| &e.a))?
            .add("b", r.clone().map(|e| &e.b))?
            .add("kind", r.clone().map(|e| &e.kind))?
            .add("title", r.clone().map(|e| &e.title))?
            .add("place", r.clone().map(|e| &e.place))?
            .add("source", r.clone().map(|e| &e.source))?
            .add("quote", r.clone().map(|e| &e.quote))?
            .add("note", r.map(|e| &e.note))?
            .into_dict())
    }

    /// The findings of the consistency checks as columns, errors first; with
    /// `origin` and/or `destination`, only pairs with those countries, either way round.
    #[pyo3(signature = (origin=None, destination=None))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.with(py, move |s| s.check(origin, destination))?;
        let r = rows.iter();
        Ok(Columns::new(py)
            .add("severity", r.clone().map(|f| f.severity.code()))?
            .add("check", r.clone().map(|f| f.check.code()))?
            .add("indicator", r.clone().map(|f| &f.indicator))?
            .add("origin", r.clone().map(|f| &f.origin))?
            .add("destination", r.clone().map(|f| &f.destination))?
            .add("product", r.clone().map(|f| &f.product))?
            .add("periods", r.clone().map(|f| f.periods_text()))?
            .add("figures", r.clone().map(|f| &f.figures))?
            .add("explanation", r.map(|f| &f.explanation))?
            .into_dict())
    }

    /// Adds a claim (`relation` a relation code or the claim's words); False when an
    /// identical one was already stored.
    #[pyo3(signature = (text, indicator, origin, destination, period, relation, *, value=None,
        reference=None, qualifier=None, product="total", source=None, quote=None, note=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_claim(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::text)] text: &str,
        #[pyo3(from_py_with = text::indicator)] indicator: &str,
        #[pyo3(from_py_with = text::origin)] origin: &str,
        #[pyo3(from_py_with = text::destination)] destination: &str,
        period: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::relation)] relation: &str,
        value: Option<&Bound<'_, PyAny>>,
        reference: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = optional_text::qualifier)] qualifier: Option<&str>,
        #[pyo3(from_py_with = text::product)] product: &str,
        #[pyo3(from_py_with = optional_text::source)] source: Option<&str>,
        #[pyo3(from_py_with = optional_text::quote)] quote: Option<&str>,
        #[pyo3(from_py_with = optional_text::note)] note: Option<&str>,
    ) -> PyResult<bool> {
        let claim = (|| -> Result<NewClaim, Unread> {
            Ok(NewClaim {
                text: text.to_owned(),
                indicator: indicator.to_owned(),
                origin: origin.to_owned(),
                destination: destination.to_owned(),
                period: required_period("period", period)?,
                relation: relation.to_owned(),
                value: value
                    .map(|v| number_of("value", None, v))
                    .transpose()?
                    .flatten(),
                reference: reference
                    .map(|r| text_of("reference", None, r))
                    .transpose()?
                    .flatten(),
                qualifier: qualifier.map(str::to_owned),
                product: Some(product.to_owned()),
                source: source.map(str::to_owned),
                quote: quote.map(str::to_owned),
                note: note.map(str::to_owned),
            })
        })()
        .py(py)?;
        self.with(py, move |s| s.add_claim(&claim))
    }

    /// Claims as columns: with `a` and `b`, those between the two (either way round);
    /// with one, those it is in. `low` and `high` are the interval the claim's number allows.
    #[pyo3(signature = (a=None, b=None))]
    fn claims<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = optional_text::a)] a: Option<&str>,
        #[pyo3(from_py_with = optional_text::b)] b: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.with(py, move |s| s.claims(a, b))?;
        let r = rows.iter();
        Ok(Columns::new(py)
            .add("text", r.clone().map(|c| &c.text))?
            .add("indicator", r.clone().map(|c| &c.indicator))?
            .add("origin", r.clone().map(|c| &c.origin))?
            .add("destination", r.clone().map(|c| &c.destination))?
            .add("product", r.clone().map(|c| &c.product))?
            .add("period", r.clone().map(|c| c.period.to_string()))?
            .add("reference", r.clone().map(|c| c.reference.code()))?
            .add("relation", r.clone().map(|c| c.relation.code()))?
            .add("value", r.clone().map(|c| c.value))?
            .add("qualifier", r.clone().map(|c| c.qualifier.code()))?
            .add("low", r.clone().map(|c| c.allowed.map(|a| a.low)))?
            .add("high", r.clone().map(|c| c.allowed.map(|a| a.high)))?
            .add("source", r.clone().map(|c| &c.source))?
            .add("quote", r.clone().map(|c| &c.quote))?
            .add("note", r.map(|c| &c.note))?
            .into_dict())
    }

    /// Reads `text` and checks every figure and claim it finds against the stored
    /// figures: one dict per check (`item`, `verdict`, `explanation`, `figures`).
    #[pyo3(signature = (text, *, pair=None, published=None))]
    fn check_text<'py>(
        &self,
        py: Python<'py>,
        text: String,
        pair: Option<(String, String)>,
        published: Option<String>,
    ) -> PyResult<Bound<'py, PyList>> {
        let options = super::reader::options(py, pair, None, published)?;
        let checks = self.with(py, move |s| s.check_text(&text, &options))?;
        super::reader::checks_to_py(py, &checks)
    }

    /// The claims `claims` lists for `origin` and `destination`, checked against the
    /// figures, as columns.
    #[pyo3(signature = (origin=None, destination=None))]
    fn check_claims<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let rows = self.with(py, move |s| s.check_claims(origin, destination))?;
        let r = rows.iter();
        let implied = rows.iter().map(|c| c.implied.as_ref());
        Ok(Columns::new(py)
            .add("text", r.clone().map(|c| &c.claim.text))?
            .add("indicator", r.clone().map(|c| &c.claim.indicator))?
            .add("period", r.clone().map(|c| c.claim.period.to_string()))?
            .add("reference", r.clone().map(|c| c.claim.reference.code()))?
            .add("relation", r.clone().map(|c| c.claim.relation.code()))?
            .add("verdict", r.clone().map(|c| c.verdict.code()))?
            .add("computed", r.clone().map(|c| c.computed))?
            .add("computed_low", r.clone().map(|c| c.computed_low))?
            .add("computed_high", r.clone().map(|c| c.computed_high))?
            .add(
                "implied_low",
                implied.clone().map(|i| i.and_then(|i| i.low)),
            )?
            .add(
                "implied_high",
                implied.clone().map(|i| i.and_then(|i| i.high)),
            )?
            .add("explanation", r.clone().map(|c| &c.explanation))?
            .add("origin", r.clone().map(|c| &c.claim.origin))?
            .add("destination", r.clone().map(|c| &c.claim.destination))?
            .add("product", r.clone().map(|c| &c.claim.product))?
            .add(
                "implied_period",
                implied.map(|i| i.map(|i| i.period.to_string())),
            )?
            .add("points_against", r.map(|c| c.points_against))?
            .into_dict())
    }

    /// What the stored claims imply about a figure the store lacks: estimate rows as a
    /// native `Table` in the columns of `observations`.
    fn implied(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::indicator)] indicator: &str,
        #[pyo3(from_py_with = text::origin)] origin: &str,
        #[pyo3(from_py_with = text::destination)] destination: &str,
        period: &Bound<'_, PyAny>,
    ) -> PyResult<PyTable> {
        let period = required_period("period", period).py(py)?;
        let columns = self.with(py, move |s| {
            let rows = s.implied(indicator, origin, destination, &period)?;
            let table = ObservationTable::from_observations(&rows, &[s.indicator(indicator)?])?;
            Ok(crate::columns::Columns::of_observations(&table))
        })?;
        Ok(PyTable::new(columns))
    }

    // ----- analyses: one method each, taking a filter; every key given is one series ---------

    /// Year-on-year growth as a native `Table`: of the one series the filter names when
    /// it gives every key (indicator, origin, destination, product), else of every
    /// series it matches (`None` leaves a field open, for the product too), the
    /// series' keys and unit first.
    #[pyo3(signature = (indicator=None, origin=None, destination=None, product=Some("total"), *, status=None),
        text_signature = "(self, indicator=None, origin=None, destination=None, product='total', *, status=None)")]
    fn growth(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
        #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<PyTable> {
        let filter = series_filter(py, indicator, origin, destination, product, status)?;
        let columns = self.with(py, move |s| match one_series(&filter) {
            Some(query) => Ok(crate::columns::Columns::of_growth_rows(&s.growth(&query)?)),
            None => {
                let (table, rows) = s.growth_table(&filter)?;
                Ok(crate::columns::Columns::of_growth(&table, &rows))
            }
        })?;
        Ok(PyTable::new(columns))
    }

    /// How a series moved from period `start` to period `end`: a native `Change` for
    /// the one series a filter with every key names, else a native `Table` of every
    /// series it matches (the series' keys and unit, then the change columns).
    #[pyo3(signature = (indicator=None, origin=None, destination=None, start=None, end=None, product=Some("total"), *, status=None),
        text_signature = "(self, indicator=None, origin=None, destination=None, start=None, end=None, product='total', *, status=None)")]
    #[allow(clippy::too_many_arguments)]
    fn change(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
        start: Option<&Bound<'_, PyAny>>,
        end: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<OneOrEvery<PyChange>> {
        let filter = series_filter(py, indicator, origin, destination, product, status)?;
        let start = given_period("start", start).py(py)?;
        let end = given_period("end", end).py(py)?;
        Ok(match one_series(&filter) {
            Some(query) => {
                let change = self.with(py, move |s| s.change(&query, &start, &end))?;
                OneOrEvery::One(PyChange::from(change))
            }
            None => {
                let rows = self.with(py, move |s| s.change_of_every(&filter, &start, &end))?;
                OneOrEvery::Every(PyTable::new(crate::columns::Columns::of_changes(&rows)))
            }
        })
    }

    /// Shares of a whole as a native `Table`: of one pair when the filter gives
    /// indicator, origin and destination (the period, product and share columns), else
    /// of every pair it matches (`None` leaves a field open), indicator, origin and
    /// destination first.
    #[pyo3(signature = (indicator=None, origin=None, destination=None, of=None, of_product="total", period=None, *, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn shares(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
        #[pyo3(from_py_with = optional_text::of)] of: Option<&str>,
        #[pyo3(from_py_with = text::of_product)] of_product: &str,
        period: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<PyTable> {
        let filter = series_filter(py, indicator, origin, destination, None, status)?;
        let period = match period {
            Some(p) => text_of("period", None, p).py(py)?,
            None => None,
        };
        // The parts are every product of the pair: the query's product is not read.
        let one = one_series(&SeriesFilter {
            product: Some("total".to_owned()),
            ..filter.clone()
        });
        let columns = self.with(py, move |s| match one {
            Some(query) => s
                .shares(&query, of, of_product, period.as_deref())
                .map(|rows| crate::columns::Columns::of_share_rows(&rows)),
            None => s
                .shares_of_every(&filter, of, of_product, period.as_deref())
                .map(|rows| crate::columns::Columns::of_shares(&rows)),
        })?;
        Ok(PyTable::new(columns))
    }

    /// A series per `per` people as a native `Table`: of the one series a filter with
    /// every key names, else of every series it matches (`None` leaves a field open,
    /// for the product too), the series' keys and unit first.
    #[pyo3(signature = (indicator=None, origin=None, destination=None, per=1000.0, basis="origin", product=Some("total"), *, status=None),
        text_signature = "(self, indicator=None, origin=None, destination=None, per=1000.0, basis='origin', product='total', *, status=None)")]
    #[allow(clippy::too_many_arguments)]
    fn per_capita(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
        #[pyo3(from_py_with = number::per)] per: f64,
        #[pyo3(from_py_with = text::basis)] basis: &str,
        #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<PyTable> {
        let filter = series_filter(py, indicator, origin, destination, product, status)?;
        let basis = Basis::from_code(basis).py(py)?;
        let columns = self.with(py, move |s| match one_series(&filter) {
            Some(query) => s
                .per_capita(&query, per, basis)
                .map(|rows| crate::columns::Columns::of_per_capita_rows(&rows)),
            None => s
                .per_capita_of_every(&filter, per, basis)
                .map(|rows| crate::columns::Columns::of_per_capita(&rows)),
        })?;
        Ok(PyTable::new(columns))
    }

    /// Progress towards the target for `year`, as a native `TargetProgress`.
    #[pyo3(signature = (indicator, origin, destination, year, product="total", *, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn target_progress(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::indicator)] indicator: &str,
        #[pyo3(from_py_with = text::origin)] origin: &str,
        #[pyo3(from_py_with = text::destination)] destination: &str,
        #[pyo3(from_py_with = whole::year)] year: i32,
        #[pyo3(from_py_with = text::product)] product: &str,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<PyTargetProgress> {
        let query = series_query(py, indicator, origin, destination, product, status)?;
        let result = self.with(py, move |s| s.target_progress(&query, year))?;
        Ok(PyTargetProgress::from(result))
    }

    /// The growth a target or projection requires, as a native `RequiredGrowth`.
    #[pyo3(signature = (indicator, origin, destination, base, target, product="total", *, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn required_growth(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::indicator)] indicator: &str,
        #[pyo3(from_py_with = text::origin)] origin: &str,
        #[pyo3(from_py_with = text::destination)] destination: &str,
        base: &Bound<'_, PyAny>,
        target: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::product)] product: &str,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<PyRequiredGrowth> {
        let query = series_query(py, indicator, origin, destination, product, status)?;
        let base = text_of("base", None, base).py(py)?.unwrap_or_default();
        let target = text_of("target", None, target).py(py)?.unwrap_or_default();
        let result = self.with(py, move |s| s.required_growth(&query, &base, &target))?;
        Ok(PyRequiredGrowth::from(result))
    }

    /// The two directions of a directed indicator as a native `Table`: of the one pair
    /// a filter with every key names (`a` as given), else for every pair of every
    /// directed indicator it matches with figures in both (`None` leaves a field open,
    /// for the product too; `a` and `b` each match either country), indicator, a, b
    /// and product first.
    #[pyo3(signature = (indicator=None, a=None, b=None, product=Some("total"), *, status=None),
        text_signature = "(self, indicator=None, a=None, b=None, product='total', *, status=None)")]
    fn asymmetry(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
        #[pyo3(from_py_with = optional_text::a)] a: Option<&str>,
        #[pyo3(from_py_with = optional_text::b)] b: Option<&str>,
        #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<PyTable> {
        let filter = series_filter(py, indicator, a, b, product, status)?;
        let columns = self.with(py, move |s| match one_series(&filter) {
            Some(query) => s
                .asymmetry(&query)
                .map(|rows| crate::columns::Columns::of_asymmetry_rows(&rows)),
            None => s
                .asymmetry_of_every(&filter)
                .map(|rows| crate::columns::Columns::of_asymmetry(&rows)),
        })?;
        Ok(PyTable::new(columns))
    }

    /// Every flow reported from both ends, the exporter's exports beside the importer's
    /// imports (`None` leaves a field open, for the product too; `a` and `b` each match
    /// the exporter or the importer), as a native `Table`: see
    /// [`crate::columns::Columns::of_mirror`] for the columns.
    #[pyo3(signature = (a=None, b=None, product=Some("total"), *, indicator=None, status=None),
        text_signature = "(self, a=None, b=None, product='total', *, indicator=None, status=None)")]
    fn mirror(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::a)] a: Option<&str>,
        #[pyo3(from_py_with = optional_text::b)] b: Option<&str>,
        #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
        #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
        #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    ) -> PyResult<PyTable> {
        let filter = series_filter(py, indicator, a, b, product, status)?;
        let rows = self.with(py, move |s| s.mirror(&filter))?;
        Ok(PyTable::new(crate::columns::Columns::of_mirror(&rows)))
    }

    /// The report on countries `a` and `b`; with `include_implied`, the ranges claims
    /// imply join the figures tables; `since`, `until` (periods or years), `top`,
    /// `title`, `topics` and `digits` as [`crate::report::ReportOptions`] says. A bad
    /// option is a validation error naming it.
    #[pyo3(signature = (a, b, include_implied=false, since=None, until=None, top=10, title=None, topics=None, digits=3))]
    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::a)] a: &str,
        #[pyo3(from_py_with = text::b)] b: &str,
        #[pyo3(from_py_with = flag::include_implied)] include_implied: bool,
        since: Option<&Bound<'_, PyAny>>,
        until: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = count::top)] top: i64,
        #[pyo3(from_py_with = optional_text::title)] title: Option<&str>,
        #[pyo3(from_py_with = optional_texts::topics)] topics: Option<Vec<String>>,
        #[pyo3(from_py_with = count::digits)] digits: i64,
    ) -> PyResult<PyReport> {
        let options =
            report_options(include_implied, since, until, top, title, topics, digits).py(py)?;
        let report = self.with(py, move |s| s.report_with(a, b, &options))?;
        Ok(PyReport::new(report))
    }

    /// Checks `text` against the store and gives the result as a report.
    #[pyo3(signature = (text, *, pair=None, published=None))]
    fn fact_check(
        &self,
        py: Python<'_>,
        text: String,
        pair: Option<(String, String)>,
        published: Option<String>,
    ) -> PyResult<PyReport> {
        let options = super::reader::options(py, pair, None, published)?;
        let report = self.with(py, move |s| s.fact_check(&text, &options))?;
        Ok(PyReport::new(report))
    }

    /// The pairs with observations or events: `(a, b, count)`, the pair with most first.
    fn pairs(&self, py: Python<'_>) -> PyResult<Vec<(String, String, usize)>> {
        self.with(py, |s| s.pairs())
    }

    /// A readable text summary of everything in the store.
    fn summary(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |s| crate::report::summary(s))
    }
}
