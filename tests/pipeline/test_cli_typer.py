"""The command line on typer: case-insensitive validated choices, help for every argument and
option, usage errors as one line, the input format read from the content, progress over documents."""

import io
import json
import re

import pytest

from conflictnlp.cli import EXIT_INPUT_ERROR, EXIT_USAGE, Progress, detect_format, main, InputError
from conflictnlp.commands import subcommands

FIRST = "The garrison commander said 1,200 marines had landed near the harbour."
SECOND = "Rebel fighters claimed that about 300 militiamen were surrounded, a spokesman said."
THIRD = "Officials reported 45 armoured vehicles destroyed in the valley."


def run(argv, stdin_text=None):
    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf8"))) if stdin_text is not None else None
    return main(argv, stdout=out, stdin=stdin), out.getvalue()


@pytest.fixture()
def paths(tmp_path):
    text = tmp_path / "landing.txt"
    text.write_text(FIRST, encoding="utf8")
    texts = tmp_path / "three.jsonl"
    texts.write_text("".join(json.dumps({"text": t}) + "\n" for t in (FIRST, SECOND, THIRD)), encoding="utf8")
    return {"txt": str(text), "jsonl": str(texts), "out": str(tmp_path / "out.jsonl")}


def _fill(argv, paths):
    return [word.format(**paths) for word in argv]


# ----------------------------------------------------------------------------- choices

CASES = [  # the same command with the choice in other cases: the same output
    (["extract", "{txt}", "--format", "TABLE"], ["extract", "{txt}", "--format", "table"]),
    (["extract", "{txt}", "--format=Csv"], ["extract", "{txt}", "--format", "csv"]),
    (["extract", "{txt}", "--format", "Html", "--html-style", "DISPLACY"], ["extract", "{txt}", "--format", "html", "--html-style", "displacy"]),
    (["extract", "{jsonl}", "--input-format", "JSONL"], ["extract", "{jsonl}", "--input-format", "jsonl"]),
    (["compare", "{txt}", "--format", "JSONL"], ["compare", "{txt}", "--format", "jsonl"]),
]


@pytest.mark.parametrize("argv, lower", CASES, ids=[" ".join(c[0][2:]) for c in CASES])
def test_choices_are_case_insensitive(argv, lower, paths):
    code, out = run(_fill(argv, paths))
    assert code == 0 and out
    assert (code, out) == run(_fill(lower, paths))


BAD = [  # a usage error: one line that names it, exit code 2
    (["extract", "{txt}", "--format", "xml"], "--format xml: unknown output format (choose from jsonl, table, csv, html, parquet)"),
    (["compare", "{txt}", "--format", "html"], "--format html: unknown output format (choose from table, csv, jsonl)"),
    (["extract", "{txt}", "--input-format", "yaml"], "--input-format yaml: unknown input format (choose from auto, text, jsonl)"),
    (["extract", "{txt}", "--html-style=boxes"], "--html-style boxes: unknown style (choose from article, displacy)"),
    (["corpus", "export", "--to", "brat", "{txt}", "--out", "{out}"], "brat: unknown annotation tool (choose from prodigy, doccano, labelstudio, spacy)"),
    (["corpus", "import", "--from", "spacy", "{txt}", "--out", "{out}"], "spacy: unknown annotation tool (choose from prodigy, doccano, labelstudio)"),
    (["extract", "{txt}", "--colour"], "extract: No such option: --colour"),
    (["extract"], "extract: Missing argument 'PATH'"),
    (["extract", "{txt}", "--batch-size", "many"], "extract: Invalid value for '--batch-size'"),
    (["compare", "{txt}", "--tolerance"], "Option '--tolerance' requires an argument"),
    (["corpus", "import", "{txt}", "--out", "{out}"], "corpus import: Missing option '--from'. Choose from: prodigy, doccano, labelstudio"),
    (["corpus"], "corpus: choose an action: validate, build, import, export, labelstudio-config"),
    (["summarise", "{txt}"], "No such command 'summarise'"),
]


@pytest.mark.parametrize("argv, message", BAD, ids=[m[:40] for _, m in BAD])
def test_usage_error_is_one_line(argv, message, paths, capsys):
    code, out = run(_fill(argv, paths))
    err = capsys.readouterr().err
    assert code == EXIT_USAGE and not out
    assert err.count("\n") == 1 and err.startswith("conflictnlp: error: "), err
    assert message in err and "Traceback" not in err


def test_version(capsys):
    assert main(["--version"]) == 0
    assert re.fullmatch(r"conflictnlp \d+\.\d+\.\d+.*\n", capsys.readouterr().out)


# ----------------------------------------------------------------------------- help

COMMANDS = sorted(subcommands())


@pytest.mark.parametrize("command", COMMANDS)
def test_every_argument_and_option_has_help(command, capsys):
    assert main(command.split() + ["--help"]) == 0
    shown = capsys.readouterr().out
    params = subcommands()[command].params
    lacking = [param.name for param in params if not (param.help or "").strip()]
    assert not lacking, f"`{command}`: no help for {lacking}"
    for param in params:
        for flag in [*param.opts, *param.secondary_opts] if param.param_type_name == "option" else []:
            assert flag in shown, f"`{command} --help` does not list {flag}"
        if param.param_type_name == "argument":
            assert param.help in " ".join(shown.split()), f"`{command} --help` does not explain {param.name}"


