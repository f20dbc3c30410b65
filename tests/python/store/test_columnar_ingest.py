"""Frames go in column by column: a pandas DataFrame, a polars DataFrame and a pyarrow
Table of the same made-up figures give the same store, and a bad cell anywhere names
its row and field and leaves the store unchanged."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import bilateral
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

#: Made-up figures touching every field: qualifiers, statuses, explicit bounds, a
#: source on some rows, quotes and notes on a few, years given as integers.
ROWS: dict[str, list[Any]] = {
    "indicator": ["rail_cargo", "rail_cargo", "rail_cargo", "visitors", "visitors"],
    "origin": ["GEO", "Georgia", "ARM", "TUR", "TUR"],
    "destination": ["ARM", "ARM", "GEO", "GEO", "GEO"],
    "period": ["2022", "2023", "2023-H1", "2024", "2025"],
    "value": [1500.0, 2000.0, 750.0, 31000.0, 40000.0],
    "qualifier": ["over", None, "around", "exact", "nearly"],
    "status": ["actual", "actual", "provisional", None, "target"],
    "source": ["office", None, "office", "office", None],
    "quote": [None, "some 2,000 t", None, None, None],
    "low": [None, 1900.0, None, None, None],
    "high": [None, 2100.0, None, None, None],
    "note": [None, None, None, "counted at the border", None],
}

FRAMES: dict[str, Callable[[dict[str, list[Any]]], Any]] = {
    "pandas": pd.DataFrame,
    "polars": pl.DataFrame,
    "pyarrow": pa.table,
}


@pytest.fixture(params=["through Arrow", "as lists"])
def pandas_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """pandas frames go through pyarrow when it is installed, else as lists: both."""
    if request.param == "as lists":
        monkeypatch.setattr("bilateral._store.frames.arrow_table", lambda frame: None)
    return str(request.param)


def _store() -> bilateral.Store:
    store = bilateral.Store()
    store.add_indicator("rail_cargo", "Rail cargo", "t", "flow", directed=False)
    store.add_indicator("visitors", "Visitors", "persons", "flow", directed=True)
    store.add_source("office", "Statistics office")
    return store


def _cells(store: bilateral.Store) -> list[list[Any]]:
    frame = store.observations().drop(columns=["start", "end"])
    return [[None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in row]
            for row in frame.values.tolist()]  # fmt: skip


def test_a_pandas_a_polars_and_a_pyarrow_frame_give_the_same_store(pandas_path: str) -> None:
    stores = {}
    for kind, make in FRAMES.items():
        store = _store()
        assert store.add_many(make(ROWS)) == 5, kind
        stores[kind] = _cells(store)
    assert stores["pandas"] == stores["polars"] == stores["pyarrow"]
    # "Georgia" is Georgia, the undirected pair is kept once in code order, the
    # explicit bounds are those given and "over 1,500" reaches up to its next unit.
    by_period = {row[4]: row for row in stores["pandas"]}
    assert by_period["2023"][1:3] == ["ARM", "GEO"] and by_period["2023"][6:8] == [1900, 2100]
    assert by_period["2022"][5:10] == [1500.0, 1500.0, 1600.0, "over", "actual"]
    assert by_period["2024"][11:] == ["office", None, "counted at the border"]


def test_dictionary_encoded_and_integer_columns_read_as_their_text(pandas_path: str) -> None:
    rows = dict(ROWS, period=[2022, 2023, 2024, 2024, 2025], origin=ROWS["origin"])
    plain, encoded = _store(), _store()
    plain.add_many(pd.DataFrame(rows))
    table = pa.table(rows)
    table = table.set_column(1, "origin", pa.compute.dictionary_encode(table["origin"]))
    encoded.add_many(table)
    polars_store = _store()
    polars_store.add_many(pl.DataFrame(rows).with_columns(pl.col("status").cast(pl.Categorical)))
    assert _cells(plain) == _cells(encoded) == _cells(polars_store)
    assert sorted(plain.observations()["period"]) == ["2022", "2023", "2024", "2024", "2025"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["pandas", "pandas as lists", "polars", "pyarrow"])
def test_a_missing_value_at_row_700000_names_that_row_and_changes_nothing(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if kind == "pandas as lists":
        monkeypatch.setattr("bilateral._store.frames.arrow_table", lambda frame: None)
    n = 700_001
    years = np.arange(n) % 50 + 1950
    rows: dict[str, Any] = {
        "indicator": ["visitors"] * n,
        "origin": np.where(np.arange(n) % 2 == 0, "TUR", "ARM").tolist(),
        "destination": ["GEO"] * n,
        "period": [str(y) for y in years],
        "value": np.arange(n, dtype="float64") + 1.0,
    }
    rows["value"][700_000] = np.nan
    store = _store()
    store.add_many([{"indicator": "visitors", "origin": "TUR", "destination": "GEO",
                     "period": "2026", "value": 5.0}])  # fmt: skip
    with pytest.raises(bilateral.ValidationError) as raised:
        store.add_many(FRAMES[kind.split()[0]](rows))
    assert raised.value.record == 700_000 and raised.value.field == "value"
    assert store.observations()["value"].tolist() == [5.0]


def _monthly(months: list[int]) -> dict[str, list[Any]]:
    """Visitors TUR → GEO, one record a month counted from January 2000 (value 1,000 +
    the month): in the store's key order the rows come by month."""
    return {
        "indicator": ["visitors"] * len(months),
        "origin": ["TUR"] * len(months),
        "destination": ["GEO"] * len(months),
        "period": [f"{2000 + m // 12}-{m % 12 + 1:02}" for m in months],
        "value": [1000.0 + m for m in months],
    }


