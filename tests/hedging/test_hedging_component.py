"""conflict_hedging's spaCy shell (hedging/component.py): what it writes on Docs, options,
serialization, properties, the documented example."""

from __future__ import annotations

import json
import pickle

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, DocBin

from conflictnlp import hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.rules import ResourceError
from conflictnlp.schema import CERTAINTY_LEVELS, DOC_CATS

from hedging_fixtures import rules_nlp, shipped_nlp  # noqa: F401  (pytest fixtures)


TEXT = (
    "Russia may send 10,000 more troops. Kyiv said 300 soldiers were killed. "
    "The rebels reportedly seized the airport, which could not be independently verified."
)


def test_doc_level_outputs(rules_nlp):
    doc = rules_nlp(TEXT)
    levels = [s._.conflict_certainty for s in doc.sents]
    assert levels == ["possible", "certain", "unverified"]
    assert tuple(doc.cats) == DOC_CATS
    assert doc.cats["hedged"] == pytest.approx(2 / 3)
    assert sum(doc.cats[level] for level in CERTAINTY_LEVELS) == pytest.approx(1.0)
    spans = doc.spans["conflict_hedging"]
    assert [(s.text, s.label_) for s in spans] == [
        ("may", "epistemic"), ("reportedly", "evidential"),
        ("could not be independently verified", "unverifiable"),
    ]
    for sent in doc.sents:
        for cue in sent._.conflict_hedge_cues:
            assert doc.text[cue["start"]:cue["end"]] == cue["text"]
            assert sent.start_char <= cue["start"] < cue["end"] <= sent.end_char


def test_doc_without_sentence_boundaries_is_one_sentence():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_hedging", config={"use_model": False})
    doc = nlp("Troops may be there. Others reportedly left.")
    assert doc[:]._.conflict_certainty == "unverified"
    assert doc.cats["hedged"] == 1.0


def test_empty_doc(rules_nlp, shipped_nlp):
    for nlp in (rules_nlp, shipped_nlp):
        doc = nlp("")
        assert doc.cats == {label: 0.0 for label in DOC_CATS}
        assert list(doc.spans["conflict_hedging"]) == []


def test_uses_sentence_boundaries_from_a_parser_doc():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("conflict_hedging", config={"use_model": False})
    words = ["Troops", "may", "leave", ".", "They", "left", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True, False, False, False, True, False, False])
    doc = component(doc)
    assert [s._.conflict_certainty for s in doc.sents] == ["possible", "certain"]


def test_outputs_are_plain_data_and_survive_serialization(rules_nlp):
    doc = rules_nlp(TEXT)
    for restored in (
        pickle.loads(pickle.dumps(doc)),
        Doc(rules_nlp.vocab).from_bytes(doc.to_bytes()),
        list(_docbin_roundtrip(doc, rules_nlp.vocab))[0],
    ):
        assert [s._.conflict_certainty for s in restored.sents] == ["possible", "certain", "unverified"]
        assert [[dict(c) for c in s._.conflict_hedge_cues] for s in restored.sents] == [s._.conflict_hedge_cues for s in doc.sents]


def _docbin_roundtrip(doc, vocab):
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    return DocBin(store_user_data=True).from_bytes(data).get_docs(vocab)


def test_shipped_weights_load_without_initialize(shipped_nlp):
    component = shipped_nlp.get_pipe("conflict_hedging")
    assert component.model is not None
    doc = shipped_nlp(TEXT)
    scores = [s._.conflict_hedge_score for s in doc.sents]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert [s._.conflict_hedged for s in doc.sents] == [True, False, True]
    assert scores[1] < 0.5 < min(scores[0], scores[2])


def test_rejects_bad_threshold():
    with pytest.raises(ValueError, match="threshold"):
        spacy.blank("en").add_pipe("conflict_hedging", config={"use_model": False, "threshold": 1.5})


def test_rejects_bad_cue_dropout():
    with pytest.raises(ValueError, match="cue_dropout"):
        spacy.blank("en").add_pipe("conflict_hedging", config={"cue_dropout": 1.0})


