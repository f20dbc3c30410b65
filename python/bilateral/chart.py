"""A chart of a report: what it shows, the points to draw, and its SVG.

A :class:`Chart` holds the chart's data as plain Python values; its SVG is drawn in
Rust from that data (``bilateral._core.Chart``), and :meth:`Chart.figure` draws it
with matplotlib (``pip install bilateral[plot]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import _core, _draw

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Chart:
    """A chart of a report: what it shows and the points to draw.

    ``kind`` is ``series`` (a series over time, targets and projections dashed),
    ``directions`` (both directions side by side), ``progress`` (a year's actual and
    run rate against its target) or ``timeline`` (events). Each of ``series`` is a dict
    with ``label``, ``dashed`` and ``points`` (dicts with ``label``, ``x``, ``value``,
    ``low``, ``high``, ``note``, ``gap_before`` (true where a period is missing before
    the point, so the line leaves a gap) and ``text`` (the figure as the report's
    sentences write it, rounded and qualified, which the HTML tooltips show).
    """

    kind: str
    title: str
    unit: str
    indicator: str | None = None
    product: str | None = None
    origin: str | None = None
    destination: str | None = None
    series: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def _of(cls, native: _core.Chart) -> Chart:
        """The chart of a native chart."""
        return cls(**native.to_dict())

    def to_dict(self) -> dict[str, Any]:
        """The chart as plain data (the JSON form)."""
        return {
            "kind": self.kind,
            "indicator": self.indicator,
            "product": self.product,
            "origin": self.origin,
            "destination": self.destination,
            "title": self.title,
            "unit": self.unit,
            "series": self.series,
            "events": self.events,
        }

    def svg(self) -> str:
        """The chart as an inline SVG element (drawn in Rust; no matplotlib needed), from
        the chart's data as it is now."""
        return _core.Chart.from_dict(self.to_dict()).svg()

    def figure(self) -> Figure:
        """The chart as a matplotlib figure (needs ``pip install bilateral[plot]``)."""
        return _draw.draw(self)

    def _repr_svg_(self) -> str:
        return self.svg()
