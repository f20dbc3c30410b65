//! The report as Markdown: footnotes (`[^3]`) for the sources of figures, pipe tables,
//! and stored text kept on one line and inert: it cannot become a link, an image, an
//! autolink (GFM's bare ones included), raw HTML, a link reference definition or a
//! footnote reference, nor start a block of its own.
//! The only links are the report's own, to sources with an `http(s)` URL.

use std::fmt::Write as _;

use super::{cell_text, note_tail};
use crate::model::Source;
use crate::report::{Finding, Report, Sentence, Table};

impl Report {
    /// The report as Markdown, with footnotes (`[^3]`) for the sources of figures.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# {}\n\n", md_text(&self.title));
        let leading: Vec<&Finding> = self.findings.iter().filter(|f| f.summary).collect();
        if !self.headline.is_empty() || !leading.is_empty() {
            out.push_str("## Summary\n\n");
            for f in leading {
                let _ = writeln!(out, "- **Finding:** {}", md_finding(f));
            }
            for s in &self.headline {
                let _ = writeln!(out, "- {}", md_notes(md_block(&s.text), s));
            }
            out.push('\n');
        }
        for section in &self.sections {
            let _ = writeln!(out, "## {}\n", md_text(&section.title));
            for f in self.findings_in(&section.id) {
                let _ = writeln!(out, "**Finding:** {}\n", md_finding(f));
            }
            for s in &section.sentences {
                let _ = writeln!(out, "{}\n", md_notes(md_block(&s.text), s));
            }
            for table in &section.tables {
                out.push_str(&md_table(table));
                out.push('\n');
            }
        }
        if !self.how_to_read.is_empty() {
            out.push_str("## How to read this report\n\n");
            for paragraph in &self.how_to_read {
                let _ = writeln!(out, "{}\n", md_block(paragraph));
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
                    md_note_subject(&n.subject),
                    n.period,
                    md_text(&n.figure)
                );
            }
            out.push('\n');
        }
        if !self.sources.is_empty() {
            out.push_str("## Sources\n\n");
            for s in &self.sources {
                let _ = writeln!(out, "- **{}**: {}", md_text(&s.id), md_source(s));
            }
        }
        out
    }
}

/// A finding's text, inert as [`md_text`] makes it (it quotes stored claims), with its
/// footnote marks; it follows a bold label, so it cannot open a block.
fn md_finding(f: &Finding) -> String {
    let notes = Sentence {
        text: String::new(),
        notes: f.notes.clone(),
    };
    md_notes(md_text(&f.text), &notes)
}

/// Stored text made inert within a line of Markdown, and on one line (a line break
/// could start a heading or end a table row).
///
/// Only what could change the meaning is escaped, so that common text reads as it is
/// written ("Jan–Aug 2025", "$547.6 million", "[9.99 – 10.1]" stay bare):
/// - `<` as `&lt;`: no raw HTML, no autolink (`<https://…>`);
/// - `&` before what reads as a character reference (`&lt;`, `&#60;`) as `&amp;`, so
///   that it shows as typed;
/// - a `]` followed by `(`, `[` or `:` (the only ways brackets become an inline link,
///   an image, a full reference or a definition; a `]` or `!` that a footnote's `[`
///   follows is escaped by [`md_notes`]);
/// - a `[` followed or preceded by `^`: no footnote reference (`[^1]`, a link to the
///   report's own note 1 in GFM and markdown-it's footnote plugin), no inline footnote
///   (`^[x]`);
/// - what GFM's extended autolinks (and markdown-it's linkify) start from: the `:` of
///   `://`, the first `/` of a bare `//`, a `.` after `www` or before a top-level
///   domain (`evil\.com`); the escaped character is a node of its own,
///   so no text node holds a whole URL. An `@` after a character an email address can
///   hold gets a word joiner (U+2060, `&#8288;`) before it instead: cmark-gfm finds
///   emails after merging text nodes, so a `\@` would not stop it;
/// - `\`, so that a stored backslash cannot cancel one of these escapes;
/// - `*`, `` ` ``, and a `_` not inside a word: no emphasis or code span from stored
///   text.
///
/// Shortcut references (`[x]` alone) are links only with a definition, and no
/// definition can be made: every `]:` is escaped, and a note's line cannot read as
/// one ([`md_note_subject`]).
fn md_text(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = joined.chars().collect();
    let mut out = String::with_capacity(joined.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        match c {
            '<' => out.push_str("&lt;"),
            '&' if starts_reference(&chars[i + 1..]) => out.push_str("&amp;"),
            ']' if matches!(after, Some('(' | '[' | ':')) => out.push_str("\\]"),
            '[' if before == Some('^') || after == Some('^') => out.push_str("\\["),
            ':' if chars[i + 1..].starts_with(&['/', '/']) => out.push_str("\\:"),
            '/' if after == Some('/') && !matches!(before, Some(':' | '/')) => {
                out.push_str("\\/");
            }
            '.' if starts_domain(&chars[..i], &chars[i + 1..]) => out.push_str("\\."),
            '@' if before
                .is_some_and(|b| b.is_alphanumeric() || matches!(b, '.' | '+' | '-' | '_')) =>
            {
                out.push_str("&#8288;@");
            }
            '\\' | '*' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '_' if !(before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric)) =>
            {
                out.push_str("\\_");
            }
            _ => out.push(c),
        }
    }
    out
}