def test_every_command_has_help(capsys):
    assert main(["--help"]) == 0
    shown = capsys.readouterr().out
    for command, found in subcommands().items():
        assert (found.help or "").strip(), f"`{command}` has no help"
        if " " not in command:
            assert command in shown


# ----------------------------------------------------------------------------- input format by content

def _export_lines(paths):
    code, out = run(["extract", paths["jsonl"]])
    assert code == 0 and len(out.splitlines()) == 3
    return out


def test_compare_reads_a_saved_export_from_stdin_without_input_format(paths):
    saved = _export_lines(paths)
    code, out = run(["compare", "-", "--format", "jsonl"], stdin_text=saved)
    assert code == 0
    assert (code, out) == run(["compare", "-", "--format", "jsonl", "--input-format", "jsonl"], stdin_text=saved)
    rows = [json.loads(line) for line in out.splitlines()]
    assert {row["value"] for row in rows if row.get("value") is not None} >= {1200, 45}


def test_a_txt_file_of_jsonl_lines_is_read_as_jsonl(paths, tmp_path):
    disguised = tmp_path / "exports.txt"
    disguised.write_text(_export_lines(paths), encoding="utf8")
    code, out = run(["extract", str(disguised)])
    assert code == 0 and [json.loads(line)["text"] for line in out.splitlines()] == [FIRST, SECOND, THIRD]


def _export_line():
    return json.dumps({"schema": "conflictnlp/1", "text": THIRD, "counts": [], "attributions": []})


DETECT = [
    ("records with text", "\n".join(json.dumps({"text": t}) for t in (FIRST, SECOND)), "jsonl"),
    ("a saved export", _export_line() + "\n", "jsonl"),
    ("blank lines first", "\n  \n" + json.dumps({"text": FIRST}) + "\r\n", "jsonl"),
    ("an object without text", json.dumps({"headline": FIRST}) + "\n", "jsonl"),
    ("plain text", FIRST + "\n\n" + SECOND + "\n", "text"),
    ("a text opening with a brace", "{Dispatch} " + FIRST + "\n" + SECOND, "text"),
    ("a text with an object without text", FIRST + "\n" + json.dumps({"unit": "3rd brigade"}) + "\n", "text"),
    ("a JSON list", json.dumps([FIRST, SECOND]) + "\n", "text"),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in DETECT], ids=[c[0] for c in DETECT])
def test_detect_format(text, expected):
    assert detect_format(text, "<stdin>") == expected


MIXED = [
    ("text, then records", FIRST + "\n" + json.dumps({"text": SECOND}) + "\n", "line 1 is plain text, line 2 is a JSON object with \"text\""),
    ("records, then text", json.dumps({"text": FIRST}) + "\n\n" + SECOND + "\n", "line 1 is a JSON object, line 3 is not"),
    ("an export, then text", _export_line() + "\n" + THIRD + "\n", "line 1 is a JSON object, line 2 is not"),
]


@pytest.mark.parametrize("text, message", [c[1:] for c in MIXED], ids=[c[0] for c in MIXED])
def test_mixed_input_is_one_clear_line(text, message, capsys):
    with pytest.raises(InputError, match=message):
        detect_format(text, "<stdin>")
    code, out = run(["compare", "-"], stdin_text=text)
    err = capsys.readouterr().err
    assert code == EXIT_INPUT_ERROR
    assert err.splitlines()[0] == f"conflictnlp: error: <stdin>: mixed input: {message}; name the format with --input-format jsonl or text"


def test_named_input_format_is_not_second_guessed(paths):
    code, out = run(["extract", "-", "--input-format", "text"], stdin_text=json.dumps({"text": FIRST}))
    assert code == 0 and json.loads(out)["text"] == json.dumps({"text": FIRST})


# ----------------------------------------------------------------------------- progress

class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_counts_documents_with_rate_and_eta(paths, capsys):
    code, _ = run(["extract", paths["jsonl"], "--progress"])
    err = capsys.readouterr().err
    assert code == 0
    assert re.search(r"3/3 \[\d\d:\d\d<\d\d:\d\d, +[\d.]+doc/s", err), err  # three documents of one file, rate, ETA


@pytest.mark.parametrize("flag, shown", [([], True), (["--no-progress"], False), (["--progress"], True)])
def test_progress_on_a_terminal_unless_turned_off(flag, shown, paths, monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert run(["extract", paths["jsonl"], paths["txt"], *flag])[0] == 0
    assert ("4/4" in terminal.getvalue()) is shown


def test_no_progress_without_a_terminal(paths, capsys):
    assert run(["extract", paths["jsonl"]])[0] == 0
    assert capsys.readouterr().err == ""


def test_progress_of_compare_over_saved_exports(paths, capsys):
    saved = _export_lines(paths)
    capsys.readouterr()
    assert run(["compare", "-", "--progress"], stdin_text=saved)[0] == 0
    assert "3/3" in capsys.readouterr().err


def test_progress_total_grows_as_inputs_are_read():
    stream = io.StringIO()
    progress = Progress(2, stream=stream, show=True)
    progress.grow(4)  # the first input held five documents
    for n in range(6):
        progress.step(f"doc{n}")
    progress.close()
    assert progress.bar.total == 6 and "6/6" in stream.getvalue()
