"""The spaCy shell of ``conflict_attribution`` (conflictnlp.attribution.component): the configured
scorer, the span key, and a saved pipeline that no longer needs the user's rule files."""

from __future__ import annotations

import spacy
from spacy.util import registry

from conflictnlp import attribution, schema, sentences  # noqa: F401  (registers the factories)


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
    assert [a["cue"]["text"] for a in nlp(text)._.attributions] == ["blogged"]
    nlp.to_disk(tmp_path / "pipeline")
    cues.unlink()
    loaded = spacy.load(tmp_path / "pipeline")
    assert [a["cue"]["text"] for a in loaded(text)._.attributions] == ["blogged"]
