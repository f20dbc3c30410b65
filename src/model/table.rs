//! Many observations at once: each row's indicator, countries, product and source as
//! an index into a small list of the distinct values (a million rows name a few hundred
//! countries), so that a bulk read allocates per distinct value rather than per cell,
//! and an analysis over every series groups rows by integers.

use serde::{Deserialize, Serialize};

use super::{Bounds, Indicator, Observation, Qualifier, Status};
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
}
