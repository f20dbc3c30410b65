//! Conversions at the border: Python values (the cells of records and frames, periods,
//! series queries) into the crate's input types. Arguments read one by one, each error
//! naming its argument, are in [`super::arguments`]. Nothing here builds a DataFrame or
//! imports from the `bilateral` package.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyMapping, PyString, PyType};

use super::errors::{to_py_err, IntoPyResult};
use crate::analysis::SeriesFilter;
use crate::error::Error;
use crate::model::{NewObservation, OnMissing, Status};

// ----- cells and records -----------------------------------------------------------------------

/// A validation error on `field`, at `record` in a batch when there is one.
pub(crate) fn invalid(field: &str, record: Option<usize>, text: String, reason: &str) -> Error {
    let error = Error::invalid(field, text, reason);
    match record {
        Some(i) => error.at_record(i),
        None => error,
    }
}

/// True for `None`, for float NaN, which pandas uses for a missing cell, and for
/// pandas' `NaT` (a missing date or period) and `NA`.
pub(crate) fn is_missing(value: &Bound<'_, PyAny>) -> bool {
    value.is_none()
        || value.extract::<f64>().is_ok_and(f64::is_nan) && !value.is_instance_of::<PyString>()
        || is_type(value, &["NaTType", "NAType"])
}

/// True when the type of `value` is called one of `names` (pandas and NumPy types,
/// recognised without importing either).
fn is_type(value: &Bound<'_, PyAny>, names: &[&str]) -> bool {
    value
        .get_type()
        .name()
        .is_ok_and(|name| names.iter().any(|n| name == *n))
}

/// `YYYY-MM-DD` of anything with `year`, `month` and `day` (a `datetime.date`, a
/// `datetime.datetime`, a `pd.Timestamp`: a time of day is dropped, the date is the
/// one on the clock of its time zone).
fn day_text(value: &Bound<'_, PyAny>) -> Option<String> {
    let part = |name: &str| value.getattr(name).ok()?.extract::<i64>().ok();
    Some(format!(
        "{:04}-{:02}-{:02}",
        part("year")?,
        part("month")?,
        part("day")?
    ))
}

/// The period text of a date-like cell: a `pd.Period` as its first and last day (which
/// the store prints in the canonical form; its `str()` would read fiscal quarters such
/// as `Q-JUN` as calendar ones), a date or timestamp as its day, a NumPy `datetime64`
/// as the date part of its text (`2024-03` at month precision is the month).
fn date_like_text(value: &Bound<'_, PyAny>) -> Option<String> {
    if is_type(value, &["Period"]) {
        let start = day_text(&value.getattr("start_time").ok()?)?;
        let end = day_text(&value.getattr("end_time").ok()?)?;
        return Some(format!("{start}/{end}"));
    }
    if is_type(value, &["datetime64"]) {
        let text = value.str().ok()?.to_string();
        return Some(text.split('T').next().unwrap_or_default().to_owned());
    }
    let datetime = value.py().import("datetime").ok()?;
    if value.is_instance(&datetime.getattr("date").ok()?).ok()? {
        return day_text(value);
    }
    None
}

/// What [`text_of`] takes, for its `TypeError`.
pub(crate) const PERIOD_TYPES: &str = "text (str), a year (int) or a date";

