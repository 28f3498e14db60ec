"""Label Studio in and out: ours -> Label Studio -> ours gives the same records (our corpus files
too, for every tool), fresh Label Studio annotations import as the guidelines mean them, and every
malformed task is one line naming file and task. Every text is invented; one case per line."""

from __future__ import annotations

import copy
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conflictnlp.cli import main
from conflictnlp.corpus import read_records
from conflictnlp.corpus.authoring import build_record
from conflictnlp.corpus.format import with_contract_defaults
from conflictnlp.corpus.importers import FORMATS, ImportFormatError, export_records, import_files
from conflictnlp.corpus.labelstudio import LABEL_GROUPS, labeling_config, to_labelstudio
from conflictnlp.schema import CERTAINTY_LEVELS, CUE_TYPES, ECHELONS, KINDS, MODEL_CUE, QUALIFIERS, SOURCE_TYPES

ROOT = Path(__file__).resolve().parents[2]
# The corpus whose files must round-trip: corpus/ unless CONFLICTNLP_CORPUS_DIR names a freshly built one.
CORPUS = Path(os.environ.get("CONFLICTNLP_CORPUS_DIR") or ROOT / "corpus")

# One invented document with every field a tool cannot carry on a span label.
AUTHORED = {"id": "ls-001", "conflict": "Invented", "style": "wire", "outlet": "an invented wire", "paragraphs": [[
    {"s": "Roughly 2,400 marines and two engineer battalions landed at Corvo Bay, the navy said in a statement on Monday.",
     "counts": [{"text": "Roughly 2,400 marines", "value": 2400, "qualifier": "approx", "kind": "troops", "unit": "marine",
                 "actor": "Estria"},
                {"text": "two engineer battalions", "qualifier": "units", "kind": "troops", "unit": "battalion",
                 "echelon": "battalion", "actor": "Estria"}],
     "attributions": [{"cue": "said", "source": "the navy", "content": "Roughly 2,400 marines and two engineer battalions landed at Corvo Bay",
                       "source_type": "military", "medium": "in a statement", "time": "on Monday", "resolved": "Estrian navy"}]},
    {"s": "Between 40 and 55 defenders were taken prisoner, state radio reported, citing a local commander.",
     "counts": [{"text": "Between 40 and 55 defenders", "low": 40, "high": 55, "qualifier": "range", "kind": "captured",
                 "unit": "defender", "inferred": True}],
     "attributions": [{"cue": "reported", "source": "state radio", "content": "Between 40 and 55 defenders were taken prisoner",
                       "source_type": "media", "state_media": True, "anonymous": False, "via": ["a local commander"]}]},
], [
    {"s": "A second landing may follow if the weather holds.", "certainty": "possible",
     "cues": [{"text": "may", "type": "epistemic"}, {"text": "if", "type": "condition"}]},
    {"s": "Officials who asked not to be named said the harbour was mined.",
     "attributions": [{"cue": "said", "source": "Officials who asked not to be named", "content": "the harbour was mined",
                       "source_type": "official", "anonymous": True}]},
    {"s": '"The bridge is down," a militia commander said, "and the ferry will follow."',
     "attributions": [{"cue": "said", "source": "a militia commander", "content": "The bridge is down",
                       "content_parts": ["The bridge is down", "and the ferry will follow."], "source_type": "military"}]},
    {"s": "Analysts believe the offensive will stall, and a satellite survey shows three depots burned.",
     "attributions": [{"cue": "believe", "source": "Analysts", "content": "the offensive will stall", "cue_type": "belief"},
                      {"cue": "shows", "source": "a satellite survey", "content": "three depots burned", "cue_type": "evidence"}]},
]]}
RECORD = build_record(AUTHORED)
TEXT = "Rebels said 70 fighters were captured near the dam. The dam may fall."


def _write(path: Path, tasks) -> Path:
    path.write_text(json.dumps(tasks), encoding="utf8")
    return path


