//! Tables column by column: the shape in which many rows leave the library for Python
//! (pandas builds a column from one buffer) and Arrow. Text that repeats is kept once,
//! with each row's position in the list of distinct values.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::hash::Hash;

use crate::analysis::consistency::Finding;
use crate::analysis::{
    each_asymmetry_of_table, each_growth_of_table, each_per_capita_of_table, each_share_of_tables,
    AsymmetryRow, Basis, ClaimCheck, GrowthRow, MirrorEnd, MirrorRow, PerCapitaRow,
    SeriesAsymmetry, SeriesChange, SeriesFilter, SeriesPerCapita, SeriesShare, ShareRow,
    ShareTables, Whole,
};
use crate::error::Result;
use crate::model::{
    Claim, Event, Indicator, ObservationRow, ObservationTable, Product, SeriesKey, Source, Status,
    TopicEntry,
};
use crate::period::Period;
use crate::store::Store;
use crate::words::numbers::percent;

/// The Julian day number of 1970-01-01: dates leave as days since then, as Arrow's
/// `date32` and NumPy's `datetime64[D]` count them.
const UNIX_EPOCH_JULIAN_DAY: i32 = 2_440_588;

/// One column of a [`Columns`]. New kinds of column may come in a minor release (`Bool`
/// and `List` did), so a `match` on it needs a wildcard arm.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Column {
    /// Numbers; NaN where a row has none (a stored figure is never NaN: the schema's
    /// checks reject it).
    Float(Vec<f64>),
    /// Text: each row's position in `values`, or −1 where a row has none.
    Text {
        /// Position of each row's text in `values`.
        codes: Vec<i32>,
        /// The distinct texts (a list may hold a text twice).
        values: Vec<String>,
    },
    /// Dates as days since 1970-01-01.
    Date(Vec<i32>),
    /// Whole numbers (a population, a year); `None` where a row has none.
    Int(Vec<Option<i64>>),
    /// Yes or no (whether an indicator is directed); every row has one.
    Bool(Vec<bool>),
    /// A list per row (the sections a report finding sits in), in Arrow's list layout:
    /// row `i` holds the items of `values` from `offsets[i]` to `offsets[i + 1]`.
    List {
        /// Where each row's items start in `values`, then where the last row's end:
        /// one more than there are rows, the first 0.
        offsets: Vec<i32>,
        /// The items of every row, one after another.
        values: Box<Column>,
    },
}

impl Column {
    /// How many rows the column holds.
    pub fn len(&self) -> usize {
        match self {
            Column::Float(v) => v.len(),
            Column::Text { codes, .. } => codes.len(),
            Column::Date(v) => v.len(),
            Column::Int(v) => v.len(),
            Column::Bool(v) => v.len(),
            Column::List { offsets, .. } => offsets.len().saturating_sub(1),
        }
    }

    /// A text column (`None` where a row has none), each distinct text kept once.
    pub fn of_texts<'a>(texts: impl Iterator<Item = Option<&'a str>>) -> Column {
        Distinct::of(texts).texts(str::to_owned)
    }

    /// A list column of rows holding `lengths` items each, taken in turn from `values`.
    pub fn of_lists(lengths: impl Iterator<Item = usize>, values: Column) -> Column {
        let mut offsets = vec![0];
        let mut end = 0;
        for length in lengths {
            end += length;
            offsets.push(i32::try_from(end).expect("a list column holds under 2³¹ items"));
        }
        debug_assert_eq!(end, values.len());
        Column::List {
            offsets,
            values: Box::new(values),
        }
    }

    /// Whether the column holds no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of row `i`, for a text column.
    pub fn text(&self, i: usize) -> Option<&str> {
        match self {
            Column::Text { codes, values } => {
                usize::try_from(codes[i]).ok().map(|c| values[c].as_str())
            }
            _ => None,
        }
    }
}

/// Named columns of equal length.
///
/// ```
/// let store = bilateral::Store::demo()?;
/// let table = store.observation_table(&bilateral::ObservationFilter::indicator("tourists"))?;
/// let columns = bilateral::Columns::of_observations(&table);
/// assert_eq!(columns.get("origin").unwrap().text(0), Some("AZE"));
/// assert_eq!(columns.rows(), table.len());
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    /// Column names, in order: fixed names, or a report table's own headers.
    pub names: Vec<Cow<'static, str>>,
    /// The columns, in the order of `names`.
    pub columns: Vec<Column>,
}

