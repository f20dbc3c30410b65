//! UN Comtrade's CSV: exports, imports and re-exports by product land as the catalogue's
//! directed trade indicators, aggregates and breakdowns are passed over with a count,
//! and a malformed file is an error naming its line and column that changes nothing.

use std::path::{Path, PathBuf};

use bilateral::files::{Format, ImportOptions, ImportSummary};
use bilateral::{Error, Observation, ObservationFilter, OnDuplicate, Store};

/// The header of the Comtrade Plus API and web download (47 columns).
const HEADER: &str = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,\
reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,\
partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,\
cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,\
qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,\
isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,\
legacyEstimationFlag,isReported,isAggregate\n";

/// Kazakhstan's trade with Azerbaijan and Georgia, one row per line (lines 2 to 10).
const KAZAKHSTAN: &str = "\
C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,31,AZE,Azerbaijan,0,W00,World,H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,N/A,,False,,False,,False,,512000000,512000000,0,True,False
C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,31,AZE,Azerbaijan,0,W00,World,H6,HS,True,0101,\"Horses, asses, mules and hinnies; live\",4,False,C00,TOTAL CPC,0,0,TOTAL MOT,5,u,40,False,-1,N/A,,False,2500,False,2600,False,,1200000,1200000,0,True,False
C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,M,Import,31,AZE,Azerbaijan,0,W00,World,H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,N/A,,False,1500000,False,,False,298400000,,298400000,0,True,False
C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,RX,Re-export,31,AZE,Azerbaijan,0,W00,World,H6,HS,True,8703,Motor cars,4,False,C00,TOTAL CPC,0,0,TOTAL MOT,5,u,25,False,-1,N/A,,False,30000,False,,False,,750000,750000,0,True,False
C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,0,W00,World,0,W00,World,H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,N/A,,False,,False,,False,,81000000000,81000000000,0,True,True
C,M,20240801,2024,8,202408,398,KAZ,Kazakhstan,X,Export,31,AZE,Azerbaijan,0,W00,World,H6,HS,True,0101,\"Horses, asses, mules and hinnies; live\",4,False,C00,TOTAL CPC,0,0,TOTAL MOT,5,u,5,False,-1,N/A,,False,300,False,,False,,150000,150000,0,True,False
C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,31,AZE,Azerbaijan,0,W00,World,H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,2100,Sea,-1,N/A,,False,-1,N/A,,False,,False,,False,,400000000,400000000,0,True,False
C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,899,_X,\"Areas, nes\",0,W00,World,H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,N/A,,False,,False,,False,,3000000,3000000,0,True,False
C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,M,Import,268,GEO,Georgia,0,W00,World,H6,HS,True,2709,Petroleum oils,4,False,C00,TOTAL CPC,0,0,TOTAL MOT,8,kg,,False,-1,N/A,,False,80000000,True,,False,40000000,,40000000,0,False,False
";

