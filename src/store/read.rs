//! Typed reads: indicators, sources, observations, pairs and events.

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

    /// Events, in date order; with a pair, only those between the two (either order).
    /// An event sorts by the end of its date, and a coarser date after a finer one ending
    /// with it: one known only as "2025" comes after every event dated within 2025.
    pub fn events(&self, pair: Option<(&str, &str)>) -> Result<Vec<Event>> {
        let (a, b) = match pair {
            Some((a, b)) => {
                let (a, b) = (self.countries.id(a, "a")?.0, self.countries.id(b, "b")?.0);
                (Some(a.min(b)), Some(a.max(b)))
            }
            None => (None, None),
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.start_day, e.end_day, a.alpha3 AS a, b.alpha3 AS b, e.kind, e.title,
                    e.place, s.code AS source, e.quote, e.note
             FROM event e
             JOIN country a ON a.id = e.a_id
             JOIN country b ON b.id = e.b_id
             LEFT JOIN source s ON s.id = e.source_id
             WHERE (?1 IS NULL OR (e.a_id = ?1 AND e.b_id = ?2))
             ORDER BY e.end_day, e.start_day DESC, e.title",
        )?;
        let rows = stmt.query_map(params![a, b], read_event)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
