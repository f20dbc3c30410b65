"""The report through Python: object, renderings, files, charts, command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import bilateral
import pandas as pd
import pytest

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class _Balance(HTMLParser):
    """Checks that every opened element is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


@pytest.fixture(scope="module")
def report() -> bilateral.Report:
    return bilateral.demo().report("Azerbaijan", "KZ")


def test_the_report_has_a_section_per_kind_of_indicator(report: bilateral.Report) -> None:
    assert report.title == "Azerbaijan and Kazakhstan"
    assert [s.title for s in report.sections] == [
        "Trade",
        "Investment and business presence",
        "Transport and energy",
        "Tourism and people",
        "Cooperation and timeline",
        "What the figures say about the claims",
    ]
    trade = report.sections[0]
    assert trade.sentences[0].startswith(
        "Trade turnover reached $547.6 million in January–August 2025, "
        "already 103 % of the whole of 2024 ($533.4 million)."
    )
    # 121.5 / 547.6 = 22.19 %: three digits in prose
    assert any("22.2 %" in s and "Wheat" in s for s in trade.sentences)


def test_sections_come_from_the_core_without_the_json_of_the_report() -> None:
    fresh = bilateral.demo().report("Azerbaijan", "KZ")
    trade = fresh.sections[0]
    # The report's JSON form is parsed on first use only (a cached `_data`): the
    # sections, their sentences, notes and captions must not need it.
    assert "_data" not in fresh.__dict__
    assert trade.id == "trade"
    assert len(trade.sentences) == len(trade.notes)
    assert all(table.attrs["title"] for table in trade.tables)


def test_tables_are_dataframes_with_numbers_and_words(report: bilateral.Report) -> None:
    figures = report.sections[0].tables[0]
    assert isinstance(figures, pd.DataFrame)
    assert figures.attrs["title"] == "Figures"
    row = figures[(figures["indicator"] == "Trade turnover") & (figures["period"] == "2024")].iloc[
        0
    ]
    assert (row["value"], row["figure"]) == (533_400_000.0, "$533.4 million")
    # the period in words, as the page shows it, and its code for filtering
    words = figures[figures["period code"] == "2025-01/2025-08"]["period"].tolist()
    assert words == ["Jan–Aug 2025"] * len(words) and len(words) == 4
    assert str(figures["value"].dtype) == "float64"
    timeline = report.sections[-2].tables[-1]
    assert "2025-05-17" in timeline["date code"].tolist()
    assert "17 May 2025" in timeline["date"].tolist()
    claims = report.sections[-1].tables[0]
    assert claims.attrs["title"] == "Claims"
    # 4.5 / 0.8 = 5.625 for "surged sixfold"
    sixfold = claims[claims["claim"] == "surged sixfold"].iloc[0]
    assert (sixfold["verdict"], sixfold["computed"]) == ("supported", 5.625)


def test_every_cited_note_traces_to_a_source_and_quote(report: bilateral.Report) -> None:
    notes = report.notes.set_index("number")
    for section in report.sections:
        for cited in section.notes:
            for n in cited:
                assert notes.loc[n, "quote"], n
    # the World Bank's population is behind the figures per 1,000 residents
    assert set(report.sources["id"]) == {
        "caspian-post",
        "customs-az",
        "kazakhtourism",
        "azizov",
        "worldbank-population",
    }


def test_json_has_stable_field_names(report: bilateral.Report) -> None:
    data = json.loads(report.to_json())
    assert list(data) == [
        "title",
        "a",
        "b",
        "headline",
        "findings",
        "sections",
        "notes",
        "sources",
        "how_to_read",
    ]
    assert list(data["sections"][0]) == ["id", "title", "sentences", "tables", "charts"]
    assert data["a"]["alpha3"] == "AZE" and data["b"]["alpha3"] == "KAZ"


