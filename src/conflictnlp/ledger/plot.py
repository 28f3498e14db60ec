"""A timeline of figures (matplotlib, the optional extra ``conflictnlp[plot]``)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from ..schema import SOURCE_TYPES
from .store import LedgerUsageError

PLOT_EXTRA = "pip install conflictnlp[plot]"
NO_SOURCE = "no source"


def require_matplotlib() -> Any:
    """``matplotlib.pyplot`` on the Agg backend (files, no window), or a :class:`LedgerError` naming the extra."""
    try:
        import matplotlib
    except ImportError:
        raise LedgerUsageError(f"the timeline plot needs matplotlib: {PLOT_EXTRA}") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    return pyplot


def _point(row: Dict[str, Any]) -> Optional[float]:
    for field in ("value", "estimate"):
        if row.get(field) is not None:
            return float(row[field])
    low, high = row.get("low"), row.get("high")
    if low is not None and high is not None:
        return (low + high) / 2
    return None


def _day(row: Dict[str, Any]) -> Optional[datetime.date]:
    day = row.get("day")
    if isinstance(day, datetime.date):
        return day
    try:
        return datetime.date.fromisoformat(str(row.get("date"))[:10])
    except ValueError:
        return None


def series(records: Sequence[Dict[str, Any]]) -> Dict[str, List[Tuple[datetime.date, float]]]:
    """The plotted points by source type (``no source`` for a figure nobody is said to give), in
    ``schema.SOURCE_TYPES`` order; figures without a day or a point are left out."""
    found: Dict[str, List[Tuple[datetime.date, float]]] = {}
    for row in records:
        day, point = _day(row), _point(row)
        if day is not None and point is not None:
            found.setdefault(row.get("source_type") or NO_SOURCE, []).append((day, point))
    order = list(SOURCE_TYPES) + [NO_SOURCE]
    return {key: found[key] for key in sorted(found, key=lambda k: (order.index(k) if k in order else len(order), k))}


def timeline_png(frame: Any, path: Union[str, Path], title: Optional[str] = None) -> int:
    """Draw the figures of ``frame`` (a :func:`~conflictnlp.ledger.figures` DataFrame, or a list of
    its rows as dicts) over time, coloured by source type, into the PNG ``path``; return the number
    of points drawn."""
    pyplot = require_matplotlib()
    records = frame.to_dict("records") if hasattr(frame, "to_dict") else list(frame)
    points = series(records)
    figure, axes = pyplot.subplots(figsize=(10, 4.5), dpi=100)
    try:
        for source_type, values in points.items():
            days, figures = zip(*values)
            axes.scatter(days, figures, label=f"{source_type} ({len(values)})", s=18, alpha=0.75)
        axes.set_xlabel("date of the report")
        axes.set_ylabel("figure")
        axes.set_title(title or "figures over time")
        axes.grid(True, alpha=0.3)
        axes.yaxis.set_major_formatter(pyplot.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        if points:
            axes.legend(title="source type", fontsize="small")
        else:
            axes.text(0.5, 0.5, "no dated figures", ha="center", va="center", transform=axes.transAxes)
        figure.autofmt_xdate()
        figure.tight_layout()
        figure.savefig(str(path), format="png")
    finally:
        pyplot.close(figure)
    return sum(len(v) for v in points.values())
