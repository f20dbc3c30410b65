//! The whole store as JSON: an export read into an empty store gives the same store,
//! topics and hand-set populations included, the built-in World Bank population left
//! out.

use std::path::Path;

use bilateral::{
    Error, Indicator, Kind, NewClaim, NewEvent, NewObservation, ObservationFilter, PairFilter,
    Source, Store, Topic,
};

/// Everything a store holds that an export carries, for comparing two stores.
fn contents(store: &Store) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        store.sources().unwrap(),
        store.topics().unwrap(),
        store.indicators().unwrap(),
        store.observations(&ObservationFilter::default()).unwrap(),
        store.events_of(&PairFilter::any()).unwrap(),
        store.claims_of(&PairFilter::any()).unwrap(),
        store.population_series("GEO").unwrap(),
        store.population_series("ARM").unwrap(),
    )
}

fn round_trip(store: &Store, dir: &Path) -> (Store, bilateral::LoadSummary) {
    let path = dir.join("store.json");
    store.export_json(&path).unwrap();
    let mut copy = Store::in_memory().unwrap();
    let added = copy.import_json(&path).unwrap();
    (copy, added)
}

#[test]
fn the_demo_exported_and_imported_into_an_empty_store_is_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let demo = Store::demo().unwrap();
    let (copy, added) = round_trip(&demo, dir.path());
    assert_eq!(contents(&copy), contents(&demo));
    // The demo dataset's 4 sources, 35 observations, 21 events and 13 claims; of its
    // 18 indicators the 4 of the starter catalogue are already in an empty store.
    assert_eq!(
        (added.sources, added.indicators, added.observations),
        (4, 14, 35)
    );
    assert_eq!((added.events, added.claims), (21, 13));
    assert_eq!((added.topics, added.populations), (0, 0));
}

#[test]
fn an_empty_store_exports_no_source_and_no_population() {
    let dataset = Store::in_memory().unwrap().to_dataset("empty").unwrap();
    assert!(dataset.sources.is_empty());
    assert!(dataset.populations.is_empty());
    assert!(dataset.observations.is_empty());
    // The built-in topics are there, and add nothing when read back.
    assert_eq!(dataset.topics[0].title, "Trade");
}

/// The numbers of a small linear congruential generator, so that the "random" store
/// is the same on every run.
struct Numbers(u64);

impl Numbers {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// A store with a topic of its own ("energy", "Energy and power"), an indicator in it
/// with a phrase, a source, figures of random values, qualifiers, statuses and period
/// spellings, an event, a claim, and the population of Georgia set for 2024 (cited)
/// and 2030 (not).
fn random_store(seed: u64) -> Store {
    let mut numbers = Numbers(seed);
    let mut store = Store::in_memory().unwrap();
    let energy = Topic::new("energy").unwrap();
    store.add_topic(&energy, "Energy and power").unwrap();
    let mut power = Indicator::new("power", "Electricity exports", "MWh", Kind::Flow, true);
    power.topic = energy;
    power.phrase = Some("electricity from {origin} to {destination}".to_owned());
    store.add_indicator(&power).unwrap();
    store
        .add_source(&Source {
            id: "geostat".to_owned(),
            title: "Geostat bulletin".to_owned(),
            publisher: Some("Geostat".to_owned()),
            url: None,
            published: None,
        })
        .unwrap();
    let qualifiers = ["exact", "about", "over", "nearly", "under"];
    let statuses = ["actual", "estimate", "provisional", "target", "projection"];
    for year in 2015..2025 {
        let mut figure = NewObservation::new(
            "power",
            if numbers.below(2) == 0 { "GEO" } else { "ARM" },
            if year % 2 == 0 { "TUR" } else { "AZE" },
            &if numbers.below(2) == 0 {
                format!("{year}")
            } else {
                format!("Jan–Aug {year}")
            },
            (1 + numbers.below(1_000_000)) as f64,
        );
        figure.qualifier = Some(qualifiers[numbers.below(5) as usize].to_owned());
        figure.status = Some(statuses[numbers.below(5) as usize].to_owned());
        if numbers.below(2) == 0 {
            figure.source = Some("geostat".to_owned());
            figure.quote = Some(format!("Exports \"{}\" & more", figure.value));
        }
        store.add(&figure).unwrap();
    }
    let mut event = NewEvent {
        date: "2024-05".to_owned(),
        a: "GEO".to_owned(),
        b: "ARM".to_owned(),
        kind: "signing".to_owned(),
        title: "Grid link signed".to_owned(),
        ..NewEvent::default()
    };
    event.source = Some("geostat".to_owned());
    store.add_event(&event).unwrap();
    let mut claim = NewClaim::new(
        "more than doubled",
        "power",
        "GEO",
        "TUR",
        "2024",
        "more than doubled",
    );
    claim.reference = Some("2016".to_owned());
    store.add_claim(&claim).unwrap();
    store
        .set_population("GEO", 2024, 3_700_000.0, Some("geostat"))
        .unwrap();
    store
        .set_population("GEO", 2030, 3_650_000.0, None)
        .unwrap();
    store
}

#[test]
fn a_random_store_with_its_own_topic_and_population_comes_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    for seed in [1, 2, 3] {
        let store = random_store(seed);
        let (copy, added) = round_trip(&store, dir.path());
        assert_eq!(contents(&copy), contents(&store), "seed {seed}");
        assert_eq!((added.topics, added.populations), (1, 2), "seed {seed}");
        assert_eq!(added.observations, 10, "seed {seed}");
        assert_eq!(
            copy.population("GEO", 2024).unwrap(),
            Some((2024, 3_700_000))
        );
        assert_eq!(
            copy.population("GEO", 2031).unwrap(),
            Some((2030, 3_650_000))
        );
    }
}

