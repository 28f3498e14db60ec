"""The commands of the ``conflictnlp`` command line, their arguments and options (typer).

Typer is the library spaCy's own CLI is built on (installed with spaCy). Each command builds the
namespace its ``conflictnlp.cli.run_*`` function reads from the parsed values and runs it through
:func:`conflictnlp.cli.run_command`; :func:`conflictnlp.cli.main` turns a usage error into one line
on stderr (:func:`usage_message`). Choices are checked here and are case-insensitive
(``--format TABLE``); every argument and option has help text.
"""

from __future__ import annotations

import argparse
from typing import Annotated, Any, List, Literal, Optional, Sequence

import typer

from . import cli
from .about import __version__
from .archive import DEFAULT_PART_SIZE
from .corpus.importers import FORMATS as TOOLS
from .dask import ENGINES
from .views.render import STYLES

OutputFormat = Literal[cli.OUTPUT_FORMATS]
CompareFormat = Literal[cli.COMPARE_FORMATS]
InputFormat = Literal[cli.INPUT_FORMATS]
HtmlStyle = Literal[STYLES]
ImportTool = Literal[TOOLS]
ExportTool = Literal[TOOLS + ("spacy",)]
Engine = Literal[ENGINES]

# A value outside its choices: the one-line message, by parameter name (see usage_message).
CHOICE_ERRORS = {
    "format": "{option} {value}: unknown output format (choose from {choices})",
    "input_format": "{option} {value}: unknown input format (choose from {choices})",
    "html_style": "{option} {value}: unknown style (choose from {choices})",
    "engine": "{option} {value}: unknown engine (choose from {choices})",
    "tool": "{value}: unknown annotation tool (choose from {choices})",
}

_SETTINGS = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    name="conflictnlp", help="Troop counts, attribution, hedging and claims in war reporting.",
    add_completion=False, rich_markup_mode=None, context_settings=_SETTINGS,
)
corpus_app = typer.Typer(help="Validate, build, import or export annotated corpus files.",
                         rich_markup_mode=None, context_settings=_SETTINGS)
app.add_typer(corpus_app, name="corpus")
ledger_app = typer.Typer(help="A claims ledger: Parquet tables in DuckDB; figures over time and where they come from.",
                         rich_markup_mode=None, context_settings=_SETTINGS)
app.add_typer(ledger_app, name="ledger")

# The arguments and options several commands share.
Paths = Annotated[List[str], typer.Argument(metavar="PATH", show_default=False,
                                            help="text files, .jsonl, .jsonl.gz or .parquet archives, or - for stdin")]
Files = Annotated[List[str], typer.Argument(metavar="FILE", show_default=False, help="corpus JSONL files")]
InPaths = Annotated[List[str], typer.Argument(metavar="IN", show_default=False, help="the files to read")]
Base = Annotated[Optional[str], typer.Option("--base", metavar="PIPELINE", show_default=False,
                                             help="an installed spaCy pipeline to build on (default: a blank English one)")]
Input = Annotated[InputFormat, typer.Option(
    "--input-format", case_sensitive=False,
    help="auto: .jsonl files are JSONL; other files and - by their content (a JSON object per line, "
         "with \"text\" or a saved export, or plain text); text or jsonl to say which")]
ShowProgress = Annotated[Optional[bool], typer.Option(
    "--progress/--no-progress", show_default=False,
    help="a progress bar over documents (rate, ETA) on stderr; default: when stderr is a terminal")]


def _version(show: bool) -> None:
    if show:
        typer.echo(f"conflictnlp {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="print the version and exit")] = False,
) -> None:
    """Troop counts, attribution, hedging and claims in war reporting."""


def _run(ctx: typer.Context, run: cli.Command, **extra: Any) -> int:
    """Run ``run`` on the parsed values of ``ctx`` (plus ``extra``) with the streams of ``main``."""
    args = argparse.Namespace(command=ctx.command_path.split(" ", 1)[-1], **ctx.params, **extra)
    streams = ctx.find_root().obj
    return cli.run_command(run, args, streams.stdout, streams.stdin)


