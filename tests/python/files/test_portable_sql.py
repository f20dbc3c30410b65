"""The analyses as SQL (bilateral.sql) give the library's own rows, on DuckDB and on a
real Spark in local mode, over Parquet exports of the built-in dataset and of a
generated store made to hold every case the library handles apart.

The comparison is row for row and column for column, in the library's order. Numbers
are compared with a relative tolerance of 1e-12 (and an absolute one of 1e-9 for values
around zero): the queries do the library's arithmetic in the same IEEE-754 doubles and
the same order of operations (`value * (per / population)`, `(a / b - 1) * 100`, the
exponent `1 / years` computed once in Rust and written as a literal that reads back
exactly), so every column but the CAGR comes out bit for bit equal on both engines
(checked on the generated store). The CAGR's `pow` is the engine's own against Rust's:
equal on DuckDB, on Spark (Java's) a last bit apart, which the `- 1` after it turns
into relative differences of up to 8e-15 (measured on the generated store). 1e-12
leaves room for that and for nothing else: a wrong base, bound or status preference
moves a figure by far more.

The Spark tests share one SparkSession (`local[1]`, one shuffle partition, no UI) and
are marked slow; where pyspark is not installed they are skipped, except under `make
test` (which installs it, and Java when `java` is missing, and sets
BILATERAL_REQUIRE_SPARK), where that fails them.
"""

from __future__ import annotations

import math
import os
import random
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import bilateral
import duckdb
import pandas as pd
import pytest

# Relative and absolute tolerance of a number: see the module's docstring.
REL_TOL = 1e-12
ABS_TOL = 1e-9

ENGINES = ["duckdb", pytest.param("spark", marks=pytest.mark.slow)]
STORES = ["demo", "generated"]


def generated_store() -> bilateral.Store:
    """Made-up figures with every case the analyses treat apart: a directed and an
    undirected indicator of the store's own (`visitors`, `turnover`), a signed one
    (`balance`, negative bases), both ends of two mirror pairs (exports with imports of
    every pair in both directions; volumes in two units, which the mirror never
    compares), products with a leading zero, yearly, quarterly, monthly (February of a
    leap year and after), January–August and day periods, estimates, provisional
    figures and targets beside actual ones, two sources for one period, zero values,
    bounds from qualifiers and given outright, and a country without any population
    (Antarctica)."""
    rng = random.Random(20261207)
    s = bilateral.Store()
    s.add_indicator("turnover", "Turnover", "USD", "flow", directed=False)
    s.add_indicator("balance", "Net flow", "USD", "flow", directed=True, signed=True)
    s.add_indicator("visitors", "Visitors", "persons", "flow", directed=True)
    s.add_indicator("imports_volume", "Imports by weight", "kg", "flow", directed=True)
    s.add_source("a", "Office A")
    s.add_source("b", "Office B")
    periods = (
        [str(year) for year in range(2015, 2026)]
        + [f"{year}-Q{q}" for year in (2023, 2024) for q in (1, 2, 3, 4)]
        + [f"{year}-{month:02d}" for year in (2023, 2024, 2025) for month in (1, 2, 3, 12)]
        + ["2024-01/2024-08", "2025-01/2025-08"]
        + ["2024-02-10/2024-02-28", "2025-02-10/2025-02-28"]
        + ["2023-02-28", "2024-02-29", "2025-02-28"]
    )
    pairs = [("GEO", "ARM"), ("ARM", "GEO"), ("GEO", "TUR"), ("TUR", "GEO"), ("AZE", "ATA")]
    indicators = ["exports", "exports", "imports", "imports", "turnover", "trade_turnover"]
    indicators += ["balance", "visitors", "exports_volume", "imports_volume"]
    records: dict[tuple[str, ...], dict[str, Any]] = {}
    for _ in range(2500):
        indicator = rng.choice(indicators)
        origin, destination = rng.choice(pairs)
        if indicator in ("turnover", "trade_turnover"):
            origin, destination = sorted((origin, destination))
        trade = indicator in ("exports", "imports", "turnover", "trade_turnover")
        product = rng.choice(["total", "total", "0101", "wine"]) if trade else "total"
        period = rng.choice(periods)
        status = rng.choice(["actual"] * 6 + ["estimate", "provisional", "target"])
        source = rng.choice(["a", "a", "b", None])
        key = (indicator, origin, destination, product, period, status, str(source))
        if indicator == "balance":
            value = float(rng.randint(-500, 500) * 1000)
        else:
            value = 0.0 if rng.random() < 0.03 else float(rng.randint(1, 900) * 1000)
        record: dict[str, Any] = {
            "indicator": indicator,
            "origin": origin,
            "destination": destination,
            "product": product,
            "period": period,
            "status": status,
            "source": source,
            "value": value,
            "qualifier": rng.choice(["exact", "about", "over", "nearly", "approx"]),
        }
        if record["qualifier"] == "exact" and rng.random() < 0.2:
            # Bounds given outright; those of a small figure reach zero (a ratio to
            # 1,000 within [0, 3,500] is undefined though the value is not zero).
            low = value - 1500.0 if indicator == "balance" else max(0.0, value - 1500.0)
            record["low"], record["high"] = low, value + 2500.0
        records[key] = record
    s.add_many(list(records.values()))
    # A population set by hand, beside the built-in ones: Armenia's for 2025 (the
    # built-in figures end in 2024).
    s.set_population("ARM", 2025, 3_050_000)
    return s


