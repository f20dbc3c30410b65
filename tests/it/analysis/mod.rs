//! The reports against numbers worked out by hand: first the article's figures in the
//! built-in dataset (`Store::demo()`), then small synthetic series on a fresh store, then
//! properties of random series.
//!
//! Every expected number is written as the arithmetic that gives it, from the figures
//! of the dataset or of the test, with the result in a comment. Ratios are fractions
//! (`rate`, `relative_gap`, `cagr`, `share`: −0.0419 is −4.19 %); `ratio` and `multiple`
//! are quotients (1.25 is a quarter more).
//!
//! Bounds of the inputs follow the qualifier rule (u is the unit of the last significant
//! digit): exact [v, v], approx [v − u/2, v + u/2], over [v, v + u], nearly and under
//! [v − u, v], never below zero for an unsigned indicator.

mod claims;
mod consistency;

use bilateral::{
    Basis, Error, Indicator, Kind, NewObservation, Period, Qualifier, SeriesFilter, Status, Store,
};
use proptest::prelude::*;

use crate::common::synthetic;

// ----- helpers ----------------------------------------------------------------------------------

/// Asserts `actual` equals `expected` within a relative tolerance of 1e-9.
#[track_caller]
fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9 * expected.abs().max(1.0),
        "{actual} is not {expected}"
    );
}

/// Asserts `actual` is `Some` and equals `expected` within the tolerance.
#[track_caller]
fn assert_some_close(actual: Option<f64>, expected: f64) {
    match actual {
        Some(a) => assert_close(a, expected),
        None => panic!("None is not {expected}"),
    }
}

fn p(text: &str) -> Period {
    text.parse()
        .unwrap_or_else(|e| panic!("{text} is a period: {e}"))
}

/// The one row of `rows` for `period`.
#[track_caller]
fn row<'a, T: std::fmt::Debug>(rows: &'a [T], period: &str, period_of: fn(&T) -> Period) -> &'a T {
    let wanted = p(period);
    let found: Vec<&T> = rows.iter().filter(|r| period_of(r) == wanted).collect();
    assert_eq!(found.len(), 1, "one row for {period} in {rows:#?}");
    found[0]
}

fn demo() -> Store {
    Store::demo().expect("the built-in dataset loads")
}

fn q(indicator: &str, origin: &str, destination: &str) -> SeriesFilter {
    SeriesFilter::series(indicator, origin, destination)
}

/// Adds an exact actual figure.
fn add(store: &mut Store, indicator: &str, pair: (&str, &str), period: &str, value: f64) {
    add_as(store, indicator, pair, period, value, "actual", "exact");
}

/// Adds a figure with the given status and qualifier.
fn add_as(
    store: &mut Store,
    indicator: &str,
    (origin, destination): (&str, &str),
    period: &str,
    value: f64,
    status: &str,
    qualifier: &str,
) {
    let mut obs = NewObservation::new(indicator, origin, destination, period, value);
    obs.status = Some(status.to_owned());
    obs.qualifier = Some(qualifier.to_owned());
    store
        .add(&obs)
        .unwrap_or_else(|e| panic!("{indicator} {period} {status}: {e}"));
}

