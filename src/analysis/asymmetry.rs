//! The two directions of a directed indicator side by side: ratio and net.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::series::{
    figure_for, quotient, ratio_of, table_series, OneSeries, Series, SeriesFilter,
};
use crate::error::{Error, Result};
use crate::model::{
    Bounds, Country, Indicator, Observation, ObservationRow, ObservationTable, SeriesKey, Status,
};
use crate::period::Period;
use crate::store::Store;

/// One row of [`asymmetry`]: the two directions of a directed indicator side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AsymmetryRow {
    /// The period.
    pub period: Period,
    /// Value from a to b.
    pub a_to_b: f64,
    /// Lower bound of a → b.
    pub a_to_b_low: f64,
    /// Upper bound of a → b.
    pub a_to_b_high: f64,
    /// Value from b to a.
    pub b_to_a: f64,
    /// Lower bound of b → a.
    pub b_to_a_low: f64,
    /// Upper bound of b → a.
    pub b_to_a_high: f64,
    /// `a_to_b / b_to_a`.
    pub ratio: f64,
    /// Lower bound of the ratio.
    pub ratio_low: f64,
    /// Upper bound of the ratio.
    pub ratio_high: f64,
    /// `a_to_b − b_to_a`.
    pub net: f64,
    /// Lower bound of the net.
    pub net_low: f64,
    /// Upper bound of the net.
    pub net_high: f64,
}

/// A row of asymmetry over many pairs ([`Store::asymmetry_of_every`]): the indicator,
/// the pair (`a` the alphabetically first) and product, then the fields of
/// [`AsymmetryRow`], except that a `b_to_a` of zero, or with bounds that reach zero,
/// leaves the ratio and its bounds `None` instead of failing the call: the net is
/// still known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesAsymmetry {
    /// Indicator code.
    pub indicator: String,
    /// One country of the pair, alpha-3: the alphabetically first.
    pub a: String,
    /// The other country, alpha-3.
    pub b: String,
    /// Product code.
    pub product: String,
    /// The period.
    pub period: Period,
    /// Value from a to b.
    pub a_to_b: f64,
    /// Lower bound of a → b.
    pub a_to_b_low: f64,
    /// Upper bound of a → b.
    pub a_to_b_high: f64,
    /// Value from b to a.
    pub b_to_a: f64,
    /// Lower bound of b → a.
    pub b_to_a_low: f64,
    /// Upper bound of b → a.
    pub b_to_a_high: f64,
    /// `a_to_b / b_to_a`; `None` when `b_to_a` is zero or its bounds reach zero.
    pub ratio: Option<f64>,
    /// Lower bound of the ratio.
    pub ratio_low: Option<f64>,
    /// Upper bound of the ratio.
    pub ratio_high: Option<f64>,
    /// `a_to_b − b_to_a`.
    pub net: f64,
    /// Lower bound of the net.
    pub net_low: f64,
    /// Upper bound of the net.
    pub net_high: f64,
}

/// The two directions of a directed indicator in every period where both exist:
/// ratio `a_to_b / b_to_a` and net `a_to_b − b_to_a`.
pub fn asymmetry(a_to_b: &Series, b_to_a: &Series) -> Result<Vec<AsymmetryRow>> {
    directed(&a_to_b.indicator)?;
    let mut rows = Vec::new();
    for (forward, backward) in both_directions(a_to_b, b_to_a) {
        let (ratio, ratio_bounds) = quotient(b_to_a, forward, backward)?;
        let net = forward.bounds().difference(backward.bounds());
        rows.push(AsymmetryRow {
            period: forward.period,
            a_to_b: forward.value,
            a_to_b_low: forward.low,
            a_to_b_high: forward.high,
            b_to_a: backward.value,
            b_to_a_low: backward.low,
            b_to_a_high: backward.high,
            ratio,
            ratio_low: ratio_bounds.low,
            ratio_high: ratio_bounds.high,
            net: forward.value - backward.value,
            net_low: net.low,
            net_high: net.high,
        });
    }
    if rows.is_empty() {
        return Err(Error::not_found(
            "observation",
            format!(
                "{} and {} in a common period",
                a_to_b.label(),
                b_to_a.label()
            ),
        ));
    }
    Ok(rows)
}

