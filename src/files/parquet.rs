//! Observations as Parquet files (feature `parquet`), for DuckDB, Polars, pyarrow or
//! Spark once a store outgrows one SQLite file: [`Store::export_parquet`].
//!
//! The folder is partitioned by indicator, hive-style: `DIR/indicator=exports/part-0.parquet`,
//! one file per indicator, Snappy-compressed. Each file holds the columns of
//! [`Columns::of_observations`] but `indicator` (a hive reader adds it back from the
//! folder name; a column both in the files and in the folder names is refused by some
//! readers, DataFusion for one, and pyarrow's `read_table` cannot merge the two), with two
//! more after `end`:
//!
//! | column | type | what |
//! |---|---|---|
//! | origin, destination, product | utf8 | as stored (`0101` stays text) |
//! | period | utf8 | canonical text (`2025-01/2025-08`), as `observations()` gives it |
//! | start, end | date32 | the period's first and last day |
//! | start_day, end_day | int32 | the same days counted from 1970-01-01 |
//! | value, low, high | float64 | never null: every stored figure has a value and bounds |
//! | qualifier, status, unit | utf8 | codes |
//! | source, quote, note | utf8 | null where the figure has none |
//!
//! The day numbers are `int32` because that is what a `date32` holds (days since
//! 1970-01-01, Spark's `DateType` too): any day of the period grammar fits, and the two
//! columns let a reader that does not do dates (or does them slowly) compare periods
//! with integer arithmetic, `start_day - 365`.
//!
//! [`Store::export_population_parquet`] writes the store's population table to one
//! file beside it (`country`, `year`, `population`), for the per-capita SQL of
//! [`crate::store::portable`].

use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ::parquet::arrow::ArrowWriter;
use ::parquet::basic::Compression;
use ::parquet::errors::ParquetError;
use ::parquet::file::properties::WriterProperties;
use arrow_array::{ArrayRef, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{Field, Schema};

use super::io_error;
use crate::columns::{Column, Columns};
use crate::error::Result;
use crate::model::{ObservationRow, ObservationTable};
use crate::store::{ObservationFilter, Store};

/// The column the folders are named after (`indicator=exports`).
pub const PARTITION_COLUMN: &str = "indicator";

/// The file each partition holds.
pub const PART_FILE: &str = "part-0.parquet";

/// Rows per record batch and per row group: the interrupt check runs between two
/// batches, and readers such as DuckDB scan row groups in parallel (DuckDB's own row
/// groups hold 122,880 rows).
const ROWS_PER_BATCH: usize = 131_072;

impl Store {
    /// Writes the observations that match `filter` to the folder `dir` as Parquet, one
    /// hive-style partition per indicator (`dir/indicator=exports/part-0.parquet`; see
    /// [`crate::files::parquet`] for the columns); returns how many rows it wrote.
    ///
    /// `dir` is created if it does not exist; an existing `dir` must be empty, so that
    /// an export never mixes with files left by an earlier one (a partition missing from
    /// this export would otherwise still be read): anything else is an [`Error::Io`](crate::Error::Io)
    /// naming `dir`, and nothing is written. A failed or interrupted export (the
    /// store's interrupt check runs between partitions and between batches of rows)
    /// removes what it wrote, `dir` too if it created it. With no observation to write,
    /// `dir` is left empty.
    ///
    /// ```
    /// use bilateral::{ObservationFilter, Store};
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// let out = dir.path().join("observations");
    /// let written = Store::demo()?.export_parquet(&out, &ObservationFilter::indicator("tourists"))?;
    /// assert_eq!(written, 4);
    /// assert!(out.join("indicator=tourists/part-0.parquet").is_file());
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
    pub fn export_parquet(
        &self,
        dir: impl AsRef<Path>,
        filter: &ObservationFilter,
    ) -> Result<usize> {
        let dir = dir.as_ref();
        let table = self.observation_table(filter)?;
        let created = empty_directory(dir)?;
        let mut written = Vec::new();
        let result = self.write_partitions(&table, dir, &mut written);
        if result.is_err() {
            // Best effort: the error that stopped the export is the one to report.
            for folder in &written {
                let _ = fs::remove_dir_all(folder);
            }
            if created {
                let _ = fs::remove_dir(dir);
            }
        }
        result
    }

    /// Writes one partition per run of rows of the same indicator (the table's rows
    /// come indicator by indicator), noting each folder in `written` once created.
    fn write_partitions(
        &self,
        table: &ObservationTable,
        dir: &Path,
        written: &mut Vec<PathBuf>,
    ) -> Result<usize> {
        let mut rows = table.rows.as_slice();
        while let Some(first) = rows.first() {
            self.check_interrupt()?;
            let end = rows
                .iter()
                .position(|r| r.key.indicator != first.key.indicator)
                .unwrap_or(rows.len());
            let (partition, rest) = rows.split_at(end);
            let code = &table.indicator(first.key).code;
            let folder = dir.join(format!("{PARTITION_COLUMN}={code}"));
            fs::create_dir(&folder).map_err(|source| io_error(&folder, source))?;
            written.push(folder.clone());
            self.write_partition(table, partition, &folder.join(PART_FILE))?;
            rows = rest;
        }
        Ok(table.len())
    }

    /// Writes `rows` (all of one indicator) to the Parquet file at `path`.
    fn write_partition(
        &self,
        table: &ObservationTable,
        rows: &[ObservationRow],
        path: &Path,
    ) -> Result<()> {
        let parquet_error = |error: ParquetError| io_error(path, into_io(error));
        let file = File::create(path).map_err(|source| io_error(path, source))?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROWS_PER_BATCH))
            .build();
        // The types do not depend on the rows: the schema of no row is every batch's.
        let schema = partition_batch(table, &[]).map_err(parquet_error)?.schema();
        let mut writer = ArrowWriter::try_new(BufWriter::new(file), schema, Some(properties))
            .map_err(parquet_error)?;
        for chunk in rows.chunks(ROWS_PER_BATCH) {
            self.check_interrupt()?;
            let batch = partition_batch(table, chunk).map_err(parquet_error)?;
            writer.write(&batch).map_err(parquet_error)?;
        }
        writer.close().map_err(parquet_error)?;
        Ok(())
    }
}

