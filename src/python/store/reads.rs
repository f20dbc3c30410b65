//! Reads: the observations and the small listings (indicators, products, sources,
//! topics, events, findings) as native `Table`s, a country, a population, the pairs and
//! the summary.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{named_as_origin_destination, origin_destination, PyStore};
use crate::columns::Columns;
use crate::error::Error;
use crate::python::arguments::{int_arg, optional_text, optional_text_arg, text_arg};
use crate::python::errors::to_py_err;
use crate::python::table::PyTable;
use crate::store::{ObservationFilter, PairFilter};

#[pymethods]
impl PyStore {
    /// Products as a native `Table`: code, name, classification.
    fn products(&self, py: Python<'_>) -> PyResult<PyTable> {
        let rows = self.with(py, |s| s.products())?;
        Ok(PyTable::new(Columns::of_products(&rows)))
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
            Ok(Columns::of_observations(&s.observation_table(&filter)?))
        })?;
        Ok(PyTable::new(columns))
    }

    /// Indicators as a native `Table`.
    fn indicators(&self, py: Python<'_>) -> PyResult<PyTable> {
        let rows = self.with(py, |s| s.indicators())?;
        Ok(PyTable::new(Columns::of_indicators(&rows)))
    }

    /// The report topics in section order, as a native `Table`: code, title.
    fn topics(&self, py: Python<'_>) -> PyResult<PyTable> {
        let rows = self.with(py, |s| s.topics())?;
        Ok(PyTable::new(Columns::of_topics(&rows)))
    }

    /// Sources as a native `Table`.
    fn sources(&self, py: Python<'_>) -> PyResult<PyTable> {
        let rows = self.with(py, |s| s.sources())?;
        Ok(PyTable::new(Columns::of_sources(&rows)))
    }

    /// Events in date order as a native `Table`; `start` and `end` are dates.
    #[pyo3(signature = (a=None, b=None))]
    fn events(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::a)] a: Option<&str>,
        #[pyo3(from_py_with = optional_text::b)] b: Option<&str>,
    ) -> PyResult<PyTable> {
        let pair = match (a, b) {
            (Some(a), Some(b)) => PairFilter::between(a, b),
            (None, None) => PairFilter::any(),
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
        let rows = self.with(py, move |s| s.events_of(&pair))?;
        Ok(PyTable::new(Columns::of_events(&rows)))
    }

    /// The findings of the consistency checks as a native `Table`, errors first; with
    /// `origin` and/or `destination`, only pairs with those countries, either way round.
    #[pyo3(signature = (origin=None, destination=None))]
    fn check(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
    ) -> PyResult<PyTable> {
        let pair = origin_destination(origin, destination);
        let rows = self.with(py, move |s| {
            s.findings_of(&pair).map_err(named_as_origin_destination)
        })?;
        Ok(PyTable::new(Columns::of_findings(&rows)))
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
