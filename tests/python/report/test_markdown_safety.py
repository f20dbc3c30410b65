"""Stored text cannot become a link, an image or raw HTML in the Markdown report.

Every piece of text a store holds (titles, names, phrases, quotes, notes, sources,
events, claims, the report's title) is set to an attack, the report is rendered as
Markdown and parsed by a real CommonMark parser (markdown-it-py), by a GFM-like one
(markdown-it-py's "gfm-like" preset, which links bare URLs with linkify-it-py, and
mdit-py-plugins' footnotes) and rendered by GitHub's own cmark-gfm (cmarkgfm): the only
links, footnote references included, are those of the same report whose stored text is
plain words, the report's own.
"""

from __future__ import annotations

import re
from typing import Any

import bilateral
import pytest

markdown_it = pytest.importorskip("markdown_it")
footnote = pytest.importorskip("mdit_py_plugins.footnote")
pytest.importorskip("linkify_it")
cmarkgfm = pytest.importorskip("cmarkgfm")

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
    # the report's own footnotes are [^1], [^2]…: a reference to one is a link
    "see [^1]",
    "an inline ^[footnote]",
    "[ ] a task's checkbox",
    # GFM's extended autolinks: www., a scheme's ://, an email address
    "www.evil.example",
    "https://evil.example/x",
    "mail@evil.example",
    # linkify-it links these only with a top-level domain it knows
    "see www.evil.com, evil.com/x and //evil.com",
    "write to mail@evil.com or mailto:mail@evil.com",
    "ftp://evil.com and WWW.evil.com",
]

PLAIN = "Plain words"
OWN_URL = "https://stat.example/trade data)(x>"


def store_holding(
    text: str,
    *,
    note: str | None = None,
    quote: str | None = None,
    odd_url: str | None = None,
) -> bilateral.Store:
    """A Georgia–Armenia store whose every stored text is `text` (figures' notes and
    quotes `note` and `quote`, and one source's URL `odd_url`, where given)."""
    store = bilateral.Store()
    store.add_topic("custom", text)
    store.add_source("own", text, publisher=text, url=OWN_URL, published="2024")
    store.add_source("bad", text, publisher=text, url="javascript:alert(1)")
    store.add_source("odd", text, url=text if odd_url is None else odd_url)
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
    # 120 against 100 contradicts a fall: a finding that quotes the text, in the
    # Summary and in the sections
    store.add_claim(text, "cars", "GEO", "ARM", 2024, "fell", source="own", quote=text)
    return store


def tokens(markdown: str, preset: str = "commonmark") -> list[Any]:
    """Every token of `markdown` as the `preset` parser reads it, inline children
    included; "gfm-like" links bare URLs and reads footnotes."""
    parser = markdown_it.MarkdownIt(preset)
    if preset == "gfm-like":
        parser.use(footnote.footnote_plugin)
    out = []
    for token in parser.parse(markdown):
        out.append(token)
        out.extend(token.children or [])
    return out


def links(markdown: str, preset: str) -> list[str]:
    """The targets of `markdown`'s links as the `preset` parser reads them, footnote
    references as `^label`."""
    return [
        t.attrGet("href") if t.type == "link_open" else "^" + t.meta["label"]
        for t in tokens(markdown, preset)
        if t.type in {"link_open", "footnote_ref"}
    ]


def github_links(markdown: str) -> list[str]:
    """The targets of `markdown`'s links as GitHub's cmark-gfm renders it (raw HTML
    kept, so that any would show)."""
    options = cmarkgfm.cmark.Options
    html = cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=options.CMARK_OPT_FOOTNOTES | options.CMARK_OPT_UNSAFE
    )
    assert not re.search(r"<(img|script|b|input)\b", html), html
    return re.findall(r'<a href="([^"]*)"', html)


def assert_inert(markdown: str, plain: str, *sources: str) -> None:
    """No image or HTML, and links only to the http(s) `sources` (as encoded); read
    as GFM, the same links as in `plain` (the report whose stored text is plain)."""
    found = tokens(markdown)
    kinds = {t.type for t in found}
    assert not kinds & {"image", "html_inline", "html_block"}, kinds
    hrefs = [t.attrGet("href") for t in found if t.type == "link_open"]
    # the own source, percent-encoded so that its text cannot break out
    assert hrefs == [*sources, "https://stat.example/trade%20data)(x%3E"], hrefs
    gfm_kinds = {t.type for t in tokens(markdown, "gfm-like")}
    assert not gfm_kinds & {"image", "html_inline", "html_block"}, gfm_kinds
    assert links(markdown, "gfm-like") == links(plain, "gfm-like")
    assert github_links(markdown) == github_links(plain)


def test_the_plain_report_has_its_own_footnotes_and_links() -> None:
    # the oracle: footnote references and the own source's link, nothing else
    plain = store_holding(PLAIN).report("GEO", "ARM").to_markdown()
    found = links(plain, "gfm-like")
    assert "https://stat.example/trade%20data)(x%3E" in found
    assert [f for f in found if not f.startswith("^")] == [
        "https://stat.example/trade%20data)(x%3E"
    ]
    assert any(f.startswith("^") for f in found)
    assert len(github_links(plain)) > len(found)  # and the footnotes' back-links


@pytest.mark.parametrize("attack", ATTACKS)
def test_stored_text_is_never_a_link_image_or_html(attack: str) -> None:
    report = store_holding(attack).report("GEO", "ARM", title=attack)
    markdown = report.to_markdown()
    assert "- **Finding:** The figures contradict “" in markdown
    # a source's own http(s) URL is a link, as it is in the plain report
    linked = attack.lower().startswith(("http://", "https://"))
    assert_inert(
        markdown,
        store_holding(PLAIN, odd_url=attack).report("GEO", "ARM").to_markdown(),
        *([attack] if linked else []),
    )
    # the text is kept, and reads as typed once rendered
    html = markdown_it.MarkdownIt("commonmark").render(markdown)
    if attack == "[x](javascript:alert(1))":
        assert "[x](javascript:alert(1))" in html
    if attack == "<img src=x onerror=alert(1)>":
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_note_line_is_never_a_link_reference_definition() -> None:
    # The subject "http://tracker/x 'a from Georgia to Armenia" opens a title that a
    # note ending in ' would close: [^1]: would define a link, and every [^1] use it.
    text = "http://tracker/x 'a"
    store = store_holding(text, note="b'", quote="c")
    plain = store_holding(PLAIN, odd_url=text).report("GEO", "ARM").to_markdown()
    # the source whose URL is that text is the one other link
    assert_inert(store.report("GEO", "ARM").to_markdown(), plain, "http://tracker/x%20%27a")


def test_common_text_keeps_no_visible_backslash() -> None:
    markdown = bilateral.demo().report("AZE", "KAZ").to_markdown()
    for text in ["Jan–Aug 2025", "$547.6 million", "Baku–Tbilisi–Ceyhan"]:
        assert text in markdown
    assert "\\" not in markdown.replace("\\|", "")
