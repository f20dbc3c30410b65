//! The Python face (`bilateral._core`), compiled only with the `python` feature.
//!
//! Everything here converts: Python arguments into the crate's input types, results
//! into Python objects (tables go through the one DataFrame helper,
//! `bilateral._frames.frame`), and [`Error`] into Python exceptions in [`to_py_err`].

use std::sync::{Mutex, MutexGuard};

use pyo3::exceptions::{PyException, PyLookupError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};

use crate::error::Error;
use crate::model::{Indicator, Kind, NewEvent, NewObservation, Source, Status, Topic};
use crate::period::Period;
use crate::reports::{Basis, SeriesQuery};
use crate::store::{ObservationFilter, OnDuplicate, Store};

// ----- exceptions ---------------------------------------------------------------------------

struct Exceptions {
    base: Py<PyType>,
    validation: Py<PyType>,
    duplicate: Py<PyType>,
    not_found: Py<PyType>,
    schema: Py<PyType>,
}

static EXCEPTIONS: PyOnceLock<Exceptions> = PyOnceLock::new();

/// The exception classes, made once. They are built with `type()` because
/// `ValidationError` must also be a `ValueError` and `NotFoundError` a `LookupError`,
/// and a class made by `create_exception!` has a single base.
fn exceptions(py: Python<'_>) -> PyResult<&'static Exceptions> {
    EXCEPTIONS.get_or_try_init(py, || {
        let make = |name: &str, bases: Vec<Bound<'_, PyAny>>, doc: &str| -> PyResult<Py<PyType>> {
            let namespace = PyDict::new(py);
            namespace.set_item("__module__", "bilateral")?;
            namespace.set_item("__doc__", doc)?;
            let class = py
                .import("builtins")?
                .getattr("type")?
                .call1((name, PyTuple::new(py, bases)?, namespace))?;
            Ok(class.cast_into::<PyType>()?.unbind())
        };
        let base = make(
            "BilateralError",
            vec![py.get_type::<PyException>().into_any()],
            "Base class of every error raised by bilateral.",
        )?;
        let validation = make(
            "ValidationError",
            vec![base.bind(py).clone().into_any(), py.get_type::<PyValueError>().into_any()],
            "Bad input: `field`, `record` (index in a batch, or None), `text` and `reason` say which and why.",
        )?;
        let duplicate = make(
            "DuplicateError",
            vec![validation.bind(py).clone().into_any()],
            "The observation is already stored (pass replace=True to overwrite); `record` and `key` say which.",
        )?;
        let not_found = make(
            "NotFoundError",
            vec![base.bind(py).clone().into_any(), py.get_type::<PyLookupError>().into_any()],
            "Something asked for is not in the store: `what` and `key` say what.",
        )?;
        let schema = make(
            "SchemaError",
            vec![base.bind(py).clone().into_any()],
            "The file is not a bilateral store this version can open.",
        )?;
        Ok(Exceptions {
            base,
            validation,
            duplicate,
            not_found,
            schema,
        })
    })
}

/// The one place where crate errors become Python exceptions.
fn to_py_err(py: Python<'_>, error: Error) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let types = exceptions(py)?;
        let message = error.to_string();
        let (class, attributes): (&Py<PyType>, Vec<(&str, Bound<'_, PyAny>)>) = match &error {
            Error::Validation(v) => (
                &types.validation,
                vec![
                    ("field", v.field.clone().into_pyobject(py)?.into_any()),
                    ("record", v.record.into_pyobject(py)?.into_any()),
                    ("text", v.text.clone().into_pyobject(py)?.into_any()),
                    ("reason", v.reason.clone().into_pyobject(py)?.into_any()),
                ],
            ),
            Error::Duplicate { record, key, .. } => (
                &types.duplicate,
                vec![
                    ("field", py.None().into_bound(py)),
                    ("record", record.into_pyobject(py)?.into_any()),
                    ("text", key.clone().into_pyobject(py)?.into_any()),
                    ("reason", "is already stored".into_pyobject(py)?.into_any()),
                    ("key", key.clone().into_pyobject(py)?.into_any()),
                ],
            ),
            Error::NotFound { what, key } => (
                &types.not_found,
                vec![
                    ("what", what.into_pyobject(py)?.into_any()),
                    ("key", key.clone().into_pyobject(py)?.into_any()),
                ],
            ),
            Error::Schema(_) => (&types.schema, vec![]),
            _ => (&types.base, vec![]),
        };
        let instance = class.bind(py).call1((message,))?;
        for (name, value) in attributes {
            instance.setattr(name, value)?;
        }
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|e| e)
}

trait IntoPy<T> {
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for crate::Result<T> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, e))
    }
}

// ----- argument conversion -------------------------------------------------------------------

fn invalid(field: &str, record: Option<usize>, text: String, reason: &str) -> Error {
    let error = Error::invalid(field, text, reason);
    match record {
        Some(i) => error.at_record(i),
        None => error,
    }
}

/// True for `None` and for float NaN, which pandas uses for a missing cell.
fn is_missing(value: &Bound<'_, PyAny>) -> bool {
    value.is_none()
        || value.extract::<f64>().is_ok_and(f64::is_nan)
            && !value.is_instance_of::<pyo3::types::PyString>()
}

