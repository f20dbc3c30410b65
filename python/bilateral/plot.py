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

from . import _core
from .chart import Chart

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .store import Store

#: Colours of the first and second direction, and of targets and projections.
COLOURS = ("#1f6fb2", "#d9822b", "#6b6b6b")


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
    except ImportError as error:  # pragma: no cover - exercised by the no-matplotlib test
        raise ImportError(
            "charts need matplotlib: pip install 'bilateral[plot]' "
            "(everything else works without it)"
        ) from error
    return plt


def _amount_axis(ax: Axes, chart: Chart) -> None:
    from matplotlib.ticker import FuncFormatter

    unit = chart.unit
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda v, _: _core.format_value(v, unit, derived=True))
    )
    points = [p for line in chart.series for p in line["points"]]
    top = max([p["high"] for p in points] + [0.0])
    bottom = min([p["low"] for p in points] + [0.0])
    # Zero always shows; room above the highest bound for the legend.
    ax.set_ylim(bottom * 1.1, (top or 1.0) * 1.25)
    ax.grid(axis="y", color="#e5e5e5")
    ax.spines[["top", "right"]].set_visible(False)


def _error(point: dict[str, Any]) -> list[list[float]]:
    return [[point["value"] - point["low"]], [point["high"] - point["value"]]]


def draw(chart: Chart | dict[str, Any], ax: Axes | None = None) -> Figure:
    """Draw a report chart; on ``ax`` if given, else on a new figure. Returns the figure."""
    if isinstance(chart, dict):
        chart = Chart(**chart)
    plt = _pyplot()
    fig: Figure
    if ax is None:
        timeline = chart.kind == "timeline"
        height = 0.35 * len(chart.events) + 1.5 if timeline else 4.0
        fig, ax = plt.subplots(figsize=(13 if timeline else 8, max(height, 3.0)))
    else:
        root = ax.get_figure(root=True)
        if root is None:
            raise ValueError("the axes given to draw() belong to no figure")
        fig = root
    ax.set_title(chart.title, loc="left", fontsize=11, fontweight="bold")
    if chart.kind == "series":
        for line in chart.series:
            points = line["points"]
            colour = COLOURS[2] if line["dashed"] else COLOURS[0]
            xs = [p["x"] for p in points]
            ax.plot(
                xs,
                [p["value"] for p in points],
                color=colour,
                linestyle="--" if line["dashed"] else "-",
                marker="o",
                label=line["label"],
            )
            for p in points:
                ax.errorbar([p["x"]], [p["value"]], yerr=_error(p), color=colour, capsize=3)
        ax.set_xticks(sorted({int(p["x"]) + 0.5 for line in chart.series for p in line["points"]}))
        ax.set_xticklabels([str(int(x)) for x in ax.get_xticks()])
        _amount_axis(ax, chart)
        ax.set_ylabel(chart.unit)
        ax.legend(frameon=False)
    elif chart.kind == "directions":
        labels: list[str] = []
        for line in chart.series:
            for p in line["points"]:
                if p["label"] not in labels:
                    labels.append(p["label"])
        width = 0.8 / max(len(chart.series), 1)
        for i, line in enumerate(chart.series):
            for p in line["points"]:
                x = labels.index(p["label"]) - 0.4 + width * (i + 0.5)
                ax.bar(
                    x,
                    p["value"],
                    width * 0.95,
                    color=COLOURS[min(i, 1)],
                    label=line["label"] if p is line["points"][0] else None,
                )
                ax.errorbar([x], [p["value"]], yerr=_error(p), color="#222", capsize=3)
        ax.set_xticks(range(len(labels)))
        ax.set_xticklabels(labels)
        _amount_axis(ax, chart)
        ax.set_ylabel(chart.unit)
        ax.legend(frameon=False)
    elif chart.kind == "progress":
        names = [line["label"] for line in chart.series]
        for i, line in enumerate(chart.series):
            p = line["points"][0]
            if line["dashed"]:
                ax.barh(
                    i, p["value"], fill=False, edgecolor=COLOURS[2], linestyle="--", linewidth=2
                )
            else:
                ax.barh(i, p["value"], color=COLOURS[min(i, 1)])
            ax.text(
                p["value"],
                i,
                " " + _core.format_value(p["value"], chart.unit, derived=True),
                va="center",
            )
        ax.set_yticks(range(len(names)))
        ax.set_yticklabels(names)
        ax.invert_yaxis()
        ax.xaxis.set_visible(False)
        ax.spines[["top", "right", "bottom"]].set_visible(False)
    elif chart.kind == "timeline":
        events = chart.events
        ys = list(range(len(events)))
        ax.scatter([e["x"] for e in events], ys, color=COLOURS[0], zorder=3)
        # The labels stand in a column right of the time axis, one row per event.
        for y, e in zip(ys, events, strict=True):
            ax.text(
                1.03,
                y,
                f"{e['date']}  {e['title']}",
                transform=ax.get_yaxis_transform(),
                va="center",
                fontsize=8,
            )
            ax.axhline(y, color="#eeeeee", linewidth=0.8, zorder=1)
        ax.invert_yaxis()
        ax.yaxis.set_visible(False)
        ax.spines[["top", "right", "left"]].set_visible(False)
        if events:
            low = min(e["x"] for e in events)
            high = max(e["x"] for e in events)
            ax.set_xlim(low - 0.5, high + 0.5)
            from matplotlib.ticker import MaxNLocator

            ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        fig.subplots_adjust(left=0.03, right=0.36, top=0.95, bottom=0.06)
        return fig
    fig.tight_layout()
    return fig


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
