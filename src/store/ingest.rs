//! Checking and writing a batch of observations inside a caller's transaction. Each
//! distinct indicator, country, period, product, source, qualifier and status of the
//! batch is checked once; then each row gets its own checks (pair, unit, value, bounds)
//! in the order a record-by-record check would make them, so the error names the same
//! record and field; then the rows are written in the order of the table's key.

use std::rc::Rc;

use rusqlite::{params, Transaction};

use super::countries::Countries;
use super::insert::{insert_product, optional_text, Lookups, ProductNaming};
use super::sql::stored_status;
use super::write::OnDuplicate;
use super::{Stage, Watch};
use crate::error::{batch_clash, quoted, short_number, Error, Result};
use crate::model::{
    unit_multiple, Bounds, Indicator, ObservationBatch, Product, Qualifier, Status, TextColumn,
};
use crate::period::Period;

/// An observation that passed its checks, with its ids looked up and its bounds worked
/// out; its texts stay in the batch.
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

/// A column's distinct texts, each checked once: `Some(value)` for a text that passed,
/// `None` for one that failed (the check runs again for the error, when a row needs
/// it, so errors need not be kept or cloned).
struct Checked<T> {
    values: Vec<Option<T>>,
}

impl<T: Clone> Checked<T> {
    fn of(column: &TextColumn, mut check: impl FnMut(&str) -> Result<T>) -> Checked<T> {
        let values = column.values().iter().map(|t| check(t).ok()).collect();
        Checked { values }
    }

    /// The checked value of row `row`'s text; `None` when the row has no text; the
    /// check's error when its text failed.
    fn get(
        &self,
        column: &TextColumn,
        row: usize,
        check: impl FnOnce(&str) -> Result<T>,
    ) -> Result<Option<T>> {
        let Some(code) = column.code(row) else {
            return Ok(None);
        };
        match &self.values[code as usize] {
            Some(value) => Ok(Some(value.clone())),
            None => check(&column.values()[code as usize]).map(Some),
        }
    }
}

/// A required text that is missing (the batch's own check finds these first).
fn missing(field: &str) -> Error {
    Error::invalid(field, "", "is missing")
}

/// The lookups and parses of a batch's distinct values.
struct Distinct {
    indicators: Checked<(i64, Rc<Indicator>)>,
    origins: Checked<(i64, Rc<str>)>,
    destinations: Checked<(i64, Rc<str>)>,
    periods: Checked<Period>,
    qualifiers: Checked<Qualifier>,
    statuses: Checked<Status>,
    products: Checked<i64>,
    sources: Checked<i64>,
}

fn country(countries: &Countries, text: &str, field: &str) -> Result<(i64, Rc<str>)> {
    countries
        .id(text, field)
        .map(|(id, alpha3)| (id, Rc::from(alpha3)))
}

fn qualifier_of(text: &str) -> Result<Qualifier> {
    match optional_text(text) {
        None => Ok(Qualifier::Exact),
        Some(t) => Qualifier::from_words(t),
    }
}

fn status_of(text: &str) -> Result<Status> {
    match optional_text(text) {
        None => Ok(Status::Actual),
        Some(t) => Status::from_code(t),
    }
}

fn product_of(text: Option<&str>) -> &str {
    text.and_then(optional_text).unwrap_or("total")
}

