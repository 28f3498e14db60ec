"""The spaCy shell of ``conflict_attribution`` (conflictnlp.attribution.component): the configured
scorer, the span key, and a saved pipeline that no longer needs the user's rule files."""

from __future__ import annotations

import json
import pickle

import pytest
import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import registry

from conflictnlp import attribution, schema, sentences  # noqa: F401  (registers the factories)
from conflictnlp.lexicons import ResourceError


def _constant_score(examples, **kwargs):
    return {"attribution_constant": 1.0}


@registry.scorers("conflictnlp.test_attribution_constant_scorer.v1")
def make_constant_scorer():
    return _constant_score


def test_configured_scorer_is_what_score_calls():
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe(
        "conflict_attribution", config={"scorer": {"@scorers": "conflictnlp.test_attribution_constant_scorer.v1"}}
    )
    assert pipe.scorer is _constant_score
    assert nlp.get_pipe("conflict_attribution").score([]) == {"attribution_constant": 1.0}


def test_spans_key_config_is_where_the_cues_go():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_attribution", config={"spans_key": "reports"})
    doc = nlp("The army said 30 militants were killed.")
    assert [s.text for s in doc.spans["reports"]] == ["said"]
    assert "conflict_attribution" not in doc.spans
    assert schema.spans_key(doc, "attribution") == "reports"


def test_default_spans_key_is_the_schema_key_whatever_the_component_name():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_attribution", name="who_says")
    assert nlp.get_pipe_config("who_says")["spans_key"] == schema.ATTRIBUTION_KEY
    doc = nlp("The army said 30 militants were killed.")
    assert [s.text for s in doc.spans[schema.ATTRIBUTION_KEY]] == ["said"]
    assert schema.spans_key(doc, "attribution") == schema.ATTRIBUTION_KEY
    assert ("conflictnlp.spans_key", "attribution") not in doc.user_data  # nothing noted for the default key


def test_saved_pipeline_runs_after_the_user_rule_file_is_gone(tmp_path):
    cues = tmp_path / "rules" / "cues.jsonl"
    cues.parent.mkdir()
    cues.write_text('# my cues\n{"lemma": "blog", "forms": ["blogged"], "strength": "strong"}\n', encoding="utf8")
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_attribution", config={"cues": str(cues)})
    text = "A Russian war correspondent blogged that the bridge was hit. The army said nothing."
    assert [a["cue"]["text"] for a in nlp(text)._.conflict_attributions] == ["blogged"]
    nlp.to_disk(tmp_path / "pipeline")
    cues.unlink()
    loaded = spacy.load(tmp_path / "pipeline")
    assert [a["cue"]["text"] for a in loaded(text)._.conflict_attributions] == ["blogged"]


# ------------------------------------------------------------------------------------------ config, data, disk
def test_user_lexicon_file_and_to_disk(tmp_path):
    cues = tmp_path / "cues.jsonl"
    cues.write_text('# my cues\n{"lemma": "blog", "forms": ["blogged"], "strength": "strong"}\n', encoding="utf8")
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_attribution", config={"cues": str(cues)})
    text = "A Russian war correspondent blogged that the bridge was hit. The army said nothing."
    assert [a["cue"]["text"] for a in nlp(text)._.conflict_attributions] == ["blogged"]
    nlp.to_disk(tmp_path / "pipeline")
    cues.unlink()  # the saved pipeline must carry its own lexicon
    (tmp_path / "pipeline" / "conflict_attribution" / "cues.jsonl").exists()
    nlp2 = spacy.blank("en")
    nlp2.add_pipe("conflict_sentences")
    nlp2.add_pipe("conflict_attribution").from_disk(tmp_path / "pipeline" / "conflict_attribution")
    assert [a["cue"]["text"] for a in nlp2(text)._.conflict_attributions] == ["blogged"]


def test_to_bytes_round_trip(nlp):
    pipe = nlp.get_pipe("conflict_attribution")
    data = pipe.to_bytes()
    other = spacy.blank("en").add_pipe("conflict_attribution")
    other.add_entries("cues", [{"lemma": "x", "forms": ["xed"], "strength": "strong"}])
    other.from_bytes(data)
    assert other.entries == pipe.entries
    # a component whose config names its own table keeps it (the config wins over saved data)
    mine = [{"lemma": "x", "forms": ["xed"], "strength": "strong"}]
    configured = spacy.blank("en").add_pipe("conflict_attribution", config={"cues": mine}).from_bytes(data)
    assert configured.entries["cues"] == mine and configured.entries["phrases"] == pipe.entries["phrases"]


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"lemma": "say"}', "missing field 'forms'"),
        ('{"lemma": "say", "forms": ["said"], "strength": 3}', "field 'strength' must be str"),
        ('{"lemma": "say", "forms": ["said"], "strength": "loud"}', "strength must be"),
        ("not json", "invalid JSON"),
    ],
)
def test_bad_lexicon_is_named(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text("# header\n" + line + "\n", encoding="utf8")
    with pytest.raises(ResourceError, match=message):
        spacy.blank("en").add_pipe("conflict_attribution", config={"cues": str(path)})


def test_missing_lexicon_is_named():
    # The error waits for the first Doc: spacy.load builds the component from its config (whose
    # path may be gone) before from_disk restores the saved tables.
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_attribution", config={"outlets": "/nowhere.jsonl"})
    with pytest.raises(ResourceError, match="nowhere.jsonl"):
        nlp("The army said 30 militants were killed.")


def as_json(items):
    return json.dumps(items, sort_keys=True)


def test_plain_data_survives_serialization(nlp):
    doc = nlp("“We will hold,” the mayor said. TASS, citing the ministry, reported that the town fell.")
    expected = doc._.conflict_attributions
    # msgpack (to_bytes, DocBin) gives lists back as tuples; compare as JSON.
    assert pickle.loads(pickle.dumps(doc))._.conflict_attributions == expected
    assert as_json(Doc(nlp.vocab).from_bytes(doc.to_bytes())._.conflict_attributions) == as_json(expected)
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    (restored,) = DocBin(store_user_data=True).from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert as_json(restored._.conflict_attributions) == as_json(expected)
    assert [s.text for s in restored.spans["conflict_attribution"]] == ["said", "reported"]


def test_multiprocess_pipe(nlp):
    texts = ["The army said 30 militants were killed.", "According to the UN, 2,000 people fled."]
    results = [d._.conflict_attributions for d in nlp.pipe(texts, n_process=2)]
    assert results == [nlp(t)._.conflict_attributions for t in texts]


def test_empty_and_no_sentences():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_attribution")  # works without sentence boundaries too
    assert nlp("")._.conflict_attributions == []
    assert [a["cue"]["text"] for a in nlp("The army said 30 militants were killed.")._.conflict_attributions] == ["said"]
