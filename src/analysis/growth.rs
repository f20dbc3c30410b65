//! How a series moves: year-on-year growth, and the change and compound annual growth
//! rate between two periods.

use serde::{Deserialize, Serialize};

use super::series::{
    cagr, figure_for, parse_period_field, quotient, rate, ratio_of, table_series, Figure,
    OneSeries, Series, SeriesFilter,
};
use crate::error::{Error, Result};
use crate::model::{ObservationTable, SeriesKey, Status};
use crate::period::Period;
use crate::store::Store;
use crate::words::numbers::percent;

/// One row of [`growth`]: an observation against the same period a year earlier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrowthRow {
    /// The period.
    pub period: Period,
    /// Its value and bounds.
    pub value: f64,
    /// Lower bound of the value.
    pub low: f64,
    /// Upper bound of the value.
    pub high: f64,
    /// Status of the value.
    pub status: Status,
    /// The same period one year earlier, when the series has it.
    pub base_period: Option<Period>,
    /// The base value.
    pub base_value: Option<f64>,
    /// `value − base_value`.
    pub change: Option<f64>,
    /// Lower bound of the change.
    pub change_low: Option<f64>,
    /// Upper bound of the change.
    pub change_high: Option<f64>,
    /// Growth as a fraction: `value / base_value − 1` (`0.25` is 25 % more than the
    /// base); `None` against a negative base.
    pub rate: Option<f64>,
    /// Lower bound of the growth rate.
    pub rate_low: Option<f64>,
    /// Upper bound of the growth rate.
    pub rate_high: Option<f64>,
    /// Growth in percent: `rate × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate`, the same number as a fraction (pct = rate × 100)"
    )]
    pub pct: Option<f64>,
    /// Lower bound of the growth in percent: `rate_low × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate_low`, the same number as a fraction (pct = rate_low × 100)"
    )]
    pub pct_low: Option<f64>,
    /// Upper bound of the growth in percent: `rate_high × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate_high`, the same number as a fraction (pct = rate_high × 100)"
    )]
    pub pct_high: Option<f64>,
    /// `value / base_value`.
    pub multiple: Option<f64>,
}

/// A row of growth over many series ([`Store::growth_of_every`]): the series it
/// belongs to and its [`GrowthRow`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesGrowth {
    /// Indicator code.
    pub indicator: String,
    /// Origin, alpha-3 (for an undirected indicator, the first of the pair).
    pub origin: String,
    /// Destination, alpha-3.
    pub destination: String,
    /// Product code.
    pub product: String,
    /// Unit of the values.
    pub unit: String,
    /// The growth of one period.
    pub row: GrowthRow,
}

/// The answer of [`change`]: how a series moved between two periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The series, as a label.
    pub series: String,
    /// Unit of the values.
    pub unit: String,
    /// The first period.
    pub start: Period,
    /// The last period.
    pub end: Period,
    /// Value in the first period.
    pub start_value: f64,
    /// Value in the last period.
    pub end_value: f64,
    /// `end_value − start_value`.
    pub change: f64,
    /// Lower bound of the change.
    pub change_low: f64,
    /// Upper bound of the change.
    pub change_high: f64,
    /// `end_value / start_value`.
    pub ratio: f64,
    /// Lower bound of the ratio.
    pub ratio_low: f64,
    /// Upper bound of the ratio.
    pub ratio_high: f64,
    /// The change as a fraction of the start value: `ratio − 1` (`0.25` is 25 % more).
    pub rate: f64,
    /// Lower bound of the rate.
    pub rate_low: f64,
    /// Upper bound of the rate.
    pub rate_high: f64,
    /// The change in percent of the start value: `rate × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate`, the same number as a fraction (pct = rate × 100)"
    )]
    pub pct: f64,
    /// Lower bound of pct: `rate_low × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate_low`, the same number as a fraction (pct = rate_low × 100)"
    )]
    pub pct_low: f64,
    /// Upper bound of pct: `rate_high × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate_high`, the same number as a fraction (pct = rate_high × 100)"
    )]
    pub pct_high: f64,
    /// Years between the starts of the two periods.
    pub years: f64,
    /// Compound annual growth rate, a fraction: `ratio^(1/years) − 1`; `None` when the
    /// ratio is negative.
    pub cagr: Option<f64>,
    /// Lower bound of the CAGR.
    pub cagr_low: Option<f64>,
    /// Upper bound of the CAGR.
    pub cagr_high: Option<f64>,
}

