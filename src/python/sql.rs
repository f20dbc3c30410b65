//! The analyses as SQL text for DuckDB and Spark over a Parquet export
//! ([`crate::store::portable`]): one function per analysis, the filters of the
//! store's method of the same name, then the dialect and the undirected indicators.

use pyo3::prelude::*;

use crate::error::Error;
use crate::python::arguments::{number, optional_text, optional_texts, text};
use crate::python::convert::text_of;
use crate::python::errors::{to_py_err, IntoPyResult};
use crate::store::portable::{Dialect, PortableSql};
use crate::store::ObservationFilter;

/// The builder for `folder` in `dialect`, narrowed by the filters: `undirected` `None`
/// takes the catalogue's undirected indicators.
fn builder(
    py: Python<'_>,
    dialect: &str,
    folder: &str,
    filter: ObservationFilter,
    undirected: Option<Vec<String>>,
) -> PyResult<PortableSql> {
    let dialect = Dialect::from_code(dialect).py(py)?;
    let sql = PortableSql::new(dialect, folder).filter(filter);
    Ok(match undirected {
        Some(codes) => sql.undirected(codes),
        None => sql,
    })
}

/// The filter of a many-series call.
fn filter(
    indicator: Option<&str>,
    origin: Option<&str>,
    destination: Option<&str>,
    product: Option<&str>,
    status: Option<&str>,
) -> ObservationFilter {
    ObservationFilter {
        indicator: indicator.map(str::to_owned),
        origin: origin.map(str::to_owned),
        destination: destination.map(str::to_owned),
        product: product.map(str::to_owned),
        status: status.map(str::to_owned),
    }
}

/// Year-on-year growth of every series the filters match, as SQL over the Parquet
/// export in `folder`: the rows and columns of `Store.growth` over many series.
#[pyfunction]
#[pyo3(signature = (folder, indicator=None, origin=None, destination=None, product=Some("total"), *, status=None, dialect="duckdb", undirected=None),
    text_signature = "(folder, indicator=None, origin=None, destination=None, product='total', *, status=None, dialect='duckdb', undirected=None)")]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sql_growth(
    py: Python<'_>,
    #[pyo3(from_py_with = text::folder)] folder: &str,
    #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
    #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
    #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
    #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
    #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    #[pyo3(from_py_with = text::dialect)] dialect: &str,
    #[pyo3(from_py_with = optional_texts::undirected)] undirected: Option<Vec<String>>,
) -> PyResult<String> {
    let filter = filter(indicator, origin, destination, product, status);
    builder(py, dialect, folder, filter, undirected)?
        .growth()
        .py(py)
}

/// A period argument: text or a whole year, `None` a validation error naming `field`.
fn period(py: Python<'_>, field: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    let text = match value {
        Some(value) => text_of(field, None, value).py(py)?,
        None => None,
    };
    text.ok_or_else(|| to_py_err(py, Error::invalid(field, "None", "is missing")))
}

/// The change from period `start` to period `end` of every series the filters match,
/// as SQL over the Parquet export in `folder`: the rows and columns of `Store.change`
/// over many series.
#[pyfunction]
#[pyo3(signature = (folder, indicator=None, origin=None, destination=None, start=None, end=None, product=Some("total"), *, status=None, dialect="duckdb", undirected=None),
    text_signature = "(folder, indicator=None, origin=None, destination=None, start=None, end=None, product='total', *, status=None, dialect='duckdb', undirected=None)")]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sql_change(
    py: Python<'_>,
    #[pyo3(from_py_with = text::folder)] folder: &str,
    #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
    #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
    #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
    start: Option<&Bound<'_, PyAny>>,
    end: Option<&Bound<'_, PyAny>>,
    #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
    #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    #[pyo3(from_py_with = text::dialect)] dialect: &str,
    #[pyo3(from_py_with = optional_texts::undirected)] undirected: Option<Vec<String>>,
) -> PyResult<String> {
    let start = period(py, "start", start)?;
    let end = period(py, "end", end)?;
    let filter = filter(indicator, origin, destination, product, status);
    builder(py, dialect, folder, filter, undirected)?
        .change(&start, &end)
        .py(py)
}

