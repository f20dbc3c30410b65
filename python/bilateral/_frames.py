"""The one place where tables from the Rust core become pandas DataFrames."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd


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
