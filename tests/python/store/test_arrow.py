"""Tables leave as Arrow: pyarrow, polars and DuckDB read the same rows the pandas
frame holds, through ``__arrow_c_stream__``, on figures made up here."""

from __future__ import annotations

import math
from typing import Any

import bilateral
import bilateral.table
import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest


@pytest.fixture(scope="module")
def store() -> bilateral.Store:
    """Two series with a gap, a zero base, a figure without source, quote or note, and
    one with all three."""
    s = bilateral.Store()
    s.add_indicator("rail_cargo", "Rail cargo", "t", "flow", directed=False)
    s.add_source("office", "Statistics office")
    s.add_many(
        [
            {"indicator": "rail_cargo", "origin": "GEO", "destination": "ARM",
             "period": "2021", "value": 0.0},
            {"indicator": "rail_cargo", "origin": "GEO", "destination": "ARM",
             "period": "2022", "value": 1500.0, "qualifier": "over", "source": "office",
             "quote": "over 1,500 t", "note": "first full year"},
            {"indicator": "rail_cargo", "origin": "GEO", "destination": "ARM",
             "period": "2024", "value": 2000.0},
            {"indicator": "rail_cargo", "origin": "GEO", "destination": "TUR",
             "period": "2023-01/2023-06", "value": 10.0},
            {"indicator": "rail_cargo", "origin": "GEO", "destination": "TUR",
             "period": "2024-01/2024-06", "value": 12.5, "qualifier": "around"},
        ]
    )  # fmt: skip
    return s


def _plain(value: Any) -> Any:
    """A cell as plain Python, every kind of missing as None."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{name: _plain(v) for name, v in row.items()} for row in frame.to_dict(orient="records")]


@pytest.mark.parametrize("call", ["observations", "growth"])
def test_pyarrow_polars_and_duckdb_read_what_the_pandas_frame_holds(
    store: bilateral.Store, call: str
) -> None:
    frame: pd.DataFrame = getattr(store, call)(indicator=None)
    result: bilateral.Table = getattr(store, call)(indicator=None, into="arrow")
    expected = _records(frame)
    assert len(expected) == 5 and result.num_rows == 5
    by_pyarrow = pa.table(result).to_pylist()
    by_polars = pl.DataFrame(result).to_dicts()
    relation = duckdb.sql("select * from result")
    by_duckdb = [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
    for read in (by_pyarrow, by_polars, by_duckdb):
        assert [{k: _plain(v) for k, v in row.items()} for row in read] == expected


def test_arrow_types_are_text_dates_and_nullable_numbers(store: bilateral.Store) -> None:
    schema = pa.table(store.observations(into="arrow")).schema
    assert schema.field("origin").type == pa.string()
    assert schema.field("start").type == pa.date32()
    assert schema.field("value").type == pa.float64()
    growth = pa.table(store.growth(into="arrow"))
    # 2021 has no base; 2022's base is zero, so its change is there and its pct is not;
    # the half-years of GEO–TUR compare like with like.
    pct = dict(zip(growth["period"].to_pylist(), growth["pct"].to_pylist(), strict=True))
    assert pct["2021"] is None and pct["2022"] is None
    assert pct["2024-H1"] == pytest.approx(25.0)  # 12.5 / 10 − 1
    change = dict(zip(growth["period"].to_pylist(), growth["change"].to_pylist(), strict=True))
    assert change["2022"] == 1500.0


def test_a_table_gives_pandas_without_pyarrow_and_polars_on_request(
    store: bilateral.Store,
) -> None:
    table = store.observations(origin="GEO", destination="TUR", into="arrow")
    frame = table.to_pandas()
    assert frame["period"].tolist() == ["2023-H1", "2024-H1"]
    assert frame["start"].dt.strftime("%Y-%m-%d").tolist() == ["2023-01-01", "2024-01-01"]
    assert frame["source"].isna().tolist() == [True, True]
    assert store.observations(into="polars")["value"].sum() == 3522.5
    assert repr(table) == "<bilateral.Table: 2 rows × 16 columns>"


def test_an_unknown_into_is_a_value_error(store: bilateral.Store) -> None:
    with pytest.raises(ValueError, match="into='excel'"):
        store.observations(into="excel")  # type: ignore[call-overload]


LISTINGS = ["indicators", "sources", "topics", "products", "events", "check", "claims",
            "check_claims"]  # fmt: skip


@pytest.mark.parametrize("call", LISTINGS)
def test_every_listing_leaves_the_core_as_a_table_arrow_reads_as_the_frame(call: str) -> None:
    store = bilateral.demo()
    store.add_product("7202", "Ferro-alloys", classification="HS")
    native = getattr(store._inner, call)()
    assert isinstance(native, bilateral._core.Table)
    frame: pd.DataFrame = getattr(store, call)()
    assert list(frame.columns) == native.column_names and len(frame) == native.num_rows > 0
    by_pyarrow = [{k: _plain(v) for k, v in row.items()} for row in pa.table(native).to_pylist()]
    assert by_pyarrow == _records(frame)


def test_yes_or_no_columns_are_bool_and_an_empty_listing_keeps_its_types(
    store: bilateral.Store,
) -> None:
    indicators = store.indicators()
    assert indicators["directed"].dtype == bool and indicators["signed"].dtype == bool
    # rail_cargo was added above with directed=False, and signed left at its default.
    rail = indicators[indicators["code"] == "rail_cargo"].iloc[0]
    assert (rail["directed"], rail["signed"]) == (False, False)
    schema = pa.table(store._inner.indicators()).schema
    assert schema.field("directed").type == pa.bool_()
    # The store holds no event and no claim: no rows, the types all the same.
    events, checks = store.events(), store.check_claims()
    assert events.empty and checks.empty
    assert pd.api.types.is_datetime64_any_dtype(events["start"])
    assert checks["points_against"].dtype == bool and checks["computed"].dtype == "float64"


def test_text_columns_come_out_in_the_dtype_pandas_gives_text(store: bilateral.Store) -> None:
    frame = store.observations(origin="GEO", destination="TUR")
    if int(pd.__version__.split(".")[0]) >= 3:
        # pandas 3 makes `str` its text dtype; a missing text is NaN there.
        assert str(frame["origin"].dtype) == str(frame["source"].dtype) == "str"
        assert frame["source"].isna().all()
    else:
        assert frame["origin"].dtype == object


@pytest.mark.parametrize(
    "dtype",
    [
        object,  # pandas 2
        pd.StringDtype("python", na_value=float("nan")),  # pandas 3 without pyarrow
        pd.StringDtype("pyarrow", na_value=float("nan")),  # pandas 3 with pyarrow
    ],
    ids=["object", "python", "pyarrow"],
)
def test_every_text_dtype_holds_the_same_texts_and_gaps(
    store: bilateral.Store, dtype: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bilateral.table, "text_dtype", lambda: pd.api.types.pandas_dtype(dtype))
    frame = store.observations(origin="GEO", destination="TUR")
    assert frame["origin"].dtype == dtype
    assert frame["period"].tolist() == ["2023-H1", "2024-H1"]
    # Neither figure has a source: a gap in every dtype.
    assert frame["source"].isna().tolist() == [True, True]
