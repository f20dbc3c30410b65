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
    assert (result.read, result.written, result.skipped) == (25_000, 25_000, ())
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
    assert bilateral.Store().import_csv(path).written == 1


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
    assert (result.format, result.read, result.written) == ("csv", 1, 1)


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
    assert (result.read, result.written, result.skipped_rows) == (4, 0, 4)
    assert result.skipped[0].reason == "already stored"
    assert "skipped 4 (already stored" in repr(result)
