"""The README's examples run, and print what the README says they print."""

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def _blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(encoding="utf8"), flags=re.S)


def _namespace():
    # Installed, the factories come from entry points; from a source checkout they need the
    # import. (test_package.py checks the entry points in a fresh interpreter.)
    import conflictnlp.pipeline

    conflictnlp.pipeline._import_components()
    return {}


def test_python_examples_run_and_print_what_the_readme_shows():
    namespace = _namespace()
    for block in _blocks("python"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, str(README), "exec"), namespace)  # noqa: S102 - our own README
        printed = [line.rstrip() for line in out.getvalue().splitlines()]
        shown = [line[2:].rstrip() for line in block.splitlines() if line.startswith("# ") and not line.startswith("# {")]
        expected_prints = [line for line in shown if line.split(" ")[0] in {"some", "certain", "probable"}]
        for line in expected_prints:
            assert line in printed, (line, printed)


def test_comparison_output_matches():
    namespace = _namespace()
    for block in _blocks("python"):
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(block, str(README), "exec"), namespace)  # noqa: S102
    table = namespace["conflictnlp"].compare(
        {name: namespace["nlp"](text) for name, text in namespace["reports"].items()}
    ).table()
    assert "SOURCES DISAGREE" in table
    for figure in ("60,000", "~45,000", "~30,000"):
        assert figure in table


def test_example_report_counts_match_the_readme_table():
    import conflictnlp

    nlp = conflictnlp.load()
    text = (README.parent / "examples" / "report.txt").read_text(encoding="utf8")
    counts = conflictnlp.to_dict(nlp(text))["counts"]
    shown = README.read_text(encoding="utf8").split("== examples/report.txt")[1].split("cue ")[0]
    for count in counts:
        assert count["text"] in shown, count["text"]


def test_readme_table_is_the_cli_output(monkeypatch):
    import io

    from conflictnlp.cli import main

    monkeypatch.chdir(README.parent)  # the README shows the relative path
    out = io.StringIO()
    assert main(["extract", "examples/report.txt", "--format", "table"], stdout=out) == 0
    text = README.read_text(encoding="utf8")
    start = text.index("== examples/report.txt")
    shown = text[start : text.index("```", start)]
    assert shown.strip() == out.getvalue().strip()
