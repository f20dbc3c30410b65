//! The bilateral report (`Store::report`) and its renderings, against figures worked out
//! by hand: first the built-in Azerbaijan–Kazakhstan dataset (`Store::demo()`), then a
//! small synthetic Georgia–Armenia pair on a fresh store, then thin data.
//! The renderings are tested in `render.rs`.
//!
//! Every expected number is written with the arithmetic that gives it, from the figures
//! of the dataset or of the test. Bounds of stored figures follow the qualifier rule
//! (u is the unit of the last significant digit): exact [v, v], approx [v − u/2, v + u/2],
//! over [v, v + u], nearly and under [v − u, v].

mod findings;
mod many_products;

use bilateral::report::{Cell, Note, Report, ReportOptions, Section, Sentence};
use bilateral::words::describe_observation;
use bilateral::{
    Error, Indicator, Kind, NewEvent, NewObservation, ObservationFilter, Store, Topic,
};
use serde_json::Value;

use crate::common::*;

// ----- helpers ----------------------------------------------------------------------------------

fn section_ids(report: &Report) -> Vec<&str> {
    report.sections.iter().map(|s| s.id.as_str()).collect()
}

#[track_caller]
fn section<'r>(report: &'r Report, id: &str) -> &'r Section {
    report
        .sections
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no section {id:?} in {:?}", section_ids(report)))
}

/// The one sentence of section `id` that contains `fragment`.
#[track_caller]
fn sentence<'r>(report: &'r Report, id: &str, fragment: &str) -> &'r Sentence {
    let sentences = &section(report, id).sentences;
    let found: Vec<&Sentence> = sentences
        .iter()
        .filter(|s| s.text.contains(fragment))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "sentences of {id:?} containing {fragment:?}: {sentences:#?}"
    );
    found[0]
}

#[track_caller]
fn note(report: &Report, number: usize) -> &Note {
    report
        .notes
        .iter()
        .find(|n| n.number == number)
        .unwrap_or_else(|| panic!("no note {number} among {} notes", report.notes.len()))
}

/// What a sentence cites: the indicator, period and status of each of its notes.
fn cited(report: &Report, sentence: &Sentence) -> Vec<(String, String, String)> {
    sentence
        .notes
        .iter()
        .map(|&n| {
            let note = note(report, n);
            (
                note.indicator.clone(),
                note.period.to_string(),
                note.status.to_string(),
            )
        })
        .collect()
}

fn cite(indicator: &str, period: &str, status: &str) -> (String, String, String) {
    (indicator.to_owned(), period.to_owned(), status.to_owned())
}

/// Every sentence of the report: headline first, then the sections'.
fn all_sentences(report: &Report) -> Vec<&Sentence> {
    report
        .headline
        .iter()
        .chain(report.sections.iter().flat_map(|s| s.sentences.iter()))
        .collect()
}

// ----- 1. the built-in report -------------------------------------------------------------------

#[test]
fn demo_report_has_the_five_topic_sections_in_order_then_the_claims() {
    let report = demo_report();
    assert_eq!(report.title, "Azerbaijan and Kazakhstan");
    assert_eq!(report.a.alpha3, "AZE");
    assert_eq!(report.b.alpha3, "KAZ");
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Trade",
            "Investment and business presence",
            "Transport and energy",
            "Tourism and people",
            "Cooperation and timeline",
            "What the figures say about the claims",
        ]
    );
    assert_eq!(
        section_ids(&report),
        [
            "trade",
            "investment",
            "transport",
            "people",
            "cooperation",
            "claims"
        ]
    );
}

#[test]
fn demo_report_accepts_names_alpha2_and_any_case_for_the_countries() -> bilateral::Result<()> {
    let store = Store::demo()?;
    let reference = store.report("AZE", "KAZ")?;
    for (a, b) in [
        ("Azerbaijan", "Kazakhstan"),
        ("AZE", "KZ"),
        ("Azerbaijan", "kaz"),
        ("az", "Kazakhstan"),
    ] {
        assert_eq!(store.report(a, b)?, reference, "report({a:?}, {b:?})");
    }
    Ok(())
}

#[test]
fn demo_markdown_contains_every_figure_of_the_article() {
    let md = demo_report().to_markdown();
    for figure in [
        "$547.6 million",
        "$533.4 million",
        "$556.7 million",
        "$121.5 million",
        "$38.2 million",
        "570,400 t",
        "around 1,500",
        "nearly 150",
        "$424.6 million",
        "$3.8 million",
        "$156 million",
        "$32.6 million",
        "2.6 million t",
        "40,200 TEU",
        "800,000 t",
        "4.5 million t",
        "5.2 million t",
        "70,000 TEU",
        "over 1 million t",
        "1.4 million t",
        "around 900,000 t",
        "7 million t",
        "380 km",
        "over 400 Tbps",
        "over 22 billion KZT",
        "over 102,000",
        "around 59,000",
        "24,000",
        "71,500",
        "over 20",
        "over 170",
        // the dates of the visit and the call, in the timeline table's words
        "17 May 2025",
        "10 Aug 2025",
    ] {
        assert!(md.contains(figure), "the Markdown lacks {figure:?}");
    }
}

#[test]
fn demo_trade_turnover_of_2024_is_down_4_2_percent_on_2023() {
    let report = demo_report();
    // 533.4 / 556.7 − 1 = −0.041854 → down 4.2 %. The latest figure is January–August
    // 2025, so the section's prose leaves 2024 against 2023 to the growth table.
    assert_eq!(
        growth_change(&report, "trade", "Trade turnover", "2024"),
        "down 4.2 %"
    );
    assert!(!all_sentences(&report)
        .iter()
        .any(|s| s.text.starts_with("In 2024 it was")));
}

/// The change the growth table of section `id` gives for `series` in `period`.
#[track_caller]
fn growth_change(report: &Report, id: &str, series: &str, period: &str) -> String {
    let growth = section(report, id)
        .tables
        .iter()
        .find(|t| t.title.starts_with("Growth"))
        .expect("a growth table");
    let column = |name: &str| growth.columns.iter().position(|c| c.name == name).unwrap();
    let row = growth
        .rows
        .iter()
        .find(|r| {
            r[column("series")] == Cell::Text(series.to_owned())
                && r[column("period")] == Cell::Text(period.to_owned())
        })
        .unwrap_or_else(|| panic!("no growth row for {series} in {period}"));
    match &row[column("change")] {
        Cell::Text(text) => text.clone(),
        other => panic!("a change of {other:?}"),
    }
}

#[test]
fn demo_corridor_cargo_grew_5_6_times_from_2020_to_2024_at_54_percent_a_year() {
    let report = demo_report();
    // 4.5 / 0.8 = 5.625; 5.625^(1/4) = 1.5400 → 54.0 % a year. 800,000 t has one
    // significant digit and 4.5 million t two: the floor of two digits, so 5.6 and 54 %.
    // The two figures in one scale, as the article wrote them ("0.8 million tons").
    let s = sentence(&report, "transport", "From 2020 to 2024");
    assert_eq!(
        s.text,
        "From 2020 to 2024 it went from 0.8 million t to 4.5 million t, 5.6 times as much (54 % a year)."
    );
    assert_eq!(
        cited(&report, s),
        [
            cite("corridor_cargo", "2020", "actual"),
            cite("corridor_cargo", "2024", "actual")
        ]
    );
}

#[test]
fn demo_corridor_cargo_is_half_its_2025_target_after_7_months_of_the_year() {
    let report = demo_report();
    let s = sentence(&report, "transport", "the 2025 target is 5.2 million t");
    // 2.6 / 5.2 = 0.5 → 50 %; January–July is 7 months
    assert!(
        s.text.contains(
            "the 2.6 million t of January–July 2025 is 50 % of it after 7 months of the year"
        ),
        "{}",
        s.text
    );
    // Both inputs have two significant digits (2.6 and 5.2 million): run rate
    // 2.6 million × 12/7 = 4.4571 million → 4.5 million t; 4.4571 / 5.2 = 0.85714 → 86 %
    assert!(
        s.text.contains(
            "At that pace, assuming an even spread over the year, the year would reach \
             4.5 million t (86 % of the target)"
        ),
        "{}",
        s.text
    );
    // (5.2 − 2.6) million / 5 months = 520,000 t; 2.6 million / 7 = 371,428.6 → 370,000 t
    assert!(
        s.text.contains(
            "the remaining months need 520,000 t a month, against 370,000 t a month so far"
        ),
        "{}",
        s.text
    );
    assert_eq!(
        cited(&report, s),
        [
            cite("corridor_cargo", "2025", "target"),
            cite("corridor_cargo", "2025-01/2025-07", "actual")
        ]
    );
}

#[test]
fn demo_oil_transit_needs_71_percent_a_year_to_reach_7_million_t_in_2027() {
    let report = demo_report();
    // (7 / 1.4)^(1/3) = 5^(1/3) = 1.70998 → 71.0 % a year over 2024 → 2027; 7 million
    // has one significant digit and 1.4 million two, so two digits: 71 %
    let s = sentence(
        &report,
        "transport",
        "a projection puts it at 7 million t in 2027",
    );
    assert!(
        s.text
            .contains("which needs 71 % a year from 1.4 million t in 2024"),
        "{}",
        s.text
    );
    assert!(
        s.text.starts_with(
            "Oil from Kazakhstan shipped through Azerbaijan to Türkiye via the \
             Baku–Tbilisi–Ceyhan pipeline: a projection"
        ),
        "{}",
        s.text
    );
    let cites = cited(&report, s);
    assert_eq!(cites.len(), 2);
    assert_eq!(cites[0], cite("oil_transit", "2027", "projection"));
    assert_eq!(cites[1], cite("oil_transit", "2024", "actual"));
}

#[test]
fn demo_wheat_made_up_22_19_percent_of_trade_turnover() {
    let report = demo_report();
    // 121.5 / 547.6 = 0.221877 → 22.2 % (four digits in each input, three in prose)
    let s = sentence(&report, "trade", "Wheat made up");
    assert_eq!(
        s.text,
        "Wheat made up 22.2 % of trade turnover in January–August 2025."
    );
    assert_eq!(
        cited(&report, s),
        [
            cite("exports", "2025-01/2025-08", "actual"),
            cite("trade_turnover", "2025-01/2025-08", "actual")
        ]
    );
    // 38.2 / 547.6 = 0.069759 → 6.98 %
    let oil = sentence(&report, "trade", "Oil products made up");
    assert!(
        oil.text.contains("6.98 % of trade turnover"),
        "{}",
        oil.text
    );
}

#[test]
fn demo_azerbaijani_tourists_were_about_10_per_1000_residents_of_azerbaijan() {
    let report = demo_report();
    // "over 102,000" is [102,000, 103,000]: three significant digits (the population
    // has eight), so three digits: 102,000 / 10,202,830 (Azerbaijan, 2024) × 1,000 =
    // 9.99720 → 10.0, written 10; the bounds 9.99720 down to 9.99 and
    // 103,000 / 10,202,830 × 1,000 = 10.09524 up to 10.1. The sentence keeps "over";
    // the population, eight digits in the World Bank's table, reads as 10.2 million.
    let s = sentence(&report, "people", "residents of Azerbaijan");
    assert_eq!(
        s.text,
        "In 2024, over 102,000 is about 10 [9.99 – 10.1] per 1,000 residents of Azerbaijan \
         (2024 population 10.2 million)."
    );
    assert_eq!(cited(&report, s), [cite("tourists", "2024", "actual")]);
    // 71,500 (three digits) / 20,592,571 (Kazakhstan, 2024) × 1,000 = 3.4721 → 3.47
    let k = sentence(&report, "people", "residents of Kazakhstan");
    assert!(
        k.text.starts_with("In 2024, 71,500 is 3.47 per 1,000"),
        "{}",
        k.text
    );
}

