"""Where a figure comes from: :func:`trace` groups the reports of one figure across outlets and
follows each report's sources back to the earliest originating source.

A *report* is a figure of the ledger whose point (``value``, else ``estimate``) equals VALUE, or
lies within ``tolerance`` (relative) of it. Its *chain* is who passes it on, outermost first: the
outlet that published the document, the medium when that is an outlet ("officials cited by the
Northern Ledger"), the attribution's source, then the sources it cites (``via``: "..., the Harbor
Times reported, citing the Northern Ledger"). Where the chain ends at another outlet of the ledger,
the trace goes on from the report of that outlet it cites (the outlet's latest report of the figure
on or before this report's day, else its first one after), until it reaches a source that is not an outlet ("U.S. officials"), an
outlet without an earlier report, or a report without a source (the outlet's own reporting). That
end is the report's *origin*; the origin's *first report* is the earliest report whose chain ends
at it. Names are matched as written without regard to case, a leading "the", a possessive or an
apposition after a comma.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from .queries import figure_rows
from .store import LedgerUsageError, connect

Ledger = Union[str, Path, Any]
ARROW = " ← "
TRACE_COLUMNS = (
    "origin", "origin_type", "origin_outlet", "origin_date", "origin_doc", "date", "outlet", "figure", "text",
    "source", "source_type", "via", "chain", "hops", "certainty", "actor", "kind", "doc_id", "url", "sentence_text",
)


def parse_value(value: Any) -> int:
    """A figure as given on the command line: ``11000``, ``11,000``, ``11_000``; a :class:`LedgerError` otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = re.sub(r"[,_\s]", "", str(value))
    if not re.fullmatch(r"\d+", text):
        raise LedgerUsageError(f"{value}: not a figure (give a whole number such as 11000 or 11,000)")
    return int(text)


def name_key(name: Optional[str]) -> str:
    """A source or outlet name for matching: lower case, one space, no leading "the", no "'s", no
    apposition after a comma ("Colonel Ardan Velt, a military spokesman" -> "colonel ardan velt")."""
    text = " ".join((name or "").lower().replace("’", "'").split()).split(",")[0].strip(" .;:")
    text = re.sub(r"^the ", "", text)
    return re.sub(r"'s?$", "", text)


def _outlet_of(name: Optional[str], outlets: Dict[str, str]) -> Optional[str]:
    """The ledger outlet a name names ("the Northern Ledger newspaper" -> "Northern Ledger"), or None."""
    key = name_key(name)
    if not key:
        return None
    if key in outlets:
        return outlets[key]
    for known, outlet in outlets.items():
        if key.startswith(known + " "):
            return outlet
    return None


def _chain(report: Dict[str, Any], outlets: Dict[str, str]) -> List[Tuple[str, Optional[str]]]:
    """``(name, outlet or None)`` of who passes the report on, outermost (the publisher) first."""
    chain: List[Tuple[str, Optional[str]]] = []
    if report.get("outlet"):
        chain.append((report["outlet"], _outlet_of(report["outlet"], outlets) or report["outlet"]))
    medium = _outlet_of(report.get("medium"), outlets)
    names = ([report["medium"]] if medium else []) + ([report["source"]] if report.get("source") else [])
    names += [v for v in (report.get("via") or "").split("; ") if v]
    for name in names:
        outlet = _outlet_of(name, outlets)
        if chain and outlet is not None and chain[-1][1] == outlet:
            continue  # "the Northern Ledger" in a Northern Ledger document: the same link
        chain.append((name, outlet))
    return chain


class _Tracer:
    """The origin of each report, following outlets to their own first reports (memoized by report)."""

    def __init__(self, reports: Sequence[Dict[str, Any]], outlets: Dict[str, str]) -> None:
        self.reports = reports
        self.outlets = outlets
        self.by_outlet: Dict[str, List[int]] = {}
        for index, report in enumerate(reports):
            outlet = _outlet_of(report.get("outlet"), outlets)
            if outlet is not None:
                self.by_outlet.setdefault(outlet, []).append(index)
        self.done: Dict[int, Tuple[List[str], Tuple[str, Optional[str]], int]] = {}

    def origin(self, index: int, seen: Tuple[int, ...] = ()) -> Tuple[List[str], Tuple[str, Optional[str]], int]:
        """``(chain of names, (origin name, its outlet or None), index of the report it ends in)``."""
        if index in self.done:
            return self.done[index]
        chain = _chain(self.reports[index], self.outlets)
        names = [name for name, _ in chain]
        end_name, end_outlet = chain[-1] if chain else ("(unknown)", None)
        result = (names, (end_name, end_outlet), index)
        earlier = self._cited_report(end_outlet, index, seen) if end_outlet is not None and len(chain) > 1 else None
        if earlier is not None:
            deeper, origin, ends_in = self.origin(earlier, seen + (index,))
            result = (names + deeper[1:], origin, ends_in)
        self.done[index] = result
        return result

    def _cited_report(self, outlet: str, index: int, seen: Tuple[int, ...]) -> Optional[int]:
        """The report of ``outlet`` that report ``index`` cites: the outlet's latest report of the figure
        on or before that day (news cites what was just reported), else its first one after."""
        candidates = [i for i in self.by_outlet.get(outlet, []) if i != index and i not in seen]
        day = self.reports[index].get("day")
        before = [i for i in candidates if day is None or self.reports[i].get("day") is None
                  or self.reports[i]["day"] <= day]
        if before:
            return before[-1]
        return candidates[0] if candidates else None