/// A row of change over many series ([`Store::change_of_every`]): the series, then the
/// fields of [`Change`], except that a start value of zero, or with bounds that reach
/// zero, leaves the ratio and what follows from it (rate, CAGR) `None` instead of
/// failing the call: the change itself is still known, and one such series must not
/// hide the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesChange {
    /// Indicator code.
    pub indicator: String,
    /// Origin, alpha-3 (for an undirected indicator, the first of the pair).
    pub origin: String,
    /// Destination, alpha-3.
    pub destination: String,
    /// Product code.
    pub product: String,
    /// Unit of the values.
    pub unit: String,
    /// The first period.
    pub start: Period,
    /// The last period.
    pub end: Period,
    /// Value in the first period.
    pub start_value: f64,
    /// Value in the last period.
    pub end_value: f64,
    /// `end_value − start_value`.
    pub change: f64,
    /// Lower bound of the change.
    pub change_low: f64,
    /// Upper bound of the change.
    pub change_high: f64,
    /// `end_value / start_value`; `None` when the start value is zero or its bounds
    /// reach zero.
    pub ratio: Option<f64>,
    /// Lower bound of the ratio.
    pub ratio_low: Option<f64>,
    /// Upper bound of the ratio.
    pub ratio_high: Option<f64>,
    /// The change as a fraction of the start value: `ratio − 1`.
    pub rate: Option<f64>,
    /// Lower bound of the rate.
    pub rate_low: Option<f64>,
    /// Upper bound of the rate.
    pub rate_high: Option<f64>,
    /// The change in percent of the start value: `rate × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate`, the same number as a fraction (pct = rate × 100)"
    )]
    pub pct: Option<f64>,
    /// Lower bound of pct: `rate_low × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate_low`, the same number as a fraction (pct = rate_low × 100)"
    )]
    pub pct_low: Option<f64>,
    /// Upper bound of pct: `rate_high × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `rate_high`, the same number as a fraction (pct = rate_high × 100)"
    )]
    pub pct_high: Option<f64>,
    /// Years between the starts of the two periods.
    pub years: f64,
    /// Compound annual growth rate, a fraction; `None` without a ratio or when it is
    /// negative.
    pub cagr: Option<f64>,
    /// Lower bound of the CAGR.
    pub cagr_low: Option<f64>,
    /// Upper bound of the CAGR.
    pub cagr_high: Option<f64>,
}

/// Each observation against the same period one year earlier (January–August 2025
/// against January–August 2024; 2024 against 2023). Rows without a base keep `None`
/// in the base columns; a base of zero, or with bounds reaching zero, is an error, and
/// so is a series without observations. Against a negative base (possible for signed
/// indicators) only the change is given: `rate` and `multiple` stay `None`.
pub fn growth(series: &Series) -> Result<Vec<GrowthRow>> {
    series.require_some()?;
    growth_rows(series, true)
}

/// [`growth`] for a call over many series, where one undefined ratio must not hide the
/// others: a row whose base is zero, or has bounds that reach zero, keeps its change
/// and leaves `rate` and `multiple` empty instead of failing the call; a series without
/// observations gives no rows.
pub fn growth_where_defined(series: &Series) -> Vec<GrowthRow> {
    growth_rows(series, false).unwrap_or_default()
}

/// The growth rows of `series`; with `strict`, an undefined ratio is an error.
fn growth_rows(series: &Series, strict: bool) -> Result<Vec<GrowthRow>> {
    figure_growth(&series.observations, strict, |period| {
        series.undefined(
            period,
            "is zero or has bounds that reach zero, so a ratio to it is undefined",
        )
    })
}

