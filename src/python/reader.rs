//! `read_text`: news text into the items of a draft, as plain dicts built field by
//! field (the package's
//! `bilateral.text.Draft` makes them a DataFrame and an HTML view).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::errors::IntoPyResult;
use crate::error::Error;
use crate::model::Observation;
use crate::text::{country_code, read_text as read, Item, ReadOptions, TextCheck};

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
    let items = PyList::empty(py);
    for item in &draft.items {
        items.append(item_dict(py, item)?)?;
    }
    Ok(items)
}

/// An item of a draft as a dict of its fields, codes for its kinds and `reasons` as a
/// list of `{field, text}` dicts.
fn item_dict<'py>(py: Python<'py>, item: &Item) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("kind", item.kind.code())?;
    dict.set_item("indicator", &item.indicator)?;
    dict.set_item("origin", &item.origin)?;
    dict.set_item("destination", &item.destination)?;
    dict.set_item("product", &item.product)?;
    dict.set_item("period", item.period.map(|p| p.to_string()))?;
    dict.set_item("value", item.value)?;
    dict.set_item("unit", &item.unit)?;
    dict.set_item("qualifier", item.qualifier.map(|q| q.code()))?;
    dict.set_item("status", item.status.map(|s| s.code()))?;
    dict.set_item("relation", item.relation.map(|r| r.code()))?;
    dict.set_item("reference", &item.reference)?;
    dict.set_item("event_kind", &item.event_kind)?;
    dict.set_item("words", &item.words)?;
    dict.set_item("source", &item.source)?;
    dict.set_item("quote", &item.quote)?;
    dict.set_item("start", item.start)?;
    dict.set_item("end", item.end)?;
    let reasons = PyList::empty(py);
    for reason in &item.reasons {
        let r = PyDict::new(py);
        r.set_item("field", &reason.field)?;
        r.set_item("text", &reason.text)?;
        reasons.append(r)?;
    }
    dict.set_item("reasons", reasons)?;
    dict.set_item("confidence", item.confidence)?;
    Ok(dict)
}

/// A stored observation as a dict of its fields (the period in its canonical form,
/// `period_text` as it was given).
fn observation_dict<'py>(py: Python<'py>, o: &Observation) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("indicator", &o.indicator)?;
    dict.set_item("origin", &o.origin)?;
    dict.set_item("destination", &o.destination)?;
    dict.set_item("product", &o.product)?;
    dict.set_item("period", o.period.to_string())?;
    dict.set_item("period_text", &o.period_text)?;
    dict.set_item("value", o.value)?;
    dict.set_item("qualifier", o.qualifier.code())?;
    dict.set_item("low", o.low)?;
    dict.set_item("high", o.high)?;
    dict.set_item("status", o.status.code())?;
    dict.set_item("unit", &o.unit)?;
    dict.set_item("source", &o.source)?;
    dict.set_item("quote", &o.quote)?;
    dict.set_item("note", &o.note)?;
    Ok(dict)
}

/// Checks of a text as plain dicts: `item` (as `read_text` gives it), `verdict`,
/// `explanation` and `figures` (the stored observations used).
pub(crate) fn checks_to_py<'py>(
    py: Python<'py>,
    checks: &[TextCheck],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for check in checks {
        let dict = PyDict::new(py);
        dict.set_item("item", item_dict(py, &check.item)?)?;
        dict.set_item("verdict", check.verdict.code())?;
        dict.set_item("explanation", &check.explanation)?;
        let figures = PyList::empty(py);
        for figure in &check.figures {
            figures.append(observation_dict(py, figure)?)?;
        }
        dict.set_item("figures", figures)?;
        list.append(dict)?;
    }
    Ok(list)
}
