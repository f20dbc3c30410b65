//! The SQLite store: opening and migrating files, validated writes, typed reads.
//!
//! All SQL text of the crate lives in this module; the layout itself is `schema.sql`.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;
use std::time::Duration;

use rusqlite::{params, params_from_iter, Connection, ErrorCode, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::builtin::{self, Dataset};
use crate::error::{Error, Result};
use crate::model::{
    Bounds, Country, Event, Indicator, Kind, NewEvent, NewObservation, Observation, Qualifier,
    Source, Status, Topic,
};
use crate::period::Period;

const SCHEMA: &str = include_str!("../schema.sql");

/// The schema version this library writes (the last step of `schema.sql`).
pub const SCHEMA_VERSION: u32 = 3;

/// The columns of an indicator, in the order `read_indicator` reads them.
const INDICATOR_COLUMNS: &str = "code, name, unit, kind, directed, signed, description, topic";

/// What to do when an added observation is already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnDuplicate {
    /// Fail with [`Error::Duplicate`] and leave the store unchanged.
    #[default]
    Error,
    /// Replace the stored observation.
    Replace,
}

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

/// How much a dataset load added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LoadSummary {
    /// Sources added (already present identical ones are not counted).
    pub sources: usize,
    /// Indicators added.
    pub indicators: usize,
    /// Observations added.
    pub observations: usize,
    /// Events added.
    pub events: usize,
}

/// A store of bilateral observations in one SQLite database (a file or memory).
///
/// ```
/// use bilateral::{NewObservation, ObservationFilter, Store};
///
/// let mut store = Store::in_memory()?;
/// store.load_dataset("azerbaijan-kazakhstan-2025")?;
/// let trade = store.observations(&ObservationFilter::indicator("trade_turnover").pair("KAZ", "AZE"))?;
/// let latest = trade.iter().find(|o| o.period.to_string() == "2025-01/2025-08").unwrap();
/// assert_eq!(latest.value, 547_600_000.0);
///
/// let mut mine = NewObservation::new("tourists", "Kazakhstan", "AZ", "2025-H1", 40_000.0);
/// mine.qualifier = Some("about".into());
/// store.add(&mine)?;
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    countries: Countries,
}