impl Store {
    /// Writes the store's population table to the Parquet file at `path` (which must
    /// not exist): one row per country and year, `country` (alpha-3, utf8), `year`
    /// (int32) and `population` (int64), the figures
    /// [`Store::per_capita`](crate::Store::per_capita) divides by, built-in (World
    /// Bank) and set by hand. The SQL of
    /// [`PortableSql::per_capita`](crate::store::portable::PortableSql::per_capita)
    /// reads it beside the observations' folder. Returns how many rows it wrote.
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("population.parquet");
    /// let written = bilateral::Store::in_memory()?.export_population_parquet(&path)?;
    /// assert!(written > 10_000); // about 250 countries from 1960
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
    pub fn export_population_parquet(&self, path: impl AsRef<Path>) -> Result<usize> {
        let path = path.as_ref();
        let rows = self.population_table()?;
        let parquet_error = |error: ParquetError| io_error(path, into_io(error));
        let batch = RecordBatch::try_from_iter([
            (
                "country",
                Arc::new(StringArray::from_iter_values(rows.iter().map(|r| &r.0))) as ArrayRef,
            ),
            (
                "year",
                Arc::new(Int32Array::from_iter_values(rows.iter().map(|r| r.1))) as ArrayRef,
            ),
            (
                "population",
                Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.2))) as ArrayRef,
            ),
        ])
        .map_err(|e| parquet_error(e.into()))?;
        // A new file only: an existing one (an export's or anything else) is kept.
        let file = File::create_new(path).map_err(|source| io_error(path, source))?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let written = (|| {
            let mut writer =
                ArrowWriter::try_new(BufWriter::new(file), batch.schema(), Some(properties))?;
            writer.write(&batch)?;
            writer.close()
        })();
        if let Err(error) = written {
            let _ = fs::remove_file(path);
            return Err(parquet_error(error));
        }
        Ok(rows.len())
    }
}

/// Makes sure `dir` is an empty directory: true if it had to be created.
fn empty_directory(dir: &Path) -> Result<bool> {
    match fs::read_dir(dir) {
        Ok(mut entries) => match entries.next() {
            None => Ok(false),
            Some(_) => Err(io_error(
                dir,
                io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "the folder is not empty: export_parquet writes only into a new or \
                     empty folder (remove it, or choose another)",
                ),
            )),
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(|source| io_error(dir, source))?;
            Ok(true)
        }
        Err(source) => Err(io_error(dir, source)),
    }
}

/// The record batch of some rows of one partition: the columns of
/// [`Columns::of_observations`] without `indicator`, with `start_day` and `end_day`
/// after `end`.
fn partition_batch(
    table: &ObservationTable,
    rows: &[ObservationRow],
) -> std::result::Result<RecordBatch, ParquetError> {
    let columns = Columns::of_observation_rows(table, rows);
    let mut fields = Vec::with_capacity(columns.names.len() + 1);
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(columns.names.len() + 1);
    let mut push = |name: &str, array: ArrayRef| {
        fields.push(Field::new(name, array.data_type().clone(), true));
        arrays.push(array);
    };
    for (name, column) in columns.names.iter().zip(&columns.columns) {
        if name == PARTITION_COLUMN {
            continue;
        }
        push(name, column.to_arrow());
        if name == "end" {
            for day in ["start", "end"] {
                if let Some(Column::Date(days)) = columns.get(day) {
                    push(
                        &format!("{day}_day"),
                        Arc::new(Int32Array::from(days.clone())),
                    );
                }
            }
        }
    }
    Ok(RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)?)
}

/// A Parquet error as the I/O error it wraps (a full disk stays a full disk), or as an
/// I/O error of its own.
fn into_io(error: ParquetError) -> io::Error {
    match error {
        ParquetError::External(external) => match external.downcast::<io::Error>() {
            Ok(io) => *io,
            Err(other) => io::Error::other(other),
        },
        other => io::Error::other(other),
    }
}
