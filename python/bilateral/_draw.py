"""Drawing a report chart with matplotlib, for :meth:`bilateral.Chart.figure` and
:func:`bilateral.plot.draw`, and a stored series, for :func:`bilateral.plot.series`.

matplotlib is imported only when a chart is drawn, so this module (and the package)
imports without it. Figures are made outside pyplot and the backend is never chosen
here, so a notebook's own plots keep working (:mod:`bilateral._figure`). It reads a
chart's attributes or a stored series' points only, so at run time it imports nothing
of the package but the native core (for numbers in words).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from ._core import format_value

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .chart import Chart

#: Colours of the first and second direction, and of targets and projections.
COLOURS = ("#1f6fb2", "#d9822b", "#6b6b6b")


def new_figure(width: float, height: float) -> Figure:
    """A new figure to draw on, outside pyplot: the backend and pyplot's figures are
    left alone (see :mod:`bilateral._figure`)."""
    try:
        from ._figure import InlineFigure
    except ImportError as error:  # pragma: no cover - exercised by the no-matplotlib test
        raise ImportError(
            "charts need matplotlib: pip install 'bilateral[plot]' "
            "(everything else works without it)"
        ) from error
    return InlineFigure(figsize=(width, height))


def figure_of(ax: Axes) -> Figure:
    """The figure the axes belong to."""
    root = ax.get_figure(root=True)
    if root is None:
        raise ValueError("the axes given to draw belong to no figure")
    return root


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
    if ax is None:
        timeline = chart.kind == "timeline"
        height = 0.35 * len(chart.events) + 1.5 if timeline else 4.0
        fig = new_figure(13 if timeline else 8, max(height, 3.0))
        ax = fig.add_subplot()
    else:
        fig = figure_of(ax)
    ax.set_title(chart.title, loc="left", fontsize=11, fontweight="bold")
    if chart.kind == "series":
        for line in chart.series:
            points = line["points"]
            colour = COLOURS[2] if line["dashed"] else COLOURS[0]
            # A missing year leaves a gap: NaN lifts the pen, as the SVG's path does.
            xs: list[float] = []
            ys: list[float] = []
            for p in points:
                if p.get("gap_before"):
                    xs.append(math.nan)
                    ys.append(math.nan)
                xs.append(p["x"])
                ys.append(p["value"])
            ax.plot(
                xs,
                ys,
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
                # the figure as the sentences write it (rounded to what its inputs justify)
                " " + (p.get("text") or format_value(p["value"], chart.unit, derived=True)),
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


@dataclass(frozen=True)
class StoredPoint:
    """One stored figure of a series: its period's first and last day, and its bounds."""

    start: date
    end: date
    value: float
    low: float
    high: float

    @property
    def months(self) -> int | None:
        """The period's length in whole months; None for a period that is not whole
        months (a day, say)."""
        after = self.end + timedelta(days=1)
        if self.start.day != 1 or after.day != 1:
            return None
        return (after.year - self.start.year) * 12 + after.month - self.start.month

    @property
    def middle(self) -> datetime:
        """Where the period stands on the date axis: halfway through it."""
        start = datetime(self.start.year, self.start.month, self.start.day)
        return start + (self.end - self.start + timedelta(days=1)) / 2


@dataclass(frozen=True)
class StoredLine:
    """A series' figures of one status (or the measured ones), to draw as one line."""

    label: str
    dashed: bool
    points: list[StoredPoint] = field(default_factory=list)


#: How a period of so many months is named in the legend.
LENGTHS = {12: "yearly", 6: "half-yearly", 3: "quarterly", 1: "monthly"}
MARKERS = ("o", "s", "^", "D", "v")


def with_gaps(points: list[StoredPoint]) -> list[StoredPoint]:
    """Points of one period length in order, with a NaN point wherever a period is
    missing between two of them, so the line breaks there instead of bridging it.
    Periods that are not whole months (stocks measured on a day) are never broken."""
    ordered = sorted(points, key=lambda p: p.start)
    out: list[StoredPoint] = []
    for point in ordered:
        if out and point.months is not None:
            previous = out[-1]
            first_missing = previous.end + timedelta(days=1)
            if point.start > first_missing:
                last_missing = point.start - timedelta(days=1)
                out.append(StoredPoint(first_missing, last_missing, math.nan, math.nan, math.nan))
        out.append(point)
    return out


def stored_series(title: str, unit: str, lines: list[StoredLine], ax: Axes | None) -> Figure:
    """Draw a stored series (:func:`bilateral.plot.series`) on a date axis: a line per
    status and period length, broken where a period is missing, bounds as a band (and
    as an error bar on a point that stands alone). Returns the figure."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.ticker import FuncFormatter

    if ax is None:
        fig = new_figure(8, 4)
        ax = fig.add_subplot()
    else:
        fig = figure_of(ax)
    lengths = sorted({p.months for line in lines for p in line.points}, key=lambda m: -(m or 0))
    lowest = 0.0
    for line in lines:
        colour = COLOURS[2] if line.dashed else COLOURS[0]
        for i, months in enumerate(lengths):
            points = with_gaps([p for p in line.points if p.months == months])
            if not points:
                continue
            label = line.label
            if len(lengths) > 1:
                label += ", " + (
                    LENGTHS.get(months or 0) or (f"{months} months" if months else "days")
                )
            xs = np.array([p.middle for p in points], dtype="datetime64[s]")
            ax.plot(
                xs,
                [p.value for p in points],
                color=colour,
                linestyle="--" if line.dashed else "-",
                marker=MARKERS[i % len(MARKERS)],
                label=label,
            )
            if any(p.low != p.high for p in points):
                lows, highs = [p.low for p in points], [p.high for p in points]
                ax.fill_between(xs, lows, highs, color=colour, alpha=0.15, linewidth=0)
                # A band needs two neighbours; a point alone shows its bounds as a bar.
                for j, p in enumerate(points):
                    alone = all(
                        k < 0 or k >= len(points) or math.isnan(points[k].value)
                        for k in (j - 1, j + 1)
                    )
                    if alone and p.low != p.high:
                        err = [[p.value - p.low], [p.high - p.value]]
                        ax.errorbar(xs[j : j + 1], [p.value], yerr=err, color=colour, capsize=3)
            lowest = min([lowest] + [p.low for p in points if not math.isnan(p.low)])
    # matplotlib's date ticks are untyped.
    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_value(v, unit, derived=True)))
    # Zero always shows, so a change reads at its true size.
    ax.set_ylim(bottom=lowest * 1.1)
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    ax.set_ylabel(unit)
    ax.grid(axis="y", color="#e5e5e5")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig
