//! Spot-checks of the built-in Azerbaijan–Kazakhstan dataset against its source article
//! (The Caspian Post, "Azerbaijan and Kazakhstan deepen partnership through economic
//! collaboration and shared heritage").
//!
//! Every expected value below was read off the article by hand and converted to base
//! units by hand ($547.6 million is 547,600,000 USD). Bounds follow the qualifier rule of
//! docs/data-model.md, with u the unit of the last significant digit (trailing zeros of a
//! whole number are not significant):
//!
//! | qualifier | bounds            |
//! |-----------|-------------------|
//! | exact     | [v, v]            |
//! | approx    | [v − u/2, v + u/2]|
//! | over      | [v, v + u]        |
//! | nearly    | [v − u, v]        |
//! | under     | [v − u, v]        |
//!
//! Figures the article only implies are stored as estimates with explicit bounds; for
//! those the bounds are worked out from the derivation in the figure's note.

use bilateral::{
    Error, Kind, Observation, ObservationFilter, PairFilter, Qualifier, Status, Store,
};

const AZE: &str = "AZE";
const KAZ: &str = "KAZ";
const DATASET: &str = "azerbaijan-kazakhstan-2025";

/// One figure of the article as it should be stored.
struct Figure {
    indicator: &'static str,
    origin: &'static str,
    destination: &'static str,
    product: &'static str,
    /// The canonical period text.
    period: &'static str,
    /// The value in base units.
    value: f64,
    unit: &'static str,
    qualifier: Qualifier,
    status: Status,
    source: &'static str,
    /// (low, high), worked out by hand.
    bounds: (f64, f64),
    /// The figure's words in the article, which the stored quote must contain.
    words: &'static str,
}

impl Figure {
    /// An exact, actual figure of the total product from The Caspian Post; the other
    /// fields are set with struct update syntax where they differ.
    fn exact(
        indicator: &'static str,
        (origin, destination): (&'static str, &'static str),
        period: &'static str,
        value: f64,
        unit: &'static str,
        words: &'static str,
    ) -> Figure {
        Figure {
            indicator,
            origin,
            destination,
            product: "total",
            period,
            value,
            unit,
            qualifier: Qualifier::Exact,
            status: Status::Actual,
            source: "caspian-post",
            bounds: (value, value),
            words,
        }
    }
}

fn demo() -> Store {
    Store::demo().expect("the built-in dataset loads")
}

fn all_observations(store: &Store) -> Vec<Observation> {
    store
        .observations(&ObservationFilter::default())
        .expect("observations can be read")
}

