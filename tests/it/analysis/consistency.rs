//! The consistency checks: each rule on small hand-made series, once where it must fire
//! and once just short of it; then the built-in dataset and the order of the answer.
//!
//! Bounds follow the qualifier rule (u is the unit of the last significant digit):
//! exact [v, v], approx [v − u/2, v + u/2], over [v, v + u], nearly and under [v − u, v].

use bilateral::analysis::consistency::{ordered, Check, Finding, Severity};
use bilateral::{Indicator, Kind, NewObservation, ObservationFilter, PairFilter, Source, Store};

// ----- helpers ----------------------------------------------------------------------------------

/// A fresh store between Georgia and Armenia: an undirected flow `cargo` (t), a signed
/// flow `net_investment` (USD), a stock `firms` (count), and two sources `geostat` and
/// `armstat`.
fn store() -> Store {
    let mut store = Store::in_memory().unwrap();
    let mut net = Indicator::new("net_investment", "Net investment", "USD", Kind::Flow, true);
    net.signed = true;
    for indicator in [
        Indicator::new("cargo", "Cargo", "t", Kind::Flow, false),
        net,
        Indicator::new("firms", "Firms", "count", Kind::Stock, true),
    ] {
        store.add_indicator(&indicator).unwrap();
    }
    for id in ["geostat", "armstat"] {
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
    store
}

/// A figure from GEO to ARM, from `geostat`, with the given qualifier and status.
fn figure(
    indicator: &str,
    period: &str,
    value: f64,
    qualifier: &str,
    status: &str,
) -> NewObservation {
    let mut obs = NewObservation::new(indicator, "GEO", "ARM", period, value);
    obs.qualifier = Some(qualifier.to_owned());
    obs.status = Some(status.to_owned());
    obs.source = Some("geostat".to_owned());
    obs
}

/// Adds an exact actual cargo figure.
fn cargo(store: &mut Store, period: &str, value: f64) {
    add(store, figure("cargo", period, value, "exact", "actual"));
}

fn add(store: &mut Store, obs: NewObservation) {
    store
        .add(&obs)
        .unwrap_or_else(|e| panic!("{} {}: {e}", obs.indicator, obs.period));
}

fn findings(store: &Store) -> Vec<Finding> {
    store.findings_of(&PairFilter::any()).unwrap()
}

/// The rule codes of `findings`, in order.
fn codes(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.check.code()).collect()
}

/// The one finding of `findings`.
#[track_caller]
fn only(findings: &[Finding]) -> &Finding {
    assert_eq!(findings.len(), 1, "one finding in {findings:#?}");
    &findings[0]
}

// ----- partial_exceeds_whole --------------------------------------------------------------------

#[test]
fn partial_year_larger_than_full_year_is_an_error() {
    let mut store = store();
    cargo(&mut store, "2024-01/2024-08", 600.0);
    cargo(&mut store, "2024", 500.0);
    let findings = findings(&store);
    let f = only(&findings);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.check, Check::PartialExceedsWhole);
    assert_eq!(
        (
            f.indicator.as_str(),
            f.origin.as_str(),
            f.destination.as_str(),
            f.product.as_str()
        ),
        // an undirected indicator keeps its pair in alphabetical order
        ("cargo", "ARM", "GEO", "total")
    );
    assert_eq!(f.periods_text(), "2024-01/2024-08, 2024");
    assert_eq!(f.figures, "600 t; 500 t");
    assert_eq!(
        f.explanation,
        "January–August 2024 alone (600 t) is more than 2024 as a whole (500 t), which contains it."
    );
}

#[test]
fn a_quarter_larger_than_its_half_year_is_an_error_too() {
    let mut store = store();
    cargo(&mut store, "2024-Q2", 300.0);
    cargo(&mut store, "2024-H1", 200.0);
    assert_eq!(codes(&findings(&store)), ["partial_exceeds_whole"]);
}

