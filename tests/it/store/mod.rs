//! The store's promises: validated writes that are all or nothing, typed errors that
//! name the field and record, pairs, files that survive reopening, and migrations.

mod concurrency;
mod faults;
mod hostile_files;
mod products;

use bilateral::{
    Error, Indicator, Kind, NewEvent, NewObservation, Observation, ObservationFilter, OnDuplicate,
    PairFilter, Period, Qualifier, Status, Store, SCHEMA_VERSION,
};

/// A store with two indicators (one directed) and a source.
fn store() -> Store {
    let mut store = Store::in_memory().unwrap();
    store
        .add_indicator(&Indicator::new("trade", "Trade", "USD", Kind::Flow, false))
        .unwrap();
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
        .add_source(&bilateral::Source {
            id: "office".into(),
            title: "Statistics office".into(),
            publisher: None,
            url: None,
            published: None,
        })
        .unwrap();
    store
}

fn count(store: &Store) -> usize {
    store
        .observations(&ObservationFilter::default())
        .unwrap()
        .len()
}

fn obs(
    indicator: &str,
    origin: &str,
    destination: &str,
    period: &str,
    value: f64,
) -> NewObservation {
    NewObservation::new(indicator, origin, destination, period, value)
}

/// Asserts a validation error on `field` quoting `text`, at `record`.
fn assert_invalid(
    result: bilateral::Result<impl std::fmt::Debug>,
    field: &str,
    text: &str,
    record: Option<usize>,
) {
    let err = result.expect_err("should be rejected");
    let v = err
        .validation()
        .unwrap_or_else(|| panic!("expected a validation error, got {err:?}"));
    assert_eq!(
        (v.field.as_str(), v.text.as_str(), v.record),
        (field, text, record),
        "{err}"
    );
}

#[test]
fn each_kind_of_bad_input_is_a_validation_error_naming_field_and_text() {
    let mut store = store();
    let base = obs("visitors", "AZE", "KAZ", "2024", 1_000.0);
    let with = |f: &dyn Fn(&mut NewObservation)| {
        let mut o = base.clone();
        f(&mut o);
        o
    };
    assert_invalid(
        store.add(&with(&|o| o.destination = "AZ".into())),
        "destination",
        "AZ",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.origin = "Atlantis".into())),
        "origin",
        "Atlantis",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.indicator = "gdp".into())),
        "indicator",
        "gdp",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.period = "2024-13".into())),
        "period",
        "2024-13",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.value = f64::NAN)),
        "value",
        "NaN",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.value = f64::INFINITY)),
        "value",
        "inf",
        None,
    );
    assert_invalid(store.add(&with(&|o| o.value = -5.0)), "value", "-5", None);
    assert_invalid(
        store.add(&with(&|o| o.qualifier = Some("roughly-ish".into()))),
        "qualifier",
        "roughly-ish",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.status = Some("guess".into()))),
        "status",
        "guess",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.source = Some("nobody".into()))),
        "source",
        "nobody",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.product = Some("Wheat Flour".into()))),
        "product",
        "Wheat Flour",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.low = Some(1_001.0))),
        "low",
        "1001",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.high = Some(999.0))),
        "high",
        "999",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.precision = Some(0.0))),
        "precision",
        "0",
        None,
    );
    assert_invalid(
        store.add(&with(&|o| o.unit = Some("USD".into()))),
        "unit",
        "USD",
        None,
    );
    assert_eq!(count(&store), 0, "nothing was written");
    store.add(&base).unwrap();
    assert_eq!(count(&store), 1);
}

#[test]
fn a_signed_indicator_accepts_negative_values() {
    let mut store = store();
    let mut net = Indicator::new("net_flow", "Net flow", "USD", Kind::Flow, true);
    net.signed = true;
    store.add_indicator(&net).unwrap();
    let mut o = obs("net_flow", "AZE", "KAZ", "2024", -3_000_000.0);
    o.qualifier = Some("about".into());
    store.add(&o).unwrap();
    let stored = &store
        .observations(&ObservationFilter::indicator("net_flow"))
        .unwrap()[0];
    // u = 1,000,000 (trailing zeros not significant): [-3.5 M, -2.5 M]
    assert_eq!((stored.low, stored.high), (-3_500_000.0, -2_500_000.0));
}

#[test]
fn an_unsigned_approximate_zero_does_not_get_a_negative_lower_bound() {
    let mut store = store();
    let mut o = obs("visitors", "AZE", "KAZ", "2024", 0.0);
    o.qualifier = Some("approx".into());
    store.add(&o).unwrap();
    let stored = &store.observations(&ObservationFilter::default()).unwrap()[0];
    assert_eq!((stored.low, stored.high), (0.0, 0.5));
}

#[test]
fn a_bad_record_in_a_batch_names_its_index_and_leaves_the_store_unchanged() {
    let mut store = store();
    store.add(&obs("trade", "AZE", "KAZ", "2020", 1.0)).unwrap();
    let records = vec![
        obs("trade", "AZE", "KAZ", "2021", 2.0),
        obs("trade", "AZE", "KAZ", "2022", 3.0),
        obs("trade", "AZE", "KAZ", "2023-Q5", 4.0),
    ];
    assert_invalid(
        store.add_many(&records, OnDuplicate::Error),
        "period",
        "2023-Q5",
        Some(2),
    );
    assert_eq!(count(&store), 1, "the two good records were rolled back");
    assert_eq!(
        store.add_many(&records[..2], OnDuplicate::Error).unwrap(),
        2
    );
    assert_eq!(count(&store), 3);
}

#[test]
fn a_second_observation_with_the_same_identity_is_a_duplicate_unless_replaced() {
    let mut store = store();
    let mut first = obs("trade", "AZE", "KAZ", "2024", 533_400_000.0);
    first.source = Some("office".into());
    store.add(&first).unwrap();
    // The same pair in the other order is the same undirected observation.
    let mut again = obs("trade", "KAZ", "AZE", "2024-01/2024-12", 533_500_000.0);
    again.source = Some("office".into());
    let err = store.add(&again).unwrap_err();
    assert!(
        matches!(err, Error::Duplicate { record: None, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("trade AZE–KAZ total 2024 actual from office"),
        "{err}"
    );
    // Within a batch the error carries the record's index.
    let batch = [obs("trade", "AZE", "KAZ", "2019", 1.0), again.clone()];
    assert!(matches!(
        store.add_many(&batch, OnDuplicate::Error),
        Err(Error::Duplicate {
            record: Some(1),
            ..
        })
    ));
    assert_eq!(count(&store), 1);
    // Another status or another source is another observation.
    let mut estimate = again.clone();
    estimate.status = Some("estimate".into());
    store.add(&estimate).unwrap();
    store.replace(&again).unwrap();
    let stored = store
        .observations(&ObservationFilter {
            status: Some("actual".into()),
            ..ObservationFilter::default()
        })
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].value, 533_500_000.0);
    assert_eq!(count(&store), 2);
}

#[test]
fn a_skip_passes_over_records_identical_to_stored_ones_and_adds_the_rest() {
    let mut store = store();
    let mut cell = vec![
        obs("trade", "AZE", "KAZ", "2023", 400_000_000.0),
        obs("trade", "AZE", "KAZ", "2024", 533_400_000.0),
    ];
    cell[1].qualifier = Some("about".into());
    cell[1].note = Some("customs".into());
    assert_eq!(store.add_many(&cell, OnDuplicate::Skip).unwrap(), 2);
    // The cell run again adds nothing; with one more record, only that one.
    assert_eq!(store.add_many(&cell, OnDuplicate::Skip).unwrap(), 0);
    cell.push(obs("visitors", "KAZ", "AZE", "2024", 102_000.0));
    assert_eq!(store.add_many(&cell, OnDuplicate::Skip).unwrap(), 1);
    // A record repeated within one batch is identical to the first of it.
    let twice = [
        obs("trade", "AZE", "KAZ", "2019", 1.0),
        obs("trade", "KAZ", "AZE", "2019", 1.0),
    ];
    assert_eq!(store.add_many(&twice, OnDuplicate::Skip).unwrap(), 1);
    assert_eq!(count(&store), 4);
}

#[test]
fn a_skip_still_refuses_a_record_whose_figure_differs_from_the_stored_one() {
    let mut store = store();
    store
        .add(&obs("trade", "AZE", "KAZ", "2024", 533_400_000.0))
        .unwrap();
    let batch = [
        obs("trade", "AZE", "KAZ", "2023", 400_000_000.0),
        obs("trade", "KAZ", "AZE", "2024", 533_500_000.0),
    ];
    let err = store.add_many(&batch, OnDuplicate::Skip).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Duplicate {
                record: Some(1),
                conflict: Some(_),
                ..
            }
        ),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("trade AZE–KAZ total 2024 actual"),
        "{message}"
    );
    assert!(message.contains("stored: exact 533400000"), "{message}");
    assert!(
        message.contains("OnDuplicate::Replace would replace it"),
        "{message}"
    );
    // All or nothing: the new 2023 record was not kept either.
    assert_eq!(count(&store), 1);
    // Another note is another figure too.
    let mut noted = obs("trade", "AZE", "KAZ", "2024", 533_400_000.0);
    noted.note = Some("revised".into());
    assert!(store.add_many(&[noted], OnDuplicate::Skip).is_err());
}

#[test]
fn the_plain_duplicate_error_names_the_on_duplicate_options() {
    let mut store = store();
    let record = obs("trade", "AZE", "KAZ", "2024", 1.0);
    store.add(&record).unwrap();
    let message = store.add(&record).unwrap_err().to_string();
    assert!(message.contains("OnDuplicate::Replace"), "{message}");
    assert!(message.contains("OnDuplicate::Skip"), "{message}");
    assert!(!message.contains("on_duplicate="), "{message}");
}

