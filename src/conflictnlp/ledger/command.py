"""``conflictnlp ledger build|figures|trace`` and ``conflictnlp compare LEDGER``: the commands'
handlers (their arguments and options are in :mod:`conflictnlp.commands`)."""

from __future__ import annotations

import argparse
import csv
import datetime
import json
from typing import Any, Dict, Optional, Sequence, TextIO

from ..views.table import format_table
from ..cli import LEDGER_FORMATS
from .store import LedgerError, LedgerUsageError


def run_ledger(args: argparse.Namespace, stdout: TextIO, stdin: Optional[TextIO] = None) -> int:
    """One ``ledger`` action; a :class:`LedgerError` is one line on stderr (exit 2 for a usage
    problem such as an unknown kind or a missing extra, 1 for a missing or unreadable input)."""
    from ..cli import EXIT_INPUT_ERROR, EXIT_USAGE, error

    try:
        if getattr(args, "format", "table") not in LEDGER_FORMATS:
            raise LedgerUsageError(f"--format {args.format}: unknown output format (choose from {', '.join(LEDGER_FORMATS)})")
        return {"build": _build, "figures": _figures, "trace": _trace}[args.ledger_command](args, stdout)
    except LedgerError as err:
        error(str(err))
        return EXIT_USAGE if isinstance(err, LedgerUsageError) else EXIT_INPUT_ERROR


def _build(args: argparse.Namespace, stdout: TextIO) -> int:
    import time

    from .store import build

    started = time.perf_counter()
    sizes = build(args.ledger, args.dirs)
    elapsed = time.perf_counter() - started
    stdout.write(f"{args.ledger}: {', '.join(f'{n:,} {table}' for table, n in sizes.items())} "
                 f"from {len(args.dirs)} folder{'s' if len(args.dirs) != 1 else ''} in {elapsed:.1f} s\n")
    return 0


def _figures(args: argparse.Namespace, stdout: TextIO) -> int:
    from .plot import require_matplotlib, timeline_png
    from .queries import FIGURE_COLUMNS, figure_rows

    if args.plot:
        require_matplotlib()  # before the query: a missing extra is told at once
    found = figure_rows(args.ledger, args.actor, args.kind, outlet=args.outlet, source_type=args.source_type,
                        since=args.since, until=args.until)
    what = " · ".join(v for v in (args.actor, args.kind and args.kind.lower()) if v) or "every actor and kind"
    if args.format == "table":
        stdout.write(_figures_table(found, what) + "\n")
    else:
        write_rows(stdout, found, FIGURE_COLUMNS, args.format)
    if args.plot:
        drawn = timeline_png(found, args.plot, title=f"{what}: figures by source type")
        if args.format == "table":  # csv and json stay clean data
            stdout.write(f"{drawn} figures plotted to {args.plot}\n")
    return 0


def _figures_table(found: Sequence[Dict[str, Any]], what: str) -> str:
    if not found:
        return f"(no figures for {what})"
    days = sorted(str(r["date"]) for r in found if r["date"])
    head = (f"== {what}: {len(found)} figure{'s' if len(found) != 1 else ''} in "
            f"{len({r['doc_id'] for r in found})} documents" + (f", {days[0]} to {days[-1]}" if days else ""))
    body = format_table(
        [(r["date"], r["outlet"], r["figure"], r["source"] or "(no source)", r["source_type"], r["via"],
          r["certainty"], r["doc_id"]) for r in found],
        ("date", "outlet", "figure", "source", "type", "via", "certainty", "document"),
        (10, 20, 14, 30, 12, 24, 10, 26),
    )
    return head + "\n" + body


def _trace(args: argparse.Namespace, stdout: TextIO) -> int:
    from .trace import TRACE_COLUMNS, origins, trace_rows

    found = trace_rows(args.ledger, args.value, args.actor, args.kind, args.tolerance)
    if args.format != "table":
        write_rows(stdout, found, TRACE_COLUMNS, args.format)
        return 0
    what = " · ".join(v for v in (args.actor, args.kind and args.kind.lower()) if v)
    if not found:
        stdout.write(f"(no reports of {args.value}{' for ' + what if what else ''})\n")
        return 0
    blocks = []
    for origin in origins(found):
        blocks.append(_origin_block(origin, [r for r in found if _same_origin(r, origin)]))
    stdout.write("\n\n".join(blocks) + "\n")
    return 0


def _same_origin(row: Dict[str, Any], origin: Dict[str, Any]) -> bool:
    from .trace import name_key

    return name_key(row["origin"]) == name_key(origin["origin"])


def _origin_block(origin: Dict[str, Any], members: Sequence[Dict[str, Any]]) -> str:
    head = (f"== origin: {origin['origin']} ({origin['origin_type']}); first reported {origin['first_date'] or '(undated)'} "
            f"by {origin['first_outlet'] or '(no outlet)'} ({origin['first_doc']}); {origin['reports']} report"
            f"{'s' if origin['reports'] != 1 else ''} in {len(origin['outlets'])} outlet"
            f"{'s' if len(origin['outlets']) != 1 else ''}")
    body = format_table(
        [(r["date"], r["outlet"], r["figure"], r["chain"], r["certainty"], r["doc_id"]) for r in members],
        ("date", "outlet", "figure", "chain (who passes it on ← whom they cite)", "certainty", "document"),
        (10, 20, 12, 60, 10, 26),
    )
    return head + "\n" + body


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value


def write_rows(stdout: TextIO, found: Sequence[Dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Rows as CSV (a header, then one line per row) or JSON lines (one object per row)."""
    if fmt == "csv":
        writer = csv.DictWriter(stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _plain(row.get(k)) for k in columns} for row in found)
    else:
        for row in found:
            stdout.write(json.dumps({k: _plain(row.get(k)) for k in columns}, ensure_ascii=False) + "\n")


def compare_on_ledger(args: argparse.Namespace, stdout: TextIO) -> int:
    """``conflictnlp compare LEDGER``: the comparison computed in DuckDB, printed as ``compare`` prints it."""
    from ..cli import EXIT_INPUT_ERROR, EXIT_USAGE, error, write_comparison
    from .queries import compare_ledger

    if len(args.paths) != 1:
        error(f"compare: a ledger is compared alone ({', '.join(args.paths)}); build one ledger of all the folders")
        return EXIT_USAGE
    try:
        result = compare_ledger(args.paths[0], tolerance=args.tolerance, min_documents=args.min_documents)
    except LedgerError as err:
        error(str(err))
        return EXIT_USAGE if isinstance(err, LedgerUsageError) else EXIT_INPUT_ERROR
    write_comparison(result, args.format, stdout)
    return 0

