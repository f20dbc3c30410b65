//! Mirror flows: a flow reported from both ends (A's exports to B as A reports them,
//! B's imports from A as B reports them; [`MIRROR_PAIRS`] says which indicators pair
//! up) told as one flow. For each, a sentence on the latest period both ends report,
//! with who reported which figure and how far apart they are; once per section, a line
//! on why mirror figures differ; and a table of every period both report.
//!
//! [`mirrored_imports`] names the imports series that are the far end of an exports
//! series of the report, so that a summary can show each flow once.

use std::cmp::Reverse;
use std::collections::HashSet;

use super::findings::{Finding, FindingKind, FindingSeverity};
use super::gather::{Gathered, SeriesKey};
use super::notes::Notes;
use super::tables::period_cells;
use super::{Cell, Column, Sentence, Table};
use crate::analysis::{self, MirrorRow, Series};
use crate::builtin::{is_currency, MIRROR_PAIRS};
use crate::model::{Indicator, Observation, Topic};
use crate::words::numbers::{format_derived_digits, percent, Rounding, ShownInterval};
use crate::words::period_phrase;
use crate::words::phrases::{capitalise, pct_words, plain_pct_toward, status_words};

/// Why the two ends of a flow in money differ, said once per section.
const WHY_VALUES_DIFFER: &str = "The two ends of a flow rarely agree: importers usually \
    value goods CIF (with freight and insurance) and exporters FOB; timing, re-exports and \
    confidential lines add to the gap.";

/// The same for flows in tonnes or other quantities, where valuation plays no part.
const WHY_QUANTITIES_DIFFER: &str = "The two ends of a flow rarely agree: timing, \
    re-exports and confidential lines make the importer's figure differ from the \
    exporter's.";

/// A flow of the report reported from both ends: its two series.
struct Flow {
    exports: Series,
    imports: Series,
}

/// The imports series of the report whose exports series (same exporter, importer and
/// product, the paired indicator of [`MIRROR_PAIRS`]) has figures too: the far end of a
/// flow the report already has, whatever their periods and units, so that a summary
/// that shows flows takes one end of each (the exporter's) and never both as two flows.
pub(super) fn mirrored_imports(data: &Gathered) -> HashSet<SeriesKey> {
    data.series_keys()
        .into_iter()
        .filter(|key| {
            MIRROR_PAIRS.iter().any(|&(exports, imports)| {
                key.indicator == imports
                    && data
                        .indicators
                        .iter()
                        .find(|i| i.code == exports)
                        .is_some_and(|x| !series(data, x, key).observations.is_empty())
            })
        })
        .collect()
}

/// The sentences on each flow of `topic` reported from both ends whose exports series
/// `told` keeps (a report names its largest products and sums the rest), then the line
/// on why mirror figures differ, and the table of every period both ends report;
/// nothing when the section has no such flow.
pub(super) fn describe(
    data: &Gathered,
    notes: &mut Notes,
    topic: &Topic,
    told: impl Fn(&SeriesKey) -> bool,
) -> (Vec<Sentence>, Option<Table>) {
    let mut sentences = Vec::new();
    let mut table_rows = Vec::new();
    let mut any_value = false;
    for flow in flows(data, topic, told) {
        // Only an undirected indicator (a redefined catalogue code) fails: not a flow.
        let Ok(rows) = analysis::mirror(&flow.exports, &flow.imports) else {
            continue;
        };
        // The latest period; of two that end together, the longer (the year before its
        // last quarter).
        let Some(latest) = rows
            .iter()
            .max_by_key(|r| (r.period.end(), Reverse(r.period.start())))
        else {
            continue;
        };
        any_value |= is_currency(&latest.unit);
        sentences.push(sentence(data, notes, &flow, latest));
        table_rows.extend(rows.iter().map(|r| table_row(data, &flow, r)));
    }
    if sentences.is_empty() {
        return (sentences, None);
    }
    sentences.push(Sentence {
        text: if any_value {
            WHY_VALUES_DIFFER
        } else {
            WHY_QUANTITIES_DIFFER
        }
        .to_owned(),
        notes: Vec::new(),
    });
    (sentences, Some(table(table_rows)))
}

