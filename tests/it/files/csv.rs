//! The library's own CSV: an export read back gives the same observations, and a
//! malformed file is an error naming its line and column that changes nothing.

use std::path::{Path, PathBuf};

use bilateral::files::ImportOptions;

use bilateral::{
    Dataset, Error, Indicator, Kind, NewObservation, Observation, ObservationFilter, OnDuplicate,
    OnMissing, Source, Store,
};

const DEMO: &str = "azerbaijan-kazakhstan-2025";

fn on_duplicate(choice: OnDuplicate) -> ImportOptions<'static> {
    ImportOptions {
        on_duplicate: choice,
        ..ImportOptions::default()
    }
}

fn everything() -> ObservationFilter {
    ObservationFilter::default()
}

/// A store with the demo dataset's indicators and sources, and no observation.
fn demo_without_observations() -> Store {
    let mut dataset = Dataset::builtin(DEMO).unwrap();
    dataset.observations.clear();
    dataset.claims.clear();
    let mut store = Store::in_memory().unwrap();
    store.load(&dataset).unwrap();
    assert_eq!(store.observation_count().unwrap(), 0);
    store
}

fn file_with(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("figures.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn all_observations(store: &Store) -> Vec<Observation> {
    store.observations(&everything()).unwrap()
}

#[test]
fn the_demo_store_exported_and_imported_into_an_empty_one_gives_the_same_observations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.csv");
    let demo = Store::demo().unwrap();
    let written = demo.export_csv(&path, &everything()).unwrap();
    assert_eq!(written, demo.observation_count().unwrap());

    let mut store = demo_without_observations();
    assert_eq!(
        store
            .import_csv(&path, &on_duplicate(OnDuplicate::Error))
            .unwrap()
            .written,
        written
    );
    assert_eq!(all_observations(&store), all_observations(&demo));
}

#[test]
fn an_export_has_the_columns_of_observations_in_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tourists.csv");
    let demo = Store::demo().unwrap();
    let filter = ObservationFilter::indicator("tourists").pair("AZE", "KAZ");
    demo.export_csv(&path, &filter).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "indicator,origin,destination,product,period,start,end,value,low,high,qualifier,\
             status,unit,source,quote,note"
        )
    );
    // The demo's 2024 figure: "over 102,000", so bounds 102,000 to 103,000.
    let row_2024 = lines.find(|l| l.contains(",2024,")).unwrap();
    assert!(
        row_2024.starts_with(
            "tourists,AZE,KAZ,total,2024,2024-01-01,2024-12-31,102000,102000,103000,over,actual,"
        ),
        "{row_2024}"
    );
}

#[test]
fn an_export_narrowed_to_one_indicator_writes_only_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tourists.csv");
    let demo = Store::demo().unwrap();
    let filter = ObservationFilter::indicator("tourists");
    let written = demo.export_csv(&path, &filter).unwrap();
    assert_eq!(written, demo.observations(&filter).unwrap().len());
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), written + 1);
    assert!(text.lines().skip(1).all(|l| l.starts_with("tourists,")));
}

/// A small deterministic generator (xorshift), so the random store is the same on
/// every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64)]
    }
}

fn random_store() -> Store {
    let mut store = Store::in_memory().unwrap();
    store
        .add_indicator(&Indicator::new(
            "visitors",
            "Visitors",
            "persons",
            Kind::Flow,
            true,
        ))
        .unwrap();
    store
        .add_indicator(&Indicator::new("trade", "Trade", "USD", Kind::Flow, false))
        .unwrap();
    for id in ["office", "paper"] {
        store
            .add_source(&Source {
                id: id.to_owned(),
                title: format!("The {id}"),
                publisher: None,
                url: None,
                published: None,
            })
            .unwrap();
    }
    let mut random = Random(0x5eed_cafe);
    let countries = ["GEO", "ARM", "AZE", "KAZ", "TUR"];
    let quotes = [
        "About 1,200 visitors, \"a record\", came",
        "Trade rose,\nthen fell",
        "plain",
        " spaced  out ",
        "a \"quoted\" word, and a comma",
    ];
    let mut observations = Vec::new();
    let mut seen = std::collections::HashSet::new();
    while observations.len() < 300 {
        let indicator = random.pick(&["visitors", "trade"]);
        let origin = random.pick(&countries);
        let destination = random.pick(&countries);
        let year = 2000 + random.below(25);
        let period = match random.below(4) {
            0 => year.to_string(),
            1 => format!("{year}-H{}", 1 + random.below(2)),
            2 => format!("Q{} {year}", 1 + random.below(4)),
            _ => format!("{year}-{:02}", 1 + random.below(12)),
        };
        let status = random.pick(&["actual", "estimate", "target"]);
        let source = random.pick(&["", "office", "paper"]);
        let (a, b) = if indicator == "trade" && origin > destination {
            (destination, origin)
        } else {
            (origin, destination)
        };
        if origin == destination || !seen.insert((indicator, a, b, period.clone(), status, source))
        {
            continue;
        }
        let value = (random.below(1_000_000) as f64) * 10.0 + 0.25 * random.below(4) as f64;
        let mut observation = NewObservation::new(indicator, origin, destination, &period, value);
        observation.qualifier = Some(
            random
                .pick(&["exact", "approx", "over", "nearly", "under"])
                .to_owned(),
        );
        observation.status = Some(status.to_owned());
        observation.source = (!source.is_empty()).then(|| source.to_owned());
        if random.below(3) == 0 {
            observation.quote = Some(random.pick(&quotes).to_owned());
        }
        if random.below(5) == 0 {
            observation.note = Some("note, with \"quotes\"\nand a second line".to_owned());
        }
        if random.below(6) == 0 && observation.qualifier.as_deref() == Some("exact") {
            observation.low = Some(value - 1.5);
            observation.high = Some(value + 2.0);
        }
        observations.push(observation);
    }
    assert_eq!(
        store.add_many(&observations, OnDuplicate::Error).unwrap(),
        300
    );
    store
}

