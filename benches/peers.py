"""bilateral beside the tools an analyst would use instead, on the same data in the same
process: ingest from a pandas DataFrame (and from a polars one, through Arrow) into a
file, year-on-year growth of every series from that file into a DataFrame (polars
computes it from the frame already in memory, for scale), and every observation into
pandas (and into polars, through Arrow).

    make bench                                   # 1,000,000 rows, 3 repetitions
    BILATERAL_BENCH_ROWS=100000 make bench       # smaller

The data: real ISO alpha-3 codes, directed pairs, 5 indicators, 25 years, rows in
year-major order as annual releases arrive. Repetitions are interleaved (each round runs
every tool once) and the table shows medians. Speed is measured here, never asserted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bilateral
import duckdb
import pandas as pd
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BILATERAL_BENCH_ROWS", "1000000"))
ROUNDS = int(os.environ.get("BILATERAL_BENCH_ROUNDS", "3"))
INDICATORS = 5
YEARS = 25
KEYS = ["indicator", "origin", "destination"]


def frame() -> pd.DataFrame:
    """ROWS observations: ROWS / (5 × 25) directed pairs of real countries."""
    codes = [c["alpha3"] for c in json.loads((ROOT / "data/countries.json").read_text())]
    pairs_wanted = max(ROWS // (INDICATORS * YEARS), 1)
    pairs = [(a, b) for a in codes for b in codes if a != b][:pairs_wanted]
    rows: dict[str, list[Any]] = {k: [] for k in [*KEYS, "period", "value"]}
    for year in range(2000, 2000 + YEARS):
        for n, (a, b) in enumerate(pairs):
            for i in range(INDICATORS):
                rows["indicator"].append(f"ind{i}")
                rows["origin"].append(a)
                rows["destination"].append(b)
                rows["period"].append(str(year))
                rows["value"].append(1_000.0 + (year * 7 + n * 13 + i) % 997)
    return pd.DataFrame(rows)


def timed(work: Callable[..., object], *args: Any) -> float:
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


def bilateral_ingest(df: pd.DataFrame, path: Path) -> None:
    with bilateral.Store(path) as store:
        for i in range(INDICATORS):
            store.add_indicator(f"ind{i}", f"Indicator {i}", "USD", "flow", directed=True)
        store.add_many(df)


def bilateral_ingest_polars(df: pl.DataFrame, path: Path) -> None:
    with bilateral.Store(path) as store:
        for i in range(INDICATORS):
            store.add_indicator(f"ind{i}", f"Indicator {i}", "USD", "flow", directed=True)
        store.add_many(df)


def duckdb_ingest_polars(df: pl.DataFrame, path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE obs AS SELECT * FROM df")
    con.close()


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


def duckdb_ingest(df: pd.DataFrame, path: Path) -> None:
    con = duckdb.connect(str(path))
    con.register("frame", df)
    con.execute("CREATE TABLE obs AS SELECT * FROM frame")
    con.close()


def bilateral_growth(path: Path) -> pd.DataFrame:
    with bilateral.Store(path) as store:
        return store.growth()


def bilateral_growth_polars(path: Path) -> pl.DataFrame:
    with bilateral.Store(path) as store:
        return store.growth(into="polars")


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


def bilateral_observations(path: Path) -> pd.DataFrame:
    with bilateral.Store(path) as store:
        return store.observations()


def bilateral_observations_polars(path: Path) -> pl.DataFrame:
    with bilateral.Store(path) as store:
        return store.observations(into="polars")


def pandas_observations(path: Path) -> pd.DataFrame:
    conn = sqlite3.connect(path)
    df = pd.read_sql("SELECT * FROM observation_view", conn)
    conn.close()
    return df


def main() -> None:
    df = frame()
    print(f"{len(df):,} observations, {ROUNDS} interleaved rounds, medians")
    times: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    frame_polars = pl.DataFrame(df.to_dict("list"))  # pl.from_pandas would need pyarrow
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(ROUNDS):
            files = {name: Path(tmp) / f"{name}{r}.db" for name in
                     ("bilateral", "bilateral_pl", "sqlite3", "pandas", "duckdb",
                      "duckdb_pl")}  # fmt: skip
            note("ingest bilateral", timed(bilateral_ingest, df, files["bilateral"]))
            note("ingest sqlite3", timed(sqlite_ingest, df, files["sqlite3"]))
            note("ingest pandas", timed(pandas_ingest, df, files["pandas"]))
            note("ingest duckdb", timed(duckdb_ingest, df, files["duckdb"]))
            ingest = bilateral_ingest_polars
            note("polars-ingest bilateral", timed(ingest, frame_polars, files["bilateral_pl"]))
            ingest = duckdb_ingest_polars
            note("polars-ingest duckdb", timed(ingest, frame_polars, files["duckdb_pl"]))
            note("growth bilateral", timed(bilateral_growth, files["bilateral"]))
            note("growth pandas", timed(pandas_growth, files["pandas"]))
            note("growth duckdb", timed(duckdb_growth, files["duckdb"]))
            note("polars-growth bilateral", timed(bilateral_growth_polars, files["bilateral"]))
            note("polars-growth polars", timed(polars_growth_in_memory, frame_polars))
            note("observations bilateral", timed(bilateral_observations, files["bilateral"]))
            note("observations pandas", timed(pandas_observations, files["bilateral"]))
            observations = bilateral_observations_polars
            note("polars-observations bilateral", timed(observations, files["bilateral"]))
    median = {name: statistics.median(values) for name, values in times.items()}
    columns = ["sqlite3", "pandas", "polars", "duckdb"]
    rows = [
        ("ingest from a pandas DataFrame into a file", "ingest", ["sqlite3", "pandas", "duckdb"]),
        ("ingest from a polars DataFrame (Arrow) into a file", "polars-ingest", ["duckdb"]),
        ("year-on-year growth of every series, file → pandas", "growth", ["pandas", "duckdb"]),
        ("the same into polars (polars: from the frame in memory)", "polars-growth", ["polars"]),
        ("every observation into pandas", "observations", ["pandas"]),
        ("every observation into polars (Arrow)", "polars-observations", []),
    ]
    print()
    print("| task | bilateral | Python sqlite3 | pandas | polars | DuckDB |")
    print("|---|---|---|---|---|---|")
    for title, task, peers in rows:
        ours = median[f"{task} bilateral"]
        cells = []
        for peer in columns:
            if peer in peers:
                theirs = median[f"{task} {peer}"]
                cells.append(f"{theirs:.2f} s (bilateral {ours / theirs:.2f}×)")
            else:
                cells.append("—")
        print(f"| {title} | {ours:.2f} s | " + " | ".join(cells) + " |")
    print("\n(bilateral n× means bilateral takes n times the peer's time)")


if __name__ == "__main__":
    main()
