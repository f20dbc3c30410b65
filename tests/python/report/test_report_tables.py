"""The report's tables, notes, sources and findings leave the core as native tables,
which pandas and pyarrow read alike."""

from __future__ import annotations

import math
from typing import Any

import bilateral
import pandas as pd
import pyarrow as pa
from bilateral import _core
from bilateral.table import table_frame


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as pyarrow's ``to_pylist`` gives them: a missing number is
    None, a tuple a list, numbers as Python numbers."""

    def cell(value: Any) -> Any:
        if isinstance(value, tuple):
            return list(value)
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return None
        return value.item() if hasattr(value, "item") else value

    return [{k: cell(v) for k, v in row.items()} for row in df.to_dict("records")]


def test_every_report_table_leaves_the_core_as_a_table_pyarrow_reads_as_pandas(
    demo: bilateral.Store,
) -> None:
    report = demo.report("AZE", "KAZ")
    native = report._core.tables()
    frames = [t for s in report.sections for t in s.tables]
    assert len(native) == len(frames) > 0
    for table, df in zip(native, frames, strict=True):
        assert isinstance(table, _core.Table)
        assert pa.table(table).to_pylist() == _rows(df)
    # The first trade table: text where a column holds text, floats where every cell
    # is a number (its note numbers too), each column under its own name.
    first = frames[0]
    assert first.columns[:3].tolist() == ["indicator", "from", "to"]
    assert pd.api.types.is_string_dtype(first["indicator"])
    assert (first["value"].dtype, first["note"].dtype) == ("float64", "float64")
    assert first.attrs["title"] == report.to_dict()["sections"][0]["tables"][0]["title"]


def test_notes_sources_and_findings_leave_the_core_as_tables(demo: bilateral.Store) -> None:
    report = demo.report("AZE", "KAZ")
    for native, df in [
        (report._core.notes(), report.notes),
        (report._core.sources(), report.sources),
        (report._core.findings(), report.findings_frame()),
    ]:
        assert isinstance(native, _core.Table)
        assert pa.table(native).to_pylist() == _rows(df)
    notes = report.notes
    # Notes are numbered 1, 2, 3 … in order, each a whole number.
    assert str(notes["number"].dtype) == "Int64"
    assert notes["number"].tolist() == list(range(1, len(notes) + 1))
    assert report.sources.columns.tolist() == ["id", "title", "publisher", "url", "published"]


def test_findings_keep_sections_and_notes_as_a_tuple_per_row(demo: bilateral.Store) -> None:
    report = demo.report("AZE", "KAZ")
    findings = report.findings_frame()
    assert findings.columns.tolist() == ["kind", "severity", "text", "summary", "sections", "notes"]
    assert findings["summary"].dtype == bool
    for row, finding in zip(findings.itertuples(), report.findings, strict=True):
        assert (row.kind, row.sections, row.notes) == (
            finding.kind,
            finding.sections,
            finding.notes,
        )
    schema = pa.table(report._core.findings()).schema
    assert str(schema.field("sections").type) == "list<item: string>"
    assert str(schema.field("notes").type) == "list<item: int64>"


def test_a_list_column_with_no_rows_is_an_empty_frame_of_objects(tmp_path: Any) -> None:
    store = bilateral.Store(tmp_path / "empty.db")
    findings = table_frame(store.report("AZE", "KAZ")._core.findings())
    assert len(findings) == 0
    assert (findings["sections"].dtype, findings["summary"].dtype) == ("object", bool)
