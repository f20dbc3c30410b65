//! The report as HTML: a self-contained page (styles inline, charts as inline SVG,
//! nothing loaded from elsewhere) or a fragment for a notebook.

use std::fmt::Write as _;

use super::{cell_text, chart_svg, note_tail, source_text};
use crate::report::{Cell, Report, Sentence, Table};

impl Report {
    /// The report as one self-contained HTML page: styles inline, charts as inline
    /// SVG, nothing loaded from elsewhere.
    pub fn to_html(&self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n</head>\n<body>\n{}</body>\n</html>\n",
            escape(&self.title),
            self.to_html_fragment()
        )
    }

    /// The report as an HTML fragment (a `<div>` with its own styles), for embedding
    /// in a page or a notebook.
    pub fn to_html_fragment(&self) -> String {
        let mut out = String::from("<div class=\"bilateral-report\">\n");
        out.push_str(STYLE);
        let _ = writeln!(out, "<h1>{}</h1>", escape(&self.title));
        if !self.headline.is_empty() {
            out.push_str("<h2>Summary</h2>\n<ul class=\"headline\">\n");
            for s in &self.headline {
                let _ = writeln!(out, "<li>{}{}</li>", escape(&s.text), self.html_notes(s));
            }
            out.push_str("</ul>\n");
        }
        for section in &self.sections {
            let _ = writeln!(
                out,
                "<section id=\"{}\">\n<h2>{}</h2>",
                escape(&section.id),
                escape(&section.title)
            );
            for s in &section.sentences {
                let _ = writeln!(out, "<p>{}{}</p>", escape(&s.text), self.html_notes(s));
            }
            if !section.charts.is_empty() {
                out.push_str("<div class=\"charts\">\n");
                for chart in &section.charts {
                    let _ = writeln!(out, "<figure>{}</figure>", chart_svg(chart));
                }
                out.push_str("</div>\n");
            }
            for table in &section.tables {
                out.push_str(&html_table(table));
            }
            out.push_str("</section>\n");
        }
        if !self.how_to_read.is_empty() {
            out.push_str("<h2>How to read this report</h2>\n");
            for paragraph in &self.how_to_read {
                let _ = writeln!(out, "<p>{}</p>", escape(paragraph));
            }
        }
        if !self.notes.is_empty() {
            out.push_str("<h2>Notes</h2>\n<ol class=\"notes\">\n");
            for n in &self.notes {
                let tail = note_tail(n, escape, ("<q>", "</q>"), ("<em>", "</em>"));
                let _ = writeln!(
                    out,
                    "<li id=\"note-{}\">{}, {}: {}.{tail}</li>",
                    n.number,
                    escape(&n.subject),
                    n.period,
                    escape(&n.figure)
                );
            }
            out.push_str("</ol>\n");
        }
        if !self.sources.is_empty() {
            out.push_str("<h2>Sources</h2>\n<ul class=\"sources\">\n");
            for s in &self.sources {
                let _ = writeln!(
                    out,
                    "<li><strong>{}</strong>: {}</li>",
                    escape(&s.id),
                    escape(&source_text(s))
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div>\n");
        out
    }

    /// Footnote links whose hover text gives the figure, period, source and quote.
    fn html_notes(&self, sentence: &Sentence) -> String {
        let links: Vec<String> = sentence
            .notes
            .iter()
            .filter_map(|&n| self.notes.get(n - 1))
            .map(|n| {
                let hover = format!(
                    "{}, {}: {}. {}{}",
                    n.subject,
                    n.period,
                    n.figure,
                    n.source
                        .as_deref()
                        .map(|s| format!("Source: {s}. "))
                        .unwrap_or_default(),
                    n.quote.as_deref().unwrap_or("")
                );
                format!(
                    "<a href=\"#note-{0}\" title=\"{1}\">{0}</a>",
                    n.number,
                    escape(hover.trim())
                )
            })
            .collect();
        if links.is_empty() {
            String::new()
        } else {
            format!("<sup>{}</sup>", links.join(","))
        }
    }
}

fn html_table(table: &Table) -> String {
    let visible: Vec<usize> = (0..table.columns.len())
        .filter(|&i| table.columns[i].visible)
        .collect();
    let quote = table.columns.iter().position(|c| c.name == "quote");
    let mut out = format!(
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        escape(&table.title)
    );
    for &i in &visible {
        let _ = write!(out, "<th>{}</th>", escape(&table.columns[i].name));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        let hover = quote.and_then(|q| match &row[q] {
            Cell::Text(t) => Some(format!(" title=\"{}\"", escape(t))),
            _ => None,
        });
        let _ = write!(out, "<tr{}>", hover.unwrap_or_default());
        for &i in &visible {
            let name = &table.columns[i].name;
            let text = escape(&cell_text(&row[i], name));
            if let (true, Cell::Integer(n)) = (name == "note", &row[i]) {
                let _ = write!(out, "<td><a href=\"#note-{n}\">{n}</a></td>");
                continue;
            }
            let _ = write!(out, "<td>{text}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "<style>
.bilateral-report { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #222; line-height: 1.5; }
.bilateral-report h1 { font-size: 1.8rem; margin-bottom: 0.5rem; }
.bilateral-report h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.bilateral-report sup a { text-decoration: none; color: #1f6fb2; font-size: 0.75em; margin-left: 0.1em; }
.bilateral-report table { border-collapse: collapse; margin: 1rem 0; font-size: 0.85rem; width: 100%; }
.bilateral-report caption { text-align: left; font-weight: 600; margin-bottom: 0.3rem; }
.bilateral-report th, .bilateral-report td { border-bottom: 1px solid #e5e5e5; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.bilateral-report th { background: #f5f5f5; }
.bilateral-report .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
.bilateral-report figure { margin: 0; flex: 1 1 28rem; max-width: 100%; }
.bilateral-report svg { max-width: 100%; height: auto; }
.bilateral-report ol.notes { font-size: 0.85rem; }
.bilateral-report q { font-style: italic; }
</style>
";
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("a < b & \"c\" 'd'"),
            "a &lt; b &amp; &quot;c&quot; &#39;d&#39;"
        );
    }
}