#[test]
fn demo_azerbaijani_tourists_were_at_least_1_42_times_kazakh_tourists_in_2024() {
    let report = demo_report();
    // "over 102,000" is [102,000, 103,000] against an exact 71,500, both three
    // significant digits, so the ratio's value is its lowest: 102,000 / 71,500 =
    // 1.426573 → at least 1.42 (rounded down to three digits, not to the nearest 1.43),
    // and 103,000 / 71,500 = 1.440559 → at most 1.45 (rounded up).
    // The net is likewise at its low end: 102,000 − 71,500 = 30,500, at most
    // 103,000 − 71,500 = 31,500.
    // Tourists are counted one by one: "as many", not "as much".
    // The ratio moved since 2022: "around 59,000" is [58,500, 59,500] against 24,000,
    // two digits each: 59,000 / 24,000 = 2.458 → 2.5, 58,500 / 24,000 = 2.4375 down to
    // 2.4, 59,500 / 24,000 = 2.479 up to 2.5.
    let s = sentence(&report, "people", "In 2024, tourist visits");
    assert_eq!(
        s.text,
        "In 2024, tourist visits from Azerbaijan to Kazakhstan (over 102,000) were at least \
         1.42 times as many (at most 1.45) as tourist visits from Kazakhstan to Azerbaijan \
         (71,500), at least 30,500 more (at most 31,500); down from 2.5 [2.4, 2.5] times in \
         2022."
    );
    let cites = cited(&report, s);
    assert_eq!(
        cites,
        [
            cite("tourists", "2024", "actual"),
            cite("tourists", "2024", "actual"),
            cite("tourists", "2022", "actual"),
            cite("tourists", "2022", "actual")
        ]
    );
    assert_eq!(
        note(&report, s.notes[0]).figure,
        "over 102,000 [102,000 – 103,000]"
    );
    assert_eq!(note(&report, s.notes[1]).figure, "71,500");
}

#[test]
fn demo_notes_are_numbered_from_one_without_gaps() {
    let report = demo_report();
    let numbers: Vec<usize> = report.notes.iter().map(|n| n.number).collect();
    let expected: Vec<usize> = (1..=report.notes.len()).collect();
    assert_eq!(numbers, expected);
}

#[test]
fn demo_every_cited_note_exists_and_carries_the_source_and_quote_of_its_figure(
) -> bilateral::Result<()> {
    let store = Store::demo()?;
    let report = store.report("AZE", "KAZ")?;
    for s in all_sentences(&report) {
        for &n in &s.notes {
            assert!(
                report.notes.iter().any(|note| note.number == n),
                "{:?} cites note {n}, which does not exist",
                s.text
            );
        }
    }
    let stored = store.observations(&ObservationFilter::default())?;
    for n in &report.notes {
        assert!(n.source.is_some(), "note {} has no source", n.number);
        assert!(n.quote.is_some(), "note {} has no quote", n.number);
        let matching: Vec<_> = stored
            .iter()
            .filter(|o| {
                o.indicator == n.indicator
                    && o.period == n.period
                    && o.status == n.status
                    && o.source == n.source
                    && describe_observation(o) == n.figure
            })
            .collect();
        assert_eq!(matching.len(), 1, "the figure of note {}: {n:?}", n.number);
        assert_eq!(matching[0].quote, n.quote, "quote of note {}", n.number);
        assert_eq!(matching[0].note, n.note, "note of note {}", n.number);
    }
    Ok(())
}

#[test]
fn demo_sources_are_exactly_the_sources_cited() {
    let report = demo_report();
    let ids: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
    // the World Bank's population is behind "per 1,000 residents"
    assert_eq!(
        ids,
        [
            "azizov",
            "caspian-post",
            "customs-az",
            "kazakhtourism",
            "worldbank-population"
        ]
    );
    let md = report.to_markdown();
    for id in ids {
        assert!(
            md.contains(&format!("- **{id}**: ")),
            "{id} in the Markdown sources"
        );
    }
}

// ----- 2. a synthetic pair ----------------------------------------------------------------------

#[test]
fn synthetic_json_has_the_stable_field_names_in_order() {
    let json: Value = serde_json::from_str(&synthetic_report().to_json()).expect("JSON");
    let keys: Vec<&str> = json
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "title",
            "a",
            "b",
            "headline",
            "findings",
            "sections",
            "notes",
            "sources",
            "how_to_read"
        ]
    );
    for section in json["sections"].as_array().expect("sections") {
        let keys: Vec<&str> = section
            .as_object()
            .expect("a section")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["id", "title", "sentences", "tables", "charts"]);
    }
    assert_eq!(json["title"], "Georgia and Armenia");
    assert_eq!(json["a"]["alpha3"], "GEO");
    assert_eq!(json["b"]["alpha3"], "ARM");
}

#[test]
fn synthetic_report_has_sections_only_for_the_topics_present() {
    let json: Value = serde_json::from_str(&synthetic_report().to_json()).expect("JSON");
    let ids: Vec<&str> = json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| s["id"].as_str().expect("an id"))
        .collect();
    // no investment figures, no figures of topic "other"; the events make the
    // cooperation section
    assert_eq!(ids, ["trade", "transport", "people", "cooperation"]);
    let sources: Vec<&str> = json["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["id"].as_str().expect("an id"))
        .collect();
    // visitors per 1,000 residents use the World Bank's population
    assert_eq!(sources, ["geostat", "worldbank-population"]);
}

#[test]
fn synthetic_summary_has_a_line_for_each_lead_topic_and_direction() {
    let json: Value = serde_json::from_str(&synthetic_report().to_json()).expect("JSON");
    let headline: Vec<&str> = json["headline"]
        .as_array()
        .expect("headline")
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect();
    assert_eq!(
        headline,
        [
            // 150 / 120 − 1 = 0.25, two significant digits
            "Trade turnover: $150 million in 2024, up 25 % on 2023.",
            // a part of a year is never compared with a whole year, only said as the share
            // of the year before it has reached: 0.9 / 1.6 = 0.5625, two digits → 56 %
            "Rail cargo: 0.9 million t in the first half of 2025, already 56 % of the whole of \
             2024 (1.6 million t).",
            "Visitors from Georgia to Armenia: 30,000 in 2024.",
            "Visitors from Armenia to Georgia: around 12,000 in 2024.",
        ]
    );
}

#[test]
fn demo_summary_leads_with_trade_investment_corridor_and_people_each_way() {
    let report = demo_report();
    let lines: Vec<&str> = report.headline.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        lines,
        [
            // 547.6 / 533.4 = 1.0266 → 103 % (three digits)
            "Trade turnover: $547.6 million in January–August 2025, already 103 % of the whole \
             of 2024 ($533.4 million).",
            // the largest flow from Kazakhstan: wheat's $121.5 million before oil products'
            // $38.2 million (and before the tonnes of wheat: money first)
            "Exports of wheat from Kazakhstan to Azerbaijan: $121.5 million in January–August \
             2025.",
            // investment each way: the largest sums in money, the cumulative ones, in the
            // words of the indicator's phrase
            "Cumulative investment from Azerbaijan in Kazakhstan: $424.6 million by March 2025, \
             counting from January 2005.",
            "Cumulative investment from Kazakhstan in Azerbaijan: $156 million by March 2025, \
             counting from January 2005.",
            // the corridor: tonnes before TEU; the cable's planned cost is not measured
            // 2.6 / 4.5 = 0.5778, two digits → 58 %
            "Trans-Caspian corridor cargo: 2.6 million t in January–July 2025, already 58 % of \
             the whole of 2024 (4.5 million t).",
            // "around 900,000" is [850,000, 950,000]: 0.9 / 1.4 = 0.6429 → 64 %, bounds
            // 0.85 / 1.4 = 0.6071 down to 60 % and 0.95 / 1.4 = 0.6786 up to 68 %; the two
            // figures in one scale
            "Oil from Kazakhstan shipped through Azerbaijan to Türkiye via the \
             Baku–Tbilisi–Ceyhan pipeline: around 0.9 million t in January–August 2025, \
             already 64 % [60 %, 68 %] of the whole of 2024 (1.4 million t).",
            // 102,000 / 59,000 = 1.7288 in [102,000 / 59,500, 103,000 / 58,500] =
            // [1.714, 1.761], two digits ("around 59,000"): 1.7 [1.7, 1.8]
            "Tourist visits from Azerbaijan to Kazakhstan: over 102,000 in 2024, 1.7 [1.7, 1.8] \
             times as many as in 2022.",
            // 71,500 / 24,000 = 2.979, two digits (24,000): 3.0, written 3
            "Tourist visits from Kazakhstan to Azerbaijan: 71,500 in 2024, 3 times as many as in \
             2022.",
        ]
    );
    // the line on the year before cites both figures, as the sentence does
    assert_eq!(
        cited(&report, &report.headline[0]),
        [
            cite("trade_turnover", "2025-01/2025-08", "actual"),
            cite("trade_turnover", "2024", "actual")
        ]
    );
}

