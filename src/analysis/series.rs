//! A series (an indicator's observations for one pair and product, one per period),
//! the query that selects it, and the interval arithmetic every analysis shares.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{
    Bounds, Indicator, Observation, ObservationRow, ObservationTable, SeriesKey, Status,
};
use crate::period::Period;
use crate::store::{ObservationFilter, Store};

/// Which series to read: an indicator for a pair and product, and which statuses count.
/// Deprecated: [`SeriesFilter::series`] names one series the same way, and the calls
/// on one series take it ([`OneSeries`]).
///
/// ```
/// use bilateral::{SeriesFilter, Status};
///
/// let wheat = SeriesFilter::series("exports", "KAZ", "AZE").product("wheat");
/// let targets = SeriesFilter::series("corridor_cargo", "AZE", "KAZ").status(Status::Target);
/// ```
#[deprecated(since = "0.2.0", note = "use SeriesFilter::series(…)")]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesQuery {
    /// Indicator code.
    pub indicator: String,
    /// Origin country (any form the store accepts).
    pub origin: String,
    /// Destination country.
    pub destination: String,
    /// Product code, `total` by default.
    pub product: String,
    /// Only this status; `None` takes every figure that is not a target or
    /// projection, preferring actual over provisional over estimate in a period.
    pub status: Option<Status>,
}

#[allow(deprecated)]
impl SeriesQuery {
    /// The total product of `indicator` from `origin` to `destination`.
    pub fn new(indicator: &str, origin: &str, destination: &str) -> SeriesQuery {
        SeriesQuery {
            indicator: indicator.to_owned(),
            origin: origin.to_owned(),
            destination: destination.to_owned(),
            product: "total".to_owned(),
            status: None,
        }
    }

    /// Another product.
    pub fn product(mut self, product: &str) -> SeriesQuery {
        self.product = product.to_owned();
        self
    }

    /// Only figures of this status.
    pub fn status(mut self, status: Status) -> SeriesQuery {
        self.status = Some(status);
        self
    }
}

/// The keys of one series, every one given: what [`OneSeries::one_series`] checks a
/// filter for, and what the analyses of one series read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Keys {
    pub(crate) indicator: String,
    pub(crate) origin: String,
    pub(crate) destination: String,
    pub(crate) product: String,
    pub(crate) status: Option<Status>,
}

impl Keys {
    /// Only figures of this status.
    pub(crate) fn status(mut self, status: Status) -> Keys {
        self.status = Some(status);
        self
    }
}

/// The keys of the one series `query` names, or the validation error naming the key
/// it leaves open.
pub(crate) fn keys(query: &impl OneSeries) -> Result<Keys> {
    let filter = query.one_series()?;
    let key = |value: Option<String>, field: &str| {
        value.ok_or_else(|| {
            Error::invalid(
                field,
                "",
                "is left open: one series needs the indicator, origin, destination and \
                 product (SeriesFilter::series gives them all)",
            )
        })
    };
    Ok(Keys {
        indicator: key(filter.indicator, "indicator")?,
        origin: key(filter.origin, "origin")?,
        destination: key(filter.destination, "destination")?,
        product: key(filter.product, "product")?,
        status: filter.status,
    })
}

/// Which series to read when several may match: every field left `None` matches
/// everything (for an undirected indicator a country matches either side), and
/// `status` selects figures as [`SeriesFilter::status`] says.
///
/// ```
/// use bilateral::SeriesFilter;
///
/// let every_export = SeriesFilter::default().indicator("exports").every_product();
/// let totals_from_kazakhstan = SeriesFilter::default().origin("KAZ");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesFilter {
    /// Indicator code.
    pub indicator: Option<String>,
    /// Origin country (any form the store accepts).
    pub origin: Option<String>,
    /// Destination country.
    pub destination: Option<String>,
    /// Product code; `total` by default, `None` for every product.
    pub product: Option<String>,
    /// Only this status; `None` takes every figure that is not a target or
    /// projection, preferring actual over provisional over estimate in a period.
    pub status: Option<Status>,
}

impl Default for SeriesFilter {
    /// Every total series.
    fn default() -> SeriesFilter {
        SeriesFilter {
            indicator: None,
            origin: None,
            destination: None,
            product: Some("total".to_owned()),
            status: None,
        }
    }
}

impl SeriesFilter {
    /// The one series of `indicator` from `origin` to `destination`, total product:
    /// a filter with every key given, which the calls on one series ([`OneSeries`])
    /// take.
    ///
    /// ```
    /// use bilateral::SeriesFilter;
    ///
    /// let wheat = SeriesFilter::series("exports", "KAZ", "AZE").product("wheat");
    /// assert_eq!(wheat.origin.as_deref(), Some("KAZ"));
    /// assert_eq!(wheat.product.as_deref(), Some("wheat"));
    /// ```
    pub fn series(indicator: &str, origin: &str, destination: &str) -> SeriesFilter {
        SeriesFilter::default()
            .indicator(indicator)
            .pair(origin, destination)
    }

