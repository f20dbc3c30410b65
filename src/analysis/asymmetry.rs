//! The two directions of a directed indicator side by side: ratio and net.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::series::{quotient, ratio_of, OneSeries, Series, SeriesFilter};
use crate::error::{Error, Result};
use crate::model::{Country, Indicator, Observation};
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
        if let Some(code) = &filter.indicator {
            directed(&self.indicator(code)?)?;
        }
        let named = self.pair_named_by(filter)?;
        // Both directions of a pair, whichever side the filter names a country on.
        let both_ways = SeriesFilter {
            origin: None,
            destination: None,
            ..filter.clone()
        };
        let every = self.series_matching(&both_ways)?;
        let series_of: HashMap<(&str, &str, &str, &str), &Series> = every
            .iter()
            .map(|s| {
                let key = (
                    s.indicator.code.as_str(),
                    s.origin.as_str(),
                    s.destination.as_str(),
                    s.product.as_str(),
                );
                (key, s)
            })
            .collect();
        let mut rows = Vec::new();
        for forward in &every {
            let (a, b) = (forward.origin.as_str(), forward.destination.as_str());
            let in_pair =
                |c: &Option<Country>| c.as_ref().is_none_or(|c| c.alpha3 == a || c.alpha3 == b);
            if !forward.indicator.directed || a > b || !named.iter().all(in_pair) {
                continue;
            }
            let reverse = (
                forward.indicator.code.as_str(),
                b,
                a,
                forward.product.as_str(),
            );
            if let Some(backward) = series_of.get(&reverse) {
                rows.extend(asymmetry_where_defined(forward, backward)?);
            }
        }
        Ok(rows)
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
