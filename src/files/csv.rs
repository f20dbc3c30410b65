//! The library's own CSV of observations: the columns of
//! [`Columns::of_observations`] (indicator, origin, destination, product, period, start,
//! end, value, low, high, qualifier, status, unit, source, quote, note), one row per
//! observation, written by [`Store::export_csv`] and read back by [`Store::import_csv`].
//! When a product written has a name ([`Store::add_product`]), a `product_name` column
//! follows `product`, so that the names travel with the figures.
//!
//! The period is written as it was given (`Jan–Aug 2025`), so that an export imported
//! into a store with the same indicators and sources gives the same observations;
//! `start` and `end` carry its first and last day for a reader's convenience. A number
//! is written in its shortest form that reads back as the same number; a cell without
//! a value is empty.
//!
//! On import the header names the columns, in any order: `indicator`, `origin`,
//! `destination`, `period` and `value` are required, any field of
//! [`ObservationBatch::FIELDS`] may be given, and other columns are ignored. `low` and
//! `high` are explicit bounds; `start` and `end`, when not empty, must be the period's
//! first and last day; `unit`, when not empty, must be the indicator's unit (or a
//! multiple of it), as [`NewObservation::unit`](crate::NewObservation::unit). An error
//! names the CSV line as its record (the header is line 1, the first data line line 2)
//! and the column as its field. A `value` cell that is empty or holds a mark of a
//! missing value (`..`, `:`, `-`, `x`, `n/a` …) is an error naming the mark, or, with
//! [`ImportOptions::missing`] set to [`OnMissing::Skip`], a row passed over unread and
//! counted in the summary by mark.
//!
//! The text is UTF-8 (a byte order mark is allowed), the delimiter a comma, or a
//! semicolon or a tab when the header line has no comma (as European offices and Excel
//! in many languages write CSV). A cell that is not UTF-8 (Latin-1 text) is an error
//! naming its line and column; an empty file and a UTF-16 one are refused as such.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::Path;

use time::Date;

use crate::columns::{Column, Columns};
use crate::error::{Error, Result};
use crate::files::{
    at_line, io_error, Format, ImportOptions, ImportSummary, Stage, UnixLineEndings, Watch,
};
use crate::model::{ObservationBatch, ObservationTable, OnMissing, TextColumn};
use crate::period::Period;
use crate::store::{ObservationFilter, Store};

/// The columns a file to import must have.
pub const REQUIRED_COLUMNS: [&str; 5] = ["indicator", "origin", "destination", "period", "value"];

/// The Julian day number of 1970-01-01, as [`Column::Date`] counts from it.
const UNIX_EPOCH_JULIAN_DAY: i32 = 2_440_588;

/// The line of the header: the record a header error names.
const HEADER_LINE: usize = 1;

impl Store {
    /// Writes the observations that match `filter` to the CSV file at `path` (created,
    /// or replaced if it exists) in the library's own format (see [`crate::files::csv`]);
    /// returns how many it wrote.
    ///
    /// ```
    /// use bilateral::files::ImportOptions;
    /// use bilateral::{ObservationFilter, OnDuplicate, Store};
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("tourists.csv");
    /// let demo = Store::demo()?;
    /// let written = demo.export_csv(&path, &ObservationFilter::indicator("tourists"))?;
    ///
    /// assert_eq!(written, 4);
    /// // Read back into the demo store, every row is already stored as it is.
    /// let mut again = Store::demo()?;
    /// let skip = ImportOptions { on_duplicate: OnDuplicate::Skip, ..Default::default() };
    /// let summary = again.import_csv(&path, &skip)?;
    /// assert_eq!((summary.rows_read(), summary.figures_written()), (4, 0));
    /// assert_eq!(summary.figures_already_stored(), 4);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn export_csv(&self, path: impl AsRef<Path>, filter: &ObservationFilter) -> Result<usize> {
        let path = path.as_ref();
        let table = self.observation_table(filter)?;
        let names: HashMap<String, String> = self
            .products()?
            .into_iter()
            .filter(|p| table.products.contains(&p.code))
            .filter_map(|p| Some((p.code, p.name?)))
            .collect();
        write_table(path, &table, &names)
    }

    /// Adds the observations of the CSV file at `path` (in the format
    /// [`Store::export_csv`] writes; see [`crate::files::csv`]) all or nothing, through
    /// the checks of [`Store::add_batch`]. A bad cell is a validation error whose record
    /// is the file's line and whose field is the column; a repeated or already stored
    /// observation a duplicate error naming the line (unless `options` say to skip or
    /// replace it).
    pub fn import_csv(
        &mut self,
        path: impl AsRef<Path>,
        options: &ImportOptions,
    ) -> Result<ImportSummary> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| io_error(path, source))?;
        let bytes = file.metadata().map_or(0, |m| m.len());
        let watch = Watch {
            interrupt: self.interrupt_check(),
            progress: options.progress,
        };
        let mut rows = read_observations(
            std::io::BufReader::with_capacity(64 * 1024, UnixLineEndings::new(file)),
            path,
            bytes,
            watch,
            options.missing,
        )?;
        rows.batch.on_missing = options.missing;
        let written = self
            .import_batch(
                &[],
                &[],
                &[],
                &rows.batch,
                options.on_duplicate,
                options.progress,
            )
            .map_err(|error| at_line(&rows.lines, error))?;
        let mut summary = ImportSummary {
            format: Some(Format::Csv.code()),
            read: rows.lines.len(),
            ..ImportSummary::default()
        };
        for (line, mark) in &rows.missing {
            summary.skip(&crate::hints::missing_value_reason(mark), *line);
        }
        // The figures given to the store: the rows with a value, one figure each.
        let given: Vec<usize> = (0..rows.lines.len())
            .filter(|&row| rows.batch.value[row].is_some())
            .map(|row| rows.lines[row])
            .collect();
        let first_line = given.first().copied().unwrap_or(HEADER_LINE + 1);
        summary.written_of(given.len(), written, first_line);
        Ok(summary)
    }
}

