//! The analyses as SQL text for other engines, over the folder
//! [`Store::export_parquet`](crate::Store::export_parquet) writes: for a store that has
//! outgrown one machine, whose export DuckDB (on a bigger box) or Spark reads.
//!
//! [`PortableSql`] builds one query per analysis (`growth.rs`, `change.rs`,
//! `mirror.rs`, `shares.rs`, `per_capita.rs`), each giving the rows and columns of the
//! library's own table over many series, in its order: the figures chosen as the
//! library chooses them (one per series and period, an actual figure before a
//! provisional one before an estimate, then the figure without a source, then the
//! first source by code; targets and projections only when a status asks for them),
//! the bases and bounds it computes, and empty ratio cells where it leaves them empty
//! (a base of zero, or with bounds that reach zero). Everything that differs between
//! the engines (reading the folder, date arithmetic, quoting, raising an error) is
//! [`Dialect`]'s, in this file.
//!
//! What the export cannot tell a query is whether an indicator is directed: a country
//! filter matches either end of an undirected indicator's pair, as the library's does,
//! for the indicators [`PortableSql::undirected`] names (by default the catalogue's,
//! `trade_turnover` and `flights`).
//!
//! ```
//! use bilateral::store::portable::{Dialect, PortableSql};
//! use bilateral::ObservationFilter;
//!
//! let filter = ObservationFilter { product: Some("total".into()), ..ObservationFilter::default() };
//! let sql = PortableSql::new(Dialect::Spark, "s3://bucket/observations").filter(filter).growth()?;
//! assert!(sql.contains("parquet.`s3://bucket/observations`"));
//! assert!(sql.contains("add_months(f.start, -12)"));
//! # Ok::<(), bilateral::Error>(())
//! ```

mod change;
mod growth;
mod mirror;
mod per_capita;
mod shares;

use std::fmt::Write as _;
use std::sync::OnceLock;

use super::countries::Countries;
use super::read::ObservationFilter;
use super::Store;
use crate::error::{Error, Result};
use crate::model::Status;
use crate::period::Period;

/// The SQL engine a query is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Dialect {
    /// DuckDB (1.0 and later): `read_parquet` over the folder's files.
    DuckDb,
    /// Spark SQL (3.0 and later, where `add_months` keeps the day of the month):
    /// the folder read as ``parquet.`folder` ``.
    Spark,
}

impl Dialect {
    /// Reads `duckdb` or `spark`, in any case.
    pub fn from_code(code: &str) -> Result<Dialect> {
        match code.trim().to_ascii_lowercase().as_str() {
            "duckdb" => Ok(Dialect::DuckDb),
            "spark" => Ok(Dialect::Spark),
            _ => Err(Error::invalid(
                "dialect",
                code,
                "is not a SQL dialect: expected duckdb or spark",
            )),
        }
    }

    /// `duckdb` or `spark`.
    pub fn code(self) -> &'static str {
        match self {
            Dialect::DuckDb => "duckdb",
            Dialect::Spark => "spark",
        }
    }

    /// The export's rows: every Parquet file under `folder`, the indicator from the
    /// folder names (as text: a reader may take a name of digits for a number).
    fn observations(self, folder: &str) -> String {
        match self {
            Dialect::DuckDb => {
                let files = format!("{}/**/*.parquet", folder.trim_end_matches('/'));
                format!(
                    "read_parquet({}, hive_partitioning = true, hive_types = {{'indicator': VARCHAR}})",
                    self.text(&files)
                )
            }
            Dialect::Spark => format!("parquet.{}", self.identifier(folder)),
        }
    }

    /// One Parquet file (the population table).
    fn parquet_file(self, path: &str) -> String {
        match self {
            Dialect::DuckDb => format!("read_parquet({})", self.text(path)),
            Dialect::Spark => format!("parquet.{}", self.identifier(path)),
        }
    }

    /// A quoted identifier: `"end"` in DuckDB, `` `end` `` in Spark.
    fn identifier(self, name: &str) -> String {
        match self {
            Dialect::DuckDb => format!("\"{}\"", name.replace('"', "\"\"")),
            Dialect::Spark => format!("`{}`", name.replace('`', "``")),
        }
    }

    /// A string literal. Spark reads backslash escapes in literals and joins two
    /// literals side by side (`'a''b'` is `ab`), so a quote is escaped with a
    /// backslash there, doubled in DuckDB.
    fn text(self, text: &str) -> String {
        match self {
            Dialect::DuckDb => format!("'{}'", text.replace('\'', "''")),
            Dialect::Spark => format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'")),
        }
    }

    /// A double literal that reads back as exactly `value`: a literal with a decimal
    /// point is a DECIMAL in both engines, so the shortest text that round-trips is
    /// cast.
    fn double(self, value: f64) -> String {
        format!("CAST('{value:?}' AS DOUBLE)")
    }

    /// The date `date` (an SQL expression) one year earlier, its day kept, or the last
    /// of the month where the month is shorter (29 February becomes the 28th), as
    /// [`Period::previous_year`] moves a day.
    fn year_earlier(self, date: &str) -> String {
        match self {
            Dialect::DuckDb => format!("CAST({date} - INTERVAL 1 YEAR AS DATE)"),
            Dialect::Spark => format!("add_months({date}, -12)"),
        }
    }

    /// An expression that fails the query with `message` when evaluated.
    fn error(self, message: &str) -> String {
        match self {
            Dialect::DuckDb => format!("error({})", self.text(message)),
            Dialect::Spark => format!("raise_error({})", self.text(message)),
        }
    }

    /// `"end"` or `` `end` ``: the column name both engines reserve.
    fn end(self) -> String {
        self.identifier("end")
    }
}