/// The gap from which two ends of a flow are a finding, in percent of the exports: ten
/// percent, beyond what the valuation (CIF against FOB, typically 5–7 %) and timing
/// explain.
pub(super) const LARGE_GAP_PCT: f64 = 10.0;

/// A finding for each flow of the report (its told exports series, in every topic)
/// whose two ends, in the latest period both report, differ by at least
/// [`LARGE_GAP_PCT`] even at the near end of the gap's bounds.
pub(super) fn gap_findings(
    data: &Gathered,
    notes: &mut Notes,
    told: impl Fn(&SeriesKey) -> bool,
) -> Vec<Finding> {
    let mut found = Vec::new();
    for entry in &data.topics {
        for flow in flows(data, &entry.topic, &told) {
            let Ok(rows) = analysis::mirror(&flow.exports, &flow.imports) else {
                continue;
            };
            let Some(row) = rows
                .iter()
                .max_by_key(|r| (r.period.end(), Reverse(r.period.start())))
            else {
                continue;
            };
            let (Some(pct), Some(low), Some(high)) = gap_in_percent(row) else {
                continue;
            };
            let nearest = if low > 0.0 {
                low
            } else if high < 0.0 {
                -high
            } else {
                0.0
            };
            if nearest < LARGE_GAP_PCT {
                continue;
            }
            let (x, m) = ends(&flow, row);
            let shown = data.prose_alike(&[x, m]);
            let pair = &data.pair;
            let subject = pair.subject(&flow.exports);
            let text = format!(
                "{subject} {}: {} reports {}, {} {} as its imports: {}.",
                period_phrase(&row.period),
                capitalise(&pair.name_in_text(&row.exporter)),
                shown[0],
                pair.name_in_text(&row.importer),
                shown[1],
                more_or_less(pct, low, high, data.digits_from(&[x, m])),
            );
            found.push(
                Finding::new(FindingKind::MirrorGap, FindingSeverity::Medium, text)
                    .cite(notes, &subject, x)
                    .cite(notes, &pair.subject(&flow.imports), m)
                    .in_section(entry.topic.code()),
            );
        }
    }
    found
}

/// The flows of `topic` with both ends in the report, in the report's order of their
/// exports series (totals first, the first country's exports first).
fn flows(data: &Gathered, topic: &Topic, told: impl Fn(&SeriesKey) -> bool) -> Vec<Flow> {
    let keys = data.series_keys();
    let present: HashSet<&SeriesKey> = keys.iter().collect();
    let mut flows = Vec::new();
    for key in &keys {
        let Some(&(_, imports_code)) = MIRROR_PAIRS.iter().find(|(x, _)| *x == key.indicator)
        else {
            continue;
        };
        let exports_indicator = data.indicator(&key.indicator);
        let imports_key = SeriesKey {
            indicator: imports_code.to_owned(),
            ..key.clone()
        };
        if &exports_indicator.topic != topic || !told(key) || !present.contains(&imports_key) {
            continue;
        }
        flows.push(Flow {
            exports: series(data, exports_indicator, key),
            imports: series(data, data.indicator(imports_code), key),
        });
    }
    flows
}

/// The series of `indicator` for the exporter, importer and product of `key`.
fn series(data: &Gathered, indicator: &Indicator, key: &SeriesKey) -> Series {
    data.series(indicator, &key.origin, &key.destination, &key.product, None)
}

