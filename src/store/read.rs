//! Typed reads: indicators, sources, observations, pairs and events, and the
//! [`PairFilter`] that claims, events and the checks are read by.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::sql::{read_event, read_indicator, read_source, read_topic, SELECT_INDICATOR};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{Event, Indicator, Observation, Product, Source, TopicEntry};

/// Which observations to read; every field left `None` matches everything.
///
/// For an undirected indicator a pair matches in either order, and a single country
/// matches either side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationFilter {
    /// Indicator code.
    pub indicator: Option<String>,
    /// Origin country (any form [`Store::country`] accepts).
    pub origin: Option<String>,
    /// Destination country.
    pub destination: Option<String>,
    /// Product code.
    pub product: Option<String>,
    /// Status name.
    pub status: Option<String>,
}

impl ObservationFilter {
    /// Observations of one indicator.
    pub fn indicator(code: &str) -> ObservationFilter {
        ObservationFilter {
            indicator: Some(code.to_owned()),
            ..ObservationFilter::default()
        }
    }

    /// Narrows to the pair origin → destination.
    pub fn pair(mut self, origin: &str, destination: &str) -> ObservationFilter {
        self.origin = Some(origin.to_owned());
        self.destination = Some(destination.to_owned());
        self
    }
}

/// Which pairs of countries to read claims, events or check findings for. A pair has
/// no direction here: each country given matches either side, so
/// `PairFilter::between("KAZ", "AZE")` and `PairFilter::between("AZE", "KAZ")` select
/// the same claims, events and findings, whichever way a figure or claim runs. Unlike
/// [`ObservationFilter`] and [`SeriesFilter`](crate::SeriesFilter), whose `origin` and
/// `destination` are sides of a flow, `a` and `b` are only the pair's two countries.
///
/// [`Store::claims_of`], [`Store::events_of`], [`Store::claim_checks_of`] and
/// [`Store::findings_of`] take it; each reads `a` and `b` as the fields say.
///
/// ```
/// use bilateral::{PairFilter, Store};
///
/// let store = Store::demo()?;
/// let between = store.claims_of(&PairFilter::between("KAZ", "AZE"))?;
/// assert_eq!(between, store.claims_of(&PairFilter::between("AZE", "KAZ"))?);
/// // The demo's claims are all about Azerbaijan and Kazakhstan.
/// assert_eq!(store.claims_of(&PairFilter::involving("KAZ"))?, between);
/// assert_eq!(store.claims_of(&PairFilter::any())?, between);
/// assert!(store.claims_of(&PairFilter::involving("GEO"))?.is_empty());
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairFilter {
    /// A country of the pair, on either side (any form [`Store::country`] accepts);
    /// `None` leaves it open. With `b` also given, the pair of the two; alone, every
    /// pair this country is in.
    pub a: Option<String>,
    /// The pair's other country, on either side; read as `a` is. Naming the same
    /// country as `a` is a validation error (kind `SameCountry`), as a figure between
    /// a country and itself is.
    pub b: Option<String>,
}

impl PairFilter {
    /// Every pair: the same as `PairFilter::default()`.
    pub fn any() -> PairFilter {
        PairFilter::default()
    }

    /// The pair of `a` and `b`, in either direction.
    pub fn between(a: &str, b: &str) -> PairFilter {
        PairFilter {
            a: Some(a.to_owned()),
            b: Some(b.to_owned()),
        }
    }

    /// Every pair `country` is in, on either side.
    pub fn involving(country: &str) -> PairFilter {
        PairFilter {
            a: Some(country.to_owned()),
            b: None,
        }
    }
}

/// The countries of a [`PairFilter`] as the store knows them: row id and alpha-3
/// code of each one given.
pub(crate) struct PairCountries<'a> {
    pub(crate) a: Option<(i64, &'a str)>,
    pub(crate) b: Option<(i64, &'a str)>,
}

impl PairCountries<'_> {
    /// The ids, for SQL that takes each as `?n IS NULL OR ?n IN (one side, other side)`.
    pub(crate) fn ids(&self) -> (Option<i64>, Option<i64>) {
        (self.a.map(|(id, _)| id), self.b.map(|(id, _)| id))
    }
}

impl Store {
    /// The countries `pair` names; an unknown country is a validation error on
    /// [`field::A`](crate::error::field::A) or [`field::B`](crate::error::field::B),
    /// and so is `b` naming the country `a` does.
    pub(crate) fn pair_countries(&self, pair: &PairFilter) -> Result<PairCountries<'_>> {
        let a = pair
            .a
            .as_deref()
            .map(|a| self.countries.id(a, crate::error::field::A))
            .transpose()?;
        let b = pair
            .b
            .as_deref()
            .map(|b| self.countries.id(b, crate::error::field::B))
            .transpose()?;
        if let (Some((a_id, a_code)), Some((b_id, _))) = (a, b) {
            if a_id == b_id {
                return Err(Error::invalid_as(
                    crate::error::ErrorKind::SameCountry,
                    crate::error::field::B,
                    pair.b.as_deref().unwrap_or_default(),
                    format!("is the same country as a ({a_code}): a pair is two countries"),
                ));
            }
        }
        Ok(PairCountries { a, b })
    }
}

