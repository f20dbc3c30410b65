//! Both directions of a directed indicator side by side: one sentence on the latest
//! period both have, with the ratio and the net said from the larger side (each side
//! named by its own subject) and how the ratio moved since; and a bar chart.

use super::charts::{chart_point, Chart, ChartKind, ChartSeries};
use super::gather::Gathered;
use super::notes::Notes;
use super::periodic::{is_short, is_told_by_its_latest};
use super::Sentence;
use crate::analysis;
use crate::analysis::Series;
use crate::model::{Indicator, Observation};
use crate::period::Period;
use crate::words::numbers::{format_derived_digits, ShownInterval};
use crate::words::period_phrase;
use crate::words::phrases::{
    capitalise, counts_things, is_plural, lower_first, ratio_words, times_as,
};

/// How many of the latest months or quarters the two-directions chart draws.
const SHORT_PERIODS_DRAWN: usize = 12;

/// The sentence comparing the two directions of `indicator` for `product` in the
/// latest period both have, with how the ratio moved since the earliest such period of
/// the same length; and the chart of every period either direction has (of months and
/// quarters the latest twelve). Nothing when no period has both.
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
    let Some(latest) = rows
        .iter()
        .max_by_key(|r| (r.period.end(), r.period.start()))
    else {
        return (Vec::new(), None);
    };
    let unit = forward.indicator.unit.clone();
    let (fs, bs) = (pair.subject(&forward), pair.subject(&back));
    let (Some(f), Some(b)) = (forward.get(&latest.period), back.get(&latest.period)) else {
        return (Vec::new(), None);
    };
    let mut cited = vec![notes.cite(&fs, f), notes.cite(&bs, b)];
    let digits = data.digits_from(&[f, b]);
    // Say it from the side that is larger, so the ratio is at least one.
    let forward_larger = latest.net >= 0.0;
    let side = Side::of(latest, forward_larger);
    let shown = data.prose_alike(&[f, b]);
    let (larger, smaller) = if forward_larger {
        (
            format!("{} ({})", lower_first(&fs), shown[0]),
            format!("{} ({})", lower_first(&bs), shown[1]),
        )
    } else {
        (
            format!("{} ({})", lower_first(&bs), shown[1]),
            format!("{} ({})", lower_first(&fs), shown[0]),
        )
    };
    let net_words = ShownInterval::new(side.net, side.net_low, side.net_high, |v, way| {
        format_derived_digits(v, &unit, digits, way)
    })
    .words(" more");
    let larger_subject = if forward_larger { &fs } else { &bs };
    let verb = if is_plural(larger_subject) || counts_things(&unit) {
        "were"
    } else {
        "was"
    };
    let has_ratio = latest.ratio_low > 0.0 && side.ratio.is_finite() && side.high.is_finite();
    let comparison = if has_ratio {
        format!(
            "{verb} {} as {smaller}, {net_words}",
            ratio_words(side.ratio, side.low, side.high, times_as(&unit), digits)
        )
    } else {
        format!("{verb} {net_words} than {smaller}")
    };
    let mut text = format!(
        "{}, {larger} {comparison}",
        capitalise(&period_phrase(&latest.period)),
    );
    // How the ratio moved: against the same month or quarter a year earlier, or the
    // earliest period of the same length both have.
    let earliest = if is_told_by_its_latest(&latest.period) {
        let year_before = latest.period.previous_year();
        rows.iter().find(|r| Some(r.period) == year_before)
    } else {
        rows.iter()
            .filter(|r| r.period.months() == latest.period.months() && r.period != latest.period)
            .min_by_key(|r| (r.period.start(), r.period.end()))
    };
    if let (true, Some(then)) = (has_ratio, earliest) {
        if let (Some(f0), Some(b0)) = (forward.get(&then.period), back.get(&then.period)) {
            let then_side = Side::of(then, forward_larger);
            let then_digits = data.digits_from(&[f0, b0]).min(digits);
            let words = |side: &Side| ratio_words(side.ratio, side.low, side.high, "", then_digits);
            if then.ratio_low > 0.0 && then_side.ratio.is_finite() && then_side.high.is_finite() {
                let (now, before) = (words(&side), words(&then_side));
                if now != before {
                    cited.push(notes.cite(&fs, f0));
                    cited.push(notes.cite(&bs, b0));
                    let moved = if then_side.ratio >= 1.0 {
                        let way = if then_side.ratio < side.ratio {
                            "up"
                        } else {
                            "down"
                        };
                        format!("{way} from {before} times {}", period_phrase(&then.period))
                    } else {
                        format!(
                            "the other way round {}, when the ratio was {before}",
                            period_phrase(&then.period)
                        )
                    };
                    text.push_str(&format!("; {moved}"));
                }
            }
        }
    }
    text.push('.');
    let sentences = vec![Sentence { text, notes: cited }];
    let chart = chart(
        data,
        notes,
        (&forward, &back),
        (&fs, &bs),
        &latest.period,
        unit,
    );
    (sentences, Some(chart))
}

/// A period's comparison said from one side: the ratio of that side to the other with
/// its bounds, and the difference.
struct Side {
    ratio: f64,
    low: f64,
    high: f64,
    net: f64,
    net_low: f64,
    net_high: f64,
}

impl Side {
    /// `row` from the first country's side (`forward`) or the second's.
    fn of(row: &analysis::AsymmetryRow, forward: bool) -> Side {
        let inverse = |r: f64| if r == 0.0 { f64::INFINITY } else { 1.0 / r };
        if forward {
            Side {
                ratio: row.ratio,
                low: row.ratio_low,
                high: row.ratio_high,
                net: row.net,
                net_low: row.net_low,
                net_high: row.net_high,
            }
        } else {
            Side {
                ratio: inverse(row.ratio),
                low: inverse(row.ratio_high),
                high: inverse(row.ratio_low),
                net: -row.net,
                net_low: -row.net_high,
                net_high: -row.net_low,
            }
        }
    }
}

/// The bar chart of both directions: every period either has of the kind the sentence
/// compares (years beside years, quarters beside quarters), so that a year only one
/// direction reports is drawn too; of months and quarters, the latest twelve.
fn chart(
    data: &Gathered,
    notes: &mut Notes,
    (forward, back): (&Series, &Series),
    (fs, bs): (&str, &str),
    compared: &Period,
    unit: String,
) -> Chart {
    let pair = &data.pair;
    let alike = |period: &Period| {
        if is_short(compared) {
            is_short(period) && period.months() == compared.months()
        } else if compared.is_calendar_year() {
            period.is_calendar_year()
        } else {
            period.months() == compared.months() && !is_short(period)
        }
    };
    let points = |series: &Series, subject: &str, notes: &mut Notes| {
        let drawn: Vec<&Observation> = series
            .observations
            .iter()
            .filter(|o| alike(&o.period))
            .collect();
        let from = if is_short(compared) {
            drawn.len().saturating_sub(SHORT_PERIODS_DRAWN)
        } else {
            0
        };
        drawn[from..]
            .iter()
            .map(|o| chart_point(o, Some(notes.cite(subject, o)), data.digits))
            .collect::<Vec<_>>()
    };
    let forward_points = points(forward, fs, notes);
    let back_points = points(back, bs, notes);
    Chart {
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
                points: forward_points,
            },
            ChartSeries {
                label: format!("{} → {}", pair.b.display_name(), pair.a.display_name()),
                dashed: false,
                points: back_points,
            },
        ],
        events: Vec::new(),
    }
}
