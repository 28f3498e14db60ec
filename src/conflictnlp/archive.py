"""Archives in, Parquet out: ``conflictnlp extract ARCHIVE... --format parquet --out DIR``.

Inputs are read as streams, never held whole: a ``.jsonl`` or ``.jsonl.gz`` archive line by line
(an object with a ``"text"`` string; its ``"meta"`` object and its other fields, such as ``id``,
``date``, ``outlet`` and ``url``, are the document's meta), a ``.parquet`` archive by record batches
(``pyarrow.parquet.ParquetFile.iter_batches``: the text column, ``--text-column``, default
``text``; every other column is meta), any other file as one plain-text document.

The output is five Parquet tables, each a folder of part files that ``pyarrow.parquet.read_table``
reads whole: ``DIR/documents.parquet``, ``counts.parquet``, ``attributions.parquet``,
``sentences.parquet`` and ``claims.parquet`` (schemas in ``docs/export.md``), every row keyed by the
document id (``doc_id``: the meta's ``id``, else ``PATH:LINE`` or ``PATH:ROW``). Documents are
taken in parts of ``--part-size`` (default 1000): the rows of one part are written as one part
file per table, named by the part's document range (``part-000000000-000001000.parquet``), and the
part is then marked done (``DIR/_done/000000000-000001000``), so memory is bounded by one part and a
rerun with the same inputs skips the done parts without running the pipeline on them. A document
that fails (unreadable line, pipeline error) is a row of ``documents`` with its ``error``; the
others are written.

pyarrow is an optional extra (``pip install conflictnlp[parquet]``); it is imported only here and
only when Parquet is read or written.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import gzip
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Sequence, TextIO, Tuple, Union

from .runner import Failure, one_line, run_exports

PARQUET_EXTRA = "pip install conflictnlp[parquet]"
DEFAULT_PART_SIZE = 1000
MANIFEST = "_conflictnlp.json"
DONE = "_done"
TABLES = ("documents", "counts", "attributions", "sentences", "claims")
_SKIP = "__conflictnlp_done__"  # a document of a done part, passed through run_exports unprocessed
WINDOW_PARTS = 10  # with worker processes: parts read ahead at most (one pool per window)

Item = Union[Tuple[str, Dict[str, Any]], Failure]

# Column name -> Parquet type of each table (docs/export.md documents them). A span field
# ``cue`` is the three columns ``cue_start``, ``cue_end``, ``cue_text``; a list field is JSON text;
# a field the table does not name goes into the row's ``extra`` (JSON text, null when none).
_SPAN = (("_start", "int64"), ("_end", "int64"), ("_text", "string"))
SCHEMAS: Dict[str, Tuple[Tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "string"), ("date", "string"), ("outlet", "string"), ("url", "string"), ("path", "string"),
        ("meta", "string"), ("text", "string"), ("n_counts", "int64"), ("n_attributions", "int64"),
        ("n_sentences", "int64"), ("n_claims", "int64"), ("error", "string"),
    ),
    "counts": (
        ("doc_id", "string"), ("count", "int64"), ("start", "int64"), ("end", "int64"), ("text", "string"),
        ("value", "int64"), ("low", "int64"), ("high", "int64"), ("estimate", "int64"), ("qualifier", "string"),
        ("kind", "string"), ("unit", "string"), ("actor", "string"), ("echelon", "string"), ("inferred", "bool"),
        ("extra", "string"),
    ),
    "attributions": (
        ("doc_id", "string"), ("attribution", "int64"),
        *((span + end, kind) for span in ("cue", "source", "content", "medium", "time") for end, kind in _SPAN),
        ("cue_type", "string"), ("source_type", "string"), ("anonymous", "bool"), ("state_media", "bool"),
        ("resolved", "string"), ("via", "string"), ("content_parts", "string"), ("date_start", "string"),
        ("date_end", "string"), ("extra", "string"),
    ),
    "sentences": (
        ("doc_id", "string"), ("sentence", "int64"), ("start", "int64"), ("end", "int64"), ("text", "string"),
        ("certainty", "string"), ("hedged", "bool"), ("score", "float64"), ("cues", "string"), ("extra", "string"),
    ),
    "claims": (
        ("doc_id", "string"), ("claim", "int64"), ("count", "int64"), ("attribution", "int64"),
        ("sentence", "int64"), ("certainty", "string"), ("hypothetical", "bool"), ("extra", "string"),
    ),
}
_SPAN_FIELDS = ("cue", "source", "content", "medium", "time")
_JSON_FIELDS = ("via", "content_parts", "cues")
_INDEX = {"counts": "count", "attributions": "attribution", "sentences": "sentence", "claims": "claim"}


class ArchiveError(Exception):
    """A run that cannot start (no pyarrow, an --out of another run). The message is one line."""


def require_pyarrow(what: str) -> Tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, or an :class:`ArchiveError` naming the extra to install."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ArchiveError(f"{what} needs pyarrow: {PARQUET_EXTRA}") from None
    return pyarrow, pyarrow.parquet


def is_archive(path: str) -> bool:
    """A path read as an archive of documents (rather than one text): ``.jsonl.gz`` or ``.parquet``."""
    return path.lower().endswith((".jsonl.gz", ".parquet"))


# ----------------------------------------------------------------------------- reading


def plain(value: Any) -> Any:
    """A Parquet cell as JSON data: dates and times in ISO form, decimals and bytes as text."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf8", "replace")
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def record_document(record: Any, where: Dict[str, Any]) -> Item:
    """A JSON record of an archive as ``(text, meta)``: its ``meta`` object and its other fields
    are the meta (the ``meta`` object wins), with ``where`` (path and line) added."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return Failure(where, 'expected an object with a "text" string')
    meta = {k: v for k, v in record.items() if k not in ("text", "meta")}
    if isinstance(record.get("meta"), dict):
        meta.update(record["meta"])
    meta.update(where)
    return record["text"], meta


def iter_jsonl(path: str) -> Iterator[Item]:
    """The documents of a ``.jsonl`` or ``.jsonl.gz`` archive, read a line at a time."""
    lineno = 0
    try:
        with (gzip.open if path.lower().endswith(".gz") else open)(path, "rt", encoding="utf-8-sig") as lines:
            for lineno, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as err:
                    yield Failure({"path": path, "line": lineno}, f"invalid JSON ({getattr(err, 'msg', 'nested too deeply')})")
                    continue
                yield record_document(record, {"path": path, "line": lineno})
    except FileNotFoundError:
        yield Failure({"path": path}, "no such file")
    except (OSError, EOFError, UnicodeDecodeError) as err:  # a cut or corrupt gzip stream, non-UTF-8 bytes
        yield Failure({"path": path, "line": lineno + 1}, f"cannot read ({one_line(err)})")


def iter_parquet(path: str, text_column: str = "text", batch_size: int = 256) -> Iterator[Item]:
    """The documents of a Parquet archive, a record batch at a time: ``text_column`` is the text,
    every other column is meta (with ``path`` and ``row``, counted from 1)."""
    try:
        pa, pq = require_pyarrow("reading Parquet")
    except ArchiveError as err:
        yield Failure({"path": path}, str(err))
        return
    try:
        archive = pq.ParquetFile(path)
    except FileNotFoundError:
        yield Failure({"path": path}, "no such file")
        return
    except (OSError, pa.ArrowException) as err:
        yield Failure({"path": path}, f"not a readable Parquet file ({one_line(err)})")
        return
    names = archive.schema_arrow.names
    if text_column not in names:
        yield Failure({"path": path}, f'no "{text_column}" column (columns: {", ".join(names)}); see --text-column')
        return
    row = 0
    for batch in archive.iter_batches(batch_size=batch_size):
        for record in batch.to_pylist():
            row += 1
            text = record.pop(text_column)
            meta = {k: plain(v) for k, v in record.items()}
            meta.update(path=path, row=row)
            yield (text, meta) if isinstance(text, str) else Failure(meta, f'"{text_column}" is not a string')


def iter_inputs(paths: Sequence[str], text_column: str = "text", stdin: Optional[TextIO] = None) -> Iterator[Item]:
    """``(text, meta)`` of every document of ``paths`` in order, or a :class:`Failure` in its place."""
    from .cli import InputError, iter_documents

    for path in paths:
        lower = path.lower()
        if lower.endswith(".parquet"):
            yield from iter_parquet(path, text_column)
        elif lower.endswith((".jsonl", ".jsonl.gz")):
            yield from iter_jsonl(path)
        else:
            for item in iter_documents([path], "auto", stdin):
                yield Failure({"path": path}, _reason(str(item), path)) if isinstance(item, InputError) else (item.text, item.meta)


def _reason(message: str, path: str) -> str:
    """An input error's message without the path it starts with (the error row names the path)."""
    return message[len(path) + 2:] if message.startswith(path + ": ") else message


