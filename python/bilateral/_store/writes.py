"""The store in Python: :class:`Store` over the native ``bilateral._core.Store``.

The native store does the work (in Rust, with the GIL released) and answers with native
objects: every table (the small listings too) as a native ``Table``, one-answer
reports as native frozen results (``Change``, ``TargetProgress``, ``RequiredGrowth``),
the report as a native report. This class gives that a Python shape: DataFrames
(:class:`.table.Table`'s ``to_pandas``) and :class:`~bilateral.report.Report`.

Long because every call carries its docstring with a worked example (run as a doctest);
the code of each is a line or two.
"""

from __future__ import annotations

import importlib
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from datetime import date
from os import PathLike
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

import numpy as np
import pandas as pd

from . import _core
from . import text as _text
from ._core import Change, RequiredGrowth, TargetProgress
from ._progress import ProgressArg, progress_bars
from ._results import ImportResult
from .report import Report
from .table import Into, Table, converted

if TYPE_CHECKING:
    # Marks the old forms of a call for type checkers (PEP 702); at run time the call
    # itself warns, so typing_extensions is no dependency.
    from typing_extensions import deprecated
else:

    def deprecated(message: str) -> Any:
        return lambda function: function


# A period as text (`2024-Q1`, `2024Q1`, `Jan–Aug 2025` …), a year (an int, or a float
# without a fraction), or a pandas Period, date, timestamp or NumPy datetime64.
_Period = str | int | float | date | pd.Period | np.datetime64
#: What a write does with an observation already stored: refuse it, pass over an
#: identical one (refusing one with another figure), or replace it.
OnDuplicate = Literal["error", "skip", "replace"]
#: What an import or add_many does with a row without a value (see :meth:`Store.add_many`).
Missing = Literal["error", "skip"]