@pytest.fixture(scope="module")
def stores() -> dict[str, bilateral.Store]:
    return {"demo": bilateral.demo(), "generated": generated_store()}


@pytest.fixture(scope="module")
def exports(
    stores: dict[str, bilateral.Store], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Each store's Parquet export, written once for the module, with its population
    table beside it (`name.population.parquet`)."""
    folder = tmp_path_factory.mktemp("exports")
    for name, store in stores.items():
        store.export_parquet(folder / name)
        store.export_population_parquet(folder / f"{name}.population.parquet")
    return {name: folder / name for name in stores}


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark for the session: one core, one shuffle partition (the default
    200 would make every join of a few thousand rows 200 tasks), no UI, quiet logs.

    Tuned for many small queries in a short-lived JVM, none of it changing what a query
    computes: the JIT's first tier only and the serial collector (the JVM starts in
    half the time), whole-stage code generation and adaptive execution off (compiling
    and re-planning each query cost more than running it on a few thousand rows).
    Measured on two cores: the session and twelve queries in 16 s, against 58 s with
    Spark's defaults."""
    if os.environ.get("BILATERAL_REQUIRE_SPARK") and not _has_pyspark():
        pytest.fail("pyspark is not installed: `make test` installs it (Makefile, SPARK)")
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    # On loopback only: no address of this machine's network is looked up or bound.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = (
        SparkSession.builder.master("local[1]")
        .appName("bilateral-tests")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.adaptive.enabled", "false")
    )
    with warnings.catch_warnings():
        # pyspark warns that it does not fully support pandas 3; the tests read rows
        # with collect(), not through its pandas conversion.
        warnings.simplefilter("ignore", FutureWarning)
        session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _has_pyspark() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True


def undirected(store: bilateral.Store) -> list[str]:
    """The store's undirected indicators, its own among them, as a user names them."""
    indicators = store.indicators()
    return list(indicators.loc[~indicators["directed"], "code"])


def run(engine: str, sql: str, request: pytest.FixtureRequest) -> pd.DataFrame:
    """The rows of `sql` on `engine`, as a pandas frame with the query's columns."""
    if engine == "duckdb":
        return duckdb.sql(sql).df()
    session = request.getfixturevalue("spark")
    frame = session.sql(sql)
    rows = [row.asDict() for row in frame.collect()]
    return pd.DataFrame(rows, columns=frame.columns)


def _same(a: Any, b: Any) -> bool:
    if pd.isna(a) or pd.isna(b):
        return bool(pd.isna(a) and pd.isna(b))
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL)


def assert_same_rows(sql: pd.DataFrame, library: pd.DataFrame) -> None:
    """The query's rows are the library's, in its order, column by column."""
    assert list(sql.columns) == list(library.columns)
    assert len(sql) == len(library)
    for column in library.columns:
        wrong = [
            (row, a, b)
            for row, (a, b) in enumerate(zip(sql[column], library[column], strict=True))
            if not _same(a, b)
        ]
        assert not wrong, (column, wrong[:5])