impl Store {
    /// Opens the store in the file at `path`: creates it with the schema if new,
    /// migrates it if an older version of the library wrote it, and refuses a file
    /// written by a newer version ([`Error::Schema`]).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::init(Connection::open(path)?, SCHEMA_VERSION)
    }

    /// A new store in memory, gone when dropped.
    pub fn in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, SCHEMA_VERSION)
    }

    /// A store in memory with the built-in Azerbaijan–Kazakhstan dataset loaded.
    pub fn demo() -> Result<Store> {
        let mut store = Store::in_memory()?;
        store.load_dataset("azerbaijan-kazakhstan-2025")?;
        Ok(store)
    }

    /// Creates (or migrates) the file at `path` only up to schema `version`: for testing
    /// migrations from older versions.
    #[doc(hidden)]
    pub fn create_with_schema_version(path: impl AsRef<Path>, version: u32) -> Result<()> {
        Store::init(Connection::open(path)?, version).map(drop)
    }

    fn init(mut conn: Connection, version: u32) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(not_a_store)?;
        migrate(&mut conn, version)?;
        let countries = Countries::load(&conn)?;
        Ok(Store { conn, countries })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    // ----- countries and reference data -------------------------------------------------

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
        let (country_id, _) = self.countries.id(country, "country")?;
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
                value.to_string(),
                "is not a whole number of people from 1 to 10 billion",
            ));
        }
        let tx = self.conn.transaction()?;
        let source_id = match source {
            Some(code) => Some(Lookups::default().source(&tx, code)?),
            None => None,
        };
        tx.execute(
            "INSERT INTO population (country_id, year, value, source_id) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (country_id, year) DO UPDATE SET value = excluded.value, source_id = excluded.source_id",
            params![country_id, year, value as i64, source_id],
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
            .query_row(params![country_id, year], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Every population figure stored for `country`: `(year, people)` in year order.
    pub fn population_series(&self, country: &str) -> Result<Vec<(i32, i64)>> {
        let (country_id, _) = self.countries.id(country, "country")?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT year, value FROM population WHERE country_id = ?1 ORDER BY year",
        )?;
        let rows = stmt.query_map([country_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // ----- indicators and sources -------------------------------------------------------

    /// Adds an indicator. Adding one identical to a stored indicator does nothing;
    /// a different definition under a stored code is a validation error.
    pub fn add_indicator(&mut self, indicator: &Indicator) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let added = insert_indicator(&tx, indicator)?;
        tx.commit()?;
        Ok(added)
    }

    /// All indicators, sorted by code.
    pub fn indicators(&self) -> Result<Vec<Indicator>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {INDICATOR_COLUMNS} FROM indicator ORDER BY code"
        ))?;
        let rows = stmt.query_map([], read_indicator)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The indicator with `code`, or [`Error::NotFound`].
    pub fn indicator(&self, code: &str) -> Result<Indicator> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {INDICATOR_COLUMNS} FROM indicator WHERE code = ?1"
            ))?
            .query_row([code], read_indicator)
            .optional()?
            .ok_or_else(|| Error::not_found("indicator", code))
    }

    /// Adds a source. Adding one identical to a stored source does nothing; a
    /// different source under a stored id is a validation error.
    pub fn add_source(&mut self, source: &Source) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let added = insert_source(&tx, source)?;
        tx.commit()?;
        Ok(added)
    }

    /// All sources, sorted by id.
    pub fn sources(&self) -> Result<Vec<Source>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, title, publisher, url, published FROM source ORDER BY code",
        )?;
        let rows = stmt.query_map([], read_source)?;
        rows.map(|r| r?).collect()
    }

    // ----- observations -----------------------------------------------------------------

    /// Adds one observation; see [`NewObservation`] for the fields and
    /// [`Store::add_many`] for the checks.
    pub fn add(&mut self, observation: &NewObservation) -> Result<()> {
        self.write_observations(std::slice::from_ref(observation), OnDuplicate::Error, false)
            .map(drop)
    }

    /// Adds one observation, replacing a stored one with the same identity.
    pub fn replace(&mut self, observation: &NewObservation) -> Result<()> {
        self.write_observations(
            std::slice::from_ref(observation),
            OnDuplicate::Replace,
            false,
        )
        .map(drop)
    }

    /// Adds observations all or nothing: the first bad record fails the call, leaves
    /// the store unchanged, and the error names the record's index and field.
    ///
    /// Each record is checked: the indicator and source exist; the countries are
    /// known and differ; the period parses; the value is finite (and not negative
    /// unless the indicator is signed); the qualifier and status are known; explicit
    /// bounds contain the value. Undirected indicators store the pair in alphabetical
    /// order. Returns the number of records written.
    pub fn add_many(
        &mut self,
        records: &[NewObservation],
        on_duplicate: OnDuplicate,
    ) -> Result<usize> {
        self.write_observations(records, on_duplicate, true)
    }

    fn write_observations(
        &mut self,
        records: &[NewObservation],
        on_duplicate: OnDuplicate,
        batch: bool,
    ) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut lookups = Lookups::default();
        for (index, record) in records.iter().enumerate() {
            insert_observation(&tx, &self.countries, &mut lookups, record, on_duplicate)
                .map_err(|e| if batch { e.at_record(index) } else { e })?;
        }
        tx.commit()?;
        Ok(records.len())
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
        if let Some(code) = &filter.indicator {
            let indicator = self.indicator(code)?;
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
                arg(status.code().to_owned().into())
            ));
        }
        let where_clause = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let sql = format!(
            "SELECT i.code, origin.alpha3, destination.alpha3, p.code, o.start_day, o.end_day,
                    o.period_text, o.value, o.qualifier, o.low, o.high, o.status, i.unit, s.code,
                    o.quote, o.note
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
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok((
                [0, 1, 2, 3, 6, 8, 11, 12].map(|i| r.get::<_, String>(i)),
                [4, 5].map(|i| r.get::<_, i32>(i)),
                [7, 9, 10].map(|i| r.get::<_, f64>(i)),
                [13, 14, 15].map(|i| r.get::<_, Option<String>>(i)),
            ))
        })?;
        rows.map(|row| {
            let (texts, days, numbers, optionals) = row?;
            let [indicator, origin, destination, product, period_text, qualifier, status, unit] =
                all(texts)?;
            let [start, end] = all(days)?;
            let [value, low, high] = all(numbers)?;
            let [source, quote, note] = all(optionals)?;
            Ok(Observation {
                indicator,
                origin,
                destination,
                product,
                period: Period::from_julian_days(start, end)?,
                period_text,
                value,
                qualifier: Qualifier::from_words(&qualifier)?,
                low,
                high,
                status: Status::from_code(&status)?,
                unit,
                source,
                quote,
                note,
            })
        })
        .collect()
    }

    /// The pairs of countries the store has observations or events for, as alpha-3
    /// codes in alphabetical order, with how many of each: the pair with most first.
    pub fn pairs(&self) -> Result<Vec<(String, String, usize)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.alpha3, b.alpha3, count(*) AS n
             FROM (SELECT min(origin_id, destination_id) AS a_id, max(origin_id, destination_id) AS b_id
                   FROM observation
                   UNION ALL SELECT a_id, b_id FROM event) pair
             JOIN country a ON a.id = pair.a_id
             JOIN country b ON b.id = pair.b_id
             GROUP BY a.alpha3, b.alpha3
             ORDER BY n DESC, a.alpha3, b.alpha3",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as usize))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // ----- events -----------------------------------------------------------------------

    /// Adds a dated event between two countries.
    pub fn add_event(&mut self, event: &NewEvent) -> Result<()> {
        let tx = self.conn.transaction()?;
        insert_event(&tx, &self.countries, &mut Lookups::default(), event)?;
        tx.commit()?;
        Ok(())
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
            "SELECT e.start_day, e.end_day, a.alpha3, b.alpha3, e.kind, e.title, e.place, s.code,
                    e.quote, e.note
             FROM event e
             JOIN country a ON a.id = e.a_id
             JOIN country b ON b.id = e.b_id
             LEFT JOIN source s ON s.id = e.source_id
             WHERE (?1 IS NULL OR (e.a_id = ?1 AND e.b_id = ?2))
             ORDER BY e.start_day, e.end_day, e.title",
        )?;
        let rows = stmt.query_map(params![a, b], |r| {
            Ok((
                [0, 1].map(|i| r.get::<_, i32>(i)),
                [2, 3, 4, 5].map(|i| r.get::<_, String>(i)),
                [6, 7, 8, 9].map(|i| r.get::<_, Option<String>>(i)),
            ))
        })?;
        rows.map(|row| {
            let (days, texts, optionals) = row?;
            let [start, end] = all(days)?;
            let [a, b, kind, title] = all(texts)?;
            let [place, source, quote, note] = all(optionals)?;
            Ok(Event {
                date: Period::from_julian_days(start, end)?,
                a,
                b,
                kind,
                title,
                place,
                source,
                quote,
                note,
            })
        })
        .collect()
    }

    // ----- datasets ---------------------------------------------------------------------

    /// Loads a built-in dataset (see [`crate::datasets`]) all or nothing.
    pub fn load_dataset(&mut self, name: &str) -> Result<LoadSummary> {
        let dataset = Dataset::builtin(name)?;
        self.load(&dataset)
    }

    /// Loads a dataset all or nothing, through the same checks as [`Store::add_many`];
    /// an error names the record's index within its list.
    pub fn load(&mut self, dataset: &Dataset) -> Result<LoadSummary> {
        let tx = self.conn.transaction()?;
        let mut summary = LoadSummary::default();
        let mut lookups = Lookups::default();
        for (i, source) in dataset.sources.iter().enumerate() {
            summary.sources += usize::from(insert_source(&tx, source).map_err(|e| e.at_record(i))?);
        }
        for (i, indicator) in dataset.indicators.iter().enumerate() {
            summary.indicators +=
                usize::from(insert_indicator(&tx, indicator).map_err(|e| e.at_record(i))?);
        }
        for (i, record) in dataset.observations.iter().enumerate() {
            insert_observation(
                &tx,
                &self.countries,
                &mut lookups,
                record,
                OnDuplicate::Error,
            )
            .map_err(|e| e.at_record(i))?;
            summary.observations += 1;
        }
        for (i, event) in dataset.events.iter().enumerate() {
            insert_event(&tx, &self.countries, &mut lookups, event).map_err(|e| e.at_record(i))?;
            summary.events += 1;
        }
        tx.commit()?;
        Ok(summary)
    }

    /// How many observations the store holds.
    pub fn observation_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM observation", [], |r| r.get(0))?;
        Ok(n as usize)
    }
}

