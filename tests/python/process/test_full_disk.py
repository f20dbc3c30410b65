"""A full disk is the OSError of ENOSPC, as the system's own calls raise it, and it
changes nothing: the store keeps what it held and takes writes once there is room. The
disk is filled by capping the store's pages (SQLite's max_page_count, through a private
hook of the native store), as tests/it/store/faults.rs does at every step of a write."""

from __future__ import annotations

import errno
from pathlib import Path

import bilateral
import pytest

pytestmark = pytest.mark.slow

NO_CAP = 2**32 - 1


def distinct_figures(count: int) -> list[dict[str, object]]:
    """`count` observations of distinct products (so no two are duplicates)."""
    return [
        {"indicator": "trade", "origin": "AZE", "destination": "KAZ", "product": f"p{i}",
         "period": 2024, "value": float(i), "note": "x" * 40}
        for i in range(count)
    ]  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> bilateral.Store:
    s = bilateral.Store(tmp_path / "full.db")
    s.add_indicator("trade", "Trade", "USD", "flow", directed=False)
    s.add_many(distinct_figures(10))
    return s


def test_a_full_disk_is_an_oserror_of_enospc_that_changes_nothing(
    store: bilateral.Store,
) -> None:
    before = store.observations()
    size = store._inner._set_max_page_count(1)  # `1` answers the pages in use
    assert store._inner._set_max_page_count(size) == size
    more = [figure | {"product": f"more{i}"} for i, figure in enumerate(distinct_figures(3_000))]
    with pytest.raises(OSError) as caught:
        store.add_many(more)
    error = caught.value
    assert error.errno == errno.ENOSPC
    assert type(error) is OSError  # not a BilateralError: a disk, not the input, failed
    assert not isinstance(error, bilateral.BilateralError)
    assert "nothing was written" in str(error)
    assert len(store.observations()) == 10
    assert store.observations().equals(before)

    # Room again: the store takes writes.
    store._inner._set_max_page_count(NO_CAP)
    store.add("trade", "AZE", "KAZ", 2025, 1.0)
    assert len(store.observations()) == 11
    assert store.add_many(more) == 3_000


def test_a_full_disk_during_an_import_is_the_same_oserror(
    store: bilateral.Store, tmp_path: Path
) -> None:
    csv = tmp_path / "new.csv"
    rows = [f"trade,AZE,KAZ,new{i},2024,{i}" for i in range(3_000)]
    csv.write_text("indicator,origin,destination,product,period,value\n" + "\n".join(rows))
    size = store._inner._set_max_page_count(1)
    store._inner._set_max_page_count(size)
    with pytest.raises(OSError) as caught:
        store.import_csv(csv)
    assert caught.value.errno == errno.ENOSPC
    assert len(store.observations()) == 10
    store._inner._set_max_page_count(NO_CAP)
    assert store.import_csv(csv).figures_written == 3_000
