//! The native `Table`: many rows column by column ([`Columns`]), handed to pandas as
//! one buffer per column and to any Arrow reader (pyarrow, polars, DuckDB) through the
//! Arrow PyCapsule interface, without a Python object per row.

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::RecordBatchIterator;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyCapsule, PyList};

use super::arguments::text;
use super::errors::to_py_err;
use crate::columns::{Column, Columns};
use crate::error::Error;

/// Rows column by column: `pyarrow.table(t)`, `polars.DataFrame(t)` and DuckDB read it
/// through `__arrow_c_stream__`; `column(name)` gives one column's raw parts.
#[pyclass(name = "Table", module = "bilateral._core", frozen)]
pub(crate) struct PyTable {
    columns: Columns,
}

impl PyTable {
    pub(crate) fn new(columns: Columns) -> PyTable {
        PyTable { columns }
    }
}

/// `values` as the bytes of their native representation, in a `bytearray` (writable,
/// so NumPy's view of it is too).
fn native_bytes<'py, T: Copy, const N: usize>(
    py: Python<'py>,
    values: &[T],
    to_bytes: fn(T) -> [u8; N],
) -> PyResult<Bound<'py, PyByteArray>> {
    PyByteArray::new_with(py, values.len() * N, |buffer| {
        for (chunk, value) in buffer.chunks_exact_mut(N).zip(values) {
            chunk.copy_from_slice(&to_bytes(*value));
        }
        Ok(())
    })
}

/// A column's parts, as `Table.column` gives them.
fn parts<'py>(py: Python<'py>, column: &Column) -> PyResult<Bound<'py, PyAny>> {
    Ok(match column {
        Column::Float(values) => ("float", native_bytes(py, values, f64::to_ne_bytes)?)
            .into_pyobject(py)?
            .into_any(),
        Column::Date(days) => ("date", native_bytes(py, days, i32::to_ne_bytes)?)
            .into_pyobject(py)?
            .into_any(),
        Column::Int(values) => {
            let values: Vec<i64> = values.iter().map(|v| v.unwrap_or(i64::MIN)).collect();
            ("int", native_bytes(py, &values, i64::to_ne_bytes)?)
                .into_pyobject(py)?
                .into_any()
        }
        Column::Bool(values) => ("bool", native_bytes(py, values, |v| [u8::from(v)])?)
            .into_pyobject(py)?
            .into_any(),
        Column::Text { codes, values } => (
            "text",
            native_bytes(py, codes, i32::to_ne_bytes)?,
            PyList::new(py, values)?,
        )
            .into_pyobject(py)?
            .into_any(),
        Column::List { offsets, values } => (
            "list",
            native_bytes(py, offsets, i32::to_ne_bytes)?,
            parts(py, values)?,
        )
            .into_pyobject(py)?
            .into_any(),
    })
}

#[pymethods]
impl PyTable {
    /// Column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<&str> {
        self.columns.names.iter().map(AsRef::as_ref).collect()
    }

    /// How many rows the table holds.
    #[getter]
    fn num_rows(&self) -> usize {
        self.columns.rows()
    }

    fn __len__(&self) -> usize {
        self.columns.rows()
    }

    /// One column's parts: `("float", float64 bytes)`, `("date", int32 days since
    /// 1970-01-01)`, `("int", int64 bytes)` with −2⁶³ for no number (as NaN is for a
    /// float: no population or year comes near it), `("bool", a byte per row, 0 or 1)`,
    /// `("text", int32 positions, values)` with −1 for no text, or `("list", int32
    /// offsets, the parts of the items' column)`, row `i` holding the items from
    /// `offsets[i]` to `offsets[i + 1]`.
    fn column<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = text::name)] name: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let column = self
            .columns
            .get(name)
            .ok_or_else(|| PyKeyError::new_err(name.to_owned()))?;
        parts(py, column)
    }

    /// The Arrow PyCapsule interface: the table as one record batch in an Arrow C
    /// stream. A requested schema is not applied (the interface lets a producer
    /// ignore it).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let columns = &self.columns;
        let batch = py.detach(|| columns.to_record_batch()).map_err(|e| {
            let message = e.to_string();
            to_py_err(
                py,
                Error::Serialization {
                    what: "Arrow table",
                    message,
                },
            )
        })?;
        let schema = batch.schema();
        let stream =
            FFI_ArrowArrayStream::new(Box::new(RecordBatchIterator::new([Ok(batch)], schema)));
        // The consumer moves the stream out and leaves a released one behind; a stream
        // nobody took is released when the capsule is dropped (FFI_ArrowArrayStream's
        // Drop).
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
}