def _by_position(record):
    """A record with each sentence's cues in text order (imports list them so; authored files need not),
    and, if it was written before them, the attributions' ``cue_type`` and ``content_parts`` defaults."""
    record = copy.deepcopy(record)
    record["attributions"] = [with_contract_defaults(a) for a in record.get("attributions") or []]
    for sentence in record["sentences"]:
        sentence["cues"].sort(key=lambda c: (c["start"], c["end"]))
    return record


def test_round_trip_carries_every_field(tmp_path):
    (task,) = export_records("labelstudio", [RECORD])
    assert import_files("labelstudio", [_write(tmp_path / "ls.json", [task])]) == [RECORD]
    assert "conflictnlp" not in task and task["data"]["doc_id"] == "ls-001"  # no side data: it is all in the results


def test_split_quotes_and_cue_types_travel_as_content_regions_and_a_cue_choice(tmp_path):
    (task,) = export_records("labelstudio", [RECORD])
    result = task["annotations"][0]["result"]
    assert sorted(r["value"]["choices"][0] for r in result if r.get("from_name") == "cue_type") == [
        "belief", "evidence", "speech", "speech", "speech", "speech"]
    commander = next(a for a in RECORD["attributions"] if a["source"]["text"] == "a militia commander")
    cue_id = next(r["id"] for r in result if r["type"] == "labels" and r["value"]["start"] == commander["cue"]["start"])
    parts = sorted(r["value"]["text"] for r in result if r["type"] == "labels" and any(
        rel.get("from_id") == cue_id and rel.get("to_id") == r["id"] for rel in result) and r["value"]["labels"] == ["CONTENT"])
    assert parts == ["The bridge is down", "and the ferry will follow."]
    (back,) = import_files("labelstudio", [_write(tmp_path / "ls.json", [task])])
    assert [(a["cue_type"], [p["text"] for p in a["content_parts"]]) for a in back["attributions"]][-3:] == [
        ("speech", ["The bridge is down", "and the ferry will follow."]), ("belief", ["the offensive will stall"]),
        ("evidence", ["three depots burned"])]


SPLIT = '"The ford is ours," a captain said, "and we hold the mill."'


def test_a_split_quote_drawn_in_label_studio_or_in_json_min(tmp_path):
    def region(rid, part, label):
        start = SPLIT.index(part)
        return {"id": rid, "from_name": "attribution", "type": "labels",
                "value": {"start": start, "end": start + len(part), "text": part, "labels": [label]}}
    regions = [region("b", "and we hold the mill.", "CONTENT"), region("c", "said", "CUE"),
               region("a", "The ford is ours", "CONTENT"), region("s", "a captain", "SOURCE")]
    relations = [{"type": "relation", "from_id": "c", "to_id": rid, "labels": []} for rid in "bas"]
    answer = {"id": "c", "from_name": "cue_type", "type": "choices", "value": {"choices": ["speech"]}}
    drawn = {"data": {"text": SPLIT}, "annotations": [{"result": regions + relations + [answer]}]}
    min_task = {"text": SPLIT, "attribution": [r["value"] for r in regions]}  # no relations: the nearest cue
    for task in (drawn, min_task):
        (record,) = import_files("labelstudio", [_write(tmp_path / "ls.json", [task])])
        (attribution,) = record["attributions"]
        assert attribution["content"]["text"] == "The ford is ours" and attribution["cue_type"] == "speech"
        assert [p["text"] for p in attribution["content_parts"]] == ["The ford is ours", "and we hold the mill."]


@pytest.mark.parametrize("tool", FORMATS)
@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_our_corpus_files_round_trip(tmp_path, tool, split):
    records = list(read_records(CORPUS / f"{split}.jsonl"))
    tasks = export_records(tool, records)
    path = tmp_path / "export"
    path.write_text(json.dumps(tasks) if tool == "labelstudio" else "".join(json.dumps(t) + "\n" for t in tasks), encoding="utf8")
    assert import_files(tool, [path]) == [_by_position(r) for r in records]


