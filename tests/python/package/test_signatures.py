"""The parameter lists of ``bilateral.Store`` and the native store cannot drift apart.

A method of :class:`bilateral.Store` that wraps the native method of the same name
takes the native method's parameters: the same names, in the same order, of the same
kind (positional or keyword-only) with the same defaults. Python reads the native
ones from PyO3's text signatures (``inspect.signature``); ``mypy.stubtest`` checks
the stubs (``_core.pyi``) against the same signatures, so the three copies agree.
Only the parameters listed in ``WRAPPER_ONLY`` are the wrapper's own.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable

import bilateral
import bilateral._core
import pytest

#: Parameters only the Python wrapper has, by method ("*": every method), each with
#: the reason it is not the native method's.
WRAPPER_ONLY: dict[str, dict[str, str]] = {
    # The type of the frame (pandas, polars, a Table) is chosen in Python.
    "*": {"into": "the frame's type is chosen in Python"},
    # `directed` by position is deprecated; None stands for "given by position".
    "add_indicator": {"by_position": "the deprecated positional `directed`"},
}
#: Defaults that differ, with the reason.
DEFAULTS_DIFFER: dict[tuple[str, str], str] = {
    ("add_indicator", "directed"): "None stands for `directed` given by position",
}


def wrapped_methods() -> list[str]:
    """The public methods of ``Store`` that call the native method of their own name,
    read from the source of each class it is made of (``bilateral._store``'s parts)."""
    classes = [
        ast.parse(inspect.getsource(part)).body[0]
        for part in bilateral.Store.__mro__
        if part.__module__.startswith("bilateral.")
    ]
    names = set()
    for function in (node for part in classes for node in part.body):
        if not isinstance(function, ast.FunctionDef) or function.name.startswith("_"):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "_inner"
                and node.func.attr == function.name
            ):
                names.add(function.name)
    return sorted(names)


def parameters(method: Callable[..., object], name: str) -> list[tuple[str, str, object]]:
    """Name, kind and default of each parameter but ``self`` and the wrapper's own."""
    own = WRAPPER_ONLY["*"].keys() | WRAPPER_ONLY.get(name, {}).keys()
    listed = []
    for parameter in list(inspect.signature(method).parameters.values())[1:]:
        if parameter.name in own:
            continue
        default = parameter.default
        if (name, parameter.name) in DEFAULTS_DIFFER:
            default = "(differs)"
        listed.append((parameter.name, parameter.kind.description, default))
    return listed


def differences(name: str) -> list[str]:
    """How the wrapper's parameters differ from the native method's, in words."""
    wrapper = parameters(getattr(bilateral.Store, name), name)
    native = parameters(getattr(bilateral._core.Store, name), name)
    if wrapper == native:
        return []
    return [f"{name}: wrapper {wrapper} != native {native}"]


def test_the_wrapped_methods_are_found() -> None:
    # Every analysis, import and write wraps its native method.
    found = wrapped_methods()
    for name in ("growth", "change", "shares", "per_capita", "asymmetry", "mirror", "report"):
        assert name in found
    assert len(found) > 40


@pytest.mark.parametrize("name", wrapped_methods())
def test_a_wrapper_takes_the_native_methods_parameters(name: str) -> None:
    assert differences(name) == []


def test_a_drifted_parameter_list_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    # growth with a default changed, a parameter renamed and one made keyword-only:
    # each is a difference.
    def default_changed(
        self: object,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        *,
        status: str | None = None,
        into: str = "pandas",
    ) -> None: ...

    def renamed(
        self: object,
        indicator: str | None = None,
        origin: str | None = None,
        to: str | None = None,
        product: str | None = "total",
        *,
        status: str | None = None,
        into: str = "pandas",
    ) -> None: ...

    def keyword_only(
        self: object,
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        *,
        product: str | None = "total",
        status: str | None = None,
        into: str = "pandas",
    ) -> None: ...

    assert differences("growth") == []
    for drifted in (default_changed, renamed, keyword_only):
        monkeypatch.setattr(bilateral.Store, "growth", drifted)
        assert len(differences("growth")) == 1, drifted.__name__