/// Text; None when missing. Periods come as pandas and NumPy hold them too: an
/// integer is written as text (years are periods: `2024`), and so is a float without a
/// fraction (an integer column with a missing cell is float in pandas); a `pd.Period`,
/// a date, a timestamp or a `datetime64` becomes the period it states.
pub(crate) fn text_of(
    field: &str,
    record: Option<usize>,
    value: &Bound<'_, PyAny>,
) -> Result<Option<String>, Unread> {
    if is_missing(value) {
        return Ok(None);
    }
    if let Ok(text) = value.extract::<String>() {
        return Ok(Some(text));
    }
    if value.is_instance_of::<PyString>() {
        return Err(unencodable(field, record, value).into());
    }
    if value.is_instance_of::<PyBool>() || is_type(value, &["bool", "bool_"]) {
        return Err(Unread::wrong_type(
            field,
            record,
            value,
            PERIOD_TYPES,
            "is not text",
        ));
    }
    if value.is_instance_of::<PyInt>() {
        return Ok(Some(value.to_string()));
    }
    if value.is_instance_of::<PyFloat>() {
        let number: f64 = value.extract().unwrap_or(f64::NAN);
        if number.fract() == 0.0 && number.abs() < 1e15 {
            return Ok(Some(format!("{number:.0}")));
        }
        return Err(invalid(
            field,
            record,
            repr(value),
            "is a number with a fraction, not text (a year is a whole number)",
        )
        .into());
    }
    if let Some(text) = date_like_text(value) {
        return Ok(Some(text));
    }
    // NumPy integers (`numpy.int64`) are not `int` but convert losslessly.
    if let Ok(index) = value.call_method0("__index__") {
        return Ok(Some(index.to_string()));
    }
    Err(Unread::wrong_type(
        field,
        record,
        value,
        PERIOD_TYPES,
        "is not text",
    ))
}

/// A number (not a bool, not text); None for `None`. An `int` too large for a float
/// is the right type out of range, so a validation error.
pub(crate) fn number_of(
    field: &str,
    record: Option<usize>,
    value: &Bound<'_, PyAny>,
) -> Result<Option<f64>, Unread> {
    const WANTED: &str = "a number (int or float)";
    if value.is_none() {
        return Ok(None);
    }
    if let Ok(text) = value.cast::<PyString>() {
        let hint = match text.to_str() {
            Ok(text) if crate::hints::has_thousands_separators(text) => {
                let separator = crate::hints::separator_in(text);
                let read = super::errors::read_csv_with_thousands(separator.as_deref());
                format!(": it has thousands separators; {read}, or remove them")
            }
            _ => " (give numbers as int or float, not text)".to_owned(),
        };
        let reason = format!("is not a number{hint}");
        return Err(Unread::wrong_type(field, record, value, WANTED, &reason));
    }
    if value.is_instance_of::<PyBool>() || is_complex(value) {
        return Err(Unread::wrong_type(
            field,
            record,
            value,
            WANTED,
            "is not a number",
        ));
    }
    value.extract::<f64>().map(Some).map_err(|error| {
        if error.is_instance_of::<pyo3::exceptions::PyOverflowError>(value.py()) {
            invalid(field, record, repr(value), "is too large for a number").into()
        } else {
            Unread::wrong_type(field, record, value, WANTED, "is not a number")
        }
    })
}

/// A value cell of a batch (a record's `value`, a cell of a frame's value column): its
/// number, or `None` when it is missing: `None`, NaN, pandas' `NA`, or text that marks
/// a missing value (`..`, `:`, `-`, `n/a` …, see [`crate::hints`]). With
/// [`OnMissing::Error`] a missing value is the error naming the record and the mark.
pub(crate) fn value_cell(
    record: usize,
    value: &Bound<'_, PyAny>,
    on_missing: OnMissing,
) -> Result<Option<f64>, Unread> {
    let mark = if is_missing(value) {
        Some(String::new())
    } else if let Ok(text) = value.cast::<PyString>() {
        text.to_str()
            .ok()
            .filter(|t| crate::hints::is_missing_marker(t))
            .map(str::to_owned)
    } else {
        None
    };
    match (mark, on_missing) {
        (Some(_), OnMissing::Skip) => Ok(None),
        (Some(mark), OnMissing::Error) => Err(crate::hints::missing_value("value", &mark)
            .at_record(record)
            .into()),
        (None, _) => number_of("value", Some(record), value),
    }
}

/// True for a complex number (Python's `complex`, NumPy's `complex64` …), which
/// converts to a float as its real part, silently dropping the imaginary one. Any
/// complex number is the wrong type, whatever its imaginary part. NumPy registers its
/// scalar types with the `numbers` ABCs, so they tell complex from real without
/// importing NumPy; `int` and `float` (NumPy's `float64` is one) are answered first,
/// as most numbers are one of them.
pub(crate) fn is_complex(value: &Bound<'_, PyAny>) -> bool {
    static COMPLEX: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static REAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    if value.is_instance_of::<PyFloat>() || value.is_instance_of::<PyInt>() {
        return false;
    }
    let py = value.py();
    let is = |abc: &PyOnceLock<Py<PyType>>, name: &str| {
        abc.import(py, "numbers", name)
            .and_then(|abc| value.is_instance(abc.as_any()))
            .unwrap_or(false)
    };
    is(&COMPLEX, "Complex") && !is(&REAL, "Real")
}