class _ArrowStream(Protocol):
    """Anything with the Arrow PyCapsule interface's stream export."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...


def _listing(table: _core.Table) -> pd.DataFrame:
    """A small listing (indicators, sources, events, claims …) as a pandas DataFrame:
    text as ``object``, ``start``/``end`` as ``datetime64``, numbers as ``float64``
    with NaN for none, yes-or-no columns as ``bool``."""
    return Table(table).to_pandas()


#: The DeprecationWarning of `add_indicator(code, name, unit, kind, directed)`.
_DIRECTED_BY_POSITION = (
    "add_indicator(code, name, unit, kind, directed) with directed by position is "
    "deprecated: pass it by keyword, add_indicator(code, name, unit, kind, directed=...)"
)


def _directed_by_keyword(by_position: tuple[bool, ...], directed: bool | None) -> bool:
    """`directed` of add_indicator, given by keyword or (deprecated) by position."""
    if not by_position:
        if directed is None:
            raise TypeError("add_indicator() missing required keyword argument: 'directed'")
        return directed
    if len(by_position) > 1:
        raise TypeError(
            f"add_indicator() takes at most 5 positional arguments (code, name, unit, kind, "
            f"directed) but {4 + len(by_position)} were given"
        )
    if directed is not None:
        raise TypeError("add_indicator() got multiple values for argument 'directed'")
    warnings.warn(_DIRECTED_BY_POSITION, DeprecationWarning, stacklevel=3)
    return by_position[0]


#: The fields of an observation that hold numbers.
_NUMBER_FIELDS = frozenset({"value", "low", "high", "precision"})


def _note_index_label(error: _core.ValidationError, frame: pd.DataFrame) -> None:
    """Adds the row's index label to an error about a frame's row: the position is the
    record number, but a reader finds the row by its label (`df.loc[...]`)."""
    if error.record is not None and 0 <= error.record < len(frame):
        label = frame.index[error.record]
        error.add_note(f"DataFrame index label of record {error.record}: {label!r}")


def _arrow_table(frame: pd.DataFrame) -> Any | None:
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


def _dates_as_the_store_reads_them(frame: pd.DataFrame) -> pd.DataFrame:
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


def _frame_columns(frame: pd.DataFrame) -> dict[str, Any]:
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


def _require_pandas_for_one_series(into: Into) -> None:
    """A call on one series answers as it always has (a DataFrame, or a result object):
    ``into`` other than pandas is for the frame over many series."""
    if into != "pandas":
        raise ValueError(
            f"into={into!r} is for a frame over many series: leave a field open "
            "(product=None, say), or take one series as it comes"
        )


def _quoted(text: str) -> str:
    """``text`` in double quotes with escapes, as the store's repr has always shown paths."""
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}
    out = []
    for ch in text:
        if ch in escapes:
            out.append(escapes[ch])
        elif unicodedata.category(ch) == "Cc":
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class Store:
    """A store of bilateral observations in SQLite: in memory, or in the file at `path`
    (created with the schema if new, migrated if older).

    ```python
    store = bilateral.Store()                 # in memory
    with bilateral.Store("relations.db") as store:
        store.load_dataset("azerbaijan-kazakhstan-2025")
    ```
    """

    _inner: _core.Store

    def __init__(self, path: str | PathLike[str] | None = None) -> None:
        self._inner = _core.Store(path)

    @classmethod
    def _wrap(cls, inner: _core.Store) -> Store:
        store = cls.__new__(cls)
        store._inner = inner
        return store

    # ----- the store itself ---------------------------------------------------------------

    @property
    def path(self) -> str | None:
        """The file the store is in, or None for a store in memory."""
        return self._inner.path

    @property
    def schema_version(self) -> int:
        """The schema version of the database (`PRAGMA user_version`)."""
        return self._inner.schema_version

    def close(self) -> None:
        """Closes the store; later calls raise ClosedError (a SchemaError). Closing twice
        is harmless. In a child process after ``os.fork()`` it does nothing: the
        connection is the parent's (open the store again in the child)."""
        self._inner.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        *_args: type[BaseException] | BaseException | TracebackType | None,
    ) -> Literal[False]:
        self.close()
        return False

    def __repr__(self) -> str:
        place = "in memory" if self.path is None else _quoted(self.path)
        try:
            count = self._inner.observation_count()
        except _core.ClosedError:
            return f"<bilateral.Store {place}: closed>"
        except _core.BilateralError:
            # In use by the call a signal handler interrupted, say: no count to show.
            return f"<bilateral.Store {place}>"
        return f"<bilateral.Store {place}: {count} observations>"

    # ----- adding ---------------------------------------------------------------------------

    def load_dataset(self, name: str) -> dict[str, int]:
        """Loads a built-in dataset (see `bilateral.datasets()`) all or nothing; returns
        how many sources, indicators, observations, events and claims it added.

        >>> bilateral.Store().load_dataset("azerbaijan-kazakhstan-2025")["observations"]
        35
        """
        return self._inner.load_dataset(name)

    def load(self, path: str | PathLike[str]) -> dict[str, int]:
        """Loads a dataset file (JSON in the format of the built-in datasets: sources,
        topics, indicators, observations, events, claims and populations; see
        docs/python.md, "Datasets from files")
        all or nothing, through the same checks as :meth:`add_many`; returns how many of
        each it added.
        A missing file is a FileNotFoundError; a file that is not a dataset a
        ValidationError whose reason names the line and column.

        >>> import json, pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "figures.json"
        >>> _ = path.write_text(json.dumps({"name": "figures", "title": "Our figures",
        ...     "observations": [{"indicator": "tourists", "origin": "GEO", "destination": "ARM",
        ...                       "period": "2024", "value": 1.2, "unit": "million persons"}]}))
        >>> bilateral.Store().load(path)["observations"]
        1
        """
        return self._inner.load(path)

    def export_json(self, path: str | PathLike[str]) -> dict[str, int]:
        """Writes the whole store to the dataset file at `path` (the JSON :meth:`load`
        reads): every source, topic, indicator, observation, event and claim, and the
        populations set with :meth:`set_population`; not the built-in World Bank
        population. Returns how many of each it wrote.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.json"
        >>> bilateral.demo().export_json(path)["observations"]
        35
        """
        return self._inner.export_json(path)

    def import_json(
        self,
        path: str | PathLike[str],
        *,
        on_duplicate: OnDuplicate = "error",
        progress: ProgressArg = None,
    ) -> dict[str, int]:
        """Loads a file :meth:`export_json` wrote (the same as :meth:`load`) all or
        nothing: into an empty store it gives the store exported. Returns how many of
        each it added. `on_duplicate` says what to do with an observation already
        stored (with "skip" or "replace", an event of the same date, pair, kind and
        title is passed over too); `progress` as for :meth:`import_csv`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.json"
        >>> _ = bilateral.demo().export_json(path)
        >>> bilateral.Store().import_json(path)["claims"]
        13
        """
        callback, done = progress_bars(progress, "import")
        try:
            return self._inner.import_json(path, on_duplicate=on_duplicate, progress=callback)
        finally:
            done()

    def export_csv(
        self,
        path: str | PathLike[str],
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
    ) -> int:
        """Writes the observations the arguments select (as for :meth:`observations`)
        to the CSV file at `path`, in the library's own format: the columns of
        :meth:`observations`, the period as it was given. Returns how many it wrote.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "tourists.csv"
        >>> bilateral.demo().export_csv(path, indicator="tourists")
        4
        """
        return self._inner.export_csv(path, indicator, origin, destination, product, status)

    def export_parquet(
        self,
        path: str | PathLike[str],
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
    ) -> int:
        """Writes the observations the arguments select (as for :meth:`observations`)
        to the folder `path` as Parquet files that DuckDB, Polars, pyarrow and Spark
        read directly: one hive-style folder per indicator
        (``path/indicator=exports/part-0.parquet``, Snappy-compressed), each file with
        the columns of :meth:`observations` but ``indicator`` (the readers add it back
        from the folder name), plus ``start_day`` and ``end_day`` (int32 days since
        1970-01-01). Returns how many rows it wrote.

        The folder is created if missing; an existing one must be empty (an
        ``OSError`` otherwise, and nothing is written), so an export never mixes
        with an older one. A failed or interrupted export removes what it wrote.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "observations"
        >>> bilateral.demo().export_parquet(path, indicator="tourists")
        4
        >>> sorted(p.name for p in path.iterdir())
        ['indicator=tourists']
        """
        return self._inner.export_parquet(path, indicator, origin, destination, product, status)

    def import_csv(
        self,
        path: str | PathLike[str],
        on_duplicate: OnDuplicate = "error",
        *,
        missing: Missing = "error",
        progress: ProgressArg = None,
    ) -> ImportResult:
        """Adds the observations of a CSV file in the format :meth:`export_csv` writes
        (columns by name: indicator, origin, destination, period and value required,
        other fields of :meth:`add` optional, unknown columns ignored) all or nothing,
        through the same checks as :meth:`add_many`. Returns what it read, wrote and
        skipped. A bad cell is a ValidationError whose ``record`` is the file's line
        (the first data line is line 2) and whose ``field`` is the column. A value cell
        that is empty or holds a mark of a missing value (``..`` as the World Bank and
        the OECD write it, ``:`` as Eurostat does, ``-``, ``x``, ``n/a`` …) is an error
        naming the mark; ``missing="skip"`` passes over such rows and counts them by
        mark in the result.

        `progress`: ``None`` shows a tqdm bar when tqdm is installed and the import
        takes over half a second; ``False`` shows none; a callable is called as
        ``progress(stage, done, total)`` (``stage`` "reading" counts bytes, "checking"
        and "writing" count rows), and what it raises stops the import. Ctrl-C stops
        it too, with ``KeyboardInterrupt``: either way the store is left as it was.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "tourists.csv"
        >>> _ = path.write_text("indicator,origin,destination,period,value\\n"
        ...                     "tourists,GEO,ARM,2024,1200000\\n")
        >>> bilateral.Store().import_csv(path)
        <ImportResult: read 1 row (csv), wrote 1 figure>
        """
        callback, done = progress_bars(progress, "import")
        try:
            summary = self._inner.import_csv(
                path, on_duplicate=on_duplicate, missing=missing, progress=callback
            )
        finally:
            done()
        return ImportResult.from_dict(summary)

    def import_sdmx_csv(
        self,
        path: str | PathLike[str],
        mapping: Mapping[str, str] | None = None,
        *,
        on_duplicate: OnDuplicate = "error",
        missing: Missing = "error",
        progress: ProgressArg = None,
    ) -> ImportResult:
        """Adds the observations of an SDMX-CSV data message (version 1, first column
        DATAFLOW, or version 2, STRUCTURE and STRUCTURE_ID, as the IMF, OECD, Eurostat
        and the ECB publish them) all or nothing. REF_AREA and COUNTERPART_AREA become
        origin and destination as the indicator says: for exports the reporter is the
        origin, for imports the destination. `mapping` maps SDMX INDICATOR codes to the
        store's indicators (``{"TBG_USD": "balance"}``; ``"imports:destination"`` also
        names the reporter's side); the IMF's ``TXG_FOB_USD``/``XG_FOB_USD`` (exports)
        and ``TMG_CIF_USD``/``MG_CIF_USD`` (imports) are mapped already, other codes are
        taken as indicator codes. UNIT_MULT scales the values, OBS_STATUS sets the
        status, each dataflow becomes a source. Eurostat Comext and OECD BIMTS files (a
        flow column, no INDICATOR) need no mapping: flow 2/X is exports, 1/M imports;
        euros go to ``exports_eur``/``imports_eur``, Comext's 100 kg to tonnes. A
        mapping that would put two series into one indicator (a flow of 1 and 2 mapped
        to ``exports``) is refused naming the column. Rows without a value, deletions
        and aggregates (the World, EU27_2020, EA20, EXT_EA20 …) are skipped and counted
        in the result, and so are the IMF's imports FOB (``MG_FOB_USD``) and trade
        balance (``TBG_USD``) unless mapped. A mapping that contradicts a code's known
        flow (``{"XG_FOB_USD": "imports"}``) or whose key names nothing in the file is
        refused. A file without a counterpart dimension is refused. A bad cell
        is a ValidationError whose ``record`` is the file's line and whose ``field`` is
        the SDMX column. An OBS_VALUE holding a mark of a missing value (``:``, ``..``)
        is an error naming it; ``missing="skip"`` passes over such rows, counted by
        mark. `on_duplicate` and `progress` as for :meth:`import_csv`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "dots.csv"
        >>> _ = path.write_text(
        ...     "DATAFLOW,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MULT\\n"
        ...     "IMF:DOT(1.0),KZ,TMG_CIF_USD,AZ,2024,123.4,6\\n")
        >>> bilateral.Store().import_sdmx_csv(path)
        <ImportResult: read 1 row (sdmx), wrote 1 figure>
        """
        callback, done = progress_bars(progress, "import")
        try:
            summary = self._inner.import_sdmx_csv(
                path, mapping, on_duplicate=on_duplicate, missing=missing, progress=callback
            )
        finally:
            done()
        return ImportResult.from_dict(summary)

    def import_comtrade_csv(
        self,
        path: str | PathLike[str],
        *,
        on_duplicate: OnDuplicate = "error",
        progress: ProgressArg = None,
    ) -> ImportResult:
        """Adds the trade figures of a UN Comtrade CSV file (the Comtrade Plus API, its
        download, a bulk file gzipped or not, or a classic layout; countries given by M49
        code alone are named through Comtrade's table) all or nothing. Exports
        (flow X) go from the reporter to the partner, imports (M) from the partner to
        the reporter; re-exports and re-imports to ``re_exports`` and ``re_imports``;
        ``primaryValue`` in USD, ``netWgt`` in tonnes to the ``*_volume`` indicators;
        ``cmdCode`` is the product (``TOTAL`` is ``total``), named by ``cmdDesc`` and
        classified by ``classificationCode`` (H0–H6 as HS) unless the store already names
        it (see :meth:`products`). The partner World, areas
        that are not countries, codes that name no country and breakdowns by mode of
        transport, customs procedure or second partner are skipped, counted by reason in
        the result; Comtrade's error reply saved as a file is refused. The file is
        written a batch at a time inside one transaction, and progress told in bytes
        read. Errors and
        `on_duplicate`, `progress` as for :meth:`import_csv`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "TradeData.csv"
        >>> _ = path.write_text("period,reporterISO,flowCode,partnerCode,partnerISO,"
        ...                     "cmdCode,netWgt,primaryValue\\n"
        ...                     "2024,KAZ,X,31,AZE,0101,2500,1200000\\n"
        ...                     "2024,KAZ,X,0,W00,0101,9000,5000000\\n")
        >>> result = bilateral.Store().import_comtrade_csv(path)
        >>> result.rows_read, result.figures_written, [s.reason for s in result.skipped]
        (2, 2, ['partner World is an aggregate'])
        """
        callback, done = progress_bars(progress, "import")
        try:
            summary = self._inner.import_comtrade_csv(
                path, on_duplicate=on_duplicate, progress=callback
            )
        finally:
            done()
        return ImportResult.from_dict(summary)

    def import_file(
        self,
        path: str | PathLike[str],
        format: str | None = None,
        *,
        on_duplicate: OnDuplicate = "error",
        missing: Missing = "error",
        progress: ProgressArg = None,
    ) -> ImportResult:
        """Imports a file all or nothing: in `format` ("csv", "json", "sdmx", "comtrade"
        or "imf-dots", the IMF's legacy Direction of Trade Statistics CSV), or, when
        `format` is ``None``, in the format its beginning shows (a JSON object, an
        SDMX-CSV header, or a CSV header with the library's own columns, UN Comtrade's or
        the IMF DOTS export's). `on_duplicate`, `missing` (for the library's own CSV, and
        marks of a missing value in an SDMX file's OBS_VALUE) and `progress` as for
        :meth:`import_csv`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "figures.txt"
        >>> _ = path.write_text("indicator,origin,destination,period,value\\n"
        ...                     "tourists,GEO,ARM,2024,1200000\\n")
        >>> bilateral.Store().import_file(path).format
        'csv'
        """
        callback, done = progress_bars(progress, "import")
        try:
            summary = self._inner.import_file(
                path, format, on_duplicate=on_duplicate, missing=missing, progress=callback
            )
        finally:
            done()
        return ImportResult.from_dict(summary)

    def add(
        self,
        indicator: str,
        origin: str,
        destination: str,
        period: _Period,
        value: float,
        *,
        qualifier: str = "exact",
        status: str = "actual",
        product: str = "total",
        source: str | None = None,
        quote: str | None = None,
        low: float | None = None,
        high: float | None = None,
        precision: float | None = None,
        note: str | None = None,
        unit: str | None = None,
        on_duplicate: OnDuplicate = "error",
        replace: bool | None = None,
        scale: float = 1.0,
    ) -> None:
        """Adds one observation. Bounds follow from the qualifier unless `low`/`high` are
        given; `precision` overrides the unit of the last significant digit.
        `on_duplicate` says what to do with an observation of the same identity: "error"
        (a DuplicateError), "skip" (pass over an identical one, so a cell can run twice;
        another figure is still a DuplicateError) or "replace" (`replace=True`, the
        older spelling). `unit` may name a multiple of the indicator's unit ("million
        USD", "thousand t", "bn USD") and `scale` multiplies the figures (1000 for a
        table in thousands): the store keeps base units.

        >>> store = bilateral.demo()
        >>> store.add("tourists", "KAZ", "AZE", "2025-H1", 40_000, qualifier="about")
        >>> store.observations("tourists", "KAZ", "AZE")[["period", "low", "high"]].values.tolist()[-1]
        ['2025-H1', 35000.0, 45000.0]
        """  # noqa: E501
        self._inner.add(
            indicator,
            origin,
            destination,
            period,
            value,
            qualifier=qualifier,
            status=status,
            product=product,
            source=source,
            quote=quote,
            low=low,
            high=high,
            precision=precision,
            note=note,
            unit=unit,
            on_duplicate=on_duplicate,
            replace=replace,
            scale=scale,
        )

    def add_many(
        self,
        records: Iterable[Mapping[str, Any]] | pd.DataFrame | _ArrowStream,
        *,
        on_duplicate: OnDuplicate = "error",
        replace: bool | None = None,
        scale: float = 1.0,
        missing: Missing = "error",
    ) -> int:
        """Adds many observations all or nothing: an iterable of dicts, a pandas
        DataFrame with one row per observation, or anything Arrow can stream (a polars
        DataFrame, a pyarrow Table, a DuckDB result: any object with
        ``__arrow_c_stream__``). Frames are read column by column, each distinct text
        once. A bad record leaves the store unchanged and the error names its index and
        field. `on_duplicate` and `scale` as for :meth:`add`; a row's `unit` may name a
        multiple of its indicator's unit. A ``product_name`` column names the rows'
        products as :meth:`add_product` does, in the same transaction (two names for one
        product, or a name other than the stored one, fail the call). A value that is
        missing (None, NaN, an empty cell, or text that marks one: ``..`` as the World
        Bank and the OECD write it, ``:`` as Eurostat does, ``-``, ``x``, ``n/a`` …) is
        a ValidationError naming the record and the mark; ``missing="skip"`` passes over
        such rows. Returns the number added: rows passed over, for
        ``on_duplicate="skip"`` or ``missing="skip"``, are not counted, so
        ``len(frame) - added`` is how many were.

        >>> store = bilateral.demo()
        >>> cell = [{"indicator": "tourists", "origin": "KAZ", "destination": "AZE",
        ...          "period": "2023", "value": 50}]
        >>> store.add_many(cell, on_duplicate="skip", scale=1000)
        1
        >>> store.add_many(cell, on_duplicate="skip", scale=1000)
        0
        """
        if isinstance(records, pd.DataFrame):
            records = _dates_as_the_store_reads_them(records)
            try:
                table = _arrow_table(records)
                if table is not None:
                    return self._inner.add_arrow(
                        table,
                        on_duplicate=on_duplicate,
                        replace=replace,
                        scale=scale,
                        missing=missing,
                    )
                return self._inner.add_columns(
                    _frame_columns(records),
                    on_duplicate=on_duplicate,
                    replace=replace,
                    scale=scale,
                    missing=missing,
                )
            except _core.ValidationError as error:
                _note_index_label(error, records)
                raise
        if hasattr(records, "__arrow_c_stream__"):
            return self._inner.add_arrow(
                records, on_duplicate=on_duplicate, replace=replace, scale=scale, missing=missing
            )
        return self._inner.add_many(
            records, on_duplicate=on_duplicate, replace=replace, scale=scale, missing=missing
        )

    @overload
    def add_indicator(
        self,
        code: str,
        name: str,
        unit: str,
        kind: Literal["flow", "stock", "plan"],
        *,
        directed: bool,
        signed: bool = False,
        description: str | None = None,
        topic: str | None = None,
        phrase: str | None = None,
    ) -> bool: ...

    @overload
    @deprecated("pass directed by keyword: add_indicator(code, name, unit, kind, directed=...)")
    def add_indicator(
        self,
        code: str,
        name: str,
        unit: str,
        kind: Literal["flow", "stock", "plan"],
        directed: bool,
        *,
        signed: bool = False,
        description: str | None = None,
        topic: str | None = None,
        phrase: str | None = None,
    ) -> bool: ...

    def add_indicator(
        self,
        code: str,
        name: str,
        unit: str,
        kind: Literal["flow", "stock", "plan"],
        *by_position: bool,
        directed: bool | None = None,
        signed: bool = False,
        description: str | None = None,
        topic: str | None = None,
        phrase: str | None = None,
    ) -> bool:
        """Adds an indicator: `kind` is "flow", "stock" or "plan" (a planned project's
        specification or budget, which no sentence says was reached); `directed` is True
        when origin → destination matters; `signed` allows negative values; `topic` picks
        its report section: trade, investment, transport, people, cooperation, other, or a
        topic of your own (added with a title made from its code unless `add_topic` named
        it). Without a topic, the one the code and name suggest (`trade_turnover` trade,
        `tourists` people …; see `bilateral.TOPIC_WORDS`). `phrase` is how a figure reads
        as a sentence's subject where "name from origin to destination" would mislead, with
        `{origin}`, `{destination}` and `{product}`, and for a route that passes through
        the destination `{via}` in its place and `{to:Name}` for where it ends: "Oil from
        {origin} shipped through {via} to {to:Türkiye} via the Baku–Tbilisi–Ceyhan
        pipeline" (the figures table then shows the destination under "via"). Returns
        False when an identical indicator was already stored.

        `directed` is keyword-only. Given by position, as it was before, it still works
        with a DeprecationWarning; a later minor release removes that form.

        >>> store = bilateral.Store()
        >>> store.add_indicator("rail_cargo", "Rail cargo", "t", "flow", directed=False)
        True
        >>> store.indicators().set_index("code").loc["rail_cargo", "topic"]
        'transport'
        """
        directed = _directed_by_keyword(by_position, directed)
        return self._inner.add_indicator(
            code,
            name,
            unit,
            kind,
            directed=directed,
            signed=signed,
            description=description,
            topic=topic,
            phrase=phrase,
        )

    def add_topic(self, code: str, title: str) -> bool:
        """Adds a report topic with the title of its section, which comes after the other
        topics' and before "Other indicators". Returns False when the topic was already
        stored with this title; another title is a ValidationError.

        >>> store = bilateral.Store()
        >>> store.add_topic("energy", "Energy and power")
        True
        >>> store.topics()["title"].tolist()[-2:]
        ['Energy and power', 'Other indicators']
        """
        return self._inner.add_topic(code, title)

    def topics(self) -> pd.DataFrame:
        """The report topics in the order of a report's sections: code, title.

        >>> bilateral.Store().topics()["code"].tolist()[:2]
        ['trade', 'investment']
        """
        return _listing(self._inner.topics())

    def add_product(self, code: str, name: str, *, classification: str | None = None) -> bool:
        """Names the product `code` (as figures use it: "7202", "wheat"), so that a
        report writes "ferro-alloys (HS 7202)" where it would write the code;
        `classification` is the family the code belongs to ("HS", "SITC" …), which the
        report writes before it (a code of 2, 4 or 6 digits without one reads as HS).
        Returns False when the product already had this name; another name (or
        classification) for a named product is a ValidationError naming the stored one,
        and the code "total" (the whole) takes no name. :meth:`add_many` takes names too,
        in a ``product_name`` column.

        >>> store = bilateral.Store()
        >>> store.add_product("7202", "Ferro-alloys", classification="HS")
        True
        >>> store.add_product("7202", "Ferro-alloys")
        False
        """
        return self._inner.add_product(code, name, classification=classification)

    def products(self) -> pd.DataFrame:
        """The products figures or :meth:`add_product` have named, sorted by code, as a
        pandas DataFrame: code, name, classification (None where the store has none).

        >>> store = bilateral.Store()
        >>> _ = store.add_product("7202", "Ferro-alloys")
        >>> store.products()["name"].tolist()
        ['Ferro-alloys']
        """
        return _listing(self._inner.products())

    def add_source(
        self,
        id: str,
        title: str,
        *,
        publisher: str | None = None,
        url: str | None = None,
        published: _Period | None = None,
    ) -> bool:
        """Adds a source that observations and events can cite by `id`. Returns False when
        an identical source was already stored.

        >>> bilateral.Store().add_source("geostat", "External trade", publisher="Geostat")
        True
        """
        return self._inner.add_source(id, title, publisher=publisher, url=url, published=published)

    def add_event(
        self,
        date: _Period,
        a: str,
        b: str,
        kind: str,
        title: str,
        *,
        place: str | None = None,
        source: str | None = None,
        quote: str | None = None,
        note: str | None = None,
    ) -> None:
        """Adds a dated event between countries `a` and `b`; `date` is a day, or a month or
        year when the day is not known.

        >>> store = bilateral.Store()
        >>> store.add_event("2024-05-26", "GEO", "ARM", "signing", "Rail agreement signed")
        >>> store.events("ARM", "GEO")["date"].tolist()
        ['2024-05-26']
        """
        self._inner.add_event(
            date, a, b, kind, title, place=place, source=source, quote=quote, note=note
        )

    def set_population(
        self, country: str, year: int, value: float, source: str | None = None
    ) -> None:
        """Sets the population of `country` in `year`.

        >>> store = bilateral.Store()
        >>> store.set_population("AZE", 2025, 10_250_000)
        >>> store.population("AZE", 2026)
        (2025, 10250000)
        """
        self._inner.set_population(country, year, value, source)

    # ----- reading --------------------------------------------------------------------------

    def population(self, country: str, year: int) -> tuple[int, int] | None:
        """The population of `country` in `year`, or in the latest earlier year stored:
        `(year, people)`, or None.

        >>> bilateral.Store().population("Kazakhstan", 2030)
        (2024, 20592571)
        """
        return self._inner.population(country, year)

    def country(self, text: str) -> dict[str, str | None]:
        """The country named by an alpha-3 code, alpha-2 code or English name, as a dict.

        >>> bilateral.Store().country("kz")["alpha3"]
        'KAZ'
        """
        return self._inner.country(text)

    @overload
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
        *,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
        *,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
        *,
        into: Into,
    ) -> Any: ...
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
        *,
        into: Into = "pandas",
    ) -> Any:
        """Observations as a pandas DataFrame, one row each; every argument narrows the
        selection. For undirected indicators a pair matches in either order.

        ``into="polars"`` gives a polars DataFrame, ``into="arrow"`` a :class:`Table`
        that any Arrow reader takes (``pyarrow.table(t)``, ``polars.DataFrame(t)``,
        DuckDB); none of them builds a Python object per row.

        Without ``product``, totals and products come together: sum ``value`` only over
        ``product == "total"`` (or pass ``product="total"``), or a total is counted twice.

        >>> df = bilateral.demo().observations(indicator="tourists", origin="AZE", destination="KAZ")
        >>> df[["period", "value", "low", "high", "qualifier"]].values.tolist()[-1]
        ['2024', 102000.0, 102000.0, 103000.0, 'over']
        """  # noqa: E501
        return converted(
            self._inner.observations(indicator, origin, destination, product, status), into
        )

    def indicators(self) -> pd.DataFrame:
        """Indicators as a pandas DataFrame: code, name, unit, kind, directed, signed,
        description, topic, phrase.

        >>> "trade_turnover" in bilateral.demo().indicators()["code"].tolist()
        True
        """
        return _listing(self._inner.indicators())

    def sources(self) -> pd.DataFrame:
        """Sources as a pandas DataFrame: id, title, publisher, url, published.

        >>> bilateral.demo().sources()["id"].tolist()[:2]
        ['azizov', 'caspian-post']
        """
        return _listing(self._inner.sources())

    def events(self, a: str | None = None, b: str | None = None) -> pd.DataFrame:
        """Events as a pandas DataFrame in date order (an event known only by its month or
        year after those dated within it); with `a` and `b`, only those between the two
        countries.

        >>> bilateral.demo().events("AZE", "KAZ")["date"].tolist()[:3]
        ['2005', '2022-11', '2022']
        """
        return _listing(self._inner.events(a, b))

    def check(self, origin: str | None = None, destination: str | None = None) -> pd.DataFrame:
        """Figures that cannot all be true, or deserve a second look, as a pandas
        DataFrame: severity (``error``, ``warning``, ``info``), check (the rule's code),
        indicator, origin, destination, product, periods, figures and explanation (in
        words), errors first, then by indicator, pair and period. With `origin` and
        `destination`, only the pair, either way round; with one, every pair it is in.

        The rules: ``partial_exceeds_whole`` (part of a period above the whole),
        ``year_to_date_falls``, ``sources_disagree`` (bounds that do not overlap),
        ``target_already_reached``, ``projection_outside_history``, and from the claims
        ``implied_rest_of_year`` (a figure a claim implies for part of a year that leaves
        an implausible rest of it).

        >>> found = bilateral.demo().check("KAZ", "AZE")
        >>> found[["severity", "check", "periods"]].values.tolist()
        [['warning', 'implied_rest_of_year', '2024, 2024-01/2024-08'], ['info', 'projection_outside_history', '2027, 2024']]
        """  # noqa: E501
        return _listing(self._inner.check(origin, destination))

    # ----- claims ---------------------------------------------------------------------------

    def add_claim(
        self,
        text: str,
        indicator: str,
        origin: str,
        destination: str,
        period: _Period,
        relation: str,
        *,
        value: float | None = None,
        reference: _Period | None = None,
        qualifier: str | None = None,
        product: str = "total",
        source: str | None = None,
        quote: str | None = None,
        note: str | None = None,
    ) -> bool:
        """Adds a claim: what `text` says about the figure of `period` relative to
        another. `relation` is a relation code (``ratio``, ``pct``, ``greater``,
        ``less``, ``record_high``, ``record_low``, ``share``) or the claim's own words
        ("more than tripling", "a 2% increase", "slightly below"), which then give the
        number and qualifier; `value` (a multiple for ratio, a percentage for pct and
        share) and `qualifier` take precedence over the words'. `reference` is a
        period, ``record``, ``target`` or ``whole``; by default the same period a year
        earlier. Returns False when an identical claim was already stored; a bad field
        is a ValidationError naming it.

        >>> store = bilateral.demo()
        >>> store.add_claim("nearly tripled", "tourists", "KAZ", "AZE", 2024, "nearly tripled",
        ...                 reference=2022)
        True
        >>> df = store.claims("KAZ", "AZE")
        >>> df[df["text"] == "nearly tripled"][["reference", "low", "high"]].values.tolist()
        [['2022', 2.7, 3.0]]
        """
        return self._inner.add_claim(
            text,
            indicator,
            origin,
            destination,
            period,
            relation,
            value=value,
            reference=reference,
            qualifier=qualifier,
            product=product,
            source=source,
            quote=quote,
            note=note,
        )

    def claims(self, a: str | None = None, b: str | None = None) -> pd.DataFrame:
        """Claims as a pandas DataFrame, sorted by indicator, pair, product and period:
        with `a` and `b`, those between the two countries (either way round); with one,
        every claim it is in.
        Columns: text, indicator, origin, destination, product, period, reference,
        relation, value, qualifier, low and high (the interval the number allows; NaN
        for a claim without a number), source, quote, note.

        >>> df = bilateral.demo().claims("KAZ", "AZE")
        >>> df[["text", "relation", "low", "high"]].values.tolist()[0]
        ['surged sixfold', 'ratio', 5.5, 6.5]
        """
        return _listing(self._inner.claims(a, b))

    def check_text(
        self,
        text: str,
        *,
        pair: tuple[str, str] | None = None,
        published: date | str | None = None,
    ) -> pd.DataFrame:
        """Reads `text` as :func:`bilateral.read_text` does (same `pair` and `published`)
        and checks every figure and claim it finds against the stored figures: one row
        each, with its words, verdict (as :meth:`check_claims` gives: a figure is
        ``supported`` when the stored figure's interval lies inside what the text's
        wording allows, ``plausible`` when they overlap, ``contradicted`` when they do
        not, ``unverifiable`` when the store lacks it), explanation, the fields read,
        checked_against (the stored figures used) and their sources, the quote and its
        character offsets.

        >>> checks = bilateral.demo().check_text(
        ...     "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024.")
        >>> checks[["words", "verdict", "checked_against"]].values.tolist()
        [['Over 150,000', 'contradicted', 'over 102,000 (2024, actual)']]
        """
        checks = self._inner.check_text(text, pair=pair, published=_text._day(published))
        return _text.check_frame(checks)

    def fact_check(
        self,
        text: str,
        *,
        pair: tuple[str, str] | None = None,
        published: date | str | None = None,
    ) -> Report:
        """:meth:`check_text` as a short report with the look of :meth:`report`: a tally,
        the text's figures and its claims (what is contradicted first), each citing the
        stored figures it was checked against, and their sources; ``to_markdown()``,
        ``to_html()`` and Jupyter's view as for any report.

        >>> report = bilateral.demo().fact_check(
        ...     "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024.")
        >>> report.title
        'Fact check: Azerbaijan and Kazakhstan'
        >>> report.sections[0].sentences[0][:40]
        'Contradicted: “Over 150,000” (2024). The'
        """
        return Report(self._inner.fact_check(text, pair=pair, published=_text._day(published)))

    def check_claims(
        self, origin: str | None = None, destination: str | None = None
    ) -> pd.DataFrame:
        """Every claim checked against the stored figures, one row each in the order of
        :meth:`claims`: with `origin` and `destination`, those between the two (either
        way round); with one, every claim it is in. Columns: text, indicator, period,
        reference, relation, verdict (``supported``, ``plausible``, ``contradicted`` or
        ``unverifiable``),
        computed (the relation as the figures have it: a multiple for ratio, a
        percentage for share, otherwise the percentage difference) with computed_low
        and computed_high, implied_low and implied_high (for an unverifiable claim, the
        interval it allows the missing figure), explanation (a sentence), then origin,
        destination, product, implied_period and points_against (for a plausible claim,
        True when the central value of computed lies on the other side of what the claim
        says: "continues to grow" on figures that allow a rise but centrally show a
        fall). Missing numbers are NaN.

        >>> checks = bilateral.demo().check_claims("AZE", "KAZ")
        >>> checks[["text", "verdict", "computed"]].values.tolist()[0]  # 4.5 / 0.8 = 5.625
        ['surged sixfold', 'supported', 5.625]
        """
        return _listing(self._inner.check_claims(origin, destination))

    def implied(
        self, indicator: str, origin: str, destination: str, period: _Period
    ) -> pd.DataFrame:
        """What the stored claims imply about the figure of `indicator` from `origin` to
        `destination` for `period`, which the store does not have: one ``estimate`` row
        per claim that bounds it, in the columns of :meth:`observations`, with the digits
        a derived figure shows and its ends rounded outwards (the value is the upper end,
        qualifier ``under``; or, when the ends meet, the one value rounded, ``approx``).
        The rows are not stored, and no report computes growth from them.

        >>> rows = bilateral.demo().implied("corridor_cargo", "AZE", "KAZ", "2024-01/2024-07")
        >>> rows[["value", "low", "high"]].values.tolist()  # "rapidly increasing"; 2.6M t / 1.02
        [[2600000.0, 0.0, 2600000.0], [2549000.0, 2549000.0, 2550000.0]]
        """
        return Table(self._inner.implied(indicator, origin, destination, period)).to_pandas()

    # ----- reports --------------------------------------------------------------------------

    @overload
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """Year-on-year growth: one row per observation against the same period one year
        earlier. Columns: period, value, low, high, status, base_period, base_value,
        change, change_low, change_high, pct, pct_low, pct_high, multiple (pct in
        percent; multiple a fraction). Targets and projections count only when `status`
        asks for them.

        With an indicator, an origin, a destination and a product: that one series (a
        NotFoundError if it has no figure, a ValidationError on a zero base). Leave any
        of them open (`product=None` for every product) for every series that matches,
        computed in one call: the series' indicator, origin, destination, product and
        unit come first, and a row on a zero base leaves pct and multiple empty.
        ``into`` picks the result's type as in :meth:`observations`.

        >>> df = bilateral.demo().growth("trade_turnover", "AZE", "KAZ")
        >>> round(float(df.set_index("period").loc["2024", "pct"]), 2)
        -4.19
        >>> every = bilateral.demo().growth()  # every total series
        >>> row = every[(every["indicator"] == "trade_turnover") & (every["period"] == "2024")]
        >>> round(float(row["pct"].iloc[0]), 2)
        -4.19
        """
        return converted(
            self._inner.growth(indicator, origin, destination, product, status=status), into
        )

    # One series answers with a Change, any other filter with a frame; mypy cannot tell
    # a str from a str | None that holds one, hence the ignore on the narrower overload.
    @overload
    def change(  # type: ignore[overload-overlap]
        self,
        indicator: str,
        origin: str,
        destination: str,
        start: _Period,
        end: _Period,
        product: str = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> Change: ...
    @overload
    def change(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        start: _Period | None = None,
        end: _Period | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def change(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        start: _Period | None = None,
        end: _Period | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def change(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        start: _Period | None = None,
        end: _Period | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def change(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        start: _Period | None = None,
        end: _Period | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """How a series moved from period `start` to period `end` (both of the same
        length): change, ratio, pct and CAGR over the years between their starts.

        With an indicator, an origin, a destination and a product: a :class:`Change` for
        that one series (a NotFoundError if a period has no figure, a ValidationError on
        a zero start). Leave any of them open (`product=None` for every product) for a
        frame of every series that matches with a figure in both periods: the series'
        indicator, origin, destination, product and unit, then start, end, start_value,
        end_value, change, ratio, pct (each with _low and _high), years and cagr (with
        bounds); a zero start leaves ratio, pct and cagr empty. Periods that cannot be
        compared are a ValidationError either way, and so is a missing `start` or
        `end`. ``into`` picks the type of the frame over many series as in
        :meth:`observations`; one series comes as a Change, as it always has.

        >>> c = bilateral.demo().change("corridor_cargo", "AZE", "KAZ", 2020, 2024)
        >>> c.ratio, round(c.cagr, 3)
        (5.625, 0.54)
        >>> every = bilateral.demo().change(indicator="tourists", start=2022, end=2024)
        >>> every[["origin", "destination", "start_value", "end_value"]].values.tolist()
        [['AZE', 'KAZ', 59000.0, 102000.0], ['KAZ', 'AZE', 24000.0, 71500.0]]
        """
        if indicator is not None and origin is not None and destination is not None and product:
            _require_pandas_for_one_series(into)
        answer = self._inner.change(
            indicator, origin, destination, start, end, product, status=status
        )
        if isinstance(answer, Change):
            return answer
        return converted(answer, into)

    @overload
    def shares(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def shares(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def shares(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def shares(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """Every product of `indicator` as a share of a whole: `of` (another indicator
        for the same pair; by default the same indicator) with product `of_product`,
        in each period where both exist (or only `period`). Columns: period, product,
        value, whole, share, low, high (share and its bounds as fractions).

        With an indicator, an origin and a destination: that one pair (a NotFoundError
        without a share, a ValidationError on a zero whole). Leave any of them open for
        every pair that matches, in one frame: the parts' indicator, origin and
        destination come first, and a zero whole leaves that row's share empty. Parts
        in another unit than the whole are a ValidationError either way. ``into`` picks
        the type of the frame over many pairs as in :meth:`observations`; one pair
        comes as a pandas DataFrame, as it always has.

        >>> df = bilateral.demo().shares("exports", "KAZ", "AZE", of="trade_turnover")
        >>> df.set_index("product")["share"].round(4).to_dict()
        {'oil_products': 0.0698, 'wheat': 0.2219}
        >>> every = bilateral.demo().shares(indicator="exports", of="trade_turnover")
        >>> every[["origin", "product"]].values.tolist()
        [['KAZ', 'oil_products'], ['KAZ', 'wheat']]
        """
        if indicator is not None and origin is not None and destination is not None:
            _require_pandas_for_one_series(into)
        table = self._inner.shares(
            indicator, origin, destination, of, of_product, period, status=status
        )
        return converted(table, into)

    @overload
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """A series per `per` people of the origin's (or destination's) population in the
        year each period ends, or the latest earlier year stored. Columns: period, value,
        country, population_year, population, per_capita, low, high.

        With an indicator, an origin, a destination and a product: that one series (a
        NotFoundError for a period without a population). Leave any of them open
        (`product=None` for every product) for every series that matches, in one
        frame: the series' indicator, origin, destination, product and unit come first,
        population_year and population are whole numbers (pandas ``Int64``), and a
        period without a population keeps its row with those columns and per_capita
        empty. ``into`` picks the type of the frame over many series as in
        :meth:`observations`; one series comes as a pandas DataFrame, as it always has.

        >>> df = bilateral.demo().per_capita("tourists", "AZE", "KAZ")
        >>> round(float(df.set_index("period").loc["2024", "per_capita"]), 3)
        9.997
        >>> every = bilateral.demo().per_capita(indicator="tourists")
        >>> every[every["period"] == "2024"][["origin", "population"]].values.tolist()
        [['AZE', 10202830], ['KAZ', 20592571]]
        """
        if indicator is not None and origin is not None and destination is not None and product:
            _require_pandas_for_one_series(into)
        table = self._inner.per_capita(
            indicator, origin, destination, per, basis, product, status=status
        )
        return converted(table, into)

    def target_progress(
        self,
        indicator: str,
        origin: str,
        destination: str,
        year: int,
        product: str = "total",
        *,
        status: str | None = None,
    ) -> TargetProgress:
        """Progress towards the target for `year`: the latest year-to-date actual, its
        share of the target and of the year, the run rate, and the monthly average the
        rest of the year needs.

        >>> p = bilateral.demo().target_progress("corridor_cargo", "AZE", "KAZ", 2025)
        >>> p.share_of_target, p.months_elapsed, round(p.run_rate)
        (0.5, 7, 4457143)
        """
        return self._inner.target_progress(
            indicator, origin, destination, year, product, status=status
        )

    def required_growth(
        self,
        indicator: str,
        origin: str,
        destination: str,
        base: _Period,
        target: _Period,
        product: str = "total",
        *,
        status: str | None = None,
    ) -> RequiredGrowth:
        """The CAGR needed from the actual in period `base` to the target (else
        projection) in period `target`, beside the series' own CAGR over as many years
        before the base when the store has it.

        >>> r = bilateral.demo().required_growth("oil_transit", "KAZ", "AZE", 2024, 2027)
        >>> round(r.required_cagr, 3)
        0.71
        """
        return self._inner.required_growth(
            indicator, origin, destination, base, target, product, status=status
        )

    @overload
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """The two directions of a directed indicator in every period where both exist.
        Columns: period, a_to_b, b_to_a (each with _low and _high), ratio (a_to_b /
        b_to_a) and net (a_to_b − b_to_a), with bounds.

        With an indicator, `a`, `b` and a product: that one pair, `a` as given (a
        NotFoundError without a common period, a ValidationError on a zero b_to_a).
        Leave any of them open (`product=None` for every product) for every pair of
        every directed indicator with figures in both directions, in one frame:
        indicator, a, b and product come first, `a` is the alphabetically first of the
        pair (a country given as `a` or `b` matches either side), and a zero b_to_a
        leaves that row's ratio empty. An undirected indicator named is a
        ValidationError either way. ``into`` picks the type of the frame over many
        pairs as in :meth:`observations`; one pair comes as a pandas DataFrame, as it
        always has.

        >>> df = bilateral.demo().asymmetry("tourists", "AZE", "KAZ")
        >>> round(float(df.set_index("period").loc["2024", "ratio"]), 3)
        1.427
        >>> every = bilateral.demo().asymmetry(a="KAZ")
        >>> every[every["indicator"] == "tourists"][["a", "b", "period", "ratio"]].round(3).values.tolist()
        [['AZE', 'KAZ', '2022', 2.458], ['AZE', 'KAZ', '2024', 1.427]]
        """  # noqa: E501
        if indicator is not None and a is not None and b is not None and product:
            _require_pandas_for_one_series(into)
        return converted(self._inner.asymmetry(indicator, a, b, product, status=status), into)

    @overload
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """Each flow reported from both ends: the exporter's exports beside the
        importer's imports of the same goods (``exports`` with ``imports``,
        ``exports_volume`` with ``imports_volume``), in every period both report.
        Columns: exports_indicator, imports_indicator, exporter, importer, product,
        unit, period; exports and imports, each with _low, _high, _status and _source;
        gap (imports − exports) and gap_pct (the gap in percent of the exports), each
        with _low and _high from the figures' qualifiers.

        ``a`` and ``b`` each match the exporter or the importer, so two countries give
        both flows between them and one country every flow it exports or imports;
        leave them open for every pair. ``product=None`` takes every product;
        ``indicator`` keeps one pair (either end's code). Two ends in different units
        (currencies) are not compared, and a period only one end reports gives no row.
        ``into`` picks the type of the frame as in :meth:`observations`.

        >>> store = bilateral.Store()
        >>> store.add("exports", "GEO", "TUR", 2024, 300e6)
        >>> store.add("imports", "GEO", "TUR", 2024, 318e6)
        >>> df = store.mirror("Georgia", "Türkiye")
        >>> df[["exporter", "importer", "gap", "gap_pct"]].round(9).values.tolist()
        [['GEO', 'TUR', 18000000.0, 6.0]]
        """  # noqa: E501
        table = self._inner.mirror(a, b, product, indicator=indicator, status=status)
        return converted(table, into)

    def report(
        self,
        a: str,
        b: str,
        *,
        since: _Period | None = None,
        until: _Period | None = None,
        top: int = 10,
        title: str | None = None,
        topics: Iterable[str] | None = None,
        include_implied: bool = False,
        digits: int = 3,
    ) -> Report:
        """The report on countries `a` and `b` (alpha-3, alpha-2 or English names): a
        headline, sections with sentences, tables and charts, what the figures say about
        the claims, notes tracing every figure to its source, and the sources. Renders
        as Markdown, HTML and JSON.

        ``since`` and ``until`` (periods or years, written as for :meth:`add`) keep the
        figures, events and claims whose period lies within them. ``top`` products of
        each series are named, the largest by their latest value; the rest are summed as
        "other products", and every product's figures are in the appendix section
        (``products``). ``title`` replaces "A and B"; ``topics`` keeps only the sections
        of these topic codes (see :meth:`topics`). ``digits`` (1 to 4) is the most
        significant digits a number in the prose and tables shows: "$334 million, up
        8.5 % on $308 million"; a figure published with at most four digits ("$547.6
        million", "over 102,000") is quoted as published, and the data frames keep full
        values. A bad option is a :class:`ValidationError` naming it.

        With ``include_implied=True`` the ranges the claims imply for figures nobody
        published (see :meth:`implied`) join each section's table of figures as
        estimate rows whose note names the claim; no sentence or growth uses them.

        >>> report = bilateral.demo().report("Azerbaijan", "KZ")
        >>> report.title, report.sections[0].title
        ('Azerbaijan and Kazakhstan', 'Trade')
        >>> trade = bilateral.demo().report("AZE", "KAZ", since=2025, topics=["trade"])
        >>> [section.title for section in trade.sections]
        ['Trade', 'What the figures say about the claims']
        """
        chosen = None if topics is None else [topics] if isinstance(topics, str) else list(topics)
        return Report(
            self._inner.report(
                a,
                b,
                since=since,
                until=until,
                top=top,
                title=title,
                topics=chosen,
                include_implied=include_implied,
                digits=digits,
            )
        )

    def pairs(self) -> list[tuple[str, str, int]]:
        """The pairs of countries with observations or events, as `(a, b, count)` with the
        alpha-3 codes in alphabetical order, the pair with most first.

        >>> bilateral.demo().pairs()[0][:2]
        ('AZE', 'KAZ')
        """
        return self._inner.pairs()

    def summary(self) -> str:
        """A readable text summary of everything in the store.

        >>> "$547.6 million" in bilateral.demo().summary()
        True
        """
        return self._inner.summary()


def demo() -> Store:
    """A store in memory with the built-in Azerbaijan–Kazakhstan dataset loaded.

    >>> bilateral.demo()
    <bilateral.Store in memory: 35 observations>
    """
    return Store._wrap(_core.demo())
