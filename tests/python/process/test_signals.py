"""Signals during long store calls: Ctrl-C stops them with the handler's exception, and
a handler that uses the store it interrupted gets an error instead of a deadlock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import bilateral
import pytest

pytestmark = pytest.mark.slow


def big_store() -> bilateral.Store:
    """2,000 products over 10 years: a report naming every product (``top=2_000``)
    takes a second or more in a debug build."""
    store = bilateral.Store()
    store.add_indicator("exports", "Exports", "USD", "flow", directed=True)
    store.add_many(
        {
            "indicator": "exports",
            "origin": "GEO",
            "destination": "ARM",
            "product": f"p{product}",
            "period": str(2000 + year),
            "value": 1_000 + product + year,
        }
        for product in range(2_000)
        for year in range(10)
    )
    return store


def test_ctrl_c_stops_a_long_report_with_the_handlers_keyboard_interrupt() -> None:
    store = big_store()
    started = time.monotonic()
    store.report("GEO", "ARM", top=2_000)
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

    timer = threading.Timer(whole / 10, send)
    try:
        timer.start()
        with pytest.raises(Stop):
            store.report("GEO", "ARM", top=2_000)
        stopped = time.monotonic()
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    # Without the check the handler would run only once the report was done, nine
    # tenths of `whole` after the signal; with it, within a check's interval.
    assert stopped - sent[0] < whole / 2
    # The store is whole and answers again.
    assert store.observations(indicator="exports").shape[0] == 20_000


# Run in a child process: were the handler to wait for the store's lock, the test would
# hang rather than fail.
REENTRY = """
import signal, sys
sys.path[:0] = {path!r}
from test_signals import big_store

store = big_store()
seen = []
signal.signal(signal.SIGALRM, lambda signum, frame: seen.append(repr(store)))
signal.setitimer(signal.ITIMER_REAL, 0.2)
report = store.report("GEO", "ARM", top=2_000)
print(seen, "of p1999 " in report.headline[0])
"""


def test_a_signal_handler_using_the_store_it_interrupted_gets_an_error_not_a_deadlock() -> None:
    script = REENTRY.format(path=[os.path.dirname(__file__)])
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    # The handler's repr found the store busy and said so without a count; the report
    # then went on to its end: its summary's line is the largest product's, p1999
    # (1,000 + 1,999 + 9 = $3,008 in 2009), known only once all 2,000 were read.
    assert done.stdout.split() == ["['<bilateral.Store", "in", "memory>']", "True"]


def test_ctrl_c_during_add_many_either_writes_nothing_or_says_the_call_finished(
    tmp_path: Path,
) -> None:
    """Sent at points spread over the call: reading the records, checking, writing,
    committing. A write stopped in time leaves nothing and a retry succeeds; one too
    late to stop raises with a note that it finished, and everything is stored."""
    records = [
        {
            "indicator": "exports",
            "origin": "GEO",
            "destination": "ARM",
            "product": f"p{i // 1200}",
            "period": f"{1900 + (i % 1200) // 12}-{i % 12 + 1:02}",
            "value": i,
        }
        for i in range(60_000)
    ]
    started = time.monotonic()
    bilateral.Store(tmp_path / "timing.db").add_many(records)
    whole = time.monotonic() - started

    class Stop(KeyboardInterrupt):
        """What this test's SIGINT handler raises."""

    def handler(signum: int, frame: object) -> None:
        raise Stop

    previous = signal.signal(signal.SIGINT, handler)
    try:
        for i, share in enumerate((0.05, 0.3, 0.6, 0.9, 0.97)):
            store = bilateral.Store(tmp_path / f"{i}.db")
            timer = threading.Timer(whole * share, os.kill, (os.getpid(), signal.SIGINT))
            timer.start()
            returned, stopped = False, None
            try:
                store.add_many(records)
                returned = True
                timer.join()  # a signal after the call is handled here
            except Stop as error:
                stopped = error
            timer.join()
            stored = len(store.observations(indicator="exports"))
            if returned:
                assert stored == len(records)
            elif stored:
                assert stored == len(records)
                assert any("already finished" in n for n in getattr(stopped, "__notes__", []))
            else:
                assert store.add_many(records) == len(records)
    finally:
        signal.signal(signal.SIGINT, previous)