impl Columns {
    /// How many rows the columns hold.
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, Column::len)
    }

    /// The column called `name`.
    pub fn get(&self, name: &str) -> Option<&Column> {
        let i = self.names.iter().position(|n| n == name)?;
        Some(&self.columns[i])
    }

    /// Appends `column` under `name` (a fixed name, or a header a report table gives);
    /// the builders of later layers (the report's, the reader's) use it too.
    pub(crate) fn push(&mut self, name: impl Into<Cow<'static, str>>, column: Column) {
        debug_assert!(self.columns.is_empty() || column.len() == self.rows());
        self.names.push(name.into());
        self.columns.push(column);
    }

    /// The observations of a table, with the columns of
    /// [`Store::observations`](crate::Store::observations) in Python: indicator,
    /// origin, destination, product, period, start, end, value, low, high, qualifier,
    /// status, unit, source, quote, note.
    pub fn of_observations(table: &ObservationTable) -> Columns {
        Columns::of_observation_rows(table, &table.rows)
    }

    /// [`Columns::of_observations`] of some rows of `table` (a run of them, written a
    /// batch at a time).
    pub(crate) fn of_observation_rows(
        table: &ObservationTable,
        rows: &[ObservationRow],
    ) -> Columns {
        let mut columns = Columns::default();
        columns.push_keys(table, rows.iter().map(|r| r.key), false);
        let periods = Distinct::of(rows.iter().map(|r| Some(r.period)));
        columns.push("period", periods.texts(|p| p.to_string()));
        columns.push(
            "start",
            Column::Date(rows.iter().map(|r| days(r.period.start())).collect()),
        );
        columns.push(
            "end",
            Column::Date(rows.iter().map(|r| days(r.period.end())).collect()),
        );
        columns.push(
            "value",
            Column::Float(rows.iter().map(|r| r.value).collect()),
        );
        columns.push("low", Column::Float(rows.iter().map(|r| r.low).collect()));
        columns.push("high", Column::Float(rows.iter().map(|r| r.high).collect()));
        let qualifiers = Distinct::of(rows.iter().map(|r| Some(r.qualifier)));
        columns.push("qualifier", qualifiers.texts(|q| q.code().to_owned()));
        let statuses = Distinct::of(rows.iter().map(|r| Some(r.status)));
        columns.push("status", statuses.texts(|s| s.code().to_owned()));
        columns.push("unit", unit_column(table, rows.iter().map(|r| r.key)));
        columns.push(
            "source",
            Column::Text {
                codes: rows
                    .iter()
                    .map(|r| r.source.map_or(-1, |s| s as i32))
                    .collect(),
                values: table.sources.clone(),
            },
        );
        let quotes = Distinct::of(rows.iter().map(|r| r.quote.as_deref()));
        columns.push("quote", quotes.texts(str::to_owned));
        let notes = Distinct::of(rows.iter().map(|r| r.note.as_deref()));
        columns.push("note", notes.texts(str::to_owned));
        columns
    }

    /// Growth rows of many series (as [`Store::growth_table`](crate::Store::growth_table)
    /// gives them, keyed into `table`): indicator, origin, destination, product, unit,
    /// then the columns of [`Columns::of_growth_rows`].
    pub fn of_growth(table: &ObservationTable, rows: &[(SeriesKey, GrowthRow)]) -> Columns {
        let mut columns = GrowthColumns::with_capacity(rows.len());
        for (key, row) in rows {
            columns.push(*key, row);
        }
        columns.finish(Some(table))
    }

    /// Year-on-year growth of every series of `table` (only `status`, or by status
    /// preference without targets and projections when `None`), written into columns
    /// as it is computed: the columns of [`Columns::of_growth`] without the rows of
    /// [`Store::growth_table`](crate::Store::growth_table) in between, which for a
    /// million rows would be a quarter of a gigabyte.
    pub fn of_growth_of_table(table: &ObservationTable, status: Option<Status>) -> Columns {
        let mut columns = GrowthColumns::with_capacity(table.len());
        each_growth_of_table(table, status, |key, row| columns.push(key, &row));
        columns.finish(Some(table))
    }

    /// Growth rows of one series: the fields of [`GrowthRow`], periods as their
    /// canonical text.
    pub fn of_growth_rows(rows: &[GrowthRow]) -> Columns {
        let mut columns = GrowthColumns::with_capacity(rows.len());
        for row in rows {
            // One series without a table: the keys are not written.
            let none = SeriesKey {
                indicator: 0,
                origin: 0,
                destination: 0,
                product: 0,
            };
            columns.push(none, row);
        }
        columns.finish(None)
    }

    /// Change of many series (as [`Store::change_of_every`](crate::Store::change_of_every)
    /// gives it): indicator, origin, destination, product, unit, then the fields of
    /// [`Change`](crate::Change) from start to cagr_high, the periods as their
    /// canonical text.
    pub fn of_changes(rows: &[SeriesChange]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("indicator", rows, |r| &r.indicator);
        columns.push_text("origin", rows, |r| &r.origin);
        columns.push_text("destination", rows, |r| &r.destination);
        columns.push_text("product", rows, |r| &r.product);
        columns.push_text("unit", rows, |r| &r.unit);
        columns.push_period("start", rows, |r| r.start);
        columns.push_period("end", rows, |r| r.end);
        columns.push_float("start_value", rows, |r| r.start_value);
        columns.push_float("end_value", rows, |r| r.end_value);
        columns.push_float("change", rows, |r| r.change);
        columns.push_float("change_low", rows, |r| r.change_low);
        columns.push_float("change_high", rows, |r| r.change_high);
        columns.push_maybe("ratio", rows, |r| r.ratio);
        columns.push_maybe("ratio_low", rows, |r| r.ratio_low);
        columns.push_maybe("ratio_high", rows, |r| r.ratio_high);
        // In percent, as Python documents them: the rates shown.
        columns.push_maybe("pct", rows, |r| r.rate.map(percent));
        columns.push_maybe("pct_low", rows, |r| r.rate_low.map(percent));
        columns.push_maybe("pct_high", rows, |r| r.rate_high.map(percent));
        columns.push_float("years", rows, |r| r.years);
        columns.push_maybe("cagr", rows, |r| r.cagr);
        columns.push_maybe("cagr_low", rows, |r| r.cagr_low);
        columns.push_maybe("cagr_high", rows, |r| r.cagr_high);
        columns
    }

    /// Shares over many pairs (as [`Store::shares_of_every`](crate::Store::shares_of_every)
    /// gives them): indicator, origin, destination, then the fields of
    /// [`ShareRow`].
    pub fn of_shares(rows: &[SeriesShare]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("indicator", rows, |r| &r.indicator);
        columns.push_text("origin", rows, |r| &r.origin);
        columns.push_text("destination", rows, |r| &r.destination);
        columns.push_period("period", rows, |r| r.period);
        columns.push_text("product", rows, |r| &r.product);
        columns.push_float("value", rows, |r| r.value);
        columns.push_float("whole", rows, |r| r.whole);
        columns.push_maybe("share", rows, |r| r.share);
        columns.push_maybe("low", rows, |r| r.low);
        columns.push_maybe("high", rows, |r| r.high);
        columns
    }

    /// Shares over every pair `filter` matches, as
    /// [`Store::share_of_every`](crate::Store::share_of_every) computes them, written
    /// into columns as they are computed: the columns of [`Columns::of_shares`] without
    /// a [`SeriesShare`], and its texts, per row in between.
    ///
    /// ```
    /// use bilateral::{Columns, SeriesFilter, Store, Whole};
    ///
    /// let store = Store::demo()?;
    /// let exports = SeriesFilter::default().indicator("exports");
    /// let whole = Whole::total().indicator("trade_turnover");
    /// let columns = Columns::of_share_of_every(&store, &exports, &whole)?;
    /// let rows = store.share_of_every(&exports, &whole)?;
    /// assert_eq!(columns.rows(), rows.len());
    /// assert_eq!(columns.get("product").unwrap().text(0), Some(rows[0].product.as_str()));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn of_share_of_every(
        store: &Store,
        filter: &SeriesFilter,
        whole: &Whole,
    ) -> Result<Columns> {
        let tables = store.share_tables(
            filter,
            whole.indicator.as_deref(),
            &whole.product,
            whole.period.as_deref(),
        )?;
        Columns::of_shares_of_tables(&tables)
    }

    /// The shares of `tables`, each row's numbers pushed onto its columns as it comes
    /// (a pass per column over rows kept first would read every row ten times).
    fn of_shares_of_tables(tables: &ShareTables) -> Result<Columns> {
        let mut keys = Vec::new();
        let mut period = DistinctBuilder::with_capacity(0);
        let [mut value, mut whole, mut share, mut low, mut high] = <[Vec<f64>; 5]>::default();
        each_share_of_tables(tables, |row| {
            keys.push(row.part.key);
            period.push(Some(row.part.period));
            value.push(row.part.value);
            whole.push(row.whole.value);
            let figure = row
                .share
                .map_or((f64::NAN, f64::NAN, f64::NAN), |(s, b)| (s, b.low, b.high));
            share.push(figure.0);
            low.push(figure.1);
            high.push(figure.2);
        })?;
        let table = &tables.parts;
        let mut columns = Columns::default();
        columns.push("indicator", indicator_column(table, &keys));
        columns.push(
            "origin",
            country_column(table, keys.iter().map(|k| k.origin)),
        );
        columns.push(
            "destination",
            country_column(table, keys.iter().map(|k| k.destination)),
        );
        columns.push("period", period.finish().texts(|p| p.to_string()));
        columns.push("product", product_column(table, &keys));
        columns.push("value", Column::Float(value));
        columns.push("whole", Column::Float(whole));
        columns.push("share", Column::Float(share));
        columns.push("low", Column::Float(low));
        columns.push("high", Column::Float(high));
        Ok(columns)
    }

    /// Shares of one pair (as [`Store::shares`](crate::Store::shares) gives them): the
    /// fields of [`ShareRow`], periods as their canonical text.
    pub fn of_share_rows(rows: &[ShareRow]) -> Columns {
        let mut columns = Columns::default();
        columns.push_period("period", rows, |r| r.period);
        columns.push_text("product", rows, |r| &r.product);
        columns.push_float("value", rows, |r| r.value);
        columns.push_float("whole", rows, |r| r.whole);
        columns.push_float("share", rows, |r| r.share);
        columns.push_float("low", rows, |r| r.low);
        columns.push_float("high", rows, |r| r.high);
        columns
    }

    /// Figures per head of many series (as
    /// [`Store::per_capita_of_every`](crate::Store::per_capita_of_every) gives them):
    /// indicator, origin, destination, product, unit, then the fields of
    /// [`PerCapitaRow`], population_year and population as whole
    /// numbers.
    pub fn of_per_capita(rows: &[SeriesPerCapita]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("indicator", rows, |r| &r.indicator);
        columns.push_text("origin", rows, |r| &r.origin);
        columns.push_text("destination", rows, |r| &r.destination);
        columns.push_text("product", rows, |r| &r.product);
        columns.push_text("unit", rows, |r| &r.unit);
        columns.push_period("period", rows, |r| r.period);
        columns.push_float("value", rows, |r| r.value);
        columns.push_text("country", rows, |r| &r.country);
        columns.push_int("population_year", rows, |r| {
            r.population_year.map(i64::from)
        });
        columns.push_int("population", rows, |r| r.population);
        columns.push_maybe("per_capita", rows, |r| r.per_capita);
        columns.push_maybe("low", rows, |r| r.low);
        columns.push_maybe("high", rows, |r| r.high);
        columns
    }

    /// Figures per head of every series `filter` matches, as
    /// [`Store::per_capita_of_every`](crate::Store::per_capita_of_every) computes them,
    /// written into columns as they are computed: the columns of
    /// [`Columns::of_per_capita`] without a [`SeriesPerCapita`], and its texts, per row
    /// in between.
    ///
    /// ```
    /// use bilateral::{Basis, Columns, SeriesFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let tourists = SeriesFilter::default().indicator("tourists");
    /// let columns = Columns::of_per_capita_of_every(&store, &tourists, 1000.0, Basis::Origin)?;
    /// let rows = store.per_capita_of_every(&tourists, 1000.0, Basis::Origin)?;
    /// assert_eq!(columns.rows(), rows.len());
    /// assert_eq!(columns.get("country").unwrap().text(0), Some(rows[0].country.as_str()));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn of_per_capita_of_every(
        store: &Store,
        filter: &SeriesFilter,
        per: f64,
        basis: Basis,
    ) -> Result<Columns> {
        let (table, populations) = store.per_capita_table(filter, basis)?;
        Columns::of_per_capita_of_table(&table, filter.status, per, basis, &populations)
    }

    /// The figures per head of `table`'s series, each row's numbers pushed onto its
    /// columns as it comes.
    fn of_per_capita_of_table(
        table: &ObservationTable,
        status: Option<Status>,
        per: f64,
        basis: Basis,
        populations: &[Vec<(i32, i64)>],
    ) -> Result<Columns> {
        let rows = table.len();
        let mut keys = Vec::with_capacity(rows);
        let mut period = DistinctBuilder::with_capacity(rows);
        let mut value = Vec::with_capacity(rows);
        let mut country = Vec::with_capacity(rows);
        let mut population_year = Vec::with_capacity(rows);
        let mut population = Vec::with_capacity(rows);
        let [mut per_capita, mut low, mut high] =
            std::array::from_fn(|_| Vec::<f64>::with_capacity(rows));
        each_per_capita_of_table(table, status, per, basis, populations, |r| {
            keys.push(r.row.key);
            period.push(Some(r.row.period));
            value.push(r.row.value);
            country.push(r.country);
            population_year.push(r.population.map(|p| i64::from(p.0)));
            population.push(r.population.map(|p| p.1));
            let figure = r
                .per_capita
                .map_or((f64::NAN, f64::NAN, f64::NAN), |(f, b)| (f, b.low, b.high));
            per_capita.push(figure.0);
            low.push(figure.1);
            high.push(figure.2);
        })?;
        let mut columns = Columns::default();
        columns.push_keys(table, keys.iter().copied(), true);
        columns.push("period", period.finish().texts(|p| p.to_string()));
        columns.push("value", Column::Float(value));
        columns.push("country", country_column(table, country.into_iter()));
        columns.push("population_year", Column::Int(population_year));
        columns.push("population", Column::Int(population));
        columns.push("per_capita", Column::Float(per_capita));
        columns.push("low", Column::Float(low));
        columns.push("high", Column::Float(high));
        Ok(columns)
    }

    /// Figures per head of one series (as [`Store::per_capita`](crate::Store::per_capita)
    /// gives them): the fields of [`PerCapitaRow`],
    /// population_year and population as whole numbers.
    pub fn of_per_capita_rows(rows: &[PerCapitaRow]) -> Columns {
        let mut columns = Columns::default();
        columns.push_period("period", rows, |r| r.period);
        columns.push_float("value", rows, |r| r.value);
        columns.push_text("country", rows, |r| &r.country);
        columns.push_int("population_year", rows, |r| {
            Some(i64::from(r.population_year))
        });
        columns.push_int("population", rows, |r| Some(r.population));
        columns.push_float("per_capita", rows, |r| r.per_capita);
        columns.push_float("low", rows, |r| r.low);
        columns.push_float("high", rows, |r| r.high);
        columns
    }

    /// Asymmetry over many pairs (as
    /// [`Store::asymmetry_of_every`](crate::Store::asymmetry_of_every) gives it):
    /// indicator, a, b, product, then the fields of [`AsymmetryRow`].
    pub fn of_asymmetry(rows: &[SeriesAsymmetry]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("indicator", rows, |r| &r.indicator);
        columns.push_text("a", rows, |r| &r.a);
        columns.push_text("b", rows, |r| &r.b);
        columns.push_text("product", rows, |r| &r.product);
        columns.push_period("period", rows, |r| r.period);
        columns.push_float("a_to_b", rows, |r| r.a_to_b);
        columns.push_float("a_to_b_low", rows, |r| r.a_to_b_low);
        columns.push_float("a_to_b_high", rows, |r| r.a_to_b_high);
        columns.push_float("b_to_a", rows, |r| r.b_to_a);
        columns.push_float("b_to_a_low", rows, |r| r.b_to_a_low);
        columns.push_float("b_to_a_high", rows, |r| r.b_to_a_high);
        columns.push_maybe("ratio", rows, |r| r.ratio);
        columns.push_maybe("ratio_low", rows, |r| r.ratio_low);
        columns.push_maybe("ratio_high", rows, |r| r.ratio_high);
        columns.push_float("net", rows, |r| r.net);
        columns.push_float("net_low", rows, |r| r.net_low);
        columns.push_float("net_high", rows, |r| r.net_high);
        columns
    }

    /// The two directions of every directed pair `filter` matches, as
    /// [`Store::asymmetry_of_every`](crate::Store::asymmetry_of_every) computes them,
    /// written into columns as they are computed: the columns of
    /// [`Columns::of_asymmetry`] without a [`SeriesAsymmetry`], and its texts, per row
    /// in between.
    ///
    /// ```
    /// use bilateral::{Columns, SeriesFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let columns = Columns::of_asymmetry_of_every(&store, &SeriesFilter::default())?;
    /// let rows = store.asymmetry_of_every(&SeriesFilter::default())?;
    /// assert_eq!(columns.rows(), rows.len());
    /// assert_eq!(columns.get("a").unwrap().text(0), Some(rows[0].a.as_str()));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn of_asymmetry_of_every(store: &Store, filter: &SeriesFilter) -> Result<Columns> {
        let (table, named) = store.asymmetry_table(filter)?;
        Ok(Columns::of_asymmetry_of_table(
            &table,
            filter.status,
            &named,
        ))
    }

    /// The two directions of `table`'s pairs, each row's numbers pushed onto its
    /// columns as it comes.
    fn of_asymmetry_of_table(
        table: &ObservationTable,
        status: Option<Status>,
        named: &[Option<String>; 2],
    ) -> Columns {
        let mut keys = Vec::new();
        let mut period = DistinctBuilder::with_capacity(0);
        let mut numbers: [Vec<f64>; 12] = Default::default();
        each_asymmetry_of_table(table, status, named, |r| {
            keys.push(r.a_to_b.key);
            period.push(Some(r.a_to_b.period));
            let (ratio, ratio_low, ratio_high) = r
                .ratio
                .map_or((f64::NAN, f64::NAN, f64::NAN), |(x, b)| (x, b.low, b.high));
            let (forward, backward) = (r.a_to_b, r.b_to_a);
            let row = [
                forward.value,
                forward.low,
                forward.high,
                backward.value,
                backward.low,
                backward.high,
                ratio,
                ratio_low,
                ratio_high,
                r.net.0,
                r.net.1.low,
                r.net.1.high,
            ];
            for (column, number) in numbers.iter_mut().zip(row) {
                column.push(number);
            }
        });
        let mut columns = Columns::default();
        columns.push("indicator", indicator_column(table, &keys));
        columns.push("a", country_column(table, keys.iter().map(|k| k.origin)));
        columns.push(
            "b",
            country_column(table, keys.iter().map(|k| k.destination)),
        );
        columns.push("product", product_column(table, &keys));
        columns.push("period", period.finish().texts(|p| p.to_string()));
        let names = [
            "a_to_b",
            "a_to_b_low",
            "a_to_b_high",
            "b_to_a",
            "b_to_a_low",
            "b_to_a_high",
            "ratio",
            "ratio_low",
            "ratio_high",
            "net",
            "net_low",
            "net_high",
        ];
        for (name, numbers) in names.into_iter().zip(numbers) {
            columns.push(name, Column::Float(numbers));
        }
        columns
    }

    /// The two directions of one pair (as [`Store::asymmetry`](crate::Store::asymmetry)
    /// gives them): the fields of [`AsymmetryRow`].
    pub fn of_asymmetry_rows(rows: &[AsymmetryRow]) -> Columns {
        let mut columns = Columns::default();
        columns.push_period("period", rows, |r| r.period);
        columns.push_float("a_to_b", rows, |r| r.a_to_b);
        columns.push_float("a_to_b_low", rows, |r| r.a_to_b_low);
        columns.push_float("a_to_b_high", rows, |r| r.a_to_b_high);
        columns.push_float("b_to_a", rows, |r| r.b_to_a);
        columns.push_float("b_to_a_low", rows, |r| r.b_to_a_low);
        columns.push_float("b_to_a_high", rows, |r| r.b_to_a_high);
        columns.push_float("ratio", rows, |r| r.ratio);
        columns.push_float("ratio_low", rows, |r| r.ratio_low);
        columns.push_float("ratio_high", rows, |r| r.ratio_high);
        columns.push_float("net", rows, |r| r.net);
        columns.push_float("net_low", rows, |r| r.net_low);
        columns.push_float("net_high", rows, |r| r.net_high);
        columns
    }

    /// Mirror rows (as [`Store::mirror`](crate::Store::mirror) gives them):
    /// exports_indicator, imports_indicator, exporter, importer, product, unit, period,
    /// then each end's figure (`exports`, `exports_low`, `exports_high`,
    /// `exports_status`, `exports_source`, the same for `imports`) and the gap with its
    /// bounds, in the unit and in percent of the exports.
    pub fn of_mirror(rows: &[MirrorRow]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("exports_indicator", rows, |r| &r.exports_indicator);
        columns.push_text("imports_indicator", rows, |r| &r.imports_indicator);
        columns.push_text("exporter", rows, |r| &r.exporter);
        columns.push_text("importer", rows, |r| &r.importer);
        columns.push_text("product", rows, |r| &r.product);
        columns.push_text("unit", rows, |r| &r.unit);
        columns.push_period("period", rows, |r| r.period);
        let ends = |end: fn(&MirrorRow) -> &MirrorEnd| rows.iter().map(end).collect::<Vec<_>>();
        columns.push_mirror_end(
            [
                "exports",
                "exports_low",
                "exports_high",
                "exports_status",
                "exports_source",
            ],
            &ends(|r| &r.exports),
        );
        columns.push_mirror_end(
            [
                "imports",
                "imports_low",
                "imports_high",
                "imports_status",
                "imports_source",
            ],
            &ends(|r| &r.imports),
        );
        columns.push_float("gap", rows, |r| r.gap);
        columns.push_float("gap_low", rows, |r| r.gap_low);
        columns.push_float("gap_high", rows, |r| r.gap_high);
        // In percent of the exports, as Python documents them.
        columns.push_maybe("gap_pct", rows, |r| r.relative_gap.map(percent));
        columns.push_maybe("gap_pct_low", rows, |r| r.relative_gap_low.map(percent));
        columns.push_maybe("gap_pct_high", rows, |r| r.relative_gap_high.map(percent));
        columns
    }

    /// Indicators (as [`Store::indicators`](crate::Store::indicators) gives them): code,
    /// name, unit, kind, directed, signed, description, topic, phrase; directed and
    /// signed as yes or no.
    pub fn of_indicators(rows: &[Indicator]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("code", rows, |i| &i.code);
        columns.push_text("name", rows, |i| &i.name);
        columns.push_text("unit", rows, |i| &i.unit);
        columns.push_text("kind", rows, |i| i.kind.code());
        columns.push_bool("directed", rows, |i| i.directed);
        columns.push_bool("signed", rows, |i| i.signed);
        columns.push_maybe_text("description", rows, |i| i.description.as_deref());
        columns.push_text("topic", rows, |i| i.topic.code());
        columns.push_maybe_text("phrase", rows, |i| i.phrase.as_deref());
        columns
    }

    /// Report topics in section order (as [`Store::topics`](crate::Store::topics) gives
    /// them): code, title.
    pub fn of_topics(rows: &[TopicEntry]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("code", rows, |t| t.topic.code());
        columns.push_text("title", rows, |t| &t.title);
        columns
    }

    /// Sources (as [`Store::sources`](crate::Store::sources) gives them): id, title,
    /// publisher, url, published (the period's canonical text).
    pub fn of_sources(rows: &[Source]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("id", rows, |s| &s.id);
        columns.push_text("title", rows, |s| &s.title);
        columns.push_maybe_text("publisher", rows, |s| s.publisher.as_deref());
        columns.push_maybe_text("url", rows, |s| s.url.as_deref());
        let published = Distinct::of(rows.iter().map(|s| s.published));
        columns.push("published", published.texts(|p| p.to_string()));
        columns
    }

    /// Products (as [`Store::products`](crate::Store::products) gives them): code,
    /// name, classification.
    pub fn of_products(rows: &[Product]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("code", rows, |p| &p.code);
        columns.push_maybe_text("name", rows, |p| p.name.as_deref());
        columns.push_maybe_text("classification", rows, |p| p.classification.as_deref());
        columns
    }

    /// Events (as [`Store::events`](crate::Store::events) gives them): date (the
    /// period's canonical text), start and end (its first and last day), a, b, kind,
    /// title, place, source, quote, note.
    pub fn of_events(rows: &[Event]) -> Columns {
        let mut columns = Columns::default();
        columns.push_period("date", rows, |e| e.date);
        columns.push(
            "start",
            Column::Date(rows.iter().map(|e| days(e.date.start())).collect()),
        );
        columns.push(
            "end",
            Column::Date(rows.iter().map(|e| days(e.date.end())).collect()),
        );
        columns.push_text("a", rows, |e| &e.a);
        columns.push_text("b", rows, |e| &e.b);
        columns.push_text("kind", rows, |e| &e.kind);
        columns.push_text("title", rows, |e| &e.title);
        columns.push_maybe_text("place", rows, |e| e.place.as_deref());
        columns.push_maybe_text("source", rows, |e| e.source.as_deref());
        columns.push_maybe_text("quote", rows, |e| e.quote.as_deref());
        columns.push_maybe_text("note", rows, |e| e.note.as_deref());
        columns
    }

    /// Findings of the consistency checks (as [`Store::check`](crate::Store::check)
    /// gives them): severity, check, indicator, origin, destination, product, periods
    /// (as [`Finding::periods_text`] writes them), figures, explanation.
    pub fn of_findings(rows: &[Finding]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("severity", rows, |f| f.severity.code());
        columns.push_text("check", rows, |f| f.check.code());
        columns.push_text("indicator", rows, |f| &f.indicator);
        columns.push_text("origin", rows, |f| &f.origin);
        columns.push_text("destination", rows, |f| &f.destination);
        columns.push_text("product", rows, |f| &f.product);
        columns.push_owned_text("periods", rows, |f| Some(f.periods_text()));
        columns.push_text("figures", rows, |f| &f.figures);
        columns.push_text("explanation", rows, |f| &f.explanation);
        columns
    }

    /// Claims (as [`Store::claims`](crate::Store::claims) gives them): text, indicator,
    /// origin, destination, product, period, reference, relation, value, qualifier,
    /// low and high (the interval the number allows; NaN without one), source, quote,
    /// note.
    pub fn of_claims(rows: &[Claim]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("text", rows, |c| &c.text);
        columns.push_text("indicator", rows, |c| &c.indicator);
        columns.push_text("origin", rows, |c| &c.origin);
        columns.push_text("destination", rows, |c| &c.destination);
        columns.push_text("product", rows, |c| &c.product);
        columns.push_period("period", rows, |c| c.period);
        let references = Distinct::of(rows.iter().map(|c| Some(c.reference)));
        columns.push("reference", references.texts(|r| r.code()));
        columns.push_text("relation", rows, |c| c.relation.code());
        columns.push_maybe("value", rows, |c| c.value);
        columns.push_text("qualifier", rows, |c| c.qualifier.code());
        columns.push_maybe("low", rows, |c| c.allowed.map(|a| a.low));
        columns.push_maybe("high", rows, |c| c.allowed.map(|a| a.high));
        columns.push_maybe_text("source", rows, |c| c.source.as_deref());
        columns.push_maybe_text("quote", rows, |c| c.quote.as_deref());
        columns.push_maybe_text("note", rows, |c| c.note.as_deref());
        columns
    }

    /// Claims checked against the figures (as
    /// [`Store::check_claims`](crate::Store::check_claims) gives them): text,
    /// indicator, period, reference, relation, verdict, computed, computed_low,
    /// computed_high, implied_low, implied_high (NaN where a row has none),
    /// explanation, origin, destination, product, implied_period, points_against.
    pub fn of_claim_checks(rows: &[ClaimCheck]) -> Columns {
        let mut columns = Columns::default();
        columns.push_text("text", rows, |c| &c.claim.text);
        columns.push_text("indicator", rows, |c| &c.claim.indicator);
        columns.push_period("period", rows, |c| c.claim.period);
        let references = Distinct::of(rows.iter().map(|c| Some(c.claim.reference)));
        columns.push("reference", references.texts(|r| r.code()));
        columns.push_text("relation", rows, |c| c.claim.relation.code());
        columns.push_text("verdict", rows, |c| c.verdict.code());
        columns.push_maybe("computed", rows, |c| c.computed);
        columns.push_maybe("computed_low", rows, |c| c.computed_low);
        columns.push_maybe("computed_high", rows, |c| c.computed_high);
        columns.push_maybe("implied_low", rows, |c| {
            c.implied.as_ref().and_then(|i| i.low)
        });
        columns.push_maybe("implied_high", rows, |c| {
            c.implied.as_ref().and_then(|i| i.high)
        });
        columns.push_text("explanation", rows, |c| &c.explanation);
        columns.push_text("origin", rows, |c| &c.claim.origin);
        columns.push_text("destination", rows, |c| &c.claim.destination);
        columns.push_text("product", rows, |c| &c.claim.product);
        let implied = Distinct::of(rows.iter().map(|c| c.implied.as_ref().map(|i| i.period)));
        columns.push("implied_period", implied.texts(|p| p.to_string()));
        columns.push_bool("points_against", rows, |c| c.points_against);
        columns
    }

    /// One end of mirror rows: value, low, high, status and source, under `names`.
    fn push_mirror_end(&mut self, names: [&'static str; 5], ends: &[&MirrorEnd]) {
        let [value, low, high, status, source] = names;
        self.push(value, Column::Float(ends.iter().map(|e| e.value).collect()));
        self.push(low, Column::Float(ends.iter().map(|e| e.low).collect()));
        self.push(high, Column::Float(ends.iter().map(|e| e.high).collect()));
        let statuses = Distinct::of(ends.iter().map(|e| Some(e.status)));
        self.push(status, statuses.texts(|s| s.code().to_owned()));
        let sources = Distinct::of(ends.iter().map(|e| e.source.as_deref()));
        self.push(source, sources.texts(str::to_owned));
    }

    fn push_text<'a, R>(&mut self, name: &'static str, rows: &'a [R], text: fn(&'a R) -> &'a str) {
        let distinct = Distinct::of(rows.iter().map(|r| Some(text(r))));
        self.push(name, distinct.texts(str::to_owned));
    }

    fn push_maybe_text<'a, R>(
        &mut self,
        name: &'static str,
        rows: &'a [R],
        text: fn(&'a R) -> Option<&'a str>,
    ) {
        let distinct = Distinct::of(rows.iter().map(text));
        self.push(name, distinct.texts(str::to_owned));
    }

    /// Text made for each row (rather than borrowed from it).
    fn push_owned_text<R>(
        &mut self,
        name: &'static str,
        rows: &[R],
        text: fn(&R) -> Option<String>,
    ) {
        let texts: Vec<Option<String>> = rows.iter().map(text).collect();
        let distinct = Distinct::of(texts.iter().map(Option::as_deref));
        self.push(name, distinct.texts(str::to_owned));
    }

    fn push_bool<R>(&mut self, name: &'static str, rows: &[R], yes: fn(&R) -> bool) {
        self.push(name, Column::Bool(rows.iter().map(yes).collect()));
    }

    fn push_period<R>(&mut self, name: &'static str, rows: &[R], period: fn(&R) -> Period) {
        let distinct = Distinct::of(rows.iter().map(|r| Some(period(r))));
        self.push(name, distinct.texts(|p| p.to_string()));
    }

    fn push_float<R>(&mut self, name: &'static str, rows: &[R], number: fn(&R) -> f64) {
        self.push(name, Column::Float(rows.iter().map(number).collect()));
    }

    fn push_maybe<R>(&mut self, name: &'static str, rows: &[R], number: fn(&R) -> Option<f64>) {
        let numbers = rows.iter().map(|r| number(r).unwrap_or(f64::NAN)).collect();
        self.push(name, Column::Float(numbers));
    }

    fn push_int<R>(&mut self, name: &'static str, rows: &[R], number: fn(&R) -> Option<i64>) {
        self.push(name, Column::Int(rows.iter().map(number).collect()));
    }

    /// indicator, origin, destination, product (and unit, with `unit`): positions in
    /// the table's sorted lists already, so no text is looked up per row.
    fn push_keys(
        &mut self,
        table: &ObservationTable,
        keys: impl Iterator<Item = SeriesKey> + Clone,
        unit: bool,
    ) {
        let text = |values: Vec<String>, code: fn(SeriesKey) -> u32| Column::Text {
            codes: keys.clone().map(|k| code(k) as i32).collect(),
            values,
        };
        let indicators = table.indicators.iter().map(|i| i.code.clone()).collect();
        self.push("indicator", text(indicators, |k| k.indicator));
        self.push("origin", text(table.countries.clone(), |k| k.origin));
        self.push(
            "destination",
            text(table.countries.clone(), |k| k.destination),
        );
        self.push("product", text(table.products.clone(), |k| k.product));
        if unit {
            self.push("unit", unit_column(table, keys));
        }
    }
}

