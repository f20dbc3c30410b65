//! SDMX-CSV data messages of both versions: what each column becomes, and a malformed
//! file is an error naming its line and column that changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bilateral::files::sdmx::{SdmxMapping, Side};
use bilateral::files::{Format, ImportOptions, ImportSummary};
use bilateral::{Error, ErrorKind, Observation, ObservationFilter, OnDuplicate, Status, Store};

/// Writes `text` to a file in a temporary folder kept alive with the path.
fn file_with(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.csv");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn import_into(store: &mut Store, text: &str, mapping: &SdmxMapping) -> ImportSummary {
    let (_dir, path) = file_with(text);
    store
        .import_sdmx_csv(&path, mapping, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A fresh store with `text` imported under the IMF mapping.
fn imported(text: &str) -> (Store, ImportSummary) {
    let mut store = Store::in_memory().unwrap();
    let summary = import_into(&mut store, text, &SdmxMapping::imf());
    (store, summary)
}

fn all(store: &Store) -> Vec<Observation> {
    store.observations(&ObservationFilter::default()).unwrap()
}

/// (indicator, origin, destination, period, value) of every stored observation.
fn figures(store: &Store) -> Vec<(String, String, String, String, f64)> {
    let mut rows: Vec<_> = all(store)
        .into_iter()
        .map(|o| {
            (
                o.indicator,
                o.origin,
                o.destination,
                o.period.to_string(),
                o.value,
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
    rows
}

fn figure(indicator: &str, origin: &str, destination: &str, period: &str, value: f64) -> Figure {
    (
        indicator.to_owned(),
        origin.to_owned(),
        destination.to_owned(),
        period.to_owned(),
        value,
    )
}

type Figure = (String, String, String, String, f64);

/// The skipped rows of a summary as (reason, rows, first line).
fn skipped(summary: &ImportSummary) -> Vec<(String, usize, usize)> {
    summary
        .skipped
        .iter()
        .map(|s| (s.reason.clone(), s.rows, s.first_line))
        .collect()
}

/// Version 1 as the IMF's Direction of Trade Statistics wrote it: IMF two-letter codes,
/// values in millions of US dollars.
const DOTS_V1: &str = "\
DATAFLOW,FREQ,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MULT,UNIT_MEASURE
IMF:DOT(1.0),A,KZ,TXG_FOB_USD,AZ,2024,456.7,6,USD
IMF:DOT(1.0),A,KZ,TMG_CIF_USD,AZ,2024,123.4,6,USD
";

#[test]
fn imf_exports_go_from_the_reporter_and_imports_come_to_it() {
    let (store, summary) = imported(DOTS_V1);
    assert_eq!(
        (summary.format, summary.read, summary.written),
        (Some("sdmx"), 2, 2)
    );
    assert!(summary.skipped.is_empty());
    assert_eq!(
        figures(&store),
        [
            // Kazakhstan reports exports to Azerbaijan: KAZ → AZE, 456.7 × 10⁶.
            figure("exports", "KAZ", "AZE", "2024", 456_700_000.0),
            // Kazakhstan reports imports from Azerbaijan: the goods go AZE → KAZ.
            figure("imports", "AZE", "KAZ", "2024", 123_400_000.0),
        ]
    );
}

#[test]
fn the_dataflow_becomes_a_source_published_by_its_agency() {
    let (store, _) = imported(DOTS_V1);
    let source = store
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.id == "imf-dot-1.0")
        .expect("the dataflow's source");
    assert_eq!(source.title, "IMF:DOT(1.0)");
    assert_eq!(source.publisher.as_deref(), Some("IMF"));
    assert!(all(&store)
        .iter()
        .all(|o| o.source.as_deref() == Some("imf-dot-1.0")));
}

#[test]
fn a_second_file_of_the_same_dataflow_refers_to_the_source_already_stored() {
    let (mut store, _) = imported(DOTS_V1);
    let (_dir, path) = file_with(DOTS_V1);
    let skip = ImportOptions {
        on_duplicate: OnDuplicate::Skip,
        ..ImportOptions::default()
    };
    let again = store
        .import_sdmx_csv(&path, &SdmxMapping::imf(), &skip)
        .unwrap();
    assert_eq!((again.read, again.written), (2, 0));
    assert_eq!(skipped(&again), [("already stored".to_owned(), 2, 2)]);
}

/// The IMF's IMTS, successor of DOTS, on the new data portal: ISO alpha-3 codes and the
/// dimensions COUNTRY, COUNTERPART_COUNTRY and FREQUENCY; the World partner G001.
const IMTS: &str = "\
DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE
IMF.STA:IMTS(1.0.0),GEO,XG_FOB_USD,ARM,M,2025-M01,1500000
IMF.STA:IMTS(1.0.0),GEO,MG_CIF_USD,ARM,Q,2025-Q1,2500000
IMF.STA:IMTS(1.0.0),GEO,XG_FOB_USD,G001,A,2024,99000000
IMF.STA:IMTS(1.0.0),GEO,XG_FOB_USD,G998,A,2024,1000
";

#[test]
fn imts_columns_load_and_the_world_partner_is_passed_over_and_counted() {
    let (store, summary) = imported(IMTS);
    assert_eq!((summary.read, summary.written), (4, 2));
    assert_eq!(
        skipped(&summary),
        [
            (
                "COUNTERPART_COUNTRY G001 is an aggregate, not a country".to_owned(),
                1,
                4
            ),
            (
                "COUNTERPART_COUNTRY G998 is an aggregate, not a country".to_owned(),
                1,
                5
            ),
        ]
    );
    assert_eq!(
        figures(&store),
        [
            figure("exports", "GEO", "ARM", "2025-01", 1_500_000.0),
            figure("imports", "ARM", "GEO", "2025-Q1", 2_500_000.0),
        ]
    );
    assert_eq!(all(&store)[0].source.as_deref(), Some("imf.sta-imts-1.0.0"));
}

/// Version 2 with every action: information, append and replace rows are read; a
/// delete row is counted, not applied.
const V2_ACTIONS: &str = "\
STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE
dataflow,OECD:TRADE(1.0),I,A,KAZ,AZE,exports,2021,10
dataflow,OECD:TRADE(1.0),A,A,KAZ,AZE,exports,2022,11
datastructure,OECD:DSD_TRADE(1.0),R,A,KAZ,AZE,exports,2023,12
dataflow,OECD:TRADE(1.0),D,A,KAZ,AZE,exports,2020,-
dataflow,OECD:TRADE(1.0),D,,KAZ,,,,
";

#[test]
fn version_2_reads_information_append_and_replace_rows_and_counts_deletions() {
    let (store, summary) = imported(V2_ACTIONS);
    assert_eq!((summary.read, summary.written), (5, 3));
    assert_eq!(
        skipped(&summary),
        [(
            "ACTION D (delete): deletions are not applied".to_owned(),
            2,
            5
        )]
    );
    assert_eq!(
        figures(&store),
        [
            figure("exports", "KAZ", "AZE", "2021", 10.0),
            figure("exports", "KAZ", "AZE", "2022", 11.0),
            figure("exports", "KAZ", "AZE", "2023", 12.0),
        ]
    );
    let sources: Vec<Option<String>> = all(&store).into_iter().map(|o| o.source).collect();
    assert_eq!(
        sources,
        [
            Some("oecd-trade-1.0".to_owned()),
            Some("oecd-trade-1.0".to_owned()),
            Some("oecd-dsd_trade-1.0".to_owned()),
        ]
    );
}

#[test]
fn every_sdmx_time_period_becomes_the_stores_period() {
    let (store, summary) = imported(
        "DATAFLOW,FREQ,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE
X:F(1.0),A,KAZ,AZE,exports,2020,1
X:F(1.0),A,KAZ,AZE,exports,2021-A1,2
X:F(1.0),S,KAZ,AZE,exports,2022-S2,3
X:F(1.0),Q,KAZ,AZE,exports,2023-Q3,4
X:F(1.0),M,KAZ,AZE,exports,2024-M08,5
X:F(1.0),M,KAZ,AZE,exports,2024-09,6
X:F(1.0),W,KAZ,AZE,exports,2025-W01,7
X:F(1.0),D,KAZ,AZE,exports,2024-D060,8
X:F(1.0),D,KAZ,AZE,exports,2024-08-15,9
X:F(1.0),D,KAZ,AZE,exports,2024-08-16T00:00:00,10
X:F(1.0),M,KAZ,AZE,exports,2025-01-01/P8M,11
X:F(1.0),A,KAZ,AZE,exports,2019-01-01/2019-08-31,12
X:F(1.0),,KAZ,AZE,exports,2018-T2,13
",
    );
    assert_eq!((summary.read, summary.written), (13, 13));
    let mut periods: Vec<(f64, String)> = all(&store)
        .into_iter()
        .map(|o| (o.value, o.period.to_string()))
        .collect();
    periods.sort_by(|a, b| a.0.total_cmp(&b.0));
    let expected = [
        "2020",
        "2021",    // 2021-A1: the reporting year, a calendar year
        "2022-H2", // the second half year
        "2023-Q3",
        "2024-08",
        "2024-09",
        // ISO week 1 of 2025: 1 January 2025 is a Wednesday, so the week with the
        // year's first Thursday runs from Monday 30 December 2024 to Sunday 5 January.
        "2024-12-30/2025-01-05",
        "2024-02-29", // day 60 of 2024: 31 days of January, then 29 February
        "2024-08-15",
        "2024-08-16",      // a date-time is its day
        "2025-01/2025-08", // eight months from 1 January 2025
        "2019-01/2019-08",
        "2018-05/2018-08", // the second trimester: May to August
    ];
    assert_eq!(
        periods.iter().map(|(_, p)| p.as_str()).collect::<Vec<_>>(),
        expected
    );
}

#[test]
fn every_status_code_becomes_a_status_or_a_note() {
    let (store, summary) = imported(
        "DATAFLOW,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS
X:F(1.0),KAZ,AZE,exports,2010,1,A
X:F(1.0),KAZ,AZE,exports,2011,2,E
X:F(1.0),KAZ,AZE,exports,2012,3,P
X:F(1.0),KAZ,AZE,exports,2013,4,F
X:F(1.0),KAZ,AZE,exports,2014,5,I
X:F(1.0),KAZ,AZE,exports,2015,6,B
X:F(1.0),KAZ,AZE,exports,2016,7,D
X:F(1.0),KAZ,AZE,exports,2017,8,G
X:F(1.0),KAZ,AZE,exports,2018,9,N
X:F(1.0),KAZ,AZE,exports,2019,10,S
X:F(1.0),KAZ,AZE,exports,2020,11,U
X:F(1.0),KAZ,AZE,exports,2021,12,J
X:F(1.0),KAZ,AZE,exports,2022,13,
X:F(1.0),KAZ,AZE,exports,2023,14,Z
X:F(1.0),KAZ,AZE,exports,2024,,M
X:F(1.0),KAZ,AZE,exports,2025,NaN,L
X:F(1.0),KAZ,AZE,exports,2026,,O
X:F(1.0),KAZ,AZE,exports,2027,,Q
X:F(1.0),KAZ,AZE,exports,2028,,H
X:F(1.0),KAZ,AZE,exports,2029,,
",
    );
    assert_eq!((summary.read, summary.written), (20, 14));
    assert_eq!(
        skipped(&summary),
        [
            (
                "no OBS_VALUE (OBS_STATUS M: missing value; data cannot exist)".to_owned(),
                1,
                16
            ),
            (
                "no OBS_VALUE (OBS_STATUS L: missing value; data exist but were not collected)"
                    .to_owned(),
                1,
                17
            ),
            (
                "no OBS_VALUE (OBS_STATUS O: missing value)".to_owned(),
                1,
                18
            ),
            (
                "no OBS_VALUE (OBS_STATUS Q: missing value; suppressed)".to_owned(),
                1,
                19
            ),
            (
                "no OBS_VALUE (OBS_STATUS H: missing value; holiday or weekend)".to_owned(),
                1,
                20
            ),
            ("no OBS_VALUE".to_owned(), 1, 21),
        ]
    );
    let mut read: Vec<(f64, Status, Option<String>)> = all(&store)
        .into_iter()
        .map(|o| (o.value, o.status, o.note))
        .collect();
    read.sort_by(|a, b| a.0.total_cmp(&b.0));
    let note = |text: &str| Some(text.to_owned());
    assert_eq!(
        read,
        [
            (1.0, Status::Actual, None),
            (2.0, Status::Estimate, None),
            (3.0, Status::Provisional, None),
            (4.0, Status::Projection, None),
            (5.0, Status::Estimate, note("OBS_STATUS I: imputed value")),
            (6.0, Status::Actual, note("OBS_STATUS B: time series break")),
            (
                7.0,
                Status::Actual,
                note("OBS_STATUS D: definition differs")
            ),
            (
                8.0,
                Status::Actual,
                note("OBS_STATUS G: experimental value")
            ),
            (9.0, Status::Actual, note("OBS_STATUS N: not significant")),
            (
                10.0,
                Status::Actual,
                note("OBS_STATUS S: strike and other special events")
            ),
            (11.0, Status::Actual, note("OBS_STATUS U: low reliability")),
            (12.0, Status::Actual, note("OBS_STATUS J: derogation")),
            (13.0, Status::Actual, None),
            (14.0, Status::Actual, note("OBS_STATUS Z")),
        ]
    );
}

#[test]
fn unit_mult_is_a_power_of_ten_and_a_multiple_unit_says_its_own() {
    let (store, _) = imported(
        "DATAFLOW,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,UNIT_MEASURE
X:F(1.0),KAZ,AZE,exports,2020,1.5,0,USD
X:F(1.0),KAZ,AZE,exports,2021,1.5,3,USD
X:F(1.0),KAZ,AZE,exports,2022,1.5,6,
X:F(1.0),KAZ,AZE,exports,2023,1.5,9,usd
X:F(1.0),KAZ,AZE,exports,2024,1.5,,MIO_USD
X:F(1.0),KAZ,AZE,exports,2025,1.5,0,THS_USD
X:F(1.0),KAZ,AZE,exports,2026,2500,-3,USD
",
    );
    let values: Vec<f64> = all(&store).into_iter().map(|o| o.value).collect();
    assert_eq!(
        values,
        [
            1.5,
            1_500.0,         // 1.5 × 10³
            1_500_000.0,     // 1.5 × 10⁶
            1_500_000_000.0, // 1.5 × 10⁹
            1_500_000.0,     // million USD: 1.5 × 10⁶
            1_500.0,         // thousand USD (UNIT_MULT 0 says nothing more): 1.5 × 10³
            2.5,             // 2500 × 10⁻³
        ]
    );
}

/// Version 2 with `labels=both` in a French locale, as the specification's example:
/// `;` between cells, a decimal comma, each code followed by ": " and its label.
const LABELS_BOTH: &str = "\
STRUCTURE[|];STRUCTURE_ID;ACTION;FREQ: Fréquence;REF_AREA: Zone de référence;COUNTERPART_AREA: Zone partenaire;INDICATOR: Indicateur;TIME_PERIOD: Période;OBS_VALUE: Valeur;OBS_STATUS: Statut
dataflow;IMF:DOT(1.0): Direction of Trade Statistics;I;M: Mensuel;KZ: Kazakhstan;AZ: Azerbaïdjan;TXG_FOB_USD: Exportations FAB;2024-M08: 2024-M08;12,5;E: Valeur estimée
";

#[test]
fn a_labels_both_file_is_read_by_the_codes_before_the_labels() {
    let (store, summary) = imported(LABELS_BOTH);
    assert_eq!((summary.read, summary.written), (1, 1));
    let stored = &all(&store)[0];
    assert_eq!(
        (
            stored.indicator.as_str(),
            stored.origin.as_str(),
            stored.destination.as_str(),
            stored.period.to_string(),
            stored.value,
            stored.status,
            stored.source.as_deref(),
        ),
        (
            "exports",
            "KAZ",
            "AZE",
            "2024-08".to_owned(),
            12.5, // "12,5" with a decimal comma
            Status::Estimate,
            Some("imf-dot-1.0"),
        )
    );
}

#[test]
fn a_mapping_names_the_indicator_and_the_side_of_the_reporter() {
    let mut store = Store::in_memory().unwrap();
    let texts = BTreeMap::from([
        ("TMG_FOB_USD".to_owned(), "imports:destination".to_owned()),
        ("VISITORS".to_owned(), "tourists:destination".to_owned()),
    ]);
    let mapping = SdmxMapping::from_texts(&texts).unwrap();
    import_into(
        &mut store,
        "DATAFLOW,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE
IMF:DOT(1.0),GE,AM,TMG_FOB_USD,2024,5
X:TOURISM(1.0),GE,AM,VISITORS,2024,7
",
        &mapping,
    );
    assert_eq!(
        figures(&store),
        [
            // Georgia reports imports from Armenia and visitors from Armenia: ARM → GEO.
            figure("imports", "ARM", "GEO", "2024", 5.0),
            figure("tourists", "ARM", "GEO", "2024", 7.0),
        ]
    );
    let bad = BTreeMap::from([("X".to_owned(), "exports:sideways".to_owned())]);
    let error = SdmxMapping::from_texts(&bad).unwrap_err();
    assert_eq!(error.validation().unwrap().field, "mapping");
}

#[test]
fn without_an_indicator_column_the_dataflow_is_mapped() {
    let mut store = Store::in_memory().unwrap();
    let mapping = SdmxMapping::imf().with("ESTAT:EXPORTS", "exports", Some(Side::Origin));
    // Eurostat writes lower-case dimensions, EL for Greece and UK for the United Kingdom.
    import_into(
        &mut store,
        "DATAFLOW,LAST UPDATE,freq,geo,partner,TIME_PERIOD,OBS_VALUE
ESTAT:EXPORTS(1.0),01/01/25,A,EL,UK,2023,3
",
        &mapping,
    );
    assert_eq!(
        figures(&store),
        [figure("exports", "GRC", "GBR", "2023", 3.0)]
    );
}

#[test]
fn the_format_is_guessed_from_either_versions_header() {
    for text in [DOTS_V1, V2_ACTIONS, LABELS_BOTH] {
        let (_dir, path) = file_with(text);
        assert_eq!(Format::of_file(&path).unwrap(), Format::Sdmx, "{text}");
    }
    let (_dir, path) = file_with(DOTS_V1);
    let mut store = Store::in_memory().unwrap();
    let summary = store
        .import_file(&path, None, &ImportOptions::default())
        .unwrap();
    assert_eq!((summary.format, summary.written), (Some("sdmx"), 2));
}

/// Imports `text` into a store holding one figure, which must fail and leave it
/// unchanged.
fn import_error(text: &str) -> Error {
    let (mut store, _) = imported(DOTS_V1);
    let before = all(&store);
    let sources = store.sources().unwrap();
    let (_dir, path) = file_with(text);
    let error = store
        .import_sdmx_csv(&path, &SdmxMapping::imf(), &ImportOptions::default())
        .unwrap_err();
    assert_eq!(all(&store), before, "the store changed: {error}");
    assert_eq!(store.sources().unwrap(), sources, "the sources changed");
    error
}

/// The line, column and text of a validation error.
fn where_and_what(error: &Error) -> (Option<usize>, String, String) {
    let v = error
        .validation()
        .unwrap_or_else(|| panic!("not a validation error: {error}"));
    (v.record, v.field.clone(), v.text.clone())
}

const HEADER: &str =
    "DATAFLOW,FREQ,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n";
const GOOD_ROW: &str = "NEW:FLOW(1.0),A,KAZ,GEO,exports,2021,10,A\n";

#[test]
fn a_header_without_time_period_or_obs_value_is_an_error_at_line_1_naming_it() {
    for (missing, header) in [
        (
            "TIME_PERIOD",
            "DATAFLOW,REF_AREA,COUNTERPART_AREA,INDICATOR,OBS_VALUE\n",
        ),
        (
            "OBS_VALUE",
            "DATAFLOW,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD\n",
        ),
        (
            "COUNTERPART_AREA",
            "DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n",
        ),
        (
            "STRUCTURE_ID",
            "STRUCTURE,REF_AREA,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE\n",
        ),
    ] {
        let error = import_error(header);
        let (line, field, _) = where_and_what(&error);
        assert_eq!((line, field.as_str()), (Some(1), missing), "{error}");
    }
}

#[test]
fn a_file_that_is_not_sdmx_is_an_error_at_line_1() {
    let error = import_error("indicator,origin,destination,period,value\n");
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(1), "DATAFLOW"));
}

#[test]
fn a_value_that_is_not_a_number_is_an_error_naming_obs_value() {
    let error = import_error(&format!(
        "{HEADER}{GOOD_ROW}NEW:FLOW(1.0),A,KAZ,GEO,exports,2022,ten,A\n"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(3), "OBS_VALUE".to_owned(), "ten".to_owned())
    );
}

#[test]
fn an_unknown_country_is_an_error_naming_its_column() {
    let error = import_error(&format!(
        "{HEADER}{GOOD_ROW}NEW:FLOW(1.0),A,KAZ,XYZ,exports,2022,11,A\n"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(3), "COUNTERPART_AREA".to_owned(), "XYZ".to_owned())
    );
}

#[test]
fn a_bad_period_is_an_error_naming_time_period() {
    let error = import_error(&format!(
        "{HEADER}{GOOD_ROW}NEW:FLOW(1.0),Q,KAZ,GEO,exports,2022-Q5,11,A\n"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(3), "TIME_PERIOD".to_owned(), "2022-Q5".to_owned())
    );
}

#[test]
fn a_freq_that_disagrees_with_the_period_is_an_error_naming_freq() {
    let error = import_error(&format!(
        "{HEADER}{GOOD_ROW}NEW:FLOW(1.0),M,KAZ,GEO,exports,2022-Q1,11,A\n"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(3), "FREQ".to_owned(), "M".to_owned())
    );
    assert!(error.to_string().contains("a quarter"), "{error}");
}

#[test]
fn a_row_repeating_another_is_a_duplicate_error_naming_its_line() {
    let error = import_error(&format!(
        "{HEADER}{GOOD_ROW}NEW:FLOW(1.0),A,KAZ,GEO,exports,2022,11,A\n{GOOD_ROW}"
    ));
    assert!(matches!(error, Error::Duplicate { .. }), "{error}");
    assert_eq!(error.record(), Some(4));
}

#[test]
fn an_indicator_the_store_lacks_is_an_error_naming_indicator() {
    let error = import_error(&format!(
        "{HEADER}{GOOD_ROW}NEW:FLOW(1.0),A,KAZ,GEO,GDP_USD,2022,11,A\n"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(3), "INDICATOR".to_owned(), "GDP_USD".to_owned())
    );
    // The advice is in neither Python's words nor the command line's: the kind and the
    // code let each say it its own way.
    let message = error.to_string();
    assert!(
        message.contains("map it to an indicator: GDP_USD → INDICATOR"),
        "{message}"
    );
    assert!(
        !message.contains("mapping=") && !message.contains("--mapping"),
        "{message}"
    );
    let invalid = error.validation().unwrap();
    assert_eq!(invalid.kind, ErrorKind::UnmappedCode);
    assert_eq!(invalid.suggestion.as_deref(), Some("GDP_USD"));
}

#[test]
fn a_unit_other_than_the_indicators_is_an_error_naming_unit_measure() {
    let error = import_error(
        "DATAFLOW,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE\n\
         NEW:FLOW(1.0),KAZ,GEO,exports,2022,11,EUR\n",
    );
    assert_eq!(
        where_and_what(&error),
        (Some(2), "UNIT_MEASURE".to_owned(), "EUR".to_owned())
    );
}

#[test]
fn a_value_with_a_missing_status_is_an_error_naming_obs_status() {
    let error = import_error(&format!(
        "{HEADER}NEW:FLOW(1.0),A,KAZ,GEO,exports,2022,0,M\n"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(2), "OBS_STATUS".to_owned(), "M".to_owned())
    );
}

#[test]
fn a_negative_value_of_an_unsigned_indicator_is_an_error_naming_obs_value() {
    let error = import_error(&format!(
        "{HEADER}NEW:FLOW(1.0),A,KAZ,GEO,exports,2022,-4,A\n"
    ));
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(2), "OBS_VALUE"));
}