def _region(rid, start, end, label, name="label"):
    return {"id": rid, "from_name": name, "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}}


def _answer(rid, name, start, end, **value):
    return {"id": rid, "from_name": name, "to_name": "text", "type": "textarea" if "text" in value else "choices",
            "value": {"start": start, "end": end, **value}}


# A task as an annotator leaves it: Label Studio ids, an unlabelled relation, one drawn from the part
# to the cue, fields answered on the count's region, the hedged sentence marked with its certainty.
FRESH = [
    _region("Ab3xQ", 12, 23, "CAPTURED", "count"),
    _region("k9Lm2", 7, 11, "CUE", "attribution"),
    _region("Pq7Rt", 0, 6, "SOURCE", "attribution"),
    _region("Zz0Yy", 12, 50, "CONTENT", "attribution"),
    _region("hEdg1", 60, 63, "EPISTEMIC", "hedge"),
    _region("sEnt2", 52, 69, "SENTENCE", "sentence"),
    {"from_id": "k9Lm2", "to_id": "Pq7Rt", "type": "relation", "direction": "right", "labels": []},
    {"from_id": "Zz0Yy", "to_id": "k9Lm2", "type": "relation", "direction": "left", "labels": ["CONTENT"]},
    _answer("Ab3xQ", "qualifier", 12, 23, choices=["exact"]),
    _answer("Ab3xQ", "value", 12, 23, text=["70"]),
    _answer("Ab3xQ", "unit", 12, 23, text=["fighter"]),
    _answer("k9Lm2", "source_type", 7, 11, choices=["organization"]),
    _answer("sEnt2", "certainty", 52, 69, choices=["possible"]),
]


def _task(result, **annotation):
    return {"id": 7, "data": {"text": TEXT}, "annotations": [{"id": 1, "result": result, "was_cancelled": False, **annotation}]}


def test_a_fresh_annotation_imports_as_the_guidelines_mean_it(tmp_path):
    (record,) = import_files("labelstudio", [_write(tmp_path / "ls.json", [_task(FRESH)])])
    (count,) = record["counts"]
    assert (count["text"], count["kind"], count["value"], count["low"], count["high"], count["estimate"], count["unit"],
            count["qualifier"], count["inferred"]) == ("70 fighters", "captured", 70, None, None, 70, "fighter", "exact", False)
    (attribution,) = record["attributions"]
    assert [attribution[k]["text"] for k in ("cue", "source", "content")] == ["said", "Rebels", "70 fighters were captured near the dam"]
    assert (attribution["source_type"], attribution["anonymous"]) == ("organization", False)
    assert [(s["certainty"], [c["text"] for c in s["cues"]]) for s in record["sentences"]] == [("certain", []), ("possible", ["may"])]
    assert record["id"].startswith("imported-")


def test_a_sentence_region_without_certainty_takes_what_its_cues_imply(tmp_path):
    result = [r for r in FRESH if not (r.get("from_name") == "certainty")]
    (record,) = import_files("labelstudio", [_write(tmp_path / "ls.json", [_task(result)])])
    assert [s["certainty"] for s in record["sentences"]] == ["certain", "possible"]


def test_which_annotation_of_a_task_is_imported(tmp_path):
    older = {"id": 1, "created_at": "2026-01-01T10:00:00Z", "result": [_region("a", 12, 23, "KILLED")]}
    newer = {"id": 2, "created_at": "2026-01-02T10:00:00Z", "result": [_region("b", 12, 23, "CAPTURED")]}
    cancelled = {"id": 3, "created_at": "2026-01-03T10:00:00Z", "was_cancelled": True, "result": [_region("c", 12, 23, "MISSING")]}
    truth = dict(older, ground_truth=True)
    cases = [([older, newer, cancelled], "captured"), ([truth, newer], "killed"), ([cancelled], None)]
    for given, kind in cases:
        task = {"id": 1, "data": {"text": TEXT}, "annotations": given}
        records = import_files("labelstudio", [_write(tmp_path / "ls.json", [task])])
        assert [c["kind"] for r in records for c in r["counts"]] == ([kind] if kind else [])


def test_json_min_and_one_task_per_line(tmp_path):
    min_task = {"id": 4, "text": TEXT, "doc_id": "min-1", "annotator": "a@b.c", "annotation_id": 9,
                "count": [{"start": 12, "end": 23, "text": "70 fighters", "labels": ["CAPTURED"]}],
                "attribution": [{"start": 7, "end": 11, "text": "said", "labels": ["CUE"]},
                                {"start": 0, "end": 6, "text": "Rebels", "labels": ["SOURCE"]}]}
    again = dict(min_task, annotation_id=8, count=[{"start": 12, "end": 23, "text": "70 fighters", "labels": ["KILLED"]}])
    (record,) = import_files("labelstudio", [_write(tmp_path / "min.json", [min_task, again])])
    assert record["id"] == "min-1" and [c["kind"] for c in record["counts"]] == ["captured"]  # the first (newest) annotation
    assert record["attributions"][0]["source"]["text"] == "Rebels"  # no relations in JSON-MIN: the nearest cue
    sentence_task = {"data": {"text": "The dam may fall."}, "annotations": [{"result": [
        {"id": "x1", "from_name": "certainty", "to_name": "text", "type": "choices", "value": {"choices": ["possible"]}}]}]}
    lines = tmp_path / "tasks.jsonl"
    lines.write_text(json.dumps(_task(FRESH)) + "\n" + json.dumps(sentence_task) + "\n", encoding="utf8")
    records = import_files("labelstudio", [lines])
    assert [[s["certainty"] for s in r["sentences"]] for r in records] == [["certain", "possible"], ["possible"]]


def test_offsets_counted_in_utf16_units_are_read_as_characters(tmp_path):
    text = "\U0001F4F7 Footage: 12 tanks crossed the river."
    start = text.index("12 tanks")  # in characters; the emoji before it is two UTF-16 units
    region = {"id": "t", "from_name": "count", "type": "labels",
              "value": {"start": start + 1, "end": start + 9, "text": "12 tanks", "labels": ["EQUIPMENT"]}}
    task = {"data": {"text": text}, "annotations": [{"result": [region]}]}
    (record,) = import_files("labelstudio", [_write(tmp_path / "ls.json", [task])])
    assert [(c["start"], c["text"]) for c in record["counts"]] == [(start, "12 tanks")]


def test_labeling_config_offers_our_labels_and_fields():
    root = ET.fromstring(labeling_config())
    labels = {c.get("name"): [l.get("value") for l in c] for c in root.iter("Labels")}
    assert labels == {name: list(values) for name, values in LABEL_GROUPS.items()}
    assert sorted(sum(labels.values(), [])) == sorted(
        [k.upper() for k in KINDS] + ["CUE", "SOURCE", "CONTENT", "MEDIUM", "TIME", "VIA"]
        + [t.upper() for t in CUE_TYPES if t != MODEL_CUE] + ["SENTENCE"])
    choices = {c.get("name"): [x.get("value") for x in c] for c in root.iter("Choices")}
    assert {k: choices[k] for k in ("qualifier", "echelon", "source_type", "certainty")} == {
        "qualifier": list(QUALIFIERS), "echelon": list(ECHELONS), "source_type": list(SOURCE_TYPES), "certainty": list(CERTAINTY_LEVELS)}
    controls = {c.get("name") for c in root.iter() if c.get("perRegion") == "true"}
    exported = {r["from_name"] for r in to_labelstudio(RECORD)["annotations"][0]["result"] if "from_name" in r}
    assert exported - set(labels) <= controls  # every answer our export writes has a control in the config


def _cli(argv, capsys):
    code = main([str(a) for a in argv], stdout=(out := io.StringIO()))
    return code, out.getvalue(), capsys.readouterr().err


def test_cli_export_writes_a_json_array_and_config_prints(tmp_path, capsys):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps(RECORD) + "\n", encoding="utf8")
    out = tmp_path / "ls" / "tasks.json"
    code, stdout, err = _cli(["corpus", "export", "--to", "labelstudio", corpus, "--out", out], capsys)
    assert (code, stdout, err) == (0, f"1 tasks written to {out}\n", "")
    assert json.loads(out.read_text(encoding="utf8"))[0]["data"]["doc_id"] == "ls-001"
    code, stdout, err = _cli(["corpus", "labelstudio-config"], capsys)
    assert code == 0 and stdout == labeling_config() and ET.fromstring(stdout).tag == "View"


