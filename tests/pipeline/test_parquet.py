"""Archives in, Parquet out: `extract ARCHIVE... --format parquet --out DIR` (conflictnlp.archive)."""

import gzip
import io
import json
import sys

import pytest

from conflictnlp.archive import SCHEMAS, TABLES, export_rows
from pipeline_helpers import pipeline_that

# Our own sentences (war reporting, invented figures and places).
TEXTS = [
    "About 1,300 Valdorian soldiers were killed near Kessel, the defence ministry said on Sunday.",
    "Up to 40 tanks were destroyed, a military spokesman told reporters. More losses may follow.",
    "The Ostrava brigade lost 220 troops, according to regional officials.",
    "Nearly 5,000 people were displaced last week, the UN agency said.",
    "Some 900 fighters were captured, Marenian state television reported.",
    "No figures were given.",
    "At least 75 soldiers were wounded, officials said, citing field commanders.",
]
META = [{"id": f"art-{i}", "date": "2024-11-13", "outlet": ("Kessel Herald", "Border Wire")[i % 2],
         "url": f"https://news.example/{i}", "section": "front"} for i in range(len(TEXTS))]


@pytest.fixture()
def pa():
    return pytest.importorskip("pyarrow")


def write_gz(path, records, extra_lines=()):
    with gzip.open(path, "wt", encoding="utf8") as lines:
        for record in records:
            lines.write(json.dumps(record) + "\n")
        for line in extra_lines:
            lines.write(line + "\n")
    return str(path)


def flat_records(texts=TEXTS, metas=META):
    return [dict(meta, text=text) for text, meta in zip(texts, metas)]


def read(out, table):
    import pyarrow.parquet as pq

    return pq.read_table(str(out / f"{table}.parquet")).to_pylist()


def jsonl_export(cli_run, path):
    code, out, err = cli_run(["extract", path, "--format", "jsonl"])
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_jsonl_gz_round_trip_equals_the_jsonl_export(cli_run, pa, tmp_path):
    archive = write_gz(tmp_path / "war.jsonl.gz", flat_records())
    code, out, err = cli_run(["extract", archive, "--format", "parquet", "--out", str(tmp_path / "out")])
    assert code == 0, err
    assert out == f"7 documents (0 errors, 0 skipped as done before) written to {tmp_path / 'out'}\n"
    records = jsonl_export(cli_run, archive)
    expected = {table: [row for record in records for row in export_rows(record)[table]] for table in TABLES}
    for table in TABLES:
        rows = read(tmp_path / "out", table)
        assert [list(row) for row in rows[:1]] == [[name for name, _ in SCHEMAS[table]]] * min(1, len(rows))
        assert rows == [{name: row.get(name) for name, _ in SCHEMAS[table]} for row in expected[table]], table
    assert sum(len(r["counts"]) for r in records) >= 6  # the texts do give rows to compare
    counts = read(tmp_path / "out", "counts")
    first = records[0]["counts"][0]
    assert {k: counts[0][k] for k in first} == first  # a count's fields, unflattened


def test_parquet_input_keeps_the_meta_columns(cli_run, pa, tmp_path):
    import datetime

    import pyarrow.parquet as pq

    columns = {"id": list(range(100, 107)), "date": [datetime.date(2024, 11, 13)] * 7,
               "outlet": [m["outlet"] for m in META], "url": [m["url"] for m in META],
               "section": ["front"] * 7, "body": TEXTS}
    archive = str(tmp_path / "war.parquet")
    pq.write_table(pa.table(columns), archive, row_group_size=3)
    code, out, err = cli_run(["extract", archive, "--format", "parquet", "--out", str(tmp_path / "out"),
                          "--text-column", "body"])
    assert code == 0, err
    documents = read(tmp_path / "out", "documents")
    assert [d["doc_id"] for d in documents] == [str(i) for i in range(100, 107)]
    assert {(d["date"], d["outlet"]) for d in documents} == {("2024-11-13", "Kessel Herald"), ("2024-11-13", "Border Wire")}
    assert json.loads(documents[0]["meta"]) == {"id": 100, "date": "2024-11-13", "outlet": "Kessel Herald",
                                                "url": "https://news.example/0", "section": "front",
                                                "path": archive, "row": 1}
    assert documents[0]["text"] == TEXTS[0] and all(d["error"] is None for d in documents)
    attributions = read(tmp_path / "out", "attributions")
    sunday = [a for a in attributions if a["doc_id"] == "100" and a["time_text"] == "on Sunday"]
    assert [(a["date_start"], a["date_end"]) for a in sunday] == [("2024-11-10", "2024-11-10")]  # dated by the date column


