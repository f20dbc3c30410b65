"""Store.check: the consistency findings as a DataFrame."""

from __future__ import annotations

import bilateral
import pytest

CHECK_COLUMNS = [
    "severity", "check", "indicator", "origin", "destination", "product", "periods",
    "figures", "explanation",
]  # fmt: skip


@pytest.fixture
def inconsistent() -> bilateral.Store:
    """Cargo between Georgia and Armenia whose January–August is above its whole year,
    and a 2025 target below the 2024 actual."""
    s = bilateral.Store()
    s.add_indicator("cargo", "Cargo", "t", "flow", directed=False)
    s.add("cargo", "GEO", "ARM", "2024-01/2024-08", 600)
    s.add("cargo", "GEO", "ARM", "2024", 500)
    s.add("cargo", "GEO", "ARM", "2025", 400, status="target")
    return s


def test_findings_have_their_columns_even_when_there_are_none() -> None:
    s = bilateral.Store()
    assert list(s.check().columns) == CHECK_COLUMNS
    assert s.check().empty


def test_an_inconsistent_store_gives_an_error_then_a_warning(
    inconsistent: bilateral.Store,
) -> None:
    df = inconsistent.check()
    assert list(df.columns) == CHECK_COLUMNS
    assert df[["severity", "check", "periods", "figures"]].values.tolist() == [
        ["error", "partial_exceeds_whole", "2024-01/2024-08, 2024", "600 t; 500 t"],
        ["warning", "target_already_reached", "2025, 2024", "400 t; 500 t"],
    ]
    # an undirected indicator keeps its pair in alphabetical order
    assert set(zip(df["origin"], df["destination"], strict=True)) == {("ARM", "GEO")}
    assert df["explanation"].iloc[1] == (
        "The target for 2025 (400 t) is below the 500 t already reached in 2024."
    )


def test_check_of_another_pair_finds_nothing(inconsistent: bilateral.Store) -> None:
    assert len(inconsistent.check("Armenia", "Georgia")) == 2
    assert len(inconsistent.check(origin="GEO")) == 2
    assert inconsistent.check("AZE", "KAZ").empty


@pytest.mark.parametrize("call", ["check", "check_claims"])
def test_a_bad_country_is_named_by_the_argument_it_came_from(call: str) -> None:
    store = bilateral.demo()
    with pytest.raises(bilateral.ValidationError) as caught:
        getattr(store, call)("Atlantis")
    assert (caught.value.field, caught.value.text) == ("origin", "Atlantis")
    with pytest.raises(bilateral.ValidationError) as caught:
        getattr(store, call)(destination="Atlantis")
    assert caught.value.field == "destination"
    # "Kazakhstan" is KAZ by name: one country, not a pair
    with pytest.raises(bilateral.ValidationError, match="same country") as caught:
        getattr(store, call)("KAZ", "Kazakhstan")
    assert (caught.value.field, caught.value.text) == ("destination", "Kazakhstan")


def test_the_built_in_dataset_has_no_error() -> None:
    df = bilateral.demo().check()
    assert "error" not in set(df["severity"])
    oil = df[df["indicator"] == "oil_transit"]
    assert oil["check"].tolist() == ["projection_outside_history"]