#[test]
fn partial_year_reaching_the_full_year_only_within_bounds_is_no_finding() {
    let mut store = store();
    // over 500: u = 100, [500, 600]; the year exactly 500: 500 is not above 500
    add(
        &mut store,
        figure("cargo", "2024-01/2024-08", 500.0, "over", "actual"),
    );
    cargo(&mut store, "2024", 500.0);
    // around 5,100: u = 100, [5,050, 5,150]; nearly 5,100: [5,000, 5,100]: they meet
    add(
        &mut store,
        figure("cargo", "2023-H1", 5_100.0, "around", "actual"),
    );
    add(
        &mut store,
        figure("cargo", "2023", 5_100.0, "nearly", "actual"),
    );
    assert_eq!(findings(&store), []);
}

#[test]
fn a_projection_larger_than_the_year_is_no_contradiction() {
    let mut store = store();
    add(
        &mut store,
        figure("cargo", "2025-H1", 900.0, "exact", "projection"),
    );
    cargo(&mut store, "2025", 500.0);
    assert_eq!(findings(&store), []);
}

#[test]
fn parts_of_signed_flows_and_of_stocks_may_exceed_the_whole() {
    let mut store = store();
    // a net inflow in the first half, mostly withdrawn in the second
    add(
        &mut store,
        figure("net_investment", "2024-H1", 600.0, "exact", "actual"),
    );
    add(
        &mut store,
        figure("net_investment", "2024", 100.0, "exact", "actual"),
    );
    // a stock counted in June is no part of one counted over the year
    add(
        &mut store,
        figure("firms", "2024-06", 60.0, "exact", "actual"),
    );
    add(&mut store, figure("firms", "2024", 50.0, "exact", "actual"));
    assert_eq!(findings(&store), []);
}

// ----- year_to_date_falls -----------------------------------------------------------------------

#[test]
fn year_to_date_smaller_than_an_earlier_year_to_date_is_an_error() {
    let mut store = store();
    cargo(&mut store, "2025-01/2025-03", 300.0);
    cargo(&mut store, "2025-01/2025-06", 200.0);
    let findings = findings(&store);
    let f = only(&findings);
    assert_eq!(
        (f.severity, f.check),
        (Severity::Error, Check::YearToDateFalls)
    );
    assert_eq!(f.periods_text(), "2025-Q1, 2025-H1");
    assert_eq!(f.figures, "300 t; 200 t");
    assert_eq!(
        f.explanation,
        "The year to date fell: the first half of 2025 (200 t) is less than the first \
         quarter of 2025 (300 t), though it counts the same months and more."
    );
}

#[test]
fn year_to_date_against_another_year_or_within_bounds_is_no_finding() {
    let mut store = store();
    // January–June 2024 is no later year to date of 2025
    cargo(&mut store, "2025-01/2025-03", 300.0);
    cargo(&mut store, "2024-01/2024-06", 200.0);
    // around 300: u = 100, [250, 350], which holds the 300 of January–March
    add(
        &mut store,
        figure("cargo", "2025-01/2025-06", 300.0, "around", "actual"),
    );
    assert_eq!(findings(&store), []);
}

// ----- sources_disagree -------------------------------------------------------------------------

#[test]
fn two_sources_with_bounds_apart_are_an_error() {
    let mut store = store();
    cargo(&mut store, "2024", 500.0);
    let mut other = figure("cargo", "2024", 700.0, "exact", "actual");
    other.source = Some("armstat".to_owned());
    add(&mut store, other);
    let findings = findings(&store);
    let f = only(&findings);
    assert_eq!(
        (f.severity, f.check),
        (Severity::Error, Check::SourcesDisagree)
    );
    assert_eq!(f.periods_text(), "2024, 2024");
    // sources in id order: armstat before geostat
    assert_eq!(f.figures, "700 t; 500 t");
    assert_eq!(
        f.explanation,
        "For 2024, armstat gives 700 t and geostat gives 500 t (actual figures), and the two \
         cannot both be right."
    );
}