/// A fresh store with the indicators and sources of `store`.
fn without_observations(store: &Store) -> Store {
    let mut fresh = Store::in_memory().unwrap();
    for indicator in store.indicators().unwrap() {
        fresh.add_indicator(&indicator).unwrap();
    }
    for source in store.sources().unwrap() {
        fresh.add_source(&source).unwrap();
    }
    fresh
}

#[test]
fn a_random_store_exported_and_imported_into_an_empty_one_gives_the_same_observations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.csv");
    let random = random_store();
    assert_eq!(random.export_csv(&path, &everything()).unwrap(), 300);
    let mut store = without_observations(&random);
    assert_eq!(
        store
            .import_csv(&path, &on_duplicate(OnDuplicate::Error))
            .unwrap()
            .written,
        300
    );
    assert_eq!(all_observations(&store), all_observations(&random));
}

#[test]
fn an_import_into_the_store_it_came_from_skips_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.csv");
    let mut demo = Store::demo().unwrap();
    demo.export_csv(&path, &everything()).unwrap();
    assert_eq!(
        demo.import_csv(&path, &on_duplicate(OnDuplicate::Skip))
            .unwrap()
            .written,
        0
    );
}

#[test]
fn columns_may_come_in_any_order_and_unknown_ones_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(
        dir.path(),
        "value,comment,period,destination,origin,indicator\n\
         1500,\"first, of two\",2024,GEO,KAZ,tourists\n\
         1700,,2025-H1,GEO,KAZ,tourists\n",
    );
    let mut store = Store::demo().unwrap();
    assert_eq!(
        store
            .import_csv(&path, &on_duplicate(OnDuplicate::Error))
            .unwrap()
            .written,
        2
    );
    let filter = ObservationFilter::indicator("tourists").pair("KAZ", "GEO");
    let read: Vec<(String, f64)> = store
        .observations(&filter)
        .unwrap()
        .into_iter()
        .map(|o| (o.period_text, o.value))
        .collect();
    assert_eq!(
        read,
        [("2024".to_owned(), 1500.0), ("2025-H1".to_owned(), 1700.0)]
    );
}

/// Imports `text` into the demo store, which must fail and leave it unchanged.
fn import_error(text: &str) -> Error {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(dir.path(), text);
    let mut store = Store::demo().unwrap();
    let before = all_observations(&store);
    let error = store
        .import_csv(&path, &on_duplicate(OnDuplicate::Error))
        .unwrap_err();
    assert_eq!(
        all_observations(&store),
        before,
        "the store changed: {error}"
    );
    error
}

/// The line, field and text of a validation error.
fn where_and_what(error: &Error) -> (Option<usize>, String, String) {
    let v = error
        .validation()
        .unwrap_or_else(|| panic!("not a validation error: {error}"));
    (v.record, v.field.clone(), v.text.clone())
}

const HEADER: &str = "indicator,origin,destination,period,value\n";

#[test]
fn a_header_without_value_is_an_error_at_line_1_naming_value() {
    let error = import_error("indicator,origin,destination,period\ntourists,KAZ,GEO,2024\n");
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(1), "value"));
}

#[test]
fn a_value_that_is_not_a_number_is_an_error_at_its_line_naming_value() {
    let error = import_error(&format!(
        "{HEADER}tourists,KAZ,GEO,2021,10\ntourists,KAZ,GEO,2022,ten\n"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(3), "value".to_owned(), "ten".to_owned())
    );
}

