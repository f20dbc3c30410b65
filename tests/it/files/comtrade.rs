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
    // The sixth, line 2 (the total exports to Azerbaijan), has netWgt and qty empty:
    // its weight is counted as one figure passed over.
    assert_eq!((summary.read, summary.written), (9, 11));
    let skipped: Vec<(&str, usize, usize, &str)> = summary
        .skipped
        .iter()
        .map(|s| (s.reason.as_str(), s.rows, s.first_line, s.counts()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (
                "net weight not reported (empty or 0): the value alone is stored",
                1,
                2,
                "figures"
            ),
            ("partner World is an aggregate", 1, 6, "rows"),
            (
                "a breakdown by mode of transport (motCode not 0)",
                1,
                8,
                "rows"
            ),
            (
                "partner Areas, nes (899) is an area, not a country",
                1,
                9,
                "rows"
            ),
        ]
    );
    // Rows passed over: 3; the weight is a figure of a row whose value is stored.
    assert_eq!((summary.rows_skipped(), summary.skipped_rows()), (3, 3));
    assert_eq!(summary.figures_already_stored(), 0);
}

#[test]
fn a_net_weight_of_zero_or_empty_is_counted_as_a_figure_passed_over() {
    let (store, summary) = import(&format!(
        "{HEADER}{}{}{}",
        row(&[("netWgt", "0"), ("qty", "")]),
        row(&[("netWgt", ""), ("qty", ""), ("cmdCode", "0102")]),
        row(&[("cmdCode", "0103")]),
    ));
    // Three values; only line 4 has a weight (2500 kg): 3 + 1 = 4 figures, and the
    // weights of lines 2 and 3 are two figures passed over, first at line 2.
    assert_eq!((summary.read, summary.written), (3, 4));
    assert_eq!(of(&store, "exports_volume").len(), 1);
    let skipped: Vec<(&str, usize, usize, &str)> = summary
        .skipped
        .iter()
        .map(|s| (s.reason.as_str(), s.rows, s.first_line, s.counts()))
        .collect();
    assert_eq!(
        skipped,
        vec![(
            "net weight not reported (empty or 0): the value alone is stored",
            2,
            2,
            "figures"
        )]
    );
    assert_eq!(summary.rows_skipped(), 0);
}

#[test]
fn a_record_not_as_reported_has_its_net_weight_an_estimate_too() {
    // isReported false, isAggregate false, isNetWgtEstimated false (as line 3 of a
    // Plus download of Austria's imports from Germany): UNSD changed the record, so
    // the weight is no more the reporter's than the value is.
    let (store, _) = import(&format!(
        "{HEADER}{}",
        row(&[("isReported", "false"), ("isNetWgtEstimated", "false")])
    ));
    let value = &of(&store, "exports")[0];
    let weight = &of(&store, "exports_volume")[0];
    assert_eq!(value.status.code(), "estimate");
    // 2500 kg = 2.5 t
    assert_eq!((weight.value, weight.status.code()), (2.5, "estimate"));
    assert!(weight.note.as_deref().unwrap().contains("isReported false"));
    // With isAggregate true (a UN total of the reporter's lines) both stay actual.
    let (store, _) = import(&format!(
        "{HEADER}{}",
        row(&[("isReported", "false"), ("isAggregate", "true")])
    ));
    assert_eq!(of(&store, "exports")[0].status.code(), "actual");
    assert_eq!(of(&store, "exports_volume")[0].status.code(), "actual");
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

// ----- real files of every layout -----------------------------------------------------------

/// A file of `../shared/realdata` (SOURCES.md there says where each comes from), or
/// `None`, having said so, where the folder is absent.
fn realdata(name: &str) -> Option<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realdata");
    if !folder.exists() {
        eprintln!(
            "skipped: ../shared/realdata is absent (the real files are not part of the project)"
        );
        return None;
    }
    Some(folder.join(name))
}

/// (reason, rows, first line) of each reason rows were passed over for.
fn skips(summary: &ImportSummary) -> Vec<(String, usize, usize)> {
    summary
        .skipped
        .iter()
        .map(|s| (s.reason.clone(), s.rows, s.first_line))
        .collect()
}

fn skip(reason: &str, rows: usize, first_line: usize) -> (String, usize, usize) {
    (reason.to_owned(), rows, first_line)
}

