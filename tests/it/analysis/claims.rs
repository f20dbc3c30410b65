//! Claims: storing what a text says about the figures, what the figures make of it,
//! and what a claim implies about a figure nobody published. Every expected number is
//! worked out by hand in the comments.

use crate::common::synthetic;
use bilateral::analysis::{ClaimCheck, Verdict};
use bilateral::{
    Dataset, Error, NewClaim, NewObservation, PairFilter, Qualifier, Reference, Relation, Status,
    Store,
};

#[track_caller]
fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} is not {expected}"
    );
}

fn add(store: &mut Store, indicator: &str, period: &str, value: f64, qualifier: &str) {
    let mut obs = NewObservation::new(indicator, "AZE", "KAZ", period, value);
    obs.qualifier = Some(qualifier.to_owned());
    store.add(&obs).unwrap();
}

fn claim(indicator: &str, period: &str, words: &str, reference: Option<&str>) -> NewClaim {
    let mut claim = NewClaim::new(words, indicator, "AZE", "KAZ", period, words);
    claim.reference = reference.map(str::to_owned);
    claim
}

/// The one check of the store's claims whose text is `text` and period `period`.
#[track_caller]
fn check_of(store: &Store, text: &str, period: &str) -> ClaimCheck {
    let found: Vec<ClaimCheck> = store
        .claim_checks_of(&PairFilter::any())
        .unwrap()
        .into_iter()
        .filter(|c| c.claim.text == text && c.claim.period.to_string() == period)
        .collect();
    assert_eq!(found.len(), 1, "one claim {text:?} for {period}");
    found.into_iter().next().unwrap()
}

fn checked(store: &mut Store, c: NewClaim) -> ClaimCheck {
    let (text, period) = (c.text.clone(), c.period.clone());
    store.add_claim(&c).unwrap();
    check_of(store, &text, &period)
}

// ----- verdicts on hand-made figures -----------------------------------------------------

#[test]
fn a_ratio_inside_what_the_words_allow_is_supported() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2023", 1_000.0, "exact");
    add(&mut store, "visitors", "2024", 3_500.0, "exact");
    // "more than tripled": over 3 allows [3, 4]; 3,500 / 1,000 = 3.5
    let c = checked(
        &mut store,
        claim("visitors", "2024", "more than tripled", None),
    );
    assert_eq!(c.verdict, Verdict::Supported);
    close(c.computed, 3.5);
    assert_eq!(c.claim.allowed.map(|a| (a.low, a.high)), Some((3.0, 4.0)));
}

#[test]
fn a_ratio_outside_what_the_words_allow_is_contradicted() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2023", 1_000.0, "exact");
    add(&mut store, "visitors", "2024", 2_100.0, "exact");
    // 2,100 / 1,000 = 2.1, below the [3, 4] "more than tripled" allows
    let c = checked(
        &mut store,
        claim("visitors", "2024", "more than tripled", None),
    );
    assert_eq!(c.verdict, Verdict::Contradicted);
    close(c.computed, 2.1);
    assert!(c.explanation.contains("2.1 times"), "{}", c.explanation);
}

#[test]
fn a_ratio_whose_interval_straddles_what_the_words_allow_is_plausible() {
    let mut store = synthetic();
    // around 1,000 (the last significant digit is the thousands) is [500, 1,500];
    // 3,000 / [500, 1,500] = [2, 6], across the [3, 4] "more than tripled" allows
    add(&mut store, "visitors", "2023", 1_000.0, "approx");
    add(&mut store, "visitors", "2024", 3_000.0, "exact");
    let c = checked(
        &mut store,
        claim("visitors", "2024", "more than tripled", None),
    );
    assert_eq!(c.verdict, Verdict::Plausible);
    close(c.computed_low, 2.0);
    close(c.computed_high, 6.0);
}

#[test]
fn a_claim_about_a_missing_figure_is_unverifiable_and_bounds_it() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2024", 3_000.0, "exact");
    // "nearly doubled": within a tenth of doubling, [1.8, 2];
    // 2023 = 3,000 / [1.8, 2] = [1,500, 1,666.67]
    let c = checked(
        &mut store,
        claim("visitors", "2024", "nearly doubled", None),
    );
    assert_eq!(c.verdict, Verdict::Unverifiable);
    let implied = c.implied.unwrap();
    assert_eq!(implied.period.to_string(), "2023");
    close(implied.low, 1_500.0);
    close(implied.high, 3_000.0 / 1.8);
    assert_eq!(c.computed, None);
}

