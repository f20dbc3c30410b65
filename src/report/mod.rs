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
//! and growth), `charts.rs`, `products.rs` (the largest products by name, the rest
//! summed, the appendix of every product), `periodic.rs` (the year to date of a monthly
//! or quarterly series); `notes.rs` hands out the citation numbers. `summary.rs` is the plain-text listing of a whole store.

mod charts;
mod claims;
mod directions;
mod gather;
mod headline;
mod notes;
mod periodic;
mod products;
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
    /// The summary: the latest figure, and its change, of the few series that define
    /// the relationship (at most eight, chosen by the rule `report/headline.rs`
    /// documents: trade, investment, transport and people, the pair as a whole and
    /// each way).
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
        options.check(&self.topics()?)?;
        let data = gather::gather(self, a, b, options)?;
        compose(&data, options, || self.check_interrupt())
    }
}

/// What a report includes beyond the stored figures, and what it leaves out. Made with
/// [`ReportOptions::default`] and the setters, so that options added later do not break
/// callers.
///
/// ```
/// use bilateral::report::ReportOptions;
/// use bilateral::Period;
///
/// let options = ReportOptions::default()
///     .since("2024".parse::<Period>()?)
///     .top(5)
///     .title("Trade between Azerbaijan and Kazakhstan")
///     .topics(["trade"]);
/// let report = bilateral::Store::demo()?.report_with("AZE", "KAZ", &options)?;
/// assert_eq!(report.title, "Trade between Azerbaijan and Kazakhstan");
/// assert_eq!(report.sections[0].id, "trade");
/// assert!(report.sections.iter().all(|s| s.id != "investment"));
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// Adds to each section's table of figures the ranges the claims imply for figures
    /// nobody published, as estimate rows whose note names the claim. They are never a
    /// base for growth or any other computation.
    pub include_implied: bool,
    /// Only figures, events and claims whose period starts on or after this period's
    /// first day.
    pub since: Option<Period>,
    /// Only figures, events and claims whose period ends on or before this period's
    /// last day.
    pub until: Option<Period>,
    /// How many products of a series the report names, the largest by their latest
    /// value; the rest are summed as "other products" and listed in the appendix.
    pub top: usize,
    /// The report's title instead of "A and B".
    pub title: Option<String>,
    /// Only the sections of these topic codes (`trade`, `people` …); `None` for all.
    pub topics: Option<Vec<String>>,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            include_implied: false,
            since: None,
            until: None,
            top: 10,
            title: None,
            topics: None,
        }
    }
}

impl ReportOptions {
    /// These options with [`ReportOptions::include_implied`] set to `yes`.
    pub fn include_implied(mut self, yes: bool) -> ReportOptions {
        self.include_implied = yes;
        self
    }

    /// These options with [`ReportOptions::since`] set to `period`.
    pub fn since(mut self, period: Period) -> ReportOptions {
        self.since = Some(period);
        self
    }

    /// These options with [`ReportOptions::until`] set to `period`.
    pub fn until(mut self, period: Period) -> ReportOptions {
        self.until = Some(period);
        self
    }

    /// These options with [`ReportOptions::top`] set to `products`.
    pub fn top(mut self, products: usize) -> ReportOptions {
        self.top = products;
        self
    }

    /// These options with [`ReportOptions::title`] set to `title`.
    pub fn title(mut self, title: impl Into<String>) -> ReportOptions {
        self.title = Some(title.into());
        self
    }

    /// These options with [`ReportOptions::topics`] set to `topics`.
    pub fn topics<T: Into<String>>(mut self, topics: impl IntoIterator<Item = T>) -> ReportOptions {
        self.topics = Some(topics.into_iter().map(Into::into).collect());
        self
    }

