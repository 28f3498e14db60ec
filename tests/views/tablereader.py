"""Reading a conflictnlp text table back, column by column, by display width (for the tests)."""

from __future__ import annotations

from conflictnlp.views.table import display_width


def _columns(dashes: str):
    """(start, width) of each column, from the line of dashes under the header."""
    spans, start = [], None
    for i, ch in enumerate(dashes + " "):
        if ch == "-" and start is None:
            start = i
        elif ch != "-" and start is not None:
            spans.append((start, i - start))
            start = None
    return spans


def _cells_of_line(line: str, columns):
    """The text of each column of one line, located by display width; fails when a character
    straddles a column edge or stands in the gap between two columns."""
    # a character's column is the display width of the line before it (so an emoji sequence,
    # e.g. a flag or a family joined by zero-width joiners, is measured as a whole); a zero-width character (a combining accent) goes with the one before
    placed, ends = [], []
    for i, ch in enumerate(line):
        at, end = display_width(line[:i]), display_width(line[: i + 1])
        if placed and end == at:
            placed[-1] = (placed[-1][0], placed[-1][1] + ch)
            continue
        placed.append((at, ch))
        ends.append(end)
    out = []
    for n, (start, width) in enumerate(columns):
        inside = [ch for at, ch in placed if start <= at < start + width]
        straddling = [ch for (at, ch), end in zip(placed, ends) if at < start + width < end]
        assert not straddling, f"{straddling} crosses the right edge of column {n}: {line!r}"
        out.append("".join(inside))
        end = start + width
        gap = [ch for at, ch in placed if end <= at < (columns[n + 1][0] if n + 1 < len(columns) else end)]
        assert all(ch == " " for ch in gap), f"text in the gap after column {n}: {line!r}"
    return out


def read_table(table: str, one_row: bool = False):
    """The cells of each row of a table (wrapped lines joined back), with the header. Rows with
    wrapped cells are set apart by blank lines; a table of ``one_row`` needs none."""
    lines = table.splitlines()
    columns = _columns(lines[1])
    assert display_width(lines[0]) <= sum(w for _, w in columns) + 2 * (len(columns) - 1)
    body, rows, current = lines[2:], [], []
    wrapped = "" in body or one_row
    for line in body:
        if wrapped and line == "":
            rows.append(current)
            current = []
            continue
        current.append(_cells_of_line(line, columns))
        if not wrapped:
            rows.append(current)
            current = []
    if current:
        rows.append(current)
    joined = [[" ".join(p[i].strip() for p in row if p[i].strip()) for i in range(len(columns))] for row in rows]
    return _cells_of_line(lines[0], columns), joined


def squeeze(text: str) -> str:
    """``text`` without any whitespace (a word broken over lines reads the same)."""
    return "".join(text.split())


def column(header, row, name):
    """The cell of ``row`` in the column headed ``name``."""
    return row[[h.strip() for h in header].index(name)]
