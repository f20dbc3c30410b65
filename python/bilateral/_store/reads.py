"""Reads: the observations and the small listings (indicators, topics, products,
sources, events, the checks of the figures) as DataFrames, a population, a country, the
pairs and the summary."""

from __future__ import annotations

from typing import Any, Literal, overload

import pandas as pd

from ..table import Into, Table, converted
from .base import StoreMethods, _listing


class ReadMethods(StoreMethods):
    """What the store holds: observations, listings, the checks of its figures, a summary."""

    def population(self, country: str, year: int) -> tuple[int, int] | None:
        """The population of `country` in `year`, or in the latest earlier year stored:
        `(year, people)`, or None.

        >>> bilateral.Store().population("Kazakhstan", 2030)
        (2024, 20592571)
        """
        return self._inner.population(country, year)

    def country(self, text: str) -> dict[str, str | None]:
        """The country named by an alpha-3 code, alpha-2 code or English name, as a dict.

        >>> bilateral.Store().country("kz")["alpha3"]
        'KAZ'
        """
        return self._inner.country(text)

    @overload
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
        *,
        into: Literal["pandas"] = "pandas",
    ) -> pd.DataFrame: ...
    @overload
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
        *,
        into: Literal["arrow"],
    ) -> Table: ...
    @overload
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
        *,
        into: Into,
    ) -> Any: ...
    def observations(
        self,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
        *,
        into: Into = "pandas",
    ) -> Any:
        """Observations as a pandas DataFrame, one row each; every argument narrows the
        selection. For undirected indicators a pair matches in either order.

        ``into="polars"`` gives a polars DataFrame, ``into="arrow"`` a :class:`Table`
        that any Arrow reader takes (``pyarrow.table(t)``, ``polars.DataFrame(t)``,
        DuckDB); none of them builds a Python object per row.

        Without ``product``, totals and products come together: sum ``value`` only over
        ``product == "total"`` (or pass ``product="total"``), or a total is counted twice.

        >>> df = bilateral.demo().observations(indicator="tourists", origin="AZE", destination="KAZ")
        >>> df[["period", "value", "low", "high", "qualifier"]].values.tolist()[-1]
        ['2024', 102000.0, 102000.0, 103000.0, 'over']
        """  # noqa: E501
        return converted(
            self._inner.observations(indicator, origin, destination, product, status), into
        )

    def indicators(self) -> pd.DataFrame:
        """Indicators as a pandas DataFrame: code, name, unit, kind, directed, signed,
        description, topic, phrase.

        >>> "trade_turnover" in bilateral.demo().indicators()["code"].tolist()
        True
        """
        return _listing(self._inner.indicators())

    def topics(self) -> pd.DataFrame:
        """The report topics in the order of a report's sections: code, title.

        >>> bilateral.Store().topics()["code"].tolist()[:2]
        ['trade', 'investment']
        """
        return _listing(self._inner.topics())

    def products(self) -> pd.DataFrame:
        """The products figures or :meth:`add_product` have named, sorted by code, as a
        pandas DataFrame: code, name, classification (None where the store has none).

        >>> store = bilateral.Store()
        >>> _ = store.add_product("7202", "Ferro-alloys")
        >>> store.products()["name"].tolist()
        ['Ferro-alloys']
        """
        return _listing(self._inner.products())

    def sources(self) -> pd.DataFrame:
        """Sources as a pandas DataFrame: id, title, publisher, url, published.

        >>> bilateral.demo().sources()["id"].tolist()[:2]
        ['azizov', 'caspian-post']
        """
        return _listing(self._inner.sources())

    def events(self, a: str | None = None, b: str | None = None) -> pd.DataFrame:
        """Events as a pandas DataFrame in date order (an event known only by its month or
        year after those dated within it); with `a` and `b`, only those between the two
        countries.

        >>> bilateral.demo().events("AZE", "KAZ")["date"].tolist()[:3]
        ['2005', '2022-11', '2022']
        """
        return _listing(self._inner.events(a, b))

    def check(self, origin: str | None = None, destination: str | None = None) -> pd.DataFrame:
        """Figures that cannot all be true, or deserve a second look, as a pandas
        DataFrame: severity (``error``, ``warning``, ``info``), check (the rule's code),
        indicator, origin, destination, product, periods, figures and explanation (in
        words), errors first, then by indicator, pair and period. With `origin` and
        `destination`, only the pair, either way round; with one, every pair it is in.

        The rules: ``partial_exceeds_whole`` (part of a period above the whole),
        ``year_to_date_falls``, ``sources_disagree`` (bounds that do not overlap),
        ``target_already_reached``, ``projection_outside_history``, and from the claims
        ``implied_rest_of_year`` (a figure a claim implies for part of a year that leaves
        an implausible rest of it).

        >>> found = bilateral.demo().check("KAZ", "AZE")
        >>> found[["severity", "check", "periods"]].values.tolist()
        [['warning', 'implied_rest_of_year', '2024, 2024-01/2024-08'], ['info', 'projection_outside_history', '2027, 2024']]
        """  # noqa: E501
        return _listing(self._inner.check(origin, destination))

    def pairs(self) -> list[tuple[str, str, int]]:
        """The pairs of countries with observations or events, as `(a, b, count)` with the
        alpha-3 codes in alphabetical order, the pair with most first.

        >>> bilateral.demo().pairs()[0][:2]
        ('AZE', 'KAZ')
        """
        return self._inner.pairs()

    def summary(self) -> str:
        """A readable text summary of everything in the store.

        >>> "$547.6 million" in bilateral.demo().summary()
        True
        """
        return self._inner.summary()
