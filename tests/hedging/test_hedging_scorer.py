"""conflict_hedging's scorer (hedging/scorer.py)."""

from __future__ import annotations

import spacy
from spacy.training import Example

from conflictnlp import hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.hedging import score_hedging
from conflictnlp.schema import CERTAINTY_LEVELS

from hedging_fixtures import rules_nlp, _examples  # noqa: F401  (pytest fixtures)


def test_scorer_counts_sentences_and_cues(rules_nlp):
    nlp = spacy.blank("en")
    examples = _examples(nlp)
    predicted = [Example(rules_nlp(eg.reference.text), eg.reference) for eg in examples]
    scores = score_hedging(predicted)
    assert scores["hedging_acc"] == 1.0
    assert scores["hedging_hedged_f"] == 1.0
    assert scores["hedging_cue_f"] == 1.0
    assert set(scores["hedging_per_level"]) == set(CERTAINTY_LEVELS)
