//! Everything a report needs for a pair, read from the store once: the observations
//! between the two countries, the indicators, events, claims, sources and populations. The
//! composers read only this, so a report costs one pass over the pair's rows rather
//! than a query per series.

use std::collections::{HashMap, HashSet};

use super::{Note, ReportOptions};
use crate::analysis::series::series_by_product;
use crate::analysis::Series;
use crate::error::Result;
use crate::model::{
    Claim, Country, Event, Indicator, Observation, Product, Source, Status, Topic, TopicEntry,
};
use crate::period::Period;
use crate::store::{PairFilter, Store};
use crate::words::numbers::digits_from;
use crate::words::phrases::{country_in_text, fill_phrase, phrase_route};
use crate::words::products::{product_in_table, product_in_text};
use crate::words::{prose_value, prose_values_alike};

/// The two countries of a report, and how its sentences name things.
pub(super) struct Pair {
    /// The first country, as the caller named it.
    pub(super) a: Country,
    /// The second.
    pub(super) b: Country,
    /// The stored products the pair's figures and claims use, by code: their names and
    /// classifications.
    pub(super) products: HashMap<String, Product>,
}

impl Pair {
    /// The name to write for a country of the pair (its alpha-3 code otherwise).
    pub(super) fn name(&self, alpha3: &str) -> String {
        if alpha3 == self.a.alpha3 {
            self.a.display_name().to_owned()
        } else if alpha3 == self.b.alpha3 {
            self.b.display_name().to_owned()
        } else {
            alpha3.to_owned()
        }
    }

    /// [`Pair::name`] as running text writes it: "the United States".
    pub(super) fn name_in_text(&self, alpha3: &str) -> String {
        country_in_text(&self.name(alpha3))
    }

    /// The product `code` as a sentence names it: "ferro-alloys (HS 7202)", "HS 7202"
    /// without a name, "oil products" for `oil_products`.
    pub(super) fn product_words(&self, code: &str) -> String {
        product_in_text(code, self.products.get(code))
    }

    /// The product `code` as a table cell names it: "Ferro-alloys (HS 7202)".
    pub(super) fn product_label(&self, code: &str) -> String {
        product_in_table(code, self.products.get(code))
    }

    /// What a series measures, in words: "Exports of wheat from Kazakhstan to Azerbaijan",
    /// or the indicator's phrase filled in ("Oil from Kazakhstan shipped through
    /// Azerbaijan via the Baku–Tbilisi–Ceyhan pipeline").
    pub(super) fn subject(&self, series: &Series) -> String {
        self.subject_of(
            &series.indicator,
            &series.origin,
            &series.destination,
            &series.product,
        )
    }

    /// Where a figure of `indicator` from `origin` to `destination` goes, as a table's
    /// "from", "to" and "via" columns name it: `("Kazakhstan", "Türkiye",
    /// Some("Azerbaijan"))` for oil whose phrase sends it through `{via}` to
    /// `{to:Türkiye}` (see [`phrase_route`]); `(origin, destination, None)` otherwise.
    /// A route through the destination without a named end leaves "to" empty.
    pub(super) fn route_words(
        &self,
        indicator: &Indicator,
        origin: &str,
        destination: &str,
    ) -> (String, String, Option<String>) {
        let from = self.name(origin);
        match indicator.phrase.as_deref().map(phrase_route) {
            Some((true, end)) => (
                from,
                end.unwrap_or_default().to_owned(),
                Some(self.name(destination)),
            ),
            _ => (from, self.name(destination), None),
        }
    }

    /// [`Pair::subject`] of the series `indicator`, `origin`, `destination`, `product`.
    pub(super) fn subject_of(
        &self,
        indicator: &Indicator,
        origin: &str,
        destination: &str,
        product: &str,
    ) -> String {
        let product = match product {
            "total" => product.to_owned(),
            code => self.product_words(code),
        };
        if let Some(phrase) = &indicator.phrase {
            return fill_phrase(
                phrase,
                &self.name_in_text(origin),
                &self.name_in_text(destination),
                &product,
            );
        }
        let mut text = indicator.name.clone();
        if product != "total" {
            text.push_str(&format!(" of {product}"));
        }
        if indicator.directed {
            text.push_str(&format!(
                " from {} to {}",
                self.name_in_text(origin),
                self.name_in_text(destination)
            ));
        }
        text
    }
}

/// One series of the pair as stored: indicator, origin, destination, product (for an
/// undirected indicator the pair in alphabetical order, as the store keeps it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct SeriesKey {
    pub(super) indicator: String,
    pub(super) origin: String,
    pub(super) destination: String,
    pub(super) product: String,
}

impl SeriesKey {
    /// The key of the series `obs` belongs to.
    pub(super) fn of(obs: &Observation) -> SeriesKey {
        SeriesKey {
            indicator: obs.indicator.clone(),
            origin: obs.origin.clone(),
            destination: obs.destination.clone(),
            product: obs.product.clone(),
        }
    }