@app.command(help="Annotate documents and print the export.")
def extract(
    ctx: typer.Context,
    paths: Paths,
    format: Annotated[OutputFormat, typer.Option(
        "--format", case_sensitive=False,
        help="jsonl (one export per document), table, csv (one row per count), html (one page) "
             "or parquet (tables in --out DIR)")] = "jsonl",
    html_style: Annotated[HtmlStyle, typer.Option(
        "--html-style", case_sensitive=False,
        help="with --format html: article (the text as written, marks, claims) or displacy")] = "article",
    input_format: Input = "auto",
    base: Base = None,
    batch_size: Annotated[int, typer.Option("--batch-size", metavar="N", help="documents per nlp.pipe batch")] = 64,
    n_process: Annotated[int, typer.Option("--n-process", metavar="N",
                                           help="worker processes, each with its own pipeline")] = 1,
    progress: ShowProgress = None,
    out: Annotated[Optional[str], typer.Option("--out", metavar="DIR",
                                               help="with --format parquet: the folder of the tables (required)")] = None,
    part_size: Annotated[int, typer.Option("--part-size", metavar="N",
                                           help="with --format parquet: documents per part file")] = DEFAULT_PART_SIZE,
    text_column: Annotated[str, typer.Option("--text-column", metavar="NAME",
                                             help="the text column of .parquet inputs")] = "text",
    engine: Annotated[Engine, typer.Option(
        "--engine", case_sensitive=False,
        help="serial (this process, or --n-process workers) or dask (a dask.distributed cluster)")] = "serial",
    workers: Annotated[Optional[int], typer.Option(
        "--workers", metavar="N", show_default=False,
        help="with --engine dask: a local cluster of N worker processes (default: one per CPU core)")] = None,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="ADDRESS", show_default=False,
        help="with --engine dask: the scheduler of a running cluster (tcp://HOST:8786)")] = None,
) -> int:
    return _run(ctx, cli.run_extract)


@app.command(help="The figures documents give for the same actor and kind, side by side.")
def compare(
    ctx: typer.Context,
    paths: Annotated[List[str], typer.Argument(
        metavar="PATH", show_default=False,
        help="text files, .jsonl files (texts or saved extract output), - for stdin, or one ledger (LEDGER.duckdb)")],
    format: Annotated[CompareFormat, typer.Option("--format", case_sensitive=False,
                                                  help="table, csv or jsonl")] = "table",
    input_format: Input = "auto",
    base: Base = None,
    min_documents: Annotated[int, typer.Option("--min-documents", metavar="N",
                                               help="only actor/kind pairs given by N or more documents")] = 1,
    tolerance: Annotated[float, typer.Option("--tolerance", metavar="T",
                                             help="relative margin of approximate figures")] = 0.1,
    progress: ShowProgress = None,
) -> int:
    return _run(ctx, cli.run_compare)


@app.command(help="Score the pipeline on annotated corpus files.")
def evaluate(
    ctx: typer.Context,
    paths: Files,
    base: Base = None,
    json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
) -> int:
    return _run(ctx, cli.run_evaluate)


@corpus_app.command(help="Check corpus JSONL files; every defect with file, line and field.")
def validate(ctx: typer.Context, paths: Files) -> int:
    return _run(ctx, cli.run_corpus, corpus_command="validate")


@corpus_app.command(help="Authoring files (or imported corpus files) -> train/dev/test.jsonl.")
def build(
    ctx: typer.Context,
    paths: Annotated[List[str], typer.Argument(metavar="FILE", show_default=False, help="authoring files, or corpus JSONL to split (e.g. corpus import output)")],
    out: Annotated[Optional[str], typer.Option("--out", metavar="DIR", show_default=False,
                                               help="write train/dev/test.jsonl here (required)")] = None,
) -> int:
    return _run(ctx, cli.run_corpus, corpus_command="build")




