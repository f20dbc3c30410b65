//! The bilateral report: what the store holds for a pair, as a headline, sections of
//! generated sentences, tables and charts, numbered notes that trace every figure to
//! its source, period and quote, and the list of sources.
//!
//! The sentences are built only from stored and derived figures; nothing in here
//! knows about any particular dataset. Rendering to Markdown, HTML and SVG lives in
//! [`crate::render`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::format::{format_derived, format_value, period_words};
use crate::model::{Country, Event, Indicator, Kind, Observation, Source, Status, Topic};
use crate::period::Period;
use crate::reports::{self, Series, SeriesQuery};
use crate::store::{ObservationFilter, Store};

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

/// What a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// A series over time (forward-looking points dashed).
    Series,
    /// The two directions side by side, period by period.
    Directions,
    /// A year's actual and run rate against its target.
    Progress,
    /// Events on a time line.
    Timeline,
}

/// A chart: its kind and the points to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// What it shows.
    pub kind: ChartKind,
    /// The indicator it draws (none for a timeline).
    pub indicator: Option<String>,
    /// The product it draws.
    pub product: Option<String>,
    /// Origin of the series drawn (for directions and timelines: the report's first
    /// country).
    pub origin: Option<String>,
    /// Destination of the series drawn.
    pub destination: Option<String>,
    /// Title.
    pub title: String,
    /// Unit of the values.
    pub unit: String,
    /// The series to draw.
    pub series: Vec<ChartSeries>,
    /// Events, for a timeline.
    pub events: Vec<ChartEvent>,
}

/// One line or set of bars of a chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartSeries {
    /// Legend label.
    pub label: String,
    /// True for targets and projections, drawn dashed.
    pub dashed: bool,
    /// The points.
    pub points: Vec<ChartPoint>,
}

/// One point of a chart series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartPoint {
    /// Label on the axis: the period's canonical form or a short name.
    pub label: String,
    /// Position on a time axis: the middle of the period in decimal years.
    pub x: f64,
    /// The value.
    pub value: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// Note number of the figure, if it is a stored figure.
    pub note: Option<usize>,
}

/// An event on a timeline chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartEvent {
    /// When (the middle of the event's period in decimal years).
    pub x: f64,
    /// The date as written.
    pub date: String,
    /// Kind of event.
    pub kind: String,
    /// What happened.
    pub title: String,
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
        let a = self.country(a).map_err(|e| e.for_field("a"))?;
        let b = self.country(b).map_err(|e| e.for_field("b"))?;
        if a.alpha3 == b.alpha3 {
            return Err(Error::invalid("b", b.alpha3, "is the same country as a"));
        }
        Builder::new(self, a, b).build()
    }
}

type SeriesKey = (String, String, String, String);

/// What makes a figure the same figure: indicator, pair, product, period, status, source.
type NoteKey = (
    String,
    String,
    String,
    String,
    Period,
    Status,
    Option<String>,
);

struct Builder<'s> {
    store: &'s Store,
    a: Country,
    b: Country,
    notes: Vec<Note>,
    note_numbers: HashMap<NoteKey, usize>,
    indicators: HashMap<String, Indicator>,
}

