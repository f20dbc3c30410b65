"""SDMX-CSV from Python: the IMF's exports and imports load in their directions, the
result counts what was skipped, and a bad cell names its line and column."""

from __future__ import annotations

from pathlib import Path

import bilateral
import pytest
from bilateral.__main__ import main

DOTS = (
    "DATAFLOW,FREQ,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n"
    "IMF:DOT(1.0),A,KZ,TXG_FOB_USD,AZ,2024,456.7,6\n"
    "IMF:DOT(1.0),A,KZ,TMG_CIF_USD,AZ,2024,123.4,6\n"
    "IMF:DOT(1.0),A,KZ,TXG_FOB_USD,W00,2024,80000,6\n"
)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_imf_exports_and_imports_load_in_their_directions(tmp_path: Path) -> None:
    store = bilateral.Store()
    result = store.import_sdmx_csv(_file(tmp_path, DOTS))
    counts = (result.rows_read, result.figures_written, result.skipped_rows)
    assert (result.format, *counts) == ("sdmx", 3, 2, 1)
    assert result.skipped[0].reason == "COUNTERPART_AREA W00 is an aggregate, not a country"
    assert result.skipped[0].first_line == 4
    frame = store.observations().sort_values("indicator")
    rows = list(zip(frame["indicator"], frame["origin"], frame["destination"], frame["value"]))
    # Kazakhstan's exports go KAZ → AZE; its imports come AZE → KAZ; both in millions.
    assert rows == [
        ("exports", "KAZ", "AZE", 456_700_000.0),
        ("imports", "AZE", "KAZ", 123_400_000.0),
    ]
    assert set(frame["source"]) == {"imf-dot-1.0"}


def test_a_mapping_maps_codes_to_indicators_and_sides(tmp_path: Path) -> None:
    store = bilateral.Store()
    path = _file(
        tmp_path,
        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,COUNTERPART_AREA,INDICATOR,TIME_PERIOD,"
        "OBS_VALUE,OBS_STATUS\n"
        "dataflow,X:TOURISM(1.0),I,GE,AM,ARRIVALS,2024-Q1,7,P\n"
        "dataflow,X:TOURISM(1.0),D,GE,AM,ARRIVALS,2023-Q1,-,\n",
    )
    result = store.import_sdmx_csv(path, {"ARRIVALS": "tourists:destination"})
    assert (result.figures_written, result.skipped_rows) == (1, 1)
    row = store.observations().iloc[0]
    # Georgia reports arrivals from Armenia: the tourists go ARM → GEO.
    assert (row["origin"], row["destination"], row["period"], row["status"]) == (
        "ARM",
        "GEO",
        "2024-Q1",
        "provisional",
    )


def test_a_bad_cell_names_its_line_and_column_and_changes_nothing(tmp_path: Path) -> None:
    store = bilateral.Store()
    store.import_sdmx_csv(_file(tmp_path, DOTS))
    before = store.observations()
    bad = DOTS.replace("2024,123.4", "2025-Q1,123.4")  # FREQ A against a quarter
    with pytest.raises(bilateral.ValidationError) as caught:
        store.import_sdmx_csv(_file(tmp_path, bad))
    assert (caught.value.record, caught.value.field, caught.value.text) == (3, "FREQ", "A")
    assert store.observations().equals(before)


def test_the_command_line_imports_sdmx_with_and_without_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, DOTS)
    for db, given in [(tmp_path / "a.db", ["--format", "sdmx"]), (tmp_path / "b.db", [])]:
        assert main(["import", str(path), "--db", str(db), *given]) == 0
        out = capsys.readouterr().out
        assert "2 figures from 3 rows (sdmx)" in out
        assert "skipped 1 row (first at line 4): COUNTERPART_AREA W00 is an aggregate" in out
        with bilateral.Store(db) as store:
            assert len(store.observations()) == 2


def test_sdmx_is_not_an_export_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.db"
    assert main(["export", "--db", str(db), "--format", "sdmx", str(tmp_path / "out")]) == 2
    assert "read, not written" in capsys.readouterr().err


MARKED = (
    "DATAFLOW,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE\n"
    "IMF:DOT(1.0),KZ,TXG_FOB_USD,AZ,2024,150\n"
    "IMF:DOT(1.0),KZ,TXG_FOB_USD,AZ,2023,:\n"
)


def test_a_missing_mark_in_obs_value_is_named_or_skipped_with_missing_skip(
    tmp_path: Path,
) -> None:
    path = _file(tmp_path, MARKED)
    with pytest.raises(bilateral.ValidationError) as caught:
        bilateral.Store().import_sdmx_csv(path)
    assert (caught.value.record, caught.value.field, caught.value.text) == (3, "OBS_VALUE", ":")
    assert "as Eurostat writes it" in str(caught.value)
    for result in (
        bilateral.Store().import_sdmx_csv(path, missing="skip"),
        bilateral.Store().import_file(path, missing="skip"),
    ):
        # 2024's 150 is written; 2023's ":" (line 3) is skipped.
        assert (result.rows_read, result.figures_written) == (2, 1)
        assert [(s.reason, s.first_line) for s in result.skipped] == [("value is missing (`:`)", 3)]


def test_a_code_the_mapping_leaves_out_is_named_with_the_mapping_argument(
    tmp_path: Path,
) -> None:
    store = bilateral.Store()
    unknown = DOTS.replace("TMG_CIF_USD", "SALES")  # no indicator of the store, not mapped
    with pytest.raises(bilateral.ValidationError) as caught:
        store.import_sdmx_csv(_file(tmp_path, unknown))
    assert (caught.value.record, caught.value.field, caught.value.text) == (3, "INDICATOR", "SALES")
    # Python's words for the crate's "SALES → INDICATOR", in the message and the reason.
    assert 'map it to an indicator: mapping={"SALES": "INDICATOR"}' in str(caught.value)
    assert 'mapping={"SALES": "INDICATOR"}' in caught.value.reason
    assert "→" not in str(caught.value)
