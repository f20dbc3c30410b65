//! The report's renderings: HTML that is self-contained, balanced and escaped, with a
//! chart per SVG and a target per note link; Markdown tables whose rows are whole.

mod common;

use bilateral::report::ChartKind;
use bilateral::{NewEvent, NewObservation, Store};
use common::*;

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
    // trade turnover line; companies and cumulative investment both ways; cargo progress
    // and line, containers progress, oil transit line; tourists both ways; timeline
    assert_eq!(chart_count(&report), 9);
    assert_eq!(report.to_html().matches("<svg").count(), 9);
}

#[test]
fn demo_html_note_links_all_have_targets() {
    let report = demo_report();
    let html = report.to_html();
    let links = numbered(&html, "href=\"#note-");
    let targets = numbered(&html, "id=\"note-");
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
    for n in numbered(&html, "href=\"#note-") {
        assert!(
            html.contains(&format!("id=\"note-{n}\"")),
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