/// A required number argument: `None` is the wrong type, as any other non-number.
pub(crate) fn required_number(field: &str, value: &Bound<'_, PyAny>) -> Result<f64, Unread> {
    number_of(field, None, value)?.ok_or_else(|| {
        Unread::wrong_type(field, None, value, "a number (int or float)", "is missing")
    })
}

/// A Python value that could not be read as a field or an argument.
#[derive(Debug)]
pub(crate) enum Unread {
    /// Its Python type is not one the field takes.
    WrongType(Box<WrongType>),
    /// A value of a type the field takes that the library refuses (out of range, not
    /// encodable, not a period …).
    Invalid(Error),
}

/// A value of the wrong Python type, with what its field takes.
#[derive(Debug)]
pub(crate) struct WrongType {
    field: String,
    record: Option<usize>,
    /// The value's `repr()`, for the validation error of a cell.
    text: String,
    /// The name of the value's type.
    given: String,
    /// What the field takes (`"a number (int or float)"`).
    wanted: &'static str,
    /// The reason a cell of a frame gives (`"is not a number"`).
    reason: String,
}

impl From<Error> for Unread {
    fn from(error: Error) -> Unread {
        Unread::Invalid(error)
    }
}

impl Unread {
    /// `value`, given for `field`, is not `wanted`; a cell of a frame says `reason`.
    pub(crate) fn wrong_type(
        field: &str,
        record: Option<usize>,
        value: &Bound<'_, PyAny>,
        wanted: &'static str,
        reason: &str,
    ) -> Unread {
        Unread::WrongType(Box::new(WrongType {
            field: field.to_owned(),
            record,
            text: repr(value),
            given: type_name(value),
            wanted,
            reason: reason.to_owned(),
        }))
    }

    /// As a validation error: how a cell of a frame or Arrow table reports it, a column
    /// being data rather than an argument.
    pub(crate) fn into_validation(self) -> Error {
        match self {
            Unread::WrongType(w) => invalid(&w.field, w.record, w.text, &w.reason),
            Unread::Invalid(error) => error,
        }
    }

    /// As Python raises it for an argument or a record of `add_many`: a `TypeError`
    /// naming the argument (or the record and field) for the wrong type, else the
    /// crate error's exception.
    pub(crate) fn into_py_err(self, py: Python<'_>) -> PyErr {
        match self {
            Unread::WrongType(w) => {
                let place = match w.record {
                    Some(i) if w.field == RECORD => format!("record {i}"),
                    Some(i) => format!("record {i}, field {:?}", w.field),
                    None => format!("argument {:?}", w.field),
                };
                pyo3::exceptions::PyTypeError::new_err(format!(
                    "{place}: expected {}, got {}",
                    w.wanted, w.given
                ))
            }
            Unread::Invalid(error) => to_py_err(py, error),
        }
    }
}

impl<T> IntoPyResult<T> for Result<T, Unread> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| e.into_py_err(py))
    }
}

pub(crate) fn repr(value: &Bound<'_, PyAny>) -> String {
    value
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| "<unprintable>".to_owned())
}

/// The series a report is about, with an optional status filter.
pub(crate) fn series_query(
    py: Python<'_>,
    indicator: &str,
    origin: &str,
    destination: &str,
    product: &str,
    status: Option<&str>,
) -> PyResult<SeriesFilter> {
    let mut query = SeriesFilter::series(indicator, origin, destination).product(product);
    if let Some(status) = status {
        query = query.status(Status::from_code(status).py(py)?);
    }
    Ok(query)
}

const OBSERVATION_FIELDS: [&str; 16] = crate::model::ObservationBatch::FIELDS;

/// Columns of `Store.observations()` that a record may carry back in and that are
/// derived from other fields, so they are ignored.
const DERIVED_FIELDS: &[&str] = &["start", "end"];

