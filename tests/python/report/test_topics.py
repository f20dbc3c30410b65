"""Report topics from Python: inferred when not given, a user's own as a section of its
own, and the topic list."""

from __future__ import annotations

import bilateral
import pytest


def test_indicators_without_topics_land_in_trade_and_people_sections() -> None:
    store = bilateral.Store()
    store.add_indicator("trade_turnover", "Trade turnover", "USD", "flow", directed=False)
    store.add_indicator("tourists", "Tourists", "persons", "flow", directed=True)
    store.add("trade_turnover", "GEO", "TUR", 2024, 2.5e9)
    store.add("tourists", "GEO", "TUR", 2024, 1_200_000)
    report = store.report("Georgia", "Türkiye")
    assert [(s.id, s.title) for s in report.sections] == [
        ("trade", "Trade"),
        ("people", "Tourism and people"),
    ]
    topics = store.indicators().set_index("code")["topic"].to_dict()
    # The two catalogue entries gave way to these definitions; the rest of the catalogue
    # stands beside them.
    assert {code: topics[code] for code in ("tourists", "trade_turnover")} == {
        "tourists": "people",
        "trade_turnover": "trade",
    }


def test_a_topic_of_the_users_own_is_its_own_section_before_other_indicators() -> None:
    store = bilateral.Store()
    assert store.add_topic("energy", "Energy and power")
    assert not store.add_topic("energy", "Energy and power")
    store.add_indicator(
        "power", "Electricity exports", "MWh", "flow", directed=True, topic="energy"
    )
    store.add_indicator("grain", "Grain harvest", "t", "flow", directed=False)
    store.add_indicator(
        "students", "Students", "persons", "stock", directed=True, topic="Higher_Education"
    )
    for code in ("power", "grain", "students"):
        store.add(code, "GEO", "ARM", 2024, 100)
    report = store.report("GEO", "ARM")
    assert [(s.id, s.title) for s in report.sections] == [
        ("energy", "Energy and power"),
        ("higher_education", "Higher education"),
        ("other", "Other indicators"),
    ]
    assert store.topics()["code"].tolist() == [
        "trade",
        "investment",
        "transport",
        "people",
        "cooperation",
        "energy",
        "higher_education",
        "other",
    ]


def test_a_bad_topic_is_a_validation_error_naming_the_field() -> None:
    store = bilateral.Store()
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_indicator("x", "X", "t", "flow", directed=False, topic="energy & mining")
    assert (caught.value.field, caught.value.text) == ("topic", "energy & mining")
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_topic("energy & mining", "Energy and mining")
    assert (caught.value.field, caught.value.text) == ("code", "energy & mining")
    store.add_topic("energy", "Energy")
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_topic("energy", "Power")
    assert (caught.value.field, caught.value.text) == ("title", "Power")


def test_topic_words_are_those_the_inference_uses() -> None:
    assert bilateral.TOPIC_WORDS["people"][:2] == ["tourist", "tourism"]
    assert list(bilateral.TOPIC_WORDS) == [
        "trade",
        "investment",
        "transport",
        "people",
        "cooperation",
    ]
