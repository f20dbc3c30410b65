"""Fixtures shared by the Python tests, whose folders mirror the package and its concerns:
store/, files/, analysis/, report/, text/, cli/, package/ (the package as a whole) and
process/ (kill, fork, signals, several processes, a full disk). A fixture that one file
uses stays in that file; one that two folders use comes here.

Tests marked ``slow`` (registered in pyproject.toml) are left out of ``make check``;
``make test`` runs them all. CONTRIBUTING.md says where a new test goes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import bilateral
import pytest

#: The top of the source tree.
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo() -> Iterator[bilateral.Store]:
    """A fresh store holding the built-in Azerbaijan–Kazakhstan dataset."""
    store = bilateral.demo()
    yield store
    store.close()


@pytest.fixture(scope="session")
def realdata() -> Path:
    """The real files beside the repository (``../shared/realdata``, never copied into
    it); a test that asks for them is skipped where they are absent."""
    folder = ROOT.parent / "shared" / "realdata"
    if not folder.is_dir():
        pytest.skip("../shared/realdata is absent (real files are not shipped)")
    return folder