#[test]
fn synthetic_trade_turnover_is_up_25_percent_and_1_5_times_2022() {
    let json: Value = serde_json::from_str(&synthetic_report().to_json()).expect("JSON");
    let trade = &json["sections"][0];
    assert_eq!(trade["title"], "Trade");
    let texts: Vec<&str> = trade["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect();
    assert_eq!(
        texts,
        [
            // 150 / 120 − 1 = 0.25 → up 25 % (two significant digits in each input); 2023
            // on 2022 is left to the growth table
            "Trade turnover reached $150 million in 2024, up 25 % on $120 million in 2023.",
            // 150 / 100 = 1.5; 1.5^(1/2) = 1.22474 → 22 % a year (two digits)
            "From 2022 to 2024 it went from $100 million to $150 million, 1.5 times as much (22 % a year).",
        ]
    );
    // the figures table: 3 rows of 15 cells (the period in words, then its code), values
    // in USD; no footnote, since the three are within the latest ten periods
    let figures = &trade["tables"][0];
    assert_eq!(figures["title"], "Figures");
    assert!(figures.get("footnote").is_none());
    let rows = figures["rows"].as_array().expect("rows");
    let values: Vec<f64> = rows.iter().map(|r| r[8].as_f64().expect("value")).collect();
    assert_eq!(values, [100e6, 120e6, 150e6]);
    let shown: Vec<&str> = rows
        .iter()
        .map(|r| r[7].as_str().expect("figure"))
        .collect();
    // one unit: the header says it with one scale, the cells are bare numbers
    assert_eq!(shown, ["100", "120", "150"]);
    assert_eq!(figures["columns"][7]["unit"], "million USD");
    assert_eq!(figures["columns"][7]["numeric"], true);
    // the growth table: 2023 on 2022 (+20 %), 2024 on 2023 (+25 %)
    let growth = &trade["tables"][1];
    let pcts: Vec<f64> = growth["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r[6].as_f64().expect("pct"))
        .collect();
    assert_eq!(pcts.len(), 2);
    assert!(
        (pcts[0] - 20.0).abs() < 1e-9 && (pcts[1] - 25.0).abs() < 1e-9,
        "{pcts:?}"
    );
    // one chart: the three calendar years as a line
    let charts = trade["charts"].as_array().expect("charts");
    assert_eq!(charts.len(), 1);
    assert_eq!(charts[0]["kind"], "series");
    let points: Vec<f64> = charts[0]["series"][0]["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| p["value"].as_f64().expect("value"))
        .collect();
    assert_eq!(points, [100e6, 120e6, 150e6]);
}

#[test]
fn synthetic_rail_cargo_is_45_percent_of_its_target_after_half_the_year() {
    let report = synthetic_report();
    let s = sentence(&report, "transport", "Rail cargo was");
    // half a year is not compared with a whole one: 0.9 / 1.6 = 0.5625 → 56 % of it; not
    // yet the year's level, so it "was", not "reached"; both figures in millions
    assert_eq!(
        s.text,
        "Rail cargo was 0.9 million t in the first half of 2025, already 56 % of the whole of \
         2024 (1.6 million t)."
    );
    let t = sentence(&report, "transport", "the 2025 target is");
    // 900,000 t and 2 million t have one significant digit each: two digits at most.
    // 0.9 / 2.0 = 0.45 → 45 %; 6 months; run rate 0.9 × 12/6 = 1.8 million t, 90 %;
    // (2.0 − 0.9) million / 6 = 183,333.3 → 180,000 t; 900,000 / 6 = 150,000 t
    assert_eq!(
        t.text,
        "Rail cargo: the 2025 target is 2 million t; the 900,000 t of the first half of 2025 \
         is 45 % of it after 6 months of the year. At that pace, assuming an even spread over \
         the year, the year would reach 1.8 million t (90 % of the target); the remaining \
         months need 180,000 t a month, against 150,000 t a month so far."
    );
    // 2.0 / 1.6 = 1.25 → 25 % in one year (two digits)
    let r = sentence(&report, "transport", "Reaching the 2025 target");
    assert_eq!(
        r.text,
        "Reaching the 2025 target from 1.6 million t in 2024 needs 25 % a year."
    );
    let transport = section(&report, "transport");
    let kinds: Vec<String> = transport
        .charts
        .iter()
        .map(|c| format!("{:?}", c.kind))
        .collect();
    assert_eq!(kinds, ["Progress", "Series"]);
}

#[test]
fn synthetic_visitors_are_compared_in_both_directions_and_per_1000_residents() {
    let report = synthetic_report();
    // 30,000 (one significant digit, so the floor of two) / 3,699,557 (Georgia, 2024)
    // × 1,000 = 8.10908 → 8.1
    let g = sentence(&report, "people", "residents of Georgia");
    assert_eq!(
        g.text,
        "In 2024, 30,000 is 8.1 per 1,000 residents of Georgia (2024 population 3.70 million)."
    );
    // "around 12,000" is [11,500, 12,500], two digits: 12,000 / 3,033,500 (Armenia, 2024)
    // × 1,000 = 3.95583 → 4.0, written 4; 11,500 / 3,033,500 × 1,000 = 3.791000 → 3.7
    // (rounded down) and 12,500 / 3,033,500 × 1,000 = 4.120653 → 4.2 (rounded up)
    let a = sentence(&report, "people", "residents of Armenia");
    assert_eq!(
        a.text,
        "In 2024, around 12,000 is about 4 [3.7 – 4.2] per 1,000 residents of Armenia (2024 \
         population 3.03 million)."
    );
    // two digits: 30,000 / 12,000 = 2.5; bounds [30,000 / 12,500, 30,000 / 11,500] =
    // [2.4, 2.6087] → [2.4, 2.7]; 30,000 − 12,000 = 18,000, bounds [17,500, 18,500] →
    // [17,000, 19,000]; visitors are counted one by one: "as many"
    let d = sentence(&report, "people", "times as many as");
    assert_eq!(
        d.text,
        "In 2024, visitors from Georgia to Armenia (30,000) were 2.5 [2.4, 2.7] times as many \
         as visitors from Armenia to Georgia (around 12,000), 18,000 [17,000, 19,000] more."
    );
    assert_eq!(
        cited(&report, d),
        [
            cite("visitors", "2024", "actual"),
            cite("visitors", "2024", "actual")
        ]
    );
    assert_eq!(
        note(&report, d.notes[0]).subject,
        "Visitors from Georgia to Armenia"
    );
    assert_eq!(
        note(&report, d.notes[1]).subject,
        "Visitors from Armenia to Georgia"
    );
    assert_eq!(
        note(&report, d.notes[1]).figure,
        "around 12,000 [11,500 – 12,500]"
    );
}

#[test]
fn synthetic_timeline_says_when_its_two_events_fell() {
    let report = synthetic_report();
    // one event in 2024 and one in 2025: no year has more than the others
    let s = sentence(&report, "cooperation", "events");
    assert_eq!(s.text, "The 2 events range from 2024 to 2025.");
    let cooperation = section(&report, "cooperation");
    assert_eq!(cooperation.tables.len(), 1);
    assert_eq!(cooperation.tables[0].rows.len(), 2);
    assert_eq!(cooperation.charts.len(), 1);
    assert_eq!(cooperation.charts[0].events.len(), 2);
}

#[test]
fn synthetic_notes_carry_the_quotes_of_their_figures() {
    let report = synthetic_report();
    let s = sentence(&report, "trade", "Trade turnover reached $150 million");
    let latest = note(&report, s.notes[0]);
    assert_eq!(latest.period.to_string(), "2024");
    assert_eq!(latest.figure, "$150 million");
    assert_eq!(latest.source.as_deref(), Some("geostat"));
    assert_eq!(latest.quote.as_deref(), Some(TURNOVER_QUOTE));
    let base = note(&report, s.notes[1]);
    assert_eq!(base.quote.as_deref(), Some("turnover GEO-ARM 2023"));
}

// ----- 3. thin data -----------------------------------------------------------------------------

#[test]
fn a_pair_without_data_gives_no_sections_and_one_headline_sentence() -> bilateral::Result<()> {
    for store in [Store::in_memory()?, Store::demo()?] {
        let report = store.report("GEO", "ARM")?;
        assert!(report.sections.is_empty());
        assert!(report.notes.is_empty());
        assert!(report.sources.is_empty());
        assert_eq!(report.headline.len(), 1);
        assert_eq!(
            report.headline[0].text,
            "The store holds no figures or events for Georgia and Armenia."
        );
        assert!(report.headline[0].notes.is_empty());
        let md = report.to_markdown();
        assert!(md.starts_with("# Georgia and Armenia\n"), "{md}");
        check_tags(&report.to_html()).expect("balanced HTML");
        serde_json::from_str::<Value>(&report.to_json()).expect("JSON");
    }
    Ok(())
}

#[test]
fn a_pair_with_one_observation_gives_one_section() -> bilateral::Result<()> {
    let mut store = Store::in_memory()?;
    store.add_indicator(&Indicator::new(
        "joint_projects",
        "Joint projects",
        "count",
        Kind::Stock,
        false,
    ))?;
    store.add(&NewObservation::new(
        "joint_projects",
        "GEO",
        "ARM",
        "2024",
        12.0,
    ))?;
    let report = store.report("Georgia", "Armenia")?;
    assert_eq!(section_ids(&report), ["other"]);
    assert_eq!(report.sections[0].title, "Other indicators");
    assert_eq!(report.sections[0].sentences.len(), 1);
    assert_eq!(
        report.sections[0].sentences[0].text,
        "Joint projects numbered 12 in 2024."
    );
    assert_eq!(report.headline.len(), 1);
    assert_eq!(report.headline[0].text, "Joint projects: 12 in 2024.");
    // one figure: no chart needs two points
    assert_eq!(chart_count(&report), 0);
    assert_eq!(report.notes.len(), 1);
    assert!(report.sources.is_empty());
    check_tags(&report.to_html()).expect("balanced HTML");
    assert_md_tables_whole(&report);
    Ok(())
}

#[test]
fn an_unknown_country_is_a_validation_error_naming_a_or_b() -> bilateral::Result<()> {
    let store = Store::demo()?;
    for (a, b, field) in [
        ("Atlantis", "KAZ", "a"),
        ("AZE", "Atlantis", "b"),
        ("XX", "YY", "a"),
    ] {
        match store.report(a, b) {
            Err(Error::Validation(v)) => assert_eq!(v.field, field, "report({a:?}, {b:?})"),
            other => panic!("report({a:?}, {b:?}) is {other:?}"),
        }
    }
    Ok(())
}

#[test]
fn the_same_country_twice_is_a_validation_error() -> bilateral::Result<()> {
    let store = Store::demo()?;
    for (a, b) in [("AZE", "AZE"), ("AZE", "Azerbaijan"), ("kz", "Kazakhstan")] {
        match store.report(a, b) {
            Err(Error::Validation(v)) => assert_eq!(v.field, "b", "report({a:?}, {b:?})"),
            other => panic!("report({a:?}, {b:?}) is {other:?}"),
        }
    }
    Ok(())
}

// ----- defects ----------------------------------------------------------------------------------

/// Visitors between China and Georgia: 400 from China (population 1,408,975,000 in 2024),
/// 1,000,000 from Georgia.
fn china_georgia() -> Report {
    let mut store = Store::in_memory().expect("a store in memory");
    store
        .add_indicator(&indicator(
            "visitors",
            "Visitors",
            "persons",
            Kind::Flow,
            true,
            Topic::PEOPLE,
        ))
        .expect("indicator");
    store
        .add(&NewObservation::new(
            "visitors", "CHN", "GEO", "2024", 400.0,
        ))
        .expect("observation");
    store
        .add(&NewObservation::new(
            "visitors",
            "GEO",
            "CHN",
            "2024",
            1_000_000.0,
        ))
        .expect("observation");
    store.report("CHN", "GEO").expect("report")
}

#[test]

fn a_small_per_capita_figure_is_not_stated_as_zero() {
    let report = china_georgia();
    // 400 / 1,408,975,000 × 1,000 = 0.000284 per 1,000 residents: not zero
    let s = sentence(&report, "people", "residents of China");
    assert!(!s.text.starts_with("That is 0 per 1,000"), "{}", s.text);
}

#[test]

fn a_small_ratio_of_directions_is_not_stated_as_zero() {
    let report = china_georgia();
    // 400 / 1,000,000 = 0.0004 times as much: not zero
    let s = sentence(&report, "people", "times as many as");
    assert!(!s.text.contains(" 0 times as many"), "{}", s.text);
}

#[test]
fn a_product_is_not_stated_as_a_share_of_an_unrelated_indicator() {
    let mut store = synthetic_store();
    store
        .add_indicator(&indicator(
            "exports_volume",
            "Exports volume",
            "t",
            Kind::Flow,
            true,
            Topic::TRADE,
        ))
        .expect("indicator");
    let mut wheat = NewObservation::new("exports_volume", "GEO", "ARM", "2024", 400_000.0);
    wheat.product = Some("wheat".to_owned());
    store.add(&wheat).expect("observation");
    let report = store.report("GEO", "ARM").expect("report");
    // nothing says the wheat went by rail: 400,000 / 1,600,000 = 25 % of rail cargo is
    // a share of an unrelated whole
    for s in all_sentences(&report) {
        assert!(!s.text.contains("of rail cargo"), "{}", s.text);
    }
}

#[test]
fn a_rise_from_a_negative_figure_is_not_stated_as_a_fall() {
    let mut store = Store::in_memory().expect("a store in memory");
    let mut net = indicator(
        "net_investment",
        "Net investment",
        "USD",
        Kind::Flow,
        true,
        Topic::INVESTMENT,
    );
    net.signed = true;
    store.add_indicator(&net).expect("indicator");
    for (period, value) in [
        ("2021", -20_000_000.0),
        ("2023", -10_000_000.0),
        ("2024", 5_000_000.0),
    ] {
        store
            .add(&NewObservation::new(
                "net_investment",
                "GEO",
                "ARM",
                period,
                value,
            ))
            .expect("observation");
    }
    let report = store.report("GEO", "ARM").expect("report");
    // −$10 million in 2023 to $5 million in 2024 is a rise of $15 million, yet
    // 5 / (−10) − 1 = −1.5 is printed as "down 150.0 %"
    let s = sentence(
        &report,
        "investment",
        "Net investment from Georgia to Armenia reached",
    );
    assert!(!s.text.contains("down"), "{}", s.text);
    assert!(
        !report.headline[0].text.contains("down"),
        "{}",
        report.headline[0].text
    );
    // −$20 million to $5 million: 5 / (−20) = −0.25 is printed as "-0.25 times as much"
    let c = sentence(&report, "investment", "From 2021 to 2024");
    assert!(!c.text.contains("-0.25 times as much"), "{}", c.text);
    // The growth table says the same as the sentence: 5 − (−10) = a rise of $15 million.
    let growth = section(&report, "investment")
        .tables
        .iter()
        .find(|t| t.title.starts_with("Growth"))
        .expect("a growth table");
    let change = growth
        .columns
        .iter()
        .position(|c| c.name == "change")
        .unwrap();
    assert_eq!(
        growth.rows.last().unwrap()[change],
        Cell::Text("up $15 million".to_owned())
    );
}

#[test]
fn growth_whose_bounds_straddle_zero_is_neither_up_nor_down() {
    let report = demo_report();
    // "over 1 million t" in 2023 is [1, 2] million t: 1.4 / 2 − 1 = −30 %, 1.4 / 1 − 1 = +40 %,
    // to two significant digits (one in "over 1 million", two in 1.4 million).
    // The stated 1 million is the base's lowest, so +40 % is the change's highest: said
    // as "at most", never as a central value with brackets.
    assert_eq!(
        growth_change(
            &report,
            "transport",
            "Oil from Kazakhstan shipped through Azerbaijan to Türkiye via the Baku–Tbilisi–Ceyhan \
             pipeline",
            "2024"
        ),
        "a change of at most +40 % (at least -30 %)"
    );
}

#[test]
fn a_cumulative_stock_is_a_level_reached_by_the_end_of_its_period() {
    let report = demo_report();
    let s = sentence(
        &report,
        "investment",
        "Cumulative investment from Azerbaijan in Kazakhstan stood",
    );
    assert_eq!(
        s.text,
        "Cumulative investment from Azerbaijan in Kazakhstan stood at $424.6 million by March \
         2025, counting from January 2005."
    );
}

#[test]
fn a_negative_latest_figure_was_a_figure_and_its_rise_is_an_amount() {
    let mut store = Store::in_memory().expect("a store in memory");
    let mut net = Indicator::new("net_investment", "Net investment", "USD", Kind::Flow, true);
    net.signed = true;
    net.topic = Topic::INVESTMENT;
    store.add_indicator(&net).expect("indicator");
    for (period, value) in [("2023", 5_000_000.0), ("2024", -80_000_000.0)] {
        store
            .add(&NewObservation::new(
                "net_investment",
                "GEO",
                "ARM",
                period,
                value,
            ))
            .expect("observation");
    }
    let report = store.report("GEO", "ARM").expect("report");
    // 2024 against 2023: −80 / 5 − 1 = −17, a fall of 1,700 % of the positive base (two
    // significant digits: one in each input, the floor two)
    let s = sentence(
        &report,
        "investment",
        "Net investment from Georgia to Armenia",
    );
    assert!(
        s.text.starts_with(
            "Net investment from Georgia to Armenia was -$80 million in 2024, down 1,700 % on \
             $5 million in 2023."
        ),
        "{}",
        s.text
    );
}

// ----- topics ------------------------------------------------------------------------------------

#[test]
fn indicators_added_without_topics_land_in_trade_and_people_sections() -> bilateral::Result<()> {
    let mut store = Store::in_memory()?;
    // No topic given: Indicator::new infers it from the code and name.
    store.add_indicator(&Indicator::new(
        "trade_turnover",
        "Trade turnover",
        "USD",
        Kind::Flow,
        false,
    ))?;
    store.add_indicator(&Indicator::new(
        "tourists",
        "Tourists",
        "persons",
        Kind::Flow,
        true,
    ))?;
    store.add(&NewObservation::new(
        "trade_turnover",
        "GEO",
        "TUR",
        "2024",
        2.5e9,
    ))?;
    store.add(&NewObservation::new(
        "tourists", "GEO", "TUR", "2024", 1.2e6,
    ))?;
    let report = store.report("GEO", "TUR")?;
    let sections: Vec<(&str, &str)> = report
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        sections,
        [("trade", "Trade"), ("people", "Tourism and people")]
    );
    Ok(())
}

#[test]
fn a_topic_of_the_users_own_is_a_section_of_its_own_before_other_indicators(
) -> bilateral::Result<()> {
    let mut store = Store::in_memory()?;
    let energy = Topic::new("energy")?;
    store.add_topic(&energy, "Energy and power")?;
    store.add_indicator(&indicator(
        "power_exports",
        "Electricity exports",
        "MWh",
        Kind::Flow,
        true,
        energy,
    ))?;
    // A topic named by an indicator alone gets a title made from its code.
    store.add_indicator(&indicator(
        "students",
        "Students",
        "persons",
        Kind::Stock,
        true,
        Topic::new("higher_education")?,
    ))?;
    store.add_indicator(&Indicator::new(
        "wheat_harvest",
        "Wheat harvest",
        "t",
        Kind::Flow,
        false,
    ))?;
    store.add_indicator(&Indicator::new(
        "trade_turnover",
        "Trade turnover",
        "USD",
        Kind::Flow,
        false,
    ))?;
    for code in [
        "power_exports",
        "students",
        "wheat_harvest",
        "trade_turnover",
    ] {
        store.add(&NewObservation::new(code, "GEO", "ARM", "2024", 100.0))?;
    }
    let report = store.report("GEO", "ARM")?;
    let sections: Vec<(&str, &str)> = report
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("trade", "Trade"),
            ("energy", "Energy and power"),
            ("higher_education", "Higher education"),
            ("other", "Other indicators")
        ]
    );
    assert!(section(&report, "energy").sentences[0]
        .text
        .starts_with("Electricity exports from Georgia to Armenia were 100 MWh in 2024"));
    Ok(())
}

