"""The conflictnlp command line: formats, stdin, bad inputs named on stderr, exit codes."""

import csv
import io
import json
import subprocess
import sys

import pytest

from conflictnlp.cli import main

REPORT = "Russia has amassed some 50,000 troops, a US official said. An assault is expected."


def run(argv, stdin_text=None):
    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf8"))) if stdin_text is not None else None
    code = main(argv, stdout=out, stdin=stdin)
    return code, out.getvalue()


@pytest.fixture()
def files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf8")
    second = tmp_path / "second.txt"
    second.write_text("Ukraine said 12 tanks were destroyed.", encoding="utf8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf8")
    binary = tmp_path / "binary.bin"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Les soldats fran\xe7ais".encode("latin-1"))
    lines = tmp_path / "docs.jsonl"
    lines.write_text(json.dumps({"text": REPORT, "meta": {"id": "a"}}) + "\n\n" + json.dumps({"text": "Second doc."}) + "\n", encoding="utf8")
    return {"good": good, "second": second, "empty": empty, "binary": binary, "latin": latin, "lines": lines,
            "missing": tmp_path / "missing.txt", "dir": tmp_path}


def test_jsonl_one_object_per_document_in_order(files):
    code, out = run(["extract", str(files["good"]), str(files["second"])])
    assert code == 0
    objects = [json.loads(line) for line in out.splitlines()]
    assert [o["meta"]["path"] for o in objects] == [str(files["good"]), str(files["second"])]
    assert all(o["schema"] == "conflictnlp/1" for o in objects)
    assert objects[0]["text"] == REPORT


def test_jsonl_input_one_document_per_line(files):
    code, out = run(["extract", str(files["lines"])])
    objects = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(objects) == 2
    assert objects[0]["meta"] == {"id": "a", "path": str(files["lines"]), "line": 1}
    assert objects[1]["meta"]["line"] == 3


def test_stdin(files):
    code, out = run(["extract", "-"], stdin_text=REPORT)
    assert code == 0
    assert json.loads(out)["meta"] == {"path": "-"}


def test_stdin_jsonl(files):
    code, out = run(["extract", "--input-format", "jsonl", "-"], stdin_text='{"text": "One."}\n{"text": "Two."}\n')
    assert code == 0 and len(out.splitlines()) == 2


@pytest.mark.parametrize(
    "key,message",
    [
        ("missing", "missing.txt: no such file"),
        ("empty", "empty.txt: empty input"),
        ("binary", "binary.bin: binary file"),
        ("latin", "latin.txt: not UTF-8 text"),
        ("dir", "is a directory"),
    ],
)
def test_bad_input_is_named_and_others_still_processed(files, key, message, capsys):
    code, out = run(["extract", str(files["good"]), str(files[key]), str(files["second"])])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert [json.loads(line)["meta"]["path"] for line in out.splitlines()] == [str(files["good"]), str(files["second"])]


def test_bad_jsonl_lines_are_named(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Fine."}\n{oops\n{"txt": "x"}\n', encoding="utf8")
    code, out = run(["extract", str(path)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1 and len(out.splitlines()) == 1
    assert "bad.jsonl, line 2: invalid JSON" in err[0]
    assert 'bad.jsonl, line 3: expected an object with a "text" string' in err[1]


@pytest.mark.parametrize("argv,message", [
    (["extract", "--format", "xml", "x"], "--format xml: unknown output format"),
    (["extract", "--input-format", "pdf", "x"], "--input-format pdf: unknown input format"),
    (["extract", "--base", "no_such_pipeline_xyz", "x"], "cannot load base pipeline 'no_such_pipeline_xyz'"),
])
def test_usage_errors_are_one_line(argv, message, capsys):
    code, _ = run(argv)
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_csv_has_header_and_one_row_per_count(files):
    code, out = run(["extract", "--format", "csv", str(files["good"])])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert rows and rows[0]["path"] == str(files["good"])
    assert "value" in rows[0] and "qualifier" in rows[0]


def test_table_names_each_document(files):
    code, out = run(["extract", "--format", "table", str(files["good"]), str(files["second"])])
    assert code == 0
    assert f"== {files['good']}" in out and f"== {files['second']}" in out


def test_module_entry_point_runs_without_traceback(files):
    result = subprocess.run(
        [sys.executable, "-m", "conflictnlp", "extract", str(files["missing"]), str(files["good"])],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert result.stderr.strip().startswith("conflictnlp: error:") and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["meta"]["path"] == str(files["good"])


def test_no_command_prints_help(capsys):
    code, _ = run([])
    assert code == 2 and "extract" in capsys.readouterr().err


class _FakeTerminal(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self._tty = tty

    def isatty(self):
        return self._tty


@pytest.mark.parametrize("tty,total,shown", [(True, 3, True), (False, 3, False), (True, 1, False)])
def test_progress_bar_only_on_a_terminal_and_for_several_files(tty, total, shown):
    from conflictnlp.cli import Progress

    stream = _FakeTerminal(tty)
    progress = Progress(total, stream=stream)
    for n in range(total):
        progress.step(f"file{n}.txt")
    progress.close()
    assert (f"{total}/{total}" in stream.getvalue()) is shown