impl<'s> Builder<'s> {
    fn new(store: &'s Store, a: Country, b: Country) -> Builder<'s> {
        Builder {
            store,
            a,
            b,
            notes: Vec::new(),
            note_numbers: HashMap::new(),
            indicators: HashMap::new(),
        }
    }

    fn build(mut self) -> Result<Report> {
        let observations = self.pair_observations()?;
        let events = self.store.events(Some((&self.a.alpha3, &self.b.alpha3)))?;
        for indicator in self.store.indicators()? {
            self.indicators.insert(indicator.code.clone(), indicator);
        }
        let mut keys: Vec<SeriesKey> = observations
            .iter()
            .map(|o| {
                (
                    o.indicator.clone(),
                    o.origin.clone(),
                    o.destination.clone(),
                    o.product.clone(),
                )
            })
            .collect();
        keys.dedup();
        // Within a topic: totals of undirected indicators, then directed ones, then
        // products; the first country's direction first.
        keys.sort_by_key(|k| {
            let indicator = &self.indicators[&k.0];
            (
                indicator.topic,
                k.3 != "total",
                indicator.directed,
                k.0.clone(),
                k.1 != self.a.alpha3,
                k.3.clone(),
            )
        });
        let mut headline = Vec::new();
        let mut sections = Vec::new();
        for topic in Topic::ALL {
            let topic_keys: Vec<&SeriesKey> = keys
                .iter()
                .filter(|k| self.indicators[&k.0].topic == topic)
                .collect();
            let topic_events: &[Event] = if topic == Topic::Cooperation {
                &events
            } else {
                &[]
            };
            if topic_keys.is_empty() && topic_events.is_empty() {
                continue;
            }
            let section = self.section(
                topic,
                &topic_keys,
                &observations,
                topic_events,
                &mut headline,
            )?;
            sections.push(section);
        }
        if sections.is_empty() {
            headline.push(Sentence {
                text: format!(
                    "The store holds no figures or events for {} and {}.",
                    self.a.display_name(),
                    self.b.display_name()
                ),
                notes: Vec::new(),
            });
        }
        let cited: Vec<&str> = self
            .notes
            .iter()
            .filter_map(|n| n.source.as_deref())
            .chain(events.iter().filter_map(|e| e.source.as_deref()))
            .collect();
        let sources = self
            .store
            .sources()?
            .into_iter()
            .filter(|s| cited.contains(&s.id.as_str()))
            .collect();
        Ok(Report {
            title: format!("{} and {}", self.a.display_name(), self.b.display_name()),
            a: self.a,
            b: self.b,
            headline,
            sections,
            notes: self.notes,
            sources,
        })
    }

    /// Every observation between the two countries, either direction.
    fn pair_observations(&self) -> Result<Vec<Observation>> {
        let (a, b) = (&self.a.alpha3, &self.b.alpha3);
        let mut all = self
            .store
            .observations(&ObservationFilter::default().pair(a, b))?;
        let back = self
            .store
            .observations(&ObservationFilter::default().pair(b, a))?;
        all.extend(
            back.into_iter()
                .filter(|o| o.origin == *b && o.destination == *a),
        );
        all.sort_by(|x, y| {
            (
                &x.indicator,
                &x.origin,
                &x.destination,
                &x.product,
                x.period,
                x.status.rank(),
                &x.source,
            )
                .cmp(&(
                    &y.indicator,
                    &y.origin,
                    &y.destination,
                    &y.product,
                    y.period,
                    y.status.rank(),
                    &y.source,
                ))
        });
        all.dedup();
        Ok(all)
    }

    fn name(&self, alpha3: &str) -> String {
        if alpha3 == self.a.alpha3 {
            self.a.display_name().to_owned()
        } else if alpha3 == self.b.alpha3 {
            self.b.display_name().to_owned()
        } else {
            alpha3.to_owned()
        }
    }

    /// What a series measures, in words: "Exports of wheat from Kazakhstan to Azerbaijan".
    fn subject(&self, series: &Series) -> String {
        let mut text = series.indicator.name.clone();
        if series.product != "total" {
            text.push_str(&format!(" of {}", series.product.replace('_', " ")));
        }
        if series.indicator.directed {
            text.push_str(&format!(
                " from {} to {}",
                self.name(&series.origin),
                self.name(&series.destination)
            ));
        }
        text
    }

    fn cite(&mut self, subject: &str, obs: &Observation) -> usize {
        let key = (
            obs.indicator.clone(),
            obs.origin.clone(),
            obs.destination.clone(),
            obs.product.clone(),
            obs.period,
            obs.status,
            obs.source.clone(),
        );
        if let Some(&n) = self.note_numbers.get(&key) {
            return n;
        }
        let number = self.notes.len() + 1;
        self.notes.push(Note {
            number,
            indicator: obs.indicator.clone(),
            subject: subject.to_owned(),
            period: obs.period,
            figure: crate::format::describe_observation(obs),
            status: obs.status,
            source: obs.source.clone(),
            quote: obs.quote.clone(),
            note: obs.note.clone(),
        });
        self.note_numbers.insert(key, number);
        number
    }

    fn section(
        &mut self,
        topic: Topic,
        keys: &[&SeriesKey],
        observations: &[Observation],
        events: &[Event],
        headline: &mut Vec<Sentence>,
    ) -> Result<Section> {
        let mut sentences = Vec::new();
        let mut charts = Vec::new();
        let mut growth_rows = Vec::new();
        let mut seen_asymmetry = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let query = SeriesQuery::new(&key.0, &key.1, &key.2).product(&key.3);
            let series = self.store.series(&query)?;
            let targets = self.store.series(&query.clone().status(Status::Target))?;
            let projections = self
                .store
                .series(&query.clone().status(Status::Projection))?;
            let subject = self.subject(&series);
            self.describe_series(
                &series,
                &subject,
                &mut sentences,
                headline,
                &mut growth_rows,
            )?;
            self.describe_targets(&series, &targets, &subject, &mut sentences, &mut charts)?;
            self.describe_projections(&series, &targets, &projections, &subject, &mut sentences)?;
            if let Some(chart) = self.series_chart(&series, &[&targets, &projections], &subject) {
                charts.push(chart);
            }
            // The two directions side by side, once both have been described.
            let last_of_product = keys
                .get(i + 1)
                .is_none_or(|next| next.0 != key.0 || next.3 != key.3);
            if series.indicator.directed
                && last_of_product
                && !seen_asymmetry.contains(&(key.0.clone(), key.3.clone()))
            {
                seen_asymmetry.push((key.0.clone(), key.3.clone()));
                self.describe_directions(&query, &mut sentences, &mut charts)?;
            }
        }
        let mut tables = Vec::new();
        let figures = self.figures_table(topic, observations);
        if !figures.rows.is_empty() {
            tables.push(figures);
        }
        if !growth_rows.is_empty() {
            tables.push(growth_table(growth_rows));
        }
        if !events.is_empty() {
            sentences.push(Sentence {
                text: events_sentence(events),
                notes: Vec::new(),
            });
            tables.push(self.events_table(events));
            charts.push(timeline_chart(events));
        }
        Ok(Section {
            id: topic.code().to_owned(),
            title: topic.title().to_owned(),
            sentences,
            tables,
            charts,
        })
    }