def test_html_is_well_formed_and_self_contained(report: bilateral.Report, tmp_path: Path) -> None:
    html = report.to_html()
    checker = _Balance()
    checker.feed(html)
    assert checker.errors == [] and checker.stack == []
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert html.count("<svg") == len(report.charts()) > 0
    path = report.save(tmp_path / "az-kz.html")
    assert path.read_text(encoding="utf-8") == html
    assert report.save(tmp_path / "az-kz.md").read_text(encoding="utf-8") == report.to_markdown()
    with pytest.raises(bilateral.ValidationError) as caught:
        report.save(tmp_path / "x.pdf", format="pdf")
    assert (caught.value.field, caught.value.text) == ("format", "pdf")


def test_jupyter_sees_html(report: bilateral.Report) -> None:
    fragment = report._repr_html_()
    assert fragment.startswith('<div class="bilateral-report" id="bilateral-')
    assert "$547.6 million" in fragment


def test_each_showing_in_a_notebook_has_ids_of_its_own(report: bilateral.Report) -> None:
    other = bilateral.demo().report("AZE", "KAZ")
    page = report._repr_html_() + report._repr_html_() + other._repr_html_()
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)) > 3 * len(report.notes)
    # every note link of a showing points into that showing
    for fragment in page.split('<div class="bilateral-report" ')[1:]:
        own = set(re.findall(r' id="([^"]+)"', fragment))
        assert set(re.findall(r'href="#([^"]+)"', fragment)) <= own


def test_a_pair_without_data_gives_a_short_honest_report() -> None:
    empty = bilateral.demo().report("GEO", "ARM")
    assert empty.sections == []
    assert empty.headline == ["The store holds no figures or events for Georgia and Armenia."]
    assert "Georgia and Armenia" in empty.to_markdown()
    # Names as written in sentences, not ISO's "Iran, Islamic Republic of".
    assert bilateral.demo().report("IR", "RU").title == "Iran and Russia"
    with pytest.raises(bilateral.ValidationError) as caught:
        bilateral.demo().report("AZE", "Narnia")
    assert caught.value.field == "b"


def test_charts_render_as_svg_without_matplotlib(report: bilateral.Report) -> None:
    kinds = [c.kind for c in report.charts()]
    assert {"series", "directions", "progress", "timeline"} <= set(kinds)
    cargo = next(
        c for c in report.charts() if c.kind == "series" and c.indicator == "corridor_cargo"
    )
    assert [p["label"] for p in cargo.series[0]["points"]] == ["2020", "2024"]
    assert cargo.series[1]["dashed"] is True
    assert cargo.svg().startswith("<svg")


@pytest.mark.slow
def test_the_report_works_with_matplotlib_absent() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import bilateral\n"
        "r = bilateral.demo().report('AZE', 'KAZ')\n"
        "assert '<svg' in r.to_html() and r.to_markdown() and r.to_json()\n"
        "assert len(r.figures) > 0\n"
        "try:\n"
        "    r.chart_figures()\n"
        "except ImportError as e:\n"
        "    assert 'bilateral[plot]' in str(e)\n"
        "else:\n"
        "    raise SystemExit('chart_figures() should need matplotlib')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_figures_are_matplotlib_figures(report: bilateral.Report) -> None:
    pytest.importorskip("matplotlib")
    import bilateral.plot
    from matplotlib.figure import Figure

    figures = report.chart_figures()
    assert len(figures) == len(report.charts())
    assert all(isinstance(f, Figure) for f in figures)
    # the older call still draws them, with a DeprecationWarning
    with pytest.warns(DeprecationWarning, match="chart_figures"):
        assert len(report.figures()) == len(figures)
    store = bilateral.demo()
    assert isinstance(bilateral.plot.series(store, "corridor_cargo", "AZE", "KAZ"), Figure)
    assert isinstance(bilateral.plot.directions(store, "tourists", "AZE", "KAZ"), Figure)
    assert isinstance(bilateral.plot.progress(store, "corridor_cargo", "AZE", "KAZ"), Figure)
    assert isinstance(bilateral.plot.timeline(store, "AZE", "KAZ"), Figure)
    # Any stored series draws, a report's chart or not.
    assert isinstance(bilateral.plot.series(store, "agreements", "AZE", "KAZ"), Figure)
    with pytest.raises(bilateral.NotFoundError):
        bilateral.plot.series(store, "agreements", "AZE", "KAZ", product="wheat")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bilateral", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.mark.slow
