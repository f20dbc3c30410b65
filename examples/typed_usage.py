"""The Python API with type annotations: `mypy --strict examples/typed_usage.py` passes.

`make test` type-checks this file against the installed package (its stubs and
py.typed) and runs it: `python examples/typed_usage.py`.
"""

from __future__ import annotations

from collections.abc import Mapping

import bilateral
import pandas as pd
from bilateral import Change, Store


def turnover(store: Store) -> list[float]:
    """Every trade turnover figure, in US dollars."""
    df: pd.DataFrame = store.observations(indicator="trade_turnover")
    return [float(value) for value in df["value"]]


def add_figures(store: Store) -> int:
    """One figure with `add`, two more with `add_many` (all or nothing)."""
    store.add(
        "tourists",
        "Kazakhstan",  # a name, an alpha-2 or an alpha-3 code: the store keeps alpha-3
        "AZ",
        "2025-H1",
        40_000,
        qualifier="about",
        source="kazakhtourism",
        quote="About 40,000 Kazakh tourists …",
    )
    records: list[Mapping[str, object]] = [
        {"indicator": "tourists", "origin": "AZE", "destination": "KAZ", "period": "2025-H1",
         "value": 55_000, "qualifier": "over"},
        {"indicator": "tourists", "origin": "AZE", "destination": "KAZ", "period": "2025-Q3",
         "value": 30_000, "status": "estimate"},
    ]  # fmt: skip
    added: int = store.add_many(records)
    return added


def growth_in_2024(store: Store) -> float:
    """Trade turnover in 2024 against 2023, in percent."""
    df = store.growth("trade_turnover", "AZE", "KAZ")
    pct: pd.Series[float] = df.loc[df["period"] == "2024", "pct"]
    return float(pct.iloc[0])


def corridor(store: Store) -> tuple[float, float | None, tuple[float | None, float | None]]:
    """Corridor cargo 2020 → 2024: the multiple and the compound rate with its bounds."""
    change: Change = store.change("corridor_cargo", "AZE", "KAZ", "2020", "2024")
    ratio: float = change.ratio
    cagr: float | None = change.cagr
    bounds = (change.cagr_low, change.cagr_high)
    as_dict = change.to_dict()
    assert as_dict["series"] == change.series
    return ratio, cagr, bounds


def refused(store: Store) -> list[str]:
    """What the errors say: a mismatch, a missing figure, a bad record in a batch."""
    reasons: list[str] = []
    try:  # 8 months against 12
        store.change("trade_turnover", "AZE", "KAZ", "2023", "2025-01/2025-08")
    except bilateral.ValidationError as error:
        field: str | None = error.field
        reasons.append(f"{field}: {error.reason}")
    try:
        store.change("tourists", "AZE", "KAZ", "2019", "2024")
    except bilateral.NotFoundError as error:
        reasons.append(f"no {error.what}: {error.key}")
    try:
        store.add_many([{"indicator": "tourists", "origin": "AZE", "destination": "KAZ",
                         "period": "20x", "value": 1}])  # fmt: skip
    except bilateral.ValidationError as error:
        record: int | None = error.record
        reasons.append(f"record {record}, {error.field}: {error.text!r}")
    except bilateral.BilateralError:  # the base class of every bilateral error
        raise
    return reasons


def charts(store: Store) -> list[str]:
    """The report's sections and the SVG of each chart (drawn in Rust)."""
    report: bilateral.Report = store.report("AZE", "KAZ")
    titles = [section.title for section in report.sections]
    chart: bilateral.Chart = report.charts()[0]
    svg: str = chart.svg()
    assert svg.startswith("<svg") and chart.kind in {"series", "directions", "progress"}
    return titles


def main() -> None:
    store: Store = bilateral.demo()
    with store:
        assert 547_600_000.0 in turnover(store)
        print(f"added {add_figures(store) + 1} figures")
        print(f"trade turnover 2024: {growth_in_2024(store):+.2f} %")
        ratio, cagr, (low, high) = corridor(store)
        rates = ", ".join("–" if rate is None else f"{rate:.1%}" for rate in (cagr, low, high))
        print(f"corridor cargo 2020 → 2024: ×{ratio:.3f}, CAGR, low, high: {rates}")
        for reason in refused(store):
            print(f"refused: {reason}")
        print(f"report sections: {', '.join(charts(store))}")
    try:  # the `with` block closed the store
        store.summary()
    except bilateral.ClosedError as error:  # a SchemaError too
        print(f"after close: {error}")
    print(bilateral.format_value(547_600_000, "USD"), bilateral.normalize_period("2025-01/2025-08"))


if __name__ == "__main__":
    main()
