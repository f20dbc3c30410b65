//! Parts of a whole as SQL: the rows of `Store.shares()` over many pairs.

use super::{off_zero, period_of, ratio_columns, PortableSql};
use crate::error::Result;

impl PortableSql {
    /// Every product of every pair the filter matches as a share of a whole, as
    /// `Store::share_of_every` computes it and the Python `Store.shares` shows it over
    /// many pairs: indicator, origin, destination, period, product, value, whole,
    /// share, low and high (fractions), pair after pair in the order of indicator and
    /// pair, then period and product.
    ///
    /// The parts are every product of the filter's indicators for a pair (the filter's
    /// product is not used); the whole is `of` (by default the parts' own indicator)
    /// with product `of_product` for the same pair, in either order when `of` is
    /// undirected ([`PortableSql::undirected`]); only `period` when it is given. A part
    /// that is the whole itself is left out, and a whole whose bounds reach zero leaves
    /// the share empty. A part in another unit than its whole fails the query, as the
    /// library fails the call; the library also fails it for such a part in a pair
    /// without a whole, which the query, reading only the rows it joins, does not see.
    ///
    /// ```
    /// use bilateral::store::portable::{Dialect, PortableSql};
    ///
    /// let sql = PortableSql::new(Dialect::Spark, "observations")
    ///     .shares(Some("trade_turnover"), "total", Some("2024"))?;
    /// assert!(sql.contains("p.start = DATE '2024-01-01'"));
    /// assert!(sql.contains("raise_error("));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn shares(
        &self,
        of: Option<&str>,
        of_product: &str,
        period: Option<&str>,
    ) -> Result<String> {
        let d = self.dialect;
        let t = |code: &str| d.text(code);
        let period = period.map(|p| period_of("period", p)).transpose()?;
        let end = d.end();
        let mut parts = self.indicator_condition().into_iter().collect::<Vec<_>>();
        parts.extend(self.pair_condition()?);
        let mut ctes = vec![self.figures("parts", &parts)?];
        let whole_product = self.product_condition(of_product);
        let (pair, unit_check) = match of {
            Some(of) => {
                let conditions = [format!("indicator = {}", t(of)), whole_product];
                ctes.push(self.more_figures("wholes", &conditions)?);
                let same = "w.origin = p.origin AND w.destination = p.destination";
                let pair = if self.is_undirected(of)? {
                    // An undirected whole is stored with its pair one way round: a
                    // directed part may have it the other way.
                    format!("(({same}) OR (w.origin = p.destination AND w.destination = p.origin))")
                } else {
                    same.to_owned()
                };
                let message = format!(
                    "of: {of} is measured in another unit than a part (a share is of like \
                     units)"
                );
                (pair, Some(d.error(&message)))
            }
            None => {
                ctes.push(format!(
                    "wholes AS (SELECT * FROM parts WHERE {whole_product})"
                ));
                let pair = "w.indicator = p.indicator AND w.origin = p.origin \
                            AND w.destination = p.destination";
                (pair.to_owned(), None)
            }
        };
        let value = match unit_check {
            Some(error) => format!("CASE WHEN p.unit <> w.unit THEN {error} ELSE p.value END"),
            None => "p.value".to_owned(),
        };
        let [share, low, high] = ratio_columns("p", "w", &off_zero("w"), str::to_owned);
        let only_period = period
            .map(|p| format!("\n  AND {}", self.period_condition("p.", &p)))
            .unwrap_or_default();
        Ok(format!(
            "WITH {ctes}
SELECT
    p.indicator, p.origin, p.destination, p.period, p.product,
    {value} AS value,
    w.value AS whole,
    -- A share only of a whole whose bounds stay on one side of zero; its bounds are
    -- the smallest and largest ratio of the bounds.
    {share} AS share,
    {low} AS low,
    {high} AS high
FROM parts AS p
JOIN wholes AS w                              -- the pair's whole in the same period
    ON  {pair}
    AND w.start = p.start AND w.{end} = p.{end}
WHERE NOT (p.indicator = w.indicator AND p.product = w.product){only_period}
ORDER BY p.indicator, p.origin, p.destination, p.start, p.{end}, p.product
",
            ctes = ctes.join(",\n"),
        ))
    }
}