fn file_with(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import(text: &str) -> (Store, ImportSummary) {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(dir.path(), "TradeData.csv", text);
    let mut store = Store::in_memory().unwrap();
    let summary = store
        .import_comtrade_csv(&path, &ImportOptions::default())
        .unwrap();
    (store, summary)
}

fn of(store: &Store, indicator: &str) -> Vec<Observation> {
    store
        .observations(&ObservationFilter::indicator(indicator))
        .unwrap()
}

/// (origin, destination, product, period, value) of each observation.
fn figures(observations: &[Observation]) -> Vec<(String, String, String, String, f64)> {
    let mut rows: Vec<_> = observations
        .iter()
        .map(|o| {
            (
                o.origin.clone(),
                o.destination.clone(),
                o.product.clone(),
                o.period.to_string(),
                o.value,
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
    rows
}

fn figure(
    origin: &str,
    destination: &str,
    product: &str,
    period: &str,
    value: f64,
) -> (String, String, String, String, f64) {
    (
        origin.to_owned(),
        destination.to_owned(),
        product.to_owned(),
        period.to_owned(),
        value,
    )
}

#[test]
fn exports_go_from_the_reporter_to_the_partner_by_product_and_period() {
    let (store, _) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    assert_eq!(
        figures(&of(&store, "exports")),
        vec![
            figure("KAZ", "AZE", "0101", "2024", 1_200_000.0),
            figure("KAZ", "AZE", "0101", "2024-08", 150_000.0),
            figure("KAZ", "AZE", "total", "2024", 512_000_000.0),
        ]
    );
}

#[test]
fn net_weights_in_kilograms_become_volumes_in_tonnes() {
    let (store, _) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    // 2500 kg = 2.5 t of horses; 300 kg = 0.3 t in August; the total row has no weight.
    assert_eq!(
        figures(&of(&store, "exports_volume")),
        vec![
            figure("KAZ", "AZE", "0101", "2024", 2.5),
            figure("KAZ", "AZE", "0101", "2024-08", 0.3),
        ]
    );
    // 1 500 000 kg = 1500 t; 80 000 000 kg = 80 000 t.
    assert_eq!(
        figures(&of(&store, "imports_volume")),
        vec![
            figure("AZE", "KAZ", "total", "2024", 1500.0),
            figure("GEO", "KAZ", "2709", "2024", 80_000.0),
        ]
    );
}

#[test]
fn imports_go_from_the_partner_to_the_reporter_that_reports_them() {
    let (store, _) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    assert_eq!(
        figures(&of(&store, "imports")),
        vec![
            figure("AZE", "KAZ", "total", "2024", 298_400_000.0),
            figure("GEO", "KAZ", "2709", "2024", 40_000_000.0),
        ]
    );
}

#[test]
fn re_exports_land_in_their_own_indicator_which_the_import_defines() {
    let (store, _) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    assert_eq!(
        figures(&of(&store, "re_exports")),
        vec![figure("KAZ", "AZE", "8703", "2024", 750_000.0)]
    );
    // 30 000 kg of cars = 30 t.
    assert_eq!(
        figures(&of(&store, "re_exports_volume")),
        vec![figure("KAZ", "AZE", "8703", "2024", 30.0)]
    );
    let indicator = store.indicator("re_exports").unwrap();
    assert_eq!((indicator.unit.as_str(), indicator.directed), ("USD", true));
    assert_eq!(store.indicator("re_exports_volume").unwrap().unit, "t");
}

#[test]
fn every_figure_cites_un_comtrade_which_the_import_adds() {
    let (store, _) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    let all = store.observations(&ObservationFilter::default()).unwrap();
    assert!(all
        .iter()
        .all(|o| o.source.as_deref() == Some("un-comtrade")));
    let source = store
        .sources()
        .unwrap()
        .into_iter()
        .find(|s| s.id == "un-comtrade")
        .unwrap();
    assert_eq!(
        source.publisher.as_deref(),
        Some("United Nations Statistics Division")
    );
    assert_eq!(source.url.as_deref(), Some("https://comtradeplus.un.org/"));
}

#[test]
fn the_summary_counts_rows_read_figures_written_and_rows_passed_over_by_reason() {
    let (_, summary) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    assert_eq!(summary.format, Some("comtrade"));
    // Nine rows; lines 6 (World), 8 (by sea) and 9 (Areas, nes) passed over. The six
    // others give a value each, and five of them a net weight: 6 + 5 = 11 figures.
    assert_eq!((summary.read, summary.written), (9, 11));
    let skipped: Vec<(&str, usize, usize)> = summary
        .skipped
        .iter()
        .map(|s| (s.reason.as_str(), s.rows, s.first_line))
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("partner World is an aggregate", 1, 6),
            ("a breakdown by mode of transport (motCode not 0)", 1, 8),
            ("partner Areas, nes (899) is an area, not a country", 1, 9),
        ]
    );
}

#[test]
fn a_product_code_with_leading_zeros_keeps_them() {
    let (store, _) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    let products: Vec<String> = of(&store, "exports")
        .into_iter()
        .map(|o| o.product)
        .collect();
    assert!(products.contains(&"0101".to_owned()), "{products:?}");
}

#[test]
fn a_value_comtrade_did_not_have_reported_is_an_estimate_saying_so() {
    let (store, _) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    let oil = of(&store, "imports")
        .into_iter()
        .find(|o| o.product == "2709")
        .unwrap();
    assert_eq!(oil.status.code(), "estimate");
    assert!(oil.note.unwrap().contains("isReported false"));
    let oil_weight = of(&store, "imports_volume")
        .into_iter()
        .find(|o| o.product == "2709")
        .unwrap();
    assert_eq!(oil_weight.status.code(), "estimate");
    let horses = of(&store, "exports")
        .into_iter()
        .find(|o| o.product == "0101")
        .unwrap();
    assert_eq!(horses.status.code(), "actual");
}

/// A row of the real layout: Kazakhstan's 2024 exports of horses to Azerbaijan, with
/// the cells of `changes` put in by column name.
fn row(changes: &[(&str, &str)]) -> String {
    let names: Vec<&str> = HEADER.trim_end().split(',').collect();
    let base = KAZAKHSTAN.lines().nth(1).unwrap();
    let mut cells: Vec<String> = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(base.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(cells.len(), names.len());
    for (name, value) in changes {
        let at = names.iter().position(|n| n == name).unwrap();
        cells[at] = value.to_string();
    }
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(&cells).unwrap();
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

#[test]
fn breakdowns_by_customs_procedure_and_second_partner_are_passed_over() {
    let (store, summary) = import(&format!(
        "{HEADER}{}{}{}",
        row(&[]),
        row(&[("customsCode", "C03")]),
        row(&[("partner2Code", "899"), ("partner2ISO", "_X")])
    ));
    assert_eq!(of(&store, "exports").len(), 1);
    let reasons: Vec<&str> = summary.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        vec![
            "a breakdown by customs procedure (customsCode not C00)",
            "a breakdown by second partner (partner2Code not 0)",
        ]
    );
}

#[test]
fn flows_other_than_exports_imports_and_their_re_flows_are_passed_over_by_code() {
    let (store, summary) = import(&format!(
        "{HEADER}{}{}{}",
        row(&[("flowCode", "DX")]),
        row(&[("flowCode", "XIP")]),
        row(&[("flowCode", "RM"), ("cmdCode", "0102")]),
    ));
    assert_eq!(summary.skipped_rows(), 2);
    assert_eq!(
        summary.skipped[0].reason,
        "flow DX (domestic exports) is part of X (exports)"
    );
    assert!(summary.skipped[1].reason.starts_with("flow XIP "));
    // Re-imports go, as imports do, from the partner to the reporter.
    assert_eq!(
        figures(&of(&store, "re_imports")),
        vec![figure("AZE", "KAZ", "0102", "2024", 1_200_000.0)]
    );
}

#[test]
fn the_classic_layout_and_tab_separated_bulk_files_read_alike() {
    let classic = "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,\
Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,\
Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag\n\
H5,2019,2019,2019,4,0,2,Export,398,Kazakhstan,KAZ,31,Azerbaijan,AZE,0101,Horses,5,Number of items,40,2500,1200000,4\n\
H5,2019,2019,2019,0,0,1,Import,398,Kazakhstan,KAZ,0,World,WLD,TOTAL,All,1,No Quantity,,,309541080,0\n";
    let (store, summary) = import(classic);
    assert_eq!(
        (summary.read, summary.written, summary.skipped_rows()),
        (2, 2, 1)
    );
    let weight = &of(&store, "exports_volume")[0];
    // Flag 4: the net weight was estimated.
    assert_eq!((weight.value, weight.status.code()), (2.5, "estimate"));

    let tabbed = format!("{HEADER}{}", row(&[])).replace(',', "\t");
    // The commodity description's comma was inside quotes; as tabs they stay one cell.
    let (store, summary) = import(&tabbed);
    assert_eq!((summary.read, summary.written), (1, 2));
    assert_eq!(of(&store, "exports")[0].value, 1_200_000.0);
}

#[test]
fn the_format_is_guessed_from_the_header() {
    assert_eq!(Format::guess(HEADER), Some(Format::Comtrade));
    assert_eq!(
        Format::guess(&HEADER.replace(',', "\t")),
        Some(Format::Comtrade)
    );
    assert_eq!(Format::from_code("comtrade").unwrap(), Format::Comtrade);
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(
        dir.path(),
        "TradeData.csv",
        &format!("{HEADER}{KAZAKHSTAN}"),
    );
    let mut store = Store::in_memory().unwrap();
    let summary = store
        .import_file(&path, None, &ImportOptions::default())
        .unwrap();
    assert_eq!((summary.format, summary.written), (Some("comtrade"), 11));
}

#[test]
fn imported_again_with_skip_every_figure_is_already_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(
        dir.path(),
        "TradeData.csv",
        &format!("{HEADER}{KAZAKHSTAN}"),
    );
    let mut store = Store::in_memory().unwrap();
    store
        .import_comtrade_csv(&path, &ImportOptions::default())
        .unwrap();
    let skip = ImportOptions {
        on_duplicate: OnDuplicate::Skip,
        ..ImportOptions::default()
    };
    let again = store.import_comtrade_csv(&path, &skip).unwrap();
    assert_eq!(again.written, 0);
    let stored = again
        .skipped
        .iter()
        .find(|s| s.reason == "already stored")
        .unwrap();
    assert_eq!(stored.rows, 11);
}

/// The error of importing `text` into a new store, after checking the store is as it
/// was: no observation, no indicator or source added.
fn import_error(text: &str) -> Error {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(dir.path(), "TradeData.csv", text);
    let mut store = Store::in_memory().unwrap();
    let indicators = store.indicators().unwrap();
    let sources = store.sources().unwrap();
    let error = store
        .import_comtrade_csv(&path, &ImportOptions::default())
        .unwrap_err();
    assert_eq!(store.observation_count().unwrap(), 0);
    assert_eq!(store.indicators().unwrap(), indicators);
    assert_eq!(store.sources().unwrap(), sources);
    error
}

/// (line, column, cell) of a validation error.
fn where_and_what(error: &Error) -> (Option<usize>, String, String) {
    match error {
        Error::Validation(v) => (v.record, v.field.clone(), v.text.clone()),
        other => panic!("not a validation error: {other}"),
    }
}

#[test]
fn a_header_without_a_required_column_is_an_error_naming_it_on_line_1() {
    let error = import_error(&format!(
        "{}{KAZAKHSTAN}",
        HEADER.replace("primaryValue", "tradeValue")
    ));
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(1), "primaryValue"));
}