// ----- claims -------------------------------------------------------------------------------

#[test]
fn demo_claims_section_counts_the_verdicts_and_gives_one_line_each() {
    let report = demo_report();
    let claims = section(&report, "claims");
    // sixfold, the 2023 record, slightly below it and the two tourist rises are
    // supported; "steady upward trajectory" contradicted (2024 down 4.2 % on 2023);
    // "increasing steadily" and "continues to grow" for oil in 2025 plausible but
    // centrally a fall of 3.6 %; oil's 2024 step plausible; tripling, "rapidly
    // increasing", 2 % and doubling unverifiable: 5 + 1 + 2 + 1 + 4 = 13
    assert_eq!(
        claims.sentences[0].text,
        "Of the 13 claims about the pair, the figures support 5, contradict 1, allow \
         2 but point against them, allow 1 without showing it, and cannot check 4, for \
         want of a figure."
    );
    assert_eq!(claims.sentences.len(), 14);
    // in the order of the sections: trade first
    assert!(claims.sentences[1]
        .text
        .starts_with("“the 2023 record” (Trade turnover, 2023"));
    let tripling = sentence(&report, "claims", "“more than tripling”");
    assert!(
        tripling.text.contains(": unverifiable."),
        "{}",
        tripling.text
    );
    // 547.6 / 4 = 136.9 and 547.6 / 3 = 182.53…, shown rounded up; the 4 is the
    // significant-digit rule's, not the claim's
    assert!(
        tripling.text.contains(
            "between $136.9 million and $182.6 million (implied, not published; the lower \
             end assumes less than quadrupling, which the claim does not say)"
        ),
        "{}",
        tripling.text
    );
    // it cites the January–August 2025 figure it was checked against, and nothing else
    assert_eq!(
        cited(&report, tripling),
        [cite("trade_turnover", "2025-01/2025-08", "actual")]
    );
}

#[test]
fn no_growth_is_computed_from_a_figure_a_claim_implies() {
    let report = demo_report();
    for s in all_sentences(&report) {
        // the old made-up base gave "up 200.0 %" for trade and "+2.0 %" for cargo
        assert!(
            !s.text.contains("200.0 %") && !s.text.contains("2.0 % ["),
            "{}",
            s.text
        );
    }
    let trade = section(&report, "trade");
    let growth_rows: Vec<&Vec<Cell>> = trade
        .tables
        .iter()
        .filter(|t| t.title.starts_with("Growth"))
        .flat_map(|t| &t.rows)
        .collect();
    // only 2024 on 2023: January–August 2025 has no published base
    assert_eq!(growth_rows.len(), 1);
    assert_eq!(growth_rows[0][1], Cell::Text("2024".into()));
    assert!(report
        .notes
        .iter()
        .all(|n| n.period.to_string() != "2024-01/2024-08"));
}

#[test]
fn implied_ranges_join_the_figures_table_only_when_asked_and_never_the_growth() {
    use bilateral::report::ReportOptions;
    let store = Store::demo().unwrap();
    let plain = store.report("AZE", "KAZ").unwrap();
    let options = ReportOptions::default().include_implied(true);
    let with = store.report_with("AZE", "KAZ", &options).unwrap();
    let rows_of = |report: &Report, id: &str| -> Vec<Vec<Cell>> {
        section(report, id)
            .tables
            .iter()
            .filter(|t| t.title == "Figures")
            .flat_map(|t| t.rows.clone())
            .collect()
    };
    // trade gains January–August 2024, transport the three January–July 2024 ranges
    // ("a 2% increase" and "rapidly increasing" for cargo, "nearly doubling" for
    // containers); each is bounded above
    assert_eq!(
        rows_of(&with, "trade").len(),
        rows_of(&plain, "trade").len() + 1
    );
    assert_eq!(
        rows_of(&with, "transport").len(),
        rows_of(&plain, "transport").len() + 3
    );
    let implied_trade = rows_of(&with, "trade")
        .into_iter()
        .find(|r| r[6] == Cell::Text("2024-01/2024-08".into()))
        .unwrap();
    // the value is the upper end, 547.6 / 3 million, with its lower end 547.6 / 4
    assert_eq!(implied_trade[5], Cell::Text("Jan–Aug 2024".into()));
    assert_eq!(implied_trade[12], Cell::Text("estimate".into()));
    assert_eq!(implied_trade[9], Cell::Number(136_900_000.0));
    // the sentences and growth tables are the same with or without them
    for id in ["trade", "transport"] {
        // (their note numbers move up by the implied rows cited before them)
        let texts = |r: &Report| {
            section(r, id)
                .sentences
                .iter()
                .map(|s| s.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&with), texts(&plain));
        let growth = |r: &Report| {
            section(r, id)
                .tables
                .iter()
                .filter(|t| t.title != "Figures")
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(growth(&with), growth(&plain));
    }
}

// ----- how each indicator reads ----------------------------------------------------------------

/// Every sentence and summary line of `report` that contains `fragment`.
fn texts_with<'r>(report: &'r Report, fragment: &str) -> Vec<&'r str> {
    report
        .headline
        .iter()
        .chain(report.sections.iter().flat_map(|s| &s.sentences))
        .map(|s| s.text.as_str())
        .filter(|t| t.contains(fragment))
        .collect()
}

#[test]
fn transit_indicator_names_its_route_in_every_sentence() -> bilateral::Result<()> {
    let mut store = synthetic_store();
    // Armenian gas crossing Georgia: "from Armenia to Georgia" would say it ends there.
    let mut transit = indicator(
        "gas_transit",
        "Gas transit",
        "t",
        Kind::Flow,
        true,
        Topic::TRANSPORT,
    );
    transit.phrase = Some("Gas from {origin} piped through {destination} to Türkiye".to_owned());
    store.add_indicator(&transit)?;
    for (period, value) in [("2023", 2_000_000.0), ("2024", 2_500_000.0)] {
        store.add(&figure(
            "gas_transit",
            "ARM",
            "GEO",
            period,
            value,
            "exact",
            "actual",
        ))?;
    }
    let report = store.report("GEO", "ARM")?;
    // 2.5 / 2 − 1 = +25 %, two digits (2.5 million has two, 2 million one, and two is
    // the floor)
    assert_eq!(
        texts_with(&report, "Gas from Armenia"),
        [
            "Gas from Armenia piped through Georgia to Türkiye: 2.5 million t in 2024, up 25 % on \
             2023.",
            "Gas from Armenia piped through Georgia to Türkiye reached 2.5 million t in 2024, up \
             25 % on 2 million t in 2023."
        ]
    );
    assert!(texts_with(&report, "from Armenia to Georgia")
        .iter()
        .all(|t| !t.contains("Gas")));
    Ok(())
}

#[test]
fn a_plain_directed_indicator_reads_its_phrase_both_ways_as_many() -> bilateral::Result<()> {
    let mut store = synthetic_store();
    let mut companies = indicator(
        "companies",
        "Companies with foreign capital",
        "count",
        Kind::Stock,
        true,
        Topic::INVESTMENT,
    );
    companies.phrase =
        Some("Companies with capital from {origin} operating in {destination}".to_owned());
    store.add_indicator(&companies)?;
    store.add(&figure(
        "companies",
        "GEO",
        "ARM",
        "2024",
        300.0,
        "exact",
        "actual",
    ))?;
    store.add(&figure(
        "companies",
        "ARM",
        "GEO",
        "2024",
        120.0,
        "exact",
        "actual",
    ))?;
    let report = store.report("GEO", "ARM")?;
    let section = &section(&report, "investment").sentences;
    let texts: Vec<&str> = section.iter().map(|s| s.text.as_str()).collect();
    // A count of companies "numbered"; 300 / 120 = 2.5 times as many, 300 − 120 = 180 more.
    assert_eq!(
        texts,
        [
            "Companies with capital from Georgia operating in Armenia numbered 300 in 2024.",
            "Companies with capital from Armenia operating in Georgia numbered 120 in 2024.",
            "In 2024, companies with capital from Georgia operating in Armenia (300) were 2.5 \
             times as many as companies with capital from Armenia operating in Georgia (120), \
             180 more."
        ]
    );
    Ok(())
}

#[test]
fn a_plan_figure_is_stated_as_the_plan_and_never_reached() -> bilateral::Result<()> {
    let mut store = synthetic_store();
    store.add_indicator(&indicator(
        "bridge_length",
        "Planned length of the Debed bridge",
        "m",
        Kind::Plan,
        false,
        Topic::TRANSPORT,
    ))?;
    // The plan said 1,000 m in 2024 and 1,200 m in 2025: a revision, not growth.
    store.add(&figure(
        "bridge_length",
        "GEO",
        "ARM",
        "2024",
        1_000.0,
        "exact",
        "actual",
    ))?;
    store.add(&figure(
        "bridge_length",
        "GEO",
        "ARM",
        "2025",
        1_200.0,
        "exact",
        "actual",
    ))?;
    let report = store.report("GEO", "ARM")?;
    assert_eq!(
        texts_with(&report, "Debed bridge"),
        // in its section only: a plan does not lead the Summary over measured figures
        ["Planned length of the Debed bridge: 1,200 m (the plan as of 2025)."]
    );
    // its row in the figures table says it is a plan, not what status its source gave
    let plan_rows: Vec<_> = report
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .filter(|t| t.title == "Figures")
        .flat_map(|t| {
            let status = t.columns.iter().position(|c| c.name == "status").unwrap();
            t.rows
                .iter()
                .map(move |r| (r[0].clone(), r[status].clone()))
        })
        .filter(|(name, _)| *name == Cell::Text("Planned length of the Debed bridge".into()))
        .collect();
    assert_eq!(plan_rows.len(), 2);
    assert!(plan_rows
        .iter()
        .all(|(_, status)| *status == Cell::Text("plan".into())));
    Ok(())
}

