"""Analyses over many series in one call: growth, change, shares, per capita and
asymmetry with an open filter equal the same analysis of each series alone."""

from __future__ import annotations

import math
import random

import bilateral
import pandas as pd
import pyarrow as pa
import pytest

COUNTRIES = ["GEO", "ARM", "TUR", "AZE"]


@pytest.fixture(scope="module")
def store() -> bilateral.Store:
    """Made-up figures: a directed and an undirected indicator, products, years with
    gaps, a second source for some periods, and a few zeros."""
    rng = random.Random(20261128)
    s = bilateral.Store()
    s.add_indicator("exports", "Exports", "USD", "flow", directed=True)
    s.add_indicator("turnover", "Trade turnover", "USD", "flow", directed=False)
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


KEYS = ["indicator", "origin", "destination", "product"]


def test_change_of_every_series_equals_change_of_each_alone(store: bilateral.Store) -> None:
    every_series = store.growth(product=None).groupby(KEYS, sort=False).size().index
    compared = undefined = 0
    for start, end in [(2012, 2020), (2015, 2016), (2010, 2024)]:
        every = store.change(product=None, start=start, end=end)
        assert list(every.columns[:7]) == [*KEYS, "unit", "start", "end"]
        rows = {tuple(r[KEYS]): r for _, r in every.iterrows()}
        for key in every_series:
            try:
                alone = store.change(*key[:3], start, end, key[3])
            except bilateral.NotFoundError:
                assert key not in rows  # no figure in one of the periods: no row
                continue
            except bilateral.ValidationError:
                # A zero start: alone an error; over many series a row without a ratio.
                assert rows[key]["start_value"] == 0 and math.isnan(rows[key]["ratio"])
                undefined += 1
                continue
            fields = alone.to_dict()
            del fields["series"]
            assert rows[key][list(fields)].to_dict() == fields
            compared += 1
    assert compared > 20
    assert undefined > 0