def test_load_includes_hedging():
    pytest.importorskip("conflictnlp.counts")  # load() needs every default component
    import conflictnlp

    nlp = conflictnlp.load()
    assert "conflict_hedging" in nlp.pipe_names
    export = conflictnlp.to_dict(nlp("Russia may send more troops."))
    assert export["sentences"][0]["certainty"] == "possible"
    assert export["sentences"][0]["cues"][0]["type"] == "epistemic"


def test_saved_user_lexicon_travels_with_the_pipeline(tmp_path):
    path = tmp_path / "cues.jsonl"
    path.write_text('{"phrase": "rumour has it", "type": "evidential", "level": "unverified"}\n', encoding="utf8")
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_hedging", config={"use_model": False, "cues": str(path)})
    nlp.to_disk(tmp_path / "pipeline")
    path.unlink()
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded("Rumour has it they left.")[:]._.conflict_certainty == "unverified"


WORDS = st.sampled_from(
    ["may", "May", "could", "not", "be", "independently", "verified", "reportedly", "troops", "said",
     "if", "whether", "expected", "as", "no", "doubt", ".", ",", "\n", "11,000", "“", "”", "", "?", "set", "to"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join)))
def test_never_crashes_and_keeps_invariants(rules_nlp, shipped_nlp, text):
    for nlp in (rules_nlp, shipped_nlp):
        doc = nlp(text)
        for sent in doc.sents if len(doc) else []:
            assert sent._.conflict_certainty in CERTAINTY_LEVELS
            assert sent._.conflict_hedged == (sent._.conflict_certainty != "certain")
            assert 0.0 <= sent._.conflict_hedge_score <= 1.0
            assert (sent._.conflict_certainty == "certain") == (not sent._.conflict_hedge_cues) or sent._.conflict_certainty != "certain"
            if sent._.conflict_certainty == "certain":
                assert sent._.conflict_hedge_cues == []
        if len(doc):
            assert sum(doc.cats[level] for level in CERTAINTY_LEVELS) == pytest.approx(1.0)


def test_docs_example_runs():
    from pathlib import Path

    doc_path = Path(__file__).resolve().parents[2] / "docs" / "hedging.md"
    if not doc_path.exists():
        pytest.skip("docs not in this installation")
    text = doc_path.read_text(encoding="utf8")
    code = text.split("```python", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(compile(code, str(doc_path), "exec"), namespace)
    assert [s._.conflict_certainty for s in namespace["doc"].sents] == ["possible", "certain", "unverified"]


# Plain reported speech with a figure: the model alone scores it around 0.6, below
# uncued_threshold, so it stays certain (the contract: reported speech alone is no hedge).
REPORTED_SPEECH = [
    "Russia has amassed some 50,000 troops, a US official told CNN.",
    "Russia has amassed some 50,000 troops near Kursk, a US official told CNN.",
    "Zelensky said 11,000 troops are there.",
]


@pytest.mark.parametrize("text", REPORTED_SPEECH)
def test_reported_speech_without_cue_stays_certain(text):
    import conflictnlp

    sent = conflictnlp.load()(text)[:]
    assert sent._.conflict_certainty == "certain" and sent._.conflict_hedge_cues == []


def test_uncued_threshold_is_validated():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="uncued_threshold must be in"):
        nlp.add_pipe("conflict_hedging", config={"uncued_threshold": 0.0})


# -- the spaCy layer: spans_key, rule tables saved with the pipeline, installed layout -------


def test_spans_key_is_used_and_recorded(rules_nlp):
    from conflictnlp.schema import spans_key

    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_hedging", config={"use_model": False, "spans_key": "hedges"})
    doc = nlp(TEXT)
    default = rules_nlp(TEXT)
    assert "conflict_hedging" not in doc.spans
    assert [s.text for s in doc.spans["hedges"]] == [s.text for s in default.spans["conflict_hedging"]]
    assert spans_key(doc, "hedging") == "hedges"
    assert spans_key(default, "hedging") == "conflict_hedging"
    assert not [k for k in default.user_data if k[0] == "conflictnlp.spans_key"]  # nothing noted for the default


