//! The report's renderings: HTML that is self-contained, balanced and escaped, with a
//! chart per SVG and a target per note link; Markdown tables whose rows are whole; a
//! page that reads on a phone and in a notebook (tables in boxes that scroll, styles
//! and ids scoped by report, periods in words, gaps in lines, wrapped timeline labels).

use crate::common::*;
use bilateral::report::{Cell, ChartKind, Report};
use bilateral::{render::chart_svg, Kind, NewEvent, NewObservation, Store, Topic};

// ----- 4. HTML ----------------------------------------------------------------------------------

#[test]
fn the_tag_checker_rejects_crossed_and_unclosed_tags() {
    assert!(check_tags("<div><p>a<em>b</em></p><line x1=\"0\"/></div>").is_ok());
    assert!(check_tags("<p><em>a</p></em>").is_err());
    assert!(check_tags("<section><h2>a</h2>").is_err());
    assert!(check_tags("</td>").is_err());
}

#[test]
fn demo_html_is_self_contained() {
    let report = demo_report();
    let html = report.to_html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_self_contained(&html);
    assert_self_contained(&report.to_html_fragment());
}

#[test]
fn demo_html_has_one_svg_per_chart() {
    let report = demo_report();
    // trade turnover line (1); companies and cumulative investment both ways (2); cargo
    // progress and line, containers progress, oil transit line (4); a line for tourists
    // each way, both Summary lines (2022 and 2024), and tourists both ways (3); timeline
    // (1): 1 + 2 + 4 + 3 + 1 = 11
    assert_eq!(chart_count(&report), 11);
    assert_eq!(report.to_html().matches("<svg").count(), 11);
}

#[test]
fn demo_html_note_links_all_have_targets() {
    let report = demo_report();
    let html = report.to_html();
    let id = report.html_id();
    let links = numbered(&html, &format!("href=\"#{id}-note-"));
    let targets = numbered(&html, &format!("id=\"{id}-note-"));
    assert!(!links.is_empty());
    for n in &links {
        assert!(targets.contains(n), "#note-{n} has no target");
    }
    // one target per note, each once, in order
    let expected: Vec<usize> = (1..=report.notes.len()).collect();
    assert_eq!(targets, expected);
}

#[test]
fn demo_html_tags_are_balanced() {
    let report = demo_report();
    check_tags(&report.to_html()).expect("balanced page");
    check_tags(&report.to_html_fragment()).expect("balanced fragment");
}

#[test]
fn synthetic_html_is_balanced_self_contained_and_has_its_charts() {
    let report = synthetic_report();
    let html = report.to_html();
    check_tags(&html).expect("balanced page");
    assert_self_contained(&html);
    // trade line; rail cargo progress and line; visitors both ways; timeline
    assert_eq!(chart_count(&report), 5);
    assert_eq!(html.matches("<svg").count(), 5);
    let id = report.html_id();
    let links = numbered(&html, &format!("href=\"#{id}-note-"));
    assert!(!links.is_empty());
    for n in links {
        assert!(
            html.contains(&format!("id=\"{id}-note-{n}\"")),
            "#note-{n} has no target"
        );
    }
}

#[test]
fn special_characters_in_titles_and_quotes_are_escaped_in_html() {
    let html = synthetic_report().to_html();
    for raw in [
        "<monthly>",
        "<agreement>",
        "<a record>",
        "<more>",
        "\"links\"",
        "\"annual\"",
    ] {
        assert!(!html.contains(raw), "{raw:?} is not escaped");
    }
    // the source title in the sources list
    assert!(html.contains("Bulletin &lt;monthly&gt; &amp; &quot;annual&quot; review"));
    // the event title in the timeline table and chart
    assert!(html.contains("<td>Rail &amp; road &quot;links&quot; &lt;agreement&gt; signed</td>"));
    // the quote of a figure in its note
    assert!(
        html.contains("<q>Turnover hit &quot;$150 million&quot; &lt;a record&gt; &amp; more</q>")
    );
    check_tags(&html).expect("balanced page");
}

// ----- 4b. On a phone and in a notebook --------------------------------------------------------

#[test]
fn every_table_sits_in_a_box_that_scrolls_sideways() {
    for report in [demo_report(), synthetic_report()] {
        let html = report.to_html();
        let tables: usize = report.sections.iter().map(|s| s.tables.len()).sum();
        assert!(tables > 0);
        assert_eq!(html.matches("<table").count(), tables);
        assert_eq!(
            html.matches("<div class=\"table-scroll\">\n<table").count(),
            tables
        );
        let id = report.html_id();
        assert!(html.contains(&format!("#{id} .table-scroll {{ overflow-x: auto;")));
    }
}

