"""Report options through Python and the command line: since, until, top, title, topics,
digits."""

from __future__ import annotations

import bilateral
import pandas as pd
import pytest
from bilateral.__main__ import main

PRODUCTS = 30


@pytest.fixture(scope="module")
def store() -> bilateral.Store:
    """Georgia–Armenia: exports of 30 products, product p exactly 1,000 × (p + 1) USD in
    2024 and 900 × (p + 1) in 2023; trade turnover every month of 2023 and 2024, month k
    1,000,000 + 1,000 × k USD."""
    store = bilateral.Store()
    rows = [
        {
            "indicator": "exports",
            "origin": "GEO",
            "destination": "ARM",
            "product": f"p{p:02}",
            "period": year,
            "value": per_product * (p + 1),
        }
        for p in range(PRODUCTS)
        for year, per_product in ((2023, 900), (2024, 1000))
    ]
    rows += [
        {
            "indicator": "trade_turnover",
            "origin": "GEO",
            "destination": "ARM",
            "product": "total",
            "period": f"{year}-{k:02}",
            "value": 1_000_000 * (year - 2022) + 1_000 * k,
        }
        for year in (2023, 2024)
        for k in range(1, 13)
    ]
    store.add_many(pd.DataFrame(rows))
    return store


def _section(report: bilateral.Report, id: str) -> bilateral.report.Section:
    return next(s for s in report.sections if s.id == id)


def test_top_names_the_largest_products_and_sums_the_rest(store: bilateral.Store) -> None:
    report = store.report("GEO", "ARM", top=5)
    exports = [t for t in _section(report, "trade").sentences if t.startswith("Exports")]
    # p25 … p29 named, the largest (1,000 × (p + 1)) first; p0 … p24 summed:
    # 1,000 × 25 × 26 / 2 = 325,000, exact
    assert len(exports) == 6
    assert [t.split()[2] for t in exports[:5]] == ["p29", "p28", "p27", "p26", "p25"]
    assert exports[5] == (
        "Exports of the other 25 products from Georgia to Armenia came to $325,000 in 2024; "
        "each is in the appendix."
    )
    appendix = _section(report, "products").tables[0]
    # 30 products × 2 years, as a DataFrame
    assert len(appendix) == 60
    assert set(appendix["product"]) == {f"p{p:02}" for p in range(PRODUCTS)}


def test_a_monthly_series_gets_a_year_to_date_sentence_and_a_chart(
    store: bilateral.Store,
) -> None:
    trade = _section(store.report("GEO", "ARM"), "trade")
    # 2024: 12 × 2,000,000 + 1,000 × (1 + … + 12) = 24,078,000; 2023: 12,078,000;
    # 24.078 / 12.078 − 1 = 99.35 %; the prose shows three significant digits
    assert trade.sentences[1] == (
        "In 2024 it came to $24.1 million, up 99.4 % on $12.1 million in 2023."
    )
    turnover = [c for c in trade.charts if c.indicator == "trade_turnover"]
    assert len(turnover) == 1


def test_since_and_until_take_years_and_pandas_periods(store: bilateral.Store) -> None:
    report = store.report("GEO", "ARM", since=pd.Period("2024Q1"), until=2024)
    assert (report.notes["period"].str.startswith("2024")).all()
    only_2023 = store.report("GEO", "ARM", until="2023")
    assert (only_2023.notes["period"].str.startswith("2023")).all()


def test_title_and_topics_choose_the_heading_and_the_sections(store: bilateral.Store) -> None:
    report = bilateral.demo().report("AZE", "KAZ", title="Corridor", topics=["transport"])
    assert report.title == "Corridor"
    assert report.to_markdown().startswith("# Corridor\n")
    assert [s.id for s in report.sections][0] == "transport"
    assert all(s.id in {"transport", "claims"} for s in report.sections)


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"top": -1}, "top"),
        ({"since": "the spring"}, "since"),
        ({"since": 2025, "until": 2024}, "until"),
        ({"topics": ["tarde"]}, "topics"),
        ({"topics": []}, "topics"),
        ({"title": " "}, "title"),
        ({"digits": 0}, "digits"),
        ({"digits": 5}, "digits"),
        ({"digits": -1}, "digits"),
    ],
)
def test_a_bad_option_is_a_validation_error_naming_it(
    store: bilateral.Store, options: dict[str, object], field: str
) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.report("GEO", "ARM", **options)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_the_command_line_takes_the_same_options(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["report", "AZE", "KAZ", "--title", "Trade only", "--topic", "trade"]
    assert main([*argv, "--since", "2025", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Trade only\n")
    assert "## Trade" in out and "## Tourism" not in out
    assert main(["report", "AZE", "KAZ", "--topic", "tarde"]) == 1
    assert "topics" in capsys.readouterr().err


@pytest.fixture(scope="module")
def office_table() -> bilateral.Store:
    """Exports from Georgia to Türkiye as a statistics office tabulates them: thousand USD
    with one decimal, seven significant digits."""
    store = bilateral.Store()
    store.add_many(
        [
            {"indicator": "exports", "origin": "GEO", "destination": "TUR", "period": year}
            | {"value": value, "unit": "thousand USD"}
            for year, value in ((2023, 307_948.3), (2024, 334_201.7))
        ]
    )
    return store


@pytest.mark.parametrize(
    ("digits", "sentence"),
    [
        # 334,201.7 / 307,948.3 − 1 = 0.085252: up 8.5 % (at most one decimal)
        (
            3,
            "Exports from Georgia to Türkiye reached $334 million in 2024, "
            "up 8.5 % on $308 million in 2023.",
        ),
        (
            4,
            "Exports from Georgia to Türkiye reached $334.2 million in 2024, "
            "up 8.5 % on $307.9 million in 2023.",
        ),
        # two digits: the growth too, 8.5 % already has two
        (
            2,
            "Exports from Georgia to Türkiye reached $330 million in 2024, "
            "up 8.5 % on $310 million in 2023.",
        ),
    ],
)
def test_digits_sets_how_many_significant_digits_an_office_figure_shows(
    office_table: bilateral.Store, digits: int, sentence: str
) -> None:
    report = office_table.report("GEO", "TUR", digits=digits)
    assert report.sections[0].sentences[0] == sentence
    # the tables at the precision of the prose, the frame at full value
    figures = report.sections[0].tables[0]
    assert figures["value"].tolist() == [307_948_300.0, 334_201_700.0]


def test_the_article_figures_print_as_published_whatever_the_digits() -> None:
    report = bilateral.demo().report("AZE", "KAZ", digits=2)
    assert (
        report.sections[0]
        .sentences[0]
        .startswith("Trade turnover reached $547.6 million in January–August 2025")
    )


def test_the_command_line_takes_digits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "AZE", "KAZ", "--topic", "trade", "--digits", "4"]) == 0
    # 121.5 / 547.6 = 22.188 %: four digits, at most two decimals
    assert "Wheat made up 22.19 % of trade turnover" in capsys.readouterr().out
    assert main(["report", "AZE", "KAZ", "--digits", "7"]) == 1
    assert "digits" in capsys.readouterr().err