def test_command_line_report_and_exit_codes(tmp_path: Path) -> None:
    md = run("report", "--dataset", "azerbaijan-kazakhstan-2025", "--format", "markdown")
    assert md.returncode == 0 and md.stdout.startswith("# Azerbaijan and Kazakhstan")
    db = tmp_path / "relations.db"
    with bilateral.Store(db) as store:
        store.load_dataset("azerbaijan-kazakhstan-2025")
    out = tmp_path / "out.html"
    html = run("report", "AZE", "KAZ", "--db", str(db), "--format", "html", "-o", str(out))
    assert html.returncode == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = run("report", "--db", str(db), "--format", "json")
    assert data.returncode == 0 and json.loads(data.stdout)["title"] == "Azerbaijan and Kazakhstan"
    assert run("datasets").stdout.split() == ["azerbaijan-kazakhstan-2025"]
    for args, status in [
        (("report", "AZE", "KAZ", "--db", str(tmp_path / "missing.db")), 2),
        (("report", "--format", "pdf"), 2),
        (("report", "AZE", "Narnia", "--db", str(db)), 1),
        (("report", "AZE", "--db", str(db)), 2),
        # The store file as a word, as an older version took it: a usage error saying --db.
        (("report", str(db), "AZE", "KAZ"), 2),
        (("nonsense",), 2),
    ]:
        done = run(*args)
        assert done.returncode == status, (args, done.stderr)
        assert done.stderr.startswith("bilateral: ") and done.stderr.count("\n") == 1, done.stderr


@pytest.mark.slow
def test_command_line_version_is_the_package_version() -> None:
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"bilateral {bilateral.__version__}"


@pytest.mark.slow
def test_command_line_report_on_a_pair_the_built_in_dataset_lacks_exits_1() -> None:
    # No store named: the built-in dataset answers, and it has no Georgia–Armenia figure.
    done = run("report", "GEO", "ARM")
    assert done.returncode == 1 and done.stdout == ""
    assert "no figures for GEO and ARM" in done.stderr and "--db" in done.stderr
    # The pair it has still reports, its two countries named either way.
    assert run("report", "KAZ", "AZE").returncode == 0