/// The unit of each row's indicator.
fn unit_column(table: &ObservationTable, keys: impl Iterator<Item = SeriesKey>) -> Column {
    Column::Text {
        codes: keys.map(|k| k.indicator as i32).collect(),
        values: table.indicators.iter().map(|i| i.unit.clone()).collect(),
    }
}

/// Each row's indicator (its code), by position in the table's list.
fn indicator_column(table: &ObservationTable, keys: &[SeriesKey]) -> Column {
    Column::Text {
        codes: keys.iter().map(|k| k.indicator as i32).collect(),
        values: table.indicators.iter().map(|i| i.code.clone()).collect(),
    }
}

/// Each row's country (alpha-3), by position in the table's list.
fn country_column(table: &ObservationTable, positions: impl Iterator<Item = u32>) -> Column {
    Column::Text {
        codes: positions.map(|p| p as i32).collect(),
        values: table.countries.clone(),
    }
}

/// Each row's product, by position in the table's list.
fn product_column(table: &ObservationTable, keys: &[SeriesKey]) -> Column {
    Column::Text {
        codes: keys.iter().map(|k| k.product as i32).collect(),
        values: table.products.clone(),
    }
}

fn days(date: time::Date) -> i32 {
    date.to_julian_day() - UNIX_EPOCH_JULIAN_DAY
}

