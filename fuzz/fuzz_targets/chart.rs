//! Charts of arbitrary points drawn as SVG: any x, value and bounds (subnormal, huge,
//! infinite, NaN, bounds the wrong way round), any labels and events, each kind. No
//! panic, and the drawing stays small whatever the range: the axes carry a bounded
//! number of ticks, so a span of 10³⁰⁸ years draws no more than a span of one.
#![no_main]

use bilateral::render::chart_svg;
use bilateral::report::{Chart, ChartEvent, ChartKind, ChartPoint, ChartSeries};
use libfuzzer_sys::fuzz_target;

/// Largest drawing allowed for an input of `len` bytes: a fixed frame plus a generous
/// allowance for each byte (every byte can at most become a point, a label letter or
/// an event, each drawn a bounded number of times).
fn largest_drawing(len: usize) -> usize {
    64 * 1024 + len * 2048
}

/// Reads the fuzzer's bytes as numbers and text, ending quietly when they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }
    fn float(&mut self) -> Option<f64> {
        let (bytes, rest) = self.0.split_first_chunk::<8>()?;
        self.0 = rest;
        Some(f64::from_le_bytes(*bytes))
    }
    fn text(&mut self) -> Option<String> {
        let len = usize::from(self.byte()? % 40).min(self.0.len());
        let (text, rest) = self.0.split_at(len);
        self.0 = rest;
        Some(String::from_utf8_lossy(text).into_owned())
    }
    fn point(&mut self) -> Option<ChartPoint> {
        let flags = self.byte()?;
        Some(ChartPoint {
            label: self.text()?,
            x: self.float()?,
            value: self.float()?,
            low: self.float()?,
            high: self.float()?,
            note: (flags & 1 == 1).then_some(usize::from(flags >> 1)),
            gap_before: flags & 2 == 2,
            text: self.text()?,
        })
    }
    fn event(&mut self) -> Option<ChartEvent> {
        Some(ChartEvent {
            x: self.float()?,
            date: self.text()?,
            kind: self.text()?,
            title: self.text()?,
        })
    }
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = Bytes(data);
    let Some(kind) = bytes.byte() else {
        return;
    };
    let kind = match kind % 4 {
        0 => ChartKind::Series,
        1 => ChartKind::Directions,
        2 => ChartKind::Progress,
        _ => ChartKind::Timeline,
    };
    let title = bytes.text().unwrap_or_default();
    let unit = bytes.text().unwrap_or_default();
    let mut series = Vec::new();
    let mut events = Vec::new();
    while let Some(what) = bytes.byte() {
        match what % 4 {
            0 => series.push(ChartSeries {
                label: bytes.text().unwrap_or_default(),
                dashed: what & 4 == 4,
                points: Vec::new(),
            }),
            1 | 2 => match (bytes.point(), series.last_mut()) {
                (Some(point), Some(last)) => last.points.push(point),
                (Some(_), None) | (None, _) => {}
            },
            _ => events.extend(bytes.event()),
        }
    }
    let chart = Chart {
        kind,
        indicator: Some("exports".to_owned()),
        product: None,
        origin: Some("AZE".to_owned()),
        destination: Some("KAZ".to_owned()),
        title,
        unit,
        series,
        events,
    };
    let svg = chart_svg(&chart);
    assert!(
        svg.len() <= largest_drawing(data.len()),
        "{} bytes of SVG from {} bytes of input",
        svg.len(),
        data.len()
    );
});
