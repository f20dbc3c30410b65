"""The analyses as SQL text for DuckDB and Spark, over the folder
:meth:`Store.export_parquet <bilateral.Store.export_parquet>` writes: for a store that
has outgrown one machine.

Each function gives one query whose rows and columns are those of the store's method
of the same name over many series (the frame it gives when a filter is left open), in
its order: the same figures chosen (one per series and period, an actual figure before
a provisional one before an estimate; targets and projections only when ``status``
asks for them), the same bases, bounds and empty ratio cells. The filters are the
method's; ``dialect`` is ``"duckdb"`` or ``"spark"``. A country is matched on either
side of an undirected indicator's pair for the indicators named in ``undirected`` (by
default the catalogue's, ``trade_turnover`` and ``flights``): the export does not say
which indicators are directed, so a store that defines its own names them
(``undirected=store.indicators().query("not directed")["code"]``). ``per_capita``
reads the store's population from the file
:meth:`Store.export_population_parquet <bilateral.Store.export_population_parquet>` writes.

>>> import duckdb, tempfile
>>> folder = tempfile.mkdtemp() + "/observations"
>>> bilateral.demo().export_parquet(folder)
35
>>> rows = duckdb.sql(bilateral.sql.growth(folder, indicator="trade_turnover")).df()
>>> rows[["period", "pct"]].round(2).values.tolist()[1]
['2024', -4.19]

The SQL is written in Rust (``src/store/portable/``); this module is its typed face.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from os import PathLike
from typing import Literal

from . import _core

#: A period: its text (``"2024"``, ``"2025-01/2025-08"``) or a year.
_Period = str | int

__all__ = [
    "Dialect",
    "change",
    "growth",
    "mirror",
    "per_capita",
    "shares",
]

#: The engines the queries are written for.
Dialect = Literal["duckdb", "spark"]


def _codes(undirected: Iterable[str] | None) -> list[str] | None:
    return None if undirected is None else list(undirected)


def growth(
    folder: str | PathLike[str],
    indicator: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    product: str | None = "total",
    *,
    status: str | None = None,
    dialect: Dialect = "duckdb",
    undirected: Iterable[str] | None = None,
) -> str:
    """Year-on-year growth of every series the filters match, as a query over the
    Parquet export in ``folder`` (a path or a URL the engine reads): the rows and
    columns of :meth:`Store.growth <bilateral.Store.growth>` over many series
    (indicator, origin, destination, product, unit, period, value, low, high, status,
    base_period, base_value, change with its bounds, pct with its bounds in percent,
    multiple). A base whose bounds do not lie above zero leaves pct and multiple empty.

    >>> sql = bilateral.sql.growth("observations", dialect="spark")
    >>> "FROM parquet.`observations`" in sql
    True
    """
    return _core.sql_growth(
        os.fspath(folder),
        indicator,
        origin,
        destination,
        product,
        status=status,
        dialect=dialect,
        undirected=_codes(undirected),
    )


def change(
    folder: str | PathLike[str],
    indicator: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    start: _Period | None = None,
    end: _Period | None = None,
    product: str | None = "total",
    *,
    status: str | None = None,
    dialect: Dialect = "duckdb",
    undirected: Iterable[str] | None = None,
) -> str:
    """How every series the filters match moved from period ``start`` to period ``end``
    (both of the same length), as a query over the Parquet export in ``folder``: the
    rows and columns of :meth:`Store.change <bilateral.Store.change>` over many series
    (the series' indicator, origin, destination, product and unit, then start, end,
    start_value, end_value, change, ratio and pct (in percent) each with its bounds,
    years, and cagr with its bounds), one row per series with a figure in both
    periods. A start whose bounds reach zero leaves ratio, pct and cagr empty. Periods
    that cannot be compared are a ValidationError here, as in the store.

    >>> sql = bilateral.sql.change("observations", indicator="tourists", start=2022, end=2024)
    >>> "CAST('2.0' AS DOUBLE) AS years" in sql
    True
    """
    return _core.sql_change(
        os.fspath(folder),
        indicator,
        origin,
        destination,
        start,
        end,
        product,
        status=status,
        dialect=dialect,
        undirected=_codes(undirected),
    )


def mirror(
    folder: str | PathLike[str],
    a: str | None = None,
    b: str | None = None,
    product: str | None = "total",
    *,
    indicator: str | None = None,
    status: str | None = None,
    dialect: Dialect = "duckdb",
    undirected: Iterable[str] | None = None,
) -> str:
    """Each flow reported from both ends (the exporter's ``exports`` beside the
    importer's ``imports``, ``exports_volume`` beside ``imports_volume`` …), as a query
    over the Parquet export in ``folder``: the rows and columns of
    :meth:`Store.mirror <bilateral.Store.mirror>` (exports_indicator,
    imports_indicator, exporter, importer, product, unit, period; exports and imports
    each with _low, _high, _status and _source; gap and gap_pct with their bounds).
    ``a`` and ``b`` each match the exporter or the importer; ``indicator`` keeps one
    pair (either end's code). Ends in different units are not compared, and a period
    only one end reports gives no row.

    >>> sql = bilateral.sql.mirror("observations", "Georgia", "Türkiye", dialect="spark")
    >>> "(origin = 'GEO' AND destination = 'TUR')" in sql
    True
    """
    return _core.sql_mirror(
        os.fspath(folder),
        a,
        b,
        product,
        indicator=indicator,
        status=status,
        dialect=dialect,
        undirected=_codes(undirected),
    )


def shares(
    folder: str | PathLike[str],
    indicator: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    of: str | None = None,
    of_product: str = "total",
    period: _Period | None = None,
    *,
    status: str | None = None,
    dialect: Dialect = "duckdb",
    undirected: Iterable[str] | None = None,
) -> str:
    """Every product of every pair the filters match as a share of a whole: ``of``
    (another indicator for the same pair, in either order when it is undirected; by
    default the parts' own) with product ``of_product``, in each period where both
    exist (or only ``period``), as a query over the Parquet export in ``folder``: the
    rows and columns of :meth:`Store.shares <bilateral.Store.shares>` over many pairs
    (indicator, origin, destination, period, product, value, whole, share, low, high;
    share and bounds as fractions). A whole whose bounds reach zero leaves the share
    empty. A part in another unit than its whole fails the query, as the store fails
    the call (which it also does for such a part in a pair without a whole: the query
    does not see those).

    >>> sql = bilateral.sql.shares("observations", indicator="exports", of="trade_turnover")
    >>> "indicator = 'trade_turnover'" in sql
    True
    """
    return _core.sql_shares(
        os.fspath(folder),
        indicator,
        origin,
        destination,
        of,
        of_product,
        period,
        status=status,
        dialect=dialect,
        undirected=_codes(undirected),
    )


def per_capita(
    folder: str | PathLike[str],
    indicator: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    per: float = 1000.0,
    basis: Literal["origin", "destination"] = "origin",
    product: str | None = "total",
    *,
    population: str | PathLike[str],
    status: str | None = None,
    dialect: Dialect = "duckdb",
    undirected: Iterable[str] | None = None,
) -> str:
    """Every series the filters match per ``per`` people of its origin's (or
    destination's) population in the year each period ends, or the latest earlier
    year the table has, as a query over the Parquet export in ``folder``: the rows and
    columns of :meth:`Store.per_capita <bilateral.Store.per_capita>` over many series
    (indicator, origin, destination, product, unit, period, value, country,
    population_year, population, per_capita, low, high). A period without a
    population keeps its row with those columns empty.

    The export holds observations only: ``population`` is the Parquet file
    :meth:`Store.export_population_parquet <bilateral.Store.export_population_parquet>`
    writes from the same store (the built-in World Bank figures and any set with
    ``Store.set_population``).

    >>> sql = bilateral.sql.per_capita("observations", "tourists", population="population.parquet")
    >>> "FROM read_parquet('population.parquet')" in sql
    True
    """
    return _core.sql_per_capita(
        os.fspath(folder),
        indicator,
        origin,
        destination,
        per,
        basis,
        product,
        population=os.fspath(population),
        status=status,
        dialect=dialect,
        undirected=_codes(undirected),
    )