/// Growth rows written column by column in one pass (a pass per column over rows of a
/// dozen fields would read every row a dozen times).
struct GrowthColumns {
    keys: Vec<SeriesKey>,
    period: DistinctBuilder<Period>,
    value: Vec<f64>,
    low: Vec<f64>,
    high: Vec<f64>,
    status: DistinctBuilder<Status>,
    base_period: DistinctBuilder<Period>,
    /// base_value, change, change_low, change_high, pct, pct_low, pct_high, multiple:
    /// NaN where a row has none.
    maybe: [Vec<f64>; 8],
}

impl GrowthColumns {
    const MAYBE: [&'static str; 8] = [
        "base_value",
        "change",
        "change_low",
        "change_high",
        "pct",
        "pct_low",
        "pct_high",
        "multiple",
    ];

    fn with_capacity(rows: usize) -> GrowthColumns {
        GrowthColumns {
            keys: Vec::with_capacity(rows),
            period: DistinctBuilder::with_capacity(rows),
            value: Vec::with_capacity(rows),
            low: Vec::with_capacity(rows),
            high: Vec::with_capacity(rows),
            status: DistinctBuilder::with_capacity(rows),
            base_period: DistinctBuilder::with_capacity(rows),
            maybe: std::array::from_fn(|_| Vec::with_capacity(rows)),
        }
    }