/// The one observation of `indicator` from `origin` to `destination` in `period` for
/// `product`.
fn the(
    store: &Store,
    indicator: &str,
    (origin, destination): (&str, &str),
    product: &str,
    period: &str,
) -> Observation {
    let found: Vec<Observation> = of(store, indicator)
        .into_iter()
        .filter(|o| {
            o.origin == origin
                && o.destination == destination
                && o.product == product
                && o.period.to_string() == period
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{indicator} {origin}->{destination} {product} {period}"
    );
    found.into_iter().next().unwrap()
}

fn import_real(path: &Path) -> (Store, ImportSummary) {
    let mut store = Store::in_memory().unwrap();
    // Guessed from the file's beginning, as `bilateral import FILE` does.
    let summary = store
        .import_file(path, None, &ImportOptions::default())
        .unwrap();
    assert_eq!(summary.format, Some("comtrade"));
    (store, summary)
}

#[test]
fn the_real_classic_tobacco_file_passes_over_the_areas_without_an_iso_code() {
    let Some(path) = realdata("comtrade_classic_idn_tobacco_2401.csv") else {
        return;
    };
    let (store, summary) = import_real(&path);
    // tail -n +2 FILE | wc -l                                   -> 544
    // awk -F, 'NR>1{c[$12]++} END{print c[0],c[490],c[899]}' FILE -> 11 8 2 (Partner Code)
    // awk -F, 'NR>1 && $9==$12' FILE | wc -l                   -> 2 (IDN with itself, lines 484-485)
    // first lines: grep -n ',0,World,WLD,' / ',490,"Other Asia' / ',899,"Areas' | head -1
    assert_eq!(summary.read, 544);
    assert_eq!(
        skips(&summary),
        vec![
            skip("partner World is an aggregate", 11, 2),
            skip(
                "partner Other Asia, nes (490) is an area, not a country",
                8,
                64
            ),
            // line 157: Netweight (kg) 0 and Qty 0, its value (1 USD) kept
            skip(
                "net weight not reported (empty or 0): the value alone is stored",
                1,
                157
            ),
            skip("partner Areas, nes (899) is an area, not a country", 2, 331),
            skip("partner is the reporter itself", 2, 484),
        ]
    );
    // 544 - 11 - 8 - 2 - 2 = 521 rows, each a value; all but line 157 (Netweight 0:
    // awk -F, 'NR>1 && $(NF-5)==0' FILE) a net weight: 521 + 520 = 1041 figures.
    assert_eq!(summary.written, 1041);
    // Line 24: H5,2017,…,1,Import,360,Indonesia,IDN,156,China,CHN,…,2401,…,
    // Netweight 56524421, Trade Value 247506499, Flag 0
    let imports = the(&store, "imports", ("CHN", "IDN"), "2401", "2017");
    assert_eq!(
        (imports.value, imports.unit.as_str(), imports.status.code()),
        (247_506_499.0, "USD", "actual")
    );
    // 56 524 421 kg = 56 524.421 t
    let tonnes = the(&store, "imports_volume", ("CHN", "IDN"), "2401", "2017");
    assert_eq!((tonnes.value, tonnes.unit.as_str()), (56_524.421, "t"));
    // Line 25: 2,Export,…,156,China,CHN,…, Netweight 105693, Trade Value 1065389
    let exports = the(&store, "exports", ("IDN", "CHN"), "2401", "2017");
    assert_eq!(
        (exports.value, exports.status.code()),
        (1_065_389.0, "actual")
    );
    // Line 480 (H4, 2016): 1,Import,…,344,"China, Hong Kong SAR",HKG,…, 66600 kg, 261527
    let hong_kong = the(&store, "imports", ("HKG", "IDN"), "2401", "2016");
    assert_eq!(hong_kong.value, 261_527.0);
    // Line 157: exports to Hong Kong in 2018 worth 1 USD with a net weight of 0
    assert_eq!(
        the(&store, "exports", ("IDN", "HKG"), "2401", "2018").value,
        1.0
    );
    assert!(of(&store, "exports_volume")
        .iter()
        .all(|o| !(o.destination == "HKG" && o.period.to_string() == "2018")));
    assert_eq!(
        products(&store),
        [product(
            "2401",
            "Tobacco, unmanufactured; tobacco refuse",
            "HS"
        )]
    );
}

#[test]
fn the_real_reduced_classic_file_reads_countries_from_their_codes_and_the_year() {
    let Some(path) = realdata("comtrade_classic_reduced_usa_chn.csv") else {
        return;
    };
    let (store, summary) = import_real(&path);
    // awk -F, 'NR>1{print $3, $5, $7, $2}' FILE | sort | uniq -c
    //   -> 97 "1 842 156 2017", 97 "2 842 156 2017", 96 "3 842 156 2017"
    // (Reporter Code 842 is Comtrade's code for the USA, 156 China), no net weight column
    assert_eq!((summary.read, summary.written), (290, 290));
    assert!(summary.skipped.is_empty(), "{:?}", summary.skipped);
    assert_eq!(of(&store, "imports").len(), 97);
    assert_eq!(of(&store, "exports").len(), 97);
    assert_eq!(of(&store, "re_exports").len(), 96);
    // Line 2: H5,2017,1,Import,842,USA,156,China,1,Animals; live,36327640,4
    // (Flag 4 is about a net weight this file does not have: the value is as reported)
    // (HS chapter 1 is "01" as Comtrade Plus writes it: the leading zero comes back)
    let animals = the(&store, "imports", ("CHN", "USA"), "01", "2017");
    assert_eq!(
        (animals.value, animals.unit.as_str(), animals.status.code()),
        (36_327_640.0, "USD", "actual")
    );
    // Line 4: H5,2017,3,Re-Export,842,USA,156,China,1,Animals; live,179614,0
    assert_eq!(
        the(&store, "re_exports", ("USA", "CHN"), "01", "2017").value,
        179_614.0
    );
    // Line 290: …,2,Export,842,USA,156,China,99,Commodities not specified…,1172361111,0
    assert_eq!(
        the(&store, "exports", ("USA", "CHN"), "99", "2017").value,
        1_172_361_111.0
    );
    let names = products(&store);
    assert!(
        names.contains(&product("01", "Animals; live", "HS")),
        "{names:?}"
    );
}

#[test]
fn the_real_variant_classic_file_is_read_and_its_world_rows_passed_over() {
    let Some(path) = realdata("comtrade_classic_variant_live_animals.csv") else {
        return;
    };
    // tail -n +2 FILE | wc -l -> 127; grep -c ',0,World,WLD,' FILE -> 127: every row is
    // a reporter's trade with the World, which is not a partner country
    let (store, summary) = import_real(&path);
    assert_eq!((summary.read, summary.written), (127, 0));
    assert_eq!(
        skips(&summary),
        vec![skip("partner World is an aggregate", 127, 2)]
    );
    assert_eq!(store.observation_count().unwrap(), 0);
}

#[test]
fn the_real_bulk_file_is_read_plain_and_gzipped_and_its_world_rows_passed_over() {
    let Some(path) = realdata("comtrade_bulk_arg_1962_s1.tsv") else {
        return;
    };
    // awk -F'\t' 'NR>1{print $8, $9, $10}' FILE | sort | uniq -c -> 15 "32 M 0":
    // Argentina's imports from the World (partnerCode 0), by SITC product
    let (_, summary) = import_real(&path);
    assert_eq!((summary.read, summary.written), (15, 0));
    assert_eq!(
        skips(&summary),
        vec![skip("partner World is an aggregate", 15, 2)]
    );
    // The same bytes gzipped, as Comtrade serves the file (C_A_32_196201_S1_O.txt.gz)
    let dir = tempfile::tempdir().unwrap();
    let gzipped = gzip_file(
        dir.path(),
        "C_A_32_196201_S1_O.txt.gz",
        &std::fs::read(&path).unwrap(),
    );
    let (_, summary) = import_real(&gzipped);
    assert_eq!((summary.read, summary.written), (15, 0));
    assert_eq!(
        skips(&summary),
        vec![skip("partner World is an aggregate", 15, 2)]
    );
}

#[test]
fn the_real_query_error_is_refused_as_comtrades_error_reply_quoting_it() {
    let Some(path) = realdata("comtrade_classic_query_error.csv") else {
        return;
    };
    let mut store = Store::in_memory().unwrap();
    for error in [
        store
            .import_file(&path, None, &ImportOptions::default())
            .unwrap_err(),
        store
            .import_comtrade_csv(&path, &ImportOptions::default())
            .unwrap_err(),
    ] {
        let (line, field, text) = where_and_what(&error);
        assert_eq!(
            (line, field.as_str(), text.as_str()),
            (
                Some(1),
                "file",
                "Query complexity: your query is too complex. Please simplify."
            )
        );
        let message = error.to_string();
        assert!(message.contains("UN Comtrade's error reply"), "{message}");
        assert!(message.contains("not data"), "{message}");
        // the file's second line, quoted
        assert!(
            message.contains("\"All years may only be selected if both reporters and partners"),
            "{message}"
        );
    }
    assert_eq!(store.observation_count().unwrap(), 0);
}

#[test]
fn the_real_eu28_file_stores_nothing_and_says_the_eu_is_an_area() {
    let Some(path) = realdata("comtrade_classic_eu28_sorghum.csv") else {
        return;
    };
    // awk -F, 'NR>1{print $9, $12}' FILE | sort | uniq -c -> 21 "97 804": EU-28 to Ukraine
    let (store, summary) = import_real(&path);
    assert_eq!((summary.read, summary.written), (21, 0));
    assert_eq!(
        skips(&summary),
        vec![skip("reporter EU-28 (97) is an area, not a country", 21, 2)]
    );
    assert_eq!(store.observation_count().unwrap(), 0);
}

#[test]
fn the_real_services_file_stores_nothing_as_services_are_not_goods() {
    let Some(path) = realdata("comtrade_plus_services_chn_usa_2022.csv") else {
        return;
    };
    // awk -F, 'NR>1{print $1}' FILE | sort | uniq -c -> 120 "S"
    let (store, summary) = import_real(&path);
    assert_eq!((summary.read, summary.written), (120, 0));
    assert_eq!(
        skips(&summary),
        vec![skip(
            "typeCode S is not goods (C): services are not goods trade",
            120,
            2
        )]
    );
    assert_eq!(store.observation_count().unwrap(), 0);
}

// ----- layouts from Comtrade's published column lists --------------------------------------

/// The header of a bulk file (`C_A_….txt.gz` of the Comtrade Plus bulk API), as the
/// real one in `../shared/realdata` has it.
const BULK_HEADER: &str = "datasetCode\ttypeCode\tfreqCode\trefPeriodId\trefYear\trefMonth\t\
period\treporterCode\tflowCode\tpartnerCode\tpartner2Code\tclassificationSearchCode\t\
classificationCode\tisOriginalClassification\tcmdCode\tcustomsCode\tmosCode\tmotCode\t\
qtyUnitCode\tqty\tisQtyEstimated\taltQtyUnitCode\taltQty\tisAltQtyEstimated\tnetWgt\t\
isNetWgtEstimated\tgrossWgt\tisGrossWgtEstimated\tCIFValue\tFOBValue\tprimaryValue\t\
legacyEstimationFlag\tisReported\tisAggregate\r\n";

/// A bulk row: Argentina (32) in 1962, with the cells given (the others as in the real
/// file's rows).
fn bulk_row(
    flow: &str,
    partner: &str,
    cmd: &str,
    (qty_unit, qty): (&str, &str),
    net_weight: &str,
    value: &str,
) -> String {
    format!(
        "20032196201102100\tC\tA\t19620101\t1962\t52\t1962\t32\t{flow}\t{partner}\t0\tS1\tS1\t1\t\
{cmd}\tC00\t0\t0\t{qty_unit}\t{qty}\t0\t-1\t\t0\t{net_weight}\t0\t\t0\t{value}\t\t{value}\t0\t1\t0\r\n"
    )
}

fn gzip_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, encoder.finish().unwrap()).unwrap();
    path
}

