"""The claims ledger (conflictnlp.ledger): Parquet tables in DuckDB, figures, trace, the timeline,
compare on a ledger, and the one-line errors of `conflictnlp ledger ...`."""

import csv
import io
import json
import sys

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from conflictnlp import ledger  # noqa: E402
from conflictnlp.cli import main  # noqa: E402
from conflictnlp.schema import KINDS  # noqa: E402

# Our own invented reporting: one figure travels from U.S. officials through four outlets, a second
# source gives the same figure on its own, another source another figure, and one is hypothetical.
ARCHIVE = [
    ("n1", "2024-05-02", "Northern Ledger",
     "U.S. officials said on Thursday that 7,400 North Korean troops had reached the front. "
     "At least 30 civilians were killed in the strikes, the regional governor said."),
    ("h1", "2024-05-04", "Harbor Times",
     "About 7,400 North Korean troops have reached the front, the Northern Ledger reported on Thursday, "
     "citing U.S. officials."),
    ("m1", "2024-05-06", "Meridian Post",
     "The defence ministry said 9,000 North Korean troops had crossed the river."),
    ("c1", "2024-05-07", "Coastal Courier",
     "Some 7,400 North Korean troops have reached the front, the Harbor Times reported, citing the Northern Ledger."),
    ("v1", "2024-05-08", "Valley Gazette",
     "According to the Coastal Courier, 7,400 North Korean troops have reached the front."),
    ("e1", "2024-05-09", "Eastern Dispatch",
     "A senior defence ministry official said 7,400 North Korean troops were in the region."),
    ("x1", "2024-05-10", "Meridian Post", "No new figures were released on Friday."),
    ("y1", "2024-05-11", "Harbor Times",
     "If 5,000 more North Korean troops arrive, the line could break, analysts said."),
]


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    real = sys.stderr
    sys.stderr = err
    try:
        code = main(argv, stdout=out)
    finally:
        sys.stderr = real
    return code, out.getvalue(), err.getvalue()


