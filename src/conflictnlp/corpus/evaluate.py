"""Scoring the pipeline against the annotated corpus.

The scoring functions are pure: they compare export dicts (``conflictnlp.to_dict``
output) with gold corpus records (:mod:`conflictnlp.corpus.format`), so they are tested
without any model. ``evaluate_files`` runs a pipeline over corpus files and scores
it; ``conflictnlp evaluate [--base NAME] [--json] FILE...`` prints the result.

Figures (micro-averaged over all documents):

* counts: mention precision/recall/F1 with exact spans and with overlapping spans
  (one-to-one, largest overlap first); on the overlap-matched mentions, accuracy of
  ``value``, ``qualifier``, ``kind`` and ``actor``.
* attributions: P/R/F1 of cues, sources and contents, exact and overlap, and of every
  part of split contents (``content_parts``); on matched cues, accuracy of ``source_type``,
  ``anonymous`` and ``cue_type`` (``speech``/``belief``/``evidence``; a record without
  the field is ``speech``).
* hedging: per gold sentence (aligned with the predicted sentence that overlaps it
  most), P/R/F1 of ``hedged``, four-way ``certainty`` accuracy, and F1 of cues with
  exact span and type.

A layer the pipeline does not produce (its component is not in the pipeline) is
reported as ``None`` ("absent"), not as zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

Span = Tuple[int, int]
LAYERS = ("counts", "attributions", "hedging")
# The component that produces each layer.
LAYER_COMPONENTS = {"counts": "conflict_counts", "attributions": "conflict_attribution", "hedging": "conflict_hedging"}


@dataclass
class PRF:
    """True positives, predicted and gold totals; precision, recall and F1 from them."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> Dict[str, Any]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f": round(self.f, 4), "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += bool(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> Dict[str, Any]:
        return {"acc": round(self.value, 4), "correct": self.correct, "total": self.total}


# ----------------------------------------------------------------------------- matching

def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_exact(gold: Sequence[Span], pred: Sequence[Span]) -> List[Tuple[int, int]]:
    """Pairs (gold index, pred index) of identical spans, one-to-one."""
    free: Dict[Span, List[int]] = {}
    for j, span in enumerate(pred):
        free.setdefault(tuple(span), []).append(j)
    pairs = []
    for i, span in enumerate(gold):
        if free.get(tuple(span)):
            pairs.append((i, free[tuple(span)].pop(0)))
    return pairs


