//! Figures per head as SQL: the rows of `Store.per_capita()` over many series, the
//! population read from the table [`Store::export_population_parquet`] writes.
//!
//! [`Store::export_population_parquet`]: crate::Store::export_population_parquet

use super::PortableSql;
use crate::error::{Error, Result};

impl PortableSql {
    /// Every series the filter matches per `per` people of its origin's or
    /// destination's (`basis`) population, as
    /// [`Store::per_capita_of_every`](crate::Store::per_capita_of_every) computes it
    /// and the Python `Store.per_capita` shows it over many series: indicator, origin,
    /// destination, product, unit, period, value, country, population_year,
    /// population, per_capita, low and high, in the order of indicator, pair, product
    /// and period. The population is the one of the year the period ends, or of the
    /// latest earlier year the table has; a period without one keeps its row with the
    /// population columns empty.
    ///
    /// The export of observations holds no population: `population` is the Parquet
    /// file `Store::export_population_parquet` writes from the same store (columns
    /// `country`, `year`, `population`), a path or URL the engine reads.
    ///
    /// ```
    /// use bilateral::store::portable::{Dialect, PortableSql};
    ///
    /// let sql = PortableSql::new(Dialect::DuckDb, "observations")
    ///     .per_capita("population.parquet", 1000.0, "destination")?;
    /// assert!(sql.contains("FROM read_parquet('population.parquet')"));
    /// assert!(sql.contains("f.value * (CAST('1000.0' AS DOUBLE) / p.population) AS per_capita"));
    /// let none = PortableSql::new(Dialect::DuckDb, "observations").per_capita("p.parquet", 0.0, "origin");
    /// assert_eq!(none.unwrap_err().validation().unwrap().field, "per");
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn per_capita(&self, population: &str, per: f64, basis: &str) -> Result<String> {
        let d = self.dialect;
        // The checks of `analysis::per_capita` (`positive_per`, `Basis::from_code`),
        // with their words: the analysis layer comes after this one.
        if !(per.is_finite() && per > 0.0) {
            return Err(Error::invalid(
                "per",
                per.to_string(),
                "is not a positive number",
            ));
        }
        let basis = match basis.trim().to_ascii_lowercase().as_str() {
            "origin" => "origin",
            "destination" => "destination",
            _ => {
                return Err(Error::invalid(
                    "basis",
                    basis,
                    "is not a basis: expected origin or destination",
                ))
            }
        };
        let figures = self.figures("figures", &self.series_conditions()?)?;
        let end = d.end();
        // people × (per / population), as the library scales a figure and its bounds.
        let scale = format!("({} / p.population)", d.double(per));
        Ok(format!(
            "WITH {figures},
population AS (
    -- Each country's population figures, each with the year of its next one: the
    -- figure of a year serves the years up to the next.
    SELECT country, year, population,
           lead(year) OVER (PARTITION BY country ORDER BY year) AS next_year
    FROM {table}
)
SELECT
    f.indicator, f.origin, f.destination, f.product, f.unit, f.period, f.value,
    f.{basis} AS country,
    p.year AS population_year,
    p.population,
    f.value * {scale} AS per_capita,
    f.low * {scale} AS low,
    f.high * {scale} AS high
FROM figures AS f
LEFT JOIN population AS p                     -- of the year the period ends, or the latest before
    ON  p.country = f.{basis} AND p.year <= year(f.{end})
    AND (p.next_year IS NULL OR p.next_year > year(f.{end}))
ORDER BY f.indicator, f.origin, f.destination, f.product, f.start, f.{end}
",
            table = d.parquet_file(population),
        ))
    }
}
