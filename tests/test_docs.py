"""The documentation's examples run, show what they print, and name what exists.

For every page in docs/*.md:

- the ```python blocks run, one namespace per page, blocks in order. A block that needs what a
  test run does not have (a downloaded model, a trained output directory) is marked in the page by
  an HTML comment on the line before it, ``<!-- skip-test: needs en_core_web_sm -->``, and is
  reported as skipped with that reason;
- shown output is checked. It is written as
    * ``# ...`` comment lines right after a statement (no blank line between): what the statement
      prints, or, for a bare expression, its value;
    * a comment at the end of a bare expression or ``print(...)`` line, when the comment is a
      Python literal (``doc.cats  # {'hedged': 0.67, ...}``); other end-of-line comments explain;
    * a plain ``` block right after the python block: what the whole block prints;
    * a markdown table right after the block whose columns are Count fields: the block's
      ``conflictnlp.to_dict(doc)["counts"]`` (``–`` = null).
  Numbers written with decimals match to the precision shown (one unit of the last digit);
  everything else matches exactly, up to whitespace;
- shell commands in fenced blocks that run ``conflictnlp`` parse with the real argument parser,
  and ``python -m spacy train CONFIG --paths.X`` names a config and variables that exist;
- config tables name exactly the options of the factory's ``default_config``;
- docs/index.md lists every page and every module.

The pipeline of ``conflictnlp.load()`` is the session fixture ``nlp``: examples that call
``conflictnlp.load()`` with no arguments get it, so they must not change it (checked).
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import math
import re
import shlex
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))

SKIP_MARKER = re.compile(r"^<!--\s*skip-test:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^```([\w+-]*)\s*$")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
SHELL_LANGUAGES = {"", "bash", "sh", "shell", "console"}
OUTPUT_LANGUAGES = {"", "text", "output"}
COUNT_FIELDS = ("text", "value", "low", "high", "estimate", "qualifier", "kind", "unit", "actor", "echelon", "inferred")


# ----------------------------------------------------------------------------- reading pages


@dataclass
class Block:
    page: Path
    language: str
    code: str
    line: int  # 1-based line of the first code line in the page
    skip: Optional[str] = None  # the skip-test reason
    output: Optional[str] = None  # a plain ``` block right after it
    table: Optional[List[List[str]]] = None  # a markdown table right after it (header first)

    @property
    def id(self) -> str:
        return f"{self.page.name}:{self.line}"


def _split_table_line(line: str) -> List[str]:
    # "|" inside backticks (`jsonl|table`) is not a column separator.
    cells, current, in_code = [], "", False
    for char in line.strip().strip("|"):
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append(current.strip())
            current = ""
        else:
            current += char
    cells.append(current.strip())
    return cells


def read_blocks(page: Path) -> List[Block]:
    """Every fenced block of a page, with its skip marker and what follows it."""
    lines = page.read_text(encoding="utf8").splitlines()
    blocks: List[Block] = []
    i = 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        before = [line for line in lines[:i] if line.strip()]
        marker = SKIP_MARKER.match(before[-1]) if before else None
        end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        block = Block(page, fence.group(1), "\n".join(lines[i + 1 : end]) + "\n", i + 2, marker.group(1) if marker else None)
        blocks.append(block)
        # What follows (after blank lines): an output block or a table.
        after = end + 1
        while after < len(lines) and not lines[after].strip():
            after += 1
        if block.language == "python" and after < len(lines):
            follower = FENCE.match(lines[after])
            if follower and follower.group(1) in OUTPUT_LANGUAGES:
                close = after + 1
                while close < len(lines) and lines[close].strip() != "```":
                    close += 1
                block.output = "\n".join(lines[after + 1 : close])
            elif lines[after].startswith("|"):
                table = []
                while after < len(lines) and lines[after].startswith("|"):
                    table.append(lines[after])
                    after += 1
                block.table = [_split_table_line(row) for row in table if not re.fullmatch(r"[|\-: ]+", row.strip())]
        i = end + 1
    return blocks


def python_blocks(page: Path) -> List[Block]:
    return [block for block in read_blocks(page) if block.language == "python"]


def test_skip_markers_stand_before_python_blocks():
    for page in PAGES:
        lines = page.read_text(encoding="utf8").splitlines()
        for number, line in enumerate(lines, 1):
            marker = SKIP_MARKER.match(line)
            if not marker:
                continue
            assert marker.group(1), f"{page.name}:{number}: a skip-test marker needs a reason"
            following = next((rest for rest in lines[number:] if rest.strip()), "")
            assert following == "```python", f"{page.name}:{number}: a skip-test marker must stand right before a ```python block"


# ----------------------------------------------------------------------------- comparing shown output


def _decimals(number: str) -> Optional[int]:
    if "e" in number.lower() or "." not in number:
        return None
    return len(number.split(".")[1])


def same_text(shown: str, actual: str) -> bool:
    """``actual`` reads as ``shown``: equal up to whitespace, numbers with decimals to the precision shown."""
    shown, actual = " ".join(shown.split()), " ".join(actual.split())
    if shown == actual:
        return True
    shown_parts, actual_parts = NUMBER.split(shown), NUMBER.split(actual)
    shown_numbers, actual_numbers = NUMBER.findall(shown), NUMBER.findall(actual)
    if shown_parts != actual_parts or len(shown_numbers) != len(actual_numbers):
        return False
    for written, got in zip(shown_numbers, actual_numbers):
        decimals = _decimals(written)
        if decimals is None:
            if written != got:
                return False
        elif abs(float(written) - float(got)) > 10.0 ** -decimals + 1e-9:
            return False
    return True


def same_value(shown: Any, actual: Any) -> bool:
    """Structural equality; floats to the precision the doc shows them with."""
    if isinstance(shown, bool) or isinstance(actual, bool) or shown is None or actual is None:
        return shown is actual or shown == actual and type(shown) is type(actual)
    if isinstance(shown, float) and isinstance(actual, (int, float)):
        decimals = _decimals(repr(shown)) or 0
        return math.isclose(shown, actual, abs_tol=10.0 ** -decimals + 1e-9)
    if isinstance(shown, dict):
        return (
            isinstance(actual, dict)
            and list(shown) == list(actual)
            and all(same_value(shown[key], actual[key]) for key in shown)
        )
    if isinstance(shown, (list, tuple)):
        return (
            isinstance(actual, (list, tuple))
            and len(shown) == len(actual)
            and all(same_value(a, b) for a, b in zip(shown, actual))
        )
    return shown == actual


@pytest.mark.parametrize(
    "shown, actual, same",
    [
        ("possible True 1.0 []", "possible True 0.99 []", True),
        ("certain False 0.02 []", "certain False 0.04 []", False),
        ("{'hedged': 0.67}", "{'hedged': 0.6666666666666666}", True),
        ("50000 None", "50000 None", True),
        ("50000 None", "50001 None", False),
        ("a  b\n c", "a b c", True),
        ("'may'", "'might'", False),
    ],
)
def test_same_text(shown, actual, same):
    assert same_text(shown, actual) is same


@pytest.mark.parametrize(
    "shown, actual, same",
    [
        ({"hedged": 0.67, "certain": 0.33}, {"hedged": 2 / 3, "certain": 1 / 3}, True),
        ({"hedged": 0.67}, {"hedged": 0.5}, False),
        ([{"count": 0, "attribution": None}], [{"count": 0, "attribution": None}], True),
        ([{"count": 0, "attribution": None}], [{"count": 0, "attribution": 0}], False),
        ("probable", "possible", False),
        (True, 1, False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),  # the order shown is the order printed
    ],
)
def test_same_value(shown, actual, same):
    assert same_value(shown, actual) is same


# ----------------------------------------------------------------------------- running examples


def _comments(code: str) -> Dict[int, Tuple[str, bool]]:
    """line -> (comment text without '#', whether the line holds code before it)."""
    found = {}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            row, col = token.start
            own_line = not token.line[:col].strip()
            found[row] = (token.string[1:].strip(), not own_line)
    return found


def _is_print(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and node.value.func.id == "print"
    )


def _is_literal(text: str) -> bool:
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def _check_shown(node: ast.stmt, shown: str, printed: str, value: Any, where: str) -> Optional[str]:
    """A mismatch message, or None."""
    if isinstance(node, ast.Expr) and not _is_print(node) and not printed:
        if _is_literal(shown):
            if same_value(ast.literal_eval(shown), value):
                return None
        elif same_text(shown, repr(value)):
            return None
        return f"{where}: the doc shows {shown!r}, the code gives {value!r}"
    if same_text(shown, printed):
        return None
    return f"{where}: the doc shows {shown!r}, the code prints {printed.rstrip()!r}"


def run_block(block: Block, namespace: Dict[str, Any]) -> List[str]:
    """Run a block statement by statement; return the mismatches between shown and actual output."""
    tree = ast.parse(block.code, filename=str(block.page))
    comments = _comments(block.code)
    lines = block.code.splitlines()
    problems, everything_printed = [], io.StringIO()
    for index, node in enumerate(tree.body):
        where = f"{block.page.name}:{block.line + node.lineno - 1}"
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            if isinstance(node, ast.Expr):
                value = eval(compile(ast.Expression(node.value), block.id, "eval"), namespace)  # noqa: S307 - our own docs
            else:
                exec(compile(ast.Module([node], type_ignores=[]), block.id, "exec"), namespace)  # noqa: S102
                value = None
        printed = out.getvalue()
        everything_printed.write(printed)
        # Shown output: comment lines right after the statement, or a literal comment at its end.
        next_line = tree.body[index + 1].lineno if index + 1 < len(tree.body) else len(lines) + 1
        shown_lines = []
        for row in range(node.end_lineno + 1, next_line):
            comment = comments.get(row)
            if comment is None or comment[1]:
                break
            shown_lines.append(comment[0])
        if shown_lines:
            shown = "\n".join(shown_lines)
            message = _check_shown(node, shown, printed, value, where)
            if message and "\n" in printed.strip():  # several printed lines: compare line by line
                shown_rows, printed_rows = shown_lines, printed.rstrip("\n").splitlines()
                if len(shown_rows) == len(printed_rows) and all(map(same_text, shown_rows, printed_rows)):
                    message = None
            if message:
                problems.append(message)
        elif node.end_lineno in comments and comments[node.end_lineno][1]:
            trailing = comments[node.end_lineno][0]
            if isinstance(node, ast.Expr) and _is_literal(trailing):
                message = _check_shown(node, trailing, printed, value, where)
                if message:
                    problems.append(message)
    if block.output is not None and not same_text(block.output, everything_printed.getvalue()):
        problems.append(
            f"{block.id}: the output block shows {block.output!r}, the code prints {everything_printed.getvalue()!r}"
        )
    if block.table is not None and set(block.table[0]) <= set(COUNT_FIELDS):
        problems.extend(_check_count_table(block, namespace))
    return problems


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _check_count_table(block: Block, namespace: Dict[str, Any]) -> List[str]:
    import conflictnlp

    header, rows = block.table[0], block.table[1:]
    counts = conflictnlp.to_dict(namespace["doc"])["counts"]
    got = [[_cell(count[column]) for column in header] for count in counts]
    # Figures may be written with thousands separators ("9,000"); texts are compared as written.
    shown = [[cell if column == "text" else cell.replace(",", "") for column, cell in zip(header, row)] for row in rows]
    if shown == got:
        return []
    return [f"{block.id}: the table after the example shows {rows}, the counts are {got}"]


@pytest.fixture(scope="module")
def page_results(nlp, monkeypatch_module):
    """Run every page once: {block id: problems or an exception}; shares ``nlp`` with the session."""
    import conflictnlp
    import conflictnlp.pipeline

    conflictnlp.pipeline._import_components()  # from a source checkout; installed, entry points do it
    original_load = conflictnlp.load
    pipe_names = list(nlp.pipe_names)

    def load(base=None, **kwargs):
        if base is None and not kwargs:
            return nlp
        return original_load(base, **kwargs)

    monkeypatch_module.setattr(conflictnlp, "load", load)
    results: Dict[str, Any] = {}
    for page in PAGES:
        namespace: Dict[str, Any] = {"__name__": f"docs.{page.stem}"}
        failed = None
        for block in python_blocks(page):
            if block.skip:
                continue
            if failed is not None:
                results[block.id] = RuntimeError(f"not run: the earlier block {failed} failed")
                continue
            try:
                results[block.id] = run_block(block, namespace)
            except Exception as err:  # noqa: BLE001 - reported by the test of that block
                results[block.id] = err
                failed = block.id
        assert nlp.pipe_names == pipe_names, f"{page.name}: an example changed the shared pipeline of conflictnlp.load()"
    return results


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


EXAMPLES = [block for page in PAGES for block in python_blocks(page)]


@pytest.mark.parametrize("block", EXAMPLES, ids=[block.id for block in EXAMPLES])
def test_python_example(block, page_results):
    if block.skip:
        pytest.skip(f"{block.id}: {block.skip}")
    result = page_results[block.id]
    if isinstance(result, Exception):
        raise AssertionError(f"{block.id}: the example raises {type(result).__name__}: {result}") from result
    assert not result, "\n".join(result)


def test_every_component_page_has_a_tested_example():
    for name in ("pipeline", "counts", "attribution", "hedging", "claims"):
        examples = python_blocks(DOCS / f"{name}.md")
        assert any(not block.skip for block in examples), f"docs/{name}.md has no example that runs"


# ----------------------------------------------------------------------------- shell commands


def _commands(block: Block) -> List[str]:
    """The command lines of a shell block, continuation lines (``\\``, or indented) joined."""
    joined, current = [], ""
    for line in block.code.splitlines():
        if joined and not current and line[:1].isspace() and line.strip():
            joined[-1] += " " + line.strip()  # a synopsis wrapped with indentation
            continue
        current += line.rstrip()
        if current.endswith("\\"):
            current = current[:-1] + " "
            continue
        if current.strip():
            joined.append(current.strip())
        current = ""
    return joined


def _argv(command: str) -> List[str]:
    """The words of a command line, without environment settings before it or redirections after it.

    Lines that are not commands (output shown in a plain block) give [].
    """
    first = re.sub(r"^(\w+=\S+\s+)+", "", command)
    if not first.startswith(("conflictnlp ", "python ")):
        return []
    words = shlex.split(first, comments=True)
    for stop in (">", "|", "<", "2>"):
        if stop in words:
            words = words[: words.index(stop)]
    return words


SHELL = [block for page in PAGES for block in read_blocks(page) if block.language in SHELL_LANGUAGES]
CLI_COMMANDS = [
    (block.id, argv[2:] if argv[:3] == ["python", "-m", "conflictnlp"] else argv[1:])
    for block in SHELL
    for argv in map(_argv, _commands(block))
    if argv[:1] == ["conflictnlp"] or argv[:3] == ["python", "-m", "conflictnlp"]
]
SPACY_TRAIN = [
    (block.id, argv)
    for block in SHELL
    for argv in map(_argv, _commands(block))
    if argv[:4] == ["python", "-m", "spacy", "train"]
]


def _parse(argv: List[str]):
    import typer

    from conflictnlp.commands import parse

    try:
        return parse(argv)
    except typer.TyperException as err:
        raise AssertionError(f"conflictnlp {' '.join(argv)}: does not parse: {err.format_message()}") from err


def test_docs_show_cli_commands():
    assert CLI_COMMANDS, "no conflictnlp command found in the docs' shell blocks"


@pytest.mark.parametrize("where, argv", CLI_COMMANDS, ids=[f"{w}:{' '.join(a)[:40]}" for w, a in CLI_COMMANDS])
def test_documented_command_parses(where, argv):
    if any(word.startswith("[") for word in argv):
        # A synopsis (`compare PATH... [--format table|csv|jsonl] ...`): its options exist.
        words = [word for word in argv if not word.startswith(("[", "-")) and word.isalpha()]
        parsers = _subcommands()
        command = " ".join(words[:2]) if " ".join(words[:2]) in parsers else words[0]
        options = {flag for param in parsers[command].params for flag in param.opts}
        named = {flag for word in argv for flag in re.findall(r"--[a-z][a-z-]*", word)}
        assert named <= options, f"{where}: `{command}` has no {sorted(named - options)}"
        return
    assert _parse(argv), f"{where}: conflictnlp {' '.join(argv)} names no command"


def _subcommands() -> Dict[str, Any]:
    """'extract' -> its command; 'corpus validate' -> its command ..."""
    from conflictnlp.commands import subcommands

    return subcommands()


CLI_PAGE = DOCS / "cli.md"


def _cli_page_code() -> List[str]:
    """Every `code` span of docs/cli.md that starts with a subcommand (table rows and headings)."""
    prose = re.sub(r"^```.*?^```", "", CLI_PAGE.read_text(encoding="utf8"), flags=re.S | re.M)
    return re.findall(r"`([^`]+)`", prose)


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_subcommand_is_documented_and_has_help(command):
    from conflictnlp.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(command.split() + ["--help"]) == 0, f"conflictnlp {command} --help fails"
    assert "usage:" in out.getvalue().lower()
    parser = _subcommands()[command]
    if hasattr(parser, "commands"):
        return  # a group (`corpus`): its actions are documented one by one
    spans = [span.replace("conflictnlp ", "", 1) for span in _cli_page_code()]
    documented = [span for span in spans if span == command or span.startswith(command + " ")]
    assert documented, f"docs/cli.md does not show `{command} ...`"
    # Every option the parser has is named in the page, and every option the page names exists.
    options = {flag for param in parser.params for flag in param.opts if flag.startswith("--")} - {"--help"}
    named = {flag for span in documented for flag in re.findall(r"--[a-z][a-z-]*", span)}
    assert named <= options, f"docs/cli.md shows {sorted(named - options)} for `{command}`; it has {sorted(options)}"
    assert options <= named, f"docs/cli.md does not show {sorted(options - named)} for `{command}`"


@pytest.mark.parametrize("where, argv", SPACY_TRAIN, ids=[w for w, _ in SPACY_TRAIN])
def test_documented_spacy_train_names_a_real_config(where, argv):
    from spacy.util import load_config

    path = ROOT / argv[4]
    assert path.exists(), f"{where}: {argv[4]} does not exist"
    config = load_config(path, interpolate=False)
    for word in argv[5:]:
        if word.startswith("--") and "." in word:
            section, key = word[2:].split(".", 1)
            assert section in config and key.replace("-", "_") in config[section], f"{where}: {word} is not in {argv[4]}"


def test_documented_scripts_exist():
    for block in SHELL:
        for argv in map(_argv, _commands(block)):
            if argv[:1] == ["python"] and len(argv) > 1 and argv[1].endswith(".py"):
                assert (ROOT / argv[1]).exists(), f"{block.id}: {argv[1]} does not exist"


# ----------------------------------------------------------------------------- corpus examples

JSON_RECORDS = [
    block for page in PAGES for block in read_blocks(page) if block.language == "json" and block.code.lstrip().startswith("{")
]


@pytest.mark.parametrize("block", JSON_RECORDS, ids=[block.id for block in JSON_RECORDS])
def test_corpus_examples_are_valid(block):
    """A corpus record shown in the docs passes the validator; an authoring record builds into one."""
    from conflictnlp.authoring import build_record
    from conflictnlp.validate import check_record

    record = json.loads(block.code)
    if "paragraphs" in record:
        record = build_record(record, where=block.id)
    assert "text" in record, f"{block.id}: neither a corpus nor an authoring record"
    assert check_record(record, block.id) == []


def test_annotation_authoring_example_builds_the_corpus_example():
    from conflictnlp.authoring import build_record

    corpus, authoring = [json.loads(b.code) for b in read_blocks(DOCS / "annotation.md") if b.language == "json"][:2]
    assert "paragraphs" in authoring and "text" in corpus
    assert build_record(authoring) == corpus, "docs/annotation.md: the authoring example does not build the corpus example"


# ----------------------------------------------------------------------------- config tables

CONFIG_PAGES = {
    "pipeline.md": "conflict_sentences",
    "counts.md": "conflict_counts",
    "attribution.md": "conflict_attribution",
    "hedging.md": "conflict_hedging",
    "claims.md": "conflict_claims",
}


def documented_options(page: Path) -> List[str]:
    """The option names in the first column of the page's config table(s).

    A config table is a markdown table whose first header cell is ``setting``, ``option`` or
    ``config``; a cell may name several options (`` `vague`, `units` ``).
    """
    names: List[str] = []
    lines = page.read_text(encoding="utf8").splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("|") or (i and lines[i - 1].startswith("|")):
            continue  # not the header of a table
        header = _split_table_line(line)
        if header[0].strip().lower() not in {"setting", "option", "config"}:
            continue
        row = i + 2
        while row < len(lines) and lines[row].startswith("|"):
            names.extend(re.findall(r"`([A-Za-z_][\w.]*)`", _split_table_line(lines[row])[0]))
            row += 1
    return names


@pytest.mark.parametrize("page, factory", sorted(CONFIG_PAGES.items()))
def test_config_table_matches_default_config(page, factory, nlp):
    documented = documented_options(DOCS / page)
    assert documented, f"docs/{page} has no config table (first column `setting`)"
    actual = list(nlp.get_factory_meta(factory).default_config)
    assert len(documented) == len(set(documented)), f"docs/{page}: an option is listed twice: {documented}"
    missing, unknown = set(actual) - set(documented), set(documented) - set(actual)
    assert not missing and not unknown, (
        f"docs/{page}: the config table lacks {sorted(missing)} and names {sorted(unknown)} that "
        f"{factory}'s default_config does not have"
    )


def _documented_defaults(page: Path) -> Dict[str, str]:
    defaults = {}
    lines = page.read_text(encoding="utf8").splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("|") or (i and lines[i - 1].startswith("|")):
            continue
        header = [cell.lower() for cell in _split_table_line(line)]
        if header[0] not in {"setting", "option", "config"} or "default" not in header:
            continue
        column = header.index("default")
        row = i + 2
        while row < len(lines) and lines[row].startswith("|"):
            cells = _split_table_line(lines[row])
            for name in re.findall(r"`([A-Za-z_][\w.]*)`", cells[0]):
                defaults[name] = cells[column]
            row += 1
    return defaults


@pytest.mark.parametrize("page, factory", sorted(CONFIG_PAGES.items()))
def test_config_table_defaults_match(page, factory, nlp):
    """A default written as a JSON scalar (`null`, `true`, `1.0`, `"table"`) is the real one;
    a registered function (scorer, architecture) is named in its cell."""
    defaults = nlp.get_factory_meta(factory).default_config
    for name, cell in _documented_defaults(DOCS / page).items():
        if isinstance(defaults.get(name), dict):
            registered = [value for key, value in defaults[name].items() if key.startswith("@")]
            assert all(value in cell for value in registered), f"docs/{page}: `{name}` default is {registered}, shown as {cell}"
            continue
        match = re.match(r"^`?([^`(]+?)`?(?:\s*\(.*)?$", cell)
        if not match or name not in defaults:
            continue
        written = match.group(1).strip()
        try:
            value = json.loads(written)
        except ValueError:
            continue  # prose ("`conflictnlp.HedgeClassifier.v1` with hashed embeddings")
        if isinstance(value, (dict, list)):
            continue
        assert value == defaults[name] and type(value) is type(defaults[name]), (
            f"docs/{page}: `{name}` default is shown as {written}, it is {defaults[name]!r}"
        )


# ----------------------------------------------------------------------------- the index


def _index() -> str:
    return (DOCS / "index.md").read_text(encoding="utf8")


def test_index_links_every_page_and_only_pages_that_exist():
    linked = set(re.findall(r"\]\(([\w-]+\.md)\)", _index()))
    pages = {page.name for page in PAGES} - {"index.md"}
    assert not linked - pages, f"docs/index.md links pages that do not exist: {sorted(linked - pages)}"
    assert not pages - linked, f"docs/index.md does not list {sorted(pages - linked)}"


def _tree_modules(code: str) -> set:
    """The module paths a tree block names ("counts/reader.py"), folders read from indentation."""
    named, folders = set(), []  # folders: (indent, name) of the enclosing folders
    for line in code.splitlines()[1:]:  # the first line is src/conflictnlp/ itself
        indent = len(line) - len(line.lstrip())
        if indent == 0:
            break  # components/, tests/: outside the package
        folders = [(i, name) for i, name in folders if i < indent]
        prefix = "".join(name for _, name in folders)
        words = re.findall(r"\b[a-z_]+(?:\.py|/)", line)
        for word in words:
            if word.endswith("/"):
                folders.append((indent, word))
                break
            named.add(prefix + word)
    return named


def test_architecture_lists_every_module():
    block = next(b for b in read_blocks(DOCS / "architecture.md") if "src/conflictnlp/" in b.code)
    package = ROOT / "src" / "conflictnlp"
    modules = {str(p.relative_to(package)) for p in package.rglob("*.py")}
    modules -= {m for m in modules if m.endswith("__init__.py") and "/" in m}
    named = _tree_modules(block.code)
    assert not modules - named, f"docs/architecture.md's tree does not list {sorted(modules - named)}"
    assert not named - modules, f"docs/architecture.md's tree lists {sorted(named - modules)}, which do not exist"


DOCTESTED = sorted(
    ".".join(("conflictnlp",) + path.relative_to(ROOT / "src" / "conflictnlp").with_suffix("").parts).replace(".__init__", "")
    for path in (ROOT / "src" / "conflictnlp").rglob("*.py")
    if ">>>" in path.read_text(encoding="utf8")
)


@pytest.mark.parametrize("module", DOCTESTED)
def test_module_docstring_examples(module, nlp, monkeypatch):
    """The ``>>>`` examples in the package's docstrings (``conflictnlp.numbers`` ...) hold."""
    import doctest
    import importlib

    import conflictnlp

    original_load = conflictnlp.load

    def load(base=None, **kwargs):
        return nlp if base is None and not kwargs else original_load(base, **kwargs)

    monkeypatch.setattr(conflictnlp, "load", load)
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted and not result.failed, f"{module}: {result.failed} of {result.attempted} docstring examples fail"