/// The growth rows of `figures` (one series, in period order); with `strict`, an
/// undefined ratio is the error `undefined` makes for its base period.
// Fills the percent fields kept one release (deprecated) beside the rates.
#[allow(deprecated)]
fn figure_growth<F: Figure>(
    figures: &[F],
    strict: bool,
    undefined: impl Fn(&Period) -> Error,
) -> Result<Vec<GrowthRow>> {
    figures
        .iter()
        .map(|figure| growth_of_figure(figure, figures, strict, &undefined))
        .collect()
}

/// The growth row of `figure`, one of the period-ordered `figures` of its series: its
/// base is the figure for the same period a year earlier (see [`figure_growth`]).
// Fills the percent fields kept one release (deprecated) beside the rates.
#[allow(deprecated)]
fn growth_of_figure<F: Figure>(
    figure: &F,
    figures: &[F],
    strict: bool,
    undefined: impl Fn(&Period) -> Error,
) -> Result<GrowthRow> {
    let (value, bounds) = (figure.value(), figure.bounds());
    // No year before the first a date can have: no base, as for a missing one.
    let base = figure
        .period()
        .previous_year()
        .and_then(|period| Some((period, figure_for(figures, &period)?)));
    let mut row = GrowthRow {
        period: figure.period(),
        value,
        low: bounds.low,
        high: bounds.high,
        status: figure.status(),
        base_period: None,
        base_value: None,
        change: None,
        change_low: None,
        change_high: None,
        rate: None,
        rate_low: None,
        rate_high: None,
        pct: None,
        pct_low: None,
        pct_high: None,
        multiple: None,
    };
    if let Some((base_period, base)) = base {
        let (base_value, base_bounds) = (base.value(), base.bounds());
        let change = bounds.difference(base_bounds);
        row.base_period = Some(base_period);
        row.base_value = Some(base_value);
        row.change = Some(value - base_value);
        row.change_low = Some(change.low);
        row.change_high = Some(change.high);
        // A percentage of a negative base (a net outflow, say) reads backwards:
        // from −10 to 5 would be "−150 %". Only the change is given then.
        if base_value > 0.0 || base_bounds.high >= 0.0 {
            match bounds.ratio(base_bounds).filter(|_| base_value != 0.0) {
                Some(ratio) => {
                    let multiple = value / base_value;
                    row.rate = Some(rate(multiple));
                    row.rate_low = Some(rate(ratio.low));
                    row.rate_high = Some(rate(ratio.high));
                    row.pct = row.rate.map(percent);
                    row.pct_low = row.rate_low.map(percent);
                    row.pct_high = row.rate_high.map(percent);
                    row.multiple = Some(multiple);
                }
                None if strict => return Err(undefined(&base_period)),
                None => {}
            }
        }
    }
    Ok(row)
}

/// Year-on-year growth of every series of `table`, handed row by row to `each` with the
/// row's series key, in the table's order: what [`growth_of_table`] collects, for a
/// caller that writes the rows somewhere else (columns) without holding them all.
pub fn each_growth_of_table(
    table: &ObservationTable,
    status: Option<Status>,
    mut each: impl FnMut(SeriesKey, GrowthRow),
) {
    for (key, figures) in table_series(table, status) {
        for figure in &figures {
            let row = growth_of_figure(figure, &figures, false, |_| unreachable!("not strict"))
                .expect("growth that is not strict has no error");
            each(key, row);
        }
    }
}

/// Year-on-year growth of every series of `table`, each row with its series' key: the
/// rows of [`growth_where_defined`] for each series of [`table_series`], in the
/// table's order.
pub fn growth_of_table(
    table: &ObservationTable,
    status: Option<Status>,
) -> Vec<(SeriesKey, GrowthRow)> {
    let mut rows = Vec::with_capacity(table.len());
    each_growth_of_table(table, status, |key, row| rows.push((key, row)));
    rows
}