#[test]
fn an_unknown_action_is_an_error_naming_action() {
    let error = import_error(
        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n\
         dataflow,NEW:FLOW(1.0),X,KAZ,GEO,exports,2022,1\n",
    );
    assert_eq!(
        where_and_what(&error),
        (Some(2), "ACTION".to_owned(), "X".to_owned())
    );
}

/// Eurostat's own CSV: the indicator in `indic_et`, the unit in `unit`, the status in
/// `OBS_FLAG` (one or more lower-case letters), values in millions of euros.
const EUROSTAT: &str = "\
DATAFLOW,LAST UPDATE,freq,indic_et,geo,partner,unit,TIME_PERIOD,OBS_VALUE,OBS_FLAG
ESTAT:EXT_LT_MAINEU(1.0),01/09/25,A,MIO_EXP_VAL,DE,KZ,MIO_EUR,2023,2810.4,
ESTAT:EXT_LT_MAINEU(1.0),01/09/25,A,MIO_EXP_VAL,DE,KZ,MIO_EUR,2024,2950.1,p
ESTAT:EXT_LT_MAINEU(1.0),01/09/25,A,MIO_EXP_VAL,DE,KZ,MIO_EUR,2025,3000,bf
";

#[test]
fn eurostat_unit_and_obs_flag_columns_scale_the_value_and_set_the_status() {
    let mut store = Store::in_memory().unwrap();
    store
        .add_indicator(&bilateral::Indicator::new(
            "exports_eur",
            "Exports in euros",
            "EUR",
            bilateral::Kind::Flow,
            true,
        ))
        .unwrap();
    let mapping = SdmxMapping::imf().with("MIO_EXP_VAL", "exports_eur", Some(Side::Origin));
    let summary = import_into(&mut store, EUROSTAT, &mapping);
    assert_eq!(summary.written, 3);
    let stored = all(&store);
    let row = |year: &str| {
        stored
            .iter()
            .find(|o| o.period.to_string() == year)
            .unwrap()
    };
    // MIO_EUR: millions, so 2810.4 is 2,810,400,000 euros.
    assert_eq!(row("2023").value, 2_810_400_000.0);
    assert_eq!(
        (
            row("2023").origin.as_str(),
            row("2023").destination.as_str()
        ),
        ("DEU", "KAZ")
    );
    assert_eq!(row("2023").status, Status::Actual);
    assert_eq!(row("2024").status, Status::Provisional);
    // `bf`: a forecast, with the break in series kept in the note.
    assert_eq!(row("2025").status, Status::Projection);
    assert_eq!(
        row("2025").note.as_deref(),
        Some("OBS_FLAG b: break in time series")
    );
}