#[test]
fn a_value_that_is_not_a_number_is_an_error_naming_its_line_and_column() {
    let error = import_error(&format!(
        "{HEADER}{KAZAKHSTAN}{}",
        row(&[("primaryValue", "12O0000")])
    ));
    let (line, field, text) = where_and_what(&error);
    // Nine lines of KAZAKHSTAN after the header: the bad row is line 11.
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(11), "primaryValue", "12O0000")
    );
}

#[test]
fn an_unknown_country_is_an_error_naming_its_line_and_column() {
    let error = import_error(&format!(
        "{HEADER}{}{}",
        row(&[]),
        row(&[("partnerISO", "XYZ"), ("cmdCode", "0102")])
    ));
    let (line, field, text) = where_and_what(&error);
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(3), "partnerISO", "XYZ")
    );
}

#[test]
fn a_period_that_is_not_a_year_or_a_month_is_an_error_naming_its_line_and_column() {
    for (freq, period) in [
        ("M", "202413"),
        ("M", "2024"),
        ("A", "24"),
        ("A", "2024-08"),
    ] {
        let error = import_error(&format!(
            "{HEADER}{}",
            row(&[("freqCode", freq), ("period", period)])
        ));
        let (line, field, text) = where_and_what(&error);
        assert_eq!(
            (line, field.as_str(), text.as_str()),
            (Some(2), "period", period)
        );
    }
}

