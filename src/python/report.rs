//! The native `bilateral._core.Report` and `Chart`: the crate's report and its charts,
//! rendered in Rust (with the GIL released, since a report on a large pair renders to
//! tens of megabytes) and handed out as plain data. `bilateral.Report` and
//! `bilateral.Chart` (Python) wrap them.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::arguments::{path, text};
use super::convert::{json_to_py, py_to_json, to_json};
use super::errors::IntoPyResult;
use super::table::PyTable;
use crate::error::Error;
use crate::report::{Chart, Report};

/// A report on two countries: renders itself and hands out its data.
#[pyclass(name = "Report", module = "bilateral._core", frozen)]
pub(crate) struct PyReport {
    report: Report,
}

impl PyReport {
    pub(crate) fn new(report: Report) -> PyReport {
        PyReport { report }
    }
}

#[pymethods]
impl PyReport {
    /// "Azerbaijan and Kazakhstan".
    #[getter]
    fn title(&self) -> &str {
        &self.report.title
    }

    /// The report as Markdown.
    fn to_markdown(&self, py: Python<'_>) -> String {
        py.detach(|| self.report.to_markdown())
    }

    /// The report as a self-contained HTML page.
    fn to_html(&self, py: Python<'_>) -> String {
        py.detach(|| self.report.to_html())
    }

    /// The report as an HTML fragment, for notebooks; with `instance`, the ids of
    /// that showing of the report (see `Report::to_html_fragment_instance`).
    #[pyo3(signature = (instance=None))]
    fn to_html_fragment(
        &self,
        py: Python<'_>,
        instance: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let instance = instance
            .map(|n| super::arguments::int_arg::<u32>("instance", n))
            .transpose()?;
        Ok(py.detach(|| match instance {
            Some(n) => self.report.to_html_fragment_instance(n),
            None => self.report.to_html_fragment(),
        }))
    }

    /// The report as JSON with stable field names.
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.report.to_json())
    }

    /// The report as `markdown`, `html` or `json`.
    fn render(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::format)] format: &str,
    ) -> PyResult<String> {
        #[allow(deprecated)] // the lead moves the binding to `render_as` at the merge
        py.detach(|| self.report.render(format)).py(py)
    }

    /// The report as plain Python data (the JSON structure), a new copy each call.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        Ok(json_to_py(py, &to_json(py, "report", &self.report)?)?.cast_into::<PyDict>()?)
    }

    /// Every figure the report covers (the full record its tables abridge), as a
    /// native `Table` in the columns of `Store.observations`.
    fn figures(&self) -> PyTable {
        PyTable::new(crate::columns::Columns::of_observations(
            &self.report.figures,
        ))
    }

    /// Writes every figure of `figures` to the CSV file at `path` in the library's own
    /// format (what `Store.export_csv` writes); returns how many it wrote.
    fn write_appendix(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = path::path)] path: std::path::PathBuf,
    ) -> PyResult<usize> {
        py.detach(|| self.report.write_appendix(&path)).py(py)
    }

    /// Every chart of every section, in order.
    fn charts(&self) -> Vec<PyChart> {
        self.report
            .sections
            .iter()
            .flat_map(|s| &s.charts)
            .map(|chart| PyChart {
                chart: chart.clone(),
            })
            .collect()
    }
}

/// A chart of a report: draws itself as SVG and hands out its data.
#[pyclass(name = "Chart", module = "bilateral._core", frozen)]
pub(crate) struct PyChart {
    chart: Chart,
}

#[pymethods]
impl PyChart {
    /// The chart made from its plain data (the form `to_dict()` returns).
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyChart> {
        let chart = py_to_json("chart", data)
            .and_then(|value| {
                serde_json::from_value::<Chart>(value)
                    .map_err(|e| Error::invalid("chart", "the chart's data", e.to_string()))
            })
            .py(py)?;
        Ok(PyChart { chart })
    }

    /// `series`, `directions`, `progress` or `timeline`.
    #[getter]
    fn kind(&self, py: Python<'_>) -> PyResult<String> {
        let kind = to_json(py, "chart kind", &self.chart.kind)?;
        Ok(kind.as_str().unwrap_or_default().to_owned())
    }

    /// The title.
    #[getter]
    fn title(&self) -> &str {
        &self.chart.title
    }

    /// The unit of the values.
    #[getter]
    fn unit(&self) -> &str {
        &self.chart.unit
    }

    /// The indicator drawn (None for a timeline).
    #[getter]
    fn indicator(&self) -> Option<&str> {
        self.chart.indicator.as_deref()
    }

    /// The product drawn.
    #[getter]
    fn product(&self) -> Option<&str> {
        self.chart.product.as_deref()
    }

    /// The origin of the series drawn.
    #[getter]
    fn origin(&self) -> Option<&str> {
        self.chart.origin.as_deref()
    }

    /// The destination of the series drawn.
    #[getter]
    fn destination(&self) -> Option<&str> {
        self.chart.destination.as_deref()
    }

    /// The chart as plain Python data (the JSON form).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        Ok(json_to_py(py, &to_json(py, "chart", &self.chart)?)?.cast_into::<PyDict>()?)
    }

    /// The chart as an inline SVG element.
    fn svg(&self) -> String {
        crate::render::chart_svg(&self.chart)
    }
}