/// Every flow reported from both ends (`a` and `b` each match the exporter or the
/// importer), as SQL over the Parquet export in `folder`: the rows and columns of
/// `Store.mirror`.
#[pyfunction]
#[pyo3(signature = (folder, a=None, b=None, product=Some("total"), *, indicator=None, status=None, dialect="duckdb", undirected=None),
    text_signature = "(folder, a=None, b=None, product='total', *, indicator=None, status=None, dialect='duckdb', undirected=None)")]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sql_mirror(
    py: Python<'_>,
    #[pyo3(from_py_with = text::folder)] folder: &str,
    #[pyo3(from_py_with = optional_text::a)] a: Option<&str>,
    #[pyo3(from_py_with = optional_text::b)] b: Option<&str>,
    #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
    #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
    #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    #[pyo3(from_py_with = text::dialect)] dialect: &str,
    #[pyo3(from_py_with = optional_texts::undirected)] undirected: Option<Vec<String>>,
) -> PyResult<String> {
    let filter = filter(indicator, a, b, product, status);
    builder(py, dialect, folder, filter, undirected)?
        .mirror()
        .py(py)
}

/// Every product of every pair the filters match as a share of a whole (`of` with
/// `of_product`, by default the parts' own total), as SQL over the Parquet export in
/// `folder`: the rows and columns of `Store.shares` over many pairs.
#[pyfunction]
#[pyo3(signature = (folder, indicator=None, origin=None, destination=None, of=None, of_product="total", period=None, *, status=None, dialect="duckdb", undirected=None),
    text_signature = "(folder, indicator=None, origin=None, destination=None, of=None, of_product='total', period=None, *, status=None, dialect='duckdb', undirected=None)")]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sql_shares(
    py: Python<'_>,
    #[pyo3(from_py_with = text::folder)] folder: &str,
    #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
    #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
    #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
    #[pyo3(from_py_with = optional_text::of)] of: Option<&str>,
    #[pyo3(from_py_with = text::of_product)] of_product: &str,
    period: Option<&Bound<'_, PyAny>>,
    #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    #[pyo3(from_py_with = text::dialect)] dialect: &str,
    #[pyo3(from_py_with = optional_texts::undirected)] undirected: Option<Vec<String>>,
) -> PyResult<String> {
    let period = match period {
        Some(value) => text_of("period", None, value).py(py)?,
        None => None,
    };
    let filter = filter(indicator, origin, destination, None, status);
    builder(py, dialect, folder, filter, undirected)?
        .shares(of, of_product, period.as_deref())
        .py(py)
}

/// Every series the filters match per `per` people of its origin's or destination's
/// population, read from the Parquet file `population` (`Store.export_population_parquet`
/// writes it), as SQL over the Parquet export in `folder`: the rows and columns of
/// `Store.per_capita` over many series.
#[pyfunction]
#[pyo3(signature = (folder, indicator=None, origin=None, destination=None, per=1000.0, basis="origin", product=Some("total"), *, population, status=None, dialect="duckdb", undirected=None),
    text_signature = "(folder, indicator=None, origin=None, destination=None, per=1000.0, basis='origin', product='total', *, population, status=None, dialect='duckdb', undirected=None)")]
#[allow(clippy::too_many_arguments)]
pub(crate) fn sql_per_capita(
    py: Python<'_>,
    #[pyo3(from_py_with = text::folder)] folder: &str,
    #[pyo3(from_py_with = optional_text::indicator)] indicator: Option<&str>,
    #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
    #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
    #[pyo3(from_py_with = number::per)] per: f64,
    #[pyo3(from_py_with = text::basis)] basis: &str,
    #[pyo3(from_py_with = optional_text::product)] product: Option<&str>,
    #[pyo3(from_py_with = text::population)] population: &str,
    #[pyo3(from_py_with = optional_text::status)] status: Option<&str>,
    #[pyo3(from_py_with = text::dialect)] dialect: &str,
    #[pyo3(from_py_with = optional_texts::undirected)] undirected: Option<Vec<String>>,
) -> PyResult<String> {
    let filter = filter(indicator, origin, destination, product, status);
    builder(py, dialect, folder, filter, undirected)?
        .per_capita(population, per, basis)
        .py(py)
}

/// Adds the functions to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sql_growth, m)?)?;
    m.add_function(wrap_pyfunction!(sql_change, m)?)?;
    m.add_function(wrap_pyfunction!(sql_mirror, m)?)?;
    m.add_function(wrap_pyfunction!(sql_shares, m)?)?;
    m.add_function(wrap_pyfunction!(sql_per_capita, m)?)?;
    Ok(())
}
