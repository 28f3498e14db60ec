"""Token patterns of conflict_attribution (conflictnlp.attribution.patterns): TokenPatterns gives
the matches spaCy's Matcher gives."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings, strategies as st
from spacy.tokens import Doc

from conflictnlp.attribution.patterns import TokenPatterns, longest_first
from conflictnlp.attribution.patterns import impersonal_patterns as _impersonal_patterns
from conflictnlp.attribution.patterns import time_patterns as _time_patterns

# -- the frame patterns run without spaCy's Matcher: same matches -------------------------

_FRAME_WORDS = [
    "on", "Monday", "monday", "Tuesday", "night", "morning", "earlier", "later", "late", "early", "last", "this",
    "week", "month", "year", "weekend", "yesterday", "Today", "tonight", "12", "3", "March", "march", "it", "It",
    "is", "was", "has", "had", "'s", "’s", "been", "also", "widely", "further", "reported", "claimed", "said",
    "troops", ".", "x2", "²",
]


_REFERENCE = {}


def _frame_reference(words):
    from spacy.matcher import Matcher
    from spacy.util import filter_spans

    if "nlp" not in _REFERENCE:
        nlp = spacy.blank("en")
        matcher = Matcher(nlp.vocab)
        for label, patterns in _time_patterns() + _impersonal_patterns(["claimed", "reported"]):
            matcher.add(label, patterns)
        _REFERENCE.update(nlp=nlp, matcher=matcher)
    nlp, matcher = _REFERENCE["nlp"], _REFERENCE["matcher"]
    doc = Doc(nlp.vocab, words=words)
    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    labels = {(s, e): nlp.vocab.strings[m] for m, s, e in matcher(doc)}
    return [(labels[(sp.start, sp.end)], sp.start, sp.end) for sp in spans]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_FRAME_WORDS), min_size=1, max_size=12))
def test_token_patterns_agree_with_spacy_matcher(words):
    patterns = TokenPatterns(_time_patterns() + _impersonal_patterns(["claimed", "reported"]))
    lower = [w.lower() for w in words]
    assert longest_first(patterns(words, lower, 0, len(words))) == _frame_reference(words)


def test_token_patterns_respect_the_range_and_refuse_unknown_specs():
    patterns = TokenPatterns(_time_patterns())
    words = ["troops", "left", "on", "Monday", "night"]
    lower = [w.lower() for w in words]
    assert longest_first(patterns(words, lower, 0, 5)) == [("time", 2, 5)]
    assert longest_first(patterns(words, lower, 0, 4)) == [("time", 2, 4)]
    assert longest_first(patterns(words, lower, 3, 5)) == [("time", 3, 5)]  # a bare weekday ("said Monday night")
    assert patterns(words, lower, 4, 5) == []
    with pytest.raises(ValueError, match="cannot run"):
        TokenPatterns([("x", [[{"POS": "NOUN"}]])])


_MIXED_PATTERNS = [
    ("said", [[{"LOWER": "it", "OP": "?"}, {"LOWER": {"IN": ["was", "is"]}}, {"LOWER": "said"}]]),
    ("digits", [[{"IS_DIGIT": True}, {"LOWER": "troops"}], [{"LOWER": "x2", "OP": "?"}, {"IS_DIGIT": True}]]),
    ("not_on", [[{"LOWER": "on", "OP": "!"}, {"LOWER": "monday"}]]),
    ("optional", [[{"LOWER": "last", "OP": "?"}, {"LOWER": "week", "OP": "?"}]]),
]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_FRAME_WORDS), min_size=1, max_size=10))
def test_token_patterns_give_every_match_the_matcher_gives(words):
    """Patterns that can start at any word (optional, negated or non-LOWER first steps) are
    tried at every start, the others only at their first words: all matches, as the Matcher."""
    if "mixed" not in _REFERENCE:
        from spacy.matcher import Matcher

        nlp = spacy.blank("en")
        matcher = Matcher(nlp.vocab)
        for label, patterns in _MIXED_PATTERNS:
            matcher.add(label, patterns)
        _REFERENCE["mixed"] = (nlp, matcher, TokenPatterns(_MIXED_PATTERNS))
    nlp, matcher, token_patterns = _REFERENCE["mixed"]
    doc = Doc(nlp.vocab, words=words)
    expected = sorted({(nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc) if e > s}, key=lambda m: (m[1], m[2], m[0]))
    found = token_patterns(words, [w.lower() for w in words], 0, len(words))
    assert found == expected
