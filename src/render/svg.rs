//! The report's charts as inline SVG: a series over time, both directions side by side,
//! progress towards a target, and a timeline of events.
//!
//! Kept in one file, though long, because the four kinds share the canvas, axes,
//! ticks, legend and error bars above them.
//!
//! Every chart is drawn [`WIDTH`] wide, narrow enough that two fit side by side on a
//! desktop page at full size and that a phone (a 390 px screen leaves about 366 px)
//! shrinks them by a sixth at most: text of [`FONT`] units stays about 11 px there,
//! and the page's styles stop the shrinking at 340 px (10 px text). Long titles,
//! legends, labels and event titles wrap onto more lines, and the chart grows taller
//! to hold them, instead of running off the edge.

use std::fmt::Write as _;

use super::escape;
use crate::builtin::is_currency;
use crate::report::{Chart, ChartKind, ChartPoint};
use crate::words::format_number;
use crate::words::numbers::group;

/// Colours of the first and second direction, and of targets and projections.
const COLOURS: [&str; 3] = ["#1f6fb2", "#d9822b", "#6b6b6b"];

/// Width of every chart, in SVG units (CSS pixels at full size).
const WIDTH: f64 = 440.0;
/// Size of the text: labels, ticks, legends.
const FONT: f64 = 13.0;
/// Size of the title, bold.
const TITLE_FONT: f64 = 15.0;
/// Height of a line of text.
const LINE: f64 = 17.0;
/// Margin at the right of a plot and around the edges.
const RIGHT: f64 = 14.0;
/// Height of the plot of a series or of bars.
const PLOT_HEIGHT: f64 = 200.0;

/// A chart as a standalone inline SVG element.
pub fn chart_svg(chart: &Chart) -> String {
    match chart.kind {
        ChartKind::Series => series_svg(chart),
        ChartKind::Directions => bars_svg(chart),
        ChartKind::Progress => progress_svg(chart),
        ChartKind::Timeline => timeline_svg(chart),
    }
}

/// How wide `text` is at `size`, a little generously: the average letter of a sans
/// serif is about half its size, digits and capitals more.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * CHAR
}

/// Width of an average character, as a share of the text's size.
const CHAR: f64 = 0.58;

/// The least room between two labels along an axis. Generous, because digits are wider
/// than the average character: in DejaVu Sans, a Linux desktop's usual system font,
/// "2024" at 13 px takes 33 px against the 30 `text_width` allows.
const LABEL_GAP: f64 = 10.0;

/// `text` in lines no wider than `width` at `size`, broken at spaces and after a
/// slash ("2025-01/" "2025-08"); a word longer than a line is cut.
fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let fits = ((width / (size * CHAR)).floor() as usize).max(4);
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let mut rest = word;
        while let Some(at) = rest.find('/').filter(|&at| at + 1 < rest.len()) {
            words.push(rest[..=at].to_owned());
            rest = &rest[at + 1..];
        }
        words.push(rest.to_owned());
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        let joined = if line.is_empty() || line.ends_with('/') {
            format!("{line}{word}")
        } else {
            format!("{line} {word}")
        };
        if joined.chars().count() <= fits || line.is_empty() {
            line = joined;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word;
        }
        while line.chars().count() > fits {
            let cut: String = line.chars().take(fits).collect();
            line = line.chars().skip(fits).collect();
            lines.push(cut);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lines of text from `y` down, as one `<text>` with a `<tspan>` per line.
fn text_lines(lines: &[String], x: f64, y: f64, attributes: &str) -> String {
    let mut out = format!("<text x=\"{x:.1}\" y=\"{y:.1}\"{attributes}>");
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { LINE };
        let _ = write!(
            out,
            "<tspan x=\"{x:.1}\" dy=\"{dy}\">{}</tspan>",
            escape(line)
        );
    }
    out.push_str("</text>");
    out
}

/// The chart's title, wrapped to the chart's width, and where what comes below it
/// starts.
fn title_lines(title: &str) -> (Vec<String>, f64) {
    let lines = wrap(title, WIDTH - 2.0 * RIGHT, TITLE_FONT * 1.1);
    let below = 14.0 + lines.len() as f64 * (TITLE_FONT + 4.0) + 16.0;
    (lines, below)
}

