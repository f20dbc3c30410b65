//! Figures per head: a series divided by the population of its origin or destination.

use serde::{Deserialize, Serialize};

use super::series::{table_series, Figure, OneSeries, Series, SeriesFilter};
use crate::error::{Error, Result};
use crate::model::{Bounds, ObservationRow, ObservationTable, Status};
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

/// A row of figures per head over many series ([`Store::per_capita_of_every`]): the
/// series, then the fields of [`PerCapitaRow`], except that a period for which the
/// store has no population of `country` (in the year it ends or earlier) keeps its
/// value with the population and per-capita fields `None`, instead of failing the call
/// as [`per_capita`] does: one country without population data must not hide the
/// others, nor its own periods that have one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesPerCapita {
    /// Indicator code.
    pub indicator: String,
    /// Origin, alpha-3 (for an undirected indicator, the first of the pair).
    pub origin: String,
    /// Destination, alpha-3.
    pub destination: String,
    /// Product code.
    pub product: String,
    /// Unit of the values.
    pub unit: String,
    /// The period.
    pub period: Period,
    /// The value.
    pub value: f64,
    /// Alpha-3 code of the country whose population is the basis.
    pub country: String,
    /// The year of the population figure used; `None` without one.
    pub population_year: Option<i32>,
    /// The population.
    pub population: Option<i64>,
    /// `value / population × per`.
    pub per_capita: Option<f64>,
    /// Lower bound of the per-capita figure.
    pub low: Option<f64>,
    /// Upper bound of the per-capita figure.
    pub high: Option<f64>,
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
    positive_per(per)?;
    series
        .observations
        .iter()
        .map(|obs| {
            let year = obs.period.end().year();
            let (population_year, people) = population_in(population, year).ok_or_else(|| {
                Error::not_found("population", format!("{country} in {year} or earlier"))
            })?;
            let (per_capita, bounds) = per_head(obs, people, per);
            Ok(PerCapitaRow {
                period: obs.period,
                value: obs.value,
                country: country.to_owned(),
                population_year,
                population: people,
                per_capita,
                low: bounds.low,
                high: bounds.high,
            })
        })
        .collect()
}

/// [`per_capita`] for a call over many series: a period without a population of
/// `country` keeps its row with the population and per-capita fields empty instead of
/// being an error. A `per` that is not a positive number is still an error.
pub fn per_capita_where_known(
    series: &Series,
    country: &str,
    population: &[(i32, i64)],
    per: f64,
) -> Result<Vec<SeriesPerCapita>> {
    positive_per(per)?;
    Ok(series
        .observations
        .iter()
        .map(|obs| {
            let population = population_in(population, obs.period.end().year());
            let figure = population.map(|(_, people)| per_head(obs, people, per));
            SeriesPerCapita {
                indicator: series.indicator.code.clone(),
                origin: series.origin.clone(),
                destination: series.destination.clone(),
                product: series.product.clone(),
                unit: series.indicator.unit.clone(),
                period: obs.period,
                value: obs.value,
                country: country.to_owned(),
                population_year: population.map(|p| p.0),
                population: population.map(|p| p.1),
                per_capita: figure.map(|f| f.0),
                low: figure.map(|f| f.1.low),
                high: figure.map(|f| f.1.high),
            }
        })
        .collect())
}

fn positive_per(per: f64) -> Result<()> {
    if per.is_finite() && per > 0.0 {
        Ok(())
    } else {
        Err(Error::invalid(
            "per",
            per.to_string(),
            "is not a positive number",
        ))
    }
}

/// The population for `year`, or for the latest earlier year given.
fn population_in(population: &[(i32, i64)], year: i32) -> Option<(i32, i64)> {
    population
        .iter()
        .filter(|(y, _)| *y <= year)
        .max_by_key(|(y, _)| *y)
        .copied()
}

/// `obs` per `per` of `people`, with bounds.
fn per_head(obs: &impl Figure, people: i64, per: f64) -> (f64, Bounds) {
    let scale = per / people as f64;
    (obs.value() * scale, obs.bounds().scale(scale))
}

/// Each country's population as `(year, people)` pairs, by position in a table's list
/// of countries (empty for a country no figure is divided by).
pub(crate) type Populations = Vec<Vec<(i32, i64)>>;

/// A figure per head of [`each_per_capita_of_table`]: what [`per_capita_where_known`]
/// gives as a [`SeriesPerCapita`], with `row.key` its series in the table and the
/// country a position in its list of countries.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TablePerCapita<'a> {
    /// The figure.
    pub(crate) row: &'a ObservationRow,
    /// Position of the country whose population is the basis.
    pub(crate) country: u32,
    /// The year and size of the population divided by; `None` without one.
    pub(crate) population: Option<(i32, i64)>,
    /// The figure per `per` people, with bounds; `None` without a population.
    pub(crate) per_capita: Option<(f64, Bounds)>,
}