/// How the series moved from `start` to `end`: change, ratio, rate and CAGR over
/// the years between the two periods' starts. Both periods must have the same length.
// Fills the percent fields kept one release (deprecated) beside the rates.
#[allow(deprecated)]
pub fn change(series: &Series, start: &Period, end: &Period) -> Result<Change> {
    let years = change_years(start, end)?;
    let first = series.require(start)?;
    let last = series.require(end)?;
    let (ratio, ratio_bounds) = quotient(series, last, first)?;
    let change = last.bounds().difference(first.bounds());
    let cagr = cagr(ratio, ratio_bounds, years);
    Ok(Change {
        series: series.label(),
        unit: series.indicator.unit.clone(),
        start: *start,
        end: *end,
        start_value: first.value,
        end_value: last.value,
        change: last.value - first.value,
        change_low: change.low,
        change_high: change.high,
        ratio,
        ratio_low: ratio_bounds.low,
        ratio_high: ratio_bounds.high,
        rate: rate(ratio),
        rate_low: rate(ratio_bounds.low),
        rate_high: rate(ratio_bounds.high),
        pct: percent(rate(ratio)),
        pct_low: percent(rate(ratio_bounds.low)),
        pct_high: percent(rate(ratio_bounds.high)),
        years,
        cagr: cagr.map(|c| c.0),
        cagr_low: cagr.map(|c| c.1.low),
        cagr_high: cagr.map(|c| c.1.high),
    })
}

/// [`change`] for a call over many series, where one undefined ratio must not hide the
/// others: `None` when the series has no figure for `start` or for `end`, and a start
/// value of zero, or with bounds that reach zero, leaves the ratio, rate and CAGR of
/// its [`SeriesChange`] empty. Periods that cannot be compared (lengths that differ,
/// an end not after the start) are still an error.
pub fn change_where_defined(
    series: &Series,
    start: &Period,
    end: &Period,
) -> Result<Option<SeriesChange>> {
    let years = change_years(start, end)?;
    let (Some(first), Some(last)) = (series.get(start), series.get(end)) else {
        return Ok(None);
    };
    let names = [
        &series.indicator.code,
        &series.origin,
        &series.destination,
        &series.product,
        &series.indicator.unit,
    ];
    Ok(Some(series_change(
        names,
        (start, first),
        (end, last),
        years,
    )))
}

/// Change from `start` to `end` of every series of `table` (only `status`, or by status
/// preference without targets and projections when `None`): the rows of
/// [`change_where_defined`] for each series of [`table_series`] with a figure in both
/// periods, in the table's order, read from the table's rows without making a
/// [`Series`] of each. Periods that cannot be compared are an error.
pub(crate) fn change_of_table(
    table: &ObservationTable,
    status: Option<Status>,
    start: &Period,
    end: &Period,
) -> Result<Vec<SeriesChange>> {
    let years = change_years(start, end)?;
    let mut rows = Vec::new();
    for (key, figures) in table_series(table, status) {
        let (Some(first), Some(last)) = (figure_for(&figures, start), figure_for(&figures, end))
        else {
            continue;
        };
        let indicator = table.indicator(key);
        let names = [
            &indicator.code,
            &table.countries[key.origin as usize],
            &table.countries[key.destination as usize],
            &table.products[key.product as usize],
            &indicator.unit,
        ];
        rows.push(series_change(names, (start, first), (end, last), years));
    }
    Ok(rows)
}