@pytest.mark.slow
def test_command_line_load_writes_a_dataset_file_into_the_store_named_by_db(
    tmp_path: Path,
) -> None:
    dataset = tmp_path / "figures.json"
    dataset.write_text(
        json.dumps(
            {
                "name": "figures",
                "title": "Georgia and Armenia",
                "observations": [
                    {"indicator": "tourists", "origin": "GEO", "destination": "ARM",
                     "period": "2024", "value": 1.2, "unit": "million persons"},
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    db = tmp_path / "relations.db"
    done = run("load", str(dataset), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "1 observations" in done.stdout
    with bilateral.Store(db) as store:
        assert store.observations(indicator="tourists")["value"].tolist() == [1_200_000.0]
    # The same file again: every figure is a duplicate, and the store is unchanged.
    again = run("load", str(dataset), "--db", str(db))
    assert again.returncode == 1 and "duplicate observation" in again.stderr
    assert run("load", str(tmp_path / "missing.json"), "--db", str(db)).returncode == 2
    assert run("load", str(dataset)).returncode == 2


def test_stored_text_cannot_inject_markup_into_markdown() -> None:
    store = bilateral.Store()
    store.add_source("odd", "<script>alert(1)</script> statistics")
    store.add_event("2024-05-26", "GEO", "ARM", "signing", "Rail agreement\n# signed", source="odd")
    markdown = store.report("GEO", "ARM").to_markdown()
    assert "<script>" not in markdown and "&lt;script>" in markdown
    assert "\n# signed" not in markdown and "Rail agreement # signed" in markdown


def test_how_to_read_dates_the_measured_figures(report: bilateral.Report) -> None:
    # The counts of 2025 (companies, agreements) end last; the 2027 projection and the
    # cable's plan do not count.
    assert report.how_to_read[-1].startswith("The most recent measured figures are for 2025;")
    assert "## How to read this report" in report.to_markdown()


def test_a_phrase_names_the_route_of_a_directed_indicator() -> None:
    store = bilateral.Store()
    store.add_indicator(
        "gas_transit",
        "Gas transit",
        "t",
        "flow",
        directed=True,
        topic="transport",
        phrase="Gas from {origin} piped through {destination} to Türkiye",
    )
    store.add("gas_transit", "ARM", "GEO", 2024, 2_500_000)
    assert store.indicators().set_index("code").loc["gas_transit", "phrase"] == (
        "Gas from {origin} piped through {destination} to Türkiye"
    )
    assert store.report("GEO", "ARM").headline == [
        "Gas from Armenia piped through Georgia to Türkiye: 2.5 million t in 2024."
    ]


# ----- findings ---------------------------------------------------------------------------


def _findings_store() -> bilateral.Store:
    """Georgia and Armenia: trade turnover 2019–2024 (100, 120, 110, 130, 125 and 150
    million USD) with "rose" for 2023, and visitors around 1,000 in 2023 and 950 in 2024
    with "increased" for 2024."""
    store = bilateral.Store()
    store.add_indicator("turnover", "Trade turnover", "USD", "flow", directed=False, topic="trade")
    store.add_indicator("visitors", "Visitors", "persons", "flow", directed=True, topic="people")
    for year, millions in zip(range(2019, 2025), [100, 120, 110, 130, 125, 150], strict=True):
        store.add("turnover", "GEO", "ARM", year, millions * 1e6)
    store.add("visitors", "GEO", "ARM", 2023, 1_000, qualifier="around")
    store.add("visitors", "GEO", "ARM", 2024, 950)
    store.add_claim("rose", "turnover", "GEO", "ARM", 2023, "rose")
    store.add_claim("increased", "visitors", "GEO", "ARM", 2024, "increased")
    return store


def test_report_findings_are_typed_and_strongest_first() -> None:
    report = _findings_store().report("GEO", "ARM")
    findings = report.findings
    assert all(isinstance(f, bilateral.Finding) for f in findings)
    assert [(f.kind, f.severity) for f in findings] == [
        ("claim_contradicted", "high"),
        ("claim_undercut", "medium"),
        ("record", "low"),
    ]
    # 125 / 130 − 1 = −3.846 %
    contradicted = findings[0]
    assert contradicted.text == (
        "The figures contradict “rose” (Trade turnover, 2023 against 2022): they show a fall "
        "of 3.8 %."
    )
    assert contradicted.sections == ("trade", "claims")
    assert [(f.period, f.value) for f in contradicted.figures] == [("2023", 125e6), ("2022", 130e6)]
    assert tuple(f.note for f in contradicted.figures) == contradicted.notes
    # 950 against around 1,000 ([500, 1,500]): centrally −5 %, between −36.7 % and +90 %
    assert findings[1].text.endswith(
        "is plausible, but the figures suggest a fall of 5.0 % (between 36.7 % lower and "
        "90.0 % higher)."
    )
    # 150 above every other of the six years; 130 in 2022 the highest before
    assert findings[2].text.startswith("Trade turnover in 2024 ($150 million) was the highest")
    assert [f.summary for f in findings] == [True, True, True]
    with pytest.raises(AttributeError):
        contradicted.text = "changed"  # type: ignore[misc]


def test_findings_frame_has_one_row_per_finding() -> None:
    df = _findings_store().report("GEO", "ARM").findings_frame()
    assert list(df.columns) == ["kind", "severity", "text", "summary", "sections", "notes"]
    assert df["kind"].tolist() == ["claim_contradicted", "claim_undercut", "record"]
    assert df["summary"].dtype == bool
    assert df["sections"].tolist()[2] == ("trade",)


def test_a_report_without_findings_gives_an_empty_list_and_frame() -> None:
    store = bilateral.Store()
    store.add_indicator("turnover", "Trade turnover", "USD", "flow", directed=False)
    store.add("turnover", "GEO", "ARM", 2024, 1e6)
    report = store.report("GEO", "ARM")
    assert report.findings == []
    assert report.findings_frame().empty


def test_the_built_in_report_leads_with_the_contradicted_trajectory(
    report: bilateral.Report,
) -> None:
    first = report.findings[0]
    # $533.4 M in 2024 against $556.7 M in 2023: 533.4 / 556.7 − 1 = −4.19 %
    assert first.text == (
        "The figures contradict “steady upward trajectory” (Trade turnover, 2024 against "
        "2023): they show a fall of 4.2 %."
    )
    assert "## Summary\n\n- **Finding:** The figures contradict" in report.to_markdown()
    data = json.loads(report.to_json())
    assert [f["kind"] for f in data["findings"]] == [f.kind for f in report.findings]


def _yearly_products(products: int, path: Path | None = None) -> bilateral.Store:
    """Georgia and Armenia: trade of ``products`` products (p0000 …), undirected, in each
    of the 25 years 2000–2024; product p is worth (p + 1 + year − 2000) million USD."""
    store = bilateral.Store(path) if path else bilateral.Store()
    store.add_indicator("trade", "Trade", "USD", "flow", directed=False, topic="trade")
    store.add_many(
        pd.DataFrame(
            {
                "indicator": "trade",
                "origin": "ARM",
                "destination": "GEO",
                "product": [f"p{p:04}" for p in range(products) for _ in range(25)],
                "period": [str(y) for _ in range(products) for y in range(2000, 2025)],
                "value": [
                    1e6 * (p + 1 + y - 2000) for p in range(products) for y in range(2000, 2025)
                ],
            }
        )
    )
    return store


def test_tables_list_the_cited_and_latest_figures_and_report_figures_every_one() -> None:
    store = _yearly_products(30)
    report = store.report("GEO", "ARM")
    trade, appendix = report.sections[0], report.sections[-1]
    # each of the ten named products: 2015 … 2024, and 2000 and 2001 its sentences cite
    # (the long run from 2000, the largest change in 2001): 10 × 12 = 120 rows
    figures = trade.tables[0]
    assert len(figures) == 120
    assert sorted(set(figures["period code"]))[:3] == ["2000", "2001", "2015"]
    # the appendix: those ten again and the other 20, each its latest ten: 120 + 200
    assert len(appendix.tables[0]) == 320
    assert appendix.tables[0].attrs["footnote"].startswith("Listed: each series' latest 10 periods")
    # the full record: 30 products × 25 years, in the columns of store.observations()
    every = report.figures
    assert isinstance(every, pd.DataFrame)
    assert len(every) == 750
    assert list(every.columns) == list(store.observations().columns)
    assert every["value"].max() == 1e6 * (30 + 24)
    # not in the JSON
    assert "figures" not in json.loads(report.to_json())


def test_write_appendix_writes_every_figure_that_a_fresh_store_reads_back(tmp_path: Path) -> None:
    report = _yearly_products(3).report("GEO", "ARM")
    path = report.write_appendix(tmp_path / "appendix.csv")
    fresh = bilateral.Store()
    fresh.add_indicator("trade", "Trade", "USD", "flow", directed=False, topic="trade")
    # 3 products × 25 years
    assert fresh.import_csv(path).figures_written == 75
    assert len(fresh.observations()) == 75


@pytest.mark.slow
def test_command_line_appendix_writes_every_figure(tmp_path: Path) -> None:
    db = tmp_path / "pair.db"
    _yearly_products(2, db).close()
    appendix = tmp_path / "figures.csv"
    done = run("report", "GEO", "ARM", "--db", str(db), "--appendix", str(appendix))
    assert done.returncode == 0, done.stderr
    # a header and 2 products × 25 years
    assert len(appendix.read_text(encoding="utf-8").splitlines()) == 1 + 50
