"""The store in Python: :class:`Store` over the native ``bilateral._core.Store``.

The native store does the work (in Rust, with the GIL released) and answers with native
objects: every table (the small listings too) as a native ``Table``, one-answer
reports as native frozen results (``Change``, ``TargetProgress``, ``RequiredGrowth``),
the report as a native report. This class gives that a Python shape: DataFrames
(:class:`.table.Table`'s ``to_pandas``) and :class:`~bilateral.report.Report`.

Its methods are written by concern in ``bilateral._store``, a module per file of the
native store (``src/python/store/``): this file combines them, and holds what is the
class's own (making one, ``with``) and :func:`demo`. Every method's docstring carries a
worked example (run as a doctest); its code is a line or two.
"""

from __future__ import annotations

from os import PathLike
from types import TracebackType
from typing import Literal

from . import _core
from ._store.analyses import AnalysisMethods
from ._store.base import Missing as Missing
from ._store.base import OnDuplicate as OnDuplicate
from ._store.base import own_methods
from ._store.claims import ClaimMethods
from ._store.exchange import ExchangeMethods
from ._store.open import OpenMethods
from ._store.reads import ReadMethods
from ._store.reports import ReportMethods
from ._store.writes import WriteMethods


@own_methods
class Store(
    OpenMethods,
    ExchangeMethods,
    WriteMethods,
    ReadMethods,
    ClaimMethods,
    AnalysisMethods,
    ReportMethods,
):
    """A store of bilateral observations in SQLite: in memory, or in the file at `path`
    (created with the schema if new, migrated if older).

    ```python
    store = bilateral.Store()                 # in memory
    with bilateral.Store("relations.db") as store:
        store.load_dataset("azerbaijan-kazakhstan-2025")
    ```
    """

    def __init__(self, path: str | PathLike[str] | None = None) -> None:
        self._inner = _core.Store(path)

    @classmethod
    def _wrap(cls, inner: _core.Store) -> Store:
        store = cls.__new__(cls)
        store._inner = inner
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        *_args: type[BaseException] | BaseException | TracebackType | None,
    ) -> Literal[False]:
        self.close()
        return False


def demo() -> Store:
    """A store in memory with the built-in Azerbaijan–Kazakhstan dataset loaded.

    >>> bilateral.demo()
    <bilateral.Store in memory: 35 observations>
    """
    return Store._wrap(_core.demo())