/// Argentina's 1962 trade with the USA (842), the USSR (810: no ISO code), Antarctica
/// (10: not a reporter in Comtrade's table), Other Asia nes (490) and the EU (97).
fn bulk_file() -> String {
    [
        BULK_HEADER.to_owned(),
        // line 2: imports of wheat from the USA, 29 460 kg as qty in kg (8) and netWgt
        bulk_row("M", "842", "041", ("8", "29460.0"), "29460.0", "50897.0"),
        // line 3: exports of meat, the weight only as qty in kg: netWgt empty
        bulk_row("X", "842", "011", ("8", "1500.0"), "", "3000.0"),
        // line 4: exports of 40 items (qtyUnitCode 5): no weight, the value alone
        bulk_row("X", "842", "7321", ("5", "40.0"), "", "12000.0"),
        bulk_row("X", "810", "011", ("8", "900.0"), "900.0", "1800.0"),
        bulk_row("X", "10", "011", ("-1", ""), "", "700.0"),
        bulk_row("X", "490", "011", ("-1", ""), "", "500.0"),
        bulk_row("X", "97", "011", ("-1", ""), "", "400.0"),
    ]
    .concat()
}

#[test]
fn a_bulk_file_names_countries_by_their_m49_codes_and_passes_over_the_others() {
    let (store, summary) = import(&bulk_file());
    assert_eq!(summary.format, Some("comtrade"));
    assert_eq!(summary.read, 7);
    assert_eq!(
        skips(&summary),
        vec![
            // line 4: 40 items and no net weight, its value stored alone
            skip(
                "net weight not reported (empty or 0): the value alone is stored",
                1,
                4
            ),
            skip(
                "partner USSR (...1990) (810) has no ISO 3166-1 code: a former country or territory",
                1,
                5
            ),
            skip(
                "partner code 10 is not in UN Comtrade's table of reporters \
                 (data/comtrade_m49.csv): no country to name it by",
                1,
                6
            ),
            skip("partner Other Asia, nes (490) is an area, not a country", 1, 7),
            skip("partner European Union (97) is an area, not a country", 1, 8),
        ]
    );
    // Three values, and two weights: 29 460 kg = 29.46 t, 1500 kg = 1.5 t
    assert_eq!(summary.written, 5);
    assert_eq!(
        figures(&of(&store, "imports")),
        vec![figure("USA", "ARG", "041", "1962", 50_897.0)]
    );
    assert_eq!(
        figures(&of(&store, "exports")),
        vec![
            figure("ARG", "USA", "011", "1962", 3000.0),
            figure("ARG", "USA", "7321", "1962", 12_000.0),
        ]
    );
    assert_eq!(
        figures(&of(&store, "imports_volume")),
        vec![figure("USA", "ARG", "041", "1962", 29.46)]
    );
    assert_eq!(
        figures(&of(&store, "exports_volume")),
        vec![figure("ARG", "USA", "011", "1962", 1.5)]
    );
    // No descriptions in a bulk file: the products stay codes, classified by
    // classificationCode S1 (SITC Rev. 1)
    assert_eq!(
        products(&store),
        ["011", "041", "7321"].map(|code| (code.to_owned(), None, Some("SITC".to_owned())))
    );
}

