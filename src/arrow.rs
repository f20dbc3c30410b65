//! Arrow in and out (feature `arrow`): [`Columns`] as a record batch (text as `utf8`,
//! dates as `date32`, numbers as `float64` with a null where the column has NaN, whole
//! numbers as `int64` with a null where a row has none, yes or no as `bool`), and record batches of
//! observations to add as an [`ObservationBatch`] (text in any of Arrow's string
//! layouts, dictionary-encoded or not, or integers, whole floats (years) and dates,
//! timestamps (days) for text fields such as the period; numbers of any numeric type).

use std::sync::Arc;

use arrow_array::builder::{OffsetBufferBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, ListArray, RecordBatch,
};
use arrow_schema::{ArrowError, DataType, Field, Schema, TimeUnit};

use crate::columns::{Column, Columns};
use crate::error::{Error, Result};
use crate::model::{ObservationBatch, OnMissing, TextColumn};

impl Column {
    /// The column as an Arrow array.
    #[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
    pub fn to_arrow(&self) -> ArrayRef {
        match self {
            Column::Float(values) => Arc::new(
                values
                    .iter()
                    .map(|v| (!v.is_nan()).then_some(*v))
                    .collect::<Float64Array>(),
            ),
            Column::Text { codes, values } => {
                let bytes = codes
                    .iter()
                    .filter_map(|&c| usize::try_from(c).ok())
                    .map(|c| values[c].len())
                    .sum();
                let mut builder = StringBuilder::with_capacity(codes.len(), bytes);
                for &code in codes {
                    match usize::try_from(code) {
                        Ok(c) => builder.append_value(&values[c]),
                        Err(_) => builder.append_null(),
                    }
                }
                Arc::new(builder.finish())
            }
            Column::Date(days) => Arc::new(Date32Array::from(days.clone())),
            Column::Int(values) => Arc::new(Int64Array::from(values.clone())),
            Column::Bool(values) => Arc::new(BooleanArray::from(values.clone())),
            Column::List { offsets, values } => {
                let items = values.to_arrow();
                let mut lengths = OffsetBufferBuilder::<i32>::new(offsets.len());
                for pair in offsets.windows(2) {
                    lengths.push_length((pair[1] - pair[0]) as usize);
                }
                let field = Field::new_list_field(items.data_type().clone(), true);
                Arc::new(ListArray::new(
                    Arc::new(field),
                    lengths.finish(),
                    items,
                    None,
                ))
            }
        }
    }
}

impl Columns {
    /// The columns as one Arrow record batch.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let table = store.observation_table(&bilateral::ObservationFilter::indicator("tourists"))?;
    /// let batch = bilateral::Columns::of_observations(&table).to_record_batch()?;
    /// assert_eq!(batch.num_rows(), table.len());
    /// assert_eq!(batch.schema().field(0).name(), "indicator");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
    pub fn to_record_batch(&self) -> Result<RecordBatch, ArrowError> {
        let arrays: Vec<ArrayRef> = self.columns.iter().map(Column::to_arrow).collect();
        let fields: Vec<Field> = self
            .names
            .iter()
            .zip(&arrays)
            .map(|(name, array)| Field::new(name.as_ref(), array.data_type().clone(), true))
            .collect();
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
    }
}