    /// The latest figure and its comparisons, earlier growth, the long-run change,
    /// the share of a whole, and per-capita figures.
    fn describe_series(
        &mut self,
        series: &Series,
        subject: &str,
        sentences: &mut Vec<Sentence>,
        headline: &mut Vec<Sentence>,
        growth_rows: &mut Vec<(String, reports::GrowthRow)>,
    ) -> Result<()> {
        let Some(latest) = series
            .observations
            .iter()
            .max_by_key(|o| (o.period.end(), o.period.start()))
        else {
            return Ok(());
        };
        let unit = series.indicator.unit.clone();
        let growth = reports::growth(series).unwrap_or_default();
        let latest_note = self.cite(subject, latest);
        // A net outflow "was" a negative figure; nothing "reaches" one.
        let verb = match series.indicator.kind {
            _ if latest.value < 0.0 => "was",
            Kind::Flow => "reached",
            Kind::Stock => "stood at",
        };
        let mut text = format!(
            "{subject} {verb} {} {}{}",
            format_value(latest.value, &unit, latest.qualifier),
            level_phrase(series.indicator.kind, &latest.period),
            status_words(latest.status)
        );
        let mut notes = vec![latest_note];
        let mut headline_notes = vec![latest_note];
        let mut headline_text = format!(
            "{subject}: {} {}{}",
            format_value(latest.value, &unit, latest.qualifier),
            level_phrase(series.indicator.kind, &latest.period),
            status_words(latest.status)
        );
        // A partial year set against the whole of the year before.
        if latest.period.months().is_some_and(|m| m < 12) {
            let previous_year = Period::year(latest.period.start().year() - 1)?;
            if let Some(whole) = series.get(&previous_year) {
                notes.push(self.cite(subject, whole));
                let figure = format_value(whole.value, &unit, whole.qualifier);
                if latest.value > whole.value {
                    text.push_str(&format!(
                        ", more than in the whole of {previous_year} ({figure})"
                    ));
                } else {
                    text.push_str(&format!(
                        ", against {figure} in the whole of {previous_year}"
                    ));
                }
            }
        }
        text.push('.');
        let mut extra = Vec::new();
        for row in &growth {
            let (Some(base_period), Some(base_value), Some(change)) =
                (row.base_period, row.base_value, row.change)
            else {
                continue;
            };
            let Some(base) = series.get(&base_period) else {
                continue;
            };
            let base_note = self.cite(subject, base);
            let change = match row.pct {
                Some(pct) => change_words(pct, row.pct_low, row.pct_high),
                None => amount_change_words(change, &unit),
            };
            let estimated = if base.status == Status::Estimate {
                "an estimated "
            } else {
                ""
            };
            let base_figure = format_value(base_value, &unit, base.qualifier);
            if row.period == latest.period {
                text.push_str(&format!(
                    " That is {change} on {estimated}{base_figure} {}.",
                    period_phrase(&base_period)
                ));
                notes.push(base_note);
                headline_text.push_str(&format!(", {change} on {}", period_words(&base_period)));
                headline_notes.push(base_note);
            } else if let Some(obs) = series.get(&row.period) {
                let note = self.cite(subject, obs);
                extra.push(Sentence {
                    text: format!(
                        "{} it was {}, {change} on {estimated}{base_figure} {}.",
                        capitalise(&period_phrase(&row.period)),
                        format_value(row.value, &unit, obs.qualifier),
                        period_phrase(&base_period)
                    ),
                    notes: vec![note, base_note],
                });
            }
            growth_rows.push((subject.to_owned(), row.clone()));
        }
        sentences.push(Sentence {
            text,
            notes: notes.clone(),
        });
        headline.push(Sentence {
            text: format!("{headline_text}."),
            notes: headline_notes,
        });
        sentences.extend(extra);
        // The long run: first and last calendar years at least two years apart.
        let years: Vec<&Observation> = series
            .observations
            .iter()
            .filter(|o| o.period.is_calendar_year())
            .collect();
        if let (Some(first), Some(last)) = (years.first(), years.last()) {
            if last.period.start().year() - first.period.start().year() >= 2 {
                if let Ok(c) = reports::change(series, &first.period, &last.period) {
                    let notes = vec![self.cite(subject, first), self.cite(subject, last)];
                    let rate = c
                        .cagr
                        .map(|g| {
                            format!(
                                " ({} a year)",
                                pct_words(
                                    g * 100.0,
                                    c.cagr_low.map(|l| l * 100.0),
                                    c.cagr_high.map(|h| h * 100.0)
                                )
                            )
                        })
                        .unwrap_or_default();
                    // "Times as much" only for a rise between positive figures; a fall
                    // reads better as a percentage.
                    let times = if c.ratio_low > 0.0 && c.ratio < 1.0 {
                        format!(
                            ", {}",
                            change_words(c.pct, Some(c.pct_low), Some(c.pct_high))
                        )
                    } else if c.ratio_low > 0.0 {
                        format!(
                            ", {} times as much{rate}",
                            ratio_words(c.ratio, c.ratio_low, c.ratio_high)
                        )
                    } else {
                        format!(", {}", amount_change_words(c.change, &unit))
                    };
                    sentences.push(Sentence {
                        text: format!(
                            "From {} to {} it went from {} to {}{times}.",
                            first.period,
                            last.period,
                            format_value(first.value, &unit, first.qualifier),
                            format_value(last.value, &unit, last.qualifier),
                        ),
                        notes,
                    });
                }
            }
        }
        if series.product != "total" {
            if let Some(whole) = self.store.whole_for(series)? {
                for row in
                    reports::shares(std::slice::from_ref(series), &whole, None).unwrap_or_default()
                {
                    let (Some(part), Some(total)) =
                        (series.get(&row.period), whole.get(&row.period))
                    else {
                        continue;
                    };
                    let whole_subject = self.subject(&whole);
                    let notes = vec![self.cite(subject, part), self.cite(&whole_subject, total)];
                    sentences.push(Sentence {
                        text: format!(
                            "{} made up {} of {} {}.",
                            capitalise(&series.product.replace('_', " ")),
                            share_words(row.share, row.low, row.high),
                            lower_first(&whole_subject),
                            period_phrase(&row.period)
                        ),
                        notes,
                    });
                }
            }
        }
        if series.indicator.directed && unit == "persons" {
            let population = self.store.population_series(&series.origin)?;
            if let Some(row) = reports::per_capita(series, &series.origin, &population, 1000.0)
                .unwrap_or_default()
                .into_iter()
                .find(|r| r.period == latest.period)
            {
                sentences.push(Sentence {
                    text: format!(
                        "{}, that is {} per 1,000 residents of {} ({} population {}).",
                        capitalise(&period_phrase(&row.period)),
                        trim_number(row.per_capita, 3),
                        self.name(&row.country),
                        row.population_year,
                        crate::format::format_number(row.population as f64)
                    ),
                    notes: vec![latest_note],
                });
            }
        }
        Ok(())
    }

