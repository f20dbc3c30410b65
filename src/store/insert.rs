//! Checking and inserting records of each kind (topic, indicator, source, observation,
//! event) inside a caller's transaction: every field checked and turned into typed
//! values, an error naming the field and the offending text; observations come in
//! batches, written in the order of the table's key. Kept in one file because the kinds
//! share the lookups and the code checks, and each is read on its own.

use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::{params, ErrorCode, OptionalExtension, Transaction};

use super::countries::Countries;
use super::sql::{read_indicator, read_source, stored_status, SELECT_INDICATOR};
use super::write::OnDuplicate;
use super::InterruptCheck;
use crate::error::{Error, Result};
use crate::model::{Bounds, Indicator, NewEvent, NewObservation, Qualifier, Source, Status, Topic};
use crate::period::Period;

/// Ids looked up during one transaction, so a batch asks SQLite once per name.
#[derive(Default)]
pub(super) struct Lookups {
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
            .prepare_cached(&format!("{SELECT_INDICATOR} WHERE i.code = ?1"))?
            .query_row([code], |r| {
                Ok((r.get::<_, i64>("id")?, Rc::new(read_indicator(r)?)))
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

    pub(super) fn source(&mut self, tx: &Transaction, code: &str) -> Result<i64> {
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

/// The id of `topic`, added first if the store does not have it (with `title`, or one
/// made from its code), and whether it was added. A title different from the stored
/// one is a validation error.
pub(super) fn insert_topic(
    tx: &Transaction,
    topic: &Topic,
    title: Option<&str>,
) -> Result<(i64, bool)> {
    if let Some(title) = title {
        non_empty("title", title)?;
    }
    let stored: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, title FROM topic WHERE code = ?1")?
        .query_row([topic], |r| Ok((r.get("id")?, r.get("title")?)))
        .optional()?;
    match stored {
        Some((_, stored)) if title.is_some_and(|t| t.trim() != stored) => Err(Error::invalid(
            "title",
            title.unwrap_or_default(),
            format!("differs from the title of topic {topic}, {stored:?}"),
        )),
        Some((id, _)) => Ok((id, false)),
        None => {
            // A new topic comes after the others, but before `other`.
            tx.prepare_cached(
                "INSERT INTO topic (code, title, position)
                 VALUES (?1, ?2, (SELECT ifnull(max(position), 0) + 1 FROM topic
                                  WHERE code <> 'other'))",
            )?
            .execute(params![
                topic,
                title.map_or_else(|| topic.default_title(), |t| t.trim().to_owned())
            ])?;
            Ok((tx.last_insert_rowid(), true))
        }
    }
}

pub(super) fn insert_indicator(tx: &Transaction, indicator: &Indicator) -> Result<bool> {
    check_code("code", &indicator.code, b"_", false)?;
    non_empty("name", &indicator.name)?;
    non_empty("unit", &indicator.unit)?;
    if let Some(stored) = tx
        .prepare_cached(&format!("{SELECT_INDICATOR} WHERE i.code = ?1"))?
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
    let topic_id = insert_topic(tx, &indicator.topic, None)?.0;
    tx.prepare_cached(
        "INSERT INTO indicator (code, name, unit, kind, directed, signed, description, topic_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        indicator.code,
        indicator.name,
        indicator.unit,
        indicator.kind,
        indicator.directed,
        indicator.signed,
        indicator.description,
        topic_id
    ])?;
    Ok(true)
}

pub(super) fn insert_source(tx: &Transaction, source: &Source) -> Result<bool> {
    check_code("id", &source.id, b"_.-", true)?;
    non_empty("title", &source.title)?;
    if let Some(stored) = tx
        .prepare_cached(
            "SELECT code, title, publisher, url, published FROM source WHERE code = ?1",
        )?
        .query_row([&source.id], read_source)
        .optional()?
    {
        return if &stored == source {
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
        source.published
    ])?;
    Ok(true)
}

/// Records checked between two calls of the interrupt check: the checks run no SQLite
/// statement, so SQLite's progress handler would not ask it while they run.
const CHECKS_BETWEEN_INTERRUPT_CHECKS: usize = 10_000;

/// An observation that passed its checks, with its ids looked up and its bounds worked
/// out. A batch holds one per record while it sorts them, so the texts stay in the
/// caller's record.
struct CheckedObservation {
    origin_id: i64,
    destination_id: i64,
    indicator_id: i64,
    product_id: i64,
    start_day: i64,
    end_day: i64,
    status: Status,
    source_id: Option<i64>,
    value: f64,
    qualifier: Qualifier,
    low: f64,
    high: f64,
}

/// A row's place in the primary key of `observation` (`schema.sql`, version 5).
type ObservationKey = (i64, i64, i64, i64, i64, i64, i64, i64);

impl CheckedObservation {
    fn key(&self) -> ObservationKey {
        (
            self.origin_id,
            self.destination_id,
            self.indicator_id,
            self.product_id,
            self.start_day,
            self.end_day,
            stored_status(self.status),
            self.source_id.unwrap_or(0),
        )
    }
}

/// A country's database id and alpha-3 code.
type CountryId<'c> = (i64, &'c str);

/// The pair of a record as stored, origin then destination; an undirected indicator's
/// in alphabetical order.
fn stored_pair<'c>(
    countries: &'c Countries,
    indicator: &Indicator,
    record: &NewObservation,
) -> Result<(CountryId<'c>, CountryId<'c>)> {
    let origin = countries.id(&record.origin, "origin")?;
    let destination = countries.id(&record.destination, "destination")?;
    if origin.0 == destination.0 {
        return Err(Error::invalid(
            "destination",
            &record.destination,
            format!("is the same country as the origin ({})", origin.1),
        ));
    }
    if !indicator.directed && origin.1 > destination.1 {
        Ok((destination, origin))
    } else {
        Ok((origin, destination))
    }
}

fn product_code(record: &NewObservation) -> &str {
    optional(&record.product).unwrap_or("total")
}

fn status_of(record: &NewObservation) -> Result<Status> {
    optional(&record.status).map_or(Ok(Status::Actual), Status::from_code)
}

/// Checks every field of `record` and looks up its ids (adding its product if new).
fn check_observation(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    record: &NewObservation,
) -> Result<CheckedObservation> {
    let (indicator_id, indicator) = lookups.indicator(tx, &record.indicator)?;
    let ((origin_id, _), (destination_id, _)) = stored_pair(countries, &indicator, record)?;
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
    let status = status_of(record)?;
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
    let product_id = lookups.product(tx, product_code(record))?;
    let source_id = optional(&record.source)
        .map(|s| lookups.source(tx, s))
        .transpose()?;
    Ok(CheckedObservation {
        origin_id,
        destination_id,
        indicator_id,
        product_id,
        start_day: period.start().to_julian_day().into(),
        end_day: period.end().to_julian_day().into(),
        status,
        source_id,
        value,
        qualifier,
        low,
        high,
    })
}

/// The duplicate error for `record`, which passed its checks: its identity, readable.
fn duplicate_observation(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    record: &NewObservation,
) -> Result<Error> {
    let (_, indicator) = lookups.indicator(tx, &record.indicator)?;
    let ((_, origin), (_, destination)) = stored_pair(countries, &indicator, record)?;
    Ok(Error::Duplicate {
        what: "observation",
        record: None,
        key: format!(
            "{} {origin}{}{destination} {} {} {} from {}",
            indicator.code,
            if indicator.directed { "→" } else { "–" },
            product_code(record),
            Period::parse(&record.period)?,
            status_of(record)?,
            optional(&record.source).unwrap_or("no source")
        ),
    })
}

/// Whether `e` is a second row for an identity: the primary key of `observation`.
fn is_duplicate(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(failure, _)
        if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

/// Checks every record, then writes them in the order of `observation`'s key, inside
/// the caller's transaction (which the caller drops on an error, so a call writes all
/// or nothing). A record that fails a check is reported before any duplicate, since no
/// record is written until all are checked; of several duplicates, the error names the
/// one of lowest index. `batch` attaches the record's index to the error.
pub(super) fn insert_observations(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    records: &[NewObservation],
    on_duplicate: OnDuplicate,
    interrupt: Option<&InterruptCheck>,
    batch: bool,
) -> Result<()> {
    let at = |index: usize, e: Error| if batch { e.at_record(index) } else { e };
    let mut rows = Vec::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        if (index + 1) % CHECKS_BETWEEN_INTERRUPT_CHECKS == 0
            && interrupt.is_some_and(|stop| stop())
        {
            return Err(Error::Interrupted);
        }
        let row = check_observation(tx, countries, lookups, record).map_err(|e| at(index, e))?;
        rows.push((index, row));
    }
    // In key order each row lands at the end of the table rather than in the middle of
    // a page (1M plain inserts into a file: 1.8 s instead of 2.3-3.2 s; the sort takes
    // 0.13 s). Records of one identity stay in their order (the index breaks the tie,
    // so the sort needs no buffer), and the later one is the duplicate (or the
    // replacement), as when written one by one.
    rows.sort_unstable_by_key(|(index, row)| (row.key(), *index));
    // Fixed text, so the statement cache finds it; prepared once for the batch.
    const INSERT: &str = "INSERT INTO observation (origin_id, destination_id, indicator_id,
        product_id, start_day, end_day, status, source_key, period_text, value, qualifier, low,
        high, source_id, quote, note)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ifnull(?8, 0), ?9, ?10, ?11, ?12, ?13, ?8, ?14, ?15)";
    const REPLACE: &str = "INSERT OR REPLACE INTO observation (origin_id, destination_id,
        indicator_id, product_id, start_day, end_day, status, source_key, period_text, value,
        qualifier, low, high, source_id, quote, note)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ifnull(?8, 0), ?9, ?10, ?11, ?12, ?13, ?8, ?14, ?15)";
    let mut insert = tx.prepare_cached(match on_duplicate {
        OnDuplicate::Error => INSERT,
        OnDuplicate::Replace => REPLACE,
    })?;
    // Written one by one in their order, the call would stop at the duplicate of lowest
    // index: a record whose identity is stored, or came earlier in the batch (which,
    // by the stable sort, is also earlier here). Only records below the lowest found so
    // far can lower it, so the rest are skipped.
    let mut first_duplicate: Option<usize> = None;
    for (index, row) in &rows {
        if first_duplicate.is_some_and(|first| *index > first) {
            continue;
        }
        let record = &records[*index];
        let written = insert.execute(params![
            row.origin_id,
            row.destination_id,
            row.indicator_id,
            row.product_id,
            row.start_day,
            row.end_day,
            row.status,
            row.source_id,
            record.period.trim(),
            row.value,
            row.qualifier,
            row.low,
            row.high,
            optional(&record.quote),
            optional(&record.note),
        ]);
        match written {
            Ok(_) => {}
            Err(e) if is_duplicate(&e) => first_duplicate = Some(*index),
            Err(e) => return Err(e.into()),
        }
    }
    match first_duplicate {
        None => Ok(()),
        Some(index) => Err(at(
            index,
            duplicate_observation(tx, countries, lookups, &records[index])?,
        )),
    }
}

pub(super) fn insert_event(
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
