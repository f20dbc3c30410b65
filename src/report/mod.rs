//! The bilateral report: what the store holds for a pair, as a headline, sections of
//! generated sentences, tables and charts, numbered notes that trace every figure to
//! its source, period and quote, and the list of sources.
//!
//! The sentences are built only from stored and derived figures; nothing in here
//! knows about any particular dataset. Rendering to Markdown, HTML and SVG lives in
//! [`crate::render`].
//!
//! A report is made in two steps. `gather.rs` reads everything the report needs
//! for the pair from the store once (the observations between the two, indicators,
//! events, sources, populations); then pure composers turn that into text, each
//! returning its sentences, table or chart: `series.rs` (a series' latest figure,
//! growth, long run, share of a whole, per capita), `targets.rs` (targets and
//! projections), `directions.rs` (both directions side by side), `mirror.rs` (a flow
//! reported from both ends, the exporter's exports beside the importer's imports),
//! `timeline.rs` (events), `claims.rs` (what the figures say about the claims),
//! `findings.rs` (what a reader should hear first: consistency, contradicted and
//! undercut claims, records), `tables.rs` (figures and growth), `charts.rs`,
//! `products.rs` (the largest products by name, the rest summed, the appendix of every
//! product), `periodic.rs` (the year to date of a monthly or quarterly series);
//! `notes.rs` hands out the citation numbers. `compose.rs` puts
//! them together into the report, as `options.rs` (the caller's [`ReportOptions`]) asks.
//! `summary.rs` is the plain-text listing of a whole store.

mod charts;
mod claims;
mod compose;
mod directions;
mod findings;
mod gather;
mod headline;
mod mirror;
mod notes;
mod options;
mod periodic;
mod products;
mod reading;
mod series;
mod summary;
mod tables;
mod targets;
mod timeline;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use charts::{Chart, ChartEvent, ChartKind, ChartPoint, ChartSeries};
pub use findings::{
    Finding, FindingFigure, FindingKind, FindingSeverity, RECORD_MIN_YEARS, SUMMARY_FINDINGS,
};
pub use options::ReportOptions;
pub use products::APPENDIX_PRODUCTS;
pub use summary::summary;
pub use tables::TABLE_PERIODS;

use crate::columns::{Column as DataColumn, Columns};
use crate::error::{Error, Result};
use crate::model::{Country, Observation, ObservationTable, Source, Status};
use crate::period::Period;
use crate::store::Store;

/// A complete report on the relationship between two countries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// "Azerbaijan and Kazakhstan".
    pub title: String,
    /// The first country.
    pub a: Country,
    /// The second country.
    pub b: Country,
    /// The summary: the latest figure, and its change, of the few series that define
    /// the relationship (at most eight, chosen by the rule `report/headline.rs`
    /// documents: trade, investment, transport and people, the pair as a whole and
    /// each way).
    pub headline: Vec<Sentence>,
    /// What the figures say that a reader should hear first: consistency errors and
    /// warnings, claims the figures contradict or point against, records; strongest
    /// first. Those marked `summary` lead the Summary (before `headline`); each also
    /// sits in the sections it names.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// One section per topic that has figures or events.
    pub sections: Vec<Section>,
    /// Every cited figure, numbered as the sentences and tables cite it.
    pub notes: Vec<Note>,
    /// The sources the notes and events cite.
    pub sources: Vec<Source>,
    /// "How to read this report": what brackets, estimates, targets, projections and
    /// plans mean, and the period of the most recent measured figures; a paragraph each.
    #[serde(default)]
    pub how_to_read: Vec<String>,
    /// Every figure the report covers (the pair's stored figures within the options'
    /// periods and topics, implied ranges excluded), in the order of the tables: the full
    /// record that the tables abridge to what the text cites and each series' latest
    /// periods ([`ReportOptions::table_periods`]). It stays out of the page and the JSON,
    /// which would otherwise grow with the data (a report read back from JSON has none);
    /// [`Report::write_appendix`] writes it as CSV.
    #[serde(skip)]
    pub figures: ObservationTable,
    /// The names of the products `figures` names, by code, for the appendix file.
    #[serde(skip)]
    pub(crate) product_names: HashMap<String, String>,
}