    fn describe_targets(
        &mut self,
        series: &Series,
        targets: &Series,
        subject: &str,
        sentences: &mut Vec<Sentence>,
        charts: &mut Vec<Chart>,
    ) -> Result<()> {
        let unit = series.indicator.unit.clone();
        for target in targets
            .observations
            .iter()
            .filter(|t| t.period.is_calendar_year())
        {
            let year = target.period.start().year();
            let target_note = self.cite(subject, target);
            let Ok(p) = reports::target_progress(series, targets, year) else {
                sentences.push(Sentence {
                    text: format!(
                        "{subject}: the {year} target is {}.",
                        format_value(target.value, &unit, target.qualifier)
                    ),
                    notes: vec![target_note],
                });
                continue;
            };
            let Some(actual) = series.get(&p.actual_period) else {
                continue;
            };
            let actual_note = self.cite(subject, actual);
            let required = p
                .required_monthly
                .map(|r| {
                    format!(
                        "; the remaining months need {} a month, against {} a month so far",
                        format_derived(r, &unit),
                        format_derived(p.actual_monthly, &unit)
                    )
                })
                .unwrap_or_default();
            sentences.push(Sentence {
                text: format!(
                    "{subject}: the {year} target is {}; the {} of {} is {} of it after {} of the \
                     year. At that pace the year would reach {} ({} of the target){required}.",
                    format_value(p.target, &unit, target.qualifier),
                    format_value(p.actual, &unit, actual.qualifier),
                    period_words(&p.actual_period),
                    share_words(
                        p.share_of_target,
                        p.share_of_target_low,
                        p.share_of_target_high
                    ),
                    share_words(p.share_of_year, p.share_of_year, p.share_of_year),
                    format_derived(p.run_rate, &unit),
                    share_words(
                        p.run_rate_share,
                        p.run_rate_share_low,
                        p.run_rate_share_high
                    ),
                ),
                notes: vec![target_note, actual_note],
            });
            let point =
                |label: &str, value: f64, low: f64, high: f64, note: Option<usize>| ChartPoint {
                    label: label.to_owned(),
                    x: 0.0,
                    value,
                    low,
                    high,
                    note,
                };
            charts.push(Chart {
                kind: ChartKind::Progress,
                indicator: Some(series.indicator.code.clone()),
                product: Some(series.product.clone()),
                origin: Some(series.origin.clone()),
                destination: Some(series.destination.clone()),
                title: format!("{subject}: progress towards the {year} target"),
                unit: unit.clone(),
                series: vec![
                    ChartSeries {
                        label: format!("actual, {}", p.actual_period),
                        dashed: false,
                        points: vec![point(
                            "actual",
                            p.actual,
                            p.actual_low,
                            p.actual_high,
                            Some(actual_note),
                        )],
                    },
                    ChartSeries {
                        label: "run rate for the year".to_owned(),
                        dashed: false,
                        points: vec![point(
                            "run rate",
                            p.run_rate,
                            p.run_rate_low,
                            p.run_rate_high,
                            None,
                        )],
                    },
                    ChartSeries {
                        label: format!("{year} target"),
                        dashed: true,
                        points: vec![point(
                            "target",
                            p.target,
                            target.low,
                            target.high,
                            Some(target_note),
                        )],
                    },
                ],
                events: Vec::new(),
            });
        }
        Ok(())
    }