#[test]
fn a_row_repeating_another_is_a_duplicate_error_naming_its_line() {
    let error = import_error(&format!(
        "{HEADER}{}{}{}",
        row(&[]),
        row(&[("cmdCode", "0102")]),
        row(&[])
    ));
    assert!(matches!(error, Error::Duplicate { .. }), "{error}");
    assert_eq!(error.record(), Some(4));
}

#[test]
fn a_stored_re_exports_indicator_in_another_unit_is_an_error_that_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{HEADER}{}", row(&[("flowCode", "RX")]));
    let path = file_with(dir.path(), "TradeData.csv", &text);
    let mut store = Store::in_memory().unwrap();
    let mut in_euros = store.indicator("exports").unwrap();
    in_euros.code = "re_exports".to_owned();
    in_euros.unit = "EUR".to_owned();
    assert!(store.add_indicator(&in_euros).unwrap());
    let error = store
        .import_comtrade_csv(&path, &ImportOptions::default())
        .unwrap_err();
    assert_eq!(store.observation_count().unwrap(), 0);
    assert_eq!(store.indicator("re_exports").unwrap(), in_euros);
    let (line, field, text) = where_and_what(&error);
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(2), "unit", "USD")
    );
}

// ----- product names ------------------------------------------------------------------------

/// (code, name, classification) of each product the store has.
fn products(store: &Store) -> Vec<(String, Option<String>, Option<String>)> {
    store
        .products()
        .unwrap()
        .into_iter()
        .map(|p| (p.code, p.name, p.classification))
        .collect()
}