impl Report {
    /// Writes every figure of [`Report::figures`] to the CSV file at `path` (created, or
    /// replaced) in the library's own format, the one [`Store::export_csv`] writes and
    /// [`Store::import_csv`] reads; returns how many it wrote.
    ///
    /// ```
    /// let report = bilateral::Store::demo()?.report("AZE", "KAZ")?;
    /// let dir = tempfile::tempdir().unwrap();
    /// let written = report.write_appendix(dir.path().join("figures.csv"))?;
    /// assert_eq!(written, report.figures.len());
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn write_appendix(&self, path: impl AsRef<std::path::Path>) -> Result<usize> {
        crate::files::csv::write_table(path.as_ref(), &self.figures, &self.product_names)
    }
}

/// One part of a report: trade, investment, transport, people, cooperation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The topic code (`trade`, `investment` …).
    pub id: String,
    /// The heading.
    pub title: String,
    /// Generated sentences.
    pub sentences: Vec<Sentence>,
    /// Tables of the figures behind the sentences.
    pub tables: Vec<Table>,
    /// Charts, where a chart says it better.
    pub charts: Vec<Chart>,
}

/// A generated sentence and the notes of the figures it uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// The text.
    pub text: String,
    /// Numbers of the [`Note`]s it cites.
    pub notes: Vec<usize>,
}

/// Where a figure comes from, and which stored figure it is: the indicator, pair,
/// product, period, status and source identify one stored figure (as the store's
/// duplicate check does), so that [`Note::cites`] matches a note to exactly one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The number sentences and tables cite.
    pub number: usize,
    /// Indicator code.
    pub indicator: String,
    /// Origin country of the figure, alpha-3 (for an undirected indicator, the first
    /// of the pair alphabetically, as stored).
    #[serde(default)]
    pub origin: String,
    /// Destination country of the figure, alpha-3.
    #[serde(default)]
    pub destination: String,
    /// Product code (`total` for the whole).
    #[serde(default)]
    pub product: String,
    /// The figure's value in base units, as stored.
    #[serde(default)]
    pub value: f64,
    /// What the figure is, in words ("Tourist visits from Azerbaijan to Kazakhstan").
    pub subject: String,
    /// The period.
    pub period: Period,
    /// The figure in words, bounds included where they differ.
    pub figure: String,
    /// Status of the figure.
    pub status: Status,
    /// Source id.
    pub source: Option<String>,
    /// The sentence it came from.
    pub quote: Option<String>,
    /// Notes stored with the figure.
    pub note: Option<String>,
}

impl Note {
    /// Note `number` on `obs`, described as `subject`.
    pub(crate) fn citing(number: usize, subject: String, obs: &Observation) -> Note {
        Note {
            number,
            indicator: obs.indicator.clone(),
            origin: obs.origin.clone(),
            destination: obs.destination.clone(),
            product: obs.product.clone(),
            value: obs.value,
            subject,
            period: obs.period,
            figure: crate::words::describe_observation(obs),
            status: obs.status,
            source: obs.source.clone(),
            quote: obs.quote.clone(),
            note: obs.note.clone(),
        }
    }

    /// True when the note cites `obs`: the same indicator, pair, product, period,
    /// status and source (what identifies a stored figure) and the same value.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let report = store.report("AZE", "KAZ")?;
    /// let stored = store.observations_between("AZE", "KAZ")?;
    /// for note in &report.notes {
    ///     let cited = stored.iter().filter(|o| note.cites(o)).count();
    ///     // Each note cites one stored figure, or none when the figure is implied.
    ///     assert!(cited <= 1, "note {} cites {cited} figures", note.number);
    /// }
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn cites(&self, obs: &Observation) -> bool {
        self.indicator == obs.indicator
            && self.origin == obs.origin
            && self.destination == obs.destination
            && self.product == obs.product
            && self.period == obs.period
            && self.status == obs.status
            && self.source == obs.source
            && self.value == obs.value
    }
}

/// A table: named columns and rows of cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Caption.
    pub title: String,
    /// Columns, in order.
    pub columns: Vec<Column>,
    /// Rows of cells, one per column.
    pub rows: Vec<Vec<Cell>>,
    /// A line below the table: what it leaves out, and where the rest is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footnote: Option<String>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Name.
    pub name: String,
    /// False for columns that only data frames show (numbers the text renders already
    /// show in words).
    pub visible: bool,
    /// The unit and scale every figure of the column is written in ("million USD"),
    /// which the header says once instead of each cell; `None` where the cells carry
    /// their own units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// True for a column of figures, which a page right-aligns so that their digits
    /// line up.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numeric: bool,
}