    fn describe_projections(
        &mut self,
        series: &Series,
        targets: &Series,
        projections: &Series,
        subject: &str,
        sentences: &mut Vec<Sentence>,
    ) -> Result<()> {
        let unit = series.indicator.unit.clone();
        let years: Vec<&Observation> = series
            .observations
            .iter()
            .filter(|o| o.period.is_calendar_year())
            .collect();
        for goal in projections
            .observations
            .iter()
            .filter(|o| o.period.is_calendar_year())
        {
            let goal_note = self.cite(subject, goal);
            let base = years
                .iter()
                .filter(|o| o.period.start() < goal.period.start())
                .max_by_key(|o| o.period.start());
            let mut text = format!(
                "{subject}: a projection puts it at {} {}",
                format_value(goal.value, &unit, goal.qualifier),
                period_phrase(&goal.period)
            );
            let mut notes = vec![goal_note];
            if let Some(base) = base {
                if let Ok(r) =
                    reports::required_growth(series, projections, &base.period, &goal.period)
                {
                    notes.push(self.cite(subject, base));
                    text.push_str(&format!(
                        ", which needs {} a year from {} in {}",
                        pct_words(
                            r.required_cagr * 100.0,
                            Some(r.required_cagr_low * 100.0),
                            Some(r.required_cagr_high * 100.0)
                        ),
                        format_value(r.base_value, &unit, base.qualifier),
                        r.base_period
                    ));
                    if let (Some(h), Some(start)) = (r.historical_cagr, r.historical_start) {
                        text.push_str(&format!(
                            ", against {} a year since {start}",
                            pct_words(h * 100.0, None, None)
                        ));
                    }
                }
            }
            text.push('.');
            sentences.push(Sentence { text, notes });
        }
        // Targets beyond the years with actuals: the growth they need.
        for goal in targets
            .observations
            .iter()
            .filter(|o| o.period.is_calendar_year())
        {
            let base = years
                .iter()
                .filter(|o| o.period.start() < goal.period.start())
                .max_by_key(|o| o.period.start());
            let Some(base) = base else { continue };
            if let Ok(r) = reports::required_growth(series, targets, &base.period, &goal.period) {
                let notes = vec![self.cite(subject, goal), self.cite(subject, base)];
                sentences.push(Sentence {
                    text: format!(
                        "Reaching the {} target from {} in {} needs {} a year.",
                        r.target_period,
                        format_value(r.base_value, &unit, base.qualifier),
                        r.base_period,
                        pct_words(
                            r.required_cagr * 100.0,
                            Some(r.required_cagr_low * 100.0),
                            Some(r.required_cagr_high * 100.0)
                        ),
                    ),
                    notes,
                });
            }
        }
        Ok(())
    }

    /// The two directions side by side, from the first country's point of view.
    fn describe_directions(
        &mut self,
        query: &SeriesQuery,
        sentences: &mut Vec<Sentence>,
        charts: &mut Vec<Chart>,
    ) -> Result<()> {
        let mut forward_query = query.clone();
        forward_query.origin = self.a.alpha3.clone();
        forward_query.destination = self.b.alpha3.clone();
        let forward = self.store.series(&forward_query)?;
        let mut back_query = forward_query.clone();
        std::mem::swap(&mut back_query.origin, &mut back_query.destination);
        let back = self.store.series(&back_query)?;
        let Ok(rows) = reports::asymmetry(&forward, &back) else {
            return Ok(());
        };
        let unit = forward.indicator.unit.clone();
        let (fs, bs) = (self.subject(&forward), self.subject(&back));
        let mut points = (Vec::new(), Vec::new());
        for row in &rows {
            let (Some(f), Some(b)) = (forward.get(&row.period), back.get(&row.period)) else {
                continue;
            };
            let notes = vec![self.cite(&fs, f), self.cite(&bs, b)];
            // Say it from the side that is larger, so the ratio is at least one.
            let (larger, ratio, low, high, net, net_low, net_high) = if row.net >= 0.0 {
                let (n, l, h) = (row.net, row.net_low, row.net_high);
                (
                    self.a.display_name(),
                    row.ratio,
                    row.ratio_low,
                    row.ratio_high,
                    n,
                    l,
                    h,
                )
            } else {
                let inverse = |r: f64| if r == 0.0 { f64::INFINITY } else { 1.0 / r };
                let (n, l, h) = (-row.net, -row.net_high, -row.net_low);
                (
                    self.b.display_name(),
                    inverse(row.ratio),
                    inverse(row.ratio_high),
                    inverse(row.ratio_low),
                    n,
                    l,
                    h,
                )
            };
            let times = if row.ratio_low > 0.0 && ratio.is_finite() && high.is_finite() {
                format!("{} times as much and ", ratio_words(ratio, low, high))
            } else {
                String::new()
            };
            let net_words = bounded(format_derived(net, &unit), net_low, net_high, |v| {
                format_derived(v, &unit)
            });
            sentences.push(Sentence {
                text: format!(
                    "{} {}: {} from {} to {} against {} the other way, {times}{net_words} more from {larger}.",
                    forward.indicator.name,
                    period_phrase(&row.period),
                    format_value(f.value, &unit, f.qualifier),
                    self.a.display_name(),
                    self.b.display_name(),
                    format_value(b.value, &unit, b.qualifier),
                ),
                notes: notes.clone(),
            });
            points.0.push(chart_point(f, Some(notes[0])));
            points.1.push(chart_point(b, Some(notes[1])));
        }
        charts.push(Chart {
            kind: ChartKind::Directions,
            indicator: Some(forward.indicator.code.clone()),
            product: Some(forward.product.clone()),
            origin: Some(forward.origin.clone()),
            destination: Some(forward.destination.clone()),
            title: format!("{}: both directions", forward.indicator.name),
            unit,
            series: vec![
                ChartSeries {
                    label: format!("{} → {}", self.a.display_name(), self.b.display_name()),
                    dashed: false,
                    points: points.0,
                },
                ChartSeries {
                    label: format!("{} → {}", self.b.display_name(), self.a.display_name()),
                    dashed: false,
                    points: points.1,
                },
            ],
            events: Vec::new(),
        });
        Ok(())
    }

