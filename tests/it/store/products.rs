//! Product names: a product has a code and, where known, a name and a classification;
//! the store keeps them (and upgrades older files to hold them), `add_many`, the
//! importers and the JSON and CSV round trips carry them, and the report writes
//! "ferro-alloys (HS 7202)" rather than a bare code.

use bilateral::files::ImportOptions;
use bilateral::{NewObservation, ObservationFilter, OnDuplicate, Product, Store, SCHEMA_VERSION};

/// A store with directed `exports` in USD, as the starter catalogue defines it.
fn store() -> Store {
    Store::in_memory().unwrap()
}

fn exports(product: &str, period: &str, value: f64) -> NewObservation {
    let mut obs = NewObservation::new("exports", "GEO", "TUR", period, value);
    obs.product = Some(product.to_owned());
    obs
}

fn named(code: &str, name: &str) -> Product {
    Product::new(code, name)
}

// ----- storage and the Rust API -------------------------------------------------------------

#[test]
fn a_product_added_with_a_name_reads_back_with_it() {
    let mut store = store();
    assert!(store.add_product("7202", "Ferro-alloys").unwrap());
    assert_eq!(store.products().unwrap(), [named("7202", "Ferro-alloys")]);
}

#[test]
fn adding_the_same_name_again_changes_nothing_and_says_so() {
    let mut store = store();
    assert!(store.add_product("7202", "Ferro-alloys").unwrap());
    assert!(!store.add_product("7202", "Ferro-alloys").unwrap());
    // Spaces around the name are not part of it.
    assert!(!store.add_product("7202", "  Ferro-alloys ").unwrap());
    assert_eq!(store.products().unwrap().len(), 1);
}

#[test]
fn another_name_for_a_named_product_is_an_error_naming_the_stored_one_and_changes_nothing() {
    let mut store = store();
    store.add_product("7202", "Ferro-alloys").unwrap();
    let error = store.add_product("7202", "Iron alloys").unwrap_err();
    let v = error.validation().unwrap();
    assert_eq!((v.field.as_str(), v.text.as_str()), ("name", "Iron alloys"));
    assert!(v.reason.contains("\"Ferro-alloys\""), "{}", v.reason);
    assert_eq!(store.products().unwrap(), [named("7202", "Ferro-alloys")]);
}

#[test]
fn a_code_figures_already_use_takes_a_name_later() {
    let mut store = store();
    store.add(&exports("7202", "2024", 1000.0)).unwrap();
    assert_eq!(
        store.products().unwrap(),
        [Product {
            code: "7202".into(),
            name: None,
            classification: None
        }]
    );
    assert!(store.add_product("7202", "Ferro-alloys").unwrap());
    assert_eq!(store.products().unwrap(), [named("7202", "Ferro-alloys")]);
    // The figure still refers to it.
    let figures = store.observations(&ObservationFilter::default()).unwrap();
    assert_eq!(figures[0].product, "7202");
}

#[test]
fn a_classification_is_kept_in_upper_case_and_another_one_is_an_error() {
    let mut store = store();
    let ferro = named("7202", "Ferro-alloys").classified("hs");
    assert_eq!(store.add_products(&[ferro]).unwrap(), 1);
    assert_eq!(
        store.products().unwrap()[0].classification.as_deref(),
        Some("HS")
    );
    // The name alone again: nothing to change, the classification stays.
    assert!(!store.add_product("7202", "Ferro-alloys").unwrap());
    let sitc = named("7202", "Ferro-alloys").classified("SITC");
    let error = store.add_products(&[sitc]).unwrap_err();
    let v = error.validation().unwrap();
    assert_eq!((v.field.as_str(), v.record), ("classification", Some(0)));
}

#[test]
fn add_products_is_all_or_nothing_and_names_the_bad_products_index() {
    let mut store = store();
    let error = store
        .add_products(&[named("7202", "Ferro-alloys"), named("Bad Code", "Bad")])
        .unwrap_err();
    let v = error.validation().unwrap();
    assert_eq!((v.field.as_str(), v.record), ("code", Some(1)));
    assert!(store.products().unwrap().is_empty());
}

