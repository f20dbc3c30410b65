//! Many observations in, column by column, without a Rust string per cell: a DataFrame's
//! columns (text as lists, numbers as float64 buffers) and any Arrow stream become an
//! [`ObservationBatch`], whose text fields hold each distinct value once.

use rustc_hash::FxHashMap as HashMap;

use std::ffi::CStr;

use arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList, PyString};

use super::convert::{
    check_field_name, invalid, let_ctrl_c_in, number_of, text_of, unencodable, value_cell,
};
use super::errors::{to_py_err, IntoPyResult};
use crate::error::Error;
use crate::model::{ObservationBatch, OnMissing, TextColumn};

/// The fields of an observation that hold numbers; every other field holds text.
const NUMBER_FIELDS: &[&str] = &["value", "low", "high", "precision"];

/// One column as the caller gave it.
enum Given<'py> {
    /// A Python list, one cell per row.
    List(Bound<'py, PyList>),
    /// Numbers, from an object with the buffer protocol (a float64 NumPy array).
    Numbers(Vec<f64>),
}

impl Given<'_> {
    fn len(&self) -> usize {
        match self {
            Given::List(list) => list.len(),
            Given::Numbers(numbers) => numbers.len(),
        }
    }
}

/// The first error met while reading columns: the one at the lowest record wins, as it
/// would if the rows were read one by one.
#[derive(Default)]
struct FirstError(Option<(usize, Error)>);

impl FirstError {
    fn note(&mut self, row: usize, error: Error) {
        if self.0.as_ref().is_none_or(|(at, _)| row < *at) {
            self.0 = Some((row, error));
        }
    }

    /// Rows from `row` on need not be read: an earlier error is known.
    fn settled_before(&self, row: usize) -> bool {
        self.0.as_ref().is_some_and(|(at, _)| *at <= row)
    }
}

/// Reads a batch given as columns (`name → list`, or `name → float64 buffer` for the
/// number fields) into an [`ObservationBatch`], with the checks and errors of one
/// record at a time: the error names the first bad record and its field.
pub(crate) fn batch_from_columns(
    py: Python<'_>,
    columns: &Bound<'_, PyDict>,
    on_missing: OnMissing,
) -> PyResult<ObservationBatch> {
    let mut given: HashMap<String, Given<'_>> = HashMap::default();
    let mut rows = None;
    for (key, values) in columns.iter() {
        let name = key.extract::<String>().unwrap_or_else(|_| key.to_string());
        let column = match values.cast_into::<PyList>() {
            Ok(list) => Given::List(list),
            Err(e) if NUMBER_FIELDS.contains(&name.as_str()) => {
                let values = e.into_inner();
                let buffer = PyBuffer::<f64>::get(&values).map_err(|_| {
                    to_py_err(
                        py,
                        Error::invalid(&name, name.clone(), "is not a column of numbers"),
                    )
                })?;
                Given::Numbers(buffer.to_vec(py)?)
            }
            Err(_) => {
                return Err(to_py_err(
                    py,
                    Error::invalid(&name, name.clone(), "is not a column given as a list"),
                ))
            }
        };
        match rows {
            Some(n) if n != column.len() => {
                return Err(to_py_err(
                    py,
                    Error::invalid(
                        &name,
                        name.clone(),
                        format!(
                            "has {} values where the other columns have {n}",
                            column.len()
                        ),
                    ),
                ))
            }
            _ => rows = Some(column.len()),
        }
        given.insert(name, column);
    }
    let rows = rows.unwrap_or(0);
    if rows > 0 {
        for name in given.keys() {
            check_field_name(&PyString::new(py, name).into_any(), 0).py(py)?;
        }
    }
    let mut first = FirstError::default();
    let mut batch = ObservationBatch {
        on_missing,
        ..ObservationBatch::default()
    };
    let numbers = |name: &str, first: &mut FirstError| -> PyResult<Vec<Option<f64>>> {
        read_numbers(py, name, given.get(name), rows, first, on_missing)
    };
    batch.value = numbers("value", &mut first)?;
    batch.low.extend(numbers("low", &mut first)?);
    batch.high.extend(numbers("high", &mut first)?);
    batch.precision.extend(numbers("precision", &mut first)?);
    for (name, column) in [
        ("indicator", &mut batch.indicator),
        ("origin", &mut batch.origin),
        ("destination", &mut batch.destination),
        ("product", &mut batch.product),
        ("product_name", &mut batch.product_name),
        ("period", &mut batch.period),
        ("qualifier", &mut batch.qualifier),
        ("status", &mut batch.status),
        ("source", &mut batch.source),
        ("quote", &mut batch.quote),
        ("note", &mut batch.note),
        ("unit", &mut batch.unit),
    ] {
        read_texts(py, name, given.get(name), rows, column, &mut first)?;
    }
    if let Err(error) = batch.check_complete() {
        if let Some(row) = error.record() {
            first.note(row, error);
        }
    }
    match first.0 {
        Some((_, error)) => Err(to_py_err(py, error)),
        None => Ok(batch),
    }
}

