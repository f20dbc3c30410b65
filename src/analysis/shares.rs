//! Parts of a whole: each product's share of a total, and which total a product's
//! series is part of.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::series::{parse_period_field, quotient, ratio_of, Series, SeriesFilter, SeriesQuery};
use crate::error::{Error, Result};
use crate::model::{Indicator, Observation};
use crate::period::Period;
use crate::store::Store;

/// One row of [`shares`]: a product's share of a whole in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareRow {
    /// The period.
    pub period: Period,
    /// The part's product.
    pub product: String,
    /// The part's value.
    pub value: f64,
    /// The whole's value.
    pub whole: f64,
    /// `value / whole`, a fraction.
    pub share: f64,
    /// Lower bound of the share.
    pub low: f64,
    /// Upper bound of the share.
    pub high: f64,
}

/// A row of shares over many pairs ([`Store::shares_of_every`]): the parts' indicator
/// and pair, then the fields of [`ShareRow`], except that a whole of zero, or with
/// bounds that reach zero, leaves the share and its bounds `None` instead of failing
/// the call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesShare {
    /// The parts' indicator code.
    pub indicator: String,
    /// Origin, alpha-3, as the parts are stored.
    pub origin: String,
    /// Destination, alpha-3.
    pub destination: String,
    /// The period.
    pub period: Period,
    /// The part's product.
    pub product: String,
    /// The part's value.
    pub value: f64,
    /// The whole's value.
    pub whole: f64,
    /// `value / whole`, a fraction; `None` when the whole is zero or its bounds reach
    /// zero.
    pub share: Option<f64>,
    /// Lower bound of the share.
    pub low: Option<f64>,
    /// Upper bound of the share.
    pub high: Option<f64>,
}

/// Every part as a share of the whole, for each period where both exist (or only
/// `period`). Parts and whole must have the same unit; a part that is the whole
/// itself is left out.
pub fn shares(parts: &[Series], whole: &Series, period: Option<&Period>) -> Result<Vec<ShareRow>> {
    same_units(parts, &whole.indicator)?;
    let mut rows = Vec::new();
    for (part, obs, total) in part_and_whole(parts, whole, period) {
        let (share, bounds) = quotient(whole, obs, total)?;
        rows.push(ShareRow {
            period: obs.period,
            product: part.product.clone(),
            value: obs.value,
            whole: total.value,
            share,
            low: bounds.low,
            high: bounds.high,
        });
    }
    if rows.is_empty() {
        let when = period.map_or("a period".to_owned(), |p| p.to_string());
        return Err(Error::not_found(
            "observation",
            format!(
                "a product of {} other than {} for {when} in which {} has a figure \
                 (shares are products of a whole, e.g. exports by product of trade_turnover)",
                parts_label(parts, whole),
                whole.product,
                whole.label()
            ),
        ));
    }
    rows.sort_by(|a, b| (a.period, &a.product).cmp(&(b.period, &b.product)));
    Ok(rows)
}

/// [`shares`] for a call over many pairs, where one undefined share must not hide the
/// others: a whole of zero, or with bounds that reach zero, leaves that row's share
/// empty, and parts without a whole in any period give no rows. Parts of another unit
/// than the whole are still an error.
pub fn shares_where_defined(
    parts: &[Series],
    whole: &Series,
    period: Option<&Period>,
) -> Result<Vec<SeriesShare>> {
    same_units(parts, &whole.indicator)?;
    let mut rows: Vec<SeriesShare> = part_and_whole(parts, whole, period)
        .map(|(part, obs, total)| {
            let share = ratio_of(obs, total);
            SeriesShare {
                indicator: part.indicator.code.clone(),
                origin: part.origin.clone(),
                destination: part.destination.clone(),
                period: obs.period,
                product: part.product.clone(),
                value: obs.value,
                whole: total.value,
                share: share.map(|s| s.0),
                low: share.map(|s| s.1.low),
                high: share.map(|s| s.1.high),
            }
        })
        .collect();
    rows.sort_by(|a, b| (a.period, &a.product).cmp(&(b.period, &b.product)));
    Ok(rows)
}

/// A validation error naming both units when a part is not measured as the whole is.
fn same_units(parts: &[Series], whole: &Indicator) -> Result<()> {
    match parts.iter().find(|part| part.indicator.unit != whole.unit) {
        None => Ok(()),
        Some(part) => Err(Error::invalid(
            "of",
            whole.code.clone(),
            format!(
                "is measured in {} but {} in {} ({} vs {})",
                whole.unit,
                part.label(),
                part.indicator.unit,
                part.indicator.unit,
                whole.unit
            ),
        )),
    }
}

/// Each figure of a part (other than the whole itself) in a period where the whole has
/// one, with the whole's figure: only `period`'s when it is given.
fn part_and_whole<'a>(
    parts: &'a [Series],
    whole: &'a Series,
    period: Option<&'a Period>,
) -> impl Iterator<Item = (&'a Series, &'a Observation, &'a Observation)> {
    parts
        .iter()
        .filter(|part| {
            !(part.indicator.code == whole.indicator.code && part.product == whole.product)
        })
        .flat_map(move |part| {
            part.observations
                .iter()
                .filter(move |obs| period.is_none_or(|p| p == &obs.period))
                .filter_map(move |obs| Some((part, obs, whole.get(&obs.period)?)))
        })
}

fn parts_label(parts: &[Series], whole: &Series) -> String {
    parts.first().map_or_else(
        || whole.indicator.code.clone(),
        |p| p.indicator.code.clone(),
    )
}

