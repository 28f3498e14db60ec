"""`corpus build` and training tell the truth: every problem of every document in one run, a
required --out, a hint at `build` where an authoring file is validated, and warnings when the dev
set is too small to choose a model or training kept the step-0 model as model-best."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

import pytest

from conflictnlp.cli import main
from conflictnlp.corpus.authoring import (
    MIN_DEV_DOCUMENTS,
    MIN_DEV_HEDGED,
    MIN_DEV_SENTENCES,
    AuthoringError,
    build_record,
    dev_size_warning,
)

ROOT = Path(__file__).resolve().parents[2]


def _cli(argv, capsys):
    out = io.StringIO()
    code = main([str(a) for a in argv], stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


def _sentence(text, **fields):
    return {"s": text, **fields}


# (defect, sentence with it, the fragment of its problem line): invented sentences
DEFECTS = [
    ("unknown kind", _sentence("The militia lost 40 fighters near the dam.",
                                counts=[{"text": "40 fighters", "value": 40, "kind": "fighters"}]),
     "kind 'fighters' is not one of"),
    ("count text not found", _sentence("Patrols found 12 trucks at the depot.",
                                       counts=[{"text": "twelve trucks", "value": 12, "kind": "equipment"}]),
     "span 'twelve trucks' (occurrence 1) not found"),
    ("low above high", _sentence("Between 900 and 400 recruits arrived.",
                                 counts=[{"text": "900 and 400 recruits", "low": 900, "high": 400, "qualifier": "range",
                                          "kind": "troops"}]),
     "low 900 > high 400"),
    ("unknown certainty", _sentence("The ferry sank in the storm.", certainty="doubtful"),
     "certainty 'doubtful' is not one of"),
    ("hedged without cue", _sentence("The ferry may have sunk.", certainty="possible"),
     "certainty 'possible' needs at least one cue"),
    ("unknown cue type", _sentence("The garrison may surrender.", certainty="possible",
                                   cues=[{"text": "may", "type": "guess"}]),
     "cue type 'guess' is not one of"),
    ("attribution without cue", _sentence("The port is closed, a harbour pilot said.",
                                          attributions=[{"source": "a harbour pilot"}]),
     "attribution without a cue"),
    ("unknown source type", _sentence("The port is closed, a harbour pilot said.",
                                      attributions=[{"cue": "said", "source": "a harbour pilot", "source_type": "pilot"}]),
     "source_type 'pilot' is not one of"),
    ("count not an object", _sentence("Six barges burned.", counts=["Six barges"]), "a count must be an object"),
    ("empty sentence", _sentence("   "), 'needs a non-empty "s"'),
]


def _documents():
    """Two documents, each with half of the defects (and a good sentence between them)."""
    docs = []
    for n, half in enumerate((DEFECTS[::2], DEFECTS[1::2])):
        sentences = [s for _, s, _ in half]
        sentences.insert(1, _sentence("Rain fell on the northern front."))
        docs.append({"id": f"truth-{n}", "conflict": "Invented", "paragraphs": [sentences]})
    return docs


def test_build_lists_every_problem_of_every_document(tmp_path, capsys):
    authored = tmp_path / "mine.jsonl"
    authored.write_text("".join(json.dumps(d) + "\n" for d in _documents()), encoding="utf8")
    code, _, err = _cli(["corpus", "build", authored, "--out", tmp_path / "built"], capsys)
    assert code == 1
    lines = err.strip().splitlines()
    for defect, _, fragment in DEFECTS:
        hits = [line for line in lines if fragment in line]
        assert len(hits) == 1, (defect, lines)
        assert hits[0].startswith(f"{authored}, line ")
    assert f"0 documents, 0 sentences, {len(DEFECTS)} errors" in err
    assert not (tmp_path / "built").exists()


@pytest.mark.parametrize("defect,sentence,fragment", DEFECTS, ids=[d for d, _, _ in DEFECTS])
def test_build_record_names_each_defect(defect, sentence, fragment):
    doc = {"id": "one", "paragraphs": [[_sentence("A quiet night in the valley."), sentence]]}
    with pytest.raises(AuthoringError) as caught:
        build_record(doc, "mine.jsonl, line 3")
    assert len(caught.value.problems) == 1 and fragment in caught.value.problems[0]
    assert caught.value.problems[0].startswith("mine.jsonl, line 3 (one)")


def test_build_record_of_a_good_document_is_unchanged():
    """Collecting problems does not change what a good document builds to."""
    doc = {"id": "good", "paragraphs": [[
        _sentence("The brigade may withdraw 300 soldiers, a spokesman said.", certainty="possible",
                  cues=[{"text": "may", "type": "epistemic"}],
                  counts=[{"text": "300 soldiers", "value": 300, "kind": "troops", "actor": None}],
                  attributions=[{"cue": "said", "source": "a spokesman", "content": "The brigade may withdraw 300 soldiers",
                                 "source_type": "military", "anonymous": True, "via": []}])],
        [_sentence("Shelling stopped.")]]}
    record = build_record(doc)
    assert record["text"] == "The brigade may withdraw 300 soldiers, a spokesman said.\n\nShelling stopped."
    assert list(record["attributions"][0]) == ["id", "cue", "source", "content", "medium", "time", "content_parts",
                                               "cue_type", "source_type", "anonymous", "state_media", "via"]
    assert record["attributions"][0]["cue_type"] == "speech"  # the defaults of the contract's fields
    assert record["attributions"][0]["content_parts"] == [record["attributions"][0]["content"]]
    assert record["counts"][0]["text"] == "300 soldiers" and record["sentences"][1]["start"] == 58


def test_build_without_out_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    authored = tmp_path / "mine.jsonl"
    authored.write_text(json.dumps(_documents()[0]) + "\n", encoding="utf8")
    code, out, err = _cli(["corpus", "build", authored], capsys)
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "conflictnlp corpus build: error: --out DIR is required (the folder to write train.jsonl, dev.jsonl and test.jsonl to)"
    ]
    assert list(tmp_path.iterdir()) == [authored]


def test_validate_hints_at_build_for_an_authoring_file(tmp_path, capsys):
    authored = tmp_path / "mine.jsonl"
    authored.write_text("# my annotations\n" + json.dumps(_documents()[0]) + "\n", encoding="utf8")
    code, _, err = _cli(["corpus", "validate", authored], capsys)
    assert code == 1
    hint = err.strip().splitlines()[0]
    assert hint.startswith(f"{authored}: an authoring file")
    assert f"`conflictnlp corpus build {authored} --out DIR`" in hint
    assert "invalid JSON" not in err and "malformed line" not in err


def _records(documents, sentences, hedged):
    """Corpus-like records: ``sentences`` per document, ``hedged`` of them not certain."""
    return [
        {"id": f"d{d}", "sentences": [{"certainty": "possible" if i < hedged else "certain"} for i in range(sentences)]}
        for d in range(documents)
    ]


# (documents, sentences each, hedged each, warned?): the thresholds of docs/training.md
DEV_SIZES = [
    (1, 2, 1, True),  # the case: one dev document of two sentences
    (1, 40, 20, True),  # many sentences, but one document
    (MIN_DEV_DOCUMENTS, 1, 1, True),  # enough documents, too few sentences
    (MIN_DEV_DOCUMENTS, 4, 0, True),  # 20 sentences, none hedged: hedging cannot be scored
    (MIN_DEV_DOCUMENTS, 4, 1, False),
    (10, 20, 8, False),  # the size of our own dev set
    (0, 0, 0, True),
]


@pytest.mark.parametrize("documents,sentences,hedged,warned", DEV_SIZES)
def test_dev_size_warning(documents, sentences, hedged, warned):
    assert MIN_DEV_DOCUMENTS * 4 >= MIN_DEV_SENTENCES and MIN_DEV_HEDGED <= MIN_DEV_DOCUMENTS
    warning = dev_size_warning(_records(documents, sentences, hedged))
    assert (warning is not None) == warned
    if warned:
        assert f"dev has {documents} document" in warning and "too few to choose a model" in warning


def _authored(n, sentences):
    return {"id": f"doc-{n:02d}", "conflict": "Invented", "paragraphs": [[
        _sentence(f"Column {n} may reach the ford.", certainty="possible", cues=[{"text": "may", "type": "epistemic"}]),
        *(_sentence(f"Column {n} crossed bridge {k}.") for k in range(sentences - 1))]]}


@pytest.mark.parametrize("documents,sentences,warned", [(10, 2, True), (45, 2, True), (45, 4, False)])
def test_build_warns_when_dev_is_too_small(tmp_path, capsys, documents, sentences, warned):
    authored = tmp_path / "mine.jsonl"
    authored.write_text("".join(json.dumps(_authored(n, sentences)) + "\n" for n in range(documents)), encoding="utf8")
    code, _, err = _cli(["corpus", "build", authored, "--out", tmp_path / "built"], capsys)
    assert code == 0 and (tmp_path / "built" / "dev.jsonl").is_file()
    assert ("too few to choose a model" in err) == warned, err


def _script():
    spec = importlib.util.spec_from_file_location("train_hedging", ROOT / "training" / "train_hedging.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# (the (step, score) of each evaluation logged by spaCy, is model-best the step-0 model?)
LOGS = [
    ([(0, 0.80), (3, 0.55), (6, 0.60)], True),  # every later evaluation scored lower
    ([(0, 0.55), (3, 0.80), (6, 0.60)], False),
    ([(0, 0.60), (3, 0.60)], False),  # a tie: spaCy keeps the later checkpoint
    ([(0, 0.60)], False),  # only one evaluation: nothing to choose from
    ([], False),
]


@pytest.mark.parametrize("rows,warned", LOGS, ids=[str(r) for r, _ in LOGS])
def test_best_step_warning(tmp_path, rows, warned):
    log = tmp_path / "training_log.jsonl"
    log.write_text("".join(json.dumps({"epoch": 0, "step": step, "losses": {}, "scores": {}, "score": score}) + "\n"
                           for step, score in rows), encoding="utf8")
    warning = _script().best_step_warning(log)
    assert (warning is not None) == warned
    if warned:
        assert warning.startswith("model-best is the model of step 0") and "--checkpoint last" in warning
    assert _script().best_step_warning(tmp_path / "no-log.jsonl") is None


def test_training_logs_every_evaluation_for_the_check(tmp_path):
    """The logger override makes spaCy write training_log.jsonl, for the shipped config."""
    script = _script()
    extra = script._log_overrides(ROOT / "training" / "hedging.cfg", tmp_path, {})
    assert extra == {"training.logger.output_file": str(tmp_path / "training_log.jsonl"),
                     "training.logger.@loggers": "spacy.ConsoleLogger.v2"}
    assert script._log_overrides(ROOT / "training" / "hedging.cfg", tmp_path, {"training.logger.progress_bar": True}) == {}
