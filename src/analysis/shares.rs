//! Parts of a whole: each product's share of a total, and which total a product's
//! series is part of.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::series::{
    figure_for, parse_period_field, quotient, ratio_of, table_series, OneSeries, Series,
    SeriesFilter,
};
use crate::error::{Error, Result};
use crate::model::{
    Bounds, Indicator, Observation, ObservationRow, ObservationTable, SeriesKey, Status,
};
use crate::period::Period;
use crate::store::Store;

/// One row of [`shares`]: a product's share of a whole in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareRow {
    /// The period.
    pub period: Period,
    /// The part's product.
    pub product: String,
    /// The part's value.
    pub value: f64,
    /// The whole's value.
    pub whole: f64,
    /// `value / whole`, a fraction.
    pub share: f64,
    /// Lower bound of the share.
    pub low: f64,
    /// Upper bound of the share.
    pub high: f64,
}

/// A row of shares over many pairs ([`Store::shares_of_every`]): the parts' indicator
/// and pair, then the fields of [`ShareRow`], except that a whole of zero, or with
/// bounds that reach zero, leaves the share and its bounds `None` instead of failing
/// the call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesShare {
    /// The parts' indicator code.
    pub indicator: String,
    /// Origin, alpha-3, as the parts are stored.
    pub origin: String,
    /// Destination, alpha-3.
    pub destination: String,
    /// The period.
    pub period: Period,
    /// The part's product.
    pub product: String,
    /// The part's value.
    pub value: f64,
    /// The whole's value.
    pub whole: f64,
    /// `value / whole`, a fraction; `None` when the whole is zero or its bounds reach
    /// zero.
    pub share: Option<f64>,
    /// Lower bound of the share.
    pub low: Option<f64>,
    /// Upper bound of the share.
    pub high: Option<f64>,
}

/// Every part as a share of the whole, for each period where both exist (or only
/// `period`). Parts and whole must have the same unit; a part that is the whole
/// itself is left out.
pub fn shares(parts: &[Series], whole: &Series, period: Option<&Period>) -> Result<Vec<ShareRow>> {
    same_units(parts, &whole.indicator)?;
    let mut rows = Vec::new();
    for (part, obs, total) in part_and_whole(parts, whole, period) {
        let (share, bounds) = quotient(whole, obs, total)?;
        rows.push(ShareRow {
            period: obs.period,
            product: part.product.clone(),
            value: obs.value,
            whole: total.value,
            share,
            low: bounds.low,
            high: bounds.high,
        });
    }
    if rows.is_empty() {
        let when = period.map_or("a period".to_owned(), |p| p.to_string());
        return Err(Error::not_found(
            "observation",
            format!(
                "a product of {} other than {} for {when} in which {} has a figure \
                 (shares are products of a whole, e.g. exports by product of trade_turnover)",
                parts_label(parts, whole),
                whole.product,
                whole.label()
            ),
        ));
    }
    rows.sort_by(|a, b| (a.period, &a.product).cmp(&(b.period, &b.product)));
    Ok(rows)
}

/// [`shares`] for a call over many pairs, where one undefined share must not hide the
/// others: a whole of zero, or with bounds that reach zero, leaves that row's share
/// empty, and parts without a whole in any period give no rows. Parts of another unit
/// than the whole are still an error.
pub fn shares_where_defined(
    parts: &[Series],
    whole: &Series,
    period: Option<&Period>,
) -> Result<Vec<SeriesShare>> {
    same_units(parts, &whole.indicator)?;
    let mut rows: Vec<SeriesShare> = part_and_whole(parts, whole, period)
        .map(|(part, obs, total)| {
            let share = ratio_of(obs, total);
            SeriesShare {
                indicator: part.indicator.code.clone(),
                origin: part.origin.clone(),
                destination: part.destination.clone(),
                period: obs.period,
                product: part.product.clone(),
                value: obs.value,
                whole: total.value,
                share: share.map(|s| s.0),
                low: share.map(|s| s.1.low),
                high: share.map(|s| s.1.high),
            }
        })
        .collect();
    rows.sort_by(|a, b| (a.period, &a.product).cmp(&(b.period, &b.product)));
    Ok(rows)
}

/// A validation error naming both units when a part is not measured as the whole is.
fn same_units(parts: &[Series], whole: &Indicator) -> Result<()> {
    match parts.iter().find(|part| part.indicator.unit != whole.unit) {
        None => Ok(()),
        Some(part) => Err(other_unit(part, whole)),
    }
}