#[test]
fn a_figure_in_million_usd_is_stored_in_usd_with_its_bounds_multiplied() {
    let mut store = store();
    // "over 1.5 million": the last digit of 1,500,000 is the hundred thousands, so the
    // bounds are 1,500,000 to 1,600,000.
    let mut over = obs("trade", "AZE", "KAZ", "2024", 1.5);
    over.unit = Some("million USD".into());
    over.qualifier = Some("over".into());
    store.add(&over).unwrap();
    // Explicit bounds are in the unit given too: 2 to 3 thousand USD.
    let mut bounded = obs("trade", "AZE", "KAZ", "2023", 2.5);
    bounded.unit = Some("thousand USD".into());
    bounded.low = Some(2.0);
    bounded.high = Some(3.0);
    store.add(&bounded).unwrap();
    let stored = store
        .observations(&ObservationFilter::indicator("trade"))
        .unwrap();
    let figures: Vec<(&str, f64, f64, f64, &str)> = stored
        .iter()
        .map(|o| {
            (
                o.period_text.as_str(),
                o.value,
                o.low,
                o.high,
                o.unit.as_str(),
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("2023", 2_500.0, 2_000.0, 3_000.0, "USD"),
            ("2024", 1_500_000.0, 1_500_000.0, 1_600_000.0, "USD"),
        ]
    );
}

#[test]
fn a_batch_scale_multiplies_every_row_and_short_unit_words_name_multiples() {
    let mut store = store();
    let mut batch = bilateral::ObservationBatch::from_observations(&[
        obs("trade", "AZE", "KAZ", "2023", 547.6),
        obs("visitors", "KAZ", "AZE", "2023", 102.0),
    ]);
    batch.scale(1000.0).unwrap();
    store.add_batch(&batch, OnDuplicate::Error).unwrap();
    let values: Vec<f64> = store
        .observations(&ObservationFilter::default())
        .unwrap()
        .iter()
        .map(|o| o.value)
        .collect();
    assert_eq!(values, [547_600.0, 102_000.0]);
    assert_eq!(bilateral::unit_multiple("mn USD", "USD"), Some(1e6));
    assert_eq!(bilateral::unit_multiple("bn USD", "USD"), Some(1e9));
    assert_eq!(bilateral::unit_multiple("thousand t", "t"), Some(1e3));
    assert_invalid(batch.scale(0.0), "scale", "0", None);
}

#[test]
fn a_unit_that_is_no_multiple_of_the_indicators_is_refused_naming_the_unit() {
    let mut store = store();
    let mut euros = obs("trade", "AZE", "KAZ", "2024", 1.5);
    euros.unit = Some("million EUR".into());
    assert_invalid(store.add(&euros), "unit", "million EUR", None);
    euros.unit = Some("dozen USD".into());
    assert_invalid(store.add(&euros), "unit", "dozen USD", None);
}

#[test]
fn a_new_store_knows_the_starter_catalogue_and_still_loads_the_demo_dataset() {
    let store = Store::in_memory().unwrap();
    let fdi = store.indicator("fdi_stock").unwrap();
    assert_eq!(
        (fdi.unit.as_str(), fdi.kind, fdi.directed, fdi.topic.code()),
        ("USD", Kind::Stock, true, "investment")
    );
    for code in [
        "trade_turnover",
        "exports",
        "imports",
        "exports_volume",
        "imports_volume",
        "fdi_flow",
        "tourists",
        "migrants",
        "students",
        "remittances",
        "flights",
        "cargo",
        "containers",
    ] {
        store.indicator(code).unwrap();
    }
    let demo = Store::demo().unwrap();
    assert!(count(&demo) > 0);
    assert_eq!(demo.indicator("exports").unwrap().unit, "USD");
}

#[test]
fn a_catalogue_entry_no_figure_uses_gives_way_to_a_users_definition() {
    let mut store = Store::in_memory().unwrap();
    let tonnes = Indicator::new("cargo", "Rail cargo", "t", Kind::Flow, false);
    assert!(store.add_indicator(&tonnes).unwrap());
    assert_eq!(store.indicator("cargo").unwrap(), tonnes);
    // Once figures use a catalogue entry, it is refused like any other definition.
    store
        .add(&obs("migrants", "KAZ", "AZE", "2024", 10_000.0))
        .unwrap();
    let other = Indicator::new("migrants", "Migrants", "count", Kind::Stock, true);
    assert_invalid(store.add_indicator(&other), "code", "migrants", None);
}

#[test]
fn undirected_pairs_are_stored_alphabetically_and_found_in_either_order() {
    let mut store = store();
    store
        .add(&obs("trade", "Kazakhstan", "az", "2024", 5.0))
        .unwrap();
    let forward = store
        .observations(&ObservationFilter::indicator("trade").pair("AZE", "KAZ"))
        .unwrap();
    let backward = store
        .observations(&ObservationFilter::indicator("trade").pair("KAZ", "AZE"))
        .unwrap();
    assert_eq!(forward, backward);
    assert_eq!(
        (forward[0].origin.as_str(), forward[0].destination.as_str()),
        ("AZE", "KAZ")
    );
    let either_side = ObservationFilter {
        destination: Some("AZE".into()),
        ..ObservationFilter::default()
    };
    assert_eq!(store.observations(&either_side).unwrap().len(), 1);
}

#[test]
fn directed_pairs_keep_their_direction() {
    let mut store = store();
    store
        .add(&obs("visitors", "KAZ", "AZE", "2024", 71_500.0))
        .unwrap();
    store
        .add(&obs("visitors", "AZE", "KAZ", "2024", 102_000.0))
        .unwrap();
    let kaz_to_aze = store
        .observations(&ObservationFilter::indicator("visitors").pair("KAZ", "AZE"))
        .unwrap();
    assert_eq!(kaz_to_aze.len(), 1);
    assert_eq!(kaz_to_aze[0].value, 71_500.0);
    let from_kaz = ObservationFilter {
        origin: Some("KZ".into()),
        ..ObservationFilter::default()
    };
    assert_eq!(store.observations(&from_kaz).unwrap()[0].destination, "AZE");
}

#[test]
fn reading_an_unknown_indicator_is_not_found_and_an_unknown_country_is_invalid() {
    let store = store();
    assert!(matches!(
        store.observations(&ObservationFilter::indicator("gdp")),
        Err(Error::NotFound {
            what: "indicator",
            ..
        })
    ));
    assert_invalid(
        store.observations(&ObservationFilter::indicator("trade").pair("AZE", "Narnia")),
        "destination",
        "Narnia",
        None,
    );
}

#[test]
fn the_period_is_kept_as_written_and_as_dates() {
    let mut store = store();
    store
        .add(&obs(
            "trade",
            "AZE",
            "KAZ",
            "2025-01-01/2025-08-31",
            547_600_000.0,
        ))
        .unwrap();
    let stored = &store.observations(&ObservationFilter::default()).unwrap()[0];
    assert_eq!(stored.period.to_string(), "2025-01/2025-08");
    assert_eq!(stored.period_text, "2025-01-01/2025-08-31");
    assert_eq!(stored.period.months(), Some(8));
}

#[test]
fn countries_are_found_by_code_or_name_in_any_case() {
    let store = Store::in_memory().unwrap();
    assert_eq!(store.countries().len(), 250);
    for text in [
        "KAZ",
        "kz",
        "Kazakhstan",
        " kazakhstan ",
        "Republic of Kazakhstan",
    ] {
        assert_eq!(store.country(text).unwrap().alpha3, "KAZ", "{text}");
    }
    assert_invalid(store.country("Kazakstan"), "country", "Kazakstan", None);
}

#[test]
fn common_names_that_are_not_iso_names_find_their_country() {
    let store = Store::in_memory().unwrap();
    for (text, alpha3) in [
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Russia", "RUS"),
        ("Iran", "IRN"),
        ("South Korea", "KOR"),
        ("UK", "GBR"),
        ("Vietnam", "VNM"),
        ("Ivory Coast", "CIV"),
    ] {
        assert_eq!(store.country(text).unwrap().alpha3, alpha3, "{text}");
    }
    let iran = store.country("IR").unwrap();
    assert_eq!(
        (iran.name.as_str(), iran.display_name()),
        ("Iran, Islamic Republic of", "Iran")
    );
    assert_eq!(store.country("AZ").unwrap().display_name(), "Azerbaijan");
}

#[test]
fn population_comes_preloaded_and_falls_back_to_the_latest_earlier_year() {
    let mut store = Store::in_memory().unwrap();
    // World Bank SP.POP.TOTL, as in data/population.csv.
    assert_eq!(
        store.population("AZE", 2024).unwrap(),
        Some((2024, 10_202_830))
    );
    assert_eq!(
        store.population("KAZ", 2022).unwrap(),
        Some((2022, 20_034_609))
    );
    assert_eq!(
        store.population("KAZ", 2026).unwrap(),
        Some((2024, 20_592_571))
    );
    assert_eq!(store.population("KAZ", 1900).unwrap(), None);
    store
        .set_population("AZE", 2025, 10_250_000.0, None)
        .unwrap();
    assert_eq!(
        store.population("AZE", 2026).unwrap(),
        Some((2025, 10_250_000))
    );
    assert_invalid(
        store.set_population("AZE", 2025, -1.0, None),
        "value",
        "-1",
        None,
    );
    assert_invalid(
        store.set_population("Nowhere", 2025, 1.0, None),
        "country",
        "Nowhere",
        None,
    );
}

#[test]
fn adding_an_identical_indicator_is_harmless_and_a_different_one_is_refused() {
    let mut store = store();
    let trade = Indicator::new("trade", "Trade", "USD", Kind::Flow, false);
    assert!(!store.add_indicator(&trade).unwrap());
    let other = Indicator::new("trade", "Trade", "t", Kind::Flow, false);
    assert_invalid(store.add_indicator(&other), "code", "trade", None);
    let bad = Indicator::new("Trade Turnover", "Trade", "USD", Kind::Flow, false);
    assert_invalid(store.add_indicator(&bad), "code", "Trade Turnover", None);
    assert_eq!(store.indicator("trade").unwrap().unit, "USD");
}

#[test]
fn events_are_validated_and_found_for_the_pair_in_either_order() {
    let mut store = store();
    let call = NewEvent {
        date: "2025-05-17".into(),
        a: "KAZ".into(),
        b: "AZE".into(),
        kind: "call".into(),
        title: "Phone call".into(),
        ..NewEvent::default()
    };
    store.add_event(&call).unwrap();
    let events = store.events_of(&PairFilter::between("AZE", "KAZ")).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].a.as_str(), events[0].b.as_str()), ("AZE", "KAZ"));
    assert_eq!(events[0].date.to_string(), "2025-05-17");
    assert!(matches!(
        store.add_event(&call),
        Err(Error::Duplicate { .. })
    ));
    let mut bad_date = call.clone();
    bad_date.date = "Spring 2025".into();
    assert_invalid(store.add_event(&bad_date), "date", "Spring 2025", None);
    let mut self_pair = call.clone();
    self_pair.b = "KZ".into();
    assert_invalid(store.add_event(&self_pair), "b", "KZ", None);
    assert!(store
        .events_of(&PairFilter::between("AZE", "GEO"))
        .unwrap()
        .is_empty());
}

