"""conflictnlp.extensions: values written by SpanValues read back through ``span._``."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.tokens import Doc, Span

from conflictnlp import extensions
from conflictnlp.extensions import SpanValues

NAMES = ("conflict_certainty", "conflict_hedged", "conflict_hedge_score", "conflict_hedge_cues")


def _doc():
    return spacy.blank("en")("Troops massed. Officials said 500 died.\n\nAn assault may follow.")


def test_span_values_read_back_as_span_extensions_and_survive_serialisation():
    doc = _doc()
    writer = SpanValues(NAMES)
    assert writer._direct  # this spaCy keys span values as the writer expects
    sents = [doc[0:3], doc[3:9], doc[9:]]
    for k, sent in enumerate(sents):
        writer.set(sent, (f"level{k}", bool(k), k / 10, [{"start": k}]))
    for copy in (doc, Doc(doc.vocab).from_bytes(doc.to_bytes()), pickle.loads(pickle.dumps(doc))):
        for k, sent in enumerate(sents):
            span = copy[sent.start : sent.end]
            assert [span._.get(name) for name in NAMES] == [f"level{k}", bool(k), k / 10, [{"start": k}]]
        # Another span over other characters sees the defaults.
        assert copy[0:2]._.conflict_certainty is None


def test_span_values_write_the_same_user_data_as_span_underscore():
    direct, plain = _doc(), _doc()
    writer = SpanValues(NAMES)
    for start, end in [(0, 3), (3, 9), (2, 2), (9, len(direct))]:
        values = ("possible", True, 0.5, [])
        writer.set(direct[start:end], values)
        for name, value in zip(NAMES, values):
            setattr(plain[start:end]._, name, value)
    assert list(direct.user_data.items()) == list(plain.user_data.items())


def test_span_values_go_through_a_setter_a_user_registered():
    seen = []
    default = Span.get_extension("conflict_hedge_score")
    Span.set_extension("conflict_hedge_score", setter=lambda span, value: seen.append((span.start, value)),
                       getter=lambda span: None, force=True)
    try:
        writer = SpanValues(NAMES)
        assert not writer._direct
        doc = _doc()
        writer.set(doc[3:9], ("probable", True, 0.8, []))
        assert seen == [(3, 0.8)]
        assert doc[3:9]._.conflict_certainty == "probable"
    finally:
        Span.set_extension("conflict_hedge_score", default=default[0], force=True)
    assert SpanValues(NAMES)._direct


def test_span_values_fall_back_when_spacy_keys_values_differently(monkeypatch):
    monkeypatch.setattr(extensions, "_KEYS_MATCH", False)
    writer = SpanValues(NAMES)
    assert not writer._direct
    doc = _doc()
    writer.set(doc[0:3], ("certain", False, 0.1, []))
    assert doc[0:3]._.conflict_hedge_score == 0.1


def test_span_values_refuse_an_unregistered_name():
    with pytest.raises(AttributeError):
        SpanValues(("no_such_extension",)).set(_doc()[0:1], (1,))
