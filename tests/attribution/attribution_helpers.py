"""Helpers of the attribution recall tables (test_attribution_recall2.py, test_attribution_recall3.py):
one case per line, the text, the cue (its first occurrence), the expected source and content."""

from __future__ import annotations

import pytest


def find(doc, cue):
    """The attribution whose cue covers the first occurrence of ``cue`` in the text, or None."""
    at = doc.text.index(cue)
    return next((a for a in doc._.conflict_attributions if a["cue"]["start"] <= at < a["cue"]["end"]), None)


def text_of(part):
    return part["text"] if part else None


def C(text, cue, source, content=...):
    """One case: ``content`` ``None`` means null; left out, it is not checked."""
    return pytest.param(text, cue, source, content, id=f"{cue}|{text[:50]}")


def assert_cue_found(doc, cue, source, content=...):
    a = find(doc, cue)
    assert a is not None, f"no attribution on {cue!r}"
    assert text_of(a["source"]) == source
    if content is not ...:
        assert text_of(a["content"]) == content


def both_paths_tests(cues, not_cues):
    """The three tests of a recall table, on the blank pipeline and on a trained parser: every case
    of ``cues`` (``C(...)`` rows) is found on each path, no word of ``not_cues`` ((text, word) rows)
    is a cue on either. Use: ``test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(...)``."""

    @pytest.mark.parametrize("text,cue,source,content", cues)
    def test_found(nlp, text, cue, source, content):
        assert_cue_found(nlp(text), cue, source, content)

    @pytest.mark.parametrize("text,cue,source,content", cues)
    def test_found_with_parser(parsed, text, cue, source, content):
        assert_cue_found(parsed(text), cue, source, content)

    @pytest.mark.parametrize("text,word", not_cues)
    def test_not_a_cue(nlp, parsed, text, word):
        for pipe in (nlp, parsed):
            assert find(pipe(text), word) is None

    return test_found, test_found_with_parser, test_not_a_cue
