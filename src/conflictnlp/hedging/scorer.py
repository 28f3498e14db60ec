"""Scores of ``conflict_hedging`` (registered as ``conflictnlp.hedging_scorer.v1``): hedged
P/R/F, four-way accuracy, cue P/R/F (exact offsets and type), per-level P/R/F."""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from spacy.training import Example
from spacy.util import registry

from .. import extensions  # noqa: F401  (registers Span._.certainty)
from ..doctools import sentence_spans
from ..schema import CERTAINTY_LEVELS, HEDGING_KEY
from .cues import CERTAIN, LEVEL_RANK

def _prf(tp: int, fp: int, fn: int) -> Tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def sentence_pairs(example: Example) -> List[Tuple[str, Optional[str]]]:
    """(gold, predicted) certainty for each gold sentence of ``example``.

    The predicted level is that of the predicted sentence holding the gold sentence's
    first character, so the score is fair when the predicted boundaries differ.
    """
    ref, pred = example.reference, example.predicted
    if not len(ref) or not ref.has_annotation("SENT_START"):
        return []
    predicted = [(s.start_char, s.end_char, s._.certainty) for s in sentence_spans(pred)]
    pairs = []
    for sent in ref.sents:
        if sent._.certainty not in LEVEL_RANK:
            continue
        found = next((c for start, end, c in predicted if start <= sent.start_char < end), None)
        pairs.append((sent._.certainty, found))
    return pairs


def score_hedging(examples: Iterable[Example], *, spans_key: str = HEDGING_KEY, **kwargs: Any) -> Dict[str, Any]:
    """Scores of ``conflict_hedging``: hedged P/R/F, four-way accuracy, cue P/R/F
    (exact offsets and type), per-level P/R/F."""
    tp = fp = fn = correct = total = 0
    cue_tp = cue_fp = cue_fn = 0
    level_counts = {level: [0, 0, 0] for level in CERTAINTY_LEVELS}
    for eg in examples:
        for gold, guess in sentence_pairs(eg):
            guess = guess or CERTAIN
            total += 1
            correct += gold == guess
            g_h, p_h = gold != CERTAIN, guess != CERTAIN
            tp += g_h and p_h
            fp += p_h and not g_h
            fn += g_h and not p_h
            for level in CERTAINTY_LEVELS:
                counts = level_counts[level]
                counts[0] += gold == level and guess == level
                counts[1] += guess == level and gold != level
                counts[2] += gold == level and guess != level
        gold_cues = {(s.start_char, s.end_char, s.label_) for s in eg.reference.spans.get(spans_key, [])}
        pred_cues = {(s.start_char, s.end_char, s.label_) for s in eg.predicted.spans.get(spans_key, [])}
        cue_tp += len(gold_cues & pred_cues)
        cue_fp += len(pred_cues - gold_cues)
        cue_fn += len(gold_cues - pred_cues)
    p, r, f = _prf(tp, fp, fn)
    cp, cr, cf = _prf(cue_tp, cue_fp, cue_fn)
    per_level = {}
    for level, (ltp, lfp, lfn) in level_counts.items():
        lp, lr, lf = _prf(ltp, lfp, lfn)
        per_level[level] = {"p": lp, "r": lr, "f": lf}
    return {
        "hedging_hedged_p": p,
        "hedging_hedged_r": r,
        "hedging_hedged_f": f,
        "hedging_acc": correct / total if total else 0.0,
        "hedging_cue_p": cp,
        "hedging_cue_r": cr,
        "hedging_cue_f": cf,
        "hedging_per_level": per_level,
    }


@registry.scorers("conflictnlp.hedging_scorer.v1")
def make_hedging_scorer() -> Callable[..., Dict[str, Any]]:
    return score_hedging
