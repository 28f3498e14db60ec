"""Error listing for conflict_counts against a corpus file (a script, not a test).

    PYTHONPATH=src python bench/count_errors.py corpus/train.jsonl [--only miss,fp,kind,actor,span] [--summary]

Runs ``conflict_sentences`` + ``conflict_counts`` over each document and prints, with the
sentence around it: missed gold counts (MISS), predicted counts with no gold overlap (FP),
overlapping spans with different boundaries (SPAN), and matched counts whose kind, actor,
qualifier, value or unit differ (KIND / ACTOR / QUAL / VALUE / UNIT). Use it on train only
for error analysis; dev checks progress.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys

import spacy

from conflictnlp import counts, sentences  # noqa: F401
from conflictnlp.corpus.evaluate import match_overlap


def sentence_of(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right + 1].strip()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--only", default="miss,fp,span,kind,actor,qual,value,unit")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args(argv)
    only = set(args.only.split(","))
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_counts")
    tally = collections.Counter()
    for path in args.files:
        for line in open(path, encoding="utf8"):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            doc = nlp(text)
            pred = [(s.start_char, s.end_char, s.text, s._.conflict_count) for s in doc.spans["conflict_counts"]]
            gold = rec.get("counts") or []
            pairs = match_overlap([(g["start"], g["end"]) for g in gold], [(p[0], p[1]) for p in pred])
            gm = {i for i, _ in pairs}
            pm = {j for _, j in pairs}
            out = []
            for i, g in enumerate(gold):
                if i not in gm:
                    tally["miss"] += 1
                    if "miss" in only:
                        out.append(("MISS", g["start"], f"{g['text']!r} kind={g['kind']} unit={g.get('unit')} actor={g.get('actor')}"))
            for j, p in enumerate(pred):
                if j not in pm:
                    tally["fp"] += 1
                    if "fp" in only:
                        out.append(("FP", p[0], f"{p[2]!r} kind={p[3]['kind']} actor={p[3]['actor']}"))
            for i, j in pairs:
                g, p = gold[i], pred[j]
                c = p[3]
                if (g["start"], g["end"]) != (p[0], p[1]):
                    tally["span"] += 1
                    if "span" in only:
                        out.append(("SPAN", g["start"], f"gold {g['text']!r} pred {p[2]!r}"))
                for field, tag in (("kind", "KIND"), ("actor", "ACTOR"), ("qualifier", "QUAL"), ("value", "VALUE"), ("unit", "UNIT")):
                    if g.get(field) != c.get(field):
                        tally[field] += 1
                        if field[:4] in only or field in only:
                            out.append((tag, g["start"], f"{g['text']!r} gold={g.get(field)} pred={c.get(field)}"))
            if args.summary:
                continue
            for tag, start, msg in sorted(out, key=lambda o: o[1]):
                print(f"[{rec['id']}] {tag:6} {msg}\n        | {sentence_of(text, start, start + 1)}")
    print(dict(tally), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
