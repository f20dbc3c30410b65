"""Every error says what went wrong as data: ``kind``, a stable snake_case name per kind
of the Rust ``ErrorKind`` (every kind has one, in the enum's order), and ``suggestion``,
the value to use instead or None, on each exception class."""

from __future__ import annotations

import io
import pickle
import re
from pathlib import Path
from typing import get_args

import bilateral
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[3]

HEADER = "indicator,origin,destination,period,value\n"


@pytest.fixture
def store() -> bilateral.Store:
    s = bilateral.Store()
    s.add_indicator("trade", "Trade", "USD", "flow", directed=False)
    return s


def test_a_misspelt_country_suggests_its_alpha3_code(store: bilateral.Store) -> None:
    # "Azerbaijn" is "Azerbaijan" less one letter: one edit, close enough to be a slip.
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add("trade", "Azerbaijn", "KAZ", 2024, 1.0)
    assert (caught.value.kind, caught.value.suggestion) == ("unknown_country", "AZE")
    assert caught.value.field == "origin"
    # No name within two edits of "Atlantis": nothing to suggest.
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add("trade", "AZE", "Atlantis", 2024, 1.0)
    assert (caught.value.kind, caught.value.suggestion) == ("unknown_country", None)


def test_the_same_country_on_both_sides_is_its_own_kind(store: bilateral.Store) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add("trade", "KAZ", "Kazakhstan", 2024, 1.0)
    assert (caught.value.kind, caught.value.suggestion) == ("same_country", None)


def test_an_unmapped_sdmx_code_suggests_the_code_to_map(
    store: bilateral.Store, tmp_path: Path
) -> None:
    path = tmp_path / "trade.csv"
    path.write_text(
        "DATAFLOW,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE\n"
        "X:TRADE(1.0),KAZ,SALES,AZE,2024,150\n"
    )
    with pytest.raises(bilateral.ValidationError) as caught:
        store.import_sdmx_csv(path)
    assert (caught.value.kind, caught.value.suggestion) == ("unmapped_code", "SALES")
    assert (caught.value.field, caught.value.record) == ("INDICATOR", 2)
    # Python's message words the advice as the argument that follows it.
    assert str(caught.value).endswith('map it to an indicator: mapping={"SALES": "INDICATOR"}')


def test_a_duplicate_is_of_kind_duplicate_with_nothing_to_suggest(
    store: bilateral.Store,
) -> None:
    store.add("trade", "AZE", "KAZ", 2024, 1.0)
    with pytest.raises(bilateral.DuplicateError) as caught:
        store.add("trade", "AZE", "KAZ", 2024, 1.0)
    assert (caught.value.kind, caught.value.suggestion) == ("duplicate", None)
    assert 'on_duplicate="replace" would replace it' in str(caught.value)


@pytest.mark.parametrize(("cell", "separator"), [("1,234", ","), ("12 345", " ")])
def test_thousands_separators_in_a_csv_suggest_the_separator(
    store: bilateral.Store, cell: str, separator: str
) -> None:
    # pandas reads the column as text when a cell has a separator and thousands= is unset.
    frame = pd.read_csv(io.StringIO(f'{HEADER}trade,AZE,KAZ,2024,"{cell}"\n'))
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(frame)
    assert (caught.value.kind, caught.value.suggestion) == ("thousands_separators", separator)
    assert f'pd.read_csv(..., thousands="{separator}")' in str(caught.value)


def test_a_missing_mark_that_made_a_column_text_suggests_the_mark(
    store: bilateral.Store,
) -> None:
    frame = pd.read_csv(io.StringIO(f"{HEADER}trade,AZE,KAZ,2024,..\ntrade,AZE,KAZ,2023,5\n"))
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many(frame)
    assert (caught.value.kind, caught.value.suggestion) == ("missing_mark_as_text", "..")


def test_what_is_not_found_is_of_kind_not_found_or_unknown_indicator(
    store: bilateral.Store,
) -> None:
    with pytest.raises(bilateral.NotFoundError) as caught:
        store.growth("tarde", "AZE", "KAZ")
    assert (caught.value.kind, caught.value.suggestion) == ("unknown_indicator", None)
    with pytest.raises(bilateral.NotFoundError) as caught:
        store.load_dataset("no-such-dataset")
    assert (caught.value.kind, caught.value.suggestion) == ("not_found", None)


def test_a_store_that_cannot_be_opened_or_is_closed_says_so_by_kind(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database, though its name says so\n" * 100)
    with pytest.raises(bilateral.SchemaError) as caught:
        bilateral.Store(text)
    assert (caught.value.kind, caught.value.suggestion) == ("schema", None)
    store = bilateral.Store()
    store.close()
    with pytest.raises(bilateral.ClosedError) as closed:
        store.observations()
    assert (closed.value.kind, closed.value.suggestion) == ("closed", None)


def test_an_exception_made_in_python_has_its_class_s_kind() -> None:
    # plot.py raises NotFoundError itself; every class has a kind to fall back on.
    assert bilateral.NotFoundError("chart not found").kind == "not_found"
    assert bilateral.ValidationError("bad").kind == "invalid"
    assert bilateral.DuplicateError("twice").kind == "duplicate"
    assert bilateral.BusyError("locked").kind == "busy"
    assert bilateral.BilateralError("defect").kind == "other"
    assert bilateral.BilateralError("defect").suggestion is None


def test_kind_and_suggestion_survive_pickling(store: bilateral.Store) -> None:
    # As an error crossing to another process (multiprocessing) does.
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add("trade", "Azerbaijn", "KAZ", 2024, 1.0)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (type(copy), copy.kind, copy.suggestion) == (
        bilateral.ValidationError,
        "unknown_country",
        "AZE",
    )


def _rust_error_kinds() -> list[str]:
    """The variants of the Rust `ErrorKind`, read from src/error.rs, in snake_case."""
    source = (ROOT / "src" / "error.rs").read_text()
    body = re.search(r"pub enum ErrorKind \{(.*?)\n\}", source, re.S)
    assert body is not None
    variants = re.findall(r"^\s{4}([A-Z]\w*),", body.group(1), re.M)
    return [re.sub(r"(?<!^)([A-Z])", r"_\1", v).lower() for v in variants]


def test_every_rust_error_kind_has_its_python_name_in_order() -> None:
    # src/error.rs lists 21 kinds today, from UnknownCountry to Other.
    kinds = _rust_error_kinds()
    assert len(kinds) == 21
    assert (kinds[0], kinds[10], kinds[-1]) == ("unknown_country", "unmapped_code", "other")
    assert bilateral._core.ERROR_KINDS == tuple(kinds)
    assert get_args(bilateral.ErrorKind) == tuple(kinds)


def test_the_docs_say_what_every_kind_means() -> None:
    page = (ROOT / "docs" / "python.md").read_text()
    errors = page[page.index("## Errors") :]
    rows = [line for line in errors.splitlines() if line.startswith("| `")]
    named = {name for row in rows for name in re.findall(r"`([a-z_]+)`", row.split(" | ")[0])}
    assert named == set(bilateral._core.ERROR_KINDS)
