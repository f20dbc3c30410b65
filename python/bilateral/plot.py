"""Charts with matplotlib (``pip install bilateral[plot]``).

The charts are the report's: their points come from Rust, so a chart here shows the
same figures, bounds and statuses as the HTML report. :func:`draw` draws any chart of
a report; :func:`series`, :func:`directions`, :func:`progress` and :func:`timeline`
find one for a store and draw it.

>>> import bilateral, bilateral.plot
>>> fig = bilateral.plot.series(bilateral.demo(), "corridor_cargo", "AZE", "KAZ")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _core, _draw
from ._draw import COLOURS
from .chart import Chart

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .store import Store

__all__ = ["COLOURS", "directions", "draw", "progress", "series", "timeline"]


def draw(chart: Chart | dict[str, Any], ax: Axes | None = None) -> Figure:
    """Draw a report chart (a :class:`~bilateral.Chart` or its ``to_dict()`` form); on
    ``ax`` if given, else on a new figure. Returns the figure."""
    if isinstance(chart, dict):
        chart = Chart(**chart)
    return _draw.draw(chart, ax)


def _find(store: Store, a: str, b: str, kind: str, **match: str | None) -> Chart:
    report = store.report(a, b)
    for chart in report.charts():
        if chart.kind == kind and all(getattr(chart, k) == v for k, v in match.items()):
            return chart
    wanted = ", ".join(f"{k}={v}" for k, v in match.items() if v is not None)
    error = _core.NotFoundError(f"chart not found: {kind} chart for {wanted} between {a} and {b}")
    error.what, error.key = "chart", f"{kind} {wanted}"
    raise error


def series(
    store: Store, indicator: str, origin: str, destination: str, product: str = "total"
) -> Figure:
    """A series over the calendar years, with targets and projections dashed."""
    o, d = store.country(origin)["alpha3"], store.country(destination)["alpha3"]
    chart = _find(store, str(o), str(d), "series", indicator=indicator, product=product)
    return draw(chart)


def directions(store: Store, indicator: str, a: str, b: str, product: str = "total") -> Figure:
    """The two directions of a directed indicator side by side, period by period."""
    return draw(_find(store, a, b, "directions", indicator=indicator, product=product))


def progress(
    store: Store, indicator: str, origin: str, destination: str, product: str = "total"
) -> Figure:
    """A year's actual and run rate against its target."""
    return draw(_find(store, origin, destination, "progress", indicator=indicator, product=product))


def timeline(store: Store, a: str, b: str) -> Figure:
    """The events between two countries on a time line."""
    return draw(_find(store, a, b, "timeline"))