/// The analyses as SQL over a Parquet export, in one dialect: the folder, the filter of
/// the series (as the many-series calls of the library take it: `status` picks figures
/// as [`SeriesFilter::status`](crate::SeriesFilter::status) says) and the indicators
/// without a direction. One method per analysis gives the query's text.
#[derive(Debug, Clone)]
pub struct PortableSql {
    dialect: Dialect,
    folder: String,
    filter: ObservationFilter,
    undirected: Option<Vec<String>>,
}

impl PortableSql {
    /// Queries over the export in `folder` (a path or URL as the engine reads it),
    /// every series of every product until [`PortableSql::filter`] narrows them.
    pub fn new(dialect: Dialect, folder: &str) -> PortableSql {
        PortableSql {
            dialect,
            folder: folder.to_owned(),
            filter: ObservationFilter::default(),
            undirected: None,
        }
    }

    /// Only the series `filter` matches: an indicator, a country on either side of a
    /// pair (either end of an undirected indicator's), a product (`None` for every
    /// product: the library's calls default to `total`), and the status whose figures
    /// alone count.
    pub fn filter(mut self, filter: ObservationFilter) -> PortableSql {
        self.filter = filter;
        self
    }

    /// The indicators whose pairs have no direction (stored with the alphabetically
    /// first country as origin), for the country filters and the wholes of shares;
    /// by default the catalogue's undirected indicators. A store that defines its own
    /// names them here (`Store::indicators` tells which are undirected).
    pub fn undirected<S: AsRef<str>>(mut self, codes: impl IntoIterator<Item = S>) -> PortableSql {
        self.undirected = Some(codes.into_iter().map(|c| c.as_ref().to_owned()).collect());
        self
    }

    /// The indicators taken as undirected.
    fn undirected_codes(&self) -> Result<Vec<String>> {
        match &self.undirected {
            Some(codes) => Ok(codes.clone()),
            None => Ok(crate::builtin::catalogue()?
                .into_iter()
                .filter(|i| !i.directed)
                .map(|i| i.code)
                .collect()),
        }
    }

    fn is_undirected(&self, code: &str) -> Result<bool> {
        Ok(self.undirected_codes()?.iter().any(|c| c == code))
    }

    /// The status the filter names, checked.
    fn status(&self) -> Result<Option<Status>> {
        self.filter
            .status
            .as_deref()
            .map(Status::from_code)
            .transpose()
    }

    /// The filter's countries as alpha-3 codes (any form the store reads: `Georgia`,
    /// `GE`, `GEO`).
    fn countries(&self) -> Result<(Option<String>, Option<String>)> {
        let alpha3 = |text: &Option<String>, field: &str| -> Result<Option<String>> {
            text.as_deref()
                .map(|t| Ok(known_countries()?.id(t, field)?.1.to_owned()))
                .transpose()
        };
        Ok((
            alpha3(&self.filter.origin, "origin")?,
            alpha3(&self.filter.destination, "destination")?,
        ))
    }

    /// `indicator = 'code'`, when the filter names one.
    fn indicator_condition(&self) -> Option<String> {
        self.filter
            .indicator
            .as_deref()
            .map(|code| format!("indicator = {}", self.dialect.text(code)))
    }

    /// The product as the store matches it, its case aside (`C10T12` finds `c10t12`).
    fn product_condition(&self, product: &str) -> String {
        let code = super::product_code(product).to_ascii_lowercase();
        format!("lower(product) = {}", self.dialect.text(&code))
    }

