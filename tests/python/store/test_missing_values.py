"""A value that is missing (None, NaN, an empty cell, or a mark such as the World Bank's
``..`` or Eurostat's ``:``) is named as such, never taken for a slip in a number, and
``missing="skip"`` passes over its row and says so."""

from __future__ import annotations

import io
from pathlib import Path

import bilateral
import pandas as pd
import pyarrow as pa
import pytest
from bilateral.__main__ import main

# As a World Bank download gives it: thousands separators, and ".." where there is no
# figure (2022).
WORLD_BANK = """\
indicator,origin,destination,period,value
tourists,GEO,ARM,2021,"1,200"
tourists,GEO,ARM,2022,..
tourists,GEO,ARM,2023,"3,400"
"""


def stored(store: bilateral.Store) -> list[tuple[str, float]]:
    frame = store.observations("tourists", "GEO", "ARM")
    return list(zip(frame["period"], frame["value"], strict=True))


def test_a_mark_that_made_a_column_text_is_named_not_taken_for_thousands() -> None:
    store = bilateral.Store()
    # pandas leaves the column text even with thousands=",": the ".." is why.
    frame = pd.read_csv(io.StringIO(WORLD_BANK), thousands=",")
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(frame)
    error = caught.value
    assert (error.record, error.field, error.text) == (1, "value", "..")
    assert "thousands" not in str(error)
    assert error.reason.startswith("marks a missing value (as the World Bank")
    assert 'na_values=[".."]' in error.reason
    assert stored(store) == []


def test_read_with_na_values_the_missing_row_is_an_error_or_skipped() -> None:
    store = bilateral.Store()
    frame = pd.read_csv(io.StringIO(WORLD_BANK), thousands=",", na_values=[".."])
    # NaN where ".." was: a missing value, named so, and nothing written.
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(frame)
    assert (caught.value.record, caught.value.field, caught.value.text) == (1, "value", "")
    assert str(caught.value) == (
        'record 1, field "value": "" is missing (an empty cell, None or NaN): drop the row '
        'or pass missing="skip"'
    )
    assert stored(store) == []
    # Three rows, one without a value: two added.
    assert store.add_many(frame, missing="skip") == 2
    assert stored(store) == [("2021", 1200.0), ("2023", 3400.0)]


@pytest.mark.parametrize(
    ("mark", "said"),
    [
        ("..", "as the World Bank"),
        (":", "as Eurostat writes it"),
        ("-", "write 0 where it means zero"),
        ("n/a", "not available"),
        ("x", "kept confidential"),
    ],
)
def test_a_mark_in_a_column_of_numbers_is_named_and_skipped_on_request(
    mark: str, said: str
) -> None:
    store = bilateral.Store()
    # A column of numbers with one text cell: pandas keeps it as objects.
    frame = pd.DataFrame(
        {
            "indicator": ["tourists"] * 3,
            "origin": ["GEO"] * 3,
            "destination": ["ARM"] * 3,
            "period": ["2021", "2022", "2023"],
            "value": [1200.0, mark, 3400.0],
        }
    )
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(frame)
    assert (caught.value.record, caught.value.text) == (1, mark)
    assert said in caught.value.reason
    assert caught.value.reason.endswith('pass missing="skip"')
    assert store.add_many(frame, missing="skip") == 2
    assert stored(store) == [("2021", 1200.0), ("2023", 3400.0)]


def test_records_without_a_value_are_named_or_skipped() -> None:
    store = bilateral.Store()
    base = {"indicator": "tourists", "origin": "GEO", "destination": "ARM"}
    records: list[dict[str, object]] = [
        {**base, "period": "2020", "value": 10},
        {**base, "period": "2021", "value": ":"},
        {**base, "period": "2022", "value": None},
        {**base, "period": "2023", "value": float("nan")},
        {**base, "period": "2024"},
        # Passed over whole: its unknown country is not looked at.
        {"indicator": "tourists", "origin": "Atlantis", "destination": "ARM", "period": 2025,
         "value": ".."},
        {**base, "period": "2026", "value": 12},
    ]  # fmt: skip
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(records)
    assert (caught.value.record, caught.value.text) == (1, ":")
    assert "as Eurostat writes it" in str(caught.value)
    # Seven records, five without a value: two added.
    assert store.add_many(records, missing="skip") == 2
    assert stored(store) == [("2020", 10.0), ("2026", 12.0)]


def test_an_arrow_column_of_marks_alone_is_all_skipped() -> None:
    store = bilateral.Store()
    table = pa.table(
        {
            "indicator": ["tourists", "tourists"],
            "origin": ["GEO", "GEO"],
            "destination": ["ARM", "ARM"],
            "period": ["2021", "2022"],
            "value": ["..", ":"],
        }
    )
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(table)
    assert (caught.value.record, caught.value.text) == (0, "..")
    assert store.add_many(table, missing="skip") == 0
    assert stored(store) == []


def test_a_row_after_a_skipped_one_is_named_by_its_own_index() -> None:
    store = bilateral.Store()
    frame = pd.DataFrame(
        {
            "indicator": ["tourists"] * 3,
            "origin": ["GEO", "GEO", "Atlantis"],
            "destination": ["ARM"] * 3,
            "period": ["2021", "2022", "2023"],
            "value": [1.0, float("nan"), 3.0],
        },
        index=["a", "b", "c"],
    )
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(frame, missing="skip")
    assert (caught.value.record, caught.value.field) == (2, "origin")
    assert "DataFrame index label of record 2: 'c'" in caught.value.__notes__
    assert stored(store) == []


CSV = """\
indicator,origin,destination,period,value
tourists,GEO,ARM,2021,1200
tourists,GEO,ARM,2022,..
tourists,GEO,ARM,2023,:
tourists,GEO,ARM,2024,
tourists,GEO,ARM,2025,..
"""


def test_import_csv_names_the_mark_or_skips_and_counts_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    path.write_text(CSV)
    store = bilateral.Store()
    with pytest.raises(bilateral.ValidationError) as caught:
        store.import_csv(path)
    assert (caught.value.record, caught.value.field, caught.value.text) == (3, "value", "..")
    assert stored(store) == []
    result = store.import_csv(path, missing="skip")
    assert (result.rows_read, result.figures_written) == (5, 1)
    assert [(s.reason, s.rows, s.first_line) for s in result.skipped] == [
        ("value is missing (`..`)", 2, 3),
        ("value is missing (`:`)", 1, 4),
        ("value is missing (empty cell)", 1, 5),
    ]
    assert stored(store) == [("2021", 1200.0)]


def test_the_command_skips_missing_values_when_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "figures.csv", str(tmp_path / "a.db")
    path.write_text(CSV)
    assert main(["import", str(path), "--db", db]) == 1
    assert '".." marks a missing value' in capsys.readouterr().err
    assert main(["import", str(path), "--db", db, "--missing", "skip"]) == 0
    out = capsys.readouterr().out
    assert "1 figure from 5 rows (csv)" in out
    assert "skipped 2 rows (first at line 3): value is missing (`..`)" in out
