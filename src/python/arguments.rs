//! Python arguments read one by one, each error naming its argument.
//!
//! A `String` or `i32` parameter makes PyO3 convert before our code runs, so a lone
//! surrogate (`"\ud800"`, which has no UTF-8 form) escaped as `UnicodeEncodeError` and a
//! year beyond 32 bits as `OverflowError`. Parameters that take `&Bound<PyAny>` come here
//! instead: wrong types are a `TypeError` naming the argument, values that are the right
//! type but out of range or unencodable a `ValidationError` on the argument. Cells of
//! records and frames are read by [`super::convert`].

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyMapping, PySequence, PyString};

use super::convert::{invalid, is_complex, repr, type_name, unencodable};
use super::errors::to_py_err;

/// A `TypeError` that names the argument and the type it was given.
fn wrong_type(name: &str, value: &Bound<'_, PyAny>, wanted: &str) -> PyErr {
    let given = type_name(value);
    pyo3::exceptions::PyTypeError::new_err(format!(
        "argument {name:?}: expected {wanted}, got {given}"
    ))
}

/// The text of the string argument `name`.
pub(crate) fn text_arg(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = value.py();
    let text = value
        .cast::<PyString>()
        .map_err(|_| wrong_type(name, value, "text (str)"))?;
    match text.to_str() {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => Err(to_py_err(py, unencodable(name, None, value))),
    }
}