#[test]
fn a_rise_the_interval_allows_but_the_central_value_denies_points_against_the_claim() {
    let mut store = synthetic();
    // around 1,000 is [500, 1,500]; 950 / [500, 1,500] = [0.633, 1.9]: a rise is allowed,
    // but the central 950 / 1,000 = 0.95 is a fall of 5 %
    add(&mut store, "visitors", "2023", 1_000.0, "approx");
    add(&mut store, "visitors", "2024", 950.0, "exact");
    let c = checked(&mut store, claim("visitors", "2024", "increased", None));
    assert_eq!(c.verdict, Verdict::Plausible);
    assert!(c.points_against);
    close(c.computed, -5.0);
    assert!(
        c.explanation.ends_with(
            "“increased” says a rise, which the figures allow, though their central value \
             is a fall of 5.0 %."
        ),
        "{}",
        c.explanation
    );
}

#[test]
fn a_plausible_rise_whose_central_value_rises_does_not_point_against_the_claim() {
    let mut store = synthetic();
    // 1,100 / [500, 1,500] = [0.733, 2.2], centrally 1.1: a rise of 10 %
    add(&mut store, "visitors", "2023", 1_000.0, "approx");
    add(&mut store, "visitors", "2024", 1_100.0, "exact");
    let c = checked(&mut store, claim("visitors", "2024", "increased", None));
    assert_eq!(c.verdict, Verdict::Plausible);
    assert!(!c.points_against);
    assert!(c
        .explanation
        .ends_with("which the figures allow but do not show."));
}

#[test]
fn a_multiple_whose_central_value_falls_short_points_against_the_claim() {
    let mut store = synthetic();
    // 2,900 / [500, 1,500] = [1.933, 5.8] overlaps the [3, 4] of "more than tripled";
    // the central 2,900 / 1,000 = 2.9 is below 3
    add(&mut store, "visitors", "2023", 1_000.0, "approx");
    add(&mut store, "visitors", "2024", 2_900.0, "exact");
    let c = checked(
        &mut store,
        claim("visitors", "2024", "more than tripled", None),
    );
    assert_eq!(c.verdict, Verdict::Plausible);
    assert!(c.points_against);
    assert!(
        c.explanation
            .contains("though their central value is 2.9 times."),
        "{}",
        c.explanation
    );
}

#[test]
fn a_contradicted_claim_is_not_flagged_as_pointed_against() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2023", 1_000.0, "exact");
    add(&mut store, "visitors", "2024", 900.0, "exact");
    let c = checked(&mut store, claim("visitors", "2024", "increased", None));
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(!c.points_against);
}

#[test]
fn an_implied_end_resting_on_a_cap_the_words_leave_unsaid_names_the_assumption() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2024", 960.0, "exact");
    // "down more than 4%" allows −5 % to −4 %, the −5 % from the significant-digit
    // rule; 2023 = 960 / [0.95, 0.96] = [1,000, 1,010.53], whose upper end rests on −5 %
    let c = checked(
        &mut store,
        claim("visitors", "2024", "down more than 4%", None),
    );
    let implied = c.implied.clone().unwrap();
    close(implied.low, 1_000.0);
    close(implied.high, 960.0 / 0.95);
    assert!(
        c.explanation.contains(
            "(implied, not published; the upper end assumes a fall of less than 5 %, which \
             the claim does not say)"
        ),
        "{}",
        c.explanation
    );
}

#[test]
fn nearly_on_a_ratio_reaches_a_tenth_below_however_the_claim_is_given() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2024", 3_000.0, "exact");
    // as a relation code with a value and qualifier, as an exported store writes it:
    // nearly 2 times is [1.8, 2], and 2023 = 3,000 / [1.8, 2] = [1,500, 1,666.67]
    let mut c = claim("visitors", "2024", "ratio", None);
    c.text = "close to twice".to_owned();
    c.value = Some(2.0);
    c.qualifier = Some("nearly".to_owned());
    let c = checked(&mut store, c);
    assert_eq!(c.claim.allowed, Some(bilateral::Bounds::new(1.8, 2.0)));
    close(c.implied.as_ref().and_then(|i| i.high), 3_000.0 / 1.8);
}

