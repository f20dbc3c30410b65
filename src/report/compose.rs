//! Putting a report together from the gathered data: each topic's section from its
//! series (sentences, charts, the two directions, the figures and growth tables, the
//! timeline), the named products and the sum of the others, the claims, the Summary,
//! the notes, the sources and how to read it.

use std::collections::HashSet;

use super::gather::{Gathered, SeriesKey};
use super::notes::Notes;
use super::{
    charts, claims, directions, findings, headline, mirror, products, reading, series, tables,
    targets, timeline, Report, ReportOptions, Section, Sentence,
};
use crate::error::Result;
use crate::model::{ObservationTable, Status, Topic};
use crate::words::phrases::country_in_text;

/// The report from the gathered data; `interrupted` is asked between series, so that
/// a long report stops when its caller wants it to.
pub(super) fn compose(
    data: &Gathered,
    options: &ReportOptions,
    interrupted: impl Fn() -> Result<()>,
) -> Result<Report> {
    let pair = &data.pair;
    let mut notes = Notes::default();
    let claim_checks = claims::checks(data);
    let implied: Vec<crate::model::Observation> = if options.include_implied {
        claims::implied_rows(data, &claim_checks)
    } else {
        Vec::new()
    };
    let keys = data.series_keys();
    let choice = products::choose(data, &keys, options.top);
    // Records of the series the report tells: not of each product it sums as "other
    // products" (twenty thousand records would bury the findings and fill the page).
    let told: Vec<SeriesKey> = keys
        .iter()
        .filter(|k| !choice.grouped.contains(k))
        .cloned()
        .collect();
    // The findings are made first, so that every table lists the figures they cite,
    // with notes of their own; their figures are cited again after the sections, so
    // that the notes number in reading order.
    let mut cited_by_findings = Notes::default();
    let mut found = findings::consistency(data, &mut cited_by_findings, &claim_checks);
    found.extend(claims::findings(
        data,
        &mut cited_by_findings,
        &claim_checks,
    ));
    found.extend(findings::records(data, &told, &mut cited_by_findings));
    found.extend(mirror::gap_findings(data, &mut cited_by_findings, |k| {
        !choice.grouped.contains(k)
    }));
    let listing = tables::Listing {
        periods: options.table_periods,
        findings: &cited_by_findings,
    };
    // The importer's end of a flow whose exporter's end the report has is told with it,
    // as one flow (`mirror.rs`), never as a series of its own or a Summary line.
    let mirrored = mirror::mirrored_imports(data);
    let mut others_told = HashSet::new();
    let mut headline = Vec::new();
    let mut summary_charts = charts::SummaryCharts::default();
    let mut sections = Vec::new();
    let mut uses_population = false;
    for entry in &data.topics {
        let topic = &entry.topic;
        let mut topic_keys: Vec<&SeriesKey> = keys
            .iter()
            .filter(|k| &data.indicator(&k.indicator).topic == topic)
            .filter(|k| !choice.grouped.contains(k))
            .filter(|k| !mirrored.contains(k))
            .collect();
        // The products of a series in order of size, the largest first (a stable sort
        // keeps the rest of the order `series_keys` gives).
        topic_keys.sort_by_key(|k| {
            (
                k.product != "total",
                data.indicator(&k.indicator).directed,
                &k.indicator,
                k.origin != pair.a.alpha3,
                choice.rank.get(*k).copied().unwrap_or(0),
            )
        });
        let topic_others: Vec<&products::OtherProducts> = {
            let mut others: Vec<_> = choice
                .others
                .values()
                .filter(|o| &data.indicator(&o.key.indicator).topic == topic)
                .collect();
            others.sort_by(|x, y| {
                (&x.key.indicator, &x.key.origin).cmp(&(&y.key.indicator, &y.key.origin))
            });
            others
        };
        let events: &[crate::model::Event] = if *topic == Topic::COOPERATION {
            &data.events
        } else {
            &[]
        };
        if topic_keys.is_empty() && events.is_empty() && topic_others.is_empty() {
            continue;
        }
        let mut section = Section {
            id: topic.code().to_owned(),
            title: entry.title.clone(),
            sentences: Vec::new(),
            tables: Vec::new(),
            charts: Vec::new(),
        };
        let mut growth_rows = Vec::new();
        let mut directions_described = HashSet::new();
        for (i, key) in topic_keys.iter().enumerate() {
            interrupted()?;
            let indicator = data.indicator(&key.indicator);
            let actual = data.series(indicator, &key.origin, &key.destination, &key.product, None);
            let forward = |status| {
                data.series(
                    indicator,
                    &key.origin,
                    &key.destination,
                    &key.product,
                    Some(status),
                )
            };
            let (targets, projections) = (forward(Status::Target), forward(Status::Projection));
            let subject = pair.subject(&actual);
            let mut summary_line = None;
            if let Some(paragraph) = series::describe(data, &mut notes, &actual, &subject)? {
                section.sentences.extend(paragraph.sentences);
                summary_line = Some(paragraph.headline.text.clone());
                headline.push(headline::Candidate {
                    topic: topic.clone(),
                    topic_position: data.topic_position(topic),
                    slot: match (indicator.directed, key.origin == pair.a.alpha3) {
                        (false, _) => headline::Slot::Pair,
                        (true, true) => headline::Slot::Forward,
                        (true, false) => headline::Slot::Back,
                    },
                    // A plan's figure is what was planned, not measured.
                    measured: indicator.kind != crate::model::Kind::Plan
                        && matches!(
                            paragraph.latest.status,
                            Status::Actual | Status::Provisional
                        ),
                    unit: indicator.unit.clone(),
                    value: paragraph.latest.value,
                    line: paragraph.headline,
                });
                growth_rows.extend(paragraph.growth_rows);
                uses_population |= paragraph.uses_population;
            }
            let (sentences, charts) =
                targets::progress(&mut notes, &actual, &targets, &subject, data.digits);
            section.sentences.extend(sentences);
            section.charts.extend(charts);
            section.sentences.extend(targets::growth_needed(
                &mut notes,
                &actual,
                &targets,
                &projections,
                &subject,
                data.digits,
            ));
            let line_chart = charts::series_chart(
                &mut notes,
                &actual,
                &[&targets, &projections],
                &subject,
                &data.series(indicator, &key.destination, &key.origin, &key.product, None),
                data.digits,
            );
            if line_chart.is_none() {
                let at = (sections.len(), section.charts.len());
                summary_charts.wait(summary_line, &actual, &subject, at);
            }
            section.charts.extend(line_chart);
            // The products not named, after the last one named of their series.
            let group = key.with_product("total");
            let last_of_series = topic_keys
                .get(i + 1)
                .is_none_or(|next| next.product == "total" || next.with_product("total") != group);
            if key.product != "total" && last_of_series {
                if let Some(others) = choice.others.get(&group) {
                    others_told.insert(group);
                    section
                        .sentences
                        .push(products::other_products_sentence(data, others));
                }
            }
            // The two directions side by side, once both have been described.
            let last_of_product = topic_keys
                .get(i + 1)
                .is_none_or(|next| next.indicator != key.indicator || next.product != key.product);
            if indicator.directed
                && last_of_product
                && directions_described.insert((&key.indicator, &key.product))
            {
                let (sentences, chart) =
                    directions::describe(data, &mut notes, indicator, &key.product);
                section.sentences.extend(sentences);
                section.charts.extend(chart);
            }
        }
        // Series whose every product is grouped (a top of 0).
        for others in topic_others {
            if others_told.insert(others.key.clone()) {
                section
                    .sentences
                    .push(products::other_products_sentence(data, others));
            }
        }
        // Flows reported from both ends, told as one flow each.
        let (sentences, mirror_table) =
            mirror::describe(data, &mut notes, topic, |k| !choice.grouped.contains(k));
        section.sentences.extend(sentences);
        let figures = tables::figures(data, &mut notes, topic, &implied, &listing, |o| {
            choice.named(o)
        });
        if !figures.rows.is_empty() {
            section.tables.push(figures);
        }
        if !growth_rows.is_empty() {
            section.tables.push(tables::growth(growth_rows));
        }
        section.tables.extend(mirror_table);
        if !events.is_empty() {
            section.sentences.push(timeline::sentence(events));
            section.tables.push(timeline::table(events));
            section.charts.push(timeline::chart(events));
        }
        sections.push(section);
    }
    sections.extend(claims::section(data, &mut notes, &claim_checks));
    if !choice.grouped.is_empty() {
        sections.push(products::appendix(
            data,
            &mut notes,
            &implied,
            &choice,
            options.top,
            &listing,
        ));
    }
    let findings = {
        let numbers = cited_by_findings.cite_again_in(&mut notes);
        for finding in &mut found {
            for n in &mut finding.notes {
                *n = numbers[*n - 1];
            }
            for figure in &mut finding.figures {
                figure.note = numbers[figure.note - 1];
            }
        }
        let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
        findings::rank(found, &ids)
    };
    let mut headline = headline::lead(headline);
    summary_charts.place(&mut sections, &headline, &mut notes, data.digits);
    if sections.is_empty() {
        headline.push(Sentence {
            text: format!(
                "The store holds no figures or events for {} and {}.",
                country_in_text(pair.a.display_name()),
                country_in_text(pair.b.display_name())
            ),
            notes: Vec::new(),
        });
    }
    let how_to_read = {
        let sentences: Vec<&str> = headline
            .iter()
            .chain(sections.iter().flat_map(|s| &s.sentences))
            .map(|s| s.text.as_str())
            .chain(findings.iter().map(|f| f.text.as_str()))
            .collect();
        let cells: Vec<&str> = sections
            .iter()
            .flat_map(|s| &s.tables)
            .flat_map(|t| &t.rows)
            .flatten()
            .filter_map(|cell| match cell {
                super::Cell::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        reading::how_to_read(data, &sentences, &cells)
    };
    let notes = notes.into_vec();
    let sources = data.cited_sources(&notes, uses_population);
    Ok(Report {
        title: options.title.clone().unwrap_or_else(|| {
            let b = country_in_text(pair.b.display_name());
            format!("{} and {b}", pair.a.display_name())
        }),
        a: pair.a.clone(),
        b: pair.b.clone(),
        headline,
        findings,
        sections,
        notes,
        sources,
        how_to_read,
        figures: ObservationTable::from_observations(&data.observations, &data.indicators)?,
        product_names: pair
            .products
            .values()
            .filter_map(|p| Some((p.code.clone(), p.name.clone()?)))
            .collect(),
    })
}
