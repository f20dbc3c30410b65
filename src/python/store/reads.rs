//! Reads: the observations as a native `Table`, the small listings (indicators,
//! products, sources, topics, events, findings) as columns, a country, a population,
//! the pairs and the summary.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::PyStore;
use crate::error::Error;
use crate::python::arguments::{int_arg, optional_text, optional_text_arg, text_arg};
use crate::python::convert::Columns;
use crate::python::errors::to_py_err;
use crate::python::table::PyTable;
use crate::store::ObservationFilter;

#[pymethods]
impl PyStore {
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

    /// The pairs with observations or events: `(a, b, count)`, the pair with most first.
    fn pairs(&self, py: Python<'_>) -> PyResult<Vec<(String, String, usize)>> {
        self.with(py, |s| s.pairs())
    }

    /// A readable text summary of everything in the store.
    fn summary(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |s| crate::report::summary(s))
    }
}