#[test]
fn a_unit_in_millions_beside_a_unit_mult_is_an_error_naming_unit_mult() {
    let text = "\
DATAFLOW,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT
IMF:DOT(1.0),KZ,TXG_FOB_USD,AZ,2024,2810.4,MIO_USD,6
";
    let (_dir, path) = file_with(text);
    let mut store = Store::in_memory().unwrap();
    let error = store
        .import_sdmx_csv(&path, &SdmxMapping::imf(), &ImportOptions::default())
        .unwrap_err();
    let Error::Validation(v) = error else {
        panic!("{error}")
    };
    assert_eq!(
        (v.record, v.field.as_str(), v.text.as_str()),
        (Some(2), "UNIT_MULT", "6")
    );
    assert!(v.reason.contains("MIO_USD"), "{}", v.reason);
    assert_eq!(store.observation_count().unwrap(), 0);
}

/// Version 1 with `labels=both` and a PRODUCT dimension: ferro-alloys and the total.
const PRODUCTS_LABELLED: &str = "\
DATAFLOW,FREQ: Frequency,REF_AREA: Reference area,COUNTERPART_AREA: Counterpart area,INDICATOR: Indicator,PRODUCT: Product,TIME_PERIOD: Time,OBS_VALUE: Value
IMF:DOT(1.0): Direction of Trade,A: Annual,GE: Georgia,TR: Türkiye,TXG_FOB_USD: Exports FOB,7202: Ferro-alloys,2024,200000
IMF:DOT(1.0): Direction of Trade,A: Annual,GE: Georgia,TR: Türkiye,TXG_FOB_USD: Exports FOB,_T: Total,2024,1000000
IMF:DOT(1.0): Direction of Trade,A: Annual,GE: Georgia,TR: Türkiye,TXG_FOB_USD: Exports FOB,2204,2024,50000
";

