//! A generated pair as statistics offices publish it (800 products, twenty years of
//! months and quarters, see `common::generated_store`): the report names the largest
//! products and sums the rest, tells a monthly or quarterly series by its latest period
//! and its year to date, draws it, and follows the report options.

use crate::common::*;
use bilateral::report::{ChartKind, Report, ReportOptions, Section};
use bilateral::{Error, Period, Store};

fn generated_report(options: &ReportOptions) -> Report {
    generated_store()
        .report_with("GEO", "ARM", options)
        .expect("the generated report builds")
}

fn section<'a>(report: &'a Report, id: &str) -> &'a Section {
    report
        .sections
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("a section {id}"))
}

fn texts(section: &Section) -> Vec<&str> {
    section.sentences.iter().map(|s| s.text.as_str()).collect()
}

fn period(text: &str) -> Period {
    text.parse().expect("a period")
}

#[test]
fn the_ten_largest_products_are_named_and_the_other_790_summed() {
    let report = generated_report(&ReportOptions::default());
    let trade = texts(section(&report, "trade"));
    let products: Vec<&&str> = trade.iter().filter(|t| t.starts_with("Exports")).collect();
    // ten named products and one sentence on the others
    assert_eq!(products.len(), 11, "{products:#?}");
    // the largest in 2024 are p790 … p799: 1,000 × (p + 1) grows with p
    for p in 790..800 {
        assert!(
            products
                .iter()
                .any(|t| t.starts_with(&format!("Exports of p{p} "))),
            "p{p} named"
        );
    }
    // named largest first: p799 ($800,000), p798 ($799,000) … p790
    let order: Vec<&str> = products[..10]
        .iter()
        .map(|t| t.split(' ').nth(2).unwrap())
        .collect();
    let expected: Vec<String> = (790..800).rev().map(|p| format!("p{p}")).collect();
    assert_eq!(order, expected);
    // p0 … p789: 1,000 × (1 + 2 + … + 790) = 1,000 × 790 × 791 / 2 = 312,445,000, each
    // ±500, so bounds 312,445,000 ∓ 790 × 500 = [312,050,000, 312,840,000]; shown with
    // the prose's three significant digits, the low end rounded down and the high end up
    assert_eq!(
        *products[10],
        "Exports of the other 790 products from Georgia to Armenia came to $312 million \
         [$312 million, $313 million] in 2024; the largest 50 are in the appendix, every \
         one in the report's full record."
    );
}

#[test]
fn top_sets_how_many_products_are_named() {
    let report = generated_report(&ReportOptions::default().top(3));
    let trade = texts(section(&report, "trade"));
    let products: Vec<&&str> = trade.iter().filter(|t| t.starts_with("Exports")).collect();
    assert_eq!(products.len(), 4, "{products:#?}");
    assert!(products[3].starts_with("Exports of the other 797 products"));

    let none = generated_report(&ReportOptions::default().top(0));
    let trade = texts(section(&none, "trade"));
    let products: Vec<&&str> = trade.iter().filter(|t| t.starts_with("Exports")).collect();
    // every product: 1,000 × 800 × 801 / 2 = 320,400,000
    assert_eq!(products.len(), 1, "{products:#?}");
    assert!(
        products[0].starts_with(
            "Exports of the other 800 products from Georgia to Armenia came to $320 million"
        ),
        "{}",
        products[0]
    );
}

