"""Opening and closing: the file a store is in, its schema version, ``close``, and the
repr that tells a store's state."""

from __future__ import annotations

import unicodedata

from .. import _core
from .base import StoreMethods


def _quoted(text: str) -> str:
    """``text`` in double quotes with escapes, as the store's repr has always shown paths."""
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}
    out = []
    for ch in text:
        if ch in escapes:
            out.append(escapes[ch])
        elif unicodedata.category(ch) == "Cc":
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class OpenMethods(StoreMethods):
    """The store itself: its file, schema version and state."""

    @property
    def path(self) -> str | None:
        """The file the store is in, or None for a store in memory."""
        return self._inner.path

    @property
    def schema_version(self) -> int:
        """The schema version of the database (`PRAGMA user_version`)."""
        return self._inner.schema_version

    def close(self) -> None:
        """Closes the store; later calls raise ClosedError (a SchemaError). Closing twice
        is harmless. In a child process after ``os.fork()`` it does nothing: the
        connection is the parent's (open the store again in the child)."""
        self._inner.close()

    def __repr__(self) -> str:
        place = "in memory" if self.path is None else _quoted(self.path)
        try:
            count = self._inner.observation_count()
        except _core.ClosedError:
            return f"<bilateral.Store {place}: closed>"
        except _core.BilateralError:
            # In use by the call a signal handler interrupted, say: no count to show.
            return f"<bilateral.Store {place}>"
        return f"<bilateral.Store {place}: {count} observations>"
