"""The scorer of conflict_claims (conflictnlp.claims_scorer.v1): P/R/F of (count, source) pairs.

Gold and predicted Docs are both built from authoring records (invented sentences), so the
table checks the scorer alone; the last tests run it through nlp.evaluate and the registry.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.training import Example
from spacy.util import registry

import conflictnlp
from conflictnlp.claims_scorer import claim_pairs, score_claims
from conflictnlp.corpus.authoring import build_record
from conflictnlp.corpus.format import reference_doc

KILLED = "Rebel commanders said 300 fighters were killed near the dam."
BOATS = "The navy lost 12 patrol boats in the storm."
SAID = {"cue": "said", "source": "Rebel commanders", "content": "300 fighters were killed near the dam"}
PROBABLY = "Rebel commanders said 300 fighters were probably killed near the dam."
SAID_PROBABLY = dict(SAID, content="300 fighters were probably killed near the dam")


def _doc(nlp, sentences):
    record = build_record({"id": "c", "paragraphs": [[dict(s) for s in sentences]]})
    return reference_doc(nlp, record)


def _s(text, counts=(), attributions=(), **extra):
    return {"s": text, "counts": [{"text": t, "kind": k} for t, k in counts], "attributions": list(attributions), **extra}


# (name, gold sentences, predicted sentences, claims_f, claims_sourced_f, certainty_acc)
CASES = [
    ("same count, same source", [_s(KILLED, [("300 fighters", "killed")], [SAID])],
     [_s(KILLED, [("300 fighters", "killed")], [SAID])], 1.0, 1.0, 1.0),
    ("source missed", [_s(KILLED, [("300 fighters", "killed")], [SAID])],
     [_s(KILLED, [("300 fighters", "killed")])], 0.0, 0.0, None),
    ("source given where gold has none", [_s(KILLED, [("300 fighters", "killed")])],
     [_s(KILLED, [("300 fighters", "killed")], [SAID])], 0.0, 0.0, None),
    ("wrong source span", [_s(KILLED, [("300 fighters", "killed")], [SAID])],
     [_s(KILLED, [("300 fighters", "killed")], [dict(SAID, source="commanders")])], 0.0, 0.0, None),
    ("count span too short", [_s(KILLED, [("300 fighters", "killed")], [SAID])],
     [_s(KILLED, [("300", "killed")], [SAID])], 0.0, 0.0, None),
    ("unsourced figure found", [_s(BOATS, [("12 patrol boats", "equipment")])],
     [_s(BOATS, [("12 patrol boats", "equipment")])], 1.0, 0.0, 1.0),
    ("figure missed", [_s(BOATS, [("12 patrol boats", "equipment")])], [_s(BOATS)], 0.0, 0.0, None),
    ("extra figure", [_s(BOATS)], [_s(BOATS, [("12 patrol boats", "equipment")])], 0.0, 0.0, None),
    ("one of two right", [_s(KILLED, [("300 fighters", "killed")], [SAID]), _s(BOATS, [("12 patrol boats", "equipment")])],
     [_s(KILLED, [("300 fighters", "killed")], [SAID]), _s(BOATS)], 2 / 3, 1.0, 1.0),
    ("certainty differs", [_s(PROBABLY, [("300 fighters", "killed")], [SAID_PROBABLY])],
     [_s(PROBABLY, [("300 fighters", "killed")], [SAID_PROBABLY], certainty="probable",
         cues=[{"text": "probably", "type": "epistemic"}])],
     1.0, 1.0, 0.0),
]


@pytest.mark.parametrize("name, gold, pred, f, sourced_f, certainty_acc", CASES, ids=[c[0] for c in CASES])
def test_claims_scorer(name, gold, pred, f, sourced_f, certainty_acc):
    nlp = spacy.blank("en")
    scores = score_claims([Example(_doc(nlp, pred), _doc(nlp, gold))])
    assert scores["claims_f"] == pytest.approx(f)
    assert scores["claims_sourced_f"] == pytest.approx(sourced_f)
    assert scores["claims_certainty_acc"] == (pytest.approx(certainty_acc) if certainty_acc is not None else None)


def test_claim_pairs_are_count_and_source_offsets():
    doc = _doc(spacy.blank("en"), [_s(KILLED, [("300 fighters", "killed")], [SAID])])
    assert claim_pairs(doc) == {(KILLED.index("300"), KILLED.index(" were"), (0, len("Rebel commanders"))): "certain"}


def test_nlp_evaluate_reports_claims():
    """Regression: conflict_claims had no scorer, so nlp.evaluate and spacy evaluate left claims out."""
    nlp = conflictnlp.load()
    gold = _doc(nlp, [_s(KILLED, [("300 fighters", "killed")], [SAID]), _s(BOATS, [("12 patrol boats", "equipment")])])
    scores = nlp.evaluate([Example(nlp.make_doc(gold.text), gold)])
    assert scores["claims_f"] == 1.0 and scores["claims_sourced_f"] == 1.0


def test_claims_scorer_is_registered_and_configurable():
    assert registry.scorers.get("conflictnlp.claims_scorer.v1")() is score_claims
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("conflict_claims")
    assert pipe.scorer is score_claims
    assert nlp.config["components"]["conflict_claims"]["scorer"] == {"@scorers": "conflictnlp.claims_scorer.v1"}
    custom = nlp.add_pipe("conflict_claims", name="other", config={"scorer": {"@scorers": "spacy.senter_scorer.v1"}})
    assert custom.scorer is not score_claims
