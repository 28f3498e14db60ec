"""Hypothesis fuzzing of the whole default pipeline, with a fixed example budget.

Texts come from two strategies: arbitrary Unicode with the characters our rules care about
(digits of several scripts, separators, quotes, cue words), and a small grammar of
war-reporting sentences with random figures, approximators, nouns, sources and hedges. Every
export must pass ``test_hostile.check_export``. The pipeline properties are derandomized so
CI sees the same examples each run; the pure ``split_text`` property is not.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

import conflictnlp
from conflictnlp.longdoc import process_long, split_text
from test_hostile import check_doc, check_export
from test_reliability import doc_state

PIPELINE = settings(
    max_examples=40, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = [
    "troops", "soldiers", "killed", "wounded", "said", "told", "according to", "reportedly", "about",
    "nearly", "more than", "up to", "between", "and", "brigades", "battalion-sized", "dozens of",
    "tens of thousands", "a US official", "the ministry", "claimed", "could", "may", "thousand", "million",
    "North Korean", "Russian", "Ukraine's", "“", "”", '"', ":", ",", ".", "-", "–", "—", "(", ")",
]
CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    include_characters="0123456789,.-–—:;“”\"'()\n\t ٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２３４５６７８９",
)
RAW_TEXT = st.lists(st.one_of(st.text(CHARS, max_size=12), st.sampled_from(WORDS)), max_size=40).map(" ".join)


def _number():
    plain = st.integers(min_value=0, max_value=10**12).map(str)
    grouped = st.integers(min_value=1000, max_value=10**15).map(lambda n: f"{n:,}")
    decimal = st.tuples(st.integers(1, 99), st.integers(0, 9), st.sampled_from(["million", "thousand", "billion"])).map(
        lambda t: f"{t[0]}.{t[1]} {t[2]}"
    )
    words = st.sampled_from(["three", "a dozen", "twenty-five", "several hundred", "hundreds", "a thousand", "half a million"])
    ranged = st.tuples(st.integers(1, 10**6), st.integers(1, 10**6), st.sampled_from(["to", "-", "and", "–"])).map(
        lambda t: f"{t[0]:,} {t[2]} {t[1]:,}" if t[2] != "-" else f"{t[0]}-{t[1]}"
    )
    return st.one_of(plain, grouped, decimal, words, ranged)


SENTENCE = st.builds(
    lambda lead, approx, number, actor, noun, verb, source, cue, hedge: " ".join(
        w for w in (lead, approx, number, actor, noun, verb) if w
    ) + f", {source} {cue}.{hedge}",
    st.sampled_from(["", "Between", "Some", "An estimated", "“We lost", "Officials say"]),
    st.sampled_from(["", "about", "nearly", "more than", "at least", "up to", "some", "roughly"]),
    _number(),
    st.sampled_from(["", "North Korean", "Russian", "Ukrainian", "Sudanese", "RSF"]),
    st.sampled_from(["troops", "soldiers", "civilians", "tanks", "drones", "brigades", "people", "fighters"]),
    st.sampled_from(["were killed", "have been deployed", "were wounded", "fled", "are missing", "", "massed"]),
    st.sampled_from(["a US official", "the ministry", "Reuters", "sources", "the army", "TASS", "he"]),
    st.sampled_from(["said", "told CNN", "claimed", "reported on Sunday", "said, citing officials"]),
    st.sampled_from(["", " It could not be verified.", " An assault may follow.", " The figure is likely higher."]),
)
DOCUMENT = st.lists(st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5)


@PIPELINE
@given(text=RAW_TEXT)
def test_any_text_gives_a_valid_export(nlp, text):
    check_doc(nlp(text))


@PIPELINE
@given(paragraphs=DOCUMENT)
def test_generated_reports_give_valid_exports(nlp, paragraphs):
    check_doc(nlp("\n\n".join(paragraphs)))


@PIPELINE
@given(paragraphs=DOCUMENT)
def test_chunked_at_paragraphs_equals_one_pass(nlp, paragraphs):
    text = "\n\n".join(paragraphs)
    # Every paragraph (with its blank line) fits, so every cut falls on a paragraph boundary.
    max_chars = max(len(p) for p in paragraphs) + 2
    chunked = process_long(nlp, text, max_chars=max_chars)
    assert chunked.text == text
    in_chunks, one_pass = conflictnlp.to_dict(chunked), conflictnlp.to_dict(nlp(text))
    _without_wider_actors(in_chunks, one_pass)
    assert _without_resolved(in_chunks) == _without_resolved(one_pass)


def _without_wider_actors(in_chunks, one_pass):
    # A count's actor may come from the wider text (the actor chain's "the N" and side links: a
    # state or group named in an earlier paragraph or the headline), which a chunk cannot see: the
    # two passes may differ only by one of them leaving the actor null.
    for a, b in zip(in_chunks["counts"], one_pass["counts"]):
        if a["actor"] is None or b["actor"] is None:
            a["actor"] = b["actor"] = None


def _without_resolved(export):
    # The one field that may look across a paragraph boundary: a pronoun source ("he said")
    # resolved from the previous sentence. A chunk cannot see the paragraph before it.
    # Its typing follows the resolution ("he" resolved to a named person is not anonymous).
    for attribution in export["attributions"]:
        if attribution.get("resolved") is not None or (attribution.get("source") or {}).get("text", "").lower() in _PRONOUNS:
            for field in ("resolved", "anonymous", "source_type"):
                attribution.pop(field, None)
    return export


_PRONOUNS = {"he", "she", "they", "it", "we"}


@PIPELINE
@given(paragraphs=DOCUMENT, max_chars=st.integers(min_value=20, max_value=400))
def test_chunked_anywhere_stays_valid(nlp, paragraphs, max_chars):
    check_doc(process_long(nlp, "\n\n".join(paragraphs), max_chars=max_chars))


@PIPELINE
@given(paragraphs=DOCUMENT)
def test_serialization_round_trips(nlp, paragraphs):
    doc = nlp("\n\n".join(paragraphs))
    state = doc_state(doc)
    assert doc_state(Doc(nlp.vocab).from_bytes(doc.to_bytes())) == state
    assert doc_state(pickle.loads(pickle.dumps(doc))) == state


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.characters(codec="utf-8"), max_size=300), max_chars=st.integers(min_value=1, max_value=120))
def test_split_text_is_lossless_and_bounded(text, max_chars):
    chunks = split_text(text, max_chars)
    assert "".join(chunks) == text
    assert all(0 < len(chunk) <= max_chars for chunk in chunks)


@settings(max_examples=200, deadline=None)
@given(paragraphs=st.lists(st.text(st.characters(codec="utf-8", exclude_characters="\n"), min_size=1, max_size=40), min_size=1, max_size=8))
def test_split_text_prefers_paragraph_boundaries(paragraphs):
    paragraphs = [p.strip() or "x" for p in paragraphs]
    text = "\n\n".join(paragraphs)
    max_chars = max(len(p) for p in paragraphs) + 2
    for chunk in split_text(text, max_chars)[:-1]:
        assert chunk.endswith("\n\n"), repr(chunk)


def test_export_validator_can_fail(nlp):
    export = conflictnlp.to_dict(nlp("Some 300 troops were killed, an official said."))
    assert export["counts"], "this sentence must yield a count"
    broken = dict(export, counts=[dict(export["counts"][0], end=export["counts"][0]["end"] + 1)])
    with pytest.raises(AssertionError):
        check_export(broken, export["text"])
    broken = dict(export, counts=[dict(export["counts"][0], qualifier="roughly")])
    with pytest.raises(AssertionError):
        check_export(broken, export["text"])
