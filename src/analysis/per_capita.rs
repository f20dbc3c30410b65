//! Figures per head: a series divided by the population of its origin or destination.

use serde::{Deserialize, Serialize};

use super::series::{Series, SeriesQuery};
use crate::error::{Error, Result};
use crate::period::Period;
use crate::store::Store;

/// One row of [`per_capita`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PerCapitaRow {
    /// The period.
    pub period: Period,
    /// The value.
    pub value: f64,
    /// Alpha-3 code of the country whose population is the basis.
    pub country: String,
    /// The year of the population figure used.
    pub population_year: i32,
    /// The population.
    pub population: i64,
    /// `value / population × per`.
    pub per_capita: f64,
    /// Lower bound of the per-capita figure.
    pub low: f64,
    /// Upper bound of the per-capita figure.
    pub high: f64,
}

/// Whose population a per-capita figure divides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The origin country's.
    Origin,
    /// The destination country's.
    Destination,
}

impl Basis {
    /// Reads `origin` or `destination`.
    pub fn from_code(code: &str) -> Result<Basis> {
        match code.trim().to_ascii_lowercase().as_str() {
            "origin" => Ok(Basis::Origin),
            "destination" => Ok(Basis::Destination),
            _ => Err(Error::invalid(
                "basis",
                code,
                "is not a basis: expected origin or destination",
            )),
        }
    }
}

/// Each observation per `per` people of `country`, whose `population` is given as
/// `(year, people)` pairs. The population is the one for the calendar year in which the
/// period ends, or the latest earlier year given.
pub fn per_capita(
    series: &Series,
    country: &str,
    population: &[(i32, i64)],
    per: f64,
) -> Result<Vec<PerCapitaRow>> {
    if !(per.is_finite() && per > 0.0) {
        return Err(Error::invalid(
            "per",
            per.to_string(),
            "is not a positive number",
        ));
    }
    series
        .observations
        .iter()
        .map(|obs| {
            let year = obs.period.end().year();
            let &(population_year, people) = population
                .iter()
                .filter(|(y, _)| *y <= year)
                .max_by_key(|(y, _)| *y)
                .ok_or_else(|| {
                    Error::not_found("population", format!("{country} in {year} or earlier"))
                })?;
            let scale = per / people as f64;
            let bounds = obs.bounds().scale(scale);
            Ok(PerCapitaRow {
                period: obs.period,
                value: obs.value,
                country: country.to_owned(),
                population_year,
                population: people,
                per_capita: obs.value * scale,
                low: bounds.low,
                high: bounds.high,
            })
        })
        .collect()
}

impl Store {
    /// A series per `per` people of the origin's or destination's population; see
    /// [`per_capita`].
    ///
    /// ```
    /// use bilateral::{Basis, SeriesQuery, Store};
    ///
    /// let store = Store::demo()?;
    /// let rows = store.per_capita(&SeriesQuery::new("tourists", "AZE", "KAZ"), 1000.0, Basis::Origin)?;
    /// let y2024 = rows.iter().find(|r| r.period.to_string() == "2024").unwrap();
    /// assert!((y2024.per_capita - 102_000.0 / 10_202_830.0 * 1000.0).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn per_capita(
        &self,
        query: &SeriesQuery,
        per: f64,
        basis: Basis,
    ) -> Result<Vec<PerCapitaRow>> {
        let series = self.series(query)?;
        let country = match basis {
            Basis::Origin => series.origin.clone(),
            Basis::Destination => series.destination.clone(),
        };
        per_capita(&series, &country, &self.population_series(&country)?, per)
    }
}
