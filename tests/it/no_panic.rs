//! No value or period a store can hold makes growth, the report (Markdown, HTML,
//! JSON) or the summary panic: subnormal, huge and extreme floats, years at both ends
//! of what a date can be, and charts over thousands of years, which stay small.
//!
//! The property test builds stores of random figures; `PROPTEST_CASES` raises its
//! count (CI runs the default of this file).

use bilateral::{summary, Indicator, Kind, NewObservation, SeriesFilter, Store};
use proptest::prelude::*;
use tempfile::TempDir;

/// Everything a user can ask of a store's figures, each allowed to fail but not to
/// panic; the rendered texts, so that a test can look at them.
fn everything(store: &Store) -> Vec<String> {
    let _ = store.growth(&SeriesFilter::series("cargo", "GEO", "ARM"));
    let _ = store.growth_of_every(&SeriesFilter::default());
    let mut texts = Vec::new();
    if let Ok(text) = summary(store) {
        texts.push(text);
    }
    if let Ok(report) = store.report("GEO", "ARM") {
        texts.push(report.to_markdown());
        texts.push(report.to_html());
        texts.push(report.to_json());
    }
    texts
}

/// A figure from Georgia to Armenia: period, value, qualifier, low and high.
type Figure<'a> = (&'a str, f64, &'a str, Option<f64>, Option<f64>);

/// A store with a directed flow `cargo` (t) and `figures` of it.
fn store_of(figures: &[Figure]) -> Store {
    let mut store = Store::in_memory().unwrap();
    fill(&mut store, figures);
    store
}

fn fill(store: &mut Store, figures: &[Figure]) {
    store
        .add_indicator(&Indicator::new("cargo", "Cargo", "t", Kind::Flow, true))
        .unwrap();
    for &(period, value, qualifier, low, high) in figures {
        let mut obs = NewObservation::new("cargo", "GEO", "ARM", period, value);
        obs.qualifier = Some(qualifier.to_owned());
        obs.low = low;
        obs.high = high;
        // Values the store refuses (out of bounds, say) are simply not there.
        let _ = store.add(&obs);
    }
}

/// A file store holding `figures`, whose stored days are then moved to the Julian days
/// `moved` (start, end) in the order the figures were given, as a damaged or
/// hand-edited file would hold them: the period grammar itself stops at 1000–9999.
fn file_store_with_days(dir: &TempDir, figures: &[(&str, f64)], moved: &[(i32, i32)]) -> Store {
    let path = dir.path().join("days.db");
    {
        let mut store = Store::open(&path).unwrap();
        let rows: Vec<_> = figures
            .iter()
            .map(|&(p, v)| (p, v, "exact", None, None))
            .collect();
        fill(&mut store, &rows);
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let stored: Vec<(i32, i32)> = conn
        .prepare("SELECT start_day, end_day FROM observation ORDER BY start_day")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (was, (start, end)) in stored.iter().zip(moved) {
        // Two figures moved onto the same days are one figure twice: the second stays.
        let _ = conn.execute(
            "UPDATE observation SET start_day = ?1, end_day = ?2
              WHERE start_day = ?3 AND end_day = ?4",
            (start, end, was.0, was.1),
        );
    }
    drop(conn);
    Store::open(&path).unwrap()
}

/// The Julian day of 1 January of `year`, and of 31 December.
fn year_days(year: i32) -> (i32, i32) {
    let first = time::Date::from_calendar_date(year, time::Month::January, 1).unwrap();
    let last = time::Date::from_calendar_date(year, time::Month::December, 31).unwrap();
    (first.to_julian_day(), last.to_julian_day())
}

#[test]
fn every_extreme_finite_value_reads_as_text() {
    for value in [
        1e-310,
        f64::MIN_POSITIVE * f64::EPSILON, // the smallest subnormal
        f64::MIN_POSITIVE,
        1e308,
        f64::MAX,
        1e-300,
        123_456_789e300,
    ] {
        let store = store_of(&[
            ("2023", value, "exact", None, None),
            ("2024", value, "over", None, None),
        ]);
        let texts = everything(&store);
        assert_eq!(texts.len(), 4, "{value:e}: summary and three renderings");
        for text in &texts {
            assert!(!text.contains("NaN") && !text.contains("inf"), "{value:e}");
        }
    }
}

#[test]
fn a_subnormal_figure_is_written_out_in_full() {
    // 1e-310 has 310 decimals; the summary writes them all rather than failing
    let store = store_of(&[("2024", 1e-310, "exact", None, None)]);
    let text = summary(&store).unwrap();
    assert!(
        text.contains(&format!("0.{}1 t", "0".repeat(309))),
        "{text}"
    );
}

#[test]
fn figures_at_both_ends_of_the_calendar_read_without_panic() {
    let dir = TempDir::new().unwrap();
    let (min_first, min_last) = year_days(-9999);
    let (max_first, max_last) = year_days(9999);
    let store = file_store_with_days(
        &dir,
        &[("2020", 1.0), ("2021", 2.0), ("2022", 3.0), ("2023", 4.0)],
        &[
            (min_first, min_last),
            (max_first, max_last),
            // a single day at each end, and the months at each end
            (min_first, min_first),
            (max_last - 30, max_last),
        ],
    );
    let texts = everything(&store);
    assert_eq!(texts.len(), 4);
    // growth has no year before −9999 to compare with, and says so by leaving it out
    let rows = store
        .growth(&SeriesFilter::series("cargo", "GEO", "ARM"))
        .unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.base_period.is_none()));
}