/// A number field's cells (all `None` when the column is absent).
fn read_numbers(
    py: Python<'_>,
    name: &str,
    given: Option<&Given<'_>>,
    rows: usize,
    first: &mut FirstError,
    on_missing: OnMissing,
) -> PyResult<Vec<Option<f64>>> {
    Ok(match given {
        None => vec![None; rows],
        Some(Given::Numbers(numbers)) => numbers
            .iter()
            .map(|&n| (!n.is_nan()).then_some(n))
            .collect(),
        Some(Given::List(list)) => {
            let mut out = Vec::with_capacity(rows);
            for (row, cell) in list.iter().enumerate() {
                let_ctrl_c_in(py, row)?;
                let number = if name == "value" {
                    value_cell(row, &cell, on_missing)
                } else {
                    number_of(name, Some(row), &cell)
                };
                match number {
                    Ok(n) => out.push(n.filter(|x| !x.is_nan())),
                    Err(e) => {
                        first.note(row, e.into_validation());
                        out.push(None);
                    }
                }
            }
            out
        }
    })
}

/// A text field's cells into `column`. A Python string object met again (a column of
/// a DataFrame holds the same object in every row that repeats a value) is recognised
/// by identity, so its text is read and interned once.
fn read_texts(
    py: Python<'_>,
    name: &str,
    given: Option<&Given<'_>>,
    rows: usize,
    column: &mut TextColumn,
    first: &mut FirstError,
) -> PyResult<()> {
    let list = match given {
        None => {
            for _ in 0..rows {
                column.push_code(None);
            }
            return Ok(());
        }
        Some(Given::Numbers(_)) => {
            first.note(0, invalid(name, Some(0), name.to_owned(), "is not text"));
            return Ok(());
        }
        Some(Given::List(list)) => list,
    };
    let mut by_object: HashMap<usize, u32> = HashMap::default();
    for (row, cell) in list.iter().enumerate() {
        let_ctrl_c_in(py, row)?;
        if first.settled_before(row) {
            break;
        }
        if let Ok(text) = cell.cast::<PyString>() {
            let key = cell.as_ptr() as usize;
            let code = match by_object.get(&key) {
                Some(&code) => code,
                None => match text.to_str() {
                    Ok(text) => {
                        let code = column.intern(text.to_owned());
                        by_object.insert(key, code);
                        code
                    }
                    Err(_) => {
                        first.note(row, unencodable(name, Some(row), &cell));
                        column.push_code(None);
                        continue;
                    }
                },
            };
            column.push_code(Some(code));
            continue;
        }
        match text_of(name, Some(row), &cell) {
            Ok(text) => column.push(text.as_deref()),
            Err(e) => {
                first.note(row, e.into_validation());
                column.push_code(None);
            }
        }
    }
    Ok(())
}

/// The observations of an object with `__arrow_c_stream__` (a pyarrow Table, a polars
/// DataFrame, a DuckDB result, a `bilateral.Table`), read batch by batch.
pub(crate) fn batch_from_arrow(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    on_missing: OnMissing,
) -> PyResult<ObservationBatch> {
    const NAME: &CStr = c"arrow_array_stream";
    // The argument of `Store.add_many`, the one call that takes a stream.
    let not_a_stream = |what: &str| {
        PyTypeError::new_err(format!(
            "argument \"records\": expected an Arrow stream, got {} whose \
             __arrow_c_stream__ returned {what}",
            data.get_type()
                .name()
                .map_or("?".to_owned(), |n| n.to_string())
        ))
    };
    let capsule = data
        .call_method1("__arrow_c_stream__", (py.None(),))?
        .cast_into::<PyCapsule>()
        .map_err(|e| {
            let returned = e.into_inner().get_type().name().map(|n| n.to_string());
            not_a_stream(&returned.unwrap_or_default())
        })?;
    let pointer = capsule
        .pointer_checked(Some(NAME))
        .map_err(|_| not_a_stream("a capsule of something else"))?;
    // SAFETY: a capsule named "arrow_array_stream" holds an ArrowArrayStream (the
    // Arrow PyCapsule interface); moving it out leaves a released stream behind, which
    // is how a consumer takes ownership, so the capsule's destructor does nothing more.
    let stream = unsafe {
        std::ptr::replace(
            pointer.cast::<FFI_ArrowArrayStream>().as_ptr(),
            FFI_ArrowArrayStream::empty(),
        )
    };
    // Arrow's words are the explanation, so they go in the reason, which is never cut.
    let given = data
        .get_type()
        .name()
        .map_or("?".to_owned(), |n| n.to_string());
    let arrow_error = |e: arrow_schema::ArrowError| {
        to_py_err(
            py,
            Error::invalid(
                "records",
                given.clone(),
                format!("is not a readable Arrow stream: {e}"),
            ),
        )
    };
    let reader = RecordBatchStreamReader::try_new(stream).map_err(arrow_error)?;
    let mut batch = ObservationBatch {
        on_missing,
        ..ObservationBatch::default()
    };
    for record_batch in reader {
        py.check_signals()?;
        batch
            .push_arrow(&record_batch.map_err(arrow_error)?)
            .py(py)?;
    }
    batch.check_complete().py(py)?;
    Ok(batch)
}
