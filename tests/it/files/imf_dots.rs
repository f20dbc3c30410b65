//! The IMF's legacy Direction of Trade Statistics CSV: exports and imports land as the
//! catalogue's directed trade indicators, countries found by the IMF's names, statuses
//! matched to their own series; aggregates and other indicators are passed over with a
//! count, and a malformed file is an error naming its line and column that changes
//! nothing.

use std::path::{Path, PathBuf};

use bilateral::files::{imf_dots, Format, ImportOptions, ImportSummary, Progress, Stage};
use bilateral::{Error, Observation, ObservationFilter, OnDuplicate, Store};

const HEADER: &str = "Country Name,Country Code,Indicator Name,Indicator Code,\
Counterpart Country Name,Counterpart Country Code,Attribute,2024M1,2024M2,\n";

const EXPORTS: &str = "\"Goods, Value of Exports, Free on board (FOB), US Dollars\",TXG_FOB_USD";
const IMPORTS: &str =
    "\"Goods, Value of Imports, Cost, Insurance, Freight (CIF), US Dollars\",TMG_CIF_USD";

fn file_with(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("DOTS.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn import(text: &str) -> (Store, bilateral::Result<ImportSummary>) {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(dir.path(), text);
    let mut store = Store::in_memory().unwrap();
    let result = store.import_file(&path, None, &ImportOptions::default());
    (store, result)
}

/// The error of importing `text`, after checking that nothing was written.
fn refusal(text: &str) -> bilateral::ValidationError {
    let (store, Err(error)) = import(text) else {
        panic!("imported: {text}")
    };
    assert_eq!(store.observation_count().unwrap(), 0, "{error}");
    assert!(
        store
            .sources()
            .unwrap()
            .iter()
            .all(|s| s.id != imf_dots::SOURCE_ID),
        "{error}"
    );
    match error {
        Error::Validation(v) => *v,
        other => panic!("{other}"),
    }
}

fn of(store: &Store, indicator: &str) -> Vec<Observation> {
    store
        .observations(&ObservationFilter::indicator(indicator))
        .unwrap()
}

/// (origin, destination, period, value, status, note) of each observation, sorted.
type Figure = (String, String, String, f64, String, Option<String>);

fn figures(observations: &[Observation]) -> Vec<Figure> {
    let mut rows: Vec<Figure> = observations
        .iter()
        .map(|o| {
            (
                o.origin.clone(),
                o.destination.clone(),
                o.period.to_string(),
                o.value,
                o.status.code().to_owned(),
                o.note.clone(),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
    rows
}

fn figure(o: &str, d: &str, period: &str, value: f64, status: &str, note: Option<&str>) -> Figure {
    (
        o.to_owned(),
        d.to_owned(),
        period.to_owned(),
        value,
        status.to_owned(),
        note.map(str::to_owned),
    )
}

#[test]
fn the_export_is_told_by_its_header() {
    assert_eq!(Format::guess(HEADER), Some(Format::ImfDots));
    assert_eq!(Format::from_code("IMF-DOTS").unwrap(), Format::ImfDots);
    assert_eq!(Format::ImfDots.code(), "imf-dots");
}

#[test]
fn exports_go_from_the_reporter_and_imports_come_to_it() {
    let text = format!(
        "{HEADER}\
Germany,134,{EXPORTS},Canada,156,Value,1000,1200,\n\
Japan,158,{IMPORTS},United States,111,Value,,7000,\n"
    );
    let (store, summary) = import(&text);
    let summary = summary.unwrap();
    assert_eq!(summary.format, Some("imf-dots"));
    // Two rows; three figures, the empty January cell of Japan's imports being none.
    assert_eq!((summary.read, summary.written), (2, 3));
    assert_eq!(summary.skipped_rows(), 0);
    assert_eq!(
        figures(&of(&store, "exports")),
        vec![
            figure("DEU", "CAN", "2024-01", 1000.0, "actual", None),
            figure("DEU", "CAN", "2024-02", 1200.0, "actual", None),
        ]
    );
    // Japan reports its imports from the United States: from USA to JPN.
    assert_eq!(
        figures(&of(&store, "imports")),
        vec![figure("USA", "JPN", "2024-02", 7000.0, "actual", None)]
    );
    let exports = &of(&store, "exports")[0];
    assert_eq!(
        (exports.unit.as_str(), exports.product.as_str()),
        ("USD", "total")
    );
    assert_eq!(exports.source.as_deref(), Some(imf_dots::SOURCE_ID));
}

#[test]
fn a_status_row_goes_to_its_own_series_wherever_it_stands() {
    // France's Status row comes first and stands next to Italy's Value row; Italy has
    // no Status row. `e` is an estimate, `r` kept in the note.
    let text = format!(
        "{HEADER}\
France,132,{EXPORTS},Japan,158,Status,e,r,\n\
Italy,136,{EXPORTS},Japan,158,Value,10,20,\n\
France,132,{EXPORTS},Japan,158,Value,30,40,\n"
    );
    let (store, summary) = import(&text);
    let summary = summary.unwrap();
    assert_eq!((summary.read, summary.written), (3, 4));
    assert_eq!(
        figures(&of(&store, "exports")),
        vec![
            figure(
                "FRA",
                "JPN",
                "2024-01",
                30.0,
                "estimate",
                Some("IMF DOTS status: e")
            ),
            figure(
                "FRA",
                "JPN",
                "2024-02",
                40.0,
                "actual",
                Some("IMF DOTS status: r")
            ),
            figure("ITA", "JPN", "2024-01", 10.0, "actual", None),
            figure("ITA", "JPN", "2024-02", 20.0, "actual", None),
        ]
    );
}

#[test]
fn the_imfs_own_names_are_read_and_aggregates_passed_over_with_a_count() {
    let text = format!(
        "{HEADER}\
\"China, P.R.: Mainland\",924,{EXPORTS},\"Korea, Rep. of\",542,Value,5,6,\n\
\"Netherlands, The\",138,{EXPORTS},World,001,Value,7,8,\n\
\"Netherlands, The\",138,{EXPORTS},World,001,Status,r,r,\n\
Russian Federation,922,{EXPORTS},Advanced Economies,110,Value,1,2,\n\
Italy,136,{EXPORTS},Italy,136,Value,1,2,\n"
    );
    let (store, summary) = import(&text);
    let summary = summary.unwrap();
    assert_eq!((summary.read, summary.written), (5, 2));
    assert_eq!(
        figures(&of(&store, "exports")),
        vec![
            figure("CHN", "KOR", "2024-01", 5.0, "actual", None),
            figure("CHN", "KOR", "2024-02", 6.0, "actual", None),
        ]
    );
    let skipped: Vec<(&str, usize, usize)> = summary
        .skipped
        .iter()
        .map(|s| (s.reason.as_str(), s.rows, s.first_line))
        .collect();
    // The Status row of the Netherlands' exports to the World goes with its Value row.
    assert_eq!(
        skipped,
        vec![
            ("counterpart World is an aggregate, not a country", 2, 3),
            (
                "counterpart Advanced Economies is an aggregate, not a country",
                1,
                5
            ),
            ("counterpart is the country itself", 1, 6),
        ]
    );
}

#[test]
fn imports_valued_fob_and_the_trade_balance_are_passed_over_with_their_reason() {
    let text = format!(
        "{HEADER}\
Canada,156,\"Goods, Value of Imports, Free on board (FOB), US Dollars\",TMG_FOB_USD,Italy,136,Value,1,2,\n\
Canada,156,{IMPORTS},Italy,136,Value,3,4,\n\
Canada,156,\"Goods, Value of Trade Balance, US Dollars\",TBG_USD,Italy,136,Value,-5,-6,\n\
Canada,156,\"Goods, Value of Exports, Free on board (FOB), Euros\",TXG_FOB_EUR,Italy,136,Value,7,8,\n"
    );
    let (store, summary) = import(&text);
    let summary = summary.unwrap();
    assert_eq!((summary.read, summary.written), (4, 2));
    // Only the CIF figures: 3 and 4, from Italy to Canada.
    assert_eq!(
        figures(&of(&store, "imports")),
        vec![
            figure("ITA", "CAN", "2024-01", 3.0, "actual", None),
            figure("ITA", "CAN", "2024-02", 4.0, "actual", None),
        ]
    );
    let reasons: Vec<&str> = summary.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons.len(), 3);
    assert!(
        reasons[0].starts_with("TMG_FOB_USD (imports valued FOB)"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].starts_with("TBG_USD (trade balance)"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].starts_with("indicator TXG_FOB_EUR is not"),
        "{reasons:?}"
    );

    // A file of nothing stored adds no source.
    let (store, summary) = import(&format!(
        "{HEADER}Canada,156,{EXPORTS},World,001,Value,1,2,\n"
    ));
    assert_eq!(summary.unwrap().written, 0);
    let sources = store.sources().unwrap();
    assert!(sources.iter().all(|s| s.id != imf_dots::SOURCE_ID));
}

#[test]
fn a_status_row_without_its_value_row_is_refused() {
    // Germany's Status row is for its exports to Japan; the Value row beside it is to
    // Canada. Adjacency would give Canada's figures Japan's statuses.
    let v = refusal(&format!(
        "{HEADER}\
Germany,134,{EXPORTS},Canada,156,Value,1,2,\n\
Germany,134,{EXPORTS},Japan,158,Status,e,e,\n"
    ));
    assert_eq!(
        (v.field.as_str(), v.record, v.text.as_str()),
        ("Attribute", Some(3), "Status")
    );
    assert!(v.reason.contains("no Value row"), "{}", v.reason);
    assert!(v.reason.contains("Japan"), "{}", v.reason);
}

#[test]
fn a_second_value_row_of_a_series_is_refused() {
    let v = refusal(&format!(
        "{HEADER}\
Germany,134,{EXPORTS},Canada,156,Value,1,2,\n\
Germany,134,{EXPORTS},Canada,156,Value,3,4,\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("Attribute", Some(3)));
    assert!(v.reason.contains("line 2"), "{}", v.reason);
}

#[test]
fn an_unknown_country_name_is_refused_naming_line_column_and_name() {
    let v = refusal(&format!(
        "{HEADER}\
Germany,134,{EXPORTS},Canada,156,Value,1,2,\n\
Germany,134,{EXPORTS},Atlantis,999,Value,1,2,\n"
    ));
    assert_eq!(
        (v.field.as_str(), v.record, v.text.as_str()),
        ("Counterpart Country Name", Some(3), "Atlantis")
    );
    // A reader is pointed to the docs page on imports and to the list of name forms.
    assert!(
        v.reason.contains("docs/data-in-and-out.md")
            && v.reason.contains("bilateral::files::imf_dots::IMF_NAMES"),
        "{}",
        v.reason
    );
}

#[test]
fn the_trials_imf_name_forms_are_their_countries_and_former_countries_are_counted() {
    let forms = [
        ("Congo, Rep. of", "COG"),
        ("Congo, Dem. Rep. of the", "COD"),
        ("Korea, Dem. People's Rep. of", "PRK"),
        ("Türkiye, Rep. of", "TUR"),
        ("North Macedonia, Republic of", "MKD"),
        ("Micronesia, Fed. States of", "FSM"),
        ("Aruba, Kingdom of the Netherlands", "ABW"),
        ("Sint Maarten, Kingdom of the Netherlands", "SXM"),
        ("Ethiopia, The Federal Dem. Rep. of", "ETH"),
        ("São Tomé and Príncipe, Dem. Rep. of", "STP"),
    ];
    let mut text = HEADER.to_owned();
    for (n, (name, _)) in forms.iter().enumerate() {
        text.push_str(&format!(
            "Germany,134,{EXPORTS},\"{name}\",{},Value,{n},,\n",
            900 + n
        ));
    }
    let former = [
        "Serbia and Montenegro",
        "Belgium-Luxembourg",
        "Netherlands Antilles",
        "Czechoslovakia",
        "USSR",
        "Yugoslavia, SFR",
        "German Democratic Republic",
    ];
    for (n, name) in former.iter().enumerate() {
        text.push_str(&format!(
            "\"{name}\",{},{EXPORTS},Germany,134,Value,1,2,\n",
            800 + n
        ));
    }
    let (store, summary) = import(&text);
    let summary = summary.unwrap();
    // One figure per form (January, the value its place in the list), none of the former.
    assert_eq!((summary.read, summary.written), (17, 10));
    let expected: Vec<Figure> = {
        let mut rows: Vec<Figure> = forms
            .iter()
            .enumerate()
            .map(|(n, (_, alpha3))| figure("DEU", alpha3, "2024-01", n as f64, "actual", None))
            .collect();
        rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
        rows
    };
    assert_eq!(figures(&of(&store, "exports")), expected);
    let skipped: Vec<(String, usize, usize)> = summary
        .skipped
        .iter()
        .map(|s| (s.reason.clone(), s.rows, s.first_line))
        .collect();
    let expected: Vec<(String, usize, usize)> = former
        .iter()
        .enumerate()
        .map(|(n, name)| {
            (
                format!(
                    "country {name} is a former country or area, with no ISO 3166-1 code today"
                ),
                1,
                12 + n,
            )
        })
        .collect();
    assert_eq!(skipped, expected);
}

#[test]
fn a_name_beside_two_imf_codes_is_refused() {
    let v = refusal(&format!(
        "{HEADER}\
Germany,134,{EXPORTS},Canada,156,Value,1,2,\n\
Germany,136,{EXPORTS},France,132,Value,1,2,\n"
    ));
    assert_eq!(
        (v.field.as_str(), v.record, v.text.as_str()),
        ("Country Code", Some(3), "136")
    );
}

#[test]
fn figures_in_millions_or_not_in_us_dollars_are_refused() {
    let millions = "\"Goods, Value of Exports, Free on board (FOB), US Dollars, Millions\"";
    let v = refusal(&format!(
        "{HEADER}Germany,134,{millions},TXG_FOB_USD,Canada,156,Value,1,2,\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("Indicator Name", Some(2)));
    assert!(v.reason.contains("millions"), "{}", v.reason);

    let euros = "\"Goods, Value of Exports, Free on board (FOB), Euros\"";
    let v = refusal(&format!(
        "{HEADER}Germany,134,{euros},TXG_FOB_USD,Canada,156,Value,1,2,\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("Indicator Name", Some(2)));
    assert!(v.reason.contains("US Dollars"), "{}", v.reason);

    let v = refusal(&format!(
        "Country Name,Country Code,Indicator Name,Indicator Code,Counterpart Country Name,\
Counterpart Country Code,Attribute,Scale,2024M1,\n\
Germany,134,{EXPORTS},Canada,156,Value,Millions,1,\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("Scale", Some(1)));
}

#[test]
fn a_bad_number_is_refused_naming_its_period_column() {
    let v = refusal(&format!(
        "{HEADER}\
Germany,134,{EXPORTS},Canada,156,Value,1,2,\n\
Germany,134,{EXPORTS},France,132,Value,1,\"2,5\",\n"
    ));
    assert_eq!(
        (v.field.as_str(), v.record, v.text.as_str()),
        ("2024M2", Some(3), "2,5")
    );
    let v = refusal(&format!(
        "{HEADER}Germany,134,{EXPORTS},Canada,156,Value,-1,2,\n"
    ));
    assert_eq!((v.field.as_str(), v.text.as_str()), ("2024M1", "-1"));
    // A number in a Status row: a Value row mislabelled.
    let v = refusal(&format!(
        "{HEADER}\
Germany,134,{EXPORTS},Canada,156,Value,1,2,\n\
Germany,134,{EXPORTS},Canada,156,Status,1,2,\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("2024M1", Some(3)));
}

#[test]
fn text_past_the_header_is_refused() {
    // The header ends with an empty column; a cell under it, or past it, would sit
    // under no period.
    let v = refusal(&format!(
        "{HEADER}Germany,134,{EXPORTS},Canada,156,Value,1,2,3\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("row", Some(2)));
    assert!(v.reason.contains("without a name"), "{}", v.reason);
    let v = refusal(&format!(
        "{HEADER}Germany,134,{EXPORTS},Canada,156,Value,1,2,,4\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("row", Some(2)));
    assert!(v.reason.contains("past the header"), "{}", v.reason);
    let v = refusal(&format!(
        "{HEADER}Germany,134,{EXPORTS},Canada,156,Value,1\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("row", Some(2)));
}

#[test]
fn an_attribute_other_than_value_or_status_and_a_column_not_a_period_are_refused() {
    let v = refusal(&format!(
        "{HEADER}Germany,134,{EXPORTS},Canada,156,Footnote,x,y,\n"
    ));
    assert_eq!(
        (v.field.as_str(), v.record, v.text.as_str()),
        ("Attribute", Some(2), "Footnote")
    );
    let v = refusal(&format!(
        "Country Name,Country Code,Indicator Name,Indicator Code,Counterpart Country Name,\
Counterpart Country Code,Attribute,2024M1,Notes\n\
Germany,134,{EXPORTS},Canada,156,Value,1,\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("Notes", Some(1)));
}

#[test]
fn every_imf_name_form_is_a_country_the_store_lacks_by_that_name_and_listed_in_the_docs() {
    let store = Store::in_memory().unwrap();
    let source = include_str!("../../../src/files/imf_dots.rs");
    for (name, alpha3) in imf_dots::IMF_NAMES {
        assert_eq!(store.country(alpha3).unwrap().alpha3, alpha3, "{name}");
        // Listed because the store's own names lack it.
        assert!(store.country(name).is_err(), "{name} needs no entry");
        assert!(
            source.contains(&format!("//! | {name} | {alpha3} |")),
            "{name} is not in the module documentation's table"
        );
    }
}

#[test]
fn the_real_export_of_g7_trade_imports_with_the_figures_read_off_the_file() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realdata/imf_dots_legacy_wide.csv");
    if !path.exists() {
        eprintln!(
            "skipped: ../shared/realdata is absent (the real files are not part of the project)"
        );
        return;
    }
    let mut store = Store::in_memory().unwrap();
    assert_eq!(Format::of_file(&path).unwrap(), Format::ImfDots);
    let summary = store
        .import_file(&path, None, &ImportOptions::default())
        .unwrap();
    // F=imf_dots_legacy_wide.csv (CRLF line endings, no newline after the last line):
    // awk 'END{print NR-1}' $F                        -> 180 data rows
    // tr -d '\r' <$F | grep -c ',TXG_FOB_USD,.*,Value,' -> 42; TMG_CIF_USD: 42;
    //   TBG_USD: 42; TMG_FOB_USD: 6
    // tr -d '\r' <$F | grep -cE ',Value,,$'            -> 0 empty values: 42 + 42 = 84 figures
    // tr -d '\r' <$F | grep -cE ',Status,r,$'          -> 36; ',Status,,$' -> 12 (48 Status
    //   rows, all of TXG_FOB_USD or TMG_CIF_USD series, none of the passed-over ones)
    assert_eq!((summary.read, summary.written), (180, 84));
    let skipped: Vec<(&str, usize)> = summary
        .skipped
        .iter()
        .map(|s| (&s.reason[..7], s.rows))
        .collect();
    // TMG_FOB_USD first appears on line 38, TBG_USD on line 140 (grep -n).
    assert_eq!(skipped, vec![("TMG_FOB", 6), ("TBG_USD", 42)]);
    assert_eq!(
        summary
            .skipped
            .iter()
            .map(|s| s.first_line)
            .collect::<Vec<_>>(),
        vec![38, 140]
    );
    let exports = figures(&of(&store, "exports"));
    let imports = figures(&of(&store, "imports"));
    assert_eq!((exports.len(), imports.len()), (42, 42));
    let r = Some("IMF DOTS status: r");
    // Lines 5-6: Germany's exports to Canada, 1058843775, status r.
    assert!(exports.contains(&figure(
        "DEU",
        "CAN",
        "2024-02",
        1_058_843_775.0,
        "actual",
        r
    )));
    // Lines 2-3: the United Kingdom's exports to France, 2466848948, an empty status.
    assert!(exports.contains(&figure(
        "GBR",
        "FRA",
        "2024-02",
        2_466_848_948.0,
        "actual",
        None
    )));
    // Line 15: Japan's imports from the United States, 6910880851, no Status row.
    assert!(imports.contains(&figure(
        "USA",
        "JPN",
        "2024-02",
        6_910_880_851.0,
        "actual",
        None
    )));
    // Lines 16-17: Italy's imports from France, 4526605008, status r.
    assert!(imports.contains(&figure(
        "FRA",
        "ITA",
        "2024-02",
        4_526_605_008.0,
        "actual",
        r
    )));
    // Line 111: Canada's imports from the United Kingdom valued CIF, 596876172; the FOB
    // figure of line 38, 563090728, is not stored.
    let canada_from_uk: Vec<f64> = imports
        .iter()
        .filter(|f| (f.0.as_str(), f.1.as_str()) == ("GBR", "CAN"))
        .map(|f| f.3)
        .collect();
    assert_eq!(canada_from_uk, vec![596_876_172.0]);
    // 18 exports and 18 imports carry status r (grep -cE 'TXG_FOB_USD,.*,Status,r,$').
    let noted = |figures: &[Figure]| figures.iter().filter(|f| f.5.as_deref() == r).count();
    assert_eq!((noted(&exports), noted(&imports)), (18, 18));
    assert!(exports.iter().chain(&imports).all(|f| f.4 == "actual"));
    let units: Vec<String> = of(&store, "exports")
        .iter()
        .map(|o| o.unit.clone())
        .collect();
    assert!(units.iter().all(|u| u == "USD"));

    // Every figure equals a parse of the file by hand: each line split around its one
    // quoted cell (the Indicator Name), the seven G7 names mapped to ISO below.
    let text = std::fs::read_to_string(&path).unwrap();
    let iso = |name: &str| match name {
        "Canada" => "CAN",
        "France" => "FRA",
        "Germany" => "DEU",
        "Italy" => "ITA",
        "Japan" => "JPN",
        "United Kingdom" => "GBR",
        "United States" => "USA",
        other => panic!("{other} is not a G7 country"),
    };
    // (reporter, indicator code, counterpart, series key, attribute, cell of 2024M2) of
    // each data line.
    let lines: Vec<[String; 6]> = text
        .lines()
        .skip(1)
        .map(|line| {
            let (reporter, rest) = line.split_once(",\"").unwrap();
            let (name, rest) = rest.split_once("\",").unwrap();
            let cells: Vec<&str> = rest.split(',').collect();
            // Indicator Code, Counterpart Name, Counterpart Code, Attribute, 2024M2, "".
            assert_eq!(cells.len(), 6, "{line}");
            let key = format!("{reporter}|{name}|{}|{}|{}", cells[0], cells[1], cells[2]);
            let reporter = reporter.split(',').next().unwrap();
            [reporter, cells[0], cells[1], &key, cells[3], cells[4]].map(str::to_owned)
        })
        .collect();
    let mut expected: Vec<(String, Figure)> = Vec::new();
    for [reporter, code, counterpart, key, attribute, cell] in &lines {
        let indicator = match code.as_str() {
            "TXG_FOB_USD" => "exports",
            "TMG_CIF_USD" => "imports",
            _ => continue,
        };
        if attribute != "Value" {
            continue;
        }
        let status = lines
            .iter()
            .find(|l| &l[3] == key && l[4] == "Status")
            .map(|l| l[5].as_str())
            .filter(|s| !s.is_empty());
        let (origin, destination) = match indicator {
            "exports" => (iso(reporter), iso(counterpart)),
            _ => (iso(counterpart), iso(reporter)),
        };
        let note = status.map(|s| format!("IMF DOTS status: {s}"));
        let state = if status == Some("e") {
            "estimate"
        } else {
            "actual"
        };
        let value: f64 = cell.parse().unwrap();
        expected.push((
            indicator.to_owned(),
            figure(
                origin,
                destination,
                "2024-02",
                value,
                state,
                note.as_deref(),
            ),
        ));
    }
    let mut stored: Vec<(String, Figure)> = exports
        .iter()
        .map(|f| ("exports".to_owned(), f.clone()))
        .chain(imports.iter().map(|f| ("imports".to_owned(), f.clone())))
        .collect();
    expected.sort_by(|a, b| a.partial_cmp(b).unwrap());
    stored.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(expected.len(), 84);
    assert_eq!(stored, expected);

    // Imported again, every figure is already stored.
    let skip = ImportOptions {
        on_duplicate: OnDuplicate::Skip,
        ..ImportOptions::default()
    };
    let again = store.import_file(&path, None, &skip).unwrap();
    assert_eq!(again.written, 0);
    let already = again.skipped.iter().find(|s| s.reason == "already stored");
    assert_eq!(already.map(|s| s.rows), Some(84));
}

#[test]
fn two_columns_of_one_period_are_refused() {
    let v = refusal(&format!(
        "Country Name,Country Code,Indicator Name,Indicator Code,Counterpart Country Name,\
Counterpart Country Code,Attribute,2024M2,2024M02\n\
Germany,134,{EXPORTS},Canada,156,Value,1,2\n"
    ));
    assert_eq!((v.field.as_str(), v.record), ("2024M02", Some(1)));
    assert!(v.reason.contains("2024M2"), "{}", v.reason);
}

#[test]
fn a_progress_callback_that_says_stop_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(
        dir.path(),
        &format!("{HEADER}Germany,134,{EXPORTS},Canada,156,Value,1,2,\n"),
    );
    let stages = std::cell::RefCell::new(Vec::new());
    let mut store = Store::in_memory().unwrap();
    let listen = |p: Progress| {
        stages.borrow_mut().push(p.stage);
        true
    };
    let options = ImportOptions {
        progress: Some(&listen),
        ..ImportOptions::default()
    };
    store.import_file(&path, None, &options).unwrap();
    assert_eq!(stages.borrow().first(), Some(&Stage::Reading));
    assert_eq!(stages.borrow().last(), Some(&Stage::Writing));

    let mut store = Store::in_memory().unwrap();
    let stop = |_: Progress| false;
    let options = ImportOptions {
        progress: Some(&stop),
        ..ImportOptions::default()
    };
    let error = store.import_file(&path, None, &options).unwrap_err();
    assert!(matches!(error, Error::Interrupted), "{error}");
    assert_eq!(store.observation_count().unwrap(), 0);
}

#[test]
fn years_quarters_and_months_are_periods_and_a_byte_order_mark_is_read_past() {
    let text = format!(
        "\u{feff}Country Name,Country Code,Indicator Name,Indicator Code,\
Counterpart Country Name,Counterpart Country Code,Attribute,2023,2024Q1,2024M2,\n\
Germany,134,{EXPORTS},Canada,156,Value,12,3,1,\n"
    );
    let (store, summary) = import(&text);
    assert_eq!(summary.unwrap().written, 3);
    let periods: Vec<String> = figures(&of(&store, "exports"))
        .into_iter()
        .map(|f| f.2)
        .collect();
    assert_eq!(periods, ["2023", "2024-02", "2024-Q1"]);
}