/// The field a record of `add_many` that is not a mapping is reported under.
const RECORD: &str = "record";

/// Reads one record (a mapping) of `add_many` into a [`NewObservation`]; `None` for a
/// record without a value that `on_missing` says to pass over (its other fields are not
/// read). A record that is not a mapping is the wrong type, as a field of the wrong type
/// is.
pub(crate) fn observation_from_mapping(
    record: &Bound<'_, PyAny>,
    index: usize,
    on_missing: OnMissing,
) -> Result<Option<NewObservation>, Unread> {
    let at = Some(index);
    let mapping = record.cast::<PyMapping>().map_err(|_| {
        Unread::wrong_type(
            RECORD,
            at,
            record,
            "a mapping (dict) of fields",
            "is not a mapping (dict) of fields",
        )
    })?;
    let keys = mapping
        .keys()
        .map_err(|e| invalid("record", at, e.to_string(), "has no keys"))?;
    for key in keys.iter() {
        check_field_name(&key, index)?;
    }
    let get = |name: &str| mapping.get_item(name).ok();
    // A record's missing key is a missing figure, as None and a frame's empty cell are.
    let value = match get("value") {
        Some(v) => value_cell(index, &v, on_missing)?,
        None => value_cell(
            index,
            &record.py().None().into_bound(record.py()),
            on_missing,
        )?,
    };
    match value {
        None => Ok(None),
        Some(value) => observation_from_fields(get, index, value).map(Some),
    }
}

/// Every 10,000 records of a batch read from Python objects (which needs the GIL):
/// runs Python's signal handlers, so that Ctrl-C stops a long read (as
/// `KeyboardInterrupt`) before anything is written, and lets go of the GIL for a moment,
/// so that other threads waiting for it run (one that has waited its switch interval
/// takes it then).
pub(crate) fn let_ctrl_c_in(py: Python<'_>, index: usize) -> PyResult<()> {
    if index % 10_000 == 9_999 {
        py.check_signals()?;
        py.detach(|| ());
    }
    Ok(())
}

/// A validation error, at record `index`, for a key that is not a field of an
/// observation.
pub(crate) fn check_field_name(key: &Bound<'_, PyAny>, index: usize) -> crate::error::Result<()> {
    let name = key.extract::<String>().unwrap_or_else(|_| repr(key));
    if OBSERVATION_FIELDS.contains(&name.as_str()) || DERIVED_FIELDS.contains(&name.as_str()) {
        return Ok(());
    }
    Err(invalid(
        &name,
        Some(index),
        name.clone(),
        &format!(
            "is not a field of an observation (fields: {})",
            OBSERVATION_FIELDS.join(", ")
        ),
    ))
}

/// Reads record `index`, whose value is `value`, from `get`, which gives a field's
/// value (`None` when absent).
fn observation_from_fields<'py>(
    get: impl Fn(&str) -> Option<Bound<'py, PyAny>>,
    index: usize,
    value: f64,
) -> Result<NewObservation, Unread> {
    let at = Some(index);
    let text = |name: &str| match get(name) {
        Some(v) => text_of(name, at, &v),
        None => Ok(None),
    };
    let number = |name: &str| match get(name) {
        Some(v) => number_of(name, at, &v).map(|n| n.filter(|x| !x.is_nan())),
        None => Ok(None),
    };
    let required = |name: &str| {
        text(name)?.ok_or_else(|| Unread::from(invalid(name, at, String::new(), "is missing")))
    };
    Ok(NewObservation {
        indicator: required("indicator")?,
        origin: required("origin")?,
        destination: required("destination")?,
        product: text("product")?,
        product_name: text("product_name")?,
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

/// The name of the type of `value` (`str`, `list` …).
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}

/// The validation error for text with a lone surrogate, which has no UTF-8 form.
pub(crate) fn unencodable(name: &str, record: Option<usize>, value: &Bound<'_, PyAny>) -> Error {
    invalid(
        name,
        record,
        repr(value),
        "is not valid Unicode text: it holds a lone surrogate (a half of a UTF-16 pair), \
         which cannot be stored",
    )
}