def write_archive(path, items=ARCHIVE):
    with open(path, "w", encoding="utf8") as out:
        for doc_id, date, outlet, text in items:
            out.write(json.dumps({"id": doc_id, "date": date, "outlet": outlet,
                                  "url": f"https://{outlet.lower().replace(' ', '-')}.example/{doc_id}", "text": text}) + "\n")
    return str(path)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``(archive path, tables folder, ledger path)`` of ARCHIVE, extracted in parts of 3 documents."""
    root = tmp_path_factory.mktemp("ledger")
    archive = write_archive(root / "war.jsonl")
    tables = root / "tables"
    code, _, err = run(["extract", archive, "--format", "parquet", "--out", str(tables), "--part-size", "3"])
    assert code == 0, err
    path = str(root / "war.duckdb")
    code, out, err = run(["ledger", "build", path, str(tables)])
    assert (code, err) == (0, ""), err
    assert out.startswith(f"{path}: 8 documents, ")
    return archive, tables, path


def test_build_loads_every_table_and_rebuilds_in_place(built, tmp_path):
    _, tables, _ = built
    path = tmp_path / "again.duckdb"
    first = ledger.build(path, [tables])
    assert first == ledger.build(path, [tables])  # idempotent: the file is replaced, not appended to
    assert first["documents"] == 8 and first["counts"] == first["claims"] >= 8
    assert [p.name for p in tmp_path.iterdir()] == ["again.duckdb"]
    info = ledger.info(path)
    assert info["format"] == "conflictnlp-ledger/1" and json.loads(info["dirs"]) == [str(tables)]
    con, _ = ledger.connect(str(path))
    try:
        assert [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY ord").fetchall()] == [a[0] for a in ARCHIVE]
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()
    assert {"documents", "counts", "attributions", "sentences", "claims", "ledger_info", "figures", "outlets"} <= names


def test_two_folders_keep_their_order(built, tmp_path):
    _, tables, _ = built
    archive = write_archive(tmp_path / "more.jsonl", [("z1", "2024-06-01", "Frontier Wire",
                                                      "Nearly 7,400 North Korean troops remain, the Frontier Wire said.")])
    assert run(["extract", archive, "--format", "parquet", "--out", str(tmp_path / "more")])[0] == 0
    sizes = ledger.build(tmp_path / "two.duckdb", [tables, tmp_path / "more"])
    assert sizes["documents"] == 9
    found = ledger.figures(str(tmp_path / "two.duckdb"), actor="North Korea", kind="troops")
    assert found["doc_id"].tolist()[-1] == "z1"


@pytest.mark.parametrize("filters, expected", [
    ({"actor": "North Korea", "kind": "troops"}, ["n1", "h1", "m1", "c1", "v1", "e1"]),
    ({"actor": "north korea", "kind": "TROOPS"}, ["n1", "h1", "m1", "c1", "v1", "e1"]),
    ({"actor": "North Korea", "outlet": "harbor times"}, ["h1"]),
    ({"actor": "North Korea", "since": "2024-05-07", "until": "2024-05-08"}, ["c1", "v1"]),
    ({"actor": "North Korea", "source_type": "government"}, ["m1"]),
    ({"actor": "North Korea", "hypothetical": True}, ["n1", "h1", "m1", "c1", "v1", "e1", "y1"]),
    ({"kind": "killed"}, ["n1"]),
    ({"actor": "Atlantis"}, []),
])
def test_figures_filters(built, filters, expected):
    assert ledger.figures(built[2], **filters)["doc_id"].tolist() == expected


def test_figures_rows_say_who_where_when_and_how_certainly(built):
    frame = ledger.figures(built[2], actor="North Korea", kind="troops")
    assert list(frame.columns) == list(ledger.FIGURE_COLUMNS)
    first = frame.iloc[0].to_dict()
    assert {k: first[k] for k in ("date", "outlet", "figure", "value", "source", "source_type", "certainty", "url")} == {
        "date": "2024-05-02", "outlet": "Northern Ledger", "figure": "7,400", "value": 7400, "source": "U.S. officials",
        "source_type": "official", "certainty": "certain", "url": "https://northern-ledger.example/n1"}
    assert frame.iloc[1]["via"] == "U.S. officials"


def test_an_unknown_kind_names_the_kinds_of_the_schema(built):
    with pytest.raises(ledger.LedgerUsageError, match=f"--kind tanks: unknown kind \\(choose from {', '.join(KINDS)}\\)"):
        ledger.figures(built[2], kind="tanks")


# doc_id -> (the chain of who passes the figure on, the origin); every report of 7,400 in ARCHIVE.
CHAINS = {
    "n1": ("Northern Ledger ← U.S. officials", "U.S. officials"),
    "h1": ("Harbor Times ← the Northern Ledger ← U.S. officials", "U.S. officials"),
    "c1": ("Coastal Courier ← the Harbor Times ← the Northern Ledger ← U.S. officials", "U.S. officials"),
    "v1": ("Valley Gazette ← the Coastal Courier ← the Harbor Times ← the Northern Ledger ← U.S. officials",
           "U.S. officials"),
    "e1": ("Eastern Dispatch ← A senior defence ministry official", "A senior defence ministry official"),
}


def test_trace_follows_via_and_named_outlets_back_to_the_origin(built):
    frame = ledger.trace(built[2], "7,400", actor="North Korea")
    assert list(frame.columns) == list(ledger.TRACE_COLUMNS)
    assert frame["doc_id"].tolist() == ["n1", "h1", "c1", "v1", "e1"]  # by origin, first reported first; by date
    assert {r["doc_id"]: (r["chain"], r["origin"]) for r in frame.to_dict("records")} == CHAINS
    us = frame[frame["origin"] == "U.S. officials"]
    assert set(us["origin_outlet"]) == {"Northern Ledger"} and set(us["origin_date"]) == {"2024-05-02"}
    assert set(us["origin_doc"]) == {"n1"} and us["hops"].tolist() == [1, 2, 3, 4]


@pytest.mark.parametrize("value, options, expected", [
    ("7400", {}, ["n1", "h1", "c1", "v1", "e1"]),
    ("9,000", {}, ["m1"]),
    ("9000", {"kind": "killed"}, []),
    ("8,000", {"tolerance": 0.2}, ["n1", "h1", "c1", "v1", "m1", "e1"]),  # origins by their first report
    ("30", {"actor": None}, ["n1"]),
])
def test_trace_matches_the_figure(built, value, options, expected):
    assert ledger.trace(built[2], value, **{"actor": "North Korea", **options})["doc_id"].tolist() == expected


def test_trace_table_csv_and_json(built):
    path = built[2]
    code, table, err = run(["ledger", "trace", path, "7400", "--actor", "North Korea"])
    assert (code, err) == (0, "")
    assert table.startswith("== origin: U.S. officials (official); first reported 2024-05-02 by Northern Ledger (n1); "
                            "4 reports in 4 outlets\n")
    assert "\n== origin: A senior defence ministry official (official); first reported 2024-05-09 by Eastern Dispatch" in table
    expected = ledger.trace(path, 7400, actor="North Korea")
    code, text, _ = run(["ledger", "trace", path, "7400", "--actor", "North Korea", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and [(r["doc_id"], r["chain"]) for r in rows] == list(zip(expected["doc_id"], expected["chain"]))
    code, text, _ = run(["ledger", "trace", path, "7400", "--actor", "North Korea", "--format", "json"])
    lines = [json.loads(line) for line in text.splitlines()]
    assert code == 0 and [r["origin"] for r in lines] == expected["origin"].tolist()
    assert list(lines[0]) == list(ledger.TRACE_COLUMNS)


def test_figures_table_csv_json_and_plot(built, tmp_path):
    path = built[2]
    png = tmp_path / "timeline.png"
    code, table, err = run(["ledger", "figures", path, "--actor", "North Korea", "--kind", "troops", "--plot", str(png)])
    assert (code, err) == (0, "")
    lines = table.splitlines()
    assert lines[0] == "== North Korea · troops: 6 figures in 6 documents, 2024-05-02 to 2024-05-09"
    assert lines[1].split() == ["date", "outlet", "figure", "source", "type", "via", "certainty", "document"]
    assert lines[-1] == f"6 figures plotted to {png}"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, text, _ = run(["ledger", "figures", path, "--actor", "North Korea", "--kind", "troops", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and [r["doc_id"] for r in rows] == ["n1", "h1", "m1", "c1", "v1", "e1"]
    assert list(rows[0]) == list(ledger.FIGURE_COLUMNS) and rows[0]["day"] == "2024-05-02"
    code, text, _ = run(["ledger", "figures", path, "--kind", "killed", "--format", "json"])
    assert code == 0 and [json.loads(line)["figure"] for line in text.splitlines()] == ["≥30"]


def test_timeline_colours_by_source_type(built, tmp_path):
    from conflictnlp.ledger.plot import series

    frame = ledger.figures(built[2], actor="North Korea", kind="troops")
    assert {k: len(v) for k, v in series(frame.to_dict("records")).items()} == {"media": 3, "official": 2, "government": 1}
    assert ledger.timeline_png(frame, tmp_path / "t.png") == 6 and (tmp_path / "t.png").stat().st_size > 1000


@pytest.mark.parametrize("options", [[], ["--min-documents", "2"], ["--tolerance", "0.3"]])
@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl"])
def test_compare_on_the_ledger_equals_compare_on_the_files(built, monkeypatch, fmt, options):
    archive, _, path = built
    on_files = run(["compare", archive, "--format", fmt, *options])
    import conflictnlp.pipeline

    def no_pipeline(*args, **kwargs):
        raise AssertionError("compare on a ledger runs no pipeline")

    monkeypatch.setattr(conflictnlp.pipeline, "load", no_pipeline)
    on_ledger = run(["compare", path, "--format", fmt, *options])
    assert on_ledger == on_files and on_files[0] == 0 and on_files[1]


def test_compare_ledger_api_equals_compare(built, nlp):
    import conflictnlp

    archive = built[0]
    exports = [dict(conflictnlp.to_dict(nlp(json.loads(line)["text"])), meta={"path": archive, "line": n})
               for n, line in enumerate(open(archive, encoding="utf8"), start=1)]
    assert ledger.compare_ledger(built[2]).rows == conflictnlp.compare(exports).rows
    assert ledger.compare_ledger(built[2], kinds=["killed"]).groups == conflictnlp.compare(exports, kinds=["killed"]).groups


def _not_duckdb(tmp_path):
    (tmp_path / "notes.duckdb").write_text("just some notes\n")
    return str(tmp_path / "notes.duckdb")


def _empty_duckdb(tmp_path):
    import duckdb

    duckdb.connect(str(tmp_path / "empty.duckdb")).close()
    return str(tmp_path / "empty.duckdb")


@pytest.mark.parametrize("make, argv, code, message", [
    (lambda t: str(t / "none.duckdb"), ["ledger", "figures", "{}"], 1,
     "{}: no such ledger; build it with `conflictnlp ledger build {} DIR...`"),
    (_not_duckdb, ["ledger", "trace", "{}", "7400"], 1, "{}: not a ledger (not a DuckDB file: "),
    (_empty_duckdb, ["ledger", "figures", "{}"], 1, "{}: not a ledger (a DuckDB file without the ledger's tables); "),
    (_empty_duckdb, ["compare", "{}"], 1, "{}: not a ledger (a DuckDB file without the ledger's tables); "),
    (lambda t: str(t / "missing"), ["ledger", "build", "out.duckdb", "{}"], 1, "{}: no such folder"),
    (lambda t: str(t), ["ledger", "build", "out.duckdb", "{}"], 1, "{}: no Parquet tables (no documents.parquet); "),
    (lambda t: str(t), ["ledger", "build", "{}", "{}"], 1, "{}: no Parquet tables"),
    (_not_duckdb, ["ledger", "build", "{}", "{t}"], 1, "{}: exists and is not a ledger; give another path or remove it"),
])
def test_bad_inputs_are_one_line(tmp_path, make, argv, code, message):
    given = make(tmp_path)
    tables = str(tmp_path / "t")
    if "{t}" in argv:  # a folder of tables: only the ledger path is wrong
        assert run(["extract", write_archive(tmp_path / "one.jsonl", ARCHIVE[:1]), "--format", "parquet",
                    "--out", tables])[0] == 0
    result, out, err = run([a.replace("{}", given).replace("{t}", tables) for a in argv])
    assert (result, out) == (code, "")
    assert err.startswith("conflictnlp: error: " + message.replace("{}", given)) and err.count("\n") == 1, err


@pytest.mark.parametrize("argv, message", [
    (["ledger", "figures", "{}", "--kind", "tanks"], f"--kind tanks: unknown kind (choose from {', '.join(KINDS)})"),
    (["ledger", "trace", "{}", "seven thousand"], "seven thousand: not a figure (give a whole number such as 11000 or 11,000)"),
    (["ledger", "trace", "{}", "7400", "--tolerance", "1.5"], "--tolerance 1.5: must be at least 0 and below 1"),
    (["ledger", "figures", "{}", "--format", "xml"], "--format xml: unknown output format (choose from table, csv, json)"),
    (["compare", "{}", "{}"], "compare: a ledger is compared alone ({0}, {0}); build one ledger of all the folders"),
])
def test_bad_requests_are_one_line(built, argv, message):
    path = built[2]
    code, out, err = run([a.replace("{}", path) for a in argv])
    assert (code, out, err) == (2, "", f"conflictnlp: error: {message.replace('{0}', path)}\n")


def test_a_doc_id_in_two_folders_is_one_line(built, tmp_path):
    _, tables, _ = built
    code, _, err = run(["ledger", "build", str(tmp_path / "twice.duckdb"), str(tables), str(tables)])
    assert (code, err) == (1, f"conflictnlp: error: doc_id 'n1' names two documents (in {tables} and {tables}); "
                              "give each document its own id\n")
    assert not (tmp_path / "twice.duckdb").exists() and not list(tmp_path.iterdir())


@pytest.mark.parametrize("module, argv, message", [
    ("duckdb", ["ledger", "build", "{t}/x.duckdb", "{t}"], "ledger build needs duckdb: pip install conflictnlp[archives]"),
    ("duckdb", ["ledger", "figures", "{l}"], "the ledger needs duckdb: pip install conflictnlp[archives]"),
    ("matplotlib", ["ledger", "figures", "{l}", "--plot", "{t}/x.png"],
     "the timeline plot needs matplotlib: pip install conflictnlp[plot]"),
])
def test_a_missing_extra_is_named(built, tmp_path, monkeypatch, module, argv, message):
    monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    code, out, err = run([a.replace("{t}", str(tmp_path)).replace("{l}", built[2]) for a in argv])
    assert (code, out, err) == (2, "", f"conflictnlp: error: {message}\n")


def test_a_cited_outlet_is_followed_to_its_report_of_that_time(tmp_path):
    """An outlet that reported the same figure twice, from two sources: a report citing it follows its
    latest report on or before that day, not its first."""
    archive = write_archive(tmp_path / "twice.jsonl", [
        ("p1", "2024-06-01", "Northern Ledger", "Border guards said 2,600 North Korean troops were in the hills."),
        ("p4", "2024-06-05", "Harbor Times", "According to the Northern Ledger, 2,600 North Korean troops are in the hills."),
        ("p2", "2024-06-10", "Northern Ledger", "U.S. officials said 2,600 North Korean troops had reached the coast."),
        ("p3", "2024-06-12", "Harbor Times", "According to the Northern Ledger, 2,600 North Korean troops reached the coast."),
    ])
    assert run(["extract", archive, "--format", "parquet", "--out", str(tmp_path / "t")])[0] == 0
    ledger.build(tmp_path / "l.duckdb", [tmp_path / "t"])
    frame = ledger.trace(str(tmp_path / "l.duckdb"), 2600, actor="North Korea")
    assert {r["doc_id"]: r["origin"] for r in frame.to_dict("records")} == {
        "p1": "Border guards", "p4": "Border guards", "p2": "U.S. officials", "p3": "U.S. officials"}


def test_tables_as_single_files_load_as_folders_do(built, tmp_path):
    import pyarrow.parquet as pq

    _, tables, _ = built
    single = tmp_path / "single"
    single.mkdir()
    for table in ("documents", "counts", "attributions", "sentences", "claims"):
        pq.write_table(pq.read_table(str(tables / f"{table}.parquet")), str(single / f"{table}.parquet"))
    assert ledger.build(tmp_path / "a.duckdb", [single]) == ledger.build(tmp_path / "b.duckdb", [tables])
    assert ledger.compare_ledger(str(tmp_path / "a.duckdb")).rows == ledger.compare_ledger(built[2]).rows
