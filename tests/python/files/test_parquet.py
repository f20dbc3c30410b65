"""Parquet export: pyarrow, polars and DuckDB read the folder back as the store's
observations, and the DuckDB SQL of docs/data-in-and-out.md over it gives the library's own
growth."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path
from typing import Any

import bilateral
import duckdb
import pandas as pd
import polars as pl
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from bilateral.__main__ import main

README = Path(__file__).resolve().parents[3] / "docs" / "data-in-and-out.md"
# The folder the docs' SQL reads; the test puts its own in its place.
README_FOLDER = "observations/**/*.parquet"
# Every observation of a store sorts into one place by these columns.
IDENTITY = ["indicator", "origin", "destination", "product", "start", "end", "status", "source"]
SERIES = ["indicator", "origin", "destination", "product"]


def generated_store() -> bilateral.Store:
    """Made-up figures with what growth has to choose among: four indicators (one
    undirected, one signed), products with a leading zero, yearly, quarterly,
    monthly (February of a leap year and the year after), January–August and day
    periods, an estimate beside an actual figure, two sources for one period,
    targets, zero and negative bases, and bounds from qualifiers."""
    rng = random.Random(20261128)
    s = bilateral.Store()
    s.add_indicator("exports", "Exports", "USD", "flow", directed=True)
    s.add_indicator("turnover", "Trade turnover", "USD", "flow", directed=False)
    s.add_indicator("balance", "Net flow", "USD", "flow", directed=True, signed=True)
    s.add_indicator("visitors", "Visitors", "persons", "flow", directed=True)
    s.add_source("a", "Office A")
    s.add_source("b", "Office B")
    periods = (
        [str(year) for year in range(2015, 2025)]
        + [f"{year}-Q{q}" for year in (2023, 2024) for q in (1, 2, 3, 4)]
        + [f"{year}-{month:02d}" for year in (2023, 2024, 2025) for month in (1, 2, 3, 12)]
        + ["2024-01/2024-08", "2025-01/2025-08"]
        + ["2024-02-10/2024-02-28", "2025-02-10/2025-02-28", "2024-02-29", "2025-02-28"]
    )
    pairs = [("GEO", "ARM"), ("ARM", "GEO"), ("GEO", "TUR"), ("AZE", "KAZ")]
    records: dict[tuple[str, ...], dict[str, Any]] = {}
    for _ in range(1500):
        indicator = rng.choice(["exports", "exports", "turnover", "balance", "visitors"])
        origin, destination = rng.choice(pairs)
        if indicator == "turnover":
            origin, destination = sorted((origin, destination))
        product = (
            rng.choice(["total", "total", "0101", "wine"]) if indicator == "exports" else "total"
        )
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
            record["low"], record["high"] = value - 1500.0, value + 2500.0
        records[key] = record
    s.add_many(list(records.values()))
    return s


@pytest.fixture(scope="module")
def generated() -> bilateral.Store:
    return generated_store()


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(IDENTITY, na_position="first").reset_index(drop=True)


def _as_observations(read: pd.DataFrame, store: bilateral.Store) -> pd.DataFrame:
    """A frame read back, with the columns of observations() in their order, the dates
    as observations() gives them."""
    expected = store.observations()
    read = read[list(expected.columns)].copy()
    for column in expected.columns:
        if column in ("start", "end"):
            read[column] = pd.to_datetime(read[column]).astype(expected[column].dtype)
        elif expected[column].dtype == object:
            # Text as observations() gives it: Python strings, None where missing.
            text = read[column].astype(object)
            read[column] = text.where(text.notna(), None)
    return read


@pytest.mark.parametrize("name", ["demo", "generated"])
def test_pyarrow_dataset_reads_the_folder_back_as_observations(
    name: str, tmp_path: Path, generated: bilateral.Store
) -> None:
    store = bilateral.demo() if name == "demo" else generated
    written = store.export_parquet(tmp_path / "observations")
    expected = store.observations()
    assert written == len(expected)
    table = ds.dataset(tmp_path / "observations", format="parquet", partitioning="hive").to_table()
    read = table.to_pandas()
    # The hive partition gives the indicator back; every other column is in the files.
    assert set(read.columns) == set(expected.columns) | {"start_day", "end_day"}
    pd.testing.assert_frame_equal(_sorted(_as_observations(read, store)), _sorted(expected))


def test_pyarrow_read_table_gives_the_indicator_back_and_the_day_numbers(
    tmp_path: Path, generated: bilateral.Store
) -> None:
    generated.export_parquet(tmp_path / "observations")
    table = pq.read_table(tmp_path / "observations")
    read = table.to_pandas()
    # read_table gives the partition column as a dictionary: categories of text.
    read["indicator"] = read["indicator"].astype(str)
    pd.testing.assert_frame_equal(
        _sorted(_as_observations(read, generated)), _sorted(generated.observations())
    )
    epoch = pd.Timestamp("1970-01-01")
    for column in ("start", "end"):
        days = (pd.to_datetime(read[column]) - epoch).dt.days
        assert (read[f"{column}_day"] == days).all()
    assert str(table.schema.field("start_day").type) == "int32"


def test_polars_scan_parquet_with_hive_partitioning_reads_the_observations(
    tmp_path: Path, generated: bilateral.Store
) -> None:
    generated.export_parquet(tmp_path / "observations")
    read = pl.scan_parquet(
        str(tmp_path / "observations" / "**" / "*.parquet"), hive_partitioning=True
    ).collect()
    expected = generated.observations(into="polars")
    assert read.schema["indicator"] == pl.String
    assert read.schema["product"] == pl.String
    keys = IDENTITY
    assert (
        read.select(expected.columns)
        .sort(keys, nulls_last=False)
        .equals(expected.sort(keys, nulls_last=False))
    )


def test_a_product_code_with_a_leading_zero_stays_text(tmp_path: Path) -> None:
    store = bilateral.Store()
    store.add("exports", "GEO", "ARM", "2024", 1250.5, product="0101")
    store.export_parquet(tmp_path / "out")
    assert (tmp_path / "out" / "indicator=exports" / "part-0.parquet").is_file()
    read = ds.dataset(tmp_path / "out", partitioning="hive").to_table().to_pylist()
    assert [(row["product"], row["value"], row["source"]) for row in read] == [
        ("0101", 1250.5, None)
    ]
    # 1970-01-01 to 2024-01-01: 54 × 365 days + 13 leap days = 19,723.
    assert (read[0]["start_day"], read[0]["end_day"]) == (19723, 19723 + 365)


def test_a_folder_that_is_not_empty_is_a_file_exists_error_and_stays_as_it_was(
    tmp_path: Path,
) -> None:
    (tmp_path / "mine.txt").write_text("keep")
    with pytest.raises(FileExistsError) as raised:
        bilateral.demo().export_parquet(tmp_path)
    assert raised.value.filename == str(tmp_path)
    assert "not empty" in str(raised.value)
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


def test_an_export_narrowed_by_the_filters_writes_only_their_indicator(tmp_path: Path) -> None:
    written = bilateral.demo().export_parquet(tmp_path / "out", indicator="tourists")
    assert written == 4
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["indicator=tourists"]


def test_export_format_parquet_on_the_command_line_writes_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.db"
    with bilateral.Store(db) as store:
        store.load_dataset("azerbaijan-kazakhstan-2025")
    out = tmp_path / "observations"
    assert main(["export", "--db", str(db), "--format", "parquet", str(out)]) == 0
    assert "exported 35 observations" in capsys.readouterr().out
    assert len(pq.read_table(out)) == 35
    # A folder named *.parquet needs no --format.
    assert main(["export", "--db", str(db), str(tmp_path / "all.parquet")]) == 0
    assert (tmp_path / "all.parquet" / "indicator=tourists" / "part-0.parquet").is_file()
    # Without --format or an extension the format is unknown; an export over an
    # existing one is refused.
    assert main(["export", "--db", str(db), str(tmp_path / "other")]) == 2
    assert "--format csv or json or parquet" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "--format", "parquet", str(out)]) == 2
    assert "not empty" in capsys.readouterr().err
    # Parquet is a way out, not in.
    assert (
        main(["import", str(tmp_path / "all.parquet"), "--db", str(db), "--format", "parquet"]) == 2
    )
    assert "written by export only" in capsys.readouterr().err


# ----- the docs' DuckDB growth -- -------------------------------------------------------


def readme_growth_sql() -> str:
    """The SQL block of the docs' section on stores that outgrow one file
    (docs/data-in-and-out.md)."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## When a store outgrows one file") :]
    match = re.search(r"```sql\n(.*?)```", section, re.S)
    assert match, "the section has a ```sql block"
    sql = match.group(1)
    assert README_FOLDER in sql
    return sql


