//! The mirror table as SQL: each flow as its exporter and its importer report it, the
//! rows of `Store.mirror()`.

use super::{off_zero, percent_of_rate, ratio_columns, PortableSql};
use crate::builtin::MIRROR_PAIRS;
use crate::error::{Error, ErrorKind, Result};

impl PortableSql {
    /// Every flow reported from both ends, as [`Store::mirror`](crate::Store::mirror)
    /// computes it and the Python `Store.mirror` shows it: exports_indicator,
    /// imports_indicator, exporter, importer, product, unit, period, then `exports`
    /// and `imports` each with `_low`, `_high`, `_status` and `_source`, the gap
    /// (imports − exports) and gap_pct (the gap in percent of the exports), each with
    /// bounds; in the order of [`MIRROR_PAIRS`], exporter, importer, product and
    /// period. Only periods both ends report, and only ends in the same unit.
    ///
    /// The filter's origin and destination are the two countries `a` and `b` of
    /// `Store.mirror`: each matches the exporter or the importer. Its indicator keeps
    /// the one pair it is an end of (a validation error for an indicator without a
    /// mirror, or one named undirected); without one, every pair whose ends are both
    /// directed.
    ///
    /// ```
    /// use bilateral::store::portable::{Dialect, PortableSql};
    /// use bilateral::ObservationFilter;
    ///
    /// let flows = ObservationFilter { origin: Some("GEO".into()), ..ObservationFilter::default() };
    /// let sql = PortableSql::new(Dialect::DuckDb, "observations").filter(flows).mirror()?;
    /// assert!(sql.contains("(origin = 'GEO' OR destination = 'GEO')"));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn mirror(&self) -> Result<String> {
        let d = self.dialect;
        let t = |code: &str| d.text(code);
        let undirected = self.undirected_codes()?;
        let directed = |code: &str| !undirected.iter().any(|u| u == code);
        let pairs: Vec<(&str, &str)> = match self.filter.indicator.as_deref() {
            Some(code) => {
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
                if let Some(end) = [pair.0, pair.1].into_iter().find(|end| !directed(end)) {
                    return Err(Error::invalid(
                        "indicator",
                        end,
                        "is undirected: mirror figures need the exporter as origin and the \
                         importer as destination",
                    ));
                }
                vec![pair]
            }
            None => MIRROR_PAIRS
                .into_iter()
                .filter(|(x, m)| directed(x) && directed(m))
                .collect(),
        };
        if pairs.is_empty() {
            return Err(Error::invalid(
                "undirected",
                undirected.join(", "),
                "leaves no mirror pair with both ends directed",
            ));
        }
        let ends: Vec<String> = pairs.iter().flat_map(|(x, m)| [t(x), t(m)]).collect();
        let mut conditions = vec![format!("indicator IN ({})", ends.join(", "))];
        conditions.extend(self.sides_condition()?);
        if let Some(product) = &self.filter.product {
            conditions.push(self.product_condition(product));
        }
        let figures = self.figures("figures", &conditions)?;
        let pair_of = pairs
            .iter()
            .map(|(x, m)| format!("(x.indicator = {} AND m.indicator = {})", t(x), t(m)))
            .collect::<Vec<_>>()
            .join("\n         OR ");
        let pair_order = pairs
            .iter()
            .enumerate()
            .map(|(i, (x, _))| format!("WHEN {} THEN {i}", t(x)))
            .collect::<Vec<_>>()
            .join(" ");
        // imports / exports − 1 is the gap over the exports: the ratio's bounds give the
        // gap's exactly.
        let [gap_pct, gap_pct_low, gap_pct_high] =
            ratio_columns("m", "x", &off_zero("x"), percent_of_rate);
        let end = d.end();
        Ok(format!(
            "WITH {figures}
SELECT
    x.indicator AS exports_indicator, m.indicator AS imports_indicator,
    x.origin AS exporter, x.destination AS importer, x.product, x.unit, x.period,
    x.value AS exports, x.low AS exports_low, x.high AS exports_high,
    x.status AS exports_status, x.source AS exports_source,
    m.value AS imports, m.low AS imports_low, m.high AS imports_high,
    m.status AS imports_status, m.source AS imports_source,
    m.value - x.value AS gap,
    m.low - x.high AS gap_low,                -- the bounds of a difference
    m.high - x.low AS gap_high,
    {gap_pct} AS gap_pct,
    {gap_pct_low} AS gap_pct_low,
    {gap_pct_high} AS gap_pct_high
FROM figures AS x
JOIN figures AS m                             -- the same flow as the importer reports it
    ON  ({pair_of})
    AND m.origin = x.origin AND m.destination = x.destination AND m.product = x.product
    AND m.start = x.start AND m.{end} = x.{end}
    AND m.unit = x.unit                       -- two currencies are never compared
ORDER BY CASE x.indicator {pair_order} END,
         x.origin, x.destination, x.product, x.start, x.{end}
"
        ))
    }

    /// The filter's two countries on either side of a flow: both flows between them,
    /// or every flow of one; the same country twice is the library's error.
    fn sides_condition(&self) -> Result<Option<String>> {
        let t = |code: &str| self.dialect.text(code);
        Ok(match self.countries()? {
            (Some(a), Some(b)) if a == b => {
                return Err(Error::invalid_as(
                    ErrorKind::SameCountry,
                    "destination",
                    self.filter.destination.clone().unwrap_or_default(),
                    format!("is the same country as the origin ({a})"),
                ))
            }
            (Some(a), Some(b)) => Some(format!(
                "((origin = {a} AND destination = {b}) OR (origin = {b} AND destination = {a}))",
                a = t(&a),
                b = t(&b)
            )),
            (Some(c), None) | (None, Some(c)) => {
                Some(format!("(origin = {c} OR destination = {c})", c = t(&c)))
            }
            (None, None) => None,
        })
    }
}