#[test]
fn the_appendix_lists_the_named_and_the_50_largest_other_products_and_the_section_only_the_named() {
    let report = generated_report(&ReportOptions::default());
    let appendix = section(&report, "products");
    assert_eq!(
        report.sections.last().map(|s| s.id.as_str()),
        Some("products")
    );
    // the ten named products and the 50 largest others (p740 … p799, largest in 2024),
    // each with its 2 years: 60 × 2 = 120 rows of the 800 × 2 = 1,600 figures
    let table = &appendix.tables[0];
    assert_eq!(table.rows.len(), 120);
    let product_column = table
        .columns
        .iter()
        .position(|c| c.name == "product")
        .unwrap();
    let smallest_listed = table
        .rows
        .iter()
        .filter_map(|r| match &r[product_column] {
            bilateral::report::Cell::Text(p) => Some(p.clone()),
            _ => None,
        })
        .min()
        .unwrap();
    assert_eq!(smallest_listed, "p740");
    // the other 740 products (p000 … p739), 2 figures each: 1,480 figures left out
    let footnote = table.footnote.as_deref().unwrap();
    assert!(
        footnote.starts_with(
            "Products not listed here: Exports from Georgia to Armenia, 740 smaller products \
             (1,480 figures). Every figure is in the report's full record"
        ),
        "{footnote}"
    );
    // the full record has every one: 1,600 product figures
    let products = (0..report.figures.len())
        .filter(|&i| report.figures.observation(i).product != "total")
        .count();
    assert_eq!(products, 1_600);
    let figures = &section(&report, "trade").tables[0];
    let product_column = figures
        .columns
        .iter()
        .position(|c| c.name == "product")
        .unwrap();
    let product_rows = figures
        .rows
        .iter()
        .filter(|r| r[product_column] != bilateral::report::Cell::Text("total".into()))
        .count();
    // the ten named products × 2 years
    assert_eq!(product_rows, 20);
}

#[test]
fn a_monthly_series_is_told_by_its_latest_month_and_its_year_to_date() {
    let report = generated_report(&ReportOptions::default());
    let trade = texts(section(&report, "trade"));
    // November: 24,000,000 + 11,000 against 23,011,000: 24.011 / 23.011 − 1 = 4.35 %;
    // five digits each, so three in prose: $24.0 million and $23.0 million
    assert_eq!(
        trade[0],
        "Trade turnover reached $24.0 million in November 2024, up 4.3 % on $23.0 million in \
         November 2023."
    );
    // 11 × 24,000,000 + 1,000 × (1 + … + 11) = 264,000,000 + 66,000 = 264,066,000;
    // 2023: 253,066,000; 264.066 / 253.066 − 1 = 4.35 %
    assert_eq!(
        trade[1],
        "In January–November 2024 it came to $264 million, up 4.3 % on $253 million in \
         January–November 2023."
    );
    // two sentences on turnover (not 227 on each month against a year earlier), ten
    // products, the other products
    assert_eq!(trade.len(), 13, "{trade:#?}");
    let growth = &section(&report, "trade").tables[1];
    // November 2024 and the ten products' 2024
    assert_eq!(growth.rows.len(), 11);
}

#[test]
fn a_quarterly_series_is_told_by_its_latest_quarter_and_its_year_to_date() {
    let report = generated_report(&ReportOptions::default());
    let transport = texts(section(&report, "transport"));
    // 24 × 1,000 + 3 × 100 = 24,300 t against 23,300 t: 1,000 / 23,300 = 4.29 %
    // the year: 3 × 24,000 + 600 = 72,600 t against 69,600 t: 3,000 / 69,600 = 4.31 %
    assert_eq!(
        transport,
        [
            "Rail cargo reached 24,300 t in the third quarter of 2024, up 4.3 % on 23,300 t in \
             the third quarter of 2023.",
            "In January–September 2024 it came to 72,600 t, up 4.3 % on 69,600 t in \
             January–September 2023."
        ]
    );
}

#[test]
fn a_month_with_no_change_reads_the_same_as_a_year_earlier() {
    let report = generated_report(&ReportOptions::default());
    let people = texts(section(&report, "people"));
    // the generator gives every November 10,000 + 100 × 11 = 11,100 visitors from Georgia
    assert!(people.contains(
        // no rise: the visitors "were" 11,100, they did not "reach" it
        &"Visitors from Georgia to Armenia were 11,100 in November 2024, the same as 11,100 \
          in November 2023."
    ));
    assert!(report.headline.iter().any(|s| s.text.starts_with(
        "Visitors from Georgia to Armenia: 11,100 in November 2024, \
                                     the same as in November 2023."
    )));
}

