"""Draw the cross-check sample and strip its annotations (sentence texts only).

The sample is deterministic: for each first-pass annotator (writer-a, writer-b, writer-c,
read from the authoring file name), the four conflicts whose first document id sorts first,
and of each conflict its first document by id. That gives 12 documents, 4 per annotator.

    PYTHONPATH=src python corpus/crosscheck/blank.py > corpus/crosscheck/blank.jsonl

Round 2 (the corpus grown by writers e-h): the first two documents by id of each conflict of
each writer, drawn in two halves for two second-pass annotators:

    python corpus/crosscheck/blank.py --round2 writer-e writer-f > corpus/crosscheck/blank_round2_ef.jsonl
    python corpus/crosscheck/blank.py --round2 writer-g writer-h > corpus/crosscheck/blank_round2_gh.jsonl

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
ROUND1_WRITERS = ("writer-a", "writer-b", "writer-c")


def read_docs():
    for path in sorted(AUTHORING.glob("*.jsonl")):
        writer = "-".join(path.stem.split("-")[:2])
        for line in path.read_text(encoding="utf8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                yield writer, json.loads(line)


def sample_ids():
    first = {}  # (writer, conflict) -> lowest id
    for writer, doc in read_docs():
        if writer not in ROUND1_WRITERS:
            continue  # writer-d came later; writers e-h are round 2
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


# Round 2 (issue 17, the corpus grown to 4,000+ sentences): for each of the writers e, f, g and h,
# the first two documents by id of each conflict they wrote.
ROUND2_WRITERS = ("writer-e", "writer-f", "writer-g", "writer-h")
ROUND2_PER_CONFLICT = 2


def sample_ids_round2(writers=ROUND2_WRITERS):
    by_key = {}  # (writer, conflict) -> ids
    for writer, doc in read_docs():
        if writer in writers:
            by_key.setdefault((writer, doc["conflict"]), []).append(doc["id"])
    return sorted(i for ids in by_key.values() for i in sorted(ids)[:ROUND2_PER_CONFLICT])


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--round2":
        ids = set(sample_ids_round2(tuple(args[1:]) or ROUND2_WRITERS))
    else:
        ids = set(sample_ids())
    for _, doc in sorted(read_docs(), key=lambda wd: wd[1]["id"]):
        if doc["id"] in ids:
            sys.stdout.write(json.dumps(blank(doc), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