/// The change of one series from its figure `first` for `start` to `last` for `end`,
/// `years` apart: a start of zero, or with bounds that reach zero, leaves the ratio,
/// rate and CAGR empty. `names` are the series' indicator, origin, destination, product
/// and unit.
// Fills the percent fields kept one release (deprecated) beside the rates.
#[allow(deprecated)]
fn series_change(
    names: [&String; 5],
    (start, first): (&Period, &impl Figure),
    (end, last): (&Period, &impl Figure),
    years: f64,
) -> SeriesChange {
    let [indicator, origin, destination, product, unit] = names;
    let ratio = ratio_of(last, first);
    let cagr = ratio.and_then(|(ratio, bounds)| cagr(ratio, bounds, years));
    let change = last.bounds().difference(first.bounds());
    SeriesChange {
        indicator: indicator.clone(),
        origin: origin.clone(),
        destination: destination.clone(),
        product: product.clone(),
        unit: unit.clone(),
        start: *start,
        end: *end,
        start_value: first.value(),
        end_value: last.value(),
        change: last.value() - first.value(),
        change_low: change.low,
        change_high: change.high,
        ratio: ratio.map(|r| r.0),
        ratio_low: ratio.map(|r| r.1.low),
        ratio_high: ratio.map(|r| r.1.high),
        rate: ratio.map(|r| rate(r.0)),
        rate_low: ratio.map(|r| rate(r.1.low)),
        rate_high: ratio.map(|r| rate(r.1.high)),
        pct: ratio.map(|r| percent(rate(r.0))),
        pct_low: ratio.map(|r| percent(rate(r.1.low))),
        pct_high: ratio.map(|r| percent(rate(r.1.high))),
        years,
        cagr: cagr.map(|c| c.0),
        cagr_low: cagr.map(|c| c.1.low),
        cagr_high: cagr.map(|c| c.1.high),
    }
}

/// The years from `start` to `end`, once the two are known to be comparable: of the
/// same length, the end after the start ([`Period::years_of_change_to`], which the SQL
/// of `store::portable` checks too).
fn change_years(start: &Period, end: &Period) -> Result<f64> {
    start.years_of_change_to(end)
}

