//! The two directions of a directed indicator side by side: ratio and net.

use serde::{Deserialize, Serialize};

use super::series::{quotient, Series, SeriesQuery};
use crate::error::{Error, Result};
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

/// The two directions of a directed indicator in every period where both exist:
/// ratio `a_to_b / b_to_a` and net `a_to_b − b_to_a`.
pub fn asymmetry(a_to_b: &Series, b_to_a: &Series) -> Result<Vec<AsymmetryRow>> {
    if !a_to_b.indicator.directed {
        return Err(Error::invalid(
            "indicator",
            a_to_b.indicator.code.clone(),
            "is undirected: asymmetry needs an indicator where origin → destination matters",
        ));
    }
    let mut rows = Vec::new();
    for forward in &a_to_b.observations {
        let Some(backward) = b_to_a.get(&forward.period) else {
            continue;
        };
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

impl Store {
    /// The two directions of a directed indicator side by side; see [`asymmetry`].
    /// The query's origin is `a` and its destination `b`.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let rows = store.asymmetry(&bilateral::SeriesQuery::new("tourists", "AZE", "KAZ"))?;
    /// let y2024 = rows.iter().find(|r| r.period.to_string() == "2024").unwrap();
    /// assert_eq!((y2024.a_to_b, y2024.b_to_a), (102_000.0, 71_500.0));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn asymmetry(&self, query: &SeriesQuery) -> Result<Vec<AsymmetryRow>> {
        let forward = self.series(query)?;
        let mut reverse = query.clone();
        std::mem::swap(&mut reverse.origin, &mut reverse.destination);
        asymmetry(&forward, &self.series(&reverse)?)
    }
}
