"""Spot-checks of the built-in Azerbaijan–Kazakhstan dataset through the Python API.

Every expected value was read off the source article (The Caspian Post) by hand and
converted to base units by hand ($547.6 million is 547,600,000 USD). Bounds follow the
qualifier rule of docs/data-model.md with u the unit of the last significant digit
(trailing zeros of a whole number are not significant): exact [v, v]; approx
[v - u/2, v + u/2]; over [v, v + u]; nearly and under [v - u, v].
"""

from __future__ import annotations

from typing import NamedTuple

import bilateral
import pandas as pd
import pytest

DATASET = "azerbaijan-kazakhstan-2025"

OBSERVATION_COLUMNS = [
    "indicator",
    "origin",
    "destination",
    "product",
    "period",
    "start",
    "end",
    "value",
    "low",
    "high",
    "qualifier",
    "status",
    "unit",
    "source",
    "quote",
    "note",
]

EVENT_COLUMNS = [
    "date",
    "start",
    "end",
    "a",
    "b",
    "kind",
    "title",
    "place",
    "source",
    "quote",
    "note",
]


class Figure(NamedTuple):
    """One figure of the article as it should be stored."""

    indicator: str
    origin: str
    destination: str
    product: str
    period: str  # canonical period text
    start: str  # first day of the period
    end: str  # last day of the period
    value: float  # in base units
    unit: str
    qualifier: str
    status: str
    source: str
    low: float
    high: float
    words: str  # the figure's words in the article, found in the stored quote