REGION = _region("r1", 12, 23, "CAPTURED")
CUE = _region("c1", 7, 11, "CUE")
# (name, task): each a Label Studio task with one defect
BAD = [
    ("not an object", 5),
    ("data missing", {"annotations": []}),
    ("data text missing", {"data": {"body": TEXT}, "annotations": []}),
    ("data text a number", {"data": {"text": 3}, "annotations": []}),
    ("annotations not a list", {"data": {"text": TEXT}, "annotations": {"result": []}}),
    ("annotation not an object", {"data": {"text": TEXT}, "annotations": ["done"]}),
    ("result not a list", _task({"type": "labels"})),
    ("result not objects", _task(["labels"])),
    ("unknown result type", _task([dict(REGION, type="rectanglelabels")])),
    ("value not an object", _task([dict(REGION, value=[12, 23])])),
    ("no label", _task([_region("r1", 12, 23, "CAPTURED") | {"value": {"start": 12, "end": 23, "labels": []}}])),
    ("two labels", _task([_region("r1", 12, 23, "CAPTURED") | {"value": {"start": 12, "end": 23, "labels": ["CAPTURED", "KILLED"]}}])),
    ("unknown label", _task([_region("r1", 12, 23, "TANKS")])),
    ("offsets strings", _task([dict(REGION, value={"start": "12", "end": "23", "labels": ["CAPTURED"]})])),
    ("offsets out of range", _task([dict(REGION, value={"start": 12, "end": 230, "labels": ["CAPTURED"]})])),
    ("sentence out of range", _task([dict(REGION, value={"start": 0, "end": 230, "labels": ["SENTENCE"]})])),
    ("text does not match", _task([dict(REGION, value={"start": 12, "end": 23, "text": "80 fighters", "labels": ["CAPTURED"]})])),
    ("region id a list", _task([dict(REGION, id=["r1"])])),
    ("relation to no region", _task([CUE, {"type": "relation", "from_id": "c1", "to_id": "zz", "labels": []}])),
    ("relation without a cue", _task([REGION, _region("s1", 0, 6, "SOURCE"), {"type": "relation", "from_id": "r1", "to_id": "s1"}])),
    ("relation label unknown", _task([CUE, _region("s1", 0, 6, "SOURCE"), {"type": "relation", "from_id": "c1", "to_id": "s1", "labels": ["AGENT"]}])),
    ("relation labels not a list", _task([CUE, _region("s1", 0, 6, "SOURCE"), {"type": "relation", "from_id": "c1", "to_id": "s1", "labels": "SOURCE"}])),
    ("answer to no region", _task([REGION, _answer("zz", "qualifier", 12, 23, choices=["exact"])])),
    ("unknown field", _task([REGION, _answer("r1", "calibre", 12, 23, choices=["exact"])])),
    ("field of another layer", _task([REGION, _answer("r1", "source_type", 12, 23, choices=["media"])])),
    ("count field on a cue", _task([CUE, _answer("c1", "qualifier", 7, 11, choices=["exact"])])),
    ("unknown qualifier", _task([REGION, _answer("r1", "qualifier", 12, 23, choices=["roughly"])])),
    ("two choices", _task([REGION, _answer("r1", "qualifier", 12, 23, choices=["exact", "min"])])),
    ("value not a number", _task([REGION, _answer("r1", "value", 12, 23, text=["seventy"])])),
    ("value not a whole number", _task([REGION, _answer("r1", "value", 12, 23, text=["7.5"])])),
    ("text answer not a list", _task([REGION, _answer("r1", "unit", 12, 23, text="fighter")])),
    ("flag not yes or no", _task([CUE, _answer("c1", "anonymous", 7, 11, choices=["maybe"])])),
    ("task certainty unknown", _task([{"id": "q", "from_name": "certainty", "type": "choices", "value": {"choices": ["sure"]}}])),
    ("unknown cue_type", _task([CUE, _answer("c1", "cue_type", 7, 11, choices=["rumour"])])),
    ("cue_type on a count", _task([REGION, _answer("r1", "cue_type", 12, 23, choices=["belief"])])),
    ("split-quote part related to two cues", _task([
        CUE, _region("c2", 60, 63, "CUE"), _region("p1", 12, 37, "CONTENT"), _region("p2", 52, 68, "CONTENT"),
        {"type": "relation", "from_id": "c1", "to_id": "p1"}, {"type": "relation", "from_id": "c1", "to_id": "p2"},
        {"type": "relation", "from_id": "p2", "to_id": "c2"}])),
    ("json-min labels unknown", {"text": TEXT, "count": [{"start": 12, "end": 23, "labels": ["TANKS"]}]}),
    ("json-min certainty unknown", {"text": TEXT, "certainty": "sure"}),
    ("json-min text empty", {"text": "", "certainty": "certain"}),
]