/// The validation details of an error that must be a validation error.
#[track_caller]
fn validation<T: std::fmt::Debug>(result: bilateral::Result<T>) -> bilateral::ValidationError {
    match result {
        Err(Error::Validation(v)) => *v,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// The `(what, key)` of an error that must be a not-found error.
#[track_caller]
fn not_found<T: std::fmt::Debug>(result: bilateral::Result<T>) -> (&'static str, String) {
    match result {
        Err(Error::NotFound { what, key }) => (what, key),
        other => panic!("expected a not-found error, got {other:?}"),
    }
}

const AZE: &str = "AZE";
const KAZ: &str = "KAZ";

// World Bank population (data/population.csv), the latest year the store has.
const AZE_2024: f64 = 10_202_830.0;
const KAZ_2024: f64 = 20_592_571.0;

// ----- growth on the article's figures ----------------------------------------------------------

#[test]
fn trade_turnover_fell_4_19_percent_in_2024_against_2023() {
    let rows = demo().growth(&q("trade_turnover", AZE, KAZ)).unwrap();
    let r = row(&rows, "2024", |r| r.period);
    assert_eq!(r.base_period, Some(p("2023")));
    assert_eq!(r.base_value, Some(556_700_000.0));
    assert_eq!(r.status, Status::Actual);
    // 533.4 − 556.7 = −23.3 million; both exact, so the bounds are the change itself
    assert_some_close(r.change, -23_300_000.0);
    assert_some_close(r.change_low, -23_300_000.0);
    assert_some_close(r.change_high, -23_300_000.0);
    // 533.4 / 556.7 = 0.958146…; (0.958146 − 1) × 100 = −4.185 %
    assert_some_close(r.multiple, 533.4 / 556.7);
    assert_some_close(r.rate, 533.4 / 556.7 - 1.0);
    assert_some_close(r.rate_low, 533.4 / 556.7 - 1.0);
    assert_some_close(r.rate_high, 533.4 / 556.7 - 1.0);
    assert!((r.rate.unwrap() - -0.04185).abs() < 0.00001);
}

#[test]
fn trade_turnover_in_2023_has_no_base_year() {
    let rows = demo().growth(&q("trade_turnover", AZE, KAZ)).unwrap();
    let r = row(&rows, "2023", |r| r.period);
    assert_eq!(r.value, 556_700_000.0);
    assert_eq!(
        (r.base_period, r.base_value, r.multiple),
        (None, None, None)
    );
    assert_eq!((r.change, r.change_low, r.change_high), (None, None, None));
    assert_eq!((r.rate, r.rate_low, r.rate_high), (None, None, None));
}

#[test]
fn growth_compares_same_months_one_year_earlier() {
    let mut store = synthetic();
    add(
        &mut store,
        "trade",
        ("AZE", "KAZ"),
        "2024-01/2024-08",
        160e6,
    );
    add(&mut store, "trade", ("AZE", "KAZ"), "2024", 500e6);
    add_as(
        &mut store,
        "trade",
        ("AZE", "KAZ"),
        "2025-01/2025-08",
        200e6,
        "actual",
        "over",
    );
    let rows = store.growth(&q("trade", "AZE", "KAZ")).unwrap();
    let r = row(&rows, "2025-01/2025-08", |r| r.period);
    // January–August 2025 against January–August 2024, not against the whole of 2024
    assert_eq!(r.base_period, Some(p("2024-01/2024-08")));
    assert_eq!(r.base_value, Some(160e6));
    // over 200 million is [200, 300] million: 200 / 160 = 1.25, 300 / 160 = 1.875
    assert_some_close(r.multiple, 1.25);
    assert_some_close(r.rate, 0.25);
    assert_some_close(r.rate_low, 0.25);
    assert_some_close(r.rate_high, 0.875);
    assert_some_close(r.change, 40e6);
    assert_some_close(r.change_high, 140e6);
}

#[test]
fn january_to_august_2025_trade_has_no_base_since_no_2024_figure_was_published() {
    let rows = demo().growth(&q("trade_turnover", AZE, KAZ)).unwrap();
    let r = row(&rows, "2025-01/2025-08", |r| r.period);
    // "more than tripling" is a claim, not a figure: growth is not computed from it
    assert_eq!((r.base_period, r.rate), (None, None));
    assert_eq!(rows.len(), 3, "2023, 2024, Jan–Aug 2025");
}

// ----- change on the article's figures ----------------------------------------------------------

#[test]
fn corridor_cargo_grew_5_625_times_from_2020_to_2024_at_54_percent_a_year() {
    let c = demo()
        .change(&q("corridor_cargo", AZE, KAZ), "2020", "2024")
        .unwrap();
    assert_eq!((c.start, c.end), (p("2020"), p("2024")));
    assert_eq!((c.start_value, c.end_value), (800_000.0, 4_500_000.0));
    assert_eq!(c.unit, "t");
    // 4.5 Mt / 0.8 Mt = 5.625, exact inputs so zero-width bounds
    assert_close(c.ratio, 5.625);
    assert_close(c.ratio_low, 5.625);
    assert_close(c.ratio_high, 5.625);
    // (5.625 − 1) × 100 = 462.5 %
    assert_close(c.rate, 4.625);
    assert_close(c.rate_low, 4.625);
    assert_close(c.rate_high, 4.625);
    // 4.5 − 0.8 = 3.7 Mt
    assert_close(c.change, 3_700_000.0);
    assert_close(c.change_low, 3_700_000.0);
    assert_close(c.change_high, 3_700_000.0);
    // 2020 to 2024: 48 months = 4 years; 5.625^(1/4) − 1 = 1.54003 − 1 = 0.54003
    assert_close(c.years, 4.0);
    assert_some_close(c.cagr, 5.625f64.powf(0.25) - 1.0);
    assert_some_close(c.cagr_low, 5.625f64.powf(0.25) - 1.0);
    assert_some_close(c.cagr_high, 5.625f64.powf(0.25) - 1.0);
    assert!((c.cagr.unwrap() - 0.5400).abs() < 0.0001);
}

#[test]
fn tourists_from_azerbaijan_grew_72_9_percent_from_2022_to_2024_with_bounds_from_the_qualifiers() {
    let c = demo()
        .change(&q("tourists", AZE, KAZ), "2022", "2024")
        .unwrap();
    // "around 59,000" is [58,500, 59,500]; "over 102,000" is [102,000, 103,000]
    assert_eq!((c.start_value, c.end_value), (59_000.0, 102_000.0));
    assert_close(c.years, 2.0);
    // 102,000 / 59,000 = 1.72881; (1.72881 − 1) × 100 = 72.88 %
    assert_close(c.ratio, 102_000.0 / 59_000.0);
    assert_close(c.rate, 102_000.0 / 59_000.0 - 1.0);
    assert!((c.rate - 0.7288).abs() < 0.0001);
    // lowest: 102,000 / 59,500 = 1.71429 → 71.43 %; highest: 103,000 / 58,500 = 1.76068 → 76.07 %
    assert_close(c.ratio_low, 102_000.0 / 59_500.0);
    assert_close(c.ratio_high, 103_000.0 / 58_500.0);
    assert_close(c.rate_low, 102_000.0 / 59_500.0 - 1.0);
    assert_close(c.rate_high, 103_000.0 / 58_500.0 - 1.0);
    assert!((c.rate_low - 0.7143).abs() < 0.0001 && (c.rate_high - 0.7607).abs() < 0.0001);
    // 102,000 − 59,000 = 43,000; bounds [102,000 − 59,500, 103,000 − 58,500] = [42,500, 44,500]
    assert_close(c.change, 43_000.0);
    assert_close(c.change_low, 42_500.0);
    assert_close(c.change_high, 44_500.0);
    // over two years: √1.72881 − 1 = 0.31484, bounds √1.71429 − 1 and √1.76068 − 1
    assert_some_close(c.cagr, (102_000.0f64 / 59_000.0).sqrt() - 1.0);
    assert_some_close(c.cagr_low, (102_000.0f64 / 59_500.0).sqrt() - 1.0);
    assert_some_close(c.cagr_high, (103_000.0f64 / 58_500.0).sqrt() - 1.0);
}

// ----- shares on the article's figures ----------------------------------------------------------

#[test]
#[allow(deprecated)] // the positional form of shares, kept for a release
fn wheat_and_oil_products_are_22_2_and_7_0_percent_of_trade_turnover_in_january_to_august_2025() {
    let rows = demo()
        .shares(
            &q("exports", KAZ, AZE),
            Some("trade_turnover"),
            "total",
            Some("2025-01/2025-08"),
        )
        .unwrap();
    let products: Vec<&str> = rows.iter().map(|r| r.product.as_str()).collect();
    assert_eq!(products, ["oil_products", "wheat"]);
    let oil = &rows[0];
    let wheat = &rows[1];
    // 121.5 / 547.6 = 0.221877 = 22.19 %; exact inputs, so low = high = share
    assert_eq!(wheat.period, p("2025-01/2025-08"));
    assert_eq!((wheat.value, wheat.whole), (121_500_000.0, 547_600_000.0));
    assert_close(wheat.share, 121.5 / 547.6);
    assert_close(wheat.low, 121.5 / 547.6);
    assert_close(wheat.high, 121.5 / 547.6);
    assert!((wheat.share - 0.22188).abs() < 0.00001);
    // 38.2 / 547.6 = 0.069759 = 6.98 %
    assert_eq!((oil.value, oil.whole), (38_200_000.0, 547_600_000.0));
    assert_close(oil.share, 38.2 / 547.6);
    assert_close(oil.low, 38.2 / 547.6);
    assert_close(oil.high, 38.2 / 547.6);
    assert!((oil.share - 0.06976).abs() < 0.00001);
}

#[test]
#[allow(deprecated)] // the positional form of shares, kept for a release
fn shares_of_tonnes_in_dollars_are_a_validation_error_naming_both_units() {
    let v = validation(demo().shares(
        &q("exports_volume", KAZ, AZE),
        Some("trade_turnover"),
        "total",
        None,
    ));
    assert_eq!(v.field, "of");
    assert_eq!(v.text, "trade_turnover");
    assert!(v.reason.contains("t vs USD"), "{}", v.reason);
}

// ----- per capita on the article's figures ------------------------------------------------------

#[test]
fn azerbaijani_tourists_in_2024_are_about_10_per_1000_azerbaijanis() {
    let rows = demo()
        .per_capita(&q("tourists", AZE, KAZ), 1000.0, Basis::Origin)
        .unwrap();
    let r = row(&rows, "2024", |r| r.period);
    assert_eq!(r.country, AZE);
    assert_eq!((r.population_year, r.population), (2024, AZE_2024 as i64));
    assert_eq!(r.value, 102_000.0);
    // 102,000 / 10,202,830 × 1000 = 9.997; "over 102,000" gives [102,000, 103,000] / … × 1000
    assert_close(r.per_capita, 102_000.0 / AZE_2024 * 1000.0);
    assert_close(r.low, 102_000.0 / AZE_2024 * 1000.0);
    assert_close(r.high, 103_000.0 / AZE_2024 * 1000.0);
    assert!((r.per_capita - 9.997).abs() < 0.001);
}

#[test]
fn per_capita_uses_the_population_of_the_year_the_period_ends() {
    let rows = demo()
        .per_capita(&q("tourists", AZE, KAZ), 1000.0, Basis::Origin)
        .unwrap();
    let r = row(&rows, "2022", |r| r.period);
    // Azerbaijan had 10,141,756 people in 2022; "around 59,000" is [58,500, 59,500]
    assert_eq!((r.population_year, r.population), (2022, 10_141_756));
    assert_close(r.per_capita, 59_000.0 / 10_141_756.0 * 1000.0);
    assert_close(r.low, 58_500.0 / 10_141_756.0 * 1000.0);
    assert_close(r.high, 59_500.0 / 10_141_756.0 * 1000.0);
}

#[test]
fn kazakh_tourists_in_2024_are_about_3_5_per_1000_kazakhs() {
    let rows = demo()
        .per_capita(&q("tourists", KAZ, AZE), 1000.0, Basis::Origin)
        .unwrap();
    let r = row(&rows, "2024", |r| r.period);
    assert_eq!(r.country, KAZ);
    assert_eq!((r.population_year, r.population), (2024, KAZ_2024 as i64));
    // 71,500 / 20,592,571 × 1000 = 3.472, exact
    assert_close(r.per_capita, 71_500.0 / KAZ_2024 * 1000.0);
    assert_close(r.low, 71_500.0 / KAZ_2024 * 1000.0);
    assert_close(r.high, 71_500.0 / KAZ_2024 * 1000.0);
    assert!((r.per_capita - 3.472).abs() < 0.001);
}

#[test]
fn per_capita_with_destination_basis_divides_by_the_destination_population() {
    let rows = demo()
        .per_capita(&q("tourists", AZE, KAZ), 1000.0, Basis::Destination)
        .unwrap();
    let r = row(&rows, "2024", |r| r.period);
    assert_eq!((r.country.as_str(), r.population_year), (KAZ, 2024));
    // 102,000 / 20,592,571 × 1000 = 4.953
    assert_close(r.per_capita, 102_000.0 / KAZ_2024 * 1000.0);
    assert_close(r.high, 103_000.0 / KAZ_2024 * 1000.0);
}

#[test]
fn per_capita_after_the_last_population_year_uses_the_latest_earlier_year() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2026", 120_000.0);
    let rows = store
        .per_capita(&q("visitors", AZE, KAZ), 1000.0, Basis::Origin)
        .unwrap();
    let r = row(&rows, "2026", |r| r.period);
    // population.csv ends in 2024
    assert_eq!((r.population_year, r.population), (2024, AZE_2024 as i64));
    // 120,000 / 10,202,830 × 1000 = 11.761
    assert_close(r.per_capita, 120_000.0 / AZE_2024 * 1000.0);
}

// ----- target progress on the article's figures -------------------------------------------------

#[test]
fn corridor_cargo_reached_half_its_2025_target_in_seven_months_and_is_not_on_track() {
    let t = demo()
        .target_progress(&q("corridor_cargo", AZE, KAZ), 2025)
        .unwrap();
    assert_eq!(t.year, 2025);
    assert_eq!(t.unit, "t");
    assert_eq!((t.actual, t.target), (2_600_000.0, 5_200_000.0));
    assert_eq!((t.actual_low, t.actual_high), (2_600_000.0, 2_600_000.0));
    assert_eq!(t.actual_period, p("2025-01/2025-07"));
    assert_eq!(t.months_elapsed, 7);
    // 2.6 / 5.2 = 0.5, exact
    assert_close(t.share_of_target, 0.5);
    assert_close(t.share_of_target_low, 0.5);
    assert_close(t.share_of_target_high, 0.5);
    // 7 / 12 = 0.5833
    assert_close(t.share_of_year, 7.0 / 12.0);
    // 2.6 Mt × 12 / 7 = 4.457 Mt
    assert_close(t.run_rate, 2_600_000.0 * 12.0 / 7.0);
    assert_close(t.run_rate_low, 2_600_000.0 * 12.0 / 7.0);
    assert_close(t.run_rate_high, 2_600_000.0 * 12.0 / 7.0);
    // 4.457 / 5.2 = 0.5 × 12 / 7 = 0.857
    assert_close(t.run_rate_share, 0.5 * 12.0 / 7.0);
    assert_close(t.run_rate_share_low, 0.5 * 12.0 / 7.0);
    assert_close(t.run_rate_share_high, 0.5 * 12.0 / 7.0);
    assert!((t.run_rate_share - 0.857).abs() < 0.001);
    // 2.6 Mt / 7 = 0.3714 Mt a month so far
    assert_close(t.actual_monthly, 2_600_000.0 / 7.0);
    // (5.2 − 2.6) Mt / 5 remaining months = 0.52 Mt a month
    assert_some_close(t.required_monthly, 520_000.0);
    assert_some_close(t.required_monthly_low, 520_000.0);
    assert_some_close(t.required_monthly_high, 520_000.0);
    // 4.457 Mt < 5.2 Mt
    assert!(!t.on_track);
}

#[test]
fn corridor_containers_run_at_98_4_percent_of_their_2025_target() {
    let t = demo()
        .target_progress(&q("corridor_containers", AZE, KAZ), 2025)
        .unwrap();
    assert_eq!(
        (t.actual, t.target, t.months_elapsed),
        (40_200.0, 70_000.0, 7)
    );
    // 40,200 / 70,000 = 0.5743
    assert_close(t.share_of_target, 40_200.0 / 70_000.0);
    // 40,200 × 12 / 7 = 68,914.3 TEU; 68,914.3 / 70,000 = 0.9845
    assert_close(t.run_rate, 40_200.0 * 12.0 / 7.0);
    assert_close(t.run_rate_share, 40_200.0 * 12.0 / 7.0 / 70_000.0);
    assert!((t.run_rate - 68_914.3).abs() < 0.1);
    assert!((t.run_rate_share - 0.984).abs() < 0.001);
    // (70,000 − 40,200) / 5 = 5,960 TEU a month
    assert_some_close(t.required_monthly, 5_960.0);
    assert!(!t.on_track);
}

// ----- required growth on the article's figures -------------------------------------------------

#[test]
fn oil_transit_must_grow_71_percent_a_year_to_reach_the_2027_projection() {
    let r = demo()
        .required_growth(&q("oil_transit", KAZ, AZE), "2024", "2027")
        .unwrap();
    assert_eq!((r.base_period, r.target_period), (p("2024"), p("2027")));
    assert_eq!((r.base_value, r.target_value), (1_400_000.0, 7_000_000.0));
    assert_eq!(r.target_status, Status::Projection);
    assert_close(r.years, 3.0);
    // 7 / 1.4 = 5; 5^(1/3) − 1 = 1.70998 − 1 = 0.70998, exact inputs
    assert_close(r.required_cagr, 5f64.powf(1.0 / 3.0) - 1.0);
    assert_close(r.required_cagr_low, 5f64.powf(1.0 / 3.0) - 1.0);
    assert_close(r.required_cagr_high, 5f64.powf(1.0 / 3.0) - 1.0);
    assert!((r.required_cagr - 0.70998).abs() < 0.00001);
    // three years before 2024 is 2021, which the dataset does not have
    assert_eq!(r.historical_start, None);
    assert_eq!(
        (
            r.historical_cagr,
            r.historical_cagr_low,
            r.historical_cagr_high
        ),
        (None, None, None)
    );
}

#[test]
fn required_growth_sets_the_series_own_growth_beside_it_when_the_store_has_it() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2022", 50.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 200.0);
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2026",
        450.0,
        "target",
        "exact",
    );
    let r = store
        .required_growth(&q("visitors", AZE, KAZ), "2024", "2026")
        .unwrap();
    assert_eq!(r.target_status, Status::Target);
    // √(450 / 200) − 1 = 1.5 − 1 = 0.5
    assert_close(r.years, 2.0);
    assert_close(r.required_cagr, 0.5);
    // two years before 2024: √(200 / 50) − 1 = 2 − 1 = 1
    assert_eq!(r.historical_start, Some(p("2022")));
    assert_some_close(r.historical_cagr, 1.0);
    assert_some_close(r.historical_cagr_low, 1.0);
    assert_some_close(r.historical_cagr_high, 1.0);
}

