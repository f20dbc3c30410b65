//! Writes one at a time or many at once: observations (one, records, columns, Arrow),
//! indicators, products, sources, events, populations and topics.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{required_period, PyStore};
use crate::error::Error;
use crate::model::{
    Indicator, Kind, NewEvent, NewObservation, ObservationBatch, OnMissing, Product, Source, Topic,
};
use crate::period::Period;
use crate::python::arguments::{
    flag, float_arg, int_arg, number, optional_flag, optional_text, optional_text_arg, text,
    text_arg,
};
use crate::python::convert::{
    let_ctrl_c_in, number_of, observation_from_mapping, required_number, text_of, Unread,
    PERIOD_TYPES,
};
use crate::python::errors::IntoPyResult;
use crate::python::ingest::{batch_from_arrow, batch_from_columns};
use crate::store::OnDuplicate;

/// What a write does with a duplicate: `on_duplicate`, or `replace=True`, its older
/// spelling (kept as an alias; together they must agree).
fn on_duplicate(on_duplicate: &str, replace: Option<bool>) -> crate::error::Result<OnDuplicate> {
    let chosen = OnDuplicate::from_code(on_duplicate)?;
    match (replace, chosen) {
        (None | Some(false), _) => Ok(chosen),
        (Some(true), OnDuplicate::Error | OnDuplicate::Replace) => Ok(OnDuplicate::Replace),
        (Some(true), _) => Err(Error::invalid(
            "replace",
            "True",
            format!("contradicts on_duplicate={on_duplicate:?} (replace=True is on_duplicate=\"replace\")"),
        )),
    }
}

impl PyStore {
    /// Adds a batch read from Python, its values (and bounds) first multiplied by
    /// `scale`: the last step of every `add_many` path.
    fn add_scaled(
        &self,
        py: Python<'_>,
        mut batch: ObservationBatch,
        on_duplicate: OnDuplicate,
        scale: f64,
    ) -> PyResult<usize> {
        batch.scale(scale).py(py)?;
        self.with(py, move |s| s.add_batch(&batch, on_duplicate))
    }
}