/// Every series of `table` (only `status`, or by status preference without targets and
/// projections when `None`) per `per` people of its `basis` country, handed figure by
/// figure to `each` in the table's order: the rows of [`per_capita_where_known`] for
/// each series of [`table_series`], without making a [`Series`] of each.
/// `populations` holds, by position in the table's countries, each basis country's
/// `(year, people)` pairs. A `per` that is not a positive number is an error.
pub(crate) fn each_per_capita_of_table<'a>(
    table: &'a ObservationTable,
    status: Option<Status>,
    per: f64,
    basis: Basis,
    populations: &[Vec<(i32, i64)>],
    mut each: impl FnMut(TablePerCapita<'a>),
) -> Result<()> {
    positive_per(per)?;
    for (key, figures) in table_series(table, status) {
        let country = match basis {
            Basis::Origin => key.origin,
            Basis::Destination => key.destination,
        };
        let population = &populations[country as usize];
        for row in figures {
            let population = population_in(population, row.period.end().year());
            each(TablePerCapita {
                row,
                country,
                population,
                per_capita: population.map(|(_, people)| per_head(row, people, per)),
            });
        }
    }
    Ok(())
}

impl Store {
    /// A series per `per` people of the origin's or destination's population; see
    /// [`per_capita`].
    ///
    /// ```
    /// use bilateral::{Basis, SeriesFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let rows = store.per_capita(&SeriesFilter::series("tourists", "AZE", "KAZ"), 1000.0, Basis::Origin)?;
    /// let y2024 = rows.iter().find(|r| r.period.to_string() == "2024").unwrap();
    /// assert!((y2024.per_capita - 102_000.0 / 10_202_830.0 * 1000.0).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn per_capita(
        &self,
        query: &impl OneSeries,
        per: f64,
        basis: Basis,
    ) -> Result<Vec<PerCapitaRow>> {
        let query = &super::series::keys(query)?;
        let series = self.series(query)?;
        let country = match basis {
            Basis::Origin => series.origin.clone(),
            Basis::Destination => series.destination.clone(),
        };
        per_capita(&series, &country, &self.population_series(&country)?, per)
    }

    /// Every series `filter` matches per `per` people of its origin's or destination's
    /// population, in one call: the rows of [`per_capita_where_known`] for each series,
    /// in the order of indicator, pair, product and period. A period without a
    /// population keeps its row with the population columns empty.
    ///
    /// ```
    /// use bilateral::{Basis, SeriesFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let tourists = SeriesFilter::default().indicator("tourists");
    /// let rows = store.per_capita_of_every(&tourists, 1000.0, Basis::Origin)?;
    /// let kaz_2024 = rows.iter().find(|r| r.origin == "KAZ" && r.period.to_string() == "2024").unwrap();
    /// assert_eq!(kaz_2024.population, Some(20_592_571));
    /// assert!((kaz_2024.per_capita.unwrap() - 71_500.0 / 20_592_571.0 * 1000.0).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn per_capita_of_every(
        &self,
        filter: &SeriesFilter,
        per: f64,
        basis: Basis,
    ) -> Result<Vec<SeriesPerCapita>> {
        positive_per(per)?;
        let (table, populations) = self.per_capita_table(filter, basis)?;
        let mut rows = Vec::with_capacity(table.len());
        each_per_capita_of_table(&table, filter.status, per, basis, &populations, |r| {
            let key = r.row.key;
            let indicator = table.indicator(key);
            rows.push(SeriesPerCapita {
                indicator: indicator.code.clone(),
                origin: table.countries[key.origin as usize].clone(),
                destination: table.countries[key.destination as usize].clone(),
                product: table.products[key.product as usize].clone(),
                unit: indicator.unit.clone(),
                period: r.row.period,
                value: r.row.value,
                country: table.countries[r.country as usize].clone(),
                population_year: r.population.map(|p| p.0),
                population: r.population.map(|p| p.1),
                per_capita: r.per_capita.map(|f| f.0),
                low: r.per_capita.map(|f| f.1.low),
                high: r.per_capita.map(|f| f.1.high),
            });
        })?;
        Ok(rows)
    }

    /// The figures `filter` matches, and by position in the table's countries the
    /// population of each that is a series' `basis` (empty for the others): what
    /// [`each_per_capita_of_table`] reads.
    pub(crate) fn per_capita_table(
        &self,
        filter: &SeriesFilter,
        basis: Basis,
    ) -> Result<(ObservationTable, Populations)> {
        let table = self.observation_table(&filter.observations())?;
        let mut basis_of_a_row = vec![false; table.countries.len()];
        for row in &table.rows {
            let country = match basis {
                Basis::Origin => row.key.origin,
                Basis::Destination => row.key.destination,
            };
            basis_of_a_row[country as usize] = true;
        }
        let populations = table
            .countries
            .iter()
            .zip(basis_of_a_row)
            .map(|(country, basis)| match basis {
                true => self.population_series(country),
                false => Ok(Vec::new()),
            })
            .collect::<Result<_>>()?;
        Ok((table, populations))
    }
}