#[test]
fn both_directions_of_a_monthly_series_are_compared_once() {
    let report = generated_report(&ReportOptions::default());
    let people = texts(section(&report, "people"));
    let compared: Vec<&&str> = people
        .iter()
        .filter(|t| t.contains("times as many as"))
        .collect();
    // November 2024: 10,000 + 1,100 against 5,000 + 1,100; 11,100 / 6,100 = 1.82 → 1.8
    // (two digits, as 11,100 and 6,100 have three and two); 11,100 − 6,100 = 5,000
    assert_eq!(compared.len(), 1, "{people:#?}");
    assert!(compared[0].contains(
        "visitors from Georgia to Armenia (11,100) were 1.8 times as many as visitors from \
         Armenia to Georgia (6,100)"
    ));
    assert!(compared[0].ends_with("5,000 more."));
    // each direction: latest, year to date, per 1,000 residents; and the comparison
    assert_eq!(people.len(), 7, "{people:#?}");
}

#[test]
fn monthly_and_quarterly_series_get_line_charts() {
    let report = generated_report(&ReportOptions::default());
    let line = |id: &str, indicator: &str, origin: &str| {
        section(&report, id)
            .charts
            .iter()
            .find(|c| {
                c.kind == ChartKind::Series
                    && c.indicator.as_deref() == Some(indicator)
                    && c.origin.as_deref() == Some(origin)
            })
            .unwrap_or_else(|| panic!("a line chart of {indicator} from {origin}"))
            .series[0]
            .points
            .len()
    };
    // 19 whole years and eleven months of 2024: 19 × 12 + 11 = 239
    assert_eq!(line("trade", "turnover", "ARM"), 239);
    assert_eq!(line("people", "visitors", "GEO"), 239);
    assert_eq!(line("people", "visitors", "ARM"), 239);
    // 19 × 4 + 3 = 79 quarters
    assert_eq!(line("transport", "rail_cargo", "ARM"), 79);
    // the two directions side by side: the last twelve months
    let directions = section(&report, "people")
        .charts
        .iter()
        .find(|c| c.kind == ChartKind::Directions)
        .expect("a two-directions chart");
    assert_eq!(directions.series[0].points.len(), 12);
    assert_eq!(directions.series[0].points[11].label, "2024-11");
}

#[test]
fn a_directed_series_without_targets_gets_a_chart_the_directions_chart_does_not_replace() {
    let mut store = synthetic();
    for (origin, destination, year, value) in [
        ("GEO", "ARM", "2022", 100.0),
        ("GEO", "ARM", "2023", 120.0),
        ("GEO", "ARM", "2024", 150.0),
        ("ARM", "GEO", "2024", 90.0),
    ] {
        store
            .add(&bilateral::NewObservation::new(
                "visitors",
                origin,
                destination,
                year,
                value,
            ))
            .unwrap();
    }
    let report = store.report("GEO", "ARM").unwrap();
    let charts: Vec<_> = report.sections.iter().flat_map(|s| &s.charts).collect();
    // Georgia → Armenia has three years, of which the directions chart shows 2024 only;
    // Armenia → Georgia's one year makes no line
    let lines: Vec<_> = charts
        .iter()
        .filter(|c| c.kind == ChartKind::Series)
        .collect();
    assert_eq!(lines.len(), 1, "{charts:#?}");
    assert_eq!(lines[0].origin.as_deref(), Some("GEO"));
    assert_eq!(lines[0].series[0].points.len(), 3);

    // when both directions have every year, the directions chart shows them all: with
    // remittances leading the people slots of the Summary (money before persons), the
    // visitors get no line of their own
    for (origin, destination, indicator, year, value) in [
        ("ARM", "GEO", "visitors", "2022", 80.0),
        ("ARM", "GEO", "visitors", "2023", 85.0),
        ("GEO", "ARM", "remittances", "2024", 5e6),
        ("ARM", "GEO", "remittances", "2024", 4e6),
    ] {
        store
            .add(&bilateral::NewObservation::new(
                indicator,
                origin,
                destination,
                year,
                value,
            ))
            .unwrap();
    }
    let report = store.report("GEO", "ARM").unwrap();
    let kinds: Vec<ChartKind> = report
        .sections
        .iter()
        .flat_map(|s| &s.charts)
        .filter(|c| c.indicator.as_deref() == Some("visitors"))
        .map(|c| c.kind)
        .collect();
    assert_eq!(kinds, [ChartKind::Directions]);
}