/// True when the `.` between `before` and `after` could make a URL out of bare text:
/// after `www` (GFM's `www.` autolink), or after a letter or digit and before a label
/// that reads as a top-level domain (`evil.com`, `stat.gov.az`), which markdown-it's
/// linkify links; "SP.POP.TOTL", "e.g." and "547.6" keep their dots.
fn starts_domain(before: &[char], after: &[char]) -> bool {
    let www = before.len() >= 3
        && before[before.len() - 3..]
            .iter()
            .all(|c| c.eq_ignore_ascii_case(&'w'));
    let label: String = after
        .iter()
        .take_while(|c| c.is_alphanumeric() || **c == '-')
        .flat_map(|c| c.to_lowercase())
        .collect();
    www || (before.last().is_some_and(|c| c.is_alphanumeric()) && reads_as_tld(&label))
}

/// True for the top-level domains linkify-it links bare (its defaults): any two
/// letters (the country codes), a punycode one, and the generic ones it lists.
fn reads_as_tld(label: &str) -> bool {
    const GENERIC: [&str; 17] = [
        "biz", "com", "edu", "gov", "net", "org", "pro", "web", "xxx", "aero", "asia", "coop",
        "info", "museum", "name", "shop", "рф",
    ];
    (label.chars().count() == 2 && label.chars().all(|c| c.is_ascii_alphabetic()))
        || label.starts_with("xn--")
        || GENERIC.contains(&label)
}

/// True when `rest` (the text after an `&`) reads as a character reference:
/// `name;`, `#123;` or `#x1F;`.
fn starts_reference(rest: &[char]) -> bool {
    let end = rest.iter().take(33).position(|&c| c == ';');
    match end {
        Some(end) if end > 0 => {
            let body = &rest[..end];
            match body {
                ['#', 'x' | 'X', hex @ ..] => {
                    !hex.is_empty() && hex.iter().all(char::is_ascii_hexdigit)
                }
                ['#', digits @ ..] => !digits.is_empty() && digits.iter().all(char::is_ascii_digit),
                name => name.iter().all(char::is_ascii_alphanumeric),
            }
        }
        _ => false,
    }
}

/// Stored text that starts a line of its own (a sentence, a paragraph, a list item):
/// [`md_text`], and a first character that would open a block (a heading, a quote,
/// a list, a fence, a setext underline, a table, a task's checkbox) escaped.
fn md_block(text: &str) -> String {
    let inline = md_text(text);
    let opens_block = match inline.chars().next() {
        // `[` too: "[ ] x" in a Summary item is a GFM task list's checkbox
        Some('#' | '>' | '-' | '+' | '=' | '|' | '~' | '[') => true,
        Some(c) if c.is_ascii_digit() => {
            // "1. " or "1) " opens an ordered list; "2024: …" does not
            let digits = inline.bytes().take_while(u8::is_ascii_digit).count();
            matches!(inline.as_bytes().get(digits), Some(b'.' | b')'))
        }
        _ => false,
    };
    if !opens_block {
        return inline;
    }
    let digits = inline.bytes().take_while(u8::is_ascii_digit).count();
    // Escape the character that opens the block: the first, or the mark after digits.
    let at = if digits > 0 { digits } else { 0 };
    format!("{}\\{}", &inline[..at], &inline[at..])
}