    /// Only series between `origin` and `destination`.
    pub fn pair(self, origin: &str, destination: &str) -> SeriesFilter {
        self.origin(origin).destination(destination)
    }

    /// Only series of `indicator`.
    pub fn indicator(mut self, indicator: &str) -> SeriesFilter {
        self.indicator = Some(indicator.to_owned());
        self
    }

    /// Only series from `origin`.
    pub fn origin(mut self, origin: &str) -> SeriesFilter {
        self.origin = Some(origin.to_owned());
        self
    }

    /// Only series to `destination`.
    pub fn destination(mut self, destination: &str) -> SeriesFilter {
        self.destination = Some(destination.to_owned());
        self
    }

    /// Only series of `product`.
    pub fn product(mut self, product: &str) -> SeriesFilter {
        self.product = Some(product.to_owned());
        self
    }

    /// Every product, the total included.
    pub fn every_product(mut self) -> SeriesFilter {
        self.product = None;
        self
    }

    /// Only figures of this status.
    pub fn status(mut self, status: Status) -> SeriesFilter {
        self.status = Some(status);
        self
    }

    /// The observations the series are made of, every status included (the series
    /// choose among them).
    pub(crate) fn observations(&self) -> ObservationFilter {
        ObservationFilter {
            indicator: self.indicator.clone(),
            origin: self.origin.clone(),
            destination: self.destination.clone(),
            product: self.product.clone(),
            status: None,
        }
    }
}

#[allow(deprecated)]
impl From<SeriesQuery> for SeriesFilter {
    fn from(query: SeriesQuery) -> SeriesFilter {
        SeriesFilter {
            indicator: Some(query.indicator),
            origin: Some(query.origin),
            destination: Some(query.destination),
            product: Some(query.product),
            status: query.status,
        }
    }
}

impl From<Keys> for SeriesFilter {
    fn from(keys: Keys) -> SeriesFilter {
        SeriesFilter {
            indicator: Some(keys.indicator),
            origin: Some(keys.origin),
            destination: Some(keys.destination),
            product: Some(keys.product),
            status: keys.status,
        }
    }
}

/// What names exactly one series: a [`SeriesFilter`] with every key given
/// ([`SeriesFilter::series`]), or the deprecated `SeriesQuery`. The calls on one series
/// take either.
pub trait OneSeries {
    /// The series as a filter; the calls on one series refuse one that leaves a key
    /// open (any indicator, any product …) with a validation error naming that key.
    fn one_series(&self) -> Result<SeriesFilter>;
}

#[allow(deprecated)]
impl OneSeries for SeriesQuery {
    fn one_series(&self) -> Result<SeriesFilter> {
        Ok(SeriesFilter::from(self.clone()))
    }
}

impl OneSeries for SeriesFilter {
    fn one_series(&self) -> Result<SeriesFilter> {
        Ok(self.clone())
    }
}

impl OneSeries for Keys {
    fn one_series(&self) -> Result<SeriesFilter> {
        Ok(SeriesFilter::from(self.clone()))
    }
}

/// An indicator's observations for one pair and product, one per period, in period
/// order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// What is measured.
    pub indicator: Indicator,
    /// Origin, alpha-3, as asked for.
    pub origin: String,
    /// Destination, alpha-3, as asked for.
    pub destination: String,
    /// Product code.
    pub product: String,
    /// The observations, one per period, in period order (start, then end).
    pub observations: Vec<Observation>,
}

impl Series {
    /// The observation for exactly `period`. The observations are in period order (as
    /// the store reads them), so this is a binary search: a report asks it for every
    /// row of a series.
    pub fn get(&self, period: &Period) -> Option<&Observation> {
        figure_for(&self.observations, period)
    }

    /// The observation for `period`, or [`Error::NotFound`] naming the series.
    pub fn require(&self, period: &Period) -> Result<&Observation> {
        self.get(period).ok_or_else(|| {
            Error::not_found("observation", format!("{} for {period}", self.label()))
        })
    }

    /// [`Error::NotFound`] naming the series when it has no observation at all.
    pub fn require_some(&self) -> Result<()> {
        if self.observations.is_empty() {
            Err(Error::not_found(
                "observation",
                format!("{} for any period", self.label()),
            ))
        } else {
            Ok(())
        }
    }