#[pymethods]
impl PyStore {
    /// Adds one observation (`on_duplicate` "error", "skip" or "replace" says what to do
    /// with one of the same identity; `replace=True` is "replace"; `scale` multiplies the
    /// figures).
    // Text arguments are read by `text_arg`, which names them in its errors; the three
    // with defaults are Options underneath, so the signature Python sees is written out.
    #[pyo3(signature = (indicator, origin, destination, period, value, *, qualifier=None,
        status=None, product=None, source=None, quote=None, low=None, high=None,
        precision=None, note=None, unit=None, on_duplicate="error", replace=None, scale=None),
        text_signature = "(self, indicator, origin, destination, period, value, *, \
        qualifier='exact', status='actual', product='total', source=None, quote=None, \
        low=None, high=None, precision=None, note=None, unit=None, on_duplicate='error', \
        replace=None, scale=1.0)")]
    #[allow(clippy::too_many_arguments)]
    fn add(
        &self,
        py: Python<'_>,
        indicator: &Bound<'_, PyAny>,
        origin: &Bound<'_, PyAny>,
        destination: &Bound<'_, PyAny>,
        period: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
        qualifier: Option<&Bound<'_, PyAny>>,
        status: Option<&Bound<'_, PyAny>>,
        product: Option<&Bound<'_, PyAny>>,
        source: Option<&Bound<'_, PyAny>>,
        quote: Option<&Bound<'_, PyAny>>,
        low: Option<&Bound<'_, PyAny>>,
        high: Option<&Bound<'_, PyAny>>,
        precision: Option<&Bound<'_, PyAny>>,
        note: Option<&Bound<'_, PyAny>>,
        unit: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = optional_flag::replace)] replace: Option<bool>,
        scale: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let text = |name: &str, value: &Bound<'_, PyAny>| text_arg(name, value);
        let (indicator, origin, destination) = (
            text("indicator", indicator)?,
            text("origin", origin)?,
            text("destination", destination)?,
        );
        let or = |name: &str, value: Option<&Bound<'_, PyAny>>, default: &str| {
            optional_text_arg(name, value).map(|t| t.unwrap_or_else(|| default.to_owned()))
        };
        let qualifier = or("qualifier", qualifier, "exact")?;
        let status = or("status", status, "actual")?;
        let product = or("product", product, "total")?;
        let (qualifier, status, product) = (qualifier.as_str(), status.as_str(), product.as_str());
        let source = optional_text_arg("source", source)?;
        let quote = optional_text_arg("quote", quote)?;
        let note = optional_text_arg("note", note)?;
        let unit = optional_text_arg("unit", unit)?;
        let scale = scale.map_or(Ok(1.0), |s| float_arg("scale", s))?;
        let optional_number = |name: &str, v: Option<&Bound<'_, PyAny>>| match v {
            Some(v) => number_of(name, None, v),
            None => Ok(None),
        };
        let chosen = self::on_duplicate(on_duplicate, replace).py(py)?;
        // None is not a period (a TypeError); NaN or pandas' NaT is one that is missing.
        if period.is_none() {
            let error = Unread::wrong_type("period", None, period, PERIOD_TYPES, "is missing");
            return Err(error.into_py_err(py));
        }
        let record = (|| -> Result<NewObservation, Unread> {
            let mut record = NewObservation {
                indicator,
                origin,
                destination,
                product: Some(product.to_owned()),
                product_name: None,
                period: required_period("period", period)?,
                value: required_number("value", value)?,
                qualifier: Some(qualifier.to_owned()),
                status: Some(status.to_owned()),
                source,
                quote,
                low: optional_number("low", low)?,
                high: optional_number("high", high)?,
                precision: optional_number("precision", precision)?,
                note,
                unit,
            };
            record.scale(scale)?;
            Ok(record)
        })()
        .py(py)?;
        self.with(py, move |s| s.add_one(&record, chosen).map(drop))
    }

    /// Adds many observations (an iterable of mappings) all or nothing; returns the
    /// number added (`missing="skip"` passes over records without a value).
    #[pyo3(signature = (records, *, on_duplicate="error", replace=None, scale=1.0, missing="error"))]
    fn add_many(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = optional_flag::replace)] replace: Option<bool>,
        #[pyo3(from_py_with = number::scale)] scale: f64,
        #[pyo3(from_py_with = text::missing)] missing: &str,
    ) -> PyResult<usize> {
        let chosen = self::on_duplicate(on_duplicate, replace).py(py)?;
        let on_missing = OnMissing::from_code(missing).py(py)?;
        let mut batch = ObservationBatch {
            on_missing,
            ..ObservationBatch::default()
        };
        for (index, item) in records.try_iter()?.enumerate() {
            let_ctrl_c_in(py, index)?;
            match observation_from_mapping(&item?, index, on_missing).py(py)? {
                Some(record) => batch.push(&record),
                None => batch.push_without_value(),
            }
        }
        self.add_scaled(py, batch, chosen, scale)
    }

    /// Adds many observations given as columns (`name → list`, one value per row) all
    /// or nothing; returns the number added.
    #[pyo3(signature = (columns, *, on_duplicate="error", replace=None, scale=1.0, missing="error"))]
    fn add_columns(
        &self,
        py: Python<'_>,
        columns: &Bound<'_, PyDict>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = optional_flag::replace)] replace: Option<bool>,
        #[pyo3(from_py_with = number::scale)] scale: f64,
        #[pyo3(from_py_with = text::missing)] missing: &str,
    ) -> PyResult<usize> {
        let chosen = self::on_duplicate(on_duplicate, replace).py(py)?;
        let on_missing = OnMissing::from_code(missing).py(py)?;
        let batch = batch_from_columns(py, columns, on_missing)?;
        self.add_scaled(py, batch, chosen, scale)
    }

    /// Adds many observations from an object with `__arrow_c_stream__` (pyarrow,
    /// polars, DuckDB …) all or nothing; returns the number added.
    #[pyo3(signature = (data, *, on_duplicate="error", replace=None, scale=1.0, missing="error"))]
    fn add_arrow(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::on_duplicate)] on_duplicate: &str,
        #[pyo3(from_py_with = optional_flag::replace)] replace: Option<bool>,
        #[pyo3(from_py_with = number::scale)] scale: f64,
        #[pyo3(from_py_with = text::missing)] missing: &str,
    ) -> PyResult<usize> {
        let chosen = self::on_duplicate(on_duplicate, replace).py(py)?;
        let on_missing = OnMissing::from_code(missing).py(py)?;
        let batch = batch_from_arrow(py, data, on_missing)?;
        self.add_scaled(py, batch, chosen, scale)
    }

    /// Adds an indicator; False when an identical one was already stored. Without a
    /// topic, the one its code and name suggest.
    #[pyo3(signature = (code, name, unit, kind, *, directed, signed=false, description=None, topic=None, phrase=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_indicator(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::code)] code: &str,
        #[pyo3(from_py_with = text::name)] name: &str,
        #[pyo3(from_py_with = text::unit)] unit: &str,
        #[pyo3(from_py_with = text::kind)] kind: &str,
        #[pyo3(from_py_with = flag::directed)] directed: bool,
        #[pyo3(from_py_with = flag::signed)] signed: bool,
        #[pyo3(from_py_with = optional_text::description)] description: Option<&str>,
        #[pyo3(from_py_with = optional_text::topic)] topic: Option<&str>,
        #[pyo3(from_py_with = optional_text::phrase)] phrase: Option<&str>,
    ) -> PyResult<bool> {
        let topic = match topic {
            Some(code) => Topic::new(code).py(py)?,
            None => Topic::infer(code, name),
        };
        let indicator = Indicator {
            code: code.to_owned(),
            name: name.to_owned(),
            unit: unit.to_owned(),
            kind: Kind::from_code(kind).py(py)?,
            directed,
            signed,
            description: description.map(str::to_owned),
            topic,
            phrase: phrase.map(str::to_owned),
        };
        self.with(py, move |s| s.add_indicator(&indicator))
    }

    /// Names a product (with the classification of its code, when given); False when
    /// it already had that name.
    #[pyo3(signature = (code, name, *, classification=None))]
    fn add_product(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::code)] code: &str,
        #[pyo3(from_py_with = text::name)] name: &str,
        #[pyo3(from_py_with = optional_text::classification)] classification: Option<&str>,
    ) -> PyResult<bool> {
        let product = Product {
            code: code.to_owned(),
            name: Some(name.to_owned()),
            classification: classification.map(str::to_owned),
        };
        self.with(py, move |s| s.add_one_product(&product))
    }

    /// Adds a source; False when an identical one was already stored.
    #[pyo3(signature = (id, title, *, publisher=None, url=None, published=None))]
    fn add_source(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::id)] id: &str,
        #[pyo3(from_py_with = text::title)] title: &str,
        #[pyo3(from_py_with = optional_text::publisher)] publisher: Option<&str>,
        #[pyo3(from_py_with = optional_text::url)] url: Option<&str>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        let published = match published {
            Some(p) => text_of("published", None, p)
                .py(py)?
                .as_deref()
                .map(Period::parse)
                .transpose()
                .map_err(|e| e.for_field("published"))
                .py(py)?,
            None => None,
        };
        let source = Source {
            id: id.to_owned(),
            title: title.to_owned(),
            publisher: publisher.map(str::to_owned),
            url: url.map(str::to_owned),
            published,
        };
        self.with(py, move |s| s.add_source(&source))
    }

    /// Adds a dated event between countries `a` and `b`.
    #[pyo3(signature = (date, a, b, kind, title, *, place=None, source=None, quote=None, note=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_event(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        #[pyo3(from_py_with = text::a)] a: &str,
        #[pyo3(from_py_with = text::b)] b: &str,
        #[pyo3(from_py_with = text::kind)] kind: &str,
        #[pyo3(from_py_with = text::title)] title: &str,
        #[pyo3(from_py_with = optional_text::place)] place: Option<&str>,
        #[pyo3(from_py_with = optional_text::source)] source: Option<&str>,
        #[pyo3(from_py_with = optional_text::quote)] quote: Option<&str>,
        #[pyo3(from_py_with = optional_text::note)] note: Option<&str>,
    ) -> PyResult<()> {
        let event = NewEvent {
            date: text_of("date", None, date).py(py)?.unwrap_or_default(),
            a: a.to_owned(),
            b: b.to_owned(),
            kind: kind.to_owned(),
            title: title.to_owned(),
            place: place.map(str::to_owned),
            source: source.map(str::to_owned),
            quote: quote.map(str::to_owned),
            note: note.map(str::to_owned),
        };
        self.with(py, move |s| s.add_event(&event))
    }

    /// Sets the population of `country` in `year`.
    #[pyo3(signature = (country, year, value, source=None))]
    fn set_population(
        &self,
        py: Python<'_>,
        country: &Bound<'_, PyAny>,
        year: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
        source: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let country = text_arg("country", country)?;
        let year: i32 = int_arg("year", year)?;
        let source = optional_text_arg("source", source)?;
        let value = required_number("value", value).py(py)?;
        self.with(py, move |s| {
            s.set_population(&country, year, value, source.as_deref())
        })
    }

    /// Adds a report topic with its section title; False when it was already stored
    /// with that title.
    fn add_topic(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = text::code)] code: &str,
        #[pyo3(from_py_with = text::title)] title: &str,
    ) -> PyResult<bool> {
        let topic = Topic::new(code).map_err(|e| e.for_field("code")).py(py)?;
        self.with(py, move |s| s.add_topic(&topic, title))
    }
}