// ----- schema and migrations ----------------------------------------------------------------

/// The steps of `schema.sql`: `(version, sql)` in order.
fn schema_steps() -> Vec<(u32, &'static str)> {
    let mut steps = Vec::new();
    let mut rest = SCHEMA;
    while let Some(at) = rest.find("\n-- version ") {
        let step = &rest[at + 1..];
        let header_end = step.find('\n').unwrap_or(step.len());
        let version: u32 = step["-- version ".len()..header_end]
            .split(':')
            .next()
            .and_then(|n| n.trim().parse().ok())
            .expect("schema.sql step headers read `-- version N: …`");
        let body_end = step[header_end..]
            .find("\n-- version ")
            .map_or(step.len(), |e| header_end + e);
        steps.push((version, &step[..body_end]));
        rest = &step[body_end..];
    }
    steps
}

fn not_a_store(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            Error::Schema("the file is not a SQLite database, so not a bilateral store".to_owned())
        }
        _ => Error::Sqlite(e),
    }
}

fn migrate(conn: &mut Connection, target: u32) -> Result<()> {
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(not_a_store)?;
    if version > SCHEMA_VERSION {
        return Err(Error::Schema(format!(
            "the file has schema version {version}, newer than the {SCHEMA_VERSION} this version \
             of bilateral reads: upgrade bilateral to open it"
        )));
    }
    if version >= target {
        return Ok(());
    }
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if version == 0 && tables > 0 {
        return Err(Error::Schema(
            "the file is a SQLite database with other tables, not a bilateral store".to_owned(),
        ));
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for (step, sql) in schema_steps() {
        if step > version && step <= target {
            tx.execute_batch(sql)?;
            if step == 1 {
                preload_reference_data(&tx)?;
            }
        }
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

/// Fills the tables every store starts with: countries and World Bank population.
fn preload_reference_data(tx: &Transaction) -> Result<()> {
    let mut countries = builtin::countries()?;
    // Ids follow alpha-3 order, so the smaller id of a pair is its alphabetical first.
    countries.sort_by(|a, b| a.alpha3.cmp(&b.alpha3));
    let mut ids = HashMap::new();
    {
        let mut stmt = tx.prepare(
            "INSERT INTO country (id, alpha3, alpha2, name, official_name) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, c) in countries.iter().enumerate() {
            let id = i as i64 + 1;
            stmt.execute(params![id, c.alpha3, c.alpha2, c.name, c.official_name])?;
            ids.insert(c.alpha3.as_str(), id);
        }
    }
    insert_source(tx, &builtin::population_source())?;
    let source_id = Lookups::default().source(tx, &builtin::population_source().id)?;
    let mut stmt = tx.prepare(
        "INSERT INTO population (country_id, year, value, source_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (code, year, value) in builtin::population()? {
        let id = ids.get(code).ok_or_else(|| Error::BuiltinData {
            name: "population.csv",
            message: format!("{code} is not an ISO 3166-1 country"),
        })?;
        stmt.execute(params![id, year, value, source_id])?;
    }
    Ok(())
}

// ----- countries ------------------------------------------------------------------------------

#[derive(Debug)]
struct Countries {
    list: Vec<(i64, Country)>,
    by_key: HashMap<String, usize>,
    by_alpha3: HashMap<String, usize>,
}

impl Countries {
    fn load(conn: &Connection) -> Result<Countries> {
        let mut stmt = conn.prepare(
            "SELECT id, alpha3, alpha2, name, official_name FROM country ORDER BY alpha3",
        )?;
        let list: Vec<(i64, Country)> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    Country {
                        alpha3: r.get(1)?,
                        alpha2: r.get(2)?,
                        name: r.get(3)?,
                        official_name: r.get(4)?,
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
            Error::invalid(
                field,
                text,
                "is not an ISO 3166-1 country (give an alpha-3 code, an alpha-2 code or the English name)",
            )
        })
    }

    /// The database id and alpha-3 code of a country.
    fn id(&self, text: &str, field: &str) -> Result<(i64, &str)> {
        let (id, country) = &self.list[self.find(text, field)?];
        Ok((*id, country.alpha3.as_str()))
    }
}

// ----- writes ---------------------------------------------------------------------------------

/// Ids looked up during one transaction, so a batch asks SQLite once per name.
#[derive(Default)]
struct Lookups {
    indicators: HashMap<String, (i64, Rc<Indicator>)>,
    products: HashMap<String, i64>,
    sources: HashMap<String, i64>,
}

impl Lookups {
    fn indicator(&mut self, tx: &Transaction, code: &str) -> Result<(i64, Rc<Indicator>)> {
        if let Some(found) = self.indicators.get(code) {
            return Ok(found.clone());
        }
        let found = tx
            .prepare_cached(&format!(
                "SELECT id, {INDICATOR_COLUMNS} FROM indicator WHERE code = ?1"
            ))?
            .query_row([code], |r| {
                Ok((r.get::<_, i64>(0)?, Rc::new(read_indicator_at(r, 1)?)))
            })
            .optional()?
            .ok_or_else(|| {
                Error::invalid(
                    "indicator",
                    code,
                    "is not a known indicator (add it with add_indicator)",
                )
            })?;
        self.indicators.insert(code.to_owned(), found.clone());
        Ok(found)
    }

    fn product(&mut self, tx: &Transaction, code: &str) -> Result<i64> {
        if let Some(&id) = self.products.get(code) {
            return Ok(id);
        }
        check_code("product", code, b"_.", true)?;
        tx.prepare_cached("INSERT INTO product (code) VALUES (?1) ON CONFLICT (code) DO NOTHING")?
            .execute([code])?;
        let id = tx
            .prepare_cached("SELECT id FROM product WHERE code = ?1")?
            .query_row([code], |r| r.get(0))?;
        self.products.insert(code.to_owned(), id);
        Ok(id)
    }

    fn source(&mut self, tx: &Transaction, code: &str) -> Result<i64> {
        if let Some(&id) = self.sources.get(code) {
            return Ok(id);
        }
        let id = tx
            .prepare_cached("SELECT id FROM source WHERE code = ?1")?
            .query_row([code], |r| r.get(0))
            .optional()?
            .ok_or_else(|| {
                Error::invalid(
                    "source",
                    code,
                    "is not a known source (add it with add_source)",
                )
            })?;
        self.sources.insert(code.to_owned(), id);
        Ok(id)
    }
}

/// Checks a code of lowercase letters, digits and the `extra` characters.
fn check_code(field: &str, code: &str, extra: &[u8], digit_first: bool) -> Result<()> {
    let first_ok = code
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || (digit_first && b.is_ascii_digit()));
    let rest_ok = code
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || extra.contains(&b));
    if first_ok && rest_ok && code.len() <= 64 {
        Ok(())
    } else {
        let allowed: String = extra.iter().map(|&b| b as char).collect();
        Err(Error::invalid(
            field,
            code,
            format!(
                "is not a code: use up to 64 lowercase letters, digits and {allowed:?}, \
                 starting with a letter{}",
                if digit_first { " or digit" } else { "" }
            ),
        ))
    }
}

