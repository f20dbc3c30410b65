"""One store file shared by several processes and threads: writers queue instead of
failing, opening a new or old file together works for all, every write lands once;
and a path is a file name, never an SQLite URI."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import bilateral
import pytest

pytestmark = pytest.mark.slow

#: BILATERAL_STRESS multiplies the work (CI runs it at 1).
STRESS = int(os.environ.get("BILATERAL_STRESS", "1"))

WRITER = """
import sys
import bilateral

path, writer, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
failures = 0
with bilateral.Store(path) as store:
    for i in range(count):
        period = f"{1900 + i // 12}-{i % 12 + 1:02}"
        try:
            store.add("exports", "GEO", "ARM", period, i, product=f"w{writer}")
            store.observations(indicator="exports", product=f"w{writer}")
        except bilateral.BilateralError as error:
            failures += 1
            print(type(error).__name__, error, file=sys.stderr)
print(failures)
"""

OPENER = """
import sys
import bilateral

with bilateral.Store(sys.argv[1]) as store:
    print(store.schema_version)
"""


def run_together(script: str, arguments: list[list[str]]) -> list[str]:
    """Runs `script` in one process per argument list, all at once; their outputs."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in arguments
    ]
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        outputs.append(out.strip())
    return outputs


def test_eight_processes_writing_at_once_queue_and_every_write_lands_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shared.db"
    bilateral.Store(path).close()
    each = 200 * STRESS
    failures = run_together(WRITER, [[str(path), str(w), str(each)] for w in range(8)])
    assert failures == ["0"] * 8
    with bilateral.Store(path) as store:
        stored = store.observations(indicator="exports")
        assert len(stored) == 8 * each
        # Each writer's figures once each: 0, 1, …, each - 1.
        assert sorted(stored[stored["product"] == "w3"]["value"]) == list(range(each))


def test_eight_processes_opening_a_new_file_at_once_all_open_it(tmp_path: Path) -> None:
    path = str(tmp_path / "new.db")
    versions = run_together(OPENER, [[path]] * 8)
    assert versions == [str(bilateral.SCHEMA_VERSION)] * 8


def test_four_threads_on_one_store_each_write_lands_once(tmp_path: Path) -> None:
    store = bilateral.Store(tmp_path / "threads.db")
    each = 100 * STRESS
    errors: list[BaseException] = []

    def write(thread: int) -> None:
        try:
            for i in range(each):
                period = f"{1900 + i // 12}-{i % 12 + 1:02}"
                store.add("exports", "GEO", "ARM", period, i, product=f"t{thread}")
        except BaseException as error:  # noqa: BLE001 - the test reports any
            errors.append(error)

    threads = [threading.Thread(target=write, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.observations(indicator="exports")) == 4 * each


URI = """
import bilateral

with bilateral.Store("file:x.db?mode=memory") as store:
    store.add("tourists", "GEO", "ARM", 2024, 1200000)
"""


def test_a_path_that_reads_as_an_sqlite_uri_is_a_file_of_that_name(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-c", URI], cwd=tmp_path, check=True)
    with bilateral.Store(tmp_path / "file:x.db?mode=memory") as store:
        assert list(store.observations()["value"]) == [1_200_000]
