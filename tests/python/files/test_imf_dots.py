"""The IMF's legacy Direction of Trade Statistics CSV from Python: import_file and the
command line tell it by its header, exports and imports land as the trade indicators,
and a name the store does not know is an error naming line, column and name that
changes nothing."""

from __future__ import annotations

from pathlib import Path

import bilateral
import pytest
from bilateral.__main__ import main

HEADER = (
    "Country Name,Country Code,Indicator Name,Indicator Code,Counterpart Country Name,"
    "Counterpart Country Code,Attribute,2024M2,\n"
)
EXPORTS = '"Goods, Value of Exports, Free on board (FOB), US Dollars",TXG_FOB_USD'
IMPORTS = '"Goods, Value of Imports, Cost, Insurance, Freight (CIF), US Dollars",TMG_CIF_USD'

# Lines 2 to 5: Germany's exports to Canada and their status, Japan's imports from the
# United States, and Germany's exports to the World.
ROWS = (
    f"Germany,134,{EXPORTS},Canada,156,Value,1058843775,\n"
    f"Germany,134,{EXPORTS},Canada,156,Status,e,\n"
    f"Japan,158,{IMPORTS},United States,111,Value,6910880851,\n"
    f"Germany,134,{EXPORTS},World,001,Value,140000000000,\n"
)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "DOTS.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_file_tells_the_export_and_stores_exports_and_imports(tmp_path: Path) -> None:
    store = bilateral.Store()
    result = store.import_file(_file(tmp_path, HEADER + ROWS))
    assert (result.format, result.rows_read, result.figures_written) == ("imf-dots", 4, 2)
    figures = store.observations()
    rows = sorted(
        zip(figures["indicator"], figures["origin"], figures["destination"], figures["value"])
    )
    # Japan's imports come from the United States: USA to JPN.
    assert rows == [
        ("exports", "DEU", "CAN", 1058843775.0),
        ("imports", "USA", "JPN", 6910880851.0),
    ]
    assert set(figures["source"]) == {"imf-dots"}


@pytest.mark.parametrize("given", [[], ["--format", "imf-dots"]])
def test_the_command_line_imports_the_export_guessed_or_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: list[str]
) -> None:
    db = tmp_path / "trade.db"
    assert main(["import", str(_file(tmp_path, HEADER + ROWS)), "--db", str(db), *given]) == 0
    out = capsys.readouterr().out
    assert "2 figures from 4 rows (imf-dots)" in out
    assert "skipped 1 row (first at line 5): counterpart World is an aggregate" in out


def test_an_unknown_name_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    store = bilateral.Store()
    bad = HEADER + ROWS + f"Germany,134,{EXPORTS},Atlantis,999,Value,5,\n"
    with pytest.raises(bilateral.ValidationError) as refused:
        store.import_file(_file(tmp_path, bad))
    assert (refused.value.record, refused.value.field) == (6, "Counterpart Country Name")
    assert "Atlantis" in str(refused.value)
    assert len(store.observations()) == 0


def test_imf_dots_is_not_a_format_to_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "out.csv")
    assert main(["export", "--db", str(tmp_path / "a.db"), "--format", "imf-dots", out]) == 2
    assert "read, not written" in capsys.readouterr().err
