//! The report as Markdown: footnotes (`[^3]`) for the sources of figures, pipe tables,
//! and stored text kept on one line and free of raw HTML.

use std::fmt::Write as _;

use super::{cell_text, note_tail, source_text};
use crate::report::{Report, Sentence, Table};

impl Report {
    /// The report as Markdown, with footnotes (`[^3]`) for the sources of figures.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# {}\n\n", md_text(&self.title));
        if !self.headline.is_empty() {
            out.push_str("## Summary\n\n");
            for s in &self.headline {
                let _ = writeln!(out, "- {}{}", md_text(&s.text), md_notes(s));
            }
            out.push('\n');
        }
        for section in &self.sections {
            let _ = writeln!(out, "## {}\n", md_text(&section.title));
            for s in &section.sentences {
                let _ = writeln!(out, "{}{}\n", md_text(&s.text), md_notes(s));
            }
            for table in &section.tables {
                out.push_str(&md_table(table));
                out.push('\n');
            }
        }
        if !self.how_to_read.is_empty() {
            out.push_str("## How to read this report\n\n");
            for paragraph in &self.how_to_read {
                let _ = writeln!(out, "{}\n", md_text(paragraph));
            }
        }
        if !self.notes.is_empty() {
            out.push_str("## Notes\n\n");
            for n in &self.notes {
                let tail = note_tail(n, md_text, ("“", "”"), ("Note: ", ""));
                let _ = writeln!(
                    out,
                    "[^{}]: {}, {}: {}.{tail}",
                    n.number,
                    md_text(&n.subject),
                    n.period,
                    md_text(&n.figure)
                );
            }
            out.push('\n');
        }
        if !self.sources.is_empty() {
            out.push_str("## Sources\n\n");
            for s in &self.sources {
                let _ = writeln!(out, "- **{}**: {}", s.id, md_text(&source_text(s)));
            }
        }
        out
    }
}

/// Stored text made safe for a line of Markdown: on one line (a line break could start
/// a heading or end a table row) and with no raw HTML (`<` written as `&lt;`).
fn md_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('<', "&lt;")
}

fn md_notes(sentence: &Sentence) -> String {
    sentence.notes.iter().map(|n| format!("[^{n}]")).collect()
}

fn md_table(table: &Table) -> String {
    let visible: Vec<usize> = (0..table.columns.len())
        .filter(|&i| table.columns[i].visible)
        .collect();
    let mut out = format!("**{}**\n\n|", table.title);
    for &i in &visible {
        let _ = write!(out, " {} |", table.columns[i].name);
    }
    out.push_str("\n|");
    for _ in &visible {
        out.push_str("---|");
    }
    out.push('\n');
    for row in &table.rows {
        out.push('|');
        for &i in &visible {
            // A line break would end the row; a bar would end the cell.
            let text = md_text(&cell_text(&row[i], &table.columns[i].name)).replace('|', "\\|");
            let _ = write!(out, " {text} |");
        }
        out.push('\n');
    }
    out
}
