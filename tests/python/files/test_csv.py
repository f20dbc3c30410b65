"""The library's own CSV from Python: an export read back gives the same observations,
and a bad cell is an error naming the line and column."""

from __future__ import annotations

import json
from pathlib import Path

import bilateral
import pandas as pd
import pytest
from bilateral.__main__ import main

DEMO = "azerbaijan-kazakhstan-2025"


DATASET_FILE = Path(__file__).parents[3] / "data" / "datasets" / f"{DEMO}.json"


def _add_the_demo_sources_and_indicators(store: bilateral.Store, tmp_path: Path) -> None:
    """The demo dataset's sources and indicators, without its figures."""
    dataset = json.loads(DATASET_FILE.read_text(encoding="utf-8"))
    for figures in ("observations", "events", "claims"):
        dataset.pop(figures, None)
    path = tmp_path / "definitions.json"
    path.write_text(json.dumps(dataset), encoding="utf-8")
    store.load(path)


def test_the_demo_exported_and_imported_into_a_fresh_store_gives_the_same_observations(
    tmp_path: Path,
) -> None:
    path = tmp_path / "demo.csv"
    demo = bilateral.demo()
    written = demo.export_csv(path)
    assert written == len(demo.observations())
    store = bilateral.Store()
    _add_the_demo_sources_and_indicators(store, tmp_path)
    assert store.import_csv(path).figures_written == written
    pd.testing.assert_frame_equal(store.observations(), demo.observations())


def test_an_export_narrowed_to_a_pair_writes_its_rows_only(tmp_path: Path) -> None:
    path = tmp_path / "tourists.csv"
    written = bilateral.demo().export_csv(
        path, indicator="tourists", origin="AZE", destination="KAZ"
    )
    lines = path.read_text().splitlines()
    assert len(lines) == written + 1
    assert all(line.startswith("tourists,AZE,KAZ,") for line in lines[1:])


def test_a_bad_value_is_a_validation_error_naming_line_3_and_value(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "indicator,origin,destination,period,value\n"
        "tourists,KAZ,GEO,2021,10\n"
        "tourists,KAZ,GEO,2022,ten\n"
    )
    store = bilateral.demo()
    before = len(store.observations())
    with pytest.raises(bilateral.ValidationError) as caught:
        store.import_csv(path)
    assert (caught.value.record, caught.value.field, caught.value.text) == (3, "value", "ten")
    assert len(store.observations()) == before


def test_the_command_line_exports_a_store_and_imports_it_into_another(tmp_path: Path) -> None:
    source_db, target_db, out = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "out.csv"
    with bilateral.Store(source_db) as store:
        store.load_dataset(DEMO)
    assert main(["export", "--db", str(source_db), str(out)]) == 0
    with bilateral.Store(target_db) as store:
        _add_the_demo_sources_and_indicators(store, tmp_path)
    assert main(["import", str(out), "--db", str(target_db)]) == 0
    with bilateral.Store(target_db) as store:
        assert len(store.observations()) == 35


def test_a_format_other_than_csv_or_json_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(tmp_path / "a.db"), str(tmp_path / "out.xlsx")]) == 2
    assert "not yet supported" in capsys.readouterr().err
