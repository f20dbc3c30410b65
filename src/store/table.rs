//! The one read of observations: rows come out of `observation` as integers (no join
//! per row) and are turned into an [`ObservationTable`] whose repeated values are
//! looked up once each. [`Store::observations`] writes the table out; analyses over
//! many series use it as it is.

use rustc_hash::FxHashMap as HashMap;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};

use super::read::ObservationFilter;
use super::sql::{finite_at, read_indicator, stored_status, SELECT_INDICATOR};
use super::Store;
use crate::error::{Error, Result};
use crate::model::{Indicator, ObservationRow, ObservationTable, SeriesKey, Status};
use crate::period::Period;

/// The columns of a bulk read, by position: the statement is ours, so its column
/// order is known.
const SELECT_ROWS: &str = "SELECT o.indicator_id, o.origin_id, o.destination_id, o.product_id,
        o.start_day, o.end_day, o.period_text, o.value, o.qualifier, o.low, o.high, o.status,
        o.source_id, o.quote, o.note
     FROM observation o";

/// Store ids seen in a read, each given a position in the order first seen.
#[derive(Default)]
struct SeenIds {
    /// Position + 1 by id, for the small ids SQLite hands out (0: not seen).
    dense: Vec<u32>,
    /// Ids too large for `dense`.
    sparse: HashMap<i64, u32>,
    ids: Vec<i64>,
}

impl SeenIds {
    const DENSE_LIMIT: i64 = 1 << 20;

    fn position(&mut self, id: i64) -> u32 {
        if (0..Self::DENSE_LIMIT).contains(&id) {
            let slot = id as usize;
            if slot >= self.dense.len() {
                self.dense.resize(slot + 1, 0);
            }
            if self.dense[slot] == 0 {
                self.ids.push(id);
                self.dense[slot] = self.ids.len() as u32;
            }
            self.dense[slot] - 1
        } else {
            let next = self.ids.len() as u32;
            *self.sparse.entry(id).or_insert_with(|| {
                self.ids.push(id);
                next
            })
        }
    }

    /// Sorts the seen ids by `text(id)`: the values in sorted order, and for each old
    /// position its new one.
    fn sorted<T>(
        &self,
        value: impl Fn(i64) -> Result<T>,
        text: impl Fn(&T) -> &str,
    ) -> Result<(Vec<T>, Vec<u32>)> {
        let mut values = self
            .ids
            .iter()
            .enumerate()
            .map(|(old, &id)| Ok((old, value(id)?)))
            .collect::<Result<Vec<_>>>()?;
        values.sort_by(|a, b| text(&a.1).cmp(text(&b.1)));
        let mut new_position = vec![0; values.len()];
        for (new, (old, _)) in values.iter().enumerate() {
            new_position[*old] = new as u32;
        }
        Ok((values.into_iter().map(|(_, v)| v).collect(), new_position))
    }
}

impl Store {
    /// The observations that match `filter` as a table: the same rows, in the same
    /// order, as [`Store::observations`], each repeated value stored once. Reading a
    /// million rows this way allocates per distinct country, product and period.
    pub fn observation_table(&self, filter: &ObservationFilter) -> Result<ObservationTable> {
        let (where_clause, args) = self.observation_clauses(filter)?;
        self.read_table(&where_clause, args)
    }