// ----- asymmetry on the article's figures -------------------------------------------------------

#[test]
fn azerbaijanis_visit_kazakhstan_1_43_times_as_often_as_the_reverse_in_2024() {
    let rows = demo().asymmetry(&q("tourists", AZE, KAZ)).unwrap();
    assert_eq!(rows.len(), 2, "2022 and 2024 have both directions");
    let r = row(&rows, "2024", |r| r.period);
    assert_eq!((r.a_to_b, r.b_to_a), (102_000.0, 71_500.0));
    assert_eq!((r.a_to_b_low, r.a_to_b_high), (102_000.0, 103_000.0));
    assert_eq!((r.b_to_a_low, r.b_to_a_high), (71_500.0, 71_500.0));
    // 102,000 / 71,500 = 1.4266, bounds [102,000 / 71,500, 103,000 / 71,500] = [1.4266, 1.4406]
    assert_close(r.ratio, 102_000.0 / 71_500.0);
    assert_close(r.ratio_low, 102_000.0 / 71_500.0);
    assert_close(r.ratio_high, 103_000.0 / 71_500.0);
    assert!((r.ratio - 1.4266).abs() < 0.0001);
    // 102,000 − 71,500 = 30,500, bounds [30,500, 31,500]
    assert_close(r.net, 30_500.0);
    assert_close(r.net_low, 30_500.0);
    assert_close(r.net_high, 31_500.0);
}

#[test]
fn azerbaijanis_visited_kazakhstan_2_46_times_as_often_as_the_reverse_in_2022() {
    let rows = demo().asymmetry(&q("tourists", AZE, KAZ)).unwrap();
    let r = row(&rows, "2022", |r| r.period);
    // "around 59,000" is [58,500, 59,500]; 24,000 is exact
    // 59,000 / 24,000 = 2.4583, bounds [58,500 / 24,000, 59,500 / 24,000] = [2.4375, 2.4792]
    assert_close(r.ratio, 59_000.0 / 24_000.0);
    assert_close(r.ratio_low, 58_500.0 / 24_000.0);
    assert_close(r.ratio_high, 59_500.0 / 24_000.0);
    assert!((r.ratio - 2.4583).abs() < 0.0001);
    // 59,000 − 24,000 = 35,000, bounds [34,500, 35,500]
    assert_close(r.net, 35_000.0);
    assert_close(r.net_low, 34_500.0);
    assert_close(r.net_high, 35_500.0);
}

#[test]
fn azerbaijan_invested_268_6_million_dollars_more_in_kazakhstan_than_the_reverse_since_2005() {
    let rows = demo().asymmetry(&q("investment_stock", AZE, KAZ)).unwrap();
    let r = row(&rows, "2005-01/2025-03", |r| r.period);
    assert_eq!((r.a_to_b, r.b_to_a), (424_600_000.0, 156_000_000.0));
    // 424.6 − 156 = 268.6 million, exact
    assert_close(r.net, 268_600_000.0);
    assert_close(r.net_low, 268_600_000.0);
    assert_close(r.net_high, 268_600_000.0);
    // 424.6 / 156 = 2.7218
    assert_close(r.ratio, 424.6 / 156.0);
}

#[test]
fn asymmetry_with_the_pair_reversed_gives_the_reciprocal_ratio_and_opposite_net() {
    let rows = demo().asymmetry(&q("tourists", KAZ, AZE)).unwrap();
    let r = row(&rows, "2024", |r| r.period);
    assert_eq!((r.a_to_b, r.b_to_a), (71_500.0, 102_000.0));
    // 71,500 / 102,000 = 0.7010, bounds [71,500 / 103,000, 71,500 / 102,000]
    assert_close(r.ratio, 71_500.0 / 102_000.0);
    assert_close(r.ratio_low, 71_500.0 / 103_000.0);
    assert_close(r.ratio_high, 71_500.0 / 102_000.0);
    // 71,500 − 102,000 = −30,500, bounds [71,500 − 103,000, 71,500 − 102,000] = [−31,500, −30,500]
    assert_close(r.net, -30_500.0);
    assert_close(r.net_low, -31_500.0);
    assert_close(r.net_high, -30_500.0);
}

// ----- synthetic series: growth -----------------------------------------------------------------

#[test]
fn growth_is_negative_when_the_value_falls() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2023", 200.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 150.0);
    let rows = store.growth(&q("visitors", AZE, KAZ)).unwrap();
    let r = row(&rows, "2024", |r| r.period);
    // 150 / 200 = 0.75; (0.75 − 1) × 100 = −25 %; 150 − 200 = −50
    assert_some_close(r.multiple, 0.75);
    assert_some_close(r.rate, -0.25);
    assert_some_close(r.rate_low, -0.25);
    assert_some_close(r.rate_high, -0.25);
    assert_some_close(r.change, -50.0);
}

#[test]
#[allow(deprecated)]
fn the_deprecated_series_query_still_names_one_series_for_one_release() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2023", 200.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 150.0);
    let old = bilateral::SeriesQuery::new("visitors", AZE, KAZ);
    let rows = store.growth(&old).unwrap();
    // 150 / 200 − 1 = −0.25, as through the filter.
    assert_some_close(row(&rows, "2024", |r| r.period).rate, -0.25);
    assert_eq!(rows, store.growth(&q("visitors", AZE, KAZ)).unwrap());
    assert_eq!(
        SeriesFilter::from(old.status(Status::Target)),
        q("visitors", AZE, KAZ).status(Status::Target)
    );
}

#[test]
fn growth_over_a_zero_base_is_a_validation_error_not_an_infinity() {
    let mut store = synthetic();
    add(&mut store, "trade", (AZE, KAZ), "2023", 0.0);
    add(&mut store, "trade", (AZE, KAZ), "2024", 50.0);
    let v = validation(store.growth(&q("trade", AZE, KAZ)));
    assert_eq!(v.field, "value");
    assert!(
        v.text.contains("trade AZE–KAZ") && v.text.contains("2023"),
        "{}",
        v.text
    );
    assert!(v.reason.contains("zero"), "{}", v.reason);
}

#[test]
fn growth_over_a_base_whose_bounds_reach_zero_is_a_validation_error() {
    let mut store = synthetic();
    // "under 1,000": u = 1,000, so [0, 1,000]
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2023",
        1_000.0,
        "actual",
        "under",
    );
    add(&mut store, "visitors", (AZE, KAZ), "2024", 1_200.0);
    let v = validation(store.growth(&q("visitors", AZE, KAZ)));
    assert!(v.text.contains("2023"), "{}", v.text);
}

#[test]
fn growth_without_the_year_before_leaves_the_base_columns_empty() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2022", 100.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 130.0);
    let rows = store.growth(&q("visitors", AZE, KAZ)).unwrap();
    assert_eq!(rows.len(), 2);
    for r in &rows {
        // 2023 is missing: 2024 has no base, and neither has 2022
        assert_eq!(
            (r.base_period, r.base_value, r.multiple),
            (None, None, None)
        );
        assert_eq!((r.change, r.change_low, r.change_high), (None, None, None));
        assert_eq!((r.rate, r.rate_low, r.rate_high), (None, None, None));
    }
}

#[test]
fn undirected_pair_given_in_reverse_order_gives_the_same_growth() {
    let mut store = synthetic();
    // stored as AZE–KAZ whichever order it is added in
    add(&mut store, "trade", (KAZ, AZE), "2023", 200.0);
    add(&mut store, "trade", (AZE, KAZ), "2024", 230.0);
    let forward = store.growth(&q("trade", AZE, KAZ)).unwrap();
    let reverse = store.growth(&q("trade", KAZ, AZE)).unwrap();
    assert_eq!(forward, reverse);
    // 230 / 200 = 1.15 → 15 %
    assert_some_close(row(&forward, "2024", |r| r.period).rate, 0.15);
    let c1 = store.change(&q("trade", AZE, KAZ), "2023", "2024").unwrap();
    let c2 = store.change(&q("trade", KAZ, AZE), "2023", "2024").unwrap();
    assert_eq!((c1.ratio, c1.change), (c2.ratio, c2.change));
}

