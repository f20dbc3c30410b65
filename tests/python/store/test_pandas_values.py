"""Periods as pandas holds them: a Period column, a timestamp column, a year column that
a missing cell made float, and the text ``str(pd.Period)`` writes all load as the
periods they state, through Arrow and as lists alike."""

from __future__ import annotations

import datetime
import io
from typing import Any

import bilateral
import numpy as np
import pandas as pd
import pytest


@pytest.fixture(params=["through Arrow", "as lists"])
def pandas_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """pandas frames go through pyarrow when it is installed, else as lists: both."""
    if request.param == "as lists":
        monkeypatch.setattr("bilateral._store.frames.arrow_table", lambda frame: None)
    return str(request.param)


def _store() -> bilateral.Store:
    store = bilateral.Store()
    store.add_indicator("visitors", "Visitors", "persons", "flow", directed=True)
    return store


def _frame(periods: Any) -> pd.DataFrame:
    rows = len(periods)
    return pd.DataFrame(
        {
            "indicator": ["visitors"] * rows,
            "origin": ["TUR"] * rows,
            "destination": ["GEO"] * rows,
            "period": periods,
            "value": [float(100 * (i + 1)) for i in range(rows)],
        }
    )


def _periods(store: bilateral.Store) -> list[str]:
    return [str(p) for p in store.observations()["period"].tolist()]


def test_a_period_column_loads_as_its_quarters_months_and_fiscal_quarters(
    pandas_path: str,
) -> None:
    store = _store()
    store.add_many(_frame(pd.period_range("2024Q1", periods=2, freq="Q")))
    store.add_many(_frame(pd.period_range("2024-11", periods=2, freq="M")))
    # A fiscal year ending in June: its first quarter is July–September of the year before.
    store.add_many(_frame(pd.PeriodIndex([pd.Period("2024Q1", freq="Q-JUN")])))
    assert sorted(_periods(store)) == ["2023-Q3", "2024-11", "2024-12", "2024-Q1", "2024-Q2"]


def test_a_timestamp_column_loads_as_days(pandas_path: str) -> None:
    store = _store()
    days = pd.to_datetime(["2024-03-15 00:00", "2024-03-16 18:30"])
    store.add_many(_frame(days))
    # A time of day in another zone is on that zone's calendar day, not UTC's.
    store.add_many(_frame(pd.to_datetime(["2024-03-17 02:00"]).tz_localize("Asia/Tbilisi")))
    assert sorted(_periods(store)) == ["2024-03-15", "2024-03-16", "2024-03-17"]


def test_a_year_column_made_float_by_a_missing_cell_loads_as_years(pandas_path: str) -> None:
    csv = "indicator,origin,destination,period,value\n" + "\n".join(
        [
            "visitors,TUR,GEO,2023,100",
            "visitors,TUR,GEO,,150",
            "visitors,TUR,GEO,2024,200",
        ]
    )
    frame = pd.read_csv(io.StringIO(csv))
    assert frame["period"].dtype == "float64"
    store = _store()
    assert store.add_many(frame.dropna(subset=["period"])) == 2
    assert sorted(_periods(store)) == ["2023", "2024"]


def test_a_year_with_a_fraction_names_its_record_and_field(pandas_path: str) -> None:
    store = _store()
    with pytest.raises(bilateral.ValidationError) as raised:
        store.add_many(_frame([2023.0, 2024.5]))
    assert (raised.value.record, raised.value.field) == (1, "period")
    assert "fraction" in str(raised.value)
    assert len(store.observations()) == 0


def test_the_text_str_gives_a_pandas_period_loads_as_that_period(pandas_path: str) -> None:
    texts = [str(p) for p in pd.period_range("2024Q3", periods=3, freq="Q")]
    assert texts == ["2024Q3", "2024Q4", "2025Q1"]
    store = _store()
    store.add_many(_frame(texts))
    assert sorted(_periods(store)) == ["2024-Q3", "2024-Q4", "2025-Q1"]