#[test]
fn the_whole_takes_no_name_and_an_empty_name_is_an_error() {
    let mut store = store();
    let total = store.add_product("total", "Everything").unwrap_err();
    assert_eq!(total.validation().unwrap().field, "code");
    let empty = store.add_product("7202", "  ").unwrap_err();
    assert_eq!(empty.validation().unwrap().field, "name");
    assert!(store.products().unwrap().is_empty());
}

#[test]
fn add_many_keeps_the_product_names_its_records_give() {
    let mut store = store();
    let mut ferro = exports("7202", "2024", 1000.0);
    ferro.product_name = Some("Ferro-alloys".into());
    let mut ferro_2023 = exports("7202", "2023", 900.0);
    ferro_2023.product_name = Some("Ferro-alloys".into());
    // A record without a name leaves its product's name to the others.
    let wine = exports("2204", "2024", 50.0);
    let added = store
        .add_many(&[ferro, ferro_2023, wine], OnDuplicate::Error)
        .unwrap();
    assert_eq!(added, 3);
    let products = store.products().unwrap();
    let names: Vec<(&str, Option<&str>)> = products
        .iter()
        .map(|p| (p.code.as_str(), p.name.as_deref()))
        .collect();
    assert_eq!(names, [("2204", None), ("7202", Some("Ferro-alloys"))]);
}

#[test]
fn add_many_with_two_names_for_one_product_fails_at_the_second_and_adds_nothing() {
    let mut store = store();
    let mut first = exports("7202", "2023", 900.0);
    first.product_name = Some("Ferro-alloys".into());
    let mut second = exports("7202", "2024", 1000.0);
    second.product_name = Some("Iron alloys".into());
    let error = store
        .add_many(&[first, second], OnDuplicate::Error)
        .unwrap_err();
    let v = error.validation().unwrap();
    assert_eq!(
        (v.field.as_str(), v.record, v.text.as_str()),
        ("product_name", Some(1), "Iron alloys")
    );
    assert_eq!(store.observation_count().unwrap(), 0);
    assert!(store.products().unwrap().is_empty());
}

#[test]
fn add_many_with_a_name_for_the_total_is_an_error_naming_the_record() {
    let mut store = store();
    let mut whole = NewObservation::new("exports", "GEO", "TUR", "2024", 5.0);
    whole.product_name = Some("All goods".into());
    let error = store.add_many(&[whole], OnDuplicate::Error).unwrap_err();
    let v = error.validation().unwrap();
    assert_eq!((v.field.as_str(), v.record), ("product_name", Some(0)));
}

// ----- files: migration, JSON and CSV ---------------------------------------------------------

#[test]
fn a_version_8_file_keeps_its_products_and_figures_and_takes_names() {
    assert_eq!(SCHEMA_VERSION, 10);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.db");
    Store::create_with_schema_version(&path, 8).unwrap();
    {
        // What a version-8 library wrote: a product that is a bare code, and a figure of it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO indicator (code, name, unit, kind, directed, topic_id)
             SELECT 'exports', 'Exports', 'USD', 'flow', 1, id FROM topic WHERE code = 'trade';
             INSERT INTO product (code) VALUES ('7202');
             INSERT INTO observation (origin_id, destination_id, indicator_id, product_id,
                                      start_day, end_day, status, source_key, period_text,
                                      value, qualifier, low, high)
             SELECT o.id, d.id, i.id, p.id, 2460311, 2460676, 0, 0, '2024', 1000.0, 1,
                    1000.0, 1000.0
             FROM country o, country d, indicator i, product p
             WHERE o.alpha3 = 'GEO' AND d.alpha3 = 'TUR' AND i.code = 'exports'
               AND p.code = '7202';",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let figures = store.observations(&ObservationFilter::default()).unwrap();
    assert_eq!(
        (figures.len(), figures[0].product.as_str(), figures[0].value),
        (1, "7202", 1000.0)
    );
    assert_eq!(store.products().unwrap()[0].name, None);
    assert!(store.add_product("7202", "Ferro-alloys").unwrap());
    drop(store);
    // Reopened, the migrated file passes the check of its layout against the current one.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.products().unwrap(), [named("7202", "Ferro-alloys")]);
}

#[test]
fn a_product_table_without_the_name_check_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tampered.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         PRAGMA legacy_alter_table = ON;
         CREATE TABLE product_copy (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,
                                    name TEXT, classification TEXT) STRICT;
         INSERT INTO product_copy SELECT * FROM product;
         DROP TABLE product;
         ALTER TABLE product_copy RENAME TO product;",
    )
    .unwrap();
    drop(conn);
    let error = Store::open(&path).unwrap_err();
    assert!(
        error.to_string().contains("table product is not defined"),
        "{error}"
    );
}

