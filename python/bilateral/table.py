"""Many rows column by column, for any Arrow reader: pyarrow, polars, DuckDB, pandas."""

from __future__ import annotations

import importlib
import itertools
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from . import _core

if TYPE_CHECKING:
    from collections.abc import Sequence

#: What a call that returns a table returns, by its ``into`` argument.
Into = Literal["pandas", "polars", "arrow"]


def text_dtype() -> Any:
    """The dtype pandas itself gives a column of text: ``str`` in pandas 3 (Arrow-backed
    when pyarrow is installed, else Python-backed), ``object`` in pandas 2 (unless
    ``pd.options.future.infer_string`` is on). Asked on every call, so a notebook that
    changes the option gets what it asked for."""
    return pd.Series(["text"]).dtype


def _texts(codes: np.ndarray[Any, np.dtype[np.int32]], texts: list[str]) -> Any:
    """A text column from each row's position in ``texts`` (−1 where a row has none),
    in pandas' own text dtype. Arrow-backed text is decoded by Arrow from the positions,
    without a Python object per row."""
    dtype = text_dtype()
    if getattr(dtype, "storage", None) == "pyarrow":
        pa = importlib.import_module("pyarrow")
        positions = pa.array(codes, mask=codes < 0)
        decoded = pa.DictionaryArray.from_arrays(positions, pa.array(texts, pa.large_string()))
        return pd.array(decoded.dictionary_decode(), dtype=dtype)
    # Code −1 (no text) takes the None appended last.
    values = np.array([*texts, None], dtype=object).take(codes)
    if pd.api.types.is_object_dtype(dtype):
        return pd.Series(values, dtype=object, copy=False)
    return pd.array(values, dtype=dtype)


def _values(parts: Sequence[Any]) -> Any:
    """One column of a native table from its parts (``_core.Table.column``)."""
    match parts:
        case ("text", raw, texts):
            return _texts(np.frombuffer(raw, dtype=np.int32), texts)
        case ("date", raw):
            days = np.frombuffer(raw, dtype=np.int32)
            return days.astype("datetime64[D]").astype("datetime64[us]")
        case ("bool", raw):
            return np.frombuffer(raw, dtype=np.uint8).astype(bool)
        case ("int", raw):
            numbers = np.frombuffer(raw, dtype=np.int64)
            # −2⁶³ marks a row without a number; pandas' Int64 holds it as missing.
            missing = numbers == np.iinfo(np.int64).min
            return pd.arrays.IntegerArray(numbers, missing)
        case ("list", raw, items):
            offsets = np.frombuffer(raw, dtype=np.int32).tolist()
            every = _values(items).tolist()
            rows = [tuple(every[a:b]) for a, b in itertools.pairwise(offsets)]
            return pd.Series(rows, dtype="object")
        case (_, raw):
            return np.frombuffer(raw, dtype=np.float64)


def table_frame(table: _core.Table) -> pd.DataFrame:
    """Build a DataFrame from a native table, one buffer per column: no Python object
    per number, and one per distinct text rather than per row. Whole numbers are
    pandas' nullable ``Int64``, so a column keeps its type whether or not a row lacks
    a number; yes-or-no columns are ``bool``; a list column holds a tuple per row."""
    data = {name: _values(table.column(name)) for name in table.column_names}
    return pd.DataFrame(data, columns=table.column_names)


class Table:
    """Rows column by column, as the store computed them.

    A ``Table`` is an Arrow stream (it has ``__arrow_c_stream__``, the Arrow PyCapsule
    interface), so every Arrow reader takes it without a Python object per row:
    ``pyarrow.table(t)``, ``polars.DataFrame(t)``, ``duckdb.sql("select * from t")``.
    Text columns are ``utf8``, ``start`` and ``end`` are ``date32``, numbers are
    ``float64`` and whole numbers (a population) ``int64``, with nulls where a row has
    none, yes-or-no columns (an indicator's ``directed``) ``bool``, and a list per row
    (a report finding's ``sections``) an Arrow ``list``.

    >>> t = bilateral.demo().observations(indicator="tourists", into="arrow")
    >>> t.num_rows, t.column_names[:3]
    (5, ['indicator', 'origin', 'destination'])
    >>> t.to_pandas()["value"].max()
    np.float64(102000.0)
    """

    def __init__(self, inner: _core.Table) -> None:
        self._inner = inner

    @property
    def column_names(self) -> list[str]:
        """Column names, in order."""
        return self._inner.column_names

    @property
    def num_rows(self) -> int:
        """How many rows the table holds."""
        return self._inner.num_rows

    def __len__(self) -> int:
        return self._inner.num_rows

    def __repr__(self) -> str:
        return f"<bilateral.Table: {self.num_rows} rows × {len(self.column_names)} columns>"

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow PyCapsule interface: the table as an Arrow C stream."""
        return self._inner.__arrow_c_stream__(requested_schema)

    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame (no pyarrow needed): text in the dtype pandas gives text
        (``str`` in pandas 3, ``object`` in pandas 2), dates as ``datetime64``, numbers
        as ``float64`` with NaN for none, whole numbers as ``Int64`` with NA for none,
        yes or no as ``bool``, a list as a tuple."""
        return table_frame(self._inner)

    def to_polars(self) -> Any:
        """A polars DataFrame, read from the Arrow stream (needs ``polars``)."""
        return importlib.import_module("polars").DataFrame(self)

    def to_pyarrow(self) -> Any:
        """A ``pyarrow.Table``, read from the Arrow stream (needs ``pyarrow``)."""
        return importlib.import_module("pyarrow").table(self)


def converted(inner: _core.Table, into: Into) -> Any:
    """``inner`` as the caller asked: a pandas or polars DataFrame, or a ``Table``."""
    table = Table(inner)
    if into == "pandas":
        return table.to_pandas()
    if into == "polars":
        return table.to_polars()
    if into == "arrow":
        return table
    raise ValueError(f"into={into!r}: expected 'pandas', 'polars' or 'arrow'")