RUNNABLE = [
    (where, argv)
    for where, argv in CLI_COMMANDS
    if where.startswith("cli.md")
    and argv[0] in {"extract", "compare", "corpus"}
    and all(any(ROOT.glob(word)) for word in argv[1:] if "/" in word)
    and any("/" in word for word in argv[1:])
]


@pytest.mark.parametrize("where, argv", RUNNABLE, ids=[f"{w}:{' '.join(a)[:40]}" for w, a in RUNNABLE])
def test_cli_examples_with_shipped_inputs_run(where, argv, nlp, monkeypatch):
    import conflictnlp.pipeline
    from conflictnlp.cli import main

    original_load = conflictnlp.pipeline.load

    def load(base=None, **kwargs):  # the CLI's pipeline is the session's
        return nlp if base is None and not kwargs else original_load(base, **kwargs)

    monkeypatch.setattr(conflictnlp.pipeline, "load", load)
    monkeypatch.chdir(ROOT)
    expanded = [  # the shell's glob expansion
        part for word in argv for part in (sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(word)) if "*" in word else [word])
    ]
    out = io.StringIO()
    assert main(expanded, stdout=out) == 0, f"{where}: conflictnlp {' '.join(argv)} fails"
    assert out.getvalue().strip(), f"{where}: conflictnlp {' '.join(argv)} prints nothing"
