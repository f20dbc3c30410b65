"""Type stubs for the native module ``bilateral._core`` (the Rust core).

The core is a leaf: it answers with its own classes (every table a ``Table``, the
small listings too; the one-answer reports ``Change``, ``TargetProgress`` and
``RequiredGrowth``; the ``Report`` and its ``Chart``s); the package wraps it.
"""

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from os import PathLike
from typing import Any, Literal, TypeAlias, final

import numpy as np
import pandas as pd

from bilateral import ErrorKind as _ErrorKind

__all__ = [
    "BilateralError",
    "BusyError",
    "CHECK_COLUMNS",
    "Change",
    "Chart",
    "ClosedError",
    "DRAFT_COLUMNS",
    "Draft",
    "DuplicateError",
    "ERROR_KINDS",
    "NotFoundError",
    "Report",
    "RequiredGrowth",
    "SCHEMA_VERSION",
    "TOPIC_WORDS",
    "SchemaError",
    "Store",
    "Table",
    "TargetProgress",
    "ValidationError",
    "datasets",
    "demo",
    "file_format",
    "format_value",
    "normalize_period",
    "read_text",
    "sql_change",
    "sql_growth",
    "sql_mirror",
    "sql_per_capita",
    "sql_shares",
    "__version__",
]

__version__: str
SCHEMA_VERSION: int
TOPIC_WORDS: dict[str, list[str]]
DRAFT_COLUMNS: tuple[str, ...]
CHECK_COLUMNS: tuple[str, ...]
# Every `kind` an error can have, in the order of the Rust enum (bilateral.ErrorKind).
ERROR_KINDS: tuple[_ErrorKind, ...]

class BilateralError(Exception):
    """Base class of every error raised by bilateral. ``kind`` says what went wrong as a
    stable snake_case string for a program to branch on (``"unknown_country"``,
    ``"duplicate"``, ``"unmapped_code"`` …: ``bilateral.ErrorKind`` lists them), and
    ``suggestion`` the value to use instead (a misspelt country's alpha-3 code, the SDMX
    code to map, the thousands separator to read a file with), or None."""

    kind: _ErrorKind
    suggestion: str | None
    # The message in parts: text, and the choices of the call it advises as
    # (option, value, the library's words); the command line words them as its flags.
    _parts: tuple[str | tuple[str, str | None, str], ...]

class ValidationError(BilateralError, ValueError):
    """Bad input: ``field``, ``record`` (index in a batch, or None), ``text`` and ``reason``
    say which and why; ``kind`` what is wrong (``"unknown_country"``, ``"bad_period"`` …)
    and ``suggestion`` the value to use instead, or None."""

    field: str | None
    record: int | None
    text: str
    reason: str

class DuplicateError(ValidationError):
    """The observation is already stored, or stored with another figure
    (``on_duplicate="replace"`` replaces it, ``on_duplicate="skip"`` passes over identical
    ones); ``record`` and ``key`` say which. Its ``kind`` is ``"duplicate"``."""

    key: str

class NotFoundError(BilateralError, LookupError):
    """Something asked for is not in the store: ``what`` and ``key`` say what. Its
    ``kind`` is ``"not_found"``, or ``"unknown_indicator"`` for an indicator code."""

    what: str
    key: str

class SchemaError(BilateralError):
    """The file is not a bilateral store this version can open."""

class ClosedError(SchemaError):
    """The store was closed: it takes no more calls."""

class BusyError(BilateralError):
    """Another connection kept the store locked for too long (30 s); nothing was
    written, and trying again is safe."""

# A period as text (`2024-Q1`, `2024Q1`, `Jan–Aug 2025` …), a year (an int, or a float
# without a fraction), or a pandas Period, date, timestamp or NumPy datetime64.
_Period = str | int | float | date | pd.Period | np.datetime64
_OnDuplicate = Literal["error", "skip", "replace"]
_Missing = Literal["error", "skip"]