#[test]
fn things_counted_in_a_month_are_counted_not_reached() -> bilateral::Result<()> {
    let mut store = synthetic_store();
    store.add_indicator(&indicator(
        "memoranda",
        "Memoranda signed",
        "count",
        Kind::Flow,
        false,
        Topic::COOPERATION,
    ))?;
    store.add(&figure(
        "memoranda",
        "GEO",
        "ARM",
        "2025-03",
        40.0,
        "exact",
        "actual",
    ))?;
    let report = store.report("GEO", "ARM")?;
    assert_eq!(
        sentence(&report, "cooperation", "Memoranda").text,
        "Memoranda signed in March 2025: 40."
    );
    Ok(())
}

#[test]
fn a_count_of_people_over_the_long_run_is_as_many() -> bilateral::Result<()> {
    let mut store = synthetic_store();
    store.add(&figure(
        "visitors", "GEO", "ARM", "2022", 10_000.0, "exact", "actual",
    ))?;
    let report = store.report("GEO", "ARM")?;
    // 30,000 / 10,000 = 3 times; 3^(1/2) − 1 = 0.73205 → 73 % a year (two digits: the
    // floor, as 10,000 and 30,000 have one each); visitors are many: "they went"
    assert_eq!(
        sentence(&report, "people", "From 2022 to 2024").text,
        "From 2022 to 2024 they went from 10,000 to 30,000, 3 times as many (73 % a year)."
    );
    Ok(())
}

#[test]
fn an_event_known_only_by_its_year_comes_after_those_dated_in_it() -> bilateral::Result<()> {
    let mut store = synthetic_store();
    for (date, title) in [("2025", "Cinema week"), ("2025-11-03", "Talks in Tbilisi")] {
        store.add_event(&NewEvent {
            date: date.to_owned(),
            a: "GEO".to_owned(),
            b: "ARM".to_owned(),
            kind: "culture".to_owned(),
            title: title.to_owned(),
            ..NewEvent::default()
        })?;
    }
    let report = store.report("GEO", "ARM")?;
    let timeline = section(&report, "cooperation")
        .tables
        .iter()
        .find(|t| t.title == "Timeline")
        .expect("a timeline");
    let dates: Vec<&Cell> = timeline.rows.iter().map(|r| &r[0]).collect();
    // 2024-05-26 and 2025-03 from the synthetic store, then 3 November 2025, then the
    // event of 2025 with no month: last, and said "in 2025".
    let text = |s: &str| Cell::Text(s.to_owned());
    assert_eq!(
        dates,
        [
            &text("26 May 2024"),
            &text("Mar 2025"),
            &text("3 Nov 2025"),
            &text("in 2025")
        ]
    );
    Ok(())
}

#[test]
fn an_event_known_only_by_its_year_comes_first_only_when_its_date_ends_before_the_others(
) -> bilateral::Result<()> {
    // The 2022 Declaration and the November 2022 milestone: "2022" alone says nothing of
    // the month, so the declaration follows; a source that puts it before November gives
    // the months it allows (2022-01/2022-10), and then it comes first.
    let timeline_dates = |declaration: &str| -> bilateral::Result<Vec<String>> {
        let mut store = synthetic();
        for (date, title) in [
            (declaration, "Declaration on allied relations"),
            ("2022-11", "Oil shipments begin"),
        ] {
            store.add_event(&NewEvent {
                date: date.to_owned(),
                a: "GEO".to_owned(),
                b: "ARM".to_owned(),
                kind: "signing".to_owned(),
                title: title.to_owned(),
                ..NewEvent::default()
            })?;
        }
        let report = store.report("GEO", "ARM")?;
        let timeline = &section(&report, "cooperation").tables[0];
        Ok(timeline
            .rows
            .iter()
            .map(|r| match (&r[0], &r[3]) {
                (Cell::Text(date), Cell::Text(title)) => format!("{date}: {title}"),
                other => panic!("{other:?}"),
            })
            .collect())
    };
    assert_eq!(
        timeline_dates("2022")?,
        [
            "Nov 2022: Oil shipments begin",
            "in 2022: Declaration on allied relations"
        ]
    );
    assert_eq!(
        timeline_dates("2022-01/2022-10")?,
        [
            "Jan–Oct 2022: Declaration on allied relations",
            "Nov 2022: Oil shipments begin"
        ]
    );
    Ok(())
}

#[test]
fn the_reading_note_explains_only_what_the_synthetic_report_has() {
    let report = synthetic_report();
    assert_eq!(
        report.how_to_read,
        [
            // visitors from Armenia "around 12,000" (u = 1,000) is the one qualified
            // figure; brackets follow the rate per 1,000 residents and the ratio of the
            // two directions ("2.5 [2.4, 2.7] times")
            "Figures are given with the words their source used (“around”); such a figure \
             stands for a range, shown in brackets in the tables: “around 12,000” as \
             [11,500 – 12,500]. Brackets after a computed figure (a change, a ratio, a \
             figure per 1,000 residents) hold every value its inputs allow, rounded \
             outwards.",
            // the 2025 rail cargo target; no estimate, projection or plan
            "A target is a goal someone set. Targets never count as measurements: growth \
             and comparisons are computed from measured figures.",
            // the latest measured figure is rail cargo for January–June 2025; the 2025
            // target (ending in December) is not measured and does not count
            "The most recent measured figures are for the first half of 2025; each \
             figure’s note gives its source and its period, and the sentence it came from where one was recorded.",
        ]
    );
    let markdown = report.to_markdown();
    assert!(markdown.contains("## How to read this report"));
    assert!(markdown.find("## How to read").unwrap() < markdown.find("## Notes").unwrap());
}

#[test]
fn the_reading_note_of_the_built_in_report_explains_what_it_uses() {
    let report = demo_report();
    assert_eq!(
        report.how_to_read,
        [
            // the dataset's words are "over" (170 agreements: u = 10, [170, 180]),
            // "around" and "nearly"; sentences bracket ratios ("1.7 [1.7, 1.8] times")
            // and say "at least 1.42 times as many (at most 1.45)"
            "Figures are given with the words their source used (“over”, “around”, \
             “nearly”); such a figure stands for a range, shown in brackets in the tables: \
             “over 170” as [170 – 180]. Brackets after a computed figure (a change, a \
             ratio, a figure per 1,000 residents) hold every value its inputs allow, \
             rounded outwards. “At least” and “at most” mark a computed figure at one end \
             of its range.",
            // the corridor's 2025 targets, the 2027 oil projection, the cable's plan; no
            // estimate
            "A target is a goal someone set; a projection is a forecast; a plan is a \
             planned project’s specification or budget, as the plan stood at its date. \
             Targets, projections and plans never count as measurements: growth and \
             comparisons are computed from measured figures.",
            "The most recent measured figures are for 2025; each figure’s note gives its \
             source and its period, and the sentence it came from where one was recorded.",
        ]
    );
}

#[test]
fn the_reading_note_of_exact_measured_figures_only_dates_them() -> bilateral::Result<()> {
    let mut store = synthetic();
    for (period, value) in [("2023", 100_000_000.0), ("2024", 120_000_000.0)] {
        store.add(&NewObservation::new("trade", "GEO", "ARM", period, value))?;
    }
    let report = store.report("GEO", "ARM")?;
    // 120 / 100 − 1 = +20 %: no range, no bracket, no "at least", no status but actual
    assert_eq!(
        report.how_to_read,
        [
            "The most recent measured figures are for 2024; each figure’s note gives its \
          source and its period, and the sentence it came from where one was recorded."
        ]
    );
    Ok(())
}

#[test]
fn a_per_capita_figure_lists_the_population_source() {
    // Visitors per 1,000 residents use the World Bank's population: its source is listed.
    let report = synthetic_report();
    assert!(!texts_with(&report, "per 1,000 residents").is_empty());
    let ids: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["geostat", "worldbank-population"]);
}

#[test]
fn every_source_a_note_cites_is_listed() {
    for report in [demo_report(), synthetic_report()] {
        let listed: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
        for note in &report.notes {
            if let Some(source) = &note.source {
                assert!(
                    listed.contains(&source.as_str()),
                    "{source} not in {listed:?}"
                );
            }
        }
    }
}

#[test]
fn a_daily_series_is_told_by_its_latest_day_not_one_sentence_a_day() -> bilateral::Result<()> {
    let mut store = Store::in_memory()?;
    store.add_indicator(&Indicator::new(
        "trips",
        "Rail trips",
        "count",
        Kind::Flow,
        false,
    ))?;
    // every day of 2023 at 100 trips and of 2024 at 110: 730 figures
    let mut records = Vec::new();
    for (year, value) in [(2023, 100.0), (2024, 110.0)] {
        let mut day = time::Date::from_calendar_date(year, time::Month::January, 1).unwrap();
        while day.year() == year {
            let period = format!("{year}-{:02}-{:02}", u8::from(day.month()), day.day());
            records.push(NewObservation::new("trips", "GEO", "ARM", &period, value));
            day = day.next_day().unwrap();
        }
    }
    store.add_many(&records, bilateral::OnDuplicate::Error)?;
    let report = store.report("GEO", "ARM")?;
    let trips = texts_with(&report, "Rail trips");
    // the Summary's line and the section's one sentence: 110 on 31 December 2024 against
    // 100 on 31 December 2023, up 10 % (two digits: 110 has two, 100 one); trips are
    // counted, so the day's count takes a colon rather than "reached"
    assert_eq!(trips.len(), 2, "{trips:#?}");
    assert_eq!(
        trips[1],
        "Rail trips on 31 December 2024: 110, up 10 % on 100 on 31 December 2023."
    );
    Ok(())
}

// ----- a statistics office's table ---------------------------------------------------------------

/// The sentences of `section` that tell the series whose subject starts `subject`: from
/// its first sentence to the one before the next series' first.
fn told_about<'r>(report: &'r Report, id: &str, subject: &str) -> Vec<&'r str> {
    let sentences: Vec<&str> = section(report, id)
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    let start = sentences
        .iter()
        .position(|t| t.starts_with(subject))
        .unwrap_or_else(|| panic!("no sentence on {subject}: {sentences:#?}"));
    let end = sentences[start + 1..]
        .iter()
        .position(|t| {
            !t.starts_with("From ")
                && !t.starts_with("In the ")
                && !t.starts_with("The largest")
                && !t.starts_with("That is")
        })
        .map_or(sentences.len(), |i| start + 1 + i);
    sentences[start..end].to_vec()
}

#[test]
fn an_office_series_of_ten_years_is_told_in_four_sentences_at_three_digits() {
    let report = office_table().report("GEO", "TUR").unwrap();
    assert_eq!(
        told_about(&report, "trade", "Exports from Georgia to Türkiye"),
        [
            // 334,201.7 / 307,948.3 − 1 = 0.085252 → up 8.5 %; seven digits each, three
            // in prose, both in millions
            "Exports from Georgia to Türkiye reached $334 million in 2024, up 8.5 % on $308 \
             million in 2023.",
            // the quarter keeps its own comparison: 68,497.6 / 61,322.8 − 1 = 0.11700
            "In the first quarter of 2024 they reached $68.5 million, up 11.7 % on $61.3 \
             million in the first quarter of 2023.",
            // 334,201.7 / 212,304.5 = 1.5742 → 1.57 times; 1.5742^(1/9) = 1.0517 → 5.2 %
            "From 2015 to 2024 they went from $212 million to $334 million, 1.57 times as much \
             (5.2 % a year).",
            // yearly changes: 2016 −10.1 %, 2017 248,113.9 / 190,871.2 − 1 = +30.0 %, 2018
            // +5.4 %, 2019 +9.7 %, 2022 +7.3 %, 2023 −3.2 %, 2024 +8.5 % (2021 has no
            // base: 2020 is missing)
            "The largest yearly change from 2015 to 2024 came in 2017: up 30.0 % on 2016; \
             there is no figure for 2020.",
        ]
    );
}

