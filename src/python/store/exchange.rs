//! Files in and out: built-in datasets, dataset JSON, CSV, SDMX, UN Comtrade and Parquet,
//! each import all or nothing with a Python progress callback.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::PyStore;
use crate::files::{Format, ImportOptions};
use crate::model::OnMissing;
use crate::python::arguments::{optional_text, optional_text_mapping, path, path_arg, text};
use crate::python::errors::IntoPyResult;
use crate::python::files::{import_summary_dict, PyProgress};
use crate::store::{LoadSummary, ObservationFilter, OnDuplicate, Store};

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

    /// Writes the store's population table (country, year, population) to the new
    /// Parquet file at `path`, for the per-capita SQL of `bilateral.sql`; returns how
    /// many rows it wrote.
    #[pyo3(signature = (path))]
    fn export_population_parquet(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
    ) -> PyResult<usize> {
        self.with(py, move |s| s.export_population_parquet(&path))
    }

    /// Adds the observations of the CSV file at `path` all or nothing; `progress(stage,
    /// done, total)` is told how far it has got; `missing="skip"` passes over rows
    /// without a value. A dict of what it read and wrote.
    #[pyo3(signature = (path, on_duplicate="error", *, missing="error", progress=None))]
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
}