#[test]
fn a_gzipped_bulk_file_imports_as_the_same_file_unzipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = gzip_file(
        dir.path(),
        "C_A_32_196201_S1_O.txt.gz",
        bulk_file().as_bytes(),
    );
    assert_eq!(Format::of_file(&path).unwrap(), Format::Comtrade);
    let mut store = Store::in_memory().unwrap();
    let summary = store
        .import_file(&path, None, &ImportOptions::default())
        .unwrap();
    let (plain, plain_summary) = import(&bulk_file());
    assert_eq!(summary, plain_summary);
    let all = ObservationFilter::default();
    assert_eq!(
        store.observations(&all).unwrap(),
        plain.observations(&all).unwrap()
    );
}

#[test]
fn a_gzipped_file_cut_short_is_refused_naming_the_file_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Many rows, so that the cut falls after some were read.
    let mut text = BULK_HEADER.to_owned();
    for product in 1000..3000 {
        text.push_str(&bulk_row(
            "X",
            "842",
            &product.to_string(),
            ("-1", ""),
            "",
            "10.0",
        ));
    }
    let whole = gzip_file(dir.path(), "whole.txt.gz", text.as_bytes());
    let bytes = std::fs::read(&whole).unwrap();
    let cut = dir.path().join("cut.txt.gz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let mut store = Store::in_memory().unwrap();
    let error = store
        .import_comtrade_csv(&cut, &ImportOptions::default())
        .unwrap_err();
    let (line, field, text) = where_and_what(&error);
    assert_eq!((field.as_str(), text), ("file", cut.display().to_string()));
    assert!(
        error.to_string().contains("cut short or damaged"),
        "{error}"
    );
    // past the header and the rows read before the cut
    assert!(line.is_some_and(|line| line > 2), "{line:?}");
    assert_eq!(store.observation_count().unwrap(), 0);
    assert!(store
        .sources()
        .unwrap()
        .iter()
        .all(|s| s.id != "un-comtrade"));
}

