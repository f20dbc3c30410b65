//! Parquet export: a folder per indicator whose files, read back with the parquet
//! crate's Arrow reader, give every observation as `observations()` does, with the
//! day numbers, nulls where a figure has no source, quote or note, and product codes
//! as text.
#![cfg(feature = "parquet")]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use bilateral::{
    Error, Indicator, Kind, NewObservation, Observation, ObservationFilter, Source, Store,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use proptest::prelude::*;

/// The columns of each file, in order: those of `observations()` but the partition
/// column, with the day numbers after `end`.
const FILE_COLUMNS: [&str; 17] = [
    "origin",
    "destination",
    "product",
    "period",
    "start",
    "end",
    "start_day",
    "end_day",
    "value",
    "low",
    "high",
    "qualifier",
    "status",
    "unit",
    "source",
    "quote",
    "note",
];

/// The Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i32 = 2_440_588;

/// One row as read back, every cell as the reader gives it (`None` for a null).
#[derive(Debug, Clone, PartialEq)]
struct Row {
    indicator: String,
    origin: Option<String>,
    destination: Option<String>,
    product: Option<String>,
    period: Option<String>,
    start: Option<i32>,
    end: Option<i32>,
    start_day: Option<i32>,
    end_day: Option<i32>,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Option<String>,
    status: Option<String>,
    unit: Option<String>,
    source: Option<String>,
    quote: Option<String>,
    note: Option<String>,
}

/// The row an observation should read back as.
fn expected_row(o: &Observation) -> Row {
    let day = |d: time::Date| d.to_julian_day() - UNIX_EPOCH_JULIAN_DAY;
    let (start, end) = (day(o.period.start()), day(o.period.end()));
    Row {
        indicator: o.indicator.clone(),
        origin: Some(o.origin.clone()),
        destination: Some(o.destination.clone()),
        product: Some(o.product.clone()),
        period: Some(o.period.to_string()),
        start: Some(start),
        end: Some(end),
        start_day: Some(start),
        end_day: Some(end),
        value: Some(o.value),
        low: Some(o.low),
        high: Some(o.high),
        qualifier: Some(o.qualifier.code().to_owned()),
        status: Some(o.status.code().to_owned()),
        unit: Some(o.unit.clone()),
        source: o.source.clone(),
        quote: o.quote.clone(),
        note: o.note.clone(),
    }
}

/// Every batch of the one file of the partition folder `folder`.
fn read_partition(folder: &Path) -> Vec<RecordBatch> {
    let files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files, [folder.join("part-0.parquet")]);
    let file = File::open(&files[0]).unwrap();
    ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The rows of an export folder, partition by partition (in the order of the folder
/// names), each with the indicator its folder names.
fn read_export(dir: &Path) -> Vec<Row> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    folders.sort();
    let mut rows = Vec::new();
    for folder in folders {
        let name = folder.file_name().unwrap().to_str().unwrap().to_owned();
        let indicator = name.strip_prefix("indicator=").expect(&name);
        for batch in read_partition(&folder) {
            let names: Vec<String> = batch
                .schema()
                .fields()
                .iter()
                .map(|f| f.name().clone())
                .collect();
            assert_eq!(names, FILE_COLUMNS);
            let text = |name: &str| {
                let column = batch.column_by_name(name).unwrap().as_string::<i32>();
                move |i: usize| column.is_valid(i).then(|| column.value(i).to_owned())
            };
            let number = |name: &str| {
                let column = batch
                    .column_by_name(name)
                    .unwrap()
                    .as_primitive::<Float64Type>();
                move |i: usize| column.is_valid(i).then(|| column.value(i))
            };
            let date = |name: &str| {
                let column = batch
                    .column_by_name(name)
                    .unwrap()
                    .as_primitive::<Date32Type>();
                move |i: usize| column.is_valid(i).then(|| column.value(i))
            };
            let day = |name: &str| {
                let column = batch
                    .column_by_name(name)
                    .unwrap()
                    .as_primitive::<Int32Type>();
                move |i: usize| column.is_valid(i).then(|| column.value(i))
            };
            let (origin, destination, product, period) = (
                text("origin"),
                text("destination"),
                text("product"),
                text("period"),
            );
            let (start, end, start_day, end_day) =
                (date("start"), date("end"), day("start_day"), day("end_day"));
            let (value, low, high) = (number("value"), number("low"), number("high"));
            let (qualifier, status, unit) = (text("qualifier"), text("status"), text("unit"));
            let (source, quote, note) = (text("source"), text("quote"), text("note"));
            for i in 0..batch.num_rows() {
                rows.push(Row {
                    indicator: indicator.to_owned(),
                    origin: origin(i),
                    destination: destination(i),
                    product: product(i),
                    period: period(i),
                    start: start(i),
                    end: end(i),
                    start_day: start_day(i),
                    end_day: end_day(i),
                    value: value(i),
                    low: low(i),
                    high: high(i),
                    qualifier: qualifier(i),
                    status: status(i),
                    unit: unit(i),
                    source: source(i),
                    quote: quote(i),
                    note: note(i),
                });
            }
        }
    }
    rows
}

