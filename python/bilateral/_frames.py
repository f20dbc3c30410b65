"""The one place where tables from the Rust core become pandas DataFrames."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from . import _core


def frame(
    columns: dict[str, list[Any]],
    dates: Sequence[str] = (),
    floats: Sequence[str] = (),
) -> pd.DataFrame:
    """Build a DataFrame from column lists.

    ``dates`` name columns of ISO date strings (made ``datetime64``); ``floats`` name
    numeric columns, typed ``float64`` even when the table is empty.
    """
    data: dict[str, Any] = {}
    for name, values in columns.items():
        if name in dates:
            data[name] = pd.to_datetime(pd.Series(values, dtype="object"), format="ISO8601")
        elif name in floats:
            data[name] = pd.Series(values, dtype="float64")
        else:
            data[name] = pd.Series(values, dtype="object")
    return pd.DataFrame(data, columns=list(columns))


def table_frame(table: _core.Table) -> pd.DataFrame:
    """Build a DataFrame from a native table, one buffer per column: no Python object
    per number, and one per distinct text rather than per row. Whole numbers are
    pandas' nullable ``Int64``, so a column keeps its type whether or not a row lacks
    a number; yes-or-no columns are ``bool``."""
    data: dict[str, Any] = {}
    for name in table.column_names:
        match table.column(name):
            case ("text", raw, texts):
                codes = np.frombuffer(raw, dtype=np.int32)
                # Code −1 (no text) takes the None appended last.
                values = np.array([*texts, None], dtype=object)
                data[name] = pd.Series(values.take(codes), dtype="object", copy=False)
            case ("date", raw):
                days = np.frombuffer(raw, dtype=np.int32)
                data[name] = days.astype("datetime64[D]").astype("datetime64[us]")
            case ("bool", raw):
                data[name] = np.frombuffer(raw, dtype=np.uint8).astype(bool)
            case ("int", raw):
                numbers = np.frombuffer(raw, dtype=np.int64)
                # −2⁶³ marks a row without a number; pandas' Int64 holds it as missing.
                missing = numbers == np.iinfo(np.int64).min
                data[name] = pd.arrays.IntegerArray(numbers, missing)
            case (_, raw):
                data[name] = np.frombuffer(raw, dtype=np.float64)
    return pd.DataFrame(data, columns=table.column_names)