def test_one_record_takes_a_period_date_datetime64_numpy_year_or_float_year() -> None:
    store = _store()
    for i, period in enumerate(
        [
            pd.Period("2023-06", freq="M"),
            datetime.date(2023, 7, 4),
            datetime.datetime(2023, 7, 5, 23, 59),
            pd.Timestamp("2023-07-06"),
            np.datetime64("2023-07-07"),
            np.datetime64("2023-08"),
            np.int64(2021),
            2022.0,
            "Jan–Aug 2025",
            "H1 2024",
        ]
    ):
        store.add("visitors", "TUR", "GEO", period, float(i + 1))
    assert sorted(_periods(store)) == [
        "2021",
        "2022",
        "2023-06",
        "2023-07-04",
        "2023-07-05",
        "2023-07-06",
        "2023-07-07",
        "2023-08",
        "2024-H1",
        "2025-01/2025-08",
    ]


def test_records_as_dicts_take_pandas_periods_and_timestamps() -> None:
    store = _store()
    records = [
        {"indicator": "visitors", "origin": "TUR", "destination": "GEO", "value": 1.0,
         "period": pd.Period("2024Q2", freq="Q")},
        {"indicator": "visitors", "origin": "TUR", "destination": "GEO", "value": 2.0,
         "period": pd.Timestamp("2024-05-01")},
    ]  # fmt: skip
    assert store.add_many(records) == 2
    assert sorted(_periods(store)) == ["2024-05-01", "2024-Q2"]


def test_arrow_date_and_float_year_columns_load_as_days_and_years() -> None:
    import pyarrow as pa

    store = _store()
    dates = pa.array([datetime.date(2024, 2, 29), None], type=pa.date32())
    frame = _frame(["x", "2020"]).drop(columns=["period"])
    table = pa.Table.from_pandas(frame, preserve_index=False).append_column("period", dates)
    with pytest.raises(bilateral.ValidationError) as raised:
        store.add_many(table)
    assert (raised.value.record, raised.value.field) == (1, "period")
    store.add_many(table.slice(0, 1))
    years = pa.Table.from_pandas(_frame([2019.0, 2020.0]), preserve_index=False)
    store.add_many(years)
    assert sorted(_periods(store)) == ["2019", "2020", "2024-02-29"]


def test_a_value_with_thousands_separators_says_how_to_read_the_csv(pandas_path: str) -> None:
    csv = 'indicator,origin,destination,period,value\nvisitors,TUR,GEO,2023,"1,234"\n'
    frame = pd.read_csv(io.StringIO(csv))
    store = _store()
    with pytest.raises(bilateral.ValidationError, match=r'thousands=","') as raised:
        store.add_many(frame)
    assert (raised.value.record, raised.value.field) == (0, "value")
    assert store.add_many(pd.read_csv(io.StringIO(csv), thousands=",")) == 1
    assert store.observations()["value"].tolist() == [1234.0]


def test_a_value_with_spaces_for_thousands_names_that_separator(pandas_path: str) -> None:
    # The crate says "read the file with its thousands separator set" and gives the
    # separator as data; the binding names pandas' argument with it.
    csv = 'indicator,origin,destination,period,value\nvisitors,TUR,GEO,2023,"12 345"\n'
    store = _store()
    with pytest.raises(bilateral.ValidationError) as raised:
        store.add_many(pd.read_csv(io.StringIO(csv)))
    assert 'pd.read_csv(..., thousands=" ")' in raised.value.reason
    assert "separator set" not in str(raised.value)


def test_a_misspelled_indicator_or_country_gets_a_suggestion() -> None:
    store = _store()
    with pytest.raises(bilateral.ValidationError, match="did you mean visitors"):
        store.add("visitor", "TUR", "GEO", 2024, 1.0)
    with pytest.raises(bilateral.ValidationError, match=r"did you mean Georgia \(GEO\)"):
        store.add("visitors", "TUR", "Gorgia", 2024, 1.0)
