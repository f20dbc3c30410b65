//! Countries (ISO 3166-1, found by code, name, common name or alias) and their
//! population.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::insert::Lookups;
use super::{write_transaction, Store};
use crate::builtin;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Country;

#[derive(Debug)]
pub(super) struct Countries {
    list: Vec<(i64, Country)>,
    by_key: HashMap<String, usize>,
    by_alpha3: HashMap<String, usize>,
}

impl Countries {
    pub(super) fn load(conn: &Connection) -> Result<Countries> {
        let mut stmt = conn.prepare(
            "SELECT id, alpha3, alpha2, name, official_name FROM country ORDER BY alpha3",
        )?;
        let list: Vec<(i64, Country)> = stmt
            .query_map([], |r| {
                Ok((
                    r.get("id")?,
                    Country {
                        alpha3: r.get("alpha3")?,
                        alpha2: r.get("alpha2")?,
                        name: r.get("name")?,
                        official_name: r.get("official_name")?,
                        common_name: None,
                    },
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut list = list;
        for (alpha3, common) in builtin::COMMON_NAMES {
            if let Some((_, c)) = list.iter_mut().find(|(_, c)| c.alpha3 == *alpha3) {
                c.common_name = Some((*common).to_owned());
            }
        }
        let mut by_key = HashMap::new();
        // Names first, so that a code never loses to a name that spells the same.
        for (i, (_, c)) in list.iter().enumerate() {
            for name in [
                Some(&c.name),
                c.official_name.as_ref(),
                c.common_name.as_ref(),
            ]
            .into_iter()
            .flatten()
            {
                by_key.insert(name.to_lowercase(), i);
            }
        }
        for (alias, alpha3) in builtin::COUNTRY_ALIASES {
            if let Some(i) = list.iter().position(|(_, c)| c.alpha3 == *alpha3) {
                by_key.insert(alias.to_lowercase(), i);
            }
        }
        for (i, (_, c)) in list.iter().enumerate() {
            by_key.insert(c.alpha2.to_lowercase(), i);
            by_key.insert(c.alpha3.to_lowercase(), i);
        }
        let by_alpha3 = list
            .iter()
            .enumerate()
            .map(|(i, (_, c))| (c.alpha3.clone(), i))
            .collect();
        Ok(Countries {
            list,
            by_key,
            by_alpha3,
        })
    }

    fn find(&self, text: &str, field: &str) -> Result<usize> {
        // Most callers pass an alpha-3 code as stored: found without allocating.
        if let Some(&i) = self.by_alpha3.get(text) {
            return Ok(i);
        }
        let key = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        self.by_key.get(&key).copied().ok_or_else(|| {
            let closest = self.closest(&key);
            let hint = closest
                .map(|c| {
                    let shown = c.common_name.as_deref().unwrap_or(&c.name);
                    format!(" (did you mean {shown} ({})?)", c.alpha3)
                })
                .unwrap_or_default();
            Error::invalid_as(
                ErrorKind::UnknownCountry,
                field,
                text,
                format!(
                    "is not an ISO 3166-1 country{hint} (give an alpha-3 code, an alpha-2 code \
                     or the English name)"
                ),
            )
            .suggesting(closest.map(|c| c.alpha3.clone()))
        })
    }

    /// The country whose name, common name or alias is closest to `key` (see
    /// [`crate::hints::closest`]); codes are left out, as a slip in a three-letter code
    /// is as near to a dozen others.
    fn closest(&self, key: &str) -> Option<&Country> {
        let names = self
            .by_key
            .keys()
            .filter(|name| name.chars().count() > 3)
            .map(String::as_str);
        // Sorted, so that a tie gives the same suggestion every time.
        let mut names: Vec<&str> = names.collect();
        names.sort_unstable();
        crate::hints::closest(key, names).map(|name| &self.list[self.by_key[name]].1)
    }

    /// Alpha-3 codes by database id.
    pub(super) fn alpha3_by_id(&self) -> HashMap<i64, &str> {
        self.list
            .iter()
            .map(|(id, c)| (*id, c.alpha3.as_str()))
            .collect()
    }

    /// The database id and alpha-3 code of a country.
    pub(super) fn id(&self, text: &str, field: &str) -> Result<(i64, &str)> {
        let (id, country) = &self.list[self.find(text, field)?];
        Ok((*id, country.alpha3.as_str()))
    }
}

/// The store's countries, for an import that finds them while its write holds the
/// connection (see [`Store::import_batches`]).
pub(crate) struct CountryFinder<'a>(pub(super) &'a Countries);

impl CountryFinder<'_> {
    /// The alpha-3 code of the country `text` names (code or name, as
    /// [`Store::country`] takes them); the error names the field `country`.
    pub(crate) fn alpha3(&self, text: &str) -> Result<&str> {
        self.0.id(text, "country").map(|(_, alpha3)| alpha3)
    }
}

impl Store {
    /// The country named by an alpha-3 code, alpha-2 code or English name (any case).
    ///
    /// ```
    /// let store = bilateral::Store::in_memory()?;
    /// assert_eq!(store.country("kz")?.alpha3, "KAZ");
    /// assert_eq!(store.country("Azerbaijan")?.alpha3, "AZE");
    /// assert!(store.country("Atlantis").is_err());
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn country(&self, text: &str) -> Result<Country> {
        self.countries
            .find(text, "country")
            .map(|i| self.countries.list[i].1.clone())
    }

    /// All countries, sorted by alpha-3 code.
    pub fn countries(&self) -> Vec<Country> {
        self.countries.list.iter().map(|(_, c)| c.clone()).collect()
    }

    /// Sets the population of `country` in `year` (replacing any stored value).
    pub fn set_population(
        &mut self,
        country: &str,
        year: i32,
        value: f64,
        source: Option<&str>,
    ) -> Result<()> {
        let tx = write_transaction(&mut self.conn)?;
        insert_population(
            &tx,
            &self.countries,
            &mut Lookups::default(),
            country,
            year,
            value,
            source,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The population of `country` in `year`, or else in the latest earlier year the
    /// store has: `(year, people)`, or `None` if it has no year up to `year`.
    pub fn population(&self, country: &str, year: i32) -> Result<Option<(i32, i64)>> {
        let (country_id, _) = self.countries.id(country, "country")?;
        Ok(self
            .conn
            .prepare_cached(
                "SELECT year, value FROM population WHERE country_id = ?1 AND year <= ?2
                 ORDER BY year DESC LIMIT 1",
            )?
            .query_row(params![country_id, year], |r| {
                Ok((r.get("year")?, r.get("value")?))
            })
            .optional()?)
    }

    /// Every population figure stored for `country`: `(year, people)` in year order.
    pub fn population_series(&self, country: &str) -> Result<Vec<(i32, i64)>> {
        let (country_id, _) = self.countries.id(country, "country")?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT year, value FROM population WHERE country_id = ?1 ORDER BY year",
        )?;
        let rows = stmt.query_map([country_id], |r| Ok((r.get("year")?, r.get("value")?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// Every population figure the store holds, the built-in ones and those set by
    /// hand: `(alpha-3, year, people)` in the order of country and year. What
    /// [`Store::per_capita`](crate::Store::per_capita) divides by, for an export.
    pub fn population_table(&self) -> Result<Vec<(String, i32, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.alpha3, p.year, p.value FROM population p
             JOIN country c ON c.id = p.country_id
             ORDER BY c.alpha3, p.year",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Checks and writes one population figure (replacing any stored for the country and
/// year), for [`Store::set_population`] and dataset loads.
pub(super) fn insert_population(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    country: &str,
    year: i32,
    value: f64,
    source: Option<&str>,
) -> Result<()> {
    let (country_id, _) = countries.id(country, "country")?;
    if !(1000..=9999).contains(&year) {
        return Err(Error::invalid(
            "year",
            year.to_string(),
            "is not a year from 1000 to 9999",
        ));
    }
    // Ten billion is more than any country holds, and well inside an i64.
    if !(value.is_finite() && (1.0..=1e10).contains(&value) && value.fract() == 0.0) {
        return Err(Error::invalid(
            "value",
            crate::error::short_number(value),
            "is not a whole number of people from 1 to 10 billion",
        ));
    }
    let source_id = match source {
        Some(code) => Some(lookups.source(tx, code)?),
        None => None,
    };
    tx.prepare_cached(
        "INSERT INTO population (country_id, year, value, source_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (country_id, year) DO UPDATE SET value = excluded.value, source_id = excluded.source_id",
    )?
    .execute(params![country_id, year, value as i64, source_id])?;
    Ok(())
}
