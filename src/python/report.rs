//! The native `bilateral._core.Report` and `Chart`: the crate's report and its charts,
//! rendered in Rust (with the GIL released, since a report on a large pair renders to
//! tens of megabytes) and handed out as native objects: a chart is a native `Chart`
//! (its data read and given field by field), its tables, notes, sources and findings
//! are native `Table`s, its sections' titles, sentences and captions plain tuples, and
//! the rest of its data is its JSON form (`to_json`), which the package parses. `bilateral.Report` and
//! `bilateral.Chart` (Python) wrap them.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyMapping};

use super::arguments::{path, text};
use super::errors::IntoPyResult;
use super::table::PyTable;
use crate::columns::Columns;
use crate::error::Error;
use crate::report::{Chart, ChartEvent, ChartKind, ChartPoint, ChartSeries, Report};

/// A section as `Report.sections` returns it: id, title, sentences with their note
/// numbers, table captions with their footnotes, and how many charts it has.
type SectionParts = (
    String,
    String,
    Vec<(String, Vec<usize>)>,
    Vec<(String, Option<String>)>,
    usize,
);

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
        let format = format.parse::<crate::ReportFormat>().py(py)?;
        Ok(py.detach(|| self.report.render_as(format)))
    }

    /// Every figure the report covers (the full record its tables abridge), as a
    /// native `Table` in the columns of `Store.observations`.
    fn figures(&self) -> PyTable {
        PyTable::new(Columns::of_observations(&self.report.figures))
    }

    /// Every table of every section, in order, each a native `Table` under its own
    /// column names (see `Columns::of_report_table`).
    fn tables(&self) -> Vec<PyTable> {
        let sections = &self.report.sections;
        sections
            .iter()
            .flat_map(|s| &s.tables)
            .map(|t| PyTable::new(Columns::of_report_table(t)))
            .collect()
    }

    /// Every cited figure, one row per note, as a native `Table`.
    fn notes(&self) -> PyTable {
        PyTable::new(Columns::of_report_notes(&self.report.notes))
    }

    /// The sources the report cites, as a native `Table` in the columns of
    /// `Store.sources`.
    fn sources(&self) -> PyTable {
        PyTable::new(Columns::of_sources(&self.report.sources))
    }

    /// The findings, strongest first, as a native `Table`.
    fn findings(&self) -> PyTable {
        PyTable::new(Columns::of_report_findings(&self.report.findings))
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

    /// Each section as `(id, title, [(sentence, note numbers)], [(table caption,
    /// footnote)], number of charts)`, in order: what `Report.sections` pairs with
    /// `tables()` and `charts()`, without parsing the JSON of the whole report.
    fn sections(&self) -> Vec<SectionParts> {
        self.report
            .sections
            .iter()
            .map(|s| {
                let sentences = s.sentences.iter();
                let tables = s.tables.iter();
                (
                    s.id.clone(),
                    s.title.clone(),
                    sentences
                        .map(|t| (t.text.clone(), t.notes.clone()))
                        .collect(),
                    tables
                        .map(|t| (t.title.clone(), t.footnote.clone()))
                        .collect(),
                    s.charts.len(),
                )
            })
            .collect()
    }

    /// Every chart of every section, in order.
    fn charts(&self) -> Vec<PyChart> {
        self.report
            .sections
            .iter()
            .flat_map(|s| &s.charts)
            .map(|chart| PyChart::from(chart.clone()))
            .collect()
    }
}

/// A chart of a report: draws itself as SVG and hands out its data.
#[pyclass(name = "Chart", module = "bilateral._core", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct PyChart {
    chart: Chart,
}

/// A validation error on the chart's data: `text` is what was given, `reason` what is
/// wrong with it.
fn bad_chart(text: impl Into<String>, reason: impl Into<String>) -> PyErr {
    let error = Error::invalid("chart", text.into(), reason.into());
    Python::attach(|py| super::errors::to_py_err(py, error))
}

/// The entry `key` of the mapping `item` (a series, a point or an event of a chart),
/// as a `T`; a missing key is `default`, or an error when there is none.
fn entry<'py, T: FromPyObjectOwned<'py>>(
    item: &Bound<'py, PyAny>,
    key: &str,
    default: Option<T>,
) -> PyResult<T> {
    let mapping = item
        .cast::<PyMapping>()
        .map_err(|_| bad_chart(super::convert::repr(item), "is not a mapping (dict)"))?;
    match mapping.get_item(key) {
        Ok(value) => value.extract::<T>().map_err(|_| {
            bad_chart(
                super::convert::repr(&value),
                format!("is not a valid {key:?}"),
            )
        }),
        Err(_) => default.ok_or_else(|| bad_chart(key, "is missing")),
    }
}

