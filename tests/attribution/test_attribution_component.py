"""The spaCy shell of ``conflict_attribution`` (conflictnlp.attribution.component): the configured
scorer, the span key, and a saved pipeline that no longer needs the user's rule files."""

from __future__ import annotations

import spacy
from spacy.util import registry

from conflictnlp import attribution, schema, sentences  # noqa: F401  (registers the factories)


def _constant_score(examples, **kwargs):
    return {"attribution_constant": 1.0}


@registry.scorers("conflictnlp.test_attribution_constant_scorer.v1")
def make_constant_scorer():
    return _constant_score


def test_configured_scorer_is_what_score_calls():
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe(
        "conflict_attribution", config={"scorer": {"@scorers": "conflictnlp.test_attribution_constant_scorer.v1"}}
    )
    assert pipe.scorer is _constant_score
    assert nlp.get_pipe("conflict_attribution").score([]) == {"attribution_constant": 1.0}