/// Values whose shortest text (what an export writes) serde_json's default float parser
/// read one unit in the last place off (2.7715077941825975e-163 came back as
/// …978e-163), found by tests/python/store/test_model.py.
#[test]
fn every_value_an_export_writes_reads_back_to_the_same_bits() {
    let dir = tempfile::tempdir().unwrap();
    let values = [
        2.771_507_794_182_597_5e-163,
        2.279_012_170_860_524_3e274,
        4.026_380_313_612_261e293,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::from_bits(1),
    ];
    let mut store = Store::in_memory().unwrap();
    for (i, value) in values.into_iter().enumerate() {
        let period = format!("{}", 2000 + i);
        store
            .add(&NewObservation::new(
                "exports", "GEO", "ARM", &period, value,
            ))
            .unwrap();
    }
    let (copy, _) = round_trip(&store, dir.path());
    let read = copy.observations(&ObservationFilter::default()).unwrap();
    let mut bits: Vec<u64> = read.iter().map(|o| o.value.to_bits()).collect();
    let mut given: Vec<u64> = values.iter().map(|v| v.to_bits()).collect();
    bits.sort_unstable();
    given.sort_unstable();
    assert_eq!(bits, given);
}

#[test]
fn only_the_populations_set_by_hand_are_exported() {
    let dataset = random_store(1).to_dataset("mine").unwrap();
    let rows: Vec<(&str, i32, i64, Option<&str>)> = dataset
        .populations
        .iter()
        .map(|p| (p.country.as_str(), p.year, p.value, p.source.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("GEO", 2024, 3_700_000, Some("geostat")),
            ("GEO", 2030, 3_650_000, None)
        ]
    );
    assert_eq!(dataset.topics.last().unwrap().title, "Other indicators");
}

#[test]
fn a_bad_population_in_a_file_names_its_record_and_field_and_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        r#"{"name": "bad", "title": "Bad",
            "sources": [{"id": "mine", "title": "Mine"}],
            "populations": [{"country": "GEO", "year": 2024, "value": 3700000},
                            {"country": "GEO", "year": 999, "value": 3700000}]}"#,
    )
    .unwrap();
    let mut store = Store::in_memory().unwrap();
    let before = store.population_series("GEO").unwrap();
    let Err(Error::Validation(error)) = store.import_json(&path) else {
        panic!("a year 999 is not a population year");
    };
    assert_eq!((error.field.as_str(), error.record), ("year", Some(1)));
    assert!(store.sources().unwrap().iter().all(|s| s.id != "mine"));
    assert_eq!(store.population_series("GEO").unwrap(), before);
}
