"""The scorer of ``conflict_counts`` (registered as ``conflictnlp.counts_scorer.v1``)."""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Tuple

from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

from .. import schema
from ..tagging import tagged_scores


def _count_spans(doc: Doc, attr: str) -> List[Span]:
    key = schema.spans_key(doc, "counts")
    return list(doc.spans[key]) if key in doc.spans else []


def score_counts(examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
    """Span P/R/F of the count phrases (boundaries only: ``counts_p/r/f``; with the kind as the
    label: ``counts_kind_f``) and, on spans found with the right boundaries, how often the value,
    qualifier, kind, estimate and actor agree with the reference (``counts_value_acc`` ...)."""
    examples = list(examples)
    scores: Dict[str, Any] = {}
    spans = Scorer.score_spans(examples, "counts", getter=_count_spans, labeled=False, allow_overlap=True)
    scores.update({k: v for k, v in spans.items() if not k.endswith("per_type")})
    labeled = Scorer.score_spans(examples, "counts", getter=_count_spans, labeled=True, allow_overlap=True)
    scores["counts_kind_f"] = labeled["counts_f"]
    fields = ("value", "qualifier", "kind", "estimate", "actor")
    agree = {f: 0 for f in fields}
    seen = {f: 0 for f in fields}
    for eg in examples:
        gold = {(s.start_char, s.end_char): s._.conflict_count for s in _count_spans(eg.reference, "")}
        for span in _count_spans(eg.predicted, ""):
            ref = gold.get((span.start_char, span.end_char))
            if not ref:
                continue
            pred = span._.conflict_count or {}
            for f in fields:
                if f in ref:
                    seen[f] += 1
                    agree[f] += int(pred.get(f) == ref[f])
    for f in fields:
        scores[f"counts_{f}_acc"] = agree[f] / seen[f] if seen[f] else None
    # the trained layer's own phrases (before the rules read them), when the component has one
    scores.update(tagged_scores(examples, lambda doc: schema.spans_key(doc, "counts"), "counts", gold_counts, labeled=False))
    return scores


def gold_counts(example: Example) -> List[Tuple[int, int, str]]:
    """The reference's count phrases as character spans labelled by kind."""
    return [(s.start_char, s.end_char, s.label_) for s in _count_spans(example.reference, "")]


@registry.scorers("conflictnlp.counts_scorer.v1")
def make_counts_scorer() -> Callable[..., Dict[str, Any]]:
    return score_counts