@final
class Store:
    """The native store: the package's ``bilateral.Store`` wraps it."""

    def __new__(cls, path: str | PathLike[str] | None = None) -> Store: ...
    @property
    def path(self) -> str | None: ...
    @property
    def schema_version(self) -> int: ...
    def close(self) -> None: ...
    # Private: caps the store's pages (1 answers the pages in use), for the full-disk tests.
    def _set_max_page_count(self, pages: int) -> int: ...
    def observation_count(self) -> int: ...
    def load_dataset(self, name: str) -> dict[str, int]: ...
    def load(self, path: str | PathLike[str]) -> dict[str, int]: ...
    def export_json(self, path: str | PathLike[str]) -> dict[str, int]: ...
    def load_draft(
        self, path: str | PathLike[str], *, on_duplicate: _OnDuplicate = "error"
    ) -> dict[str, int]: ...
    def import_json(
        self,
        path: str | PathLike[str],
        *,
        on_duplicate: _OnDuplicate = "error",
        progress: Callable[[str, int, int], object] | None = None,
    ) -> dict[str, int]: ...
    def export_csv(
        self,
        path: str | PathLike[str],
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
    ) -> int: ...
    def export_population_parquet(self, path: str | PathLike[str]) -> int: ...
    def export_parquet(
        self,
        path: str | PathLike[str],
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
    ) -> int: ...
    def import_csv(
        self,
        path: str | PathLike[str],
        on_duplicate: _OnDuplicate = "error",
        *,
        missing: _Missing = "error",
        progress: Callable[[str, int, int], object] | None = None,
    ) -> dict[str, Any]: ...
    def import_sdmx_csv(
        self,
        path: str | PathLike[str],
        mapping: Mapping[str, str] | None = None,
        *,
        on_duplicate: _OnDuplicate = "error",
        missing: _Missing = "error",
        progress: Callable[[str, int, int], object] | None = None,
    ) -> dict[str, Any]: ...
    def import_comtrade_csv(
        self,
        path: str | PathLike[str],
        *,
        on_duplicate: _OnDuplicate = "error",
        progress: Callable[[str, int, int], object] | None = None,
    ) -> dict[str, Any]: ...
    def import_file(
        self,
        path: str | PathLike[str],
        format: str | None = None,
        *,
        on_duplicate: _OnDuplicate = "error",
        missing: _Missing = "error",
        progress: Callable[[str, int, int], object] | None = None,
    ) -> dict[str, Any]: ...
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
        on_duplicate: _OnDuplicate = "error",
        replace: bool | None = None,
        scale: float = 1.0,
    ) -> None: ...
    # Each record is checked in the core: one that is not a mapping is a TypeError naming
    # its index.
    def add_many(
        self,
        records: Iterable[Any],
        *,
        on_duplicate: _OnDuplicate = "error",
        replace: bool | None = None,
        scale: float = 1.0,
        missing: _Missing = "error",
    ) -> int: ...
    def add_columns(
        self,
        columns: dict[str, Any],
        *,
        on_duplicate: _OnDuplicate = "error",
        replace: bool | None = None,
        scale: float = 1.0,
        missing: _Missing = "error",
    ) -> int: ...
    def add_arrow(
        self,
        data: object,
        *,
        on_duplicate: _OnDuplicate = "error",
        replace: bool | None = None,
        scale: float = 1.0,
        missing: _Missing = "error",
    ) -> int: ...
    def add_indicator(
        self,
        code: str,
        name: str,
        unit: str,
        kind: str,
        *,
        directed: bool,
        signed: bool = False,
        description: str | None = None,
        topic: str | None = None,
        phrase: str | None = None,
    ) -> bool: ...
    def add_topic(self, code: str, title: str) -> bool: ...
    def topics(self) -> Table: ...
    def add_product(self, code: str, name: str, *, classification: str | None = None) -> bool: ...
    def products(self) -> Table: ...
    def add_source(
        self,
        id: str,
        title: str,
        *,
        publisher: str | None = None,
        url: str | None = None,
        published: _Period | None = None,
    ) -> bool: ...
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
    ) -> None: ...
    def set_population(
        self, country: str, year: int, value: float, source: str | None = None
    ) -> None: ...
    def population(self, country: str, year: int) -> tuple[int, int] | None: ...
    def country(self, text: str) -> dict[str, str | None]: ...
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
    ) -> Table: ...
    def indicators(self) -> Table: ...
    def sources(self) -> Table: ...
    def events(self, a: str | None = None, b: str | None = None) -> Table: ...
    def check(self, origin: str | None = None, destination: str | None = None) -> Table: ...
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
    ) -> bool: ...
    def claims(self, a: str | None = None, b: str | None = None) -> Table: ...
    def check_text(
        self, text: str, *, pair: tuple[str, str] | None = None, published: str | None = None
    ) -> Table: ...
    def fact_check(
        self, text: str, *, pair: tuple[str, str] | None = None, published: str | None = None
    ) -> Report: ...
    def check_claims(self, origin: str | None = None, destination: str | None = None) -> Table: ...
    def implied(self, indicator: str, origin: str, destination: str, period: _Period) -> Table: ...
    # One method per analysis: a filter that gives every key is one series.
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
    ) -> Table: ...
    # A missing start or end is a ValidationError naming it, raised by the core.
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
    ) -> Change | Table: ...
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
    ) -> Table: ...
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: str = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
    ) -> Table: ...
    def target_progress(
        self,
        indicator: str,
        origin: str,
        destination: str,
        year: int,
        product: str = "total",
        *,
        status: str | None = None,
    ) -> TargetProgress: ...
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
    ) -> RequiredGrowth: ...
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
    ) -> Table: ...
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
    ) -> Table: ...
    def report(
        self,
        a: str,
        b: str,
        *,
        since: _Period | None = None,
        until: _Period | None = None,
        top: int = 10,
        title: str | None = None,
        topics: list[str] | None = None,
        include_implied: bool = False,
        digits: int = 3,
    ) -> Report: ...
    def pairs(self) -> list[tuple[str, str, int]]: ...
    def summary(self) -> str: ...

