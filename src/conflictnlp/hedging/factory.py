"""The ``conflict_hedging`` factory: config -> :class:`~.component.ConflictHedging`, nothing else."""

from __future__ import annotations

from typing import Callable, List, Optional

from spacy.language import Language
from thinc.api import Model

from ..about import require_conflictnlp
from ..schema import HEDGING_KEY
from .component import ConflictHedging
from .model import DEFAULT_MODEL
from .scorer import make_hedging_scorer  # noqa: F401  (registers conflictnlp.hedging_scorer.v1)


@Language.factory(
    "conflict_hedging",
    requires=["token.is_sent_start"],
    assigns=["doc.spans", "doc.cats", "span._.conflict_certainty", "span._.conflict_hedged", "span._.conflict_hedge_score",
             "span._.conflict_hedge_cues"],
    default_config={
        "model": DEFAULT_MODEL,
        "use_model": True,
        "weights": "bundled",
        "cues": None,
        "pseudo_cues": None,
        "threshold": 0.5,
        "uncued_threshold": 0.7,
        "cue_dropout": 0.5,
        "spans_key": HEDGING_KEY,
        "span_keys": [],
        "scorer": {"@scorers": "conflictnlp.hedging_scorer.v1"},
    },
    default_score_weights={
        "hedging_hedged_f": 0.5,
        "hedging_acc": 0.5,
        "hedging_hedged_p": 0.0,
        "hedging_hedged_r": 0.0,
        "hedging_cue_f": 0.0,
        "hedging_cue_p": None,
        "hedging_cue_r": None,
        "hedging_per_level": None,
    },
)
def make_conflict_hedging(
    nlp: Language,
    name: str,
    model: Optional[Model],
    use_model: bool,
    weights: Optional[str],
    cues: Optional[str],
    pseudo_cues: Optional[str],
    threshold: float,
    uncued_threshold: float,
    cue_dropout: float,
    spans_key: str,
    span_keys: List[str],
    scorer: Optional[Callable],
) -> ConflictHedging:
    require_conflictnlp(nlp)
    return ConflictHedging(
        nlp.vocab, model if use_model else None, name, make_doc=nlp.make_doc, cues=cues,
        pseudo_cues=pseudo_cues, weights=weights, threshold=threshold, uncued_threshold=uncued_threshold,
        cue_dropout=cue_dropout, spans_key=spans_key,
        span_keys=span_keys, scorer=scorer,
    )
