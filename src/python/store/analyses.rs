//! The analyses, one method each, taking a filter: a filter that gives every key is one
//! series (a `Change` for `change`, a one-series `Table` otherwise), one with a key
//! left open every series it matches (a `Table` with the series' keys first).

use pyo3::prelude::*;

use super::{required_period, PyStore};
use crate::analysis::{Basis, SeriesFilter};
use crate::error::Error;
use crate::model::Status;
use crate::python::arguments::{number, optional_text, text, whole};
use crate::python::convert::{series_query, text_of, Unread};
use crate::python::errors::IntoPyResult;
use crate::python::results::{PyChange, PyRequiredGrowth, PyTargetProgress};
use crate::python::table::PyTable;

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
fn one_series(filter: &SeriesFilter) -> Option<SeriesFilter> {
    let every_key = filter.indicator.is_some()
        && filter.origin.is_some()
        && filter.destination.is_some()
        && filter.product.as_deref().is_some_and(|p| !p.is_empty());
    every_key.then(|| filter.clone())
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

#[pymethods]
impl PyStore {
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
                let table = s.observation_table(&filter.observations())?;
                Ok(crate::columns::Columns::of_growth_of_table(
                    &table,
                    filter.status,
                ))
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
        let whole = crate::analysis::Whole {
            indicator: of.map(str::to_owned),
            product: of_product.to_owned(),
            period,
        };
        let columns = self.with(py, move |s| match one {
            Some(query) => s
                .share_of(&query, &whole)
                .map(|rows| crate::columns::Columns::of_share_rows(&rows)),
            None => crate::columns::Columns::of_share_of_every(s, &filter, &whole),
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
            None => crate::columns::Columns::of_per_capita_of_every(s, &filter, per, basis),
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
            None => crate::columns::Columns::of_asymmetry_of_every(s, &filter),
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
}