/// "Exports from Georgia to Türkiye in 2024: $300 million as reported by Georgia, $318
/// million as reported by Türkiye as its imports, 6.0 % more."
fn sentence(data: &Gathered, notes: &mut Notes, flow: &Flow, row: &MirrorRow) -> Sentence {
    let pair = &data.pair;
    let (x, m) = ends(flow, row);
    let cited = vec![
        notes.cite(&pair.subject(&flow.exports), x),
        notes.cite(&pair.subject(&flow.imports), m),
    ];
    // The two ends in one scale, as one sentence should give them.
    let shown = data.prose_alike(&[x, m]);
    let mut text = format!(
        "{} {}: {}{} as reported by {}, {}{} as reported by {} as its imports",
        pair.subject(&flow.exports),
        period_phrase(&row.period),
        shown[0],
        status_words(x.status),
        pair.name_in_text(&row.exporter),
        shown[1],
        status_words(m.status),
        pair.name_in_text(&row.importer),
    );
    if let (Some(pct), Some(low), Some(high)) = gap_in_percent(row) {
        text.push_str(", ");
        text.push_str(&more_or_less(pct, low, high, data.digits_from(&[x, m])));
    }
    text.push('.');
    Sentence { text, notes: cited }
}

/// The relative gap of `row` and its bounds in percent of the exports, as the report
/// says and tabulates them (the analysis gives fractions).
fn gap_in_percent(row: &MirrorRow) -> (Option<f64>, Option<f64>, Option<f64>) {
    (
        row.relative_gap.map(percent),
        row.relative_gap_low.map(percent),
        row.relative_gap_high.map(percent),
    )
}

/// The exporter's and the importer's observation of `row`'s period.
fn ends<'a>(flow: &'a Flow, row: &MirrorRow) -> (&'a Observation, &'a Observation) {
    // Rows come from these very series, one per period both have.
    let (Some(x), Some(m)) = (flow.exports.get(&row.period), flow.imports.get(&row.period)) else {
        unreachable!("a mirror row's period is in both series")
    };
    (x, m)
}

/// A stored figure in words, at the prose's precision, with its qualifier and, unless
/// measured, its status: "over $310 million", "$318 million (provisional)".
fn figure(data: &Gathered, obs: &Observation) -> String {
    format!("{}{}", data.prose(obs), status_words(obs.status))
}

/// How much more or less the importer reports than the exporter, in percent of the
/// exports: "6.0 % more", "10.0 % less", "6.0 % [5.9 %, 6.4 %] more"; where the
/// bounds lie on both sides of zero, neither is known: "between 0.8 % less and 2.8 %
/// more", the ends rounded outwards.
fn more_or_less(pct: f64, low: f64, high: f64, digits: u32) -> String {
    if low < 0.0 && high > 0.0 {
        return format!(
            "between {} % less and {} % more",
            plain_pct_toward(-low, digits, Rounding::Up),
            plain_pct_toward(high, digits, Rounding::Up)
        );
    }
    if low == 0.0 && high == 0.0 {
        return "the same".to_owned();
    }
    if pct >= 0.0 && low >= 0.0 {
        format!("{} more", pct_words(pct, Some(low), Some(high), digits))
    } else {
        format!("{} less", pct_words(-pct, Some(-high), Some(-low), digits))
    }
}

/// The table of every period both ends of the section's flows report.
fn table(rows: Vec<Vec<Cell>>) -> Table {
    let columns = [
        ("flow", true),
        ("period", true),
        ("period code", false),
        ("exporter reports", true),
        ("importer reports", true),
        ("gap", true),
        ("gap %", true),
        ("exports", false),
        ("imports", false),
        ("unit", false),
        ("gap value", false),
        ("gap pct", false),
        ("gap pct low", false),
        ("gap pct high", false),
    ];
    Table {
        title: "Mirror figures: each flow as its exporter and its importer report it".to_owned(),
        columns: Column::list(&columns),
        rows,
        footnote: None,
    }
}

