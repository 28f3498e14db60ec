"""Hostile inputs to the command line: one bad document gets a one-line error naming it, and
every other document's output is still written (issue 16, findings 1 and 2)."""

import io
import json

import pytest

from conflictnlp.cli import main
from conflictnlp.counts.numbers import MAX_FIGURE, parse_number_tokens, parse_numeral
from pipeline_helpers import pipeline_that

GOOD = "Rebels said 40 soldiers were killed near the dam."
LATER = "The army said it lost 12 tanks."


def run(argv, stdin_text=None):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf8"))) if stdin_text is not None else None
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(argv, stdout=out, stdin=stdin)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "text",
    [
        "9" * 400 + " troops were killed.",  # a float overflows to infinity
        "1" + ",000" * 110 + " troops were killed.",
        "1." + ".".join(["000"] * 120) + " troops",  # dot groups: an int too large for a float
        "1" + "\u00a0000" * 200 + " troops",  # no-break space groups
    ],
)
def test_huge_digit_runs_are_no_figures_and_do_not_crash(text):
    code, out, err = run(["extract", "-", "--input-format", "jsonl"], json.dumps({"text": text}) + "\n" + json.dumps({"text": LATER}))
    assert code == 0, err
    exports = [json.loads(line) for line in out.splitlines()]
    assert [len(e["counts"]) for e in exports] == [0, 1]


def test_numbers_past_the_largest_figure_are_not_read():
    assert parse_numeral("9" * 400) is None
    assert parse_numeral("9" * 16) is None
    assert parse_numeral("1" + ",000" * 5) == MAX_FIGURE
    assert parse_number_tokens(["9" * 40]) is None
    assert parse_number_tokens(["11,000"]).value == 11000


def test_deeply_nested_json_line_is_one_error_and_the_rest_is_kept():
    nested = "[" * 100_000 + "]" * 100_000
    lines = "\n".join([json.dumps({"text": GOOD}), nested, json.dumps({"text": LATER})])
    code, out, err = run(["extract", "-", "--input-format", "jsonl"], lines)
    assert code == 1
    assert [len(json.loads(line)["counts"]) for line in out.splitlines()] == [1, 1]
    assert "<stdin>, line 2: JSON nested too deeply" in err
    assert "Traceback" not in err


def test_a_document_that_breaks_the_pipeline_loses_no_other_document(monkeypatch):
    import conflictnlp.pipeline

    real_load = conflictnlp.pipeline.load

    def load(base=None, **kwargs):
        nlp = real_load(base, **kwargs)

        class Breaking:
            max_length = nlp.max_length

            def __call__(self, text):
                if "sabotage" in text:
                    raise RuntimeError("a component failed\nwith a second line")
                return nlp(text)

        return Breaking()

    monkeypatch.setattr(conflictnlp.pipeline, "load", load)
    lines = "\n".join(json.dumps({"text": t}) for t in [GOOD, "A sabotage text.", LATER])
    code, out, err = run(["extract", "-", "--input-format", "jsonl"], lines)
    assert code == 1
    assert len(out.splitlines()) == 2
    assert err.strip().splitlines() == ["conflictnlp: error: -, line 2: RuntimeError: a component failed"]
    assert "Traceback" not in err and "second line" not in err


def _export_line(text):
    out = io.StringIO()
    main(["extract", "-", "--input-format", "jsonl"], stdout=out, stdin=io.TextIOWrapper(io.BytesIO(json.dumps({"text": text}).encode())))
    return json.loads(out.getvalue())


def _forged(export, change):
    forged = json.loads(json.dumps(export))
    change(forged)
    return forged


FORGERIES = [
    # what is changed | what the one-line error says
    (lambda e: e["counts"][0].pop("start"), 'counts[0]: needs integer "start" and "end"'),
    (lambda e: e["counts"][0].update(end=10**6), "counts[0]: offsets"),
    (lambda e: e["counts"][0].update(value="many"), 'counts[0]: field "value" has the wrong type'),
    (lambda e: e["claims"][0].update(count=99), 'claims[0]: field "count" is no index into counts'),
    (lambda e: e["claims"][0].update(attribution=-1), 'claims[0]: field "attribution" is no index into attributions'),
    (lambda e: e["attributions"][0].update(cue=None), "attributions[0]: must be a span object"),
    (lambda e: e["attributions"][0].update(via="x"), 'attributions[0]: field "via" must be a list'),
    (lambda e: e.update(sentences=[1, 2]), 'field "sentences" must be a list of objects'),
    (lambda e: e["sentences"][0].update(start=-5), "sentences[0]: offsets -5:"),
]