    /// A line over the calendar years, with targets and projections dashed; only when
    /// there are at least two points to join.
    fn series_chart(
        &mut self,
        series: &Series,
        forward: &[&Series],
        subject: &str,
    ) -> Option<Chart> {
        let years: Vec<&Observation> = series
            .observations
            .iter()
            .filter(|o| o.period.is_calendar_year())
            .collect();
        let ahead: Vec<&Observation> = forward
            .iter()
            .flat_map(|s| s.observations.iter())
            .filter(|o| o.period.is_calendar_year())
            .collect();
        if years.is_empty()
            || years.len() + ahead.len() < 2
            || series.indicator.directed && ahead.is_empty()
        {
            return None;
        }
        let mut lines = vec![ChartSeries {
            label: "actual".to_owned(),
            dashed: false,
            points: years
                .iter()
                .map(|o| chart_point(o, Some(self.cite(subject, o))))
                .collect(),
        }];
        if !ahead.is_empty() {
            let last = *years.last()?;
            let mut points = vec![chart_point(last, Some(self.cite(subject, last)))];
            for o in &ahead {
                points.push(chart_point(o, Some(self.cite(subject, o))));
            }
            points.sort_by(|p, q| p.x.total_cmp(&q.x));
            lines.push(ChartSeries {
                label: "target or projection".to_owned(),
                dashed: true,
                points,
            });
        }
        Some(Chart {
            kind: ChartKind::Series,
            indicator: Some(series.indicator.code.clone()),
            product: Some(series.product.clone()),
            origin: Some(series.origin.clone()),
            destination: Some(series.destination.clone()),
            title: subject.to_owned(),
            unit: series.indicator.unit.clone(),
            series: lines,
            events: Vec::new(),
        })
    }

    fn figures_table(&mut self, topic: Topic, observations: &[Observation]) -> Table {
        let columns = [
            ("indicator", true),
            ("from", true),
            ("to", true),
            ("product", true),
            ("period", true),
            ("figure", true),
            ("value", false),
            ("low", false),
            ("high", false),
            ("unit", false),
            ("status", true),
            ("source", true),
            ("note", true),
        ];
        let mut rows = Vec::new();
        for obs in observations {
            let Some(indicator) = self.indicators.get(&obs.indicator).cloned() else {
                continue;
            };
            if indicator.topic != topic {
                continue;
            }
            let series_subject = {
                let series = Series {
                    indicator: indicator.clone(),
                    origin: obs.origin.clone(),
                    destination: obs.destination.clone(),
                    product: obs.product.clone(),
                    observations: Vec::new(),
                };
                self.subject(&series)
            };
            let note = self.cite(&series_subject, obs);
            rows.push(vec![
                Cell::Text(indicator.name.clone()),
                Cell::Text(self.name(&obs.origin)),
                Cell::Text(self.name(&obs.destination)),
                Cell::Text(obs.product.replace('_', " ")),
                Cell::Text(obs.period.to_string()),
                Cell::Text(crate::format::describe_observation(obs)),
                Cell::Number(obs.value),
                Cell::Number(obs.low),
                Cell::Number(obs.high),
                Cell::Text(obs.unit.clone()),
                Cell::Text(obs.status.to_string()),
                obs.source.clone().map_or(Cell::Empty, Cell::Text),
                Cell::Integer(note as i64),
            ]);
        }
        Table {
            title: "Figures".to_owned(),
            columns: columns
                .iter()
                .map(|(name, visible)| Column {
                    name: (*name).to_owned(),
                    visible: *visible,
                })
                .collect(),
            rows,
        }
    }

