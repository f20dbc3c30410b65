"""The example notebook runs top to bottom in a real Jupyter kernel, and every cell
that draws shows its chart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

NOTEBOOK = Path(__file__).resolve().parents[3] / "examples" / "azerbaijan-kazakhstan.ipynb"
#: A cell that draws: bilateral.plot.…(…), df.plot(…), a chart's figure(…).
DRAWS = re.compile(r"\bplot\.\w+\(|\.plot\(|\.charts?\(|\.figures?\(")
IMAGES = ("image/png", "image/svg+xml")


def test_the_example_notebook_runs_and_every_chart_cell_shows_an_image(tmp_path: Path) -> None:
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
    # A cell that ran but showed nothing is how a lost backend looked: check each one.
    drawing = [c for c in notebook.cells if c.cell_type == "code" and DRAWS.search(c.source)]
    assert len(drawing) >= 4, [c.source for c in drawing]
    blank = [
        c.source
        for c in drawing
        if not any(kind in out.get("data", {}) for out in c.outputs for kind in IMAGES)
    ]
    assert blank == [], "these chart cells show no image"
    assert (tmp_path / "rail-cargo.csv").exists()
