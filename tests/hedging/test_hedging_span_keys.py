"""conflict_hedging's ``span_keys``: the certainty and cues of the sentence a span of a user's
group starts in, on ``span._.conflict_certainty`` and ``span._.conflict_hedge_cues``."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from conflictnlp import counts, hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.schema import CERTAINTY_LEVELS, COUNTS_KEY

TEXT = (
    "Militants may have shelled Harbin overnight. "
    "Officials said 12 villagers died in Tessa. "
    "The garrison reportedly abandoned Vornik. "
    "Up to 40 fighters may have been killed near Osk."
)
PATTERNS = [{"label": "GPE", "pattern": town} for town in ("Harbin", "Tessa", "Vornik")]


def _nlp(span_keys=None, with_counts=False):
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "places"})
    ruler.add_patterns(PATTERNS)
    if with_counts:
        nlp.add_pipe("conflict_counts")
    config = {"use_model": False}
    if span_keys is not None:
        config["span_keys"] = span_keys
    nlp.add_pipe("conflict_hedging", config=config)
    return nlp


def _graded(doc, key):
    return [(s.text, s._.conflict_certainty, [(c["text"], c["type"]) for c in s._.conflict_hedge_cues])
            for s in doc.spans[key]]


# key, span text, level, cues (text, type)
CASES = [
    ("places", "Harbin", "possible", [("may", "epistemic")]),
    ("places", "Tessa", "certain", []),
    ("places", "Vornik", "unverified", [("reportedly", "evidential")]),
    (COUNTS_KEY, "12 villagers", "certain", []),
    (COUNTS_KEY, "Up to 40 fighters", "possible", [("may", "epistemic")]),
]


@pytest.fixture(scope="module")
def graded_doc():
    return _nlp(["places", COUNTS_KEY, "no_such_group"], with_counts=True)(TEXT)


@pytest.mark.parametrize("key,text,level,cues", CASES)
def test_span_groups_are_graded(graded_doc, key, text, level, cues):
    assert level in CERTAINTY_LEVELS
    rows = {row[0]: row for row in _graded(graded_doc, key)}
    assert rows[text] == (text, level, cues)


def test_cues_are_the_sentence_records(graded_doc):
    span = graded_doc.spans["places"][0]
    sent = span.sent
    assert span._.conflict_certainty == sent._.conflict_certainty
    assert span._.conflict_hedge_cues == sent._.conflict_hedge_cues
    assert span._.conflict_hedge_cues is not sent._.conflict_hedge_cues  # a copy, not shared


def test_default_writes_nothing():
    doc = _nlp()(TEXT)
    assert [(s._.conflict_certainty, s._.conflict_hedge_cues) for s in doc.spans["places"]] == [(None, None)] * 3
    # only the sentences carry values (the same attributes): nothing at a span of the group
    sentences = {(s.start_char, s.end_char) for s in doc.sents}
    assert not any(key[2:] not in sentences for key in doc.user_data if isinstance(key, tuple) and key[0] == "._.")


def test_group_written_after_hedging_is_not_graded():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_hedging", config={"use_model": False, "span_keys": ["places"]})
    nlp.add_pipe("span_ruler", config={"spans_key": "places"}).add_patterns(PATTERNS)
    doc = nlp(TEXT)
    assert [s._.conflict_certainty for s in doc.spans["places"]] == [None] * 3
    doc = nlp.get_pipe("conflict_hedging")(doc)  # called again: now graded
    assert [s._.conflict_certainty for s in doc.spans["places"]] == ["possible", "certain", "unverified"]


def test_a_string_is_refused():
    with pytest.raises(ValueError, match="span_keys"):
        hedging.ConflictHedging(spacy.blank("en").vocab, None, make_doc=spacy.blank("en").make_doc, span_keys="places")


def test_to_disk_keeps_the_setting(tmp_path):
    _nlp(["places"]).to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.get_pipe("conflict_hedging").cfg["span_keys"] == ["places"]
    assert loaded.config["components"]["conflict_hedging"]["span_keys"] == ["places"]
    assert _graded(loaded(TEXT), "places") == _graded(_nlp(["places"])(TEXT), "places")


def test_values_survive_doc_bytes(graded_doc):
    copy = Doc(graded_doc.vocab).from_bytes(graded_doc.to_bytes())
    assert _graded(copy, "places") == _graded(graded_doc, "places")
    assert _graded(copy, COUNTS_KEY) == _graded(graded_doc, COUNTS_KEY)