FIGURES = [
    Figure(
        "trade_turnover",
        "AZE",
        "KAZ",
        "total",
        "2025-01/2025-08",
        "2025-01-01",
        "2025-08-31",
        547_600_000,
        "USD",
        "exact",
        "actual",
        "customs-az",
        547_600_000,
        547_600_000,
        "$547.6 million in the first eight months of 2025",
    ),
    Figure(
        "trade_turnover",
        "AZE",
        "KAZ",
        "total",
        "2023",
        "2023-01-01",
        "2023-12-31",
        556_700_000,
        "USD",
        "exact",
        "actual",
        "caspian-post",
        556_700_000,
        556_700_000,
        "the 2023 record of $556.7 million",
    ),
    Figure(
        "exports",
        "KAZ",
        "AZE",
        "wheat",
        "2025-01/2025-08",
        "2025-01-01",
        "2025-08-31",
        121_500_000,
        "USD",
        "exact",
        "actual",
        "caspian-post",
        121_500_000,
        121_500_000,
        "valued at $121.5 million",
    ),
    Figure(
        "exports_volume",
        "KAZ",
        "AZE",
        "wheat",
        "2025-01/2025-08",
        "2025-01-01",
        "2025-08-31",
        570_400,
        "t",
        "exact",
        "actual",
        "caspian-post",
        570_400,
        570_400,
        "wheat, totaling 570,400 tons",
    ),
    Figure(
        "exports",
        "KAZ",
        "AZE",
        "oil_products",
        "2025-01/2025-08",
        "2025-01-01",
        "2025-08-31",
        38_200_000,
        "USD",
        "exact",
        "actual",
        "caspian-post",
        38_200_000,
        38_200_000,
        "oil products worth $38.2 million",
    ),
    # approximately 1,500: u = 100, 1,500 ± 50
    Figure(
        "companies",
        "AZE",
        "KAZ",
        "total",
        "2025",
        "2025-01-01",
        "2025-12-31",
        1_500,
        "count",
        "approx",
        "actual",
        "caspian-post",
        1_450,
        1_550,
        "approximately 1,500 Azerbaijani-capital companies",
    ),
    # nearly 150: u = 10, [140, 150]
    Figure(
        "companies",
        "KAZ",
        "AZE",
        "total",
        "2025",
        "2025-01-01",
        "2025-12-31",
        150,
        "count",
        "nearly",
        "actual",
        "caspian-post",
        140,
        150,
        "nearly 150 Kazakh enterprises",
    ),
    # "Since 2005 … including … the first quarter of 2025": January 2005 to March 2025
    Figure(
        "investment_stock",
        "AZE",
        "KAZ",
        "total",
        "2005-01/2025-03",
        "2005-01-01",
        "2025-03-31",
        424_600_000,
        "USD",
        "exact",
        "actual",
        "caspian-post",
        424_600_000,
        424_600_000,
        "have reached $424.6 million",
    ),
    Figure(
        "investment_flow",
        "KAZ",
        "AZE",
        "total",
        "2024",
        "2024-01-01",
        "2024-12-31",
        32_600_000,
        "USD",
        "exact",
        "actual",
        "caspian-post",
        32_600_000,
        32_600_000,
        "$32.6 million invested in 2024 alone",
    ),
    Figure(
        "corridor_containers",
        "AZE",
        "KAZ",
        "total",
        "2025-01/2025-07",
        "2025-01-01",
        "2025-07-31",
        40_200,
        "TEU",
        "exact",
        "actual",
        "caspian-post",
        40_200,
        40_200,
        "nearly doubling to 40,200 TEUs",
    ),
    Figure(
        "corridor_cargo",
        "AZE",
        "KAZ",
        "total",
        "2025",
        "2025-01-01",
        "2025-12-31",
        5_200_000,
        "t",
        "exact",
        "target",
        "caspian-post",
        5_200_000,
        5_200_000,
        "a 2025 target of 5.2 million tons",
    ),
    # over 1 million: one significant digit, u = 1,000,000, [1M, 2M]
    Figure(
        "oil_transit",
        "KAZ",
        "AZE",
        "total",
        "2023",
        "2023-01-01",
        "2023-12-31",
        1_000_000,
        "t",
        "over",
        "actual",
        "caspian-post",
        1_000_000,
        2_000_000,
        "over 1 million tons in 2023",
    ),
    # around 0.9 million: u = 100,000, 900,000 ± 50,000
    Figure(
        "oil_transit",
        "KAZ",
        "AZE",
        "total",
        "2025-01/2025-08",
        "2025-01-01",
        "2025-08-31",
        900_000,
        "t",
        "approx",
        "actual",
        "caspian-post",
        850_000,
        950_000,
        "around 0.9 million tons in the first eight months of 2025",
    ),
    Figure(
        "oil_transit",
        "KAZ",
        "AZE",
        "total",
        "2027",
        "2027-01-01",
        "2027-12-31",
        7_000_000,
        "t",
        "exact",
        "projection",
        "azizov",
        7_000_000,
        7_000_000,
        "expected to reach 7 million tons a year by 2027",
    ),
    # over 102,000: u = 1,000, [102,000, 103,000]
    Figure(
        "tourists",
        "AZE",
        "KAZ",
        "total",
        "2024",
        "2024-01-01",
        "2024-12-31",
        102_000,
        "persons",
        "over",
        "actual",
        "kazakhtourism",
        102_000,
        103_000,
        "over 102,000 Azerbaijani tourists visited Kazakhstan in 2024",
    ),
    # around 59,000: u = 1,000, 59,000 ± 500
    Figure(
        "tourists",
        "AZE",
        "KAZ",
        "total",
        "2022",
        "2022-01-01",
        "2022-12-31",
        59_000,
        "persons",
        "approx",
        "actual",
        "kazakhtourism",
        58_500,
        59_500,
        "around 59,000 in 2022",
    ),
    Figure(
        "tourists",
        "KAZ",
        "AZE",
        "total",
        "2024",
        "2024-01-01",
        "2024-12-31",
        71_500,
        "persons",
        "exact",
        "actual",
        "caspian-post",
        71_500,
        71_500,
        "from 24,000 to 71,500",
    ),
    # more than 20: u = 10, [20, 30]
    Figure(
        "joint_military_activities",
        "AZE",
        "KAZ",
        "total",
        "2025",
        "2025-01-01",
        "2025-12-31",
        20,
        "count",
        "over",
        "actual",
        "caspian-post",
        20,
        30,
        "more than 20 joint activities",
    ),
    Figure(
        "university_memoranda",
        "AZE",
        "KAZ",
        "total",
        "2025-03",
        "2025-03-01",
        "2025-03-31",
        40,
        "count",
        "exact",
        "actual",
        "caspian-post",
        40,
        40,
        "signed 40 memoranda of understanding",
    ),
    # exceeding 22 billion tenge: u = 1,000,000,000, [22e9, 23e9]; the budget as the
    # plan stood in the 2025 article (an indicator of kind plan), construction from 2026
    Figure(
        "cable_cost",
        "AZE",
        "KAZ",
        "total",
        "2025",
        "2025-01-01",
        "2025-12-31",
        22_000_000_000,
        "KZT",
        "over",
        "actual",
        "caspian-post",
        22_000_000_000,
        23_000_000_000,
        "a cost exceeding 22 billion tenge",
    ),
]


@pytest.fixture(scope="module")
def store() -> bilateral.Store:
    return bilateral.demo()