fn svg_open(width: f64, height: f64, title: &str, lines: &[String]) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height:.0}\" width=\"{width}\" height=\"{height:.0}\" \
         role=\"img\" font-family=\"system-ui, sans-serif\" font-size=\"{FONT}\">\n<title>{}</title>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n{}\n",
        escape(title),
        text_lines(
            lines,
            RIGHT,
            14.0 + TITLE_FONT,
            &format!(" font-size=\"{TITLE_FONT}\" font-weight=\"600\"")
        )
    )
}

/// Round tick values from at most `min` (never above zero) to at least `max` (never
/// below zero), so that zero is always on the axis.
///
/// Any finite range gives a handful of ticks: a quarter of the range is taken before
/// subtracting (±1e308 apart overflow), ticks beyond the largest double are that
/// double, and a range too small for a step of its own (a few subnormals) gets its
/// two ends alone, never a step of zero that would count ticks by the billion.
fn ticks(min: f64, max: f64) -> Vec<f64> {
    let (min, max) = (min.min(0.0), max.max(0.0));
    if !(min.is_finite() && max.is_finite()) || max <= min {
        return vec![0.0, 1.0];
    }
    let raw = max / 4.0 - min / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let (first, last) = ((min / step).floor(), (max / step).ceil());
    // (NaN counts fail every comparison, so they fall back too.)
    let few = step > 0.0 && step.is_finite() && last - first <= MOST_TICKS;
    if !few {
        return vec![min, max];
    }
    (first as i64..=last as i64)
        .map(|i| (i as f64 * step).clamp(-f64::MAX, f64::MAX))
        .collect()
}

/// More ticks than a step of a quarter of the range can give (five, and one for
/// rounding each end outwards), with room to spare.
const MOST_TICKS: f64 = 12.0;

/// The vertical position of `value` on a plot from `top` down `plot_height`, whose
/// axis runs over `ticks`. Halves are subtracted where whole values would overflow
/// (an axis from −1e308 to 1e308).
fn scale_y(ticks: &[f64], top: f64, plot_height: f64) -> impl Fn(f64) -> f64 {
    let bottom = *ticks.first().unwrap_or(&0.0);
    let high = *ticks.last().unwrap_or(&1.0);
    move |v| {
        let share = if (high - bottom).is_finite() && (v - bottom).is_finite() {
            (v - bottom) / (high - bottom)
        } else {
            (v / 2.0 - bottom / 2.0) / (high / 2.0 - bottom / 2.0)
        };
        top + plot_height - share * plot_height
    }
}

/// The value axis: its ticks, their labels in the axis' scale ("200" for 200 million),
/// and the title that names the unit with that scale ("USD million", "million t"), so
/// that the tick numbers and the title read together. Tooltips keep the prose figure.
struct ValueAxis {
    ticks: Vec<f64>,
    labels: Vec<String>,
    /// The title, wrapped to the chart's width.
    title: Vec<String>,
}

impl ValueAxis {
    /// The axis over `ticks` of values in `unit`: in thousands from 10,000 (a 2,000
    /// reads well as it is), in millions, billions or trillions from one of them.
    fn new(ticks: Vec<f64>, unit: &str) -> ValueAxis {
        let top = ticks.iter().map(|t| t.abs()).fold(0.0, f64::max);
        let scale = AXIS_SCALES
            .iter()
            .find(|(scale, _)| top >= *scale * if *scale == 1e3 { 10.0 } else { 1.0 });
        let (labels, title) = match scale {
            Some(&(scale, word)) => {
                let step = ticks
                    .windows(2)
                    .map(|w| (w[1] - w[0]) / scale)
                    .fold(f64::INFINITY, f64::min);
                // As many decimals as the step needs: 0.25 two, 0.5 one, 2 none.
                let decimals = (0..=3)
                    .find(|&d| {
                        let shifted = step * 10f64.powi(d);
                        !shifted.is_finite() || (shifted - shifted.round()).abs() < 1e-6
                    })
                    .unwrap_or(3) as usize;
                let labels = ticks
                    .iter()
                    .map(|t| {
                        // Zero as "0", never "0.00" or "-0".
                        if *t == 0.0 {
                            "0".to_owned()
                        } else {
                            group(&format!("{:.decimals$}", t / scale))
                        }
                    })
                    .collect();
                (labels, scaled_unit(unit, word))
            }
            None => (
                ticks.iter().map(|t| format_number(*t)).collect(),
                unit.to_owned(),
            ),
        };
        ValueAxis {
            ticks,
            labels,
            title: wrap(&title, WIDTH - 2.0 * RIGHT, FONT),
        }
    }

