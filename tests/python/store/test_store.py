"""The Python face of the store: DataFrames, typed exceptions, files, threads."""

from __future__ import annotations

import json
import math
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import bilateral
import pandas as pd
import pytest

OBSERVATION_COLUMNS = [
    "indicator", "origin", "destination", "product", "period", "start", "end", "value",
    "low", "high", "qualifier", "status", "unit", "source", "quote", "note",
]  # fmt: skip


@pytest.fixture
def store() -> bilateral.Store:
    s = bilateral.Store()
    s.add_indicator("trade", "Trade", "USD", "flow", directed=False)
    s.add_indicator("visitors", "Visitors", "persons", "flow", directed=True)
    s.add_source("office", "Statistics office", publisher="The office")
    return s


def test_add_then_read_back_as_a_dataframe(store: bilateral.Store) -> None:
    store.add("visitors", "Azerbaijan", "kz", 2024, 102_000, qualifier="over", source="office",
              quote="over 102,000 visitors")  # fmt: skip
    df = store.observations(indicator="visitors")
    assert list(df.columns) == OBSERVATION_COLUMNS
    row = df.iloc[0]
    assert (row.origin, row.destination, row.period) == ("AZE", "KAZ", "2024")
    assert (row.value, row.low, row.high) == (102_000.0, 102_000.0, 103_000.0)
    assert row.start == pd.Timestamp("2024-01-01")
    assert row.end == pd.Timestamp("2024-12-31")
    assert str(df["value"].dtype) == "float64"
    assert (row.qualifier, row.status, row.unit, row.source) == (
        "over",
        "actual",
        "persons",
        "office",
    )


def test_an_empty_selection_keeps_the_columns_and_types(store: bilateral.Store) -> None:
    df = store.observations(indicator="trade")
    assert df.empty
    assert list(df.columns) == OBSERVATION_COLUMNS
    assert str(df["value"].dtype) == "float64"


def test_validation_errors_are_value_errors_naming_field_and_text(store: bilateral.Store) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add("visitors", "AZE", "AZ", "2024", 5)
    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, bilateral.BilateralError)
    assert (error.field, error.text, error.record) == ("destination", "AZ", None)
    assert "same country" in error.reason
    for kwargs, field in [
        ({"period": "2024-13"}, "period"),
        ({"value": math.nan}, "value"),
        ({"value": -1}, "value"),
        ({"origin": "Atlantis"}, "origin"),
        ({"indicator": "gdp"}, "indicator"),
        ({"qualifier": "circa"}, "qualifier"),
        ({"status": "rumour"}, "status"),
        ({"source": "nobody"}, "source"),
    ]:
        args = {"indicator": "visitors", "origin": "AZE", "destination": "KAZ", "period": "2024",
                "value": 5} | kwargs  # fmt: skip
        with pytest.raises(bilateral.ValidationError) as caught:
            store.add(**args)
        assert caught.value.field == field, kwargs
    assert store.observations().empty


def test_duplicates_are_refused_unless_replaced(store: bilateral.Store) -> None:
    store.add("trade", "AZE", "KAZ", "2024", 533_400_000, source="office")
    with pytest.raises(bilateral.DuplicateError) as caught:
        store.add("trade", "KAZ", "AZE", "2024", 533_500_000, source="office")
    assert isinstance(caught.value, bilateral.ValidationError)
    store.add("trade", "KAZ", "AZE", "2024", 533_500_000, source="office", replace=True)
    assert store.observations(indicator="trade")["value"].tolist() == [533_500_000.0]


