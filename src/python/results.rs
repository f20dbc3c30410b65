//! The one-answer results (`Change`, `TargetProgress`, `RequiredGrowth`) as native,
//! frozen classes, each built by `From` from the crate's struct: a getter per field, a
//! readable `repr`, an HTML table for Jupyter, `to_dict()`, equality, hashing and
//! pickling. How a field is shown (an amount in the series' unit, a fraction as a
//! percentage) is decided here, once, for every class.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::analysis::{Change, RequiredGrowth, TargetProgress};
use crate::words::numbers::percent;

/// The value of one field, as a result shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field {
    /// Nothing (Python's `None`).
    Missing,
    /// Text.
    Text(String),
    /// A number with a fraction.
    Float(f64),
    /// A whole number.
    Int(i64),
    /// True or false.
    Flag(bool),
}

impl From<&String> for Field {
    fn from(text: &String) -> Field {
        Field::Text(text.clone())
    }
}

impl From<&Option<String>> for Field {
    fn from(text: &Option<String>) -> Field {
        text.as_ref().map_or(Field::Missing, Field::from)
    }
}

impl From<&f64> for Field {
    fn from(number: &f64) -> Field {
        Field::Float(*number)
    }
}

impl From<&Option<f64>> for Field {
    fn from(number: &Option<f64>) -> Field {
        number.map_or(Field::Missing, Field::Float)
    }
}

impl From<&i32> for Field {
    fn from(number: &i32) -> Field {
        Field::Int(i64::from(*number))
    }
}

impl From<&u32> for Field {
    fn from(number: &u32) -> Field {
        Field::Int(i64::from(*number))
    }
}

impl From<&bool> for Field {
    fn from(flag: &bool) -> Field {
        Field::Flag(*flag)
    }
}

impl<'py> IntoPyObject<'py> for &Field {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(match self {
            Field::Missing => py.None().into_bound(py),
            Field::Text(text) => text.into_pyobject(py)?.into_any(),
            Field::Float(number) => number.into_pyobject(py)?.into_any(),
            Field::Int(number) => number.into_pyobject(py)?.into_any(),
            Field::Flag(flag) => flag.into_pyobject(py)?.to_owned().into_any(),
        })
    }
}

/// How a number field reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    /// In the unit of the series, rounded for reading ("4.5 million t").
    Amount,
    /// A fraction, as a percentage with two decimals ("54.00 %").
    Fraction,
    /// Already a percentage ("72.88 %").
    Percent,
    /// As it is: a whole number in full, another with six significant digits.
    Plain,
}

/// A one-answer result: its fields in order, and how each reads.
pub(crate) trait Fields {
    /// The class's name in Python.
    const NAME: &'static str;
    /// The fields, in order, with their values.
    fn fields(&self) -> Vec<(&'static str, Field)>;
    /// How the number field `name` reads.
    fn shown(name: &str) -> Shown;
    /// The unit of the series, for amounts.
    fn unit(&self) -> &str;
}

/// The text of field `name` of `result`.
fn show<R: Fields>(result: &R, name: &str, value: &Field) -> String {
    let number = match value {
        Field::Missing => return "–".to_owned(),
        Field::Float(n) if n.is_nan() => return "–".to_owned(),
        Field::Text(text) => return text.clone(),
        Field::Flag(true) => return "True".to_owned(),
        Field::Flag(false) => return "False".to_owned(),
        Field::Float(n) => *n,
        // Every whole number of a result is far below 2⁵³.
        #[allow(clippy::cast_precision_loss)]
        Field::Int(n) => *n as f64,
    };
    match R::shown(name) {
        Shown::Amount => crate::words::format_derived(number, result.unit()),
        Shown::Fraction => format!("{:.2} %", number * 100.0),
        Shown::Percent => format!("{number:.2} %"),
        Shown::Plain => match value {
            Field::Int(n) => n.to_string(),
            _ => crate::words::numbers::six_digits(number),
        },
    }
}

/// The lines of a result as shown: each field's name and text, a field `x` with
/// siblings `x_low` and `x_high` followed by its bounds (when they differ) instead of
/// a line for each bound.
pub(crate) fn lines<R: Fields>(result: &R) -> Vec<(&'static str, String)> {
    let fields = result.fields();
    let get = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, value)| value)
    };
    let mut lines = Vec::new();
    for (name, value) in &fields {
        let is_bound = ["_low", "_high"].iter().any(|end| {
            name.strip_suffix(end)
                .is_some_and(|base| get(base).is_some())
        });
        if is_bound {
            continue;
        }
        let mut text = show(result, name, value);
        let low = get(&format!("{name}_low"));
        let high = get(&format!("{name}_high"));
        if let (Some(low), Some(high)) = (low, high) {
            if *low != Field::Missing && *high != Field::Missing && low != high {
                text.push_str(&format!(
                    "  [{} – {}]",
                    show(result, name, low),
                    show(result, name, high)
                ));
            }
        }
        lines.push((*name, text));
    }
    lines
}

