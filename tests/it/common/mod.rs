//! Fixtures shared by the report, render, analysis and claims tests: the built-in
//! report, a fresh store with three made-up indicators, and a small synthetic
//! Georgia–Armenia pair whose figures the tests work out by hand.

// Each test crate uses its own share of these.
#![allow(dead_code)]

use bilateral::report::Report;
use bilateral::{Indicator, Kind, NewEvent, NewObservation, Source, Store, Topic};

pub fn demo_report() -> Report {
    Store::demo()
        .expect("the demo store opens")
        .report("AZE", "KAZ")
        .expect("the demo report builds")
}

/// A fresh store with a directed flow `visitors` (persons), an undirected flow `trade`
/// (USD) and a directed stock `firms` (count).
pub fn synthetic() -> Store {
    let mut store = Store::in_memory().unwrap();
    for indicator in [
        Indicator::new("visitors", "Visitors", "persons", Kind::Flow, true),
        Indicator::new("trade", "Trade", "USD", Kind::Flow, false),
        Indicator::new("firms", "Firms", "count", Kind::Stock, true),
    ] {
        store.add_indicator(&indicator).unwrap();
    }
    store
}

// ----- a synthetic pair -------------------------------------------------------------------------

pub const GEOSTAT_TITLE: &str = "Bulletin <monthly> & \"annual\" review";
pub const EVENT_TITLE: &str = "Rail & road \"links\" <agreement> signed";
pub const TURNOVER_QUOTE: &str = "Turnover hit \"$150 million\" <a record> & more";

pub fn indicator(
    code: &str,
    name: &str,
    unit: &str,
    kind: Kind,
    directed: bool,
    topic: Topic,
) -> Indicator {
    Indicator {
        topic,
        ..Indicator::new(code, name, unit, kind, directed)
    }
}

pub fn figure(
    indicator: &str,
    origin: &str,
    destination: &str,
    period: &str,
    value: f64,
    qualifier: &str,
    status: &str,
) -> NewObservation {
    let mut obs = NewObservation::new(indicator, origin, destination, period, value);
    obs.qualifier = Some(qualifier.to_owned());
    obs.status = Some(status.to_owned());
    obs.source = Some("geostat".to_owned());
    obs.quote = Some(format!("{indicator} {origin}-{destination} {period}"));
    obs
}

/// Georgia and Armenia: trade turnover 2022–2024 (undirected), rail cargo with a 2025
/// target and a first half of 2025, visitors in both directions in 2024, two events.
pub fn synthetic_store() -> Store {
    let mut store = Store::in_memory().expect("a store in memory");
    store
        .add_source(&Source {
            id: "geostat".to_owned(),
            title: GEOSTAT_TITLE.to_owned(),
            publisher: Some("Geostat".to_owned()),
            url: None,
            published: None,
        })
        .expect("source");
    for i in [
        indicator(
            "turnover",
            "Trade turnover",
            "USD",
            Kind::Flow,
            false,
            Topic::TRADE,
        ),
        indicator(
            "rail_cargo",
            "Rail cargo",
            "t",
            Kind::Flow,
            false,
            Topic::TRANSPORT,
        ),
        indicator(
            "visitors",
            "Visitors",
            "persons",
            Kind::Flow,
            true,
            Topic::PEOPLE,
        ),
    ] {
        store.add_indicator(&i).expect("indicator");
    }
    let mut turnover_2024 = figure(
        "turnover",
        "GEO",
        "ARM",
        "2024",
        150_000_000.0,
        "exact",
        "actual",
    );
    turnover_2024.quote = Some(TURNOVER_QUOTE.to_owned());
    for obs in [
        figure(
            "turnover",
            "GEO",
            "ARM",
            "2022",
            100_000_000.0,
            "exact",
            "actual",
        ),
        figure(
            "turnover",
            "GEO",
            "ARM",
            "2023",
            120_000_000.0,
            "exact",
            "actual",
        ),
        turnover_2024,
        figure(
            "rail_cargo",
            "GEO",
            "ARM",
            "2024",
            1_600_000.0,
            "exact",
            "actual",
        ),
        figure(
            "rail_cargo",
            "GEO",
            "ARM",
            "2025-01/2025-06",
            900_000.0,
            "exact",
            "actual",
        ),
        figure(
            "rail_cargo",
            "GEO",
            "ARM",
            "2025",
            2_000_000.0,
            "exact",
            "target",
        ),
        figure(
            "visitors", "GEO", "ARM", "2024", 30_000.0, "exact", "actual",
        ),
        // around 12,000: u = 1,000, bounds [11,500, 12,500]
        figure(
            "visitors", "ARM", "GEO", "2024", 12_000.0, "around", "actual",
        ),
    ] {
        store.add(&obs).expect("observation");
    }
    for (date, kind, title, place) in [
        ("2024-05-26", "signing", EVENT_TITLE, "Tbilisi | Yerevan"),
        ("2025-03", "meeting", "Prime ministers meet", "Yerevan"),
    ] {
        store
            .add_event(&NewEvent {
                date: date.to_owned(),
                a: "GEO".to_owned(),
                b: "ARM".to_owned(),
                kind: kind.to_owned(),
                title: title.to_owned(),
                place: Some(place.to_owned()),
                source: Some("geostat".to_owned()),
                quote: Some(format!("He said \"{title}\" & <more>")),
                note: None,
            })
            .expect("event");
    }
    store
}