/// Three events in three pairs: Kazakhstan–Azerbaijan, Georgia–Azerbaijan and
/// Georgia–Armenia, one a month from March 2025.
fn store_with_events_in_three_pairs() -> Store {
    let mut store = store();
    for (date, a, b, title) in [
        ("2025-03-01", "KAZ", "AZE", "Phone call"),
        ("2025-04-01", "GEO", "AZE", "Visit"),
        ("2025-05-01", "ARM", "GEO", "Treaty"),
    ] {
        store
            .add_event(&NewEvent {
                date: date.into(),
                a: a.into(),
                b: b.into(),
                kind: "meeting".into(),
                title: title.into(),
                ..NewEvent::default()
            })
            .unwrap();
    }
    store
}

fn titles(events: &[bilateral::Event]) -> Vec<&str> {
    events.iter().map(|e| e.title.as_str()).collect()
}

#[test]
fn events_of_one_country_are_those_of_every_pair_it_is_in_on_either_side() {
    let store = store_with_events_in_three_pairs();
    let of = |pair: PairFilter| store.events_of(&pair).unwrap();
    // Azerbaijan is the second country of the call and of the visit.
    assert_eq!(
        titles(&of(PairFilter::involving("AZE"))),
        ["Phone call", "Visit"]
    );
    assert_eq!(
        titles(&of(PairFilter::involving("Georgia"))),
        ["Visit", "Treaty"]
    );
    // `b` alone reads as `a` alone.
    let armenia_as_b = PairFilter {
        a: None,
        b: Some("ARM".to_owned()),
    };
    assert_eq!(titles(&of(armenia_as_b)), ["Treaty"]);
    assert_eq!(titles(&of(PairFilter::between("AZE", "GEO"))), ["Visit"]);
    assert_eq!(
        titles(&of(PairFilter::any())),
        ["Phone call", "Visit", "Treaty"]
    );
}

#[test]
fn a_pair_filter_naming_one_country_twice_or_an_unknown_one_is_refused() {
    let store = store_with_events_in_three_pairs();
    // "Kazakhstan" is KAZ by name: one country, not a pair.
    let twice = PairFilter::between("KAZ", "Kazakhstan");
    for err in [
        store.events_of(&twice).unwrap_err(),
        store.claims_of(&twice).unwrap_err(),
    ] {
        let v = err.validation().expect("a validation error");
        assert_eq!(err.kind(), bilateral::ErrorKind::SameCountry, "{err}");
        assert_eq!((v.field.as_str(), v.text.as_str()), ("b", "Kazakhstan"));
    }
    assert_invalid(
        store.events_of(&PairFilter::involving("Atlantis")),
        "a",
        "Atlantis",
        None,
    );
    assert_invalid(
        store.claims_of(&PairFilter::between("AZE", "Atlantis")),
        "b",
        "Atlantis",
        None,
    );
}

#[test]
#[allow(deprecated)] // the positional form of events, kept for a release
fn the_deprecated_positional_events_still_gives_what_events_of_gives() {
    let store = store_with_events_in_three_pairs();
    assert_eq!(
        titles(&store.events(Some(("AZE", "KAZ"))).unwrap()),
        ["Phone call"]
    );
    assert_eq!(
        store.events(Some(("AZE", "GEO"))).unwrap(),
        store.events_of(&PairFilter::between("GEO", "AZE")).unwrap()
    );
    assert_eq!(
        store.events(None).unwrap(),
        store.events_of(&PairFilter::any()).unwrap()
    );
}

#[test]
fn a_file_store_keeps_its_data_after_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("relations.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.load_dataset("azerbaijan-kazakhstan-2025").unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let trade = store
        .observations(&ObservationFilter::indicator("trade_turnover"))
        .unwrap();
    assert!(trade.iter().any(|o| o.value == 547_600_000.0));
    assert!(!store.events_of(&PairFilter::any()).unwrap().is_empty());
}

#[test]
fn an_older_file_is_migrated_and_keeps_its_observations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    Store::create_with_schema_version(&path, 1).unwrap();
    {
        // What a version-1 library wrote: no event table yet.
        let conn = rusqlite::Connection::open(&path).unwrap();
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
        let events: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'event'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(events, 0);
        conn.execute_batch(
            "INSERT INTO indicator (code, name, unit, kind, directed) VALUES ('trade', 'Trade', 'USD', 'flow', 0);
             INSERT INTO observation (indicator_id, origin_id, destination_id, start_day, end_day,
                                      period_text, value, qualifier, low, high, status)
             SELECT 1, a.id, k.id, 2460311, 2460676, '2024', 5.0, 'exact', 5.0, 5.0, 'actual'
             FROM country a, country k WHERE a.alpha3 = 'AZE' AND k.alpha3 = 'KAZ';",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let kept = store.observations(&ObservationFilter::default()).unwrap();
    assert_eq!(kept.len(), 1);
    // Julian days 2460311 and 2460676 are 1 January and 31 December 2024.
    assert_eq!(kept[0].period.to_string(), "2024");
    store
        .add_event(&NewEvent {
            date: "2025-01".into(),
            a: "AZE".into(),
            b: "KAZ".into(),
            kind: "meeting".into(),
            title: "Talks".into(),
            ..NewEvent::default()
        })
        .unwrap();
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, Error::Schema(_)), "{err:?}");
    assert!(err.to_string().contains("upgrade bilateral"), "{err}");
}

#[test]
fn a_file_that_is_not_a_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "not a database, just some text that is long enough to look like a header",
    )
    .unwrap();
    assert!(matches!(Store::open(&text), Err(Error::Schema(_))));
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE things (x INTEGER)")
        .unwrap();
    assert!(matches!(Store::open(&other), Err(Error::Schema(_))));
}

#[test]
fn a_version_3_file_is_migrated_to_a_topic_table_keeping_every_indicator_topic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    Store::create_with_schema_version(&path, 3).unwrap();
    {
        // What a version-3 library wrote: topics as a checked text column of indicator.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO indicator (code, name, unit, kind, directed, topic)
                 VALUES ('trade', 'Trade', 'USD', 'flow', 0, 'trade'),
                        ('visits', 'Visits', 'count', 'flow', 1, 'other');
             INSERT INTO observation (indicator_id, origin_id, destination_id, start_day, end_day,
                                      period_text, value, qualifier, low, high, status)
             SELECT i.id, a.id, k.id, 2460311, 2460676, '2024', 5.0, 'exact', 5.0, 5.0, 'actual'
             FROM indicator i, country a, country k WHERE a.alpha3 = 'AZE' AND k.alpha3 = 'KAZ';",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    // The topics each indicator had, not the ones its name would suggest now
    // ("visits" would be inferred as cooperation).
    let topics: Vec<(String, String)> = store
        .indicators()
        .unwrap()
        .into_iter()
        .map(|i| (i.code, i.topic.code().to_owned()))
        .collect();
    assert_eq!(
        topics,
        [
            ("trade".to_owned(), "trade".to_owned()),
            ("visits".to_owned(), "other".to_owned())
        ]
    );
    assert_eq!(
        store
            .observations(&ObservationFilter::default())
            .unwrap()
            .len(),
        2
    );
    let sections: Vec<String> = store
        .topics()
        .unwrap()
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(
        sections,
        [
            "Trade",
            "Investment and business presence",
            "Transport and energy",
            "Tourism and people",
            "Cooperation and timeline",
            "Other indicators"
        ]
    );
    // The rebuilt indicator table still refers to its topics and is referred to by
    // observations, and the view over it reads.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    let in_view: i64 = conn
        .query_row(
            "SELECT count(*) FROM observation_view WHERE indicator = 'visits'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(in_view, 1);
    // And the store goes on taking indicators, in a new topic too.
    let mut rail = Indicator::new("rail", "Rail freight", "t", Kind::Flow, false);
    rail.topic = bilateral::Topic::new("logistics").unwrap();
    assert!(store.add_indicator(&rail).unwrap());
    assert_eq!(store.topics().unwrap()[5].title, "Logistics");
}

#[test]
fn an_indicator_without_a_topic_gets_the_one_its_words_suggest() {
    let mut store = Store::in_memory().unwrap();
    for (code, name, expected) in [
        ("trade_turnover", "Trade turnover", "trade"),
        ("tourists", "Tourists", "people"),
        ("fdi_inflow", "Direct investment", "investment"),
        ("container_traffic", "Containers", "transport"),
        ("mou_signed", "Memoranda of understanding", "cooperation"),
        ("wheat_harvest", "Wheat harvest", "other"),
    ] {
        // A data file that leaves the topic out gets the same as Indicator::new.
        let from_file: Indicator = serde_json::from_value(serde_json::json!({
            "code": code, "name": name, "unit": "count", "kind": "flow", "directed": false
        }))
        .unwrap();
        assert_eq!(from_file.topic.code(), expected, "{code}");
        store.add_indicator(&from_file).unwrap();
        assert_eq!(
            store.indicator(code).unwrap().topic.code(),
            expected,
            "{code}"
        );
    }
}

#[test]
fn a_topic_with_another_title_or_a_bad_code_is_refused() {
    let mut store = Store::in_memory().unwrap();
    let energy = bilateral::Topic::new("energy").unwrap();
    assert!(store.add_topic(&energy, "Energy").unwrap());
    assert!(!store.add_topic(&energy, "Energy").unwrap());
    assert_invalid(store.add_topic(&energy, "Power"), "title", "Power", None);
    assert_invalid(
        store.add_topic(&bilateral::Topic::TRADE, "Commerce"),
        "title",
        "Commerce",
        None,
    );
    let err = bilateral::Topic::new("energy & mining").unwrap_err();
    assert_eq!(err.validation().unwrap().field, "topic");
    // A data file's topic is checked as it is read, and written in any case.
    let read = |topic: &str| serde_json::from_value::<bilateral::Topic>(serde_json::json!(topic));
    let err = read("Not A Code").unwrap_err().to_string();
    assert!(err.contains("\"not a code\" is not a topic code"), "{err}");
    assert_eq!(read("Energy").unwrap(), energy);
}

#[test]
fn an_interrupted_batch_stops_with_interrupted_and_writes_nothing() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let mut store = store();
    let records: Vec<NewObservation> = (0..5_000)
        .map(|i| obs("trade", "AZE", "KAZ", &format!("{}", 1000 + i), 1.0))
        .collect();
    // Let SQLite run a little, then say stop, as a Ctrl-C in the middle would.
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&asked);
    store
        .set_interrupt_check(Some(Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst) >= 3
        })))
        .unwrap();
    let err = store.add_many(&records, OnDuplicate::Error).unwrap_err();
    assert!(matches!(err, Error::Interrupted), "{err:?}");
    assert!(asked.load(Ordering::SeqCst) > 3);
    store.set_interrupt_check(None).unwrap();
    assert_eq!(count(&store), 0);
    assert_eq!(store.add_many(&records, OnDuplicate::Error).unwrap(), 5_000);
}