    /// The same series for `product`.
    pub(super) fn with_product(&self, product: &str) -> SeriesKey {
        SeriesKey {
            product: product.to_owned(),
            ..self.clone()
        }
    }
}

/// What the store holds for a pair.
pub(super) struct Gathered {
    pub(super) pair: Pair,
    /// The report topics, in the order of the sections.
    pub(super) topics: Vec<TopicEntry>,
    /// Every indicator of the store, sorted by code.
    pub(super) indicators: Vec<Indicator>,
    by_code: HashMap<String, usize>,
    /// Every observation between the two, either direction, sorted by indicator,
    /// pair, product, period, preferred status and source.
    pub(super) observations: Vec<Observation>,
    /// The positions in `observations` of each series' rows.
    rows: HashMap<SeriesKey, Vec<usize>>,
    /// The events between the two, in date order.
    pub(super) events: Vec<Event>,
    /// The claims about the pair's figures, in the order of [`Store::claims`].
    pub(super) claims: Vec<Claim>,
    /// Every source of the store, sorted by id.
    sources: Vec<Source>,
    /// `(year, people)` for each country of the pair.
    population: HashMap<String, Vec<(i32, i64)>>,
    /// The most significant digits prose shows ([`ReportOptions::digits`]).
    pub(super) digits: u32,
}

/// The order a report lists figures in: by indicator, pair, product, period, preferred
/// status and source.
#[allow(clippy::type_complexity)]
pub(super) fn report_order(o: &Observation) -> (&str, &str, &str, &str, Period, u8, Option<&str>) {
    (
        &o.indicator,
        &o.origin,
        &o.destination,
        &o.product,
        o.period,
        o.status.rank(),
        o.source.as_deref(),
    )
}

/// True when `a` and `b` belong to the same series.
fn same_series(a: &Observation, b: &Observation) -> bool {
    let (x, y) = (report_order(a), report_order(b));
    (x.0, x.1, x.2, x.3) == (y.0, y.1, y.2, y.3)
}

/// Reads what the report on `a` and `b` needs: of the figures, events and claims, only
/// those within `options`' periods and topics.
pub(super) fn gather(
    store: &Store,
    a: Country,
    b: Country,
    options: &ReportOptions,
) -> Result<Gathered> {
    let indicators = store.indicators()?;
    let within = |period: &Period| {
        options.since.is_none_or(|s| period.start() >= s.start())
            && options.until.is_none_or(|u| period.end() <= u.end())
    };
    let chosen = |topic: &Topic| {
        options
            .topics
            .as_ref()
            .is_none_or(|codes| codes.iter().any(|c| c == topic.code()))
    };
    let topic_of = |code: &str| {
        indicators
            .iter()
            .find(|i| i.code == code)
            .map(|i| i.topic.clone())
    };
    let shown_series = |indicator: &str, period: &Period| {
        within(period) && topic_of(indicator).is_some_and(|t| chosen(&t))
    };
    let mut observations = store.observations_between(&a.alpha3, &b.alpha3)?;
    observations.retain(|o| shown_series(&o.indicator, &o.period));
    observations.sort_by(|x, y| report_order(x).cmp(&report_order(y)));
    // The order above holds each series' rows together: one key per series, not per row.
    let mut rows: HashMap<SeriesKey, Vec<usize>> = HashMap::new();
    let mut start = 0;
    for end in 1..=observations.len() {
        if end == observations.len() || !same_series(&observations[end - 1], &observations[end]) {
            rows.entry(SeriesKey::of(&observations[start]))
                .or_default()
                .extend(start..end);
            start = end;
        }
    }
    let by_code = indicators
        .iter()
        .enumerate()
        .map(|(i, indicator)| (indicator.code.clone(), i))
        .collect();
    let mut population = HashMap::new();
    for country in [&a, &b] {
        population.insert(
            country.alpha3.clone(),
            store.population_series(&country.alpha3)?,
        );
    }
    // The timeline belongs to the cooperation section.
    let mut events = store.events_of(&PairFilter::between(&a.alpha3, &b.alpha3))?;
    events.retain(|e| within(&e.date) && chosen(&Topic::COOPERATION));
    let mut claims = store.claims_of(&PairFilter::between(&a.alpha3, &b.alpha3))?;
    claims.retain(|c| shown_series(&c.indicator, &c.period));
    let used: HashSet<&str> = observations
        .iter()
        .map(|o| o.product.as_str())
        .chain(claims.iter().map(|c| c.product.as_str()))
        .collect();
    let products = store
        .products()?
        .into_iter()
        .filter(|p| used.contains(p.code.as_str()))
        .map(|p| (p.code.clone(), p))
        .collect();
    Ok(Gathered {
        events,
        claims,
        sources: store.sources()?,
        topics: store.topics()?,
        pair: Pair { a, b, products },
        indicators,
        by_code,
        observations,
        rows,
        population,
        digits: options.digits,
    })
}

