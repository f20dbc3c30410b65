"""Product names: `add_product`, `products()`, and a `product_name` column in `add_many`
(records and DataFrames), kept in the same transaction as the rows."""

from __future__ import annotations

import bilateral
import pandas as pd
import pytest


def _exports(product: str, period: str, value: float, name: str | None = None) -> dict[str, object]:
    record: dict[str, object] = {
        "indicator": "exports",
        "origin": "GEO",
        "destination": "TUR",
        "product": product,
        "period": period,
        "value": value,
    }
    if name is not None:
        record["product_name"] = name
    return record


def _names(store: bilateral.Store) -> list[tuple[str, object]]:
    products = store.products()
    return [
        (code, None if pd.isna(name) else name)
        for code, name in zip(products["code"], products["name"], strict=True)
    ]


def test_a_product_added_with_a_name_and_classification_reads_back_as_a_dataframe() -> None:
    store = bilateral.Store()
    assert store.add_product("7202", "Ferro-alloys", classification="hs") is True
    assert store.add_product("7202", "Ferro-alloys") is False
    products = store.products()
    assert list(products.columns) == ["code", "name", "classification"]
    assert products.to_dict("records") == [
        {"code": "7202", "name": "Ferro-alloys", "classification": "HS"}
    ]


def test_another_name_for_a_named_product_is_a_validation_error_naming_the_stored_one() -> None:
    store = bilateral.Store()
    store.add_product("7202", "Ferro-alloys")
    with pytest.raises(bilateral.ValidationError, match='"Ferro-alloys"') as raised:
        store.add_product("7202", "Iron alloys")
    assert raised.value.field == "name"
    assert _names(store) == [("7202", "Ferro-alloys")]


def test_add_many_records_keep_their_product_names() -> None:
    store = bilateral.Store()
    added = store.add_many(
        [
            _exports("7202", "2023", 150_000, "Ferro-alloys"),
            _exports("7202", "2024", 200_000, "Ferro-alloys"),
            _exports("2204", "2024", 50_000),
        ]
    )
    assert added == 3
    assert _names(store) == [("2204", None), ("7202", "Ferro-alloys")]


@pytest.fixture(params=["arrow", "lists"])
def frame_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """A DataFrame goes to the store through Arrow, or (without pyarrow) as lists."""
    if request.param == "lists":
        monkeypatch.setattr("bilateral._store.frames.arrow_table", lambda frame: None)
    return str(request.param)


def test_add_many_with_a_dataframe_keeps_its_product_name_column(frame_path: str) -> None:
    store = bilateral.Store()
    frame = pd.DataFrame(
        [
            _exports("7202", "2024", 200_000, "Ferro-alloys"),
            _exports("2204", "2024", 50_000, "Wine"),
            # No name: an empty cell (NaN) leaves the product unnamed.
            _exports("0101", "2024", 7_000),
        ]
    )
    assert store.add_many(frame) == 3
    assert _names(store) == [("0101", None), ("2204", "Wine"), ("7202", "Ferro-alloys")]


def test_a_dataframe_with_two_names_for_one_product_adds_nothing_and_names_the_row(
    frame_path: str,
) -> None:
    store = bilateral.Store()
    frame = pd.DataFrame(
        [
            _exports("7202", "2023", 150_000, "Ferro-alloys"),
            _exports("7202", "2024", 200_000, "Iron alloys"),
        ]
    )
    with pytest.raises(bilateral.ValidationError) as raised:
        store.add_many(frame)
    assert (raised.value.field, raised.value.record) == ("product_name", 1)
    assert len(store.observations()) == 0
    assert len(store.products()) == 0


def test_the_report_names_the_product_by_its_name_and_classified_code() -> None:
    store = bilateral.Store()
    store.add_many(
        [
            _exports("total", "2024", 1_000_000),
            _exports("7202", "2024", 200_000, "Ferro-alloys"),
            _exports("2204", "2024", 50_000),
        ]
    )
    text = store.report("GEO", "TUR").to_markdown()
    assert "Exports of ferro-alloys (HS 7202) from Georgia to Türkiye" in text
    # 200,000 of 1,000,000: a fifth.
    assert "Ferro-alloys (HS 7202) made up 20 % of exports" in text
    assert "Exports of HS 2204 from Georgia to Türkiye" in text