#[test]
fn a_product_dimension_gives_the_product_and_its_label_the_products_name() {
    let (store, summary) = imported(PRODUCTS_LABELLED);
    assert_eq!(summary.written, 3);
    let mut products: Vec<(String, f64)> = all(&store)
        .into_iter()
        .map(|o| (o.product, o.value))
        .collect();
    products.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        products,
        [
            ("2204".to_owned(), 50_000.0),
            ("7202".to_owned(), 200_000.0),
            ("total".to_owned(), 1_000_000.0),
        ]
    );
    // 2204 has no label in the file: its code alone is stored.
    let names: Vec<(String, Option<String>)> = store
        .products()
        .unwrap()
        .into_iter()
        .map(|p| (p.code, p.name))
        .collect();
    assert_eq!(
        names,
        [
            ("2204".to_owned(), None),
            ("7202".to_owned(), Some("Ferro-alloys".to_owned())),
        ]
    );
}

/// (indicator, origin, destination, product, period, value) of every stored observation.
fn figures_by_product(store: &Store) -> Vec<(String, String, String, String, String, f64)> {
    let mut rows: Vec<_> = all(store)
        .into_iter()
        .map(|o| {
            (
                o.indicator,
                o.origin,
                o.destination,
                o.product,
                o.period.to_string(),
                o.value,
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
    rows
}

fn row(
    indicator: &str,
    origin: &str,
    destination: &str,
    product: &str,
    period: &str,
    value: f64,
) -> (String, String, String, String, String, f64) {
    (
        indicator.to_owned(),
        origin.to_owned(),
        destination.to_owned(),
        product.to_owned(),
        period.to_owned(),
        value,
    )
}

/// Eurostat Comext (`DS-045409`, EU trade by CN8) as its SDMX-CSV download writes it:
/// the dimensions `reporter`, `partner`, `product` (CN 8-digit codes, `TOTAL`), `flow`
/// (1 imports, 2 exports) and `indicators` (`VALUE_IN_EUROS`, `QUANTITY_IN_100KG`,
/// `SUPPLEMENTARY_QUANTITY`), Eurostat's `EL` and `UK`, and aggregate partners.
const COMEXT: &str = "\
DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,CN,39199080,1,VALUE_IN_EUROS,2023,1234567
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,CN,39199080,1,QUANTITY_IN_100KG,2023,179163.77
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,CN,39199080,2,VALUE_IN_EUROS,2023,2500
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,EL,UK,39199080,2,QUANTITY_IN_100KG,2023,12.5
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,CN,TOTAL,1,VALUE_IN_EUROS,2023,9000000
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,CN,39199080,1,SUPPLEMENTARY_QUANTITY,2023,5
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,WORLD,39199080,1,VALUE_IN_EUROS,2023,99
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,EU27_2020_EXTRA,39199080,1,VALUE_IN_EUROS,2023,98
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,EU27_2020,CN,39199080,1,VALUE_IN_EUROS,2023,97
";

#[test]
fn comext_imports_come_from_the_partner_in_euros_and_tonnes_without_a_mapping() {
    let (store, summary) = imported(COMEXT);
    assert_eq!((summary.read, summary.written), (9, 5));
    assert_eq!(
        figures_by_product(&store),
        [
            // flow 2: Austria exports to China, 2500 euros.
            row("exports_eur", "AUT", "CHN", "39199080", "2023", 2_500.0),
            // Greece (EL) exports to the United Kingdom (UK) 12.5 × 100 kg = 1.25 t.
            row("exports_volume", "GRC", "GBR", "39199080", "2023", 1.25),
            // flow 1: Austria imports from China: the goods go CHN → AUT.
            row("imports_eur", "CHN", "AUT", "39199080", "2023", 1_234_567.0),
            row("imports_eur", "CHN", "AUT", "total", "2023", 9_000_000.0),
            // 179163.77 × 100 kg = 17916.377 t: the decimal point moves one place.
            row(
                "imports_volume",
                "CHN",
                "AUT",
                "39199080",
                "2023",
                17_916.377
            ),
        ]
    );
    assert_eq!(
        skipped(&summary),
        [
            (
                "indicators SUPPLEMENTARY_QUANTITY: supplementary units (pieces, litres, pairs \
                 …) differ from product to product; no indicator holds them"
                    .to_owned(),
                1,
                7
            ),
            (
                "partner WORLD is an aggregate, not a country".to_owned(),
                1,
                8
            ),
            (
                "partner EU27_2020_EXTRA is an aggregate, not a country".to_owned(),
                1,
                9
            ),
            (
                "reporter EU27_2020 is an aggregate, not a country".to_owned(),
                1,
                10
            ),
        ]
    );
    // A figure in euros is stored in euros: the indicators the catalogue lacks are
    // added in EUR, never in the US dollars of `exports` and `imports`.
    for code in ["exports_eur", "imports_eur"] {
        assert_eq!(store.indicator(code).unwrap().unit, "EUR", "{code}");
    }
    assert_eq!(store.indicator("imports_volume").unwrap().unit, "t");
    assert!(all(&store)
        .iter()
        .all(|o| o.source.as_deref() == Some("estat-ds-045409-1.0")));
}

/// A current Comext dataflow (`DS-059341`, monthly) downloaded with `labels=both`:
/// `VALUE_EUR` and `QUANTITY_KG`, as Eurostat's newer Comext dataflows name them.
const COMEXT_LABELLED: &str = "\
DATAFLOW,freq: Time frequency,reporter: Reporting economy,partner: Partner,product: Product,flow: Flow,indicators: Indicators,TIME_PERIOD: Time,OBS_VALUE: Observation value
ESTAT:DS-059341(1.0): EU trade since 2002 by CN8,M: Monthly,DE: Germany,UK: United Kingdom,39199080: Other self-adhesive plates of plastics,2: EXPORT,VALUE_EUR: Value in euros,2024-08,4000
ESTAT:DS-059341(1.0): EU trade since 2002 by CN8,M: Monthly,DE: Germany,UK: United Kingdom,39199080: Other self-adhesive plates of plastics,2: EXPORT,QUANTITY_KG: Quantity in kg,2024-08,2500
ESTAT:DS-059341(1.0): EU trade since 2002 by CN8,M: Monthly,EL: Greece,EXT_EU27_2020: Extra-EU27 (from 2020),39199080: Other self-adhesive plates of plastics,1: IMPORT,VALUE_EUR: Value in euros,2024-08,10
";

#[test]
fn a_current_comext_dataflow_with_labels_keeps_the_products_label() {
    let (store, summary) = imported(COMEXT_LABELLED);
    assert_eq!((summary.read, summary.written), (3, 2));
    assert_eq!(
        figures_by_product(&store),
        [
            row("exports_eur", "DEU", "GBR", "39199080", "2024-08", 4_000.0),
            // 2500 kg = 2.5 t.
            row("exports_volume", "DEU", "GBR", "39199080", "2024-08", 2.5),
        ]
    );
    assert_eq!(
        skipped(&summary),
        [(
            "partner EXT_EU27_2020 is an aggregate, not a country".to_owned(),
            1,
            4
        )]
    );
    let names: Vec<(String, Option<String>)> = store
        .products()
        .unwrap()
        .into_iter()
        .map(|p| (p.code, p.name))
        .collect();
    assert_eq!(
        names,
        [(
            "39199080".to_owned(),
            Some("Other self-adhesive plates of plastics".to_owned())
        )]
    );
}

/// Imports `text` under `mapping` into a store holding one figure: the error, after
/// checking that nothing changed.
fn import_error_under(text: &str, mapping: &SdmxMapping) -> Error {
    let (mut store, _) = imported(DOTS_V1);
    let before = all(&store);
    let indicators = store.indicators().unwrap();
    let (_dir, path) = file_with(text);
    let error = store
        .import_sdmx_csv(&path, mapping, &ImportOptions::default())
        .unwrap_err();
    assert_eq!(all(&store), before, "the store changed: {error}");
    assert_eq!(store.indicators().unwrap(), indicators);
    error
}

fn comext_mapping(indicator: &str) -> SdmxMapping {
    let texts = BTreeMap::from([("ESTAT:DS-045409".to_owned(), indicator.to_owned())]);
    SdmxMapping::from_texts(&texts).unwrap()
}

#[test]
fn mapping_a_comext_file_of_both_flows_to_one_indicator_is_refused_naming_flow() {
    let error = import_error_under(COMEXT, &comext_mapping("exports"));
    let (line, field, text) = where_and_what(&error);
    // Rows 2–3 are flow 1; row 4 (line 4) is the first of flow 2 among the stored ones.
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(4), "flow", "1, 2")
    );
    let message = error.to_string();
    assert!(message.contains("exports"), "{message}");
    assert!(message.contains("out of the mapping"), "{message}");
}

#[test]
fn mapping_comext_euros_to_an_indicator_in_dollars_is_refused_naming_indicators() {
    let exports_in_euros = "\
DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,CN,39199080,2,VALUE_IN_EUROS,2023,2500
";
    let error = import_error_under(exports_in_euros, &comext_mapping("exports"));
    assert_eq!(
        where_and_what(&error),
        (
            Some(2),
            "indicators".to_owned(),
            "VALUE_IN_EUROS".to_owned()
        )
    );
    assert!(error.to_string().contains("in USD"), "{error}");
}

#[test]
fn a_mapping_whose_side_contradicts_the_flow_is_refused_naming_flow() {
    let mut store = Store::in_memory().unwrap();
    // exports_eur, added by a first import of Comext as it is.
    import_into(&mut store, COMEXT, &SdmxMapping::imf());
    let before = all(&store);
    let imports_only = "\
DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,CN,39199080,1,VALUE_IN_EUROS,2024,1000
";
    let (_dir, path) = file_with(imports_only);
    let error = store
        .import_sdmx_csv(
            &path,
            &comext_mapping("exports_eur"),
            &ImportOptions::default(),
        )
        .unwrap_err();
    // flow 1: Austria's imports, which exports_eur would store as Austria's exports.
    assert_eq!(
        where_and_what(&error),
        (Some(2), "flow".to_owned(), "1".to_owned())
    );
    assert_eq!(all(&store), before);
}

#[test]
fn a_dimension_the_importer_does_not_read_that_varies_is_refused_naming_it() {
    // The OECD's BIMTS holds two balanced figures per pair: B and B_ADJ_RX (adjusted for
    // re-exports). Stored as one, each would overwrite or duplicate the other.
    let error = import_error(&format!(
        "{BIMTS_HEADER}\
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_HS2017_2D(1.0),DEU,FRA,X,C,_Z,_T,A,2023,120.5,A,,6,USD_EXC,B,1
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_HS2017_2D(1.0),DEU,FRA,X,C,_Z,_T,A,2023,118.2,A,,6,USD_EXC,B_ADJ_RX,1
"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(3), "ADJUSTMENT".to_owned(), "B, B_ADJ_RX".to_owned())
    );
    assert!(error.to_string().contains("one ADJUSTMENT"), "{error}");
}

/// The OECD's BIMTS (balanced bilateral merchandise trade) as its SDMX-CSV bulk files
/// write it: `REF_AREA` the exporter, `TRADE_FLOW` X, the product in `PRODUCT_HS` (its
/// HS edition before the code) or `PRODUCT_CPA`, the other `_Z`; millions of US
/// dollars at market exchange rates (`USD_EXC`, `UNIT_MULT` 6).
const BIMTS_HEADER: &str = "DATAFLOW,REF_AREA,COUNTERPART_AREA,TRADE_FLOW,PRODUCT_TYPE,PRODUCT_CPA,PRODUCT_HS,FREQ,TIME_PERIOD,OBS_VALUE,OBS_STATUS,METHODOLOGY_TYPE,UNIT_MULT,UNIT_MEASURE,ADJUSTMENT,DECIMALS\n";

#[test]
fn oecd_bimts_trade_flow_gives_the_direction_and_usd_exc_is_dollars() {
    let (store, summary) = imported(&format!(
        "{BIMTS_HEADER}\
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_HS2017_2D(1.0),DEU,FRA,X,C,_Z,HS17_01,A,2023,120.5,A,,6,USD_EXC,B,1
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_HS2017_2D(1.0),DEU,FRA,M,C,_Z,_T,A,2023,80.25,A,,6,USD_EXC,B,1
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_HS2017_2D(1.0),DEU,W,X,C,_Z,_T,A,2023,1600000,A,,6,USD_EXC,B,1
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_HS2017_2D(1.0),DEU,WXOECD,X,C,_Z,_T,A,2023,500000,A,,6,USD_EXC,B,1
"
    ));
    assert_eq!((summary.read, summary.written), (4, 2));
    assert_eq!(
        figures_by_product(&store),
        [
            // X: Germany's exports to France of HS chapter 01, 120.5 × 10⁶ USD.
            row("exports", "DEU", "FRA", "01", "2023", 120_500_000.0),
            // M: Germany's imports from France, FRA → DEU, 80.25 × 10⁶.
            row("imports", "FRA", "DEU", "total", "2023", 80_250_000.0),
        ]
    );
    assert_eq!(
        skipped(&summary)
            .into_iter()
            .map(|(reason, rows, _)| (reason, rows))
            .collect::<Vec<_>>(),
        [
            (
                "COUNTERPART_AREA W is an aggregate, not a country".to_owned(),
                1
            ),
            (
                "COUNTERPART_AREA WXOECD is an aggregate, not a country".to_owned(),
                1
            ),
        ]
    );
}

/// The IMF's IMTS on its current data portal: `COUNTRY`, `INDICATOR`,
/// `COUNTERPART_COUNTRY`, `FREQUENCY`, the power of ten in the attribute `SCALE`, and a
/// `labels=both` download writing `AUT: Austria`.
const IMTS_SCALE: &str = "\
DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE
IMF.STA:IMTS(1.0.0),AUT: Austria,XG_FOB_USD: Exports of goods FOB,CHN: China,A: Annual,2024,1.5,6: Millions
IMF.STA:IMTS(1.0.0),AUT: Austria,MG_CIF_USD: Imports of goods CIF,CHN: China,A: Annual,2024,2.25,Millions
IMF.STA:IMTS(1.0.0),AUT: Austria,MG_CIF_USD: Imports of goods CIF,CHN: China,M: Monthly,2024-M03,7,3
IMF.STA:IMTS(1.0.0),AUT: Austria,MG_CIF_USD: Imports of goods CIF,G998: Rest of the world,A: Annual,2024,7,3
";

#[test]
fn imf_imts_scale_is_the_power_of_ten_and_labels_are_read_by_their_codes() {
    let (store, summary) = imported(IMTS_SCALE);
    assert_eq!((summary.read, summary.written), (4, 3));
    assert_eq!(
        figures(&store),
        [
            figure("exports", "AUT", "CHN", "2024", 1_500_000.0), // 1.5 × 10⁶
            figure("imports", "CHN", "AUT", "2024", 2_250_000.0), // 2.25 × 10⁶ ("Millions")
            figure("imports", "CHN", "AUT", "2024-03", 7_000.0),  // 7 × 10³
        ]
    );
}

const AGGREGATES: [&str; 16] = [
    "W",
    "WORLD",
    "EU27_2020",
    "EU28",
    "EA20",
    "EA19",
    "EXT_EA20",
    "EXT_EU27_2020",
    "EXTRA_EU27_2020",
    "INTRA_EA20",
    "EU27_2020_EXTRA",
    "EU27_2020_INTRA",
    "WXOECD",
    "EFTA",
    "G001",
    "_T",
];

#[test]
fn eurostat_and_oecd_aggregates_are_passed_over_and_counted_by_reason() {
    let mut text =
        "DATAFLOW,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n".to_owned();
    for code in AGGREGATES {
        text.push_str(&format!("X:F(1.0),DE,{code},exports,2024,1\n"));
        text.push_str(&format!("X:F(1.0),{code},DE,exports,2024,1\n"));
    }
    text.push_str("X:F(1.0),DE,QU,exports,2024,1\n");
    text.push_str("X:F(1.0),DE,XC,exports,2024,1\n");
    text.push_str("X:F(1.0),EA20,EXT_EA20,exports,2024,1\n");
    text.push_str("X:F(1.0),EL,UK,exports,2024,2\n");
    let (store, summary) = imported(&text);
    // 16 codes × 2 rows + QU + XC + the euro area's + one between countries.
    assert_eq!((summary.read, summary.written), (36, 1));
    assert_eq!(
        figures(&store),
        [figure("exports", "GRC", "GBR", "2024", 2.0)]
    );
    let reasons: Vec<(String, usize)> = skipped(&summary)
        .into_iter()
        .map(|(reason, rows, _)| (reason, rows))
        .collect();
    let mut expected = Vec::new();
    for code in AGGREGATES {
        expected.push((
            format!("COUNTERPART_AREA {code} is an aggregate, not a country"),
            1,
        ));
        expected.push((format!("REF_AREA {code} is an aggregate, not a country"), 1));
    }
    expected.push((
        "COUNTERPART_AREA QU is not a country (Eurostat's code for the high seas, stores and \
         provisions or countries not specified)"
            .to_owned(),
        1,
    ));
    expected.push((
        "COUNTERPART_AREA XC is not a country (Eurostat's code for Ceuta, Melilla, Northern \
         Ireland or Great Britain, parts of Spain and the United Kingdom it counts apart)"
            .to_owned(),
        1,
    ));
    expected.push((
        "REF_AREA EA20 and COUNTERPART_AREA EXT_EA20 are aggregates, not countries".to_owned(),
        1,
    ));
    assert_eq!(reasons, expected);
}

#[test]
fn a_file_without_a_counterpart_is_refused_as_holding_nothing_bilateral() {
    let error = import_error(
        "DATAFLOW,REF_AREA,FREQ,MEASURE,TIME_PERIOD,OBS_VALUE\nX:F(1.0),CHN,A,CPI,2024,1\n",
    );
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(1), "COUNTERPART_AREA"));
    let message = error.to_string();
    assert!(message.contains("nothing bilateral"), "{message}");
    assert!(
        message.contains("its dimensions are REF_AREA, FREQ, MEASURE"),
        "{message}"
    );
}

