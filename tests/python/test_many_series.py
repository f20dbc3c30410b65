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


def _frame(rows: int) -> pd.DataFrame:
    countries = ["GEO", "ARM", "TUR", "AZE", "KAZ"]
    pairs = [(a, b) for a in countries for b in countries if a != b]
    return pd.DataFrame(
        {
            "indicator": "exports",
            "origin": [pairs[i % len(pairs)][0] for i in range(rows)],
            "destination": [pairs[i % len(pairs)][1] for i in range(rows)],
            "product": [f"p{i // (len(pairs) * 10)}" for i in range(rows)],
            "period": [str(2000 + i // len(pairs) % 10) for i in range(rows)],
            "value": [float(1 + i % 997) for i in range(rows)],
        }
    )


def _store() -> bilateral.Store:
    s = bilateral.Store()
    s.add_indicator("exports", "Exports", "USD", "flow", True)
    return s


def test_a_frame_and_its_records_give_the_same_store() -> None:
    df = _frame(2_000)
    df.loc[3, "value"] = float("nan")  # a missing value is an error either way
    df = df.drop(index=3)
    df["qualifier"] = ["over" if i % 3 else None for i in range(len(df))]
    by_columns, by_records = _store(), _store()
    assert by_columns.add_many(df) == len(df)
    assert by_records.add_many(df.to_dict("records")) == len(df)
    pd.testing.assert_frame_equal(by_columns.observations(), by_records.observations())


def test_a_bad_value_deep_in_a_frame_names_its_row_and_leaves_the_store_unchanged() -> None:
    store = _store()
    df = _frame(700_001)
    df["value"] = df["value"].astype(object)
    df.loc[700_000, "value"] = "a lot"
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(df)
    assert (caught.value.record, caught.value.field, caught.value.text) == (
        700_000,
        "value",
        "'a lot'",
    )
    assert store.observations().empty


def test_a_bad_country_in_a_frame_names_its_row_after_the_rows_before_it_went_in() -> None:
    store = _store()
    df = _frame(20_000)
    df.loc[19_999, "origin"] = "Atlantis"
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(df)
    assert (caught.value.record, caught.value.field) == (19_999, "origin")
    assert store.observations().empty


def test_a_frame_column_that_is_not_a_field_is_named() -> None:
    df = _frame(3).assign(colour="red")
    with pytest.raises(bilateral.ValidationError) as caught:
        _store().add_many(df)
    assert (caught.value.field, caught.value.record) == ("colour", 0)
