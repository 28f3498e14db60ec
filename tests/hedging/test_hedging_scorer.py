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


@spacy.registry.scorers("conflictnlp_tests.hedging_scorer.v1")
def make_constant_scorer():
    def score(examples, **kwargs):
        return {"hedging_acc": 0.25, "spans_key_seen": kwargs.get("spans_key")}

    return score


def test_configured_scorer_is_honoured():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    config = {"use_model": False, "spans_key": "hedges", "scorer": {"@scorers": "conflictnlp_tests.hedging_scorer.v1"}}
    component = nlp.add_pipe("conflict_hedging", config=config)
    examples = _examples(nlp)
    assert nlp.evaluate(examples)["hedging_acc"] == 0.25
    assert component.score(examples) == {"hedging_acc": 0.25, "spans_key_seen": "hedges"}


def test_default_scorer_is_the_registered_one():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("conflict_hedging", config={"use_model": False})
    assert component.scorer is score_hedging
