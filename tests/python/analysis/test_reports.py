"""The reports through Python: DataFrames for tables, frozen objects for answers.

Every expected number is worked out by hand from the article's figures.
"""

from __future__ import annotations

import pickle

import bilateral
import pandas as pd
import pytest


@pytest.fixture(scope="module")
def store() -> bilateral.Store:
    return bilateral.demo()


def row(df: pd.DataFrame, period: str) -> pd.Series:
    return df[df["period"] == period].iloc[0]


def test_growth_compares_each_period_with_the_same_period_a_year_earlier(
    store: bilateral.Store,
) -> None:
    df = store.growth("trade_turnover", "KAZ", "AZE")  # undirected: either order
    assert list(df["period"]) == ["2023", "2024", "2025-01/2025-08"]
    y2024 = row(df, "2024")
    assert y2024["base_period"] == "2023"
    assert y2024["pct"] == pytest.approx((533.4 / 556.7 - 1) * 100)  # −4.19 %
    assert y2024["pct"] == pytest.approx(-4.185, abs=1e-3)
    assert y2024["change"] == pytest.approx(-23_300_000)
    assert pd.isna(row(df, "2023")["pct"])
    # No January–August 2024 figure was published ("more than tripling" is a claim, not
    # a figure), so January–August 2025 has no base: it is not compared with all of 2024.
    jan_aug = row(df, "2025-01/2025-08")
    assert pd.isna(jan_aug["base_period"])
    assert pd.isna(jan_aug["pct"]) and pd.isna(jan_aug["multiple"])


def test_change_gives_ratio_and_cagr_with_bounds(store: bilateral.Store) -> None:
    cargo = store.change("corridor_cargo", "AZE", "KAZ", 2020, 2024)
    assert isinstance(cargo, bilateral.Change)
    assert (cargo.ratio, cargo.years) == (pytest.approx(4.5 / 0.8), 4)
    assert cargo.cagr == pytest.approx(5.625**0.25 - 1)  # 54.0 %
    tourists = store.change("tourists", "AZE", "KAZ", "2022", "2024")
    assert tourists.pct == pytest.approx((102_000 / 59_000 - 1) * 100)  # 72.9 %
    # around 59,000 → [58,500, 59,500]; over 102,000 → [102,000, 103,000]
    assert tourists.pct_low == pytest.approx((102_000 / 59_500 - 1) * 100)  # 71.4 %
    assert tourists.pct_high == pytest.approx((103_000 / 58_500 - 1) * 100)  # 76.1 %
    assert round(tourists.pct_low, 1) == 71.4 and round(tourists.pct_high, 1) == 76.1


def test_growth_and_change_are_percent_in_python() -> None:
    # The figures of the Rust test growth_and_change_are_fractions_and_their_old_percent_
    # fields_a_hundred_times_them (src/analysis/growth.rs), where the rate is 0.25: here
    # the same growth is 25 %. Exactly 160 in 2023, over 200 in 2024 ([200, 300]):
    # (200 / 160 − 1) × 100 = 25.0, bounds [25.0, (300 / 160 − 1) × 100 = 87.5], all
    # exact in binary.
    store = bilateral.Store()
    store.add("exports", "GEO", "ARM", "2023", 160.0)
    store.add("exports", "GEO", "ARM", "2024", 200.0, qualifier="over")
    growth = store.growth("exports", "GEO", "ARM").set_index("period")
    y2024 = growth.loc["2024"]
    assert (y2024["pct"], y2024["pct_low"], y2024["pct_high"]) == (25.0, 25.0, 87.5)
    change = store.change("exports", "GEO", "ARM", "2023", "2024")
    assert (change.pct, change.pct_low, change.pct_high) == (25.0, 25.0, 87.5)
    # The CAGR stays a fraction, as documented: one year, so the rate itself.
    assert change.cagr == 0.25
    every = store.growth(indicator="exports").set_index("period")
    assert every.loc["2024", "pct_high"] == 87.5


def test_result_objects_are_frozen_and_readable(store: bilateral.Store) -> None:
    cargo = store.change("corridor_cargo", "AZE", "KAZ", 2020, 2024)
    with pytest.raises(AttributeError):
        cargo.ratio = 1.0  # type: ignore[misc]
    d = cargo.to_dict()
    assert d["start"] == "2020" and d["end_value"] == 4_500_000
    text = repr(cargo)
    assert "4.5 million t" in text and "54.00 %" in text
    html = cargo._repr_html_()
    assert html.startswith("<table>") and "cagr" in html