def test_shares_of_every_pair_equal_shares_of_each_pair_alone(store: bilateral.Store) -> None:
    every = store.shares(indicator="exports", of="turnover")
    assert list(every.columns[:5]) == ["indicator", "origin", "destination", "period", "product"]
    pairs = store.growth(indicator="exports", product=None)[["origin", "destination"]]
    compared = 0
    for origin, destination in pairs.drop_duplicates().itertuples(index=False):
        mine = every[(every["origin"] == origin) & (every["destination"] == destination)]
        try:
            alone = store.shares("exports", origin, destination, of="turnover")
        except bilateral.NotFoundError:
            assert mine.empty
            continue
        except bilateral.ValidationError:
            # A zero whole: alone an error; over many pairs a row without a share.
            assert mine[mine["whole"] == 0]["share"].isna().all()
            continue
        mine = mine.drop(columns=["indicator", "origin", "destination"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, alone)
        compared += 1
    assert compared > 3


def test_shares_of_parts_in_another_unit_than_the_whole_are_a_validation_error() -> None:
    store = bilateral.demo()
    with pytest.raises(bilateral.ValidationError) as caught:
        store.shares(of="trade_turnover")  # tourists are persons, turnover dollars
    assert caught.value.field == "of"


def test_per_capita_of_every_series_equals_per_capita_of_each_alone(
    store: bilateral.Store,
) -> None:
    every = store.per_capita(product=None, basis="destination")
    assert list(every.columns[:6]) == [*KEYS, "unit", "period"]
    assert every["population"].dtype == "Int64"
    compared = 0
    for key, rows in every.groupby(KEYS, sort=False):
        alone = store.per_capita(*key[:3], basis="destination", product=key[3])
        mine = rows.drop(columns=[*KEYS, "unit"]).reset_index(drop=True)
        # One series gives its whole numbers as Python ints, many as pandas' Int64.
        for whole in ("population_year", "population"):
            mine[whole] = mine[whole].astype("int64")
            alone[whole] = alone[whole].astype("int64")
        pd.testing.assert_frame_equal(mine, alone)
        compared += 1
    assert compared > 20


def test_per_capita_of_a_country_without_population_keeps_its_rows_empty() -> None:
    store = bilateral.Store()
    store.add_indicator("visitors", "Visitors", "persons", "flow", directed=True)
    store.add("visitors", "TWN", "GEO", 2020, 500)
    store.add("visitors", "GEO", "TWN", 2020, 300)
    with pytest.raises(bilateral.NotFoundError):
        store.per_capita("visitors", "TWN", "GEO")  # Taiwan has no population stored
    df = store.per_capita(indicator="visitors").set_index("origin")
    assert df.loc["TWN", "value"] == 500
    assert pd.isna(df.loc["TWN", "population"]) and math.isnan(df.loc["TWN", "per_capita"])
    year, people = store.population("GEO", 2020) or (0, 0)
    assert (df.loc["GEO", "population_year"], df.loc["GEO", "population"]) == (year, people)
    assert df.loc["GEO", "per_capita"] == pytest.approx(300 / people * 1000)


def test_asymmetry_of_every_pair_equals_asymmetry_of_each_pair_alone(
    store: bilateral.Store,
) -> None:
    every = store.asymmetry(product=None)
    keys = ["indicator", "a", "b", "product"]
    assert list(every.columns[:5]) == [*keys, "period"]
    # The undirected turnover is passed over; each pair once, in alphabetical order.
    assert set(every["indicator"]) == {"exports"}
    assert (every["a"] < every["b"]).all()
    compared = 0
    for key, rows in every.groupby(keys, sort=False):
        try:
            alone = store.asymmetry(*key)
        except bilateral.ValidationError:
            # A zero b → a: alone an error; over many pairs a row without a ratio.
            assert rows[rows["b_to_a"] == 0]["ratio"].isna().all()
            continue
        pd.testing.assert_frame_equal(rows.drop(columns=keys).reset_index(drop=True), alone)
        compared += 1
    assert compared > 5
    with pytest.raises(bilateral.ValidationError) as caught:
        store.asymmetry(indicator="turnover")
    assert caught.value.field == "indicator"


def test_every_analysis_over_many_series_goes_into_arrow(store: bilateral.Store) -> None:
    frames = {
        "change": store.change(start=2012, end=2020, into="arrow"),
        "shares": store.shares(indicator="exports", into="arrow"),
        "per_capita": store.per_capita(into="arrow"),
        "asymmetry": store.asymmetry(into="arrow"),
    }
    pandas = {
        "change": store.change(start=2012, end=2020),
        "shares": store.shares(indicator="exports"),
        "per_capita": store.per_capita(),
        "asymmetry": store.asymmetry(),
    }
    for name, table in frames.items():
        assert isinstance(table, bilateral.Table), name
        arrow = pa.table(table)
        assert arrow.column_names == list(pandas[name].columns), name
        assert arrow.num_rows == len(pandas[name]) > 0, name
    per_capita = pa.table(frames["per_capita"])
    assert per_capita.schema.field("population").type == pa.int64()
    assert per_capita.schema.field("per_capita").type == pa.float64()


def test_change_without_start_or_end_is_a_validation_error_naming_it(
    store: bilateral.Store,
) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.change(indicator="exports", end=2020)
    assert caught.value.field == "start"
    with pytest.raises(bilateral.ValidationError) as caught:
        store.change("exports", "GEO", "ARM", start=2012)
    assert caught.value.field == "end"


def test_one_series_answers_as_before_and_leaves_other_frames_to_many() -> None:
    store = bilateral.demo()
    assert isinstance(store.change("tourists", "AZE", "KAZ", 2022, 2024), bilateral.Change)
    for call in (
        lambda: store.change("tourists", "AZE", "KAZ", 2022, 2024, into="arrow"),
        lambda: store.shares("exports", "KAZ", "AZE", into="polars"),
        lambda: store.per_capita("tourists", "AZE", "KAZ", into="arrow"),
        lambda: store.asymmetry("tourists", "AZE", "KAZ", into="arrow"),
    ):
        with pytest.raises(ValueError, match="many series"):
            call()


def test_empty_frames_of_every_analysis_still_have_their_types() -> None:
    empty = bilateral.Store()
    change = empty.change(start=2020, end=2024)
    assert len(change) == 0 and change["cagr"].dtype == "float64"
    assert empty.shares()["share"].dtype == "float64"
    per_capita = empty.per_capita()
    assert (per_capita["population"].dtype, per_capita["low"].dtype) == ("Int64", "float64")
    assert list(empty.asymmetry().columns[:3]) == ["indicator", "a", "b"]
    mirror = empty.mirror()
    assert list(mirror.columns) == MIRROR_COLUMNS
    assert mirror["gap_pct"].dtype == "float64"
    assert pd.api.types.is_string_dtype(mirror["exports_source"])


MIRROR_COLUMNS = [
    "exports_indicator", "imports_indicator", "exporter", "importer", "product", "unit",
    "period", "exports", "exports_low", "exports_high", "exports_status", "exports_source",
    "imports", "imports_low", "imports_high", "imports_status", "imports_source", "gap",
    "gap_low", "gap_high", "gap_pct", "gap_pct_low", "gap_pct_high",
]  # fmt: skip


def test_mirror_sets_the_exporters_and_the_importers_figure_of_each_flow_side_by_side() -> None:
    s = bilateral.Store()
    s.add_source("geostat", "Geostat")
    s.add_source("turkstat", "TurkStat")
    # Georgia's exports to Türkiye and Türkiye's imports from Georgia: both GEO → TUR.
    s.add("exports", "GEO", "TUR", 2024, 300e6, source="geostat")
    # "over 318 million": [318, 319] million
    s.add("imports", "GEO", "TUR", 2024, 318e6, qualifier="over", source="turkstat")
    s.add("exports", "TUR", "GEO", 2024, 1_000e6, source="turkstat")
    s.add("imports", "TUR", "GEO", 2024, 900e6, source="geostat", status="provisional")
    s.add("imports", "TUR", "GEO", 2023, 800e6, source="geostat")  # one end only: no row
    df = s.mirror("TUR", "Georgia")
    assert list(df.columns) == MIRROR_COLUMNS
    assert df[["exporter", "importer", "period"]].values.tolist() == [
        ["GEO", "TUR", "2024"],
        ["TUR", "GEO", "2024"],
    ]
    geo, tur = df.iloc[0], df.iloc[1]
    assert (geo.exports_indicator, geo.imports_indicator, geo.unit) == ("exports", "imports", "USD")
    assert (geo.exports_source, geo.imports_source) == ("geostat", "turkstat")
    assert (geo.imports_low, geo.imports_high) == (318e6, 319e6)
    # gap 318 − 300 = 18 million, bounds [318 − 300, 319 − 300] = [18, 19] million;
    # gap % 18 / 300 = 6 %, bounds [6 %, 19 / 300 = 6.333 %]
    assert (geo.gap, geo.gap_low, geo.gap_high) == (18e6, 18e6, 19e6)
    assert geo.gap_pct == pytest.approx(6.0)
    assert geo.gap_pct_low == pytest.approx(6.0)
    assert geo.gap_pct_high == pytest.approx(19 / 3)
    # 900 − 1,000 = −100 million, −10 %
    assert (tur.exports_source, tur.imports_source, tur.imports_status) == (
        "turkstat",
        "geostat",
        "provisional",
    )
    assert tur.gap == -100e6
    assert tur.gap_pct == pytest.approx(-10.0)
    # Another country: no flow reported from both ends.
    assert len(s.mirror("ARM")) == 0
    assert pa.table(s.mirror(indicator="imports", into="arrow")).num_rows == 2


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
    s.add_indicator("exports", "Exports", "USD", "flow", directed=True)
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


@pytest.mark.slow
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