fn text_of(
    field: &str,
    record: Option<usize>,
    value: &Bound<'_, PyAny>,
) -> crate::Result<Option<String>> {
    if is_missing(value) {
        return Ok(None);
    }
    if let Ok(text) = value.extract::<String>() {
        return Ok(Some(text));
    }
    // Years and other integers are periods too (`2024`).
    if value.is_instance_of::<pyo3::types::PyInt>()
        && !value.is_instance_of::<pyo3::types::PyBool>()
    {
        return Ok(Some(value.to_string()));
    }
    Err(invalid(field, record, repr(value), "is not text"))
}

fn number_of(
    field: &str,
    record: Option<usize>,
    value: &Bound<'_, PyAny>,
) -> crate::Result<Option<f64>> {
    if value.is_none() {
        return Ok(None);
    }
    if value.is_instance_of::<pyo3::types::PyBool>()
        || value.is_instance_of::<pyo3::types::PyString>()
    {
        return Err(invalid(field, record, repr(value), "is not a number"));
    }
    value
        .extract::<f64>()
        .map(Some)
        .map_err(|_| invalid(field, record, repr(value), "is not a number"))
}

fn repr(value: &Bound<'_, PyAny>) -> String {
    value
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| "<unprintable>".to_owned())
}

const OBSERVATION_FIELDS: &[&str] = &[
    "indicator",
    "origin",
    "destination",
    "product",
    "period",
    "value",
    "qualifier",
    "status",
    "source",
    "quote",
    "low",
    "high",
    "precision",
    "note",
    "unit",
];

/// Columns of `Store.observations()` that a record may carry back in and that are
/// derived from other fields, so they are ignored.
const DERIVED_FIELDS: &[&str] = &["start", "end"];

/// Reads one record (a mapping) of `add_many` into a [`NewObservation`].
fn observation_from_mapping(
    record: &Bound<'_, PyAny>,
    index: usize,
) -> crate::Result<NewObservation> {
    let at = Some(index);
    let mapping = record.cast::<pyo3::types::PyMapping>().map_err(|_| {
        invalid(
            "record",
            at,
            repr(record),
            "is not a mapping (dict) of fields",
        )
    })?;
    let keys = mapping
        .keys()
        .map_err(|e| invalid("record", at, e.to_string(), "has no keys"))?;
    for key in keys.iter() {
        let name = key.extract::<String>().unwrap_or_else(|_| repr(&key));
        if !OBSERVATION_FIELDS.contains(&name.as_str()) && !DERIVED_FIELDS.contains(&name.as_str())
        {
            return Err(invalid(
                &name,
                at,
                name.clone(),
                &format!(
                    "is not a field of an observation (fields: {})",
                    OBSERVATION_FIELDS.join(", ")
                ),
            ));
        }
    }
    let get = |name: &str| -> Option<Bound<'_, PyAny>> { mapping.get_item(name).ok() };
    let text = |name: &str| match get(name) {
        Some(v) => text_of(name, at, &v),
        None => Ok(None),
    };
    let number = |name: &str| match get(name) {
        Some(v) => number_of(name, at, &v).map(|n| n.filter(|x| !x.is_nan())),
        None => Ok(None),
    };
    let required =
        |name: &str| text(name)?.ok_or_else(|| invalid(name, at, String::new(), "is missing"));
    let value = match get("value") {
        Some(v) if !v.is_none() => number_of("value", at, &v)?.unwrap_or(f64::NAN),
        _ => return Err(invalid("value", at, String::new(), "is missing")),
    };
    Ok(NewObservation {
        indicator: required("indicator")?,
        origin: required("origin")?,
        destination: required("destination")?,
        product: text("product")?,
        period: required("period")?,
        value,
        qualifier: text("qualifier")?,
        status: text("status")?,
        source: text("source")?,
        quote: text("quote")?,
        low: number("low")?,
        high: number("high")?,
        precision: number("precision")?,
        note: text("note")?,
        unit: text("unit")?,
    })
}

// ----- tables -----------------------------------------------------------------------------------

/// Builds a pandas DataFrame through `bilateral._frames.frame`, the one helper that does.
fn frame<'py>(
    py: Python<'py>,
    columns: Vec<(&str, Bound<'py, PyList>)>,
    dates: &[&str],
    floats: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    let dict = PyDict::new(py);
    for (name, values) in columns {
        dict.set_item(name, values)?;
    }
    py.import("bilateral._frames")?.getattr("frame")?.call1((
        dict,
        PyTuple::new(py, dates)?,
        PyTuple::new(py, floats)?,
    ))
}

fn column<'py, T, I>(py: Python<'py>, values: I) -> PyResult<Bound<'py, PyList>>
where
    I: IntoIterator<Item = T>,
    T: IntoPyObject<'py>,
{
    PyList::new(py, values)
}

/// A JSON value (from serde) as the equivalent Python object.
fn json_to_py<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) if !n.is_f64() => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(text) => text.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (key, item) in fields {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

fn to_json(py: Python<'_>, value: &impl serde::Serialize) -> PyResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| {
        to_py_err(
            py,
            Error::BuiltinData {
                name: "report",
                message: e.to_string(),
            },
        )
    })
}

