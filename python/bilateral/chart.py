"""A chart of a report: what it shows, the points to draw, and its SVG.

A :class:`Chart` holds the native chart (``bilateral._core.Chart``), which draws its
own SVG in Rust; :meth:`Chart.figure` draws it with matplotlib
(``pip install bilateral[plot]``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from . import _core, _draw

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class Chart:
    """A chart of a report: what it shows and the points to draw.

    ``kind`` is ``series`` (a series over time, targets and projections dashed),
    ``directions`` (both directions side by side), ``progress`` (a year's actual and
    run rate against its target) or ``timeline`` (events). Each of ``series`` is a dict
    with ``label``, ``dashed`` and ``points`` (dicts with ``label``, ``x``, ``value``,
    ``low``, ``high``, ``note``, ``gap_before`` (true where a period is missing before
    the point, so the line leaves a gap) and ``text`` (the figure as the report's
    sentences write it, rounded and qualified, which the HTML tooltips show).

    A chart is made from its data (``Chart(**chart.to_dict())`` makes an equal one);
    data that is not a chart's is a :class:`ValidationError` on ``chart``.
    """

    __slots__ = ("_events", "_native", "_series")
    _native: _core.Chart
    _series: list[dict[str, Any]] | None
    _events: list[dict[str, Any]] | None

    def __init__(
        self,
        kind: str,
        title: str,
        unit: str,
        indicator: str | None = None,
        product: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        series: Iterable[Mapping[str, Any]] = (),
        events: Iterable[Mapping[str, Any]] = (),
    ) -> None:
        native = _core.Chart(
            kind, title, unit, indicator, product, origin, destination, series, events
        )
        self._set(native)

    def _set(self, native: _core.Chart) -> None:
        object.__setattr__(self, "_native", native)
        # The lists of series and events, made from the native chart on first use.
        object.__setattr__(self, "_series", None)
        object.__setattr__(self, "_events", None)

    @classmethod
    def _of(cls, native: _core.Chart) -> Chart:
        """The chart of a native chart."""
        chart = cls.__new__(cls)
        chart._set(native)
        return chart

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Chart is frozen: cannot set {name!r}")

    @property
    def kind(self) -> str:
        """``series``, ``directions``, ``progress`` or ``timeline``."""
        return self._native.kind

    @property
    def title(self) -> str:
        """The title."""
        return self._native.title

    @property
    def unit(self) -> str:
        """The unit of the values."""
        return self._native.unit

    @property
    def indicator(self) -> str | None:
        """The indicator drawn (None for a timeline)."""
        return self._native.indicator

    @property
    def product(self) -> str | None:
        """The product drawn."""
        return self._native.product

    @property
    def origin(self) -> str | None:
        """The origin of the series drawn."""
        return self._native.origin

    @property
    def destination(self) -> str | None:
        """The destination of the series drawn."""
        return self._native.destination

    @property
    def series(self) -> list[dict[str, Any]]:
        """The series drawn (the same list on every use: a change to it is drawn)."""
        if self._series is None:
            object.__setattr__(self, "_series", self._native.series)
        assert self._series is not None
        return self._series

    @property
    def events(self) -> list[dict[str, Any]]:
        """The events of a timeline (the same list on every use)."""
        if self._events is None:
            object.__setattr__(self, "_events", self._native.events)
        assert self._events is not None
        return self._events

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

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Chart):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Chart(kind={self.kind!r}, title={self.title!r}, unit={self.unit!r})"

    def svg(self) -> str:
        """The chart as an inline SVG element (drawn in Rust; no matplotlib needed), from
        the chart's data as it is now: the native chart, or, once ``series`` or
        ``events`` has been handed out (and may have been changed), a native chart made
        again from them."""
        if self._series is None and self._events is None:
            return self._native.svg()
        data = self.to_dict()
        return _core.Chart(**data).svg()

    def figure(self) -> Figure:
        """The chart as a matplotlib figure (needs ``pip install bilateral[plot]``)."""
        return _draw.draw(self)

    def _repr_svg_(self) -> str:
        return self.svg()