/// The items of the list `items` (None: no items), each read by `read`.
fn each<'py, T>(
    items: Option<&Bound<'py, PyAny>>,
    read: impl Fn(&Bound<'py, PyAny>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    let Some(items) = items.filter(|items| !items.is_none()) else {
        return Ok(Vec::new());
    };
    items
        .try_iter()
        .map_err(|_| bad_chart(super::convert::repr(items), "is not a list"))?
        .map(|item| read(&item?))
        .collect()
}

/// A series of a chart from its dict: `label`, `dashed`, `points`.
fn series_of(item: &Bound<'_, PyAny>) -> PyResult<ChartSeries> {
    let points = entry::<Bound<'_, PyAny>>(item, "points", None)?;
    Ok(ChartSeries {
        label: entry(item, "label", None)?,
        dashed: entry(item, "dashed", Some(false))?,
        points: each(Some(&points), |p| {
            Ok(ChartPoint {
                label: entry(p, "label", None)?,
                x: entry(p, "x", None)?,
                value: entry(p, "value", None)?,
                low: entry(p, "low", None)?,
                high: entry(p, "high", None)?,
                note: entry(p, "note", Some(None))?,
                gap_before: entry(p, "gap_before", Some(false))?,
                text: entry(p, "text", None)?,
            })
        })?,
    })
}

/// An event of a timeline from its dict: `x`, `date`, `kind`, `title`.
fn event_of(item: &Bound<'_, PyAny>) -> PyResult<ChartEvent> {
    Ok(ChartEvent {
        x: entry(item, "x", None)?,
        date: entry(item, "date", None)?,
        kind: entry(item, "kind", None)?,
        title: entry(item, "title", None)?,
    })
}

/// The code of a kind of chart.
fn kind_code(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Series => "series",
        ChartKind::Directions => "directions",
        ChartKind::Progress => "progress",
        ChartKind::Timeline => "timeline",
    }
}

impl From<Chart> for PyChart {
    fn from(chart: Chart) -> PyChart {
        PyChart { chart }
    }
}

#[pymethods]
impl PyChart {
    /// A chart made from its data (the form of the getters, as `bilateral.Chart`
    /// takes it); data that is not a chart's is a validation error on `chart`.
    #[new]
    #[pyo3(signature = (kind, title, unit, indicator=None, product=None, origin=None, destination=None, series=None, events=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        kind: &str,
        title: String,
        unit: String,
        indicator: Option<String>,
        product: Option<String>,
        origin: Option<String>,
        destination: Option<String>,
        series: Option<&Bound<'_, PyAny>>,
        events: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyChart> {
        let kind = [
            ChartKind::Series,
            ChartKind::Directions,
            ChartKind::Progress,
            ChartKind::Timeline,
        ]
        .into_iter()
        .find(|k| kind_code(*k) == kind)
        .ok_or_else(|| {
            bad_chart(
                kind,
                "is not a kind of chart: expected series, directions, progress or timeline",
            )
        })?;
        Ok(PyChart {
            chart: Chart {
                kind,
                indicator,
                product,
                origin,
                destination,
                title,
                unit,
                series: each(series, series_of)?,
                events: each(events, event_of)?,
            },
        })
    }

    /// `series`, `directions`, `progress` or `timeline`.
    #[getter]
    fn kind(&self) -> &'static str {
        kind_code(self.chart.kind)
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

    /// The series drawn, each a dict: `label`, `dashed`, `points` (dicts: `label`,
    /// `x`, `value`, `low`, `high`, `note`, `gap_before`, `text`); a new list each call.
    #[getter]
    fn series<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for series in &self.chart.series {
            let points = PyList::empty(py);
            for p in &series.points {
                let point = PyDict::new(py);
                point.set_item("label", &p.label)?;
                point.set_item("x", p.x)?;
                point.set_item("value", p.value)?;
                point.set_item("low", p.low)?;
                point.set_item("high", p.high)?;
                point.set_item("note", p.note)?;
                point.set_item("gap_before", p.gap_before)?;
                point.set_item("text", &p.text)?;
                points.append(point)?;
            }
            let dict = PyDict::new(py);
            dict.set_item("label", &series.label)?;
            dict.set_item("dashed", series.dashed)?;
            dict.set_item("points", points)?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// The events of a timeline, each a dict: `x`, `date`, `kind`, `title`; a new list
    /// each call.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for event in &self.chart.events {
            let dict = PyDict::new(py);
            dict.set_item("x", event.x)?;
            dict.set_item("date", &event.date)?;
            dict.set_item("kind", &event.kind)?;
            dict.set_item("title", &event.title)?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// The chart as an inline SVG element.
    fn svg(&self) -> String {
        crate::render::chart_svg(&self.chart)
    }
}