def _user_rule_files(tmp_path):
    cues = tmp_path / "my_cues.jsonl"
    cues.write_text('{"phrase": "rumour has it", "type": "evidential", "level": "unverified"}\n', encoding="utf8")
    pseudo = tmp_path / "my_pseudo.jsonl"
    pseudo.write_text('# mine\n{"phrase": "rumour has it that the"}\n', encoding="utf8")
    return cues, pseudo


def _levels(nlp):
    texts = ["Rumour has it they left.", "Rumour has it that the army left.", "The brigade may withdraw."]
    return [nlp(text)[:]._.conflict_certainty for text in texts]


def test_both_user_rule_files_travel_with_the_pipeline(tmp_path):
    cues, pseudo = _user_rule_files(tmp_path)
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_hedging", config={"use_model": False, "cues": str(cues), "pseudo_cues": str(pseudo)})
    expected = _levels(nlp)
    assert expected == ["unverified", "certain", "certain"]
    data = nlp.to_bytes()
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "conflict_hedging" / "pseudo_cues.jsonl").exists()
    cues.unlink()
    pseudo.unlink()
    assert _levels(spacy.load(tmp_path / "pipeline")) == expected
    other = spacy.blank("en")
    other.add_pipe("conflict_hedging", config={"use_model": False})
    assert _levels(other.from_bytes(data)) == expected


def test_bytes_of_earlier_versions_still_load(tmp_path):
    import srsly

    cues, pseudo = _user_rule_files(tmp_path)
    old = {"cfg": {}, "cues": [json.loads(cues.read_text())], "pseudo_cues": [json.loads(pseudo.read_text().splitlines()[1])]}
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_hedging", config={"use_model": False}).from_bytes(srsly.msgpack_dumps(old))
    assert _levels(nlp) == ["unverified", "certain", "certain"]


def test_missing_user_rule_file_fails_on_the_first_doc(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_hedging", config={"use_model": False, "cues": str(tmp_path / "gone.jsonl")})
    with pytest.raises(ResourceError, match=r"gone.jsonl: file not found"):
        nlp("They may leave.")


def test_bad_entry_of_a_user_file_names_file_and_line(tmp_path):
    path = tmp_path / "my_cues.jsonl"
    path.write_text('# mine\n{"phrase": "may", "type": "epistemic", "level": "possible"}\n'
                    '{"phrase": "ought to", "type": "guess", "level": "possible"}\n', encoding="utf8")
    with pytest.raises(ResourceError, match=r"my_cues.jsonl, line 3: .*field 'type' must be one of"):
        spacy.blank("en").add_pipe("conflict_hedging", config={"use_model": False, "cues": str(path)})


def test_shipped_weights_load_from_an_installed_layout(tmp_path):
    """A wheel puts the package (with hedging/weights/) and components/ into site-packages:
    the shipped weights load from there, without the source tree."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import conflictnlp

    package = Path(conflictnlp.__file__).resolve().parent
    site = tmp_path / "site"
    shutil.copytree(package, site / "conflictnlp", ignore=shutil.ignore_patterns("__pycache__"))
    if not (site / "conflictnlp" / "components").is_dir():  # a source checkout: components/ sits beside src/
        shutil.copytree(package.parents[1] / "components", site / "conflictnlp" / "components")
    script = (
        "import warnings, spacy, conflictnlp.hedging as h\n"
        "warnings.simplefilter('error')\n"
        "assert h.BUNDLED_WEIGHTS.is_relative_to(h.__path__[0]), h.BUNDLED_WEIGHTS\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('conflict_sentences'); nlp.add_pipe('conflict_hedging')\n"
        "doc = nlp('The brigade may withdraw. It left.')\n"
        "assert nlp.get_pipe('conflict_hedging').model is not None\n"
        "print([s._.conflict_certainty for s in doc.sents])\n"
    )
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['possible', 'certain']"