/// [`asymmetry`] for a call over many pairs, where one undefined ratio must not hide
/// the others: a `b_to_a` of zero, or with bounds that reach zero, leaves that row's
/// ratio empty, and two series without a common period give no rows. An undirected
/// indicator is still an error.
pub fn asymmetry_where_defined(a_to_b: &Series, b_to_a: &Series) -> Result<Vec<SeriesAsymmetry>> {
    directed(&a_to_b.indicator)?;
    Ok(both_directions(a_to_b, b_to_a)
        .map(|(forward, backward)| {
            let ratio = ratio_of(forward, backward);
            let net = forward.bounds().difference(backward.bounds());
            SeriesAsymmetry {
                indicator: a_to_b.indicator.code.clone(),
                a: a_to_b.origin.clone(),
                b: a_to_b.destination.clone(),
                product: a_to_b.product.clone(),
                period: forward.period,
                a_to_b: forward.value,
                a_to_b_low: forward.low,
                a_to_b_high: forward.high,
                b_to_a: backward.value,
                b_to_a_low: backward.low,
                b_to_a_high: backward.high,
                ratio: ratio.map(|r| r.0),
                ratio_low: ratio.map(|r| r.1.low),
                ratio_high: ratio.map(|r| r.1.high),
                net: forward.value - backward.value,
                net_low: net.low,
                net_high: net.high,
            }
        })
        .collect())
}

/// A validation error for an undirected indicator: its two directions are one series.
fn directed(indicator: &Indicator) -> Result<()> {
    if indicator.directed {
        Ok(())
    } else {
        Err(Error::invalid(
            "indicator",
            indicator.code.clone(),
            "is undirected: asymmetry needs an indicator where origin → destination matters",
        ))
    }
}

/// The figures of the two directions in each period where both have one.
fn both_directions<'a>(
    a_to_b: &'a Series,
    b_to_a: &'a Series,
) -> impl Iterator<Item = (&'a Observation, &'a Observation)> {
    a_to_b
        .observations
        .iter()
        .filter_map(|forward| Some((forward, b_to_a.get(&forward.period)?)))
}

/// A row of [`each_asymmetry_of_table`]: what [`asymmetry_where_defined`] gives as a
/// [`SeriesAsymmetry`], with `a_to_b.key` its pair (`a` the origin) in the table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableAsymmetry<'a> {
    /// The figure from a to b.
    pub(crate) a_to_b: &'a ObservationRow,
    /// The figure from b to a of the same period.
    pub(crate) b_to_a: &'a ObservationRow,
    /// `a_to_b / b_to_a` with bounds; `None` where `b_to_a` is zero or its bounds reach
    /// zero.
    pub(crate) ratio: Option<(f64, Bounds)>,
    /// `a_to_b − b_to_a`, and its bounds.
    pub(crate) net: (f64, Bounds),
}

/// The two directions of every directed indicator's pairs in `table` (only `status`,
/// or by status preference without targets and projections when `None`), handed row
/// by row to `each` in the order of [`Store::asymmetry_of_every`]: `a` the
/// alphabetically first country of the pair, only pairs with every country of `named`
/// (alpha-3) in them, read from the table's rows without making a [`Series`] of each.
pub(crate) fn each_asymmetry_of_table<'a>(
    table: &'a ObservationTable,
    status: Option<Status>,
    named: &[Option<String>; 2],
    mut each: impl FnMut(TableAsymmetry<'a>),
) {
    let series = table_series(table, status);
    let position: HashMap<SeriesKey, usize> = series
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (*key, i))
        .collect();
    for (key, forward) in &series {
        let (a, b) = (
            &table.countries[key.origin as usize],
            &table.countries[key.destination as usize],
        );
        let in_pair = |c: &Option<String>| c.as_ref().is_none_or(|c| c == a || c == b);
        if !table.indicator(*key).directed || a > b || !named.iter().all(in_pair) {
            continue;
        }
        let reverse = SeriesKey {
            origin: key.destination,
            destination: key.origin,
            ..*key
        };
        let Some(&backward) = position.get(&reverse) else {
            continue;
        };
        let backward = &series[backward].1;
        for a_to_b in forward {
            let Some(b_to_a) = figure_for(backward, &a_to_b.period) else {
                continue;
            };
            each(TableAsymmetry {
                a_to_b,
                b_to_a,
                ratio: ratio_of(*a_to_b, *b_to_a),
                net: (
                    a_to_b.value - b_to_a.value,
                    a_to_b.bounds().difference(b_to_a.bounds()),
                ),
            });
        }
    }
}