#[test]
fn a_claim_with_both_figures_missing_implies_nothing() {
    let mut store = synthetic();
    let c = checked(&mut store, claim("visitors", "2024", "tripled", None));
    assert_eq!(c.verdict, Verdict::Unverifiable);
    assert_eq!(c.implied, None);
}

#[test]
fn a_percentage_is_read_as_stated_and_a_fall_is_negative() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2023", 2_000.0, "exact");
    add(&mut store, "visitors", "2024", 1_920.0, "exact");
    // 1,920 / 2,000 = 0.96: −4 % exactly
    let c = checked(&mut store, claim("visitors", "2024", "fell 4%", None));
    assert_eq!(c.verdict, Verdict::Supported);
    close(c.computed, -4.0);
    // "fell 5%" allows exactly −5: contradicted
    let c = checked(&mut store, claim("visitors", "2024", "fell 5%", None));
    assert_eq!(c.verdict, Verdict::Contradicted);
}

#[test]
fn greater_and_less_need_only_the_direction() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2023", 2_000.0, "exact");
    add(&mut store, "visitors", "2024", 2_001.0, "exact");
    let up = checked(&mut store, claim("visitors", "2024", "increased", None));
    assert_eq!(up.verdict, Verdict::Supported);
    let down = checked(
        &mut store,
        claim("visitors", "2024", "slightly below", None),
    );
    assert_eq!(down.verdict, Verdict::Contradicted);
}

#[test]
fn partial_years_against_a_whole_year_are_compared_as_paces() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2024", 1_200.0, "exact");
    // 900 in six months is a pace of 1,800 a year: up 50 % on 1,200
    add(&mut store, "visitors", "2025-H1", 900.0, "exact");
    let c = checked(
        &mut store,
        claim("visitors", "2025-H1", "rising", Some("2024")),
    );
    assert_eq!(c.verdict, Verdict::Supported);
    close(c.computed, 50.0);
    assert!(
        c.explanation.contains("a pace of about 1,800 a year"),
        "{}",
        c.explanation
    );
}

#[test]
fn a_record_is_checked_against_every_other_figure_of_the_same_length() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2022", 900.0, "exact");
    add(&mut store, "visitors", "2023", 1_000.0, "exact");
    add(&mut store, "visitors", "2024", 950.0, "exact");
    // a half year larger than every year does not count against it
    add(&mut store, "visitors", "2025-H1", 5_000.0, "exact");
    let c = checked(&mut store, claim("visitors", "2023", "a record", None));
    assert_eq!(c.verdict, Verdict::Supported);
    // against the nearest other, 950: 1,000 / 950 − 1 = 5.263… %
    close(c.computed, (1_000.0 / 950.0 - 1.0) * 100.0);
    let c = checked(&mut store, claim("visitors", "2022", "a record", None));
    assert_eq!(c.verdict, Verdict::Contradicted);
}

#[test]
fn a_share_compares_a_product_with_the_total_of_the_same_period() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2024", 1_000.0, "exact");
    let mut part = NewObservation::new("visitors", "AZE", "KAZ", "2024", 210.0);
    part.product = Some("students".into());
    store.add(&part).unwrap();
    // "a fifth of" allows 17.5 % to 22.5 %; 210 / 1,000 = 21 %
    let mut c = claim("visitors", "2024", "a fifth of", None);
    c.product = Some("students".into());
    let c = checked(&mut store, c);
    assert_eq!(c.claim.reference, Reference::Whole);
    assert_eq!(c.verdict, Verdict::Supported);
    close(c.computed, 21.0);
}

#[test]
fn a_target_reference_reads_the_target_of_the_period() {
    let mut store = synthetic();
    add(&mut store, "visitors", "2025", 1_500.0, "exact");
    let mut target = NewObservation::new("visitors", "AZE", "KAZ", "2025", 3_000.0);
    target.status = Some("target".into());
    store.add(&target).unwrap();
    // "half of the target": 1,500 / 3,000 = 50 %, pct −50
    let mut c = claim("visitors", "2025", "pct", Some("target"));
    c.value = Some(-50.0);
    let c = checked(&mut store, c);
    assert_eq!(c.verdict, Verdict::Supported);
    close(c.computed, -50.0);
}