impl Column {
    /// The column's name as a header shows it: with its unit, if it has one ("figure
    /// (million USD)").
    pub fn header(&self) -> String {
        match &self.unit {
            Some(unit) => format!("{} ({unit})", self.name),
            None => self.name.clone(),
        }
    }

    /// Columns from `(name, visible)` pairs.
    pub fn list(columns: &[(&str, bool)]) -> Vec<Column> {
        columns
            .iter()
            .map(|&(name, visible)| Column {
                name: name.to_owned(),
                visible,
                unit: None,
                numeric: false,
            })
            .collect()
    }
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    /// A whole number (a note number).
    Integer(i64),
    /// A number.
    Number(f64),
    /// Text.
    Text(String),
    /// Nothing.
    Empty,
}

impl Columns {
    /// A report table under its own column names (not the headers, which add the
    /// unit): a column whose cells are all numbers (or empty, NaN) when the table has
    /// rows is a float column, note numbers included; any other column is text, a number
    /// among its texts written as text, and an empty cell none.
    pub fn of_report_table(table: &Table) -> Columns {
        let mut columns = Columns::default();
        for (i, column) in table.columns.iter().enumerate() {
            let cells = table
                .rows
                .iter()
                .map(|row| row.get(i).unwrap_or(&Cell::Empty));
            let numeric = !table.rows.is_empty()
                && cells
                    .clone()
                    .all(|c| matches!(c, Cell::Integer(_) | Cell::Number(_) | Cell::Empty));
            let built = if numeric {
                DataColumn::Float(
                    cells
                        .map(|cell| match cell {
                            Cell::Integer(n) => *n as f64,
                            Cell::Number(x) => *x,
                            _ => f64::NAN,
                        })
                        .collect(),
                )
            } else {
                let texts: Vec<Option<String>> = cells
                    .map(|cell| match cell {
                        Cell::Text(text) => Some(text.clone()),
                        Cell::Integer(n) => Some(n.to_string()),
                        Cell::Number(x) => Some(x.to_string()),
                        Cell::Empty => None,
                    })
                    .collect();
                DataColumn::of_texts(texts.iter().map(Option::as_deref))
            };
            columns.push(column.name.clone(), built);
        }
        columns
    }

    /// A report's notes, one row each: number (a whole number), indicator, subject,
    /// period (its canonical text), figure, status (its code), source, quote, note.
    pub fn of_report_notes(notes: &[Note]) -> Columns {
        let mut columns = Columns::default();
        let text = |f: fn(&Note) -> Option<&str>| DataColumn::of_texts(notes.iter().map(f));
        columns.push(
            "number",
            DataColumn::Int(notes.iter().map(|n| i64::try_from(n.number).ok()).collect()),
        );
        columns.push("indicator", text(|n| Some(&n.indicator)));
        columns.push("subject", text(|n| Some(&n.subject)));
        let periods: Vec<String> = notes.iter().map(|n| n.period.to_string()).collect();
        columns.push(
            "period",
            DataColumn::of_texts(periods.iter().map(|p| Some(p.as_str()))),
        );
        columns.push("figure", text(|n| Some(&n.figure)));
        columns.push("status", text(|n| Some(n.status.code())));
        columns.push("source", text(|n| n.source.as_deref()));
        columns.push("quote", text(|n| n.quote.as_deref()));
        columns.push("note", text(|n| n.note.as_deref()));
        columns
    }