    fn push(&mut self, key: SeriesKey, g: &GrowthRow) {
        self.keys.push(key);
        self.period.push(Some(g.period));
        self.value.push(g.value);
        self.low.push(g.low);
        self.high.push(g.high);
        self.status.push(Some(g.status));
        self.base_period.push(g.base_period);
        // Python's growth columns are percentages (its documented unit): the rates shown.
        let maybe = [
            g.base_value,
            g.change,
            g.change_low,
            g.change_high,
            g.rate.map(percent),
            g.rate_low.map(percent),
            g.rate_high.map(percent),
            g.multiple,
        ];
        for (column, number) in self.maybe.iter_mut().zip(maybe) {
            column.push(number.unwrap_or(f64::NAN));
        }
    }

    /// The columns, led by the series' keys and unit when the rows are keyed into
    /// `table`.
    fn finish(self, table: Option<&ObservationTable>) -> Columns {
        let mut columns = Columns::default();
        if let Some(table) = table {
            columns.push_keys(table, self.keys.iter().copied(), true);
        }
        columns.push("period", self.period.finish().texts(|p| p.to_string()));
        columns.push("value", Column::Float(self.value));
        columns.push("low", Column::Float(self.low));
        columns.push("high", Column::Float(self.high));
        columns.push(
            "status",
            self.status.finish().texts(|s| s.code().to_owned()),
        );
        let mut maybe = self.maybe.into_iter();
        let mut next = || Column::Float(maybe.next().expect("eight columns"));
        columns.push(
            "base_period",
            self.base_period.finish().texts(|p| p.to_string()),
        );
        for name in GrowthColumns::MAYBE {
            columns.push(name, next());
        }
        columns
    }
}