/// Every `id="…"` of `html`, in order.
fn ids(html: &str) -> Vec<&str> {
    html.match_indices(" id=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').expect("a closed id")]
        })
        .collect()
}

/// Every `href="#…"` of `html`, without the `#`.
fn links(html: &str) -> Vec<&str> {
    html.match_indices("href=\"#")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').expect("a closed href")]
        })
        .collect()
}

#[test]
fn two_reports_in_one_page_keep_their_ids_and_links_apart() {
    let (demo, synthetic) = (demo_report(), synthetic_report());
    assert_ne!(demo.html_id(), synthetic.html_id());
    // the same report, rendered again, keeps its id; shown twice, each copy has its own
    assert_eq!(demo.html_id(), demo_report().html_id());
    let fragments = [
        (demo.html_id(), demo.to_html_fragment()),
        (synthetic.html_id(), synthetic.to_html_fragment()),
        (
            format!("{}-1", demo.html_id()),
            demo.to_html_fragment_instance(1),
        ),
        (
            format!("{}-2", demo.html_id()),
            demo.to_html_fragment_instance(2),
        ),
    ];
    let page: String = fragments.iter().map(|(_, f)| f.as_str()).collect();
    let mut every: Vec<&str> = ids(&page);
    let count = every.len();
    every.sort_unstable();
    every.dedup();
    assert_eq!(every.len(), count, "an id is used twice in the page");
    for (id, fragment) in &fragments {
        let own = ids(fragment);
        assert_eq!(own[0], id.as_str());
        assert!(own
            .iter()
            .all(|i| *i == id || i.starts_with(&format!("{id}-"))));
        // each link goes to a note of the same fragment
        let targets = links(fragment);
        assert!(!targets.is_empty());
        for target in targets {
            assert!(own.contains(&target), "{target} is not in its own report");
        }
    }
}

/// The selectors of a style sheet, each of a comma-separated list on its own, at-rules
/// (`@media …`) left out.
fn selectors(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in css.char_indices() {
        match c {
            '{' => {
                let selector = css[start..i].trim();
                if !selector.starts_with('@') {
                    out.extend(selector.split(',').map(|s| s.trim().to_owned()));
                }
                start = i + 1;
            }
            '}' => start = i + 1,
            _ => {}
        }
    }
    out
}

#[test]
fn the_styles_reach_only_into_their_own_report_and_align_cells_left() {
    let report = synthetic_report();
    let html = report.to_html_fragment();
    let id = report.html_id();
    let css = &html[html.find("<style>").unwrap() + 7..html.find("</style>").unwrap()];
    let all = selectors(css);
    assert!(all.len() > 10);
    for selector in &all {
        assert!(
            selector == &format!("#{id}") || selector.starts_with(&format!("#{id} ")),
            "{selector:?} is not scoped to the report"
        );
    }
    // an id selector (1,0,1) outranks JupyterLab's right-aligning
    // `:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td` (0,2,1)
    assert!(css.contains(&format!("#{id} th, #{id} td {{")));
    let cells = &css[css.find(&format!("#{id} th, #{id} td {{")).unwrap()..];
    assert!(cells[..cells.find('}').unwrap()].contains("text-align: left"));
    // the phone rule is scoped too
    assert!(css.contains(&format!("@media (max-width: 480px) {{ #{id} {{")));
}

/// A store for Georgia and Armenia with an undirected `trade` (USD) of the trade topic.
fn trade_store(figures: &[(&str, f64)]) -> Store {
    let mut store = Store::in_memory().expect("a store in memory");
    store
        .add_indicator(&indicator(
            "trade",
            "Trade",
            "USD",
            Kind::Flow,
            false,
            Topic::TRADE,
        ))
        .expect("indicator");
    for &(period, value) in figures {
        store
            .add(&NewObservation::new("trade", "GEO", "ARM", period, value))
            .expect("figure");
    }
    store
}

