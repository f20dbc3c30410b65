//! Many figures to add, column by column: each text field keeps its distinct values
//! once (a million rows name a few hundred countries and periods), so the store checks
//! a country or parses a period once per distinct text, not once per row.

use rustc_hash::FxHashMap as HashMap;

use super::{check_scale, check_scale_beside_unit, NewObservation};
use crate::error::{Error, Result};

/// One text field of many rows: each row's position in the list of distinct texts, or
/// none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextColumn {
    /// Empty while no row has text (a field the caller did not give costs nothing).
    codes: Vec<u32>,
    rows: usize,
    values: Vec<String>,
    index: HashMap<String, u32>,
}

impl TextColumn {
    /// The code of a row without text.
    const MISSING: u32 = u32::MAX;

    /// Appends a row.
    pub fn push(&mut self, text: Option<&str>) {
        let code = text.map(|text| self.code_of(text));
        self.push_code(code);
    }

    /// The code of `text`, which is added to the distinct texts if new: a text met
    /// again is not copied.
    pub(crate) fn code_of(&mut self, text: &str) -> u32 {
        match self.index.get(text) {
            Some(&code) => code,
            None => self.intern(text.to_owned()),
        }
    }

    /// Appends a row whose text is `values()[code]`, or none: for a caller that keeps
    /// its own list of distinct texts (an Arrow dictionary, Python string objects).
    pub fn push_code(&mut self, code: Option<u32>) {
        match code {
            None if self.codes.is_empty() => {}
            None => self.codes.push(Self::MISSING),
            Some(code) => {
                self.codes.resize(self.rows, Self::MISSING);
                self.codes.push(code);
            }
        }
        self.rows += 1;
    }

    /// Adds `text` to the distinct texts (if new) and gives its code, without
    /// appending a row.
    pub fn intern(&mut self, text: String) -> u32 {
        if let Some(&code) = self.index.get(&text) {
            return code;
        }
        let code = self.values.len() as u32;
        self.index.insert(text.clone(), code);
        self.values.push(text);
        code
    }

    /// How many rows the column holds.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether the column holds no row.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The text of row `row`.
    pub fn get(&self, row: usize) -> Option<&str> {
        self.code(row).map(|c| self.values[c as usize].as_str())
    }

    /// The code of row `row`: its text's position in [`TextColumn::values`].
    pub fn code(&self, row: usize) -> Option<u32> {
        self.codes.get(row).copied().filter(|&c| c != Self::MISSING)
    }

    /// The distinct texts.
    pub fn values(&self) -> &[String] {
        &self.values
    }

    /// Gives every row without text `text`: the store's default source.
    pub(crate) fn fill_missing(&mut self, text: &str) {
        if !self.has_missing() {
            return;
        }
        let code = self.intern(text.to_owned());
        self.codes.resize(self.rows, Self::MISSING);
        for c in &mut self.codes {
            if *c == Self::MISSING {
                *c = code;
            }
        }
    }

    /// Whether some row has no text.
    pub(crate) fn has_missing(&self) -> bool {
        self.codes.len() < self.rows || self.codes.contains(&Self::MISSING)
    }

    /// The first row whose text is `values()[code]`: the record an error about that
    /// text names.
    pub fn first_row_with(&self, code: u32) -> Option<usize> {
        self.codes.iter().position(|&c| c == code)
    }
}

/// One optional number field of many rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NumberColumn {
    /// Empty while no row has a number.
    values: Vec<Option<f64>>,
    rows: usize,
}

impl NumberColumn {
    /// Appends a row.
    pub fn push(&mut self, number: Option<f64>) {
        match number {
            None if self.values.is_empty() => {}
            None => self.values.push(None),
            Some(n) => {
                self.values.resize(self.rows, None);
                self.values.push(Some(n));
            }
        }
        self.rows += 1;
    }

    /// The number of row `row`.
    pub fn get(&self, row: usize) -> Option<f64> {
        self.values.get(row).copied().flatten()
    }