/// Each row's position in the list of distinct values, in the order first seen.
struct Distinct<T> {
    codes: Vec<i32>,
    values: Vec<T>,
}

impl<T: Eq + Hash + Copy> Distinct<T> {
    fn of(rows: impl Iterator<Item = Option<T>>) -> Distinct<T> {
        let mut distinct = DistinctBuilder::with_capacity(rows.size_hint().0);
        for value in rows {
            distinct.push(value);
        }
        distinct.finish()
    }

    fn texts(self, text: impl Fn(T) -> String) -> Column {
        Column::Text {
            codes: self.codes,
            values: self.values.into_iter().map(text).collect(),
        }
    }
}

/// A [`Distinct`] built a row at a time.
struct DistinctBuilder<T> {
    seen: HashMap<T, i32>,
    distinct: Distinct<T>,
    /// Neighbouring rows mostly repeat a value: checked before the hash.
    last: Option<(T, i32)>,
}

impl<T: Eq + Hash + Copy> DistinctBuilder<T> {
    fn with_capacity(rows: usize) -> DistinctBuilder<T> {
        DistinctBuilder {
            seen: HashMap::default(),
            distinct: Distinct {
                codes: Vec::with_capacity(rows),
                values: Vec::new(),
            },
            last: None,
        }
    }

    fn push(&mut self, value: Option<T>) {
        let code = match value {
            None => -1,
            Some(v) => match self.last {
                Some((l, code)) if l == v => code,
                _ => {
                    let values = &mut self.distinct.values;
                    let code = *self.seen.entry(v).or_insert_with(|| {
                        values.push(v);
                        values.len() as i32 - 1
                    });
                    self.last = Some((v, code));
                    code
                }
            },
        };
        self.distinct.codes.push(code);
    }

    fn finish(self) -> Distinct<T> {
        self.distinct
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, NewObservation, Qualifier};

    #[test]
    fn indicators_give_directed_and_signed_as_yes_or_no_and_no_text_as_minus_one() {
        let tourists = Indicator::new("tourists", "Tourists", "persons", Kind::Flow, true);
        let mut balance = Indicator::new("balance", "Trade balance", "USD", Kind::Flow, false);
        balance.signed = true;
        balance.description = Some("Exports less imports".to_owned());
        let columns = Columns::of_indicators(&[tourists, balance]);
        assert_eq!(
            columns.names,
            [
                "code",
                "name",
                "unit",
                "kind",
                "directed",
                "signed",
                "description",
                "topic",
                "phrase"
            ]
        );
        assert_eq!(
            columns.get("directed"),
            Some(&Column::Bool(vec![true, false]))
        );
        assert_eq!(
            columns.get("signed"),
            Some(&Column::Bool(vec![false, true]))
        );
        let description = columns.get("description").unwrap();
        assert_eq!(description.text(0), None);
        assert_eq!(description.text(1), Some("Exports less imports"));
        assert_eq!(columns.get("kind").unwrap().text(1), Some("flow"));
    }

    #[test]
    fn lists_keep_each_rows_items_between_two_offsets() {
        // Rows of 2, 0 and 1 items: offsets 0, 2, 2, 3.
        let values = Column::Int(vec![Some(7), Some(8), Some(9)]);
        let column = Column::of_lists([2, 0, 1].into_iter(), values);
        let Column::List { offsets, .. } = &column else {
            panic!("not a list: {column:?}");
        };
        assert_eq!(offsets, &[0, 2, 2, 3]);
        assert_eq!(column.len(), 3);
    }

