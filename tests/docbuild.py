"""Hand-built Docs in the shapes the contract gives conflict_counts, conflict_attribution
and conflict_hedging, so claims/compare/render can be tested without those components.

Spans are given as substrings of the text (first occurrence, or "substring#2" for the
second occurrence).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

import spacy

from conflictnlp import sentences  # noqa: F401  (registers conflict_sentences)
from conflictnlp import extensions  # noqa: F401

RANK = {"certain": 0, "probable": 1, "possible": 2, "unverified": 3}

_NLP = None


def nlp():
    global _NLP
    if _NLP is None:
        _NLP = spacy.blank("en")
        _NLP.add_pipe("conflict_sentences")
    return _NLP


def find(text: str, needle: str) -> Tuple[int, int]:
    occurrence = 1
    if "#" in needle:
        needle, n = needle.rsplit("#", 1)
        occurrence = int(n)
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def span_obj(text: str, needle: Optional[str]) -> Optional[Dict[str, Any]]:
    if needle is None:
        return None
    start, end = find(text, needle)
    return {"start": start, "end": end, "text": text[start:end]}


def count_data(**fields: Any) -> Dict[str, Any]:
    data = {
        "value": None, "low": None, "high": None, "estimate": None, "qualifier": "exact", "kind": "troops",
        "unit": None, "actor": None, "echelon": None, "inferred": False,
    }
    data.update(fields)
    if data["qualifier"] == "exact" and data["value"] is not None:
        data["low"] = data["low"] if data["low"] is not None else data["value"]
        data["high"] = data["high"] if data["high"] is not None else data["value"]
    if data["estimate"] is None and data["value"] is not None:
        data["estimate"] = data["value"]
    return data


def build(
    text: str,
    counts: Sequence[Any] = (),
    attributions: Sequence[Dict[str, Any]] = (),
    hedges: Sequence[Tuple[str, str, str]] = (),
    hedging: bool = True,
):
    """A Doc with the three layers set by hand.

    counts: substrings, or (substring, count fields dict)
    attributions: dicts with substrings for cue/source/content/medium/time, plus
        source_type/anonymous/state_media
    hedges: (substring, cue type, certainty the cue signals)
    """
    doc = nlp()(text)
    spans = []
    for item in counts:
        needle, fields = (item, {}) if isinstance(item, str) else item
        start, end = find(text, needle)
        span = doc.char_span(start, end, alignment_mode="expand")
        span._.conflict_count = count_data(**fields)
        spans.append(span)
    doc.spans["conflict_counts"] = spans
    doc._.conflict_attributions = [
        {
            "id": i,
            "cue": span_obj(text, a["cue"]),
            "source": span_obj(text, a.get("source")),
            "content": span_obj(text, a.get("content")),
            "source_type": a.get("source_type", "unknown"),
            "anonymous": a.get("anonymous", False),
            "state_media": a.get("state_media", False),
            "medium": span_obj(text, a.get("medium")),
            "time": span_obj(text, a.get("time")),
            "via": [span_obj(text, v) for v in a.get("via", [])],
        }
        for i, a in enumerate(attributions)
    ]
    if hedging:
        cue_spans = []
        for sent in doc.sents:
            cues = []
            for needle, kind, certainty in hedges:
                start, end = find(text, needle)
                if sent.start_char <= start < sent.end_char:
                    cues.append({"start": start, "end": end, "text": text[start:end], "type": kind, "_c": certainty})
                    cue_spans.append(doc.char_span(start, end, label=kind, alignment_mode="expand"))
            certainty = max((c["_c"] for c in cues), key=RANK.__getitem__, default="certain")
            for c in cues:
                del c["_c"]
            sent._.conflict_certainty = certainty
            sent._.conflict_hedged = certainty != "certain"
            sent._.conflict_hedge_score = 0.9 if cues else 0.1
            sent._.conflict_hedge_cues = cues
        doc.spans["conflict_hedging"] = cue_spans
    return doc


def stub_pipeline(text: str):
    """A stand-in for conflictnlp.load() in CLI tests: "N troops" is a Russian troop count,
    "X said" an attribution, "reportedly" an evidential hedge."""
    import re

    from conflictnlp.claims import ClaimLinker

    counts = [
        (f"{m.group(0)}#{text[: m.start()].count(m.group(0)) + 1}", {"value": int(m.group(1).replace(",", "")), "actor": "Russia"})
        for m in re.finditer(r"(\d[\d,]*) troops", text)
    ]
    attributions = [
        {"cue": f"said#{text[: m.start(2)].count('said') + 1}", "source": m.group(1), "source_type": "official"}
        for m in re.finditer(r"([A-Z][a-z]+) (said)", text)
    ]
    hedges = [("reportedly", "evidential", "unverified")] if "reportedly" in text else []
    return ClaimLinker()(build(text, counts, attributions, hedges))