@pytest.mark.parametrize("name, task", BAD, ids=[b[0] for b in BAD])
def test_a_malformed_task_is_one_line_naming_file_and_task(name, task, tmp_path, capsys):
    path = _write(tmp_path / "export.json", [_task([REGION]), task])
    out = tmp_path / "all.jsonl"
    code, _, err = _cli(["corpus", "import", "--from", "labelstudio", path, "--out", out], capsys)
    lines = err.strip().splitlines()
    assert code != 0 and not out.exists(), err
    assert len(lines) == 1 and lines[0].startswith(f"conflictnlp: error: {path}, item 2: "), err
    assert "Traceback" not in err


def test_every_bad_task_of_every_file_is_reported(tmp_path, capsys):
    first = _write(tmp_path / "a.json", [_task([REGION]), BAD[12][1], _task([REGION]), BAD[18][1]])
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps(_task([REGION])) + "\n{oops\n" + json.dumps(BAD[28][1]) + "\n", encoding="utf8")
    broken = tmp_path / "c.json"
    broken.write_text("[{\"data\": ", encoding="utf8")
    code, _, err = _cli(["corpus", "import", "--from", "labelstudio", first, second, broken, "--out", tmp_path / "o.jsonl"], capsys)
    wheres = [line.split(": ")[2] for line in err.strip().splitlines()]
    assert code != 0 and wheres == [f"{first}, item 2", f"{first}, item 4", f"{second}, line 2", f"{second}, line 3", f"{broken}"]