// ----- storing claims -------------------------------------------------------------------------

#[test]
fn words_give_the_relation_number_and_qualifier_and_explicit_fields_take_precedence() {
    let mut store = synthetic();
    let mut c = claim("visitors", "2024", "a 2% increase", None);
    c.qualifier = Some("approx".into());
    store.add_claim(&c).unwrap();
    let stored = &store.claims_of(&PairFilter::any()).unwrap()[0];
    assert_eq!(stored.relation, Relation::Pct);
    assert_eq!(
        (stored.value, stored.qualifier),
        (Some(2.0), Qualifier::Approx)
    );
    // about 2 allows [1.5, 2.5]
    assert_eq!(stored.allowed.map(|a| (a.low, a.high)), Some((1.5, 2.5)));
    assert_eq!(stored.reference.to_string(), "2023");
}

#[test]
fn bad_claims_name_their_field() {
    let mut store = synthetic();
    let field = |c: NewClaim, store: &mut Store| match store.add_claim(&c) {
        Err(Error::Validation(v)) => v.field,
        other => panic!("expected a validation error, got {other:?}"),
    };
    assert_eq!(
        field(
            claim("visitors", "2024", "remained strong", None),
            &mut store
        ),
        "relation"
    );
    assert_eq!(
        field(claim("visitors", "2024", "ratio", None), &mut store),
        "value"
    );
    assert_eq!(
        field(
            claim("visitors", "2024", "tripled", Some("2024")),
            &mut store
        ),
        "reference"
    );
    assert_eq!(
        field(
            claim("visitors", "2024", "tripled", Some("soon")),
            &mut store
        ),
        "reference"
    );
    assert_eq!(
        field(claim("visitors", "2024", "a fifth of", None), &mut store),
        "product"
    );
    assert_eq!(
        field(claim("visits", "2024", "tripled", None), &mut store),
        "indicator"
    );
    assert_eq!(
        field(claim("visitors", "2024-13", "tripled", None), &mut store),
        "period"
    );
    let mut bad = claim("visitors", "2024", "tripled", None);
    bad.destination = "AZE".into();
    assert_eq!(field(bad, &mut store), "destination");
    assert!(store.claims_of(&PairFilter::any()).unwrap().is_empty());
}

#[test]
fn the_same_words_about_the_same_figure_with_another_number_are_a_duplicate() {
    let mut store = synthetic();
    let mut c = claim("visitors", "2024", "ratio", None);
    c.value = Some(3.0);
    assert!(store.add_claim(&c).unwrap());
    assert!(!store.add_claim(&c).unwrap());
    c.value = Some(4.0);
    assert!(matches!(
        store.add_claim(&c),
        Err(Error::Duplicate { what: "claim", .. })
    ));
}

#[test]
fn an_undirected_claim_is_found_with_the_pair_in_either_order() {
    let mut store = synthetic();
    let mut c = NewClaim::new("doubled", "trade", "KAZ", "AZE", "2024", "doubled");
    c.reference = None;
    store.add_claim(&c).unwrap();
    let stored = store.claims_of(&PairFilter::between("KAZ", "AZE")).unwrap();
    assert_eq!(
        (stored[0].origin.as_str(), stored[0].destination.as_str()),
        ("AZE", "KAZ")
    );
    assert_eq!(
        store.claims_of(&PairFilter::between("AZE", "KAZ")).unwrap(),
        stored
    );
    assert!(store
        .claims_of(&PairFilter::between("AZE", "GEO"))
        .unwrap()
        .is_empty());
    // one country finds every claim it is in, on either side
    assert_eq!(
        store.claims_of(&PairFilter::involving("KAZ")).unwrap(),
        stored
    );
    // `b` alone reads as `a` alone: either field is a country of the pair
    let geo_as_b = PairFilter {
        a: None,
        b: Some("GEO".to_owned()),
    };
    assert!(store.claims_of(&geo_as_b).unwrap().is_empty());
}