#[test]
fn two_sources_whose_bounds_overlap_or_of_different_status_agree() {
    let mut store = store();
    // about 500: u = 100, [450, 550]; over 540: u = 10, [540, 550]: they overlap
    add(
        &mut store,
        figure("cargo", "2024", 500.0, "about", "actual"),
    );
    let mut other = figure("cargo", "2024", 540.0, "over", "actual");
    other.source = Some("armstat".to_owned());
    add(&mut store, other);
    // a provisional figure later revised is no disagreement
    add(
        &mut store,
        figure("cargo", "2023", 500.0, "exact", "provisional"),
    );
    let mut revised = figure("cargo", "2023", 700.0, "exact", "actual");
    revised.source = Some("armstat".to_owned());
    add(&mut store, revised);
    assert_eq!(findings(&store), []);
}

// ----- target_already_reached -------------------------------------------------------------------

#[test]
fn target_below_last_years_actual_is_a_warning() {
    let mut store = store();
    cargo(&mut store, "2024", 500.0);
    add(
        &mut store,
        figure("cargo", "2025", 400.0, "exact", "target"),
    );
    let findings = findings(&store);
    let f = only(&findings);
    assert_eq!(
        (f.severity, f.check),
        (Severity::Warning, Check::TargetAlreadyReached)
    );
    assert_eq!(f.periods_text(), "2025, 2024");
    assert_eq!(f.figures, "400 t; 500 t");
    assert_eq!(
        f.explanation,
        "The target for 2025 (400 t) is below the 500 t already reached in 2024."
    );
}

#[test]
fn target_below_part_of_its_own_year_is_a_warning() {
    let mut store = store();
    cargo(&mut store, "2025-01/2025-07", 450.0);
    add(
        &mut store,
        figure("cargo", "2025", 400.0, "exact", "target"),
    );
    let findings = findings(&store);
    let f = only(&findings);
    assert_eq!(f.check, Check::TargetAlreadyReached);
    assert_eq!(f.periods_text(), "2025, 2025-01/2025-07");
}

#[test]
fn target_equal_to_an_actual_or_below_one_of_another_length_is_no_finding() {
    let mut store = store();
    add(
        &mut store,
        figure("cargo", "2025", 500.0, "exact", "target"),
    );
    // 500 is reached, not surpassed
    cargo(&mut store, "2024", 500.0);
    // seven months of 2024 are neither a year nor part of 2025
    cargo(&mut store, "2024-01/2024-07", 450.0);
    // a later year says nothing about a target already reached
    cargo(&mut store, "2026", 900.0);
    // a projection is no target
    add(
        &mut store,
        figure("cargo", "2026", 400.0, "exact", "projection"),
    );
    assert_eq!(findings(&store), []);
}

// ----- projection_outside_history ---------------------------------------------------------------

#[test]
fn oil_transit_projection_is_far_outside_its_history() {
    let findings = Store::demo()
        .unwrap()
        .findings_of(&PairFilter::between("KAZ", "AZE"))
        .unwrap();
    let oil: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.indicator == "oil_transit")
        .collect();
    // the same projection from two sources is one finding
    assert_eq!(oil.len(), 1, "{oil:#?}");
    let f = oil[0];
    assert_eq!(
        (f.severity, f.check),
        (Severity::Info, Check::ProjectionOutsideHistory)
    );
    assert_eq!((f.origin.as_str(), f.destination.as_str()), ("KAZ", "AZE"));
    assert_eq!(f.periods_text(), "2027, 2024");
    assert_eq!(f.figures, "7 million t; 1.4 million t");
    // implied: (7 / 1.4)^(1/3) − 1 = 5^(1/3) − 1 = 70.998 %, 71.0 %;
    // history: 2023 "over 1,000,000" (u = 1,000,000: [1, 2] million) to 2024 exactly 1.4
    // million grows at most 1.4 / 1 − 1 = 40 % a year; 71.0 % > 1.5 × 40 % = 60 % and > 25 %
    assert!((5f64.powf(1.0 / 3.0) - 1.0 - 0.70998).abs() < 1e-5);
    assert_eq!(
        f.explanation,
        "The projection for 2027 (7 million t) implies growth of 71.0 % a year from \
         1.4 million t in 2024, against at most 40.0 % a year in the series' history \
         (2023 to 2024)."
    );
}

