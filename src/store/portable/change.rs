//! The change between two periods as SQL: the rows of `Store.change()` over many
//! series.

use super::{off_zero, percent_of_rate, period_of, ratio_columns, PortableSql};
use crate::error::Result;

impl PortableSql {
    /// How every series the filter matches moved from period `start` to period `end`,
    /// as [`Store::change_of_every`](crate::Store::change_of_every) computes it and the
    /// Python `Store.change` shows it over many series: indicator, origin, destination,
    /// product, unit, start, end, start_value, end_value, change, change_low,
    /// change_high, ratio, ratio_low, ratio_high, pct, pct_low, pct_high (in percent),
    /// years, cagr, cagr_low and cagr_high, one row per series with a figure in both
    /// periods, in the order of indicator, pair and product. A start whose bounds reach
    /// zero leaves ratio, pct and cagr empty; a ratio whose bounds reach below zero
    /// leaves the CAGR empty. Periods that cannot be compared (of different lengths,
    /// the end not after the start) are the library's validation error, here and not
    /// in the query.
    ///
    /// ```
    /// use bilateral::store::portable::{Dialect, PortableSql};
    ///
    /// let sql = PortableSql::new(Dialect::Spark, "observations").change("2020", "2024")?;
    /// // Four years: the exponent of the CAGR is 1/4, written to read back exactly.
    /// assert!(sql.contains("CAST('4.0' AS DOUBLE) AS years"));
    /// assert!(sql.contains("power(b.value / a.value, CAST('0.25' AS DOUBLE)) - 1"));
    /// let uneven = PortableSql::new(Dialect::Spark, "observations").change("2020", "2024-Q1");
    /// assert_eq!(uneven.unwrap_err().validation().unwrap().field, "end");
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn change(&self, start: &str, end: &str) -> Result<String> {
        let d = self.dialect;
        let (start, end) = (period_of("start", start)?, period_of("end", end)?);
        let years = start.years_of_change_to(&end)?;
        let exponent = d.double(1.0 / years);
        let mut conditions = self.series_conditions()?;
        conditions.push(format!(
            "(({}) OR ({}))",
            self.period_condition("", &start),
            self.period_condition("", &end)
        ));
        let figures = self.figures("figures", &conditions)?;
        let defined = off_zero("a");
        let [ratio, ratio_low, ratio_high] = ratio_columns("b", "a", &defined, str::to_owned);
        let [pct, pct_low, pct_high] = ratio_columns("b", "a", &defined, percent_of_rate);
        // The CAGR of a ratio whose bounds stay at or above zero: ratio^(1/years) − 1.
        let cagr_defined = format!(
            "({defined}) AND least(b.low / a.low, b.low / a.high, b.high / a.low, b.high / a.high) >= 0"
        );
        let [cagr, cagr_low, cagr_high] = ratio_columns("b", "a", &cagr_defined, |q| {
            format!("power({q}, {exponent}) - 1")
        });
        let end_column = d.end();
        Ok(format!(
            "WITH {figures}
SELECT
    a.indicator, a.origin, a.destination, a.product, a.unit,
    a.period AS start, b.period AS {end_column},
    a.value AS start_value, b.value AS end_value,
    b.value - a.value AS change,
    b.low - a.high AS change_low,             -- the bounds of a difference
    b.high - a.low AS change_high,
    -- A ratio only to a start whose bounds stay on one side of zero; its bounds are
    -- the smallest and largest ratio of the bounds.
    {ratio} AS ratio,
    {ratio_low} AS ratio_low,
    {ratio_high} AS ratio_high,
    {pct} AS pct,
    {pct_low} AS pct_low,
    {pct_high} AS pct_high,
    {years} AS years,
    {cagr} AS cagr,
    {cagr_low} AS cagr_low,
    {cagr_high} AS cagr_high
FROM figures AS a
JOIN figures AS b                             -- the same series in the end period
    ON  b.indicator = a.indicator AND b.origin = a.origin
    AND b.destination = a.destination AND b.product = a.product
    AND {end_period}
WHERE {start_period}
ORDER BY a.indicator, a.origin, a.destination, a.product
",
            years = d.double(years),
            end_period = self.period_condition("b.", &end),
            start_period = self.period_condition("a.", &start),
        ))
    }
}