fn ferro_store() -> Store {
    let mut store = store();
    store
        .add_products(&[named("7202", "Ferro-alloys").classified("HS")])
        .unwrap();
    store.add_product("2204", "Wine").unwrap();
    store
        .add_many(
            &[
                exports("7202", "2024", 1000.0),
                exports("2204", "2024", 50.0),
                exports("0101", "2024", 7.0),
            ],
            OnDuplicate::Error,
        )
        .unwrap();
    store
}

#[test]
fn a_json_round_trip_keeps_product_names_and_classifications() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.json");
    let store = ferro_store();
    let written = store.export_json(&path).unwrap();
    // 7202 and 2204 have names; 0101 is a bare code and travels with its figure.
    assert_eq!(written.products, 2);
    let mut copy = Store::in_memory().unwrap();
    let added = copy.import_json(&path).unwrap();
    assert_eq!((added.products, added.observations), (2, 3));
    assert_eq!(copy.products().unwrap(), store.products().unwrap());
}

#[test]
fn a_csv_round_trip_carries_product_names_in_a_product_name_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exports.csv");
    let store = ferro_store();
    assert_eq!(
        store
            .export_csv(&path, &ObservationFilter::default())
            .unwrap(),
        3
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.starts_with("indicator,origin,destination,product,product_name,period,"),
        "{header}"
    );
    let mut copy = Store::in_memory().unwrap();
    copy.import_csv(&path, &ImportOptions::default()).unwrap();
    // The CSV has no classification column: the names alone come back.
    let names: Vec<(String, Option<String>)> = copy
        .products()
        .unwrap()
        .into_iter()
        .map(|p| (p.code, p.name))
        .collect();
    assert_eq!(
        names,
        [
            ("0101".to_owned(), None),
            ("2204".to_owned(), Some("Wine".to_owned())),
            ("7202".to_owned(), Some("Ferro-alloys".to_owned())),
        ]
    );
}

#[test]
fn a_csv_export_without_product_names_has_no_product_name_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tourists.csv");
    Store::demo()
        .unwrap()
        .export_csv(&path, &ObservationFilter::indicator("tourists"))
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.lines().next().unwrap().contains("product_name"));
}

// ----- the report ---------------------------------------------------------------------------

/// Georgia's exports to Türkiye: the total and two products, 7202 and 2204, in 2024 (and
/// 7202 in 2023); 7202 named "Ferro-alloys" when `named_7202`.
fn georgia_turkey(named_7202: bool) -> bilateral::report::Report {
    let mut store = store();
    let figures = [
        ("total", "2023", 800_000.0),
        ("total", "2024", 1_000_000.0),
        ("7202", "2023", 150_000.0),
        ("7202", "2024", 200_000.0),
        ("2204", "2024", 50_000.0),
    ];
    let rows: Vec<NewObservation> = figures
        .iter()
        .map(|&(product, period, value)| exports(product, period, value))
        .collect();
    store.add_many(&rows, OnDuplicate::Error).unwrap();
    if named_7202 {
        store.add_product("7202", "Ferro-alloys").unwrap();
    }
    store.report("GEO", "TUR").unwrap()
}

fn sentences(report: &bilateral::report::Report) -> Vec<String> {
    report
        .sections
        .iter()
        .flat_map(|s| s.sentences.iter().map(|t| t.text.clone()))
        .collect()
}

