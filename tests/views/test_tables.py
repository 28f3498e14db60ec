"""Text tables never hide a value: cells wrap, names are whole, columns align by display width.

`extract --format table` (export_table), `Comparison.table()` and `format_table` itself, on
cells of every script: CJK (two cells wide), emoji, combining marks, long document paths and
long figures. Each table is read back column by column, by display width, and every cell's
full text must be there, in its own column.
"""

from __future__ import annotations

import io
import json

import pytest

from conflictnlp.export import export_table
from conflictnlp.views.compare import compare
from conflictnlp.views.table import display_width, format_table, wrap

from tablereader import column as _column, read_table, squeeze as _squeeze
from test_compare import RU, export

LONG_PATH = "reports/2026/eastern-front/evening-edition/the-kharkiv-regional-bulletin-final-version.txt"

# (what, a cell's text): each goes into a three-column table between ASCII neighbours
CELLS = [
    ("ascii", "the regional military administration"),
    ("cjk", "国防部发言人称约三千名士兵已撤离前线阵地"),
    ("japanese", "防衛省によると約五千人の兵士が国境付近に集結"),
    ("korean", "국방부 대변인은 병력 약 2만 명이 이동했다고 밝혔다"),
    ("emoji", "🚀 drones 🛩️ and 🇺🇦 flags 👍🏽 reported by 👨‍👩‍👧 families"),
    ("combining", "Zaporizhzhiá and Bakhmút, re\u0301ported by the se\u0301cond brigade"),
    ("mixed", "约 3,000 troops (≈3,000–9,999) said 😀 the 国防部"),
    ("long path", LONG_PATH),
    ("long figure", "≈30,000,000 (10,000,000–99,999,999)"),
    ("long word", "Nationalgardeeinsatzkommandozentralenverwaltungsbehörde"),
    ("hebrew", "דובר צה\"ל אמר כי כ-4,000 חיילים גויסו"),
    ("empty", ""),
]


@pytest.mark.parametrize("what,text", CELLS, ids=[w for w, _ in CELLS])
@pytest.mark.parametrize("width", [6, 12, 30])
def test_every_cell_is_whole_and_columns_align(what, text, width):
    rows = [("first", text, "last"), (text, "x", text), ("a", "b", "c")]
    table = format_table(rows, ("left", "middle", "right"), (width, width, width))
    assert "…" not in table
    header, cells = read_table(table)
    assert [h.strip() for h in header] == ["left", "middle", "right"]
    assert len(cells) == len(rows)
    for row, got in zip(rows, cells):
        for expected, cell in zip(row, got):
            want = expected if expected else "-" if expected is None else ""
            assert _squeeze(cell) == _squeeze(want), (what, width, cell, want)


# (text, width, expected lines): words stay whole where they fit; a long word breaks after / or -
WRAPS = [
    ("some 30,000 Russian troops", 12, ["some 30,000", "Russian", "troops"]),
    ("a/b/c/d/e", 4, ["a/b/", "c/d/", "e"]),
    ("nearly 3,000-strong", 10, ["nearly", "3,000-", "strong"]),
    ("国防部发言人", 5, ["国防", "部发", "言人"]),
    ("😀😀😀", 4, ["😀😀", "😀"]),
    ("short", 30, ["short"]),
]


@pytest.mark.parametrize("text,width,lines", WRAPS, ids=[t for t, _, _ in WRAPS])
def test_wrap(text, width, lines):
    assert wrap(text, width) == lines
    assert all(display_width(line) <= width for line in lines)


# (what, value) -> the cell: "-" for an absent value, yes/no, whitespace folded
VALUES = [(None, "-"), (True, "yes"), (False, "no"), (12, "12"), ("a  b\nc", "a b c")]


@pytest.mark.parametrize("value,cell", VALUES, ids=[repr(v) for v, _ in VALUES])
def test_cell_values(value, cell):
    _, cells = read_table(format_table([(value,)], ("v",), (10,)))
    assert cells == [[cell]]


