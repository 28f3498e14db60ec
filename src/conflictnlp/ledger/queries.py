"""Queries over a ledger: the figures of an actor and kind over time (:func:`figures`), and
:func:`compare_ledger`, the comparison of ``conflictnlp compare`` computed in SQL (grouping,
consensus and disagreement in DuckDB; only the figures come back, never the documents).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ..schema import KINDS, QUALIFIER
from ..views.compare import DEFAULT_TOLERANCE, FIGURE_FIELDS, Comparison
from .store import LedgerUsageError, connect, rows

Ledger = Union[str, Path, Any]

FIGURE_COLUMNS = (
    "date", "day", "outlet", "figure", "text", "value", "low", "high", "estimate", "qualifier", "kind", "unit",
    "actor", "echelon", "inferred", "cue", "source", "source_type", "anonymous", "state_media", "medium", "via",
    "said_start", "said_end", "certainty", "hypothetical", "sentence_text", "doc_id", "document", "url", "claim",
)


def check_kind(kind: Optional[str]) -> Optional[str]:
    """``kind`` in lower case, or a :class:`LedgerError` naming the kinds of the schema."""
    if kind is None:
        return None
    if kind.lower() not in KINDS:
        raise LedgerUsageError(f"--kind {kind}: unknown kind (choose from {', '.join(KINDS)})")
    return kind.lower()


def figure_filters(actor: Optional[str] = None, kind: Optional[str] = None, outlet: Optional[str] = None,
                   source_type: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                   hypothetical: bool = False) -> Tuple[str, List[Any]]:
    """The WHERE clause (and its parameters) over the ``figures`` view for these filters."""
    where, parameters = [], []
    for column, value in (("actor", actor), ("outlet", outlet), ("source_type", source_type)):
        if value is not None:
            where.append(f"lower({column}) = lower(?)")
            parameters.append(value)
    if kind is not None:
        where.append("kind = ?")
        parameters.append(check_kind(kind))
    if since is not None:
        where.append("day >= try_cast(? AS DATE)")
        parameters.append(since)
    if until is not None:
        where.append("day <= try_cast(? AS DATE)")
        parameters.append(until)
    if not hypothetical:
        where.append("NOT hypothetical")
    return (" WHERE " + " AND ".join(where)) if where else "", parameters


def figure_rows(ledger: Ledger, actor: Optional[str] = None, kind: Optional[str] = None, **filters: Any) -> List[Dict[str, Any]]:
    """The rows of :func:`figures` as dicts (no pandas needed)."""
    where, parameters = figure_filters(actor, kind, **filters)
    con, opened = connect(ledger)
    try:
        return rows(con, f"SELECT {', '.join(FIGURE_COLUMNS)} FROM figures{where} "
                         "ORDER BY day NULLS LAST, date NULLS LAST, ord, claim", parameters)
    finally:
        if opened:
            con.close()


def figures(ledger: Ledger, actor: Optional[str] = None, kind: Optional[str] = None, *, outlet: Optional[str] = None,
            source_type: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
            hypothetical: bool = False):
    """Every figure of the ledger (a path or a DuckDB connection) over time, as a pandas DataFrame
    with the columns ``FIGURE_COLUMNS``: who gave it (source, source_type, via), how certainly, in
    which outlet and on which day, in document order within a day.

    Filters (each optional, text matched without regard to case): ``actor``, ``kind`` (one of
    ``schema.KINDS``), ``outlet``, ``source_type``, ``since``/``until`` (ISO days, inclusive).
    Figures in a hypothetical or condition are left out unless ``hypothetical=True``.
    """
    from ..views.compare import _pandas

    pd = _pandas("ledger.figures")
    found = figure_rows(ledger, actor, kind, outlet=outlet, source_type=source_type, since=since, until=until,
                        hypothetical=hypothetical)
    return pd.DataFrame(found, columns=list(FIGURE_COLUMNS))


# ----------------------------------------------------------------------------- compare

def _interval_sql(bound: str) -> str:
    """The SQL of one side (``low`` or ``high``) of ``views.compare.figure_interval``."""
    sign = "-" if bound == "low" else "+"
    return f"""CASE
        WHEN low IS NULL AND high IS NULL THEN
            CASE WHEN widened THEN CAST(coalesce(value, estimate) AS DOUBLE) * (1 {sign} $tolerance)
                 ELSE CAST(coalesce(value, estimate) AS DOUBLE) END
        WHEN low = high AND widened THEN CAST({bound} AS DOUBLE) * (1 {sign} $tolerance)
        ELSE CAST({bound} AS DOUBLE) END"""


def _compare_sql(kinds: bool) -> str:
    """The figures of ``compare``, deduplicated, with their interval, conflicts and group figures."""
    return f"""
