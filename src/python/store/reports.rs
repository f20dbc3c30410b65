//! The report on a pair of countries, its options read from Python's arguments.

use pyo3::prelude::*;

use super::PyStore;
use crate::error::Error;
use crate::period::Period;
use crate::python::arguments::{count, flag, optional_text, optional_texts, text};
use crate::python::convert::{text_of, Unread};
use crate::python::errors::IntoPyResult;
use crate::python::report::PyReport;

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

#[pymethods]
impl PyStore {
    /// The report on countries `a` and `b`; with `include_implied`, the ranges claims
    /// imply join the figures tables; `since`, `until` (periods or years), `top`,
    /// `title`, `topics` and `digits` as [`crate::report::ReportOptions`] says. A bad
    /// option is a validation error naming it.
    #[pyo3(signature = (a, b, *, since=None, until=None, top=10, title=None, topics=None, include_implied=false, digits=3))]
    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::a)] a: &str,
        #[pyo3(from_py_with = text::b)] b: &str,
        since: Option<&Bound<'_, PyAny>>,
        until: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = count::top)] top: i64,
        #[pyo3(from_py_with = optional_text::title)] title: Option<&str>,
        #[pyo3(from_py_with = optional_texts::topics)] topics: Option<Vec<String>>,
        #[pyo3(from_py_with = flag::include_implied)] include_implied: bool,
        #[pyo3(from_py_with = count::digits)] digits: i64,
    ) -> PyResult<PyReport> {
        let options =
            report_options(include_implied, since, until, top, title, topics, digits).py(py)?;
        let report = self.with(py, move |s| s.report_with(a, b, &options))?;
        Ok(PyReport::new(report))
    }
}