/// The rows `store` should export, in the order of the folders (indicator codes sort as
/// the folder names do: `indicator=` is the same prefix) and of `observations()`.
fn expected_rows(store: &Store) -> Vec<Row> {
    let observations = store.observations(&ObservationFilter::default()).unwrap();
    observations.iter().map(expected_row).collect()
}

fn assert_round_trip(store: &Store) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("observations");
    let written = store
        .export_parquet(&out, &ObservationFilter::default())
        .unwrap();
    assert_eq!(written, store.observation_count().unwrap());
    let rows = read_export(&out);
    assert_eq!(rows.len(), written);
    assert_eq!(rows, expected_rows(store));
    // A stored figure always has a value and bounds: never a null, never NaN.
    assert!(rows.iter().all(|r| [r.value, r.low, r.high]
        .iter()
        .all(|v| v.is_some_and(|v| !v.is_nan()))));
}

#[test]
fn the_demo_store_reads_back_as_its_observations() {
    assert_round_trip(&Store::demo().unwrap());
}

#[test]
fn the_demo_store_has_one_folder_per_indicator_named_hive_style() {
    let dir = tempfile::tempdir().unwrap();
    let demo = Store::demo().unwrap();
    demo.export_parquet(dir.path(), &ObservationFilter::default())
        .unwrap();
    let mut folders: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    folders.sort();
    let mut indicators: Vec<String> = demo
        .observations(&ObservationFilter::default())
        .unwrap()
        .into_iter()
        .map(|o| format!("indicator={}", o.indicator))
        .collect();
    indicators.dedup();
    assert_eq!(folders, indicators);
    assert!(folders.contains(&"indicator=tourists".to_owned()));
}

#[test]
fn the_files_are_snappy_compressed_and_their_columns_typed() {
    let dir = tempfile::tempdir().unwrap();
    Store::demo()
        .unwrap()
        .export_parquet(dir.path(), &ObservationFilter::indicator("tourists"))
        .unwrap();
    let file = File::open(dir.path().join("indicator=tourists/part-0.parquet")).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let row_group = &builder.metadata().row_groups()[0];
    assert!(row_group
        .columns()
        .iter()
        .all(|c| c.compression() == parquet::basic::Compression::SNAPPY));
    let schema = builder.schema();
    let type_of = |name: &str| schema.field_with_name(name).unwrap().data_type().clone();
    assert_eq!(type_of("product"), DataType::Utf8);
    assert_eq!(type_of("start"), DataType::Date32);
    assert_eq!(type_of("end_day"), DataType::Int32);
    assert_eq!(type_of("value"), DataType::Float64);
    assert!(schema.field_with_name("indicator").is_err());
}

/// A store with one indicator, `exports` (USD, directed), and the figures given.
fn store_with(figures: &[NewObservation]) -> Store {
    let mut store = Store::in_memory().unwrap();
    store
        .add_indicator(&Indicator::new(
            "exports",
            "Exports",
            "USD",
            Kind::Flow,
            true,
        ))
        .unwrap();
    for figure in figures {
        store.add(figure).unwrap();
    }
    store
}

#[test]
fn a_year_reads_back_with_its_first_and_last_day_counted_from_1970() {
    let store = store_with(&[NewObservation::new("exports", "GEO", "ARM", "2024", 5.0)]);
    let dir = tempfile::tempdir().unwrap();
    store
        .export_parquet(dir.path(), &ObservationFilter::default())
        .unwrap();
    let row = &read_export(dir.path())[0];
    // 1970-01-01 to 2024-01-01: 54 years of 365 days, plus 13 leap days (1972 … 2020),
    // 19,710 + 13 = 19,723; 2024 is a leap year, so 2024-12-31 is 19,723 + 365.
    assert_eq!((row.start_day, row.end_day), (Some(19_723), Some(20_088)));
    assert_eq!((row.start, row.end), (Some(19_723), Some(20_088)));
    assert_eq!(row.period.as_deref(), Some("2024"));
}