    fn events_table(&self, events: &[Event]) -> Table {
        let columns = [
            ("date", true),
            ("kind", true),
            ("event", true),
            ("place", true),
            ("source", true),
            ("quote", false),
        ];
        Table {
            title: "Timeline".to_owned(),
            columns: columns
                .iter()
                .map(|(name, visible)| Column {
                    name: (*name).to_owned(),
                    visible: *visible,
                })
                .collect(),
            rows: events
                .iter()
                .map(|e| {
                    vec![
                        Cell::Text(e.date.to_string()),
                        Cell::Text(e.kind.clone()),
                        Cell::Text(e.title.clone()),
                        e.place.clone().map_or(Cell::Empty, Cell::Text),
                        e.source.clone().map_or(Cell::Empty, Cell::Text),
                        e.quote.clone().map_or(Cell::Empty, Cell::Text),
                    ]
                })
                .collect(),
        }
    }
}

impl Store {
    /// The whole a product's series is part of: the same indicator's total for the
    /// pair, or else an undirected indicator of the same unit and topic with a figure
    /// for one of the same periods.
    pub fn whole_for(&self, part: &Series) -> Result<Option<Series>> {
        let own = self.series(&SeriesQuery::new(
            &part.indicator.code,
            &part.origin,
            &part.destination,
        ))?;
        if !own.observations.is_empty() {
            return Ok(Some(own));
        }
        for indicator in self.indicators()? {
            // A whole of the same unit and topic: exports in USD of trade turnover, not
            // wheat tonnes of corridor cargo.
            if indicator.directed
                || indicator.unit != part.indicator.unit
                || indicator.topic != part.indicator.topic
                || indicator.code == part.indicator.code
            {
                continue;
            }
            let candidate = self.series(&SeriesQuery::new(
                &indicator.code,
                &part.origin,
                &part.destination,
            ))?;
            if part
                .observations
                .iter()
                .any(|o| candidate.get(&o.period).is_some())
            {
                return Ok(Some(candidate));
            }
        }
        Ok(None)
    }
}

fn growth_table(rows: Vec<(String, reports::GrowthRow)>) -> Table {
    let columns = [
        "series",
        "period",
        "base period",
        "change",
        "pct",
        "pct low",
        "pct high",
    ];
    Table {
        title: "Growth on the same period a year earlier".to_owned(),
        columns: columns
            .iter()
            .map(|name| Column {
                name: (*name).to_owned(),
                visible: !name.starts_with("pct"),
            })
            .collect(),
        rows: rows
            .into_iter()
            .map(|(subject, r)| {
                let pct = r.pct.unwrap_or(f64::NAN);
                vec![
                    Cell::Text(subject),
                    Cell::Text(r.period.to_string()),
                    Cell::Text(r.base_period.map(|p| p.to_string()).unwrap_or_default()),
                    Cell::Text(change_words(pct, r.pct_low, r.pct_high)),
                    Cell::Number(pct),
                    r.pct_low.map_or(Cell::Empty, Cell::Number),
                    r.pct_high.map_or(Cell::Empty, Cell::Number),
                ]
            })
            .collect(),
    }
}

fn events_sentence(events: &[Event]) -> String {
    let (first, last) = (&events[0], &events[events.len() - 1]);
    if events.len() == 1 {
        return format!(
            "The timeline holds one event, {}: {}.",
            period_phrase(&first.date),
            first.title
        );
    }
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for e in events {
        match kinds.iter_mut().find(|(k, _)| *k == e.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((e.kind.clone(), 1)),
        }
    }
    let counts: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    format!(
        "The timeline holds {} {} from {} to {}; by kind: {}.",
        events.len(),
        plural("event", events.len()),
        period_words(&first.date),
        period_words(&last.date),
        counts.join(", ")
    )
}

fn timeline_chart(events: &[Event]) -> Chart {
    Chart {
        kind: ChartKind::Timeline,
        indicator: None,
        product: None,
        origin: events.first().map(|e| e.a.clone()),
        destination: events.first().map(|e| e.b.clone()),
        title: "Timeline".to_owned(),
        unit: String::new(),
        series: Vec::new(),
        events: events
            .iter()
            .map(|e| ChartEvent {
                x: middle(&e.date),
                date: e.date.to_string(),
                kind: e.kind.clone(),
                title: e.title.clone(),
            })
            .collect(),
    }
}

fn chart_point(obs: &Observation, note: Option<usize>) -> ChartPoint {
    ChartPoint {
        label: obs.period.to_string(),
        x: middle(&obs.period),
        value: obs.value,
        low: obs.low,
        high: obs.high,
        note,
    }
}

/// The middle of a period in decimal years.
fn middle(period: &Period) -> f64 {
    let decimal = |d: time::Date| f64::from(d.year()) + f64::from(d.ordinal() - 1) / 365.25;
    (decimal(period.start()) + decimal(period.end()) + 1.0 / 365.25) / 2.0
}