/// The validation error of a `part` not measured as the `whole` is.
fn other_unit(part: &Series, whole: &Indicator) -> Error {
    Error::invalid(
        "of",
        whole.code.clone(),
        format!(
            "is measured in {} but {} in {} ({} vs {})",
            whole.unit,
            part.label(),
            part.indicator.unit,
            part.indicator.unit,
            whole.unit
        ),
    )
}

/// Each figure of a part (other than the whole itself) in a period where the whole has
/// one, with the whole's figure: only `period`'s when it is given.
fn part_and_whole<'a>(
    parts: &'a [Series],
    whole: &'a Series,
    period: Option<&'a Period>,
) -> impl Iterator<Item = (&'a Series, &'a Observation, &'a Observation)> {
    parts
        .iter()
        .filter(|part| {
            !(part.indicator.code == whole.indicator.code && part.product == whole.product)
        })
        .flat_map(move |part| {
            part.observations
                .iter()
                .filter(move |obs| period.is_none_or(|p| p == &obs.period))
                .filter_map(move |obs| Some((part, obs, whole.get(&obs.period)?)))
        })
}

fn parts_label(parts: &[Series], whole: &Series) -> String {
    parts.first().map_or_else(
        || whole.indicator.code.clone(),
        |p| p.indicator.code.clone(),
    )
}