def test_parquet_input_gives_the_same_rows_as_jsonl_gz(cli_run, pa, tmp_path):
    import pyarrow.parquet as pq

    archive = str(tmp_path / "war.parquet")
    pq.write_table(pa.Table.from_pylist(flat_records()), archive)
    gz = write_gz(tmp_path / "war.jsonl.gz", flat_records())
    for path, out in ((archive, "a"), (gz, "b")):
        assert cli_run(["extract", path, "--format", "parquet", "--out", str(tmp_path / out)])[0] == 0
    for table in TABLES[1:]:
        assert read(tmp_path / "a", table) == read(tmp_path / "b", table)
    assert [e["counts"] for e in jsonl_export(cli_run, archive)] == [e["counts"] for e in jsonl_export(cli_run, gz)]



def test_a_failing_document_is_an_error_row_and_the_others_are_written(cli_run, pa, tmp_path, monkeypatch):
    def on_text(text):
        if "Ostrava" in text:
            raise RuntimeError("a component failed")

    pipeline_that(monkeypatch, on_text)
    archive = write_gz(tmp_path / "war.jsonl.gz", flat_records(), extra_lines=["{not json"])
    code, out, err = cli_run(["extract", archive, "--format", "parquet", "--out", str(tmp_path / "out"), "--part-size", "3"])
    assert code == 1
    assert err.splitlines() == [f"conflictnlp: error: {archive}, line 3: RuntimeError: a component failed",
                                f"conflictnlp: error: {archive}, line 8: invalid JSON (Expecting property name "
                                "enclosed in double quotes)"]
    documents = read(tmp_path / "out", "documents")
    assert [(d["doc_id"], d["error"] is not None) for d in documents] == [
        ("art-0", False), ("art-1", False), ("art-2", True), ("art-3", False), ("art-4", False),
        ("art-5", False), ("art-6", False), (f"{archive}:8", True)]
    assert documents[2]["outlet"] == "Kessel Herald" and documents[2]["n_counts"] is None
    assert "art-2" not in {c["doc_id"] for c in read(tmp_path / "out", "counts")}
    assert {c["doc_id"] for c in read(tmp_path / "out", "counts")} >= {"art-0", "art-1", "art-6"}


def test_parts_are_written_every_n_documents(cli_run, pa, tmp_path):
    archive = write_gz(tmp_path / "war.jsonl.gz", flat_records())
    assert cli_run(["extract", archive, "--format", "parquet", "--out", str(tmp_path / "out"), "--part-size", "2"])[0] == 0
    names = ["part-000000000-000000002.parquet", "part-000000002-000000004.parquet",
             "part-000000004-000000006.parquet", "part-000000006-000000007.parquet"]
    for table in TABLES:
        assert sorted(p.name for p in (tmp_path / "out" / f"{table}.parquet").iterdir()) == names
    assert len(read(tmp_path / "out", "documents")) == 7


def test_a_rerun_skips_the_done_parts(cli_run, pa, tmp_path, monkeypatch):
    seen = []

    def interrupted(text):
        if text == TEXTS[4]:
            raise KeyboardInterrupt  # Ctrl-C half-way through the third part
        seen.append(text)

    pipeline_that(monkeypatch, interrupted)
    archive = write_gz(tmp_path / "war.jsonl.gz", flat_records())
    argv = ["extract", archive, "--format", "parquet", "--out", str(tmp_path / "out"), "--part-size", "2"]
    assert cli_run(argv)[0] == 130
    assert sorted(p.name for p in (tmp_path / "out" / "_done").iterdir()) == ["000000000-000000002", "000000002-000000004"]
    seen.clear()
    monkeypatch.undo()
    pipeline_that(monkeypatch, seen.append)
    code, out, err = cli_run(argv)
    assert code == 0, err
    assert seen == TEXTS[4:]  # only the documents of the parts not done
    assert "3 documents (0 errors, 4 skipped as done before)" in out
    assert [d["doc_id"] for d in read(tmp_path / "out", "documents")] == [m["id"] for m in META]
    seen.clear()
    assert cli_run(argv)[0] == 0 and seen == []  # all done: nothing runs again
    fresh = tmp_path / "fresh"
    assert cli_run(argv[:4] + ["--out", str(fresh), "--part-size", "2"])[0] == 0
    for table in TABLES:
        assert read(tmp_path / "out", table) == read(fresh, table)