#[test]
fn a_huge_value_or_a_long_stored_quote_makes_a_short_message() {
    let mut store = store();
    // f64::MAX written out is 309 digits; the message gives it in exponent form.
    let mut huge = obs("trade", "AZE", "KAZ", "2024", f64::MAX);
    huge.high = Some(1.0);
    let err = store.add(&huge).unwrap_err().to_string();
    assert!(err.contains("the value 1.7976931348623157e308"), "{err}");
    assert!(err.len() < 200, "{} characters: {err}", err.len());
    // A skip that meets another figure quotes the stored one's quote, cut to 80
    // characters with its length.
    let mut long = obs("trade", "AZE", "KAZ", "2023", 5.0);
    long.quote = Some("q".repeat(100_000));
    store.add(&long).unwrap();
    let other = obs("trade", "AZE", "KAZ", "2023", 6.0);
    let err = store
        .add_many(&[other], OnDuplicate::Skip)
        .unwrap_err()
        .to_string();
    assert!(err.contains("(100000 characters)"), "{err}");
    assert!(err.len() < 500, "{} characters", err.len());
}

#[test]
fn a_long_stored_name_or_title_is_cut_in_the_message_of_a_conflicting_definition() {
    let mut store = store();
    let long = Indicator::new("zz", &"n".repeat(100_000), "USD", Kind::Flow, true);
    store.add_indicator(&long).unwrap();
    let other = Indicator::new("zz", "Other", "USD", Kind::Flow, true);
    let err = store.add_indicator(&other).unwrap_err().to_string();
    assert!(err.contains("(100000 characters)"), "{err}");
    assert!(err.len() < 400, "{} characters", err.len());

    let topic = bilateral::Topic::new("tp").unwrap();
    store.add_topic(&topic, &"t".repeat(100_000)).unwrap();
    let err = store.add_topic(&topic, "Other").unwrap_err().to_string();
    assert!(err.contains("(100000 characters)"), "{err}");
    assert!(err.len() < 400, "{} characters", err.len());
}

/// An interrupt check that answers a flag another thread sets once the call is under
/// way: the first time it is asked, it lets that thread run and waits until the flag
/// is set, so that the test does not depend on timing.
fn flag_set_from_another_thread() -> (bilateral::InterruptCheck, std::thread::JoinHandle<()>) {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Barrier};

    let flag = Arc::new(AtomicBool::new(false));
    let barrier = Arc::new(Barrier::new(2));
    let (setter_flag, setter_barrier) = (Arc::clone(&flag), Arc::clone(&barrier));
    let setter = std::thread::spawn(move || {
        setter_barrier.wait();
        setter_flag.store(true, Ordering::SeqCst);
        setter_barrier.wait();
    });
    let asked = AtomicBool::new(false);
    let check = Arc::new(move || {
        if !asked.swap(true, Ordering::SeqCst) {
            barrier.wait(); // the call is under way: let the other thread set the flag
            barrier.wait(); // it has
        }
        flag.load(Ordering::SeqCst)
    });
    (check, setter)
}

#[test]
fn a_flag_set_by_another_thread_stops_a_write_and_it_writes_nothing() {
    let mut store = store();
    let records: Vec<NewObservation> = (0..2_000)
        .map(|i| obs("trade", "AZE", "KAZ", &format!("{}", 1000 + i), 1.0))
        .collect();
    let (check, setter) = flag_set_from_another_thread();
    store.set_interrupt_check(Some(check)).unwrap();
    let err = store.add_many(&records, OnDuplicate::Error).unwrap_err();
    assert!(matches!(err, Error::Interrupted), "{err:?}");
    setter.join().unwrap();
    store.set_interrupt_check(None).unwrap();
    assert_eq!(count(&store), 0);
}

#[test]
fn a_flag_set_by_another_thread_stops_a_report() {
    let mut store = Store::demo().unwrap();
    let (check, setter) = flag_set_from_another_thread();
    store.set_interrupt_check(Some(check)).unwrap();
    let err = store.report("AZE", "KAZ").unwrap_err();
    assert!(matches!(err, Error::Interrupted), "{err:?}");
    setter.join().unwrap();
    store.set_interrupt_check(None).unwrap();
    assert!(store.report("AZE", "KAZ").is_ok());
}

// ----- bulk reads ---------------------------------------------------------------------

/// Figures added out of order: visitors TUR→GEO and GEO→ARM, trade between ARM and GEO,
/// one without source, quote or note.
fn table_store() -> Store {
    let mut store = store();
    let mut records = vec![
        NewObservation::new("visitors", "TUR", "GEO", "2024-H1", 300.0),
        NewObservation::new("visitors", "GEO", "ARM", "2024", 200.0),
        NewObservation::new("trade", "GEO", "ARM", "2023", 50.0),
        NewObservation::new("visitors", "GEO", "ARM", "2023", 100.0),
    ];
    records[1].source = Some("office".into());
    records[1].quote = Some("200 visitors".into());
    records[1].qualifier = Some("over".into());
    store.add_many(&records, OnDuplicate::Error).unwrap();
    store
}

#[test]
fn a_table_lists_each_value_once_in_sorted_order_and_writes_out_as_the_observations() {
    let store = table_store();
    let every = ObservationFilter::default();
    let table = store.observation_table(&every).unwrap();
    let codes: Vec<&str> = table.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["trade", "visitors"]);
    assert_eq!(table.countries, ["ARM", "GEO", "TUR"]);
    assert_eq!(table.products, ["total"]);
    assert_eq!(table.sources, ["office"]);
    assert_eq!(table.period_texts, ["2023", "2024", "2024-H1"]);
    // Trade first, then visitors GEO→ARM by period, then TUR→GEO.
    let order: Vec<(u32, u32, u32, f64)> = table
        .rows
        .iter()
        .map(|r| (r.key.indicator, r.key.origin, r.key.destination, r.value))
        .collect();
    assert_eq!(
        order,
        [
            (0, 0, 1, 50.0),
            (1, 1, 0, 100.0),
            (1, 1, 0, 200.0),
            (1, 2, 1, 300.0)
        ]
    );
    assert_eq!(table.rows[2].source, Some(0));
    assert_eq!(table.rows[1].source, None);
    assert_eq!(
        table.clone().into_observations(),
        store.observations(&every).unwrap()
    );
}

#[test]
fn a_filtered_table_holds_only_the_values_its_rows_use() {
    let store = table_store();
    let filter = ObservationFilter::indicator("visitors").pair("TUR", "GEO");
    let table = store.observation_table(&filter).unwrap();
    assert_eq!(table.len(), 1);
    assert_eq!(table.countries, ["GEO", "TUR"]);
    assert!(table.sources.is_empty());
    assert_eq!(table.observation(0).value, 300.0);
}

#[test]
fn columns_give_dates_as_days_since_1970_and_minus_one_for_no_text() {
    let store = table_store();
    let table = store
        .observation_table(&ObservationFilter::indicator("visitors").pair("GEO", "ARM"))
        .unwrap();
    let columns = bilateral::Columns::of_observations(&table);
    assert_eq!(columns.rows(), 2);
    // 1970 → 2023 is 53 years with 13 leap days (1972 … 2020): 53 × 365 + 13.
    let start = columns.get("start").unwrap();
    assert_eq!(start, &bilateral::Column::Date(vec![19_358, 19_358 + 365]));
    assert_eq!(columns.get("source").unwrap().text(0), None);
    assert_eq!(columns.get("source").unwrap().text(1), Some("office"));
    assert_eq!(columns.get("qualifier").unwrap().text(1), Some("over"));
    assert_eq!(
        columns.get("value"),
        Some(&bilateral::Column::Float(vec![100.0, 200.0]))
    );
}

/// A version-4 file as a version-4 library wrote it (rowid table, text codes, a missing
/// source stored as NULL, a replaced figure), with two indicators, a source and a
/// product besides `total`.
fn version_4_file(path: &std::path::Path) -> rusqlite::Connection {
    Store::create_with_schema_version(path, 4).unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    conn.execute_batch(
        "INSERT INTO indicator (code, name, unit, kind, directed, topic_id)
             SELECT 'trade', 'Trade', 'USD', 'flow', 0, id FROM topic WHERE code = 'trade';
         INSERT INTO indicator (code, name, unit, kind, directed, topic_id)
             SELECT 'visitors', 'Visitors', 'persons', 'flow', 1, id FROM topic WHERE code = 'people';
         INSERT INTO source (code, title) VALUES ('office', 'Statistics office');
         INSERT INTO product (code) VALUES ('wheat');",
    )
    .unwrap();
    conn
}

