"""`bilateral import`: what to do with figures already stored, SDMX codes mapped on the
command line, and a summary that says what was read, written and skipped."""

from __future__ import annotations

from pathlib import Path

import bilateral
import pytest
from bilateral.__main__ import main

SDMX = """\
DATAFLOW,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE
X:TRADE(1.0),KAZ,SALES,AZE,2024,150
X:TRADE(1.0),KAZ,SALES,W00,2024,900
"""


def test_on_duplicate_skip_imports_a_file_a_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "figures.csv", str(tmp_path / "a.db")
    path.write_text("indicator,origin,destination,period,value\ntourists,GEO,ARM,2024,1200\n")
    assert main(["import", str(path), "--db", db]) == 0
    assert "1 figures from 1 rows (csv)" in capsys.readouterr().out
    assert main(["import", str(path), "--db", db]) == 1
    assert "duplicate" in capsys.readouterr().err
    assert main(["import", str(path), "--db", db, "--on-duplicate", "skip"]) == 0
    out = capsys.readouterr().out
    assert "0 figures from 1 rows (csv); skipped 1 (first at line 2): already stored" in out


def test_mapping_names_the_indicator_an_sdmx_code_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "trade.csv", str(tmp_path / "a.db")
    path.write_text(SDMX)
    arguments = ["import", str(path), "--db", db, "--format", "sdmx"]
    assert main([*arguments, "--mapping", "SALES=exports"]) == 0
    out = capsys.readouterr().out
    # The World row is an aggregate: skipped and counted.
    assert "1 figures from 2 rows (sdmx); skipped 1 (first at line 3)" in out
    with bilateral.Store(db) as store:
        stored = store.observations(indicator="exports")
        assert list(zip(stored["origin"], stored["destination"], stored["value"])) == [
            ("KAZ", "AZE", 150.0)
        ]


def test_a_mapping_without_an_equals_sign_or_for_another_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "trade.csv", str(tmp_path / "a.db")
    path.write_text(SDMX)
    assert main(["import", str(path), "--db", db, "--format", "sdmx", "--mapping", "SALES"]) == 2
    assert "CODE=INDICATOR" in capsys.readouterr().err
    assert main(["import", str(path), "--db", db, "--mapping", "SALES=exports"]) == 2
    assert "--format sdmx" in capsys.readouterr().err
