"""The ``conflictnlp`` command line (also ``python -m conflictnlp``).

User errors (bad files, unknown formats, a missing base pipeline) print one line on
stderr that names the input and set a non-zero exit code; they never print a
traceback, and the other inputs of the same run are still processed.
"""

from __future__ import annotations

import argparse
import csv
import errno
import json
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, TextIO, Tuple, Union

from .runner import Failure, LongExport, one_line as _one_line, run_exports

EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2

OUTPUT_FORMATS = ("jsonl", "table", "csv", "html", "parquet")
COMPARE_FORMATS = ("table", "csv", "jsonl")
LEDGER_FORMATS = ("table", "csv", "json")  # ledger figures / trace (conflictnlp.ledger)
INPUT_FORMATS = ("auto", "text", "jsonl")


class InputError(Exception):
    """One input could not be read. The message names it."""


@dataclass
class Document:
    """One document to process: its text and the meta that goes into the export."""

    text: str
    meta: Dict[str, Any] = field(default_factory=dict)
    # A saved export (a line of `extract` output), which `compare` reuses as it is.
    export: Optional[Dict[str, Any]] = None


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes); expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not UTF-8 text (undecodable byte at offset {err.start})") from None


def _read_bytes(path: str, stdin: Optional[TextIO]) -> bytes:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin
        if stream is None or getattr(stream, "closed", False):
            raise InputError("<stdin>: no standard input (it is closed)")
        buffer = getattr(stream, "buffer", None)
        try:
            return buffer.read() if buffer is not None else stream.read().encode("utf8")
        except (OSError, ValueError) as err:
            raise InputError(f"<stdin>: cannot read ({_one_line(err)})") from None
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None


def iter_documents(
    paths: Sequence[str], input_format: str = "auto", stdin: Optional[TextIO] = None, check_exports: bool = False,
    sizes: Optional[Callable[[int], None]] = None,
) -> Iterator[Union[Document, InputError]]:
    """Yield a :class:`Document` per input document, or an :class:`InputError` per bad input.

    Plain-text files are one document each; ``.jsonl`` files (or ``input_format="jsonl"``)
    hold one JSON object per line with a ``"text"`` field. ``-`` reads stdin. With ``"auto"``,
    other inputs are JSONL or text by their content (:func:`detect_format`). With
    ``check_exports``, a saved export (a line of ``extract`` output) that lacks the shape its
    readers need is an input error (:func:`conflictnlp.export.export_problem`). ``sizes`` is
    told how many documents (or errors) each input gives, as soon as it is read.
    """
    from .archive import failure_message, is_archive, iter_inputs

    for path in paths:
        if is_archive(path):  # .jsonl.gz, .parquet: read as a stream (conflictnlp.archive)
            for index, item in enumerate(iter_inputs([path])):
                _tell(sizes, 2 if index else 1)  # the total grows by each document after the first
                yield InputError(failure_message(item)) if isinstance(item, Failure) else Document(*item)
            continue
        name = "<stdin>" if path == "-" else path
        try:
            text, as_jsonl = _read_input(path, name, input_format, stdin)
        except InputError as err:
            _tell(sizes, 1)
            yield err
            continue
        if not as_jsonl:
            _tell(sizes, 1)
            yield Document(text, {"path": path})
            continue
        lines = text.splitlines()
        _tell(sizes, sum(1 for line in lines if line.strip()))
        yield from _jsonl_documents(lines, name, path, check_exports)


def _tell(sizes: Optional[Callable[[int], None]], count: int) -> None:
    if sizes is not None:
        sizes(count)


def _read_input(path: str, name: str, input_format: str, stdin: Optional[TextIO]) -> Tuple[str, bool]:
    """The text of one input and whether it is JSONL; an :class:`InputError` naming it otherwise."""
    text = _decode(_read_bytes(path, stdin), name)
    if not text.strip():
        raise InputError(f"{name}: empty input")
    if input_format != "auto":
        return text, input_format == "jsonl"
    return text, path.lower().endswith(".jsonl") or detect_format(text, name) == "jsonl"