/// Cargo of 100 t in 2022 and 150 t in 2023: 50 % growth, the series' whole history.
fn fifty_percent_history() -> Store {
    let mut store = store();
    cargo(&mut store, "2022", 100.0);
    cargo(&mut store, "2023", 150.0);
    store
}

#[test]
fn projection_beyond_one_and_a_half_times_the_fastest_growth_is_info() {
    let mut store = fifty_percent_history();
    // 150 × 1.8² = 486: 80 % a year for two years, above 1.5 × 50 % = 75 %
    add(
        &mut store,
        figure("cargo", "2025", 486.0, "exact", "projection"),
    );
    let findings = findings(&store);
    let f = only(&findings);
    assert_eq!(f.check, Check::ProjectionOutsideHistory);
    assert_eq!(f.figures, "486 t; 150 t");
    assert!(f.explanation.contains("80.0 % a year"), "{}", f.explanation);
    assert!(
        f.explanation.contains("at most 50.0 % a year"),
        "{}",
        f.explanation
    );
}

#[test]
fn projection_within_one_and_a_half_times_the_fastest_growth_is_no_finding() {
    let mut store = fifty_percent_history();
    // 150 × 1.7² = 433.5: 70 % a year, below 75 %
    add(
        &mut store,
        figure("cargo", "2025", 433.5, "exact", "target"),
    );
    assert_eq!(findings(&store), []);
}

#[test]
fn projection_below_a_quarter_a_year_or_without_history_is_no_finding() {
    let mut store = store();
    // 100 to 90 is −10 % a year; 90 × 1.2 = 108 is +20 %, above 1.5 × −10 % but below 25 %
    cargo(&mut store, "2022", 100.0);
    cargo(&mut store, "2023", 90.0);
    add(
        &mut store,
        figure("cargo", "2024", 108.0, "exact", "projection"),
    );
    // one figure is no history, however fast the projection grows from it
    add(&mut store, figure("firms", "2023", 10.0, "exact", "actual"));
    add(
        &mut store,
        figure("firms", "2025", 1_000.0, "exact", "projection"),
    );
    assert_eq!(findings(&store), []);
}

// ----- the built-in dataset, the order and the filter -------------------------------------------

#[test]
fn built_in_dataset_has_no_error() {
    let findings = Store::demo()
        .unwrap()
        .findings_of(&PairFilter::any())
        .unwrap();
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors, Vec::<&Finding>::new());
}

/// One finding of each rule the store makes, cargo between Georgia and Armenia, firms
/// from Georgia to Armenia.
fn store_with_every_rule() -> Store {
    let mut store = fifty_percent_history();
    add(
        &mut store,
        figure("cargo", "2025", 486.0, "exact", "projection"),
    );
    add(&mut store, figure("firms", "2024", 50.0, "exact", "actual"));
    add(&mut store, figure("firms", "2025", 40.0, "exact", "target"));
    cargo(&mut store, "2024-01/2024-03", 300.0);
    cargo(&mut store, "2024-01/2024-06", 200.0);
    cargo(&mut store, "2021-Q1", 300.0);
    cargo(&mut store, "2021", 200.0);
    store
}

#[test]
fn findings_come_errors_first_then_by_indicator_and_period() {
    let findings = findings(&store_with_every_rule());
    let order: Vec<(&str, &str, String)> = findings
        .iter()
        .map(|f| (f.severity.code(), f.check.code(), f.periods_text()))
        .collect();
    assert_eq!(
        order,
        [
            ("error", "partial_exceeds_whole", "2021-Q1, 2021".to_owned()),
            ("error", "year_to_date_falls", "2024-Q1, 2024-H1".to_owned()),
            ("warning", "target_already_reached", "2025, 2024".to_owned()),
            (
                "info",
                "projection_outside_history",
                "2025, 2023".to_owned()
            ),
        ]
    );
}