/// The result as readable text: its class name, then a line per field.
pub(crate) fn repr<R: Fields>(result: &R) -> String {
    let lines = lines(result);
    let width = lines
        .iter()
        .map(|(name, _)| name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = R::NAME.to_owned();
    for (name, text) in lines {
        out.push_str(&format!("\n  {name:<width$}  {text}"));
    }
    out
}

/// The result as an HTML table, for Jupyter.
pub(crate) fn html<R: Fields>(result: &R) -> String {
    use crate::render::escape;
    let rows: String = lines(result)
        .iter()
        .map(|(name, text)| {
            format!(
                "<tr><th style='text-align:left'>{}</th><td style='text-align:left'>{}</td></tr>",
                escape(name),
                escape(text)
            )
        })
        .collect();
    format!("<table><caption>{}</caption>{rows}</table>", R::NAME)
}

/// The fields as a dict.
pub(crate) fn to_dict<'py, R: Fields>(py: Python<'py>, result: &R) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, value) in result.fields() {
        dict.set_item(name, &value)?;
    }
    Ok(dict)
}

/// The field values as a tuple, in order: what the constructor takes, so the pickle.
pub(crate) fn values<'py, R: Fields>(py: Python<'py>, result: &R) -> PyResult<Bound<'py, PyTuple>> {
    let values: Vec<Field> = result.fields().into_iter().map(|(_, v)| v).collect();
    PyTuple::new(py, &values)
}

