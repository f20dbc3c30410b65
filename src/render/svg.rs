//! The report's charts as inline SVG: a series over time, both directions side by side,
//! progress towards a target, and a timeline of events.
//!
//! Kept in one file, though long, because the four kinds share the canvas, axes,
//! ticks, legend and error bars above them.

use std::fmt::Write as _;

use super::escape;
use crate::report::{Chart, ChartKind, ChartPoint};
use crate::words::format_number;

/// Colours of the first and second direction, and of targets and projections.
const COLOURS: [&str; 3] = ["#1f6fb2", "#d9822b", "#6b6b6b"];

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 60.0;

/// A chart as a standalone inline SVG element.
pub fn chart_svg(chart: &Chart) -> String {
    match chart.kind {
        ChartKind::Series => series_svg(chart),
        ChartKind::Directions => bars_svg(chart),
        ChartKind::Progress => progress_svg(chart),
        ChartKind::Timeline => timeline_svg(chart),
    }
}

fn svg_open(width: f64, height: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         role=\"img\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n<title>{0}</title>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{1}\" y=\"20\" font-size=\"14\" font-weight=\"600\">{0}</text>\n",
        escape(title),
        10
    )
}

/// Round tick values from at most `min` (never above zero) to at least `max` (never
/// below zero), so that zero is always on the axis.
fn ticks(min: f64, max: f64) -> Vec<f64> {
    let (min, max) = (min.min(0.0), max.max(0.0));
    if !(min.is_finite() && max.is_finite()) || max - min <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = (max - min) / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let (first, last) = ((min / step).floor() as i64, (max / step).ceil() as i64);
    (first..=last).map(|i| i as f64 * step).collect()
}

/// The vertical position of `value` on a plot whose axis runs over `ticks`.
fn scale_y(ticks: &[f64], plot_height: f64) -> impl Fn(f64) -> f64 {
    let bottom = *ticks.first().unwrap_or(&0.0);
    let top = *ticks.last().unwrap_or(&1.0);
    move |v| TOP + plot_height - (v - bottom) / (top - bottom) * plot_height
}

fn y_axis(out: &mut String, ticks: &[f64], unit: &str, plot_height: f64, width: f64) {
    let sy = scale_y(ticks, plot_height);
    for t in ticks {
        let y = sy(*t);
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e5e5e5\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
            width - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            escape(&format_number(*t))
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"14\" y=\"{:.1}\" transform=\"rotate(-90 14 {:.1})\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
        TOP + plot_height / 2.0,
        TOP + plot_height / 2.0,
        escape(unit)
    );
}

fn legend(out: &mut String, labels: &[(String, &str, bool)], y: f64) {
    let mut x = LEFT;
    for (label, colour, dashed) in labels {
        let dash = if *dashed {
            " stroke-dasharray=\"5 3\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"3\"{dash}/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            x + 18.0,
            x + 24.0,
            y + 4.0,
            escape(label)
        );
        x += 40.0 + 7.0 * label.chars().count() as f64;
    }
}

fn error_bar(out: &mut String, x: f64, y_low: f64, y_high: f64, colour: &str) {
    if (y_low - y_high).abs() < 0.5 {
        return;
    }
    let _ = writeln!(
        out,
        "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{y_low:.1}\" y2=\"{y_high:.1}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>\
         <line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y_low:.1}\" y2=\"{y_low:.1}\" stroke=\"{colour}\"/>\
         <line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y_high:.1}\" y2=\"{y_high:.1}\" stroke=\"{colour}\"/>",
        x - 4.0,
        x + 4.0,
        x - 4.0,
        x + 4.0
    );
}

fn max_high(chart: &Chart) -> f64 {
    chart
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|p| p.high.max(p.value))
        .fold(0.0, f64::max)
}

fn min_low(chart: &Chart) -> f64 {
    chart
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|p| p.low.min(p.value))
        .fold(0.0, f64::min)
}

/// A point's tooltip: its period or name, the figure exactly as the report's
/// sentences write it (qualifier and rounding included), and its note.
fn point_title(p: &ChartPoint) -> String {
    let note = p.note.map(|n| format!(" (note {n})")).unwrap_or_default();
    format!("{}: {}{note}", p.label, p.text)
}