/// A note's subject, which follows `[^3]: ` at the start of its line: [`md_text`], and
/// a second word's opening quote or parenthesis escaped. Without that, a subject
/// `http://x 'y` and a stored note ending in `'` would make the line a link reference
/// definition (destination `http://x,`, title `'y … '`) and every `[^3]` a link.
fn md_note_subject(subject: &str) -> String {
    let text = md_text(subject);
    match text.split_once(' ') {
        Some((first, rest)) if rest.starts_with(['"', '\'', '(']) => {
            format!("{first} \\{rest}")
        }
        _ => text,
    }
}

/// A source in the list of sources: publisher, title, date as [`md_text`], and its
/// URL as a link only when it is `http://` or `https://`, written as an autolink whose
/// every space, control character, `<` and `>` is percent-encoded, so that it cannot
/// end early; any other URL (`javascript:…`, `data:…`) is inert text.
fn md_source(source: &Source) -> String {
    let mut text = String::new();
    if let Some(p) = &source.publisher {
        let _ = write!(text, "{}, ", md_text(p));
    }
    text.push_str(&md_text(&source.title));
    if let Some(d) = &source.published {
        let _ = write!(text, " ({d})");
    }
    if let Some(url) = &source.url {
        let url = url.trim();
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let _ = write!(text, ", <{}>", percent_encode_for_autolink(url));
        } else {
            let _ = write!(text, ", {}", md_text(url));
        }
    }
    text
}