impl ObservationBatch {
    /// Appends the rows of an Arrow record batch whose columns are named after the
    /// fields of [`NewObservation`](crate::NewObservation) (`start` and `end`, as
    /// [`Columns::of_observations`] gives them, are ignored). A column of the wrong
    /// type, or a cell that cannot be read, is a validation error naming the field and
    /// the row, counted from the first row of the whole batch.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use arrow_array::{ArrayRef, Float64Array, RecordBatch, StringArray};
    ///
    /// let text = |v: &[&str]| Arc::new(StringArray::from(v.to_vec())) as ArrayRef;
    /// let batch = RecordBatch::try_from_iter([
    ///     ("indicator", text(&["exports", "exports"])),
    ///     ("origin", text(&["KAZ", "KAZ"])),
    ///     ("destination", text(&["AZE", "AZE"])),
    ///     ("period", text(&["2023", "2024"])),
    ///     ("value", Arc::new(Float64Array::from(vec![1.0, 2.0])) as ArrayRef),
    /// ])?;
    /// let mut rows = bilateral::ObservationBatch::default();
    /// rows.push_arrow(&batch)?;
    /// assert_eq!((rows.len(), rows.origin.values().len()), (2, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
    pub fn push_arrow(&mut self, batch: &RecordBatch) -> Result<()> {
        let first = self.len();
        let rows = batch.num_rows();
        let schema = batch.schema();
        for field in schema.fields() {
            let name = field.name().as_str();
            // pandas stores a Period column as integers counted in its frequency, which
            // would read as years; pandas' add_many hands it over as text instead.
            if let Some(extension) = field.metadata().get("ARROW:extension:name") {
                return Err(Error::invalid(
                    name,
                    format!("a column of {extension}"),
                    "is an Arrow extension type: give its values as text or dates",
                )
                .at_record(first));
            }
            if !ObservationBatch::FIELDS.contains(&name) && !["start", "end"].contains(&name) {
                return Err(Error::invalid(
                    name,
                    name,
                    format!(
                        "is not a field of an observation (fields: {})",
                        ObservationBatch::FIELDS.join(", ")
                    ),
                )
                .at_record(first));
            }
        }
        let column = |name: &str| batch.column_by_name(name);
        // Straight into the batch's columns, with no list of the numbers in between (a
        // million rows: 16 MB a column).
        fn numbers<E: Extend<Option<f64>>>(
            array: Option<&ArrayRef>,
            name: &str,
            rows: usize,
            first: usize,
            missing: Option<OnMissing>,
            into: &mut E,
        ) -> Result<()> {
            match array {
                None => {
                    into.extend(std::iter::repeat_n(None, rows));
                    Ok(())
                }
                Some(array) => arrow_numbers(name, array, first, missing, into),
            }
        }
        let on_missing = Some(self.on_missing);
        numbers(
            column("value"),
            "value",
            rows,
            first,
            on_missing,
            &mut self.value,
        )?;
        numbers(column("low"), "low", rows, first, None, &mut self.low)?;
        numbers(column("high"), "high", rows, first, None, &mut self.high)?;
        numbers(
            column("precision"),
            "precision",
            rows,
            first,
            None,
            &mut self.precision,
        )?;
        for (name, text) in [
            ("indicator", &mut self.indicator),
            ("origin", &mut self.origin),
            ("destination", &mut self.destination),
            ("product", &mut self.product),
            ("product_name", &mut self.product_name),
            ("period", &mut self.period),
            ("qualifier", &mut self.qualifier),
            ("status", &mut self.status),
            ("source", &mut self.source),
            ("quote", &mut self.quote),
            ("note", &mut self.note),
            ("unit", &mut self.unit),
        ] {
            match column(name) {
                None => (0..rows).for_each(|_| text.push_code(None)),
                Some(array) => push_arrow_texts(name, array, first, text)?,
            }
        }
        Ok(())
    }
}

/// A number column of any numeric type, nulls and NaN as `None`, appended to `into`.
/// A text column of nothing but marks of a missing value (`..`, `:` …) and nulls is a
/// column of `None` when `missing` (the value's choice) says to skip them; a mark in a
/// column of other text is an error naming it, as what made the column text.
fn arrow_numbers<E: Extend<Option<f64>>>(
    name: &str,
    array: &ArrayRef,
    first: usize,
    missing: Option<OnMissing>,
    into: &mut E,
) -> Result<()> {
    macro_rules! numbers {
        ($($type:ty),*) => {
            $(if let Some(a) = array.as_primitive_opt::<$type>() {
                into.extend(a.iter().map(|v| v.map(|v| v as f64).filter(|v| !v.is_nan())));
                return Ok(());
            })*
        };
    }
    numbers!(
        Float64Type,
        Int64Type,
        Int32Type,
        Int16Type,
        Int8Type,
        UInt64Type,
        UInt32Type,
        UInt16Type,
        UInt8Type
    );
    if let Some(a) = array.as_primitive_opt::<Float32Type>() {
        into.extend(a.iter().map(|v| v.map(f64::from).filter(|v| !v.is_nan())));
        return Ok(());
    }
    let nothing = |into: &mut E| {
        into.extend(std::iter::repeat_n(None, array.len()));
        Ok(())
    };
    if array.data_type() == &DataType::Null {
        return nothing(into);
    }
    // Text such as "1,234" is what a CSV read without its thousands separator set
    // leaves behind.
    let texts: Vec<Option<&str>> = if let Some(a) = array.as_string_opt::<i32>() {
        a.iter().collect()
    } else if let Some(a) = array.as_string_opt::<i64>() {
        a.iter().collect()
    } else if let Some(a) = array.as_string_view_opt() {
        a.iter().collect()
    } else {
        Vec::new()
    };
    // A mark of a missing value is named before anything else: pandas made the column
    // text because of it, and a thousands separator would not make it numbers.
    let is_mark = |t: &&str| crate::hints::is_missing_marker(t);
    let first_mark = texts
        .iter()
        .enumerate()
        .find_map(|(row, t)| t.filter(is_mark).map(|t| (row, t)));
    let other_text = texts.iter().flatten().any(|t| !is_mark(t));
    match first_mark {
        _ if !texts.is_empty() && !other_text && missing == Some(OnMissing::Skip) => {
            return nothing(into);
        }
        Some((row, mark)) if other_text => {
            let missing_is_an_error = missing.unwrap_or_default() == OnMissing::Error;
            let error = crate::hints::missing_value_made_text(name, mark, missing_is_an_error);
            return Err(error.at_record(first + row));
        }
        Some((row, mark)) => {
            return Err(crate::hints::missing_value(name, mark).at_record(first + row));
        }
        None if !texts.is_empty() && !other_text => return nothing(into),
        None => {}
    }
    if let Some((row, text)) = texts.iter().enumerate().find_map(|(row, t)| {
        t.filter(|t| crate::hints::has_thousands_separators(t))
            .map(|t| (row, t))
    }) {
        return Err(crate::hints::thousands_separators(name, text).at_record(first + row));
    }
    Err(not_of_type(
        name,
        array,
        first,
        "is not a column of numbers",
    ))
}