#[test]
fn a_product_code_with_leading_zeros_stays_text_and_a_missing_source_is_null() {
    let mut live_animals = NewObservation::new("exports", "GEO", "ARM", "2024", 1_250.5);
    live_animals.product = Some("0101".to_owned());
    let store = store_with(&[live_animals]);
    let dir = tempfile::tempdir().unwrap();
    store
        .export_parquet(dir.path(), &ObservationFilter::default())
        .unwrap();
    let row = &read_export(dir.path())[0];
    assert_eq!(row.product.as_deref(), Some("0101"));
    assert_eq!(row.value, Some(1_250.5));
    // Not an empty text: no source, quote or note at all.
    assert_eq!((&row.source, &row.quote, &row.note), (&None, &None, &None));
}

#[test]
fn a_folder_that_is_not_empty_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("notes.txt");
    std::fs::write(&kept, "mine").unwrap();
    let error = Store::demo()
        .unwrap()
        .export_parquet(dir.path(), &ObservationFilter::default())
        .unwrap_err();
    match &error {
        Error::Io { path, source } => {
            assert_eq!(path, &dir.path().display().to_string());
            assert_eq!(source.kind(), std::io::ErrorKind::AlreadyExists);
        }
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().contains("not empty"), "{error}");
    let left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left, std::slice::from_ref(&kept));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "mine");
}

#[test]
fn a_missing_folder_is_created_with_its_parents_and_an_empty_one_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/observations");
    let demo = Store::demo().unwrap();
    let tourists = ObservationFilter::indicator("tourists");
    assert_eq!(demo.export_parquet(&nested, &tourists).unwrap(), 4);
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_eq!(demo.export_parquet(&empty, &tourists).unwrap(), 4);
    assert!(empty.join("indicator=tourists/part-0.parquet").is_file());
}

#[test]
fn a_file_where_the_folder_should_be_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("observations");
    std::fs::write(&file, "").unwrap();
    let error = Store::demo()
        .unwrap()
        .export_parquet(&file, &ObservationFilter::default())
        .unwrap_err();
    assert!(
        matches!(&error, Error::Io { path, .. } if path == &file.display().to_string()),
        "{error:?}"
    );
}

#[test]
fn an_export_of_no_observation_writes_no_file_and_returns_zero() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nothing");
    let written = Store::demo()
        .unwrap()
        .export_parquet(
            &out,
            // The demo has tourists between Azerbaijan and Kazakhstan only.
            &ObservationFilter::indicator("tourists").pair("GEO", "ARM"),
        )
        .unwrap();
    assert_eq!(written, 0);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
}

#[test]
fn an_export_interrupted_after_its_first_partition_removes_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("observations");
    let mut demo = Store::demo().unwrap();
    let first = demo.observations(&ObservationFilter::default()).unwrap()[0]
        .indicator
        .clone();
    // Says stop once the first partition's file exists: between two partitions.
    let written = out.join(format!("indicator={first}/part-0.parquet"));
    let seen = written.clone();
    demo.set_interrupt_check(Some(Arc::new(move || seen.exists())))
        .unwrap();
    let error = demo
        .export_parquet(&out, &ObservationFilter::default())
        .unwrap_err();
    assert!(matches!(error, Error::Interrupted), "{error:?}");
    assert!(!written.exists());
    assert!(!out.exists(), "the folder it created is removed too");
}

// ----- random stores ------------------------------------------------------------------------

/// One figure of a random store, as positions in the lists of [`random_store`].
#[derive(Debug, Clone)]
struct Figure {
    indicator: usize,
    origin: usize,
    destination: usize,
    product: usize,
    year: i32,
    form: usize,
    value: f64,
    qualifier: usize,
    status: usize,
    source: usize,
    quote: Option<String>,
    note: Option<String>,
}

