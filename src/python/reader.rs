//! `read_text`: news text into the items of a draft, as plain dicts (the package's
//! `bilateral.text.Draft` makes them a DataFrame and an HTML view).

use pyo3::prelude::*;
use pyo3::types::PyList;

use super::convert::{json_to_py, to_json};
use super::errors::IntoPyResult;
use crate::error::Error;
use crate::text::{country_code, read_text as read, ReadOptions, TextCheck};

/// The alpha-3 code of `name` (a code or a name), else a validation error on `pair`.
fn pair_country(name: &str) -> crate::error::Result<String> {
    country_code(name).ok_or_else(|| {
        Error::invalid(
            "pair",
            name,
            "is not a country: expected an ISO code (AZE, AZ) or a name (Azerbaijan)",
        )
    })
}

/// The reader's options from Python's arguments: `published` as `YYYY-MM-DD`, the
/// pair's countries by code or name.
pub(crate) fn options(
    py: Python<'_>,
    pair: Option<(String, String)>,
    source: Option<String>,
    published: Option<String>,
) -> PyResult<ReadOptions> {
    let published = published
        .map(|date| {
            time::Date::parse(
                &date,
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .map_err(|_| Error::invalid("published", date, "is not a date: expected YYYY-MM-DD"))
        })
        .transpose()
        .py(py)?;
    let pair = pair
        .map(|(a, b)| Ok::<_, Error>((pair_country(&a)?, pair_country(&b)?)))
        .transpose()
        .py(py)?;
    Ok(ReadOptions {
        pair,
        source,
        published,
    })
}

/// The items read from `text`: one dict per figure, claim and event, with the
/// quote, its character offsets, the reasons and a confidence.
#[pyfunction]
#[pyo3(signature = (text, *, pair=None, source=None, published=None))]
pub(crate) fn read_text<'py>(
    py: Python<'py>,
    text: String,
    pair: Option<(String, String)>,
    source: Option<String>,
    published: Option<String>,
) -> PyResult<Bound<'py, PyList>> {
    let options = options(py, pair, source, published)?;
    let draft = py.detach(|| read(&text, &options));
    let value = to_json(py, "draft", &draft.items)?;
    Ok(json_to_py(py, &value)?.cast_into::<PyList>()?)
}

/// Checks of a text as plain dicts: `item` (as `read_text` gives it), `verdict`,
/// `explanation` and `figures` (the stored observations used).
pub(crate) fn checks_to_py<'py>(
    py: Python<'py>,
    checks: &[TextCheck],
) -> PyResult<Bound<'py, PyList>> {
    let value = to_json(py, "text checks", &checks)?;
    Ok(json_to_py(py, &value)?.cast_into::<PyList>()?)
}
