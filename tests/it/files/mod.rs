//! Imports in general: the format guessed from a file's beginning, progress told stage
//! by stage, and a stop (by the progress callback or the interrupt check) that leaves
//! the store as it was.

mod comtrade;
mod csv;
mod imf_dots;
mod json;
#[cfg(feature = "parquet")]
mod parquet;
mod sdmx;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use bilateral::files::{Format, ImportOptions, Progress, Stage};
use bilateral::{Error, OnDuplicate, Store};

const HEADER: &str = "indicator,origin,destination,period,value\n";

/// A CSV of `rows` tourist figures, one a month from January 1900 on.
fn tourists_csv(dir: &Path, rows: usize) -> PathBuf {
    let mut text = String::from(HEADER);
    for row in 0..rows {
        let (year, month) = (1900 + row / 12, row % 12 + 1);
        text.push_str(&format!(
            "tourists,GEO,ARM,{year}-{month:02},{}\n",
            1000 + row
        ));
    }
    let path = dir.join("tourists.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn progress_is_told_each_stage_in_turn_ending_at_its_total() {
    let dir = tempfile::tempdir().unwrap();
    let path = tourists_csv(dir.path(), 25_000);
    let bytes = std::fs::metadata(&path).unwrap().len();
    let told = RefCell::new(Vec::new());
    let record = |p: Progress| {
        told.borrow_mut().push(p);
        true
    };
    let options = ImportOptions {
        progress: Some(&record),
        ..ImportOptions::default()
    };
    let mut store = Store::in_memory().unwrap();
    let summary = store.import_csv(&path, &options).unwrap();
    assert_eq!((summary.read, summary.written), (25_000, 25_000));

    let told = told.into_inner();
    let stages: Vec<Stage> = told.iter().map(|p| p.stage).collect();
    let first_checking = stages.iter().position(|s| *s == Stage::Checking).unwrap();
    let first_writing = stages.iter().position(|s| *s == Stage::Writing).unwrap();
    assert!(stages[..first_checking]
        .iter()
        .all(|s| *s == Stage::Reading));
    assert!(stages[first_checking..first_writing]
        .iter()
        .all(|s| *s == Stage::Checking));
    assert!(stages[first_writing..].iter().all(|s| *s == Stage::Writing));
    // Rows are counted every 10,000 and at the end: 10,000, 20,000, 25,000.
    let rows_told = |stage| -> Vec<(u64, u64)> {
        told.iter()
            .filter(|p| p.stage == stage)
            .map(|p| (p.done, p.total))
            .collect()
    };
    let counted = vec![(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)];
    assert_eq!(rows_told(Stage::Checking), counted);
    assert_eq!(rows_told(Stage::Writing), counted);
    // Reading counts bytes, never goes back, and ends at the file's size.
    let reading = rows_told(Stage::Reading);
    assert!(reading.windows(2).all(|w| w[0].0 <= w[1].0), "{reading:?}");
    assert_eq!(reading.last(), Some(&(bytes, bytes)));
    assert!(reading.iter().all(|(_, total)| *total == bytes));
}

#[test]
fn a_progress_callback_that_says_stop_stops_the_import_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = tourists_csv(dir.path(), 25_000);
    for stop_at in [Stage::Reading, Stage::Checking, Stage::Writing] {
        let keep_going = |p: Progress| p.stage != stop_at;
        let options = ImportOptions {
            progress: Some(&keep_going),
            ..ImportOptions::default()
        };
        let mut store = Store::in_memory().unwrap();
        let error = store.import_csv(&path, &options).unwrap_err();
        assert!(matches!(error, Error::Interrupted), "{stop_at:?}: {error}");
        assert_eq!(store.observation_count().unwrap(), 0, "{stop_at:?}");
    }
}

#[test]
fn the_interrupt_check_stops_an_import_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = tourists_csv(dir.path(), 25_000);
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    let mut store = Store::in_memory().unwrap();
    // Says stop the third time it is asked: while the file is being read.
    store
        .set_interrupt_check(Some(Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst) >= 2
        })))
        .unwrap();
    let error = store
        .import_csv(&path, &ImportOptions::default())
        .unwrap_err();
    assert!(matches!(error, Error::Interrupted), "{error}");
    assert_eq!(asked.load(Ordering::SeqCst), 3);
    store.set_interrupt_check(None).unwrap();
    assert_eq!(store.observation_count().unwrap(), 0);
}