    #[test]
    fn events_give_a_month_as_its_first_and_last_day_since_1970() {
        let event = Event {
            date: "2025-05".parse().unwrap(),
            a: "AZE".to_owned(),
            b: "KAZ".to_owned(),
            kind: "summit".to_owned(),
            title: "Summit".to_owned(),
            place: None,
            source: Some("caspian-post".to_owned()),
            quote: None,
            note: None,
        };
        let columns = Columns::of_events(&[event]);
        // 1970 → 2025 is 55 years with 14 leap days (1972 … 2024): 55 × 365 + 14 =
        // 20,089 days to 1 January 2025; then January 31 + February 28 + March 31 +
        // April 30 = 120 days to 1 May, and 30 more to 31 May.
        assert_eq!(columns.get("start"), Some(&Column::Date(vec![20_209])));
        assert_eq!(columns.get("end"), Some(&Column::Date(vec![20_239])));
        assert_eq!(columns.get("date").unwrap().text(0), Some("2025-05"));
        assert_eq!(columns.get("place").unwrap().text(0), None);
        assert_eq!(columns.get("source").unwrap().text(0), Some("caspian-post"));
    }

    #[test]
    fn sources_give_published_as_the_period_text_or_none() {
        let source = |id: &str, published: Option<&str>| Source {
            id: id.to_owned(),
            title: id.to_uppercase(),
            publisher: None,
            url: None,
            published: published.map(|p| p.parse().unwrap()),
        };
        let columns = Columns::of_sources(&[source("a", Some("2024-05")), source("b", None)]);
        let published = columns.get("published").unwrap();
        assert_eq!(
            (published.text(0), published.text(1)),
            (Some("2024-05"), None)
        );
        assert_eq!(columns.get("title").unwrap().text(1), Some("B"));
    }