# A line that holds one JSON object (a candidate), and a non-empty line that cannot start one.
_OBJECT_LINE = re.compile(r"^[ \t]*\{.*\}[ \t\r]*$", re.M)
_OTHER_LINE = re.compile(r"^[ \t]*[^\s{]", re.M)


def _json_object(line: str) -> Optional[Dict[str, Any]]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) else None


def detect_format(text: str, name: str) -> str:
    """``"jsonl"`` or ``"text"`` for an input of ``--input-format auto`` not named ``.jsonl``
    (stdin, a ``.txt`` file) by its content: JSONL where the first non-empty line is a JSON object
    (a saved export with ``"counts"``, a record with ``"text"``, ...), plain text otherwise.

    Lines that disagree (a JSON object first and a line that is not one, or plain text first and a
    line that is a JSON object with ``"text"``) raise an :class:`InputError` that names the lines.
    """
    first = re.search(r"\S", text)
    start = first.start() if first is not None else 0
    stop = text.find("\n", start)
    line_of = lambda offset: text.count("\n", 0, offset) + 1  # noqa: E731
    hint = "name the format with --input-format jsonl or text"
    if _json_object(text[start:stop if stop >= 0 else len(text)]) is not None:
        other = _OTHER_LINE.search(text)
        if other is not None:
            raise InputError(f"{name}: mixed input: line {line_of(start)} is a JSON object, "
                             f"line {line_of(other.start())} is not; {hint}")
        return "jsonl"
    for match in _OBJECT_LINE.finditer(text):
        if isinstance((_json_object(match.group()) or {}).get("text"), str):
            raise InputError(f"{name}: mixed input: line {line_of(start)} is plain text, line "
                             f"{line_of(match.start())} is a JSON object with \"text\"; {hint}")
    return "text"


def _jsonl_documents(lines: List[str], name: str, path: str, check_exports: bool) -> Iterator[Union[Document, InputError]]:
    """The documents (or errors) of the lines of one JSONL input: a ``{"text": ...}`` record or a
    saved export each."""
    from .export import export_problem

    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(f"{name}, line {lineno}: invalid JSON ({err.msg})")
            continue
        except RecursionError:
            yield InputError(f"{name}, line {lineno}: JSON nested too deeply")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(f'{name}, line {lineno}: expected an object with a "text" string')
            continue
        meta = {k: v for k, v in record.get("meta", {}).items()} if isinstance(record.get("meta"), dict) else {}
        is_export = str(record.get("schema", "")).startswith("conflictnlp/") and isinstance(record.get("counts"), list)
        problem = export_problem(record) if is_export and check_exports else None
        if problem is not None:
            yield InputError(f"{name}, line {lineno}: not a usable conflictnlp export ({problem})")
            continue
        if is_export:
            if "path" not in meta:  # keep the name of the document it was made from
                meta.update({"path": path, "line": lineno})
            yield Document(record["text"], meta, export=record)
            continue
        meta.update({"path": path, "line": lineno})
        yield Document(record["text"], meta)