def test_result_objects_are_native_and_compare_hash_and_pickle(store: bilateral.Store) -> None:
    cargo = store.change("corridor_cargo", "AZE", "KAZ", 2020, 2024)
    assert type(cargo) is bilateral._core.Change and isinstance(cargo, bilateral.Result)
    assert cargo == store.change("corridor_cargo", "AZE", "KAZ", "2020", "2024")
    assert cargo != store.change("tourists", "AZE", "KAZ", 2022, 2024)
    again = pickle.loads(pickle.dumps(cargo))
    assert again == cargo and hash(again) == hash(cargo)
    # The constructor takes the fields in order, as to_dict gives them.
    assert bilateral.Change(**cargo.to_dict()) == cargo
    assert list(cargo.to_dict())[:4] == ["series", "unit", "start", "end"]
    # 0.8 Mt (2020) to 4.5 Mt (2024): ×5.625 in 4 years, CAGR 5.625^(1/4) − 1 = 54.00 %;
    # exact figures, so no bounds are shown beside them.
    assert repr(cargo).splitlines() == [
        "Change",
        "  series       corridor_cargo AZE–KAZ",
        "  unit         t",
        "  start        2020",
        "  end          2024",
        "  start_value  800,000 t",
        "  end_value    4.5 million t",
        "  change       3.7 million t",
        "  ratio        5.625",
        "  pct          462.50 %",
        "  years        4",
        "  cagr         54.00 %",
    ]
    # around 59,000 → over 102,000: pct 72.88 % within [71.43 %, 76.07 %]
    # (102,000 / 59,500 − 1 and 103,000 / 58,500 − 1).
    tourists = store.change("tourists", "AZE", "KAZ", 2022, 2024)
    assert "  pct          72.88 %  [71.43 % – 76.07 %]" in repr(tourists).splitlines()
    assert "<th style='text-align:left'>pct</th>" in tourists._repr_html_()


def test_one_series_tables_are_typed_as_tables_over_many(store: bilateral.Store) -> None:
    per_head = store.per_capita("tourists", "AZE", "KAZ")
    every = store.per_capita(indicator="tourists")
    assert per_head.dtypes.to_dict() == every[list(per_head.columns)].dtypes.to_dict()
    assert str(per_head["population"].dtype) == "Int64"
    assert str(per_head["per_capita"].dtype) == "float64"
    shares = store.shares("exports", "KAZ", "AZE", of="trade_turnover")
    assert str(shares["share"].dtype) == "float64"
    assert pd.api.types.is_string_dtype(shares["product"])
    directions = store.asymmetry("tourists", "AZE", "KAZ")
    # 2024: 102,000 AZE→KAZ less 71,500 KAZ→AZE is a net of 30,500
    assert str(directions["net"].dtype) == "float64"
    assert row(directions, "2024")["net"] == 30_500


def test_shares_of_trade_turnover(store: bilateral.Store) -> None:
    df = store.shares("exports", "KAZ", "AZE", of="trade_turnover")
    assert list(df.columns) == ["period", "product", "value", "whole", "share", "low", "high"]
    wheat = df[df["product"] == "wheat"].iloc[0]
    assert wheat["share"] == pytest.approx(121.5 / 547.6)  # 22.19 %
    assert df[df["product"] == "oil_products"].iloc[0]["share"] == pytest.approx(38.2 / 547.6)
    with pytest.raises(bilateral.ValidationError, match="t vs USD"):
        store.shares("exports_volume", "KAZ", "AZE", of="trade_turnover")


def test_per_capita_uses_the_basis_countrys_population(store: bilateral.Store) -> None:
    df = store.per_capita("tourists", "AZE", "KAZ")
    y2024 = row(df, "2024")
    assert (y2024["country"], y2024["population_year"], y2024["population"]) == (
        "AZE",
        2024,
        10_202_830,
    )
    assert y2024["per_capita"] == pytest.approx(102_000 / 10_202_830 * 1000)  # 9.997
    assert y2024["high"] == pytest.approx(103_000 / 10_202_830 * 1000)
    kaz = row(store.per_capita("tourists", "KAZ", "AZE"), "2024")
    assert kaz["per_capita"] == pytest.approx(71_500 / 20_592_571 * 1000)  # 3.472
    per_host = row(
        store.per_capita("tourists", "KAZ", "AZE", per=1_000_000, basis="destination"), "2024"
    )
    assert per_host["per_capita"] == pytest.approx(71_500 / 10_202_830 * 1e6)
    with pytest.raises(bilateral.ValidationError):
        store.per_capita("tourists", "KAZ", "AZE", basis="host")


