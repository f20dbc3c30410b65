//! Parts of a whole: each product's share of a total, and which total a product's
//! series is part of.

use serde::{Deserialize, Serialize};

use super::series::{parse_period_field, quotient, Series, SeriesQuery};
use crate::error::{Error, Result};
use crate::model::Indicator;
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

/// Every part as a share of the whole, for each period where both exist (or only
/// `period`). Parts and whole must have the same unit; a part that is the whole
/// itself is left out.
pub fn shares(parts: &[Series], whole: &Series, period: Option<&Period>) -> Result<Vec<ShareRow>> {
    let mut rows = Vec::new();
    for part in parts {
        if part.indicator.code == whole.indicator.code && part.product == whole.product {
            continue;
        }
        if part.indicator.unit != whole.indicator.unit {
            return Err(Error::invalid(
                "of",
                whole.indicator.code.clone(),
                format!(
                    "is measured in {} but {} in {} ({} vs {})",
                    whole.indicator.unit,
                    part.label(),
                    part.indicator.unit,
                    part.indicator.unit,
                    whole.indicator.unit
                ),
            ));
        }
        for obs in &part.observations {
            if period.is_some_and(|p| p != &obs.period) {
                continue;
            }
            let Some(total) = whole.get(&obs.period) else {
                continue;
            };
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
