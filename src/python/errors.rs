//! The exception classes of `bilateral` and the one function that turns a crate
//! [`Error`] into a Python exception.
//!
//! The classes are made here, in Rust, so that they exist as soon as `bilateral._core`
//! is imported; the package re-exports them under `bilateral.*`. Every exception made
//! here carries the error's `kind` ([`kind_name`]) and `suggestion` as data, and
//! `_parts`, its message with the choices it advises left as data (see [`Part`]): the
//! binding words them as Python's arguments, the command line as its flags.

use pyo3::exceptions::{
    PyException, PyFileExistsError, PyFileNotFoundError, PyKeyboardInterrupt, PyLookupError,
    PyOSError, PyPermissionError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

use crate::error::{Error, ErrorKind};

/// Defines [`kind_name`] and [`KIND_NAMES`] from one list, so that the two cannot
/// disagree; the match has no catch-all arm, so a new [`ErrorKind`] does not compile
/// until it is given a name here.
macro_rules! kind_names {
    ($($variant:ident => $name:literal,)*) => {
        /// The name Python gives `kind`: stable, snake_case, as pydantic names its error
        /// types (`error.kind == "unknown_country"`).
        pub(crate) fn kind_name(kind: ErrorKind) -> &'static str {
            match kind {
                $(ErrorKind::$variant => $name,)*
            }
        }

        /// Every kind's name, in the order of [`ErrorKind`]: `_core.ERROR_KINDS`.
        const KIND_NAMES: &[&str] = &[$($name,)*];
    };
}