/// Report rows (never empty: reports without rows raise) as a DataFrame whose columns
/// are the row's fields in order; numeric fields become float64 columns.
fn rows_frame<'py, T: serde::Serialize>(
    py: Python<'py>,
    rows: &[T],
) -> PyResult<Bound<'py, PyAny>> {
    let rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| to_json(py, r))
        .collect::<PyResult<_>>()?;
    let names: Vec<String> = match rows.first() {
        Some(serde_json::Value::Object(fields)) => fields.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let mut columns = Vec::new();
    let mut floats = Vec::new();
    for name in &names {
        let values: Vec<&serde_json::Value> = rows.iter().map(|r| &r[name.as_str()]).collect();
        if values
            .iter()
            .any(|v| v.as_number().is_some_and(|n| n.is_f64()))
        {
            floats.push(name.as_str());
        }
        let list = PyList::empty(py);
        for v in values {
            list.append(json_to_py(py, v)?)?;
        }
        columns.push((name.as_str(), list));
    }
    frame(py, columns, &[], &floats)
}

/// A one-answer report as its frozen Python result class in `bilateral._results`.
fn result_object<'py>(
    py: Python<'py>,
    class: &str,
    value: &impl serde::Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    let fields = json_to_py(py, &to_json(py, value)?)?;
    let kwargs = fields.cast_into::<PyDict>()?;
    py.import("bilateral._results")?
        .getattr(class)?
        .call((), Some(&kwargs))
}

fn series_query(
    py: Python<'_>,
    indicator: String,
    origin: String,
    destination: String,
    product: &str,
    status: Option<&str>,
) -> PyResult<SeriesQuery> {
    let mut query = SeriesQuery::new(&indicator, &origin, &destination).product(product);
    if let Some(status) = status {
        query = query.status(Status::from_code(status).py(py)?);
    }
    Ok(query)
}

// ----- the store ----------------------------------------------------------------------------------

/// A store of bilateral observations in SQLite: in memory, or in the file at `path`
/// (created with the schema if new, migrated if older).
///
/// ```python
/// store = bilateral.Store()                 # in memory
/// with bilateral.Store("relations.db") as store:
///     store.load_dataset("azerbaijan-kazakhstan-2025")
/// ```
#[pyclass(name = "Store", module = "bilateral")]
struct PyStore {
    inner: Mutex<Option<Store>>,
    path: Option<String>,
}

impl PyStore {
    /// Runs `f` on the open store with the GIL released.
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Store) -> crate::Result<T> + Send,
    ) -> PyResult<T> {
        let result = py.detach(|| {
            let mut guard: MutexGuard<'_, Option<Store>> = self
                .inner
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            match guard.as_mut() {
                Some(store) => Ok(f(store)),
                None => Err(()),
            }
        });
        match result {
            Ok(r) => r.py(py),
            Err(()) => Err(to_py_err(
                py,
                Error::Schema("the store is closed".to_owned()),
            )),
        }
    }
}

#[pymethods]
impl PyStore {
    #[new]
    #[pyo3(signature = (path=None))]
    fn new(py: Python<'_>, path: Option<std::path::PathBuf>) -> PyResult<PyStore> {
        let store = py
            .detach(|| match &path {
                Some(p) => Store::open(p),
                None => Store::in_memory(),
            })
            .py(py)?;
        Ok(PyStore {
            inner: Mutex::new(Some(store)),
            path: path.map(|p| p.display().to_string()),
        })
    }

    /// The file the store is in, or None for a store in memory.
    #[getter]
    fn path(&self) -> Option<String> {
        self.path.clone()
    }

    /// The schema version of the database (`PRAGMA user_version`).
    #[getter]
    fn schema_version(&self, py: Python<'_>) -> PyResult<u32> {
        self.with(py, |s| s.schema_version())
    }

    /// Closes the store; later calls raise SchemaError. Closing twice is harmless.
    fn close(&self, py: Python<'_>) {
        py.detach(|| {
            self.inner.lock().unwrap_or_else(|p| p.into_inner()).take();
        });
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, py: Python<'_>, _args: &Bound<'_, PyTuple>) -> bool {
        self.close(py);
        false
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let count = self.with(py, |s| {
            Ok(s.observations(&ObservationFilter::default())?.len())
        });
        let place = self
            .path
            .as_deref()
            .map_or("in memory".to_owned(), |p| format!("{p:?}"));
        match count {
            Ok(n) => format!("<bilateral.Store {place}: {n} observations>"),
            Err(_) => format!("<bilateral.Store {place}: closed>"),
        }
    }

    /// Loads a built-in dataset (see `bilateral.datasets()`) all or nothing; returns
    /// how many sources, indicators, observations and events it added.
    ///
    /// ```python
    /// >>> bilateral.Store().load_dataset("azerbaijan-kazakhstan-2025")["observations"]
    /// 38
    /// ```
    fn load_dataset<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyDict>> {
        let name = name.to_owned();
        let summary = self.with(py, move |s| s.load_dataset(&name))?;
        let dict = PyDict::new(py);
        dict.set_item("sources", summary.sources)?;
        dict.set_item("indicators", summary.indicators)?;
        dict.set_item("observations", summary.observations)?;
        dict.set_item("events", summary.events)?;
        Ok(dict)
    }