/// Observation rows as a version-4 library wrote them, ids found by code: `rows` are
/// SQL `VALUES` rows of (indicator, origin, destination, product, start day, end day,
/// period as written, value, qualifier, low, high, status, source, quote, note); `verb`
/// is `INSERT` or `INSERT OR REPLACE` (what `replace` ran then).
fn write_v4(conn: &rusqlite::Connection, verb: &str, rows: &str) {
    conn.execute_batch(&format!(
        "{verb} INTO observation (indicator_id, origin_id, destination_id, product_id,
             start_day, end_day, period_text, value, qualifier, low, high, status, source_id,
             quote, note)
         SELECT i.id, origin.id, destination.id, p.id, v.column5, v.column6, v.column7,
                v.column8, v.column9, v.column10, v.column11, v.column12, s.id, v.column14,
                v.column15
         FROM (VALUES {rows}) v
         JOIN indicator i ON i.code = v.column1
         JOIN country origin ON origin.alpha3 = v.column2
         JOIN country destination ON destination.alpha3 = v.column3
         JOIN product p ON p.code = v.column4
         LEFT JOIN source s ON s.code = v.column13"
    ))
    .unwrap();
}

/// A stored observation as the test expects to read it back.
#[allow(clippy::too_many_arguments)]
fn stored(
    indicator: &str,
    origin: &str,
    destination: &str,
    product: &str,
    period: &str,
    value: f64,
    qualifier: Qualifier,
    (low, high): (f64, f64),
    status: Status,
    unit: &str,
    source: Option<&str>,
    quote: Option<&str>,
    note: Option<&str>,
) -> Observation {
    Observation {
        indicator: indicator.into(),
        origin: origin.into(),
        destination: destination.into(),
        product: product.into(),
        period: Period::parse(period).unwrap(),
        period_text: period.into(),
        value,
        qualifier,
        low,
        high,
        status,
        unit: unit.into(),
        source: source.map(Into::into),
        quote: quote.map(Into::into),
        note: note.map(Into::into),
    }
}

#[test]
fn a_version_4_file_migrates_to_the_clustered_layout_with_every_figure_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        // Julian day numbers, worked out from 1 January 2024 = 2460311: 2023 has 365
        // days (2459946 to 2460310), 2022 too (2459581 to 2459945), 2024 has 366 (to
        // 2460676), and January to August 2025 has 31+28+31+30+31+30+31+31 = 243 days
        // (2460677 to 2460919).
        let conn = version_4_file(&path);
        write_v4(
            &conn,
            "INSERT",
            "('trade', 'AZE', 'KAZ', 'total', 2460311, 2460676, '2024', 533400000.0, 'approx',
              533350000.0, 533450000.0, 'actual', 'office', '533.4 million', NULL)",
        );
        // The revised figure replaces it: a new rowid, the old row gone.
        write_v4(
            &conn,
            "INSERT OR REPLACE",
            "('trade', 'AZE', 'KAZ', 'total', 2460311, 2460676, '2024', 533500000.0, 'approx',
              533450000.0, 533550000.0, 'actual', 'office', '533.5 million', 'revised')",
        );
        // An estimate without a source and one from the office are two identities.
        write_v4(
            &conn,
            "INSERT",
            "('trade', 'AZE', 'KAZ', 'total', 2460311, 2460676, '2024', 530000000.0, 'exact',
              530000000.0, 530000000.0, 'estimate', NULL, NULL, NULL),
             ('trade', 'AZE', 'KAZ', 'total', 2460311, 2460676, '2024', 531000000.0, 'exact',
              531000000.0, 531000000.0, 'estimate', 'office', NULL, NULL),
             ('trade', 'AZE', 'KAZ', 'wheat', 2460677, 2460919, '2025-01/2025-08', 7500.0,
              'under', 7400.0, 7500.0, 'actual', 'office', NULL, NULL),
             ('visitors', 'AZE', 'KAZ', 'total', 2459946, 2460310, '2023', 102000.0, 'over',
              102000.0, 103000.0, 'provisional', 'office', NULL, 'doubled'),
             ('visitors', 'KAZ', 'AZE', 'total', 2459946, 2460310, '2023', 59000.0, 'nearly',
              58000.0, 59000.0, 'target', NULL, 'nearly 59,000', NULL),
             ('visitors', 'AZE', 'KAZ', 'total', 2459581, 2459945, '2022', 1500.0, 'exact',
              1500.0, 1500.0, 'projection', 'office', NULL, NULL)",
        );
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM observation", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 7);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    // In the order of Store::observations: indicator, pair, product, period, status
    // (alphabetical, as before), source (none first).
    let expected = vec![
        stored(
            "trade",
            "AZE",
            "KAZ",
            "total",
            "2024",
            533_500_000.0,
            Qualifier::Approx,
            (533_450_000.0, 533_550_000.0),
            Status::Actual,
            "USD",
            Some("office"),
            Some("533.5 million"),
            Some("revised"),
        ),
        stored(
            "trade",
            "AZE",
            "KAZ",
            "total",
            "2024",
            530_000_000.0,
            Qualifier::Exact,
            (530_000_000.0, 530_000_000.0),
            Status::Estimate,
            "USD",
            None,
            None,
            None,
        ),
        stored(
            "trade",
            "AZE",
            "KAZ",
            "total",
            "2024",
            531_000_000.0,
            Qualifier::Exact,
            (531_000_000.0, 531_000_000.0),
            Status::Estimate,
            "USD",
            Some("office"),
            None,
            None,
        ),
        stored(
            "trade",
            "AZE",
            "KAZ",
            "wheat",
            "2025-01/2025-08",
            7_500.0,
            Qualifier::Under,
            (7_400.0, 7_500.0),
            Status::Actual,
            "USD",
            Some("office"),
            None,
            None,
        ),
        stored(
            "visitors",
            "AZE",
            "KAZ",
            "total",
            "2022",
            1_500.0,
            Qualifier::Exact,
            (1_500.0, 1_500.0),
            Status::Projection,
            "persons",
            Some("office"),
            None,
            None,
        ),
        stored(
            "visitors",
            "AZE",
            "KAZ",
            "total",
            "2023",
            102_000.0,
            Qualifier::Over,
            (102_000.0, 103_000.0),
            Status::Provisional,
            "persons",
            Some("office"),
            None,
            Some("doubled"),
        ),
        stored(
            "visitors",
            "KAZ",
            "AZE",
            "total",
            "2023",
            59_000.0,
            Qualifier::Nearly,
            (58_000.0, 59_000.0),
            Status::Target,
            "persons",
            None,
            Some("nearly 59,000"),
            None,
        ),
    ];
    assert_eq!(
        store.observations(&ObservationFilter::default()).unwrap(),
        expected
    );
    // A status filter still finds its figures, and a pair reads in either order.
    let estimates = store
        .observations(&ObservationFilter {
            status: Some("estimate".into()),
            ..ObservationFilter::default()
        })
        .unwrap();
    assert_eq!(estimates, expected[1..3]);
    assert_eq!(store.observations_between("KAZ", "AZE").unwrap(), expected);
    drop(store);

    // Any SQLite client: the same readable columns as before but `id`, the codes as text;
    // a clustered table whose foreign keys all hold.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT * FROM observation_view")
        .unwrap()
        .column_names()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        columns,
        [
            "indicator",
            "origin",
            "destination",
            "product",
            "period",
            "start",
            "end",
            "value",
            "low",
            "high",
            "qualifier",
            "status",
            "unit",
            "source",
            "quote",
            "note"
        ]
    );
    let codes: Vec<(String, String, String, Option<String>)> = conn
        .prepare(
            "SELECT period, qualifier, status, source FROM observation_view
             ORDER BY indicator, origin, destination, product, start, status, source",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let owned = |p: &str, q: &str, s: &str, src: Option<&str>| {
        (
            p.to_owned(),
            q.to_owned(),
            s.to_owned(),
            src.map(str::to_owned),
        )
    };
    assert_eq!(
        codes,
        [
            owned("2024", "approx", "actual", Some("office")),
            owned("2024", "exact", "estimate", None),
            owned("2024", "exact", "estimate", Some("office")),
            owned("2025-01/2025-08", "under", "actual", Some("office")),
            owned("2022", "exact", "projection", Some("office")),
            owned("2023", "over", "provisional", Some("office")),
            owned("2023", "nearly", "target", None),
        ]
    );
    let (start, end): (String, String) = conn
        .query_row(
            "SELECT start, \"end\" FROM observation_view WHERE product = 'wheat'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((start.as_str(), end.as_str()), ("2025-01-01", "2025-08-31"));
    let table: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'observation'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(table.contains("WITHOUT ROWID"), "{table}");
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
}