    /// Where the plot starts: right of the widest tick label.
    fn plot_left(&self) -> f64 {
        let widest = self
            .labels
            .iter()
            .map(|l| text_width(l, FONT))
            .fold(0.0, f64::max);
        (RIGHT + widest + 8.0).min(WIDTH / 2.0)
    }

    /// The height the title takes above the plot.
    fn title_height(&self) -> f64 {
        self.title.len() as f64 * LINE + 6.0
    }

    /// The title above the plot at `top`, then the grid lines and tick labels.
    fn draw(&self, out: &mut String, left: f64, top: f64) {
        out.push_str(&text_lines(
            &self.title,
            RIGHT,
            top - self.title_height() + LINE - 8.0,
            " fill=\"#555\"",
        ));
        out.push('\n');
        let sy = scale_y(&self.ticks, top, PLOT_HEIGHT);
        for (t, label) in self.ticks.iter().zip(&self.labels) {
            let y = sy(*t);
            let _ = writeln!(
                out,
                "<line x1=\"{left:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e5e5e5\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
                WIDTH - RIGHT,
                left - 6.0,
                y + 4.0,
                escape(label)
            );
        }
    }
}

/// The scales a value axis is written in, largest first.
const AXIS_SCALES: [(f64, &str); 4] = [
    (1e12, "trillion"),
    (1e9, "billion"),
    (1e6, "million"),
    (1e3, "thousand"),
];

/// The unit with its scale as an axis title: a currency's code before the scale, as a
/// table's header writes it ("USD million"); other units after it ("million t",
/// "thousand persons"); a bare count as its scale alone ("thousand").
fn scaled_unit(unit: &str, word: &str) -> String {
    if is_currency(unit) {
        format!("{unit} {word}")
    } else if unit.is_empty() || unit == "count" {
        word.to_owned()
    } else {
        format!("{word} {unit}")
    }
}

/// The legend's entries laid out from `y` down, as many to a row as fit the width;
/// returns the rows it took.
fn legend(out: &mut String, labels: &[(String, &str, bool)], y: f64) -> usize {
    let (mut x, mut y, mut rows) = (RIGHT, y, usize::from(!labels.is_empty()));
    for (label, colour, dashed) in labels {
        let width = 24.0 + text_width(label, FONT) + 16.0;
        if x > RIGHT && x + width > WIDTH - RIGHT {
            (x, y, rows) = (RIGHT, y + LINE + 2.0, rows + 1);
        }
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
        x += width;
    }
    rows
}

/// Rows the legend takes, to size the chart before drawing it.
fn legend_rows(labels: &[(String, &str, bool)]) -> usize {
    legend(&mut String::new(), labels, 0.0)
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

/// Every `step`-th year from `x0` to `x1` (decimal years), the step the smallest of
/// 1, 2, 5, 10 … that leaves room between the labels on a plot `plot_width` wide:
/// a handful of labels even over the 20,000 years from −9999 to 9999, the years a
/// date can have (and to which the axis is clamped).
fn year_labels(x0: f64, x1: f64, plot_width: f64) -> Vec<i32> {
    let (x0, x1) = (x0.max(-10_000.0), x1.min(10_000.0));
    let span = (x1 - x0).max(1.0);
    // The widest label: "2024", or "-9999" on an axis that reaches so far back.
    let widest = [x0, x1 - 1.0]
        .iter()
        .map(|&year| text_width(&(year as i32).to_string(), FONT))
        .fold(0.0, f64::max);
    let room = widest + LABEL_GAP;
    let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
        .into_iter()
        .find(|&k| f64::from(k) * plot_width / span >= room)
        .unwrap_or(10_000);
    ((x0 as i32)..(x1 as i32))
        .filter(|year| year.rem_euclid(step) == 0 || step == 1)
        .collect()
}

/// The `d` of a path through `points`, lifting the pen where a point has a gap before
/// it (a missing year), so that the line does not join across the gap.
fn line_path(points: &[ChartPoint], at: impl Fn(&ChartPoint) -> (f64, f64)) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let (x, y) = at(p);
        let pen = if i == 0 || p.gap_before { 'M' } else { 'L' };
        if !d.is_empty() {
            d.push(' ');
        }
        let _ = write!(d, "{pen}{x:.1},{y:.1}");
    }
    d
}