    /// A report's findings, one row each, strongest first: kind and severity (codes),
    /// text, summary (yes or no), sections (a list of section ids) and notes (a list of
    /// the note numbers it cites).
    pub fn of_report_findings(findings: &[Finding]) -> Columns {
        let mut columns = Columns::default();
        let text =
            |f: fn(&Finding) -> &str| DataColumn::of_texts(findings.iter().map(|x| Some(f(x))));
        columns.push("kind", text(|f| f.kind.code()));
        columns.push("severity", text(|f| f.severity.code()));
        columns.push("text", text(|f| &f.text));
        columns.push(
            "summary",
            DataColumn::Bool(findings.iter().map(|f| f.summary).collect()),
        );
        let sections = findings
            .iter()
            .flat_map(|f| f.sections.iter().map(|s| Some(s.as_str())));
        columns.push(
            "sections",
            DataColumn::of_lists(
                findings.iter().map(|f| f.sections.len()),
                DataColumn::of_texts(sections),
            ),
        );
        let notes = findings
            .iter()
            .flat_map(|f| f.notes.iter().map(|&n| i64::try_from(n).ok()));
        columns.push(
            "notes",
            DataColumn::of_lists(
                findings.iter().map(|f| f.notes.len()),
                DataColumn::Int(notes.collect()),
            ),
        );
        columns
    }
}

impl Store {
    /// The report on countries `a` and `b` (alpha-3, alpha-2 or English names): every
    /// figure and event the store holds for the pair. An unknown country is a
    /// validation error; a pair with no data gives a short report that says so.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let report = store.report("Azerbaijan", "KZ")?;
    /// assert_eq!(report.title, "Azerbaijan and Kazakhstan");
    /// assert_eq!(report.sections[0].title, "Trade");
    /// assert!(report.sections[0].sentences[0].text.starts_with("Trade turnover reached $547.6 million in January–August 2025"));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn report(&self, a: &str, b: &str) -> Result<Report> {
        self.report_with(a, b, &ReportOptions::default())
    }

    /// [`Store::report`] with `options`.
    ///
    /// ```
    /// use bilateral::report::ReportOptions;
    ///
    /// let store = bilateral::Store::demo()?;
    /// let options = ReportOptions::default().include_implied(true);
    /// let report = store.report_with("AZE", "KAZ", &options)?;
    /// // the range "more than tripling" implies for January–August 2024, as a row of the
    /// // figures table with a note that names the claim; no growth is computed from it
    /// let note = report.notes.iter().find(|n| n.period.to_string() == "2024-01/2024-08").unwrap();
    /// assert!(note.note.as_deref().unwrap().starts_with("Implied, not published"));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn report_with(&self, a: &str, b: &str, options: &ReportOptions) -> Result<Report> {
        let a = self.country(a).map_err(|e| e.for_field("a"))?;
        let b = self.country(b).map_err(|e| e.for_field("b"))?;
        if a.alpha3 == b.alpha3 {
            return Err(Error::invalid_as(
                crate::error::ErrorKind::SameCountry,
                "b",
                b.alpha3,
                "is the same country as a",
            ));
        }
        options.check(&self.topics()?)?;
        let data = gather::gather(self, a, b, options)?;
        compose::compose(&data, options, || self.check_interrupt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: &[&str], rows: Vec<Vec<Cell>>) -> Table {
        Table {
            title: "t".to_owned(),
            columns: Column::list(&columns.iter().map(|&c| (c, true)).collect::<Vec<_>>()),
            rows,
            footnote: None,
        }
    }

    #[test]
    fn a_report_table_keeps_numbers_as_floats_and_anything_else_as_text() {
        let rows = vec![
            vec![
                Cell::Text("a".into()),
                Cell::Integer(3),
                Cell::Text("x".into()),
            ],
            vec![Cell::Empty, Cell::Number(2.5), Cell::Integer(7)],
        ];
        let columns = Columns::of_report_table(&table(&["name", "note", "mixed"], rows));
        assert_eq!(columns.names, ["name", "note", "mixed"]);
        assert_eq!(columns.get("name").unwrap().text(1), None);
        // The whole number 3 becomes 3.0; 2.5 stays.
        assert_eq!(
            columns.get("note"),
            Some(&DataColumn::Float(vec![3.0, 2.5]))
        );
        // A number among texts is written as text: 7 is "7".
        let mixed = columns.get("mixed").unwrap();
        assert_eq!((mixed.text(0), mixed.text(1)), (Some("x"), Some("7")));
    }

    #[test]
    fn a_report_table_without_rows_has_only_text_columns() {
        let columns = Columns::of_report_table(&table(&["figure", "value"], Vec::new()));
        assert_eq!(columns.rows(), 0);
        assert!(columns
            .columns
            .iter()
            .all(|c| matches!(c, DataColumn::Text { .. })));
    }
}