#[test]
fn no_prose_number_of_an_office_table_has_more_than_four_digits() {
    let report = office_table().report("GEO", "TUR").unwrap();
    let mut texts: Vec<&str> = report.headline.iter().map(|s| s.text.as_str()).collect();
    texts.extend(all_sentences(&report).iter().map(|s| s.text.as_str()));
    for text in texts {
        for number in numbers_in(text) {
            assert!(
                significant_digits_written(&number) <= 4,
                "{number} in {text:?}"
            );
        }
    }
}

/// The numbers written in `text`: runs of digits with their separators and point.
fn numbers_in(text: &str) -> Vec<String> {
    let mut numbers = Vec::new();
    let mut current = String::new();
    for ch in text.chars().chain([' ']) {
        if ch.is_ascii_digit() || (!current.is_empty() && (ch == ',' || ch == '.')) {
            current.push(ch);
        } else if !current.is_empty() {
            numbers.push(current.trim_end_matches([',', '.']).to_owned());
            current.clear();
        }
    }
    numbers
}

/// Significant digits as a reader counts them: from the first non-zero digit, a whole
/// number's trailing zeros left out ("308" three, "24.0" three, "102,000" three, a year
/// "2024" four).
fn significant_digits_written(number: &str) -> usize {
    let digits = number.replace(',', "");
    let significant = digits.trim_start_matches(['0', '.']);
    if digits.contains('.') {
        significant.chars().filter(char::is_ascii_digit).count()
    } else {
        significant.trim_end_matches('0').len()
    }
}

#[test]
fn both_directions_chart_keeps_a_year_only_one_direction_has() {
    let report = office_table().report("GEO", "TUR").unwrap();
    let chart = section(&report, "trade")
        .charts
        .iter()
        .find(|c| c.title == "Exports: both directions")
        .expect("the both-directions chart of exports");
    let labels = |i: usize| -> Vec<&str> {
        chart.series[i]
            .points
            .iter()
            .map(|p| p.label.as_str())
            .collect()
    };
    // Georgia's exports: nine years (no 2020) and two quarters, drawn as years only
    assert_eq!(
        labels(0),
        ["2015", "2016", "2017", "2018", "2019", "2021", "2022", "2023", "2024"]
    );
    // Türkiye's: all ten, 2020 included
    assert_eq!(labels(1).len(), 10);
    assert!(labels(1).contains(&"2020"));
    // the tooltip at the prose's precision: 1,455,331.9 thousand → $1.46 billion
    let p2020 = chart.series[1]
        .points
        .iter()
        .find(|p| p.label == "2020")
        .unwrap();
    assert_eq!(p2020.text, "$1.46 billion");
}

#[test]
fn every_series_the_summary_names_gets_a_line_chart_of_its_history() {
    let mut store = synthetic();
    store
        .add_indicator(&Indicator::new(
            "exports",
            "Exports",
            "USD",
            Kind::Flow,
            true,
        ))
        .unwrap();
    store
        .add_indicator(&Indicator::new(
            "exports_volume",
            "Exports in tonnes",
            "t",
            Kind::Flow,
            true,
        ))
        .unwrap();
    let mut add = |indicator: &str,
                   origin: &str,
                   destination: &str,
                   product: &str,
                   period: &str,
                   value: f64| {
        store
            .add(&NewObservation {
                product: Some(product.to_owned()),
                ..NewObservation::new(indicator, origin, destination, period, value)
            })
            .unwrap();
    };
    for (year, value) in [("2022", 100e6), ("2023", 120e6), ("2024", 150e6)] {
        // exports each way, every year in both: the both-directions chart shows them all
        add("exports", "GEO", "ARM", "total", year, value);
        add("exports", "ARM", "GEO", "total", year, value / 2.0);
        // tonnes each way: money leads a trade slot, so these make no Summary line
        add(
            "exports_volume",
            "GEO",
            "ARM",
            "total",
            year,
            value / 1000.0,
        );
        add(
            "exports_volume",
            "ARM",
            "GEO",
            "total",
            year,
            value / 2000.0,
        );
    }
    // and this year's first quarter one way: a line needs two of a kind, so Georgia's
    // line stays one of years
    add("exports", "GEO", "ARM", "total", "2025-Q1", 40e6);
    // cargo by product only: coal, the larger, leads the transport slot; ore does not
    add("cargo", "GEO", "ARM", "coal", "2023", 500_000.0);
    add("cargo", "GEO", "ARM", "coal", "2024", 600_000.0);
    add("cargo", "GEO", "ARM", "ore", "2023", 50_000.0);
    add("cargo", "GEO", "ARM", "ore", "2024", 60_000.0);
    // visitors: two quarters one way (a line of quarters), one year the other (no line)
    add("visitors", "GEO", "ARM", "total", "2024-Q1", 3_000.0);
    add("visitors", "GEO", "ARM", "total", "2024-Q2", 4_000.0);
    add("visitors", "ARM", "GEO", "total", "2024", 9_000.0);
    let report = store.report("GEO", "ARM").unwrap();
    let lines: Vec<(&str, &str, Vec<&str>)> = report
        .sections
        .iter()
        .flat_map(|s| &s.charts)
        .filter(|c| c.kind == bilateral::report::ChartKind::Series)
        .map(|c| {
            let periods = c.series[0]
                .points
                .iter()
                .map(|p| p.label.as_str())
                .collect();
            (
                c.indicator.as_deref().unwrap(),
                c.product.as_deref().unwrap(),
                periods,
            )
        })
        .collect();
    // one line each for exports both ways, coal cargo and Georgia's visitors; none for
    // the tonnes, the ore or Armenia's one year of visitors
    assert_eq!(
        lines,
        [
            ("exports", "total", vec!["2022", "2023", "2024"]),
            ("exports", "total", vec!["2022", "2023", "2024"]),
            ("cargo", "coal", vec!["2023", "2024"]),
            ("visitors", "total", vec!["2024-Q1", "2024-Q2"]),
        ],
        "{:#?}",
        report.headline
    );
    // each drawn series is one the Summary names ("Subject: figure …")
    for chart in report.sections.iter().flat_map(|s| &s.charts) {
        if chart.kind == bilateral::report::ChartKind::Series {
            let named = format!("{}: ", chart.title);
            assert!(
                report.headline.iter().any(|s| s.text.starts_with(&named)),
                "{named} not in {:#?}",
                report.headline
            );
        }
    }
    // in the trade section the two lines come before the two bar charts
    let kinds: Vec<_> = section(&report, "trade")
        .charts
        .iter()
        .map(|c| c.kind)
        .collect();
    use bilateral::report::ChartKind::{Directions, Series};
    assert_eq!(kinds, [Series, Series, Directions, Directions]);
}

#[test]
fn the_two_directions_are_compared_once_for_the_latest_year_with_the_ratio_then() {
    let report = office_table().report("GEO", "TUR").unwrap();
    let compared: Vec<&str> = section(&report, "trade")
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .filter(|t| t.contains("exports from Türkiye to Georgia ("))
        .collect();
    // 2,241,509.6 / 334,201.7 = 6.7070 → 6.71; 2,241,509.6 − 334,201.7 = 1,907,307.9
    // thousand → $1.91 billion; in 2015 1,471,295.0 / 212,304.5 = 6.9301 → 6.93
    assert_eq!(
        compared,
        [
            "In 2024, exports from Türkiye to Georgia ($2.24 billion) were 6.71 times as much as \
          exports from Georgia to Türkiye ($334 million), $1.91 billion more; down from 6.93 \
          times in 2015."
        ]
    );
}

// ----- mirror flows -----------------------------------------------------------------------------

/// The number written before " % {word}." at the end of `text`: the gap in percent.
#[track_caller]
fn pct_before(text: &str, word: &str) -> f64 {
    let head = text
        .strip_suffix(&format!(" % {word}."))
        .unwrap_or_else(|| panic!("{text:?} does not end in \" % {word}.\""));
    let number = head.rsplit(' ').next().unwrap();
    number
        .parse()
        .unwrap_or_else(|e| panic!("{number:?} in {text:?}: {e}"))
}

/// Georgia and Türkiye, each office reporting its own exports and imports: Georgia's
/// exports to Türkiye (Geostat) and Türkiye's imports from Georgia (TurkStat) are one
/// flow, both stored from GEO to TUR; and the other way round.
fn mirror_store() -> Store {
    let mut store = Store::in_memory().unwrap();
    for id in ["geostat", "turkstat"] {
        store
            .add_source(&bilateral::Source {
                id: id.to_owned(),
                title: id.to_owned(),
                publisher: None,
                url: None,
                published: None,
            })
            .unwrap();
    }
    for (indicator, origin, destination, period, value, source) in [
        // 2023 only Georgia reports, 2025 only Türkiye: 2024 is the latest both have.
        ("exports", "GEO", "TUR", "2023", 280_000_000.0, "geostat"),
        ("exports", "GEO", "TUR", "2024", 300_000_000.0, "geostat"),
        ("imports", "GEO", "TUR", "2024", 318_000_000.0, "turkstat"),
        ("imports", "GEO", "TUR", "2025", 330_000_000.0, "turkstat"),
        ("exports", "TUR", "GEO", "2024", 1_000_000_000.0, "turkstat"),
        ("imports", "TUR", "GEO", "2024", 900_000_000.0, "geostat"),
    ] {
        let mut obs = NewObservation::new(indicator, origin, destination, period, value);
        obs.source = Some(source.to_owned());
        store.add(&obs).unwrap();
    }
    store
}

#[test]
fn a_flow_reported_from_both_ends_is_told_as_one_flow_with_both_figures_and_the_gap() {
    let report = mirror_store().report("GEO", "TUR").unwrap();
    let georgian = sentence(&report, "trade", "Exports from Georgia to Türkiye in 2024:");
    assert!(
        georgian.text.starts_with(
            "Exports from Georgia to Türkiye in 2024: $300 million as reported by Georgia, \
             $318 million as reported by Türkiye as its imports, "
        ),
        "{}",
        georgian.text
    );
    // 318 − 300 = 18 million, 18 / 300 = 6 % more
    assert_eq!(pct_before(&georgian.text, "more"), 6.0);
    assert_eq!(
        cited(&report, georgian),
        [
            cite("exports", "2024", "actual"),
            cite("imports", "2024", "actual")
        ]
    );
    let turkish = sentence(&report, "trade", "Exports from Türkiye to Georgia in 2024:");
    assert!(
        turkish.text.starts_with(
            "Exports from Türkiye to Georgia in 2024: $1 billion as reported by Türkiye, \
             $900 million as reported by Georgia as its imports, "
        ),
        "{}",
        turkish.text
    );
    // 900 − 1,000 = −100 million, −100 / 1,000 = 10 % less
    assert_eq!(pct_before(&turkish.text, "less"), 10.0);
    // Why the two ends differ: once in the section, after the flows.
    let why = sentence(&report, "trade", "CIF");
    let sentences = &section(&report, "trade").sentences;
    assert_eq!(sentences.last(), Some(why));
    assert!(why.notes.is_empty());
}

#[test]
fn the_mirror_table_holds_every_period_both_ends_report() {
    let report = mirror_store().report("GEO", "TUR").unwrap();
    let trade = section(&report, "trade");
    let table = trade
        .tables
        .iter()
        .find(|t| t.title.starts_with("Mirror figures"))
        .expect("a mirror table");
    let at = |name: &str| table.columns.iter().position(|c| c.name == name).unwrap();
    let texts = |row: &Vec<Cell>, names: &[&str]| -> Vec<String> {
        names
            .iter()
            .map(|&n| match &row[at(n)] {
                Cell::Text(t) => t.clone(),
                other => panic!("{n}: {other:?}"),
            })
            .collect()
    };
    let number = |row: &Vec<Cell>, name: &str| match row[at(name)] {
        Cell::Number(v) => v,
        ref other => panic!("{name}: {other:?}"),
    };
    // One row a flow: 2023 and 2025 have one end only.
    assert_eq!(table.rows.len(), 2);
    let names = ["flow", "period", "exporter reports", "importer reports"];
    assert_eq!(
        texts(&table.rows[0], &names),
        [
            "Exports from Georgia to Türkiye",
            "2024",
            "$300 million",
            "$318 million"
        ]
    );
    assert_eq!(
        texts(&table.rows[1], &names),
        [
            "Exports from Türkiye to Georgia",
            "2024",
            "$1 billion",
            "$900 million"
        ]
    );
    // 318 − 300 = 18 million, 6 %; 900 − 1,000 = −100 million, −10 %
    assert_eq!(number(&table.rows[0], "gap value"), 18_000_000.0);
    assert!((number(&table.rows[0], "gap pct") - 6.0).abs() < 1e-9);
    assert_eq!(number(&table.rows[1], "gap value"), -100_000_000.0);
    assert!((number(&table.rows[1], "gap pct") + 10.0).abs() < 1e-9);
    let shown: Vec<&str> = table
        .columns
        .iter()
        .filter(|c| c.visible)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        shown,
        [
            "flow",
            "period",
            "exporter reports",
            "importer reports",
            "gap",
            "gap %"
        ]
    );
}

