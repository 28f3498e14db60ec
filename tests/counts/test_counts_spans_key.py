"""conflict_counts writes its span group under its ``spans_key`` config, not its instance name."""

from __future__ import annotations

import spacy

from conflictnlp import schema
from conflictnlp.counts import SPANS_KEY


def test_default_key_whatever_the_instance_name():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_counts", name="my_counts")
    doc = nlp("Russia has amassed some 50,000 troops.")
    assert SPANS_KEY == schema.COUNTS_KEY == "conflict_counts"
    assert [s.text for s in doc.spans["conflict_counts"]] == ["some 50,000 troops"]
    assert "my_counts" not in doc.spans
    assert schema.spans_key(doc, "counts") == "conflict_counts"


def test_configured_key_is_written_and_recorded():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_counts", config={"spans_key": "x"})
    doc = nlp("Russia has amassed some 50,000 troops.")
    assert [s.text for s in doc.spans["x"]] == ["some 50,000 troops"]
    assert "conflict_counts" not in doc.spans
    assert schema.spans_key(doc, "counts") == "x"
