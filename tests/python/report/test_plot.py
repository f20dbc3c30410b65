"""Charts with matplotlib: figures made outside pyplot, and any stored series drawn
with its gaps, on figures made up here."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from datetime import datetime

import bilateral
import pytest

pytest.importorskip("matplotlib")

import bilateral.plot  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def _store(periods: dict[str, float], *, about: bool = False) -> bilateral.Store:
    """Rail cargo from Georgia to Türkiye in the periods given; "about" each figure gives
    it bounds."""
    store = bilateral.Store()
    store.add_indicator("rail_cargo", "Rail cargo", "t", "flow", directed=False)
    store.add_many(
        [
            {
                "indicator": "rail_cargo",
                "origin": "GEO",
                "destination": "TUR",
                "period": period,
                "value": value,
                **({"qualifier": "about"} if about else {}),
            }
            for period, value in periods.items()
        ]
    )
    return store


def _ydata(fig: Figure) -> list[float]:
    return [float(y) for y in fig.axes[0].lines[0].get_ydata()]


def _same(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(
        (math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b, strict=True)
    )


@pytest.mark.slow
def test_plotting_leaves_the_notebook_backend_and_pyplots_figures_alone() -> None:
    # A backend other than Agg, as a notebook has its inline one; in a fresh process so
    # the backend chosen is the one MPLBACKEND names.
    code = (
        "import sys, matplotlib\n"
        "import bilateral, bilateral.plot\n"
        "store = bilateral.demo()\n"
        "bilateral.plot.series(store, 'corridor_cargo', 'AZE', 'KAZ')\n"
        "bilateral.plot.directions(store, 'tourists', 'AZE', 'KAZ')\n"
        "store.report('AZE', 'KAZ').chart_figures()\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'\n"
        "import matplotlib.pyplot as plt\n"
        "mine = plt.figure()\n"
        "before = (matplotlib.get_backend(), plt.get_fignums())\n"
        "bilateral.plot.series(store, 'tourists', 'AZE', 'KAZ')\n"
        "store.report('AZE', 'KAZ').chart_figures()\n"
        "after = (matplotlib.get_backend(), plt.get_fignums())\n"
        "assert before == after == ('svg', [mine.number]), (before, after)\n"
        "assert plt.gcf() is mine\n"
    )
    env = {**os.environ, "MPLBACKEND": "svg"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


def test_a_figure_shows_itself_as_png_without_pyplot() -> None:
    fig = bilateral.plot.series(bilateral.demo(), "tourists", "AZE", "KAZ")
    assert isinstance(fig, Figure)
    assert fig._repr_png_().startswith(b"\x89PNG\r\n\x1a\n")  # type: ignore[attr-defined]


def test_a_missing_year_breaks_the_line() -> None:
    store = _store({"2019": 10.0, "2020": 12.0, "2022": 15.0, "2023": 16.0})
    fig = bilateral.plot.series(store, "rail_cargo", "GEO", "TUR")
    assert _same(_ydata(fig), [10.0, 12.0, math.nan, 15.0, 16.0])
    # Each year at its middle; the break stands in for 2021.
    xs = list(fig.axes[0].lines[0].get_xdata())
    assert xs[0] == datetime(2019, 7, 2, 12) and xs[2] == datetime(2021, 7, 2, 12)


def test_a_quarterly_series_draws_on_a_date_axis_with_its_gap() -> None:
    store = _store({"2024-Q1": 1.0, "2024-Q2": 2.0, "2024-Q4": 4.0, "2025-Q1": 5.0})
    fig = bilateral.plot.series(store, "rail_cargo", "Georgia", "Türkiye")
    assert _same(_ydata(fig), [1.0, 2.0, math.nan, 4.0, 5.0])
    # January to March 2024 is 91 days: its middle is noon on 15 February.
    assert fig.axes[0].lines[0].get_xdata()[0] == datetime(2024, 2, 15, 12)
    assert "Rail cargo, GEO–TUR" in fig.axes[0].get_title(loc="left")


def test_a_monthly_series_draws_and_a_year_beside_it_is_a_line_of_its_own() -> None:
    store = _store({"2024-01": 3.0, "2024-02": 4.0, "2024-04": 6.0, "2024": 50.0})
    fig = bilateral.plot.series(store, "rail_cargo", "GEO", "TUR")
    lines = {line.get_label(): [float(y) for y in line.get_ydata()] for line in fig.axes[0].lines}
    assert _same(lines["measured, monthly"], [3.0, 4.0, math.nan, 6.0])
    assert lines["measured, yearly"] == [50.0]


def test_bounds_draw_as_a_band() -> None:
    fig = bilateral.plot.series(
        _store({"2022": 100.0, "2023": 200.0}, about=True), "rail_cargo", "GEO", "TUR"
    )
    assert len(fig.axes[0].collections) == 1  # the band between low and high


def test_targets_draw_dashed_and_status_picks_one_kind_of_figure() -> None:
    store = bilateral.demo()
    fig = bilateral.plot.series(store, "corridor_cargo", "AZE", "KAZ")
    dashed = [line.get_label() for line in fig.axes[0].lines if line.get_linestyle() == "--"]
    assert dashed == ["target, yearly"]
    only = bilateral.plot.series(store, "corridor_cargo", "AZE", "KAZ", status="target")
    assert [line.get_label() for line in only.axes[0].lines] == ["target"]
    assert _ydata(only) == [5_200_000.0]


def test_a_series_the_store_lacks_is_not_found() -> None:
    store = _store({"2024": 1.0})
    with pytest.raises(bilateral.NotFoundError, match="series not found"):
        bilateral.plot.series(store, "rail_cargo", "GEO", "TUR", product="coal")
    with pytest.raises(bilateral.NotFoundError, match="indicator not found"):
        bilateral.plot.series(store, "road_cargo", "GEO", "TUR")


def test_a_series_draws_on_the_axes_given() -> None:
    fig = Figure()
    left, right = fig.subplots(1, 2)
    drawn = bilateral.plot.series(_store({"2024": 1.0}), "rail_cargo", "GEO", "TUR", ax=right)
    assert drawn is fig and right.lines and not left.lines
