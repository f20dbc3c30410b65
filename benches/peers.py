"""bilateral beside SQLite's own floor and the tools an analyst would use instead, on the
same data in the same run: each goal of issue 25 is a row with its ratio and whether it
is met.

    make bench                                   # 1,000,000 rows, 3 rounds
    BILATERAL_BENCH_ROWS=100000 make bench       # smaller
    BILATERAL_BENCH_ROWS=10000000 python benches/peers.py
        # ingest and growth() alone at 10M rows, with peak memory (not in CI)
    BILATERAL_BENCH_SCALE=1 python benches/peers.py
        # the same at 1M and at 10M rows, with peak memory per row at each size

The floor is SQLite alone on the store's own file, through Python's sqlite3 module (its
SQLite is the system's, printed beside the one bilateral bundles): a scan that reads
every column a bulk read of the store reads (one aggregate query, so no Python object per
row), and the same rows inserted in key order into the same `WITHOUT ROWID` table of an
empty store with no binding at all (staged, untimed, as the store's ids in an attached
in-memory table; timed: one INSERT … SELECT, the commit, and the close that checkpoints
the write-ahead log, as a store's close does). The floor file is checked to read back,
through bilateral, equal to the store bilateral wrote.

Peak memory is measured in a fresh process per task (Linux): the input is built, freed
memory handed back to the system (gc, malloc_trim), the peak resident size reset
(/proc/self/clear_refs), the task run, and the new peak (VmHWM) less the resident size
before it is the task's. Resident size counts what Rust allocates, which tracemalloc
does not see.

The data: real ISO alpha-3 codes, directed pairs with both directions, 5 indicators
(exports and imports among them, for the mirror table; more when the pairs run out, at
10M rows), 25 years, rows in year-major order as annual releases arrive. Rounds are
interleaved (each round runs every task once) and the table shows medians. Speed is
measured here, never asserted.
"""

from __future__ import annotations

import ctypes
import gc
import importlib.metadata
import json
import math
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import bilateral
import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BILATERAL_BENCH_ROWS", "1000000"))
ROUNDS = int(os.environ.get("BILATERAL_BENCH_ROUNDS", "3"))
SCALE = os.environ.get("BILATERAL_BENCH_SCALE", "") not in ("", "0")
SCALE_SIZES = (1_000_000, 10_000_000)
# Above this the peers are left out: each would take minutes and gigabytes.
LARGEST_WITH_PEERS = 2_000_000
YEARS = 25
FIRST_YEAR = 2000
MIN_INDICATORS = 5
KEYS = ["indicator", "origin", "destination"]
# A report on one pair: exports of 2,000 products each way over 25 years, beside a
# yearly trade total: 100,025 rows, the largest size `cargo bench --bench report` runs.
REPORT_PRODUCTS = 2_000
REPORT_GOAL_SECONDS = 1.0
# date.toordinal() plus this is the Julian day number the store keeps as start_day.
JULIAN_DAY_OF_ORDINAL_ZERO = 1_721_425

# The current `observation` table (schema.sql, version 5): its columns, and its key.
COLUMNS = (
    "origin_id, destination_id, indicator_id, product_id, start_day, end_day, status, "
    "source_key, period_text, value, qualifier, low, high, source_id, quote, note"
)
PRIMARY_KEY = (
    "origin_id, destination_id, indicator_id, product_id, start_day, end_day, status, source_key"
)
STATUS_ACTUAL = 0
QUALIFIER_EXACT = 1
# Every column of SELECT_ROWS (src/store/table.rs), the store's bulk read, each read by
# SQLite alone: one row comes back.
FLOOR_SCAN = """SELECT count(*), sum(origin_id), sum(destination_id), sum(indicator_id),
    sum(product_id), sum(start_day), sum(end_day), sum(length(period_text)), sum(value),
    sum(qualifier), sum(low), sum(high), sum(status), sum(source_id), sum(length(quote)),
    sum(length(note))
FROM observation"""