def the_row(store: bilateral.Store, figure: Figure) -> pd.Series:
    """The one stored observation of the figure's indicator, pair, product, period and
    source."""
    df = store.observations(
        indicator=figure.indicator,
        origin=figure.origin,
        destination=figure.destination,
        product=figure.product,
    )
    rows = df[(df["period"] == figure.period) & (df["source"] == figure.source)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize(
    "figure", FIGURES, ids=[f"{f.indicator}-{f.origin}-{f.period}-{f.product}" for f in FIGURES]
)
def test_figure_of_the_article_is_stored_with_its_unit_period_qualifier_and_bounds(
    store: bilateral.Store, figure: Figure
) -> None:
    row = the_row(store, figure)
    assert row["indicator"] == figure.indicator
    assert (row["origin"], row["destination"]) == (figure.origin, figure.destination)
    assert row["product"] == figure.product
    assert row["period"] == figure.period
    assert row["start"] == pd.Timestamp(figure.start)
    assert row["end"] == pd.Timestamp(figure.end)
    assert row["value"] == figure.value
    assert row["unit"] == figure.unit
    assert row["qualifier"] == figure.qualifier
    assert row["status"] == figure.status
    assert row["source"] == figure.source
    assert (row["low"], row["high"]) == (figure.low, figure.high)
    assert figure.words in row["quote"]


def test_there_are_at_least_ten_figures_spot_checked() -> None:
    assert len(FIGURES) >= 10


def test_observations_frame_has_the_documented_columns_and_types(store: bilateral.Store) -> None:
    df = store.observations()
    assert list(df.columns) == OBSERVATION_COLUMNS
    assert pd.api.types.is_datetime64_any_dtype(df["start"])
    assert pd.api.types.is_datetime64_any_dtype(df["end"])
    for column in ["value", "low", "high"]:
        assert pd.api.types.is_float_dtype(df[column]), column
    assert (df["low"] <= df["value"]).all()
    assert (df["value"] <= df["high"]).all()
    assert (df["start"] <= df["end"]).all()


def test_every_observation_and_event_has_a_non_empty_quote(store: bilateral.Store) -> None:
    for df in [store.observations(), store.events()]:
        assert df["quote"].notna().all()
        assert (df["quote"].str.strip().str.len() > 0).all()
        assert df["source"].notna().all()


def test_trade_turnover_january_to_august_2024_is_not_a_figure_the_article_gives(
    store: bilateral.Store,
) -> None:
    # The article only implies it ("more than tripling"): a claim (see test_claims.py),
    # not an observation, so no row holds it and no growth is computed from it.
    df = store.observations(indicator="trade_turnover")
    assert df[df["period"] == "2024-01/2024-08"].empty
    assert "estimate" not in set(df["status"])


def test_undirected_trade_turnover_is_found_with_the_pair_in_reverse_order(
    store: bilateral.Store,
) -> None:
    reverse = store.observations(indicator="trade_turnover", origin="KAZ", destination="AZE")
    forward = store.observations(indicator="trade_turnover", origin="AZE", destination="KAZ")
    # 2023, 2024, January–August 2025, by first then last day.
    assert reverse["period"].tolist() == ["2023", "2024", "2025-01/2025-08"]
    pd.testing.assert_frame_equal(reverse, forward)
    assert set(zip(reverse["origin"], reverse["destination"])) == {("AZE", "KAZ")}


def test_directed_tourists_from_kazakhstan_are_24000_in_2022_and_71500_in_2024(
    store: bilateral.Store,
) -> None:
    df = store.observations(indicator="tourists", origin="KAZ", destination="AZE")
    assert list(zip(df["period"], df["value"])) == [("2022", 24_000), ("2024", 71_500)]


def test_events_frame_has_the_documented_columns_and_types(store: bilateral.Store) -> None:
    df = store.events()
    assert list(df.columns) == EVENT_COLUMNS
    assert pd.api.types.is_datetime64_any_dtype(df["start"])
    assert pd.api.types.is_datetime64_any_dtype(df["end"])
    # in order of their end: an event known only by its year after those dated in it
    assert df["end"].is_monotonic_increasing
    assert set(zip(df["a"], df["b"])) == {("AZE", "KAZ")}


@pytest.mark.parametrize(
    ("date", "kind", "place", "words"),
    [
        ("2025-05-17", "call", None, "phone conversations on May 17 and August 10"),
        ("2025-08-10", "call", None, "phone conversations on May 17 and August 10"),
        ("2025-01", "meeting", "Abu Dhabi", "held talks in Abu Dhabi during Sustainability Week"),
        ("2025-05", "summit", "Budapest", "Summit of the Organization of Turkic States"),
        ("2025-10", "summit", "Gabala", "12th official OTS Summit in Gabala"),
        ("2025-06", "exercise", "Caspian Sea", "Caspian Breeze 2025 naval exercises"),
        ("2025-03", "signing", None, "signed 40 memoranda of understanding"),
    ],
)
def test_timeline_event_of_the_article_is_stored(
    store: bilateral.Store, date: str, kind: str, place: str | None, words: str
) -> None:
    df = store.events(a="KAZ", b="AZE")
    rows = df[(df["date"] == date) & (df["kind"] == kind)]
    assert len(rows) == 1, rows
    row = rows.iloc[0]
    assert pd.isna(row["place"]) if place is None else row["place"] == place
    assert words in row["quote"]
    assert row["source"] == "caspian-post"


def test_phone_calls_are_single_days(store: bilateral.Store) -> None:
    calls = store.events()
    calls = calls[calls["kind"] == "call"]
    assert calls["start"].tolist() == [pd.Timestamp("2025-05-17"), pd.Timestamp("2025-08-10")]
    assert (calls["start"] == calls["end"]).all()


def test_the_built_in_dataset_is_listed() -> None:
    assert DATASET in bilateral.datasets()


def test_loading_the_dataset_twice_is_a_duplicate_and_changes_nothing() -> None:
    store = bilateral.demo()
    before = len(store.observations())
    events = len(store.events())
    with pytest.raises(bilateral.DuplicateError):
        store.load_dataset(DATASET)
    assert len(store.observations()) == before
    assert len(store.events()) == events