#[test]
fn a_csv_is_told_by_its_header_whatever_the_order_of_its_columns() {
    assert_eq!(
        Format::guess("value,period,destination,origin,indicator,note\n1,2024,ARM,GEO,x,\n"),
        Some(Format::Csv)
    );
    // A byte-order mark and quoted names, as spreadsheets write them.
    assert_eq!(
        Format::guess("\u{feff}\"indicator\",\"origin\",\"destination\",\"period\",\"value\"\n"),
        Some(Format::Csv)
    );
    assert_eq!(Format::guess("indicator,origin,period,value\n"), None);
}

#[test]
fn a_json_file_is_told_by_its_opening_brace() {
    assert_eq!(Format::guess("\n  {\"name\": \"x\"}"), Some(Format::Json));
}

#[test]
fn a_file_of_no_known_format_is_an_error_naming_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.csv");
    std::fs::write(&path, "country;year;amount\nGEO;2024;1\n").unwrap();
    let mut store = Store::in_memory().unwrap();
    let error = store
        .import_file(&path, None, &ImportOptions::default())
        .unwrap_err();
    let Error::Validation(v) = error else {
        panic!("{error}")
    };
    assert_eq!(v.field, "format");
    assert_eq!(v.record, Some(1));
    assert_eq!(v.text, "country;year;amount");
}

#[test]
fn import_file_reads_a_whole_store_export_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.data");
    Store::demo().unwrap().export_json(&path).unwrap();
    let mut store = Store::in_memory().unwrap();
    let summary = store
        .import_file(&path, None, &ImportOptions::default())
        .unwrap();
    // The built-in dataset's 35 observations.
    assert_eq!((summary.format, summary.written), (Some("json"), 35));
    assert_eq!(store.observation_count().unwrap(), 35);
}

#[test]
fn format_codes_name_formats_in_any_case() {
    assert_eq!(Format::from_code("CSV").unwrap(), Format::Csv);
    let error = Format::from_code("xlsx").unwrap_err();
    assert!(error.to_string().contains("format"), "{error}");
}

#[test]
fn a_whole_store_imported_again_with_skip_adds_nothing_and_fails_on_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.json");
    let mut demo = Store::demo().unwrap();
    demo.export_json(&path).unwrap();
    let error = demo.import_json(&path).unwrap_err();
    assert!(matches!(error, Error::Duplicate { .. }), "{error}");

    let skip = ImportOptions {
        on_duplicate: OnDuplicate::Skip,
        ..ImportOptions::default()
    };
    let loaded = demo.import_json_with(&path, &skip).unwrap();
    assert_eq!((loaded.observations, loaded.events), (0, 0));
    let summary = demo.import_file(&path, None, &skip).unwrap();
    // The built-in dataset's 35 observations, read and all passed over.
    assert_eq!(
        (summary.read, summary.written, summary.skipped_rows()),
        (35, 0, 35)
    );
    assert_eq!(demo.observation_count().unwrap(), 35);
}

#[test]
fn a_file_with_windows_line_endings_names_the_right_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.csv");
    // The bad value is on the third line of the file.
    std::fs::write(
        &path,
        "indicator,origin,destination,period,value\r\n\
         tourists,GEO,ARM,2024,1\r\n\
         tourists,GEO,ARM,2025,x\r\n",
    )
    .unwrap();
    let mut store = Store::in_memory().unwrap();
    let error = store
        .import_file(&path, None, &ImportOptions::default())
        .unwrap_err();
    let Error::Validation(v) = error else {
        panic!("{error}")
    };
    assert_eq!((v.record, v.field.as_str()), (Some(3), "value"));
}

#[test]
fn an_import_counts_rows_read_and_figures_written_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("TradeData.csv");
    // Line 2 gives two figures (value and net weight); line 3 is the World, skipped.
    std::fs::write(
        &path,
        "period,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,netWgt,primaryValue\n\
         2024,KAZ,X,31,AZE,0101,2500,1200000\n\
         2024,KAZ,X,0,W00,0101,9000,5000000\n",
    )
    .unwrap();
    let mut store = Store::in_memory().unwrap();
    let first = store
        .import_file(&path, None, &ImportOptions::default())
        .unwrap();
    assert_eq!((first.rows_read(), first.figures_written()), (2, 2));
    assert_eq!(
        (first.rows_skipped(), first.figures_already_stored()),
        (1, 0)
    );
    let skip = ImportOptions {
        on_duplicate: OnDuplicate::Skip,
        ..ImportOptions::default()
    };
    let again = store.import_file(&path, None, &skip).unwrap();
    assert_eq!((again.rows_read(), again.figures_written()), (2, 0));
    assert_eq!(
        (again.rows_skipped(), again.figures_already_stored()),
        (1, 2)
    );
    let counts: Vec<(&str, usize)> = again.skipped.iter().map(|s| (s.counts(), s.rows)).collect();
    assert_eq!(counts, [("rows", 1), ("figures", 2)]);
}