fn product(
    code: &str,
    name: &str,
    classification: &str,
) -> (String, Option<String>, Option<String>) {
    (
        code.to_owned(),
        Some(name.to_owned()),
        Some(classification.to_owned()),
    )
}

#[test]
fn cmd_desc_becomes_the_products_name_and_an_h6_file_classifies_it_as_hs() {
    let (store, _) = import(&format!("{HEADER}{KAZAKHSTAN}"));
    // The products of the rows stored (0101 twice, 8703 re-exported, 2709 from
    // Georgia); TOTAL's "All Commodities" names no product.
    assert_eq!(
        products(&store),
        [
            product("0101", "Horses, asses, mules and hinnies; live", "HS"),
            product("2709", "Petroleum oils", "HS"),
            product("8703", "Motor cars", "HS"),
        ]
    );
}

/// The classic layout's header, with its `Classification` and `Commodity` columns.
const CLASSIC_HEADER: &str = "Classification,Year,Period,Period Desc.,Aggregate Level,\
Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,\
Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),\
Trade Value (US$),Flag\n";

#[test]
fn the_classic_commodity_column_names_the_product_in_the_words_of_its_latest_revision() {
    // The same code in three HS revisions, the latest (H5) in the middle of the file.
    let rows = "\
H0,1995,1995,1995,4,0,2,Export,398,Kazakhstan,KAZ,31,Azerbaijan,AZE,2402,\"Cigars, cigarettes etc\",8,kg,,,1000,0
H5,2019,2019,2019,4,0,2,Export,398,Kazakhstan,KAZ,31,Azerbaijan,AZE,2402,\"Cigars, cheroots, cigarillos and cigarettes; of tobacco\",8,kg,,,2000,0
H3,2010,2010,2010,4,0,2,Export,398,Kazakhstan,KAZ,31,Azerbaijan,AZE,2402,\"Cigars, cheroots, cigarillos and cigarettes, of tobacco.\",8,kg,,,3000,0
S4,2019,2019,2019,4,0,2,Export,398,Kazakhstan,KAZ,31,Azerbaijan,AZE,122,Tobacco manufactured,8,kg,,,4000,0
";
    let (store, summary) = import(&format!("{CLASSIC_HEADER}{rows}"));
    assert_eq!(summary.written, 4);
    assert_eq!(
        products(&store),
        [
            product("122", "Tobacco manufactured", "SITC"),
            product(
                "2402",
                "Cigars, cheroots, cigarillos and cigarettes; of tobacco",
                "HS"
            ),
        ]
    );
}

#[test]
fn an_import_never_replaces_a_name_the_store_has_and_fills_in_its_classification() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(
        dir.path(),
        "TradeData.csv",
        &format!("{HEADER}{KAZAKHSTAN}"),
    );
    let mut store = Store::in_memory().unwrap();
    store.add_product("0101", "Live horses").unwrap();
    store
        .import_comtrade_csv(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(products(&store)[0], product("0101", "Live horses", "HS"));
}

#[test]
fn a_real_classic_download_names_hs_2402_by_its_h5_description() {
    let path = Path::new("/work/shared/realdata/comtrade_classic_idn_cigarettes_2402.csv");
    if !path.exists() {
        eprintln!(
            "skipped: {} is absent (the real-data folder is not on this machine)",
            path.display()
        );
        return;
    }
    let mut store = Store::in_memory().unwrap();
    store
        .import_comtrade_csv(path, &ImportOptions::default())
        .unwrap();
    // Its rows are of H0 to H5; H5 (2017 onwards) writes the heading so.
    assert_eq!(
        products(&store),
        [product(
            "2402",
            "Cigars, cheroots, cigarillos and cigarettes; of tobacco or of tobacco substitutes",
            "HS"
        )]
    );
    let report = store.report("IDN", "USA").unwrap();
    let text: Vec<&str> = report
        .sections
        .iter()
        .flat_map(|s| s.sentences.iter().map(|t| t.text.as_str()))
        .collect();
    assert!(
        // a sentence takes the name up to its semicolon; "the United States"
        text.iter().any(|s| s.starts_with(
            "Exports of cigars, cheroots, cigarillos and cigarettes (HS 2402) from Indonesia to \
             the United States were"
        )),
        "{text:#?}"
    );
}

