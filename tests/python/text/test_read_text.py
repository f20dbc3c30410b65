"""read_text: news text into a Draft of figures, claims and events, for review."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import bilateral
import pytest
from bilateral.text import COLUMNS

# Written for this test, in the manner of an agency report.
TEXT = (
    "Trade turnover between Uzbekistan and Türkiye amounted to $1,5 billion in "
    "January–April 2023, up 16.4 percent compared to January–April 2022.\n"
    "Uzbek exports to Türkiye reached $702.3 million over the period.\n"
    "Presidents of the two countries held talks in Ankara on 14 May."
)


def test_each_item_quotes_its_sentence_at_its_character_offsets() -> None:
    draft = bilateral.read_text(TEXT)
    assert len(draft) == 4  # two figures, one claim, one event
    for item in draft:
        # Offsets count characters as Python does ("–" and "ü" are one each).
        assert TEXT[item["start"] : item["end"]] == item["quote"]


def test_figures_claims_and_events_read_with_their_fields() -> None:
    draft = bilateral.read_text(TEXT, published=datetime.date(2023, 5, 20))
    assert repr(draft) == "Draft(2 figures, 1 claim, 1 event)"
    figures = draft.figures
    # $1,5 billion: a decimal comma, 1.5 × 10⁹; "over the period": January–April 2023
    assert figures[["value", "unit", "period"]].values.tolist() == [
        [1.5e9, "USD", "2023-01/2023-04"],
        [702.3e6, "USD", "2023-01/2023-04"],
    ]
    assert figures[["origin", "destination"]].values.tolist()[1] == ["UZB", "TUR"]
    claim = draft.claims.iloc[0]
    assert (claim["relation"], claim["value"], claim["reference"]) == (
        "pct",
        16.4,
        "2022-01/2022-04",
    )
    # "14 May" takes 2023, the year named last before it, and says so.
    event = draft.events.iloc[0]
    assert event["period"] == "2023-05-14"
    assert "named last" in event["reason"]


def test_a_date_of_publication_as_a_date_or_text_reads_alike() -> None:
    as_date = bilateral.read_text(TEXT, published=datetime.date(2023, 5, 20))
    as_text = bilateral.read_text(TEXT, published="2023-05-20")
    assert as_date.items == as_text.items


def test_the_pair_may_be_given_by_names_and_a_wrong_one_is_refused() -> None:
    by_name = bilateral.read_text(TEXT, pair=("Türkiye", "uz"))
    turnover = by_name.figures.iloc[0]
    assert (turnover["origin"], turnover["destination"]) == ("TUR", "UZB")
    with pytest.raises(bilateral.ValidationError) as caught:
        bilateral.read_text(TEXT, pair=("Atlantis", "UZB"))
    assert (caught.value.field, caught.value.text) == ("pair", "Atlantis")
    with pytest.raises(bilateral.ValidationError) as caught:
        bilateral.read_text(TEXT, published="20 May 2023")
    assert caught.value.field == "published"


def test_a_text_without_figures_gives_an_empty_table_with_every_column() -> None:
    draft = bilateral.read_text("Nothing was measured here.")
    table = draft.to_pandas()
    assert list(table.columns) == COLUMNS
    assert len(table) == 0
    assert str(table["value"].dtype) == "float64"


def test_the_jupyter_view_marks_the_words_read_and_escapes_the_sentence() -> None:
    draft = bilateral.read_text(
        "Exports from Georgia to Armenia <b>reached</b> $95 million in 2023."
    )
    view = draft._repr_html_()
    assert "<mark>$95 million</mark>" in view
    assert "&lt;b&gt;reached&lt;/b&gt;" in view
    assert "<b>" not in view


def test_accept_adds_the_complete_items_with_their_quotes_all_or_nothing() -> None:
    store = bilateral.Store()
    store.add_source("agency", "Agency report")
    draft = bilateral.read_text(TEXT, source="agency", published="2023-05-20")
    added = draft.accept(store)
    assert (added["observations"], added["claims"], added["events"]) == (2, 1, 1)
    exports = store.observations(indicator="exports")
    assert exports[["origin", "destination", "period", "value"]].values.tolist() == [
        ["UZB", "TUR", "2023-01/2023-04", 702.3e6]
    ]
    assert exports["quote"].tolist() == [
        "Uzbek exports to Türkiye reached $702.3 million over the period."
    ]
    # A second accept finds the figures stored and adds nothing, not even the event.
    with pytest.raises(bilateral.DuplicateError):
        draft.accept(store)
    assert len(store.observations()) == 2
    assert len(store.events("UZB", "TUR")) == 1


def test_to_json_is_a_dataset_file_that_keeps_what_the_text_left_empty() -> None:
    draft = bilateral.read_text("Some 300 Korean companies operate in Uzbekistan.")
    dataset = json.loads(draft.to_json())
    (figure,) = dataset["observations"]
    # No period stated and no date of publication: left empty, for a person to fill in.
    assert figure["period"] is None
    assert "no period stated" in figure["note"]
    assert (figure["origin"], figure["destination"], figure["value"]) == ("KOR", "UZB", 300.0)


def test_check_text_gives_each_figure_and_claim_a_verdict_with_the_figures_used() -> None:
    store = bilateral.demo()
    checks = store.check_text(
        "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024, up from around "
        "59,000 in 2022. Around 40,000 Azerbaijani tourists visited Kazakhstan in 2019."
    )
    assert checks[["kind", "words", "verdict"]].values.tolist() == [
        # over 150,000 (150,000 to 151,000) against the stored over 102,000 (102,000 to
        # 103,000): no overlap
        ["figure", "Over 150,000", "contradicted"],
        # around 59,000 is 58,500 to 59,500; the stored figure is that one
        ["figure", "around 59,000", "supported"],
        # no 2019 figure is stored
        ["figure", "Around 40,000", "unverifiable"],
        # a rise from 2022 to 2024: the stored 102,000 to 103,000 against 58,500 to 59,500
        ["claim", "up from around 59,000", "supported"],
    ]
    assert checks["sources"].tolist()[0] == "kazakhtourism"
    assert checks["checked_against"].tolist()[0] == "over 102,000 (2024, actual)"


ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT.parent / "shared" / "seed" / "000_f2ecd2f031ab7726.txt"
KEY = ["indicator", "origin", "destination", "product", "period", "status", "value", "qualifier"]


def test_accepting_the_seed_articles_draft_stores_the_built_in_datasets_figures() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed is absent (the founding article is not shipped)")
    store = bilateral.Store()
    draft = bilateral.read_text(
        SEED.read_text("utf-8"), pair=("AZE", "KAZ"), published="2025-10-01"
    )
    # Into an empty store: the built-in dataset's indicators the starter catalogue lacks
    # (agreements, corridor cargo …) come with the items. The article states the 7
    # million t projection twice: stored once.
    added = draft.accept(store)
    assert added["observations"] == 34
    assert "agreements" in set(store.indicators()["code"])
    read = store.observations()[KEY].drop_duplicates()
    built = bilateral.demo().observations()[KEY].drop_duplicates()
    same = read.merge(built, on=KEY)
    # All but one: the 23 universities at the Baku fair, which the reader dates March
    # 2025 (the sentence's opening date) and the dataset 2025.
    assert (len(read), len(built), len(same)) == (34, 34, 33)
