"""The scorer of conflict_attribution (conflictnlp.attribution.scorer)."""

from __future__ import annotations

import pytest
import spacy

from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)
from conflictnlp.attribution import score_attribution


# ------------------------------------------------------------------------------------------ scorer
def test_scorer_prf(nlp):
    from spacy.training import Example

    text = "The army said 30 militants were killed. According to the UN, 2,000 people fled."
    predicted = nlp(text)
    reference = nlp.make_doc(text)
    gold = [dict(a) for a in predicted._.conflict_attributions]
    gold[1] = dict(gold[1], source={"start": 0, "end": 3, "text": "The"})  # one wrong source
    reference._.conflict_attributions = gold
    scores = score_attribution([Example(predicted, reference)])
    assert scores["attribution_cue_f"] == 1.0
    assert scores["attribution_source_p"] == 0.5 and scores["attribution_source_r"] == 0.5
    assert nlp.get_pipe("conflict_attribution").score([Example(predicted, reference)]) == scores
    from spacy.util import registry
    assert registry.scorers.get("conflictnlp.attribution_scorer.v1")() is score_attribution