/// Writes `table` to the CSV file at `path` (created, or replaced): what
/// [`Store::export_csv`] writes, and a report's appendix file.
pub(crate) fn write_table(
    path: &Path,
    table: &ObservationTable,
    product_names: &HashMap<String, String>,
) -> Result<usize> {
    let file = std::fs::File::create(path).map_err(|source| io_error(path, source))?;
    write_observations(table, product_names, std::io::BufWriter::new(file))
        .map_err(|source| io_error(path, source))
}

/// Writes `table` as CSV: a header, then one row per observation; with product names
/// (by code), a `product_name` column after `product`.
fn write_observations(
    table: &ObservationTable,
    product_names: &HashMap<String, String>,
    out: impl Write,
) -> std::io::Result<usize> {
    let columns = Columns::of_observations(table);
    let mut writer = ::csv::Writer::from_writer(out);
    let named = !product_names.is_empty();
    let mut header: Vec<&str> = Vec::with_capacity(columns.names.len() + 1);
    for name in &columns.names {
        header.push(name);
        if named && *name == "product" {
            header.push("product_name");
        }
    }
    writer.write_record(&header)?;
    let mut cells: Vec<String> = Vec::with_capacity(header.len());
    for (row, observation) in table.rows.iter().enumerate() {
        cells.clear();
        for (name, column) in columns.names.iter().zip(&columns.columns) {
            if named && *name == "product" {
                let code = column.text(row).unwrap_or_default();
                cells.push(code.to_owned());
                cells.push(product_names.get(code).cloned().unwrap_or_default());
                continue;
            }
            cells.push(match (name.as_ref(), column) {
                // As written, not as canonical text: the round trip keeps it.
                ("period", _) => table.period_texts[observation.period_text as usize].clone(),
                (_, Column::Text { .. }) => column.text(row).unwrap_or_default().to_owned(),
                (_, Column::Float(numbers)) => number_text(numbers[row]),
                (_, Column::Date(days)) => date_text(days[row]),
                (_, Column::Int(numbers)) => {
                    numbers[row].map(|n| n.to_string()).unwrap_or_default()
                }
                (_, Column::Bool(values)) => values[row].to_string(),
                // The columns of observations hold no lists.
                (_, Column::List { .. }) => String::new(),
            });
        }
        writer.write_record(&cells)?;
    }
    writer.flush()?;
    Ok(table.len())
}

fn number_text(number: f64) -> String {
    if number.is_nan() {
        String::new()
    } else {
        number.to_string()
    }
}

