"""Frozen result objects for the reports that answer one question.

The numbers are computed in Rust; these classes only hold them and show them: as
attributes, as a dict (``to_dict()``), as readable text (``repr``) and as an HTML table
in Jupyter (``_repr_html_``). A field ``x`` with siblings ``x_low`` and ``x_high`` is
shown with its bounds.
"""

from __future__ import annotations

import dataclasses
import html
import math
import warnings
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from ._core import format_value


@dataclass(frozen=True)
class Result:
    """Base of the result classes: dict, text and HTML views of the fields."""

    #: Fields in the unit of the series (shown as "4.5 million t").
    _amounts: ClassVar[tuple[str, ...]] = ()
    #: Fields that are fractions (shown as percentages).
    _fractions: ClassVar[tuple[str, ...]] = ()
    #: Fields that are already percentages.
    _percents: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        """The fields as a plain dict."""
        return dataclasses.asdict(self)

    def _show(self, name: str, value: Any) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return str(value)
        if name in self._amounts:
            return format_value(float(value), str(getattr(self, "unit", "")), derived=True)
        if name in self._fractions:
            return f"{value * 100:.2f} %"
        if name in self._percents:
            return f"{value:.2f} %"
        if isinstance(value, int):
            return str(value)
        return f"{value:.6g}"

    def _lines(self) -> list[tuple[str, str]]:
        names = [f.name for f in dataclasses.fields(self)]
        lines = []
        for name in names:
            if name.endswith(("_low", "_high")) and name.rsplit("_", 1)[0] in names:
                continue
            text = self._show(name, getattr(self, name))
            low, high = getattr(self, f"{name}_low", None), getattr(self, f"{name}_high", None)
            if low is not None and high is not None and low != high:
                text += f"  [{self._show(name, low)} – {self._show(name, high)}]"
            lines.append((name, text))
        return lines

    def __repr__(self) -> str:
        lines = self._lines()
        width = max(len(name) for name, _ in lines)
        body = "\n".join(f"  {name:<{width}}  {text}" for name, text in lines)
        return f"{type(self).__name__}\n{body}"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(name)}</th>"
            f"<td style='text-align:left'>{html.escape(text)}</td></tr>"
            for name, text in self._lines()
        )
        return f"<table><caption>{type(self).__name__}</caption>{rows}</table>"


@dataclass(frozen=True, repr=False)
class Change(Result):
    """How a series moved between two periods of the same length."""

    series: str
    unit: str
    start: str
    end: str
    start_value: float
    end_value: float
    change: float
    change_low: float
    change_high: float
    ratio: float
    ratio_low: float
    ratio_high: float
    pct: float
    pct_low: float
    pct_high: float
    years: float
    cagr: float | None
    cagr_low: float | None
    cagr_high: float | None

    _amounts: ClassVar[tuple[str, ...]] = ("start_value", "end_value", "change")
    _fractions: ClassVar[tuple[str, ...]] = ("cagr",)
    _percents: ClassVar[tuple[str, ...]] = ("pct",)


@dataclass(frozen=True, repr=False)
class TargetProgress(Result):
    """How far a year's actuals are towards the year's target."""

    series: str
    unit: str
    year: int
    target: float
    actual: float
    actual_low: float
    actual_high: float
    actual_period: str
    months_elapsed: int
    share_of_target: float
    share_of_target_low: float
    share_of_target_high: float
    share_of_year: float
    run_rate: float
    run_rate_low: float
    run_rate_high: float
    run_rate_share: float
    run_rate_share_low: float
    run_rate_share_high: float
    actual_monthly: float
    required_monthly: float | None
    required_monthly_low: float | None
    required_monthly_high: float | None
    on_track: bool

    _amounts: ClassVar[tuple[str, ...]] = (
        "target",
        "actual",
        "run_rate",
        "actual_monthly",
        "required_monthly",
    )
    _fractions: ClassVar[tuple[str, ...]] = ("share_of_target", "share_of_year", "run_rate_share")


