//! How a [`Report`] looks: Markdown, a self-contained HTML page with inline SVG
//! charts, and JSON with stable field names.
//!
//! One file per format: `markdown.rs` (footnotes and pipe tables), `html.rs` (a
//! self-contained page, or a fragment for a notebook) and `svg.rs` (the charts, which
//! the HTML page and the Python package draw).

mod html;
mod markdown;
mod svg;

use std::fmt::Write as _;

pub use html::escape;
pub use svg::chart_svg;

use crate::error::{Error, Result};
use crate::model::Source;
use crate::report::{Cell, Finding, Note, Report};
use crate::words::format_number;

impl Report {
    /// The report rendered as `markdown`, `html` or `json`; any other format is a
    /// validation error on field `format`.
    pub fn render(&self, format: &str) -> Result<String> {
        match format {
            "markdown" => Ok(self.to_markdown()),
            "html" => Ok(self.to_html()),
            "json" => Ok(self.to_json()),
            _ => Err(Error::invalid(
                "format",
                format,
                "is not markdown, html or json",
            )),
        }
    }

    /// The report as pretty-printed JSON. Field names are those of the Rust types and
    /// stay stable: `title`, `a`, `b`, `headline`, `findings` (`kind`, `severity`,
    /// `text`, `notes`, `figures`, `sections`, `summary`), `sections` (`id`, `title`,
    /// `sentences`, `tables`, `charts`), `notes`, `sources`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report is plain data and always serialises")
    }
}

impl Report {
    /// The findings that sit in the section `id`, strongest first.
    fn findings_in<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |f| f.sections.iter().any(|s| s == id))
    }
}

/// What follows a note's figure: its source, quote and stored note, each text passed
/// through `clean` (escaping or line joining) and the quote and note wrapped.
fn note_tail(
    n: &Note,
    clean: impl Fn(&str) -> String,
    quote: (&str, &str),
    note: (&str, &str),
) -> String {
    let mut tail = String::new();
    if let Some(s) = &n.source {
        let _ = write!(tail, " Source: {}.", clean(s));
    }
    if let Some(q) = &n.quote {
        let _ = write!(tail, " {}{}{}", quote.0, clean(q.trim()), quote.1);
    }
    if let Some(t) = &n.note {
        let _ = write!(tail, " {}{}{}", note.0, clean(t), note.1);
    }
    tail
}

fn source_text(s: &Source) -> String {
    let mut text = String::new();
    if let Some(p) = &s.publisher {
        let _ = write!(text, "{p}, ");
    }
    text.push_str(&s.title);
    if let Some(d) = &s.published {
        let _ = write!(text, " ({d})");
    }
    if let Some(u) = &s.url {
        let _ = write!(text, ", {u}");
    }
    text
}

fn cell_text(cell: &Cell, column: &str) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Integer(n) if column == "note" => format!("[{n}]"),
        Cell::Integer(n) => n.to_string(),
        Cell::Number(n) => format_number(*n),
        Cell::Empty => String::new(),
    }
}
