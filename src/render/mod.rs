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

/// The forms a [`Report`] is written in. A format named by text (a command line's
/// `--format`, a setting) is read once at the edge with [`str::parse`].
///
/// ```
/// use bilateral::ReportFormat;
///
/// let format: ReportFormat = "html".parse()?;
/// assert_eq!(format, ReportFormat::Html);
/// assert_eq!(format.to_string(), "html");
/// let wrong = "pdf".parse::<ReportFormat>().unwrap_err();
/// assert_eq!(wrong.validation().unwrap().field, bilateral::error::field::FORMAT);
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReportFormat {
    /// Markdown with footnotes and pipe tables ([`Report::to_markdown`]).
    Markdown,
    /// A self-contained HTML page with inline SVG charts ([`Report::to_html`]).
    Html,
    /// JSON with stable field names ([`Report::to_json`]).
    Json,
}

impl ReportFormat {
    /// Every format.
    pub const ALL: [ReportFormat; 3] = [
        ReportFormat::Markdown,
        ReportFormat::Html,
        ReportFormat::Json,
    ];

    /// The name a text gives it: `markdown`, `html`, `json`.
    pub fn code(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "markdown",
            ReportFormat::Html => "html",
            ReportFormat::Json => "json",
        }
    }
}

impl std::fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for ReportFormat {
    type Err = Error;

    /// `markdown`, `html` or `json` (any case); anything else is a validation error on
    /// [`field::FORMAT`](crate::error::field::FORMAT).
    fn from_str(text: &str) -> Result<ReportFormat> {
        ReportFormat::ALL
            .into_iter()
            .find(|f| f.code().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    crate::error::field::FORMAT,
                    text,
                    "is not markdown, html or json",
                )
            })
    }
}

impl Report {
    /// The report written in `format`.
    ///
    /// ```
    /// use bilateral::{ReportFormat, Store};
    ///
    /// let report = Store::demo()?.report("AZE", "KAZ")?;
    /// assert!(report.render_as(ReportFormat::Html).starts_with("<!DOCTYPE html>"));
    /// assert_eq!(report.render_as(ReportFormat::Markdown), report.to_markdown());
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn render_as(&self, format: ReportFormat) -> String {
        match format {
            ReportFormat::Markdown => self.to_markdown(),
            ReportFormat::Html => self.to_html(),
            ReportFormat::Json => self.to_json(),
        }
    }

    /// The report rendered as `markdown`, `html` or `json`; any other format is a
    /// validation error on field `format`.
    #[deprecated(
        since = "0.2.0",
        note = "use `Report::render_as(ReportFormat)`, reading a text with `text.parse::<ReportFormat>()?`"
    )]
    pub fn render(&self, format: &str) -> Result<String> {
        Ok(self.render_as(format.parse()?))
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

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn a_format_is_read_from_its_name_in_any_case_and_nothing_else() {
        for (text, format) in [
            ("markdown", ReportFormat::Markdown),
            (" HTML ", ReportFormat::Html),
            ("Json", ReportFormat::Json),
        ] {
            assert_eq!(text.parse::<ReportFormat>().unwrap(), format);
        }
        for text in ["md", "pdf", ""] {
            let error = text.parse::<ReportFormat>().unwrap_err();
            assert_eq!(
                error.validation().unwrap().field,
                crate::error::field::FORMAT
            );
        }
    }
}
