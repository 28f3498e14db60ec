"""Importers: ours -> tool format -> ours round-trips; fresh tool annotations import sensibly."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from conflictnlp.corpus.authoring import build_record
from conflictnlp.corpus.importers import (
    SIDECAR, FORMATS, ImportFormatError, export_records, import_files, record_spans,
)
from conflictnlp.corpus.validate import check_record

# Invented documents exercising every layer: counts, attributions with all parts and via,
# and hedged sentences with typed cues.
AUTHORED = [
    {"id": "imp-001", "conflict": "Invented", "style": "wire", "outlet": "an invented wire",
     "paragraphs": [[
         {"s": "Government forces have massed about 4,000 troops near the river, the ministry said in a statement on Tuesday.",
          "counts": [{"text": "about 4,000 troops", "value": 4000, "qualifier": "approx", "kind": "troops",
                      "unit": "troop", "actor": None}],
          "attributions": [{"cue": "said", "source": "the ministry", "content": "Government forces have massed about 4,000 troops near the river",
                            "source_type": "government", "anonymous": False, "medium": "in a statement", "time": "on Tuesday"}]},
         {"s": "The rebels reportedly lost two battalions, a local outlet wrote, citing fighters.", "certainty": "unverified",
          "cues": [{"text": "reportedly", "type": "evidential"}],
          "counts": [{"text": "two battalions", "qualifier": "units", "kind": "casualties", "unit": "battalion",
                      "echelon": "battalion", "actor": None}],
          "attributions": [{"cue": "wrote", "source": "a local outlet", "content": "The rebels reportedly lost two battalions",
                            "source_type": "media", "via": ["fighters"]}]},
     ], [
         {"s": "A ceasefire could hold if both sides withdraw.", "certainty": "possible",
          "cues": [{"text": "could", "type": "epistemic"}, {"text": "if", "type": "condition"}]},
     ]]},
    {"id": "imp-002", "paragraphs": [[
        {"s": "Between 600 and 700 people fled the town.",
         "counts": [{"text": "Between 600 and 700 people", "low": 600, "high": 700, "qualifier": "range",
                     "kind": "displaced", "unit": "person"}]},
    ]]},
]
RECORDS = [build_record(doc) for doc in AUTHORED]


def _write_jsonl(path: Path, items) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf8")
    return path


def _spans_and_labels(record):
    """What any tool format can carry: labelled spans, relations, sentence certainty."""
    spans, relations = record_spans(record)
    labelled = sorted((s["start"], s["end"], s["label"]) for s in spans)
    links = sorted(((spans[h]["start"], spans[h]["end"]), (spans[c]["start"], spans[c]["end"]), l) for h, c, l in relations)
    return labelled, links, [s["certainty"] for s in record["sentences"]]


@pytest.mark.parametrize("tool", FORMATS)
def test_round_trip_is_exact_with_sidecar(tmp_path, tool):
    path = _write_jsonl(tmp_path / f"{tool}.jsonl", export_records(tool, RECORDS))
    assert import_files(tool, [path]) == RECORDS


# Label Studio has no side data: its per-region answers carry every field (tests/corpus/test_labelstudio.py).
@pytest.mark.parametrize("tool", [tool for tool in FORMATS if tool != "labelstudio"])
def test_round_trip_without_sidecar_keeps_spans_and_labels(tmp_path, tool):
    tasks = export_records(tool, RECORDS)
    for task in tasks:
        task.pop(SIDECAR, None)
    path = _write_jsonl(tmp_path / f"{tool}.jsonl", tasks)
    imported = import_files(tool, [path])
    assert [_spans_and_labels(r) for r in imported] == [_spans_and_labels(r) for r in RECORDS]
    assert [r["text"] for r in imported] == [r["text"] for r in RECORDS]
    # the normalization the tool could not carry is left for the annotator to fill
    assert imported[0]["counts"][0]["qualifier"] is None
    assert any(p.startswith("x: counts[0].qualifier: unknown label None") for p in check_record(imported[0], "x"))


def test_prodigy_fresh_annotation_without_relations(tmp_path):
    text = "At least 12 drones were shot down overnight, the air force said. It may be the largest attack."
    task = {"text": text, "answer": "accept", "spans": [
        {"start": 0, "end": 18, "label": "equipment"},
        {"start": 45, "end": 58, "label": "SOURCE"},
        {"start": 59, "end": 63, "label": "CUE"},
        {"start": 0, "end": 43, "label": "CONTENT"},
        {"start": 68, "end": 71, "label": "EPISTEMIC"},
    ]}
    rejected = dict(task, answer="reject", text="Ignored text.")
    (record,) = import_files("prodigy", [_write_jsonl(tmp_path / "p.jsonl", [task, rejected])])
    assert record["id"].startswith("imported-")
    assert [(c["text"], c["kind"]) for c in record["counts"]] == [("At least 12 drones", "equipment")]
    (attribution,) = record["attributions"]
    assert (attribution["cue"]["text"], attribution["source"]["text"], attribution["content"]["text"]) == (
        "said", "the air force", "At least 12 drones were shot down overnight")
    assert [(s["certainty"], [c["text"] for c in s["cues"]]) for s in record["sentences"]] == [
        ("certain", []), ("possible", ["may"])]


def test_prodigy_textcat_sentences_as_documents(tmp_path):
    tasks = [
        {"text": "Officials are expected to meet on Monday.", "accept": ["PROBABLE"], "answer": "accept"},
        {"text": "The bridge was destroyed.", "label": "certain", "answer": "accept"},
        {"text": "Skipped.", "label": "possible", "answer": "ignore"},
    ]
    records = import_files("prodigy", [_write_jsonl(tmp_path / "t.jsonl", tasks)])
    assert [(r["text"], r["sentences"][0]["certainty"]) for r in records] == [
        ("Officials are expected to meet on Monday.", "probable"), ("The bridge was destroyed.", "certain")]


def test_doccano_old_label_format(tmp_path):
    line = {"text": "Dozens of soldiers were captured.", "label": [[0, 18, "CAPTURED"]]}
    (record,) = import_files("doccano", [_write_jsonl(tmp_path / "d.jsonl", [line])])
    assert [(c["text"], c["kind"]) for c in record["counts"]] == [("Dozens of soldiers", "captured")]


BAD = [
    ("prodigy", "{nope", "line 1: invalid JSON"),
    ("prodigy", {"spans": []}, 'line 1: expected an object with a non-empty "text" string'),
    ("prodigy", {"text": "Ten tanks.", "spans": [{"start": 0, "end": 9, "label": "TANKS"}]}, "line 1: spans[0]: unknown span label 'TANKS'"),
    ("prodigy", {"text": "Ten tanks.", "spans": [{"start": 0, "end": 99, "label": "EQUIPMENT"}]}, "line 1: spans[0]: span 0:99 out of range"),
    ("prodigy", {"text": "Ten tanks.", "accept": ["sure"]}, "line 1: unknown certainty label 'sure'"),
    ("prodigy", {"text": "Ten tanks.", "accept": ["certain", "possible"]}, "line 1: a sentence needs exactly one certainty label"),
    ("prodigy", {"text": "Ten tanks."}, "line 1: neither a spans task"),
    ("doccano", {"text": "Ten tanks.", "entities": [{"id": 1, "label": "EQUIPMENT", "start_offset": 0, "end_offset": 9}],
                 "relations": [{"from_id": 1, "to_id": 7, "type": "SOURCE"}]}, "line 1: relations[0] refers to an unknown entity id"),
]


@pytest.mark.parametrize("tool,line,fragment", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_bad_exports_name_file_and_line(tmp_path, tool, line, fragment):
    path = tmp_path / "in.jsonl"
    path.write_text((line if isinstance(line, str) else json.dumps(line)) + "\n", encoding="utf8")
    with pytest.raises(ImportFormatError) as err:
        import_files(tool, [path])
    assert str(err.value).startswith(str(path)) and fragment in str(err.value)


def test_unknown_tool():
    with pytest.raises(ImportFormatError, match="unknown tool"):
        import_files("brat", [])


def test_import_builds_one_sentence_pipeline_for_all_documents(tmp_path, monkeypatch):
    """A pipeline per imported document cost more than the import (2,000 tasks: three minutes)."""
    import spacy

    from conflictnlp.corpus import importers

    importers._sentence_pipeline.cache_clear()
    built = []
    blank = spacy.blank
    monkeypatch.setattr(spacy, "blank", lambda *a, **k: built.append(1) or blank(*a, **k))
    tasks = [{"text": f"Rebels said {n} soldiers were killed. It may rise.", "answer": "accept",
              "spans": [{"start": 12, "end": 12 + len(f"{n} soldiers"), "label": "killed"}]} for n in range(30, 90)]
    records = import_files("prodigy", [_write_jsonl(tmp_path / "many.jsonl", tasks)])
    assert len(records) == 60 and len(built) <= 1
    assert [r["counts"][0]["text"] for r in records[:2]] == ["30 soldiers", "31 soldiers"]


def test_a_draft_finds_its_spans_by_offsets_and_label():
    from conflictnlp.corpus.importers import _Draft

    text = "Officials said 12 soldiers were killed. " * 500
    draft = _Draft(text, "t")
    indices = [draft.add_span(k * 40 + 15, k * 40 + 26, "killed", "t") for k in range(500)]
    assert indices == list(range(500))
    assert draft.add_span(15, 26, "killed", "t") == 0  # the same span again: the same index
    assert draft.add_span(15, 26, "CONTENT", "t") == 500  # same offsets, another label: a new span
    assert draft.find(15, 26) == 0 and draft.find(15, 26, "CONTENT") == 500 and draft.find(0, 3) is None