#[test]
fn after_the_migration_duplicates_are_refused_and_replace_still_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        let conn = version_4_file(&path);
        write_v4(
            &conn,
            "INSERT",
            "('trade', 'AZE', 'KAZ', 'total', 2460311, 2460676, '2024', 5.0, 'exact', 5.0, 5.0,
              'actual', 'office', NULL, NULL),
             ('trade', 'AZE', 'KAZ', 'total', 2459946, 2460310, '2023', 4.0, 'exact', 4.0, 4.0,
              'estimate', NULL, NULL, NULL)",
        );
    }
    let mut store = Store::open(&path).unwrap();
    let mut with_source = obs("trade", "KAZ", "AZE", "2024", 6.0);
    with_source.source = Some("office".into());
    let err = store.add(&with_source).unwrap_err();
    assert!(
        matches!(err, Error::Duplicate { record: None, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("trade AZE–KAZ total 2024 actual from office"),
        "{err}"
    );
    // A migrated figure without a source is one identity too.
    let mut without_source = obs("trade", "AZE", "KAZ", "2023", 3.0);
    without_source.status = Some("estimate".into());
    let err = store.add(&without_source).unwrap_err();
    assert!(
        err.to_string()
            .contains("trade AZE–KAZ total 2023 estimate from no source"),
        "{err}"
    );
    store.replace(&with_source).unwrap();
    store.replace(&without_source).unwrap();
    let values: Vec<f64> = store
        .observations(&ObservationFilter::default())
        .unwrap()
        .iter()
        .map(|o| o.value)
        .collect();
    assert_eq!(values, [3.0, 6.0], "2023 then 2024, both replaced");
}

#[test]
fn a_batch_names_its_lowest_duplicate_whatever_order_it_is_written_in() {
    let mut store = store();
    store
        .add_many(
            &[
                obs("trade", "AZE", "KAZ", "2020", 1.0),
                obs("trade", "AZE", "KAZ", "2024", 1.0),
            ],
            OnDuplicate::Error,
        )
        .unwrap();
    // Written in key order, 2020 (record 2) would be met before 2024 (record 1); the
    // call still names record 1, the first a record-by-record write would stop at.
    let batch = [
        obs("trade", "AZE", "KAZ", "2019", 1.0),
        obs("trade", "KAZ", "AZE", "2024", 2.0),
        obs("trade", "AZE", "KAZ", "2020", 2.0),
    ];
    let err = store.add_many(&batch, OnDuplicate::Error).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Duplicate {
                record: Some(1),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("trade AZE–KAZ total 2024 actual"),
        "{err}"
    );
    // Two records of one identity in a batch: the later one is the duplicate.
    let twice = [
        obs("trade", "AZE", "KAZ", "2018", 1.0),
        obs("trade", "GEO", "AZE", "2018", 1.0),
        obs("trade", "KAZ", "AZE", "2018", 2.0),
    ];
    let err = store.add_many(&twice, OnDuplicate::Error).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Duplicate {
                record: Some(2),
                ..
            }
        ),
        "{err:?}"
    );
    // With replace, the later record wins, as written one by one.
    store.add_many(&twice, OnDuplicate::Replace).unwrap();
    let kept = store
        .observations(&ObservationFilter::indicator("trade").pair("AZE", "KAZ"))
        .unwrap();
    let values: Vec<(String, f64)> = kept
        .iter()
        .map(|o| (o.period.to_string(), o.value))
        .collect();
    assert_eq!(
        values,
        [
            ("2018".to_owned(), 2.0),
            ("2020".to_owned(), 1.0),
            ("2024".to_owned(), 1.0)
        ]
    );
    // Every record is checked before any is written: a bad record after a duplicate is
    // the error.
    let err = store
        .add_many(
            &[
                obs("trade", "AZE", "KAZ", "2024", 1.0),
                obs("trade", "AZE", "KAZ", "2023-Q5", 1.0),
            ],
            OnDuplicate::Error,
        )
        .unwrap_err();
    assert_eq!(err.validation().unwrap().record, Some(1), "{err}");
    assert_eq!(count(&store), 4);
}

#[test]
fn a_version_4_file_that_cannot_migrate_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    // A figure citing a source the file does not have (written with foreign keys off,
    // as a damaged file might hold), and one with a status no library wrote.
    let dangling = dir.path().join("dangling.db");
    let unknown_status = dir.path().join("unknown-status.db");
    for (path, status, source) in [(&dangling, "actual", 99), (&unknown_status, "guess", 1)] {
        let conn = version_4_file(path);
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        conn.pragma_update(None, "ignore_check_constraints", true)
            .unwrap();
        conn.execute(
            "INSERT INTO observation (indicator_id, origin_id, destination_id, start_day,
                 end_day, period_text, value, qualifier, low, high, status, source_id)
             SELECT 1, a.id, k.id, 2460311, 2460676, '2024', 5.0, 'exact', 5.0, 5.0, ?1, ?2
             FROM country a, country k WHERE a.alpha3 = 'AZE' AND k.alpha3 = 'KAZ'",
            rusqlite::params![status, source],
        )
        .unwrap();
    }
    for path in [&dangling, &unknown_status] {
        let before = std::fs::read(path).unwrap();
        let err = Store::open(path).unwrap_err();
        if path == &dangling {
            assert!(matches!(err, Error::Schema(_)), "{err:?}");
            assert!(
                err.to_string().contains("1 rows of the file refer"),
                "{err}"
            );
        }
        assert_eq!(std::fs::read(path).unwrap(), before, "{err}");
        let conn = rusqlite::Connection::open(path).unwrap();
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 4);
        let view: i64 = conn
            .query_row("SELECT count(*) FROM observation_view", [], |r| r.get(0))
            .unwrap();
        assert_eq!(view, 1);
    }
}

// ----- batches ------------------------------------------------------------------------

#[test]
fn a_batch_names_its_first_bad_row_whichever_field_is_bad() {
    let mut store = store();
    let rows = |bad: &[(usize, &str, &str)]| {
        let mut batch = bilateral::ObservationBatch::default();
        for i in 0..8 {
            let mut o = obs("visitors", "AZE", "KAZ", &(2000 + i).to_string(), 10.0);
            for &(row, field, text) in bad {
                if row == i {
                    match field {
                        "origin" => o.origin = text.into(),
                        "period" => o.period = text.into(),
                        _ => o.qualifier = Some(text.into()),
                    }
                }
            }
            batch.push(&o);
        }
        batch
    };
    // The same unknown country in rows 2 and 7: checked once, named at row 2.
    let batch = rows(&[(2, "origin", "XXX"), (7, "origin", "XXX")]);
    assert_invalid(
        store.add_batch(&batch, OnDuplicate::Error),
        "origin",
        "XXX",
        Some(2),
    );
    // A bad period at row 1 comes before a bad country at row 4.
    let batch = rows(&[(4, "origin", "XXX"), (1, "period", "2001-13")]);
    assert_invalid(
        store.add_batch(&batch, OnDuplicate::Error),
        "period",
        "2001-13",
        Some(1),
    );
    // Within a row, the fields are checked in their order: the country before the
    // qualifier.
    let batch = rows(&[(5, "qualifier", "roughly speaking"), (5, "origin", "XXX")]);
    assert_invalid(
        store.add_batch(&batch, OnDuplicate::Error),
        "origin",
        "XXX",
        Some(5),
    );
    assert_eq!(count(&store), 0);
    assert_eq!(store.add_batch(&rows(&[]), OnDuplicate::Error).unwrap(), 8);
}

#[test]
fn a_batch_and_the_same_records_one_list_give_the_same_store() {
    let records: Vec<NewObservation> = (0..30)
        .map(|i| {
            let mut o = obs(
                if i % 3 == 0 { "trade" } else { "visitors" },
                ["AZE", "KAZ", "GEO"][i % 3],
                ["KAZ", "GEO", "AZE"][i % 3],
                &format!("{}-Q{}", 2020 + i / 4, 1 + i % 4),
                100.0 + i as f64,
            );
            o.qualifier = Some(["over", "about", "exact"][i % 3].into());
            o.source = (i % 2 == 0).then(|| "office".into());
            o.product = (i % 5 == 0).then(|| "wine".into());
            o
        })
        .collect();
    let (mut one, mut other) = (store(), store());
    one.add_many(&records, OnDuplicate::Error).unwrap();
    let batch = bilateral::ObservationBatch::from_observations(&records);
    other.add_batch(&batch, OnDuplicate::Error).unwrap();
    let every = ObservationFilter::default();
    assert_eq!(
        one.observations(&every).unwrap(),
        other.observations(&every).unwrap()
    );
    assert_eq!(count(&one), 30);
}