class Progress:
    """A tqdm bar over documents (done/total, rate, ETA) on stderr.

    ``show``: True always, False never, None when the stream is a terminal and there are at least
    ``min_total`` documents. The total starts at one per input and :meth:`grow` adds to it as an
    input turns out to hold more documents (a JSONL file), before they are done.
    """

    def __init__(self, total: int, stream: Optional[TextIO] = None, min_total: int = 2, show: Optional[bool] = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.wanted = show if show is not None else getattr(self.stream, "isatty", lambda: False)()
        self.min_total = 0 if show else min_total
        self.done = 0
        self.bar: Any = None

    def grow(self, more: int) -> None:
        self.total += more
        if self.bar is not None:
            self.bar.total = self.total
            self.bar.refresh()

    def step(self, label: str = "") -> None:
        self.done += 1
        if self.bar is None and self.wanted and self.total >= self.min_total:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, initial=self.done - 1, file=self.stream, unit="doc", dynamic_ncols=True)
        if self.bar is not None:
            self.bar.set_postfix_str(label[-40:], refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def error(message: str) -> None:
    print(f"conflictnlp: error: {message}", file=sys.stderr)


def warning_line(message: Any, *_: Any, **__: Any) -> None:
    """A library warning (a bad meta date ...) as one line on stderr."""
    print(f"conflictnlp: warning: {message}", file=sys.stderr)


def formats_ok(args: argparse.Namespace, output_formats: Sequence[str]) -> bool:
    """Check ``--format`` and ``--input-format``; print a one-line error for a bad one."""
    if args.format not in output_formats:
        error(f"--format {args.format}: unknown output format (choose from {', '.join(output_formats)})")
        return False
    if args.input_format not in INPUT_FORMATS:
        error(f"--input-format {args.input_format}: unknown input format (choose from {', '.join(INPUT_FORMATS)})")
        return False
    return True


def load_pipeline(base: Optional[str]):
    """The pipeline for a command, or None after printing a one-line error."""
    from .pipeline import PipelineError, load

    try:
        return load(base)
    except PipelineError as err:
        error(str(err))
        return None


def _where(meta: Dict[str, Any]) -> str:
    """The input a document came from: its path, and its line in a .jsonl file."""
    return f"{meta.get('path')}, line {meta['line']}" if "line" in meta else str(meta.get("path"))


def process(
    nlp,
    paths: Sequence[str],
    input_format: str,
    stdin: Optional[TextIO] = None,
    reuse_exports: bool = False,
    *,
    batch_size: int = 64,
    n_process: int = 1,
    base: Optional[str] = None,
    stream_long: bool = False,
    show_progress: Optional[bool] = None,
    engine: Optional[argparse.Namespace] = None,
) -> Iterator[Union[Dict[str, Any], LongExport, InputError]]:
    """Export dicts (or input errors) for each document of ``paths``, in input order
    (:func:`conflictnlp.runner.run_exports`: batches, and worker processes with ``n_process`` > 1;
    with ``stream_long``, a :class:`~conflictnlp.runner.LongExport` for a document above
    ``nlp.max_length``). A progress bar over the documents (:class:`Progress`) goes to stderr
    as ``show_progress`` says (None: when stderr is a terminal). ``engine``: the options
    ``--engine``, ``--workers``, ``--scheduler`` (:func:`conflictnlp.dask.engine_runner`).

    With ``reuse_exports``, lines of a saved export (``extract`` output) are taken as they
    are instead of being processed again.
    """
    from . import pipeline
    from .dask import engine_runner

    def items() -> Iterator[Any]:
        for item in iter_documents(paths, input_format, stdin, check_exports=reuse_exports,
                                   sizes=lambda count: progress.grow(count - 1)):
            if isinstance(item, InputError):
                yield Failure({}, str(item))
            elif reuse_exports and item.export is not None:
                yield dict(item.export, meta=item.meta)
            else:
                yield item.text, item.meta

    progress = Progress(len(paths), show=show_progress)
    try:
        with engine_runner(engine, nlp, stream_long) as run:  # serial: run is None
            results = run(items(), batch_size) if run else run_exports(
                nlp, items(), batch_size=batch_size, n_process=n_process, base=base, load=pipeline.load,
                stream_long=stream_long)
            for result in results:
                if isinstance(result, Failure):
                    progress.step(str(result.meta.get("path", "")))
                    yield InputError(result.reason if not result.meta else f"{_where(result.meta)}: {result.reason}")
                    continue
                progress.step(str((result.meta if isinstance(result, LongExport) else result.get("meta", {})).get("path")))
                yield result
    finally:
        progress.close()


# ----------------------------------------------------------------------------- extract

def run_extract(args: argparse.Namespace, stdout: TextIO, stdin: Optional[TextIO] = None) -> int:
    if args.format == "parquet":  # archives in, Parquet tables out (conflictnlp.archive)
        from .archive import run_parquet

        return run_parquet(args, stdout, stdin)
    if not formats_ok(args, OUTPUT_FORMATS):
        return EXIT_USAGE
    from .views.render import STYLES

    if args.html_style not in STYLES:
        error(f"--html-style {args.html_style}: unknown style (choose from {', '.join(STYLES)})")
        return EXIT_USAGE
    from .dask import engine_problem

    problem = engine_problem(args) if args.batch_size >= 1 and args.n_process >= 1 else \
        f"--batch-size {args.batch_size} / --n-process {args.n_process}: both must be at least 1"
    if problem:
        error(problem)
        return EXIT_USAGE
    nlp = load_pipeline(args.base)
    if nlp is None:
        return EXIT_USAGE
    from .export import CSV_COLUMNS, count_rows, export_table
    from .longwrite import write_long

    status = EXIT_OK
    writer = csv.DictWriter(stdout, fieldnames=CSV_COLUMNS, extrasaction="ignore") if args.format == "csv" else None
    if writer is not None:
        writer.writeheader()
    page = _HtmlPage(stdout, args.html_style) if args.format == "html" else None
    first = True
    try:
        for item in process(nlp, args.paths, args.input_format, stdin, batch_size=args.batch_size,
                            n_process=args.n_process, base=args.base, stream_long=True,
                            show_progress=getattr(args, "progress", None), engine=args):
            if isinstance(item, LongExport):  # written chunk by chunk (conflictnlp.longwrite)
                problem = write_long(item, args.format, page.write if page is not None else stdout.write, first,
                                     figure=page.figure if page is not None else None)
                item = InputError(f"{_where(item.meta)}: {problem}") if problem else None
            if isinstance(item, InputError):
                error(str(item))
                status = EXIT_INPUT_ERROR
                continue
            if item is None:
                pass
            elif page is not None:
                page.add(item)
            elif args.format == "jsonl":
                stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
            elif writer is not None:
                for row in count_rows(item):
                    writer.writerow(row)
            else:
                stdout.write(("" if first else "\n") + export_table(item) + "\n")
            first = False
            stdout.flush()
    finally:
        if page is not None:
            page.close()  # also on Ctrl-C: the documents done so far stay a complete page
    return status


class _HtmlPage:
    """One HTML page written as it grows: the page's start before the first document, each
    document's figure as it is done, the page's end on close (nothing at all without a document)."""

    def __init__(self, stream: TextIO, style: str = "article") -> None:
        from .views.render import page_frame

        self.stream = stream
        self.style = style
        self.head, self.tail = page_frame(style=style)
        self.opened = False
        self.index = 0

    def add(self, export: Dict[str, Any]) -> None:
        self.write(self.figure(export))

    def figure(self, export: Dict[str, Any]) -> str:
        """One document's (or one chunk's) figure, numbered on the page (its anchors apart)."""
        from .views.render import render_figure

        self.index += 1
        return render_figure(export, self.index - 1, style=self.style)

    def write(self, figures: str) -> None:
        """Rendered figures, after the page's start."""
        if not self.opened:
            self.stream.write(self.head)
            self.opened = True
        self.stream.write(figures)

    def close(self) -> None:
        if self.opened:
            self.stream.write(self.tail)
            self.stream.flush()


# ----------------------------------------------------------------------------- compare

def run_compare(args: argparse.Namespace, stdout: TextIO, stdin: Optional[TextIO] = None) -> int:
    if not formats_ok(args, COMPARE_FORMATS):
        return EXIT_USAGE
    if not 0 <= args.tolerance < 1:
        error(f"--tolerance {args.tolerance}: must be at least 0 and below 1")
        return EXIT_USAGE
    from .ledger.store import is_ledger_path

    if any(is_ledger_path(path) for path in args.paths):  # a claims ledger: compared in DuckDB (conflictnlp.ledger)
        from .ledger.command import compare_on_ledger

        return compare_on_ledger(args, stdout)
    nlp = load_pipeline(args.base)
    if nlp is None:
        return EXIT_USAGE
    from .views.compare import compare

    status = EXIT_OK
    exports = []
    for item in process(nlp, args.paths, args.input_format, stdin, reuse_exports=True,
                        show_progress=getattr(args, "progress", None)):
        if isinstance(item, InputError):
            error(str(item))
            status = EXIT_INPUT_ERROR
            continue
        exports.append(item)
    try:
        result = compare(exports, tolerance=args.tolerance, min_documents=args.min_documents)
    except Exception as err:  # a check the exports passed and compare still trips on: one line, not a traceback
        error(f"compare: {_one_line(err)}")
        return EXIT_INPUT_ERROR
    write_comparison(result, args.format, stdout)
    stdout.flush()
    return status


def write_comparison(result: Any, fmt: str, stdout: TextIO) -> None:
    """Print a comparison (``compare`` on exports or on a ledger) as a table, CSV or JSON lines."""
    if fmt == "table":
        stdout.write(result.table() + "\n")
    elif fmt == "csv":
        stdout.write(result.to_csv())
    else:
        stdout.write(result.to_jsonl())


# ----------------------------------------------------------------------------- corpus, evaluate

def _write_jsonl(path: str, items: List[Dict[str, Any]]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def _valid_records(paths: List[str]) -> Optional[List[Dict[str, Any]]]:
    """The records of the corpus files ``paths``, or None after one line per problem on stderr."""
    from .corpus import CorpusError, read_records
    from .corpus.validate import validate_files

    report = validate_files(paths)
    for problem in report.problems:
        error(problem)
    if report.problems:
        return None
    try:
        return [record for path in paths for record in read_records(path)]
    except CorpusError as err:
        error(str(err))
        return None


def _export_docbin(args: argparse.Namespace, stdout: TextIO) -> int:
    """``corpus export --to spacy``: the gold Docs of the corpus files in one ``.spacy`` DocBin."""
    import spacy

    from .corpus.format import to_docbin

    records = _valid_records(args.paths)
    if records is None:
        return EXIT_INPUT_ERROR
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    to_docbin(spacy.blank("en"), records).to_disk(args.out)  # main() reports an unwritable --out in one line
    stdout.write(f"{len(records)} documents written to {args.out}\n")
    return EXIT_OK


def run_corpus(args: argparse.Namespace, stdout: TextIO, stdin: Optional[TextIO] = None) -> int:
    from .corpus.validate import validate_files

    if args.corpus_command == "validate":
        report = validate_files(args.paths)
        for problem in report.problems:
            print(problem, file=sys.stderr)
        if not report.ok:
            error(f"{len(report.problems)} problems in {', '.join(args.paths)}")
            return EXIT_INPUT_ERROR
        stdout.write(report.summary() + "\n")
        return EXIT_OK
    if args.corpus_command == "build":
        from .corpus.authoring import main as build_main

        return build_main(list(args.paths) + (["--out", args.out] if args.out else []))
    if args.corpus_command == "labelstudio-config":
        from .corpus.labelstudio import labeling_config

        stdout.write(labeling_config())
        return EXIT_OK
    if args.corpus_command == "export" and args.tool == "spacy":
        return _export_docbin(args, stdout)
    if args.corpus_command in ("import", "export"):
        from .corpus import CorpusError, read_records
        from .corpus.importers import FORMATS, ImportFormatError, export_records, import_files

        if args.tool not in FORMATS:
            error(f"{args.tool}: unknown annotation tool (choose from {', '.join(FORMATS)})")
            return EXIT_USAGE
        try:
            if args.corpus_command == "import":
                items = import_files(args.tool, args.paths)
            else:
                items = export_records(args.tool, [r for path in args.paths for r in read_records(path)])
        except (ImportFormatError, CorpusError) as err:
            for line in str(err).splitlines():  # an import lists every problem, one line each
                error(line)
            return EXIT_INPUT_ERROR
        if args.tool == "labelstudio" and args.corpus_command == "export":  # Label Studio imports a JSON array
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.out).write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf8")
        else:
            _write_jsonl(args.out, items)
        stdout.write(f"{len(items)} {'documents' if args.corpus_command == 'import' else 'tasks'} written to {args.out}\n")
        if args.corpus_command == "import":
            report = validate_files([args.out])
            if not report.ok:
                stdout.write(f"{len(report.problems)} fields to complete: run `conflictnlp corpus validate {args.out}`\n")
        return EXIT_OK
    error("corpus: choose an action: validate, build, import, export or labelstudio-config")
    return EXIT_USAGE


def run_evaluate(args: argparse.Namespace, stdout: TextIO, stdin: Optional[TextIO] = None) -> int:
    from .corpus.evaluate import evaluate_records, format_scores

    records = _valid_records(args.paths)  # check everything first: a bad file is reported before any model loads
    if records is None:
        return EXIT_INPUT_ERROR
    nlp = load_pipeline(args.base)
    if nlp is None:
        return EXIT_USAGE
    scores = evaluate_records(nlp, records)
    stdout.write((json.dumps(scores, indent=2) if args.json else format_scores(scores)) + "\n")
    return EXIT_OK


# ----------------------------------------------------------------------------- main

Command = Callable[[argparse.Namespace, TextIO, Optional[TextIO]], int]


@dataclass
class Streams:
    """The streams ``main`` was given, which the commands write to and read ``-`` from."""

    stdout: TextIO
    stdin: Optional[TextIO] = None


def run_command(run: Command, args: argparse.Namespace, stdout: TextIO, stdin: Optional[TextIO] = None) -> int:
    """Run one command (``run_extract`` ...) with the one-line error contract: a library warning,
    an unwritable output or any other failure is one line on stderr, never a traceback."""
    try:
        with warnings.catch_warnings():
            warnings.showwarning = warning_line
            return run(args, stdout, stdin)
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except OSError as err:  # an output that cannot be written: a full disk, an unwritable --out
        where = err.filename or ("standard output" if err.errno in (errno.ENOSPC, errno.EIO) else args.command)
        error(f"{where}: cannot write ({err.strerror or _one_line(err)})")
        return EXIT_INPUT_ERROR
    except Exception as err:  # the promise is one line, never a traceback
        error(f"{args.command}: {_one_line(err)}")
        return EXIT_INPUT_ERROR


def main(argv: Optional[List[str]] = None, stdout: Optional[TextIO] = None, stdin: Optional[TextIO] = None) -> int:
    """The command line (:mod:`conflictnlp.commands`): the exit code. A usage error (an unknown
    option, a value outside its choices, a missing argument) is one line on stderr and exit code 2."""
    import typer

    from .commands import click_command, usage_message

    args = list(sys.argv[1:] if argv is None else argv)
    command = click_command()
    if not args:
        print(command.get_help(typer.Context(command, info_name="conflictnlp")), file=sys.stderr)
        return EXIT_USAGE
    try:
        code = command.main(args=args, prog_name="conflictnlp", standalone_mode=False,
                            obj=Streams(stdout if stdout is not None else sys.stdout, stdin))
    except typer.TyperException as err:
        error(usage_message(err, args))
        return EXIT_USAGE
    except typer.Abort:  # Ctrl-C or the end of input while the command line was read
        error("interrupted")
        return 130
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