#[test]
fn an_unknown_country_is_an_error_at_its_line_naming_the_column() {
    let error = import_error(&format!(
        "{HEADER}tourists,KAZ,GEO,2021,10\ntourists,KAZ,GEO,2022,11\ntourists,Atlantis,GEO,2023,12\n"
    ));
    let (line, field, text) = where_and_what(&error);
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(4), "origin", "Atlantis")
    );
}

#[test]
fn a_bad_period_is_an_error_at_its_line_naming_period() {
    let error = import_error(&format!("{HEADER}tourists,KAZ,GEO,2024-H3,10\n"));
    let (line, field, text) = where_and_what(&error);
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(2), "period", "2024-H3")
    );
}

#[test]
fn a_quote_over_two_lines_moves_the_next_row_down_a_line() {
    let error = import_error(
        "indicator,origin,destination,period,value,quote\n\
         tourists,KAZ,GEO,2021,10,\"one\nand two\"\n\
         tourists,KAZ,GEO,2022,x,\n",
    );
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(4), "value"));
}

#[test]
fn a_quote_over_two_windows_lines_moves_the_next_row_down_a_line() {
    let error = import_error(
        "indicator,origin,destination,period,value,quote\r\n\
         tourists,KAZ,GEO,2021,10,\"one\r\nand two\"\r\n\
         tourists,KAZ,GEO,2022,x,\r\n",
    );
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(4), "value"));
}

/// The quote is text: its Windows line break is exported and read back as it is (the
/// import once read it as a Unix one; found by tests/python/store/test_model.py).
#[test]
fn a_quote_with_a_windows_line_break_reads_back_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quote.csv");
    let mut store = demo_without_observations();
    let mut figure = NewObservation::new("tourists", "KAZ", "GEO", "2024", 10.0);
    figure.quote = Some("one\r\nand two\rand three".to_owned());
    store.add(&figure).unwrap();
    store.export_csv(&path, &everything()).unwrap();
    let mut other = demo_without_observations();
    other
        .import_csv(&path, &on_duplicate(OnDuplicate::Error))
        .unwrap();
    let quotes: Vec<_> = all_observations(&other)
        .into_iter()
        .map(|o| o.quote)
        .collect();
    assert_eq!(quotes, [Some("one\r\nand two\rand three".to_owned())]);
}

#[test]
fn a_start_that_is_not_the_first_day_of_the_period_is_an_error_naming_start() {
    let error = import_error(
        "indicator,origin,destination,period,start,value\n\
         tourists,KAZ,GEO,2024,2024-02-01,10\n",
    );
    assert_eq!(
        where_and_what(&error),
        (Some(2), "start".to_owned(), "2024-02-01".to_owned())
    );
}

#[test]
fn a_unit_other_than_the_indicators_is_an_error_naming_unit() {
    let error = import_error(
        "indicator,origin,destination,period,value,unit\n\
         tourists,KAZ,GEO,2024,10,USD\n",
    );
    let (line, field, text) = where_and_what(&error);
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(2), "unit", "USD")
    );
}

#[test]
fn a_row_repeating_another_is_a_duplicate_error_naming_its_line() {
    let error = import_error(&format!(
        "{HEADER}tourists,KAZ,GEO,2021,10\ntourists,KAZ,GEO,2022,11\ntourists,KAZ,GEO,2021,12\n"
    ));
    assert!(matches!(error, Error::Duplicate { .. }), "{error}");
    assert_eq!(error.record(), Some(4));
}

#[test]
fn a_row_with_a_cell_too_many_is_an_error_naming_its_line() {
    let error = import_error(&format!("{HEADER}tourists,KAZ,GEO,2021,10,extra\n"));
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(2), "row"));
}

#[test]
fn a_missing_file_is_an_io_error() {
    let mut store = Store::in_memory().unwrap();
    let error = store
        .import_csv(
            "/nonexistent/figures.csv",
            &on_duplicate(OnDuplicate::Error),
        )
        .unwrap_err();
    assert!(matches!(error, Error::Io { .. }), "{error}");
}

#[test]
fn a_mark_of_a_missing_value_is_an_error_naming_the_mark_and_who_writes_it() {
    // (cell, a part of the reason): the mark is named, not taken for a slip in a number.
    let cases = [
        ("..", "marks a missing value (as the World Bank, the OECD"),
        (":", "marks a missing value (as Eurostat writes it)"),
        ("n/a", "marks a missing value (not available)"),
        ("-", "write 0 where it means zero"),
        ("", "is missing (an empty cell"),
    ];
    for (cell, said) in cases {
        let error = import_error(&format!(
            "{HEADER}tourists,KAZ,GEO,2021,10\ntourists,KAZ,GEO,2022,{cell}\n"
        ));
        assert_eq!(
            where_and_what(&error),
            (Some(3), "value".to_owned(), cell.to_owned())
        );
        let message = error.to_string();
        assert!(message.contains(said), "{message}");
        assert!(message.contains("pass OnMissing::Skip"), "{message}");
    }
}