/// Appends a text column: strings in any layout, a dictionary of strings (each value
/// interned once), or integers written as text (years are periods too).
fn push_arrow_texts(
    name: &str,
    array: &ArrayRef,
    first: usize,
    column: &mut TextColumn,
) -> Result<()> {
    if let Some(dictionary) = array.as_any_dictionary_opt() {
        let mut values = TextColumn::default();
        push_arrow_texts(name, dictionary.values(), first, &mut values)?;
        let codes: Vec<Option<u32>> = (0..values.len())
            .map(|i| values.get(i).map(|t| column.intern(t.to_owned())))
            .collect();
        for (row, key) in dictionary.normalized_keys().into_iter().enumerate() {
            let present = dictionary.keys().is_valid(row);
            column.push_code(if present { codes[key] } else { None });
        }
        return Ok(());
    }
    if let Some(a) = array.as_string_opt::<i32>() {
        push_strings(column, a.iter());
    } else if let Some(a) = array.as_string_opt::<i64>() {
        push_strings(column, a.iter());
    } else if let Some(a) = array.as_string_view_opt() {
        push_strings(column, a.iter());
    } else if array.data_type() == &DataType::Null {
        (0..array.len()).for_each(|_| column.push_code(None));
    } else if array.data_type().is_integer() {
        let mut numbers = Vec::new();
        arrow_numbers(name, array, first, None, &mut numbers)?;
        numbers
            .iter()
            .for_each(|n| column.push(n.map(|n| format!("{n}")).as_deref()));
    } else if array.data_type().is_floating() {
        // An integer column with a missing cell is float in pandas: 2024.0 is the year.
        let mut numbers = Vec::new();
        arrow_numbers(name, array, first, None, &mut numbers)?;
        for (row, number) in numbers.into_iter().enumerate() {
            match number {
                Some(n) if n.fract() != 0.0 || n.abs() >= 1e15 => {
                    return Err(Error::invalid(
                        name,
                        n.to_string(),
                        "is a number with a fraction, not text (a year is a whole number)",
                    )
                    .at_record(first + row))
                }
                n => column.push(n.map(|n| format!("{n:.0}")).as_deref()),
            }
        }
    } else if let Some(days) = unix_days(name, array, first)? {
        for day in days {
            column.push(day.map(day_text).as_deref());
        }
    } else {
        return Err(not_of_type(name, array, first, "is not text"));
    }
    Ok(())
}

/// Appends strings read in place from an Arrow array. A text equal to the row
/// before's takes that row's code without a look-up: a frame's rows tend to come in
/// runs (a pair's indicators, a year's pairs).
fn push_strings<'a>(column: &mut TextColumn, texts: impl Iterator<Item = Option<&'a str>>) {
    let mut before: Option<(&str, u32)> = None;
    for text in texts {
        let code = text.map(|text| match before {
            Some((last, code)) if last == text => code,
            _ => {
                let code = column.code_of(text);
                before = Some((text, code));
                code
            }
        });
        column.push_code(code);
    }
}

