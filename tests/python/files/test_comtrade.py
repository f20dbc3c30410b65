"""UN Comtrade's CSV from Python: exports, imports and re-exports by product land as the
trade indicators, aggregates are skipped with a count, and a bad cell is an error naming
the line and column that changes nothing."""

from __future__ import annotations

from pathlib import Path

import bilateral
import pytest
from bilateral.__main__ import main

# The columns of the Comtrade Plus API and web download, in their order.
HEADER = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
    "reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,"
    "partner2ISO,partner2Desc,classificationCode,classificationSearchCode,"
    "isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,"
    "mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,"
    "altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,"
    "isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,"
    "isAggregate\n"
)

# Lines 2 to 5: exports of horses, imports, re-exports of cars, and exports to the World.
ROWS = (
    "C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,31,AZE,Azerbaijan,0,W00,World,"
    'H6,HS,True,0101,"Horses, live",4,False,C00,TOTAL CPC,0,0,TOTAL MOT,5,u,40,False,-1,'
    "N/A,,False,2500,False,,False,,1200000,1200000,0,True,False\n"
    "C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,M,Import,31,AZE,Azerbaijan,0,W00,World,"
    "H6,HS,True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,"
    "N/A,,False,,False,,False,298400000,,298400000,0,True,False\n"
    "C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,RX,Re-export,31,AZE,Azerbaijan,0,W00,"
    "World,H6,HS,True,8703,Motor cars,4,False,C00,TOTAL CPC,0,0,TOTAL MOT,5,u,25,False,-1,"
    "N/A,,False,30000,False,,False,,750000,750000,0,True,False\n"
    "C,A,20240101,2024,52,2024,398,KAZ,Kazakhstan,X,Export,0,W00,World,0,W00,World,H6,HS,"
    "True,TOTAL,All Commodities,0,False,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,,False,-1,N/A,,"
    "False,,False,,False,,81000000000,81000000000,0,True,True\n"
)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "TradeData.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_become_trade_figures_and_the_world_partner_is_skipped_with_a_count(
    tmp_path: Path,
) -> None:
    store = bilateral.Store()
    result = store.import_comtrade_csv(_file(tmp_path, HEADER + ROWS))
    # Four rows, the World one skipped; horses and cars have a net weight: 3 + 2 figures.
    # The imports of line 3 have netWgt empty: one weight passed over, a figure.
    assert (result.format, result.rows_read, result.figures_written) == ("comtrade", 4, 5)
    assert [(s.reason, s.rows, s.first_line, s.counts) for s in result.skipped] == [
        ("net weight not reported (empty or 0): the value alone is stored", 1, 3, "figures"),
        ("partner World is an aggregate", 1, 5, "rows"),
    ]
    assert (result.rows_skipped, result.figures_already_stored, result.skipped_rows) == (1, 0, 1)
    figures = store.observations()
    rows = {
        (o.indicator, o.origin, o.destination, o.product): o.value for o in figures.itertuples()
    }
    assert rows == {
        ("exports", "KAZ", "AZE", "0101"): 1_200_000.0,
        ("exports_volume", "KAZ", "AZE", "0101"): 2.5,  # 2500 kg
        ("imports", "AZE", "KAZ", "total"): 298_400_000.0,
        ("re_exports", "KAZ", "AZE", "8703"): 750_000.0,
        ("re_exports_volume", "KAZ", "AZE", "8703"): 30.0,  # 30 000 kg
    }
    assert set(figures["source"]) == {"un-comtrade"}


def test_a_bad_number_is_a_validation_error_naming_line_and_column_that_changes_nothing(
    tmp_path: Path,
) -> None:
    bad = ROWS.replace("298400000,,298400000", "298400000,,29840O000")
    store = bilateral.Store()
    indicators = store.indicators()
    with pytest.raises(bilateral.ValidationError) as caught:
        store.import_comtrade_csv(_file(tmp_path, HEADER + bad))
    error = caught.value
    assert (error.record, error.field, error.text) == (3, "primaryValue", "29840O000")
    assert len(store.observations()) == 0
    assert store.indicators().equals(indicators)


def test_a_second_import_skips_what_is_stored_when_asked(tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER + ROWS)
    store = bilateral.Store()
    store.import_comtrade_csv(path)
    again = store.import_comtrade_csv(path, on_duplicate="skip")
    assert again.figures_written == 0
    assert ("already stored", 5) in [(s.reason, s.rows) for s in again.skipped]


def test_the_progress_callback_hears_each_stage(tmp_path: Path) -> None:
    stages: list[str] = []
    bilateral.Store().import_comtrade_csv(
        _file(tmp_path, HEADER + ROWS), progress=lambda stage, done, total: stages.append(stage)
    )
    assert stages[0] == "reading"
    assert stages[-1] == "writing"


@pytest.mark.parametrize("given", [[], ["--format", "comtrade"]])
def test_the_command_line_imports_a_comtrade_file_guessed_or_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: list[str]
) -> None:
    db = tmp_path / "trade.db"
    assert main(["import", str(_file(tmp_path, HEADER + ROWS)), "--db", str(db), *given]) == 0
    assert "skipped 1 row (first at line 5): partner World is an" in capsys.readouterr().out
    with bilateral.Store(db) as store:
        assert len(store.observations()) == 5


def test_comtrade_is_not_a_format_to_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "out.csv")
    assert main(["export", "--db", str(tmp_path / "a.db"), "--format", "comtrade", out]) == 2
    assert "read, not written" in capsys.readouterr().err
