"""The analyses, one method each, taking a filter: a filter that gives every key is one
series (a ``Change`` for ``change``, a pandas DataFrame otherwise), one with a key left
open every series it matches (a frame of the type ``into`` picks, the series' keys
first).

Each method that returns a frame has three overloads, for ``into`` "pandas" (a
DataFrame), "arrow" (a :class:`~bilateral.table.Table`) and anything else (``Any``: a
polars DataFrame, polars being optional). They repeat the parameter list: no typing
device adds a keyword-only ``into`` to another function's parameters (PEP 612's
``Concatenate`` prepends positional ones only, and mypy refuses a parameter after
``P.args``), and the API reference reads each overload as written. A test checks that
they agree with the method they describe (tests/python/package/test_store_parts.py)."""

from __future__ import annotations

from typing import Any, Literal, overload

import pandas as pd

from .._core import Change, RequiredGrowth, TargetProgress
from ..table import Into, Table, converted
from .base import StoreMethods, _Period


def _require_pandas_for_one_series(into: Into) -> None:
    """A call on one series answers as it always has (a DataFrame, or a result object):
    ``into`` other than pandas is for the frame over many series."""
    if into != "pandas":
        raise ValueError(
            f"into={into!r} is for a frame over many series: leave a field open "
            "(product=None, say), or take one series as it comes"
        )