fn non_empty(field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        Err(Error::invalid(field, text, "is empty"))
    } else {
        Ok(())
    }
}

/// Optional text: blank counts as absent.
fn optional(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn insert_indicator(tx: &Transaction, indicator: &Indicator) -> Result<bool> {
    check_code("code", &indicator.code, b"_", false)?;
    non_empty("name", &indicator.name)?;
    non_empty("unit", &indicator.unit)?;
    if let Some(stored) = tx
        .prepare_cached(&format!(
            "SELECT {INDICATOR_COLUMNS} FROM indicator WHERE code = ?1"
        ))?
        .query_row([&indicator.code], read_indicator)
        .optional()?
    {
        return if &stored == indicator {
            Ok(false)
        } else {
            Err(Error::invalid(
                "code",
                &indicator.code,
                format!(
                    "is already defined differently ({}, {}, {}, {}, topic {})",
                    stored.name,
                    stored.unit,
                    stored.kind,
                    if stored.directed {
                        "directed"
                    } else {
                        "undirected"
                    },
                    stored.topic.code()
                ),
            ))
        };
    }
    tx.prepare_cached(&format!(
        "INSERT INTO indicator ({INDICATOR_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    ))?
    .execute(params![
        indicator.code,
        indicator.name,
        indicator.unit,
        indicator.kind.code(),
        indicator.directed,
        indicator.signed,
        indicator.description,
        indicator.topic.code()
    ])?;
    Ok(true)
}

fn insert_source(tx: &Transaction, source: &Source) -> Result<bool> {
    check_code("id", &source.id, b"_.-", true)?;
    non_empty("title", &source.title)?;
    if let Some(stored) = tx
        .prepare_cached(
            "SELECT code, title, publisher, url, published FROM source WHERE code = ?1",
        )?
        .query_row([&source.id], read_source)
        .optional()?
    {
        return if &stored? == source {
            Ok(false)
        } else {
            Err(Error::invalid(
                "id",
                &source.id,
                "is already a source with other details",
            ))
        };
    }
    tx.prepare_cached(
        "INSERT INTO source (code, title, publisher, url, published) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        source.id,
        source.title,
        source.publisher,
        source.url,
        source.published.map(|p| p.to_string())
    ])?;
    Ok(true)
}

fn insert_observation(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    record: &NewObservation,
    on_duplicate: OnDuplicate,
) -> Result<()> {
    let (indicator_id, indicator) = lookups.indicator(tx, &record.indicator)?;
    let (mut origin_id, mut origin) = countries.id(&record.origin, "origin")?;
    let (mut destination_id, mut destination) = countries.id(&record.destination, "destination")?;
    if origin_id == destination_id {
        return Err(Error::invalid(
            "destination",
            &record.destination,
            format!("is the same country as the origin ({origin})"),
        ));
    }
    if !indicator.directed && origin > destination {
        std::mem::swap(&mut origin_id, &mut destination_id);
        std::mem::swap(&mut origin, &mut destination);
    }
    if let Some(unit) = optional(&record.unit) {
        if unit != indicator.unit {
            return Err(Error::invalid(
                "unit",
                unit,
                format!(
                    "is not the unit of {}, which is {}",
                    indicator.code, indicator.unit
                ),
            ));
        }
    }
    let period = Period::parse(&record.period)?;
    let value = record.value;
    if !value.is_finite() {
        return Err(Error::invalid(
            "value",
            value.to_string(),
            "is not a finite number",
        ));
    }
    if value < 0.0 && !indicator.signed {
        return Err(Error::invalid(
            "value",
            value.to_string(),
            format!(
                "is negative, and {} cannot be (it is not a signed indicator)",
                indicator.code
            ),
        ));
    }
    let qualifier =
        optional(&record.qualifier).map_or(Ok(Qualifier::Exact), Qualifier::from_words)?;
    let status = optional(&record.status).map_or(Ok(Status::Actual), Status::from_code)?;
    if let Some(p) = record.precision {
        if !(p.is_finite() && p > 0.0) {
            return Err(Error::invalid(
                "precision",
                p.to_string(),
                "is not a positive number",
            ));
        }
    }
    let derived = Bounds::from_qualifier(value, qualifier, record.precision);
    let floor = if indicator.signed {
        f64::NEG_INFINITY
    } else {
        0.0
    };
    let low = record.low.unwrap_or(derived.low.max(floor));
    let high = record.high.unwrap_or(derived.high);
    if !low.is_finite() || low > value || low < floor {
        return Err(Error::invalid(
            "low",
            low.to_string(),
            format!("is not a bound at or below the value {value}"),
        ));
    }
    if !high.is_finite() || high < value {
        return Err(Error::invalid(
            "high",
            high.to_string(),
            format!("is not a bound at or above the value {value}"),
        ));
    }
    let product = optional(&record.product).unwrap_or("total");
    let product_id = lookups.product(tx, product)?;
    let source_id = optional(&record.source)
        .map(|s| lookups.source(tx, s))
        .transpose()?;
    // Two fixed statements, so the statement cache finds them without building text.
    const INSERT: &str = "INSERT INTO observation (indicator_id, origin_id, destination_id,
        product_id, start_day, end_day, period_text, value, qualifier, low, high, status,
        source_id, quote, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
    const REPLACE: &str = "INSERT OR REPLACE INTO observation (indicator_id, origin_id,
        destination_id, product_id, start_day, end_day, period_text, value, qualifier, low,
        high, status, source_id, quote, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
        ?11, ?12, ?13, ?14, ?15)";
    let sql = match on_duplicate {
        OnDuplicate::Error => INSERT,
        OnDuplicate::Replace => REPLACE,
    };
    let result = tx.prepare_cached(sql)?.execute(params![
        indicator_id,
        origin_id,
        destination_id,
        product_id,
        period.start().to_julian_day(),
        period.end().to_julian_day(),
        record.period.trim(),
        value,
        qualifier.code(),
        low,
        high,
        status.code(),
        source_id,
        optional(&record.quote),
        optional(&record.note),
    ]);
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
            Err(Error::Duplicate {
                what: "observation",
                record: None,
                key: format!(
                    "{} {origin}{}{destination} {product} {period} {status} from {}",
                    indicator.code,
                    if indicator.directed { "→" } else { "–" },
                    optional(&record.source).unwrap_or("no source")
                ),
            })
        }
        Err(e) => Err(e.into()),
    }
}