impl Store {
    /// Year-on-year growth of a series; see [`growth`].
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let rows = store.growth(&bilateral::SeriesFilter::series("trade_turnover", "AZE", "KAZ"))?;
    /// let y2024 = rows.iter().find(|r| r.period.to_string() == "2024").unwrap();
    /// // 533.4 / 556.7 − 1 = −0.0419, a fall of 4.19 %
    /// assert!((y2024.rate.unwrap() - (533.4 / 556.7 - 1.0)).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn growth(&self, query: &impl OneSeries) -> Result<Vec<GrowthRow>> {
        let query = &super::series::keys(query)?;
        growth(&self.series(query)?)
    }

    /// Year-on-year growth of every series `filter` matches, in one call: the rows of
    /// [`growth_where_defined`] for each series, in the order of indicator, pair,
    /// product and period.
    ///
    /// ```
    /// use bilateral::{SeriesFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let every = store.growth_of_every(&SeriesFilter::default().indicator("tourists"))?;
    /// let one = store.growth(&SeriesFilter::series("tourists", "KAZ", "AZE"))?;
    /// let kaz_aze: Vec<_> = every.into_iter().filter(|g| g.origin == "KAZ").map(|g| g.row).collect();
    /// assert_eq!(kaz_aze, one);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn growth_of_every(&self, filter: &SeriesFilter) -> Result<Vec<SeriesGrowth>> {
        let (table, rows) = self.growth_table(filter)?;
        Ok(rows
            .into_iter()
            .map(|(key, row)| {
                let indicator = table.indicator(key);
                SeriesGrowth {
                    indicator: indicator.code.clone(),
                    origin: table.countries[key.origin as usize].clone(),
                    destination: table.countries[key.destination as usize].clone(),
                    product: table.products[key.product as usize].clone(),
                    unit: indicator.unit.clone(),
                    row,
                }
            })
            .collect())
    }

    /// [`Store::growth_of_every`] with each row's series as a key into the table the
    /// figures were read into (its lists name indicators, countries and products): for
    /// a million rows, no text per row.
    pub fn growth_table(
        &self,
        filter: &SeriesFilter,
    ) -> Result<(ObservationTable, Vec<(SeriesKey, GrowthRow)>)> {
        let table = self.observation_table(&filter.observations())?;
        let rows = growth_of_table(&table, filter.status);
        Ok((table, rows))
    }

    /// Change between two periods; see [`change`].
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let q = bilateral::SeriesFilter::series("corridor_cargo", "AZE", "KAZ");
    /// let c = store.change(&q, "2020", "2024")?;
    /// assert_eq!((c.ratio, c.years), (5.625, 4.0)); // 4.5 Mt / 0.8 Mt over four years
    /// assert!((c.cagr.unwrap() - 0.54).abs() < 0.001);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn change(&self, query: &impl OneSeries, start: &str, end: &str) -> Result<Change> {
        let query = &super::series::keys(query)?;
        let start = parse_period_field("start", start)?;
        let end = parse_period_field("end", end)?;
        change(&self.series(query)?, &start, &end)
    }

    /// Change between two periods of every series `filter` matches, in one call: one
    /// row per series with a figure in both periods, as [`change_where_defined`] gives
    /// it, in the order of indicator, pair and product. Periods that cannot be compared
    /// fail the call, before any series is read.
    ///
    /// ```
    /// use bilateral::{SeriesFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let every = store.change_of_every(&SeriesFilter::default().indicator("tourists"), "2022", "2024")?;
    /// let aze_kaz = every.iter().find(|c| c.origin == "AZE").unwrap();
    /// assert_eq!((aze_kaz.start_value, aze_kaz.end_value), (59_000.0, 102_000.0));
    /// assert!((aze_kaz.rate.unwrap() - (102_000.0 / 59_000.0 - 1.0)).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn change_of_every(
        &self,
        filter: &SeriesFilter,
        start: &str,
        end: &str,
    ) -> Result<Vec<SeriesChange>> {
        let start = parse_period_field("start", start)?;
        let end = parse_period_field("end", end)?;
        change_years(&start, &end)?;
        let table = self.observation_table(&filter.observations())?;
        change_of_table(&table, filter.status, &start, &end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewObservation, Qualifier};
    use crate::SeriesFilter;

    /// Exports from Georgia to Armenia: exactly 160 in 2023, over 200 in 2024 (over
    /// 200 is [200, 300]: the next step of the last significant digit). The test of
    /// `src/columns.rs` and the Python test `test_growth_and_change_are_percent_in_python`
    /// read the same two figures.
    fn store() -> Store {
        let mut store = Store::in_memory().unwrap();
        store
            .add(&NewObservation::builder(
                "exports", "GEO", "ARM", "2023", 160.0,
            ))
            .unwrap();
        let over = NewObservation::builder("exports", "GEO", "ARM", "2024", 200.0)
            .qualifier(Qualifier::Over);
        store.add(&over).unwrap();
        store
    }

    #[test]
    #[allow(deprecated)]
    fn growth_and_change_are_fractions_and_their_old_percent_fields_a_hundred_times_them() {
        let store = store();
        let query = SeriesFilter::series("exports", "GEO", "ARM");
        // 200 / 160 − 1 = 0.25; bounds [200 / 160 − 1, 300 / 160 − 1] = [0.25, 0.875],
        // all exact in binary, so the comparisons are exact.
        let growth = store.growth(&query).unwrap();
        let y2024 = &growth[1];
        assert_eq!(
            (y2024.rate, y2024.rate_low, y2024.rate_high),
            (Some(0.25), Some(0.25), Some(0.875))
        );
        assert_eq!(
            (y2024.pct, y2024.pct_low, y2024.pct_high),
            (Some(25.0), Some(25.0), Some(87.5))
        );
        let change = store.change(&query, "2023", "2024").unwrap();
        assert_eq!(
            (change.rate, change.rate_low, change.rate_high),
            (0.25, 0.25, 0.875)
        );
        assert_eq!(
            (change.pct, change.pct_low, change.pct_high),
            (25.0, 25.0, 87.5)
        );
        // One year: the CAGR is the rate, also a fraction.
        assert_eq!(change.cagr, Some(0.25));
    }
}
