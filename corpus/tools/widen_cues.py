"""Widen gold attribution cues to the cue extent convention (docs/annotation.md, "Cues"): a verb cue
with a source takes in the verb-group words right before it ("now says", "has repeatedly denied") and
a colon right after it ("said:"), unless another part of an attribution holds that word or colon.
Rewrites the authoring files in place; idempotent (a second run changes nothing).

    PYTHONPATH=src python corpus/tools/widen_cues.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conflictnlp.attribution.words import VERB_GROUP
from conflictnlp.corpus.authoring import build_record, find_span

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("cue", "source", "content", "medium", "time")


def _spec(span):
    return (span, 1) if isinstance(span, str) else (span["text"], int(span.get("nth", 1)))


def _taken(record):
    out = set()
    for a in record["attributions"]:
        for span in [a.get(f) for f in PARTS] + list(a.get("via") or []) + list(a.get("content_parts") or []):
            if span:
                out.update(range(span["start"], span["end"]))
    return out


def _widened(text, s, e, taken):
    """The cue ``s:e`` of ``text`` with its verb group before and its colon after."""
    while True:
        head = text[:s]
        words = head.split()
        if not (words and head.endswith(" ") and words[-1].lower() in VERB_GROUP and s - 2 not in taken):
            break
        s = s - 1 - len(words[-1])
    if text[e:e + 1] == ":" and e not in taken:
        e += 1
    return s, e


def _as_spec(text, s, e, sent):
    needle = text[s:e]
    for nth in range(1, 50):
        found = find_span(text, needle, sent[0], sent[1], nth)
        if found is None:
            break
        if found == (s, e):
            return needle if nth == 1 else {"text": needle, "nth": nth}
    return None


def widen_document(doc):
    """The number of cues of ``doc`` widened (in place)."""
    record = build_record(doc)
    text, taken = record["text"], _taken(record)
    changed = 0
    cursor = 0
    for paragraph in doc["paragraphs"]:
        for sentence in paragraph:
            start = text.index(sentence["s"], cursor)
            sent = (start, start + len(sentence["s"]))
            cursor = sent[1]
            for a in sentence.get("attributions", []):
                if a.get("source") is None or a.get("cue") is None:
                    continue
                needle, nth = _spec(a["cue"])
                found = find_span(text, needle, sent[0], sent[1], nth)
                if found is None:
                    continue
                s, e = _widened(text, found[0], found[1], taken - set(range(*found)))
                if (s, e) != found:
                    spec = _as_spec(text, s, e, sent)
                    if spec is not None:
                        a["cue"] = spec
                        changed += 1
    return changed


def main(argv=None):
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    total = 0
    for path in sorted((ROOT / "corpus" / "authoring").glob("*.jsonl")):
        lines = path.read_text(encoding="utf8").split("\n")
        n = 0
        for i, line in enumerate(lines):
            if line.strip() and not line.lstrip().startswith("#"):
                doc = json.loads(line)
                k = widen_document(doc)
                if k:
                    n += k
                    lines[i] = json.dumps(doc, ensure_ascii=False)
        if n:
            print(f"{path.name}: {n} cues widened")
            total += n
            if not check:
                path.write_text("\n".join(lines), encoding="utf8")
    print(f"{total} cues {'to widen' if check else 'widened'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
