//! The exception classes of `bilateral` and the one function that turns a crate
//! [`Error`] into a Python exception.
//!
//! The classes are made here, in Rust, so that they exist as soon as `bilateral._core`
//! is imported; the package re-exports them under `bilateral.*`.

use pyo3::exceptions::{
    PyException, PyFileExistsError, PyFileNotFoundError, PyKeyboardInterrupt, PyLookupError,
    PyOSError, PyPermissionError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

use crate::error::Error;

struct Exceptions {
    base: Py<PyType>,
    validation: Py<PyType>,
    duplicate: Py<PyType>,
    not_found: Py<PyType>,
    schema: Py<PyType>,
    closed: Py<PyType>,
    busy: Py<PyType>,
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
            "The observation is already stored, or stored with another figure (on_duplicate=\"replace\" replaces it, on_duplicate=\"skip\" passes over identical ones); `record` and `key` say which.",
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
        // A SchemaError too: before it had its own class, a closed store raised SchemaError.
        let closed = make(
            "ClosedError",
            vec![schema.bind(py).clone().into_any()],
            "The store was closed: it takes no more calls.",
        )?;
        let busy = make(
            "BusyError",
            vec![base.bind(py).clone().into_any()],
            "Another connection kept the store locked for too long (30 s); nothing was written, and trying again is safe.",
        )?;
        Ok(Exceptions {
            busy,
            base,
            validation,
            duplicate,
            not_found,
            schema,
            closed,
        })
    })
}

/// Adds the exception classes to the module `m`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let types = exceptions(py)?;
    m.add("BilateralError", types.base.bind(py))?;
    m.add("ValidationError", types.validation.bind(py))?;
    m.add("DuplicateError", types.duplicate.bind(py))?;
    m.add("NotFoundError", types.not_found.bind(py))?;
    m.add("SchemaError", types.schema.bind(py))?;
    m.add("ClosedError", types.closed.bind(py))?;
    m.add("BusyError", types.busy.bind(py))?;
    Ok(())
}

/// The error for a call on a store that this thread is already in a call of: only a
/// signal handler running during that call can make one, and waiting for the call's
/// lock would wait forever.
pub(crate) fn store_in_use(py: Python<'_>) -> PyErr {
    let message = "the store is in the middle of a call on this thread (a signal handler \
                   cannot use the store whose call it interrupted)";
    match exceptions(py) {
        Ok(types) => PyErr::from_type(types.base.bind(py).clone(), message),
        Err(e) => e,
    }
}

/// The error for a call on a store opened by another process: the parent of this one,
/// which `fork` copied the store from. Its connection and lock are the parent's.
pub(crate) fn forked_store(py: Python<'_>) -> PyErr {
    let message = "the store was opened in another process (this one was forked from it): \
                   open the store again in this process, bilateral.Store(path)";
    match exceptions(py) {
        Ok(types) => PyErr::from_type(types.base.bind(py).clone(), message),
        Err(e) => e,
    }
}