#[test]
fn a_chart_over_twenty_thousand_years_stays_small() {
    let dir = TempDir::new().unwrap();
    let store = file_store_with_days(
        &dir,
        &[("2020", 1.0), ("2021", 2.0), ("2022", 3.0)],
        &[year_days(-9999), year_days(0), year_days(9999)],
    );
    let report = store.report("GEO", "ARM").unwrap();
    let svgs: Vec<String> = report
        .sections
        .iter()
        .flat_map(|s| s.charts.iter())
        .map(bilateral::render::chart_svg)
        .collect();
    assert!(!svgs.is_empty(), "the series is drawn");
    for svg in svgs {
        // the axis has at most a handful of year labels, not one per year
        let labels = svg.matches("text-anchor=\"middle\"").count();
        assert!(labels <= 12, "{labels} labels");
        assert!(svg.len() < 20_000, "{} bytes", svg.len());
    }
}

/// A float from anywhere in the range: subnormals, the smallest normals, everyday
/// figures, and the largest, either sign.
fn any_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        (1u64..(1 << 52)).prop_map(f64::from_bits), // subnormal
        Just(f64::MIN_POSITIVE),
        Just(f64::MAX),
        (-310i32..=308, 1.0f64..10.0).prop_map(|(e, m)| m * 10f64.powi(e)),
        (0.0f64..1e9),
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
    ]
}

/// A period in the grammar, at everyday or extreme years, of every form.
fn any_period() -> impl Strategy<Value = String> {
    let year = prop_oneof![
        Just(1000),
        Just(1001),
        Just(9998),
        Just(9999),
        2000i32..2030
    ];
    (year, 0u8..7, 1u8..=12, 1u8..=28, 0i32..3).prop_map(|(y, form, m, d, span)| {
        let y2 = (y + span).min(9999);
        match form {
            0 => format!("{y}"),
            1 => format!("{y}-H{}", 1 + m % 2),
            2 => format!("{y}-Q{}", 1 + m % 4),
            3 => format!("{y}-{m:02}"),
            4 => format!("{y}-{m:02}-{d:02}"),
            5 => format!("{y}-{m:02}/{y2}-12"),
            _ => format!("{y}-{m:02}-{d:02}/{y2}-12-31"),
        }
    })
}

/// A figure: a period, a value, a qualifier, and sometimes bounds around the value.
fn any_figure() -> impl Strategy<Value = (String, f64, &'static str, Option<(f64, f64)>)> {
    (
        any_period(),
        any_value(),
        prop::sample::select(vec!["exact", "approx", "over", "nearly", "under"]),
        prop::option::of((any_value(), any_value())),
    )
        .prop_map(|(p, v, q, b)| {
            let bounds = b.map(|(x, y)| (v - x.abs(), v + y.abs()));
            (p, v, q, bounds)
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_stored_figure_makes_a_reading_panic(figures in prop::collection::vec(any_figure(), 1..12)) {
        let rows: Vec<_> = figures
            .iter()
            .map(|(p, v, q, b)| (p.as_str(), *v, *q, b.map(|b| b.0), b.map(|b| b.1)))
            .collect();
        let store = store_of(&rows);
        everything(&store);
    }

    #[test]
    fn no_stored_day_makes_a_reading_panic(
        days in prop::collection::vec(
            prop_oneof![
                (-1_930_999i32..-1_930_000, 0i32..400),
                (5_373_000i32..5_373_484, 0i32..400),
                (-1_930_999i32..5_373_484, 0i32..800_000),
            ],
            1..5,
        )
    ) {
        let dir = TempDir::new().unwrap();
        let max = year_days(9999).1;
        let moved: Vec<(i32, i32)> = days.iter().map(|&(s, len)| (s, (s + len).min(max))).collect();
        let figures: Vec<(&str, f64)> = ["2020", "2021", "2022", "2023", "2024"]
            .iter()
            .zip([1.0, 2.0, 1e-310, 4.0, 5.0])
            .map(|(p, v)| (*p, v))
            .collect();
        let store = file_store_with_days(&dir, &figures, &moved);
        everything(&store);
    }
}
