//! [`Columns`] as an Arrow record batch (feature `arrow`): text as `utf8`, dates as
//! `date32`, numbers as `float64` with a null where the column has NaN, whole numbers
//! as `int64` with a null where a row has none.

use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::{ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch};
use arrow_schema::{ArrowError, Field, Schema};

use crate::columns::{Column, Columns};

impl Column {
    /// The column as an Arrow array.
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
    pub fn to_record_batch(&self) -> Result<RecordBatch, ArrowError> {
        let arrays: Vec<ArrayRef> = self.columns.iter().map(Column::to_arrow).collect();
        let fields: Vec<Field> = self
            .names
            .iter()
            .zip(&arrays)
            .map(|(name, array)| Field::new(*name, array.data_type().clone(), true))
            .collect();
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
    }
}