/// The whole a product's series is part of: the same indicator's total for the pair,
/// or else an undirected indicator of the same unit and topic (the first by code in
/// `indicators`) with a figure for one of the same periods. `series` gives an
/// indicator's total series for the part's pair.
pub fn whole_for(
    part: &Series,
    indicators: &[Indicator],
    mut series: impl FnMut(&Indicator) -> Result<Series>,
) -> Result<Option<Series>> {
    let own = series(&part.indicator)?;
    if !own.observations.is_empty() {
        return Ok(Some(own));
    }
    for indicator in indicators {
        // A whole of the same unit and topic: exports in USD of trade turnover, not
        // wheat tonnes of corridor cargo.
        if indicator.directed
            || indicator.unit != part.indicator.unit
            || indicator.topic != part.indicator.topic
            || indicator.code == part.indicator.code
        {
            continue;
        }
        let candidate = series(indicator)?;
        if part
            .observations
            .iter()
            .any(|o| candidate.get(&o.period).is_some())
        {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

impl Store {
    /// Every product of an indicator as a share of a whole; see [`shares`]. The whole
    /// is `of` (another indicator for the same pair, by default the same indicator)
    /// with product `of_product`.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let q = bilateral::SeriesQuery::new("exports", "KAZ", "AZE");
    /// let rows = store.shares(&q, Some("trade_turnover"), "total", None)?;
    /// let wheat = rows.iter().find(|r| r.product == "wheat").unwrap();
    /// assert!((wheat.share - 121.5 / 547.6).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn shares(
        &self,
        query: &SeriesQuery,
        of: Option<&str>,
        of_product: &str,
        period: Option<&str>,
    ) -> Result<Vec<ShareRow>> {
        let period = period
            .map(|p| parse_period_field("period", p))
            .transpose()?;
        let parts = self.series_by_product(query)?;
        let mut whole_query = query.clone().product(of_product);
        if let Some(of) = of {
            whole_query.indicator = of.to_owned();
        }
        let whole = self.series(&whole_query)?;
        shares(&parts, &whole, period.as_ref())
    }

    /// Every product of an indicator as a share of a whole, for every pair `filter`
    /// matches, in one call. The parts are every product of the filter's indicators
    /// for a pair (the filter's product is not used); the whole is `of` (by default
    /// the parts' own indicator) with product `of_product` for the same pair, in either
    /// order when `of` is undirected. Rows as [`shares_where_defined`] gives them, pair
    /// after pair in the order of indicator and pair. A part of another unit than `of`
    /// fails the call, even in a pair without a whole.
    ///
    /// ```
    /// use bilateral::{SeriesFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let exports = SeriesFilter::default().indicator("exports");
    /// let rows = store.shares_of_every(&exports, Some("trade_turnover"), "total", None)?;
    /// let wheat = rows.iter().find(|r| r.origin == "KAZ" && r.product == "wheat").unwrap();
    /// assert!((wheat.share.unwrap() - 121.5 / 547.6).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn shares_of_every(
        &self,
        filter: &SeriesFilter,
        of: Option<&str>,
        of_product: &str,
        period: Option<&str>,
    ) -> Result<Vec<SeriesShare>> {
        let period = period
            .map(|p| parse_period_field("period", p))
            .transpose()?;
        let of_product = crate::store::product_code(of_product).to_owned();
        let parts = self.series_matching(&filter.clone().every_product())?;
        let of = of.map(|code| self.indicator(code)).transpose()?;
        let wholes = match &of {
            Some(of) => {
                same_units(&parts, of)?;
                // Every pair's, in one query: a directed part may have an undirected
                // whole, stored with its pair the other way round.
                let wholes = SeriesFilter {
                    indicator: Some(of.code.clone()),
                    origin: None,
                    destination: None,
                    product: Some(of_product.clone()),
                    status: filter.status,
                };
                self.series_matching(&wholes)?
            }
            None => Vec::new(),
        };
        let whole_of_pair: HashMap<(&str, &str), &Series> = wholes
            .iter()
            .map(|w| (pair_key(w.indicator.directed, &w.origin, &w.destination), w))
            .collect();
        let mut rows = Vec::new();
        let same_pair = |a: &Series, b: &Series| {
            (&a.indicator.code, &a.origin, &a.destination)
                == (&b.indicator.code, &b.origin, &b.destination)
        };
        for pair in parts.chunk_by(same_pair) {
            let (origin, destination) = (&pair[0].origin, &pair[0].destination);
            let whole = match &of {
                Some(of) => whole_of_pair
                    .get(&pair_key(of.directed, origin, destination))
                    .copied(),
                None => pair
                    .iter()
                    .find(|s| s.product.eq_ignore_ascii_case(&of_product)),
            };
            if let Some(whole) = whole {
                rows.extend(shares_where_defined(pair, whole, period.as_ref())?);
            }
        }
        Ok(rows)
    }

    /// The whole a product's series is part of; see [`whole_for`].
    pub fn whole_for(&self, part: &Series) -> Result<Option<Series>> {
        whole_for(part, &self.indicators()?, |indicator| {
            self.series(&SeriesQuery::new(
                &indicator.code,
                &part.origin,
                &part.destination,
            ))
        })
    }
}

/// A pair as an indicator's series name it: in either order when it is undirected.
fn pair_key<'a>(directed: bool, origin: &'a str, destination: &'a str) -> (&'a str, &'a str) {
    if directed {
        (origin, destination)
    } else {
        (origin.min(destination), origin.max(destination))
    }
}
