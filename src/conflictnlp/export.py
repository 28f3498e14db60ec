"""The JSON export (schema ``conflictnlp/1``) and flat views of it (CSV rows, tables).

``to_dict`` reads only plain data that the components stored on the Doc, so it works
on Docs restored from bytes, DocBin or pickle, and on Docs processed by a subset of
the components (missing layers come out empty).
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers the extensions)
from .about import __schema__
from .attribution.dates import date_text, document_date, meta_where, with_dates
from .doctools import sentence_bounds
from .schema import COUNT_FIELDS, spans_key
from .views.table import ABSENT, bound_text, cell_text, format_table  # noqa: F401  (format_table: API)



def span_dict(doc: Doc, start: int, end: int) -> Dict[str, Any]:
    """A contract span object for character offsets ``start:end`` of ``doc``."""
    return {"start": start, "end": end, "text": doc.text[start:end]}


def count_dicts(doc: Doc) -> List[Dict[str, Any]]:
    """The Count objects, in the order of conflict_counts' span group (by position), under the key
    the component recorded (:func:`conflictnlp.schema.spans_key`; default ``"conflict_counts"``)."""
    key = spans_key(doc, "counts")
    if key not in doc.spans:
        return []
    counts = []
    for span in doc.spans[key]:
        data = span._.conflict_count or {}
        item = {"start": span.start_char, "end": span.end_char, "text": span.text}
        for field in COUNT_FIELDS:
            item[field] = data.get(field, False if field == "inferred" else None)
        counts.append(item)
    return counts


def sentence_dict(doc: Doc, start: int, end: int) -> Dict[str, Any]:
    """The contract's Sentence object of tokens ``start:end`` (a sentence of ``doc``)."""
    sent = doc[start:end]
    ext = sent._
    certainty = ext.conflict_certainty
    first = sent.start_char
    text = sent.text.rstrip()  # trailing line breaks belong to no sentence
    return {
        "start": first,
        "end": first + len(text),
        "text": text,
        "certainty": certainty,
        "hedged": bool(ext.conflict_hedged) if certainty is not None else None,
        "score": ext.conflict_hedge_score,
        "cues": [_copy(c) for c in (ext.conflict_hedge_cues or [])],
    }


def sentence_dicts(doc: Doc) -> List[Dict[str, Any]]:
    """The Sentence objects of ``doc``, in order."""
    return [sentence_dict(doc, start, end) for start, end in sentence_bounds(doc)]


