"""Reading English news text into a draft of figures, claims and events.

``read_text`` finds every figure (value, unit, qualifier, period, indicator, direction,
status), claim ("more than tripling", "a 2% increase") and dated event of a text, each
with the sentence it came from, its character offsets, the words that decided each
field and a confidence. It reads by rules over the library's own grammars, offline;
it cannot read tables, text in other languages, or a figure spread over several
sentences.

>>> import bilateral
>>> draft = bilateral.read_text(
...     "Trade between Azerbaijan and Kazakhstan reached $547.6 million in the first "
...     "eight months of 2025, more than tripling compared to the same period in 2024."
... )
>>> draft
Draft(1 figure, 1 claim, 0 events)
>>> draft.figures[["value", "unit", "period", "origin", "destination"]].values.tolist()
[[547600000.0, 'USD', '2025-01/2025-08', 'AZE', 'KAZ']]
>>> draft.claims[["relation", "value", "reference"]].values.tolist()
[['ratio', 3.0, '2024-01/2024-08']]
"""

from __future__ import annotations

import datetime
import html
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _core
from .table import table_frame

if TYPE_CHECKING:
    from .store import OnDuplicate, Store

#: The columns of ``Draft.to_pandas()``: the kind, the fields ``add_many``,
#: ``add_claim`` and ``add_event`` take, then where each item came from and why.
COLUMNS = list(_core.DRAFT_COLUMNS)