#[test]
fn a_dataset_with_a_bad_claim_loads_nothing() {
    let mut store = synthetic();
    let dataset = Dataset {
        name: "t".into(),
        title: "t".into(),
        observations: vec![NewObservation::new("visitors", "AZE", "KAZ", "2024", 5.0)],
        claims: vec![
            claim("visitors", "2024", "doubled", None),
            claim("visitors", "2024", "flourished", None),
        ],
        ..Dataset::default()
    };
    let err = store.load(&dataset).unwrap_err();
    let v = err.validation().unwrap();
    assert_eq!((v.field.as_str(), v.record), ("relation", Some(1)));
    assert_eq!(store.observation_count().unwrap(), 0);
    assert!(store.claims_of(&PairFilter::any()).unwrap().is_empty());
}

// ----- the article's claims -----------------------------------------------------------------

#[test]
fn the_article_claims_are_in_the_built_in_dataset_with_quotes() {
    let store = Store::demo().unwrap();
    let claims = store.claims_of(&PairFilter::any()).unwrap();
    assert_eq!(claims.len(), 13);
    assert!(claims
        .iter()
        .all(|c| c.quote.as_deref().is_some_and(|q| !q.is_empty())));
}

#[test]
fn more_than_tripling_implies_january_to_august_2024_trade_between_136_9_and_182_53_million() {
    let c = check_of(
        &Store::demo().unwrap(),
        "more than tripling",
        "2025-01/2025-08",
    );
    assert_eq!(c.verdict, Verdict::Unverifiable);
    let implied = c.implied.unwrap();
    assert_eq!(implied.period.to_string(), "2024-01/2024-08");
    // over 3 allows [3, 4]: 547.6M / 4 = 136.9M, 547.6M / 3 = 182,533,333.3…
    close(implied.low, 136_900_000.0);
    close(implied.high, 547_600_000.0 / 3.0);
    // shown rounded outwards: the upper end up to $182.6 million; the lower end rests
    // on the cap of 4 that "more than tripling" does not state, and says so
    assert!(
        c.explanation.contains(
            "between $136.9 million and $182.6 million (implied, not published; the lower \
             end assumes less than quadrupling, which the claim does not say)"
        ),
        "{}",
        c.explanation
    );
}

#[test]
fn a_2_percent_increase_implies_about_2_549_million_tonnes_in_january_to_july_2024() {
    let c = check_of(&Store::demo().unwrap(), "a 2% increase", "2025-01/2025-07");
    assert_eq!(c.verdict, Verdict::Unverifiable);
    // exactly 2 % on 2.6 million t: 2,600,000 / 1.02 = 2,549,019.6…
    let implied = c.implied.unwrap();
    close(implied.low, 2_600_000.0 / 1.02);
    close(implied.high, 2_600_000.0 / 1.02);
    assert!(
        c.explanation.contains("about 2.549 million t"),
        "{}",
        c.explanation
    );
}

#[test]
fn nearly_doubling_implies_january_to_july_2024_containers_between_20_100_and_22_334_teu() {
    let c = check_of(
        &Store::demo().unwrap(),
        "nearly doubling to 40,200 TEUs",
        "2025-01/2025-07",
    );
    assert_eq!(c.verdict, Verdict::Unverifiable);
    // nearly doubling allows [1.8, 2]: 40,200 / 2 = 20,100 and 40,200 / 1.8 = 22,333.3…
    let implied = c.implied.unwrap();
    close(implied.low, 20_100.0);
    close(implied.high, 40_200.0 / 1.8);
    // the upper end rounded up at four significant digits, and no assumption to name:
    // "nearly" states both ends
    assert!(
        c.explanation
            .contains("between 20,100 TEU and 22,334 TEU (implied, not published)."),
        "{}",
        c.explanation
    );
}

#[test]
fn sixfold_cargo_growth_from_2020_to_2024_is_supported() {
    let c = check_of(&Store::demo().unwrap(), "surged sixfold", "2024");
    // 4.5 / 0.8 = 5.625, inside the [5.5, 6.5] that about 6 allows
    assert_eq!(c.verdict, Verdict::Supported);
    close(c.computed, 5.625);
}

#[test]
fn trade_in_2024_slightly_below_the_2023_record_is_supported() {
    let store = Store::demo().unwrap();
    let below = check_of(&store, "slightly below the 2023 record", "2024");
    assert_eq!(below.verdict, Verdict::Supported);
    // 533.4 / 556.7 − 1 = −4.185… %
    close(below.computed, (533.4 / 556.7 - 1.0) * 100.0);
    let record = check_of(&store, "the 2023 record", "2023");
    assert_eq!(record.verdict, Verdict::Supported);
}