/// `url` with the characters an autolink cannot hold percent-encoded (UTF-8 bytes of
/// controls, spaces, `<`, `>`), and `"`, `'`, `` ` `` and `\` too, which some renderers
/// treat specially in link targets.
fn percent_encode_for_autolink(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        let unsafe_char =
            c.is_control() || c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`' | '\\');
        if unsafe_char {
            let mut bytes = [0u8; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` (already escaped) followed by the sentence's footnote marks (`[^3]`); a
/// closing `]` or a `!` just before the first mark is escaped, so that the two cannot
/// read as a reference link (`[x][^3]`) or an image (`![^3]`).
fn md_notes(mut text: String, sentence: &Sentence) -> String {
    if !sentence.notes.is_empty() && text.ends_with([']', '!']) {
        let last = text.pop().unwrap_or(']');
        text.push('\\');
        text.push(last);
    }
    for n in &sentence.notes {
        let _ = write!(text, "[^{n}]");
    }
    text
}

fn md_table(table: &Table) -> String {
    let visible: Vec<usize> = (0..table.columns.len())
        .filter(|&i| table.columns[i].visible)
        .collect();
    let mut out = format!("**{}**\n\n|", md_text(&table.title));
    for &i in &visible {
        let _ = write!(
            out,
            " {} |",
            md_text(&table.columns[i].header()).replace('|', "\\|")
        );
    }
    out.push_str("\n|");
    for &i in &visible {
        // Figures right-aligned, so that their digits line up.
        out.push_str(if table.columns[i].numeric {
            "---:|"
        } else {
            "---|"
        });
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
    if let Some(footnote) = &table.footnote {
        let _ = write!(out, "\n{}\n", md_text(footnote));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_text_reads_as_written() {
        for text in [
            "Jan–Aug 2025",
            "$547.6 million",
            "Baku–Tbilisi–Ceyhan",
            "about 10 [9.99 – 10.1] per 1,000 residents",
            "trade_turnover",
            "Rail & road \"links\" (2024)",
            "Imports (as the importer reports them)",
        ] {
            assert_eq!(md_text(text), text);
        }
    }

    #[test]
    fn stored_text_cannot_open_a_link_an_image_or_html() {
        assert_eq!(
            md_text("[x](javascript:alert(1))"),
            "[x\\](javascript:alert(1))"
        );
        assert_eq!(
            md_text("![](http://tracker/p.png)"),
            "![\\](http\\://tracker/p.png)"
        );
        assert_eq!(
            md_text("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)>"
        );
        assert_eq!(md_text("<https://evil>"), "&lt;https\\://evil>");
        assert_eq!(md_text("[x][ref]"), "[x\\][ref]");
        assert_eq!(md_text("[ref]: http://evil"), "[ref\\]: http\\://evil");
        // a stored backslash cannot cancel the escape
        assert_eq!(md_text("[x\\](y)"), "[x\\\\\\](y)");
        assert_eq!(md_text("&lt;b&gt; & co"), "&amp;lt;b&amp;gt; & co");
        assert_eq!(
            md_text("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
    }

    #[test]
    fn stored_text_cannot_make_a_footnote_reference() {
        assert_eq!(md_text("see [^1]"), "see \\[^1]");
        assert_eq!(md_text("^[inline]"), "^\\[inline]");
        assert_eq!(md_text("[1, 2] and [x]"), "[1, 2] and [x]");
    }

    #[test]
    fn a_bare_url_or_email_address_is_not_a_link() {
        assert_eq!(
            md_text("https://evil.example/x"),
            "https\\://evil.example/x"
        );
        assert_eq!(md_text("www.evil.example"), "www\\.evil.example");
        assert_eq!(md_text("WWW.1x"), "WWW\\.1x");
        assert_eq!(md_text("//evil.example"), "\\//evil.example");
        assert_eq!(md_text("mail@evil.example"), "mail&#8288;@evil.example");
        // an @ nothing could be an address's end of is left alone
        assert_eq!(md_text("rail @ 5%"), "rail @ 5%");
        assert_eq!(md_text("stat.gov.az/x"), "stat\\.gov\\.az/x");
        // numbers, abbreviations and codes keep their dots
        assert_eq!(
            md_text("547.6 e.g. U.S. SP.POP.TOTL"),
            "547.6 e.g. U.S. SP.POP.TOTL"
        );
    }

    #[test]
    fn a_bracket_or_bang_before_a_footnote_mark_is_escaped() {
        let sentence = |notes: Vec<usize>| Sentence {
            text: String::new(),
            notes,
        };
        assert_eq!(
            md_notes("a [ref]".to_owned(), &sentence(vec![3])),
            "a [ref\\][^3]"
        );
        assert_eq!(
            md_notes("wow!".to_owned(), &sentence(vec![1, 2])),
            "wow\\![^1][^2]"
        );
        assert_eq!(
            md_notes("a [1, 2]".to_owned(), &sentence(vec![])),
            "a [1, 2]"
        );
    }

    #[test]
    fn a_line_of_stored_text_cannot_open_a_block() {
        assert_eq!(md_block("# heading"), "\\# heading");
        assert_eq!(md_block("> quote"), "\\> quote");
        assert_eq!(md_block("- item"), "\\- item");
        assert_eq!(md_block("[x] done"), "\\[x] done");
        assert_eq!(md_block("1. item"), "1\\. item");
        assert_eq!(md_block("2024: a year"), "2024: a year");
    }

    #[test]
    fn a_note_line_cannot_be_a_link_reference_definition() {
        assert_eq!(md_note_subject("http://evil 'a"), "http\\://evil \\'a");
        assert_eq!(
            md_note_subject("Imports (as reported)"),
            "Imports \\(as reported)"
        );
        assert_eq!(md_note_subject("Trade turnover"), "Trade turnover");
    }

    #[test]
    fn only_http_urls_become_links_and_none_breaks_out() {
        let source = |url: &str| Source {
            id: "s".to_owned(),
            title: "T".to_owned(),
            publisher: None,
            url: Some(url.to_owned()),
            published: None,
        };
        assert_eq!(
            md_source(&source("https://stat.gov.az/a b>c")),
            "T, <https://stat.gov.az/a%20b%3Ec>"
        );
        assert_eq!(
            md_source(&source("javascript:alert(1)")),
            "T, javascript:alert(1)"
        );
        assert_eq!(
            md_source(&source("HTTP://x.org/(y)")),
            "T, <HTTP://x.org/(y)>"
        );
    }
}
