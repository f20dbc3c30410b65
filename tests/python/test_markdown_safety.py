"""Stored text cannot become a link, an image or raw HTML in the Markdown report.

Every piece of text a store holds (titles, names, phrases, quotes, notes, sources,
events, claims, the report's title) is set to an attack, the report is rendered as
Markdown and parsed by a real CommonMark parser (markdown-it-py): the only links are
the report's own, to sources whose URL is http(s).
"""

from __future__ import annotations

from typing import Any

import bilateral
import pytest

markdown_it = pytest.importorskip("markdown_it")

ATTACKS = [
    "[x](javascript:alert(1))",
    "![](http://tracker/p.png)",
    "<img src=x onerror=alert(1)>",
    "<https://evil.example>",
    "[x][ref] [ref]: http://evil.example",
    "[ref]: http://evil.example",
    "<script>alert(1)</script>",
    "&lt;img src=x onerror=alert(1)&gt;",
    "[x\\](javascript:alert(1))",
    "<b>bold</b> *and* `code`",
]

OWN_URL = "https://stat.example/trade data)(x>"


def store_holding(
    text: str, *, note: str | None = None, quote: str | None = None
) -> bilateral.Store:
    """A Georgia–Armenia store whose every stored text is `text` (figures' notes and
    quotes `note` and `quote` where given)."""
    store = bilateral.Store()
    store.add_topic("custom", text)
    store.add_source("own", text, publisher=text, url=OWN_URL, published="2024")
    store.add_source("bad", text, publisher=text, url="javascript:alert(1)")
    store.add_source("odd", text, url=text)
    store.add_indicator("cargo", text, "t", "flow", directed=True, topic="custom")
    store.add_indicator(
        "cars",
        text,
        "count",
        "flow",
        directed=True,
        phrase=text + " from {origin} to {destination}",
    )
    for indicator, source in [("cargo", "own"), ("cars", "bad")]:
        for year, value in [(2023, 100.0), (2024, 120.0)]:
            store.add(
                indicator,
                "GEO",
                "ARM",
                year,
                value,
                source=source,
                quote=text if quote is None else quote,
                note=text if note is None else note,
            )
    store.add_event(
        "2024-05-26", "GEO", "ARM", "signing", text, place=text, source="odd",
        quote=text, note=text,
    )  # fmt: skip
    store.add_claim(text, "cargo", "GEO", "ARM", 2024, "rose", source="own", quote=text)
    return store


def tokens(markdown: str) -> list[Any]:
    """Every token of `markdown` as CommonMark reads it, inline children included."""
    parser = markdown_it.MarkdownIt("commonmark")
    out = []
    for token in parser.parse(markdown):
        out.append(token)
        out.extend(token.children or [])
    return out


def assert_inert(markdown: str, *sources: str) -> None:
    """No image or HTML, and links only to the http(s) `sources` (as encoded)."""
    found = tokens(markdown)
    kinds = {t.type for t in found}
    assert not kinds & {"image", "html_inline", "html_block"}, kinds
    hrefs = [t.attrGet("href") for t in found if t.type == "link_open"]
    # the own source, percent-encoded so that its text cannot break out
    assert hrefs == [*sources, "https://stat.example/trade%20data)(x%3E"], hrefs


@pytest.mark.parametrize("attack", ATTACKS)
def test_stored_text_is_never_a_link_image_or_html(attack: str) -> None:
    report = store_holding(attack).report("GEO", "ARM", title=attack)
    markdown = report.to_markdown()
    assert_inert(markdown)
    # the text is kept, and reads as typed once rendered
    html = markdown_it.MarkdownIt("commonmark").render(markdown)
    if attack == "[x](javascript:alert(1))":
        assert "[x](javascript:alert(1))" in html
    if attack == "<img src=x onerror=alert(1)>":
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_note_line_is_never_a_link_reference_definition() -> None:
    # The subject "http://tracker/x 'a from Georgia to Armenia" opens a title that a
    # note ending in ' would close: [^1]: would define a link, and every [^1] use it.
    store = store_holding("http://tracker/x 'a", note="b'", quote="c")
    # the source whose URL is that text is the one other link
    assert_inert(store.report("GEO", "ARM").to_markdown(), "http://tracker/x%20%27a")


def test_common_text_keeps_no_visible_backslash() -> None:
    markdown = bilateral.demo().report("AZE", "KAZ").to_markdown()
    for text in ["Jan–Aug 2025", "$547.6 million", "Baku–Tbilisi–Ceyhan"]:
        assert text in markdown
    assert "\\" not in markdown.replace("\\|", "")
