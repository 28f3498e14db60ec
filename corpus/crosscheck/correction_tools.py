"""Shared machinery of the cross-check correction scripts (corrections*.py): edits of one
authoring sentence and run(), which applies a list of corrections to corpus/authoring.

A correction is (document id, sentence, edit). The sentence is (paragraph, sentence), 0-based,
or the start of its text (unique in its document). An edit changes the sentence dict in place
or raises Skip when its target (cue, count, attribution) is not there; run() reports each
correction as applied (the sentence changed), already (nothing to change) or missing. Lines are
re-written in the JSON style they were read in; comment lines are kept. Idempotent.

The scripts run as `python corpus/crosscheck/<script>.py`, so this folder is on sys.path.
"""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

from conflictnlp.corpus.validate import implied_level

AUTHORING = Path(__file__).resolve().parents[2] / "corpus" / "authoring"
APPLIED, ALREADY, MISSING = "applied", "already", "missing"


class Skip(Exception):
    """The edit's target is not in the sentence."""


def set_cues(certainty, *cues):
    def edit(s):
        s["certainty"], s["cues"] = certainty, [{"text": t, "type": ty} for t, ty in cues]
    return edit


def cue(old, **fields):
    """Update the hedge cue ``old`` (or the one already carrying ``fields['text']``)."""
    def edit(s):
        hits = [c for c in s.get("cues", []) if c["text"] in (old, fields.get("text"))]
        if len(hits) != 1:
            raise Skip(f"cue {old!r}")
        hits[0].update(fields)
    return edit


def add_cue(text, type_):
    def edit(s):
        if not any(c["text"] == text for c in s.get("cues", [])):
            s.setdefault("cues", []).append({"text": text, "type": type_})
    return edit


def drop_cue(text):
    def edit(s):
        if any(c["text"] == text for c in s.get("cues", [])):
            s["cues"] = [c for c in s["cues"] if c["text"] != text]
    return edit


def count(old_text, **fields):
    """Update the count spanning ``old_text`` (or, failing that, the one spanning ``fields['text']``)."""
    def edit(s):
        counts = s.get("counts", [])
        hits = [c for c in counts if c["text"] == old_text] or [c for c in counts if c["text"] == fields.get("text")]
        if len(hits) != 1:
            raise Skip(f"count {old_text!r}")
        hits[0].update(fields)
    return edit


def add_count(spec):
    def edit(s):
        if not any(c["text"] == spec["text"] for c in s.get("counts", [])):
            s.setdefault("counts", []).append(dict(spec))
    return edit


def drop_count(text):
    def edit(s):
        counts = s.get("counts", [])
        if any(c["text"] == text for c in counts):
            s["counts"] = [c for c in counts if c["text"] != text]
            if not s["counts"]:
                s.pop("counts")
    return edit


def attribution(cue_text, of_source=None, **fields):
    """Update the attribution with cue ``cue_text`` (and source ``of_source`` where the cue repeats)."""
    def edit(s):
        hits = [a for a in s.get("attributions", []) if a["cue"] in (cue_text, fields.get("cue"))
                and of_source in (None, a.get("source"))]
        if len(hits) != 1:
            raise Skip(f"attribution {cue_text!r}")
        hits[0].update(fields)
    return edit


def add_attribution(cue_text, source, content, source_type="unknown", anonymous=False, **more):
    def edit(s):
        attrs = s.get("attributions", [])
        if not any(a["cue"] == cue_text and a.get("content") == content for a in attrs):
            item = {"cue": cue_text, "source": source, "content": content, "source_type": source_type,
                    "anonymous": anonymous, "state_media": False, "medium": None, "time": None, "via": []}
            item.update(more)
            s.setdefault("attributions", []).append(item)
    return edit


def drop_attribution(cue_text):
    def edit(s):
        if any(a["cue"] == cue_text for a in s.get("attributions", [])):
            s["attributions"] = [a for a in s["attributions"] if a["cue"] != cue_text]
    return edit


def relevel(s):
    """Set the sentence's certainty to the strongest level of its cues; drop empty cues."""
    level = implied_level(s.get("cues", []))
    if not s.get("cues"):
        s.pop("cues", None)
    if level == "certain":
        s.pop("certainty", None)
    else:
        s["certainty"] = level


def dump(doc, like):
    for kw in ({"ensure_ascii": False}, {"ensure_ascii": False, "separators": (",", ":")}):
        if json.dumps(json.loads(like), **kw) == like:
            return json.dumps(doc, **kw)
    return json.dumps(doc, ensure_ascii=False)


def find_sentence(doc, where):
    if isinstance(where, tuple):
        p, s = where
        return doc["paragraphs"][p][s]
    hits = [s for paragraph in doc["paragraphs"] for s in paragraph if s["s"].startswith(where)]
    return hits[0] if len(hits) == 1 else None


def apply_one(doc, where, edit, relevel_cues):
    """Apply one edit to its sentence of ``doc``; return (status, reason if missing)."""
    sentence = find_sentence(doc, where)
    if sentence is None:
        return MISSING, "sentence not found"
    before = copy.deepcopy(sentence)
    try:
        edit(sentence)
    except Skip as why:
        return MISSING, f"{why} not found"
    if relevel_cues and sentence.get("cues") != before.get("cues"):
        relevel(sentence)
    return (ALREADY if sentence == before else APPLIED), None


def apply_file(path, todo, tally, skipped, relevel_cues):
    """Apply the corrections of ``todo`` (document id -> [(where, edit)]) found in ``path``."""
    lines = path.read_text(encoding="utf8").splitlines()
    changed = False
    for n, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        doc = json.loads(line)
        edits = todo.pop(doc.get("id"), [])
        if not edits:
            continue
        for where, edit in edits:
            status, why = apply_one(doc, where, edit, relevel_cues)
            tally[status] = tally.get(status, 0) + 1
            if why:
                skipped.append(f"{doc['id']}: {where!r}: {why}")
        new = dump(doc, line)
        if new != line:
            lines[n], changed = new, True
    return lines if changed else None


def run(corrections, description, files=("*.jsonl",), relevel_cues=False, argv=None):
    """Apply ``corrections`` to the authoring files matching ``files``; print the tally."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    todo, tally, skipped, written = {}, {}, [], []
    for doc_id, where, edit in corrections:
        todo.setdefault(doc_id, []).append((where, edit))
    for path in sorted({p for pattern in files for p in AUTHORING.glob(pattern)}):
        lines = apply_file(path, todo, tally, skipped, relevel_cues)
        if lines is not None:
            written.append(path.name)
            if not args.dry_run:
                path.write_text("\n".join(lines) + "\n", encoding="utf8")
    for doc_id, rest in todo.items():
        tally[MISSING] = tally.get(MISSING, 0) + len(rest)
        skipped.append(f"{doc_id}: document not found ({len(rest)} edits)")
    for line in skipped:
        print("skipped:", line)
    print(", ".join(f"{tally.get(k, 0)} {k}" for k in (APPLIED, ALREADY, MISSING)), f"of {len(corrections)} corrections;",
          f"files changed: {', '.join(written) or 'none'}")
    return 0
