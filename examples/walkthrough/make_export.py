"""Write ``labelstudio_export.json``: the walkthrough's annotations (``documents.py``) as the JSON
export of a Label Studio project that uses ``conflictnlp corpus labelstudio-config``.

The file looks like what annotators hand over: regions with Label Studio's ids, relations drawn
without a label (the part's own label names it), count and attribution fields answered per
region, a ``SENTENCE`` region with its certainty only for hedged sentences (the others are found
by ``conflict_sentences`` on import), and the bookkeeping fields of the export. Run from the
repository root::

    python examples/walkthrough/make_export.py
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from documents import DOCUMENTS  # noqa: E402

from conflictnlp.corpus.authoring import build_record  # noqa: E402
from conflictnlp.corpus.labelstudio import SENTENCE, to_labelstudio  # noqa: E402
from conflictnlp.corpus.validate import implied_level  # noqa: E402

OUT = HERE / "labelstudio_export.json"


def _region_id(doc_id: str, old: str) -> str:
    """A ten-character id like Label Studio's, the same on every run."""
    return base64.urlsafe_b64encode(hashlib.sha1(f"{doc_id}/{old}".encode()).digest())[:10].decode()


def _as_annotated(task: dict, doc_id: str, n: int) -> dict:
    result = task["annotations"][0]["result"]
    certain = {r["id"] for r in result if r["type"] == "labels" and r["value"]["labels"] == [SENTENCE]}
    certain &= {r["id"] for r in result if r.get("from_name") == "certainty" and r["value"]["choices"] == ["certain"]}
    kept = [r for r in result if r.get("id") not in certain]
    for r in kept:
        if r["type"] == "relation":
            r["from_id"], r["to_id"], r["labels"] = _region_id(doc_id, r["from_id"]), _region_id(doc_id, r["to_id"]), []
        else:
            r["id"] = _region_id(doc_id, r["id"])
    stamp = f"2026-11-{1 + n % 28:02d}T{8 + n % 10:02d}:{(7 * n) % 60:02d}:00.000000Z"
    annotation = {"id": 100 + n, "completed_by": 1 + n % 3, "result": kept, "was_cancelled": False, "ground_truth": False,
                  "created_at": stamp, "updated_at": stamp, "lead_time": 60.0 + 7 * n, "task": n, "project": 3}
    return {"id": n, "annotations": [annotation], "drafts": [], "predictions": [], "data": task["data"], "meta": {},
            "created_at": stamp, "updated_at": stamp, "inner_id": n, "total_annotations": 1, "cancelled_annotations": 0,
            "total_predictions": 0, "project": 3, "file_upload": "walkthrough_tasks.json"}


def main(out: Path = OUT) -> int:
    tasks = []
    for n, doc in enumerate(DOCUMENTS, start=1):
        for paragraph in doc["paragraphs"]:
            for sentence in paragraph:
                sentence["certainty"] = implied_level(sentence["cues"])
        record = build_record(doc, doc["id"])
        tasks.append(_as_annotated(to_labelstudio(record, n), doc["id"], n))
    out.write_text("[\n" + ",\n".join(json.dumps(t, ensure_ascii=False) for t in tasks) + "\n]\n", encoding="utf8")
    print(f"{len(tasks)} tasks, {sum(len(p) for d in DOCUMENTS for p in d['paragraphs'])} sentences written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