#[test]
fn since_and_until_limit_the_figures_shown() {
    let options = ReportOptions::default()
        .since(period("2020"))
        .until(period("2023"));
    let report = generated_report(&options);
    assert!(!report.notes.is_empty());
    for note in &report.notes {
        assert!(note.period.start() >= period("2020").start(), "{note:?}");
        assert!(note.period.end() <= period("2023").end(), "{note:?}");
    }
    // the latest turnover is December 2023: 23,000,000 + 12,000; its year to date is
    // the year: 12 × 23,000,000 + 1,000 × 78 = 276,078,000
    let trade = texts(section(&report, "trade"));
    assert!(
        trade[0].starts_with("Trade turnover reached $23.0 million in December 2023,"),
        "{trade:#?}"
    );
    assert!(
        trade[1].starts_with("In 2023 it came to $276 million"),
        "{trade:#?}"
    );
    // 2023 figures of products only: 2023 of the ten named and the 50 largest others
    assert_eq!(section(&report, "products").tables[0].rows.len(), 60);
}

#[test]
fn topics_keep_only_their_sections_and_title_replaces_the_title() {
    let options = ReportOptions::default()
        .topics(["people", "transport"])
        .title("Georgia and Armenia: people and freight");
    let report = generated_report(&options);
    let ids: Vec<&str> = report.sections.iter().map(|s| s.id.as_str()).collect();
    // in the store's section order; no products, so no appendix
    assert_eq!(ids, ["transport", "people"]);
    assert_eq!(report.title, "Georgia and Armenia: people and freight");
    assert!(report.headline.iter().all(|s| !s.text.contains("Trade")));
}

#[test]
fn bad_options_are_a_validation_error_naming_the_option() {
    let store = generated_store();
    let field = |options: ReportOptions| match store.report_with("GEO", "ARM", &options) {
        Err(Error::Validation(v)) => v.field.clone(),
        other => panic!("{options:?}: {other:?}"),
    };
    assert_eq!(
        field(
            ReportOptions::default()
                .since(period("2024"))
                .until(period("2023"))
        ),
        "until"
    );
    assert_eq!(field(ReportOptions::default().topics(["tarde"])), "topics");
    assert_eq!(
        field(ReportOptions::default().topics(Vec::<String>::new())),
        "topics"
    );
    assert_eq!(field(ReportOptions::default().title("  ")), "title");
}

#[test]
fn options_do_not_change_the_built_in_report_by_default() {
    let store = Store::demo().unwrap();
    let plain = store.report("AZE", "KAZ").unwrap();
    let with_defaults = store
        .report_with("AZE", "KAZ", &ReportOptions::default())
        .unwrap();
    assert_eq!(plain, with_defaults);
    // the built-in pair has fewer than ten products a series: no appendix
    assert!(plain.sections.iter().all(|s| s.id != "products"));
}

#[test]
#[ignore = "writes the generated report to /tmp/generated.{md,html} to look at"]
fn print_generated_report() {
    let report = generated_report(&ReportOptions::default());
    std::fs::write("/tmp/generated.md", report.to_markdown()).unwrap();
    std::fs::write("/tmp/generated.html", report.to_html()).unwrap();
}