    /// How many rows the column holds.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Multiplies every number by `factor`.
    fn scale(&mut self, factor: f64) {
        self.values.iter_mut().flatten().for_each(|n| *n *= factor);
    }

    /// Whether the column holds no row.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }
}

impl Extend<Option<f64>> for NumberColumn {
    fn extend<I: IntoIterator<Item = Option<f64>>>(&mut self, numbers: I) {
        numbers.into_iter().for_each(|n| self.push(n));
    }
}

/// What adding a batch (or importing a file) does with a row whose value is missing:
/// an empty cell, `None` or NaN, or a mark statistics offices write instead of a number
/// (`..` for the World Bank and the OECD, `:` for Eurostat, `-`, `x`, `n/a` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnMissing {
    /// Fail, naming the row and the mark, and leave the store unchanged: nothing is
    /// dropped unless asked.
    #[default]
    Error,
    /// Pass over the row, unchecked and unwritten; the import's summary counts such
    /// rows by mark.
    Skip,
}

impl OnMissing {
    /// The choice its code names: `error` or `skip` (as Python's `missing=` takes them).
    pub fn from_code(code: &str) -> Result<OnMissing> {
        match code {
            "error" => Ok(OnMissing::Error),
            "skip" => Ok(OnMissing::Skip),
            other => Err(Error::invalid(
                "missing",
                other,
                "is not one of error, skip",
            )),
        }
    }
}

/// Many observations to add, column by column (the fields of [`NewObservation`]).
///
/// ```
/// use bilateral::{NewObservation, ObservationBatch};
///
/// let rows = [
///     NewObservation::new("exports", "KAZ", "AZE", "2023", 1.0),
///     NewObservation::new("exports", "KAZ", "AZE", "2024", 2.0),
/// ];
/// let batch = ObservationBatch::from_observations(&rows);
/// assert_eq!(batch.len(), 2);
/// assert_eq!(batch.origin.values(), ["KAZ"]); // once, for both rows
/// assert_eq!(batch.observation(1), rows[1]);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObservationBatch {
    /// Indicator codes.
    pub indicator: TextColumn,
    /// Origin countries.
    pub origin: TextColumn,
    /// Destination countries.
    pub destination: TextColumn,
    /// Product codes.
    pub product: TextColumn,
    /// Product names, kept with the products (see [`NewObservation::product_name`]).
    pub product_name: TextColumn,
    /// Periods.
    pub period: TextColumn,
    /// Values; `None` where a row has none (an error when the batch is added).
    pub value: Vec<Option<f64>>,
    /// Qualifiers.
    pub qualifier: TextColumn,
    /// Statuses.
    pub status: TextColumn,
    /// Source ids.
    pub source: TextColumn,
    /// Quotes.
    pub quote: TextColumn,
    /// Explicit lower bounds.
    pub low: NumberColumn,
    /// Explicit upper bounds.
    pub high: NumberColumn,
    /// Units of the last significant digit.
    pub precision: NumberColumn,
    /// Notes.
    pub note: TextColumn,
    /// Units the values are in.
    pub unit: TextColumn,
    /// What adding the batch does with a row without a value: an error naming it (the
    /// default), or pass over it ([`OnMissing::Skip`]; the rows written are then
    /// fewer than the batch's, by [`ObservationBatch::rows_without_value`]).
    pub on_missing: OnMissing,
}

impl ObservationBatch {
    /// The fields of an observation, as columns of a batch are named.
    pub const FIELDS: [&'static str; 16] = [
        "indicator",
        "origin",
        "destination",
        "product",
        "product_name",
        "period",
        "value",
        "qualifier",
        "status",
        "source",
        "quote",
        "low",
        "high",
        "precision",
        "note",
        "unit",
    ];

    /// The batch of `rows`.
    pub fn from_observations(rows: &[NewObservation]) -> ObservationBatch {
        let mut batch = ObservationBatch::default();
        for row in rows {
            batch.push(row);
        }
        batch
    }