pub fn synthetic_report() -> Report {
    synthetic_store()
        .report("GEO", "ARM")
        .expect("the synthetic report builds")
}

pub fn chart_count(report: &Report) -> usize {
    report.sections.iter().map(|s| s.charts.len()).sum()
}

// ----- HTML and Markdown checks -----------------------------------------------------------------

/// Elements whose opening and closing tags must balance; void elements and
/// self-closing SVG elements (`<line …/>`) are not among them.
pub const CHECKED_TAGS: [&str; 29] = [
    "html", "head", "body", "div", "section", "h1", "h2", "p", "ul", "ol", "li", "table",
    "caption", "thead", "tbody", "tr", "th", "td", "sup", "a", "figure", "svg", "text", "title",
    "q", "em", "strong", "style", "tspan",
];

/// Checks that the checked elements of `html` open and close in nested order.
pub fn check_tags(html: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after
            .find('>')
            .ok_or_else(|| format!("unterminated tag at {:?}", &after[..after.len().min(40)]))?;
        let tag = &after[..end];
        rest = &after[end + 1..];
        if tag.starts_with('!') || tag.ends_with('/') {
            continue;
        }
        let (closing, body) = match tag.strip_prefix('/') {
            Some(body) => (true, body),
            None => (false, tag),
        };
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !CHECKED_TAGS.contains(&name.as_str()) {
            continue;
        }
        if closing {
            match open.pop() {
                Some(top) if top == name => {}
                top => return Err(format!("</{name}> closes {top:?} (open: {open:?})")),
            }
        } else {
            open.push(name);
        }
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {open:?}"))
    }
}

/// The numbers N of every `{prefix}N"` in `html` (`href="#note-` or `id="note-`).
pub fn numbered(html: &str, prefix: &str) -> Vec<usize> {
    html.match_indices(prefix)
        .map(|(i, _)| {
            let digits: String = html[i + prefix.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits
                .parse()
                .unwrap_or_else(|_| panic!("{prefix} followed by a number"))
        })
        .collect()
}

/// Asserts the page loads nothing from elsewhere: no scripts, links, `src=` or URLs but
/// the SVG namespace.
#[track_caller]
pub fn assert_self_contained(html: &str) {
    assert!(!html.contains("<script"), "a script");
    assert!(!html.contains("<link"), "a link element");
    assert!(!html.contains("src="), "a src attribute");
    // A source's URL may be written out as text in the list of sources; nothing may be
    // fetched from one (an attribute or a CSS url()).
    let without_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for fetched in ["=\"http", "='http", "url(http", "url(\"http", "url('http"] {
        assert!(
            !without_namespace.contains(fetched),
            "a URL fetched: {fetched}"
        );
    }
}

/// Cells of a Markdown table row: its `|` not escaped by a backslash, less one.
pub fn md_cells(line: &str) -> usize {
    let mut bars: usize = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => bars += 1,
            _ => {}
        }
    }
    bars.saturating_sub(1)
}

/// The Markdown tables of `md`: runs of lines that start with `|`.
pub fn md_tables(md: &str) -> Vec<Vec<&str>> {
    let mut tables = Vec::new();
    let mut current = Vec::new();
    for line in md.lines() {
        if line.starts_with('|') {
            current.push(line);
        } else if !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tables.push(current);
    }
    tables
}

/// Asserts every Markdown table of the report has a header, a separator and rows of as
/// many cells as the header, one table per table of the report.
#[track_caller]
pub fn assert_md_tables_whole(report: &Report) {
    let md = report.to_markdown();
    let tables = md_tables(&md);
    let expected: Vec<_> = report
        .sections
        .iter()
        .flat_map(|s| s.tables.iter())
        .collect();
    assert_eq!(tables.len(), expected.len(), "Markdown tables:\n{md}");
    for (lines, table) in tables.iter().zip(expected) {
        let header = md_cells(lines[0]);
        let visible = table.columns.iter().filter(|c| c.visible).count();
        assert_eq!(header, visible, "header of {:?}: {}", table.title, lines[0]);
        // a column of figures is right-aligned
        let alignment: String = table
            .columns
            .iter()
            .filter(|c| c.visible)
            .map(|c| if c.numeric { "---:|" } else { "---|" })
            .collect();
        assert_eq!(lines[1], format!("|{alignment}"));
        assert_eq!(
            lines.len(),
            2 + table.rows.len(),
            "rows of {:?}",
            table.title
        );
        for line in lines {
            assert_eq!(md_cells(line), header, "cells of {line:?}");
            assert!(line.ends_with('|'), "row ends with |: {line:?}");
        }
    }
}