    /// Refuses options that cannot make a report: an empty title, `until` before
    /// `since`, no topic or a topic the store does not have. The error names the option.
    fn check(&self, topics: &[crate::model::TopicEntry]) -> Result<()> {
        if let Some(title) = &self.title {
            if title.trim().is_empty() {
                return Err(Error::invalid("title", title, "is empty"));
            }
        }
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if until.end() < since.start() {
                return Err(Error::invalid(
                    "until",
                    until.to_string(),
                    format!("ends before since ({since}) starts"),
                ));
            }
        }
        if let Some(chosen) = &self.topics {
            if chosen.is_empty() {
                return Err(Error::invalid("topics", "[]", "names no topic"));
            }
            for code in chosen {
                if !topics.iter().any(|t| t.topic.code() == code) {
                    let known: Vec<&str> = topics.iter().map(|t| t.topic.code()).collect();
                    return Err(Error::invalid(
                        "topics",
                        code,
                        format!("is not a topic of the store ({})", known.join(", ")),
                    ));
                }
            }
        }
        Ok(())
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
    let choice = products::choose(data, &keys, options.top);
    let mut others_told = HashSet::new();
    let mut headline = Vec::new();
    let mut sections = Vec::new();
    let mut uses_population = false;
    for entry in &data.topics {
        let topic = &entry.topic;
        let mut topic_keys: Vec<&SeriesKey> = keys
            .iter()
            .filter(|k| &data.indicator(&k.indicator).topic == topic)
            .filter(|k| !choice.grouped.contains(k))
            .collect();
        // The products of a series in order of size, the largest first (a stable sort
        // keeps the rest of the order `series_keys` gives).
        topic_keys.sort_by_key(|k| {
            (
                k.product != "total",
                data.indicator(&k.indicator).directed,
                &k.indicator,
                k.origin != pair.a.alpha3,
                choice.rank.get(*k).copied().unwrap_or(0),
            )
        });
        let topic_others: Vec<&products::OtherProducts> = {
            let mut others: Vec<_> = choice
                .others
                .values()
                .filter(|o| &data.indicator(&o.key.indicator).topic == topic)
                .collect();
            others.sort_by(|x, y| {
                (&x.key.indicator, &x.key.origin).cmp(&(&y.key.indicator, &y.key.origin))
            });
            others
        };
        let events: &[crate::model::Event] = if *topic == Topic::COOPERATION {
            &data.events
        } else {
            &[]
        };
        if topic_keys.is_empty() && events.is_empty() && topic_others.is_empty() {
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
                headline.push(headline::Candidate {
                    topic: topic.clone(),
                    topic_position: data.topic_position(topic),
                    slot: match (indicator.directed, key.origin == pair.a.alpha3) {
                        (false, _) => headline::Slot::Pair,
                        (true, true) => headline::Slot::Forward,
                        (true, false) => headline::Slot::Back,
                    },
                    // A plan's figure is what was planned, not measured.
                    measured: indicator.kind != crate::model::Kind::Plan
                        && matches!(
                            paragraph.latest.status,
                            Status::Actual | Status::Provisional
                        ),
                    unit: indicator.unit.clone(),
                    value: paragraph.latest.value,
                    line: paragraph.headline,
                });
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
                &data.series(indicator, &key.destination, &key.origin, &key.product, None),
            ));
            // The products not named, after the last one named of their series.
            let group = key.with_product("total");
            let last_of_series = topic_keys
                .get(i + 1)
                .is_none_or(|next| next.product == "total" || next.with_product("total") != group);
            if key.product != "total" && last_of_series {
                if let Some(others) = choice.others.get(&group) {
                    others_told.insert(group);
                    section
                        .sentences
                        .push(products::other_products_sentence(data, others));
                }
            }
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
        // Series whose every product is grouped (a top of 0).
        for others in topic_others {
            if others_told.insert(others.key.clone()) {
                section
                    .sentences
                    .push(products::other_products_sentence(data, others));
            }
        }
        let figures = tables::figures(data, &mut notes, topic, &implied, |o| choice.named(o));
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
    if !choice.grouped.is_empty() {
        sections.push(products::appendix(data, &mut notes, &implied));
    }
    let mut headline = headline::lead(headline);
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
        title: options
            .title
            .clone()
            .unwrap_or_else(|| format!("{} and {}", pair.a.display_name(), pair.b.display_name())),
        a: pair.a.clone(),
        b: pair.b.clone(),
        headline,
        sections,
        notes,
        sources,
        how_to_read: reading::how_to_read(data),
    })
}
