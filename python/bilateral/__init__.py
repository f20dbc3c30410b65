"""bilateral: an embedded SQLite store of bilateral country metrics.

Every figure keeps its period, qualifier ("over", "around"), status, source and quote;
derived numbers carry bounds that follow from the qualifiers.

>>> import bilateral
>>> store = bilateral.demo()
>>> df = store.observations(indicator="tourists", origin="AZE", destination="KAZ")
>>> df[["period", "value", "low", "high"]].values.tolist()[-1]
['2024', 102000.0, 102000.0, 103000.0]
"""

from ._core import (
    SCHEMA_VERSION,
    BilateralError,
    DuplicateError,
    NotFoundError,
    SchemaError,
    Store,
    ValidationError,
    __version__,
    datasets,
    demo,
    format_value,
    normalize_period,
)
from ._results import Change, RequiredGrowth, Result, TargetProgress
from .report import Chart, Report, Section

__all__ = [
    "SCHEMA_VERSION",
    "BilateralError",
    "Change",
    "Chart",
    "DuplicateError",
    "NotFoundError",
    "Report",
    "RequiredGrowth",
    "Result",
    "SchemaError",
    "Section",
    "Store",
    "TargetProgress",
    "ValidationError",
    "__version__",
    "datasets",
    "demo",
    "format_value",
    "normalize_period",
]