class AnalysisMethods(StoreMethods):
    """The analyses: growth, change, shares, per capita, targets, asymmetry, mirror."""

    @overload
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def growth(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """Year-on-year growth: one row per observation against the same period one year
        earlier. Columns: period, value, low, high, status, base_period, base_value,
        change, change_low, change_high, pct, pct_low, pct_high, multiple (pct in
        percent; multiple a fraction). Targets and projections count only when `status`
        asks for them.

        With an indicator, an origin, a destination and a product: that one series (a
        NotFoundError if it has no figure, a ValidationError on a zero base). Leave any
        of them open (`product=None` for every product) for every series that matches,
        computed in one call: the series' indicator, origin, destination, product and
        unit come first, and a row on a zero base leaves pct and multiple empty.
        ``into`` picks the result's type as in :meth:`observations`.

        >>> df = bilateral.demo().growth("trade_turnover", "AZE", "KAZ")
        >>> round(float(df.set_index("period").loc["2024", "pct"]), 2)
        -4.19
        >>> every = bilateral.demo().growth()  # every total series
        >>> row = every[(every["indicator"] == "trade_turnover") & (every["period"] == "2024")]
        >>> round(float(row["pct"].iloc[0]), 2)
        -4.19
        """
        return converted(
            self._inner.growth(indicator, origin, destination, product, status=status), into
        )

    # One series answers with a Change, any other filter with a frame; mypy cannot tell
    # a str from a str | None that holds one, hence the ignore on the narrower overload.
    @overload
    def change(  # type: ignore[overload-overlap]
        self,
        indicator: str,
        origin: str,
        destination: str,
        start: _Period,
        end: _Period,
        product: str = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> Change: ...
    @overload
    def change(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        start: _Period | None = None,
        end: _Period | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def change(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        start: _Period | None = None,
        end: _Period | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def change(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        start: _Period | None = None,
        end: _Period | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def change(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        start: _Period | None = None,
        end: _Period | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """How a series moved from period `start` to period `end` (both of the same
        length): change, ratio, pct and CAGR over the years between their starts.

        With an indicator, an origin, a destination and a product: a :class:`Change` for
        that one series (a NotFoundError if a period has no figure, a ValidationError on
        a zero start). Leave any of them open (`product=None` for every product) for a
        frame of every series that matches with a figure in both periods: the series'
        indicator, origin, destination, product and unit, then start, end, start_value,
        end_value, change, ratio, pct (each with _low and _high), years and cagr (with
        bounds); a zero start leaves ratio, pct and cagr empty. Periods that cannot be
        compared are a ValidationError either way, and so is a missing `start` or
        `end`. ``into`` picks the type of the frame over many series as in
        :meth:`observations`; one series comes as a Change, as it always has.

        >>> c = bilateral.demo().change("corridor_cargo", "AZE", "KAZ", 2020, 2024)
        >>> c.ratio, round(c.cagr, 3)
        (5.625, 0.54)
        >>> every = bilateral.demo().change(indicator="tourists", start=2022, end=2024)
        >>> every[["origin", "destination", "start_value", "end_value"]].values.tolist()
        [['AZE', 'KAZ', 59000.0, 102000.0], ['KAZ', 'AZE', 24000.0, 71500.0]]
        """
        if indicator is not None and origin is not None and destination is not None and product:
            _require_pandas_for_one_series(into)
        answer = self._inner.change(
            indicator, origin, destination, start, end, product, status=status
        )
        if isinstance(answer, Change):
            return answer
        return converted(answer, into)

    @overload
    def shares(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def shares(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def shares(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def shares(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        of: str | None = None,
        of_product: str = "total",
        period: _Period | None = None,
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """Every product of `indicator` as a share of a whole: `of` (another indicator
        for the same pair; by default the same indicator) with product `of_product`,
        in each period where both exist (or only `period`). Columns: period, product,
        value, whole, share, low, high (share and its bounds as fractions).

        With an indicator, an origin and a destination: that one pair (a NotFoundError
        without a share, a ValidationError on a zero whole). Leave any of them open for
        every pair that matches, in one frame: the parts' indicator, origin and
        destination come first, and a zero whole leaves that row's share empty. Parts
        in another unit than the whole are a ValidationError either way. ``into`` picks
        the type of the frame over many pairs as in :meth:`observations`; one pair
        comes as a pandas DataFrame, as it always has.

        >>> df = bilateral.demo().shares("exports", "KAZ", "AZE", of="trade_turnover")
        >>> df.set_index("product")["share"].round(4).to_dict()
        {'oil_products': 0.0698, 'wheat': 0.2219}
        >>> every = bilateral.demo().shares(indicator="exports", of="trade_turnover")
        >>> every[["origin", "product"]].values.tolist()
        [['KAZ', 'oil_products'], ['KAZ', 'wheat']]
        """
        if indicator is not None and origin is not None and destination is not None:
            _require_pandas_for_one_series(into)
        table = self._inner.shares(
            indicator, origin, destination, of, of_product, period, status=status
        )
        return converted(table, into)

    @overload
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def per_capita(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        per: float = 1000.0,
        basis: Literal["origin", "destination"] = "origin",
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """A series per `per` people of the origin's (or destination's) population in the
        year each period ends, or the latest earlier year stored. Columns: period, value,
        country, population_year, population, per_capita, low, high.

        With an indicator, an origin, a destination and a product: that one series (a
        NotFoundError for a period without a population). Leave any of them open
        (`product=None` for every product) for every series that matches, in one
        frame: the series' indicator, origin, destination, product and unit come first,
        population_year and population are whole numbers (pandas ``Int64``), and a
        period without a population keeps its row with those columns and per_capita
        empty. ``into`` picks the type of the frame over many series as in
        :meth:`observations`; one series comes as a pandas DataFrame, as it always has.

        >>> df = bilateral.demo().per_capita("tourists", "AZE", "KAZ")
        >>> round(float(df.set_index("period").loc["2024", "per_capita"]), 3)
        9.997
        >>> every = bilateral.demo().per_capita(indicator="tourists")
        >>> every[every["period"] == "2024"][["origin", "population"]].values.tolist()
        [['AZE', 10202830], ['KAZ', 20592571]]
        """
        if indicator is not None and origin is not None and destination is not None and product:
            _require_pandas_for_one_series(into)
        table = self._inner.per_capita(
            indicator, origin, destination, per, basis, product, status=status
        )
        return converted(table, into)

    def target_progress(
        self,
        indicator: str,
        origin: str,
        destination: str,
        year: int,
        product: str = "total",
        *,
        status: str | None = None,
    ) -> TargetProgress:
        """Progress towards the target for `year`: the latest year-to-date actual, its
        share of the target and of the year, the run rate, and the monthly average the
        rest of the year needs.

        >>> p = bilateral.demo().target_progress("corridor_cargo", "AZE", "KAZ", 2025)
        >>> p.share_of_target, p.months_elapsed, round(p.run_rate)
        (0.5, 7, 4457143)
        """
        return self._inner.target_progress(
            indicator, origin, destination, year, product, status=status
        )

    def required_growth(
        self,
        indicator: str,
        origin: str,
        destination: str,
        base: _Period,
        target: _Period,
        product: str = "total",
        *,
        status: str | None = None,
    ) -> RequiredGrowth:
        """The CAGR needed from the actual in period `base` to the target (else
        projection) in period `target`, beside the series' own CAGR over as many years
        before the base when the store has it.

        >>> r = bilateral.demo().required_growth("oil_transit", "KAZ", "AZE", 2024, 2027)
        >>> round(r.required_cagr, 3)
        0.71
        """
        return self._inner.required_growth(
            indicator, origin, destination, base, target, product, status=status
        )

    @overload
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def asymmetry(
        self,
        indicator: str | None = None,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """The two directions of a directed indicator in every period where both exist.
        Columns: period, a_to_b, b_to_a (each with _low and _high), ratio (a_to_b /
        b_to_a) and net (a_to_b − b_to_a), with bounds.

        With an indicator, `a`, `b` and a product: that one pair, `a` as given (a
        NotFoundError without a common period, a ValidationError on a zero b_to_a).
        Leave any of them open (`product=None` for every product) for every pair of
        every directed indicator with figures in both directions, in one frame:
        indicator, a, b and product come first, `a` is the alphabetically first of the
        pair (a country given as `a` or `b` matches either side), and a zero b_to_a
        leaves that row's ratio empty. An undirected indicator named is a
        ValidationError either way. ``into`` picks the type of the frame over many
        pairs as in :meth:`observations`; one pair comes as a pandas DataFrame, as it
        always has.

        >>> df = bilateral.demo().asymmetry("tourists", "AZE", "KAZ")
        >>> round(float(df.set_index("period").loc["2024", "ratio"]), 3)
        1.427
        >>> every = bilateral.demo().asymmetry(a="KAZ")
        >>> every[every["indicator"] == "tourists"][["a", "b", "period", "ratio"]].round(3).values.tolist()
        [['AZE', 'KAZ', '2022', 2.458], ['AZE', 'KAZ', '2024', 1.427]]
        """  # noqa: E501
        if indicator is not None and a is not None and b is not None and product:
            _require_pandas_for_one_series(into)
        return converted(self._inner.asymmetry(indicator, a, b, product, status=status), into)

    @overload
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
        into: Into,
    ) -> Any: ...
    def mirror(
        self,
        a: str | None = None,
        b: str | None = None,
        product: str | None = "total",
        *,
        indicator: str | None = None,
        status: str | None = None,
        into: Into = "pandas",
    ) -> Any:
        """Each flow reported from both ends: the exporter's exports beside the
        importer's imports of the same goods (``exports`` with ``imports``,
        ``exports_volume`` with ``imports_volume``), in every period both report.
        Columns: exports_indicator, imports_indicator, exporter, importer, product,
        unit, period; exports and imports, each with _low, _high, _status and _source;
        gap (imports − exports) and gap_pct (the gap in percent of the exports), each
        with _low and _high from the figures' qualifiers.

        ``a`` and ``b`` each match the exporter or the importer, so two countries give
        both flows between them and one country every flow it exports or imports;
        leave them open for every pair. ``product=None`` takes every product;
        ``indicator`` keeps one pair (either end's code). Two ends in different units
        (currencies) are not compared, and a period only one end reports gives no row.
        ``into`` picks the type of the frame as in :meth:`observations`.

        >>> store = bilateral.Store()
        >>> store.add("exports", "GEO", "TUR", 2024, 300e6)
        >>> store.add("imports", "GEO", "TUR", 2024, 318e6)
        >>> df = store.mirror("Georgia", "Türkiye")
        >>> df[["exporter", "importer", "gap", "gap_pct"]].round(9).values.tolist()
        [['GEO', 'TUR', 18000000.0, 6.0]]
        """  # noqa: E501
        table = self._inner.mirror(a, b, product, indicator=indicator, status=status)
        return converted(table, into)