#[test]
fn a_finding_made_elsewhere_merges_into_its_place() {
    let store = store_with_every_rule();
    let filter = ObservationFilter::indicator("cargo");
    let year = store
        .observations(&filter)
        .unwrap()
        .into_iter()
        .find(|o| o.period_text == "2023")
        .unwrap();
    let implied = Finding::new(Check::ImpliedRestOfYear, &year)
        .figure(&year)
        .explained("The rest of 2023 would need less than nothing.");
    let merged = ordered(findings(&store).into_iter().chain([implied.clone()]));
    // a warning on cargo comes after the errors and before the warning on firms
    assert_eq!(merged.len(), 5);
    assert_eq!(merged[2], implied);
    assert_eq!(implied.severity, Severity::Warning);
    assert_eq!(implied.check.code(), "implied_rest_of_year");
}

/// [`store_with_every_rule`] between Armenia and Georgia, and between Georgia and
/// Azerbaijan a quarter (300) above its year (200): one more error.
fn store_with_every_rule_and_a_pair_elsewhere() -> Store {
    let mut store = store_with_every_rule();
    let mut elsewhere = NewObservation::new("cargo", "GEO", "AZE", "2024-Q2", 300.0);
    elsewhere.source = Some("geostat".to_owned());
    add(&mut store, elsewhere);
    let mut year = NewObservation::new("cargo", "GEO", "AZE", "2024", 200.0);
    year.source = Some("geostat".to_owned());
    add(&mut store, year);
    store
}

#[test]
fn check_of_a_pair_takes_either_direction_and_leaves_other_pairs_out() {
    let store = store_with_every_rule_and_a_pair_elsewhere();
    let every = store.findings_of(&PairFilter::any()).unwrap();
    assert_eq!(every.len(), 5);
    let pair = store
        .findings_of(&PairFilter::between("ARM", "GEO"))
        .unwrap();
    assert_eq!(
        pair,
        store
            .findings_of(&PairFilter::between("Georgia", "Armenia"))
            .unwrap()
    );
    assert_eq!(pair.len(), 4);
    assert!(pair
        .iter()
        .all(|f| f.origin != "AZE" && f.destination != "AZE"));
    // one country: every pair it is in, on either side
    assert_eq!(
        store.findings_of(&PairFilter::involving("GEO")).unwrap(),
        every
    );
    let aze_as_b = PairFilter {
        a: None,
        b: Some("AZE".to_owned()),
    };
    assert_eq!(store.findings_of(&aze_as_b).unwrap().len(), 1);
}

#[test]
#[allow(deprecated)] // the positional form of check, kept for a release
fn the_deprecated_positional_check_still_gives_what_findings_of_gives() {
    let store = store_with_every_rule_and_a_pair_elsewhere();
    // 4 findings between Armenia and Georgia, 1 between Georgia and Azerbaijan.
    for (origin, destination, pair, count) in [
        (None, None, PairFilter::any(), 5),
        (Some("GEO"), None, PairFilter::involving("GEO"), 5),
        (None, Some("AZE"), PairFilter::involving("AZE"), 1),
        (
            Some("Georgia"),
            Some("Armenia"),
            PairFilter::between("ARM", "GEO"),
            4,
        ),
    ] {
        let old = store.check(origin, destination).unwrap();
        assert_eq!(old.len(), count, "{origin:?} {destination:?}");
        assert_eq!(
            old,
            store.findings_of(&pair).unwrap(),
            "{origin:?} {destination:?}"
        );
    }
}

#[test]
fn checking_a_country_against_itself_is_refused_as_one_country_twice() {
    let store = store_with_every_rule();
    let twice = PairFilter::between("GEO", "Georgia");
    for err in [
        store.findings_of(&twice).unwrap_err(),
        store.claim_checks_of(&twice).unwrap_err(),
    ] {
        assert_eq!(err.kind(), bilateral::ErrorKind::SameCountry, "{err}");
        assert_eq!(err.validation().unwrap().field, "b");
    }
}