def test_a_cell_run_twice_with_on_duplicate_skip_adds_nothing_the_second_time(
    store: bilateral.Store,
) -> None:
    cell = [
        {"indicator": "trade", "origin": "AZE", "destination": "KAZ", "period": "2023",
         "value": 400, "unit": "million USD"},
        {"indicator": "visitors", "origin": "KAZ", "destination": "AZE", "period": "2023",
         "value": 102, "qualifier": "over"},
    ]  # fmt: skip
    assert store.add_many(cell, on_duplicate="skip", scale=1) == 2
    assert store.add_many(cell, on_duplicate="skip") == 0
    assert store.add_many(pd.DataFrame(cell), on_duplicate="skip") == 0
    assert len(store.observations()) == 2
    store.add("trade", "AZE", "KAZ", "2023", 400_000_000, on_duplicate="skip")
    # Another figure for a stored identity is still refused, naming the way to replace it.
    with pytest.raises(bilateral.DuplicateError, match='on_duplicate="replace" would replace'):
        store.add_many([cell[0] | {"value": 401}], on_duplicate="skip")
    assert store.add_many([cell[0] | {"value": 401}], on_duplicate="replace") == 1
    assert store.observations(indicator="trade")["value"].tolist() == [401_000_000.0]
    with pytest.raises(bilateral.ValidationError, match="on_duplicate"):
        store.add_many(cell, on_duplicate="ignore")  # type: ignore[arg-type]
    with pytest.raises(bilateral.ValidationError, match="contradicts"):
        store.add_many(cell, on_duplicate="skip", replace=True)


def test_a_multiple_unit_beside_scale_is_refused_before_anything_is_written(
    store: bilateral.Store,
) -> None:
    # "thousand USD" already multiplies by 1,000; scale=1000 would make 307,948.3
    # thousand USD 307,948,300,000 USD, a thousand times too much
    rows = pd.DataFrame({"indicator": ["trade", "trade"], "origin": ["AZE", "AZE"],
                         "destination": ["KAZ", "KAZ"], "period": ["2023", "2024"],
                         "value": [307_948.3, 334_201.7],
                         "unit": ["USD", "thousand USD"]})  # fmt: skip
    before = len(store.observations())
    with pytest.raises(bilateral.ValidationError, match="scaled twice") as caught:
        store.add_many(rows, scale=1000)
    assert caught.value.field == "unit"
    assert caught.value.record == 1  # the second row's unit, "thousand USD"
    with pytest.raises(bilateral.ValidationError, match="scaled twice"):
        store.add("trade", "AZE", "KAZ", 2024, 334_201.7, unit="thousand USD", scale=1000)
    assert len(store.observations()) == before
    # either one alone stores the figure in USD
    store.add_many(rows.assign(unit="thousand USD"))
    assert store.observations(indicator="trade")["value"].tolist() == [
        307_948_300.0,
        334_201_700.0,
    ]


