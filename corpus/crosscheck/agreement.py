"""Inter-annotator agreement between the first pass (corpus/authoring/*.jsonl) and the
second pass (corpus/crosscheck/second_pass.jsonl) on the cross-check sample.

    PYTHONPATH=src python corpus/crosscheck/agreement.py            # the figures
    PYTHONPATH=src python corpus/crosscheck/agreement.py --list     # plus every disagreement
    PYTHONPATH=src python corpus/crosscheck/agreement.py --first DIR_OR_FILES...

Standard library and conflictnlp only. Both passes are built with
``conflictnlp.authoring.build_record``, so spans are compared as character offsets into
the same text. Span F1 is symmetric (neither side is gold): 2 * matched / (n1 + n2).
Exact match: same start and end. Overlap match: the spans share at least one character;
pairs are matched one-to-one, greedily in text order. "Typed" also requires the same label
(cue type). Field agreement is computed on pairs matched by overlap.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from conflictnlp.authoring import build_record

ROOT = Path(__file__).resolve().parents[2]
SECOND = ROOT / "corpus" / "crosscheck" / "second_pass.jsonl"
FIRST = sorted((ROOT / "corpus" / "authoring").glob("*.jsonl"))
LEVELS = ("certain", "probable", "possible", "unverified")


def load(paths: Sequence[Path], ids: Optional[set] = None) -> Dict[str, dict]:
    records = {}
    for path in paths:
        for line in path.read_text(encoding="utf8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            doc = json.loads(line)
            if ids is None or doc["id"] in ids:
                records[doc["id"]] = build_record(doc, str(path))
    return records


def kappa(pairs: List[Tuple[str, str]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def exact(a: dict, b: dict) -> bool:
    return a["start"] == b["start"] and a["end"] == b["end"]


def match(xs: List[dict], ys: List[dict], same: Callable[[dict, dict], bool]) -> List[Tuple[int, int]]:
    """One-to-one greedy pairs (i, j) with same(xs[i], ys[j]); exact pairs are taken first."""
    pairs, used_x, used_y = [], set(), set()
    for test in (lambda a, b: exact(a, b) and same(a, b), same):
        for i, x in enumerate(xs):
            if i in used_x:
                continue
            for j, y in enumerate(ys):
                if j not in used_y and test(x, y):
                    pairs.append((i, j))
                    used_x.add(i)
                    used_y.add(j)
                    break
    return sorted(pairs)


def f1(n_match: int, n1: int, n2: int) -> float:
    return 2 * n_match / (n1 + n2) if n1 + n2 else 1.0


class Tally:
    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def spans(self, name: str, xs: List[dict], ys: List[dict], label: Optional[str] = None) -> None:
        same_label = (lambda a, b: a.get(label) == b.get(label)) if label else (lambda a, b: True)
        self.counts[name + ".n1"] += len(xs)
        self.counts[name + ".n2"] += len(ys)
        self.counts[name + ".exact"] += len(match(xs, ys, lambda a, b: exact(a, b) and same_label(a, b)))
        self.counts[name + ".overlap"] += len(match(xs, ys, lambda a, b: overlaps(a, b) and same_label(a, b)))

    def f1(self, name: str, how: str) -> float:
        return f1(self.counts[f"{name}.{how}"], self.counts[name + ".n1"], self.counts[name + ".n2"])

    def field(self, name: str, same: bool) -> None:
        self.counts[name + ".pairs"] += 1
        self.counts[name + ".same"] += bool(same)

    def share(self, name: str) -> str:
        n = self.counts[name + ".pairs"]
        return f"{100 * self.counts[name + '.same'] / n:5.1f}% of {n}" if n else "  n/a"


def compare(first: Dict[str, dict], second: Dict[str, dict]):
    tally, cert_pairs, problems = Tally(), [], []
    for doc_id in sorted(second):
        a, b = first[doc_id], second[doc_id]
        text = a["text"]
        if text != b["text"]:
            raise SystemExit(f"{doc_id}: the two passes have different texts")
        sent_of = lambda pos: next(i for i, s in enumerate(a["sentences"]) if s["start"] <= pos < s["end"] + 1)
        # sentences
        for i, (sa, sb) in enumerate(zip(a["sentences"], b["sentences"])):
            cert_pairs.append((sa["certainty"], sb["certainty"]))
            ca = [dict(c) for c in sa["cues"]]
            cb = [dict(c) for c in sb["cues"]]
            cue_key = lambda c: (c["start"], c["end"], c["type"])
            if sa["certainty"] != sb["certainty"] or sorted(map(cue_key, ca)) != sorted(map(cue_key, cb)):
                problems.append(("certainty", doc_id, i, text[sa["start"]:sa["end"]],
                                 f"{sa['certainty']} {[(c['text'], c['type']) for c in ca]}",
                                 f"{sb['certainty']} {[(c['text'], c['type']) for c in cb]}"))
        all_a = [c for s in a["sentences"] for c in s["cues"]]
        all_b = [c for s in b["sentences"] for c in s["cues"]]
        tally.spans("cue", all_a, all_b)
        tally.spans("cue_typed", all_a, all_b, "type")
        # counts
        tally.spans("count", a["counts"], b["counts"])
        pairs = match(a["counts"], b["counts"], overlaps)
        for i, j in pairs:
            x, y = a["counts"][i], b["counts"][j]
            diffs = []
            for f in ("value", "qualifier", "kind", "unit", "actor"):
                tally.field("count." + f, x[f] == y[f])
                if x[f] != y[f]:
                    diffs.append(f"{f}: {x[f]!r} / {y[f]!r}")
            for f in ("low", "high", "echelon"):
                if x[f] != y[f]:
                    diffs.append(f"{f}: {x[f]!r} / {y[f]!r}")
            if not exact(x, y):
                diffs.insert(0, f"span: {x['text']!r} / {y['text']!r}")
            if diffs:
                problems.append(("counts", doc_id, sent_of(x["start"]), x["text"], "; ".join(diffs), ""))
        for i in set(range(len(a["counts"]))) - {i for i, _ in pairs}:
            c = a["counts"][i]
            problems.append(("counts", doc_id, sent_of(c["start"]), c["text"], f"first only ({c['kind']}, {c['qualifier']})", ""))
        for j in set(range(len(b["counts"]))) - {j for _, j in pairs}:
            c = b["counts"][j]
            problems.append(("counts", doc_id, sent_of(c["start"]), c["text"], "", f"second only ({c['kind']}, {c['qualifier']})"))
        # attributions
        cues_a = [x["cue"] for x in a["attributions"]]
        cues_b = [x["cue"] for x in b["attributions"]]
        tally.spans("attr_cue", cues_a, cues_b)
        for part in ("source", "content"):
            tally.spans("attr_" + part, [x[part] for x in a["attributions"] if x[part]], [x[part] for x in b["attributions"] if x[part]])
        pairs = match(cues_a, cues_b, overlaps)
        for i, j in pairs:
            x, y = a["attributions"][i], b["attributions"][j]
            diffs = []
            for f in ("source_type", "anonymous", "state_media"):
                tally.field("attr." + f, x[f] == y[f])
                if x[f] != y[f]:
                    diffs.append(f"{f}: {x[f]!r} / {y[f]!r}")
            for f in ("source", "content", "medium", "time"):
                ta, tb = (x[f] or {}).get("text"), (y[f] or {}).get("text")
                if ta != tb:
                    diffs.append(f"{f}: {ta!r} / {tb!r}")
            va, vb = [v["text"] for v in x["via"]], [v["text"] for v in y["via"]]
            if va != vb:
                diffs.append(f"via: {va} / {vb}")
            if diffs:
                problems.append(("attributions", doc_id, sent_of(x["cue"]["start"]), f"cue {x['cue']['text']!r}", "; ".join(diffs), ""))
        for i in set(range(len(cues_a))) - {i for i, _ in pairs}:
            x = a["attributions"][i]
            problems.append(("attributions", doc_id, sent_of(x["cue"]["start"]), f"cue {x['cue']['text']!r}",
                             f"first only (source {(x['source'] or {}).get('text')!r})", ""))
        for j in set(range(len(cues_b))) - {j for _, j in pairs}:
            y = b["attributions"][j]
            problems.append(("attributions", doc_id, sent_of(y["cue"]["start"]), f"cue {y['cue']['text']!r}", "",
                             f"second only (source {(y['source'] or {}).get('text')!r})"))
    return tally, cert_pairs, problems


def report(first: Dict[str, dict], second: Dict[str, dict], tally: Tally, cert_pairs) -> str:
    n_sent = len(cert_pairs)
    same = sum(x == y for x, y in cert_pairs)
    binary = [(x != "certain", y != "certain") for x, y in cert_pairs]
    hedged = lambda k: sum(v for v in k)
    lines = [
        f"documents: {len(second)} ({', '.join(sorted(second))})",
        f"sentences: {n_sent}; hedged: first {hedged(x for x, _ in binary)}, second {hedged(y for _, y in binary)}",
        "",
        "sentence certainty",
        f"  agreement (4 levels)        {100 * same / n_sent:5.1f}%",
        f"  Cohen's kappa (4 levels)    {kappa(cert_pairs):.3f}",
        f"  hedged-vs-certain agreement {100 * sum(x == y for x, y in binary) / n_sent:5.1f}%",
        f"  hedged-vs-certain kappa     {kappa([(str(x), str(y)) for x, y in binary]):.3f}",
        "  confusion (rows first pass, columns second pass):",
        "    " + " ".join(f"{l[:10]:>10}" for l in ("",) + LEVELS),
    ]
    for la in LEVELS:
        lines.append("    " + f"{la:>10} " + " ".join(f"{sum(1 for x, y in cert_pairs if x == la and y == lb):>10}" for lb in LEVELS))
    lines.append("")
    rows = [("hedge cues (untyped)", "cue"), ("hedge cues (typed)", "cue_typed"), ("count mentions", "count"),
            ("attribution cues", "attr_cue"), ("attribution sources", "attr_source"), ("attribution contents", "attr_content")]
    lines.append(f"  {'span F1':<24} {'n first':>8} {'n second':>9} {'exact':>7} {'overlap':>8}")
    for label, name in rows:
        lines.append(f"  {label:<24} {tally.counts[name + '.n1']:>8} {tally.counts[name + '.n2']:>9} "
                     f"{tally.f1(name, 'exact'):>7.3f} {tally.f1(name, 'overlap'):>8.3f}")
    lines.append("")
    lines.append("  on counts matched by overlap:")
    for f in ("value", "qualifier", "kind", "unit", "actor"):
        lines.append(f"    {f:<12} {tally.share('count.' + f)}")
    lines.append("  on attribution cues matched by overlap:")
    for f in ("source_type", "anonymous", "state_media"):
        lines.append(f"    {f:<12} {tally.share('attr.' + f)}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--second", type=Path, default=SECOND)
    parser.add_argument("--first", type=Path, nargs="+", default=FIRST)
    parser.add_argument("--list", action="store_true", help="also list every disagreement")
    args = parser.parse_args(argv)
    second = load([args.second])
    first_paths = [p for f in args.first for p in (sorted(f.glob("*.jsonl")) if f.is_dir() else [f])]
    first = load(first_paths, set(second))
    missing = set(second) - set(first)
    if missing:
        raise SystemExit(f"not in the first pass: {sorted(missing)}")
    tally, cert_pairs, problems = compare(first, second)
    print(report(first, second, tally, cert_pairs))
    if args.list:
        for layer in ("certainty", "counts", "attributions"):
            items = [p for p in problems if p[0] == layer]
            print(f"\n## {layer} ({len(items)})\n")
            for _, doc_id, sent, what, x, y in sorted(items, key=lambda p: (p[1], p[2])):
                print(f"- {doc_id} s{sent + 1}: {what} | first: {x} | second: {y}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