/// The whole a product's series is part of: the same indicator's total for the pair,
/// or else an undirected indicator of the same unit and topic (the first by code in
/// `indicators`) with a figure for one of the same periods. `series` gives an
/// indicator's total series for the part's pair.
pub fn whole_for(
    part: &Series,
    indicators: &[Indicator],
    mut series: impl FnMut(&Indicator) -> Result<Series>,
) -> Result<Option<Series>> {
    let own = series(&part.indicator)?;
    if !own.observations.is_empty() {
        return Ok(Some(own));
    }
    for indicator in indicators {
        // A whole of the same unit and topic: exports in USD of trade turnover, not
        // wheat tonnes of corridor cargo.
        if indicator.directed
            || indicator.unit != part.indicator.unit
            || indicator.topic != part.indicator.topic
            || indicator.code == part.indicator.code
        {
            continue;
        }
        let candidate = series(indicator)?;
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

/// What shares over every pair are computed from: the parts as read (every product of
/// the filter's indicators), and the wholes' indicator with its own read when the
/// whole is another indicator than the parts'.
pub(crate) struct ShareTables {
    /// The parts.
    pub(crate) parts: ObservationTable,
    /// The whole's indicator and its figures for `of_product`, every pair; `None`: each
    /// pair's own `of_product` among the parts.
    pub(crate) wholes: Option<(Indicator, ObservationTable)>,
    /// The whole's product, as a stored code names it.
    pub(crate) of_product: String,
    /// Which figures count, as [`SeriesFilter::status`] says.
    pub(crate) status: Option<Status>,
    /// Only this period.
    pub(crate) period: Option<Period>,
}

/// A share of [`each_share_of_tables`]: a part's figure beside the whole's of the same
/// period, with `part.key` its series in the parts' table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TableShare<'a> {
    /// The part's figure.
    pub(crate) part: &'a ObservationRow,
    /// The whole's figure.
    pub(crate) whole: &'a ObservationRow,
    /// `part / whole` with bounds; `None` where the whole is zero or its bounds reach
    /// zero.
    pub(crate) share: Option<(f64, Bounds)>,
}

/// The shares [`Store::shares_of_every`] gives, handed one by one to `each` in the same
/// order (pair after pair, within a pair by period and product), read from the tables'
/// rows without making a [`Series`] of each. A part of another unit than the whole
/// indicator is an error, before any share is handed over.
pub(crate) fn each_share_of_tables<'a>(
    tables: &'a ShareTables,
    mut each: impl FnMut(TableShare<'a>),
) -> Result<()> {
    let parts = &tables.parts;
    let series = table_series(parts, tables.status);
    let label = |key: SeriesKey| Series {
        indicator: parts.indicator(key).clone(),
        origin: parts.countries[key.origin as usize].clone(),
        destination: parts.countries[key.destination as usize].clone(),
        product: parts.products[key.product as usize].clone(),
        observations: Vec::new(),
    };
    let wholes = match &tables.wholes {
        Some((of, table)) => {
            if let Some((key, _)) = series
                .iter()
                .find(|(key, _)| parts.indicator(*key).unit != of.unit)
            {
                return Err(other_unit(&label(*key), of));
            }
            Some((of, table, table_series(table, tables.status)))
        }
        None => None,
    };
    // Each pair's whole, by the pair as the whole's indicator names it (the last of
    // several, as a map built in order keeps it).
    let whole_of_pair: HashMap<(&str, &str), usize> = match &wholes {
        Some((of, table, whole_series)) => whole_series
            .iter()
            .enumerate()
            .map(|(i, (key, _))| {
                let origin = &table.countries[key.origin as usize];
                let destination = &table.countries[key.destination as usize];
                (pair_key(of.directed, origin, destination), i)
            })
            .collect(),
        None => HashMap::new(),
    };
    let same_pair = |a: &(SeriesKey, Vec<&ObservationRow>),
                     b: &(SeriesKey, Vec<&ObservationRow>)| {
        (a.0.indicator, a.0.origin, a.0.destination) == (b.0.indicator, b.0.origin, b.0.destination)
    };
    let mut rows: Vec<TableShare<'a>> = Vec::new();
    for pair in series.chunk_by(same_pair) {
        let first = pair[0].0;
        // The whole's figures, with its indicator and product: a part that is the
        // whole itself is left out.
        let (whole, whole_indicator, whole_product) = match &wholes {
            Some((of, table, whole_series)) => {
                let origin = &parts.countries[first.origin as usize];
                let destination = &parts.countries[first.destination as usize];
                let Some(&i) = whole_of_pair.get(&pair_key(of.directed, origin, destination))
                else {
                    continue;
                };
                let (key, figures) = &whole_series[i];
                (figures, &of.code, &table.products[key.product as usize])
            }
            None => {
                let Some((key, figures)) = pair.iter().find(|(key, _)| {
                    parts.products[key.product as usize].eq_ignore_ascii_case(&tables.of_product)
                }) else {
                    continue;
                };
                let product = &parts.products[key.product as usize];
                (figures, &parts.indicator(*key).code, product)
            }
        };
        let is_whole = |key: SeriesKey| {
            &parts.indicator(key).code == whole_indicator
                && &parts.products[key.product as usize] == whole_product
        };
        rows.clear();
        for (key, figures) in pair {
            if is_whole(*key) {
                continue;
            }
            for part in figures {
                if tables.period.is_some_and(|p| p != part.period) {
                    continue;
                }
                if let Some(whole) = figure_for(whole, &part.period) {
                    rows.push(TableShare {
                        part,
                        whole,
                        share: ratio_of(*part, *whole),
                    });
                }
            }
        }
        // By period, then product: the products are in the order of their codes.
        rows.sort_by_key(|r| (r.part.period, r.part.key.product));
        for row in rows.drain(..) {
            each(row);
        }
    }
    Ok(())
}

/// What a share is a share of, and when: the whole's indicator (by default the parts'
/// own) and product (by default `total`), and the one period to take (by default
/// every period with both). Built by name, where the old positional form read
/// `shares(&q, None, "total", Some("2024"))`.
///
/// ```
/// use bilateral::Whole;
///
/// let of_turnover_in_2024 = Whole::total().indicator("trade_turnover").period("2024");
/// assert_eq!(of_turnover_in_2024.product, "total");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Whole {
    /// The whole's indicator; `None` is the parts' own.
    pub indicator: Option<String>,
    /// The whole's product.
    pub product: String,
    /// The one period to take, in the grammar of [`Period`]; `None` takes every
    /// period with a part and the whole.
    pub period: Option<String>,
}

impl Default for Whole {
    fn default() -> Whole {
        Whole::total()
    }
}

impl Whole {
    /// The total of the parts' own indicator, in every period.
    pub fn total() -> Whole {
        Whole {
            indicator: None,
            product: "total".to_owned(),
            period: None,
        }
    }

    /// The whole is another indicator for the same pair (`trade_turnover` for
    /// `exports`).
    pub fn indicator(mut self, indicator: &str) -> Whole {
        self.indicator = Some(indicator.to_owned());
        self
    }

    /// The whole is this product rather than the total.
    pub fn product(mut self, product: &str) -> Whole {
        self.product = product.to_owned();
        self
    }