def _reason(item: dict[str, Any]) -> str:
    return "; ".join(f"{r['field']}: {r['text']}" for r in item["reasons"])


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class Draft:
    """What ``read_text`` found: figures, claims and events, each with its quote.

    A draft is for review: ``to_pandas()`` gives one row per item, ``figures``,
    ``claims`` and ``events`` each kind alone, and in Jupyter each item shows next to
    its sentence with the words it was read from highlighted. ``value`` is in base
    units (547.6 million USD is 547600000); ``start`` and ``end`` are character
    offsets of the quote in the text read.
    """

    def __init__(self, native: _core.Draft) -> None:
        # The native draft picks the items to accept and makes the dataset; the items
        # as dicts serve the frames and the HTML view.
        self._native = native
        self._items = native.items

    @property
    def items(self) -> list[dict[str, Any]]:
        """Every item as a dict (a copy), figures first, then claims, then events."""
        return [dict(item, reasons=[dict(r) for r in item["reasons"]]) for item in self._items]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.items)

    def _count(self, kind: str) -> int:
        return sum(1 for item in self._items if item["kind"] == kind)

    def __repr__(self) -> str:
        return (
            f"Draft({_plural(self._count('figure'), 'figure')}, "
            f"{_plural(self._count('claim'), 'claim')}, {_plural(self._count('event'), 'event')})"
        )

    def to_pandas(self, kind: str | None = None) -> pd.DataFrame:
        """One row per item (of ``kind`` only, when given): the ``COLUMNS``, with the
        reasons joined as ``field: words; …`` in ``reason``."""
        return _offsets(table_frame(self._native.table(kind)))

    @property
    def figures(self) -> pd.DataFrame:
        """The figures alone, as ``to_pandas()`` gives them."""
        return self.to_pandas("figure")

    @property
    def claims(self) -> pd.DataFrame:
        """The claims alone."""
        return self.to_pandas("claim")

    @property
    def events(self) -> pd.DataFrame:
        """The events alone."""
        return self.to_pandas("event")

    def _positions(self, items: Sequence[int] | None) -> list[int] | None:
        """``items`` as positions from the start (``-1`` is the last item); one past the
        end is an IndexError, as in a list."""
        if items is None:
            return None
        every = range(len(self._items))
        return [every[i] for i in items]

    def to_dataset(
        self, items: Sequence[int] | None = None, *, name: str = "draft", title: str = "Draft"
    ) -> dict[str, Any]:
        """The items (indices into ``items``; by default every item) as a dataset, the
        dict a dataset file holds (``observations``, ``claims``, ``events``), each with
        its quote and, in ``note``, the reasons and confidence. An item the text left
        incomplete keeps its empty fields (null) for a person to fill in."""
        return self._native.to_dataset(self._positions(items), name=name, title=title)

    def to_json(
        self, items: Sequence[int] | None = None, *, name: str = "draft", title: str = "Draft"
    ) -> str:
        """``to_dataset()`` as the text of a dataset file, to review and correct in any
        editor and load with ``Store.load``."""
        return json.dumps(
            self.to_dataset(items, name=name, title=title), ensure_ascii=False, indent=1
        )

    def accept(
        self,
        store: Store,
        items: Sequence[int] | None = None,
        *,
        on_duplicate: OnDuplicate = "error",
    ) -> dict[str, int]:
        """Adds the items (indices into ``items``; by default every complete item) to
        ``store`` with their quotes, all or nothing, as ``Store.import_json`` adds a
        dataset file; returns how many of each it added. An indicator the store lacks
        is added with them from the starter catalogue or the built-in datasets (the
        reader names no other); the sources the items cite must be in the store.
        `on_duplicate` says what to do with a figure already stored: ``"error"``
        (nothing is added), ``"skip"`` or ``"replace"``. A figure the text states twice
        (the same series, period, status, value and qualifier) is added once, with its
        first quote."""
        items = self._native.to_accept(self._positions(items))
        handle, path = tempfile.mkstemp(suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(self.to_json(items))
            return store._inner.load_draft(path, on_duplicate=on_duplicate)
        finally:
            os.unlink(path)

    def _repr_html_(self) -> str:
        rows = []
        for item in self._items:
            quote, words = item["quote"], item["words"]
            at = quote.find(words) if words else -1
            if at >= 0:
                sentence = (
                    html.escape(quote[:at])
                    + "<mark>"
                    + html.escape(words)
                    + "</mark>"
                    + html.escape(quote[at + len(words) :])
                )
            else:
                sentence = html.escape(quote)
            fields = ", ".join(
                f"{name} {html.escape(str(item[name]))}"
                for name in ("indicator", "value", "unit", "qualifier", "period", "status")
                + ("relation", "reference", "event_kind", "origin", "destination")
                if item.get(name) is not None
            )
            rows.append(
                f"<tr><td>{item['kind']}</td><td>{fields}</td><td>{sentence}</td>"
                f"<td title='{html.escape(_reason(item), quote=True)}'>"
                f"{item['confidence']:.2f}</td></tr>"
            )
        return (
            f"<table><caption>{html.escape(repr(self))}</caption>"
            "<tr><th>kind</th><th>read</th><th>sentence</th><th>confidence</th></tr>"
            + "".join(rows)
            + "</table>"
        )


#: The columns of ``Store.check_text``.
CHECK_COLUMNS = list(_core.CHECK_COLUMNS)


def check_frame(checks: _core.Table) -> pd.DataFrame:
    """The checks of ``Store.check_text`` as a DataFrame, one row per figure or claim."""
    return _offsets(table_frame(checks))


def _offsets(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its character offsets ``start`` and ``end`` as ``int64``: every item
    has both, so they need no room for a missing one."""
    return df.astype({"start": "int64", "end": "int64"})


def _day(published: datetime.date | str | None) -> str | None:
    if isinstance(published, datetime.datetime):
        published = published.date()
    return published.isoformat() if isinstance(published, datetime.date) else published


def read_text(
    text: str,
    *,
    pair: tuple[str, str] | None = None,
    source: str | None = None,
    published: datetime.date | str | None = None,
) -> Draft:
    """Read English news text into a ``Draft`` of figures, claims and events.

    ``pair`` (codes or names, ``("AZE", "KAZ")``) gives an undirected figure its
    countries and a figure naming one end of its flow the other; without it, the two
    countries the text names most. ``source`` is the source id the items cite.
    ``published`` (a date or ``"YYYY-MM-DD"``) counts "last year" and dates a count
    given without a period; the reason of each such field says so.
    """
    return Draft(_core.read_text(text, pair=pair, source=source, published=_day(published)))