#[test]
fn a_code_that_is_not_an_m49_code_is_an_error_naming_its_line_and_column() {
    for code in ["ABC", "8420", "-1", "84.2"] {
        let error = import_error(&format!(
            "{BULK_HEADER}{}{}",
            bulk_row("X", "842", "011", ("-1", ""), "", "10.0"),
            bulk_row("X", code, "011", ("-1", ""), "", "10.0"),
        ));
        let (line, field, text) = where_and_what(&error);
        assert_eq!(
            (line, field.as_str(), text.as_str()),
            (Some(3), "partnerCode", code)
        );
    }
}

/// The reduced classic header (no ISO codes, no Period), as in the real
/// `comtrade_classic_reduced_usa_chn.csv`.
const REDUCED_HEADER: &str = "Classification,Year,Trade Flow Code,Trade Flow,Reporter Code,\
Reporter,Partner Code,Partner,Commodity Code,Commodity,Trade Value (US$),Flag\n";

#[test]
fn a_reduced_classic_file_takes_its_year_from_year() {
    let (store, summary) = import(&format!(
        "{REDUCED_HEADER}H5,2019,2,Export,398,Kazakhstan,31,Azerbaijan,0101,Horses,1200000,0\n\
         H5,2019,1,Import,398,Kazakhstan,899,\"Areas, nes\",0101,Horses,5000,0\n"
    ));
    assert_eq!((summary.read, summary.written), (2, 1));
    assert_eq!(
        figures(&of(&store, "exports")),
        vec![figure("KAZ", "AZE", "0101", "2019", 1_200_000.0)]
    );
    let error = import_error(&format!(
        "{REDUCED_HEADER}H5,19,2,Export,398,Kazakhstan,31,Azerbaijan,0101,Horses,1200000,0\n"
    ));
    let (line, field, text) = where_and_what(&error);
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(2), "Year", "19")
    );
}