    /// Only this period (a [`Period`] or its text).
    pub fn period(mut self, period: impl Into<String>) -> Whole {
        self.period = Some(period.into());
        self
    }
}

impl Store {
    /// Every product of a series' indicator and pair as a share of `whole`; see
    /// [`shares`] and [`Whole`]. Shares are fractions (`0.25` is 25 %).
    ///
    /// ```
    /// use bilateral::{SeriesFilter, Store, Whole};
    ///
    /// let store = Store::demo()?;
    /// let exports = SeriesFilter::series("exports", "KAZ", "AZE");
    /// let rows = store.share_of(&exports, &Whole::total().indicator("trade_turnover"))?;
    /// let wheat = rows.iter().find(|r| r.product == "wheat").unwrap();
    /// assert!((wheat.share - 121.5 / 547.6).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn share_of(&self, parts: &impl OneSeries, whole: &Whole) -> Result<Vec<ShareRow>> {
        #[allow(deprecated)]
        self.shares(
            &super::series::keys(parts)?,
            whole.indicator.as_deref(),
            &whole.product,
            whole.period.as_deref(),
        )
    }

    /// Every product as a share of `whole`, for every pair `filter` matches, in one
    /// call; see [`Store::shares_of_every`] for the rows.
    ///
    /// ```
    /// use bilateral::{SeriesFilter, Store, Whole};
    ///
    /// let store = Store::demo()?;
    /// let exports = SeriesFilter::default().indicator("exports");
    /// let rows = store.share_of_every(&exports, &Whole::total().indicator("trade_turnover"))?;
    /// let wheat = rows.iter().find(|r| r.origin == "KAZ" && r.product == "wheat").unwrap();
    /// assert!((wheat.share.unwrap() - 121.5 / 547.6).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn share_of_every(&self, filter: &SeriesFilter, whole: &Whole) -> Result<Vec<SeriesShare>> {
        #[allow(deprecated)]
        self.shares_of_every(
            filter,
            whole.indicator.as_deref(),
            &whole.product,
            whole.period.as_deref(),
        )
    }

    /// Every product of an indicator as a share of a whole; see [`shares`]. The whole
    /// is `of` (another indicator for the same pair, by default the same indicator)
    /// with product `of_product`.
    #[deprecated(
        since = "0.2.0",
        note = "use `Store::share_of(&query, &Whole::total().indicator(of).product(of_product).period(period))`"
    )]
    pub fn shares(
        &self,
        query: &impl OneSeries,
        of: Option<&str>,
        of_product: &str,
        period: Option<&str>,
    ) -> Result<Vec<ShareRow>> {
        let period = period
            .map(|p| parse_period_field("period", p))
            .transpose()?;
        let query = super::series::keys(query)?;
        let parts = self.series_by_product(&query)?;
        let mut whole_query = query.clone();
        whole_query.product = of_product.to_owned();
        if let Some(of) = of {
            whole_query.indicator = of.to_owned();
        }
        let whole = self.series(&whole_query)?;
        shares(&parts, &whole, period.as_ref())
    }

    /// Every product of an indicator as a share of a whole, for every pair `filter`
    /// matches, in one call. The parts are every product of the filter's indicators
    /// for a pair (the filter's product is not used); the whole is `of` (by default
    /// the parts' own indicator) with product `of_product` for the same pair, in either
    /// order when `of` is undirected. Rows as [`shares_where_defined`] gives them, pair
    /// after pair in the order of indicator and pair. A part of another unit than `of`
    /// fails the call, even in a pair without a whole.
    ///
    #[deprecated(
        since = "0.2.0",
        note = "use `Store::share_of_every(&filter, &Whole::total().indicator(of).product(of_product).period(period))`"
    )]
    pub fn shares_of_every(
        &self,
        filter: &SeriesFilter,
        of: Option<&str>,
        of_product: &str,
        period: Option<&str>,
    ) -> Result<Vec<SeriesShare>> {
        let tables = self.share_tables(filter, of, of_product, period)?;
        let parts = &tables.parts;
        let mut rows = Vec::new();
        each_share_of_tables(&tables, |share| {
            let key = share.part.key;
            rows.push(SeriesShare {
                indicator: parts.indicator(key).code.clone(),
                origin: parts.countries[key.origin as usize].clone(),
                destination: parts.countries[key.destination as usize].clone(),
                period: share.part.period,
                product: parts.products[key.product as usize].clone(),
                value: share.part.value,
                whole: share.whole.value,
                share: share.share.map(|s| s.0),
                low: share.share.map(|s| s.1.low),
                high: share.share.map(|s| s.1.high),
            });
        })?;
        Ok(rows)
    }

    /// What [`Store::shares_of_every`] computes its shares from: the parts `filter`
    /// matches (every product), and the whole `of`'s figures of `of_product` for every
    /// pair, read once each.
    pub(crate) fn share_tables(
        &self,
        filter: &SeriesFilter,
        of: Option<&str>,
        of_product: &str,
        period: Option<&str>,
    ) -> Result<ShareTables> {
        let period = period
            .map(|p| parse_period_field("period", p))
            .transpose()?;
        let of_product = crate::store::product_code(of_product).to_owned();
        let parts = self.observation_table(&filter.clone().every_product().observations())?;
        let wholes = match of {
            Some(code) => {
                let of = self.indicator(code)?;
                // Every pair's, in one query: a directed part may have an undirected
                // whole, stored with its pair the other way round.
                let wholes = SeriesFilter {
                    indicator: Some(of.code.clone()),
                    origin: None,
                    destination: None,
                    product: Some(of_product.clone()),
                    status: filter.status,
                };
                let table = self.observation_table(&wholes.observations())?;
                Some((of, table))
            }
            None => None,
        };
        Ok(ShareTables {
            parts,
            wholes,
            of_product,
            status: filter.status,
            period,
        })
    }

    /// The whole a product's series is part of; see [`whole_for`].
    pub fn whole_for(&self, part: &Series) -> Result<Option<Series>> {
        whole_for(part, &self.indicators()?, |indicator| {
            self.series(&SeriesFilter::series(
                &indicator.code,
                &part.origin,
                &part.destination,
            ))
        })
    }
}

