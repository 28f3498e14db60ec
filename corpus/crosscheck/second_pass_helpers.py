"""Shared helpers of the second-pass scripts (make_second_pass*.py): compact writers of
counts (C), attributions (A) and sentences (S), and build(), which merges the annotations
into a blank cross-check file and writes the second-pass file (authoring format).

The scripts run as `python corpus/crosscheck/<script>.py`, so this folder is on sys.path.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TURN = "__TURN__"  # placeholder content: the whole transcript turn "NAME: ..." of the paragraph


def C(text, kind, unit=None, actor=None, q="exact", v=None, lo=None, hi=None, ech=None):
    if q == "exact":
        lo = hi = v
    elif q == "below":
        hi = v
    elif q == "min":
        lo = v
    elif q == "max":
        hi = v
    count = {"text": text, "value": v, "low": lo, "high": hi, "qualifier": q, "kind": kind,
             "unit": unit, "actor": actor}
    if ech:
        count["echelon"] = ech
    return count


def A(cue, source, content, st="unknown", anon=False, sm=False, medium=None, time=None, via=(), resolved=None):
    item = {"cue": cue, "source": source, "content": content, "source_type": st, "anonymous": anon,
            "state_media": sm, "medium": medium, "time": time, "via": list(via)}
    if resolved:
        item["resolved"] = resolved
    return item


def S(certainty="certain", cues=(), counts=(), attrs=()):
    return {"certainty": certainty, "cues": [{"text": t, "type": ty} for t, ty in cues],
            "counts": list(counts), "attributions": list(attrs)}


def turn_text(paragraph):
    text = " ".join(sentence["s"] for sentence in paragraph)
    return text.split(": ", 1)[1]


def annotate(sentence, a, paragraph, write_certain):
    """Merge annotation `a` into `sentence`; "certain" is written only if write_certain."""
    for attr in a["attributions"]:
        if attr["content"] == TURN:
            attr["content"] = turn_text(paragraph)
    sentence.update({k: v for k, v in a.items() if v and (write_certain or k != "certainty")})
    if a["certainty"] != "certain":
        sentence["certainty"] = a["certainty"]


def build(ann_by_doc, blank_name, out_name, write_certain=True):
    """Fill blank_name (a file in this folder) with ann_by_doc and write out_name."""
    out = []
    for line in (HERE / blank_name).read_text(encoding="utf8").splitlines():
        doc = json.loads(line)
        ann = ann_by_doc.get(doc["id"], {})
        unused = set(ann)
        for p, paragraph in enumerate(doc["paragraphs"]):
            for s, sentence in enumerate(paragraph):
                unused.discard((p, s))
                annotate(sentence, ann.get((p, s), S()), paragraph, write_certain)
        if unused:
            raise SystemExit(f"{doc['id']}: no sentence for {sorted(unused)}")
        out.append(json.dumps(doc, ensure_ascii=False))
    (HERE / out_name).write_text("\n".join(out) + "\n", encoding="utf8")