@pytest.mark.parametrize("change,message", FORGERIES)
def test_compare_names_a_forged_export_and_compares_the_rest(change, message):
    """A saved export that was cut or edited is one error; the other documents are still compared."""
    good = _export_line(GOOD)
    other = _export_line("Rebels said 45 soldiers were killed near the dam.")
    assert good["counts"] and good["claims"] and good["attributions"]
    lines = "\n".join(json.dumps(e) for e in [good, _forged(good, change), other])
    code, out, err = run(["compare", "-", "--input-format", "jsonl", "--format", "jsonl"], lines)
    assert code == 1
    [line] = err.strip().splitlines()
    assert line.startswith(f"conflictnlp: error: <stdin>, line 2: not a usable conflictnlp export ({message}")
    assert "Traceback" not in err
    assert out.strip()  # the two good documents were compared


def test_evaluate_validates_the_corpus_first(tmp_path):
    """Malformed gold is reported as the validator's one-line problems, before any model loads."""
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "Some 300 troops left.", "counts": [{"start": 0}]}) + "\n", encoding="utf8")
    code, out, err = run(["evaluate", str(bad)])
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines and all(line.startswith(f"conflictnlp: error: {bad}, line 1: counts[0]") for line in lines)
    assert "Traceback" not in err


def test_an_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf8")
    code, out, err = run(["corpus", "export", "corpus/dev.jsonl", "--to", "prodigy", "--out", str(blocker / "tasks.jsonl")])
    assert code == 1
    [line] = err.strip().splitlines()
    assert line.startswith(f"conflictnlp: error: {blocker}") and ": cannot write (" in line  # a file where a folder must be


def test_a_full_disk_is_one_line(monkeypatch):
    class Full(io.StringIO):
        def write(self, text):
            import errno

            raise OSError(errno.ENOSPC, "No space left on device")

    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["extract", "-"], stdout=Full(), stdin=io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    assert code == 1
    assert err.getvalue().strip() == "conflictnlp: error: standard output: cannot write (No space left on device)"


def test_closed_stdin_is_one_line():
    stdin = io.TextIOWrapper(io.BytesIO(b""))
    stdin.close()
    out, err_stream = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err_stream):
        code = main(["extract", "-"], stdout=out, stdin=stdin)
    assert code == 1
    assert err_stream.getvalue().strip() == "conflictnlp: error: <stdin>: no standard input (it is closed)"



def test_html_pages_stream_and_survive_ctrl_c(monkeypatch):
    """Each document's figure is written when it is done, and Ctrl-C leaves a complete page of the
    documents done so far (before, the page was built in memory and lost)."""
    out = io.StringIO()
    seen_before = []

    def on_text(text):
        seen_before.append(out.getvalue().count("<figure"))
        if "interrupt" in text:
            raise KeyboardInterrupt

    pipeline_that(monkeypatch, on_text)
    lines = "\n".join(json.dumps({"text": t}) for t in [GOOD, LATER, "Then an interrupt came.", GOOD])
    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["extract", "-", "--input-format", "jsonl", "--format", "html", "--batch-size", "1"], stdout=out,
                    stdin=io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert code == 130 and "interrupted" in err.getvalue()
    assert seen_before == [0, 1, 2]  # the first figure was out before the second document was read
    page = out.getvalue()
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>") and page.count("<figure") == 2


def test_worker_processes_give_the_serial_output_in_order():
    """--n-process 2: the same exports, in input order, with a bad input kept in its place."""
    texts = [GOOD, LATER, "Officials said 7 civilians died.", "The army lost 3 drones."] * 3
    lines = "\n".join(json.dumps({"text": t}) for t in texts[:6]) + "\n{broken\n" + "\n".join(json.dumps({"text": t}) for t in texts[6:])
    serial = run(["extract", "-", "--input-format", "jsonl"], lines)
    parallel = run(["extract", "-", "--input-format", "jsonl", "--n-process", "2", "--batch-size", "2"], lines)
    assert serial[0] == parallel[0] == 1
    assert serial[1] == parallel[1] and len(serial[1].splitlines()) == 12
    assert serial[2] == parallel[2] and "line 7: invalid JSON" in serial[2]


def test_a_failing_document_in_a_batch_is_retried_alone(monkeypatch):
    """nlp.pipe over a batch fails as a whole: each document is run alone, so only the bad one is lost."""
    from conflictnlp.runner import Failure, run_exports

    import conflictnlp

    real = conflictnlp.load()

    class Fragile:
        max_length = real.max_length

        def __call__(self, text):
            if "sabotage" in text:
                raise RuntimeError("broken")
            return real(text)

        def pipe(self, texts, batch_size=1):
            for text in texts:
                yield self(text)

    items = [(t, {"path": str(i)}) for i, t in enumerate([GOOD, "A sabotage text.", LATER])]
    results = list(run_exports(Fragile(), items, batch_size=3))
    assert [type(r).__name__ for r in results] == ["dict", "Failure", "dict"]
    assert results[1] == Failure({"path": "1"}, "RuntimeError: broken")
    with pytest.raises(ValueError, match="at least 1"):
        list(run_exports(Fragile(), items, batch_size=0))