#[test]
fn a_missing_column_lists_each_columns_other_names_beside_it() {
    let error = import_error("DATAFLOW,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE\n");
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(1), "REF_AREA"));
    assert!(
        error.to_string().contains(
            "REF_AREA (or COUNTRY, GEO, REPORTER), COUNTERPART_AREA (or COUNTERPART_COUNTRY, \
             PARTNER), TIME_PERIOD and OBS_VALUE"
        ),
        "{error}"
    );
}

#[test]
fn a_file_of_labels_instead_of_codes_is_refused_naming_the_column() {
    let error = import_error(
        "DATAFLOW,geo,partner,indic_et,TIME_PERIOD,OBS_VALUE\n\
         X:F(1.0),Germany (until 1990 former territory of the FRG),China,exports,2024,1\n",
    );
    assert_eq!(
        where_and_what(&error),
        (
            Some(2),
            "geo".to_owned(),
            "Germany (until 1990 former territory of the FRG)".to_owned()
        )
    );
    assert!(
        error.to_string().contains("is a label, not a code"),
        "{error}"
    );
}

/// The folder of real files (see its SOURCES.md), or `None`, said, when it is absent.
fn realdata(file: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/realdata")
        .join(file);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: ../shared/realdata is absent (the real files are not part of the \
             project): {file}"
        );
        None
    }
}

