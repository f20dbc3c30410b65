//! Both directions of a directed indicator side by side: a sentence per period with
//! the ratio and the net, said from the larger side, each side named by its own
//! subject; and a bar chart.

use super::charts::{chart_point, Chart, ChartKind, ChartSeries};
use super::gather::Gathered;
use super::notes::Notes;
use super::periodic::{is_short, is_told_by_its_latest};
use super::Sentence;
use crate::analysis;
use crate::model::Indicator;
use crate::words::numbers::{digits_from, format_derived_digits, ShownInterval};
use crate::words::phrases::{capitalise, counts_things, lower_first, ratio_words, times_as};
use crate::words::{format_value, period_phrase};

/// How many of the latest months or quarters the two-directions chart draws.
const SHORT_PERIODS_DRAWN: usize = 12;

/// The sentences comparing the two directions of `indicator` for `product` in every
/// period where both have a figure, and their chart; nothing when no period has both.
pub(super) fn describe(
    data: &Gathered,
    notes: &mut Notes,
    indicator: &Indicator,
    product: &str,
) -> (Vec<Sentence>, Option<Chart>) {
    let pair = &data.pair;
    let (a, b) = (&pair.a.alpha3, &pair.b.alpha3);
    let forward = data.series(indicator, a, b, product, None);
    let back = data.series(indicator, b, a, product, None);
    let Ok(rows) = analysis::asymmetry(&forward, &back) else {
        return (Vec::new(), None);
    };
    let mut sentences = Vec::new();
    let unit = forward.indicator.unit.clone();
    let (fs, bs) = (pair.subject(&forward), pair.subject(&back));
    let mut points = (Vec::new(), Vec::new());
    // Of months and quarters, the latest is told and the last twelve drawn; the
    // sections' year-to-date sentences say the rest.
    let short: Vec<_> = rows
        .iter()
        .filter(|r| is_short(&r.period))
        .map(|r| r.period)
        .collect();
    let drawn_from = short.len().saturating_sub(SHORT_PERIODS_DRAWN);
    // Of days and weeks too, only the latest is told.
    let latest_of_many = rows
        .iter()
        .rev()
        .find(|r| is_told_by_its_latest(&r.period))
        .map(|r| r.period);
    for row in &rows {
        let told = !is_told_by_its_latest(&row.period) || latest_of_many == Some(row.period);
        let drawn = !is_short(&row.period) || short[drawn_from..].contains(&row.period);
        if !told && !drawn {
            continue;
        }
        let (Some(f), Some(b)) = (forward.get(&row.period), back.get(&row.period)) else {
            continue;
        };
        let cited = vec![notes.cite(&fs, f), notes.cite(&bs, b)];
        let digits = digits_from(&[f, b]);
        // Say it from the side that is larger, so the ratio is at least one.
        let forward_larger = row.net >= 0.0;
        let inverse = |r: f64| if r == 0.0 { f64::INFINITY } else { 1.0 / r };
        let (ratio, low, high, net, net_low, net_high) = if forward_larger {
            (
                row.ratio,
                row.ratio_low,
                row.ratio_high,
                row.net,
                row.net_low,
                row.net_high,
            )
        } else {
            (
                inverse(row.ratio),
                inverse(row.ratio_high),
                inverse(row.ratio_low),
                -row.net,
                -row.net_high,
                -row.net_low,
            )
        };
        // Each side by its own subject, so a phrase with a route ("oil from Kazakhstan
        // shipped through Azerbaijan …") says which way each figure goes.
        let side = |subject: &str, obs: &crate::model::Observation| {
            format!(
                "{} ({})",
                lower_first(subject),
                format_value(obs.value, &unit, obs.qualifier)
            )
        };
        let (larger, smaller) = if forward_larger {
            (side(&fs, f), side(&bs, b))
        } else {
            (side(&bs, b), side(&fs, f))
        };
        let net_words = ShownInterval::new(net, net_low, net_high, |v, way| {
            format_derived_digits(v, &unit, digits, way)
        })
        .words(" more");
        let verb = if counts_things(&unit) { "were" } else { "was" };
        let comparison = if row.ratio_low > 0.0 && ratio.is_finite() && high.is_finite() {
            format!(
                "{verb} {} as {smaller}, {net_words}",
                ratio_words(ratio, low, high, times_as(&unit), digits)
            )
        } else {
            format!("{verb} {net_words} than {smaller}")
        };
        if told {
            sentences.push(Sentence {
                text: format!(
                    "{}, {larger} {comparison}.",
                    capitalise(&period_phrase(&row.period)),
                ),
                notes: cited.clone(),
            });
        }
        points.0.push(chart_point(f, Some(cited[0])));
        points.1.push(chart_point(b, Some(cited[1])));
    }
    let chart = Chart {
        kind: ChartKind::Directions,
        indicator: Some(forward.indicator.code.clone()),
        product: Some(forward.product.clone()),
        origin: Some(forward.origin.clone()),
        destination: Some(forward.destination.clone()),
        title: format!("{}: both directions", forward.indicator.name),
        unit,
        series: vec![
            ChartSeries {
                label: format!("{} → {}", pair.a.display_name(), pair.b.display_name()),
                dashed: false,
                points: points.0,
            },
            ChartSeries {
                label: format!("{} → {}", pair.b.display_name(), pair.a.display_name()),
                dashed: false,
                points: points.1,
            },
        ],
        events: Vec::new(),
    };
    (sentences, Some(chart))
}