/// A pair as an indicator's series name it: in either order when it is undirected.
fn pair_key<'a>(directed: bool, origin: &'a str, destination: &'a str) -> (&'a str, &'a str) {
    if directed {
        (origin, destination)
    } else {
        (origin.min(destination), origin.max(destination))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{field, ErrorKind};
    use crate::model::NewObservation;

    /// Exports from Georgia to Armenia: a total of 200 and wine 50 in 2024, a total of
    /// 100 and wine 10 in 2023.
    fn store() -> Store {
        let mut store = Store::in_memory().unwrap();
        for (period, product, value) in [
            ("2024", "total", 200.0),
            ("2024", "wine", 50.0),
            ("2023", "total", 100.0),
            ("2023", "wine", 10.0),
        ] {
            let figure =
                NewObservation::builder("exports", "GEO", "ARM", period, value).product(product);
            store.add(&figure).unwrap();
        }
        store
    }

    #[test]
    fn a_share_of_the_total_in_one_period_is_the_part_over_the_whole() {
        let store = store();
        let exports = SeriesFilter::series("exports", "GEO", "ARM");
        let rows = store
            .share_of(&exports, &Whole::total().period("2024"))
            .unwrap();
        let wine: Vec<_> = rows.iter().filter(|r| r.product == "wine").collect();
        // 50 / 200 = 0.25, a fraction; 2023 is not asked for.
        assert_eq!(wine.len(), 1);
        assert_eq!(
            (wine[0].value, wine[0].whole, wine[0].share),
            (50.0, 200.0, 0.25)
        );
        // Every period: 2023 gives 10 / 100 = 0.1.
        let every = store.share_of(&exports, &Whole::total()).unwrap();
        let mut wine: Vec<_> = every
            .iter()
            .filter(|r| r.product == "wine")
            .map(|r| (r.period.to_string(), r.share))
            .collect();
        wine.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(wine, [("2023".to_owned(), 0.1), ("2024".to_owned(), 0.25)]);
        // The query form gives the same rows.
        let query = SeriesFilter::series("exports", "GEO", "ARM");
        assert_eq!(store.share_of(&query, &Whole::total()).unwrap(), every);
    }

    #[test]
    fn a_filter_that_leaves_a_key_open_is_not_one_series() {
        let store = store();
        let open = SeriesFilter::default()
            .indicator("exports")
            .destination("ARM");
        let error = store.share_of(&open, &Whole::total()).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Invalid);
        assert_eq!(error.validation().unwrap().field, field::ORIGIN);
        let error = store.growth(&open).unwrap_err();
        assert_eq!(error.validation().unwrap().field, field::ORIGIN);
    }
}
