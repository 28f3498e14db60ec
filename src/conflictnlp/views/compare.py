"""Cross-document comparison of figures, and a flat table of claims.

``compare(docs)`` puts side by side the figures that different documents (and sources
inside them) give for the same actor and kind: who gives each, how certainly, the
consensus range and whether the sources disagree. ``claims_frame(docs)`` is one row per
claim as a pandas DataFrame (pandas is the optional extra ``conflictnlp[pandas]``).

Both accept spaCy Docs processed by the conflictnlp pipeline, or export dicts
(``conflictnlp.to_dict`` output, e.g. read back from a saved JSONL export), as a
sequence, or as a mapping ``{document name: doc or export}``.

Disagreement, precisely: every figure has an *interval*, the bounds its text commits to
(``low``..``high``; an open bound is unbounded). A figure that gives only a point
(``value`` or ``estimate`` with no bounds) is the interval [point, point], widened by
``tolerance`` (default 10%) on each side when its qualifier is ``approx``. Two figures
*disagree* when their intervals do not overlap. A group (actor, kind) is flagged
``disagree`` when two figures from different *givers* disagree, a giver being a
(document, source) pair, the source being the attribution's source text (or no source).
Figures without an actor are their own group per kind, listed but never flagged: the text
did not say whose they are, so two of them may count different sides and a difference
between them is no disagreement between sources.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from spacy.tokens import Doc

from ..attribution.dates import date_text
from ..claims import export_claims
from ..export import source_text, to_dict
from ..schema import QUALIFIER
from .table import bound_text, format_table

DocLike = Union[Doc, Mapping[str, Any]]

FIGURE_FIELDS = (
    "actor", "kind", "document", "text", "figure", "value", "low", "high", "estimate", "qualifier",
    "inferred", "unit", "source", "source_type", "anonymous", "state_media", "via", "certainty",
    "consensus_low", "consensus_high", "disagree", "conflicts", "sentence",
)

CLAIM_FIELDS = (
    "document", "claim", "text", "figure", "value", "low", "high", "estimate", "qualifier", "kind", "unit",
    "actor", "echelon", "inferred", "attribution", "cue", "source", "source_type", "anonymous",
    "state_media", "medium", "via", "certainty", "sentence", "sentence_text", "start", "end",
    "hypothetical", "date",
)

DEFAULT_TOLERANCE = 0.1


# ----------------------------------------------------------------------------- inputs

def _is_export(value: Any) -> bool:
    return isinstance(value, Mapping) and ("counts" in value or "schema" in value)


def _document_name(export: Mapping[str, Any], index: int) -> str:
    meta = export.get("meta") or {}
    name = meta.get("name") or meta.get("title") or meta.get("path")
    if name is None:
        return f"doc{index + 1}"
    if meta.get("line") is not None and not (meta.get("name") or meta.get("title")):
        return f"{name}:{meta['line']}"
    return str(name)


def as_exports(docs: Union[DocLike, Iterable[DocLike], Mapping[str, DocLike]]) -> List[Tuple[str, Dict[str, Any]]]:
    """``(document name, export dict)`` for each input, in input order.

    Names come from the mapping keys, else ``meta["name"|"title"|"path"]`` of an export or
    ``doc.user_data["title"]`` of a Doc, else ``doc1``, ``doc2``, ...
    """
    if isinstance(docs, Doc) or _is_export(docs):
        items: List[Tuple[Optional[str], Any]] = [(None, docs)]
    elif isinstance(docs, Mapping):
        items = [(str(k), v) for k, v in docs.items()]
    elif isinstance(docs, (str, bytes)):
        raise TypeError("conflictnlp.compare expects Docs or export dicts, not a string (process the text first)")
    else:
        items = [(None, d) for d in docs]
    out = []
    for i, (name, item) in enumerate(items):
        if isinstance(item, Doc):
            export = to_dict(item, {"title": item.user_data["title"]} if item.user_data.get("title") else None)
        elif _is_export(item):
            export = dict(item)
        else:
            raise TypeError(
                f"conflictnlp.compare: input {name or i + 1} is a {type(item).__name__}; "
                "expected a spaCy Doc or a conflictnlp export dict"
            )
        out.append((name or _document_name(export, i), export))
    return out


# ----------------------------------------------------------------------------- figures

def _n(value: Optional[int]) -> str:
    return f"{value:,}"


def describe_figure(count: Mapping[str, Any]) -> str:
    """A short normalized reading of a count: ``50,000``, ``~50,000``, ``≥10,000``,
    ``≤50,000``, ``5,000–10,000``, ``≈30,000 (10,000–99,999)``."""
    value, low, high, estimate = count.get("value"), count.get("low"), count.get("high"), count.get("estimate")
    qualifier = count.get("qualifier")
    if value is not None:
        meaning = QUALIFIER.get(qualifier) if isinstance(qualifier, str) else None
        return (meaning.sign if meaning else "") + _n(value)
    if low is not None and high is not None:
        bounds = _n(low) if low == high else f"{_n(low)}–{_n(high)}"
    elif low is not None:
        bounds = "≥" + _n(low)
    elif high is not None:
        bounds = "≤" + _n(high)
    else:
        bounds = None
    if estimate is not None and (count.get("inferred") or bounds is None):
        return f"≈{_n(estimate)}" + (f" ({bounds})" if bounds else "")
    return bounds or "?"


def figure_interval(count: Mapping[str, Any], tolerance: float = DEFAULT_TOLERANCE) -> Tuple[Optional[float], Optional[float]]:
    """The interval a figure commits to (None = open). See the module docstring."""
    low, high = count.get("low"), count.get("high")
    if low is None and high is None:
        point = count.get("value") if count.get("value") is not None else count.get("estimate")
        if point is None:
            return None, None
        low = high = point
        if _widened(count):
            return point * (1 - tolerance), point * (1 + tolerance)
    elif low == high and _widened(count):
        return low * (1 - tolerance), high * (1 + tolerance)
    return low, high


def _widened(count: Mapping[str, Any]) -> bool:
    meaning = QUALIFIER.get(count.get("qualifier"))  # type: ignore[arg-type]
    return meaning is not None and meaning.widened


def intervals_overlap(a: Tuple[Optional[float], Optional[float]], b: Tuple[Optional[float], Optional[float]]) -> bool:
    """Do two intervals (None = open bound) share at least one value?"""
    (a_low, a_high), (b_low, b_high) = a, b
    if a_low is not None and b_high is not None and a_low > b_high:
        return False
    if b_low is not None and a_high is not None and b_low > a_high:
        return False
    return True


def _consensus(figures: Sequence[Mapping[str, Any]]) -> Tuple[Optional[int], Optional[int]]:
    """Lowest low and highest high; an open bound on any figure leaves that side open."""
    lows, highs = [], []
    for f in figures:
        low, high = f.get("low"), f.get("high")
        if low is None and high is None:
            point = f.get("value") if f.get("value") is not None else f.get("estimate")
            low = high = point
        lows.append(low)
        highs.append(high)
    low = None if any(v is None for v in lows) else min(lows)
    high = None if any(v is None for v in highs) else max(highs)
    return low, high


def _span_text(span: Optional[Mapping[str, Any]]) -> Optional[str]:
    return " ".join(span["text"].split()) if span else None


def _via_text(attribution: Optional[Mapping[str, Any]]) -> Optional[str]:
    if not attribution:
        return None
    return "; ".join(_span_text(v) for v in attribution.get("via") or [] if v) or None


def claim_rows(docs: Union[DocLike, Iterable[DocLike], Mapping[str, DocLike]]) -> List[Dict[str, Any]]:
    """One flat dict per claim (per count) of every document; fields ``CLAIM_FIELDS``."""
    rows = []
    for name, export in as_exports(docs):
        attributions = export.get("attributions") or []
        sentences = export.get("sentences") or []
        counts = export.get("counts") or []
        for index, claim in enumerate(export_claims(export)):
            count = counts[claim["count"]]
            attribution = attributions[claim["attribution"]] if claim.get("attribution") is not None else None
            sent_i = claim.get("sentence")
            sentence = sentences[sent_i] if sent_i is not None and sent_i < len(sentences) else None
            rows.append(
                {
                    "document": name,
                    "claim": index,
                    "text": count.get("text"),
                    "figure": describe_figure(count),
                    **{k: count.get(k) for k in ("value", "low", "high", "estimate", "qualifier", "kind", "unit", "actor", "echelon")},
                    "inferred": bool(count.get("inferred")),
                    "attribution": claim.get("attribution"),
                    "cue": _span_text(attribution.get("cue")) if attribution else None,
                    "source": source_text(attribution),  # "he (Oleksandr Syrskyi)": with the resolved name
                    "source_type": attribution.get("source_type") if attribution else None,
                    "anonymous": attribution.get("anonymous") if attribution else None,
                    "state_media": attribution.get("state_media") if attribution else None,
                    "medium": _span_text(attribution.get("medium")) if attribution else None,
                    "via": _via_text(attribution),
                    "certainty": claim.get("certainty"),
                    "sentence": sent_i,
                    "sentence_text": " ".join(sentence["text"].split()) if sentence and sentence.get("text") else None,
                    "start": count.get("start"),
                    "end": count.get("end"),
                    "hypothetical": bool(claim.get("hypothetical")),
                    "date": date_text(attribution.get("date")) if attribution else None,
                }
            )
    return rows


def claims_frame(docs: Union[DocLike, Iterable[DocLike], Mapping[str, DocLike]]):
    """A pandas DataFrame with one row per claim (columns ``CLAIM_FIELDS``)."""
    pd = _pandas("claims_frame")
    return pd.DataFrame(claim_rows(docs), columns=list(CLAIM_FIELDS))


def _pandas(what: str):
    try:
        import pandas
    except ImportError:
        raise ImportError(
            f"conflictnlp.{what} needs pandas, which is not installed: pip install 'conflictnlp[pandas]'"
        ) from None
    return pandas


# ----------------------------------------------------------------------------- comparison

class Comparison:
    """The result of :func:`compare`: ``rows`` (one dict per figure, fields
    ``FIGURE_FIELDS``) and ``groups`` (one dict per actor and kind)."""

    def __init__(self, rows: List[Dict[str, Any]], groups: List[Dict[str, Any]]) -> None:
        self.rows = rows
        self.groups = groups

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def __repr__(self) -> str:
        flagged = sum(1 for g in self.groups if g["disagree"])
        return f"<Comparison: {len(self.rows)} figures, {len(self.groups)} actor/kind groups, {flagged} with disagreement>"

    def __str__(self) -> str:
        return self.table()

    def table(self) -> str:
        """A readable plain-text report: one block per actor and kind."""
        if not self.groups:
            return "(no figures to compare)"
        blocks = []
        for group in self.groups:
            rows = [r for r in self.rows if r["actor"] == group["actor"] and r["kind"] == group["kind"]]
            blocks.append(_group_block(group, rows))
        return "\n\n".join(blocks)

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=FIGURE_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return out.getvalue()

    def to_jsonl(self) -> str:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.rows)

    def to_frame(self):
        """The rows as a pandas DataFrame (needs ``conflictnlp[pandas]``)."""
        return _pandas("Comparison.to_frame").DataFrame(self.rows, columns=list(FIGURE_FIELDS))


def _group_block(group: Mapping[str, Any], rows: List[Dict[str, Any]]) -> str:
    """One actor and kind of :meth:`Comparison.table`: a head line and a table of its figures."""
    low, high = group["consensus_low"], group["consensus_high"]
    consensus = f"{bound_text(low)} to {bound_text(high)}"
    head = (
        f"== {group['actor'] or '(actor unknown)'} · {group['kind']}: {group['figures']} figure"
        f"{'s' if group['figures'] != 1 else ''} in {group['documents']} document"
        f"{'s' if group['documents'] != 1 else ''}; range {consensus}"
        + ("; SOURCES DISAGREE" if group["disagree"] else "")
    )
    body = format_table(
        [
            (
                "≠" if r["conflicts"] else "", r["document"], r["figure"], r["text"],
                r["source"] or "(no source)", _giver_type(r), r["anonymous"], r["certainty"],
            )
            for r in rows
        ],
        ("", "document", "figure", "as written", "source", "type", "anon", "certainty"),
        (1, 24, 18, 34, 34, 12, 4, 10),
    )
    return head + "\n" + body


def _giver_type(row: Mapping[str, Any]) -> Optional[str]:
    if row.get("state_media"):
        return "state media"
    return row.get("source_type")


def compare(
    docs: Union[DocLike, Iterable[DocLike], Mapping[str, DocLike]],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    min_documents: int = 1,
    kinds: Optional[Iterable[str]] = None,
) -> Comparison:
    """Compare the figures that documents give for the same (actor, kind).

    ``tolerance``: the relative margin given to ``approx`` point figures when testing
    disagreement. ``min_documents``: keep only groups with figures from at least that many
    documents. ``kinds``: keep only these count kinds. See the module docstring for the
    exact meaning of ``disagree``.
    """
    if not 0 <= tolerance < 1:
        raise ValueError(f"conflictnlp.compare: tolerance must be between 0 and 1, got {tolerance}")
    grouped = _group_figures(docs, set(kinds) if kinds is not None else None)
    rows: List[Dict[str, Any]] = []
    groups: List[Dict[str, Any]] = []
    order = sorted(grouped, key=lambda k: (k[0] is None, k[0] or "", k[1] or ""))
    for actor, kind in order:
        figures = grouped[(actor, kind)]
        documents = len({f["document"] for f in figures})
        if documents < min_documents:
            continue
        low, high, disagree = _mark_conflicts(figures, tolerance, judged=actor is not None)
        rows.extend(figures)
        groups.append(
            {
                "actor": actor, "kind": kind, "figures": len(figures), "documents": documents,
                "consensus_low": low, "consensus_high": high, "disagree": disagree,
            }
        )
    return Comparison(rows, groups)


def _group_figures(
    docs: Union[DocLike, Iterable[DocLike], Mapping[str, DocLike]], wanted: Optional[set]
) -> Dict[Tuple[Optional[str], Optional[str]], List[Dict[str, Any]]]:
    """The figures of ``docs`` (rows of ``FIGURE_FIELDS``) by (actor, kind), of the ``wanted`` kinds."""
    grouped: Dict[Tuple[Optional[str], Optional[str]], List[Dict[str, Any]]] = {}
    seen = set()
    for row in claim_rows(docs):
        if row["hypothetical"]:  # a figure in a hypothetical or condition is no claim to compare
            continue
        if wanted is not None and row["kind"] not in wanted:
            continue
        # The same figure from the same source in the same document counts once.
        key = (row["document"], (row["source"] or "").lower(), row["kind"], row["actor"],
               row["value"], row["low"], row["high"], row["estimate"], row["qualifier"])
        if key in seen:
            continue
        seen.add(key)
        figure = {field: row.get(field) for field in FIGURE_FIELDS}
        figure["sentence"] = row["sentence_text"]
        grouped.setdefault((row["actor"], row["kind"]), []).append(figure)
    return grouped


def _mark_conflicts(
    figures: List[Dict[str, Any]], tolerance: float, judged: bool = True
) -> Tuple[Optional[int], Optional[int], bool]:
    """Write each figure's ``conflicts`` and the group's consensus and ``disagree`` onto the
    figures of one (actor, kind); return (consensus low, consensus high, disagree). A group that
    is not ``judged`` (no actor: the figures may count different sides) has no conflicts."""
    intervals = [figure_interval(f, tolerance) for f in figures]
    givers = [(f["document"], (f["source"] or "").lower()) for f in figures]
    for i, figure in enumerate(figures):
        figure["conflicts"] = 0 if not judged else sum(
            1
            for j in range(len(figures))
            if givers[j] != givers[i] and not intervals_overlap(intervals[i], intervals[j])
        )
    low, high = _consensus(figures)
    disagree = any(f["conflicts"] for f in figures)
    for figure in figures:
        figure.update(consensus_low=low, consensus_high=high, disagree=disagree)
    return low, high, disagree