    /// Adds one observation. Bounds follow from the qualifier unless `low`/`high` are
    /// given; `precision` overrides the unit of the last significant digit.
    /// `replace=True` overwrites an observation with the same identity.
    ///
    /// ```python
    /// >>> store = bilateral.demo()
    /// >>> store.add("tourists", "KAZ", "AZE", "2025-H1", 40_000, qualifier="about")
    /// >>> store.observations("tourists", "KAZ", "AZE")[["period", "low", "high"]].values.tolist()[-1]
    /// ['2025-H1', 35000.0, 45000.0]
    /// ```
    #[pyo3(signature = (indicator, origin, destination, period, value, *, qualifier="exact",
        status="actual", product="total", source=None, quote=None, low=None, high=None,
        precision=None, note=None, unit=None, replace=false))]
    #[allow(clippy::too_many_arguments)]
    fn add(
        &self,
        py: Python<'_>,
        indicator: String,
        origin: String,
        destination: String,
        period: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
        qualifier: &str,
        status: &str,
        product: &str,
        source: Option<String>,
        quote: Option<String>,
        low: Option<&Bound<'_, PyAny>>,
        high: Option<&Bound<'_, PyAny>>,
        precision: Option<&Bound<'_, PyAny>>,
        note: Option<String>,
        unit: Option<String>,
        replace: bool,
    ) -> PyResult<()> {
        let optional_number = |name: &str, v: Option<&Bound<'_, PyAny>>| match v {
            Some(v) => number_of(name, None, v),
            None => Ok(None),
        };
        let record = (|| -> crate::Result<NewObservation> {
            Ok(NewObservation {
                indicator,
                origin,
                destination,
                product: Some(product.to_owned()),
                period: text_of("period", None, period)?
                    .ok_or_else(|| Error::invalid("period", "None", "is missing"))?,
                value: number_of("value", None, value)?
                    .ok_or_else(|| Error::invalid("value", "None", "is missing"))?,
                qualifier: Some(qualifier.to_owned()),
                status: Some(status.to_owned()),
                source,
                quote,
                low: optional_number("low", low)?,
                high: optional_number("high", high)?,
                precision: optional_number("precision", precision)?,
                note,
                unit,
            })
        })()
        .py(py)?;
        self.with(py, move |s| {
            if replace {
                s.replace(&record)
            } else {
                s.add(&record)
            }
        })
    }

    /// Adds many observations all or nothing: an iterable of dicts, or a pandas
    /// DataFrame with one row per observation. A bad record leaves the store unchanged
    /// and the error names its index and field. Returns the number added.
    ///
    /// ```python
    /// >>> store = bilateral.demo()
    /// >>> store.add_many([{"indicator": "tourists", "origin": "KAZ", "destination": "AZE",
    /// ...                 "period": "2023", "value": 50_000}])
    /// 1
    /// ```
    #[pyo3(signature = (records, *, replace=false))]
    fn add_many(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        replace: bool,
    ) -> PyResult<usize> {
        let rows = if records.hasattr("to_dict")? && records.hasattr("columns")? {
            records.call_method1("to_dict", ("records",))?
        } else {
            records.clone()
        };
        let mut parsed = Vec::new();
        for (index, item) in rows.try_iter()?.enumerate() {
            parsed.push(observation_from_mapping(&item?, index).py(py)?);
        }
        let on_duplicate = if replace {
            OnDuplicate::Replace
        } else {
            OnDuplicate::Error
        };
        self.with(py, move |s| s.add_many(&parsed, on_duplicate))
    }

    /// Adds an indicator: `kind` is "flow" or "stock"; `directed` is True when origin →
    /// destination matters; `signed` allows negative values; `topic` (trade,
    /// investment, transport, people, cooperation, other) picks its report section.
    /// Returns False when an identical indicator was already stored.
    ///
    /// ```python
    /// >>> bilateral.Store().add_indicator("rail_cargo", "Rail cargo", "t", "flow", False, topic="transport")
    /// True
    /// ```
    #[pyo3(signature = (code, name, unit, kind, directed, *, signed=false, description=None, topic="other"))]
    #[allow(clippy::too_many_arguments)]
    fn add_indicator(
        &self,
        py: Python<'_>,
        code: String,
        name: String,
        unit: String,
        kind: &str,
        directed: bool,
        signed: bool,
        description: Option<String>,
        topic: &str,
    ) -> PyResult<bool> {
        let indicator = Indicator {
            code,
            name,
            unit,
            kind: Kind::from_code(kind).py(py)?,
            directed,
            signed,
            description,
            topic: Topic::from_code(topic).py(py)?,
        };
        self.with(py, move |s| s.add_indicator(&indicator))
    }

    /// Adds a source that observations and events can cite by `id`. Returns False when
    /// an identical source was already stored.
    ///
    /// ```python
    /// >>> bilateral.Store().add_source("geostat", "External trade", publisher="Geostat")
    /// True
    /// ```
    #[pyo3(signature = (id, title, *, publisher=None, url=None, published=None))]
    fn add_source(
        &self,
        py: Python<'_>,
        id: String,
        title: String,
        publisher: Option<String>,
        url: Option<String>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        let published = match published {
            Some(p) => text_of("published", None, p)
                .and_then(|t| t.as_deref().map(Period::parse).transpose())
                .map_err(|e| e.for_field("published"))
                .py(py)?,
            None => None,
        };
        let source = Source {
            id,
            title,
            publisher,
            url,
            published,
        };
        self.with(py, move |s| s.add_source(&source))
    }

    /// Adds a dated event between countries `a` and `b`; `date` is a day, or a month or
    /// year when the day is not known.
    ///
    /// ```python
    /// >>> store = bilateral.Store()
    /// >>> store.add_event("2024-05-26", "GEO", "ARM", "signing", "Rail agreement signed")
    /// >>> store.events("ARM", "GEO")["date"].tolist()
    /// ['2024-05-26']
    /// ```
    #[pyo3(signature = (date, a, b, kind, title, *, place=None, source=None, quote=None, note=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_event(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        a: String,
        b: String,
        kind: String,
        title: String,
        place: Option<String>,
        source: Option<String>,
        quote: Option<String>,
        note: Option<String>,
    ) -> PyResult<()> {
        let event = NewEvent {
            date: text_of("date", None, date).py(py)?.unwrap_or_default(),
            a,
            b,
            kind,
            title,
            place,
            source,
            quote,
            note,
        };
        self.with(py, move |s| s.add_event(&event))
    }

    /// Sets the population of `country` in `year`.
    ///
    /// ```python
    /// >>> store = bilateral.Store()
    /// >>> store.set_population("AZE", 2025, 10_250_000)
    /// >>> store.population("AZE", 2026)
    /// (2025, 10250000)
    /// ```
    #[pyo3(signature = (country, year, value, source=None))]
    fn set_population(
        &self,
        py: Python<'_>,
        country: String,
        year: i32,
        value: &Bound<'_, PyAny>,
        source: Option<String>,
    ) -> PyResult<()> {
        let value = number_of("value", None, value)
            .and_then(|v| v.ok_or_else(|| Error::invalid("value", "None", "is missing")))
            .py(py)?;
        self.with(py, move |s| {
            s.set_population(&country, year, value, source.as_deref())
        })
    }

    /// The population of `country` in `year`, or in the latest earlier year stored:
    /// `(year, people)`, or None.
    ///
    /// ```python
    /// >>> bilateral.Store().population("Kazakhstan", 2030)
    /// (2024, 20592571)
    /// ```
    fn population(
        &self,
        py: Python<'_>,
        country: String,
        year: i32,
    ) -> PyResult<Option<(i32, i64)>> {
        self.with(py, move |s| s.population(&country, year))
    }

    /// The country named by an alpha-3 code, alpha-2 code or English name, as a dict.
    ///
    /// ```python
    /// >>> bilateral.Store().country("kz")["alpha3"]
    /// 'KAZ'
    /// ```
    fn country<'py>(&self, py: Python<'py>, text: String) -> PyResult<Bound<'py, PyDict>> {
        let c = self.with(py, move |s| s.country(&text))?;
        let dict = PyDict::new(py);
        dict.set_item("alpha3", c.alpha3)?;
        dict.set_item("alpha2", c.alpha2)?;
        dict.set_item("name", c.name)?;
        dict.set_item("official_name", c.official_name)?;
        dict.set_item("common_name", c.common_name)?;
        Ok(dict)
    }

    /// Observations as a pandas DataFrame, one row each; every argument narrows the
    /// selection. For undirected indicators a pair matches in either order.
    ///
    /// ```python
    /// >>> df = bilateral.demo().observations(indicator="tourists", origin="AZE", destination="KAZ")
    /// >>> df[["period", "value", "low", "high", "qualifier"]].values.tolist()[-1]
    /// ['2024', 102000.0, 102000.0, 103000.0, 'over']
    /// ```
    #[pyo3(signature = (indicator=None, origin=None, destination=None, product=None, status=None))]
    fn observations<'py>(
        &self,
        py: Python<'py>,
        indicator: Option<String>,
        origin: Option<String>,
        destination: Option<String>,
        product: Option<String>,
        status: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filter = ObservationFilter {
            indicator,
            origin,
            destination,
            product,
            status,
        };
        let rows = self.with(py, move |s| s.observations(&filter))?;
        let col =
            |f: &dyn Fn(&crate::Observation) -> Option<String>| column(py, rows.iter().map(f));
        let num = |f: &dyn Fn(&crate::Observation) -> f64| column(py, rows.iter().map(f));
        frame(
            py,
            vec![
                ("indicator", col(&|o| Some(o.indicator.clone()))?),
                ("origin", col(&|o| Some(o.origin.clone()))?),
                ("destination", col(&|o| Some(o.destination.clone()))?),
                ("product", col(&|o| Some(o.product.clone()))?),
                ("period", col(&|o| Some(o.period.to_string()))?),
                ("start", col(&|o| Some(o.period.start().to_string()))?),
                ("end", col(&|o| Some(o.period.end().to_string()))?),
                ("value", num(&|o| o.value)?),
                ("low", num(&|o| o.low)?),
                ("high", num(&|o| o.high)?),
                ("qualifier", col(&|o| Some(o.qualifier.to_string()))?),
                ("status", col(&|o| Some(o.status.to_string()))?),
                ("unit", col(&|o| Some(o.unit.clone()))?),
                ("source", col(&|o| o.source.clone())?),
                ("quote", col(&|o| o.quote.clone())?),
                ("note", col(&|o| o.note.clone())?),
            ],
            &["start", "end"],
            &["value", "low", "high"],
        )
    }

    /// Indicators as a pandas DataFrame: code, name, unit, kind, directed, signed,
    /// description, topic.
    ///
    /// ```python
    /// >>> "trade_turnover" in bilateral.demo().indicators()["code"].tolist()
    /// True
    /// ```
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.with(py, |s| s.indicators())?;
        frame(
            py,
            vec![
                ("code", column(py, rows.iter().map(|i| i.code.clone()))?),
                ("name", column(py, rows.iter().map(|i| i.name.clone()))?),
                ("unit", column(py, rows.iter().map(|i| i.unit.clone()))?),
                ("kind", column(py, rows.iter().map(|i| i.kind.code()))?),
                ("directed", column(py, rows.iter().map(|i| i.directed))?),
                ("signed", column(py, rows.iter().map(|i| i.signed))?),
                (
                    "description",
                    column(py, rows.iter().map(|i| i.description.clone()))?,
                ),
                ("topic", column(py, rows.iter().map(|i| i.topic.code()))?),
            ],
            &[],
            &[],
        )
    }

    /// Sources as a pandas DataFrame: id, title, publisher, url, published.
    ///
    /// ```python
    /// >>> bilateral.demo().sources()["id"].tolist()[:2]
    /// ['azizov', 'caspian-post']
    /// ```
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.with(py, |s| s.sources())?;
        frame(
            py,
            vec![
                ("id", column(py, rows.iter().map(|s| s.id.clone()))?),
                ("title", column(py, rows.iter().map(|s| s.title.clone()))?),
                (
                    "publisher",
                    column(py, rows.iter().map(|s| s.publisher.clone()))?,
                ),
                ("url", column(py, rows.iter().map(|s| s.url.clone()))?),
                (
                    "published",
                    column(py, rows.iter().map(|s| s.published.map(|p| p.to_string())))?,
                ),
            ],
            &[],
            &[],
        )
    }

    /// Events as a pandas DataFrame in date order; with `a` and `b`, only those
    /// between the two countries.
    ///
    /// ```python
    /// >>> bilateral.demo().events("AZE", "KAZ")["date"].tolist()[:2]
    /// ['2005', '2022']
    /// ```
    #[pyo3(signature = (a=None, b=None))]
    fn events<'py>(
        &self,
        py: Python<'py>,
        a: Option<String>,
        b: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let pair = match (a, b) {
            (Some(a), Some(b)) => Some((a, b)),
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
        let col = |f: &dyn Fn(&crate::Event) -> Option<String>| column(py, rows.iter().map(f));
        frame(
            py,
            vec![
                ("date", col(&|e| Some(e.date.to_string()))?),
                ("start", col(&|e| Some(e.date.start().to_string()))?),
                ("end", col(&|e| Some(e.date.end().to_string()))?),
                ("a", col(&|e| Some(e.a.clone()))?),
                ("b", col(&|e| Some(e.b.clone()))?),
                ("kind", col(&|e| Some(e.kind.clone()))?),
                ("title", col(&|e| Some(e.title.clone()))?),
                ("place", col(&|e| e.place.clone())?),
                ("source", col(&|e| e.source.clone())?),
                ("quote", col(&|e| e.quote.clone())?),
                ("note", col(&|e| e.note.clone())?),
            ],
            &["start", "end"],
            &[],
        )
    }

    // ----- reports -----------------------------------------------------------------------------

    /// Year-on-year growth: one row per observation of the series against the same
    /// period one year earlier. Columns: period, value, low, high, status, base_period,
    /// base_value, change, change_low, change_high, pct, pct_low, pct_high, multiple
    /// (pct in percent; multiple a fraction). Targets and projections count only when
    /// `status` asks for them.
    ///
    /// ```python
    /// >>> df = bilateral.demo().growth("trade_turnover", "AZE", "KAZ")
    /// >>> round(float(df.set_index("period").loc["2024", "pct"]), 2)
    /// -4.19
    /// ```
    #[pyo3(signature = (indicator, origin, destination, product="total", *, status=None))]
    fn growth<'py>(
        &self,
        py: Python<'py>,
        indicator: String,
        origin: String,
        destination: String,
        product: &str,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = series_query(py, indicator, origin, destination, product, status)?;
        let rows = self.with(py, move |s| s.growth(&query))?;
        rows_frame(py, &rows)
    }

    /// How a series moved from period `start` to period `end` (both of the same
    /// length): change, ratio, pct and CAGR over the years between their starts.
    ///
    /// ```python
    /// >>> c = bilateral.demo().change("corridor_cargo", "AZE", "KAZ", 2020, 2024)
    /// >>> c.ratio, round(c.cagr, 3)
    /// (5.625, 0.54)
    /// ```
    #[pyo3(signature = (indicator, origin, destination, start, end, product="total", *, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn change<'py>(
        &self,
        py: Python<'py>,
        indicator: String,
        origin: String,
        destination: String,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        product: &str,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = series_query(py, indicator, origin, destination, product, status)?;
        let start = text_of("start", None, start).py(py)?.unwrap_or_default();
        let end = text_of("end", None, end).py(py)?.unwrap_or_default();
        let result = self.with(py, move |s| s.change(&query, &start, &end))?;
        result_object(py, "Change", &result)
    }

    /// Every product of `indicator` as a share of a whole: `of` (another indicator
    /// for the same pair; by default the same indicator) with product `of_product`,
    /// in each period where both exist (or only `period`). Columns: period, product,
    /// value, whole, share, low, high (share and its bounds as fractions).
    ///
    /// ```python
    /// >>> df = bilateral.demo().shares("exports", "KAZ", "AZE", of="trade_turnover")
    /// >>> df.set_index("product")["share"].round(4).to_dict()
    /// {'oil_products': 0.0698, 'wheat': 0.2219}
    /// ```
    #[pyo3(signature = (indicator, origin, destination, of=None, of_product="total", period=None, *, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn shares<'py>(
        &self,
        py: Python<'py>,
        indicator: String,
        origin: String,
        destination: String,
        of: Option<String>,
        of_product: &str,
        period: Option<&Bound<'_, PyAny>>,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = series_query(py, indicator, origin, destination, "total", status)?;
        let period = match period {
            Some(p) => text_of("period", None, p).py(py)?,
            None => None,
        };
        let of_product = of_product.to_owned();
        let rows = self.with(py, move |s| {
            s.shares(&query, of.as_deref(), &of_product, period.as_deref())
        })?;
        rows_frame(py, &rows)
    }

    /// A series per `per` people of the origin's (or destination's) population in the
    /// year each period ends, or the latest earlier year stored. Columns: period, value,
    /// country, population_year, population, per_capita, low, high.
    ///
    /// ```python
    /// >>> df = bilateral.demo().per_capita("tourists", "AZE", "KAZ")
    /// >>> round(float(df.set_index("period").loc["2024", "per_capita"]), 3)
    /// 9.997
    /// ```
    #[pyo3(signature = (indicator, origin, destination, per=1000.0, basis="origin", product="total", *, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn per_capita<'py>(
        &self,
        py: Python<'py>,
        indicator: String,
        origin: String,
        destination: String,
        per: f64,
        basis: &str,
        product: &str,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = series_query(py, indicator, origin, destination, product, status)?;
        let basis = Basis::from_code(basis).py(py)?;
        let rows = self.with(py, move |s| s.per_capita(&query, per, basis))?;
        rows_frame(py, &rows)
    }

    /// Progress towards the target for `year`: the latest year-to-date actual, its
    /// share of the target and of the year, the run rate, and the monthly average the
    /// rest of the year needs.
    ///
    /// ```python
    /// >>> p = bilateral.demo().target_progress("corridor_cargo", "AZE", "KAZ", 2025)
    /// >>> p.share_of_target, p.months_elapsed, round(p.run_rate)
    /// (0.5, 7, 4457143)
    /// ```
    #[pyo3(signature = (indicator, origin, destination, year, product="total", *, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn target_progress<'py>(
        &self,
        py: Python<'py>,
        indicator: String,
        origin: String,
        destination: String,
        year: i32,
        product: &str,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = series_query(py, indicator, origin, destination, product, status)?;
        let result = self.with(py, move |s| s.target_progress(&query, year))?;
        result_object(py, "TargetProgress", &result)
    }

    /// The CAGR needed from the actual in period `base` to the target (else
    /// projection) in period `target`, beside the series' own CAGR over as many years
    /// before the base when the store has it.
    ///
    /// ```python
    /// >>> r = bilateral.demo().required_growth("oil_transit", "KAZ", "AZE", 2024, 2027)
    /// >>> round(r.required_cagr, 3)
    /// 0.71
    /// ```
    #[pyo3(signature = (indicator, origin, destination, base, target, product="total", *, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn required_growth<'py>(
        &self,
        py: Python<'py>,
        indicator: String,
        origin: String,
        destination: String,
        base: &Bound<'_, PyAny>,
        target: &Bound<'_, PyAny>,
        product: &str,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = series_query(py, indicator, origin, destination, product, status)?;
        let base = text_of("base", None, base).py(py)?.unwrap_or_default();
        let target = text_of("target", None, target).py(py)?.unwrap_or_default();
        let result = self.with(py, move |s| s.required_growth(&query, &base, &target))?;
        result_object(py, "RequiredGrowth", &result)
    }

    /// The two directions of a directed indicator in every period where both exist.
    /// Columns: period, a_to_b, b_to_a (each with _low and _high), ratio (a_to_b /
    /// b_to_a) and net (a_to_b − b_to_a), with bounds.
    ///
    /// ```python
    /// >>> df = bilateral.demo().asymmetry("tourists", "AZE", "KAZ")
    /// >>> round(float(df.set_index("period").loc["2024", "ratio"]), 3)
    /// 1.427
    /// ```
    #[pyo3(signature = (indicator, a, b, product="total", *, status=None))]
    fn asymmetry<'py>(
        &self,
        py: Python<'py>,
        indicator: String,
        a: String,
        b: String,
        product: &str,
        status: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = series_query(py, indicator, a, b, product, status)?;
        let rows = self.with(py, move |s| s.asymmetry(&query))?;
        rows_frame(py, &rows)
    }

    /// The report on countries `a` and `b` (alpha-3, alpha-2 or English names): a
    /// headline, sections with sentences, tables and charts, notes tracing every
    /// figure to its source, and the sources. Renders as Markdown, HTML and JSON.
    ///
    /// ```python
    /// >>> report = bilateral.demo().report("Azerbaijan", "KZ")
    /// >>> report.title, report.sections[0].title
    /// ('Azerbaijan and Kazakhstan', 'Trade')
    /// ```
    fn report<'py>(&self, py: Python<'py>, a: String, b: String) -> PyResult<Bound<'py, PyAny>> {
        let report = self.with(py, move |s| s.report(&a, &b))?;
        let core = Bound::new(py, PyReport { report })?;
        py.import("bilateral.report")?
            .getattr("Report")?
            .call1((core,))
    }

    /// The pairs of countries with observations or events, as `(a, b, count)` with the
    /// alpha-3 codes in alphabetical order, the pair with most first.
    ///
    /// ```python
    /// >>> bilateral.demo().pairs()[0][:2]
    /// ('AZE', 'KAZ')
    /// ```
    fn pairs(&self, py: Python<'_>) -> PyResult<Vec<(String, String, usize)>> {
        self.with(py, |s| s.pairs())
    }

    /// A readable text summary of everything in the store.
    ///
    /// ```python
    /// >>> "$547.6 million" in bilateral.demo().summary()
    /// True
    /// ```
    fn summary(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |s| crate::format::summary(s))
    }
}

