"""The ``conflict_counts`` factory: config -> :class:`~conflictnlp.counts.component.CountFinder`."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language
from thinc.api import Model

from ..about import require_conflictnlp
from .bounds import DEFAULT_POLICY
from .component import SPANS_KEY, CountFinder


@Language.factory(
    "conflict_counts",
    assigns=["doc.spans", "span._.conflict_count"],
    requires=[],
    default_config={
        "approximators": None,
        "vague": None,
        "units": None,
        "nouns": None,
        "modifiers": None,
        "cues": None,
        "actors": None,
        **DEFAULT_POLICY,  # the estimate policy's defaults, in one place
        "use_parser": True,
        "use_ner": True,
        "spans_key": SPANS_KEY,
        "scorer": {"@scorers": "conflictnlp.counts_scorer.v1"},
        "model": None,  # the trainable layer (conflictnlp.SpanTagger.v1): see training/counts.cfg
        "threshold": 0.5,
    },
    default_score_weights={
        "counts_f": 1.0, "counts_p": 0.0, "counts_r": 0.0, "counts_kind_f": 0.0,
        "counts_value_acc": 0.0, "counts_qualifier_acc": 0.0, "counts_kind_acc": 0.0,
        "counts_estimate_acc": 0.0, "counts_actor_acc": 0.0,
    },
)
def make_conflict_counts(
    nlp: Language,
    name: str,
    approximators: Optional[str],
    vague: Optional[str],
    units: Optional[str],
    nouns: Optional[str],
    modifiers: Optional[str],
    cues: Optional[str],
    actors: Optional[str],
    vague_estimate: str,
    units_estimate: str,
    range_estimate: str,
    below_factor: float,
    min_factor: float,
    max_factor: float,
    use_parser: bool,
    use_ner: bool,
    spans_key: str,
    scorer: Optional[Callable],
    model: Optional[Model],
    threshold: float,
) -> CountFinder:
    tables = {
        "approximators": approximators, "vague": vague, "units": units, "nouns": nouns,
        "modifiers": modifiers, "cues": cues, "actors": actors,
    }
    policy = {
        "vague_estimate": vague_estimate, "units_estimate": units_estimate, "range_estimate": range_estimate,
        "below_factor": below_factor, "min_factor": min_factor, "max_factor": max_factor,
    }
    require_conflictnlp(nlp)
    return CountFinder(nlp, name, tables=tables, policy=policy, use_parser=use_parser, use_ner=use_ner, scorer=scorer, spans_key=spans_key,
                       model=model, threshold=threshold)