#[test]
fn a_line_chart_leaves_a_gap_for_missing_years() {
    // 2020, 2021, then nothing until 2024: the line joins 2020 to 2021, then lifts
    let report = trade_store(&[("2020", 100.0), ("2021", 120.0), ("2024", 150.0)])
        .report("GEO", "ARM")
        .expect("report");
    let chart = report.sections[0]
        .charts
        .iter()
        .find(|c| c.kind == ChartKind::Series)
        .expect("a line chart of trade");
    let gaps: Vec<bool> = chart.series[0]
        .points
        .iter()
        .map(|p| p.gap_before)
        .collect();
    assert_eq!(gaps, [false, false, true]);
    let svg = chart_svg(chart);
    let d = &svg[svg.find("<path d=\"").unwrap() + 9..];
    let d = &d[..d.find('"').unwrap()];
    // the pen goes down at 2020, draws to 2021, and goes down again at 2024
    let pens: Vec<char> = d
        .split(' ')
        .map(|step| step.chars().next().unwrap())
        .collect();
    assert_eq!(pens, ['M', 'L', 'M']);
    // three years in a row join without a gap
    let joined = trade_store(&[("2020", 100.0), ("2021", 120.0), ("2022", 150.0)])
        .report("GEO", "ARM")
        .expect("report");
    let line = &joined.sections[0].charts[0].series[0];
    assert!(line.points.iter().all(|p| !p.gap_before));
}

/// The cells of column `name` of a table.
fn column<'a>(table: &'a bilateral::report::Table, name: &str) -> Vec<&'a Cell> {
    let i = table
        .columns
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    table.rows.iter().map(|row| &row[i]).collect()
}

fn text(cell: &Cell) -> &str {
    match cell {
        Cell::Text(t) => t,
        other => panic!("{other:?} is not text"),
    }
}

fn texts(cells: Vec<&Cell>) -> Vec<&str> {
    cells.into_iter().map(text).collect()
}

#[test]
fn tables_write_periods_in_words_and_keep_the_code_for_data_frames() {
    let mut store = trade_store(&[("2024-01/2024-08", 100.0), ("2025-01/2025-08", 120.0)]);
    store
        .add_event(&NewEvent {
            date: "2025-05-17".to_owned(),
            a: "GEO".to_owned(),
            b: "ARM".to_owned(),
            kind: "signing".to_owned(),
            title: "Transit agreement signed".to_owned(),
            ..NewEvent::default()
        })
        .expect("event");
    let report: Report = store.report("GEO", "ARM").expect("report");
    let trade = &report.sections[0];
    let figures = &trade.tables[0];
    assert_eq!(
        texts(column(figures, "period")),
        ["Jan–Aug 2024", "Jan–Aug 2025"]
    );
    assert_eq!(
        texts(column(figures, "period code")),
        ["2024-01/2024-08", "2025-01/2025-08"]
    );
    let code = figures.columns.iter().find(|c| c.name == "period code");
    assert!(!code.unwrap().visible, "the code is for data frames only");
    // growth: January–August 2025 on January–August 2024
    let growth = &trade.tables[1];
    assert_eq!(texts(column(growth, "period")), ["Jan–Aug 2025"]);
    assert_eq!(texts(column(growth, "base period")), ["Jan–Aug 2024"]);
    assert_eq!(
        texts(column(growth, "base period code")),
        ["2024-01/2024-08"]
    );
    let timeline = report
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .find(|t| t.title == "Timeline")
        .expect("a timeline table");
    assert_eq!(texts(column(timeline, "date")), ["17 May 2025"]);
    assert_eq!(texts(column(timeline, "date code")), ["2025-05-17"]);
    // the page shows the words, never the code, in a cell
    let html = report.to_html();
    assert!(html.contains("<td>Jan–Aug 2025</td>"));
    assert!(html.contains("<td>17 May 2025</td>"));
    assert!(!html.contains("<td>2025-01/2025-08</td>"));
    assert!(!report.to_markdown().contains("| 2025-01/2025-08 |"));
}

