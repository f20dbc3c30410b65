//! The report as HTML: a self-contained page (styles inline, charts as inline SVG,
//! nothing loaded from elsewhere) or a fragment for a notebook.

use std::fmt::Write as _;

use super::{cell_text, chart_svg, note_tail, source_text};
use crate::report::{Cell, Finding, Report, Sentence, Table};

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
    /// in a page or a notebook. Its element ids and styles are scoped by
    /// [`Report::html_id`], so two reports in one page keep their footnote links and
    /// styles apart, and the page's own styles (a notebook's right-aligned tables)
    /// do not reach into it.
    pub fn to_html_fragment(&self) -> String {
        self.fragment(&self.html_id())
    }

    /// [`Report::to_html_fragment`] for the `instance`-th showing of this report in
    /// one page: the same report shown twice in a notebook gets ids of its own each
    /// time, so each copy's footnote links stay in that copy.
    pub fn to_html_fragment_instance(&self, instance: u32) -> String {
        self.fragment(&format!("{}-{instance}", self.html_id()))
    }

    /// The id of the report's HTML element and the prefix of every id inside it:
    /// `bilateral-` and a hash of the report's content, the same on every rendering
    /// of one report and different for two different reports.
    pub fn html_id(&self) -> String {
        // FNV-1a over the JSON form: stable across runs and platforms, unlike the
        // standard library's randomly seeded hasher.
        let json = serde_json::to_vec(self).expect("a report is plain data and always serialises");
        let hash = json.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &byte| {
            (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        format!("bilateral-{:08x}", hash >> 32)
    }

    fn fragment(&self, id: &str) -> String {
        let mut out = format!("<div class=\"bilateral-report\" id=\"{id}\">\n");
        out.push_str(&scoped_style(id));
        let _ = writeln!(out, "<h1>{}</h1>", escape(&self.title));
        let leading: Vec<&Finding> = self.findings.iter().filter(|f| f.summary).collect();
        if !self.headline.is_empty() || !leading.is_empty() {
            out.push_str("<h2>Summary</h2>\n<ul class=\"headline\">\n");
            for f in leading {
                let _ = writeln!(
                    out,
                    "<li class=\"finding\"><strong>Finding:</strong> {}</li>",
                    self.html_finding(f, id)
                );
            }
            for s in &self.headline {
                let _ = writeln!(
                    out,
                    "<li>{}{}</li>",
                    escape(&s.text),
                    self.html_notes(s, id)
                );
            }
            out.push_str("</ul>\n");
        }
        for section in &self.sections {
            let _ = writeln!(
                out,
                "<section id=\"{id}-{}\">\n<h2>{}</h2>",
                escape(&section.id),
                escape(&section.title)
            );
            for f in self.findings_in(&section.id) {
                let _ = writeln!(
                    out,
                    "<p class=\"finding\"><strong>Finding:</strong> {}</p>",
                    self.html_finding(f, id)
                );
            }
            for s in &section.sentences {
                let _ = writeln!(out, "<p>{}{}</p>", escape(&s.text), self.html_notes(s, id));
            }
            if !section.charts.is_empty() {
                out.push_str("<div class=\"charts\">\n");
                for chart in &section.charts {
                    let _ = writeln!(out, "<figure>{}</figure>", chart_svg(chart));
                }
                out.push_str("</div>\n");
            }
            for table in &section.tables {
                out.push_str(&html_table(table, id));
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
                    "<li id=\"{id}-note-{}\">{}, {}: {}.{tail}</li>",
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

    /// A finding's text, escaped, with its footnote links.
    fn html_finding(&self, f: &Finding, id: &str) -> String {
        let notes = Sentence {
            text: String::new(),
            notes: f.notes.clone(),
        };
        format!("{}{}", escape(&f.text), self.html_notes(&notes, id))
    }

    /// Footnote links whose hover text gives the figure, period, source and quote.
    fn html_notes(&self, sentence: &Sentence, id: &str) -> String {
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
                    "<a href=\"#{id}-note-{0}\" title=\"{1}\">{0}</a>",
                    n.number,
                    escape(hover.trim())
                )
            })
            .collect();
        if links.is_empty() {
            String::new()
        } else {
            // A break opportunity between numbers: a sum of twelve months cites twelve.
            format!("<sup>{}</sup>", links.join(",<wbr>"))
        }
    }
}

/// A table inside a box of its own that scrolls sideways when the table is wider than
/// the page (on a phone), rather than widening the page.
fn html_table(table: &Table, id: &str) -> String {
    let visible: Vec<usize> = (0..table.columns.len())
        .filter(|&i| table.columns[i].visible)
        .collect();
    let quote = table.columns.iter().position(|c| c.name == "quote");
    // Narrower than about 5.5 rem a column, cells wrap a word to a line: on a phone the
    // table keeps that width and scrolls instead.
    let mut out = format!(
        "<div class=\"table-scroll\">\n<table style=\"min-width: {:.1}rem\">\n<caption>{}</caption>\n<thead><tr>",
        5.5 * visible.len() as f64,
        escape(&table.title)
    );
    // Figures right-aligned, so that their digits line up.
    let class = |i: usize| {
        if table.columns[i].numeric {
            " class=\"figure\""
        } else {
            ""
        }
    };
    for &i in &visible {
        let _ = write!(
            out,
            "<th{}>{}</th>",
            class(i),
            escape(&table.columns[i].header())
        );
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
                let _ = write!(out, "<td><a href=\"#{id}-note-{n}\">{n}</a></td>");
                continue;
            }
            let _ = write!(out, "<td{}>{text}</td>", class(i));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    // Below the box, so that it wraps to the page's width rather than the table's.
    if let Some(footnote) = &table.footnote {
        let _ = writeln!(out, "<p class=\"table-footnote\">{}</p>", escape(footnote));
    }
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

/// The report's styles, every selector under the report's own id: nothing leaks into
/// the page around it, and an id outranks the class selectors of a notebook's styles
/// (JupyterLab right-aligns the cells of every table, centres tables and fixes their
/// layout), so the properties a notebook sets are set again here.
///
/// On a phone the page keeps its width: tables scroll inside their box, and a chart
/// shrinks no further than its minimum width (its text no smaller than about 10 px,
/// see `svg.rs`) and scrolls beyond that.
fn scoped_style(id: &str) -> String {
    let rules = [
        "{ font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #222; line-height: 1.5; text-align: left; }",
        "h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.5rem; }",
        "h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #ddd; }",
        "sup a { text-decoration: none; color: #1f6fb2; font-size: 0.75em; margin-left: 0.1em; }",
        ".table-scroll { overflow-x: auto; margin: 1rem 0; max-width: 100%; }",
        "table { border-collapse: collapse; border: none; margin: 0; font-size: 0.85rem; width: 100%; table-layout: auto; color: inherit; }",
        "caption { text-align: left; font-weight: 600; margin-bottom: 0.3rem; }",
        "th, td { border: none; border-bottom: 1px solid #e5e5e5; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; white-space: normal; line-height: 1.4; max-width: none; }",
        "th { background: #f5f5f5; font-weight: 600; }",
        "th.figure, td.figure { text-align: right; font-variant-numeric: tabular-nums; }",
        ".table-footnote { font-size: 0.8rem; color: #555; margin: -0.6rem 0 1rem; }",
        "tbody tr, tbody tr:nth-child(odd), tbody tr:hover { background: none; }",
        ".charts { display: flex; flex-wrap: wrap; gap: 1rem; }",
        "figure { margin: 0; flex: 1 1 28rem; max-width: 100%; overflow-x: auto; }",
        "svg { display: block; max-width: 100%; min-width: 340px; height: auto; }",
        "ol.notes { font-size: 0.85rem; }",
        "q { font-style: italic; }",
        ".finding { border-left: 3px solid #c77c02; padding-left: 0.6rem; }",
    ];
    let mut out = String::from("<style>\n");
    for rule in rules {
        // Each selector of a list is scoped: "th, td" is "#id th, #id td".
        let (selectors, body) = rule.split_at(rule.find('{').unwrap_or(0));
        let scoped: Vec<String> = selectors
            .split(',')
            .map(|s| format!("#{id} {}", s.trim()).trim_end().to_owned())
            .collect();
        let _ = writeln!(out, "{} {body}", scoped.join(", "));
    }
    // A phone: less padding, so that a chart keeps more of its width.
    let _ = writeln!(
        out,
        "@media (max-width: 480px) {{ #{id} {{ padding: 0.75rem; }} #{id} h1 {{ font-size: 1.5rem; }} }}"
    );
    out.push_str("</style>\n");
    out
}

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
