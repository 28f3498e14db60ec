"""Execute the notebooks of docs/notebooks/ and store them with their outputs.

    python docs/notebooks/refresh.py                 # every notebook here, in place
    python docs/notebooks/refresh.py quickstart.ipynb

Run it after a change that alters what a notebook shows: ``tests/test_notebook.py`` executes
each notebook and fails when the stored outputs differ from a fresh run's (``normalized``
outputs: execution counts, timings, memory addresses and cell ids do not count). Needs the
``notebook`` extra (nbformat, nbclient, ipykernel). The kernel imports conflictnlp from this
checkout's ``src/``. Install matplotlib too (the kernel may also find it on ``PYTHONPATH``) so that
compare_outlets.ipynb is stored with its plot; without it the plot cell prints the intervals as
text (that cell is tagged ``optional-output`` and left out of the freshness check).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Dict, List

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NOTEBOOKS = sorted(HERE.glob("*.ipynb"))
_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")
# Outputs that depend on optional packages (matplotlib): kept, but not compared for freshness.
OPTIONAL_TAG = "optional-output"


def execute(path: Path, workdir: Path):
    """The notebook at ``path``, executed top to bottom in a fresh kernel (in ``workdir``)."""
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(workdir)}}
    )
    src = str(ROOT / "src")
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (src, before) if p)  # the kernel is a child process
    try:
        client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before
    return nb


def _output(output: Dict[str, Any]) -> Dict[str, Any]:
    kind = output.get("output_type")
    if kind == "stream":
        return {"stream": output.get("name"), "text": _ADDRESS.sub("0x…", output.get("text", ""))}
    if kind == "error":
        return {"error": output.get("ename"), "value": output.get("evalue")}
    data = output.get("data", {})
    return {
        "data": {
            mime: (_ADDRESS.sub("0x…", value) if isinstance(value, str) and mime.startswith("text/") else mime)
            for mime, value in data.items()
        }
    }


def _is_stderr(output: Dict[str, Any]) -> bool:
    return output.get("output_type") == "stream" and output.get("name") == "stderr"


def normalized(nb) -> List[List[Dict[str, Any]]]:
    """The outputs of each code cell, without what changes from run to run: execution counts,
    metadata, timings and memory addresses (an image counts by its type, not its bytes), and
    stderr (warnings of whatever else is installed: with spacy-transformers, tqdm warns that
    ipywidgets is missing). Cells tagged ``optional-output`` (their output depends on an optional
    package) are left out."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code" or OPTIONAL_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        cells.append([_output(o) for o in cell.get("outputs", []) if not _is_stderr(o)])
    return cells


def refresh(path: Path) -> None:
    import tempfile

    import nbformat

    with tempfile.TemporaryDirectory() as workdir:
        nb = execute(path, Path(workdir))
    nbformat.write(nb, path)
    print(f"{path.relative_to(ROOT)}: executed, outputs stored", file=sys.stderr)


def main(argv: List[str]) -> int:
    paths = [HERE / name for name in argv] or NOTEBOOKS
    for path in paths:
        refresh(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