#[test]
fn a_long_event_title_wraps_inside_the_timeline_chart() {
    let title = "Ministers of transport sign a memorandum on the joint development of \
                 the rail corridor between the Black Sea ports and the southern border, \
                 with a working group to meet every quarter";
    let mut store = Store::in_memory().expect("a store in memory");
    for (date, title) in [("2024-05-26", title), ("2025", "Short event")] {
        store
            .add_event(&NewEvent {
                date: date.to_owned(),
                a: "GEO".to_owned(),
                b: "ARM".to_owned(),
                kind: "signing".to_owned(),
                title: title.to_owned(),
                ..NewEvent::default()
            })
            .expect("event");
    }
    let report = store.report("GEO", "ARM").expect("report");
    let chart = report
        .sections
        .iter()
        .flat_map(|s| &s.charts)
        .find(|c| c.kind == ChartKind::Timeline)
        .expect("a timeline");
    let svg = chart_svg(chart);
    assert!(svg.contains("viewBox=\"0 0 440 "));
    // The titles start at 14 + 110 + 14 = 138 and end 14 before 440: 288 units, at
    // 13 × 0.58 = 7.54 a character 38 characters a line.
    let events = &svg[svg.find("<circle").unwrap()..];
    let lines: Vec<String> = events
        .split("<text")
        .skip(1)
        .flat_map(|t| {
            let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
            body.split("<tspan")
                .map(|part| {
                    let words = part.split_once('>').map_or(part, |(_, w)| w);
                    words.replace("</tspan>", "")
                })
                .filter(|line| !line.trim().is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    for line in &lines {
        assert!(
            line.trim().chars().count() <= 38,
            "{line:?} runs past the edge"
        );
    }
    // nothing is cut: every word of the title is drawn, in order
    let drawn = lines.join(" ");
    let drawn: Vec<&str> = drawn.split_whitespace().collect();
    let words: Vec<&str> = title.split_whitespace().collect();
    let start = drawn.iter().position(|w| *w == "Ministers").unwrap();
    assert_eq!(drawn[start..start + words.len()], words[..]);
    // the long title takes 5 lines (124 characters at 38 a line, with the date);
    // the second event's text starts below the last of them
    let ys: Vec<f64> = svg
        .match_indices("<text x=\"138.0\" y=\"")
        .map(|(i, m)| {
            let rest = &svg[i + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert_eq!(ys.len(), 2);
    let first_lines = lines.iter().take_while(|l| !l.contains("Short")).count();
    assert!(ys[1] - ys[0] >= first_lines as f64 * 17.0);
}

// ----- 5. Markdown tables -----------------------------------------------------------------------

#[test]
fn demo_markdown_table_rows_have_as_many_cells_as_their_header() {
    assert_md_tables_whole(&demo_report());
}

#[test]
fn synthetic_markdown_table_rows_have_as_many_cells_as_their_header() {
    let report = synthetic_report();
    assert_md_tables_whole(&report);
    // the place "Tbilisi | Yerevan" is escaped, not a cell boundary
    assert!(report.to_markdown().contains("Tbilisi \\| Yerevan"));
}

#[test]

fn a_line_break_in_an_event_title_keeps_the_markdown_row_whole() {
    let mut store = Store::in_memory().expect("a store in memory");
    store
        .add_event(&NewEvent {
            date: "2024-05-26".to_owned(),
            a: "GEO".to_owned(),
            b: "ARM".to_owned(),
            kind: "signing".to_owned(),
            title: "Rail agreement\nsigned in Tbilisi".to_owned(),
            ..NewEvent::default()
        })
        .expect("event");
    let report = store.report("GEO", "ARM").expect("report");
    assert_md_tables_whole(&report);
}

// ----- tooltips ---------------------------------------------------------------------------------

/// Georgia and Armenia with freight towards a target (a run rate to derive) and firms
/// both ways, one of them "nearly 150".
fn tooltip_store() -> Store {
    use bilateral::{Kind, Topic};
    let mut store = Store::in_memory().expect("a store in memory");
    for i in [
        indicator(
            "freight",
            "Freight",
            "t",
            Kind::Flow,
            false,
            Topic::TRANSPORT,
        ),
        indicator(
            "firms",
            "Firms",
            "count",
            Kind::Stock,
            true,
            Topic::INVESTMENT,
        ),
    ] {
        store.add_indicator(&i).expect("indicator");
    }
    for obs in [
        figure(
            "freight",
            "GEO",
            "ARM",
            "2024",
            3_100_000.0,
            "exact",
            "actual",
        ),
        figure(
            "freight",
            "GEO",
            "ARM",
            "2025-01/2025-07",
            1_300_000.0,
            "exact",
            "actual",
        ),
        figure(
            "freight",
            "GEO",
            "ARM",
            "2025",
            3_500_000.0,
            "exact",
            "target",
        ),
        figure("firms", "GEO", "ARM", "2024", 150.0, "nearly", "actual"),
        figure("firms", "ARM", "GEO", "2024", 40.0, "exact", "actual"),
    ] {
        // the figures without a source: the tooltips are what is tested here
        store
            .add(&NewObservation {
                source: None,
                ..obs
            })
            .expect("observation");
    }
    store
}

/// The texts of the `<title>` elements inside chart marks (circles and rects).
fn mark_titles(svg: &str) -> Vec<String> {
    svg.split("><title>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</title>").map(|(t, _)| t.to_owned()))
        .collect()
}

#[test]
fn tooltips_write_a_figure_as_the_sentences_do() {
    let report = tooltip_store().report("GEO", "ARM").expect("report");
    let html = report.to_html();
    let titles = mark_titles(&html);
    // 1.3 million t × 12 / 7 = 2,228,571 t; 1.3 million has two significant digits, so
    // the run rate reads 2.2 million t, in the sentence and in the tooltip alike
    let freight = report
        .sections
        .iter()
        .flat_map(|s| &s.sentences)
        .find(|s| s.text.contains("the 2025 target is 3.5 million t"))
        .expect("the progress sentence");
    assert!(
        freight.text.contains("the year would reach 2.2 million t"),
        "{}",
        freight.text
    );
    assert!(
        titles.contains(&"run rate: 2.2 million t".to_owned()),
        "{titles:?}"
    );
    // "nearly 150" keeps its qualifier in the tooltip as in the sentence
    assert!(
        titles
            .iter()
            .any(|t| t.ends_with(": 2024: nearly 150 (note 4)") || t.contains("2024: nearly 150")),
        "{titles:?}"
    );
    // and every point's tooltip shows the text of a sentence of its section
    for section in &report.sections {
        for chart in section
            .charts
            .iter()
            .filter(|c| c.kind != ChartKind::Timeline)
        {
            for point in chart.series.iter().flat_map(|s| &s.points) {
                assert!(
                    section
                        .sentences
                        .iter()
                        .any(|s| s.text.contains(&point.text)),
                    "{:?} is in no sentence of {}",
                    point.text,
                    section.id
                );
                assert!(
                    titles
                        .iter()
                        .any(|t| t.contains(&format!("{}: {}", point.label, point.text))),
                    "no tooltip for {:?}",
                    point.text
                );
            }
        }
    }
}

// ----- worked reports, reviewed as snapshots -----------------------------------------------------

/// Compares `markdown` with the reviewed snapshot `tests/snapshots/{name}.md`. Any change
/// to a report's text fails here, and the diff is the review: read the new text, then
/// accept it with
/// `BILATERAL_UPDATE_SNAPSHOTS=1 cargo test --features parquet --test it render::snapshot`.
#[track_caller]
fn assert_snapshot(name: &str, markdown: &str) {
    let path = format!("{}/tests/snapshots/{name}.md", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("BILATERAL_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, markdown).expect("the snapshot is written");
        return;
    }
    let reviewed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{path}: {e}; write it with BILATERAL_UPDATE_SNAPSHOTS=1 and review it")
    });
    if reviewed != markdown {
        let line = reviewed
            .lines()
            .zip(markdown.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| reviewed.lines().count().min(markdown.lines().count()));
        let new_path = format!("{path}.new");
        std::fs::write(&new_path, markdown).expect("the new text is written");
        panic!(
            "the report {name} changed from line {}: {:?} is now {:?}; the whole new text is \
             in {new_path} (diff it with the snapshot, then accept it with \
             BILATERAL_UPDATE_SNAPSHOTS=1)",
            line + 1,
            reviewed.lines().nth(line).unwrap_or(""),
            markdown.lines().nth(line).unwrap_or("")
        );
    }
}

#[test]
fn snapshot_of_the_built_in_azerbaijan_kazakhstan_report() {
    assert_snapshot("azerbaijan-kazakhstan", &demo_report().to_markdown());
}

#[test]
fn snapshot_of_an_office_table_with_mirror_figures_quarters_a_missing_year_and_products() {
    let mut store = office_table();
    for (code, name) in [
        ("7202", "Ferro-alloys"),
        ("0802", "Other nuts, fresh or dried"),
        ("2603", "Copper ores and concentrates"),
        ("2204", "Wine of fresh grapes, including fortified wines"),
    ] {
        store.add_product(code, name).expect("a product name");
    }
    let report = store.report("GEO", "TUR").expect("the report");
    assert_snapshot("georgia-turkiye", &report.to_markdown());
}

#[test]
fn snapshot_of_a_product_level_un_comtrade_download() {
    // A real classic Comtrade file (../shared/realdata, see its SOURCES.md): Indonesia's
    // trade in HS 2402 with three partners, 1989–2020, H0 to H5.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/realdata/comtrade_classic_idn_cigarettes_2402.csv"
    );
    if !std::path::Path::new(path).exists() {
        eprintln!("skipped: {path} is absent (the real files are not part of the project)");
        return;
    }
    let mut store = Store::in_memory().expect("a store");
    store
        .import_comtrade_csv(path, &bilateral::files::ImportOptions::default())
        .expect("the file imports");
    let report = store.report("IDN", "USA").expect("the report");
    assert_snapshot("comtrade-indonesia-united-states", &report.to_markdown());
}
