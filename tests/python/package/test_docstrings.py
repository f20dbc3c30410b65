"""The examples in the docstrings run and print what they say."""

from __future__ import annotations

import doctest
import inspect
from collections.abc import Iterator

import bilateral
import bilateral.report
import bilateral.text
import pytest


def documented() -> Iterator[tuple[str, str]]:
    yield "bilateral", bilateral.__doc__ or ""
    yield "bilateral.report.Report", bilateral.report.Report.__doc__ or ""
    yield "bilateral.text", bilateral.text.__doc__ or ""
    for name, member in inspect.getmembers(bilateral.Store):
        if not name.startswith("_") and member.__doc__:
            yield f"Store.{name}", member.__doc__
    for name in ("demo", "datasets", "normalize_period", "format_value"):
        yield name, getattr(bilateral, name).__doc__ or ""
    yield "bilateral.sql", bilateral.sql.__doc__ or ""
    for name, member in inspect.getmembers(bilateral.sql, inspect.isfunction):
        if member.__module__ == "bilateral.sql" and not name.startswith("_"):
            yield f"sql.{name}", member.__doc__ or ""


EXAMPLES = [(name, doc) for name, doc in documented() if ">>>" in doc]


def test_the_main_calls_have_examples() -> None:
    names = {name for name, _ in EXAMPLES}
    for call in (
        "add",
        "add_many",
        "observations",
        "growth",
        "change",
        "shares",
        "per_capita",
        "target_progress",
        "required_growth",
        "asymmetry",
        "mirror",
        "report",
    ):
        assert f"Store.{call}" in names, call


@pytest.mark.parametrize(("name", "doc"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_docstring_examples_run(name: str, doc: str) -> None:
    # Markdown fences around the examples are not part of their expected output.
    text = doc.replace("```python", "").replace("```", "")
    test = doctest.DocTestParser().get_doctest(text, {"bilateral": bilateral}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{name}: {runner.failures} failing example(s)"
