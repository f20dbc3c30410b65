"""What an import read, wrote and passed over (:class:`ImportResult`), and the base
:class:`Result` of the one-answer results.

The one-answer results (:class:`~bilateral.Change`, :class:`~bilateral.TargetProgress`,
:class:`~bilateral.RequiredGrowth`) are native, frozen classes of ``bilateral._core``,
built in Rust from the analysis' own struct: attributes, ``to_dict()``, a readable
``repr``, an HTML table in Jupyter, equality, hashing and pickling are theirs.
"""

from __future__ import annotations

import abc
import html
import warnings
from dataclasses import dataclass
from typing import Any, Literal

from ._core import Change, RequiredGrowth, TargetProgress


class Result(abc.ABC):  # noqa: B024 (a marker the native classes register with)
    """What the one-answer results are: ``isinstance(store.change(...), Result)``."""


for _native in (Change, TargetProgress, RequiredGrowth):
    Result.register(_native)


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
