//! One flow seen from its two ends: A's exports to B as A reports them against B's
//! imports from A as B reports them. Which indicators pair up is
//! [`MIRROR_PAIRS`](crate::builtin::MIRROR_PAIRS); both are stored with the exporter as
//! origin and the importer as destination, so a mirror row pairs two series with the
//! same origin, destination and product.
//!
//! Only like with like: a period only one end has gives no row, and two ends in
//! different units (a store whose `imports` were redefined in another currency) are not
//! compared at all: converting one currency into the other would need an exchange rate
//! the store does not keep, and would put a figure nobody published beside the two
//! that were.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::series::{rate, ratio_of, Series, SeriesFilter};
use crate::builtin::MIRROR_PAIRS;
use crate::error::{Error, Result};
use crate::model::{Observation, Status};
use crate::period::Period;
use crate::store::Store;
use crate::words::numbers::percent;

/// One end of a mirrored flow: the figure as its reporter published it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MirrorEnd {
    /// The value.
    pub value: f64,
    /// Lower bound (from the figure's qualifier).
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// Status of the figure.
    pub status: Status,
    /// Source id.
    pub source: Option<String>,
}

impl MirrorEnd {
    fn of(obs: &Observation) -> MirrorEnd {
        MirrorEnd {
            value: obs.value,
            low: obs.low,
            high: obs.high,
            status: obs.status,
            source: obs.source.clone(),
        }
    }
}

/// One period of a flow reported from both ends ([`mirror`]): the exporter's exports
/// and the importer's imports of the same goods, and how far apart they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MirrorRow {
    /// Code of the indicator the exporter's figure is stored under (`exports`).
    pub exports_indicator: String,
    /// Code of the indicator the importer's figure is stored under (`imports`).
    pub imports_indicator: String,
    /// The exporting country, alpha-3: the origin of both series.
    pub exporter: String,
    /// The importing country, alpha-3: the destination of both series.
    pub importer: String,
    /// Product code.
    pub product: String,
    /// The period.
    pub period: Period,
    /// Unit of both figures.
    pub unit: String,
    /// The exports as the exporter reports them.
    pub exports: MirrorEnd,
    /// The imports as the importer reports them.
    pub imports: MirrorEnd,
    /// `imports − exports`: positive when the importer reports more.
    pub gap: f64,
    /// Lower bound of the gap.
    pub gap_low: f64,
    /// Upper bound of the gap.
    pub gap_high: f64,
    /// The gap as a fraction of the exports: `imports / exports − 1` (`0.06` is 6 %
    /// more than the exports); `None` when the exports are zero or their bounds reach
    /// zero.
    pub relative_gap: Option<f64>,
    /// Lower bound of the relative gap.
    pub relative_gap_low: Option<f64>,
    /// Upper bound of the relative gap.
    pub relative_gap_high: Option<f64>,
    /// The gap in percent of the exports: `relative_gap × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `relative_gap`, the same number as a fraction (gap_pct = relative_gap × 100)"
    )]
    pub gap_pct: Option<f64>,
    /// Lower bound of the gap in percent: `relative_gap_low × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `relative_gap_low`, the same number as a fraction (gap_pct = relative_gap_low × 100)"
    )]
    pub gap_pct_low: Option<f64>,
    /// Upper bound of the gap in percent: `relative_gap_high × 100`.
    #[deprecated(
        since = "0.2.0",
        note = "a percentage; use `relative_gap_high`, the same number as a fraction (gap_pct = relative_gap_high × 100)"
    )]
    pub gap_pct_high: Option<f64>,
}

/// The exporter's `exports` against the importer's `imports` of the same flow, in every
/// period both have a figure: the gap `imports − exports` and that gap as a fraction of
/// the exports, each with bounds by interval arithmetic from the bounds of the two
/// figures (so that they hold every gap the two figures' wording allows). Two series
/// in different units give no rows (see the module's documentation); two series that
/// are not the same flow (origin, destination or product differ), or an undirected
/// indicator, are a validation error.
// Fills the percent fields kept one release (deprecated) beside the fractions.
#[allow(deprecated)]
pub fn mirror(exports: &Series, imports: &Series) -> Result<Vec<MirrorRow>> {
    for (field, series) in [("exports", exports), ("imports", imports)] {
        if !series.indicator.directed {
            return Err(Error::invalid(
                field,
                series.indicator.code.clone(),
                "is undirected: mirror figures need the exporter as origin and the \
                 importer as destination",
            ));
        }
    }
    let flow = |s: &Series| (s.origin.clone(), s.destination.clone(), s.product.clone());
    if flow(exports) != flow(imports) {
        return Err(Error::invalid(
            "imports",
            imports.label(),
            format!(
                "is not the flow of {}: mirror figures share the exporter (origin), the \
                 importer (destination) and the product",
                exports.label()
            ),
        ));
    }
    if exports.indicator.unit != imports.indicator.unit {
        return Ok(Vec::new());
    }
    Ok(exports
        .observations
        .iter()
        .filter_map(|x| Some((x, imports.get(&x.period)?)))
        .map(|(x, m)| {
            let gap = m.bounds().difference(x.bounds());
            let ratio = ratio_of(m, x);
            MirrorRow {
                exports_indicator: exports.indicator.code.clone(),
                imports_indicator: imports.indicator.code.clone(),
                exporter: exports.origin.clone(),
                importer: exports.destination.clone(),
                product: exports.product.clone(),
                period: x.period,
                unit: exports.indicator.unit.clone(),
                exports: MirrorEnd::of(x),
                imports: MirrorEnd::of(m),
                gap: m.value - x.value,
                gap_low: gap.low,
                gap_high: gap.high,
                // imports / exports − 1 is the gap over the exports: the same function
                // of the two figures, so the ratio's bounds give the gap's exactly.
                relative_gap: ratio.map(|r| rate(r.0)),
                relative_gap_low: ratio.map(|r| rate(r.1.low)),
                relative_gap_high: ratio.map(|r| rate(r.1.high)),
                gap_pct: ratio.map(|r| percent(rate(r.0))),
                gap_pct_low: ratio.map(|r| percent(rate(r.1.low))),
                gap_pct_high: ratio.map(|r| percent(rate(r.1.high))),
            }
        })
        .collect())
}

