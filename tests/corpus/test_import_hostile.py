"""Malformed annotation-tool exports and corpus files through the CLI: `corpus import` and
`evaluate` print one line per problem naming file and line, never a traceback, and write
nothing (finding 4 of issue 16). Every input is invented; one case per line."""

from __future__ import annotations

import io
import json

import pytest

from conflictnlp.cli import main

TEXT = "Militia leaders said 70 fighters were captured near the bridge."
SAID = {"start": 16, "end": 20, "label": "CUE"}
COUNT = {"start": 21, "end": 32, "label": "CAPTURED"}


def _line(**task):
    return json.dumps({"text": TEXT, **task})


# (name, file content): each a Prodigy export with one defect
PRODIGY = [
    ("bad JSON", _line(spans=[]) + "\n{\"text\": \"Tanks moved\", \"spans\": [\n"),
    ("truncated line", '{"text": "Two brigades withdrew", "spans": [{"start": 0'),
    ("not an object", "[1, 2, 3]"),
    ("string line", '"just a string"'),
    ("text not a string", json.dumps({"text": 17, "spans": []})),
    ("text missing", json.dumps({"spans": []})),
    ("empty text", json.dumps({"text": "", "spans": []})),
    ("spans not a list", _line(spans={"start": 0})),
    ("span not an object", _line(spans=[[21, 32, "CAPTURED"]])),
    ("span start missing", _line(spans=[{"end": 32, "label": "CAPTURED"}])),
    ("span start a string", _line(spans=[{"start": "21", "end": 32, "label": "CAPTURED"}])),
    ("span start a bool", _line(spans=[{"start": True, "end": 32, "label": "CAPTURED"}])),
    ("span out of range", _line(spans=[{"start": 21, "end": 900, "label": "CAPTURED"}])),
    ("span negative", _line(spans=[{"start": -5, "end": 3, "label": "CAPTURED"}])),
    ("span end before start", _line(spans=[{"start": 32, "end": 21, "label": "CAPTURED"}])),
    ("label not a string", _line(spans=[{"start": 21, "end": 32, "label": ["CAPTURED"]}])),
    ("label unknown", _line(spans=[{"start": 21, "end": 32, "label": "TANKS"}])),
    ("relations not a list", _line(spans=[SAID, COUNT], relations={"head": 0})),
    ("relation not an object", _line(spans=[SAID, COUNT], relations=["SOURCE"])),
    ("relation without spans", _line(spans=[SAID, COUNT], relations=[{"label": "CONTENT"}])),
    ("accept not a list", _line(accept="probable", answer="accept")),
    ("accept unknown level", _line(accept=["likely"], answer="accept")),
    ("two levels", _line(accept=["probable", "possible"], answer="accept")),
    ("neither spans nor textcat", _line(tokens=[])),
    ("textcat label not a string", _line(label=["PROBABLE"], answer="accept")),
    ("sentence outside its document", _line(spans=[COUNT], meta={"id": "d1"}) + "\n"
     + json.dumps({"text": "Snow fell.", "accept": ["certain"], "meta": {"id": "d1", "start": 0, "end": 10}})),
    ("sidecar counts not an object", _line(spans=[COUNT], conflictnlp={"id": "d2", "counts": [1, 2]})),
    ("sidecar sentences not lists", _line(spans=[COUNT], conflictnlp={"id": "d3", "sentences": [5]})),
    ("sidecar attributions not an object", _line(spans=[SAID], conflictnlp={"id": "d4", "attributions": "x"})),
    ("nested too deep", "[" * 3000 + "]" * 3000),
]

# (name, file content): each a doccano export with one defect
DOCCANO = [
    ("entities not a list", _line(entities={"id": 1})),
    ("entity not an object", _line(entities=[[21, 32, "CAPTURED"]])),
    ("entity offsets strings", _line(entities=[{"id": 1, "label": "CAPTURED", "start_offset": "21", "end_offset": "32"}])),
    ("entity out of range", _line(entities=[{"id": 1, "label": "CAPTURED", "start_offset": 21, "end_offset": 999}])),
    ("label triple too short", _line(label=[[21, 32]])),
    ("label triple not a list", _line(label=[[21, 32, "CAPTURED"], "x"])),
    ("label triple label not a string", _line(label=[[21, 32, 7]])),
    ("relation to unknown entity", _line(entities=[{"id": 1, "label": "CUE", "start_offset": 16, "end_offset": 20}],
                                         relations=[{"from_id": 1, "to_id": 9, "type": "SOURCE"}])),
    ("relation not an object", _line(entities=[{"id": 1, "label": "CUE", "start_offset": 16, "end_offset": 20}],
                                     relations=[[1, 2]])),
    ("relations not a list", _line(relations="SOURCE")),
    ("entity id unhashable", _line(entities=[{"id": [1], "label": "CUE", "start_offset": 16, "end_offset": 20}])),
    ("BOM then bad JSON", "\ufeff{\"text\": "),
    ("text a number", json.dumps({"text": 3.5})),
    ("nested too deep", '{"a":' * 3000 + "1" + "}" * 3000),
]