kind_names! {
    UnknownCountry => "unknown_country",
    SameCountry => "same_country",
    BadPeriod => "bad_period",
    UnknownIndicator => "unknown_indicator",
    UnknownSource => "unknown_source",
    BadQualifier => "bad_qualifier",
    BadStatus => "bad_status",
    BadValue => "bad_value",
    ThousandsSeparators => "thousands_separators",
    MissingMarkAsText => "missing_mark_as_text",
    UnmappedCode => "unmapped_code",
    Invalid => "invalid",
    Duplicate => "duplicate",
    NotFound => "not_found",
    Schema => "schema",
    Io => "io",
    Closed => "closed",
    Interrupted => "interrupted",
    Busy => "busy",
    Full => "full",
    Other => "other",
}

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
        // Each class's `kind` is the one its instances have unless the error says
        // another (a NotFoundError for an indicator is "unknown_indicator"): an
        // exception made in Python (`NotFoundError("…")`) has one too.
        let make = |name: &str,
                    bases: Vec<Bound<'_, PyAny>>,
                    kind: ErrorKind,
                    doc: &str|
         -> PyResult<Py<PyType>> {
            let namespace = PyDict::new(py);
            namespace.set_item("__module__", "bilateral")?;
            namespace.set_item("__doc__", doc)?;
            namespace.set_item("kind", kind_name(kind))?;
            let class = py
                .import("builtins")?
                .getattr("type")?
                .call1((name, PyTuple::new(py, bases)?, namespace))?;
            Ok(class.cast_into::<PyType>()?.unbind())
        };
        let base = make(
            "BilateralError",
            vec![py.get_type::<PyException>().into_any()],
            ErrorKind::Other,
            "Base class of every error raised by bilateral. `kind` says what went wrong as a \
             stable snake_case string for a program to branch on (\"unknown_country\", \
             \"duplicate\", \"unmapped_code\" …: bilateral.ErrorKind lists them), and \
             `suggestion` the value to use instead (a misspelt country's alpha-3 code, the \
             SDMX code to map, the thousands separator to read a file with), or None.",
        )?;
        // Inherited by every class: none but a validation error suggests a value.
        base.bind(py).setattr("suggestion", py.None())?;
        base.bind(py).setattr("_parts", PyTuple::empty(py))?;
        let validation = make(
            "ValidationError",
            vec![base.bind(py).clone().into_any(), py.get_type::<PyValueError>().into_any()],
            ErrorKind::Invalid,
            "Bad input: `field`, `record` (index in a batch, or None), `text` and `reason` say \
             which and why; `kind` what is wrong (\"unknown_country\", \"bad_period\" …) and \
             `suggestion` the value to use instead, or None.",
        )?;
        let duplicate = make(
            "DuplicateError",
            vec![validation.bind(py).clone().into_any()],
            ErrorKind::Duplicate,
            "The observation is already stored, or stored with another figure \
             (on_duplicate=\"replace\" replaces it, on_duplicate=\"skip\" passes over \
             identical ones); `record` and `key` say which. Its `kind` is \"duplicate\".",
        )?;
        let not_found = make(
            "NotFoundError",
            vec![base.bind(py).clone().into_any(), py.get_type::<PyLookupError>().into_any()],
            ErrorKind::NotFound,
            "Something asked for is not in the store: `what` and `key` say what. Its `kind` is \
             \"not_found\", or \"unknown_indicator\" for an indicator code.",
        )?;
        let schema = make(
            "SchemaError",
            vec![base.bind(py).clone().into_any()],
            ErrorKind::Schema,
            "The file is not a bilateral store this version can open.",
        )?;
        // A SchemaError too: before it had its own class, a closed store raised SchemaError.
        let closed = make(
            "ClosedError",
            vec![schema.bind(py).clone().into_any()],
            ErrorKind::Closed,
            "The store was closed: it takes no more calls.",
        )?;
        let busy = make(
            "BusyError",
            vec![base.bind(py).clone().into_any()],
            ErrorKind::Busy,
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
    m.add("ERROR_KINDS", PyTuple::new(py, KIND_NAMES)?)?;
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
        let parts = parts_of(&error, &error.to_string());
        let message = in_python(&parts);
        let (class, attributes): (&Py<PyType>, Vec<(&str, Bound<'_, PyAny>)>) = match &error {
            Error::Validation(v) => (
                &types.validation,
                vec![
                    ("field", v.field.clone().into_pyobject(py)?.into_any()),
                    ("record", v.record.into_pyobject(py)?.into_any()),
                    ("text", v.text.clone().into_pyobject(py)?.into_any()),
                    (
                        "reason",
                        in_python(&parts_of(&error, &v.reason))
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
        // What every error carries as data, whatever its class.
        let suggestion = error.validation().and_then(|v| v.suggestion.clone());
        instance.setattr("kind", kind_name(error.kind()))?;
        instance.setattr("suggestion", suggestion)?;
        instance.setattr("_parts", parts_to_python(py, parts)?)?;
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|e| e)
}

/// A choice of the call that a message advises (the crate names it in words neutral to
/// the language, or the Rust way: `OnDuplicate::Replace`); each face of the library
/// words it its own way: Python as its keyword argument (`on_duplicate="replace"`),
/// the command line as its flag (`--on-duplicate replace`).
#[derive(Debug, Clone)]
enum Choice {
    /// `on_duplicate=` with this value (`OnDuplicate::Replace`, `OnDuplicate::Skip`).
    OnDuplicate(&'static str),
    /// `missing=` with this value (`OnMissing::Skip`).
    Missing(&'static str),
    /// An SDMX code mapped to an indicator (`code → INDICATOR`): the code, or None
    /// when the message is about every code of a column (`CODE → INDICATOR`).
    Mapping(Option<String>),
    /// A CSV read with its thousands separator set: the separator, when known.
    Thousands(Option<String>),
    /// A file read with a mark as a missing value: the mark.
    MarkAsMissing(String),
}

impl Choice {
    /// The name of the option, as Python's keyword argument has it: what `_parts`
    /// hands on.
    fn option(&self) -> &'static str {
        match self {
            Choice::OnDuplicate(_) => "on_duplicate",
            Choice::Missing(_) => "missing",
            Choice::Mapping(_) => "mapping",
            Choice::Thousands(_) => "thousands",
            Choice::MarkAsMissing(_) => "na_values",
        }
    }

    /// The option's value, when the message gives one.
    fn value(&self) -> Option<&str> {
        match self {
            Choice::OnDuplicate(value) | Choice::Missing(value) => Some(value),
            Choice::Mapping(value) | Choice::Thousands(value) => value.as_deref(),
            Choice::MarkAsMissing(mark) => Some(mark),
        }
    }

    /// The choice in Python's words: the keyword argument, and where the crate says in
    /// general terms how to read a file, the pandas and polars arguments.
    fn in_python(&self) -> String {
        match self {
            Choice::OnDuplicate(value) => format!("on_duplicate={value:?}"),
            Choice::Missing(value) => format!("missing={value:?}"),
            Choice::Mapping(code) => {
                format!(
                    "mapping={{{:?}: \"INDICATOR\"}}",
                    code.as_deref().unwrap_or("CODE")
                )
            }
            Choice::Thousands(separator) => read_csv_with_thousands(separator.as_deref()),
            Choice::MarkAsMissing(mark) => {
                format!("read the file with na_values=[{mark:?}] (polars: null_values=[{mark:?}])")
            }
        }
    }
}

/// A piece of a message: the crate's text, or a choice it advises with the crate's own
/// words for it.
#[derive(Debug, Clone)]
enum Part {
    Text(String),
    Choice(Choice, String),
}

/// The choices a message of `error` may advise, each with the crate's words for it,
/// chosen by the error's kind and suggestion.
fn choices(error: &Error) -> Vec<(String, Choice)> {
    let suggestion = error.validation().and_then(|v| v.suggestion.clone());
    let writes = || {
        vec![
            (
                crate::error::REPLACE.to_owned(),
                Choice::OnDuplicate("replace"),
            ),
            (crate::error::SKIP.to_owned(), Choice::OnDuplicate("skip")),
            (
                crate::hints::SKIP_MISSING.to_owned(),
                Choice::Missing("skip"),
            ),
        ]
    };
    match error.kind() {
        ErrorKind::Duplicate | ErrorKind::Invalid | ErrorKind::BadValue => writes(),
        ErrorKind::ThousandsSeparators => vec![(
            crate::hints::READ_WITH_THOUSANDS.to_owned(),
            Choice::Thousands(suggestion),
        )],
        ErrorKind::MissingMarkAsText => {
            let mut choices = writes();
            choices.push((
                crate::hints::READ_WITH_MARK_AS_MISSING.to_owned(),
                Choice::MarkAsMissing(suggestion.unwrap_or_default()),
            ));
            choices
        }
        // The code of the error, or every code of a column (`CODE → INDICATOR`).
        ErrorKind::UnmappedCode => vec![(
            crate::files::sdmx::code_to_indicator(suggestion.as_deref().unwrap_or("CODE")),
            Choice::Mapping(suggestion),
        )],
        _ => vec![],
    }
}

/// `text`, a message of `error` (or a part of one), cut into the crate's text and the
/// choices it advises, found by the crate's words for them.
fn parts_of(error: &Error, text: &str) -> Vec<Part> {
    let choices = choices(error);
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let next = choices
            .iter()
            .filter(|(words, _)| !words.is_empty())
            .filter_map(|(words, choice)| rest.find(words.as_str()).map(|at| (at, words, choice)))
            .min_by_key(|(at, ..)| *at);
        let Some((at, words, choice)) = next else {
            break;
        };
        if at > 0 {
            parts.push(Part::Text(rest[..at].to_owned()));
        }
        parts.push(Part::Choice(choice.clone(), words.clone()));
        rest = &rest[at + words.len()..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_owned()));
    }
    parts
}

/// A message in Python's words.
fn in_python(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|part| match part {
            Part::Text(text) => text.clone(),
            Part::Choice(choice, _) => choice.in_python(),
        })
        .collect()
}

/// The parts as the exception's `_parts` holds them, for a face with its own words (the
/// command line): text as `str`, a choice as `(option, value or None, the crate's
/// words)`.
fn parts_to_python(py: Python<'_>, parts: Vec<Part>) -> PyResult<Bound<'_, PyTuple>> {
    let mut items = Vec::with_capacity(parts.len());
    for part in parts {
        items.push(match part {
            Part::Text(text) => text.into_pyobject(py)?.into_any(),
            Part::Choice(choice, words) => (choice.option(), choice.value(), words)
                .into_pyobject(py)?
                .into_any(),
        });
    }
    PyTuple::new(py, items)
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