/// The header of the classic variant with `TradeFlow Code`, `Netweightkg` and
/// `TradeValueUS`, as in the real `comtrade_classic_variant_live_animals.csv`.
const VARIANT_HEADER: &str = "Classification,Year,Period,Period Desc.,Aggregate Level,\
Is Leaf Code,TradeFlow Code,TradeFlow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,\
Partner ISO,2nd Partner Code,2nd Partner,2nd Partner ISO,Customs Proc. Code,Customs,\
Mode of Transport Code,Mode of Transport,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,\
Alt Qty Unit Code,Alt Qty Unit,Alt Qty,Netweightkg,GrossWeightkg,TradeValueUS,CIF TradeValue,\
FOB Trade Value (US$),Flag\n";

#[test]
fn the_classic_variant_headers_read_as_the_classic_ones() {
    let (store, summary) = import(&format!(
        "{VARIANT_HEADER}H4,2016,2016,2016,2,0,2,Export,36,Australia,AUS,392,Japan,JPN,,,,,,,,\
01,Live animals,5,Number of items,300,,,,450000,,91128858,,,0\n"
    ));
    assert_eq!((summary.read, summary.written), (1, 2));
    assert_eq!(
        figures(&of(&store, "exports")),
        vec![figure("AUS", "JPN", "01", "2016", 91_128_858.0)]
    );
    // 450 000 kg = 450 t; the 300 items are left out
    assert_eq!(
        figures(&of(&store, "exports_volume")),
        vec![figure("AUS", "JPN", "01", "2016", 450.0)]
    );
}

