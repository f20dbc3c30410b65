"""`check_text` and a draft's frame leave the core as native tables, which pandas and
pyarrow read alike."""

from __future__ import annotations

import math
from typing import Any

import bilateral
import pandas as pd
import pyarrow as pa
from bilateral import _core

TRADE = (
    "Trade between Azerbaijan and Kazakhstan reached $547.6 million in the first eight "
    "months of 2025, more than tripling compared to the same period in 2024."
)
TOURISTS = "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024."

# Written out from the docstrings, not read from the library: a draft's frame has the
# kind, the fields add_many, add_claim and add_event take, then where each item came
# from and why; a check's frame has what was read, the verdict, the item's fields, what
# it was checked against, then its quote and offsets.
DRAFT_FRAME_COLUMNS = [
    "kind",
    "indicator",
    "origin",
    "destination",
    "product",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
    "relation",
    "reference",
    "event_kind",
    "words",
    "source",
    "quote",
    "start",
    "end",
    "reason",
    "confidence",
]
CHECK_FRAME_COLUMNS = [
    "kind",
    "words",
    "verdict",
    "explanation",
    "indicator",
    "origin",
    "destination",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
    "relation",
    "reference",
    "checked_against",
    "sources",
    "quote",
    "start",
    "end",
    "confidence",
]


def test_the_column_lists_come_from_the_core_as_lists_in_frame_order() -> None:
    assert _core.DRAFT_COLUMNS == tuple(DRAFT_FRAME_COLUMNS)
    assert _core.CHECK_COLUMNS == tuple(CHECK_FRAME_COLUMNS)
    # The Python names stay lists, equal in value and order.
    assert bilateral.text.COLUMNS == DRAFT_FRAME_COLUMNS
    assert bilateral.text.CHECK_COLUMNS == CHECK_FRAME_COLUMNS
    assert isinstance(bilateral.text.COLUMNS, list)
    assert isinstance(bilateral.text.CHECK_COLUMNS, list)


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    def cell(value: Any) -> Any:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return value.item() if hasattr(value, "item") else value

    return [{k: cell(v) for k, v in row.items()} for row in df.to_dict("records")]


def test_a_draft_leaves_the_core_as_a_table_pyarrow_reads_as_pandas() -> None:
    draft = bilateral.read_text(TRADE)
    native = draft._native.table()
    assert isinstance(native, _core.Table)
    df = draft.to_pandas()
    assert pa.table(native).to_pylist() == _rows(df)
    assert df.columns.tolist() == DRAFT_FRAME_COLUMNS
    # $547.6 million is 547.6 × 10⁶ = 547,600,000 USD; "more than tripling" a ratio of 3.
    assert df[["kind", "value"]].values.tolist() == [["figure", 547_600_000.0], ["claim", 3.0]]
    assert (df["start"].dtype, df["end"].dtype, df["value"].dtype) == ("int64", "int64", "float64")
    quote = df["quote"][0]
    assert TRADE[df["start"][0] : df["end"][0]] == quote
    # One kind alone: the claim only.
    assert draft._native.table("claim").num_rows == 1
    assert draft.claims["kind"].tolist() == ["claim"]


def test_check_text_leaves_the_core_as_a_table_pyarrow_reads_as_pandas(
    demo: bilateral.Store,
) -> None:
    native = demo._inner.check_text(TOURISTS)
    assert isinstance(native, _core.Table)
    df = demo.check_text(TOURISTS)
    assert pa.table(native).to_pylist() == _rows(df)
    assert df.columns.tolist() == CHECK_FRAME_COLUMNS
    # 150,000 is more than the stored 102,000 allows: contradicted.
    assert df[["words", "verdict", "value", "checked_against"]].values.tolist() == [
        ["Over 150,000", "contradicted", 150_000.0, "over 102,000 (2024, actual)"]
    ]
    stored = demo.observations(indicator="tourists", origin="AZE", destination="KAZ")
    assert df["sources"][0] == stored[stored.period == "2024"]["source"].iloc[0]
    assert TOURISTS[df["start"][0] : df["end"][0]] == df["quote"][0]


def test_an_empty_check_keeps_its_columns_and_types(demo: bilateral.Store) -> None:
    df = demo.check_text("Nothing here.")
    assert len(df) == 0
    assert df.columns.tolist() == CHECK_FRAME_COLUMNS
    assert (df["start"].dtype, df["value"].dtype) == ("int64", "float64")
    assert pd.api.types.is_string_dtype(df["kind"])
