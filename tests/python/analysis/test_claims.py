"""Claims through Python: what a text says about a figure relative to another, stored as
words, checked against the figures, and what a claim implies about a figure nobody
published.

Every expected number is worked out by hand in a comment: from made-up figures, or from
the article's (data/datasets/azerbaijan-kazakhstan-2025.json). A claim's words allow an
interval by the qualifier rule of docs/data-model.md: "more than" 3 is [3, 4], "nearly" a
multiple reaches a tenth below it (nearly 2 times is [1.8, 2]), "about" 6 (a multiple in
words) is [5.5, 6.5], "a 2%" is exactly 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import bilateral
import pandas as pd
import pytest
from bilateral.__main__ import main

CLAIM_COLUMNS = [
    "text", "indicator", "origin", "destination", "product", "period", "reference",
    "relation", "value", "qualifier", "low", "high", "source", "quote", "note",
]  # fmt: skip

CHECK_COLUMNS = [
    "text", "indicator", "period", "reference", "relation", "verdict", "computed",
    "computed_low", "computed_high", "implied_low", "implied_high", "explanation",
    "origin", "destination", "product", "implied_period", "points_against",
]  # fmt: skip


def visitors(*figures: tuple[str, float]) -> bilateral.Store:
    """A store with a made-up directed flow `visitors` from Azerbaijan to Kazakhstan."""
    store = bilateral.Store()
    store.add_indicator("visitors", "Visitors", "persons", "flow", directed=True)
    for period, value in figures:
        store.add("visitors", "AZE", "KAZ", period, value)
    return store


def one(df: pd.DataFrame, text: str, period: str | None = None) -> pd.Series:
    """The one row of `df` whose text is `text` (and period `period`, if given)."""
    rows = df[df["text"] == text]
    if period is not None:
        rows = rows[rows["period"] == period]
    assert len(rows) == 1, f"one row {text!r}, got {len(rows)}"
    return rows.iloc[0]


# ----- claims on made-up figures -----------------------------------------------------------


def test_more_than_tripled_is_supported_by_1000_to_3500() -> None:
    store = visitors(("2023", 1_000), ("2024", 3_500))
    # the words give the relation, the number and the qualifier; the reference is the
    # same period a year earlier
    assert store.add_claim("more than tripled", "visitors", "AZE", "KAZ", 2024, "more than tripled")
    claim = one(store.claims(), "more than tripled")
    assert (claim["relation"], claim["value"], claim["qualifier"]) == ("ratio", 3.0, "over")
    assert (claim["reference"], claim["low"], claim["high"]) == ("2023", 3.0, 4.0)
    check = one(store.check_claims(), "more than tripled")
    # 3,500 / 1,000 = 3.5, inside the [3, 4] "more than tripled" allows
    assert check["verdict"] == "supported"
    assert (check["computed"], check["computed_low"], check["computed_high"]) == (3.5, 3.5, 3.5)
    assert pd.isna(check["implied_low"]) and pd.isna(check["implied_high"])


def test_the_same_claim_again_adds_nothing() -> None:
    store = visitors(("2023", 1_000), ("2024", 3_500))
    args = ("more than tripled", "visitors", "AZE", "KAZ", "2024", "more than tripled")
    assert store.add_claim(*args) is True
    assert store.add_claim(*args) is False
    assert len(store.claims()) == 1


def test_more_than_tripled_is_contradicted_by_1000_to_2100() -> None:
    store = visitors(("2023", 1_000), ("2024", 2_100))
    store.add_claim("more than tripled", "visitors", "AZE", "KAZ", "2024", "more than tripled")
    check = one(store.check_claims("AZE", "KAZ"), "more than tripled")
    # 2,100 / 1,000 = 2.1, below the [3, 4] the words allow
    assert check["verdict"] == "contradicted"
    assert check["computed"] == pytest.approx(2.1)
    assert "2.1 times" in check["explanation"]


def test_nearly_doubled_to_3000_is_unverifiable_and_bounds_the_missing_year() -> None:
    store = visitors(("2024", 3_000))
    store.add_claim("nearly doubled", "visitors", "AZE", "KAZ", "2024", "nearly doubled")
    check = one(store.check_claims(), "nearly doubled")
    assert check["verdict"] == "unverifiable"
    assert pd.isna(check["computed"])
    # nearly doubled is within a tenth of doubling, [1.8, 2]:
    # 2023 = 3,000 / [1.8, 2] = [1,500, 1,666.67]
    assert check["implied_period"] == "2023"
    assert check["implied_low"] == 1_500.0
    assert check["implied_high"] == pytest.approx(3_000 / 1.8)
    rows = store.implied("visitors", "AZE", "KAZ", 2023)
    # one estimate row: the upper end rounded up as the value, "under" it, down to the
    # lower end
    assert rows[["period", "value", "low", "high", "qualifier", "status"]].values.tolist() == [
        ["2023", 1_667.0, 1_500.0, 1_667.0, "under", "estimate"]
    ]
    assert rows["note"].iloc[0].startswith("Implied, not published")
    # an implied figure is never stored
    assert store.observations(indicator="visitors")["period"].tolist() == ["2024"]


def test_a_number_and_a_qualifier_given_take_precedence_over_the_words() -> None:
    store = visitors()
    store.add_claim(
        "a 2% increase", "visitors", "AZE", "KAZ", "2024", "a 2% increase", qualifier="about"
    )
    store.add_claim("grew", "visitors", "AZE", "KAZ", "2024", "ratio", value=1.5, reference=2022)
    claims = store.claims().set_index("text")
    # about 2 allows [1.5, 2.5]
    assert claims.loc["a 2% increase", ["relation", "value", "low", "high"]].tolist() == [
        "pct", 2.0, 1.5, 2.5,
    ]  # fmt: skip
    # 1.5 exactly: [1.5, 1.5], against 2022
    assert claims.loc["grew", ["relation", "reference", "low", "high"]].tolist() == [
        "ratio", "2022", 1.5, 1.5,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"relation": "remained strong"}, "relation"),
        ({"relation": "ratio"}, "value"),  # a ratio needs its number
        ({"reference": "soon"}, "reference"),
        ({"reference": "2024"}, "reference"),  # the claim's own period
        ({"period": "2024-13"}, "period"),
        ({"indicator": "visits"}, "indicator"),
        ({"destination": "AZE"}, "destination"),
        ({"relation": "a fifth of"}, "product"),  # a share of the total is of itself
    ],
)
def test_a_bad_claim_is_a_validation_error_naming_its_field(
    kwargs: dict[str, object], field: str
) -> None:
    store = visitors()
    claim: dict[str, object] = {
        "text": "tripled",
        "indicator": "visitors",
        "origin": "AZE",
        "destination": "KAZ",
        "period": "2024",
        "relation": "tripled",
    }
    claim.update(kwargs)
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_claim(**claim)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert store.claims().empty


def test_one_country_alone_finds_every_claim_it_is_in() -> None:
    store = bilateral.demo()
    # the article's thirteen claims are all between Azerbaijan and Kazakhstan
    assert len(store.check_claims("AZE")) == 13
    assert len(store.claims(b="KAZ")) == 13
    assert store.claims("GEO").empty
    with pytest.raises(bilateral.ValidationError) as caught:
        store.claims("Atlantis")
    assert caught.value.field == "a"


# ----- the frames ---------------------------------------------------------------------------


def test_an_empty_store_gives_the_columns_with_their_types() -> None:
    store = visitors()
    claims, checks = store.claims(), store.check_claims()
    assert list(claims.columns) == CLAIM_COLUMNS and claims.empty
    assert list(checks.columns) == CHECK_COLUMNS and checks.empty
    for name in ("value", "low", "high"):
        assert claims[name].dtype == "float64", name
    for name in ("computed", "computed_low", "computed_high", "implied_low", "implied_high"):
        assert checks[name].dtype == "float64", name


def test_missing_numbers_are_nan_and_text_is_text() -> None:
    checks = bilateral.demo().check_claims()
    claims = bilateral.demo().claims()
    assert list(claims.columns) == CLAIM_COLUMNS
    assert list(checks.columns) == CHECK_COLUMNS
    for name in ("computed", "computed_low", "computed_high", "implied_low", "implied_high"):
        assert checks[name].dtype == "float64", name
    for name in ("value", "low", "high"):
        assert claims[name].dtype == "float64", name
    for name in ("text", "verdict", "explanation", "implied_period"):
        assert pd.api.types.is_string_dtype(checks[name]), name
    # "up from around 59,000" states no number: NaN, not None
    assert pd.isna(one(claims, "up from around 59,000")["value"])
    assert not any(v is None for v in checks["implied_low"])


def test_implied_has_the_columns_and_types_of_observations() -> None:
    store = bilateral.demo()
    implied = store.implied("trade_turnover", "KAZ", "AZE", "2024-01/2024-08")
    observed = store.observations(indicator="trade_turnover")
    assert list(implied.columns) == list(observed.columns)
    assert implied.dtypes.to_dict() == observed.dtypes.to_dict()
    # a period no claim bounds: no row, the same columns
    none = store.implied("trade_turnover", "AZE", "KAZ", "2022")
    assert none.empty and list(none.columns) == list(observed.columns)


# ----- the article's thirteen claims----------------------------------------------------------


@pytest.fixture(scope="module")
def checks() -> pd.DataFrame:
    return bilateral.demo().check_claims()


def test_the_built_in_dataset_has_the_articles_thirteen_claims_with_their_quotes() -> None:
    claims = bilateral.demo().claims()
    assert len(claims) == 13
    assert claims["quote"].map(lambda q: isinstance(q, str) and q != "").all()


@pytest.mark.parametrize(
    ("text", "period", "verdict"),
    [
        ("surged sixfold", "2024", "supported"),
        ("more than tripling", "2025-01/2025-08", "unverifiable"),
        ("a 2% increase", "2025-01/2025-07", "unverifiable"),
        ("nearly doubling to 40,200 TEUs", "2025-01/2025-07", "unverifiable"),
        # oil 2024 against over 1 million t in 2023, [1, 2] Mt: 1.4 / [1, 2] − 1 is
        # [−30 %, +40 %], across zero
        ("increasing steadily", "2024", "plausible"),
        # around 900,000 t in eight months, [850,000, 950,000] × 12 / 8 a year, is
        # [1.275, 1.425] Mt against 1.4 Mt in 2024: [−8.9 %, +1.8 %], across zero
        ("increasing steadily", "2025-01/2025-08", "plausible"),
        ("slightly below the 2023 record", "2024", "supported"),
        ("the 2023 record", "2023", "supported"),
        ("up from around 59,000", "2024", "supported"),
        ("increased from 24,000 to 71,500", "2024", "supported"),
        # $533.4 M in 2024 against $556.7 M in 2023: down 4.2 %, not a rise
        ("steady upward trajectory", "2024", "contradicted"),
        # no figure for January–July 2024
        ("rapidly increasing", "2025-01/2025-07", "unverifiable"),
        # the same comparison as "increasing steadily" for January–August 2025
        ("continues to grow", "2025-01/2025-08", "plausible"),
    ],
)
def test_each_article_claim_has_its_verdict(
    checks: pd.DataFrame, text: str, period: str, verdict: str
) -> None:
    assert one(checks, text, period)["verdict"] == verdict


def test_oils_2025_pace_points_against_continues_to_grow(checks: pd.DataFrame) -> None:
    grow = one(checks, "continues to grow")
    # 900,000 × 12 / 8 = 1.35 Mt a year against 1.4 Mt: 1.35 / 1.4 − 1 = −3.57 %, a
    # fall, though the interval [−8.9 %, +1.8 %] allows a rise
    assert grow["computed"] == pytest.approx((1.35 / 1.4 - 1) * 100)
    assert grow["points_against"]
    assert grow["explanation"].endswith("though their central value is a fall of 3.6 %.")
    # 1.4 Mt against over 1 Mt: centrally +40 %, a rise
    assert not one(checks, "increasing steadily", "2024")["points_against"]
    assert checks["points_against"].dtype == bool
    assert checks["points_against"].sum() == 2


def test_surged_sixfold_is_4_5_over_0_8(checks: pd.DataFrame) -> None:
    sixfold = one(checks, "surged sixfold")
    # 4.5 Mt in 2024 / 0.8 Mt in 2020 = 5.625, inside the [5.5, 6.5] "sixfold" allows
    assert sixfold["computed"] == pytest.approx(4.5 / 0.8)
    assert sixfold["computed"] == pytest.approx(5.625)
    assert sixfold["reference"] == "2020"


def test_more_than_tripling_implies_january_to_august_2024_trade(checks: pd.DataFrame) -> None:
    tripling = one(checks, "more than tripling")
    assert tripling["implied_period"] == "2024-01/2024-08"
    # over 3 allows [3, 4]: $547.6 M / 4 = $136.9 M, $547.6 M / 3 = $182.53… M
    assert tripling["implied_low"] == pytest.approx(136.9e6)
    assert tripling["implied_high"] == pytest.approx(547.6e6 / 3)


def test_a_2_percent_increase_implies_2_6_million_tonnes_over_1_02(checks: pd.DataFrame) -> None:
    increase = one(checks, "a 2% increase")
    assert increase["implied_period"] == "2024-01/2024-07"
    # exactly 2 % on January–July 2024 gave 2.6 Mt: 2,600,000 / 1.02 = 2,549,019.6…
    assert increase["implied_low"] == pytest.approx(2.6e6 / 1.02)
    assert increase["implied_high"] == pytest.approx(2.6e6 / 1.02)


def test_nearly_doubling_to_40200_implies_20100_to_22334(checks: pd.DataFrame) -> None:
    doubling = one(checks, "nearly doubling to 40,200 TEUs")
    # nearly doubling allows [1.8, 2]: 40,200 / 2 = 20,100 and 40,200 / 1.8 = 22,333.3 TEU
    assert doubling["implied_low"] == 20_100.0
    assert doubling["implied_high"] == pytest.approx(40_200 / 1.8)


def test_the_2023_record_and_slightly_below_it(checks: pd.DataFrame) -> None:
    # $556.7 M in 2023 against the nearest other year, $533.4 M in 2024:
    # (556.7 / 533.4 − 1) × 100 = +4.37 %
    record = one(checks, "the 2023 record")
    assert record["computed"] == pytest.approx((556.7 / 533.4 - 1) * 100)
    # 2024 against 2023: (533.4 / 556.7 − 1) × 100 = −4.19 %, below
    below = one(checks, "slightly below the 2023 record")
    assert below["computed"] == pytest.approx((533.4 / 556.7 - 1) * 100)


def test_the_tourist_claims_are_up_by_their_figures(checks: pd.DataFrame) -> None:
    # over 102,000 [102,000, 103,000] on around 59,000 [58,500, 59,500]: at least
    # (102,000 / 59,500 − 1) × 100 = +71.4 %, above zero
    up = one(checks, "up from around 59,000")
    assert up["computed_low"] == pytest.approx((102_000 / 59_500 - 1) * 100)
    assert up["computed_high"] == pytest.approx((103_000 / 58_500 - 1) * 100)
    # 71,500 / 24,000 − 1 = +197.9 %
    increased = one(checks, "increased from 24,000 to 71,500")
    assert increased["computed"] == pytest.approx((71_500 / 24_000 - 1) * 100)


def test_implied_trade_in_january_to_august_2024_is_one_estimate_row() -> None:
    # undirected: asked KAZ → AZE, the row keeps the pair in alphabetical order
    rows = bilateral.demo().implied("trade_turnover", "KAZ", "AZE", "2024-01/2024-08")
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["origin"], row["destination"], row["period"]) == ("AZE", "KAZ", "2024-01/2024-08")
    assert (row["status"], row["qualifier"], row["unit"]) == ("estimate", "under", "USD")
    # the upper end of [547.6 M / 4, 547.6 M / 3] = [136.9 M, 182.533… M], shown to four
    # digits and rounded outwards: the value and high 182.6 M, the low 136.9 M
    assert (row["value"], row["low"], row["high"]) == (182.6e6, 136.9e6, 182.6e6)
    assert row["start"] == pd.Timestamp("2024-01-01") and row["end"] == pd.Timestamp("2024-08-31")


# ----- loading ------------------------------------------------------------------------------


def test_loading_counts_claims(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bilateral.Store().load_dataset("azerbaijan-kazakhstan-2025")["claims"] == 13
    path = tmp_path / "figures.json"
    path.write_text(json.dumps({
        "name": "figures", "title": "Our figures",
        "observations": [{"indicator": "tourists", "origin": "GEO", "destination": "ARM",
                          "period": "2024", "value": 1_200_000}],
        "claims": [{"text": "doubled", "indicator": "tourists", "origin": "GEO",
                    "destination": "ARM", "period": "2024", "relation": "doubled"}],
    }), encoding="utf-8")  # fmt: skip
    assert main(["load", str(path), "--db", str(tmp_path / "store.db")]) == 0
    assert "1 observations, 0 events, 1 claims" in capsys.readouterr().out


# ----- the report -----------------------------------------------------------------------------


def test_the_report_shows_implied_ranges_only_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = bilateral.demo()
    plain = store.report("AZE", "KAZ").to_markdown()
    with_implied = store.report("AZE", "KAZ", include_implied=True).to_markdown()
    # the claims section is in both; the implied January–August 2024 row only when asked
    assert "## What the figures say about the claims" in plain
    implied_row = "| Trade turnover | Azerbaijan | Kazakhstan | total | Jan–Aug 2024 |"
    assert implied_row not in plain
    assert implied_row in with_implied
    assert "Implied, not published" in with_implied
    assert main(["report", "AZE", "KAZ", "--include-implied"]) == 0
    assert implied_row in capsys.readouterr().out