    /// Appends a row.
    pub fn push(&mut self, row: &NewObservation) {
        self.indicator.push(Some(&row.indicator));
        self.origin.push(Some(&row.origin));
        self.destination.push(Some(&row.destination));
        self.product.push(row.product.as_deref());
        self.product_name.push(row.product_name.as_deref());
        self.period.push(Some(&row.period));
        self.value.push(Some(row.value));
        self.qualifier.push(row.qualifier.as_deref());
        self.status.push(row.status.as_deref());
        self.source.push(row.source.as_deref());
        self.quote.push(row.quote.as_deref());
        self.low.push(row.low);
        self.high.push(row.high);
        self.precision.push(row.precision);
        self.note.push(row.note.as_deref());
        self.unit.push(row.unit.as_deref());
    }

    /// Appends a row with no field at all, not even a value: one that
    /// [`OnMissing::Skip`] passes over (a file's row whose value is `..`), kept so
    /// that the rows after it keep their index.
    pub fn push_without_value(&mut self) {
        for column in [
            &mut self.indicator,
            &mut self.origin,
            &mut self.destination,
            &mut self.product,
            &mut self.product_name,
            &mut self.period,
            &mut self.qualifier,
            &mut self.status,
            &mut self.source,
            &mut self.quote,
            &mut self.note,
            &mut self.unit,
        ] {
            column.push(None);
        }
        self.value.push(None);
        self.low.push(None);
        self.high.push(None);
        self.precision.push(None);
    }

    /// How many rows the batch holds.
    pub fn len(&self) -> usize {
        self.value.len()
    }

