//! Imports from Python: a Python callable as an import's progress callback, and an
//! import's summary as a dict (`bilateral.ImportResult` in the package).

use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::files::{ImportOptions, ImportSummary, Progress};
use crate::model::OnMissing;
use crate::store::OnDuplicate;

/// A Python callable `progress(stage, done, total)` told how far an import has got.
/// What it raises stops the import (the store is left as it was) and is kept, so that
/// the call raises it.
pub(crate) struct PyProgress {
    callable: Option<Py<PyAny>>,
    raised: Mutex<Option<PyErr>>,
}

impl PyProgress {
    /// The callback for `callable` (`None`: nobody is told).
    pub(crate) fn new(callable: Option<Py<PyAny>>) -> PyProgress {
        PyProgress {
            callable,
            raised: Mutex::new(None),
        }
    }

    /// Calls the callable with the GIL taken; `false` (stop) once it has raised.
    fn report(&self, progress: Progress) -> bool {
        let Some(callable) = &self.callable else {
            return true;
        };
        Python::attach(|py| {
            match callable.call1(py, (progress.stage.code(), progress.done, progress.total)) {
                Ok(_) => true,
                Err(error) => {
                    *self.raised.lock().unwrap_or_else(|p| p.into_inner()) = Some(error);
                    false
                }
            }
        })
    }

    /// Runs `import` with options that tell this callback (and say what to do with a
    /// duplicate and with a row without a value); what the callable raised
    /// comes before the import's own error (which is then only that it was stopped).
    pub(crate) fn run_with<T>(
        &self,
        on_duplicate: OnDuplicate,
        missing: OnMissing,
        import: impl FnOnce(&ImportOptions) -> crate::error::Result<T>,
    ) -> crate::error::Result<T> {
        let report = |progress: Progress| self.report(progress);
        let options = ImportOptions {
            on_duplicate,
            missing,
            progress: self
                .callable
                .as_ref()
                .map(|_| &report as &dyn Fn(Progress) -> bool),
        };
        import(&options)
    }

    /// What the callable raised, if it did.
    pub(crate) fn raised(&self) -> Option<PyErr> {
        self.raised.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

/// An import's summary as a dict: `format`, `rows_read`, `figures_written` (and their
/// older names `read` and `written`), and `skipped` as a list of dicts with `reason`,
/// `rows`, `counts` ("rows", or "figures" for figures already stored or net weights
/// not reported) and `first_line`.
pub(crate) fn import_summary_dict<'py>(
    py: Python<'py>,
    summary: &ImportSummary,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("format", summary.format)?;
    dict.set_item("rows_read", summary.rows_read())?;
    dict.set_item("figures_written", summary.figures_written())?;
    dict.set_item("read", summary.rows_read())?;
    dict.set_item("written", summary.figures_written())?;
    let skipped = PyList::empty(py);
    for s in &summary.skipped {
        let entry = PyDict::new(py);
        entry.set_item("reason", &s.reason)?;
        entry.set_item("rows", s.rows)?;
        entry.set_item("counts", s.counts())?;
        entry.set_item("first_line", s.first_line)?;
        skipped.append(entry)?;
    }
    dict.set_item("skipped", skipped)?;
    Ok(dict)
}