def test_periods_as_statistics_offices_write_them_are_stored_canonically(
    store: bilateral.Store,
) -> None:
    written = ["2024 Q1", "2024q2", "2024M07", "2024-M08", "Sep-24", "January 2023"]
    rows = pd.DataFrame({"indicator": "trade", "origin": "AZE", "destination": "KAZ",
                         "period": written, "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})  # fmt: skip
    assert store.add_many(rows) == 6
    stored = store.observations(indicator="trade").sort_values("value")["period"].tolist()
    assert stored == ["2024-Q1", "2024-Q2", "2024-07", "2024-08", "2024-09", "2023-01"]
    with pytest.raises(bilateral.ValidationError, match="fiscal year") as caught:
        store.add("trade", "AZE", "KAZ", "2024/25", 1.0)
    assert (caught.value.field, caught.value.text) == ("period", "2024/25")


def test_scale_stores_a_table_in_thousands_as_base_units(store: bilateral.Store) -> None:
    rows = pd.DataFrame({"indicator": ["trade", "trade"], "origin": ["AZE", "AZE"],
                         "destination": ["KAZ", "KAZ"], "period": ["2022", "2023"],
                         "value": [547.6, 612.0], "high": [550.0, 615.0]})  # fmt: skip
    assert store.add_many(rows, scale=1000) == 2
    stored = store.observations(indicator="trade")
    assert stored[["value", "high"]].values.tolist() == [
        [547_600.0, 550_000.0],
        [612_000.0, 615_000.0],
    ]
    store.add("visitors", "KAZ", "AZE", 2024, 1.5, qualifier="over", unit="million persons")
    visitors = store.observations(indicator="visitors").iloc[0]
    assert (visitors.value, visitors.low, visitors.high) == (1_500_000.0, 1_500_000.0, 1_600_000.0)
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add("trade", "AZE", "KAZ", 2024, 1.0, unit="million EUR")
    assert (caught.value.field, caught.value.text) == ("unit", "million EUR")


def test_load_reads_a_dataset_file_written_by_the_test(tmp_path: Path) -> None:
    path = tmp_path / "team.json"
    path.write_text(json.dumps({
        "name": "team", "title": "Our figures",
        "sources": [{"id": "geostat", "title": "External trade", "publisher": "Geostat"}],
        "indicators": [{"code": "wine_exports", "name": "Wine exports", "unit": "USD",
                        "kind": "flow", "directed": True, "topic": "trade"}],
        "observations": [{"indicator": "wine_exports", "origin": "GEO", "destination": "UKR",
                          "period": "2024", "value": 12.5, "unit": "million USD",
                          "source": "geostat"}],
        "events": [{"date": "2024-05-01", "a": "GEO", "b": "UKR", "kind": "visit",
                    "title": "Trade mission"}],
    }), encoding="utf-8")  # fmt: skip
    store = bilateral.Store()
    assert store.load(path) == {
        "sources": 1,
        "indicators": 1,
        "observations": 1,
        "events": 1,
        "claims": 0,
        "topics": 0,
        "products": 0,
        "populations": 0,
    }
    assert store.observations(indicator="wine_exports")["value"].tolist() == [12_500_000.0]
    with pytest.raises(FileNotFoundError):
        store.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "bad", "title": "Bad",\n "observations": [{"value": }]}')
    with pytest.raises(bilateral.ValidationError) as caught:
        store.load(bad)
    assert caught.value.field == "dataset" and "line 2" in caught.value.reason


def test_add_many_is_all_or_nothing_and_names_the_record(store: bilateral.Store) -> None:
    good = {"indicator": "trade", "origin": "AZE", "destination": "KAZ", "value": 1.0}
    records = [good | {"period": "2021"}, good | {"period": "2022"}, good | {"period": "2023-Q5"}]
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(records)
    assert (caught.value.record, caught.value.field, caught.value.text) == (2, "period", "2023-Q5")
    assert store.observations().empty
    assert store.add_many(records[:2]) == 2
    assert store.observations(indicator="trade")["period"].tolist() == ["2021", "2022"]


def test_add_many_takes_a_dataframe_with_missing_cells(store: bilateral.Store) -> None:
    df = pd.DataFrame(
        {
            "indicator": ["visitors", "visitors"],
            "origin": ["AZE", "KAZ"],
            "destination": ["KAZ", "AZE"],
            "period": ["2022", "2022"],
            "value": [59_000, 24_000],
            "qualifier": ["around", None],
            "low": [math.nan, math.nan],
        }
    )
    assert store.add_many(df) == 2
    back = store.observations(indicator="visitors")
    # around 59,000: u = 1,000, so [58,500, 59,500]; 24,000 exact.
    assert back[["low", "high"]].values.tolist() == [[58_500, 59_500], [24_000, 24_000]]
    # What observations() returns can go back in (start and end are derived, so ignored).
    other = bilateral.Store()
    other.add_indicator("visitors", "Visitors", "persons", "flow", directed=True)
    back = back.drop(columns=["source"])
    assert other.add_many(back) == 2


def test_add_many_rejects_unknown_fields_and_non_mappings(store: bilateral.Store) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many([{"indicator": "trade", "origin": "AZE", "destination": "KAZ",
                         "period": "2024", "value": 1, "qualifer": "over"}])  # fmt: skip
    assert (caught.value.field, caught.value.record) == ("qualifer", 0)
    with pytest.raises(TypeError, match="^record 0: expected a mapping"):
        store.add_many([1, 2])
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(
            [{"indicator": "trade", "origin": "AZE", "destination": "KAZ", "period": "2024"}]
        )
    assert caught.value.field == "value"


def test_unknown_names_in_queries(store: bilateral.Store) -> None:
    with pytest.raises(bilateral.NotFoundError) as caught:
        store.observations(indicator="gdp")
    assert isinstance(caught.value, LookupError)
    assert (caught.value.what, caught.value.key) == ("indicator", "gdp")
    with pytest.raises(bilateral.NotFoundError):
        store.load_dataset("no-such-dataset")
    with pytest.raises(bilateral.ValidationError):
        store.observations(origin="Narnia")


def test_a_file_store_survives_close_and_reopen_and_opens_in_sqlite3(tmp_path: Path) -> None:
    path = tmp_path / "relations.db"
    with bilateral.Store(path) as store:
        store.load_dataset("azerbaijan-kazakhstan-2025")
        assert store.path == str(path)
    with pytest.raises(bilateral.SchemaError):
        store.observations()
    reopened = bilateral.Store(str(path))
    assert reopened.schema_version == bilateral.SCHEMA_VERSION
    assert 547_600_000.0 in reopened.observations(indicator="trade_turnover")["value"].tolist()
    reopened.close()

    conn = sqlite3.connect(path)
    tables = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')"
        )
    }
    assert {
        "country",
        "indicator",
        "observation",
        "population",
        "event",
        "source",
        "observation_view",
    } <= tables
    assert conn.execute("PRAGMA user_version").fetchone() == (bilateral.SCHEMA_VERSION,)
    row = conn.execute(
        'SELECT value, start, "end", qualifier FROM observation_view '
        "WHERE indicator = 'tourists' AND origin = 'AZE' AND period = '2024'"
    ).fetchone()
    assert row == (102_000.0, "2024-01-01", "2024-12-31", "over")
    conn.close()