// ----- the report ------------------------------------------------------------------------------

/// The Rust report behind `bilateral.Report`: renders it and hands out its data.
#[pyclass(name = "CoreReport", module = "bilateral._core", frozen)]
struct PyReport {
    report: crate::report::Report,
}

#[pymethods]
impl PyReport {
    /// The report as Markdown.
    fn to_markdown(&self) -> String {
        self.report.to_markdown()
    }

    /// The report as a self-contained HTML page.
    fn to_html(&self) -> String {
        self.report.to_html()
    }

    /// The report as an HTML fragment, for notebooks.
    fn to_html_fragment(&self) -> String {
        self.report.to_html_fragment()
    }

    /// The report as JSON with stable field names.
    fn to_json(&self) -> String {
        self.report.to_json()
    }

    /// The report as `markdown`, `html` or `json`.
    fn render(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        self.report.render(format).py(py)
    }

    /// The report as plain Python data (the JSON structure).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(py, &self.report)?)
    }
}

/// A chart of a report (its JSON form) as an inline SVG element.
#[pyfunction]
fn chart_svg(py: Python<'_>, chart_json: &str) -> PyResult<String> {
    let chart: crate::report::Chart = serde_json::from_str(chart_json)
        .map_err(|e| {
            Error::invalid(
                "chart",
                chart_json.chars().take(60).collect::<String>(),
                e.to_string(),
            )
        })
        .py(py)?;
    Ok(crate::render::chart_svg(&chart))
}