@dataclass(frozen=True, repr=False)
class RequiredGrowth(Result):
    """The growth rate a target or projection implies, beside the series' own record."""

    series: str
    unit: str
    base_period: str
    base_value: float
    target_period: str
    target_value: float
    target_status: str
    years: float
    required_cagr: float
    required_cagr_low: float
    required_cagr_high: float
    historical_start: str | None
    historical_cagr: float | None
    historical_cagr_low: float | None
    historical_cagr_high: float | None

    _amounts: ClassVar[tuple[str, ...]] = ("base_value", "target_value")
    _fractions: ClassVar[tuple[str, ...]] = ("required_cagr", "historical_cagr")


@dataclass(frozen=True)
class Skipped:
    """Rows of a file an import passed over, all for one reason; or, for the reasons
    "already stored" and a UN Comtrade net weight not reported, figures (``counts``
    says which: a UN Comtrade row gives two figures, its value and its net weight)."""

    reason: str
    rows: int
    first_line: int
    counts: Literal["rows", "figures"] = "rows"


@dataclass(frozen=True)
class ImportResult:
    """What an import read from a file, wrote to the store, and passed over (and why).

    ``rows_read`` counts the file's data rows, ``figures_written`` the observations
    added or replacing stored ones (a row may give none, one, or two); ``skipped``
    holds one entry per reason, with the file's line of the first row skipped for it.
    ``read`` and ``written``, the older names of the two counts, still work with a
    DeprecationWarning.
    """

    format: str | None
    rows_read: int
    figures_written: int
    skipped: tuple[Skipped, ...] = ()

    @classmethod
    def from_dict(cls, summary: dict[str, Any]) -> ImportResult:
        """The result from the native store's dict."""
        skipped = tuple(Skipped(**entry) for entry in summary["skipped"])
        rows = int(summary.get("rows_read", summary.get("read", 0)))
        figures = int(summary.get("figures_written", summary.get("written", 0)))
        return cls(summary["format"], rows, figures, skipped)

    @property
    def read(self) -> int:
        """Deprecated: the data rows read, now ``rows_read``."""
        warnings.warn(
            "ImportResult.read is deprecated: use rows_read (rows of the file)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.rows_read

    @property
    def written(self) -> int:
        """Deprecated: the figures written, now ``figures_written``."""
        warnings.warn(
            "ImportResult.written is deprecated: use figures_written (observations stored)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.figures_written

    @property
    def rows_skipped(self) -> int:
        """Rows of the file passed over for reasons of the file (an aggregate partner,
        a missing value …); figures already stored are not among them."""
        return sum(s.rows for s in self.skipped if s.counts == "rows")

    @property
    def figures_already_stored(self) -> int:
        """Figures the store passed over because it held them already."""
        return sum(s.rows for s in self.skipped if s.reason == "already stored")

    @property
    def skipped_rows(self) -> int:
        """Rows passed over for all reasons and figures already stored, added together
        (``rows_skipped`` and ``figures_already_stored`` tell them apart); UN Comtrade
        net weights not reported, figures of rows whose value is stored, are not
        among them."""
        return self.rows_skipped + self.figures_already_stored

    def __repr__(self) -> str:
        text = f"read {counted(self.rows_read, 'rows')} ({self.format}), "
        text += f"wrote {counted(self.figures_written, 'figures')}"
        for s in self.skipped:
            text += f"; skipped {counted(s.rows, s.counts)} "
            text += f"({s.reason}, first at line {s.first_line})"
        return f"<ImportResult: {text}>"

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(repr(self)[1:-1])}</p>"


def counted(n: int, things: str) -> str:
    """`n` and the plural noun `things`, singular for one: "1 row", "2 figures"."""
    return f"{n} {things[:-1] if n == 1 and things.endswith('s') else things}"