@pytest.mark.parametrize("argv_tail, message", [
    (["--part-size", "3"], "holds the output of other inputs or another --part-size"),
    (["--part-size", "0"], "--part-size 0 / --batch-size 64 / --n-process 1: each must be at least 1"),
])
def test_bad_runs_are_one_line(cli_run, pa, tmp_path, argv_tail, message):
    archive = write_gz(tmp_path / "war.jsonl.gz", flat_records()[:2])
    out = str(tmp_path / "out")
    assert cli_run(["extract", archive, "--format", "parquet", "--out", out, "--part-size", "2"])[0] == 0
    code, _, err = cli_run(["extract", archive, "--format", "parquet", "--out", out] + argv_tail)
    assert code == 2 and len(err.splitlines()) == 1 and message in err


def test_parquet_without_out_is_one_line(cli_run, tmp_path):
    code, _, err = cli_run(["extract", "x.jsonl", "--format", "parquet"])
    assert (code, err) == (2, "conflictnlp: error: --format parquet: give the output folder with --out DIR\n")


def test_without_pyarrow_the_error_names_the_extra(cli_run, tmp_path, monkeypatch):
    archive = write_gz(tmp_path / "war.jsonl.gz", flat_records()[:1])
    (tmp_path / "war.parquet").write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, _, err = cli_run(["extract", archive, "--format", "parquet", "--out", str(tmp_path / "out")])
    assert (code, err) == (2, "conflictnlp: error: --format parquet needs pyarrow: pip install conflictnlp[parquet]\n")
    code, out, err = cli_run(["extract", str(tmp_path / "war.parquet"), archive, "--format", "jsonl"])
    assert code == 1 and len(out.splitlines()) == 1  # the other input is still processed
    assert err == (f"conflictnlp: error: {tmp_path / 'war.parquet'}: reading Parquet needs pyarrow: "
                   "pip install conflictnlp[parquet]\n")


def test_archives_feed_the_other_formats(cli_run, pa, tmp_path):
    archive = write_gz(tmp_path / "war.jsonl.gz", flat_records()[:2])
    records = jsonl_export(cli_run, archive)
    assert [r["meta"]["id"] for r in records] == ["art-0", "art-1"]
    assert records[0]["meta"]["line"] == 1 and records[0]["meta"]["outlet"] == "Kessel Herald"


def test_an_export_that_does_not_fit_the_columns_is_an_error_row(pa, tmp_path, monkeypatch, nlp):
    import conflictnlp.archive as archive

    real = archive.export_rows

    def export_rows(export, key=None):
        rows = real(export, key)
        if export["meta"]["id"] == "art-1":
            rows["counts"][0]["value"] = "many"  # not an int64
        return rows

    monkeypatch.setattr(archive, "export_rows", export_rows)
    errors = []
    gz = write_gz(tmp_path / "war.jsonl.gz", flat_records()[:3])
    summary = archive.extract_parquet(nlp, [gz], tmp_path / "out", part_size=2, on_error=errors.append)
    assert dict(summary) == {"documents": 3, "errors": 1, "skipped": 0, "parts": 2}
    assert len(errors) == 1 and errors[0].startswith(f"{gz}, line 2: cannot write its rows (")
    assert [d["error"] is None for d in read(tmp_path / "out", "documents")] == [True, False, True]
    assert {c["doc_id"] for c in read(tmp_path / "out", "counts")} == {"art-0", "art-2"}


def test_the_progress_bar_counts_documents_with_rate_and_eta(pa, tmp_path):
    from conflictnlp.archive import progress_bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    gz = write_gz(tmp_path / "war.jsonl.gz", flat_records(), extra_lines=[""])
    stream = Terminal()
    bar = progress_bar([gz, gz], stream=stream)
    bar.update(7)
    bar.close()
    assert bar.total == 14 and "7/14" in stream.getvalue() and "doc/s" in stream.getvalue()
    assert progress_bar([gz], stream=io.StringIO()).disable  # not a terminal: no bar