#[test]
fn growth_does_not_count_targets_and_projections_as_actuals() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2023", 100.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 110.0);
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2024",
        120.0,
        "target",
        "exact",
    );
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2025",
        150.0,
        "target",
        "exact",
    );
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2026",
        200.0,
        "projection",
        "exact",
    );
    let rows = store.growth(&q("visitors", AZE, KAZ)).unwrap();
    let periods: Vec<Period> = rows.iter().map(|r| r.period).collect();
    assert_eq!(periods, [p("2023"), p("2024")]);
    // 2024 against 2023 uses the actual 110, not the target 120: 110 / 100 → 10 %
    let r = row(&rows, "2024", |r| r.period);
    assert_eq!((r.value, r.status), (110.0, Status::Actual));
    assert_some_close(r.rate, 0.10);
    // and a change to 2025 finds no actual there
    let (what, key) = not_found(store.change(&q("visitors", AZE, KAZ), "2024", "2025"));
    assert_eq!(what, "observation");
    assert!(key.contains("2025"), "{key}");
}

#[test]
fn growth_of_targets_is_computed_when_asked_for_by_status() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2024", 110.0);
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2024",
        120.0,
        "target",
        "exact",
    );
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2025",
        150.0,
        "target",
        "exact",
    );
    let rows = store
        .growth(&q("visitors", AZE, KAZ).status(Status::Target))
        .unwrap();
    let periods: Vec<Period> = rows.iter().map(|r| r.period).collect();
    assert_eq!(periods, [p("2024"), p("2025")]);
    let r = row(&rows, "2025", |r| r.period);
    assert_eq!(r.status, Status::Target);
    // target against target: 150 / 120 = 1.25 → 25 %
    assert_eq!(r.base_value, Some(120.0));
    assert_some_close(r.rate, 0.25);
}

#[test]
fn growth_uses_the_actual_when_a_period_also_has_an_estimate() {
    let mut store = synthetic();
    add(&mut store, "trade", (AZE, KAZ), "2023", 200.0);
    add_as(
        &mut store,
        "trade",
        (AZE, KAZ),
        "2024",
        300.0,
        "estimate",
        "exact",
    );
    add(&mut store, "trade", (AZE, KAZ), "2024", 220.0);
    add_as(
        &mut store,
        "trade",
        (AZE, KAZ),
        "2025",
        500.0,
        "estimate",
        "exact",
    );
    add_as(
        &mut store,
        "trade",
        (AZE, KAZ),
        "2025",
        242.0,
        "provisional",
        "exact",
    );
    let rows = store.growth(&q("trade", AZE, KAZ)).unwrap();
    assert_eq!(rows.len(), 3, "one row per period");
    // 2024: the actual 220, not the estimate 300: 220 / 200 → 10 %
    let r2024 = row(&rows, "2024", |r| r.period);
    assert_eq!((r2024.value, r2024.status), (220.0, Status::Actual));
    assert_some_close(r2024.rate, 0.10);
    // 2025: provisional 242 beats the estimate 500, against the actual 220: 242 / 220 → 10 %
    let r2025 = row(&rows, "2025", |r| r.period);
    assert_eq!((r2025.value, r2025.status), (242.0, Status::Provisional));
    assert_eq!(r2025.base_value, Some(220.0));
    assert_some_close(r2025.rate, 0.10);
}

// ----- synthetic series: change -----------------------------------------------------------------

#[test]
fn change_between_periods_of_different_length_is_a_validation_error_naming_both_lengths() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2024-01/2024-08", 80.0);
    add(&mut store, "visitors", (AZE, KAZ), "2025", 130.0);
    let v = validation(store.change(&q("visitors", AZE, KAZ), "2024-01/2024-08", "2025"));
    assert_eq!((v.field.as_str(), v.text.as_str()), ("end", "2025"));
    assert!(v.reason.contains("12 months vs 8 months"), "{}", v.reason);
}

#[test]
fn change_to_a_period_not_after_the_start_is_a_validation_error() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2023", 80.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 130.0);
    let v = validation(store.change(&q("visitors", AZE, KAZ), "2024", "2023"));
    assert_eq!((v.field.as_str(), v.text.as_str()), ("end", "2023"));
}

#[test]
fn change_from_a_missing_start_period_is_not_found_naming_the_series_and_period() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2024", 100.0);
    let (what, key) = not_found(store.change(&q("visitors", AZE, KAZ), "2019", "2024"));
    assert_eq!(what, "observation");
    assert!(key.contains("visitors AZE→KAZ"), "{key}");
    assert!(key.contains("2019"), "{key}");
}

#[test]
fn change_over_half_years_counts_years_between_the_starts() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2023-H1", 100.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024-H2", 169.0);
    let c = store
        .change(&q("visitors", AZE, KAZ), "2023-H1", "2024-H2")
        .unwrap();
    // January 2023 to July 2024: 18 months = 1.5 years; 1.69^(1/1.5) − 1 = 0.4188
    assert_close(c.years, 1.5);
    assert_close(c.ratio, 1.69);
    assert_some_close(c.cagr, 1.69f64.powf(1.0 / 1.5) - 1.0);
}

/// A ratio whose lower bound is zero is still positive, so it keeps its CAGR (`None`
/// only when the ratio is negative).
#[test]
fn change_keeps_the_cagr_when_the_ratio_is_positive_but_its_lower_bound_is_zero() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2020", 100.0);
    // "under 1,000": u = 1,000, so [0, 1,000]
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2024",
        1_000.0,
        "actual",
        "under",
    );
    let c = store
        .change(&q("visitors", AZE, KAZ), "2020", "2024")
        .unwrap();
    // 1,000 / 100 = 10, bounds [0 / 100, 1,000 / 100] = [0, 10]
    assert_close(c.ratio, 10.0);
    assert_close(c.ratio_low, 0.0);
    // 10^(1/4) − 1 = 0.7783, bounds [0^(1/4) − 1, 10^(1/4) − 1] = [−1, 0.7783]
    assert_some_close(c.cagr, 10f64.powf(0.25) - 1.0);
    assert_some_close(c.cagr_low, -1.0);
    assert_some_close(c.cagr_high, 10f64.powf(0.25) - 1.0);
}

/// A positive target whose bounds reach zero still has a required growth rate.
#[test]
fn required_growth_accepts_a_positive_target_whose_bounds_reach_zero() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2024", 100.0);
    // "under 1,000": [0, 1,000]
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2026",
        1_000.0,
        "target",
        "under",
    );
    let r = store
        .required_growth(&q("visitors", AZE, KAZ), "2024", "2026")
        .unwrap();
    // √(1,000 / 100) − 1 = 2.1623, bounds [√0 − 1, √10 − 1] = [−1, 2.1623]
    assert_close(r.required_cagr, 10f64.sqrt() - 1.0);
    assert_close(r.required_cagr_low, -1.0);
    assert_close(r.required_cagr_high, 10f64.sqrt() - 1.0);
}

// ----- synthetic series: target progress, asymmetry ---------------------------------------------

#[test]
fn target_progress_for_a_year_with_a_target_but_no_actuals_is_not_found() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2025-01/2025-06", 50.0);
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2026",
        200.0,
        "target",
        "exact",
    );
    let (what, key) = not_found(store.target_progress(&q("visitors", AZE, KAZ), 2026));
    assert_eq!(what, "observation");
    assert!(
        key.contains("visitors AZE→KAZ") && key.contains("2026"),
        "{key}"
    );
}

#[test]
fn target_progress_for_a_year_without_a_target_is_not_found() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2025-01/2025-06", 50.0);
    let (what, key) = not_found(store.target_progress(&q("visitors", AZE, KAZ), 2025));
    assert_eq!(what, "target");
    assert!(key.contains("2025"), "{key}");
}

#[test]
fn target_progress_on_a_stock_is_a_validation_error() {
    let mut store = synthetic();
    add(&mut store, "firms", (AZE, KAZ), "2025-01/2025-06", 5.0);
    add_as(
        &mut store,
        "firms",
        (AZE, KAZ),
        "2025",
        10.0,
        "target",
        "exact",
    );
    let v = validation(store.target_progress(&q("firms", AZE, KAZ), 2025));
    assert_eq!((v.field.as_str(), v.text.as_str()), ("indicator", "firms"));
    assert!(v.reason.contains("stock"), "{}", v.reason);
}

#[test]
fn target_progress_for_a_complete_year_needs_no_more_months() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2024-01/2024-06", 60.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 130.0);
    add_as(
        &mut store,
        "visitors",
        (AZE, KAZ),
        "2024",
        120.0,
        "target",
        "exact",
    );
    let t = store
        .target_progress(&q("visitors", AZE, KAZ), 2024)
        .unwrap();
    // the latest year-to-date figure is the whole year
    assert_eq!((t.actual_period, t.months_elapsed), (p("2024"), 12));
    assert_close(t.share_of_year, 1.0);
    // 130 / 120 = 1.0833; run rate 130 × 12 / 12 = 130
    assert_close(t.share_of_target, 130.0 / 120.0);
    assert_close(t.run_rate, 130.0);
    assert_eq!(t.required_monthly, None);
    assert!(t.on_track);
}

#[test]
fn asymmetry_on_an_undirected_indicator_is_a_validation_error() {
    let mut store = synthetic();
    add(&mut store, "trade", (AZE, KAZ), "2024", 100.0);
    let v = validation(store.asymmetry(&q("trade", AZE, KAZ)));
    assert_eq!((v.field.as_str(), v.text.as_str()), ("indicator", "trade"));
    assert!(v.reason.contains("undirected"), "{}", v.reason);
}

#[test]
fn asymmetry_takes_only_periods_where_both_directions_exist() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2023", 300.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 400.0);
    add(&mut store, "visitors", (KAZ, AZE), "2024", 160.0);
    add(&mut store, "visitors", (KAZ, AZE), "2025", 170.0);
    let rows = store.asymmetry(&q("visitors", AZE, KAZ)).unwrap();
    assert_eq!(rows.len(), 1);
    // 400 / 160 = 2.5; 400 − 160 = 240
    assert_eq!(rows[0].period, p("2024"));
    assert_close(rows[0].ratio, 2.5);
    assert_close(rows[0].net, 240.0);
}