@corpus_app.command("import", help="Annotation-tool exports -> corpus JSONL.")
def import_(
    ctx: typer.Context,
    tool: Annotated[ImportTool, typer.Option("--from", case_sensitive=False, show_default=False,
                                             help="the tool that wrote the files: prodigy, doccano or labelstudio")],
    paths: InPaths,
    out: Annotated[str, typer.Option("--out", metavar="OUT", show_default=False, help="the corpus JSONL file to write")],
) -> int:
    return _run(ctx, cli.run_corpus, corpus_command="import")


@corpus_app.command("export", help="Corpus JSONL -> annotation-tool tasks (or a .spacy DocBin).")
def export(
    ctx: typer.Context,
    tool: Annotated[ExportTool, typer.Option(
        "--to", case_sensitive=False, show_default=False,
        help="prodigy or doccano tasks (JSONL), labelstudio tasks (a JSON array), or spacy (a .spacy DocBin of the gold Docs)")],
    paths: InPaths,
    out: Annotated[str, typer.Option("--out", metavar="OUT", show_default=False,
                                     help="the file to write: JSONL tasks, or OUT.spacy with --to spacy")],
) -> int:
    return _run(ctx, cli.run_corpus, corpus_command="export")


@corpus_app.command("labelstudio-config", help="Print the Label Studio labeling config (XML) with our labels.")
def labelstudio_config(ctx: typer.Context) -> int:
    return _run(ctx, cli.run_corpus, corpus_command="labelstudio-config")


LedgerFormat = Literal[cli.LEDGER_FORMATS]
LedgerPath = Annotated[str, typer.Argument(metavar="LEDGER", show_default=False, help="the ledger file (LEDGER.duckdb)")]
LedgerActor = Annotated[Optional[str], typer.Option("--actor", metavar="ACTOR", show_default=False,
                                                    help="only figures of this actor (e.g. \"North Korea\"; any case)")]
LedgerKind = Annotated[Optional[str], typer.Option("--kind", metavar="KIND", show_default=False,
                                                   help="only figures of this kind (troops, killed, ...)")]
LedgerOutput = Annotated[LedgerFormat, typer.Option("--format", case_sensitive=False,
                                                    help="table, csv or json (one object per line)")]


def _run_ledger(args: argparse.Namespace, stdout: Any, stdin: Any = None) -> int:
    """``conflictnlp.ledger.command.run_ledger``, imported when a ledger command runs (not at every start)."""
    from .ledger.command import run_ledger

    return run_ledger(args, stdout, stdin)


def _ledger(ctx: typer.Context) -> int:
    """Run the ``ledger`` action named by the invoked subcommand (build, figures, trace)."""
    return _run(ctx, _run_ledger, ledger_command=ctx.info_name)


@ledger_app.command("build", help="Load the Parquet tables of extract folders into a DuckDB ledger (replacing it).")
def ledger_build(
    ctx: typer.Context,
    ledger: Annotated[str, typer.Argument(metavar="LEDGER", show_default=False, help="the ledger file to write")],
    dirs: Annotated[List[str], typer.Argument(metavar="DIR", show_default=False,
                                              help="folders written by extract --format parquet --out DIR")],
) -> int:
    return _ledger(ctx)


@ledger_app.command("figures", help="Every figure over time: who gave it, how certainly, in which outlet, on which day.")
def ledger_figures(
    ctx: typer.Context,
    ledger: LedgerPath,
    actor: LedgerActor = None,
    kind: LedgerKind = None,
    format: LedgerOutput = "table",
    plot: Annotated[Optional[str], typer.Option("--plot", metavar="PNG", show_default=False,
                                                help="also draw the figures over time by source type (matplotlib)")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", metavar="OUTLET", show_default=False,
                                                  help="only figures of this outlet's documents")] = None,
    source_type: Annotated[Optional[str], typer.Option("--source-type", metavar="TYPE", show_default=False,
                                                       help="only figures given by sources of this type")] = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DAY", show_default=False,
                                                 help="only documents dated on or after DAY (YYYY-MM-DD)")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DAY", show_default=False,
                                                 help="only documents dated on or before DAY (YYYY-MM-DD)")] = None,
) -> int:
    return _ledger(ctx)