/// Checks every row of `batch`, then writes them in the order of `observation`'s key,
/// inside the caller's transaction (which the caller drops on an error, so a call
/// writes all or nothing). A row that fails a check is reported before any duplicate,
/// since no row is written until all are checked; of several duplicates, the error
/// names the one of lowest index. `numbered` attaches the row's index to the error.
/// Returns the number of rows written (a skip passes over some).
pub(super) fn insert_batch(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    batch: &ObservationBatch,
    on_duplicate: OnDuplicate,
    watch: Watch,
    numbered: bool,
) -> Result<usize> {
    let at = |index: usize, e: Error| if numbered { e.at_record(index) } else { e };
    batch
        .check_complete()
        .map_err(|e| if numbered { e } else { strip_record(e) })?;
    // Products are added as they are met, and each distinct one is met here once.
    let distinct = Distinct {
        indicators: Checked::of(&batch.indicator, |t| lookups.indicator(tx, t)),
        origins: Checked::of(&batch.origin, |t| country(countries, t, "origin")),
        destinations: Checked::of(&batch.destination, |t| country(countries, t, "destination")),
        periods: Checked::of(&batch.period, Period::parse),
        qualifiers: Checked::of(&batch.qualifier, qualifier_of),
        statuses: Checked::of(&batch.status, status_of),
        products: Checked::of(&batch.product, |t| lookups.product(tx, product_of(Some(t)))),
        sources: Checked::of(&batch.source, |t| match optional_text(t) {
            Some(code) => lookups.source(tx, code),
            None => Ok(0),
        }),
    };
    let total = lookups.product(tx, "total")?;
    let mut rows = Vec::with_capacity(batch.len());
    for index in 0..batch.len() {
        // The checks run no SQLite statement, so SQLite's progress handler would not
        // ask the interrupt check while they run: the watch asks it.
        watch.row(Stage::Checking, index + 1, batch.len())?;
        let row = check_row(tx, countries, lookups, &distinct, batch, index, total)
            .map_err(|e| at(index, e))?;
        rows.push((index, row));
    }
    name_products(tx, batch, numbered)?;
    // In key order each row lands at the end of the table rather than in the middle of
    // a page (1M plain inserts into a file: 1.8 s instead of 2.3-3.2 s; the sort takes
    // 0.13 s). Rows of one identity stay in their order (the index breaks the tie, so
    // the sort needs no buffer), and the later one is the duplicate (or the
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
        OnDuplicate::Error | OnDuplicate::Skip => INSERT,
        OnDuplicate::Replace => REPLACE,
    })?;
    // Written one by one in their order, the call would stop at the duplicate of lowest
    // index: a row whose identity is stored, or came earlier in the batch (which, by the
    // stable sort, is also earlier here). Only rows below the lowest found so far can
    // lower it, so the rest are skipped.
    // With a skip, the duplicate also carries the stored figure it differs from.
    let mut first_duplicate: Option<(usize, Option<String>)> = None;
    let mut written = 0;
    for (position, (index, row)) in rows.iter().enumerate() {
        watch.row(Stage::Writing, position + 1, rows.len())?;
        if first_duplicate
            .as_ref()
            .is_some_and(|(first, _)| *index > *first)
        {
            continue;
        }
        let quote = batch.quote.get(*index).and_then(optional_text);
        let note = batch.note.get(*index).and_then(optional_text);
        let result = insert.execute(params![
            row.origin_id,
            row.destination_id,
            row.indicator_id,
            row.product_id,
            row.start_day,
            row.end_day,
            row.status,
            row.source_id,
            batch.period.get(*index).unwrap_or_default().trim(),
            row.value,
            row.qualifier,
            row.low,
            row.high,
            quote,
            note,
        ]);
        match result {
            Ok(_) => written += 1,
            Err(e) if is_duplicate(&e) => {
                if on_duplicate == OnDuplicate::Skip {
                    let stored = stored_figure(tx, row)?;
                    let given = (
                        row.value,
                        row.qualifier,
                        row.low,
                        row.high,
                        quote.map(str::to_owned),
                        note.map(str::to_owned),
                    );
                    if stored == given {
                        continue;
                    }
                    // Rows of one identity are next to each other in key order: when
                    // the row before has this one's, the clash is within the batch (the
                    // stored figure is that row's, or equal to it).
                    let conflict = match position.checked_sub(1).map(|p| &rows[p]) {
                        Some((earlier, other)) if other.key() == row.key() => batch_clash(
                            *earlier,
                            *index,
                            &describe_figure(&stored),
                            &describe_figure(&given),
                        ),
                        _ => format!("stored: {}", describe_figure(&stored)),
                    };
                    first_duplicate = Some((*index, Some(conflict)));
                } else {
                    first_duplicate = Some((*index, None));
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    match first_duplicate {
        None => Ok(written),
        Some((index, conflict)) => {
            let key = duplicate_key(&distinct, batch, index, &rows)?;
            Err(at(
                index,
                Error::Duplicate {
                    what: "observation",
                    record: None,
                    key,
                    conflict,
                },
            ))
        }
    }
}

/// Keeps the names the batch's `product_name` column gives its products, as
/// [`ProductNaming::Strict`] says: a name other than the stored one, or than another
/// row's for the same product, is a validation error naming the row and the field
/// `product_name`. A blank name counts as none.
fn name_products(tx: &Transaction, batch: &ObservationBatch, numbered: bool) -> Result<()> {
    if batch.product_name.values().is_empty() {
        return Ok(());
    }
    let at = |index: usize, e: Error| if numbered { e.at_record(index) } else { e };
    let mut named = rustc_hash::FxHashSet::default();
    for index in 0..batch.len() {
        let Some(name_code) = batch.product_name.code(index) else {
            continue;
        };
        let Some(name) = optional_text(&batch.product_name.values()[name_code as usize]) else {
            continue;
        };
        if !named.insert((batch.product.code(index), name_code)) {
            continue;
        }
        let code = product_of(batch.product.get(index));
        if code == "total" {
            let why = "names a product, but the record has none (its product is total)";
            return Err(at(index, Error::invalid("product_name", name, why)));
        }
        let product = Product::new(code, name);
        insert_product(tx, &product, ProductNaming::Strict)
            .map_err(|e| at(index, e.for_field("product_name")))?;
    }
    Ok(())
}

/// An observation's figure: value, qualifier, low, high, quote, note. Two records of
/// one identity are identical when their figures are equal.
type Figure = (f64, Qualifier, f64, f64, Option<String>, Option<String>);

/// The figure stored under `row`'s identity.
fn stored_figure(tx: &Transaction, row: &CheckedObservation) -> Result<Figure> {
    let (origin, destination, indicator, product, start, end, status, source) = row.key();
    Ok(tx
        .prepare_cached(
            "SELECT value, qualifier, low, high, quote, note FROM observation
             WHERE origin_id = ?1 AND destination_id = ?2 AND indicator_id = ?3
               AND product_id = ?4 AND start_day = ?5 AND end_day = ?6 AND status = ?7
               AND source_key = ?8",
        )?
        .query_row(
            params![
                origin,
                destination,
                indicator,
                product,
                start,
                end,
                status,
                source
            ],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )?)
}

/// A figure, readable, for the error of a skip that met a different one.
fn describe_figure(figure: &Figure) -> String {
    let (value, qualifier, low, high, quote, note) = figure;
    let [value, low, high] = [*value, *low, *high].map(short_number);
    let mut text = format!("{qualifier} {value}, bounds {low}–{high}");
    if let Some(quote) = quote {
        text.push_str(&format!(", quote {}", quoted(quote)));
    }
    if let Some(note) = note {
        text.push_str(&format!(", note {}", quoted(note)));
    }
    text
}

/// A validation error without its record number (a single `add` has no batch).
fn strip_record(error: Error) -> Error {
    match error {
        Error::Validation(mut v) => {
            v.record = None;
            Error::Validation(v)
        }
        other => other,
    }
}

/// Checks row `index`, in the order of its fields, and looks up its ids.
fn check_row(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    distinct: &Distinct,
    batch: &ObservationBatch,
    index: usize,
    total: i64,
) -> Result<CheckedObservation> {
    let (indicator_id, indicator) = distinct
        .indicators
        .get(&batch.indicator, index, |t| lookups.indicator(tx, t))?
        .ok_or_else(|| missing("indicator"))?;
    let origin = distinct
        .origins
        .get(&batch.origin, index, |t| country(countries, t, "origin"))?
        .ok_or_else(|| missing("origin"))?;
    let destination = distinct
        .destinations
        .get(&batch.destination, index, |t| {
            country(countries, t, "destination")
        })?
        .ok_or_else(|| missing("destination"))?;
    if origin.0 == destination.0 {
        return Err(Error::invalid_as(
            crate::error::ErrorKind::SameCountry,
            "destination",
            batch.destination.get(index).unwrap_or_default(),
            format!("is the same country as the origin ({})", origin.1),
        ));
    }
    let (origin, destination) = if !indicator.directed && origin.1 > destination.1 {
        (destination, origin)
    } else {
        (origin, destination)
    };
    // A figure in a multiple of the indicator's unit ("million USD") is stored in the
    // unit itself: value, bounds and precision multiplied before the bounds are derived,
    // so that "over 1.5" million has the last digit 100,000, exactly.
    let multiple = match batch.unit.get(index).and_then(optional_text) {
        None => 1.0,
        Some(unit) => unit_multiple(unit, &indicator.unit).ok_or_else(|| {
            Error::invalid(
                "unit",
                unit,
                format!(
                    "is not the unit of {}, which is {}, nor a multiple of it (thousand {}, \
                     million {} …)",
                    indicator.code, indicator.unit, indicator.unit, indicator.unit
                ),
            )
        })?,
    };
    let period = distinct
        .periods
        .get(&batch.period, index, Period::parse)?
        .ok_or_else(|| missing("period"))?;
    let value = batch.value[index].ok_or_else(|| missing("value"))? * multiple;
    if !value.is_finite() {
        return Err(Error::invalid_as(
            crate::error::ErrorKind::BadValue,
            "value",
            value.to_string(),
            "is not a finite number",
        ));
    }
    if value < 0.0 && !indicator.signed {
        return Err(Error::invalid_as(
            crate::error::ErrorKind::BadValue,
            "value",
            short_number(value),
            format!(
                "is negative, and {} cannot be (it is not a signed indicator)",
                indicator.code
            ),
        ));
    }
    let qualifier = distinct
        .qualifiers
        .get(&batch.qualifier, index, qualifier_of)?
        .unwrap_or(Qualifier::Exact);
    let status = distinct
        .statuses
        .get(&batch.status, index, status_of)?
        .unwrap_or(Status::Actual);
    let precision = batch.precision.get(index).map(|p| p * multiple);
    if let Some(p) = precision {
        if !(p.is_finite() && p > 0.0) {
            return Err(Error::invalid(
                "precision",
                p.to_string(),
                "is not a positive number",
            ));
        }
    }
    let derived = Bounds::from_qualifier(value, qualifier, precision);
    let floor = if indicator.signed {
        f64::NEG_INFINITY
    } else {
        0.0
    };
    let low = batch
        .low
        .get(index)
        .map_or(derived.low.max(floor), |low| low * multiple);
    let high = batch
        .high
        .get(index)
        .map_or(derived.high, |high| high * multiple);
    if !low.is_finite() || low > value || low < floor {
        return Err(Error::invalid(
            "low",
            short_number(low),
            format!(
                "is not a bound at or below the value {}",
                short_number(value)
            ),
        ));
    }
    if !high.is_finite() || high < value {
        return Err(Error::invalid(
            "high",
            short_number(high),
            format!(
                "is not a bound at or above the value {}",
                short_number(value)
            ),
        ));
    }
    let product_id = distinct
        .products
        .get(&batch.product, index, |t| {
            lookups.product(tx, product_of(Some(t)))
        })?
        .unwrap_or(total);
    let source_id = distinct
        .sources
        .get(&batch.source, index, |t| match optional_text(t) {
            Some(code) => lookups.source(tx, code),
            None => Ok(0),
        })?
        .filter(|&id| id != 0);
    Ok(CheckedObservation {
        origin_id: origin.0,
        destination_id: destination.0,
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

/// The identity of row `index`, which passed its checks, readable: for the duplicate
/// error.
fn duplicate_key(
    distinct: &Distinct,
    batch: &ObservationBatch,
    index: usize,
    rows: &[(usize, CheckedObservation)],
) -> Result<String> {
    let known = |found: Option<Option<&(i64, Rc<str>)>>| -> Result<Rc<str>> {
        found
            .flatten()
            .map(|c| c.1.clone())
            .ok_or_else(|| Error::invalid("record", index.to_string(), "was checked"))
    };
    let code = |column: &TextColumn| column.code(index).map(|c| c as usize);
    let indicator = code(&batch.indicator)
        .and_then(|c| distinct.indicators.values[c].as_ref())
        .map(|(_, i)| i.clone())
        .ok_or_else(|| Error::invalid("indicator", "", "was checked"))?;
    let origin = known(code(&batch.origin).map(|c| distinct.origins.values[c].as_ref()))?;
    let destination =
        known(code(&batch.destination).map(|c| distinct.destinations.values[c].as_ref()))?;
    let (origin, destination) = if !indicator.directed && origin > destination {
        (destination, origin)
    } else {
        (origin, destination)
    };
    let row = &rows
        .iter()
        .find(|(i, _)| *i == index)
        .expect("every checked row is kept")
        .1;
    let period = Period::from_julian_days(row.start_day as i32, row.end_day as i32)?;
    Ok(format!(
        "{} {origin}{}{destination} {} {period} {} from {}",
        indicator.code,
        if indicator.directed { "→" } else { "–" },
        product_of(batch.product.get(index)),
        row.status,
        batch
            .source
            .get(index)
            .and_then(optional_text)
            .unwrap_or("no source")
    ))
}

/// Whether `e` is a second row for an identity: the primary key of `observation`.
fn is_duplicate(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(failure, _)
        if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}