/// The text of the optional string argument `name` (`None` stays `None`).
pub(crate) fn optional_text_arg(
    name: &str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<String>> {
    match value {
        Some(value) if !value.is_none() => text_arg(name, value).map(Some),
        _ => Ok(None),
    }
}

/// The text of the string argument `name`, borrowed from the Python string.
fn text_ref<'a>(name: &str, value: &'a Bound<'_, PyAny>) -> PyResult<&'a str> {
    let text = value
        .cast::<PyString>()
        .map_err(|_| wrong_type(name, value, "text (str)"))?;
    text.to_str()
        .map_err(|_| to_py_err(value.py(), unencodable(name, None, value)))
}

/// The text of the optional string argument `name`, borrowed; `None` stays `None`.
fn optional_text_ref<'a>(name: &str, value: &'a Bound<'_, PyAny>) -> PyResult<Option<&'a str>> {
    if value.is_none() {
        return Ok(None);
    }
    text_ref(name, value).map(Some)
}

/// The flag argument `name`: `True` or `False` (a `bool`, or numpy's).
fn bool_arg(name: &str, value: &Bound<'_, PyAny>) -> PyResult<bool> {
    value
        .extract::<bool>()
        .map_err(|_| wrong_type(name, value, "True or False (bool)"))
}

/// The flag argument `name`, or `None`.
fn optional_bool_arg(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
    if value.is_none() {
        return Ok(None);
    }
    bool_arg(name, value).map(Some)
}

/// The texts of the list argument `name` (a list or tuple of `str`; a `str` alone is
/// not taken for a list of its letters); `None` stays `None`.
fn optional_texts(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Option<Vec<String>>> {
    const WANTED: &str = "a list of text (str)";
    if value.is_none() {
        return Ok(None);
    }
    if value.is_instance_of::<PyString>() {
        return Err(wrong_type(name, value, WANTED));
    }
    let items = value
        .cast::<PySequence>()
        .map_err(|_| wrong_type(name, value, WANTED))?;
    let mut texts = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        if !item.is_instance_of::<PyString>() {
            return Err(wrong_type(name, value, WANTED));
        }
        texts.push(text_arg(name, &item)?);
    }
    Ok(Some(texts))
}

/// The text-to-text mapping argument `name` (`{"CODE": "indicator"}`); `None` stays
/// `None`.
fn optional_text_mapping(
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<Option<std::collections::BTreeMap<String, String>>> {
    const WANTED: &str = "a mapping of text to text (dict[str, str])";
    if value.is_none() {
        return Ok(None);
    }
    let mapping = value
        .cast::<PyMapping>()
        .map_err(|_| wrong_type(name, value, WANTED))?;
    let mut texts = std::collections::BTreeMap::new();
    for item in mapping.items()?.iter() {
        let (key, text): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        if !key.is_instance_of::<PyString>() || !text.is_instance_of::<PyString>() {
            return Err(wrong_type(name, value, WANTED));
        }
        texts.insert(text_arg(name, &key)?, text_arg(name, &text)?);
    }
    Ok(Some(texts))
}

/// The path argument `name`: text, bytes or an `os.PathLike`, as `open()` takes them.
pub(crate) fn path_arg(name: &str, value: &Bound<'_, PyAny>) -> PyResult<std::path::PathBuf> {
    let py = value.py();
    value.extract::<std::path::PathBuf>().map_err(|error| {
        if error.is_instance_of::<pyo3::exceptions::PyUnicodeError>(py) {
            to_py_err(py, unencodable(name, None, value))
        } else {
            wrong_type(name, value, "a path (str, bytes or os.PathLike)")
        }
    })
}

/// The whole-number argument `name`: an `int` (not a bool) that fits `T`, else a
/// validation error that says the range.
pub(crate) fn int_arg<'py, T>(name: &str, value: &Bound<'py, PyAny>) -> PyResult<T>
where
    T: FromPyObjectOwned<'py> + std::fmt::Display + num_bounds::Bounded,
{
    let py = value.py();
    if value.is_instance_of::<PyBool>() || value.call_method0("__index__").is_err() {
        return Err(wrong_type(name, value, "a whole number (int)"));
    }
    value.extract::<T>().map_err(|_| {
        to_py_err(
            py,
            invalid(
                name,
                None,
                repr(value),
                &format!("is out of range ({} to {})", T::MIN, T::MAX),
            ),
        )
    })
}

/// The number argument `name`: an `int` or `float` (not a bool); an `int` too large for
/// a float is a validation error.
pub(crate) fn float_arg(name: &str, value: &Bound<'_, PyAny>) -> PyResult<f64> {
    let py = value.py();
    if value.is_instance_of::<PyBool>() || value.is_instance_of::<PyString>() || is_complex(value) {
        return Err(wrong_type(name, value, "a number (int or float)"));
    }
    value.extract::<f64>().map_err(|error| {
        if error.is_instance_of::<pyo3::exceptions::PyOverflowError>(py) {
            to_py_err(
                py,
                invalid(name, None, repr(value), "is too large for a number"),
            )
        } else {
            wrong_type(name, value, "a number (int or float)")
        }
    })
}

// ----- extractors for `#[pyo3(from_py_with = …)]` ------------------------------------------
//
// PyO3 hands an extractor the value but not the argument's name, so there is one
// extractor per name and kind, made here: `#[pyo3(from_py_with = text::origin)] origin:
// &str` reads the argument `origin` as `text_arg` would. The Rust types stay those of
// the values (`&str`, `Option<&str>`, `PathBuf`, `f64`), and so do the defaults
// (`product="total"`), which Python's signature shows.

/// Modules `$module` of one extractor per name, `fn name(value) -> PyResult<$out>` made
/// by `$read("name", value)`.
macro_rules! extractors {
    ($(#[$doc:meta])* $module:ident -> $out:ty, $read:path: $($name:ident),+ $(,)?) => {
        $(#[$doc])*
        pub(crate) mod $module {
            use pyo3::prelude::*;
            $(
                #[allow(clippy::needless_lifetimes, reason = "the output type may borrow")]
                pub(crate) fn $name<'a>(value: &'a Bound<'_, PyAny>) -> PyResult<$out> {
                    $read(stringify!($name), value)
                }
            )+
        }
    };
}

extractors!(
    /// Text arguments, borrowed from the Python string.
    text -> &'a str, super::text_ref:
    a, b, basis, code, destination, dialect, folder, format, id, indicator, kind, missing, name,
    of_product, on_duplicate, origin, population, product, qualifier, relation, text, title,
    unit,
);
extractors!(
    /// Optional text arguments, borrowed; `None` stays `None`.
    optional_text -> Option<&'a str>, super::optional_text_ref:
    a, b, classification, description, destination, indicator, format, note, of, origin, phrase, place,
    product, publisher, qualifier, quote, source, status, title, topic, url,
);
extractors!(
    /// Paths: text, bytes or an `os.PathLike`.
    path -> std::path::PathBuf, super::path_arg: path,
);
extractors!(
    /// Numbers: an `int` or a `float`, not a bool.
    number -> f64, super::float_arg: per, scale, value,
);
extractors!(
    /// Years: an `int` that fits 32 bits.
    whole -> i32, super::int_arg: year,
);
extractors!(
    /// Counts: an `int` that fits 64 bits (a negative one is refused by the call).
    count -> i64, super::int_arg: top, digits,
);
extractors!(
    /// Flags: `True` or `False`.
    flag -> bool, super::bool_arg: derived, directed, include_implied, signed,
);
extractors!(
    /// Optional flags; `None` stays `None`.
    optional_flag -> Option<bool>, super::optional_bool_arg: replace,
);
extractors!(
    /// Lists of text; `None` stays `None`.
    optional_texts -> Option<Vec<String>>, super::optional_texts: topics, undirected,
);
extractors!(
    /// Mappings of text to text; `None` stays `None`.
    optional_text_mapping -> Option<std::collections::BTreeMap<String, String>>,
    super::optional_text_mapping: mapping,
);

/// The limits of the integer types [`int_arg`] reads, for its message.
pub(crate) mod num_bounds {
    /// An integer type with a smallest and a largest value.
    pub(crate) trait Bounded {
        /// The smallest value.
        const MIN: Self;
        /// The largest value.
        const MAX: Self;
    }
    macro_rules! bounded {
        ($($t:ty),*) => {$(impl Bounded for $t { const MIN: Self = <$t>::MIN; const MAX: Self = <$t>::MAX; })*};
    }
    bounded!(i32, i64, u32, usize);
}