#[test]
fn an_empty_iso_code_is_read_from_the_m49_code_or_else_refused() {
    // Partner ISO empty beside Partner Code 31 (Azerbaijan, no area): read from the code
    let classic = "Classification,Year,Period,Trade Flow Code,Reporter Code,Reporter,\
Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Netweight (kg),\
Trade Value (US$),Flag\n";
    let (store, summary) = import(&format!(
        "{classic}H5,2019,2019,2,398,Kazakhstan,KAZ,31,Azerbaijan,,0101,Horses,,1200000,0\n"
    ));
    assert_eq!((summary.read, summary.written), (1, 1));
    assert_eq!(
        figures(&of(&store, "exports")),
        vec![figure("KAZ", "AZE", "0101", "2019", 1_200_000.0)]
    );
    // Both empty: the error names the ISO column
    let error = import_error(&format!(
        "{classic}H5,2019,2019,2,398,Kazakhstan,KAZ,,Azerbaijan,,0101,Horses,,1200000,0\n"
    ));
    let (line, field, text) = where_and_what(&error);
    assert_eq!(
        (line, field.as_str(), text.as_str()),
        (Some(2), "Partner ISO", "")
    );
}

#[test]
fn the_format_of_every_layout_is_guessed_from_its_header() {
    for header in [BULK_HEADER, REDUCED_HEADER, VARIANT_HEADER] {
        assert_eq!(Format::guess(header), Some(Format::Comtrade), "{header}");
    }
    // A header with no value column is none of them.
    assert_eq!(
        Format::guess(&REDUCED_HEADER.replace("Trade Value (US$)", "Value")),
        None
    );
}

#[test]
fn a_file_of_more_rows_than_a_batch_is_stored_all_or_nothing() {
    // 130 000 rows of exports by product, more than one batch (100 000 figures)
    let mut text = BULK_HEADER.to_owned();
    for product in 0..130_000 {
        text.push_str(&bulk_row(
            "X",
            "842",
            &format!("{product:06}"),
            ("-1", ""),
            "",
            "10.0",
        ));
    }
    let (store, summary) = import(&text);
    assert_eq!((summary.read, summary.written), (130_000, 130_000));
    assert_eq!(store.observation_count().unwrap(), 130_000);
    // The same with a bad value on the last line (130 001 rows, line 130 002): nothing
    // stored, though the first batch was written before it was read
    text.push_str(&bulk_row("X", "842", "999999", ("-1", ""), "", "1O.0"));
    let error = import_error(&text);
    let (line, field, cell) = where_and_what(&error);
    assert_eq!(
        (line, field.as_str(), cell.as_str()),
        (Some(130_002), "primaryValue", "1O.0")
    );
    // Stopped by the progress callback past half the file, with the first batch
    // written: nothing stored
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(dir.path(), "bulk.txt", &text);
    let bytes = std::fs::metadata(&path).unwrap().len();
    let told = std::cell::RefCell::new(Vec::new());
    let stop_past_half = |p: bilateral::files::Progress| {
        told.borrow_mut().push((p.stage, p.done, p.total));
        p.done < bytes / 2
    };
    let options = ImportOptions {
        progress: Some(&stop_past_half),
        ..ImportOptions::default()
    };
    let mut store = Store::in_memory().unwrap();
    let error = store.import_comtrade_csv(&path, &options).unwrap_err();
    assert!(matches!(error, Error::Interrupted), "{error}");
    assert_eq!(store.observation_count().unwrap(), 0);
    // told in bytes of the file read, every 10,000 rows (stopped before the end, so
    // neither checking nor writing is told)
    let told = told.into_inner();
    assert!(told.len() >= 6, "{told:?}");
    assert!(told.iter().all(
        |(stage, done, total)| *stage == bilateral::files::Stage::Reading
            && *total == bytes
            && done <= total
    ));
    assert!(told.windows(2).all(|w| w[0].1 <= w[1].1), "{told:?}");
    // A row repeating one of the first batch, in the second: a duplicate naming its line
    let mut text = BULK_HEADER.to_owned();
    for product in 0..110_000 {
        text.push_str(&bulk_row(
            "X",
            "842",
            &format!("{product:06}"),
            ("-1", ""),
            "",
            "10.0",
        ));
    }
    text.push_str(&bulk_row("X", "842", "000005", ("-1", ""), "", "10.0"));
    let error = import_error(&text);
    assert!(matches!(error, Error::Duplicate { .. }), "{error}");
    assert_eq!(error.record(), Some(110_002));
}