@pytest.mark.parametrize("kind", ["pandas", "pandas as lists", "polars", "pyarrow"])
def test_a_duplicate_in_the_second_statement_of_a_frame_names_its_row(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if kind == "pandas as lists":
        monkeypatch.setattr("bilateral._store.frames.arrow_table", lambda frame: None)
    store = _store()
    # Month 100 is 2008-05 (100 = 8 × 12 + 4), stored with another value. Rows are
    # written 64 to a statement in key order: of 150 months it is the 37th row of the
    # second statement, which SQLite refuses whole.
    store.add("visitors", "TUR", "GEO", "2008-05", 5.0)
    with pytest.raises(bilateral.DuplicateError) as raised:
        store.add_many(FRAMES[kind.split()[0]](_monthly(list(range(150)))))
    assert raised.value.record == 100
    assert "visitors TUR→GEO total 2008-05 actual" in raised.value.key
    assert store.observations()["value"].tolist() == [5.0]


@pytest.mark.parametrize("kind", ["pandas", "polars", "pyarrow"])
def test_a_frame_of_many_statements_whose_last_row_repeats_one_writes_nothing(kind: str) -> None:
    store = _store()
    # 1,024 rows, 16 statements of 64: the last record repeats month 1,022, which the
    # record before it has; the 16th statement is refused after 15 were written.
    rows = _monthly([*range(1023), 1022])
    with pytest.raises(bilateral.DuplicateError) as raised:
        store.add_many(FRAMES[kind](rows))
    assert raised.value.record == 1023
    assert len(store.observations()) == 0
    # Passed over with a skip (the same figure twice), the rest are all written.
    assert store.add_many(FRAMES[kind](rows), on_duplicate="skip") == 1023


def test_a_column_of_the_wrong_type_names_its_field() -> None:
    store = _store()
    table = pa.table(dict(ROWS, value=[True, False, True, True, False]))
    with pytest.raises(bilateral.ValidationError) as raised:
        store.add_many(table)
    assert raised.value.field == "value" and "not a column of numbers" in str(raised.value)
    with pytest.raises(bilateral.ValidationError, match="colour"):
        store.add_many(pl.DataFrame(dict(ROWS, colour=["red"] * 5)))
    assert store.observations().empty


# A bad cell of a pandas frame is the ValidationError a bad field of a dict is, naming
# the field and the row, whichever path the frame takes: a lone surrogate (no UTF-8
# form), an int beyond any float (pyarrow's OverflowError sends the frame down the
# lists path, which names the cell) and a complex number (the wrong type: stored as
# its real part, it would lose the imaginary one silently).
BAD_CELLS: dict[str, tuple[str, Any, str]] = {
    "a lone surrogate in origin": (
        "origin",
        pd.Series(["G\ud800"], dtype=object),
        "is not valid Unicode text: it holds a lone surrogate (a half of a UTF-16 pair), "
        "which cannot be stored",
    ),
    "a lone surrogate in quote": (
        "quote",
        pd.Series(["some \ud800"], dtype=object),
        "is not valid Unicode text: it holds a lone surrogate (a half of a UTF-16 pair), "
        "which cannot be stored",
    ),
    "an int beyond any float": (
        "value",
        pd.Series([10**400], dtype=object),
        "is too large for a number",
    ),
    "a complex column": ("value", np.array([3 + 4j]), "is not a number"),
    "a complex column with no imaginary part": ("low", np.array([3 + 0j]), "is not a number"),
    "a NumPy complex64 cell": (
        "value",
        pd.Series([np.complex64(3)], dtype=object),
        "is not a number",
    ),
}


@pytest.mark.parametrize("case", list(BAD_CELLS))
def test_a_bad_cell_of_a_pandas_frame_is_a_validation_error_naming_field_and_row(
    pandas_path: str, case: str
) -> None:
    field, cells, reason = BAD_CELLS[case]
    rows: dict[str, Any] = {
        "indicator": ["visitors"], "origin": ["GEO"], "destination": ["ARM"],
        "period": ["2024"], "value": [1.0],
    }  # fmt: skip
    store = _store()
    store.add("visitors", "TUR", "GEO", "2023", 5.0)
    with pytest.raises(bilateral.ValidationError) as raised:
        store.add_many(pd.DataFrame(dict(rows, **{field: cells})))
    assert (raised.value.field, raised.value.record, raised.value.reason) == (field, 0, reason)
    assert store.observations()["value"].tolist() == [5.0]
