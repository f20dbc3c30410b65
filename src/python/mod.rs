//! The native module `bilateral._core`, compiled only with the `python` feature.
//!
//! It is a leaf: it imports nothing from the `bilateral` package and answers with its
//! own classes (a `Table` for every analysis table, a native result for every single
//! answer, the `Report` and its `Chart`s), the small listings as plain columns; no
//! result goes through JSON. The package (`python/bilateral/`) gives them their
//! Python shape (DataFrames, `bilateral.Chart`, `bilateral.Report`).
//!
//! - [`errors`]: the exception classes and the one mapping from [`crate::Error`].
//! - [`convert`]: arguments in, the small listings out as plain columns.
//! - [`ingest`]: many observations in, column by column.
//! - [`files`]: imports from files, with a Python progress callback.
//! - [`store`]: the native `Store`.
//! - [`report`]: the native `Report` and `Chart`.
//! - [`table`]: the native `Table`, many rows column by column (Arrow and pandas).
//! - [`results`]: the native one-answer results (`Change`, `TargetProgress`,
//!   `RequiredGrowth`), each built by `From` from the crate's struct.
//! - [`sql`]: the analyses as SQL text for DuckDB and Spark over a Parquet export.
//! - [`reader`]: `read_text`, news text into a native `Draft` (its items, the ones to
//!   accept, the dataset they make), and the checks of a text.

mod arguments;
mod convert;
mod errors;
mod files;
mod ingest;
mod reader;
mod report;
mod results;
mod sql;
mod store;
mod table;

use pyo3::prelude::*;

use self::arguments::{flag, number, text};
use self::convert::text_of;
use self::errors::{to_py_err, IntoPyResult};
use self::report::{PyChart, PyReport};
use self::store::PyStore;
use self::table::PyTable;
use crate::error::Error;
use crate::period::Period;

/// A native store in memory with the built-in Azerbaijan–Kazakhstan dataset loaded.
#[pyfunction]
fn demo(py: Python<'_>) -> PyResult<PyStore> {
    let store = py.detach(crate::store::Store::demo).py(py)?;
    PyStore::new_open(py, store, None)
}

/// Names of the built-in datasets.
#[pyfunction]
fn datasets() -> Vec<&'static str> {
    crate::builtin::datasets()
}

/// The canonical form of a period: `normalize_period("2005/2025-Q1") == "2005-01/2025-03"`.
#[pyfunction]
fn normalize_period(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_of("period", None, text).py(py)?.unwrap_or_default();
    Period::parse(&text).map(|p| p.to_string()).py(py)
}

/// The code of the format of the file at `path` as its beginning shows it (`csv`,
/// `json`, `sdmx`, `comtrade`, `imf-dots`), as `Store.import_file` guesses it; a
/// `ValidationError` when nothing matches or the file is empty or UTF-16.
#[pyfunction]
fn file_format(
    py: Python<'_>,
    #[pyo3(from_py_with = self::arguments::path::path)] path: std::path::PathBuf,
) -> PyResult<&'static str> {
    py.detach(move || crate::files::Format::of_file(&path))
        .map(crate::files::Format::code)
        .py(py)
}

/// A value with its unit and qualifier in words: `format_value(102000, "persons", "over")`
/// gives `"over 102,000"`. `derived=True` rounds a computed value for reading first
/// (`format_value(4457142.86, "t", derived=True)` gives `"4.457 million t"`).
#[pyfunction]
#[pyo3(signature = (value, unit, qualifier="exact", *, derived=false))]
fn format_value(
    py: Python<'_>,
    #[pyo3(from_py_with = number::value)] value: f64,
    #[pyo3(from_py_with = text::unit)] unit: &str,
    #[pyo3(from_py_with = text::qualifier)] qualifier: &str,
    #[pyo3(from_py_with = flag::derived)] derived: bool,
) -> PyResult<String> {
    if !value.is_finite() {
        return Err(to_py_err(
            py,
            Error::invalid("value", value.to_string(), "is not a finite number"),
        ));
    }
    let qualifier = crate::model::Qualifier::from_words(qualifier).py(py)?;
    if derived {
        let word = qualifier.prose();
        let amount = crate::words::format_derived(value, unit);
        return Ok(if word.is_empty() {
            amount
        } else {
            format!("{word} {amount}")
        });
    }
    Ok(crate::words::format_value(value, unit, qualifier))
}

#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", crate::store::SCHEMA_VERSION)?;
    // The words that infer an indicator's topic: {topic: [word starts]}, in the order
    // they are tried.
    let topic_words = pyo3::types::PyDict::new(m.py());
    for (topic, stems) in crate::model::TOPIC_WORDS {
        topic_words.set_item(topic.code(), stems.to_vec())?;
    }
    m.add("TOPIC_WORDS", topic_words)?;
    // The columns of a draft's table and of a text check's, in order: the Python face
    // names them from here, so the builders' lists are the only ones.
    m.add(
        "DRAFT_COLUMNS",
        pyo3::types::PyTuple::new(m.py(), crate::text::DRAFT_COLUMNS)?,
    )?;
    m.add(
        "CHECK_COLUMNS",
        pyo3::types::PyTuple::new(m.py(), crate::text::CHECK_COLUMNS)?,
    )?;
    m.add_class::<PyStore>()?;
    m.add_class::<PyReport>()?;
    m.add_class::<PyChart>()?;
    m.add_class::<PyTable>()?;
    m.add_class::<results::PyChange>()?;
    m.add_class::<results::PyTargetProgress>()?;
    m.add_class::<results::PyRequiredGrowth>()?;
    m.add_class::<reader::PyDraft>()?;
    m.add_function(wrap_pyfunction!(demo, m)?)?;
    m.add_function(wrap_pyfunction!(datasets, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_period, m)?)?;
    m.add_function(wrap_pyfunction!(format_value, m)?)?;
    m.add_function(wrap_pyfunction!(reader::read_text, m)?)?;
    m.add_function(wrap_pyfunction!(file_format, m)?)?;
    sql::register(m)?;
    errors::register(m)
}
