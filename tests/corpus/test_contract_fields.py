"""The contract's attribution fields `cue_type` and `content_parts` in the corpus format: authoring,
validation, reading (defaults for older records), evaluation, the scorer and the tool formats.
Every sentence is invented."""

from __future__ import annotations

import copy
import json

import pytest
import spacy
from spacy.training import Example

from conflictnlp.attribution import score_attribution
from conflictnlp.corpus.authoring import AuthoringError, build_record
from conflictnlp.corpus.evaluate import score
from conflictnlp.corpus.format import reference_doc, to_docbin, with_contract_defaults
from conflictnlp.corpus.importers import export_records, import_files
from conflictnlp.corpus.validate import check_record

SPLIT = ["“The ferry is lost,” the harbour master said.", "“Nobody swam ashore.”"]


def _doc(sentences, attribution):
    return {"id": "cf-1", "paragraphs": [[{"s": sentences[0], "attributions": [attribution]}]
                                         + [{"s": s} for s in sentences[1:]]]}


# (attribution as authored, sentences, cue_type built, content_parts texts built)
BUILDS = [
    ({"cue": "said", "source": "the harbour master", "content": "The ferry is lost"}, SPLIT,
     "speech", ["The ferry is lost"]),
    ({"cue": "said", "source": "the harbour master", "content": "The ferry is lost",
      "content_parts": ["The ferry is lost", "Nobody swam ashore."]}, SPLIT,
     "speech", ["The ferry is lost", "Nobody swam ashore."]),
    ({"cue": "said", "source": "the harbour master", "content_parts": ["The ferry is lost", "Nobody swam ashore."]},
     SPLIT, "speech", ["The ferry is lost", "Nobody swam ashore."]),
    ({"cue": "believes", "source": "The garrison", "content": "the pass is mined", "cue_type": "belief"},
     ["The garrison believes the pass is mined."], "belief", ["the pass is mined"]),
    ({"cue": "found", "source": "The audit", "content": "two depots were empty", "cue_type": "evidence"},
     ["The audit found that two depots were empty."], "evidence", ["two depots were empty"]),
    ({"cue": "declined to comment", "source": "The envoy", "content": None},
     ["The envoy declined to comment."], "speech", []),
]


@pytest.mark.parametrize("spec,sentences,cue_type,parts", BUILDS)
def test_build_writes_cue_type_and_content_parts(spec, sentences, cue_type, parts):
    attribution = build_record(_doc(sentences, spec))["attributions"][0]
    assert attribution["cue_type"] == cue_type
    assert [p["text"] for p in attribution["content_parts"]] == parts
    assert attribution["content"] == (attribution["content_parts"][0] if parts else None)


# (attribution as authored, fragment of the problem line)
BUILD_ERRORS = [
    ({"cue": "said", "content": "The ferry is lost", "cue_type": "rumour"}, "cue_type 'rumour' is not one of speech"),
    ({"cue": "said", "content": "The ferry is lost", "content_parts": ["Nobody swam ashore.", "The ferry is lost"]},
     "content_parts[1]: span 'The ferry is lost' (occurrence 1) not found"),
    ({"cue": "said", "content": "The ferry is lost", "content_parts": ["Nobody swam ashore."]},
     "content_parts[0] 'Nobody swam ashore.' is not the content 'The ferry is lost'"),
    ({"cue": "said", "content": "The ferry is lost", "content_parts": []}, "content_parts must be a non-empty list"),
    ({"cue": "said", "content": "The ferry is lost", "content_parts": ["The ferry is lost", "A whale"]},
     "content_parts[1]: span 'A whale' (occurrence 1) not found"),
    ({"cue": "said", "content": "The ferry is lost", "content_parts": ["The ferry is lost", None]},
     "content_parts[1] is null"),
]


@pytest.mark.parametrize("spec,fragment", BUILD_ERRORS)
def test_build_names_bad_contract_fields(spec, fragment):
    with pytest.raises(AuthoringError) as err:
        build_record(_doc(SPLIT, spec), "mine.jsonl, line 3")
    assert any(fragment in p and p.startswith("mine.jsonl, line 3") for p in err.value.problems), err.value.problems


GOOD = build_record(_doc(SPLIT, BUILDS[1][0]))


def _set(field, value):
    def edit(record):
        record["attributions"][0][field] = value
    return edit


def _swap_parts(record):
    record["attributions"][0]["content_parts"].reverse()


def _overlap_parts(record):
    record["attributions"][0]["content_parts"].append(dict(record["attributions"][0]["content_parts"][1]))


def _null_content(record):
    record["attributions"][0]["content"] = None