fn series_svg(chart: &Chart) -> String {
    let (title, below_title) = title_lines(&chart.title);
    let axis_values = ValueAxis::new(ticks(min_low(chart), max_high(chart)), &chart.unit);
    let top = below_title + axis_values.title_height();
    let left = axis_values.plot_left();
    let plot_width = WIDTH - left - RIGHT;
    let labels: Vec<(String, &str, bool)> = chart
        .series
        .iter()
        .map(|s| {
            let colour = if s.dashed { COLOURS[2] } else { COLOURS[0] };
            (s.label.clone(), colour, s.dashed)
        })
        .collect();
    let axis = top + PLOT_HEIGHT;
    // A legend only where there are lines to tell apart: a lone "actual" says nothing.
    let legend_labels = if labels.len() > 1 { &labels[..] } else { &[] };
    let height = axis + 44.0 + legend_rows(legend_labels) as f64 * (LINE + 2.0);
    let mut out = svg_open(WIDTH, height, &chart.title, &title);
    axis_values.draw(&mut out, left, top);
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
    let sx = |x: f64| left + (x - x0) / span * plot_width;
    let sy = scale_y(&axis_values.ticks, top, PLOT_HEIGHT);
    for year in year_labels(x0, x1, plot_width) {
        let x = sx(f64::from(year) + 0.5);
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\">{year}</text>",
            axis + 18.0
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{left:.1}\" x2=\"{:.1}\" y1=\"{axis:.1}\" y2=\"{axis:.1}\" stroke=\"#888\"/>",
        WIDTH - RIGHT,
    );
    // Targets and projections first, so that the last actual point, where the dashed
    // line starts, shows in the colour of the actual line.
    let mut drawn: Vec<_> = chart.series.iter().zip(&labels).collect();
    drawn.sort_by_key(|(series, _)| !series.dashed);
    for (series, (_, colour, _)) in drawn {
        let dash = if series.dashed {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>",
            line_path(&series.points, |p| (sx(p.x), sy(p.value)))
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
    }
    legend(&mut out, legend_labels, axis + 40.0);
    out.push_str("</svg>");
    out
}

fn bars_svg(chart: &Chart) -> String {
    let (title, below_title) = title_lines(&chart.title);
    let axis_values = ValueAxis::new(ticks(min_low(chart), max_high(chart)), &chart.unit);
    let top = below_title + axis_values.title_height();
    let left = axis_values.plot_left();
    let plot_width = WIDTH - left - RIGHT;
    // Every period either series has, in time order, so that a period only one
    // direction reports keeps its place.
    let mut dated: Vec<(f64, String)> = Vec::new();
    for p in chart.series.iter().flat_map(|s| s.points.iter()) {
        if !dated.iter().any(|(_, label)| label == &p.label) {
            dated.push((p.x, p.label.clone()));
        }
    }
    dated.sort_by(|x, y| x.0.total_cmp(&y.0));
    let periods: Vec<String> = dated.into_iter().map(|(_, label)| label).collect();
    let group = plot_width / periods.len().max(1) as f64;
    let period_lines = thinned_labels(&periods, group);
    let label_rows = period_lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let labels: Vec<(String, &str, bool)> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.label.clone(), COLOURS[i.min(1)], false))
        .collect();
    let axis = top + PLOT_HEIGHT;
    let legend_top = axis + 22.0 + label_rows * LINE;
    let height = legend_top + 4.0 + legend_rows(&labels) as f64 * (LINE + 2.0);
    let mut out = svg_open(WIDTH, height, &chart.title, &title);
    axis_values.draw(&mut out, left, top);
    let bar = (group * 0.7 / chart.series.len().max(1) as f64).min(60.0);
    let sy = scale_y(&axis_values.ticks, top, PLOT_HEIGHT);
    for (g, period) in periods.iter().enumerate() {
        let centre = left + group * (g as f64 + 0.5);
        out.push_str(&text_lines(
            &period_lines[g],
            centre,
            axis + 18.0,
            " text-anchor=\"middle\" fill=\"#555\"",
        ));
        out.push('\n');
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
        "<line x1=\"{left:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#888\"/>",
        WIDTH - RIGHT,
        sy(0.0),
        sy(0.0)
    );
    legend(&mut out, &labels, legend_top);
    out.push_str("</svg>");
    out
}