impl Store {
    /// The two directions of a directed indicator side by side; see [`asymmetry`].
    /// The query's origin is `a` and its destination `b`.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let rows = store.asymmetry(&bilateral::SeriesFilter::series("tourists", "AZE", "KAZ"))?;
    /// let y2024 = rows.iter().find(|r| r.period.to_string() == "2024").unwrap();
    /// assert_eq!((y2024.a_to_b, y2024.b_to_a), (102_000.0, 71_500.0));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn asymmetry(&self, query: &impl OneSeries) -> Result<Vec<AsymmetryRow>> {
        let query = &super::series::keys(query)?;
        let forward = self.series(query)?;
        let mut reverse = query.clone();
        std::mem::swap(&mut reverse.origin, &mut reverse.destination);
        asymmetry(&forward, &self.series(&reverse)?)
    }

    /// The two directions of every directed indicator `filter` matches, for every pair
    /// with figures in both, in one call: `a` is the alphabetically first country of
    /// the pair, and the filter's origin and destination each match either country.
    /// Rows as [`asymmetry_where_defined`] gives them, in the order of indicator, pair
    /// and product. An undirected indicator the filter names is a validation error; an
    /// open filter passes over undirected indicators.
    ///
    /// ```
    /// use bilateral::{SeriesFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let rows = store.asymmetry_of_every(&SeriesFilter::default())?;
    /// let tourists = rows.iter().find(|r| r.indicator == "tourists" && r.period.to_string() == "2024").unwrap();
    /// assert_eq!((tourists.a.as_str(), tourists.b.as_str()), ("AZE", "KAZ"));
    /// assert_eq!((tourists.a_to_b, tourists.b_to_a), (102_000.0, 71_500.0));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn asymmetry_of_every(&self, filter: &SeriesFilter) -> Result<Vec<SeriesAsymmetry>> {
        let (table, named) = self.asymmetry_table(filter)?;
        let mut rows = Vec::new();
        each_asymmetry_of_table(&table, filter.status, &named, |r| {
            let key = r.a_to_b.key;
            let (forward, backward) = (r.a_to_b, r.b_to_a);
            rows.push(SeriesAsymmetry {
                indicator: table.indicator(key).code.clone(),
                a: table.countries[key.origin as usize].clone(),
                b: table.countries[key.destination as usize].clone(),
                product: table.products[key.product as usize].clone(),
                period: forward.period,
                a_to_b: forward.value,
                a_to_b_low: forward.low,
                a_to_b_high: forward.high,
                b_to_a: backward.value,
                b_to_a_low: backward.low,
                b_to_a_high: backward.high,
                ratio: r.ratio.map(|r| r.0),
                ratio_low: r.ratio.map(|r| r.1.low),
                ratio_high: r.ratio.map(|r| r.1.high),
                net: r.net.0,
                net_low: r.net.1.low,
                net_high: r.net.1.high,
            });
        });
        Ok(rows)
    }

    /// What [`Store::asymmetry_of_every`] reads: both directions of every pair of the
    /// indicators `filter` matches (its countries left open), and the countries it
    /// names (alpha-3), each to be one of a pair's. An undirected indicator the filter
    /// names is a validation error.
    pub(crate) fn asymmetry_table(
        &self,
        filter: &SeriesFilter,
    ) -> Result<(ObservationTable, [Option<String>; 2])> {
        if let Some(code) = &filter.indicator {
            directed(&self.indicator(code)?)?;
        }
        let named = self.pair_named_by(filter)?.map(|c| c.map(|c| c.alpha3));
        // Both directions of a pair, whichever side the filter names a country on.
        let both_ways = SeriesFilter {
            origin: None,
            destination: None,
            ..filter.clone()
        };
        Ok((self.observation_table(&both_ways.observations())?, named))
    }
}

impl Store {
    /// The countries `filter` names as its origin and destination, each read as one
    /// country of a pair (for the calls over every pair, where either may be on either
    /// side); the same country twice is a validation error.
    pub(super) fn pair_named_by(&self, filter: &SeriesFilter) -> Result<[Option<Country>; 2]> {
        let origin = filter
            .origin
            .as_deref()
            .map(|c| self.country(c))
            .transpose()?;
        let destination = filter
            .destination
            .as_deref()
            .map(|c| self.country(c))
            .transpose()?;
        if let (Some(origin), Some(destination)) = (&origin, &destination) {
            if origin.alpha3 == destination.alpha3 {
                return Err(Error::invalid_as(
                    crate::error::ErrorKind::SameCountry,
                    "destination",
                    filter.destination.clone().unwrap_or_default(),
                    format!("is the same country as the origin ({})", origin.alpha3),
                ));
            }
        }
        Ok([origin, destination])
    }
}
