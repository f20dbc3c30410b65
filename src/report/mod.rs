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
//! projections), `directions.rs` (both directions side by side), `timeline.rs`
//! (events), `claims.rs` (what the figures say about the claims), `tables.rs` (figures
//! and growth), `charts.rs`; `notes.rs` hands out the
//! citation numbers. `summary.rs` is the plain-text listing of a whole store.

mod charts;
mod claims;
mod directions;
mod gather;
mod notes;
mod reading;
mod series;
mod summary;
mod tables;
mod targets;
mod timeline;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

pub use charts::{Chart, ChartEvent, ChartKind, ChartPoint, ChartSeries};
pub use summary::summary;

use crate::error::{Error, Result};
use crate::model::{Country, Source, Status, Topic};
use crate::period::Period;
use crate::store::Store;
use gather::{Gathered, SeriesKey};
use notes::Notes;

/// A complete report on the relationship between two countries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// "Azerbaijan and Kazakhstan".
    pub title: String,
    /// The first country.
    pub a: Country,
    /// The second country.
    pub b: Country,
    /// The latest figure, and its growth, of each series.
    pub headline: Vec<Sentence>,
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

/// Where a figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The number sentences and tables cite.
    pub number: usize,
    /// Indicator code.
    pub indicator: String,
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

/// A table: named columns and rows of cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Caption.
    pub title: String,
    /// Columns, in order.
    pub columns: Vec<Column>,
    /// Rows of cells, one per column.
    pub rows: Vec<Vec<Cell>>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Name.
    pub name: String,
    /// False for columns that only data frames show (numbers the text renders already
    /// show in words).
    pub visible: bool,
}

impl Column {
    /// Columns from `(name, visible)` pairs.
    pub fn list(columns: &[(&str, bool)]) -> Vec<Column> {
        columns
            .iter()
            .map(|&(name, visible)| Column {
                name: name.to_owned(),
                visible,
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
            return Err(Error::invalid("b", b.alpha3, "is the same country as a"));
        }
        let data = gather::gather(self, a, b)?;
        compose(&data, options, || self.check_interrupt())
    }
}

/// What a report includes beyond the stored figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// Adds to each section's table of figures the ranges the claims imply for figures
    /// nobody published, as estimate rows whose note names the claim. They are never a
    /// base for growth or any other computation.
    pub include_implied: bool,
}

impl ReportOptions {
    /// These options with [`ReportOptions::include_implied`] set to `yes`.
    pub fn include_implied(mut self, yes: bool) -> ReportOptions {
        self.include_implied = yes;
        self
    }
}

/// The report from the gathered data; `interrupted` is asked between series, so that
/// a long report stops when its caller wants it to.
fn compose(
    data: &Gathered,
    options: &ReportOptions,
    interrupted: impl Fn() -> Result<()>,
) -> Result<Report> {
    let pair = &data.pair;
    let mut notes = Notes::default();
    let claim_checks = claims::checks(data);
    let implied: Vec<crate::model::Observation> = if options.include_implied {
        claims::implied_rows(data, &claim_checks)
    } else {
        Vec::new()
    };
    let keys = data.series_keys();
    let mut headline = Vec::new();
    let mut sections = Vec::new();
    let mut uses_population = false;
    for entry in &data.topics {
        let topic = &entry.topic;
        let topic_keys: Vec<&SeriesKey> = keys
            .iter()
            .filter(|k| &data.indicator(&k.indicator).topic == topic)
            .collect();
        let events: &[crate::model::Event] = if *topic == Topic::COOPERATION {
            &data.events
        } else {
            &[]
        };
        if topic_keys.is_empty() && events.is_empty() {
            continue;
        }
        let mut section = Section {
            id: topic.code().to_owned(),
            title: entry.title.clone(),
            sentences: Vec::new(),
            tables: Vec::new(),
            charts: Vec::new(),
        };
        let mut growth_rows = Vec::new();
        let mut directions_described = HashSet::new();
        for (i, key) in topic_keys.iter().enumerate() {
            interrupted()?;
            let indicator = data.indicator(&key.indicator);
            let actual = data.series(indicator, &key.origin, &key.destination, &key.product, None);
            let forward = |status| {
                data.series(
                    indicator,
                    &key.origin,
                    &key.destination,
                    &key.product,
                    Some(status),
                )
            };
            let (targets, projections) = (forward(Status::Target), forward(Status::Projection));
            let subject = pair.subject(&actual);
            if let Some(paragraph) = series::describe(data, &mut notes, &actual, &subject)? {
                section.sentences.extend(paragraph.sentences);
                headline.push(paragraph.headline);
                growth_rows.extend(paragraph.growth_rows);
                uses_population |= paragraph.uses_population;
            }
            let (sentences, charts) = targets::progress(&mut notes, &actual, &targets, &subject);
            section.sentences.extend(sentences);
            section.charts.extend(charts);
            section.sentences.extend(targets::growth_needed(
                &mut notes,
                &actual,
                &targets,
                &projections,
                &subject,
            ));
            section.charts.extend(charts::series_chart(
                &mut notes,
                &actual,
                &[&targets, &projections],
                &subject,
            ));
            // The two directions side by side, once both have been described.
            let last_of_product = topic_keys
                .get(i + 1)
                .is_none_or(|next| next.indicator != key.indicator || next.product != key.product);
            if indicator.directed
                && last_of_product
                && directions_described.insert((&key.indicator, &key.product))
            {
                let (sentences, chart) =
                    directions::describe(data, &mut notes, indicator, &key.product);
                section.sentences.extend(sentences);
                section.charts.extend(chart);
            }
        }
        let figures = tables::figures(data, &mut notes, topic, &implied);
        if !figures.rows.is_empty() {
            section.tables.push(figures);
        }
        if !growth_rows.is_empty() {
            section.tables.push(tables::growth(growth_rows));
        }
        if !events.is_empty() {
            section.sentences.push(timeline::sentence(events));
            section.tables.push(timeline::table(events));
            section.charts.push(timeline::chart(events));
        }
        sections.push(section);
    }
    sections.extend(claims::section(data, &mut notes, &claim_checks));
    if sections.is_empty() {
        headline.push(Sentence {
            text: format!(
                "The store holds no figures or events for {} and {}.",
                pair.a.display_name(),
                pair.b.display_name()
            ),
            notes: Vec::new(),
        });
    }
    let notes = notes.into_vec();
    let sources = data.cited_sources(&notes, uses_population);
    Ok(Report {
        title: format!("{} and {}", pair.a.display_name(), pair.b.display_name()),
        a: pair.a.clone(),
        b: pair.b.clone(),
        headline,
        sections,
        notes,
        sources,
        how_to_read: reading::how_to_read(data),
    })
}
