//! Opening and closing: the constructor, the file and schema version, `close`, and
//! the counts and hooks that tell a store's state.

use pyo3::exceptions::PyFileNotFoundError;
use pyo3::prelude::*;

use super::{InCall, PyStore};
use crate::python::arguments::path_arg;
use crate::python::errors::{store_in_use, IntoPyResult};
use crate::store::Store;

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
}
