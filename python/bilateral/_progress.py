"""Progress of a long import: a callable the native store calls as
``progress(stage, done, total)``, shown as a tqdm bar when tqdm is installed.

``stage`` is ``"reading"`` (``done`` and ``total`` count the file's bytes), then
``"checking"`` and ``"writing"`` (they count rows). The native store calls it every
10,000 rows and at the end of each stage, with the GIL taken for the call only.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

#: What a call's ``progress=`` takes: ``None`` for a tqdm bar when tqdm is installed
#: (shown only once a call has run half a second), ``False`` for none, ``True`` for a
#: bar at once, or a callable ``progress(stage, done, total)``.
ProgressArg = bool | Callable[[str, int, int], object] | None

#: Seconds a call runs before the default bar appears: a short import shows nothing.
_DELAY = 0.5


class _Bars:
    """One tqdm bar per stage, each closed when the next stage starts (or the call
    ends)."""

    def __init__(self, tqdm: Any, delay: float, what: str) -> None:
        self._tqdm = tqdm
        self._delay = delay
        self._what = what
        self._stage: str | None = None
        self._bar: Any = None
        self._done = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self._stage:
            self.close()
            self._stage, self._done = stage, 0
            unit = "B" if stage == "reading" else " rows"
            self._bar = self._tqdm(
                total=total,
                desc=f"{self._what}: {stage}",
                unit=unit,
                unit_scale=True,
                delay=self._delay,
                leave=False,
            )
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def progress_bars(progress: ProgressArg, what: str) -> tuple[Any, Callable[[], None]]:
    """The callable to hand the native store for `progress`, and what to call when the
    call has ended (it closes the bar)."""
    if progress is False:
        return None, lambda: None
    if callable(progress):
        return progress, lambda: None
    try:
        tqdm = importlib.import_module("tqdm.auto").tqdm
    except ImportError:
        if progress is True:
            raise ImportError("progress=True needs tqdm: pip install tqdm") from None
        return None, lambda: None
    bars = _Bars(tqdm, 0.0 if progress is True else _DELAY, what)
    return bars, bars.close
