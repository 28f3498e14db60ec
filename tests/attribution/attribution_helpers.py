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
