"""Helpers shared by the counts tests (not a test module)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import conflictnlp


def counts_of(nlp: Any, text: str) -> List[Dict[str, Any]]:
    """The exported counts of ``text``."""
    return conflictnlp.to_dict(nlp(text))["counts"]


def find(counts: List[Dict[str, Any]], span_text: str) -> Optional[Dict[str, Any]]:
    """The count whose text is ``span_text``, or None."""
    return next((c for c in counts if c["text"] == span_text), None)


def assert_no_count(counts: List[Dict[str, Any]], piece: Optional[str]) -> None:
    """No count at all (``piece`` None), or none whose text contains ``piece``."""
    if piece is None:
        assert counts == [], f"expected no counts, got {counts}"
        return
    for c in counts:
        assert piece not in c["text"], f"{piece!r} read as a count: {c}"


def assert_count(counts: List[Dict[str, Any]], span_text: str, fields: Dict[str, Any]) -> None:
    """A count whose text is ``span_text`` is there, with every field of ``fields``."""
    found = find(counts, span_text)
    assert found is not None, f"no count {span_text!r}; found {[c['text'] for c in counts]}"
    for key, expected in fields.items():
        assert found[key] == expected, f"{key}: expected {expected!r}, got {found[key]!r} in {found}"
