"""A griffe extension for the API reference: the docstrings' doctest examples
(`>>>` lines and the output after them, up to a blank line) become code blocks, and
Sphinx roles (:meth:`to_html`) plain code.

The docstrings are written for `help()` and doctest, not Markdown, where a `>` starts
a quotation and `x[["a", "b"]]` reads as a link; mkdocs.yml loads this for mkdocstrings.
"""

from __future__ import annotations

import re
from typing import Any

import griffe


def fence(text: str) -> str:
    """The text with each run of doctest lines inside a ```pycon block."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if not inside and line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            inside = True
        elif inside and not line.strip():
            out.append(f"{indent}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fences the doctest examples of every docstring griffe loads."""

    def on_instance(self, *, node: Any, obj: griffe.Object, agent: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            text = re.sub(
                r":(?:meth|func|class|attr|mod|exc):`~?([^`]+)`", r"`\1`", obj.docstring.value
            )
            obj.docstring.value = fence(text)
