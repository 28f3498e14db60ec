"""conflict_hedging's decision (hedging/decision.py): a sentence's certainty from cues and model."""

from __future__ import annotations

import pytest

from conflictnlp import hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.hedging import decide, doc_shares
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
