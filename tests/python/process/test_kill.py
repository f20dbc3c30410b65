"""SIGKILL at random instants of a process writing to a store file: after every kill the
file passes SQLite's integrity check and holds whole write calls only, every call that
returned and at most the one that was committing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import bilateral
import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL here"),
]

#: BILATERAL_STRESS multiplies the kills (CI runs it at 1: 20 kills of batch writes and
#: 5 of an import).
STRESS = int(os.environ.get("BILATERAL_STRESS", "1"))

#: Records per batch: each batch is one `add_many`, its records the months of one
#: product named after the batch.
BATCH = 600

BATCH_WRITER = """
import sys
import bilateral

path, batch, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
store = bilateral.Store(path)
print("open", flush=True)
while True:
    store.add_many(
        {"indicator": "exports", "origin": "GEO", "destination": "ARM",
          "product": f"b{batch}", "period": f"{1900 + i // 12}-{i % 12 + 1:02}",
          "value": i}
        for i in range(size)
    )
    print(batch, flush=True)
    batch += 1
"""


def new_store(path: Path) -> None:
    """A new store file with the exports indicator, its WAL files gone too."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    with bilateral.Store(path) as store:
        store.add_indicator("exports", "Exports", "USD", "flow", directed=True)


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return ", ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))


def records_by_product(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT product, count(*) FROM observation_view GROUP BY product")
        return dict(rows.fetchall())


def test_sigkill_during_batch_writes_leaves_whole_batches_and_a_sound_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kill.db"
    chance = random.Random(int(os.environ.get("BILATERAL_SEED", "14")))
    kills, reset_every = 20 * STRESS, 5
    reported_batches = 0  # batches the writers said were committed, since the last reset
    batches_seen = []
    for kill in range(kills):
        if kill % reset_every == 0:
            new_store(path)
            reported_batches = 0
        stored = records_by_product(path)
        child = subprocess.Popen(
            [sys.executable, "-c", BATCH_WRITER, str(path), str(len(stored)), str(BATCH)],
            stdout=subprocess.PIPE,
            text=True,
        )
        # Every other kill counts from the start, and lands during start-up or opening
        # as often as not; the others count from the store being open, so that they
        # land while batches are written and committed (a batch takes a few hundredths
        # of a second) however slowly a busy machine starts Python.
        lines = []
        if kill % 2 == 1:
            assert child.stdout is not None
            lines.append(child.stdout.readline())
        time.sleep(chance.uniform(0.05, 0.5))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        reported = [int(line) for line in "".join(lines + [out]).split() if line != "open"]
        assert reported == list(range(len(stored), len(stored) + len(reported)))
        reported_batches = len(stored) + len(reported)

        assert integrity(path) == "ok"
        stored = records_by_product(path)
        # Every batch reported is there, and perhaps the one committed but not yet
        # reported; each of them whole.
        assert len(stored) in (reported_batches, reported_batches + 1)
        assert stored == {f"b{batch}": BATCH for batch in range(len(stored))}
        batches_seen.append(len(stored))
    # The kills did land between writes, not all before the first one.
    assert max(batches_seen) > 0


IMPORTER = """
import sys
import bilateral

store = bilateral.Store(sys.argv[1])
store.import_csv(sys.argv[2])
print("imported", flush=True)
"""


def test_sigkill_during_a_csv_import_leaves_all_of_it_or_none(tmp_path: Path) -> None:
    path, csv = tmp_path / "import.db", tmp_path / "big.csv"
    rows = 60_000
    with csv.open("w") as out:
        out.write("indicator,origin,destination,product,period,value\n")
        for i in range(rows):
            out.write(f"exports,GEO,ARM,p{i // 600},{1900 + i % 600 // 12}-{i % 12 + 1:02},{i}\n")
    new_store(path)
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", IMPORTER, str(path), str(csv)], check=True)
    whole = time.monotonic() - started
    assert sum(records_by_product(path).values()) == rows

    chance = random.Random(int(os.environ.get("BILATERAL_SEED", "14")))
    outcomes = []
    for _ in range(5 * STRESS):
        new_store(path)
        child = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(path), str(csv)],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(chance.uniform(0.1, whole))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        assert integrity(path) == "ok"
        stored = sum(records_by_product(path).values())
        assert stored in (0, rows)
        if out == "imported\n":
            assert stored == rows
        outcomes.append(stored)
    # Most kills land inside the import (it takes most of `whole`): none of it stays.
    assert 0 in outcomes