def to_dict(doc: Doc, meta: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """The contract's JSON export of ``doc`` (schema ``conflictnlp/1``).

    ``meta`` is copied into the ``"meta"`` field as given; its ``"date"`` (ISO) dates the
    attributions (:mod:`conflictnlp.attribution.dates`).
    """
    if not isinstance(doc, Doc):
        raise TypeError(f"conflictnlp.to_dict expects a spaCy Doc, got {type(doc).__name__}")
    return {
        "schema": __schema__,
        "text": doc.text,
        "meta": dict(meta) if meta else {},
        "counts": count_dicts(doc),
        "attributions": _dated([_copy(a) for a in (doc._.conflict_attributions or [])], meta),
        "sentences": sentence_dicts(doc),
        "claims": [_copy(c) for c in (doc._.conflict_claims or [])],
    }


def _dated(attributions: List[Dict[str, Any]], meta: Optional[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """``attributions`` dated against ``meta["date"]`` when meta has one, else as the component
    dated them (against ``doc.user_data["date"]``; null without one)."""
    if not meta or meta.get("date") is None:
        return [dict(item, date=item.get("date")) for item in attributions]
    return with_dates(attributions, document_date(meta["date"], meta_where(meta)))


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):  # msgpack (to_bytes, DocBin) restores lists as tuples
        return [_copy(v) for v in value]
    return value


# ----------------------------------------------------------------------------- flat views

CSV_COLUMNS = (
    "path", "start", "end", "text", "value", "low", "high", "estimate", "qualifier", "kind", "unit",
    "actor", "echelon", "inferred", "source", "source_type", "anonymous", "certainty", "sentence",
    "date",
)


def source_text(attribution: Optional[Mapping[str, Any]]) -> Optional[str]:
    """The source of an attribution as the views show it: as written, on one line, with the name
    a pronoun resolves to beside it ("he (Oleksandr Syrskyi)"); None without a source."""
    source = (attribution or {}).get("source")
    if not source:
        return None
    text = " ".join(source["text"].split())
    resolved = attribution.get("resolved")
    if resolved and " ".join(str(resolved).split()).lower() != text.lower():
        return f"{text} ({' '.join(str(resolved).split())})"
    return text


def count_rows(export: Dict[str, Any]) -> List[Dict[str, Any]]:
    """One flat row per count of an export, joined with its claim (source, certainty)."""
    claims = {c["count"]: c for c in export.get("claims", [])}
    attributions = export.get("attributions", [])
    sentences = export.get("sentences", [])
    rows = []
    for index, count in enumerate(export["counts"]):
        row = {key: count.get(key) for key in CSV_COLUMNS if key in count}
        row["path"] = export.get("meta", {}).get("path")
        claim = claims.get(index)
        attribution = None
        if claim is not None and claim.get("attribution") is not None:
            attribution = attributions[claim["attribution"]]
        row["source"] = source_text(attribution)
        row["source_type"] = attribution.get("source_type") if attribution else None
        row["anonymous"] = attribution.get("anonymous") if attribution else None
        row["date"] = date_text(attribution.get("date")) if attribution else None
        if claim is not None:
            row["certainty"] = claim.get("certainty")
        else:
            row["certainty"] = next(
                (s["certainty"] for s in sentences if s["start"] <= count["start"] < s["end"]), None
            )
        row["sentence"] = next(
            (s["text"].strip() for s in sentences if s["start"] <= count["start"] < s["end"]), None
        )
        rows.append(row)
    return rows


def shorten(text: Any, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis (tables no longer cut:
    :func:`format_table` wraps)."""
    text = cell_text(text)
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def _number(value: Any) -> str:
    return "-" if value is None else f"{value:,}"


def _bounds(low: Any, high: Any) -> str:
    """``2,000..9,999``, ``300..open`` (an open bound), or ``-`` when the figure has no bounds."""
    return ABSENT if low is None and high is None else f"{bound_text(low)}..{bound_text(high)}"


def export_table(export: Dict[str, Any]) -> str:
    """A human-readable report of one export: counts, attributions, hedged sentences."""
    parts: List[str] = []
    path = export.get("meta", {}).get("path")
    if path:
        parts.append(f"== {path}")
    rows = count_rows(export)
    if rows:
        parts.append(
            format_table(
                [
                    (
                        r["text"], _number(r["value"]),
                        _bounds(r["low"], r["high"]), _number(r["estimate"]),
                        r["qualifier"], r["kind"], r["actor"], r["source"], r["certainty"],
                    )
                    for r in rows
                ],
                ("count", "value", "bounds", "estimate", "qualifier", "kind", "actor", "source", "certainty"),
                (34, 12, 22, 12, 9, 10, 14, 36, 10),
            )
        )
    else:
        parts.append("(no counts)")
    attributions = export.get("attributions", [])
    if attributions:
        parts.append(
            format_table(
                [
                    (
                        a["cue"]["text"], source_text(a), a.get("source_type"),
                        a.get("anonymous"), a.get("state_media"), (a.get("content") or {}).get("text"),
                    )
                    for a in attributions
                ],
                ("cue", "source", "type", "anon", "state", "content"),
                (16, 30, 12, 4, 5, 60),
            )
        )
    hedged = [s for s in export.get("sentences", []) if s.get("hedged")]
    if hedged:
        parts.append(
            format_table(
                [(s["certainty"], ", ".join(c["text"] for c in s["cues"]), s["text"]) for s in hedged],
                ("certainty", "cues", "sentence"),
                (10, 30, 80),
            )
        )
    return "\n\n".join(parts)


# ----------------------------------------------------------------------------- saved exports

_COUNT_TYPES = {
    "value": (int, type(None)), "low": (int, type(None)), "high": (int, type(None)),
    "estimate": (int, float, type(None)), "qualifier": (str,), "kind": (str,), "unit": (str, type(None)),
    "actor": (str, type(None)), "echelon": (str, type(None)),
}
_ATTRIBUTION_SPANS = ("source", "content", "medium", "time")


def _span_problem(span: Any, length: int) -> Optional[str]:
    """Why ``span`` is no span of a text of ``length`` characters (None when it is one)."""
    if not isinstance(span, dict):
        return "must be a span object"
    start, end = span.get("start"), span.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return 'needs integer "start" and "end"'
    if not 0 <= start <= end <= length:
        return f"offsets {start}:{end} outside the text"
    return None


def _count_problem(count: Dict[str, Any], length: int) -> Optional[str]:
    problem = _span_problem(count, length)
    for field, types in _COUNT_TYPES.items():
        value = count.get(field)
        if problem is None and (not isinstance(value, types) or isinstance(value, bool)):
            problem = f'field "{field}" has the wrong type'
    return problem


def _attribution_problem(item: Dict[str, Any], length: int) -> Optional[str]:
    problem = _span_problem(item.get("cue"), length)
    for part in _ATTRIBUTION_SPANS:
        if problem is None and item.get(part) is not None:
            problem = _span_problem(item[part], length)
    via = item.get("via", [])
    if problem is None and not isinstance(via, list):
        problem = 'field "via" must be a list'
    return problem or next((p for p in (_span_problem(v, length) for v in via) if p), None)


def _claim_problem(claim: Dict[str, Any], sizes: Dict[str, int]) -> Optional[str]:
    for field, layer, required in (("count", "counts", True), ("attribution", "attributions", False), ("sentence", "sentences", False)):
        value = claim.get(field)
        if value is None and not required:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < sizes[layer]:
            return f'field "{field}" is no index into {layer}'
    return None


def export_problem(record: Dict[str, Any]) -> Optional[str]:
    """The first way a saved export (a line of ``conflictnlp extract`` output) lacks the shape that
    ``compare``, the tables and the claim linker read, or None. Saved files can be edited, cut or
    forged: ``compare`` checks each before it trusts it."""
    text = record.get("text")
    if not isinstance(text, str):
        return 'field "text" must be a string'
    layers = {key: record.get(key, []) for key in ("counts", "attributions", "sentences", "claims")}
    for key, items in layers.items():
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            return f'field "{key}" must be a list of objects'
    sizes = {key: len(items) for key, items in layers.items()}
    checks = (
        ("counts", lambda item: _count_problem(item, len(text))),
        ("attributions", lambda item: _attribution_problem(item, len(text))),
        ("sentences", lambda item: _span_problem(item, len(text))),
        ("claims", lambda item: _claim_problem(item, sizes)),
    )
    for key, check in checks:
        for i, item in enumerate(layers[key]):
            problem = check(item)
            if problem:
                return f"{key}[{i}]: {problem}"
    return None