    /// `trade_turnover AZE–KAZ`, `exports KAZ→AZE wheat`.
    pub fn label(&self) -> String {
        let arrow = if self.indicator.directed {
            "→"
        } else {
            "–"
        };
        // A stored product code has at most 64 characters: a longer one came from a
        // query, and is shortened in the message that names the series.
        let product = if self.product == "total" {
            String::new()
        } else {
            format!(" {}", crate::error::shortened(&self.product))
        };
        format!(
            "{} {}{arrow}{}{product}",
            self.indicator.code, self.origin, self.destination
        )
    }

    pub(crate) fn undefined(&self, period: &Period, reason: &str) -> Error {
        Error::invalid("value", format!("{} for {period}", self.label()), reason)
    }
}

/// One series per product from `rows` (observations of `indicator` for the pair, in
/// any order): only figures of `status`, or when it is `None` every figure that is not
/// a target or projection, one per period, preferring a measurement over a provisional
/// figure over an estimate, then the first source by id.
pub fn series_by_product(
    indicator: &Indicator,
    origin: &str,
    destination: &str,
    rows: impl IntoIterator<Item = Observation>,
    status: Option<Status>,
) -> Vec<Series> {
    let mut rows: Vec<Observation> = rows
        .into_iter()
        .filter(|o| match status {
            Some(status) => o.status == status,
            None => !o.status.is_forward_looking(),
        })
        .collect();
    // Per product and period, the preferred status first, then by source id.
    rows.sort_by(|a, b| {
        (&a.product, a.period, a.status.rank(), &a.source).cmp(&(
            &b.product,
            b.period,
            b.status.rank(),
            &b.source,
        ))
    });
    rows.dedup_by(|later, kept| later.product == kept.product && later.period == kept.period);
    let mut series: Vec<Series> = Vec::new();
    for obs in rows {
        match series.last_mut() {
            Some(s) if s.product == obs.product => s.observations.push(obs),
            _ => series.push(Series {
                indicator: indicator.clone(),
                origin: origin.to_owned(),
                destination: destination.to_owned(),
                product: obs.product.clone(),
                observations: vec![obs],
            }),
        }
    }
    series
}

/// What an analysis needs of a figure, whether it comes as an [`Observation`] or as a
/// row of an [`ObservationTable`].
pub(crate) trait Figure {
    /// The period covered.
    fn period(&self) -> Period;
    /// The value.
    fn value(&self) -> f64;
    /// Its bounds.
    fn bounds(&self) -> Bounds;
    /// Its status.
    fn status(&self) -> Status;
}

impl Figure for Observation {
    fn period(&self) -> Period {
        self.period
    }
    fn value(&self) -> f64 {
        self.value
    }
    fn bounds(&self) -> Bounds {
        Observation::bounds(self)
    }
    fn status(&self) -> Status {
        self.status
    }
}

impl Figure for ObservationRow {
    fn period(&self) -> Period {
        self.period
    }
    fn value(&self) -> f64 {
        self.value
    }
    fn bounds(&self) -> Bounds {
        ObservationRow::bounds(self)
    }
    fn status(&self) -> Status {
        self.status
    }
}

impl<F: Figure> Figure for &F {
    fn period(&self) -> Period {
        (*self).period()
    }
    fn value(&self) -> f64 {
        (*self).value()
    }
    fn bounds(&self) -> Bounds {
        (*self).bounds()
    }
    fn status(&self) -> Status {
        (*self).status()
    }
}

/// The figure of `figures` (in period order) for exactly `period`.
pub(crate) fn figure_for<'a, F: Figure>(figures: &'a [F], period: &Period) -> Option<&'a F> {
    figures
        .binary_search_by(|f| f.period().cmp(period))
        .ok()
        .map(|i| &figures[i])
}

/// The series of a table, each as its key and its rows, one per period in period order:
/// the rows [`Store::series`] would keep (only `status`, or when it is `None` every
/// figure that is not a target or projection, preferring a measurement over a
/// provisional figure over an estimate, then the first source by id).
pub fn table_series(
    table: &ObservationTable,
    status: Option<Status>,
) -> Vec<(SeriesKey, Vec<&ObservationRow>)> {
    let mut series: Vec<(SeriesKey, Vec<&ObservationRow>)> = Vec::new();
    let kept = table.rows.iter().filter(|o| match status {
        Some(status) => o.status == status,
        None => !o.status.is_forward_looking(),
    });
    for row in kept {
        match series.last_mut() {
            Some((key, rows)) if *key == row.key => match rows.last_mut() {
                // The table holds a period's figures together; keep the preferred one.
                Some(last) if last.period == row.period => {
                    if (row.status.rank(), row.source) < (last.status.rank(), last.source) {
                        *last = row;
                    }
                }
                _ => rows.push(row),
            },
            _ => series.push((row.key, vec![row])),
        }
    }
    series
}

// ----- arithmetic shared by the analyses ---------------------------------------------------