/// Imports a real file into a fresh store under `mapping`.
fn import_real(path: &Path, mapping: &SdmxMapping) -> (Store, bilateral::Result<ImportSummary>) {
    let mut store = Store::in_memory().unwrap();
    let result = store.import_sdmx_csv(path, mapping, &ImportOptions::default());
    (store, result)
}

#[test]
fn the_real_comext_file_is_every_member_against_the_world_so_nothing_is_stored() {
    let Some(path) = realdata("sdmx_estat_comext_ds045409.csv") else {
        return;
    };
    // awk -F, 'NR>1{print $5}' sdmx_estat_comext_ds045409.csv | sort | uniq -c
    //   → 864 WORLD: every row's partner is the World (27 reporters, AT … SK with GR for
    //   Greece, × 8 years 2017–2024 × flows 1 and 2 × VALUE_IN_EUROS and
    //   QUANTITY_IN_100KG = 27 × 8 × 2 × 2 = 864), each with a value.
    for mapping in [SdmxMapping::imf(), comext_mapping("exports")] {
        let (store, result) = import_real(&path, &mapping);
        let summary = result.unwrap();
        assert_eq!((summary.read, summary.written), (864, 0));
        assert_eq!(
            skipped(&summary),
            [(
                "partner WORLD is an aggregate, not a country".to_owned(),
                864,
                2
            )]
        );
        assert_eq!(store.observation_count().unwrap(), 0);
    }
}

#[test]
fn the_real_euro_area_current_account_is_aggregates_on_both_sides() {
    // The same data twice, with labels and with codes and labels: wc -l gives 20 lines,
    // the header and 19 rows. The geo and partner of every row, and the rows without a
    // value (a quoted cell holds commas, so csv rather than awk):
    //   python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1])));
    //     print({x['geo'] for x in r}, {x['partner'] for x in r},
    //           sum(x['OBS_VALUE']=='' for x in r))" FILE
    //   → {'Euro area – 20 countries (from 2023)'} {'Extra-euro area - 20 countries
    //     (from 2023)'} 0, and {'EA20'} {'EXT_EA20'} 0.
    // The euro area against the rest of the world: no figure is between two countries,
    // and every row says so.
    for (file, reason) in [
        (
            "sdmx_estat_bop_labels.csv",
            "geo Euro area – 20 countries (from 2023) and partner Extra-euro area - 20 \
             countries (from 2023) are aggregates, not countries",
        ),
        (
            "sdmx_estat_bop_v2_idlabel.csv",
            "geo EA20 and partner EXT_EA20 are aggregates, not countries",
        ),
    ] {
        let Some(path) = realdata(file) else {
            return;
        };
        let (store, result) = import_real(&path, &SdmxMapping::imf());
        let summary = result.unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!((summary.read, summary.written), (19, 0), "{file}");
        assert_eq!(skipped(&summary), [(reason.to_owned(), 19, 2)], "{file}");
        assert_eq!(store.observation_count().unwrap(), 0);
    }
}

#[test]
fn the_real_oecd_prices_and_bis_derivatives_are_refused_as_nothing_bilateral() {
    // head -1: the OECD's G20 prices have REF_AREA (41 rows, all CHN: awk -F,
    // 'NR>1{print $2}' | sort | uniq -c) and no counterpart; BIS's derivatives have
    // neither, only BIS's own DER_… dimensions (14 of them before TIME_PERIOD, FREQ
    // first).
    for (file, names) in [
        (
            "sdmx_oecd_g20_prices.csv",
            "its dimensions are REF_AREA, FREQ, METHODOLOGY, MEASURE, UNIT_MEASURE, \
             EXPENDITURE, ADJUSTMENT, TRANSFORMATION: one reporting country's figures",
        ),
        (
            "sdmx_bis_derivatives.csv",
            "its dimensions are FREQ, DER_TYPE, DER_INSTR, DER_RISKs, DER_REP_CTY, \
             DER_SECTOR_CPY, DER_CPC, DER_SECTOR_UDL, DER_CURR_LEG1, DER_CURR_LEG2, \
             DER_ISSUE_MAT, DER_RATING, DER_EX_METHOD, DER_BASIS, with no reporting country",
        ),
    ] {
        let Some(path) = realdata(file) else {
            return;
        };
        let (store, result) = import_real(&path, &SdmxMapping::imf());
        let error = result.unwrap_err();
        let (line, field, _) = where_and_what(&error);
        assert_eq!(
            (line, field.as_str()),
            (Some(1), "COUNTERPART_AREA"),
            "{file}"
        );
        let message = error.to_string();
        assert!(message.contains("holds nothing bilateral"), "{message}");
        assert!(message.contains(names), "{message}");
        assert_eq!(store.observation_count().unwrap(), 0);
        assert!(store
            .sources()
            .unwrap()
            .iter()
            .all(|s| !s.id.contains("oecd")));
    }
}

#[test]
fn the_sdmx_csv_2_specification_examples_are_refused_as_nothing_bilateral() {
    let Some(dir) = realdata("sdmx_v2_spec") else {
        return;
    };
    // ls sdmx_v2_spec | wc -l → 21; head -1 of each: generic DIM_1 … columns, none of
    // them a reporting or counterpart area.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 21);
    for path in files {
        let (store, result) = import_real(&path, &SdmxMapping::imf());
        let error = result.unwrap_err();
        let (line, field, _) = where_and_what(&error);
        assert_eq!(
            (line, field.as_str()),
            (Some(1), "COUNTERPART_AREA"),
            "{}: {error}",
            path.display()
        );
        assert!(error.to_string().contains("nothing bilateral"), "{error}");
        assert_eq!(store.observation_count().unwrap(), 0);
    }
}

const COMEXT_HEADER: &str =
    "DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE\n";

#[test]
fn a_flow_or_comext_indicator_the_importer_does_not_know_is_an_error_naming_it() {
    for (row, column, text) in [
        // 3 would be some other flow: neither exports nor imports.
        (
            "ESTAT:DS-045409(1.0),x,A,AT,CN,39199080,3,VALUE_IN_EUROS,2023,1",
            "flow",
            "3",
        ),
        (
            "ESTAT:DS-045409(1.0),x,A,AT,CN,39199080,2,VALUE_IN_DOLLARS,2023,1",
            "indicators",
            "VALUE_IN_DOLLARS",
        ),
    ] {
        let error = import_error(&format!("{COMEXT_HEADER}{row}\n"));
        assert_eq!(
            where_and_what(&error),
            (Some(2), column.to_owned(), text.to_owned()),
            "{error}"
        );
    }
}

