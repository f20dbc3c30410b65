//! `read_text`: news text into the items of a draft: as plain dicts built field by
//! field (the package's `bilateral.text.Draft` makes them an HTML view) and as a
//! native `Table` (its DataFrame).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::errors::IntoPyResult;
use super::table::PyTable;
use crate::columns::Columns;
use crate::error::Error;
use crate::text::{country_code, read_text as read, Draft, Item, ItemKind, ReadOptions};

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

/// The draft read from `text`: its items (one dict per figure, claim and event, with
/// the quote, its character offsets, the reasons and a confidence).
#[pyfunction]
#[pyo3(signature = (text, *, pair=None, source=None, published=None))]
pub(crate) fn read_text(
    py: Python<'_>,
    text: String,
    pair: Option<(String, String)>,
    source: Option<String>,
    published: Option<String>,
) -> PyResult<PyDraft> {
    let options = options(py, pair, source, published)?;
    let draft = py.detach(|| read(&text, &options));
    Ok(PyDraft { draft })
}

/// What `read_text` found: the crate's [`Draft`], which picks the items to accept and
/// makes them a dataset; `bilateral.Draft` (Python) wraps it.
#[pyclass(name = "Draft", module = "bilateral._core", frozen)]
pub(crate) struct PyDraft {
    draft: Draft,
}

#[pymethods]
impl PyDraft {
    /// Every item as a dict, figures first, then claims, then events; a new list each
    /// call.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = PyList::empty(py);
        for item in &self.draft.items {
            items.append(item_dict(py, item)?)?;
        }
        Ok(items)
    }

    /// The items (of `kind` only, when given: `figure`, `claim` or `event`) as a native
    /// `Table`, one row each, in the columns `Columns::of_draft_items` names.
    #[pyo3(signature = (kind=None))]
    fn table(&self, kind: Option<&str>) -> PyTable {
        let items: Vec<&Item> = self
            .draft
            .items
            .iter()
            .filter(|i| kind.is_none_or(|k| i.kind.code() == k))
            .collect();
        PyTable::new(Columns::of_draft_items(&items))
    }

    /// The positions of the items to accept: those given, or every complete item, less
    /// a figure stated again (see [`Draft::to_accept`]).
    #[pyo3(signature = (items=None))]
    fn to_accept(&self, py: Python<'_>, items: Option<Vec<usize>>) -> PyResult<Vec<usize>> {
        self.draft.to_accept(items.as_deref()).py(py)
    }

    /// The items at `items` (by default every item) as a dataset, the dict a dataset
    /// file holds: `observations`, `claims` and `events`, each with its quote and, in
    /// `note`, the reader's confidence and reasons; a field the text did not give is
    /// None, for a person to fill in.
    #[pyo3(signature = (items=None, *, name="draft", title="Draft"))]
    fn to_dataset<'py>(
        &self,
        py: Python<'py>,
        items: Option<Vec<usize>>,
        name: &str,
        title: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let all = &self.draft.items;
        let chosen: Vec<&Item> = match items {
            None => all.iter().collect(),
            Some(items) => items
                .into_iter()
                .map(|k| {
                    all.get(k).ok_or_else(|| {
                        Error::invalid("items", k.to_string(), "is not the position of an item")
                    })
                })
                .collect::<crate::error::Result<_>>()
                .py(py)?,
        };
        let (observations, claims, events) =
            (PyList::empty(py), PyList::empty(py), PyList::empty(py));
        for item in chosen {
            match item.kind {
                ItemKind::Figure => observations.append(draft_observation(py, item)?)?,
                ItemKind::Claim => claims.append(draft_claim(py, item)?)?,
                ItemKind::Event => events.append(draft_event(py, item)?)?,
            }
        }
        let dataset = PyDict::new(py);
        dataset.set_item("name", name)?;
        dataset.set_item("title", title)?;
        dataset.set_item("observations", observations)?;
        dataset.set_item("claims", claims)?;
        dataset.set_item("events", events)?;
        Ok(dataset)
    }
}

/// A figure of a draft as an observation of a dataset file.
fn draft_observation<'py>(py: Python<'py>, item: &Item) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("indicator", &item.indicator)?;
    dict.set_item("origin", &item.origin)?;
    dict.set_item("destination", &item.destination)?;
    dict.set_item("product", &item.product)?;
    dict.set_item("period", item.period.map(|p| p.to_string()))?;
    dict.set_item("value", item.value)?;
    dict.set_item("unit", &item.unit)?;
    dict.set_item("qualifier", item.qualifier.map(|q| q.code()))?;
    dict.set_item("status", item.status.map(|s| s.code()))?;
    dict.set_item("source", &item.source)?;
    dict.set_item("quote", &item.quote)?;
    dict.set_item("note", item.note())?;
    Ok(dict)
}

/// A claim of a draft as a claim of a dataset file (its words are the claim's text).
fn draft_claim<'py>(py: Python<'py>, item: &Item) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("text", &item.words)?;
    dict.set_item("indicator", &item.indicator)?;
    dict.set_item("origin", &item.origin)?;
    dict.set_item("destination", &item.destination)?;
    dict.set_item("product", &item.product)?;
    dict.set_item("period", item.period.map(|p| p.to_string()))?;
    dict.set_item("relation", item.relation.map(|r| r.code()))?;
    dict.set_item("value", item.value)?;
    dict.set_item("qualifier", item.qualifier.map(|q| q.code()))?;
    dict.set_item("reference", &item.reference)?;
    dict.set_item("source", &item.source)?;
    dict.set_item("quote", &item.quote)?;
    dict.set_item("note", item.note())?;
    Ok(dict)
}

/// An event of a draft as an event of a dataset file (its words are the title).
fn draft_event<'py>(py: Python<'py>, item: &Item) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("date", item.period.map(|p| p.to_string()))?;
    dict.set_item("a", &item.origin)?;
    dict.set_item("b", &item.destination)?;
    dict.set_item("kind", &item.event_kind)?;
    dict.set_item("title", &item.words)?;
    dict.set_item("source", &item.source)?;
    dict.set_item("quote", &item.quote)?;
    dict.set_item("note", item.note())?;
    Ok(dict)
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