/// Declares a frozen result class: its fields (each with a getter, in the order the
/// constructor takes them), how its numbers read, and the methods every result has.
macro_rules! result_class {
    (
        $(#[$doc:meta])*
        $rust:ident as $name:literal {
            $( $(#[$field_doc:meta])* $field:ident: $ty:ty ),* $(,)?
        }
        amounts: [$($amount:literal),*],
        fractions: [$($fraction:literal),*],
        percents: [$($percent:literal),*] $(,)?
    ) => {
        $(#[$doc])*
        #[pyclass(name = $name, module = "bilateral._core", frozen, eq)]
        #[derive(Debug, Clone, PartialEq)]
        pub(crate) struct $rust {
            $( $(#[$field_doc])* #[pyo3(get)] pub(crate) $field: $ty, )*
        }

        impl Fields for $rust {
            const NAME: &'static str = $name;

            fn fields(&self) -> Vec<(&'static str, Field)> {
                vec![$( (stringify!($field), Field::from(&self.$field)) ),*]
            }

            fn shown(name: &str) -> Shown {
                let amounts: &[&str] = &[$($amount),*];
                let fractions: &[&str] = &[$($fraction),*];
                let percents: &[&str] = &[$($percent),*];
                if amounts.contains(&name) {
                    Shown::Amount
                } else if fractions.contains(&name) {
                    Shown::Fraction
                } else if percents.contains(&name) {
                    Shown::Percent
                } else {
                    Shown::Plain
                }
            }

            fn unit(&self) -> &str {
                &self.unit
            }
        }

        #[pymethods]
        impl $rust {
            #[new]
            #[pyo3(signature = ($($field),*))]
            #[allow(clippy::too_many_arguments)]
            fn new($($field: $ty),*) -> Self {
                Self { $($field),* }
            }

            /// The fields as a plain dict.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                to_dict(py, self)
            }

            fn __repr__(&self) -> String {
                repr(self)
            }

            fn _repr_html_(&self) -> String {
                html(self)
            }

            fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
                values(py, self)?.hash()
            }

            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, pyo3::types::PyType>, Bound<'py, PyTuple>)> {
                Ok((slf.get_type(), values(slf.py(), &*slf.get())?))
            }
        }
    };
}

result_class! {
    /// How a series moved between two periods of the same length.
    PyChange as "Change" {
        /// The series, as a label.
        series: String,
        /// Unit of the values.
        unit: String,
        /// The first period.
        start: String,
        /// The last period.
        end: String,
        /// Value in the first period.
        start_value: f64,
        /// Value in the last period.
        end_value: f64,
        /// `end_value − start_value`.
        change: f64,
        /// Lower bound of the change.
        change_low: f64,
        /// Upper bound of the change.
        change_high: f64,
        /// `end_value / start_value`.
        ratio: f64,
        /// Lower bound of the ratio.
        ratio_low: f64,
        /// Upper bound of the ratio.
        ratio_high: f64,
        /// `(ratio − 1) × 100`.
        pct: f64,
        /// Lower bound of pct.
        pct_low: f64,
        /// Upper bound of pct.
        pct_high: f64,
        /// Years between the starts of the two periods.
        years: f64,
        /// Compound annual growth rate, a fraction; None when the ratio is negative.
        cagr: Option<f64>,
        /// Lower bound of the CAGR.
        cagr_low: Option<f64>,
        /// Upper bound of the CAGR.
        cagr_high: Option<f64>,
    }
    amounts: ["start_value", "end_value", "change"],
    fractions: ["cagr"],
    percents: ["pct"],
}

impl From<Change> for PyChange {
    fn from(c: Change) -> PyChange {
        PyChange {
            series: c.series,
            unit: c.unit,
            start: c.start.to_string(),
            end: c.end.to_string(),
            start_value: c.start_value,
            end_value: c.end_value,
            change: c.change,
            change_low: c.change_low,
            change_high: c.change_high,
            ratio: c.ratio,
            ratio_low: c.ratio_low,
            ratio_high: c.ratio_high,
            // Python's `Change.pct` stays in percent (its documented unit): the rate shown.
            pct: percent(c.rate),
            pct_low: percent(c.rate_low),
            pct_high: percent(c.rate_high),
            years: c.years,
            cagr: c.cagr,
            cagr_low: c.cagr_low,
            cagr_high: c.cagr_high,
        }
    }
}

result_class! {
    /// How far a year's actuals are towards the year's target.
    PyTargetProgress as "TargetProgress" {
        /// The series, as a label.
        series: String,
        /// Unit of the values.
        unit: String,
        /// The target's year.
        year: i32,
        /// The target.
        target: f64,
        /// The latest year-to-date actual.
        actual: f64,
        /// Lower bound of the actual.
        actual_low: f64,
        /// Upper bound of the actual.
        actual_high: f64,
        /// The period the actual covers (January to the latest month).
        actual_period: String,
        /// Months of the year the actual covers.
        months_elapsed: u32,
        /// `actual / target`.
        share_of_target: f64,
        /// Lower bound of the share of target.
        share_of_target_low: f64,
        /// Upper bound of the share of target.
        share_of_target_high: f64,
        /// `months_elapsed / 12`.
        share_of_year: f64,
        /// The actual annualised linearly.
        run_rate: f64,
        /// Lower bound of the run rate.
        run_rate_low: f64,
        /// Upper bound of the run rate.
        run_rate_high: f64,
        /// `run_rate / target`.
        run_rate_share: f64,
        /// Lower bound of the run-rate share.
        run_rate_share_low: f64,
        /// Upper bound of the run-rate share.
        run_rate_share_high: f64,
        /// Average per month so far.
        actual_monthly: f64,
        /// What each remaining month must average; None once the year is complete.
        required_monthly: Option<f64>,
        /// Lower bound of the required monthly average.
        required_monthly_low: Option<f64>,
        /// Upper bound of the required monthly average.
        required_monthly_high: Option<f64>,
        /// True when the run rate reaches the target.
        on_track: bool,
    }
    amounts: ["target", "actual", "run_rate", "actual_monthly", "required_monthly"],
    fractions: ["share_of_target", "share_of_year", "run_rate_share"],
    percents: [],
}

impl From<TargetProgress> for PyTargetProgress {
    fn from(p: TargetProgress) -> PyTargetProgress {
        PyTargetProgress {
            series: p.series,
            unit: p.unit,
            year: p.year,
            target: p.target,
            actual: p.actual,
            actual_low: p.actual_low,
            actual_high: p.actual_high,
            actual_period: p.actual_period.to_string(),
            months_elapsed: p.months_elapsed,
            share_of_target: p.share_of_target,
            share_of_target_low: p.share_of_target_low,
            share_of_target_high: p.share_of_target_high,
            share_of_year: p.share_of_year,
            run_rate: p.run_rate,
            run_rate_low: p.run_rate_low,
            run_rate_high: p.run_rate_high,
            run_rate_share: p.run_rate_share,
            run_rate_share_low: p.run_rate_share_low,
            run_rate_share_high: p.run_rate_share_high,
            actual_monthly: p.actual_monthly,
            required_monthly: p.required_monthly,
            required_monthly_low: p.required_monthly_low,
            required_monthly_high: p.required_monthly_high,
            on_track: p.on_track,
        }
    }
}

result_class! {
    /// The growth rate a target or projection implies, beside the series' own record.
    PyRequiredGrowth as "RequiredGrowth" {
        /// The series, as a label.
        series: String,
        /// Unit of the values.
        unit: String,
        /// The base period.
        base_period: String,
        /// The base actual.
        base_value: f64,
        /// The period of the target or projection.
        target_period: String,
        /// The target or projected value.
        target_value: f64,
        /// `target` or `projection`.
        target_status: String,
        /// Years between the two periods' starts.
        years: f64,
        /// The CAGR needed, a fraction.
        required_cagr: f64,
        /// Lower bound of the required CAGR.
        required_cagr_low: f64,
        /// Upper bound of the required CAGR.
        required_cagr_high: f64,
        /// Start of the same number of years before the base, when the store has it.
        historical_start: Option<String>,
        /// The series' own CAGR over those years.
        historical_cagr: Option<f64>,
        /// Lower bound of the historical CAGR.
        historical_cagr_low: Option<f64>,
        /// Upper bound of the historical CAGR.
        historical_cagr_high: Option<f64>,
    }
    amounts: ["base_value", "target_value"],
    fractions: ["required_cagr", "historical_cagr"],
    percents: [],
}

impl From<RequiredGrowth> for PyRequiredGrowth {
    fn from(r: RequiredGrowth) -> PyRequiredGrowth {
        PyRequiredGrowth {
            series: r.series,
            unit: r.unit,
            base_period: r.base_period.to_string(),
            base_value: r.base_value,
            target_period: r.target_period.to_string(),
            target_value: r.target_value,
            target_status: r.target_status.code().to_owned(),
            years: r.years,
            required_cagr: r.required_cagr,
            required_cagr_low: r.required_cagr_low,
            required_cagr_high: r.required_cagr_high,
            historical_start: r.historical_start.map(|p| p.to_string()),
            historical_cagr: r.historical_cagr,
            historical_cagr_low: r.historical_cagr_low,
            historical_cagr_high: r.historical_cagr_high,
        }
    }
}
