"""Writes one at a time or many at once: observations (one, records, frames, Arrow),
indicators, products, sources, events, populations and topics."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

import pandas as pd

from .. import _core
from . import frames
from .base import Missing, OnDuplicate, StoreMethods, _ArrowStream, _Period

if TYPE_CHECKING:
    # Marks the old forms of a call for type checkers (PEP 702); at run time the call
    # itself warns, so typing_extensions is no dependency.
    from typing_extensions import deprecated
else:

    def deprecated(message: str) -> Any:
        return lambda function: function


#: The DeprecationWarning of `add_indicator(code, name, unit, kind, directed)`.
_DIRECTED_BY_POSITION = (
    "add_indicator(code, name, unit, kind, directed) with directed by position is "
    "deprecated: pass it by keyword, add_indicator(code, name, unit, kind, directed=...)"
)


def _directed_by_keyword(by_position: tuple[bool, ...], directed: bool | None) -> bool:
    """`directed` of add_indicator, given by keyword or (deprecated) by position."""
    if not by_position:
        if directed is None:
            raise TypeError("add_indicator() missing required keyword argument: 'directed'")
        return directed
    if len(by_position) > 1:
        raise TypeError(
            f"add_indicator() takes at most 5 positional arguments (code, name, unit, kind, "
            f"directed) but {4 + len(by_position)} were given"
        )
    if directed is not None:
        raise TypeError("add_indicator() got multiple values for argument 'directed'")
    warnings.warn(_DIRECTED_BY_POSITION, DeprecationWarning, stacklevel=3)
    return by_position[0]


class WriteMethods(StoreMethods):
    """Adding observations, indicators, products, sources, events, populations, topics."""

    def add(
        self,
        indicator: str,
        origin: str,
        destination: str,
        period: _Period,
        value: float,
        *,
        qualifier: str = "exact",
        status: str = "actual",
        product: str = "total",
        source: str | None = None,
        quote: str | None = None,
        low: float | None = None,
        high: float | None = None,
        precision: float | None = None,
        note: str | None = None,
        unit: str | None = None,
        on_duplicate: OnDuplicate = "error",
        replace: bool | None = None,
        scale: float = 1.0,
    ) -> None:
        """Adds one observation. Bounds follow from the qualifier unless `low`/`high` are
        given; `precision` overrides the unit of the last significant digit.
        `on_duplicate` says what to do with an observation of the same identity: "error"
        (a DuplicateError), "skip" (pass over an identical one, so a cell can run twice;
        another figure is still a DuplicateError) or "replace" (`replace=True`, the
        older spelling). `unit` may name a multiple of the indicator's unit ("million
        USD", "thousand t", "bn USD") and `scale` multiplies the figures (1000 for a
        table in thousands): the store keeps base units.

        >>> store = bilateral.demo()
        >>> store.add("tourists", "KAZ", "AZE", "2025-H1", 40_000, qualifier="about")
        >>> store.observations("tourists", "KAZ", "AZE")[["period", "low", "high"]].values.tolist()[-1]
        ['2025-H1', 35000.0, 45000.0]
        """  # noqa: E501
        self._inner.add(
            indicator,
            origin,
            destination,
            period,
            value,
            qualifier=qualifier,
            status=status,
            product=product,
            source=source,
            quote=quote,
            low=low,
            high=high,
            precision=precision,
            note=note,
            unit=unit,
            on_duplicate=on_duplicate,
            replace=replace,
            scale=scale,
        )

    def add_many(
        self,
        records: Iterable[Mapping[str, Any]] | pd.DataFrame | _ArrowStream,
        *,
        on_duplicate: OnDuplicate = "error",
        replace: bool | None = None,
        scale: float = 1.0,
        missing: Missing = "error",
    ) -> int:
        """Adds many observations all or nothing: an iterable of dicts, a pandas
        DataFrame with one row per observation, or anything Arrow can stream (a polars
        DataFrame, a pyarrow Table, a DuckDB result: any object with
        ``__arrow_c_stream__``). Frames are read column by column, each distinct text
        once. A bad record leaves the store unchanged and the error names its index and
        field. `on_duplicate` and `scale` as for :meth:`add`; a row's `unit` may name a
        multiple of its indicator's unit. A ``product_name`` column names the rows'
        products as :meth:`add_product` does, in the same transaction (two names for one
        product, or a name other than the stored one, fail the call). A value that is
        missing (None, NaN, an empty cell, or text that marks one: ``..`` as the World
        Bank and the OECD write it, ``:`` as Eurostat does, ``-``, ``x``, ``n/a`` …) is
        a ValidationError naming the record and the mark; ``missing="skip"`` passes over
        such rows. Returns the number added: rows passed over, for
        ``on_duplicate="skip"`` or ``missing="skip"``, are not counted, so
        ``len(frame) - added`` is how many were.

        >>> store = bilateral.demo()
        >>> cell = [{"indicator": "tourists", "origin": "KAZ", "destination": "AZE",
        ...          "period": "2023", "value": 50}]
        >>> store.add_many(cell, on_duplicate="skip", scale=1000)
        1
        >>> store.add_many(cell, on_duplicate="skip", scale=1000)
        0
        """
        if isinstance(records, pd.DataFrame):
            records = frames.dates_as_the_store_reads_them(records)
            try:
                table = frames.arrow_table(records)
                if table is not None:
                    return self._inner.add_arrow(
                        table,
                        on_duplicate=on_duplicate,
                        replace=replace,
                        scale=scale,
                        missing=missing,
                    )
                return self._inner.add_columns(
                    frames.frame_columns(records),
                    on_duplicate=on_duplicate,
                    replace=replace,
                    scale=scale,
                    missing=missing,
                )
            except _core.ValidationError as error:
                frames.note_index_label(error, records)
                raise
        if hasattr(records, "__arrow_c_stream__"):
            return self._inner.add_arrow(
                records, on_duplicate=on_duplicate, replace=replace, scale=scale, missing=missing
            )
        return self._inner.add_many(
            records, on_duplicate=on_duplicate, replace=replace, scale=scale, missing=missing
        )

    @overload
    def add_indicator(
        self,
        code: str,
        name: str,
        unit: str,
        kind: Literal["flow", "stock", "plan"],
        *,
        directed: bool,
        signed: bool = False,
        description: str | None = None,
        topic: str | None = None,
        phrase: str | None = None,
    ) -> bool: ...

    @overload
    @deprecated("pass directed by keyword: add_indicator(code, name, unit, kind, directed=...)")
    def add_indicator(
        self,
        code: str,
        name: str,
        unit: str,
        kind: Literal["flow", "stock", "plan"],
        directed: bool,
        *,
        signed: bool = False,
        description: str | None = None,
        topic: str | None = None,
        phrase: str | None = None,
    ) -> bool: ...

    def add_indicator(
        self,
        code: str,
        name: str,
        unit: str,
        kind: Literal["flow", "stock", "plan"],
        *by_position: bool,
        directed: bool | None = None,
        signed: bool = False,
        description: str | None = None,
        topic: str | None = None,
        phrase: str | None = None,
    ) -> bool:
        """Adds an indicator: `kind` is "flow", "stock" or "plan" (a planned project's
        specification or budget, which no sentence says was reached); `directed` is True
        when origin → destination matters; `signed` allows negative values; `topic` picks
        its report section: trade, investment, transport, people, cooperation, other, or a
        topic of your own (added with a title made from its code unless `add_topic` named
        it). Without a topic, the one the code and name suggest (`trade_turnover` trade,
        `tourists` people …; see `bilateral.TOPIC_WORDS`). `phrase` is how a figure reads
        as a sentence's subject where "name from origin to destination" would mislead, with
        `{origin}`, `{destination}` and `{product}`, and for a route that passes through
        the destination `{via}` in its place and `{to:Name}` for where it ends: "Oil from
        {origin} shipped through {via} to {to:Türkiye} via the Baku–Tbilisi–Ceyhan
        pipeline" (the figures table then shows the destination under "via"). Returns
        False when an identical indicator was already stored.

        `directed` is keyword-only. Given by position, as it was before, it still works
        with a DeprecationWarning; a later minor release removes that form.

        >>> store = bilateral.Store()
        >>> store.add_indicator("rail_cargo", "Rail cargo", "t", "flow", directed=False)
        True
        >>> store.indicators().set_index("code").loc["rail_cargo", "topic"]
        'transport'
        """
        directed = _directed_by_keyword(by_position, directed)
        return self._inner.add_indicator(
            code,
            name,
            unit,
            kind,
            directed=directed,
            signed=signed,
            description=description,
            topic=topic,
            phrase=phrase,
        )

    def add_topic(self, code: str, title: str) -> bool:
        """Adds a report topic with the title of its section, which comes after the other
        topics' and before "Other indicators". Returns False when the topic was already
        stored with this title; another title is a ValidationError.

        >>> store = bilateral.Store()
        >>> store.add_topic("energy", "Energy and power")
        True
        >>> store.topics()["title"].tolist()[-2:]
        ['Energy and power', 'Other indicators']
        """
        return self._inner.add_topic(code, title)

    def add_product(self, code: str, name: str, *, classification: str | None = None) -> bool:
        """Names the product `code` (as figures use it: "7202", "wheat"), so that a
        report writes "ferro-alloys (HS 7202)" where it would write the code;
        `classification` is the family the code belongs to ("HS", "SITC" …), which the
        report writes before it (a code of 2, 4 or 6 digits without one reads as HS).
        Returns False when the product already had this name; another name (or
        classification) for a named product is a ValidationError naming the stored one,
        and the code "total" (the whole) takes no name. :meth:`add_many` takes names too,
        in a ``product_name`` column.

        >>> store = bilateral.Store()
        >>> store.add_product("7202", "Ferro-alloys", classification="HS")
        True
        >>> store.add_product("7202", "Ferro-alloys")
        False
        """
        return self._inner.add_product(code, name, classification=classification)

    def add_source(
        self,
        id: str,
        title: str,
        *,
        publisher: str | None = None,
        url: str | None = None,
        published: _Period | None = None,
    ) -> bool:
        """Adds a source that observations and events can cite by `id`. Returns False when
        an identical source was already stored.

        >>> bilateral.Store().add_source("geostat", "External trade", publisher="Geostat")
        True
        """
        return self._inner.add_source(id, title, publisher=publisher, url=url, published=published)

    def add_event(
        self,
        date: _Period,
        a: str,
        b: str,
        kind: str,
        title: str,
        *,
        place: str | None = None,
        source: str | None = None,
        quote: str | None = None,
        note: str | None = None,
    ) -> None:
        """Adds a dated event between countries `a` and `b`; `date` is a day, or a month or
        year when the day is not known.

        >>> store = bilateral.Store()
        >>> store.add_event("2024-05-26", "GEO", "ARM", "signing", "Rail agreement signed")
        >>> store.events("ARM", "GEO")["date"].tolist()
        ['2024-05-26']
        """
        self._inner.add_event(
            date, a, b, kind, title, place=place, source=source, quote=quote, note=note
        )

    def set_population(
        self, country: str, year: int, value: float, source: str | None = None
    ) -> None:
        """Sets the population of `country` in `year`.

        >>> store = bilateral.Store()
        >>> store.set_population("AZE", 2025, 10_250_000)
        >>> store.population("AZE", 2026)
        (2025, 10250000)
        """
        self._inner.set_population(country, year, value, source)
