"""Type stubs for the native module ``bilateral._core`` (the Rust core)."""

from collections.abc import Iterable, Mapping
from os import PathLike
from types import TracebackType
from typing import Any, Literal, final

import pandas as pd

from ._results import Change, RequiredGrowth, TargetProgress
from .report import Report

__all__ = [
    "BilateralError",
    "CoreReport",
    "DuplicateError",
    "NotFoundError",
    "SCHEMA_VERSION",
    "SchemaError",
    "Store",
    "ValidationError",
    "chart_svg",
    "datasets",
    "demo",
    "format_value",
    "normalize_period",
    "__version__",
]

__version__: str
SCHEMA_VERSION: int

class BilateralError(Exception):
    """Base class of every error raised by bilateral."""

class ValidationError(BilateralError, ValueError):
    """Bad input: ``field``, ``record`` (index in a batch, or None), ``text`` and ``reason``."""

    field: str | None
    record: int | None
    text: str
    reason: str

class DuplicateError(ValidationError):
    """The observation is already stored (pass ``replace=True`` to overwrite)."""

    key: str

class NotFoundError(BilateralError, LookupError):
    """Something asked for is not in the store: ``what`` and ``key`` say what."""

    what: str
    key: str

class SchemaError(BilateralError):
    """The file is not a bilateral store this version can open."""

_Period = str | int

@final
class Store:
    """A store of bilateral observations in SQLite, in memory or in a file."""

    def __new__(cls, path: str | PathLike[str] | None = None) -> Store: ...
    @property
    def path(self) -> str | None: ...
    @property
    def schema_version(self) -> int: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(
        self,
        *_args: type[BaseException] | BaseException | TracebackType | None,
    ) -> bool: ...
    def load_dataset(self, name: str) -> dict[str, int]: ...
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
        replace: bool = False,
    ) -> None: ...
    def add_many(
        self, records: Iterable[Mapping[str, Any]] | pd.DataFrame, *, replace: bool = False
    ) -> int: ...
    def add_indicator(
        self,
        code: str,
        name: str,
        unit: str,
        kind: Literal["flow", "stock"],
        directed: bool,
        *,
        signed: bool = False,
        description: str | None = None,
        topic: Literal[
            "trade", "investment", "transport", "people", "cooperation", "other"
        ] = "other",
    ) -> bool: ...
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
    ) -> pd.DataFrame: ...
    def indicators(self) -> pd.DataFrame: ...
    def sources(self) -> pd.DataFrame: ...
    def events(self, a: str | None = None, b: str | None = None) -> pd.DataFrame: ...
    def growth(
        self,
        indicator: str,
        origin: str,
        destination: str,
        product: str = "total",
        *,
        status: str | None = None,
    ) -> pd.DataFrame: ...
    def change(
        self,
        indicator: str,
        origin: str,
        destination: str,
        start: _Period,
        end: _Period,
        product: str = "total",
        *,
        status: str | None = None,
    ) -> Change: ...
    def shares(
        self,
        indicator: str,
        origin: str,
        destination: str,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
    ) -> pd.DataFrame: ...
    def per_capita(
        self,
        indicator: str,
        origin: str,
        destination: str,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str = "total",
        *,
        status: str | None = None,
    ) -> pd.DataFrame: ...
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
        indicator: str,
        a: str,
        b: str,
        product: str = "total",
        *,
        status: str | None = None,
    ) -> pd.DataFrame: ...
    def report(self, a: str, b: str) -> Report: ...
    def pairs(self) -> list[tuple[str, str, int]]: ...
    def summary(self) -> str: ...

@final
class CoreReport:
    """The Rust report behind ``bilateral.Report``."""

    def to_markdown(self) -> str: ...
    def to_html(self) -> str: ...
    def to_html_fragment(self) -> str: ...
    def to_json(self) -> str: ...
    def render(self, format: str) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def chart_svg(chart_json: str) -> str: ...
def demo() -> Store: ...
def datasets() -> list[str]: ...
def normalize_period(text: _Period) -> str: ...
def format_value(
    value: float, unit: str, qualifier: str = "exact", *, derived: bool = False
) -> str: ...
