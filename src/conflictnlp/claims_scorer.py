"""The scorer of ``conflict_claims`` (registered as ``conflictnlp.claims_scorer.v1``).

A claim is scored as the pair (count span, source span) by exact character offsets; a count
with no attribution pairs with no source (the outlet's own figure). Gold claims are the
reference Doc's ``doc._.conflict_claims`` (the corpus reader links the gold counts, attributions and
sentences with the linker's rules, so an end-to-end error in any layer shows here), or, when
a reference Doc has none, the gold layers of that Doc linked now.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, Optional, Tuple

from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from . import extensions  # noqa: F401  (registers Doc._.conflict_claims)
from .schema import spans_key

Pair = Tuple[int, int, Optional[Tuple[int, int]]]


def _claims(doc: Doc) -> list:
    if doc._.conflict_claims is not None:
        return doc._.conflict_claims
    from .claims import doc_claims

    return doc_claims(doc)


def claim_pairs(doc: Doc) -> Dict[Pair, Optional[str]]:
    """``(count start, count end, (source start, source end) or None)`` -> the claim's certainty."""
    key = spans_key(doc, "counts")
    spans = list(doc.spans[key]) if key in doc.spans else []
    attributions = doc._.conflict_attributions or []
    pairs: Dict[Pair, Optional[str]] = {}
    for claim in _claims(doc):
        number, attr = claim.get("count"), claim.get("attribution")
        if not isinstance(number, int) or not 0 <= number < len(spans):
            continue
        source = attributions[attr].get("source") if isinstance(attr, int) and 0 <= attr < len(attributions) else None
        where = (source["start"], source["end"]) if isinstance(source, dict) else None
        pairs[(spans[number].start_char, spans[number].end_char, where)] = claim.get("certainty")
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> Tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_claims(examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
    """``claims_p/r/f``: (count, source) pairs of every claim; ``claims_sourced_p/r/f``: the pairs
    with a source; ``claims_certainty_acc``: on pairs found in both, how often the certainty agrees
    (None when no pair was found)."""
    tally = {"all": [0, 0, 0], "sourced": [0, 0, 0]}
    agree = found = 0
    for example in examples:
        pred, gold = claim_pairs(example.predicted), claim_pairs(example.reference)
        for name, keep in (("all", lambda p: True), ("sourced", lambda p: p[2] is not None)):
            p = {k for k in pred if keep(k)}
            g = {k for k in gold if keep(k)}
            tally[name][0] += len(p & g)
            tally[name][1] += len(p)
            tally[name][2] += len(g)
        for pair in pred.keys() & gold.keys():
            found += 1
            agree += pred[pair] == gold[pair]
    scores: Dict[str, Any] = {}
    for name, prefix in (("all", "claims"), ("sourced", "claims_sourced")):
        p, r, f = _prf(*tally[name])
        scores.update({f"{prefix}_p": p, f"{prefix}_r": r, f"{prefix}_f": f})
    scores["claims_certainty_acc"] = agree / found if found else None
    return scores


@registry.scorers("conflictnlp.claims_scorer.v1")
def make_claims_scorer() -> Callable:
    return score_claims
