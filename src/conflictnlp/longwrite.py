"""The ``extract`` output of a document above ``nlp.max_length``, written chunk by chunk.

:func:`write_long` reads the chunks of a :class:`conflictnlp.runner.LongExport` one at a time
(each is processed when it is asked for), writes what each gives to temporary files and forgets
it; memory stays bounded by one chunk whatever the length of the document. Only when every chunk
is done is the output copied to the real output, so that a document that fails half-way leaves
no half-written record (a one-line error names it, as for any document).

- ``jsonl``: the same one line as for any document, byte for byte the export of the whole
  document (``json.dumps(merge_exports(...))``): the text, then each layer's items with offsets,
  attribution ids and claim indices of the whole document, copied from one temporary file per
  layer.
- ``csv``: the same rows as for the whole document (offsets of the whole document).
- ``table`` and ``html``: one table or figure per chunk, its title the document's path (or
  title) followed by ``[characters START-END]``.
"""

from __future__ import annotations

import csv
import json
import tempfile
from contextlib import ExitStack
from typing import Any, Callable, Dict, Optional, TextIO

from .longdoc import LongChunk, document_layers
from .runner import LongExport, one_line

LAYERS = ("counts", "attributions", "sentences", "claims")
_BLOCK = 1 << 20  # characters copied or encoded at a time


def write_long(long: LongExport, output_format: str, write: Callable[[str], Any], first: bool = True,
               figure: Optional[Callable[[Dict[str, Any]], str]] = None) -> Optional[str]:
    """Write the ``extract`` output of ``long`` in ``output_format`` with ``write``; on a failure
    write nothing and return the reason (one line, with where in the document it happened).

    ``first``: no document was written before it (a table is then not preceded by a blank line).
    ``figure``: how a chunk is drawn for ``html`` (the page's numbered figure; default ``render_figure``).
    """
    names = LAYERS if output_format == "jsonl" else ("out",)
    with ExitStack() as stack:
        spools = {name: stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf8", newline="")) for name in names}
        done = 0
        try:
            head: Dict[str, Any] = {}
            for index, chunk in enumerate(long.chunks):
                # The export's fields in order, without the chunk's text and layers (not kept).
                head = head or {key: None if key in spools or key == "text" else value for key, value in chunk.export.items()}
                _spool_chunk(chunk, output_format, spools, index == 0 and first, figure)
                done = chunk.offset + len(chunk.export["text"])
                del chunk  # not held while the next chunk is processed
        except Exception as err:  # the document fails as a whole: the others' output is kept
            return f"at character {done:,}: {one_line(err)}" if done else one_line(err)
        if output_format == "jsonl" and head:
            _write_export(long.text, head, spools, write)
        elif output_format != "jsonl":
            _copy(spools["out"], write)
    return None


def _spool_chunk(chunk: LongChunk, output_format: str, spools: Dict[str, TextIO], first: bool,
                 figure: Optional[Callable[[Dict[str, Any]], str]] = None) -> None:
    """Write what one chunk gives to the temporary files."""
    from .export import CSV_COLUMNS, count_rows, export_table

    if output_format == "jsonl":
        for layer, items in document_layers(chunk).items():
            for item in items:
                spools[layer].write(", " + json.dumps(item, ensure_ascii=False))  # the first ", " is skipped
        return
    out = spools["out"]
    if output_format == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        for row in count_rows(chunk.export):
            writer.writerow(dict(row, start=row["start"] + chunk.offset, end=row["end"] + chunk.offset))
        return
    part = _titled(chunk)
    if output_format == "html":
        from .views.render import render_figure

        out.write((figure or render_figure)(part))
    else:
        out.write(("" if first else "\n") + export_table(part) + "\n")


def _titled(chunk: LongChunk) -> Dict[str, Any]:
    """The chunk's export, its title (``path``, ``name`` or ``title`` of its meta) naming its characters."""
    start, end = chunk.offset, chunk.offset + len(chunk.export["text"])
    meta = dict(chunk.export.get("meta") or {})
    for key in ("title", "name", "path"):
        if meta.get(key) is not None:
            meta[key] = f"{meta[key]} [characters {start:,}-{end:,}]"
    return dict(chunk.export, meta=meta)


def _write_export(text: str, head: Dict[str, Any], spools: Dict[str, TextIO], write: Callable[[str], Any]) -> None:
    """One JSON line, as ``json.dumps(export, ensure_ascii=False)`` writes it: the fields in the order of
    ``head`` (the first chunk's export), the text and the layers written a block at a time."""
    write("{")
    for index, (key, value) in enumerate(head.items()):
        write((", " if index else "") + json.dumps(key) + ": ")
        if key == "text":
            write('"')
            for start in range(0, len(text), _BLOCK):  # escaping is per character: blocks concatenate
                write(json.dumps(text[start : start + _BLOCK], ensure_ascii=False)[1:-1])
            write('"')
        elif key in spools:
            write("[")
            _copy(spools[key], write, skip=2)
            write("]")
        else:
            write(json.dumps(value, ensure_ascii=False))
    write("}\n")


def _copy(spool: TextIO, write: Callable[[str], Any], skip: int = 0) -> None:
    spool.seek(0)
    spool.read(skip)
    while True:
        block = spool.read(_BLOCK)
        if not block:
            return
        write(block)
