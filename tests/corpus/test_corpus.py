"""The corpus validator (conflictnlp.validate) and the corpus reader: table-driven defects."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictnlp.corpus.authoring import build_record
from conflictnlp.corpus.format import create_conflict_corpus, read_records, reference_doc
from conflictnlp.corpus.validate import check_record, validate_files

# An invented two-sentence document in the authoring format: one count, one attribution,
# one hedged sentence.
AUTHORED = {
    "id": "test-001",
    "conflict": "Invented",
    "style": "wire",
    "outlet": "an invented wire",
    "paragraphs": [[
        {"s": "The militia lost more than 300 fighters near the dam, a regional governor said on Friday.",
         "counts": [{"text": "more than 300 fighters", "value": 300, "low": 300, "high": None,
                     "qualifier": "min", "kind": "killed", "unit": "fighter", "actor": None}],
         "attributions": [{"cue": "said", "source": "a regional governor",
                           "content": "The militia lost more than 300 fighters near the dam",
                           "source_type": "official", "anonymous": True, "time": "on Friday"}]},
        {"s": "Reinforcements may arrive next week.", "certainty": "possible",
         "cues": [{"text": "may", "type": "epistemic"}]},
    ]],
}
GOOD = build_record(AUTHORED)


def _edit(path, value):
    """A mutation setting ``record[path...] = value`` (path of keys/indexes)."""
    def apply(record):
        target = record
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return record
    return apply


_DELETE = object()

# (defect, mutation of the good record, expected message fragment)
DEFECTS = [
    ("missing id", _edit(["id"], _DELETE), "id: missing"),
    ("unknown kind", _edit(["counts", 0, "kind"], "soldiers"), "counts[0].kind: unknown label 'soldiers'"),
    ("unknown qualifier", _edit(["counts", 0, "qualifier"], "roughly"), "counts[0].qualifier: unknown label 'roughly'"),
    ("unknown echelon", _edit(["counts", 0, "echelon"], "army"), "counts[0].echelon: unknown label 'army'"),
    ("count end past text", _edit(["counts", 0, "end"], 10_000), "counts[0]: offsets 17:10000 out of range"),
    ("count negative start", _edit(["counts", 0, "start"], -1), "out of range"),
    ("count end <= start", _edit(["counts", 0, "end"], 17), "counts[0]: end 17 <= start 17"),
    ("count text mismatch", _edit(["counts", 0, "text"], "300 fighters"), "span text '300 fighters' != text[17:39]"),
    ("count offsets not ints", _edit(["counts", 0, "start"], "17"), "start and end must be integers"),
    ("low > high", _edit(["counts", 0, "high"], 100), "counts[0]: low 300 > high 100"),
    ("value below low", _edit(["counts", 0, "value"], 200), "counts[0].value: value 200 outside bounds [300, None]"),
    ("estimate above high", _edit(["counts", 0, "estimate"], 5), "counts[0].estimate: estimate 5 outside bounds"),
    ("value not int", _edit(["counts", 0, "value"], "300"), "counts[0].value: must be an integer or null"),
    ("value bool", _edit(["counts", 0, "value"], True), "counts[0].value: must be an integer or null"),
    ("min without low", _edit(["counts", 0, "low"], None), "qualifier 'min' needs low == value (300)"),
    ("range with value", _edit(["counts", 0, "qualifier"], "range"), "must be null for qualifier 'range'"),
    ("units without echelon", lambda r: (r["counts"][0].update(qualifier="units", value=None, low=None, high=None, estimate=None), r)[1],
     "qualifier 'units' needs an echelon"),
    ("inferred not bool", _edit(["counts", 0, "inferred"], "no"), "counts[0].inferred: must be true or false"),
    ("count outside sentences", _edit(["sentences", 0, "end"], 20), "is not inside one sentence"),
    ("sentences overlap", _edit(["sentences", 1, "start"], 50), "sentences[1]: starts at 50, before the previous sentence ends"),
    ("sentence end <= start", _edit(["sentences", 1, "end"], 90), "sentences[1]: end 90 <= start"),
    ("unknown certainty", _edit(["sentences", 1, "certainty"], "doubtful"), "sentences[1].certainty: unknown label 'doubtful'"),
    ("hedged without cue", _edit(["sentences", 1, "cues"], []), "certainty 'possible' needs at least one cue"),
    ("certain with cue", _edit(["sentences", 1, "certainty"], "certain"), "a 'certain' sentence has no cues"),
    ("level weaker than cue", _edit(["sentences", 1, "cues", 0, "type"], "evidential"), "strongest cue implies 'unverified'"),
    ("unknown cue type", _edit(["sentences", 1, "cues", 0, "type"], "modal"), "sentences[1].cues[0].type: unknown label 'modal'"),
    ("cue text mismatch", _edit(["sentences", 1, "cues", 0, "text"], "might"), "sentences[1].cues[0]: span text 'might'"),
    ("cue outside sentence", lambda r: (r["sentences"][1]["cues"][0].update(start=0, end=3, text="The"), r)[1], "lies outside its sentence"),
    ("attribution id != index", _edit(["attributions", 0, "id"], 3), "attributions[0].id: id 3 != its index 0"),
    ("attribution without cue", _edit(["attributions", 0, "cue"], None), "attributions[0].cue: missing"),
    ("unknown source_type", _edit(["attributions", 0, "source_type"], "spokesman"), "attributions[0].source_type: unknown label 'spokesman'"),
    ("source text mismatch", _edit(["attributions", 0, "source", "text"], "a governor"), "attributions[0].source: span text 'a governor'"),
    ("content out of range", _edit(["attributions", 0, "content", "end"], 999), "attributions[0].content: offsets"),
    ("anonymous not bool", _edit(["attributions", 0, "anonymous"], "yes"), "attributions[0].anonymous: must be true or false"),
    ("via not list", _edit(["attributions", 0, "via"], "officials"), "attributions[0].via: must be a list"),
    ("via span bad", _edit(["attributions", 0, "via"], [{"start": 1, "end": 0, "text": ""}]), "attributions[0].via[0]: end 0 <= start 1"),
    ("date not ISO", _edit(["attributions", 0, "date"], "13 Oct 2024"), "attributions[0].date: must be null, \"YYYY-MM-DD\""),
    ("date range reversed", _edit(["attributions", 0, "date"], {"start": "2024-11-10", "end": "2024-11-04"}),
     "attributions[0].date: start is after end"),
    ("counts not a list", _edit(["counts"], {"a": 1}), "counts: must be a list"),
]


def _write(tmp_path: Path, lines, name="corpus.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join((l if isinstance(l, str) else json.dumps(l)) + "\n" for l in lines), encoding="utf8")
    return path


def test_good_record_has_no_problems(tmp_path):
    report = validate_files([_write(tmp_path, [GOOD])])
    assert report.problems == []
    assert report.summary() == (
        "1 documents, 2 sentences, 1 counts, 1 attributions; "
        "sentences by certainty: certain 1, probable 0, possible 1, unverified 0"
    )


@pytest.mark.parametrize("name,mutate,fragment", DEFECTS, ids=[d[0] for d in DEFECTS])
def test_defect_is_reported_with_file_and_line(tmp_path, name, mutate, fragment):
    bad = mutate(copy.deepcopy(GOOD))
    bad["id"] = bad.get("id") and "test-002"
    lines = [GOOD, bad] if "id" in bad else [GOOD, bad]
    path = _write(tmp_path, lines)
    report = validate_files([path])
    assert not report.ok
    assert any(p.startswith(f"{path}, line 2: ") and fragment in p for p in report.problems), report.problems
    assert not any(", line 1: " in p for p in report.problems), report.problems


MALFORMED = [
    ("not json", "{oops", "line 1: malformed line: invalid JSON"),
    ("not an object", "[1, 2]", 'line 1: malformed line: expected an object with a "text" string'),
    ("no text", '{"id": "x"}', 'line 1: malformed line: expected an object with a "text" string'),
]


@pytest.mark.parametrize("name,line,fragment", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_lines(tmp_path, name, line, fragment):
    report = validate_files([_write(tmp_path, [line])])
    assert len(report.problems) == 1 and fragment in report.problems[0]


def test_duplicate_ids_across_files(tmp_path):
    first = _write(tmp_path, [GOOD], "a.jsonl")
    second = _write(tmp_path, ["", GOOD], "b.jsonl")
    report = validate_files([first, second])
    assert report.problems == [f"{second}, line 2: id: duplicate id 'test-001' (first at {first}, line 1)"]


def test_missing_file(tmp_path):
    report = validate_files([tmp_path / "nope.jsonl"])
    assert report.problems == [f"{tmp_path / 'nope.jsonl'}: no such file"]


@settings(max_examples=60, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
                        ["start", "end", "text", "kind", "cue", "type", "cues", "id"]), inner, max_size=4),
                    max_leaves=10),
       st.sampled_from(["counts", "attributions", "sentences"]))
def test_validator_never_crashes_on_junk(junk, layer):
    record = copy.deepcopy(GOOD)
    record[layer] = [junk] if not isinstance(junk, list) else junk
    assert isinstance(check_record(record, "f, line 1"), list)


# ----------------------------------------------------------------------------- reader

def test_reader_yields_gold_examples(tmp_path):
    path = _write(tmp_path, [GOOD])
    nlp = spacy.blank("en")
    examples = list(create_conflict_corpus(str(path))(nlp))
    assert len(examples) == 1
    ref = examples[0].reference
    assert [s.text for s in ref.spans["conflict_counts"]] == ["more than 300 fighters"]
    assert [s.text for s in ref.spans["conflict_hedging"]] == ["may"]
    assert [s._.conflict_certainty for s in ref.sents] == ["certain", "possible"]
    assert ref.cats["hedged"] == 0.5
    assert list(read_records(path))[0]["id"] == "test-001"
    assert reference_doc(nlp, GOOD)._.conflict_attributions[0]["source"]["text"] == "a regional governor"


# ----------------------------------------------------------------------------- command line

def _cli(argv, capsys):
    import io

    from conflictnlp.cli import main

    out = io.StringIO()
    code = main([str(a) for a in argv], stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


def test_cli_validate_good_prints_summary(tmp_path, capsys):
    code, out, err = _cli(["corpus", "validate", _write(tmp_path, [GOOD])], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("1 documents, 2 sentences, 1 counts, 1 attributions")


def test_cli_validate_bad_lists_problems_and_fails(tmp_path, capsys):
    bad = copy.deepcopy(GOOD)
    bad["counts"][0]["kind"] = "dead"
    path = _write(tmp_path, [bad])
    code, out, err = _cli(["corpus", "validate", path, tmp_path / "missing.jsonl"], capsys)
    assert code == 1 and out == ""
    assert f"{path}, line 1: counts[0].kind: unknown label 'dead'" in err
    assert f"{tmp_path / 'missing.jsonl'}: no such file" in err


def test_cli_build_then_export_import_round_trip(tmp_path, capsys):
    authored = tmp_path / "authored.jsonl"
    authored.write_text("# a comment line\n" + json.dumps(AUTHORED) + "\n", encoding="utf8")
    code, _, _ = _cli(["corpus", "build", authored, "--out", tmp_path / "built"], capsys)
    assert code == 0
    built = [r for name in ("train", "dev", "test") for r in read_records(tmp_path / "built" / f"{name}.jsonl")]
    assert built == [GOOD]
    split = next(name for name in ("train", "dev", "test") if (tmp_path / "built" / f"{name}.jsonl").read_text())
    for tool in ("prodigy", "doccano"):
        tasks, back = tmp_path / f"{tool}.jsonl", tmp_path / f"{tool}-back.jsonl"
        assert _cli(["corpus", "export", "--to", tool, tmp_path / "built" / f"{split}.jsonl", "--out", tasks], capsys)[0] == 0
        code, out, _ = _cli(["corpus", "import", "--from", tool, tasks, "--out", back], capsys)
        assert code == 0 and out.startswith("1 documents written")
        assert list(read_records(back)) == [GOOD]


def _authored(doc_id, conflict="Invented"):
    return {"id": doc_id, "conflict": conflict, "paragraphs": [[{"s": f"Document {doc_id} reports a quiet night."}]]}


# (documents as (conflict, id), expected split sizes train/dev/test): docs/training.md and
# docs/annotation.md describe this rule (the 5th of every 9 in (conflict, id) order -> dev,
# the 9th -> test).
SPLITS = [
    (4, (4, 0, 0)),
    (5, (4, 1, 0)),
    (9, (7, 1, 1)),
    (10, (8, 1, 1)),
    (20, (16, 2, 2)),
]


@pytest.mark.parametrize("n,sizes", SPLITS, ids=[f"{n} documents" for n, _ in SPLITS])
def test_build_split_sizes_and_summary(tmp_path, capsys, n, sizes):
    authored = tmp_path / "mine.jsonl"
    authored.write_text("".join(json.dumps(_authored(f"doc-{i:02d}")) + "\n" for i in range(n)), encoding="utf8")
    code, _, err = _cli(["corpus", "build", authored, "--out", tmp_path / "built"], capsys)
    assert code == 0
    got = tuple(len(list(read_records(tmp_path / "built" / f"{name}.jsonl"))) for name in ("train", "dev", "test"))
    assert got == sizes
    assert f"documents by split: train {sizes[0]}, dev {sizes[1]}, test {sizes[2]}" in err
    assert ("no document went to dev" in err) == (sizes[1] == 0)


def test_build_split_is_by_conflict_then_id():
    """The 5th document in (conflict, id) order goes to dev, whatever the input order."""
    from conflictnlp.corpus.authoring import assign_splits

    records = [build_record(_authored(f"x-{i}", conflict)) for i, conflict in enumerate("EDCBA")]
    assert [r["id"] for r in assign_splits(records)["dev"]] == ["x-0"]  # conflict "E" sorts last


@pytest.mark.parametrize("argv,fragment", [
    (["corpus", "import", "--from", "brat", "x.jsonl", "--out", "y.jsonl"], "brat: unknown annotation tool"),
    (["corpus", "import", "--from", "prodigy", "missing.jsonl", "--out", "y.jsonl"], "missing.jsonl: no such file"),
    (["corpus"], "choose an action"),
])
def test_cli_corpus_errors_are_one_line(tmp_path, capsys, monkeypatch, argv, fragment):
    monkeypatch.chdir(tmp_path)
    code, _, err = _cli(argv, capsys)
    assert code != 0 and fragment in err and len(err.strip().splitlines()) == 1


def test_annotation_doc_examples_agree():
    """docs/annotation.md: the authoring example builds to the corpus example, which validates."""
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "annotation.md").read_text(encoding="utf8")
    blocks = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", doc, flags=re.S)]
    corpus_example, authoring_example = blocks
    assert build_record(authoring_example) == corpus_example
    assert check_record(corpus_example, "docs") == []


LEVELS = [
    ([], "certain"),
    ([("may", "epistemic")], "possible"),
    ([("likely", "epistemic")], "probable"),
    ([("appears to", "epistemic")], "probable"),
    ([("likely", "epistemic"), ("may", "epistemic")], "possible"),
    ([("expected", "expectation"), ("whether", "unclear")], "possible"),
    ([("believed", "estimate")], "probable"),
    ([("if", "condition"), ("reportedly", "evidential")], "unverified"),
    ([("denied", "denial")], "unverified"),
    ([("unconfirmed", "unverifiable")], "unverified"),
]


@pytest.mark.parametrize("cues,level", LEVELS, ids=[str(c) for c, _ in LEVELS])
def test_level_implied_by_cues(cues, level):
    from conflictnlp.corpus.validate import implied_level

    assert implied_level([{"text": t, "type": k} for t, k in cues]) == level


def test_old_module_paths_are_the_corpus_modules():
    import importlib
    import subprocess
    import sys

    import conflictnlp.corpus

    for name in ("authoring", "validate", "importers", "evaluate"):
        assert importlib.import_module(f"conflictnlp.{name}") is importlib.import_module(f"conflictnlp.corpus.{name}")
    # what conflictnlp.corpus exported as a module, the reader's entry point included
    assert conflictnlp.corpus.create_conflict_corpus is importlib.import_module("conflictnlp.corpus.format").create_conflict_corpus
    for name in ("CorpusError", "corpus_files", "read_records", "annotate_reference", "reference_doc", "read_examples", "ConflictCorpus"):
        assert getattr(conflictnlp.corpus, name) is getattr(importlib.import_module("conflictnlp.corpus.format"), name)
    for module in ("conflictnlp.authoring", "conflictnlp.corpus.authoring"):
        shown = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True, check=True)
        assert "--out" in shown.stdout


# (cue text, type, the certainty it signals): the claim linker and the validator read one table
# (conflictnlp.schema), so they grade every cue alike; an epistemic cue is probable when any of
# its words says so ("believed", "appears to", "seems").
ONE_TABLE = [
    ("believed", "epistemic", "probable"),
    ("appears", "epistemic", "probable"),
    ("appears to", "epistemic", "probable"),
    ("presumably", "epistemic", "probable"),
    ("most likely", "epistemic", "probable"),
    ("may", "epistemic", "possible"),
    ("could", "epistemic", "possible"),
    ("expected", "expectation", "probable"),
    ("whether", "unclear", "possible"),
    ("reportedly", "evidential", "unverified"),
]


@pytest.mark.parametrize("text,kind,level", ONE_TABLE, ids=[t for t, _, _ in ONE_TABLE])
def test_claims_and_validator_grade_a_cue_alike(text, kind, level):
    from conflictnlp import schema
    from conflictnlp.claims import cue_certainty
    from conflictnlp.corpus.validate import implied_level

    cue = {"text": text, "type": kind}
    assert cue_certainty(cue) == implied_level([cue]) == schema.cue_certainty(cue) == level


def test_gold_spans_go_under_the_recorded_keys():
    from conflictnlp import schema
    from conflictnlp.corpus.format import annotate_reference

    doc = spacy.blank("en").make_doc(GOOD["text"])
    for layer in ("counts", "attribution", "hedging"):
        schema.record_spans_key(doc, layer, f"gold_{layer}")
    annotate_reference(doc, GOOD)
    assert [s.text for s in doc.spans["gold_counts"]] == ["more than 300 fighters"]
    assert [s.text for s in doc.spans["gold_hedging"]] == ["may"]
    assert len(doc.spans["gold_attribution"]) == len(GOOD["attributions"]) > 0
    assert not {"conflict_counts", "conflict_attribution", "conflict_hedging"} & set(doc.spans)


# ----------------------------------------------------------------------------- one Example per paragraph or sentence

SPLIT_DOC = {"id": "split-1", "paragraphs": [
    [{"s": "Two brigades crossed the river, a regional governor said.",
      "attributions": [{"cue": "said", "source": "a regional governor", "content": "Two brigades crossed the river"}]},
     {"s": "The crossing may widen the front.", "certainty": "possible", "cues": [{"text": "may", "type": "epistemic"}]}],
    [{"s": "About 40 tanks were seen near the dam.",
      "counts": [{"text": "About 40 tanks", "kind": "equipment"}]}],
]}


@pytest.mark.parametrize("unit, n_parts", [("document", 1), ("paragraph", 2), ("sentence", 3)])
def test_split_record_keeps_every_annotation_at_its_text(unit, n_parts):
    from conflictnlp.corpus.format import split_record

    record = build_record(SPLIT_DOC)
    parts = split_record(record, unit)
    assert len(parts) == n_parts
    for key in ("counts", "attributions", "sentences"):
        assert sum(len(p[key]) for p in parts) == len(record[key])
    for part in parts:
        for sentence in part["sentences"]:
            assert part["text"][sentence["start"]:sentence["end"]].strip()
            for cue in sentence["cues"]:
                assert part["text"][cue["start"]:cue["end"]] == cue["text"]
        for item in part["counts"] + [a[role] for a in part["attributions"] for role in ("cue", "source", "content")]:
            assert part["text"][item["start"]:item["end"]] == item["text"]


def test_reader_unit_paragraph_yields_one_example_per_paragraph(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(build_record(SPLIT_DOC)) + "\n", encoding="utf8")
    examples = list(create_conflict_corpus(str(path), unit="paragraph")(spacy.blank("en")))
    assert [len(list(eg.reference.sents)) for eg in examples] == [2, 1]
    with pytest.raises(ValueError, match="unknown unit 'chapter'"):
        create_conflict_corpus(str(path), unit="chapter")