#[test]
fn a_quantity_in_kilograms_stands_in_for_an_empty_net_weight_and_other_units_are_left_out() {
    // Qty Unit Code 8 is "Weight in kilograms"; Flag 2 says the quantity was estimated
    let (store, summary) = import(&format!(
        "{VARIANT_HEADER}H4,2016,2016,2016,2,0,2,Export,36,Australia,AUS,392,Japan,JPN,,,,,,,,\
0102,Bovine animals,8,Weight in kilograms,500,,,,,,2000,,,2\n\
H4,2016,2016,2016,2,0,2,Export,36,Australia,AUS,392,Japan,JPN,,,,,,,,\
0103,Swine,5,Number of items,40,,,,,,3000,,,0\n\
H4,2016,2016,2016,2,0,2,Export,36,Australia,AUS,392,Japan,JPN,,,,,,,,\
0104,Sheep and goats,8,Weight in kilograms,700,,,,700,,4000,,,0\n"
    ));
    // three values; weights 500 kg (from Qty) and 700 kg (Netweightkg, Qty the same
    // figure again): 3 + 2 = 5; the 40 swine are a count, left out
    assert_eq!((summary.read, summary.written), (3, 5));
    let weights = of(&store, "exports_volume");
    assert_eq!(
        figures(&weights),
        vec![
            figure("AUS", "JPN", "0102", "2016", 0.5),
            figure("AUS", "JPN", "0104", "2016", 0.7),
        ]
    );
    let cattle = weights.iter().find(|o| o.product == "0102").unwrap();
    assert_eq!(cattle.status.code(), "estimate");
    let sheep = weights.iter().find(|o| o.product == "0104").unwrap();
    assert_eq!(sheep.status.code(), "actual");
}

#[test]
fn comtrades_other_error_replies_are_refused_as_such_too() {
    let error = import_error(
        "No data matches your query or your query is too complex. Request JSON or XML format \
         for more information.\n",
    );
    let (line, field, _) = where_and_what(&error);
    assert_eq!((line, field.as_str()), (Some(1), "file"));
    assert!(
        error.to_string().contains("UN Comtrade's error reply"),
        "{error}"
    );
}

#[test]
fn a_former_country_under_comtrades_own_iso_code_is_passed_over_like_its_m49_code() {
    // Comtrade writes the USSR (810) as SUN, which is no ISO 3166-1 code; an ISO code
    // the store does not know beside a code of a current country is still an error
    let (store, summary) = import(&format!(
        "{HEADER}{}{}",
        row(&[]),
        row(&[
            ("partnerCode", "810"),
            ("partnerISO", "SUN"),
            ("partnerDesc", "USSR")
        ])
    ));
    assert_eq!((summary.read, summary.written), (2, 2));
    assert_eq!(
        skips(&summary),
        vec![skip(
            "partner USSR (...1990) (810) has no ISO 3166-1 code: a former country or territory",
            1,
            3
        )]
    );
    assert_eq!(of(&store, "exports").len(), 1);
}

#[test]
fn an_hs_code_a_classic_file_wrote_without_its_leading_zero_gets_it_back() {
    // HS codes have 2, 4 or 6 digits: "1" is chapter 01, "101" heading 0101, "10121"
    // subheading 010121. SITC codes have any number of digits: "1" stays "1".
    let (store, _) = import(&format!(
        "{REDUCED_HEADER}H5,2019,2,Export,398,Kazakhstan,31,Azerbaijan,1,Animals,10,0\n\
         H5,2019,2,Export,398,Kazakhstan,31,Azerbaijan,101,Horses,20,0\n\
         H5,2019,2,Export,398,Kazakhstan,31,Azerbaijan,10121,Pure-bred,30,0\n\
         H5,2019,2,Export,398,Kazakhstan,31,Azerbaijan,2709,Oil,40,0\n\
         S4,2019,2,Export,398,Kazakhstan,31,Azerbaijan,1,Beverages and tobacco,50,0\n"
    ));
    let mut products: Vec<(String, f64)> = of(&store, "exports")
        .into_iter()
        .map(|o| (o.product, o.value))
        .collect();
    products.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        products,
        vec![
            ("01".to_owned(), 10.0),
            ("0101".to_owned(), 20.0),
            ("010121".to_owned(), 30.0),
            ("1".to_owned(), 50.0),
            ("2709".to_owned(), 40.0),
        ]
    );
}
