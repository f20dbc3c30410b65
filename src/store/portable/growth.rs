//! Year-on-year growth as SQL: the rows of `Store.growth()` over many series.

use super::{percent_of_rate, ratio_columns, PortableSql};
use crate::error::Result;

impl PortableSql {
    /// Year-on-year growth of every series the filter matches, as
    /// [`Store::growth_of_every`](crate::Store::growth_of_every) computes it and the
    /// Python `Store.growth` shows it: indicator, origin, destination, product, unit,
    /// period, value, low, high, status, base_period, base_value, change, change_low,
    /// change_high, pct, pct_low, pct_high (in percent) and multiple, in the order of
    /// indicator, pair, product and period. The base is the same period a year earlier
    /// (a period of whole months keeps its month ends); a base whose bounds do not lie
    /// above zero leaves pct and multiple empty, as the library does over many series.
    ///
    /// ```
    /// use bilateral::store::portable::{Dialect, PortableSql};
    ///
    /// let sql = PortableSql::new(Dialect::DuckDb, "observations").growth()?;
    /// assert!(sql.contains("read_parquet('observations/**/*.parquet'"));
    /// assert!(sql.contains("CAST(f.start - INTERVAL 1 YEAR AS DATE)"));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn growth(&self) -> Result<String> {
        let d = self.dialect;
        let end = d.end();
        let figures = self.figures("figures", &self.series_conditions()?)?;
        // A base only above zero: a percentage of a negative base (a net outflow)
        // reads backwards, and one of bounds that reach zero is undefined.
        let [pct, pct_low, pct_high] = ratio_columns("f", "b", "b.low > 0", percent_of_rate);
        let [multiple, _, _] = ratio_columns("f", "b", "b.low > 0", str::to_owned);
        let previous_start = d.year_earlier("f.start");
        let previous_end = d.year_earlier(&format!("f.{end}"));
        let previous_month_end = format!("last_day({})", d.year_earlier(&format!("f.{end}")));
        Ok(format!(
            "WITH {figures}
SELECT
    f.indicator, f.origin, f.destination, f.product, f.unit, f.period,
    f.value, f.low, f.high, f.status,
    b.period AS base_period,
    b.value AS base_value,
    f.value - b.value AS change,
    f.low - b.high AS change_low,             -- the bounds of a difference
    f.high - b.low AS change_high,
    {pct} AS pct,
    {pct_low} AS pct_low,
    {pct_high} AS pct_high,
    {multiple} AS multiple
FROM figures AS f
LEFT JOIN figures AS b                        -- the base, when the series has one:
    ON  b.indicator = f.indicator AND b.origin = f.origin
    AND b.destination = f.destination AND b.product = f.product
    -- the same period a year earlier (a period of whole months keeps its month
    -- ends, so February 2025 compares with 1–29 February 2024)
    AND b.start = {previous_start}
    AND b.{end} = CASE WHEN day(f.start) = 1 AND f.{end} = last_day(f.{end})
                       THEN {previous_month_end}
                       ELSE {previous_end} END
ORDER BY f.indicator, f.origin, f.destination, f.product, f.start, f.{end}
"
        ))
    }
}