#[test]
fn ends_in_different_currencies_are_not_told_as_mirror_figures() {
    let mut store = Store::in_memory().unwrap();
    // Imports redefined in Turkish lira before any figure uses the catalogue's entry.
    let lira = Indicator {
        unit: "TRY".to_owned(),
        ..store.indicator("imports").unwrap()
    };
    store.add_indicator(&lira).unwrap();
    store
        .add(&NewObservation::new(
            "exports",
            "GEO",
            "TUR",
            "2024",
            300_000_000.0,
        ))
        .unwrap();
    store
        .add(&NewObservation::new(
            "imports",
            "GEO",
            "TUR",
            "2024",
            9_000_000_000.0,
        ))
        .unwrap();
    let report = store.report("GEO", "TUR").unwrap();
    assert_eq!(texts_with(&report, "as reported by"), Vec::<&str>::new());
    assert_eq!(texts_with(&report, "CIF"), Vec::<&str>::new());
    let trade = section(&report, "trade");
    assert!(trade.tables.iter().all(|t| !t.title.starts_with("Mirror")));
}

#[test]
fn the_built_in_report_has_no_mirror_flow_since_it_has_no_imports() {
    let report = demo_report();
    assert_eq!(texts_with(&report, "as reported by"), Vec::<&str>::new());
    assert_eq!(texts_with(&report, "CIF"), Vec::<&str>::new());
}

#[test]
fn the_summary_shows_a_mirrored_flow_once_from_its_exporter() {
    let report = office_table().report("GEO", "TUR").unwrap();
    let lines: Vec<&str> = report.headline.iter().map(|s| s.text.as_str()).collect();
    // Türkiye's imports from Georgia ($352.9 million) are larger than Georgia's exports to
    // Türkiye ($334.2 million), but they are the same flow: the exporter's end leads
    assert!(
        lines.iter().all(|l| !l.starts_with("Imports")),
        "{lines:#?}"
    );
    assert_eq!(
        lines[..2],
        [
            "Exports from Georgia to Türkiye: $334 million in 2024, up 8.5 % on 2023.",
            // 2,241,509.6 / 2,130,772.3 − 1 = 0.05197 → 5.2 %
            "Exports from Türkiye to Georgia: $2.24 billion in 2024, up 5.2 % on 2023.",
        ]
    );
    // and the section tells the imports only as the far end of each flow
    let imports_told: Vec<&str> = section(&report, "trade")
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .filter(|t| t.contains("as its imports") || t.starts_with("Imports"))
        .collect();
    assert_eq!(imports_told.len(), 2, "{imports_told:#?}");
    assert!(imports_told.iter().all(|t| t.contains("as its imports")));
}

#[test]
fn a_rise_past_tenfold_reads_as_a_multiple_not_a_percentage() -> bilateral::Result<()> {
    let mut store = synthetic();
    for (year, value) in [
        ("2019", 50_000.0),
        ("2020", 60_000.0),
        ("2021", 10_000.0),
        ("2022", 110_000.0),
        ("2023", 100_000.0),
        ("2024", 105_000.0),
    ] {
        store.add(&NewObservation::new("visitors", "GEO", "ARM", year, value))?;
    }
    let report = store.report("GEO", "ARM")?;
    let told = told_about(&report, "people", "Visitors from Georgia to Armenia");
    // changes: 2020 +20 %, 2021 −83.3 %, 2022 110,000 / 10,000 = 11 times (+1,000 %),
    // 2023 −9.1 %, 2024 +5 %: the largest is 2022 (its base, 10,000, is a tenth of the
    // median year, 100,000, so it counts); 10,000 has one digit and 110,000 two, so two
    assert_eq!(
        told.last().copied(),
        Some("The largest yearly change from 2019 to 2024 came in 2022: 11 times as many as in 2021.")
    );
    Ok(())
}

#[test]
fn a_change_from_a_tiny_base_is_not_named_the_largest() -> bilateral::Result<()> {
    let mut store = synthetic();
    for (year, value) in [
        ("2019", 10.0),
        ("2020", 60_000.0),
        ("2021", 50_000.0),
        ("2022", 80_000.0),
        ("2023", 90_000.0),
        ("2024", 100_000.0),
    ] {
        store.add(&NewObservation::new("visitors", "GEO", "ARM", year, value))?;
    }
    let report = store.report("GEO", "ARM")?;
    let told = told_about(&report, "people", "Visitors from Georgia to Armenia");
    // 2020 on 2019 is 6,000 times, but on 10 visitors, under a tenth of the median year
    // (80,000): not a feature. Of the rest, 2021 −16.7 %, 2022 80,000 / 50,000 = +60 %,
    // 2023 +12.5 %, 2024 +11.1 %: 2022, one digit in each figure, so two
    assert_eq!(
        told.last().copied(),
        Some("The largest yearly change from 2019 to 2024 came in 2022: up 60 % on 2021.")
    );
    Ok(())
}

// ----- wording ----------------------------------------------------------------------------------

/// [`figure`] without its source, for a store that has none.
fn unsourced(mut obs: NewObservation) -> NewObservation {
    obs.source = None;
    obs
}

/// A fresh store's events between Georgia and Armenia: `(date, title)`.
fn events_store(events: &[(&str, &str)]) -> bilateral::Result<Store> {
    let mut store = synthetic();
    for (date, title) in events {
        store.add_event(&NewEvent {
            date: (*date).to_owned(),
            a: "GEO".to_owned(),
            b: "ARM".to_owned(),
            kind: "signing".to_owned(),
            title: (*title).to_owned(),
            ..NewEvent::default()
        })?;
    }
    Ok(store)
}

#[test]
fn a_timeline_says_which_year_most_of_its_events_fell_in() -> bilateral::Result<()> {
    let store = events_store(&[
        ("2005", "Treaty"),
        ("2022-11", "Shipments begin"),
        ("2022", "Declaration"),
        ("2025-01", "Talks"),
        ("2025-03", "Memoranda"),
        ("2025", "Cinema week"),
    ])?;
    let report = store.report("GEO", "ARM")?;
    // 2005: 1, 2022: 2, 2025: 3; the first is "2005", the last the year-only "2025"
    assert_eq!(
        section(&report, "cooperation").sentences[0].text,
        "Of the 6 events from 2005 to 2025, 3 fall in 2025."
    );
    // the span starts with the year-only 2022 event's year, not November 2022
    let store = events_store(&[
        ("2022-11", "Shipments begin"),
        ("2022", "Declaration"),
        ("2024-05-03", "State visit"),
    ])?;
    assert_eq!(
        section(&store.report("GEO", "ARM")?, "cooperation").sentences[0].text,
        "Of the 3 events from 2022 to 2024, 2 fall in 2022."
    );
    let store = events_store(&[("2025-01", "Talks"), ("2025-03", "Memoranda")])?;
    assert_eq!(
        section(&store.report("GEO", "ARM")?, "cooperation").sentences[0].text,
        "The 2 events all fall in 2025."
    );
    let one = events_store(&[("2005", "Treaty on Strategic Partnership")])?.report("GEO", "ARM")?;
    assert_eq!(
        section(&one, "cooperation").sentences[0].text,
        "One event, in 2005: Treaty on Strategic Partnership."
    );
    Ok(())
}

#[test]
fn a_duration_reads_as_what_lasted_and_how_long() -> bilateral::Result<()> {
    let mut store = synthetic();
    store.add_indicator(&indicator(
        "relations_years",
        "Duration of diplomatic relations",
        "years",
        Kind::Stock,
        false,
        Topic::COOPERATION,
    ))?;
    store.add(&unsourced(figure(
        "relations_years",
        "GEO",
        "ARM",
        "2025",
        30.0,
        "over",
        "actual",
    )))?;
    let report = store.report("GEO", "ARM")?;
    assert_eq!(
        texts_with(&report, "30 years"),
        [
            "Diplomatic relations: over 30 years in 2025.",
            "Diplomatic relations: over 30 years in 2025."
        ]
    );
    assert_eq!(
        report.headline[0].text,
        "Diplomatic relations: over 30 years in 2025."
    );
    Ok(())
}

/// Exports from Georgia to Armenia, $50, 60, 70, 80 and 100 million in 2020–2024, and a
/// projection of $121 million for 2026.
fn exports_store() -> bilateral::Result<Store> {
    let mut store = synthetic();
    store.add_indicator(&indicator(
        "exports",
        "Exports",
        "USD",
        Kind::Flow,
        true,
        Topic::TRADE,
    ))?;
    for (period, value, status) in [
        ("2020", 50e6, "actual"),
        ("2021", 60e6, "actual"),
        ("2022", 70e6, "actual"),
        ("2023", 80e6, "actual"),
        ("2024", 100e6, "actual"),
        ("2026", 121e6, "projection"),
    ] {
        store.add(&unsourced(figure(
            "exports", "GEO", "ARM", period, value, "exact", status,
        )))?;
    }
    Ok(store)
}

#[test]
fn a_plural_subject_takes_they_and_were() -> bilateral::Result<()> {
    let report = exports_store()?.report("GEO", "ARM")?;
    // from 2024 to 2026: 121 / 100 = 1.21 = 1.1², 10 % a year
    let projection = sentence(&report, "trade", "a projection");
    assert!(
        projection.text.starts_with(
            "Exports from Georgia to Armenia: a projection puts them at $121 million in 2026, \
             which needs 10 % a year from $100 million in 2024"
        ),
        "{}",
        projection.text
    );
    // 100 / 50 = 2 in four years: 2^(1/4) = 1.1892 → 19 % a year
    assert_eq!(
        sentence(&report, "trade", "From 2020 to 2024").text,
        "From 2020 to 2024 they went from $50 million to $100 million, 2 times as much (19 % a \
         year)."
    );
    // $100 million is above each of the four years before, the highest of them 2023's
    let record = report
        .findings
        .iter()
        .find(|f| f.text.contains("highest"))
        .expect("a record");
    assert_eq!(
        record.text,
        "Exports from Georgia to Armenia in 2024 ($100 million) were the highest of the 5 years \
         with figures from 2020 to 2024, above the $80 million of 2023."
    );
    Ok(())
}

#[test]
fn a_route_through_the_destination_shows_it_under_via_and_the_end_under_to() -> bilateral::Result<()>
{
    let mut store = synthetic_store();
    let mut transit = indicator(
        "gas_transit",
        "Gas transit",
        "t",
        Kind::Flow,
        true,
        Topic::TRANSPORT,
    );
    // an end without a name is a slip, and nothing is added
    transit.phrase = Some("Gas from {origin} piped through {via} to {to: }".to_owned());
    assert_eq!(
        store
            .add_indicator(&transit)
            .unwrap_err()
            .validation()
            .unwrap()
            .field,
        "phrase"
    );
    transit.phrase = Some("Gas from {origin} piped through {via} to {to:Türkiye}".to_owned());
    store.add_indicator(&transit)?;
    for (period, value) in [("2023", 2_000_000.0), ("2024", 2_500_000.0)] {
        store.add(&figure(
            "gas_transit",
            "ARM",
            "GEO",
            period,
            value,
            "exact",
            "actual",
        ))?;
    }
    let report = store.report("GEO", "ARM")?;
    // 2.5 / 2 − 1 = +25 %
    assert_eq!(
        sentence(&report, "transport", "Gas from").text,
        "Gas from Armenia piped through Georgia to Türkiye reached 2.5 million t in 2024, up 25 % \
         on 2 million t in 2023."
    );
    let figures = &section(&report, "transport").tables[0];
    let at = |name: &str| figures.columns.iter().position(|c| c.name == name).unwrap();
    assert!(figures.columns[at("via")].visible);
    let text = |s: &str| Cell::Text(s.to_owned());
    let gas: Vec<[&Cell; 3]> = figures
        .rows
        .iter()
        .filter(|r| r[0] == text("Gas transit"))
        .map(|r| [&r[at("from")], &r[at("to")], &r[at("via")]])
        .collect();
    assert_eq!(
        gas,
        [[&text("Armenia"), &text("Türkiye"), &text("Georgia")]; 2]
    );
    // rail cargo beside it, undirected, is stored from Armenia to Georgia (alpha-3
    // order), through nowhere
    let rail = figures
        .rows
        .iter()
        .find(|r| r[0] == text("Rail cargo"))
        .expect("rail cargo");
    assert_eq!(
        [&rail[at("from")], &rail[at("to")], &rail[at("via")]],
        [&text("Armenia"), &text("Georgia"), &Cell::Empty]
    );
    // a table without a route keeps "via" for data frames only
    let trade = &section(&report, "trade").tables[0];
    let via = trade.columns.iter().find(|c| c.name == "via").unwrap();
    assert!(!via.visible);
    Ok(())
}