#: A column's parts; a list column's third part is its items' column.
_ColumnParts: TypeAlias = (
    tuple[Literal["float", "date", "int", "bool"], bytearray]
    | tuple[Literal["text"], bytearray, list[str]]
    | tuple[Literal["list"], bytearray, _ColumnParts]
)

@final
class Table:
    """Rows column by column; the package's ``bilateral.Table`` wraps it."""

    @property
    def column_names(self) -> list[str]: ...
    @property
    def num_rows(self) -> int: ...
    def __len__(self) -> int: ...
    def column(self, name: str) -> _ColumnParts: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

@final
class Change:
    """How a series moved between two periods of the same length."""

    def __new__(
        cls,
        series: str,
        unit: str,
        start: str,
        end: str,
        start_value: float,
        end_value: float,
        change: float,
        change_low: float,
        change_high: float,
        ratio: float,
        ratio_low: float,
        ratio_high: float,
        pct: float,
        pct_low: float,
        pct_high: float,
        years: float,
        cagr: float | None,
        cagr_low: float | None,
        cagr_high: float | None,
    ) -> Change: ...
    @property
    def series(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def start(self) -> str: ...
    @property
    def end(self) -> str: ...
    @property
    def start_value(self) -> float: ...
    @property
    def end_value(self) -> float: ...
    @property
    def change(self) -> float: ...
    @property
    def change_low(self) -> float: ...
    @property
    def change_high(self) -> float: ...
    @property
    def ratio(self) -> float: ...
    @property
    def ratio_low(self) -> float: ...
    @property
    def ratio_high(self) -> float: ...
    @property
    def pct(self) -> float: ...
    @property
    def pct_low(self) -> float: ...
    @property
    def pct_high(self) -> float: ...
    @property
    def years(self) -> float: ...
    @property
    def cagr(self) -> float | None: ...
    @property
    def cagr_low(self) -> float | None: ...
    @property
    def cagr_high(self) -> float | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Change], tuple[Any, ...]]: ...