fn series_svg(chart: &Chart) -> String {
    let mut out = svg_open(WIDTH, HEIGHT, &chart.title);
    let plot_height = HEIGHT - TOP - BOTTOM;
    let plot_width = WIDTH - LEFT - RIGHT;
    let ticks = ticks(min_low(chart), max_high(chart));
    y_axis(&mut out, &ticks, &chart.unit, plot_height, WIDTH);
    let xs: Vec<f64> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.x))
        .collect();
    let (x0, x1) = (
        xs.iter().copied().fold(f64::INFINITY, f64::min).floor(),
        xs.iter().copied().fold(f64::NEG_INFINITY, f64::max).ceil(),
    );
    let span = (x1 - x0).max(1.0);
    let sx = |x: f64| LEFT + (x - x0) / span * plot_width;
    let sy = scale_y(&ticks, plot_height);
    for year in (x0 as i32)..(x1 as i32) {
        let x = sx(f64::from(year) + 0.5);
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\">{year}</text>",
            TOP + plot_height + 18.0
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#888\"/>",
        WIDTH - RIGHT,
        TOP + plot_height,
        TOP + plot_height
    );
    let mut labels = Vec::new();
    for series in &chart.series {
        let colour = if series.dashed {
            COLOURS[2]
        } else {
            COLOURS[0]
        };
        let dash = if series.dashed {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        let path: Vec<String> = series
            .points
            .iter()
            .map(|p| format!("{:.1},{:.1}", sx(p.x), sy(p.value)))
            .collect();
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>",
            path.join(" ")
        );
        for p in &series.points {
            error_bar(&mut out, sx(p.x), sy(p.low), sy(p.high), colour);
            let _ = writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{colour}\"><title>{}</title></circle>",
                sx(p.x),
                sy(p.value),
                escape(&point_title(p))
            );
        }
        labels.push((series.label.clone(), colour, series.dashed));
    }
    legend(&mut out, &labels, HEIGHT - 18.0);
    out.push_str("</svg>");
    out
}

fn bars_svg(chart: &Chart) -> String {
    let mut out = svg_open(WIDTH, HEIGHT, &chart.title);
    let plot_height = HEIGHT - TOP - BOTTOM;
    let plot_width = WIDTH - LEFT - RIGHT;
    let ticks = ticks(min_low(chart), max_high(chart));
    y_axis(&mut out, &ticks, &chart.unit, plot_height, WIDTH);
    let mut periods: Vec<String> = Vec::new();
    for p in chart.series.iter().flat_map(|s| s.points.iter()) {
        if !periods.contains(&p.label) {
            periods.push(p.label.clone());
        }
    }
    let group = plot_width / periods.len().max(1) as f64;
    let bar = (group * 0.7 / chart.series.len().max(1) as f64).min(60.0);
    let sy = scale_y(&ticks, plot_height);
    for (g, period) in periods.iter().enumerate() {
        let centre = LEFT + group * (g as f64 + 0.5);
        let _ = writeln!(
            out,
            "<text x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            TOP + plot_height + 18.0,
            escape(period)
        );
        let n = chart.series.len() as f64;
        for (i, series) in chart.series.iter().enumerate() {
            let Some(p) = series.points.iter().find(|p| &p.label == period) else {
                continue;
            };
            let colour = COLOURS[i.min(1)];
            let x = centre - bar * n / 2.0 + bar * i as f64;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\"><title>{}</title></rect>",
                sy(p.value.max(0.0)),
                bar - 2.0,
                (sy(0.0) - sy(p.value)).abs(),
                escape(&format!("{}: {}", series.label, point_title(p)))
            );
            error_bar(&mut out, x + bar / 2.0 - 1.0, sy(p.low), sy(p.high), "#222");
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#888\"/>",
        WIDTH - RIGHT,
        sy(0.0),
        sy(0.0)
    );
    let labels: Vec<(String, &str, bool)> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.label.clone(), COLOURS[i.min(1)], false))
        .collect();
    legend(&mut out, &labels, HEIGHT - 18.0);
    out.push_str("</svg>");
    out
}