/// The one stored observation of the figure's indicator, pair, product, period and source.
fn find(store: &Store, figure: &Figure) -> Observation {
    let filter = ObservationFilter {
        product: Some(figure.product.to_owned()),
        ..ObservationFilter::indicator(figure.indicator).pair(figure.origin, figure.destination)
    };
    let mut found: Vec<Observation> = store
        .observations(&filter)
        .expect("observations can be read")
        .into_iter()
        .filter(|o| {
            o.period.to_string() == figure.period && o.source.as_deref() == Some(figure.source)
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one {} {}→{} {} {} from {}: {found:#?}",
        figure.indicator,
        figure.origin,
        figure.destination,
        figure.product,
        figure.period,
        figure.source
    );
    found.remove(0)
}

/// Checks every field of the stored observation against the figure.
fn check(figure: Figure) -> Observation {
    let store = demo();
    let obs = find(&store, &figure);
    let what = format!("{} {} {}", figure.indicator, figure.period, figure.words);
    assert_eq!(obs.indicator, figure.indicator, "{what}: indicator");
    assert_eq!(obs.origin, figure.origin, "{what}: origin");
    assert_eq!(obs.destination, figure.destination, "{what}: destination");
    assert_eq!(obs.product, figure.product, "{what}: product");
    assert_eq!(obs.period.to_string(), figure.period, "{what}: period");
    assert_eq!(obs.value, figure.value, "{what}: value");
    assert_eq!(obs.unit, figure.unit, "{what}: unit");
    assert_eq!(obs.qualifier, figure.qualifier, "{what}: qualifier");
    assert_eq!(obs.status, figure.status, "{what}: status");
    assert_eq!(obs.source.as_deref(), Some(figure.source), "{what}: source");
    assert_eq!((obs.low, obs.high), figure.bounds, "{what}: bounds");
    let quote = obs.quote.clone().unwrap_or_default();
    assert!(
        quote.contains(figure.words),
        "{what}: quote {quote:?} lacks {:?}",
        figure.words
    );
    obs
}

// ----- trade -------------------------------------------------------------------------------

#[test]
fn trade_turnover_in_january_to_august_2025_is_exactly_547_6_million_usd() {
    check(Figure {
        source: "customs-az",
        ..Figure::exact(
            "trade_turnover",
            (AZE, KAZ),
            "2025-01/2025-08",
            547_600_000.0,
            "USD",
            "$547.6 million in the first eight months of 2025",
        )
    });
}

#[test]
fn trade_turnover_in_2024_is_exactly_533_4_million_usd() {
    check(Figure {
        // The article gives it “for comparison”, naming no source: credited to the article.
        ..Figure::exact(
            "trade_turnover",
            (AZE, KAZ),
            "2024",
            533_400_000.0,
            "USD",
            "total trade turnover in 2024 was $533.4 million",
        )
    });
}

#[test]
fn trade_turnover_in_record_year_2023_is_exactly_556_7_million_usd() {
    let obs = check(Figure {
        // The article gives it “for comparison”, naming no source: credited to the article.
        ..Figure::exact(
            "trade_turnover",
            (AZE, KAZ),
            "2023",
            556_700_000.0,
            "USD",
            "the 2023 record of $556.7 million",
        )
    });
    assert!(obs.note.unwrap_or_default().contains("record"));
}

#[test]
fn wheat_exports_from_kazakhstan_in_january_to_august_2025_are_121_5_million_usd() {
    check(Figure {
        product: "wheat",
        // Given after the Customs Committee’s turnover, naming no source: credited to the article.
        ..Figure::exact(
            "exports",
            (KAZ, AZE),
            "2025-01/2025-08",
            121_500_000.0,
            "USD",
            "valued at $121.5 million",
        )
    });
}

#[test]
fn oil_product_exports_from_kazakhstan_in_january_to_august_2025_are_38_2_million_usd() {
    check(Figure {
        product: "oil_products",
        // Given after the Customs Committee’s turnover, naming no source: credited to the article.
        ..Figure::exact(
            "exports",
            (KAZ, AZE),
            "2025-01/2025-08",
            38_200_000.0,
            "USD",
            "oil products worth $38.2 million from January through August",
        )
    });
}

#[test]
fn wheat_exports_from_kazakhstan_in_january_to_august_2025_weigh_570_400_tonnes() {
    check(Figure {
        product: "wheat",
        // Given after the Customs Committee’s turnover, naming no source: credited to the article.
        ..Figure::exact(
            "exports_volume",
            (KAZ, AZE),
            "2025-01/2025-08",
            570_400.0,
            "t",
            "wheat, totaling 570,400 tons",
        )
    });
}

// ----- companies and agreements -------------------------------------------------------------

#[test]
fn azerbaijani_capital_companies_in_kazakhstan_are_approximately_1500_with_bounds_1450_to_1550() {
    // u = 100 (1,500: the two zeros are not significant); 1,500 ± 50.
    check(Figure {
        qualifier: Qualifier::Approx,
        bounds: (1_450.0, 1_550.0),
        ..Figure::exact(
            "companies",
            (AZE, KAZ),
            "2025",
            1_500.0,
            "count",
            "approximately 1,500 Azerbaijani-capital companies operating in Kazakhstan",
        )
    });
}

#[test]
fn kazakh_enterprises_in_azerbaijan_are_nearly_150_with_bounds_140_to_150() {
    // u = 10; nearly: [150 − 10, 150].
    check(Figure {
        qualifier: Qualifier::Nearly,
        bounds: (140.0, 150.0),
        ..Figure::exact(
            "companies",
            (KAZ, AZE),
            "2025",
            150.0,
            "count",
            "nearly 150 Kazakh enterprises registered in Azerbaijan",
        )
    });
}

#[test]
fn bilateral_agreements_are_over_170_with_bounds_to_180() {
    // u = 10; over: [170, 170 + 10].
    check(Figure {
        qualifier: Qualifier::Over,
        bounds: (170.0, 180.0),
        ..Figure::exact(
            "agreements",
            (AZE, KAZ),
            "2025",
            170.0,
            "count",
            "over 170 agreements",
        )
    });
}

#[test]
fn diplomatic_relations_last_over_30_years_with_bounds_to_40() {
    // "more than three decades": 30 years, u = 10; over: [30, 40].
    check(Figure {
        qualifier: Qualifier::Over,
        bounds: (30.0, 40.0),
        ..Figure::exact(
            "diplomatic_relations_years",
            (AZE, KAZ),
            "2025",
            30.0,
            "years",
            "more than three decades of diplomatic relations",
        )
    });
}

// ----- investment ---------------------------------------------------------------------------

#[test]
fn azerbaijani_investment_in_kazakhstan_since_2005_through_q1_2025_is_424_6_million_usd() {
    // "Since 2005 … including … the first quarter of 2025": January 2005 to March 2025.
    check(Figure::exact(
        "investment_stock",
        (AZE, KAZ),
        "2005-01/2025-03",
        424_600_000.0,
        "USD",
        "Since 2005, Azerbaijani investments in Kazakhstan have reached $424.6 million",
    ));
}

#[test]
fn azerbaijani_investment_in_kazakhstan_in_q1_2025_is_3_8_million_usd() {
    check(Figure::exact(
        "investment_flow",
        (AZE, KAZ),
        "2025-Q1",
        3_800_000.0,
        "USD",
        "$3.8 million in the first quarter of 2025",
    ));
}

#[test]
fn kazakh_investment_in_azerbaijan_in_the_same_timeframe_is_156_million_usd() {
    check(Figure::exact(
        "investment_stock",
        (KAZ, AZE),
        "2005-01/2025-03",
        156_000_000.0,
        "USD",
        "Kazakhstan has invested $156 million in Azerbaijan",
    ));
}

#[test]
fn kazakh_investment_in_azerbaijan_in_2024_alone_is_32_6_million_usd() {
    check(Figure::exact(
        "investment_flow",
        (KAZ, AZE),
        "2024",
        32_600_000.0,
        "USD",
        "$32.6 million invested in 2024 alone",
    ));
}

// ----- the Trans-Caspian corridor -----------------------------------------------------------

#[test]
fn corridor_cargo_in_january_to_july_2025_is_2_6_million_tonnes() {
    check(Figure::exact(
        "corridor_cargo",
        (AZE, KAZ),
        "2025-01/2025-07",
        2_600_000.0,
        "t",
        "2.6 million tons of cargo were transported via this corridor",
    ));
}

#[test]
fn corridor_containers_in_january_to_july_2025_are_40_200_teu() {
    check(Figure::exact(
        "corridor_containers",
        (AZE, KAZ),
        "2025-01/2025-07",
        40_200.0,
        "TEU",
        "nearly doubling to 40,200 TEUs",
    ));
}

#[test]
fn corridor_cargo_in_2020_is_0_8_million_tonnes() {
    check(Figure::exact(
        "corridor_cargo",
        (AZE, KAZ),
        "2020",
        800_000.0,
        "t",
        "from 0.8 million tons in 2020",
    ));
}

#[test]
fn corridor_cargo_in_2024_is_4_5_million_tonnes() {
    check(Figure::exact(
        "corridor_cargo",
        (AZE, KAZ),
        "2024",
        4_500_000.0,
        "t",
        "to 4.5 million tons in 2024",
    ));
}

#[test]
fn corridor_cargo_target_for_2025_is_5_2_million_tonnes() {
    check(Figure {
        status: Status::Target,
        ..Figure::exact(
            "corridor_cargo",
            (AZE, KAZ),
            "2025",
            5_200_000.0,
            "t",
            "a 2025 target of 5.2 million tons",
        )
    });
}

#[test]
fn corridor_container_target_for_2025_is_70_000_teu() {
    check(Figure {
        status: Status::Target,
        ..Figure::exact(
            "corridor_containers",
            (AZE, KAZ),
            "2025",
            70_000.0,
            "TEU",
            "including 70,000 TEUs",
        )
    });
}

// ----- oil via Baku–Tbilisi–Ceyhan ----------------------------------------------------------

#[test]
fn oil_transit_from_kazakhstan_in_2023_is_over_1_million_tonnes_with_bounds_to_2_million() {
    // 1,000,000 has one significant digit: u = 1,000,000; over: [1M, 2M].
    check(Figure {
        qualifier: Qualifier::Over,
        bounds: (1_000_000.0, 2_000_000.0),
        ..Figure::exact(
            "oil_transit",
            (KAZ, AZE),
            "2023",
            1_000_000.0,
            "t",
            "from over 1 million tons in 2023",
        )
    });
}

#[test]
fn oil_transit_from_kazakhstan_in_2024_is_1_4_million_tonnes() {
    check(Figure::exact(
        "oil_transit",
        (KAZ, AZE),
        "2024",
        1_400_000.0,
        "t",
        "to 1.4 million tons in 2024",
    ));
}

#[test]
fn oil_transit_from_kazakhstan_in_january_to_august_2025_is_around_0_9_million_tonnes() {
    // 900,000: u = 100,000; approx: 900,000 ± 50,000.
    check(Figure {
        qualifier: Qualifier::Approx,
        bounds: (850_000.0, 950_000.0),
        ..Figure::exact(
            "oil_transit",
            (KAZ, AZE),
            "2025-01/2025-08",
            900_000.0,
            "t",
            "around 0.9 million tons in the first eight months of 2025",
        )
    });
}

#[test]
fn oil_transit_projection_for_2027_is_7_million_tonnes_in_the_article() {
    check(Figure {
        status: Status::Projection,
        ..Figure::exact(
            "oil_transit",
            (KAZ, AZE),
            "2027",
            7_000_000.0,
            "t",
            "annual exports via this route could reach 7 million tons by 2027",
        )
    });
}

#[test]
fn oil_transit_projection_for_2027_is_also_7_million_tonnes_from_economist_azizov() {
    check(Figure {
        status: Status::Projection,
        source: "azizov",
        ..Figure::exact(
            "oil_transit",
            (KAZ, AZE),
            "2027",
            7_000_000.0,
            "t",
            "Volumes are expected to reach 7 million tons a year by 2027",
        )
    });
}

// ----- the Aktau–Sumgait fibre cable ----------------------------------------------------------

#[test]
fn aktau_sumgait_cable_is_380_km_long() {
    // A planned cable's specification as the 2025 article states it (kind plan).
    check(Figure {
        ..Figure::exact(
            "cable_length",
            (AZE, KAZ),
            "2025",
            380.0,
            "km",
            "a 380-kilometer line along the Caspian seabed",
        )
    });
}

#[test]
fn aktau_sumgait_cable_capacity_exceeds_400_tbps_with_bounds_to_500() {
    // 400: u = 100; over: [400, 500].
    check(Figure {
        qualifier: Qualifier::Over,
        bounds: (400.0, 500.0),
        ..Figure::exact(
            "cable_capacity",
            (AZE, KAZ),
            "2025",
            400.0,
            "Tbps",
            "a capacity exceeding 400 terabits per second",
        )
    });
}

#[test]
fn aktau_sumgait_cable_cost_exceeds_22_billion_tenge_with_bounds_to_23_billion() {
    // 22,000,000,000: u = 1,000,000,000; over: [22e9, 23e9].
    check(Figure {
        // The budget as the plan stood in 2025; construction starts in 2026 (its note).
        qualifier: Qualifier::Over,
        bounds: (22_000_000_000.0, 23_000_000_000.0),
        ..Figure::exact(
            "cable_cost",
            (AZE, KAZ),
            "2025",
            22_000_000_000.0,
            "KZT",
            "at a cost exceeding 22 billion tenge",
        )
    });
}

// ----- tourism, defence, education ---------------------------------------------------------

#[test]
fn tourists_from_azerbaijan_in_2024_are_over_102000_with_bounds_to_103000() {
    // 102,000: u = 1,000; over: [102,000, 103,000].
    check(Figure {
        qualifier: Qualifier::Over,
        source: "kazakhtourism",
        bounds: (102_000.0, 103_000.0),
        ..Figure::exact(
            "tourists",
            (AZE, KAZ),
            "2024",
            102_000.0,
            "persons",
            "over 102,000 Azerbaijani tourists visited Kazakhstan in 2024",
        )
    });
}

#[test]
fn tourists_from_azerbaijan_in_2022_are_around_59000_with_bounds_58500_to_59500() {
    // 59,000: u = 1,000; approx: 59,000 ± 500.
    check(Figure {
        qualifier: Qualifier::Approx,
        source: "kazakhtourism",
        bounds: (58_500.0, 59_500.0),
        ..Figure::exact(
            "tourists",
            (AZE, KAZ),
            "2022",
            59_000.0,
            "persons",
            "up from around 59,000 in 2022",
        )
    });
}

#[test]
fn tourists_from_kazakhstan_in_2022_are_exactly_24000() {
    check(Figure {
        // “Meanwhile …”, after KazakhTourism’s sentence, naming no source: credited to the article.
        ..Figure::exact(
            "tourists",
            (KAZ, AZE),
            "2022",
            24_000.0,
            "persons",
            "Kazakh tourists traveling to Azerbaijan increased from 24,000",
        )
    });
}

#[test]
fn tourists_from_kazakhstan_in_2024_are_exactly_71500() {
    check(Figure {
        // “Meanwhile …”, after KazakhTourism’s sentence, naming no source: credited to the article.
        ..Figure::exact(
            "tourists",
            (KAZ, AZE),
            "2024",
            71_500.0,
            "persons",
            "to 71,500 over the same period",
        )
    });
}

#[test]
fn joint_military_activities_in_2025_are_more_than_20_with_bounds_to_30() {
    // 20: u = 10; over: [20, 30].
    check(Figure {
        qualifier: Qualifier::Over,
        bounds: (20.0, 30.0),
        ..Figure::exact(
            "joint_military_activities",
            (AZE, KAZ),
            "2025",
            20.0,
            "count",
            "more than 20 joint activities",
        )
    });
}

#[test]
fn universities_signed_40_memoranda_in_march_2025() {
    check(Figure::exact(
        "university_memoranda",
        (AZE, KAZ),
        "2025-03",
        40.0,
        "count",
        "In March 2025, universities from both countries signed 40 memoranda of understanding",
    ));
}

#[test]
fn education_fair_in_baku_had_23_kazakh_universities() {
    check(Figure::exact(
        "education_fair_universities",
        (KAZ, AZE),
        "2025",
        23.0,
        "count",
        "representatives from 23 Kazakh universities",
    ));
}

// ----- the dataset as a whole ----------------------------------------------------------------

#[test]
fn the_built_in_dataset_is_listed_by_name() {
    assert!(bilateral::datasets().contains(&DATASET));
}

#[test]
fn every_indicator_of_the_issue_exists_with_its_unit_kind_and_direction() {
    use Kind::{Flow, Plan, Stock};
    let expected = [
        ("trade_turnover", "USD", Flow, false),
        ("exports", "USD", Flow, true),
        ("exports_volume", "t", Flow, true),
        ("investment_stock", "USD", Stock, true),
        ("investment_flow", "USD", Flow, true),
        ("companies", "count", Stock, true),
        ("agreements", "count", Stock, false),
        ("corridor_cargo", "t", Flow, false),
        ("corridor_containers", "TEU", Flow, false),
        ("oil_transit", "t", Flow, true),
        ("tourists", "persons", Flow, true),
        ("joint_military_activities", "count", Flow, false),
        ("university_memoranda", "count", Flow, false),
        ("cable_length", "km", Plan, false),
        ("cable_capacity", "Tbps", Plan, false),
        ("cable_cost", "KZT", Plan, false),
    ];
    let store = demo();
    for (code, unit, kind, directed) in expected {
        let indicator = store
            .indicator(code)
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(
            (indicator.unit.as_str(), indicator.kind, indicator.directed),
            (unit, kind, directed),
            "{code}"
        );
        assert!(!indicator.signed, "{code} cannot be negative");
        let observations = store
            .observations(&ObservationFilter::indicator(code))
            .unwrap();
        assert!(!observations.is_empty(), "{code} has observations");
    }
}

#[test]
fn every_observation_has_a_source_and_a_quote() {
    for obs in all_observations(&demo()) {
        let what = format!("{} {} {}", obs.indicator, obs.origin, obs.period);
        assert!(
            obs.quote.as_deref().is_some_and(|q| q.trim().len() > 20),
            "{what}: quote {:?}",
            obs.quote
        );
        assert!(obs.source.is_some(), "{what}: source");
        // Only exports are broken down by product (wheat, oil products).
        assert!(
            obs.product == "total" || obs.indicator.starts_with("exports"),
            "{what}: product {}",
            obs.product
        );
    }
}

#[test]
fn every_event_has_a_source_and_a_quote() {
    let events = demo().events_of(&PairFilter::any()).unwrap();
    assert!(!events.is_empty());
    for event in events {
        assert!(
            event.quote.as_deref().is_some_and(|q| q.trim().len() > 20),
            "{}: quote {:?}",
            event.title,
            event.quote
        );
        assert_eq!(
            event.source.as_deref(),
            Some("caspian-post"),
            "{}",
            event.title
        );
        assert_eq!(
            (event.a.as_str(), event.b.as_str()),
            (AZE, KAZ),
            "{}",
            event.title
        );
    }
}

/// Unit of the last significant digit of a whole number: 10 to the number of its
/// trailing zeros (written here independently of the library).
fn unit_of_last_digit(value: f64) -> f64 {
    assert_eq!(value.fract(), 0.0, "{value} is a whole number");
    let mut n = value as u64;
    let mut unit = 1.0;
    while n != 0 && n.is_multiple_of(10) {
        n /= 10;
        unit *= 10.0;
    }
    unit
}

#[test]
fn published_figures_have_the_bounds_of_their_qualifier() {
    let mut checked = 0;
    for obs in all_observations(&demo()) {
        let what = format!("{} {} {}", obs.indicator, obs.origin, obs.period);
        assert!(
            obs.low <= obs.value && obs.value <= obs.high,
            "{what}: {} outside [{}, {}]",
            obs.value,
            obs.low,
            obs.high
        );
        // Only estimates derived from other figures carry explicit bounds.
        if obs.status == Status::Estimate
            && obs
                .note
                .as_deref()
                .is_some_and(|n| n.starts_with("Not a published figure"))
        {
            continue;
        }
        let (v, u) = (obs.value, unit_of_last_digit(obs.value));
        let expected = match obs.qualifier {
            Qualifier::Exact => (v, v),
            Qualifier::Approx => (v - u / 2.0, v + u / 2.0),
            Qualifier::Over => (v, v + u),
            Qualifier::Nearly | Qualifier::Under => (v - u, v),
        };
        assert_eq!((obs.low, obs.high), expected, "{what}");
        checked += 1;
    }
    assert!(checked > 20, "only {checked} published figures");
}

#[test]
fn no_figure_in_the_dataset_is_one_the_article_only_implies() {
    // The three figures the article only implies (trade before "more than tripling",
    // cargo before "a 2% increase", containers before "nearly doubling") are claims,
    // not observations: no period before them holds a figure.
    let store = demo();
    let implied_periods = [
        ("trade_turnover", "2024-01/2024-08"),
        ("corridor_cargo", "2024-01/2024-07"),
        ("corridor_containers", "2024-01/2024-07"),
    ];
    for (code, period) in implied_periods {
        let found = store
            .observations(&ObservationFilter::indicator(code))
            .unwrap()
            .into_iter()
            .filter(|o| o.period.to_string() == period)
            .count();
        assert_eq!(found, 0, "{code} {period}");
    }
    let estimates: Vec<String> = all_observations(&store)
        .into_iter()
        .filter(|o| o.status == Status::Estimate)
        .map(|o| o.indicator)
        .collect();
    // The article estimates nothing: the cable's cost "exceeding 22 billion tenge" is a
    // planned budget (an indicator of kind plan), not an estimate of something measured.
    assert!(estimates.is_empty(), "{estimates:?}");
}
#[test]
fn undirected_trade_turnover_is_found_with_the_pair_in_reverse_order() {
    let store = demo();
    let reverse = store
        .observations(&ObservationFilter::indicator("trade_turnover").pair(KAZ, AZE))
        .unwrap();
    let forward = store
        .observations(&ObservationFilter::indicator("trade_turnover").pair(AZE, KAZ))
        .unwrap();
    // 2023, 2024 and January–August 2025, sorted by first day.
    let periods: Vec<String> = reverse.iter().map(|o| o.period.to_string()).collect();
    assert_eq!(periods, ["2023", "2024", "2025-01/2025-08"]);
    assert_eq!(reverse, forward);
    // Stored in alphabetical order whichever way it was asked for.
    assert!(reverse
        .iter()
        .all(|o| (o.origin.as_str(), o.destination.as_str()) == (AZE, KAZ)));
    // Names and alpha-2 codes find the same rows.
    let by_name = store
        .observations(&ObservationFilter::indicator("trade_turnover").pair("Kazakhstan", "AZ"))
        .unwrap();
    assert_eq!(by_name, forward);
}

#[test]
fn directed_tourists_are_not_found_with_the_pair_in_reverse_order() {
    let store = demo();
    let kaz_to_aze = store
        .observations(&ObservationFilter::indicator("tourists").pair(KAZ, AZE))
        .unwrap();
    let values: Vec<(String, f64)> = kaz_to_aze
        .iter()
        .map(|o| (o.period.to_string(), o.value))
        .collect();
    assert_eq!(
        values,
        [("2022".to_owned(), 24_000.0), ("2024".to_owned(), 71_500.0)]
    );
    assert!(kaz_to_aze
        .iter()
        .all(|o| o.origin == KAZ && o.destination == AZE));
}

#[test]
fn loading_the_dataset_twice_is_a_duplicate_and_changes_nothing() {
    let mut store = demo();
    let observations = all_observations(&store).len();
    let events = store.events_of(&PairFilter::any()).unwrap().len();
    let err = store.load_dataset(DATASET).unwrap_err();
    // The first observation of the file, trade turnover January–August 2025, is the
    // first one already stored.
    assert!(
        matches!(
            err,
            Error::Duplicate {
                record: Some(0),
                ..
            }
        ),
        "expected a duplicate at record 0, got {err:?}"
    );
    assert!(err.to_string().contains("trade_turnover"), "{err}");
    assert_eq!(all_observations(&store).len(), observations);
    assert_eq!(store.events_of(&PairFilter::any()).unwrap().len(), events);
}

// ----- events ---------------------------------------------------------------------------------

/// The events on `date` (canonical text) of `kind`.
fn events_on(store: &Store, date: &str, kind: &str) -> Vec<bilateral::Event> {
    store
        .events_of(&PairFilter::between(KAZ, AZE))
        .unwrap()
        .into_iter()
        .filter(|e| e.date.to_string() == date && e.kind == kind)
        .collect()
}

#[test]
fn presidents_spoke_by_phone_on_17_may_and_10_august_2025() {
    let store = demo();
    for date in ["2025-05-17", "2025-08-10"] {
        let calls = events_on(&store, date, "call");
        assert_eq!(calls.len(), 1, "{date}: {calls:#?}");
        let quote = calls[0].quote.as_deref().unwrap_or_default();
        assert!(
            quote.contains("phone conversations on May 17 and August 10"),
            "{quote}"
        );
        assert_eq!(calls[0].date.days(), 1, "{date} is one day");
    }
}

#[test]
fn presidents_met_in_abu_dhabi_in_january_2025() {
    let meetings = events_on(&demo(), "2025-01", "meeting");
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    assert_eq!(meetings[0].place.as_deref(), Some("Abu Dhabi"));
    assert_eq!(meetings[0].date.start().to_string(), "2025-01-01");
    assert_eq!(meetings[0].date.end().to_string(), "2025-01-31");
    assert!(meetings[0]
        .quote
        .as_deref()
        .unwrap_or_default()
        .contains("In January, they held talks in Abu Dhabi during Sustainability Week"));
}

#[test]
fn presidents_met_at_the_informal_ots_summit_in_budapest_in_may_2025() {
    let summits = events_on(&demo(), "2025-05", "summit");
    assert_eq!(summits.len(), 1, "{summits:#?}");
    assert_eq!(summits[0].place.as_deref(), Some("Budapest"));
    assert!(summits[0]
        .quote
        .as_deref()
        .unwrap_or_default()
        .contains("informal Summit of the Organization of Turkic States in Budapest"));
}

#[test]
fn tokayev_attended_the_12th_ots_summit_in_gabala_in_october_2025() {
    let summits = events_on(&demo(), "2025-10", "summit");
    assert_eq!(summits.len(), 1, "{summits:#?}");
    assert_eq!(summits[0].place.as_deref(), Some("Gabala"));
    assert!(summits[0].title.contains("12th"), "{}", summits[0].title);
    assert!(summits[0]
        .quote
        .as_deref()
        .unwrap_or_default()
        .contains("12th official OTS Summit in Gabala"));
}

#[test]
fn caspian_breeze_2025_naval_exercise_was_in_june_2025() {
    let exercises = events_on(&demo(), "2025-06", "exercise");
    assert_eq!(exercises.len(), 1, "{exercises:#?}");
    assert!(exercises[0].title.contains("Caspian Breeze 2025"));
    assert_eq!(exercises[0].place.as_deref(), Some("Caspian Sea"));
    assert!(exercises[0]
        .quote
        .as_deref()
        .unwrap_or_default()
        .contains("June saw the Caspian Breeze 2025 naval exercises in the Caspian Sea"));
}

#[test]
fn universities_signed_40_memoranda_as_an_event_in_march_2025() {
    let signings = events_on(&demo(), "2025-03", "signing");
    assert_eq!(signings.len(), 1, "{signings:#?}");
    assert!(
        signings[0].title.contains("40 memoranda"),
        "{}",
        signings[0].title
    );
    assert!(signings[0]
        .quote
        .as_deref()
        .unwrap_or_default()
        .contains("signed 40 memoranda of understanding"));
}

#[test]
fn events_are_in_date_order_and_the_same_for_either_order_of_the_pair() {
    let store = demo();
    let all = store.events_of(&PairFilter::any()).unwrap();
    assert_eq!(
        store.events_of(&PairFilter::between(AZE, KAZ)).unwrap(),
        all
    );
    assert_eq!(
        store.events_of(&PairFilter::between(KAZ, AZE)).unwrap(),
        all
    );
    // By the end of each date: an event known only by its year after those dated in it.
    assert!(all.windows(2).all(|w| w[0].date.end() <= w[1].date.end()));
    // The 2005 treaty comes first; the cable's construction, known only as "2026", last,
    // after the power cable's commissioning in the second quarter of 2026.
    let dates: Vec<String> = all.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates.first().unwrap(), "2005");
    assert_eq!(dates[dates.len() - 2..], ["2026-Q2", "2026"]);
    // November 2022 comes before the 2022 Declaration, dated only by its year.
    assert_eq!(dates[1..3], ["2022-11", "2022"]);
}
