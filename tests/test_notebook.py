"""docs/notebooks/quickstart.ipynb runs top to bottom, offline, and shows what it promises.

Needs the `notebook` extra (nbformat, nbclient, ipykernel): skipped with the reason when
they are not installed.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebooks" / "quickstart.ipynb"

nbformat = pytest.importorskip("nbformat", reason="the notebook test needs nbformat (pip install 'conflictnlp[notebook]')")
nbclient = pytest.importorskip("nbclient", reason="the notebook test needs nbclient (pip install 'conflictnlp[notebook]')")
pytest.importorskip("ipykernel", reason="the notebook test needs ipykernel (pip install 'conflictnlp[notebook]')")
pytest.importorskip("pandas", reason="the notebook uses pandas (pip install 'conflictnlp[notebook]')")

_MISSING = [m for m in ("counts", "attribution", "hedging") if importlib.util.find_spec(f"conflictnlp.{m}") is None]
if _MISSING:  # only while the components are developed on separate branches
    pytest.skip(f"the notebook needs the conflictnlp.{_MISSING[0]} component, not in this checkout", allow_module_level=True)


def _text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/html", "") + data.get("text/plain", "")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path_factory.mktemp("nb"))}}
    )
    with pytest.MonkeyPatch.context() as patch:
        # The kernel is a child process: make a source checkout importable in it, as here.
        src = str(ROOT / "src")
        patch.setenv("PYTHONPATH", os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p))
        client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    return nb


def _outputs(nb, fragment: str) -> str:
    cell = next(c for c in nb.cells if c.cell_type == "code" and fragment in c.source)
    return "\n".join(_text(o) for o in cell.outputs)


def test_notebook_is_stored_without_errors():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", f"stored error output in cell: {cell.source[:60]}"


def test_pipeline_has_every_component(executed):
    out = _outputs(executed, "nlp.pipe_names")
    for name in ("conflict_counts", "conflict_attribution", "conflict_hedging", "conflict_claims"):
        assert name in out


def test_render_shows_counts_sources_and_hedges(executed):
    out = _outputs(executed, "conflictnlp.render(doc)")
    assert "TROOPS" in out and "SOURCE" in out and "HEDGE" in out


def test_claims_table_has_rows(executed):
    out = _outputs(executed, "claims_frame(doc)")
    assert "certainty" in out and "40,000" in out


def test_comparison_flags_the_disagreeing_troop_figures(executed):
    out = _outputs(executed, "print(comparison.table())")
    assert "Russia · troops" in out and "SOURCES DISAGREE" in out
    for name in ("ministry", "wire", "state media"):
        assert name in out