def trace_rows(ledger: Ledger, value: Any, actor: Optional[str] = None, kind: Optional[str] = None,
               tolerance: float = 0.0) -> List[Dict[str, Any]]:
    """The rows of :func:`trace` as dicts."""
    figure = parse_value(value)
    if not 0 <= tolerance < 1:
        raise LedgerUsageError(f"--tolerance {tolerance}: must be at least 0 and below 1")
    con, opened = connect(ledger)
    try:
        reports = [r for r in figure_rows(con, actor, kind) if _matches(r, figure, tolerance)]
        outlets = {name_key(o): o for (o,) in con.execute("SELECT DISTINCT outlet FROM documents "
                                                           "WHERE outlet IS NOT NULL").fetchall() if name_key(o)}
    finally:
        if opened:
            con.close()
    tracer = _Tracer(reports, outlets)
    traced = [tracer.origin(index) for index in range(len(reports))]
    first: Dict[str, int] = {}  # origin -> its first report (reports are in date order)
    for _, (origin, _), ends_in in traced:
        first[name_key(origin)] = min(first.get(name_key(origin), ends_in), ends_in)
    found = [_trace_row(report, (names, end, first[name_key(end[0])]), reports)
             for report, (names, end, _) in zip(reports, traced)]
    group = {key: rank for rank, key in enumerate(sorted(first, key=first.get))}
    return sorted(found, key=lambda r: group[name_key(r["origin"])])


def _matches(report: Dict[str, Any], figure: int, tolerance: float) -> bool:
    point = report["value"] if report["value"] is not None else report["estimate"]
    return point is not None and abs(point - figure) <= tolerance * figure


def _trace_row(report: Dict[str, Any], traced: Tuple[List[str], Tuple[str, Optional[str]], int],
               reports: Sequence[Dict[str, Any]]) -> Dict[str, Any]:
    names, (origin, origin_outlet), ends_in = traced
    first = reports[ends_in]
    origin_type = "outlet" if origin_outlet is not None else (first.get("source_type") or "unknown")
    return {
        "origin": origin, "origin_type": origin_type, "origin_outlet": first.get("outlet"),
        "origin_date": first.get("date"), "origin_doc": first.get("doc_id"),
        "date": report.get("date"), "outlet": report.get("outlet"), "figure": report.get("figure"),
        "text": report.get("text"), "source": report.get("source"), "source_type": report.get("source_type"),
        "via": report.get("via"), "chain": ARROW.join(names), "hops": max(len(names) - 1, 0),
        "certainty": report.get("certainty"), "actor": report.get("actor"), "kind": report.get("kind"),
        "doc_id": report.get("doc_id"), "url": report.get("url"), "sentence_text": report.get("sentence_text"),
    }


def trace(ledger: Ledger, value: Any, actor: Optional[str] = None, kind: Optional[str] = None, *,
          tolerance: float = 0.0):
    """The reports of the figure ``value`` (of ``actor`` and ``kind`` when given) across outlets,
    each with its chain of sources and its origin (module docstring), as a pandas DataFrame with
    the columns ``TRACE_COLUMNS``: grouped by origin (the origin first reported first), each
    group in date order."""
    from ..views.compare import _pandas

    pd = _pandas("ledger.trace")
    return pd.DataFrame(trace_rows(ledger, value, actor, kind, tolerance), columns=list(TRACE_COLUMNS))


def origins(found: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """One summary per origin of trace rows: origin, type, first outlet, date and document, reports, outlets."""
    summary: Dict[str, Dict[str, Any]] = {}
    for row in found:
        entry = summary.setdefault(name_key(row["origin"]), {
            "origin": row["origin"], "origin_type": row["origin_type"], "first_outlet": row["origin_outlet"],
            "first_date": row["origin_date"], "first_doc": row["origin_doc"], "reports": 0, "outlets": []})
        entry["reports"] += 1
        if row["outlet"] and row["outlet"] not in entry["outlets"]:
            entry["outlets"].append(row["outlet"])
    return list(summary.values())