/// The labels under groups `group` wide: each wrapped to its group while few; when many
/// would run together, one label every so many groups (counted back from the latest,
/// which always has its label), each on one line. Every bar keeps its period in its
/// tooltip.
fn thinned_labels(periods: &[String], group: f64) -> Vec<Vec<String>> {
    let widest = periods
        .iter()
        .map(|p| text_width(p, FONT))
        .fold(0.0, f64::max);
    if periods.len() <= 4 || widest + LABEL_GAP <= group {
        return periods.iter().map(|p| wrap(p, group - 6.0, FONT)).collect();
    }
    let every = ((widest + LABEL_GAP) / group).ceil().max(1.0) as usize;
    let last = periods.len() - 1;
    periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if (last - i).is_multiple_of(every) {
                vec![p.clone()]
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// One bar per series, each under its label, with its value in words after the bar.
fn progress_svg(chart: &Chart) -> String {
    let (title, top) = title_lines(&chart.title);
    let row = LINE + 26.0 + 10.0;
    let height = top + chart.series.len().max(1) as f64 * row + 4.0;
    let mut out = svg_open(WIDTH, height, &chart.title, &title);
    let values: Vec<String> = chart
        .series
        .iter()
        .filter_map(|s| s.points.first())
        .map(|p| p.text.clone())
        .collect();
    let value_room = values
        .iter()
        .map(|v| text_width(v, FONT))
        .fold(0.0, f64::max)
        .min(WIDTH / 2.0);
    let left = RIGHT;
    let plot_width = WIDTH - left - RIGHT - value_room - 8.0;
    let high = max_high(chart).max(1.0) * 1.02;
    let sx = |v: f64| left + v / high * plot_width;
    for (i, series) in chart.series.iter().enumerate() {
        let Some(p) = series.points.first() else {
            continue;
        };
        let y = top + i as f64 * row + LINE;
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
        let label = wrap(&series.label, WIDTH - 2.0 * RIGHT, FONT);
        let _ = writeln!(
            out,
            "<text x=\"{left:.1}\" y=\"{:.1}\">{}</text>\
             <rect x=\"{left:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"26\" fill=\"{fill}\"{stroke}><title>{}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#333\">{}</text>",
            y - 5.0,
            escape(&label[0]),
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

/// The events one under another, each a dot on a time strip at the left and its date
/// and title at the right, the title wrapped onto as many lines as it needs.
fn timeline_svg(chart: &Chart) -> String {
    let (title, top) = title_lines(&chart.title);
    let axis_left = RIGHT;
    let axis_width = 110.0;
    let text_left = axis_left + axis_width + 14.0;
    let texts: Vec<Vec<String>> = chart
        .events
        .iter()
        .map(|e| {
            wrap(
                &format!("{} {}", e.date, e.title),
                WIDTH - text_left - RIGHT,
                FONT,
            )
        })
        .collect();
    let rows: Vec<f64> = texts
        .iter()
        .map(|lines| lines.len() as f64 * LINE + 8.0)
        .collect();
    let bottom = top + rows.iter().sum::<f64>() + 4.0;
    let height = bottom + 24.0;
    let mut out = svg_open(WIDTH, height, &chart.title, &title);
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
    let _ = writeln!(
        out,
        "<line x1=\"{axis_left}\" x2=\"{:.1}\" y1=\"{bottom:.1}\" y2=\"{bottom:.1}\" stroke=\"#888\"/>\
         <text x=\"{axis_left}\" y=\"{:.1}\" fill=\"#555\">{}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
        axis_left + axis_width,
        bottom + 18.0,
        x0,
        axis_left + axis_width,
        bottom + 18.0,
        x1
    );
    let mut y = top;
    for ((e, lines), height) in chart.events.iter().zip(&texts).zip(&rows) {
        let dot = y + 8.0;
        let x = sx(e.x);
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" x2=\"{:.1}\" y1=\"{dot:.1}\" y2=\"{dot:.1}\" stroke=\"#ddd\" stroke-dasharray=\"2 3\"/>\
             <circle cx=\"{x:.1}\" cy=\"{dot:.1}\" r=\"4\" fill=\"{}\"><title>{}</title></circle>",
            text_left - 4.0,
            COLOURS[0],
            escape(&format!("{} {}: {}", e.date, e.kind, e.title)),
        );
        // The date in grey, then the title: the date is the first words of the first line.
        let words = e.date.split_whitespace().count();
        let mut first = lines[0].splitn(words + 1, ' ');
        let date: Vec<&str> = first.by_ref().take(words).collect();
        let (date, rest) = (date.join(" "), first.next().unwrap_or(""));
        let _ = write!(
            out,
            "<text x=\"{text_left:.1}\" y=\"{:.1}\"><tspan fill=\"#555\">{}</tspan> {}",
            dot + 4.5,
            escape(&date),
            escape(rest)
        );
        for line in &lines[1..] {
            let _ = write!(
                out,
                "<tspan x=\"{text_left:.1}\" dy=\"{LINE}\">{}</tspan>",
                escape(line)
            );
        }
        out.push_str("</text>\n");
        y += height;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ChartKind;

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
        let sy = scale_y(&[-200.0, 0.0, 200.0], 40.0, 100.0);
        assert_eq!((sy(200.0), sy(0.0), sy(-200.0)), (40.0, 90.0, 140.0));
    }

    #[test]
    fn wrapped_lines_fit_their_width_and_keep_every_word() {
        // 58 units at size 10 hold 58 / (10 × 0.58) = 10 characters
        assert_eq!(
            wrap("Rail and road links agreement", 58.0, 10.0),
            ["Rail and", "road links", "agreement"]
        );
        // a period breaks after its slash; a word longer than a line is cut
        assert_eq!(wrap("2025-01/2025-08", 58.0, 10.0), ["2025-01/", "2025-08"]);
        assert_eq!(wrap("abcdefghijklm", 58.0, 10.0), ["abcdefghij", "klm"]);
        assert_eq!(wrap("", 58.0, 10.0), [""]);
    }

    #[test]
    fn bar_labels_thin_out_counting_back_from_the_latest() {
        let years: Vec<String> = (2015..=2024).map(|y| y.to_string()).collect();
        // "2024" takes 4 × 13 × 0.58 = 30.16 units, 40.16 with the gap: on groups 41
        // wide every year has its label
        assert!(thinned_labels(&years, 41.0).iter().all(|l| l.len() == 1));
        // on groups 20 wide: one label every ⌈40.16 / 20⌉ = 3 groups, from 2024 back
        let thinned = thinned_labels(&years, 20.0);
        let shown: Vec<&str> = thinned.iter().flatten().map(String::as_str).collect();
        assert_eq!(shown, ["2015", "2018", "2021", "2024"]);
        // few groups wrap instead: "2025-01/2025-08" breaks after its slash
        let few = ["2025-01/2025-08".to_owned()];
        assert_eq!(thinned_labels(&few, 80.0), [["2025-01/", "2025-08"]]);
    }

    #[test]
    fn bars_come_in_time_order_with_a_period_only_one_series_has() {
        let point = |label: &str, x: f64| crate::report::ChartPoint {
            label: label.to_owned(),
            x,
            value: 1.0,
            low: 1.0,
            high: 1.0,
            note: None,
            gap_before: false,
            text: "1".to_owned(),
        };
        let series = |points| crate::report::ChartSeries {
            label: "s".to_owned(),
            dashed: false,
            points,
        };
        let chart = Chart {
            kind: crate::report::ChartKind::Directions,
            indicator: None,
            product: None,
            origin: None,
            destination: None,
            title: "t".to_owned(),
            unit: "USD".to_owned(),
            series: vec![
                series(vec![point("2019", 2019.5), point("2021", 2021.5)]),
                series(vec![
                    point("2019", 2019.5),
                    point("2020", 2020.5),
                    point("2021", 2021.5),
                ]),
            ],
            events: Vec::new(),
        };
        let svg = bars_svg(&chart);
        let at = |label: &str| svg.find(&format!(">{label}<")).unwrap();
        assert!(at("2019") < at("2020") && at("2020") < at("2021"), "{svg}");
    }

    #[test]
    fn the_value_axis_names_the_unit_with_its_scale_and_its_ticks_agree() {
        let labels = |axis: &ValueAxis| axis.labels.clone();
        // $2,241.5 million: a quarter is 560 million, so steps of 1 billion to 3 billion
        let usd = ValueAxis::new(ticks(0.0, 2_241_509_600.0), "USD");
        assert_eq!(usd.ticks, [0.0, 1e9, 2e9, 3e9]);
        assert_eq!(labels(&usd), ["0", "1", "2", "3"]);
        assert_eq!(usd.title, ["USD billion"]);
        // 4.5 million t: steps of 2 million (a quarter is 1.125 million)
        let t = ValueAxis::new(ticks(0.0, 4_500_000.0), "t");
        assert_eq!(labels(&t), ["0", "2", "4", "6"]);
        assert_eq!(t.title, ["million t"]);
        // 103,000 persons: steps of 50,000, in thousands from 10,000
        let persons = ValueAxis::new(ticks(0.0, 103_000.0), "persons");
        assert_eq!(labels(&persons), ["0", "50", "100", "150"]);
        assert_eq!(persons.title, ["thousand persons"]);
        // 1,530 companies: below 10,000 the numbers stay as they are
        let count = ValueAxis::new(ticks(0.0, 1_530.0), "count");
        assert_eq!(labels(&count), ["0", "500", "1,000", "1,500", "2,000"]);
        assert_eq!(count.title, ["count"]);
        // 1 million t: a quarter is 250,000, so steps of 0.25 million, two decimals each
        // (zero is "0" on every axis)
        let quarters = ValueAxis::new(ticks(0.0, 1_000_000.0), "t");
        assert_eq!(labels(&quarters), ["0", "0.25", "0.50", "0.75", "1.00"]);
        // another currency's code comes first too; a negative tick keeps its sign
        let kzt = ValueAxis::new(vec![-2e10, 0.0, 2e10], "KZT");
        assert_eq!(labels(&kzt), ["-20", "0", "20"]);
        assert_eq!(kzt.title, ["KZT billion"]);
    }

    /// A chart of `years` yearly points from 1995 on, values growing to about 2.2 billion,
    /// in `series` series.
    fn yearly_chart(kind: ChartKind, years: i32, series: usize) -> Chart {
        let points: Vec<ChartPoint> = (0..years)
            .map(|i| {
                let value = 1e9 + 4e7 * f64::from(i);
                ChartPoint {
                    label: (1995 + i).to_string(),
                    x: f64::from(1995 + i) + 0.5,
                    value,
                    low: value,
                    high: value,
                    note: None,
                    gap_before: false,
                    text: format!("${} million", value / 1e6),
                }
            })
            .collect();
        Chart {
            kind,
            indicator: None,
            product: None,
            origin: None,
            destination: None,
            title: "Exports from Georgia to Türkiye and from Türkiye to Georgia, every year"
                .to_owned(),
            unit: "USD".to_owned(),
            series: (0..series)
                .map(|i| crate::report::ChartSeries {
                    label: format!("direction {i}"),
                    dashed: false,
                    points: points.clone(),
                })
                .collect(),
            events: Vec::new(),
        }
    }

    /// The `<text>` elements of an SVG: x, y, anchor and the first line of text.
    fn texts(svg: &str) -> Vec<(f64, f64, String, String)> {
        let attribute = |tag: &str, name: &str| -> Option<String> {
            let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            Some(tag[at..at + tag[at..].find('"')?].to_owned())
        };
        svg.split("<text ")
            .skip(1)
            .map(|rest| {
                let tag = &rest[..rest.find('>').unwrap()];
                let body = &rest[tag.len() + 1..];
                let tag = &format!(" {tag}");
                let body = match body.strip_prefix("<tspan") {
                    Some(tspan) => &tspan[tspan.find('>').unwrap() + 1..],
                    None => body,
                };
                let text = body[..body.find('<').unwrap()].to_owned();
                (
                    attribute(tag, "x").unwrap().parse().unwrap(),
                    attribute(tag, "y").unwrap().parse().unwrap(),
                    attribute(tag, "text-anchor").unwrap_or_else(|| "start".to_owned()),
                    text,
                )
            })
            .collect()
    }

    /// Panics when two texts on one baseline overlap, or one runs off the chart, with
    /// widths from `text_width` and a tenth more (the digits of DejaVu Sans).
    fn assert_no_overlap(svg: &str) {
        let mut by_line: Vec<(f64, f64, f64, String)> = texts(svg)
            .into_iter()
            .filter(|(_, _, _, text)| !text.is_empty())
            .map(|(x, y, anchor, text)| {
                let width = text_width(&text, FONT) * 1.1;
                let left = match anchor.as_str() {
                    "middle" => x - width / 2.0,
                    "end" => x - width,
                    _ => x,
                };
                (y, left, left + width, text)
            })
            .collect();
        by_line.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.total_cmp(&q.1)));
        for (y, left, right, text) in &by_line {
            assert!(
                *left >= 0.0 && *right <= WIDTH,
                "{text} runs off: {left}..{right}"
            );
            let _ = y;
        }
        for pair in by_line.windows(2) {
            let ((y, _, right, a), (z, left, _, b)) = (&pair[0], &pair[1]);
            if y == z {
                assert!(
                    right < left,
                    "{a} ({right}) runs into {b} ({left}) at y {y}"
                );
            }
        }
    }

    #[test]
    fn thirty_years_of_labels_never_overlap_at_the_charts_width() {
        for chart in [
            yearly_chart(ChartKind::Series, 30, 1),
            yearly_chart(ChartKind::Directions, 30, 2),
            yearly_chart(ChartKind::Directions, 3, 2),
        ] {
            let svg = chart_svg(&chart);
            assert_no_overlap(&svg);
            let years: Vec<String> = texts(&svg)
                .into_iter()
                .map(|t| t.3)
                .filter(|t| t.len() == 4 && t.starts_with(['1', '2']))
                .collect();
            // thinned, but the axis still reads as years: at least one every five
            assert!(years.len() >= chart.series[0].points.len() / 5, "{years:?}");
        }
        // the tick labels stand one above the other, a line of text apart at least:
        // 200 units over four steps of 0.5 billion (1 to 2.16 billion, a quarter of 2.16
        // is 0.54 → a step of 1 billion over 0–3: three steps of 66.7)
        let svg = chart_svg(&yearly_chart(ChartKind::Series, 30, 1));
        let ticks: Vec<f64> = texts(&svg)
            .into_iter()
            .filter(|t| t.2 == "end")
            .map(|t| t.1)
            .collect();
        assert_eq!(ticks.len(), 4);
        assert!(ticks.windows(2).all(|w| (w[0] - w[1]).abs() >= LINE));
    }

    #[test]
    fn a_chart_shows_scaled_ticks_and_keeps_the_prose_figure_in_its_tooltips() {
        let chart = yearly_chart(ChartKind::Series, 3, 1);
        let svg = chart_svg(&chart);
        // 1, 1.04 and 1.08 billion: a quarter of 1.08 is 0.27 → a step of 0.5 billion
        let ticks: Vec<String> = texts(&svg)
            .into_iter()
            .filter(|t| t.2 == "end")
            .map(|t| t.3)
            .collect();
        assert_eq!(ticks, ["0", "0.5", "1.0", "1.5"]);
        assert!(svg.contains(">USD billion<"), "{svg}");
        assert!(!svg.contains("1,000,000,000"));
        assert!(svg.contains("<title>1996: $1040 million</title>"), "{svg}");
        // one line needs no legend; two do
        assert!(!svg.contains(">direction 0<"));
        let mut two = chart.clone();
        two.series[0].dashed = true;
        two.series.push(chart.series[0].clone());
        assert!(chart_svg(&two).contains(">direction 0<"));
        // the long title wraps inside the chart: 72 characters of 15 × 1.1 × 0.58 = 9.57
        // units take 689, and a line holds 440 − 2 × 14 = 412 (43 characters)
        let title = &svg[svg.find("font-weight=\"600\"").unwrap()..];
        let title = &title[..title.find("</text>").unwrap()];
        let lines: Vec<&str> = title
            .split("</tspan>")
            .filter_map(|t| t.rsplit_once('>').map(|(_, line)| line))
            .filter(|line| !line.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "Exports from Georgia to Türkiye and from",
                "Türkiye to Georgia, every year"
            ]
        );
    }

    #[test]
    fn year_labels_thin_out_where_the_years_are_close() {
        // "2024" takes 4 × 13 × 0.58 = 30.16 units, with 10 between: 40.16 a label.
        // 3 years on 300 units: 100 a year, every year.
        assert_eq!(year_labels(2022.0, 2025.0, 300.0), [2022, 2023, 2024]);
        // 20 years on 300 units: 15 a year; every 5th year gives 75 ≥ 40.16, every 2nd 30.
        assert_eq!(year_labels(2005.0, 2025.0, 300.0), [2005, 2010, 2015, 2020]);
    }
}