def test_target_progress_of_the_corridor(store: bilateral.Store) -> None:
    cargo = store.target_progress("corridor_cargo", "AZE", "KAZ", 2025)
    assert isinstance(cargo, bilateral.TargetProgress)
    assert (cargo.actual_period, cargo.months_elapsed) == ("2025-01/2025-07", 7)
    assert cargo.share_of_target == pytest.approx(0.5)
    assert cargo.share_of_year == pytest.approx(7 / 12)  # 58.3 %
    assert cargo.run_rate == pytest.approx(2.6e6 * 12 / 7)  # 4.457 Mt
    assert cargo.run_rate_share == pytest.approx(2.6 * 12 / 7 / 5.2)  # 85.7 %
    assert cargo.required_monthly == pytest.approx((5.2e6 - 2.6e6) / 5)  # 0.52 Mt
    assert cargo.actual_monthly == pytest.approx(2.6e6 / 7)  # 0.371 Mt
    assert cargo.on_track is False
    teu = store.target_progress("corridor_containers", "AZE", "KAZ", 2025)
    assert teu.run_rate == pytest.approx(40_200 * 12 / 7)  # 68,914 TEU
    assert teu.run_rate_share == pytest.approx(40_200 * 12 / 7 / 70_000)  # 98.4 %
    assert "4.457 million t" in repr(cargo)


def test_required_growth_to_the_projection(store: bilateral.Store) -> None:
    oil = store.required_growth("oil_transit", "KAZ", "AZE", 2024, 2027)
    assert isinstance(oil, bilateral.RequiredGrowth)
    assert (oil.base_value, oil.target_value, oil.years) == (1_400_000, 7_000_000, 3)
    assert oil.required_cagr == pytest.approx(5 ** (1 / 3) - 1)  # 71.0 % a year
    assert oil.target_status == "projection"
    assert oil.historical_cagr is None


def test_asymmetry_between_the_two_directions(store: bilateral.Store) -> None:
    tourists = store.asymmetry("tourists", "AZE", "KAZ")
    y2024, y2022 = row(tourists, "2024"), row(tourists, "2022")
    assert y2024["ratio"] == pytest.approx(102_000 / 71_500)  # 1.427
    assert y2024["ratio_high"] == pytest.approx(103_000 / 71_500)
    assert y2024["net"] == 30_500
    assert y2022["ratio"] == pytest.approx(59_000 / 24_000)  # 2.458
    investment = store.asymmetry("investment_stock", "AZE", "KAZ")
    assert row(investment, "2005-01/2025-03")["net"] == pytest.approx(268_600_000)
    with pytest.raises(bilateral.ValidationError, match="undirected"):
        store.asymmetry("trade_turnover", "AZE", "KAZ")


def test_missing_and_mismatched_inputs_raise_typed_errors(store: bilateral.Store) -> None:
    with pytest.raises(bilateral.NotFoundError, match="corridor_cargo AZE–KAZ for 2019"):
        store.change("corridor_cargo", "AZE", "KAZ", 2019, 2024)
    with pytest.raises(bilateral.ValidationError, match="7 months vs 12 months"):
        store.change("corridor_cargo", "AZE", "KAZ", 2024, "2025-01/2025-07")
    with pytest.raises(bilateral.NotFoundError):
        store.target_progress("corridor_cargo", "AZE", "KAZ", 2024)
    with pytest.raises(bilateral.ValidationError) as caught:
        store.change("corridor_cargo", "AZE", "KAZ", "2020-13", 2024)
    assert caught.value.field == "start"


def test_targets_count_as_actuals_only_when_asked() -> None:
    s = bilateral.Store()
    s.add_indicator("cargo", "Cargo", "t", "flow", directed=False)
    s.add("cargo", "AZE", "KAZ", 2024, 100)
    s.add("cargo", "AZE", "KAZ", 2025, 150, status="target")
    assert list(s.growth("cargo", "AZE", "KAZ")["period"]) == ["2024"]
    assert s.growth("cargo", "AZE", "KAZ", status="target")["period"].tolist() == ["2025"]
    with pytest.raises(bilateral.ValidationError):
        s.growth("cargo", "AZE", "KAZ", status="guess")