# (edit of a good record, fragment of the problem line)
INVALID = [
    (_set("cue_type", "hearsay"), "attributions[0].cue_type: unknown label 'hearsay'"),
    (_set("content_parts", "all"), "attributions[0].content_parts: must be a list of spans"),
    (_set("content_parts", []), "attributions[0].content_parts: is empty but content is not null"),
    (_swap_parts, "attributions[0].content_parts[0]: 47:66 is not the content 1:18"),
    (_swap_parts, "attributions[0].content_parts[1]: starts at 1, before the previous part ends (66)"),
    (_overlap_parts, "attributions[0].content_parts[2]: starts at 47, before the previous part ends (66)"),
    (_null_content, "attributions[0].content_parts: must be empty when content is null"),
]


@pytest.mark.parametrize("edit,fragment", INVALID)
def test_validate_names_file_line_and_field(edit, fragment):
    record = copy.deepcopy(GOOD)
    edit(record)
    problems = check_record(record, "c.jsonl, line 7")
    assert any(p.startswith("c.jsonl, line 7: ") and fragment in p for p in problems), problems


def test_validate_accepts_good_and_older_records():
    older = copy.deepcopy(GOOD)
    for attribution in older["attributions"]:
        del attribution["cue_type"], attribution["content_parts"]
    assert check_record(GOOD, "w") == [] and check_record(older, "w") == []


# (attribution without the fields, the defaults read)
DEFAULTS = [
    ({"content": {"start": 0, "end": 4, "text": "Ours"}}, "speech", [{"start": 0, "end": 4, "text": "Ours"}]),
    ({"content": None}, "speech", []),
    ({"content": None, "cue_type": "belief"}, "belief", []),
]


@pytest.mark.parametrize("item,cue_type,parts", DEFAULTS)
def test_older_records_read_with_defaults(item, cue_type, parts):
    filled = with_contract_defaults(item)
    assert (filled["cue_type"], filled["content_parts"]) == (cue_type, parts)
    assert "cue_type" not in item or item["cue_type"] == cue_type  # the record itself is not changed


def test_reference_doc_and_spacy_export_carry_the_fields():
    nlp = spacy.blank("en")
    older = copy.deepcopy(GOOD)
    del older["attributions"][0]["cue_type"], older["attributions"][0]["content_parts"]
    for record, n_parts in ((GOOD, 2), (older, 1)):
        doc = reference_doc(nlp, record)
        assert doc._.conflict_attributions[0]["cue_type"] == "speech"
        assert len(doc._.conflict_attributions[0]["content_parts"]) == n_parts
        back = list(to_docbin(nlp, [record]).get_docs(nlp.vocab))[0]
        assert list(back._.conflict_attributions[0]["content_parts"]) == doc._.conflict_attributions[0]["content_parts"]


def _with(record, **fields):
    record = copy.deepcopy(record)
    record["attributions"][0].update(fields)
    return record


BELIEF = _with(GOOD, cue_type="belief")
ONE_PART = _with(GOOD, content_parts=GOOD["attributions"][0]["content_parts"][:1])


# (gold, predicted, cue_type accuracy, content_parts exact tp/pred/gold)
SCORES = [
    (GOOD, GOOD, 1.0, (2, 2, 2)),
    (BELIEF, GOOD, 0.0, (2, 2, 2)),
    (GOOD, ONE_PART, 1.0, (1, 1, 2)),
    (ONE_PART, GOOD, 1.0, (1, 2, 1)),
]


@pytest.mark.parametrize("gold,pred,accuracy,parts", SCORES)
def test_evaluate_scores_cue_type_and_parts(gold, pred, accuracy, parts):
    figures = score([(gold, pred)], layers=("attributions",))["attributions"]
    assert figures["cue_type"]["acc"] == accuracy
    exact = figures["content_parts_exact"]
    assert (exact["tp"], exact["pred"], exact["gold"]) == parts


@pytest.mark.parametrize("gold,pred,accuracy", [(GOOD, GOOD, 1.0), (BELIEF, GOOD, 0.0), (GOOD, BELIEF, 0.0)])
def test_attribution_scorer_cue_type_accuracy(gold, pred, accuracy):
    nlp = spacy.blank("en")
    example = Example(reference_doc(nlp, pred), reference_doc(nlp, gold))
    assert score_attribution([example])["attribution_cue_type_acc"] == accuracy


@pytest.mark.parametrize("tool", ["prodigy", "doccano"])
def test_tools_carry_cue_type_and_parts(tmp_path, tool):
    path = tmp_path / f"{tool}.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in export_records(tool, [BELIEF])), encoding="utf8")
    assert import_files(tool, [path]) == [BELIEF]
    fresh = export_records(tool, [BELIEF])  # without the side data: the parts still come back
    for task in fresh:
        task.pop("conflictnlp", None)
    path.write_text("".join(json.dumps(t) + "\n" for t in fresh), encoding="utf8")
    attribution = import_files(tool, [path])[0]["attributions"][0]
    assert [p["text"] for p in attribution["content_parts"]] == ["The ferry is lost", "Nobody swam ashore."]
    assert attribution["cue_type"] == "speech"