/// The one place where crate errors become Python exceptions.
pub(crate) fn to_py_err(py: Python<'_>, error: Error) -> PyErr {
    // Ctrl-C stopped the call: the KeyboardInterrupt Python would have raised.
    if matches!(error, Error::Interrupted) {
        return PyKeyboardInterrupt::new_err("interrupted");
    }
    // A file that cannot be read: the OSError Python's own open() would raise, with the
    // errno and the file name (FileNotFoundError for a missing file).
    if let Error::Io { path, source } = &error {
        let arguments = (
            source.raw_os_error().unwrap_or(0),
            source.to_string(),
            path.clone(),
        );
        return match source.kind() {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(arguments),
            std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(arguments),
            std::io::ErrorKind::AlreadyExists => PyFileExistsError::new_err(arguments),
            _ => PyOSError::new_err(arguments),
        };
    }
    // A full disk: the OSError the system's own ENOSPC gives (28 on Linux, macOS, BSD
    // and Windows alike).
    if matches!(error, Error::Full) {
        const ENOSPC: i32 = 28;
        return PyOSError::new_err((ENOSPC, error.to_string()));
    }
    let build = || -> PyResult<PyErr> {
        let types = exceptions(py)?;
        let message = python_wording(&error, error.to_string());
        let (class, attributes): (&Py<PyType>, Vec<(&str, Bound<'_, PyAny>)>) = match &error {
            Error::Validation(v) => (
                &types.validation,
                vec![
                    ("field", v.field.clone().into_pyobject(py)?.into_any()),
                    ("record", v.record.into_pyobject(py)?.into_any()),
                    ("text", v.text.clone().into_pyobject(py)?.into_any()),
                    (
                        "reason",
                        python_wording(&error, v.reason.clone())
                            .into_pyobject(py)?
                            .into_any(),
                    ),
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
            Error::Closed => (&types.closed, vec![]),
            Error::Schema(_) => (&types.schema, vec![]),
            Error::Busy => (&types.busy, vec![]),
            // Serialization, BuiltinData (defects) and Sqlite: the base class.
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

/// The crate's message in Python's words: the crate names the choices of a write the
/// Rust way (`OnDuplicate::Replace`, `OnMissing::Skip`), Python passes them as keyword
/// arguments (`on_duplicate="replace"`, `missing="skip"`); and where the crate says in
/// general terms how to read a file (with its thousands separator set, with a mark as a
/// missing value), Python names the pandas and polars arguments, and where it says to
/// map an SDMX code to an indicator, Python's `mapping=` argument, from the error's kind
/// and suggestion.
fn python_wording(error: &Error, text: String) -> String {
    use crate::error::ErrorKind;
    const WORDS: [(&str, &str); 3] = [
        (crate::error::REPLACE, "on_duplicate=\"replace\""),
        (crate::error::SKIP, "on_duplicate=\"skip\""),
        (crate::hints::SKIP_MISSING, "missing=\"skip\""),
    ];
    let suggestion = error.validation().and_then(|v| v.suggestion.as_deref());
    match error.kind() {
        ErrorKind::Duplicate | ErrorKind::Invalid | ErrorKind::BadValue => WORDS
            .iter()
            .fold(text, |text, (rust, python)| text.replace(rust, python)),
        ErrorKind::ThousandsSeparators => text.replace(
            crate::hints::READ_WITH_THOUSANDS,
            &read_csv_with_thousands(suggestion),
        ),
        ErrorKind::MissingMarkAsText => {
            let mark = suggestion.unwrap_or_default();
            let read =
                format!("read the file with na_values=[{mark:?}] (polars: null_values=[{mark:?}])");
            WORDS
                .iter()
                .fold(text, |text, (rust, python)| text.replace(rust, python))
                .replace(crate::hints::READ_WITH_MARK_AS_MISSING, &read)
        }
        ErrorKind::UnmappedCode => {
            let code = suggestion.unwrap_or("CODE");
            text.replace(
                &crate::files::sdmx::code_to_indicator(code),
                &format!("mapping={{{code:?}: \"INDICATOR\"}}"),
            )
        }
        _ => text,
    }
}

/// How pandas reads a CSV whose numbers have thousands separators: with `thousands=`
/// set to `separator` (as Python writes it), or to either of the common two when it is
/// not known.
pub(crate) fn read_csv_with_thousands(separator: Option<&str>) -> String {
    let argument = match separator {
        Some(",") => "thousands=\",\")",
        Some(" ") => "thousands=\" \")",
        Some("\u{a0}") => "thousands=\"\\xa0\")",
        Some("\u{202f}") => "thousands=\"\\u202f\")",
        _ => "thousands=\",\") (or thousands=\" \")",
    };
    format!("read the CSV with pd.read_csv(..., {argument}")
}

/// `.py(py)` turns a crate result into a Python one through [`to_py_err`].
pub(crate) trait IntoPyResult<T> {
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for crate::error::Result<T> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, e))
    }
}
