"""A new user's first hour: the slips they make get errors that say where and why."""

from __future__ import annotations

from pathlib import Path

import bilateral
import pandas as pd
import pytest


def test_a_store_in_a_folder_that_does_not_exist_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "relations.db"
    with pytest.raises(FileNotFoundError) as raised:
        bilateral.Store(missing)
    assert raised.value.filename == str(missing.parent)
    assert not missing.parent.exists()


@pytest.mark.parametrize("path", ["through Arrow", "as lists"])
def test_a_bad_row_of_a_frame_is_named_by_its_position_and_its_index_label(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if path == "as lists":
        monkeypatch.setattr(bilateral.store, "_arrow_table", lambda frame: None)
    store = bilateral.Store()
    store.add_indicator("rail_cargo", "Rail cargo", "t", "flow", directed=False)
    frame = pd.DataFrame(
        {
            "indicator": ["rail_cargo"] * 3,
            "origin": ["GEO", "Atlantis", "GEO"],
            "destination": ["TUR"] * 3,
            "period": ["2022", "2023", "2024"],
            "value": [1.0, 2.0, 3.0],
        },
        index=["tbilisi-2022", "tbilisi-2023", "tbilisi-2024"],
    )
    with pytest.raises(bilateral.ValidationError) as raised:
        store.add_many(frame)
    assert (raised.value.record, raised.value.field) == (1, "origin")
    assert "DataFrame index label of record 1: 'tbilisi-2023'" in raised.value.__notes__
