"""bilateral: an embedded SQLite store of bilateral country metrics.

Every figure keeps its period, qualifier ("over", "around"), status, source and quote;
derived numbers carry bounds that follow from the qualifiers.

>>> import bilateral
>>> store = bilateral.demo()
>>> df = store.observations(indicator="tourists", origin="AZE", destination="KAZ")
>>> df[["period", "value", "low", "high"]].values.tolist()[-1]
['2024', 102000.0, 102000.0, 103000.0]
"""

from typing import Literal

from . import sql
from ._core import (
    SCHEMA_VERSION,
    TOPIC_WORDS,
    BilateralError,
    BusyError,
    Change,
    ClosedError,
    DuplicateError,
    NotFoundError,
    RequiredGrowth,
    SchemaError,
    TargetProgress,
    ValidationError,
    __version__,
    datasets,
    format_value,
    normalize_period,
)
from ._results import ImportResult, Result, Skipped
from .chart import Chart
from .report import Finding, FindingFigure, Report, Section
from .store import Store, demo
from .table import Table
from .text import Draft, read_text

ErrorKind = Literal[
    "unknown_country",
    "same_country",
    "bad_period",
    "unknown_indicator",
    "unknown_source",
    "bad_qualifier",
    "bad_status",
    "bad_value",
    "thousands_separators",
    "missing_mark_as_text",
    "unmapped_code",
    "invalid",
    "duplicate",
    "not_found",
    "schema",
    "io",
    "closed",
    "interrupted",
    "busy",
    "full",
    "other",
]
"""What went wrong, as the ``kind`` of every :class:`BilateralError` says it: a stable
snake_case name per kind of the library's errors (as pydantic names its error
``type``), for a program to branch on; ``_core.ERROR_KINDS`` has them in the same
order. No exception has ``io``, ``interrupted`` or ``full``: Python's own OSError and
KeyboardInterrupt stand for them. New kinds may come in a minor release."""

__all__ = [
    "SCHEMA_VERSION",
    "TOPIC_WORDS",
    "BilateralError",
    "BusyError",
    "Change",
    "ImportResult",
    "Chart",
    "ClosedError",
    "Draft",
    "DuplicateError",
    "ErrorKind",
    "Finding",
    "FindingFigure",
    "NotFoundError",
    "Report",
    "RequiredGrowth",
    "Result",
    "SchemaError",
    "Section",
    "Skipped",
    "Store",
    "Table",
    "TargetProgress",
    "ValidationError",
    "__version__",
    "datasets",
    "demo",
    "format_value",
    "normalize_period",
    "read_text",
    "sql",
]
