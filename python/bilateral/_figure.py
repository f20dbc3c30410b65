"""The figure bilateral draws on: a plain matplotlib figure that shows itself in Jupyter.

Charts are built on :class:`matplotlib.figure.Figure` with an Agg canvas attached to
that figure alone, never through pyplot: choosing a backend (``matplotlib.use``) or
registering a figure with pyplot would change what the user's own ``plt.plot`` and
``df.plot`` do. A bare ``Figure`` shows in Jupyter only once pyplot has set up the
inline backend, so this one renders itself as PNG (``_repr_png_``) when it is the
last value of a cell or passed to ``display()``. Imported only when a chart is drawn,
as it needs matplotlib.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


class InlineFigure(Figure):
    """A matplotlib figure with its own Agg canvas, shown as PNG in Jupyter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The canvas renders this figure only; pyplot and the backend stay as they were.
        FigureCanvasAgg(self)

    def _repr_png_(self) -> bytes:
        buffer = BytesIO()
        self.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()
