//! Typed reads: indicators, sources, observations, pairs and events.

use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::sql::{
    read_event, read_indicator, read_source, read_topic, ObservationColumns, SELECT_INDICATOR,
};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{Event, Indicator, Observation, Source, Status, TopicEntry};

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
            .ok_or_else(|| Error::not_found("indicator", code))
    }

    /// All sources, sorted by id.
    pub fn sources(&self) -> Result<Vec<Source>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, title, publisher, url, published FROM source ORDER BY code",
        )?;
        let rows = stmt.query_map([], read_source)?;
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
        let mut clauses = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut arg = |v: rusqlite::types::Value| {
            args.push(v);
            format!("?{}", args.len())
        };
        // Known indicator: whether its pairs are directed is known too, so the pair
        // clauses below need no `OR` on it and SQLite can use the pair index.
        let mut directed = None;
        if let Some(code) = &filter.indicator {
            let indicator = self.indicator(code)?;
            directed = Some(indicator.directed);
            clauses.push(format!("i.code = {}", arg(indicator.code.into())));
        }
        let origin = filter
            .origin
            .as_deref()
            .map(|c| self.countries.id(c, "origin"))
            .transpose()?;
        let destination = filter
            .destination
            .as_deref()
            .map(|c| self.countries.id(c, "destination"))
            .transpose()?;
        match (origin, destination) {
            (Some((o, _)), Some((d, _))) if directed == Some(true) => {
                let (o, d) = (arg(o.into()), arg(d.into()));
                clauses.push(format!("o.origin_id = {o} AND o.destination_id = {d}"));
            }
            // Undirected pairs are stored with the smaller id (alphabetical) first.
            (Some((o, _)), Some((d, _))) if directed == Some(false) => {
                let (first, second) = (arg(o.min(d).into()), arg(o.max(d).into()));
                clauses.push(format!(
                    "o.origin_id = {first} AND o.destination_id = {second}"
                ));
            }
            (Some((o, _)), Some((d, _))) => {
                let (o, d) = (arg(o.into()), arg(d.into()));
                clauses.push(format!(
                    "((o.origin_id = {o} AND o.destination_id = {d})
                      OR (i.directed = 0 AND o.origin_id = {d} AND o.destination_id = {o}))"
                ));
            }
            (Some((o, _)), None) => {
                let o = arg(o.into());
                clauses.push(format!(
                    "(o.origin_id = {o} OR (i.directed = 0 AND o.destination_id = {o}))"
                ));
            }
            (None, Some((d, _))) => {
                let d = arg(d.into());
                clauses.push(format!(
                    "(o.destination_id = {d} OR (i.directed = 0 AND o.origin_id = {d}))"
                ));
            }
            (None, None) => {}
        }
        if let Some(product) = &filter.product {
            clauses.push(format!(
                "p.code = {}",
                arg(product.trim().to_lowercase().into())
            ));
        }
        if let Some(status) = &filter.status {
            let status = Status::from_code(status)?;
            clauses.push(format!(
                "o.status = {}",
                arg(super::sql::stored_status(status).into())
            ));
        }
        let where_clause = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        self.query_observations(&where_clause, args)
    }

    /// Every observation between `a` and `b`, in either direction, in the order of
    /// [`Store::observations`].
    pub fn observations_between(&self, a: &str, b: &str) -> Result<Vec<Observation>> {
        let (a, _) = self.countries.id(a, "a")?;
        let (b, _) = self.countries.id(b, "b")?;
        self.query_observations(
            "WHERE (o.origin_id = ?1 AND o.destination_id = ?2)
                OR (o.origin_id = ?2 AND o.destination_id = ?1)",
            vec![a.into(), b.into()],
        )
    }

    /// The observations `where_clause` selects with `args`, sorted by indicator, pair,
    /// product, period, status and source.
    fn query_observations(
        &self,
        where_clause: &str,
        args: Vec<rusqlite::types::Value>,
    ) -> Result<Vec<Observation>> {
        let sql = format!(
            "SELECT i.code AS indicator, origin.alpha3 AS origin,
                    destination.alpha3 AS destination, p.code AS product, o.start_day,
                    o.end_day, o.period_text, o.value, o.qualifier, o.low, o.high, o.status,
                    i.unit, s.code AS source, o.quote, o.note
             FROM observation o
             JOIN indicator i ON i.id = o.indicator_id
             JOIN country origin ON origin.id = o.origin_id
             JOIN country destination ON destination.id = o.destination_id
             JOIN product p ON p.id = o.product_id
             LEFT JOIN source s ON s.id = o.source_id
             {where_clause}
             ORDER BY i.code, origin.alpha3, destination.alpha3, p.code, o.start_day, o.end_day,
                      o.status, s.code"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let columns = ObservationColumns::of(&stmt)?;
        let rows = stmt.query_map(params_from_iter(args), |r| columns.read(r))?;
        Ok(rows.collect::<Result<_, _>>()?)
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
             ORDER BY e.start_day, e.end_day, e.title",
        )?;
        let rows = stmt.query_map(params![a, b], read_event)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