def check(
    engine: str,
    request: pytest.FixtureRequest,
    folder: Path,
    query: Callable[..., str],
    library: pd.DataFrame,
    **filters: Any,
) -> pd.DataFrame:
    """Runs `query(folder, **filters)` for `engine` and compares it with `library`."""
    rows = run(engine, query(str(folder), dialect=engine, **filters), request)
    assert_same_rows(rows, library)
    return rows


# ----- growth ---------------------------------------------------------------------------

# The filters of each store's comparisons: every series, the default total, a country
# by name (either side of an undirected pair), a pair the other way round, one
# indicator (signed in the generated store), and one status, targets included.
FILTERS: dict[str, list[dict[str, Any]]] = {
    "demo": [
        {"product": None},
        {},
        {"origin": "Kazakhstan", "product": None},
        {"origin": "KAZ", "destination": "AZE"},
        {"indicator": "tourists"},
        {"status": "target", "product": None},
    ],
    "generated": [
        {"product": None},
        {},
        {"origin": "Georgia", "product": None},
        {"origin": "ARM", "destination": "GEO"},
        {"indicator": "balance"},
        {"status": "target", "product": None},
    ],
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", STORES)
def test_growth_sql_gives_the_librarys_growth_of_every_series(
    engine: str,
    name: str,
    stores: dict[str, bilateral.Store],
    exports: dict[str, Path],
    request: pytest.FixtureRequest,
) -> None:
    store = stores[name]
    for filters in FILTERS[name]:
        library = store.growth(**filters)
        rows = check(
            engine,
            request,
            exports[name],
            bilateral.sql.growth,
            library,
            undirected=undirected(store),
            **filters,
        )
        if name == "generated" and filters == {"product": None}:
            # What the comparison must have met: bases a year earlier for each kind of
            # period, negative ones, and empty ratios beside present changes.
            with_base = rows[rows["base_period"].notna()]
            periods = ["2024", "2024-Q1", "2025-02", "2025-01/2025-08", "2025-02-10/2025-02-28"]
            # 29 February 2024 against 28 February 2023.
            for period in [*periods, "2024-02-29"]:
                assert period in set(with_base["period"]), period
            assert (with_base["base_value"] < 0).any()
            assert (with_base["base_value"] == 0).any()
            assert ((with_base["base_value"] > 0) & with_base["pct"].isna()).any()
            assert (with_base["change"].notna() & with_base["pct"].isna()).any()
            assert {"0101", "wine", "total"} <= set(rows["product"])


def test_a_country_filter_matches_an_undirected_pair_only_when_it_is_named_undirected(
    stores: dict[str, bilateral.Store], exports: dict[str, Path]
) -> None:
    """The export does not say that `turnover` is undirected (stored ARM–GEO): named,
    a filter on GEO as origin finds it as the library does; not named, it does not."""
    store, folder = stores["generated"], str(exports["generated"])
    library = store.growth(indicator="turnover", origin="GEO")
    assert "ARM" in set(library["origin"]), "ARM–GEO is stored with ARM first"
    named = duckdb.sql(
        bilateral.sql.growth(folder, indicator="turnover", origin="GEO", undirected=["turnover"])
    ).df()
    assert_same_rows(named, library)
    unnamed = duckdb.sql(bilateral.sql.growth(folder, indicator="turnover", origin="GEO")).df()
    assert set(unnamed["origin"]) == {"GEO"}, "GEO–TUR only, stored with GEO first"


def test_a_growth_sql_with_a_bad_argument_is_a_validation_error() -> None:
    with pytest.raises(bilateral.ValidationError) as raised:
        bilateral.sql.growth("x", dialect="trino")  # type: ignore[arg-type]
    assert raised.value.field == "dialect"
    with pytest.raises(bilateral.ValidationError) as raised:
        bilateral.sql.growth("x", origin="Atlantis")
    assert raised.value.field == "origin"
    with pytest.raises(bilateral.ValidationError) as raised:
        bilateral.sql.growth("x", status="guess")
    assert raised.value.field == "status"


# ----- change ---------------------------------------------------------------------------

# Pairs of periods: years, quarters a year and a half apart, January–August, days (whose
# years are days / 365.2425) and the leap day against the day a year later.
PERIODS: dict[str, list[tuple[str, str]]] = {
    "demo": [("2020", "2024"), ("2022", "2024"), ("2024-01/2024-07", "2025-01/2025-07")],
    "generated": [
        ("2015", "2024"),
        ("2023-Q1", "2024-Q3"),
        ("2024-01/2024-08", "2025-01/2025-08"),
        ("2024-02-10/2024-02-28", "2025-02-10/2025-02-28"),
        ("2024-02-29", "2025-02-28"),
    ],
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", STORES)
def test_change_sql_gives_the_librarys_change_of_every_series(
    engine: str,
    name: str,
    stores: dict[str, bilateral.Store],
    exports: dict[str, Path],
    request: pytest.FixtureRequest,
) -> None:
    store = stores[name]
    every: list[pd.DataFrame] = []
    for start, end in PERIODS[name]:
        for filters in FILTERS[name][:3] if engine == "duckdb" else FILTERS[name][:1]:
            library = store.change(start=start, end=end, **filters)
            every.append(
                check(
                    engine,
                    request,
                    exports[name],
                    bilateral.sql.change,
                    library,
                    start=start,
                    end=end,
                    undirected=undirected(store),
                    **filters,
                )
            )
    if name == "generated":
        rows = pd.concat(every)
        # Empty ratios, negative starts with a ratio (both ends below zero), ratios
        # whose bounds reach below zero (no CAGR), and CAGRs.
        assert (rows["ratio"].isna()).any()
        assert ((rows["start_value"] < 0) & rows["ratio"].notna()).any()
        assert (rows["ratio"].notna() & rows["cagr"].isna()).any()
        assert rows["cagr"].notna().sum() > 10
        assert set(rows["years"]) >= {9.0, 1.5, 1.0, 366 / 365.2425, 365 / 365.2425}


def test_change_sql_refuses_the_periods_the_library_refuses() -> None:
    for start, end in [("2020", "2024-Q1"), ("2024", "2020"), (None, "2024")]:
        with pytest.raises(bilateral.ValidationError) as sql:
            bilateral.sql.change("x", start=start, end=end)
        with pytest.raises(bilateral.ValidationError) as library:
            bilateral.demo().change(start=start, end=end)
        assert (sql.value.field, sql.value.reason) == (library.value.field, library.value.reason)


# ----- mirror ---------------------------------------------------------------------------

MIRROR_FILTERS: list[dict[str, Any]] = [
    {"product": None},
    {},
    {"a": "Georgia", "b": "TUR"},
    {"a": "TUR", "product": None},
    {"indicator": "imports", "status": "estimate"},
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", STORES)
def test_mirror_sql_gives_the_librarys_mirror_table(
    engine: str,
    name: str,
    stores: dict[str, bilateral.Store],
    exports: dict[str, Path],
    request: pytest.FixtureRequest,
) -> None:
    store = stores[name]
    for filters in MIRROR_FILTERS if engine == "duckdb" else MIRROR_FILTERS[:1]:
        library = store.mirror(**filters)
        rows = check(
            engine,
            request,
            exports[name],
            bilateral.sql.mirror,
            library,
            undirected=undirected(store),
            **filters,
        )
        if name == "generated" and filters == {"product": None}:
            # Both directions of both pairs of countries; the volumes, in t against kg,
            # never compared; gaps with and without a ratio.
            flows = set(zip(rows["exporter"], rows["importer"], strict=True))
            assert flows >= {("GEO", "TUR"), ("TUR", "GEO"), ("GEO", "ARM"), ("ARM", "GEO")}
            assert set(rows["exports_indicator"]) == {"exports"}
            assert rows["gap_pct"].isna().any() and rows["gap_pct"].notna().any()


def test_mirror_sql_refuses_an_indicator_without_a_mirror_as_the_library_does() -> None:
    with pytest.raises(bilateral.ValidationError) as sql:
        bilateral.sql.mirror("x", indicator="tourists")
    with pytest.raises(bilateral.ValidationError) as library:
        bilateral.demo().mirror(indicator="tourists")
    assert (sql.value.field, sql.value.reason) == (library.value.field, library.value.reason)


# ----- shares ---------------------------------------------------------------------------

# The whole: the parts' own total, another product, an undirected indicator (stored
# with its pair one way round), a directed one, one period, one status.
SHARES_FILTERS: dict[str, list[dict[str, Any]]] = {
    "demo": [
        {},
        {"indicator": "exports", "of": "trade_turnover"},
        {"indicator": "exports", "of": "trade_turnover", "period": "2024"},
    ],
    "generated": [
        {},
        {"indicator": "exports", "of_product": "wine"},
        {"indicator": "exports", "of": "turnover"},
        {"indicator": "exports", "of": "trade_turnover", "origin": "ARM"},
        {"indicator": "imports", "of": "exports"},
        {"of": "turnover", "period": "2024", "indicator": "exports"},
        {"indicator": "exports", "status": "estimate"},
    ],
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", STORES)
def test_shares_sql_gives_the_librarys_shares_of_every_pair(
    engine: str,
    name: str,
    stores: dict[str, bilateral.Store],
    exports: dict[str, Path],
    request: pytest.FixtureRequest,
) -> None:
    store = stores[name]
    every: list[pd.DataFrame] = []
    for filters in SHARES_FILTERS[name] if engine == "duckdb" else SHARES_FILTERS[name][:3]:
        library = store.shares(**filters)
        every.append(
            check(
                engine,
                request,
                exports[name],
                bilateral.sql.shares,
                library,
                undirected=undirected(store),
                **filters,
            )
        )
    if name == "generated" and engine == "duckdb":
        rows = pd.concat(every)
        # Directed parts both ways round against one undirected whole, and wholes of
        # zero (empty shares) beside defined ones.
        of_turnover = every[2]
        assert {("ARM", "GEO"), ("GEO", "ARM")} <= set(
            zip(of_turnover["origin"], of_turnover["destination"], strict=True)
        )
        assert rows["share"].isna().any() and rows["share"].notna().any()


def test_a_part_in_another_unit_than_its_whole_fails_the_query_as_it_fails_the_library(
    stores: dict[str, bilateral.Store],
    exports: dict[str, Path],
) -> None:
    """Exports in USD of visitors, in persons: the store refuses; so does the query."""
    store, folder = stores["generated"], str(exports["generated"])
    with pytest.raises(bilateral.ValidationError):
        store.shares(indicator="exports", of="visitors")
    sql = bilateral.sql.shares(folder, indicator="exports", of="visitors")
    with pytest.raises(duckdb.Error, match="another unit"):
        duckdb.sql(sql).fetchall()


@pytest.mark.slow
def test_a_part_in_another_unit_than_its_whole_fails_the_query_on_spark(
    stores: dict[str, bilateral.Store],
    exports: dict[str, Path],
    spark: Any,
) -> None:
    sql = bilateral.sql.shares(
        str(exports["generated"]), indicator="exports", of="visitors", dialect="spark"
    )
    with pytest.raises(Exception, match="another unit"):
        spark.sql(sql).collect()


# ----- per capita -----------------------------------------------------------------------

PER_CAPITA_FILTERS: list[dict[str, Any]] = [
    {"product": None},
    {"basis": "destination", "per": 1_000_000},
    {"origin": "ARM", "per": 1},
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", STORES)
def test_per_capita_sql_gives_the_librarys_figures_per_head(
    engine: str,
    name: str,
    stores: dict[str, bilateral.Store],
    exports: dict[str, Path],
    request: pytest.FixtureRequest,
) -> None:
    store, folder = stores[name], exports[name]
    population = folder.with_name(f"{name}.population.parquet")
    for filters in PER_CAPITA_FILTERS if engine == "duckdb" else PER_CAPITA_FILTERS[:2]:
        library = store.per_capita(**filters)
        rows = check(
            engine,
            request,
            folder,
            bilateral.sql.per_capita,
            library,
            population=str(population),
            undirected=undirected(store),
            **filters,
        )
        if name == "generated" and filters == {"product": None}:
            # Antarctica has no population: its rows stay, empty; Armenia's 2025 is
            # the figure set by hand, Georgia's the latest year before.
            assert rows.loc[rows["country"] == "ATA", "population"].isna().all()
            armenia = rows[(rows["country"] == "ARM") & (rows["period"] == "2025")]
            assert set(armenia["population"]) == {3_050_000}
            georgia = rows[(rows["country"] == "GEO") & (rows["period"] == "2025")]
            assert set(georgia["population_year"]) == {2024}


def test_per_capita_sql_refuses_what_the_library_refuses() -> None:
    for arguments in [{"per": 0}, {"per": -5.0}, {"basis": "both"}]:
        with pytest.raises(bilateral.ValidationError) as sql:
            bilateral.sql.per_capita("x", population="p.parquet", **arguments)
        with pytest.raises(bilateral.ValidationError) as library:
            bilateral.demo().per_capita(**arguments)
        assert (sql.value.field, sql.value.text, sql.value.reason) == (
            library.value.field,
            library.value.text,
            library.value.reason,
        )


def test_the_population_table_is_the_stores_own(tmp_path: Path) -> None:
    """What the store divides by, set by hand included, read back from the file."""
    store = bilateral.Store()
    store.set_population("GEO", 2030, 3_500_000)
    path = tmp_path / "population.parquet"
    written = store.export_population_parquet(path)
    table = duckdb.sql(f"SELECT * FROM read_parquet('{path}')").df()
    assert list(table.columns) == ["country", "year", "population"]
    assert len(table) == written
    georgia = table[table["country"] == "GEO"].set_index("year")["population"]
    assert georgia[2030] == 3_500_000
    assert georgia[2024] == store.population("GEO", 2024)[1]  # type: ignore[index]
    with pytest.raises(FileExistsError):
        store.export_population_parquet(path)


# ----- worked by hand -------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_the_queries_give_figures_worked_out_by_hand(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Exports from Georgia to Armenia: exactly 160 in 2023, over 200 in 2024 ([200,
    300]: the next step of the last significant digit), an estimate of 999 beside the
    actual 160; Armenia's imports from Georgia of 210 in 2024."""
    store = bilateral.Store()
    store.add("exports", "GEO", "ARM", 2023, 160)
    store.add("exports", "GEO", "ARM", 2023, 999, status="estimate")
    store.add("exports", "GEO", "ARM", 2024, 200, qualifier="over")
    store.add("imports", "GEO", "ARM", 2024, 210)
    store.export_parquet(tmp_path / "observations")
    folder = str(tmp_path / "observations")

    growth = run(engine, bilateral.sql.growth(folder, "exports", dialect=engine), request)
    # 2024 on 2023, the actual 160 and not the estimate: 200 / 160 − 1 = 25 %, bounds
    # [200 / 160 − 1, 300 / 160 − 1] = [25 %, 87.5 %]; the change 40 in [40, 140].
    y2024 = growth.iloc[1]
    assert (y2024["period"], y2024["base_period"], y2024["base_value"]) == ("2024", "2023", 160)
    assert (y2024["pct"], y2024["pct_low"], y2024["pct_high"]) == (25.0, 25.0, 87.5)
    assert (y2024["change"], y2024["change_low"], y2024["change_high"]) == (40, 40, 140)
    assert pd.isna(growth.iloc[0]["base_period"])

    change = run(
        engine, bilateral.sql.change(folder, start=2023, end=2024, dialect=engine), request
    )
    # One year: the ratio 1.25 and the CAGR 1.25^(1/1) − 1 = 0.25.
    assert (change.iloc[0]["ratio"], change.iloc[0]["years"], change.iloc[0]["cagr"]) == (
        1.25,
        1.0,
        0.25,
    )

    mirror = run(engine, bilateral.sql.mirror(folder, dialect=engine), request)
    # 210 − 200 = 10 in [210 − 300, 210 − 200] = [−90, 10]; 210 / 200 − 1 = 5 %, bounds
    # [210 / 300 − 1, 210 / 200 − 1] = [−30 %, 5 %].
    row = mirror.iloc[0]
    assert (row["exporter"], row["importer"], row["gap"]) == ("GEO", "ARM", 10)
    assert (row["gap_low"], row["gap_high"]) == (-90, 10)
    assert math.isclose(row["gap_pct"], 5.0) and math.isclose(row["gap_pct_high"], 5.0)
    assert math.isclose(row["gap_pct_low"], -30.0)