    /// The `WHERE` clause (empty when nothing narrows) and its arguments for `filter`,
    /// on the columns of `observation o` alone.
    pub(super) fn observation_clauses(
        &self,
        filter: &ObservationFilter,
    ) -> Result<(String, Vec<Value>)> {
        let mut clauses = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let mut arg = |v: Value| {
            args.push(v);
            format!("?{}", args.len())
        };
        // Known indicator: whether its pairs are directed is known too, so the pair
        // clauses below need no `OR` on it and SQLite can use the pair index.
        let mut directed = None;
        if let Some(code) = &filter.indicator {
            let (id, indicator) = self.indicator_with_id(code)?;
            directed = Some(indicator.directed);
            clauses.push(format!("o.indicator_id = {}", arg(id.into())));
        }
        const UNDIRECTED: &str = "o.indicator_id IN (SELECT id FROM indicator WHERE directed = 0)";
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
                      OR (o.origin_id = {d} AND o.destination_id = {o} AND {UNDIRECTED}))"
                ));
            }
            (Some((o, _)), None) => {
                let o = arg(o.into());
                clauses.push(format!(
                    "(o.origin_id = {o} OR (o.destination_id = {o} AND {UNDIRECTED}))"
                ));
            }
            (None, Some((d, _))) => {
                let d = arg(d.into());
                clauses.push(format!(
                    "(o.destination_id = {d} OR (o.origin_id = {d} AND {UNDIRECTED}))"
                ));
            }
            (None, None) => {}
        }
        if let Some(product) = &filter.product {
            clauses.push(format!(
                // A product as written, its case aside: `c10t12` finds `C10T12`.
                "o.product_id IN (SELECT id FROM product WHERE code = {} COLLATE NOCASE)",
                arg(super::product_code(product).to_owned().into())
            ));
        }
        if let Some(status) = &filter.status {
            let status = Status::from_code(status)?;
            clauses.push(format!("o.status = {}", arg(stored_status(status).into())));
        }
        let where_clause = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        Ok((where_clause, args))
    }

    /// The rows `where_clause` (on `observation o`) selects with `args`, as a table in
    /// the order of [`Store::observations`].
    pub(super) fn read_table(
        &self,
        where_clause: &str,
        args: Vec<Value>,
    ) -> Result<ObservationTable> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_ROWS} {where_clause}"))?;
        let mut read = TableRead::default();
        let mut rows = stmt.query(params_from_iter(args))?;
        while let Some(row) = rows.next()? {
            read.push(row)?;
        }
        drop(rows);
        read.finish(self)
    }

    /// An indicator with its id in the store.
    fn indicator_with_id(&self, code: &str) -> Result<(i64, Indicator)> {
        use rusqlite::OptionalExtension;
        self.conn
            .prepare_cached(&format!("{SELECT_INDICATOR} WHERE i.code = ?1"))?
            .query_row([code], |r| Ok((r.get("id")?, read_indicator(r)?)))
            .optional()?
            .ok_or_else(|| Error::not_found("indicator", crate::error::shortened(code)))
    }
}

/// A bulk read in progress: rows with positions in the order values were first seen.
#[derive(Default)]
struct TableRead {
    indicators: SeenIds,
    countries: SeenIds,
    products: SeenIds,
    sources: SeenIds,
    periods: HashMap<(i32, i32), Period>,
    period_texts: HashMap<String, u32>,
    /// The last period and text seen: rows of one release come together, so most rows
    /// repeat them and need no hash lookup.
    last_period: Option<((i32, i32), Period)>,
    last_text: Option<(String, u32)>,
    rows: Vec<ObservationRow>,
}

impl TableRead {
    fn push(&mut self, r: &Row<'_>) -> Result<()> {
        let key = SeriesKey {
            indicator: self.indicators.position(r.get(0)?),
            origin: self.countries.position(r.get(1)?),
            destination: self.countries.position(r.get(2)?),
            product: self.products.position(r.get(3)?),
        };
        let days: (i32, i32) = (r.get(4)?, r.get(5)?);
        let period = match self.last_period {
            Some((last, p)) if last == days => p,
            _ => {
                let p = match self.periods.get(&days) {
                    Some(&p) => p,
                    None => *self
                        .periods
                        .entry(days)
                        .or_insert(Period::from_julian_days(days.0, days.1)?),
                };
                self.last_period = Some((days, p));
                p
            }
        };
        let text = r.get_ref(6)?.as_str().map_err(rusqlite::Error::from)?;
        let period_text = match &self.last_text {
            Some((last, i)) if last == text => *i,
            _ => {
                let next = self.period_texts.len() as u32;
                let i = *self.period_texts.entry(text.to_owned()).or_insert(next);
                self.last_text = Some((text.to_owned(), i));
                i
            }
        };
        let source: Option<i64> = r.get(12)?;
        self.rows.push(ObservationRow {
            key,
            period,
            period_text,
            value: finite_at(r, 7)?,
            qualifier: r.get(8)?,
            low: finite_at(r, 9)?,
            high: finite_at(r, 10)?,
            status: r.get(11)?,
            source: source.map(|id| self.sources.position(id)),
            quote: r.get(13)?,
            note: r.get(14)?,
        });
        Ok(())
    }

