"""A store after ``os.fork()``: the child gets an error that says to open the store
again, never the parent's connection and never a wait for a lock that a thread of the
parent held at the fork; the parent's store goes on as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform"),
]

# What the scripts below share: `in_child(use)` forks, runs `use()` in the child and
# returns what it said through a pipe and its exit code, or "hung" after 20 s.
IN_CHILD = """
import gc, os, select, signal, sys, threading, time, warnings
sys.path[:0] = {path!r}
warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads running
import bilateral
from test_signals import big_store

def in_child(use):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            said, code = use(), 0
        except BaseException as error:
            said, code = f"{{type(error).__name__}}: {{error}}", 3
        os.write(write, said.encode())
        os._exit(code)
    os.close(write)
    said = b""
    while select.select([read], [], [], 20)[0]:
        chunk = os.read(read, 4096)
        if not chunk:
            break
        said += chunk
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return "hung"
    return said.decode(), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
"""

A_FILE_STORE = """
store = bilateral.Store(sys.argv[1])
store.add_indicator("exports", "Exports", "USD", "flow", directed=True)
store.add("exports", "GEO", "ARM", "2024", 100)

def use_the_parents_store():
    return str(len(store.observations()))

def close_drop_and_open_again():
    global store
    store.close()
    del store
    gc.collect()
    again = bilateral.Store(sys.argv[1])
    again.add("exports", "GEO", "ARM", "2025", 150)
    count = len(again.observations())
    again.close()
    return str(count)

print(in_child(use_the_parents_store))
print(in_child(close_drop_and_open_again))
# The parent's connection was neither used nor closed by the children.
store.add("exports", "GEO", "ARM", "2023", 50)
print(len(store.observations()))
"""


def test_a_child_using_its_parents_store_is_told_to_open_it_again(tmp_path: Path) -> None:
    script = IN_CHILD.format(path=[os.path.dirname(__file__)]) + A_FILE_STORE
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    first, second, parent = done.stdout.splitlines()
    assert first == (
        "('BilateralError: the store was opened in another process (this one was forked "
        "from it): open the store again in this process, bilateral.Store(path)', 3)"
    )
    # Closing and dropping the inherited store did nothing to the file; a store opened
    # in the child sees the parent's one observation and adds its own.
    assert second == "('2', 0)"
    # The parent's store, after both children: 100, 150 and now 50.
    assert parent == "3"


A_THREAD_INSIDE_A_CALL = """
store = big_store()
started = time.monotonic()
store.report("GEO", "ARM", top=2_000)
whole = time.monotonic() - started

done = []
thread = threading.Thread(target=lambda: done.append(store.report("GEO", "ARM", top=2_000)))
thread.start()
time.sleep(whole / 3)
# The thread holds the store's lock at the fork; in the child that lock stays held by a
# thread that does not exist there.
inside = thread.is_alive() and not done
print(inside, in_child(lambda: str(len(store.observations()))))
thread.join()
print(len(done), len(store.observations()))
"""


def test_a_child_forked_while_a_thread_is_inside_a_call_gets_the_error_not_a_hang() -> None:
    script = IN_CHILD.format(path=[os.path.dirname(__file__)]) + A_THREAD_INSIDE_A_CALL
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    forked, parent = done.stdout.splitlines()
    assert forked.startswith("True ('BilateralError: the store was opened in another process")
    assert forked.endswith("', 3)")
    # The parent's report finished and the store holds its 2,000 × 10 figures.
    assert parent == "1 20000"