fn progress_svg(chart: &Chart) -> String {
    let rows = chart.series.len().max(1) as f64;
    let height = TOP + rows * 44.0 + 40.0;
    let mut out = svg_open(WIDTH, height, &chart.title);
    let left = 190.0;
    let plot_width = WIDTH - left - RIGHT - 90.0;
    let top = max_high(chart).max(1.0) * 1.05;
    let sx = |v: f64| left + v / top * plot_width;
    for (i, series) in chart.series.iter().enumerate() {
        let Some(p) = series.points.first() else {
            continue;
        };
        let y = TOP + 10.0 + i as f64 * 44.0;
        let (fill, stroke) = if series.dashed {
            (
                "none",
                format!(
                    " stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"",
                    COLOURS[2]
                ),
            )
        } else {
            (COLOURS[if i == 0 { 0 } else { 1 }], String::new())
        };
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{left}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"26\" fill=\"{fill}\"{stroke}><title>{}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#333\">{}</text>",
            left - 8.0,
            y + 17.0,
            escape(&series.label),
            (sx(p.value) - left).max(1.0),
            escape(&point_title(p)),
            sx(p.value) + 6.0,
            y + 17.0,
            escape(&p.text)
        );
        let mid = y + 13.0;
        if p.low != p.high {
            let _ = writeln!(
                out,
                "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{mid:.1}\" y2=\"{mid:.1}\" stroke=\"#222\" stroke-width=\"1.5\"/>",
                sx(p.low),
                sx(p.high)
            );
        }
    }
    out.push_str("</svg>");
    out
}

fn timeline_svg(chart: &Chart) -> String {
    let n = chart.events.len().max(1) as f64;
    let row = 22.0;
    let height = TOP + n * row + 40.0;
    let width = WIDTH + 200.0;
    let mut out = svg_open(width, height, &chart.title);
    let axis_left = 20.0;
    let axis_width = 260.0;
    let (x0, x1) = (
        chart
            .events
            .iter()
            .map(|e| e.x)
            .fold(f64::INFINITY, f64::min)
            .floor(),
        chart
            .events
            .iter()
            .map(|e| e.x)
            .fold(f64::NEG_INFINITY, f64::max)
            .ceil(),
    );
    let span = (x1 - x0).max(1.0);
    let sx = |x: f64| axis_left + (x - x0) / span * axis_width;
    let bottom = TOP + n * row;
    let _ = writeln!(
        out,
        "<line x1=\"{axis_left}\" x2=\"{:.1}\" y1=\"{bottom:.1}\" y2=\"{bottom:.1}\" stroke=\"#888\"/>\
         <text x=\"{axis_left}\" y=\"{:.1}\" fill=\"#555\">{}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
        axis_left + axis_width,
        bottom + 16.0,
        x0,
        axis_left + axis_width,
        bottom + 16.0,
        x1
    );
    for (i, e) in chart.events.iter().enumerate() {
        let y = TOP + i as f64 * row + 12.0;
        let x = sx(e.x);
        let title: String = if e.title.chars().count() > 70 {
            format!("{}…", e.title.chars().take(69).collect::<String>())
        } else {
            e.title.clone()
        };
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\" stroke-dasharray=\"2 3\"/>\
             <circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"{}\"><title>{}</title></circle>\
             <text x=\"{:.1}\" y=\"{:.1}\"><tspan fill=\"#555\">{}</tspan> {}</text>",
            axis_left + axis_width + 12.0,
            COLOURS[0],
            escape(&format!("{} {}: {}", e.date, e.kind, e.title)),
            axis_left + axis_width + 16.0,
            y + 4.0,
            escape(&e.date),
            escape(&title)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_reach_the_maximum() {
        assert_eq!(ticks(0.0, 4_500_000.0), vec![0.0, 2e6, 4e6, 6e6]);
        assert_eq!(
            ticks(0.0, 103_000.0),
            vec![0.0, 50_000.0, 100_000.0, 150_000.0]
        );
        assert_eq!(ticks(0.0, 0.0), vec![0.0, 1.0]);
        // Negative values: −120 to 180 in steps of 100 (a quarter of 300 is 75 → 100).
        assert_eq!(
            ticks(-120.0, 180.0),
            vec![-200.0, -100.0, 0.0, 100.0, 200.0]
        );
        let sy = scale_y(&[-200.0, 0.0, 200.0], 100.0);
        assert_eq!(
            (sy(200.0), sy(0.0), sy(-200.0)),
            (TOP, TOP + 50.0, TOP + 100.0)
        );
    }
}