impl Store {
    /// Every flow `filter` matches that is reported from both ends, in one call: the
    /// rows of [`mirror`] for each exporter, importer and product whose exports and
    /// imports the store both holds, for each pair of [`MIRROR_PAIRS`] (or only the
    /// pair of the indicator the filter names, either end), in the order of that list,
    /// then exporter, importer, product and period. The filter's origin and destination
    /// each match either country of a pair, so that naming two countries gives both
    /// flows between them, and naming one every flow it exports or imports. An
    /// indicator the filter names without a mirror is a validation error.
    ///
    /// ```
    /// use bilateral::{NewObservation, SeriesFilter, Store};
    ///
    /// let mut store = Store::in_memory()?;
    /// store.add(&NewObservation::new("exports", "GEO", "TUR", "2024", 300_000_000.0))?;
    /// store.add(&NewObservation::new("imports", "GEO", "TUR", "2024", 318_000_000.0))?;
    /// let rows = store.mirror(&SeriesFilter::default().origin("TUR"))?;
    /// assert_eq!((rows[0].exporter.as_str(), rows[0].importer.as_str()), ("GEO", "TUR"));
    /// // 318 − 300 = 18 million, 18 / 300 = 0.06 (6 %)
    /// assert_eq!(rows[0].gap, 18_000_000.0);
    /// assert!((rows[0].relative_gap.unwrap() - 0.06).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn mirror(&self, filter: &SeriesFilter) -> Result<Vec<MirrorRow>> {
        let pairs: Vec<(&str, &str)> = match &filter.indicator {
            Some(code) => {
                let code = self.indicator(code)?.code;
                let pair = MIRROR_PAIRS
                    .into_iter()
                    .find(|&(x, m)| x == code || m == code)
                    .ok_or_else(|| {
                        Error::invalid(
                            "indicator",
                            code,
                            format!(
                                "has no mirror: mirror figures pair {}",
                                MIRROR_PAIRS
                                    .map(|(x, m)| format!("{x} with {m}"))
                                    .join(" and ")
                            ),
                        )
                    })?;
                vec![pair]
            }
            None => {
                // Only pairs of directed indicators the store has: a store may lack
                // them, or have redefined one before using it.
                let directed: HashSet<String> = self
                    .indicators()?
                    .into_iter()
                    .filter(|i| i.directed)
                    .map(|i| i.code)
                    .collect();
                MIRROR_PAIRS
                    .into_iter()
                    .filter(|(x, m)| directed.contains(*x) && directed.contains(*m))
                    .collect()
            }
        };
        // Each named country on either side: both flows of a pair, or every flow of a
        // country, read side by side rather than every flow of the store.
        let [a, b] = self.pair_named_by(filter)?.map(|c| c.map(|c| c.alpha3));
        let sides = match (a, b) {
            (None, None) => vec![(None, None)],
            (Some(c), None) | (None, Some(c)) => vec![(Some(c.clone()), None), (None, Some(c))],
            (Some(a), Some(b)) => vec![(Some(a.clone()), Some(b.clone())), (Some(b), Some(a))],
        };
        let read = |code: &str| -> Result<Vec<Series>> {
            let mut every = Vec::new();
            for (origin, destination) in &sides {
                every.extend(self.series_matching(&SeriesFilter {
                    indicator: Some(code.to_owned()),
                    origin: origin.clone(),
                    destination: destination.clone(),
                    ..filter.clone()
                })?);
            }
            Ok(every)
        };
        let mut rows = Vec::new();
        for (exports_code, imports_code) in pairs {
            let mut exports = read(exports_code)?;
            exports.sort_by(|x, y| {
                (&x.origin, &x.destination, &x.product).cmp(&(
                    &y.origin,
                    &y.destination,
                    &y.product,
                ))
            });
            let imports: HashMap<(String, String, String), Series> = read(imports_code)?
                .into_iter()
                .map(|m| {
                    (
                        (m.origin.clone(), m.destination.clone(), m.product.clone()),
                        m,
                    )
                })
                .collect();
            for x in &exports {
                let flow = (x.origin.clone(), x.destination.clone(), x.product.clone());
                if let Some(m) = imports.get(&flow) {
                    rows.extend(mirror(x, m)?);
                }
            }
        }
        Ok(rows)
    }
}