#[test]
fn a_misspelled_indicator_or_country_gets_the_closest_known_name() {
    let mut store = store();
    let err = store
        .add(&obs("visitor", "AZE", "KAZ", "2024", 1.0))
        .unwrap_err();
    let v = err.validation().expect("a validation error");
    assert_eq!(
        (v.field.as_str(), v.text.as_str()),
        ("indicator", "visitor")
    );
    assert!(err.to_string().contains("did you mean visitors?"), "{err}");

    let err = store.indicator("trad").unwrap_err();
    assert!(matches!(
        err,
        Error::NotFound {
            what: "indicator",
            ..
        }
    ));
    assert!(err.to_string().contains("did you mean trade?"), "{err}");

    let err = store.country("Kazakstan").unwrap_err();
    assert!(
        err.to_string().contains("did you mean Kazakhstan (KAZ)?"),
        "{err}"
    );
    let err = store.country("Azerbijan").unwrap_err();
    assert!(
        err.to_string().contains("did you mean Azerbaijan (AZE)?"),
        "{err}"
    );

    // Nothing close: no guess.
    for text in ["Atlantis", "ZZZ"] {
        let err = store.country(text).unwrap_err().to_string();
        assert!(!err.contains("did you mean"), "{err}");
    }
    let err = store.indicator("railway_cargo").unwrap_err().to_string();
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn every_country_the_world_bank_names_is_found_by_its_world_bank_name() {
    let store = Store::in_memory().unwrap();
    // The World Bank's economies (code, name) as World Development Indicators lists
    // them; aggregates ("World", "Euro area", "High income" …) and the Channel Islands
    // have codes that are no country of the store, and are skipped.
    let economies = include_str!("../../data/worldbank-economies.csv");
    let mut found = 0;
    for line in economies.lines().skip(1) {
        let (code, name) = line.split_once(',').unwrap();
        let name = name.trim_matches('"').replace("\"\"", "\"");
        if store.country(code).is_err() {
            continue;
        }
        let country = store
            .country(&name)
            .unwrap_or_else(|e| panic!("{name} ({code}): {e}"));
        assert_eq!(country.alpha3, code, "{name}");
        found += 1;
    }
    assert!(found >= 215, "only {found} World Bank countries read");
    assert_eq!(store.country("Korea, Rep.").unwrap().alpha3, "KOR");
    assert_eq!(store.country("Republic of Korea").unwrap().alpha3, "KOR");
    assert_eq!(store.country("Egypt, Arab Rep.").unwrap().alpha3, "EGY");
    assert_eq!(store.country("Turkiye").unwrap().alpha3, "TUR");
    assert_eq!(store.country("Venezuela, RB").unwrap().alpha3, "VEN");
}

#[test]
fn kosovo_is_found_by_its_world_bank_codes_and_has_its_population() {
    let mut store = store();
    for text in ["XKX", "XK", "Kosovo", "kosovo"] {
        assert_eq!(store.country(text).unwrap().alpha3, "XKX", "{text}");
    }
    assert_eq!(store.country("XK").unwrap().alpha2, "XK");
    // World Bank, SP.POP.TOTL, 2024.
    assert_eq!(
        store.population("XKX", 2024).unwrap(),
        Some((2024, 1_594_353))
    );
    // An undirected pair with a country after it in the alphabet keeps alphabetical order.
    store.add(&obs("trade", "ZAF", "XKX", "2024", 3.0)).unwrap();
    assert_eq!(store.pairs().unwrap(), [("XKX".into(), "ZAF".into(), 1)]);
    let kept = store.observations(&ObservationFilter::default()).unwrap();
    assert_eq!(
        (kept[0].origin.as_str(), kept[0].destination.as_str()),
        ("XKX", "ZAF")
    );
}

#[test]
fn a_version_5_file_gets_kosovo_and_keeps_every_figure_of_the_countries_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    Store::create_with_schema_version(&path, 5).unwrap();
    {
        // What a version-5 library wrote: ids 1 to 249 in alpha-3 order, no Kosovo; an
        // undirected pair with the smaller id first, a directed one either way round.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO indicator (code, name, unit, kind, directed, topic_id)
             SELECT v.code, v.name, v.unit, 'flow', v.directed, t.id
             FROM (SELECT 'trade' AS code, 'Trade' AS name, 'USD' AS unit, 0 AS directed
                   UNION ALL SELECT 'visitors', 'Visitors', 'persons', 1) v,
                  topic t WHERE t.code = 'other';
             INSERT INTO observation (origin_id, destination_id, indicator_id, start_day,
                                      end_day, status, source_key, period_text, value,
                                      qualifier, low, high)
             SELECT o.id, d.id, i.id, 2460311, 2460676, 0, 0, '2024', v.value, 1,
                    v.value, v.value
             FROM (SELECT 'ZAF' AS o, 'ZWE' AS d, 'trade' AS i, 1.0 AS value
                   UNION ALL SELECT 'WSM', 'YEM', 'trade', 2.0
                   UNION ALL SELECT 'ZMB', 'AZE', 'visitors', 3.0
                   UNION ALL SELECT 'AZE', 'ZMB', 'visitors', 4.0
                   UNION ALL SELECT 'AZE', 'KAZ', 'visitors', 5.0) v
             JOIN country o ON o.alpha3 = v.o
             JOIN country d ON d.alpha3 = v.d
             JOIN indicator i ON i.code = v.i;
             INSERT INTO event (start_day, end_day, date_text, a_id, b_id, kind, title)
             SELECT 2460676, 2460676, '2024-12-31', a.id, b.id, 'meeting', 'Talks'
             FROM country a, country b WHERE a.alpha3 = 'YEM' AND b.alpha3 = 'ZWE';",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mut figures: Vec<(String, String, f64)> = store
        .observations(&ObservationFilter::default())
        .unwrap()
        .into_iter()
        .map(|o| (o.origin, o.destination, o.value))
        .collect();
    figures.sort_by(|a, b| a.2.total_cmp(&b.2));
    let expected = [
        ("ZAF", "ZWE", 1.0),
        ("WSM", "YEM", 2.0),
        ("ZMB", "AZE", 3.0),
        ("AZE", "ZMB", 4.0),
        ("AZE", "KAZ", 5.0),
    ];
    let expected: Vec<(String, String, f64)> = expected
        .iter()
        .map(|(o, d, v)| (o.to_string(), d.to_string(), *v))
        .collect();
    assert_eq!(figures, expected);
    let events = store.events_of(&PairFilter::between("ZWE", "YEM")).unwrap();
    assert_eq!((events[0].a.as_str(), events[0].b.as_str()), ("YEM", "ZWE"));
    assert_eq!(
        store.population("ZWE", 2024).unwrap(),
        Some((2024, 16_634_373))
    );
    assert_eq!(
        store.population("Kosovo", 2024).unwrap(),
        Some((2024, 1_594_353))
    );
    // Ids still follow alpha-3 order, Kosovo's included: a new store numbers the same.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let ids = |conn: &rusqlite::Connection| -> Vec<(i64, String)> {
        let mut stmt = conn
            .prepare("SELECT id, alpha3 FROM country ORDER BY alpha3")
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    let migrated = ids(&conn);
    assert_eq!(migrated.len(), 250);
    assert!(migrated
        .iter()
        .enumerate()
        .all(|(i, (id, _))| *id == i as i64 + 1));
    let fresh_path = dir.path().join("new.db");
    drop(Store::open(&fresh_path).unwrap());
    assert_eq!(
        ids(&rusqlite::Connection::open(&fresh_path).unwrap()),
        migrated
    );
}

#[test]
fn a_version_7_file_gets_indicator_phrases_and_plans_and_keeps_every_indicator_and_figure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.db");
    Store::create_with_schema_version(&path, 7).unwrap();
    {
        // What a version-7 library wrote: indicators without a phrase, kinds flow and
        // stock only, a figure that refers to one by id.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO indicator (code, name, unit, kind, directed, signed, description,
                                    topic_id)
             SELECT 'visitors', 'Visitors', 'persons', 'flow', 1, 0, 'People visiting', id
             FROM topic WHERE code = 'people';
             INSERT INTO indicator (code, name, unit, kind, directed, topic_id)
             SELECT 'agreements', 'Agreements', 'count', 'stock', 0, id
             FROM topic WHERE code = 'cooperation';
             INSERT INTO observation (origin_id, destination_id, indicator_id, start_day,
                                      end_day, status, source_key, period_text, value,
                                      qualifier, low, high)
             SELECT o.id, d.id, i.id, 2460311, 2460676, 0, 0, '2024', 30000.0, 1,
                    30000.0, 30000.0
             FROM country o, country d, indicator i
             WHERE o.alpha3 = 'GEO' AND d.alpha3 = 'ARM' AND i.code = 'visitors';",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let visitors = store.indicator("visitors").unwrap();
    assert_eq!(
        (
            visitors.kind,
            visitors.directed,
            visitors.description.as_deref(),
            visitors.topic.code(),
            visitors.phrase.as_deref()
        ),
        (Kind::Flow, true, Some("People visiting"), "people", None)
    );
    assert_eq!(store.indicator("agreements").unwrap().kind, Kind::Stock);
    let figures = store
        .observations(&ObservationFilter::indicator("visitors"))
        .unwrap();
    assert_eq!(figures.len(), 1);
    assert_eq!(
        (figures[0].origin.as_str(), figures[0].value),
        ("GEO", 30_000.0)
    );
    // The migrated table takes what version 8 adds: a plan, and a phrase read back.
    let mut cable = Indicator::new("cable_length", "Cable length", "km", Kind::Plan, false);
    cable.phrase = Some("Length of the {origin}–{destination} cable".to_owned());
    assert!(store.add_indicator(&cable).unwrap());
    assert_eq!(store.indicator("cable_length").unwrap(), cable);
}

#[test]
fn a_phrase_with_an_unknown_placeholder_is_a_validation_error_naming_phrase() {
    let mut store = Store::in_memory().unwrap();
    let mut indicator = Indicator::new("visits", "Visits", "persons", Kind::Flow, true);
    indicator.phrase = Some("visits from {orgin} to {destination}".to_owned());
    let err = store.add_indicator(&indicator).unwrap_err();
    let v = err.validation().unwrap();
    assert_eq!(
        (v.field.as_str(), v.text.as_str()),
        ("phrase", "visits from {orgin} to {destination}")
    );
    assert!(v.reason.contains("{orgin}"), "{}", v.reason);
    indicator.phrase = Some("visits from {origin".to_owned());
    assert_eq!(
        store
            .add_indicator(&indicator)
            .unwrap_err()
            .validation()
            .unwrap()
            .field,
        "phrase"
    );
    // nothing was added
    assert!(store.indicator("visits").is_err());
    indicator.phrase = Some("visits from {origin} to {destination} ({product})".to_owned());
    assert!(store.add_indicator(&indicator).unwrap());
}

#[test]
fn the_library_s_hint_is_never_cut_only_the_name_a_caller_gave() {
    let mut store = store();
    // The name the caller gave is cut to 80 characters with its length; the list of
    // built-in datasets after it is shown whole.
    let err = store
        .load_dataset(&"q".repeat(1_000))
        .unwrap_err()
        .to_string();
    let expected = format!(
        "dataset not found: {}… (1000 characters) (built in: azerbaijan-kazakhstan-2025)",
        "q".repeat(80)
    );
    assert_eq!(err, expected);
    // A misspelt indicator: "did you mean" follows, whole, however long the text before.
    let err = store.indicator("trode").unwrap_err().to_string();
    assert_eq!(err, "indicator not found: trode (did you mean trade?)");
}

#[test]
fn a_duplicate_s_key_of_long_codes_is_shown_whole() {
    let mut store = store();
    let source = "s".repeat(64);
    store
        .add_source(&bilateral::Source {
            id: source.clone(),
            title: "A source with the longest id".into(),
            publisher: None,
            url: None,
            published: None,
        })
        .unwrap();
    let product = "p".repeat(64);
    let mut record = obs("visitors", "AZE", "KAZ", "2024", 5.0);
    record.product = Some(product.clone());
    record.source = Some(source.clone());
    store.add(&record).unwrap();
    let err = store.add(&record).unwrap_err().to_string();
    // "visitors" 8, " " 1, "AZE→KAZ" 7, " " 1, 64 p's, " " 1, "2024" 4, " " 1,
    // "actual" 6, " from " 6, 64 s's: 163 characters, which used to be cut at 80.
    let key = format!("visitors AZE→KAZ {product} 2024 actual from {source}");
    assert_eq!(key.chars().count(), 163);
    assert!(
        err.starts_with(&format!("duplicate observation: {key} is already")),
        "{err}"
    );
    assert!(!err.contains("characters)"), "{err}");
}

