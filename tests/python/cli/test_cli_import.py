"""`bilateral import`: what to do with figures already stored, SDMX codes mapped on the
command line, and a summary that says what was read, written and skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bilateral
import pytest
from bilateral.__main__ import _in_flags, main

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
    assert "1 figure from 1 row (csv)" in capsys.readouterr().out
    assert main(["import", str(path), "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("bilateral: record 2, duplicate observation: tourists GEO→ARM")
    assert err.rstrip().endswith(
        "(--on-duplicate replace would replace it; --on-duplicate skip passes over identical "
        "figures)"
    )
    assert "on_duplicate=" not in err
    assert main(["import", str(path), "--db", db, "--on-duplicate", "skip"]) == 0
    out = capsys.readouterr().out
    assert "0 figures from 1 row (csv); skipped 1 figure (first at line 2): already stored" in out


def test_mapping_names_the_indicator_an_sdmx_code_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "trade.csv", str(tmp_path / "a.db")
    path.write_text(SDMX)
    arguments = ["import", str(path), "--db", db, "--format", "sdmx"]
    assert main([*arguments, "--mapping", "SALES=exports"]) == 0
    out = capsys.readouterr().out
    # The World row is an aggregate: skipped and counted.
    assert "1 figure from 2 rows (sdmx); skipped 1 row (first at line 3)" in out
    with bilateral.Store(db) as store:
        stored = store.observations(indicator="exports")
        assert list(zip(stored["origin"], stored["destination"], stored["value"])) == [
            ("KAZ", "AZE", 150.0)
        ]


def test_a_code_left_unmapped_is_named_with_the_mapping_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "trade.csv", str(tmp_path / "a.db")
    path.write_text(SDMX)  # SALES is no indicator of the store
    assert main(["import", str(path), "--db", db, "--format", "sdmx"]) == 1
    err = capsys.readouterr().err
    assert "map it to an indicator: --mapping SALES=INDICATOR" in err
    assert "mapping={" not in err


def test_a_duplicate_in_a_loaded_file_names_the_import_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # load takes no --on-duplicate: the advice names the command that does.
    path, db = tmp_path / "figures.json", str(tmp_path / "a.db")
    path.write_text(
        '{"name": "f", "title": "F", "observations": [{"indicator": "tourists", "origin": "GEO", '
        '"destination": "ARM", "period": "2024", "value": 1.2, "unit": "million persons"}]}'
    )
    assert main(["load", str(path), "--db", db]) == 0
    assert main(["load", str(path), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "(bilateral import --on-duplicate replace would replace it;" in err
    assert "on_duplicate=" not in err


def test_a_value_marked_missing_is_named_with_the_missing_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "figures.csv", str(tmp_path / "a.db")
    path.write_text("indicator,origin,destination,period,value\ntourists,GEO,ARM,2024,..\n")
    assert main(["import", str(path), "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.rstrip().endswith("drop the row or pass --missing skip")
    assert "missing=" not in err


def test_the_command_line_words_the_choices_an_error_marks_not_its_message_text() -> None:
    # The library's own words, with no Python spelling in them: the flag comes from the
    # choice the error carries (an unmapped code, its suggestion), not from the text.
    unmapped = bilateral.ValidationError('field "INDICATOR": "SALES" … map it: SALES → INDICATOR')
    unmapped.kind, unmapped.suggestion = "unmapped_code", "SALES"
    unmapped._parts = (
        'field "INDICATOR": "SALES" … map it: ',
        ("mapping", "SALES", "SALES → INDICATOR"),
    )
    assert (
        _in_flags(unmapped, "import")
        == 'field "INDICATOR": "SALES" … map it: --mapping SALES=INDICATOR'
    )
    # Python's spelling as text of the message (a key quoted whole) is left as it is.
    key = 'duplicate event: 2024-01-01 AZE–KAZ visit "mapping={"X": "INDICATOR"}" is already stored'
    duplicate = bilateral.DuplicateError(key)
    duplicate._parts = (key,)
    assert _in_flags(duplicate, "import") == key


def test_a_mapping_without_an_equals_sign_or_for_another_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "trade.csv", str(tmp_path / "a.db")
    path.write_text(SDMX)
    assert main(["import", str(path), "--db", db, "--format", "sdmx", "--mapping", "SALES"]) == 2
    assert "CODE=INDICATOR" in capsys.readouterr().err
    own = tmp_path / "own.csv"
    own.write_text("indicator,origin,destination,period,value\ntourists,GEO,ARM,2024,1200\n")
    assert main(["import", str(own), "--db", db, "--mapping", "SALES=exports"]) == 2
    assert "--mapping is for SDMX files: give --format sdmx" in capsys.readouterr().err
    assert main(["import", str(path), "--db", db, "--format", "csv", "--mapping", "S=x"]) == 2
    assert "--format sdmx" in capsys.readouterr().err


def test_a_mapping_needs_no_format_when_the_file_is_told_as_sdmx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = tmp_path / "trade.csv", str(tmp_path / "a.db")
    path.write_text(SDMX)  # DATAFLOW first: told as SDMX
    assert bilateral._core.file_format(path) == "sdmx"
    assert main(["import", str(path), "--db", db, "--mapping", "SALES=exports"]) == 0
    assert "1 figure from 2 rows (sdmx)" in capsys.readouterr().out
    with bilateral.Store(db) as store:
        stored = store.observations(indicator="exports")
        assert list(zip(stored["origin"], stored["destination"], stored["value"])) == [
            ("KAZ", "AZE", 150.0)
        ]


def _store_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("new.db"))


@pytest.mark.parametrize("command", ["import", "load"])
def test_a_failed_command_leaves_no_store_file_it_created(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A value the library refuses (import) or a file that is not a dataset (load).
    path = tmp_path / ("bad.csv" if command == "import" else "bad.json")
    if command == "import":
        path.write_text("indicator,origin,destination,period,value\ntourists,GEO,ARM,2024,x\n")
    else:
        path.write_text('{"observations": [{"indicator": "tourists"}]}')
    db = tmp_path / "new.db"
    assert main([command, str(path), "--db", str(db)]) == 1
    assert "bilateral:" in capsys.readouterr().err
    assert _store_files(tmp_path) == []


@pytest.mark.slow
def test_a_failed_import_run_as_a_command_leaves_no_store_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("indicator,origin,destination,period,value\ntourists,GEO,ARM,2024,..\n")
    done = subprocess.run(
        [sys.executable, "-m", "bilateral", "import", "--db", "new.db", "bad.csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith('bilateral: record 2, field "value": ".." marks a missing value')
    assert _store_files(tmp_path) == []


def test_a_failed_import_leaves_an_existing_store_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.db"
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    header = "indicator,origin,destination,period,value\n"
    good.write_text(header + "tourists,GEO,ARM,2023,1100\n")
    bad.write_text(header + "tourists,GEO,ARM,2024,1200\ntourists,GEO,ARM,2025,x\n")
    assert main(["import", str(good), "--db", str(db)]) == 0
    assert main(["import", str(bad), "--db", str(db)]) == 1
    capsys.readouterr()
    assert db.exists()
    with bilateral.Store(db) as store:
        stored = store.observations(indicator="tourists")
        # Only the good file's one figure: the bad file's first row went with its second.
        assert list(zip(stored["period"], stored["value"])) == [("2023", 1100.0)]


def test_missing_skip_passes_over_an_sdmx_value_marked_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "trade.csv"
    path.write_text(
        "DATAFLOW,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE\n"
        "IMF:DOT(1.0),KZ,TXG_FOB_USD,AZ,2024,150\n"
        "IMF:DOT(1.0),KZ,TXG_FOB_USD,AZ,2023,..\n"
    )
    # Told as SDMX, and guessed.
    for n, format_ in enumerate([["--format", "sdmx"], []]):
        arguments = ["import", str(path), "--db", str(tmp_path / f"{n}.db"), *format_]
        assert main(arguments) == 1
        assert "OBS_VALUE" in capsys.readouterr().err
        assert main([*arguments, "--missing", "skip"]) == 0
        out = capsys.readouterr().out
        assert "1 figure from 2 rows (sdmx)" in out
        assert "skipped 1 row (first at line 3): value is missing (`..`)" in out