def count_documents(paths: Sequence[str], text_column: str = "text") -> Optional[int]:
    """How many documents ``paths`` hold (for the progress bar's ETA), read as streams; None when unknown."""
    total = 0
    for path in paths:
        try:
            if path.lower().endswith(".parquet"):
                total += require_pyarrow(path)[1].ParquetFile(path).metadata.num_rows
            elif path.lower().endswith((".jsonl", ".jsonl.gz")):
                with (gzip.open if path.lower().endswith(".gz") else open)(path, "rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            else:
                total += 1
        except Exception:  # the reader reports it; the bar goes without a total
            return None
    return total


def failure_message(failure: Failure) -> str:
    """A failed document as one line that names it: ``PATH, line N: REASON`` (``row N`` in Parquet)."""
    meta = failure.meta
    for place in ("line", "row"):
        if meta.get(place) is not None:
            where = f"{meta['path']}, " if meta.get("path") is not None else ""
            return f"{where}{place} {meta[place]}: {failure.reason}"
    return f"{meta['path']}: {failure.reason}" if meta.get("path") is not None else failure.reason


# ----------------------------------------------------------------------------- rows


def doc_id(meta: Dict[str, Any]) -> str:
    """The document's key in every table: its meta ``id``, else ``PATH:LINE`` / ``PATH:ROW`` / ``PATH``
    (``ROW`` alone for a record of a dask collection, which has no path)."""
    if meta.get("id") is not None:
        return str(meta["id"])
    place = meta.get("line", meta.get("row"))
    if meta.get("path") is None and place is not None:  # a record of a dask collection: its row
        return str(place)
    return f"{meta.get('path')}:{place}" if place is not None else str(meta.get("path"))


def _text(value: Any) -> Optional[str]:
    return None if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def flat_row(table: str, item: Dict[str, Any], key: str, index: int) -> Dict[str, Any]:
    """One item of an export's layer as a row of ``table``: spans as ``_start``/``_end``/``_text``
    columns, lists as JSON text, a date range as ``date_start``/``date_end`` (a single date: both)."""
    row: Dict[str, Any] = {"doc_id": key, _INDEX[table]: index}
    extra: Dict[str, Any] = {}
    names = {name for name, _ in SCHEMAS[table]}
    for field, value in item.items():
        if field in _SPAN_FIELDS and table == "attributions":
            for end, _ in _SPAN:
                row[field + end] = (value or {}).get(end[1:])
        elif field in _JSON_FIELDS:
            row[field] = json.dumps(value, ensure_ascii=False)
        elif field == "date" and table == "attributions":
            row["date_start"], row["date_end"] = (
                (value.get("start"), value.get("end")) if isinstance(value, dict) else (value, value)
            )
        elif field == "id" and table == "attributions":
            row["attribution"] = value
        elif field in names and field not in ("doc_id", "extra"):
            row[field] = value
        else:
            extra[field] = value
    row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
    return row


def export_rows(export: Dict[str, Any], key: Optional[str] = None) -> Dict[str, List[Dict[str, Any]]]:
    """The rows of each table for one export (a line of ``extract --format jsonl``)."""
    meta = export.get("meta") or {}
    key = doc_id(meta) if key is None else key
    layers = {table: export.get(table) or [] for table in _INDEX}
    document = {"doc_id": key, **{k: _text(meta.get(k)) for k in ("date", "outlet", "url", "path")},
                "meta": json.dumps(meta, ensure_ascii=False), "text": export.get("text"), "error": None}
    document.update({f"n_{table}": len(items) for table, items in layers.items()})
    rows = {table: [flat_row(table, item, key, i) for i, item in enumerate(items)] for table, items in layers.items()}
    return {"documents": [document], **rows}


class Rows(NamedTuple):
    """A document's export already made into its table rows (by a dask worker, so that the process
    that writes the tables does not): the export's meta and :func:`export_rows`."""

    meta: Dict[str, Any]
    rows: Dict[str, List[Dict[str, Any]]]


def as_rows(result: Any) -> Any:
    """An export as its :class:`Rows`; anything else (a failure, a done document's marker) as it is."""
    if isinstance(result, dict) and not _skipped(result):
        return Rows(result.get("meta") or {}, export_rows(result))
    return result


def error_rows(meta: Dict[str, Any], reason: str) -> Dict[str, List[Dict[str, Any]]]:
    """The rows of a document that failed: one ``documents`` row with its ``error``."""
    document = {"doc_id": doc_id(meta), **{k: _text(meta.get(k)) for k in ("date", "outlet", "url", "path")},
                "meta": json.dumps(meta, ensure_ascii=False), "error": reason}
    return {"documents": [document], **{table: [] for table in _INDEX}}


# ----------------------------------------------------------------------------- writing


def arrow_schemas(pa: Any) -> Dict[str, Any]:
    """The pyarrow schema of each table."""
    return {table: pa.schema([(name, pa.type_for_alias(kind)) for name, kind in columns]) for table, columns in SCHEMAS.items()}


def to_batches(pa: Any, schemas: Dict[str, Any], rows: Dict[str, List[Dict[str, Any]]]) -> Dict[str, Any]:
    """One record batch per table (raises when a value does not fit its column's type)."""
    return {table: pa.RecordBatch.from_pylist(rows[table], schema=schemas[table]) for table in TABLES}


def part_name(start: int, end: int) -> str:
    return f"{start:09d}-{end:09d}"


def write_part(out: Path, name: str, batches: Dict[str, List[Any]], pa: Any, pq: Any, schemas: Dict[str, Any]) -> None:
    """The part files of one part (each written under a hidden name, then renamed), then its done marker."""
    for table in TABLES:
        folder = out / f"{table}.parquet"
        folder.mkdir(parents=True, exist_ok=True)
        hidden = folder / f".part-{name}.parquet.tmp"  # read_table skips names that start with "."
        pq.write_table(pa.Table.from_batches(batches[table], schema=schemas[table]), str(hidden))
        os.replace(hidden, folder / f"part-{name}.parquet")
    (out / DONE).mkdir(exist_ok=True)
    (out / DONE / name).write_text("")


def check_manifest(out: Path, paths: Sequence[str], part_size: int, text_column: str) -> None:
    """Record the run's inputs in ``DIR/_conflictnlp.json``; an ``--out`` that holds another run is an error
    (its done parts would not be the parts of these inputs)."""
    manifest = {"inputs": [str(p) for p in paths], "part_size": part_size, "text_column": text_column}
    path = out / MANIFEST
    if path.exists():
        try:
            previous = json.loads(path.read_text(encoding="utf8"))
        except (OSError, ValueError):
            previous = None
        if previous != manifest:
            raise ArchiveError(f"{out}: holds the output of other inputs or another --part-size; "
                               "use another --out or remove it")
        return
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf8")


def marked(items: Iterator[Item], out: Path, part_size: int) -> Iterator[Any]:
    """``items`` with each document of a done part replaced by a pass-through marker (it is not processed)."""
    start = 0
    while True:
        part = [item for _, item in zip(range(part_size), items)]
        if not part:
            return
        done = (out / DONE / part_name(start, start + len(part))).exists()
        yield from ({_SKIP: True} for _ in part) if done else part
        start += len(part)


def results(nlp: Any, items: Iterator[Any], batch_size: int, *, part_size: int, n_process: int,
            base: Optional[str], load: Any) -> Iterator[Any]:
    """:func:`conflictnlp.runner.run_exports` over ``items``. Worker processes
    (``multiprocessing.Pool.imap``) read their whole input ahead, so with ``n_process`` above 1 the
    items go in windows of :data:`WINDOW_PARTS` parts, each with its own pool, which bounds what is
    read ahead; a window of done parts only is passed through without one."""
    if n_process == 1:
        yield from run_exports(nlp, items, batch_size=batch_size, load=load)
        return
    while True:
        window = [item for _, item in zip(range(part_size * WINDOW_PARTS), items)]
        if not window:
            return
        if all(_skipped(item) for item in window):
            yield from window
        else:
            yield from run_exports(nlp, window, batch_size=batch_size, n_process=n_process, base=base, load=load)


def _skipped(item: Any) -> bool:
    return isinstance(item, dict) and bool(item.get(_SKIP))


class Summary(dict):
    """What a run did: ``documents``, ``errors``, ``skipped`` (in done parts), ``parts`` written."""


def extract_parquet(nlp: Any, paths: Sequence[str], out: Union[str, Path], *, part_size: int = DEFAULT_PART_SIZE,
                    text_column: str = "text", batch_size: int = 64, n_process: int = 1, base: Optional[str] = None,
                    stdin: Optional[TextIO] = None, progress: Any = None, on_error: Any = None, run: Any = None) -> Summary:
    """Process the documents of ``paths`` into the Parquet tables under ``out`` (module docstring).

    ``progress``: an object with ``update(n)`` (a tqdm bar); ``on_error(message)`` is called with a
    one-line message for each document that failed (it is also an error row). ``run(items,
    batch_size)``, when given, runs the pipeline instead of this process (or its ``n_process``
    workers): the results of the items in their order (:func:`conflictnlp.dask.dask_results`).
    """
    from . import pipeline

    require_pyarrow("--format parquet")
    if part_size < 1:
        raise ArchiveError(f"--part-size {part_size}: must be at least 1")
    out = Path(out)
    check_manifest(out, paths, part_size, text_column)
    if run is None:
        run = functools.partial(results, nlp, part_size=part_size, n_process=n_process, base=base, load=pipeline.load)
    batch_size = min(batch_size, part_size)  # a batch never holds up the writing of a part
    return write_parts(iter_inputs(paths, text_column, stdin), out, part_size, batch_size, run, progress, on_error)


def write_parts(items: Iterator[Item], out: Path, part_size: int, batch_size: int, run: Any,
                progress: Any = None, on_error: Any = None) -> Summary:
    """The documents of ``items`` (``(text, meta)`` or a :class:`~conflictnlp.runner.Failure`), run by
    ``run(items, batch_size)``, written as the part files of ``part_size`` documents under ``out``;
    the documents of a part done before are passed through ``run`` unprocessed and not written."""
    pa, pq = require_pyarrow("--format parquet")
    writer = _PartWriter(out, pa, pq, on_error)
    start = index = 0
    for result in run(marked(items, out, part_size), batch_size):
        index += 1
        writer.add(result)
        if progress is not None:
            progress.update(1)
        if index - start == part_size:
            writer.flush(start, index)
            start = index
    writer.flush(start, index)
    return writer.summary


class _PartWriter:
    """The rows of the part being read, written as its part files when it is complete."""

    def __init__(self, out: Path, pa: Any, pq: Any, on_error: Any) -> None:
        self.out, self.pa, self.pq, self.on_error = out, pa, pq, on_error
        self.schemas = arrow_schemas(pa)
        self.summary = Summary(documents=0, errors=0, skipped=0, parts=0)
        self.pending: List[Tuple[Any, Dict[str, List[Dict[str, Any]]]]] = []  # (result, its rows)

    def add(self, result: Any) -> None:
        if _skipped(result):
            self.summary["skipped"] += 1
        elif isinstance(result, Failure):
            self.pending.append((result, error_rows(result.meta, result.reason)))
        elif isinstance(result, Rows):
            self.pending.append((result, result.rows))
        else:
            self.pending.append((result, export_rows(result)))

    def flush(self, start: int, end: int) -> None:
        """Write the part ``start:end`` (nothing for a part done before: it has no rows)."""
        if not self.pending:
            return
        try:  # one batch per table for the whole part
            batches = {table: [batch] for table, batch in to_batches(self.pa, self.schemas, self._rows(self.pending)).items()}
        except Exception:  # a value that does not fit its column: find the document, make it an error row
            batches = {table: [] for table in TABLES}
            checked = []
            for result, rows in self.pending:
                result, document = self._document_batches(result, rows)
                checked.append((result, rows))
                for table, batch in document.items():
                    batches[table].append(batch)
            self.pending = checked
        for result, _ in self.pending:
            if isinstance(result, Failure):
                self.summary["errors"] += 1
                if self.on_error is not None:
                    self.on_error(failure_message(result))
        self.summary["documents"] += len(self.pending)
        write_part(self.out, part_name(start, end), batches, self.pa, self.pq, self.schemas)
        self.summary["parts"] += 1
        self.pending = []

    def _document_batches(self, result: Any, rows: Dict[str, List[Dict[str, Any]]]) -> Tuple[Any, Dict[str, Any]]:
        """One document's batches; an export whose values do not fit the columns becomes a failure."""
        try:
            return result, to_batches(self.pa, self.schemas, rows)
        except Exception as err:
            if isinstance(result, Failure):
                raise
            meta = result.meta if isinstance(result, Rows) else result.get("meta") or {}
            failure = Failure(meta, f"cannot write its rows ({one_line(err)})")
            return failure, to_batches(self.pa, self.schemas, error_rows(failure.meta, failure.reason))

    @staticmethod
    def _rows(pending: List[Tuple[Any, Dict[str, List[Dict[str, Any]]]]]) -> Dict[str, List[Dict[str, Any]]]:
        return {table: [row for _, rows in pending for row in rows[table]] for table in TABLES}


# ----------------------------------------------------------------------------- command line


def run_parquet(args: Any, stdout: TextIO, stdin: Optional[TextIO] = None) -> int:
    """``conflictnlp extract ... --format parquet --out DIR [--engine dask]``: exit 0, 1 (documents failed:
    error rows) or 2."""
    from .cli import EXIT_INPUT_ERROR, EXIT_OK, EXIT_USAGE, error, load_pipeline
    from .dask import engine_problem, engine_runner

    if not args.out:
        error("--format parquet: give the output folder with --out DIR")
        return EXIT_USAGE
    try:
        require_pyarrow("--format parquet")
        if args.part_size < 1 or args.batch_size < 1 or args.n_process < 1:
            raise ArchiveError(f"--part-size {args.part_size} / --batch-size {args.batch_size} / "
                               f"--n-process {args.n_process}: each must be at least 1")
        if engine_problem(args):
            raise ArchiveError(engine_problem(args))
        check_manifest(Path(args.out), args.paths, args.part_size, args.text_column)
    except ArchiveError as err:
        error(str(err))
        return EXIT_USAGE
    nlp = load_pipeline(args.base)
    if nlp is None:
        return EXIT_USAGE
    bar = progress_bar(args.paths, args.text_column)
    try:
        with engine_runner(args) as run:  # serial: None, the run of extract_parquet
            summary = extract_parquet(nlp, args.paths, args.out, part_size=args.part_size, text_column=args.text_column,
                                      batch_size=args.batch_size, n_process=args.n_process, base=args.base,
                                      stdin=stdin, progress=bar, on_error=error, run=run)
    except ArchiveError as err:  # --scheduler: no scheduler there
        error(str(err))
        return EXIT_USAGE
    finally:
        bar.close()
    stdout.write(f"{summary['documents']} documents ({summary['errors']} errors, {summary['skipped']} skipped "
                 f"as done before) written to {args.out}\n")
    return EXIT_INPUT_ERROR if summary["errors"] else EXIT_OK


def progress_bar(paths: Sequence[str], text_column: str = "text", stream: Optional[TextIO] = None) -> Any:
    """A tqdm bar over documents on ``stream`` (default stderr: rate, and ETA from a first count of the
    documents, read as a stream), shown only when it is a terminal."""
    from tqdm import tqdm

    stream = sys.stderr if stream is None else stream
    shown = getattr(stream, "isatty", lambda: False)()
    total = count_documents(paths, text_column) if shown else None
    return tqdm(total=total, unit="doc", desc="extract", file=stream, disable=not shown, dynamic_ncols=True)
