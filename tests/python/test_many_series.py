"""Analyses over many series in one call: growth with an open filter equals growth of
each series alone."""

from __future__ import annotations

import random

import bilateral
import pandas as pd
import pytest

COUNTRIES = ["GEO", "ARM", "TUR", "AZE"]


@pytest.fixture(scope="module")
def store() -> bilateral.Store:
    """Made-up figures: a directed and an undirected indicator, products, years with
    gaps, a second source for some periods, and a few zeros."""
    rng = random.Random(20261128)
    s = bilateral.Store()
    s.add_indicator("exports", "Exports", "USD", "flow", True)
    s.add_indicator("turnover", "Trade turnover", "USD", "flow", False)
    s.add_source("a", "Office A")
    s.add_source("b", "Office B")
    records = {}
    for _ in range(600):
        indicator = rng.choice(["exports", "turnover"])
        origin, destination = rng.sample(COUNTRIES, 2)
        if indicator == "turnover":
            origin, destination = sorted((origin, destination))
        key = (
            indicator,
            origin,
            destination,
            rng.choice(["total", "total", "wine"]),
            str(rng.randint(2010, 2024)),
            rng.choice(["a", "b"]),
        )
        records[key] = 0.0 if rng.random() < 0.05 else float(rng.randint(1, 500) * 1000)
    s.add_many(
        {
            "indicator": i,
            "origin": o,
            "destination": d,
            "product": p,
            "period": period,
            "source": source,
            "value": value,
            "qualifier": "over",
        }
        for (i, o, d, p, period, source), value in records.items()
    )
    return s


def test_growth_of_every_series_equals_growth_of_each_alone(store: bilateral.Store) -> None:
    every = store.growth(product=None)
    keys = ["indicator", "origin", "destination", "product"]
    assert list(every.columns[:5]) == [*keys, "unit"]
    compared = 0
    for (indicator, origin, destination, product), rows in every.groupby(keys, sort=False):
        try:
            alone = store.growth(indicator, origin, destination, product)
        except bilateral.ValidationError:
            # A zero base: alone an error; over many series only its ratios are empty.
            assert rows[rows["base_value"] == 0]["pct"].isna().all()
            continue
        mine = rows.drop(columns=[*keys, "unit"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, alone, check_dtype=False)
        compared += 1
    assert compared > 20


def test_an_open_filter_narrows_by_what_it_names(store: bilateral.Store) -> None:
    from_georgia = store.growth(indicator="exports", origin="GEO")
    assert set(from_georgia["origin"]) == {"GEO"}
    assert set(from_georgia["product"]) == {"total"}
    wine = store.growth(product="wine", destination="ARM")
    assert set(wine["product"]) == {"wine"}
    assert all(o == "ARM" or d == "ARM" for o, d in zip(wine["origin"], wine["destination"]))


def test_an_empty_result_still_has_its_columns_and_types() -> None:
    empty = bilateral.Store().growth()
    assert len(empty) == 0
    assert empty["pct"].dtype == "float64"
    assert list(empty.columns[:6]) == [
        "indicator",
        "origin",
        "destination",
        "product",
        "unit",
        "period",
    ]
