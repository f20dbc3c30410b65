"""The whole store as JSON: an export read into an empty store gives the same store."""

from __future__ import annotations

from pathlib import Path

import bilateral
import pytest
from bilateral.__main__ import main

DEMO = "azerbaijan-kazakhstan-2025"


def test_a_store_exported_and_imported_into_an_empty_store_is_the_same_store(
    tmp_path: Path,
) -> None:
    store = bilateral.demo()
    store.add_topic("energy", "Energy and power")
    store.set_population("GEO", 2030, 3_650_000)
    path = tmp_path / "all.json"
    written = store.export_json(path)
    # The demo's 35 observations, 21 events and 13 claims, and the one population set.
    assert (written["observations"], written["events"], written["claims"]) == (35, 21, 13)
    assert written["populations"] == 1

    copy = bilateral.Store()
    added = copy.import_json(path)
    assert (added["observations"], added["events"], added["claims"]) == (35, 21, 13)
    assert (added["topics"], added["populations"]) == (1, 1)
    assert copy.observations().equals(store.observations())
    assert copy.events().equals(store.events())
    assert copy.claims().equals(store.claims())
    assert copy.population("GEO", 2031) == (2030, 3_650_000)


def test_the_command_line_exports_a_whole_store_to_json_and_imports_it(tmp_path: Path) -> None:
    source_db, target_db, out = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "all.json"
    with bilateral.Store(source_db) as store:
        store.load_dataset(DEMO)
    assert main(["export", "--db", str(source_db), str(out)]) == 0
    assert main(["import", str(out), "--db", str(target_db)]) == 0
    with bilateral.Store(target_db) as store:
        assert len(store.observations()) == 35
        assert len(store.claims()) == 13


def test_a_store_imported_again_with_skip_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    demo = bilateral.demo()
    demo.export_json(path)
    with pytest.raises(bilateral.DuplicateError):
        demo.import_json(path)
    added = demo.import_json(path, on_duplicate="skip")
    assert (added["observations"], added["events"]) == (0, 0)
    # The built-in dataset's 35 observations, still once each.
    assert len(demo.observations()) == 35
