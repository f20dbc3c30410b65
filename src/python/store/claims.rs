//! Claims and text: adding and listing claims, checking them against the figures,
//! what they imply, and checking a text (`check_text`, `fact_check`).

use pyo3::prelude::*;

use super::{named_as_origin_destination, origin_destination, required_period, PyStore};
use crate::columns::Columns;
use crate::model::{NewClaim, ObservationTable};
use crate::python::arguments::{optional_text, text};
use crate::python::convert::{number_of, text_of, Unread};
use crate::python::errors::IntoPyResult;
use crate::python::report::PyReport;
use crate::python::table::PyTable;
use crate::store::PairFilter;

#[pymethods]
impl PyStore {
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

    /// Claims as a native `Table`: with `a` and `b`, those between the two (either way round);
    /// with one, those it is in. `low` and `high` are the interval the claim's number allows.
    #[pyo3(signature = (a=None, b=None))]
    fn claims(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::a)] a: Option<&str>,
        #[pyo3(from_py_with = optional_text::b)] b: Option<&str>,
    ) -> PyResult<PyTable> {
        let pair = PairFilter {
            a: a.map(str::to_owned),
            b: b.map(str::to_owned),
        };
        let rows = self.with(py, move |s| s.claims_of(&pair))?;
        Ok(PyTable::new(Columns::of_claims(&rows)))
    }

    /// Reads `text` and checks every figure and claim it finds against the stored
    /// figures: a native `Table`, one row per check (`Columns::of_text_checks`).
    #[pyo3(signature = (text, *, pair=None, published=None))]
    fn check_text(
        &self,
        py: Python<'_>,
        text: String,
        pair: Option<(String, String)>,
        published: Option<String>,
    ) -> PyResult<PyTable> {
        let options = crate::python::reader::options(py, pair, None, published)?;
        let checks = self.with(py, move |s| s.check_text(&text, &options))?;
        Ok(PyTable::new(Columns::of_text_checks(&checks)))
    }

    /// The claims `claims` lists for `origin` and `destination`, checked against the
    /// figures, as a native `Table`.
    #[pyo3(signature = (origin=None, destination=None))]
    fn check_claims(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = optional_text::origin)] origin: Option<&str>,
        #[pyo3(from_py_with = optional_text::destination)] destination: Option<&str>,
    ) -> PyResult<PyTable> {
        let pair = origin_destination(origin, destination);
        let rows = self.with(py, move |s| {
            s.claim_checks_of(&pair)
                .map_err(named_as_origin_destination)
        })?;
        Ok(PyTable::new(Columns::of_claim_checks(&rows)))
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
            Ok(Columns::of_observations(&table))
        })?;
        Ok(PyTable::new(columns))
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
        let options = crate::python::reader::options(py, pair, None, published)?;
        let report = self.with(py, move |s| s.fact_check(&text, &options))?;
        Ok(PyReport::new(report))
    }
}