#[test]
fn oil_increasing_steadily_is_plausible_at_each_step() {
    let store = Store::demo().unwrap();
    // over 1 Mt is [1, 2] Mt: 1.4 / [1, 2] − 1 = [−30 %, +40 %]
    let first = check_of(&store, "increasing steadily", "2024");
    assert_eq!(first.verdict, Verdict::Plausible);
    close(first.computed_low, -30.0);
    close(first.computed_high, 40.0);
    // around 0.9 Mt in eight months is [0.85, 0.95] Mt, a pace of [1.275, 1.425] Mt a
    // year against 1.4 Mt: [−8.93 %, +1.79 %], centred on 1.35 / 1.4 − 1 = −3.57 %
    let second = check_of(&store, "increasing steadily", "2025-01/2025-08");
    assert_eq!(second.verdict, Verdict::Plausible);
    close(second.computed, (1.35 / 1.4 - 1.0) * 100.0);
    close(second.computed_low, (1.275 / 1.4 - 1.0) * 100.0);
    close(second.computed_high, (1.425 / 1.4 - 1.0) * 100.0);
    assert!(
        second
            .explanation
            .contains("a pace of about 1.35 million t a year"),
        "{}",
        second.explanation
    );
}

#[test]
fn tourists_up_from_2022_are_supported_both_ways() {
    let store = Store::demo().unwrap();
    let from_azerbaijan = check_of(&store, "up from around 59,000", "2024");
    assert_eq!(from_azerbaijan.verdict, Verdict::Supported);
    // [102,000, 103,000] / [58,500, 59,500] − 1 = [71.43 %, 76.07 %]
    close(
        from_azerbaijan.computed_low,
        (102_000.0 / 59_500.0 - 1.0) * 100.0,
    );
    let from_kazakhstan = check_of(&store, "increased from 24,000 to 71,500", "2024");
    assert_eq!(from_kazakhstan.verdict, Verdict::Supported);
    // 71,500 / 24,000 − 1 = 197.9 %
    close(
        from_kazakhstan.computed,
        (71_500.0 / 24_000.0 - 1.0) * 100.0,
    );
}

#[test]
fn implied_gives_estimate_rows_that_name_the_claim() {
    let store = Store::demo().unwrap();
    let rows = store
        .implied("trade_turnover", "KAZ", "AZE", "2024-01/2024-08")
        .unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.status, Status::Estimate);
    // 547.6M / 3 = 182,533,333.3… rounded up to four digits, with the qualifier under;
    // the lower end 547.6M / 4 = 136.9M
    assert_eq!(
        (row.value, row.qualifier, row.low, row.high),
        (
            182_600_000.0,
            Qualifier::Under,
            136_900_000.0,
            182_600_000.0
        )
    );
    assert!(row
        .note
        .as_deref()
        .unwrap()
        .contains("“more than tripling”"));
    // and they are not stored
    assert!(store
        .observations(&bilateral::ObservationFilter::indicator("trade_turnover"))
        .unwrap()
        .iter()
        .all(|o| o.period.to_string() != "2024-01/2024-08"));
}

#[test]
fn implied_between_a_country_and_itself_is_refused_on_destination() {
    let store = Store::demo().unwrap();
    let err = store
        .implied("trade_turnover", "KAZ", "Kazakhstan", "2024")
        .unwrap_err();
    assert_eq!(err.kind(), bilateral::ErrorKind::SameCountry, "{err}");
    assert_eq!(err.validation().unwrap().field, "destination");
}

/// The demo (13 claims, all between Azerbaijan and Kazakhstan) and one more claim
/// between Georgia and Azerbaijan.
fn demo_with_a_claim_between_georgia_and_azerbaijan() -> Store {
    let mut store = Store::demo().unwrap();
    let mut c = NewClaim::new("doubled", "trade_turnover", "GEO", "AZE", "2024", "doubled");
    c.reference = Some("2023".to_owned());
    store.add_claim(&c).unwrap();
    store
}