// ----- tables of a readable size ----------------------------------------------------------------

/// Georgia and Armenia: trade turnover of `products` products (p0000 …), undirected, in
/// each of the 25 years 2000–2024, product p growing from (p + 1) million USD in 2000
/// by a million a year: (p + 1 + year − 2000) million.
fn yearly_products(products: usize) -> Store {
    let mut store = Store::in_memory().unwrap();
    let trade = indicator("trade", "Trade", "USD", Kind::Flow, false, Topic::TRADE);
    store.add_indicator(&trade).unwrap();
    let mut records = Vec::with_capacity(products * 25);
    for p in 0..products {
        for year in 2000..=2024 {
            let value = 1e6 * (p + 1 + year - 2000) as f64;
            let mut obs = NewObservation::new("trade", "ARM", "GEO", &year.to_string(), value);
            obs.product = Some(format!("p{p:04}"));
            records.push(obs);
        }
    }
    store
        .add_many(&records, bilateral::OnDuplicate::Error)
        .unwrap();
    store
}

/// The periods (codes) of a figures table's rows.
fn table_periods(table: &bilateral::report::Table) -> Vec<String> {
    let code = table
        .columns
        .iter()
        .position(|c| c.name == "period code")
        .unwrap();
    table
        .rows
        .iter()
        .map(|r| match &r[code] {
            Cell::Text(t) => t.clone(),
            other => panic!("a period code: {other:?}"),
        })
        .collect()
}

#[test]
fn a_table_lists_each_series_latest_ten_years_and_the_years_the_text_cites() -> bilateral::Result<()>
{
    let report = yearly_products(1).report("GEO", "ARM")?;
    let trade = &report.sections[0];
    let figures = &trade.tables[0];
    // no chart for a product series; the sentences cite 2024 and 2023 (the latest on
    // the one before), 2000 (the long run from the first), and 2002 and 2001 (the largest
    // change: 2001 on 2000 is +100 %, but on 1 million, under a tenth of the median year,
    // 13 million; so 2002, 3 million on 2 million, +50 %): 2000–2002 and 2015 … 2024
    let mut expected = vec!["2000".to_owned(), "2001".to_owned(), "2002".to_owned()];
    expected.extend((2015..=2024).map(|y| y.to_string()));
    assert_eq!(table_periods(figures), expected);
    // 25 years − 13 listed = 12 left out, said below the table
    assert_eq!(
        figures.footnote.as_deref(),
        Some(
            "Listed: each series' latest 10 periods and every figure the text and charts \
             cite. Not listed here: Trade of p0000, 12 earlier figures. Every figure is in \
             the report's full record: report.figures, or the appendix file write_appendix \
             (or --appendix) writes."
        )
    );
    // every cited figure has a row: each sentence's notes are among the table's
    let note = figures
        .columns
        .iter()
        .position(|c| c.name == "note")
        .unwrap();
    let listed: Vec<usize> = figures
        .rows
        .iter()
        .map(|r| match r[note] {
            Cell::Integer(n) => n as usize,
            _ => panic!("a note number"),
        })
        .collect();
    for sentence in &trade.sentences {
        for n in &sentence.notes {
            assert!(listed.contains(n), "note {n} of {:?} listed", sentence.text);
        }
    }
    // only figures shown get notes: the 13 rows, and the points of the line chart the
    // series gets as the Summary's one series, which draws all 25 years
    assert_eq!(report.notes.len(), 25);
    // one unit: millions of USD in the header, bare numbers in the cells (2000: 1
    // million; 2024: 1 + 24 = 25 million)
    assert_eq!(figures.columns[7].header(), "figure (million USD)");
    assert_eq!(figures.rows[0][7], Cell::Text("1".into()));
    assert_eq!(figures.rows[12][7], Cell::Text("25".into()));
    // the hidden value column keeps the full value
    assert_eq!(figures.rows[12][8], Cell::Number(25e6));
    // the page right-aligns the column and says below the table what it leaves out
    let html = report.to_html();
    assert!(html.contains("<th class=\"figure\">figure (million USD)</th>"));
    assert!(html.contains("<td class=\"figure\">25</td>"));
    assert!(html.contains("<p class=\"table-footnote\">Listed: each series&#39; latest 10"));
    assert!(report.to_markdown().contains("| figure (million USD) |"));
    Ok(())
}

#[test]
fn a_table_of_figures_in_several_units_keeps_each_figure_s_unit() {
    // the built-in trade section: USD, and wheat exports in tonnes
    let report = demo_report();
    let figures = &report.sections[0].tables[0];
    assert_eq!(figures.columns[7].unit, None);
    assert!(!figures.columns[7].numeric);
    let shown: Vec<&Cell> = figures.rows.iter().map(|r| &r[7]).collect();
    assert!(shown.contains(&&Cell::Text("570,400 t".into())));
    assert!(shown.contains(&&Cell::Text("$547.6 million".into())));
}

#[test]
fn table_periods_sets_how_many_latest_periods_a_table_lists() -> bilateral::Result<()> {
    let store = yearly_products(1);
    let three = store.report_with("GEO", "ARM", &ReportOptions::default().table_periods(3))?;
    // 2022, 2023, 2024 and the cited 2000, 2001 and 2002
    assert_eq!(
        table_periods(&three.sections[0].tables[0]),
        ["2000", "2001", "2002", "2022", "2023", "2024"]
    );
    let all = store.report_with(
        "GEO",
        "ARM",
        &ReportOptions::default().table_periods(usize::MAX),
    )?;
    assert_eq!(all.sections[0].tables[0].rows.len(), 25);
    assert_eq!(all.sections[0].tables[0].footnote, None);
    Ok(())
}

#[test]
fn the_full_record_holds_every_figure_and_the_appendix_file_reads_back() -> bilateral::Result<()> {
    let store = yearly_products(30);
    let report = store.report("GEO", "ARM")?;
    // 30 products × 25 years
    assert_eq!(report.figures.len(), 750);
    // not in the JSON
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert!(json.get("figures").is_none());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("appendix.csv");
    assert_eq!(report.write_appendix(&path)?, 750);
    let mut fresh = Store::in_memory()?;
    fresh.add_indicator(&indicator(
        "trade",
        "Trade",
        "USD",
        Kind::Flow,
        false,
        Topic::TRADE,
    ))?;
    let summary = fresh.import_csv(&path, &Default::default())?;
    assert_eq!(summary.written, 750);
    assert_eq!(fresh.observation_count()?, 750);
    assert_eq!(
        fresh.observations(&ObservationFilter::default())?,
        store.observations(&ObservationFilter::default())?
    );
    Ok(())
}

#[test]
fn fifty_thousand_figures_make_tables_of_a_few_hundred_rows() -> bilateral::Result<()> {
    // 2,000 products × 25 years = 50,000 figures
    let report = yearly_products(2_000).report("GEO", "ARM")?;
    assert_eq!(report.figures.len(), 50_000);
    let rows = |title: &str| -> usize {
        report
            .sections
            .iter()
            .flat_map(|s| &s.tables)
            .filter(|t| t.title == title)
            .map(|t| t.rows.len())
            .sum()
    };
    // the ten largest products (p1990 … p1999) named, each with 2015 … 2024 and the
    // 2000 and 2001 its sentences cite (the long run, the largest change): 10 × 12 = 120
    assert_eq!(rows("Figures"), 120);
    // the appendix: those ten again (120 rows) and the 50 next largest (p1940 … p1989),
    // 10 years each: 120 + 50 × 10 = 620 rows
    assert_eq!(rows("Figures by product"), 620);
    let appendix = &report.sections.last().unwrap().tables[0];
    // left out: 1,940 smaller products × 25 years = 48,500 figures, and 15 earlier
    // years of the 50 listed others (750) and 13 of the ten named (130): 880
    let footnote = appendix.footnote.as_deref().unwrap();
    assert!(
        footnote.contains("Not listed here: 880 earlier figures of 60 series."),
        "{footnote}"
    );
    assert!(
        footnote
            .contains("Products not listed here: Trade, 1,940 smaller products (48,500 figures)."),
        "{footnote}"
    );
    Ok(())
}

/// A store of exports from Austria to Germany in 2023, each figure `(product, value,
/// source)`, the sources "imf" (which the series keeps of a period both give: both
/// actual, "imf" the first source) and "un-comtrade".
fn exports_from_two_sources(figures: &[(&str, f64, &str)]) -> Store {
    let mut store = Store::in_memory().unwrap();
    for id in ["imf", "un-comtrade"] {
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
    for &(product, value, source) in figures {
        let mut obs = NewObservation::new("exports", "AUT", "DEU", "2023", value);
        obs.product = Some(product.to_owned());
        obs.source = Some(source.to_owned());
        store.add(&obs).unwrap();
    }
    store
}

#[test]
fn a_products_share_is_of_the_total_its_own_source_gives() {
    // The series of totals keeps the IMF's $1,000 (both actual, the first source), but
    // the share of the UN Comtrade line takes UN Comtrade's own total:
    // 2,500 / 10,000 = 25 % (not 2,500 / 1,000 = 250 %).
    let store = exports_from_two_sources(&[
        ("total", 1_000.0, "imf"),
        ("total", 10_000.0, "un-comtrade"),
        ("0101", 2_500.0, "un-comtrade"),
    ]);
    let report = store.report("AUT", "DEU").unwrap();
    let share = sentence(&report, "trade", "made up");
    assert_eq!(
        share.text,
        "HS 0101 made up 25 % of exports from Austria to Germany in 2023."
    );
}

#[test]
fn a_part_larger_than_its_whole_is_not_said_as_a_share() {
    // 2,500 / 1,000 = 250 %: two sources' figures, not a share.
    let store =
        exports_from_two_sources(&[("total", 1_000.0, "imf"), ("0101", 2_500.0, "un-comtrade")]);
    let report = store.report("AUT", "DEU").unwrap();
    assert!(
        all_sentences(&report)
            .iter()
            .all(|s| !s.text.contains("made up")),
        "{:#?}",
        all_sentences(&report)
    );
}

#[test]
fn a_sum_of_months_with_an_estimate_in_it_says_so_and_is_not_measured() {
    let mut store = Store::in_memory().unwrap();
    for (period, value, status) in [
        ("2024-01", 1_000.0, "actual"),
        ("2024-02", 2_000.0, "estimate"),
    ] {
        let mut obs = NewObservation::new("exports", "AUT", "DEU", period, value);
        obs.status = Some(status.to_owned());
        store.add(&obs).unwrap();
    }
    let report = store.report("AUT", "DEU").unwrap();
    // 1,000 + 2,000 = 3,000, of which February's 2,000 is an estimate.
    sentence(
        &report,
        "trade",
        "In January–February 2024 they came to $3,000 (in part an estimate).",
    );
    // February's figure was worked out, not measured: January is the latest measured.
    assert!(
        report
            .to_markdown()
            .contains("The most recent measured figures are for January 2024;"),
        "{}",
        report.to_markdown()
    );
}

#[test]
fn a_share_of_an_estimated_part_says_it_comes_from_an_estimate() {
    let mut store = exports_from_two_sources(&[("total", 10_000.0, "imf")]);
    let mut part = NewObservation::new("exports", "AUT", "DEU", "2023", 2_500.0);
    part.product = Some("0101".to_owned());
    part.source = Some("imf".to_owned());
    part.status = Some("estimate".to_owned());
    store.add(&part).unwrap();
    let report = store.report("AUT", "DEU").unwrap();
    // 2,500 / 10,000 = 25 %, the 2,500 an estimate.
    sentence(
        &report,
        "trade",
        "HS 0101 made up 25 % of exports from Austria to Germany in 2023 (from an estimate).",
    );
}
