"""Old forms of calls keep working for a minor release, with a DeprecationWarning that
names the new form (CHANGELOG.md states the policy)."""

from __future__ import annotations

import warnings

import bilateral
import pytest


def directed_of(store: bilateral.Store, code: str) -> bool:
    row = store.indicators().set_index("code").loc[code]
    return bool(row["directed"])


def test_directed_by_position_still_adds_the_indicator_and_names_the_keyword() -> None:
    store = bilateral.Store()
    with pytest.warns(DeprecationWarning, match=r"directed=") as caught:
        added = store.add_indicator("rail_cargo", "Rail cargo", "t", "flow", True)
    assert added is True
    assert directed_of(store, "rail_cargo") is True
    # The warning points at the caller's line, not at the library.
    assert [w.filename for w in caught] == [__file__]

    with pytest.warns(DeprecationWarning, match=r"add_indicator\(code, name, unit, kind"):
        store.add_indicator("ferry_trips", "Ferry trips", "trips", "flow", False)
    assert directed_of(store, "ferry_trips") is False


def test_directed_by_position_keeps_the_other_keywords() -> None:
    store = bilateral.Store()
    with pytest.warns(DeprecationWarning):
        store.add_indicator("balance", "Trade balance", "USD", "flow", True, signed=True)
    row = store.indicators().set_index("code").loc["balance"]
    assert (bool(row["directed"]), bool(row["signed"])) == (True, True)


def test_directed_by_keyword_does_not_warn() -> None:
    store = bilateral.Store()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert store.add_indicator("tourists", "Tourists", "persons", "flow", directed=True)
    assert directed_of(store, "tourists") is True


def test_directed_given_twice_or_not_at_all_is_a_type_error() -> None:
    store = bilateral.Store()
    with pytest.raises(TypeError, match="multiple values for argument 'directed'"):
        store.add_indicator("a", "A", "t", "flow", True, directed=True)
    with pytest.raises(TypeError, match="missing required keyword argument: 'directed'"):
        store.add_indicator("a", "A", "t", "flow")
    with pytest.raises(TypeError, match="at most 5 positional arguments"):
        store.add_indicator("a", "A", "t", "flow", True, False)
    # None of the refused calls stored anything.
    assert "a" not in store.indicators()["code"].tolist()