fn status_words(status: Status) -> &'static str {
    match status {
        Status::Actual => "",
        Status::Estimate => " (an estimate)",
        Status::Provisional => " (provisional)",
        Status::Target => " (a target)",
        Status::Projection => " (a projection)",
    }
}

/// "up 72.9 % [+71.4 %, +76.1 %]", "down 4.2 %": bounds in brackets where they differ.
fn change_words(pct: f64, low: Option<f64>, high: Option<f64>) -> String {
    if let (Some(l), Some(h)) = (low, high) {
        // Bounds on both sides of zero: neither "up" nor "down" is known.
        if l < 0.0 && h > 0.0 {
            return format!(
                "a change of {} % [{} %, {} %]",
                signed_pct(pct),
                signed_pct(l),
                signed_pct(h)
            );
        }
    }
    if format!("{pct:.1}") == "0.0" || format!("{pct:.1}") == "-0.0" {
        return "unchanged".to_owned();
    }
    let direction = if pct >= 0.0 { "up" } else { "down" };
    let bounds = match (low, high) {
        (Some(l), Some(h)) if format!("{l:.1}") != format!("{h:.1}") => {
            format!(" [{} %, {} %]", signed_pct(l), signed_pct(h))
        }
        _ => String::new(),
    };
    format!("{direction} {} %{bounds}", plain_pct(pct.abs()))
}

/// "up $15 million", "down 200 t": the change in the unit, for bases where a
/// percentage would mislead.
fn amount_change_words(change: f64, unit: &str) -> String {
    let direction = if change >= 0.0 { "up" } else { "down" };
    format!("{direction} {}", format_derived(change.abs(), unit))
}

/// A percentage with one decimal and thousands separators: "1,700.0".
fn plain_pct(pct: f64) -> String {
    crate::format::group(&format!("{pct:.1}"))
}

/// The same with its sign: "+1,700.0", "-0.4".
fn signed_pct(pct: f64) -> String {
    let text = plain_pct(pct);
    if text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    }
}

/// "54.0 %", "31.5 % [30.9 %, 32.7 %]".
fn pct_words(pct: f64, low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if format!("{l:.1}") != format!("{h:.1}") => {
            format!(
                "{} % [{} %, {} %]",
                plain_pct(pct),
                plain_pct(l),
                plain_pct(h)
            )
        }
        _ => format!("{} %", plain_pct(pct)),
    }
}

/// A fraction as a percentage: "22.19 %", "50 % [48 %, 52 %]".
fn share_words(share: f64, low: f64, high: f64) -> String {
    let show = |v: f64| format!("{} %", trim_number(v * 100.0, 2));
    if show(low) == show(high) {
        show(share)
    } else {
        format!("{} [{}, {}]", show(share), show(low), show(high))
    }
}

/// "1.427", "10 [9.667, 11.07]".
fn ratio_words(ratio: f64, low: f64, high: f64) -> String {
    let (l, h) = (trim_number(low, 3), trim_number(high, 3));
    if l == h {
        trim_number(ratio, 3)
    } else {
        format!("{} [{l}, {h}]", trim_number(ratio, 3))
    }
}

/// A number with at most `decimals` decimals and no trailing zeros; below 1, three
/// significant digits, so that a small figure never reads as zero.
fn trim_number(value: f64, decimals: usize) -> String {
    let magnitude = value.abs();
    let decimals = if magnitude > 0.0 && magnitude < 1.0 {
        decimals.max((2.0 - magnitude.log10().floor()) as usize)
    } else {
        decimals
    };
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

fn plural(word: &str, n: usize) -> String {
    if n == 1 {
        word.to_owned()
    } else if word.ends_with('s') || word.ends_with('h') {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// A period as a phrase after a verb: "in 2024", "in January–August 2025",
/// "on 17 May 2025", "from January 2005 to March 2025".
fn period_phrase(period: &Period) -> String {
    let words = period_words(period);
    if period.days() == 1 {
        format!("on {words}")
    } else if let Some((from, to)) = words.split_once(" – ") {
        format!("from {from} to {to}")
    } else {
        format!("in {words}")
    }
}

/// When a level was reached: a stock counted over years is a level "by" its end.
fn level_phrase(kind: Kind, period: &Period) -> String {
    let spans_years = period.start().year() != period.end().year();
    if kind == Kind::Stock && spans_years && !period.is_calendar_year() {
        let month =
            |d: time::Date| Period::parse(&format!("{:04}-{:02}", d.year(), u8::from(d.month())));
        if let (Ok(first), Ok(last)) = (month(period.start()), month(period.end())) {
            return format!(
                "by {}, counting from {}",
                period_words(&last),
                period_words(&first)
            );
        }
    }
    period_phrase(period)
}

/// A text with its bounds in brackets when they read differently.
fn bounded(point: String, low: f64, high: f64, show: impl Fn(f64) -> String) -> String {
    let (l, h) = (show(low), show(high));
    if l == h {
        point
    } else {
        format!("{point} [{l}, {h}]")
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