    /// Multiplies every value, bound and precision by `scale` (a table in thousands:
    /// 1000), so that the batch holds base units; a scale that is not a positive number
    /// is a validation error naming `scale`, and a scale beside a row whose unit names a
    /// multiple ("thousand USD", which scales the row itself) one naming `unit` and the
    /// row, before anything is multiplied.
    ///
    /// ```
    /// use bilateral::{NewObservation, ObservationBatch};
    ///
    /// let mut batch = ObservationBatch::from_observations(&[NewObservation::new("exports", "AZE", "KAZ", "2024", 1.5)]);
    /// batch.scale(1000.0)?;
    /// assert_eq!(batch.value, [Some(1500.0)]);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn scale(&mut self, scale: f64) -> Result<()> {
        let factor = check_scale(scale)?;
        // A unit that names a multiple already scales its row: both would be too much.
        for row in 0..self.unit.len() {
            if let Some(unit) = self.unit.get(row) {
                check_scale_beside_unit(factor, unit, Some(row))?;
            }
        }
        if factor != 1.0 {
            self.value.iter_mut().flatten().for_each(|n| *n *= factor);
            self.low.scale(factor);
            self.high.scale(factor);
            self.precision.scale(factor);
        }
        Ok(())
    }

    /// Whether the batch holds no row.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// How many rows have no value (see [`OnMissing`]).
    pub fn rows_without_value(&self) -> usize {
        self.value.iter().filter(|v| v.is_none()).count()
    }

    /// The first row without a value, indicator, origin, destination or period, as a
    /// validation error naming the row and the field ("is missing"). With
    /// [`OnMissing::Skip`], a row without a value is passed over, whatever else it lacks.
    pub fn check_complete(&self) -> Result<()> {
        for row in 0..self.len() {
            let missing = if self.value[row].is_none() {
                if self.on_missing == OnMissing::Skip {
                    continue;
                }
                return Err(crate::hints::missing_value("value", "").at_record(row));
            } else {
                [
                    ("indicator", &self.indicator),
                    ("origin", &self.origin),
                    ("destination", &self.destination),
                    ("period", &self.period),
                ]
                .into_iter()
                .find(|(_, column)| column.code(row).is_none())
                .map(|(field, _)| field)
            };
            if let Some(field) = missing {
                return Err(Error::invalid(field, "", "is missing").at_record(row));
            }
        }
        Ok(())
    }

    /// With [`OnMissing::Skip`] and rows without a value: the batch without them, and
    /// the index each row kept had in this one (for an error to name it). `None` when
    /// nothing is to be passed over.
    pub(crate) fn without_missing_values(&self) -> Option<(ObservationBatch, Vec<usize>)> {
        if self.on_missing != OnMissing::Skip || self.value.iter().all(Option::is_some) {
            return None;
        }
        let kept: Vec<usize> = (0..self.len())
            .filter(|&row| self.value[row].is_some())
            .collect();
        let mut batch = ObservationBatch::default();
        let texts = |batch: &mut ObservationBatch, from: &ObservationBatch, row: usize| {
            for (to, from) in [
                (&mut batch.indicator, &from.indicator),
                (&mut batch.origin, &from.origin),
                (&mut batch.destination, &from.destination),
                (&mut batch.product, &from.product),
                (&mut batch.product_name, &from.product_name),
                (&mut batch.period, &from.period),
                (&mut batch.qualifier, &from.qualifier),
                (&mut batch.status, &from.status),
                (&mut batch.source, &from.source),
                (&mut batch.quote, &from.quote),
                (&mut batch.note, &from.note),
                (&mut batch.unit, &from.unit),
            ] {
                to.push(from.get(row));
            }
        };
        for &row in &kept {
            texts(&mut batch, self, row);
            batch.value.push(self.value[row]);
            batch.low.push(self.low.get(row));
            batch.high.push(self.high.get(row));
            batch.precision.push(self.precision.get(row));
        }
        Some((batch, kept))
    }

    /// Row `i` as a [`NewObservation`] (a missing required text as an empty one).
    pub fn observation(&self, i: usize) -> NewObservation {
        let text = |c: &TextColumn| c.get(i).map(str::to_owned);
        let required = |c: &TextColumn| text(c).unwrap_or_default();
        NewObservation {
            indicator: required(&self.indicator),
            origin: required(&self.origin),
            destination: required(&self.destination),
            product: text(&self.product),
            product_name: text(&self.product_name),
            period: required(&self.period),
            value: self.value[i].unwrap_or(f64::NAN),
            qualifier: text(&self.qualifier),
            status: text(&self.status),
            source: text(&self.source),
            quote: text(&self.quote),
            low: self.low.get(i),
            high: self.high.get(i),
            precision: self.precision.get(i),
            note: text(&self.note),
            unit: text(&self.unit),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filling_missing_texts_leaves_given_ones_and_fills_the_rest() {
        let mut column = TextColumn::default();
        for text in [None, Some("a"), None] {
            column.push(text);
        }
        assert!(column.has_missing());
        column.fill_missing("d");
        let rows: Vec<_> = (0..3).map(|r| column.get(r)).collect();
        assert_eq!(rows, [Some("d"), Some("a"), Some("d")]);
        assert!(!column.has_missing());
        // A column no row gave text to is filled too (its codes were never written).
        let mut empty = TextColumn::default();
        empty.push(None);
        empty.push(None);
        empty.fill_missing("d");
        assert_eq!((empty.get(0), empty.get(1)), (Some("d"), Some("d")));
    }

    #[test]
    fn a_text_first_given_at_row_three_is_missing_before_and_after_it() {
        let mut column = TextColumn::default();
        for row in 0..5 {
            column.push((row == 3).then_some("said so"));
        }
        let texts: Vec<Option<&str>> = (0..5).map(|r| column.get(r)).collect();
        assert_eq!(texts, [None, None, None, Some("said so"), None]);
        assert_eq!((column.len(), column.values().len()), (5, 1));
        assert_eq!(column.first_row_with(0), Some(3));
    }

    #[test]
    fn a_number_first_given_at_row_two_is_missing_before_and_after_it() {
        let mut column = NumberColumn::default();
        column.extend([None, None, Some(1.5), None]);
        let numbers: Vec<Option<f64>> = (0..4).map(|r| column.get(r)).collect();
        assert_eq!(numbers, [None, None, Some(1.5), None]);
        assert_eq!(column.len(), 4);
    }
}
