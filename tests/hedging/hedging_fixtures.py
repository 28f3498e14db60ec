"""Shared by the tests of conflict_hedging: the two pipelines (cue layer alone, shipped
weights) and a tiny training set."""

from __future__ import annotations

import pytest
import spacy
from spacy.training import Example

from conflictnlp import hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.authoring import build_record
from conflictnlp.corpus import reference_doc


@pytest.fixture(scope="module")
def rules_nlp():
    """Cue layer alone, on a blank pipeline with news sentence boundaries."""
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_hedging", config={"use_model": False})
    return nlp


@pytest.fixture(scope="module")
def shipped_nlp():
    """The default component: shipped weights, no nlp.initialize()."""
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_hedging")
    return nlp


TRAIN = [
    ("Russia may send more troops to Kursk.", "possible", [("may", "epistemic")]),
    ("Kyiv said 300 soldiers were killed near Pokrovsk.", "certain", []),
    ("The convoy reportedly crossed the border at night.", "unverified", [("reportedly", "evidential")]),
    ("The brigade is expected to arrive on Monday.", "probable", [("expected", "expectation")]),
    ("Two tanks were destroyed near the river.", "certain", []),
    ("The strike purportedly hit an ammunition depot.", "unverified", [("purportedly", "evidential")]),
    ("Hamas fighters might be hiding in the tunnels.", "possible", [("might", "epistemic")]),
    ("The army retook the palace in Khartoum.", "certain", []),
]


def _examples(nlp):
    doc = {
        "id": "tiny",
        "paragraphs": [[{"s": s, "certainty": c, "cues": [{"text": t, "type": y} for t, y in cues]} for s, c, cues in TRAIN]],
    }
    record = build_record(doc)
    return [Example(nlp.make_doc(record["text"]), reference_doc(nlp, record))]