/// `top / bottom` with bounds; a bottom of zero, or bounds reaching zero, is an error
/// naming `bottom`'s series and period rather than an infinity.
pub(crate) fn quotient(
    series: &Series,
    top: &Observation,
    bottom: &Observation,
) -> Result<(f64, Bounds)> {
    ratio_of(top, bottom).ok_or_else(|| {
        series.undefined(
            &bottom.period,
            "is zero or has bounds that reach zero, so a ratio to it is undefined",
        )
    })
}

/// `top / bottom` with bounds, or `None` where [`quotient`] is an error: for the calls
/// over many series, where one undefined ratio leaves its cells empty.
pub(crate) fn ratio_of(top: &impl Figure, bottom: &impl Figure) -> Option<(f64, Bounds)> {
    let bounds = top
        .bounds()
        .ratio(bottom.bounds())
        .filter(|_| bottom.value() != 0.0)?;
    Some((top.value() / bottom.value(), bounds))
}

/// The growth a ratio stands for, as a fraction: `ratio − 1` (`1.25` is `0.25`).
pub(crate) fn rate(ratio: f64) -> f64 {
    ratio - 1.0
}

/// CAGR of a ratio over `years`, with bounds; `None` for a negative ratio.
pub(crate) fn cagr(ratio: f64, bounds: Bounds, years: f64) -> Option<(f64, Bounds)> {
    let exponent = 1.0 / years;
    let grown = bounds.powf(exponent)?;
    Some((ratio.powf(exponent) - 1.0, grown.shift(-1.0)))
}

/// Years from the start of `a` to the start of `b`: whole months / 12 when both start
/// on the first of a month, else days / 365.2425 ([`Period::years_to`]).
pub fn years_between(a: &Period, b: &Period) -> f64 {
    a.years_to(b)
}

pub(crate) fn same_length(field: &str, first: &Period, second: &Period) -> Result<()> {
    first.require_same_length(field, second)
}

pub(crate) fn parse_period_field(field: &str, text: &str) -> Result<Period> {
    Period::parse(text).map_err(|e| e.for_field(field))
}

// ----- reading series from the store --------------------------------------------------------

impl Store {
    /// The series a query selects: one observation per period (see
    /// [`SeriesFilter::status`] for which one when a period has several).
    pub fn series(&self, query: &impl OneSeries) -> Result<Series> {
        let query = &keys(query)?;
        let mut all = self.series_by_product(query)?;
        let product = crate::store::product_code(&query.product).to_owned();
        let found = all
            .iter()
            .position(|s| s.product.eq_ignore_ascii_case(&product));
        Ok(match found {
            Some(i) => all.swap_remove(i),
            None => Series {
                indicator: self.indicator(&query.indicator)?,
                origin: self.country(&query.origin)?.alpha3,
                destination: self.country(&query.destination)?.alpha3,
                product,
                observations: Vec::new(),
            },
        })
    }

    /// Every series that `filter` matches, in the order of indicator, pair and product,
    /// read in one query: for an analysis over many series at once.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let tourists = store.series_matching(&bilateral::SeriesFilter::default().indicator("tourists"))?;
    /// let pairs: Vec<String> = tourists.iter().map(|s| s.label()).collect();
    /// assert_eq!(pairs, ["tourists AZE→KAZ", "tourists KAZ→AZE"]);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn series_matching(&self, filter: &SeriesFilter) -> Result<Vec<Series>> {
        let table = self.observation_table(&filter.observations())?;
        let series = table_series(&table, filter.status)
            .into_iter()
            .map(|(key, rows)| Series {
                indicator: table.indicator(key).clone(),
                origin: table.countries[key.origin as usize].clone(),
                destination: table.countries[key.destination as usize].clone(),
                product: table.products[key.product as usize].clone(),
                observations: rows
                    .into_iter()
                    .map(|row| table.observation_of(row))
                    .collect(),
            })
            .collect();
        Ok(series)
    }

    /// One series per product of the query's indicator and pair (the product of the
    /// query is ignored).
    pub fn series_by_product(&self, query: &impl OneSeries) -> Result<Vec<Series>> {
        let query = &keys(query)?;
        let indicator = self.indicator(&query.indicator)?;
        let origin = self.country(&query.origin)?.alpha3;
        let destination = self.country(&query.destination)?.alpha3;
        if origin == destination {
            return Err(Error::invalid_as(
                crate::error::ErrorKind::SameCountry,
                "destination",
                query.destination.clone(),
                format!("is the same country as the origin ({origin})"),
            ));
        }
        let filter = ObservationFilter::indicator(&indicator.code).pair(&origin, &destination);
        let rows = self.observations(&filter)?;
        Ok(series_by_product(
            &indicator,
            &origin,
            &destination,
            rows,
            query.status,
        ))
    }
}