    /// The filter's pair as the store reads it: `origin` and `destination` as given, or
    /// the other way round for an undirected indicator.
    fn pair_condition(&self) -> Result<Option<String>> {
        let (origin, destination) = self.countries()?;
        let undirected = self.undirected_codes()?;
        let t = |code: &str| self.dialect.text(code);
        let reversed = |condition: String| -> String {
            if undirected.is_empty() {
                return "FALSE".to_owned();
            }
            let codes: Vec<String> = undirected.iter().map(|c| t(c)).collect();
            format!("({condition} AND indicator IN ({}))", codes.join(", "))
        };
        Ok(match (origin.map(|o| t(&o)), destination.map(|d| t(&d))) {
            (Some(o), Some(d)) => Some(format!(
                "((origin = {o} AND destination = {d}) OR {})",
                reversed(format!("origin = {d} AND destination = {o}")),
            )),
            (Some(o), None) => Some(format!(
                "(origin = {o} OR {})",
                reversed(format!("destination = {o}")),
            )),
            (None, Some(d)) => Some(format!(
                "(destination = {d} OR {})",
                reversed(format!("origin = {d}")),
            )),
            (None, None) => None,
        })
    }

    /// The conditions of the filter's series: indicator, pair and product.
    fn series_conditions(&self) -> Result<Vec<String>> {
        let mut conditions: Vec<String> = self.indicator_condition().into_iter().collect();
        conditions.extend(self.pair_condition()?);
        if let Some(product) = &self.filter.product {
            conditions.push(self.product_condition(product));
        }
        Ok(conditions)
    }

    /// A common table expression `name` of the figures the library's series are made
    /// of, among the rows that meet `conditions`: one per series and period, the
    /// preferred one, with the columns the analyses read.
    fn figures(&self, name: &str, conditions: &[String]) -> Result<String> {
        self.figures_as(name, conditions, FIGURES)
    }

    /// [`PortableSql::figures`] under another comment than the first table's: a
    /// second table of figures chosen the same way says so in a line.
    fn more_figures(&self, name: &str, conditions: &[String]) -> Result<String> {
        self.figures_as(
            name,
            conditions,
            "    -- The figures chosen as above, one per series and period.",
        )
    }

    fn figures_as(&self, name: &str, conditions: &[String], comment: &str) -> Result<String> {
        let d = self.dialect;
        let end = d.end();
        let mut conditions = conditions.to_vec();
        conditions.push(match self.status()? {
            Some(status) => format!("status = {}", d.text(status.code())),
            None => "status NOT IN ('target', 'projection')".to_owned(),
        });
        let mut sql = String::new();
        let _ = write!(
            sql,
            "{name} AS (
{comment}
    SELECT indicator, origin, destination, product, unit, period, start, {end},
           value, low, high, status, source
    FROM (
        SELECT *, row_number() OVER (
            PARTITION BY indicator, origin, destination, product, start, {end}
            ORDER BY CASE status WHEN 'actual' THEN 0 WHEN 'provisional' THEN 1
                                 WHEN 'estimate' THEN 2 WHEN 'target' THEN 3 ELSE 4 END,
                     source NULLS FIRST
        ) AS preference
        FROM {source}
        WHERE {conditions}
    ) AS ranked
    WHERE preference = 1
)",
            source = d.observations(&self.folder),
            conditions = conditions.join("\n          AND "),
        );
        Ok(sql)
    }

    /// The condition that a figure covers exactly `period`: its columns `start` and
    /// `end` after `prefix` (`a.` for the figure `a`, empty in its own query).
    fn period_condition(&self, prefix: &str, period: &Period) -> String {
        format!(
            "{prefix}start = DATE '{}' AND {prefix}{} = DATE '{}'",
            period.start(),
            self.dialect.end(),
            period.end()
        )
    }
}

/// The period `text` names, or the validation error naming `field`.
fn period_of(field: &str, text: &str) -> Result<Period> {
    Period::parse(text).map_err(|e| e.for_field(field))
}

/// The comment of the first table of figures: how they are chosen.
const FIGURES: &str =
    "    -- One figure per series and period, as the library's series keep them: no targets
    -- or projections unless a status asks for them; an actual figure before a
    -- provisional one before an estimate, then the figure without a source, then the
    -- first source by code.";

/// The condition under which the library divides by the figure `bottom`: its bounds
/// stay on one side of zero (and so does its value).
fn off_zero(bottom: &str) -> String {
    format!("{bottom}.low > 0 OR {bottom}.high < 0")
}