WITH base AS (
    SELECT ord, claim, document, actor, kind, text, figure, value, low, high, estimate, qualifier, inferred, unit,
           source, lower(coalesce(source, '')) AS giver, source_type, anonymous, state_media, via, certainty,
           sentence_text, list_contains($widened, qualifier) AS widened
    FROM figures WHERE NOT hypothetical {"AND list_contains($kinds, kind)" if kinds else ""}
), kept AS (
    SELECT * FROM base QUALIFY row_number() OVER (
        PARTITION BY document, giver, kind, actor, value, low, high, estimate, qualifier ORDER BY ord, claim) = 1
), f AS (
    SELECT row_number() OVER (ORDER BY ord, claim) AS rid, *,
           {_interval_sql("low")} AS lo, {_interval_sql("high")} AS hi,
           CASE WHEN low IS NULL AND high IS NULL THEN coalesce(value, estimate) ELSE low END AS c_low,
           CASE WHEN low IS NULL AND high IS NULL THEN coalesce(value, estimate) ELSE high END AS c_high
    FROM kept
), conflicts AS (
    SELECT i.rid, count(*) AS n FROM f i JOIN f j
      ON i.actor = j.actor AND i.kind IS NOT DISTINCT FROM j.kind AND (i.document <> j.document OR i.giver <> j.giver)
     AND (i.lo > j.hi OR j.lo > i.hi)
    GROUP BY i.rid
), groups AS (
    SELECT actor, kind, count(*) AS figures, count(DISTINCT document) AS documents,
           CASE WHEN bool_or(c_low IS NULL) THEN NULL ELSE min(c_low) END AS consensus_low,
           CASE WHEN bool_or(c_high IS NULL) THEN NULL ELSE max(c_high) END AS consensus_high
    FROM f GROUP BY actor, kind HAVING count(DISTINCT document) >= $min_documents
)
SELECT f.*, coalesce(conflicts.n, 0) AS conflicts, g.figures AS g_figures, g.documents AS g_documents,
       g.consensus_low, g.consensus_high,
       bool_or(coalesce(conflicts.n, 0) > 0) OVER (PARTITION BY f.actor, f.kind) AS disagree
FROM f JOIN groups g ON g.actor IS NOT DISTINCT FROM f.actor AND g.kind IS NOT DISTINCT FROM f.kind
LEFT JOIN conflicts ON conflicts.rid = f.rid
ORDER BY f.ord, f.claim
"""


def compare_ledger(ledger: Ledger, *, tolerance: float = DEFAULT_TOLERANCE, min_documents: int = 1,
                   kinds: Optional[Iterable[str]] = None) -> Comparison:
    """:func:`conflictnlp.compare` over every document of a ledger, computed in DuckDB: the same
    :class:`~conflictnlp.views.compare.Comparison` (rows, groups, table, CSV, JSON lines) as
    ``compare`` over the exports of the same documents in the same order."""
    if not 0 <= tolerance < 1:
        raise ValueError(f"conflictnlp.compare: tolerance must be between 0 and 1, got {tolerance}")
    wanted = None if kinds is None else [str(k) for k in kinds]
    parameters = {"tolerance": tolerance, "min_documents": min_documents,
                  "widened": [q for q, meaning in QUALIFIER.items() if meaning.widened]}
    if wanted is not None:
        parameters["kinds"] = wanted
    con, opened = connect(ledger)
    try:
        found = rows(con, _compare_sql(wanted is not None), parameters)
    finally:
        if opened:
            con.close()
    return _comparison(found)


def _comparison(found: Sequence[Dict[str, Any]]) -> Comparison:
    """The rows of the compare query as a :class:`Comparison`, groups in ``compare``'s order."""
    grouped: Dict[Tuple[Any, Any], List[Tuple[Dict[str, Any], Dict[str, Any]]]] = {}  # (figure, its row)
    for row in found:
        figure = {field: row.get(field) for field in FIGURE_FIELDS}
        figure["inferred"] = bool(row["inferred"])
        figure["sentence"] = row["sentence_text"]
        grouped.setdefault((row["actor"], row["kind"]), []).append((figure, row))
    result_rows, groups = [], []
    for actor, kind in sorted(grouped, key=lambda k: (k[0] is None, k[0] or "", k[1] or "")):
        members = grouped[(actor, kind)]
        first = members[0][1]
        result_rows.extend(figure for figure, _ in members)
        groups.append({"actor": actor, "kind": kind, "figures": first["g_figures"], "documents": first["g_documents"],
                       "consensus_low": first["consensus_low"], "consensus_high": first["consensus_high"],
                       "disagree": bool(first["disagree"])})
    return Comparison(result_rows, groups)