fn figure() -> impl Strategy<Value = Figure> {
    (
        (
            0..3usize,
            0..4usize,
            0..4usize,
            0..3usize,
            2015..2025i32,
            0..4usize,
        ),
        (-1e9..1e12f64, 0..4usize, 0..3usize, 0..3usize),
        (
            proptest::option::of("[a-zà-ü ,\"\n]{0,12}"),
            proptest::option::of("[A-Za-z0-9 ;]{1,8}"),
        ),
    )
        .prop_map(
            |((indicator, origin, destination, product, year, form), rest, (quote, note))| {
                let (value, qualifier, status, source) = rest;
                Figure {
                    indicator,
                    origin,
                    destination,
                    product,
                    year,
                    form,
                    value,
                    qualifier,
                    status,
                    source,
                    quote,
                    note,
                }
            },
        )
}

/// A store of three indicators (two directed, one not) and the figures that can be
/// added: a figure whose identity is already taken, or which the store refuses (a
/// negative flow, a pair of one country), is left out.
fn random_store(figures: &[Figure]) -> Store {
    let mut store = Store::in_memory().unwrap();
    for (code, unit, kind, directed) in [
        ("exports", "USD", Kind::Flow, true),
        ("visitors", "persons", Kind::Flow, true),
        ("balance", "USD", Kind::Flow, false),
    ] {
        store
            .add_indicator(&Indicator::new(code, code, unit, kind, directed))
            .unwrap();
    }
    for id in ["office", "paper"] {
        store
            .add_source(&Source {
                id: id.to_owned(),
                title: id.to_owned(),
                publisher: None,
                url: None,
                published: None,
            })
            .unwrap();
    }
    let countries = ["GEO", "ARM", "AZE", "KAZ"];
    for f in figures {
        let period = match f.form {
            0 => f.year.to_string(),
            1 => format!("{}-Q{}", f.year, 1 + f.year % 4),
            2 => format!("{}-{:02}", f.year, 1 + f.year % 12),
            _ => format!("{}-01/{}-08", f.year, f.year),
        };
        let indicator = ["exports", "visitors", "balance"][f.indicator];
        let mut o = NewObservation::new(
            indicator,
            countries[f.origin],
            countries[f.destination],
            &period,
            f.value,
        );
        o.product = Some(["total", "0101", "wheat"][f.product].to_owned());
        o.qualifier = Some(["exact", "approx", "over", "nearly"][f.qualifier].to_owned());
        o.status = Some(["actual", "estimate", "target"][f.status].to_owned());
        o.source = (f.source < 2).then(|| ["office", "paper"][f.source].to_owned());
        o.quote = f.quote.clone();
        o.note = f.note.clone();
        let _ = store.add(&o);
    }
    store
}

#[test]
fn the_population_table_reads_back_as_the_stores_figures_a_hand_set_one_among_them() {
    let mut store = Store::in_memory().unwrap();
    store
        .set_population("GEO", 2030, 3_500_000.0, None)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("population.parquet");
    let written = store.export_population_parquet(&path).unwrap();
    let file = File::open(&path).unwrap();
    let batches: Vec<RecordBatch> = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let schema = batches[0].schema();
    let columns: Vec<(&str, &DataType)> = schema
        .fields()
        .iter()
        .map(|f| (f.name().as_str(), f.data_type()))
        .collect();
    assert_eq!(
        columns,
        [
            ("country", &DataType::Utf8),
            ("year", &DataType::Int32),
            ("population", &DataType::Int64)
        ]
    );
    let mut rows = Vec::new();
    for batch in &batches {
        let countries = batch.column(0).as_string::<i32>();
        let years = batch.column(1).as_primitive::<Int32Type>();
        let people = batch
            .column(2)
            .as_primitive::<arrow_array::types::Int64Type>();
        for i in 0..batch.num_rows() {
            rows.push((
                countries.value(i).to_owned(),
                years.value(i),
                people.value(i),
            ));
        }
    }
    assert_eq!(rows.len(), written);
    assert_eq!(rows, store.population_table().unwrap());
    assert!(rows.contains(&("GEO".to_owned(), 2030, 3_500_000)));
    // A second export to the same file is refused, and the file kept.
    let error = store.export_population_parquet(&path).unwrap_err();
    assert!(matches!(error, Error::Io { .. }), "{error:?}");
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn a_random_store_reads_back_as_its_observations(
        figures in proptest::collection::vec(figure(), 1..40)
    ) {
        let store = random_store(&figures);
        assert_round_trip(&store);
    }
}