// ----- properties of random series --------------------------------------------------------------

/// A value with the qualifier it is worded with.
type Figure = (f64, Qualifier);

/// One year's figures: a → b, then b → a.
type Year = (Figure, Figure);

/// A positive figure with a qualifier: a mantissa of up to four digits times 0.1 to 10^4,
/// so the unit of the last digit, and hence the bounds, vary.
fn figure() -> impl Strategy<Value = Figure> {
    (
        1u32..=9999,
        -1i32..=4,
        prop::sample::select(Qualifier::ALL.to_vec()),
    )
        .prop_map(|(mantissa, exponent, qualifier)| {
            let value = if exponent < 0 {
                f64::from(mantissa) / 10.0
            } else {
                f64::from(mantissa) * 10f64.powi(exponent)
            };
            (value, qualifier)
        })
}

/// `low ≤ value ≤ high` up to a tiny relative tolerance.
fn within(low: f64, value: f64, high: f64) -> bool {
    let tolerance = 1e-9 * value.abs().max(1.0);
    low <= value + tolerance && value <= high + tolerance
}

/// Yearly figures from 2000 on, both ways between AZE and KAZ, in a fresh store.
fn random_store(years: &[Year]) -> Store {
    let mut store = synthetic();
    for (i, (forward, backward)) in years.iter().enumerate() {
        let period = (2000 + i).to_string();
        for ((value, qualifier), pair) in [(forward, (AZE, KAZ)), (backward, (KAZ, AZE))] {
            add_as(
                &mut store,
                "visitors",
                pair,
                &period,
                *value,
                "actual",
                qualifier.code(),
            );
        }
    }
    store
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn bounds_of_growth_change_and_asymmetry_contain_their_values(
        years in prop::collection::vec((figure(), figure()), 2..8)
    ) {
        let store = random_store(&years);
        let query = q("visitors", AZE, KAZ);
        let forward = store.series(&query).unwrap().observations;
        let backward = store.series(&q("visitors", KAZ, AZE)).unwrap().observations;
        let n = years.len();
        prop_assert_eq!(forward.len(), n);

        // growth: an error exactly when some base's bounds reach zero
        let growth = store.growth(&query);
        if forward[..n - 1].iter().any(|o| o.low <= 0.0) {
            prop_assert!(matches!(growth, Err(Error::Validation(_))), "{:?}", growth);
        } else {
            let rows = growth.unwrap();
            prop_assert_eq!(rows.len(), n);
            prop_assert!(rows[0].rate.is_none());
            for (i, r) in rows.iter().enumerate().skip(1) {
                let (value, _) = years[i].0;
                let (base, _) = years[i - 1].0;
                // the reference: v_t / v_{t−1} − 1
                let expected = value / base - 1.0;
                let rate = r.rate.unwrap();
                prop_assert!(
                    (rate - expected).abs() < 1e-9 * expected.abs().max(1.0),
                    "{} rate {} is not {}", r.period, rate, expected
                );
                prop_assert!(within(r.rate_low.unwrap(), rate, r.rate_high.unwrap()), "{:?}", r);
                prop_assert!(
                    within(r.change_low.unwrap(), r.change.unwrap(), r.change_high.unwrap()),
                    "{:?}", r
                );
                prop_assert!(within(r.low, r.value, r.high), "{:?}", r);
            }
        }

        // change from the first year to the last: an error exactly when the start's
        // bounds reach zero
        let change = store.change(&query, "2000", &(2000 + n - 1).to_string());
        if forward[0].low <= 0.0 {
            prop_assert!(matches!(change, Err(Error::Validation(_))), "{:?}", change);
        } else {
            let c = change.unwrap();
            prop_assert!((c.years - (n - 1) as f64).abs() < 1e-12);
            prop_assert!(within(c.change_low, c.change, c.change_high), "{:?}", c);
            prop_assert!(within(c.ratio_low, c.ratio, c.ratio_high), "{:?}", c);
            prop_assert!(within(c.rate_low, c.rate, c.rate_high), "{:?}", c);
            if let (Some(low), Some(cagr), Some(high)) = (c.cagr_low, c.cagr, c.cagr_high) {
                prop_assert!(within(low, cagr, high), "{:?}", c);
            }
        }

        // asymmetry: an error exactly when some reverse figure's bounds reach zero
        let asymmetry = store.asymmetry(&query);
        if backward.iter().any(|o| o.low <= 0.0) {
            prop_assert!(matches!(asymmetry, Err(Error::Validation(_))), "{:?}", asymmetry);
        } else {
            let rows = asymmetry.unwrap();
            prop_assert_eq!(rows.len(), n);
            for (r, (a, b)) in rows.iter().zip(&years) {
                // ratio and net against the figures as generated
                prop_assert!((r.ratio - a.0 / b.0).abs() < 1e-9 * (a.0 / b.0).max(1.0));
                prop_assert!((r.net - (a.0 - b.0)).abs() < 1e-9 * (a.0 - b.0).abs().max(1.0));
                prop_assert!(within(r.ratio_low, r.ratio, r.ratio_high), "{:?}", r);
                prop_assert!(within(r.net_low, r.net, r.net_high), "{:?}", r);
            }
        }
    }
}

// ----- many series at once ----------------------------------------------------------------------

/// A store of made-up figures: four indicators (directed and not), five countries,
/// products, years and half-years, two sources, targets, estimates and zeros, drawn
/// from a fixed linear congruential sequence so that every run sees the same store.
fn many_series_store() -> Store {
    let mut store = Store::in_memory().unwrap();
    for (code, unit, directed) in [
        ("exports", "USD", true),
        ("turnover", "USD", false),
        ("visitors", "persons", true),
        ("cargo", "t", false),
    ] {
        store
            .add_indicator(&Indicator::new(code, code, unit, Kind::Flow, directed))
            .unwrap();
    }
    for id in ["office", "agency"] {
        store
            .add_source(&bilateral::Source {
                id: id.into(),
                title: id.into(),
                publisher: None,
                url: None,
                published: None,
            })
            .unwrap();
    }
    let countries = ["AZE", "KAZ", "GEO", "ARM", "TUR"];
    let mut state: u64 = 20_261_128;
    let mut next = |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let mut records = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..1_500 {
        let indicator = ["exports", "turnover", "visitors", "cargo"][next(4) as usize];
        let origin = countries[next(5) as usize];
        let destination = countries[next(5) as usize];
        if origin == destination {
            continue;
        }
        let year = 2015 + next(10);
        let period = match next(4) {
            0 => format!("{year}-H{}", 1 + next(2)),
            _ => year.to_string(),
        };
        let product = ["total", "total", "wheat", "oil"][next(4) as usize];
        let status = ["actual", "actual", "actual", "estimate", "target"][next(5) as usize];
        let source = ["office", "agency"][next(2) as usize];
        // Undirected indicators are stored in alphabetical order: one key per pair.
        let pair = if indicator == "turnover" || indicator == "cargo" {
            (origin.min(destination), origin.max(destination))
        } else {
            (origin, destination)
        };
        if !seen.insert((indicator, pair, product, period.clone(), status, source)) {
            continue;
        }
        let mut obs = NewObservation::new(indicator, origin, destination, &period, 0.0);
        // One figure in twenty is a zero: growth on it is undefined.
        obs.value = if next(20) == 0 {
            0.0
        } else {
            100.0 * (1 + next(50)) as f64
        };
        obs.product = Some(product.into());
        obs.status = Some(status.into());
        obs.source = Some(source.into());
        obs.qualifier = Some(["exact", "over", "around"][next(3) as usize].into());
        records.push(obs);
    }
    store
        .add_many(&records, bilateral::OnDuplicate::Error)
        .unwrap();
    store
}

#[test]
fn growth_of_every_series_equals_growth_of_each_series_alone() {
    let store = many_series_store();
    let every = store
        .growth_of_every(&bilateral::SeriesFilter::default().every_product())
        .unwrap();
    let mut keys: Vec<(String, String, String, String)> = every
        .iter()
        .map(|g| {
            (
                g.indicator.clone(),
                g.origin.clone(),
                g.destination.clone(),
                g.product.clone(),
            )
        })
        .collect();
    keys.dedup();
    // Every stored series that has a figure other than a target is there, once.
    let mut stored: Vec<(String, String, String, String)> = store
        .observations(&bilateral::ObservationFilter::default())
        .unwrap()
        .into_iter()
        .filter(|o| o.status != Status::Target)
        .map(|o| (o.indicator, o.origin, o.destination, o.product))
        .collect();
    stored.dedup();
    assert_eq!(keys, stored);
    assert!(keys.len() > 50, "{} series", keys.len());
    let mut undefined = 0;
    for (indicator, origin, destination, product) in &keys {
        let rows: Vec<bilateral::GrowthRow> = every
            .iter()
            .filter(|g| {
                (&g.indicator, &g.origin, &g.destination, &g.product)
                    == (indicator, origin, destination, product)
            })
            .map(|g| g.row.clone())
            .collect();
        let alone = store.growth(&q(indicator, origin, destination).product(product));
        match alone {
            Ok(alone) => assert_eq!(rows, alone, "{indicator} {origin} {destination} {product}"),
            // A zero base: the series alone is an error; over many series, the rows
            // are all there and only the undefined ratios are empty.
            Err(Error::Validation(_)) => {
                undefined += 1;
                assert!(rows
                    .iter()
                    .any(|r| r.base_value == Some(0.0) && r.rate.is_none()));
                assert!(rows
                    .iter()
                    .all(|r| r.rate.is_none() || r.base_value.is_some_and(|b| b != 0.0)));
            }
            Err(other) => panic!("{other}"),
        }
    }
    assert!(undefined > 0, "the store should have a zero base somewhere");
}