#[test]
fn a_flow_file_in_a_currency_without_trade_indicators_is_an_error_naming_its_unit() {
    let error = import_error(&format!(
        "{BIMTS_HEADER}\
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_HS2017_2D(1.0),DEU,FRA,X,C,_Z,_T,A,2023,1,A,,6,JPY,B,1
"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(2), "UNIT_MEASURE".to_owned(), "JPY".to_owned())
    );
}

#[test]
fn two_product_columns_giving_two_products_are_an_error_naming_the_second() {
    let error = import_error(&format!(
        "{BIMTS_HEADER}\
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_CPA_2_1(1.0),DEU,FRA,X,C,CPA_2_1_C10,HS17_01,A,2023,1,A,,6,USD_EXC,B,1
"
    ));
    assert_eq!(
        where_and_what(&error),
        (Some(2), "PRODUCT_HS".to_owned(), "HS17_01".to_owned())
    );
}

#[test]
fn the_oecd_cpa_product_is_read_when_the_hs_column_says_not_applicable() {
    let (store, summary) = imported(&format!(
        "{BIMTS_HEADER}\
OECD.SDD.TPS:DSD_BIMTS@DF_BIMTS_CPA_2_1(1.1),DEU,FRA,X,C,CPA_2_1_C10,_Z,A,2023,2.5,A,,6,USD_EXC,B,1
"
    ));
    assert_eq!(summary.written, 1);
    assert_eq!(
        figures_by_product(&store),
        // 2.5 × 10⁶ USD; the CPA code kept as text, as written.
        [row(
            "exports",
            "DEU",
            "FRA",
            "CPA_2_1_C10",
            "2023",
            2_500_000.0
        )]
    );
}

/// Eurostat's own trade datasets (`ext_lt_intratrd`, `ext_lt_maineu`): the indicator in
/// `indic_et` (`MIO_EXP_VAL`, `MIO_IMP_VAL`: millions of euros, as the code says), the
/// product in `sitc06`, the reporter in `geo`.
const EUROSTAT_INTRA: &str = "\
DATAFLOW,LAST UPDATE,freq,indic_et,sitc06,partner,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG
ESTAT:EXT_LT_INTRATRD(1.0),01/09/25,A,MIO_EXP_VAL,TOTAL,FR,DE,2023,120.5,
ESTAT:EXT_LT_INTRATRD(1.0),01/09/25,A,MIO_IMP_VAL,TOTAL,FR,DE,2023,80.25,p
ESTAT:EXT_LT_INTRATRD(1.0),01/09/25,A,MIO_EXP_VAL,SITC0_1,FR,DE,2023,10,
ESTAT:EXT_LT_INTRATRD(1.0),01/09/25,A,MIO_EXP_VAL,TOTAL,WORLD,DE,2023,1500,
";

#[test]
fn eurostat_trade_indicators_are_millions_of_euros_without_a_mapping() {
    let (store, summary) = imported(EUROSTAT_INTRA);
    assert_eq!((summary.read, summary.written), (4, 3));
    assert_eq!(
        figures_by_product(&store),
        [
            // Germany's exports to France: 120.5 × 10⁶ EUR, and 10 × 10⁶ of SITC 0+1.
            row("exports_eur", "DEU", "FRA", "SITC0_1", "2023", 10_000_000.0),
            row("exports_eur", "DEU", "FRA", "total", "2023", 120_500_000.0),
            // Germany's imports from France: FRA → DEU, 80.25 × 10⁶ EUR.
            row("imports_eur", "FRA", "DEU", "total", "2023", 80_250_000.0),
        ]
    );
    assert_eq!(
        skipped(&summary),
        [(
            "partner WORLD is an aggregate, not a country".to_owned(),
            1,
            5
        )]
    );
    assert_eq!(store.indicator("imports_eur").unwrap().unit, "EUR");
}

#[test]
fn a_eurostat_unit_may_repeat_the_millions_its_code_says_but_not_contradict_them() {
    let with_unit = |unit: &str| {
        format!(
            "DATAFLOW,freq,indic_et,partner,geo,unit,TIME_PERIOD,OBS_VALUE\n\
             ESTAT:EXT_LT_MAINEU(1.0),A,MIO_EXP_VAL,CN,DE,{unit},2023,2.5\n"
        )
    };
    let (store, _) = imported(&with_unit("MIO_EUR"));
    // Millions once: 2.5 × 10⁶, not 2.5 × 10¹².
    assert_eq!(
        figures(&store),
        [figure("exports_eur", "DEU", "CHN", "2023", 2_500_000.0)]
    );
    let error = import_error(&with_unit("THS_EUR"));
    assert_eq!(
        where_and_what(&error),
        (Some(2), "unit".to_owned(), "THS_EUR".to_owned())
    );
}

#[test]
fn comext_exports_and_the_partners_imports_in_euros_are_mirror_figures() {
    // Austria reports exports of 1,000 euros to Germany; Germany reports imports of
    // 1,100 euros from Austria: both stored from AUT to DEU, a gap of 100 euros, 10 %.
    let text = "\
DATAFLOW,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE
ESTAT:DS-045409(1.0),A,AT,DE,TOTAL,2,VALUE_IN_EUROS,2023,1000
ESTAT:DS-045409(1.0),A,DE,AT,TOTAL,1,VALUE_IN_EUROS,2023,1100
";
    let (store, summary) = imported(text);
    assert_eq!(summary.figures_written(), 2);
    let rows = store.mirror(&bilateral::SeriesFilter::default()).unwrap();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(
        (r.exports_indicator.as_str(), r.imports_indicator.as_str()),
        ("exports_eur", "imports_eur")
    );
    assert_eq!((r.exporter.as_str(), r.importer.as_str()), ("AUT", "DEU"));
    assert_eq!((r.unit.as_str(), r.gap), ("EUR", 100.0));
    assert!((r.relative_gap.unwrap() - 0.10).abs() < 1e-11);
}

/// The trial's IMTS file: Austria's exports to Germany in 2023, its imports from
/// Germany in 2022, in millions of US dollars.
const IMTS_BOTH_FLOWS: &str = "\
DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE
IMF.STA:IMTS(1.0.0),AUT,XG_FOB_USD,DEU,A,2023,1.5,6
IMF.STA:IMTS(1.0.0),AUT,MG_CIF_USD,DEU,A,2022,2.25,6
";

fn texts(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
    entries
        .iter()
        .map(|(code, indicator)| ((*code).to_owned(), (*indicator).to_owned()))
        .collect()
}

#[test]
fn a_mapping_that_sends_a_known_flow_to_the_other_flows_indicator_is_refused_naming_it() {
    // XG_FOB_USD is Austria's exports: as imports it would be stored DEU → AUT, reversed.
    for (code, indicator, flow) in [
        ("XG_FOB_USD", "imports", "exports"),
        ("TXG_FOB_USD", "imports_eur", "exports"),
        ("MG_CIF_USD", "exports", "imports"),
        ("TMG_CIF_USD", "re_exports", "imports"),
        ("XG_FOB_USD", "exports:destination", "exports"),
        ("TBG_USD", "exports", "balance"),
    ] {
        let error = SdmxMapping::from_texts(&texts(&[(code, indicator)])).unwrap_err();
        let v = error.validation().unwrap();
        assert_eq!(v.field, "mapping", "{error}");
        assert_eq!(v.text, format!("{code}: {indicator}"), "{error}");
        assert!(
            v.reason.contains(code) && v.reason.contains(flow),
            "{error}"
        );
    }
    // A mapping built in Rust is refused when the file is read, and nothing is written.
    let reversed = SdmxMapping::imf().with("XG_FOB_USD", "imports", None);
    let error = import_error_under(IMTS_BOTH_FLOWS, &reversed);
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(2), "mapping"), "{error}");
    // The same flow's indicators stay allowed.
    for (code, indicator) in [("XG_FOB_USD", "exports"), ("MG_FOB_USD", "imports_fob")] {
        SdmxMapping::from_texts(&texts(&[(code, indicator)])).unwrap();
    }
}

#[test]
fn a_known_code_mapped_to_an_indicator_of_its_own_keeps_its_flows_side() {
    let mut store = Store::in_memory().unwrap();
    store
        .add_indicator(&bilateral::Indicator {
            code: "goods_in".to_owned(),
            name: "Goods in".to_owned(),
            unit: "USD".to_owned(),
            kind: bilateral::Kind::Flow,
            directed: true,
            signed: false,
            description: None,
            topic: bilateral::Topic::TRADE,
            phrase: None,
        })
        .unwrap();
    let mapping = SdmxMapping::from_texts(&texts(&[("MG_CIF_USD", "goods_in")])).unwrap();
    import_into(&mut store, IMTS_BOTH_FLOWS, &mapping);
    // MG_CIF_USD is Austria's imports: from Germany to Austria, 2.25 × 10⁶.
    assert_eq!(
        figures(&store),
        [
            figure("exports", "AUT", "DEU", "2023", 1_500_000.0),
            figure("goods_in", "DEU", "AUT", "2022", 2_250_000.0),
        ]
    );
}

#[test]
fn two_indicator_codes_mapped_to_one_indicator_are_refused_naming_indicator() {
    // Imports valued FOB mapped to imports, beside the IMF's imports CIF: two series.
    let both = "\
DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE
IMF.STA:IMTS(1.0.0),AUT,MG_CIF_USD,DEU,A,2022,2.25,6
IMF.STA:IMTS(1.0.0),AUT,MG_FOB_USD,DEU,A,2022,2.1,6
";
    let mapping = SdmxMapping::from_texts(&texts(&[("MG_FOB_USD", "imports")])).unwrap();
    let error = import_error_under(both, &mapping);
    // Line 3 is the first row of the second code.
    assert_eq!(
        where_and_what(&error),
        (
            Some(3),
            "INDICATOR".to_owned(),
            "MG_CIF_USD, MG_FOB_USD".to_owned()
        )
    );
    let message = error.to_string();
    assert!(message.contains("imports"), "{message}");
    assert!(message.contains("(CODE → INDICATOR)"), "{message}");
    let invalid = error.validation().unwrap();
    assert_eq!(invalid.kind, ErrorKind::UnmappedCode);
    // Two codes, not one: no code to suggest.
    assert_eq!(invalid.suggestion, None);
}

#[test]
fn imts_imports_fob_and_the_trade_balance_are_passed_over_and_counted() {
    // The trial's imts2.csv with imts4.csv's row: exports 2023, imports CIF 2022, the
    // balance 2022 (1.5 - 2.25 = -0.75) and imports FOB 2022.
    let (store, summary) = imported(
        "\
DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE
IMF.STA:IMTS(1.0.0),AUT,XG_FOB_USD,DEU,A,2023,1.5,6
IMF.STA:IMTS(1.0.0),AUT,MG_CIF_USD,DEU,A,2022,2.25,6
IMF.STA:IMTS(1.0.0),AUT,TBG_USD,DEU,A,2022,-0.75,6
IMF.STA:IMTS(1.0.0),AUT,MG_FOB_USD,DEU,A,2022,2.1,6
",
    );
    assert_eq!(
        figures(&store),
        [
            figure("exports", "AUT", "DEU", "2023", 1_500_000.0),
            figure("imports", "DEU", "AUT", "2022", 2_250_000.0),
        ]
    );
    assert_eq!((summary.read, summary.written), (4, 2));
    let reasons = skipped(&summary);
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0]
        .0
        .starts_with("INDICATOR TBG_USD (the trade balance)"));
    assert_eq!((reasons[0].1, reasons[0].2), (1, 4));
    assert!(reasons[1]
        .0
        .contains("MG_FOB_USD (goods imports valued FOB)"));
    assert!(reasons[1].0.contains("MG_CIF_USD"));
    assert_eq!((reasons[1].1, reasons[1].2), (1, 5));

    // Mapped, the balance is stored: -0.75 × 10⁶ from Austria to Germany.
    let mut store = Store::in_memory().unwrap();
    store
        .add_indicator(&bilateral::Indicator {
            code: "balance".to_owned(),
            name: "Trade balance".to_owned(),
            unit: "USD".to_owned(),
            kind: bilateral::Kind::Flow,
            directed: true,
            signed: true,
            description: None,
            topic: bilateral::Topic::TRADE,
            phrase: None,
        })
        .unwrap();
    let mapping = SdmxMapping::from_texts(&texts(&[("TBG_USD", "balance")])).unwrap();
    import_into(
        &mut store,
        "\
DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE
IMF.STA:IMTS(1.0.0),AUT,TBG_USD,DEU,A,2022,-0.75,6
",
        &mapping,
    );
    assert_eq!(
        figures(&store),
        [figure("balance", "AUT", "DEU", "2022", -750_000.0)]
    );
}

