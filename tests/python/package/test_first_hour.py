"""A new user's first hour: the slips they make get errors that say where and why."""

from __future__ import annotations

from pathlib import Path

import bilateral
import pandas as pd
import pytest
from bilateral import plot


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
        monkeypatch.setattr("bilateral._store.frames.arrow_table", lambda frame: None)
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


def test_a_new_users_walk_from_a_csv_to_a_chart_and_a_report_page(tmp_path: Path) -> None:
    # Made-up rail cargo from Georgia to Türkiye, in thousand tonnes as a statistics
    # table gives it, 2021 missing; the cell runs twice, as notebook cells do.
    csv = tmp_path / "cargo.csv"
    csv.write_text(
        "origin,destination,period,value\n"
        "GEO,TUR,2018,310\nGEO,TUR,2019,345\nGEO,TUR,2020,290\n"
        "GEO,TUR,2022,420\nGEO,TUR,2023,465\n"
    )
    with bilateral.Store(tmp_path / "relations.db") as store:
        for _ in range(2):
            figures = pd.read_csv(csv).assign(indicator="cargo")
            store.add_many(figures, scale=1000, on_duplicate="skip")
        assert store.observations(indicator="cargo")["value"].tolist() == [
            310_000.0, 345_000.0, 290_000.0, 420_000.0, 465_000.0,
        ]  # fmt: skip
        growth = store.growth("cargo", "GEO", "TUR").set_index("period")["pct"]
        assert round(float(growth["2019"]), 2) == 11.29  # 345 / 310 − 1
        assert pd.isna(growth["2022"])  # no 2021 to compare with
        figure = plot.series(store, "cargo", "GEO", "TUR")
        figure.savefig(tmp_path / "cargo.png")
        page = tmp_path / "georgia-turkiye.html"
        page.write_text(store.report("GEO", "TUR").to_html(), encoding="utf-8")
    assert (tmp_path / "cargo.png").read_bytes()[:4] == b"\x89PNG"
    html = page.read_text(encoding="utf-8")
    # The catalogue's "cargo" is called Freight; 420 thousand t stored as 420,000 t.
    assert "Freight from Georgia to T\u00fcrkiye, 2022: 420,000 t." in html
