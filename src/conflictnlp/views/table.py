"""Plain-text tables that never hide a value: cells wrap instead of being cut, and columns are
measured in terminal cells (display width), so CJK, emoji and combining marks keep them aligned.

Conventions of every conflictnlp text table (``extract --format table``, ``Comparison.table()``):
``-`` is an absent value (no source, no bound at all), ``open`` is an open bound of a range
(``300..open``: at least 300), ``yes``/``no`` are booleans. A cell longer than its column's
width wraps onto the next lines of the same column (between words; inside a long word such as
a path, after ``/`` or ``-`` where it can); rows of a table with wrapped cells are separated by
a blank line.

The display width comes from ``rich`` (installed with spaCy, through typer) and, without it,
from the East Asian Width table of :mod:`unicodedata`.
"""

from __future__ import annotations

import unicodedata
from typing import Any, List, Sequence

ABSENT = "-"
OPEN = "open"
GAP = "  "

try:  # rich comes with spaCy (spacy -> typer -> rich); its cell_len knows emoji sequences
    from rich.cells import cell_len as _cell_len
except ImportError:  # pragma: no cover - an installation without rich
    _cell_len = None


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """The number of terminal cells ``text`` takes (2 for a CJK character or an emoji)."""
    if _cell_len is not None:
        return _cell_len(text)
    return sum(_char_width(ch) for ch in text)  # pragma: no cover


def cell_text(value: Any) -> str:
    """A value as one line of a table cell: ``-`` for None, ``yes``/``no`` for booleans."""
    if value is None:
        return ABSENT
    if isinstance(value, bool):
        return "yes" if value else "no"
    return " ".join(str(value).split())


def bound_text(value: Any) -> str:
    """One bound of a range: the number with thousands separators, or ``open``."""
    return OPEN if value is None else f"{value:,}"


def _break_word(word: str, width: int) -> List[str]:
    """``word`` in pieces of at most ``width`` cells (a wide character alone may exceed a
    width of 1), broken after the last ``/`` or ``-`` of a piece where there is one."""
    pieces: List[str] = []
    current = ""
    for ch in word:
        if current and display_width(current + ch) > width:
            cut = max(current.rfind("/"), current.rfind("-"))
            if 0 < cut < len(current) - 1:
                pieces.append(current[: cut + 1])
                current = current[cut + 1:]
            else:
                pieces.append(current)
                current = ""
        current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: int) -> List[str]:
    """``text`` (one line) as lines of at most ``width`` cells, breaking between words."""
    lines: List[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if display_width(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = _break_word(word, width) if display_width(word) > width else [word]
        lines.extend(pieces[:-1])
        current = pieces[-1]
    lines.append(current)
    return lines


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(rows: Sequence[Sequence[Any]], header: Sequence[str], widths: Sequence[int]) -> str:
    """A plain-text table. ``widths`` are the widths (in cells) at which each column wraps;
    a column is as wide as its widest line. No text is ever cut."""
    cells = [[wrap(cell_text(v), w) for v, w in zip(row, widths)] for row in rows]
    head = [cell_text(h) for h in header]
    actual = [
        max([1, display_width(h)] + [display_width(line) for row in cells for line in row[i]])
        for i, h in enumerate(head)
    ]
    out = [GAP.join(_pad(h, w) for h, w in zip(head, actual)).rstrip(), GAP.join("-" * w for w in actual)]
    wrapped = any(len(cell) > 1 for row in cells for cell in row)
    for n, row in enumerate(cells):
        if wrapped and n:
            out.append("")
        for k in range(max(len(cell) for cell in row)):
            parts = [cell[k] if k < len(cell) else "" for cell in row]
            out.append(GAP.join(_pad(p, w) for p, w in zip(parts, actual)).rstrip())
    return "\n".join(out)
