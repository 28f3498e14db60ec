"""Hypotheticals and conditions (issue 15): the sentence is `possible` with a `condition` cue,
the claims of its figures carry `hypothetical: true`, and `compare` leaves them out.
Our own sentences: (text, figure as written, hypothetical)."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.claims import is_hypothetical
from conflictnlp.views.compare import claim_rows, compare

CASES = [
    ("Suppose the militia pulls 4,000 fighters off the front.", "4,000 fighters", True),
    ("Imagine that Serbia sends 2,000 soldiers across the border.", "2,000 soldiers", True),
    ("If Turkey sends 6,000 troops, the balance will shift.", "6,000 troops", True),
    ("Holding the corridor would need 40,000 troops, the report said.", "40,000 troops", True),
    ("Should the talks fail, 3,000 peacekeepers would be withdrawn.", "3,000 peacekeepers", True),
    ("Turkey sent 6,000 troops to the border on Monday.", "6,000 troops", False),
    ("The ministry said 3,000 peacekeepers were withdrawn.", "3,000 peacekeepers", False),
]


@pytest.fixture(scope="module")
def nlp():
    return conflictnlp.load()


@pytest.mark.parametrize("text,figure,hypothetical", CASES)
def test_claims_of_hypothetical_figures(nlp, text, figure, hypothetical):
    export = conflictnlp.to_dict(nlp(text))
    counts = [c["text"] for c in export["counts"]]
    assert figure in counts
    claim = export["claims"][counts.index(figure)]
    assert claim["hypothetical"] is hypothetical
    sentence = export["sentences"][claim["sentence"]]
    assert ("condition" in {c["type"] for c in sentence["cues"]}) is hypothetical
    if hypothetical:
        assert sentence["certainty"] == "possible"


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ({"cues": [{"type": "condition", "text": "if"}]}, True),
        ({"cues": [{"type": "epistemic", "text": "may"}]}, False),
        ({"cues": []}, False),
        (None, False),
    ],
)
def test_is_hypothetical(sentence, expected):
    assert is_hypothetical(sentence) is expected


def test_compare_leaves_hypothetical_figures_out(nlp):
    real = nlp("Turkey sent 6,000 troops to the border on Monday.")
    scenario = nlp("If Turkey sends 60,000 troops, the balance will shift.")
    rows = claim_rows({"real": real, "scenario": scenario})
    assert [r["hypothetical"] for r in rows] == [False, True]
    comparison = compare({"real": real, "scenario": scenario})
    assert [r["document"] for r in comparison.rows] == ["real"]
    assert not any(g["disagree"] for g in comparison.groups)