/// The days since 1970-01-01 of a `date32`, `date64` or `timestamp` column (a time of
/// day is dropped); `None` for any other type. A timestamp with a time zone other than
/// UTC is an error: its instants fall on other days on the zone's clock, which this
/// crate cannot read without a time-zone database (pandas' `add_many` hands such a
/// column over as local times).
fn unix_days(name: &str, array: &ArrayRef, first: usize) -> Result<Option<Vec<Option<i64>>>> {
    const MILLIS: i64 = 86_400_000;
    let per_day = match array.data_type() {
        DataType::Date32 => {
            let days = array.as_primitive::<Date32Type>();
            return Ok(Some(days.iter().map(|d| d.map(i64::from)).collect()));
        }
        DataType::Date64 => MILLIS,
        DataType::Timestamp(unit, zone) => {
            if zone
                .as_deref()
                .is_some_and(|z| !["UTC", "+00:00", "Z"].contains(&z))
            {
                return Err(not_of_type(
                    name,
                    array,
                    first,
                    "holds times in a time zone: give dates, or local times without a zone",
                ));
            }
            match unit {
                TimeUnit::Second => 86_400,
                TimeUnit::Millisecond => MILLIS,
                TimeUnit::Microsecond => MILLIS * 1_000,
                TimeUnit::Nanosecond => MILLIS * 1_000_000,
            }
        }
        _ => return Ok(None),
    };
    let ticks: Vec<Option<i64>> = match array.data_type() {
        DataType::Date64 => array.as_primitive::<Date64Type>().iter().collect(),
        DataType::Timestamp(TimeUnit::Second, _) => {
            array.as_primitive::<TimestampSecondType>().iter().collect()
        }
        DataType::Timestamp(TimeUnit::Millisecond, _) => array
            .as_primitive::<TimestampMillisecondType>()
            .iter()
            .collect(),
        DataType::Timestamp(TimeUnit::Microsecond, _) => array
            .as_primitive::<TimestampMicrosecondType>()
            .iter()
            .collect(),
        _ => array
            .as_primitive::<TimestampNanosecondType>()
            .iter()
            .collect(),
    };
    Ok(Some(
        ticks
            .into_iter()
            .map(|t| t.map(|t| t.div_euclid(per_day)))
            .collect(),
    ))
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01.
fn day_text(unix_day: i64) -> String {
    const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;
    i32::try_from(unix_day + UNIX_EPOCH_JULIAN_DAY)
        .ok()
        .and_then(|d| time::Date::from_julian_day(d).ok())
        .map_or_else(|| format!("day {unix_day} since 1970"), |d| d.to_string())
}

/// A column of the wrong type: an error naming the field and the first row it holds.
fn not_of_type(name: &str, array: &ArrayRef, first: usize, reason: &str) -> Error {
    Error::invalid(name, format!("a column of {}", array.data_type()), reason).at_record(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use arrow_array::StringArray;

    /// The error `push_arrow` gives for a batch whose value column is the text `values`.
    fn value_column_error(values: &[&str]) -> crate::error::ValidationError {
        let text = |v: Vec<&str>| Arc::new(StringArray::from(v)) as ArrayRef;
        let each = |v: &'static str| text(vec![v; values.len()]);
        let batch = RecordBatch::try_from_iter([
            ("indicator", each("exports")),
            ("origin", each("KAZ")),
            ("destination", each("AZE")),
            ("period", each("2024")),
            ("value", text(values.to_vec())),
        ])
        .unwrap();
        let error = ObservationBatch::default().push_arrow(&batch).unwrap_err();
        error.validation().unwrap().clone()
    }

    #[test]
    fn a_number_with_thousands_separators_is_its_own_kind_with_the_separator() {
        let error = value_column_error(&["12", "1,234"]);
        assert_eq!(error.kind, ErrorKind::ThousandsSeparators);
        assert_eq!((error.record, error.text.as_str()), (Some(1), "1,234"));
        assert_eq!(error.suggestion.as_deref(), Some(","));
        assert!(error
            .reason
            .contains("read the file with its thousands separator set"));
        let space = value_column_error(&["12 345"]);
        assert_eq!(space.suggestion.as_deref(), Some(" "));
    }

    #[test]
    fn a_mark_that_made_the_column_text_is_its_own_kind_with_the_mark() {
        let error = value_column_error(&["1,200", "..", "3,400"]);
        assert_eq!(error.kind, ErrorKind::MissingMarkAsText);
        assert_eq!((error.record, error.text.as_str()), (Some(1), ".."));
        assert_eq!(error.suggestion.as_deref(), Some(".."));
        assert!(error
            .reason
            .contains("read the file with that mark as a missing value"));
    }

    #[test]
    fn no_message_of_these_names_a_python_argument() {
        for values in [&["1,234"][..], &["1,200", ".."][..]] {
            let error = value_column_error(values);
            for python in ["pd.", "thousands=", "na_values", "null_values", "=\""] {
                assert!(
                    !error.reason.contains(python),
                    "{python} in {}",
                    error.reason
                );
            }
        }
    }
}