#[test]
fn a_batch_that_skips_missing_values_writes_the_other_rows_and_names_their_own_index() {
    let mut store = store();
    let mut batch = bilateral::ObservationBatch::default();
    for (year, value) in [("2021", 1.0), ("2022", 2.0), ("2023", 3.0)] {
        batch.push(&obs("trade", "AZE", "KAZ", year, value));
    }
    // Row 1 has no value, and a product no other row has.
    batch.value[1] = None;
    let mut product = obs("trade", "AZE", "KAZ", "2024", 4.0);
    product.product = Some("only_here".into());
    batch.product = bilateral::model::TextColumn::default();
    for row in 0..3 {
        batch.product.push((row == 1).then_some("only_here"));
    }
    // By default the row without a value is an error naming it.
    assert_invalid(
        store.add_batch(&batch, OnDuplicate::Error),
        "value",
        "",
        Some(1),
    );
    assert_eq!(count(&store), 0);

    batch.on_missing = bilateral::OnMissing::Skip;
    assert_eq!(batch.rows_without_value(), 1);
    // 3 rows, 1 without a value: 2 written.
    assert_eq!(store.add_batch(&batch, OnDuplicate::Error).unwrap(), 2);
    assert_eq!(count(&store), 2);
    // The skipped row's product was not added with it.
    assert!(store.products().unwrap().is_empty());

    // An error in a row after the skipped one names the row's index in the batch.
    batch.push(&obs("trade", "AZE", "Atlantis", "2025", 5.0));
    batch.push(&product);
    assert_invalid(
        store.add_batch(&batch, OnDuplicate::Skip),
        "destination",
        "Atlantis",
        Some(3),
    );
}

#[test]
fn a_skip_names_the_two_records_of_a_batch_that_give_one_identity_different_figures() {
    let mut store = store();
    // Records 0 and 2 are the same trade AZE–KAZ 2024 (trade is undirected), with 5
    // and 6: the clash is within the batch, nothing of it is stored.
    let batch = [
        obs("trade", "AZE", "KAZ", "2024", 5.0),
        obs("trade", "AZE", "KAZ", "2023", 7.0),
        obs("trade", "KAZ", "AZE", "2024", 6.0),
    ];
    let err = store.add_many(&batch, OnDuplicate::Skip).unwrap_err();
    assert_eq!(err.record(), Some(2));
    let message = err.to_string();
    assert!(
        message.contains(
            "comes twice in the batch with different figures (record 0: exact 5, bounds 5–5; \
             record 2: exact 6, bounds 6–6)"
        ),
        "{message}"
    );
    assert!(!message.contains("already stored"), "{message}");
    assert_eq!(count(&store), 0);
    // The same two figures, one stored before: the stored one is named as before.
    store.add(&batch[0]).unwrap();
    let message = store
        .add_many(&batch[1..], OnDuplicate::Skip)
        .unwrap_err()
        .to_string();
    assert!(message.contains("stored: exact 5, bounds 5–5"), "{message}");
    // Identical figures twice in a batch are still passed over.
    let twice = [batch[1].clone(), batch[1].clone()];
    assert_eq!(store.add_many(&twice, OnDuplicate::Skip).unwrap(), 1);
}

#[test]
fn items_that_moved_between_modules_keep_their_old_paths() {
    // Each old path names the same item as its new home: these lines would not compile
    // if one went away or named another type.
    let dataset: bilateral::builtin::Dataset = bilateral::model::Dataset::default();
    let _: bilateral::Dataset = dataset;
    let _: Option<bilateral::builtin::DatasetTopic> = None::<bilateral::model::DatasetTopic>;
    let _: Option<bilateral::builtin::DatasetPopulation> =
        None::<bilateral::model::DatasetPopulation>;
    let progress: bilateral::files::Progress = bilateral::store::Progress {
        stage: bilateral::files::Stage::Writing,
        done: 1,
        total: 2,
    };
    assert_eq!(progress.stage, bilateral::store::Stage::Writing);
    // 10,000 rows between reports, 30 s of waiting for a writer, as documented.
    assert_eq!(bilateral::files::ROWS_BETWEEN_REPORTS, 10_000);
    assert_eq!(bilateral::store::ROWS_BETWEEN_REPORTS, 10_000);
    assert_eq!(bilateral::store::BUSY_TIMEOUT.as_secs(), 30);
    assert_eq!(bilateral::error::BUSY_TIMEOUT.as_secs(), 30);
}

// ----- batches of many INSERT statements (64 rows each) ------------------------------

/// Visitors AZE → KAZ in `months` counted from January 2000, one record a month: in key
/// order the rows come by month (one pair, indicator, product, status and source).
fn monthly(months: impl IntoIterator<Item = usize>) -> Vec<NewObservation> {
    months
        .into_iter()
        .map(|m| {
            let period = format!("{}-{:02}", 2000 + m / 12, m % 12 + 1);
            obs("visitors", "AZE", "KAZ", &period, 1_000.0 + m as f64)
        })
        .collect()
}

fn values(store: &Store) -> Vec<f64> {
    store
        .observations(&ObservationFilter::indicator("visitors"))
        .unwrap()
        .iter()
        .map(|o| o.value)
        .collect()
}

#[test]
fn a_duplicate_in_the_second_statement_of_a_batch_is_named_by_its_record_index() {
    let mut store = store();
    // Month 100 is 2008-05 (100 = 8 × 12 + 4): stored before, with another value.
    let mut stored = monthly([100]);
    stored[0].value = 5.0;
    store.add(&stored[0]).unwrap();
    // 150 months in order: month 100 is the 101st row in key order, the 37th of the
    // second statement (rows 64 to 127).
    let err = store
        .add_many(&monthly(0..150), OnDuplicate::Error)
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Duplicate {
                record: Some(100),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("visitors AZE→KAZ total 2008-05 actual"),
        "{err}"
    );
    assert_eq!(values(&store), [5.0], "nothing of the batch was kept");
    // Twice in the batch, in the second statement: month 70 as records 70 and 150 (the
    // later is the duplicate); in key order the two are rows 70 and 71.
    let mut store = self::store();
    let mut twice = monthly(0..150);
    twice.extend(monthly([70]));
    let err = store.add_many(&twice, OnDuplicate::Error).unwrap_err();
    assert_eq!(err.record(), Some(150), "{err}");
    assert!(err.to_string().contains("2005-11"), "{err}"); // 70 = 5 × 12 + 10
    assert_eq!(count(&store), 0);
}

#[test]
fn a_batch_of_many_statements_names_its_lowest_duplicate_not_the_first_written() {
    let mut store = store();
    store
        .add_many(&monthly([10, 130]), OnDuplicate::Error)
        .unwrap();
    // Records in reverse order: record i is month 149 − i. Month 10 (record 139) is
    // written in the first statement, month 130 (record 19) in the third (rows 128 to
    // 191); one by one, the write would stop at record 19 first.
    let err = store
        .add_many(&monthly((0..150).rev()), OnDuplicate::Error)
        .unwrap_err();
    assert_eq!(err.record(), Some(19), "{err}");
    assert!(err.to_string().contains("2010-11"), "{err}"); // 130 = 10 × 12 + 10
    assert_eq!(values(&store), [1_010.0, 1_130.0]);
}

#[test]
fn a_batch_of_many_statements_whose_last_row_fails_writes_nothing() {
    let mut store = store();
    // 1,024 rows, 16 full statements. The last record repeats the month of the one
    // before it (month 1,022): the 16th statement is refused after 15 were written, and
    // the call takes them back.
    let mut rows = monthly(0..1_023);
    rows.extend(monthly([1_022]));
    let err = store.add_many(&rows, OnDuplicate::Error).unwrap_err();
    assert_eq!(err.record(), Some(1_023), "{err}");
    assert_eq!(count(&store), 0);
    // A bad period in the last record is found before anything is written.
    rows[1_023].period = "2023-Q5".into();
    assert_invalid(
        store.add_many(&rows, OnDuplicate::Error),
        "period",
        "2023-Q5",
        Some(1_023),
    );
    assert_eq!(count(&store), 0);
    rows.pop();
    assert_eq!(store.add_many(&rows, OnDuplicate::Error).unwrap(), 1_023);
    assert_eq!(count(&store), 1_023);
}

#[test]
fn skip_and_replace_over_many_statements_act_row_by_row() {
    let mut store = store();
    assert_eq!(
        store.add_many(&monthly(0..150), OnDuplicate::Skip).unwrap(),
        150
    );
    // Again, every row is identical and passed over; with 50 more months, only those
    // are added.
    assert_eq!(
        store.add_many(&monthly(0..150), OnDuplicate::Skip).unwrap(),
        0
    );
    assert_eq!(
        store.add_many(&monthly(0..200), OnDuplicate::Skip).unwrap(),
        50
    );
    // Record 90 with another figure is refused, naming the stored one (1,000 + 90).
    let mut changed = monthly(0..150);
    changed[90].value = 7.0;
    let err = store.add_many(&changed, OnDuplicate::Skip).unwrap_err();
    assert_eq!(err.record(), Some(90), "{err}");
    assert!(err.to_string().contains("stored: exact 1090"), "{err}");
    assert_eq!(count(&store), 200);
    // Replace writes every row; of two records of one identity the later wins.
    let mut replacing = monthly(0..150);
    for row in &mut replacing {
        row.value += 0.5;
    }
    replacing.extend(monthly([3]));
    replacing[150].value = 9.0;
    assert_eq!(
        store.add_many(&replacing, OnDuplicate::Replace).unwrap(),
        151
    );
    let now = values(&store);
    assert_eq!(
        (now[2], now[3], now[149], now[150]),
        (1_002.5, 9.0, 1_149.5, 1_150.0)
    );
    assert_eq!(now.len(), 200);
}
