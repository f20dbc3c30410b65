"""Long imports: progress told stage by stage (a callable, or tqdm bars), a stop by the
callable or by Ctrl-C that leaves the store as it was, and the format guessed."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import types
from pathlib import Path
from typing import Any

import bilateral
import pytest

HEADER = "indicator,origin,destination,product,period,value\n"


def tourists_csv(tmp_path: Path, rows: int) -> Path:
    """`rows` monthly export figures: a hundred years from January 1900 for each
    product in turn."""
    lines = [HEADER]
    for row in range(rows):
        product, month = divmod(row, 1200)
        year, month = 1900 + month // 12, month % 12 + 1
        lines.append(f"exports,GEO,ARM,p{product},{year}-{month:02},{1000 + row}\n")
    path = tmp_path / "tourists.csv"
    path.write_text("".join(lines))
    return path


def test_a_callable_is_told_each_stage_ending_at_its_total(tmp_path: Path) -> None:
    path = tourists_csv(tmp_path, 25_000)
    told: list[tuple[str, int, int]] = []
    result = bilateral.Store().import_csv(
        path, progress=lambda stage, done, total: told.append((stage, done, total))
    )
    assert (result.rows_read, result.figures_written, result.skipped) == (25_000, 25_000, ())
    # Rows are counted every 10,000 and at the end of a stage.
    for stage in ("checking", "writing"):
        counts = [(done, total) for s, done, total in told if s == stage]
        assert counts == [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]
    size = path.stat().st_size
    assert [t for t in told if t[0] == "reading"][-1] == ("reading", size, size)
    assert [t[0] for t in told] == sorted(
        (t[0] for t in told), key=["reading", "checking", "writing"].index
    )


def test_what_the_callable_raises_stops_the_import_and_writes_nothing(tmp_path: Path) -> None:
    path = tourists_csv(tmp_path, 25_000)

    class Enough(Exception):
        """Raised by this test's callable."""

    def stop_when_writing(stage: str, done: int, total: int) -> None:
        if stage == "writing":
            raise Enough

    store = bilateral.Store()
    with pytest.raises(Enough):
        store.import_csv(path, progress=stop_when_writing)
    assert len(store.observations()) == 0


def test_the_default_progress_is_a_tqdm_bar_per_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tqdm is not a dependency: a stand-in module records what a bar is asked."""
    bars: list[dict[str, Any]] = []

    class Bar:
        def __init__(self, **options: Any) -> None:
            self.record = {"options": options, "updates": 0, "closed": False}
            bars.append(self.record)

        def update(self, n: int) -> None:
            self.record["updates"] += n

        def close(self) -> None:
            self.record["closed"] = True

    auto = types.ModuleType("tqdm.auto")
    auto.tqdm = Bar  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm", types.ModuleType("tqdm"))
    monkeypatch.setitem(sys.modules, "tqdm.auto", auto)
    path = tourists_csv(tmp_path, 25_000)
    bilateral.Store().import_csv(path)
    assert [b["options"]["desc"] for b in bars] == [
        "import: reading",
        "import: checking",
        "import: writing",
    ]
    # Each bar ends full and closed; it shows only after half a second.
    assert [b["updates"] for b in bars] == [path.stat().st_size, 25_000, 25_000]
    assert all(b["closed"] and b["options"]["delay"] == 0.5 for b in bars)


def test_progress_true_without_tqdm_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    path = tourists_csv(tmp_path, 1)
    with pytest.raises(ImportError, match="pip install tqdm"):
        bilateral.Store().import_csv(path, progress=True)
    # Without tqdm the default shows nothing and imports all the same.
    assert bilateral.Store().import_csv(path).figures_written == 1


@pytest.mark.slow
def test_ctrl_c_stops_a_long_import_and_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    path = tourists_csv(tmp_path, 200_000)
    started = time.monotonic()
    bilateral.Store().import_csv(path, progress=False)
    whole = time.monotonic() - started

    class Stop(KeyboardInterrupt):
        """What this test's SIGINT handler raises, to tell it from any other."""

    def handler(signum: int, frame: object) -> None:
        raise Stop

    previous = signal.signal(signal.SIGINT, handler)
    sent: list[float] = []

    def send() -> None:
        sent.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    store = bilateral.Store()
    timer = threading.Timer(whole / 10, send)
    try:
        timer.start()
        with pytest.raises(Stop):
            store.import_csv(path, progress=False)
        stopped = time.monotonic()
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert stopped - sent[0] < whole / 2
    assert len(store.observations()) == 0


def test_import_file_guesses_the_format_from_the_header(tmp_path: Path) -> None:
    path = tmp_path / "figures.txt"
    path.write_text("value,period,destination,origin,indicator\n1200000,2024,ARM,GEO,tourists\n")
    result = bilateral.Store().import_file(path)
    assert (result.format, result.rows_read, result.figures_written) == ("csv", 1, 1)


def test_a_file_of_no_known_format_is_a_validation_error_naming_format(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_text("country;year;amount\nGEO;2024;1\n")
    with pytest.raises(bilateral.ValidationError) as caught:
        bilateral.Store().import_file(path)
    assert (caught.value.field, caught.value.record) == ("format", 1)


def test_rows_already_stored_are_counted_as_skipped(tmp_path: Path) -> None:
    path = tmp_path / "tourists.csv"
    demo = bilateral.demo()
    demo.export_csv(path, indicator="tourists")
    result = demo.import_csv(path, on_duplicate="skip")
    # The built-in dataset's four tourist figures, all already stored.
    assert (result.rows_read, result.figures_written, result.skipped_rows) == (4, 0, 4)
    assert result.skipped[0].reason == "already stored"
    assert repr(result) == (
        "<ImportResult: read 4 rows (csv), wrote 0 figures; "
        "skipped 4 figures (already stored, first at line 2)>"
    )


COMTRADE = """\
period,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,netWgt,primaryValue
2024,KAZ,X,31,AZE,0101,2500,1200000
2024,KAZ,X,0,W00,0101,9000,5000000
"""


def test_rows_read_and_figures_written_are_counted_apart(tmp_path: Path) -> None:
    path = tmp_path / "TradeData.csv"
    path.write_text(COMTRADE)
    store = bilateral.Store()
    result = store.import_comtrade_csv(path)
    # Two rows: line 2 gives two figures (its value and its net weight), line 3 is the
    # World, an aggregate, skipped.
    assert (result.rows_read, result.figures_written) == (2, 2)
    assert (result.rows_skipped, result.figures_already_stored) == (1, 0)
    assert repr(result) == (
        "<ImportResult: read 2 rows (comtrade), wrote 2 figures; "
        "skipped 1 row (partner World is an aggregate, first at line 3)>"
    )
    again = store.import_comtrade_csv(path, on_duplicate="skip")
    # The same two figures, both stored already; the World row skipped again.
    assert (again.rows_read, again.figures_written) == (2, 0)
    assert (again.rows_skipped, again.figures_already_stored) == (1, 2)
    assert [(s.reason, s.rows, s.counts) for s in again.skipped] == [
        ("partner World is an aggregate", 1, "rows"),
        ("already stored", 2, "figures"),
    ]


def test_the_older_names_of_the_counts_still_work_with_a_warning() -> None:
    result = bilateral.ImportResult("csv", 3, 5)
    with pytest.warns(DeprecationWarning, match="rows_read"):
        assert result.read == 3
    with pytest.warns(DeprecationWarning, match="figures_written"):
        assert result.written == 5
