"""Scores of ``conflict_hedging`` (registered as ``conflictnlp.hedging_scorer.v1``): hedged
P/R/F, four-way accuracy, cue P/R/F (exact offsets and type), per-level P/R/F."""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.training import Example
from spacy.util import registry

from .. import extensions  # noqa: F401  (registers Span._.conflict_certainty)
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
    predicted = [(s.start_char, s.end_char, s._.conflict_certainty) for s in sentence_spans(pred)]
    pairs = []
    for sent in ref.sents:
        if sent._.conflict_certainty not in LEVEL_RANK:
            continue
        found = next((c for start, end, c in predicted if start <= sent.start_char < end), None)
        pairs.append((sent._.conflict_certainty, found))
    return pairs


def _confusion(pairs: Sequence[Tuple[str, str]], positive: Callable[[str], bool]) -> Tuple[int, int, int]:
    """True positives, false positives and false negatives of (gold, predicted) pairs."""
    tp = sum(1 for gold, guess in pairs if positive(gold) and positive(guess))
    fp = sum(1 for gold, guess in pairs if positive(guess) and not positive(gold))
    fn = sum(1 for gold, guess in pairs if positive(gold) and not positive(guess))
    return tp, fp, fn


def _cue_confusion(examples: Sequence[Example], spans_key: str) -> Tuple[int, int, int]:
    """The same for cue spans (exact character offsets and type)."""
    tp = fp = fn = 0
    for eg in examples:
        gold_cues = {(s.start_char, s.end_char, s.label_) for s in eg.reference.spans.get(spans_key, [])}
        pred_cues = {(s.start_char, s.end_char, s.label_) for s in eg.predicted.spans.get(spans_key, [])}
        tp += len(gold_cues & pred_cues)
        fp += len(pred_cues - gold_cues)
        fn += len(gold_cues - pred_cues)
    return tp, fp, fn


def score_hedging(examples: Iterable[Example], *, spans_key: str = HEDGING_KEY, **kwargs: Any) -> Dict[str, Any]:
    """Scores of ``conflict_hedging``: hedged P/R/F, four-way accuracy, cue P/R/F
    (exact offsets and type), per-level P/R/F."""
    examples = list(examples)
    pairs = [(gold, guess or CERTAIN) for eg in examples for gold, guess in sentence_pairs(eg)]
    p, r, f = _prf(*_confusion(pairs, lambda level: level != CERTAIN))
    cp, cr, cf = _prf(*_cue_confusion(examples, spans_key))
    per_level = {level: dict(zip("prf", _prf(*_confusion(pairs, level.__eq__)))) for level in CERTAINTY_LEVELS}
    correct = sum(1 for gold, guess in pairs if gold == guess)
    return {
        "hedging_hedged_p": p,
        "hedging_hedged_r": r,
        "hedging_hedged_f": f,
        "hedging_acc": correct / len(pairs) if pairs else 0.0,
        "hedging_cue_p": cp,
        "hedging_cue_r": cr,
        "hedging_cue_f": cf,
        "hedging_per_level": per_level,
    }


@registry.scorers("conflictnlp.hedging_scorer.v1")
def make_hedging_scorer() -> Callable[..., Dict[str, Any]]:
    return score_hedging