#[test]
fn growth_of_every_series_can_narrow_to_an_indicator_a_country_or_a_status() {
    let store = many_series_store();
    let filter = bilateral::SeriesFilter::default();
    let exports = store
        .growth_of_every(&filter.clone().indicator("exports").origin("GEO"))
        .unwrap();
    assert!(!exports.is_empty());
    assert!(exports
        .iter()
        .all(|g| g.indicator == "exports" && g.origin == "GEO" && g.product == "total"));
    // An undirected indicator matches a country on either side.
    let cargo = store
        .growth_of_every(&filter.clone().indicator("cargo").destination("ARM"))
        .unwrap();
    assert!(
        cargo.iter().any(|g| g.origin == "ARM") || cargo.iter().any(|g| g.destination == "ARM")
    );
    assert!(cargo
        .iter()
        .all(|g| g.origin == "ARM" || g.destination == "ARM"));
    let targets = store
        .growth_of_every(&filter.every_product().status(Status::Target))
        .unwrap();
    assert!(!targets.is_empty());
    assert!(targets.iter().all(|g| g.row.status == Status::Target));
}

/// Every series of the many-series store, as (indicator, origin, destination, product).
fn stored_series(store: &Store) -> Vec<(String, String, String, String)> {
    store
        .series_matching(&bilateral::SeriesFilter::default().every_product())
        .unwrap()
        .into_iter()
        .map(|s| (s.indicator.code, s.origin, s.destination, s.product))
        .collect()
}

#[test]
fn change_of_every_series_equals_change_of_each_series_alone() {
    let store = many_series_store();
    let series = stored_series(&store);
    let (mut compared, mut undefined) = (0, 0);
    // Every pair of years, and of first halves: each has its own series with both.
    let periods: Vec<(String, String)> = (2015..2025)
        .flat_map(|start| ((start + 1)..2025).map(move |end| (start, end)))
        .flat_map(|(s, e)| {
            [
                (s.to_string(), e.to_string()),
                (format!("{s}-H1"), format!("{e}-H1")),
            ]
        })
        .collect();
    for (start, end) in &periods {
        let every = store
            .change_of_every(
                &bilateral::SeriesFilter::default().every_product(),
                start,
                end,
            )
            .unwrap();
        let mut rows = every.iter();
        for (indicator, origin, destination, product) in &series {
            let query = q(indicator, origin, destination).product(product);
            let alone = store.change(&query, start, end);
            if let Err(Error::NotFound { .. }) = alone {
                continue; // no figure in one of the periods: no row either
            }
            // The rows come in the order of the series.
            let row = rows
                .next()
                .expect("a row for each series with both periods");
            let key = (&row.indicator, &row.origin, &row.destination, &row.product);
            assert_eq!(key, (indicator, origin, destination, product));
            match alone {
                Ok(c) => {
                    compared += 1;
                    let c_as_row = (
                        (c.start, c.end, c.start_value, c.end_value, c.years),
                        (c.change, c.change_low, c.change_high),
                        (Some(c.ratio), Some(c.ratio_low), Some(c.ratio_high)),
                        (Some(c.rate), Some(c.rate_low), Some(c.rate_high)),
                        (c.cagr, c.cagr_low, c.cagr_high),
                        c.unit,
                    );
                    let many = (
                        (
                            row.start,
                            row.end,
                            row.start_value,
                            row.end_value,
                            row.years,
                        ),
                        (row.change, row.change_low, row.change_high),
                        (row.ratio, row.ratio_low, row.ratio_high),
                        (row.rate, row.rate_low, row.rate_high),
                        (row.cagr, row.cagr_low, row.cagr_high),
                        row.unit.clone(),
                    );
                    assert_eq!(many, c_as_row, "{query:?} {start} {end}");
                }
                // A zero start: alone an error; over many series the row stays, with
                // its change and without a ratio.
                Err(Error::Validation(_)) => {
                    undefined += 1;
                    assert_eq!(row.start_value, 0.0, "{query:?} {start} {end}");
                    assert_eq!((row.ratio, row.rate, row.cagr), (None, None, None));
                    assert_eq!(row.change, row.end_value);
                }
                Err(other) => panic!("{other}"),
            }
        }
        assert!(rows.next().is_none(), "no row without its series alone");
    }
    assert!(compared > 500, "{compared} changes compared");
    assert!(
        undefined > 0,
        "the store should have a zero start somewhere"
    );
}

#[test]
fn change_of_every_series_from_100_to_150_in_two_years_is_a_cagr_of_22_47_percent() {
    let mut store = synthetic();
    add(&mut store, "trade", (AZE, KAZ), "2020", 100.0);
    add(&mut store, "trade", (AZE, KAZ), "2022", 150.0);
    add(&mut store, "visitors", (AZE, KAZ), "2020", 0.0);
    add(&mut store, "visitors", (AZE, KAZ), "2022", 30.0);
    // Only the end: no row.
    add(&mut store, "visitors", (KAZ, AZE), "2022", 40.0);
    let rows = store
        .change_of_every(&bilateral::SeriesFilter::default(), "2020", "2022")
        .unwrap();
    let labels: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.indicator.as_str(), r.origin.as_str()))
        .collect();
    assert_eq!(labels, [("trade", AZE), ("visitors", AZE)]);
    let trade = &rows[0];
    // 150 / 100 = 1.5 over two years: √1.5 − 1 = 0.2247
    assert_eq!((trade.change, trade.years), (50.0, 2.0));
    assert_some_close(trade.ratio, 1.5);
    assert_some_close(trade.rate, 0.5);
    assert_some_close(trade.cagr, 1.5f64.sqrt() - 1.0);
    assert!((trade.cagr.unwrap() - 0.2247).abs() < 1e-4);
    assert_eq!(trade.unit, "USD");
    // From 0 to 30: +30, and no ratio to zero.
    let visitors = &rows[1];
    assert_eq!((visitors.start_value, visitors.change), (0.0, 30.0));
    assert_eq!(
        (visitors.ratio, visitors.rate, visitors.cagr),
        (None, None, None)
    );
}

#[test]
fn change_of_every_series_over_periods_that_cannot_be_compared_fails_once_naming_end() {
    // No series at all: the periods are checked all the same.
    let store = synthetic();
    let every = bilateral::SeriesFilter::default();
    let v = validation(store.change_of_every(&every, "2024", "2025-01/2025-07"));
    assert_eq!(v.field, "end");
    assert!(v.reason.contains("7 months vs 12 months"), "{}", v.reason);
    let v = validation(store.change_of_every(&every, "2024", "2023"));
    assert_eq!((v.field.as_str(), v.text.as_str()), ("end", "2023"));
    let v = validation(store.change_of_every(&every, "2020-13", "2024"));
    assert_eq!(v.field, "start");
}

#[test]
#[allow(deprecated)] // the positional form of shares, kept for a release
fn shares_of_every_pair_equal_shares_of_each_pair_alone() {
    let store = many_series_store();
    let exports = bilateral::SeriesFilter::default().indicator("exports");
    let mut pairs: Vec<(String, String)> = stored_series(&store)
        .into_iter()
        .filter(|s| s.0 == "exports")
        .map(|s| (s.1, s.2))
        .collect();
    pairs.dedup();
    let (mut compared, mut undefined) = (0, 0);
    // The pair's own total as the whole, and an undirected whole stored the other way
    // round for half the pairs.
    for of in [None, Some("turnover")] {
        let every = store.shares_of_every(&exports, of, "total", None).unwrap();
        let mut seen = 0;
        for (origin, destination) in &pairs {
            let mine: Vec<&bilateral::SeriesShare> = every
                .iter()
                .filter(|r| (&r.origin, &r.destination) == (origin, destination))
                .collect();
            seen += mine.len();
            assert!(mine.iter().all(|r| r.indicator == "exports"));
            match store.shares(&q("exports", origin, destination), of, "total", None) {
                Ok(alone) => {
                    compared += 1;
                    let as_rows: Vec<bilateral::ShareRow> = mine
                        .iter()
                        .map(|r| bilateral::ShareRow {
                            period: r.period,
                            product: r.product.clone(),
                            value: r.value,
                            whole: r.whole,
                            share: r.share.expect("a share where the pair alone has one"),
                            low: r.low.unwrap(),
                            high: r.high.unwrap(),
                        })
                        .collect();
                    assert_eq!(as_rows, alone, "{origin}→{destination} of {of:?}");
                }
                Err(Error::NotFound { .. }) => assert!(mine.is_empty()),
                // A zero whole: alone an error, over many pairs a row without a share.
                Err(Error::Validation(_)) => {
                    undefined += 1;
                    assert!(mine.iter().any(|r| r.whole == 0.0 && r.share.is_none()));
                    assert!(mine.iter().all(|r| r.share.is_some() == (r.whole != 0.0)));
                }
                Err(other) => panic!("{other}"),
            }
        }
        assert_eq!(seen, every.len(), "every row belongs to a pair of exports");
    }
    assert!(compared > 10, "{compared} pairs compared");
    assert!(
        undefined > 0,
        "the store should have a zero whole somewhere"
    );
}

#[test]
#[allow(deprecated)] // the positional form of shares, kept for a release
fn shares_of_every_pair_in_tonnes_of_dollars_fail_once_naming_both_units() {
    let store = many_series_store();
    // Every indicator's products of turnover: visitors are persons, cargo tonnes.
    let v = validation(store.shares_of_every(
        &bilateral::SeriesFilter::default(),
        Some("turnover"),
        "total",
        None,
    ));
    assert_eq!((v.field.as_str(), v.text.as_str()), ("of", "turnover"));
    assert!(v.reason.contains("vs USD"), "{}", v.reason);
}

#[test]
#[allow(deprecated)] // the positional form of shares, kept for a release
fn wheat_and_oil_are_a_quarter_and_a_twelfth_of_turnover_and_a_zero_whole_leaves_no_share() {
    let mut store = synthetic();
    store
        .add_indicator(&Indicator::new("sales", "Sales", "USD", Kind::Flow, true))
        .unwrap();
    for (pair, product, value) in [
        ((AZE, KAZ), "wheat", 30.0),
        ((AZE, KAZ), "oil", 10.0),
        (("KAZ", "GEO"), "wheat", 5.0),
    ] {
        let mut obs = NewObservation::new("sales", pair.0, pair.1, "2024", value);
        obs.product = Some(product.into());
        store.add(&obs).unwrap();
    }
    add(&mut store, "trade", (AZE, KAZ), "2024", 120.0);
    // Stored GEO–KAZ: the sales go KAZ → GEO, the other way round.
    add(&mut store, "trade", ("KAZ", "GEO"), "2024", 0.0);
    let rows = store
        .shares_of_every(
            &bilateral::SeriesFilter::default().indicator("sales"),
            Some("trade"),
            "total",
            None,
        )
        .unwrap();
    let shares: Vec<(&str, &str, Option<f64>)> = rows
        .iter()
        .map(|r| (r.origin.as_str(), r.product.as_str(), r.share))
        .collect();
    // 10 / 120 = 1/12, 30 / 120 = 1/4; 5 / 0 is undefined.
    assert_eq!(
        shares,
        [
            (AZE, "oil", Some(10.0 / 120.0)),
            (AZE, "wheat", Some(0.25)),
            ("KAZ", "wheat", None),
        ]
    );
    assert_eq!((rows[2].value, rows[2].whole), (5.0, 0.0));
}

