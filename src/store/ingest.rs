//! Checking and writing a batch of observations inside a caller's transaction. Each
//! distinct indicator, country, period, product, source, qualifier and status of the
//! batch is checked once; then each row gets its own checks (pair, unit, value, bounds)
//! in the order a record-by-record check would make them, so the error names the same
//! record and field; then the rows are written in the order of the table's key.

use std::rc::Rc;

use rusqlite::{params, Transaction};

use super::countries::Countries;
use super::insert::{insert_product, optional_text, Lookups, ProductNaming};
use super::sql::{stored_qualifier, stored_status};
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
    /// Whether origin and destination are the other way round from the record's (an
    /// undirected indicator keeps its pairs in alphabetical order).
    swapped: bool,
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
    /// Each period's first and last day (Julian day numbers), as the key holds them.
    periods: Checked<(i64, i64)>,
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

/// The first and last day of the period `text` names, as Julian day numbers.
fn period_days(text: &str) -> Result<(i64, i64)> {
    let period = Period::parse(text)?;
    Ok((
        period.start().to_julian_day().into(),
        period.end().to_julian_day().into(),
    ))
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
        periods: Checked::of(&batch.period, period_days),
        qualifiers: Checked::of(&batch.qualifier, qualifier_of),
        statuses: Checked::of(&batch.status, status_of),
        products: Checked::of(&batch.product, |t| lookups.product(tx, product_of(Some(t)))),
        sources: Checked::of(&batch.source, |t| match optional_text(t) {
            Some(code) => lookups.source(tx, code),
            None => Ok(0),
        }),
    };
    let total = lookups.product(tx, "total")?;
    let ranks = KeyRanks::of(&distinct, total);
    let mut keys = KeyOrder::new(&ranks, batch.len());
    for index in 0..batch.len() {
        // The checks run no SQLite statement, so SQLite's progress handler would not
        // ask the interrupt check while they run: the watch asks it.
        watch.row(Stage::Checking, index + 1, batch.len())?;
        let row = check_row(tx, countries, lookups, &distinct, batch, index, total)
            .map_err(|e| at(index, e))?;
        keys.push(ranks.of_row(&row, batch, index), index);
    }
    name_products(tx, batch, numbered)?;
    // In key order each row lands at the end of the table rather than in the middle of
    // a page (1M plain inserts into a file: 1.8 s instead of 2.3-3.2 s). Rows of one
    // identity stay in their order (the index breaks the tie), and the later one is the
    // duplicate (or the replacement), as when written one by one. Only the keys are
    // kept and sorted (8 bytes a row, as a rule): each row is checked again as it is
    // written, which costs less than keeping it and moves no figure around in the sort.
    let order = keys.sorted();
    let recheck = |lookups: &mut Lookups, index: usize| {
        check_row(tx, countries, lookups, &distinct, batch, index, total)
    };
    let mut writer = Writer::new(tx, on_duplicate, Shape::of(batch), batch.len())?;
    // Written one by one in their order, the call would stop at the duplicate of lowest
    // index: a row whose identity is stored, or came earlier in the batch (which, by the
    // stable order, is also earlier here). Only rows below the lowest found so far can
    // lower it, so the rest are skipped.
    // With a skip, the duplicate also carries the stored figure it differs from.
    let mut first_duplicate: Option<(usize, Option<String>)> = None;
    let mut written = 0;
    let mut position = 0;
    while position < order.len() {
        let chunk = position..(position + ROWS_PER_INSERT).min(order.len());
        // Many rows a statement, while no duplicate is known: on a duplicate, SQLite
        // takes back the whole statement, and the chunk is written again a row at a
        // time, which names the row.
        let many =
            first_duplicate.is_none() && chunk.len() == ROWS_PER_INSERT && writer.many.is_some();
        if let (true, Some(statement)) = (many, writer.many.as_mut()) {
            for (slot, position) in chunk.clone().enumerate() {
                watch.row(Stage::Writing, position + 1, order.len())?;
                let index = order.index(position);
                let before = slot * writer.shape.parameters();
                let row = recheck(lookups, index)?;
                bind_row(statement, writer.shape, before, &row, batch, index)?;
            }
            match statement.raw_execute() {
                Ok(_) => {
                    written += chunk.len();
                    position = chunk.end;
                    continue;
                }
                Err(e) if is_duplicate(&e) => {}
                Err(e) => return Err(e.into()),
            }
        }
        for position in chunk.clone() {
            if !many {
                watch.row(Stage::Writing, position + 1, order.len())?;
            }
            let index = order.index(position);
            if first_duplicate
                .as_ref()
                .is_some_and(|(first, _)| index > *first)
            {
                continue;
            }
            let row = recheck(lookups, index)?;
            bind_row(&mut writer.one, writer.shape, 0, &row, batch, index)?;
            match writer.one.raw_execute() {
                Ok(_) => written += 1,
                Err(e) if is_duplicate(&e) => {
                    if on_duplicate == OnDuplicate::Skip {
                        let quote = batch.quote.get(index).and_then(optional_text);
                        let note = batch.note.get(index).and_then(optional_text);
                        let stored = stored_figure(tx, &row)?;
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
                        // Rows of one identity are next to each other in key order:
                        // when the row before has this one's, the clash is within the
                        // batch (the stored figure is that row's, or equal to it).
                        let before = match position.checked_sub(1) {
                            Some(p) => Some((order.index(p), recheck(lookups, order.index(p))?)),
                            None => None,
                        };
                        let conflict = match before {
                            Some((earlier, other)) if other.key() == row.key() => batch_clash(
                                earlier,
                                index,
                                &describe_figure(&stored),
                                &describe_figure(&given),
                            ),
                            _ => format!("stored: {}", describe_figure(&stored)),
                        };
                        first_duplicate = Some((index, Some(conflict)));
                    } else {
                        first_duplicate = Some((index, None));
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
        position = chunk.end;
    }
    match first_duplicate {
        None => Ok(written),
        Some((index, conflict)) => {
            let row = recheck(lookups, index)?;
            let key = duplicate_key(&distinct, batch, index, &row)?;
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

/// Rows an INSERT statement writes at once: a statement's own work (opening its
/// cursors, finding the end of the table from its root, closing) is paid once for
/// them, and SQLite's limit of 32,766 parameters is far off (64 × 16 = 1,024 at most).
const ROWS_PER_INSERT: usize = 64;

/// The columns of `observation` a row is written to, in the order they are bound.
const INSERT_COLUMNS: &str = "origin_id, destination_id, indicator_id, product_id, start_day, \
    end_day, status, source_key, period_text, value, qualifier, low, high, source_id, quote, note";

/// The INSERT statements of a batch, prepared once for it: one of
/// [`ROWS_PER_INSERT`] rows (for a batch of as many at least: a single `add` does not
/// prepare it), and one of a single row (for the last rows, and to name the duplicate
/// of a chunk SQLite refused).
struct Writer<'tx> {
    many: Option<rusqlite::CachedStatement<'tx>>,
    one: rusqlite::CachedStatement<'tx>,
    shape: Shape,
}

/// Which of the columns most batches leave empty a batch has values for: a column no
/// row has is written as a constant of the statement rather than bound row by row.
#[derive(Clone, Copy)]
struct Shape {
    sources: bool,
    quotes: bool,
    notes: bool,
}

impl Shape {
    fn of(batch: &ObservationBatch) -> Shape {
        let some = |column: &TextColumn| !column.values().is_empty();
        Shape {
            sources: some(&batch.source),
            quotes: some(&batch.quote),
            notes: some(&batch.note),
        }
    }

    /// The parameters a row binds.
    fn parameters(self) -> usize {
        12 + 2 * usize::from(self.sources) + usize::from(self.quotes) + usize::from(self.notes)
    }

    /// A row of VALUES, in the order of [`INSERT_COLUMNS`].
    fn row(self) -> String {
        let bound = |given: bool, otherwise: &'static str| if given { "?" } else { otherwise };
        format!(
            "(?, ?, ?, ?, ?, ?, ?, {}, ?, ?, ?, ?, ?, {}, {}, {})",
            bound(self.sources, "0"),
            bound(self.sources, "NULL"),
            bound(self.quotes, "NULL"),
            bound(self.notes, "NULL"),
        )
    }
}

impl<'tx> Writer<'tx> {
    fn new(
        tx: &'tx Transaction,
        on_duplicate: OnDuplicate,
        shape: Shape,
        rows: usize,
    ) -> Result<Writer<'tx>> {
        let verb = match on_duplicate {
            OnDuplicate::Error | OnDuplicate::Skip => "INSERT",
            OnDuplicate::Replace => "INSERT OR REPLACE",
        };
        let row = shape.row();
        let sql = |rows: usize| {
            format!(
                "{verb} INTO observation ({INSERT_COLUMNS}) VALUES {}",
                vec![row.as_str(); rows].join(", ")
            )
        };
        // Fixed text per kind, shape and size, so the statement cache finds them again.
        let many = if rows >= ROWS_PER_INSERT {
            Some(tx.prepare_cached(&sql(ROWS_PER_INSERT))?)
        } else {
            None
        };
        Ok(Writer {
            many,
            one: tx.prepare_cached(&sql(1))?,
            shape,
        })
    }
}

/// Binds a row's values to the parameters after `before`, in the order of
/// [`INSERT_COLUMNS`] (those `shape` has); its texts are bound from the batch, not
/// copied first.
fn bind_row(
    statement: &mut rusqlite::Statement,
    shape: Shape,
    before: usize,
    row: &CheckedObservation,
    batch: &ObservationBatch,
    index: usize,
) -> Result<()> {
    let period = batch.period.get(index).unwrap_or_default().trim();
    statement.raw_bind_parameter(before + 1, row.origin_id)?;
    statement.raw_bind_parameter(before + 2, row.destination_id)?;
    statement.raw_bind_parameter(before + 3, row.indicator_id)?;
    statement.raw_bind_parameter(before + 4, row.product_id)?;
    statement.raw_bind_parameter(before + 5, row.start_day)?;
    statement.raw_bind_parameter(before + 6, row.end_day)?;
    statement.raw_bind_parameter(before + 7, stored_status(row.status))?;
    let mut at = before + 7;
    if shape.sources {
        at += 1;
        statement.raw_bind_parameter(at, row.source_id.unwrap_or(0))?;
    }
    statement.raw_bind_parameter(at + 1, period)?;
    statement.raw_bind_parameter(at + 2, row.value)?;
    statement.raw_bind_parameter(at + 3, stored_qualifier(row.qualifier))?;
    statement.raw_bind_parameter(at + 4, row.low)?;
    statement.raw_bind_parameter(at + 5, row.high)?;
    at += 5;
    if shape.sources {
        at += 1;
        statement.raw_bind_parameter(at, row.source_id)?;
    }
    if shape.quotes {
        at += 1;
        let quote = batch.quote.get(index).and_then(optional_text);
        statement.raw_bind_parameter(at, quote)?;
    }
    if shape.notes {
        at += 1;
        let note = batch.note.get(index).and_then(optional_text);
        statement.raw_bind_parameter(at, note)?;
    }
    Ok(())
}

/// Each part of a row's key as its rank among the batch's distinct values of that
/// part (a million rows name a few hundred countries and periods), so that the key
/// packs into a few bits and the rows sort as their keys do. Ranks are kept per code
/// of the batch's text columns, so that a row's are found by indexing.
struct KeyRanks {
    /// Origins and destinations rank among the countries of both columns (a row of an
    /// undirected indicator may swap them).
    origins: Vec<u32>,
    destinations: Vec<u32>,
    indicators: Vec<u32>,
    products: Vec<u32>,
    /// The rank of the total, for a row without a product.
    total: u32,
    periods: Vec<u32>,
    sources: Vec<u32>,
    /// The rank of no source (0).
    no_source: u32,
    widths: Ranks,
}

/// The parts of a key as ranks, in the order of the key: origin, destination,
/// indicator, product, period (first and last day), status, source.
type Ranks = [u32; 7];

/// The ranks of the values of each column's codes (`None` for a text that failed its
/// check, which no written row has) and of `extra` among all of them, with the bits
/// the ranks take.
fn ranks_of<T: Ord + Copy>(
    columns: &[&[Option<T>]],
    extra: &[T],
) -> (Vec<Vec<u32>>, Vec<u32>, u32) {
    let mut values: Vec<T> = columns
        .iter()
        .flat_map(|column| column.iter().flatten().copied())
        .chain(extra.iter().copied())
        .collect();
    values.sort_unstable();
    values.dedup();
    let rank = |value: &T| values.binary_search(value).unwrap_or_else(|at| at) as u32;
    let per_code = columns
        .iter()
        .map(|column| column.iter().map(|v| v.as_ref().map_or(0, rank)).collect())
        .collect();
    let bits = usize::BITS - values.len().saturating_sub(1).leading_zeros();
    (per_code, extra.iter().map(rank).collect(), bits)
}

impl KeyRanks {
    fn of(distinct: &Distinct, total: i64) -> KeyRanks {
        fn ids<T>(checked: &Checked<(i64, T)>) -> Vec<Option<i64>> {
            checked
                .values
                .iter()
                .map(|v| v.as_ref().map(|(id, _)| *id))
                .collect()
        }
        let (mut countries, _, country_bits) = ranks_of(
            &[&ids(&distinct.origins), &ids(&distinct.destinations)],
            &[],
        );
        let (mut indicators, _, indicator_bits) = ranks_of(&[&ids(&distinct.indicators)], &[]);
        let (mut products, total, product_bits) = ranks_of(&[&distinct.products.values], &[total]);
        let (mut periods, _, period_bits) = ranks_of(&[&distinct.periods.values], &[]);
        // A row without a source has 0.
        let (mut sources, no_source, source_bits) = ranks_of(&[&distinct.sources.values], &[0]);
        KeyRanks {
            destinations: countries.pop().unwrap_or_default(),
            origins: countries.pop().unwrap_or_default(),
            indicators: indicators.pop().unwrap_or_default(),
            products: products.pop().unwrap_or_default(),
            total: total[0],
            periods: periods.pop().unwrap_or_default(),
            sources: sources.pop().unwrap_or_default(),
            no_source: no_source[0],
            widths: [
                country_bits,
                country_bits,
                indicator_bits,
                product_bits,
                period_bits,
                3, // the five statuses, 0 to 4
                source_bits,
            ],
        }
    }

    /// The ranks of row `index` of `batch`, which passed its checks as `row`.
    fn of_row(&self, row: &CheckedObservation, batch: &ObservationBatch, index: usize) -> Ranks {
        let rank = |ranks: &[u32], column: &TextColumn, none: u32| {
            column
                .code(index)
                .and_then(|code| ranks.get(code as usize).copied())
                .unwrap_or(none)
        };
        let origin = rank(&self.origins, &batch.origin, 0);
        let destination = rank(&self.destinations, &batch.destination, 0);
        let (origin, destination) = if row.swapped {
            (destination, origin)
        } else {
            (origin, destination)
        };
        [
            origin,
            destination,
            rank(&self.indicators, &batch.indicator, 0),
            rank(&self.products, &batch.product, self.total),
            rank(&self.periods, &batch.period, 0),
            stored_status(row.status) as u32,
            rank(&self.sources, &batch.source, self.no_source),
        ]
    }
}

/// The keys of a batch's rows, each with the row's index after it (so that rows of
/// one identity keep their order): packed into a `u64` when ranks and index fit in
/// 64 bits (a million rows of a few hundred countries, periods and products take
/// about 50), else into a `u128`, else kept as ranks.
enum KeyOrder {
    Narrow {
        keys: Vec<u64>,
        widths: Ranks,
        index_bits: u32,
    },
    Wide {
        keys: Vec<u128>,
        widths: Ranks,
        index_bits: u32,
    },
    Ranks(Vec<(Ranks, u32)>),
}

impl KeyOrder {
    fn new(ranks: &KeyRanks, rows: usize) -> KeyOrder {
        KeyOrder::with_widths(ranks.widths, rows)
    }

    fn with_widths(widths: Ranks, rows: usize) -> KeyOrder {
        let index_bits = usize::BITS - rows.saturating_sub(1).leading_zeros();
        let bits = widths.iter().sum::<u32>() + index_bits;
        if bits <= u64::BITS {
            let keys = Vec::with_capacity(rows);
            KeyOrder::Narrow {
                keys,
                widths,
                index_bits,
            }
        } else if bits <= u128::BITS {
            let keys = Vec::with_capacity(rows);
            KeyOrder::Wide {
                keys,
                widths,
                index_bits,
            }
        } else {
            KeyOrder::Ranks(Vec::with_capacity(rows))
        }
    }

    fn push(&mut self, ranks: Ranks, index: usize) {
        fn pack(ranks: &Ranks, widths: &Ranks, index_bits: u32, index: usize) -> u128 {
            let key = ranks
                .iter()
                .zip(widths)
                .fold(0u128, |key, (&rank, &width)| {
                    (key << width) | u128::from(rank)
                });
            (key << index_bits) | index as u128
        }
        match self {
            KeyOrder::Narrow {
                keys,
                widths,
                index_bits,
            } => {
                keys.push(pack(&ranks, widths, *index_bits, index) as u64);
            }
            KeyOrder::Wide {
                keys,
                widths,
                index_bits,
            } => {
                keys.push(pack(&ranks, widths, *index_bits, index));
            }
            KeyOrder::Ranks(keys) => keys.push((ranks, index as u32)),
        }
    }

    /// The keys in order.
    fn sorted(mut self) -> KeyOrder {
        match &mut self {
            KeyOrder::Narrow { keys, .. } => keys.sort_unstable(),
            KeyOrder::Wide { keys, .. } => keys.sort_unstable(),
            KeyOrder::Ranks(keys) => keys.sort_unstable(),
        }
        self
    }

    fn len(&self) -> usize {
        match self {
            KeyOrder::Narrow { keys, .. } => keys.len(),
            KeyOrder::Wide { keys, .. } => keys.len(),
            KeyOrder::Ranks(keys) => keys.len(),
        }
    }

    /// The index in the batch of the row at `position`.
    fn index(&self, position: usize) -> usize {
        match self {
            KeyOrder::Narrow {
                keys, index_bits, ..
            } => (keys[position] & ((1u64 << *index_bits) - 1)) as usize,
            KeyOrder::Wide {
                keys, index_bits, ..
            } => (keys[position] & ((1u128 << *index_bits) - 1)) as usize,
            KeyOrder::Ranks(keys) => keys[position].1 as usize,
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
    let swapped = !indicator.directed && origin.1 > destination.1;
    let (origin, destination) = if swapped {
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
        .get(&batch.period, index, period_days)?
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
        start_day: period.0,
        end_day: period.1,
        status,
        source_id,
        value,
        qualifier,
        low,
        high,
        swapped,
    })
}

/// The identity of row `index`, which passed its checks, readable: for the duplicate
/// error.
fn duplicate_key(
    distinct: &Distinct,
    batch: &ObservationBatch,
    index: usize,
    row: &CheckedObservation,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_values_and_count_their_bits() {
        // Codes 0 and 2 hold 30 and 10, code 1 failed its check; the extra value 20
        // ranks between them: 10, 20, 30 are ranks 0, 1, 2, which take 2 bits.
        let (per_code, extra, bits) = ranks_of(&[&[Some(30), None, Some(10)]], &[20]);
        assert_eq!(per_code, [[2, 0, 0]]);
        assert_eq!((extra, bits), (vec![1], 2));
        // Two columns share one order (origins and destinations); one value takes no bit.
        let (per_code, _, bits) = ranks_of(&[&[Some(7)], &[Some(5), Some(7)]], &[]);
        assert_eq!((per_code, bits), (vec![vec![1], vec![0, 1]], 1));
        assert_eq!(ranks_of::<i64>(&[&[Some(4)]], &[]).2, 0);
    }

    #[test]
    fn keys_sort_alike_packed_in_64_bits_in_128_or_kept_as_ranks() {
        // By rank, part by part, then by index: record 4 (indicator 1 under origin and
        // destination 0) first, records 1 and 3 (same key) in their order, then record
        // 2 before record 0 (period 1 before 2).
        let rows: [Ranks; 5] = [
            [1, 0, 0, 0, 2, 0, 0],
            [0, 1, 0, 0, 0, 0, 0],
            [1, 0, 0, 0, 1, 0, 0],
            [0, 1, 0, 0, 0, 0, 0],
            [0, 0, 1, 0, 0, 0, 0],
        ];
        // 10 bits of ranks and 3 of index (5 rows); 67 and 3; 127 and 3.
        let narrow = [1, 1, 1, 1, 2, 3, 1];
        let wide = [20, 20, 20, 1, 2, 3, 1];
        let too_wide = [40, 40, 40, 1, 2, 3, 1];
        for widths in [narrow, wide, too_wide] {
            let mut keys = KeyOrder::with_widths(widths, rows.len());
            for (index, ranks) in rows.iter().enumerate() {
                keys.push(*ranks, index);
            }
            let order = keys.sorted();
            let kind = match order {
                KeyOrder::Narrow { .. } => "narrow",
                KeyOrder::Wide { .. } => "wide",
                KeyOrder::Ranks(_) => "ranks",
            };
            let indices: Vec<usize> = (0..order.len()).map(|p| order.index(p)).collect();
            assert_eq!(indices, [4, 1, 3, 2, 0], "{kind}");
            let expected = if widths == narrow {
                "narrow"
            } else if widths == wide {
                "wide"
            } else {
                "ranks"
            };
            assert_eq!(kind, expected);
        }
    }
}
