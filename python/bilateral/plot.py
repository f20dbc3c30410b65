"""Charts with matplotlib (``pip install bilateral[plot]``).

The charts are the report's: their points come from Rust, so a chart here shows the
same figures, bounds and statuses as the HTML report. :func:`draw` draws any chart of
a report; :func:`directions`, :func:`progress` and :func:`timeline` find one for a
store and draw it. :func:`series` draws any series the store holds, a report's or not.

Every figure is a :class:`matplotlib.figure.Figure` made outside pyplot: nothing here
chooses a backend or adds to pyplot's figures, so a notebook's own ``plt.plot`` and
``df.plot`` work as before. In Jupyter the figure shows as an image when it is the
last value of a cell (or given to ``display``); elsewhere ``fig.savefig(path)`` writes
it, or pass ``ax=`` of a pyplot figure of your own to draw into that one.

>>> import bilateral, bilateral.plot
>>> fig = bilateral.plot.series(bilateral.demo(), "corridor_cargo", "AZE", "KAZ")  # doctest: +SKIP
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from . import _core, _draw
from ._draw import COLOURS
from .chart import Chart
from .table import table_frame

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


def _not_found(what: str, key: str, message: str) -> _core.NotFoundError:
    error = _core.NotFoundError(message)
    error.what, error.key = what, key
    return error


def series(
    store: Store,
    indicator: str,
    origin: str,
    destination: str,
    product: str = "total",
    *,
    status: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """One stored series over its periods, bounds as a shaded band; on ``ax`` if given,
    else on a new figure. Returns the figure.

    Any series the store holds draws, not only those a report shows: yearly,
    half-yearly, quarterly and monthly periods on a date axis, each at its middle. A
    missing period breaks the line instead of bridging it, and periods of different
    lengths (a year and its first seven months, say) are never joined.

    Without ``status`` the measured figures draw solid (in a period with several, the
    one the analyses use: actual before provisional before estimate), and targets and
    projections dashed; with ``status``, only figures of that status draw.
    """
    indicators = store.indicators()
    row = indicators[indicators["code"] == indicator]
    if row.empty:
        raise _not_found("indicator", indicator, f"indicator not found: {indicator}")
    # Start and end of each period, to place it on the date axis and find the gaps.
    stored = store.observations(indicator, origin, destination, product)
    spans: dict[str, tuple[date, date]] = {
        period: (start.date(), end.date())
        for period, start, end in zip(stored["period"], stored["start"], stored["end"], strict=True)
    }
    lines: list[_draw.StoredLine] = []
    for wanted in [status] if status else [None, "target", "projection"]:
        # The growth frame is the series the analyses read: one figure a period. Taken
        # over every product (a filter with a key open), where a series without figures
        # is no row rather than an error, then narrowed to the product.
        rows = table_frame(store._inner.growth(indicator, origin, destination, None, status=wanted))
        rows = rows[rows["product"] == product]
        if rows.empty:
            continue
        points = [
            _draw.StoredPoint(spans[period][0], spans[period][1], value, low, high)
            for period, value, low, high in zip(
                rows["period"], rows["value"], rows["low"], rows["high"], strict=True
            )
        ]
        label = wanted or "measured"
        lines.append(
            _draw.StoredLine(label, dashed=wanted in ("target", "projection"), points=points)
        )
    if not lines:
        key = f"{indicator} {product} {origin}-{destination}" + (f" {status}" if status else "")
        raise _not_found("series", key, f"series not found: {key}")
    o, d = store.country(origin)["alpha3"], store.country(destination)["alpha3"]
    title = f"{row['name'].iloc[0]}, {o}–{d}" + ("" if product == "total" else f", {product}")
    return _draw.stored_series(title, str(row["unit"].iloc[0]), lines, ax)


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