def test_unknown_tool_names_labelstudio_among_the_choices():
    with pytest.raises(ImportFormatError, match="prodigy, doccano, labelstudio"):
        import_files("brat", [])


def test_shipped_files_are_fresh(tmp_path):
    """docs/labelstudio.xml is the config the command prints; the walkthrough's export is what
    examples/walkthrough/make_export.py writes from documents.py."""
    import importlib.util

    assert (ROOT / "docs" / "labelstudio.xml").read_text(encoding="utf8") == labeling_config()
    spec = importlib.util.spec_from_file_location("make_export", ROOT / "examples" / "walkthrough" / "make_export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(tmp_path / "export.json") == 0
    assert (tmp_path / "export.json").read_bytes() == module.OUT.read_bytes()


def test_build_splits_imported_files_and_checks_each_record(tmp_path, capsys):
    """`corpus build` takes `corpus import` output as well as authoring files: good records are split
    by the same rule, a bad one is one line naming file, line and field, and nothing is written."""
    records = [dict(RECORD, id=f"ls-{n:03d}") for n in range(9)]
    imported = tmp_path / "all.jsonl"
    imported.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf8")
    code, _, err = _cli(["corpus", "build", imported, "--out", tmp_path / "split"], capsys)
    assert code == 0 and "documents by split: train 7, dev 1, test 1" in err
    bad = dict(records[0], id="ls-bad", counts=[dict(RECORD["counts"][0], qualifier="roughly")])
    imported.write_text(imported.read_text(encoding="utf8") + json.dumps(bad) + "\n", encoding="utf8")
    code, _, err = _cli(["corpus", "build", imported, "--out", tmp_path / "again"], capsys)
    assert code == 1 and not (tmp_path / "again").exists()
    assert err.splitlines()[0].startswith(f"{imported}, line 10: counts[0].qualifier: unknown label 'roughly'"), err
