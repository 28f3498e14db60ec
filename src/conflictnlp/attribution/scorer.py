"""The registered scorer of ``conflict_attribution``: P/R/F for cues, sources and contents by
exact character offsets, and the accuracy of ``cue_type`` on cues that match."""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Tuple

from spacy.util import registry

from ..schema import ATTRIBUTION_SPAN_FIELDS, spans_key
from ..tagging import tagged_scores


def _prf(tp: int, n_pred: int, n_gold: int) -> Tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_attribution(examples: Iterable, **kwargs) -> Dict[str, Any]:
    """Precision, recall and F for cues, sources and contents (exact character offsets).

    Gold attributions are read from ``example.reference._.conflict_attributions``.
    """
    counts = {k: [0, 0, 0] for k in ("cue", "source", "content")}
    cue_types = [0, 0]  # correct, compared: on attributions whose cue spans match exactly
    for example in examples:
        pred = example.predicted._.conflict_attributions or []
        gold = example.reference._.conflict_attributions or []
        for field in counts:
            p = {(a[field]["start"], a[field]["end"]) for a in pred if a.get(field)}
            g = {(a[field]["start"], a[field]["end"]) for a in gold if a.get(field)}
            counts[field][0] += len(p & g)
            counts[field][1] += len(p)
            counts[field][2] += len(g)
        gold_types = {(a["cue"]["start"], a["cue"]["end"]): a.get("cue_type", "speech") for a in gold if a.get("cue")}
        for a in pred:
            key = (a["cue"]["start"], a["cue"]["end"]) if a.get("cue") else None
            if key in gold_types:
                cue_types[0] += a.get("cue_type", "speech") == gold_types[key]
                cue_types[1] += 1
    scores: Dict[str, Any] = {}
    for field, (tp, n_pred, n_gold) in counts.items():
        p, r, f = _prf(tp, n_pred, n_gold)
        scores[f"attribution_{field}_p"] = p
        scores[f"attribution_{field}_r"] = r
        scores[f"attribution_{field}_f"] = f
    scores["attribution_cue_type_acc"] = cue_types[0] / cue_types[1] if cue_types[1] else 0.0
    # the trained layer's own spans (before the rules read them), when the component has one
    scores.update(tagged_scores(examples, lambda doc: spans_key(doc, "attribution"), "attribution", gold_parts, labeled=True))
    return scores


def gold_parts(example) -> List[Tuple[int, int, str]]:
    """The cues, sources and contents of the reference's attributions as character spans
    labelled ``CUE``, ``SOURCE``, ``CONTENT``."""
    out = []
    for record in example.reference._.conflict_attributions or []:
        for field in ATTRIBUTION_SPAN_FIELDS[:3]:
            if record.get(field):
                out.append((record[field]["start"], record[field]["end"], field.upper()))
    return out


@registry.scorers("conflictnlp.attribution_scorer.v1")
def make_attribution_scorer() -> Callable:
    return score_attribution