def test_a_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    bilateral.Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {bilateral.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(bilateral.SchemaError, match="upgrade bilateral"):
        bilateral.Store(path)


def test_threads_can_share_one_store(store: bilateral.Store) -> None:
    def add_years(origin: str) -> None:
        for year in range(1990, 2020):
            store.add("visitors", origin, "GEO", year, 1_000 + year)

    threads = [threading.Thread(target=add_years, args=(c,)) for c in ("AZE", "KAZ", "ARM", "TUR")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.observations(indicator="visitors")) == 4 * 30


def test_population_and_countries() -> None:
    store = bilateral.Store()
    assert store.population("AZE", 2024) == (2024, 10_202_830)
    assert store.population("Kazakhstan", 2030) == (2024, 20_592_571)
    store.set_population("AZE", 2025, 10_250_000)
    assert store.population("AZE", 2025) == (2025, 10_250_000)
    assert store.country("kz")["alpha3"] == "KAZ"


def test_events_can_be_added_and_read(store: bilateral.Store) -> None:
    store.add_event("2025-05-17", "KAZ", "AZE", "call", "Phone call", source="office")
    events = store.events("AZE", "KAZ")
    assert events[["date", "a", "b", "kind"]].values.tolist() == [
        ["2025-05-17", "AZE", "KAZ", "call"]
    ]
    assert events["start"].iloc[0] == pd.Timestamp("2025-05-17")
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_event("17 May", "KAZ", "AZE", "call", "Another call")
    assert caught.value.field == "date"


def test_helpers_for_periods_and_values() -> None:
    assert bilateral.normalize_period("2005/2025-Q1") == "2005-01/2025-03"
    assert bilateral.normalize_period(2024) == "2024"
    assert bilateral.format_value(547_600_000, "USD") == "$547.6 million"
    assert bilateral.format_value(102_000, "persons", "over") == "over 102,000"
    assert bilateral.normalize_period("Q3 2024") == "2024-Q3"
    with pytest.raises(bilateral.ValidationError):
        bilateral.normalize_period("Q5 2024")
    with pytest.raises(bilateral.ValidationError):
        bilateral.format_value(math.nan, "t")


def test_demo_summary_shows_values_in_human_form() -> None:
    text = bilateral.demo().summary()
    for expected in ["$547.6 million", "570,400 t", "over 102,000 [102,000 – 103,000]", "Sources"]:
        assert expected in text


@pytest.mark.slow
def test_command_line_prints_the_summary_and_fails_cleanly() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "bilateral", "summary"], capture_output=True, text=True
    )
    assert ok.returncode == 0
    assert "$547.6 million" in ok.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "bilateral", "summary", "--db", "/nonexistent/x.db"],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "no such file" in missing.stderr
