"""The ``conflict_attribution`` factory: config in, component out."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language
from thinc.api import Model

from ..about import require_conflictnlp
from ..schema import ATTRIBUTION_KEY
from .component import NAME, AttributionDetector, Lexicon


@Language.factory(
    NAME,
    assigns=["doc.spans", "doc._.conflict_attributions"],
    requires=["token.is_sent_start"],
    default_config={
        "cues": None, "phrases": None, "mediums": None, "source_types": None, "outlets": None,
        "use_parser": True, "resolve_pronouns": True, "spans_key": ATTRIBUTION_KEY,
        "scorer": {"@scorers": "conflictnlp.attribution_scorer.v1"},
        "model": None,  # the trainable layer (conflictnlp.SpanTagger.v1): see training/attribution.cfg
        "threshold": 0.5,
        "new_cues": False,  # may the layer confirm a cue the lexicon lacks? (attribution/learned.py)
    },
    default_score_weights={
        "attribution_cue_f": 0.4, "attribution_source_f": 0.3, "attribution_content_f": 0.3,
        "attribution_cue_p": None, "attribution_cue_r": None, "attribution_source_p": None,
        "attribution_source_r": None, "attribution_content_p": None, "attribution_content_r": None,
    },
)
def make_conflict_attribution(
    nlp: Language,
    name: str,
    cues: Lexicon,
    phrases: Lexicon,
    mediums: Lexicon,
    source_types: Lexicon,
    outlets: Lexicon,
    use_parser: bool,
    resolve_pronouns: bool,
    spans_key: str,
    scorer: Optional[Callable],
    model: Optional[Model],
    threshold: float,
    new_cues: bool,
) -> AttributionDetector:
    require_conflictnlp(nlp)
    return AttributionDetector(
        nlp, name, cues=cues, phrases=phrases, mediums=mediums, source_types=source_types, outlets=outlets,
        use_parser=use_parser, resolve_pronouns=resolve_pronouns, spans_key=spans_key, scorer=scorer,
        model=model, threshold=threshold, new_cues=new_cues,
    )