/// `top / bottom` and its bounds, as the library divides intervals: where `defined`
/// holds (at least [`off_zero`]), the quotient of the values, and the smallest and
/// largest quotient of the bounds. Each item is an SQL expression over `top` and
/// `bottom`, the aliases of two figures, with `then` applied to the quotient
/// (`(q - 1) * 100` for a percentage).
fn ratio_columns(
    top: &str,
    bottom: &str,
    defined: &str,
    then: impl Fn(&str) -> String,
) -> [String; 3] {
    let quotients = format!(
        "{top}.low / {bottom}.low, {top}.low / {bottom}.high, \
         {top}.high / {bottom}.low, {top}.high / {bottom}.high"
    );
    [
        format!(
            "CASE WHEN {defined} THEN {} END",
            then(&format!("{top}.value / {bottom}.value"))
        ),
        format!(
            "CASE WHEN {defined} THEN {} END",
            then(&format!("least({quotients})"))
        ),
        format!(
            "CASE WHEN {defined} THEN {} END",
            then(&format!("greatest({quotients})"))
        ),
    ]
}

/// A fraction as the Python tables show it: in percent.
fn percent_of_rate(quotient: &str) -> String {
    format!("({quotient} - 1) * 100")
}

/// The store's countries, read once from a store in memory: the lookup of names, codes
/// and aliases the store itself uses.
fn known_countries() -> Result<&'static Countries> {
    static KNOWN: OnceLock<Countries> = OnceLock::new();
    if let Some(countries) = KNOWN.get() {
        return Ok(countries);
    }
    let store = Store::in_memory()?;
    Ok(KNOWN.get_or_init(|| store.countries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialect_is_read_from_its_code_in_any_case() {
        assert_eq!(Dialect::from_code(" Spark ").unwrap(), Dialect::Spark);
        assert_eq!(Dialect::from_code("duckdb").unwrap().code(), "duckdb");
        let error = Dialect::from_code("trino").unwrap_err();
        assert_eq!(error.validation().unwrap().field, "dialect");
    }

    #[test]
    fn a_quote_in_a_text_is_escaped_as_each_engine_reads_it() {
        assert_eq!(Dialect::DuckDb.text("it's"), "'it''s'");
        assert_eq!(Dialect::Spark.text("it's a\\b"), "'it\\'s a\\\\b'");
        assert_eq!(Dialect::Spark.identifier("a`b"), "`a``b`");
        assert_eq!(Dialect::DuckDb.identifier("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn a_double_is_written_as_text_that_reads_back_exactly() {
        // 1 / 3 has no short decimal: the shortest round-tripping text has 16 digits.
        assert_eq!(
            Dialect::DuckDb.double(1.0 / 3.0),
            "CAST('0.3333333333333333' AS DOUBLE)"
        );
        assert_eq!(Dialect::Spark.double(1000.0), "CAST('1000.0' AS DOUBLE)");
    }

    #[test]
    fn countries_are_read_in_any_form_the_store_reads() {
        let sql = PortableSql::new(Dialect::DuckDb, "x").filter(ObservationFilter {
            origin: Some("Georgia".into()),
            destination: Some("TR".into()),
            ..ObservationFilter::default()
        });
        assert_eq!(
            sql.countries().unwrap(),
            (Some("GEO".into()), Some("TUR".into()))
        );
        let wrong = sql.filter(ObservationFilter {
            origin: Some("Atlantis".into()),
            ..ObservationFilter::default()
        });
        assert_eq!(
            wrong.countries().unwrap_err().validation().unwrap().field,
            "origin"
        );
    }

    #[test]
    fn an_undirected_indicator_matches_a_pair_either_way_round() {
        let sql = PortableSql::new(Dialect::DuckDb, "x")
            .filter(ObservationFilter {
                origin: Some("KAZ".into()),
                ..ObservationFilter::default()
            })
            .undirected(["turnover"]);
        assert_eq!(
            sql.pair_condition().unwrap().unwrap(),
            "(origin = 'KAZ' OR (destination = 'KAZ' AND indicator IN ('turnover')))"
        );
        // None undirected: only the origin matches.
        let directed = sql.undirected(Vec::<String>::new());
        assert_eq!(
            directed.pair_condition().unwrap().unwrap(),
            "(origin = 'KAZ' OR FALSE)"
        );
    }

    #[test]
    fn by_default_the_catalogues_undirected_indicators_are_taken() {
        let sql = PortableSql::new(Dialect::DuckDb, "x");
        let codes = sql.undirected_codes().unwrap();
        assert!(codes.contains(&"trade_turnover".to_owned()), "{codes:?}");
        assert!(!codes.contains(&"exports".to_owned()));
    }
}