#[test]
fn per_capita_of_every_series_equals_per_capita_of_each_series_alone() {
    let mut store = many_series_store();
    // Taiwan has no population in the store: its series keep their rows without one.
    add(&mut store, "visitors", ("TWN", "GEO"), "2020", 300.0);
    add(&mut store, "visitors", ("GEO", "TWN"), "2021", 400.0);
    let series = stored_series(&store);
    let filter = bilateral::SeriesFilter::default().every_product();
    let mut without_population = 0;
    for basis in [Basis::Origin, Basis::Destination] {
        let every = store.per_capita_of_every(&filter, 1000.0, basis).unwrap();
        let mut rows = every.iter();
        for (indicator, origin, destination, product) in &series {
            let query = q(indicator, origin, destination).product(product);
            let alone = store.per_capita(&query, 1000.0, basis);
            let length = store.series(&query).unwrap().observations.len();
            let mine: Vec<&bilateral::SeriesPerCapita> = rows.by_ref().take(length).collect();
            assert_eq!(mine.len(), length, "a row for every figure of {query:?}");
            assert!(mine.iter().all(|r| {
                (&r.indicator, &r.origin, &r.destination, &r.product)
                    == (indicator, origin, destination, product)
            }));
            match alone {
                Ok(alone) => {
                    let as_rows: Vec<bilateral::PerCapitaRow> = mine
                        .iter()
                        .map(|r| bilateral::PerCapitaRow {
                            period: r.period,
                            value: r.value,
                            country: r.country.clone(),
                            population_year: r.population_year.unwrap(),
                            population: r.population.unwrap(),
                            per_capita: r.per_capita.unwrap(),
                            low: r.low.unwrap(),
                            high: r.high.unwrap(),
                        })
                        .collect();
                    assert_eq!(as_rows, alone, "{query:?}");
                }
                Err(Error::NotFound {
                    what: "population", ..
                }) => {
                    without_population += 1;
                    assert!(mine.iter().all(|r| r.country == "TWN"
                        && (r.population, r.population_year, r.per_capita) == (None, None, None)));
                }
                Err(other) => panic!("{other}"),
            }
        }
        assert!(rows.next().is_none(), "no row without its series alone");
    }
    // TWN → GEO by origin, GEO → TWN by destination.
    assert_eq!(without_population, 2);
}

#[test]
fn azerbaijani_visitors_are_10_per_1000_and_taiwanese_have_no_population_to_divide_by() {
    let mut store = synthetic();
    add(&mut store, "visitors", (AZE, KAZ), "2024", 102_000.0);
    add(&mut store, "visitors", ("TWN", KAZ), "2024", 500.0);
    let rows = store
        .per_capita_of_every(
            &bilateral::SeriesFilter::default().indicator("visitors"),
            1000.0,
            Basis::Origin,
        )
        .unwrap();
    assert_eq!(rows.len(), 2);
    // 102,000 / 10,202,830 × 1,000 = 9.997
    let aze = &rows[0];
    assert_eq!(
        (aze.country.as_str(), aze.population_year),
        (AZE, Some(2024))
    );
    assert_eq!(aze.population, Some(10_202_830));
    assert_some_close(aze.per_capita, 102_000.0 / AZE_2024 * 1000.0);
    let twn = &rows[1];
    assert_eq!((twn.country.as_str(), twn.value), ("TWN", 500.0));
    assert_eq!(
        (twn.population, twn.per_capita, twn.low),
        (None, None, None)
    );
    // Alone, the same series is an error naming the country and year.
    let (what, key) =
        not_found(store.per_capita(&q("visitors", "TWN", KAZ), 1000.0, Basis::Origin));
    assert_eq!(
        (what, key.as_str()),
        ("population", "TWN in 2024 or earlier")
    );
    let v = validation(store.per_capita_of_every(
        &bilateral::SeriesFilter::default(),
        0.0,
        Basis::Origin,
    ));
    assert_eq!(v.field, "per");
}

#[test]
fn asymmetry_of_every_pair_equals_asymmetry_of_each_pair_alone() {
    let store = many_series_store();
    let series = stored_series(&store);
    let filter = bilateral::SeriesFilter::default().every_product();
    let every = store.asymmetry_of_every(&filter).unwrap();
    let (mut compared, mut undefined, mut rows_seen) = (0, 0, 0);
    for (indicator, a, b, product) in &series {
        let reverse = (indicator.clone(), b.clone(), a.clone(), product.clone());
        let directed = indicator == "exports" || indicator == "visitors";
        if !directed || a > b || !series.contains(&reverse) {
            continue;
        }
        let mine: Vec<&bilateral::SeriesAsymmetry> = every
            .iter()
            .filter(|r| (&r.indicator, &r.a, &r.b, &r.product) == (indicator, a, b, product))
            .collect();
        rows_seen += mine.len();
        match store.asymmetry(&q(indicator, a, b).product(product)) {
            Ok(alone) => {
                compared += 1;
                let as_rows: Vec<bilateral::AsymmetryRow> = mine
                    .iter()
                    .map(|r| bilateral::AsymmetryRow {
                        period: r.period,
                        a_to_b: r.a_to_b,
                        a_to_b_low: r.a_to_b_low,
                        a_to_b_high: r.a_to_b_high,
                        b_to_a: r.b_to_a,
                        b_to_a_low: r.b_to_a_low,
                        b_to_a_high: r.b_to_a_high,
                        ratio: r.ratio.unwrap(),
                        ratio_low: r.ratio_low.unwrap(),
                        ratio_high: r.ratio_high.unwrap(),
                        net: r.net,
                        net_low: r.net_low,
                        net_high: r.net_high,
                    })
                    .collect();
                assert_eq!(as_rows, alone, "{indicator} {a} {b} {product}");
            }
            Err(Error::NotFound { .. }) => assert!(mine.is_empty()),
            // b → a of zero: alone an error, over many pairs a row without a ratio.
            Err(Error::Validation(_)) => {
                undefined += 1;
                assert!(mine.iter().any(|r| r.b_to_a == 0.0 && r.ratio.is_none()));
                assert!(mine.iter().all(|r| r.ratio.is_some() == (r.b_to_a != 0.0)));
            }
            Err(other) => panic!("{other}"),
        }
    }
    // Every row is one of the pairs above: directed, a before b.
    assert_eq!(rows_seen, every.len());
    assert!(compared > 10, "{compared} pairs compared");
    assert!(
        undefined > 0,
        "the store should have a zero b → a somewhere"
    );
}

#[test]
fn asymmetry_of_every_pair_puts_the_alphabetically_first_country_as_a() {
    let mut store = synthetic();
    add(&mut store, "visitors", (KAZ, AZE), "2024", 200.0);
    add(&mut store, "visitors", (AZE, KAZ), "2024", 300.0);
    add(&mut store, "visitors", ("KAZ", "GEO"), "2024", 0.0);
    add(&mut store, "visitors", ("GEO", "KAZ"), "2024", 10.0);
    // One direction only: no pair.
    add(&mut store, "visitors", ("ARM", AZE), "2024", 50.0);
    add(&mut store, "trade", (AZE, KAZ), "2024", 100.0);
    // KAZ named as the origin matches it on either side.
    let filter = bilateral::SeriesFilter::default().origin("KAZ");
    let rows = store.asymmetry_of_every(&filter).unwrap();
    let pairs: Vec<(&str, &str)> = rows.iter().map(|r| (r.a.as_str(), r.b.as_str())).collect();
    assert_eq!(pairs, [(AZE, KAZ), ("GEO", KAZ)]);
    // 300 / 200 = 1.5, 300 − 200 = 100; 10 / 0 is undefined, 10 − 0 = 10.
    assert_some_close(rows[0].ratio, 1.5);
    assert_eq!(rows[0].net, 100.0);
    assert_eq!((rows[1].ratio, rows[1].net), (None, 10.0));
    // The undirected trade is passed over unless named.
    let every = store
        .asymmetry_of_every(&bilateral::SeriesFilter::default())
        .unwrap();
    assert!(every.iter().all(|r| r.indicator == "visitors"));
    let v = validation(
        store.asymmetry_of_every(&bilateral::SeriesFilter::default().indicator("trade")),
    );
    assert_eq!((v.field.as_str(), v.text.as_str()), ("indicator", "trade"));
}

// ----- mirror figures: one flow as its exporter and its importer report it ----------------------

const GEO: &str = "GEO";
const TUR: &str = "TUR";

/// A fresh store (with the catalogue's exports and imports) and the two statistics
/// offices as sources.
fn mirror_store() -> Store {
    let mut store = Store::in_memory().unwrap();
    for id in ["geostat", "turkstat"] {
        store
            .add_source(&bilateral::Source {
                id: id.into(),
                title: id.into(),
                publisher: None,
                url: None,
                published: None,
            })
            .unwrap();
    }
    store
}

/// Adds an actual figure worded with `qualifier`, citing `source`.
fn add_reported(
    store: &mut Store,
    indicator: &str,
    (origin, destination): (&str, &str),
    period: &str,
    value: f64,
    qualifier: &str,
    source: &str,
) {
    let mut obs = NewObservation::new(indicator, origin, destination, period, value);
    obs.qualifier = Some(qualifier.to_owned());
    obs.source = Some(source.to_owned());
    store
        .add(&obs)
        .unwrap_or_else(|e| panic!("{indicator} {period}: {e}"));
}