@ledger_app.command("trace", help="The reports of one figure across outlets, followed back to the earliest originating source.")
def ledger_trace(
    ctx: typer.Context,
    ledger: LedgerPath,
    value: Annotated[str, typer.Argument(metavar="VALUE", show_default=False, help="the figure: 11000 or 11,000")],
    actor: LedgerActor = None,
    kind: LedgerKind = None,
    format: LedgerOutput = "table",
    tolerance: Annotated[float, typer.Option("--tolerance", metavar="T",
                                             help="also reports within this relative margin of VALUE")] = 0.0,
) -> int:
    return _ledger(ctx)


def click_command() -> Any:
    """The command tree (a click command of typer's), for ``main`` and for the docs' tests."""
    return typer.main.get_command(app)


def subcommands(command: Any = None, prefix: str = "") -> dict:
    """``{"extract": command, "corpus": group, "corpus import": command, ...}``."""
    command = click_command() if command is None else command
    found = {}
    for name, child in getattr(command, "commands", {}).items():
        found[f"{prefix} {name}".strip()] = child
        found.update(subcommands(child, f"{prefix} {name}"))
    return found


def parse(argv: Sequence[str]) -> List[str]:
    """The command names of ``argv`` (``["corpus", "import"]``) after checking its arguments and
    options as the command line does (a ``typer.TyperException`` if one is wrong); runs nothing."""
    ctx = click_command().make_context("conflictnlp", list(argv))
    names: List[str] = []
    while hasattr(ctx.command, "commands"):
        protected = getattr(ctx, "_protected_args", None) or getattr(ctx, "protected_args", [])
        name, command, rest = ctx.command.resolve_command(ctx, [*protected, *ctx.args])
        names.append(name)
        ctx = command.make_context(name, rest, parent=ctx)
    return names


def usage_message(err: typer.TyperException, argv: Sequence[str]) -> str:
    """A usage error as one line: the command, the problem, where to look
    (``--format xml: unknown output format (choose from jsonl, table, csv, html)``)."""
    ctx = getattr(err, "ctx", None)
    where = ctx.command_path.split(" ", 1)[1] if ctx is not None and " " in ctx.command_path else ""
    message = " ".join(err.format_message().split())  # typer lists some choices on lines of their own
    param = getattr(err, "param", None)
    template = CHOICE_ERRORS.get(getattr(param, "name", None) or "")
    value = _given(argv, param.opts) if template else None
    if template and value is not None and _choices(param):
        return template.format(option=param.opts[-1], value=value, choices=", ".join(map(str, _choices(param))))
    if type(err).__name__ == "UsageError" and message.startswith("Missing command") and ctx is not None:
        commands = ", ".join(getattr(ctx.command, "commands", {}))
        return f"{where or 'conflictnlp'}: choose an action: {commands} (see `{ctx.command_path} --help`)"
    return f"{where + ': ' if where else ''}{message} (see `{ctx.command_path if ctx else 'conflictnlp'} --help`)"


def _choices(param: Any) -> Optional[Sequence[Any]]:
    """The choices of a parameter (click's ``Choice`` type, or typer's type descriptor)."""
    return getattr(getattr(param, "type", None), "choices", None) or \
        getattr(getattr(param, "type_descriptor", None), "choices", None)


def _given(argv: Sequence[str], options: Sequence[str]) -> Optional[str]:
    """The last value ``argv`` gives one of ``options`` (``--format xml`` or ``--format=xml``)."""
    value = None
    for index, word in enumerate(argv):
        for option in options:
            if word == option and index + 1 < len(argv):
                value = argv[index + 1]
            elif word.startswith(option + "="):
                value = word[len(option) + 1:]
    return value
