"""Drawing a report chart with matplotlib, for :meth:`bilateral.Chart.figure` and
:func:`bilateral.plot.draw`.

matplotlib is imported only when a chart is drawn, so this module (and the package)
imports without it. It reads a chart's attributes only, so at run time it imports
nothing of the package but the native core (for numbers in words).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._core import format_value

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .chart import Chart

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
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_value(v, unit, derived=True)))
    points = [p for line in chart.series for p in line["points"]]
    top = max([p["high"] for p in points] + [0.0])
    bottom = min([p["low"] for p in points] + [0.0])
    # Zero always shows; room above the highest bound for the legend.
    ax.set_ylim(bottom * 1.1, (top or 1.0) * 1.25)
    ax.grid(axis="y", color="#e5e5e5")
    ax.spines[["top", "right"]].set_visible(False)


def _error(point: dict[str, Any]) -> list[list[float]]:
    return [[point["value"] - point["low"]], [point["high"] - point["value"]]]


def draw(chart: Chart, ax: Axes | None = None) -> Figure:
    """Draw a report chart; on ``ax`` if given, else on a new figure. Returns the figure."""
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
                " " + format_value(p["value"], chart.unit, derived=True),
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
