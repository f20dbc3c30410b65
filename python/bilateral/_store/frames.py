"""A pandas DataFrame as the store's writes take it: through Arrow when pyarrow is
installed, else column by column; its dates in forms the store reads, and the row of an
error named by its index label."""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
import pandas as pd

from .. import _core

#: The fields of an observation that hold numbers.
_NUMBER_FIELDS = frozenset({"value", "low", "high", "precision"})


def note_index_label(error: _core.ValidationError, frame: pd.DataFrame) -> None:
    """Adds the row's index label to an error about a frame's row: the position is the
    record number, but a reader finds the row by its label (`df.loc[...]`)."""
    if error.record is not None and 0 <= error.record < len(frame):
        label = frame.index[error.record]
        error.add_note(f"DataFrame index label of record {error.record}: {label!r}")


def arrow_table(frame: pd.DataFrame) -> Any | None:
    """The frame as a pyarrow Table when pyarrow is installed and can convert it: Arrow
    hands text columns over without a Python object per cell (1M rows: about half the
    time and a quarter of the memory of the lists). ``None`` otherwise (no pyarrow, or a
    column of mixed types, which the lists path reads cell by cell to name the bad
    one)."""
    try:
        pa = importlib.import_module("pyarrow")
    except ImportError:
        return None
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    # An int beyond 64 bits is an OverflowError; the lists path names its cell.
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None


def dates_as_the_store_reads_them(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its pandas-only date columns in forms Arrow and the store read: a
    Period column as first/last day text (Arrow would hand over counts in the column's
    frequency; fiscal quarters such as ``Q-JUN`` keep their months), a timestamp column
    with a time zone as local times (its days are the zone's days). Other columns are
    left as they are, and an unchanged frame is not copied."""
    changed: dict[int, np.ndarray[Any, Any]] = {}
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i]
        if isinstance(column.dtype, pd.PeriodDtype):
            start = column.dt.start_time.dt.strftime("%Y-%m-%d")
            end = column.dt.end_time.dt.strftime("%Y-%m-%d")
            days = (start + "/" + end).astype(object).where(column.notna(), None)
            changed[i] = days.to_numpy()
        elif isinstance(column.dtype, pd.DatetimeTZDtype):
            changed[i] = column.dt.tz_localize(None).to_numpy()
    if not changed:
        return frame
    frame = frame.copy()
    for i, values in changed.items():
        frame.isetitem(i, values)
    return frame


def frame_columns(frame: pd.DataFrame) -> dict[str, Any]:
    """A DataFrame's columns as ``add_columns`` takes them, with no Python object per
    row where it can: number fields with a real numeric dtype as float64 arrays (NaN for a
    missing cell), every other column as a list."""
    columns: dict[str, Any] = {}
    for i, name in enumerate(frame.columns):
        column = frame.iloc[:, i]
        # A complex column as float64 would keep only the real parts: as a list, each
        # cell is refused as not a number.
        numeric = (
            pd.api.types.is_numeric_dtype(column)
            and not pd.api.types.is_bool_dtype(column)
            and not pd.api.types.is_complex_dtype(column)
        )
        if str(name) in _NUMBER_FIELDS and numeric:
            columns[str(name)] = column.to_numpy(dtype="float64", na_value=float("nan"))
        else:
            columns[str(name)] = column.tolist()
    return columns