fn date_text(days: i32) -> String {
    Date::from_julian_day(days + UNIX_EPOCH_JULIAN_DAY)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The rows of a CSV file as a batch, with the line each row starts on, and the line
/// and mark of each row whose value is missing (when such rows are to be skipped).
struct CsvRows {
    batch: ObservationBatch,
    lines: Vec<usize>,
    missing: Vec<(usize, String)>,
}

/// Where each known column is in the header.
#[derive(Default)]
struct Header {
    text: [Option<usize>; 12],
    number: [Option<usize>; 3],
    value: usize,
    start: Option<usize>,
    end: Option<usize>,
}

/// The text fields of a batch, in the order of [`Header::text`].
const TEXT_FIELDS: [&str; 12] = [
    "indicator",
    "origin",
    "destination",
    "product",
    "product_name",
    "period",
    "qualifier",
    "status",
    "source",
    "quote",
    "note",
    "unit",
];

/// The optional number fields, in the order of [`Header::number`].
const NUMBER_FIELDS: [&str; 3] = ["low", "high", "precision"];

impl Header {
    fn read(names: &::csv::StringRecord) -> Result<Header> {
        let position = |name: &str| -> Result<Option<usize>> {
            let mut found = names.iter().enumerate().filter(|(_, n)| n.trim() == name);
            let first = found.next().map(|(i, _)| i);
            if found.next().is_some() {
                return Err(
                    Error::invalid(name, name, "is a column twice in the header")
                        .at_record(HEADER_LINE),
                );
            }
            Ok(first)
        };
        for name in REQUIRED_COLUMNS {
            if position(name)?.is_none() {
                return Err(Error::invalid(
                    name,
                    names.iter().collect::<Vec<_>>().join(","),
                    format!(
                        "is missing from the header (the columns {} are required)",
                        REQUIRED_COLUMNS.join(", ")
                    ),
                )
                .at_record(HEADER_LINE));
            }
        }
        let mut header = Header {
            value: position("value")?.unwrap_or_default(),
            start: position("start")?,
            end: position("end")?,
            ..Header::default()
        };
        for (slot, name) in header.text.iter_mut().zip(TEXT_FIELDS) {
            *slot = position(name)?;
        }
        for (slot, name) in header.number.iter_mut().zip(NUMBER_FIELDS) {
            *slot = position(name)?;
        }
        Ok(header)
    }
}

/// Reads a CSV of observations into a batch, checking the header, the numbers and the
/// `start` and `end` of each row; the store checks the rest when the batch is added.
fn read_observations(
    mut input: impl BufRead,
    path: &Path,
    bytes: u64,
    watch: Watch,
    on_missing: OnMissing,
) -> Result<CsvRows> {
    let beginning = input.fill_buf().map_err(|source| io_error(path, source))?;
    crate::files::check_beginning(path, beginning)?;
    let delimiter = delimiter(beginning);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(input);
    let names = reader.headers().map_err(|e| csv_error(e, path))?.clone();
    let header = Header::read(&names)?;
    let mut rows = CsvRows {
        batch: ObservationBatch::default(),
        lines: Vec::new(),
        missing: Vec::new(),
    };
    let mut record = ::csv::StringRecord::new();
    loop {
        // Read as bytes, then as text, so that a cell that is not UTF-8 is named by
        // its column and shown (the buffer goes back and forth: nothing is copied).
        let mut bytes_read = std::mem::take(&mut record).into_byte_record();
        if !reader
            .read_byte_record(&mut bytes_read)
            .map_err(|e| csv_error(e, path))?
        {
            break;
        }
        record =
            ::csv::StringRecord::from_byte_record(bytes_read).map_err(|e| not_utf8(&names, e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let missing = push_row(&mut rows.batch, &header, &record, on_missing)
            .map_err(|e| e.at_record(line))?;
        if let Some(mark) = missing {
            rows.missing.push((line, mark));
        }
        rows.lines.push(line);
        let byte = record.position().map_or(0, |p| p.byte());
        watch.at(Stage::Reading, rows.lines.len(), byte, bytes)?;
    }
    watch.at(Stage::Reading, 0, bytes, bytes)?;
    Ok(rows)
}

/// The delimiter the header line uses: a comma, else a semicolon or a tab when the
/// header has no comma and one of them (as European offices and Excel in their
/// languages write CSV).
fn delimiter(beginning: &[u8]) -> u8 {
    let header_end = beginning
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(beginning.len());
    let header = &beginning[..header_end];
    [b',', b';', b'\t']
        .into_iter()
        .find(|d| header.contains(d))
        .unwrap_or(b',')
}

/// The error of a row with a cell that is not UTF-8 text, naming its line and column
/// and showing the cell (its other bytes as �).
fn not_utf8(names: &::csv::StringRecord, error: ::csv::FromUtf8Error) -> Error {
    let field = error.utf8_error().field();
    let record = error.into_byte_record();
    let line = record.position().map_or(0, |p| p.line() as usize);
    let text = record
        .get(field)
        .map(|cell| String::from_utf8_lossy(cell).into_owned())
        .unwrap_or_default();
    Error::invalid(
        names.get(field).map_or("row", str::trim),
        text,
        "is not UTF-8 text (perhaps Latin-1 or Windows-1252, as Excel writes \"CSV\" in many \
         languages): save the file as UTF-8 (in Excel \"CSV UTF-8\") and import that",
    )
    .at_record(line)
}

/// Appends a row; returns the mark of a missing value (`..`, or nothing for an empty
/// cell) when the row has none and such rows are skipped.
fn push_row(
    batch: &mut ObservationBatch,
    header: &Header,
    record: &::csv::StringRecord,
    on_missing: OnMissing,
) -> Result<Option<String>> {
    let cell = |at: Option<usize>| {
        at.and_then(|i| record.get(i))
            .filter(|t| !t.trim().is_empty())
    };
    let number = |field: &str, at: Option<usize>| -> Result<Option<f64>> {
        cell(at)
            .map(|text| {
                text.trim().parse::<f64>().map_err(|_| {
                    if crate::hints::is_missing_marker(text) {
                        crate::hints::missing_value(field, text)
                    } else {
                        Error::invalid(field, text, "is not a number")
                    }
                })
            })
            .transpose()
    };
    let value_cell = record.get(header.value).unwrap_or_default();
    let missing = crate::hints::is_missing_marker(value_cell);
    if missing && on_missing == OnMissing::Error {
        return Err(crate::hints::missing_value("value", value_cell));
    }
    if missing {
        // Passed over whole: nothing else in the row is read or checked.
        batch.push_without_value();
        return Ok(Some(value_cell.trim().to_owned()));
    }
    let value = number("value", Some(header.value))?;
    let [low, high, precision] = header.number;
    let (low, high, precision) = (
        number("low", low)?,
        number("high", high)?,
        number("precision", precision)?,
    );
    let period = cell(header.text[5]);
    if let Some(Ok(period)) = period.map(Period::parse) {
        check_day(
            "start",
            cell(header.start),
            period.start(),
            "first",
            &period,
        )?;
        check_day("end", cell(header.end), period.end(), "last", &period)?;
    }
    let columns: [&mut TextColumn; 12] = [
        &mut batch.indicator,
        &mut batch.origin,
        &mut batch.destination,
        &mut batch.product,
        &mut batch.product_name,
        &mut batch.period,
        &mut batch.qualifier,
        &mut batch.status,
        &mut batch.source,
        &mut batch.quote,
        &mut batch.note,
        &mut batch.unit,
    ];
    for (column, at) in columns.into_iter().zip(header.text) {
        column.push(cell(at));
    }
    batch.value.push(value);
    batch.low.push(low);
    batch.high.push(high);
    batch.precision.push(precision);
    Ok(None)
}

/// A `start` or `end` cell, when given, is the period's first or last day.
fn check_day(
    field: &str,
    text: Option<&str>,
    day: Date,
    which: &str,
    period: &Period,
) -> Result<()> {
    match text {
        Some(text) if text.trim() != day.to_string() => Err(Error::invalid(
            field,
            text,
            format!("is not the {which} day of the period {period}, {day}"),
        )),
        _ => Ok(()),
    }
}

/// A CSV the reader could not read: a row with more or fewer cells than the header, or
/// text that is not UTF-8, is a validation error naming the line; a failed read an
/// [`Error::Io`].
pub(crate) fn csv_error(error: ::csv::Error, path: &Path) -> Error {
    let line = error.position().map(|p| p.line() as usize);
    let error = match error.into_kind() {
        ::csv::ErrorKind::Io(source) => return io_error(path, source),
        ::csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Error::invalid(
            "row",
            format!("{len} cells"),
            format!("has {len} cells where the header has {expected_len}"),
        ),
        ::csv::ErrorKind::Utf8 { err, .. } => {
            Error::invalid("row", err.to_string(), "is not UTF-8 text")
        }
        other => Error::invalid("row", format!("{other:?}"), "is not CSV"),
    };
    match line {
        Some(line) => error.at_record(line),
        None => error,
    }
}
