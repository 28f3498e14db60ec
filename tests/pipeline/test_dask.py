"""Dask for more than one machine: `extract ... --engine dask` and `conflictnlp.dask.extract` (conflictnlp.dask).

One LocalCluster of 2 worker processes serves the module (`--scheduler` and the API's `client`);
one test starts its own with `--workers 2`, as a user would.
"""

import json
import socket
import sys

import pytest

from conflictnlp.archive import TABLES, extract_parquet
from pipeline_helpers import failing_load, loads
from test_parquet import META, TEXTS, flat_records, read, write_gz

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pytest.importorskip("dask.dataframe")

ROWS = TABLES[1:]  # the tables whose rows do not carry the document's path and meta


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=50) as cluster, distributed.Client(cluster, set_as_default=False) as made:
        yield made


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Our sentences twice (14 documents) and a line that is no JSON (an error row)."""
    folder = tmp_path_factory.mktemp("archive")
    records = flat_records() + [dict(r, id=f"{r['id']}-b") for r in flat_records()]
    return write_gz(folder / "war.jsonl.gz", records, extra_lines=["{not json"])


@pytest.fixture(scope="module")
def serial(archive, nlp, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    extract_parquet(nlp, [archive], out, part_size=4, batch_size=3)
    return out


def part_files(out):
    return {table: sorted(p.name for p in (out / f"{table}.parquet").iterdir()) for table in TABLES}


def same_tables(one, two, tables=TABLES):
    for table in tables:
        assert read(one, table) == read(two, table), table
    return True


def test_two_local_workers_write_what_the_serial_run_writes(cli_run, archive, serial, tmp_path):
    # another cluster's dashboard on 8787 (held here if free) is no warning in our output
    busy = socket.socket()
    try:
        busy.bind(("127.0.0.1", 8787))
        busy.listen()
    except OSError:
        pass  # taken already: the same case
    try:
        code, out, err = cli_run(["extract", archive, "--format", "parquet", "--out", str(tmp_path), "--part-size", "4",
                                  "--batch-size", "3", "--engine", "dask", "--workers", "2"])
    finally:
        busy.close()
    assert code == 1 and out == f"15 documents (1 errors, 0 skipped as done before) written to {tmp_path}\n"
    assert err == f"conflictnlp: error: {archive}, line 15: invalid JSON (Expecting property name enclosed in double quotes)\n"
    assert same_tables(serial, tmp_path) and part_files(serial) == part_files(tmp_path)
    assert len(read(tmp_path, "counts")) >= 12  # the texts do give rows to compare


def test_a_run_under_dask_resumes_where_it_stopped(cli_run, archive, serial, client, tmp_path, monkeypatch):
    import conflictnlp.archive as archive_module

    real, written = archive_module.write_part, []

    def interrupted(out, name, *rest):
        if len(written) == 2:
            raise KeyboardInterrupt  # Ctrl-C after two parts
        written.append(name)
        real(out, name, *rest)

    monkeypatch.setattr(archive_module, "write_part", interrupted)
    argv = ["extract", archive, "--format", "parquet", "--out", str(tmp_path), "--part-size", "4", "--batch-size", "3",
            "--engine", "dask", "--scheduler", client.scheduler.address]
    assert cli_run(argv)[0] == 130
    done = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "counts.parquet").iterdir()}
    assert sorted(p.name for p in (tmp_path / "_done").iterdir()) == ["000000000-000000004", "000000004-000000008"]
    monkeypatch.undo()
    code, out, _ = cli_run(argv)
    assert code == 1 and "7 documents (1 errors, 8 skipped as done before)" in out
    assert all((tmp_path / "counts.parquet" / name).stat().st_mtime_ns == mtime for name, mtime in done.items())
    assert same_tables(serial, tmp_path) and part_files(serial) == part_files(tmp_path)


def test_jsonl_output_under_dask_is_the_serial_output(cli_run, archive, client):
    serial_code, serial_out, _ = cli_run(["extract", archive, "--batch-size", "3"])
    code, out, err = cli_run(["extract", archive, "--batch-size", "3", "--engine", "dask", "--scheduler", client.scheduler.address])
    assert (code, out) == (serial_code, serial_out) and len(out.splitlines()) == 14
    assert err.endswith("line 15: invalid JSON (Expecting property name enclosed in double quotes)\n")


def _serial_of(records, nlp, out, write_gz_at):
    extract_parquet(nlp, [write_gz(write_gz_at, records)], out, part_size=4, batch_size=3)
    return out


def test_the_api_on_a_bag_of_pairs_and_of_dicts(client, nlp, tmp_path):
    import dask.bag as db

    from conflictnlp.dask import extract

    serial = _serial_of(flat_records(), nlp, tmp_path / "serial", tmp_path / "war.jsonl.gz")
    pairs = db.from_sequence(list(zip(TEXTS, META)), npartitions=3)
    dicts = db.from_sequence(flat_records(), npartitions=2)
    for name, bag in (("pairs", pairs), ("dicts", dicts)):
        summary = extract(bag, tmp_path / name, part_size=4, batch_size=3, client=client)
        assert dict(summary) == {"documents": 7, "errors": 0, "skipped": 0, "parts": 2}
        assert same_tables(serial, tmp_path / name, ROWS)
        documents = read(tmp_path / name, "documents")
        assert [(d["doc_id"], d["outlet"], d["path"]) for d in documents] == [(m["id"], m["outlet"], None) for m in META]
        assert json.loads(documents[1]["meta"]) == dict(META[1], row=2)
    assert extract(pairs, tmp_path / "pairs", part_size=4, batch_size=3, client=client)["skipped"] == 7  # a rerun


def test_the_api_on_a_dataframe_returns_the_tables(client, nlp, tmp_path):
    import dask.dataframe as dd
    import pandas as pd

    from conflictnlp.dask import extract

    serial = _serial_of(flat_records(), nlp, tmp_path / "serial", tmp_path / "war.jsonl.gz")
    frame = dd.from_pandas(pd.DataFrame([dict(m, body=t) for t, m in zip(TEXTS, META)]), npartitions=3)
    tables = extract(frame, text_column="body", batch_size=3, client=client)
    assert sorted(tables) == sorted(TABLES)
    for table in ROWS:
        assert tables[table].to_pylist() == read(serial, table), table
    documents = tables["documents"].to_pylist()
    assert [d["doc_id"] for d in documents] == [m["id"] for m in META] and documents[0]["date"] == "2024-11-13"
    unnamed = dd.from_pandas(pd.DataFrame({"body": TEXTS[:2]}), npartitions=1)
    assert [d["doc_id"] for d in extract(unnamed, text_column="body", client=client)["documents"].to_pylist()] == ["1", "2"]


def test_the_api_names_a_missing_text_column(client, tmp_path):
    import dask.dataframe as dd
    import pandas as pd

    from conflictnlp.archive import ArchiveError
    from conflictnlp.dask import extract

    frame = dd.from_pandas(pd.DataFrame({"id": [1], "body": [TEXTS[0]]}), npartitions=1)
    with pytest.raises(ArchiveError, match=r'^no "text" column \(columns: id, body\); see text_column$'):
        extract(frame, tmp_path, client=client)


def test_a_failing_document_is_an_error_row_and_each_worker_loads_once(client, nlp, tmp_path):
    from conflictnlp.dask import extract

    import dask.bag as db

    errors = []
    bag = db.from_sequence(flat_records() + [42], npartitions=4)
    summary = extract(bag, tmp_path, load=failing_load, batch_size=2, client=client, on_error=errors.append)
    assert dict(summary) == {"documents": 8, "errors": 2, "skipped": 0, "parts": 1}
    assert errors == ["row 3: RuntimeError: a component failed",
                      'row 8: expected a (text, meta) pair or an object with a "text" string']
    documents = read(tmp_path, "documents")
    assert [d["doc_id"] for d in documents if d["error"]] == ["art-2", "8"]
    assert "art-2" not in {c["doc_id"] for c in read(tmp_path, "counts")}
    assert sorted(client.run(loads).values()) in ([0, 1], [1, 1])  # once per worker that ran a task, not per task


@pytest.mark.parametrize("argv_tail, message", [
    (["--workers", "2"], "--workers and --scheduler need --engine dask"),
    (["--engine", "dask", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"],
     "--workers N starts a local cluster, --scheduler ADDRESS uses one: give one of them"),
    (["--engine", "dask", "--workers", "0"], "--workers 0: must be at least 1"),
    (["--engine", "dask", "--n-process", "2"], "--n-process is for --engine serial; with --engine dask give --workers N"),
    (["--engine", "spark"], "--engine spark: unknown engine (choose from serial, dask)"),
])
@pytest.mark.parametrize("output", [["--format", "parquet", "--out", "OUT"], ["--format", "jsonl"]])
def test_bad_engine_options_are_one_line(cli_run, archive, tmp_path, argv_tail, message, output):
    output = [str(tmp_path / "out") if word == "OUT" else word for word in output]
    code, out, err = cli_run(["extract", archive, *output, *argv_tail])
    assert (code, out, err) == (2, "", f"conflictnlp: error: {message}\n")


@pytest.mark.parametrize("output, code", [(["--format", "parquet", "--out", "OUT"], 2), (["--format", "jsonl"], 1)])
@pytest.mark.parametrize("address, reason", [
    ("tcp://127.0.0.1:1", "OSError: Timed out trying to connect to tcp://127.0.0.1:1 after 1 s"),
    ("nowhere", "missing port number in address 'nowhere'"),
])
def test_no_scheduler_at_the_address_is_one_line(cli_run, archive, tmp_path, output, code, address, reason):
    import dask

    output = [str(tmp_path / "out") if word == "OUT" else word for word in output]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        got = cli_run(["extract", archive, *output, "--engine", "dask", "--scheduler", address])
    where = "" if code == 2 else "extract: "
    assert got == (code, "", f"conflictnlp: error: {where}--scheduler {address}: cannot reach the scheduler ({reason})\n")


def test_without_dask_the_error_names_the_extra(cli_run, archive, tmp_path, monkeypatch):
    from conflictnlp.archive import ArchiveError
    from conflictnlp.dask import extract

    for name in ("dask", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import dask raises ImportError
    for output in (["--format", "parquet", "--out", str(tmp_path / "out")], ["--format", "jsonl"]):
        code, out, err = cli_run(["extract", archive, *output, "--engine", "dask"])
        assert (code, out, err) == (2, "", "conflictnlp: error: --engine dask needs dask and distributed: "
                                            "pip install conflictnlp[dask]\n")
    with pytest.raises(ArchiveError, match=r"pip install conflictnlp\[dask\]$"):
        extract([], tmp_path / "api")


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _Client:
    """A client that runs each task at once and records when it was submitted."""

    def __init__(self, log):
        self.log = log

    def nthreads(self):
        return {"tcp://w1": 1, "tcp://w2": 1}

    def submit(self, function, items, *args, **kwargs):
        self.log.append(("submit", len(items)))
        return _Done([{"text": item[0]} if isinstance(item, tuple) else item for item in items])


def test_batches_are_submitted_a_few_ahead_in_order_and_done_ones_never():
    from conflictnlp.dask import dask_results

    log = []

    def items():
        for i in range(20):
            log.append(("read", i))
            yield {"__conflictnlp_done__": True} if i < 6 else (f"doc {i}", {})

    results = dask_results(_Client(log), items(), 3)
    first = next(results)
    assert first == {"__conflictnlp_done__": True}
    assert [entry for entry in log if entry[0] == "submit"] == [("submit", 3)] * 3  # 2 per worker ahead, done batches free
    assert max(i for kind, i in log if kind == "read") == 14  # 5 batches read: the one yielded and 4 ahead
    rest = list(results)
    assert [r.get("text") for r in [first] + rest][6:] == [f"doc {i}" for i in range(6, 20)]