fn insert_event(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    event: &NewEvent,
) -> Result<()> {
    let date = Period::parse(&event.date).map_err(|e| e.for_field("date"))?;
    let (a_id, a) = countries.id(&event.a, "a")?;
    let (b_id, _) = countries.id(&event.b, "b")?;
    if a_id == b_id {
        return Err(Error::invalid(
            "b",
            &event.b,
            format!("is the same country as a ({a})"),
        ));
    }
    let kind = event.kind.trim().to_lowercase();
    if kind.is_empty() || !kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return Err(Error::invalid(
            "kind",
            &event.kind,
            "is not a kind: use lowercase letters and '_'",
        ));
    }
    non_empty("title", &event.title)?;
    let source_id = optional(&event.source)
        .map(|s| lookups.source(tx, s))
        .transpose()?;
    let result = tx
        .prepare_cached(
            "INSERT INTO event (start_day, end_day, date_text, a_id, b_id, kind, title, place,
                                source_id, quote, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            date.start().to_julian_day(),
            date.end().to_julian_day(),
            event.date.trim(),
            a_id.min(b_id),
            a_id.max(b_id),
            kind,
            event.title.trim(),
            optional(&event.place),
            source_id,
            optional(&event.quote),
            optional(&event.note),
        ]);
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
            Err(Error::Duplicate {
                what: "event",
                record: None,
                key: format!("{date} {kind} {:?}", event.title.trim()),
            })
        }
        Err(e) => Err(e.into()),
    }
}