/// The validation error of importing the bytes `content` as `name`, guessing its
/// format first (`None`) or naming it.
fn refusal(content: &[u8], format: Option<Format>) -> bilateral::ValidationError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.csv");
    std::fs::write(&path, content).unwrap();
    let mut store = Store::in_memory().unwrap();
    let error = store
        .import_file(&path, format, &ImportOptions::default())
        .unwrap_err();
    assert_eq!(store.observation_count().unwrap(), 0);
    match error {
        Error::Validation(v) => *v,
        other => panic!("{other}"),
    }
}

#[test]
fn a_utf16_file_is_refused_as_utf16_saying_to_save_it_as_utf8() {
    // "indicator,origin" as UTF-16: each ASCII letter followed (LE) or preceded (BE)
    // by a NUL byte, after the byte order mark FF FE or FE FF
    let text = "indicator,origin,destination,period,value\ntourists,GEO,ARM,2024,1\n";
    let little: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let without_mark: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for (bytes, order) in [
        (&little, "little-endian, byte order mark FF FE"),
        (&big, "big-endian, byte order mark FE FF"),
        (&without_mark, "little-endian"),
    ] {
        for format in [None, Some(Format::Csv), Some(Format::Comtrade)] {
            let v = refusal(bytes, format);
            assert_eq!(v.field, "file", "{format:?}");
            assert!(
                v.reason
                    .contains(&format!("is UTF-16 text (UTF-16 {order})")),
                "{format:?}: {}",
                v.reason
            );
            assert!(v.reason.contains("save it as UTF-8"), "{}", v.reason);
        }
    }
}

#[test]
fn an_empty_file_is_refused_as_empty() {
    for content in [&b""[..], b"\n\n", b"\xEF\xBB\xBF"] {
        for format in [None, Some(Format::Csv), Some(Format::Comtrade)] {
            let v = refusal(content, format);
            assert_eq!(
                (v.field.as_str(), v.reason.as_str()),
                ("file", "is empty: it has no header line and no rows"),
                "{content:?} {format:?}"
            );
            assert!(v.text.ends_with("figures.csv"), "{}", v.text);
        }
    }
}

#[test]
fn an_own_csv_separated_by_semicolons_or_tabs_is_read() {
    // As a European office writes it: a byte order mark, then ';' between cells
    let semicolons = "\u{feff}indicator;origin;destination;period;value;unit\n\
                      exports;AUT;DEU;2020;5;thousand USD\n\
                      exports;AUT;DEU;2024 Q1;1234;thousand USD\n";
    let tabs = semicolons.replace(';', "\t");
    for text in [semicolons.to_owned(), tabs] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("own.csv");
        std::fs::write(&path, &text).unwrap();
        let mut store = Store::in_memory().unwrap();
        let summary = store
            .import_file(&path, None, &ImportOptions::default())
            .unwrap();
        assert_eq!(summary.format, Some("csv"));
        assert_eq!((summary.rows_read(), summary.figures_written()), (2, 2));
        let mut values: Vec<(String, f64)> = store
            .observations(&bilateral::ObservationFilter::indicator("exports"))
            .unwrap()
            .into_iter()
            .map(|o| (o.period.to_string(), o.value))
            .collect();
        values.sort_by(|a, b| a.0.cmp(&b.0));
        // 5 and 1234 thousand USD are 5 000 and 1 234 000 USD
        assert_eq!(
            values,
            vec![
                ("2020".to_owned(), 5_000.0),
                ("2024-Q1".to_owned(), 1_234_000.0)
            ]
        );
    }
}

#[test]
fn a_latin1_cell_in_an_own_csv_is_refused_naming_its_line_and_column() {
    // "Schätzung" in Latin-1: the ä is the one byte E4, which is no UTF-8
    let mut bytes = b"indicator,origin,destination,period,value,note\n\
                      tourists,GEO,ARM,2023,5,fine\n\
                      tourists,GEO,ARM,2024,5,Sch"
        .to_vec();
    bytes.extend([0xE4]);
    bytes.extend(b"tzung\n");
    let v = refusal(&bytes, None);
    assert_eq!(
        (v.record, v.field.as_str(), v.text.as_str()),
        (Some(3), "note", "Sch\u{fffd}tzung")
    );
    assert!(v.reason.contains("is not UTF-8 text"), "{}", v.reason);
    assert!(v.reason.contains("save the file as UTF-8"), "{}", v.reason);
}