def _run(argv, capsys):
    code = main([str(a) for a in argv], stdout=io.StringIO())
    return code, capsys.readouterr().err


def _assert_one_line_per_problem(code, err, path, out=None):
    lines = err.strip().splitlines()
    assert code != 0, err
    assert lines, "no message"
    assert all(line.startswith(f"conflictnlp: error: {path}") for line in lines), err
    assert "Traceback" not in err and "Error:" not in err.replace("conflictnlp: error:", ""), err
    assert all(", line " in line or ", item " in line or f"{path}:" in line for line in lines), err
    if out is not None:
        assert not out.exists()


@pytest.mark.parametrize("tool, name, content",
                         [("prodigy", n, c) for n, c in PRODIGY] + [("doccano", n, c) for n, c in DOCCANO],
                         ids=[f"prodigy-{n}" for n, _ in PRODIGY] + [f"doccano-{n}" for n, _ in DOCCANO])
def test_import_of_a_malformed_export_is_one_line(tool, name, content, tmp_path, capsys):
    path = tmp_path / "export.jsonl"
    path.write_text(content + "\n", encoding="utf8")
    out = tmp_path / "out" / "all.jsonl"
    code, err = _run(["corpus", "import", "--from", tool, path, "--out", out], capsys)
    _assert_one_line_per_problem(code, err, path, out)


def test_import_reports_every_bad_line_of_every_file(tmp_path, capsys):
    """Regression: the import stopped at the first bad line; now it reads every line and file,
    lists every problem (one line each) and writes nothing."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    good = _line(spans=[COUNT])
    first.write_text("\n".join([good, "{oops", good, _line(spans=[{"start": 0, "end": 999, "label": "CAPTURED"}])]) + "\n",
                     encoding="utf8")
    second.write_text(_line(spans="none") + "\n", encoding="utf8")
    out = tmp_path / "all.jsonl"
    code, err = _run(["corpus", "import", "--from", "prodigy", first, second, "--out", out], capsys)
    lines = err.strip().splitlines()
    assert code != 0 and not out.exists()
    assert [line.split(": ")[2].split(":")[0] for line in lines] == [f"{first}, line 2", f"{first}, line 4", f"{second}, line 1"]


# (name, corpus line): a corpus file (JSONL of records) with one defect each
GOOD = {"id": "ev-1", "text": TEXT, "counts": [], "attributions": [],
        "sentences": [{"start": 0, "end": len(TEXT), "certainty": "certain", "cues": []}]}
CORPUS = [
    ("bad JSON", '{"id": "ev-1", "text": '),
    ("not an object", "[]"),
    ("text missing", json.dumps({k: v for k, v in GOOD.items() if k != "text"})),
    ("text a number", json.dumps(dict(GOOD, text=12))),
    ("counts not a list", json.dumps(dict(GOOD, counts={"start": 0}))),
    ("count not an object", json.dumps(dict(GOOD, counts=[[21, 32]]))),
    ("count offsets out of range", json.dumps(dict(GOOD, counts=[{"start": 21, "end": 500, "text": "70 fighters"}]))),
    ("count offsets strings", json.dumps(dict(GOOD, counts=[{"start": "21", "end": "32", "text": "70 fighters"}]))),
    ("attributions not a list", json.dumps(dict(GOOD, attributions="said"))),
    ("attribution cue missing", json.dumps(dict(GOOD, attributions=[{"source": None}]))),
    ("sentences not a list", json.dumps(dict(GOOD, sentences=5))),
    ("sentence not an object", json.dumps(dict(GOOD, sentences=[[0, 10]]))),
    ("sentence certainty unknown", json.dumps(dict(GOOD, sentences=[dict(GOOD["sentences"][0], certainty="sure")]))),
    ("cue not an object", json.dumps(dict(GOOD, sentences=[dict(GOOD["sentences"][0], cues=["said"])]))),
    ("nested too deep", "[" * 3000 + "]" * 3000),
    ("BOM then bad JSON", "\ufeff{\"id\": 1"),
]


@pytest.mark.parametrize("command", [["evaluate"], ["corpus", "export", "--to", "spacy"]])
@pytest.mark.parametrize("name, line", CORPUS, ids=[c[0] for c in CORPUS])
def test_malformed_corpus_file_is_one_line_per_problem(command, name, line, tmp_path, capsys):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + line + "\n", encoding="utf8")
    out = tmp_path / "gold.spacy"
    code, err = _run(command + [path] + (["--out", out] if "export" in command else []), capsys)
    _assert_one_line_per_problem(code, err, path, out)
    assert ", line 2" in err and ", line 1:" not in err