fn skip_missing(on_duplicate: OnDuplicate) -> ImportOptions<'static> {
    ImportOptions {
        on_duplicate,
        missing: OnMissing::Skip,
        ..ImportOptions::default()
    }
}

#[test]
fn with_missing_skip_rows_without_a_value_are_passed_over_and_counted_by_mark() {
    let dir = tempfile::tempdir().unwrap();
    // Lines 2 to 7: two figures, and four rows without a value (line 5's country is
    // not one, but a row passed over is not read further).
    let path = file_with(
        dir.path(),
        &format!(
            "{HEADER}tourists,KAZ,GEO,2021,10\ntourists,KAZ,GEO,2022,..\n\
             tourists,KAZ,GEO,2023, : \ntourists,Atlantis,GEO,2024,..\n\
             tourists,KAZ,GEO,2025,\ntourists,KAZ,GEO,2026,12\n"
        ),
    );
    let mut store = demo_without_observations();
    let summary = store
        .import_csv(&path, &skip_missing(OnDuplicate::Error))
        .unwrap();
    assert_eq!((summary.rows_read(), summary.figures_written()), (6, 2));
    assert_eq!(
        (summary.rows_skipped(), summary.figures_already_stored()),
        (4, 0)
    );
    let skipped: Vec<(&str, usize, usize)> = summary
        .skipped
        .iter()
        .map(|s| (s.reason.as_str(), s.rows, s.first_line))
        .collect();
    assert_eq!(
        skipped,
        [
            ("value is missing (`..`)", 2, 3),
            ("value is missing (`:`)", 1, 4),
            ("value is missing (empty cell)", 1, 6),
        ]
    );
    let stored: Vec<(String, f64)> = all_observations(&store)
        .into_iter()
        .map(|o| (o.period.to_string(), o.value))
        .collect();
    assert_eq!(
        stored,
        [("2021".to_owned(), 10.0), ("2026".to_owned(), 12.0)]
    );

    // Again, skipping what is stored: the two figures already stored, first at line 2.
    let again = store
        .import_csv(&path, &skip_missing(OnDuplicate::Skip))
        .unwrap();
    assert_eq!((again.rows_read(), again.figures_written()), (6, 0));
    // 4 rows without a value, and the 2 figures of the others already stored.
    assert_eq!(
        (again.rows_skipped(), again.figures_already_stored()),
        (4, 2)
    );
    let last = again.skipped.last().unwrap();
    assert_eq!(
        (last.reason.as_str(), last.rows, last.first_line),
        ("already stored", 2, 2)
    );
}

#[test]
fn with_missing_skip_an_error_still_names_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    // Line 3 is passed over; line 4's country is unknown.
    let path = file_with(
        dir.path(),
        &format!(
            "{HEADER}tourists,KAZ,GEO,2021,10\ntourists,KAZ,GEO,2022,..\n\
             tourists,Atlantis,GEO,2023,11\n"
        ),
    );
    let mut store = demo_without_observations();
    let error = store
        .import_csv(&path, &skip_missing(OnDuplicate::Error))
        .unwrap_err();
    assert_eq!(
        where_and_what(&error),
        (Some(4), "origin".to_owned(), "Atlantis".to_owned())
    );
    assert_eq!(store.observation_count().unwrap(), 0);
}

#[test]
fn a_skip_names_the_two_lines_of_a_file_that_give_one_figure_two_values() {
    let dir = tempfile::tempdir().unwrap();
    // Lines 2 and 4 are the same identity (tourists GEO→ARM in 2024) with 1200 and 1300.
    let path = file_with(
        dir.path(),
        "indicator,origin,destination,period,value\n\
         tourists,GEO,ARM,2024,1200\n\
         tourists,GEO,ARM,2023,1100\n\
         tourists,GEO,ARM,2024,1300\n",
    );
    let mut store = demo_without_observations();
    let err = store
        .import_csv(&path, &on_duplicate(OnDuplicate::Skip))
        .unwrap_err();
    assert_eq!(err.record(), Some(4));
    let message = err.to_string();
    assert!(
        message.contains("(record 2: exact 1200, bounds 1200–1200; record 4: exact 1300"),
        "{message}"
    );
    assert_eq!(store.observation_count().unwrap(), 0);
}