// ----- reads ----------------------------------------------------------------------------------

fn read_indicator(r: &rusqlite::Row) -> rusqlite::Result<Indicator> {
    read_indicator_at(r, 0)
}

fn read_indicator_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Indicator> {
    let kind: String = r.get(at + 3)?;
    Ok(Indicator {
        code: r.get(at)?,
        name: r.get(at + 1)?,
        unit: r.get(at + 2)?,
        // The CHECK constraint admits only these two.
        kind: if kind == "stock" {
            Kind::Stock
        } else {
            Kind::Flow
        },
        directed: r.get(at + 4)?,
        signed: r.get(at + 5)?,
        description: r.get(at + 6)?,
        // The CHECK constraint admits only known topics.
        topic: Topic::from_code(&r.get::<_, String>(at + 7)?).unwrap_or(Topic::Other),
    })
}

fn read_source(r: &rusqlite::Row) -> rusqlite::Result<Result<Source>> {
    let [id, title] = all([0, 1].map(|i| r.get::<_, String>(i)))?;
    let [publisher, url, published] = all([2, 3, 4].map(|i| r.get::<_, Option<String>>(i)))?;
    Ok(published
        .as_deref()
        .map(Period::parse)
        .transpose()
        .map(|published| Source {
            id,
            title,
            publisher,
            url,
            published,
        }))
}

/// The values of an array of column reads, or the first error.
fn all<T, const N: usize>(columns: [rusqlite::Result<T>; N]) -> rusqlite::Result<[T; N]> {
    let mut values = Vec::with_capacity(N);
    for column in columns {
        values.push(column?);
    }
    Ok(values
        .try_into()
        .unwrap_or_else(|_| unreachable!("N values were pushed")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_steps_are_numbered_from_one_to_the_current_version() {
        let versions: Vec<u32> = schema_steps().iter().map(|(v, _)| *v).collect();
        assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
        assert!(schema_steps()[0].1.contains("CREATE TABLE observation"));
        assert!(schema_steps()[1].1.contains("CREATE TABLE event"));
        assert!(schema_steps()[2].1.contains("ADD COLUMN topic"));
    }
}
