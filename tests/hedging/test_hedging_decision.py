"""conflict_hedging's decision (hedging/decision.py): a sentence's certainty from cues and model."""

from __future__ import annotations

import pytest

from conflictnlp import hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.hedging import CUE_ONLY_SCORES, Cue, decide, doc_shares, sentence_certainty
from conflictnlp.schema import DOC_CATS


@pytest.mark.parametrize(
    "cue_level,score,probs,expected",
    [
        ("possible", 0.9, None, "possible"),  # cue layer alone
        ("certain", 0.9, None, "certain"),
        ("possible", 0.9, [0.1, 0.1, 0.7, 0.1], "possible"),
        ("unverified", 0.8, [0.2, 0.6, 0.1, 0.1], "unverified"),  # cues give the level
        ("probable", 0.3, [0.7, 0.3, 0.0, 0.0], "certain"),  # the model overrules a cue
        ("certain", 0.7, [0.3, 0.1, 0.5, 0.1], "possible"),  # a hedge the lexicon misses
        ("certain", 0.2, [0.8, 0.1, 0.05, 0.05], "certain"),
    ],
)
def test_decide(cue_level, score, probs, expected):
    assert decide(cue_level, score, 0.5, probs) == expected


def test_doc_shares():
    cats = doc_shares(["certain", "possible", "possible", "unverified"])
    assert tuple(cats) == DOC_CATS
    assert cats == {"hedged": 0.75, "certain": 0.25, "probable": 0.0, "possible": 0.5, "unverified": 0.25}
    assert doc_shares([]) == {label: 0.0 for label in DOC_CATS}


SETTINGS = {"threshold": 0.5, "uncued_threshold": 0.7, "calibration": [1.0, 0.0], "cue_only_scores": CUE_ONLY_SCORES}
MAY = Cue(0, 1, "epistemic", "possible")
EXPECTED = Cue(0, 1, "expectation", "probable")


@pytest.mark.parametrize(
    "cues,probs,level,score",
    [
        ([], None, "certain", 0.0753),  # cue layer alone: the measured share of each grade
        ([MAY], None, "possible", 0.9565),
        ([MAY, EXPECTED], None, "possible", 0.9565),  # the strongest cue grades
        ([], [0.1, 0.05, 0.8, 0.05], "possible", 0.8),  # a hedge the lexicon misses, confidently
        ([], [0.4, 0.1, 0.4, 0.1], "certain", 0.4),  # the model alone, below uncued_threshold
        # without a cue the score is the most probable hedged level's: the model must be sure of
        # one level, not only unsure that the sentence is certain (1 - P(certain) would be 0.75)
        ([], [0.25, 0.25, 0.25, 0.25], "certain", 0.25),
        ([], [0.2, 0.35, 0.1, 0.35], "certain", 0.35),
        ([EXPECTED], [0.1, 0.1, 0.7, 0.1], "probable", 0.9),  # the cue gives the level
        ([EXPECTED], [0.7, 0.1, 0.1, 0.1], "certain", 0.3),  # the model overrules the cue
    ],
)
def test_sentence_certainty(cues, probs, level, score):
    got_level, got_score = sentence_certainty(cues, probs, SETTINGS)
    assert got_level == level and got_score == pytest.approx(score, abs=1e-6)