// ----- module functions ------------------------------------------------------------------------

/// A store in memory with the built-in Azerbaijan–Kazakhstan dataset loaded.
#[pyfunction]
fn demo(py: Python<'_>) -> PyResult<PyStore> {
    let store = py.detach(Store::demo).py(py)?;
    Ok(PyStore {
        inner: Mutex::new(Some(store)),
        path: None,
    })
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

/// A value with its unit and qualifier in words: `format_value(102000, "persons", "over")`
/// gives `"over 102,000"`. `derived=True` rounds a computed value for reading first
/// (`format_value(4457142.86, "t", derived=True)` gives `"4.457 million t"`).
#[pyfunction]
#[pyo3(signature = (value, unit, qualifier="exact", *, derived=false))]
fn format_value(
    py: Python<'_>,
    value: f64,
    unit: &str,
    qualifier: &str,
    derived: bool,
) -> PyResult<String> {
    if !value.is_finite() {
        return Err(to_py_err(
            py,
            Error::invalid("value", value.to_string(), "is not a finite number"),
        ));
    }
    let qualifier = crate::Qualifier::from_words(qualifier).py(py)?;
    if derived {
        let word = qualifier.prose();
        let amount = crate::format::format_derived(value, unit);
        return Ok(if word.is_empty() {
            amount
        } else {
            format!("{word} {amount}")
        });
    }
    Ok(crate::format::format_value(value, unit, qualifier))
}

#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", crate::SCHEMA_VERSION)?;
    m.add_class::<PyStore>()?;
    m.add_class::<PyReport>()?;
    m.add_function(wrap_pyfunction!(chart_svg, m)?)?;
    m.add_function(wrap_pyfunction!(demo, m)?)?;
    m.add_function(wrap_pyfunction!(datasets, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_period, m)?)?;
    m.add_function(wrap_pyfunction!(format_value, m)?)?;
    let types = exceptions(py)?;
    m.add("BilateralError", types.base.bind(py))?;
    m.add("ValidationError", types.validation.bind(py))?;
    m.add("DuplicateError", types.duplicate.bind(py))?;
    m.add("NotFoundError", types.not_found.bind(py))?;
    m.add("SchemaError", types.schema.bind(py))?;
    Ok(())
}
