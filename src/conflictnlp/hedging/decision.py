"""How ``conflict_hedging`` decides a sentence's certainty from its two layers.

A sentence is hedged when its calibrated score reaches ``threshold`` (cue layer alone: when it
has a cue). A hedged sentence takes the grade of its cues; a hedged sentence without any cue
(a hedge the lexicon does not know) takes the model's most probable hedged level, and only when
its score reaches ``uncued_threshold`` and no pseudo-cue says the sentence's hedge-like words are
none ("said it would", "plans to", "could not reach": reported speech and ability stay certain).
Such a sentence reports a cue of type ``model`` (:func:`model_cue`), so every hedged sentence
says why. When the model overrules the cues (score below ``threshold``) the sentence is certain
and reports no cues. ``doc.cats`` are the shares of the levels. Pure Python.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Sequence, Tuple

from ..schema import DOC_CATS, MODEL_CUE
from .calibration import platt
from .cues import CERTAIN, HEDGED_LEVELS, Cue, strongest_level


def sentence_certainty(
    cues: Sequence[Cue], level_probs: Optional[Sequence[float]], cfg: Mapping[str, Any], has_pseudo: bool = False
) -> Tuple[str, float]:
    """The certainty of one sentence and its calibrated score P(hedged), from its cues and the
    model's probabilities in CERTAINTY_LEVELS order (``None``: the cue layer alone).
    ``has_pseudo``: a pseudo-cue matched in the sentence (then the model alone hedges nothing).

    ``cfg`` holds the component's ``threshold``, ``uncued_threshold``, ``calibration`` (see
    :func:`calibration.platt`) and ``cue_only_scores`` (the score of each cue grade without model).
    """
    cue_level = strongest_level(c.level for c in cues) if cues else CERTAIN
    if level_probs is None:
        score = float(cfg["cue_only_scores"].get(cue_level, 0.5))
    else:
        score = platt(model_raw(level_probs, bool(cues)), cfg["calibration"], bool(cues))
    level = decide(cue_level, score, cfg["threshold"], level_probs, cfg.get("uncued_threshold"))
    if has_pseudo and not cues:  # its hedge-like words are a pseudo-cue: the model alone hedges nothing
        level = CERTAIN
    return level, score


def model_raw(level_probs: Sequence[float], has_cue: bool) -> float:
    """The trained layer's uncalibrated score that a sentence is hedged (``level_probs`` in
    CERTAINTY_LEVELS order): with a cue, ``1 - P(certain)``; without one, the probability of its
    most probable hedged level. A hedge the lexicon misses is reported with that level (a cue of
    type ``model``), so the model alone must be sure of one level, not only unsure that the
    sentence is certain: a sentence whose words the model rarely saw spreads its probability over
    the levels and stays certain. The calibration is fitted on the same score."""
    return 1.0 - level_probs[0] if has_cue else max(level_probs[1:])


def decide(
    cue_level: str,
    score: float,
    threshold: float,
    level_probs: Optional[Sequence[float]] = None,
    uncued_threshold: Optional[float] = None,
) -> str:
    """The certainty of one sentence from both layers (see the module docstring).

    ``level_probs`` are the model's probabilities in CERTAINTY_LEVELS order, or ``None``
    when the cue layer runs alone (then ``cue_level`` is the answer). A sentence without
    any cue must reach ``uncued_threshold`` (when higher than ``threshold``): the model
    alone flags a hedge only when it is confident, so reported speech stays certain.
    """
    if level_probs is None:
        return cue_level
    if score < threshold:
        return CERTAIN
    if cue_level == CERTAIN and uncued_threshold is not None and score < uncued_threshold:
        return CERTAIN
    if cue_level != CERTAIN:
        return cue_level
    hedged = list(level_probs[1:])
    return HEDGED_LEVELS[max(range(len(hedged)), key=hedged.__getitem__)]


def model_cue(start: int, end: int, text: str, score: float) -> Dict[str, Any]:
    """The cue record of a sentence that the trained layer alone hedged: type ``model``, the span
    ``start:end`` (char offsets; the whole sentence) and the model's calibrated ``score``."""
    return {"start": start, "end": end, "text": text, "type": MODEL_CUE, "score": round(score, 4)}


def doc_shares(levels: Sequence[str]) -> Dict[str, float]:
    """``doc.cats``: the share of hedged sentences and of each level (keys DOC_CATS)."""
    total = len(levels)
    cats = {label: 0.0 for label in DOC_CATS}
    if not total:
        return cats
    for level in levels:
        cats[level] += 1.0 / total
        if level != CERTAIN:
            cats["hedged"] += 1.0 / total
    return cats