def test_the_docs_sql_is_the_query_bilateral_sql_growth_writes() -> None:
    """The docs show the generated query, not a copy that could drift from it."""
    assert readme_growth_sql() == bilateral.sql.growth("observations", product=None)


def growth_in_duckdb(folder: Path) -> pd.DataFrame:
    sql = readme_growth_sql().replace(README_FOLDER, f"{folder}/**/*.parquet")
    return duckdb.sql(sql).df()


NUMBERS = [
    "value",
    "low",
    "high",
    "base_value",
    "change",
    "change_low",
    "change_high",
    "pct",
    "pct_low",
    "pct_high",
    "multiple",
]
TEXTS = [*SERIES, "unit", "period", "status", "base_period"]


def _same_number(a: Any, b: Any) -> bool:
    if pd.isna(a) or pd.isna(b):
        return bool(pd.isna(a) and pd.isna(b))
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("name", ["demo", "generated"])
def test_the_readme_growth_sql_in_duckdb_gives_the_librarys_growth_of_every_series(
    name: str, tmp_path: Path, generated: bilateral.Store
) -> None:
    store = bilateral.demo() if name == "demo" else generated
    store.export_parquet(tmp_path / "observations")
    sql = growth_in_duckdb(tmp_path / "observations")
    library = store.growth(product=None)
    assert list(sql.columns) == list(library.columns)
    key = [*SERIES, "period"]
    sql = sql.sort_values(key).reset_index(drop=True)
    library = library.sort_values(key).reset_index(drop=True)
    assert len(sql) == len(library)
    for column in TEXTS:
        ours = [None if pd.isna(v) else v for v in library[column]]
        theirs = [None if pd.isna(v) else v for v in sql[column]]
        assert theirs == ours, column
    for column in NUMBERS:
        wrong = [
            (row, a, b)
            for row, (a, b) in enumerate(zip(sql[column], library[column]))
            if not _same_number(a, b)
        ]
        assert not wrong, (column, wrong[:5])


def test_the_generated_store_has_what_the_growth_sql_must_get_right(
    generated: bilateral.Store,
) -> None:
    """The comparison above would prove little on rows without bases: the generated
    store has bases of every kind of period, empty ratios and preferred figures."""
    growth = generated.growth(product=None)
    with_base = growth[growth["base_period"].notna()]
    periods = set(with_base["period"])
    for period in ["2024", "2024-Q1", "2025-02", "2025-01/2025-08", "2025-02-10/2025-02-28"]:
        assert period in periods, period
    assert growth["pct"].isna().sum() > len(growth) - len(with_base), "some ratios are empty"
    assert (with_base["base_value"] < 0).any()
    assert set(growth["product"]) >= {"0101", "total", "wine"}
    assert "target" not in set(growth["status"])
    observations = generated.observations()
    per_period = observations.groupby([*SERIES, "period"]).size()
    assert (per_period > 1).any(), "some periods have several figures to choose among"