def match_overlap(gold: Sequence[Span], pred: Sequence[Span]) -> List[Tuple[int, int]]:
    """Pairs (gold index, pred index) of overlapping spans, one-to-one, largest overlap first."""
    candidates = sorted(
        ((overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if overlap(g, p) > 0),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _offsets(span: Optional[Dict[str, Any]]) -> Optional[Span]:
    return (span["start"], span["end"]) if span else None


def _add_spans(exact: PRF, loose: PRF, gold: Sequence[Span], pred: Sequence[Span]) -> List[Tuple[int, int]]:
    exact.add(len(match_exact(gold, pred)), len(pred), len(gold))
    pairs = match_overlap(gold, pred)
    loose.add(len(pairs), len(pred), len(gold))
    return pairs


# ----------------------------------------------------------------------------- layers

class CountScores:
    def __init__(self) -> None:
        self.exact, self.overlap = PRF(), PRF()
        self.fields = {name: Accuracy() for name in ("value", "qualifier", "kind", "actor")}

    def add(self, gold: Dict[str, Any], pred: Dict[str, Any]) -> None:
        g, p = gold.get("counts") or [], pred.get("counts") or []
        pairs = _add_spans(self.exact, self.overlap, [_offsets(c) for c in g], [_offsets(c) for c in p])
        for i, j in pairs:
            for name, acc in self.fields.items():
                acc.add(g[i].get(name) == p[j].get(name))

    def as_dict(self) -> Dict[str, Any]:
        return {"mentions_exact": self.exact.as_dict(), "mentions_overlap": self.overlap.as_dict(),
                **{name: acc.as_dict() for name, acc in self.fields.items()}}


class AttributionScores:
    PARTS = ("cue", "source", "content")

    def __init__(self) -> None:
        self.exact = {part: PRF() for part in self.PARTS}
        self.overlap = {part: PRF() for part in self.PARTS}
        self.fields = {name: Accuracy() for name in ("source_type", "anonymous", "cue_type")}
        self.parts_exact, self.parts_overlap = PRF(), PRF()

    def add(self, gold: Dict[str, Any], pred: Dict[str, Any]) -> None:
        from .format import with_contract_defaults  # records written before cue_type/content_parts

        g = [with_contract_defaults(a) for a in gold.get("attributions") or []]
        p = [with_contract_defaults(a) for a in pred.get("attributions") or []]
        for part in self.PARTS:
            gold_spans = sorted({_offsets(a.get(part)) for a in g if a.get(part)})
            pred_spans = sorted({_offsets(a.get(part)) for a in p if a.get(part)})
            _add_spans(self.exact[part], self.overlap[part], gold_spans, pred_spans)
        gold_parts = sorted({_offsets(s) for a in g for s in a["content_parts"]})
        pred_parts = sorted({_offsets(s) for a in p for s in a["content_parts"]})
        _add_spans(self.parts_exact, self.parts_overlap, gold_parts, pred_parts)
        for i, j in match_overlap([_offsets(a["cue"]) for a in g], [_offsets(a["cue"]) for a in p]):
            for name, acc in self.fields.items():
                acc.add(g[i].get(name) == p[j].get(name))

    def as_dict(self) -> Dict[str, Any]:
        result: Dict[str, Any] = {}
        for part in self.PARTS:
            result[f"{part}_exact"] = self.exact[part].as_dict()
            result[f"{part}_overlap"] = self.overlap[part].as_dict()
        result["content_parts_exact"] = self.parts_exact.as_dict()
        result["content_parts_overlap"] = self.parts_overlap.as_dict()
        result.update({name: acc.as_dict() for name, acc in self.fields.items()})
        return result


def align_sentences(gold: Sequence[Span], pred: Sequence[Span]) -> List[Optional[int]]:
    """For each gold sentence, the index of the predicted sentence overlapping it most (or None)."""
    aligned: List[Optional[int]] = []
    for g in gold:
        best = max(range(len(pred)), key=lambda j: (overlap(g, pred[j]), -j), default=None)
        aligned.append(best if best is not None and overlap(g, pred[best]) > 0 else None)
    return aligned


class HedgingScores:
    def __init__(self) -> None:
        self.hedged = PRF()
        self.certainty = Accuracy()
        self.cues_typed = PRF()
        self.cues_untyped = PRF()

    def add(self, gold: Dict[str, Any], pred: Dict[str, Any]) -> None:
        g, p = gold.get("sentences") or [], pred.get("sentences") or []
        aligned = align_sentences([_offsets(s) for s in g], [_offsets(s) for s in p])
        for sent, j in zip(g, aligned):
            gold_level = sent.get("certainty", "certain")
            pred_level = (p[j].get("certainty") if j is not None else None) or "certain"
            gold_hedged, pred_hedged = gold_level != "certain", pred_level != "certain"
            self.hedged.add(int(gold_hedged and pred_hedged), int(pred_hedged), int(gold_hedged))
            self.certainty.add(gold_level == pred_level)
        gold_cues = [(c["start"], c["end"], c["type"]) for s in g for c in s.get("cues") or []]
        pred_cues = [(c["start"], c["end"], c.get("type")) for s in p for c in s.get("cues") or []]
        self.cues_typed.add(len(set(gold_cues) & set(pred_cues)), len(set(pred_cues)), len(set(gold_cues)))
        g_untyped, p_untyped = {c[:2] for c in gold_cues}, {c[:2] for c in pred_cues}
        self.cues_untyped.add(len(g_untyped & p_untyped), len(p_untyped), len(g_untyped))

    def as_dict(self) -> Dict[str, Any]:
        return {"hedged": self.hedged.as_dict(), "certainty": self.certainty.as_dict(),
                "cues_typed": self.cues_typed.as_dict(), "cues_untyped": self.cues_untyped.as_dict()}


SCORERS: Dict[str, Callable[[], Any]] = {"counts": CountScores, "attributions": AttributionScores, "hedging": HedgingScores}


def score(pairs: Iterable[Tuple[Dict[str, Any], Dict[str, Any]]], layers: Sequence[str] = LAYERS) -> Dict[str, Any]:
    """Scores for (gold record, predicted export) pairs; layers not in ``layers`` are None."""
    scorers = {layer: SCORERS[layer]() for layer in layers}
    documents = 0
    for gold, pred in pairs:
        documents += 1
        for scorer in scorers.values():
            scorer.add(gold, pred)
    result: Dict[str, Any] = {"documents": documents}
    for layer in LAYERS:
        result[layer] = scorers[layer].as_dict() if layer in scorers else None
    return result


# ----------------------------------------------------------------------------- running a pipeline

def layers_of(nlp) -> List[str]:
    """The layers that ``nlp``'s components produce (a component counts under any instance name)."""
    factories = set(nlp.pipe_names) | {getattr(nlp.get_pipe_meta(name), "factory", None) for name in nlp.pipe_names}
    return [layer for layer, component in LAYER_COMPONENTS.items() if component in factories]


def evaluate_records(nlp, records: Iterable[Dict[str, Any]]) -> Dict[str, Any]:
    """Run ``nlp`` over the records' texts and score the exports against the records."""
    from ..export import to_dict

    records = list(records)
    docs = nlp.pipe(r["text"] for r in records)
    return score(((r, to_dict(doc)) for r, doc in zip(records, docs)), layers_of(nlp))


def evaluate_files(nlp, paths: Sequence[str]) -> Dict[str, Any]:
    """Scores of ``nlp`` on corpus files (raises ``CorpusError`` naming a bad file and line)."""
    from .format import read_records

    records = [record for path in paths for record in read_records(path)]
    return evaluate_records(nlp, records)


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def format_scores(scores: Dict[str, Any]) -> str:
    """A plain-text table: one line per figure."""
    lines = [f"{scores['documents']} documents", "", f"{'component':<13} {'figure':<20} {'P':>5} {'R':>5} {'F1':>5}  n"]
    lines.append("-" * len(lines[-1]))

    def prf(layer: str, name: str, d: Dict[str, Any]) -> None:
        lines.append(f"{layer:<13} {name:<20} {_pct(d['p'])} {_pct(d['r'])} {_pct(d['f'])}  {d['tp']}/{d['pred']} pred, {d['gold']} gold")

    def acc(layer: str, name: str, d: Dict[str, Any]) -> None:
        lines.append(f"{layer:<13} {name + ' acc':<20} {'':>5} {'':>5} {_pct(d['acc'])}  {d['correct']}/{d['total']}")

    for layer in LAYERS:
        figures = scores.get(layer)
        if figures is None:
            lines.append(f"{layer:<13} (absent: {LAYER_COMPONENTS[layer]} is not in the pipeline)")
            continue
        for name, d in figures.items():
            (prf if "f" in d else acc)(layer, name, d)
    return "\n".join(lines)
