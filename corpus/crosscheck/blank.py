"""Draw the cross-check sample and strip its annotations (sentence texts only).

The sample is deterministic: for each first-pass annotator (writer-a, writer-b, writer-c,
read from the authoring file name), the four conflicts whose first document id sorts first,
and of each conflict its first document by id. That gives 12 documents, 4 per annotator.

    PYTHONPATH=src python corpus/crosscheck/blank.py > corpus/crosscheck/blank.jsonl

Standard library only. The output keeps id, conflict, style, outlet and the paragraph
structure; every sentence is reduced to {"s": ...}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AUTHORING = ROOT / "corpus" / "authoring"
PER_WRITER = 4


def read_docs():
    for path in sorted(AUTHORING.glob("*.jsonl")):
        writer = "-".join(path.stem.split("-")[:2])
        for line in path.read_text(encoding="utf8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                yield writer, json.loads(line)


def sample_ids():
    first = {}  # (writer, conflict) -> lowest id
    for writer, doc in read_docs():
        key = (writer, doc["conflict"])
        if key not in first or doc["id"] < first[key]:
            first[key] = doc["id"]
    ids = []
    for writer in sorted({w for w, _ in first}):
        ids += sorted(i for (w, _), i in first.items() if w == writer)[:PER_WRITER]
    return sorted(ids)


def blank(doc):
    out = {k: doc[k] for k in ("id", "conflict", "style", "outlet") if k in doc}
    out["paragraphs"] = [[{"s": s["s"]} for s in paragraph] for paragraph in doc["paragraphs"]]
    return out


def main():
    ids = set(sample_ids())
    for _, doc in sorted(read_docs(), key=lambda wd: wd[1]["id"]):
        if doc["id"] in ids:
            sys.stdout.write(json.dumps(blank(doc), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
