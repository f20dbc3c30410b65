//! Many observations at once: each row's indicator, countries, product and source as
//! an index into a small list of the distinct values (a million rows name a few hundred
//! countries), so that a bulk read allocates per distinct value rather than per cell,
//! and an analysis over every series groups rows by integers.

use serde::{Deserialize, Serialize};

use super::{Bounds, Indicator, Observation, Qualifier, Status};
use crate::error::{Error, Result};
use crate::period::Period;

/// Which series a row belongs to, as positions in its table's lists: indicator, origin,
/// destination and product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SeriesKey {
    /// Position in [`ObservationTable::indicators`].
    pub indicator: u32,
    /// Position in [`ObservationTable::countries`].
    pub origin: u32,
    /// Position in [`ObservationTable::countries`].
    pub destination: u32,
    /// Position in [`ObservationTable::products`].
    pub product: u32,
}

/// One observation of an [`ObservationTable`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObservationRow {
    /// The series.
    pub key: SeriesKey,
    /// The period covered.
    pub period: Period,
    /// The period as the caller wrote it: a position in
    /// [`ObservationTable::period_texts`].
    pub period_text: u32,
    /// The value in base units.
    pub value: f64,
    /// How the figure was worded.
    pub qualifier: Qualifier,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// Measurement, estimate, target …
    pub status: Status,
    /// Position in [`ObservationTable::sources`], when the figure has a source.
    pub source: Option<u32>,
    /// The sentence the figure came from.
    pub quote: Option<String>,
    /// Notes.
    pub note: Option<String>,
}

impl ObservationRow {
    /// The bounds as one value.
    pub fn bounds(&self) -> Bounds {
        Bounds::new(self.low, self.high)
    }
}

/// Observations with their repeated values stored once. Every list is sorted (indicators
/// by code, countries by alpha-3 …), so positions compare as the texts do, and holds
/// only values some row uses; the rows are in the order of
/// [`Store::observations`](crate::Store::observations).
///
/// ```
/// let store = bilateral::Store::demo()?;
/// let table = store.observation_table(&bilateral::ObservationFilter::indicator("tourists"))?;
/// let first = &table.rows[0];
/// assert_eq!(table.countries[first.key.origin as usize], "AZE");
/// assert_eq!(table.observation(0), store.observations(&bilateral::ObservationFilter::indicator("tourists"))?[0]);
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ObservationTable {
    /// The indicators the rows name.
    pub indicators: Vec<Indicator>,
    /// Alpha-3 codes of the countries the rows name.
    pub countries: Vec<String>,
    /// Product codes.
    pub products: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
    /// Periods as written.
    pub period_texts: Vec<String>,
    /// The observations.
    pub rows: Vec<ObservationRow>,
}

impl ObservationTable {
    /// How many observations the table holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table holds no observation.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The indicator of a series.
    pub fn indicator(&self, key: SeriesKey) -> &Indicator {
        &self.indicators[key.indicator as usize]
    }

    /// Row `i` as an [`Observation`], every value written out.
    pub fn observation(&self, i: usize) -> Observation {
        self.observation_of(&self.rows[i])
    }

    /// A row of this table as an [`Observation`].
    pub fn observation_of(&self, row: &ObservationRow) -> Observation {
        let indicator = self.indicator(row.key);
        Observation {
            indicator: indicator.code.clone(),
            origin: self.countries[row.key.origin as usize].clone(),
            destination: self.countries[row.key.destination as usize].clone(),
            product: self.products[row.key.product as usize].clone(),
            period: row.period,
            period_text: self.period_texts[row.period_text as usize].clone(),
            value: row.value,
            qualifier: row.qualifier,
            low: row.low,
            high: row.high,
            status: row.status,
            unit: indicator.unit.clone(),
            source: row.source.map(|s| self.sources[s as usize].clone()),
            quote: row.quote.clone(),
            note: row.note.clone(),
        }
    }

    /// Every row as an [`Observation`].
    pub fn into_observations(self) -> Vec<Observation> {
        (0..self.len()).map(|i| self.observation(i)).collect()
    }

    /// A table of `observations`, in the order given (rows that did not come from the
    /// store, such as [`Store::implied`](crate::Store::implied)'s, leave as stored ones
    /// do); `indicators` defines the indicators they name, and one it lacks is a
    /// not-found error.
    ///
    /// ```
    /// use bilateral::{ObservationFilter, ObservationTable};
    ///
    /// let store = bilateral::Store::demo()?;
    /// let table = store.observation_table(&ObservationFilter::indicator("tourists"))?;
    /// let again = ObservationTable::from_observations(&table.clone().into_observations(), &table.indicators)?;
    /// assert_eq!(again, table);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn from_observations(
        observations: &[Observation],
        indicators: &[Indicator],
    ) -> Result<ObservationTable> {
        fn distinct<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
            let mut list: Vec<String> = texts.map(str::to_owned).collect();
            list.sort();
            list.dedup();
            list
        }
        // Every text is in its list, which is sorted: found by bisection.
        fn at(list: &[String], text: &str) -> u32 {
            list.binary_search_by(|t| t.as_str().cmp(text))
                .unwrap_or_default() as u32
        }
        let codes = distinct(observations.iter().map(|o| o.indicator.as_str()));
        let indicators = codes
            .iter()
            .map(|code| {
                indicators
                    .iter()
                    .find(|i| &i.code == code)
                    .cloned()
                    .ok_or_else(|| Error::not_found("indicator", crate::error::shortened(code)))
            })
            .collect::<Result<Vec<Indicator>>>()?;
        let countries = distinct(
            observations
                .iter()
                .flat_map(|o| [o.origin.as_str(), o.destination.as_str()]),
        );
        let products = distinct(observations.iter().map(|o| o.product.as_str()));
        let sources = distinct(observations.iter().filter_map(|o| o.source.as_deref()));
        let period_texts = distinct(observations.iter().map(|o| o.period_text.as_str()));
        let rows = observations
            .iter()
            .map(|o| ObservationRow {
                key: SeriesKey {
                    indicator: at(&codes, &o.indicator),
                    origin: at(&countries, &o.origin),
                    destination: at(&countries, &o.destination),
                    product: at(&products, &o.product),
                },
                period: o.period,
                period_text: at(&period_texts, &o.period_text),
                value: o.value,
                qualifier: o.qualifier,
                low: o.low,
                high: o.high,
                status: o.status,
                source: o.source.as_deref().map(|s| at(&sources, s)),
                quote: o.quote.clone(),
                note: o.note.clone(),
            })
            .collect();
        Ok(ObservationTable {
            indicators,
            countries,
            products,
            sources,
            period_texts,
            rows,
        })
    }
}