    /// The table: every list sorted and every row's positions moved to match, the rows
    /// in the order of indicator, pair, product, period, status and source (by code).
    fn finish(self, store: &Store) -> Result<ObservationTable> {
        let indicators = store.indicators_by_id()?;
        let (indicators, indicator_at) = self.indicators.sorted(
            |id| {
                indicators
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| Error::not_found("indicator", format!("id {id}")))
            },
            |i: &Indicator| &i.code,
        )?;
        let alpha3 = store.countries.alpha3_by_id();
        let (countries, country_at) = self.countries.sorted(
            |id| {
                alpha3
                    .get(&id)
                    .map(|a| (*a).to_owned())
                    .ok_or_else(|| Error::not_found("country", format!("id {id}")))
            },
            |a: &String| a,
        )?;
        let (products, product_at) = self
            .products
            .sorted(|id| store.code_of("product", id), |c: &String| c)?;
        let (sources, source_at) = self
            .sources
            .sorted(|id| store.code_of("source", id), |c: &String| c)?;
        let mut texts: Vec<(String, u32)> = self.period_texts.into_iter().collect();
        texts.sort();
        let mut text_at = vec![0; texts.len()];
        for (new, (_, old)) in texts.iter().enumerate() {
            text_at[*old as usize] = new as u32;
        }
        let mut rows = self.rows;
        for row in &mut rows {
            row.key = SeriesKey {
                indicator: indicator_at[row.key.indicator as usize],
                origin: country_at[row.key.origin as usize],
                destination: country_at[row.key.destination as usize],
                product: product_at[row.key.product as usize],
            };
            row.period_text = text_at[row.period_text as usize];
            row.source = row.source.map(|s| source_at[s as usize]);
        }
        put_in_order(&mut rows);
        Ok(ObservationTable {
            indicators,
            countries,
            products,
            sources,
            period_texts: texts.into_iter().map(|(t, _)| t).collect(),
            rows,
        })
    }
}

/// Sorts `rows` by series (in the order of their keys' texts), then period, status (as
/// stored: the codes' alphabetical order, as SQL sorted the text before schema version
/// 5) and source (a missing one first, as SQL sorts it).
///
/// The clustered layout hands each series over whole and in period order, only the
/// series themselves in the order of the store's key (pair first, by id): then the
/// series are put in order as blocks, which copies each row once instead of sorting a
/// million. Rows in any other order are sorted.
fn put_in_order(rows: &mut Vec<ObservationRow>) {
    let within = |a: &ObservationRow, b: &ObservationRow| {
        (a.period, stored_status(a.status), a.source).cmp(&(
            b.period,
            stored_status(b.status),
            b.source,
        ))
    };
    let mut runs: Vec<(SeriesKey, usize, usize)> = Vec::new();
    let mut whole = true;
    for (i, row) in rows.iter().enumerate() {
        match runs.last_mut() {
            Some((key, _, end)) if *key == row.key => {
                whole &= within(&rows[i - 1], row).is_le();
                *end = i + 1;
            }
            _ => runs.push((row.key, i, i + 1)),
        }
    }
    runs.sort_by_key(|(key, _, _)| *key);
    whole &= runs.windows(2).all(|w| w[0].0 != w[1].0);
    if !whole {
        rows.sort_unstable_by(|a, b| a.key.cmp(&b.key).then_with(|| within(a, b)));
        return;
    }
    // Block by block, each read front to back: a row's text fields are cloned (most
    // rows have none), which costs less than moving rows one by one in a random order.
    let mut ordered = Vec::with_capacity(rows.len());
    for &(_, start, end) in &runs {
        ordered.extend_from_slice(&rows[start..end]);
    }
    *rows = ordered;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Qualifier;

    fn row(key: (u32, u32, u32, u32), year: i32, source: Option<u32>) -> ObservationRow {
        ObservationRow {
            key: SeriesKey {
                indicator: key.0,
                origin: key.1,
                destination: key.2,
                product: key.3,
            },
            period: Period::year(year).unwrap(),
            period_text: 0,
            value: f64::from(year),
            qualifier: Qualifier::Exact,
            low: f64::from(year),
            high: f64::from(year),
            status: Status::Actual,
            source,
            quote: None,
            note: None,
        }
    }

    #[test]
    fn whole_series_in_another_order_come_out_as_a_sort_would_put_them() {
        // Pair first, as the clustered key hands them over: (1, 0) before (0, 1) for
        // indicator 0, with indicator 1 between.
        let scanned = vec![
            row((1, 0, 1, 0), 2020, None),
            row((1, 0, 1, 0), 2021, Some(0)),
            row((0, 0, 1, 0), 2020, None),
            row((0, 0, 1, 0), 2020, Some(1)),
            row((0, 0, 1, 0), 2022, None),
            row((0, 1, 0, 0), 2019, None),
        ];
        let mut sorted = scanned.clone();
        sorted.sort_by_key(|a| (a.key, a.period, a.source));
        let mut rows = scanned.clone();
        put_in_order(&mut rows);
        assert_eq!(rows, sorted);
        // A series split in two, or out of period order, is sorted as a whole.
        let mut split = vec![scanned[2].clone(), scanned[0].clone(), scanned[4].clone()];
        put_in_order(&mut split);
        let years: Vec<f64> = split.iter().map(|r| r.value).collect();
        assert_eq!(years, [2020.0, 2022.0, 2020.0]);
    }
}