    #[test]
    fn growth_leaves_for_python_in_percent_while_the_rows_hold_fractions() {
        // Exactly 160 in 2023, over 200 in 2024 ([200, 300]), as in the test of
        // src/analysis/growth.rs: the rate 200 / 160 − 1 = 0.25 with bounds
        // [0.25, 300 / 160 − 1 = 0.875] leaves as 25.0 % [25.0, 87.5], Python's unit.
        let mut store = Store::in_memory().unwrap();
        store
            .add(&NewObservation::builder(
                "exports", "GEO", "ARM", "2023", 160.0,
            ))
            .unwrap();
        let over = NewObservation::builder("exports", "GEO", "ARM", "2024", 200.0)
            .qualifier(Qualifier::Over);
        store.add(&over).unwrap();
        let growth = store
            .growth(&SeriesFilter::series("exports", "GEO", "ARM"))
            .unwrap();
        assert_eq!(growth[1].rate, Some(0.25));
        let columns = Columns::of_growth_rows(&growth);
        let column = |name| match columns.get(name) {
            Some(Column::Float(values)) => values[1],
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(
            (column("pct"), column("pct_low"), column("pct_high")),
            (25.0, 25.0, 87.5)
        );
    }

    #[test]
    fn growth_written_as_computed_keys_every_row_like_growth_collected_first() {
        // GEO→ARM exports 160 (2023), over 200 (2024); ARM→GEO 50 (2024) alone, so
        // without a base. Rows come in key order: ARM→GEO first (ARM < GEO).
        let mut store = Store::in_memory().unwrap();
        for (origin, destination, period, value) in [
            ("GEO", "ARM", "2023", 160.0),
            ("GEO", "ARM", "2024", 200.0),
            ("ARM", "GEO", "2024", 50.0),
        ] {
            let figure = NewObservation::builder("exports", origin, destination, period, value);
            store.add(&figure).unwrap();
        }
        let table = store
            .observation_table(&crate::ObservationFilter::default())
            .unwrap();
        let columns = Columns::of_growth_of_table(&table, None);
        let collected = Columns::of_growth(&table, &crate::analysis::growth_of_table(&table, None));
        // NaN is not equal to itself: compared as written out.
        assert_eq!(format!("{columns:?}"), format!("{collected:?}"));
        let text = |name: &str| {
            let column = columns.get(name).unwrap();
            (0..3).map(|i| column.text(i)).collect::<Vec<_>>()
        };
        assert_eq!(text("origin"), [Some("ARM"), Some("GEO"), Some("GEO")]);
        assert_eq!(text("base_period"), [None, None, Some("2023")]);
        let Some(Column::Float(pct)) = columns.get("pct") else {
            panic!("pct is a column of numbers")
        };
        // 200 / 160 − 1 = 25 %; no base, no growth.
        assert!(pct[0].is_nan() && pct[1].is_nan() && pct[2] == 25.0);
    }

    /// Every cell of every column as text, by column name: NaN is not equal to itself,
    /// and two routes may list a column's distinct texts in another order.
    fn cells(columns: &Columns) -> Vec<(String, Vec<String>)> {
        let cell = |column: &Column, i: usize| match column {
            Column::Float(v) => format!("{:?}", v[i]),
            Column::Int(v) => format!("{:?}", v[i]),
            Column::Text { .. } => format!("{:?}", column.text(i)),
            other => panic!("not a column these tables have: {other:?}"),
        };
        let names = columns.names.iter().map(|n| n.to_string());
        names
            .zip(&columns.columns)
            .map(|(name, column)| (name, (0..column.len()).map(|i| cell(column, i)).collect()))
            .collect()
    }

    fn texts<'a>(columns: &'a Columns, name: &str) -> Vec<Option<&'a str>> {
        let column = columns.get(name).unwrap();
        (0..column.len()).map(|i| column.text(i)).collect()
    }

    fn numbers(columns: &Columns, name: &str) -> Vec<f64> {
        match columns.get(name) {
            Some(Column::Float(values)) => values.clone(),
            other => panic!("{name}: {other:?}"),
        }
    }

    /// Exact figures of `indicator`, each `(origin, destination, product, period,
    /// value)`.
    fn store_of(indicator: &str, figures: &[(&str, &str, &str, &str, f64)]) -> Store {
        let mut store = Store::in_memory().unwrap();
        add(&mut store, indicator, figures);
        store
    }

    fn add(store: &mut Store, indicator: &str, figures: &[(&str, &str, &str, &str, f64)]) {
        for &(origin, destination, product, period, value) in figures {
            let figure = NewObservation::builder(indicator, origin, destination, period, value)
                .product(product);
            store.add(&figure).unwrap();
        }
    }

    #[test]
    fn change_read_from_the_table_gives_the_columns_of_change_from_each_series() {
        // GEO→ARM 100 (2020) to 150 (2022); ARM→GEO 0 to 30; GEO→TUR only 2022.
        let store = store_of(
            "exports",
            &[
                ("GEO", "ARM", "total", "2020", 100.0),
                ("GEO", "ARM", "total", "2022", 150.0),
                ("ARM", "GEO", "total", "2020", 0.0),
                ("ARM", "GEO", "total", "2022", 30.0),
                ("GEO", "TUR", "total", "2022", 70.0),
            ],
        );
        let every = SeriesFilter::default();
        let new = Columns::of_changes(&store.change_of_every(&every, "2020", "2022").unwrap());
        // The route before: a Series made of each, then its change.
        let (start, end) = ("2020".parse().unwrap(), "2022".parse().unwrap());
        let mut old = Vec::new();
        for series in store.series_matching(&every).unwrap() {
            old.extend(crate::analysis::change_where_defined(&series, &start, &end).unwrap());
        }
        assert_eq!(cells(&new), cells(&Columns::of_changes(&old)));
        // ARM before GEO; GEO→TUR has no 2020.
        assert_eq!(texts(&new, "origin"), [Some("ARM"), Some("GEO")]);
        // 30 − 0 = 30 without a ratio to zero; 150 − 100 = 50, 150 / 100 = 1.5, a rate
        // of 50 %, over two years a CAGR of √1.5 − 1.
        assert_eq!(numbers(&new, "change"), [30.0, 50.0]);
        let ratio = numbers(&new, "ratio");
        assert!(ratio[0].is_nan() && ratio[1] == 1.5);
        assert_eq!(numbers(&new, "pct")[1], 50.0);
        assert!((numbers(&new, "cagr")[1] - (1.5f64.sqrt() - 1.0)).abs() < 1e-12);
    }

    #[test]
    fn shares_written_as_computed_give_the_columns_of_the_share_rows() {
        // Exports GEO→ARM: total 100 and wine 10 in 2023, total 200, wine 50 and beer
        // 20 in 2024; ARM→GEO in 2024: total 0 and brandy 5. Turnover ARM–GEO 400 in
        // 2024.
        let mut store = store_of(
            "exports",
            &[
                ("GEO", "ARM", "total", "2023", 100.0),
                ("GEO", "ARM", "wine", "2023", 10.0),
                ("GEO", "ARM", "total", "2024", 200.0),
                ("GEO", "ARM", "wine", "2024", 50.0),
                ("GEO", "ARM", "beer", "2024", 20.0),
                ("ARM", "GEO", "total", "2024", 0.0),
                ("ARM", "GEO", "brandy", "2024", 5.0),
            ],
        );
        add(
            &mut store,
            "trade_turnover",
            &[("GEO", "ARM", "total", "2024", 400.0)],
        );
        let exports = SeriesFilter::default().indicator("exports");
        let of = |whole: &Whole| {
            let new = Columns::of_share_of_every(&store, &exports, whole).unwrap();
            let old = Columns::of_shares(&store.share_of_every(&exports, whole).unwrap());
            assert_eq!(cells(&new), cells(&old), "{whole:?}");
            new
        };
        // Of each pair's own total: brandy 5 / 0 has no share; wine 10 / 100 = 0.1, beer
        // 20 / 200 = 0.1 and wine 50 / 200 = 0.25, by period, then product. The totals
        // are the whole itself, not a part.
        let own = of(&Whole::total());
        assert_eq!(
            texts(&own, "origin"),
            [Some("ARM"), Some("GEO"), Some("GEO"), Some("GEO")]
        );
        assert_eq!(
            texts(&own, "period"),
            [Some("2024"), Some("2023"), Some("2024"), Some("2024")]
        );
        assert_eq!(
            texts(&own, "product"),
            [Some("brandy"), Some("wine"), Some("beer"), Some("wine")]
        );
        let share = numbers(&own, "share");
        assert!(share[0].is_nan() && share[1..] == [0.1, 0.1, 0.25]);
        assert_eq!(numbers(&own, "whole"), [0.0, 100.0, 200.0, 200.0]);
        // Of turnover, stored ARM–GEO for both directions, 2024 only: 5 / 400 =
        // 0.0125, 0 / 400 = 0, then 20 / 400 = 0.05, 200 / 400 = 0.5, 50 / 400 = 0.125.
        let turnover = of(&Whole::total().indicator("trade_turnover"));
        assert_eq!(
            texts(&turnover, "product"),
            [
                Some("brandy"),
                Some("total"),
                Some("beer"),
                Some("total"),
                Some("wine")
            ]
        );
        let shares = [0.0125, 0.0, 0.05, 0.5, 0.125];
        assert_eq!(numbers(&turnover, "share"), shares);
        assert_eq!(numbers(&turnover, "high"), shares);
    }

    #[test]
    fn per_capita_written_as_computed_gives_the_columns_of_the_per_capita_rows() {
        // 1,024,000 Azerbaijanis in 2030 and 2,048,000 Kazakhs: per 1,000 people the
        // figures are divided by 1,024 and 2,048, exactly in binary.
        let mut store = store_of(
            "tourists",
            &[
                ("AZE", "KAZ", "total", "2030", 4_000.0),
                ("KAZ", "AZE", "total", "2031", 600.0),
                ("TWN", "KAZ", "total", "2030", 500.0),
            ],
        );
        store
            .set_population("AZE", 2030, 1_024_000.0, None)
            .unwrap();
        store
            .set_population("KAZ", 2030, 2_048_000.0, None)
            .unwrap();
        let every = SeriesFilter::default();
        let new = Columns::of_per_capita_of_every(&store, &every, 1000.0, Basis::Origin).unwrap();
        let rows = store
            .per_capita_of_every(&every, 1000.0, Basis::Origin)
            .unwrap();
        assert_eq!(cells(&new), cells(&Columns::of_per_capita(&rows)));
        assert_eq!(
            texts(&new, "country"),
            [Some("AZE"), Some("KAZ"), Some("TWN")]
        );
        // 4,000 / 1,024 = 3.90625; 2031 takes 2030's Kazakhs: 600 / 2,048 = 0.29296875;
        // Taiwan has no population, so no figure per head.
        let per_head = numbers(&new, "per_capita");
        assert_eq!(per_head[..2], [3.906_25, 0.292_968_75]);
        assert!(per_head[2].is_nan());
        assert_eq!(
            new.get("population_year"),
            Some(&Column::Int(vec![Some(2030), Some(2030), None]))
        );
        assert_eq!(
            new.get("population"),
            Some(&Column::Int(vec![Some(1_024_000), Some(2_048_000), None]))
        );
        // By destination: Kazakhs, Kazakhs, Azerbaijanis.
        let by_destination =
            Columns::of_per_capita_of_every(&store, &every, 1000.0, Basis::Destination).unwrap();
        let rows = store
            .per_capita_of_every(&every, 1000.0, Basis::Destination)
            .unwrap();
        assert_eq!(
            cells(&by_destination),
            cells(&Columns::of_per_capita(&rows))
        );
        // 4,000 / 2,048 = 1.953125; 600 / 1,024 = 0.5859375; 500 / 2,048 = 0.244140625.
        assert_eq!(
            numbers(&by_destination, "per_capita"),
            [1.953_125, 0.585_937_5, 0.244_140_625]
        );
    }

    #[test]
    fn asymmetry_written_as_computed_gives_the_columns_of_the_asymmetry_rows() {
        // AZE→KAZ 300 and KAZ→AZE 200; GEO→KAZ 10 and KAZ→GEO 0; ARM→AZE one way only.
        let mut store = store_of(
            "exports",
            &[
                ("KAZ", "AZE", "total", "2024", 200.0),
                ("AZE", "KAZ", "total", "2024", 300.0),
                ("KAZ", "GEO", "total", "2024", 0.0),
                ("GEO", "KAZ", "total", "2024", 10.0),
                ("ARM", "AZE", "total", "2024", 50.0),
            ],
        );
        // Undirected: passed over.
        add(
            &mut store,
            "trade_turnover",
            &[("AZE", "KAZ", "total", "2024", 500.0)],
        );
        for filter in [
            SeriesFilter::default(),
            SeriesFilter::default().origin("KAZ"),
        ] {
            let new = Columns::of_asymmetry_of_every(&store, &filter).unwrap();
            let rows = store.asymmetry_of_every(&filter).unwrap();
            assert_eq!(cells(&new), cells(&Columns::of_asymmetry(&rows)));
            assert_eq!(texts(&new, "a"), [Some("AZE"), Some("GEO")]);
            assert_eq!(texts(&new, "b"), [Some("KAZ"), Some("KAZ")]);
            // 300 / 200 = 1.5 and 300 − 200 = 100; 10 / 0 is undefined, 10 − 0 = 10.
            let ratio = numbers(&new, "ratio");
            assert!(ratio[0] == 1.5 && ratio[1].is_nan());
            assert_eq!(numbers(&new, "net"), [100.0, 10.0]);
            assert_eq!(numbers(&new, "b_to_a"), [200.0, 0.0]);
        }
    }
}