#[test]
fn a_mapping_key_naming_nothing_in_the_file_is_refused_naming_the_key_and_the_files_codes() {
    // Comext has no INDICATOR column: VALUE_IN_EUROS is in its `indicators`, read as it
    // is; a key naming neither is a slip that would import as if no mapping were given.
    for key in ["VALUE_IN_EUROS", "NOPE"] {
        let mapping = SdmxMapping::from_texts(&texts(&[(key, "exports")])).unwrap();
        let error = import_error_under(COMEXT, &mapping);
        let v = error.validation().unwrap();
        assert_eq!((v.field.as_str(), v.text.as_str()), ("mapping", key));
        assert!(
            v.reason.contains("no INDICATOR column") && v.reason.contains("ESTAT:DS-045409(1.0)"),
            "{error}"
        );
    }
    // In a file with an INDICATOR column, the message lists its codes.
    let mapping = SdmxMapping::from_texts(&texts(&[("TMG_FOB_USD", "imports")])).unwrap();
    let error = import_error_under(IMTS_BOTH_FLOWS, &mapping);
    assert!(
        error
            .to_string()
            .contains("its INDICATOR codes are MG_CIF_USD, XG_FOB_USD"),
        "{error}"
    );
    // The IMF's own entries are no user's keys: TXG_FOB_USD and the others are absent
    // from IMTS_BOTH_FLOWS, which imports under the default mapping.
    let (store, _) = imported(IMTS_BOTH_FLOWS);
    assert_eq!(all(&store).len(), 2);
    // A key naming a code found only in a row passed over (the World) is used.
    let mut store = Store::in_memory().unwrap();
    let mapping = SdmxMapping::from_texts(&texts(&[("TMG_FOB_USD", "imports")])).unwrap();
    let summary = import_into(
        &mut store,
        "DATAFLOW,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE
IMF:DOT(1.0),GE,W00,TMG_FOB_USD,2024,5
",
        &mapping,
    );
    assert_eq!((summary.read, summary.written), (1, 0));
}

/// Comext rows whose values are marks of a missing value: Eurostat's `:` and `..`.
const COMEXT_MARKS: &str = "\
DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE,OBS_FLAG
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,DE,39199080,2,VALUE_IN_EUROS,2023,1000000,
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,DE,39199080,2,VALUE_IN_EUROS,2024,:,
ESTAT:DS-045409(1.0),13/02/26 11:00:00,A,AT,DE,39199080,2,VALUE_IN_EUROS,2022,..,
";

#[test]
fn a_mark_of_a_missing_value_is_an_error_naming_it_or_skipped_under_missing_skip() {
    let error = import_error(COMEXT_MARKS);
    assert_eq!(
        where_and_what(&error),
        (Some(3), "OBS_VALUE".to_owned(), ":".to_owned())
    );
    let message = error.to_string();
    assert!(
        message.contains("marks a missing value (as Eurostat writes it)")
            && message.contains("OnMissing::Skip"),
        "{message}"
    );

    let (_dir, path) = file_with(COMEXT_MARKS);
    let skip = ImportOptions {
        missing: bilateral::OnMissing::Skip,
        ..ImportOptions::default()
    };
    // Directly and through import_file, which guesses the format.
    for through_import_file in [false, true] {
        let mut store = Store::in_memory().unwrap();
        let summary = if through_import_file {
            store.import_file(&path, None, &skip).unwrap()
        } else {
            store
                .import_sdmx_csv(&path, &SdmxMapping::imf(), &skip)
                .unwrap()
        };
        // Austria's exports to Germany in 2023 alone: 1000000 euros.
        assert_eq!(
            figures(&store),
            [figure("exports_eur", "AUT", "DEU", "2023", 1_000_000.0)]
        );
        assert_eq!((summary.read, summary.written), (3, 1));
        assert_eq!(
            skipped(&summary),
            [
                ("value is missing (`:`)".to_owned(), 1, 3),
                ("value is missing (`..`)".to_owned(), 1, 4),
            ]
        );
    }
}

#[test]
fn former_countries_are_passed_over_and_eurostats_serbia_and_kosovo_are_read() {
    let mut text = "\
DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE
"
    .to_owned();
    for partner in ["AN", "CS", "YU", "SU", "DD"] {
        text.push_str(&format!(
            "ESTAT:DS-045409(1.0),13/02/26,A,AT,{partner},TOTAL,2,VALUE_IN_EUROS,1990,100\n"
        ));
    }
    text.push_str("ESTAT:DS-045409(1.0),13/02/26,A,AT,XS,TOTAL,2,VALUE_IN_EUROS,2023,300\n");
    text.push_str("ESTAT:DS-045409(1.0),13/02/26,A,AT,XK,TOTAL,2,VALUE_IN_EUROS,2023,400\n");
    let (store, summary) = imported(&text);
    // XS is Serbia in Eurostat's geonomenclature, XK Kosovo; the five others ended.
    assert_eq!(
        figures(&store),
        [
            figure("exports_eur", "AUT", "SRB", "2023", 300.0),
            figure("exports_eur", "AUT", "XKX", "2023", 400.0),
        ]
    );
    let reasons = skipped(&summary);
    assert_eq!(reasons.len(), 5, "{reasons:?}");
    for ((reason, rows, line), (code, name, at)) in reasons.iter().zip([
        ("AN", "Netherlands Antilles", 2),
        ("CS", "Serbia and Montenegro", 3),
        ("YU", "Yugoslavia", 4),
        ("SU", "Soviet Union", 5),
        ("DD", "German Democratic Republic", 6),
    ]) {
        assert!(
            reason.starts_with(&format!("partner {code} is a former country (")),
            "{reason}"
        );
        assert!(reason.contains(name), "{reason}");
        assert_eq!((*rows, *line), (1, at));
    }
}

#[test]
fn comext_products_are_combined_nomenclature_codes_and_a_report_says_so() {
    let (store, _) = imported(
        "\
DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE
ESTAT:DS-045409(1.0),13/02/26,A,AT,DE,39199080,2,VALUE_IN_EUROS,2022,900000
ESTAT:DS-045409(1.0),13/02/26,A,AT,DE,39199080,2,VALUE_IN_EUROS,2023,1000000
ESTAT:DS-045409(1.0),13/02/26,A,AT,DE,3919,2,VALUE_IN_EUROS,2023,1500000
ESTAT:DS-045409(1.0),13/02/26,A,AT,DE,TOTAL,2,VALUE_IN_EUROS,2022,4900000
ESTAT:DS-045409(1.0),13/02/26,A,AT,DE,TOTAL,2,VALUE_IN_EUROS,2023,5000000
",
    );
    // 8 digits are a CN subheading, 4 a heading (the HS's, in the CN); TOTAL is no product.
    let classified: Vec<(String, Option<String>)> = store
        .products()
        .unwrap()
        .into_iter()
        .map(|p| (p.code, p.classification))
        .collect();
    assert_eq!(
        classified,
        [
            ("3919".to_owned(), Some("CN".to_owned())),
            ("39199080".to_owned(), Some("CN".to_owned())),
        ]
    );
    let markdown = store.report("AUT", "DEU").unwrap().to_markdown();
    // Every mention of the code names its classification.
    assert_eq!(
        markdown.matches("39199080").count(),
        markdown.matches("CN 39199080").count(),
        "{markdown}"
    );
    // 1,000,000 of 5,000,000 euros in 2023: a fifth.
    assert!(
        markdown.contains(
            "CN 39199080 made up 20 % of exports in euros from Austria to Germany in 2023."
        ),
        "{markdown}"
    );
}

#[test]
fn an_oecd_product_code_keeps_its_capitals() {
    // The trial's bimts.csv: Austria's exports to Germany of CPA C10T12, 10 × 10⁶ USD.
    let (store, _) = imported(
        "\
DATAFLOW,REF_AREA,COUNTERPART_AREA,TRADE_FLOW,PRODUCT_CL,PRODUCT,FREQ,UNIT_MEASURE,UNIT_MULT,TIME_PERIOD,OBS_VALUE,OBS_STATUS
OECD.SDD.TPS:DSD_BIMTS_CPA@DF_BIMTS_CPA(1.0),AUT,DEU,X,CPA,C10T12,A,USD_EXC,6,2023,10,E
",
    );
    assert_eq!(
        figures_by_product(&store),
        [row("exports", "AUT", "DEU", "C10T12", "2023", 10_000_000.0)]
    );
    let markdown = store.report("AUT", "DEU").unwrap().to_markdown();
    assert!(markdown.contains("C10T12"), "{markdown}");
    assert!(!markdown.contains("C10t12"), "{markdown}");
}
