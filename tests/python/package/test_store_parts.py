"""``bilateral.Store`` is written in parts (``bilateral._store``), one module per file of
the native store (``src/python/store/``), and still reads as one class: its methods are
named ``Store.x`` wherever they are written, their overloads agree with them, and the
API reference lists every one of them.
"""

from __future__ import annotations

import ast
import inspect
import pickle
import re
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Literal, overload

import bilateral
import pytest

ROOT = Path(__file__).resolve().parents[3]
PARTS = ROOT / "python" / "bilateral" / "_store"
NATIVE = ROOT / "src" / "python" / "store"
#: The modules of ``_store`` that are not parts of Store but what the parts use.
HELPERS = {"__init__", "base", "frames"}


def parts() -> list[type]:
    """The classes Store is made of, in the order of its bases."""
    return list(bilateral.Store.__bases__)


def public_members() -> list[str]:
    """Store's public members, in the order of its parts, each part's in source order."""
    return [name for part in parts() for name in vars(part) if not name.startswith("_")]


def public_methods() -> list[str]:
    """Store's public methods (its members but the properties)."""
    return [name for name in public_members() if callable(getattr(bilateral.Store, name))]


def native_calls(path: Path) -> set[str]:
    """The native methods a part calls: every ``self._inner.x`` in its file."""
    return {
        node.attr
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "_inner"
    }


def test_the_parts_are_named_as_the_native_stores_files() -> None:
    python = {path.stem for path in PARTS.glob("*.py")} - HELPERS
    native = {path.stem for path in NATIVE.glob("*.rs")} - {"mod"}
    assert python == native
    assert {part.__module__.rsplit(".", 1)[1] for part in parts()} == python


@pytest.mark.parametrize("part", sorted({path.stem for path in PARTS.glob("*.py")} - HELPERS))
def test_a_part_calls_the_native_methods_of_the_file_of_its_name(part: str) -> None:
    # add_claim in writes.py, say, would call a method of claims.rs: it belongs in claims.py.
    calls = native_calls(PARTS / f"{part}.py")
    defined = set(re.findall(r"\bfn (\w+)", (NATIVE / f"{part}.rs").read_text(encoding="utf-8")))
    assert calls, part
    assert calls - defined == set()


def test_the_methods_of_the_parts_are_the_stores_own() -> None:
    for name in public_members():
        member = inspect.getattr_static(bilateral.Store, name)
        function = member.fget if isinstance(member, property) else member
        assert (function.__module__, function.__qualname__) == ("bilateral.store", f"Store.{name}")
    # What a user sees of that: an error and a repr name Store, as before the split, and
    # a method pickles by its name.
    store = bilateral.Store()
    with pytest.raises(TypeError, match=r"^Store\.growth\(\) got an unexpected keyword "):
        store.growth(intoo="arrow")  # type: ignore[call-overload]
    assert repr(store.growth).startswith("<bound method Store.growth of <bilateral.Store")
    assert pickle.loads(pickle.dumps(bilateral.Store.growth)) is bilateral.Store.growth
    # ... and the overloads are found under that name.
    assert len(typing.get_overloads(bilateral.Store.growth)) == 3
    assert len(typing.get_overloads(bilateral.Store.add_indicator)) == 2


def overload_differences(method: Callable[..., object]) -> list[str]:
    """How the overloads of `method` differ from it, in words: a parameter another name or
    kind, or a default another value (an overload may leave out a default, to ask for
    the argument)."""
    implementation = list(inspect.signature(method).parameters.values())
    found = []
    for number, variant in enumerate(typing.get_overloads(method), 1):
        listed = list(inspect.signature(variant).parameters.values())
        if [(p.name, p.kind) for p in listed] != [(p.name, p.kind) for p in implementation]:
            found.append(f"overload {number}: parameters {[p.name for p in listed]}")
        for own, given in zip(implementation, listed, strict=False):
            if given.default is not given.empty and given.default != own.default:
                found.append(f"overload {number}: {given.name}={given.default!r}")
    return found


#: Methods whose overloads take other parameters than the method, with the reason.
OVERLOADS_DIFFER = {
    "add_indicator": "its overloads are the two forms of `directed`, keyword and (deprecated) "
    "positional; the method takes both, as `*by_position` and `directed`",
}


def test_the_overloads_of_a_method_agree_with_it() -> None:
    with_overloads = [
        n for n in public_methods() if typing.get_overloads(getattr(bilateral.Store, n))
    ]
    assert {"growth", "change", "observations", "add_indicator"} <= set(with_overloads)
    for name in with_overloads:
        if name not in OVERLOADS_DIFFER:
            assert overload_differences(getattr(bilateral.Store, name)) == [], name


def test_a_frame_method_answers_by_into_as_its_overloads_say() -> None:
    # "pandas" (the default) a DataFrame, "arrow" a Table, any other (polars) Any.
    into = [
        n
        for n in public_methods()
        if "into" in inspect.signature(getattr(bilateral.Store, n)).parameters
    ]
    assert len(into) == 7
    for name in into:
        said = {
            (
                str(inspect.signature(v).parameters["into"].annotation),
                str(inspect.signature(v).return_annotation),
            )
            for v in typing.get_overloads(getattr(bilateral.Store, name))
        }
        assert {
            ("Literal['pandas']", "pd.DataFrame"),
            ("Literal['arrow']", "Table"),
            ("Into", "Any"),
        } <= said, name


def test_a_drifted_overload_is_caught() -> None:
    class Drifted:
        @overload
        def growth(
            self, indicator: str | None = None, *, into: Literal["pandas"] = "pandas"
        ) -> int: ...
        @overload
        def growth(self, indicator: str | None = "tourists", *, into: Literal["arrow"]) -> str: ...
        @overload
        def growth(self, product: str | None = None, *, into: str) -> object: ...
        def growth(self, indicator: str | None = None, *, into: str = "pandas") -> object:
            return None

    assert overload_differences(Drifted.growth) == [
        "overload 2: indicator='tourists'",
        "overload 3: parameters ['self', 'product', 'into']",
    ]


def test_the_api_reference_lists_every_method_of_the_store() -> None:
    # docs/reference.md names Store's members (they are its parts', which mkdocstrings
    # would otherwise order by line number across files): all of them, in this order.
    page = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    block = page.split("::: bilateral.store.Store\n", 1)[1].split("\n\n", 1)[0]
    listed = re.findall(r"^ {8}- (\w+)$", block, flags=re.MULTILINE)
    assert listed == public_members()
