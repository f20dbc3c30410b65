"""What every part of :class:`bilateral.Store` stands on: the native store its methods
call, the types of the arguments they share, and the step that makes the parts' methods
the Store's own."""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Literal, Protocol, TypeVar

import numpy as np
import pandas as pd

from .. import _core
from ..table import Table

# A period as text (`2024-Q1`, `2024Q1`, `Jan–Aug 2025` …), a year (an int, or a float
# without a fraction), or a pandas Period, date, timestamp or NumPy datetime64.
_Period = str | int | float | date | pd.Period | np.datetime64
#: What a write does with an observation already stored: refuse it, pass over an
#: identical one (refusing one with another figure), or replace it.
OnDuplicate = Literal["error", "skip", "replace"]
#: What an import or add_many does with a row without a value (see :meth:`Store.add_many`).
Missing = Literal["error", "skip"]


class _ArrowStream(Protocol):
    """Anything with the Arrow PyCapsule interface's stream export."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...


def _listing(table: _core.Table) -> pd.DataFrame:
    """A small listing (indicators, sources, events, claims …) as a pandas DataFrame:
    text as ``object``, ``start``/``end`` as ``datetime64``, numbers as ``float64``
    with NaN for none, yes-or-no columns as ``bool``."""
    return Table(table).to_pandas()


class StoreMethods:
    """The base of each part of :class:`bilateral.Store`: the native store its methods
    call."""

    _inner: _core.Store


_Combined = TypeVar("_Combined", bound=type)


def own_methods(store: _Combined) -> _Combined:
    """Makes the methods of `store`'s parts its own by name (``__module__`` and
    ``__qualname__``): a TypeError, a method's repr and pickle say ``Store.growth`` in
    ``bilateral.store``, as when every method was written in its class. A method's
    overloads are filed again under that name, where ``typing.get_overloads`` looks."""
    parts = [part for part in store.__mro__[1:] if issubclass(part, StoreMethods)]
    for part in parts:
        for name, member in vars(part).items():
            function = member.fget if isinstance(member, property) else member
            if not isinstance(function, types.FunctionType):
                continue
            overloads = [
                variant
                for variant in typing.get_overloads(function)
                if isinstance(variant, types.FunctionType)
            ]
            for each in (*overloads, function):
                each.__module__ = store.__module__
                each.__qualname__ = f"{store.__qualname__}.{name}"
            for variant in overloads:
                typing.overload(variant)
    return store