impl Store {
    /// All indicators, sorted by code.
    pub fn indicators(&self) -> Result<Vec<Indicator>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_INDICATOR} ORDER BY i.code"))?;
        let rows = stmt.query_map([], read_indicator)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The indicator with `code`, or [`Error::NotFound`].
    pub fn indicator(&self, code: &str) -> Result<Indicator> {
        self.conn
            .prepare_cached(&format!("{SELECT_INDICATOR} WHERE i.code = ?1"))?
            .query_row([code], read_indicator)
            .optional()?
            .map_or_else(
                || {
                    let known = self.indicators().unwrap_or_default();
                    let hint =
                        crate::hints::did_you_mean(code, known.iter().map(|i| i.code.as_str()));
                    Err(Error::not_found(
                        "indicator",
                        format!("{}{hint}", crate::error::shortened(code)),
                    ))
                },
                Ok,
            )
    }

    /// All sources, sorted by id.
    pub fn sources(&self) -> Result<Vec<Source>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, title, publisher, url, published FROM source ORDER BY code",
        )?;
        let rows = stmt.query_map([], read_source)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every product figures or [`Store::add_product`] have named, sorted by code, with
    /// its name and classification where the store has them; not `total`, the whole.
    pub fn products(&self) -> Result<Vec<Product>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, name, classification FROM product WHERE code <> 'total' ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Product {
                code: r.get("code")?,
                name: r.get("name")?,
                classification: r.get("classification")?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The report topics with their titles, in the order of a report's sections.
    ///
    /// ```
    /// let store = bilateral::Store::in_memory()?;
    /// let topics = store.topics()?;
    /// assert_eq!(topics[0].title, "Trade");
    /// assert_eq!(topics.last().unwrap().topic, bilateral::Topic::OTHER);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn topics(&self) -> Result<Vec<TopicEntry>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT code, title FROM topic ORDER BY position, code")?;
        let rows = stmt.query_map([], read_topic)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The observations that match `filter`, sorted by indicator, pair, product,
    /// period, status and source.
    pub fn observations(&self, filter: &ObservationFilter) -> Result<Vec<Observation>> {
        Ok(self.observation_table(filter)?.into_observations())
    }

    /// Every observation between `a` and `b`, in either direction, in the order of
    /// [`Store::observations`].
    pub fn observations_between(&self, a: &str, b: &str) -> Result<Vec<Observation>> {
        let (a, _) = self.countries.id(a, "a")?;
        let (b, _) = self.countries.id(b, "b")?;
        let table = self.read_table(
            "WHERE (o.origin_id = ?1 AND o.destination_id = ?2)
                OR (o.origin_id = ?2 AND o.destination_id = ?1)",
            vec![a.into(), b.into()],
        )?;
        Ok(table.into_observations())
    }

    /// Every indicator by its id in the store.
    pub(super) fn indicators_by_id(&self) -> Result<HashMap<i64, Indicator>> {
        let mut stmt = self.conn.prepare_cached(SELECT_INDICATOR)?;
        let rows = stmt.query_map([], |r| Ok((r.get("id")?, read_indicator(r)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The code of row `id` of `table` (`product` or `source`).
    pub(super) fn code_of(&self, table: &'static str, id: i64) -> Result<String> {
        self.conn
            .prepare_cached(&format!("SELECT code FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::not_found(table, format!("id {id}")))
    }

    /// How many observations the store holds.
    pub fn observation_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM observation", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// The pairs of countries the store has observations or events for, as alpha-3
    /// codes in alphabetical order, with how many of each: the pair with most first.
    pub fn pairs(&self) -> Result<Vec<(String, String, usize)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.alpha3 AS a, b.alpha3 AS b, count(*) AS n
             FROM (SELECT min(origin_id, destination_id) AS a_id, max(origin_id, destination_id) AS b_id
                   FROM observation
                   UNION ALL SELECT a_id, b_id FROM event) pair
             JOIN country a ON a.id = pair.a_id
             JOIN country b ON b.id = pair.b_id
             GROUP BY a.alpha3, b.alpha3
             ORDER BY n DESC, a.alpha3, b.alpha3",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get("a")?, r.get("b")?, r.get::<_, i64>("n")? as usize))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The events of the pairs `pair` selects, in date order: with `a` and `b`, those
    /// between the two; with one, those of every pair it is in; with neither, all.
    /// An event sorts by the end of its date, and a coarser date after a finer one ending
    /// with it: one known only as "2025" comes after every event dated within 2025.
    ///
    /// ```
    /// use bilateral::{PairFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let events = store.events_of(&PairFilter::between("KAZ", "AZE"))?;
    /// assert!(events.iter().all(|e| (e.a.as_str(), e.b.as_str()) == ("AZE", "KAZ")));
    /// assert_eq!(events, store.events_of(&PairFilter::between("AZE", "KAZ"))?);
    /// assert!(store.events_of(&PairFilter::involving("GEO"))?.is_empty());
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn events_of(&self, pair: &PairFilter) -> Result<Vec<Event>> {
        let (a, b) = self.pair_countries(pair)?.ids();
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.start_day, e.end_day, a.alpha3 AS a, b.alpha3 AS b, e.kind, e.title,
                    e.place, s.code AS source, e.quote, e.note
             FROM event e
             JOIN country a ON a.id = e.a_id
             JOIN country b ON b.id = e.b_id
             LEFT JOIN source s ON s.id = e.source_id
             WHERE (?1 IS NULL OR ?1 IN (e.a_id, e.b_id))
               AND (?2 IS NULL OR ?2 IN (e.a_id, e.b_id))
             ORDER BY e.end_day, e.start_day DESC, e.title",
        )?;
        let rows = stmt.query_map(params![a, b], read_event)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Events, in date order; with a pair, only those between the two (either order).
    #[deprecated(
        since = "0.2.0",
        note = "use `Store::events_of(&PairFilter::between(a, b))` (or `PairFilter::any()` for every event)"
    )]
    pub fn events(&self, pair: Option<(&str, &str)>) -> Result<Vec<Event>> {
        self.events_of(&match pair {
            Some((a, b)) => PairFilter::between(a, b),
            None => PairFilter::any(),
        })
    }
}