#[test]
#[allow(deprecated)] // the positional form of claims, kept for a release
fn the_deprecated_positional_claims_still_gives_what_claims_of_gives() {
    let store = demo_with_a_claim_between_georgia_and_azerbaijan();
    // Azerbaijan is in all 13 + 1 claims, Kazakhstan in the demo's 13, Georgia in 1.
    for (a, b, pair, count) in [
        (None, None, PairFilter::any(), 14),
        (Some("AZE"), None, PairFilter::involving("AZE"), 14),
        (None, Some("GEO"), PairFilter::involving("GEO"), 1),
        (
            Some("KAZ"),
            Some("AZE"),
            PairFilter::between("AZE", "KAZ"),
            13,
        ),
    ] {
        let old = store.claims(a, b).unwrap();
        assert_eq!(old.len(), count, "{a:?} {b:?}");
        assert_eq!(old, store.claims_of(&pair).unwrap(), "{a:?} {b:?}");
    }
}

#[test]
#[allow(deprecated)] // the positional form of check_claims, kept for a release
fn the_deprecated_positional_check_claims_still_gives_what_claim_checks_of_gives() {
    let store = demo_with_a_claim_between_georgia_and_azerbaijan();
    for (a, b, pair, count) in [
        (None, None, PairFilter::any(), 14),
        (None, Some("GEO"), PairFilter::involving("GEO"), 1),
        (
            Some("KAZ"),
            Some("AZE"),
            PairFilter::between("AZE", "KAZ"),
            13,
        ),
    ] {
        let old = store.check_claims(a, b).unwrap();
        assert_eq!(old.len(), count, "{a:?} {b:?}");
        assert_eq!(old, store.claim_checks_of(&pair).unwrap(), "{a:?} {b:?}");
    }
}

// ----- consistency findings from claims ----------------------------------------------------

#[test]
fn an_implied_figure_that_leaves_an_implausible_rest_of_the_year_is_a_warning() {
    use bilateral::analysis::consistency::{Check, Severity};
    let findings = Store::demo()
        .unwrap()
        .findings_of(&PairFilter::between("AZE", "KAZ"))
        .unwrap();
    let found: Vec<_> = findings
        .iter()
        .filter(|f| f.check == Check::ImpliedRestOfYear)
        .collect();
    assert_eq!(found.len(), 1, "{findings:#?}");
    let f = found[0];
    assert_eq!(
        (f.severity, f.indicator.as_str()),
        (Severity::Warning, "trade_turnover")
    );
    assert_eq!(f.periods_text(), "2024, 2024-01/2024-08");
    // January–August 2024 at most 547.6 / 3 = 182.533… million, 22.81… million a month
    // (a derived pace, three digits rounded up: $22.9 million); September–December at
    // least 533.4 − 182.533… = 350.866… million (derived, three digits rounded down:
    // $350 million), 87.71… million a month (down: $87.7 million); 87.716… / 22.816… =
    // 3.844…, shown down as 3.8.
    for words in [
        "at most $182.6 million ($22.9 million a month)",
        "at least $350 million ($87.7 million a month)",
        "over 3.8 times as fast",
    ] {
        assert!(
            f.explanation.contains(words),
            "{words:?} not in {}",
            f.explanation
        );
    }
}

#[test]
fn an_implied_figure_in_line_with_its_year_gives_no_warning() {
    use bilateral::analysis::consistency::Check;
    let mut store = synthetic();
    add(&mut store, "visitors", "2024", 1_200.0, "exact");
    add(&mut store, "visitors", "2025-H1", 1_200.0, "exact");
    // "doubled" (about 2, [1.5, 2.5]) puts H1 2024 at [480, 800], 80 to 133 a month;
    // the rest of 2024 is then [400, 720], 67 to 120 a month: no pace doubles or halves
    let c = claim("visitors", "2025-H1", "doubled", None);
    store.add_claim(&c).unwrap();
    let findings = store.findings_of(&PairFilter::any()).unwrap();
    assert!(
        findings.iter().all(|f| f.check != Check::ImpliedRestOfYear),
        "{findings:#?}"
    );
    // "sixfold" puts it at [1,200 / 6.5, 1,200 / 5.5] = [184.6, 218.2]: the rest of the
    // year would run at least (1,200 − 218.2) / 6 = 163.6 a month against at most
    // 218.2 / 6 = 36.4 before
    store
        .add_claim(&claim("visitors", "2025-H1", "sixfold", None))
        .unwrap();
    let findings = store.findings_of(&PairFilter::any()).unwrap();
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.check == Check::ImpliedRestOfYear)
            .count(),
        1
    );
}