@final
class TargetProgress:
    """How far a year's actuals are towards the year's target."""

    def __new__(
        cls,
        series: str,
        unit: str,
        year: int,
        target: float,
        actual: float,
        actual_low: float,
        actual_high: float,
        actual_period: str,
        months_elapsed: int,
        share_of_target: float,
        share_of_target_low: float,
        share_of_target_high: float,
        share_of_year: float,
        run_rate: float,
        run_rate_low: float,
        run_rate_high: float,
        run_rate_share: float,
        run_rate_share_low: float,
        run_rate_share_high: float,
        actual_monthly: float,
        required_monthly: float | None,
        required_monthly_low: float | None,
        required_monthly_high: float | None,
        on_track: bool,
    ) -> TargetProgress: ...
    @property
    def series(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def target(self) -> float: ...
    @property
    def actual(self) -> float: ...
    @property
    def actual_low(self) -> float: ...
    @property
    def actual_high(self) -> float: ...
    @property
    def actual_period(self) -> str: ...
    @property
    def months_elapsed(self) -> int: ...
    @property
    def share_of_target(self) -> float: ...
    @property
    def share_of_target_low(self) -> float: ...
    @property
    def share_of_target_high(self) -> float: ...
    @property
    def share_of_year(self) -> float: ...
    @property
    def run_rate(self) -> float: ...
    @property
    def run_rate_low(self) -> float: ...
    @property
    def run_rate_high(self) -> float: ...
    @property
    def run_rate_share(self) -> float: ...
    @property
    def run_rate_share_low(self) -> float: ...
    @property
    def run_rate_share_high(self) -> float: ...
    @property
    def actual_monthly(self) -> float: ...
    @property
    def required_monthly(self) -> float | None: ...
    @property
    def required_monthly_low(self) -> float | None: ...
    @property
    def required_monthly_high(self) -> float | None: ...
    @property
    def on_track(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[TargetProgress], tuple[Any, ...]]: ...

@final
class RequiredGrowth:
    """The growth rate a target or projection implies, beside the series' own record."""

    def __new__(
        cls,
        series: str,
        unit: str,
        base_period: str,
        base_value: float,
        target_period: str,
        target_value: float,
        target_status: str,
        years: float,
        required_cagr: float,
        required_cagr_low: float,
        required_cagr_high: float,
        historical_start: str | None,
        historical_cagr: float | None,
        historical_cagr_low: float | None,
        historical_cagr_high: float | None,
    ) -> RequiredGrowth: ...
    @property
    def series(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def base_period(self) -> str: ...
    @property
    def base_value(self) -> float: ...
    @property
    def target_period(self) -> str: ...
    @property
    def target_value(self) -> float: ...
    @property
    def target_status(self) -> str: ...
    @property
    def years(self) -> float: ...
    @property
    def required_cagr(self) -> float: ...
    @property
    def required_cagr_low(self) -> float: ...
    @property
    def required_cagr_high(self) -> float: ...
    @property
    def historical_start(self) -> str | None: ...
    @property
    def historical_cagr(self) -> float | None: ...
    @property
    def historical_cagr_low(self) -> float | None: ...
    @property
    def historical_cagr_high(self) -> float | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[RequiredGrowth], tuple[Any, ...]]: ...

@final
class Draft:
    """What ``read_text`` found; the package's ``bilateral.Draft`` wraps it."""

    @property
    def items(self) -> list[dict[str, Any]]: ...
    def table(self, kind: str | None = None) -> Table: ...
    def to_accept(self, items: list[int] | None = None) -> list[int]: ...
    def to_dataset(
        self, items: list[int] | None = None, *, name: str = "draft", title: str = "Draft"
    ) -> dict[str, Any]: ...

@final
class Report:
    """The native report: the package's ``bilateral.Report`` wraps it."""

    @property
    def title(self) -> str: ...
    def to_markdown(self) -> str: ...
    def to_html(self) -> str: ...
    def to_html_fragment(self, instance: int | None = None) -> str: ...
    def to_json(self) -> str: ...
    def render(self, format: str) -> str: ...
    def figures(self) -> Table: ...
    def tables(self) -> list[Table]: ...
    def sections(
        self,
    ) -> list[tuple[str, str, list[tuple[str, list[int]]], list[tuple[str, str | None]], int]]: ...
    def notes(self) -> Table: ...
    def sources(self) -> Table: ...
    def findings(self) -> Table: ...
    def write_appendix(self, path: str | PathLike[str]) -> int: ...
    def charts(self) -> list[Chart]: ...

@final
class Chart:
    """A native chart: draws its own SVG; the package's ``bilateral.Chart`` wraps it."""

    def __new__(
        cls,
        kind: str,
        title: str,
        unit: str,
        indicator: str | None = None,
        product: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        series: Iterable[Mapping[str, Any]] | None = None,
        events: Iterable[Mapping[str, Any]] | None = None,
    ) -> Chart: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def indicator(self) -> str | None: ...
    @property
    def product(self) -> str | None: ...
    @property
    def origin(self) -> str | None: ...
    @property
    def destination(self) -> str | None: ...
    @property
    def series(self) -> list[dict[str, Any]]: ...
    @property
    def events(self) -> list[dict[str, Any]]: ...
    def svg(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...

def demo() -> Store: ...
def datasets() -> list[str]: ...
def normalize_period(text: _Period) -> str: ...
def file_format(path: str | PathLike[str]) -> str: ...

# The analyses as SQL over a Parquet export (bilateral.sql is their typed face).
def sql_change(
    folder: str,
    indicator: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    start: _Period | None = None,
    end: _Period | None = None,
    product: str | None = "total",
    *,
    status: str | None = None,
    dialect: str = "duckdb",
    undirected: list[str] | None = None,
) -> str: ...
def sql_growth(
    folder: str,
    indicator: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    product: str | None = "total",
    *,
    status: str | None = None,
    dialect: str = "duckdb",
    undirected: list[str] | None = None,
) -> str: ...
def sql_mirror(
    folder: str,
    a: str | None = None,
    b: str | None = None,
    product: str | None = "total",
    *,
    indicator: str | None = None,
    status: str | None = None,
    dialect: str = "duckdb",
    undirected: list[str] | None = None,
) -> str: ...
def sql_per_capita(
    folder: str,
    indicator: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    per: float = 1000.0,
    basis: str = "origin",
    product: str | None = "total",
    *,
    population: str,
    status: str | None = None,
    dialect: str = "duckdb",
    undirected: list[str] | None = None,
) -> str: ...
def sql_shares(
    folder: str,
    indicator: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    of: str | None = None,
    of_product: str = "total",
    period: _Period | None = None,
    *,
    status: str | None = None,
    dialect: str = "duckdb",
    undirected: list[str] | None = None,
) -> str: ...
def format_value(
    value: float, unit: str, qualifier: str = "exact", *, derived: bool = False
) -> str: ...
def read_text(
    text: str,
    *,
    pair: tuple[str, str] | None = None,
    source: str | None = None,
    published: str | None = None,
) -> Draft: ...