#[test]
fn a_total_unsd_summed_from_reported_lines_is_not_an_estimate() {
    // isReported false with isAggregate true: UNSD added up the reporter's own lines
    let total = "C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,268,GEO,Georgia,0,W00,\
World,H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,N/A,,\
False,,False,,False,,90000000,90000000,4,False,True\n";
    let (store, _) = import(&format!("{HEADER}{total}"));
    let exports = of(&store, "exports");
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].status.code(), "actual");
    assert_eq!(exports[0].value, 90_000_000.0);
    assert_eq!(exports[0].note, None);
}

#[test]
fn a_plus_web_download_with_a_trailing_separator_and_windows_1252_text_is_read() {
    // Comtrade Plus writes its web download in Windows-1252 ("C\xf4te d'Ivoire") and
    // ends each data row with one separator more than the header has
    let mut bytes = HEADER.as_bytes().to_vec();
    for line in [
        "C,A,20220101,2022,52,2022,156,CHN,China,X,Export,384,CIV,C\u{f4}te d'Ivoire,0,W00,World,\
H6,HS,true,TOTAL,All Commodities,0,false,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,0,false,-1,N/A,0,false,\
0,true,0,false,,2500000000,2500000000,4,false,true,\n",
        "C,A,20220101,2022,52,2022,156,CHN,China,X,Export,490,S19,\"Other Asia, nes\",0,W00,World,\
H6,HS,true,TOTAL,All Commodities,0,false,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,0,false,-1,N/A,0,false,\
0,true,0,false,,700000000,700000000,4,false,true,\n",
    ] {
        // the ô as its one Windows-1252 byte, 0xF4
        bytes.extend(line.chars().map(|c| c as u32 as u8));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("TradeData.csv");
    std::fs::write(&path, &bytes).unwrap();
    let mut store = Store::in_memory().unwrap();
    let summary = store
        .import_comtrade_csv(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(summary.read, 2);
    let exports = of(&store, "exports");
    assert_eq!(exports.len(), 1);
    assert_eq!(
        (exports[0].destination.as_str(), exports[0].value),
        ("CIV", 2_500_000_000.0)
    );
    // the area is skipped under its name and code
    assert!(format!("{summary:?}").contains("Other Asia, nes (490)"));
}

#[test]
fn a_row_with_text_past_the_header_is_refused_naming_its_cells() {
    let row = "C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,268,GEO,Georgia,0,W00,\
World,H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,N/A,,\
False,,False,,False,,90000000,90000000,4,True,False,surplus\n";
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(dir.path(), "TradeData.csv", &format!("{HEADER}{row}"));
    let mut store = Store::in_memory().unwrap();
    let error = store
        .import_comtrade_csv(&path, &ImportOptions::default())
        .unwrap_err();
    let text = error.to_string();
    // 47 columns in the header, 48 cells in the row, the last with text
    assert!(
        text.contains("has 48 cells where the header has 47"),
        "{text}"
    );
    assert!(text.contains("C,A,20240101"), "{text}");
    assert!(store
        .observations(&bilateral::ObservationFilter::default())
        .unwrap()
        .is_empty());
}

#[test]
fn the_real_plus_download_of_china_and_the_united_states_imports() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/realdata/comtrade_plus_chn_usa_2022.csv"
    ));
    if !path.exists() {
        eprintln!(
            "skipped: {} is absent (the real files are not part of the project)",
            path.display()
        );
        return;
    }
    let mut store = Store::in_memory().unwrap();
    let summary = store
        .import_comtrade_csv(path, &ImportOptions::default())
        .unwrap();
    assert_eq!(summary.read, 1_352);
    // China's reported exports to the US in 2022 (line 431: primaryValue 582756110047)
    // and the US's imports from China (line 948: 575688091172), both UN totals of the
    // reporters' own lines (isReported false, isAggregate true): actual, not estimates
    let find = |indicator: &str| {
        of(&store, indicator)
            .into_iter()
            .find(|o| o.origin == "CHN" && o.destination == "USA")
            .unwrap()
    };
    let (exports, imports) = (find("exports"), find("imports"));
    assert_eq!(exports.value, 582_756_110_047.0);
    assert_eq!(imports.value, 575_688_091_172.0);
    assert_eq!(exports.status.code(), "actual");
    assert_eq!(imports.status.code(), "actual");
}
