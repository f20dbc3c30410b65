"""The example notebook runs top to bottom in a real Jupyter kernel."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "azerbaijan-kazakhstan.ipynb"


def test_the_example_notebook_runs_without_error(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "the notebook is committed without outputs"
    )
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError on any failing cell
    assert (tmp_path / "azerbaijan-kazakhstan.html").exists()
    outputs = [out for cell in notebook.cells for out in cell.get("outputs", [])]
    html = [out["data"]["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert any("Azerbaijan and Kazakhstan" in h for h in html), "the report shows as HTML"