def _one_count(fields, source="the General Staff of the 🇺🇦 Armed Forces (総参謀部)"):
    return export(LONG_PATH, [(dict(RU, **fields), source, "certain")])


# (count fields, the bounds cell): "open" for an open bound, "-" when there are no bounds at all
BOUNDS = [
    ({"value": 300, "low": 300, "qualifier": "min"}, "300..open"),
    ({"value": 3000, "high": 3000, "qualifier": "below"}, "open..3,000"),
    ({"low": 2000, "high": 9999, "estimate": 4000, "qualifier": "vague"}, "2,000..9,999"),
    ({"value": 50000, "qualifier": "approx"}, "-"),
]


def _tables(text):
    """The tables of a report (export_table), each from its header line to the next header's
    blank line (a table with wrapped rows holds blank lines of its own)."""
    lines = text.splitlines()
    dashes = [i for i, line in enumerate(lines) if line and set(line) <= {"-", " "}]
    starts = [i - 1 for i in dashes]
    ends = [s - 1 for s in starts[1:]] + [len(lines)]
    return ["\n".join(lines[a:b]).rstrip("\n") for a, b in zip(starts, ends)]


@pytest.mark.parametrize("fields,bounds", BOUNDS, ids=[b for _, b in BOUNDS])
def test_extract_table_bounds_open_or_absent(fields, bounds):
    header, (row,) = read_table(_tables(export_table(_one_count(fields)))[0], one_row=True)
    assert _column(header, row, "bounds") == bounds
    assert _column(header, row, "source") == "the General Staff of the 🇺🇦 Armed Forces (総参謀部)"


def test_extract_table_shows_every_long_cell_whole():
    table = export_table(_one_count({"value": 30000000, "qualifier": "approx"}))
    assert table.startswith(f"== {LONG_PATH}\n") and "…" not in table
    counts, attributions = _tables(table)[:2]
    header, (row,) = read_table(counts, one_row=True)
    assert _column(header, row, "value") == "30,000,000"
    header, (row,) = read_table(attributions, one_row=True)
    assert _column(header, row, "source") == "the General Staff of the 🇺🇦 Armed Forces (総参謀部)"


def test_compare_table_names_documents_in_full_and_says_open():
    docs = [
        export(LONG_PATH, [(dict(RU, value=5000, low=5000, qualifier="min"), "国防部发言人 (the ministry spokesman)", "certain")]),
        export("wire 📰.txt", [(dict(RU, value=9000, high=9000, qualifier="max"), "TASS", "certain")]),
        export("short.txt", [(dict(RU, value=40000), "a Western official", "certain")]),
    ]
    table = compare(docs).table()
    assert "…" not in table
    head, body = table.split("\n", 1)
    assert head.endswith("range open to open; SOURCES DISAGREE")
    header, rows = read_table(body)
    names = [_column(header, row, "document") for row in rows]
    assert sorted(map(_squeeze, names)) == sorted(map(_squeeze, [LONG_PATH, "wire 📰.txt", "short.txt"]))
    sources = {_column(header, row, "source") for row in rows}
    assert "国防部发言人 (the ministry spokesman)" in sources


def test_cli_compare_table_keeps_the_whole_source(capsys):
    from conflictnlp.cli import main

    line = json.dumps(_one_count({"value": 1200, "qualifier": "approx"}), ensure_ascii=False)
    out = io.StringIO()
    code = main(["compare", "-", "--input-format", "jsonl"], stdout=out, stdin=io.StringIO(line + "\n"))
    assert code == 0, capsys.readouterr().err
    header, (row,) = read_table(out.getvalue().split("\n", 1)[1], one_row=True)
    assert _column(header, row, "source") == "the General Staff of the 🇺🇦 Armed Forces (総参謀部)"
    assert _squeeze(_column(header, row, "document")) == LONG_PATH