def _cut_gz(path):
    full = gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in flat_records()))
    path.write_bytes(full[: len(full) // 2])


def _no_text_column(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": [1], "body": ["Troops arrived."]}), str(path))


def _number_text(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": [1], "text": [None]}, schema=pa.schema([("id", pa.int64()), ("text", pa.string())])), str(path))


@pytest.mark.parametrize("name, make, message", [
    ("missing.parquet", None, "missing.parquet: no such file"),
    ("fake.parquet", lambda p: p.write_bytes(b"PAR1 not really"), "fake.parquet: not a readable Parquet file ("),
    ("columns.parquet", _no_text_column, 'columns.parquet: no "text" column (columns: id, body); see --text-column'),
    ("nulltext.parquet", _number_text, 'nulltext.parquet, row 1: "text" is not a string'),
    ("cut.jsonl.gz", _cut_gz, "cut.jsonl.gz, line "),
    ("plain.jsonl.gz", lambda p: p.write_text("not gzip"), "plain.jsonl.gz, line 1: cannot read ("),
    ("empty.txt", lambda p: p.write_text(" \n"), "empty.txt: empty input"),
])
def test_a_bad_input_is_one_line_and_an_error_row(cli_run, pa, tmp_path, name, make, message):
    bad = tmp_path / name
    if make is not None:
        make(bad)
    good = write_gz(tmp_path / "war.jsonl.gz", flat_records()[:1])
    code, out, err = cli_run(["extract", str(bad), good, "--format", "parquet", "--out", str(tmp_path / "out")])
    assert code == 1 and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"conflictnlp: error: {tmp_path / message}"), err
    documents = read(tmp_path / "out", "documents")
    assert documents[-1]["doc_id"] == "art-0" and documents[-1]["error"] is None
    assert documents[-2]["error"] and all(d["path"] == str(bad) for d in documents[:-1])  # (a cut gzip keeps the lines before the cut)


def test_worker_processes_read_ahead_a_window_of_parts_at_most(pa, tmp_path, monkeypatch, nlp):
    import conflictnlp.archive as archive
    from conflictnlp.runner import run_exports

    calls = []

    def counted(nlp, items, **kwargs):
        items = list(items)
        calls.append(len(items))
        return run_exports(nlp, items, batch_size=kwargs["batch_size"])  # in this process

    monkeypatch.setattr(archive, "run_exports", counted)
    monkeypatch.setattr(archive, "WINDOW_PARTS", 2)
    gz = write_gz(tmp_path / "war.jsonl.gz", flat_records())
    summary = archive.extract_parquet(nlp, [gz], tmp_path / "out", part_size=2, n_process=2)
    assert calls == [4, 3] and summary["parts"] == 4
    calls.clear()
    assert archive.extract_parquet(nlp, [gz], tmp_path / "out", part_size=2, n_process=2)["skipped"] == 7
    assert calls == []  # done windows start no pool


def test_worker_processes_write_what_one_process_writes(cli_run, pa, tmp_path):
    gz = write_gz(tmp_path / "war.jsonl.gz", flat_records()[:4])
    for out, workers in (("one", "1"), ("two", "2")):
        argv = ["extract", gz, "--format", "parquet", "--out", str(tmp_path / out), "--part-size", "2", "--n-process", workers]
        assert cli_run(argv)[0] == 0
    for table in TABLES:
        assert read(tmp_path / "one", table) == read(tmp_path / "two", table)


def test_a_document_above_max_length_is_joined_from_its_chunks(pa, tmp_path, monkeypatch, nlp):
    from conflictnlp.archive import extract_parquet

    long_text = "\n\n".join(TEXTS)
    monkeypatch.setattr(nlp, "max_length", 200)
    gz = write_gz(tmp_path / "war.jsonl.gz", [{"id": "long", "text": long_text}])
    assert extract_parquet(nlp, [gz], tmp_path / "out")["errors"] == 0
    counts = read(tmp_path / "out", "counts")
    assert len(counts) >= 6 and all(long_text[c["start"]:c["end"]] == c["text"] for c in counts)
    assert read(tmp_path / "out", "documents")[0]["n_counts"] == len(counts)
