"""compare(), claims_frame() and the `conflictnlp compare` command."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictnlp
from conflictnlp.claims import ClaimLinker
from conflictnlp.views.compare import (
    CLAIM_FIELDS,
    FIGURE_FIELDS,
    claim_rows,
    compare,
    describe_figure,
    figure_interval,
    intervals_overlap,
)

from docbuild import build, count_data
from tablereader import column, read_table, squeeze


def export(name, figures):
    """An export dict: figures are (count fields, source or None, certainty)."""
    text, counts, attributions, sentences, claims = "", [], [], [], []
    for i, (fields, source, certainty) in enumerate(figures):
        words = f"{fields.get('value') or fields.get('estimate') or 0} troops"
        sentence = f"{source or 'It is known'} said {words} are there. "
        start = len(text)
        count_start = start + sentence.index(words)
        counts.append(dict(count_data(**fields), start=count_start, end=count_start + len(words), text=words))
        attribution = None
        if source:
            attribution = len(attributions)
            cue = start + sentence.index(" said") + 1
            attributions.append(
                {
                    "id": attribution,
                    "cue": {"start": cue, "end": cue + 4, "text": "said"},
                    "source": {"start": start, "end": start + len(source), "text": source},
                    "content": None,
                    "source_type": "official",
                    "anonymous": source.startswith("a "),
                    "state_media": source == "TASS",
                    "medium": None,
                    "time": None,
                    "via": [],
                }
            )
        sentences.append({"start": start, "end": start + len(sentence), "text": sentence, "certainty": certainty, "cues": []})
        claims.append({"count": i, "attribution": attribution, "sentence": i, "certainty": certainty})
        text += sentence
    return {"schema": "conflictnlp/1", "text": text, "meta": {"path": name}, "counts": counts,
            "attributions": attributions, "sentences": sentences, "claims": claims}


RU = {"actor": "Russia", "kind": "troops"}

# (count fields, normalized reading)
FIGURES = [
    ({"value": 50000}, "50,000"),
    ({"value": 50000, "qualifier": "approx"}, "~50,000"),
    ({"value": 50000, "high": 50000, "qualifier": "below"}, "≤50,000"),
    ({"value": 10000, "low": 10000, "qualifier": "min"}, "≥10,000"),
    ({"value": 600, "high": 600, "qualifier": "max"}, "≤600"),
    ({"low": 5000, "high": 10000, "qualifier": "range"}, "5,000–10,000"),
    ({"low": 10000, "high": 99999, "estimate": 30000, "qualifier": "vague", "inferred": True}, "≈30,000 (10,000–99,999)"),
    ({"estimate": 7500, "qualifier": "units", "inferred": True}, "≈7,500"),
    ({"qualifier": "vague"}, "?"),
]


@pytest.mark.parametrize("fields,expected", FIGURES)
def test_describe_figure(fields, expected):
    assert describe_figure(count_data(**fields)) == expected


# (count fields, interval with tolerance 0.1; None = open)
INTERVALS = [
    ({"value": 50000}, (50000, 50000)),
    ({"value": 50000, "qualifier": "approx"}, (45000, 55000)),
    ({"value": 50000, "low": 50000, "high": 50000, "qualifier": "approx"}, (45000, 55000)),
    ({"value": 10000, "low": 10000, "qualifier": "min"}, (10000, None)),
    ({"value": 600, "high": 600, "qualifier": "max"}, (None, 600)),
    ({"low": 5000, "high": 10000, "qualifier": "range"}, (5000, 10000)),
    ({"estimate": 7500, "qualifier": "units"}, (7500, 7500)),
    ({"qualifier": "vague"}, (None, None)),
]


@pytest.mark.parametrize("fields,expected", INTERVALS)
def test_figure_interval(fields, expected):
    got = figure_interval(count_data(**fields))
    assert [None if g is None else round(g) for g in got] == list(expected)


# (interval a, interval b, overlap?)
OVERLAPS = [
    ((1, 2), (2, 3), True),
    ((1, 2), (3, 4), False),
    ((3, 4), (1, 2), False),
    ((None, 5), (6, None), False),
    ((None, 5), (4, None), True),
    ((None, None), (7, 7), True),
    ((10, None), (1, 9), False),
]


@pytest.mark.parametrize("a,b,expected", OVERLAPS)
def test_intervals_overlap(a, b, expected):
    assert intervals_overlap(a, b) is expected
    assert intervals_overlap(b, a) is expected


# (figures per document [(fields, source, certainty)], expected (disagree, consensus low, consensus high))
GROUPS = [
    ("same figure everywhere", [[(dict(RU, value=50000), "the ministry", "certain")], [(dict(RU, value=50000), "a US official", "certain")]], (False, 50000, 50000)),
    ("exact figures that differ", [[(dict(RU, value=50000), "the ministry", "certain")], [(dict(RU, value=40000), "TASS", "certain")]], (True, 40000, 50000)),
    ("approx within tolerance", [[(dict(RU, value=50000, qualifier="approx"), "the ministry", "certain")], [(dict(RU, value=46000), "TASS", "certain")]], (False, 46000, 50000)),
    ("approx beyond tolerance", [[(dict(RU, value=50000, qualifier="approx"), "the ministry", "certain")], [(dict(RU, value=40000), "TASS", "certain")]], (True, 40000, 50000)),
    ("open bound keeps the range open", [[(dict(RU, value=10000, low=10000, qualifier="min"), "the ministry", "certain")], [(dict(RU, value=11000), "TASS", "certain")]], (False, 10000, None)),
    ("min above a max", [[(dict(RU, value=10000, low=10000, qualifier="min"), "the ministry", "certain")], [(dict(RU, value=5000, high=5000, qualifier="max"), "TASS", "certain")]], (True, None, None)),
    ("same giver does not disagree with itself", [[(dict(RU, value=50000), "the ministry", "certain"), (dict(RU, value=60000), "the ministry", "certain")]], (False, 50000, 60000)),
    ("two sources in one document can disagree", [[(dict(RU, value=50000), "the ministry", "certain"), (dict(RU, value=60000), "a US official", "probable")]], (True, 50000, 60000)),
]


@pytest.mark.parametrize("name,documents,expected", GROUPS, ids=[g[0] for g in GROUPS])
def test_compare_groups(name, documents, expected):
    result = compare([export(f"report{i}.txt", figs) for i, figs in enumerate(documents)])
    assert len(result.groups) == 1
    group = result.groups[0]
    assert (group["disagree"], group["consensus_low"], group["consensus_high"]) == expected
    assert group["figures"] == sum(len(f) for f in documents) == len(result.rows)
    for row in result.rows:
        assert set(row) == set(FIGURE_FIELDS)
        assert row["disagree"] is expected[0]


THREE = {
    "ministry": export("ministry.txt", [(dict(RU, value=50000), "the ministry", "certain"), ({"actor": "Ukraine", "kind": "killed", "value": 120}, "the ministry", "certain")]),
    "wire": export("wire.txt", [(dict(RU, value=45000, qualifier="approx"), "a US official", "probable")]),
    "state": export("state.txt", [(dict(RU, value=20000), "TASS", "unverified"), ({"actor": "Ukraine", "kind": "killed", "value": 120}, "TASS", "certain")]),
}


def test_compare_rows_name_documents_and_sources():
    result = compare(THREE)
    assert [(g["actor"], g["kind"]) for g in result.groups] == [("Russia", "troops"), ("Ukraine", "killed")]
    russia = [r for r in result.rows if r["actor"] == "Russia"]
    assert [(r["document"], r["figure"], r["source"], r["certainty"]) for r in russia] == [
        ("ministry", "50,000", "the ministry", "certain"),
        ("wire", "~45,000", "a US official", "probable"),
        ("state", "20,000", "TASS", "unverified"),
    ]
    assert [r["anonymous"] for r in russia] == [False, True, False]
    assert [r["state_media"] for r in russia] == [False, False, True]
    # 50,000 vs ~45,000 overlap (40,500..49,500? no: 45,000 ± 10% = 40,500..49,500) -> conflict
    assert [r["conflicts"] for r in russia] == [2, 2, 2]
    assert result.groups[0]["disagree"] and not result.groups[1]["disagree"]


def test_min_documents_and_kinds_filter():
    assert [g["kind"] for g in compare(THREE, kinds=["killed"]).groups] == ["killed"]
    assert len(compare([THREE["wire"]], min_documents=2).groups) == 0
    assert len(compare(THREE, min_documents=3).groups) == 1


def test_duplicate_figure_from_same_source_counts_once():
    doc = export("a.txt", [(dict(RU, value=50000), "the ministry", "certain"), (dict(RU, value=50000), "the ministry", "certain")])
    assert len(compare([doc]).rows) == 1


def test_table_is_readable():
    table = compare(THREE).table()
    assert "== Russia · troops: 3 figures in 3 documents; range 20,000 to 50,000; SOURCES DISAGREE" in table
    assert "== Ukraine · killed: 2 figures in 2 documents; range 120 to 120" in table
    assert "state media" in table
    assert max(len(line) for line in table.splitlines()) <= 140
    assert compare([]).table() == "(no figures to compare)"


def test_csv_and_jsonl_round_trip():
    result = compare(THREE)
    rows = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert len(rows) == len(result.rows) and list(rows[0]) == list(FIGURE_FIELDS)
    parsed = [json.loads(line) for line in result.to_jsonl().splitlines()]
    assert parsed == result.rows


def test_compare_accepts_docs():
    doc = build(
        "Russia has 50,000 troops in Kursk, officials said.",
        [("50,000 troops", dict(RU, value=50000))],
        [{"cue": "said", "source": "officials", "content": "Russia has 50,000 troops in Kursk", "anonymous": True}],
    )
    ClaimLinker()(doc)
    doc.user_data["title"] = "wire"
    result = compare([doc, THREE["state"]])
    russia = [r for r in result.rows if r["actor"] == "Russia"]
    assert [(r["document"], r["source"], r["anonymous"]) for r in russia] == [("wire", "officials", True), ("state.txt", "TASS", False)]


def test_exports_without_claims_are_linked_on_the_fly():
    data = THREE["wire"]
    stripped = dict(data, claims=[])
    assert [r["attribution"] for r in claim_rows([stripped])] == [0]


# (bad input, error message fragment)
BAD = [
    ("just a string", "not a string"),
    ([42], "input 1 is a int"),
    ({"a": "text"}, "input a is a str"),
]


@pytest.mark.parametrize("bad,message", BAD)
def test_bad_inputs_are_clear_errors(bad, message):
    with pytest.raises(TypeError, match=message):
        compare(bad)


def test_bad_tolerance():
    with pytest.raises(ValueError, match="tolerance"):
        compare([], tolerance=1.5)


def test_claims_frame():
    pd = pytest.importorskip("pandas", reason="pandas is the optional extra conflictnlp[pandas]")
    frame = conflictnlp.claims_frame(THREE)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(CLAIM_FIELDS)
    assert len(frame) == 5
    assert frame.loc[frame["document"] == "state", "source"].tolist() == ["TASS", "TASS"]
    assert isinstance(compare(THREE).to_frame(), pd.DataFrame)


def test_claims_frame_without_pandas(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"pip install 'conflictnlp\[pandas\]'"):
        conflictnlp.claims_frame(THREE)


POINTS = st.integers(min_value=1, max_value=10**6)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(POINTS, st.sampled_from(["exact", "approx"])), min_size=1, max_size=5))
def test_property_disagree_iff_some_pair_apart(points):
    documents = [export(f"d{i}", [(dict(RU, value=v, qualifier=q), f"source {i}", "certain")]) for i, (v, q) in enumerate(points)]
    group = compare(documents).groups[0]
    lows = [v * (0.9 if q == "approx" else 1) for v, q in points]
    highs = [v * (1.1 if q == "approx" else 1) for v, q in points]
    apart = any(lows[i] > highs[j] for i in range(len(points)) for j in range(len(points)) if i != j)
    assert group["disagree"] is apart
    assert group["consensus_low"] == min(v for v, _ in points)
    assert group["consensus_high"] == max(v for v, _ in points)
    assert not math.isnan(group["consensus_low"])


# ----------------------------------------------------------------------------- CLI

from conflictnlp import cli

from docbuild import stub_pipeline


@pytest.fixture
def stub_nlp(monkeypatch):
    monkeypatch.setattr(cli, "load_pipeline", lambda base: stub_pipeline)


def run_cli(argv):
    out = io.StringIO()
    return cli.main(argv, stdout=out), out.getvalue()


@pytest.fixture
def reports(tmp_path):
    files = {
        "ministry.txt": "Russia has 50,000 troops near the border, Defence said.",
        "wire.txt": "Russia has 50,000 troops there. Officials said 12,000 troops are reserves.",
        "state.txt": "Russia has 20,000 troops on exercises, Tass said.",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf8")
    return tmp_path


def test_cli_compare_table(stub_nlp, reports):
    code, out = run_cli(["compare", *(str(reports / n) for n in ("ministry.txt", "wire.txt", "state.txt"))])
    assert code == 0
    assert "== Russia · troops: 4 figures in 3 documents; range 12,000 to 50,000; SOURCES DISAGREE" in out
    assert "Defence" in out and "Tass" in out and "(no source)" in out
    header, rows = read_table(out.split("\n", 1)[1])
    names = {squeeze(column(header, row, "document")) for row in rows}
    assert names == {squeeze(str(reports / n)) for n in ("ministry.txt", "wire.txt", "state.txt")}  # whole paths, wrapped


# (format, how to parse the output)
FORMATS = [
    ("csv", lambda out: list(csv.DictReader(io.StringIO(out)))),
    ("jsonl", lambda out: [json.loads(line) for line in out.splitlines()]),
]


@pytest.mark.parametrize("fmt,parse", FORMATS)
def test_cli_compare_machine_formats(stub_nlp, reports, fmt, parse):
    code, out = run_cli(["compare", "--format", fmt, str(reports / "ministry.txt"), str(reports / "state.txt")])
    rows = parse(out)
    assert code == 0
    assert [(r["document"], str(r["value"]), str(r["disagree"])) for r in rows] == [
        (str(reports / "ministry.txt"), "50000", "True"),
        (str(reports / "state.txt"), "20000", "True"),
    ]


def test_cli_compare_reads_saved_exports(stub_nlp, reports, monkeypatch):
    code, saved = run_cli(["extract", str(reports / "ministry.txt"), str(reports / "state.txt")])
    assert code == 0
    export_file = reports / "saved.jsonl"
    export_file.write_text(saved, encoding="utf8")
    # the saved figures are used as they are: the pipeline is not run again on them
    monkeypatch.setattr(cli, "load_pipeline", lambda base: (lambda text: pytest.fail("re-processed a saved export")))
    code, out = run_cli(["compare", "--format", "jsonl", str(export_file)])
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["document"], r["value"]) for r in rows] == [(str(reports / "ministry.txt"), 50000), (str(reports / "state.txt"), 20000)]


# (arguments, exit code, error fragment)
BAD_RUNS = [
    (["compare", "--format", "xml", "{d}/ministry.txt"], 2, "--format xml: unknown output format"),
    (["compare", "--tolerance", "2", "{d}/ministry.txt"], 2, "--tolerance 2.0"),
    (["compare", "{d}/missing.txt", "{d}/ministry.txt"], 1, "missing.txt: no such file"),
    (["compare", "{d}/empty.txt", "{d}/ministry.txt"], 1, "empty.txt: empty input"),
]


@pytest.mark.parametrize("argv,code,message", BAD_RUNS)
def test_cli_compare_bad_input(stub_nlp, reports, capsys, argv, code, message):
    (reports / "empty.txt").write_text("  \n", encoding="utf8")
    got, out = run_cli([a.format(d=reports) for a in argv])
    err = capsys.readouterr().err
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1
    if code == 1:  # the good input was still compared
        assert "Russia · troops" in out
