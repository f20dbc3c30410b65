"""bilateral: an embedded SQLite store of bilateral country metrics.

Every figure keeps its period, qualifier ("over", "around"), status, source and quote;
derived numbers carry bounds that follow from the qualifiers.

>>> import bilateral
>>> store = bilateral.demo()
>>> df = store.observations(indicator="tourists", origin="AZE", destination="KAZ")
>>> df[["period", "value", "low", "high"]].values.tolist()[-1]
['2024', 102000.0, 102000.0, 103000.0]
"""

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