fn product_cells(report: &bilateral::report::Report) -> Vec<String> {
    let table = &report.sections[0].tables[0];
    let at = table
        .columns
        .iter()
        .position(|c| c.name == "product")
        .unwrap();
    table
        .rows
        .iter()
        .map(|row| match &row[at] {
            bilateral::report::Cell::Text(text) => text.clone(),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn the_report_names_a_named_product_by_its_name_and_classified_code() {
    let report = georgia_turkey(true);
    let text = sentences(&report);
    let latest = text
        .iter()
        .find(|s| s.starts_with("Exports of ferro-alloys (HS 7202) from Georgia to Türkiye"))
        .unwrap_or_else(|| panic!("{text:#?}"));
    // 200,000 against 150,000 in 2023: 200 / 150 = 1.333, up 33 %.
    assert!(latest.contains("$200,000 in 2024"), "{latest}");
    assert!(latest.contains("up 33 %"), "{latest}");
    // 200,000 of 1,000,000 in 2024: a fifth.
    assert!(
        text.contains(
            &"Ferro-alloys (HS 7202) made up 20 % of exports from Georgia to Türkiye in 2024."
                .to_owned()
        ),
        "{text:#?}"
    );
    assert!(!text.iter().any(|s| s.contains("of 7202 ")), "{text:#?}");
    let cells = product_cells(&report);
    assert!(
        cells.contains(&"Ferro-alloys (HS 7202)".to_owned()),
        "{cells:?}"
    );
}

#[test]
fn the_report_writes_an_unnamed_hs_code_with_its_classification_never_bare() {
    let report = georgia_turkey(false);
    let text = sentences(&report);
    assert!(
        text.iter()
            .any(|s| s.starts_with("Exports of HS 7202 from Georgia to Türkiye reached")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|s| s.starts_with("HS 2204 made up 5 % of exports from Georgia to Türkiye")),
        "{text:#?}"
    );
    let cells = product_cells(&report);
    assert_eq!(
        cells,
        ["HS 2204", "HS 7202", "HS 7202", "total", "total"],
        "{cells:?}"
    );
}

#[test]
fn the_built_in_reports_word_codes_read_as_before() {
    let report = Store::demo().unwrap().report("AZE", "KAZ").unwrap();
    let text = sentences(&report);
    assert!(
        text.iter().any(|s| s.starts_with("Oil products made up")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|s| s.starts_with("Exports of wheat from Kazakhstan")),
        "{text:#?}"
    );
}

#[test]
fn a_product_code_is_kept_as_written_and_found_in_any_case() {
    let mut store = store();
    store
        .add_many(
            &[
                exports("C10T12", "2024", 10.0),
                exports("TOTAL", "2024", 100.0),
            ],
            OnDuplicate::Error,
        )
        .unwrap();
    // The OECD's CPA code keeps its capitals; TOTAL, in any case, is the total.
    let mut stored: Vec<(String, f64)> = store
        .observations(&ObservationFilter::default())
        .unwrap()
        .into_iter()
        .map(|o| (o.product, o.value))
        .collect();
    stored.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(
        stored,
        [("C10T12".to_owned(), 10.0), ("total".to_owned(), 100.0)]
    );
    let mut filter = ObservationFilter::indicator("exports");
    filter.product = Some("c10t12".to_owned());
    assert_eq!(store.observations(&filter).unwrap().len(), 1);
    // A name is given to the code as written, and a code with a space is still refused.
    assert!(store
        .add_product("C10T12", "Food, beverages and tobacco")
        .unwrap());
    assert!(store.add_product("C10 T12", "Bad").is_err());
}

#[test]
fn a_version_9_file_keeps_its_lower_case_products_and_takes_capitals() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.db");
    Store::create_with_schema_version(&path, 9).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO product (code, name, classification) VALUES ('7202', 'Ferro-alloys', 'HS');
             INSERT INTO product (code) VALUES ('c10t12');",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 10);
    let products: Vec<(String, Option<String>, Option<String>)> = store
        .products()
        .unwrap()
        .into_iter()
        .map(|p| (p.code, p.name, p.classification))
        .collect();
    assert_eq!(
        products,
        [
            (
                "7202".to_owned(),
                Some("Ferro-alloys".to_owned()),
                Some("HS".to_owned())
            ),
            ("c10t12".to_owned(), None, None),
        ]
    );
    // A file made older has no catalogue: the new code is given by its name.
    assert!(store
        .add_product("C10T12", "Food, beverages and tobacco")
        .unwrap());
    drop(store);
    // Reopened, the migrated file passes the check of its layout.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.products().unwrap().len(), 3);
}