// ----- a generated pair: many products, twenty years of months ------------------------------------

/// Products of the generated pair's exports.
pub const PRODUCTS: usize = 800;

/// Georgia and Armenia as a statistics office would publish them:
/// - exports from Georgia to Armenia of `PRODUCTS` products `p000`…`p799`: in 2024 product
///   `p` is "about" 1,000 × (p + 1) USD with a precision of 1,000, so bounds ±500; in
///   2023 exactly 900 × (p + 1) USD;
/// - trade turnover (undirected) every month from January 2005 to November 2024: month
///   `k` of year `y` is 1,000,000 × (y − 2000) + 1,000 × k USD, exactly;
/// - visitors each way every month over the same months: 10,000 + 100 × k persons from
///   Georgia, 5,000 + 100 × k from Armenia;
/// - rail cargo (undirected) every quarter from 2005 to the third quarter of 2024:
///   quarter `q` of year `y` is 1,000 × (y − 2000) + 100 × q t.
pub fn generated_store() -> Store {
    let mut store = Store::in_memory().expect("a store in memory");
    for i in [
        indicator("exports", "Exports", "USD", Kind::Flow, true, Topic::TRADE),
        indicator(
            "turnover",
            "Trade turnover",
            "USD",
            Kind::Flow,
            false,
            Topic::TRADE,
        ),
        indicator(
            "visitors",
            "Visitors",
            "persons",
            Kind::Flow,
            true,
            Topic::PEOPLE,
        ),
        indicator(
            "rail_cargo",
            "Rail cargo",
            "t",
            Kind::Flow,
            false,
            Topic::TRANSPORT,
        ),
    ] {
        store.add_indicator(&i).expect("indicator");
    }
    let mut records = Vec::new();
    for p in 0..PRODUCTS {
        let mut latest =
            NewObservation::new("exports", "GEO", "ARM", "2024", 1_000.0 * (p + 1) as f64);
        latest.product = Some(format!("p{p:03}"));
        latest.qualifier = Some("about".to_owned());
        latest.precision = Some(1_000.0);
        let mut earlier =
            NewObservation::new("exports", "GEO", "ARM", "2023", 900.0 * (p + 1) as f64);
        earlier.product = Some(format!("p{p:03}"));
        records.extend([latest, earlier]);
    }
    for year in 2005..=2024 {
        let months = if year == 2024 { 11 } else { 12 };
        for k in 1..=months {
            let period = format!("{year}-{k:02}");
            let turnover = 1_000_000.0 * f64::from(year - 2000) + 1_000.0 * f64::from(k);
            records.push(NewObservation::new(
                "turnover", "GEO", "ARM", &period, turnover,
            ));
            records.push(NewObservation::new(
                "visitors",
                "GEO",
                "ARM",
                &period,
                10_000.0 + 100.0 * f64::from(k),
            ));
            records.push(NewObservation::new(
                "visitors",
                "ARM",
                "GEO",
                &period,
                5_000.0 + 100.0 * f64::from(k),
            ));
        }
        let quarters = if year == 2024 { 3 } else { 4 };
        for q in 1..=quarters {
            let cargo = 1_000.0 * f64::from(year - 2000) + 100.0 * f64::from(q);
            records.push(NewObservation::new(
                "rail_cargo",
                "GEO",
                "ARM",
                &format!("{year}-Q{q}"),
                cargo,
            ));
        }
    }
    let batch = bilateral::ObservationBatch::from_observations(&records);
    store
        .add_batch(&batch, bilateral::OnDuplicate::Error)
        .expect("the generated figures load");
    store
}

// ----- a statistics office's table ---------------------------------------------------------------

/// Georgia–Türkiye as two statistics offices tabulate it (`tests/data/georgia-turkiye.csv`,
/// figures made up in that shape): yearly exports each way 2015–2024 in thousand USD
/// with one decimal (Georgia's exports lack 2020), each side's imports as the other
/// office reports them, the first quarters of 2023 and 2024, four HS products and
/// tourist visits each way.
pub fn office_table() -> Store {
    let mut store = Store::in_memory().unwrap();
    for (id, publisher, title) in [
        (
            "geostat",
            "National Statistics Office of Georgia (Geostat)",
            "External merchandise trade of Georgia",
        ),
        (
            "turkstat",
            "Turkish Statistical Institute (TurkStat)",
            "Foreign trade statistics",
        ),
    ] {
        store
            .add_source(&Source {
                id: id.to_owned(),
                title: title.to_owned(),
                publisher: Some(publisher.to_owned()),
                url: None,
                published: None,
            })
            .unwrap();
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/georgia-turkiye.csv"
    );
    store
        .import_csv(path, &bilateral::files::ImportOptions::default())
        .unwrap();
    store
}