/// One period of a flow as a row of [`table`]: the gap is the importer's figure less
/// the exporter's, in the unit and in percent of the exports.
fn table_row(data: &Gathered, flow: &Flow, row: &MirrorRow) -> Vec<Cell> {
    let (x, m) = ends(flow, row);
    let digits = data.digits_from(&[x, m]);
    let gap = ShownInterval::new(row.gap, row.gap_low, row.gap_high, |v, way| {
        format_derived_digits(v, &row.unit, digits, way)
    })
    .words("");
    let (pct, pct_low, pct_high) = gap_in_percent(row);
    let gap_pct = match (pct, pct_low, pct_high) {
        (Some(pct), low, high) => pct_words(pct, low, high, digits),
        _ => String::new(),
    };
    let [period, period_code] = period_cells(&row.period);
    let number = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
    vec![
        Cell::Text(data.pair.subject(&flow.exports)),
        period,
        period_code,
        Cell::Text(figure(data, x)),
        Cell::Text(figure(data, m)),
        Cell::Text(gap),
        Cell::Text(gap_pct),
        Cell::Number(row.exports.value),
        Cell::Number(row.imports.value),
        Cell::Text(row.unit.clone()),
        Cell::Number(row.gap),
        number(pct),
        number(pct_low),
        number(pct_high),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::gather::gather;
    use crate::report::ReportOptions;
    use crate::{NewObservation, Store};

    fn gathered(store: &Store) -> Gathered {
        let (geo, tur) = (store.country("GEO").unwrap(), store.country("TUR").unwrap());
        gather(store, geo, tur, &ReportOptions::default()).unwrap()
    }

    #[test]
    fn mirrored_imports_are_the_imports_whose_exports_the_report_has() {
        let mut store = Store::in_memory().unwrap();
        for (indicator, origin, destination, value) in [
            ("exports", "GEO", "TUR", 300e6),
            ("imports", "GEO", "TUR", 318e6),
            // Türkiye's imports from Georgia by volume, without Georgia's exports by volume.
            ("imports_volume", "GEO", "TUR", 500e3),
            // Georgia's imports from Türkiye, without Türkiye's exports.
            ("imports", "TUR", "GEO", 1e9),
        ] {
            let obs = NewObservation::new(indicator, origin, destination, "2024", value);
            store.add(&obs).unwrap();
        }
        let mirrored = mirrored_imports(&gathered(&store));
        let key = SeriesKey {
            indicator: "imports".to_owned(),
            origin: "GEO".to_owned(),
            destination: "TUR".to_owned(),
            product: "total".to_owned(),
        };
        assert_eq!(mirrored, HashSet::from([key]));
    }

    /// The numbers of `text`, in order.
    fn numbers(text: &str) -> Vec<f64> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter_map(|word| word.parse().ok())
            .collect()
    }

    #[test]
    fn a_gap_whose_bounds_straddle_zero_is_neither_more_nor_less() {
        // [−0.78125 %, +2.7419 %]: each end rounded outwards
        let words = more_or_less(2.58, -0.78125, 2.7419, 2);
        assert!(
            words.starts_with("between ") && words.ends_with(" % more"),
            "{words}"
        );
        assert!(words.contains(" % less and "), "{words}");
        let [less, more] = numbers(&words)[..] else {
            panic!("{words}")
        };
        assert!((0.78125..0.9).contains(&less), "{words}");
        assert!((2.7419..2.9).contains(&more), "{words}");
    }

    #[test]
    fn a_gap_of_exact_figures_is_more_less_or_the_same() {
        let less = more_or_less(-10.0, -10.0, -10.0, 3);
        assert!(less.ends_with(" % less"), "{less}");
        assert_eq!(numbers(&less), [10.0]);
        let more = more_or_less(6.0, 6.0, 6.0, 3);
        assert!(more.ends_with(" % more"), "{more}");
        assert_eq!(numbers(&more), [6.0]);
        assert_eq!(more_or_less(0.0, 0.0, 0.0, 3), "the same");
    }
}