#[test]
fn mirror_sets_the_exporters_exports_beside_the_importers_imports_of_the_same_flow() {
    let mut store = mirror_store();
    // Georgia reports its exports to Türkiye, Türkiye its imports from Georgia: both
    // stored from GEO to TUR.
    add_reported(
        &mut store,
        "exports",
        (GEO, TUR),
        "2024",
        300_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "imports",
        (GEO, TUR),
        "2024",
        318_000_000.0,
        "exact",
        "turkstat",
    );
    let exports = store.series(&q("exports", GEO, TUR)).unwrap();
    let imports = store.series(&q("imports", GEO, TUR)).unwrap();
    let rows = bilateral::analysis::mirror(&exports, &imports).unwrap();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(
        (r.exports_indicator.as_str(), r.imports_indicator.as_str()),
        ("exports", "imports")
    );
    assert_eq!((r.exporter.as_str(), r.importer.as_str()), (GEO, TUR));
    assert_eq!(
        (r.product.as_str(), r.period, r.unit.as_str()),
        ("total", p("2024"), "USD")
    );
    assert_eq!(r.exports.value, 300_000_000.0);
    assert_eq!(r.exports.source.as_deref(), Some("geostat"));
    assert_eq!(r.exports.status, Status::Actual);
    assert_eq!(r.imports.value, 318_000_000.0);
    assert_eq!(r.imports.source.as_deref(), Some("turkstat"));
    // 318 − 300 = 18 million; 18 / 300 = 6 %. Both exact: the bounds are the values.
    assert_eq!((r.gap, r.gap_low, r.gap_high), (18e6, 18e6, 18e6));
    assert_some_close(r.relative_gap, 0.06);
    assert_some_close(r.relative_gap_low, 0.06);
    assert_some_close(r.relative_gap_high, 0.06);
}

#[test]
fn mirror_takes_only_periods_both_ends_report() {
    let mut store = mirror_store();
    add_reported(
        &mut store,
        "exports",
        (GEO, TUR),
        "2023",
        250_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "exports",
        (GEO, TUR),
        "2024",
        300_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "imports",
        (GEO, TUR),
        "2024",
        270_000_000.0,
        "exact",
        "turkstat",
    );
    add_reported(
        &mut store,
        "imports",
        (GEO, TUR),
        "2025",
        280_000_000.0,
        "exact",
        "turkstat",
    );
    let exports = store.series(&q("exports", GEO, TUR)).unwrap();
    let imports = store.series(&q("imports", GEO, TUR)).unwrap();
    let rows = bilateral::analysis::mirror(&exports, &imports).unwrap();
    // 2023 only Georgia reports, 2025 only Türkiye: one row, 2024.
    let periods: Vec<Period> = rows.iter().map(|r| r.period).collect();
    assert_eq!(periods, [p("2024")]);
    // 270 − 300 = −30 million; −30 / 300 = −10 %: the importer reports less.
    assert_eq!(rows[0].gap, -30_000_000.0);
    assert_some_close(rows[0].relative_gap, -0.10);
}

#[test]
fn mirror_in_different_currencies_gives_no_row() {
    let mut store = mirror_store();
    // Imports redefined in Turkish lira before any figure uses the catalogue's entry.
    let lira = Indicator {
        unit: "TRY".to_owned(),
        ..store.indicator("imports").unwrap()
    };
    store.add_indicator(&lira).unwrap();
    add_reported(
        &mut store,
        "exports",
        (GEO, TUR),
        "2024",
        300_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "imports",
        (GEO, TUR),
        "2024",
        9_000_000_000.0,
        "exact",
        "turkstat",
    );
    let exports = store.series(&q("exports", GEO, TUR)).unwrap();
    let imports = store.series(&q("imports", GEO, TUR)).unwrap();
    assert_eq!(bilateral::analysis::mirror(&exports, &imports).unwrap(), []);
    assert_eq!(
        store.mirror(&bilateral::SeriesFilter::default()).unwrap(),
        []
    );
}

#[test]
fn mirror_bounds_hold_every_gap_an_over_and_an_around_figure_allow() {
    let mut store = mirror_store();
    // "over 310 million": the last digit is the ten millions, so [310, 320] million;
    // "around 318 million": [317.5, 318.5] million.
    add_reported(
        &mut store,
        "exports",
        (GEO, TUR),
        "2024",
        310_000_000.0,
        "over",
        "geostat",
    );
    add_reported(
        &mut store,
        "imports",
        (GEO, TUR),
        "2024",
        318_000_000.0,
        "approx",
        "turkstat",
    );
    let rows = store
        .mirror(&bilateral::SeriesFilter::default().indicator("exports"))
        .unwrap();
    let r = &rows[0];
    assert_eq!((r.exports.low, r.exports.high), (310e6, 320e6));
    assert_eq!((r.imports.low, r.imports.high), (317.5e6, 318.5e6));
    // gap 318 − 310 = 8 million, bounds [317.5 − 320, 318.5 − 310] = [−2.5, 8.5] million
    assert_eq!((r.gap, r.gap_low, r.gap_high), (8e6, -2.5e6, 8.5e6));
    // relative gap 8 / 310 = 0.025806; lowest 317.5 / 320 − 1 = −0.0078125, highest
    // 318.5 / 310 − 1 = 0.027419
    assert_some_close(r.relative_gap, 8.0 / 310.0);
    assert_some_close(r.relative_gap_low, -0.0078125);
    assert_some_close(r.relative_gap_high, 318.5 / 310.0 - 1.0);
    // Every corner of the two figures' bounds gives a gap % within them.
    for x in [310e6, 320e6] {
        for m in [317.5e6, 318.5e6] {
            let gap = (m - x) / x;
            assert!(r.relative_gap_low.unwrap() <= gap + 1e-14, "{gap}");
            assert!(gap <= r.relative_gap_high.unwrap() + 1e-14, "{gap}");
        }
    }
}

#[test]
fn mirror_of_series_of_different_flows_is_a_validation_error() {
    let mut store = mirror_store();
    add_reported(
        &mut store,
        "exports",
        (GEO, TUR),
        "2024",
        300_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "imports",
        (TUR, GEO),
        "2024",
        318_000_000.0,
        "exact",
        "turkstat",
    );
    let exports = store.series(&q("exports", GEO, TUR)).unwrap();
    let imports = store.series(&q("imports", TUR, GEO)).unwrap();
    let v = validation(bilateral::analysis::mirror(&exports, &imports));
    assert_eq!(
        (v.field.as_str(), v.text.as_str()),
        ("imports", "imports TUR→GEO")
    );
}

#[test]
fn mirror_of_every_pair_gives_each_flow_reported_from_both_ends() {
    let mut store = mirror_store();
    add_reported(
        &mut store,
        "exports",
        (GEO, TUR),
        "2024",
        300_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "imports",
        (GEO, TUR),
        "2024",
        318_000_000.0,
        "exact",
        "turkstat",
    );
    add_reported(
        &mut store,
        "exports",
        (TUR, GEO),
        "2024",
        1_000_000_000.0,
        "exact",
        "turkstat",
    );
    add_reported(
        &mut store,
        "imports",
        (TUR, GEO),
        "2024",
        1_100_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "exports_volume",
        (GEO, TUR),
        "2024",
        500_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "imports_volume",
        (GEO, TUR),
        "2024",
        450_000.0,
        "exact",
        "turkstat",
    );
    // One end only: no row.
    add_reported(
        &mut store,
        "exports",
        (AZE, KAZ),
        "2024",
        200_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "exports",
        (GEO, "ARM"),
        "2024",
        100_000_000.0,
        "exact",
        "geostat",
    );
    add_reported(
        &mut store,
        "imports",
        (GEO, "ARM"),
        "2024",
        90_000_000.0,
        "exact",
        "geostat",
    );
    let keys = |rows: &[bilateral::MirrorRow]| -> Vec<(String, String, String)> {
        rows.iter()
            .map(|r| {
                (
                    r.exports_indicator.clone(),
                    r.exporter.clone(),
                    r.importer.clone(),
                )
            })
            .collect()
    };
    let key = |i: &str, x: &str, m: &str| (i.to_owned(), x.to_owned(), m.to_owned());
    let every = store.mirror(&bilateral::SeriesFilter::default()).unwrap();
    // Value pairs first, then volume; within each, by exporter then importer.
    assert_eq!(
        keys(&every),
        [
            key("exports", GEO, "ARM"),
            key("exports", GEO, TUR),
            key("exports", TUR, GEO),
            key("exports_volume", GEO, TUR),
        ]
    );
    // 1,100 − 1,000 = 100 million, 10 %; 450,000 − 500,000 t = −50,000 t, −10 %
    assert_eq!(every[2].gap, 100_000_000.0);
    assert_some_close(every[2].relative_gap, 0.10);
    assert_eq!((every[3].gap, every[3].unit.as_str()), (-50_000.0, "t"));
    assert_some_close(every[3].relative_gap, -0.10);
    // Two countries named: both flows between them, whichever side each is named on.
    let pair = store
        .mirror(
            &bilateral::SeriesFilter::default()
                .origin(TUR)
                .destination(GEO),
        )
        .unwrap();
    assert_eq!(
        keys(&pair),
        [
            key("exports", GEO, TUR),
            key("exports", TUR, GEO),
            key("exports_volume", GEO, TUR),
        ]
    );
    // One country named: every flow it exports or imports; either end names the pair.
    let armenia = store
        .mirror(&bilateral::SeriesFilter::default().origin("ARM"))
        .unwrap();
    assert_eq!(keys(&armenia), [key("exports", GEO, "ARM")]);
    let volume = store
        .mirror(&bilateral::SeriesFilter::default().indicator("imports_volume"))
        .unwrap();
    assert_eq!(keys(&volume), [key("exports_volume", GEO, TUR)]);
    // An indicator without a mirror is a validation error.
    let v = validation(store.mirror(&bilateral::SeriesFilter::default().indicator("tourists")));
    assert_eq!(
        (v.field.as_str(), v.text.as_str()),
        ("indicator", "tourists")
    );
    assert!(v.reason.contains("exports with imports"), "{}", v.reason);
}