impl Gathered {
    /// A stored figure with its qualifier, as the report's prose writes it.
    pub(super) fn prose(&self, obs: &Observation) -> String {
        prose_value(obs.value, &obs.unit, obs.qualifier, self.digits)
    }

    /// Stored figures that one sentence gives, in one scale ([`prose_values_alike`]).
    pub(super) fn prose_alike(&self, figures: &[&Observation]) -> Vec<String> {
        let unit = figures.first().map_or("", |o| o.unit.as_str());
        let values: Vec<_> = figures.iter().map(|o| (o.value, o.qualifier)).collect();
        prose_values_alike(&values, unit, self.digits)
    }

    /// The significant digits a figure derived from `inputs` may show: what the inputs
    /// justify, and at most what the prose shows.
    pub(super) fn digits_from(&self, inputs: &[&Observation]) -> u32 {
        digits_from(inputs).min(self.digits)
    }

    /// The indicator with `code`; every observation's indicator is in the store.
    pub(super) fn indicator(&self, code: &str) -> &Indicator {
        &self.indicators[self.by_code[code]]
    }

    /// The series of the pair, in the order of the report: by topic; within a topic,
    /// totals of undirected indicators, then directed ones, then products; the first
    /// country's direction first.
    pub(super) fn series_keys(&self) -> Vec<SeriesKey> {
        // The distinct keys are those of `rows`: one per series, where a key per row
        // would clone four texts for each of a hundred thousand figures.
        let mut keys: Vec<SeriesKey> = self.rows.keys().cloned().collect();
        let order = |k: &SeriesKey| {
            let indicator = self.indicator(&k.indicator);
            (
                self.topic_position(&indicator.topic),
                k.product != "total",
                indicator.directed,
                k.origin != self.pair.a.alpha3,
            )
        };
        keys.sort_by(|x, y| {
            let (ox, oy) = (order(x), order(y));
            // The keys differ, so origin and destination (the pair's order) break any tie.
            (
                ox.0,
                ox.1,
                ox.2,
                &x.indicator,
                ox.3,
                &x.product,
                &x.origin,
                &x.destination,
            )
                .cmp(&(
                    oy.0,
                    oy.1,
                    oy.2,
                    &y.indicator,
                    oy.3,
                    &y.product,
                    &y.origin,
                    &y.destination,
                ))
        });
        keys
    }

    /// The series of `indicator` from `origin` to `destination` for `product`, as
    /// [`Store::series`] would read it: figures of `status`, or with `None` every
    /// figure that is not a target or projection, one per period.
    pub(super) fn series(
        &self,
        indicator: &Indicator,
        origin: &str,
        destination: &str,
        product: &str,
        status: Option<Status>,
    ) -> Series {
        let rows = self
            .figures(indicator, origin, destination, product)
            .cloned();
        series_by_product(indicator, origin, destination, rows, status)
            .pop()
            .unwrap_or_else(|| Series {
                indicator: indicator.clone(),
                origin: origin.to_owned(),
                destination: destination.to_owned(),
                product: product.to_owned(),
                observations: Vec::new(),
            })
    }

    /// Every figure of `indicator` from `origin` to `destination` for `product`, of
    /// every period, source and status, in the order they were read.
    pub(super) fn figures<'a>(
        &'a self,
        indicator: &Indicator,
        origin: &str,
        destination: &str,
        product: &str,
    ) -> impl Iterator<Item = &'a Observation> + 'a {
        // An undirected indicator is stored with the pair in alphabetical order.
        let (first, second) = if indicator.directed || origin <= destination {
            (origin, destination)
        } else {
            (destination, origin)
        };
        let key = SeriesKey {
            indicator: indicator.code.clone(),
            origin: first.to_owned(),
            destination: second.to_owned(),
            product: product.to_owned(),
        };
        self.rows
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&i| &self.observations[i])
    }

    /// Where `topic`'s section comes in the report (every stored indicator's topic is
    /// in the topic table).
    pub(super) fn topic_position(&self, topic: &Topic) -> usize {
        self.topics
            .iter()
            .position(|t| &t.topic == topic)
            .unwrap_or(self.topics.len())
    }

    /// The population figures of a country of the pair, `(year, people)` in year order.
    pub(super) fn population(&self, alpha3: &str) -> &[(i32, i64)] {
        self.population.get(alpha3).map_or(&[], Vec::as_slice)
    }

    /// The sources the notes and events cite, sorted by id; with `population`, also
    /// the World Bank's population table behind per-capita figures.
    pub(super) fn cited_sources(&self, notes: &[Note], population: bool) -> Vec<Source> {
        let population_source = crate::builtin::population_source().id;
        let cited: HashSet<&str> = notes
            .iter()
            .filter_map(|n| n.source.as_deref())
            .chain(self.events.iter().filter_map(|e| e.source.as_deref()))
            .chain(population.then_some(population_source.as_str()))
            .collect();
        self.sources
            .iter()
            .filter(|s| cited.contains(s.id.as_str()))
            .cloned()
            .collect()
    }
}