@dataclass(frozen=True)
class Data:
    """Generated observations as positions (the floor stages ids from them) and as the
    text columns a frame holds."""

    indicators: list[str]
    pairs: np.ndarray  # alpha-3 codes, one (origin, destination) row per pair
    indicator: np.ndarray  # per observation: its position in `indicators`
    pair: np.ndarray  # per observation: its position in `pairs`
    year: np.ndarray
    value: np.ndarray

    def __len__(self) -> int:
        return len(self.value)

    def columns(self) -> dict[str, np.ndarray]:
        return {
            "indicator": np.array(self.indicators)[self.indicator],
            "origin": self.pairs[self.pair, 0],
            "destination": self.pairs[self.pair, 1],
            "period": self.year.astype("U4"),
            "value": self.value,
        }

    def describe(self) -> str:
        return (
            f"{len(self):,} observations ({len(self.pairs):,} directed pairs × "
            f"{len(self.indicators)} indicators × {YEARS} years)"
        )


def generate(rows: int) -> Data:
    """About `rows` observations (a whole number of pairs): each pair of countries in
    both directions, 5 indicators, or more where the pairs run out."""
    codes = [c["alpha3"] for c in json.loads((ROOT / "data/countries.json").read_text())]
    every = [pair for i, a in enumerate(codes) for b in codes[i + 1 :] for pair in ((a, b), (b, a))]
    indicators = max(MIN_INDICATORS, math.ceil(rows / (YEARS * len(every))))
    pairs = max(rows // (indicators * YEARS), 1)
    names = ["exports", "imports", *(f"ind{i}" for i in range(2, indicators))]
    year = np.repeat(np.arange(FIRST_YEAR, FIRST_YEAR + YEARS), pairs * indicators)
    pair = np.tile(np.repeat(np.arange(pairs), indicators), YEARS)
    indicator = np.tile(np.arange(indicators), pairs * YEARS)
    value = 1_000.0 + (year * 7 + pair * 13 + indicator) % 997
    return Data(names, np.array(every[:pairs]), indicator, pair, year, value)


def pandas_frame(data: Data) -> pd.DataFrame:
    return pd.DataFrame(data.columns())


def polars_frame(data: Data) -> pl.DataFrame:
    return pl.DataFrame(data.columns())


def arrow_table(data: Data) -> pa.Table:
    return pa.table({name: pa.array(values) for name, values in data.columns().items()})


FRAMES: dict[str, Callable[[Data], Any]] = {
    "pandas": pandas_frame,
    "polars": polars_frame,
    "arrow": arrow_table,
}
FRAME_BYTES: dict[str, Callable[[Any], int]] = {
    "pandas": lambda df: int(df.memory_usage(deep=True).sum()),
    "polars": lambda df: int(df.estimated_size()),
    "arrow": lambda table: int(table.nbytes),
}


def timed(work: Callable[..., object], *args: Any) -> float:
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


def bundled_sqlite_version() -> str:
    """The SQLite compiled into bilateral's extension: its version text, read from the
    binary (the library does not expose its connection)."""
    binary = Path(bilateral._core.__file__).read_bytes()
    found = set(re.findall(rb"\x00(3\.\d+\.\d+)\x00", binary))
    return found.pop().decode() if len(found) == 1 else "unknown"


# --- bilateral ------------------------------------------------------------------------


def empty_store(path: Path, indicators: list[str]) -> None:
    with bilateral.Store(path) as store:
        for code in indicators:
            store.add_indicator(code, code.capitalize(), "USD", "flow", directed=True)


def bilateral_ingest(frame: Any, path: Path) -> None:
    """Into `path`, an empty store with the indicators."""
    with bilateral.Store(path) as store:
        store.add_many(frame)


def bilateral_growth(path: Path, into: str = "pandas") -> Any:
    with bilateral.Store(path) as store:
        return store.growth(into=into)  # type: ignore[call-overload]


def bilateral_growth_arrow(path: Path) -> pa.Table:
    with bilateral.Store(path) as store:
        return store.growth(into="arrow").to_pyarrow()


def bilateral_observations(path: Path, into: str = "pandas") -> Any:
    with bilateral.Store(path) as store:
        return store.observations(into=into)  # type: ignore[call-overload]


def bilateral_observations_arrow(path: Path) -> pa.Table:
    """Into Arrow arrays a reader holds: the stream read into a pyarrow Table."""
    with bilateral.Store(path) as store:
        return store.observations(into="arrow").to_pyarrow()


# The other analyses, each over every series (or pair) of the store.
ANALYSES: dict[str, Callable[[bilateral.Store], object]] = {
    f"change {FIRST_YEAR} → {FIRST_YEAR + YEARS - 1}, every series": lambda store: store.change(
        start=FIRST_YEAR, end=FIRST_YEAR + YEARS - 1
    ),
    "shares of exports, every pair and indicator": lambda store: store.shares(of="exports"),
    "per capita of the origin, every series": lambda store: store.per_capita(),
    "asymmetry, every pair": lambda store: store.asymmetry(),
    "mirror table (exports beside imports), every pair": lambda store: store.mirror(),
}


def bilateral_analysis(name: str, path: Path) -> object:
    with bilateral.Store(path) as store:
        return ANALYSES[name](store)


def report_store(path: Path) -> int:
    """A store of one pair (Georgia, Armenia) as `cargo bench --bench report` makes it."""
    products = np.arange(REPORT_PRODUCTS)
    exports = pd.DataFrame(
        [
            {
                "indicator": "exports",
                "origin": origin,
                "destination": destination,
                "product": f"hs{product:06}",
                "period": str(FIRST_YEAR + year),
                "value": 1_000.0 * (1 + (product * 31 + year * 7) % 997),
            }
            for year in range(YEARS)
            for product in products.tolist()
            for origin, destination in (("GEO", "ARM"), ("ARM", "GEO"))
        ]
    )
    totals = pd.DataFrame(
        {
            "indicator": "trade_turnover",
            "origin": "GEO",
            "destination": "ARM",
            "period": [str(FIRST_YEAR + year) for year in range(YEARS)],
            "value": [1e9 * (1 + year / 10) for year in range(YEARS)],
        }
    )
    with bilateral.Store(path) as store:
        store.add_indicator("exports", "Exports", "USD", "flow", directed=True, topic="trade")
        store.add_indicator(
            "trade_turnover", "Trade turnover", "USD", "flow", directed=False, topic="trade"
        )
        return store.add_many(exports) + store.add_many(totals)


def bilateral_report(path: Path) -> object:
    with bilateral.Store(path) as store:
        return store.report("GEO", "ARM")


# --- SQLite alone: the floor ----------------------------------------------------------


def stage(data: Data, store: Path, staging: Path) -> None:
    """The rows as `store` keeps them (its ids, days and codes) in table `rows` of the
    file `staging`, in key order, so that the timed insert reads them in rowid order and
    SQLite needs no sorter. Untimed, once a run."""
    conn = sqlite3.connect(store)
    country = dict(conn.execute("SELECT alpha3, id FROM country").fetchall())
    indicator = dict(conn.execute("SELECT code, id FROM indicator").fetchall())
    (total,) = conn.execute("SELECT id FROM product WHERE code = 'total'").fetchone()
    conn.close()
    years = range(FIRST_YEAR, FIRST_YEAR + YEARS)
    first_day = np.array([date(y, 1, 1).toordinal() + JULIAN_DAY_OF_ORDINAL_ZERO for y in years])
    last_day = np.array([date(y, 12, 31).toordinal() + JULIAN_DAY_OF_ORDINAL_ZERO for y in years])
    origin = np.array([country[a] for a in data.pairs[:, 0]])[data.pair]
    destination = np.array([country[b] for b in data.pairs[:, 1]])[data.pair]
    indicator_id = np.array([indicator[code] for code in data.indicators])[data.indicator]
    start = first_day[data.year - FIRST_YEAR]
    end = last_day[data.year - FIRST_YEAR]
    # One product, status and source: the key is (origin, destination, indicator, start).
    order = np.lexsort((start, indicator_id, destination, origin))
    n = len(data)
    rows = zip(
        origin[order].tolist(),
        destination[order].tolist(),
        indicator_id[order].tolist(),
        [total] * n,
        start[order].tolist(),
        end[order].tolist(),
        [STATUS_ACTUAL] * n,
        [0] * n,  # source_key: no source
        data.year[order].astype(str).tolist(),
        data.value[order].tolist(),
        [QUALIFIER_EXACT] * n,
        data.value[order].tolist(),  # low and high: an exact figure
        data.value[order].tolist(),
        [None] * n,  # source_id, quote, note
        [None] * n,
        [None] * n,
        strict=True,
    )
    conn = sqlite3.connect(staging)
    conn.execute(f"CREATE TABLE rows ({COLUMNS})")
    with conn:
        conn.executemany(f"INSERT INTO rows VALUES ({', '.join('?' * 16)})", rows)
    conn.close()


def floor_insert(path: Path, staging: Path) -> dict[str, float]:
    """The staged rows into the empty store at `path` by SQLite alone, with the store's
    settings (write-ahead log, foreign keys on). Times the insert, the commit and the
    close (which checkpoints the log into the file), not the staging."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    (journal,) = conn.execute("PRAGMA journal_mode").fetchone()
    assert journal == "wal", journal
    conn.execute("ATTACH ? AS staged", (str(staging),))
    conn.execute("ATTACH ':memory:' AS staging")
    conn.execute("CREATE TABLE staging.rows AS SELECT * FROM staged.rows ORDER BY rowid")
    conn.execute("DETACH staged")
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute(
        f"INSERT INTO main.observation ({COLUMNS}) SELECT {COLUMNS} FROM staging.rows "
        "ORDER BY rowid"
    )
    inserted = time.perf_counter()
    conn.execute("COMMIT")
    committed = time.perf_counter()
    conn.execute("DETACH staging")
    closing = time.perf_counter()
    conn.close()
    closed = time.perf_counter()
    return {
        "insert": inserted - started,
        "commit": committed - inserted,
        "close": closed - closing,
    }


def floor_scan(path: Path) -> tuple[Any, ...]:
    conn = sqlite3.connect(path)
    row = conn.execute(FLOOR_SCAN).fetchone()
    conn.close()
    return tuple(row)


def check_floor(floor: Path, ours: Path, rows: int) -> None:
    """The floor wrote what bilateral wrote: the same count, and bilateral reads the two
    files back equal."""
    assert floor_scan(floor)[0] == rows, "the floor file lacks rows"
    pd.testing.assert_frame_equal(bilateral_observations(floor), bilateral_observations(ours))


# --- the peers ------------------------------------------------------------------------


def sqlite_ingest(df: pd.DataFrame, path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE obs (indicator TEXT, origin TEXT, destination TEXT, period TEXT, value REAL)"
    )
    with conn:
        conn.executemany(
            "INSERT INTO obs VALUES (?, ?, ?, ?, ?)", df.itertuples(index=False, name=None)
        )
    conn.close()


def pandas_ingest(df: pd.DataFrame, path: Path) -> None:
    conn = sqlite3.connect(path)
    df.to_sql("obs", conn, index=False)
    conn.close()


def duckdb_ingest(frame: Any, path: Path) -> None:
    con = duckdb.connect(str(path))
    con.register("frame", frame)
    con.execute("CREATE TABLE obs AS SELECT * FROM frame")
    con.close()


def polars_growth_in_memory(df: pl.DataFrame) -> pl.DataFrame:
    return df.sort([*KEYS, "period"]).with_columns(
        (pl.col("value").pct_change().over(KEYS) * 100).alias("pct")
    )


def pandas_growth(path: Path) -> pd.DataFrame:
    conn = sqlite3.connect(path)
    df = pd.read_sql("SELECT * FROM obs", conn)
    conn.close()
    df = df.sort_values([*KEYS, "period"])
    df["pct"] = df.groupby(KEYS)["value"].pct_change() * 100
    return df


def duckdb_growth(path: Path) -> pd.DataFrame:
    con = duckdb.connect(str(path), read_only=True)
    df = con.execute(
        "SELECT *, (value / LAG(value) OVER (PARTITION BY indicator, origin, destination "
        "ORDER BY period) - 1) * 100 AS pct FROM obs"
    ).df()
    con.close()
    return df


def pandas_observations(path: Path) -> pd.DataFrame:
    conn = sqlite3.connect(path)
    df = pd.read_sql("SELECT * FROM observation_view", conn)
    conn.close()
    return df


# --- peak memory, each task in a fresh process ----------------------------------------


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def memory_child(task: str, rows: int, path: Path) -> dict[str, Any]:
    """Runs `task` on `rows` generated observations and answers its time and peak
    resident memory above what the process held before it. "ingest-<frame>" writes into
    `path` (made here, an empty store), "growth" reads the store there into pandas."""
    data = generate(rows)
    if task.startswith("ingest-"):
        kind = task.removeprefix("ingest-")
        frame = FRAMES[kind](data)
        size = FRAME_BYTES[kind](frame)
        empty_store(path, data.indicators)
        with bilateral.Store() as warm:  # one-time costs (lazy imports) before the baseline
            for code in data.indicators:
                warm.add_indicator(code, code, "USD", "flow", directed=True)
            warm.add_many(frame[:1])

        def work() -> object:
            bilateral_ingest(frame, path)
            return None
    else:
        size = 0  # the result's, once there is one
        with bilateral.Store(path) as warm:
            warm.growth(data.indicators[0], *data.pairs[0])

        def work() -> object:
            return bilateral_growth(path)

    del data
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    before = _status_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again from here
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    peak = _status_kib("VmHWM") - before
    if isinstance(result, pd.DataFrame):
        size = int(result.memory_usage(deep=True).sum())
    return {"rows": rows, "seconds": seconds, "peak": peak * 1024, "size": size}


def measured(task: str, rows: int, path: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--memory", task, str(rows), str(path)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return dict(json.loads(out.splitlines()[-1]))


def memory_measurable() -> bool:
    return Path("/proc/self/clear_refs").exists()


# --- the report -----------------------------------------------------------------------


@dataclass
class Row:
    task: str
    ours: float
    peer: str
    theirs: float
    goal: str = "—"
    met: Callable[[float], bool] | None = None
    unit: str = "s"


def shown(amount: float, unit: str) -> str:
    if unit == "B":
        return f"{amount / 1e6:,.0f} MB" if amount >= 1e7 else f"{amount / 1e6:.1f} MB"
    return f"{amount:.2f} s" if amount >= 0.1 else f"{amount * 1000:.0f} ms"


def print_table(rows: list[Row]) -> None:
    print("| task | bilateral | peer/floor | ratio | goal | met? |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        ratio = row.ours / row.theirs
        met = "" if row.met is None else ("yes" if row.met(ratio) else "**no**")
        print(
            f"| {row.task} | {shown(row.ours, row.unit)} | {row.peer} "
            f"{shown(row.theirs, row.unit)} | {ratio:.2f} | {row.goal} | {met} |"
        )


def versions() -> str:
    names = ["pandas", "polars", "pyarrow", "duckdb", "numpy"]
    tools = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in names)
    return (
        f"bilateral {bilateral._core.__version__} (its SQLite {bundled_sqlite_version()}), "
        f"Python {sys.version.split()[0]} (its sqlite3 module's SQLite "
        f"{sqlite3.sqlite_version}, which the floor uses), {tools}"
    )


def goals(rows: int) -> None:
    data = generate(rows)
    df, frame_pl, table = pandas_frame(data), polars_frame(data), arrow_table(data)
    frames = {"pandas": df, "polars": frame_pl, "arrow": table}
    print(f"{data.describe()}, {ROUNDS} interleaved rounds, medians")
    times: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        template, staging, report = tmp / "empty.db", tmp / "staging.db", tmp / "report.db"
        empty_store(template, data.indicators)
        stage(data, template, staging)
        report_rows = report_store(report)
        for r in range(ROUNDS):
            here = tmp / f"round{r}"
            here.mkdir()
            ours = {kind: here / f"bilateral_{kind}.db" for kind in frames}
            floor = here / "floor.db"
            for path in [*ours.values(), floor]:
                shutil.copyfile(template, path)
            for kind, frame in frames.items():
                note(f"ingest {kind}", timed(bilateral_ingest, frame, ours[kind]))
            parts = floor_insert(floor, staging)
            for part, seconds in parts.items():
                note(f"floor part {part}", seconds)
            note("floor insert", sum(parts.values()))
            if r == 0:
                check_floor(floor, ours["pandas"], len(data))
            note("ingest sqlite3", timed(sqlite_ingest, df, here / "sqlite3.db"))
            note("ingest to_sql", timed(pandas_ingest, df, here / "to_sql.db"))
            for kind, frame in frames.items():
                note(f"ingest duckdb {kind}", timed(duckdb_ingest, frame, here / f"{kind}.duckdb"))

            store = ours["pandas"]
            note("floor scan", timed(floor_scan, store))
            note("observations arrow", timed(bilateral_observations_arrow, store))
            note("observations pandas", timed(bilateral_observations, store))
            note("observations polars", timed(bilateral_observations, store, "polars"))
            note("read_sql view", timed(pandas_observations, store))
            note("growth pandas", timed(bilateral_growth, store))
            note("growth arrow", timed(bilateral_growth_arrow, store))
            note("growth polars", timed(bilateral_growth, store, "polars"))
            note("growth read_sql", timed(pandas_growth, here / "to_sql.db"))
            note("growth duckdb", timed(duckdb_growth, here / "pandas.duckdb"))
            note("growth polars in memory", timed(polars_growth_in_memory, frame_pl))
            for analysis in ANALYSES:
                note(analysis, timed(bilateral_analysis, analysis, store))
            note("report", timed(bilateral_report, report))
            shutil.rmtree(here)

        memory: dict[str, dict[str, Any]] = {}
        if memory_measurable():
            for kind in frames:
                memory[kind] = measured(f"ingest-{kind}", rows, tmp / f"memory_{kind}.db")
            memory["growth"] = measured("growth", rows, tmp / "memory_pandas.db")

    t = {name: statistics.median(values) for name, values in times.items()}
    print()
    print(
        f"The floor, SQLite {sqlite3.sqlite_version} alone on the store's own file: a scan "
        f"of every column a bulk read reads {shown(t['floor scan'], 's')}; the same rows "
        f"inserted in key order, no binding, {shown(t['floor insert'], 's')} "
        f"(medians of its parts: {shown(t['floor part insert'], 's')} insert, "
        f"{shown(t['floor part commit'], 's')} commit, {shown(t['floor part close'], 's')} "
        f"close). The floor file holds {len(data):,} rows and reads back equal to "
        "bilateral's."
    )
    print()
    table_rows: list[Row] = []
    floor_goal, floor_met = "≤ 1.25", lambda ratio: ratio <= 1.25
    level_goal, level_met = "≤ 1 (level)", lambda ratio: ratio <= 1.0
    ingest_titles = {
        "pandas": "ingest, pandas DataFrame → file",
        "polars": "ingest, polars DataFrame → file",
        "arrow": "ingest, Arrow table (pyarrow) → file",
    }
    for kind, title in ingest_titles.items():
        ours = t[f"ingest {kind}"]
        table_rows += [
            Row(title, ours, "floor insert", t["floor insert"], floor_goal, floor_met),
            Row(title, ours, "DuckDB", t[f"ingest duckdb {kind}"], level_goal, level_met),
        ]
        if kind == "pandas":
            table_rows += [
                Row(title, ours, "sqlite3 `executemany`", t["ingest sqlite3"]),
                Row(title, ours, "pandas `to_sql`", t["ingest to_sql"]),
            ]
    for kind, title in ingest_titles.items():
        if kind in memory:
            table_rows.append(
                Row(
                    f"{title}: peak memory",
                    memory[kind]["peak"],
                    "the frame",
                    memory[kind]["size"],
                    "≤ 2",
                    lambda ratio: ratio <= 2,
                    unit="B",
                )
            )
    growth = t["growth pandas"]
    title = "growth of every series, file → pandas"
    table_rows += [
        Row(title, growth, "DuckDB `LAG` → pandas", t["growth duckdb"], "< 1 (faster)",
            lambda ratio: ratio < 1),
        Row(title, growth, "pandas `read_sql` + `pct_change`", t["growth read_sql"],
            "≤ 0.33 (3× faster)", lambda ratio: ratio <= 1 / 3),
        Row("growth of every series, file → Arrow", t["growth arrow"], "floor scan",
            t["floor scan"]),
        Row("growth of every series, file → polars", t["growth polars"],
            "polars `pct_change().over()`, frame in memory", t["growth polars in memory"]),
    ]  # fmt: skip
    if "growth" in memory:
        table_rows.append(
            Row(
                "peak memory of growth() → pandas",
                memory["growth"]["peak"],
                "the result",
                memory["growth"]["size"],
                unit="B",
            )
        )
    table_rows += [
        Row("every observation → pandas", t["observations pandas"],
            "pandas `read_sql` of `observation_view`", t["read_sql view"],
            "≤ 0.10 (10× faster)", lambda ratio: ratio <= 0.1),
        Row("every observation → Arrow (a pyarrow Table)", t["observations arrow"],
            "floor scan", t["floor scan"], "≤ 1.5", lambda ratio: ratio <= 1.5),
        Row("every observation → polars", t["observations polars"], "floor scan",
            t["floor scan"]),
    ]  # fmt: skip
    for analysis in ANALYSES:
        table_rows.append(
            Row(analysis + " → pandas", t[analysis], "growth() → pandas", growth, "≤ 1.5",
                lambda ratio: ratio <= 1.5)
        )  # fmt: skip
    table_rows.append(
        Row(f"report on a pair of {report_rows:,} rows", t["report"], "the goal",
            REPORT_GOAL_SECONDS, "≤ 1", lambda ratio: ratio <= 1)
    )  # fmt: skip
    print_table(table_rows)
    print(
        "\nratio: bilateral ÷ peer (time, or peak memory ÷ the frame's or result's size); "
        "'3× faster' is a ratio ≤ 0.33."
    )
    if not memory:
        print("(peak memory not measured: needs Linux's /proc/self/clear_refs)")


def scale(sizes: tuple[int, ...]) -> None:
    """Ingest from pandas and growth() into pandas at each size, each in a fresh
    process, with its peak memory."""
    if not memory_measurable():
        print("peak memory needs Linux's /proc/self/clear_refs")
        return
    results = []
    for rows in sizes:
        print(f"{generate(rows).describe()}: ingest and growth(), one run each", flush=True)
        with tempfile.TemporaryDirectory() as name:
            path = Path(name) / "store.db"
            results.append((measured("ingest-pandas", rows, path), measured("growth", rows, path)))
    print()
    print("| rows | ingest from pandas | peak memory | ÷ frame | per row "
          "| growth() → pandas | peak memory | ÷ result | per row |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for ingest, growth in results:
        cells = [f"{ingest['rows']:,}"]
        for task in (ingest, growth):
            cells += [
                shown(task["seconds"], "s"),
                shown(task["peak"], "B"),
                f"{task['peak'] / task['size']:.2f}",
                f"{task['peak'] / task['rows']:.0f} B",
            ]
        print("| " + " | ".join(cells) + " |")
    if len(results) == 2:
        (small_ingest, small_growth), (large_ingest, large_growth) = results
        print()
        for what, small, large, measure in (
            ("an ingest's peak", small_ingest, large_ingest, "the frame"),
            ("growth()'s peak", small_growth, large_growth, "the result"),
        ):
            grew = large["peak"] / small["peak"]
            size_grew = large["size"] / small["size"]
            print(
                f"From {small['rows']:,} to {large['rows']:,} rows {what} grew {grew:.1f}×, "
                f"{measure} {size_grew:.1f}×: ratio {grew / size_grew:.2f} "
                f"(goal ≤ 1: memory grows no faster than {measure}) — "
                + ("met" if grew <= size_grew else "**not met**")
            )


def main() -> None:
    if sys.argv[1:2] == ["--memory"]:
        task, rows, path = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
        print(json.dumps(memory_child(task, rows, path)))
        return
    print(versions())
    if SCALE:
        scale(SCALE_SIZES)
    elif ROWS > LARGEST_WITH_PEERS:
        print(f"above {LARGEST_WITH_PEERS:,} rows: bilateral alone, with peak memory")
        scale((ROWS,))
    else:
        goals(ROWS)


if __name__ == "__main__":
    main()
